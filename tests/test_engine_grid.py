"""A large numpy batch computes each raw cell × distinct percentage once: the same figures as the Python backend.

Why: at 1 000 000 positions the grant is :func:`nedtrapping.grant.grant_ore` of a few cells and
at most 9 001 distinct percentages (hundredths of a percent), so the numpy backend computes that
grid once and takes each position's grant from it, instead of the formula over the whole column
every year. The pure Python backend is the peer (the formula per position); every figure and
total must agree to the øre, for both rounding rules (half up, and down for NAV's cap), with
unknown cells, grant letters and percentage changes (the grid serves the years before a change).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest

from nedtrapping import engine

np = pytest.importorskip("numpy")


def _columns(n: int, seed: int, *, scale: int, changes: bool, wide: bool = False) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    # positions share a few hundred percentages (as real ones do), or every value is drawn (``wide``)
    pool = rng.integers(1, 100 * scale + 1, n if wide else 150)
    percent: Any = engine.Scaled(rng.choice(pool, n), scale) if scale > 1 else rng.choice(pool, n)
    columns: dict[str, Any] = dict(
        percent=percent, first_grant_year=2022 - rng.integers(0, 6, n), cost=rng.integers(10**7, 10**8, n),
        cost_year=2022, growth=engine.Scaled(rng.integers(-20, 60, n), 10),
        municipality=rng.integers(0, 20, n),
        granted={2022: [None if v % 5 else int(v) * 100 for v in rng.integers(0, 6_000_000, n)]},
    )
    if changes:
        columns["percent_changes"] = {2024: [None if v % 4 else Fraction(int(v % 100) + 1)
                                             for v in rng.integers(0, 1000, n)]}
    return columns


CASES = {
    "hundredths of a percent": dict(scheme="kommunalt-rusarbeid", scale=100, changes=False),
    "whole percents": dict(scheme="kommunalt-rusarbeid", scale=1, changes=False),
    "a percentage change in 2024": dict(scheme="kommunalt-rusarbeid", scale=100, changes=True),
    "NAV: a cap, rounded down": dict(scheme="nav-sosiale-tjenester", scale=100, changes=False),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_grid_gives_the_python_backends_figures_to_the_ore(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    case = CASES[name]
    columns = _columns(12_000, seed=len(name), scale=case["scale"], changes=case["changes"])  # type: ignore[arg-type]
    used: list[bool] = []
    original = engine._grid_grant

    def counting(*args: Any) -> Any:
        found = original(*args)
        used.append(found is not None)
        return found

    monkeypatch.setattr(engine, "_grid_grant", counting)
    years = [2021, 2022, 2023, 2024, 2025]
    scheme = str(case["scheme"])
    if scheme == "nav-sosiale-tjenester":
        years = [2024, 2025, 2026]
        columns["granted"] = {}
        columns["municipality"] = None  # each its own: few raw cells
    fast = engine.plan_columns(years=years, backend="numpy", scheme=scheme, **columns)
    slow = engine.plan_columns(years=years, backend="python", scheme=scheme, **columns)
    # the grid served the years before any change (and only those)
    assert any(used)
    assert all(used) == (not case["changes"])
    for year in years:
        for figure in ("grant", "rule_grant", "cost", "own_financing", "own_financing_increase"):
            left, right = getattr(fast, figure)[year], getattr(slow, figure)[year]
            assert left.to_list() == right.to_list(), (name, figure, year)
            assert left.total() == right.total(), (name, figure, year)
    assert fast.totals() == slow.totals()
    # an unknown stays unknown: kommunalt rusarbeid's 2022 ladder steps 3 and 4 are not known
    if scheme == "kommunalt-rusarbeid":
        assert None in fast.rule_grant[2022].to_list()


def test_a_small_batch_or_a_wide_grid_computes_per_position(monkeypatch: pytest.MonkeyPatch) -> None:
    used: list[bool] = []
    original = engine._grid_grant

    def counting(*args: Any) -> Any:
        found = original(*args)
        used.append(found is not None)
        return found

    monkeypatch.setattr(engine, "_grid_grant", counting)
    small = _columns(2_000, seed=1, scale=100, changes=False)
    engine.plan_columns(years=[2023], backend="numpy", **small)
    # 12 000 positions at percentages in millionths: more distinct percentages than the grid pays for
    wide = _columns(12_000, seed=2, scale=1_000_000, changes=False, wide=True)
    fast = engine.plan_columns(years=[2023], backend="numpy", **wide)
    slow = engine.plan_columns(years=[2023], backend="python", **wide)
    assert used == [False, False]
    assert fast.grant[2023].to_list() == slow.grant[2023].to_list()
