"""The numpy backend gives the pure Python backend's figures to the øre, for columns given as numpy arrays.

The pure Python backend is the peer: other code (lists, a dict of cells per municipality, the
cost compounded per position) computing the same figures. Each scenario is chosen to reach one
of the numpy backend's own paths — municipality codes given as integers (small, huge and
negative), first grant years over more than 40 years, many municipalities, a cost year per
position, growth and percentages as scaled integers, percentage changes, grant letters and
amounts past 63 bits — and every column and total must agree.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest

from nedtrapping import engine

np = pytest.importorskip("numpy")


def _columns(n: int, seed: int, *, municipality: str, first_span: int, huge: bool = False) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    first = 2021 - rng.integers(0, first_span, n)
    if municipality == "small codes":
        muni: Any = rng.integers(0, max(1, n // 7), n)
    elif municipality == "huge codes":
        muni = rng.integers(0, 5, n) * 10**9 + 17
    elif municipality == "negative codes":
        muni = rng.integers(-3, 3, n)
    elif municipality == "names":
        muni = np.array([f"K{v}" for v in rng.integers(0, 9, n)], dtype=object)
    elif municipality == "one each":
        muni = np.arange(n)
    else:
        muni = None
    cost = rng.integers(10**7, 10**8, n) * (10**9 if huge else 1)
    percent = engine.Scaled(rng.integers(1, 10_001, n), 100)
    growth = engine.Scaled(rng.integers(-20, 60, n), 10)
    received = [None if v == 0 else bool(v - 1) for v in rng.integers(0, 3, n)]
    if municipality in ("small codes", "names", "huge codes", "negative codes"):
        # the 2021 answer is the municipality's: one answer per municipality, or none
        answer: dict[Any, bool | None] = {}
        received = [answer.setdefault(m.item() if hasattr(m, "item") else m, r) for m, r in zip(muni, received)]
    changes = {2023: [None if v % 3 else Fraction(int(v % 100) + 1) for v in rng.integers(0, 1000, n)]}
    granted = {2022: [None if v % 4 else int(v) * 100 for v in rng.integers(0, 6_000_000, n)]}
    return dict(percent=percent, first_grant_year=first, cost=cost, cost_year=2020 + rng.integers(0, 4, n),
                growth=growth, municipality=muni, options={"received_grant_in_2021": received},
                percent_changes=changes, granted=granted)


SCENARIOS = {
    "integer municipality codes": dict(n=400, seed=1, municipality="small codes", first_span=6),
    "codes far apart (sorted to ids)": dict(n=300, seed=2, municipality="huge codes", first_span=6),
    "negative codes": dict(n=300, seed=3, municipality="negative codes", first_span=6),
    "names of municipalities": dict(n=300, seed=4, municipality="names", first_span=6),
    "no municipality: each its own": dict(n=300, seed=5, municipality="none", first_span=6),
    "a municipality each, given": dict(n=300, seed=6, municipality="one each", first_span=6),
    "first grant years over 45 years": dict(n=300, seed=7, municipality="small codes", first_span=45),
    "amounts past 63 bits": dict(n=200, seed=8, municipality="small codes", first_span=6, huge=True),
}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_numpy_columns_give_the_python_backends_figures_to_the_ore(name: str) -> None:
    columns = _columns(**SCENARIOS[name])  # type: ignore[arg-type]
    years = [2021, 2022, 2023, 2024, 2025]
    fast = engine.plan_columns(years=years, backend="numpy", **columns)
    slow = engine.plan_columns(years=years, backend="python", **columns)
    for year in years:
        for figure in ("grant", "rule_grant", "cost", "own_financing", "own_financing_increase"):
            left, right = getattr(fast, figure)[year], getattr(slow, figure)[year]
            assert left.to_list() == right.to_list(), (name, figure, year)
            assert left.total() == right.total(), (name, figure, year)
        # the same cell for every position: its rate, and so its rule values and warnings
        assert [fast.cell(year, i).query for i in range(len(fast.batch))] == \
            [slow.cell(year, i).query for i in range(len(slow.batch))], (name, year)
    assert fast.totals() == slow.totals()


def test_the_numpy_backend_is_the_one_that_ran() -> None:
    # the comparison above is between two backends, not one backend twice
    columns = _columns(**SCENARIOS["integer municipality codes"])  # type: ignore[arg-type]
    assert engine.batch(backend="numpy", **columns).backend == "numpy"
    assert engine.batch(backend="python", **columns).backend == "python"
