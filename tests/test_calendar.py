"""The grant calendar: the deck's nine rows as written (DECK table), county dates (rules.md §2),
the 2021 residual round (TF-21), and the queries."""

from __future__ import annotations

import csv
import datetime as _dt
import io
import subprocess
import sys
from pathlib import Path

import pendulum
import pytest

from nedtrapping.calendar import (
    ApplicantType,
    UnknownCountyError,
    calendar_entries,
    check_submission,
    days_left,
    schemes_open_to,
    to_csv,
    to_markdown,
    upcoming,
)
from nedtrapping.cli import main
from nedtrapping.deadlines import ApproximateDeadline, DeadlineKind, NaiveDatetimeError, NoFixedDeadlineError, Purpose
from nedtrapping.provenance import Status
from nedtrapping.registry import UnknownSchemeError, get_rule_set
from nedtrapping.schemes.tilskuddskalender_2022 import DECK_CALENDAR

# The deck's table, copied from seeds/000_3cc30d92ddb7e090.txt: (scheme, who may apply, deadline).
DECK_TABLE = [
    ("Tilskudd Frisklivs- og læringstilbud", "Kommuner", "Vår"),
    ("Husbankens boligsosiale tiltak", "Kommuner m.fl.", "15. februar"),
    ("Kompensasjon til næringsdrivende fastleger ved fravær knyttet til koronavirus»", "Kommuner", "Løpende"),
    ("Prosjektskjønnsmidler", "Kommuner", "1. november"),
    ("Kompetanse og innovasjonstilskudd", "Kommuner", "1. april"),
    ("Kommunalt rusarbeid", "Kommuner", "15. februar"),
    ("Nytt tilskudd psykisk helse/rus", "Kommuner(?)", "April(?)"),
    ("Langvarige og sammensatte behov", "Kommuner", "31. mars(?)"),
    ("Utvikling av de sosiale tjenestene i NAV kontoret", "Kommuner v/NAV kontoret", "1. februar"),
]
OSLO = "Europe/Oslo"


def test_the_nine_rows_are_kept_verbatim_in_order() -> None:
    got = [(r.scheme_as_written, r.applicants_as_written.value, r.deadline_as_written.value) for r in DECK_CALENDAR]
    assert got == DECK_TABLE
    assert [r.number for r in DECK_CALENDAR] == list(range(1, 10))


def test_every_row_points_at_a_registered_rule_set() -> None:
    for row in DECK_CALENDAR:
        rules = get_rule_set(row.scheme_id, row.year)
        assert rules.deadline(Purpose.APPLICATION)


def test_the_decks_doubt_is_data() -> None:
    status = {r.deadline_as_written.value: r.deadline_as_written.status for r in DECK_CALENDAR}
    assert status["April(?)"] is Status.UNCERTAIN
    assert status["31. mars(?)"] is Status.UNCERTAIN
    assert status["1. februar"] is Status.FINAL
    applicants = {r.applicants_as_written.value: r.applicants_as_written.status for r in DECK_CALENDAR}
    assert applicants["Kommuner(?)"] is Status.UNCERTAIN


@pytest.mark.parametrize(("row", "kind"), [(1, DeadlineKind.VAGUE), (3, DeadlineKind.ROLLING),
                                           (7, DeadlineKind.VAGUE), (2, DeadlineKind.EXACT)])
def test_deadline_kinds_follow_the_decks_words(row: int, kind: DeadlineKind) -> None:
    r = DECK_CALENDAR[row - 1]
    assert get_rule_set(r.scheme_id, r.year).deadline(Purpose.APPLICATION).kind is kind


def test_exact_rows_are_that_day_2022_at_2359_oslo() -> None:
    expected = {2: (2, 15), 4: (11, 1), 5: (4, 1), 6: (2, 15), 8: (3, 31), 9: (2, 1)}
    for number, (month, day) in expected.items():
        r = DECK_CALENDAR[number - 1]
        d = get_rule_set(r.scheme_id, r.year).deadline(Purpose.APPLICATION)
        assert d.instant() == pendulum.datetime(2022, month, day, 23, 59, tz=OSLO), number


def test_april_question_mark_is_vague_uncertain_with_april_as_its_month() -> None:
    r = DECK_CALENDAR[6]
    rules = get_rule_set(r.scheme_id, r.year)
    d = rules.deadline(Purpose.APPLICATION)
    assert isinstance(d, ApproximateDeadline) and d.status is Status.UNCERTAIN
    assert d.as_written == "April(?)"
    assert d.period() == (_dt.date(2022, 4, 1), _dt.date(2022, 4, 30))
    assert rules.applicants.value == "Kommuner(?)" and rules.applicants.status is Status.UNCERTAIN
    with pytest.raises(NoFixedDeadlineError):
        d.instant()


