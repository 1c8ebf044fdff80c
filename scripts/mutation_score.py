"""Print the mutation score from mutmut's results: killed / (killed + survived), per module.

    .venv-mutation/bin/python scripts/mutation_score.py
"""

from __future__ import annotations

import collections
import subprocess
import sys


def main() -> int:
    out = subprocess.run([sys.executable, "-m", "mutmut", "results", "--all", "true"], capture_output=True,
                         text=True, check=True).stdout
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for line in out.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if not name:
            continue
        module = name.split(".x_")[0].split(".xǁ")[0]
        counts[module][status] += 1
    total = collections.Counter[str]()
    for module, c in sorted(counts.items()):
        total.update(c)
        judged = c["killed"] + c["survived"]
        print(f"{module:<45} killed {c['killed']:>4}  survived {c['survived']:>4}  other {sum(c.values()) - judged:>4}"
              f"  score {100 * c['killed'] / judged if judged else 0:5.1f} %")
    judged = total["killed"] + total["survived"]
    print(f"{'all':<45} killed {total['killed']:>4}  survived {total['survived']:>4}  "
          f"score {100 * total['killed'] / judged if judged else 0:5.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
