"""A plan as a live Excel workbook: figures, formulas, totals, rules, warnings and explanations.

Why: the økonomiplan is built in a spreadsheet, and a finance officer edits it. The
workbook stays live where it should: own financing (full cost − grant), the increase
over last year and every total are formulas, so changing a cost recalculates the
rest; grants, costs and percentages are the library's figures. An unknown figure is
an empty cell, never 0, and every formula that would include it stays empty too.

Sheets (Norwegian names and headers by default, ``lang="en"`` for English):

* **Plan** — one row per position and year, grouped by municipality and year, so each
  municipality's year is a block the totals sum; percent and NOK number formats,
  bold frozen header, autofilter; columns the input had beyond the known ones are
  carried at the right (``extra_columns``).
* **Totaler** — per municipality and year, ``SUM`` over its block of the Plan sheet;
  then all municipalities per year. Empty (unknown) when any figure summed is unknown.
* **Regler** — every rule value a figure used, with its value, status and source,
  and each unknown value the plan needed.
* **Advarsler** — unknown values (once each, with the positions they affect),
  grant-letter discrepancies, values that are not final, and notes from reading the input.
* **Forklaringer** — the explanation of every figure, in wrapped cells.
* **Regelsett** — the rule sets used and their SHA-256 digests.

The formulas carry the library's figures as cached values, so a viewer that does not
calculate (a preview, ``pandas.read_excel``) shows them too; Excel and LibreOffice
calculate them again on load. The file is deterministic: the same plan gives the same
bytes (fixed document timestamps, fixed zip entry times).
"""

from __future__ import annotations

import datetime as _dt
import gc
import io
import re
import sys
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs

from nedtrapping import optional
from nedtrapping.errors import InvalidValueError
from nedtrapping.money import Money
from nedtrapping.plan import Plan, PlanRow
from nedtrapping.provenance import Fact, Status, display_value
from nedtrapping.readable import read
from nedtrapping.render._groups import PlanGroups
from nedtrapping.render.plan import rule_values_used, unknown_lines
from nedtrapping.wording import DEFAULT_LANG, Lang, check_lang, status_word, text

__all__ = ["write_plan_xlsx", "plan_xlsx_bytes", "rule_values_used", "FIXED_TIMESTAMP", "SHEETS"]

#: The document timestamp written into every workbook (created and modified), so equal plans give equal bytes.
FIXED_TIMESTAMP = _dt.datetime(2000, 1, 1, 0, 0, 0)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)

#: The sheets in order, as wording ids (``text(id, lang)`` gives the sheet's name).
SHEETS = ("plan.sheet.plan", "plan.sheet.totals", "plan.sheet.rules", "plan.sheet.warnings",
          "plan.sheet.explanations", "plan.sheet.digests")

#: Plan sheet columns (letters are fixed; the formulas refer to them).
_PLAN_COLUMNS = (
    ("plan.col.municipality", 22), ("plan.col.position", 30), ("plan.col.year", 7), ("plan.col.year_in_scheme", 15),
    ("plan.col.percent_long", 16), ("plan.col.grant", 14), ("plan.col.cost", 14), ("plan.col.own_financing", 17),
    ("plan.col.increase_long", 25), ("plan.col.grant_source", 20),
)
_GRANT, _COST, _OWN, _INCREASE = "F", "G", "H", "I"
_TOTAL_COLUMNS = (
    ("plan.col.municipality", 22), ("plan.col.year", 7), ("plan.col.grant", 14), ("plan.col.cost", 14),
    ("plan.col.own_financing", 17), ("plan.col.increase_long", 25), ("plan.col.incomplete", 40),
)
def _wording_headers(columns: Iterable[tuple[str, int]]) -> list[Header]:
    return [Header.wording(key, width) for key, width in columns]


_MAX_ROW_HEIGHT = 409  # points: the largest row height Excel allows
_MAX_SUM_ARGUMENTS = 200  # SUM takes at most 255 arguments


