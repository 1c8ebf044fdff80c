"""Benchmark: plan N positions × 4 years (not a test; run by hand).

    .venv/bin/python benchmarks/bench_plan.py [N]
"""

from __future__ import annotations

import sys
import time

from nedtrapping.cofinancing import GrowingCost
from nedtrapping.money import Money
from nedtrapping.plan import Position, plan_municipality
from nedtrapping.render import plan as render_plan


def main(n: int) -> None:
    positions = [
        Position(municipality=f"Kommune {i // 10}", position=f"Stilling {i}", percent=50 + i % 51,
                 first_grant_year=2018 + i % 4 if i % 4 != 2 else 2021,
                 cost=GrowingCost(Money.kroner(600_000 + i), 2022, "3.5"))
        for i in range(n)
    ]
    start = time.perf_counter()
    plan = plan_municipality(positions)
    planned = time.perf_counter() - start
    start = time.perf_counter()
    render_plan.to_csv(plan)
    render_plan.to_dict(plan)
    rendered = time.perf_counter() - start
    print(f"{n} positions x {len(plan.years)} years: plan {planned:.3f} s "
          f"({planned / len(plan.rows) * 1e6:.0f} µs/row), csv+json {rendered:.3f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
