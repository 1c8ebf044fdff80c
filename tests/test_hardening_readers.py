"""Odd positions files: mixed encodings, UTF-16 without a byte-order mark, merged cells, sizes over the limits."""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from nedtrapping.cli import main
from nedtrapping.errors import ExitCode
from nedtrapping.readers import table as positions_table
from nedtrapping.readers.table import PositionsCSVError, parse_positions_table, read_positions_text_file
from nedtrapping.readers.workbook import read_positions_workbook

H = "kommune;stilling;stillingsprosent;første_tilskuddsår;årskostnad"
EN = "municipality;position;percent;first_year;annual_cost"


@pytest.mark.parametrize("header", [H, EN], ids=["norwegian-header", "english-header"])
def test_utf8_and_windows_1252_lines_in_one_file_are_refused_naming_the_lines(
        header: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # two exports pasted together: read as either encoding, the other's names come out garbled
    src = tmp_path / "p.csv"
    src.write_bytes(header.encode("utf-8") + b"\n" + "Bodø;Ruskonsulent;100;2021;700 000\n".encode()
                    + "Tromsø;Miljøterapeut;100;2021;700 000\n".encode("cp1252")
                    + b"Alta;Konsulent;100;2021;700 000\n")
    out = tmp_path / "plan.csv"
    assert main(["plan", str(src), "--out", str(out), "--lang", "en"]) == ExitCode.BAD_INPUT
    err = capsys.readouterr().err
    lines = "lines 1, 2 are UTF-8" if header == H else "lines 2 are UTF-8"
    assert f"{lines} but lines 3 are not (Windows-1252" in err and "save the file again as 'CSV UTF-8'" in err
    assert "TromsÃ" not in err and "Bodã" not in err and not out.exists()


def test_a_whole_windows_1252_file_is_still_read(tmp_path: Path) -> None:
    src = tmp_path / "p.csv"
    src.write_bytes(f"{H}\nTromsø;Miljøterapeut;100;2021;700 000\n".encode("cp1252"))
    (p,) = read_positions_text_file(src).positions
    assert (p.municipality, p.position) == ("Tromsø", "Miljøterapeut")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(encoding: str, tmp_path: Path) -> None:
    src = tmp_path / "p.txt"
    src.write_bytes(f"{H}\nBodø kommune;Ruskonsulent;100;2021;700 000\n".replace(";", "\t").encode(encoding))
    (p,) = read_positions_text_file(src).positions
    assert (p.municipality, p.position) == ("Bodø kommune", "Ruskonsulent")


def test_broken_utf16_without_a_byte_order_mark_is_named_as_utf16(tmp_path: Path) -> None:
    src = tmp_path / "p.txt"
    src.write_bytes(f"{H}\nBodø;P;100;2021;1\n".encode("utf-16-le") + b"\x00\xd8")  # a lone surrogate at the end
    with pytest.raises(PositionsCSVError, match="forventet en hel UTF-16-tekstfil") as info:
        read_positions_text_file(src)
    assert "expected a whole UTF-16 text file" in info.value.text("en")


@pytest.mark.parametrize("header", [f"{H};", f"{H};;;", f"{H};Merknad;;"], ids=["one", "three", "after-a-note"])
def test_trailing_empty_header_cells_do_not_refuse_the_file(header: str, tmp_path: Path) -> None:
    src = tmp_path / "p.csv"
    src.write_text(f"{header}\nK;A;100;2021;700 000\nK;B;50;2021;350 000;;;\n", encoding="utf-8")
    read = read_positions_text_file(src)
    assert [p.position for p in read.positions] == ["A", "B"]
    assert read.ignored_columns == (("Merknad",) if "Merknad" in header else ())


def test_a_merged_cell_is_named_as_merged_not_as_an_empty_value(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(H.split(";"))
    ws.append(["Bodø", "A", 100, 2021, 700000])
    ws.append([None, "B", 100, 2021, 700000])  # the municipality merged over rows 2–3
    ws.append(["Bodø", "C", 50, 2021, None])
    ws.merge_cells("A2:A3")
    ws.merge_cells("E3:E4")  # one cost for two rows
    book.save(tmp_path / "merged.xlsx")
    with pytest.raises(PositionsCSVError) as info:
        read_positions_workbook(tmp_path / "merged.xlsx")
    problems = {(p.row, p.column): p.expected.text("en") for p in info.value.problems}
    assert set(problems) == {(3, "kommune"), (4, "årskostnad")}
    assert "the cell A3 is part of the merged cell A2:A3, whose value is only in A2" in problems[(3, "kommune")]
    assert "the cell E4 is part of the merged cell E3:E4, whose value is only in E3" in problems[(4, "årskostnad")]
    assert all("unmerge the cells" in e for e in problems.values())
    assert "cellen A3 er en del av den sammenslåtte cellen A2:A3" in str(info.value)


def test_a_formula_without_a_saved_value_says_to_open_and_save_the_workbook(tmp_path: Path,
                                                                            capsys: pytest.CaptureFixture[str]) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(H.split(";"))
    ws.append(["Bodø", "A", 100, 2021, "=700000*1.035"])
    book.save(tmp_path / "formel.xlsx")
    assert main(["plan", str(tmp_path / "formel.xlsx"), "--lang", "en"]) == ExitCode.BAD_INPUT
    err = capsys.readouterr().err
    assert "got '=700000*1.035'" in err and "open and save the workbook in Excel or LibreOffice" in err
    assert "got ''" not in err


def test_more_rows_than_the_limit_are_refused_naming_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(positions_table, "MAX_ROWS", 3)
    src = tmp_path / "p.csv"
    src.write_text(H + "\n" + "".join(f"K;P{i};100;2021;700 000\n" for i in range(3)), encoding="utf-8")
    assert len(read_positions_text_file(src).positions) == 3
    src.write_text(H + "\n" + "".join(f"K;P{i};100;2021;700 000\n" for i in range(4)), encoding="utf-8")
    with pytest.raises(PositionsCSVError, match="høyst 3 rader med stillinger i én fil") as info:
        read_positions_text_file(src)
    assert "row 5: expected at most 3 rows of positions in one file" in info.value.text("en")


def test_a_row_of_more_cells_than_the_limit_is_refused_naming_the_limit(tmp_path: Path) -> None:
    src = tmp_path / "p.csv"
    src.write_text(f"{H}\nK;A;100;2021;700 000\nK;B;100;2021;700 000{';x' * 300}\n", encoding="utf-8")
    with pytest.raises(PositionsCSVError) as info:
        read_positions_text_file(src)
    (problem,) = info.value.problems
    assert problem.row == 3 and problem.value is not None and not isinstance(problem.value, str)
    assert problem.value.text("nb") == "305 celler" and problem.value.text("en") == "305 cells"
    assert problem.text("en") == "row 3: got 305 cells; expected at most 250 cells in a row"
    assert str(problem) == "rad 3: fikk 305 celler; forventet høyst 250 celler i en rad"


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(positions_table, "MAX_FILE_BYTES", 1024 * 1024)
    src = tmp_path / "p.csv"
    src.write_text(H + "\n" + "K;P;100;2021;700 000\n" * 60_000, encoding="utf-8")
    with pytest.raises(PositionsCSVError, match="forventet en stillingsfil på høyst 1 MB") as info:
        read_positions_text_file(src)
    assert "expected a positions file of at most 1 MB" in info.value.text("en")


def test_an_unreadable_file_is_one_line_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "p.csv"
    src.write_text(f"{H}\nK;P;100;2021;700 000\n", encoding="utf-8")

    def no_permission(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    # as a file the user may not read (chmod 000 does not stop root, who may run the tests)
    monkeypatch.setattr(Path, "read_bytes", no_permission)
    assert main(["plan", str(src)]) == ExitCode.BAD_INPUT
    err = capsys.readouterr().err
    assert err == f"nedtrapping plan: {src}: ingen tilgang (du har ikke lov til å lese eller skrive filen)\n"


class _Row(list[str]):
    """A row that can be watched (a plain list cannot be weakly referenced)."""


def test_the_rows_are_read_one_at_a_time_not_held() -> None:
    alive: list[weakref.ref[_Row]] = []
    most_alive = 0

    def rows() -> Iterator[list[str]]:
        nonlocal most_alive
        yield _Row(H.split(";"))
        for i in range(2_000):
            most_alive = max(most_alive, sum(r() is not None for r in alive[-100:]))
            row = _Row(["K", f"P{i}", "100", "2021", "700000"])
            alive.append(weakref.ref(row))
            yield row

    read = parse_positions_table(rows(), source="stream")
    assert len(read.positions) == 2_000
    assert most_alive <= 31  # the rows kept to find the header, and the row being read


def test_the_file_reader_hands_its_rows_on_one_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "p.csv"
    src.write_text(f"{H}\nK;P;100;2021;700 000\n", encoding="utf-8")
    given: list[object] = []
    original = positions_table.parse_positions_table

    def spy(rows: object, **kwargs: object) -> object:
        given.append(rows)
        return original(rows, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(positions_table, "parse_positions_table", spy)
    read_positions_text_file(src)
    assert given and not isinstance(given[0], (list, tuple))



def test_hidden_rows_and_sheets_are_named_on_the_command_line_and_read_when_asked(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = openpyxl.Workbook()
    old = book.active
    old.title = "Gammel"
    old.sheet_state = "hidden"
    old.append(H.split(";"))
    old.append(["Gammel kommune", "X", 100, 2021, 700000])
    ws = book.create_sheet("Stillinger")
    ws.append(H.split(";"))
    ws.append(["Bodø", "Ruskonsulent", 100, 2021, 700000])
    ws.append(["Bodø", "Skjult (slettet)", 100, 2021, 500000])
    ws.row_dimensions[3].hidden = True
    book.save(tmp_path / "s.xlsx")
    out = tmp_path / "plan.csv"
    assert main(["plan", str(tmp_path / "s.xlsx"), "--out", str(out), "--lang", "en"]) == ExitCode.OK
    err = capsys.readouterr().err
    assert "hidden sheets were not read: Gammel" in err and "hidden rows were not read: 3" in err
    assert "Skjult" not in out.read_text(encoding="utf-8") and "Gammel kommune" not in out.read_text(encoding="utf-8")
    assert main(["plan", str(tmp_path / "s.xlsx"), "--sheet", "Stillinger", "--include-hidden",
                 "--out", str(out)]) == ExitCode.OK
    capsys.readouterr()
    assert "Skjult (slettet)" in out.read_text(encoding="utf-8")
    src = tmp_path / "p.csv"
    src.write_text(f"{H}\nK;P;100;2021;1\n", encoding="utf-8")
    assert main(["plan", str(src), "--include-hidden"]) == ExitCode.BAD_INPUT
    assert "--include-hidden hører til en .xlsx-fil" in capsys.readouterr().err


def test_a_missing_file_a_folder_and_an_unknown_ending_are_named_in_either_language(tmp_path: Path) -> None:
    from nedtrapping.readers.workbook import read_positions

    missing = tmp_path / "stillinger.csv"
    with pytest.raises(PositionsCSVError) as info:
        read_positions(missing)
    assert str(info.value) == (f"{missing}: 1 feil; ingenting ble planlagt:\n"
                               "  - forventet en fil som finnes (det finnes ingen fil med dette navnet)")
    assert info.value.text("en") == (f"{missing}: 1 problem; nothing was planned:\n"
                                     "  - expected a file that exists (there is no file by this name)")
    with pytest.raises(PositionsCSVError, match="forventet en fil, ikke en mappe") as info:
        read_positions(tmp_path)
    assert "expected a file, not a folder" in info.value.text("en")
    with pytest.raises(PositionsCSVError, match="forventet en fil som finnes"):
        read_positions(tmp_path / "stillinger.xlsx")  # a workbook that is not there: the same words
    pdf = tmp_path / "stillinger.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    with pytest.raises(PositionsCSVError) as info:
        read_positions(pdf)
    assert info.value.problems[0].value == ".pdf"
    assert "fikk «.pdf»; forventet en stillingsfil: en .xlsx-arbeidsbok, en CSV- eller tekstfil" in str(info.value)
    assert "got '.pdf'; expected a positions file: an .xlsx workbook, a CSV or text file" in info.value.text("en")


def test_a_broken_encoding_is_named_in_either_language(tmp_path: Path) -> None:
    src = tmp_path / "p.csv"
    src.write_bytes(b"\xff\xfe\x00\x00" + "kommune".encode("utf-32-le") + b"\x00\x00\x11\x00")  # beyond Unicode
    with pytest.raises(PositionsCSVError) as info:
        read_positions_text_file(src)
    assert "forventet en hel UTF-32-tekstfil" in str(info.value)
    assert "expected a whole UTF-32 text file" in info.value.text("en")
    src.write_bytes(b"\xff\xfe" + "kommune;stilling".encode("utf-16-le") + b"\x00\xd8")  # a lone surrogate
    with pytest.raises(PositionsCSVError) as info:
        read_positions_text_file(src)
    assert "forventet en hel UTF-16-tekstfil (filen begynner med et UTF-16-merke" in str(info.value)
    assert "expected a whole UTF-16 text file (it starts with a UTF-16 byte-order mark" in info.value.text("en")
    src.write_bytes(b"kommune;stilling\n\x81\x8d\x8f\x90\x9d\n")  # neither UTF-8 nor Windows-1252
    with pytest.raises(PositionsCSVError) as info:
        read_positions_text_file(src)
    assert "forventet en tekstfil i UTF-8 (eller Windows-1252); lagre den i Excel som «CSV UTF-8»" in str(info.value)
    assert "expected a UTF-8 (or Windows-1252) text file; in Excel, save as 'CSV UTF-8'" in info.value.text("en")
