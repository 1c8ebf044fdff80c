"""Read positions from a CSV file (English or Norwegian headers), reporting every bad cell.

Why: the finance officer's positions live in a spreadsheet. A spreadsheet export
has Norwegian headers, decimal commas, ``;`` separators, thousands spaces and a
BOM; all are accepted. What is wrong is never dropped: every bad row and cell is
reported at once (row number as the spreadsheet shows it, column, value, what was
expected) in one :class:`PositionsCSVError`.

Columns (header names are case-insensitive; English or Norwegian):

=====================  ==========================  ==================================================================
English                Norwegian                   Meaning
=====================  ==========================  ==================================================================
municipality           kommune                     the municipality
position               stilling                    the position's name (unique per municipality)
percent                stillingsprosent            position percentage, in (0, 100]
first_year             første_tilskuddsår          first year the position got the grant
annual_cost            årskostnad                  full annual cost of the position, kroner
salary                 årslønn                     or: the annual salary at 100 %, kroner (cost built from it)
zone                   sone                        with a salary: the zone, 1, 1a redusert/full, 2, 3, 4, 4a or 5
pension_rate           pensjon                     with a salary: the pension premium in percent (no default)
holiday_pay (opt.)     feriepenger                 ``12`` (fifth week, default) or ``10,2`` (ferieloven)
birth_year (optional)  fødselsår                   the employee's birth year (holiday rules from 60)
growth (optional)      lønnsvekst                  annual cost (or salary) growth in percent (``3,5``)
cost_year (optional)   kostnadsår                  the year ``annual_cost`` (or ``salary``) is for (default 2022)
received_2021 (opt.)   fikk_tilskudd_2021          ja/nei: the municipality got the grant in 2021
granted_YYYY (opt.)    tildelt_YYYY                amount granted for year YYYY (grant letter)
percent_YYYY (opt.)    stillingsprosent_YYYY       the percentage from year YYYY on
=====================  ==========================  ==================================================================

A row gives either ``annual_cost`` or ``salary``, never both; a row with ``salary`` needs
``zone`` and ``pension_rate`` (see :class:`nedtrapping.cofinancing.SalaryCost`).
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterable
from fractions import Fraction
from pathlib import Path

import attrs

from nedtrapping.cofinancing import CostModel, FixedCost, GrowingCost, SalaryCost
from nedtrapping.errors import NedtrappingError
from nedtrapping.money import Money, parse_kroner, parse_share
from nedtrapping.plan import DEFAULT_SCHEME, Position
from nedtrapping.registry import position_scheme
from nedtrapping.schemes.lonnskostnader import HolidayPay, ZoneError, parse_holiday_pay, parse_zone_cell
from nedtrapping.validators import position_percent

__all__ = [
    "CellProblem",
    "PositionsCSVError",
    "read_positions_csv",
    "parse_positions_csv",
    "parse_positions_rows",
    "COLUMN_ALIASES",
]

#: canonical column → accepted header names (after normalisation)
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "municipality": ("municipality", "kommune"),
    "position": ("position", "stilling"),
    "percent": ("percent", "stillingsprosent"),
    "first_year": ("first_year", "første_tilskuddsår", "forste_tilskuddsar", "first_grant_year"),
    "annual_cost": ("annual_cost", "årskostnad", "arskostnad"),
    "growth": ("growth", "lønnsvekst", "lonnsvekst"),
    "cost_year": ("cost_year", "kostnadsår", "kostnadsar"),
    "received_2021": ("received_2021", "fikk_tilskudd_2021", "tilskudd_2021"),
    "salary": ("salary", "årslønn", "arslonn", "annual_salary"),
    "zone": ("zone", "sone", "arbeidsgiveravgiftssone"),
    "pension_rate": ("pension_rate", "pensjon", "pensjonssats"),
    "holiday_pay": ("holiday_pay", "feriepenger"),
    "birth_year": ("birth_year", "fødselsår", "fodselsar"),
}
#: The columns that build a cost from the salary (meaningless on a row that gives ``annual_cost``).
SALARY_COLUMNS = ("zone", "pension_rate", "holiday_pay", "birth_year")
_YES = {"yes", "ja", "true", "sann", "1", "y", "j"}
_NO = {"no", "nei", "false", "usann", "0", "n"}
REQUIRED = ("municipality", "position", "percent", "first_year")
_YEAR_COLUMNS = {
    "granted": re.compile(r"^(?:granted|tildelt)_(\d{4})$"),
    "percent": re.compile(r"^(?:percent|stillingsprosent)_(\d{4})$"),
}


@attrs.frozen
class CellProblem:
    """One thing wrong in the input: where, what was there, what was expected."""

    row: int | None
    column: str | None
    value: str | None
    expected: str

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        got = f": got {self.value!r}" if self.value is not None else ""
        return f"{', '.join(where) or 'file'}{got}; expected {self.expected}"


class PositionsCSVError(NedtrappingError, ValueError):
    """Every problem found in a positions file (not just the first)."""

    def __init__(self, problems: Iterable[CellProblem], source: str = "positions file") -> None:
        self.problems = tuple(problems)
        self.source = source
        lines = [f"{source}: {len(self.problems)} problem(s); nothing was planned:"]
        lines.extend(f"  - {p}" for p in self.problems)
        super().__init__("\n".join(lines), file=source)


def _is_cp1252(raw: bytes) -> bool:
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _normalise(header: str) -> str:
    return re.sub(r"[\s\-]+", "_", header.strip().lower())


def _detect_dialect(text: str) -> str:
    first = text.splitlines()[0] if text else ""
    return ";" if first.count(";") > first.count(",") else ","


def read_positions_csv(path: str | Path, *, scheme: str = DEFAULT_SCHEME) -> list[Position]:
    """Read a positions CSV file (UTF-8, with or without BOM; ``,`` or ``;``)."""
    p = Path(path)
    raw = p.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel's "CSV (semikolondelt)" on Norwegian Windows writes Windows-1252
        text = raw.decode("cp1252", errors="strict") if _is_cp1252(raw) else ""
        if not text:
            raise PositionsCSVError([CellProblem(None, None, None,
                                                 "a UTF-8 (or Windows-1252) text file; in Excel, save as 'CSV UTF-8'")],
                                    str(p)) from None
    return parse_positions_csv(text, source=str(p), scheme=scheme)


def parse_positions_csv(text: str, *, source: str = "positions CSV", scheme: str = DEFAULT_SCHEME) -> list[Position]:
    """Parse positions from CSV text; raises :class:`PositionsCSVError` listing every problem."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise PositionsCSVError([CellProblem(None, None, None, "a header row and at least one position")], source)
    reader = csv.reader(io.StringIO(text), delimiter=_detect_dialect(text))
    return parse_positions_rows(reader, source=source, scheme=scheme)  # row by row: no list of all the rows


