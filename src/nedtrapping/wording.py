"""Every word a person reads, in Norwegian bokmål and English: one catalogue.

Why: the people who use the library read Norwegian; a developer reading the code
may not. Labels, headings, status words and messages live here, keyed by a stable
id, so a renderer never writes its own wording and a change of wording is one edit.
Bokmål (``"nb"``) is the default for people; English (``"en"``) is there on request
(``--lang en``). What programs read (CSV columns, JSON keys) is not wording and
stays in stable English in the renderers.

>>> text("plan.heading", "nb", municipality="Eksempel kommune", scheme="kommunalt rusarbeid")
'Nedtrappingsplan — Eksempel kommune (kommunalt rusarbeid)'
>>> status_word(Status.UNCERTAIN, "nb", neuter=True)
'usikkert'
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Literal

import attrs

from nedtrapping.errors import NedtrappingError
from nedtrapping.money import format_percent
from nedtrapping.provenance import Status

__all__ = [
    "Lang",
    "LANGS",
    "DEFAULT_LANG",
    "UnknownLanguageError",
    "check_lang",
    "text",
    "has_text",
    "status_word",
    "STATUS_NB",
    "STATUS_EN",
    "status_nb",
    "CATALOGUE",
    "Notice",
    "FactName",
    "fact_label",
    "add_words",
]

#: A language of the wording: ``"nb"`` (norsk bokmål) or ``"en"`` (English).
Lang = Literal["nb", "en"]
#: Every language the catalogue has, the default first.
LANGS: tuple[Lang, ...] = ("nb", "en")
#: The language people read unless they ask for another (``--lang en``).
DEFAULT_LANG: Lang = "nb"


class UnknownLanguageError(NedtrappingError, ValueError):
    """A language the catalogue does not have."""


def check_lang(lang: object) -> Lang:
    """``lang`` if the catalogue has it (``"nb"`` or ``"en"``), else :class:`UnknownLanguageError`."""
    if lang == "nb":
        return "nb"
    if lang == "en":
        return "en"
    raise UnknownLanguageError(f"language {lang!r}: expected one of {', '.join(LANGS)} (nb = norsk bokmål)")


#: The statuses in Norwegian, for Norwegian output.
STATUS_NB: dict[Status, str] = {
    Status.FINAL: "endelig",
    Status.PROVISIONAL: "foreløpig",
    Status.UNCERTAIN: "usikker",
    Status.INFERRED: "utledet",
    Status.ASSUMED: "antatt",
    Status.USER_SUPPLIED: "oppgitt av bruker",
    Status.UNKNOWN: "ukjent",
}
#: The statuses in English: their stable values.
STATUS_EN: dict[Status, str] = {s: s.value for s in Status}


def status_word(status: Status, lang: Lang = DEFAULT_LANG, *, neuter: bool = False) -> str:
    """A :class:`~nedtrapping.provenance.Status` as a word in ``lang``.

    ``neuter=True`` agrees with a neuter noun in Norwegian ("regelverket er usikkert").
    """
    if check_lang(lang) == "en":
        return STATUS_EN[status]
    word = STATUS_NB[status]
    return "usikkert" if neuter and status is Status.UNCERTAIN else word


def status_nb(status: Status, *, neuter: bool = False) -> str:
    """A status in Norwegian (``status_word(status, "nb")``).

    >>> status_nb(Status.PROVISIONAL)
    'foreløpig'
    """
    return status_word(status, "nb", neuter=neuter)


#: id → {language → text}. Texts may hold ``{name}`` fields filled by :func:`text`.
CATALOGUE: dict[str, dict[Lang, str]] = {
    # ---- plans: headings and column labels (table, Markdown, workbook)
    "plan.heading": {
        "nb": "Nedtrappingsplan — {municipality} ({scheme})",
        "en": "Phase-down plan — {municipality} ({scheme})",
    },
    "plan.col.position": {"nb": "Stilling", "en": "Position"},
    "plan.col.year": {"nb": "År", "en": "Year"},
    "plan.col.year_in_scheme": {"nb": "År i ordningen", "en": "Year in scheme"},
    "plan.col.year_in_scheme_short": {"nb": "Nr", "en": "Yr"},
    "plan.col.percent": {"nb": "%", "en": "%"},
    "plan.col.grant": {"nb": "Tilskudd", "en": "Grant"},
    "plan.col.cost": {"nb": "Full kostnad", "en": "Full cost"},
    "plan.col.own_financing": {"nb": "Egenfinansiering", "en": "Own financing"},
    "plan.col.increase": {"nb": "Økning", "en": "Increase"},
    "plan.col.municipality": {"nb": "Kommune", "en": "Municipality"},
    "plan.col.grant_source": {"nb": "Kilde for tilskuddet", "en": "Grant source"},
    "plan.total": {"nb": "SUM", "en": "TOTAL"},
    "plan.total_md": {"nb": "Sum", "en": "Total"},
    "plan.unknown": {"nb": "ukjent", "en": "unknown"},
    "plan.takeover": {
        "nb": "Kommunen bærer hele stillingen fra: {items}",
        "en": "Municipality carries the whole position from: {items}",
    },
    "plan.takeover_none": {"nb": "ikke innen planen / ukjent", "en": "not within the plan / unknown"},
    "plan.grant_letter_mark": {
        "nb": "tilskudd fra tilsagnsbrevet (oppgitt av bruker)",
        "en": "grant taken from the grant letter (user-supplied)",
    },
    "plan.grant_letter_mark_md": {
        "nb": "fra tilsagnsbrevet (oppgitt av bruker)",
        "en": "from the grant letter (user-supplied)",
    },
    "plan.problems": {"nb": "Ukjente tall", "en": "Unknown figures"},
    "plan.problems_count": {
        "nb": "Ukjente tall ({count}) — planen er ufullstendig:",
        "en": "Unknown figures ({count}) — the plan is incomplete:",
    },
    "plan.discrepancies": {
        "nb": "Tilsagnsbrev som avviker fra regelen",
        "en": "Grant letters that disagree with the rules",
    },
    "plan.warnings": {"nb": "Verdier som ikke er endelige", "en": "Values used that are not final"},
    "plan.digests": {"nb": "Regelsett brukt (SHA-256)", "en": "Rule sets used (SHA-256)"},
    "plan.rounding_footer": {
        "nb": "Beløpene er eksakte; hvert tilskudd og hver kostnad avrundes én gang, halvt opp til hele kroner "
              "(en antakelse).",
        "en": "Amounts are exact; each grant and cost is rounded once, half up to whole kroner (an assumption).",
    },
    "plan.explanations": {"nb": "Forklaringer", "en": "Explanations"},
    "plan.example_heading": {"nb": "(innebygd eksempel: {name})", "en": "(embedded example: {name})"},
    "plan.problem_line": {"nb": "{subject} {year}: {message}", "en": "{subject} {year}: {message}"},
    "plan.unknown_value": {
        "nb": "{name} [{where}] er ukjent: ingen offentlig kilde oppgir verdien. Brukt av: {positions}.",
        "en": "{name} [{where}] is unknown: no public source gives it. Used by: {positions}.",
    },
    "plan.how_to_supply": {"nb": "Slik oppgir du den: {how}", "en": "How to supply it: {how}"},
    # ---- plan documents for people: the Excel CSV and the workbook (nedtrapping.render)
    "plan.col.percent_long": {"nb": "Stillingsprosent", "en": "Position percentage"},
    "plan.col.increase_long": {"nb": "Økning i egenfinansiering", "en": "Increase in own financing"},
    "plan.col.explanation": {"nb": "Forklaring", "en": "Explanation"},
    "plan.col.incomplete": {"nb": "Stillinger med ukjente tall", "en": "Positions with unknown figures"},
    "plan.col.kind": {"nb": "Type", "en": "Kind"},
    "plan.col.text": {"nb": "Tekst", "en": "Text"},
    "plan.col.rule_set": {"nb": "Regelsett", "en": "Rule set"},
    "plan.col.path": {"nb": "Verdi i regelsettet", "en": "Value in the rule set"},
    "plan.col.value": {"nb": "Verdi", "en": "Value"},
    "plan.col.status": {"nb": "Status", "en": "Status"},
    "plan.col.source": {"nb": "Kilde", "en": "Source"},
    "plan.col.url": {"nb": "Lenke", "en": "Link"},
    "plan.col.note": {"nb": "Merknad", "en": "Note"},
    "plan.col.sha256": {"nb": "SHA-256", "en": "SHA-256"},
    "plan.all_municipalities": {"nb": "Alle kommuner", "en": "All municipalities"},
    "plan.grant_source.rule": {"nb": "regel", "en": "rule"},
    "plan.grant_source.grant letter": {"nb": "tilsagnsbrev", "en": "grant letter"},
    "plan.kind.unknown": {"nb": "ukjent", "en": "unknown"},
    "plan.kind.discrepancy": {"nb": "avvik", "en": "discrepancy"},
    "plan.kind.warning": {"nb": "advarsel", "en": "warning"},
    "plan.kind.input": {"nb": "inndata", "en": "input"},
    "plan.sheet.plan": {"nb": "Plan", "en": "Plan"},
    "plan.sheet.totals": {"nb": "Totaler", "en": "Totals"},
    "plan.sheet.rules": {"nb": "Regler", "en": "Rules"},
    "plan.sheet.warnings": {"nb": "Advarsler", "en": "Warnings"},
    "plan.sheet.explanations": {"nb": "Forklaringer", "en": "Explanations"},
    "plan.sheet.digests": {"nb": "Regelsett", "en": "Rule sets"},
    "plan.workbook_note": {
        "nb": "Egenfinansiering, økning og summer er formler: endre en kostnad, så regnes resten om. "
              "Et tomt tall er ukjent, aldri 0.",
        "en": "Own financing, increase and totals are formulas: change a cost and the rest recalculates. "
              "An empty figure is unknown, never 0.",
    },
    # ---- charts (nedtrapping.render.chart)
    "chart.title": {"nb": "Tilskudd og egenfinansiering — {municipality}",
                    "en": "Grant and own financing — {municipality}"},
    "chart.grant": {"nb": "Tilskudd", "en": "Grant"},
    "chart.own_financing": {"nb": "Egenfinansiering", "en": "Own financing"},
    "chart.unknown": {"nb": "ukjent", "en": "unknown"},
    "chart.unknown_bar": {"nb": "Tilskuddet er ukjent (full kostnad vist)", "en": "Grant unknown (full cost shown)"},
    "chart.year": {"nb": "År", "en": "Year"},
    "chart.kroner": {"nb": "Kroner", "en": "Kroner (NOK)"},
    "chart.takeover": {"nb": "Kommunen bærer alt fra {year}", "en": "Municipality carries all from {year}"},
    # ---- reading positions (nedtrapping.readers.table, nedtrapping.readers.workbook)
    "read.ignored_columns": {
        "nb": "{source}: ikke brukt i beregningen, tatt med videre i arbeidsboken: {columns}",
        "en": "{source}: not used in the plan, carried to the workbook: {columns}",
    },
    "read.header_row": {
        "nb": "{source}: overskriftsraden er rad {row} (radene over den er hoppet over)",
        "en": "{source}: the header is row {row} (the rows above it were skipped)",
    },
    "read.small_percent": {
        "nb": "{where}: stillingsprosenten er {value} % — mente du {value} som en andel (f.eks. 0,5 = 50 %)? "
              "Skriv prosent, f.eks. 50",
        "en": "{where}: the position percentage is {value} % — did you mean {value} as a share (0.5 = 50 %)? "
              "Write a percentage, e.g. 50",
    },
    "read.large_amount": {
        "nb": "{where}: årskostnaden eller årslønnen er {value} — over {limit} for én stilling; stemmer det (et "
              "siffer for mye, eller en sum av flere stillinger)?",
        "en": "{where}: the annual cost or salary is {value} — above {limit} for one position; is that right (a "
              "digit too many, or the sum of several positions)?",
    },
    "read.small_growth": {
        "nb": "{where}: lønnsveksten er {value} % i året — mente du {value} som en andel (0,035 = 3,5 %)? "
              "Skriv prosent, f.eks. 3,5",
        "en": "{where}: the growth is {value} % a year — did you mean {value} as a share (0.035 = 3.5 %)? "
              "Write a percentage, e.g. 3.5",
    },
    "read.no_growth": {
        "nb": "{source}: ingen kolonne lønnsvekst: kostnadene er planlagt uten vekst (0 % i året); legg til "
              "lønnsvekst for å regne med lønnsøkning",
        "en": "{source}: no growth column: the costs are planned flat (0 % a year); add a 'growth' (lønnsvekst) "
              "column to plan with wage growth",
    },
    "read.rounded": {
        "nb": "{source}: celle {cell} ({column}) = {value} har mer enn to desimaler; avrundet halvt opp til {rounded}",
        "en": "{source}: cell {cell} ({column}) = {value} has more than two decimals; rounded half up to {rounded}",
    },
    "read.rounded_once": {
        "nb": "{source}: celle {cell} ({column}) = {value} har mer enn to desimaler; avrundet én gang, halvt opp, til "
              "{rounded} fra den eksakte verdien",
        "en": "{source}: cell {cell} ({column}) = {value} has more than two decimals; rounded once, half up, to "
              "{rounded} from its exact value",
    },
    "read.exact_base": {
        "nb": "{source}: celle {cell} ({column}) = {value} har mer enn to desimaler; kostnaden hvert år regnes fra den "
              "eksakte verdien og avrundes én gang, halvt opp til hele kroner",
        "en": "{source}: cell {cell} ({column}) = {value} has more than two decimals; each year's cost is computed "
              "from the exact value and rounded once, half up to whole kroner",
    },
    "read.total_row": {
        "nb": "{source}: rad {row} ({label}) ser ut som en sum- eller totalrad (uten første tilskuddsår); "
              "hoppet over",
        "en": "{source}: row {row} ({label}) looks like a total or subtotal row (no first grant year); skipped",
    },
    "read.invisible": {
        "nb": "{source}: rad {row}, kolonne {column}: usynlige tegn (f.eks. nullbreddes mellomrom) er fjernet fra "
              "navnet, som leses som «{name}»",
        "en": "{source}: row {row}, column {column}: invisible characters (such as a zero-width space) were removed "
              "from the name, read as «{name}»",
    },
    "read.utf32_broken": {
        "nb": "en hel UTF-32-tekstfil (filen begynner med et UTF-32-merke, men kan ikke leses som UTF-32); lagre den "
              "på nytt som «CSV UTF-8»",
        "en": "a whole UTF-32 text file (it starts with a UTF-32 byte-order mark but does not decode as UTF-32); "
              "save it again as 'CSV UTF-8'",
    },
    "read.ole_workbook": {
        "nb": "en .xlsx-arbeidsbok uten passord; denne er passordbeskyttet (kryptert) eller en gammel .xls: åpne den "
              "i Excel, fjern passordet og lagre som .xlsx",
        "en": "an .xlsx workbook without a password; this one is password-protected (encrypted) or an old .xls: open "
              "it in Excel, remove the password and save it as .xlsx",
    },
    "read.json_broken": {
        "nb": "et posisjonsdokument i JSON (et objekt med «positions»){where}",
        "en": "a positions document in JSON (an object with 'positions'){where}",
    },
    "read.hidden_rows": {
        "nb": "{source}: skjulte rader er ikke lest: {rows} (--include-hidden leser dem)",
        "en": "{source}: hidden rows were not read: {rows} (--include-hidden reads them)",
    },
    "read.formula_without_value": {
        "nb": "en verdi; cellen har formelen {formula}, men ingen lagret verdi (åpne og lagre arbeidsboken i Excel "
              "eller LibreOffice, eller skriv inn tallet)",
        "en": "a value; the cell holds the formula {formula} but no saved value (open and save the workbook in Excel "
              "or LibreOffice, or type in the figure)",
    },
    "read.merged_cell": {
        "nb": "en verdi i hver rad; cellen {cell} er en del av den sammenslåtte cellen {range}, og verdien står bare "
              "i {first} (del opp de sammenslåtte cellene og fyll inn hver rad)",
        "en": "a value in every row; the cell {cell} is part of the merged cell {range}, whose value is only in "
              "{first} (unmerge the cells and fill in each row)",
    },
    "read.mixed_encodings": {
        "nb": "én tegnkoding for hele filen: linje {utf8} er UTF-8, men linje {other} er ikke det (Windows-1252, "
              "som fra en eldre Excel), så noen navn ville blitt forvrengt; lagre filen på nytt som «CSV UTF-8», "
              "eller skriv de linjene inn på nytt",
        "en": "one text encoding for the whole file: lines {utf8} are UTF-8 but lines {other} are not (Windows-1252, "
              "as from an older Excel), so some names would come out garbled; save the file again as 'CSV UTF-8', "
              "or retype those lines",
    },
    "read.utf16_broken": {
        "nb": "en hel UTF-16-tekstfil (filen ser ut som UTF-16 uten byte-rekkefølgemerke, men kan ikke leses som "
              "UTF-16); lagre den på nytt som «CSV UTF-8»",
        "en": "a whole UTF-16 text file (it looks like UTF-16 without a byte-order mark but does not decode as "
              "UTF-16); save it again as 'CSV UTF-8'",
    },
    "read.too_many_rows": {
        "nb": "høyst {limit} rader med stillinger i én fil (del den opp)",
        "en": "at most {limit} rows of positions in one file (split it)",
    },
    "read.too_many_cells": {
        "nb": "høyst {limit} celler i en rad",
        "en": "at most {limit} cells in a row",
    },
    "read.hidden_sheets": {
        "nb": "{source}: skjulte ark er ikke lest: {sheets} (--sheet NAVN leser et av dem)",
        "en": "{source}: hidden sheets were not read: {sheets} (--sheet NAME reads one)",
    },
    # ---- plan warnings (Notice keys); the English texts are what Plan.warnings holds
    "warning.fact": {
        "nb": "{status}: {name} = {value} — brukt fra {where} ({citation})",
        "en": "{status}: {name} = {value} — used from {where} ({citation})",
    },
    "warning.grant_letter": {
        "nb": "{status}: {subject} {year}: tildelt {amount} er hentet fra tilsagnsbrevet",
        "en": "{status}: {subject} {year}: granted {amount} taken from the grant letter",
    },
    "warning.grant_exceeds_cost": {
        "nb": "{subject} {year}: tilskuddet ({grant}) er større enn full kostnad ({cost}); sjekk kostnaden",
        "en": "{subject} {year}: the grant ({grant}) exceeds the full cost ({cost}); check the cost",
    },
    "warning.discrepancy": {
        "nb": "avvik: {subject} {year}: tildelt {granted} (tilsagnsbrev), men regelen gir {by_rule} "
              "(forskjell {difference})",
        "en": "discrepancy: {subject} {year}: granted {granted} (grant letter) but the rule gives {by_rule} "
              "(difference {difference})",
    },
    "warning.rusarbeid.first_after_2021": {
        "nb": "{subject}: første tilskuddsår {first} er etter 2021; overgangsordningen viderefører bare stillinger "
              "som fantes i 2021, så det blir ikke noe tilskudd",
        "en": "{subject}: first grant year {first} is after 2021; the transitional scheme continues only positions "
              "that existed in 2021, so there is no grant",
    },
    "warning.rusarbeid.inferred_2021": {
        "nb": "{status}: {municipality} fikk tilskudd i 2021 (utledet av stillingenes første tilskuddsår {first}); "
              "oppgi det i en kolonne fikk_tilskudd_2021 (ja/nei)",
        "en": "{status}: {municipality}: the municipality received the grant in 2021 (from its positions' first "
              "grant years {first}); state it in a fikk_tilskudd_2021 (or received_2021) column (yes/no)",
    },
    "warning.rusarbeid.carry_over": {
        "nb": "{subject} {year}: ingen tilskudd etter fire år i ordningen, med mindre overføring av ubrukte midler "
              "søkes og godkjennes",
        "en": "{subject} {year}: no grant after four years in the scheme, unless a transfer of unused money is "
              "applied for and approved",
    },
    "warning.nav.maximum": {
        "nb": "{subject}: {scheme} gir et maksimum, ikke et beløp; planen bruker maksimum (oppgi beløpet fra "
              "tilsagnsbrevet for å erstatte det)",
        "en": "{subject}: {scheme} gives a maximum, not an amount; the plan uses the maximum (give the granted "
              "amount from the grant letter to replace it)",
    },
    # ---- command line messages
    "cost.salary": {"nb": "Lønn", "en": "Salary"},
    "cost.holiday_deduction": {"nb": "Ferietrekk", "en": "Holiday deduction"},
    "cost.holiday_pay": {"nb": "Feriepenger", "en": "Holiday pay"},
    "cost.holiday_pay_over_60": {"nb": "Feriepengetillegg over 60 år", "en": "Holiday pay supplement over 60"},
    "cost.pension": {"nb": "Pensjonspremie", "en": "Pension premium"},
    "cost.employer_contribution": {"nb": "Arbeidsgiveravgift", "en": "Employer's contribution"},
    "cost.extra_employer_contribution": {"nb": "Ekstra arbeidsgiveravgift", "en": "Extra employer's contribution"},
    "cli.replaced": {"nb": "{path} fantes og er erstattet", "en": "{path} existed and was replaced"},
    "cli.incomplete": {
        "nb": "{count} tall er ukjente; planen er ufullstendig",
        "en": "{count} figure(s) unknown; the plan is incomplete",
    },
    "cli.incomplete_in_table": {"nb": " (listet i tabellen).", "en": " (listed in the table output)."},
    "plan.warnings_more": {"nb": "… og {count} til av samme slag (alle i JSON og arbeidsboken, eller med --verbose)",
                           "en": "… and {count} more of the same kind (all in the JSON and the workbook, or with "
                                 "--verbose)"},
    "cli.warnings": {
        "nb": "advarsler ({count}): verdier som ikke er endelige, og tall å sjekke",
        "en": "warnings ({count}): values used that are not final, and figures to check",
    },
    "cli.digests": {"nb": "regelsett brukt (SHA-256): {digests}", "en": "rule sets used (SHA-256): {digests}"},
    "cli.wrote": {"nb": "skrev {path}", "en": "wrote {path}"},
    "cli.supplied_year_not_planned": {
        "nb": "advarsel: --ladder-step for {year} har ingen virkning: {year} er ikke blant årene som planlegges "
              "({first}–{last}); planlegg det med --years {years}, eller ta bort trinnet",
        "en": "warning: --ladder-step for {year} has no effect: {year} is not among the years planned "
              "({first}–{last}); plan it with --years {years}, or leave the step out",
    },
    "cli.unused_supplied": {
        "nb": "advarsel: {name} i {rule_set} ble oppgitt, men ingen stilling brukte den",
        "en": "warning: {name} of {rule_set} was supplied but no position used it",
    },
    # ---- issue 18: bounded work, clean ends, messages for people
    "cli.years_out_of_range": {
        "nb": "--years {given}: planlegg år til og med {last} (en plan lenger fram er neppe ment); {year} er for sent",
        "en": "--years {given}: plan years up to {last} (a plan further ahead is hardly meant); {year} is too late",
    },
    "frames.shares": {
        "nb": "stillingsprosenter (50 for 50 %); alle verdiene i kolonnen er 1 eller mindre, slik pd.read_excel gir "
              "en celle formatert som prosent (0,5 for 50 %): gi percent_scale=100 for å lese dem som andeler, "
              "eller percent_scale=1 hvis de virkelig er prosenter under 1",
        "en": "position percentages (50 for 50 %); every value in the column is 1 or less, as pd.read_excel gives a "
              "percent-formatted cell (0.5 for 50 %): pass percent_scale=100 to read them as shares, or "
              "percent_scale=1 if they really are percentages below 1",
    },
    "cli.input_folder": {"nb": "{path} er en mappe; gi en fil med stillinger (.csv, .xlsx eller .json)",
                         "en": "{path} is a folder; give a positions file (.csv, .xlsx or .json)"},
    "cli.input_not_file": {
        "nb": "{path} er ikke en vanlig fil (et rør eller en enhet); lagre stillingene i en fil og gi den",
        "en": "{path} is not a regular file (a pipe or a device); save the positions to a file and give that",
    },
    "cli.interrupted": {"nb": "avbrutt ({signal}); ingenting er skrevet", "en": "interrupted ({signal}); nothing was written"},
    "cli.out_of_memory": {
        "nb": "for lite minne til å lese eller planlegge dette; del filen opp, eller kjør på en maskin med mer minne "
              "(ingenting er skrevet)",
        "en": "not enough memory to read or plan this; split the file, or run on a machine with more memory "
              "(nothing was written)",
    },
    # ---- calendar: nedtrapping.calendar (periods, deadlines, doubt, days left) and its renderers
    # (nedtrapping.render.calendar, nedtrapping.render.ics). Dates and times are formatted here
    # too ({at:%d.%m.%Y}), so a language decides its own date form.
    "calendar.month.1": {"nb": "januar", "en": "January"},
    "calendar.month.2": {"nb": "februar", "en": "February"},
    "calendar.month.3": {"nb": "mars", "en": "March"},
    "calendar.month.4": {"nb": "april", "en": "April"},
    "calendar.month.5": {"nb": "mai", "en": "May"},
    "calendar.month.6": {"nb": "juni", "en": "June"},
    "calendar.month.7": {"nb": "juli", "en": "July"},
    "calendar.month.8": {"nb": "august", "en": "August"},
    "calendar.month.9": {"nb": "september", "en": "September"},
    "calendar.month.10": {"nb": "oktober", "en": "October"},
    "calendar.month.11": {"nb": "november", "en": "November"},
    "calendar.month.12": {"nb": "desember", "en": "December"},
    "calendar.period.month": {"nb": "{month} {year}", "en": "{month} {year}"},
    "calendar.period.months": {"nb": "{first}–{last} {year}", "en": "{first}–{last} {year}"},
    "calendar.period.with_status": {"nb": "{period}, {status}", "en": "{period}, {status}"},
    "calendar.period.budget_year": {"nb": "hele {year}", "en": "all of {year}"},
    "calendar.when.exact": {"nb": "{at:%d.%m.%Y %H:%M}", "en": "{at:%Y-%m-%d %H:%M}"},
    "calendar.when.approximate": {
        "nb": "{as_written} (omtrent {period}; ingen dato)",
        "en": "{as_written} (about {period}; no date)",
    },
    "calendar.when.rolling": {"nb": "{as_written} (ingen frist, {period})",
                              "en": "{as_written} (no deadline, {period})"},
    "calendar.when.no_date": {"nb": "{as_written} (ingen dato)", "en": "{as_written} (no date)"},
    "calendar.doubt.deadline": {"nb": "frist {status}: «{as_written}»", "en": "deadline {status}: «{as_written}»"},
    "calendar.doubt.year": {
        "nb": " (året {year} er {status}: kilden ({source}{dated}) gir ikke år)",
        "en": " (the year {year} is {status}: the source ({source}{dated}) gives no year)",
    },
    "calendar.doubt.dated": {"nb": ", datert {date:%d.%m.%Y}", "en": ", dated {date:%Y-%m-%d}"},
    "calendar.doubt.period": {
        "nb": "periode {status}: {period} — ingen kilde gir dato eller periode; biblioteket antar den ({source})",
        "en": "period {status}: {period} — no source gives a date or a period; the library assumes it ({source})",
    },
    "calendar.doubt.applicants": {"nb": "hvem kan søke {status}: «{applicants}»",
                                  "en": "who may apply {status}: «{applicants}»"},
    "calendar.doubt.rule_set": {"nb": "regelverket er {status}", "en": "the rules are {status}"},
    "calendar.doubt.deck": {
        "nb": "lysarket skriver {words} med spørsmålstegn ({status})",
        "en": "the deck writes {words} with question marks ({status})",
    },
    "calendar.doubt.deck_word": {"nb": "«{word}»", "en": "«{word}»"},
    "calendar.doubt.deck_words": {"nb": "«{first}» og «{second}»", "en": "«{first}» and «{second}»"},
    "calendar.doubt.deck_confirmed": {
        "nb": "; {source} ({document}) bekrefter fristen {at:%d.%m.%Y kl. %H:%M}",
        "en": "; {source} ({document}) confirms the deadline {at:%Y-%m-%d %H:%M}",
    },
    "calendar.doubt.the_source": {"nb": "kilden", "en": "the source"},
    "calendar.days_left.rolling": {"nb": "løpende («{as_written}») — ingen frist",
                                   "en": "rolling («{as_written}») — no deadline"},
    "calendar.days_left.vague": {"nb": "ingen dato — kilden sier «{as_written}»",
                                 "en": "no date — the source says «{as_written}»"},
    "calendar.days_left.future": {"nb": "{relative} (frist kl. {clock})", "en": "{relative} (deadline at {clock})"},
    "calendar.days_left.past": {"nb": "fristen gikk ut {relative}", "en": "the deadline passed {relative}"},
    "calendar.days_left.passed_today": {"nb": "fristen gikk ut i dag kl. {clock}",
                                        "en": "the deadline passed today at {clock}"},
    "calendar.days_left.today": {"nb": "i dag kl. {clock}, {relative}", "en": "today at {clock}, {relative}"},
    "calendar.relative.day.future.one": {"nb": "om {count} dag", "en": "in {count} day"},
    "calendar.relative.day.future.other": {"nb": "om {count} dager", "en": "in {count} days"},
    "calendar.relative.day.past.one": {"nb": "for {count} dag siden", "en": "{count} day ago"},
    "calendar.relative.day.past.other": {"nb": "for {count} dager siden", "en": "{count} days ago"},
    "calendar.relative.hour.future.one": {"nb": "om {count} time", "en": "in {count} hour"},
    "calendar.relative.hour.future.other": {"nb": "om {count} timer", "en": "in {count} hours"},
    "calendar.relative.minute.future.one": {"nb": "om {count} minutt", "en": "in {count} minute"},
    "calendar.relative.minute.future.other": {"nb": "om {count} minutter", "en": "in {count} minutes"},
    "calendar.purpose.application": {"nb": "Søknadsfrist", "en": "Application deadline"},
    "calendar.purpose.reporting": {"nb": "Rapporteringsfrist", "en": "Reporting deadline"},
    "calendar.round.ordinary": {"nb": "ordinær", "en": "ordinary"},
    "calendar.nationwide": {"nb": "hele landet", "en": "nationwide"},
    "calendar.county_has_own_date": {"nb": "fylket har egen frist", "en": "the county has its own deadline"},
    "calendar.col.deadline": {"nb": "Frist", "en": "Deadline"},
    "calendar.col.type": {"nb": "Type", "en": "Type"},
    "calendar.col.round": {"nb": "Runde", "en": "Round"},
    "calendar.col.grant": {"nb": "Tilskudd", "en": "Grant"},
    "calendar.col.applicants": {"nb": "Hvem kan søke", "en": "Who may apply"},
    "calendar.col.county": {"nb": "Fylke", "en": "County"},
    "calendar.col.uncertainty": {"nb": "Usikkerhet", "en": "Uncertainty"},
    "calendar.col.source": {"nb": "Kilde", "en": "Source"},
    "calendar.text.applicants": {"nb": "søkere: {applicants}", "en": "applicants: {applicants}"},
    "calendar.text.deck_row": {"nb": " [lysark rad {number}: «{as_written}»]",
                               "en": " [deck row {number}: «{as_written}»]"},
    "calendar.ics.name": {"nb": "Tilskuddskalender", "en": "Grant calendar"},
    "calendar.ics.uncertain_mark": {"nb": "(USIKKER) ", "en": "(UNCERTAIN) "},
    "calendar.ics.approximate_mark": {"nb": "(OMTRENT) ", "en": "(APPROXIMATE) "},
    "calendar.ics.applicants": {"nb": "Hvem kan søke: {applicants}", "en": "Who may apply: {applicants}"},
    "calendar.ics.as_written": {"nb": "Frist slik den er skrevet: {as_written}",
                                "en": "Deadline as written: {as_written}"},
    "calendar.ics.round": {"nb": "Runde: {round}", "en": "Round: {round}"},
    "calendar.ics.rolling": {
        "nb": "Løpende: ingen frist, søknader behandles fortløpende. Hendelsen dekker budsjettåret ({period}); "
              "den er ikke en frist.",
        "en": "Rolling: no deadline, applications are handled as they come. The event covers the budget year "
              "({period}); it is not a deadline.",
    },
    "calendar.ics.approximate": {
        "nb": "Omtrentlig: ingen dato, bare en periode ({period}). Hendelsen dekker hele perioden; den er ikke "
              "en frist.",
        "en": "Approximate: no date, only a period ({period}). The event covers the whole period; it is not "
              "a deadline.",
    },
    "calendar.ics.status": {"nb": "Status: {status}", "en": "Status: {status}"},
    "calendar.ics.uncertain": {"nb": "USIKKER: {reasons}", "en": "UNCERTAIN: {reasons}"},
    "calendar.ics.note": {"nb": "Merknad: {note}", "en": "Note: {note}"},
    "calendar.ics.source": {"nb": "Kilde: {source}", "en": "Source: {source}"},
    "calendar.ics.assumed_period": {"nb": "Perioden er antatt: {source}", "en": "The period is assumed: {source}"},
    # ---- words
    "word.yes": {"nb": "ja", "en": "yes"},
    "word.no": {"nb": "nei", "en": "no"},
    # ---- a grant derived from its rate (nedtrapping.grant): every scheme's explanation
    "grant.heading": {"nb": "Tilskudd {year}", "en": "Grant {year}"},
    "grant.no_grant": {"nb": "Ikke tilskudd", "en": "No grant"},
    "grant.no_grant.why": {"nb": "vilkåret er ikke oppfylt: {condition} ({reason})",
                           "en": "not eligible: {condition} — not met ({reason})"},
    "grant.pro_rata": {"nb": "Forholdsmessig for en stilling på {percent} %",
                       "en": "Pro rata for a {percent} % position"},
    "grant.pro_rata.figure": {"nb": "{per_full} × {percent} % = {exact}", "en": "{per_full} × {percent} % = {exact}"},
    "grant.not_pro_rata": {"nb": "Ikke avkortet for en stilling på {percent} %",
                           "en": "Not cut for a {percent} % position"},
    "grant.exact": {"nb": "{whole} + {fraction} kr (eksakt)", "en": "{whole} + {fraction} kr (exact)"},
    "grant.rounded.half-up": {"nb": "Avrundet én gang, halvt opp til hele kroner",
                              "en": "Rounded once, half up to whole kroner"},
    "grant.rounded.down": {"nb": "Avrundet én gang, ned til hele kroner (et tak: «inntil»)",
                           "en": "Rounded once, down to whole kroner (a cap: 'at most')"},
    "grant.eligibility": {"nb": "Vilkår for {subject}", "en": "Eligibility of {subject}"},
    "grant.the_position": {"nb": "stillingen", "en": "the position"},
    "grant.eligible": {"nb": "oppfylt", "en": "eligible"},
    "grant.not_eligible": {"nb": "ikke oppfylt", "en": "not eligible"},
    "grant.check": {"nb": "{condition} — {outcome}", "en": "{condition} — {outcome}"},
    "check.met": {"nb": "oppfylt", "en": "met"},
    "check.not_met": {"nb": "IKKE oppfylt", "en": "NOT met"},
    "rate.amount": {"nb": "Beløp per 100 % stilling (år {n} i ordningen)",
                    "en": "Amount per 100 % position (year {n} in the scheme)"},
    # checks every scheme may state (nedtrapping.scheme.Check: check.<id>, check.<id>.met / .not_met)
    "check.scheme_pays": {"nb": "Ordningen gir tilskudd i {year}", "en": "The scheme pays grants in {year}"},
    "check.scheme_pays.met": {"nb": "siste tilskuddsår er {last}", "en": "the last grant year is {last}"},
    "check.scheme_pays.not_met": {"nb": "siste tilskuddsår er {last}", "en": "the last grant year is {last}"},
    "check.started": {"nb": "Stillingen var startet i {year}", "en": "The position had started by {year}"},
    "check.started.met": {"nb": "første tilskuddsår {first}", "en": "first grant year {first}"},
    "check.started.not_met": {"nb": "første tilskuddsår {first} er etter {year}",
                              "en": "first grant year {first} is after {year}"},
    "check.within_years": {"nb": "Stillingen er innenfor sine {max} år i ordningen",
                           "en": "The position is within its {max} years in the scheme"},
    "check.within_years.met": {"nb": "{year} er år {n} i ordningen ({year} − {first} + 1)",
                               "en": "{year} is its year {n} in the scheme ({year} − {first} + 1)"},
    "check.within_years.not_met": {"nb": "{year} er år {n} i ordningen ({year} − {first} + 1) > {max}",
                                   "en": "{year} is its year {n} in the scheme ({year} − {first} + 1) > {max}"},
    # ---- a plan row's explanation (nedtrapping.plan)
    "explain.row": {"nb": "{subject}, {year} (år {n} i ordningen, {percent} %)",
                    "en": "{subject}, {year} (year {n} in the scheme, {percent} %)"},
    "explain.letter.agrees": {"nb": "Tilskudd {year} fra tilsagnsbrevet (stemmer med regelen)",
                              "en": "Grant {year} from the grant letter (agrees with the rule)"},
    "explain.letter.differs": {"nb": "Tilskudd {year} fra tilsagnsbrevet (avviker fra regelen: {rule})",
                               "en": "Grant {year} from the grant letter (differs from the rule ({rule}))"},
    "explain.letter.unchecked": {"nb": "Tilskudd {year} fra tilsagnsbrevet (regelen kunne ikke kontrollere det)",
                                 "en": "Grant {year} from the grant letter (the rule could not check it)"},
    "explain.rule_unknown": {"nb": "Regelens beløp er ukjent", "en": "The rule's amount is unknown"},
    "explain.cannot_compute": {"nb": "Kan ikke beregnes", "en": "Cannot compute"},
    "explain.unknown": {"nb": "ukjent", "en": "unknown"},
    "explain.unknown_value": {
        "nb": "{name} i {rule_set} er ukjent: ingen offentlig kilde gir verdien. Slik oppgir du den: {how}",
        "en": "{name} of {rule_set} is unknown: no public source gives it. How to supply it: {how}",
    },
    "explain.own_financing": {"nb": "Egenfinansiering = full kostnad − tilskudd (bibliotekets definisjon)",
                              "en": "Own financing = full cost − grant (the library's definition)"},
    "explain.own_financing.unknown": {"nb": "ukjent (tilskuddet er ukjent)", "en": "unknown (the grant is unknown)"},
    "explain.difference": {"nb": "{a} − {b} = {result}", "en": "{a} − {b} = {result}"},
    "explain.increase": {"nb": "Økning fra året før", "en": "Increase over the previous year"},
    "explain.increase.first": {"nb": "ikke beregnet: {year} er planens første år",
                               "en": "not computed: {year} is the first year of the plan"},
    "explain.increase.unknown": {"nb": "ukjent (en egenfinansiering er ukjent)",
                                 "en": "unknown (an own financing is unknown)"},
    "explain.increase.from_base": {"nb": "{a} − {b} (egenfinansieringen i {base}, basisåret) = {result}",
                                   "en": "{a} − {b} (the own financing of {base}, the base year) = {result}"},
    "explain.increase.base_unknown": {
        "nb": "ikke beregnet: tilskuddet i basisåret {base} er ukjent; oppgi det fra tilsagnsbrevet for {base} "
              "i en kolonne tildelt_{base}",
        "en": "not computed: the grant of the base year {base} is unknown; supply it from the grant letter for "
              "{base} in a granted_{base} column",
    },
    # ---- a cost's explanation (nedtrapping.cofinancing, SalaryCost)
    "cost.heading": {"nb": "Full kostnad {year}", "en": "Full cost {year}"},
    "cost.heading.note": {"nb": "Full kostnad {year} ({note})", "en": "Full cost {year} ({note})"},
    "cost.describe.fixed": {"nb": "fast årskostnad {annual}", "en": "fixed annual cost {annual}"},
    "cost.describe.growing": {"nb": "{base} i {year} × (1 + {growth} %)^{n}", "en": "{base} in {year} × (1 + {growth} %)^{n}"},
    "cost.describe.growing_exact": {"nb": "{base} kr (eksakt) i {year} × (1 + {growth} %)^{n}",
                                    "en": "{base} kr (exact) in {year} × (1 + {growth} %)^{n}"},
    "cost.describe.salary": {
        "nb": "lønn {salary}, stilling {percent} %, sone {zone}, feriepenger {holiday}, pensjon {pension} %",
        "en": "salary {salary}, {percent} % position, zone {zone}, holiday pay {holiday}, pension {pension} %",
    },
    "cost.salary.given": {"nb": "{salary} ved 100 %{when}{growth}", "en": "{salary} at 100 %{when}{growth}"},
    "cost.salary.in_year": {"nb": " i {year}", "en": " in {year}"},
    "cost.salary.growing": {"nb": ", med vekst {growth} % i året", "en": ", growing {growth} % a year"},
    "cost.holiday_rule.fifth_week": {"nb": "12 %, femte ferieuke", "en": "12 %, fifth week"},
    "cost.holiday_rule.statutory": {"nb": "10,2 %, ferieloven", "en": "10.2 %, ferieloven"},
    "cost.scaled": {"nb": "{detail} × {percent} % (stillingsprosenten er endret)",
                    "en": "{detail} × {percent} % (the position's percentage changed)"},
    "cost.scaled_at": {"nb": "ved {percent} %: stillingsprosenten er endret",
                       "en": "at {percent} %: the position's percentage changed"},
    "cost.percent": {"nb": "{percent} %", "en": "{percent} %"},
    "cost.pension_of_salary": {"nb": "{percent} % av lønnen", "en": "{percent} % of the salary"},
    "cost.zone": {"nb": "{zone}", "en": "{zone}"},
    "cost.zone.1a": {"nb": "{zone} ({rate})", "en": "{zone} ({rate})"},
    "cost.zone_1a_rate.reduced": {"nb": "redusert sats", "en": "reduced rate"},
    "cost.zone_1a_rate.full": {"nb": "full sats", "en": "full rate"},
    "cost.component.zone": {"nb": "{label}, sone {zone}", "en": "{label}, zone {zone}"},
    "cost.senior.no_birth_year": {"nb": "0 kr: fødselsår er ikke oppgitt", "en": "0 kr: no birth year given"},
    "cost.senior.under_age": {"nb": "0 kr: den ansatte fyller {age} i {year}, under {senior}",
                              "en": "0 kr: the employee turns {age} in {year}, under {senior}"},
    "cost.extra.none": {"nb": "0 kr: ingen i {year}", "en": "0 kr: none in {year}"},
    "cost.holiday_deduction.figure": {
        "nb": "−{days}/{per_year} × {salary} = {result} ({holiday_days} feriedager (virkedager){extra} av {per_year})",
        "en": "−{days}/{per_year} × {salary} = {result} ({holiday_days} holiday virkedager{extra} of {per_year})",
    },
    "cost.holiday_deduction.extra": {"nb": " + {extra} fra fylte 60", "en": " + {extra} from age 60"},
    "cost.holiday_pay.figure": {"nb": "{rate} × {paid} (utbetalt lønn) = {result}",
                                "en": "{rate} × {paid} (salary paid) = {result}"},
    "cost.sum": {"nb": "Eksakt sum av delene", "en": "Sum of the components (exact)"},
    "fact.input.cost": {"nb": "kostnad", "en": "cost"},
    "fact.input.salary": {"nb": "årslønn ved 100 %", "en": "annual salary at 100 %"},
    "fact.input.percent": {"nb": "stillingsprosent", "en": "position percentage"},
    "fact.input.zone": {"nb": "sone", "en": "zone"},
    "fact.input.pension": {"nb": "pensjonspremie", "en": "pension premium"},
    "fact.input.holiday_pay": {"nb": "feriepengeregel", "en": "holiday-pay rule"},
    "fact.input.holiday_pay_default": {"nb": "feriepengeregel (ikke oppgitt: kommunesektorens)",
                                       "en": "holiday-pay rule (not given: the municipal sector's)"},
    "fact.input.birth_year": {"nb": "fødselsår", "en": "birth year"},
    # ---- rule values that are words: value.<value>
    "value.rounding.half_up": {"nb": "halvt opp til hele kroner, én gang", "en": "half up to whole kroner, once"},
    "value.rounding.down": {"nb": "ned til hele kroner, én gang (et tak)", "en": "down to whole kroner, once (a cap)"},
    "value.legacy-ladder": {"nb": "årsstigen (som tidligere)", "en": "legacy-ladder"},
    "value.flat-per-position": {"nb": "fast beløp per stilling", "en": "flat-per-position"},
    # ---- names of rule values (explanations, warnings): fact.<path>
    "fact.rule_set": {"nb": "regelsettet", "en": "the rule set"},
    "fact.granted": {"nb": "tildelt i tilsagnsbrevet", "en": "granted in the grant letter"},
    "explain.value_note": {"nb": "{value} ({note})", "en": "{value} ({note})"},
    "fact.rounding.half_up": {"nb": "avrundingsregel", "en": "rounding rule"},
    "fact.rounding.down": {"nb": "avrundingsregel for et tak", "en": "rounding rule of a cap"},
    "fact.pro_rata": {"nb": "forholdsmessig etter stillingsprosent", "en": "pro rata by position percentage"},
    "fact.last_grant_year": {"nb": "siste tilskuddsår", "en": "last grant year"},
    "fact.max_years_in_scheme": {"nb": "høyst antall år i ordningen", "en": "at most years in the scheme"},
    "fact.year_in_scheme_rule": {"nb": "regel for år i ordningen", "en": "year-in-scheme rule"},
}


def _field_items(value: Mapping[str, object] | tuple[tuple[str, object], ...]) -> tuple[tuple[str, object], ...]:
    return tuple(sorted(dict(value).items()))


@attrs.frozen
class FactName:
    """A rule value's path in a notice's fields, shown as its label in the language (:func:`fact_label`)."""

    path: str

    def __str__(self) -> str:
        return self.path


def fact_label(path: str, lang: Lang = DEFAULT_LANG) -> str:
    """A rule value's name as people read it (``"trinn 2 i årsstigen"``); its path where the catalogue has none."""
    entry = CATALOGUE.get(f"fact.{path}")
    return entry[check_lang(lang)] if entry is not None else path


