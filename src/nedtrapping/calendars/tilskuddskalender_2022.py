"""The deck's grant calendar for 2022 (nine rows), and minimal rule sets for the schemes
the library does not model elsewhere.

Why: people plan from that table ("what can we apply for, by when, and what is
still uncertain?"). Each row is kept as the deck writes it — who may apply and the
deadline — with the deck's doubt as data: "Vår" is VAGUE, "Løpende" ROLLING,
"April(?)" VAGUE and UNCERTAIN (with April as its approximate month),
"Kommuner(?)" an UNCERTAIN applicants fact, "31. mars(?)" an UNCERTAIN exact day.

The table gives no year. 2022 is INFERRED from the deck's date (27.01.2022): each
rule set here carries it as the fact ``calendar_year`` (status INFERRED), and the
deadlines whose year comes only from the table have status INFERRED (or UNCERTAIN
where the deck doubts them anyway), so every calendar output shows it.

"Vår" (spring) names no period. To place it on a calendar the library ASSUMES the
meteorological spring, 1 March – 31 May (:class:`AssumedPeriodDeadline`, the
assumption a fact cited to :data:`nedtrapping.sources.LIBRARY`); it is shown as
assumed wherever it is used, and is never an instant.

Three rows point at schemes modelled in their own modules (kommunalt rusarbeid,
langvarige og sammensatte behov, NAV); the other six get a minimal rule set here,
with the counties' own dates where a source gives one (each Statsforvalter, or for
frisklivs- og læringstilbud each fylkeskommune, sets its own). Prosjektskjønn has
two rounds that must not be mixed: the deck's «1. november» is the call for the
*following* year's money, while Nordland's 25 February and Oslo og Viken's 31 March
2022 are calls for 2022 money (round :data:`PROSJEKTSKJONN_ROUND_2022`).
:func:`uncertain_rows` lists the rows the deck itself doubts.
"""

from __future__ import annotations

import datetime as _dt

import attrs

from nedtrapping import sources as src
from nedtrapping.deadlines import ApproximateDeadline, Deadline, DeadlineKind, Purpose, exact_deadline
from nedtrapping.errors import InvalidValueError
from nedtrapping.provenance import Citation, Fact, Status
from nedtrapping.registry import register
from nedtrapping.ruleset import RuleSet
from nedtrapping.schemes import langvarige_sammensatte as _lsb
from nedtrapping.wording import Notice

__all__ = [
    "YEAR",
    "AssumedPeriodDeadline",
    "CalendarSchemeRules",
    "DeckCalendarRow",
    "DECK_CALENDAR",
    "CALENDAR_YEAR",
    "SPRING_PERIOD",
    "FRISKLIV",
    "HUSBANKEN_BOLIGSOSIALE",
    "FASTLEGER_KORONA",
    "PROSJEKTSKJONN",
    "PROSJEKTSKJONN_ROUND_2022",
    "KOMPETANSE_INNOVASJON",
    "NYTT_PSYKISK_HELSE_RUS",
    "uncertain_rows",
]

#: The budget year of the deck's calendar.
YEAR = 2022
_TABLE_SECTION = "tabell «Tilskudd / Hvem kan søke / Søknadsfrist»"  # name: as published
_TABLE = src.DECK.at(_TABLE_SECTION)
_YEAR_NOTE = Notice("kalender.note.year")

#: The year of the deck's table: not in the table, INFERRED from the deck's date.
CALENDAR_YEAR: Fact[int] = Fact(
    YEAR, Status.INFERRED, src.DECK.at(f"{_TABLE_SECTION} (gir ikke år); lysarket er datert 27.01.2022"),
    note=Notice("kalender.note.calendar_year"),
)

#: The library's assumption for the deck's «Vår» (spring): no source gives a period.
SPRING_PERIOD: Fact[str] = Fact(
    "mars–mai 2022", Status.ASSUMED, src.LIBRARY.at("«Vår» (spring) as 1 March – 31 May"),
    note=Notice("kalender.note.spring_period"),
)


