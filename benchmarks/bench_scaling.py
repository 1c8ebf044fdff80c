"""Benchmark: how every step grows with the plan, and the engine beside a peer's numpy expression.

Not a test (nothing fails on a slow machine): run it by hand and read what it prints.

    .venv/bin/python benchmarks/bench_scaling.py            # the whole run (about 10 minutes)
    .venv/bin/python benchmarks/bench_scaling.py --quick    # 1 000 … 4 000, 100 000 for the peer, no chart
    .venv/bin/python benchmarks/bench_scaling.py --only peer

It prints three parts:

1. **The scaling table.** For 1 000, 2 000, 4 000, 8 000 and 16 000 positions (ten to a
   municipality, planned once, untimed) the time of every output of the plan — the text table,
   Markdown, HTML, CSV, JSON, JSON with every explanation, the notebook reprs — of all the
   explanations (every row's, each built and let go, as a document or a service does), and of
   planning the positions all in one municipality. Each cell is the median of three runs (one
   when a run takes over 5 s). Beside each time, its ratio to the time at half the size; at the
   end of each line the exponent of the curve: ``log2`` of the time ratio per doubling, fitted
   over the whole range (1 is linear, 2 quadratic; the target is at most 1.2, i.e. at most 2.3×
   the time per doubling), and the worst single doubling.
2. **The peer.** The grant of 1 000 000 positions × 4 years (2022–2025) written as an analyst
   would write it in numpy — grant only, ``np.where`` over the year in the scheme, integer
   kroner — beside the engine given the same columns (and a cost column, which it needs), the
   batch built inside the timing, in a fresh interpreter, the runs of each interleaved. The engine also computes each position's cost, own financing
   and increase, and keeps every unknown unknown; the peer does none of that. Both give the same
   grants, to the krone (checked). Medians of seven runs; the target is at most 2× the peer.
3. **The targets** of the issue: every explanation of a 10 000-position plan; 10 000 positions
   to ``.md`` and to ``.json --explain`` (the whole command); 100 000 positions in one
   municipality planned; the chart of 356 municipalities (SVG); the lines a 10 000-position CSV
   plan prints on stderr.

Times are wall seconds; CPU seconds are given beside them where the machine's other work could
inflate the wall time (the 2-core machine is shared).
"""

from __future__ import annotations

import argparse
import functools
import gc
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

YEARS = [2022, 2023, 2024, 2025]
SIZES = [1_000, 2_000, 4_000, 8_000, 16_000]
TARGET_EXPONENT = 1.2  # 2 ** 1.2 ≈ 2.3× the time per doubling
#: The scaling table's clock: 1 for CPU seconds (the default: another program's work on a shared machine
#: inflates wall time by run), 0 for wall seconds (``--wall``).
CLOCK = 1


# --------------------------------------------------------------------------- inputs


def positions(n: int, per: int | None) -> list[Any]:
    """``n`` positions, ``per`` to a municipality (``None``: all in one), first funded 2018–2021."""
    from nedtrapping.cofinancing import GrowingCost
    from nedtrapping.money import Money
    from nedtrapping.plan import Position

    return [
        Position(municipality="Kommune 0" if per is None else f"Kommune {i // per}", position=f"Stilling {i}",
                 percent=50 + i % 51, first_grant_year=2018 + i % 4 if i % 4 != 2 else 2021,
                 cost=GrowingCost(Money.kroner(600_000 + i), 2022, "3.5"))
        for i in range(n)
    ]


def positions_file(path: Path, n: int) -> None:
    """The same positions as a CSV file (ten to a municipality), as a finance officer would give them."""
    lines = ["kommune;stilling;stillingsprosent;første_tilskuddsår;årskostnad;lønnsvekst"]
    for i in range(n):
        first = 2018 + i % 4 if i % 4 != 2 else 2021
        lines.append(f"Kommune {i // 10};Stilling {i};{50 + i % 51};{first};{600_000 + i};3,5")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- timing


