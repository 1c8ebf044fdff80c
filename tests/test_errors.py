"""One error family; every command uses the same exit codes; no traceback unless --debug."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from nedtrapping import errors
from nedtrapping.cli import main
from nedtrapping.costs.lonnskostnader import ZoneError
from nedtrapping.counties import UnknownCountyError
from nedtrapping.deadlines import NaiveDatetimeError, NoFixedDeadlineError
from nedtrapping.documents import DocumentError, UnknownSchemaError
from nedtrapping.errors import ExitCode, InvalidTypeError, InvalidValueError, NedtrappingError
from nedtrapping.money import FloatRefusedError
from nedtrapping.optional import (
    OptionalDependencyError,
    PandasUnavailableError,
    PlotUnavailableError,
    XlsxUnavailableError,
)
from nedtrapping.presenters import NoPresenterError
from nedtrapping.provenance import UnknownValueError
from nedtrapping.readers.table import PositionsCSVError
from nedtrapping.registry import UnknownSchemeError
from nedtrapping.results import NotInPlanError
from nedtrapping.ruleset import NoDeadlineError, NoRuleValueError
from nedtrapping.schemes.langvarige_sammensatte import UnknownMeasureTypeError
from nedtrapping.schemes.nav_sosiale_tjenester import MaxYearsExceededError
from nedtrapping.wording import UnknownLanguageError

FAMILY = [UnknownCountyError, NaiveDatetimeError, NoFixedDeadlineError, FloatRefusedError, XlsxUnavailableError,
          PositionsCSVError, UnknownValueError, UnknownSchemeError, UnknownMeasureTypeError, MaxYearsExceededError,
          UnknownLanguageError, ZoneError, OptionalDependencyError, PandasUnavailableError, PlotUnavailableError,
          DocumentError, UnknownSchemaError, InvalidTypeError, InvalidValueError, NoPresenterError, NoDeadlineError,
          NotInPlanError, NoRuleValueError]


@pytest.mark.parametrize("error", FAMILY, ids=lambda e: e.__name__)
def test_every_library_error_is_a_nedtrapping_error_and_keeps_its_familiar_base(error: type[Exception]) -> None:
    assert issubclass(error, NedtrappingError)
    assert issubclass(error, (ValueError, TypeError, LookupError, ImportError))


def test_the_family_is_every_error_class_the_package_defines() -> None:
    import ast

    src = Path(errors.__file__).parent
    defined = set()
    for path in src.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.name.endswith("Error") and not node.name.startswith("_"):
                defined.add(node.name)
    # a broken .po file is a fault of the package, not of the input, and cannot be worded by the catalogue it breaks
    assert defined == {e.__name__ for e in FAMILY} | {"NedtrappingError", "PoSyntaxError"}


def test_a_positions_error_says_which_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "p.csv"
    src.write_text("kommune;stilling\nA;x\n", encoding="utf-8")
    code = main(["plan", str(src)])
    err = capsys.readouterr().err
    assert code == ExitCode.BAD_INPUT and str(src) in err and "Traceback" not in err


def test_every_command_gives_bad_input_the_same_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--years", "2019-2025"]) == ExitCode.BAD_INPUT
    assert main(["calendar", "--county", "Atlantis"]) == ExitCode.BAD_INPUT
    assert main(["rules", "no-such-scheme"]) == ExitCode.BAD_INPUT
    with pytest.raises(SystemExit) as usage:
        main(["plan", "--no-such-option"])
    assert usage.value.code == ExitCode.USAGE


def test_an_unforeseen_error_is_one_line_and_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from nedtrapping.cli import rules as rules_cli

    def boom(*_args: object, **_kw: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(rules_cli, "all_rule_sets", boom)
    assert main(["rules"]) == ExitCode.INTERNAL
    err = capsys.readouterr().err
    assert "intern feil (RuntimeError: kaboom)" in err and "--debug" in err and "Traceback" not in err
    with pytest.raises(RuntimeError, match="kaboom"):
        main(["--debug", "rules"])


def test_an_unreadable_file_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.csv"
    folder.mkdir()
    done = subprocess.run([sys.executable, "-m", "nedtrapping", "plan", str(folder)], capture_output=True,
                          text=True, check=False)
    assert done.returncode == ExitCode.BAD_INPUT and "Traceback" not in done.stderr and done.stderr.strip()


def test_the_place_names_file_sheet_row_column_in_each_language() -> None:
    from nedtrapping.wording import Notice

    e = NedtrappingError(Notice("error.example", {"value": "x"}), file="a.xlsx", sheet="Ark1", row=4,
                         column="årskostnad")
    assert e.place is not None
    assert e.place.text("nb") == "a.xlsx, ark «Ark1», rad 4, kolonne «årskostnad»"
    assert e.place.text("en") == "a.xlsx, sheet 'Ark1', row 4, column 'årskostnad'"
    assert str(e).startswith("a.xlsx, ark «Ark1», rad 4, kolonne «årskostnad»: ")
    assert NedtrappingError(Notice("error.example", {"value": "x"})).place is None


def test_the_exit_codes_are_documented_once_for_every_command() -> None:
    import re

    page = (Path(__file__).resolve().parent.parent / "docs" / "reference" / "cli.rst").read_text(encoding="utf-8")
    table = page[page.index("Exit status\n-----------"):]
    documented = dict(re.findall(r"^   \* - (\d+)\n     - ``([A-Z_]+)``", table, flags=re.M))
    assert documented == {str(code.value): code.name for code in ExitCode}
    from nedtrapping.cli import build_parser

    epilog = build_parser().epilog or ""
    assert all(f"{code.value} " in epilog for code in ExitCode)


@pytest.mark.parametrize("argv", [["calendar", "--no-such-option"], ["rules", "--no-such-option"], [],
                                  ["no-such-command"]])
def test_a_wrong_command_line_is_the_usage_exit_code_for_every_command(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as usage:
        main(argv)
    assert usage.value.code == ExitCode.USAGE


def test_an_unknown_schema_name_is_a_key_error_worded_in_either_language() -> None:
    from nedtrapping.documents import schema

    with pytest.raises(KeyError) as info:
        schema("plans")
    error = info.value
    assert isinstance(error, UnknownSchemaError) and error.field == "name" and error.value == "plans"
    assert str(error) == "felt «name»: forventet et skjemanavn: «plan», «positions», fikk 'plans'"
    assert error.text("en") == "field 'name': expected a schema name: 'plan', 'positions', got 'plans'"
