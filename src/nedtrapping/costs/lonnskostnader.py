"""Lønnskostnader: what a position costs the municipality as employer, from the salary, by year (2021–2025).

Why: own financing is the full cost of a position minus the grant, and the full cost
is built from the salary by public rules: holiday pay (feriepenger), the employer's
national insurance contribution (arbeidsgiveravgift) by zone, and the pension premium.
This module holds those rules as one rule set per year (:class:`LonnskostnadRules`),
each value a :class:`~nedtrapping.provenance.Fact` with its status and source, and
computes the cost of one position in one year component by component
(:func:`cost_breakdown`), exactly. :class:`nedtrapping.cofinancing.SalaryCost` is the
cost model a plan uses; it asks this module for each year.

Why here, in :mod:`nedtrapping.schemes`: the registry finds rule sets in this package,
so the cost rules show in ``nedtrapping rules``, the rule catalogue and the list of
unknowns with no other wiring. The rule set is not a grant scheme (it has no
deadlines and nobody applies); its ``applicants`` fact names who the rules bind: the
municipality as employer.

The cost of a position in a year (the library's model; each step is a fact):

* **salary** — the annual salary at 100 % (årslønn) × the position percentage;
* **holiday deduction** (ferietrekk) — the salary is not paid for the holiday days:
  holiday days / 312 of the salary (312 = 52 weeks × 6 virkedager; 30 virkedager —
  five weeks — with the municipal sector's fifth week; one week more from the year
  the employee turns 60). INFERRED from the sources' words, see the facts;
* **holiday pay** (feriepenger) — 12 % (fifth week, the municipal sector) or 10.2 %
  (ferieloven) of the salary paid (salary − holiday deduction), earned this year and
  counted in this year (the library's accrual, ASSUMED);
* **holiday pay over 60** — 2.3 points more on the part of the holiday-pay base up to
  6 G, for holiday pay paid in the year the employee turns 60 or later (so for pay
  earned from the year they turn 59);
* **pension premium** — the user's rate (KLP or the municipality's pension fund) ×
  the salary; no default, refused when missing;
* **employer's contribution** — the zone's rate × (salary paid + holiday pay +
  pension premium); zone 1a needs the user to say whether the municipality's
  allowance still covers the position (10.6 %) or not (14.1 %);
* **extra employer's contribution** (2023 and 2024 only) — 5 % of the pay above
  750 000 kr (2023) or 850 000 kr (2024), in every zone, not on the pension premium.

Everything is exact (fractions of øre); the total is rounded once, half up to whole
kroner, by :func:`nedtrapping.rounding.round_half_up_to_kroner` (the rule for computed amounts).
"""

from __future__ import annotations

import enum
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from nedtrapping import sources as src
from nedtrapping.errors import InvalidTypeError, InvalidValueError, NedtrappingError
from nedtrapping.explain import Explanation, FactUse, Figure, Words, words
from nedtrapping.money import ExactAmount, Money
from nedtrapping.provenance import Fact, Status, UnknownValueError
from nedtrapping.readable import Readable
from nedtrapping.registry import UnknownSchemeError, get_rule_set, register, years_of
from nedtrapping.rounding import half_up, round_half_up_to_kroner
from nedtrapping.ruleset import RuleSet
from nedtrapping.scheme import FactRef
from nedtrapping.wording import Notice, has_text, text

__all__ = [
    "SCHEME_ID",
    "YEARS",
    "Zone",
    "Zone1aRate",
    "ZoneError",
    "HolidayPay",
    "parse_zone",
    "parse_holiday_pay",
    "EmployerContributionRates",
    "LonnskostnadRules",
    "CostComponent",
    "SalaryCostBreakdown",
    "COMPONENT_KEYS",
    "rules_for",
    "cost_breakdown",
    "missing_pension_error",
    "exact_text",
]

#: The scheme id: the key of its rule sets in the registry and on the command line.
SCHEME_ID = "lonnskostnader"
#: The years with cost rules.
YEARS = (2021, 2022, 2023, 2024, 2025)


# --------------------------------------------------------------------------- inputs


class Zone(enum.Enum):
    """An employer's-contribution zone (arbeidsgiveravgiftssone), as Skatteetaten numbers them."""

    ONE = "1"
    ONE_A = "1a"
    TWO = "2"
    THREE = "3"
    FOUR = "4"
    FOUR_A = "4a"
    FIVE = "5"


class Zone1aRate(enum.Enum):
    """In zone 1a the reduced rate applies only while the employer's allowance (fribeløp) lasts."""

    #: 10.6 %: the municipality's allowance still covers the position.
    REDUCED = "reduced"
    #: 14.1 %: the allowance is used up.
    FULL = "full"


class HolidayPay(enum.Enum):
    """Which holiday-pay rule the position has."""

    #: The municipal sector's rule: five weeks' holiday (the agreed fifth week), 12 % holiday pay.
    FIFTH_WEEK = "fifth-week"
    #: Ferieloven's minimum: 25 virkedager (four weeks and a day), 10.2 % holiday pay.
    STATUTORY = "statutory"


class ZoneError(NedtrappingError, ValueError):
    """A zone that is not one, or zone 1a without its rate; its ``expected`` says what to write."""

    def __init__(self, value: object, expected: Readable) -> None:
        super().__init__(Notice("lonn.error.expected", {"expected": expected, "value": str(value)}), field="zone",
                         value=value, expected=expected)


