"""nedtrapping: exact, traceable phase-down of Norwegian state grants to municipalities.

Start with :func:`nedtrapping.plan.plan_municipality` (or ``nedtrapping plan`` on the
command line). Rule sets live in :mod:`nedtrapping.schemes` and are found with
:func:`~nedtrapping.registry.get_rule_set`.
"""

from nedtrapping._version import __version__
from nedtrapping.cofinancing import (
    FixedCost,
    GrowingCost,
    SalaryCost,
    own_financing,
    required_increase,
    takeover_year,
)
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
from nedtrapping.money import ExactAmount, FloatRefusedError, Money, format_nok, parse_kroner
from nedtrapping.plan import Plan, PlanRow, Position, plan_municipality
from nedtrapping.positions_csv import PositionsCSVError, parse_positions_csv, read_positions_csv
from nedtrapping.provenance import Citation, Fact, Status, UnknownValueError
from nedtrapping.registry import (
    UnknownSchemeError,
    all_rule_sets,
    get_rule_set,
    position_scheme,
    position_scheme_ids,
    scheme_ids,
    years_of,
)
from nedtrapping.rounding import CAP_ROUNDING_RULE, ROUNDING_RULE, round_cap_down_to_kroner, round_half_up_to_kroner
from nedtrapping.ruleset import RuleSet, RuleSetId
from nedtrapping.scheme import GrantFigure, GrantQuery, PositionScheme

__all__ = [
    "CAP_ROUNDING_RULE",
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
    "SalaryCost",
    "GrantFigure",
    "GrantQuery",
    "PositionScheme",
    "RuleSetId",
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
    "position_scheme",
    "position_scheme_ids",
    "round_cap_down_to_kroner",
    "round_half_up_to_kroner",
    "scheme_ids",
    "to_instant",
    "years_of",
    "__version__",
]
