"""Reading positions from CSV: both languages, spreadsheet formats, every problem reported."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nedtrapping.cofinancing import FixedCost, GrowingCost
from nedtrapping.money import Money
from nedtrapping.readers.table import PositionsCSVError, parse_positions_csv, read_positions_csv

K = Money.kroner

ENGLISH = """municipality,position,percent,first_year,annual_cost,growth,granted_2022,percent_2024
Eksempel kommune,Ruskonsulent,80,2021,780000,3.5,440000,60
"""
NORWEGIAN = """kommune;stilling;stillingsprosent;første_tilskuddsår;årskostnad;lønnsvekst;tildelt_2022;stillingsprosent_2024
Eksempel kommune;Ruskonsulent;80;2021;780 000 kr;3,5 %;440 000;60
"""


def test_english_and_norwegian_headers_give_the_same_positions() -> None:
    (en,) = parse_positions_csv(ENGLISH)
    (no,) = parse_positions_csv(NORWEGIAN)
    assert attrs_equal_but_origin(en, no)
    assert en.percent == 80 and en.first_grant_year == 2021
    assert en.cost == GrowingCost(K(780_000), 2022, "3.5")
    assert en.granted == {2022: K(440_000)}
    assert en.percent_in(2023) == 80 and en.percent_in(2024) == 60


def attrs_equal_but_origin(a: object, b: object) -> bool:
    import attrs

    return attrs.evolve(a, origin=None) == attrs.evolve(b, origin=None)  # type: ignore[misc]


def test_bom_case_and_spacing_in_headers_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("\ufeffKommune ; Stilling;Stillingsprosent;Første tilskuddsår;Årskostnad\nA;x;50,5;2020;700000\n",
                    encoding="utf-8")
    (p,) = read_positions_csv(path)
    assert p.percent == Fraction(101, 2)
    assert p.cost == FixedCost(K(700_000))
    assert p.origin == f"{path} row 2"


def test_every_bad_row_and_cell_is_reported_not_just_the_first() -> None:
    text = (
        "municipality,position,percent,first_year,annual_cost\n"
        "A,ok,100,2021,700000\n"
        "A,b,0,2021,700000\n"
        "A,c,50,twenty,700000\n"
        "\n"
        "A,d,50,2021,-5\n"
        ",e,abc,2021,\n"
    )
    with pytest.raises(PositionsCSVError) as info:
        parse_positions_csv(text)
    where = {(p.row, p.column) for p in info.value.problems}
    assert where == {
        (3, "percent"), (4, "first_year"), (6, "annual_cost"),
        (7, "municipality"), (7, "percent"), (7, "annual_cost"),
    }
    message = str(info.value)
    assert "row 4, column 'first_year': got 'twenty'" in message
    assert "6 problem(s)" in message


def test_unknown_and_missing_columns_are_named() -> None:
    with pytest.raises(PositionsCSVError) as info:
        parse_positions_csv("kommune,stilling,prosent,første_tilskuddsår\nA,b,50,2021\n")
    message = str(info.value)
    assert "'prosent'" in message  # the unknown column, by its name
    assert "'percent' or 'stillingsprosent'" in message
    assert "'annual_cost' or 'årskostnad'" in message


def test_duplicate_position_names_the_first_row() -> None:
    with pytest.raises(PositionsCSVError, match=r"row 3, column 'position'.*also on row 2"):
        parse_positions_csv("municipality,position,percent,first_year,annual_cost\nA,x,50,2021,1\nA,x,50,2021,1\n")


def test_empty_file_and_header_only_are_errors() -> None:
    with pytest.raises(PositionsCSVError, match="header"):
        parse_positions_csv("")
    with pytest.raises(PositionsCSVError, match="at least one position"):
        parse_positions_csv("municipality,position,percent,first_year,annual_cost\n")


BAD_CELLS = {
    "percent": st.sampled_from(["0", "101", "-5", "abc", "", "50.0.0"]),
    "first_year": st.sampled_from(["21", "20211", "x", "", "1999"]),
    "annual_cost": st.sampled_from(["", "abc", "-1", "1,001"]),
}


@st.composite
def files_with_bad_cells(draw: st.DrawFn) -> tuple[str, set[tuple[int, str]]]:
    n = draw(st.integers(1, 8))
    lines = ["municipality,position,percent,first_year,annual_cost"]
    bad: set[tuple[int, str]] = set()
    for i in range(n):
        cells = {"percent": "50", "first_year": "2021", "annual_cost": "700000"}
        for col in draw(st.sets(st.sampled_from(sorted(BAD_CELLS)))):
            cells[col] = draw(BAD_CELLS[col])
            bad.add((i + 2, col))
        lines.append(f"A,p{i},{cells['percent']},{cells['first_year']},\"{cells['annual_cost']}\"")
    return "\n".join(lines) + "\n", bad


@given(files_with_bad_cells())
def test_a_batch_reports_exactly_its_bad_cells_and_drops_nothing(case: tuple[str, set[tuple[int, str]]]) -> None:
    text, bad = case
    if not bad:
        positions = parse_positions_csv(text)
        assert len(positions) == text.count("\n") - 1
        return
    with pytest.raises(PositionsCSVError) as info:
        parse_positions_csv(text)
    assert {(p.row, p.column) for p in info.value.problems} == bad


def test_ambiguous_or_exotic_amounts_are_refused_not_misread() -> None:
    header = "municipality;position;percent;first_year;annual_cost\n"
    for amount in ("780.000", "800,000", "1e3", "700000,123"):
        with pytest.raises(PositionsCSVError, match="annual_cost"):
            parse_positions_csv(header + f"A;x;100;2021;{amount}\n")
    (p,) = parse_positions_csv(header + "A;x;100;2021;kr 780.000,-\n")
    assert p.cost == FixedCost(K(780_000))


def test_windows_1252_excel_export_is_read(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("kommune;stilling;stillingsprosent;første_tilskuddsår;årskostnad\nBærum;Miljøterapeut;100;2021;700000\n"
                     .encode("cp1252"))
    (p,) = read_positions_csv(path)
    assert (p.municipality, p.position) == ("Bærum", "Miljøterapeut")


def test_received_2021_column_is_read_and_checked() -> None:
    header = "kommune;stilling;stillingsprosent;første_tilskuddsår;årskostnad;fikk_tilskudd_2021\n"
    ps = parse_positions_csv(header + "A;x;100;2021;1;ja\nA;y;100;2021;1;nei\nA;z;100;2021;1;\n")
    assert [p.options.get("received_grant_in_2021") for p in ps] == [True, False, None]
    with pytest.raises(PositionsCSVError, match="ja/nei"):
        parse_positions_csv(header + "A;x;100;2021;1;kanskje\n")
