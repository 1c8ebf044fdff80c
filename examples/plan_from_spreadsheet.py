"""Plan from a spreadsheet as a finance officer keeps it, and write the live workbook.

The sheet has a title above the header, a «Merknad» column, a hidden row and a cost a
formula left with six decimals: the reader takes it as it is and says what it did.
(The sheet is made here from the embedded example, so the example runs anywhere.)

Run: .venv/bin/python examples/plan_from_spreadsheet.py
"""

import tempfile
from pathlib import Path

import openpyxl

from nedtrapping.money import Money
from nedtrapping.plan import plan_municipality
from nedtrapping.readers.workbook import read_positions
from nedtrapping.render import plan as render_plan
from nedtrapping.render.xlsx import write_plan_xlsx

folder = Path(tempfile.mkdtemp(prefix="nedtrapping-example-"))
book = openpyxl.Workbook()
ws = book.active
ws.title = "Stillinger"
ws.append(["Rusarbeid — stillinger i økonomiplanen 2022–2025"])
ws.append([])
ws.append(["Kommune", "Stilling", "Stillingsprosent", "Første tilskuddsår", "Årskostnad", "Lønnsvekst", "Merknad"])
ws.append(["Eksempel kommune", "Ruskonsulent", 100, 2021, 780000, 3.5, "fast ansatt"])
ws.append(["Eksempel kommune", "Erfaringskonsulent", 0.5, 2021, 360000.004999, 3.5, None])
ws["C5"].number_format = "0%"  # 50 % typed as a percentage
ws.append(["Eksempel kommune", "Gammel stilling (slettet)", 100, 2019, 650000, None, "skjult"])
ws.row_dimensions[6].hidden = True
ws.append(["Eksempel kommune", "Boveileder", 100, 2018, 700000, 3.5, "vakant fra mars"])
book.save(folder / "stillinger.xlsx")

read = read_positions(folder / "stillinger.xlsx")
for notice in read.notices:
    print("merk:", notice.text("nb"))
assert [p.position for p in read.positions] == ["Ruskonsulent", "Erfaringskonsulent", "Boveileder"]

plan = plan_municipality(read.positions)
print(render_plan.to_text(plan))
assert plan.row("Erfaringskonsulent", 2022).grant == Money.kroner(275_000)  # 50 % of 550 000

out = folder / "plan.xlsx"
write_plan_xlsx(plan, out, extra_columns=read.extra_columns, notes=[n.text("nb") for n in read.notices])
print(f"Arbeidsboken er skrevet: {out}")
