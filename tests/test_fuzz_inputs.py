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
from nedtrapping.positions_csv import parse_positions_csv, read_positions_csv

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


@given(line_end=st.sampled_from(["\n", "\r\n", "\r"]), encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
def test_every_line_ending_and_encoding_a_spreadsheet_writes_is_read(line_end: str, encoding: str,
                                                                     tmp_path_factory: pytest.TempPathFactory) -> None:
    # CR-only (old Mac exports) and UTF-16 (Excel's "Unicode text") are read, not refused or garbled
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
    with pytest.raises(NedtrappingError, match="at most 131072 characters"):
        read_positions_csv(path)