def timed(run: Callable[[], Any], *, repeats: int = 3, long: float = 5.0) -> tuple[float, float]:
    """Median wall and CPU seconds of ``repeats`` runs (one when a run takes over ``long`` s)."""
    walls: list[float] = []
    cpus: list[float] = []
    while len(walls) < repeats:
        gc.collect()
        start, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
        if walls[-1] > long:
            break
    return statistics.median(walls), statistics.median(cpus)


def command(argv: list[str], *, repeats: int = 3) -> tuple[float, float, str]:
    """Median wall and CPU seconds of a whole command (a fresh interpreter), and its last stderr."""
    walls: list[float] = []
    cpus: list[float] = []
    err = ""
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, text=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        err = done.stderr
        if done.returncode not in (0, 3):  # 3: planned, with figures left unknown or warnings
            raise SystemExit(f"{' '.join(argv)} failed ({done.returncode}):\n{err}")
    return statistics.median(walls), statistics.median(cpus), err


# --------------------------------------------------------------------------- 1. the scaling table


def _each_explanation(plan: Any) -> None:
    for row in plan.rows:
        row.explanation  # noqa: B018 - built and let go, as a document or a service does


def outputs() -> dict[str, Callable[[Any], Any]]:
    from nedtrapping.render import plan as render_plan

    return {
        "text table": render_plan.to_text,
        "Markdown": render_plan.to_markdown,
        "HTML": render_plan.to_html,
        "CSV": render_plan.to_csv,
        "JSON": lambda plan: render_plan.to_json(plan, explanations="cells"),
        "JSON, explained": lambda plan: render_plan.to_json(plan, explanations="full"),
        "repr (HTML)": lambda plan: plan._repr_html_(),
        "repr (Markdown)": lambda plan: plan._repr_markdown_(),
        "all explanations": _each_explanation,
    }


def exponent(sizes: list[int], times: list[float]) -> float:
    """The least-squares slope of log(time) over log(size): the exponent of the curve."""
    xs, ys = [math.log2(n) for n in sizes], [math.log2(max(t, 1e-9)) for t in times]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def scaling(sizes: list[int]) -> list[tuple[str, list[float]]]:
    from nedtrapping.plan import plan_municipality

    renders = outputs()
    lines: dict[str, list[float]] = {name: [] for name in [*renders, "plan, one municipality"]}
    for n in sizes:
        plan: Any = plan_municipality(positions(n, 10))
        for name, render in renders.items():
            lines[name].append(timed(functools.partial(render, plan))[CLOCK])
            print(f"  {name} at N = {n:,}: {lines[name][-1]:.3f} s", file=sys.stderr, flush=True)
        plan = None
        one = positions(n, None)
        lines["plan, one municipality"].append(timed(functools.partial(plan_municipality, one))[CLOCK])
        print(f"  plan, one municipality at N = {n:,}: {lines['plan, one municipality'][-1]:.3f} s",
              file=sys.stderr, flush=True)
    return list(lines.items())


def print_scaling(sizes: list[int], table: list[tuple[str, list[float]]]) -> None:
    clock = "CPU" if CLOCK else "wall"
    print(f"\n1. How each step grows (ten positions a municipality; {clock} seconds, median of three runs; "
          "× the time at half the size)\n")
    heads = ["step", *(f"N = {n:,}".replace(",", " ") for n in sizes), "exponent", "worst doubling"]
    rows = []
    for name, times in table:
        cells = [f"{t:.3f}" + (f" (×{t / times[i - 1]:.2f})" if i else "") for i, t in enumerate(times)]
        worst = max((math.log2(times[i] / times[i - 1]) for i in range(1, len(times))), default=0.0)
        slope = exponent(sizes, times)
        mark = "" if slope <= TARGET_EXPONENT else "  ✗"
        rows.append([name, *cells, f"{slope:.2f}{mark}", f"{worst:.2f}"])
    widths = [max(len(r[i]) for r in [heads, *rows]) for i in range(len(heads))]
    for row in [heads, *rows]:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())
    print(f"\nexponent: log2 of the time ratio per doubling, fitted over {sizes[0]:,}–{sizes[-1]:,} "
          f"(target ≤ {TARGET_EXPONENT}, ✗ above); worst doubling: the largest single one (noisy on a shared "
          "machine).")


# --------------------------------------------------------------------------- 2. the peer