_ROMAN = {"i": "1", "ia": "1a", "ii": "2", "iii": "3", "iv": "4", "iva": "4a", "v": "5"}
_ZONES_EXPECTED = Notice("lonn.expected.zone")
#: What a zone cell of a positions file may hold (zone 1a with its rate).
ZONE_CELL_EXPECTED = Notice("lonn.expected.zone_cell")


def zone_alone_expected(zone: Zone) -> Notice:
    """What to write for ``zone`` when a cell gave it a zone-1a rate ("2 full"): the zone alone."""
    return Notice("lonn.expected.zone_alone", {"zone": zone.value})


def parse_zone(value: object) -> Zone:
    """A zone from what people write: ``"1"``, ``"1a"``, ``"sone IVa"``, ``"V"``, or a :class:`Zone`.

    >>> parse_zone("sone IVa"), parse_zone(5)
    (<Zone.FOUR_A: '4a'>, <Zone.FIVE: '5'>)
    """
    if isinstance(value, Zone):
        return value
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InvalidTypeError(Notice("lonn.error.type", {"expected": _ZONES_EXPECTED, "type": type(value).__name__,
                                                          "value": repr(value)}),
                               field="zone", value=value, expected=_ZONES_EXPECTED)
    cleaned = re.sub(r"^(sone|zone)\s*", "", str(value).strip().lower()).replace(" ", "")
    cleaned = _ROMAN.get(cleaned, cleaned)
    try:
        return Zone(cleaned)
    except ValueError:
        raise ZoneError(value, _ZONES_EXPECTED) from None


_HOLIDAY_WORDS = {
    HolidayPay.FIFTH_WEEK: {"12", "12%", "fifth-week", "fifthweek", "femteferieuke", "5uker", "tariff"},
    HolidayPay.STATUTORY: {"10,2", "10.2", "10,2%", "10.2%", "statutory", "ferieloven", "lov"},
}


def parse_holiday_pay(value: object) -> HolidayPay:
    """A holiday-pay rule: ``"12"``/``"femte ferieuke"`` (the municipal sector) or ``"10,2"``/``"ferieloven"``.

    >>> parse_holiday_pay("12 %"), parse_holiday_pay("10,2")
    (<HolidayPay.FIFTH_WEEK: 'fifth-week'>, <HolidayPay.STATUTORY: 'statutory'>)
    """
    if isinstance(value, HolidayPay):
        return value
    if not isinstance(value, str):
        expected = Notice("lonn.expected.holiday_pay_type")
        raise InvalidTypeError(Notice("lonn.error.type", {"expected": expected, "type": type(value).__name__,
                                                          "value": repr(value)}),
                               field="holiday_pay", value=value, expected=expected)
    cleaned = re.sub(r"\s+", "", value.strip().lower())
    for rule, spellings in _HOLIDAY_WORDS.items():
        if cleaned in spellings or cleaned == rule.value:
            return rule
    expected = Notice("lonn.expected.holiday_pay")
    raise InvalidValueError(Notice("lonn.error.expected", {"expected": expected, "value": value}),
                            field="holiday_pay", value=value, expected=expected)


# --------------------------------------------------------------------------- the rule set


@attrs.frozen(kw_only=True)
class EmployerContributionRates:
    """The ordinary employer's-contribution rates by zone, in percent."""

    zone_1: Fact[Decimal]
    #: Zone 1a while the employer's allowance lasts.
    zone_1a_reduced: Fact[Decimal]
    #: Zone 1a once the allowance is used up.
    zone_1a_full: Fact[Decimal]
    zone_2: Fact[Decimal]
    zone_3: Fact[Decimal]
    zone_4: Fact[Decimal]
    zone_4a: Fact[Decimal]
    zone_5: Fact[Decimal]

    def for_zone(self, zone: Zone, zone_1a_rate: Zone1aRate | None = None) -> tuple[str, Fact[Decimal]]:
        """``(field name, fact)`` of the rate that applies in ``zone``."""
        if zone is Zone.ONE_A:
            if zone_1a_rate is None:
                raise ZoneError(zone.value, Notice("lonn.expected.zone_1a", _zone_1a_rates(self)))
            name = "zone_1a_reduced" if zone_1a_rate is Zone1aRate.REDUCED else "zone_1a_full"
        else:
            name = f"zone_{zone.value}"
        fact: Fact[Decimal] = getattr(self, name)
        return name, fact


