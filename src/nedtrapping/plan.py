"""A municipality's phase-down plan: every position × year, with totals and reasons.

Why: the finance officer's question is "what does each position cost us, year by
year, and how much more must we budget than last year?" — for the økonomiplan.
:func:`plan_municipality` answers it for any scheme that pays per position
(:class:`~nedtrapping.scheme.PositionScheme`: kommunalt rusarbeid by default, NAV
sosiale tjenester with ``scheme="nav-sosiale-tjenester"``).

Figures first, explanations on demand: planning computes the figures only; the
explanation of a figure (:meth:`Plan.explain`, :attr:`PlanRow.explanation`) is built
when it is asked for, from the same inputs. Nothing unknown becomes 0: a figure that
depends on an unknown rule value is ``None`` in the plan, the reason is in
:attr:`Plan.problems` (and, once per value, in :attr:`Plan.unknowns`), and every total
that would include it is ``None`` too.

This module holds the model and the planner only; how a plan looks as a table, CSV,
JSON or a workbook is decided in :mod:`nedtrapping.render`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from fractions import Fraction
from types import MappingProxyType
from typing import Any, cast, overload

import attrs

from nedtrapping import engine
from nedtrapping.cofinancing import CostModel, FixedCost, GrowingCost, cost_explanation, cost_figure, takeover_year
from nedtrapping.errors import InvalidTypeError, InvalidValueError, NedtrappingError
from nedtrapping.explain import Explanation, FactUse, words
from nedtrapping.grant import explain as explain_grant
from nedtrapping.money import Money, format_percent
from nedtrapping.presenters import present
from nedtrapping.provenance import WARNING_STATUSES, Citation, Status, UnknownValueError
from nedtrapping.registry import DEFAULT_SCHEME, position_scheme, years_of
from nedtrapping.rounding import round_half_up_to_kroner
from nedtrapping.ruleset import RuleSet
from nedtrapping.scheme import FactRef, GrantQuery, PositionScheme
from nedtrapping.validators import position_percent, require_year
from nedtrapping.wording import FactName, Notice

__all__ = [
    "DEFAULT_SCHEME",
    "Position",
    "PlanRow",
    "YearTotal",
    "Problem",
    "UnknownValue",
    "Discrepancy",
    "Plan",
    "plan_municipality",
]

def _percent(value: object) -> Fraction:
    if type(value) is Fraction and 0 < value.numerator <= 100 * value.denominator:
        return value  # already an exact percentage in (0, 100] (a reader's): nothing to parse
    return position_percent(value, "percent")


#: The one empty read-only mapping every position without changes or grant letters shares.
_EMPTY: Mapping[int, Any] = MappingProxyType({})


def _mapping_items(value: object, field: str) -> list[tuple[Any, Any]]:
    if not isinstance(value, Mapping):
        raise InvalidTypeError(f"{field}: expected a mapping of year to value (e.g. {{2023: ...}}), got "
                               f"{type(value).__name__} {value!r}", field=field, value=value,
                               expected="a mapping of year to value")
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
            raise InvalidTypeError(f"granted[{year}]: expected Money, got {type(amount).__name__} {amount!r}",
                                   field=f"granted[{year}]", value=amount, expected="Money")
        if amount.ore < 0:
            raise InvalidValueError(f"granted[{year}]: a granted amount cannot be negative, got {amount}",
                                    field=f"granted[{year}]", value=amount, expected="an amount of 0 kr or more")
        out[year] = amount
    return MappingProxyType(out) if out else _EMPTY


def _name(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value:
        raise InvalidTypeError(f"{attribute.name}: expected a name (non-empty text), got {type(value).__name__} "
                               f"{value!r}", field=attribute.name, value=value, expected="a non-empty text")


def _options(value: object) -> Mapping[str, bool]:
    # a scheme's own yes/no answers; "nei" is a truthy text: taken as True it would pay a grant the
    # municipality may not get, so only True and False are answers (None: not stated, left out)
    if not isinstance(value, Mapping):
        raise InvalidTypeError(f"options: expected a mapping of option name to True/False, got {type(value).__name__} "
                               f"{value!r}", field="options", value=value, expected="a mapping of option name to answer")
    out: dict[str, bool] = {}
    for name, answer in value.items():
        if not isinstance(name, str) or not name:
            raise InvalidTypeError(f"options: an option name is text, got {type(name).__name__} {name!r}",
                                   field="options", value=name, expected="an option name")
        if answer is None:
            continue
        if not isinstance(answer, bool):
            raise InvalidTypeError(f"{name}: expected True, False or None (not stated), got {type(answer).__name__} "
                                   f"{answer!r}", field=name, value=answer, expected="True, False or None")
        out[name] = answer
    return MappingProxyType(out) if out else cast("Mapping[str, bool]", _EMPTY)


def _origin(instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise InvalidTypeError(f"origin: expected text or None, got {type(value).__name__} {value!r}",
                               field="origin", value=value, expected="text or None")


def _mapping_repr(value: Mapping[int, object]) -> str:
    return repr(dict(value))


def _cost(value: object) -> CostModel:
    if isinstance(value, Money):
        return FixedCost(value)
    if isinstance(value, (FixedCost, GrowingCost)) or (hasattr(value, "exact_in") and hasattr(value, "describe")):
        return value
    raise InvalidTypeError(f"cost: expected FixedCost, GrowingCost, SalaryCost or Money, got {type(value).__name__} {value!r}",
                           field="cost", value=value, expected="FixedCost, GrowingCost, SalaryCost or Money")


def _cost_fits(instance: Position, attribute: attrs.Attribute[CostModel], value: CostModel) -> None:
    # a cost built from the salary knows its position percentage: it must be the position's
    own = getattr(value, "percent", None)
    if own is not None and own != instance.percent:
        raise InvalidValueError(f"cost: the cost is computed for a {format_percent(own)} % position, but the position is "
                                f"{format_percent(instance.percent)} %; give the same percentage", field="cost",
                                value=own, expected=f"a cost for a {format_percent(instance.percent)} % position")


def _year(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    require_year(value, attribute.name)


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
    options: Mapping[str, bool] = attrs.field(factory=dict, converter=_options, repr=_mapping_repr)
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


_GRANT_LETTER = "grant letter"


def _grant_letter_citation(position: Position, year: int) -> Citation:
    where = f" ({position.origin})" if position.origin else ""
    return Citation(document=f"tilsagnsbrev {year}, {position.municipality}{where}", tag="USER")


class _Why:
    """Where the explanation of one row comes from: the plan's inputs and figures, read when asked."""

    __slots__ = ("_data", "_index", "_year_index")

    def __init__(self, data: _PlanData, index: int, year_index: int) -> None:
        self._data = data
        self._index = index
        self._year_index = year_index

    @property
    def scheme(self) -> PositionScheme:
        return self._data.scheme

    @property
    def position(self) -> Position:
        return self._data.positions[self._index]

    @property
    def query(self) -> GrantQuery:
        year = self._data.years[self._year_index]
        return attrs.evolve(self._data.base_query(self._index), year=year, percent=self.position.percent_in(year))

    @property
    def rules(self) -> RuleSet | None:
        return self._data.supplied.get(self._data.years[self._year_index])

    @property
    def rule_amount(self) -> Money | None:
        ore = self._data.rule[self._year_index][self._index]
        return None if ore is None else Money(ore)

    @property
    def rule_error(self) -> UnknownValueError | None:
        return self._data.result.cell(self._data.years[self._year_index], self._index).error

    @property
    def scale(self) -> Fraction:
        p = self.position
        return p.percent_in(self._data.years[self._year_index]) / p.percent

    @property
    def previous_own(self) -> Money | None:
        if self._year_index == 0:
            base = self._data.base_own
            ore = None if base is None else base[self._index]
        else:
            ore = self._data.own[self._year_index - 1][self._index]
        return None if ore is None else Money(ore)

    @property
    def first(self) -> bool:
        """The first year of the plan, with no base year to measure its increase from."""
        return self._year_index == 0 and self._data.result.base_year is None

    @property
    def from_base(self) -> bool:
        """The first year of the plan, whose increase is measured from the base year."""
        return self._year_index == 0 and self._data.result.base_year is not None

    @property
    def rule_cell(self) -> tuple[str, engine.Cell]:
        """The rule cell of the row's grant: an id unique in the plan (``"2022-3"``) and the cell."""
        year = self._data.years[self._year_index]
        index = int(self._data.result.cell_ids[year][self._index])
        return f"{year}-{index}", self._data.result.cells[year][index]

    def explanation(self, row: PlanRow) -> Explanation:
        year, p = row.year, self.position
        grant = row.grant
        rule_amount, query = self.rule_amount, self.query
        steps: list[Explanation] = []
        if year in p.granted:
            assert grant is not None
            letter_use = FactUse("granted", str(grant), Status.USER_SUPPLIED, _grant_letter_citation(p, year))
            if rule_amount is not None:
                key = "explain.letter.agrees" if rule_amount == grant else "explain.letter.differs"
                steps.append(Explanation(words(key, year=year, rule=rule_amount), grant, (letter_use,),
                                         (explain_grant(self.scheme.rate(query, self.rules), query),)))
            else:
                rule_error = self.rule_error
                assert rule_error is not None
                steps.append(Explanation(words("explain.letter.unchecked", year=year), grant, (letter_use,), (
                    Explanation(words("explain.rule_unknown"), _unknown_words(rule_error)),)))
        elif rule_amount is not None:
            steps.append(explain_grant(self.scheme.rate(query, self.rules), query))
        else:
            rule_error = self.rule_error
            assert rule_error is not None
            unknown_use = FactUse.of(rule_error.path or rule_error.name, rule_error.fact)
            steps.append(Explanation(words("grant.heading", year=year), words("explain.unknown"), (), (
                Explanation(words("explain.cannot_compute"), _unknown_words(rule_error), (unknown_use,)),)))
        steps.append(cost_explanation(p.cost, year, row.cost, scale=self.scale))
        own = row.own_financing
        steps.append(Explanation(
            words("explain.own_financing"),
            words("explain.own_financing.unknown") if own is None
            else words("explain.difference", a=row.cost, b=grant, result=own),
        ))
        previous_own = self.previous_own
        base = self._data.result.base_year
        if self.first:
            figure = words("explain.increase.first", year=year)
        elif self.from_base and own is not None and previous_own is None:
            figure = words("explain.increase.base_unknown", base=base)
        elif own is None or previous_own is None:
            figure = words("explain.increase.unknown")
        elif self.from_base:
            figure = words("explain.increase.from_base", a=own, b=previous_own, base=base,
                           result=row.own_financing_increase)
        else:
            figure = words("explain.difference", a=own, b=previous_own, result=row.own_financing_increase)
        steps.append(Explanation(words("explain.increase"), figure))
        return Explanation(words("explain.row", subject=p.subject, year=year, n=row.year_in_scheme, percent=row.percent),
                           None, (), tuple(steps))