def _check_last_month(instance: AssumedPeriodDeadline, _attribute: object, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not instance.approx_month <= value <= 12:
        raise InvalidValueError(Notice("kalender.error.last_month", {"first": instance.approx_month,
                                                                     "value": repr(value),
                                                                     "as_written": instance.as_written}),
                                field="last_month", value=value,
                                expected=Notice("kalender.expected.last_month", {"first": instance.approx_month}))


def _check_assumption(_instance: AssumedPeriodDeadline, _attribute: object, value: Fact[str]) -> None:
    if not isinstance(value, Fact) or value.status is not Status.ASSUMED:
        raise InvalidValueError(Notice("kalender.error.period_assumption", {"value": repr(value)}),
                                field="period_assumption", value=value,
                                expected=Notice("kalender.expected.period_assumption"))


@attrs.frozen(kw_only=True)
class AssumedPeriodDeadline(ApproximateDeadline):
    """A vague deadline whose period no source gives ("Vår"): the library assumes one.

    The period runs from the first day of ``approx_month`` to the last day of
    ``last_month`` in ``approx_year``. ``period_assumption`` is the ASSUMED fact that
    says so (cited to :data:`~nedtrapping.sources.LIBRARY`, with a note); calendar
    outputs show it. Like every vague deadline it has no instant.
    """

    last_month: int = attrs.field(validator=_check_last_month)
    period_assumption: Fact[str] = attrs.field(validator=_check_assumption)

    def period(self) -> tuple[_dt.date, _dt.date]:
        """First day of the first month to the last day of the last month (an assumption)."""
        first = _dt.date(self.approx_year, self.approx_month, 1)
        nxt = _dt.date(self.approx_year + (self.last_month == 12), self.last_month % 12 + 1, 1)
        return first, nxt - _dt.timedelta(days=1)


@attrs.frozen(kw_only=True)
class CalendarSchemeRules(RuleSet):
    """A scheme known only from the deck's calendar: who may apply and by when. Nothing more is claimed."""

    #: The year of the rule set, as the table gives none: INFERRED (see :data:`CALENDAR_YEAR`).
    calendar_year: Fact[int] = CALENDAR_YEAR
    #: The period the library assumes for a deadline that names none ("Vår": :data:`SPRING_PERIOD`), as a
    #: fact of the rule set so that lists of assumed values find it; ``None`` when nothing is assumed.
    assumed_period: Fact[str] | None = None


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
               deadlines: tuple[Deadline, ...], status: Status = Status.FINAL,
               assumed_period: Fact[str] | None = None) -> CalendarSchemeRules:
    return register(CalendarSchemeRules(
        scheme_id=scheme_id, year=YEAR, title=title, title_en=title_en, status=status,
        citation=_TABLE, applicants=applicants, deadlines=deadlines, assumed_period=assumed_period,
    ))


def _cell(text: str) -> Citation:
    return src.DECK.at(f"{_TABLE_SECTION}: «{text}»")


def _kommuner(text: str = "Kommuner", status: Status = Status.FINAL) -> Fact[str]:
    return Fact(text, status, _cell(text))


_I = Status.INFERRED