@pytest.mark.parametrize(("scheme", "county", "day"), [
    ("kompetanse-og-innovasjonstilskudd", "Møre og Romsdal", _dt.date(2022, 4, 8)),
    ("prosjektskjonnsmidler", "Nordland", _dt.date(2022, 2, 25)),
    ("nav-sosiale-tjenester", "Nordland", _dt.date(2022, 2, 7)),
])
def test_county_overrides_from_rules_md(scheme: str, county: str, day: _dt.date) -> None:
    assert get_rule_set(scheme, 2022).deadline(Purpose.APPLICATION, county).day == day


def test_calendar_lists_the_2021_residual_round_in_troms_og_finnmark() -> None:
    hits = [e for e in calendar_entries() if e.scheme_id == "kommunalt-rusarbeid" and e.year == 2021
            and e.county == "Troms og Finnmark" and e.purpose is Purpose.APPLICATION]
    assert [e.deadline.day for e in hits] == [_dt.date(2021, 10, 18)]


def test_calendar_contains_every_deck_row_and_is_in_date_order() -> None:
    entries = calendar_entries()
    rows = {e.deck_row.number for e in entries if e.deck_row is not None}
    assert rows == set(range(1, 10))
    keys = [e.sort_key() for e in entries]
    assert keys == sorted(keys)


def test_uncertain_rows_say_why() -> None:
    by_row = {e.deck_row.number: e for e in calendar_entries() if e.deck_row is not None}
    assert by_row[7].uncertain and any("Kommuner(?)" in u for u in by_row[7].uncertainty())
    assert by_row[8].uncertain and any("31. mars(?)" in u for u in by_row[8].uncertainty())
    assert not by_row[9].uncertain


def test_county_filter_keeps_national_and_own_and_flags_the_replaced_one() -> None:
    entries = calendar_entries(county="nordland", purposes=(Purpose.APPLICATION,))
    nav = [e for e in entries if e.scheme_id == "nav-sosiale-tjenester"]
    assert {(e.county, e.county_has_own_date) for e in nav} == {(None, True), ("Nordland", False)}
    assert not any(e.county == "Møre og Romsdal" for e in entries)


def test_unknown_county_is_named() -> None:
    with pytest.raises(UnknownCountyError, match="'Finnmark'.*Troms og Finnmark"):
        calendar_entries(county="Finnmark")


def test_schemes_open_to_a_municipality_in_nordland_on_3_feb_2022() -> None:
    openings = {o.entry.scheme_id: o for o in schemes_open_to("kommune", _dt.date(2022, 2, 3), county="Nordland")}
    # the national NAV deadline (1 Feb) has passed, but Nordland's own (7 Feb) has not
    assert openings["nav-sosiale-tjenester"].entry.deadline.day == _dt.date(2022, 2, 7)
    assert openings["kommunalt-rusarbeid"].answer == "yes"  # 15 Feb 2022
    assert openings["nytt-tilskudd-psykisk-helse-rus"].answer == "maybe"  # April(?), Kommuner(?)
    assert openings["frisklivs-og-laeringstilbud"].answer == "maybe"  # Vår
    assert openings["fastleger-korona-kompensasjon"].answer == "yes"  # Løpende
    assert openings["langvarige-sammensatte"].answer == "maybe"  # provisional rule set


def test_national_nav_deadline_is_closed_on_2_feb_outside_nordland() -> None:
    openings = schemes_open_to("kommune", _dt.date(2022, 2, 2), county="Agder")
    assert "nav-sosiale-tjenester" not in {o.entry.scheme_id for o in openings}


def test_only_others_may_apply_to_husbanken() -> None:
    openings = schemes_open_to(ApplicantType.ANDRE, _dt.date(2022, 2, 1))
    assert [o.entry.scheme_id for o in openings] == ["husbanken-boligsosiale-tiltak"]


def test_open_to_refuses_naive_and_unknown_applicant() -> None:
    with pytest.raises(NaiveDatetimeError):
        schemes_open_to("kommune", _dt.datetime(2022, 2, 1, 12, 0))
    with pytest.raises(ValueError, match="known: kommune, andre"):
        schemes_open_to("fylke", _dt.date(2022, 2, 1))


def test_upcoming_within_14_days_of_25_march_2022() -> None:
    now = pendulum.datetime(2022, 3, 25, 12, tz=OSLO)
    ids = [e.scheme_id for e in upcoming(now, 14)]
    # 31 Mar (langvarige), April(?) (overlaps the window), 1 Apr (kompetanse); 8 Apr 23:59 is past the window
    assert ids == ["langvarige-sammensatte", "nytt-tilskudd-psykisk-helse-rus", "kompetanse-og-innovasjonstilskudd"]
    assert "nytt-tilskudd-psykisk-helse-rus" not in [e.scheme_id for e in upcoming(now, 14, include_approximate=False)]
    with pytest.raises(ValueError, match="days"):
        upcoming(now, -1)


