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
from nedtrapping.wording import Notice, fact_label

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


def _how_to_supply_step(step: int, year: int) -> Notice:  # pragma: no mutate block (rule data, built at import)
    """Where a ladder step is: words only (the command line and Python add how to type it in)."""
    return Notice("rusarbeid.note.ladder_step_how", {"step": step, "year": year})


_HDIR_21_LADDER = src.HDIR_21.at(
    "bakgrunn: tidsbegrenset tilskuddsperiode med årlig reduksjon (årsstigen)",
    quote="Dette innebærer en tidsbegrenset tilskuddsperiode på inntil fire (4) år med en årlig reduksjon av "
          "tilskuddsbeløp",
)


def _unknown_step(step: int, year: int) -> Fact[Money]:  # pragma: no mutate block (rule data, built at import)
    return Fact.unknown(
        _HDIR_21_LADDER,
        note=Notice("rusarbeid.note.ladder_step_unknown", {"step": step}),
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
            raise InvalidValueError(Notice("rusarbeid.error.ladder_step", {"step": repr(n)}), field="step", value=n,
                                    expected=Notice("rusarbeid.expected.ladder_step"))
        fact: Fact[Money] = getattr(self, f"step_{n}")
        return fact



_STEP_1 = Fact(
    Money.kroner(660_000),
    Status.INFERRED,
    src.SAL_17.at(
        "tildeling 2017 til Salangen: 660 000 kr for ett årsverk",
        quote="Salangen kommune får 660.000 kroner i tilskudd innrettet mot kommunalt rusarbeid. [...] Midlene "
              "skal gå til ett årsverk ved psykiatritjenesten.",
    ),
    note=Notice("rusarbeid.note.step_1"),
)
_STEP_2 = Fact(
    Money.kroner(550_000),
    Status.INFERRED,
    src.VOL_19.at(
        "tildeling 2019 til Øksnes: «ettervernkonsulent år 2 med kr 550 000»",
        quote="Fylkesmannen gir et tilskudd på inntil kr 660 000,- til ettervernkonsulent år 2 med kr 550 000,- "
              "og erfaringskonsulent år 2 med kr 110 000,-.",
    ),
    note=Notice("rusarbeid.note.step_2"),
)
_STEP_2_PERCENT = Fact(
    100,
    Status.INFERRED,
    src.VOL_19.at("«ettervernkonsulent år 2 med kr 550 000» (ingen stillingsprosent oppgitt)",
                  quote="ettervernkonsulent år 2 med kr 550 000,-"),
    note=Notice("rusarbeid.note.step_2_percent"),
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
    #: Why ladder amounts known from earlier years are used for this year (an assumption, in catalogue words).
    ladder_amounts_basis: Fact[Notice] | None = None
    #: The flat amount per 100 % position (2023 and 2024).
    flat_amount: Fact[Money] | None = None
    #: The amount is cut in proportion for a position below 100 %.
    pro_rata: Fact[bool]
    #: At most this many years in the scheme for one position.
    max_years_in_scheme: Fact[int]
    #: How a position's year in the scheme is counted (in catalogue words).
    year_in_scheme_rule: Fact[Notice]
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
            raise InvalidValueError(Notice("rusarbeid.error.no_ladder", {"rule_set": self.key_text, "flat": flat}))
        self.ladder.step(step)  # validates the step
        if not isinstance(amount, Money):
            expected = Notice("rusarbeid.expected.money")
            raise InvalidTypeError(Notice("rusarbeid.error.type", {"expected": expected, "type": type(amount).__name__,
                                                                   "value": repr(amount)}),
                                   field=f"ladder.step_{step}", value=amount, expected=expected)
        supplied = self.supply(f"ladder.step_{step}", amount, source)
        assert isinstance(supplied, KommunaltRusarbeidRules)
        return supplied

    def amount_fact(self, year_in_scheme: int) -> tuple[Money, str, str, Fact[Money]]:
        """The amount for a 100 % position in its ``year_in_scheme``, with the fact's path, label and the fact.

        Raises :class:`~nedtrapping.provenance.UnknownValueError` (with the path and this
        rule set's key) for an unknown ladder step.
        """
        method = self.need("method")
        if method is Method.LEGACY_LADDER:
            assert self.ladder is not None
            fact = self.ladder.step(year_in_scheme)
            path = f"ladder.step_{year_in_scheme}"
            what = Notice("rusarbeid.name.ladder_step", {"n": year_in_scheme, "rule_set": self.key_text})
        else:
            assert self.flat_amount is not None
            fact = self.flat_amount
            path = "flat_amount"
            what = Notice("rusarbeid.name.flat_amount", {"rule_set": self.key_text})
        # the error names the value in the reader's language; the plan and its renderers name it by its path
        amount = fact.require(what, path=path, rule_set=self.key_text)
        return amount, path, fact_label(path), fact



# --------------------------------------------------------------------------- rule sets

_APPLICANTS = Fact("Kommuner", Status.FINAL, src.DECK.at("kalender: Kommunalt rusarbeid — Kommuner"))
_MAX_YEARS = Fact(
    4, Status.FINAL,
    src.HDIR_21.at("bakgrunn: «tidsbegrenset tilskuddsperiode på inntil fire (4) år»",
                   quote="Dette innebærer en tidsbegrenset tilskuddsperiode på inntil fire (4) år med en årlig "
                         "reduksjon av tilskuddsbeløp"),
    note=Notice("rusarbeid.note.max_years"),
)
_YEAR_RULE = Fact(
    Notice("rusarbeid.value.year_rule"),
    Status.INFERRED,
    src.HDIR_21.at("bakgrunn: årsstigen"),
    note=Notice("rusarbeid.note.year_rule"),
)
_LAST_YEAR = Fact(
    2024, Status.FINAL,
    src.INN_24.at("Om søknadsbehandlingen", quote="Dette er siste år med overgangsordning."),
    note=Notice("rusarbeid.note.last_year"),
)
_LADDER_BASIS = Fact(
    Notice("rusarbeid.value.ladder_basis"),
    Status.ASSUMED,
    src.LIBRARY.at("antakelser: beløpene i årsstigen"),
    note=Notice("rusarbeid.note.ladder_basis"),
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
    note=Notice("rusarbeid.note.target_2022"),
)
_RUSF_20_PRO_RATA = src.RUSF_20.at(
    "«Tilskuddsmidler kommunalt rusarbeid» (runden for 2020)",
    quote="Beregningen tar utgangspunkt i 100 % stillingsressurs. Ved reduksjon i stillingsprosent, skal tilskuddet "
          "reduseres tilsvarende.",
)
_KORUS_CONFLICT = Fact(
    "Søknad sendes Fylkesmannen innen 21. februar.",
    Status.UNCERTAIN,
    src.KORUS_STO_21.at("ingress (ved siden av «455 millioner kroner til rusarbeid i 2021»)",
                        quote="Søknad sendes Fylkesmannen innen 21. februar."),
    note=Notice("rusarbeid.note.korus_conflict"),
)

#: The registered rule set for 2021 (the same object as ``get_rule_set(SCHEME_ID, 2021)``).
#:
#: :meta hide-value:
RULES_2021 = register(
    KommunaltRusarbeidRules(
        scheme_id=SCHEME_ID,
        year=2021,
        title="Tilskudd til kommunalt rusarbeid",  # name: as published
        title_en="Grant for municipal substance-abuse work",  # name: as published
        budget_chapter="kap. 765 post 62",
        citation=src.TF_21,
        applicants=Fact("Kommuner", Status.FINAL, src.TF_21.at("Hvem kan søke", quote="Hvem kan søke: Kommuner")),
        deadlines=(
            exact_deadline(Purpose.APPLICATION, _dt.date(2021, 2, 10), src.INN_21, as_written="10.02.2021",
                           note=Notice("rusarbeid.note.deadline_2021")),
            exact_deadline(Purpose.APPLICATION, _dt.date(2021, 10, 18),
                           src.TF_21.at("Søknadsfrist", quote="Søknadsfrist: 18. oktober 2021"),
                           as_written="18. oktober 2021", county="Troms og Finnmark",  # name: as published
                           note=Notice("rusarbeid.note.residual_national"), round="restmidler"),
            exact_deadline(Purpose.APPLICATION, _dt.date(2021, 10, 1), src.AGD_21, as_written="1. oktober 2021",
                           county="Agder", note=Notice("rusarbeid.note.residual_agder"), round="restmidler"),
            exact_deadline(Purpose.APPLICATION, _dt.date(2021, 10, 1), src.OV_21, as_written="1. oktober 2021 23:59",
                           county="Oslo og Viken", note=Notice("rusarbeid.note.residual_oslo_viken"), round="restmidler"),  # name: as published
            exact_deadline(Purpose.APPLICATION, _dt.date(2021, 9, 15),
                           src.MR_21R.at("Søknadsfrist", quote="Søknadsfrist: 15. september 2021"),
                           as_written="15. september 2021", county="Møre og Romsdal", note=Notice("rusarbeid.note.residual_more_romsdal"),  # name: as published
                           round="regionale restmidler"),  # name: as published
            exact_deadline(Purpose.APPLICATION, _dt.date(2021, 5, 25),
                           src.VL_21.at("Søknadsfrist", quote="Søknadsfrist: 25. mai 2021 23:59"),
                           as_written="25. mai 2021 23:59", county="Vestland",
                           note=Notice("rusarbeid.note.residual_vestland"),
                           round="regionale restmidler"),  # name: as published
            exact_deadline(Purpose.APPLICATION, _dt.date(2021, 10, 15),
                           src.TRL_21.at("Søknadsfrist", quote="Søknadsfrist: 15. oktober 2021 23.59"),
                           as_written="15. oktober 2021 23.59", county="Trøndelag",
                           note=Notice("rusarbeid.note.residual_trondelag"),
                           round="restmidler"),
            exact_deadline(Purpose.REPORTING, _dt.date(2022, 2, 15), src.NORD_22, as_written="15. februar 2022",
                           note=Notice("rusarbeid.note.report_with_application", {"year": 2021, "next": 2022})),
            exact_deadline(Purpose.REPORTING, _dt.date(2022, 2, 1),
                           src.TF_21.at("Rapporteringsfrist", quote="Rapporteringsfrist: 1. februar 2022"),
                           as_written="1. februar 2022", county="Troms og Finnmark",  # name: as published
                           note=Notice("rusarbeid.note.report_residual"), round="restmidler"),
            exact_deadline(Purpose.REPORTING, _dt.date(2022, 2, 1),
                           src.MR_21R.at("Rapporteringsfrist", quote="Rapporteringsfrist: 1. februar 2022"),
                           as_written="1. februar 2022", county="Møre og Romsdal",  # name: as published
                           note=Notice("rusarbeid.note.report_residual_more_romsdal"),
                           round="regionale restmidler"),  # name: as published
        ),
        method=Fact(Method.LEGACY_LADDER, Status.FINAL, _HDIR_21_LADDER),
        ladder=_legacy_ladder(2021),
        ladder_amounts_basis=_LADDER_BASIS,
        pro_rata=Fact(True, Status.INFERRED, _RUSF_20_PRO_RATA,
                      note=Notice("rusarbeid.note.pro_rata_2021")),
        max_years_in_scheme=_MAX_YEARS,
        year_in_scheme_rule=_YEAR_RULE,
        requires_grant_in_2021=Fact(False, Status.FINAL,
                                    src.TF_21.at("Dette prioriteres i 2021",
                                                 quote="Nye kommuner skal prioriteres inn i ordningen."),
                                    note=Notice("rusarbeid.note.new_municipalities_2021")),
        only_existing_positions=Fact(
            False, Status.FINAL,
            src.OV_21.at("«velg første søknadsalternativ»",
                         quote="Dette alternativet fører deg til søknad om nye stillinger og gjelder alle kommunene "
                               "som søker nå, også de som allerede har mottatt tilskudd, men som vil søke om "
                               "tilskudd til flere stillinger."),
            note=Notice("rusarbeid.note.new_positions_2021"),
        ),
        last_grant_year=_LAST_YEAR,
        national_frame=Fact(Money.kroner(455_000_000), Status.FINAL,
                            src.KORUS_21.at("ingress", quote="Helsedirektoratet lyser ut 455 millioner kroner til "
                                                             "kommunalt rusarbeid."),
                            note=Notice("rusarbeid.note.frame_2021")),
        target_group=_TARGET,
        priorities=tuple(
            Fact(at.quote, Status.FINAL, at)  # each priority as TF-21 words it
            for at in (
                src.TF_21.at("Dette prioriteres i 2021", quote="Nye kommuner skal prioriteres inn i ordningen."),
                src.TF_21.at("Dette prioriteres i 2021",
                             quote="Ansettelser av personer med brukererfaring eller erfaringskonsulenter."),
                src.TF_21.at("Dette prioriteres i 2021", quote="Oppsøkende tverrfaglige behandlings- og oppfølgingsteam."),
                src.TF_21.at("Dette prioriteres i 2021", quote="Oppfølgingstjenester i bolig, bolig med bemanning o.l."),
                src.TF_21.at("Dette prioriteres i 2021", quote="Arbeidsrettede tiltak og/eller aktivitetstilbud."),
                src.TF_21.at("Dette prioriteres i 2021",
                             quote="Tidlig intervensjonstiltak med barn/unge og eldre som prioritert målgruppe."),
                src.TF_21.at("Dette prioriteres i 2021", quote="Lavterskeltjenester"),
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
        title="Tilskudd til kommunalt rusarbeid — overgangsordning",  # name: as published
        title_en="Grant for municipal substance-abuse work — transitional scheme",  # name: as published
        budget_chapter="kap. 765 post 62",
        citation=src.DECK,
        applicants=_TRANSITION_APPLICANTS,
        deadlines=(
            exact_deadline(Purpose.APPLICATION, _dt.date(2022, 2, 15),
                           src.DECK.at("«Søknadsfrist 15. februar»", quote="Søknadsfrist 15. februar"),
                           as_written="15. februar", note=Notice("rusarbeid.note.deadline_2022")),
            exact_deadline(Purpose.REPORTING, _dt.date(2023, 2, 1),
                           src.NORD_22.at("Rapporteringsfrist", quote="Rapporteringsfrist: 1. februar 2023 23:59"),
                           as_written="1. februar 2023", note=Notice("rusarbeid.note.report_on_grant", {"year": 2022})),
        ),
        method=Fact(Method.LEGACY_LADDER, Status.FINAL,
                    src.DECK.at("«2022 → Beregnes som tidligere»", quote="2022 → Beregnes som tidligere")),
        ladder=_legacy_ladder(2022),
        ladder_amounts_basis=_LADDER_BASIS,
        pro_rata=Fact(True, Status.INFERRED, _RUSF_20_PRO_RATA,
                      note=Notice("rusarbeid.note.pro_rata_2022")),
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
                            note=Notice("rusarbeid.note.frame_2022")),
        target_group=_TARGET_2022,
    )
)

_FLAT_METHOD = Fact(Method.FLAT_PER_POSITION, Status.FINAL,
                    src.DECK.at("«2023 – 2024 → 330 000 pr. stilling»", quote="2023 – 2024 → 330 000 pr. stilling"))
#: OV-23's sentence on the four years (INN-24 has the same sentence in its ingress).
_OV_23_FULL_PERIOD = src.OV_23.at("ingress", quote="Søkere som oppfyller kriteriene, får mulighet til å fullføre "
                                                   "tilskuddsperioden på inntil fire år (2021-2024).")


def _flat_rules(year: int, *, citation: Citation, flat: Fact[Money], deadlines: tuple[Deadline, ...],
                frame: Fact[Money], pro_rata: Fact[bool], max_years: Fact[int], requires_grant_in_2021: Fact[bool],
                only_existing_positions: Fact[bool], auditor_certificate_required: Fact[bool],
                carry_over_exception: Fact[str] | None = None,
                conflicting_sources: tuple[Fact[str], ...] = ()) -> KommunaltRusarbeidRules:  # pragma: no mutate block (rule data, built at import)
    return KommunaltRusarbeidRules(
        scheme_id=SCHEME_ID,
        year=year,
        title="Tilskudd til kommunalt rusarbeid — overgangsordning",  # name: as published
        title_en="Grant for municipal substance-abuse work — transitional scheme",  # name: as published
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
_VL_23_LADDER = src.VL_23.at("ingress (oppdatert 26.01.2023)",
                             quote="Årsstigen i den tidlegare tilskotsordninga skal følgjast og gjeld til og med 2024.")
_VL_23_CONFLICT = Fact(
    _VL_23_LADDER.quote,
    Status.UNCERTAIN,
    _VL_23_LADDER,
    note=Notice("rusarbeid.note.vl_23_conflict"),
)
#: What the flat amount's note says of VL-23's ladder sentence (kept as a conflict, never used).
_VL_23_CONFLICT_NOTE = Notice("rusarbeid.note.vl_23_conflict_kept")

#: The registered rule set for 2023 (the same object as ``get_rule_set(SCHEME_ID, 2023)``).
#:
#: :meta hide-value:
RULES_2023 = register(
    _flat_rules(
        2023,
        citation=src.MR_23,
        flat=Fact(Money.kroner(330_000), Status.FINAL,
                  src.DECK.at("«2023 – 2024 → 330 000 pr. stilling»", quote="2023 – 2024 → 330 000 pr. stilling"),
                  note=Notice("rusarbeid.note.flat_2023", {"conflict": _VL_23_CONFLICT_NOTE})),
        deadlines=(
            exact_deadline(Purpose.APPLICATION, _dt.date(2023, 2, 1),
                           src.MR_23.at("Søknadsfrist", quote="Søknadsfrist: 1. februar 2023"),
                           as_written="1. februar 2023"),
            exact_deadline(Purpose.REPORTING, _dt.date(2024, 2, 1),
                           src.MR_23.at("Rapporteringsfrist", quote="Rapporteringsfrist: 1. februar 2024"),
                           as_written="1. februar 2024", note=Notice("rusarbeid.note.report_on_grant", {"year": 2023})),
        ),
        frame=Fact.unknown(src.MR_23, note=Notice("rusarbeid.note.frame_2023")),
        pro_rata=Fact(True, Status.INFERRED, _MR_23_AMOUNT,
                      note=Notice("rusarbeid.note.pro_rata_flat", {"tag": "MR-23", "words": "for 100% stilling"})),
        max_years=Fact(4, Status.FINAL, _OV_23_FULL_PERIOD,
                       note=Notice("rusarbeid.note.max_years_2023")),
        requires_grant_in_2021=Fact(True, Status.FINAL,
                                    src.OV_23.at("Hvem kan søke", quote="Kun kommuner som mottok tilskudd over "
                                                                        "ordningen i 2021 kan søke.")),
        only_existing_positions=Fact(True, Status.FINAL,
                                     src.VL_23.at("ingress", quote="Det er ikkje mogeleg å søke om tilskot til nye "
                                                                   "stillingar.")),
        auditor_certificate_required=Fact(
            False, Status.INFERRED, _VL_23_AUDITOR,
            note=Notice("rusarbeid.note.auditor_2023"),
        ),
        conflicting_sources=(_VL_23_CONFLICT,),
    )
)

_INN_24_AMOUNT = src.INN_24.at(
    "Om søknadsbehandlingen",
    quote="For 2024 gis det kr 330 000 (inkl. kompetansemidler) for en 100 % stilling.",
)
_CARRY_OVER = src.INN_24.at(
    "Om søknadsbehandlingen",
    quote="De som fikk tilskudd for 4. året i 2023 kan ikke motta tilskudd i 2024, med mindre det søkes om å få "
          "godkjent overføring av ubrukte midler.",
)

#: The registered rule set for 2024 (the same object as ``get_rule_set(SCHEME_ID, 2024)``).
#:
#: :meta hide-value:
RULES_2024 = register(
    _flat_rules(
        2024,
        citation=src.INN_24,
        flat=Fact(Money.kroner(330_000), Status.FINAL, _INN_24_AMOUNT,
                  note=Notice("rusarbeid.note.flat_2024", {"conflict": _VL_23_CONFLICT_NOTE})),
        deadlines=(
            exact_deadline(Purpose.APPLICATION, _dt.date(2024, 2, 1),
                           src.INN_24.at("Søknadsfrist", quote="Søknadsfrist: 1. februar 2024 23:59"),
                           as_written="1. februar 2024"),
            exact_deadline(Purpose.REPORTING, _dt.date(2025, 2, 1),
                           src.ROG_24.at("Rapporteringsfrist", quote="Rapporteringsfrist: 1. februar 2025"),
                           as_written="1. februar 2025", note=Notice("rusarbeid.note.report_on_grant", {"year": 2024})),
        ),
        frame=Fact(Money.kroner(200_000_000), Status.PROVISIONAL,
                   src.HDIR_24.at("Beløp", quote="Beløp: 200 000 000 kr [...] Oppgitt beløp er kun et anslag og kan "
                                                "bli korrigert senere."),
                   note=Notice("rusarbeid.note.frame_2024")),
        pro_rata=Fact(True, Status.INFERRED, _INN_24_AMOUNT,
                      note=Notice("rusarbeid.note.pro_rata_flat", {"tag": "INN-24", "words": "for en 100 % stilling"})),
        max_years=Fact(4, Status.FINAL, src.INN_24.at("ingress", quote=_OV_23_FULL_PERIOD.quote),
                       note=Notice("rusarbeid.note.max_years_2024")),
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
            note=Notice("rusarbeid.note.auditor_2024"),
        ),
        carry_over_exception=Fact(_CARRY_OVER.quote, Status.FINAL, _CARRY_OVER,
                                  note=Notice("rusarbeid.note.carry_over_2024")),
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
        expected = Notice("rusarbeid.expected.rules")
        raise InvalidTypeError(Notice("rusarbeid.error.type", {"expected": expected, "type": type(rules).__name__,
                                                               "value": str(getattr(rules, "key_text", rules))}),
                               field="rules", value=getattr(rules, "key_text", rules), expected=expected)
    if rules.year != year:
        raise InvalidValueError(Notice("rusarbeid.error.rules_year", {"rules_year": rules.year, "year": year}),
                                field="rules", value=rules.key_text,
                                expected=Notice("rusarbeid.expected.rules_of_year", {"year": year}))
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
    name: str = "kommunalt rusarbeid"  # name: as published
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
