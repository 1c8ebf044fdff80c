"""Deadlines of kommunalt rusarbeid as instants in Europe/Oslo, and on-time checks.

Expected instants come from rules.md §1.2–1.3 and TF-21 (written out by hand in UTC
below: Oslo is UTC+1 in winter, UTC+2 in summer).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nedtrapping import strategies as nst
from nedtrapping.deadlines import (
    Deadline,
    DeadlineKind,
    NaiveDatetimeError,
    NoFixedDeadlineError,
    Purpose,
    exact_deadline,
    to_instant,
)
from nedtrapping.provenance import Citation, Status
from nedtrapping.schemes.kommunalt_rusarbeid import rules_for

UTC = dt.UTC
OSLO = ZoneInfo("Europe/Oslo")
SRC = Citation("test source")


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


def same_instant(a, b) -> bool:
    return a.timestamp() == b.timestamp() and a.microsecond == b.microsecond


# (rule-set year, purpose, county, round) → the deadline instant in UTC, from the sources
EXPECTED = {
    (2021, Purpose.APPLICATION, None, None): utc(2021, 2, 10, 22, 59),  # 10.02.2021 23:59 CET [INN-21, KORUS-21]
    (2021, Purpose.REPORTING, None, None): utc(2022, 2, 15, 22, 59),  # report on 2021 with the 2022 application [NORD-22]
    (2022, Purpose.APPLICATION, None, None): utc(2022, 2, 15, 22, 59),  # 15 Feb 2022 23:59 CET [DECK, NORD-22]
    (2023, Purpose.APPLICATION, None, None): utc(2023, 2, 1, 22, 59),  # 1 Feb 2023 23:59 CET [MR-23]
    (2024, Purpose.APPLICATION, None, None): utc(2024, 2, 1, 22, 59),  # 1 Feb 2024 23:59 CET [INN-24]
    (2022, Purpose.REPORTING, None, None): utc(2023, 2, 1, 22, 59),  # report on 2022 by 1 Feb 2023 [DECK, NORD-22]
    (2023, Purpose.REPORTING, None, None): utc(2024, 2, 1, 22, 59),  # 1 Feb 2024 [MR-23]
    (2024, Purpose.REPORTING, None, None): utc(2025, 2, 1, 22, 59),  # 1 Feb 2025 [HDIR-24]
    (2021, Purpose.APPLICATION, "Troms og Finnmark", "restmidler"): utc(2021, 10, 18, 21, 59),  # 18 Oct 2021 23:59 CEST [TF-21]
}


@pytest.mark.parametrize(("key", "expected"), list(EXPECTED.items()), ids=lambda v: str(v))
def test_kommunalt_rusarbeid_deadlines_are_the_sources_instants(key, expected):
    year, purpose, county, round_ = key
    deadline = rules_for(year).deadline(purpose, county=county, round=round_)
    assert deadline.kind is DeadlineKind.EXACT
    instant = deadline.instant()
    assert same_instant(instant, expected)
    local = instant.in_timezone("Europe/Oslo")
    assert (local.hour, local.minute) == (23, 59)


@pytest.mark.parametrize(("key", "expected"), list(EXPECTED.items()), ids=lambda v: str(v))
def test_submission_at_the_deadline_is_on_time_and_one_microsecond_later_is_late(key, expected):
    year, purpose, county, round_ = key
    deadline = rules_for(year).deadline(purpose, county=county, round=round_)
    assert deadline.is_on_time(expected)
    assert deadline.is_on_time(expected - dt.timedelta(microseconds=1))
    assert not deadline.is_on_time(expected + dt.timedelta(microseconds=1))
    assert not deadline.is_on_time(expected + dt.timedelta(seconds=1))


def test_troms_og_finnmark_residual_round_is_its_own_deadline_not_the_national_one():
    rules = rules_for(2021)
    tf = rules.deadline(Purpose.APPLICATION, county="Troms og Finnmark", round="restmidler")
    assert tf.county == "Troms og Finnmark"
    assert tf.day == dt.date(2021, 10, 18)
    # the ordinary round keeps its national date (10 Feb 2021) in Troms og Finnmark too
    assert rules.deadline(Purpose.APPLICATION, county="Troms og Finnmark").day == dt.date(2021, 2, 10)
    assert rules.deadline(Purpose.APPLICATION).county is None
    # a county without its own date falls back to the national deadline
    assert rules.deadline(Purpose.APPLICATION, county="Vestland").county is None


def test_iso_strings_with_offsets_are_accepted_and_naive_ones_refused():
    deadline = rules_for(2022).deadline(Purpose.APPLICATION)
    assert deadline.is_on_time("2022-02-15T23:59:00+01:00")
    assert deadline.is_on_time("2022-02-15T22:59:00Z")
    assert not deadline.is_on_time("2022-02-15T23:59:01+01:00")
    assert not deadline.is_on_time("2022-02-16T00:00:00+01:00")
    assert deadline.is_on_time("2022-02-15T17:59:00-05:00")
    with pytest.raises(NaiveDatetimeError):
        deadline.is_on_time("2022-02-15T23:00:00")
    with pytest.raises(ValueError):
        deadline.is_on_time("15. februar 2022")
    with pytest.raises(ValueError):
        deadline.is_on_time("2022-02-15")


@given(nst.naive_datetimes())
def test_a_naive_datetime_is_refused(naive):
    deadline = rules_for(2022).deadline(Purpose.APPLICATION)
    with pytest.raises(NaiveDatetimeError):
        deadline.check(naive)
    with pytest.raises(NaiveDatetimeError):
        to_instant(naive)


@given(nst.aware_datetimes())
def test_on_time_means_at_or_before_the_deadline_instant_in_any_time_zone(submitted):
    for rules in (rules_for(2021), rules_for(2022), rules_for(2023), rules_for(2024)):
        for deadline in rules.deadlines:
            instant = deadline.instant()
            verdict = deadline.check(submitted)
            assert verdict.on_time == (submitted.astimezone(UTC) <= instant.astimezone(UTC))
            assert bool(verdict) == verdict.on_time
            assert (verdict.late_by is None) == verdict.on_time
            if not verdict.on_time:
                assert verdict.late_by.total_seconds() > 0 or verdict.late_by.microseconds > 0


@given(nst.aware_datetimes(), nst.aware_datetimes())
def test_an_earlier_submission_is_never_later_than_an_on_time_one(a, b):
    deadline = rules_for(2022).deadline(Purpose.APPLICATION)
    early, late = sorted((a, b), key=lambda d: d.timestamp())  # not by wall time: folds
    if deadline.is_on_time(late):
        assert deadline.is_on_time(early)


@given(
    day=st.one_of(
        st.sampled_from([d.date() for d in nst.oslo_dst_switches()]),
        st.sampled_from([dt.date(y, 12, 31) for y in range(2020, 2027)]),
        st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2026, 12, 31)),
    ),
    time=st.sampled_from([dt.time(23, 59), dt.time(12, 0), dt.time(0, 0), dt.time(1, 30), dt.time(2, 30), dt.time(3, 0)]),
)
def test_a_deadline_is_its_wall_clock_time_in_oslo_even_on_dst_switch_days_and_year_ends(day, time):
    deadline = exact_deadline(Purpose.APPLICATION, day, SRC, time=time)
    instant = deadline.instant()
    offset = instant.utcoffset()
    assert offset in (dt.timedelta(hours=1), dt.timedelta(hours=2))
    local = instant.in_timezone("Europe/Oslo")
    # 02:30 does not exist on the spring-forward day; every other wall time must be kept
    spring_gap = day.month == 3 and time == dt.time(2, 30) and day in {d.date() for d in nst.oslo_dst_switches()}
    if not spring_gap:
        assert (local.year, local.month, local.day, local.hour, local.minute) == (
            day.year, day.month, day.day, time.hour, time.minute)
    if time == dt.time(23, 59):
        stdlib = dt.datetime.combine(day, time, tzinfo=OSLO)
        assert same_instant(instant, stdlib)


@given(nst.aware_datetimes_around([utc(2022, 2, 15, 22, 59)], window=dt.timedelta(minutes=5)))
def test_on_time_near_the_2022_deadline_agrees_with_utc_arithmetic(submitted):
    deadline = rules_for(2022).deadline(Purpose.APPLICATION)
    assert deadline.is_on_time(submitted) == (submitted.astimezone(UTC) <= utc(2022, 2, 15, 22, 59))


def test_verdict_explains_in_norwegian_time():
    deadline = rules_for(2022).deadline(Purpose.APPLICATION)
    on_time = deadline.check(pendulum.datetime(2022, 2, 15, 23, 0, tz="Europe/Oslo"))
    late = deadline.check(pendulum.datetime(2022, 2, 16, 0, 59, tz="Europe/Oslo"))
    assert on_time.on_time and on_time.explain().startswith("I tide: levert 15. februar 2022 kl. 23:00:00, "
                                                            "frist 15. februar 2022 kl. 23:59 (")
    assert on_time.explain("en").startswith("On time: submitted 15 February 2022 at 23:00:00, "
                                            "deadline 15 February 2022 at 23:59 (")
    assert not late.on_time and late.explain().startswith("For sent med 1 time: levert 16. februar 2022 kl. 00:59:00")
    assert late.explain("en").startswith("Late by 1 hour: submitted 16 February 2022 at 00:59:00")
    assert late.late_by.in_minutes() == 60
    assert "15. februar 2022" in late.explain()


def test_rolling_and_vague_deadlines_have_no_instant():
    rolling = Deadline(purpose=Purpose.APPLICATION, kind=DeadlineKind.ROLLING, as_written="Løpende",
                       status=Status.FINAL, citation=SRC)
    vague = Deadline(purpose=Purpose.APPLICATION, kind=DeadlineKind.VAGUE, as_written="April(?)",
                     status=Status.UNCERTAIN, citation=SRC)
    for d in (rolling, vague):
        with pytest.raises(NoFixedDeadlineError):
            d.instant()
        with pytest.raises(NoFixedDeadlineError):
            d.is_on_time(utc(2022, 1, 1))
    assert vague.describe() == "April(?) (usikker; kilden: «April(?)»)"
    assert vague.describe("en") == "April(?) (uncertain; source: 'April(?)')"
    with pytest.raises(NoFixedDeadlineError) as info:
        vague.instant()
    assert str(info.value) == ("søknadsfristen «April(?)» er vag: den har ikke noe fast tidspunkt, så det kan ikke "
                               "avgjøres om noe kom i tide")
    assert info.value.text("en") == ("the application deadline 'April(?)' is vague: it has no fixed instant, so "
                                     "on-time cannot be decided")


def test_deadline_kinds_must_match_their_day():
    with pytest.raises(ValueError):
        Deadline(purpose=Purpose.APPLICATION, kind=DeadlineKind.EXACT, as_written="x", status=Status.FINAL,
                 citation=SRC)
    with pytest.raises(ValueError):
        Deadline(purpose=Purpose.APPLICATION, kind=DeadlineKind.ROLLING, as_written="x", status=Status.FINAL,
                 citation=SRC, day=dt.date(2022, 1, 1))
    with pytest.raises(ValueError):
        exact_deadline(Purpose.APPLICATION, dt.date(2022, 1, 1), SRC, status=Status.UNKNOWN)


@pytest.mark.parametrize("as_pendulum", [True, False])
@given(data=st.data())
def test_on_time_depends_on_the_instant_not_on_the_time_zone_it_is_shown_in(as_pendulum, data):
    # a deadline inside the hour that repeats when DST ends (02:00-03:00 on 31 Oct 2021)
    deadline = exact_deadline(Purpose.APPLICATION, dt.date(2021, 10, 31), SRC, time=dt.time(2, 30))
    anchor = deadline.instant().astimezone(UTC)
    submitted = data.draw(nst.aware_datetimes_around([anchor], window=dt.timedelta(hours=2), as_pendulum=as_pendulum))
    in_utc = submitted.astimezone(UTC)
    assert deadline.is_on_time(submitted) == deadline.is_on_time(in_utc) == (in_utc <= anchor)


def test_same_instant_in_oslo_and_utc_gets_the_same_verdict_in_the_repeated_hour():
    deadline = exact_deadline(Purpose.APPLICATION, dt.date(2021, 10, 31), SRC, time=dt.time(2, 30))
    before = utc(2021, 10, 31, 0, 45)  # 02:45 CEST, before 02:30 CET (01:30 UTC)
    for shown in (before, before.astimezone(OSLO), pendulum.instance(before).in_timezone("Europe/Oslo")):
        assert deadline.is_on_time(shown)


def test_a_pendulum_datetime_carrying_a_zoneinfo_in_the_repeated_hour_is_judged_by_its_instant():
    deadline = exact_deadline(Purpose.APPLICATION, dt.date(2021, 10, 31), SRC, time=dt.time(2, 30))
    before = pendulum.datetime(2021, 10, 31, 0, 59, 59, tz="UTC").astimezone(OSLO)  # 02:59:59 CEST, fold 0
    assert before.astimezone(UTC) == utc(2021, 10, 31, 0, 59, 59)
    assert deadline.is_on_time(before)
