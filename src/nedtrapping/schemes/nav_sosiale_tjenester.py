"""Tilskudd til utvikling av de sosiale tjenestene i NAV-kontoret (kap. 0621 post 63), 2022.

Why a module of its own: the deck lists it next to the rusarbeid phase-down, and a
municipality plans both together. The scheme pays salaries for positions, at most
610 000 kr per 100 % position (we cut it pro rata for a lower percentage, as the
amount is "per 100 % position") plus at most 20 000 kr per measure for competence,
one year at a time and at most three years for the same measure. No phase-down
of this scheme was found in any source.

:func:`maximum_grant` computes the most an application can get, exactly and
explained; it refuses a measure in its fourth year rather than returning 0.

Rounding (an assumption, no source gives one): a pro-rata cap is rounded **down**
to whole kroner, once per position. The cap is "at most" 610 000 kr per 100 %, so
rounding must never lift it above the exact pro-rata figure (610 000 × 100/7 % =
87 142,857… kr gives 87 142 kr, not 87 143 kr). This differs on purpose from the
half-up rule used for grants that *are* an amount (see :mod:`nedtrapping.money`).

Inputs are checked by type, and a wrong one raises :class:`TypeError` (or
:class:`ValueError` for a wrong value) naming the measure and the field.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

import attrs

from nedtrapping import sources as src
from nedtrapping.deadlines import Purpose, exact_deadline
from nedtrapping.errors import InvalidTypeError, InvalidValueError, NedtrappingError
from nedtrapping.explain import Explanation, words
from nedtrapping.grant import explain, explain_verdict, figure
from nedtrapping.money import Money
from nedtrapping.provenance import Fact, Status
from nedtrapping.registry import get_rule_set, register, register_position_scheme
from nedtrapping.rounding import CAP_ROUNDING_RULE, round_cap_down_to_kroner
from nedtrapping.ruleset import RuleSet, RuleSetId
from nedtrapping.scheme import DOWN, Check, FactRef, GrantQuery, Option, Rate, Verdict, year_in_scheme
from nedtrapping.validators import position_percent
from nedtrapping.wording import Notice

__all__ = [
    "SCHEME_ID",
    "NavSosialeTjenesterRules",
    "MeasurePosition",
    "NavSosialeTjenesterScheme",
    "SCHEME",
    "Measure",
    "MeasureGrant",
    "NavGrantResult",
    "MaxYearsExceededError",
    "RULES_2022",
    "rules_for",
    "maximum_grant",
    "round_cap_down_to_kroner",
    "CAP_ROUNDING_RULE",
]

#: The scheme id: the key of its rule sets in the registry and on the command line.
SCHEME_ID = "nav-sosiale-tjenester"


class MaxYearsExceededError(NedtrappingError, ValueError):
    """A measure would get the grant for more years than the scheme allows (three)."""


@attrs.frozen(kw_only=True)
class NavSosialeTjenesterRules(RuleSet):
    """The rules of the NAV social-services development grant for one year."""

    #: What the grant pays for.
    purpose: Fact[str]
    #: The most per 100 % position.
    max_per_full_position: Fact[Money]
    #: The amount is cut in proportion for a position below 100 %.
    pro_rata: Fact[bool]
    #: The most per measure for competence (kompetanseheving).
    max_per_competence_measure: Fact[Money]
    #: A grant covers one year at a time.
    years_per_grant: Fact[int]
    #: At most this many years for the same measure.
    max_years_same_measure: Fact[int]
    #: The year's priorities in the deck's order.
    priorities: tuple[Fact[str], ...] = ()


_DECK_NAV = src.DECK.at("lysark «Tilskudd til utvikling av de sosiale tjenestene i NAV kontoret 2022»")
_NAV_22_CAP = src.NAV_22.at(
    "Beløp: inntil 610 000 kr per 100 % stilling",
    quote="Det gis inntil 610.000 kroner per 100 prosent stilling (lønn og sosiale utgifter)",
)
_NAV_22_PERIOD = ("Tilskudd gis primært for ett år fra oppstartsdato, men det kan gis i inntil tre år til samme "  # name: as published
                  "tiltak.")

#: The registered rule set for 2022 (the same object as ``get_rule_set(SCHEME_ID, 2022)``).
#:
#: :meta hide-value:
RULES_2022 = register(
    NavSosialeTjenesterRules(
        scheme_id=SCHEME_ID,
        year=2022,
        title="Tilskudd til utvikling av de sosiale tjenestene i NAV-kontoret",  # name: as published
        title_en="Grant for developing the social services of the NAV office",  # name: as published
        budget_chapter="kap. 0621 post 63",
        citation=src.NAV_22,
        applicants=Fact("Kommuner v/NAV kontoret", Status.FINAL, _DECK_NAV.at("«Kommuner v/NAV kontoret»"),
                        note=Notice("nav.note.applicants")),
        deadlines=(
            exact_deadline(Purpose.APPLICATION, _dt.date(2022, 2, 1), _DECK_NAV.at("«Søknadsfrist 1. februar»"),
                           as_written="1. februar", note=Notice("nav.deadline.application", {"year": 2022})),
            exact_deadline(Purpose.APPLICATION, _dt.date(2022, 2, 7),
                           src.NAV_22.at("søknadsfrist utsatt",
                                         quote="Søknadsfrist: 7. februar 2022 – er utvidet med 1 uke."),
                           as_written="7. februar 2022", county="Nordland",
                           note=Notice("nav.deadline.nordland")),
            exact_deadline(Purpose.REPORTING, _dt.date(2023, 2, 1),
                           src.NAV_22.at("rapportering", quote="Rapportering: Frist for statusrapportering og "
                                                               "regnskapsrapportering er 1. februar 2023"),
                           as_written="1. februar 2023", note=Notice("nav.deadline.reporting", {"year": 2022})),
        ),
        purpose=Fact("Lønn til stillinger", Status.FINAL, _DECK_NAV.at("«Lønn til stillinger»")),
        max_per_full_position=Fact(Money.kroner(610_000), Status.FINAL, _NAV_22_CAP),
        pro_rata=Fact(True, Status.INFERRED, _NAV_22_CAP,
                      note=Notice("nav.note.pro_rata")),
        max_per_competence_measure=Fact(Money.kroner(20_000), Status.FINAL,
                                        src.NAV_22.at("Beløp: inntil 20 000 kr per tiltak til kompetanse",
                                                      quote="inntil 20.000 kroner per tiltak til kompetanse som "
                                                            "trengs spesifikt for dette tiltaket")),
        years_per_grant=Fact(1, Status.UNCERTAIN, src.NAV_22.at("Tidsperiode", quote=_NAV_22_PERIOD),
                             note=Notice("nav.note.years_per_grant")),
        max_years_same_measure=Fact(3, Status.FINAL, _DECK_NAV.at("«Inntil tre år»", quote="Inntil tre år"),
                                    note=Notice("nav.note.max_years")),
        priorities=tuple(
            Fact(text, Status.FINAL, _DECK_NAV.at("«Prioriteringer 2022»"))
            for text in (
                # verbatim from the deck, typos included ("Helthetlig", "innstas")
                "Helthetlig og samordnet tjenestetilbud tilpasset brukernes behov",  # name: as published
                "Arbeid med barnefamilier, ungdom, innvandrere og langtidsmottakere av sosiale tjenester",  # name: as published
                "Sikring av sårbare overganger, blant annet løslatelse etter straffegjennomføring, mellom "  # name: as published
                "utdanning og arbeidsliv, og mellom ulike tjenester som barnevernet og NAV",
                "Forebygging og/eller tidlig innstas",  # name: as published
                "NB! Klyngesamarbeid",
            )
        ),
    )
)


def rules_for(year: int) -> NavSosialeTjenesterRules:
    """The registered rule set for ``year`` (2022 only); unknown years name the known ones."""
    rules = get_rule_set(SCHEME_ID, year)
    assert isinstance(rules, NavSosialeTjenesterRules)
    return rules


# --------------------------------------------------------------------------- application


_PRIOR_YEARS = Notice("nav.expected.prior_years")


def _wrong_type(value: object, expected: Notice) -> Notice:
    """"expected …, got <type> <value>": the words of a value of the wrong type."""
    return Notice("nav.error.type", {"expected": expected, "type": type(value).__name__, "value": repr(value)})


def _in_measure(label: str, message: Notice) -> Notice:
    """A message about one measure, naming it."""
    return Notice("nav.error.in_measure", {"label": label, "message": message})


def _optional_money(value: object) -> Money | None:
    if value is None or isinstance(value, Money):
        return value
    expected = Notice("nav.expected.money_or_none")
    raise InvalidTypeError(_wrong_type(value, expected), field="requested", value=value, expected=expected)


def _check_label(instance: object, _attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        expected = Notice("nav.expected.label")
        raise InvalidTypeError(_wrong_type(value, expected), field=f"{type(instance).__name__}.label", value=value,
                               expected=expected)


def _positions_tuple(value: object) -> tuple[object, ...]:
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        expected = Notice("nav.expected.positions")
        raise InvalidTypeError(_wrong_type(value, expected), field="Measure.positions", value=value,
                               expected=expected)
    return tuple(value)


def _position_percent(value: object) -> Fraction:
    return position_percent(value, "Position.percent")


@attrs.frozen(kw_only=True)
class MeasurePosition:
    """A position applied for: its percentage and, optionally, the amount requested for it."""

    label: str = attrs.field(validator=_check_label)
    #: The position percentage in (0, 100]: int, Decimal, Fraction or text ("50", "33,3"); floats refused.
    percent: Fraction = attrs.field(converter=_position_percent)
    requested: Money | None = attrs.field(default=None, converter=_optional_money)

    def __attrs_post_init__(self) -> None:
        if self.requested is not None and self.requested.ore < 0:
            raise InvalidValueError(Notice("nav.error.requested_negative", {"label": self.label,
                                                                            "amount": self.requested}),
                                    field="requested", value=self.requested, expected=Notice("nav.expected.not_negative"))


@attrs.frozen(kw_only=True)
class Measure:
    """A measure (tiltak): its positions, whether it has a competence part, and how many
    years it has *already* had this grant (0 for a new measure)."""

    label: str = attrs.field(validator=_check_label)
    positions: tuple[MeasurePosition, ...] = attrs.field(default=(), converter=_positions_tuple)
    #: Whether the measure has a competence part: ``True`` or ``False`` (text such as "no" is refused).
    competence: bool = False
    competence_requested: Money | None = attrs.field(default=None, converter=_optional_money)
    prior_years: int = 0

    def __attrs_post_init__(self) -> None:
        for i, pos in enumerate(self.positions):
            if not isinstance(pos, MeasurePosition):
                raise InvalidTypeError(Notice("nav.error.position_item", {"label": self.label, "index": i,
                                                                           "type": type(pos).__name__,
                                                                           "value": repr(pos)}),
                                       field="positions", value=pos, expected=Notice("nav.expected.position"))
        if not isinstance(self.competence, bool):
            raise InvalidTypeError(_in_measure(self.label, _wrong_type(self.competence, Notice("nav.expected.bool"))),
                                   field="competence", value=self.competence, expected=Notice("nav.expected.bool"))
        if isinstance(self.prior_years, bool) or not isinstance(self.prior_years, int):
            raise InvalidTypeError(_in_measure(self.label, _wrong_type(self.prior_years, _PRIOR_YEARS)),
                                   field="prior_years", value=self.prior_years, expected=_PRIOR_YEARS)
        if self.prior_years < 0:
            raise InvalidValueError(_in_measure(self.label, _wrong_type(self.prior_years, _PRIOR_YEARS)),
                                    field="prior_years", value=self.prior_years, expected=_PRIOR_YEARS)
        if self.competence_requested is not None and self.competence_requested.ore < 0:
            raise InvalidValueError(Notice("nav.error.competence_requested_negative",
                                           {"label": self.label, "amount": self.competence_requested}),
                                    field="competence_requested", value=self.competence_requested,
                                    expected=Notice("nav.expected.not_negative"))
        if self.competence_requested is not None and not self.competence:
            raise InvalidValueError(Notice("nav.error.competence_requested_without", {"label": self.label}),
                                    field="competence_requested", value=self.competence_requested)
        if not self.positions and not self.competence:
            raise InvalidValueError(Notice("nav.error.empty_measure", {"label": self.label}), field="positions",
                                    expected=Notice("nav.expected.measure_content"))


@attrs.frozen(kw_only=True)
class MeasureGrant:
    """The maximum for one measure, with the year of the measure it is for."""

    measure: Measure
    year_of_measure: int
    positions: tuple[tuple[MeasurePosition, Money], ...]
    competence: Money
    total: Money
    explanation: Explanation


@attrs.frozen(kw_only=True)
class NavGrantResult:
    """The maximum grant of an application: per measure, the total, and why."""

    measures: tuple[MeasureGrant, ...]
    total: Money
    explanation: Explanation
    rule_set: RuleSetId



def _request(requested: Money | None, cap: Money) -> tuple[Money, Notice | str]:
    """What a request does to a cap: the amount it leaves and the words that say so (none without a request)."""
    if requested is None:
        return cap, ""
    if requested < cap:
        return requested, words("nav.request.less", requested=requested)
    if requested == cap:
        return cap, words("nav.request.same", requested=requested)
    return cap, words("nav.request.exceeds", requested=requested, over=requested - cap, cap=cap)


def _verdict(rules: NavSosialeTjenesterRules, year: int, first: int) -> Verdict:
    n = year_in_scheme(year, first)
    max_years = rules.need("max_years_same_measure")
    years_ref = FactRef.at(rules, "max_years_same_measure")
    return Verdict((Check("started", n >= 1, {"year": year, "first": first}, (years_ref,)),
                    Check("nav.within_years", n <= max_years, {"year": year, "n": n, "max": max_years}, (years_ref,))))


def _rate(rules: NavSosialeTjenesterRules, year: int, first: int) -> Rate:
    """The rule, once: at most 610 000 kr per 100 % position, pro rata, rounded down (a cap), for at most 3 years."""
    n = year_in_scheme(year, first)
    verdict = _verdict(rules, year, first)
    notes = ((words("note.nav.maximum"), ()),)
    if not verdict.eligible:
        return Rate(per_full_position=Money.zero(), pro_rata=False, rounding=DOWN, year_in_scheme=n, verdict=verdict,
                    rule_set=rules)
    cap = rules.need("max_per_full_position")
    return Rate(per_full_position=cap, pro_rata=rules.need("pro_rata"), rounding=DOWN, year_in_scheme=n,
                verdict=verdict, rule_set=rules, amount_words="rate.amount.nav",
                amount_uses=(FactRef.at(rules, "max_per_full_position"), FactRef.at(rules, "pro_rata")), notes=notes)


def _measure_grant(rules: NavSosialeTjenesterRules, m: Measure) -> MeasureGrant:
    max_years = rules.need("max_years_same_measure")
    year_of_measure = m.prior_years + 1
    if year_of_measure > max_years:
        raise MaxYearsExceededError(
            Notice("nav.error.max_years", {"label": m.label, "year": rules.year, "n": year_of_measure,
                                           "prior": m.prior_years, "rule_set": rules.key_text, "max": max_years,
                                           "citation": str(rules.max_years_same_measure.citation)}),
            field="prior_years", value=m.prior_years,
            expected=Notice("nav.expected.prior_years_at_most", {"most": max_years - 1}),
        )
    measure_rate = _rate(rules, rules.year, rules.year - m.prior_years)
    steps: list[Explanation] = []
    per_position: list[tuple[MeasurePosition, Money]] = []
    for pos in m.positions:
        capped, request = _request(pos.requested, figure(measure_rate, pos.percent))
        per_position.append((pos, capped))
        query = GrantQuery(year=rules.year, first_grant_year=rules.year - m.prior_years, percent=pos.percent,
                           subject=pos.label)
        steps.append(Explanation(words("nav.position", label=pos.label, percent=pos.percent),
                                 words("nav.position.figure", capped=capped, request=request), (),
                                 (explain(measure_rate, query),)))
    competence = Money.zero()
    if m.competence:
        cap = rules.need("max_per_competence_measure")
        competence, request = _request(m.competence_requested, cap)
        steps.append(Explanation(words("nav.competence"), words("nav.competence.figure", cap=cap, request=request),
                                 (rules.use("max_per_competence_measure", rules.max_per_competence_measure),)))
    total = sum((amount for _, amount in per_position), Money.zero()) + competence
    if not m.positions:
        steps.append(explain_verdict(measure_rate.verdict, m.label))
    return MeasureGrant(
        measure=m, year_of_measure=year_of_measure, positions=tuple(per_position), competence=competence,
        total=total, explanation=Explanation(words("nav.measure", label=m.label), total, (), tuple(steps)),
    )


def maximum_grant(measures: Iterable[Measure], *, rules: NavSosialeTjenesterRules | None = None) -> NavGrantResult:
    """The most an application of ``measures`` can get under ``rules`` (default: 2022).

    Positions: at most 610 000 kr per 100 % position, pro rata, rounded **down** to
    whole kroner once per position (so it never exceeds "at most"); plus at most
    20 000 kr per measure with a competence part; a requested amount below the cap
    caps it further, and one above it is cut to the cap (the explanation says so).
    Raises :class:`MaxYearsExceededError` for a measure that has already had the grant
    for three years, and :class:`TypeError` naming the item for anything that is not
    a :class:`Measure`.
    """
    if rules is None:
        rules = rules_for(2022)
    elif not isinstance(rules, NavSosialeTjenesterRules):
        raise InvalidTypeError(Notice("nav.error.rules_type", {"type": type(rules).__name__}), field="rules",
                               value=rules, expected=Notice("nav.expected.rules"))
    if isinstance(measures, (str, bytes, Mapping, Measure)) or not isinstance(measures, Iterable):
        expected = Notice("nav.expected.measures")
        raise InvalidTypeError(_wrong_type(measures, expected), field="measures", value=measures, expected=expected)
    items = tuple(measures)
    for i, m in enumerate(items):
        if not isinstance(m, Measure):
            raise InvalidTypeError(Notice("nav.error.measure_item", {"index": i, "type": type(m).__name__,
                                                                      "value": repr(m)}),
                                   field="measures", value=m, expected=Notice("nav.expected.measure"))
    if not items:
        raise InvalidValueError(Notice("nav.error.no_measures"), field="measures", value=[],
                                expected=Notice("nav.expected.measures"))
    labels = [m.label for m in items]
    dupes = sorted({x for x in labels if labels.count(x) > 1})
    if dupes:
        raise InvalidValueError(Notice("nav.error.duplicate_labels", {"labels": ", ".join(dupes)}), field="measures",
                                value=dupes)
    grants = tuple(_measure_grant(rules, m) for m in items)
    total = sum((g.total for g in grants), Money.zero())
    expl = Explanation(words("nav.maximum", title=rules.title, year=rules.year), total, (),
                       tuple(g.explanation for g in grants))
    return NavGrantResult(measures=grants, total=total, explanation=expl,
                          rule_set=rules.id)


# --------------------------------------------------------------------------- the planner's view


@attrs.frozen
class NavSosialeTjenesterScheme:
    """NAV sosiale tjenester as the planner sees it: a position's grant is the most the scheme pays.

    The scheme gives a cap ("inntil 610 000 kr per 100 % stilling"), not an amount: the
    plan uses the cap (pro rata, rounded down) as the grant and says so; an amount from the
    grant letter (``granted``) wins. A measure gets the grant for at most three years;
    a year with no rule set is unknown, never 0.
    """

    scheme_id: str = SCHEME_ID
    name: str = "NAV sosiale tjenester"  # name: as published
    default_years: tuple[int, ...] = (2022,)
    options: tuple[Option, ...] = ()
    #: No phase-down: no base year.
    base_year: int | None = None

    def first_rule_year(self) -> int:
        return 2022

    def rules_for(self, year: int) -> NavSosialeTjenesterRules:
        return rules_for(year)

    def _rules(self, year: int, rules: RuleSet | None) -> NavSosialeTjenesterRules:
        if rules is None:
            return rules_for(year)  # a year without rules: UnknownSchemeError, an unknown grant to the planner
        if not isinstance(rules, NavSosialeTjenesterRules):
            raise InvalidTypeError(Notice("nav.error.rules_type", {"type": type(rules).__name__}), field="rules",
                                   value=rules, expected=Notice("nav.expected.rules"))
        if rules.year != year:
            raise InvalidValueError(Notice("nav.error.rules_year", {"rules_year": rules.year, "year": year}),
                                    field="rules", value=rules.year)
        return rules

    def cell(self, query: GrantQuery) -> GrantQuery:
        """The query as the rate sees it: the year and the measure's first year only."""
        return GrantQuery(year=query.year, first_grant_year=query.first_grant_year)

    def rate(self, query: GrantQuery, rules: RuleSet | None = None) -> Rate:
        """The most the scheme pays per 100 % position in the measure's year (a cap, rounded down)."""
        return _rate(self._rules(query.year, rules), query.year, query.first_grant_year)

    def position_notes(self, query: GrantQuery, years: Sequence[int]) -> list[Notice]:
        return [Notice("warning.nav.maximum", {"subject": query.subject, "scheme": SCHEME_ID})]


#: The scheme as the planner plans it.
SCHEME = register_position_scheme(NavSosialeTjenesterScheme())

