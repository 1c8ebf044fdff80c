"""Planning, explaining and the engine do the same work per position at any size.

Why: planning 100 000 positions of one municipality once took 155 s (the municipality's years
rebuilt and read per position), explaining every row of a 10 000-position plan 4.7 s (the
scheme's rate asked again for every row), and the engine made one group per position when no
municipality was given. Time is not tested here (a slow machine must not fail a test;
``benchmarks/bench_scaling.py`` measures it): the work is counted instead — the Python calls a
step makes (through :func:`sys.setprofile`) and the calls it makes to the scheme — and the count
per position must not grow when the input doubles.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from nedtrapping import engine
from nedtrapping.cofinancing import GrowingCost
from nedtrapping.money import Money
from nedtrapping.plan import Plan, Position, plan_municipality
from nedtrapping.registry import position_scheme
from nedtrapping.scheme import GrantQuery
from nedtrapping.schemes.kommunalt_rusarbeid import rules_for


def python_calls(run: Callable[[], Any]) -> int:
    """How many Python and C functions ``run`` calls (a generator resumed counts as a call)."""
    count = 0

    def profile(_frame: object, event: str, _arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(None)
    return count


def _positions(count: int, per: int | None) -> list[Position]:
    """``count`` positions, ``per`` to a municipality (``None``: all in one); every pattern repeats each 20."""
    return [Position(municipality="Kommune" if per is None else f"Kommune {i // per}", position=f"Stilling {i}",
                     percent=(50, 80, 100, "33,3", 75)[i % 5], first_grant_year=(2019, 2020, 2021, 2021)[i % 4],
                     cost=GrowingCost(Money.kroner(600_000 + i), 2022, "3.5"))
            for i in range(count)]


class CountingScheme:
    """A scheme that counts how often the planner asks it for a rate, a cell and a position's notes."""

    def __init__(self, scheme_id: str = "kommunalt-rusarbeid") -> None:
        self._scheme = position_scheme(scheme_id)
        self.rates = 0
        self.cells = 0
        self.notes = 0
        #: Per call to ``position_notes``: how many municipality years it was given (work per position).
        self.years_read = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._scheme, name)

    def rules_for(self, year: int) -> Any:
        return self._scheme.rules_for(year)

    def cell(self, query: GrantQuery) -> GrantQuery:
        self.cells += 1
        return self._scheme.cell(query)

    def rate(self, query: GrantQuery, rules: Any = None) -> Any:
        self.rates += 1
        return self._scheme.rate(query, rules)

    def position_notes(self, query: GrantQuery, years: Any) -> Any:
        self.notes += 1
        self.years_read += len(query.municipality_first_grant_years)
        return self._scheme.position_notes(query, years)


def _supplied() -> dict[int, Any]:
    letter = "Tilsagnsbrev 2022, test"
    return {2022: rules_for(2022).with_ladder_step(3, Money.kroner(480_000), letter)}


def _explain_all(plan: Plan) -> None:
    for row in plan.rows:
        assert row.explanation is not None


@pytest.mark.parametrize("per", [10, None], ids=["ten a municipality", "one municipality"])
def test_explaining_every_row_asks_the_scheme_for_each_rate_once_not_once_per_row(per: int | None) -> None:
    asked = []
    for count in (40, 80, 160):
        scheme = CountingScheme()
        plan = plan_municipality(_positions(count, per), rules=_supplied(), scheme=scheme)
        before = scheme.rates
        _explain_all(plan)
        asked.append(scheme.rates - before)
    # the positions repeat one pattern: the same queries, the same rates, however many positions
    assert asked[0] == asked[1] == asked[2]
    assert 0 < asked[0] < 40


