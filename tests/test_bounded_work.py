"""Every reader and option bounds its work before it spends it (issue 18)."""

from __future__ import annotations

import time

import pytest

from nedtrapping.cli import main
from nedtrapping.errors import ExitCode


@pytest.mark.parametrize("years", ["2022-9999", "2022-2101", "1999-2022", "2010-2012", "0000-9999"])
def test_years_outside_the_rules_and_plausible_range_are_refused_at_once(years: str,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    started = time.monotonic()
    assert main(["plan", "--years", years]) == ExitCode.BAD_INPUT
    assert time.monotonic() - started < 5
    err = capsys.readouterr().err
    assert years.split("-")[0] in err or years.split("-")[1] in err
    assert "2100" in err or "2021" in err


def test_years_up_to_the_plausible_end_are_planned(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--years", "2022-2100", "--format", "csv"]) == ExitCode.OK
    assert ",2100," in capsys.readouterr().out