def _unknown_words(error: UnknownValueError) -> Notice:
    """An unknown rule value in words: its name, its rule set and how to supply it."""
    return words("explain.unknown_value", name=FactName(error.path or error.name), rule_set=error.rule_set or "",
                 how=error.fact.how_to_supply or "")


class _PlanData:
    """A plan's inputs and figure columns (from :mod:`nedtrapping.engine`): rows are built from it when read."""

    def __init__(self, *, scheme: PositionScheme, positions: tuple[Position, ...], years: tuple[int, ...],
                 supplied: Mapping[int, RuleSet], result: engine.EngineResult,
                 municipality_years: Mapping[str, tuple[int, ...]],
                 municipality_options: Mapping[str, Mapping[str, bool]]) -> None:
        self.scheme = scheme
        self.positions = positions
        self.years = years
        self.supplied = supplied
        self.result = result
        self.municipality_years = municipality_years
        self.municipality_options = municipality_options
        self.grant = [result.grant[y].to_list() for y in years]
        self.rule = [result.rule_grant[y].to_list() for y in years]
        self.cost: list[list[int]] = [cast("list[int]", result.cost[y].to_list()) for y in years]  # always known
        self.own = [result.own_financing[y].to_list() for y in years]
        self.increase = [result.own_financing_increase[y].to_list() for y in years]
        self.base_own = None if result.base_own_financing is None else result.base_own_financing.to_list()
        self._money: dict[int, Money] = {}

    def base_query(self, index: int) -> GrantQuery:
        p = self.positions[index]
        options = {**p.options, **self.municipality_options.get(p.municipality, {})}
        return GrantQuery(year=self.years[0], first_grant_year=p.first_grant_year, percent=p.percent,
                          options=options, subject=p.subject,
                          municipality_first_grant_years=self.municipality_years[p.municipality])

    def money(self, ore: int | None) -> Money | None:
        if ore is None:
            return None
        found = self._money.get(ore)
        if found is None:
            found = Money._unchecked(ore)  # an int the engine computed
            if len(self._money) < 4096:
                self._money[ore] = found
        return found

    def row(self, index: int, year_index: int) -> PlanRow:
        p = self.positions[index]
        year = self.years[year_index]
        money = self.money
        cost = Money._unchecked(self.cost[year_index][index])
        return PlanRow(
            municipality=p.municipality, position=p.position, year=year,
            year_in_scheme=year - p.first_grant_year + 1, percent=p.percent_in(year),
            grant=money(self.grant[year_index][index]), cost=cost, own_financing=money(self.own[year_index][index]),
            own_financing_increase=money(self.increase[year_index][index]),
            grant_source=_GRANT_LETTER if year in p.granted else "rule", why=_Why(self, index, year_index),
        )