#: Characters a worksheet cannot hold (XML 1.0 forbids them); shown as ``\x0b`` instead of breaking the file.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _escape(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


#: The most characters a cell holds (Excel's limit); a longer text is cut, and says so at its end.
MAX_CELL_CHARS = 32_767
_CUT_MARK = " […]"


def cell_safe_text(value: str) -> str:
    """A text as a worksheet cell can hold it, whatever it came from (a name, a header, a note).

    Characters XML 1.0 forbids (control characters) are shown as ``\\x0b`` instead of breaking the
    file; a carriage return is a line break (as a worksheet reads it back); a text longer than a cell holds is cut with ``[…]`` at its end. The cell it goes to is
    always written as text (:meth:`_Sheet.text`), so ``=1+1`` stays ``=1+1``, never a formula.

    >>> cell_safe_text("Merk.\\x01")
    'Merk.\\\\x01'
    """
    guarded = _ILLEGAL.sub(_escape, value.replace("\r\n", "\n").replace("\r", "\n"))
    if len(guarded) > MAX_CELL_CHARS:
        guarded = guarded[:MAX_CELL_CHARS - len(_CUT_MARK)] + _CUT_MARK
    return guarded


@attrs.frozen
class Header:
    """A column header: a wording id (:meth:`wording`), or the input's own text (:meth:`literal`), never guessed."""

    key: str
    width: int
    is_wording: bool

    @classmethod
    def wording(cls, key: str, width: int) -> Header:
        return cls(key, width, True)

    @classmethod
    def literal(cls, label: str, width: int) -> Header:
        return cls(label, width, False)

    def label(self, lang: Lang) -> str:
        return text(self.key, lang) if self.is_wording else self.key


#: The largest amount a spreadsheet holds exactly (a cell is a binary double: whole numbers up to 2**53).
MAX_EXACT_CELL = 2**53


def _amount(m: Money | None) -> int | Decimal | None:
    """An amount for a cell: whole kroner, or kroner and øre; refused when a spreadsheet could not hold it exactly
    (the cell would disagree with the figures the workbook's formulas were given)."""
    if m is None:
        return None
    if abs(m.ore) >= MAX_EXACT_CELL:
        raise InvalidValueError(f"amount: {m} is more than a spreadsheet cell holds exactly (2^53 øre); the workbook "
                                "would disagree with itself", field="amount", value=m,
                                expected=f"an amount below {MAX_EXACT_CELL} øre")
    return m.ore // 100 if m.is_whole_kroner else m.to_decimal()


def _percent_value(p: Fraction) -> Decimal | int:
    share = Fraction(p) / 100
    if share.denominator == 1:
        return share.numerator
    exact = Decimal(share.numerator) / Decimal(share.denominator)
    return exact if Fraction(exact) == share else Decimal(format(exact, ".12g"))


def _percent_format(p: Fraction) -> str:
    if p.denominator == 1:
        return "0%"
    return "0.0##%"


