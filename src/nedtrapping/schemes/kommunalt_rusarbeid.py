"""Tilskudd til kommunalt rusarbeid (kap. 765 post 62): the scheme being wound down.

The rules by year:

* 2017–2021 — the legacy **year ladder** (årsstigen): an amount per 100 % position
  that is cut every year, for at most four years, pro rata by position percentage.
  Steps 1 (660 000, a 2017 award) and 2 (550 000, a 2019 award) are
  :attr:`~nedtrapping.provenance.Status.INFERRED` from press reports of single awards;
  steps 3 and 4 are :attr:`~nedtrapping.provenance.Status.UNKNOWN` and stay so until
  a user supplies them from a grant letter
  (:meth:`KommunaltRusarbeidRules.with_ladder_step`).
* 2022 — transitional, "beregnes som tidligere": the ladder again, but only for
  municipalities that got the grant in 2021 and only for existing positions.
* 2023 and 2024 — a flat 330 000 per 100 % position, still within the four years
  (in 2024 a position in its fourth year in 2023 gets nothing, unless an approved
  carry-over of unspent money: :attr:`KommunaltRusarbeidRules.carry_over_exception`).
* from 2025 — nothing: 2024 is the last grant year.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Sequence
from fractions import Fraction

import attrs

from nedtrapping import sources as src
from nedtrapping.deadlines import Deadline, Purpose, exact_deadline
from nedtrapping.errors import InvalidTypeError, InvalidValueError
from nedtrapping.grant import GrantResult, grant
from nedtrapping.money import Money
from nedtrapping.provenance import Citation, Fact, Status
from nedtrapping.registry import get_rule_set, register, register_position_scheme, years_of
from nedtrapping.ruleset import RuleSet
from nedtrapping.scheme import HALF_UP, Check, FactRef, GrantQuery, Option, Rate, Verdict, year_in_scheme
from nedtrapping.validators import position_percent, require_year
from nedtrapping.wording import Notice

__all__ = [
    "SCHEME_ID",
    "years_of",
    "Method",
    "LegacyLadder",
    "KommunaltRusarbeidRules",
    "GrantResult",
    "RECEIVED_2021",
    "year_in_scheme",
    "rules_for",
    "check_eligibility",
    "rate",
    "compute_grant",
    "KommunaltRusarbeidScheme",
    "SCHEME",
    "application_deadline",
    "RULES_2021",
    "RULES_2022",
    "RULES_2023",
    "RULES_2024",
]

#: The scheme id: the key of its rule sets in the registry and on the command line.
SCHEME_ID = "kommunalt-rusarbeid"


class Method(enum.Enum):
    """How a year's grant per position is computed."""

    LEGACY_LADDER = "legacy-ladder"
    FLAT_PER_POSITION = "flat-per-position"


def _how_to_supply_step(step: int, year: int) -> str:  # pragma: no mutate block (rule data, built at import)
    return (
        f"take the amount per 100 % position for a position in its year {step} from your municipality's "
        f"grant letter (tilsagnsbrev) for {year}, then either "
        f"(Python) rules = rules_for({year}).with_ladder_step({step}, Money.kroner(AMOUNT), source='Tilsagnsbrev {year}, <kommune>'), "
        f"or (command line) nedtrapping plan positions.csv --ladder-step {year}:{step}=AMOUNT, "
        f"or give the position's granted amount in a 'granted_{year}' (or 'tildelt_{year}') column."
    )


_HDIR_21_LADDER = src.HDIR_21.at(
    "bakgrunn: tidsbegrenset tilskuddsperiode med årlig reduksjon (årsstigen)",
    quote="Dette innebærer en tidsbegrenset tilskuddsperiode på inntil fire (4) år med en årlig reduksjon av "
          "tilskuddsbeløp",
)


def _unknown_step(step: int, year: int) -> Fact[Money]:  # pragma: no mutate block (rule data, built at import)
    return Fact.unknown(
        _HDIR_21_LADDER,
        note=(
            f"The ladder amount for year {step} in the scheme has not been found in any public source "
            "(searched: Helsedirektoratet's rules, Statsforvalteren pages, press reports). An arithmetic "
            "pattern in the known steps is not a source."
        ),
        how_to_supply=_how_to_supply_step(step, year),
    )


@attrs.frozen(kw_only=True)
class LegacyLadder:
    """The legacy year ladder: the amount per 100 % position for years 1–4 in the scheme."""

    step_1: Fact[Money]
    step_2: Fact[Money]
    step_3: Fact[Money]
    step_4: Fact[Money]
    #: The position percentage behind step 2's source (VOL-19 names none: 100 % is inferred).
    step_2_percent: Fact[int] | None = None

    def step(self, n: int) -> Fact[Money]:
        if n not in (1, 2, 3, 4):
            raise InvalidValueError(f"the ladder has steps 1–4; got step {n!r}")
        fact: Fact[Money] = getattr(self, f"step_{n}")
        return fact



_STEP_1 = Fact(
    Money.kroner(660_000),
    Status.INFERRED,
    src.SAL_17.at(
        "2017 award to Salangen: 660 000 kr for ett årsverk",
        quote="Salangen kommune får 660.000 kroner i tilskudd innrettet mot kommunalt rusarbeid. [...] Midlene "
              "skal gå til ett årsverk ved psykiatritjenesten.",
    ),
    note=("Inferred: a 2017 award (Fylkesmannen i Troms' letter, reported 1 May 2017), the first year of the "
          "2017 rules (HDIR-21: «Tilskuddsordningen fikk i 2017 ny innretning»), so the position was in its "
          "year 1. The article says «ett årsverk», not «år 1» or «100 %»: that this is the step for a 100 % "
          "position in its first year is inferred, not stated."),
)
_STEP_2 = Fact(
    Money.kroner(550_000),
    Status.INFERRED,
    src.VOL_19.at(
        "2019 award to Øksnes: «ettervernkonsulent år 2 med kr 550 000»",
        quote="Fylkesmannen gir et tilskudd på inntil kr 660 000,- til ettervernkonsulent år 2 med kr 550 000,- "
              "og erfaringskonsulent år 2 med kr 110 000,-.",
    ),
    note=("The amount for a position in its year 2 is stated (VOL-19); the source gives no position "
          "percentage, so that 550 000 is the amount for a 100 % position is inferred (see step_2_percent). "
          "No source says the ladder amounts changed between 2017 and 2021."),
)
_STEP_2_PERCENT = Fact(
    100,
    Status.INFERRED,
    src.VOL_19.at("«ettervernkonsulent år 2 med kr 550 000» (no percentage given)",
                  quote="ettervernkonsulent år 2 med kr 550 000,-"),
    note=("VOL-19 names no position percentage for the 550 000: that it is the amount for a 100 % position "
          "(the basis of the ladder, RUSF-20) is inferred."),
)


