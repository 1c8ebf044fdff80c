"""Costs and co-financing: exact growth, one rounding, the takeover year."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nedtrapping.cofinancing import FixedCost, GrowingCost, own_financing, required_increase, takeover_year
from nedtrapping.money import FloatRefusedError, Money

K = Money.kroner


@given(st.integers(0, 5_000_000), st.integers(2015, 2030), st.integers(2015, 2035),
       st.decimals(min_value=-20, max_value=20, places=2))
def test_growing_cost_is_compounded_exactly_and_rounded_once_half_up(base: int, base_year: int, year: int,
                                                                    growth: Decimal) -> None:
    cost = GrowingCost(K(base), base_year, str(growth)).cost_in(year)
    with localcontext() as ctx:
        ctx.prec = 200
        factor = (1 + growth / 100) ** (year - base_year)
        expected = (Decimal(base) * factor).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    assert cost == K(int(expected))


@given(st.integers(0, 5_000_000), st.integers(2000, 2100))
def test_fixed_cost_is_the_same_every_year(amount: int, year: int) -> None:
    assert FixedCost(K(amount)).cost_in(year) == K(amount)


@given(st.integers(0, 5_000_000), st.integers(0, 5_000_000), st.integers(0, 5_000_000))
def test_own_financing_plus_grant_is_the_cost_and_increase_is_the_difference(cost: int, grant: int, last: int) -> None:
    own = own_financing(K(cost), K(grant))
    assert own + K(grant) == K(cost)
    assert required_increase(own, K(last)) + K(last) == own


def test_takeover_year_examples() -> None:
    assert takeover_year({2022: K(1), 2023: K(1), 2024: K(1), 2025: K(0)}) == 2025
    assert takeover_year({2022: K(0), 2023: K(0)}) == 2022
    assert takeover_year({2022: K(0), 2023: K(5)}) is None
    assert takeover_year({2022: K(5), 2023: None, 2024: K(0)}) == 2024
    assert takeover_year({2022: K(5), 2023: None}) is None


def test_costs_refuse_floats_and_negative_amounts() -> None:
    with pytest.raises(FloatRefusedError):
        GrowingCost(K(1), 2022, 3.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        FixedCost(K(-1))
    with pytest.raises(TypeError):
        FixedCost(700_000)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="større enn −100 %"):
        GrowingCost(K(1), 2022, "-100")
