"""The deck's grant calendar for 2022 (nine rows), and minimal rule sets for the schemes
the library does not model elsewhere.

Why: people plan from that table ("what can we apply for, by when, and what is
still uncertain?"). Each row is kept as the deck writes it — who may apply and the
deadline — with the deck's doubt as data: "Vår" is VAGUE, "Løpende" ROLLING,
"April(?)" VAGUE and UNCERTAIN (with April as its approximate month),
"Kommuner(?)" an UNCERTAIN applicants fact, "31. mars(?)" an UNCERTAIN exact day.

The table gives no year; 2022 is taken from the deck ("Tilskudd 2022", dated
27.01.2022) and said so in each note. Three rows point at schemes modelled in
their own modules (kommunalt rusarbeid, langvarige og sammensatte behov, NAV);
the other six get a minimal rule set here, with the counties' own dates where a
source gives one (each Statsforvalter sets its own).
"""

from __future__ import annotations

import datetime as _dt

import attrs

from nedtrapping import sources as src
from nedtrapping.deadlines import ApproximateDeadline, Deadline, DeadlineKind, Purpose, exact_deadline
from nedtrapping.provenance import Citation, Fact, Status
from nedtrapping.registry import register
from nedtrapping.ruleset import RuleSet

__all__ = [
    "YEAR",
    "CalendarSchemeRules",
    "DeckCalendarRow",
    "DECK_CALENDAR",
    "FRISKLIV",
    "HUSBANKEN_BOLIGSOSIALE",
    "FASTLEGER_KORONA",
    "PROSJEKTSKJONN",
    "KOMPETANSE_INNOVASJON",
    "NYTT_PSYKISK_HELSE_RUS",
]

YEAR = 2022
_TABLE = src.DECK.at("tabell «Tilskudd / Hvem kan søke / Søknadsfrist»")
_YEAR_NOTE = "year 2022 taken from the deck (Tilskudd 2022, 27.01.2022); 23:59 Europe/Oslo"

MR_22 = Citation(
    document="Statsforvalteren i Møre og Romsdal: Kompetanse- og innovasjonstilskudd 2022",
    section="søknadsfrist 8. april 2022",
    tag="MR-22",
)
NORD_PS_22 = Citation(
    document="Statsforvalteren i Nordland: Prosjektskjønnsmidler 2022",
    section="søknadsfrist 25. februar 2022",
    tag="NORD-PS-22",
)


@attrs.frozen(kw_only=True)
class CalendarSchemeRules(RuleSet):
    """A scheme known only from the deck's calendar: who may apply and by when. Nothing more is claimed."""


@attrs.frozen(kw_only=True)
class DeckCalendarRow:
    """One row of the deck's table, verbatim, and the rule set (scheme id, year) it stands for."""

    number: int
    scheme_as_written: str
    applicants_as_written: Fact[str]
    deadline_as_written: Fact[str]
    scheme_id: str
    year: int


def _row_rules(scheme_id: str, title: str, title_en: str, applicants: Fact[str],
               deadlines: tuple[Deadline, ...], status: Status = Status.FINAL) -> CalendarSchemeRules:
    return register(CalendarSchemeRules(
        scheme_id=scheme_id, year=YEAR, title=title, title_en=title_en, status=status,
        citation=_TABLE, applicants=applicants, deadlines=deadlines,
    ))


def _kommuner(text: str = "Kommuner", status: Status = Status.FINAL) -> Fact[str]:
    return Fact(text, status, _TABLE.at(f"«{text}»"))