@attrs.frozen(kw_only=True)
class LonnskostnadRules(RuleSet):
    """The rules that build the cost of a position from its salary, for one year."""

    #: The ordinary rates by zone.
    employer_contribution: EmployerContributionRates
    #: What the employer's contribution is charged on: salary, holiday pay and the employer's pension premium.
    contribution_base: Fact[str]
    #: Zone 1a: the most the reduced rate may save one employer in the year (fribeløp).
    zone_1a_allowance: Fact[Money]
    #: The extra contribution on pay above a threshold, in percent (0 in the years without it).
    extra_contribution_rate: Fact[Decimal]
    #: The pay per employee above which the extra contribution is due (``None`` in the years without it).
    extra_contribution_threshold: Fact[Money] | None = None
    #: How the library applies the extra contribution to one position (``None`` in the years without it).
    extra_contribution_basis: Fact[str] | None = None
    #: Where a municipality's zone comes from: no table is shipped (UNKNOWN, given by the user).
    zone_of_municipality: Fact[str]
    #: Holiday pay by ferieloven, in percent of the holiday-pay base.
    holiday_pay_statutory: Fact[Decimal]
    #: Holiday pay with the agreed fifth week (the municipal sector), in percent.
    holiday_pay_fifth_week: Fact[Decimal]
    #: Holiday days (virkedager) by ferieloven.
    holiday_days_statutory: Fact[int]
    #: Holiday days (virkedager) with the fifth week.
    holiday_days_fifth_week: Fact[int]
    #: Virkedager in a year (Saturdays count, Sundays do not): 52 × 6.
    virkedager_per_year: Fact[int]
    #: The salary is not paid for the holiday days (ferietrekk).
    holiday_deduction: Fact[str]
    #: A year's cost counts the holiday pay earned that year.
    holiday_pay_accrual: Fact[str]
    #: The age from which the extra holiday week and the raised rate apply.
    senior_age: Fact[int]
    #: Extra holiday days from that age.
    senior_extra_days: Fact[int]
    #: The extra holiday week is deducted from the salary too.
    senior_extra_deduction: Fact[str]
    #: Points added to the holiday-pay rate from that age.
    senior_supplement: Fact[Decimal]
    #: The raised rate applies to the holiday-pay base up to this many G.
    senior_supplement_cap_g: Fact[int]
    #: The base amount of the national insurance (grunnbeløpet, G) from 1 May of the year.
    grunnbelop: Fact[Money]
    #: The municipal pension premium in percent: no public rate; the user supplies it.
    pension_premium: Fact[Decimal]
    #: What the pension rate is applied to.
    pension_base: Fact[str]

    def use(self, name: str, fact: Fact[Any]) -> FactUse:
        """A rule value as a computation used it, as people read it in their language.

        Every :class:`~decimal.Decimal` of these rules is a rate in percent (``14,1 %``, ``14.1 %`` in
        English), but the supplement from 60, which is percentage points; a rule the library states in
        words (``holiday_deduction``, ``pension_base`` …) is shown in the reader's language.
        """
        used = super().use(name, fact)
        if isinstance(fact.value, str):
            # a rule stated in the library's words (in English in the rule set): the same words in the reader's
            # language, unless the value is not the library's (a supplied one is shown as given)
            key = f"lonn.value.{name}"
            if has_text(key) and fact.value == text(key, "en"):
                return attrs.evolve(used, value=Notice(key))
            return used
        if not isinstance(fact.value, Decimal):
            return used
        if name == "senior_supplement":
            return attrs.evolve(used, value=Notice("lonn.value.points", {"points": Fraction(fact.value)}))
        return attrs.evolve(used, value=Notice("cost.percent", {"percent": Fraction(fact.value)}))


# --------------------------------------------------------------------------- the values

_F = Status.FINAL
_I = Status.INFERRED
_A = Status.ASSUMED

#: Where the pension premium is found (the command line and Python add how to type it in).
_HOW_TO_SUPPLY_PENSION = Notice("lonn.how.pension")
#: Where the zone is found.
_HOW_TO_SUPPLY_ZONE = Notice("lonn.how.zone")
_WHILE_ALLOWANCE = Notice("lonn.note.while_allowance")
_ALLOWANCE_USED = Notice("lonn.note.allowance_used")
_ZONE_5 = Notice("lonn.note.zone_5")


def _percent(fact: Fact[Decimal]) -> Fraction:
    """A rate as a note's field (shown with the language's decimal mark: 14,1 / 14.1)."""
    return Fraction(fact.require("rate"))


def _zone_1a_rates(rates: EmployerContributionRates) -> dict[str, object]:
    """The fields of the words that name zone 1a's two rates."""
    return {"reduced": _percent(rates.zone_1a_reduced), "full": _percent(rates.zone_1a_full)}


def _and(first: Notice, second: Notice) -> Notice:
    """Two notes, one after the other."""
    return Notice("lonn.note.and", {"first": first, "second": second})


def _pct(value: str) -> Decimal:
    return Decimal(value)


