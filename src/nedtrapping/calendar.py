"""The grant calendar: every deadline of every registered rule set, queries and exports.

Why: people plan from the deck's calendar ("what can we apply for, by when, and
what is still uncertain?"). Here that calendar is built from the rule sets, so it
carries their sources and their doubt: an uncertain row stays visibly uncertain in
every output (text, CSV, Markdown and iCalendar), and is never turned into a firm date.

Every query takes the moment it is asked at (``now`` / ``on``) as a parameter; the
library never reads the clock. Instants must be aware (naive datetimes are refused,
see :func:`nedtrapping.deadlines.to_instant`); a plain date means 00:00 that day in
Europe/Oslo.

The iCalendar writer follows RFC 5545 by hand (CRLF, folding at 75 octets, TEXT
escaping, UTC times, stable UIDs), so it needs no runtime dependency.
"""

from __future__ import annotations

import csv
import datetime as _dt
import enum
import io
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal

import attrs
import pendulum
from pendulum.locales.locale import Locale

from nedtrapping.deadlines import (
    OSLO,
    ApproximateDeadline,
    Deadline,
    DeadlineKind,
    Purpose,
    SubmissionVerdict,
    to_instant,
)
from nedtrapping.counties import COUNTIES, UnknownCountyError, check_county
from nedtrapping.provenance import Fact, Status
from nedtrapping.registry import all_rule_sets, get_rule_set
from nedtrapping.ruleset import RuleSet

if TYPE_CHECKING:
    from nedtrapping.schemes.tilskuddskalender_2022 import DeckCalendarRow

__all__ = [
    "COUNTIES",
    "ApplicantType",
    "UnknownCountyError",
    "CalendarEntry",
    "Opening",
    "check_county",
    "calendar_entries",
    "schemes_open_to",
    "upcoming",
    "check_submission",
    "days_left",
    "to_text",
    "to_csv",
    "to_markdown",
    "to_ics",
    "ics_uid",
    "DEFAULT_DTSTAMP",
]

#: Used as DTSTAMP when no stamp is given: the deck's date, so the same calendar gives the same file.
DEFAULT_DTSTAMP = _dt.datetime(2022, 1, 27, tzinfo=_dt.timezone.utc)


class ApplicantType(enum.Enum):
    """Who applies, as the calendar's "Hvem kan søke" column can be read."""

    #: Municipalities (also "Kommuner v/NAV kontoret": the municipality applies through its NAV office).
    KOMMUNE = "kommune"
    #: Others than municipalities ("m.fl." — and others).
    ANDRE = "andre"

    @classmethod
    def parse(cls, value: ApplicantType | str) -> ApplicantType:
        if isinstance(value, ApplicantType):
            return value
        key = str(value).strip().lower()
        aliases = {"kommune": cls.KOMMUNE, "kommuner": cls.KOMMUNE, "municipality": cls.KOMMUNE,
                   "andre": cls.ANDRE, "others": cls.ANDRE, "other": cls.ANDRE}
        if key in aliases:
            return aliases[key]
        raise ValueError(f"unknown applicant type {value!r}; known: {', '.join(t.value for t in cls)}")


def _applicant_types(text: str) -> frozenset[ApplicantType]:
    """Read the "who may apply" text: "Kommuner…" → KOMMUNE; "m.fl." (and others) adds ANDRE."""
    lowered = text.lower()
    out: set[ApplicantType] = set()
    if "kommune" in lowered:
        out.add(ApplicantType.KOMMUNE)
    if "m.fl" in lowered:
        out.add(ApplicantType.ANDRE)
    return frozenset(out)