RowValues = tuple[str, str, int, int, Fraction, "int | None", int, "int | None", "int | None", str]


def _values_of(data: _PlanData) -> Iterator[RowValues]:
    years = data.years
    grants, costs, owns, increases = data.grant, data.cost, data.own, data.increase
    for i, p in enumerate(data.positions):
        for y, year in enumerate(years):
            yield (p.municipality, p.position, year, year - p.first_grant_year + 1,
                   p.percent_in(year), grants[y][i], costs[y][i], owns[y][i],
                   increases[y][i], _GRANT_LETTER if year in p.granted else "rule")


class _PlanRows(Sequence["PlanRow"]):
    """The rows of a plan, position by position and year by year, built when read (not kept)."""

    __slots__ = ("_data", "_years")

    def __init__(self, data: _PlanData) -> None:
        self._data = data
        self._years = len(data.years)

    def __len__(self) -> int:
        return len(self._data.positions) * self._years

    @overload
    def __getitem__(self, index: int) -> PlanRow: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[PlanRow, ...]: ...

    def __getitem__(self, index: int | slice) -> PlanRow | tuple[PlanRow, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("plan row index out of range")
        return self._data.row(*divmod(index, self._years))

    def __iter__(self) -> Iterator[PlanRow]:
        row = self._data.row
        for i in range(len(self._data.positions)):
            for y in range(self._years):
                yield row(i, y)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<{len(self)} plan rows>"


@attrs.frozen(kw_only=True)
class PlanRow:
    """One position in one year: the figures; :attr:`explanation` says why, when asked."""

    municipality: str
    position: str
    year: int
    year_in_scheme: int
    percent: Fraction
    #: ``None`` when it depends on an unknown value.
    grant: Money | None
    cost: Money
    own_financing: Money | None
    #: ``None`` for the first year of the plan or when either year is unknown.
    own_financing_increase: Money | None
    #: ``"rule"`` or ``"grant letter"``.
    grant_source: str
    why: _Why | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def explanation(self) -> Explanation:
        """Why every figure of the row is what it is (built now, from the inputs the plan kept)."""
        if self.why is None:
            raise InvalidValueError(f"{self.municipality} / {self.position} {self.year}: this row was not made by the "
                                    "planner and has no explanation")
        return self.why.explanation(self)

    @property
    def rule_cell(self) -> tuple[str, engine.Cell] | None:
        """The rule cell behind the grant — what the rule gives every position like this one, once
        per plan — as ``(id, cell)``; ``None`` for a row the planner did not make."""
        return None if self.why is None else self.why.rule_cell

    @property
    def year_in_scheme_text(self) -> str:
        """The year in the scheme, or empty before the position's first grant year."""
        return str(self.year_in_scheme) if self.year_in_scheme >= 1 else ""


@attrs.frozen
class Problem:
    """A figure the plan could not compute, and why (with how to fix it)."""

    municipality: str
    position: str
    year: int
    message: str
    #: The rule value that was missing: its rule set (``"kommunalt-rusarbeid 2022"``) and path there.
    rule_set: str | None = None
    path: str | None = None


@attrs.frozen(kw_only=True)
class UnknownValue:
    """A rule value no source gives that a plan needed: once per value, with every position it affects."""

    #: The rule set's key (``"kommunalt-rusarbeid 2022"``) and the value's path there (``"ladder.step_3"``).
    rule_set: str | None
    path: str | None
    #: What the value is, in words (``"Ladder step 3 (…) of kommunalt-rusarbeid 2022"``).
    name: str
    note: str | None
    how_to_supply: str | None
    #: ``"municipality / position"`` of every position whose figures it leaves unknown.
    positions: tuple[str, ...]
    years: tuple[int, ...]


@attrs.frozen
class Discrepancy:
    """A granted amount (from a grant letter) that differs from what the rule gives."""

    municipality: str
    position: str
    year: int
    granted: Money
    by_rule: Money

    @property
    def difference(self) -> Money:
        return self.granted - self.by_rule

    def notice(self) -> Notice:
        return Notice("warning.discrepancy", {
            "subject": f"{self.municipality} / {self.position}", "year": self.year, "granted": self.granted,
            "by_rule": self.by_rule, "difference": self.difference})

    def __str__(self) -> str:
        return self.notice().text("en").removeprefix("discrepancy: ")


@attrs.frozen(kw_only=True)
class YearTotal:
    """Totals of one year (over all positions, or one municipality's)."""

    year: int
    grant: Money | None
    cost: Money
    own_financing: Money | None
    own_financing_increase: Money | None
    #: Positions whose unknown figures make a ``None`` total.
    incomplete_positions: tuple[str, ...] = ()


def year_total(year: int, rows: Sequence[PlanRow], *, increase: bool = True) -> YearTotal:
    """The totals of ``rows`` (one year's): each sum is ``None`` when any of its figures is unknown.

    ``increase=False``: the year has no increase (the first year of a plan without a base year).
    """
    return YearTotal(
        year=year,
        grant=_sum_or_none(r.grant for r in rows),
        cost=sum((r.cost for r in rows), Money.zero()),
        own_financing=_sum_or_none(r.own_financing for r in rows),
        own_financing_increase=_sum_or_none(r.own_financing_increase for r in rows) if increase else None,
        incomplete_positions=tuple(r.position for r in rows if r.grant is None),
    )


def _sum_or_none(values: Iterable[Money | None]) -> Money | None:
    total = Money.zero()
    for v in values:
        if v is None:
            return None
        total = total + v
    return total


def _read_only(value: Mapping[str, str]) -> Mapping[str, str]:
    return value if isinstance(value, MappingProxyType) else MappingProxyType(dict(value))


@attrs.frozen(kw_only=True, repr=False)
class Plan:
    """The result of :func:`plan_municipality`: rows, problems, warnings and the rule sets used."""

    years: tuple[int, ...]
    positions: tuple[Position, ...]
    #: Every position × year, position by position (built from the figures when read).
    rows: Sequence[PlanRow]
    problems: tuple[Problem, ...]
    discrepancies: tuple[Discrepancy, ...]
    #: Every warning for people, once, as wording ids and fields (shown in any language).
    notices: tuple[Notice, ...]
    #: ``{"kommunalt-rusarbeid 2022": sha256-hex, ...}`` of every rule set used (read-only).
    digests: Mapping[str, str] = attrs.field(converter=_read_only)
    #: The scheme planned.
    scheme_id: str = DEFAULT_SCHEME
    #: ``(rule set key, fact path)`` of every rule value a figure used.
    used_facts: frozenset[tuple[str, str]] = frozenset()
    #: The unknown values behind :attr:`problems`, once each (in the order first met).
    unknown_errors: tuple[tuple[UnknownValueError, str, int], ...] = attrs.field(default=(), eq=False)
    #: The year the first year's increase is measured from (kommunalt rusarbeid: 2021), computed but
    #: not planned; ``None`` when the first year's increase is not computed.
    base_year: int | None = None

    @property
    def is_complete(self) -> bool:
        return not self.problems

    def row_values(self) -> Iterator[RowValues]:
        """Each row's figures as plain values, in the order of :attr:`rows`, without building rows.

        ``(municipality, position, year, year_in_scheme, percent, grant, cost, own_financing,
        own_financing_increase, grant_source)`` with amounts in øre (``None`` unknown): for
        writing large plans.
        """
        if isinstance(self.rows, _PlanRows):
            yield from _values_of(self.rows._data)
            return
        for r in self.rows:
            yield (r.municipality, r.position, r.year, r.year_in_scheme, r.percent,
                   None if r.grant is None else r.grant.ore, r.cost.ore,
                   None if r.own_financing is None else r.own_financing.ore,
                   None if r.own_financing_increase is None else r.own_financing_increase.ore, r.grant_source)

    @property
    def warnings(self) -> tuple[str, ...]:
        """The warnings in English (``status: …`` first where a rule value's status is the reason).

        For another language: ``[n.text("nb") for n in plan.notices]``.
        """
        return tuple(n.text("en") for n in self.notices)

    @property
    def scheme_name(self) -> str:
        """The scheme's name as people say it (for headings)."""
        return position_scheme(self.scheme_id).name

    @property
    def municipalities(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.municipality for p in self.positions))

    @functools.cached_property
    def unknowns(self) -> tuple[UnknownValue, ...]:
        """Each unknown rule value the plan needed, once, with the positions and years it affects."""
        groups: dict[tuple[str | None, str | None, str], list[tuple[UnknownValueError, str, int]]] = {}
        for err, subject, year in self.unknown_errors:
            groups.setdefault((err.rule_set, err.path, err.name), []).append((err, subject, year))
        out = []
        for (rule_set, path, name), items in groups.items():
            fact = items[0][0].fact
            out.append(UnknownValue(
                rule_set=rule_set, path=path, name=name, note=fact.note, how_to_supply=fact.how_to_supply,
                positions=tuple(dict.fromkeys(s for _, s, _ in items)),
                years=tuple(sorted({y for _, _, y in items})),
            ))
        return tuple(out)

    @functools.cached_property
    def _rows_by_position(self) -> dict[tuple[str, str], dict[int, PlanRow]]:
        index: dict[tuple[str, str], dict[int, PlanRow]] = {}
        for r in self.rows:
            index.setdefault((r.municipality, r.position), {})[r.year] = r
        return index

    def _position_rows(self, position: str, municipality: str | None) -> dict[int, PlanRow]:
        if municipality is not None:
            found = self._rows_by_position.get((municipality, position))
            if found is None:
                raise KeyError(f"no position {position!r} for {municipality!r} in the plan")
            return found
        matches = [rows for (_, pos), rows in self._rows_by_position.items() if pos == position]
        if not matches:
            names = sorted({pos for _, pos in self._rows_by_position})
            raise KeyError(f"no position {position!r} in the plan; positions: {', '.join(names)}")
        if len(matches) > 1:
            munis = sorted(m for m, pos in self._rows_by_position if pos == position)
            raise KeyError(f"position {position!r} is in several municipalities ({', '.join(munis)}); "
                           "name the municipality")
        return matches[0]

    def row(self, position: str, year: int, municipality: str | None = None) -> PlanRow:
        rows = self._position_rows(position, municipality)
        if year not in rows:
            raise KeyError(f"no row for position {position!r} in {year}; the plan's years: {self.years}")
        return rows[year]

    def explain(self, position: str, year: int, municipality: str | None = None) -> Explanation:
        """Why the figures of ``position`` in ``year`` are what they are (built when asked)."""
        return self.row(position, year, municipality).explanation

    def _total(self, year: int, rows: list[PlanRow]) -> YearTotal:
        return year_total(year, rows, increase=year != self.years[0] or self.base_year is not None)

    @functools.cached_property
    def totals(self) -> Mapping[int, YearTotal]:
        """Per-year totals over every position in the plan (read-only: computed once, kept)."""
        by_year: dict[int, list[PlanRow]] = {y: [] for y in self.years}
        for r in self.rows:
            by_year[r.year].append(r)
        return MappingProxyType({y: self._total(y, rows) for y, rows in by_year.items()})

    def municipality_totals(self, municipality: str) -> Mapping[int, YearTotal]:
        """Per-year totals of one municipality's positions (read-only)."""
        rows = [r for (m, _), by_year in self._rows_by_position.items() if m == municipality for r in by_year.values()]
        return MappingProxyType({y: self._total(y, [r for r in rows if r.year == y]) for y in self.years})

    def takeover_year(self, position: str, municipality: str | None = None) -> int | None:
        """The first year from which the municipality carries the whole position."""
        return takeover_year({y: r.grant for y, r in self._position_rows(position, municipality).items()})

    def __repr__(self) -> str:
        state = "complete" if self.is_complete else f"{len(self.problems)} unknown figure(s)"
        span = f"{self.years[0]}–{self.years[-1]}" if self.years else "no years"
        return (f"<Plan {self.scheme_id}: {len(self.positions)} position(s) in "
                f"{len(self.municipalities)} municipality(ies), {span}, {state}>")

    # -- notebooks and analysis: shown by the output layer, registered from above (nedtrapping.presenters)
    def _repr_markdown_(self) -> str:
        """The plan as Markdown, for a notebook (:func:`nedtrapping.render.plan.to_markdown`)."""
        return str(present("plan.markdown", self))

    def _repr_html_(self) -> str:
        """The plan as HTML, for a notebook (:func:`nedtrapping.render.plan.to_html`)."""
        return str(present("plan.html", self))

    def to_frame(self, *, unit: str = "kroner") -> Any:
        """The plan as a pandas DataFrame (:func:`nedtrapping.frames.to_frame`; extra ``[pandas]``)."""
        return present("plan.frame", self, unit=unit)

    def plot(self, *, lang: str = "nb") -> Any:
        """Grant and own financing per year and municipality, as a matplotlib Figure
        (:func:`nedtrapping.render.chart.plan_figure`; extra ``[plot]``)."""
        return present("plan.figure", self, lang=lang)


