"""A plan's rows and their explanations, built from the engine's columns when they are read.

Why its own module: planning computes columns of figures only (:mod:`nedtrapping.engine`);
a row — and the explanation of its figures, worded from the catalogue — is built when someone
reads it, from the inputs the plan kept. The grant's explanation is the scheme's rate explained
(:func:`nedtrapping.grant.explain`), the same statement the figure came from.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping, Sequence
from fractions import Fraction
from typing import cast, overload

import attrs

from nedtrapping import engine
from nedtrapping.cofinancing import cost_explanation
from nedtrapping.explain import Explanation, FactUse, words
from nedtrapping.grant import Explainer
from nedtrapping.money import Money
from nedtrapping.position import Position
from nedtrapping.provenance import Citation, Status, UnknownValueError
from nedtrapping.readable import read
from nedtrapping.results import PlanRow, RowValues
from nedtrapping.ruleset import RuleSet
from nedtrapping.scheme import GrantQuery, PositionScheme, Rate, options_tuple
from nedtrapping.wording import FactName, Notice

__all__: list[str] = []

_GRANT_LETTER = "grant letter"  # machine: the grant source as the CSV and JSON write it
_ONE = Fraction(1)


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
        return self._data.money(self._data.rule[self._year_index][self._index])

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
        return self._data.money(ore)

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

    def _explain_grant(self) -> Explanation:
        """The grant's explanation: the rate of the position's query (kept per query) explained."""
        data, p = self._data, self.position
        year = data.years[self._year_index]
        percent = p.percent_in(year) if p.percent_changes else p.percent
        return data.explainer.explain_at(data.rate(self._index, self._year_index), year, percent, p.subject)

    def explanation(self, row: PlanRow) -> Explanation:
        year, p = row.year, self.position
        grant = row.grant
        rule_amount = self.rule_amount
        steps: list[Explanation] = []
        if year in p.granted:
            assert grant is not None
            letter_use = FactUse("granted", str(grant), Status.USER_SUPPLIED, _grant_letter_citation(p, year))
            if rule_amount is not None:
                key = "explain.letter.agrees" if rule_amount == grant else "explain.letter.differs"
                steps.append(Explanation(words(key, year=year, rule=rule_amount), grant, (letter_use,),
                                         (self._explain_grant(),)))
            else:
                rule_error = self.rule_error
                assert rule_error is not None
                steps.append(Explanation(words("explain.letter.unchecked", year=year), grant, (letter_use,), (
                    Explanation(words("explain.rule_unknown"), _unknown_words(rule_error)),)))
        elif rule_amount is not None:
            steps.append(self._explain_grant())
        else:
            rule_error = self.rule_error
            assert rule_error is not None
            unknown_use = FactUse.of(rule_error.path or read(rule_error.name), rule_error.fact)
            steps.append(Explanation(words("grant.heading", year=year), words("explain.unknown"), (), (
                Explanation(words("explain.cannot_compute"), _unknown_words(rule_error), (unknown_use,)),)))
        steps.append(cost_explanation(p.cost, year, row.cost, scale=self.scale if p.percent_changes else _ONE))
        own = row.own_financing
        steps.append(Explanation(
            _kept("explain.own_financing"),
            _kept("explain.own_financing.unknown") if own is None
            else words("explain.difference", a=row.cost, b=grant, result=own),
        ))
        previous_own = self.previous_own
        base = self._data.result.base_year
        if self.first:
            figure = _kept("explain.increase.first", year=year)
        elif self.from_base and own is not None and previous_own is None:
            figure = _kept("explain.increase.base_unknown", base=base)
        elif own is None or previous_own is None:
            figure = _kept("explain.increase.unknown")
        elif self.from_base:
            figure = words("explain.increase.from_base", a=own, b=previous_own, base=base,
                           result=row.own_financing_increase)
        else:
            figure = words("explain.difference", a=own, b=previous_own, result=row.own_financing_increase)
        steps.append(Explanation(_kept("explain.increase"), figure))
        return Explanation(words("explain.row", subject=p.subject, year=year, n=row.year_in_scheme, percent=row.percent),
                           None, (), tuple(steps))


@functools.lru_cache(maxsize=1024)
def _kept(key: str, /, **fields: object) -> Notice:
    """Words whose fields repeat from row to row (a year, none), made once and shared (a notice never changes)."""
    return words(key, **fields)


def _unknown_words(error: UnknownValueError) -> Notice:
    """An unknown rule value in words: its name, its rule set and how to supply it."""
    return words("explain.unknown_value", name=FactName(error.path) if error.path else error.name, rule_set=error.rule_set or "",
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
        #: The grant's explanations share what depends on a rate alone.
        self.explainer = Explainer()
        self._rates: dict[tuple[int, int, tuple[tuple[str, object], ...], tuple[int, ...]], Rate] = {}

    def rate(self, index: int, year_index: int) -> Rate:
        """The rate of position ``index`` in year ``year_index``, asked of the scheme once per query.

        A rate depends on the query without its percentage and subject (:meth:`PositionScheme.cell
        <nedtrapping.scheme.PositionScheme.cell>`), so positions of equal first grant year, options and
        municipality years share it.
        """
        p = self.positions[index]
        extra = self.municipality_options.get(p.municipality)
        options = options_tuple({**p.options, **extra} if extra else p.options) if p.options or extra else ()
        key = (year_index, p.first_grant_year, options, self.municipality_years[p.municipality])
        found = self._rates.get(key)
        if found is None:
            year = self.years[year_index]
            query = attrs.evolve(self.base_query(index), year=year, percent=p.percent_in(year))
            found = self._rates[key] = self.scheme.rate(query, self.supplied.get(year))
        return found

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
            year_in_scheme=year - p.first_grant_year + 1, percent=p.percent_in(year) if p.percent_changes else p.percent,
            grant=money(self.grant[year_index][index]), cost=cost, own_financing=money(self.own[year_index][index]),
            own_financing_increase=money(self.increase[year_index][index]),
            grant_source=_GRANT_LETTER if year in p.granted else "rule", why=_Why(self, index, year_index),
        )




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
            raise IndexError("plan row index out of range")  # developer: Python's own wording
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

    def position_rows(self, index: int) -> dict[int, PlanRow]:
        """The rows of the position at ``index``, by year (built now, only these)."""
        row, years = self._data.row, self._data.years
        return {year: row(index, y) for y, year in enumerate(years)}

    def row_values(self) -> Iterator[RowValues]:
        """Each row's figures as plain values, read from the columns (no row is built)."""
        return _values_of(self._data)


