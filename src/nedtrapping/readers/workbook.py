"""Positions from Excel workbooks (``.xlsx``), for finance officers who live in spreadsheets.

Why: the økonomiplan is built in a spreadsheet; asking users to export CSV first
loses formats and invites mistakes. This module reads the positions from a sheet
(same columns as the CSV reader, same checks, every problem reported), taking the
sheet as it is: a title above the header, a ``Merknad`` column, hidden rows and
sheets, a cost that a formula left with many decimals. Writing a plan as a workbook
is output: :mod:`nedtrapping.render.xlsx`.

openpyxl is a dependency of the package, imported only when a workbook is read.

Spreadsheet cells may hold binary floats. They never reach a money path directly:
:func:`cell_text` turns every cell into the text a person sees (a float through its
shortest decimal form, a percentage-formatted cell ×100), and the positions parser
then applies its exact rules. A number cell is never ambiguous: an amount with more
than two decimals (``742377.309912``) is taken at its exact value and its figure rounded
once, half up to whole kroner, with a note naming the cell.

:func:`read_positions` reads any positions file by its extension (``.xlsx``/``.xlsm``,
else CSV or tab-separated text).
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from nedtrapping import optional
from nedtrapping.optional import XlsxUnavailableError
from nedtrapping.plan import DEFAULT_SCHEME, Position
from nedtrapping.readers.table import (
    MAX_COLUMNS,
    MAX_ROWS,
    CellProblem,
    InputSource,
    PositionsCSVError,
    PositionsRead,
    file_size,
    parse_positions_table,
    read_positions_text_file,
)
from nedtrapping.wording import Notice, Quoted

__all__ = ["read_positions", "read_positions_workbook", "read_positions_json", "read_positions_xlsx", "cell_text", "XlsxUnavailableError",
           "WORKBOOK_SUFFIXES", "TEXT_SUFFIXES"]

#: File name endings read as workbooks.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
#: File name endings read as CSV or tab-separated text ("" is a file without an ending); any other ending
#: (``.pdf``, ``.docx``) is refused by name before a byte of it is read as text.
TEXT_SUFFIXES = ("", ".csv", ".tsv", ".txt", ".tab", ".dat", ".prn", ".text")


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
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)  # 'inf' (a cell such as 1E400, beyond what a float holds) or 'nan': refused by the reader
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
    """Read positions from a workbook's first visible (or named) sheet (see :func:`read_positions_workbook`)."""
    return list(read_positions_workbook(path, sheet=sheet, scheme=scheme).positions)


def _exact_number(value: object) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


#: The most a workbook may unpack to; with the largest sheet read (:data:`~nedtrapping.readers.table.MAX_ROWS`
#: rows, :data:`~nedtrapping.readers.table.MAX_COLUMNS` columns), a larger one is refused by name before it is
#: read, so a tiny file with one far-out cell or a zip bomb cannot hang or fill memory.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024


def _check_archive(path: Path) -> None:
    """Refuse a workbook that would unpack to more than :data:`MAX_UNPACKED_BYTES` (checked in the zip's directory)."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        return  # not a zip at all: openpyxl says what it is
    if unpacked > MAX_UNPACKED_BYTES:
        raise PositionsCSVError([CellProblem(None, None, Notice("input.value.unpacked", {
            "n": unpacked // (1024 * 1024)}), Notice("input.expected.unpacked", {
                "limit": MAX_UNPACKED_BYTES // (1024 * 1024)}))], str(path))


#: A row element of a worksheet's XML (``<row r="1">``, ``<x:row>``), counted in the raw bytes.
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>/]")
#: The most rows a worksheet may have: the position rows, and the header with rows above it.
MAX_SHEET_ROWS = MAX_ROWS + 200


def _count_rows(path: Path) -> None:
    """Refuse a workbook with a worksheet of more than :data:`MAX_SHEET_ROWS` rows, counted while its XML streams
    by (in chunks, before anything is loaded: openpyxl holds every sheet of the book it loads)."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return  # not a zip at all: openpyxl says what it is
    with archive:
        for info in archive.infolist():
            if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
                continue
            rows, tail = 0, b""
            try:
                with archive.open(info) as stream:
                    while chunk := stream.read(1 << 20):
                        data = tail + chunk
                        rows += len(_ROW_TAG.findall(data))
                        tail = data[-16:] if not _ROW_TAG.search(data[-16:]) else b""
                        if rows > MAX_SHEET_ROWS:
                            raise PositionsCSVError([CellProblem(None, None, Notice("input.value.sheet_rows", {
                                "n": MAX_SHEET_ROWS, "part": info.filename}), Notice("input.expected.sheet_rows", {
                                    "limit": MAX_ROWS}))], str(path))
            except (zipfile.BadZipFile, OSError, RuntimeError):
                return  # a damaged or encrypted part: openpyxl says what it is


