"""Tilskudd til tilbud til personer med langvarige og sammensatte tjenestebehov (kap. 765 post 60), 2022.

The new scheme that the deck introduces as rusarbeid is wound down. It has two
target groups — adults (VOKSNE) and children/youth (BARN/UNGE) — with their own
priorities, but one deadline, one budget post and one calendar row. So it is
**one scheme id with two variants**, not two schemes: the registry key is
(scheme, year), and splitting it would duplicate the deadline and the status.

The whole rule set is PROVISIONAL: the deck says "Med forbehold - endringer i
regelverket kommer". The deadline is the deck's "31.3.22 ??????", kept verbatim;
its status is decided by the strongest source for the *date*: the deck doubts it,
but LSB-22 (Statsforvalteren i Nordland's own announcement) gives 31 March 2022,
so the date is FINAL while the rules around it stay provisional. The deck's doubt
is not dropped: the rule set keeps the deck's words as two UNCERTAIN facts,
``deck_slide_deadline`` ("31.3.22 ??????", the scheme's slides) and
``deck_calendar_deadline`` ("31. mars(?)", row 8 of the calendar table), and every
calendar output says that the deck wrote the date with question marks and LSB-22
confirms it.

:func:`rank_measures` orders an application's measures by the deck's priorities;
a measure type that the variant does not prioritise, or that is not recognised at
all, is reported, never dropped.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable, Mapping

import attrs

from nedtrapping import sources as src
from nedtrapping.deadlines import Purpose, exact_deadline
from nedtrapping.errors import InvalidTypeError, InvalidValueError, NedtrappingError
from nedtrapping.provenance import Fact, Status
from nedtrapping.readable import DEFAULT_LANG, Lang, Readable
from nedtrapping.registry import get_rule_set, register
from nedtrapping.ruleset import RuleSet
from nedtrapping.wording import Notice, status_word, text

__all__ = [
    "SCHEME_ID",
    "TargetGroup",
    "MeasureType",
    "Priority",
    "Variant",
    "LangvarigeSammensatteRules",
    "RankedMeasure",
    "Ranking",
    "UnknownMeasureTypeError",
    "RULES_2022",
    "rules_for",
    "parse_measure_type",
    "rank_measures",
]

#: The scheme id: the key of its rule sets in the registry and on the command line.
SCHEME_ID = "langvarige-sammensatte"


class TargetGroup(enum.Enum):
    """The two variants of the scheme, named as the deck's slides are."""

    VOKSNE = "voksne"
    BARN_UNGE = "barn-unge"


class MeasureType(enum.Enum):
    """Kinds of measure the deck's priorities name."""

    ACT_FACT = "act-fact"
    MO_SENTER = "mo-senter"
    LAVTERSKEL_SUBSTITUSJON = "lavterskel-substitusjon"
    BEHANDLINGSFORBEREDENDE = "behandlingsforberedende"
    HOUSING_FIRST = "housing-first"
    NYE_METODER = "nye-metoder"
    LAVTERSKEL_UNG = "lavterskel-ung"


#: Accepted spellings (compared in lower case, whitespace collapsed, a trailing full stop dropped):
#: the deck's own phrases for the measure types, and a few common short forms.
_ALIASES: Mapping[str, MeasureType] = {
    # the deck's words (VOKSNE: Pri 1, Pri 2, Pri 3; BARN/UNGE: Pri 1, Pri 2)
    "act/fact": MeasureType.ACT_FACT,
    "mo-sentre": MeasureType.MO_SENTER,
    "lavterskel substitusjonsbehandlingstilbud": MeasureType.LAVTERSKEL_SUBSTITUSJON,  # name: as published
    "behandlingsforberedende tiltak": MeasureType.BEHANDLINGSFORBEREDENDE,  # name: as published
    "housing first tiltak": MeasureType.HOUSING_FIRST,  # name: as published
    "utprøving og evaluering av nye metoder/ arbeidsformer og modeller på psykisk helse-, rus- og voldsfeltet":  # name: as published
        MeasureType.NYE_METODER,
    "utprøving og evaluering av nye metoder/arbeidsformer og modeller på psykisk helse-, rus- og voldsfeltet":  # name: as published
        MeasureType.NYE_METODER,
    "ung arena": MeasureType.LAVTERSKEL_UNG,  # name: as published
    # common short forms
    "act": MeasureType.ACT_FACT,
    "fact": MeasureType.ACT_FACT,
    "act-team": MeasureType.ACT_FACT,
    "fact-team": MeasureType.ACT_FACT,
    "fact ung": MeasureType.ACT_FACT,  # name: as published
    "mo-senter": MeasureType.MO_SENTER,
    "mo": MeasureType.MO_SENTER,
    "housing first": MeasureType.HOUSING_FIRST,  # name: as published
}

