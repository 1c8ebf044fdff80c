"""`nedtrapping plan` end to end: example table, CSV in and out, bad rows, unknown steps."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from nedtrapping.cli import main
from nedtrapping.render.plan import CSV_COLUMNS as PLAN_CSV_COLUMNS


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_plan_without_arguments_prints_the_example_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "plan")
    assert code == 0, err
    assert "Eksempel kommune" in out
    assert "550 000 kr" in out and "330 000 kr" in out
    assert "SUM" in out and "SHA-256" in out and "Nedtrappingsplan" in out  # Norwegian for people by default
    code, out, err = run(capsys, "plan", "--lang", "en")
    assert code == 0, err
    assert "TOTAL" in out and "Phase-down plan" in out and "Nedtrappingsplan" not in out


def test_plan_scheme_option_plans_nav_and_refuses_an_unknown_scheme(capsys: pytest.CaptureFixture[str],
                                                                   tmp_path: Path) -> None:
    src = tmp_path / "nav.csv"
    src.write_text("kommune;stilling;stillingsprosent;første_tilskuddsår;årskostnad\n"
                   "Testkommune;Veileder;50;2022;400 000\n", encoding="utf-8")
    code, out, err = run(capsys, "plan", str(src), "--scheme", "nav-sosiale-tjenester", "--format", "table")
    assert code == 0, err
    assert "NAV sosiale tjenester" in out and "305 000 kr" in out  # half of the 610 000 cap
    code, out, err = run(capsys, "plan", str(src), "--scheme", "nav-sosiale-tjenester", "--years", "2022-2023")
    assert code == 3 and "Testkommune,Veileder,2023,2,50,,400000,," in out  # no 2023 rules: unknown, not 0
    code, _, err = run(capsys, "plan", "--scheme", "no-such-scheme")
    assert code == 1 and "kommunalt-rusarbeid" in err and "nav-sosiale-tjenester" in err


def test_entry_point_is_installed() -> None:
    done = subprocess.run([sys.executable, "-m", "nedtrapping.cli", "plan", "--format", "csv"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == ",".join(PLAN_CSV_COLUMNS)


def test_plan_from_a_norwegian_csv_writes_the_documented_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "stillinger.csv"
    src.write_text("kommune;stilling;stillingsprosent;første_tilskuddsår;årskostnad\n"
                   "Testkommune;Ruskonsulent;50;2021;400 000\n", encoding="utf-8")
    out_file = tmp_path / "plan.csv"
    code, out, err = run(capsys, "plan", str(src), "--out", str(out_file))
    assert code == 0, err
    assert out == ""
    rows = list(csv.DictReader(io.StringIO(out_file.read_text(encoding="utf-8"))))
    assert list(rows[0]) == list(PLAN_CSV_COLUMNS)
    by_year = {r["year"]: r for r in rows}
    # 50 % of 550 000 (2022) and of 330 000 (2023, 2024); nothing in 2025
    assert [by_year[y]["grant"] for y in ("2022", "2023", "2024", "2025")] == ["275000", "165000", "165000", "0"]
    assert by_year["2025"]["own_financing"] == "400000"
    assert by_year["2023"]["own_financing_increase"] == "110000"


def test_bad_rows_are_all_reported_and_exit_non_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "bad.csv"
    src.write_text("municipality,position,percent,first_year,annual_cost\n"
                   "A,x,120,2021,1\nA,y,50,2021,1\nA,z,50,1x,abc\n", encoding="utf-8")
    code, out, err = run(capsys, "plan", str(src))
    assert code == 1
    assert out == ""
    assert "rad 2, kolonne «percent»: fikk «120»; forventet en stillingsprosent" in err
    assert "rad 4, kolonne «first_year»" in err and "rad 4, kolonne «annual_cost»" in err
    code, out, err = run(capsys, "plan", str(src), "--lang", "en")
    assert code == 1 and out == ""
    assert "row 2, column 'percent': got '120'; expected a position percentage" in err
    assert "row 4, column 'first_year'" in err and "row 4, column 'annual_cost'" in err


def test_unknown_step_exits_3_with_how_to_and_a_supplied_step_completes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "p.csv"
    src.write_text("municipality,position,percent,first_year,annual_cost\nA,x,100,2020,700000\n", encoding="utf-8")
    code, out, err = run(capsys, "plan", str(src))
    assert code == 3
    assert "Trinn 3 i årsstigen" in err and "fra kommunens tilsagnsbrev for 2022" in err  # where the value is
    assert "A,x,2022,3,100,,700000,," in out  # unknown is empty, not 0
    code, out, err = run(capsys, "plan", str(src), "--ladder-step", "2022:3=480 000", "--ladder-source", "Tilsagnsbrev 2022")
    assert code == 0, err
    assert "A,x,2022,3,100,480000,700000,220000," in out
    code, out, err = run(capsys, "plan", str(src), "--ladder-step", "3=480000", "--ladder-source", "brev",
                         "--format", "table", "--lang", "en")
    assert code == 0 and "user-supplied: ladder step 3 = 480 000 kr" in out
    code, out, err = run(capsys, "plan", str(src), "--ladder-step", "3=480000")
    assert code == 1 and "--ladder-source" in err  # a supplied value must name its grant letter
    code, out, err = run(capsys, "plan", str(src), "--ladder-step", "2022:1=500000", "--ladder-source", "brev",
                         "--lang", "en")
    assert code == 3 and "ladder.step_1 of kommunalt-rusarbeid 2022 was supplied but no position used it" in err
    code, out, err = run(capsys, "plan", str(src), "--ladder-step", "2022:3=500000", "--ladder-source", "brev")
    assert code == 0 and "ladder.step_3" not in err  # used: no warning


def test_an_unknown_step_names_the_option_that_supplies_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "p.csv"
    src.write_text("municipality,position,percent,first_year,annual_cost\nA,x,100,2020,700000\n", encoding="utf-8")
    code, _, err = run(capsys, "plan", str(src))
    assert code == 3 and ("--supply 2022:ladder.step_3=" in err or "--ladder-step 2022:3=" in err)
    assert "rules.supply(" not in err  # at the command line the option, not the Python call


def test_in_python_an_unknown_step_names_the_call_that_supplies_it() -> None:
    from nedtrapping.example import example_positions
    from nedtrapping.plan import Position, plan_municipality
    from nedtrapping.render.plan import unknown_lines

    first = example_positions()[0]
    plan = plan_municipality([Position(municipality=first.municipality, position="x", percent=first.percent,
                                       first_grant_year=2020, cost=first.cost)])
    lines = "\n".join(unknown_lines(plan, "nb"))
    assert "Oppgi den med rules.supply('ladder.step_3'" in lines and "--supply" not in lines


def test_bad_options_are_reported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "plan", "--ladder-step", "2022:5=1", "--ladder-source", "brev")
    assert code == 1 and "TRINN 1–4" in err
    code, _, err = run(capsys, "plan", "--ladder-step", "2023:3=1", "--ladder-source", "brev")
    assert code == 1 and "fast beløp på 330 000 kr" in err
    code, _, err = run(capsys, "plan", "--ladder-step", "2022:3=480.000", "--ladder-source", "brev")
    assert code == 1 and "«480.000» er tvetydig" in err  # never read as 480 kr
    code, _, err = run(capsys, "plan", "--years", "2019-2025")
    assert code == 1 and "2019 er før det første regelsettet" in err
    code, _, err = run(capsys, "plan", "--out", str(tmp_path / "no" / "such" / "dir.csv"))
    assert code == 1 and "kan ikke skrive" in err
    code, _, err = run(capsys, "plan", "--format", "csv", "--explain")
    assert code == 1 and "--explain hører til tabellen" in err
    code, _, err = run(capsys, "plan", "--years", "2025-2022")
    assert code == 1 and "slutter før det begynner" in err
    code, _, err = run(capsys, "plan", str(tmp_path / "missing.csv"))
    assert code == 1 and "filen finnes ikke" in err


def test_json_output_explains_every_figure(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    # by default each row names its rule cell, and each cell is explained once (sources and statuses)
    code, out, _ = run(capsys, "plan", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["rule_set_digests"]
    assert all(r["rule"] in data["rules"] and "explanation" not in r for r in data["rows"])
    assert len(data["rules"]) < len(data["rows"])
    cell = data["rules"][next(r["rule"] for r in data["rows"] if r["year"] == 2022 and r["grant"] == "550000")]
    assert (cell["per_full_position"], cell["pro_rata"], cell["rounding"]) == ("550000", True, "half-up")
    assert {f["name"] for f in cell["facts"]} >= {"ladder.step_2", "pro_rata"}
    assert all(f["status"] and f["citation"] for f in cell["facts"])
    # --explain: every row its whole explanation
    code, out, _ = run(capsys, "plan", "--format", "json", "--explain")
    data = json.loads(out)
    assert code == 0 and all(r["explanation"]["steps"] for r in data["rows"])


def test_python_m_nedtrapping_prints_the_version_from_its_one_place() -> None:
    from nedtrapping import __version__

    done = subprocess.run([sys.executable, "-m", "nedtrapping", "--version"], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"nedtrapping {__version__}"
    assert __version__.count(".") == 2
