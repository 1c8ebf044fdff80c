"""Hostile and odd uses of the command line: the input is never written over, nothing silently."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from nedtrapping.cli import main
from nedtrapping.errors import ExitCode, InvalidValueError

ROW = "kommune;stilling;stillingsprosent;første_tilskuddsår;årskostnad\nK;P;100;2021;700 000\n"


def test_out_naming_the_input_file_is_refused_and_the_input_kept(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "stillinger.csv"
    src.write_text(ROW, encoding="utf-8")
    before = src.read_bytes()
    assert main(["plan", str(src), "--out", str(src)]) == ExitCode.BAD_INPUT
    assert "er inndatafilen" in capsys.readouterr().err
    assert src.read_bytes() == before
    # also through another spelling of the same path
    other = tmp_path / "." / "stillinger.csv"
    assert main(["plan", str(other), "--out", str(src)]) == ExitCode.BAD_INPUT
    assert main(["plan", str(src), "--chart", str(src)]) == ExitCode.BAD_INPUT
    assert src.read_bytes() == before


def test_an_existing_output_is_replaced_whole_and_the_user_is_told(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "stillinger.csv"
    src.write_text(ROW, encoding="utf-8")
    out = tmp_path / "plan.csv"
    assert main(["plan", str(src), "--out", str(out)]) == ExitCode.OK
    assert "replaced" not in capsys.readouterr().err and "erstattet" not in capsys.readouterr().err
    out.write_text("old", encoding="utf-8")
    assert main(["plan", str(src), "--out", str(out)]) == ExitCode.OK
    assert "fantes og er erstattet" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8").startswith("municipality,")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_failed_write_leaves_the_old_file_intact(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "stillinger.csv"
    src.write_text(ROW, encoding="utf-8")
    out = tmp_path / "plan.xlsx"
    out.write_bytes(b"the old workbook")

    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)  # the moment the finished file would take the old one's place
    assert main(["plan", str(src), "--out", str(out)]) == ExitCode.BAD_INPUT
    assert f"{out}: disken er full" in capsys.readouterr().err
    assert main(["plan", str(src), "--out", str(out), "--lang", "en"]) == ExitCode.BAD_INPUT
    assert f"{out}: the disk is full" in capsys.readouterr().err
    assert out.read_bytes() == b"the old workbook"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx", "stillinger.csv"]  # no temporary left


def test_a_terminal_that_is_not_utf8_gets_no_traceback() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = subprocess.run([sys.executable, "-m", "nedtrapping", "plan"], capture_output=True, env=env, check=False)
    assert done.returncode == ExitCode.OK, done.stderr
    assert b"Traceback" not in done.stderr and b"Eksempel kommune" in done.stdout


def _plan_file(tmp_path: Path, text: str) -> Path:
    src = tmp_path / "p.csv"
    src.write_text(text, encoding="utf-8")
    return src


H = "kommune;stilling;stillingsprosent;første_tilskuddsår;årskostnad"


@pytest.mark.parametrize(("extra_header", "extra_cells", "column", "expected", "forventet"), [
    (";kostnadsår", ";0001", "kostnadsår", "a year from 2000 to 2100", "et årstall fra 2000 til 2100"),
    (";kostnadsår", ";9999", "kostnadsår", "a year from 2000 to 2100", "et årstall fra 2000 til 2100"),
    (";lønnsvekst", ";1000000", "lønnsvekst", "from -50 to 100", "fra -50 til 100"),
    (";tildelt_2022;granted_2022", ";1;2", "granted_2022", "one column for the amount granted for 2022",
     "én kolonne for tildelt beløp i 2022"),
    (";stillingsprosent_0000", ";50", "stillingsprosent_0000", "a year from 2000 to 2100",
     "et årstall fra 2000 til 2100"),
])
def test_absurd_or_conflicting_values_are_refused_by_name(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         extra_header: str, extra_cells: str, column: str,
                                                         expected: str, forventet: str) -> None:
    src = _plan_file(tmp_path, f"{H}{extra_header}\nK;P;100;2021;700 000{extra_cells}\n")
    assert main(["plan", str(src)]) == ExitCode.BAD_INPUT
    err = capsys.readouterr().err
    assert f"kolonne «{column}»" in err and forventet in err
    assert main(["plan", str(src), "--lang", "en"]) == ExitCode.BAD_INPUT
    err = capsys.readouterr().err
    assert f"column '{column}'" in err and expected in err


def test_a_header_problem_is_reported_together_with_the_row_problems(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    src = _plan_file(tmp_path, f"{H};tildelt_2022;granted_2022\nK;P;120;2021;700 000;1;2\nK;Q;50;20x1;1;;\n")
    assert main(["plan", str(src), "--lang", "en"]) == ExitCode.BAD_INPUT
    err = capsys.readouterr().err
    assert "one column for the amount granted for 2022" in err
    assert "row 2, column 'stillingsprosent'" in err and "row 3, column 'første_tilskuddsår'" in err


def test_values_that_look_like_a_decimal_slip_are_named_but_planned(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    src = _plan_file(tmp_path, f"{H};lønnsvekst\nK;P;0,5;2021;700 000;0,035\n")
    assert main(["plan", str(src), "--lang", "en"]) == ExitCode.OK
    err = capsys.readouterr().err
    assert "the position percentage is 0.5 %" in err and "the growth is 0.035 % a year" in err
    src = _plan_file(tmp_path, f"{H}\nK;P;100;2021;700 000\n")
    assert main(["plan", str(src), "--lang", "en"]) == ExitCode.OK
    assert "no growth column: the costs are planned flat" in capsys.readouterr().err


def test_a_ladder_step_given_twice_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _plan_file(tmp_path, f"{H}\nK;P;100;2020;700 000\n")
    code = main(["plan", str(src), "--ladder-step", "2022:3=480000", "--ladder-step", "3=490000",
                 "--ladder-source", "brev"])
    assert code == ExitCode.BAD_INPUT and "ladder.step_3 for 2022 er allerede oppgitt" in capsys.readouterr().err


def test_a_tiny_workbook_with_one_far_out_cell_is_refused_at_once(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["kommune", "stilling", "stillingsprosent", "første_tilskuddsår", "årskostnad"])
    ws.append(["K", "P", 100, 2021, 700000])
    ws["XFD1048576"] = "x"
    path = tmp_path / "far.xlsx"
    book.save(path)
    assert path.stat().st_size < 20_000
    # refused from the sheet's size, before its cells are read (reading them all would take hours)
    assert main(["plan", str(path)]) == ExitCode.BAD_INPUT
    assert "et ark med høyst 250000 rader og 250 kolonner" in capsys.readouterr().err
    assert main(["plan", str(path), "--lang", "en"]) == ExitCode.BAD_INPUT
    assert "a sheet of at most 250000 rows and 250 columns" in capsys.readouterr().err


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import zipfile

    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (210 * 1024 * 1024))
    assert path.stat().st_size < 2_000_000
    assert main(["plan", str(path), "--lang", "en"]) == ExitCode.BAD_INPUT
    assert "got 210 MB unpacked; expected a workbook that unpacks to at most 200 MB" in capsys.readouterr().err


@pytest.mark.parametrize("name", ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3"])
def test_a_name_that_looks_like_a_formula_stays_text_in_every_spreadsheet_output(
        name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import io

    import openpyxl

    src = tmp_path / "p.csv"
    with src.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=";").writerows([H.split(";"), ["K", name, "100", "2021", "700 000"]])
    for fmt, out in (("csv", tmp_path / "m.csv"), ("excel", tmp_path / "e.csv"), ("xlsx", tmp_path / "w.xlsx")):
        assert main(["plan", str(src), "--format", fmt, "--out", str(out)]) == ExitCode.OK, capsys.readouterr().err
    for path, sep in ((tmp_path / "m.csv", ","), (tmp_path / "e.csv", ";")):
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=sep))
        cells = [r[1] for r in rows[1:] if len(r) > 1 and r[0] == "K"]
        assert cells and all(c == "'" + name for c in cells)
    book = openpyxl.load_workbook(tmp_path / "w.xlsx")
    plan_sheet = book.worksheets[0]
    typed = [c for row in plan_sheet.iter_rows() for c in row if c.value == name]
    assert typed and all(c.data_type == "s" for c in typed)


def test_control_characters_in_a_name_are_refused_from_a_file_and_escaped_in_a_workbook(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import openpyxl

    from nedtrapping.cofinancing import FixedCost
    from nedtrapping.money import Money
    from nedtrapping.plan import Position, plan_municipality
    from nedtrapping.render.xlsx import write_plan_xlsx

    src = tmp_path / "p.csv"
    src.write_bytes(f"{H}\nK;a\x0bb;100;2021;700 000\n".encode())
    assert main(["plan", str(src), "--out", str(tmp_path / "p.xlsx")]) == ExitCode.BAD_INPUT
    assert "U+000B" in capsys.readouterr().err and not (tmp_path / "p.xlsx").exists()
    # the API refuses what the reader refuses: a name is shown in cells, files and terminals
    with pytest.raises(InvalidValueError, match="U\\+000B"):
        Position(municipality="K", position="a\x0bb\x00", percent=100, first_grant_year=2021,
                 cost=FixedCost(Money.kroner(1)))
    # a text that is not a name (a column the workbook carries) is still escaped in its cell
    plan = plan_municipality([Position(municipality="K", position="ab", percent=100, first_grant_year=2021,
                                       cost=FixedCost(Money.kroner(1)))])
    write_plan_xlsx(plan, tmp_path / "api.xlsx", extra_columns={("K", "ab"): {"Merknad": "a\x0bb"}})
    cells = {c.value for ws in openpyxl.load_workbook(tmp_path / "api.xlsx").worksheets for row in ws.iter_rows()
             for c in row}
    assert "a\\x0bb" in cells and "a\x0bb" not in cells


@pytest.mark.parametrize("fmt", ["csv", "excel", "json", "markdown", "xlsx", "table"])
def test_a_grant_above_the_cost_and_the_digests_reach_every_output(fmt: str, tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    import json

    import openpyxl

    from nedtrapping.plan import plan_municipality
    from nedtrapping.readers.table import read_positions_csv

    src = _plan_file(tmp_path, f"{H}\nK;P;100;2021;1 000\n")  # a cost of 1 000 kr: the grant exceeds it
    plan = plan_municipality(read_positions_csv(src))
    exceeds = [n for n in plan.notices if n.key == "warning.grant_exceeds_cost"]
    assert exceeds and plan.digests
    out = tmp_path / {"csv": "plan.csv", "excel": "e.csv", "json": "p.json", "markdown": "p.md", "xlsx": "p.xlsx",
                      "table": "p.txt"}[fmt]
    assert main(["plan", str(src), "--format", fmt, "--out", str(out), "--lang", "en"]) == ExitCode.OK
    err = capsys.readouterr().err
    if fmt == "xlsx":
        book = openpyxl.load_workbook(out)
        document = "\n".join(str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row)
    elif fmt == "json":
        data = json.loads(out.read_text(encoding="utf-8"))
        document = "\n".join([*data["warnings"], *data["rule_set_digests"].values()])
    else:
        document = out.read_text(encoding="utf-8-sig")
    # a CSV is a table only: what it cannot carry is said on stderr; every other output carries both itself
    carrier = err if fmt == "csv" else document
    assert all(digest in carrier for digest in plan.digests.values())
    carrier = err if fmt in ("csv", "excel") else document
    assert all(n.text("en") in carrier for n in exceeds)


@pytest.mark.parametrize(("step", "planned", "message"), [
    ("2021:3=480000", [], "(2022–2025); plan it with --years 2021-2025"),
    ("2022:3=480000", ["--years", "2023-2025"], "(2023–2025); plan it with --years 2022-2025"),
])
def test_a_ladder_step_for_a_year_not_planned_is_named(step: str, planned: list[str], message: str, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    src = _plan_file(tmp_path, f"{H}\nK;P;100;2021;700 000\n")
    code = main(["plan", str(src), "--ladder-step", step, "--ladder-source", "brev", "--lang", "en", *planned])
    assert code == ExitCode.OK
    year = step[:4]
    err = capsys.readouterr().err
    assert f"--ladder-step for {year} has no effect: {year} is not among the years planned {message}" in err
    # a step of a planned year that no position needs is still named by the general warning, not this one
    assert main(["plan", str(src), "--ladder-step", "2022:4=480000", "--ladder-source", "brev", "--lang", "en"]) == 0
    err = capsys.readouterr().err
    assert "not among the years planned" not in err and "ladder.step_4 of kommunalt-rusarbeid 2022 was supplied" in err


def test_a_write_stopped_by_a_file_size_limit_leaves_the_old_file_and_no_traceback(tmp_path: Path) -> None:
    import resource

    src = tmp_path / "p.csv"
    src.write_text(H + "\n" + "".join(f"K;P{i};100;2021;700 000\n" for i in range(200)), encoding="utf-8")
    for name in ("plan.csv", "plan.xlsx", "plan.json"):
        out = tmp_path / name
        out.write_bytes(b"the old plan")

        def limit() -> None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))  # the finished plan is larger than this

        done = subprocess.run([sys.executable, "-m", "nedtrapping", "plan", str(src), "--out", str(out)],
                              capture_output=True, text=True, preexec_fn=limit, check=False,
                              env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
        assert done.returncode == ExitCode.BAD_INPUT, done.stderr
        assert "Traceback" not in done.stderr and "filen blir for stor" in done.stderr and str(out) in done.stderr
        assert out.read_bytes() == b"the old plan"
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize("name", ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3"])
def test_a_formula_name_is_text_on_every_sheet_of_an_incomplete_plan(name: str, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import re
    import zipfile

    import openpyxl

    src = tmp_path / "p.csv"
    with src.open("w", encoding="utf-8", newline="") as f:
        # the municipality, the position and a note all named like a formula; first funded 2020: step 3 unknown
        csv.writer(f, delimiter=";").writerows([[*H.split(";"), "Merknad"], [name, name, "100", "2020", "700 000", name]])
    out = tmp_path / "w.xlsx"
    assert main(["plan", str(src), "--out", str(out)]) == ExitCode.INCOMPLETE, capsys.readouterr().err
    book = openpyxl.load_workbook(out)
    sheets_with_the_name = set()
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and name in c.value:
                    assert c.data_type == "s", (ws.title, c.coordinate, c.value)
                    sheets_with_the_name.add(ws.title)
    assert {"Plan", "Totaler", "Advarsler", "Forklaringer"} <= sheets_with_the_name
    with zipfile.ZipFile(out) as archive:
        formulas = [f for entry in archive.namelist() if entry.startswith("xl/worksheets/")
                    for f in re.findall(r"<f>([^<]*)</f>", archive.read(entry).decode("utf-8"))]
    assert formulas and not [f for f in formulas if re.search(r"HYPERLINK|cmd|@SUM|^-2\+3$", f)]


@pytest.mark.parametrize("name", ["\tTab", "\rCR"])
def test_a_name_from_python_with_a_tab_or_cr_is_refused(name: str) -> None:
    from nedtrapping.cofinancing import FixedCost
    from nedtrapping.money import Money
    from nedtrapping.plan import Position

    with pytest.raises(InvalidValueError, match="kontrolltegnet U\\+00"):
        Position(municipality=name, position="P", percent=100, first_grant_year=2021,
                 cost=FixedCost(Money.kroner(700_000)))


@pytest.mark.parametrize("name", ["=1+1", "+1", "-1", "@A1"])
def test_a_name_from_python_starting_like_a_formula_is_neutralised_in_both_csvs(name: str) -> None:
    import csv
    import io

    from nedtrapping.cofinancing import FixedCost
    from nedtrapping.money import Money
    from nedtrapping.plan import Position, plan_municipality
    from nedtrapping.render.plan import to_csv, to_excel_csv

    plan = plan_municipality([Position(municipality=name, position=name, percent=100, first_grant_year=2021,
                                       cost=FixedCost(Money.kroner(700_000)))])
    for text, sep in ((to_csv(plan), ","), (to_excel_csv(plan).lstrip("\ufeff"), ";")):
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))
        data = [r for r in rows[1:] if len(r) > 2 and r[2] in {"2022", "2023", "2024", "2025"}]
        assert len(data) == len(plan.rows)  # a CR in a name does not break a row in two
        assert all(r[0] == r[1] == "'" + name for r in data)


@pytest.mark.parametrize("control", ["\x0b", "\x00", "\x1b", "\x07"])
def test_a_control_character_in_a_name_is_refused_by_its_code_before_a_workbook_is_written(
        control: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "p.csv"
    src.write_bytes(f"{H}\nK;a{control}b;100;2021;700 000\n".encode())
    done = subprocess.run([sys.executable, "-m", "nedtrapping", "plan", str(src), "--out", str(tmp_path / "p.xlsx")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == ExitCode.BAD_INPUT
    assert f"U+{ord(control):04X}" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "p.xlsx").exists()


@pytest.mark.parametrize("option", ["--ics", "--csv", "--markdown"])
def test_a_calendar_write_stopped_by_a_file_size_limit_leaves_the_old_file(option: str, tmp_path: Path) -> None:
    import resource

    out = tmp_path / "kalender.out"
    out.write_bytes(b"the old calendar")

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (256, 256))  # every calendar is larger than this

    done = subprocess.run([sys.executable, "-m", "nedtrapping", "calendar", option, str(out)],
                          capture_output=True, text=True, preexec_fn=limit, check=False,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert done.returncode == ExitCode.BAD_INPUT, done.stderr
    assert "Traceback" not in done.stderr and "kan ikke skrive" in done.stderr and str(out) in done.stderr
    assert out.read_bytes() == b"the old calendar"
    assert [p.name for p in tmp_path.iterdir()] == ["kalender.out"]  # no temporary file left beside it


def test_a_calendar_file_that_exists_is_replaced_whole_and_the_user_is_told(tmp_path: Path,
                                                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kalender.ics"
    assert main(["calendar", "--ics", str(out)]) == ExitCode.OK
    assert "erstattet" not in capsys.readouterr().err
    first = out.read_bytes()
    assert first.startswith(b"BEGIN:VCALENDAR\r\n")  # the .ics keeps its CRLF line ends
    out.write_bytes(b"old")
    assert main(["calendar", "--ics", str(out)]) == ExitCode.OK
    err = capsys.readouterr().err
    assert f"nedtrapping calendar: {out} fantes og er erstattet" in err
    assert out.read_bytes() == first
    assert main(["calendar", "--ics", str(out), "--lang", "en"]) == ExitCode.OK
    assert f"{out} existed and was replaced" in capsys.readouterr().err


def test_two_calendar_outputs_naming_one_file_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kalender.txt"
    assert main(["calendar", "--csv", str(out), "--markdown", str(tmp_path / "." / "kalender.txt")]) == ExitCode.BAD_INPUT
    assert "--csv og --markdown navngir samme fil" in capsys.readouterr().err
    assert not out.exists()
    # standard output twice is no file
    assert main(["calendar", "--csv", "-", "--markdown", "-"]) == ExitCode.OK