def _merged_ranges_by_column(ws: Any) -> dict[int, list[tuple[int, int, str]]]:
    """``column → [(first row, last row, "A2:A3"), ...]`` of the sheet's merged cells, within the sheet's size."""
    out: dict[int, list[tuple[int, int, str]]] = {}
    for merged in ws.merged_cells.ranges:
        for column in range(merged.min_col, min(merged.max_col, MAX_COLUMNS) + 1):
            out.setdefault(column, []).append((merged.min_row, merged.max_row, merged.coord))
    return out


def read_positions_workbook(path: str | Path, *, sheet: str | None = None, scheme: str = DEFAULT_SCHEME,
                            include_hidden: bool = False) -> PositionsRead:
    """Read positions from a workbook, with notes on what was skipped, rounded or kept aside.

    The sheet read is ``sheet`` if named (even a hidden one), else the first visible
    sheet; hidden sheets and hidden rows are not read unless ``include_hidden`` (and
    are named in the notes). The header may have title or blank rows above it.
    """
    openpyxl = optional.openpyxl()
    p = Path(path)
    file_size(p)  # a file that is not there, or a folder, is named as such
    _check_archive(p)
    _count_rows(p)

    def load(data_only: bool) -> Any:
        try:
            return openpyxl.load_workbook(p, data_only=data_only)
        except Exception as exc:  # openpyxl raises several types for a broken file
            if _starts_with(p, _OLE_MAGIC):  # an encrypted workbook, or an old .xls renamed, is an OLE file
                raise PositionsCSVError([CellProblem(None, None, None, Notice("read.ole_workbook"))],
                                        str(p)) from None
            raise PositionsCSVError([CellProblem(None, None, None, Notice("input.expected.workbook", {
                "error": f"{type(exc).__name__}: {exc}"}))], str(p)) from None

    book = load(True)
    notices: list[Notice] = []
    if sheet is not None and sheet not in book.sheetnames:
        raise PositionsCSVError([CellProblem(None, None, sheet, Notice("input.expected.sheet_name", {
            "sheets": Quoted(tuple(book.sheetnames))}))], str(p))
    hidden_sheets = [ws.title for ws in book.worksheets if ws.sheet_state != "visible"]
    if sheet is not None:
        ws = book[sheet]
    else:
        visible = [w for w in book.worksheets if include_hidden or w.sheet_state == "visible"]
        if not visible:
            raise PositionsCSVError([CellProblem(None, None, None, Notice("input.expected.visible_sheet"))], str(p))
        ws = visible[0]
    source = InputSource(str(p), ws.title)
    if hidden_sheets and sheet is None and not include_hidden:
        notices.append(Notice("read.hidden_sheets", {"source": str(p), "sheets": ", ".join(hidden_sheets)}))
    if ws.max_row > MAX_ROWS or ws.max_column > MAX_COLUMNS:
        raise PositionsCSVError([CellProblem(None, None, Notice("input.value.sheet_size", {
            "rows": ws.max_row, "columns": ws.max_column}), Notice("input.expected.sheet_size", {
                "rows": MAX_ROWS, "columns": MAX_COLUMNS}))], source)
    rows: list[list[str]] = []
    numbers: dict[tuple[int, int], Decimal] = {}
    empty_cells: list[tuple[int, int]] = []
    hidden_rows: list[int] = []
    merged_ranges = _merged_ranges_by_column(ws)
    merged: dict[tuple[int, int], str] = {}
    for r_i, row in enumerate(ws.iter_rows()):
        row_no = r_i + 1
        if not include_hidden and ws.row_dimensions[row_no].hidden and any(c.value is not None for c in row):
            hidden_rows.append(row_no)
            rows.append([])
            continue
        texts = []
        for c_i, c in enumerate(row):
            texts.append(cell_text(c.value, getattr(c, "number_format", "General") or "General"))
            exact = _exact_number(c.value)
            if exact is not None and "%" not in (c.number_format or ""):
                numbers[(r_i, c_i)] = exact
            if c.value is None:
                empty_cells.append((r_i, c_i))
                if type(c).__name__ == "MergedCell":  # covered by a merged cell: its value is in the first cell
                    merged[(r_i, c_i)] = next((name for first_row, last_row, name in merged_ranges.get(c_i + 1, ())
                                               if first_row <= row_no <= last_row), "")
        rows.append(texts)
    book.close()
    while rows and not any(rows[-1]):
        rows.pop()
    if hidden_rows:
        notices.append(Notice("read.hidden_rows", {"source": source, "rows": ", ".join(map(str, hidden_rows))}))
    formulas: dict[tuple[int, int], str] = {}
    if empty_cells:
        with_formulas = load(False)[ws.title]
        for r_i, c_i in empty_cells:
            value = with_formulas.cell(row=r_i + 1, column=c_i + 1).value
            if isinstance(value, str) and value.startswith("="):
                formulas[(r_i, c_i)] = value
            elif value is not None and type(value).__name__ == "ArrayFormula":
                formulas[(r_i, c_i)] = str(getattr(value, "text", value))
    read = parse_positions_table(rows, source=source, scheme=scheme, numbers=numbers, formulas=formulas,
                                 merged={at: name for at, name in merged.items() if name})
    return PositionsRead(positions=read.positions, notices=(*notices, *read.notices),
                         ignored_columns=read.ignored_columns, extra_columns=read.extra_columns)