class _Sheet:
    """A worksheet being written: typed cells, formats, column widths."""

    def __init__(self, book: Any, title: str, headers: Sequence[Header], lang: Lang, *, first: bool = False
                 ) -> None:
        self.ws = book.active if first else book.create_sheet()
        self.ws.title = title
        self.styles = optional.openpyxl_styles()
        self.bold = self.styles.Font(name="Calibri", size=11, bold=True)
        self.widths = [h.width for h in headers]
        self.row = 1
        for col, header in enumerate(headers, start=1):
            self.text(col, header.label(lang))  # through the one guard, like every other text
            cell = self.ws.cell(row=1, column=col)
            cell.font = self.bold
            cell.alignment = self.styles.Alignment(vertical="top", wrap_text=True)

    def text(self, col: int, value: str | None) -> None:
        """Write ``value`` as a text cell: the one guard every text that reaches a cell goes through."""
        if value is None or value == "":
            return
        guarded = cell_safe_text(value)
        cell = self.ws.cell(row=self.row, column=col)
        cell.value = guarded
        cell.data_type = "s"  # a name such as "=HYPERLINK(...)" stays text, never a formula
        self.widths[col - 1] = min(max(self.widths[col - 1], len(guarded) + 2), 60)

    def number(self, col: int, value: int | Decimal | None, number_format: str) -> None:
        cell = self.ws.cell(row=self.row, column=col, value=value)
        cell.number_format = number_format

    def formula(self, col: int, formula: str, number_format: str) -> Any:
        cell = self.ws.cell(row=self.row, column=col, value=formula)
        cell.number_format = number_format
        return cell

    def finish(self, *, filter_columns: int | None = None, freeze: str = "A2") -> None:
        openpyxl_utils = optional.openpyxl_utils()
        for col, width in enumerate(self.widths, start=1):
            self.ws.column_dimensions[openpyxl_utils.get_column_letter(col)].width = width
        self.ws.freeze_panes = freeze
        # printed: landscape, as wide as the page, the header on every page
        self.ws.page_setup.orientation = "landscape"
        self.ws.page_setup.paperSize = 9  # A4
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.ws.page_setup.fitToWidth = 1
        self.ws.page_setup.fitToHeight = 0
        self.ws.print_title_rows = "1:1"
        if filter_columns:
            last = openpyxl_utils.get_column_letter(filter_columns)
            self.ws.auto_filter.ref = f"A1:{last}{self.row}"


def _ordered_rows(plan: Plan) -> list[PlanRow]:
    """The plan's rows grouped by municipality, then year, then position (each block one SUM)."""
    muni_order = {m: i for i, m in enumerate(plan.municipalities)}
    pos_order = {p.key: i for i, p in enumerate(plan.positions)}
    return sorted(plan.rows, key=lambda r: (muni_order[r.municipality], r.year, pos_order[(r.municipality, r.position)]))


def _kr_format(plan: Plan) -> str:
    amounts = [m for r in plan.rows for m in (r.grant, r.cost) if m is not None]
    whole = all(m.is_whole_kroner for m in amounts)
    return '#,##0 "kr";-#,##0 "kr"' if whole else '#,##0.00 "kr";-#,##0.00 "kr"'


def _guarded_sum(cells: str, count: int) -> str:
    return f'IF(COUNT({cells})<{count},"",SUM({cells}))'


