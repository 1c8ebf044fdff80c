"""JSON documents for services: plans and positions, their JSON Schemas, and the way back.

Why: a service that stores a plan, or sends positions to another, needs a documented
shape and a way to get the plan back. Two documents, each with a JSON Schema shipped
in the package (``nedtrapping/schemas/``):

* the **plan document** — :func:`nedtrapping.render.plan.to_dict` (``nedtrapping plan
  --format json``): the positions planned, the rule values supplied, every row with its
  explanation, totals, warnings, unknowns, discrepancies and the rule-set digests;
* the **positions document** — :func:`positions_to_dict`: positions alone, as input.

:func:`plan_from_dict` rebuilds a :class:`~nedtrapping.plan.Plan` from a plan document:
it plans the document's positions again under the same rules (supplied ladder steps
included) and refuses if the rule sets' digests, or any figure, differ from the
document's — a plan that the library's current rules no longer make is never
silently turned into another.

Amounts are exact decimal strings in kroner (``"330000"``, ``"1234.50"``);
percentages and growth exact decimal strings (``"33.3"``), or ``"n/d"`` for a share
no decimal writes exactly.
"""

from __future__ import annotations

import json
from fractions import Fraction
from importlib import resources
from typing import Any

from nedtrapping import optional
from nedtrapping.cofinancing import CostModel, FixedCost, GrowingCost, SalaryCost
from nedtrapping.errors import NedtrappingError
from nedtrapping.money import Money, parse_kroner
from nedtrapping.plan import DEFAULT_SCHEME, Plan, Position, plan_municipality
from nedtrapping.provenance import Citation
from nedtrapping.registry import position_scheme
from nedtrapping.render.plan import (
    DOCUMENT_VERSION,
    PLAN_DOCUMENT,
    POSITIONS_DOCUMENT,
    position_to_dict,
    to_dict,
)
from nedtrapping.ruleset import RuleSet

__all__ = [
    "DocumentError",
    "schema",
    "plan_schema",
    "positions_schema",
    "positions_to_dict",
    "positions_from_dict",
    "plan_from_dict",
    "plan_from_json",
    "validate",
    "schema_registry",
]

_SCHEMAS = {"plan": "plan.schema.json", "positions": "positions.schema.json"}


class DocumentError(NedtrappingError, ValueError):
    """A document that is not a plan or positions document, or a plan the current rules do not make."""


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the ``"plan"`` or ``"positions"`` document, as shipped."""
    if name not in _SCHEMAS:
        raise KeyError(f"no schema {name!r}; schemas: {', '.join(_SCHEMAS)}")
    loaded: dict[str, Any] = json.loads(
        resources.files("nedtrapping").joinpath("schemas", _SCHEMAS[name]).read_text(encoding="utf-8"))
    return loaded


def plan_schema() -> dict[str, Any]:
    """The plan document's JSON Schema."""
    return schema("plan")


def positions_schema() -> dict[str, Any]:
    """The positions document's JSON Schema."""
    return schema("positions")


