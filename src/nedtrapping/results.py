"""What a plan is: its rows, totals, problems, unknown values and discrepancies (the planner's result).

Why its own module: the result is read by notebooks, renderers and services long after the
planner ran; it holds figures and their provenance, and asks the output layer for views only
through presenters registered from above (:mod:`nedtrapping.presenters`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Protocol

import attrs

from nedtrapping import engine
from nedtrapping.cofinancing import takeover_year
from nedtrapping.errors import InvalidValueError, NedtrappingError
from nedtrapping.explain import Explanation
from nedtrapping.money import Money
from nedtrapping.position import Position
from nedtrapping.presenters import present
from nedtrapping.provenance import UnknownValueError
from nedtrapping.readable import DEFAULT_LANG, Lang, Readable
from nedtrapping.registry import DEFAULT_SCHEME, position_scheme
from nedtrapping.ruleset import RuleSet
from nedtrapping.validators import require_year
from nedtrapping.wording import Notice

#: One row's figures as plain values (:meth:`Plan.row_values`): municipality, position, year, year in the
#: scheme, percent, grant, cost, own financing, increase (øre, ``None`` unknown) and the grant's source.
RowValues = tuple[str, str, int, int, Fraction, "int | None", int, "int | None", "int | None", str]


class RowWhy(Protocol):
    """Where a row's explanation comes from: the planner's kept inputs (:mod:`nedtrapping.plan_rows`)."""

    def explanation(self, row: PlanRow) -> Explanation: ...

    @property
    def rule_cell(self) -> tuple[str, engine.Cell]: ...

    @property
    def rules(self) -> RuleSet | None:
        """The rule set supplied for the row's year (``None``: the registered one)."""
        ...


__all__ = ["PlanRow", "YearTotal", "year_total", "Problem", "UnknownValue", "Discrepancy", "Plan", "RowValues", "RowWhy",
           "NotInPlanError"]


class NotInPlanError(NedtrappingError, KeyError):
    """A position (or a year of it) the plan does not have; the message names what it has."""

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
    why: RowWhy | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def explanation(self) -> Explanation:
        """Why every figure of the row is what it is (built now, from the inputs the plan kept)."""
        if self.why is None:
            raise InvalidValueError(Notice("model.results.no_explanation", {
                "subject": f"{self.municipality} / {self.position}", "year": self.year}))
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
    #: Why, in words (the error itself: ``problem.message.text("en")`` in English).
    message: Readable
    #: The rule value that was missing: its rule set (``"kommunalt-rusarbeid 2022"``) and path there.
    rule_set: str | None = None
    path: str | None = None


@attrs.frozen(kw_only=True)
class UnknownValue:
    """A rule value no source gives that a plan needed: once per value, with every position it affects."""

    #: The rule set's key (``"kommunalt-rusarbeid 2022"``) and the value's path there (``"ladder.step_3"``).
    rule_set: str | None
    path: str | None
    #: What the value is, in words (``trinn 3 i årsstigen i kommunalt-rusarbeid 2022``).
    name: str | Readable
    note: Readable | None
    how_to_supply: Readable | None
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

    def text(self, lang: Lang = DEFAULT_LANG, /) -> str:
        """The discrepancy in words (the warning without its «avvik:» / "discrepancy:" in front)."""
        return Notice("model.discrepancy", dict(self.notice().fields)).text(lang)

    def __str__(self) -> str:
        return self.text(DEFAULT_LANG)


@attrs.frozen(kw_only=True)
class YearTotal:
    """Totals of one year (over all positions, or one municipality's)."""

    year: int
    grant: Money | None
    cost: Money
    own_financing: Money | None
    own_financing_increase: Money | None
    #: The positions (``"Kommune / Stilling"``) whose unknown figures make a total of the year ``None``:
    #: an unknown grant, own financing or increase.
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
        incomplete_positions=tuple(f"{r.municipality} / {r.position}" for r in rows
                                   if r.grant is None or r.own_financing is None
                                   or (increase and r.own_financing_increase is None)),
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
    """The result of :func:`~nedtrapping.plan.plan_municipality`: rows, problems, warnings and the rule sets used."""

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
        fast = getattr(self.rows, "row_values", None)  # rows the planner built: their columns, read directly
        if fast is not None:
            yield from fast()
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
        groups: dict[tuple[str | None, str | None, str | Readable], list[tuple[UnknownValueError, str, int]]] = {}
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

    @functools.cached_property
    def _planned_positions(self) -> dict[tuple[str, str], int] | None:
        """``(municipality, position)`` → index, when the rows are the planner's (built per position when read)."""
        if not callable(getattr(self.rows, "position_rows", None)):
            return None
        return {(p.municipality, p.position): i for i, p in enumerate(self.positions)}

    def _position_rows(self, position: str, municipality: str | None) -> dict[int, PlanRow]:
        planned = self._planned_positions
        # the planner's rows: one position's rows, built now (no row of the whole plan is built or kept)
        index: Mapping[tuple[str, str], object] = planned if planned is not None else self._rows_by_position

        def rows_of(key: tuple[str, str]) -> dict[int, PlanRow]:
            if planned is not None:
                found: dict[int, PlanRow] = self.rows.position_rows(planned[key])  # type: ignore[attr-defined]
                return found
            return self._rows_by_position[key]

        if municipality is not None:
            if (municipality, position) not in index:
                raise NotInPlanError(Notice("model.results.no_position_in", {"position": position,
                                                                             "municipality": municipality}),
                                     field="position", value=position)
            return rows_of((municipality, position))
        matches = [key for key in index if key[1] == position]
        if not matches:
            names = sorted({pos for _, pos in index})
            raise NotInPlanError(Notice("model.results.no_position", {"position": position, "positions": ", ".join(names)}),
                                 field="position", value=position)
        if len(matches) > 1:
            munis = sorted(m for m, _ in matches)
            raise NotInPlanError(Notice("model.results.several", {"position": position, "municipalities": ", ".join(munis)}),
                                 field="municipality", value=None)
        return rows_of(matches[0])

    def row(self, position: str, year: int, municipality: str | None = None) -> PlanRow:
        require_year(year, "year")  # '2022' is not 2022: said so, not "no row in 2022"
        rows = self._position_rows(position, municipality)
        if year not in rows:
            raise NotInPlanError(Notice("model.results.no_year", {"position": position, "year": year,
                                                                  "years": ", ".join(map(str, self.years))}),
                                 field="year", value=year)
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
        state = "complete" if self.is_complete else f"{len(self.problems)} unknown figure(s)"  # developer: a repr
        span = f"{self.years[0]}–{self.years[-1]}" if self.years else "no years"  # developer: a repr
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


