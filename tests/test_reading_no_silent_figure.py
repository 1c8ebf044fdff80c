"""Readers never give a silently wrong figure, and refuse what no figure can be (issue 18)."""

from __future__ import annotations

import io
import zipfile
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nedtrapping.cli import main
from nedtrapping.cofinancing import FixedCost
from nedtrapping.errors import ExitCode
from nedtrapping.money import ExactAmount, Money
from nedtrapping.plan import plan_municipality
from nedtrapping.readers.table import (
    MAX_AMOUNT,
    PositionsCSVError,
    normalise_name,
    parse_positions_csv,
    read_positions_text_file,
)
from nedtrapping.rounding import round_half_up_to_kroner

openpyxl = pytest.importorskip("openpyxl")
from nedtrapping.readers.workbook import read_positions_workbook  # noqa: E402

H = ["kommune", "stilling", "stillingsprosent", "første_tilskuddsår", "årskostnad"]
CSV_H = ";".join(H)


def _book(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _with_raw_value(path: Path, placeholder: str, raw: str) -> Path:
    """The workbook at ``path`` with a number cell's XML value replaced (a value openpyxl would not write)."""
    data = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(data, "w") as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                content = content.replace(f"<v>{placeholder}</v>".encode(), f"<v>{raw}</v>".encode())
            dst.writestr(info, content)
    path.write_bytes(data.getvalue())
    return path


def test_a_cost_of_510000_4999_plans_as_510000_rounded_once_from_its_exact_value(tmp_path: Path) -> None:
    read = read_positions_workbook(_book(tmp_path / "p.xlsx", [H, ["K", "P", 100, 2021, 510000.4999]]))
    assert read.positions[0].cost == FixedCost(Money.kroner(510_000))
    plan = plan_municipality(read.positions)
    assert {r.cost for r in plan.rows} == {Money.kroner(510_000)}
    assert [n.key for n in read.notices if n.key.startswith("read.rounded")] == ["read.rounded_once"]


def test_a_growing_cost_of_many_decimals_is_rounded_once_each_year_from_the_exact_base(tmp_path: Path) -> None:
    read = read_positions_workbook(_book(tmp_path / "p.xlsx", [[*H, "lønnsvekst"],
                                                               ["K", "P", 100, 2021, 510000.4999, 3.5]]))
    plan = plan_municipality(read.positions)
    exact = Fraction("510000.4999") * 100
    for row in plan.rows:
        growth = Fraction(207, 200) ** (row.year - 2022)
        assert row.cost == round_half_up_to_kroner(ExactAmount(exact * growth))
    assert plan.row("P", 2022).cost == Money.kroner(510_000)


@given(st.decimals(min_value=1, max_value=10_000_000, places=6, allow_nan=False, allow_infinity=False))
def test_a_fixed_cost_cell_is_its_exact_value_rounded_once(value: object) -> None:
    from decimal import Decimal

    from nedtrapping.readers.table import parse_positions_table

    exact = Decimal(str(value))
    shown = format(exact.normalize(), "f")  # the text a spreadsheet cell gives (nedtrapping.readers.workbook.cell_text)
    read = parse_positions_table([H, ["K", "P", "100", "2021", shown]], numbers={(1, 4): exact})
    if exact == exact.quantize(Decimal("0.01")):
        return  # two decimals or fewer: the typed figure itself
    assert read.positions[0].cost == FixedCost(round_half_up_to_kroner(ExactAmount(Fraction(exact) * 100)))


def test_a_trailing_sum_row_is_skipped_with_a_notice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "p.csv"
    src.write_text(f"{CSV_H}\nK;A;100;2021;700 000\nK;B;50;2021;300 000\nSum;;150;;1 000 000\n", encoding="utf-8")
    read = read_positions_text_file(src)
    assert [p.position for p in read.positions] == ["A", "B"]
    assert any(n.key == "read.total_row" and dict(n.fields)["row"] == 4 for n in read.notices)
    assert main(["plan", str(src), "--out", str(tmp_path / "plan.csv")]) == ExitCode.OK
    assert "rad 4 (Sum)" in capsys.readouterr().err


@pytest.mark.parametrize("label", ["Sum", "SUM:", "Totalt", "Total", "I alt", "Delsum Bodø", "Sum stillinger"])
def test_total_labels_are_recognised(label: str) -> None:
    read = read_positions_text_file_from(f"{CSV_H}\nK;A;100;2021;700 000\n{label};;100;;700 000\n")
    assert len(read.positions) == 1 and read.notices[0].key == "read.total_row"


def test_a_row_named_like_a_total_but_with_a_first_year_is_a_position() -> None:
    read = read_positions_text_file_from(f"{CSV_H}\nK;Summer job;100;2021;700 000\nK;Sum;50;2021;300 000\n")
    assert [p.position for p in read.positions] == ["Summer job", "Sum"]


def read_positions_text_file_from(text: str) -> object:
    from nedtrapping.readers.table import _parse_text

    return _parse_text(text, source="p.csv", scheme="kommunalt-rusarbeid")


def test_a_header_on_row_40_is_found_and_reported_there() -> None:
    text = "Stillinger\n" + "\n" * 38 + f"{CSV_H}\nK;A;100;2021;700 000\n"
    read = read_positions_text_file_from(text)
    assert len(read.positions) == 1  # type: ignore[attr-defined]
    assert dict(read.notices[0].fields)["row"] == 40  # type: ignore[attr-defined]


def test_a_duplicate_column_is_reported_on_the_header_s_own_row() -> None:
    with pytest.raises(PositionsCSVError) as caught:
        parse_positions_csv(f"Tittel\n\n{CSV_H};kommune\nK;A;100;2021;700 000;K\n")
    assert [p.row for p in caught.value.problems] == [3]


def test_an_nfd_header_as_macos_writes_it_is_recognised() -> None:
    import unicodedata

    header = unicodedata.normalize("NFD", CSV_H)
    assert header != CSV_H
    assert len(parse_positions_csv(f"{header}\nK;A;100;2021;700 000\n")) == 1


def test_names_that_print_alike_are_one_name_so_duplicates_are_found() -> None:
    with pytest.raises(PositionsCSVError, match="brukes én gang per kommune"):
        parse_positions_csv(f"{CSV_H}\nÅs;Rus\u200bkonsulent;100;2021;700 000\nA\u030as;\ufeffRuskonsulent;50;2021;1\n")
    positions = parse_positions_csv(f"{CSV_H}\nA\u030as;A;100;2021;700 000\nÅs;B\u200b;50;2021;1\n")
    assert {p.municipality for p in positions} == {"Ås"} and positions[1].position == "B"


@given(st.text(max_size=20))
def test_normalise_name_is_idempotent_and_prints_alike(name: str) -> None:
    once = normalise_name(name)
    assert normalise_name(once) == once
    assert "\u200b" not in once and "\ufeff" not in once


@pytest.mark.parametrize("raw", ["1E400", "-1E400"])
def test_a_number_beyond_a_float_is_refused_naming_the_cell(tmp_path: Path, raw: str) -> None:
    path = _with_raw_value(_book(tmp_path / "p.xlsx", [H, ["K", "P", 100, 2021, 123456789]]), "123456789", raw)
    with pytest.raises(PositionsCSVError) as caught:
        read_positions_workbook(path)
    problem = caught.value.problems[0]
    assert problem.row == 2 and problem.column == "årskostnad"


@pytest.mark.parametrize("cost", [1e300, 10**30, 1_000_000_001])
def test_an_implausibly_large_amount_is_refused_naming_the_cell(tmp_path: Path, cost: object) -> None:
    with pytest.raises(PositionsCSVError) as caught:
        read_positions_workbook(_book(tmp_path / "p.xlsx", [H, ["K", "P", 100, 2021, cost]]))
    problem = caught.value.problems[0]
    assert (problem.row, problem.column) == (2, "årskostnad") and "1 000 000 000 kr" in problem.expected.text("nb")
    assert problem.expected.text("en") == "an amount in kroner of at most 1 000 000 000 kr, e.g. 780 000"


def test_the_largest_amount_is_accepted() -> None:
    kroner = MAX_AMOUNT.ore // 100
    assert parse_positions_csv(f"{CSV_H}\nK;P;100;2021;{kroner}\n")[0].cost == FixedCost(MAX_AMOUNT)


def test_a_5000_digit_cost_is_refused_in_its_cell_and_the_message_stays_short(tmp_path: Path,
                                                                               capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "p.csv"
    src.write_text(f"{CSV_H}\nK;P;100;2021;{'9' * 5000}\n", encoding="utf-8")
    assert main(["plan", str(src)]) == ExitCode.BAD_INPUT
    err = capsys.readouterr().err
    assert "rad 2, kolonne «årskostnad»" in err and "(5000 tegn)" in err and len(err) < 600
    assert main(["plan", str(src), "--lang", "en"]) == ExitCode.BAD_INPUT
    err = capsys.readouterr().err
    assert "row 2, column 'årskostnad'" in err and "5000 characters" in err and len(err) < 600


def test_a_reader_error_carries_its_first_problem_s_place_value_and_expectation() -> None:
    with pytest.raises(PositionsCSVError) as caught:
        parse_positions_csv(f"{CSV_H}\nK;P;100;2021;abc\nK;Q;100;20;700 000\n", source="p.csv")
    error = caught.value
    assert (error.file, error.row, error.column, error.value) == ("p.csv", 2, "årskostnad", "abc")
    assert error.expected is not None and "beløp i kroner" in error.expected.text("nb")
    assert "an amount in kroner" in error.expected.text("en")
    assert len(error.problems) == 2  # a batch reports all its bad rows


def test_a_cost_above_five_million_is_planned_with_a_note_naming_the_row() -> None:
    from nedtrapping.readers.table import LARGE_AMOUNT, _parse_text

    read = _parse_text(f"{CSV_H}\nK;A;100;2021;50 000 000\nK;B;100;2021;5 000 000\n", source="p.csv",
                       scheme="kommunalt-rusarbeid")
    large = [n for n in read.notices if n.key == "read.large_amount"]
    where = dict(large[0].fields)["where"]
    assert len(large) == 1 and str(where) == "p.csv, rad 2" and where.text("en") == "p.csv, row 2"
    assert large[0].text("en").startswith("p.csv, row 2: ")
    assert LARGE_AMOUNT == Money.kroner(5_000_000) and "50 000 000 kr" in large[0].text("nb")
