"""Benchmark: how each output's time grows with the plan (not a test; run by hand).

    .venv/bin/python benchmarks/bench_render.py [--sizes 1000 2000 4000 8000] [--per 10] [--budget 120]

For each size N it plans N positions × 4 years (untimed) twice — spread over many
municipalities (``--per`` positions each, so N / per municipalities) and all in one
municipality — and times each output of the plan: the text table, Markdown, the notebook's
HTML repr, the machine CSV, :func:`nedtrapping.frames.to_frame` and the chart as SVG. A cell
is the median of three runs (one run when a run takes over 2 s). The ratio beside it is the
time over the time at half the size: about 2 is linear, about 4 quadratic. An output whose
last run took over ``--budget`` / 2.5 seconds is not run at the next size (``—``), so a
quadratic curve does not hold up the table. ``--rst`` prints the table as reStructuredText.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable
from typing import Any

from nedtrapping.cofinancing import GrowingCost
from nedtrapping.money import Money
from nedtrapping.plan import Plan, Position, plan_municipality
from nedtrapping.render import plan as render_plan

OUTPUTS: dict[str, Callable[[Plan], Any]] = {
    "text": render_plan.to_text,
    "Markdown": render_plan.to_markdown,
    "HTML repr": lambda plan: plan._repr_html_(),
    "CSV": render_plan.to_csv,
    "to_frame": lambda plan: plan.to_frame(),
    "chart (SVG)": lambda plan: __import__("nedtrapping.render.chart", fromlist=["chart_bytes"]).chart_bytes(plan, "svg"),
}


def positions(n: int, per: int | None) -> list[Position]:
    """``n`` positions, ``per`` to a municipality (``None``: all in one)."""
    return [
        Position(municipality="Kommune 0" if per is None else f"Kommune {i // per}", position=f"Stilling {i}",
                 percent=50 + i % 51, first_grant_year=2018 + i % 4 if i % 4 != 2 else 2021,
                 cost=GrowingCost(Money.kroner(600_000 + i), 2022, "3.5"))
        for i in range(n)
    ]


def timed(render: Callable[[Plan], Any], plan: Plan) -> float:
    runs: list[float] = []
    while len(runs) < 3:
        gc.collect()
        start = time.perf_counter()
        render(plan)
        runs.append(time.perf_counter() - start)
        if runs[-1] > 2:
            break
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000, 8000])
    parser.add_argument("--per", type=int, default=10, help="positions per municipality (default 10)")
    parser.add_argument("--budget", type=float, default=120.0, help="seconds one output may take (default 120)")
    parser.add_argument("--outputs", nargs="+", choices=list(OUTPUTS), default=list(OUTPUTS))
    parser.add_argument("--rst", action="store_true", help="print the table as reStructuredText")
    args = parser.parse_args()
    table: dict[tuple[str, str], list[float | None]] = {}
    for layout, per in ((f"{args.per} a municipality", args.per), ("one municipality", None)):
        for name in args.outputs:
            if per is None and name == "chart (SVG)":
                continue  # one panel: nothing grows
            table[(layout, name)] = []
        for n in args.sizes:
            plan = plan_municipality(positions(n, per))
            for name in args.outputs:
                if (layout, name) not in table:
                    continue
                cells = table[(layout, name)]
                if cells and (cells[-1] is None or cells[-1] > args.budget / 2.5):
                    cells.append(None)
                    continue
                cells.append(timed(OUTPUTS[name], plan))
                print(f"{layout:>20} {name:>12} N={n:>6}: {cells[-1]:8.3f} s", flush=True)
            del plan
    print()
    print_table(table, args.sizes, rst=args.rst)


def _cell(cells: list[float | None], i: int) -> str:
    t = cells[i]
    if t is None:
        return "—"
    previous = cells[i - 1] if i else None
    return f"{t:.3f} s" + (f" (×{t / previous:.2f})" if previous else "")


def print_table(table: dict[tuple[str, str], list[float | None]], sizes: list[int], *, rst: bool) -> None:
    heads = ["positions", "output", *(f"N = {n:,}".replace(",", " ") for n in sizes)]
    rows = [[layout, name, *(_cell(cells, i) for i in range(len(sizes)))] for (layout, name), cells in table.items()]
    if rst:
        print(".. list-table::\n   :header-rows: 1\n")
        for row in [heads, *rows]:
            print("   * - " + "\n     - ".join(row))
        return
    widths = [max(len(r[i]) for r in [heads, *rows]) for i in range(len(heads))]
    for row in [heads, *rows]:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())


if __name__ == "__main__":
    main()
