"""`nedtrapping rules` and the Markdown plan: what a case handler reads."""

from __future__ import annotations

import json
import re

import pytest

from nedtrapping.cli import main
from nedtrapping.cofinancing import FixedCost
from nedtrapping.money import Money
from nedtrapping.plan import Position, plan_municipality
from nedtrapping.registry import all_rule_sets, get_rule_set
from nedtrapping.render import plan as render_plan


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_rules_lists_every_registered_rule_set_with_its_digest(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0
    for r in all_rule_sets():
        assert any(line.startswith(r.scheme_id) and f" {r.year} " in line and r.short_digest in line
                   for line in out.splitlines()), r.key_text


def test_rules_of_a_year_show_the_ladder_statuses_and_how_to_supply(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "kommunalt-rusarbeid", "2022")
    assert code == 0
    assert "ladder.step_1 = 660 000 kr  [inferred]" in out
    assert "ladder.step_2 = 550 000 kr  [inferred]" in out
    for step in (3, 4):
        assert f"ladder.step_{step} = (ukjent)  [unknown]" in out
        assert f"--ladder-step 2022:{step}=AMOUNT" in out
    assert get_rule_set("kommunalt-rusarbeid", 2022).digest in out


def test_rules_not_final_hides_final_values(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "kommunalt-rusarbeid", "2023", "--not-final")
    assert code == 0
    assert "[final]" not in out
    assert "pro_rata = True  [inferred]" in out


def test_rules_json_is_what_the_digest_covers(capsys: pytest.CaptureFixture[str]) -> None:
    import hashlib

    code, out, _ = run(capsys, "rules", "kommunalt-rusarbeid", "2024", "--json")
    (entry,) = json.loads(out)
    canonical = json.dumps(entry["rule_set"], sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert hashlib.sha256(canonical.encode()).hexdigest() == entry["digest"]


def test_rules_of_an_unknown_scheme_names_the_known_ones(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "rules", "rusarbeid")
    assert code == 1 and "kommunalt-rusarbeid" in err


def test_markdown_plan_has_a_row_per_figure_and_marks_unknowns() -> None:
    plan = plan_municipality([
        Position(municipality="K", position="a|b", percent=100, first_grant_year=2021, cost=FixedCost(Money.kroner(800_000))),
        Position(municipality="K", position="c", percent=100, first_grant_year=2020, cost=FixedCost(Money.kroner(800_000))),
    ])
    md = render_plan.to_markdown(plan, explain=True, lang="en")
    table_rows = [line for line in md.splitlines() if line.startswith("| ") and "Position" not in line]
    assert len(table_rows) == 8 + 4  # 2 positions x 4 years + 4 totals
    # 8 cells in every row: the '|' in a position name is escaped
    assert all(len(re.split(r"(?<!\\)\|", line)) == 10 for line in table_rows)
    assert "| c | 2022 | 3 | 100 | unknown |" in md
    assert "| **Total** | 2022 | | | unknown |" in md
    assert "### Unknown figures" in md and "**Grant 2022**" in md
