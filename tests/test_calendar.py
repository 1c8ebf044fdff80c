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

from nedtrapping import sources
from nedtrapping.calendar import (
    ApplicantType,
    UnknownCountyError,
    applicant_condition,
    calendar_entries,
    check_submission,
    days_left,
    schemes_open_to,
    status_nb,
    to_moment,
    upcoming,
)
from nedtrapping.calendars.tilskuddskalender_2022 import DECK_CALENDAR, AssumedPeriodDeadline, uncertain_rows
from nedtrapping.cli import main
from nedtrapping.deadlines import ApproximateDeadline, DeadlineKind, NaiveDatetimeError, NoFixedDeadlineError, Purpose
from nedtrapping.provenance import Status
from nedtrapping.registry import UnknownSchemeError, all_rule_sets, get_rule_set
from nedtrapping.render.calendar import to_csv, to_markdown, to_text
from nedtrapping.render.ics import to_ics

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


@pytest.mark.parametrize(("scheme", "county", "day", "round"), [
    ("kompetanse-og-innovasjonstilskudd", "Møre og Romsdal", _dt.date(2022, 4, 8), None),
    ("prosjektskjonnsmidler", "Nordland", _dt.date(2022, 2, 25), "midler for 2022"),
    ("prosjektskjonnsmidler", "Oslo og Viken", _dt.date(2022, 3, 31), "midler for 2022"),
    ("nav-sosiale-tjenester", "Nordland", _dt.date(2022, 2, 7), None),
    ("frisklivs-og-laeringstilbud", "Agder", _dt.date(2022, 3, 23), None),
    ("frisklivs-og-laeringstilbud", "Trøndelag", _dt.date(2022, 4, 1), None),
])
def test_county_overrides_from_rules_md(scheme: str, county: str, day: _dt.date, round: str | None) -> None:
    assert get_rule_set(scheme, 2022).deadline(Purpose.APPLICATION, county, round).day == day


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
    with pytest.raises(UnknownCountyError, match="«Finnmark».*Troms og Finnmark") as info:
        calendar_entries(county="Finnmark")
    assert "unknown county 'Finnmark'" in info.value.text("en")


def test_schemes_open_to_a_municipality_in_nordland_on_3_feb_2022() -> None:
    openings = {o.entry.scheme_id: o for o in schemes_open_to("kommune", _dt.date(2022, 2, 3), county="Nordland")}
    # the national NAV deadline (1 Feb) has passed, but Nordland's own (7 Feb) has not
    assert openings["nav-sosiale-tjenester"].entry.deadline.day == _dt.date(2022, 2, 7)
    assert openings["nav-sosiale-tjenester"].answer == "yes"  # NAV-22: final, "Kommuner v/NAV kontoret"
    assert openings["kommunalt-rusarbeid"].answer == "maybe"  # 15 Feb 2022, only for 2021 recipients
    assert openings["nytt-tilskudd-psykisk-helse-rus"].answer == "maybe"  # April(?), Kommuner(?)
    assert openings["frisklivs-og-laeringstilbud"].answer == "maybe"  # Vår
    assert openings["fastleger-korona-kompensasjon"].answer == "maybe"  # Løpende, but the year is inferred
    assert openings["langvarige-sammensatte"].answer == "maybe"  # provisional rule set


@pytest.mark.parametrize("year", [2022, 2023, 2024])
def test_a_conditional_applicants_text_gives_maybe_only_if(year: int) -> None:
    # DECK / NORD-22: "Bare kommuner som fikk tilskudd i 2021 kan søke" — not every municipality
    on = _dt.date(year, 1, 15)
    opening = next(o for o in schemes_open_to("kommune", on) if o.entry.scheme_id == "kommunalt-rusarbeid")
    assert opening.entry.year == year
    assert opening.answer == "maybe"
    assert opening.condition == "Kommuner som fikk tilskudd i 2021"
    assert str(opening.reason).startswith("bare hvis søkeren oppfyller «Kommuner som fikk tilskudd i 2021»; ")
    assert opening.reason.text("en").startswith("only if the applicant fits 'Kommuner som fikk tilskudd i 2021'; ")