def _legacy_ladder(year: int) -> LegacyLadder:  # pragma: no mutate block (rule data, built at import)
    return LegacyLadder(
        step_1=_STEP_1,
        step_2=_STEP_2,
        step_3=_unknown_step(3, year),
        step_4=_unknown_step(4, year),
        step_2_percent=_STEP_2_PERCENT,
    )


@attrs.frozen(kw_only=True)
class KommunaltRusarbeidRules(RuleSet):
    """The rules of kommunalt rusarbeid for one budget year."""

    method: Fact[Method]
    #: The legacy ladder (used when :attr:`method` is the legacy ladder).
    ladder: LegacyLadder | None = None
    #: Why ladder amounts known from earlier years are used for this year (an assumption).
    ladder_amounts_basis: Fact[str] | None = None
    #: The flat amount per 100 % position (2023 and 2024).
    flat_amount: Fact[Money] | None = None
    #: The amount is cut in proportion for a position below 100 %.
    pro_rata: Fact[bool]
    #: At most this many years in the scheme for one position.
    max_years_in_scheme: Fact[int]
    #: How a position's year in the scheme is counted.
    year_in_scheme_rule: Fact[str]
    #: Only municipalities that received the grant in 2021 may apply (from 2022).
    requires_grant_in_2021: Fact[bool]
    #: Only positions that existed (were funded) in 2021 may continue (from 2022).
    only_existing_positions: Fact[bool]
    #: The last year any grant is paid.
    last_grant_year: Fact[int]
    #: The national frame for the year, when a source gives it.
    national_frame: Fact[Money]
    #: Whether the report needs an auditor's certificate, where a source says.
    auditor_certificate_required: Fact[bool] | None = None
    #: The target group, as the source words it.
    target_group: Fact[str] | None = None
    #: The year's priorities, in the source's order.
    priorities: tuple[Fact[str], ...] = ()
    #: The one exception to "at most four years" a source states for the year (2024: an approved
    #: carry-over of unspent money), verbatim, for plans and explanations to show.
    carry_over_exception: Fact[str] | None = None
    #: Sources that contradict a value used (kept, UNCERTAIN, never used in a computation).
    conflicting_sources: tuple[Fact[str], ...] = ()

    def with_ladder_step(self, step: int, amount: Money, source: Citation | str) -> KommunaltRusarbeidRules:
        """A derived rule set where ladder ``step`` is ``amount`` (user-supplied, from ``source``).

        The original is untouched and the derived rule set has a new digest.
        """
        if self.ladder is None:
            flat = self.flat_amount.value if self.flat_amount is not None else None
            raise InvalidValueError(
                f"{self.key_text} pays a flat {flat} per 100 % position, whatever the year in the scheme; "
                "ladder steps apply only to 2021 and 2022"
            )
        self.ladder.step(step)  # validates the step
        if not isinstance(amount, Money):
            raise InvalidTypeError(f"ladder step {step}: expected Money, got {type(amount).__name__} {amount!r}",
                                   field=f"ladder.step_{step}", value=amount, expected="Money")
        supplied = self.supply(f"ladder.step_{step}", amount, source)
        assert isinstance(supplied, KommunaltRusarbeidRules)
        return supplied

    def amount_fact(self, year_in_scheme: int) -> tuple[Money, str, str, Fact[Money]]:
        """The amount for a 100 % position in its ``year_in_scheme``, with the fact's path, name and the fact.

        Raises :class:`~nedtrapping.provenance.UnknownValueError` (with the path and this
        rule set's key) for an unknown ladder step.
        """
        method = self.need("method")
        if method is Method.LEGACY_LADDER:
            assert self.ladder is not None
            fact = self.ladder.step(year_in_scheme)
            path, name = f"ladder.step_{year_in_scheme}", f"ladder step {year_in_scheme}"
            amount = fact.require(
                f"Ladder step {year_in_scheme} (a position in its year {year_in_scheme} in the scheme) "
                f"of {self.key_text}", path=path, rule_set=self.key_text,
            )
        else:
            assert self.flat_amount is not None
            fact = self.flat_amount
            path, name = "flat_amount", "flat amount per 100 % position"
            amount = fact.require(f"The flat amount of {self.key_text}", path=path, rule_set=self.key_text)
        return amount, path, name, fact



# --------------------------------------------------------------------------- rule sets

