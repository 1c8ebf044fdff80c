"""The plan workbook is the model: LibreOffice recalculates it, edits it as a finance officer would, and every
figure equals the library's plan of the same inputs, to the krone.

Why: formulas in a workbook are code the library does not run itself. These tests let a real
spreadsheet program (LibreOffice, headless, through its UNO interface) recalculate every formula —
as written, and after edits made *in LibreOffice*: a cost and a percentage changed, an unknown rate
filled in from the grant letter, the Plan sheet sorted (LibreOffice's own sort), a position's rows
deleted and a position inserted by copying rows — and compare every figure of the Plan and Totaler
sheets with the library's plan of the edited inputs. ``scripts/test`` installs LibreOffice and its
Python bridge (Debian's ``libreoffice-calc-nogui`` and ``python3-uno``); on CI a missing program is an
error, elsewhere the LibreOffice tests are skipped.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import zipfile
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from nedtrapping.cofinancing import FixedCost, GrowingCost, SalaryCost
from nedtrapping.example import example_positions
from nedtrapping.money import Money
from nedtrapping.plan import Plan, Position, plan_municipality
from nedtrapping.registry import position_scheme
from nedtrapping.render.xlsx import plan_xlsx_bytes, template_xlsx_bytes, write_plan_xlsx
from nedtrapping.rounding import SPREADSHEET_FUNCTIONS
from nedtrapping.ruleset import RuleSet
from nedtrapping.scheme import GrantQuery
from nedtrapping.schemes.kommunalt_rusarbeid import rules_for

K = Money.kroner
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
UNO_PYTHON = "/usr/bin/python3"
RECEIVED = "received_grant_in_2021"


def _has_uno() -> bool:
    if SOFFICE is None or not os.path.exists(UNO_PYTHON):
        return False
    return subprocess.run([UNO_PYTHON, "-c", "import uno"], capture_output=True, check=False).returncode == 0


HAS_LIBREOFFICE = _has_uno()
if os.environ.get("CI") == "true" and not HAS_LIBREOFFICE:  # on CI a missing program is an error, not a skip
    raise RuntimeError("LibreOffice (soffice) and its Python bridge (python3-uno) are needed: scripts/test installs "
                       "libreoffice-calc-nogui and python3-uno")
needs_libreoffice = pytest.mark.skipif(not HAS_LIBREOFFICE, reason="LibreOffice or python3-uno is not installed; "
                                       "scripts/test installs libreoffice-calc-nogui and python3-uno")

# The Plan sheet: a title block, the header on row 8, the rows from row 9 (column indexes are read from the header).
HEADER_ROW = 8
COL = {"Kommune": "municipality", "Stilling": "position", "År": "year", "Stillingsprosent": "percent",
       "Tilskudd": "grant", "Full kostnad": "cost", "Egenfinansiering": "own", "Økning i egenfinansiering": "increase",
       "Første tilskuddsår": "first", "Tildelt i tilsagnsbrevet": "granted", "Kostnad: beløp": "cost_amount",
       "Fikk tilskudd i 2021": "received"}

LO_EDIT = r'''"""Open workbooks in LibreOffice (headless, through UNO), apply edits as a finance officer would, recalculate, save.

Run with the Python that has LibreOffice's ``uno`` module (Debian: ``python3-uno``):

    python3 lo_edit.py SOFFICE PROFILE_DIR jobs.json

