"""Every command speaks bokmål by default and English on request (``--lang en`` or ``NEDTRAPPING_LANG=en``):
its help, argparse's own messages, its refusals with their place, and ``nedtrapping rules``."""

from __future__ import annotations

from pathlib import Path

import pytest

from nedtrapping.cli import main
from nedtrapping.cli.language import choose_lang
from nedtrapping.errors import ExitCode


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:  # argparse: --help, usage errors
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_the_language_is_lang_then_the_environment_then_bokmaal() -> None:
    assert choose_lang([], {}) == "nb"
    assert choose_lang([], {"NEDTRAPPING_LANG": "en"}) == "en"
    assert choose_lang(["plan", "--lang", "nb"], {"NEDTRAPPING_LANG": "en"}) == "nb"
    assert choose_lang(["plan", "--lang=en"], {}) == "en"
    assert choose_lang(["plan", "--", "--lang", "en"], {}) == "nb"  # after "--" it is a file name


def test_plan_help_is_bokmaal_by_default_and_english_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "plan", "--help")
    assert code == 0
    assert out.startswith("bruk: nedtrapping plan")
    assert "valg:" in out and "tilsagnsbrevet" in out and "stillingsfil" in out
    assert "options:" not in out and "the grant letter" not in out
    code, out, _ = _run(capsys, "plan", "--help", "--lang", "en")
    assert out.startswith("usage: nedtrapping plan") and "options:" in out and "the grant letter" in out


def test_the_environment_sets_the_language_of_every_command(capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEDTRAPPING_LANG", "en")
    for command in ("plan", "rules", "calendar"):
        _, out, _ = _run(capsys, command, "--help")
        assert out.startswith(f"usage: nedtrapping {command}"), command
    monkeypatch.setenv("NEDTRAPPING_LANG", "tysk")
    code, out, err = _run(capsys, "rules", "--help")
    assert out.startswith("bruk: ") and "NEDTRAPPING_LANG=tysk: ukjent språk; bruker nb" in err


def test_argparse_usage_errors_are_bokmaal(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "plan", "--no-such-option")
    assert code == ExitCode.USAGE
    assert "bruk: nedtrapping" in err and "feil: ukjente argumenter: --no-such-option" in err
    code, _, err = _run(capsys, "plan", "--format", "pdf")
    assert "ugyldig valg: 'pdf' (velg blant" in err
    code, _, err = _run(capsys, "--lang", "en", "plan", "--format", "pdf")
    assert "invalid choice: 'pdf'" in err


@pytest.mark.parametrize(("argv", "nb", "en"), [
    (["plan", "--years", "2025-2022"], "--years: «2025-2022» slutter før det begynner",
     "--years: '2025-2022' ends before it starts"),
    (["plan", "--out", "plan.pdf"], "--out plan.pdf: ukjent filendelse «.pdf»; bruk en av .csv",
     "--out plan.pdf: unknown extension '.pdf'; use one of .csv"),
    (["plan", "finnes-ikke.csv"], "finnes-ikke.csv: filen finnes ikke", "finnes-ikke.csv: no such file"),
    (["plan", "--ladder-step", "3=480000"], "--ladder-step krever --ladder-source som navngir tilsagnsbrevet",
     "--ladder-step needs --ladder-source naming the grant letter"),
    (["plan", "--explain", "--format", "csv"], "--explain hører til tabellen, Markdown eller JSON",
     "--explain goes with the table, Markdown or JSON"),
])
def test_refusals_of_plan_are_bokmaal_and_english_on_request(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch, argv: list[str],
                                                             nb: str, en: str) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = _run(capsys, *argv)
    assert code == ExitCode.BAD_INPUT and nb in err, err
    code, _, err = _run(capsys, *argv, "--lang", "en")
    assert code == ExitCode.BAD_INPUT and en in err, err


def test_rules_speak_bokmaal_with_labels_and_the_norwegian_way(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "rules", "kommunalt-rusarbeid", "2022")
    assert code == 0
    assert "status for regelsettet: endelig" in out and "sjekksum (SHA-256)" in out
    assert "trinn 3 i årsstigen (ladder.step_3) = ukjent  [ukjent]" in out
    assert "forholdsmessig etter stillingsprosent (pro_rata) = ja  [utledet]" in out
    assert "på kommandolinjen: --supply 2022:ladder.step_3=VERDI" in out
    assert "[final]" not in out and "how to supply" not in out and "True" not in out
    _, out, _ = _run(capsys, "rules", "kommunalt-rusarbeid", "2022", "--lang", "en")
    assert "status of the rule set: final" in out and "ladder step 3 (ladder.step_3) = unknown  [unknown]" in out
    assert "at the command line: --supply 2022:ladder.step_3=VALUE" in out


def test_an_employer_contribution_rate_has_a_decimal_comma_in_bokmaal(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "rules", "lonnskostnader", "2022")
    line = next(x for x in out.splitlines() if "(employer_contribution.zone_1)" in x)
    assert "= 14,1  [" in line and "arbeidsgiveravgift, sone 1" in line
