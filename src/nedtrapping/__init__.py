"""nedtrapping: exact, traceable phase-down of Norwegian state grants to municipalities.

Start with :func:`nedtrapping.plan.plan_municipality` (or ``nedtrapping plan`` on the
command line). Rule sets live in :mod:`nedtrapping.schemes` and are found with
:func:`~nedtrapping.registry.get_rule_set`; many positions at once are planned by :mod:`nedtrapping.engine`.

Importing the package is cheap: each name below is imported from its module on first use.
"""

from nedtrapping import presenters as _presenters
from nedtrapping._version import __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers read this name)
if TYPE_CHECKING:  # what the lazy names below are, for type checkers and readers
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
    from nedtrapping.errors import ExitCode, InvalidTypeError, InvalidValueError, NedtrappingError
    from nedtrapping.explain import Explanation, FactUse
    from nedtrapping.money import ExactAmount, FloatRefusedError, Money, format_nok, parse_kroner
    from nedtrapping.plan import Plan, PlanRow, Position, plan_municipality
    from nedtrapping.provenance import Citation, Fact, Status, UnknownValueError
    from nedtrapping.readers.table import PositionsCSVError, parse_positions_csv, read_positions_csv
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
    from nedtrapping.scheme import Check, GrantQuery, PositionScheme, Rate, Verdict

#: Where each re-exported name lives: it is imported from there on first use (PEP 562), so that
#: ``import nedtrapping`` loads no rule set, pendulum, openpyxl, icalendar, numpy or pandas.
_LAZY: dict[str, str] = {
    "CAP_ROUNDING_RULE": "nedtrapping.rounding",
    "Check": "nedtrapping.scheme",
    "Citation": "nedtrapping.provenance",
    "Deadline": "nedtrapping.deadlines",
    "DeadlineKind": "nedtrapping.deadlines",
    "ExactAmount": "nedtrapping.money",
    "ExitCode": "nedtrapping.errors",
    "Explanation": "nedtrapping.explain",
    "Fact": "nedtrapping.provenance",
    "FactUse": "nedtrapping.explain",
    "FixedCost": "nedtrapping.cofinancing",
    "FloatRefusedError": "nedtrapping.money",
    "Rate": "nedtrapping.scheme",
    "GrantQuery": "nedtrapping.scheme",
    "GrowingCost": "nedtrapping.cofinancing",
    "InvalidTypeError": "nedtrapping.errors",
    "InvalidValueError": "nedtrapping.errors",
    "Money": "nedtrapping.money",
    "NaiveDatetimeError": "nedtrapping.deadlines",
    "NedtrappingError": "nedtrapping.errors",
    "NoFixedDeadlineError": "nedtrapping.deadlines",
    "Plan": "nedtrapping.plan",
    "PlanRow": "nedtrapping.plan",
    "Position": "nedtrapping.plan",
    "PositionScheme": "nedtrapping.scheme",
    "PositionsCSVError": "nedtrapping.readers.table",
    "Purpose": "nedtrapping.deadlines",
    "ROUNDING_RULE": "nedtrapping.rounding",
    "RuleSet": "nedtrapping.ruleset",
    "RuleSetId": "nedtrapping.ruleset",
    "SalaryCost": "nedtrapping.cofinancing",
    "Status": "nedtrapping.provenance",
    "SubmissionVerdict": "nedtrapping.deadlines",
    "UnknownSchemeError": "nedtrapping.registry",
    "UnknownValueError": "nedtrapping.provenance",
    "Verdict": "nedtrapping.scheme",
    "all_rule_sets": "nedtrapping.registry",
    "format_nok": "nedtrapping.money",
    "get_rule_set": "nedtrapping.registry",
    "own_financing": "nedtrapping.cofinancing",
    "parse_kroner": "nedtrapping.money",
    "parse_positions_csv": "nedtrapping.readers.table",
    "plan_municipality": "nedtrapping.plan",
    "position_scheme": "nedtrapping.registry",
    "position_scheme_ids": "nedtrapping.registry",
    "read_positions_csv": "nedtrapping.readers.table",
    "required_increase": "nedtrapping.cofinancing",
    "round_cap_down_to_kroner": "nedtrapping.rounding",
    "round_half_up_to_kroner": "nedtrapping.rounding",
    "scheme_ids": "nedtrapping.registry",
    "takeover_year": "nedtrapping.cofinancing",
    "to_instant": "nedtrapping.deadlines",
    "years_of": "nedtrapping.registry",
}


def _plan_markdown(plan: object, **options: object) -> object:
    from nedtrapping.render.plan import to_markdown

    return to_markdown(plan, **options)  # type: ignore[arg-type]


def _plan_html(plan: object, **options: object) -> object:
    from nedtrapping.render.plan import to_html

    return to_html(plan, **options)  # type: ignore[arg-type]


def _plan_frame(plan: object, **options: object) -> object:
    from nedtrapping.frames import to_frame

    return to_frame(plan, **options)  # type: ignore[arg-type]


def _plan_figure(plan: object, **options: object) -> object:
    from nedtrapping.render.chart import plan_figure

    return plan_figure(plan, **options)  # type: ignore[arg-type]


# the output layer's ways to show a plan, registered from above (the model asks for them by name)
for _name, _presenter in (("plan.markdown", _plan_markdown), ("plan.html", _plan_html), ("plan.frame", _plan_frame),
                          ("plan.figure", _plan_figure)):
    _presenters.register(_name, _presenter)


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'nedtrapping' has no attribute {name!r}")  # developer: Python's own wording for a missing name
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "CAP_ROUNDING_RULE",
    "Check",
    "Citation",
    "Deadline",
    "DeadlineKind",
    "ExactAmount",
    "ExitCode",
    "Explanation",
    "Fact",
    "FactUse",
    "FixedCost",
    "GrowingCost",
    "SalaryCost",
    "Rate",
    "GrantQuery",
    "PositionScheme",
    "RuleSetId",
    "FloatRefusedError",
    "InvalidTypeError",
    "InvalidValueError",
    "Money",
    "NaiveDatetimeError",
    "NedtrappingError",
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
