"""Co-financing (egenfinansiering): what the municipality pays itself as the grant falls.

Why: the deck says «Kommunens egenfinansiering må økes i takt med at
tilskuddsmidlene avkortes», but no source gives a formula or a minimum share.
The library's definition (documented as such):

* own financing in a year = full cost of the position that year − grant that year;
* the required increase = this year's own financing − last year's;
* the takeover year = the first year from which the grant is 0 for good.

A cost is either fixed, grows at an exact annual rate from a base year, or is built
from the salary by the public cost rules (:class:`SalaryCost`: holiday pay, the
employer's contribution by zone, the pension premium); it is rounded once for each
year, half up to whole kroner (the rule for computed amounts, :data:`~nedtrapping.rounding.ROUNDING_RULE`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Protocol

import attrs

from nedtrapping._refusal import expect, expected_got
from nedtrapping.costs.lonnskostnader import (
    HolidayPay,
    LonnskostnadRules,
    SalaryCostBreakdown,
    Zone,
    Zone1aRate,
    cost_breakdown,
    missing_pension_error,
    parse_holiday_pay,
    parse_zone,
    rules_for,
)
from nedtrapping.errors import InvalidTypeError, InvalidValueError
from nedtrapping.explain import Explanation, FactUse, Words, words
from nedtrapping.money import ExactAmount, FloatRefusedError, Money, parse_share
from nedtrapping.provenance import Citation, Status
from nedtrapping.rounding import round_half_up_to_kroner
from nedtrapping.scheme import FactRef
from nedtrapping.validators import position_percent

__all__ = [
    "CostModel",
    "FixedCost",
    "GrowingCost",
    "SalaryCost",
    "exact_cost",
    "cost_figure",
    "own_financing",
    "required_increase",
    "takeover_year",
]

_USER_INPUT = Citation(document="brukerens egne budsjettall (stillingene som ble gitt inn)", tag="INPUT")


def _check_money(value: object, field: str) -> Money:
    if not isinstance(value, Money):
        raise InvalidTypeError(expected_got(expect("money_example"), value), field=field, value=value,
                               expected=expect("money"))
    if value.ore < 0:
        raise InvalidValueError(words("model.cost.negative", amount=value), field=field, value=value,
                                expected=expect("zero_or_more"))
    return value


# one named converter per field, so an error names the field (mypy's attrs plugin reads named functions only)
def _annual(value: object) -> Money:
    return _check_money(value, "annual")


def _base(value: object) -> Money:
    return _check_money(value, "base")


def _salary(value: object) -> Money:
    return _check_money(value, "salary")


def _growth(value: object) -> Fraction:
    # a Fraction is already exact (a reader's); anything else is parsed (floats refused there)
    share = value if type(value) is Fraction else parse_share(value, where="growth_percent")  # type: ignore[arg-type]
    if share <= -100:
        raise InvalidValueError(words("model.cost.growth_range", value=str(value)), field="growth_percent",
                                value=value, expected=expect("growth"))
    return share


class CostModel(Protocol):
    """Anything that gives the exact full cost of a position in a year."""

    def exact_in(self, year: int) -> ExactAmount: ...

    def describe(self, year: int) -> Words | str: ...


@attrs.frozen
class FixedCost:
    """The same full annual cost every year."""

    annual: Money = attrs.field(converter=_annual)

    def exact_in(self, year: int) -> ExactAmount:
        return self.annual * 1

    def cost_in(self, year: int) -> Money:
        return round_half_up_to_kroner(self.exact_in(year))

    def describe(self, year: int) -> Words:
        return words("cost.describe.fixed", annual=self.annual)


@attrs.frozen
class GrowingCost:
    """A base cost in ``base_year`` growing by ``growth_percent`` a year (compounded exactly).

    >>> GrowingCost(Money.kroner(100_000), 2022, "3.5").cost_in(2024)
    Money.kroner(107123)
    """

    base: Money = attrs.field(converter=_base)
    base_year: int = attrs.field(validator=attrs.validators.instance_of(int))
    growth_percent: Fraction = attrs.field(converter=_growth)

    def factor(self, year: int) -> Fraction:
        return (1 + self.growth_percent / 100) ** (year - self.base_year)

    def exact_in(self, year: int) -> ExactAmount:
        return self.base * self.factor(year)

    def cost_in(self, year: int) -> Money:
        return round_half_up_to_kroner(self.exact_in(year))

    def describe(self, year: int) -> Words:
        return words("cost.describe.growing", base=self.base, year=self.base_year, growth=self.growth_percent,
                     n=year - self.base_year)



def _optional_rate(value: object) -> Fraction | None:
    if value is None:
        return None
    rate = parse_share(value, where="pension_percent")  # type: ignore[arg-type]
    if not 0 <= rate < 100:
        raise InvalidValueError(words("model.cost.pension_range", value=str(value)), field="pension_percent",
                                value=value, expected=expect("pension"))
    return rate


def _optional_holiday(value: object) -> HolidayPay | None:
    return None if value is None else parse_holiday_pay(value)


def _optional_1a(value: object) -> Zone1aRate | None:
    if value is None or isinstance(value, Zone1aRate):
        return value
    return Zone1aRate(value)


def _optional_year(value: object) -> int | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise InvalidTypeError(expected_got(expect("year_int"), value), value=value, expected=expect("year_int"))


@attrs.frozen
class SalaryCost:
    """The full annual cost of a position, built from its salary by the public cost rules.

    ``salary`` is the annual salary at 100 % (årslønn) in ``salary_year``, growing by
    ``growth_percent`` a year; the cost of a year is salary × ``percent`` − holiday
    deduction + holiday pay (+ the supplement from 60, by ``birth_year``) + pension
    premium + employer's contribution of ``zone`` (see
    :mod:`nedtrapping.costs.lonnskostnader`), exact, rounded once. ``pension_percent``
    is required — there is no default premium, and a missing one is an explained
    :class:`~nedtrapping.provenance.UnknownValueError`, never 0. In zone 1a say whether
    the municipality's allowance covers the position (``zone_1a_rate``). ``rule_sets``
    replaces the registered cost rules of their years (what-ifs).

    >>> SalaryCost(Money.kroner(600_000), zone="1", pension_percent="12").cost_in(2024)
    Money.kroner(775178)
    """

    salary: Money = attrs.field(converter=_salary)
    zone: Zone = attrs.field(converter=parse_zone, kw_only=True)
    pension_percent: Fraction | None = attrs.field(default=None, converter=_optional_rate, kw_only=True)
    percent: Fraction = attrs.field(default=Fraction(100), converter=position_percent, kw_only=True)
    holiday_pay: HolidayPay | None = attrs.field(default=None, converter=_optional_holiday, kw_only=True)
    growth_percent: Fraction = attrs.field(default=Fraction(0), converter=_growth, kw_only=True)
    salary_year: int | None = attrs.field(default=None, converter=_optional_year, kw_only=True)
    birth_year: int | None = attrs.field(default=None, converter=_optional_year, kw_only=True)
    zone_1a_rate: Zone1aRate | None = attrs.field(default=None, converter=_optional_1a, kw_only=True)
    rule_sets: tuple[LonnskostnadRules, ...] = attrs.field(default=(), converter=tuple, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.pension_percent is None:
            raise missing_pension_error()
        if self.salary.ore <= 0:
            raise InvalidValueError(words("model.cost.salary_zero", salary=self.salary), field="salary",
                                    value=self.salary, expected=expect("amount_above_zero"))
        if (self.zone is Zone.ONE_A) != (self.zone_1a_rate is not None):
            raise InvalidValueError(words("model.cost.zone_1a_rate"), field="zone_1a_rate", value=self.zone_1a_rate)
        if self.growth_percent != 0 and self.salary_year is None:
            raise InvalidValueError(words("model.cost.salary_year"), field="salary_year", value=None,
                                    expected=expect("salary_year"))

    @property
    def holiday_rule(self) -> HolidayPay:
        """The holiday-pay rule: as given, else the municipal sector's fifth week."""
        return HolidayPay.FIFTH_WEEK if self.holiday_pay is None else self.holiday_pay

    def rules_in(self, year: int) -> LonnskostnadRules:
        for rules in self.rule_sets:
            if rules.year == year:
                return rules
        return rules_for(year)

    def salary_in(self, year: int) -> ExactAmount:
        """The annual salary at 100 % in ``year`` (grown exactly from ``salary_year``)."""
        if self.salary_year is None:  # then it does not grow (checked when made)
            return self.salary * 1
        return self.salary * (1 + self.growth_percent / 100) ** (year - self.salary_year)

    def breakdown(self, year: int, percent: Fraction | None = None) -> SalaryCostBreakdown:
        """Every component of the cost in ``year`` (at ``percent``, by default the position's)."""
        percent = self.percent if percent is None else percent
        assert self.pension_percent is not None
        return cost_breakdown(
            self.rules_in(year), salary_full=self.salary_in(year), percent=percent, zone=self.zone,
            pension_percent=self.pension_percent, holiday_pay=self.holiday_rule, zone_1a_rate=self.zone_1a_rate,
            birth_year=self.birth_year,
        )

    def figure(self, year: int, scale: Fraction = Fraction(1)) -> tuple[ExactAmount, tuple[FactRef, ...]]:
        """The exact cost at the position's percentage × ``scale`` and the rule values it used (no explanation)."""
        b = self.breakdown(year, self.percent * scale)
        return b.exact_total, b.uses()

    def exact_in(self, year: int) -> ExactAmount:
        return self.breakdown(year).exact_total

    def exact_at(self, year: int, scale: Fraction) -> ExactAmount:
        """The exact cost when the position's percentage is scaled by ``scale`` (computed, not scaled)."""
        return self.breakdown(year, self.percent * scale).exact_total

    def cost_in(self, year: int) -> Money:
        return round_half_up_to_kroner(self.exact_in(year))

    def describe(self, year: int) -> Words:
        assert self.pension_percent is not None
        return words("cost.describe.salary", salary=self._salary_words(), percent=self.percent, zone=self.zone.value,
                     holiday=words(f"cost.holiday_rule.{self.holiday_rule.name.lower()}"), pension=self.pension_percent)

    def _salary_words(self) -> Words:
        when = "" if self.salary_year is None else words("cost.salary.in_year", year=self.salary_year)
        growth = "" if self.growth_percent == 0 else words("cost.salary.growing", growth=self.growth_percent)
        return words("cost.salary.given", salary=self.salary, when=when, growth=growth)

    def explain_cost(self, year: int, amount: Money, *, scale: Fraction = Fraction(1)) -> Explanation:
        """The explanation of the cost in ``year``: every component with its rule values and sources."""
        percent = self.percent * scale
        note = None if scale == 1 else words("cost.scaled_at", percent=percent)
        b = attrs.evolve(self.breakdown(year, percent), inputs=self._inputs(year, percent))
        return b.explanation(amount, note)

    def _inputs(self, year: int, percent: Fraction) -> tuple[FactUse, ...]:
        assert self.pension_percent is not None
        zone = (words("cost.zone", zone=self.zone.value) if self.zone_1a_rate is None
                else words("cost.zone.1a", zone=self.zone.value, rate=words(f"cost.zone_1a_rate.{self.zone_1a_rate.name.lower()}")))
        inputs = [
            FactUse("input.salary", self._salary_words(), Status.USER_SUPPLIED, _USER_INPUT),
            FactUse("input.percent", words("cost.percent", percent=percent), Status.USER_SUPPLIED, _USER_INPUT),
            FactUse("input.zone", zone, Status.USER_SUPPLIED, _USER_INPUT),
            FactUse("input.pension", words("cost.pension_of_salary", percent=self.pension_percent),
                    Status.USER_SUPPLIED, _USER_INPUT),
        ]
        if self.holiday_pay is not None:
            inputs.append(FactUse("input.holiday_pay", words(f"cost.holiday_rule.{self.holiday_pay.name.lower()}"),
                                  Status.USER_SUPPLIED, _USER_INPUT))
        else:
            rules = self.rules_in(year)
            inputs.append(rules.use("input.holiday_pay_default", rules.holiday_days_fifth_week))
        if self.birth_year is not None:
            inputs.append(FactUse("input.birth_year", str(self.birth_year), Status.USER_SUPPLIED, _USER_INPUT))
        return tuple(inputs)


