"""A live workbook: the rates live on the Satser sheet; grant, cost, own financing, the increase and the totals
are formulas over input cells; type in a rate from the grant letter, or edit a cost, and they follow.

Command line: nedtrapping plan positions.xlsx --out plan.xlsx   (--lang en for English sheets)
Blank workbook without Python: nedtrapping mal --out mal.xlsx

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
print(ws["A1"].value)                    # the title; then scheme, rule-set digests, version, completeness line
print([c.value for c in ws[8]][:9])      # the header row
print("E10:", ws["E10"].value)           # the grant: the rate looked up on Satser × the percentage, rounded
print("G10:", ws["G10"].value)           # own financing = full cost − grant
assert ws["E10"].value.startswith("=IF(") and "Satser!" in ws["E10"].value
assert book.sheetnames == ["Plan", "Satser", "Totaler", "Økonomiplan", "Regler", "Advarsler", "Forklaringer", "Regelsett"]

# cached values are the library's figures, so a viewer that does not calculate shows them too
values = openpyxl.load_workbook(path, data_only=True)["Plan"]
assert (values["B10"].value, values["C10"].value, values["G10"].value) == ("Ruskonsulent", 2022, 230_000)
# the same plan gives the same bytes
assert plan_xlsx_bytes(plan) == path.read_bytes()