``jobs.json`` is a list of ``{"in": path, "out": path, "edits": [...]}``; every edit names its sheet
and finds its rows by their content (``"where": {"0": "Bodø", "1": "Miljøarbeider"}``: column
index → text or number), so edits stay right after a sort. Edits: ``set`` (a value in a column of
every matching row), ``sort`` (the data rows by a column), ``delete`` (every matching row),
``insert_copy`` (a new row under the last matching ``from`` row, copied from it with its formulas,
then given ``values``). It writes ``{"counts": [...]}`` per job to stdout as JSON lines.
"""

import io
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.table import CellRangeAddress, CellAddress, TableSortField


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(soffice, profile):
    pipe = "nedtrapping_%d" % os.getpid()
    proc = subprocess.Popen([soffice, "-env:UserInstallation=" + uno.systemPathToFileUrl(profile), "--headless",
                             "--invisible", "--nologo", "--norestore", "--nodefault",
                             "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(240):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except Exception:
            time.sleep(0.25)
    else:
        proc.kill()
        raise SystemExit("LibreOffice did not start")
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    return proc, desktop


def used_rows(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    addr = cursor.getRangeAddress()
    return addr.EndRow, addr.EndColumn


def cell_value(cell):
    t = cell.getType().value
    if t == "EMPTY":
        return None
    if t == "VALUE":
        return cell.getValue()
    if t == "FORMULA":
        return cell.getValue() if cell.FormulaResultType2 == 1 else cell.getString()
    return cell.getString()


def matches(sheet, row, where):
    for col, want in where.items():
        got = cell_value(sheet.getCellByPosition(int(col), row))
        if isinstance(want, str):
            if got != want:
                return False
        elif got is None or abs(got - want) > 1e-9:
            return False
    return True


def rows_where(sheet, first, where, last=None):
    end, _ = used_rows(sheet)
    if last is not None:
        end = min(end, last)
    return [r for r in range(first, end + 1) if matches(sheet, r, where)]


def apply(doc, edit):
    sheet = doc.Sheets.getByName(edit["sheet"])
    first = edit.get("first", 1)
    op = edit["op"]
    if op == "set":
        rows = rows_where(sheet, first, edit["where"], edit.get("last"))
        for r in rows:
            for col, value in edit["values"].items():
                cell = sheet.getCellByPosition(int(col), r)
                if value is None:
                    cell.setString("")
                    cell.setFormula("")
                elif isinstance(value, str):
                    cell.setString(value)
                else:
                    cell.setValue(value)
        return len(rows)
    if op == "sort":
        last, last_col = used_rows(sheet)
        rng = sheet.getCellRangeByPosition(0, first, last_col, last)
        field = TableSortField()
        field.Field = edit["column"]
        field.IsAscending = not edit.get("descending", False)
        desc = rng.createSortDescriptor()
        for p in desc:
            if p.Name == "SortFields":
                p.Value = uno.Any("[]com.sun.star.table.TableSortField", (field,))
            elif p.Name == "ContainsHeader":
                p.Value = False
        uno.invoke(rng, "sort", (tuple(desc),))
        return last - first + 1
    if op == "delete":
        rows = rows_where(sheet, first, edit["where"])
        for r in reversed(rows):
            sheet.getRows().removeByIndex(r, 1)
        return len(rows)
    if op == "insert_copy":
        rows = rows_where(sheet, first, edit["from"])
        source = rows[-1]
        _, last_col = used_rows(sheet)
        sheet.getRows().insertByIndex(source + 1, 1)
        src = CellRangeAddress()
        src.Sheet, src.StartColumn, src.StartRow, src.EndColumn, src.EndRow = (
            sheet.RangeAddress.Sheet, 0, source, last_col, source)
        dst = CellAddress()
        dst.Sheet, dst.Column, dst.Row = sheet.RangeAddress.Sheet, 0, source + 1
        sheet.copyRange(dst, src)
        for col, value in edit["values"].items():
            cell = sheet.getCellByPosition(int(col), source + 1)
            if isinstance(value, str):
                cell.setString(value)
            else:
                cell.setValue(value)
        return 1
    raise SystemExit("unknown edit %r" % op)


def main():
    soffice, profile, jobs_file = sys.argv[1:4]
    with open(jobs_file, encoding="utf-8") as f:
        jobs = json.load(f)
    proc, desktop = connect(soffice, profile)
    try:
        for job in jobs:
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(job["in"])), "_blank", 0,
                                               (prop("Hidden", True),))
            counts = [apply(doc, e) for e in job.get("edits", [])]
            doc.calculateAll()
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(job["out"])),
                           (prop("FilterName", "Calc MS Excel 2007 XML"),))
            doc.close(True)
            print(json.dumps({"counts": counts}), flush=True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=30)
        except Exception:
            proc.kill()


if __name__ == "__main__":
    main()
'''


def _plan() -> Plan:
    """Two municipalities, a growing cost, a percentage change, a 33.3 % position and an unknown 2022 grant."""
    return plan_municipality([
        *example_positions(),
        Position(municipality="Bodø", position="Ruskonsulent", percent="33.3", first_grant_year=2020,
                 cost=GrowingCost(K(512_345), 2022, "2.7")),
        Position(municipality="Bodø", position="Miljøarbeider", percent=100, first_grant_year=2021,
                 cost=FixedCost(K(650_000)), percent_changes={2024: 60}),
        Position(municipality="Bodø", position="Boveileder", percent=80, first_grant_year=2021,
                 cost=SalaryCost(K(560_000), zone="4", pension_percent="12.5", percent=80)),
    ])


# --------------------------------------------------------------------------- LibreOffice


def _run_libreoffice(tmp: Path, jobs: Sequence[dict[str, Any]]) -> list[list[int]]:
    """Open, edit (in LibreOffice), recalculate every formula and save each job's workbook: one LibreOffice run."""
    assert SOFFICE is not None
    script = tmp / "lo_edit.py"
    script.write_text(LO_EDIT, encoding="utf-8")
    jobs_file = tmp / "jobs.json"
    jobs_file.write_text(json.dumps(list(jobs)), encoding="utf-8")
    profile = tmp / "lo-profile"
    profile.mkdir(exist_ok=True)
    done = subprocess.run([UNO_PYTHON, str(script), SOFFICE, str(profile), str(jobs_file)], capture_output=True,
                          text=True, timeout=600, check=False)
    assert done.returncode == 0, f"LibreOffice failed: {done.stdout}\n{done.stderr}"
    return [json.loads(line)["counts"] for line in done.stdout.splitlines() if line.startswith("{")]


def _poisoned(data: bytes, path: Path) -> Path:
    """The workbook with every cached formula result spoiled: a figure can only be right if LibreOffice computed it."""
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                content = content.replace(b"</f><v>", b"</f><v>9")
            dst.writestr(info, content)
    return path


# --------------------------------------------------------------------------- reading a recalculated workbook


def _columns(ws: Any) -> dict[str, int]:
    header = [c.value for c in ws[HEADER_ROW]]
    return {COL[h]: i for i, h in enumerate(header) if h in COL}