def plan_xlsx_bytes(plan: Plan, *, lang: Lang = DEFAULT_LANG,
                    extra_columns: Mapping[tuple[str, str], Mapping[str, str]] | None = None,
                    notes: Iterable[str] = ()) -> bytes:
    """The workbook of ``plan`` as bytes (see the module docstring for its sheets).

    ``extra_columns`` maps ``(municipality, position)`` to the input's other columns
    (``{"Merknad": "…"}``), carried to the Plan sheet at the right. ``notes`` are lines
    for the Advarsler sheet (e.g. what the reader of the input reported).
    """
    lang = check_lang(lang)
    openpyxl = optional.openpyxl()
    book = openpyxl.Workbook()
    book.properties.creator = "nedtrapping"
    book.properties.created = FIXED_TIMESTAMP
    book.properties.modified = FIXED_TIMESTAMP
    kr = _kr_format(plan)
    cached: dict[str, dict[str, int | Decimal | None]] = {}

    # -- Plan
    extra_names: list[str] = list(dict.fromkeys(k for v in (extra_columns or {}).values() for k in v))
    headers = [*_wording_headers(_PLAN_COLUMNS), *(Header.literal(name, 14) for name in extra_names)]
    ws = _Sheet(book, text("plan.sheet.plan", lang), headers, lang, first=True)
    plan_cache = cached.setdefault(ws.ws.title, {})
    rows = _ordered_rows(plan)
    row_of: dict[tuple[str, str, int], int] = {}
    blocks: dict[tuple[str, int], list[int]] = {}
    for r in rows:
        ws.row += 1
        n = ws.row
        row_of[(r.municipality, r.position, r.year)] = n
        blocks.setdefault((r.municipality, r.year), []).append(n)
        ws.text(1, r.municipality)
        ws.text(2, r.position)
        ws.number(3, r.year, "0")
        ws.number(4, r.year_in_scheme if r.year_in_scheme >= 1 else None, "0")
        ws.number(5, _percent_value(r.percent), _percent_format(r.percent))
        ws.number(6, _amount(r.grant), kr)
        ws.number(7, _amount(r.cost), kr)
        ws.formula(8, f'=IF(AND(ISNUMBER({_GRANT}{n}),ISNUMBER({_COST}{n})),{_COST}{n}-{_GRANT}{n},"")', kr)
        plan_cache[f"{_OWN}{n}"] = _amount(r.own_financing)
        previous = row_of.get((r.municipality, r.position, r.year - 1))
        if r.year != plan.years[0] and previous is not None:
            ws.formula(9, f'=IF(AND(ISNUMBER({_OWN}{n}),ISNUMBER({_OWN}{previous})),{_OWN}{n}-{_OWN}{previous},"")', kr)
            plan_cache[f"{_INCREASE}{n}"] = _amount(r.own_financing_increase)
        elif r.year == plan.years[0] and plan.base_year is not None:  # measured from the base year, not a row here
            ws.number(9, _amount(r.own_financing_increase), kr)
        ws.text(10, text(f"plan.grant_source.{r.grant_source}", lang))
        for i, name in enumerate(extra_names, start=11):
            ws.text(i, (extra_columns or {}).get((r.municipality, r.position), {}).get(name))
    ws.finish(filter_columns=len(_PLAN_COLUMNS) + len(extra_names), freeze="C2")
    plan_title = ws.ws.title

    # -- Totaler: SUM over each municipality's year block, then all municipalities per year
    tot = _Sheet(book, text("plan.sheet.totals", lang), _wording_headers(_TOTAL_COLUMNS), lang)
    tot_cache = cached.setdefault(tot.ws.title, {})
    sheet_ref = _sheet_ref(plan_title)
    year_rows: dict[int, list[int]] = {}
    groups = PlanGroups(plan)  # the totals of every municipality from one pass over the rows
    for muni in plan.municipalities:
        figures = groups.municipality_totals(muni)
        for year in plan.years:
            tot.row += 1
            year_rows.setdefault(year, []).append(tot.row)
            block = blocks[(muni, year)]
            first, last = block[0], block[-1]
            tot.text(1, muni)
            tot.number(2, year, "0")
            t = figures[year]
            for col, letter, value in ((3, _GRANT, t.grant), (4, _COST, t.cost), (5, _OWN, t.own_financing),
                                       (6, _INCREASE, t.own_financing_increase)):
                cells = f"{sheet_ref}!{letter}{first}:{letter}{last}"
                tot.formula(col, "=" + _guarded_sum(cells, len(block)), kr)
                tot_cache[f"{'CDEF'[col - 3]}{tot.row}"] = _amount(value)
            tot.text(7, ", ".join(t.incomplete_positions))
    all_label = text("plan.all_municipalities", lang)
    for year, t in plan.totals.items():
        tot.row += 1
        tot.text(1, all_label)
        tot.number(2, year, "0")
        refs = year_rows[year]
        for col, value in ((3, t.grant), (4, t.cost), (5, t.own_financing), (6, t.own_financing_increase)):
            letter = "CDEF"[col - 3]
            if len(refs) > _MAX_SUM_ARGUMENTS:  # more municipalities than SUM takes: sum the year by SUMIF
                last_row = year_rows[plan.years[-1]][-1]
                span, year_column = f"{letter}2:{letter}{last_row}", f"$B$2:$B${last_row}"
                formula = (f'=IF(SUMPRODUCT(({year_column}=$B{tot.row})*(1-ISNUMBER({span})))>0,"",'
                           f'SUMIF({year_column},$B{tot.row},{span}))')
            else:
                formula = "=" + _guarded_sum(",".join(f"{letter}{n}" for n in refs), len(refs))
            cell = tot.formula(col, formula, kr)
            cell.font = tot.bold
            tot_cache[f"{letter}{tot.row}"] = _amount(value)
        tot.ws.cell(row=tot.row, column=1).font = tot.bold
        tot.text(7, ", ".join(t.incomplete_positions))
    tot.finish(filter_columns=len(_TOTAL_COLUMNS))

    # -- Regler: every rule value used, and the unknown ones the plan needed
    rules = _Sheet(book, text("plan.sheet.rules", lang), _wording_headers((
        ("plan.col.rule_set", 24), ("plan.col.path", 28), ("plan.col.value", 18), ("plan.col.status", 14),
        ("plan.col.source", 50), ("plan.col.url", 30), ("plan.col.note", 60))), lang)
    for key, path, fact in rule_values_used(plan):
        rules.row += 1
        rules.text(1, key)
        rules.text(2, path)
        rules.text(3, display_value(fact.value))
        rules.text(4, status_word(fact.status, lang))
        rules.text(5, _source(fact))
        rules.text(6, fact.citation.url)
        rules.text(7, read(fact.note, lang))
    for u in plan.unknowns:
        rules.row += 1
        rules.text(1, u.rule_set)
        rules.text(2, u.path)
        rules.text(3, text("plan.unknown", lang))
        rules.text(4, status_word(Status.UNKNOWN, lang))
        rules.text(5, u.name)
        rules.text(7, " ".join(read(x, lang) for x in (u.note, u.how_to_supply) if x))
    rules.widths[4], rules.widths[6] = 50, 60
    _wrap(rules.ws, (3, 5, 7), rules.widths)
    rules.finish(filter_columns=7)

    # -- Advarsler
    warn = _Sheet(book, text("plan.sheet.warnings", lang),
                  _wording_headers((("plan.col.kind", 14), ("plan.col.text", 120))), lang)
    items: list[tuple[str, str]] = [("plan.kind.warning", text("plan.workbook_note", lang))]
    lines = list(unknown_lines(plan, lang))
    for line in lines:
        if line.startswith("  ") and items:
            kind, previous_text = items[-1]
            items[-1] = (kind, f"{previous_text} {line.strip()}")
        else:
            items.append(("plan.kind.unknown", line))
    items += [("plan.kind.discrepancy", d.notice().text(lang)) for d in plan.discrepancies]
    items += [("plan.kind.warning", n.text(lang)) for n in plan.notices if n.key != "warning.discrepancy"]
    items += [("plan.kind.input", note) for note in notes]
    for kind, line in items:
        warn.row += 1
        warn.text(1, text(kind, lang))
        warn.text(2, line)
    warn.widths[1] = 120
    _wrap(warn.ws, (2,), warn.widths)
    warn.finish(filter_columns=2)

    # -- Forklaringer
    expl = _Sheet(book, text("plan.sheet.explanations", lang), _wording_headers((
        ("plan.col.municipality", 22), ("plan.col.position", 30), ("plan.col.year", 7),
        ("plan.col.explanation", 120))), lang)
    for r in rows:
        expl.row += 1
        expl.text(1, r.municipality)
        expl.text(2, r.position)
        expl.number(3, r.year, "0")
        expl.text(4, r.explanation.to_text(lang))
    expl.widths[3] = 120
    _wrap(expl.ws, (4,), expl.widths)
    expl.finish(filter_columns=4, freeze="D2")

    # -- Regelsett
    dig = _Sheet(book, text("plan.sheet.digests", lang),
                 _wording_headers((("plan.col.rule_set", 28), ("plan.col.sha256", 68))), lang)
    for key, digest in sorted(plan.digests.items()):
        dig.row += 1
        dig.text(1, key)
        dig.text(2, digest)
    dig.finish()

    titles = [ws.title for ws in book.worksheets]
    return _deterministic(_saved(book), {f"xl/worksheets/sheet{i}.xml": cached.get(t, {})
                                         for i, t in enumerate(titles, start=1)})


