"""The grant calendar: every deadline of every registered rule set, queries and exports.

Why: people plan from the deck's calendar ("what can we apply for, by when, and
what is still uncertain?"). Here that calendar is built from the rule sets, so it
carries their sources and their doubt: an uncertain row stays visibly uncertain in
every output (text, CSV, Markdown and iCalendar), and is never turned into a firm date.

Every query takes the moment it is asked at (``now`` / ``on``) as a parameter; the
library never reads the clock. Instants must be aware (naive datetimes are refused,
see :func:`nedtrapping.deadlines.to_instant`); a plain date (a :class:`datetime.date`
or text ``"2022-02-01"``) means 00:00 that day in Europe/Oslo (:func:`to_moment`).

Deadlines without an instant are not dropped: a vague one with a period ("April(?)",
or "Vår" with the library's ASSUMED spring) and a rolling one ("Løpende", over its
budget year) are approximate entries with a period (:meth:`CalendarEntry.period`);
:func:`upcoming` includes them when the period overlaps the window and the .ics has
them as TENTATIVE all-day events. Statuses are shown in Norwegian in Norwegian
output (:func:`status_nb`, from :mod:`nedtrapping.wording`).

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
from typing import Literal

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
from nedtrapping.schemes.tilskuddskalender_2022 import AssumedPeriodDeadline, CalendarSchemeRules, DeckCalendarRow
from nedtrapping.wording import STATUS_NB, status_nb

__all__ = [
    "COUNTIES",
    "ApplicantType",
    "UnknownCountyError",
    "CalendarEntry",
    "Opening",
    "applicant_condition",
    "check_county",
    "STATUS_NB",
    "status_nb",
    "to_moment",
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
    "ics_summary",
    "DEFAULT_DTSTAMP",
]

_MONTHS_NB = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
              "november", "desember")

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


#: "Who may apply" texts that name only the type of applicant (and, for NAV, the channel it applies
#: through). Any other text sets a condition ("Kommuner som fikk tilskudd i 2021"), so an applicant of
#: the right type may apply only if it meets it.
_BARE_APPLICANTS = re.compile(r"kommuner?( m\.fl\.?| v/nav[- ]kontoret)?( ?\(\?\))?", re.IGNORECASE)


def applicant_condition(text: str) -> str | None:
    """The condition in a "who may apply" text beyond the bare type, or ``None``.

    >>> applicant_condition("Kommuner v/NAV kontoret") is None
    True
    >>> applicant_condition("Kommuner som fikk tilskudd i 2021")
    'Kommuner som fikk tilskudd i 2021'
    """
    cleaned = " ".join(text.split())
    return None if _BARE_APPLICANTS.fullmatch(cleaned) else cleaned


def _date_nb(day: _dt.date) -> str:
    return f"{day.day}. {_MONTHS_NB[day.month - 1]} {day.year}"


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
    #: How the rule set's year is known when no source states it (the deck's table: INFERRED), else ``None``.
    year_basis: Fact[int] | None = None

    @property
    def applicant_types(self) -> frozenset[ApplicantType]:
        return _applicant_types(self.applicants.value or "")

    @property
    def applicant_condition(self) -> str | None:
        """The "who may apply" text when it sets a condition beyond the type of applicant."""
        return applicant_condition(self.applicants.value or "")

    @property
    def county(self) -> str | None:
        return self.deadline.county

    @property
    def purpose(self) -> Purpose:
        return self.deadline.purpose

    @property
    def round(self) -> str | None:
        """The round (``"restmidler"`` for the 2021 residual round); ``None`` for the ordinary round."""
        return self.deadline.round

    @property
    def approximate(self) -> bool:
        """True when the deadline has no instant (vague or rolling): only a period, see :meth:`period`."""
        return self.deadline.kind is not DeadlineKind.EXACT

    def period(self) -> tuple[_dt.date, _dt.date] | None:
        """First and last day an approximate deadline may fall on; ``None`` for an exact deadline.

        A vague deadline with a month ("April(?)") or an assumed period ("Vår") gives that
        period; a rolling one, or a vague one without a period, gives its budget year.
        """
        d = self.deadline
        if d.kind is DeadlineKind.EXACT:
            return None
        if isinstance(d, ApproximateDeadline):
            return d.period()
        return _dt.date(self.year, 1, 1), _dt.date(self.year, 12, 31)

    def period_text(self) -> str:
        """The period in Norwegian ("april 2022", "mars–mai 2022, antatt", "hele 2022"); empty when exact."""
        period = self.period()
        if period is None:
            return ""
        first, last = period
        d = self.deadline
        if not isinstance(d, ApproximateDeadline):
            return f"hele {self.year}"
        if (first.year, first.month) == (last.year, last.month):
            text = f"{_MONTHS_NB[first.month - 1]} {first.year}"
        else:
            text = f"{_MONTHS_NB[first.month - 1]}–{_MONTHS_NB[last.month - 1]} {last.year}"
        if isinstance(d, AssumedPeriodDeadline):
            text += f", {status_nb(d.period_assumption.status)}"
        return text

    def uncertainty(self) -> list[str]:
        """Every reason to doubt this entry, in Norwegian words (empty when all of it is final)."""
        out: list[str] = []
        d = self.deadline
        if d.status is not Status.FINAL:
            line = f"frist {status_nb(d.status)}: «{d.as_written}»"
            basis = self.year_basis
            if basis is not None and basis.status is not Status.FINAL:
                dated = f", datert {basis.citation.published:%d.%m.%Y}" if basis.citation.published else ""
                line += (f" (året {basis.value} er {status_nb(basis.status, neuter=True)}: kilden "
                         f"({basis.citation.tag or basis.citation.document}{dated}) gir ikke år)")
            out.append(line)
        if isinstance(d, AssumedPeriodDeadline):
            assumption = d.period_assumption
            out.append(f"periode {status_nb(assumption.status)}: {assumption.value} — ingen kilde gir dato eller "
                       f"periode; biblioteket antar den ({assumption.citation.tag or assumption.citation.document})")
        if self.applicants.status is not Status.FINAL:
            out.append(f"hvem kan søke {status_nb(self.applicants.status)}: «{self.applicants.value}»")
        if self.rule_set_status is not Status.FINAL:
            out.append(f"regelverket er {status_nb(self.rule_set_status, neuter=True)}")
        row = self.deck_row
        if row is not None:
            deck_deadline = row.deadline_as_written
            if deck_deadline.status is not Status.FINAL and deck_deadline.value != d.as_written:
                words = f"«{deck_deadline.value}»"
                if "?" in d.as_written:
                    words += f" og «{d.as_written}»"
                line = f"lysarket skriver {words} med spørsmålstegn ({status_nb(deck_deadline.status)})"
                if d.status is Status.FINAL and d.kind is DeadlineKind.EXACT:
                    when = d.instant().format("DD.MM.YYYY [kl.] HH:mm", locale="nb")
                    line += (f"; {d.citation.tag or 'kilden'} ({d.citation.document}) bekrefter fristen "
                             f"{when}")
                out.append(line)
        return out

    @property
    def uncertain(self) -> bool:
        return bool(self.uncertainty())

    def when_text(self) -> str:
        """The deadline for people: a Norwegian date and time, or the source's own words and a period."""
        d = self.deadline
        if d.kind is DeadlineKind.EXACT:
            return d.instant().format("DD.MM.YYYY HH:mm", locale="nb")
        if isinstance(d, ApproximateDeadline):
            return f"{d.as_written} (omtrent {self.period_text()}; ingen dato)"
        if d.kind is DeadlineKind.ROLLING:
            return f"{d.as_written} (ingen frist, {self.period_text()})"
        return f"{d.as_written} (ingen dato)"

    def sort_key(self) -> tuple[_dt.datetime, str, str, str, str]:
        d = self.deadline
        period = self.period()
        if period is None:
            at = _dt.datetime.fromtimestamp(d.instant().timestamp(), tz=_dt.timezone.utc)
        else:
            at = _dt.datetime(period[0].year, period[0].month, period[0].day, tzinfo=_dt.timezone.utc)
        return (at, self.scheme_id, d.purpose.value, d.round or "", d.county or "")


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
            row = rows.get(rules.key) if (d.purpose is Purpose.APPLICATION and d.county is None
                                          and d.round is None) else None
            basis = rules.calendar_year if isinstance(rules, CalendarSchemeRules) else None
            out.append(CalendarEntry(
                scheme_id=rules.scheme_id, year=rules.year, title=rules.title, rule_set_status=rules.status,
                applicants=rules.applicants, deadline=d, deck_row=row, county_has_own_date=own, year_basis=basis,
            ))
    out.sort(key=CalendarEntry.sort_key)
    return out


