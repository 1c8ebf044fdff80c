"""Importing the package is cheap: ``import nedtrapping`` loads no calendar, pendulum, openpyxl,
icalendar, numpy or pandas (each is imported by the feature that needs it, when it is used).

Checked in a fresh interpreter (``subprocess``), where nothing else has imported them. Not
timed: a slow machine never fails these tests; ``benchmarks/bench_engine.py`` measures.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import nedtrapping

HEAVY = ("calendar", "pendulum", "dateutil", "openpyxl", "icalendar", "numpy", "pandas")


def _modules_after(code: str) -> set[str]:
    script = f"import sys\n{code}\nimport json\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in HEAVY or m == "nedtrapping.calendar")


def test_import_nedtrapping_loads_only_the_package() -> None:
    loaded = _modules_after("import nedtrapping")
    assert _heavy(loaded) == []
    assert sorted(m for m in loaded if m.startswith("nedtrapping")) == ["nedtrapping", "nedtrapping._version",
                                                                        "nedtrapping.errors", "nedtrapping.presenters",
                                                                        "nedtrapping.readable"]
    assert "attrs" not in loaded and "fractions" not in loaded


def test_planning_the_example_on_the_command_line_loads_no_calendar_or_optional_library() -> None:
    loaded = _modules_after("import contextlib, io\nfrom nedtrapping.cli import main\n"
                            "with contextlib.redirect_stdout(io.StringIO()):\n    main(['plan'])")
    assert _heavy(loaded) == []


def test_the_rules_load_without_pendulum_until_a_deadline_is_checked() -> None:
    loaded = _modules_after("import nedtrapping\nnedtrapping.all_rule_sets()")
    assert _heavy(loaded) == []
    loaded = _modules_after("import nedtrapping\n"
                            "nedtrapping.get_rule_set('kommunalt-rusarbeid', 2023).deadline().instant()")
    assert "pendulum" in loaded


@pytest.mark.parametrize("name", sorted(n for n in nedtrapping.__all__ if n != "__version__"))
def test_every_exported_name_resolves_to_the_object_of_its_module(name: str) -> None:
    import importlib

    obj = getattr(nedtrapping, name)
    home = importlib.import_module(nedtrapping._LAZY[name])
    assert getattr(home, name) is obj
    assert name in dir(nedtrapping)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        nedtrapping.nonsense  # noqa: B018
    assert set(nedtrapping._LAZY) == set(nedtrapping.__all__) - {"__version__"}
    assert json.loads(json.dumps(nedtrapping.__version__)) == nedtrapping.__version__
