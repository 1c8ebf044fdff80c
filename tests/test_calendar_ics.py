"""The .ics export, parsed back by an independent parser (the ``icalendar`` package)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from nedtrapping.calendar import DEFAULT_DTSTAMP, calendar_entries, ics_uid, to_ics
from nedtrapping.cli import main
from nedtrapping.deadlines import ApproximateDeadline, DeadlineKind

OSLO = ZoneInfo("Europe/Oslo")


def _events(text: str) -> dict[str, icalendar.cal.Component]:
    cal = icalendar.Calendar.from_ical(text)
    events = cal.walk("VEVENT")
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids)), "UIDs must be unique"
    return {str(e["UID"]): e for e in events}


def test_every_dated_deadline_parses_back_to_the_same_instant_or_month() -> None:
    entries = calendar_entries()
    events = _events(to_ics(entries))
    dated = [e for e in entries if e.deadline.kind is DeadlineKind.EXACT or isinstance(e.deadline, ApproximateDeadline)]
    assert set(events) == {ics_uid(e) for e in dated}
    for e in dated:
        ev = events[ics_uid(e)]
        start = ev.decoded("DTSTART")
        if e.deadline.kind is DeadlineKind.EXACT:
            assert start == e.deadline.instant(), ics_uid(e)
            assert "DTEND" not in ev
        else:
            assert isinstance(e.deadline, ApproximateDeadline)
            first, last = e.deadline.period()
            assert (start, ev.decoded("DTEND")) == (first, last + _dt.timedelta(days=1))
        uncertain = "(USIKKER)" in str(ev["SUMMARY"])
        assert uncertain == e.uncertain
        assert ("USIKKER:" in str(ev["DESCRIPTION"])) == e.uncertain
        assert str(ev["STATUS"]) == ("TENTATIVE" if e.uncertain else "CONFIRMED")
        assert f"Frist slik kilden skriver: {e.deadline.as_written}" in str(ev["DESCRIPTION"])
        assert ev.decoded("DTSTAMP") == DEFAULT_DTSTAMP


def test_known_deadlines_from_the_sources() -> None:
    events = _events(to_ics(calendar_entries()))
    # TF-21: residual round, Troms og Finnmark, 18 Oct 2021 (23:59 Oslo)
    ev = events["kommunalt-rusarbeid-2021-application-troms-og-finnmark@nedtrapping"]
    assert ev.decoded("DTSTART") == _dt.datetime(2021, 10, 18, 23, 59, tzinfo=OSLO)
    # DECK row 9 and NAV-22: 1 Feb 2022, Nordland 7 Feb 2022
    assert events["nav-sosiale-tjenester-2022-application-national@nedtrapping"].decoded("DTSTART") == \
        _dt.datetime(2022, 2, 1, 23, 59, tzinfo=OSLO)
    assert events["nav-sosiale-tjenester-2022-application-nordland@nedtrapping"].decoded("DTSTART") == \
        _dt.datetime(2022, 2, 7, 23, 59, tzinfo=OSLO)
    # DECK row 7: "April(?)" — the whole of April, uncertain
    april = events["nytt-tilskudd-psykisk-helse-rus-2022-application-national@nedtrapping"]
    assert april.decoded("DTSTART") == _dt.date(2022, 4, 1)
    assert "(USIKKER)" in str(april["SUMMARY"]) and "Kommuner(?)" in str(april["DESCRIPTION"])
    # DECK row 8: the deck's "31. mars(?)" is shown, though LSB-22 confirms the date
    lsb = events["langvarige-sammensatte-2022-application-national@nedtrapping"]
    assert lsb.decoded("DTSTART") == _dt.datetime(2022, 3, 31, 23, 59, tzinfo=OSLO)
    assert "31. mars(?)" in str(lsb["DESCRIPTION"]) and "(USIKKER)" in str(lsb["SUMMARY"])
    # rolling and spring-without-date have no place in a calendar program
    assert not any(uid.startswith(("fastleger-korona", "frisklivs")) for uid in events)


def test_rfc5545_form_crlf_folding_and_escaping() -> None:
    text = to_ics(calendar_entries())
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert all(len(line) <= 75 for line in lines), max(len(line) for line in lines)
    assert any(line.startswith(b" ") for line in lines), "long descriptions must be folded"
    for line in lines:
        line.decode("utf-8")  # folding never splits a UTF-8 character
    assert lines[0] == b"BEGIN:VCALENDAR" and lines[-1] == b"END:VCALENDAR"
    # a semicolon in a note is escaped, and unescapes back
    ev = _events(text)["kommunalt-rusarbeid-2021-application-national@nedtrapping"]
    assert "ordinary round (455 MNOK); the report" in str(ev["DESCRIPTION"])


def test_output_is_deterministic_and_uids_stable() -> None:
    assert to_ics(calendar_entries()) == to_ics(calendar_entries())
    stamped = to_ics(calendar_entries(), stamp="2022-01-28T09:00:00+01:00")
    assert "DTSTAMP:20220128T080000Z" in stamped
    with pytest.raises(TypeError):
        to_ics(calendar_entries(), stamp=_dt.datetime(2022, 1, 28))  # naive refused


def test_county_calendar_has_only_that_countys_own_dates() -> None:
    events = _events(to_ics(calendar_entries(county="Møre og Romsdal")))
    counties = {uid.rsplit("-application-", 1)[-1] for uid in events if "-application-" in uid}
    assert counties <= {"national@nedtrapping", "more-og-romsdal@nedtrapping"}
    assert "kompetanse-og-innovasjonstilskudd-2022-application-more-og-romsdal@nedtrapping" in events


def test_cli_writes_an_ics_file_that_parses(tmp_path: Path) -> None:
    target = tmp_path / "kalender.ics"
    assert main(["calendar", "--ics", str(target)]) == 0
    data = target.read_bytes()
    assert b"\r\n" in data and b"\r\r\n" not in data
    assert len(_events(data.decode("utf-8"))) == len(_events(to_ics(calendar_entries())))
