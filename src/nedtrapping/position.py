"""A position as the municipality plans it: the planner's input, checked once when it is made.

Why its own module: a position is data the readers, the JSON documents and notebooks build,
long before anything is planned; it knows no scheme (a scheme's own answers are its
:attr:`Position.options`) and no output.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from types import MappingProxyType
from typing import Any, cast

import attrs

from nedtrapping._refusal import expect, expected_got
from nedtrapping.cofinancing import CostModel, FixedCost, GrowingCost
from nedtrapping.errors import InvalidTypeError, InvalidValueError
from nedtrapping.money import Money
from nedtrapping.validators import plausible_year, position_percent, require_year
from nedtrapping.wording import Notice

__all__ = ["Position"]

def _percent(value: object) -> Fraction:
    if type(value) is Fraction and 0 < value.numerator <= 100 * value.denominator:
        return value  # already an exact percentage in (0, 100] (a reader's): nothing to parse
    return position_percent(value, "percent")


#: The one empty read-only mapping every position without changes or grant letters shares.
_EMPTY: Mapping[int, Any] = MappingProxyType({})


def _mapping_items(value: object, field: str) -> list[tuple[Any, Any]]:
    if not isinstance(value, Mapping):
        raise InvalidTypeError(expected_got(expect("year_mapping_example"), value), field=field, value=value,
                               expected=expect("year_mapping"))
    for year in value:
        require_year(year, field)
    return sorted(value.items())


def _percent_changes(value: Mapping[int, object]) -> Mapping[int, Fraction]:
    # read-only: a position checked once cannot be changed behind the planner's back
    items = _mapping_items(value, "percent_changes")
    if not items:
        return _EMPTY
    return MappingProxyType({year: position_percent(p, f"percent_changes[{year}]") for year, p in items})


def _granted(value: Mapping[int, Money]) -> Mapping[int, Money]:
    out: dict[int, Money] = {}
    for year, amount in _mapping_items(value, "granted"):
        if not isinstance(amount, Money):
            raise InvalidTypeError(expected_got(expect("money"), amount), field=f"granted[{year}]", value=amount,
                                   expected=expect("money"))
        if amount.ore < 0:
            raise InvalidValueError(Notice("model.position.granted_negative", {"amount": amount}),
                                    field=f"granted[{year}]", value=amount, expected=expect("amount_not_negative"))
        out[year] = amount
    return MappingProxyType(out) if out else _EMPTY


def _name(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value:
        raise InvalidTypeError(expected_got(expect("name"), value), field=attribute.name, value=value,
                               expected=expect("non_empty_text"))
    control = next((c for c in value if ord(c) < 32 or ord(c) == 127), None)
    if control is not None:  # as the readers refuse it: a name is shown in cells, files and terminals
        raise InvalidValueError(Notice("model.position.control_character", {"code": f"U+{ord(control):04X}",
                                                                            "value": repr(value)}),
                                field=attribute.name, value=value, expected=expect("no_control_characters"))


def _options(value: object) -> Mapping[str, bool]:  # developer: a Python type
    # a scheme's own yes/no answers; "nei" is a truthy text: taken as True it would pay a grant the
    # municipality may not get, so only True and False are answers (None: not stated, left out)
    if not isinstance(value, Mapping):
        raise InvalidTypeError(expected_got(expect("options_true_false"), value), field="options", value=value,
                               expected=expect("options"))
    out: dict[str, bool] = {}
    for name, answer in value.items():
        if not isinstance(name, str) or not name:
            raise InvalidTypeError(expected_got(expect("option_name"), name), field="options", value=name,
                                   expected=expect("option_name"))
        if answer is None:
            continue
        if not isinstance(answer, bool):
            raise InvalidTypeError(expected_got(expect("answer_not_stated"), answer), field=name, value=answer,
                                   expected=expect("answer"))
        out[name] = answer
    return MappingProxyType(out) if out else cast("Mapping[str, bool]", _EMPTY)  # developer: a Python type


def _origin(instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise InvalidTypeError(expected_got(expect("text_or_none"), value), field="origin", value=value,
                               expected=expect("text_or_none"))


def _mapping_repr(value: Mapping[int, object]) -> str:
    return repr(dict(value))


def _cost(value: object) -> CostModel:
    if isinstance(value, Money):
        return FixedCost(value)
    if isinstance(value, (FixedCost, GrowingCost)) or (hasattr(value, "exact_in") and hasattr(value, "describe")):
        return value
    raise InvalidTypeError(expected_got(expect("cost_model"), value), field="cost", value=value,
                           expected=expect("cost_model"))


def _cost_fits(instance: Position, attribute: attrs.Attribute[CostModel], value: CostModel) -> None:
    # a cost built from the salary knows its position percentage: it must be the position's
    own = getattr(value, "percent", None)
    if own is not None and own != instance.percent:
        raise InvalidValueError(Notice("model.position.cost_percent", {"cost_percent": own,
                                                                       "percent": instance.percent}),
                                field="cost", value=own, expected=expect("cost_for_percent", percent=instance.percent))


def _year(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    plausible_year(value, attribute.name)


@attrs.frozen(kw_only=True)
class Position:
    """A position funded by a grant scheme, as the municipality plans it.

    ``percent_changes`` gives a new percentage from a year on (``{2023: 50}``: 50 %
    from 2023). The cost follows the percentage: a cost given for the starting
    percentage is scaled in proportion when it changes (an assumption). ``granted``
    holds amounts actually granted, from grant letters (user-supplied): they are
    used as the grant and compared with the rule.
    """

    municipality: str = attrs.field(validator=_name)
    position: str = attrs.field(validator=_name)
    percent: Fraction = attrs.field(converter=_percent)
    first_grant_year: int = attrs.field(validator=_year)
    cost: CostModel = attrs.field(converter=_cost, validator=_cost_fits)
    #: Read-only once the position is made (a ``mappingproxy``; give a ``dict``).
    percent_changes: Mapping[int, Fraction] = attrs.field(factory=dict, converter=_percent_changes,
                                                          repr=_mapping_repr)
    #: Read-only once the position is made (a ``mappingproxy``; give a ``dict``).
    granted: Mapping[int, Money] = attrs.field(factory=dict, converter=_granted, repr=_mapping_repr)
    #: The scheme's own options (:attr:`~nedtrapping.scheme.PositionScheme.options`) that are stated,
    #: e.g. ``{"received_grant_in_2021": True}`` for kommunalt rusarbeid. Only ``True`` or ``False``
    #: (``None``: not stated; the text ``"nei"`` is refused, never taken as yes). Read-only.
    options: Mapping[str, bool] = attrs.field(factory=dict, converter=_options, repr=_mapping_repr)  # developer: a Python type
    #: Where the position came from (e.g. ``"positions.csv row 3"``), for explanations.
    origin: str | None = attrs.field(default=None, validator=_origin)

    @property
    def key(self) -> tuple[str, str]:
        return (self.municipality, self.position)

    @property
    def subject(self) -> str:
        return f"{self.municipality} / {self.position}"

    def percent_in(self, year: int) -> Fraction:
        current = self.percent
        for from_year, p in sorted(self.percent_changes.items()):
            if from_year <= year:
                current = p
        return current

    def with_percent_from(self, year: int, percent: object) -> Position:
        """What-if: the position at ``percent`` from ``year`` on (a new Position)."""
        return attrs.evolve(self, percent_changes={**self.percent_changes, year: percent})


