"""The words of the plan workbook that the catalogue did not have (registered with :func:`~nedtrapping.wording.add_words`)."""

from __future__ import annotations

from nedtrapping.wording import add_words

__all__ = ["WORDS"]

#: Every word the workbook adds, in bokmål and English (keys ``xlsx.*``).
WORDS: dict[str, dict[str, str]] = {
    "xlsx.cli.out_suffix": {"nb": "--out {path}: gi et filnavn som slutter på .xlsx",
                            "en": "--out {path}: give a file name ending in .xlsx"},
    "xlsx.sheet.rates": {"nb": "Satser", "en": "Rates"},
    "xlsx.sheet.budget": {"nb": "Økonomiplan", "en": "Budget plan"},
    "xlsx.title": {"nb": "Nedtrappingsplan – {scheme}", "en": "Phase-down plan – {scheme}"},
    "xlsx.title.template": {"nb": "Nedtrappingsplan – {scheme} (mal: skriv inn stillingene)",
                            "en": "Phase-down plan – {scheme} (template: type in the positions)"},
    "xlsx.scheme": {"nb": "Ordning: {scheme} ({scheme_id})", "en": "Scheme: {scheme} ({scheme_id})"},
    "xlsx.digests": {"nb": "Regelsett (SHA-256): {digests}", "en": "Rule sets (SHA-256): {digests}"},
    "xlsx.version": {"nb": "Laget med nedtrapping {version}", "en": "Made with nedtrapping {version}"},
    "xlsx.complete": {"nb": "Fullstendig: ingen ukjente tall", "en": "Complete: no unknown figures"},
    "xlsx.incomplete": {"nb": "Ufullstendig: {count} ukjente tall (se Totaler for hvilke stillinger, og Satser "
                              "for satsene du kan skrive inn fra tilsagnsbrevet)",
                        "en": "Incomplete: {count} unknown figures (see Totals for the positions, and Rates for "
                              "the rates you can type in from the grant letter)"},
    "xlsx.legend": {
        "nb": "Gule celler er inndata (endre dem); de andre tallene er formler. Et ukjent tall står som «{unknown}», "
              "aldri 0. Rader for {base} er grunnlagsåret for økningen året etter.",
        "en": "Yellow cells are inputs (change them); the other figures are formulas. An unknown figure shows "
              "«{unknown}», never 0. Rows for {base} are the base year of the next year's increase.",
    },
    "xlsx.legend.no_base": {
        "nb": "Gule celler er inndata (endre dem); de andre tallene er formler. Et ukjent tall står som «{unknown}», "
              "aldri 0.",
        "en": "Yellow cells are inputs (change them); the other figures are formulas. An unknown figure shows "
              "«{unknown}», never 0.",
    },
    "xlsx.col.first_grant_year": {"nb": "Første tilskuddsår", "en": "First grant year"},
    "xlsx.col.granted": {"nb": "Tildelt i tilsagnsbrevet", "en": "Granted in the letter"},
    "xlsx.col.cost_amount": {"nb": "Kostnad: beløp", "en": "Cost: amount"},
    "xlsx.col.cost_year": {"nb": "Kostnad: gjelder år", "en": "Cost: for year"},
    "xlsx.col.cost_growth": {"nb": "Kostnad: årlig vekst", "en": "Cost: annual growth"},
    "xlsx.col.cost_percent": {"nb": "Kostnad: gjelder stillingsprosent", "en": "Cost: for percentage"},
    "xlsx.col.rate_row": {"nb": "Satsrad", "en": "Rate row"},
    "xlsx.col.subject": {"nb": "Kommune / stilling", "en": "Municipality / position"},
    "xlsx.col.criterion": {"nb": "Søkekriterium", "en": "Criterion"},
    "xlsx.col.unknown_count": {"nb": "Ukjente tall", "en": "Unknown figures"},
    "xlsx.col.rate": {"nb": "Sats per 100 % stilling", "en": "Rate per 100 % position"},
    "xlsx.col.pro_rata": {"nb": "Forholdsmessig", "en": "Pro rata"},
    "xlsx.col.rounding": {"nb": "Avrunding", "en": "Rounding"},
    "xlsx.col.rule_value": {"nb": "Regelverdi", "en": "Rule value"},
    "xlsx.col.type_in": {"nb": "Skriv inn (fra tilsagnsbrevet)", "en": "Type in (from the grant letter)"},
    "xlsx.col.key": {"nb": "Nøkkel", "en": "Key"},
    "xlsx.grant_source.unknown": {"nb": "ukjent", "en": "unknown"},
    "xlsx.rate.not_eligible": {"nb": "0 kr: ikke rett til tilskudd – {reason}", "en": "0 kr: not eligible – {reason}"},
    "xlsx.rate.type_in": {
        "nb": "Skriv inn {name} ({rule_set}): beløpet per 100 % stilling for en stilling i sitt år {n} i ordningen, "
              "som det står i kommunens tilsagnsbrev for {year}. Tallene i planen følger med en gang.",
        "en": "Type in {name} ({rule_set}): the amount per 100 % position for a position in its year {n} in the "
              "scheme, as your municipality's grant letter for {year} gives it. The plan's figures follow at once.",
    },
    "xlsx.rate.no_rules": {
        "nb": "Ordningen har ingen regler for {year}: skriv stillingens tilskudd fra tilsagnsbrevet i kolonnen "
              "«Tildelt i tilsagnsbrevet» på Plan-arket.",
        "en": "The scheme has no rules for {year}: type the position's grant from its grant letter into the column "
              "«Granted in the letter» on the Plan sheet.",
    },
    "xlsx.rate.no_form": {
        "nb": "Regelens form (forholdsmessig, avrunding) er ukjent for denne cellen: tilskuddet blir stående ukjent.",
        "en": "The rule's form (pro rata, rounding) is unknown for this cell: the grant stays unknown.",
    },
    "xlsx.explanations_cut": {
        "nb": "Forklaringene til de første {shown} av {total} radene står her; alle med «nedtrapping plan --explain» "
              "eller i JSON-utskriften (--format json --explain).",
        "en": "The explanations of the first {shown} of {total} rows are here; all of them with "
              "«nedtrapping plan --explain» or in the JSON output (--format json --explain).",
    },
    "xlsx.template_note": {
        "nb": "Skriv én rad per stilling og år ({years}): kommune, stilling, år, stillingsprosent, første "
              "tilskuddsår{options} og kostnaden. Formlene regner ut tilskudd, egenfinansiering og økning.",
        "en": "Type one row per position and year ({years}): municipality, position, year, percentage, first grant "
              "year{options} and the cost. The formulas compute grant, own financing and increase.",
    },
}

add_words(WORDS)