def _saved(book: Any) -> bytes:
    """The workbook's bytes, or a plain :class:`OSError` when they cannot be made.

    openpyxl writes each sheet through a temporary file. When that write fails (a full disk,
    a file-size limit), the half-written sheet is cleaned up later with an "Exception ignored"
    traceback on stderr; that clean-up is done here, quietly, and the error raised once.
    """
    buf = io.BytesIO()
    failure: OSError | None = None
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _unraisable: None
    try:
        try:
            book.save(buf)
        except OSError as exc:
            failure = OSError(exc.errno, exc.strerror)  # without the traceback that holds the half-written sheet
        gc.collect()
    finally:
        sys.unraisablehook = hook
    if failure is not None:
        raise failure
    return buf.getvalue()


def write_plan_xlsx(plan: Plan, path: str | Path, *, lang: Lang = DEFAULT_LANG,
                    extra_columns: Mapping[tuple[str, str], Mapping[str, str]] | None = None,
                    notes: Iterable[str] = ()) -> None:
    """Write ``plan`` as a live workbook at ``path`` (see :func:`plan_xlsx_bytes`)."""
    Path(path).write_bytes(plan_xlsx_bytes(plan, lang=lang, extra_columns=extra_columns, notes=notes))


def _sheet_ref(title: str) -> str:
    return title if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", title) else "'" + title.replace("'", "''") + "'"


