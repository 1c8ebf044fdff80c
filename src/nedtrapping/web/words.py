"""The words of the page and the API that the catalogue did not have yet, in bokmål and English.

Every word a person reads on the page or in a problem document is a key here (``web.*``) or an
existing key of :mod:`nedtrapping.wording`; :func:`nedtrapping.wording.text` shows it. Registered
with the catalogue when this module is imported.
"""

from __future__ import annotations

from nedtrapping.wording import add_words

__all__ = ["WORDS"]

#: key → {"nb": …, "en": …}; fields in ``{braces}`` are filled by :func:`nedtrapping.wording.text`.
WORDS: dict[str, dict[str, str]] = {
    # ---- the frame of every page
    "web.site_title": {"nb": "Nedtrappingsplan", "en": "Phase-down plan"},
    "web.skip": {"nb": "Gå til innholdet", "en": "Skip to the content"},
    "web.nav.plan": {"nb": "Planen", "en": "The plan"},
    "web.nav.rules": {"nb": "Reglene", "en": "The rules"},
    "web.nav.calendar": {"nb": "Tilskuddskalenderen", "en": "The grant calendar"},
    "web.nav.api": {"nb": "API (OpenAPI)", "en": "API (OpenAPI)"},
    "web.nav.label": {"nb": "Sider", "en": "Pages"},
    "web.other_lang": {"nb": "English", "en": "Norsk bokmål"},
    "web.footer": {
        "nb": "Ingenting du laster opp eller skriver inn, blir lagret på serveren: planen regnes ut, vises og glemmes. "
              "Beløp regnes eksakt i øre og avrundes én gang etter en navngitt regel.",
        "en": "Nothing you upload or type is kept on the server: the plan is computed, shown and forgotten. "
              "Amounts are exact in øre and rounded once by a named rule.",
    },
    # ---- the form
    "web.intro": {
        "nb": "Velg stillingsfilen din (Excel-arbeidsbok .xlsx eller CSV), eller bruk eksempelkommunen. Filen har de "
              "samme kolonnene som kommandoen «nedtrapping plan» leser: kommune, stilling, stillingsprosent, "
              "første_tilskuddsår og årskostnad (eller årslønn, sone og pensjon).",
        "en": "Choose your positions file (Excel workbook .xlsx or CSV), or use the example municipality. The file has "
              "the columns the command «nedtrapping plan» reads: kommune, stilling, stillingsprosent, "
              "første_tilskuddsår and årskostnad (or årslønn, sone and pensjon).",
    },
    "web.form.heading": {"nb": "Lag en plan", "en": "Make a plan"},
    "web.form.file": {"nb": "Stillingsfil (.xlsx eller .csv)", "en": "Positions file (.xlsx or .csv)"},
    "web.form.file_hint": {
        "nb": "Høyst {megabytes} MB og {rows} stillinger. Filen leses, planlegges og slettes før svaret sendes.",
        "en": "At most {megabytes} MB and {rows} positions. The file is read, planned and deleted before the answer "
              "is sent.",
    },
    "web.form.example": {"nb": "Bruk eksempelkommunen i stedet for en fil", "en": "Use the example municipality "
                                                                                 "instead of a file"},
    "web.form.scheme": {"nb": "Ordning", "en": "Scheme"},
    "web.form.submit": {"nb": "Lag planen", "en": "Make the plan"},
    "web.form.no_file": {
        "nb": "Velg en fil, eller kryss av for eksempelkommunen.",
        "en": "Choose a file, or tick the example municipality.",
    },
    # ---- the plan
    "web.plan.heading": {"nb": "Planen: {source}", "en": "The plan: {source}"},
    "web.plan.example_source": {"nb": "eksempelkommunen", "en": "the example municipality"},
    "web.plan.complete": {"nb": "Alle tall er kjent.", "en": "Every figure is known."},
    "web.plan.incomplete": {
        "nb": "Planen har ukjente tall ({count}) fordi den trenger verdier som ingen offentlig kilde gir. Skriv dem "
              "inn nedenfor.",
        "en": "The plan has unknown figures ({count}) because it needs values no public source gives. Type them "
              "below.",
    },
    "web.plan.totals": {"nb": "Sum per år for alle kommunene", "en": "Totals per year for every municipality"},
    "web.plan.total_grant": {"nb": "Tilskudd {year}: {amount}", "en": "Grant {year}: {amount}"},
    "web.plan.chart": {"nb": "Tilskudd og egenfinansiering per år", "en": "Grant and own financing per year"},
    "web.plan.chart_alt": {
        "nb": "Stolpediagram: tilskudd og egenfinansiering per år og kommune. Tallene står i tabellene over.",
        "en": "Bar chart: grant and own financing per year and municipality. The figures are in the tables above.",
    },
    "web.plan.no_chart": {
        "nb": "Diagrammet trenger matplotlib (pip install 'nedtrapping[plot]'); tallene står i tabellene.",
        "en": "The chart needs matplotlib (pip install 'nedtrapping[plot]'); the figures are in the tables.",
    },
    "web.plan.notes": {"nb": "Det leseren merket seg i filen", "en": "What the reader noticed in the file"},
    "web.plan.not_final": {"nb": "Det som ikke er endelig", "en": "What is not final"},
    "web.plan.not_final_none": {"nb": "Alle regelverdiene planen brukte, er endelige.",
                                "en": "Every rule value the plan used is final."},
    "web.plan.caption": {"nb": "{municipality}: tilskudd, full kostnad og egenfinansiering per stilling og år",
                         "en": "{municipality}: grant, full cost and own financing per position and year"},
    # ---- unknown values
    "web.unknown.heading": {"nb": "Verdier du må oppgi", "en": "Values you must supply"},
    "web.unknown.intro": {
        "nb": "Ingen offentlig kilde gir disse verdiene, og biblioteket gjetter ikke. Skriv beløpet fra "
              "tilsagnsbrevet og brevets navn, så regnes planen ut på nytt.",
        "en": "No public source gives these values, and the library does not guess. Type the amount from the grant "
              "letter and the letter's name, and the plan is computed again.",
    },
    "web.unknown.label": {"nb": "{name} ({rule_set})", "en": "{name} ({rule_set})"},
    "web.unknown.where": {
        "nb": "Står i kommunens tilsagnsbrev for {year}. Gjelder: {positions}.",
        "en": "In the municipality's grant letter for {year}. Affects: {positions}.",
    },
    "web.unknown.how": {"nb": "Regeldataene sier (på engelsk): {how}", "en": "The rule data says: {how}"},
    "web.unknown.source": {"nb": "Tilsagnsbrevet verdiene står i (navn og dato)",
                           "en": "The grant letter the values come from (name and date)"},
    "web.unknown.source_hint": {"nb": "For eksempel: Tilsagnsbrev 2022, Eksempel kommune",
                                "en": "For example: Tilsagnsbrev 2022, Eksempel kommune"},
    "web.unknown.supplied": {"nb": "Oppgitt av deg", "en": "Supplied by you"},
    "web.unknown.recompute": {"nb": "Regn ut på nytt", "en": "Compute again"},
    # ---- downloads
    "web.download.heading": {"nb": "Last ned planen", "en": "Download the plan"},
    "web.download.xlsx": {"nb": "Regneark med formler (.xlsx)", "en": "Workbook with formulas (.xlsx)"},
    "web.download.excel": {"nb": "CSV for norsk Excel", "en": "CSV for Norwegian Excel"},
    "web.download.json": {"nb": "JSON (hvert tall med regelen som gir det)",
                          "en": "JSON (every figure with the rule that gives it)"},
    "web.download.markdown": {"nb": "Markdown (til en rapport)", "en": "Markdown (for a report)"},
    # ---- the rules
    "web.rules.heading": {"nb": "Reglene per ordning og år", "en": "The rules per scheme and year"},
    "web.rules.intro": {
        "nb": "Hver regelverdi har en status og en kilde. Velg et regelsett for å se verdiene.",
        "en": "Every rule value has a status and a source. Choose a rule set to see its values.",
    },
    "web.rules.set_heading": {"nb": "{title} — {year}", "en": "{title} — {year}"},
    "web.rules.set_status": {"nb": "Regelsettets status: {status}. Hovedkilde: {source}",
                             "en": "Status of the rule set: {status}. Main source: {source}"},
    "web.rules.digest": {"nb": "Fingeravtrykk (SHA-256): {digest}", "en": "Digest (SHA-256): {digest}"},
    "web.rules.unknown_count": {"nb": "{count} ukjente", "en": "{count} unknown"},
    "web.rules.col.scheme": {"nb": "Ordning", "en": "Scheme"},
    "web.rules.col.name": {"nb": "Regelverdi", "en": "Rule value"},
    "web.rules.caption": {"nb": "Regelverdiene i {key}", "en": "The rule values of {key}"},
    "web.rules.list_caption": {"nb": "Regelsettene", "en": "The rule sets"},
    # ---- the calendar
    "web.calendar.heading": {"nb": "Tilskuddskalenderen", "en": "The grant calendar"},
    "web.calendar.intro": {
        "nb": "Alle frister i alle kjente ordninger. ≈ er en omtrentlig frist, ⚠ en frist kildene er usikre på.",
        "en": "Every deadline of every known scheme. ≈ marks an approximate deadline, ⚠ one the sources are unsure "
              "of.",
    },
    "web.calendar.ics": {"nb": "Last ned kalenderen til kalenderprogrammet ditt (.ics)",
                         "en": "Download the calendar for your calendar program (.ics)"},
    "web.calendar.caption": {"nb": "Fristene", "en": "The deadlines"},
    # ---- problems: titles and details (RFC 9457 problem documents and the page)
    "web.problem.heading": {"nb": "Dette må rettes", "en": "This must be put right"},
    "web.problem.positions.title": {"nb": "Feil i stillingene", "en": "Problems in the positions"},
    "web.problem.positions.detail": {
        "nb": "{count} feil i {source}; ingenting ble planlagt. Hver feil står med sted, verdien som sto der og "
              "det som var ventet.",
        "en": "{count} problems in {source}; nothing was planned. Each problem has its place, the value that was "
              "there and what was expected.",
    },
    "web.problem.the_positions": {"nb": "stillingene", "en": "the positions"},
    "web.problem.too_large.title": {"nb": "For mye data", "en": "Too much data"},
    "web.problem.too_large.detail": {
        "nb": "Forespørselen er større enn {megabytes} MB; den ble ikke lest ferdig. Del filen opp, eller kjør "
              "«nedtrapping plan» på egen maskin.",
        "en": "The request is larger than {megabytes} MB; it was not read to the end. Split the file, or run "
              "«nedtrapping plan» on your own machine.",
    },
    "web.problem.too_many_rows.title": {"nb": "For mange rader", "en": "Too many rows"},
    "web.problem.too_many_rows.detail": {
        "nb": "Filen har mer enn {limit} rader med stillinger; denne tjenesten planlegger høyst {limit} om gangen. "
              "Del filen opp, eller kjør «nedtrapping plan» på egen maskin.",
        "en": "The file has more than {limit} rows of positions; this service plans at most {limit} at a time. "
              "Split the file, or run «nedtrapping plan» on your own machine.",
    },
    "web.problem.media_type.title": {"nb": "Ukjent innholdstype", "en": "Unsupported media type"},
    "web.problem.media_type.detail": {
        "nb": "Innholdstypen {given} leses ikke. Send et stillingsdokument (application/json), en CSV-fil "
              "(text/csv) eller en arbeidsbok (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet).",
        "en": "The media type {given} is not read. Send a positions document (application/json), a CSV file "
              "(text/csv) or a workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet).",
    },
    "web.problem.json.title": {"nb": "Ikke gyldig JSON", "en": "Not valid JSON"},
    "web.problem.json.detail": {"nb": "Innholdet er ikke JSON ({reason}).", "en": "The body is not JSON ({reason})."},
    "web.problem.document.title": {"nb": "Feil i stillingsdokumentet", "en": "Problems in the positions document"},
    "web.problem.document.detail": {
        "nb": "{count} feil i stillingsdokumentet; ingenting ble planlagt.",
        "en": "{count} problems in the positions document; nothing was planned.",
    },
    "web.problem.parameter.title": {"nb": "Feil i en parameter", "en": "A bad parameter"},
    "web.problem.parameter.detail": {"nb": "{count} feil i parameterne; ingenting ble planlagt.",
                                     "en": "{count} problems in the parameters; nothing was planned."},
    "web.problem.not_found.title": {"nb": "Finnes ikke", "en": "Not found"},
    "web.problem.not_found.detail": {"nb": "Det finnes ingenting på {path}.", "en": "There is nothing at {path}."},
    "web.problem.method.title": {"nb": "Metoden brukes ikke her", "en": "Method not allowed"},
    "web.problem.method.detail": {"nb": "{method} brukes ikke på {path}.", "en": "{method} is not used at {path}."},
    "web.problem.request.title": {"nb": "Forespørselen kan ikke leses", "en": "The request cannot be read"},
    "web.problem.request.detail": {"nb": "Forespørselen kan ikke leses ({status}: {reason}).",
                                   "en": "The request cannot be read ({status}: {reason})."},
    "web.problem.scheme.title": {"nb": "Ukjent ordning eller år", "en": "Unknown scheme or year"},
    "web.problem.internal.title": {"nb": "Intern feil", "en": "Internal error"},
    "web.problem.internal.detail": {
        "nb": "Noe gikk galt i nedtrapping ({kind}). Dette er en feil i programmet, ikke i det du sendte; meld den "
              "gjerne.",
        "en": "Something went wrong in nedtrapping ({kind}). This is a bug in the program, not in what you sent; "
              "please report it.",
    },
    "web.problem.about": {
        "nb": "Et problemdokument (RFC 9457) av typen {type}: «title» sier hva slags feil, «detail» hva som skjedde, "
              "og «errors» lister hver feil med sted og det som var ventet.",
        "en": "A problem document (RFC 9457) of the type {type}: «title» says what kind of problem, «detail» what "
              "happened, and «errors» lists every problem with its place and what was expected.",
    },
    # ---- the place of a problem, and what was expected
    "web.place.row": {"nb": "rad {row}", "en": "row {row}"},
    "web.place.column": {"nb": "kolonne «{column}»", "en": "column «{column}»"},
    "web.place.field": {"nb": "felt «{field}»", "en": "field «{field}»"},
    "web.place.parameter": {"nb": "parameter «{name}»", "en": "parameter «{name}»"},
    "web.place.file": {"nb": "filen", "en": "the file"},
    "web.place.got": {"nb": "fant «{value}»", "en": "found «{value}»"},
    "web.place.expected": {"nb": "ventet {expected}", "en": "expected {expected}"},
    "web.expected.file": {"nb": "en stillingsfil (.xlsx eller .csv) eller eksempelkommunen",
                          "en": "a positions file (.xlsx or .csv) or the example municipality"},
    "web.expected.lang": {"nb": "nb (norsk bokmål) eller en (English)", "en": "nb (norsk bokmål) or en (English)"},
    "web.expected.scheme": {"nb": "en av ordningene: {schemes}", "en": "one of the schemes: {schemes}"},
    "web.expected.year": {"nb": "et av årene {years}", "en": "one of the years {years}"},
    "web.expected.supply": {
        "nb": "ÅR:STI=VERDI, for eksempel 2022:ladder.step_3=480000 (STI slik regelsiden viser den)",
        "en": "YEAR:PATH=VALUE, e.g. 2022:ladder.step_3=480000 (PATH as the rules page shows it)",
    },
    "web.expected.source": {
        "nb": "navnet på tilsagnsbrevet verdiene står i, for eksempel «Tilsagnsbrev 2022, Eksempel kommune»",
        "en": "the name of the grant letter the values come from, e.g. «Tilsagnsbrev 2022, Eksempel kommune»",
    },
    "web.expected.once": {"nb": "hver verdi én gang (den er allerede oppgitt)",
                          "en": "each value once (it is already given)"},
    "web.expected.value": {"nb": "en verdi regelsettet kan ta ({reason})", "en": "a value the rule set takes ({reason})"},
    "web.expected.format": {"nb": "et av formatene {formats}", "en": "one of the formats {formats}"},
    "web.expected.positions_document": {"nb": "et stillingsdokument (se JSON-skjemaet)",
                                        "en": "a positions document (see the JSON Schema)"},
    "web.expected.plan": {"nb": "stillinger som kan planlegges ({reason})",
                          "en": "positions that can be planned ({reason})"},
    # ---- serve
    "web.serve.listening": {
        "nb": "Siden kjører på {url} — trykk Ctrl-C for å stoppe. Ingenting blir lagret.",
        "en": "The page runs at {url} — press Ctrl-C to stop. Nothing is kept.",
    },
    "web.serve.missing": {
        "nb": "«nedtrapping serve» trenger tilleggspakken [web]: pip install 'nedtrapping[web]' ({missing})",
        "en": "«nedtrapping serve» needs the [web] extra: pip install 'nedtrapping[web]' ({missing})",
    },
    "web.serve.public": {
        "nb": "Obs: {host} er ikke bare denne maskinen; siden kan nås fra nettet. Sett den bak en proxy med HTTPS.",
        "en": "Note: {host} is not only this machine; the page can be reached from the network. Put it behind a "
              "proxy with HTTPS.",
    },
}

add_words(WORDS)