def _rates(year: int) -> EmployerContributionRates:
    if year == 2021:
        abc = src.SKATT_ABC_21
        nyss = src.NYSS_21.at("sonene 1 og 2 i 2021", quote="Slik det er i dag, ligg Sykkylven i sone 1, den same "
                                                            "som Ålesund, og krev 14,1 prosent i "
                                                            "arbeidsgjevaravgift. Stranda på si side ligg i sone "
                                                            "2, og har 10,6 prosent.")
        table_20 = src.SKATT_AGA_20.at("tabellen «Avgiftssatsene fastsettes av Stortinget hvert år»",
                                       quote=src.SKATT_AGA_20.quote)
        same = Notice("lonn.note.rates_2021")
        return EmployerContributionRates(
            zone_1=Fact(_pct("14.1"), _F, nyss, note=Notice("lonn.note.zone_1_2021")),
            zone_1a_reduced=Fact(_pct("10.6"), _F, abc.at(abc.section or "", quote=abc.quote),
                                 note=_WHILE_ALLOWANCE),
            zone_1a_full=Fact(_pct("14.1"), _F, abc.at(abc.section or "", quote=abc.quote),
                              note=_ALLOWANCE_USED),
            zone_2=Fact(_pct("10.6"), _F, nyss),
            zone_3=Fact(_pct("6.4"), _I, table_20, note=same),
            zone_4=Fact(_pct("5.1"), _I, table_20, note=same),
            zone_4a=Fact(_pct("7.9"), _I, table_20, note=same),
            zone_5=Fact(_pct("0"), _I, table_20, note=_and(same, _ZONE_5)),
        )
    if year == 2022:
        skd = src.SKD_22.at("Sentrale endringer", quote=src.SKD_22.quote)
        note = Notice("lonn.note.rates_2022")
        return EmployerContributionRates(
            zone_1=Fact(_pct("14.1"), _I, skd, note=note),
            zone_1a_reduced=Fact(_pct("10.6"), _I, skd, note=_and(note, _WHILE_ALLOWANCE)),
            zone_1a_full=Fact(_pct("14.1"), _I, skd, note=_and(note, _ALLOWANCE_USED)),
            zone_2=Fact(_pct("10.6"), _I, skd, note=note),
            zone_3=Fact(_pct("6.4"), _I, skd, note=note),
            zone_4=Fact(_pct("5.1"), _I, skd, note=note),
            zone_4a=Fact(_pct("7.9"), _I, skd, note=note),
            zone_5=Fact(_pct("0"), _I, skd, note=_and(note, _ZONE_5)),
        )
    if year in (2023, 2024):
        allowance = _allowance(year).value
        table = src.STICOS_23.at("«Følgende satser for arbeidsgiveravgift gjelder for 2023 og 2024»",
                                 quote=src.STICOS_23.quote)
        full = Fact(_pct("14.1"), _F, table, note=_ALLOWANCE_USED)
        reduced_rate = _pct("10.6")
        if year == 2024:
            reduced = Fact(reduced_rate, _F, src.KONTOHJELP_24.at("sone 1a", quote=src.KONTOHJELP_24.quote),
                           note=Notice("lonn.note.while_allowance_from", {"amount": allowance, "year": year}))
        else:
            reduced = Fact(reduced_rate, _I, table,
                           note=Notice("lonn.note.reduced_2023", {"full": _percent(full),
                                                                  "reduced": Fraction(reduced_rate)}))
        return EmployerContributionRates(
            zone_1=Fact(_pct("14.1"), _F, table),
            zone_1a_reduced=reduced,
            zone_1a_full=full,
            zone_2=Fact(_pct("10.6"), _F, table),
            zone_3=Fact(_pct("6.4"), _F, table),
            zone_4=Fact(_pct("5.1"), _F, table),
            zone_4a=Fact(_pct("7.9"), _F, table),
            zone_5=Fact(_pct("0"), _F, table, note=_ZONE_5),
        )
    assert year == 2025
    table = src.KONTOHJELP_25.at("tabellen «Ordinære næringer»", quote=src.KONTOHJELP_25.quote)
    note = Notice("lonn.note.rates_2025")
    return EmployerContributionRates(
        zone_1=Fact(_pct("14.1"), _I, table, note=note),
        zone_1a_reduced=Fact(_pct("10.6"), _I, table, note=_and(note, _WHILE_ALLOWANCE)),
        zone_1a_full=Fact(_pct("14.1"), _I, table, note=_and(note, _ALLOWANCE_USED)),
        zone_2=Fact(_pct("10.6"), _I, table, note=note),
        zone_3=Fact(_pct("6.4"), _I, table, note=note),
        zone_4=Fact(_pct("5.1"), _I, table, note=note),
        zone_4a=Fact(_pct("7.9"), _I, table, note=note),
        zone_5=Fact(_pct("0"), _I, table, note=_and(note, _ZONE_5)),
    )


def _allowance(year: int) -> Fact[Money]:
    if year == 2021:
        return Fact(Money.kroner(500_000), _F, src.SKATT_ABC_21.at(src.SKATT_ABC_21.section or "",
                                                                   quote="Fribeløpet er kr 500 000 per arbeidsgiver."))
    skd = src.SKD_24.at("Sentrale endringer", quote="Fra 2024 er fribeløpet for bagatellmessig støtte økt fra "
                                                    "500 000 til 850 000 kroner. Fribeløpsordningen gjelder for "
                                                    "arbeidsgivere i sone Ia")
    if year in (2022, 2023):
        return Fact(Money.kroner(500_000), _I, skd,
                    note=Notice("lonn.note.allowance_until_2024", {"amount": _allowance(2021).value}))
    if year == 2024:
        return Fact(Money.kroner(850_000), _F, skd)
    return Fact.unknown(
        src.KONTOHJELP_25,
        note=Notice("lonn.note.allowance_2025"),
        how_to_supply=Notice("lonn.how.allowance", _zone_1a_rates(_rates(year))),
    )


def _extra(year: int) -> tuple[Fact[Decimal], Fact[Money] | None, Fact[str] | None]:
    basis = Fact(
        "5 % of the position's pay (salary paid + holiday pay earned in the year) above the threshold; not on the "
        "pension premium", _A, src.LIBRARY.at("extra employer's contribution for one position"),
        note=Notice("lonn.note.extra_basis"),
    )
    if year in (2021, 2022):
        introduced = src.REVISOR_23.at("Ekstra arbeidsgiveravgift", quote="Det er fra 1. januar 2023 innført en "
                                                                          "ekstra arbeidsgiveravgift på 5 % for "
                                                                          "lønnsinntekter over 750 000 kroner.")
        return (Fact(_pct("0"), _I, introduced, note=Notice("lonn.note.extra_introduced")), None, None)
    if year == 2023:
        c = src.REVISOR_23.at("Ekstra arbeidsgiveravgift", quote=src.REVISOR_23.quote)
        return Fact(_pct("5"), _F, c), Fact(Money.kroner(750_000), _F, c), basis
    if year == 2024:
        c = src.SKD_24.at("Sentrale endringer", quote="Den ekstra arbeidsgiveravgiften på 5 %, som ble innført fra "
                                                      "1. januar 2023, er videreført i 2024. Innslagspunktet er "
                                                      "imidlertid hevet fra 750 000 til 850 000 kroner fra 1. "
                                                      "januar 2024.")
        return Fact(_pct("5"), _F, c), Fact(Money.kroner(850_000), _F, c), basis
    abolished = src.KONTOHJELP_25.at("ekstra arbeidsgiveravgift", quote="Ekstra arbeidsgiveravgift av ytelser over "
                                                                        "kr 850 000 ble avviklet fom. 01.01.2025.")
    return Fact(_pct("0"), _F, abolished, note=Notice("lonn.note.extra_abolished")), None, None