# --------------------------------------------------------------------------- the planner


def _plan_years(scheme: PositionScheme, positions: tuple[Position, ...], years: Iterable[int] | None) -> list[int]:
    first_rule_year = scheme.first_rule_year()
    if years is None:
        year_list = list(scheme.default_years)
        earlier = [y for p in positions for y in p.granted if first_rule_year <= y < year_list[0]]
        if earlier:
            year_list = list(range(min(earlier), year_list[-1] + 1))
    else:
        year_list = sorted({require_year(y, "years") for y in years})
        if not year_list:
            raise InvalidValueError("years: give at least one year", field="years", value=[], expected="at least one year")
    if year_list[0] < first_rule_year:
        known = years_of(scheme.scheme_id)
        raise InvalidValueError(
            f"years: {year_list[0]} is before the first rule set of {scheme.scheme_id} ({first_rule_year}); "
            f"it has rule sets for {', '.join(map(str, known))}",
            field="years", value=year_list[0], expected=f"{first_rule_year} or later",
        )
    outside = [f"{p.subject}: granted {y}" for p in positions for y in p.granted if y not in year_list]
    if outside:
        raise InvalidValueError(
            f"granted amounts for years outside the plan ({year_list[0]}–{year_list[-1]}) would be ignored: "
            + "; ".join(outside),
            field="granted", value=outside, expected=f"granted years within {year_list[0]}–{year_list[-1]}",
        )
    return year_list


