"""Deadlines as the sources give them: exact instants, rolling, vague, uncertain.

Why: a deadline in a slide deck is sometimes a date ("15. februar"), sometimes
"Løpende" (rolling), sometimes "Vår" (spring) and sometimes "31.3.22 ??". The
doubt is data (a :class:`~nedtrapping.provenance.Status`), never silently turned
into a firm date. An exact deadline is an instant in Europe/Oslo, 23:59 unless a
source says otherwise; pendulum handles the time zone (including DST). pendulum is
imported by the functions that need it, on their first call, so that importing the
rules (which hold deadlines) stays cheap.

Rule for submissions (an assumption, documented): a submission is on time when
it is at or before the deadline instant. A naive datetime (no time zone) is
refused, because "23:30" means nothing without knowing where.
"""

from __future__ import annotations

import datetime as _dt
import enum
from typing import TYPE_CHECKING

import attrs

from nedtrapping._refusal import expect, expected_got
from nedtrapping.errors import InvalidTypeError, InvalidValueError, NedtrappingError
from nedtrapping.provenance import Citation, Status
from nedtrapping.readable import DEFAULT_LANG, Lang, Readable
from nedtrapping.wording import Notice, text

if TYPE_CHECKING:
    import pendulum

__all__ = [
    "OSLO",
    "DeadlineKind",
    "Purpose",
    "Deadline",
    "SubmissionVerdict",
    "NoFixedDeadlineError",
    "NaiveDatetimeError",
    "to_instant",
    "exact_deadline",
    "ApproximateDeadline",
]

#: The time zone of every Norwegian deadline.
OSLO = "Europe/Oslo"
END_OF_DAY = _dt.time(23, 59)


class DeadlineKind(enum.Enum):
    #: A calendar day (with a time, 23:59 by default).
    EXACT = "exact"
    #: No deadline: applications are handled as they come ("Løpende").
    ROLLING = "rolling"
    #: Only a period is given ("Vår", "April(?)"): no instant can be derived.
    VAGUE = "vague"


class Purpose(enum.Enum):
    APPLICATION = "application"
    REPORTING = "reporting"


class NoFixedDeadlineError(NedtrappingError, ValueError):
    """The deadline has no instant (rolling or vague), so on-time cannot be decided."""


class NaiveDatetimeError(NedtrappingError, TypeError):
    """A datetime without a time zone was given where an instant is needed."""


def to_instant(value: object, *, where: str = "instant") -> pendulum.DateTime:
    """An aware instant as a pendulum DateTime; naive datetimes are refused.

    Accepts a pendulum DateTime, an aware :class:`datetime.datetime`, or an ISO 8601
    string with an offset (``2022-02-15T23:59:00+01:00``, or ``Z``/``z`` for UTC).
    """
    import pendulum
    if isinstance(value, str):
        if value.endswith("z"):  # RFC 3339 allows a lowercase "z" (UTC); pendulum's parser only takes "Z"
            value = value[:-1] + "Z"
        try:
            parsed = pendulum.parse(value, exact=True)
        except Exception as exc:  # pendulum raises its own ParserError
            raise InvalidValueError(Notice("model.deadline.not_iso", {"value": value, "reason": str(exc)}),
                                    field=where, value=value, expected=expect("aware_instant")) from None
        if not isinstance(parsed, _dt.datetime):
            raise InvalidValueError(Notice("model.deadline.date_only", {"value": value}), field=where, value=value,
                                    expected=expect("aware_instant"))
        if "+" not in value[10:] and "-" not in value[10:] and not value.endswith("Z"):
            raise NaiveDatetimeError(Notice("model.deadline.no_offset", {"value": value, "zone": OSLO}),
                                     field=where, value=value, expected=expect("aware_instant"))
        value = parsed
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise NaiveDatetimeError(Notice("model.deadline.naive", {"value": repr(value), "zone": OSLO}),
                                     field=where, value=value, expected=expect("aware_instant"))
        return pendulum.instance(value)
    raise InvalidTypeError(expected_got(expect("aware_instant"), value), field=where, value=value,
                           expected=expect("aware_instant"))


@attrs.frozen(kw_only=True)
class SubmissionVerdict:
    """Whether a submission met a deadline, and by how much it missed it."""

    on_time: bool
    submitted_at: pendulum.DateTime
    deadline_at: pendulum.DateTime
    deadline: Deadline

    @property
    def late_by(self) -> pendulum.Duration | None:
        """How late (``None`` when on time)."""
        if self.on_time:
            return None
        return self.submitted_at - self.deadline_at

    @property
    def margin(self) -> pendulum.Duration:
        """Time left before the deadline at the moment of submission (negative when late)."""
        return self.deadline_at - self.submitted_at

    def __bool__(self) -> bool:
        return self.on_time

    def explain(self, lang: Lang = DEFAULT_LANG) -> str:
        """The verdict in words, in ``lang`` (bokmål by default): on time or late by how much, and the source."""
        when = self.deadline_at.in_timezone(OSLO).format(text("model.deadline.format", lang), locale=lang)
        sub = self.submitted_at.in_timezone(OSLO).format(text("model.deadline.format_seconds", lang), locale=lang)
        if self.on_time:
            return text("model.deadline.on_time", lang, submitted=sub, deadline=when, source=self.deadline.citation)
        late = self.late_by
        assert late is not None
        return text("model.deadline.late", lang, late=late.in_words(locale=lang), submitted=sub, deadline=when,
                    source=self.deadline.citation)