def _source(fact: Fact[Any]) -> str:
    c = fact.citation
    return ", ".join(x for x in (c.document, c.section, c.published.isoformat() if c.published else None) if x)


def _wrap(ws: Any, columns: Iterable[int], widths: Sequence[float] | None = None) -> None:
    """Wrap the text of ``columns``, align every cell of a row at the top, and make each row tall enough for
    its wrapped text (a spreadsheet program does not always grow a row by itself)."""
    styles = optional.openpyxl_styles()
    wrapped = styles.Alignment(wrap_text=True, vertical="top")
    top = styles.Alignment(vertical="top")
    columns = tuple(columns)
    for row in ws.iter_rows(min_row=2):
        lines = 1
        for cell in row:
            if cell.column in columns:
                cell.alignment = wrapped
                if widths is not None and isinstance(cell.value, str):
                    width = max(int(widths[cell.column - 1]) - 2, 10)
                    lines = max(lines, sum(-(-max(len(line), 1) // width) for line in cell.value.split("\n")))
            else:
                cell.alignment = top
        if widths is not None and lines > 1:
            ws.row_dimensions[row[0].row].height = min(_MAX_ROW_HEIGHT, 15 * lines)


_FORMULA_CELL = re.compile(r'<c r="(?P<ref>[A-Z]+\d+)"(?P<attrs>[^>]*)><f>(?P<f>[^<]*)</f><v\s*/></c>')


def _deterministic(data: bytes, cached: Mapping[str, Mapping[str, int | Decimal | None]]) -> bytes:
    """Rewrite the zip with fixed entry times, and give every formula cell the library's figure as cached value."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename in cached:
                values = cached[info.filename]

                def with_value(m: re.Match[str], values: Mapping[str, int | Decimal | None] = values) -> str:
                    value = values.get(m.group("ref"))
                    head = f'<c r="{m.group("ref")}"{m.group("attrs")}'
                    if value is None:
                        return f'{head} t="str"><f>{m.group("f")}</f><v></v></c>'
                    return f'{head}><f>{m.group("f")}</f><v>{value}</v></c>'

                content = _FORMULA_CELL.sub(with_value, content.decode("utf-8")).encode("utf-8")
            if info.filename == "docProps/core.xml":  # openpyxl may stamp the time of saving: fix it
                stamp = FIXED_TIMESTAMP.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rb"\g<1>" + stamp + rb"\g<2>",
                                 content)
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, content)
    return out.getvalue()
