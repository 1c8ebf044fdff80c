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
    assert p.origin == f"{path}, rad 2"


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
    assert "rad 4, kolonne «first_year»: fikk «twenty»; forventet et årstall med fire sifre" in message
    assert "6 feil; ingenting ble planlagt" in message
    english = info.value.text("en")
    assert "row 4, column 'first_year': got 'twenty'; expected a four-digit year" in english
    assert "6 problems; nothing was planned" in english


def test_unknown_and_missing_columns_are_named() -> None:
    with pytest.raises(PositionsCSVError) as info:
        parse_positions_csv("kommune,stilling,prosent,første_tilskuddsår\nA,b,50,2021\n")
    message = str(info.value)
    assert "«prosent»" in message  # the unknown column, by its name
    assert "en kolonne «stillingsprosent» (eller «percent»); den mangler" in message
    assert "«årskostnad» (eller «annual_cost»)" in message
    english = info.value.text("en")
    assert "not recognised: 'prosent'" in english
    assert "'percent' or 'stillingsprosent'" in english
    assert "'annual_cost' or 'årskostnad'" in english


def test_duplicate_position_names_the_first_row() -> None:
    with pytest.raises(PositionsCSVError, match=r"rad 3, kolonne «position».*også på rad 2"):
        parse_positions_csv("municipality,position,percent,first_year,annual_cost\nA,x,50,2021,1\nA,x,50,2021,1\n")


def test_empty_file_and_header_only_are_errors() -> None:
    with pytest.raises(PositionsCSVError, match="en overskriftsrad og minst én stilling"):
        parse_positions_csv("")
    with pytest.raises(PositionsCSVError, match="minst én stillingsrad etter overskriftsraden"):
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
    with pytest.raises(PositionsCSVError, match="ja eller nei"):
        parse_positions_csv(header + "A;x;100;2021;1;kanskje\n")


def test_a_bad_csv_gives_every_problem_in_bokmal_by_default_and_in_english_on_request() -> None:
    text = ("kommune;stilling;stillingsprosent;første_tilskuddsår;årskostnad\n"
            "Bodø;Ruskonsulent;150;2021;700 000\n"
            "Bodø;Miljøterapeut;50;tjueen;700 000\n"
            "Bodø;Koordinator;80;2021;-5\n")
    with pytest.raises(PositionsCSVError) as info:
        parse_positions_csv(text, source="stillinger.csv")
    error = info.value
    assert str(error) == error.text() == (
        "stillinger.csv: 3 feil; ingenting ble planlagt:\n"
        "  - rad 2, kolonne «stillingsprosent»: fikk «150»; forventet en stillingsprosent over 0 og høyst 100\n"
        "  - rad 3, kolonne «første_tilskuddsår»: fikk «tjueen»; forventet et årstall med fire sifre, f.eks. 2021\n"
        "  - rad 4, kolonne «årskostnad»: fikk «-5»; forventet et beløp som ikke er negativt")
    assert error.text("en") == (
        "stillinger.csv: 3 problems; nothing was planned:\n"
        "  - row 2, column 'stillingsprosent': got '150'; expected a position percentage above 0 and at most 100\n"
        "  - row 3, column 'første_tilskuddsår': got 'tjueen'; expected a four-digit year such as 2021\n"
        "  - row 4, column 'årskostnad': got '-5'; expected an amount that is not negative")
    # each problem words itself too, and keeps its place and value for programs
    assert [(p.row, p.column, p.value) for p in error.problems] == [
        (2, "stillingsprosent", "150"), (3, "første_tilskuddsår", "tjueen"), (4, "årskostnad", "-5")]
    assert str(error.problems[0]) == ("rad 2, kolonne «stillingsprosent»: fikk «150»; "
                                      "forventet en stillingsprosent over 0 og høyst 100")
    assert error.problems[0].expected.text("en") == "a position percentage above 0 and at most 100"
    # the error's own place is the first problem's
    assert (error.file, error.row, error.column, error.value) == ("stillinger.csv", 2, "stillingsprosent", "150")


def test_an_empty_cell_is_said_to_be_empty_and_text_without_a_file_has_a_name_in_the_language() -> None:
    with pytest.raises(PositionsCSVError) as info:
        parse_positions_csv("kommune;stilling;stillingsprosent;første_tilskuddsår;årskostnad\n;x;50;2021;1\n")
    assert str(info.value) == ("stillingene (CSV): 1 feil; ingenting ble planlagt:\n"
                               "  - rad 2, kolonne «kommune»: cellen er tom; forventet kommunens navn (ikke tomt)")
    assert info.value.text("en") == ("positions CSV: 1 problem; nothing was planned:\n"
                                     "  - row 2, column 'kommune': the cell is empty; expected the municipality's name "
                                     "(not empty)")
