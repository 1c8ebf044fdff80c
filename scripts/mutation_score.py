"""Print the mutation score from mutmut's results, per module, as docs/explanation/testing.rst records it.

    .venv-mutation/bin/python scripts/mutation_score.py

A mutant counts as **caught** when a test failed on it (``killed``), when ``mypy --strict``
refused it (``caught by type check``: the test command runs mypy, so it could not land) or
when its tests ran out of time (``timeout``: the changed code loops). Every other judged
status counts against the score: ``survived``, ``no tests`` (no test reaches the code),
``suspicious`` and ``segfault``. Mutants not yet checked are left out and counted apart.
"""

from __future__ import annotations

import collections
import subprocess
import sys

CAUGHT = ("killed", "caught by type check", "timeout")
MISSED = ("survived", "no tests", "suspicious", "segfault")


def module_of(mutant: str) -> str:
    return mutant.split(".x_")[0].split(".xǁ")[0]


def main() -> int:
    out = subprocess.run([sys.executable, "-m", "mutmut", "results", "--all", "true"], capture_output=True,
                         text=True, check=True).stdout
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for line in out.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if name:
            counts[module_of(name)][status] += 1
    total = collections.Counter[str]()
    header = f"{'module':<40} {'killed':>7} {'mypy':>6} {'timeout':>8} {'missed':>7} {'score':>8} {'unchecked':>10}"
    print(header)
    for module, c in [*sorted(counts.items()), ("all", total)]:
        if module != "all":
            total.update(c)
        caught = sum(c[s] for s in CAUGHT)
        missed = sum(c[s] for s in MISSED)
        unchecked = sum(c.values()) - caught - missed
        score = f"{100 * caught / (caught + missed):.1f} %" if caught + missed else "—"
        print(f"{module:<40} {c['killed']:>7} {c['caught by type check']:>6} {c['timeout']:>8} {missed:>7} "
              f"{score:>8} {unchecked:>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
