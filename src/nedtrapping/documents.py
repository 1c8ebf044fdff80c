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
from nedtrapping._refusal import expected_shown
from nedtrapping.cofinancing import CostModel, FixedCost, GrowingCost, SalaryCost
from nedtrapping.errors import NedtrappingError
from nedtrapping.money import Money, parse_kroner
from nedtrapping.plan import DEFAULT_SCHEME, Plan, Position, plan_municipality
from nedtrapping.provenance import Citation
from nedtrapping.readable import Readable
from nedtrapping.registry import position_scheme
from nedtrapping.render.plan import (
    DOCUMENT_VERSION,
    PLAN_DOCUMENT,
    POSITIONS_DOCUMENT,
    position_to_dict,
    to_dict,
)
from nedtrapping.ruleset import RuleSet
from nedtrapping.wording import Notice, Quoted

__all__ = [
    "DocumentError",
    "UnknownSchemaError",
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
_OBJECT = Notice("input.expected.json_object")


class DocumentError(NedtrappingError, ValueError):
    """A document that is not a plan or positions document, or a plan the current rules do not make.

    ``field`` names the place in the document (``positions[0].cost.base``); the words are bokmål by
    ``str()``, any language by :meth:`~nedtrapping.errors.NedtrappingError.text`.
    """


class UnknownSchemaError(DocumentError, KeyError):
    """A schema name that is not one of the shipped schemas (a :class:`KeyError` too)."""


def _expected_got(expected: Readable, value: object) -> Notice:
    return expected_shown(expected, repr(value))


def _reason(exc: Exception) -> Readable:
    """An error from a part of the library as words: its own (with its own field), or a Python error's text."""
    if isinstance(exc, NedtrappingError):
        return exc
    return Notice("input.document.invalid", {"error": str(exc)})


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the ``"plan"`` or ``"positions"`` document, as shipped."""
    if name not in _SCHEMAS:
        expected = Notice("input.expected.schema", {"schemas": Quoted(tuple(_SCHEMAS))})
        raise UnknownSchemaError(_expected_got(expected, name), field="name", value=name, expected=expected)
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
    expected = Notice("input.expected.exact_text")
    if not isinstance(value, str):
        raise DocumentError(_expected_got(expected, value), field=where, value=value, expected=expected)
    try:
        return Fraction(value)
    except (ValueError, ZeroDivisionError):
        raise DocumentError(_expected_got(expected, value), field=where, value=value, expected=expected) from None


def _money(value: object, where: str) -> Money:
    if not isinstance(value, str):
        expected = Notice("input.expected.amount_document")
        raise DocumentError(_expected_got(expected, value), field=where, value=value, expected=expected)
    try:
        return parse_kroner(value, where=where)
    except NedtrappingError as exc:
        raise DocumentError(exc.message, field=where, value=value, expected=exc.expected) from None


def _cost(data: Any, where: str) -> CostModel:
    if not isinstance(data, dict) or data.get("kind") not in ("fixed", "growing", "salary"):
        expected = Notice("input.expected.cost_document")
        raise DocumentError(_expected_got(expected, data), field=where, value=data, expected=expected)
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
        except DocumentError:
            raise
        except (TypeError, ValueError) as exc:
            raise DocumentError(_reason(exc), field=where) from None
    base_year = data.get("base_year")
    if not isinstance(base_year, int) or isinstance(base_year, bool):
        expected = Notice("input.expected.a_year")
        raise DocumentError(_expected_got(expected, base_year), field=f"{where}.base_year", value=base_year,
                            expected=expected)
    return GrowingCost(_money(data.get("base"), f"{where}.base"), base_year,
                       _share(data.get("growth_percent"), f"{where}.growth_percent"))


def _object(data: Any, where: str) -> dict[str, Any]:
    """``data`` if it is a JSON object (``null`` or absent: an empty one), else :class:`DocumentError`."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DocumentError(_expected_got(_OBJECT, data), field=where, value=data, expected=_OBJECT)
    return data


def _array(data: Any, where: str) -> list[Any]:
    """``data`` if it is a JSON array (``null`` or absent: an empty one), else :class:`DocumentError`."""
    if data is None:
        return []
    if not isinstance(data, list):
        expected = Notice("input.expected.json_array")
        raise DocumentError(_expected_got(expected, data), field=where, value=data, expected=expected)
    return data


def _position(data: Any, where: str) -> Position:
    if not isinstance(data, dict):
        raise DocumentError(_expected_got(_OBJECT, data), field=where, value=data, expected=_OBJECT)
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
    except DocumentError:
        raise  # a part of the position (its cost, an amount) already names its own place
    except KeyError as exc:
        raise DocumentError(Notice("input.document.missing", {"key": exc.args[0]}), field=where) from None
    except (TypeError, ValueError) as exc:
        raise DocumentError(_reason(exc), field=where) from None


def positions_from_dict(document: dict[str, Any]) -> list[Position]:
    """The positions of a positions document (or of a plan document)."""
    if not isinstance(document, dict) or document.get("document") not in (POSITIONS_DOCUMENT, PLAN_DOCUMENT):
        raise DocumentError(Notice("input.document.not_positions", {"expected": POSITIONS_DOCUMENT}))
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
            raise DocumentError(Notice("input.document.only_ladder_steps", {"scheme": scheme_id, "key": key,
                                                                            "path": path}), field=where)
        step_text = str(path).removeprefix("ladder.step_")
        if not step_text.isdigit():
            expected = Notice("input.expected.ladder_path")
            raise DocumentError(_expected_got(expected, path), field=f"{where}.path", value=path, expected=expected)
        year, step = int(year_text), int(step_text)
        source = _object(item.get("source"), f"{where}.source")
        try:
            citation = Citation(**source)
        except TypeError as exc:
            raise DocumentError(_reason(exc), field=f"{where}.source") from None
        base = rules.get(year) or scheme.rules_for(year)
        with_step = getattr(base, "with_ladder_step", None)
        if with_step is None:
            raise DocumentError(Notice("input.document.no_ladder", {"key": key}), field=where)
        rules[year] = with_step(step, _money(item.get("value"), f"{where}.value"), citation)
    return rules


def plan_from_dict(document: dict[str, Any]) -> Plan:
    """The plan a plan document describes, planned again and checked against the document.

    Raises :class:`DocumentError` when the document is not a plan document, when a rule
    set it names has another digest today, or when any figure differs.
    """
    if not isinstance(document, dict) or document.get("document") != PLAN_DOCUMENT:
        raise DocumentError(Notice("input.document.not_plan", {"expected": PLAN_DOCUMENT}))
    if document.get("document_version") != DOCUMENT_VERSION:
        raise DocumentError(Notice("input.document.version", {"version": repr(document.get("document_version")),
                                                              "expected": DOCUMENT_VERSION}),
                            field="document_version")
    scheme_id = document.get("scheme", DEFAULT_SCHEME)
    plan = plan_municipality(positions_from_dict(document), years=document.get("years"),
                             rules=_supplied_rules(document, scheme_id), scheme=scheme_id)
    if dict(plan.digests) != document.get("rule_set_digests"):
        raise DocumentError(Notice("input.document.digests_changed", {
            "theirs": document.get("rule_set_digests"), "ours": dict(plan.digests)}))
    again = to_dict(plan, explanations=False)
    for key in ("rows", "totals", "takeover_years", "problems", "discrepancies"):
        theirs = document.get(key)
        if key == "rows" and isinstance(theirs, list):
            theirs = [{k: v for k, v in row.items() if k != "explanation"} if isinstance(row, dict) else row
                      for row in theirs]
        if again[key] != theirs:
            raise DocumentError(Notice("input.document.differs", {"key": key}))
    return plan


def plan_from_json(text: str) -> Plan:
    """:func:`plan_from_dict` of JSON text."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DocumentError(Notice("input.document.not_json", {"error": exc.msg, "line": exc.lineno,
                                                               "column": exc.colno})) from None
    return plan_from_dict(data)
