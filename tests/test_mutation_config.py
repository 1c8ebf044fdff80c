"""The mutation-testing configuration mutates exactly the five modules the hardening issue names.

mutmut's ``only_mutate`` lists the files; this test keeps the list to the five modules, so the
recorded score is always over the same code.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTATED = {"money.py", "rounding.py", "cofinancing.py", "plan.py", "schemes/kommunalt_rusarbeid.py"}


def test_mutmut_mutates_exactly_money_rounding_cofinancing_planner_and_rusarbeid() -> None:
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
