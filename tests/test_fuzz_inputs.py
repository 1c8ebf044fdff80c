"""Fuzzing the readers and the command line: every input ends in a typed error or a correct plan.

Never a traceback, never a partial file: random bytes, mangled headers, wrong types, huge and
negative numbers, NaN/inf, mixed encodings. The invariants are checked on whatever the reader
makes of the input, so they hold however tolerant the reader becomes.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from nedtrapping.cli import main
from nedtrapping.errors import ExitCode, NedtrappingError
from nedtrapping.invariants import plan_violations
from nedtrapping.plan import plan_municipality
from nedtrapping.readers.table import parse_positions_csv, read_positions_csv

HEADER = "kommune;stilling;stillingsprosent;første_tilskuddsår;årskostnad;lønnsvekst;kostnadsår;tildelt_2022"
NUMBERS = st.sampled_from([
    "", "0", "-1", "100", "100,0", "50,5", "1e3", "NaN", "nan", "inf", "-inf", "Infinity", "1/2", "0,0001",
    "99999999999999999999999", "-99999999999999999", "780 000", "780.000", "780.000,50", "780,000.50", "3,5",
    "2021", "0001", "9999", "12,345,678", "1 2 3", "٣٠٠", "１００", "ⅷ", "½", "1_000", "0x10", "+5", "--5",
    "=1+1", "@SUM(1)", "\t", "\x00", "a" * 300,
])
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)
CELL = st.one_of(NUMBERS, TEXT)


def _outcome_is_typed_or_correct(text: str) -> None:
    try:
        positions = parse_positions_csv(text, source="fuzz.csv")
    except NedtrappingError:
        return
    try:
        plan = plan_municipality(positions)
    except NedtrappingError:
        return
    except ValueError as exc:  # the planner's own checks (years, duplicate names) are ValueErrors too
        assert str(exc), "a ValueError without a message"
        return
    assert plan_violations(plan) == []


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.lists(CELL, min_size=0, max_size=10), min_size=0, max_size=6),
       separator=st.sampled_from([";", ",", "\t"]))
def test_any_table_of_odd_cells_gives_a_typed_error_or_a_correct_plan(rows: list[list[str]], separator: str) -> None:
    lines = [HEADER.replace(";", separator)] + [separator.join(r) for r in rows]
    _outcome_is_typed_or_correct("\n".join(lines) + "\n")


@given(header=st.lists(st.one_of(TEXT, st.sampled_from(HEADER.split(";"))), max_size=9),
       row=st.lists(CELL, max_size=9))
def test_mangled_headers_give_a_typed_error_or_a_correct_plan(header: list[str], row: list[str]) -> None:
    _outcome_is_typed_or_correct(";".join(header) + "\n" + ";".join(row) + "\n")


@given(raw=st.binary(max_size=400))
def test_random_bytes_in_a_file_give_a_typed_error_or_a_correct_plan(raw: bytes, tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "random.csv"
    path.write_bytes(raw)
    try:
        positions = read_positions_csv(path)
    except NedtrappingError:
        return
    assert plan_violations(plan_municipality(positions)) == []


@given(line_end=st.sampled_from(["\n", "\r\n", "\r"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le", "utf-16-be"]))
def test_every_line_ending_and_encoding_a_spreadsheet_writes_is_read(line_end: str, encoding: str,
                                                                     tmp_path_factory: pytest.TempPathFactory) -> None:
    # CR-only (old Mac exports) and UTF-16 (Excel's "Unicode text", with or without a byte-order mark) are read,
    # not refused or garbled
    text = line_end.join([HEADER, "Bodø kommune;Ruskonsulent;100;2021;780 000;3,5;2022;"]) + line_end
    path = tmp_path_factory.mktemp("enc") / "p.csv"
    path.write_bytes(text.encode(encoding))
    (position,) = read_positions_csv(path)
    assert position.municipality == "Bodø kommune" and position.position == "Ruskonsulent"


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(CELL, min_size=5, max_size=8), min_size=1, max_size=3),
       fmt=st.sampled_from(["csv", "json", "markdown", "table"]))
def test_the_command_line_never_tracebacks_and_never_leaves_a_partial_file(
        rows: list[list[str]], fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.csv"
    src.write_text("\n".join([HEADER] + [";".join(r) for r in rows]) + "\n", encoding="utf-8")
    out = tmp_path / f"out.{ 'md' if fmt == 'markdown' else 'txt' if fmt == 'table' else fmt}"
    out.unlink(missing_ok=True)
    code = main(["plan", str(src), "--format", fmt, "--out", str(out)])
    err = capsys.readouterr().err
    assert code in (ExitCode.OK, ExitCode.BAD_INPUT, ExitCode.INCOMPLETE), err
    assert "Traceback" not in err and "internal error" not in err
    if code == ExitCode.BAD_INPUT:
        assert not out.exists(), "a failed run left a file"
    else:
        assert out.read_text(encoding="utf-8").strip()


@given(value=st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**30, 10**30),
                       st.decimals(allow_nan=True, allow_infinity=True), st.booleans(), st.none(), TEXT))
def test_odd_python_values_for_a_percentage_are_refused_by_name_or_accepted_exactly(value: object) -> None:
    from nedtrapping.cofinancing import FixedCost
    from nedtrapping.money import Money
    from nedtrapping.plan import Position

    try:
        p = Position(municipality="K", position="P", percent=value, first_grant_year=2021,
                     cost=FixedCost(Money.kroner(1)))
    except (NedtrappingError, TypeError, ValueError) as exc:
        assert "percent" in str(exc)
        return
    assume(p.percent is not None)
    assert 0 < p.percent <= 100


def test_the_fuzz_invariant_can_fail() -> None:
    # the checker is not vacuous: a plan whose totals were tampered with is caught
    import attrs

    plan = plan_municipality(parse_positions_csv(io.StringIO(HEADER + "\nK;P;100;2021;700 000;;;\n").getvalue()))
    bad = attrs.evolve(plan.rows[1], own_financing=plan.rows[1].cost)
    tampered = attrs.evolve(plan, rows=(plan.rows[0], bad, *plan.rows[2:]))
    assert plan_violations(tampered)


def test_a_cell_over_the_field_limit_is_a_typed_error_naming_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text(HEADER + "\nK;" + "x" * 200_000 + ";100;2021;1;;;\n", encoding="utf-8")
    with pytest.raises(NedtrappingError, match="en celle på høyst 131072 tegn") as info:
        read_positions_csv(path)
    assert "a cell of at most 131072 characters" in info.value.text("en")


NORWEGIAN_NAMES = st.sampled_from(["Bodø", "Tromsø", "Årdal", "Nærøysund", "Ørland", "Hå", "Sør-Varanger"])


@given(lines=st.lists(st.tuples(NORWEGIAN_NAMES, st.sampled_from(["utf-8", "cp1252"])), min_size=1, max_size=6),
       header_encoding=st.sampled_from(["utf-8", "cp1252"]))
def test_mixed_encodings_are_refused_and_one_encoding_is_read_exactly(
        lines: list[tuple[str, str]], header_encoding: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    raw = HEADER.encode(header_encoding) + b"\n" + b"".join(
        f"{name};Stilling {i};100;2021;780 000;;;\n".encode(encoding) for i, (name, encoding) in enumerate(lines))
    path = tmp_path_factory.mktemp("mixed") / "p.csv"
    path.write_bytes(raw)
    if len({header_encoding, *(e for _, e in lines)}) > 1:
        with pytest.raises(NedtrappingError, match="én tegnkoding for hele filen"):
            read_positions_csv(path)
    else:
        assert [p.municipality for p in read_positions_csv(path)] == [name for name, _ in lines]


def _positions_document() -> dict[str, object]:
    import json

    from nedtrapping.documents import positions_to_dict

    positions = parse_positions_csv(HEADER + "\nK;P;100;2021;700 000;3,5;2022;550000\nK;Q;50,5;2020;350 000;;;\n")
    return json.loads(json.dumps(positions_to_dict(positions)))


JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=True), TEXT, NUMBERS),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(TEXT, inner, max_size=3)), max_leaves=6)


def _paths(value: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _paths(item, (*path, i))
    return found


@given(data=st.data(), replacement=JSON_VALUES)
def test_a_mangled_positions_document_gives_a_typed_error_or_a_correct_plan(data: st.DataObject,
                                                                            replacement: object) -> None:
    from nedtrapping.documents import positions_from_dict

    document = _positions_document()
    path = data.draw(st.sampled_from(_paths(document)[1:]))
    node: object = document
    for key in path[:-1]:
        node = node[key]  # type: ignore[index]
    node[path[-1]] = replacement  # type: ignore[index]
    try:
        positions = positions_from_dict(document)
        plan = plan_municipality(positions)
    except NedtrappingError:
        return
    assert plan_violations(plan) == []


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), replacement=JSON_VALUES)
def test_a_mangled_plan_document_gives_a_typed_error_or_the_plan(data: st.DataObject, replacement: object) -> None:
    import json

    from nedtrapping.documents import plan_from_json
    from nedtrapping.render.plan import to_json

    plan = plan_municipality(parse_positions_csv(HEADER + "\nK;P;100;2021;700 000;;;\n"))
    document = json.loads(to_json(plan))
    path = data.draw(st.sampled_from(_paths(document)[1:]))
    node: object = document
    for key in path[:-1]:
        node = node[key]  # type: ignore[index]
    node[path[-1]] = replacement  # type: ignore[index]
    try:
        again = plan_from_json(json.dumps(document))
    except NedtrappingError:
        return
    assert plan_violations(again) == [] and again.totals == plan.totals


@given(text=st.one_of(st.text(max_size=50), st.binary(max_size=50).map(lambda b: b.decode("latin-1"))))
def test_any_text_as_a_plan_document_gives_a_typed_error(text: str) -> None:
    from nedtrapping.documents import plan_from_json

    with pytest.raises(NedtrappingError):
        plan_from_json(text)


XLSX_CELLS = st.one_of(CELL, st.none(), st.booleans(), st.integers(-10**12, 10**12),
                       st.floats(allow_nan=False, allow_infinity=False, width=32),
                       st.dates(), st.sampled_from(["=1+1", "=A1/0", "=NOW()"]))


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.lists(XLSX_CELLS, min_size=0, max_size=8), min_size=0, max_size=4),
       hidden=st.booleans(), title=st.booleans())
def test_any_workbook_of_odd_cells_gives_a_typed_error_or_a_correct_plan(
        rows: list[list[object]], hidden: bool, title: bool, tmp_path_factory: pytest.TempPathFactory) -> None:
    import openpyxl
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    from nedtrapping.readers.workbook import read_positions_workbook

    book = openpyxl.Workbook()
    ws = book.active
    if title:
        ws.append(["Stillinger 2024"])
    ws.append(HEADER.split(";"))
    for row in rows:  # what openpyxl cannot store (control characters) cannot be in a workbook to read
        ws.append([ILLEGAL_CHARACTERS_RE.sub("", c) if isinstance(c, str) else c for c in row])
    if hidden and rows:
        ws.row_dimensions[ws.max_row].hidden = True
    path = tmp_path_factory.mktemp("xlsx") / "p.xlsx"
    book.save(path)
    try:
        read = read_positions_workbook(path)
        plan = plan_municipality(read.positions)
    except NedtrappingError:
        return
    assert plan_violations(plan) == []