def _kr(x: Any) -> int | str | None:
    """A recalculated cell as whole kroner, the text «ukjent», or None for an empty cell; nothing else passes."""
    if x is None or x == "":
        return None
    if x == "ukjent":
        return "ukjent"
    exact = Decimal(str(x))
    assert exact == exact.to_integral_value(), f"not whole kroner: {x!r}"
    return int(exact)


def _want(m: Money | None, *, unknown: bool = True) -> int | str | None:
    if m is None:
        return "ukjent" if unknown else None
    assert m.is_whole_kroner
    return m.ore // 100


def _sheet_rows(ws: Any) -> dict[tuple[str, str, int], tuple[Any, ...]]:
    col = _columns(ws)
    out: dict[tuple[str, str, int], tuple[Any, ...]] = {}
    for row in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True):
        if row[col["municipality"]] is None:
            continue
        key = (row[col["municipality"]], row[col["position"]], int(row[col["year"]]))
        assert key not in out, f"two rows for {key}"
        out[key] = tuple(_kr(row[col[n]]) for n in ("grant", "cost", "own", "increase"))
    return out


def _assert_workbook_is_the_plan(book: Any, plan: Plan, *, municipality_totals: bool = True) -> int:
    """Every figure of the Plan and Totaler sheets equals the library's; returns how many were compared."""
    rows = _sheet_rows(book["Plan"])
    compared = 0
    first_without_base = plan.years[0] if plan.base_year is None else None
    for r in plan.rows:
        got = rows.pop((r.municipality, r.position, r.year))
        no_increase = r.year == first_without_base
        want = (_want(r.grant), _want(r.cost), _want(r.own_financing),
                _want(r.own_financing_increase, unknown=not no_increase))
        assert got == want, f"{r.municipality} / {r.position} {r.year}: workbook {got}, library {want}"
        compared += 4
    # what is left are the base year's rows: their own financing is the base of the first year's increase
    for (muni, pos, year), got in rows.items():
        assert year == plan.base_year, f"a row the plan does not have: {muni} / {pos} {year}"
        first = plan.row(pos, plan.years[0], muni)
        if first.own_financing is not None and first.own_financing_increase is not None:
            assert got[2] == _want(first.own_financing - first.own_financing_increase)
            compared += 1
        else:
            assert got[2] == "ukjent" or first.own_financing is None
    totals = list(book["Totaler"].iter_rows(min_row=2, values_only=True))
    expected = [(m, y, t) for m in plan.municipalities for y, t in plan.municipality_totals(m).items()
                if municipality_totals]
    expected += [("Alle kommuner", y, t) for y, t in plan.totals.items()]
    by_key = {(row[0], row[1]): row for row in totals}
    for m, y, t in expected:
        row = by_key[(m, y)]
        no_increase = y == first_without_base
        got_t = tuple(_kr(x) for x in row[2:6])
        want_t = (_want(t.grant), _want(t.cost), _want(t.own_financing),
                  _want(t.own_financing_increase, unknown=not no_increase))
        assert got_t == want_t, f"totals {m} {y}: workbook {got_t}, library {want_t}"
        listed = set(filter(None, (row[7] or "").split(", ")))
        assert listed == set(t.incomplete_positions), f"totals {m} {y}: {listed} != {t.incomplete_positions}"
        unknowns = sum(x is None for x in (t.grant, t.own_financing)) + (
            0 if no_increase else t.own_financing_increase is None)
        assert (row[6] or 0) >= unknowns and (row[6] == 0) == (not t.incomplete_positions)
        compared += 4
    if "Økonomiplan" in book.sheetnames:  # positions × years, found on the Plan sheet by position and year
        compared += _assert_budget_is_the_plan(book["Økonomiplan"], plan)
    line = book["Plan"]["A5"].value
    n_unknown = sum(v == "ukjent" for got in _sheet_rows(book["Plan"]).values() for v in (got[0], got[2], got[3]))
    assert line.startswith("Fullstendig") if n_unknown == 0 else f"Ufullstendig: {n_unknown} ukjente" in line
    return compared


def _assert_budget_is_the_plan(ws: Any, plan: Plan) -> int:
    rows = list(ws.iter_rows(values_only=True))
    header = list(rows[0])
    first_without_base = plan.years[0] if plan.base_year is None else None
    compared = 0
    for row in rows[1:]:
        muni, pos = row[0], row[1]
        for year in plan.years:
            got = tuple(_kr(row[header.index(f"{label} {year}")])
                        for label in ("Tilskudd", "Egenfinansiering", "Økning"))
            if pos == "Sum":
                t = plan.municipality_totals(muni)[year]
                figures = (t.grant, t.own_financing, t.own_financing_increase)
            else:
                try:
                    r = plan.row(pos, year, muni)
                except KeyError:  # a position deleted in the workbook: nothing to sum
                    assert got == (None, None, None), f"økonomiplan {muni} / {pos} {year}: {got}"
                    continue
                figures = (r.grant, r.own_financing, r.own_financing_increase)
            want = (_want(figures[0]), _want(figures[1]), _want(figures[2], unknown=year != first_without_base))
            assert got == want, f"økonomiplan {muni} / {pos} {year}: workbook {got}, library {want}"
            compared += 3
    return compared


# --------------------------------------------------------------------------- the workbook as written


