"""Tests written for mutants that survived a mutation run (scripts/mutation): each says what it pins."""

from __future__ import annotations

from fractions import Fraction

import pytest

from nedtrapping.cofinancing import FixedCost, takeover_year
from nedtrapping.money import ExactAmount, FloatRefusedError, Money
from nedtrapping.plan import Position, plan_municipality
from nedtrapping.rounding import round_cap_down_to_kroner

K = Money.kroner


def test_negation_flips_the_sign() -> None:
    assert (-K(5)).ore == -500 and (-K(-5)).ore == 500 and -K(0) == K(0)


def test_from_float_refuses_non_floats_and_non_finite_values_by_name() -> None:
    with pytest.raises(TypeError, match="Money.from_float: expected a float, got int"):
        Money.from_float(5)  # type: ignore[arg-type]
    for bad in (float("nan"), float("inf"), float("-inf")):
        with pytest.raises(ValueError, match=r"Money.from_float: .* is not a finite amount"):
            Money.from_float(bad)
    assert Money.from_float(0.125) == Money(ore=13)  # half up to whole øre, from the float's shortest text
    assert Money.from_float(1.005).ore == 101


def test_sum_starts_from_zero_but_money_plus_other_numbers_is_refused() -> None:
    m = K(7)
    assert 0 + m == m and sum([m, m]) == K(14)
    with pytest.raises(TypeError):
        _ = 1 + m  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = True + m  # type: ignore[operator]
    with pytest.raises(FloatRefusedError, match=r"\.\.\. \+ Money"):
        _ = 0.5 + m  # type: ignore[operator]


def test_takeover_year_takes_pairs_as_well_as_a_mapping() -> None:
    pairs = [(2023, K(1)), (2024, K(0)), (2025, K(0))]
    assert takeover_year(pairs) == 2024 == takeover_year(dict(pairs))


def test_a_zero_or_sub_ore_cap_rounds_down_to_zero_and_a_negative_one_is_refused() -> None:
    assert round_cap_down_to_kroner(K(0)) == K(0)
    assert round_cap_down_to_kroner(ExactAmount(Fraction(1, 2))) == K(0)
    with pytest.raises(ValueError, match="cannot be negative"):
        round_cap_down_to_kroner(ExactAmount(Fraction(-1, 2)))


def test_plan_lookups_name_the_years_and_totals_carry_their_year() -> None:
    plan = plan_municipality([Position(municipality="K", position="P", percent=100, first_grant_year=2021,
                                       cost=FixedCost(K(700_000)))])
    with pytest.raises(KeyError, match=r"the plan's years: \(2022, 2023, 2024, 2025\)"):
        plan.row("P", 2030)
    assert [t.year for t in plan.municipality_totals("K").values()] == [2022, 2023, 2024, 2025]