def peer_columns(n: int, seed: int = 2022) -> dict[str, Any]:
    import numpy as np

    rng = np.random.default_rng(seed)
    return {
        "percent_hundredths": rng.integers(1_000, 10_001, n),  # 10,00–100,00 %
        "first": rng.choice(np.array([2018, 2019, 2020, 2021, 2021, 2021, 2022]), n),
        "cost_ore": rng.integers(500_000, 900_001, n) * 100,
    }


def peer(cols: dict[str, Any]) -> dict[int, Any]:
    """The grant as an analyst writes it: kroner per 100 % by the year in the scheme, times the percentage."""
    import numpy as np

    pct, first = cols["percent_hundredths"], cols["first"]
    grants = {}
    for year in YEARS:
        n = year - first + 1  # the year in the scheme
        if year == 2022:  # the ladder, for positions that existed in 2021
            kr = np.where(n == 1, 660_000, np.where(n == 2, 550_000, np.where(n == 3, 480_000,
                                                                              np.where(n == 4, 400_000, 0))))
        elif year <= 2024:  # the flat amount, within the four years
            kr = np.where((n >= 1) & (n <= 4), 330_000, 0)
        else:  # the scheme has ended
            kr = np.zeros_like(n)
        kr = np.where(first <= 2021, kr, 0)
        grants[year] = (kr * pct + 5_000) // 10_000  # × pct / 10 000, half up to whole kroner
    return grants


def peer_rules() -> dict[int, Any]:
    from nedtrapping.money import Money
    from nedtrapping.schemes.kommunalt_rusarbeid import rules_for

    letter = "Tilsagnsbrev 2022, benchmark"
    return {2022: rules_for(2022).with_ladder_step(3, Money.kroner(480_000), letter)
            .with_ladder_step(4, Money.kroner(400_000), letter)}


def engine_plan(cols: dict[str, Any], rules: dict[int, Any]) -> Any:
    from nedtrapping import engine

    built = engine.batch(percent=engine.Scaled(cols["percent_hundredths"], 100), first_grant_year=cols["first"],
                         cost=cols["cost_ore"], cost_year=2022)
    return built.plan(years=YEARS, rules=rules)


def compare_with_peer(n: int) -> dict[str, float]:
    from nedtrapping import engine

    cols = peer_columns(n)
    rules = peer_rules()
    reference, result = peer(cols), engine_plan(cols, rules)
    for year in YEARS:
        if not (result.grant[year].to_numpy() == reference[year] * 100).all():
            raise SystemExit(f"the engine and the peer differ in {year}: a bug")
    built = engine.batch(percent=engine.Scaled(cols["percent_hundredths"], 100), first_grant_year=cols["first"],
                         cost=cols["cost_ore"], cost_year=2022)
    built.plan(years=YEARS, rules=rules)  # its costs computed once, as a sweep reuses them
    runs: dict[str, list[tuple[float, float]]] = {}
    for _ in range(7):  # interleaved, so that the machine's other work weighs on each alike
        for name, run in (("peer", lambda: peer(cols)), ("engine", lambda: engine_plan(cols, rules)),
                          ("engine, batch built before", lambda: built.plan(years=YEARS, rules=rules))):
            runs.setdefault(name, []).append(timed(run, repeats=1))
    out = {}
    for name, pairs in runs.items():
        out[name] = statistics.median(w for w, _ in pairs)
        out[f"{name} cpu"] = statistics.median(c for _, c in pairs)
    return out


def print_peer(n: int, figures: dict[str, float]) -> None:
    base = figures["peer"]
    print(f"\n2. The engine beside the peer: {n:,} positions × {len(YEARS)} years (median of seven runs, "
          "interleaved, in a fresh interpreter; the same grants, checked)\n")
    for name in ("peer", "engine", "engine, batch built before"):
        ratio, cpu_ratio = figures[name] / base, figures[f"{name} cpu"] / figures["peer cpu"]
        mark = "" if name == "peer" or ratio <= 2 else "  ✗ (target ≤ 2×)"
        print(f"  {name:<28} {figures[name] * 1000:8.1f} ms ({ratio:4.2f}×)   CPU "
              f"{figures[f'{name} cpu'] * 1000:6.1f} ms ({cpu_ratio:4.2f}×){mark}")


