"""A plan's rows grouped by municipality and position in one pass, for the renderers.

Why: a table per municipality must not walk the whole plan once per municipality, and a
plan's rows are built when read (:attr:`nedtrapping.plan.Plan.rows`). :class:`PlanGroups`
reads every row once, keeps it, and answers what the renderers ask per municipality —
its rows, its totals per year, each position's takeover year — from that one pass, with
the same figures as :meth:`~nedtrapping.plan.Plan.municipality_totals` and
:meth:`~nedtrapping.plan.Plan.takeover_year`. Everything here costs time in proportion
to the plan's rows, whatever the number of municipalities.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from nedtrapping.cofinancing import takeover_year
from nedtrapping.plan import Plan, PlanRow, Position, YearTotal, year_total

__all__ = ["PlanGroups"]



class PlanGroups:
    """Every row of ``plan`` read once, grouped by municipality (and by position and year)."""

    __slots__ = ("plan", "rows", "letters", "_by_municipality", "_by_position", "_positions", "_totals")

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        #: Every row, in the order of :attr:`Plan.rows` (each built once).
        self.rows: list[PlanRow] = list(plan.rows)
        #: Whether any grant comes from a grant letter rather than the rule.
        self.letters = False
        by_municipality: dict[str, list[PlanRow]] = {}
        # municipality → position → year → row; a later row of the same key replaces an earlier one, as in Plan
        by_position: dict[str, dict[str, dict[int, PlanRow]]] = {}
        for r in self.rows:
            by_municipality.setdefault(r.municipality, []).append(r)
            by_position.setdefault(r.municipality, {}).setdefault(r.position, {})[r.year] = r
            if r.grant_source != "rule":
                self.letters = True
        self._by_municipality = by_municipality
        self._by_position = by_position
        positions: dict[str, list[Position]] = {}
        for p in plan.positions:
            positions.setdefault(p.municipality, []).append(p)
        self._positions = positions
        self._totals: dict[str, Mapping[int, YearTotal]] = {}

    def municipality_rows(self, municipality: str) -> list[PlanRow]:
        """The municipality's rows, in the plan's order."""
        return self._by_municipality.get(municipality, [])

    def positions(self, municipality: str) -> list[Position]:
        """The municipality's positions, in the plan's order."""
        return self._positions.get(municipality, [])

    def municipality_totals(self, municipality: str) -> Mapping[int, YearTotal]:
        """:meth:`Plan.municipality_totals`, from the grouped rows (computed once per municipality)."""
        found = self._totals.get(municipality)
        if found is None:
            years = self.plan.years
            by_year: dict[int, list[PlanRow]] = {y: [] for y in years}
            for rows in self._by_position.get(municipality, {}).values():
                for r in rows.values():
                    if r.year in by_year:
                        by_year[r.year].append(r)
            found = self._totals[municipality] = MappingProxyType({
                y: year_total(y, rows, increase=y != years[0] or self.plan.base_year is not None)
                for y, rows in by_year.items()
            })
        return found

    def takeover_year(self, position: str, municipality: str) -> int | None:
        """:meth:`Plan.takeover_year` of one position of one municipality, from the grouped rows."""
        rows = self._by_position.get(municipality, {}).get(position)
        if rows is None:  # no rows: the plan says why
            return self.plan.takeover_year(position, municipality)
        return takeover_year({y: r.grant for y, r in rows.items()})