def test_kommunalt_rusarbeid_on_2_feb_2022_is_maybe_not_yes() -> None:
    # the reviewer's case: it used to say "yes" to every municipality
    opening = next(o for o in schemes_open_to("kommune", _dt.date(2022, 2, 2))
                   if o.entry.scheme_id == "kommunalt-rusarbeid")
    assert (opening.answer, opening.condition) == ("maybe", "Kommuner som fikk tilskudd i 2021")
    assert "Kommuner som fikk tilskudd i 2021" in str(opening.reason)
    assert "fristen 15.02.2022 23:59 er ikke passert" in str(opening.reason)
    assert "deadline 2022-02-15 23:59 not passed" in opening.reason.text("en")


@pytest.mark.parametrize(("text", "condition"), [
    ("Kommuner", None), ("Kommuner m.fl.", None), ("Kommuner v/NAV kontoret", None), ("Kommuner(?)", None),
    ("Kommuner som fikk tilskudd i 2021", "Kommuner som fikk tilskudd i 2021"),
    ("Kommuner med over 5000 innbyggere", "Kommuner med over 5000 innbyggere"),
])
def test_applicant_condition_is_anything_beyond_the_bare_type(text: str, condition: str | None) -> None:
    assert applicant_condition(text) == condition


def test_national_nav_deadline_is_closed_on_2_feb_outside_nordland() -> None:
    openings = schemes_open_to("kommune", _dt.date(2022, 2, 2), county="Agder")
    assert "nav-sosiale-tjenester" not in {o.entry.scheme_id for o in openings}


def test_only_others_may_apply_to_husbanken() -> None:
    openings = schemes_open_to(ApplicantType.ANDRE, _dt.date(2022, 2, 1))
    assert [o.entry.scheme_id for o in openings] == ["husbanken-boligsosiale-tiltak"]


def test_open_to_refuses_naive_and_unknown_applicant() -> None:
    with pytest.raises(NaiveDatetimeError):
        schemes_open_to("kommune", _dt.datetime(2022, 2, 1, 12, 0))
    with pytest.raises(ValueError, match="kjente typer: kommune, andre"):
        schemes_open_to("fylke", _dt.date(2022, 2, 1))


def test_upcoming_within_14_days_of_25_march_2022() -> None:
    now = pendulum.datetime(2022, 3, 25, 12, tz=OSLO)
    got = upcoming(now, 14)
    # Løpende (all of 2022), Vår (assumed March–May), 31 Mar (langvarige; prosjektskjønn in Oslo og Viken,
    # round «midler for 2022»), April(?) (overlaps the window), 1 Apr (friskliv in Trøndelag; kompetanse);
    # 8 Apr 23:59 is past the window
    assert [(e.scheme_id, e.county) for e in got] == [
        ("fastleger-korona-kompensasjon", None), ("frisklivs-og-laeringstilbud", None),
        ("langvarige-sammensatte", None), ("prosjektskjonnsmidler", "Oslo og Viken"),
        ("nytt-tilskudd-psykisk-helse-rus", None), ("frisklivs-og-laeringstilbud", "Trøndelag"),
        ("kompetanse-og-innovasjonstilskudd", None),
    ]
    assert [e.approximate for e in got] == [True, True, False, False, True, False, False]
    exact_only = [e.scheme_id for e in upcoming(now, 14, include_approximate=False)]
    assert exact_only == ["langvarige-sammensatte", "prosjektskjonnsmidler", "frisklivs-og-laeringstilbud",
                          "kompetanse-og-innovasjonstilskudd"]
    with pytest.raises(ValueError, match="days"):
        upcoming(now, -1)


def test_upcoming_includes_spring_and_rolling_only_when_their_period_overlaps() -> None:
    # 1 June 2022: the assumed spring (March–May) is over; Løpende runs all of 2022
    ids = [e.scheme_id for e in upcoming(_dt.date(2022, 6, 1), 10)]
    assert "frisklivs-og-laeringstilbud" not in ids and "fastleger-korona-kompensasjon" in ids
    # 20 Feb 2022, 10 days: spring starts 1 March, inside the window
    ids = [e.scheme_id for e in upcoming(_dt.date(2022, 2, 20), 10)]
    assert "frisklivs-og-laeringstilbud" in ids
    # in 2023 neither 2022 row is there
    ids = [e.scheme_id for e in upcoming(_dt.date(2023, 3, 1), 30)]
    assert not {"frisklivs-og-laeringstilbud", "fastleger-korona-kompensasjon"} & set(ids)


