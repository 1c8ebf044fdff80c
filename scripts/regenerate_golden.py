"""Regenerate the golden explanations in ``tests/golden/``.

    .venv/bin/python scripts/regenerate_golden.py

Why: explanations are built on demand, from the figures; a golden file holds how
each explanation read, in bokmål and in English, when it was last accepted, and
``tests/test_golden.py`` fails on any change. Run this script only when a change of wording is meant, and
read the diff before committing it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import attrs

from nedtrapping.cofinancing import FixedCost, GrowingCost, SalaryCost
from nedtrapping.costs.lonnskostnader import HolidayPay, Zone1aRate
from nedtrapping.example import example_positions
from nedtrapping.money import Money
from nedtrapping.plan import Position, plan_municipality
from nedtrapping.schemes.kommunalt_rusarbeid import rules_for
from nedtrapping.wording import LANGS

GOLDEN = Path(__file__).resolve().parent.parent / "tests" / "golden"


def held_cases() -> dict[str, Any]:
    """The plans whose explanations are held: the embedded example and a few edge cases."""
    k = Money.kroner

    def pos(name: str, first: int, **kw: Any) -> Position:
        kw.setdefault("cost", FixedCost(k(700_000)))
        kw.setdefault("percent", 100)
        return Position(municipality="Held kommune", position=name, first_grant_year=first, **kw)

    supplied = rules_for(2022).with_ladder_step(3, k(480_000), "Tilsagnsbrev 2022, Held kommune")
    return {
        "example": plan_municipality(example_positions()),
        "edge_cases": plan_municipality(
            [
                pos("unknown step 4", 2019),
                pos("supplied step 3", 2020, percent="33,3"),
                pos("grant letter disagrees", 2021, granted={2022: k(540_000), 2023: k(330_000)}),
                pos("grant letter, unknown rule", 2019, percent=50, granted={2022: k(300_000)}, cost=GrowingCost(k(650_000), 2021, "2,7")),
                pos("first funded 2022", 2022),
                attrs.evolve(pos("stated no grant 2021", 2021, options={"received_grant_in_2021": False}),
                             municipality="Annen kommune"),
                pos("cut to half", 2021, percent_changes={2023: 50}, cost=GrowingCost(k(780_000), 2022, "3.5")),
            ],
            years=range(2021, 2027),
            rules={2022: supplied},
        ),
        # every input a salary cost can be given, so its explanation names each one
        "salary_costs": plan_municipality(
            [
                pos("plain salary", 2021, cost=SalaryCost(k(600_000), zone="1", pension_percent="12,5")),
                pos("every input", 2021, percent=80, percent_changes={2024: 60},
                    cost=SalaryCost(k(580_000), zone="1a", zone_1a_rate=Zone1aRate.REDUCED, pension_percent="11",
                                    holiday_pay=HolidayPay.STATUTORY, growth_percent="3,5", salary_year=2022,
                                    birth_year=1962, percent=80)),
                pos("zone 1a, full rate", 2022,
                    cost=SalaryCost(k(510_000), zone="1a", zone_1a_rate=Zone1aRate.FULL, pension_percent=12,
                                    salary_year=2023)),
            ],
            years=range(2022, 2026),
        ),
    }


def snapshot(plan: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for row in plan.rows:
        e = plan.explain(row.position, row.year, row.municipality)
        out[f"{row.municipality} / {row.position} / {row.year}"] = {
            lang: {"text": e.to_text(lang), "markdown": e.to_markdown(lang), "dict": e.to_dict(lang)}
            for lang in LANGS
        }
    return out


def main() -> int:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, plan in held_cases().items():
        path = GOLDEN / f"explanations_{name}.json"
        path.write_text(json.dumps(snapshot(plan), ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
