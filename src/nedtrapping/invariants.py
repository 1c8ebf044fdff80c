"""The invariants of a plan, as functions you can call from your own tests.

Why: a service that embeds the library (or a case handler's spreadsheet check)
can assert the same properties the library's own test-suite proves, on its own
data: ``assert not plan_violations(plan)``.
"""

from __future__ import annotations

from nedtrapping.money import Money
from nedtrapping.plan import Plan
from nedtrapping.wording import Notice

__all__ = ["plan_violations"]


def plan_violations(plan: Plan, *, last_grant_year: int = 2024, max_years: int = 4) -> list[Notice]:
    """Every broken invariant in ``plan`` (empty when all hold), each in words (``str()`` in bokmål, ``.text("en")``).

    * grant + own financing = full cost, in every row with a known grant;
    * no grant after ``last_grant_year`` or outside years 1..``max_years`` in the scheme;
    * an unknown grant leaves own financing, its increase and the year totals unknown (never 0);
    * a year's totals are the exact sums of its rows;
    * the increase is the difference of consecutive own financings.
    """
    problems: list[Notice] = []
    previous: dict[tuple[str, str], Money | None] = {}
    for r in plan.rows:
        where = f"{r.municipality} / {r.position} {r.year}"
        if r.grant is None:
            if r.own_financing is not None or r.own_financing_increase is not None:
                problems.append(Notice("model.invariant.grant_unknown", {"where": where}))
        else:
            if r.own_financing is None or r.grant + r.own_financing != r.cost:
                problems.append(Notice("model.invariant.sum", {"where": where, "grant": r.grant, "cost": r.cost,
                                                               "own": str(r.own_financing)}))
            if r.grant.ore != 0 and r.grant_source == "rule" and (
                r.year > last_grant_year or not 1 <= r.year_in_scheme <= max_years
            ):
                problems.append(Notice("model.invariant.outside", {"where": where, "grant": r.grant}))
        key = (r.municipality, r.position)
        if key in previous:
            last = previous[key]
            if r.own_financing is not None and last is not None:
                if r.own_financing_increase != r.own_financing - last:
                    problems.append(Notice("model.invariant.increase", {
                        "where": where, "increase": str(r.own_financing_increase), "own": r.own_financing, "last": last}))
            elif r.own_financing_increase is not None:
                problems.append(Notice("model.invariant.increase_unknown", {"where": where}))
        previous[key] = r.own_financing
    for year, total in plan.totals.items():
        rows = [r for r in plan.rows if r.year == year]
        if total.cost != sum((r.cost for r in rows), Money.zero()):
            problems.append(Notice("model.invariant.cost_total", {"year": year}))
        if any(r.grant is None for r in rows):
            if total.grant is not None or total.own_financing is not None:
                problems.append(Notice("model.invariant.total_unknown", {"year": year}))
        elif total.grant != sum((r.grant for r in rows if r.grant is not None), Money.zero()):
            problems.append(Notice("model.invariant.grant_total", {"year": year}))
    return problems