_G = {
    2021: (106_399, src.G_21), 2022: (111_477, src.G_22), 2023: (118_620, src.G_23),
    2024: (124_028, src.G_24), 2025: (130_160, src.G_25),
}
_G_NOTE = Notice("lonn.note.grunnbelop")

_MAIN = {2021: src.SKATT_ABC_21, 2022: src.SKD_22, 2023: src.STICOS_23, 2024: src.SKD_24, 2025: src.KONTOHJELP_25}


def _rules(year: int) -> LonnskostnadRules:
    extra_rate, extra_threshold, extra_basis = _extra(year)
    g, g_source = _G[year]
    ferie_2 = src.FERIELOVEN_10.at("§ 10 (2)", quote="Arbeidstaker har rett til feriepenger fra arbeidsgiver med "
                                                     "10,2 prosent av feriepengegrunnlaget (jf nr. 1).")
    ferie_3 = src.FERIELOVEN_10.at("§ 10 (3)", quote="For arbeidstaker over 60 år med rett til ekstraferie etter § 5 "
                                                     "nr. 2 forhøyes prosentsatsen med 2,3 prosentpoeng. Feriepenger "
                                                     "etter første ledd ytes ikke for den del av "
                                                     "feriepengegrunnlaget som overstiger 6 ganger folketrygdens "
                                                     "grunnbeløp.")
    eigersund = src.EIGERSUND_FERIE
    return LonnskostnadRules(
        scheme_id=SCHEME_ID,
        year=year,
        title="Lønnskostnader for en stilling: feriepenger, arbeidsgiveravgift og pensjon",  # name: as published
        title_en="Cost of a position: holiday pay, employer's contribution and pension",  # name: as published
        citation=_MAIN[year],
        applicants=Fact("Arbeidsgivere (kommunen som arbeidsgiver)", _F,
                        src.FTRL_23_2.at("§ 23-2 første ledd", quote="Arbeidsgiveren skal betale arbeidsgiveravgift "
                                                                     "av lønn og annen godtgjørelse"),
                        note=Notice("lonn.note.applicants")),
        employer_contribution=_rates(year),
        contribution_base=Fact("salary, holiday pay and the employer's pension premium", _F,
                               src.FTRL_23_2.at("§ 23-2", quote=src.FTRL_23_2.quote),
                               note=Notice("lonn.note.contribution_base")),
        zone_1a_allowance=_allowance(year),
        extra_contribution_rate=extra_rate,
        extra_contribution_threshold=extra_threshold,
        extra_contribution_basis=extra_basis,
        zone_of_municipality=Fact.unknown(
            src.SKATT_SONER.at("Kommunekatalog 2023", quote=src.SKATT_SONER.quote),
            note=Notice("lonn.note.zone_of_municipality"),
            how_to_supply=_HOW_TO_SUPPLY_ZONE,
        ),
        holiday_pay_statutory=Fact(_pct("10.2"), _F, ferie_2),
        holiday_pay_fifth_week=Fact(
            _pct("12"), _F, eigersund.at("Beregning av feriepenger", quote="I kommunal sektor utgjør ferien som "
                                                                           "hovedregel 30 virkedager (5 uker) i "
                                                                           "løpet av ferieåret (kalenderåret). "
                                                                           "[...] Feriepenger utgjør 12 % av "
                                                                           "feriepengegrunnlaget for foregående "
                                                                           "år."),
            note=Notice("lonn.note.fifth_week")),
        holiday_days_statutory=Fact(25, _F, src.NHO_FERIE.at("ferieloven § 5 (1)", quote="Ferieloven gir rett til "
                                                                                         "ferie i 25 virkedager "
                                                                                         "eller fire uker og en "
                                                                                         "dag, jfr. ferielovens § "
                                                                                         "5 (1).")),
        holiday_days_fifth_week=Fact(30, _F, eigersund.at("Feriefritid", quote="I kommunal sektor utgjør ferien som "
                                                                               "hovedregel 30 virkedager (5 uker)")),
        virkedager_per_year=Fact(
            312, _I, src.NHO_FERIE.at("virkedager", quote="Med virkedager menes alle dager bortsett fra søndager og "
                                                          "lovbestemte fridager. Det vil si at også lørdag er "
                                                          "virkedag i ferielovens forstand."),
            note=Notice("lonn.note.virkedager")),
        holiday_deduction=Fact(
            "the salary for the holiday days is not paid: holiday days / virkedager per year of the salary", _I,
            eigersund.at("Utbetaling av feriepenger", quote="Samtidig trekkes alle som har fastlønn for feriefritid "
                                                            "tilsvarende 5 uker."),
            note=Notice("lonn.note.holiday_deduction")),
        holiday_pay_accrual=Fact(
            "a year's cost counts the holiday pay earned in that year (paid the next year) and the salary paid in it",
            _A, src.LIBRARY.at("holiday pay in the cost of a year"),
            note=Notice("lonn.note.holiday_pay_accrual")),
        senior_age=Fact(60, _F, src.NHO_FERIE.at("ferieloven § 5 (2)", quote="Arbeidstaker som fyller 60 år i løpet "
                                                                             "av ferieåret, har rett til ytterligere "
                                                                             "6 dager eller en ukes ferie, jfr. "
                                                                             "ferieloevns § 5 (2).")),
        senior_extra_days=Fact(6, _F, src.NHO_FERIE.at("ferieloven § 5 (2)", quote="Arbeidstaker som fyller 60 år i "
                                                                                  "løpet av ferieåret, har rett til "
                                                                                  "ytterligere 6 dager eller en ukes "
                                                                                  "ferie, jfr. ferieloevns § 5 (2).")),
        senior_extra_deduction=Fact(
            "the extra holiday week from the year the employee turns 60 is deducted from the salary too", _I,
            src.LOSTAT_FERIE.at("§ 4 Utbetaling av feriepenger", quote=src.LOSTAT_FERIE.quote),
            note=Notice("lonn.note.senior_extra_deduction")),
        senior_supplement=Fact(
            _pct("2.3"), _F, ferie_3,
            note=Notice("lonn.note.senior_supplement")),
        senior_supplement_cap_g=Fact(6, _F, ferie_3),
        grunnbelop=Fact(Money.kroner(g), _F, g_source, note=_G_NOTE),
        pension_premium=Fact.unknown(
            src.KLP_OTP.at("Kundeside (innlogget)", quote="På Kundeside kan du blant annet: [...] finne budsjett- og "
                                                          "regnskapsinformasjon"),
            note=Notice("lonn.note.pension_premium"),
            how_to_supply=_HOW_TO_SUPPLY_PENSION,
        ),
        pension_base=Fact(
            "the pension rate × the salary for the position (before the holiday deduction)", _A,
            src.LIBRARY.at("the pension premium of a position"),
            note=Notice("lonn.note.pension_base")),
    )