def test_approximate_entries_are_marked_in_the_text() -> None:
    text = to_text(upcoming(_dt.date(2022, 3, 25), 14))
    spring = next(line for line in text.splitlines() if "Frisklivs" in line)
    assert spring.startswith("≈ Vår (omtrent mars–mai 2022, antatt; ingen dato)")
    assert "periode antatt: mars–mai 2022" in spring
    rolling = next(line for line in text.splitlines() if "fastleger" in line)
    assert rolling.startswith("≈ Løpende (ingen frist, hele 2022)")


def test_huge_day_windows_are_a_clear_error_not_an_overflow() -> None:
    with pytest.raises(ValueError, match="9999"):
        upcoming(_dt.date(2022, 1, 1), 9_999_999_999)


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
    assert main(["calendar", "--county", "Atlantis"]) == 1  # bad input, as for every command
    assert "Atlantis" in capsys.readouterr().err
    assert main(["calendar", "--now", "2022-01-28T09:00"]) == 1  # bad input, as for every command
    assert main(["calendar", "--days", "5"]) == 1  # bad input, as for every command


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


# --------------------------------------------------------------------------- review fixes


def test_check_submission_accepts_purpose_as_text() -> None:
    by_text = check_submission("nav-sosiale-tjenester", 2022, "2023-02-01T12:00:00+01:00", purpose="reporting")
    assert by_text.on_time and by_text.deadline.purpose is Purpose.REPORTING
    with pytest.raises(ValueError, match="kjente: application, reporting"):
        check_submission("nav-sosiale-tjenester", 2022, "2023-02-01T12:00:00+01:00", purpose="rapport")
    with pytest.raises(TypeError, match="purpose"):
        check_submission("nav-sosiale-tjenester", 2022, "2023-02-01T12:00:00+01:00", purpose=1)  # type: ignore[arg-type]


def test_check_submission_refuses_a_year_as_text() -> None:
    with pytest.raises(TypeError, match=r"felt «year»: forventet et helt tall som 2022, fikk str '2022'"):
        check_submission("nav-sosiale-tjenester", "2022", "2022-02-01T12:00:00+01:00")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="year"):
        check_submission("nav-sosiale-tjenester", True, "2022-02-01T12:00:00+01:00")
    with pytest.raises(TypeError, match="scheme_id"):
        check_submission(None, 2022, "2022-02-01T12:00:00+01:00")  # type: ignore[arg-type]


def test_a_plain_date_is_midnight_in_oslo_and_a_lowercase_z_is_utc() -> None:
    assert to_moment("2022-02-01") == pendulum.datetime(2022, 2, 1, tz=OSLO)
    assert to_moment(_dt.date(2022, 7, 1)).utcoffset() == _dt.timedelta(hours=2)
    assert to_moment("2022-02-01T12:00:00z") == pendulum.datetime(2022, 2, 1, 12, tz="UTC")
    with pytest.raises(ValueError, match="2022-02-30"):
        to_moment("2022-02-30")
    with pytest.raises(NaiveDatetimeError):
        to_moment("2022-02-01T12:00:00")
    verdict = check_submission("nav-sosiale-tjenester", 2022, "2022-02-01T22:59:00z")
    assert verdict.on_time


def test_statuses_are_norwegian_in_norwegian_output() -> None:
    assert {s: s.text("nb") for s in Status} == {Status.FINAL: "endelig", Status.PROVISIONAL: "foreløpig", Status.UNCERTAIN: "usikker",
                         Status.INFERRED: "utledet", Status.ASSUMED: "antatt",
                         Status.USER_SUPPLIED: "oppgitt av bruker", Status.UNKNOWN: "ukjent"}
    entries = calendar_entries()
    english = [s.value for s in Status]
    for e in entries:
        for reason in e.uncertainty():
            assert not any(f" {word}" in reason or f"{word}:" in reason for word in english), reason
    text, md = to_text(entries), to_markdown(entries)
    for word in ("frist uncertain", "frist inferred", "regelverket er provisional", "regelverket er uncertain",
                 "periode assumed", "hvem kan søke uncertain"):
        assert word not in text and word not in md
    assert "regelverket er foreløpig" in text and "regelverket er usikkert" in text
    assert "frist usikker: «April(?)»" in text
    ics = to_ics(entries).replace("\r\n ", "")
    assert "Status: endelig" in ics and "Status: utledet" in ics
    assert not any(f"Status: {s.value}" in ics for s in Status if s.value != status_nb(s))


