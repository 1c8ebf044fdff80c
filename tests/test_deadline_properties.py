"""Property tests for deadline arithmetic; each test name states its invariant.

Instants are drawn around every registered deadline, the Oslo DST switches and the
Oslo year ends (``nedtrapping.strategies``), shown in several time zones.
"""

from __future__ import annotations

import datetime as _dt
from zoneinfo import ZoneInfo

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nedtrapping import strategies as nst
from nedtrapping.calendar import calendar_entries, days_left, upcoming
from nedtrapping.deadlines import DeadlineKind, NaiveDatetimeError, Purpose, exact_deadline, to_instant
from nedtrapping.sources import LIBRARY

OSLO = ZoneInfo("Europe/Oslo")
EXACT = [e.deadline for e in calendar_entries() if e.deadline.kind is DeadlineKind.EXACT]

# deadlines on the days that matter most: around DST switches and year ends, 23:59 Oslo
_DAYS = st.sampled_from([
    _dt.date(2022, 3, 26), _dt.date(2022, 3, 27), _dt.date(2022, 10, 29), _dt.date(2022, 10, 30),
    _dt.date(2021, 12, 31), _dt.date(2022, 12, 31), _dt.date(2023, 1, 1), _dt.date(2024, 2, 29),
])
_TIMES = st.sampled_from([_dt.time(23, 59), _dt.time(0, 0), _dt.time(2, 30), _dt.time(12, 0)])


def _utc(value: _dt.datetime) -> _dt.datetime:
    return value.astimezone(_dt.UTC)


@given(deadline=st.sampled_from(EXACT), submitted=nst.aware_datetimes())
def test_on_time_iff_at_or_before_the_instant(deadline: object, submitted: _dt.datetime) -> None:
    verdict = deadline.check(submitted)  # type: ignore[attr-defined]
    instant = _utc(deadline.instant())  # type: ignore[attr-defined]
    assert verdict.on_time == (_utc(submitted) <= instant)


@given(day=_DAYS, time=_TIMES, offset=st.integers(min_value=-3 * 86400, max_value=3 * 86400))
def test_on_time_iff_at_or_before_the_instant_across_dst_and_year_end(day: _dt.date, time: _dt.time,
                                                                        offset: int) -> None:
    d = exact_deadline(Purpose.APPLICATION, day, LIBRARY, time=time)
    instant = _utc(d.instant())
    submitted = (instant + _dt.timedelta(seconds=offset)).astimezone(OSLO)
    assert d.check(submitted).on_time == (offset <= 0)


@given(day=_DAYS)
def test_deadline_instant_is_2359_wall_clock_in_oslo_whatever_the_offset(day: _dt.date) -> None:
    local = exact_deadline(Purpose.APPLICATION, day, LIBRARY).instant().astimezone(OSLO)
    assert (local.date(), local.hour, local.minute) == (day, 23, 59)
    assert local.utcoffset() in (_dt.timedelta(hours=1), _dt.timedelta(hours=2))


@given(deadline=st.sampled_from(EXACT), submitted=nst.aware_datetimes())
def test_late_by_is_the_positive_gap_and_none_when_on_time(deadline: object, submitted: _dt.datetime) -> None:
    verdict = deadline.check(submitted)  # type: ignore[attr-defined]
    gap = _utc(submitted) - _utc(deadline.instant())  # type: ignore[attr-defined]
    if verdict.on_time:
        assert verdict.late_by is None
    else:
        assert verdict.late_by is not None and verdict.late_by.total_seconds() == gap.total_seconds() > 0


@given(deadline=st.sampled_from(EXACT), naive=nst.naive_datetimes())
def test_naive_datetimes_are_always_refused(deadline: object, naive: _dt.datetime) -> None:
    with pytest.raises(NaiveDatetimeError):
        deadline.check(naive)  # type: ignore[attr-defined]
    with pytest.raises(NaiveDatetimeError):
        to_instant(naive.isoformat())
    with pytest.raises(NaiveDatetimeError):
        days_left(deadline, naive)  # type: ignore[arg-type]


@given(submitted=nst.aware_datetimes())
def test_on_time_verdict_does_not_depend_on_the_zone_the_instant_is_shown_in(submitted: _dt.datetime) -> None:
    for deadline in EXACT[:5]:
        shown = [submitted.astimezone(ZoneInfo(z)) for z in ("UTC", "Europe/Oslo", "America/New_York", "Asia/Tokyo")]
        assert len({deadline.check(s).on_time for s in shown}) == 1


@given(now=nst.aware_datetimes(), days=st.integers(min_value=0, max_value=400))
def test_upcoming_returns_exactly_the_exact_deadlines_inside_the_window(now: _dt.datetime, days: int) -> None:
    start = pendulum.instance(now)
    end = start.add(days=days)
    got = {(e.scheme_id, e.year, e.purpose, e.county) for e in upcoming(now, days, include_approximate=False)}
    want = {(e.scheme_id, e.year, e.purpose, e.county) for e in calendar_entries()
            if e.deadline.kind is DeadlineKind.EXACT and start <= e.deadline.instant() <= end}
    assert got == want


@given(deadline=st.sampled_from(EXACT), now=nst.aware_datetimes())
def test_days_left_says_passed_iff_the_deadline_has_passed(deadline: object, now: _dt.datetime) -> None:
    text = days_left(deadline, now)  # type: ignore[arg-type]
    passed = _utc(now) > _utc(deadline.instant())  # type: ignore[attr-defined]
    assert text.startswith("fristen gikk ut") == passed


def test_days_left_one_microsecond_after_the_deadline_is_passed() -> None:
    # found by the property above: a sub-second lateness used to read as "om 1 minutt"
    d = exact_deadline(Purpose.APPLICATION, _dt.date(2022, 2, 15), LIBRARY)
    late = d.instant().add(microseconds=1)
    assert days_left(d, late) == "fristen gikk ut i dag kl. 23:59"
    assert not d.check(late).on_time


@given(now=nst.aware_datetimes(), days=st.integers(min_value=0, max_value=400))
def test_upcoming_includes_an_approximate_entry_iff_its_period_overlaps_the_window(now: _dt.datetime,
                                                                                   days: int) -> None:
    start = pendulum.instance(now)
    first_day = start.in_timezone("Europe/Oslo").date()
    last_day = start.add(days=days).in_timezone("Europe/Oslo").date()
    got = {(e.scheme_id, e.year, e.purpose, e.round, e.county) for e in upcoming(now, days) if e.approximate}
    want = set()
    for e in calendar_entries():
        period = e.period()
        if period is not None and period[0] <= last_day and period[1] >= first_day:
            want.add((e.scheme_id, e.year, e.purpose, e.round, e.county))
    assert got == want


@given(now=nst.aware_datetimes(), days=st.integers(min_value=0, max_value=400))
def test_upcoming_with_approximate_is_a_superset_of_upcoming_without(now: _dt.datetime, days: int) -> None:
    exact = upcoming(now, days, include_approximate=False)
    both = upcoming(now, days)
    assert all(not e.approximate for e in exact)
    assert [e for e in both if not e.approximate] == exact
