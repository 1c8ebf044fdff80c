"""The plan as CSV for Norwegian Excel: ';', a UTF-8 BOM, decimal comma and Norwegian headers.

Double-click the file and Excel opens it in columns, with «Bodø» as Bodø. The machine
CSV (`to_csv`, `--format csv`) keeps its stable English columns for programs.
Command line: nedtrapping plan positions.csv --format excel --out plan.csv

Run: .venv/bin/python examples/norwegian_excel_csv.py
"""

import tempfile
from pathlib import Path

from nedtrapping.example import example_positions
from nedtrapping.plan import plan_municipality
from nedtrapping.render.plan import to_csv, to_excel_csv

plan = plan_municipality(example_positions())
text = to_excel_csv(plan)
path = Path(tempfile.mkdtemp()) / "plan.csv"
path.write_text(text, encoding="utf-8")

raw = path.read_bytes()
assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
header, first = text.lstrip("\ufeff").splitlines()[:2]
print(header)
print(first)
assert header.startswith("Kommune;Stilling;År;")
assert ";100;550000;780000;230000;" in first
assert to_csv(plan).startswith("municipality,position,year")  # for programs: unchanged
