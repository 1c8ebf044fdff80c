"""The plan workbook is live and right: LibreOffice recalculates it to the library's figures, to the krone.

Why: formulas in a workbook are code the library does not run itself. This test lets a
real spreadsheet program (LibreOffice, headless) recalculate every formula, and compares
every figure of the Plan and Totaler sheets with the library's plan — first as written,
then after a cost has been edited the way a finance officer would. ``scripts/test``
installs LibreOffice (Debian's ``libreoffice-calc-nogui``) when it is missing; the
recalculation tests are skipped only where the ``soffice`` binary is absent.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from nedtrapping.cofinancing import FixedCost, GrowingCost, SalaryCost
from nedtrapping.example import example_positions
from nedtrapping.money import Money
from nedtrapping.plan import Plan, Position, plan_municipality
from nedtrapping.render.xlsx import plan_xlsx_bytes, write_plan_xlsx

K = Money.kroner
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_libreoffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; "
                                       "scripts/test installs libreoffice-calc-nogui")

# A LibreOffice profile that recalculates every formula of an .xlsx on load (never trusting cached values).
_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">
<value>0</value></prop></item>
</oor:items>
"""


def _plan() -> Plan:
    """Two municipalities, a growing cost, a percentage change, a 33.3 % position and an unknown 2022 grant."""
    return plan_municipality([
        *example_positions(),
        Position(municipality="Bodø", position="Ruskonsulent", percent="33.3", first_grant_year=2020,
                 cost=GrowingCost(K(512_345), 2022, "2.7")),
        Position(municipality="Bodø", position="Miljøarbeider", percent=100, first_grant_year=2021,
                 cost=FixedCost(K(650_000))),
        Position(municipality="Bodø", position="Boveileder", percent=80, first_grant_year=2021,
                 cost=SalaryCost(K(560_000), zone="4", pension_percent="12.5", percent=80)),
    ])


def _recalculate(path: Path, tmp: Path) -> Path:
    assert SOFFICE is not None
    profile = tmp / "lo-profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE, encoding="utf-8")
    # poison the cached values first, so a figure can only be right if LibreOffice computed it
    poisoned = tmp / "poisoned" / path.name
    poisoned.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(poisoned, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                data = data.replace(b"</f><v>", b"</f><v>9").replace(b'</f><v></v>', b"</f><v>7</v>")
            dst.writestr(info, data)
    out = tmp / "recalculated"
    done = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--calc",
         "--convert-to", "xlsx", "--outdir", str(out), str(poisoned)],
        capture_output=True, text=True, timeout=180, check=False,
    )
    result = out / path.name
    assert done.returncode == 0 and result.is_file(), f"LibreOffice failed: {done.stdout}\n{done.stderr}"
    return result


def _value(x: Any) -> int | None:
    """A recalculated cell as whole kroner (None for an empty or "" cell); refuses anything not exact."""
    if x is None or x == "":
        return None
    exact = Decimal(str(x))
    assert exact == exact.to_integral_value(), f"not whole kroner: {x!r}"
    return int(exact)


def _kr(m: Money | None) -> int | None:
    if m is None:
        return None
    assert m.is_whole_kroner
    return m.ore // 100


