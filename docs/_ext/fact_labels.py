"""Norwegian labels for the rule values' field names, for the people who read the catalogue.

Why: a rule value is named in code by its path in the rule set (``ladder.step_3``,
``variants[1].priorities[0].text``). A finance officer reads «årsstigen, trinn 3». The
catalogue and the pages of unknown and unsure values show the label beside the path; a test
checks that every path of every registered rule set has one.
"""

from __future__ import annotations

import re

__all__ = ["LABELS", "label_key", "fact_label"]

#: Field path, with list positions as ``[i]`` → its label in Norwegian bokmål.
LABELS: dict[str, str] = {
    "applicants": "hvem kan søke",
    "assumed_period": "antatt periode (kilden gir bare en årstid)",
    "auditor_certificate_required": "krav om revisorattestasjon",
    "calendar_year": "året datoene gjelder (kilden gir ikke år)",
    "carry_over_exception": "unntak: overføring av ubrukte midler",
    "co_applicant": "medsøker",
    "co_applicant_condition": "vilkår for medsøker",
    "conflicting_sources[i]": "motstridende kilde (brukes ikke)",
    "contribution_base": "grunnlaget for arbeidsgiveravgift",
    "deck_calendar_deadline": "fristen i lysarkets kalender",
    "deck_slide_deadline": "fristen på lysarket",
    "employer_contribution.zone_1": "arbeidsgiveravgift, sone 1",
    "employer_contribution.zone_1a_reduced": "arbeidsgiveravgift, sone 1a, redusert sats (innenfor fribeløpet)",
    "employer_contribution.zone_1a_full": "arbeidsgiveravgift, sone 1a, full sats (når fribeløpet er brukt opp)",
    "employer_contribution.zone_2": "arbeidsgiveravgift, sone 2",
    "employer_contribution.zone_3": "arbeidsgiveravgift, sone 3",
    "employer_contribution.zone_4": "arbeidsgiveravgift, sone 4",
    "employer_contribution.zone_4a": "arbeidsgiveravgift, sone 4a",
    "employer_contribution.zone_5": "arbeidsgiveravgift, sone 5",
    "extra_contribution_basis": "grunnlaget for ekstra arbeidsgiveravgift",
    "extra_contribution_rate": "ekstra arbeidsgiveravgift, sats",
    "extra_contribution_threshold": "ekstra arbeidsgiveravgift, innslagspunkt",
    "flat_amount": "fast beløp per 100 % stilling",
    "grunnbelop": "grunnbeløpet (G)",
    "holiday_days_fifth_week": "feriedager med femte ferieuke",
    "holiday_days_statutory": "feriedager etter ferieloven",
    "holiday_deduction": "ferietrekk",
    "holiday_pay_accrual": "hvilket år feriepengene regnes til",
    "holiday_pay_fifth_week": "feriepenger med femte ferieuke, sats",
    "holiday_pay_statutory": "feriepenger etter ferieloven, sats",
    "ladder.step_1": "årsstigen, trinn 1 (per 100 % stilling i sitt første år)",
    "ladder.step_2": "årsstigen, trinn 2 (per 100 % stilling i sitt andre år)",
    "ladder.step_3": "årsstigen, trinn 3 (per 100 % stilling i sitt tredje år)",
    "ladder.step_4": "årsstigen, trinn 4 (per 100 % stilling i sitt fjerde år)",
    "ladder.step_2_percent": "stillingsprosenten bak trinn 2",
    "ladder_amounts_basis": "grunnlaget for beløpene i årsstigen",
    "last_grant_year": "siste tilskuddsår",
    "max_per_competence_measure": "høyeste beløp per kompetansetiltak",
    "max_per_full_position": "høyeste beløp per 100 % stilling",
    "max_years_in_scheme": "høyeste antall år i ordningen",
    "max_years_same_measure": "høyeste antall år til samme tiltak",
    "method": "beregningsmåte",
    "national_frame": "nasjonal ramme",
    "only_existing_positions": "bare stillinger som fantes i 2021",
    "pension_base": "grunnlaget for pensjonspremien",
    "pension_premium": "pensjonspremie, sats",
    "priorities[i]": "prioritering",
    "pro_rata": "avkortes etter stillingsprosent",
    "purpose": "formål",
    "requires_grant_in_2021": "krav om tilskudd i 2021",
    "reservation": "forbehold",
    "senior_age": "alder for ekstra ferie",
    "senior_extra_days": "ekstra feriedager fra 60 år",
    "senior_extra_deduction": "ferietrekk for den ekstra ferieuken",
    "senior_supplement": "feriepengetillegg fra 60 år, sats",
    "senior_supplement_cap_g": "tak for feriepengetillegget, i G",
    "target_group": "målgruppe",
    "variants[i].heading": "målgruppe (overskrift)",
    "variants[i].priorities[i].text": "prioritering for målgruppen",
    "virkedager_per_year": "virkedager per år",
    "year_in_scheme_rule": "regelen for år i ordningen",
    "years_per_grant": "år per tildeling",
    "zone_1a_allowance": "fribeløp i sone 1a",
    "zone_of_municipality": "kommunens arbeidsgiveravgiftssone",
}


def label_key(path: str) -> str:
    """The key of ``path`` in :data:`LABELS`: list positions become ``[i]`` (``priorities[2]`` → ``priorities[i]``)."""
    return re.sub(r"\[\d+\]", "[i]", path)


def fact_label(path: str) -> str | None:
    """The Norwegian label of a rule value's path (with its position in a list, counted from 1), or ``None``."""
    label = LABELS.get(label_key(path))
    if label is None:
        return None
    numbers = [str(int(n) + 1) for n in re.findall(r"\[(\d+)\]", path)]
    return f"{label} nr. {'.'.join(numbers)}" if numbers else label