def test_on_time_and_late_by() -> None:
    on_time = check_submission("kommunalt-rusarbeid", 2021, pendulum.datetime(2021, 10, 18, 23, 59, tz=OSLO),
                               county="Troms og Finnmark", round="restmidler")
    assert on_time.on_time
    # the residual round does not replace the ordinary round's 10 Feb 2021 deadline
    ordinary = check_submission("kommunalt-rusarbeid", 2021, pendulum.datetime(2021, 10, 18, 23, 59, tz=OSLO),
                                county="Troms og Finnmark")
    assert not ordinary.on_time and ordinary.deadline_at.date() == pendulum.date(2021, 2, 10)
    late = check_submission("nav-sosiale-tjenester", 2022, "2022-02-02T01:59:00+01:00")
    assert not late.on_time and late.late_by is not None and late.late_by.in_minutes() == 120
    nordland = check_submission("nav-sosiale-tjenester", 2022, "2022-02-02T01:59:00+01:00", county="Nordland")
    assert nordland.on_time


def test_check_submission_errors_are_clear() -> None:
    with pytest.raises(UnknownSchemeError, match="nav-sosiale-tjenester"):
        check_submission("nav", 2022, "2022-02-01T12:00:00+01:00")
    with pytest.raises(UnknownCountyError, match="Lappland"):
        check_submission("nav-sosiale-tjenester", 2022, "2022-02-01T12:00:00+01:00", county="Lappland")
    with pytest.raises(NoFixedDeadlineError):
        check_submission("fastleger-korona-kompensasjon", 2022, "2022-02-01T12:00:00+01:00")


def test_days_left_in_norwegian() -> None:
    d = get_rule_set("kommunalt-rusarbeid", 2022).deadline(Purpose.APPLICATION)  # 15 Feb 2022 23:59
    assert days_left(d, pendulum.datetime(2022, 2, 12, 10, tz=OSLO)).startswith("om 3 dager")
    assert days_left(d, pendulum.datetime(2022, 2, 14, 10, tz=OSLO)).startswith("om 1 dag ")
    assert days_left(d, pendulum.datetime(2022, 2, 15, 20, 59, tz=OSLO)) == "i dag kl. 23:59, om 3 timer"
    assert days_left(d, pendulum.datetime(2022, 2, 15, 23, 30, tz=OSLO)) == "i dag kl. 23:59, om 29 minutter"
    assert days_left(d, pendulum.datetime(2022, 2, 17, 9, tz=OSLO)) == "fristen gikk ut for 2 dager siden"
    rolling = get_rule_set("fastleger-korona-kompensasjon", 2022).deadline(Purpose.APPLICATION)
    assert "Løpende" in days_left(rolling, pendulum.datetime(2022, 2, 17, tz=OSLO))
    with pytest.raises(NaiveDatetimeError):
        days_left(d, _dt.datetime(2022, 2, 12))


def test_csv_has_one_row_per_entry_and_shows_doubt() -> None:
    entries = calendar_entries()
    rows = list(csv.DictReader(io.StringIO(to_csv(entries))))
    assert len(rows) == len(entries)
    row7 = next(r for r in rows if r["deck_row"] == "7")
    assert (row7["deadline_as_written"], row7["applicants"], row7["uncertain"]) == ("April(?)", "Kommuner(?)", "yes")
    assert row7["approx_month"] == "2022-04"
    row9 = next(r for r in rows if r["deck_row"] == "9")
    assert row9["deadline"] == "2022-02-01T23:59:00+01:00" and row9["uncertain"] == "no"


def test_markdown_has_a_line_per_entry() -> None:
    entries = calendar_entries()
    text = to_markdown(entries)
    assert len(text.strip().splitlines()) == len(entries) + 2
    assert "⚠" in text and "April(?)" in text


def test_cli_prints_all_nine_rows_and_the_residual_round(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar"]) == 0
    out = capsys.readouterr().out
    for n in range(1, 10):
        assert f"lysark rad {n}:" in out
    assert "18.10.2021 23:59" in out and "Troms og Finnmark" in out
    assert "April(?)" in out and "Kommuner(?)" in out and "⚠" in out


def test_cli_bad_input_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "--county", "Atlantis"]) == 2
    assert "Atlantis" in capsys.readouterr().err
    assert main(["calendar", "--now", "2022-01-28T09:00"]) == 2
    assert main(["calendar", "--days", "5"]) == 2


def test_cli_writes_csv_and_markdown(tmp_path: Path) -> None:
    csv_path, md_path = tmp_path / "k.csv", tmp_path / "k.md"
    assert main(["calendar", "--csv", str(csv_path), "--markdown", str(md_path)]) == 0
    assert "April(?)" in csv_path.read_text(encoding="utf-8")
    assert "April(?)" in md_path.read_text(encoding="utf-8")


def test_cli_module_runs_with_county_and_window() -> None:
    proc = subprocess.run([sys.executable, "-m", "nedtrapping.cli", "calendar", "--county", "Nordland",
                           "--now", "2022-01-28T09:00+01:00", "--days", "30"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "07.02.2022 23:59" in proc.stdout and "om 10 dager" in proc.stdout