def _base_year(scheme: PositionScheme, positions: tuple[Position, ...], years: list[int]) -> int | None:
    """The scheme's base year when the plan starts the year after it (else ``None``: no base).

    A cost model of the user's own that cannot give the base year's cost leaves the first
    increase not computed, as without a base.
    """
    base = scheme.base_year
    if base is None or years[0] != base + 1 or base < scheme.first_rule_year():
        return None
    for p in positions:
        if type(p.cost) not in (FixedCost, GrowingCost):
            try:
                cost_figure(p.cost, base, p.percent_in(base) / p.percent)
            except (NedtrappingError, LookupError):
                return None
    return base


def _scheme(scheme: object) -> PositionScheme:
    if isinstance(scheme, str):
        return position_scheme(scheme)
    if all(callable(getattr(scheme, name, None)) for name in ("rules_for", "cell", "rate", "position_notes")):
        return cast(PositionScheme, scheme)
    raise InvalidTypeError(f"scheme: expected a scheme id such as {DEFAULT_SCHEME!r} or a PositionScheme, got "
                           f"{type(scheme).__name__} {scheme!r}", field="scheme", value=scheme,
                           expected="a scheme id or a PositionScheme")


def _supplied_rules(rules: object, scheme: PositionScheme) -> dict[int, RuleSet]:
    """``rules`` checked: a mapping of year to a rule set of that year and of ``scheme``."""
    if rules is None:
        return {}
    if not isinstance(rules, Mapping):
        raise InvalidTypeError(f"rules: expected a mapping of year to rule set (e.g. {{2022: rules}}), got "
                               f"{type(rules).__name__} {getattr(rules, 'key_text', rules)!r}", field="rules",
                               value=rules, expected="a mapping of year to rule set")
    supplied: dict[int, RuleSet] = {}
    for y, r in rules.items():
        require_year(y, "rules")
        field = f"rules[{y}]"
        if not isinstance(r, RuleSet):
            raise InvalidTypeError(f"{field}: expected a RuleSet, got {type(r).__name__} {r!r}", field=field, value=r,
                                   expected="a RuleSet")
        if r.scheme_id != scheme.scheme_id:
            raise InvalidValueError(f"{field} is a rule set of {r.scheme_id}, not of {scheme.scheme_id}", field=field,
                                    value=r.key_text, expected=f"a rule set of {scheme.scheme_id}")
        if r.year != y:
            raise InvalidValueError(f"{field} is the rule set of {r.year}", field=field, value=r.key_text,
                                    expected=f"the rule set of {y}")
        supplied[y] = r
    return supplied