def test_the_residual_round_is_a_column_in_csv_and_markdown() -> None:
    entries = calendar_entries(county="Troms og Finnmark")
    rows = list(csv.DictReader(io.StringIO(to_csv(entries))))
    residual = [r for r in rows if r["round"] == "restmidler"]
    assert {(r["purpose"], r["deadline"][:10]) for r in residual} == {
        ("application", "2021-10-18"), ("reporting", "2022-02-01")}
    assert all(r["round"] == "" for r in rows if r["scheme_id"] != "kommunalt-rusarbeid" or r["year"] != "2021"
               or r["deadline"][:10] not in ("2021-10-18", "2022-02-01"))
    md = to_markdown(entries).splitlines()
    assert md[0].startswith("| Frist | Type | Runde |")
    line = next(x for x in md if "18.10.2021" in x)
    assert line.split(" | ")[2] == "restmidler"
    assert next(x for x in md if "10.02.2021" in x).split(" | ")[2] == "ordinær"


def test_the_calendar_year_2022_is_inferred_in_the_data_and_shown() -> None:
    for row in DECK_CALENDAR:
        rules = get_rule_set(row.scheme_id, row.year)
        if row.number in (1, 2, 3, 4, 5, 7):  # the rows whose year only the table could give
            assert rules.fact("calendar_year").status is Status.INFERRED
            assert rules.fact("calendar_year").value == 2022
            assert rules.deadline(Purpose.APPLICATION).status in (Status.INFERRED, Status.UNCERTAIN)
    rows = {r["deck_row"]: r for r in csv.DictReader(io.StringIO(to_csv(calendar_entries())))}
    assert rows["2"]["year_status"] == "inferred" and rows["2"]["deadline_status"] == "inferred"
    assert rows["9"]["year_status"] == "final"  # NAV: the year is in the slide's title
    by_row = {e.deck_row.number: e for e in calendar_entries() if e.deck_row is not None}
    assert any("året 2022 er utledet" in u for u in by_row[2].uncertainty())
    # a county's own date from its own page has its own year, and is not marked
    mr = get_rule_set("kompetanse-og-innovasjonstilskudd", 2022).deadline(Purpose.APPLICATION, "Møre og Romsdal")
    assert mr.status is Status.FINAL


def test_the_deck_citation_claims_no_title_the_seed_does_not_have() -> None:
    assert sources.DECK.tag == "DECK"
    assert "Tilskudd 2022" not in sources.DECK.document
    assert "27.01.2022" in sources.DECK.document
    assert sources.DECK.published == _dt.date(2022, 1, 27)


def test_county_dates_cite_their_own_public_pages() -> None:
    assert sources.MR_22 in sources.ALL_SOURCES and sources.NORD_PS_22 in sources.ALL_SOURCES
    assert sources.MR_22.url and "More-og-Romsdal" in sources.MR_22.url
    assert sources.NORD_PS_22.url and "prosjektskjonnsmidler-2022" in sources.NORD_PS_22.url
    mr = get_rule_set("kompetanse-og-innovasjonstilskudd", 2022).deadline(Purpose.APPLICATION, "Møre og Romsdal")
    nord = get_rule_set("prosjektskjonnsmidler", 2022).deadline(Purpose.APPLICATION, "Nordland", "midler for 2022")
    assert mr.citation is sources.MR_22 and nord.citation is sources.NORD_PS_22


def test_spring_is_an_assumed_period_cited_to_the_library() -> None:
    d = get_rule_set("frisklivs-og-laeringstilbud", 2022).deadline(Purpose.APPLICATION)
    assert isinstance(d, AssumedPeriodDeadline)
    assert d.as_written == "Vår"
    assert d.period() == (_dt.date(2022, 3, 1), _dt.date(2022, 5, 31))
    assert d.period_assumption.status is Status.ASSUMED
    assert d.period_assumption.citation.tag == sources.LIBRARY.tag
    assert d.period_assumption.note
    # a fact of the rule set too, so that the docs' list of assumed values finds it
    assert get_rule_set("frisklivs-og-laeringstilbud", 2022).fact("assumed_period") is d.period_assumption
    with pytest.raises(NoFixedDeadlineError):
        d.instant()
    row = next(r for r in csv.DictReader(io.StringIO(to_csv(calendar_entries()))) if r["deck_row"] == "1")
    assert (row["period_start"], row["period_end"], row["period_status"]) == ("2022-03-01", "2022-05-31", "assumed")
    md = next(x for x in to_markdown(calendar_entries()).splitlines() if "Frisklivs" in x)
    assert "periode antatt" in md