_APPLICANTS = Fact("Kommuner", Status.FINAL, src.DECK.at("kalender: Kommunalt rusarbeid — Kommuner"))
_MAX_YEARS = Fact(
    4, Status.FINAL,
    src.HDIR_21.at("bakgrunn: «tidsbegrenset tilskuddsperiode på inntil fire (4) år»",
                   quote="Dette innebærer en tidsbegrenset tilskuddsperiode på inntil fire (4) år med en årlig "
                         "reduksjon av tilskuddsbeløp"),
    note="From 2017 a position could get the grant for at most four years (also RUSF-17).",
)
_YEAR_RULE = Fact(
    "year in scheme = budget year − first grant year + 1",
    Status.INFERRED,
    src.HDIR_21.at("bakgrunn: årsstigen"),
    note="No source writes the formula; it follows from 'at most four years, cut every year'.",
)
_LAST_YEAR = Fact(
    2024, Status.FINAL,
    src.INN_24.at("Om søknadsbehandlingen", quote="Dette er siste år med overgangsordning."),
    note=("Transitional rules approved 11 Jan 2022, at most three years, ending in 2024 (RUSF-22a); "
          "HDIR-24 says the same «Med forbehold om Stortingets vedtak»."),
)
_LADDER_BASIS = Fact(
    "the ladder amounts of the 2017 and 2019 awards still apply",
    Status.ASSUMED,
    src.LIBRARY.at("assumptions: ladder amounts"),
    note=("Step 1 = 660 000 is inferred from a 2017 award (SAL-17) and step 2 = 550 000 from a 2019 award "
          "(VOL-19). No source says whether the ladder amounts changed between 2017 and 2021; the library "
          "assumes they did not. If your grant letter says otherwise, supply the amount with with_ladder_step."),
)
_TARGET = Fact(
    "Personer eller grupper av personer, med rusmiddelrelaterte problemer og deres pårørende.",
    Status.FINAL,
    src.TF_21.at("Målgruppe", quote="Personer eller grupper av personer, med rusmiddelrelaterte problemer og "
                                   "deres pårørende."),
)
_TARGET_2022 = Fact(
    "Personer, eller grupper av personer, med rusmiddelrelaterte problemer og deres pårørende",
    Status.FINAL,
    src.NORD_22.at("Målgruppe", quote="Målgruppe: Personer, eller grupper av personer, med rusmiddelrelaterte "
                                     "problemer og deres pårørende"),
    note="The 2022 page words the target group as TF-21 did for 2021 (but for a comma after «Personer»).",
)
_RUSF_20_PRO_RATA = src.RUSF_20.at(
    "«Tilskuddsmidler kommunalt rusarbeid» (the 2020 round)",
    quote="Beregningen tar utgangspunkt i 100 % stillingsressurs. Ved reduksjon i stillingsprosent, skal tilskuddet "
          "reduseres tilsvarende.",
)
_KORUS_CONFLICT = Fact(
    "Søknad sendes Fylkesmannen innen 21. februar.",
    Status.UNCERTAIN,
    src.KORUS_STO_21.at("ingress (beside «455 millioner kroner til rusarbeid i 2021»)",
                        quote="Søknad sendes Fylkesmannen innen 21. februar."),
    note=("One KORUS page gives 21 February for the 2021 ordinary round (beside the 455 MNOK); every other "
          "source gives 10 February 2021 (INN-21 «Søknadsfrist er 10.02.2021», KORUS-21 «Søknadsfrist er "
          "10. februar 2021.»). The library uses 10 February 2021 and keeps this as a conflict; it is never "
          "used in a computation."),
)
_MR_21R_NOTE = ("regional residual money: Statsforvaltaren i Møre og Romsdal's own 4.8 MNOK, beside the national "
                "residual round of about 76 MNOK (MR-21R: «har framleis 4,8 millionar i tilskotsmidlar»)")