@attrs.frozen(kw_only=True)
class CalendarEntry:
    """One deadline of one rule set, with who may apply and every reason to doubt it."""

    scheme_id: str
    year: int
    title: str
    rule_set_status: Status
    applicants: Fact[str]
    deadline: Deadline
    #: The deck's table row this entry stands for (application deadlines only), if any.
    deck_row: DeckCalendarRow | None = None
    #: For a national deadline listed for a county: that county has its own date for this purpose.
    county_has_own_date: bool = False

    @property
    def applicant_types(self) -> frozenset[ApplicantType]:
        return _applicant_types(self.applicants.value or "")

    @property
    def county(self) -> str | None:
        return self.deadline.county

    @property
    def purpose(self) -> Purpose:
        return self.deadline.purpose

    def uncertainty(self) -> list[str]:
        """Every reason to doubt this entry, in words (empty when all of it is final)."""
        out: list[str] = []
        d = self.deadline
        if d.status is not Status.FINAL:
            out.append(f"frist {d.status.value}: «{d.as_written}»")
        if self.applicants.status is not Status.FINAL:
            out.append(f"hvem kan søke {self.applicants.status.value}: «{self.applicants.value}»")
        if self.rule_set_status is not Status.FINAL:
            out.append(f"regelverket er {self.rule_set_status.value}")
        row = self.deck_row
        if row is not None:
            deck_deadline = row.deadline_as_written
            if deck_deadline.status is not Status.FINAL and deck_deadline.value != d.as_written:
                confirmed = (f", datoen bekreftet av {d.citation.tag or d.citation.document}"
                             if d.status is Status.FINAL else "")
                out.append(f"lysarket skriver «{deck_deadline.value}»{confirmed}")
        return out

    @property
    def uncertain(self) -> bool:
        return bool(self.uncertainty())

    def when_text(self) -> str:
        """The deadline for people: a Norwegian date and time, or the source's own words."""
        d = self.deadline
        if d.kind is DeadlineKind.EXACT:
            return d.instant().format("DD.MM.YYYY HH:mm", locale="nb")
        if isinstance(d, ApproximateDeadline):
            first, _ = d.period()
            month = pendulum.date(first.year, first.month, 1).format("MMMM YYYY", locale="nb")
            return f"{d.as_written} (omtrent {month}, ingen dato)"
        if d.kind is DeadlineKind.ROLLING:
            return f"{d.as_written} (ingen frist)"
        return f"{d.as_written} (ingen dato)"

    def sort_key(self) -> tuple[_dt.datetime, str, str, str]:
        d = self.deadline
        if d.kind is DeadlineKind.EXACT:
            at = _dt.datetime.fromtimestamp(d.instant().timestamp(), tz=_dt.timezone.utc)
        elif isinstance(d, ApproximateDeadline):
            at = _dt.datetime(d.period()[0].year, d.period()[0].month, 1, tzinfo=_dt.timezone.utc)
        else:  # rolling or vague without a month: at the start of the rule set's year
            at = _dt.datetime(self.year, 1, 1, tzinfo=_dt.timezone.utc)
        return (at, self.scheme_id, d.purpose.value, d.county or "")


def _deck_rows() -> dict[tuple[str, int], DeckCalendarRow]:
    from nedtrapping.schemes.tilskuddskalender_2022 import DECK_CALENDAR

    return {(row.scheme_id, row.year): row for row in DECK_CALENDAR}


def calendar_entries(
    *,
    county: str | None = None,
    purposes: Iterable[Purpose] = (Purpose.APPLICATION, Purpose.REPORTING),
    rule_sets: Iterable[RuleSet] | None = None,
) -> list[CalendarEntry]:
    """Every deadline of every registered rule set, in date order.

    Without ``county``: national deadlines and every county's own dates. With a
    ``county``: national deadlines and that county's own; a national deadline for
    which the county has its own date is kept but flagged (``county_has_own_date``).
    """
    county = check_county(county)
    wanted = set(purposes)
    rows = _deck_rows()
    out: list[CalendarEntry] = []
    for rules in (all_rule_sets() if rule_sets is None else list(rule_sets)):
        for d in rules.deadlines:
            if d.purpose not in wanted:
                continue
            if d.county is not None:
                check_county(d.county)  # a rule set naming a county that does not exist is a bug; say so
            if county is not None and d.county not in (None, county):
                continue
            own = county is not None and d.county is None and any(
                o.purpose is d.purpose and o.county == county and o.round == d.round for o in rules.deadlines
            )
            row = rows.get(rules.key) if (d.purpose is Purpose.APPLICATION and d.county is None) else None
            out.append(CalendarEntry(
                scheme_id=rules.scheme_id, year=rules.year, title=rules.title, rule_set_status=rules.status,
                applicants=rules.applicants, deadline=d, deck_row=row, county_has_own_date=own,
            ))
    out.sort(key=CalendarEntry.sort_key)
    return out


# --------------------------------------------------------------------------- queries