RULES: dict[int, LonnskostnadRules] = {year: register(_rules(year)) for year in YEARS}
#: What to write for zone 1a: whether the municipality's allowance still covers the position, with the two rates
#: (those of the latest year with rules).
ZONE_1A_EXPECTED = Notice("lonn.expected.zone_1a", _zone_1a_rates(RULES[YEARS[-1]].employer_contribution))


def rules_for(year: int) -> LonnskostnadRules:
    """The registered cost rules of ``year`` (:class:`~nedtrapping.registry.UnknownSchemeError` naming the years)."""
    try:
        rules = get_rule_set(SCHEME_ID, year)
    except UnknownSchemeError:
        years = ", ".join(map(str, years_of(SCHEME_ID)))
        raise UnknownSchemeError(Notice("lonn.error.no_rules", {"year": year, "years": years}), value=year,
                                 expected=Notice("lonn.expected.year", {"years": years})) from None
    assert isinstance(rules, LonnskostnadRules)
    return rules


def missing_pension_error(year: int | None = None) -> UnknownValueError:
    """The error for a salary-based cost without a pension rate: explained, never 0."""
    rules = rules_for(year if year is not None else YEARS[-1])
    try:
        rules.pension_premium.require(Notice("lonn.name.pension_premium"), path="pension_premium",
                                      rule_set=rules.key_text)
    except UnknownValueError as exc:
        return exc
    raise AssertionError("the pension premium has a value in the rule set; it must stay user-supplied")  # developer: rule data


# --------------------------------------------------------------------------- the computation

#: The components of a cost, in order: stable keys for programs.
COMPONENT_KEYS = ("salary", "holiday_deduction", "holiday_pay", "holiday_pay_over_60", "pension",
                  "employer_contribution", "extra_employer_contribution")


def _ore_text(ore: Fraction) -> str:
    return str(Money(half_up(ore.numerator, ore.denominator)))


def exact_text(amount: ExactAmount | Money) -> str:
    """An exact amount for people: ``600 000 kr`` when it is whole øre, else ``≈ 57 692,31 kr`` (to the øre).

    >>> exact_text(Money.kroner(600_000) * Fraction(5, 52))
    '≈ 57 692,31 kr'
    """
    ore = Fraction(amount.ore)
    return _ore_text(ore) if ore.denominator == 1 else f"≈ {_ore_text(ore)}"


def _pc(value: Fraction | Decimal) -> Notice:
    """A rate as people read it: ``14,1 %`` in bokmål, ``14.1 %`` in English."""
    return words("cost.percent", percent=Fraction(value))


@attrs.frozen
class CostComponent:
    """One part of the cost: a stable key, the exact amount and why."""

    key: str
    amount: ExactAmount
    explanation: Explanation


@attrs.frozen
class _Inputs:
    """What one cost computation was given (kept to explain it when asked)."""

    salary_full: Fraction
    percent: Fraction
    zone: Zone
    zone_1a_rate: Zone1aRate | None
    pension_percent: Fraction
    holiday_pay: HolidayPay
    birth_year: int | None


@attrs.frozen
class _Terms:
    """The rule values one computation used, read once from the rule set."""

    days_name: str
    days: int
    extra_days: int
    per_year: int
    rate_name: str
    hp_rate: Fraction
    senior_pay: bool
    cap: Fraction
    sup_rate: Fraction
    zone_name: str
    aga_rate: Fraction
    extra_rate: Fraction
    threshold: Fraction | None