#: The registered rule set for 2021 (the same object as ``get_rule_set(SCHEME_ID, 2021)``).
#:
#: :meta hide-value:
RULES_2021 = register(
    KommunaltRusarbeidRules(
        scheme_id=SCHEME_ID,
        year=2021,
        title="Tilskudd til kommunalt rusarbeid",
        title_en="Grant for municipal substance-abuse work",
        budget_chapter="kap. 765 post 62",
        citation=src.TF_21,
        applicants=Fact("Kommuner", Status.FINAL, src.TF_21.at("Hvem kan søke", quote="Hvem kan søke: Kommuner")),
        deadlines=(
            exact_deadline(Purpose.APPLICATION, _dt.date(2021, 2, 10), src.INN_21, as_written="10.02.2021",
                           note="ordinary round (455 MNOK); the report on 2020 has the same deadline. One KORUS "
                                "page says «innen 21. februar»: kept as the UNCERTAIN fact conflicting_sources"),
            exact_deadline(Purpose.APPLICATION, _dt.date(2021, 10, 18),
                           src.TF_21.at("Søknadsfrist", quote="Søknadsfrist: 18. oktober 2021"),
                           as_written="18. oktober 2021", county="Troms og Finnmark",
                           note="residual round: national residual funds of about 76 MNOK", round="restmidler"),
            exact_deadline(Purpose.APPLICATION, _dt.date(2021, 10, 1), src.AGD_21, as_written="1. oktober 2021",
                           county="Agder", note="residual round (ekstrautlysning)", round="restmidler"),
            exact_deadline(Purpose.APPLICATION, _dt.date(2021, 10, 1), src.OV_21, as_written="1. oktober 2021 23:59",
                           county="Oslo og Viken", note="residual round (2. gangs utlysning)", round="restmidler"),
            exact_deadline(Purpose.APPLICATION, _dt.date(2021, 9, 15),
                           src.MR_21R.at("Søknadsfrist", quote="Søknadsfrist: 15. september 2021"),
                           as_written="15. september 2021", county="Møre og Romsdal", note=_MR_21R_NOTE,
                           round="regionale restmidler"),
            exact_deadline(Purpose.APPLICATION, _dt.date(2021, 5, 25),
                           src.VL_21.at("Søknadsfrist", quote="Søknadsfrist: 25. mai 2021 23:59"),
                           as_written="25. mai 2021 23:59", county="Vestland",
                           note=("regional residual money: Statsforvaltaren i Vestland's own money left after the "
                                 "ordinary round, announced again (VL-21: «har att om lag 4 000 000 kroner til "
                                 "fordeling til kommunalt rusarbeid i 2021 og lyser ut tilskotet på nytt»)"),
                           round="regionale restmidler"),
            exact_deadline(Purpose.APPLICATION, _dt.date(2021, 10, 15),
                           src.TRL_21.at("Søknadsfrist", quote="Søknadsfrist: 15. oktober 2021 23.59"),
                           as_written="15. oktober 2021 23.59", county="Trøndelag",
                           note=("residual round: national residual funds, Trøndelag's 2nd call («restmidler for "
                                 "2021 - 2. UTLYSNING»)"),
                           round="restmidler"),
            exact_deadline(Purpose.REPORTING, _dt.date(2022, 2, 15), src.NORD_22, as_written="15. februar 2022",
                           note="report on the 2021 grant, with the 2022 application"),
            exact_deadline(Purpose.REPORTING, _dt.date(2022, 2, 1),
                           src.TF_21.at("Rapporteringsfrist", quote="Rapporteringsfrist: 1. februar 2022"),
                           as_written="1. februar 2022", county="Troms og Finnmark",
                           note="report on the residual-round grant", round="restmidler"),
            exact_deadline(Purpose.REPORTING, _dt.date(2022, 2, 1),
                           src.MR_21R.at("Rapporteringsfrist", quote="Rapporteringsfrist: 1. februar 2022"),
                           as_written="1. februar 2022", county="Møre og Romsdal",
                           note="report on the regional residual-round grant (4.8 MNOK)", round="regionale restmidler"),
        ),
        method=Fact(Method.LEGACY_LADDER, Status.FINAL, _HDIR_21_LADDER),
        ladder=_legacy_ladder(2021),
        ladder_amounts_basis=_LADDER_BASIS,
        pro_rata=Fact(True, Status.INFERRED, _RUSF_20_PRO_RATA,
                      note=("RUSF-20 says it of the 2020 round: «Beregningen tar utgangspunkt i 100 % "
                            "stillingsressurs. Ved reduksjon i stillingsprosent, skal tilskuddet reduseres "
                            "tilsvarende.» That 2021, under the same rules, did the same is inferred: no 2021 source "
                            "found says it.")),
        max_years_in_scheme=_MAX_YEARS,
        year_in_scheme_rule=_YEAR_RULE,
        requires_grant_in_2021=Fact(False, Status.FINAL,
                                    src.TF_21.at("Dette prioriteres i 2021",
                                                 quote="Nye kommuner skal prioriteres inn i ordningen."),
                                    note="In 2021 new municipalities were prioritised into the scheme."),
        only_existing_positions=Fact(
            False, Status.FINAL,
            src.OV_21.at("«velg første søknadsalternativ»",
                         quote="Dette alternativet fører deg til søknad om nye stillinger og gjelder alle kommunene "
                               "som søker nå, også de som allerede har mottatt tilskudd, men som vil søke om "
                               "tilskudd til flere stillinger."),
            note=("In 2021 new positions could be funded: the application alternative of the 2021 residual round "
                  "leads every applying municipality to «søknad om nye stillinger» (OV-21). VL-21 says the same "
                  "for Vestland's May 2021 round: «Dette alternativet fører deg til søknad om nye stillingar og gjeld "
                  "alle kommunane som søker no.»"),
        ),
        last_grant_year=_LAST_YEAR,
        national_frame=Fact(Money.kroner(455_000_000), Status.FINAL,
                            src.KORUS_21.at("ingress", quote="Helsedirektoratet lyser ut 455 millioner kroner til "
                                                             "kommunalt rusarbeid."),
                            note="Ordinary round; the residual round was about 76 MNOK (TF-21)."),
        target_group=_TARGET,
        priorities=tuple(
            Fact(text, Status.FINAL, src.TF_21.at("Dette prioriteres i 2021", quote=text))
            for text in (
                "Nye kommuner skal prioriteres inn i ordningen.",
                "Ansettelser av personer med brukererfaring eller erfaringskonsulenter.",
                "Oppsøkende tverrfaglige behandlings- og oppfølgingsteam.",
                "Oppfølgingstjenester i bolig, bolig med bemanning o.l.",
                "Arbeidsrettede tiltak og/eller aktivitetstilbud.",
                "Tidlig intervensjonstiltak med barn/unge og eldre som prioritert målgruppe.",
                "Lavterskeltjenester",
            )
        ),
        conflicting_sources=(_KORUS_CONFLICT,),
    )
)

_TRANSITION_APPLICANTS = Fact(
    "Kommuner som fikk tilskudd i 2021",
    Status.FINAL,
    src.DECK.at("«Bare kommuner som fikk tilskudd i 2021 kan søke»",
                quote="Bare kommuner som fikk tilskudd i 2021 kan søke"),
)

