"""Fuzzing what issue 18 found: headers, sheet names and numeric cells of a workbook, and the Python API given
wrong types. Every case ends in a plan and a workbook with only the library's formulas, or a typed error."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nedtrapping.cli import main
from nedtrapping.errors import ExitCode, NedtrappingError

openpyxl = pytest.importorskip("openpyxl")
from nedtrapping.readers.workbook import read_positions_workbook  # noqa: E402

H = ["kommune", "stilling", "stillingsprosent", "første_tilskuddsår", "årskostnad", "lønnsvekst"]
HEADER_TEXT = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=15),
    st.sampled_from(["=1+1", "Merk.", "Ans.nr", "f.eks.", "plan.col.cost", "@A1", "+1", "-1", "\x01", "a\x0bb",
                     "\u200b", "Merknad\r", "<b>x</b>", "kommune", "stilling_2022", "tildelt_1999"]))


def _only_library_formulas(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        formulas = [f for n in z.namelist() if n.startswith("xl/worksheets/")
                    for f in re.findall(r"<f>([^<]*)</f>", z.read(n).decode("utf-8"))]
    return all(f.startswith(("IF(", "COUNTIFS(", "_xlfn.TEXTJOIN(")) for f in formulas)  # the workbook's own


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture], max_examples=25)
@given(extra=st.lists(HEADER_TEXT, min_size=1, max_size=3))
def test_any_extra_header_plans_to_a_workbook_or_is_refused_never_a_crash(tmp_path: Path, extra: list[str]) -> None:
    src = tmp_path / "stillinger.csv"
    cells = ["x"] * len(extra)
    src.write_text(";".join([*H, *(e.replace(";", ",").replace("\n", " ").replace('"', "'") for e in extra)]) + "\n"
                   + ";".join(["K", "P", "100", "2021", "700 000", "3", *cells]) + "\n", encoding="utf-8")
    out = tmp_path / "plan.xlsx"
    code = main(["plan", str(src), "--out", str(out)])
    assert code in (ExitCode.OK, ExitCode.BAD_INPUT)
    if code == ExitCode.OK:
        assert _only_library_formulas(out.read_bytes())


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture], max_examples=25)
@given(title=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=31)
       .filter(lambda t: not re.search(r"[\\/*?:\[\]]", t) and t.strip("'") == t and t.lower() != "history"))
def test_any_sheet_name_is_read_and_named_in_the_notes(tmp_path: Path, title: str) -> None:
    path = tmp_path / "p.xlsx"
    book = openpyxl.Workbook()
    book.active.title = title
    book.active.append(H)
    book.active.append(["K", "P", 100, 2021, 700_000, 3.5])
    book.save(path)
    read = read_positions_workbook(path, sheet=title)
    assert read.positions[0].origin == f"{path} (ark «{title}»), rad 2"


NUMBER = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(min_value=-(10**40), max_value=10**40),
                   st.sampled_from(["1E400", "-1E400", "1E+300", "9" * 400, "NaN", "1e-400"]))


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture], max_examples=40)
@given(percent=NUMBER, cost=NUMBER, growth=NUMBER)
def test_any_numeric_cell_of_a_workbook_is_read_or_refused_by_its_cell(tmp_path: Path, percent: object, cost: object,
                                                                      growth: object) -> None:
    path = tmp_path / "p.xlsx"
    book = openpyxl.Workbook()
    book.active.append(H)
    placeholders = {}
    row: list[object] = ["K", "P", 100, 2021, 1, 2]
    for i, value in ((2, percent), (4, cost), (5, growth)):
        if isinstance(value, str) or (isinstance(value, float) and value != value):
            placeholders[f"{8000 + i}"] = str(value)  # a raw XML value openpyxl would not write itself
            row[i] = 8000 + i
        else:
            row[i] = value
    book.active.append(row)
    book.save(path)
    if placeholders:
        data = io.BytesIO()
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(data, "w") as dst:
            for info in src.infolist():
                content = src.read(info.filename)
                for placeholder, raw in placeholders.items():
                    content = content.replace(f"<v>{placeholder}</v>".encode(), f"<v>{raw}</v>".encode())
                dst.writestr(info, content)
        path.write_bytes(data.getvalue())
    try:
        read = read_positions_workbook(path)
    except NedtrappingError as exc:
        problems = getattr(exc, "problems", ())
        assert problems and all(p.row is None or p.row == 2 for p in problems)
        return
    from nedtrapping.invariants import plan_violations
    from nedtrapping.plan import plan_municipality

    assert plan_violations(plan_municipality(read.positions)) == []


WRONG = st.one_of(st.none(), st.binary(max_size=8), st.integers(), st.floats(), st.lists(st.integers(), max_size=2),
                  st.dictionaries(st.text(max_size=2), st.integers(), max_size=2), st.just(object()))


@given(value=WRONG)
def test_the_readers_refuse_a_wrong_type_with_the_library_s_error(value: object) -> None:
    from nedtrapping.readers.table import parse_positions_csv, parse_positions_rows

    for call in (lambda: parse_positions_csv(value), lambda: parse_positions_rows(value)):  # type: ignore[arg-type]
        try:
            call()
        except NedtrappingError as exc:
            assert str(exc)
        else:
            pytest.fail(f"{value!r} was accepted")


@given(value=WRONG)
def test_positions_from_frame_refuses_a_wrong_type_with_field_and_expected(value: object) -> None:
    pytest.importorskip("pandas")
    from nedtrapping.frames import positions_from_frame

    with pytest.raises(NedtrappingError) as caught:
        positions_from_frame(value)
    assert caught.value.field == "frame" and caught.value.expected
