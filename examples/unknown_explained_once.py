"""An unknown value is explained once, with every position it leaves unknown — never as 0.

Two positions first funded in 2020 both need ladder step 3 in 2022, which no public
source gives. The plan says so once and tells how to supply the amount.

Run: .venv/bin/python examples/unknown_explained_once.py
"""

from nedtrapping.cofinancing import FixedCost
from nedtrapping.money import Money
from nedtrapping.plan import Position, plan_municipality
from nedtrapping.render.plan import to_text

plan = plan_municipality([
    Position(municipality="Eksempel kommune", position=name, percent=100, first_grant_year=2020,
             cost=FixedCost(Money.kroner(700_000)))
    for name in ("Ruskonsulent", "Miljøterapeut")
])
text = to_text(plan)
print(text)
(unknown,) = plan.unknowns
assert unknown.path == "ladder.step_3" and len(unknown.positions) == 2
assert text.count("Trinn 3 i årsstigen") == 1  # named once, in bokmål
assert plan.row("Ruskonsulent", 2022).grant is None  # unknown, not 0
