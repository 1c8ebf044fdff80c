"""All or nothing across the files one command writes; signals, a closed pipe and memory end cleanly (issue 18)."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from nedtrapping.cli import files as cli_files
from nedtrapping.cli import main
from nedtrapping.errors import ExitCode

ROW = "kommune;stilling;stillingsprosent;første_tilskuddsår;årskostnad;lønnsvekst\nK;P;100;2021;700 000;3\n"


def _input(tmp_path: Path) -> Path:
    src = tmp_path / "stillinger.csv"
    src.write_text(ROW, encoding="utf-8")
    return src


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_a_chart_that_fails_leaves_out_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("matplotlib")
    from nedtrapping.render import chart

    out = tmp_path / "plan.csv"
    out.write_text("the old plan", encoding="utf-8")

    def broken(*_args: object, **_kwargs: object) -> bytes:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(chart, "chart_bytes", broken)
    code = main(["plan", str(_input(tmp_path)), "--out", str(out), "--chart", str(tmp_path / "c.png")])
    assert code == ExitCode.BAD_INPUT
    assert out.read_text(encoding="utf-8") == "the old plan"
    assert not (tmp_path / "c.png").exists() and not _leftovers(tmp_path)


def test_a_rename_that_fails_for_the_second_file_puts_the_first_back(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.png"
    first.write_bytes(b"old a")
    real_replace = os.replace

    def replace(src: str, dst: object) -> None:
        if Path(str(dst)) == second:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OSError) as caught:
        cli_files.write_files_atomically([(first, b"new a"), (second, b"new b")], command="plan")
    assert caught.value.filename == str(second)
    assert first.read_bytes() == b"old a" and not second.exists()
    assert not _leftovers(tmp_path)


def test_a_new_first_file_is_removed_again_when_the_second_fails(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.png"
    real_replace = os.replace

    def replace(src: str, dst: object) -> None:
        if Path(str(dst)) == second:
            raise OSError(13, "Permission denied")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OSError):
        cli_files.write_files_atomically([(first, b"a"), (second, b"b")], command="plan")
    assert not first.exists() and not _leftovers(tmp_path)


def test_an_out_name_of_250_characters_is_written(tmp_path: Path) -> None:
    out = tmp_path / ("p" * 246 + ".csv")
    assert main(["plan", str(_input(tmp_path)), "--out", str(out)]) == ExitCode.OK
    assert out.read_text(encoding="utf-8").startswith("municipality,")


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, ExitCode.TERMINATED), (signal.SIGHUP, ExitCode.HANGUP)])
def test_a_signal_while_writing_removes_the_temporary_file_and_says_one_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        signum: signal.Signals, code: ExitCode) -> None:
    from nedtrapping.render import plan as render_plan

    def killed_midway(plan: object, out: io.TextIOBase) -> None:
        out.write("municipality,")
        os.kill(os.getpid(), signum)
        time.sleep(1)  # the handler runs here
        raise AssertionError("the signal should have ended the command")

    monkeypatch.setattr(render_plan, "write_csv", killed_midway)
    out = tmp_path / "plan.csv"
    out.write_text("old", encoding="utf-8")
    assert main(["plan", str(_input(tmp_path)), "--out", str(out)]) == code
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and signal.Signals(signum).name in err and "Traceback" not in err
    assert out.read_text(encoding="utf-8") == "old" and not _leftovers(tmp_path)
    assert signal.getsignal(signal.SIGTERM) is not None  # the handler is given back


def test_ctrl_c_is_one_line_and_status_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    from nedtrapping.render import plan as render_plan

    def interrupted(plan: object, out: io.TextIOBase) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(render_plan, "write_csv", interrupted)
    assert main(["plan", str(_input(tmp_path)), "--out", str(tmp_path / "p.csv")]) == ExitCode.INTERRUPTED
    err = capsys.readouterr().err
    assert err == "nedtrapping plan: avbrutt (SIGINT); ingenting er skrevet\n"
    assert not _leftovers(tmp_path) and not (tmp_path / "p.csv").exists()


def test_running_out_of_memory_is_a_clear_refusal_not_a_bug(monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    from nedtrapping.cli import plan as plan_cli

    def no_memory(*_args: object, **_kwargs: object) -> object:
        raise MemoryError

    monkeypatch.setattr(plan_cli, "plan_municipality", no_memory)
    assert main(["plan"]) == ExitCode.BAD_INPUT
    err = capsys.readouterr().err
    assert "for lite minne" in err and "bug" not in err


def test_a_closed_pipe_ends_quietly_with_sigpipe_s_status(tmp_path: Path) -> None:
    rows = "\n".join(f"K;P{i};100;2021;700 000;3" for i in range(3000))
    src = tmp_path / "p.csv"
    src.write_text(f"{ROW.splitlines()[0]}\n{rows}\n", encoding="utf-8")
    done = subprocess.run(f"{sys.executable} -m nedtrapping plan {src} --years 2022-2030 | head -1",
                          shell=True, capture_output=True, text=True, executable="/bin/bash",
                          env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert done.stdout.startswith("municipality,")
    assert "Error" not in done.stderr and "internal" not in done.stderr and "cannot write" not in done.stderr


def test_a_sheet_of_a_million_rows_is_refused_before_it_is_loaded(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "big.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["kommune", "stilling"])
    book.save(path)
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>1</v></c></row>' for n in range(1, 1_000_001))
    data = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = content.decode()
                start, end = text.index("<sheetData>") + len("<sheetData>"), text.index("</sheetData>")
                content = (text[:start] + rows + text[end:]).encode()
            dst.writestr(info.filename, content)
    path.write_bytes(data.getvalue())
    started = time.monotonic()
    from nedtrapping.readers.table import PositionsCSVError
    from nedtrapping.readers.workbook import read_positions_workbook

    with pytest.raises(PositionsCSVError, match="et ark med høyst 250000 rader med stillinger") as info:
        read_positions_workbook(path)
    assert "more than 250200 rows" in info.value.text("en")
    assert time.monotonic() - started < 10


def test_a_line_of_millions_of_separators_is_refused_before_it_is_split(tmp_path: Path) -> None:
    from nedtrapping.readers.table import PositionsCSVError, read_positions_text_file

    src = tmp_path / "semi.csv"
    src.write_text("kommune;stilling\n" + ";" * 5_000_000, encoding="utf-8")
    with pytest.raises(PositionsCSVError) as caught:
        read_positions_text_file(src)
    assert caught.value.problems[0].row == 2 and "250 cells" in caught.value.problems[0].expected.text("en")


def test_a_folder_a_pipe_or_a_device_as_input_is_named_for_what_it_is(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", str(tmp_path)]) == ExitCode.BAD_INPUT
    assert "er en mappe" in capsys.readouterr().err
    assert main(["plan", "/dev/zero"]) == ExitCode.BAD_INPUT
    assert "ikke en vanlig fil" in capsys.readouterr().err
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert main(["plan", str(fifo)]) == ExitCode.BAD_INPUT
    assert "ikke en vanlig fil" in capsys.readouterr().err
    assert main(["plan", str(tmp_path / "missing.csv")]) == ExitCode.BAD_INPUT
    assert "filen finnes ikke" in capsys.readouterr().err


def test_a_password_protected_workbook_is_named_as_such(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "låst.xlsx"
    src.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    assert main(["plan", str(src)]) == ExitCode.BAD_INPUT
    assert "passordbeskyttet" in capsys.readouterr().err
    assert main(["plan", str(src), "--lang", "en"]) == ExitCode.BAD_INPUT
    assert "password-protected" in capsys.readouterr().err


def test_a_utf32_file_is_read_as_what_it_is(tmp_path: Path) -> None:
    from nedtrapping.readers.table import read_positions_text_file

    src = tmp_path / "p.csv"
    src.write_bytes(ROW.encode("utf-32"))
    assert [p.municipality for p in read_positions_text_file(src).positions] == ["K"]


def test_a_json_input_is_read_as_a_positions_document_not_as_csv(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from nedtrapping.documents import positions_to_dict
    from nedtrapping.example import example_positions

    src = tmp_path / "p.json"
    src.write_text(json.dumps(positions_to_dict(example_positions())), encoding="utf-8")
    assert main(["plan", str(src), "--format", "csv"]) == ExitCode.OK
    assert "Ruskonsulent" in capsys.readouterr().out
    for broken in ("{", "[" * 100_000 + "]" * 100_000, "[1, 2]"):
        src.write_text(broken, encoding="utf-8")
        assert main(["plan", str(src)]) == ExitCode.BAD_INPUT
        err = capsys.readouterr().err
        assert "forventet et stillingsdokument i JSON" in err and "Traceback" not in err
    assert main(["plan", str(src), "--lang", "en"]) == ExitCode.BAD_INPUT
    assert "expected a positions document in JSON" in capsys.readouterr().err


def test_a_file_planned_to_a_terminal_is_the_table_for_people(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert main(["plan", str(_input(tmp_path))]) == ExitCode.OK
    out = capsys.readouterr().out
    assert out.startswith("Nedtrappingsplan") and "municipality," not in out
