"""The package's layers point one way, and there is no import cycle.

Layers, low to high: base (money, provenance, wording…) → rules (rule sets, registry,
schemes) → calculators → model (plan, calendar) → io (readers and render) → cli.
A module imports only from its own layer or below; nothing below io imports ``csv``,
``openpyxl``, ``icalendar``, ``pandas`` or ``matplotlib``, and nothing below cli imports
``argparse``; the heavy optional libraries (openpyxl, pandas, matplotlib) are imported
only inside functions, through :mod:`nedtrapping.optional`. There is no exception: the
model never reaches the output layer, by statement or by string — a plan's notebook views
(``_repr_html_``, ``to_frame``, ``plot``) are presenters the package registers from above
(:mod:`nedtrapping.presenters`) — and there is no import cycle, counting imports inside functions.
Imports are read from the source with :mod:`ast`, not by importing.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "nedtrapping"

LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("base", ("_version", "readable", "po", "presenters", "errors", "money", "rounding", "validators", "provenance", "wording",
              "_refusal", "optional", "deadlines", "counties", "sources", "explain")),
    ("rules", ("ruleset", "registry", "scheme", "grant", "schemes", "schemes.*", "costs", "costs.*", "calendars",
               "calendars.*")),
    ("calculators", ("cofinancing",)),
    ("model", ("position", "engine", "results", "plan_rows", "plan", "calendar", "invariants", "strategies")),
    ("io", ("example", "readers", "readers.*", "render", "render.*",
            "frames", "documents")),
    ("cli", ("cli", "cli.*", "__main__", "plan_cli", "calendar_cli", "rules_cli", "web", "web.*")),
    ("package", ("",)),
]
OUTPUT_LIBRARIES = {"csv", "openpyxl", "icalendar", "pandas", "matplotlib", "numpy"}
LAZY_LIBRARIES = {"openpyxl", "pandas", "matplotlib", "numpy"}


def module_name(path: Path) -> str:
    rel = path.relative_to(SRC).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> int:
    short = module.removeprefix("nedtrapping").removeprefix(".")
    for index, (_, patterns) in enumerate(LAYERS):
        for pattern in patterns:
            if short == pattern or (pattern.endswith(".*") and short.startswith(pattern[:-1])):
                return index
    raise AssertionError(f"{module} is in no layer: add it to LAYERS in tests/test_layers.py")


def _resolve(node: ast.ImportFrom, current: str) -> list[str]:
    if node.level:
        base = current.split(".")
        is_package = MODULES[current].name == "__init__.py"
        base = base[: len(base) - node.level + (1 if is_package else 0)]
        stem = ".".join(base + ([node.module] if node.module else []))
    else:
        stem = node.module or ""
    targets = []
    for alias in node.names:
        candidate = f"{stem}.{alias.name}"
        targets.append(candidate if candidate in MODULES else stem)
    return targets


@functools.cache
def imports(module: str) -> list[tuple[str, int, bool, bool, bool]]:
    """``(imported module, line, at module level, inside a deprecation alias, for type checkers only)`` for every
    import."""
    source = MODULES[module].read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    found: list[tuple[str, int, bool, bool, bool]] = []

    def visit(node: ast.AST, in_function: bool, alias_function: bool, type_checking: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                body = "\n".join(lines[child.lineno - 1:child.end_lineno])  # (ast.get_source_segment is slow)
                marked = "# deprecation alias" in body and "DeprecationWarning" in body
                visit(child, True, alias_function or marked, type_checking)
            elif isinstance(child, ast.If) and "TYPE_CHECKING" in ast.dump(child.test):
                visit(child, in_function, alias_function, True)
            elif isinstance(child, ast.Import):
                for a in child.names:
                    found.append((a.name, child.lineno, not in_function and not type_checking, alias_function,
                                  type_checking))
            elif isinstance(child, ast.ImportFrom):
                for target in _resolve(child, module):
                    found.append((target, child.lineno, not in_function and not type_checking, alias_function,
                                  type_checking))
            else:
                visit(child, in_function, alias_function, type_checking)

    visit(tree, False, False, False)
    return found


@pytest.mark.parametrize("module", sorted(MODULES))
def test_module_imports_only_from_its_layer_or_below(module: str) -> None:
    own = layer_of(module)
    upward = [
        f"line {line}: imports {target} ({LAYERS[layer_of(target)][0]}) from {LAYERS[own][0]}"
        for target, line, _, alias, _ in imports(module)
        if target.startswith("nedtrapping") and target in MODULES and layer_of(target) > own and not alias
    ]
    assert not upward, f"{module}: " + "; ".join(upward)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_output_libraries_are_imported_only_by_io_and_cli(module: str) -> None:
    own = layer_of(module)
    io_layer = [name for name, _ in LAYERS].index("io")
    cli_layer = [name for name, _ in LAYERS].index("cli")
    for target, line, *_ in imports(module):
        top = target.split(".")[0]
        if top in OUTPUT_LIBRARIES:
            assert own >= io_layer, f"{module} line {line} imports {top} below the output layer"
        if top == "argparse":
            assert own >= cli_layer, f"{module} line {line} imports argparse below the command line"


def test_there_is_no_import_cycle_counting_imports_inside_functions() -> None:
    # every import that runs (at module level or inside a function), not only those for type checkers
    graph = {m: sorted({t for t, _, _, _, type_only in imports(m) if not type_only and t in MODULES and t != m})
             for m in MODULES}
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for t in graph[m]:
            if state.get(t) == 1:
                cycles.append(stack[stack.index(t):] + [t])
            elif t not in state:
                visit(t)
        stack.pop()
        state[m] = 2

    for m in graph:
        if m not in state:
            visit(m)
    assert not cycles, "import cycles: " + " | ".join(" → ".join(c) for c in cycles)


def test_the_layer_check_sees_an_upward_import(tmp_path: Path) -> None:
    # the checker itself can fail: a model module importing the renderer is caught
    assert layer_of("nedtrapping.plan") < layer_of("nedtrapping.render.plan")
    assert any(t == "nedtrapping.render.plan" for t, *_ in imports("nedtrapping.cli.plan"))
    assert ("nedtrapping.plan", True) in {(t, top) for t, _, top, *_ in imports("nedtrapping.render.plan")}


def test_every_module_is_in_a_layer() -> None:
    for module in MODULES:
        layer_of(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_heavy_optional_libraries_are_imported_lazily(module: str) -> None:
    eager = [f"line {line}: {target}" for target, line, top_level, *_ in imports(module)
             if top_level and target.split(".")[0] in LAZY_LIBRARIES]
    assert not eager, f"{module} imports at module level: " + "; ".join(eager)


def test_no_deprecation_alias_remains() -> None:
    # 0.x: old names are removed, not kept behind a DeprecationWarning (the CHANGELOG names each removal)
    for module, path in MODULES.items():
        assert "DeprecationWarning" not in path.read_text(encoding="utf-8"), module
