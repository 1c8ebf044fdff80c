"""No text from the input becomes a live formula, and no header crashes the workbook (issue 18)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nedtrapping.cli import main
from nedtrapping.errors import ExitCode
from nedtrapping.example import example_positions
from nedtrapping.plan import plan_municipality
from nedtrapping.render.xlsx import MAX_CELL_CHARS, cell_safe_text, plan_xlsx_bytes

openpyxl = pytest.importorskip("openpyxl")

HEADER = "kommune;stilling;stillingsprosent;første_tilskuddsår;årskostnad;lønnsvekst"


def _formulas(data: bytes) -> list[str]:
    """Every formula of every sheet of a workbook's bytes (``<f>…</f>``)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [f for name in z.namelist() if name.startswith("xl/worksheets/")
                for f in re.findall(r"<f>([^<]*)</f>", z.read(name).decode("utf-8"))]


def _library_formula(formula: str) -> bool:
    """The workbook's own formulas: the Plan sheet's (IF over its cells), the totals' (IF, COUNTIFS, TEXTJOIN)."""
    return formula.startswith(("IF(", "COUNTIFS(", "_xlfn.TEXTJOIN("))


def _extra_column(sheet: object, header: str) -> int:
    """The column (1-based) of a column the input carried, in the Plan sheet's header row (row 8)."""
    headers = [c.value for c in sheet[8]]  # type: ignore[index]
    assert header in headers, headers
    return headers.index(header) + 1


@pytest.mark.parametrize("header", ["=1+1", '=HYPERLINK("http://example.com")', "=cmd|'/c calc'!A1", "+1", "@SUM(A1)"])
def test_a_header_that_looks_like_a_formula_is_written_as_text(tmp_path: Path, header: str) -> None:
    src = tmp_path / "stillinger.csv"
    src.write_text(f"{HEADER};{header}\nK;P;100;2021;700 000;3,5;x\n", encoding="utf-8")
    out = tmp_path / "plan.xlsx"
    assert main(["plan", str(src), "--out", str(out)]) == ExitCode.OK
    data = out.read_bytes()
    assert all(_library_formula(f) for f in _formulas(data))
    sheet = openpyxl.load_workbook(out)["Plan"]
    cell = sheet.cell(8, _extra_column(sheet, header))
    assert cell.value == header and cell.data_type == "s"


@pytest.mark.parametrize("header", ["Merk.", "Ans.nr", "f.eks.", "plan.col.cost", "plan.sheet.plan"])
def test_a_header_with_a_dot_is_the_input_s_own_text_never_a_wording_id(tmp_path: Path, header: str) -> None:
    src = tmp_path / "stillinger.csv"
    src.write_text(f"{HEADER};{header}\nK;P;100;2021;700 000;3,5;x\n", encoding="utf-8")
    out = tmp_path / "plan.xlsx"
    assert main(["plan", str(src), "--out", str(out)]) == ExitCode.OK
    sheet = openpyxl.load_workbook(out)["Plan"]
    assert sheet.cell(9, _extra_column(sheet, header)).value == "x"


def test_a_control_character_in_a_header_is_shown_never_a_crash(tmp_path: Path) -> None:
    src = tmp_path / "stillinger.csv"
    src.write_text(f"{HEADER};Merk\x01nad\nK;P;100;2021;700 000;3,5;x\n", encoding="utf-8")
    out = tmp_path / "plan.xlsx"
    assert main(["plan", str(src), "--out", str(out)]) == ExitCode.OK
    sheet = openpyxl.load_workbook(out)["Plan"]
    assert _extra_column(sheet, "Merk\\x01nad")


def test_a_cell_text_longer_than_a_cell_holds_is_cut_and_says_so() -> None:
    cut = cell_safe_text("x" * (MAX_CELL_CHARS + 10))
    assert len(cut) == MAX_CELL_CHARS and cut.endswith("[…]")
    assert cell_safe_text("kort") == "kort"


@given(st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=3, unique=True))
def test_any_extra_header_and_cell_make_a_workbook_with_only_the_library_s_formulas(names: list[str]) -> None:
    plan = plan_municipality(example_positions()[:1])
    position = plan.positions[0]
    extra = {(position.municipality, position.position): {name: name for name in names}}
    data = plan_xlsx_bytes(plan, extra_columns=extra, notes=names)
    assert all(_library_formula(f) for f in _formulas(data))
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Plan"]
    headers = [c.value for c in sheet[8]]
    assert headers[len(headers) - len(names):] == [cell_safe_text(n) for n in names]


def test_html_in_a_name_is_text_in_the_markdown() -> None:
    from nedtrapping.plan import Position
    from nedtrapping.render.plan import to_markdown

    position = example_positions()[0]
    hostile = Position(municipality="<b>K</b>", position="<img src=x onerror=alert(1)>", percent=100,
                       first_grant_year=2021, cost=position.cost)
    markdown = to_markdown(plan_municipality([hostile]))
    assert "<img" not in markdown and "<b>" not in markdown
    assert "&lt;img src=x onerror=alert(1)&gt;" in markdown and "## &lt;b&gt;K&lt;/b&gt;" in markdown


def test_nedtrapping_error_and_the_exit_codes_are_importable_from_the_package() -> None:
    import nedtrapping
    from nedtrapping import errors

    assert nedtrapping.NedtrappingError is errors.NedtrappingError
    assert nedtrapping.InvalidTypeError is errors.InvalidTypeError
    assert nedtrapping.ExitCode.TERMINATED == 143
    assert "NedtrappingError" in nedtrapping.__all__


def test_an_amount_a_cell_cannot_hold_exactly_is_refused_not_written_as_a_double() -> None:
    from nedtrapping.cofinancing import FixedCost
    from nedtrapping.errors import InvalidValueError
    from nedtrapping.money import Money
    from nedtrapping.plan import Position

    huge = Position(municipality="K", position="P", percent=100, first_grant_year=2021,
                    cost=FixedCost(Money(ore=2**53 + 100)))
    with pytest.raises(InvalidValueError) as caught:
        plan_xlsx_bytes(plan_municipality([huge]))
    assert caught.value.field == "amount"
    just_below = Position(municipality="K", position="P", percent=100, first_grant_year=2021,
                          cost=FixedCost(Money(ore=(2**53 // 100 - 1_000_000) * 100)))
    assert plan_xlsx_bytes(plan_municipality([just_below]))