def validate(document: Any, name: str = "plan") -> None:
    """Check ``document`` against the shipped JSON Schema ``name`` (``"plan"`` or ``"positions"``).

    Raises ``jsonschema.ValidationError`` naming the first place that does not fit. Needs
    the ``jsonschema`` package (not a dependency of nedtrapping).
    """
    jsonschema = optional.jsonschema()
    validator = jsonschema.Draft202012Validator(schema(name), registry=schema_registry(),
                                                format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    validator.validate(document)


def schema_registry() -> Any:
    """A ``referencing.Registry`` of the shipped schemas under their ``$id`` values, for ``jsonschema`` offline.

    The ``$id`` values name the schemas; they are not fetched. Give this registry to a validator of your
    own (``jsonschema.Draft202012Validator(plan_schema(), registry=schema_registry())``) and every
    ``$ref`` between the shipped schemas resolves from the package, with no network. Needs the
    ``jsonschema`` package (which brings ``referencing``).
    """
    optional.jsonschema()
    referencing = __import__("referencing")
    return referencing.Registry().with_resources(
        (s["$id"], referencing.Resource.from_contents(s)) for s in (plan_schema(), positions_schema()))


def positions_to_dict(positions: list[Position] | tuple[Position, ...], *,
                      scheme: str = DEFAULT_SCHEME) -> dict[str, Any]:
    """A positions document: ``{"document": "nedtrapping.positions", "scheme": …, "positions": […]}``."""
    return {"document": POSITIONS_DOCUMENT, "document_version": DOCUMENT_VERSION, "scheme": scheme,
            "positions": [position_to_dict(p) for p in positions]}


def _share(value: object, where: str) -> Fraction:
    if not isinstance(value, str):
        raise DocumentError(f"{where}: expected exact text such as \"33.3\", got {value!r}")
    try:
        return Fraction(value)
    except (ValueError, ZeroDivisionError):
        raise DocumentError(f"{where}: {value!r} is not an exact number such as \"33.3\" or \"1/3\"") from None


def _money(value: object, where: str) -> Money:
    if not isinstance(value, str):
        raise DocumentError(f"{where}: expected an amount as text such as \"330000\", got {value!r}")
    try:
        return parse_kroner(value, where=where)
    except ValueError as exc:
        raise DocumentError(str(exc)) from None


def _cost(data: Any, where: str) -> CostModel:
    if not isinstance(data, dict) or data.get("kind") not in ("fixed", "growing", "salary"):
        raise DocumentError(f"{where}: expected {{\"kind\": \"fixed\" | \"growing\" | \"salary\", …}}, got {data!r}")
    if data["kind"] == "fixed":
        return FixedCost(_money(data.get("annual"), f"{where}.annual"))
    if data["kind"] == "salary":
        pension = data.get("pension_percent")
        try:
            return SalaryCost(
                _money(data.get("salary"), f"{where}.salary"), zone=data.get("zone"),
                pension_percent=None if pension is None else _share(pension, f"{where}.pension_percent"),
                percent=_share(data.get("percent", "100"), f"{where}.percent"), holiday_pay=data.get("holiday_pay"),
                growth_percent=_share(data.get("growth_percent", "0"), f"{where}.growth_percent"),
                salary_year=data.get("salary_year"), birth_year=data.get("birth_year"),
                zone_1a_rate=data.get("zone_1a_rate"),
            )
        except (TypeError, ValueError) as exc:
            raise DocumentError(f"{where}: {exc}") from None
    base_year = data.get("base_year")
    if not isinstance(base_year, int) or isinstance(base_year, bool):
        raise DocumentError(f"{where}.base_year: expected a year, got {base_year!r}")
    return GrowingCost(_money(data.get("base"), f"{where}.base"), base_year,
                       _share(data.get("growth_percent"), f"{where}.growth_percent"))


def _object(data: Any, where: str) -> dict[str, Any]:
    """``data`` if it is a JSON object (``null`` or absent: an empty one), else :class:`DocumentError`."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DocumentError(f"{where}: expected an object, got {data!r}")
    return data


def _array(data: Any, where: str) -> list[Any]:
    """``data`` if it is a JSON array (``null`` or absent: an empty one), else :class:`DocumentError`."""
    if data is None:
        return []
    if not isinstance(data, list):
        raise DocumentError(f"{where}: expected an array, got {data!r}")
    return data


def _position(data: Any, where: str) -> Position:
    if not isinstance(data, dict):
        raise DocumentError(f"{where}: expected an object, got {data!r}")
    try:
        return Position(
            municipality=data["municipality"], position=data["position"],
            percent=_share(data["percent"], f"{where}.percent"), first_grant_year=data["first_grant_year"],
            cost=_cost(data["cost"], f"{where}.cost"),
            percent_changes={int(y): _share(v, f"{where}.percent_changes[{y}]")
                             for y, v in _object(data.get("percent_changes"), f"{where}.percent_changes").items()},
            granted={int(y): _money(v, f"{where}.granted[{y}]")
                     for y, v in _object(data.get("granted"), f"{where}.granted").items()},
            options=_object(data.get("options"), f"{where}.options"), origin=data.get("origin"),
        )
    except KeyError as exc:
        raise DocumentError(f"{where}: missing {exc.args[0]!r}") from None
    except (TypeError, ValueError) as exc:
        raise DocumentError(f"{where}: {exc}") from None


def positions_from_dict(document: dict[str, Any]) -> list[Position]:
    """The positions of a positions document (or of a plan document)."""
    if not isinstance(document, dict) or document.get("document") not in (POSITIONS_DOCUMENT, PLAN_DOCUMENT):
        raise DocumentError(f"not a positions or plan document (its \"document\" should be {POSITIONS_DOCUMENT!r})")
    return [_position(p, f"positions[{i}]") for i, p in enumerate(_array(document.get("positions"), "positions"))]


def _supplied_rules(document: dict[str, Any], scheme_id: str) -> dict[int, RuleSet]:
    rules: dict[int, RuleSet] = {}
    scheme = position_scheme(scheme_id)
    for i, item in enumerate(_array(document.get("supplied_rule_values"), "supplied_rule_values")):
        where = f"supplied_rule_values[{i}]"
        item = _object(item, where)
        key, path = item.get("rule_set", ""), item.get("path", "")
        scheme_part, _, year_text = str(key).rpartition(" ")
        if scheme_part != scheme_id or not year_text.isdigit() or not str(path).startswith("ladder.step_"):
            raise DocumentError(f"{where}: only ladder steps of {scheme_id} can be supplied, got {key} {path}")
        step_text = str(path).removeprefix("ladder.step_")
        if not step_text.isdigit():
            raise DocumentError(f"{where}.path: expected ladder.step_1 to ladder.step_4, got {path!r}")
        year, step = int(year_text), int(step_text)
        source = _object(item.get("source"), f"{where}.source")
        try:
            citation = Citation(**source)
        except TypeError as exc:
            raise DocumentError(f"{where}.source: {exc}") from None
        base = rules.get(year) or scheme.rules_for(year)
        with_step = getattr(base, "with_ladder_step", None)
        if with_step is None:
            raise DocumentError(f"{where}: {key} has no ladder steps")
        rules[year] = with_step(step, _money(item.get("value"), f"{where}.value"), citation)
    return rules


def plan_from_dict(document: dict[str, Any]) -> Plan:
    """The plan a plan document describes, planned again and checked against the document.

    Raises :class:`DocumentError` when the document is not a plan document, when a rule
    set it names has another digest today, or when any figure differs.
    """
    if not isinstance(document, dict) or document.get("document") != PLAN_DOCUMENT:
        raise DocumentError(f"not a plan document (its \"document\" should be {PLAN_DOCUMENT!r})")
    if document.get("document_version") != DOCUMENT_VERSION:
        raise DocumentError(f"plan document version {document.get('document_version')!r}; this library reads "
                            f"version {DOCUMENT_VERSION}")
    scheme_id = document.get("scheme", DEFAULT_SCHEME)
    plan = plan_municipality(positions_from_dict(document), years=document.get("years"),
                             rules=_supplied_rules(document, scheme_id), scheme=scheme_id)
    if dict(plan.digests) != document.get("rule_set_digests"):
        raise DocumentError("the rule sets have changed since the plan was made: the document's digests "
                            f"{document.get('rule_set_digests')} are not today's {dict(plan.digests)}")
    again = to_dict(plan, explanations=False)
    for key in ("rows", "totals", "takeover_years", "problems", "discrepancies"):
        theirs = document.get(key)
        if key == "rows" and isinstance(theirs, list):
            theirs = [{k: v for k, v in row.items() if k != "explanation"} if isinstance(row, dict) else row
                      for row in theirs]
        if again[key] != theirs:
            raise DocumentError(f"the document's {key} differ from what its positions and rules give")
    return plan


def plan_from_json(text: str) -> Plan:
    """:func:`plan_from_dict` of JSON text."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DocumentError(f"not JSON: {exc}") from None
    return plan_from_dict(data)
