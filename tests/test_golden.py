"""Explanations read exactly as when they were last accepted (golden files).

Explanations are built on demand from the figures; this test holds their wording
for the embedded example and a few edge cases. Regenerate with
``scripts/regenerate_golden.py`` only when a change of wording is meant.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from regenerate_golden import GOLDEN, held_cases, snapshot  # noqa: E402

CASES = held_cases()


@pytest.mark.parametrize("name", sorted(CASES))
def test_explanations_read_as_the_golden_file(name: str) -> None:
    expected = json.loads((GOLDEN / f"explanations_{name}.json").read_text(encoding="utf-8"))
    actual = json.loads(json.dumps(snapshot(CASES[name]), ensure_ascii=False))
    assert sorted(actual) == sorted(expected)
    for key in expected:
        assert actual[key] == expected[key], key


def test_golden_files_hold_every_row_and_real_explanations() -> None:
    for name, plan in CASES.items():
        expected = json.loads((GOLDEN / f"explanations_{name}.json").read_text(encoding="utf-8"))
        assert len(expected) == len(plan.rows) > 0
        assert all(v[lang]["text"].count("\n") >= 3 for v in expected.values() for lang in ("nb", "en"))
        # the two languages are two wordings of one explanation: the same shape, the same figures
        for v in expected.values():
            assert v["nb"]["text"] != v["en"]["text"]
            assert v["nb"]["text"].count("\n") == v["en"]["text"].count("\n")
            assert _amounts(v["nb"]["text"]) == _amounts(v["en"]["text"])


def _amounts(text: str) -> list[str]:
    import re

    return re.findall(r"\d[\d ]* kr", text)