#: The registered rule set for 2022 (the same object as ``get_rule_set(SCHEME_ID, 2022)``).
#:
#: :meta hide-value:
RULES_2022 = register(
    KommunaltRusarbeidRules(
        scheme_id=SCHEME_ID,
        year=2022,
        title="Tilskudd til kommunalt rusarbeid — overgangsordning",
        title_en="Grant for municipal substance-abuse work — transitional scheme",
        budget_chapter="kap. 765 post 62",
        citation=src.DECK,
        applicants=_TRANSITION_APPLICANTS,
        deadlines=(
            exact_deadline(Purpose.APPLICATION, _dt.date(2022, 2, 15),
                           src.DECK.at("«Søknadsfrist 15. februar»", quote="Søknadsfrist 15. februar"),
                           as_written="15. februar", note="23:59 per NORD-22; the report on 2021 has the same deadline"),
            exact_deadline(Purpose.REPORTING, _dt.date(2023, 2, 1),
                           src.NORD_22.at("Rapporteringsfrist", quote="Rapporteringsfrist: 1. februar 2023 23:59"),
                           as_written="1. februar 2023", note="report on the 2022 grant"),
        ),
        method=Fact(Method.LEGACY_LADDER, Status.FINAL,
                    src.DECK.at("«2022 → Beregnes som tidligere»", quote="2022 → Beregnes som tidligere")),
        ladder=_legacy_ladder(2022),
        ladder_amounts_basis=_LADDER_BASIS,
        pro_rata=Fact(True, Status.INFERRED, _RUSF_20_PRO_RATA,
                      note="The legacy amount is set for a 100 % position and cut in proportion (RUSF-20, said of "
                           "the 2020 round); that 2022, 'computed as before', does the same is inferred."),
        max_years_in_scheme=_MAX_YEARS,
        year_in_scheme_rule=_YEAR_RULE,
        requires_grant_in_2021=Fact(True, Status.FINAL,
                                    src.DECK.at("«Bare kommuner som fikk tilskudd i 2021 kan søke»",
                                                quote="Bare kommuner som fikk tilskudd i 2021 kan søke")),
        only_existing_positions=Fact(True, Status.FINAL,
                                     src.DECK.at("«Bare til videreføring av eksisterende stillinger»",
                                                 quote="Bare til videreføring av eksisterende stillinger")),
        last_grant_year=_LAST_YEAR,
        national_frame=Fact(Money.kroner(350_000_000), Status.UNCERTAIN, src.RUSF_22B,
                            note="A secondary reading of the 2022 frame."),
        target_group=_TARGET_2022,
    )
)

_FLAT_METHOD = Fact(Method.FLAT_PER_POSITION, Status.FINAL,
                    src.DECK.at("«2023 – 2024 → 330 000 pr. stilling»", quote="2023 – 2024 → 330 000 pr. stilling"))
_FULL_PERIOD = "Søkere som oppfyller kriteriene, får mulighet til å fullføre tilskuddsperioden på inntil fire år (2021-2024)."


def _flat_rules(year: int, *, citation: Citation, flat: Fact[Money], deadlines: tuple[Deadline, ...],
                frame: Fact[Money], pro_rata: Fact[bool], max_years: Fact[int], requires_grant_in_2021: Fact[bool],
                only_existing_positions: Fact[bool], auditor_certificate_required: Fact[bool],
                carry_over_exception: Fact[str] | None = None,
                conflicting_sources: tuple[Fact[str], ...] = ()) -> KommunaltRusarbeidRules:  # pragma: no mutate block (rule data, built at import)
    return KommunaltRusarbeidRules(
        scheme_id=SCHEME_ID,
        year=year,
        title="Tilskudd til kommunalt rusarbeid — overgangsordning",
        title_en="Grant for municipal substance-abuse work — transitional scheme",
        budget_chapter="kap. 765 post 62",
        citation=citation,
        applicants=_TRANSITION_APPLICANTS,
        deadlines=deadlines,
        method=_FLAT_METHOD,
        flat_amount=flat,
        pro_rata=pro_rata,
        max_years_in_scheme=max_years,
        year_in_scheme_rule=_YEAR_RULE,
        requires_grant_in_2021=requires_grant_in_2021,
        only_existing_positions=only_existing_positions,
        last_grant_year=_LAST_YEAR,
        national_frame=frame,
        auditor_certificate_required=auditor_certificate_required,
        carry_over_exception=carry_over_exception,
        conflicting_sources=conflicting_sources,
    )


_MR_23_AMOUNT = src.MR_23.at(
    "beløp for 2023 (regelverket pkt 4)",
    quote="For 2023 innvilga beløp for 100% stillingkr 330 000 uavhengig av kor mange år dei har vore med i "
          "tilskotsordninga.",
)
_VL_23_AUDITOR = src.VL_23.at(
    "Søknad og rapportering",
    quote="Rapporteringsfrist for tilskot motteke i 2022 og frist for søknad om tilskot for 2023 er 1. februar 2023. "
          "[...] Ved rapportering er det ikkje naudsynt å levere revisorattest.",
)
_VL_23_LADDER = "Årsstigen i den tidlegare tilskotsordninga skal følgjast og gjeld til og med 2024."
_VL_23_CONFLICT = Fact(
    _VL_23_LADDER,
    Status.UNCERTAIN,
    src.VL_23.at("ingress (oppdatert 26.01.2023)", quote=_VL_23_LADDER),
    note=("Statsforvaltaren i Vestland's 2023 page can be read as the legacy ladder (a lower amount every year) "
          "still applying in 2023 and 2024, against the flat 330 000 kr per 100 % position of the deck («2023 – "
          "2024 → 330 000 pr. stilling»), MR-23 («330 000 uavhengig av kor mange år dei har vore med i "
          "tilskotsordninga») and INN-24 (2024). It can also be read as the ladder's four years still counting "
          "through 2024. The library uses the flat 330 000 kr and keeps this as a conflict; it is never used in a "
          "computation."),
)
_VL_23_CONFLICT_NOTE = ("VL-23 «Årsstigen i den tidlegare tilskotsordninga skal følgjast og gjeld til og med 2024» can "
                        "be read otherwise: kept as the UNCERTAIN fact conflicting_sources, never used.")