FRISKLIV = _row_rules(
    "frisklivs-og-laeringstilbud", "Tilskudd Frisklivs- og læringstilbud",
    "Grant for healthy-living and learning services", _kommuner(),
    (Deadline(purpose=Purpose.APPLICATION, kind=DeadlineKind.VAGUE, as_written="Vår", status=Status.FINAL,
              citation=_TABLE.at("«Vår»"), note="spring 2022; the deck gives no date"),),
)
HUSBANKEN_BOLIGSOSIALE = _row_rules(
    "husbanken-boligsosiale-tiltak", "Husbankens boligsosiale tiltak",
    "Husbanken's social-housing measures", _kommuner("Kommuner m.fl."),
    (exact_deadline(Purpose.APPLICATION, _dt.date(YEAR, 2, 15), _TABLE.at("«15. februar»"),
                    as_written="15. februar", note=_YEAR_NOTE),),
)
FASTLEGER_KORONA = _row_rules(
    "fastleger-korona-kompensasjon",
    "Kompensasjon til næringsdrivende fastleger ved fravær knyttet til koronavirus",
    "Compensation to self-employed GPs for absence related to the coronavirus", _kommuner(),
    (Deadline(purpose=Purpose.APPLICATION, kind=DeadlineKind.ROLLING, as_written="Løpende", status=Status.FINAL,
              citation=_TABLE.at("«Løpende»"), note="applications handled as they come"),),
)
PROSJEKTSKJONN = _row_rules(
    "prosjektskjonnsmidler", "Prosjektskjønnsmidler", "Discretionary project funds", _kommuner(),
    (
        exact_deadline(Purpose.APPLICATION, _dt.date(YEAR, 11, 1), _TABLE.at("«1. november»"),
                       as_written="1. november", note=_YEAR_NOTE),
        exact_deadline(Purpose.APPLICATION, _dt.date(YEAR, 2, 25), NORD_PS_22, as_written="25. februar 2022",
                       county="Nordland", note="Statsforvalteren i Nordland's own date (rules.md §2)"),
    ),
)
KOMPETANSE_INNOVASJON = _row_rules(
    "kompetanse-og-innovasjonstilskudd", "Kompetanse- og innovasjonstilskudd",
    "Competence and innovation grant", _kommuner(),
    (
        exact_deadline(Purpose.APPLICATION, _dt.date(YEAR, 4, 1), _TABLE.at("«1. april»"),
                       as_written="1. april", note=_YEAR_NOTE),
        exact_deadline(Purpose.APPLICATION, _dt.date(YEAR, 4, 8), MR_22, as_written="8. april 2022",
                       county="Møre og Romsdal", note="Statsforvalteren i Møre og Romsdal's own date (rules.md §2)"),
    ),
)
NYTT_PSYKISK_HELSE_RUS = _row_rules(
    "nytt-tilskudd-psykisk-helse-rus", "Nytt tilskudd psykisk helse/rus",
    "New grant for mental health/substance abuse", _kommuner("Kommuner(?)", Status.UNCERTAIN),
    (ApproximateDeadline(purpose=Purpose.APPLICATION, kind=DeadlineKind.VAGUE, as_written="April(?)",
                         status=Status.UNCERTAIN, citation=_TABLE.at("«April(?)»"), approx_year=YEAR, approx_month=4,
                         note="the deck doubts both the month and who may apply"),),
    status=Status.UNCERTAIN,
)


def _row(number: int, scheme: str, applicants: str, deadline: str, scheme_id: str,
         status: Status = Status.FINAL, applicants_status: Status = Status.FINAL) -> DeckCalendarRow:
    return DeckCalendarRow(
        number=number, scheme_as_written=scheme,
        applicants_as_written=Fact(applicants, applicants_status, _TABLE.at(f"rad {number}: «{applicants}»")),
        deadline_as_written=Fact(deadline, status, _TABLE.at(f"rad {number}: «{deadline}»")),
        scheme_id=scheme_id, year=YEAR,
    )


_U = Status.UNCERTAIN

#: The nine rows of the deck's calendar table, in the deck's order, verbatim.
DECK_CALENDAR: tuple[DeckCalendarRow, ...] = (
    _row(1, "Tilskudd Frisklivs- og læringstilbud", "Kommuner", "Vår", FRISKLIV.scheme_id),
    _row(2, "Husbankens boligsosiale tiltak", "Kommuner m.fl.", "15. februar", HUSBANKEN_BOLIGSOSIALE.scheme_id),
    _row(3, "Kompensasjon til næringsdrivende fastleger ved fravær knyttet til koronavirus»", "Kommuner",
         "Løpende", FASTLEGER_KORONA.scheme_id),
    _row(4, "Prosjektskjønnsmidler", "Kommuner", "1. november", PROSJEKTSKJONN.scheme_id),
    _row(5, "Kompetanse og innovasjonstilskudd", "Kommuner", "1. april", KOMPETANSE_INNOVASJON.scheme_id),
    _row(6, "Kommunalt rusarbeid", "Kommuner", "15. februar", "kommunalt-rusarbeid"),
    _row(7, "Nytt tilskudd psykisk helse/rus", "Kommuner(?)", "April(?)", NYTT_PSYKISK_HELSE_RUS.scheme_id,
         status=_U, applicants_status=_U),
    _row(8, "Langvarige og sammensatte behov", "Kommuner", "31. mars(?)", "langvarige-sammensatte", status=_U),
    _row(9, "Utvikling av de sosiale tjenestene i NAV kontoret", "Kommuner v/NAV kontoret", "1. februar",
         "nav-sosiale-tjenester"),
)