#: Target-group spellings: the deck's slide headings ("VOKSNE", "BARN/UNGE") and plain forms.
_TARGET_ALIASES: Mapping[str, str] = {
    "voksne": "voksne",
    "voksen": "voksne",
    "barn/unge": "barn-unge",
    "barn-unge": "barn-unge",
    "barn og unge": "barn-unge",  # name: as published
    "barn_unge": "barn-unge",
}


def _normalise(text: str) -> str:
    return " ".join(text.strip().lower().split()).rstrip(".")


def _wrong_type(value: object, expected: Notice) -> Notice:
    """"expected …, got <type> <value>": the words of a value of the wrong type."""
    return Notice("langvarige.error.type", {"expected": expected, "type": type(value).__name__, "value": repr(value)})


class UnknownMeasureTypeError(NedtrappingError, ValueError):
    """A measure type that is not one of :class:`MeasureType`; the message lists them."""


def parse_measure_type(value: MeasureType | str) -> MeasureType:
    """A :class:`MeasureType` from itself, its value, its name or a common alias ("ACT", "Housing First")."""
    if isinstance(value, MeasureType):
        return value
    if not isinstance(value, str):
        expected = Notice("langvarige.expected.measure_type")
        raise InvalidTypeError(_wrong_type(value, expected), field="measure_type", value=value, expected=expected)
    key = _normalise(value)
    for mt in MeasureType:
        if key in (mt.value, mt.name.lower()):
            return mt
    if key in _ALIASES:
        return _ALIASES[key]
    known = ", ".join(mt.value for mt in MeasureType)
    aliases = ", ".join(repr(a) for a in _ALIASES)
    raise UnknownMeasureTypeError(
        Notice("langvarige.error.unknown_measure_type", {"value": value, "known": known, "aliases": aliases}),
        field="measure_type", value=value, expected=Notice("langvarige.expected.known", {"known": known}))


@attrs.frozen(kw_only=True)
class Priority:
    """One priority level: its rank (1 first), the deck's words, and the measure types it covers."""

    rank: int
    text: Fact[str]
    measure_types: tuple[MeasureType, ...]


@attrs.frozen(kw_only=True)
class Variant:
    """One target group's priorities, in the deck's order."""

    target_group: TargetGroup
    heading: Fact[str]
    priorities: tuple[Priority, ...]

    def priority_of(self, measure_type: MeasureType) -> Priority | None:
        for p in self.priorities:
            if measure_type in p.measure_types:
                return p
        return None