#: The registered rule set for 2023 (the same object as ``get_rule_set(SCHEME_ID, 2023)``).
#:
#: :meta hide-value:
RULES_2023 = register(
    _flat_rules(
        2023,
        citation=src.MR_23,
        flat=Fact(Money.kroner(330_000), Status.FINAL,
                  src.DECK.at("«2023 – 2024 → 330 000 pr. stilling»", quote="2023 – 2024 → 330 000 pr. stilling"),
                  note=("Confirmed for 2023 by MR-23 («For 2023 innvilga beløp for 100% stillingkr 330 000»). "
                        + _VL_23_CONFLICT_NOTE)),
        deadlines=(
            exact_deadline(Purpose.APPLICATION, _dt.date(2023, 2, 1),
                           src.MR_23.at("Søknadsfrist", quote="Søknadsfrist: 1. februar 2023"),
                           as_written="1. februar 2023"),
            exact_deadline(Purpose.REPORTING, _dt.date(2024, 2, 1),
                           src.MR_23.at("Rapporteringsfrist", quote="Rapporteringsfrist: 1. februar 2024"),
                           as_written="1. februar 2024", note="report on the 2023 grant"),
        ),
        frame=Fact.unknown(src.MR_23, note="No source found gives the 2023 national frame."),
        pro_rata=Fact(True, Status.INFERRED, _MR_23_AMOUNT,
                      note="MR-23 gives the amount «for 100% stilling»; that a lower percentage gets a proportional "
                           "share (as in the legacy rule, RUSF-20) is inferred."),
        max_years=Fact(4, Status.FINAL, src.OV_23.at("ingress", quote=_FULL_PERIOD),
                       note="Also MR-23: «får moglegheit til å fullføre tilskotsperioden på inntil fire år "
                            "(2021-2024)»."),
        requires_grant_in_2021=Fact(True, Status.FINAL,
                                    src.OV_23.at("Hvem kan søke", quote="Kun kommuner som mottok tilskudd over "
                                                                        "ordningen i 2021 kan søke.")),
        only_existing_positions=Fact(True, Status.FINAL,
                                     src.VL_23.at("ingress", quote="Det er ikkje mogeleg å søke om tilskot til nye "
                                                                   "stillingar.")),
        auditor_certificate_required=Fact(
            False, Status.INFERRED, _VL_23_AUDITOR,
            note=("VL-23's words stand under «Rapporteringsfrist for tilskot motteke i 2022 …»: they are about the "
                  "report on the 2022 grant. That the report on the 2023 grant needs no auditor's certificate either "
                  "is inferred, and it rests on one county's statement (Statsforvaltaren i Vestland); MR-23 and "
                  "INN-24 say nothing about it."),
        ),
        conflicting_sources=(_VL_23_CONFLICT,),
    )
)

_INN_24_AMOUNT = src.INN_24.at(
    "Om søknadsbehandlingen",
    quote="For 2024 gis det kr 330 000 (inkl. kompetansemidler) for en 100 % stilling.",
)
_CARRY_OVER = ("De som fikk tilskudd for 4. året i 2023 kan ikke motta tilskudd i 2024, med mindre det søkes om å "
               "få godkjent overføring av ubrukte midler.")

#: The registered rule set for 2024 (the same object as ``get_rule_set(SCHEME_ID, 2024)``).
#:
#: :meta hide-value:
RULES_2024 = register(
    _flat_rules(
        2024,
        citation=src.INN_24,
        flat=Fact(Money.kroner(330_000), Status.FINAL, _INN_24_AMOUNT,
                  note="In 2024 the 330 000 includes competence money. " + _VL_23_CONFLICT_NOTE),
        deadlines=(
            exact_deadline(Purpose.APPLICATION, _dt.date(2024, 2, 1),
                           src.INN_24.at("Søknadsfrist", quote="Søknadsfrist: 1. februar 2024 23:59"),
                           as_written="1. februar 2024"),
            exact_deadline(Purpose.REPORTING, _dt.date(2025, 2, 1),
                           src.ROG_24.at("Rapporteringsfrist", quote="Rapporteringsfrist: 1. februar 2025"),
                           as_written="1. februar 2025", note="report on the 2024 grant"),
        ),
        frame=Fact(Money.kroner(200_000_000), Status.PROVISIONAL,
                   src.HDIR_24.at("Beløp", quote="Beløp: 200 000 000 kr [...] Oppgitt beløp er kun et anslag og kan "
                                                "bli korrigert senere."),
                   note="An estimate: «Oppgitt beløp er kun et anslag og kan bli korrigert senere»."),
        pro_rata=Fact(True, Status.INFERRED, _INN_24_AMOUNT,
                      note="INN-24 gives the amount «for en 100 % stilling»; that a lower percentage gets a "
                           "proportional share (as in the legacy rule, RUSF-20) is inferred."),
        max_years=Fact(4, Status.FINAL, src.INN_24.at("ingress", quote=_FULL_PERIOD),
                       note=("A position in its 4th year in 2023 gets nothing in 2024 «med mindre det søkes om å få "
                             "godkjent overføring av ubrukte midler» (INN-24; see carry_over_exception).")),
        requires_grant_in_2021=Fact(True, Status.FINAL,
                                    src.INN_24.at("Målgruppe", quote="Kommuner som i 2021 mottok tilskudd etter "
                                                                     "tidligere regelverk, kan søke om videreføring "
                                                                     "av tilskudd.")),
        only_existing_positions=Fact(True, Status.FINAL,
                                     src.INN_24.at("Om søknadsbehandlingen",
                                                   quote="Dette betyr at det ikke åpnes for nye søknader til nye "
                                                         "tiltak i denne overgangsordningen.")),
        auditor_certificate_required=Fact(
            False, Status.INFERRED, _VL_23_AUDITOR,
            note=("No 2024 source says it: inferred from VL-23, whose words are about the report on the 2022 grant "
                  "in the same transitional scheme, and are one county's statement (Statsforvaltaren i Vestland)."),
        ),
        carry_over_exception=Fact(_CARRY_OVER, Status.FINAL,
                                  src.INN_24.at("Om søknadsbehandlingen", quote=_CARRY_OVER),
                                  note="The exception to 'at most four years': a position in its fourth year in "
                                       "2023 can get money in 2024 only as an approved carry-over of unspent "
                                       "money. The library computes 0 for it; apply to the Statsforvalter for "
                                       "the carry-over."),
        conflicting_sources=(_VL_23_CONFLICT,),
    )
)


def rules_for(year: int) -> KommunaltRusarbeidRules:
    """The registered rule set of kommunalt rusarbeid for ``year`` (2021–2024)."""
    rules = get_rule_set(SCHEME_ID, year)
    assert isinstance(rules, KommunaltRusarbeidRules)
    return rules