def _moment(value: object, where: str) -> pendulum.DateTime:
    """A plain date is 00:00 that day in Europe/Oslo; anything else must be an aware instant."""
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return pendulum.datetime(value.year, value.month, value.day, tz=OSLO)
    return to_instant(value, where=where)


@attrs.frozen(kw_only=True)
class Opening:
    """A scheme an applicant may apply to: ``"yes"`` or ``"maybe"`` (the sources cannot decide), and why."""

    entry: CalendarEntry
    answer: Literal["yes", "maybe"]
    reason: str


def schemes_open_to(applicant: ApplicantType | str, on: object, *, county: str | None = None) -> list[Opening]:
    """The schemes ``applicant`` may still apply to at ``on`` (a date or an aware instant).

    Exact deadline: open while ``on`` is at or before it. Rolling: open in its
    budget year. Vague: "maybe" until the end of the month it names (or of its
    budget year). An uncertain "who may apply" also gives "maybe". When a call
    opens is not modelled (no source gives it): only the deadline decides.
    """
    kind = ApplicantType.parse(applicant)
    at = _moment(on, "on")
    county = check_county(county)
    out: list[Opening] = []
    for e in calendar_entries(county=county, purposes=(Purpose.APPLICATION,)):
        if e.county_has_own_date or kind not in e.applicant_types:
            continue
        d = e.deadline
        answer: Literal["yes", "maybe"]
        if d.kind is DeadlineKind.EXACT:
            if at > d.instant():
                continue
            answer, reason = "yes", f"deadline {e.when_text()} not passed"
        elif d.kind is DeadlineKind.ROLLING:
            if at.in_timezone(OSLO).year != e.year:
                continue
            answer, reason = "yes", f"rolling («{d.as_written}») in {e.year}"
        else:
            last = d.period()[1] if isinstance(d, ApproximateDeadline) else _dt.date(e.year, 12, 31)
            if at.in_timezone(OSLO).date() > last:
                continue
            answer, reason = "maybe", f"no date, only «{d.as_written}»"
        if e.county is not None and county is None:
            reason += f"; only in {e.county} (Statsforvalteren's own date)"
        doubts = e.uncertainty()
        if doubts:
            answer = "maybe"
            reason += "; " + "; ".join(doubts)
        out.append(Opening(entry=e, answer=answer, reason=reason))
    return out


def upcoming(now: object, days: int, *, county: str | None = None,
             purposes: Iterable[Purpose] = (Purpose.APPLICATION, Purpose.REPORTING),
             include_approximate: bool = True) -> list[CalendarEntry]:
    """Deadlines from ``now`` (aware instant or date) up to ``days`` days later, in date order.

    Exact deadlines count when ``now <= instant <= now + days``. With
    ``include_approximate``, a vague deadline that names a month is included when
    that month overlaps the window (it stays marked uncertain).
    """
    if isinstance(days, bool) or not isinstance(days, int) or days < 0:
        raise ValueError(f"days must be a whole number ≥ 0, got {days!r}")
    start = _moment(now, "now")
    end = start.add(days=days)
    out: list[CalendarEntry] = []
    for e in calendar_entries(county=county, purposes=purposes):
        d = e.deadline
        if d.kind is DeadlineKind.EXACT:
            if start <= d.instant() <= end:
                out.append(e)
        elif include_approximate and isinstance(d, ApproximateDeadline):
            first, last = d.period()
            if first <= end.in_timezone(OSLO).date() and last >= start.in_timezone(OSLO).date():
                out.append(e)
    return out


def check_submission(scheme_id: str, year: int, submitted_at: object, *,
                     purpose: Purpose = Purpose.APPLICATION, county: str | None = None,
                     round: str | None = None) -> SubmissionVerdict:
    """Was a submission at ``submitted_at`` on time? Uses the county's own date when it has one.

    ``round`` picks a round other than the ordinary one (``"restmidler"`` for the 2021 residual round).

    Raises :class:`~nedtrapping.registry.UnknownSchemeError` (naming the known ids),
    :class:`UnknownCountyError`, :class:`~nedtrapping.deadlines.NaiveDatetimeError`, or
    :class:`~nedtrapping.deadlines.NoFixedDeadlineError` for a rolling or vague deadline.
    """
    rules = get_rule_set(scheme_id, year)
    return rules.deadline(purpose, check_county(county), round).check(submitted_at)