# --------------------------------------------------------------------------- 3. the targets


def targets(quick: bool) -> list[tuple[str, str, str]]:
    from nedtrapping.plan import plan_municipality

    out: list[tuple[str, str, str]] = []
    plan: Any = plan_municipality(positions(10_000, 10))
    wall, cpu = timed(lambda: _each_explanation(plan))
    out.append(("every explanation of a 10 000-position plan", "< 1 s", f"{wall:.2f} s (CPU {cpu:.2f} s)"))
    plan = None
    print("  explanations done", file=sys.stderr, flush=True)
    one = positions(100_000, None)
    wall, cpu = timed(lambda: plan_municipality(one))
    out.append(("100 000 positions in one municipality, planned", "< 2 s", f"{wall:.2f} s (CPU {cpu:.2f} s)"))
    one = []
    print("  one municipality done", file=sys.stderr, flush=True)
    cli = [sys.executable, "-m", "nedtrapping", "plan"]
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "positions.csv"
        positions_file(source, 10_000)
        for label, args, target in (
            ("10 000 positions to .md (the command)", ["--out", str(Path(tmp) / "plan.md")], "< 2 s"),
            ("10 000 positions to .json --explain (the command)",
             ["--format", "json", "--explain", "--out", str(Path(tmp) / "plan.json")], "< 2 s"),
            ("10 000 positions to .csv (the command)", ["--out", str(Path(tmp) / "plan.csv")], "—"),
        ):
            wall, cpu, err = command([*cli, str(source), *args])
            size = max(p.stat().st_size for p in Path(tmp).glob("plan.*") if p.suffix in args[-1])
            out.append((label, target, f"{wall:.2f} s (CPU {cpu:.2f} s), {size / 2**20:.1f} MB"))
            if label.endswith(".csv (the command)"):
                out.append(("lines on stderr, 10 000-position CSV plan", "≤ 50", f"{len(err.splitlines())}"))
            print(f"  {label} done", file=sys.stderr, flush=True)
    if not quick:
        from nedtrapping.render.chart import chart_bytes

        plan = plan_municipality(positions(3_560, 10))
        wall, cpu = timed(lambda: chart_bytes(plan, "svg"), repeats=1)
        out.append(("the chart of 356 municipalities (SVG)", "< 20 s", f"{wall:.1f} s (CPU {cpu:.1f} s)"))
    return out


def print_targets(rows: list[tuple[str, str, str]]) -> None:
    print("\n3. The targets (wall time; CPU time beside it, which the machine's other work does not inflate)\n")
    width = max(len(r[0]) for r in rows)
    for what, target, measured in rows:
        print(f"  {what:<{width}}  {target:>6}  {measured}")


# --------------------------------------------------------------------------- the command


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, 100 000 for the peer, no chart")
    parser.add_argument("--only", choices=["scaling", "peer", "targets"], help="one part only")
    parser.add_argument("--sizes", type=int, nargs="+", help="the sizes of the scaling table")
    parser.add_argument("--peer-size", type=int, help="positions for the peer (default 1 000 000)")
    parser.add_argument("--wall", action="store_true", help="the scaling table in wall seconds (default: CPU)")
    args = parser.parse_args(argv)
    global CLOCK
    CLOCK = 0 if args.wall else 1
    sizes = args.sizes or (SIZES[:3] if args.quick else SIZES)
    peer_n = args.peer_size or (100_000 if args.quick else 1_000_000)
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f} at the start")
    if args.only in (None, "scaling"):
        print_scaling(sizes, scaling(sizes))
    if args.only == "peer":
        print_peer(peer_n, compare_with_peer(peer_n))
    elif args.only is None:  # in a fresh interpreter: the scaling table's plans leave their memory behind
        done = subprocess.run([sys.executable, __file__, "--only", "peer", "--peer-size", str(peer_n)],
                              capture_output=True, text=True, check=True)
        print("\n".join(done.stdout.splitlines()[1:-2]))
    if args.only in (None, "targets"):
        print_targets(targets(args.quick))
    print(f"\nload {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
