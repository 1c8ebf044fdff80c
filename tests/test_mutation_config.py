"""The mutation-testing configuration mutates exactly the five modules the hardening issue names.

mutmut's ``do_not_mutate`` is a list of files; a module added later would be mutated (and its
untested mutants counted) unless it is listed. This test keeps the list honest.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTATED = {"money.py", "rounding.py", "cofinancing.py", "plan.py", "schemes/kommunalt_rusarbeid.py"}


def test_mutmut_mutates_exactly_money_rounding_cofinancing_planner_and_rusarbeid() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]
    package = ROOT / "src" / "nedtrapping"
    every = {str(p.relative_to(package)) for p in package.rglob("*.py")}
    excluded = {p.removeprefix("src/nedtrapping/") for p in config["do_not_mutate"]}
    assert every - excluded == MUTATED
    assert excluded <= every, f"listed but gone: {sorted(excluded - every)}"