# --------------------------------------------------------------------------- queries


_PLAIN_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def to_moment(value: object, *, where: str = "now") -> pendulum.DateTime:
    """The moment a query is asked at: an aware instant, or a plain date as 00:00 that day in Europe/Oslo.

    Accepts an aware datetime, an ISO 8601 date-time with an offset (``Z`` or ``z`` for
    UTC), a :class:`datetime.date`, or a plain ISO date ``"2022-02-01"``. Naive
    datetimes are refused (:class:`~nedtrapping.deadlines.NaiveDatetimeError`).

    >>> to_moment("2022-02-01").isoformat()
    '2022-02-01T00:00:00+01:00'
    """
    if isinstance(value, str) and _PLAIN_DATE.fullmatch(value.strip()):
        try:
            value = _dt.date.fromisoformat(value.strip())
        except ValueError as exc:
            raise ValueError(f"{where}: {value!r} is not a valid date ({exc})") from None
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return pendulum.datetime(value.year, value.month, value.day, tz=OSLO)
    return to_instant(value, where=where)


def _moment(value: object, where: str) -> pendulum.DateTime:
    return to_moment(value, where=where)


@attrs.frozen(kw_only=True)
class Opening:
    """A scheme an applicant may apply to: ``"yes"`` or ``"maybe"`` (the sources cannot decide), and why.

    ``condition`` is the "who may apply" text when it sets a condition beyond the
    type of applicant ("Kommuner som fikk tilskudd i 2021"): the answer is then
    "maybe" — only if the applicant meets it — and the reason starts with it.
    """

    entry: CalendarEntry
    answer: Literal["yes", "maybe"]
    reason: str
    condition: str | None = None


