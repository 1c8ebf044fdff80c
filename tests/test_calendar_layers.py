"""The calendar is model and queries only: no output code at its module level, and no import cycle
through the schemes (issue 7, items 1 and 6)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import nedtrapping.calendar

CALENDAR_SOURCE = Path(nedtrapping.calendar.__file__)
#: Modules the calendar model must not import at module level: output formats and the output layer.
FORBIDDEN = ("csv", "io", "icalendar", "openpyxl", "nedtrapping.render", "nedtrapping.cli")


def _module_level_imports(tree: ast.Module) -> list[str]:
    """Every module imported by a statement outside functions and classes (also inside if/try at top level)."""
    found: list[str] = []

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.Import):
                found.extend(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = "." * node.level + (node.module or "")
                found.append(base)
                found.extend(f"{base}.{alias.name}" for alias in node.names)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            else:
                for field in ("body", "orelse", "finalbody", "handlers"):
                    children = getattr(node, field, None)
                    if isinstance(children, list):
                        visit([c for c in children if isinstance(c, ast.stmt)]
                              + [s for h in children if isinstance(h, ast.ExceptHandler) for s in h.body])

    visit(tree.body)
    return found


def _forbidden(name: str) -> bool:
    return any(name == f or name.startswith(f + ".") for f in FORBIDDEN)


def test_the_calendar_imports_no_output_module_at_module_level() -> None:
    imports = _module_level_imports(ast.parse(CALENDAR_SOURCE.read_text(encoding="utf-8")))
    assert "nedtrapping.wording" in imports  # the parser sees the imports at all
    assert [name for name in imports if _forbidden(name)] == []


def test_the_calendar_imports_nothing_of_the_output_layer() -> None:
    source = CALENDAR_SOURCE.read_text(encoding="utf-8")
    upward = [node.lineno for node in ast.walk(ast.parse(source)) if isinstance(node, (ast.Import, ast.ImportFrom))
              and any(_forbidden(n) for n in ([a.name for a in node.names] if isinstance(node, ast.Import)
                                              else [node.module or ""]))]
    assert upward == []
    assert "importlib" not in source


def test_the_schemes_do_not_import_the_calendar() -> None:
    code = ("import sys\n"
            "import nedtrapping.schemes.langvarige_sammensatte as m\n"
            "m.rank_measures\n"
            "print(sorted(n for n in sys.modules if n == 'nedtrapping.calendar' or n.startswith('nedtrapping.render')))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_the_ranking_text_still_says_the_rules_are_provisional_without_the_calendar() -> None:
    code = ("import sys\n"
            "from nedtrapping.schemes import langvarige_sammensatte as ls\n"
            "ranking = ls.rank_measures([], ls.TargetGroup.VOKSNE)\n"
            "print(ranking.to_text().splitlines()[0])\n"
            "print('nedtrapping.calendar' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    first, imported = proc.stdout.splitlines()
    assert "regelverket er foreløpig" in first
    assert imported == "False"