def _relative(unit: str, count: int, tense: str) -> str:
    forms = Locale.load("nb").get(f"translations.relative.{unit}.{tense}")
    form = forms["one" if count == 1 else "other"]
    return str(form.format(count))


def days_left(deadline: Deadline, now: object) -> str:
    """How long until ``deadline`` from ``now``, in plain Norwegian (pendulum's "nb" locale).

    Counted in calendar days in Europe/Oslo ("om 3 dager", "for 2 dager siden"); on
    the day itself in hours or minutes. Rolling and vague deadlines say so in words.
    """
    at = to_instant(now, where="now")
    if deadline.kind is DeadlineKind.ROLLING:
        return f"løpende («{deadline.as_written}») — ingen frist"
    if deadline.kind is DeadlineKind.VAGUE:
        return f"ingen dato — kilden sier «{deadline.as_written}»"
    instant = deadline.instant()
    days = (instant.in_timezone(OSLO).date() - at.in_timezone(OSLO).date()).days
    clock = instant.in_timezone(OSLO).format("HH:mm")
    if days > 0:
        return f"{_relative('day', days, 'future')} (frist kl. {clock})"
    if days < 0:
        return f"fristen gikk ut {_relative('day', -days, 'past')}"
    remaining = (instant - at).total_seconds()
    if remaining < 0:  # even a microsecond late is late
        return f"fristen gikk ut i dag kl. {clock}"
    seconds = int(remaining)
    if seconds >= 3600:
        return f"i dag kl. {clock}, {_relative('hour', seconds // 3600, 'future')}"
    return f"i dag kl. {clock}, {_relative('minute', max(1, seconds // 60), 'future')}"


# --------------------------------------------------------------------------- exports

_PURPOSE_NB = {Purpose.APPLICATION: "Søknadsfrist", Purpose.REPORTING: "Rapporteringsfrist"}
_CSV_COLUMNS = (
    "scheme_id", "year", "title", "purpose", "county", "applicants", "applicants_status", "deadline",
    "deadline_as_written", "deadline_kind", "deadline_status", "approx_month", "rule_set_status", "uncertain",
    "uncertainty", "deck_row", "deck_deadline_as_written", "county_has_own_date", "source",
)


def _row_values(e: CalendarEntry) -> dict[str, str]:
    d = e.deadline
    row = e.deck_row
    return {
        "scheme_id": e.scheme_id,
        "year": str(e.year),
        "title": e.title,
        "purpose": d.purpose.value,
        "county": d.county or "",
        "applicants": e.applicants.value or "",
        "applicants_status": e.applicants.status.value,
        "deadline": d.instant().isoformat() if d.kind is DeadlineKind.EXACT else "",
        "deadline_as_written": d.as_written,
        "deadline_kind": d.kind.value,
        "deadline_status": d.status.value,
        "approx_month": (f"{d.approx_year}-{d.approx_month:02d}" if isinstance(d, ApproximateDeadline) else ""),
        "rule_set_status": e.rule_set_status.value,
        "uncertain": "yes" if e.uncertain else "no",
        "uncertainty": "; ".join(e.uncertainty()),
        "deck_row": str(row.number) if row is not None else "",
        "deck_deadline_as_written": (row.deadline_as_written.value or "") if row is not None else "",
        "county_has_own_date": "yes" if e.county_has_own_date else "no",
        "source": str(d.citation),
    }