def _check_positions(scheme: PositionScheme, positions: tuple[Position, ...]) -> None:
    seen: set[tuple[str, str]] = set()
    declared = {o.name for o in scheme.options}
    for p in positions:
        if not isinstance(p, Position):
            raise InvalidTypeError(f"positions: expected nedtrapping.plan.Position, got {type(p).__name__} {p!r}",
                                   field="positions", value=p, expected="a Position")
        if p.key in seen:
            raise InvalidValueError(f"position {p.position!r} appears twice for {p.municipality!r}", field="positions",
                                    value=p.subject, expected="each position once per municipality")
        seen.add(p.key)
        for name in p.options:
            if name not in declared:
                raise InvalidValueError(f"{p.subject}: {name} means nothing in {scheme.scheme_id}; leave it out",
                                        field=name, value=p.options[name],
                                        expected=f"None (not an option of {scheme.scheme_id})")


def plan_municipality(
    positions: Iterable[Position],
    *,
    years: Iterable[int] | None = None,
    rules: Mapping[int, RuleSet] | None = None,
    scheme: str | PositionScheme = DEFAULT_SCHEME,
) -> Plan:
    """Plan every position × year under ``scheme`` (a scheme id or a :class:`~nedtrapping.scheme.PositionScheme`).

    ``years`` defaults to the scheme's default years (kommunalt rusarbeid: 2022–2025), with
    earlier years added when a position has a granted amount for them. ``rules`` replaces
    the registered rule set of a year (e.g. one with a ladder step supplied from a grant
    letter).
    """
    chosen = _scheme(scheme)
    if isinstance(positions, (str, bytes, Position)) or not isinstance(positions, Iterable):
        raise InvalidTypeError(f"positions: expected a list of Position, got {type(positions).__name__} {positions!r}",
                               field="positions", value=positions, expected="a list of Position")
    positions = tuple(positions)
    _check_positions(chosen, positions)
    year_list = _plan_years(chosen, positions, years)
    supplied = _supplied_rules(rules, chosen)

    # -- the figures: columns through the engine, once per cell of the rules (the engine refuses
    #    positions of one municipality that disagree on an answer that is the municipality's)
    base = _base_year(chosen, positions, year_list)
    computed = year_list if base is None else [base, *year_list]  # the base year is computed, not planned
    batch, cost_uses = _batch_of(chosen, positions, computed)
    result = batch.plan(years=year_list, rules=supplied, base_year=base)
    years_of_municipality: dict[str, set[int]] = {}
    per_municipality = [o.name for o in chosen.options if o.per_municipality]
    municipality_options: dict[str, dict[str, bool]] = {}
    for p in positions:
        years_of_municipality.setdefault(p.municipality, set()).add(p.first_grant_year)
        for name in per_municipality:
            if name in p.options:
                municipality_options.setdefault(p.municipality, {})[name] = p.options[name]
    data = _PlanData(scheme=chosen, positions=positions, years=tuple(year_list), supplied=supplied, result=result,
                     municipality_years={m: tuple(sorted(y)) for m, y in years_of_municipality.items()},
                     municipality_options=municipality_options)

    # -- provenance, once per cell (in the order the rows first meet them)
    digests: dict[str, str] = {}
    used_facts: set[tuple[str, str]] = set()
    fact_warnings: dict[tuple[Status, str, str | Notice, str], dict[str, None]] = {}
    seen_uses: set[tuple[int, str, str]] = set()

    def note_use(ref: FactRef) -> None:
        # a rule value a figure used: recorded, and warned about once if it is not final
        key_text = ref.rule_set.key_text
        used_facts.add((key_text, ref.path))
        use_key = (id(ref.rule_set), ref.path, ref.name)
        if use_key in seen_uses or ref.fact.status not in WARNING_STATUSES:
            return
        seen_uses.add(use_key)
        use = ref.rule_set.use(ref.name, ref.fact)
        note = use.status is Status.USER_SUPPLIED and bool(use.note)
        value = use.value if not note else words("explain.value_note", value=use.value, note=use.note)
        fact_warnings.setdefault((use.status, use.name, value, str(use.citation)), {})[key_text] = None

    # (position, year, 0 for the grant | 1 for the cost, the rule set, the rule values used), met in the
    # order a row-by-row planner meets them: the grant's cell where a row first meets it, then any cost rules
    events: list[tuple[int, int, int, RuleSet | None, tuple[FactRef, ...]]] = list(cost_uses)
    for year_index, year in enumerate(computed):
        ids = result.cell_ids[year]
        cells = result.cells[year]
        ids_list = ids.tolist() if hasattr(ids, "tolist") else ids
        first_row: dict[int, int] = {}
        for i, c in enumerate(ids_list):
            if c not in first_row:
                first_row[c] = i
                if len(first_row) == len(cells):
                    break
        events.extend((i, year_index, 0, cells[c].rule_set, cells[c].uses) for c, i in first_row.items()
                      if cells[c].rule_set is not None)
    for _, _, kind, rule_set, uses in sorted(events, key=lambda e: (e[0], e[1], e[2])):
        if rule_set is not None:
            digests[rule_set.key_text] = rule_set.digest
        for ref in uses:
            if kind == 1:  # a cost built by rules (SalaryCost) stamps and warns like a grant
                digests[ref.rule_set.key_text] = ref.rule_set.digest
            note_use(ref)

    # -- per position: its notes, grant letters, unknown figures, a grant above the cost
    problems: list[Problem] = []
    unknown_errors: list[tuple[UnknownValueError, str, int]] = []
    discrepancies: list[Discrepancy] = []
    notices: dict[Notice, None] = {}
    grants, rules_amounts, costs, owns = data.grant, data.rule, data.cost, data.own
    for index, p in enumerate(positions):
        subject = p.subject
        notices.update(dict.fromkeys(chosen.position_notes(data.base_query(index), year_list)))
        for year_index, year in enumerate(year_list):
            grant_ore = grants[year_index][index]
            if year in p.granted:
                grant = p.granted[year]
                notices[Notice("warning.grant_letter", {"status": Status.USER_SUPPLIED, "subject": subject,
                                                        "year": year, "amount": grant})] = None
                by_rule = rules_amounts[year_index][index]
                if by_rule is not None and by_rule != grant.ore:
                    discrepancies.append(Discrepancy(p.municipality, p.position, year, grant, Money(by_rule)))
            elif grant_ore is None:
                rule_error = result.cell(year, index).error
                assert rule_error is not None
                problems.append(Problem(p.municipality, p.position, year, str(rule_error),
                                        rule_error.rule_set, rule_error.path))
                unknown_errors.append((rule_error, subject, year))
            own_ore = owns[year_index][index]
            if own_ore is not None and own_ore < 0:
                cost_ore = costs[year_index][index]
                assert grant_ore is not None and cost_ore is not None  # an own financing is known only with both
                notices[Notice("warning.grant_exceeds_cost",
                               {"subject": subject, "year": year, "grant": Money(grant_ore), "cost": Money(cost_ore)})] = None
    fact_notices = [
        Notice("warning.fact", {"status": status, "name": FactName(name), "value": value, "where": ", ".join(sorted(where)),
                                "citation": citation})
        for (status, name, value, citation), where in fact_warnings.items()
    ]
    all_notices = dict.fromkeys([*fact_notices, *notices, *(d.notice() for d in discrepancies)])
    return Plan(
        years=tuple(year_list), positions=positions, rows=_PlanRows(data), problems=tuple(problems),
        discrepancies=tuple(discrepancies), notices=tuple(all_notices), digests=digests,
        scheme_id=chosen.scheme_id, used_facts=frozenset(used_facts), unknown_errors=tuple(unknown_errors),
        base_year=base,
    )