def _check_kind(instance: Deadline, _attribute: object, _value: object) -> None:
    if instance.kind is DeadlineKind.EXACT and instance.day is None:
        raise InvalidValueError(Notice("model.deadline.exact_needs_day", {"as_written": instance.as_written}),
                                field="day", value=None)
    if instance.kind is not DeadlineKind.EXACT and instance.day is not None:
        raise InvalidValueError(Notice(f"model.deadline.{instance.kind.value}_has_no_day",
                                       {"as_written": instance.as_written}), field="day", value=instance.day)
    if instance.status is Status.UNKNOWN:
        raise InvalidValueError(Notice("model.deadline.unknown_status"), field="status", value=instance.status)


@attrs.frozen(kw_only=True)
class Deadline:
    """A deadline exactly as a source gives it, with its status and citation."""

    purpose: Purpose
    kind: DeadlineKind = attrs.field(validator=_check_kind)  # type: ignore[assignment]
    #: The words of the source, kept verbatim ("31.3.22 ??????", "Vår", "Løpende").
    as_written: str
    status: Status
    citation: Citation
    day: _dt.date | None = None
    time: _dt.time = END_OF_DAY
    timezone: str = OSLO
    #: ``None`` for the national deadline; a county name for a Statsforvalter's own date.
    county: str | None = None
    #: What a reader should know about the deadline (words from the catalogue).
    note: Readable | None = None
    #: Which round of a year the deadline belongs to (e.g. ``"restmidler"``, the residual round);
    #: ``None`` for the ordinary round. A county's date overrides only the national one of its round.
    round: str | None = None

    def instant(self) -> pendulum.DateTime:
        """The deadline as an instant; rolling and vague deadlines have none."""
        import pendulum

        if self.day is None:
            raise NoFixedDeadlineError(Notice(f"model.deadline.no_instant.{self.kind.value}",
                                              {"purpose": Notice(f"model.deadline.purpose.{self.purpose.value}"),
                                               "as_written": self.as_written}))
        return pendulum.datetime(
            self.day.year, self.day.month, self.day.day,
            self.time.hour, self.time.minute, self.time.second,
            tz=self.timezone,
        )

    def check(self, submitted_at: object) -> SubmissionVerdict:
        """Was a submission at ``submitted_at`` (an aware instant) on time?"""
        at = to_instant(submitted_at, where="submitted_at")
        deadline_at = self.instant()
        # compare in UTC: two datetimes with the same tzinfo compare by wall time, ignoring fold,
        # which is wrong in the hour that repeats when DST ends
        # (astimezone, not pendulum's in_timezone: the latter misreads a pendulum DateTime carrying
        # a zoneinfo tzinfo in that hour)
        on_time = at.astimezone(_dt.UTC) <= deadline_at.astimezone(_dt.UTC)
        return SubmissionVerdict(on_time=on_time, submitted_at=at, deadline_at=deadline_at, deadline=self)

    def is_on_time(self, submitted_at: object) -> bool:
        return self.check(submitted_at).on_time

    def describe(self, lang: Lang = DEFAULT_LANG) -> str:
        """Human text in ``lang``: the date, or the words of the source, with the status when not final."""
        if self.day is not None:
            when = self.instant().format(text("model.deadline.format", lang), locale=lang)
        else:
            when = self.as_written
        if self.status is not Status.FINAL:
            when = text("model.deadline.described", lang, when=when, status=self.status.text(lang),
                        as_written=self.as_written)
        return when


def exact_deadline(
    purpose: Purpose,
    day: _dt.date,
    citation: Citation,
    *,
    as_written: str | None = None,
    status: Status = Status.FINAL,
    time: _dt.time = END_OF_DAY,
    county: str | None = None,
    note: Readable | None = None,
    round: str | None = None,
) -> Deadline:
    """Shorthand for the common case: a day, 23:59 Europe/Oslo."""
    return Deadline(
        purpose=purpose,
        kind=DeadlineKind.EXACT,
        as_written=as_written or day.isoformat(),
        status=status,
        citation=citation,
        day=day,
        time=time,
        county=county,
        note=note,
        round=round,
    )


def _check_approximate(instance: ApproximateDeadline, _attribute: object, value: int) -> None:
    if instance.kind is not DeadlineKind.VAGUE:
        raise InvalidValueError(Notice("model.deadline.month_not_vague", {"as_written": instance.as_written}),
                                field="approx_month", value=value)
    if not 1 <= value <= 12:
        raise InvalidValueError(Notice("model.deadline.month_range", {"value": repr(value),
                                                                      "as_written": instance.as_written}),
                                field="approx_month", value=value, expected=expect("month"))


@attrs.frozen(kw_only=True)
class ApproximateDeadline(Deadline):
    """A vague deadline that names a month ("April(?)"): still no instant, but a period.

    Why a subclass and not a new field on :class:`Deadline`: existing rule sets keep
    their canonical form and so their digests. :meth:`~nedtrapping.deadlines.Deadline.instant` still refuses; the
    period is for calendars ("some time in April 2022"), never for on-time checks.
    """

    approx_year: int
    approx_month: int = attrs.field(validator=_check_approximate)

    def period(self) -> tuple[_dt.date, _dt.date]:
        """First and last day of the month the source names."""
        first = _dt.date(self.approx_year, self.approx_month, 1)
        nxt = _dt.date(self.approx_year + (self.approx_month == 12), self.approx_month % 12 + 1, 1)
        return first, nxt - _dt.timedelta(days=1)