#: The registered 2022 rule set of the deck's calendar row «Tilskudd Frisklivs- og læringstilbud».
#:
#: :meta hide-value:
FRISKLIV = _row_rules(
    "frisklivs-og-laeringstilbud", "Tilskudd Frisklivs- og læringstilbud",  # name: as published
    "Grant for healthy-living and learning services", _kommuner(),  # name: as published
    (
        AssumedPeriodDeadline(
            purpose=Purpose.APPLICATION, kind=DeadlineKind.VAGUE, as_written="Vår", status=_I, citation=_cell("Vår"),
            approx_year=YEAR, approx_month=3, last_month=5, period_assumption=SPRING_PERIOD,
            note=Notice("kalender.deadline.friskliv_spring"),
        ),
        exact_deadline(Purpose.APPLICATION, _dt.date(YEAR, 3, 23), src.AGD_FL_22, as_written="23. mars",
                       county="Agder",
                       note=Notice("kalender.deadline.friskliv_agder")),
        exact_deadline(Purpose.APPLICATION, _dt.date(YEAR, 4, 1), src.TRL_FL_22, as_written="1. april 2022",
                       county="Trøndelag",
                       note=Notice("kalender.deadline.friskliv_trondelag")),
    ),
    assumed_period=SPRING_PERIOD,
)
#: The registered 2022 rule set of the deck's calendar row «Husbankens boligsosiale tiltak».
#:
#: :meta hide-value:
HUSBANKEN_BOLIGSOSIALE = _row_rules(
    "husbanken-boligsosiale-tiltak", "Husbankens boligsosiale tiltak",  # name: as published
    "Husbanken's social-housing measures", _kommuner("Kommuner m.fl."),  # name: as published
    (exact_deadline(Purpose.APPLICATION, _dt.date(YEAR, 2, 15), _cell("15. februar"),
                    as_written="15. februar", status=_I, note=_YEAR_NOTE),),
)
#: The registered 2022 rule set of the deck's calendar row «Kompensasjon til næringsdrivende fastleger ved fravær knyttet til koronavirus».
#:
#: :meta hide-value:
FASTLEGER_KORONA = _row_rules(
    "fastleger-korona-kompensasjon",
    "Kompensasjon til næringsdrivende fastleger ved fravær knyttet til koronavirus",  # name: as published
    "Compensation to self-employed GPs for absence related to the coronavirus", _kommuner(),  # name: as published
    (Deadline(purpose=Purpose.APPLICATION, kind=DeadlineKind.ROLLING, as_written="Løpende", status=_I,
              citation=_cell("Løpende"),
              note=Notice("kalender.deadline.rolling")),),
)
#: The round of prosjektskjønn for the year's own money (the counties' calls early in 2022), apart from the
#: deck's «1. november», which is the call for the following year's money.
PROSJEKTSKJONN_ROUND_2022 = "midler for 2022"  # name: as published

#: The registered 2022 rule set of the deck's calendar row «Prosjektskjønnsmidler».
#:
#: :meta hide-value:
PROSJEKTSKJONN = _row_rules(
    "prosjektskjonnsmidler", "Prosjektskjønnsmidler", "Discretionary project funds", _kommuner(),  # name: as published
    (
        exact_deadline(Purpose.APPLICATION, _dt.date(YEAR, 11, 1), _cell("1. november"),
                       as_written="1. november", status=_I,
                       note=Notice("kalender.deadline.prosjektskjonn_next_year", {"year_note": _YEAR_NOTE})),
        exact_deadline(Purpose.APPLICATION, _dt.date(YEAR, 2, 25), src.NORD_PS_22, as_written="25. februar 2022",
                       county="Nordland", round=PROSJEKTSKJONN_ROUND_2022,
                       note=Notice("kalender.deadline.prosjektskjonn_nordland")),
        exact_deadline(Purpose.APPLICATION, _dt.date(YEAR, 3, 31), src.OV_PS_22, as_written="31. mars 2022",
                       county="Oslo og Viken", round=PROSJEKTSKJONN_ROUND_2022,  # name: as published
                       note=Notice("kalender.deadline.prosjektskjonn_oslo_viken")),
    ),
)
#: The registered 2022 rule set of the deck's calendar row «Kompetanse- og innovasjonstilskudd».
#:
#: :meta hide-value:
KOMPETANSE_INNOVASJON = _row_rules(
    "kompetanse-og-innovasjonstilskudd", "Kompetanse- og innovasjonstilskudd",  # name: as published
    "Competence and innovation grant", _kommuner(),  # name: as published
    (
        exact_deadline(Purpose.APPLICATION, _dt.date(YEAR, 4, 1), _cell("1. april"),
                       as_written="1. april", status=_I, note=_YEAR_NOTE),
        exact_deadline(Purpose.APPLICATION, _dt.date(YEAR, 4, 8), src.MR_22, as_written="8. april 2022",
                       county="Møre og Romsdal",  # name: as published
                       note=Notice("kalender.deadline.kompetanse_more_romsdal")),
    ),
)
#: The registered 2022 rule set of the deck's calendar row «Nytt tilskudd psykisk helse/rus».
#:
#: :meta hide-value:
NYTT_PSYKISK_HELSE_RUS = _row_rules(
    "nytt-tilskudd-psykisk-helse-rus", "Nytt tilskudd psykisk helse/rus",  # name: as published
    "New grant for mental health/substance abuse", _kommuner("Kommuner(?)", Status.UNCERTAIN),  # name: as published
    (ApproximateDeadline(purpose=Purpose.APPLICATION, kind=DeadlineKind.VAGUE, as_written="April(?)",
                         status=Status.UNCERTAIN, citation=_cell("April(?)"), approx_year=YEAR, approx_month=4,
                         note=Notice("kalender.deadline.psykisk_helse_april")),),
    status=Status.UNCERTAIN,
)