@attrs.frozen(kw_only=True)
class LangvarigeSammensatteRules(RuleSet):
    """The 2022 rules, provisional as a whole ("med forbehold")."""

    reservation: Fact[str]
    #: The deck's words for the deadline on the scheme's slides ("31.3.22 ??????"): UNCERTAIN; LSB-22 confirms
    #: the date, so the deadline itself is exact and FINAL (see the module docstring).
    deck_slide_deadline: Fact[str]
    #: The deck's words for the deadline in its calendar table, row 8 ("31. mars(?)"): UNCERTAIN, as above.
    deck_calendar_deadline: Fact[str]
    purpose: Fact[str]
    co_applicant: Fact[str]
    #: When a health trust may co-apply (a transitional arrangement; see the fact's note).
    co_applicant_condition: Fact[str]
    auditor_certificate_required: Fact[bool]
    variants: tuple[Variant, ...]

    def variant(self, target_group: TargetGroup | str) -> Variant:
        """The variant for ``target_group``: a :class:`TargetGroup`, its value, or the deck's heading
        (``"voksne"``, ``"VOKSNE"``, ``"barn-unge"``, ``"barn/unge"``, ``"BARN/UNGE"``, ``"barn og unge"``)."""
        known = ", ".join(v.target_group.value for v in self.variants)
        if isinstance(target_group, str):
            key = _TARGET_ALIASES.get(_normalise(target_group))
            if key is None:
                raise InvalidValueError(
                    Notice("langvarige.error.unknown_target_group",
                           {"value": target_group, "known": known, "aliases": ", ".join(_TARGET_ALIASES)}),
                    field="target_group", value=target_group,
                    expected=Notice("langvarige.expected.known", {"known": known}))
            target_group = TargetGroup(key)
        elif not isinstance(target_group, TargetGroup):
            expected = Notice("langvarige.expected.target_group")
            raise InvalidTypeError(_wrong_type(target_group, expected), field="target_group", value=target_group,
                                   expected=expected)
        for v in self.variants:
            if v.target_group is target_group:
                return v
        raise InvalidValueError(Notice("langvarige.error.no_variant",
                                       {"rule_set": self.key_text, "variant": target_group.value, "known": known}),
                                field="target_group", value=target_group.value,
                                expected=Notice("langvarige.expected.known", {"known": known}))


_P = Status.PROVISIONAL
_VOKSNE = src.DECK.at("lysark «Tilskudd langvarig/sammensatt oppfølging/tjenestebehov rus/psykisk helse» — VOKSNE")
_BARN = src.DECK.at("lysark «Tilskudd langvarig/sammensatt oppfølging/tjenestebehov rus/psykisk helse» — BARN/UNGE")
_DEADLINE_NOTE = Notice("langvarige.deadline.application")
_DOUBT_NOTE = Notice("langvarige.note.deck_doubt")

