"""mypy --strict over mutmut's mutated copy, reporting only the errors inside a mutant.

mutmut (``type_check_command`` in pyproject) counts a mutant that the type checker refuses
as caught: ``mypy --strict`` is part of the test command, so such a mutant could never land.
mutmut's own copy of the code (the trampolines, an attrs converter wrapped in one) also gives
mypy errors that belong to no mutant, and mutmut stops on those; this keeps only the errors
whose line lies inside a mutant function (``..._mutmut_<n>``), in mypy's JSON lines.

Run by mutmut from ``mutants/`` (see scripts/mutation); the last argument, ``mypy``, tells
mutmut to read the output as mypy's.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

MUTANT = re.compile(r"__mutmut_\d+$")


@cache
def mutant_spans(path: str) -> tuple[tuple[int, int], ...]:
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    return tuple((node.lineno, node.end_lineno or node.lineno) for node in ast.walk(tree)
                 if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and MUTANT.search(node.name))


def in_a_mutant(error: dict[str, object]) -> bool:
    line = error.get("line")
    path = error.get("file")
    if not isinstance(line, int) or not isinstance(path, str) or not Path(path).is_file():
        return False
    return any(start <= line <= end for start, end in mutant_spans(path))


def main() -> int:
    out = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-warn-unused-ignores", "--output", "json",
                          "src/nedtrapping"], capture_output=True, text=True, check=False).stdout
    kept = 0
    for line in out.splitlines():
        if not line.strip():
            continue
        error = json.loads(line)
        if error.get("severity") == "error" and in_a_mutant(error):
            print(line)
            kept += 1
    if not kept:
        print()  # mutmut reads a lone newline as "no errors"
    return 0


if __name__ == "__main__":
    sys.exit(main())
