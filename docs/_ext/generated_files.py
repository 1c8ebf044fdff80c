"""Sphinx extension: the files the pages show or offer, made by the library while the docs are built.

Why: a picture or a download kept in the repository drifts from the library that made
it. These are made again on every build, by the library's own code:

* ``_generated/eksempel-kommune.png`` — the phase-down chart of the embedded example
  municipality (:func:`nedtrapping.render.chart.chart_bytes`, matplotlib's Agg canvas),
  shown in the tutorial and on the page that explains nedtrapping;
* ``_generated/stillinger.xlsx`` — the tutorial's positions (``tutorial/stillinger.csv``)
  as an Excel workbook, to download and edit.

The folder ``docs/_generated/`` is not kept in git. A file is replaced atomically and
only when its bytes change, so two builds at once never read half a file.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Any

__all__ = ["GENERATED", "EXAMPLE_CHART", "TUTORIAL_CSV", "TUTORIAL_XLSX", "example_chart_png",
           "positions_workbook_bytes", "generate", "setup"]

DOCS = Path(__file__).resolve().parent.parent
#: Where the generated files go (relative to the docs: ``/_generated/...``).
GENERATED = DOCS / "_generated"
EXAMPLE_CHART = GENERATED / "eksempel-kommune.png"
TUTORIAL_CSV = DOCS / "tutorial" / "stillinger.csv"
TUTORIAL_XLSX = GENERATED / "stillinger.xlsx"


def example_chart_png() -> bytes:
    """The chart of the embedded example municipality's plan, as the library draws it (PNG)."""
    from nedtrapping.example import example_positions
    from nedtrapping.plan import plan_municipality
    from nedtrapping.render.chart import chart_bytes

    return chart_bytes(plan_municipality(example_positions()), "png")


def positions_workbook_bytes(csv_path: Path = TUTORIAL_CSV) -> bytes:
    """The positions of a ``;`` CSV as an .xlsx a finance officer would keep: numbers as numbers, bold header."""
    import openpyxl
    from openpyxl.styles import Font

    rows = list(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8-sig")), delimiter=";"))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Stillinger"
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row, start=1):
            value: object = text
            number = text.replace(" ", "").replace(",", ".")
            if r > 1 and number and number.replace(".", "", 1).isdigit():
                value = float(number) if "." in number else int(number)
            sheet.cell(row=r, column=c, value=value if value != "" else None)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDEFG", (18, 20, 16, 18, 12, 11, 16)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _write(path: Path, data: bytes) -> None:
    if path.exists() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def generate(app: Any = None) -> None:
    """Make every generated file (connected to ``builder-inited``)."""
    _write(EXAMPLE_CHART, example_chart_png())
    _write(TUTORIAL_XLSX, positions_workbook_bytes())


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", generate)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
