"""The grant calendar as an iCalendar file (RFC 5545), for a calendar program.

The writer follows RFC 5545 by hand (CRLF, folding at 75 octets, TEXT escaping, UTC
times, stable UIDs). One VEVENT per deadline, none left out; the words come from
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

from nedtrapping.calendar import CalendarEntry
from nedtrapping.deadlines import DeadlineKind, to_instant
from nedtrapping.schemes.tilskuddskalender_2022 import AssumedPeriodDeadline
from nedtrapping.wording import DEFAULT_LANG, Lang, status_word, text

__all__ = ["to_ics", "ics_uid", "ics_summary", "DEFAULT_DTSTAMP", "PRODID"]

#: Used as DTSTAMP when no stamp is given: the deck's date, so the same calendar gives the same file.
DEFAULT_DTSTAMP = _dt.datetime(2022, 1, 27, tzinfo=_dt.timezone.utc)

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
        desc.append(text("calendar.ics.note", lang, note=d.note))
    desc.append(text("calendar.ics.source", lang, source=d.citation))
    if isinstance(d, AssumedPeriodDeadline):
        desc.append(text("calendar.ics.assumed_period", lang, source=d.period_assumption.citation))
    return "\n".join(desc)


def _ics_escape(value: str) -> str:
    """TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line
    parts: list[str] = []
    start = 0
    limit = 75
    while start < len(raw):
        end = min(start + limit, len(raw))
        while end < len(raw) and (raw[end] & 0xC0) == 0x80:  # don't split a multi-byte character
            end -= 1
        parts.append(raw[start:end].decode("utf-8"))
        start = end
        limit = 74  # continuation lines start with one space
    return "\r\n ".join(parts)


def _utc(value: _dt.datetime) -> str:
    return value.astimezone(_dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


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
    :data:`DEFAULT_DTSTAMP`, so the output is deterministic.

    Raises :class:`ValueError` when two entries would share a UID (a rule set with
    duplicate deadlines), and :class:`TypeError` for a naive ``stamp``.
    """
    dtstamp = _utc(to_instant(stamp, where="stamp") if stamp is not None else DEFAULT_DTSTAMP)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_ics_escape(text('calendar.ics.name', lang))}",
    ]
    seen: set[str] = set()
    for e in entries:
        d = e.deadline
        period = e.period()
        if period is None:
            when = [f"DTSTART:{_utc(d.instant())}"]
        else:
            first, last = period
            when = [f"DTSTART;VALUE=DATE:{first:%Y%m%d}",
                    f"DTEND;VALUE=DATE:{last + _dt.timedelta(days=1):%Y%m%d}"]
        uid = ics_uid(e)
        if uid in seen:
            raise ValueError(f"two calendar entries share the UID {uid!r}; a rule set has duplicate deadlines")
        seen.add(uid)
        doubts = e.uncertainty(lang)
        tentative = bool(doubts) or e.approximate
        lines += ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{dtstamp}", *when,
                  f"SUMMARY:{_ics_escape(ics_summary(e, lang=lang))}",
                  f"DESCRIPTION:{_ics_escape(_description(e, doubts, lang))}",
                  f"STATUS:{'TENTATIVE' if tentative else 'CONFIRMED'}", "TRANSP:TRANSPARENT"]
        if d.citation.url:
            lines.append(f"URL:{d.citation.url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
