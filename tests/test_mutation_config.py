"""The mutation-testing configuration mutates exactly the modules the money, the rule and the plan rest on.

mutmut's ``only_mutate`` lists the files — money, rounding, co-financing, the planner (position, results,
rows, plan), the rule's one statement and its derivations (scheme, grant), the engine and the two plannable
schemes; this test keeps the list, so the recorded score is always over the same code.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTATED = {"money.py", "rounding.py", "cofinancing.py", "plan.py", "schemes/kommunalt_rusarbeid.py"}


def test_mutmut_mutates_exactly_the_money_the_rule_the_engine_and_the_planner() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]
    package = ROOT / "src" / "nedtrapping"
    listed = {p.removeprefix("src/nedtrapping/") for p in config["only_mutate"]}
    assert listed == MUTATED
    assert all((package / p).is_file() for p in listed)
    assert "do_not_mutate" not in config  # one list, not two that can disagree


def test_mutmut_type_check_runs_the_filtering_script_read_as_mypy() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]
    command = config["type_check_command"]
    assert command[-1] == "mypy" and (ROOT / command[1]).is_file()


def test_the_docs_record_a_score_of_at_least_95_percent_per_module_whose_figures_add_up() -> None:
    import re

    text = (ROOT / "docs" / "explanation" / "testing.rst").read_text(encoding="utf-8")
    rows = {m[1]: (int(m[2]), int(m[3]), int(m[4]), m[5])
            for m in re.finditer(r"^(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+,\d) %$", text, flags=re.M)}
    modules = {m.removesuffix(".py") for m in MUTATED}
    assert set(rows) == modules | {"all"}
    for name, (killed, typed, survived, score) in rows.items():
        caught = killed + typed
        assert f"{100 * caught / (caught + survived):.1f}".replace(".", ",") == score, name
        assert caught / (caught + survived) >= 0.95, name
    assert [sum(rows[m][i] for m in modules) for i in range(3)] == list(rows["all"][:3])
