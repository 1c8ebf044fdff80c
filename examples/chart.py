"""A chart for the budget meeting: grant and own financing per year, the takeover year marked.

Needs the [plot] extra: pip install 'nedtrapping[plot]'.
Command line: nedtrapping plan positions.csv --chart plan.png  (or .svg)

Run: .venv/bin/python examples/chart.py
"""

import tempfile
from pathlib import Path

from nedtrapping.example import example_positions
from nedtrapping.plan import plan_municipality
from nedtrapping.render.chart import write_chart

plan = plan_municipality(example_positions())
path = Path(tempfile.mkdtemp()) / "plan.png"
write_chart(plan, path)  # Norwegian labels; lang="en" for English
print(f"wrote {path} ({path.stat().st_size} bytes)")
figure = plan.plot()  # in a notebook, the Figure shows itself
assert figure.get_axes()[0].get_title(loc="left") == "Tilskudd og egenfinansiering — Eksempel kommune"
assert path.read_bytes()[:4] == b"\x89PNG"