def _batch_of(scheme: PositionScheme, positions: tuple[Position, ...], years: list[int]
              ) -> tuple[engine.Batch, list[tuple[int, int, int, RuleSet | None, tuple[FactRef, ...]]]]:
    """The positions as the engine's columns, and the rule values of costs built by rules.

    A fixed or growing cost is a column (the engine computes it); any other cost model
    (:class:`~nedtrapping.cofinancing.SalaryCost`, a model of the user's own) is computed here,
    position by position, with the rule values it used.
    """
    base: list[int] = []
    cost_year: list[int] = []
    growth: list[Fraction | None] = []
    others: list[int] = []
    for index, p in enumerate(positions):
        c = p.cost
        if type(c) is GrowingCost:
            base.append(c.base.ore)
            cost_year.append(c.base_year)
            growth.append(c.growth_percent)
        elif type(c) is FixedCost:
            base.append(c.annual.ore)
            cost_year.append(years[0])
            growth.append(None)
        else:
            others.append(index)
            base.append(0)
            cost_year.append(years[0])
            growth.append(None)
    cost_in_year: dict[int, list[int | None]] | None = None
    uses: list[tuple[int, int, int, RuleSet | None, tuple[FactRef, ...]]] = []
    if others:
        cost_in_year = {}
        for year_index, year in enumerate(years):
            exact_of: dict[int, int] = {}
            for index in others:
                p = positions[index]
                exact, refs = cost_figure(p.cost, year, p.percent_in(year) / p.percent)
                exact_of[index] = round_half_up_to_kroner(exact).ore
                if refs:
                    uses.append((index, year_index, 1, None, tuple(refs)))
            cost_in_year[year] = [exact_of.get(index) for index in range(len(positions))]
    change_years = sorted({y for p in positions for y in p.percent_changes})
    granted_years = sorted({y for p in positions for y in p.granted})
    batch = engine.batch(
        percent=[p.percent for p in positions],
        first_grant_year=[p.first_grant_year for p in positions],
        cost=base, cost_year=cost_year, growth=growth if any(g is not None for g in growth) else None,
        municipality=[p.municipality for p in positions],
        options={o.name: [p.options.get(o.name) for p in positions] for o in scheme.options
                 if any(o.name in p.options for p in positions)},
        granted={y: [p.granted[y].ore if y in p.granted else None for p in positions] for y in granted_years},
        percent_changes={y: [p.percent_changes.get(y) for p in positions] for y in change_years},
        cost_in_year=cost_in_year, scheme=scheme,
        # the rows are built from Python lists; numpy pays for itself only on large plans
        backend="auto" if len(positions) >= _NUMPY_FROM else "python",
    )
    return batch, uses


#: Plans of this many positions or more use the engine's numpy backend, when numpy is installed.
_NUMPY_FROM = 50_000