#: The registered rule set for 2022 (the same object as ``get_rule_set(SCHEME_ID, 2022)``).
#:
#: :meta hide-value:
RULES_2022 = register(
    LangvarigeSammensatteRules(
        scheme_id=SCHEME_ID,
        year=2022,
        title="Tilskudd til tilbud til personer med langvarige og sammensatte tjenestebehov",  # name: as published
        title_en="Grant for services to people with long-term and complex needs",  # name: as published
        budget_chapter="kap. 765 post 60",
        status=Status.PROVISIONAL,
        citation=src.DECK.at("lysark «Tilskudd langvarig/sammensatt oppfølging/tjenestebehov rus/psykisk helse»"),
        applicants=Fact("Kommuner", _P, _VOKSNE.at("«Kommuner»")),
        deadlines=(
            exact_deadline(Purpose.APPLICATION, _dt.date(2022, 3, 31), src.LSB_22.at("søknadsfrist"),
                           as_written="31.3.22 ??????", status=Status.FINAL, note=_DEADLINE_NOTE),
            exact_deadline(Purpose.REPORTING, _dt.date(2023, 4, 1),
                           src.HDIR_LSB_23.at("Slik blir prosessen",
                                              quote="Rapporteringsfrist for 2022: 01. april 2023"),
                           as_written="01. april 2023",
                           note=Notice("langvarige.deadline.reporting")),
            exact_deadline(Purpose.REPORTING, _dt.date(2023, 2, 15), src.LSB_22.at("rapporteringsfrist"),
                           as_written="15. februar 2023 23:59", county="Nordland",
                           note=Notice("langvarige.deadline.reporting_nordland")),
        ),
        reservation=Fact("Med forbehold - endringer i regelverket kommer", _P, _VOKSNE.at("«Med forbehold»")),
        deck_slide_deadline=Fact("31.3.22 ??????", Status.UNCERTAIN, _VOKSNE.at("«Søknadsfrist 31.3.22 ??????»"),
                                 note=_DOUBT_NOTE),
        deck_calendar_deadline=Fact(
            "31. mars(?)", Status.UNCERTAIN,
            src.DECK.at("tabell «Tilskudd / Hvem kan søke / Søknadsfrist», rad 8: «31. mars(?)»"), note=_DOUBT_NOTE,
        ),
        purpose=Fact("Lønn til stillinger", _P, _VOKSNE.at("«Lønn til stillinger»")),
        co_applicant=Fact("Helseforetak kan være medsøker", _P, src.LSB_22.at("hvem kan søke"),
                          note=Notice("langvarige.note.co_applicant")),
        co_applicant_condition=Fact(
            "a health trust may co-apply only as a transitional arrangement, where it co-applied before, and "
            "with a cooperation agreement (samarbeidsavtale) with the municipality",
            _P, src.LSB_22.at("hvem kan søke"),
            note=Notice("langvarige.note.co_applicant_condition"),
        ),
        auditor_certificate_required=Fact(False, _P, _VOKSNE.at("«Revisorattestasjon tas bort»")),
        variants=(
            Variant(
                target_group=TargetGroup.VOKSNE,
                heading=Fact("VOKSNE", _P, _VOKSNE),
                priorities=(
                    Priority(rank=1, text=Fact("ACT/FACT", _P, _VOKSNE.at("«Pri 1»")),
                             measure_types=(MeasureType.ACT_FACT,)),
                    Priority(
                        rank=2,
                        text=Fact("MO-sentre; Lavterskel substitusjonsbehandlingstilbud; Behandlingsforberedende "
                                  "tiltak; Housing First tiltak", _P, _VOKSNE.at("«Pri 2»")),
                        measure_types=(MeasureType.MO_SENTER, MeasureType.LAVTERSKEL_SUBSTITUSJON,
                                       MeasureType.BEHANDLINGSFORBEREDENDE, MeasureType.HOUSING_FIRST),
                    ),
                    Priority(
                        rank=3,
                        text=Fact("Utprøving og evaluering av nye metoder/arbeidsformer og modeller på psykisk "
                                  "helse-, rus- og voldsfeltet.", _P, _VOKSNE.at("«Pri 3»")),
                        measure_types=(MeasureType.NYE_METODER,),
                    ),
                ),
            ),
            Variant(
                target_group=TargetGroup.BARN_UNGE,
                heading=Fact("BARN/UNGE", _P, _BARN),
                priorities=(
                    Priority(rank=1, text=Fact("ACT/FACT", _P, _BARN.at("«Pri 1»")),
                             measure_types=(MeasureType.ACT_FACT,)),
                    Priority(
                        rank=2,
                        text=Fact("Utvikling og etablering av kunnskapsbaserte metoder, modeller og tiltak i lokale "
                                  "lavterskeltilbud f.eks. etter modell av Ung Arena og annen modellutprøving for "
                                  "tilgjengelige og helhetlige lavterskeltilbud", _P, _BARN.at("«Pri 2»")),
                        measure_types=(MeasureType.LAVTERSKEL_UNG,),
                    ),
                ),
            ),
        ),
    )
)


def rules_for(year: int) -> LangvarigeSammensatteRules:
    """The registered rule set for ``year`` (2022 only); unknown years name the known ones."""
    rules = get_rule_set(SCHEME_ID, year)
    assert isinstance(rules, LangvarigeSammensatteRules)
    return rules


# --------------------------------------------------------------------------- ranking


@attrs.frozen(kw_only=True)
class RankedMeasure:
    """A measure of an application with the priority it falls under (``None`` when none)."""

    label: str
    given_type: str
    measure_type: MeasureType | None
    priority: Priority | None
    #: Why it is unranked ("not a priority for barn-unge", "unknown measure type ..."), as words.
    reason: Readable | None = None


