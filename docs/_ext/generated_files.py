"""Sphinx extension: the files the pages show or offer, made by the library while the docs are built.

Why: a picture or a download kept in the repository drifts from the library that made
it. These are made again on every build, by the library's own code:

* ``_generated/eksempel-kommune.png`` — the phase-down chart of the embedded example
  municipality (:func:`nedtrapping.render.chart.chart_bytes`, matplotlib's Agg canvas),
  shown in the tutorial and on the page that explains nedtrapping;
* ``_generated/stillinger.xlsx`` — the tutorial's positions (``tutorial/stillinger.csv``)
  as an Excel workbook, to download and edit;
* ``_generated/ukjent-trinn.png`` — the chart of the tutorial's positions before the grant
  letter's amount is given (step 4): 2022 has an unknown grant, drawn as the hatched «ukjent» bar;
* ``_generated/aar-i-ordningen.png`` — the grant per 100 % position of kommunalt rusarbeid for
  each first grant year × budget year, as the library's rule sets give it (an unknown step shown
  as unknown, never as 0).

The folder ``docs/_generated/`` is not kept in git. A file is replaced atomically and
only when its bytes change, so two builds at once never read half a file.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Any

__all__ = ["GENERATED", "EXAMPLE_CHART", "UNKNOWN_CHART", "YEARS_GRID", "TUTORIAL_CSV", "TUTORIAL_XLSX",
           "example_chart_png", "unknown_chart_png", "years_grid", "years_grid_png", "positions_workbook_bytes",
           "generate", "setup"]

DOCS = Path(__file__).resolve().parent.parent
#: Where the generated files go (relative to the docs: ``/_generated/...``).
GENERATED = DOCS / "_generated"
EXAMPLE_CHART = GENERATED / "eksempel-kommune.png"
TUTORIAL_CSV = DOCS / "tutorial" / "stillinger.csv"
TUTORIAL_XLSX = GENERATED / "stillinger.xlsx"
UNKNOWN_CHART = GENERATED / "ukjent-trinn.png"
YEARS_GRID = GENERATED / "aar-i-ordningen.png"


def example_chart_png() -> bytes:
    """The chart of the embedded example municipality's plan, as the library draws it (PNG)."""
    from nedtrapping.example import example_positions
    from nedtrapping.plan import plan_municipality
    from nedtrapping.render.chart import chart_bytes

    return chart_bytes(plan_municipality(example_positions()), "png")


def unknown_chart_png() -> bytes:
    """The chart of the tutorial's positions with no amount from the grant letter: 2022 is unknown."""
    from nedtrapping.plan import plan_municipality
    from nedtrapping.readers.table import read_positions_csv
    from nedtrapping.render.chart import chart_bytes

    return chart_bytes(plan_municipality(read_positions_csv(TUTORIAL_CSV)), "png")


def years_grid(first_years: range = range(2018, 2022), budget_years: range = range(2021, 2026)) -> list[list[Any]]:
    """Per first grant year (rows) and budget year (columns): the year in the scheme and the grant of a
    100 % position of kommunalt rusarbeid (a :class:`~nedtrapping.money.Money`, or ``None`` when unknown)."""
    from nedtrapping.cofinancing import FixedCost
    from nedtrapping.money import Money
    from nedtrapping.plan import Position, plan_municipality

    positions = [Position(municipality="K", position=str(first), percent=100, first_grant_year=first,
                          cost=FixedCost(Money.kroner(1_000_000))) for first in first_years]
    plan = plan_municipality(positions, years=budget_years)
    return [[(plan.row(str(first), year).year_in_scheme, plan.row(str(first), year).grant) for year in budget_years]
            for first in first_years]


def years_grid_png(first_years: range = range(2018, 2022), budget_years: range = range(2021, 2026)) -> bytes:
    """:func:`years_grid` drawn as a table of coloured cells (matplotlib, Agg canvas)."""
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    grid = years_grid(first_years, budget_years)
    figure = Figure(figsize=(9.6, 1.2 + 0.72 * len(grid)), dpi=110)
    axes = figure.add_axes((0.16, 0.04, 0.83, 0.78))
    axes.set_xlim(0, len(budget_years))
    axes.set_ylim(len(grid), 0)
    axes.set_axis_off()
    for r, row in enumerate(grid):
        axes.text(-0.06, r + 0.5, f"første år {first_years[r]}", ha="right", va="center", fontsize=10,
                  transform=axes.transData)
        for c, (year_in_scheme, grant) in enumerate(row):
            if grant is None:
                colour, hatch, words = "#ffffff", "///", "ukjent"
            elif grant.ore == 0:
                colour, hatch, words = "#eeeeee", None, "0 kr"
            else:
                colour, hatch, words = "#cfe3f3", None, str(grant).replace("\u00a0", " ")
            axes.add_patch(Rectangle((c + 0.03, r + 0.06), 0.94, 0.88, facecolor=colour, edgecolor="#555555",
                                     hatch=hatch, linewidth=0.8))
            axes.text(c + 0.5, r + 0.36, words, ha="center", va="center", fontsize=10,
                      fontweight="bold" if grant is None else "normal",
                      bbox={"facecolor": "white", "edgecolor": "none", "pad": 1} if grant is None else None)
            axes.text(c + 0.5, r + 0.7, f"år {year_in_scheme} i ordningen", ha="center", va="center", fontsize=8,
                      color="#333333")
    for c, year in enumerate(budget_years):
        axes.text(c + 0.5, -0.12, str(year), ha="center", va="bottom", fontsize=11, fontweight="bold")
    figure.text(0.01, 0.97, "Tilskudd per 100 % stilling, kommunalt rusarbeid: første tilskuddsår × budsjettår",
                ha="left", va="top", fontsize=11)
    out = io.BytesIO()
    figure.savefig(out, format="png", metadata={"Software": None})
    return out.getvalue()


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
    _write(UNKNOWN_CHART, unknown_chart_png())
    _write(YEARS_GRID, years_grid_png())


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", generate)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