def schemes_open_to(applicant: ApplicantType | str, on: object, *, county: str | None = None) -> list[Opening]:
    """The schemes ``applicant`` may still apply to at ``on`` (a date or an aware instant).

    Exact deadline: open while ``on`` is at or before it. Rolling: open in its
    budget year. Vague: "maybe" until the end of its period (the month it names, the
    library's assumed period for "Vår", or its budget year). An uncertain "who may
    apply" gives "maybe", and so does a "who may apply" with a condition beyond the
    bare type ("Kommuner som fikk tilskudd i 2021"): the reason then says "only if
    …" with the text. When a call opens is not modelled (no source gives it): only
    the deadline decides.
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
            period = e.period()
            assert period is not None
            if at.in_timezone(OSLO).date() > period[1]:
                continue
            answer, reason = "maybe", f"no date, only «{d.as_written}» ({e.period_text()})"
        if e.round is not None:
            reason += f"; round «{e.round}»"
        if e.county is not None and county is None:
            reason += f"; only in {e.county} (Statsforvalteren's own date)"
        condition = e.applicant_condition
        if condition is not None:
            answer = "maybe"
            reason = f"only if the applicant fits «{condition}»; " + reason
        doubts = e.uncertainty()
        if doubts:
            answer = "maybe"
            reason += "; " + "; ".join(doubts)
        out.append(Opening(entry=e, answer=answer, reason=reason, condition=condition))
    return out


def upcoming(now: object, days: int, *, county: str | None = None,
             purposes: Iterable[Purpose] = (Purpose.APPLICATION, Purpose.REPORTING),
             include_approximate: bool = True) -> list[CalendarEntry]:
    """Deadlines from ``now`` (aware instant or date) up to ``days`` days later, in date order.

    Exact deadlines count when ``now <= instant <= now + days``. With
    ``include_approximate`` (the default), a deadline without an instant counts when
    its period (:meth:`CalendarEntry.period`: the month of "April(?)", the assumed
    spring of "Vår", the budget year of "Løpende") overlaps the window, counted in
    Oslo calendar days; such entries have ``approximate`` set and stay marked.
    """
    if isinstance(days, bool) or not isinstance(days, int) or days < 0:
        raise ValueError(f"days must be a whole number ≥ 0, got {days!r}")
    start = _moment(now, "now")
    try:
        end = start.add(days=days)
    except (OverflowError, ValueError):
        raise ValueError(f"days={days} reaches beyond the last date a calendar can hold (year 9999); "
                         "give a smaller window") from None
    out: list[CalendarEntry] = []
    for e in calendar_entries(county=county, purposes=purposes):
        period = e.period()
        if period is None:
            if start <= e.deadline.instant() <= end:
                out.append(e)
        elif include_approximate:
            first, last = period
            if first <= end.in_timezone(OSLO).date() and last >= start.in_timezone(OSLO).date():
                out.append(e)
    return out


def _purpose(value: object) -> Purpose:
    if isinstance(value, Purpose):
        return value
    if isinstance(value, str):
        key = value.strip().lower()
        for p in Purpose:
            if key in (p.value, p.name.lower()):
                return p
        raise ValueError(f"purpose: unknown purpose {value!r}; known: {', '.join(p.value for p in Purpose)}")
    raise TypeError(f"purpose: expected a Purpose or its value ('application', 'reporting'), "
                    f"got {type(value).__name__} {value!r}")


def check_submission(scheme_id: str, year: int, submitted_at: object, *,
                     purpose: Purpose | str = Purpose.APPLICATION, county: str | None = None,
                     round: str | None = None) -> SubmissionVerdict:
    """Was a submission at ``submitted_at`` on time? Uses the county's own date when it has one.

    ``purpose`` is a :class:`~nedtrapping.deadlines.Purpose` or its value
    (``"application"``, ``"reporting"``). ``round`` picks a round other than the
    ordinary one (``"restmidler"`` for the 2021 residual round).

    Raises :class:`TypeError` for a ``scheme_id`` that is not text or a ``year`` that
    is not a whole number (``"2022"`` is refused, not read),
    :class:`~nedtrapping.registry.UnknownSchemeError` (naming the known ids),
    :class:`UnknownCountyError`, :class:`~nedtrapping.deadlines.NaiveDatetimeError`, or
    :class:`~nedtrapping.deadlines.NoFixedDeadlineError` for a rolling or vague deadline.
    """
    if not isinstance(scheme_id, str):
        raise TypeError(f"scheme_id: expected text such as 'nav-sosiale-tjenester', "
                        f"got {type(scheme_id).__name__} {scheme_id!r}")
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError(f"year: expected a whole number such as 2022, got {type(year).__name__} {year!r}")
    if round is not None and not isinstance(round, str):
        raise TypeError(f"round: expected text such as 'restmidler' or None, got {type(round).__name__} {round!r}")
    wanted = _purpose(purpose)
    rules = get_rule_set(scheme_id, year)
    return rules.deadline(wanted, check_county(county), round).check(submitted_at)


def _relative(unit: str, count: int, tense: str) -> str:
    forms = Locale.load("nb").get(f"translations.relative.{unit}.{tense}")
    form = forms["one" if count == 1 else "other"]
    return str(form.format(count))


def days_left(deadline: Deadline, now: object) -> str:
    """How long until ``deadline`` from ``now``, in plain Norwegian (pendulum's "nb" locale).

    Counted in calendar days in Europe/Oslo ("om 3 dager", "for 2 dager siden"); on
    the day itself in hours or minutes. Rolling and vague deadlines say so in words.
    ``now`` is an aware instant or a plain date (00:00 Europe/Oslo, see :func:`to_moment`).
    """
    at = to_moment(now, where="now")
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
    "scheme_id", "year", "year_status", "title", "purpose", "round", "county", "applicants", "applicants_status",
    "applicant_condition", "deadline", "deadline_as_written", "deadline_kind", "deadline_status", "approx_month",
    "period_start", "period_end", "period_status", "rule_set_status", "uncertain", "uncertainty", "deck_row",
    "deck_deadline_as_written", "county_has_own_date", "note", "source",
)


def _period_status(e: CalendarEntry) -> str:
    d = e.deadline
    if e.period() is None:
        return ""
    if isinstance(d, AssumedPeriodDeadline):
        return d.period_assumption.status.value
    return d.status.value


def _row_values(e: CalendarEntry) -> dict[str, str]:
    d = e.deadline
    row = e.deck_row
    period = e.period()
    approx_month = ""
    if isinstance(d, AssumedPeriodDeadline):
        approx_month = f"{d.approx_year}-{d.approx_month:02d}/{d.approx_year}-{d.last_month:02d}"
    elif isinstance(d, ApproximateDeadline):
        approx_month = f"{d.approx_year}-{d.approx_month:02d}"
    year_status = e.year_basis.status.value if e.year_basis is not None else Status.FINAL.value
    return {
        "scheme_id": e.scheme_id,
        "year": str(e.year),
        "year_status": year_status,
        "title": e.title,
        "purpose": d.purpose.value,
        "round": d.round or "",
        "county": d.county or "",
        "applicants": e.applicants.value or "",
        "applicants_status": e.applicants.status.value,
        "applicant_condition": e.applicant_condition or "",
        "deadline": d.instant().isoformat() if d.kind is DeadlineKind.EXACT else "",
        "deadline_as_written": d.as_written,
        "deadline_kind": d.kind.value,
        "deadline_status": d.status.value,
        "approx_month": approx_month,
        "period_start": period[0].isoformat() if period else "",
        "period_end": period[1].isoformat() if period else "",
        "period_status": _period_status(e),
        "rule_set_status": e.rule_set_status.value,
        "uncertain": "yes" if e.uncertain else "no",
        "uncertainty": "; ".join(e.uncertainty()),
        "deck_row": str(row.number) if row is not None else "",
        "deck_deadline_as_written": (row.deadline_as_written.value or "") if row is not None else "",
        "county_has_own_date": "yes" if e.county_has_own_date else "no",
        "note": d.note or "",
        "source": str(d.citation),
    }


def to_csv(entries: Sequence[CalendarEntry]) -> str:
    """The calendar as CSV (comma-separated, UTF-8 text, one row per deadline, a header row).

    Machine-readable: statuses are the English enum values (``final``, ``inferred``…);
    ``round`` is empty for the ordinary round; ``period_start``/``period_end`` give the
    period of an approximate deadline and ``period_status`` how sure it is
    (``assumed`` for the library's spring).
    """
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=_CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for e in entries:
        writer.writerow(_row_values(e))
    return buf.getvalue()


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _round_nb(e: CalendarEntry) -> str:
    return e.round if e.round else "ordinær"


def to_markdown(entries: Sequence[CalendarEntry]) -> str:
    """The calendar as a Markdown table; uncertain rows carry ⚠ and their reasons, approximate ones ≈."""
    lines = [
        "| Frist | Type | Runde | Tilskudd | Hvem kan søke | Fylke | Usikkerhet | Kilde |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for e in entries:
        doubt = "⚠ " + "; ".join(e.uncertainty()) if e.uncertain else ""
        if e.county_has_own_date:
            doubt = (doubt + "; " if doubt else "") + "fylket har egen frist"
        when = ("≈ " if e.approximate else "") + e.when_text()
        lines.append("| " + " | ".join(_md(x) for x in (
            when, _PURPOSE_NB[e.purpose], _round_nb(e), f"{e.title} ({e.year})", e.applicants.value or "",
            e.county or "hele landet", doubt, e.deadline.citation.tag or e.deadline.citation.document,
        )) + " |")
    return "\n".join(lines) + "\n"


def to_text(entries: Sequence[CalendarEntry], *, now: object | None = None) -> str:
    """Plain text for a terminal: one line per deadline, doubt shown with ⚠, approximate ones with ≈
    (and days left given ``now``)."""
    lines = []
    for e in entries:
        row = e.deck_row
        deck = f" [lysark rad {row.number}: «{row.deadline_as_written.value}»]" if row is not None else ""
        where = (f" — {e.round}" if e.round else "") + (f" — {e.county}" if e.county else "")
        when = ("≈ " if e.approximate else "") + e.when_text()
        line = (f"{when:<32} {_PURPOSE_NB[e.purpose]:<18} {e.title} ({e.year}){where}; "
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
    """A stable UID from scheme id, year, purpose, round (only when not the ordinary one) and county.

    ``kommunalt-rusarbeid-2021-application-restmidler-troms-og-finnmark@nedtrapping``: a county
    with both an ordinary date and a residual-round date gets two UIDs. The ordinary round's UIDs
    have no round part, so they are the same as before rounds existed.
    """
    round_part = f"-{_slug(e.round)}" if e.round else ""
    where = _slug(e.county) if e.county else "national"
    return f"{e.scheme_id}-{e.year}-{e.purpose.value}{round_part}-{where}@nedtrapping"


def ics_summary(e: CalendarEntry) -> str:
    """The SUMMARY of an entry's event: doubt and approximation marks, purpose, grant year, round, title, county.

    E.g. ``"Rapporteringsfrist (2022): Tilskudd til kommunalt rusarbeid"`` or
    ``"Søknadsfrist (2021, restmidler): Tilskudd til kommunalt rusarbeid (Troms og Finnmark)"``.
    """
    marks = ("(USIKKER) " if e.uncertain else "") + ("(OMTRENT) " if e.approximate else "")
    year = f"{e.year}, {e.round}" if e.round else str(e.year)
    where = f" ({e.county})" if e.county else ""
    return f"{marks}{_PURPOSE_NB[e.purpose]} ({year}): {e.title}{where}"


def _utc(value: _dt.datetime) -> str:
    return value.astimezone(_dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _ics_description(e: CalendarEntry, doubts: list[str]) -> str:
    d = e.deadline
    desc = [
        f"Hvem kan søke: {e.applicants.value}",
        f"Frist slik den er skrevet: {d.as_written}",
    ]
    if e.round:
        desc.append(f"Runde: {e.round}")
    if e.approximate:
        if d.kind is DeadlineKind.ROLLING:
            desc.append(f"Løpende: ingen frist, søknader behandles fortløpende. Hendelsen dekker budsjettåret "
                        f"({e.period_text()}); den er ikke en frist.")
        else:
            desc.append(f"Omtrentlig: ingen dato, bare en periode ({e.period_text()}). Hendelsen dekker hele "
                        f"perioden; den er ikke en frist.")
    desc.append(f"Status: {status_nb(d.status)}")
    if doubts:
        desc.append("USIKKER: " + "; ".join(doubts))
    if d.note:
        desc.append(f"Merknad: {d.note}")
    desc.append(f"Kilde: {d.citation}")
    if isinstance(d, AssumedPeriodDeadline):
        desc.append(f"Perioden er antatt: {d.period_assumption.citation}")
    return "\n".join(desc)


def to_ics(entries: Sequence[CalendarEntry], *, stamp: object | None = None) -> str:
    """The calendar as iCalendar text: one VEVENT per deadline, none left out.

    Exact deadlines are events at their instant (UTC). A deadline without an instant
    is a TENTATIVE all-day event over its period (:meth:`CalendarEntry.period`): the
    month of "April(?)", the library's ASSUMED spring for "Vår" (1 March – 31 May),
    the budget year of "Løpende"; its SUMMARY has "(OMTRENT)" and its DESCRIPTION
    says that it is a period, not a deadline. Uncertain events get "(USIKKER)" in
    SUMMARY, the reasons in DESCRIPTION and STATUS:TENTATIVE. Every SUMMARY has the
    grant year and, when not the ordinary round, the round (:func:`ics_summary`);
    the UID has the round too (:func:`ics_uid`). DTSTAMP is ``stamp`` (an aware
    instant) or :data:`DEFAULT_DTSTAMP`, so the output is deterministic.
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
        doubts = e.uncertainty()
        tentative = bool(doubts) or e.approximate
        lines += ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{dtstamp}", *when,
                  f"SUMMARY:{_ics_escape(ics_summary(e))}", f"DESCRIPTION:{_ics_escape(_ics_description(e, doubts))}",
                  f"STATUS:{'TENTATIVE' if tentative else 'CONFIRMED'}", "TRANSP:TRANSPARENT"]
        if d.citation.url:
            lines.append(f"URL:{d.citation.url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
