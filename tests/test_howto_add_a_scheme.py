"""The "add a scheme" how-to works as written: its plannable example scheme plans.

The code blocks of the page (group ``plannable``) are run here as a module, then the
scheme they define is planned through the library's planner and its command line.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
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
                        cost=FixedCost(Money.kroner(500_000)), options={"anchored_in_plan": True})
    plan = plan_municipality([position], scheme=sid)
    assert plan.row("P", 2022).grant is None and plan.totals[2022].own_financing is None
    assert [u.path for u in plan.unknowns] == ["example.per_full_position"]

    rules = example_scheme.RULES_2022
    supplied = rules.supply("example.per_full_position", Money.kroner(200_000), "Tilsagnsbrev 2022")
    plan = plan_municipality([position], scheme=sid, rules={2022: supplied})
    assert plan.row("P", 2022).grant == Money.kroner(200_000)
    assert "amount per 100 % position = 200 000 kr" in plan.explain("P", 2022).to_text("en")
    assert "beløp per 100 % stilling = 200 000 kr" in plan.explain("P", 2022).to_text("nb")
    # its own option decides: not anchored, no grant
    not_anchored = attrs.evolve(position, options={"anchored_in_plan": False})
    assert plan_municipality([not_anchored], scheme=sid, rules={2022: supplied}).row("P", 2022).grant == Money.zero()


def test_the_howto_scheme_plans_on_the_command_line_with_its_own_column_and_supply(
        example_scheme: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    sid = example_scheme.SCHEME_ID
    src = tmp_path / "p.csv"
    src.write_text("kommune;stilling;stillingsprosent;første_tilskuddsår;årskostnad;forankret_i_plan\n"
                   "K;P;100;2022;500 000;ja\nK;Q;100;2022;500 000;nei\n", encoding="utf-8")
    code = main(["plan", str(src), "--scheme", sid])
    out, err = capsys.readouterr()
    assert code == 3 and "K,P,2022,1,100,,500000,," in out and "example.per_full_position" in err
    code = main(["plan", str(src), "--scheme", sid, "--supply", "2022:example.per_full_position=200000",
                 "--ladder-source", "Tilsagnsbrev 2022, K"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "K,P,2022,1,100,200000,500000,300000," in out and "K,Q,2022,1,100,0,500000,500000," in out
    # the column means nothing for another scheme: refused by name
    code = main(["plan", str(src)])
    out, err = capsys.readouterr()
    assert code == 1 and "forankret_i_plan" in err


def test_the_page_needs_no_other_file_changed() -> None:
    """The page's scheme is one module: it imports only the library's public building blocks."""
    code = _first_block("plannable")
    imported = set(re.findall(r"^from (nedtrapping[\w.]*) import", code, flags=re.MULTILINE))
    assert imported <= {"nedtrapping.money", "nedtrapping.provenance", "nedtrapping.registry",
                        "nedtrapping.rounding", "nedtrapping.ruleset", "nedtrapping.scheme", "nedtrapping.wording"}
    # no arithmetic of its own: no rounding function, no multiplication of money
    assert "round_half_up" not in code and "* (query.percent" not in code
