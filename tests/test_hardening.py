"""Hostile and odd uses of the command line: the input is never written over, nothing silently."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from nedtrapping.cli import main
from nedtrapping.errors import ExitCode

ROW = "kommune;stilling;stillingsprosent;første_tilskuddsår;årskostnad\nK;P;100;2021;700 000\n"


def test_out_naming_the_input_file_is_refused_and_the_input_kept(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "stillinger.csv"
    src.write_text(ROW, encoding="utf-8")
    before = src.read_bytes()
    assert main(["plan", str(src), "--out", str(src)]) == ExitCode.BAD_INPUT
    assert "is the input file" in capsys.readouterr().err
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
    assert "No space left on device" in capsys.readouterr().err
    assert out.read_bytes() == b"the old workbook"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx", "stillinger.csv"]  # no temporary left


def test_a_terminal_that_is_not_utf8_gets_no_traceback() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = subprocess.run([sys.executable, "-m", "nedtrapping", "plan"], capture_output=True, env=env, check=False)
    assert done.returncode == ExitCode.OK, done.stderr
    assert b"Traceback" not in done.stderr and b"Eksempel kommune" in done.stdout