# --------------------------------------------------------------------------- the rule, stated once


def application_deadline(year: int, county: str | None = None, round: str | None = None) -> Deadline:
    """The application deadline of ``year`` (the county's own where it has one; ``round="restmidler"``
    for the 2021 residual round)."""
    return rules_for(year).deadline(Purpose.APPLICATION, county, round)


#: The scheme's own option: did the municipality get the grant in 2021 (the municipality's answer).
RECEIVED_2021 = Option("received_grant_in_2021", columns=("fikk_tilskudd_2021", "received_2021", "tilskudd_2021"),
                       per_municipality=True)

def _inferred_2021(first_grant_year: int) -> bool:
    """Not stated: a position first funded 2018–2021 was within its four years in 2021, so it was funded then."""
    return 2018 <= first_grant_year <= 2021


def _received_2021(first_grant_year: int, received: bool | None, municipality_years: Sequence[int]) -> bool:
    """Did the municipality get the grant in 2021: as stated, else inferred from its positions (or this one)."""
    if received is not None:
        return received
    if municipality_years:
        return any(_inferred_2021(y) for y in municipality_years)
    return _inferred_2021(first_grant_year)


def _years_text(years: Sequence[int]) -> str:
    return ", ".join(str(y) for y in sorted(set(years)))


def check_eligibility(
    rules: KommunaltRusarbeidRules,
    *,
    first_grant_year: int,
    received_grant_in_2021: bool | None = None,
    municipality_first_grant_years: Sequence[int] = (),
) -> Verdict:
    """Is a position eligible under ``rules``? Each condition a :class:`~nedtrapping.scheme.Check`, as data.

    ``received_grant_in_2021=None`` means "not stated": it is then inferred — the grant is
    the municipality's, so from all the municipality's positions when
    ``municipality_first_grant_years`` is given (one position first funded 2018–2021 was
    within its four years in 2021), else from this position alone — and the check says so.
    """
    year, first = rules.year, first_grant_year
    n = year_in_scheme(year, first)
    checks: list[Check] = []
    if rules.need("requires_grant_in_2021"):
        how = ("stated" if received_grant_in_2021 is not None
               else "from_municipality" if municipality_first_grant_years else "from_position")
        received = _received_2021(first, received_grant_in_2021, municipality_first_grant_years)
        checks.append(Check(f"rusarbeid.received_2021.{how}", received,
                            {"first": first, "years": _years_text(municipality_first_grant_years)},
                            (FactRef.at(rules, "requires_grant_in_2021"),)))
    if rules.need("only_existing_positions"):
        checks.append(Check("rusarbeid.existed_2021", first <= 2021, {"first": first},
                            (FactRef.at(rules, "only_existing_positions"),)))
    year_rule = FactRef.at(rules, "year_in_scheme_rule")
    checks.append(Check("started", n >= 1, {"year": year, "first": first}, (year_rule,)))
    max_years = rules.need("max_years_in_scheme")
    checks.append(Check("within_years", n <= max_years, {"year": year, "first": first, "n": n, "max": max_years},
                        (FactRef.at(rules, "max_years_in_scheme"), year_rule)))
    return Verdict(tuple(checks))


def _after_its_years(rules: KommunaltRusarbeidRules, first_grant_year: int) -> bool:
    """Is the position in the year right after its last year in the scheme (e.g. year 5 in 2024)?"""
    return bool(year_in_scheme(rules.year, first_grant_year) == rules.need("max_years_in_scheme") + 1)


def _after_last_year(year: int) -> KommunaltRusarbeidRules | None:
    """The last registered rule set when ``year`` is after the scheme's last grant year, else ``None``."""
    last = rules_for(years_of(SCHEME_ID)[-1])
    return last if year > last.need("last_grant_year") else None


def _rules_of(year: int, rules: RuleSet | None) -> KommunaltRusarbeidRules:
    if rules is None:
        return rules_for(year)
    if not isinstance(rules, KommunaltRusarbeidRules):
        raise InvalidTypeError(f"{SCHEME_ID}: expected KommunaltRusarbeidRules, got {type(rules).__name__} "
                               f"{getattr(rules, 'key_text', rules)}", field="rules",
                               value=getattr(rules, "key_text", rules), expected="KommunaltRusarbeidRules")
    if rules.year != year:
        raise InvalidValueError(f"rules are for {rules.year}, but the grant asked for is for {year}", field="rules",
                                value=rules.key_text, expected=f"the rule set of {year}")
    return rules


def rate(query: GrantQuery, rules: RuleSet | None = None) -> Rate:
    """The rule of kommunalt rusarbeid, once: what a position of ``query``'s cell gets per 100 % position.

    * After the last grant year (2024) nothing: the scheme pays no grants.
    * Not eligible (:func:`check_eligibility`): nothing; in the year after its four years the
      carry-over exception is named (2024).
    * Else the year's amount per 100 % position — the ladder step for the year in the scheme
      (2021, 2022: «beregnes som tidligere») or the flat amount (2023, 2024: «330 000 pr.
      stilling») — cut pro rata and rounded once, half up to whole kroner.
    """
    year = require_year(query.year, "year")
    first = require_year(query.first_grant_year, "first_grant_year")
    n = year_in_scheme(year, first)
    if rules is None:
        last = _after_last_year(year)
        if last is not None:
            ended = Check("scheme_pays", False, {"year": year, "last": last.last_grant_year.value},
                          (FactRef.at(last, "last_grant_year"),))
            return Rate(per_full_position=Money.zero(), pro_rata=False, rounding=HALF_UP, year_in_scheme=n,
                        verdict=Verdict((ended,)), rule_set=last)
    chosen = _rules_of(year, rules)
    received = RECEIVED_2021.check(query.option(RECEIVED_2021.name))
    verdict = check_eligibility(chosen, first_grant_year=first, received_grant_in_2021=received,
                                municipality_first_grant_years=query.municipality_first_grant_years)
    notes: tuple[tuple[Notice, tuple[FactRef, ...]], ...] = ()
    if not verdict.eligible:
        if _after_its_years(chosen, first) and chosen.carry_over_exception is not None:
            notes = ((Notice("note.rusarbeid.carry_over"), (FactRef.at(chosen, "carry_over_exception"),)),)
        return Rate(per_full_position=Money.zero(), pro_rata=False, rounding=HALF_UP, year_in_scheme=n,
                    verdict=verdict, rule_set=chosen, notes=notes)
    method = chosen.need("method")
    per_full, path, _name, fact = chosen.amount_fact(n)
    uses = [FactRef.at(chosen, "method"), FactRef(chosen, path, fact)]
    if method is Method.LEGACY_LADDER and chosen.ladder_amounts_basis is not None:
        uses.append(FactRef.at(chosen, "ladder_amounts_basis"))
    uses.append(FactRef.at(chosen, "pro_rata"))
    return Rate(per_full_position=per_full, pro_rata=chosen.need("pro_rata"), rounding=HALF_UP,
                year_in_scheme=n, verdict=verdict, rule_set=chosen, amount_words=f"rate.amount.rusarbeid.{method.value}",
                amount_uses=tuple(uses))


