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
from nedtrapping.cofinancing import FixedCost, GrowingCost, own_financing, required_increase, takeover_year
from nedtrapping.money import (
    ROUNDING_RULE,
    ExactAmount,
    FloatRefusedError,
    Money,
    format_nok,
    parse_kroner,
    round_half_up_to_kroner,
)
from nedtrapping.plan import Plan, PlanRow, Position, plan_municipality
from nedtrapping.positions_csv import PositionsCSVError, parse_positions_csv, read_positions_csv
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
    "FixedCost",
    "GrowingCost",
    "FloatRefusedError",
    "Money",
    "NaiveDatetimeError",
    "NoFixedDeadlineError",
    "Plan",
    "PlanRow",
    "Position",
    "PositionsCSVError",
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
    "own_financing",
    "parse_positions_csv",
    "plan_municipality",
    "read_positions_csv",
    "required_increase",
    "takeover_year",
    "parse_kroner",
    "round_half_up_to_kroner",
    "scheme_ids",
    "to_instant",
    "years_of",
    "__version__",
]
