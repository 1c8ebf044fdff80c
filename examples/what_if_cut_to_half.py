"""What-if: a 100 % position cut to 50 % from 2023. Nothing is mutated; both plans coexist.

Run: .venv/bin/python examples/what_if_cut_to_half.py
"""

from nedtrapping.cofinancing import GrowingCost
from nedtrapping.money import Money
from nedtrapping.plan import Position, plan_municipality

today = Position(municipality="Eksempel kommune", position="Ruskonsulent", percent=100,
                 first_grant_year=2021, cost=GrowingCost(Money.kroner(780_000), 2022, "3.5"))
what_if = today.with_percent_from(2023, 50)

base, cut = plan_municipality([today]), plan_municipality([what_if])
for year in base.years:
    b, c = base.row("Ruskonsulent", year), cut.row("Ruskonsulent", year)
    print(f"{year}: own financing {b.own_financing} -> {c.own_financing} (grant {b.grant} -> {c.grant})")

assert cut.row("Ruskonsulent", 2023).grant == Money.kroner(165_000)
assert today.percent_in(2023) == 100  # the original position is untouched