def add_words(entries: Mapping[str, Mapping[str, str]]) -> None:
    """Add a scheme's own words to the catalogue: each id in bokmål and English, none already taken.

    Why: a scheme's checks and notes are its words; they live in its module beside the rule
    they word, and reach every renderer through the one catalogue.
    """
    for key, entry in entries.items():
        if set(entry) != set(LANGS):
            raise ValueError(f"wording {key!r}: give exactly {', '.join(LANGS)}, got {', '.join(sorted(entry))}")
        known = CATALOGUE.get(key)
        if known is not None and dict(known) != dict(entry):
            raise ValueError(f"wording {key!r} is already in the catalogue with other words")
        CATALOGUE[key] = {"nb": entry["nb"], "en": entry["en"]}


def _field_text(value: object, lang: Lang) -> object:
    """A field as the language writes it: a status as its word, a number with the language's decimal mark."""
    if isinstance(value, FactName):
        return fact_label(value.path, lang)
    if isinstance(value, Notice):
        return value.text(lang)
    if isinstance(value, bool):
        return text("word.yes" if value else "word.no", lang)
    if isinstance(value, Status):
        return status_word(value, lang)
    if isinstance(value, Fraction):
        return format_percent(value, decimal_comma=lang == "nb")
    return value


@attrs.frozen
class Notice:
    """A message for people, kept as its wording id and fields until it is shown in a language.

    A :class:`~nedtrapping.provenance.Status` field is shown as the status word of the
    language, a :class:`~fractions.Fraction` with the language's decimal mark.

    >>> n = Notice("warning.grant_exceeds_cost", {"subject": "K / P", "year": 2023, "grant": "1 kr", "cost": "0 kr"})
    >>> n.text("en")
    'K / P 2023: the grant (1 kr) exceeds the full cost (0 kr); check the cost'
    """

    key: str
    #: The fields as sorted ``(name, value)`` pairs (hashable, so equal notices are kept once).
    fields: tuple[tuple[str, object], ...] = attrs.field(default=(), converter=_field_items)

    def text(self, lang: Lang = DEFAULT_LANG) -> str:
        fields = {k: _field_text(v, lang) for k, v in self.fields}
        return text(self.key, lang, **fields)

    def __str__(self) -> str:
        return self.text("en")


def has_text(key: str) -> bool:
    return key in CATALOGUE


def text(key: str, lang: Lang = DEFAULT_LANG, /, **fields: object) -> str:
    """The text ``key`` in ``lang``, with ``fields`` filled in.

    A missing key is a :class:`KeyError` naming it (a renderer asked for wording that
    was never written), never an empty string.
    """
    try:
        entry = CATALOGUE[key]
    except KeyError:
        raise KeyError(f"no wording {key!r} in nedtrapping.wording.CATALOGUE") from None
    template = entry[check_lang(lang)]
    try:
        return template.format(**fields)
    except KeyError as exc:
        raise KeyError(f"wording {key!r} needs the field {exc.args[0]!r}") from None