def test_the_decks_question_marks_on_31_march_are_shown_with_lsb22s_confirmation_everywhere() -> None:
    entries = calendar_entries()
    entry = next(e for e in entries if e.scheme_id == "langvarige-sammensatte")
    doubt = next(u for u in entry.uncertainty() if u.startswith("lysarket skriver"))
    assert "«31. mars(?)»" in doubt and "«31.3.22 ??????»" in doubt and "spørsmålstegn" in doubt
    assert "LSB-22" in doubt and "Statsforvalteren i Nordland" in doubt and "31.03.2022 kl. 23:59" in doubt
    text = next(x for x in to_text(entries).splitlines() if "langvarige" in x)
    md = next(x for x in to_markdown(entries).splitlines() if "langvarige" in x)
    csv_row = next(r for r in csv.DictReader(io.StringIO(to_csv(entries))) if r["deck_row"] == "8")
    ics = to_ics(entries).replace("\r\n ", "")
    for out in (text, md, csv_row["uncertainty"], ics):
        assert "31.3.22 ??????" in out and "31. mars(?)" in out and "LSB-22" in out and "spørsmålstegn" in out


def test_the_decks_doubted_rows_are_reachable_from_the_registry() -> None:
    assert [r.number for r in uncertain_rows()] == [7, 8]
    found = {(rs.scheme_id, path, fact.value) for rs in all_rule_sets() for path, fact in rs.facts()
             if fact.status is Status.UNCERTAIN}
    assert ("langvarige-sammensatte", "deck_calendar_deadline", "31. mars(?)") in found
    assert ("langvarige-sammensatte", "deck_slide_deadline", "31.3.22 ??????") in found
    assert ("nytt-tilskudd-psykisk-helse-rus", "applicants", "Kommuner(?)") in found
    row8 = DECK_CALENDAR[7]
    assert get_rule_set(row8.scheme_id, 2022).fact("deck_calendar_deadline").value == row8.deadline_as_written.value
    april = get_rule_set("nytt-tilskudd-psykisk-helse-rus", 2022).deadline(Purpose.APPLICATION)
    assert april.status is Status.UNCERTAIN and april.as_written == "April(?)"


def test_cli_accepts_a_plain_date_for_now(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "--now", "2022-02-01", "--days", "7", "--county", "Nordland"]) == 0
    out = capsys.readouterr().out
    assert "01.02.2022 23:59" in out and "i dag kl. 23:59" in out and "07.02.2022 23:59" in out


def test_cli_refuses_a_huge_window_without_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "--now", "2022-02-01", "--days", "9999999999"]) == 1  # bad input, as for every command
    err = capsys.readouterr().err
    assert "9999" in err and "Traceback" not in err


def test_cli_shows_approximate_rows_in_a_window(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "--now", "2022-04-10T12:00+02:00", "--days", "5"]) == 0
    out = capsys.readouterr().out
    assert "≈ Vår" in out and "≈ April(?)" in out and "≈ Løpende" in out


# --------------------------------------------------------------------------- moved names


@pytest.mark.parametrize(("name", "new_module"), [
    ("to_text", "nedtrapping.render.calendar"), ("to_csv", "nedtrapping.render.calendar"),
    ("to_markdown", "nedtrapping.render.calendar"), ("to_ics", "nedtrapping.render.ics"),
    ("ics_uid", "nedtrapping.render.ics"), ("ics_summary", "nedtrapping.render.ics"),
    ("DEFAULT_DTSTAMP", "nedtrapping.render.ics"),
])
def test_the_exporters_live_only_in_the_output_layer(name: str, new_module: str) -> None:
    import importlib

    import nedtrapping.calendar as model

    # 0.x: the deprecated aliases were removed; the model holds no exporter, by name or by import
    assert not hasattr(model, name)
    assert getattr(importlib.import_module(new_module), name) is not None
