"""nedtrapping: exact, traceable phase-down of Norwegian state grants to municipalities.

Start with :func:`nedtrapping.plan.plan_municipality` (or ``nedtrapping plan`` on the
command line). Rule sets live in :mod:`nedtrapping.schemes` and are found with
:func:`get_rule_set`.
"""

from nedtrapping.deadlines import (
    Deadline,
    DeadlineKind,
    NaiveDatetimeError,
    NoFixedDeadlineError,
    Purpose,
    SubmissionVerdict,
    to_instant,
)
from nedtrapping.eligibility import Check, Verdict
from nedtrapping.explain import Explanation, FactUse
from nedtrapping.money import (
    ROUNDING_RULE,
    ExactAmount,
    FloatRefusedError,
    Money,
    format_nok,
    parse_kroner,
    round_half_up_to_kroner,
)
from nedtrapping.provenance import Citation, Fact, Status, UnknownValueError
from nedtrapping.registry import UnknownSchemeError, all_rule_sets, get_rule_set, scheme_ids, years_of
from nedtrapping.ruleset import RuleSet

__version__ = "0.1.0"

__all__ = [
    "Check",
    "Citation",
    "Deadline",
    "DeadlineKind",
    "ExactAmount",
    "Explanation",
    "Fact",
    "FactUse",
    "FloatRefusedError",
    "Money",
    "NaiveDatetimeError",
    "NoFixedDeadlineError",
    "Purpose",
    "ROUNDING_RULE",
    "RuleSet",
    "Status",
    "SubmissionVerdict",
    "UnknownSchemeError",
    "UnknownValueError",
    "Verdict",
    "all_rule_sets",
    "format_nok",
    "get_rule_set",
    "parse_kroner",
    "round_half_up_to_kroner",
    "scheme_ids",
    "to_instant",
    "years_of",
    "__version__",
]