@attrs.frozen
class SalaryCostBreakdown:
    """The cost of one position in one year, component by component, exactly.

    The amounts are computed at once; the explanation of each component is built only
    when asked for (:attr:`components`, :meth:`explanation`).
    """

    year: int
    rules: LonnskostnadRules = attrs.field(eq=False, repr=False)
    #: ``{component key: exact amount}`` in :data:`COMPONENT_KEYS` order.
    amounts: tuple[tuple[str, ExactAmount], ...]
    inputs_given: _Inputs = attrs.field(eq=False, repr=False)
    terms: _Terms = attrs.field(eq=False, repr=False)
    #: What the user gave (salary, percentage, zone, pension rate, …), for the explanation.
    inputs: tuple[FactUse, ...] = attrs.field(default=(), eq=False, repr=False)

    def component(self, key: str) -> ExactAmount:
        for k, amount in self.amounts:
            if k == key:
                return amount
        raise KeyError(f"no cost component {key!r}; components: {', '.join(COMPONENT_KEYS)}")  # developer: a key

    @property
    def exact_total(self) -> ExactAmount:
        """The sum of the components, exactly (before it is rounded, once)."""
        return ExactAmount(sum((Fraction(a.ore) for _, a in self.amounts), Fraction(0)))

    @property
    def total(self) -> Money:
        """The cost of the year: the exact total rounded once, half up to whole kroner."""
        return round_half_up_to_kroner(self.exact_total)

    def uses(self) -> tuple[FactRef, ...]:
        """The rule values the figure used (for a plan's warnings and digests), without building the explanation."""
        return tuple(FactRef(self.rules, path, fact) for path, fact in self._used())

    def _used(self) -> list[tuple[str, Fact[Any]]]:
        r, t = self.rules, self.terms
        used: list[tuple[str, Fact[Any]]] = [
            (t.days_name, getattr(r, t.days_name)), ("virkedager_per_year", r.virkedager_per_year),
            ("holiday_deduction", r.holiday_deduction),
        ]
        if t.extra_days:
            used += [("senior_extra_days", r.senior_extra_days), ("senior_extra_deduction", r.senior_extra_deduction)]
        used += [(t.rate_name, getattr(r, t.rate_name)), ("holiday_pay_accrual", r.holiday_pay_accrual)]
        if t.senior_pay:
            used += [("senior_supplement", r.senior_supplement), ("senior_supplement_cap_g", r.senior_supplement_cap_g),
                     ("grunnbelop", r.grunnbelop), ("senior_age", r.senior_age)]
        used += [("pension_base", r.pension_base),
                 (f"employer_contribution.{t.zone_name}", getattr(r.employer_contribution, t.zone_name)),
                 ("contribution_base", r.contribution_base), ("extra_contribution_rate", r.extra_contribution_rate)]
        if r.extra_contribution_threshold is not None:
            used.append(("extra_contribution_threshold", r.extra_contribution_threshold))
        if r.extra_contribution_basis is not None:
            used.append(("extra_contribution_basis", r.extra_contribution_basis))
        return used

    @property
    def components(self) -> tuple[CostComponent, ...]:
        """Every component with its explanation: the rule values and sources it used."""
        r, t, given = self.rules, self.terms, self.inputs_given
        uses = {path: r.use(path, fact) for path, fact in self._used()}
        a = {k: Fraction(v.ore) for k, v in self.amounts}
        salary, paid = a["salary"], a["salary"] + a["holiday_deduction"]

        def money(ore: Fraction) -> str:
            return exact_text(ExactAmount(ore))

        def facts(*paths: str) -> tuple[FactUse, ...]:
            return tuple(uses[p] for p in paths if p in uses)

        senior: Figure
        if t.senior_pay:
            senior = words("lonn.figure.senior", rate=_pc(t.sup_rate), paid=money(paid),
                           cap_g=r.senior_supplement_cap_g.value, cap=money(t.cap),
                           result=money(a["holiday_pay_over_60"]))
        elif given.birth_year is None:
            senior = words("cost.senior.no_birth_year")
        else:
            senior = words("cost.senior.under_age", age=self.year + 1 - given.birth_year, year=self.year + 1,
                           senior=r.senior_age.value)
        pay = paid + a["holiday_pay"] + a["holiday_pay_over_60"]
        extra: Figure = (words("lonn.figure.extra", rate=_pc(t.extra_rate), pay=money(pay),
                               threshold=money(t.threshold), result=money(a["extra_employer_contribution"]))
                         if t.extra_rate and t.threshold is not None else words("cost.extra.none", year=self.year))
        figures: dict[str, Figure] = {
            "salary": words("lonn.figure.salary", salary_full=money(given.salary_full), percent=_pc(given.percent),
                            salary=money(salary)),
            "holiday_deduction": words(
                "cost.holiday_deduction.figure", days=t.days + t.extra_days, per_year=t.per_year, salary=money(salary),
                result=money(a["holiday_deduction"]), holiday_days=t.days,
                extra=words("cost.holiday_deduction.extra", extra=t.extra_days) if t.extra_days else ""),
            "holiday_pay": words("cost.holiday_pay.figure", rate=_pc(t.hp_rate), paid=money(paid),
                                 result=money(a["holiday_pay"])),
            "holiday_pay_over_60": senior,
            "pension": words("lonn.figure.pension", rate=_pc(given.pension_percent), salary=money(salary),
                             result=money(a["pension"])),
            "employer_contribution": words(
                "lonn.figure.employer_contribution", rate=_pc(t.aga_rate), paid=money(paid),
                holiday=money(a["holiday_pay"] + a["holiday_pay_over_60"]), pension=money(a["pension"]),
                result=money(a["employer_contribution"])),
            "extra_employer_contribution": extra,
        }
        zone = (words("cost.zone", zone=given.zone.value) if given.zone_1a_rate is None
                else words("cost.zone.1a", zone=given.zone.value,
                           rate=words(f"cost.zone_1a_rate.{given.zone_1a_rate.name.lower()}")))
        paths = {
            "salary": (),
            "holiday_deduction": (t.days_name, "virkedager_per_year", "holiday_deduction", "senior_extra_days",
                                  "senior_extra_deduction"),
            "holiday_pay": (t.rate_name, "holiday_pay_accrual"),
            "holiday_pay_over_60": ("senior_supplement", "senior_supplement_cap_g", "grunnbelop", "senior_age"),
            "pension": ("pension_base",),
            "employer_contribution": (f"employer_contribution.{t.zone_name}", "contribution_base"),
            "extra_employer_contribution": ("extra_contribution_rate", "extra_contribution_threshold",
                                            "extra_contribution_basis"),
        }
        return tuple(
            CostComponent(key, amount, Explanation(
                words("cost.component.zone", label=words(f"cost.{key}"), zone=zone) if key == "employer_contribution"
                else words(f"cost.{key}"), figures[key], facts(*paths[key])))
            for key, amount in self.amounts
        )

    def explanation(self, amount: Money | None = None, note: Words | None = None) -> Explanation:
        """Why the cost is what it is: every component with its rule values and sources."""
        amount = self.total if amount is None else amount
        steps = [c.explanation for c in self.components]
        exact = " + ".join(exact_text(a) for _, a in self.amounts)
        steps.append(Explanation(words("cost.sum"), f"{exact} = {exact_text(self.exact_total)}"))
        steps.append(Explanation(
            words("grant.rounded.half-up"), amount,
            (FactUse("rounding.half_up", words("value.rounding.half_up"), Status.ASSUMED, src.LIBRARY.at("rounding")),),
        ))
        statement = (words("cost.heading", year=self.year) if note is None
                     else words("cost.heading.note", year=self.year, note=note))
        return Explanation(statement, amount, self.inputs, tuple(steps))