def parse_positions_rows(rows: Iterable[list[str]], *, source: str = "positions table",
                         scheme: str = DEFAULT_SCHEME) -> list[Position]:
    """Parse positions from rows of text cells (the first row is the header).

    The common core of the CSV and spreadsheet readers: same columns, same checks,
    every problem reported. Row numbers count the header as row 1. ``scheme`` gives
    the default ``cost_year`` (its first default year) and which optional columns
    mean something (``received_2021`` only for kommunalt rusarbeid).
    """
    planned = position_scheme(scheme)
    row_iter = iter(rows)
    header = next(row_iter, None)
    if header is None or not any(cell.strip() for cell in header):
        raise PositionsCSVError([CellProblem(None, None, None, "a header row and at least one position")], source)
    problems: list[CellProblem] = []

    # -- map headers
    index: dict[str, int] = {}
    year_cols: dict[tuple[str, int], int] = {}
    shown: dict[str, str] = {}
    alias_to_canonical = {alias: canon for canon, aliases in COLUMN_ALIASES.items() for alias in aliases}
    for i, raw in enumerate(header):
        name = _normalise(raw)
        if not name:
            problems.append(CellProblem(1, f"#{i + 1}", raw, "a column name (the header cell is empty)"))
            continue
        if name in alias_to_canonical:
            canon = alias_to_canonical[name]
            if canon in index:
                problems.append(CellProblem(1, raw, raw, f"each column once ({canon!r} appears twice)"))
            index[canon] = i
            shown[canon] = raw.strip()
            continue
        for kind, pattern in _YEAR_COLUMNS.items():
            m = pattern.match(name)
            if m:
                year_cols[(kind, int(m.group(1)))] = i
                shown[f"{kind}_{m.group(1)}"] = raw.strip()
                break
        else:
            accepted = ", ".join(a for aliases in COLUMN_ALIASES.values() for a in aliases)
            problems.append(CellProblem(1, raw, raw, f"a known column: {accepted}, granted_YYYY/tildelt_YYYY, percent_YYYY/stillingsprosent_YYYY"))
    for canon in REQUIRED:
        if canon not in index:
            names = " or ".join(repr(a) for a in COLUMN_ALIASES[canon][:2])
            problems.append(CellProblem(1, None, None, f"a column {names} (missing)"))
    if "annual_cost" not in index and "salary" not in index:
        problems.append(CellProblem(1, None, None, "a column 'annual_cost' or 'årskostnad' (missing), or 'salary' or "
                                                   "'årslønn' to build the cost from the salary"))
    if problems:
        raise PositionsCSVError(problems, source)

    positions: list[Position] = []
    seen: dict[tuple[str, str], int] = {}
    data_rows = ((n, r) for n, r in enumerate(row_iter, start=2) if any(cell.strip() for cell in r))
    any_rows = False
    for row_no, row in data_rows:
        any_rows = True
        row_problems: list[CellProblem] = []
        if len(row) > len(header):
            extra = ", ".join(repr(c) for c in row[len(header):] if c.strip())
            if extra:
                row_problems.append(CellProblem(row_no, None, extra, f"at most {len(header)} cells (as many as the header)"))

        def cell(canon: str) -> str:
            i = index[canon]
            return row[i].strip() if i < len(row) else ""

        def bad(canon: str, value: str, expected: str) -> None:
            row_problems.append(CellProblem(row_no, shown.get(canon, canon), value, expected))

        municipality = cell("municipality")
        if not municipality:
            bad("municipality", municipality, "the municipality's name (not empty)")
        position = cell("position")
        if not position:
            bad("position", position, "the position's name (not empty)")
        percent = _parse_percent(cell("percent"), lambda v, e: bad("percent", v, e))
        first_year = _parse_year(cell("first_year"), lambda v, e: bad("first_year", v, e))
        if first_year is not None and not (2000 <= first_year <= 2100):
            bad("first_year", cell("first_year"), "a year such as 2021")
            first_year = None
        annual: Money | None = None
        salary: Money | None = None
        given = {canon: cell(canon) for canon in ("annual_cost", "salary") if canon in index and cell(canon)}
        if len(given) == 2:
            bad("salary", given["salary"], f"either an annual cost or an annual salary in a row, not both (the row "
                                           f"also gives {shown['annual_cost']} {given['annual_cost']!r})")
        elif "salary" in given:
            salary = _parse_money(given["salary"], lambda v, e: bad("salary", v, e))
            if salary is not None and salary.ore == 0:
                bad("salary", given["salary"], "an annual salary above 0")
                salary = None
        elif "annual_cost" in index and ("salary" not in index or cell("annual_cost")):
            annual = _parse_money(cell("annual_cost"), lambda v, e: bad("annual_cost", v, e))
        elif "annual_cost" in index:
            bad("annual_cost", "", "an annual cost in kroner, e.g. 780 000, or an annual salary at 100 % in the "
                                   f"column {shown['salary']!r}")
        else:
            bad("salary", "", "an annual salary at 100 % in kroner, e.g. 600 000 (or an annual cost in 'årskostnad')")
        salary_cells = {canon: cell(canon) for canon in SALARY_COLUMNS if canon in index and cell(canon)}
        if "salary" not in given:
            for canon, value in salary_cells.items():
                bad(canon, value, "nothing: it applies only to a row that gives an annual salary (årslønn), not an "
                                  "annual cost")
        growth: Fraction | None = None
        if "growth" in index and cell("growth"):
            try:
                growth = _share(cell("growth"), where="growth")
                if growth <= -100:
                    bad("growth", cell("growth"), "a growth in percent above -100, e.g. 3,5")
                    growth = None
            except ValueError:
                bad("growth", cell("growth"), "a growth in percent, e.g. 3,5 or 3.5 %")
        cost_year = planned.default_years[0]
        if "cost_year" in index and cell("cost_year"):
            parsed = _parse_year(cell("cost_year"), lambda v, e: bad("cost_year", v, e))
            cost_year = parsed if parsed is not None else cost_year
        received: bool | None = None
        if "received_2021" in index and cell("received_2021") and "received_grant_in_2021" not in planned.position_options:
            bad("received_2021", cell("received_2021"), f"nothing: the column means nothing in {planned.scheme_id}")
        elif "received_2021" in index and cell("received_2021"):
            answer = cell("received_2021").lower()
            if answer in _YES:
                received = True
            elif answer in _NO:
                received = False
            else:
                bad("received_2021", cell("received_2021"), "ja/nei (or yes/no)")
        granted: dict[int, Money] = {}
        changes: dict[int, Fraction] = {}
        for (kind, year), i in sorted(year_cols.items()):
            raw = row[i].strip() if i < len(row) else ""
            if not raw:
                continue
            col = f"{kind}_{year}"
            if kind == "granted":
                amount = _parse_money(raw, lambda v, e, c=col: bad(c, v, e))
                if amount is not None:
                    granted[year] = amount
            else:
                pct = _parse_percent(raw, lambda v, e, c=col: bad(c, v, e))
                if pct is not None:
                    changes[year] = pct
        if municipality and position:
            key = (municipality, position)
            if key in seen:
                bad("position", position, f"a position name used once per municipality (also on row {seen[key]})")
            else:
                seen[key] = row_no
        salary_cost: SalaryCost | None = None
        if "salary" in given:
            salary_cost = _salary_cost(salary, percent, growth, cost_year, salary_cells, shown, row_problems, row_no)
        if row_problems:
            problems.extend(row_problems)
            continue
        assert percent is not None and first_year is not None
        cost: CostModel
        if salary_cost is not None:
            cost = salary_cost
        else:
            assert annual is not None
            cost = FixedCost(annual) if growth is None or growth == 0 else GrowingCost(annual, cost_year, growth)
        positions.append(Position(
            municipality=municipality, position=position, percent=percent, first_grant_year=first_year,
            cost=cost, percent_changes=changes, granted=granted, received_grant_in_2021=received,
            origin=f"{source} row {row_no}",
        ))
    if not any_rows:
        raise PositionsCSVError([CellProblem(None, None, None, "at least one position row after the header")], source)
    if problems:
        raise PositionsCSVError(problems, source)
    return positions