def compute_grant(
    year: int,
    *,
    first_grant_year: int,
    percent: Fraction | int | str,
    received_grant_in_2021: bool | None = None,
    rules: KommunaltRusarbeidRules | None = None,
    subject: str = "",
    municipality_first_grant_years: Sequence[int] = (),
) -> GrantResult:
    """The grant for one position in ``year``, exact and explained (:func:`nedtrapping.grant.grant` of :func:`rate`).

    ``rules`` defaults to the registered rule set of ``year`` (pass a derived one,
    e.g. from :meth:`KommunaltRusarbeidRules.with_ladder_step`, for supplied values).
    After the last grant year (2024) the grant is 0, explained by that rule.

    Raises :class:`~nedtrapping.provenance.UnknownValueError` when the amount depends
    on a value no source gives (ladder steps 3 and 4), naming it and how to supply it.
    """
    require_year(year, "year")
    require_year(first_grant_year, "first_grant_year")
    query = GrantQuery(year=year, first_grant_year=first_grant_year, percent=position_percent(percent),
                       options={RECEIVED_2021.name: RECEIVED_2021.check(received_grant_in_2021)}, subject=subject,
                       municipality_first_grant_years=tuple(municipality_first_grant_years))
    return grant(SCHEME, query, rules)


# --------------------------------------------------------------------------- the planner's view


@attrs.frozen
class KommunaltRusarbeidScheme:
    """Kommunalt rusarbeid as the planner sees it (:class:`~nedtrapping.scheme.PositionScheme`)."""

    scheme_id: str = SCHEME_ID
    name: str = "kommunalt rusarbeid"
    #: The phase-down years: 2022 (ladder), 2023–2024 (flat), 2025 (nothing: the municipality carries all).
    default_years: tuple[int, ...] = (2022, 2023, 2024, 2025)
    options: tuple[Option, ...] = (RECEIVED_2021,)
    #: 2021 is the base of every phase-down plan: the transitional scheme continues the positions of
    #: 2021 («Bare til videreføring av eksisterende stillinger»), so the 2022 increase is measured from it.
    base_year: int | None = 2021

    def first_rule_year(self) -> int:
        return years_of(SCHEME_ID)[0]

    def rules_for(self, year: int) -> KommunaltRusarbeidRules:
        return rules_for(year)

    def cell(self, query: GrantQuery) -> GrantQuery:
        """The query as the rate sees it: whether the municipality got the grant in 2021, resolved."""
        received = _received_2021(query.first_grant_year, RECEIVED_2021.check(query.option(RECEIVED_2021.name)),
                                  query.municipality_first_grant_years)
        return GrantQuery(year=query.year, first_grant_year=query.first_grant_year,
                          options={RECEIVED_2021.name: received})

    def rate(self, query: GrantQuery, rules: RuleSet | None = None) -> Rate:
        return rate(query, rules)

    def position_notes(self, query: GrantQuery, years: Sequence[int]) -> list[Notice]:
        if not any(2022 <= y <= 2024 for y in years):
            return []
        first, subject = query.first_grant_year, query.subject
        notes = []
        if first > 2021:
            notes.append(Notice("warning.rusarbeid.first_after_2021", {"subject": subject, "first": first}))
        municipality_years = query.municipality_first_grant_years or (first,)
        if query.option(RECEIVED_2021.name) is None and _received_2021(first, None, municipality_years):
            municipality = subject.split(" / ")[0]
            notes.append(Notice("warning.rusarbeid.inferred_2021", {
                "status": Status.INFERRED, "municipality": municipality, "first": _years_text(municipality_years)}))
        for year in _carry_over_years(first, tuple(years)):
            notes.append(Notice("warning.rusarbeid.carry_over", {"subject": subject, "year": year}))
        return notes


_CARRY_OVER_YEARS: dict[tuple[int, tuple[int, ...], tuple[int, ...]], tuple[int, ...]] = {}


def _carry_over_years(first: int, years: tuple[int, ...]) -> tuple[int, ...]:
    """The years in which a position first funded in ``first`` is past its years but for the carry-over exception.

    Kept per (first year, years, registered years): the registered rule sets of a year never change.
    """
    registered = tuple(years_of(SCHEME_ID))
    key = (first, years, registered)
    found = _CARRY_OVER_YEARS.get(key)
    if found is None:
        found = tuple(y for y in years if y in registered and rules_for(y).carry_over_exception is not None
                      and _after_its_years(rules_for(y), first))
        if len(_CARRY_OVER_YEARS) < 10_000:
            _CARRY_OVER_YEARS[key] = found
    return found


#: The scheme as the planner plans it.
SCHEME = register_position_scheme(KommunaltRusarbeidScheme())