@attrs.frozen(kw_only=True)
class Ranking:
    """An application's measures in priority order, plus those no priority covers.

    ``ranked`` is sorted by priority rank (ties keep the application's order);
    ``not_prioritised`` holds known types this variant does not name; ``unknown``
    holds types that are not recognised at all. Together they hold every input.

    The priorities are provisional (the deck: "Med forbehold - endringer i
    regelverket kommer"): ``rule_set_status`` and ``reservation`` carry that, and
    :meth:`to_text` says it on its first line.
    """

    target_group: TargetGroup
    ranked: tuple[RankedMeasure, ...]
    not_prioritised: tuple[RankedMeasure, ...]
    unknown: tuple[RankedMeasure, ...]
    rule_set: tuple[str, int, str]
    #: The status of the rules the ranking rests on (PROVISIONAL for 2022).
    rule_set_status: Status = Status.PROVISIONAL
    #: The source's reservation, verbatim, when it has one.
    reservation: Fact[str] | None = None

    @property
    def complete(self) -> bool:
        """True when every measure got a priority."""
        return not self.not_prioritised and not self.unknown

    @property
    def provisional(self) -> bool:
        """True when the ranking rests on rules that are not final."""
        return self.rule_set_status is not Status.FINAL

    def to_text(self, lang: Lang = DEFAULT_LANG) -> str:
        """The ranking for people, in ``lang``: the reservation first when the rules are provisional."""
        lines = []
        if self.provisional:
            source = ""
            if self.reservation is not None:
                source = text("langvarige.ranking.source", lang,
                              source=self.reservation.citation.tag or self.reservation.citation.document)
            lines.append(text("langvarige.ranking.provisional", lang, source=source, scheme=self.rule_set[0],
                              year=self.rule_set[1], status=status_word(self.rule_set_status, lang, neuter=True)))
        lines.append(text("langvarige.ranking.heading", lang, group=self.target_group.value))
        for i, m in enumerate(self.ranked, 1):
            assert m.priority is not None
            lines.append(text("langvarige.ranking.ranked", lang, n=i, label=m.label, rank=m.priority.rank,
                              type=m.measure_type.value if m.measure_type else ""))
        for m in self.not_prioritised + self.unknown:
            lines.append(text("langvarige.ranking.unranked", lang, label=m.label,
                              reason=m.reason.text(lang) if m.reason is not None else ""))
        return "\n".join(lines)


def rank_measures(
    measures: Iterable[tuple[str, MeasureType | str]],
    target_group: TargetGroup | str,
    *,
    rules: LangvarigeSammensatteRules | None = None,
) -> Ranking:
    """Order ``(label, measure type)`` pairs by the priorities of ``target_group``.

    The priorities are provisional (as is the whole rule set), and the result says
    so (:attr:`Ranking.provisional`, :meth:`Ranking.to_text`). Measure types may be
    given as :class:`MeasureType`, its value, or the deck's own words ("Housing First
    tiltak", "Lavterskel substitusjonsbehandlingstilbud", "Behandlingsforberedende
    tiltak", "MO-sentre", "ACT/FACT"); target groups as "voksne" or "barn/unge".
    Nothing is dropped: see :class:`Ranking`.
    """
    rules = rules or rules_for(2022)
    variant = rules.variant(target_group)
    ranked: list[tuple[int, int, RankedMeasure]] = []
    not_prioritised: list[RankedMeasure] = []
    unknown: list[RankedMeasure] = []
    for index, item in enumerate(measures):
        if not (isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str)):
            raise InvalidTypeError(Notice("langvarige.error.measure_pair", {"n": index + 1, "value": repr(item)}),
                                   field="measures", value=item, expected=Notice("langvarige.expected.measure_pair"))
        label, given = item
        given_text = given.value if isinstance(given, MeasureType) else str(given)
        try:
            mt = parse_measure_type(given)
        except UnknownMeasureTypeError as exc:
            unknown.append(RankedMeasure(label=label, given_type=given_text, measure_type=None, priority=None,
                                         reason=exc.message))
            continue
        priority = variant.priority_of(mt)
        if priority is None:
            not_prioritised.append(RankedMeasure(
                label=label, given_type=given_text, measure_type=mt, priority=None,
                reason=Notice("langvarige.reason.not_prioritised",
                              {"type": mt.value, "group": variant.target_group.value}),
            ))
        else:
            ranked.append((priority.rank, index, RankedMeasure(label=label, given_type=given_text,
                                                               measure_type=mt, priority=priority)))
    ranked.sort(key=lambda t: (t[0], t[1]))
    return Ranking(
        target_group=variant.target_group,
        ranked=tuple(r for _, _, r in ranked),
        not_prioritised=tuple(not_prioritised),
        unknown=tuple(unknown),
        rule_set=(rules.scheme_id, rules.year, rules.digest),
        rule_set_status=rules.status,
        reservation=rules.reservation,
    )