#: The first bytes of an OLE compound file: a password-protected workbook, or an old ``.xls``.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _starts_with(path: Path, magic: bytes) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(len(magic)) == magic
    except OSError:
        return False


def read_positions_json(path: str | Path, *, scheme: str = DEFAULT_SCHEME) -> PositionsRead:
    """Positions from a positions document (``.json``, :func:`nedtrapping.documents.positions_to_dict`)."""
    import json

    from nedtrapping.documents import DocumentError, positions_from_dict
    from nedtrapping.readers.table import MAX_FILE_BYTES

    p = Path(path)
    if file_size(p) > MAX_FILE_BYTES:
        raise PositionsCSVError([CellProblem(None, None, None, Notice("input.expected.document_size", {
            "limit": MAX_FILE_BYTES // (1024 * 1024)}))], str(p))
    try:
        document = json.loads(p.read_bytes())
    except (ValueError, RecursionError) as exc:
        where: str | Notice = (Notice("input.json_where", {"line": exc.lineno, "column": exc.colno})
                               if isinstance(exc, json.JSONDecodeError) else "")
        raise PositionsCSVError([CellProblem(getattr(exc, "lineno", None), None, None,
                                             Notice("input.expected.json_document", {"where": where}))], str(p)) from None
    if not isinstance(document, dict):
        raise PositionsCSVError([CellProblem(None, None, type(document).__name__,
                                             Notice("input.expected.json_document", {"where": ""}))], str(p))
    try:
        positions = positions_from_dict(document)
    except DocumentError as exc:
        exc.file = str(p)  # the document's place (positions[0].cost) in the file read
        raise
    return PositionsRead(positions=tuple(positions))


def read_positions(path: str | Path, *, sheet: str | None = None, scheme: str = DEFAULT_SCHEME,
                   include_hidden: bool = False) -> PositionsRead:
    """Read a positions file by its extension: a workbook (``.xlsx``, ``.xlsm``), a positions document
    (``.json``) or CSV/tab-separated text."""
    if str(path).lower().endswith(".json") and sheet is None:
        return read_positions_json(path, scheme=scheme)
    if str(path).lower().endswith(WORKBOOK_SUFFIXES):
        return read_positions_workbook(path, sheet=sheet, scheme=scheme, include_hidden=include_hidden)
    suffix = Path(path).suffix.lower()
    if suffix in (".xls", ".ods", ".numbers"):
        raise PositionsCSVError([CellProblem(None, None, Path(path).suffix, Notice("input.expected.not_xlsx"))],
                                str(path))
    if suffix not in TEXT_SUFFIXES:
        raise PositionsCSVError([CellProblem(None, None, Path(path).suffix, Notice("input.expected.file_kind"))],
                                str(path))
    if sheet is not None:
        raise PositionsCSVError([CellProblem(None, None, sheet, Notice("input.expected.no_sheet"))], str(path))
    return read_positions_text_file(path, scheme=scheme)