def test_the_same_plan_gives_the_same_bytes(tmp_path: Path) -> None:
    first = plan_xlsx_bytes(_plan())
    assert first == plan_xlsx_bytes(_plan())
    write_plan_xlsx(_plan(), tmp_path / "a.xlsx")
    assert (tmp_path / "a.xlsx").read_bytes() == first
    props = openpyxl.load_workbook(tmp_path / "a.xlsx").properties
    assert props.created.year >= 2022 and props.title == "Nedtrappingsplan – kommunalt rusarbeid"
    assert props.keywords and "kommunalt-rusarbeid 2023" in props.keywords


def test_grant_cells_are_formulas_that_apply_the_schemes_rate(tmp_path: Path) -> None:
    plan = _plan()
    write_plan_xlsx(plan, tmp_path / "p.xlsx")
    book = openpyxl.load_workbook(tmp_path / "p.xlsx")
    ws = book["Plan"]
    col = _columns(ws)
    data = list(ws.iter_rows(min_row=HEADER_ROW + 1))
    assert len(data) == len(plan.rows) + len(plan.positions)  # and one base-year (2021) row per position
    for row in data:
        for name in ("grant", "cost", "own", "increase"):
            assert str(row[col[name]].value).startswith("=IF("), f"{name} is not a formula: {row[col[name]].value}"
        assert "ROUND(" in row[col["grant"]].value and "Satser!" in row[col["grant"]].value
        assert "SUMIFS(" in row[col["increase"]].value  # the previous year is found by content, not by position
    # the Satser sheet: each cell's rate as the scheme states it, the rounding by its named rule's words
    scheme = position_scheme("kommunalt-rusarbeid")
    rates = list(book["Satser"].iter_rows(min_row=2, values_only=True))
    assert rates
    for year, n, received, amount, pro_rata, rounding, status, *_ in rates:
        query = scheme.cell(GrantQuery(year=year, first_grant_year=year - n + 1, options={RECEIVED: received == "ja"}))
        try:
            rate = scheme.rate(query)
        except LookupError:
            assert amount is None and status == "ukjent"
            continue
        assert amount == rate.paid_per_full_position.ore // 100
        assert pro_rata == ("ja" if rate.pro_rata else "nei")
        assert rounding == {"half-up": "halvt opp til hele kroner, én gang",
                            "down": "ned til hele kroner, én gang (et tak)"}[rate.rounding]
    assert set(SPREADSHEET_FUNCTIONS) == {"half-up", "down"}


def test_an_unknown_rate_is_an_empty_input_cell_labelled_with_what_the_letter_says(tmp_path: Path) -> None:
    plan = _plan()
    write_plan_xlsx(plan, tmp_path / "p.xlsx")
    book = openpyxl.load_workbook(tmp_path / "p.xlsx")
    header = [c.value for c in book["Satser"][1]]
    rates = {row[header.index("Nøkkel")].value: row for row in book["Satser"].iter_rows(min_row=2)}
    step_3 = rates["2022|3|ja"]
    amount = step_3[header.index("Sats per 100 % stilling")]
    assert amount.value is None and amount.fill.fgColor.rgb.endswith("F8CBAD") and amount.protection.locked is False
    label = step_3[header.index("Skriv inn (fra tilsagnsbrevet)")].value
    assert "trinn 3 i årsstigen" in label and "tilsagnsbrev for 2022" in label
    known = rates["2023|3|ja"]
    assert known[header.index("Sats per 100 % stilling")].value == 330_000
    assert "lysark om tilskudd" in known[header.index("Kilde")].value  # the deck: a source without a link
    linked = [row[header.index("Kilde")].hyperlink for row in rates.values()]
    assert any(link is not None and link.target.startswith("https://") for link in linked)
    # the grant the rate gives is «ukjent» in the cached results, never 0
    values = openpyxl.load_workbook(tmp_path / "p.xlsx", data_only=True)
    got = _sheet_rows(values["Plan"])
    assert got[("Bodø", "Ruskonsulent", 2022)][0] == "ukjent"


