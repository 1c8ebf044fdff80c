"""The grant calendar as an iCalendar file (RFC 5545), for a calendar program.

Why the ``icalendar`` package: the file format (content lines, TEXT escaping,
folding at 75 octets, CRLF, date and date-time values) is its job, and it is the
parser calendar programs' tests trust; this module decides only which events there
are and what they say. One VEVENT per deadline, none left out; the words come from
:mod:`nedtrapping.wording` (Norwegian by default, ``lang="en"`` for English).

>>> from nedtrapping.calendar import calendar_entries
>>> entry = next(e for e in calendar_entries(county="Troms og Finnmark") if e.round == "restmidler")
>>> ics_uid(entry)
'kommunalt-rusarbeid-2021-application-restmidler-troms-og-finnmark@nedtrapping'
>>> ics_summary(entry)
'Søknadsfrist (2021, restmidler): Tilskudd til kommunalt rusarbeid (Troms og Finnmark)'
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence

import icalendar

from nedtrapping.calendar import CalendarEntry
from nedtrapping.calendars.tilskuddskalender_2022 import AssumedPeriodDeadline
from nedtrapping.deadlines import DeadlineKind, to_instant
from nedtrapping.errors import InvalidValueError
from nedtrapping.readable import read
from nedtrapping.wording import DEFAULT_LANG, Lang, Notice, status_word, text

__all__ = ["to_ics", "ics_uid", "ics_summary", "DEFAULT_DTSTAMP", "PRODID"]

#: Used as DTSTAMP when no stamp is given: the deck's date, so the same calendar gives the same file.
DEFAULT_DTSTAMP = _dt.datetime(2022, 1, 27, tzinfo=_dt.UTC)

#: The product identifier of the files this module writes (for programs; it does not follow ``lang``).
PRODID = "-//nedtrapping//tilskuddskalender//NB"


def _slug(words: str) -> str:
    table = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a"})
    return re.sub(r"[^a-z0-9]+", "-", words.translate(table).lower()).strip("-")


def ics_uid(e: CalendarEntry) -> str:
    """A stable UID from scheme id, year, purpose, round (only when not the ordinary one) and county.

    ``kommunalt-rusarbeid-2021-application-restmidler-troms-og-finnmark@nedtrapping``: a county
    with both an ordinary date and a residual-round date gets two UIDs. The ordinary round's UIDs
    have no round part, so they are the same as before rounds existed. A UID never depends on
    the language.
    """
    round_part = f"-{_slug(e.round)}" if e.round else ""
    where = _slug(e.county) if e.county else "national"
    return f"{e.scheme_id}-{e.year}-{e.purpose.value}{round_part}-{where}@nedtrapping"


def ics_summary(e: CalendarEntry, *, lang: Lang = DEFAULT_LANG) -> str:
    """The SUMMARY of an entry's event: doubt and approximation marks, purpose, grant year, round, title, county.

    E.g. ``"Rapporteringsfrist (2022): Tilskudd til kommunalt rusarbeid"`` or
    ``"Søknadsfrist (2021, restmidler): Tilskudd til kommunalt rusarbeid (Troms og Finnmark)"``.
    """
    marks = ((text("calendar.ics.uncertain_mark", lang) if e.uncertain else "")
             + (text("calendar.ics.approximate_mark", lang) if e.approximate else ""))
    year = f"{e.year}, {e.round}" if e.round else str(e.year)
    where = f" ({e.county})" if e.county else ""
    return f"{marks}{text(f'calendar.purpose.{e.purpose.value}', lang)} ({year}): {e.title}{where}"


def _description(e: CalendarEntry, doubts: list[str], lang: Lang) -> str:
    d = e.deadline
    desc = [
        text("calendar.ics.applicants", lang, applicants=e.applicants.value),
        text("calendar.ics.as_written", lang, as_written=d.as_written),
    ]
    if e.round:
        desc.append(text("calendar.ics.round", lang, round=e.round))
    if e.approximate:
        key = "calendar.ics.rolling" if d.kind is DeadlineKind.ROLLING else "calendar.ics.approximate"
        desc.append(text(key, lang, period=e.period_text(lang)))
    desc.append(text("calendar.ics.status", lang, status=status_word(d.status, lang)))
    if doubts:
        desc.append(text("calendar.ics.uncertain", lang, reasons="; ".join(doubts)))
    if d.note:
        desc.append(text("calendar.ics.note", lang, note=read(d.note, lang)))
    desc.append(text("calendar.ics.source", lang, source=d.citation))
    if isinstance(d, AssumedPeriodDeadline):
        desc.append(text("calendar.ics.assumed_period", lang, source=d.period_assumption.citation))
    return "\n".join(desc)


def _utc(value: _dt.datetime) -> _dt.datetime:
    """A plain :class:`datetime.datetime` in UTC (written with a ``Z``), whatever the instant's type."""
    return _dt.datetime.fromtimestamp(value.timestamp(), tz=_dt.UTC)


def to_ics(entries: Sequence[CalendarEntry], *, stamp: object | None = None, lang: Lang = DEFAULT_LANG) -> str:
    """The calendar as iCalendar text: one VEVENT per deadline, none left out.

    Exact deadlines are events at their instant (UTC). A deadline without an instant
    is a TENTATIVE all-day event over its period
    (:meth:`~nedtrapping.calendar.CalendarEntry.period`): the month of "April(?)", the
    library's ASSUMED spring for "Vår" (1 March – 31 May), the budget year of
    "Løpende"; its SUMMARY has "(OMTRENT)" and its DESCRIPTION says that it is a
    period, not a deadline. Uncertain events get "(USIKKER)" in SUMMARY, the reasons
    in DESCRIPTION and STATUS:TENTATIVE. Every SUMMARY has the grant year and, when
    not the ordinary round, the round (:func:`ics_summary`); the UID has the round
    too (:func:`ics_uid`). DTSTAMP is ``stamp`` (an aware instant) or
    :data:`DEFAULT_DTSTAMP`, so the output is deterministic. Lines end in CRLF and
    are folded at 75 octets (by ``icalendar``); properties keep the order written here.

    Raises :class:`ValueError` when two entries would share a UID (a rule set with
    duplicate deadlines), and :class:`TypeError` for a naive ``stamp``.
    """
    dtstamp = _utc(to_instant(stamp, where="stamp") if stamp is not None else DEFAULT_DTSTAMP)
    cal = icalendar.Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", PRODID)
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", text("calendar.ics.name", lang))
    seen: set[str] = set()
    for e in entries:
        d = e.deadline
        uid = ics_uid(e)
        if uid in seen:
            raise InvalidValueError(Notice("model.ics.duplicate_uid", {"uid": uid}), value=uid)
        seen.add(uid)
        doubts = e.uncertainty(lang)
        event = icalendar.Event()
        event.add("uid", uid)
        event.add("dtstamp", dtstamp)
        period = e.period()
        if period is None:
            event.add("dtstart", _utc(d.instant()))
        else:
            first, last = period
            event.add("dtstart", first)
            event.add("dtend", last + _dt.timedelta(days=1))  # DTEND of an all-day event is exclusive
        event.add("summary", ics_summary(e, lang=lang))
        event.add("description", _description(e, doubts, lang))
        event.add("status", "TENTATIVE" if doubts or e.approximate else "CONFIRMED")
        event.add("transp", "TRANSPARENT")
        if d.citation.url:
            event.add("url", d.citation.url)
        cal.add_component(event)
    data: bytes = cal.to_ical(sorted=False)  # sorted=False: the properties in the order added above
    return data.decode("utf-8")
