"""The grant calendar: every deadline of every registered rule set, and the queries on it.

Why: people plan from the deck's calendar ("what can we apply for, by when, and
what is still uncertain?"). Here that calendar is built from the rule sets, so it
carries their sources and their doubt: an uncertain row stays visibly uncertain in
every output, and is never turned into a firm date. This module is the model and
its queries only; the outputs (text, CSV, Markdown and iCalendar) are in
:mod:`nedtrapping.render.calendar` and :mod:`nedtrapping.render.ics`. The words of
entries, periods, doubts and days left come from :mod:`nedtrapping.wording` (keys
``calendar.*``; Norwegian by default, ``lang="en"`` for English).

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

The exporters (text, CSV, Markdown, .ics) are in the output layer:
:mod:`nedtrapping.render.calendar` and :mod:`nedtrapping.render.ics`.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from collections.abc import Iterable
from typing import Literal

import attrs
import pendulum

from nedtrapping._refusal import expect, expected_got
from nedtrapping.calendars.tilskuddskalender_2022 import (
    DECK_CALENDAR,
    AssumedPeriodDeadline,
    CalendarSchemeRules,
    DeckCalendarRow,
)
from nedtrapping.counties import COUNTIES, UnknownCountyError, check_county
from nedtrapping.deadlines import (
    OSLO,
    ApproximateDeadline,
    Deadline,
    DeadlineKind,
    Purpose,
    SubmissionVerdict,
    to_instant,
)
from nedtrapping.errors import InvalidTypeError, InvalidValueError
from nedtrapping.provenance import Fact, Status
from nedtrapping.readable import Readable
from nedtrapping.registry import all_rule_sets, get_rule_set
from nedtrapping.ruleset import RuleSet
from nedtrapping.wording import DEFAULT_LANG, Lang, Notice, status_nb, status_word
from nedtrapping.wording import text as _text

__all__ = [
    "COUNTIES",
    "ApplicantType",
    "UnknownCountyError",
    "CalendarEntry",
    "Opening",
    "applicant_condition",
    "check_county",
    "status_nb",
    "to_moment",
    "calendar_entries",
    "schemes_open_to",
    "upcoming",
    "check_submission",
    "days_left",
]

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
        raise InvalidValueError(Notice("model.calendar.unknown_applicant", {"value": str(value),
                                                                            "known": ", ".join(t.value for t in cls)}),
                                field="applicant", value=value, expected=expect("applicant"))


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


def _month(month: int, lang: Lang) -> str:
    return _text(f"calendar.month.{month}", lang)


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

    def period_text(self, lang: Lang = DEFAULT_LANG) -> str:
        """The period in words ("april 2022", "mars–mai 2022, antatt", "hele 2022"); empty when exact.

        >>> entry = next(e for e in calendar_entries() if e.scheme_id == "frisklivs-og-laeringstilbud")
        >>> entry.period_text(), entry.period_text("en")
        ('mars–mai 2022, antatt', 'March–May 2022, assumed')
        """
        period = self.period()
        if period is None:
            return ""
        first, last = period
        d = self.deadline
        if not isinstance(d, ApproximateDeadline):
            return _text("calendar.period.budget_year", lang, year=self.year)
        if (first.year, first.month) == (last.year, last.month):
            words = _text("calendar.period.month", lang, month=_month(first.month, lang), year=first.year)
        else:
            words = _text("calendar.period.months", lang, first=_month(first.month, lang),
                          last=_month(last.month, lang), year=last.year)
        if isinstance(d, AssumedPeriodDeadline):
            words = _text("calendar.period.with_status", lang, period=words,
                          status=status_word(d.period_assumption.status, lang))
        return words

    def uncertainty(self, lang: Lang = DEFAULT_LANG) -> list[str]:
        """Every reason to doubt this entry, in words (Norwegian by default; empty when all of it is final)."""
        out: list[str] = []
        d = self.deadline
        if d.status is not Status.FINAL:
            line = _text("calendar.doubt.deadline", lang, status=status_word(d.status, lang), as_written=d.as_written)
            basis = self.year_basis
            if basis is not None and basis.status is not Status.FINAL:
                published = basis.citation.published
                dated = _text("calendar.doubt.dated", lang, date=published) if published else ""
                line += _text("calendar.doubt.year", lang, year=basis.value,
                              status=status_word(basis.status, lang, neuter=True),
                              source=basis.citation.tag or basis.citation.document, dated=dated)
            out.append(line)
        if isinstance(d, AssumedPeriodDeadline):
            assumption = d.period_assumption
            out.append(_text("calendar.doubt.period", lang, status=status_word(assumption.status, lang),
                             period=assumption.value,
                             source=assumption.citation.tag or assumption.citation.document))
        if self.applicants.status is not Status.FINAL:
            out.append(_text("calendar.doubt.applicants", lang, status=status_word(self.applicants.status, lang),
                             applicants=self.applicants.value))
        if self.rule_set_status is not Status.FINAL:
            out.append(_text("calendar.doubt.rule_set", lang,
                             status=status_word(self.rule_set_status, lang, neuter=True)))
        row = self.deck_row
        if row is not None:
            deck_deadline = row.deadline_as_written
            if deck_deadline.status is not Status.FINAL and deck_deadline.value != d.as_written:
                if "?" in d.as_written:
                    words = _text("calendar.doubt.deck_words", lang, first=deck_deadline.value, second=d.as_written)
                else:
                    words = _text("calendar.doubt.deck_word", lang, word=deck_deadline.value)
                line = _text("calendar.doubt.deck", lang, words=words, status=status_word(deck_deadline.status, lang))
                if d.status is Status.FINAL and d.kind is DeadlineKind.EXACT:
                    line += _text("calendar.doubt.deck_confirmed", lang,
                                  source=d.citation.tag or _text("calendar.doubt.the_source", lang),
                                  document=d.citation.document, at=d.instant())
                out.append(line)
        return out

    @property
    def uncertain(self) -> bool:
        return bool(self.uncertainty())

    def when_text(self, lang: Lang = DEFAULT_LANG) -> str:
        """The deadline for people: a date and time, or the source's own words and a period.

        >>> entry = next(e for e in calendar_entries() if e.scheme_id == "nav-sosiale-tjenester")
        >>> entry.when_text(), entry.when_text("en")
        ('01.02.2022 23:59', '2022-02-01 23:59')
        """
        d = self.deadline
        if d.kind is DeadlineKind.EXACT:
            return _text("calendar.when.exact", lang, at=d.instant())
        if isinstance(d, ApproximateDeadline):
            return _text("calendar.when.approximate", lang, as_written=d.as_written, period=self.period_text(lang))
        if d.kind is DeadlineKind.ROLLING:
            return _text("calendar.when.rolling", lang, as_written=d.as_written, period=self.period_text(lang))
        return _text("calendar.when.no_date", lang, as_written=d.as_written)

    def sort_key(self) -> tuple[_dt.datetime, str, str, str, str]:
        d = self.deadline
        period = self.period()
        if period is None:
            at = _dt.datetime.fromtimestamp(d.instant().timestamp(), tz=_dt.UTC)
        else:
            at = _dt.datetime(period[0].year, period[0].month, period[0].day, tzinfo=_dt.UTC)
        return (at, self.scheme_id, d.purpose.value, d.round or "", d.county or "")


def _deck_rows() -> dict[tuple[str, int], DeckCalendarRow]:
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
            raise InvalidValueError(Notice("model.calendar.bad_date", {"value": value, "reason": str(exc)}), field=where,
                                    value=value, expected=expect("date_iso")) from None
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return pendulum.datetime(value.year, value.month, value.day, tz=OSLO)
    return to_instant(value, where=where)


@attrs.frozen(kw_only=True)
class Opening:
    """A scheme an applicant may apply to: ``"yes"`` or ``"maybe"`` (the sources cannot decide), and why.

    ``condition`` is the "who may apply" text when it sets a condition beyond the
    type of applicant ("Kommuner som fikk tilskudd i 2021"): the answer is then
    "maybe" — only if the applicant meets it — and the reason starts with it.
    """

    entry: CalendarEntry
    answer: Literal["yes", "maybe"]
    #: Why, in words (``reason.text("en")`` in English; ``str(reason)`` in bokmål).
    reason: Readable
    condition: str | None = None


@attrs.frozen
class _OpeningReason:
    """Why a scheme is open to an applicant, worded in the language it is read in."""

    entry: CalendarEntry
    #: ``model.calendar.open.<kind>``: the deadline is exact and not passed, rolling, or only a period.
    kind: str
    #: The applicant asked for the whole country (no county): a county's own date is then named.
    nationwide: bool

    def text(self, lang: Lang = DEFAULT_LANG, /) -> str:
        e, d = self.entry, self.entry.deadline
        reason = _text(f"model.calendar.open.{self.kind}", lang, when=e.when_text(lang), as_written=d.as_written,
                       year=e.year, period=e.period_text(lang))
        if e.round is not None:
            reason += _text("model.calendar.open.round", lang, round=e.round)
        if e.county is not None and self.nationwide:
            reason += _text("model.calendar.open.county", lang, county=e.county)
        if e.applicant_condition is not None:
            reason = _text("model.calendar.open.condition", lang, condition=e.applicant_condition) + reason
        doubts = e.uncertainty(lang)
        if doubts:
            reason += "; " + "; ".join(doubts)
        return reason

    def __str__(self) -> str:
        return self.text(DEFAULT_LANG)


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
    at = to_moment(on, where="on")
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
            answer, why = "yes", "exact"
        elif d.kind is DeadlineKind.ROLLING:
            if at.in_timezone(OSLO).year != e.year:
                continue
            answer, why = "yes", "rolling"
        else:
            period = e.period()
            assert period is not None
            if at.in_timezone(OSLO).date() > period[1]:
                continue
            answer, why = "maybe", "vague"
        condition = e.applicant_condition
        if condition is not None or e.uncertainty():
            answer = "maybe"
        out.append(Opening(entry=e, answer=answer, reason=_OpeningReason(e, why, county is None), condition=condition))
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
        raise InvalidValueError(expected_got(expect("days"), days), field="days", value=days, expected=expect("days"))
    start = to_moment(now, where="now")
    try:
        end = start.add(days=days)
    except (OverflowError, ValueError):
        raise InvalidValueError(Notice("model.calendar.days_too_far", {"days": days}), field="days", value=days,
                                expected=expect("smaller_window")) from None
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
        raise InvalidValueError(Notice("model.calendar.unknown_purpose", {"value": value,
                                                                          "known": ", ".join(p.value for p in Purpose)}),
                                field="purpose", value=value, expected=expect("purpose_value"))
    raise InvalidTypeError(expected_got(expect("purpose_value"), value), field="purpose", value=value,
                           expected=expect("purpose_value"))


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
        raise InvalidTypeError(expected_got(expect("scheme_id"), scheme_id), field="scheme_id", value=scheme_id,
                               expected=expect("scheme_id"))
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidTypeError(expected_got(expect("year_example"), year), field="year", value=year,
                               expected=expect("year_example"))
    if round is not None and not isinstance(round, str):
        raise InvalidTypeError(expected_got(expect("round"), round), field="round", value=round, expected=expect("round"))
    wanted = _purpose(purpose)
    rules = get_rule_set(scheme_id, year)
    return rules.deadline(wanted, check_county(county), round).check(submitted_at)


def _relative(unit: str, count: int, tense: str, lang: Lang) -> str:
    form = "one" if count == 1 else "other"
    return _text(f"calendar.relative.{unit}.{tense}.{form}", lang, count=count)


def days_left(deadline: Deadline, now: object, *, lang: Lang = DEFAULT_LANG) -> str:
    """How long until ``deadline`` from ``now``, in plain words (Norwegian by default).

    Counted in calendar days in Europe/Oslo ("om 3 dager", "for 2 dager siden"); on
    the day itself in hours or minutes. Rolling and vague deadlines say so in words.
    ``now`` is an aware instant or a plain date (00:00 Europe/Oslo, see :func:`to_moment`).

    >>> from nedtrapping.registry import get_rule_set
    >>> deadline = get_rule_set("kommunalt-rusarbeid", 2022).deadline(Purpose.APPLICATION)
    >>> days_left(deadline, "2022-02-12"), days_left(deadline, "2022-02-12", lang="en")
    ('om 3 dager (frist kl. 23:59)', 'in 3 days (deadline at 23:59)')
    """
    at = to_moment(now, where="now")
    if deadline.kind is DeadlineKind.ROLLING:
        return _text("calendar.days_left.rolling", lang, as_written=deadline.as_written)
    if deadline.kind is DeadlineKind.VAGUE:
        return _text("calendar.days_left.vague", lang, as_written=deadline.as_written)
    instant = deadline.instant()
    days = (instant.in_timezone(OSLO).date() - at.in_timezone(OSLO).date()).days
    clock = instant.in_timezone(OSLO).format("HH:mm")
    if days > 0:
        return _text("calendar.days_left.future", lang, relative=_relative("day", days, "future", lang), clock=clock)
    if days < 0:
        return _text("calendar.days_left.past", lang, relative=_relative("day", -days, "past", lang))
    remaining = (instant - at).total_seconds()
    if remaining < 0:  # even a microsecond late is late
        return _text("calendar.days_left.passed_today", lang, clock=clock)
    seconds = int(remaining)
    if seconds >= 3600:
        relative = _relative("hour", seconds // 3600, "future", lang)
    else:
        relative = _relative("minute", max(1, seconds // 60), "future", lang)
    return _text("calendar.days_left.today", lang, clock=clock, relative=relative)
