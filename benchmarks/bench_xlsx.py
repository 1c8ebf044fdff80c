"""Benchmark: the plan workbook (.xlsx) — time and peak memory, and XlsxWriter against openpyxl (not a test).

    .venv/bin/python benchmarks/bench_xlsx.py [--positions 10000] [--large 50000] [--compare]

Each measurement runs in a fresh Python process, so its peak memory (the process's maximum
resident set) is its own: the plan is made (untimed), then the workbook is written to bytes
(timed). ``--positions`` positions × 4 years (plus each position's base-year row) give the
first line, ``--large`` positions (50 000 × 4 = 200 000 plan rows) the second. The targets:
10 000 positions in under 3 s and 300 MB, 200 000 rows within 1 GB.

``--compare`` also writes the Plan sheet's cells — the same values and formulas, read from
the workbook — with openpyxl (its normal and its write-only mode) and with XlsxWriter
(constant memory), to show why the workbook is written with XlsxWriter.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import time
from typing import Any

from nedtrapping.cofinancing import GrowingCost
from nedtrapping.money import Money
from nedtrapping.plan import Plan, Position, plan_municipality


def positions(n: int, per: int = 10) -> list[Position]:
    """``n`` positions, ``per`` to a municipality, first funded 2018–2021 (some with unknown ladder steps)."""
    return [
        Position(municipality=f"Kommune {i // per}", position=f"Stilling {i}", percent=50 + i % 51,
                 first_grant_year=2018 + i % 4 if i % 4 != 2 else 2021,
                 cost=GrowingCost(Money.kroner(600_000 + i), 2022, "3.5"))
        for i in range(n)
    ]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_workbook(n: int) -> dict[str, Any]:
    from nedtrapping.render.xlsx import plan_xlsx_bytes

    plan = plan_municipality(positions(n))
    planned = _peak_mb()
    start, cpu = time.perf_counter(), time.process_time()
    data = plan_xlsx_bytes(plan)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"what": f"nedtrapping workbook, {n} positions ({len(plan.rows)} plan rows)", "seconds": seconds,
            "cpu_seconds": cpu,
            "peak_mb": _peak_mb(), "peak_after_planning_mb": planned, "size_mb": len(data) / 1e6}


def _plan_cells(plan: Plan) -> list[list[Any]]:
    """The Plan sheet's cells as the workbook holds them (values and formula texts)."""
    import openpyxl

    from nedtrapping.render.xlsx import plan_xlsx_bytes

    book = openpyxl.load_workbook(io.BytesIO(plan_xlsx_bytes(plan, explained_rows=0)), read_only=True)
    return [list(row) for row in book["Plan"].iter_rows(values_only=True)]


def measure_library(n: int, library: str) -> dict[str, Any]:
    cells = _plan_cells(plan_municipality(positions(n)))
    before = _peak_mb()
    start, cpu = time.perf_counter(), time.process_time()
    out = io.BytesIO()
    if library.startswith("openpyxl"):
        import openpyxl

        write_only = library == "openpyxl-write-only"
        book = openpyxl.Workbook(write_only=write_only)
        ws = book.create_sheet("Plan") if write_only else book.active
        for row in cells:
            ws.append(row)
        book.save(out)
    else:
        import xlsxwriter

        book = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_formulas": False})
        ws = book.add_worksheet("Plan")
        for r, row in enumerate(cells):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, str) and value.startswith("="):
                    ws.write_formula(r, c, value)
                elif isinstance(value, str):
                    ws.write_string(r, c, value)
                else:
                    ws.write_number(r, c, value)
        book.close()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"what": f"{library}: the Plan sheet's {sum(len(r) for r in cells)} cells, {n} positions",
            "seconds": seconds, "cpu_seconds": cpu, "peak_mb": _peak_mb(), "peak_before_writing_mb": before}


def _child(args: list[str]) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--positions", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=50_000, help="positions of the large run (0: skip it)")
    parser.add_argument("--compare", action="store_true", help="also XlsxWriter against openpyxl")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, n = args.child[0], int(args.child[1])
        print(json.dumps(measure_workbook(n) if kind == "workbook" else measure_library(n, kind)))
        return
    runs = [["workbook", str(args.positions)]]
    if args.large:
        runs.append(["workbook", str(args.large)])
    if args.compare:
        runs += [[library, str(args.positions)] for library in ("xlsxwriter", "openpyxl", "openpyxl-write-only")]
    for run in runs:
        r = _child(run)
        extra = f", {r['size_mb']:.1f} MB file" if "size_mb" in r else ""
        print(f"{r['what']}: {r['seconds']:.2f} s ({r['cpu_seconds']:.2f} s of CPU), peak memory {r['peak_mb']:.0f} MB"
              f"{extra}", flush=True)


if __name__ == "__main__":
    main()