def _salary_cost(salary: Money | None, percent: Fraction | None, growth: Fraction | None, cost_year: int,
                 cells: dict[str, str], shown: dict[str, str], row_problems: list[CellProblem],
                 row_no: int) -> SalaryCost | None:
    """The salary-based cost of a row, every bad or missing cell of it reported."""
    def bad(canon: str, value: str, expected: str) -> None:
        row_problems.append(CellProblem(row_no, shown.get(canon, '/'.join(COLUMN_ALIASES[canon][:2])), value, expected))

    zone = zone_1a = None
    if not cells.get("zone"):
        bad("zone", "", "the employer's-contribution zone of the workplace: 1, 1a redusert, 1a full, 2, 3, 4, 4a or 5 "
                        "(see skatteetaten.no/satser/arbeidsgiveravgift-soneinndeling)")
    else:
        try:
            zone, zone_1a = parse_zone_cell(cells["zone"])
        except ZoneError as exc:
            bad("zone", cells["zone"], exc.expected)
    pension: Fraction | None = None
    if not cells.get("pension_rate"):
        bad("pension_rate", "", "the pension premium in percent of the salary, e.g. 12,5 (the employer's share, from "
                                "KLP or the pension fund): there is no default, and it is never taken as 0")
    else:
        try:
            pension = parse_share(cells["pension_rate"], where="pension_rate")
            if not 0 <= pension < 100:
                raise ValueError("out of range")
        except ValueError:
            bad("pension_rate", cells["pension_rate"], "a pension premium in percent of the salary, 0 to under 100, "
                                                       "e.g. 12,5")
            pension = None
    holiday = HolidayPay.FIFTH_WEEK
    holiday_given = False
    if cells.get("holiday_pay"):
        try:
            holiday, holiday_given = parse_holiday_pay(cells["holiday_pay"]), True
        except ValueError:
            bad("holiday_pay", cells["holiday_pay"], "12 (fifth week, the municipal sector) or 10,2 (ferieloven)")
    birth: int | None = None
    if cells.get("birth_year"):
        birth = _parse_year(cells["birth_year"], lambda v, e: bad("birth_year", v, e))
        if birth is not None and not 1900 <= birth <= 2100:
            bad("birth_year", cells["birth_year"], "a birth year such as 1964")
            birth = None
    if salary is None or percent is None or zone is None or pension is None or row_problems:
        return None
    return SalaryCost(salary, percent=percent, zone=zone, zone_1a_rate=zone_1a, pension_percent=pension,
                      holiday_pay=holiday if holiday_given else None, growth_percent=growth or 0,
                      salary_year=cost_year, birth_year=birth)


