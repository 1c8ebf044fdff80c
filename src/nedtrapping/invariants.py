"""The invariants of a plan, as functions you can call from your own tests.

Why: a service that embeds the library (or a case handler's spreadsheet check)
can assert the same properties the library's own test-suite proves, on its own
data: ``assert not plan_violations(plan)``.
"""

from __future__ import annotations

from nedtrapping.money import Money
from nedtrapping.plan import Plan

__all__ = ["plan_violations"]


def plan_violations(plan: Plan, *, last_grant_year: int = 2024, max_years: int = 4) -> list[str]:
    """Every broken invariant in ``plan`` (empty when all hold).

    * grant + own financing = full cost, in every row with a known grant;
    * no grant after ``last_grant_year`` or outside years 1..``max_years`` in the scheme;
    * an unknown grant leaves own financing, its increase and the year totals unknown (never 0);
    * a year's totals are the exact sums of its rows;
    * the increase is the difference of consecutive own financings.
    """
    problems: list[str] = []
    previous: dict[tuple[str, str], Money | None] = {}
    for r in plan.rows:
        where = f"{r.municipality} / {r.position} {r.year}"
        if r.grant is None:
            if r.own_financing is not None or r.own_financing_increase is not None:
                problems.append(f"{where}: the grant is unknown but own financing is not")
        else:
            if r.own_financing is None or r.grant + r.own_financing != r.cost:
                problems.append(f"{where}: grant {r.grant} + own financing {r.own_financing} != cost {r.cost}")
            if r.grant.ore != 0 and r.grant_source == "rule" and (
                r.year > last_grant_year or not 1 <= r.year_in_scheme <= max_years
            ):
                problems.append(f"{where}: a grant of {r.grant} outside the grant years")
        key = (r.municipality, r.position)
        if key in previous:
            last = previous[key]
            if r.own_financing is not None and last is not None:
                if r.own_financing_increase != r.own_financing - last:
                    problems.append(f"{where}: increase {r.own_financing_increase} != {r.own_financing} - {last}")
            elif r.own_financing_increase is not None:
                problems.append(f"{where}: an increase over an unknown own financing")
        previous[key] = r.own_financing
    for year, total in plan.totals.items():
        rows = [r for r in plan.rows if r.year == year]
        if total.cost != sum((r.cost for r in rows), Money.zero()):
            problems.append(f"{year}: the cost total is not the sum of the rows")
        if any(r.grant is None for r in rows):
            if total.grant is not None or total.own_financing is not None:
                problems.append(f"{year}: a total includes an unknown grant as if it were known")
        elif total.grant != sum((r.grant for r in rows if r.grant is not None), Money.zero()):
            problems.append(f"{year}: the grant total is not the sum of the rows")
    return problems