def to_csv(entries: Sequence[CalendarEntry]) -> str:
    """The calendar as CSV (comma-separated, UTF-8 text, one row per deadline, a header row)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=_CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for e in entries:
        writer.writerow(_row_values(e))
    return buf.getvalue()


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def to_markdown(entries: Sequence[CalendarEntry]) -> str:
    """The calendar as a Markdown table; uncertain rows carry ⚠ and their reasons."""
    lines = [
        "| Frist | Type | Tilskudd | Hvem kan søke | Fylke | Usikkerhet | Kilde |",
        "|---|---|---|---|---|---|---|",
    ]
    for e in entries:
        doubt = "⚠ " + "; ".join(e.uncertainty()) if e.uncertain else ""
        if e.county_has_own_date:
            doubt = (doubt + "; " if doubt else "") + "fylket har egen frist"
        lines.append("| " + " | ".join(_md(x) for x in (
            e.when_text(), _PURPOSE_NB[e.purpose], f"{e.title} ({e.year})", e.applicants.value or "",
            e.county or "hele landet", doubt, e.deadline.citation.tag or e.deadline.citation.document,
        )) + " |")
    return "\n".join(lines) + "\n"


def to_text(entries: Sequence[CalendarEntry], *, now: object | None = None) -> str:
    """Plain text for a terminal: one line per deadline, doubt shown with ⚠ (and days left given ``now``)."""
    lines = []
    for e in entries:
        row = e.deck_row
        deck = f" [lysark rad {row.number}: «{row.deadline_as_written.value}»]" if row is not None else ""
        where = (f" — {e.deadline.round}" if e.deadline.round else "") + (f" — {e.county}" if e.county else "")
        line = (f"{e.when_text():<32} {_PURPOSE_NB[e.purpose]:<18} {e.title} ({e.year}){where}; "
                f"søkere: {e.applicants.value}{deck}")
        if now is not None:
            line += f"; {days_left(e.deadline, now)}"
        if e.uncertain:
            line += "  ⚠ " + "; ".join(e.uncertainty())
        if e.county_has_own_date:
            line += "  (fylket har egen frist)"
        lines.append(line)
    return "\n".join(lines) + "\n"


# ---- iCalendar (RFC 5545)


def _ics_escape(text: str) -> str:
    """TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
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


def _slug(text: str) -> str:
    table = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a"})
    return re.sub(r"[^a-z0-9]+", "-", text.translate(table).lower()).strip("-")


def ics_uid(e: CalendarEntry) -> str:
    """A stable UID from scheme id, year, purpose and county (``national`` when none)."""
    return f"{e.scheme_id}-{e.year}-{e.purpose.value}-{_slug(e.county) if e.county else 'national'}@nedtrapping"


def _utc(value: _dt.datetime) -> str:
    return value.astimezone(_dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def to_ics(entries: Sequence[CalendarEntry], *, stamp: object | None = None) -> str:
    """The calendar as iCalendar text: one VEVENT per deadline that has a time or a month.

    Exact deadlines are events at their instant (UTC). A vague deadline that names a
    month ("April(?)") is an all-day event spanning that month. Rolling deadlines and
    vague ones without a month have no place on a calendar and are left out (they
    are in the CSV, Markdown and text outputs). Uncertain events get "(USIKKER)" in
    SUMMARY, the reasons in DESCRIPTION and STATUS:TENTATIVE. DTSTAMP is ``stamp``
    (an aware instant) or :data:`DEFAULT_DTSTAMP`, so the output is deterministic.
    """
    dtstamp = _utc(to_instant(stamp, where="stamp") if stamp is not None else DEFAULT_DTSTAMP)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//nedtrapping//tilskuddskalender//NB",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Tilskuddskalender",
    ]
    seen: set[str] = set()
    for e in entries:
        d = e.deadline
        if d.kind is DeadlineKind.EXACT:
            when = [f"DTSTART:{_utc(d.instant())}"]
        elif isinstance(d, ApproximateDeadline):
            first, last = d.period()
            when = [f"DTSTART;VALUE=DATE:{first:%Y%m%d}",
                    f"DTEND;VALUE=DATE:{last + _dt.timedelta(days=1):%Y%m%d}"]
        else:
            continue
        uid = ics_uid(e)
        if uid in seen:
            raise ValueError(f"two calendar entries share the UID {uid!r}; a rule set has duplicate deadlines")
        seen.add(uid)
        doubts = e.uncertainty()
        where = f" ({e.county})" if e.county else ""
        summary = f"{'(USIKKER) ' if doubts else ''}{_PURPOSE_NB[e.purpose]}: {e.title}{where}"
        desc = [
            f"Hvem kan søke: {e.applicants.value}",
            f"Frist slik kilden skriver: {d.as_written}",
            f"Status: {d.status.value}",
        ]
        if doubts:
            desc.append("USIKKER: " + "; ".join(doubts))
        if d.note:
            desc.append(f"Merknad: {d.note}")
        desc.append(f"Kilde: {d.citation}")
        lines += ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{dtstamp}", *when,
                  f"SUMMARY:{_ics_escape(summary)}", f"DESCRIPTION:{_ics_escape(chr(10).join(desc))}",
                  f"STATUS:{'TENTATIVE' if doubts else 'CONFIRMED'}", "TRANSP:TRANSPARENT"]
        if d.citation.url:
            lines.append(f"URL:{d.citation.url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
