"""Spreadsheets as they are: title rows, extra columns, separators, hidden rows and sheets, decimals, formulas."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest

from nedtrapping.cofinancing import FixedCost, GrowingCost
from nedtrapping.money import Money
from nedtrapping.readers.table import PositionsCSVError, parse_positions_csv, read_positions_text_file
from nedtrapping.readers.workbook import read_positions, read_positions_workbook

K = Money.kroner
HEADER = ["Kommune", "Stilling", "Stillingsprosent", "Første tilskuddsår", "Årskostnad", "Lønnsvekst", "Merknad"]


def _sheet(path: Path) -> Path:
    book = openpyxl.Workbook()
    hidden = book.active
    hidden.title = "Gammel"
    hidden.sheet_state = "hidden"
    hidden.append(["kommune", "stilling"])
    ws = book.create_sheet("Stillinger")
    ws.append(["Stillinger i økonomiplanen 2024–2027"])
    ws.append([])
    ws.append(HEADER)
    ws.append(["Bodø", "Ruskonsulent", 100, 2021, 742377.309912, 3.5, "fast ansatt"])
    ws.append(["Bodø", "Skjult (slettet)", 100, 2021, 500000, None, None])
    ws.row_dimensions[5].hidden = True
    ws.append(["Bodø", "Boveileder", 100, 2018, 780000.123, None, "vakant fra mars"])
    book.save(path)
    return path


def test_a_real_looking_sheet_is_read_with_notes(tmp_path: Path) -> None:
    read = read_positions_workbook(_sheet(tmp_path / "stillinger.xlsx"))
    assert [p.position for p in read.positions] == ["Ruskonsulent", "Boveileder"]  # hidden row not planned
    ruskonsulent, boveileder = read.positions
    # a growing cost keeps its exact base (each year rounded once from it); to the øre for display
    assert isinstance(ruskonsulent.cost, GrowingCost) and ruskonsulent.cost.base == Money(ore=74_237_731)
    assert ruskonsulent.cost.exact_in(2022).ore == Fraction("74237730.9912")
    assert boveileder.cost == FixedCost(Money.kroner(780_000))  # a number cell is never "ambiguous"; rounded once
    notes = [n.text("nb") for n in read.notices]
    assert any("skjulte ark er ikke lest: Gammel" in n for n in notes)
    assert any("skjulte rader er ikke lest: 5" in n for n in notes)
    assert any("overskriftsraden er rad 3" in n for n in notes)
    assert any("celle E4 (Årskostnad) = 742377.309912" in n and "eksakte verdien" in n for n in notes)
    assert any("celle E6" in n for n in notes)
    assert any("Merknad" in n for n in notes)
    assert read.ignored_columns == ("Merknad",)
    assert read.extra_columns[("Bodø", "Boveileder")] == {"Merknad": "vakant fra mars"}
    with pytest.raises(PositionsCSVError, match="ark «Gammel»") as info:
        read_positions(tmp_path / "stillinger.xlsx", include_hidden=True)  # the hidden first sheet is read
    assert "(sheet 'Gammel'): 3 problems" in info.value.text("en")
    with_hidden_rows = read_positions_workbook(tmp_path / "stillinger.xlsx", sheet="Stillinger", include_hidden=True)
    assert "Skjult (slettet)" in [p.position for p in with_hidden_rows.positions]


def test_a_formula_without_a_saved_value_is_named_by_its_formula(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(HEADER[:5])
    ws.append(["Bodø", "Ruskonsulent", 100, 2021, "=700000*1.035"])
    book.save(tmp_path / "formel.xlsx")
    with pytest.raises(PositionsCSVError) as info:
        read_positions_workbook(tmp_path / "formel.xlsx")
    (problem,) = info.value.problems
    assert (problem.row, problem.column, problem.value) == (2, "Årskostnad", "=700000*1.035")
    assert "no saved value" in problem.expected.text("en") and "ingen lagret verdi" in str(problem)


@pytest.mark.parametrize("separator", ["\t", ";", ","])
def test_tab_semicolon_and_comma_separated_text_is_read(tmp_path: Path, separator: str) -> None:
    cost = '"3,5"' if separator == "," else "3,5"
    text = separator.join(["kommune", "stilling", "stillingsprosent", "første_tilskuddsår", "årskostnad", "lønnsvekst"])
    text += "\n" + separator.join(["Tromsø", "Ruskonsulent", "100", "2021", "780000", cost]) + "\n"
    path = tmp_path / "p.txt"
    path.write_text("Stillinger 2024\n\n" + text, encoding="utf-8")
    (p,) = read_positions_text_file(path).positions
    assert p.cost == GrowingCost(K(780_000), 2022, "3.5")


def test_an_unknown_column_is_kept_aside_not_a_reason_to_refuse() -> None:
    (p,) = parse_positions_csv("kommune;stilling;stillingsprosent;første_tilskuddsår;årskostnad;Merknad;;\n"
                               "A;x;100;2021;700 000;ny i 2021;;\n")
    assert p.position == "x"
    with pytest.raises(PositionsCSVError, match="ble ikke gjenkjent: «stillingsprosnet»"):
        parse_positions_csv("kommune;stilling;stillingsprosnet;første_tilskuddsår;årskostnad\nA;x;100;2021;1\n")


def test_an_old_excel_or_libreoffice_file_is_named_not_read_as_text(tmp_path: Path) -> None:
    old = tmp_path / "stillinger.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200))
    with pytest.raises(PositionsCSVError, match="lagre arket som .xlsx") as info:
        read_positions(old)
    assert "save the sheet as .xlsx" in info.value.text("en")