def cost_figure(model: CostModel, year: int,
                scale: Fraction = Fraction(1)) -> tuple[ExactAmount, tuple[FactRef, ...]]:
    """:func:`exact_cost` and the rule values the cost used (none for a cost the user gave as a figure)."""
    figure = getattr(model, "figure", None)
    if figure is not None:
        result: tuple[ExactAmount, tuple[FactRef, ...]] = figure(year, scale)
        return result
    return exact_cost(model, year, scale), ()


def exact_cost(model: CostModel, year: int, scale: Fraction = Fraction(1)) -> ExactAmount:
    """The exact cost of ``model`` in ``year`` with the position's percentage scaled by ``scale``.

    A model that computes its cost from the percentage (:class:`SalaryCost`: the holiday-pay
    cap and the extra contribution's threshold are not proportional) is asked at the new
    percentage; any other cost is scaled in proportion (the library's assumption).
    """
    exact_at = getattr(model, "exact_at", None)
    if exact_at is not None:
        result: ExactAmount = exact_at(year, scale)
        return result
    return model.exact_in(year) * scale



def cost_explanation(model: CostModel, year: int, amount: Money, *, scale: Fraction = Fraction(1)) -> Explanation:
    """Why the cost of a position in ``year`` is ``amount``.

    A model with its own itemised explanation (``explain_cost``, as :class:`SalaryCost`
    has) gives it; otherwise the user's figure and the rounding are shown.
    """
    explain_cost = getattr(model, "explain_cost", None)
    if explain_cost is not None:
        itemised: Explanation = explain_cost(year, amount, scale=scale)
        return itemised
    detail = model.describe(year)
    if scale != 1:
        detail = words("cost.scaled", detail=detail, percent=scale * 100)
    return Explanation(
        words("cost.heading", year=year),
        amount,
        (FactUse("input.cost", detail, Status.USER_SUPPLIED, _USER_INPUT),),
        (Explanation(words("grant.rounded.half-up"), amount),),
    )