def test_inputs_and_formulas_look_different_and_the_plan_sheet_says_what_it_is(tmp_path: Path) -> None:
    plan = _plan()
    write_plan_xlsx(plan, tmp_path / "p.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "p.xlsx")["Plan"]
    col = _columns(ws)
    row = ws[HEADER_ROW + 2]
    for name in ("percent", "first", "cost_amount"):
        assert row[col[name]].fill.fgColor.rgb.endswith("FFF2CC"), name
    granted = openpyxl.utils.get_column_letter(col["granted"] + 1)  # empty here: the column's cells are inputs
    assert ws.column_dimensions[granted].fill.fgColor.rgb.endswith("FFF2CC")
    for name in ("grant", "cost", "own", "increase"):
        assert not row[col[name]].fill.fgColor.rgb.endswith("FFF2CC"), name
    assert ws["A1"].value == "Nedtrappingsplan – kommunalt rusarbeid"
    assert "kommunalt-rusarbeid 2022 " + plan.digests["kommunalt-rusarbeid 2022"] in ws["A3"].value
    assert "nedtrapping" in ws["A4"].value and ws["A5"].value.startswith("=IF(")
    assert ws.freeze_panes == "C9" and ws.auto_filter.ref.startswith("A8:")


def test_names_that_look_like_formulas_stay_text(tmp_path: Path) -> None:
    plan = plan_municipality([Position(municipality="=HYPERLINK(\"http://x\",\"y\")", position="+cmd", percent=100,
                                       first_grant_year=2021, cost=FixedCost(K(700_000)))])
    write_plan_xlsx(plan, tmp_path / "p.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "p.xlsx")["Plan"]
    assert ws["A9"].data_type == "s" and ws["A9"].value.startswith("=HYPERLINK")


def test_the_rules_sheet_lists_every_rule_value_used_with_status_and_a_link(tmp_path: Path) -> None:
    plan = _plan()
    write_plan_xlsx(plan, tmp_path / "p.xlsx")
    book = openpyxl.load_workbook(tmp_path / "p.xlsx")
    assert book.sheetnames == ["Plan", "Satser", "Totaler", "Økonomiplan", "Regler", "Advarsler", "Forklaringer", "Regelsett"]
    rules = list(book["Regler"].iter_rows(min_row=2))
    listed = {(r[0].value, r[1].value) for r in rules}
    assert set(plan.used_facts) <= listed
    flat = next(r for r in rules if (r[0].value, r[1].value) == ("kommunalt-rusarbeid 2023", "flat_amount"))
    assert flat[2].value == "330 000 kr" and flat[3].value == "endelig"
    assert any(r[5].hyperlink is not None for r in rules)
    warnings = [r[1] for r in book["Advarsler"].iter_rows(min_row=2, values_only=True)]
    assert sum("Trinn 3 i årsstigen" in w for w in warnings) == 1
    assert dict(book["Regelsett"].iter_rows(min_row=2, values_only=True)) == dict(plan.digests)
    english = tmp_path / "en.xlsx"
    write_plan_xlsx(plan, english, lang="en")
    assert openpyxl.load_workbook(english).sheetnames == ["Plan", "Rates", "Totals", "Budget plan", "Rules", "Warnings",
                                                          "Explanations", "Rule sets"]


def test_the_budget_sheet_carries_ansvar_funksjon_art_from_the_positions_file(tmp_path: Path) -> None:
    plan = _plan()
    extra = {p.key: {"ansvar": f"A{i}", "funksjon": "2430", "art": "10100"} for i, p in enumerate(plan.positions)}
    write_plan_xlsx(plan, tmp_path / "p.xlsx", extra_columns=extra)
    book = openpyxl.load_workbook(tmp_path / "p.xlsx")
    budget = list(book["Økonomiplan"].iter_rows(values_only=True))
    assert budget[0][:5] == ("Kommune", "Stilling", "ansvar", "funksjon", "art")
    assert budget[1][:5] == ("Eksempel kommune", "Ruskonsulent", "A0", "2430", "10100")
    assert [r[1] for r in budget].count("Sum") == len(plan.municipalities)
    assert str(budget[1][5]).startswith("=IF(COUNTIFS(Plan!")  # a formula over the Plan sheet
    plan_header = [c.value for c in book["Plan"][HEADER_ROW]]
    assert plan_header[-3:] == ["ansvar", "funksjon", "art"]


def test_explanations_are_whole_one_line_per_row(tmp_path: Path) -> None:
    plan = _plan()
    write_plan_xlsx(plan, tmp_path / "p.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "p.xlsx")["Forklaringer"]
    lines = [r[3] for r in ws.iter_rows(min_row=2, values_only=True)]
    want = [line for r in plan.rows for line in r.explanation.to_text("nb").split("\n")]
    assert lines == want  # every line, none cut off, none squeezed into one tall cell
    assert all(ws.row_dimensions[i].height is None for i in range(2, len(lines) + 2))


# --------------------------------------------------------------------------- recalculated in LibreOffice


@needs_libreoffice
def test_libreoffice_recalculates_the_workbook_to_the_librarys_figures(tmp_path: Path) -> None:
    plan = _plan()
    written = _poisoned(plan_xlsx_bytes(plan), tmp_path / "plan.xlsx")
    _run_libreoffice(tmp_path, [{"in": str(written), "out": str(tmp_path / "out.xlsx")}])
    book = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)
    assert _assert_workbook_is_the_plan(book, plan) >= 4 * (len(plan.rows) + 3 * len(plan.years))


def _where(muni: str, pos: str, year: int | None = None) -> dict[str, Any]:
    where: dict[str, Any] = {"0": muni, "1": pos}
    if year is not None:
        where["2"] = year
    return where


def _resolved(plan: Plan) -> list[Position]:
    """The plan's positions with the municipality's answer stated, as the workbook's input cell states it."""
    scheme = position_scheme(plan.scheme_id)
    years: dict[str, tuple[int, ...]] = {}
    for p in plan.positions:
        years[p.municipality] = tuple(sorted({*years.get(p.municipality, ()), p.first_grant_year}))
    return [attrs.evolve(p, options={RECEIVED: scheme.cell(GrantQuery(
        year=plan.years[0], first_grant_year=p.first_grant_year, options=dict(p.options),
        municipality_first_grant_years=years[p.municipality])).option(RECEIVED)}) for p in plan.positions]


@needs_libreoffice
def test_after_sorting_deleting_inserting_and_filling_in_a_rate_every_figure_is_the_librarys(tmp_path: Path) -> None:
    """The issue's bar: edits made in LibreOffice, then every figure equals the library's plan of the edited inputs."""
    positions = [*example_positions(),
                 Position(municipality="Bo*dø", position="Rus?konsulent", percent="33.3", first_grant_year=2020,
                          cost=GrowingCost(K(512_345), 2022, "2.7")),
                 Position(municipality="Bo*dø", position="Miljøarbeider", percent=100, first_grant_year=2021,
                          cost=FixedCost(K(650_000)), granted={2023: K(300_000)}),
                 Position(municipality="Bodø", position="Rus?konsulent", percent=100, first_grant_year=2019,
                          cost=FixedCost(K(640_000)))]
    plan = plan_municipality(positions)
    written = tmp_path / "plan.xlsx"
    written.write_bytes(plan_xlsx_bytes(plan))
    cols = _columns(openpyxl.load_workbook(written)["Plan"])
    rates_header = [c.value for c in openpyxl.load_workbook(written)["Satser"][1]]
    rate_col, key_col = rates_header.index("Sats per 100 % stilling"), rates_header.index("Nøkkel")
    edits = [
        {"op": "sort", "sheet": "Plan", "first": HEADER_ROW, "column": cols["position"], "descending": True},
        # a cost: Eksempel kommune's Erfaringskonsulent costs 400 000 kr in 2022 (growing as before)
        {"op": "set", "sheet": "Plan", "where": _where("Eksempel kommune", "Erfaringskonsulent"),
         "values": {str(cols["cost_amount"]): 400_000}},
        # a percentage: Bo*dø's Miljøarbeider at 50 % from 2024
        *({"op": "set", "sheet": "Plan", "where": _where("Bo*dø", "Miljøarbeider", y),
           "values": {str(cols["percent"]): 0.5}} for y in (2024, 2025)),
        # the unknown ladder step 3 of 2022, typed in from the grant letter
        {"op": "set", "sheet": "Satser", "where": {str(key_col): "2022|3|ja"}, "values": {str(rate_col): 412_345}},
        {"op": "set", "sheet": "Satser", "where": {str(key_col): "2022|4|ja"}, "values": {str(rate_col): 301_000}},
        {"op": "set", "sheet": "Satser", "where": {str(key_col): "2021|3|ja"}, "values": {str(rate_col): 455_000}},
        # a position's rows deleted
        {"op": "delete", "sheet": "Plan", "first": HEADER_ROW, "where": _where("Eksempel kommune", "Boveileder")},
        # a position inserted by copying another's rows (formulas and all) and typing its name and cost
        *({"op": "insert_copy", "sheet": "Plan", "first": HEADER_ROW, "from": _where("Bodø", "Rus?konsulent", y),
           "values": {str(cols["position"]): "Ny stilling", str(cols["cost_amount"]): 555_555}}
          for y in (2021, 2022, 2023, 2024, 2025)),
    ]
    counts = _run_libreoffice(tmp_path, [{"in": str(written), "out": str(tmp_path / "out.xlsx"), "edits": edits}])
    assert counts[0][1:] == [5, 1, 1, 1, 1, 1, 5, 1, 1, 1, 1, 1]  # every edit met the rows it meant
    edited = []
    for p in _resolved(plan):
        if p.key == ("Eksempel kommune", "Boveileder"):
            continue
        if p.key == ("Eksempel kommune", "Erfaringskonsulent"):
            assert isinstance(p.cost, GrowingCost)
            p = attrs.evolve(p, cost=attrs.evolve(p.cost, base=K(400_000)))
        if p.key == ("Bo*dø", "Miljøarbeider"):
            p = p.with_percent_from(2024, 50)
        edited.append(p)
        if p.key == ("Bodø", "Rus?konsulent"):
            edited.append(attrs.evolve(p, position="Ny stilling", cost=FixedCost(K(555_555))))
    rules = {2022: rules_for(2022).with_ladder_step(3, K(412_345), "Tilsagnsbrev 2022")
             .with_ladder_step(4, K(301_000), "Tilsagnsbrev 2022"),
             2021: rules_for(2021).with_ladder_step(3, K(455_000), "Tilsagnsbrev 2021")}
    what_if = plan_municipality(edited, rules=rules)
    book = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)
    assert _assert_workbook_is_the_plan(book, what_if) > 100
    assert what_if.is_complete and book["Plan"]["A5"].value.startswith("Fullstendig")
    assert what_if.totals[2022].grant != plan.totals[2022].grant


@needs_libreoffice
def test_a_capped_scheme_rounds_down_and_a_year_without_rules_waits_for_the_letter(tmp_path: Path) -> None:
    """NAV sosiale tjenester: «inntil 610 000 kr», cut pro rata and rounded down; no rules for 2023 yet."""
    positions = [Position(municipality="NAV-kommune", position="Veileder", percent=Fraction(100, 7),
                          first_grant_year=2022, cost=FixedCost(K(100_000))),
                 Position(municipality="NAV-kommune", position="Rådgiver", percent=50, first_grant_year=2022,
                          cost=GrowingCost(K(400_000), 2022, "3"), granted={2023: K(250_000)})]
    plan = plan_municipality(positions, scheme="nav-sosiale-tjenester", years=[2022, 2023, 2024])
    assert plan.row("Veileder", 2022).grant == K(87_142)  # 610 000 × 100/7 % = 87 142,857… kr, at most
    written = tmp_path / "nav.xlsx"
    written.write_bytes(plan_xlsx_bytes(plan))
    cols = _columns(openpyxl.load_workbook(written)["Plan"])
    letter = {"op": "set", "sheet": "Plan", "first": HEADER_ROW, "where": _where("NAV-kommune", "Veileder", 2023),
              "values": {str(cols["granted"]): 90_000}}
    _run_libreoffice(tmp_path, [{"in": str(written), "out": str(tmp_path / "as-written.xlsx")},
                                {"in": str(written), "out": str(tmp_path / "letter.xlsx"), "edits": [letter]}])
    _assert_workbook_is_the_plan(openpyxl.load_workbook(tmp_path / "as-written.xlsx", data_only=True), plan)
    with_letter = plan_municipality([attrs.evolve(positions[0], granted={2023: K(90_000)}), positions[1]],
                                    scheme="nav-sosiale-tjenester", years=[2022, 2023, 2024])
    _assert_workbook_is_the_plan(openpyxl.load_workbook(tmp_path / "letter.xlsx", data_only=True), with_letter)


# --------------------------------------------------------------------------- generated plans and edits

_NAMES = ("Bodø", "Eksempel kommune", "Å*s", "Vik?")
_POSITIONS = ("Ruskonsulent", "Miljøarbeider", "Boveileder", "Erfarings~konsulent")


@st.composite
def _positions(draw: Any) -> list[Position]:
    out: list[Position] = []
    for muni in draw(st.lists(st.sampled_from(_NAMES), min_size=1, max_size=3, unique=True)):
        said = draw(st.sampled_from([None, None, True, False]))
        for name in draw(st.lists(st.sampled_from(_POSITIONS), min_size=1, max_size=3, unique=True)):
            percent = draw(st.sampled_from([100, 100, 50, 80, Fraction(333, 10), Fraction(125, 10), 75]))
            kind = draw(st.sampled_from(["fixed", "growing", "growing", "salary"]))
            cost: Any
            if kind == "fixed":
                cost = FixedCost(K(draw(st.integers(200_000, 900_000))))
            elif kind == "growing":
                cost = GrowingCost(K(draw(st.integers(200_000, 900_000))), draw(st.integers(2021, 2023)),
                                   draw(st.sampled_from(["0", "2.7", "3.5", "4", "1.25"])))
            else:
                cost = SalaryCost(K(draw(st.integers(450_000, 750_000))), zone=draw(st.sampled_from(["1", "4"])),
                                  pension_percent="12.5", percent=percent)
            changes = {}
            if kind != "salary" and draw(st.booleans()):
                changes = {draw(st.integers(2023, 2025)): draw(st.sampled_from([40, 60, 100, Fraction(505, 10)]))}
            granted = {}
            if draw(st.integers(0, 4)) == 0:
                granted = {draw(st.integers(2022, 2024)): K(draw(st.integers(0, 700_000)))}
            out.append(Position(municipality=muni, position=name, percent=percent,
                                first_grant_year=draw(st.integers(2017, 2023)), cost=cost, percent_changes=changes,
                                granted=granted, options={RECEIVED: said}))
    return out


@st.composite
def _case(draw: Any) -> tuple[list[Position], dict[int, RuleSet], dict[str, Any]]:
    positions = draw(_positions())
    rules: dict[int, RuleSet] = {}
    for year, step in ((2021, 3), (2021, 4), (2022, 3), (2022, 4)):
        if draw(st.integers(0, 3)) == 0:
            rules[year] = (rules.get(year) or rules_for(year)).supply(
                f"ladder.step_{step}", K(draw(st.integers(100_000, 600_000))), "Tilsagnsbrev")
    editable = [p for p in positions if not isinstance(p.cost, SalaryCost)]
    edit: dict[str, Any] = {
        "sort": draw(st.sampled_from(["position", "municipality", "year", "grant"])),
        "descending": draw(st.booleans()),
        "cost": draw(st.sampled_from(editable)).key if editable and draw(st.booleans()) else None,
        "cost_to": draw(st.integers(100_000, 950_000)),
        "percent": draw(st.sampled_from(editable)).key if editable and draw(st.booleans()) else None,
        "percent_from": draw(st.integers(2022, 2025)),
        "percent_to": draw(st.sampled_from([Fraction(50), Fraction(333, 10), Fraction(100)])),
        "delete": draw(st.sampled_from(positions)).key if len(positions) > 1 and draw(st.booleans()) else None,
        "insert": draw(st.sampled_from(editable)).key if editable and draw(st.booleans()) else None,
        "fill": draw(st.integers(150_000, 650_000)) if draw(st.booleans()) else None,
    }
    return positions, rules, edit


def _edits_and_what_if(plan: Plan, rules: dict[int, RuleSet], edit: dict[str, Any], written: Path
                       ) -> tuple[list[dict[str, Any]], Plan]:
    """The edits as LibreOffice makes them, and the library's plan of the edited inputs."""
    book = openpyxl.load_workbook(written)
    cols = _columns(book["Plan"])
    header = [c.value for c in book["Satser"][1]]
    rate_col, key_col = header.index("Sats per 100 % stilling"), header.index("Nøkkel")
    edits: list[dict[str, Any]] = [{"op": "sort", "sheet": "Plan", "first": HEADER_ROW,
                                    "column": cols[edit["sort"]], "descending": edit["descending"]}]
    positions = _resolved(plan)
    rules = dict(rules)
    if edit["cost"] is not None:
        muni, pos = edit["cost"]
        edits.append({"op": "set", "sheet": "Plan", "where": _where(muni, pos),
                      "values": {str(cols["cost_amount"]): edit["cost_to"]}})
        positions = [attrs.evolve(p, cost=attrs.evolve(p.cost, **{"base" if isinstance(p.cost, GrowingCost) else
                                                                  "annual": K(edit["cost_to"])}))
                     if p.key == (muni, pos) else p for p in positions]
    if edit["percent"] is not None:
        muni, pos = edit["percent"]
        for year in range(edit["percent_from"], plan.years[-1] + 1):
            edits.append({"op": "set", "sheet": "Plan", "where": _where(muni, pos, year),
                          "values": {str(cols["percent"]): float(edit["percent_to"] / 100)}})
        # the new percentage in every row from that year on: any later change of the input is overwritten too
        start = edit["percent_from"]
        positions = [attrs.evolve(p, percent_changes={**{y: v for y, v in p.percent_changes.items() if y < start},
                                                      start: edit["percent_to"]})
                     if p.key == (muni, pos) else p for p in positions]
    if edit["fill"] is not None:  # every empty rate typed in from the grant letter
        for row in book["Satser"].iter_rows(min_row=2, values_only=True):
            if row[rate_col] is None:
                year, n = row[0], row[1]
                edits.append({"op": "set", "sheet": "Satser", "where": {str(key_col): row[key_col]},
                              "values": {str(rate_col): edit["fill"] + n}})
                base = rules.get(year) or rules_for(year)
                rules[year] = base.supply(f"ladder.step_{n}", K(edit["fill"] + n), "Tilsagnsbrev")
    if edit["delete"] is not None:
        muni, pos = edit["delete"]
        edits.append({"op": "delete", "sheet": "Plan", "first": HEADER_ROW, "where": _where(muni, pos)})
        positions = [p for p in positions if p.key != (muni, pos)]
    if edit["insert"] is not None and edit["insert"] != edit["delete"]:
        muni, pos = edit["insert"]
        source = next(p for p in positions if p.key == (muni, pos))
        for year in ([plan.base_year] if plan.base_year else []) + list(plan.years):
            edits.append({"op": "insert_copy", "sheet": "Plan", "first": HEADER_ROW, "from": _where(muni, pos, year),
                          "values": {str(cols["position"]): "Ny stilling"}})
        positions.append(attrs.evolve(source, position="Ny stilling", granted=source.granted))
    return edits, plan_municipality(positions, rules=rules or None)


@needs_libreoffice
@settings(max_examples=3, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],  # no shrinking:
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])  # each example runs LibreOffice
@given(st.lists(_case(), min_size=3, max_size=3))
def test_recalculated_and_edited_workbooks_equal_the_librarys_plans_to_the_krone(
        tmp_path_factory: pytest.TempPathFactory, cases: list[Any]) -> None:
    tmp = tmp_path_factory.mktemp("lo")
    jobs: list[dict[str, Any]] = []
    expected: list[Plan] = []
    for i, (positions, rules, edit) in enumerate(cases):
        plan = plan_municipality(positions, rules=rules or None)
        written = tmp / f"plan{i}.xlsx"
        written.write_bytes(plan_xlsx_bytes(plan))
        jobs.append({"in": str(written), "out": str(tmp / f"as-written{i}.xlsx")})
        expected.append(plan)
        edits, what_if = _edits_and_what_if(plan, rules, edit, written)
        jobs.append({"in": str(written), "out": str(tmp / f"edited{i}.xlsx"), "edits": edits})
        expected.append(what_if)
    _run_libreoffice(tmp, jobs)  # one LibreOffice for all the workbooks of the example
    for job, plan in zip(jobs, expected):
        _assert_workbook_is_the_plan(openpyxl.load_workbook(job["out"], data_only=True), plan)


