"""JSON for a service: the plan document, its shipped JSON Schema, and the plan back from the JSON.

Run: .venv/bin/python examples/json_for_services.py
"""

import json

from nedtrapping.documents import plan_from_json, plan_schema, positions_to_dict, validate
from nedtrapping.example import example_positions
from nedtrapping.plan import plan_municipality
from nedtrapping.render.plan import to_json

plan = plan_municipality(example_positions())
text = to_json(plan)
document = json.loads(text)
validate(document)  # against nedtrapping/schemas/plan.schema.json (needs jsonschema)
print(plan_schema()["title"], "— keys:", ", ".join(list(document)[:6]), "…")
print("digests:", document["rule_set_digests"])

again = plan_from_json(text)  # planned again, and checked against the document's digests and figures
assert again.rows == plan.rows

validate(positions_to_dict(example_positions()), "positions")
