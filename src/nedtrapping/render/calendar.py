"""The grant calendar as plain text, CSV and Markdown.

Why here: :mod:`nedtrapping.calendar` builds the entries and answers the queries;
how they look is decided only in this output layer, with the words from
:mod:`nedtrapping.wording` (Norwegian by default, ``lang="en"`` for English). Every
output keeps the doubt: an uncertain entry carries ⚠ and its reasons, an
approximate one (no instant, only a period) carries ≈. The iCalendar file is
:mod:`nedtrapping.render.ics`.

>>> from nedtrapping.calendar import calendar_entries
>>> entries = [e for e in calendar_entries(county="Nordland") if e.scheme_id == "nav-sosiale-tjenester"]
>>> print(to_markdown(entries).splitlines()[0])
| Frist | Type | Runde | Tilskudd | Hvem kan søke | Fylke | Usikkerhet | Kilde |
>>> print(to_markdown(entries, lang="en").splitlines()[0])
| Deadline | Type | Round | Grant | Who may apply | County | Uncertainty | Source |
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from nedtrapping.calendar import CalendarEntry, days_left
from nedtrapping.calendars.tilskuddskalender_2022 import AssumedPeriodDeadline
from nedtrapping.deadlines import ApproximateDeadline, DeadlineKind, Purpose
from nedtrapping.provenance import Status
from nedtrapping.readable import read
from nedtrapping.wording import DEFAULT_LANG, Lang, text

__all__ = ["to_text", "to_csv", "to_markdown", "CSV_COLUMNS"]

#: The CSV columns, in order: stable English names for programs (they do not follow ``lang``).
CSV_COLUMNS: tuple[str, ...] = (
    "scheme_id", "year", "year_status", "title", "purpose", "round", "county", "applicants", "applicants_status",
    "applicant_condition", "deadline", "deadline_as_written", "deadline_kind", "deadline_status", "approx_month",
    "period_start", "period_end", "period_status", "rule_set_status", "uncertain", "uncertainty", "deck_row",
    "deck_deadline_as_written", "county_has_own_date", "note", "source",
)


def _purpose(e: CalendarEntry, lang: Lang) -> str:
    return text(f"calendar.purpose.{e.purpose.value}", lang)


def _period_status(e: CalendarEntry) -> str:
    d = e.deadline
    if e.period() is None:
        return ""
    if isinstance(d, AssumedPeriodDeadline):
        return d.period_assumption.status.value
    return d.status.value


def _row_values(e: CalendarEntry, lang: Lang) -> dict[str, str]:
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
        "uncertainty": "; ".join(e.uncertainty(lang)),
        "deck_row": str(row.number) if row is not None else "",
        "deck_deadline_as_written": (row.deadline_as_written.value or "") if row is not None else "",
        "county_has_own_date": "yes" if e.county_has_own_date else "no",
        "note": read(d.note, lang),
        "source": str(d.citation),
    }


def to_csv(entries: Sequence[CalendarEntry], *, lang: Lang = DEFAULT_LANG) -> str:
    """The calendar as CSV (comma-separated, UTF-8 text, one row per deadline, a header row).

    Machine-readable: the columns (:data:`CSV_COLUMNS`) and the values are stable
    English (statuses are the enum values ``final``, ``inferred``…; ``yes``/``no``);
    ``round`` is empty for the ordinary round; ``period_start``/``period_end`` give the
    period of an approximate deadline and ``period_status`` how sure it is
    (``assumed`` for the library's spring). Only the free-text columns ``uncertainty``
    (the reasons) and ``note`` (the deadline's note), both for people, follow ``lang``.
    """
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for e in entries:
        writer.writerow(_row_values(e, lang))
    return buf.getvalue()


def _md(cell: str) -> str:
    return cell.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def to_markdown(entries: Sequence[CalendarEntry], *, lang: Lang = DEFAULT_LANG) -> str:
    """The calendar as a Markdown table; uncertain rows carry ⚠ and their reasons, approximate ones ≈."""
    columns = ("deadline", "type", "round", "grant", "applicants", "county", "uncertainty", "source")
    lines = [
        "| " + " | ".join(text(f"calendar.col.{c}", lang) for c in columns) + " |",
        "|" + "---|" * len(columns),
    ]
    own_date = text("calendar.county_has_own_date", lang)
    for e in entries:
        doubt = "⚠ " + "; ".join(e.uncertainty(lang)) if e.uncertain else ""
        if e.county_has_own_date:
            doubt = (doubt + "; " if doubt else "") + own_date
        when = ("≈ " if e.approximate else "") + e.when_text(lang)
        lines.append("| " + " | ".join(_md(x) for x in (
            when, _purpose(e, lang), e.round or text("calendar.round.ordinary", lang), f"{e.title} ({e.year})",
            e.applicants.value or "", e.county or text("calendar.nationwide", lang), doubt,
            e.deadline.citation.tag or e.deadline.citation.document,
        )) + " |")
    return "\n".join(lines) + "\n"


def to_text(entries: Sequence[CalendarEntry], *, now: object | None = None, lang: Lang = DEFAULT_LANG) -> str:
    """Plain text for a terminal: one line per deadline, doubt shown with ⚠, approximate ones with ≈
    (and days left given ``now``, see :func:`nedtrapping.calendar.days_left`)."""
    lines = []
    own_date = text("calendar.county_has_own_date", lang)
    # the purpose column is as wide as the longest purpose word in this language (18 in Norwegian)
    width = max(len(text(f"calendar.purpose.{p.value}", lang)) for p in Purpose)
    for e in entries:
        row = e.deck_row
        deck = (text("calendar.text.deck_row", lang, number=row.number, as_written=row.deadline_as_written.value)
                if row is not None else "")
        where = (f" — {e.round}" if e.round else "") + (f" — {e.county}" if e.county else "")
        when = ("≈ " if e.approximate else "") + e.when_text(lang)
        line = (f"{when:<32} {_purpose(e, lang):<{width}} {e.title} ({e.year}){where}; "
                + text("calendar.text.applicants", lang, applicants=e.applicants.value) + deck)
        if now is not None:
            line += f"; {days_left(e.deadline, now, lang=lang)}"
        if e.uncertain:
            line += "  ⚠ " + "; ".join(e.uncertainty(lang))
        if e.county_has_own_date:
            line += f"  ({own_date})"
        lines.append(line)
    return "\n".join(lines) + "\n"