# --------------------------------------------------------------------------- the blank workbook


@needs_libreoffice
def test_the_blank_workbook_plans_a_position_typed_into_it(tmp_path: Path) -> None:
    blank = tmp_path / "mal.xlsx"
    blank.write_bytes(template_xlsx_bytes())
    ws = openpyxl.load_workbook(blank)["Plan"]
    cols = _columns(ws)
    assert str(ws.cell(HEADER_ROW + 1, cols["grant"] + 1).value).startswith("=IF(")
    years = (2021, 2022, 2023, 2024, 2025)
    typed = {str(cols["municipality"]): "Eksempel kommune", str(cols["position"]): "Ruskonsulent",
             str(cols["percent"]): 0.8, str(cols["first"]): 2020, str(cols["received"]): "ja",
             str(cols["cost_amount"]): 700_000}
    # the first slot's rows (one per year, the year filled in) are where the officer types
    edits = [{"op": "set", "sheet": "Plan", "first": HEADER_ROW + i, "last": HEADER_ROW + i,
              "where": {"2": year}, "values": typed} for i, year in enumerate(years)]
    counts = _run_libreoffice(tmp_path, [{"in": str(blank), "out": str(tmp_path / "out.xlsx"), "edits": edits}])
    assert all(c >= 1 for c in counts[0])
    plan = plan_municipality([Position(municipality="Eksempel kommune", position="Ruskonsulent", percent=80,
                                       first_grant_year=2020, cost=FixedCost(K(700_000)),
                                       options={RECEIVED: True})])
    book = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)
    _assert_workbook_is_the_plan(book, plan, municipality_totals=False)