@pytest.mark.parametrize("per", [10, None], ids=["ten a municipality", "one municipality"])
def test_explaining_every_row_makes_the_same_calls_per_row_at_any_size(per: int | None) -> None:
    per_row = []
    for count in (40, 80, 160):
        plan = plan_municipality(_positions(count, per), rules=_supplied())
        _explain_all(plan)  # the rates and their steps, made once (the same for any size)
        per_row.append(python_calls(functools.partial(_explain_all, plan)) / len(plan.rows))
    assert per_row[2] <= per_row[1] * 1.02 and per_row[1] <= per_row[0] * 1.02, per_row


def test_planning_one_municipality_makes_the_same_calls_per_position_at_any_size() -> None:
    per_position = []
    for count in (50, 100, 200, 400):
        positions = _positions(count, None)
        per_position.append(python_calls(functools.partial(plan_municipality, positions)) / count)
    # fixed work (the rules, the cells) spreads over more positions; the work per position must not grow
    assert all(later <= earlier * 1.02 for earlier, later in zip(per_position, per_position[1:])), per_position


def test_a_position_in_a_large_municipality_reads_its_municipality_years_once() -> None:
    for count in (50, 400):
        scheme = CountingScheme()
        plan_municipality(_positions(count, None), scheme=scheme)
        assert scheme.notes == count
        # the municipality's first grant years, once each (three distinct years), not every position's
        assert scheme.years_read == 3 * count
        assert scheme.cells < 50  # per year and raw cell, not per position


def _columns(n: int) -> dict[str, Any]:
    i = np.arange(n, dtype=np.int64)
    return {"percent": engine.Scaled(1_000 + (i * 37) % 9_001, 100),
            "first_grant_year": np.array([2018, 2019, 2020, 2021, 2022], dtype=np.int64)[i % 5],
            "cost": 50_000_000 + (i % 1_000) * 100, "cost_year": 2022}


@pytest.mark.parametrize("percents", ["many", "few"])
@pytest.mark.parametrize("municipality", [None, "codes"])
def test_the_numpy_engine_makes_no_python_call_per_position(municipality: str | None, percents: str) -> None:
    calls = []
    for n in (20_000, 40_000):
        columns = _columns(n)
        if municipality == "codes":
            columns["municipality"] = np.arange(n, dtype=np.int64) // 10
        if percents == "few":  # each cell × percentage computed once, then taken per position
            columns["percent"] = engine.Scaled(np.array([5_000, 10_000, 3_330])[np.arange(n) % 3], 100)

        def run(columns: dict[str, Any] = columns) -> None:
            engine.batch(backend="numpy", **columns).plan(years=[2022, 2023, 2024, 2025], rules=_supplied())

        run()  # rule sets and their digests, once
        calls.append(min(python_calls(run) for _ in range(2)))
    # a call per position would add 20 000; the library's caches (filled by earlier work) may add a few
    assert abs(calls[1] - calls[0]) < 500, calls


def test_no_municipality_is_no_grouping() -> None:
    for n in (1_000, 2_000):
        built = engine.batch(backend="numpy", **_columns(n))
        # one raw cell per first grant year (each position its own municipality), not one per position
        assert [key[0] for key in built._raw_keys] == [2018, 2019, 2020, 2021, 2022]
        assert [key[2] for key in built._raw_keys] == [(2018,), (2019,), (2020,), (2021,), (2022,)]
        python = engine.batch(backend="python", **{**_columns(n), "percent": engine.Scaled(
            _columns(n)["percent"].values.tolist(), 100), "first_grant_year": _columns(n)["first_grant_year"].tolist(),
            "cost": _columns(n)["cost"].tolist()})
        assert python._raw_keys == built._raw_keys
        result, expected = built.plan(rules=_supplied()), python.plan(rules=_supplied())
        for year in result.years:
            assert result.grant[year].to_list() == expected.grant[year].to_list()
            assert result.own_financing[year].to_list() == expected.own_financing[year].to_list()
            assert [result.cell(year, i).query for i in range(0, n, 97)] == \
                [expected.cell(year, i).query for i in range(0, n, 97)]
