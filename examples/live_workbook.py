"""A live workbook: own financing, the increase and the totals are formulas; edit a cost and they follow.

Command line: nedtrapping plan positions.xlsx --out plan.xlsx   (--lang en for English sheets)

Run: .venv/bin/python examples/live_workbook.py
"""

import tempfile
from pathlib import Path

import openpyxl

from nedtrapping.example import example_positions
from nedtrapping.plan import plan_municipality
from nedtrapping.render.xlsx import plan_xlsx_bytes, write_plan_xlsx

plan = plan_municipality(example_positions())
path = Path(tempfile.mkdtemp()) / "plan.xlsx"
write_plan_xlsx(plan, path)

book = openpyxl.load_workbook(path)
print(book.sheetnames)
ws = book["Plan"]
print([c.value for c in ws[1]])
print("H2:", ws["H2"].value)             # own financing = full cost − grant
print("I6:", ws["I6"].value)             # the increase over the same position's last year
print("Totaler C2:", book["Totaler"]["C2"].value)  # SUM over the municipality's year
assert ws["H2"].value.startswith("=IF(")
assert book.sheetnames == ["Plan", "Totaler", "Regler", "Advarsler", "Forklaringer", "Regelsett"]

# cached values are the library's figures, so a viewer that does not calculate shows them too
values = openpyxl.load_workbook(path, data_only=True)["Plan"]
assert values["H2"].value == 230_000
# the same plan gives the same bytes
assert plan_xlsx_bytes(plan) == path.read_bytes()
