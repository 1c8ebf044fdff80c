"""Excel workbooks: positions in (same checks as CSV), plan out (exact figures, unknown = empty)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nedtrapping.cli import main
from nedtrapping.cofinancing import FixedCost, GrowingCost
from nedtrapping.money import Money
from nedtrapping.plan import Position, plan_municipality
from nedtrapping.readers.table import PositionsCSVError
from nedtrapping.readers.workbook import cell_text, read_positions_xlsx
from nedtrapping.render.plan import excel_csv_headers
from nedtrapping.render.xlsx import write_plan_xlsx

K = Money.kroner
HEADER_NO = ["kommune", "stilling", "stillingsprosent", "første_tilskuddsår", "årskostnad", "lønnsvekst"]


def _book(path: Path, rows: list[list[object]], formats: dict[str, str] | None = None) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    for row in rows:
        ws.append(row)
    for ref, fmt in (formats or {}).items():
        ws[ref].number_format = fmt
    book.save(path)
    return path


def test_a_norwegian_workbook_with_numeric_cells_is_read_exactly(tmp_path: Path) -> None:
    path = _book(tmp_path / "stillinger.xlsx", [
        HEADER_NO,
        ["Eksempel kommune", "Ruskonsulent", 100, 2021, 780000, 3.5],
        ["Eksempel kommune", "Erfaringskonsulent", 0.5, 2021, 360000.5, None],
    ], formats={"C3": "0%"})
    a, b = read_positions_xlsx(path)
    assert (a.percent, a.first_grant_year) == (100, 2021)
    assert a.cost == GrowingCost(K(780_000), 2022, "3.5")  # 3.5 is a binary float in the file, exact here
    assert b.percent == 50  # a percentage-formatted 0.5 is 50 %
    assert b.cost == FixedCost(Money(ore=36_000_050))


def test_every_bad_cell_in_a_workbook_is_reported_with_its_row(tmp_path: Path) -> None:
    path = _book(tmp_path / "bad.xlsx", [
        HEADER_NO,
        ["A", "x", 120, 2021, 700000, None],
        ["A", "y", 50, "tjueen", 700000.123, None],
    ])
    with pytest.raises(PositionsCSVError) as info:
        read_positions_xlsx(path)
    assert {(p.row, p.column) for p in info.value.problems} == {
        (2, "stillingsprosent"), (3, "første_tilskuddsår"),  # 700000.123 in a number cell is rounded, not refused
    }
    assert str(info.value).startswith(f"{path} (ark «Sheet»): 2 feil; ingenting ble planlagt:")
    assert info.value.text("en").startswith(f"{path} (sheet 'Sheet'): 2 problems; nothing was planned:")
    assert (info.value.file, info.value.sheet) == (str(path), "Sheet")


def test_a_missing_sheet_or_a_broken_file_is_named(tmp_path: Path) -> None:
    path = _book(tmp_path / "p.xlsx", [HEADER_NO, ["A", "x", 100, 2021, 1, None]])
    with pytest.raises(PositionsCSVError, match="fikk «Ark2»; forventet et ark som heter ett av disse: «Sheet»") as info:
        read_positions_xlsx(path, sheet="Ark2")
    assert "got 'Ark2'; expected a sheet named one of: 'Sheet'" in info.value.text("en")
    broken = tmp_path / "broken.xlsx"
    broken.write_text("not a workbook")
    with pytest.raises(PositionsCSVError, match="forventet en .xlsx-arbeidsbok som kan leses") as info:
        read_positions_xlsx(broken)
    assert "expected an .xlsx workbook that can be read" in info.value.text("en")


@given(st.floats(min_value=0, max_value=1e7, allow_nan=False).map(lambda x: round(x, 2)))
def test_cell_text_gives_the_shortest_decimal_a_person_sees(x: float) -> None:
    text = cell_text(x)
    assert Decimal(text) == Decimal(repr(x))
    assert "e" not in text.lower()


def test_plan_workbook_holds_exact_figures_and_marks_unknowns(tmp_path: Path) -> None:
    plan = plan_municipality([
        Position(municipality="K", position="a", percent=100, first_grant_year=2021, cost=FixedCost(K(800_000))),
        Position(municipality="K", position="b", percent="33.3", first_grant_year=2020, cost=FixedCost(K(500_000))),
    ])
    out = tmp_path / "plan.xlsx"
    write_plan_xlsx(plan, out)
    book = openpyxl.load_workbook(out, data_only=True)
    rows = list(book["Plan"].iter_rows(min_row=8, values_only=True))  # the header under the title block
    header = list(rows[0])
    assert {h for h in excel_csv_headers()} <= set(header)  # Norwegian for people, as the Excel CSV
    col = {name: header.index(name) for name in ("Stilling", "År", "Stillingsprosent", "Tilskudd", "Egenfinansiering")}
    by_key = {(r[col["Stilling"]], r[col["År"]]): r for r in rows[1:]}
    assert [by_key[("a", y)][col["Tilskudd"]] for y in (2022, 2023, 2024, 2025)] == [550_000, 330_000, 330_000, 0]
    b_2022 = by_key[("b", 2022)]
    assert b_2022[col["Tilskudd"]] == "ukjent" and b_2022[col["Egenfinansiering"]] == "ukjent"  # unknown, not 0
    assert by_key[("b", 2023)][col["Tilskudd"]] == 109_890  # 33.3 % of 330 000, whole kroner
    assert Decimal(str(by_key[("b", 2023)][col["Stillingsprosent"]])) == Decimal("0.333")  # a percent-formatted cell
    warnings = [r[1] for r in book["Advarsler"].iter_rows(values_only=True)][1:]
    assert any("Trinn 3 i årsstigen" in w for w in warnings)  # the workbook speaks bokmål
    assert ("kommunalt-rusarbeid 2023", plan.digests["kommunalt-rusarbeid 2023"]) in list(
        book["Regelsett"].iter_rows(values_only=True))


def test_cli_reads_and_writes_workbooks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _book(tmp_path / "in.xlsx", [HEADER_NO, ["A", "x", 50, 2021, 400000, None]])
    out = tmp_path / "out.xlsx"
    assert main(["plan", str(src), "--out", str(out)]) == 0, capsys.readouterr().err
    rows = list(openpyxl.load_workbook(out, data_only=True)["Plan"].iter_rows(min_row=9, values_only=True))
    assert [r[4] for r in rows if r[2] != 2021] == [275_000, 165_000, 165_000, 0]  # Tilskudd; 2021 is the base
    csv_file = tmp_path / "in.csv"
    csv_file.write_text("municipality,position,percent,first_year,annual_cost\nA,x,50,2021,1\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["plan", str(csv_file), "--sheet", "x"]) == 1
    assert "--sheet hører til en .xlsx-fil" in capsys.readouterr().err


def test_percentage_formatted_and_other_cells_read_as_shown() -> None:
    assert cell_text(0.333, "0.0%") == "33.3"
    assert cell_text(780000) == "780000"
    assert cell_text(True) == "ja" and cell_text(None) == ""


def test_a_sheet_is_named_in_the_language_of_the_notes_and_of_each_position_s_place(tmp_path: Path) -> None:
    from nedtrapping.readers.workbook import read_positions_workbook

    path = tmp_path / "p.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Stillinger 2022"
    for row in (["Stillinger"], [], HEADER_NO, ["Bodø", "Ruskonsulent", 0.5, 2021, 700000, 3.5]):
        ws.append(row)
    book.save(path)
    read = read_positions_workbook(path)
    header = next(n for n in read.notices if n.key == "read.header_row")
    assert header.text("nb") == f"{path} (ark «Stillinger 2022»): overskriftsraden er rad 3 (radene over den er hoppet over)"
    assert header.text("en").startswith(f"{path} (sheet 'Stillinger 2022'): ")
    small = next(n for n in read.notices if n.key == "read.small_percent")
    assert small.text("nb").startswith(f"{path} (ark «Stillinger 2022»), rad 4: stillingsprosenten er 0,5 %")
    assert small.text("en").startswith(f"{path} (sheet 'Stillinger 2022'), row 4: ")
    assert read.positions[0].origin == f"{path} (ark «Stillinger 2022»), rad 4"
