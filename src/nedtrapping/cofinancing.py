"""Co-financing (egenfinansiering): what the municipality pays itself as the grant falls.

Why: the deck says «Kommunens egenfinansiering må økes i takt med at
tilskuddsmidlene avkortes», but no source gives a formula or a minimum share.
The library's definition (documented as such):

* own financing in a year = full cost of the position that year − grant that year;
* the required increase = this year's own financing − last year's;
* the takeover year = the first year from which the grant is 0 for good.

A cost is either fixed or grows at an exact annual rate from a base year; it is
rounded once (the library's single rounding rule) for each year.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Protocol

import attrs

from nedtrapping.explain import Explanation, FactUse
from nedtrapping.money import ExactAmount, Money, format_percent, parse_share
from nedtrapping.provenance import Citation, Status
from nedtrapping.rounding import round_half_up_to_kroner

__all__ = [
    "CostModel",
    "FixedCost",
    "GrowingCost",
    "own_financing",
    "required_increase",
    "takeover_year",
]

_USER_INPUT = Citation(document="the user's own budget figures (positions input)", tag="INPUT")


def _money(value: object) -> Money:
    if not isinstance(value, Money):
        raise TypeError(f"expected Money (e.g. Money.kroner(700_000)), got {type(value).__name__} {value!r}")
    if value.ore < 0:
        raise ValueError(f"a cost cannot be negative, got {value}")
    return value


def _growth(value: object) -> Fraction:
    # a Fraction is already exact (a reader's); anything else is parsed (floats refused there)
    share = value if type(value) is Fraction else parse_share(value, where="growth_percent")  # type: ignore[arg-type]
    if share <= -100:
        raise ValueError(f"growth_percent must be above -100, got {value}")
    return share


class CostModel(Protocol):
    """Anything that gives the exact full cost of a position in a year."""

    def exact_in(self, year: int) -> ExactAmount: ...

    def describe(self, year: int) -> str: ...


@attrs.frozen
class FixedCost:
    """The same full annual cost every year."""

    annual: Money = attrs.field(converter=_money)

    def exact_in(self, year: int) -> ExactAmount:
        return self.annual * 1

    def cost_in(self, year: int) -> Money:
        return round_half_up_to_kroner(self.exact_in(year))

    def describe(self, year: int) -> str:
        return f"fixed annual cost {self.annual}"


@attrs.frozen
class GrowingCost:
    """A base cost in ``base_year`` growing by ``growth_percent`` a year (compounded exactly).

    >>> GrowingCost(Money.kroner(100_000), 2022, "3.5").cost_in(2024)
    Money.kroner(107123)
    """

    base: Money = attrs.field(converter=_money)
    base_year: int = attrs.field(validator=attrs.validators.instance_of(int))
    growth_percent: Fraction = attrs.field(converter=_growth)

    def factor(self, year: int) -> Fraction:
        return (1 + self.growth_percent / 100) ** (year - self.base_year)

    def exact_in(self, year: int) -> ExactAmount:
        return self.base * self.factor(year)

    def cost_in(self, year: int) -> Money:
        return round_half_up_to_kroner(self.exact_in(year))

    def describe(self, year: int) -> str:
        n = year - self.base_year
        g = format_percent(self.growth_percent)
        return f"{self.base} in {self.base_year} × (1 + {g} %)^{n}"



def cost_explanation(model: CostModel, year: int, amount: Money, *, scale: Fraction = Fraction(1)) -> Explanation:
    """Why the cost of a position in ``year`` is ``amount``."""
    detail = model.describe(year)
    if scale != 1:
        detail += f" × {format_percent(scale * 100)} % (the position's percentage changed)"
    return Explanation(
        f"Full cost {year}",
        str(amount),
        (FactUse("cost", detail, Status.USER_SUPPLIED, _USER_INPUT),),
        (Explanation("Rounded once, half up to whole kroner", str(amount)),),
    )


def own_financing(cost: Money, grant: Money) -> Money:
    """Own financing = full cost − grant (the library's definition; may be negative if the grant exceeds the cost)."""
    return cost - grant


def required_increase(this_year: Money, last_year: Money) -> Money:
    """How much more the municipality must pay this year than last year."""
    return this_year - last_year


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