def _money_argument(value: object, where: str) -> Money:
    if isinstance(value, float):
        raise FloatRefusedError(words("model.float_refused", value=repr(value), expected=expect("money_example")),
                                field=where, value=value, expected=expect("money"))
    if not isinstance(value, Money):
        raise InvalidTypeError(expected_got(expect("money_example"), value), field=where, value=value,
                               expected=expect("money"))
    return value


def own_financing(cost: Money, grant: Money) -> Money:
    """Own financing = full cost − grant (the library's definition; may be negative if the grant exceeds the cost).

    Both are :class:`~nedtrapping.money.Money`; anything else is refused by name (a float
    never comes back as a float).
    """
    return _money_argument(cost, "cost") - _money_argument(grant, "grant")


def required_increase(this_year: Money, last_year: Money) -> Money:
    """How much more the municipality must pay this year than last year (both :class:`~nedtrapping.money.Money`)."""
    return _money_argument(this_year, "this_year") - _money_argument(last_year, "last_year")


def takeover_year(grants: Mapping[int, Money | None] | Sequence[tuple[int, Money | None]]) -> int | None:
    """The first year from which the grant is known to be 0 in every later year.

    ``None`` when the last year still has a grant or an unknown one (the takeover
    lies beyond the years given, or cannot be known).
    """
    items = sorted(grants.items() if isinstance(grants, Mapping) else grants)
    result: int | None = None
    for year, grant in reversed(items):
        if grant is None or grant.ore != 0:
            break
        result = year
    return result