@functools.lru_cache(maxsize=4096)
def _percent_value(raw: str) -> Fraction | str:
    """The percentage in a cell, or what was expected instead (kept per text: a column repeats few values)."""
    if not raw:
        return "a position percentage in (0, 100], e.g. 100 or 50,5"
    try:
        parse_share(raw, where="percent")
    except ValueError:
        return "a position percentage in (0, 100], e.g. 100 or 50,5"
    try:
        return position_percent(raw)
    except ValueError:
        return "a position percentage in (0, 100]"


def _parse_percent(raw: str, report: object) -> Fraction | None:
    assert callable(report)
    value = _percent_value(raw)
    if isinstance(value, str):
        report(raw, value)
        return None
    return value


_share = functools.lru_cache(maxsize=4096)(parse_share)


def _parse_year(raw: str, report: object) -> int | None:
    assert callable(report)
    if not re.fullmatch(r"\d{4}", raw):
        report(raw, "a four-digit year such as 2021")
        return None
    return int(raw)


def _parse_money(raw: str, report: object) -> Money | None:
    assert callable(report)
    if raw.isascii() and raw.isdigit() and len(raw) < 16:
        return Money(int(raw) * 100)  # whole kroner, plain digits: what parse_kroner gives, without its patterns
    if not raw:
        report(raw, "an amount in kroner, e.g. 780 000 or 780000,00")
        return None
    try:
        amount = parse_kroner(raw, where="amount")
    except ValueError as exc:
        reason = str(exc).split(": ", 1)[-1]
        report(raw, f"an amount in kroner, e.g. 780 000 or 780000,50 ({reason})")
        return None
    if amount.ore < 0:
        report(raw, "an amount that is not negative")
        return None
    return amount
