"""The .ics export, parsed back by an independent parser (the ``icalendar`` package)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from nedtrapping.calendar import calendar_entries
from nedtrapping.cli import main
from nedtrapping.deadlines import Purpose, exact_deadline
from nedtrapping.registry import get_rule_set
from nedtrapping.render.ics import DEFAULT_DTSTAMP, ics_uid, to_ics
from nedtrapping.sources import LIBRARY

OSLO = ZoneInfo("Europe/Oslo")


def _events(text: str) -> dict[str, icalendar.cal.Component]:
    cal = icalendar.Calendar.from_ical(text)
    events = cal.walk("VEVENT")
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids)), "UIDs must be unique"
    return {str(e["UID"]): e for e in events}


def test_every_deadline_parses_back_to_the_same_instant_or_period() -> None:
    entries = calendar_entries()
    events = _events(to_ics(entries))
    assert set(events) == {ics_uid(e) for e in entries}  # none left out: rolling and vague too
    for e in entries:
        ev = events[ics_uid(e)]
        start = ev.decoded("DTSTART")
        period = e.period()
        if period is None:
            assert start == e.deadline.instant(), ics_uid(e)
            assert "DTEND" not in ev
        else:
            first, last = period
            assert (start, ev.decoded("DTEND")) == (first, last + _dt.timedelta(days=1))
            assert "(OMTRENT)" in str(ev["SUMMARY"])
        uncertain = "(USIKKER)" in str(ev["SUMMARY"])
        assert uncertain == e.uncertain
        assert ("USIKKER:" in str(ev["DESCRIPTION"])) == e.uncertain
        assert str(ev["STATUS"]) == ("TENTATIVE" if e.uncertain or e.approximate else "CONFIRMED")
        assert f"Frist slik den er skrevet: {e.deadline.as_written}" in str(ev["DESCRIPTION"])
        assert ev.decoded("DTSTAMP") == DEFAULT_DTSTAMP
        year = f"({e.year}, {e.round})" if e.round else f"({e.year})"
        assert f"{year}: {e.title}" in str(ev["SUMMARY"])


def test_known_deadlines_from_the_sources() -> None:
    events = _events(to_ics(calendar_entries()))
    # TF-21: residual round, Troms og Finnmark, 18 Oct 2021 (23:59 Oslo); the round is in UID and SUMMARY
    ev = events["kommunalt-rusarbeid-2021-application-restmidler-troms-og-finnmark@nedtrapping"]
    assert ev.decoded("DTSTART") == _dt.datetime(2021, 10, 18, 23, 59, tzinfo=OSLO)
    assert str(ev["SUMMARY"]) == "Søknadsfrist (2021, restmidler): Tilskudd til kommunalt rusarbeid (Troms og Finnmark)"
    assert "Runde: restmidler" in str(ev["DESCRIPTION"])
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
    assert "bekrefter fristen 31.03.2022 kl. 23:59" in str(lsb["DESCRIPTION"])


def test_spring_and_rolling_are_tentative_all_day_events_over_their_period() -> None:
    events = _events(to_ics(calendar_entries()))
    spring = events["frisklivs-og-laeringstilbud-2022-application-national@nedtrapping"]
    assert (spring.decoded("DTSTART"), spring.decoded("DTEND")) == (_dt.date(2022, 3, 1), _dt.date(2022, 6, 1))
    assert str(spring["STATUS"]) == "TENTATIVE"
    assert str(spring["SUMMARY"]).startswith("(USIKKER) (OMTRENT) Søknadsfrist (2022): ")
    desc = str(spring["DESCRIPTION"])
    assert "periode antatt: mars–mai 2022" in desc and "Perioden er antatt: nedtrapping" in desc
    rolling = events["fastleger-korona-kompensasjon-2022-application-national@nedtrapping"]
    assert (rolling.decoded("DTSTART"), rolling.decoded("DTEND")) == (_dt.date(2022, 1, 1), _dt.date(2023, 1, 1))
    assert str(rolling["STATUS"]) == "TENTATIVE"
    assert "Løpende: ingen frist" in str(rolling["DESCRIPTION"]) and "hele 2022" in str(rolling["DESCRIPTION"])


def test_two_reports_on_the_same_day_are_told_apart_by_their_grant_year() -> None:
    events = _events(to_ics(calendar_entries()))
    on_1_feb_2023 = sorted(str(ev["SUMMARY"]) for ev in events.values()
                           if ev.decoded("DTSTART") == _dt.datetime(2023, 2, 1, 23, 59, tzinfo=OSLO)
                           and str(ev["SUMMARY"]).startswith("Rapporteringsfrist"))
    assert "Rapporteringsfrist (2022): Tilskudd til kommunalt rusarbeid — overgangsordning" in on_1_feb_2023
    assert len(on_1_feb_2023) == len(set(on_1_feb_2023))
    same_title = [x for x in (str(ev["SUMMARY"]) for ev in events.values()) if "overgangsordning" in x]
    assert {"(2022)", "(2023)", "(2024)"} <= {x[x.index("("):x.index(")") + 1] for x in same_title}


def test_a_county_with_an_ordinary_and_a_residual_date_gets_two_uids() -> None:
    rules = get_rule_set("kommunalt-rusarbeid", 2021)
    ordinary_tf = exact_deadline(Purpose.APPLICATION, _dt.date(2021, 2, 12), LIBRARY, county="Troms og Finnmark")
    both = rules.evolve(deadlines=(*rules.deadlines, ordinary_tf))
    entries = calendar_entries(rule_sets=[both], county="Troms og Finnmark", purposes=(Purpose.APPLICATION,))
    events = _events(to_ics(entries))  # used to raise: both had the UID ...-application-troms-og-finnmark
    assert {"kommunalt-rusarbeid-2021-application-troms-og-finnmark@nedtrapping",
            "kommunalt-rusarbeid-2021-application-restmidler-troms-og-finnmark@nedtrapping"} <= set(events)


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
    assert "ordinær runde (455 mill. kroner); rapporten for 2020" in str(ev["DESCRIPTION"])
    ev_en = _events(to_ics(calendar_entries(), lang="en"))["kommunalt-rusarbeid-2021-application-national@nedtrapping"]
    assert "ordinary round (455 MNOK); the report" in str(ev_en["DESCRIPTION"])


def test_output_is_deterministic_and_uids_stable() -> None:
    assert to_ics(calendar_entries()) == to_ics(calendar_entries())
    stamped = to_ics(calendar_entries(), stamp="2022-01-28T09:00:00+01:00")
    assert "DTSTAMP:20220128T080000Z" in stamped
    with pytest.raises(TypeError):
        to_ics(calendar_entries(), stamp=_dt.datetime(2022, 1, 28))  # naive refused


def test_county_calendar_has_only_that_countys_own_dates() -> None:
    events = _events(to_ics(calendar_entries(county="Møre og Romsdal")))
    counties = {uid.rsplit("-application-", 1)[-1] for uid in events if "-application-" in uid}
    # a round other than the ordinary one comes before the county in the UID (the 2021 regional residual round)
    assert counties <= {"national@nedtrapping", "more-og-romsdal@nedtrapping",
                        "regionale-restmidler-more-og-romsdal@nedtrapping"}
    assert "kompetanse-og-innovasjonstilskudd-2022-application-more-og-romsdal@nedtrapping" in events


def test_cli_writes_an_ics_file_that_parses(tmp_path: Path) -> None:
    target = tmp_path / "kalender.ics"
    assert main(["calendar", "--ics", str(target)]) == 0
    data = target.read_bytes()
    assert b"\r\n" in data and b"\r\r\n" not in data
    assert len(_events(data.decode("utf-8"))) == len(_events(to_ics(calendar_entries())))
