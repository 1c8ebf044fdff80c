"""Explained eligibility verdicts: which condition held, which failed, and why.

Why: "not eligible" is useless to a case handler without the condition and its
source. A :class:`Verdict` is a list of :class:`Check` results, each with the
facts (and so the citations) it rests on. It is truthy when every check passed,
but it is never *just* a bool.
"""

from __future__ import annotations

from typing import Any

import attrs

from nedtrapping.explain import Explanation, FactUse

__all__ = ["Check", "Verdict"]


@attrs.frozen
class Check:
    """One condition of eligibility and its outcome."""

    condition: str
    passed: bool
    reason: str
    facts: tuple[FactUse, ...] = ()

    def explanation(self) -> Explanation:
        mark = "met" if self.passed else "NOT met"
        return Explanation(f"{self.condition} — {mark}", self.reason, self.facts)


@attrs.frozen
class Verdict:
    """The outcome of all checks for one position and year."""

    subject: str
    checks: tuple[Check, ...]

    @property
    def eligible(self) -> bool:
        return all(c.passed for c in self.checks)

    def __bool__(self) -> bool:
        return self.eligible

    def failed(self) -> list[Check]:
        return [c for c in self.checks if not c.passed]

    @property
    def first_failure(self) -> Check | None:
        failed = self.failed()
        return failed[0] if failed else None

    def explanation(self) -> Explanation:
        outcome = "eligible" if self.eligible else "not eligible"
        return Explanation(f"Eligibility of {self.subject}", outcome, (), tuple(c.explanation() for c in self.checks))

    def to_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "eligible": self.eligible,
            "checks": [
                {"condition": c.condition, "passed": c.passed, "reason": c.reason, "facts": [f.to_dict() for f in c.facts]}
                for c in self.checks
            ],
        }
