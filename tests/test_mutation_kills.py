"""Tests written for mutants that survived a mutation run (scripts/mutation): each says what it pins."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nedtrapping import strategies
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


def test_plan_repr_states_scheme_counts_span_and_completeness() -> None:
    complete = plan_municipality([
        Position(municipality=m, position=p, percent=100, first_grant_year=2021, cost=FixedCost(K(700_000)))
        for m, p in (("A", "P1"), ("A", "P2"), ("B", "P1"))
    ])
    assert repr(complete) == ("<Plan kommunalt-rusarbeid: 3 position(s) in 2 municipality(ies), 2022–2025, "
                              "complete>")
    # a position in its year 4 in 2022 (first funded 2019) needs the unknown ladder step 4
    incomplete = plan_municipality([Position(municipality="A", position="P", percent=100, first_grant_year=2019,
                                             cost=FixedCost(K(700_000)))], years=[2022])
    assert repr(incomplete) == (f"<Plan kommunalt-rusarbeid: 1 position(s) in 1 municipality(ies), 2022–2022, "
                                f"{len(incomplete.problems)} unknown figure(s)>")
    assert len(incomplete.problems) >= 1
    assert repr(complete.rows) == f"<{len(complete.rows)} plan rows>" and len(complete.rows) == 12
    # a plan made by hand without years still has a repr (the planner refuses to make one)
    assert "2 municipality(ies), no years, complete>" in repr(attrs.evolve(complete, years=()))


def test_plan_rows_equal_any_sequence_of_the_same_rows_and_nothing_else() -> None:
    plan = plan_municipality([Position(municipality="A", position="P", percent=100, first_grant_year=2021,
                                       cost=FixedCost(K(700_000)))])
    rows = plan.rows
    assert rows == list(rows) and rows == tuple(rows)
    assert rows != list(rows)[:-1] and rows != [*list(rows)[:-1], list(rows)[0]]
    assert rows != "not rows" and rows != 5
    with pytest.raises(TypeError):
        hash(rows)


def test_a_discrepancy_reads_as_its_english_warning_without_the_prefix() -> None:
    plan = plan_municipality([Position(municipality="A", position="P", percent=100, first_grant_year=2021,
                                       cost=FixedCost(K(700_000)), granted={2023: K(300_000)})])
    (d,) = plan.discrepancies
    assert (d.granted, d.by_rule, d.difference) == (K(300_000), K(330_000), K(-30_000))
    text = str(d)
    assert f"discrepancy: {text}" in plan.warnings
    assert text.startswith("A / P 2023: granted 300 000 kr")


def test_zero_money_is_falsy_and_any_other_amount_truthy() -> None:
    assert not K(0) and not Money(ore=0)
    assert Money(ore=1) and Money(ore=-1) and K(330_000)


def test_exact_amounts_add_exactly_with_exact_amounts_and_money_only() -> None:
    third = ExactAmount(Fraction(1, 3))
    assert third + third + third == ExactAmount(Fraction(1))
    assert third + K(1) == ExactAmount(Fraction(301, 3))
    assert (third + ExactAmount(Fraction(-1, 3))).ore == 0
    with pytest.raises(TypeError):
        _ = third + 1  # type: ignore[operator]
    assert third.round() == K(0) and ExactAmount(Fraction(50)).round() == K(1)


@pytest.mark.parametrize(("method", "kwargs"), [("to_csv", {}), ("to_dict", {}), ("to_text", {"lang": "en"}),
                                                ("to_markdown", {"lang": "en"})])
def test_the_deprecated_plan_methods_warn_with_the_new_name_and_give_what_it_gives(method: str,
                                                                                   kwargs: dict[str, str]) -> None:
    from nedtrapping.render import plan as render_plan

    plan = plan_municipality([Position(municipality="A", position="P", percent=100, first_grant_year=2021,
                                       cost=FixedCost(K(700_000)))])
    expected = getattr(render_plan, method)(plan, **kwargs)
    with pytest.warns(DeprecationWarning) as caught:
        got = getattr(plan, method)()
    assert got == expected
    assert [str(w.message) for w in caught] == [
        f"Plan.{method}() is deprecated; use nedtrapping.render.plan.{method}(plan)"]
    assert Path(caught[0].filename).name != "plan.py"  # it points at the caller, not at the library


def test_the_deprecated_module_names_warn_and_still_answer() -> None:
    import nedtrapping.plan as plan_module
    from nedtrapping.registry import position_scheme
    from nedtrapping.render.plan import CSV_COLUMNS
    from nedtrapping.schemes import kommunalt_rusarbeid as kr

    def outside(caught: pytest.WarningsRecorder, module: str) -> bool:
        return all(Path(w.filename).name != module for w in caught)  # the caller's line, not the library's

    with pytest.warns(DeprecationWarning, match=r"^nedtrapping\.plan\.DEFAULT_YEARS is deprecated; use the scheme's "
                                                r"default_years \(nedtrapping\.registry\.position_scheme\("
                                                r"'kommunalt-rusarbeid'\)\.default_years\)$") as caught:
        assert plan_module.DEFAULT_YEARS == position_scheme("kommunalt-rusarbeid").default_years
    assert outside(caught, "plan.py")
    with pytest.warns(DeprecationWarning, match=r"^nedtrapping\.plan\.PLAN_CSV_COLUMNS moved to "
                                                r"nedtrapping\.render\.plan\.CSV_COLUMNS$") as caught:
        assert plan_module.PLAN_CSV_COLUMNS == CSV_COLUMNS
    assert outside(caught, "plan.py")
    with pytest.raises(AttributeError, match=r"^module 'nedtrapping\.plan' has no attribute 'NOPE'$"):
        _ = plan_module.NOPE
    with pytest.warns(DeprecationWarning, match=r"^nedtrapping\.schemes\.kommunalt_rusarbeid\.check_submission\(year, "
                                                r"\.\.\.\) is deprecated; use nedtrapping\.calendar\.check_submission\("
                                                r"'kommunalt-rusarbeid', year, \.\.\.\)$") as caught:
        old = kr.check_submission
    assert outside(caught, "kommunalt_rusarbeid.py")
    from nedtrapping.calendar import check_submission
    from nedtrapping.deadlines import Purpose

    verdicts = []
    for when in ("2023-02-01T23:59:00+01:00", "2023-02-02T00:01:00+01:00", "2024-02-01T12:00:00+01:00"):
        verdicts.append(old(2023, when))
        assert verdicts[-1] == check_submission("kommunalt-rusarbeid", 2023, when)
        assert old(2023, when, purpose=Purpose.REPORTING) == check_submission(
            "kommunalt-rusarbeid", 2023, when, purpose=Purpose.REPORTING)
    assert [v.on_time for v in verdicts] == [True, False, False]
    with pytest.raises(AttributeError, match=r"^module 'nedtrapping\.schemes\.kommunalt_rusarbeid' has no attribute "
                                             r"'NOPE'$"):
        _ = kr.NOPE


@given(st.lists(strategies.positions(granted=True), min_size=1, max_size=4,
                unique_by=lambda p: (p.municipality, p.position)))
@settings(max_examples=60)
def test_row_values_are_the_rows_figures_field_for_field(positions: list[Position]) -> None:
    plan = plan_municipality(positions)
    by_key = {(p.municipality, p.position): p for p in positions}
    values = list(plan.row_values())
    assert len(values) == len(plan.rows)
    def amount(m: Money | None) -> int | None:
        return None if m is None else m.ore

    for row, v in zip(plan.rows, values, strict=True):
        assert v == (row.municipality, row.position, row.year, row.year_in_scheme, row.percent, amount(row.grant),
                     amount(row.cost), amount(row.own_financing), amount(row.own_financing_increase),
                     row.grant_source)
        assert row.grant_source == ("grant letter" if row.year in by_key[row.municipality, row.position].granted
                                    else "rule")


def test_plan_rows_index_from_both_ends_and_name_an_index_out_of_range() -> None:
    plan = plan_municipality([Position(municipality="A", position=p, percent=100, first_grant_year=2021,
                                       cost=FixedCost(K(700_000))) for p in ("P1", "P2")])
    rows, n = plan.rows, len(plan.rows)
    assert n == 8 and [rows[i] for i in range(-n, 0)] == [rows[i] for i in range(n)]
    assert (rows[-1].position, rows[-1].year) == ("P2", 2025) and (rows[0].position, rows[0].year) == ("P1", 2022)
    for bad in (n, -n - 1, 100):
        with pytest.raises(IndexError, match=r"^plan row index out of range$"):
            rows[bad]
    assert [r.year for r in rows[1:3]] == [2023, 2024]


def test_money_repr_reads_back_as_the_same_money() -> None:
    for m in (K(5), K(-5), K(0), Money(ore=550), Money(ore=-1), K(330_000)):
        assert eval(repr(m), {"Money": Money}) == m
    assert repr(K(330_000)) == "Money.kroner(330000)" and repr(Money(ore=550)) == "Money(ore=550)"
