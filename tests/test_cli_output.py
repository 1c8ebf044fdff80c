"""`nedtrapping plan` output: the format follows --out's extension, Norwegian Excel CSV, messages for people."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from nedtrapping.cli import main
from nedtrapping.render.plan import CSV_COLUMNS


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("name", "check"), [
    ("plan.csv", lambda b: b.decode("utf-8").startswith(",".join(CSV_COLUMNS))),
    ("plan.json", lambda b: json.loads(b)["document"] == "nedtrapping.plan"),
    ("plan.md", lambda b: b.decode("utf-8").startswith("## Eksempel kommune")),
    ("plan.txt", lambda b: "Nedtrappingsplan" in b.decode("utf-8")),
    ("plan.xlsx", lambda b: b[:2] == b"PK"),
])
def test_out_picks_the_format_by_extension(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
                                           check: object) -> None:
    code, out, err = run(capsys, "plan", "--out", str(tmp_path / name))
    assert code == 0, err
    assert out == ""
    assert callable(check) and check((tmp_path / name).read_bytes())


def test_unknown_extension_or_conflicting_format_is_an_error_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "plan", "--out", str(tmp_path / "plan.xls"))
    assert code == 1 and "ukjent filendelse «.xls»" in err
    code, _, err = run(capsys, "plan", "-f", "json", "--out", str(tmp_path / "x.xlsx"))
    assert code == 1 and "--format json passer ikke med" in err
    code, _, err = run(capsys, "plan", "-f", "table", "--out", str(tmp_path / "x.csv"))
    assert code == 1 and "passer ikke med" in err
    code, _, err = run(capsys, "plan", "-f", "xlsx")
    assert code == 1 and "--out FIL.xlsx" in err
    assert list(tmp_path.iterdir()) == []


def test_the_excel_csv_marks_unknown_figures_and_where_each_grant_comes_from(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "positions.csv"
    src.write_text("kommune;stilling;stillingsprosent;første_tilskuddsår;årskostnad;tildelt_2023\n"
                   "K;Ukjent trinn;100;2020;700 000;\n"
                   "K;Fra brevet;50;2021;400 000;160 000\n", encoding="utf-8")
    out = tmp_path / "plan.csv"
    code, _, _ = run(capsys, "plan", str(src), "--format", "excel", "--out", str(out))
    assert code == 3  # written, with an unknown figure
    rows = {(r[1], r[2]): r for r in csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig")), delimiter=";")
            if len(r) > 9}
    # ladder step 3 of 2022 is in no source: the grant, the own financing and the increase read «ukjent», never 0
    assert rows[("Ukjent trinn", "2022")][5:10] == ["ukjent", "700000", "ukjent", "ukjent", "ukjent"]
    assert rows[("Ukjent trinn", "2023")][9] == "regel"
    assert rows[("Fra brevet", "2023")][5] == "160000" and rows[("Fra brevet", "2023")][9] == "tilsagnsbrev"
    run(capsys, "plan", str(src), "--format", "excel", "--lang", "en", "--out", str(out))
    text_en = out.read_bytes().decode("utf-8-sig")
    assert ";unknown;" in text_en and ";grant letter" in text_en and "ukjent" not in text_en


def test_excel_csv_has_semicolons_bom_decimal_comma_and_norwegian_headers(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "positions.csv"
    src.write_text("kommune;stilling;stillingsprosent;første_tilskuddsår;årskostnad\n"
                   "Bodø;Ruskonsulent;33,3;2021;400 000\n", encoding="utf-8")
    out = tmp_path / "plan.csv"
    code, _, err = run(capsys, "plan", str(src), "--format", "excel", "--out", str(out))
    assert code == 0, err
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Kommune", "Stilling", "År", "År i ordningen", "Stillingsprosent", "Tilskudd", "Full kostnad",
                       "Egenfinansiering", "Økning i egenfinansiering", "Kilde for tilskuddet"]
    # 2022's increase rises from 2021 (the base year): 400 000 − 660 000 × 33,3 % = 180 220 kr own financing
    assert rows[1] == ["Bodø", "Ruskonsulent", "2022", "2", "33,3", "183150", "400000", "216850", "36630", "regel"]
    assert [["kommunalt-rusarbeid 2021"], ["kommunalt-rusarbeid 2022"]] == [r[:1] for r in rows[-4:-2]]
    code, _, err = run(capsys, "plan", str(src), "--format", "excel", "--lang", "en", "--out", str(out))
    assert out.read_bytes().decode("utf-8-sig").startswith("Municipality;Position;Year")
    src.write_text("kommune;stilling;stillingsprosent;første_tilskuddsår;årskostnad;Merknad\n"
                   "Bodø;Ruskonsulent;100;2021;400 000;fast ansatt\n", encoding="utf-8")
    code, _, err = run(capsys, "plan", str(src), "--format", "excel", "--out", str(out))
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert rows[0][-1] == "Merknad" and rows[1][-1] == "fast ansatt"  # carried, at the right


def test_the_workbook_follows_lang_and_carries_extra_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "positions.csv"
    src.write_text("kommune;stilling;stillingsprosent;første_tilskuddsår;årskostnad;Merknad\n"
                   "Bodø;Ruskonsulent;100;2021;700 000;fast ansatt\n", encoding="utf-8")
    code, _, err = run(capsys, "plan", str(src), "--out", str(tmp_path / "plan.xlsx"))
    assert code == 0 and "Merknad" in err
    ws = openpyxl.load_workbook(tmp_path / "plan.xlsx")["Plan"]
    headers = [c.value for c in ws[8]]  # the header row, under the title block
    assert headers[-1] == "Merknad" and ws.cell(9, len(headers)).value == "fast ansatt"
    assert headers[6] == "Egenfinansiering"
    notes = [r[1] for r in openpyxl.load_workbook(tmp_path / "plan.xlsx")["Advarsler"].iter_rows(values_only=True)]
    assert any("Merknad" in (n or "") for n in notes)


def test_years_take_an_en_dash_and_help_says_what_people_need(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "plan", "--years", "2022–2024", "-f", "csv")
    assert code == 0, err
    assert {row["year"] for row in csv.DictReader(io.StringIO(out))} == {"2022", "2023", "2024"}
    done = subprocess.run([sys.executable, "-m", "nedtrapping", "plan", "--help"], capture_output=True, text=True,
                          check=True, env={**os.environ, "COLUMNS": "200"})
    help_text = " ".join(done.stdout.split())
    assert "krever --ladder-source" in help_text
    assert "årskostnad er hele årskostnaden for stillingen med dens egen stillingsprosent" in help_text


def test_a_bad_ladder_step_is_named_once(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "plan", "--ladder-step", "2022:3=abc", "--ladder-source", "brev")
    assert code == 1
    assert err.count("--ladder-step «2022:3=abc»") == 1


def test_machine_csv_names_its_rule_sets_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "plan", "-f", "csv")
    assert code == 0 and "SHA-256" in err and "kommunalt-rusarbeid 2022" in err
    assert out.splitlines()[0] == ",".join(CSV_COLUMNS)  # stdout is the CSV alone


def test_an_unknown_value_is_explained_once_and_discrepancies_listed_once(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "p.csv"
    src.write_text("municipality,position,percent,first_year,annual_cost,granted_2023\n"
                   "A,x,100,2020,700000,330001\nA,y,100,2020,700000,\nA,z,50,2020,700000,\n", encoding="utf-8")
    code, out, err = run(capsys, "plan", str(src), "-f", "table")
    assert code == 3
    assert out.count("Trinn 3 i årsstigen") == 1  # the ~900-character explanation once, naming every position
    assert "A / x (2022), A / y (2022), A / z (2022)" in out
    assert out.count("tildelt 330 001 kr (tilsagnsbrev), men regelen gir 330 000 kr") == 1  # listed once


def test_warnings_of_one_kind_are_grouped_on_stderr_and_all_with_verbose(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 120 positions first funded 2022: one warning each of the same kind; a person reads the kind
    src = tmp_path / "p.csv"
    src.write_text("kommune;stilling;stillingsprosent;første_tilskuddsår;årskostnad\n"
                   + "".join(f"K;P{i};100;2022;700 000\n" for i in range(120)), encoding="utf-8")
    code, _, err = run(capsys, "plan", str(src), "--out", str(tmp_path / "p.csv.out.csv"))
    assert code == 0
    said = [line for line in err.splitlines() if "første tilskuddsår 2022 er etter 2021" in line]
    assert len(said) == 3 and "… og 117 til av samme slag" in err
    code, _, err = run(capsys, "plan", str(src), "--out", str(tmp_path / "p.csv.out.csv"), "--verbose")
    assert len([line for line in err.splitlines() if "første tilskuddsår 2022 er etter 2021" in line]) == 120
    assert "til av samme slag" not in err
