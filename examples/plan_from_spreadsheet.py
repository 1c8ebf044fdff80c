"""Plan the embedded example municipality and print the table and one explanation.

Run: .venv/bin/python examples/plan_from_spreadsheet.py
"""

from nedtrapping.example import example_positions
from nedtrapping.money import Money
from nedtrapping.plan import plan_municipality
from nedtrapping.render import plan as render_plan

plan = plan_municipality(example_positions())
print(render_plan.to_text(plan))
print(plan.explain("Ruskonsulent", 2022).to_text())

# The published phase-down for a 100 % position first funded in 2021.
assert [plan.row("Ruskonsulent", y).grant for y in (2022, 2023, 2024, 2025)] == [
    Money.kroner(550_000), Money.kroner(330_000), Money.kroner(330_000), Money.kroner(0)
]
assert plan.is_complete