def _row(number: int, scheme: str, applicants: str, deadline: str, scheme_id: str,
         status: Status = Status.FINAL, applicants_status: Status = Status.FINAL) -> DeckCalendarRow:
    where = f"{_TABLE_SECTION}, rad {number}"
    return DeckCalendarRow(
        number=number, scheme_as_written=scheme,
        applicants_as_written=Fact(applicants, applicants_status, src.DECK.at(f"{where}: «{applicants}»")),
        deadline_as_written=Fact(deadline, status, src.DECK.at(f"{where}: «{deadline}»")),
        scheme_id=scheme_id, year=YEAR,
    )


_U = Status.UNCERTAIN

#: The nine rows of the deck's calendar table, in the deck's order, verbatim.
DECK_CALENDAR: tuple[DeckCalendarRow, ...] = (
    _row(1, "Tilskudd Frisklivs- og læringstilbud", "Kommuner", "Vår", FRISKLIV.scheme_id),  # name: as published
    _row(2, "Husbankens boligsosiale tiltak", "Kommuner m.fl.", "15. februar", HUSBANKEN_BOLIGSOSIALE.scheme_id),  # name: as published
    _row(3, "Kompensasjon til næringsdrivende fastleger ved fravær knyttet til koronavirus»", "Kommuner",  # name: as published
         "Løpende", FASTLEGER_KORONA.scheme_id),
    _row(4, "Prosjektskjønnsmidler", "Kommuner", "1. november", PROSJEKTSKJONN.scheme_id),
    _row(5, "Kompetanse og innovasjonstilskudd", "Kommuner", "1. april", KOMPETANSE_INNOVASJON.scheme_id),  # name: as published
    _row(6, "Kommunalt rusarbeid", "Kommuner", "15. februar", "kommunalt-rusarbeid"),  # name: as published
    _row(7, "Nytt tilskudd psykisk helse/rus", "Kommuner(?)", "April(?)", NYTT_PSYKISK_HELSE_RUS.scheme_id,  # name: as published
         status=_U, applicants_status=_U),
    _row(8, "Langvarige og sammensatte behov", "Kommuner", "31. mars(?)", _lsb.SCHEME_ID, status=_U),  # name: as published
    _row(9, "Utvikling av de sosiale tjenestene i NAV kontoret", "Kommuner v/NAV kontoret", "1. februar",  # name: as published
         "nav-sosiale-tjenester"),
)


def uncertain_rows() -> tuple[DeckCalendarRow, ...]:
    """The rows the deck itself doubts ("(?)"): their applicants or deadline fact is not FINAL.

    >>> [(r.number, r.deadline_as_written.value) for r in uncertain_rows()]
    [(7, 'April(?)'), (8, '31. mars(?)')]
    """
    return tuple(r for r in DECK_CALENDAR
                 if r.applicants_as_written.status is not Status.FINAL
                 or r.deadline_as_written.status is not Status.FINAL)