def _assert_sheets_match(book: Any, plan: Plan) -> int:
    """Every figure of the Plan and Totaler sheets equals the library's; returns how many were compared."""
    compared = 0
    rows = list(book["Plan"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(plan.rows)
    for muni, pos, year, _, _, grant, cost, own, increase, *_ in rows:
        r = plan.row(pos, year, muni)
        got = (_value(grant), _value(cost), _value(own), _value(increase))
        want = (_kr(r.grant), _kr(r.cost), _kr(r.own_financing), _kr(r.own_financing_increase))
        assert got == want, f"{muni} / {pos} {year}: workbook {got}, library {want}"
        compared += 4
    totals = list(book["Totaler"].iter_rows(min_row=2, values_only=True))
    expected = [(m, y, t) for m in plan.municipalities for y, t in plan.municipality_totals(m).items()]
    expected += [("Alle kommuner", y, t) for y, t in plan.totals.items()]
    assert len(totals) == len(expected)
    for (muni, year, grant, cost, own, increase, _), (m, y, t) in zip(totals, expected):
        assert (muni, year) == (m, y)
        got = (_value(grant), _value(cost), _value(own), _value(increase))
        want = (_kr(t.grant), _kr(t.cost), _kr(t.own_financing), _kr(t.own_financing_increase))
        assert got == want, f"totals {muni} {year}: workbook {got}, library {want}"
        compared += 4
    return compared


def test_the_same_plan_gives_the_same_bytes(tmp_path: Path) -> None:
    plan = _plan()
    first = plan_xlsx_bytes(plan)
    assert first == plan_xlsx_bytes(_plan())
    write_plan_xlsx(plan, tmp_path / "a.xlsx")
    assert (tmp_path / "a.xlsx").read_bytes() == first
    with zipfile.ZipFile(tmp_path / "a.xlsx") as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert b"2000-01-01T00:00:00Z" in z.read("docProps/core.xml")


def test_own_financing_increase_and_totals_are_formulas_with_the_figures_cached(tmp_path: Path) -> None:
    plan = _plan()
    write_plan_xlsx(plan, tmp_path / "p.xlsx")
    formulas = openpyxl.load_workbook(tmp_path / "p.xlsx")
    ws = formulas["Plan"]
    assert ws["H2"].value == '=IF(AND(ISNUMBER(F2),ISNUMBER(G2)),G2-F2,"")'
    # the first year's increase rises from the base year 2021, which is not a row: a figure, not a formula
    assert ws["I2"].value == 136_377 and plan.rows[0].own_financing_increase == K(136_377)
    assert ws["I6"].value == '=IF(AND(ISNUMBER(H6),ISNUMBER(H2)),H6-H2,"")'  # Ruskonsulent 2023 − 2022
    assert formulas["Totaler"]["C2"].value == '=IF(COUNT(Plan!F2:F5)<4,"",SUM(Plan!F2:F5))'
    assert ws.freeze_panes == "C2" and ws.auto_filter.ref == f"A1:J{len(plan.rows) + 1}"
    assert ws["A1"].font.b and ws.column_dimensions["B"].width >= 30
    assert ws["F2"].number_format.startswith("#,##0") and ws["E2"].number_format == "0%"
    assert formulas["Forklaringer"]["D2"].alignment.wrap_text
    # the cached values are the library's figures, for viewers that do not calculate
    values = openpyxl.load_workbook(tmp_path / "p.xlsx", data_only=True)
    _assert_sheets_match(values, plan)


def test_names_that_look_like_formulas_stay_text(tmp_path: Path) -> None:
    plan = plan_municipality([Position(municipality="=HYPERLINK(\"http://x\",\"y\")", position="+cmd", percent=100,
                                       first_grant_year=2021, cost=FixedCost(K(700_000)))])
    write_plan_xlsx(plan, tmp_path / "p.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "p.xlsx")["Plan"]
    assert ws["A2"].data_type == "s" and ws["A2"].value.startswith("=HYPERLINK")


def test_the_rules_sheet_lists_every_rule_value_used_with_status_and_source(tmp_path: Path) -> None:
    plan = _plan()
    write_plan_xlsx(plan, tmp_path / "p.xlsx")
    book = openpyxl.load_workbook(tmp_path / "p.xlsx")
    assert book.sheetnames == ["Plan", "Totaler", "Regler", "Advarsler", "Forklaringer", "Regelsett"]
    rules = list(book["Regler"].iter_rows(min_row=2, values_only=True))
    listed = {(r[0], r[1]) for r in rules}
    assert set(plan.used_facts) <= listed
    flat = next(r for r in rules if r[:2] == ("kommunalt-rusarbeid 2023", "flat_amount"))
    assert flat[2] == "330 000 kr" and flat[3] == "endelig" and flat[4]
    assert any(r[1] == "ladder.step_3" and r[3] == "ukjent" for r in rules)  # the unknown value Bodø needs
    warnings = [r[1] for r in book["Advarsler"].iter_rows(min_row=2, values_only=True)]
    assert sum("Trinn 3 i årsstigen" in w for w in warnings) == 1  # explained once, in bokmål
    assert any("Bodø / Ruskonsulent (2022)" in w for w in warnings)
    digests = dict(book["Regelsett"].iter_rows(min_row=2, values_only=True))
    assert digests == dict(plan.digests)
    english = openpyxl.load_workbook(_write(plan, tmp_path / "en.xlsx", lang="en"))
    assert english.sheetnames == ["Plan", "Totals", "Rules", "Warnings", "Explanations", "Rule sets"]
    assert english["Plan"]["H1"].value == "Own financing"


def _write(plan: Plan, path: Path, **kwargs: Any) -> Path:
    write_plan_xlsx(plan, path, **kwargs)
    return path


@needs_libreoffice
def test_libreoffice_recalculates_the_workbook_to_the_librarys_figures(tmp_path: Path) -> None:
    plan = _plan()
    written = _write(plan, tmp_path / "plan.xlsx")
    recalculated = openpyxl.load_workbook(_recalculate(written, tmp_path), data_only=True)
    assert _assert_sheets_match(recalculated, plan) == 4 * (len(plan.rows) + len(plan.years) * 3)


@needs_libreoffice
def test_after_a_cost_is_edited_libreoffice_gives_the_librarys_what_if(tmp_path: Path) -> None:
    plan = _plan()
    written = _write(plan, tmp_path / "plan.xlsx")
    # the finance officer types a new cost for Bodø's Miljøarbeider in every year, as a number
    book = openpyxl.load_workbook(written)
    ws = book["Plan"]
    edited = 0
    for row in ws.iter_rows(min_row=2):
        if row[0].value == "Bodø" and row[1].value == "Miljøarbeider":
            row[6].value = 701_234
            edited += 1
    assert edited == len(plan.years)
    book.save(written)
    positions = [p if p.key != ("Bodø", "Miljøarbeider") else Position(
        municipality="Bodø", position="Miljøarbeider", percent=100, first_grant_year=2021,
        cost=FixedCost(K(701_234))) for p in plan.positions]
    what_if = plan_municipality(positions)
    recalculated = openpyxl.load_workbook(_recalculate(written, tmp_path), data_only=True)
    _assert_sheets_match(recalculated, what_if)
    assert what_if.totals[2025].own_financing != plan.totals[2025].own_financing


@needs_libreoffice
def test_all_municipalities_totals_by_sumif_when_there_are_more_than_sum_takes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nedtrapping.render import xlsx

    monkeypatch.setattr(xlsx, "_MAX_SUM_ARGUMENTS", 1)  # as if there were more municipalities than SUM takes
    plan = _plan()
    written = _write(plan, tmp_path / "plan.xlsx")
    assert "SUMIF(" in str(openpyxl.load_workbook(written)["Totaler"]["C10"].value)
    recalculated = openpyxl.load_workbook(_recalculate(written, tmp_path), data_only=True)
    _assert_sheets_match(recalculated, plan)
