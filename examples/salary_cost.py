"""The full cost of a position built from its salary, and the own financing that follows.

A full-time position, annual salary 600 000 kr growing 3.5 % a year from 2022, in zone 1, with the
municipal sector's 12 % holiday pay and a pension premium of 12.5 % (your own rate: there is no default).
Every component of the cost is printed with the rule value and source it rests on.

Run: .venv/bin/python examples/salary_cost.py
"""

from nedtrapping.cofinancing import SalaryCost
from nedtrapping.costs.lonnskostnader import exact_text
from nedtrapping.money import Money
from nedtrapping.plan import Position, plan_municipality
from nedtrapping.provenance import UnknownValueError

cost = SalaryCost(Money.kroner(600_000), percent=100, zone="1", holiday_pay="12", pension_percent="12,5",
                  growth_percent="3,5", salary_year=2022)
position = Position(municipality="Eksempel kommune", position="Ruskonsulent", percent=100,
                    first_grant_year=2021, cost=cost)
plan = plan_municipality([position])

for year in plan.years:
    row = plan.row("Ruskonsulent", year)
    print(f"{year}: cost {row.cost}, grant {row.grant}, own financing {row.own_financing}")

print()
print("The cost of 2024, component by component:")
breakdown = cost.breakdown(2024)
for component in breakdown.components:
    print(f"  {component.key:28} {exact_text(component.amount)}")
print(f"  {'total (rounded once)':28} {breakdown.total}")

print()
print(plan.explain("Ruskonsulent", 2024).to_text())

# the components add up to the total exactly, and the plan uses the same figure
assert sum(c.amount.ore for c in breakdown.components) == breakdown.exact_total.ore
assert plan.row("Ruskonsulent", 2024).cost == breakdown.total

# no pension rate: an explained error, never 0
try:
    SalaryCost(Money.kroner(600_000), zone="1")
except UnknownValueError as missing:
    print()
    print(missing)
else:
    raise AssertionError("a missing pension rate must be refused")
