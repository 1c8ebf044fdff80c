"""A position first funded in 2020 is in year 3 of the ladder in 2022, and step 3 is not public.

The library refuses to guess; supply the amount from your grant letter (tilsagnsbrev).
The amount below is a placeholder for the figure in *your* letter, not a rule value.

Run: .venv/bin/python examples/supply_ladder_step.py
"""

from nedtrapping.cofinancing import FixedCost
from nedtrapping.money import Money
from nedtrapping.plan import Position, plan_municipality
from nedtrapping.provenance import Status, UnknownValueError
from nedtrapping.render import plan as render_plan
from nedtrapping.schemes.kommunalt_rusarbeid import compute_grant, rules_for

try:
    compute_grant(2022, first_grant_year=2020, percent=100)
except UnknownValueError as exc:
    print("Refused:", exc)
else:
    raise SystemExit("an unknown ladder step must not be computed")

AMOUNT_FROM_MY_LETTER = Money.kroner(450_000)  # placeholder: read it from your own grant letter
rules = rules_for(2022).with_ladder_step(3, AMOUNT_FROM_MY_LETTER, "Tilsagnsbrev 2022, Eksempel kommune")
assert rules.ladder is not None and rules.ladder.step_3.status is Status.USER_SUPPLIED
assert rules.digest != rules_for(2022).digest  # a derived rule set, the original untouched

position = Position(municipality="Eksempel kommune", position="Oppsøkende team", percent=80,
                    first_grant_year=2020, cost=FixedCost(Money.kroner(640_000)))
plan = plan_municipality([position], rules={2022: rules})
print(render_plan.to_text(plan))
assert plan.row("Oppsøkende team", 2022).grant == Money.kroner(360_000)  # 80 % of the supplied amount
assert plan.row("Oppsøkende team", 2023).grant == Money.kroner(264_000)  # 80 % of 330 000, year 4
assert plan.row("Oppsøkende team", 2024).grant == Money.kroner(0)  # year 5: out of its four years
