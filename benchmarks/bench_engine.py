"""Benchmark: the columnar engine against the one-position API, the planner and a hand-written numpy expression.

Not a test (nothing fails on a slow machine): run it by hand and read the table.

    .venv/bin/python benchmarks/bench_engine.py                  # N = 1 000 … 1 000 000 (a few minutes)
    .venv/bin/python benchmarks/bench_engine.py --sizes 1000,10000 --quick

A seeded synthetic population of kommunalt rusarbeid positions (10 per municipality; first
funded 2018–2022; 10–100 % in hundredths of a percent; a cost of 500 000–900 000 kr in 2022
growing 2,0–4,5 % a year; ladder steps 3 and 4 supplied as from a grant letter, so every
figure is known) is planned for 2022–2025 by:

* ``numpy expression`` — the formula written out by hand in numpy (integer øre, half-up ties);
* ``engine (numpy)`` and ``engine (pure Python)`` — :mod:`nedtrapping.engine`, from the columns;
* ``compute_grant loop`` — the one-position API, explained (``compute_grant`` and ``GrowingCost.cost_in``
  for every position and year);
* ``plan_municipality`` — the planner (figures; rows and explanations are built when read),
  and ``+ rows`` — the same with every row read once.

Every method's figures are checked against the numpy expression's, to the øre. Each
measurement runs in a fresh interpreter: time is the median of the repeats, peak memory the
largest amount traced by :mod:`tracemalloc` during one more run (numpy's arrays included).
Then the median wall time of ``import nedtrapping`` (over a bare interpreter) and of
``nedtrapping plan`` on the embedded example.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from fractions import Fraction
from typing import Any

YEARS = [2022, 2023, 2024, 2025]
STEP_3, STEP_4 = 48_000_000, 40_000_000  # øre: the ladder steps a grant letter would give
SCALAR_MAX = 10_000
PLAN_MAX = 100_000
PYTHON_ENGINE_MAX = 1_000_000


# --------------------------------------------------------------------------- the population


def population(n: int, seed: int = 2022) -> dict[str, Any]:
    """The synthetic positions as columns of Python ints (numpy arrays are made from these)."""
    import random

    rng = random.Random(seed)
    return {
        "municipality": [i // 10 for i in range(n)],
        "percent_hundredths": [rng.randrange(1_000, 10_001) for _ in range(n)],
        "first": [rng.choice((2018, 2019, 2020, 2021, 2021, 2021, 2022)) for _ in range(n)],
        "cost_ore": [rng.randrange(500_000, 900_001) * 100 for _ in range(n)],
        "growth_tenths": [rng.randrange(20, 46) for _ in range(n)],
    }


def supplied_rules() -> dict[int, Any]:
    from nedtrapping.money import Money
    from nedtrapping.schemes.kommunalt_rusarbeid import rules_for

    letter = "Tilsagnsbrev 2022, benchmark"
    rules = rules_for(2022).with_ladder_step(3, Money(STEP_3), letter).with_ladder_step(4, Money(STEP_4), letter)
    return {2022: rules}


# --------------------------------------------------------------------------- the methods


def numpy_expression(cols: dict[str, Any]) -> dict[int, tuple[Any, ...]]:
    """The kommunalt rusarbeid formula written out in numpy: exact integer øre, half up to whole kroner."""
    import numpy as np

    muni, pct, first = cols["np_municipality"], cols["np_percent_hundredths"], cols["np_first"]
    cost, growth = cols["np_cost_ore"], cols["np_growth_tenths"]
    # the municipality received the grant in 2021 if one of its positions was first funded 2018–2021
    funded_2021 = np.bincount(muni[(first >= 2018) & (first <= 2021)], minlength=int(muni.max()) + 1) > 0
    existing = funded_2021[muni] & (first <= 2021)
    ladder = np.array([0, 66_000_000, 55_000_000, STEP_3, STEP_4, 0], dtype=np.int64)
    out: dict[int, tuple[Any, ...]] = {}
    previous = None
    for year in YEARS:
        n = year - first + 1
        eligible = existing & (n >= 1) & (n <= 4)
        if year == 2022:
            per_full = ladder[np.clip(n, 0, 5)]
        elif year <= 2024:
            per_full = np.full(len(first), 33_000_000, dtype=np.int64)
        else:
            per_full = np.zeros(len(first), dtype=np.int64)
        per_full = np.where(eligible, per_full, 0)
        grant = (2 * per_full * pct + 1_000_000) // 2_000_000 * 100  # × (pct / 100) %, half up to kroner
        k = year - 2022
        num, den = (1000 + growth) ** k, 1000**k  # (1 + g/1000)^k, exactly
        cost_y = (2 * cost * num + 100 * den) // (200 * den) * 100
        own = cost_y - grant
        increase = None if previous is None else own - previous
        out[year] = (grant, cost_y, own, increase)
        previous = own
    return out


def engine_columns(cols: dict[str, Any], backend: str) -> dict[int, tuple[Any, ...]]:
    from nedtrapping import engine

    if backend == "numpy":
        columns = dict(percent=engine.Scaled(cols["np_percent_hundredths"], 100), first_grant_year=cols["np_first"],
                       cost=cols["np_cost_ore"], growth=engine.Scaled(cols["np_growth_tenths"], 10),
                       municipality=cols["np_municipality"])
    else:
        columns = dict(percent=engine.Scaled(cols["percent_hundredths"], 100), first_grant_year=cols["first"],
                       cost=cols["cost_ore"], growth=engine.Scaled(cols["growth_tenths"], 10),
                       municipality=cols["municipality"])
    result = engine.batch(cost_year=2022, backend=backend, **columns).plan(years=YEARS, rules=cols["rules"])  # type: ignore[arg-type]
    return {y: (result.grant[y], result.cost[y], result.own_financing[y], result.own_financing_increase[y])
            for y in YEARS}


def scalar_loop(cols: dict[str, Any]) -> dict[int, tuple[Any, ...]]:
    from nedtrapping.cofinancing import GrowingCost
    from nedtrapping.money import Money
    from nedtrapping.schemes.kommunalt_rusarbeid import compute_grant

    rules = cols["rules"]
    muni_years: dict[int, list[int]] = {}
    for m, f in zip(cols["municipality"], cols["first"]):
        muni_years.setdefault(m, []).append(f)
    out: dict[int, list[list[int | None]]] = {y: [[], [], [], []] for y in YEARS}
    for m, pct, first, cost, growth in zip(cols["municipality"], cols["percent_hundredths"], cols["first"],
                                          cols["cost_ore"], cols["growth_tenths"]):
        model = GrowingCost(Money(cost), 2022, Fraction(growth, 10))
        previous = None
        years = tuple(muni_years[m])
        for y in YEARS:
            grant = compute_grant(y, first_grant_year=first, percent=Fraction(pct, 100), rules=rules.get(y),
                                  municipality_first_grant_years=years).amount.ore
            c = model.cost_in(y).ore
            own = c - grant
            for column, value in zip(out[y], (grant, c, own, None if previous is None else own - previous)):
                column.append(value)
            previous = own
    return {y: tuple(v) for y, v in out.items()}


def _positions(cols: dict[str, Any]) -> list[Any]:
    from nedtrapping.cofinancing import GrowingCost
    from nedtrapping.money import Money
    from nedtrapping.plan import Position

    return [Position(municipality=f"Kommune {m}", position=f"Stilling {i}", percent=Fraction(p, 100),
                     first_grant_year=f, cost=GrowingCost(Money(c), 2022, Fraction(g, 10)))
            for i, (m, p, f, c, g) in enumerate(zip(cols["municipality"], cols["percent_hundredths"], cols["first"],
                                                    cols["cost_ore"], cols["growth_tenths"]))]


def _plan_columns(plan: Any) -> dict[int, tuple[Any, ...]]:
    out: dict[int, list[list[int | None]]] = {y: [[], [], [], []] for y in YEARS}
    for r in plan.rows:
        for column, value in zip(out[r.year], (r.grant, r.cost, r.own_financing, r.own_financing_increase)):
            column.append(None if value is None else value.ore)
    return {y: tuple(v) for y, v in out.items()}


METHODS = {
    "numpy expression": "numpy",
    "engine (numpy)": "engine-numpy",
    "engine (pure Python)": "engine-python",
    "compute_grant loop": "scalar",
    "plan_municipality": "plan",
    "plan_municipality + rows": "plan-rows",
}


def _as_lists(figures: dict[int, tuple[Any, ...]]) -> dict[int, list[list[int | None]]]:
    out = {}
    for y, columns in figures.items():
        out[y] = [None if c is None else (c.to_list() if hasattr(c, "to_list") else
                                          c.tolist() if hasattr(c, "tolist") else list(c)) for c in columns]
        if out[y][3] is not None and all(v is None for v in out[y][3]):
            out[y][3] = None
    return out


def run_one(method: str, n: int, repeats: int, seed: int) -> dict[str, Any]:
    """One method on one size, in this (fresh) interpreter: median time, peak traced memory, a checksum."""
    import numpy as np

    cols = population(n, seed)
    for key in ("municipality", "percent_hundredths", "first", "cost_ore", "growth_tenths"):
        cols[f"np_{key}"] = np.asarray(cols[key], dtype=np.int64)
    cols["rules"] = supplied_rules()
    positions = _positions(cols) if method in ("plan", "plan-rows") else None

    def call() -> Any:
        if method == "numpy":
            return numpy_expression(cols)
        if method in ("engine-numpy", "engine-python"):
            return engine_columns(cols, method.split("-")[1])
        if method == "scalar":
            return scalar_loop(cols)
        from nedtrapping.plan import plan_municipality

        plan = plan_municipality(positions, years=YEARS, rules=cols["rules"])  # type: ignore[arg-type]
        if method == "plan-rows":
            for _ in plan.rows:
                pass
        return plan

    call()  # warm-up: imports, rule-set digests, caches
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
        del result
    tracemalloc.start()
    tracemalloc.reset_peak()
    result = call()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    figures = _plan_columns(result) if method in ("plan", "plan-rows") else result
    reference = numpy_expression(cols)
    identical = _as_lists(figures) == _as_lists(reference)
    return {"seconds": statistics.median(times), "peak_bytes": peak, "identical": identical}


# --------------------------------------------------------------------------- whole commands


def _wall(argv: list[str], runs: int) -> float:
    # as installed: byte code cached (a first run writes it), whatever this shell says
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def import_and_cli(runs: int) -> dict[str, float]:
    bare = _wall([sys.executable, "-c", "pass"], runs)
    imported = _wall([sys.executable, "-c", "import nedtrapping"], runs)
    cli = _wall([sys.executable, "-m", "nedtrapping", "plan"], runs)
    return {"bare": bare, "import": imported, "import_over_bare": imported - bare, "cli_plan_example": cli}


# --------------------------------------------------------------------------- the table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000,1000000", help="numbers of positions")
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument("--quick", action="store_true", help="one repeat per measurement, 5 runs per command")
    parser.add_argument("--one", nargs=2, metavar=("METHOD", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        method, n = args.one
        repeats = 1 if args.quick or int(n) >= 100_000 or method in ("scalar", "plan", "plan-rows") else 3
        print(json.dumps(run_one(method, int(n), repeats, args.seed)))
        return 0

    sizes = [int(s) for s in args.sizes.split(",")]
    table: dict[str, dict[int, dict[str, Any]]] = {name: {} for name in METHODS}
    for n in sizes:
        for name, method in METHODS.items():
            if (method == "scalar" and n > SCALAR_MAX) or (method.startswith("plan") and n > PLAN_MAX) \
                    or (method == "engine-python" and n > PYTHON_ENGINE_MAX):
                continue
            cmd = [sys.executable, __file__, "--one", method, str(n), "--seed", str(args.seed)]
            if args.quick:
                cmd.append("--quick")
            done = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
            if done.returncode != 0:
                print(done.stderr, file=sys.stderr)
                return 1
            table[name][n] = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"  measured {name} at N = {n:,}", file=sys.stderr)

    def cell(name: str, n: int) -> str:
        m = table[name].get(n)
        if m is None:
            return "—"
        base = table["numpy expression"][n]["seconds"]
        per = m["seconds"] / n / len(YEARS) * 1e6 * len(YEARS)
        mark = "" if m["identical"] else " ≠"
        return (f"{per:.3g} µs ({m['seconds'] / base:,.3g}×), {m['seconds']:.3g} s, "
                f"{m['peak_bytes'] / 2**20:,.0f} MB{mark}")

    print(f"\nPer position (4 years, 2022–2025): µs per position (× the numpy expression), "
          f"wall seconds, peak traced memory; seed {args.seed}, Python {sys.version.split()[0]}\n")
    print("| method | " + " | ".join(f"N = {n:,}".replace(",", " ") for n in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for name in METHODS:
        print(f"| {name} | " + " | ".join(cell(name, n) for n in sizes) + " |")
    if any(not m["identical"] for rows in table.values() for m in rows.values()):
        print("\n≠: the figures differ from the numpy expression's (a bug).")
    else:
        print("\nEvery method's figures are identical to the numpy expression's, to the øre.")
    commands = import_and_cli(5 if args.quick else 15)
    print(f"\n`import nedtrapping`: {commands['import_over_bare'] * 1000:.0f} ms over a bare interpreter "
          f"({commands['bare'] * 1000:.0f} ms); `nedtrapping plan` on the example: "
          f"{commands['cli_plan_example'] * 1000:.0f} ms (medians, wall time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