def _senior(year: int, birth_year: int | None, age: int, offset: int) -> bool:
    return birth_year is not None and year + offset - birth_year >= age


def cost_breakdown(
    rules: LonnskostnadRules,
    *,
    salary_full: ExactAmount | Money,
    percent: Fraction,
    zone: Zone,
    pension_percent: Fraction,
    holiday_pay: HolidayPay = HolidayPay.FIFTH_WEEK,
    zone_1a_rate: Zone1aRate | None = None,
    birth_year: int | None = None,
    inputs: tuple[FactUse, ...] = (),
) -> SalaryCostBreakdown:
    """The cost in ``rules.year`` of a position at ``percent`` % with annual salary ``salary_full`` at 100 %.

    Exact: every component is an :class:`~nedtrapping.money.ExactAmount`; the total is
    rounded once (:attr:`SalaryCostBreakdown.total`). ``pension_percent`` is required:
    there is no default premium.
    """
    year = rules.year
    salary = Fraction(salary_full.ore) * Fraction(percent) / 100
    # -- holiday deduction (ferietrekk)
    fifth = holiday_pay is HolidayPay.FIFTH_WEEK
    days_name = "holiday_days_fifth_week" if fifth else "holiday_days_statutory"
    days = getattr(rules, days_name).require(days_name)
    age = rules.senior_age.require("senior_age")
    extra_days = rules.senior_extra_days.require("senior_extra_days") if _senior(year, birth_year, age, 0) else 0
    per_year = rules.virkedager_per_year.require("virkedager_per_year")
    deduction = -salary * Fraction(days + extra_days, per_year)
    paid = salary + deduction
    # -- holiday pay, and the supplement on pay earned from the year the employee turns 59
    rate_name = "holiday_pay_fifth_week" if fifth else "holiday_pay_statutory"
    hp_rate = Fraction(getattr(rules, rate_name).require(rate_name))
    holiday = paid * hp_rate / 100
    senior_pay = _senior(year, birth_year, age, 1)
    cap = Fraction(rules.grunnbelop.require("grunnbelop").ore) * rules.senior_supplement_cap_g.require(
        "senior_supplement_cap_g")
    sup_rate = Fraction(rules.senior_supplement.require("senior_supplement"))
    senior = min(paid, cap) * sup_rate / 100 if senior_pay else Fraction(0)
    # -- pension
    pension = salary * Fraction(pension_percent) / 100
    # -- employer's contribution, and the extra one of 2023–2024
    zone_name, zone_fact = rules.employer_contribution.for_zone(zone, zone_1a_rate)
    aga_rate = Fraction(zone_fact.require(Notice("lonn.name.employer_contribution", {"zone": zone.value})))
    aga = (paid + holiday + senior + pension) * aga_rate / 100
    extra_rate = Fraction(rules.extra_contribution_rate.require("extra_contribution_rate"))
    threshold_fact = rules.extra_contribution_threshold
    threshold = None if threshold_fact is None else Fraction(
        threshold_fact.require("extra_contribution_threshold").ore)
    over = max(Fraction(0), paid + holiday + senior - threshold) if extra_rate and threshold is not None else 0
    extra = over * extra_rate / 100
    amounts = (("salary", salary), ("holiday_deduction", deduction), ("holiday_pay", holiday),
               ("holiday_pay_over_60", senior), ("pension", pension), ("employer_contribution", aga),
               ("extra_employer_contribution", Fraction(extra)))
    return SalaryCostBreakdown(
        year=year, rules=rules, amounts=tuple((k, ExactAmount(v)) for k, v in amounts),
        inputs_given=_Inputs(Fraction(salary_full.ore), Fraction(percent), zone, zone_1a_rate,
                             Fraction(pension_percent), holiday_pay, birth_year),
        terms=_Terms(days_name, days, extra_days, per_year, rate_name, hp_rate, senior_pay, cap, sup_rate, zone_name,
                     aga_rate, extra_rate, threshold),
        inputs=inputs,
    )
