"""Positions from Excel workbooks (``.xlsx``), for finance officers who live in spreadsheets.

Why: the økonomiplan is built in a spreadsheet; asking users to export CSV first
loses formats and invites mistakes. This module reads the positions from the first
sheet of a workbook (same columns as the CSV reader, same checks, every problem
reported). Writing a plan as a workbook is output: :mod:`nedtrapping.render.xlsx`.

It needs ``openpyxl`` (``pip install 'nedtrapping[xlsx]'``); the rest of the library
does not.

Spreadsheet cells may hold binary floats. They never reach a money path directly:
:func:`cell_text` turns every cell into the text a person sees (a float through its
shortest decimal form, a percentage-formatted cell ×100), and the positions parser
then applies its exact rules — e.g. an amount with more than two decimals is reported.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from pathlib import Path

from nedtrapping import optional
from nedtrapping.optional import XlsxUnavailableError
from nedtrapping.plan import DEFAULT_SCHEME, Position
from nedtrapping.positions_csv import CellProblem, PositionsCSVError, parse_positions_rows

__all__ = ["read_positions_xlsx", "cell_text", "XlsxUnavailableError"]


def cell_text(value: object, number_format: str = "General") -> str:
    """The text of a spreadsheet cell, as a person reads it; floats converted explicitly.

    >>> cell_text(780000)
    '780000'
    >>> cell_text(3.5)
    '3.5'
    >>> cell_text(0.5, "0%")
    '50'
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nei"
    if isinstance(value, (int, float)):
        # repr gives the shortest decimal that round-trips: 0.1 -> '0.1', not 0.1000000000000000055…
        exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if "%" in number_format:
            exact *= 100
        text = format(exact.normalize(), "f") if exact != exact.to_integral_value() else str(int(exact))
        return text
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    return str(value).strip()


def read_positions_xlsx(path: str | Path, *, sheet: str | None = None, scheme: str = DEFAULT_SCHEME) -> list[Position]:
    """Read positions from a workbook's first (or named) sheet; the first row is the header."""
    openpyxl = optional.openpyxl()
    p = Path(path)
    try:
        book = openpyxl.load_workbook(p, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several types for a broken file
        raise PositionsCSVError([CellProblem(None, None, None, f"an .xlsx workbook ({type(exc).__name__}: {exc})")],
                                str(p)) from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise PositionsCSVError([CellProblem(None, None, sheet, f"a sheet named one of: {', '.join(book.sheetnames)}")],
                                    str(p))
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        rows = [[cell_text(c.value, getattr(c, "number_format", "General") or "General") for c in row]
                for row in ws.iter_rows()]
    finally:
        book.close()
    while rows and not any(rows[-1]):
        rows.pop()
    return parse_positions_rows(rows, source=f"{p} (sheet {ws.title!r})", scheme=scheme)


def __getattr__(name: str) -> object:
    # deprecation alias: writing a plan is output, in nedtrapping.render.xlsx
    if name == "write_plan_xlsx":
        import importlib
        import warnings

        warnings.warn("nedtrapping.spreadsheet.write_plan_xlsx moved to nedtrapping.render.xlsx.write_plan_xlsx",
                      DeprecationWarning, stacklevel=2)
        return importlib.import_module("nedtrapping.render.xlsx").write_plan_xlsx
    raise AttributeError(f"module 'nedtrapping.spreadsheet' has no attribute {name!r}")
