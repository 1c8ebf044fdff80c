"""The "add a scheme" how-to works as written: its plannable example scheme plans.

The code blocks of the page (group ``plannable``) are run here as a module, then the
scheme they define is planned through the library's planner and its command line.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from nedtrapping import registry
from nedtrapping.cli import main
from nedtrapping.cofinancing import FixedCost
from nedtrapping.money import Money
from nedtrapping.plan import Position, plan_municipality

PAGE = Path(__file__).resolve().parent.parent / "docs" / "how-to" / "add-a-scheme.rst"


def _first_block(group: str) -> str:
    text = PAGE.read_text(encoding="utf-8")
    match = re.search(rf"^\.\. testcode:: {group}\n\n((?:   .*\n|\n)+)", text, flags=re.MULTILINE)
    assert match, f"no testcode block of group {group!r} in {PAGE}"
    return "\n".join(line[3:] for line in match.group(1).splitlines())


@pytest.fixture
def example_scheme() -> Any:
    module = ModuleType("example_stillingstilskudd")
    exec(compile(_first_block("plannable"), str(PAGE), "exec"), module.__dict__)
    yield module
    registry._RULE_SETS.pop((module.SCHEME_ID, 2022), None)
    registry._POSITION_SCHEMES.pop(module.SCHEME_ID, None)


def test_the_howto_scheme_is_registered_and_plans_as_unknown_until_supplied(example_scheme: Any,
                                                                           capsys: pytest.CaptureFixture[str],
                                                                           tmp_path: Path) -> None:
    sid = example_scheme.SCHEME_ID
    assert sid in registry.position_scheme_ids()
    position = Position(municipality="K", position="P", percent=100, first_grant_year=2022,
                        cost=FixedCost(Money.kroner(500_000)))
    plan = plan_municipality([position], scheme=sid)
    assert plan.row("P", 2022).grant is None and plan.totals[2022].own_financing is None
    assert [u.path for u in plan.unknowns] == ["per_full_position"]

    rules = example_scheme.RULES_2022
    supplied = rules.evolve(per_full_position=rules.per_full_position.supplied(
        Money.kroner(200_000), example_scheme.Citation("Tilsagnsbrev 2022", tag="USER")))
    plan = plan_municipality([position], scheme=sid, rules={2022: supplied})
    assert plan.row("P", 2022).grant == Money.kroner(200_000)
    assert "per_full_position = 200 000 kr" in plan.explain("P", 2022).to_text()

    src = tmp_path / "p.csv"
    src.write_text("kommune;stilling;stillingsprosent;første_tilskuddsår;årskostnad\nK;P;100;2022;500 000\n",
                   encoding="utf-8")
    code = main(["plan", str(src), "--scheme", sid])
    out, err = capsys.readouterr()
    assert code == 3 and "K,P,2022,1,100,,500000,," in out and "per_full_position" in err
