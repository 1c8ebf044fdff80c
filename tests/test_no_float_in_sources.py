"""A static guard: no float literal and no float() conversion in the library's sources.

The property tests show floats are refused at the money API; this test keeps a
float from being introduced inside the library itself. The one allowed door is
``Money.from_float`` (and its check for non-finite values). The chart module draws:
its floats are positions and sizes on a picture, never money (every figure it writes
is formatted from :class:`~nedtrapping.money.Money`), so it is exempt.
"""

from __future__ import annotations

import ast
from pathlib import Path

import nedtrapping

SRC = Path(nedtrapping.__file__).parent
ALLOWED_FLOAT_CALLS = {("money.py", "from_float")}
#: Drawing code: coordinates and bar heights on a picture, not amounts.
DRAWING_FILES = {"render/chart.py"}


def _functions(tree: ast.AST) -> dict[ast.AST, str]:
    owner: dict[ast.AST, str] = {}
    for fn in ast.walk(tree):
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for node in ast.walk(fn):
                owner.setdefault(node, fn.name)
    return owner


def test_no_float_literal_or_float_call_in_the_sources() -> None:
    offences = []
    files = sorted(SRC.rglob("*.py"))
    assert len(files) > 10
    for path in files:
        if path.relative_to(SRC).as_posix() in DRAWING_FILES:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        owner = _functions(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, float):
                offences.append(f"{path.name}:{node.lineno}: float literal {node.value!r}")
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "float"
                    and (path.name, owner.get(node)) not in ALLOWED_FLOAT_CALLS):
                offences.append(f"{path.name}:{node.lineno}: float(...) call")
    assert offences == []
