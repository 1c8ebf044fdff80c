"""Behaviours of the engine, the scheme contract and the two position schemes that mutation testing found unguarded.

Each test protects something a user sees: a figure, a year list, an error's type, field,
value or message, a repr, an explanation line, a refusal at a boundary. Expected values are
worked out by hand from the rules (610 000 kr per 100 % NAV position, rounded down; 20 000 kr
per competence measure; at most three years per measure; kommunalt rusarbeid 2022: 550 000 kr
in year 2, 2023: 330 000 kr flat), not copied from the code.
"""

from __future__ import annotations

import re

import pytest

from nedtrapping import engine
from nedtrapping.engine import AmountColumn, Scaled
from nedtrapping.errors import InvalidTypeError, InvalidValueError
from nedtrapping.money import Money
from nedtrapping.readable import read
from nedtrapping.scheme import GrantQuery
from nedtrapping.schemes import kommunalt_rusarbeid as rusarbeid
from nedtrapping.schemes import nav_sosiale_tjenester as nav
from nedtrapping.validators import parse_yes_no

K = Money.kroner
NUMPY = pytest.mark.skipif(not engine.numpy_available(), reason="numpy not installed")
BACKENDS = ["python", pytest.param("numpy", marks=NUMPY)]
BIG = 2**62  # the engine's int64 headroom limit: from here on an amount is kept as an exact Python int


def _np():  # type: ignore[no-untyped-def]
    import numpy

    return numpy


# --------------------------------------------------------------------------- scheme.parse_yes_no


def test_parse_yes_no_keeps_a_blank_none_and_bools_as_they_are() -> None:
    assert parse_yes_no(None) is None
    assert parse_yes_no(True) is True
    assert parse_yes_no(False) is False


def test_parse_yes_no_refusal_names_the_normalised_answer() -> None:
    with pytest.raises(ValueError) as info:
        parse_yes_no("  Kanskje ")
    assert info.value.args == ("kanskje",)


# --------------------------------------------------------------------------- AmountColumn repr and to_numpy


def test_amount_column_repr_shows_up_to_eight_values_in_full() -> None:
    assert repr(AmountColumn([1, 2, 3, 4, 5, 6, 7, 8])) == "AmountColumn([1, 2, 3, 4, 5, 6, 7, 8])"
    assert repr(AmountColumn([None, 500])) == "AmountColumn([None, 500])"
    assert repr(AmountColumn([])) == "AmountColumn([])"


def test_amount_column_repr_of_nine_values_shows_eight_and_the_count() -> None:
    assert repr(AmountColumn(list(range(1, 10)))) == "AmountColumn([1, 2, 3, 4, 5, 6, 7, 8, … (9 values)])"


@NUMPY
def test_amount_column_to_numpy_gives_the_values_as_int64() -> None:
    np = _np()
    array = AmountColumn([55_000_000, 0, 33_000_000]).to_numpy()
    assert array.dtype == np.int64
    assert array.tolist() == [55_000_000, 0, 33_000_000]


@NUMPY
def test_amount_column_to_numpy_keeps_amounts_from_2_62_exact_so_a_sum_cannot_overflow() -> None:
    array = AmountColumn([BIG, BIG]).to_numpy()
    assert int(array.sum()) == 2**63  # in int64 this sum would wrap around to a negative number
    assert array.tolist() == [BIG, BIG]


@NUMPY
def test_amount_column_to_numpy_refuses_a_column_of_only_unknown_values() -> None:
    with pytest.raises(InvalidValueError, match=r"^kolonnen har ukjente verdier$") as info:
        AmountColumn([None, None]).to_numpy()
    assert info.value.text("en") == "the column has unknown values"


@NUMPY
def test_amount_column_to_numpy_refuses_a_partly_unknown_column_with_its_message() -> None:
    with pytest.raises(InvalidValueError) as info:
        AmountColumn([None, 500]).to_numpy()
    assert str(info.value) == "kolonnen har ukjente verdier"
    masked = AmountColumn([None, 500]).to_numpy(unknown="mask")
    assert masked.mask.tolist() == [True, False]


@NUMPY
def test_grant_letters_for_a_year_without_rules_make_the_numpy_column_known() -> None:
    # NAV has no rule set for 2023: the rule's grant is unknown, but both positions have a grant letter
    result = engine.batch(percent=[100, 50], first_grant_year=[2022, 2022], cost=[100_000_000, 50_000_000],
                          scheme="nav-sosiale-tjenester", granted={2023: [40_000_000, 20_000_000]},
                          backend="numpy").plan(years=[2022, 2023])
    assert result.grant[2023].to_numpy().tolist() == [40_000_000, 20_000_000]
    assert result.grant[2023].total() == 60_000_000


# --------------------------------------------------------------------------- engine input errors


def test_growth_text_that_is_not_a_number_is_refused_naming_its_cell() -> None:
    with pytest.raises(InvalidValueError) as info:
        engine.plan_columns(percent=[100, 100], first_grant_year=[2021, 2021], cost=[100, 100],
                            growth=["3,5", "abc"], backend="python")
    assert info.value.field == "growth[1]"
    assert str(info.value).startswith("felt «growth[1]»: «abc» er ikke et tall")
    assert info.value.text("en").startswith("field 'growth[1]': 'abc' is not a number")


@pytest.mark.parametrize("backend", BACKENDS)
def test_scaled_percent_that_is_not_an_integer_is_refused_naming_its_type(backend: str) -> None:
    with pytest.raises(InvalidTypeError, match=re.escape("felt «percent[0]»: forventet et heltall, fikk str '50'")) as info:
        engine.batch(percent=Scaled(["50"], 1), first_grant_year=[2021], cost=[100], backend=backend)
    assert info.value.text("en") == "field 'percent[0]': expected an integer, got str '50'"


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_option_answer_of_the_wrong_type_is_refused_naming_the_option(backend: str) -> None:
    with pytest.raises(InvalidTypeError) as info:
        engine.batch(percent=[100], first_grant_year=[2021], cost=[100],
                     options={"received_grant_in_2021": ["ja"]}, backend=backend)
    assert info.value.field == "received_grant_in_2021[0]"
    assert info.value.value == "ja"
    assert read(info.value.expected, "en") == "True, False or None"
    assert str(info.value.expected) == "True, False eller None"


# --------------------------------------------------------------------------- default years and grant letters


def _rusarbeid_batch(backend: str, granted: dict[int, list[int | None]], scheme: object = "kommunalt-rusarbeid",
                     ) -> engine.Batch:
    return engine.batch(percent=[100, 50], first_grant_year=[2021, 2021], cost=[78_000_000, 39_000_000],
                        granted=granted, scheme=scheme, backend=backend)  # type: ignore[arg-type]


@pytest.mark.parametrize("backend", BACKENDS)
def test_default_years_are_the_schemes_without_a_grant_letter(backend: str) -> None:
    assert _rusarbeid_batch(backend, {}).default_years() == [2022, 2023, 2024, 2025]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_2021_grant_letter_adds_2021_to_the_default_years(backend: str) -> None:
    b = _rusarbeid_batch(backend, {2021: [None, 20_000_000]})
    assert b.default_years() == [2021, 2022, 2023, 2024, 2025]
    assert b.plan().years == (2021, 2022, 2023, 2024, 2025)


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_empty_grant_letter_column_adds_no_year(backend: str) -> None:
    assert _rusarbeid_batch(backend, {2021: [None, None]}).default_years() == [2022, 2023, 2024, 2025]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_grant_letter_before_the_first_rule_year_adds_no_year(backend: str) -> None:
    # kommunalt rusarbeid has rules from 2021 on: a 2020 letter cannot start the plan
    assert _rusarbeid_batch(backend, {2020: [10_000_000, None]}).default_years() == [2022, 2023, 2024, 2025]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_grant_letter_for_a_default_year_fills_no_gap_between_default_years(backend: str) -> None:
    import attrs

    gapped = attrs.evolve(rusarbeid.SCHEME, default_years=(2022, 2024))
    assert _rusarbeid_batch(backend, {2022: [10_000_000, None]}, gapped).default_years() == [2022, 2024]
    assert _rusarbeid_batch(backend, {2023: [10_000_000, None]}, gapped).default_years() == [2022, 2024]


@pytest.mark.parametrize("backend", BACKENDS)
def test_from_letter_says_which_grants_come_from_a_grant_letter(backend: str) -> None:
    result = _rusarbeid_batch(backend, {2022: [60_000_000, None]}).plan(years=[2022, 2023])
    assert result.from_letter(2022, 0) is True
    assert result.from_letter(2022, 1) is False
    assert result.from_letter(2023, 0) is False  # no letter column for 2023 at all
    assert result.grant[2022].to_list() == [60_000_000, 27_500_000]  # 550 000 kr × 50 %


# --------------------------------------------------------------------------- totals


@pytest.mark.parametrize("backend", BACKENDS)
def test_totals_name_each_figure_per_year(backend: str) -> None:
    # 100 % + 50 % first funded 2021: 2022 ladder year 2 = 550 000 kr; 2023 flat 330 000 kr; cost 780 000 + 390 000
    totals = _rusarbeid_batch(backend, {}).plan(years=[2022, 2023]).totals()
    assert totals == {
        2022: {"grant": 82_500_000, "cost": 117_000_000, "own_financing": 34_500_000, "own_financing_increase": None},
        2023: {"grant": 49_500_000, "cost": 117_000_000, "own_financing": 67_500_000,
               "own_financing_increase": 33_000_000},
    }


# --------------------------------------------------------------------------- costs given per year


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_cost_given_for_a_year_replaces_the_computed_one_and_stays_a_python_int(backend: str) -> None:
    b = engine.batch(percent=[100, 50], first_grant_year=[2021, 2021], cost=[78_000_000, 39_000_000],
                     cost_in_year={2022: [80_000_000, None]}, backend=backend)
    result = b.plan(years=[2022])
    assert result.cost[2022].to_list() == [80_000_000, 39_000_000]
    assert all(type(v) is int for v in result.cost[2022].to_list())
    assert result.own_financing[2022].to_list() == [80_000_000 - 55_000_000, 39_000_000 - 27_500_000]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_cost_column_of_only_blanks_keeps_every_computed_cost(backend: str) -> None:
    result = engine.batch(percent=[100, 50], first_grant_year=[2021, 2021], cost=[78_000_000, 39_000_000],
                          cost_in_year={2022: [None, None]}, backend=backend).plan(years=[2022])
    assert result.cost[2022].to_list() == [78_000_000, 39_000_000]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_huge_given_cost_stays_exact_to_the_ore(backend: str) -> None:
    huge = BIG + 1  # not representable as a float, past int64's safe headroom
    result = engine.batch(percent=[100, 100], first_grant_year=[2021, 2021], cost=[78_000_000, 78_000_000],
                          cost_in_year={2022: [huge, huge]}, backend=backend).plan(years=[2022])
    assert result.cost[2022].to_list() == [huge, huge]
    assert result.cost[2022].total() == 2 * huge
    assert result.own_financing[2022].to_list() == [huge - 55_000_000, huge - 55_000_000]
    if backend == "numpy":
        assert int(result.cost[2022].to_numpy().sum()) == 2 * huge


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_cost_given_at_2_62_ore_sums_exactly_in_numpy(backend: str) -> None:
    if not engine.numpy_available():
        pytest.skip("numpy not installed")
    result = engine.batch(percent=[100, 100], first_grant_year=[2021, 2021], cost=[78_000_000, 78_000_000],
                          cost_in_year={2022: [BIG, BIG]}, backend=backend).plan(years=[2022])
    assert int(result.cost[2022].to_numpy().sum()) == 2**63


@NUMPY
def test_a_percentage_with_many_decimals_gives_an_exact_grant_as_int64() -> None:
    np = _np()
    # 550 000 kr × 33,3333333333333333 % = 183 333,33… kr → 183 333 kr (half up)
    for backend in ("python", "numpy"):
        result = engine.plan_columns(percent=["33,3333333333333333"], first_grant_year=[2021],
                                     cost=[78_000_000], years=[2022], backend=backend)
        assert result.grant[2022].to_list() == [18_333_300]
    array = result.grant[2022].to_numpy()
    assert array.dtype == np.int64
    assert array.tolist() == [18_333_300]


# --------------------------------------------------------------------------- a year without a rule set


def test_a_year_without_a_rule_set_is_unknown_and_says_how_to_supply_it() -> None:
    result = engine.batch(percent=[100], first_grant_year=[2022], cost=[100_000_000],
                          scheme="nav-sosiale-tjenester", backend="python").plan(years=[2023])
    assert result.grant[2023].to_list() == [None]
    (error,) = result.unknown_errors
    assert error.path == "rule_set"
    assert error.rule_set == "nav-sosiale-tjenester 2023"
    assert read(error.fact.note, "en") == ("The library has no rule set of nav-sosiale-tjenester 2023: no source for "
                                          "2023 has been added.")
    assert str(error.fact.note) == ("Biblioteket har ikke noe regelsett for nav-sosiale-tjenester 2023: ingen kilde for "
                                    "2023 er lagt inn.")
    assert str(error.fact.citation).endswith(", rule sets")
    how = error.fact.how_to_supply
    # where to find the value, in words: the command line and Python add how to type it in
    assert str(how) == "beløpet som er tildelt for 2023, står i kommunens tilsagnsbrev for 2023"
    assert read(how, "en") == "the amount granted for 2023 is in the municipality's grant letter (tilsagnsbrev) for 2023"
    assert str(error).startswith("Regelsettet for nav-sosiale-tjenester 2023 er ukjent")
    assert "no rule set of nav-sosiale-tjenester 2023" in error.text("en")


# --------------------------------------------------------------------------- kommunalt rusarbeid


def test_with_ladder_step_refuses_a_plain_number_naming_the_step() -> None:
    rules = rusarbeid.rules_for(2022)
    with pytest.raises(InvalidTypeError) as info:
        rules.with_ladder_step(3, 480_000, "tilsagnsbrev")  # type: ignore[arg-type]
    assert info.value.field == "ladder.step_3"
    assert info.value.value == 480_000
    assert info.value.expected is not None
    assert info.value.expected.text("nb") == "Money (f.eks. Money.kroner(480_000))"
    assert info.value.expected.text("en") == "Money (e.g. Money.kroner(480_000))"


def test_compute_grant_infers_the_2021_grant_from_the_municipalitys_positions() -> None:
    # a position new in 2022 in a municipality that had a position funded since 2021: the municipality
    # did get the grant in 2021 (so that check is met), but a new position is still refused
    result = rusarbeid.compute_grant(2022, first_grant_year=2022, percent=100,
                                     municipality_first_grant_years=[2021, 2022])
    outcome = {c.id: c.passed for c in result.verdict.checks}
    assert outcome["rusarbeid.received_2021.from_municipality"] is True
    assert outcome["rusarbeid.existed_2021"] is False
    assert result.amount == Money.zero()


# --------------------------------------------------------------------------- NAV sosiale tjenester: inputs


def test_nav_requested_amount_of_the_wrong_type_names_its_type() -> None:
    with pytest.raises(InvalidTypeError, match=re.escape("fikk str '500'")):
        nav.MeasurePosition(label="Veileder", percent=50, requested="500")  # type: ignore[arg-type]


def test_nav_label_of_the_wrong_type_names_its_type() -> None:
    with pytest.raises(InvalidTypeError, match=re.escape("felt «MeasurePosition.label»: forventet en tekst som ikke er tom, fikk int 5")):
        nav.MeasurePosition(label=5, percent=50)  # type: ignore[arg-type]


def test_nav_positions_that_are_text_are_refused_naming_the_type() -> None:
    with pytest.raises(InvalidTypeError, match=re.escape("fikk str 'Veileder'")):
        nav.Measure(label="A", positions="Veileder")  # type: ignore[arg-type]


def test_nav_position_percent_out_of_range_names_the_field() -> None:
    with pytest.raises(InvalidValueError) as info:
        nav.MeasurePosition(label="Veileder", percent=0)
    assert info.value.field == "Position.percent"
    assert str(info.value).startswith("felt «Position.percent»: ")
    assert info.value.text("en").startswith("field 'Position.percent': ")


def test_nav_requested_zero_is_accepted_and_gives_zero() -> None:
    position = nav.MeasurePosition(label="Veileder", percent=100, requested=Money.zero())
    result = nav.maximum_grant([nav.Measure(label="A", positions=[position])])
    assert result.total == Money.zero()
    with pytest.raises(InvalidValueError):
        nav.MeasurePosition(label="Veileder", percent=100, requested=Money(-1))


def test_nav_competence_requested_zero_is_accepted_and_gives_zero() -> None:
    measure = nav.Measure(label="A", competence=True, competence_requested=Money.zero())
    assert nav.maximum_grant([measure]).total == Money.zero()
    with pytest.raises(InvalidValueError):
        nav.Measure(label="A", competence=True, competence_requested=Money(-1))


def test_nav_competence_as_text_is_refused_naming_its_type() -> None:
    with pytest.raises(InvalidTypeError, match=re.escape("felt «competence»: tiltak «A»: forventet True eller False, fikk str 'yes'")):
        nav.Measure(label="A", competence="yes")  # type: ignore[arg-type]


def test_nav_prior_years_as_text_is_refused_naming_its_type() -> None:
    with pytest.raises(InvalidTypeError, match=re.escape("felt «prior_years»: tiltak «A»: forventet et helt tall ≥ 0 (antall år tiltaket alt har hatt "
                                             "tilskuddet), fikk str '1'")):
        nav.Measure(label="A", competence=True, prior_years="1")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- NAV: maximum_grant refusals


def _one_position() -> list[nav.Measure]:
    return [nav.Measure(label="A", positions=[nav.MeasurePosition(label="Veileder", percent=100)])]


def test_nav_maximum_grant_accepts_the_rule_set_given_explicitly() -> None:
    assert nav.maximum_grant(_one_position(), rules=nav.rules_for(2022)).total == K(610_000)


def test_nav_maximum_grant_refuses_another_schemes_rules_naming_their_type() -> None:
    with pytest.raises(InvalidTypeError, match=re.escape(
            "felt «rules»: forventet NavSosialeTjenesterRules, fikk KommunaltRusarbeidRules")):
        nav.maximum_grant(_one_position(), rules=rusarbeid.rules_for(2022))  # type: ignore[arg-type]


def test_nav_maximum_grant_refuses_text_for_measures_naming_its_type() -> None:
    with pytest.raises(InvalidTypeError, match=re.escape("felt «measures»: forventet en liste av Measure med minst ett tiltak, fikk str 'A'")):
        nav.maximum_grant("A")  # type: ignore[arg-type]


def test_nav_maximum_grant_refuses_an_item_that_is_not_a_measure_naming_it() -> None:
    with pytest.raises(InvalidTypeError, match=re.escape("felt «measures»: measures[1] er str 'B', ikke et Measure")):
        nav.maximum_grant([*_one_position(), "B"])  # type: ignore[list-item]


def test_nav_maximum_grant_refuses_an_empty_application() -> None:
    with pytest.raises(InvalidValueError, match=r"^felt «measures»: søknaden har ingen tiltak$"):
        nav.maximum_grant([])


def test_nav_maximum_grant_names_every_repeated_label() -> None:
    measures = [nav.Measure(label=label, competence=True) for label in ("B", "A", "B", "A", "C")]
    with pytest.raises(InvalidValueError, match=re.escape("tiltakene må ha hvert sitt navn (label); gjentatt: A, B")):
        nav.maximum_grant(measures)


def test_nav_scheme_refuses_another_schemes_rules_naming_their_type() -> None:
    with pytest.raises(InvalidTypeError, match=re.escape(
            "felt «rules»: forventet NavSosialeTjenesterRules, fikk KommunaltRusarbeidRules")) as info:
        nav.SCHEME.rate(GrantQuery(year=2022, first_grant_year=2022), rusarbeid.rules_for(2022))
    assert info.value.text("en") == "field 'rules': expected NavSosialeTjenesterRules, got KommunaltRusarbeidRules"


def test_nav_scheme_rate_uses_the_rule_set_given() -> None:
    supplied = nav.rules_for(2022).supply("max_per_full_position", K(500_000), "tilsagnsbrev")
    rate = nav.SCHEME.rate(GrantQuery(year=2022, first_grant_year=2022), supplied)
    assert rate.per_full_position == K(500_000)


def test_nav_third_year_of_a_measure_still_gets_the_full_cap() -> None:
    measure = nav.Measure(label="A", positions=[nav.MeasurePosition(label="Veileder", percent=100)], prior_years=2)
    result = nav.maximum_grant([measure])
    assert result.measures[0].year_of_measure == 3
    assert result.total == K(610_000)
    rate = nav.SCHEME.rate(GrantQuery(year=2022, first_grant_year=2020))
    assert rate.eligible
    assert not nav.SCHEME.rate(GrantQuery(year=2022, first_grant_year=2019)).eligible


def test_nav_every_check_cites_a_rule_value_and_the_years_check_cites_the_three_years() -> None:
    rate = nav.SCHEME.rate(GrantQuery(year=2022, first_grant_year=2021))
    started, within = rate.verdict.checks
    assert (started.id, within.id) == ("started", "nav.within_years")
    assert started.uses  # an explanation never shows a check without the rule value behind it
    assert [u.path for u in within.uses] == ["max_years_same_measure"]
    assert within.uses[0].fact.value == 3


# --------------------------------------------------------------------------- NAV: the explanation


def _application() -> nav.NavGrantResult:
    first = nav.Measure(label="Tiltak A", positions=[
        nav.MeasurePosition(label="Veileder", percent=50, requested=K(300_000)),  # cap 305 000: asks less
        nav.MeasurePosition(label="Koordinator", percent=100, requested=K(610_000)),  # asks the cap
        nav.MeasurePosition(label="Leder", percent=100),  # asks nothing
    ], competence=True, prior_years=1)
    second = nav.Measure(label="Kurs", competence=True, competence_requested=K(5_000))
    return nav.maximum_grant([first, second])


def test_nav_application_figures() -> None:
    result = _application()
    # 300 000 + 610 000 + 610 000 + 20 000 = 1 540 000; 5 000
    assert [m.total for m in result.measures] == [K(1_540_000), K(5_000)]
    assert [amount for _, amount in result.measures[0].positions] == [K(300_000), K(610_000), K(610_000)]
    assert result.measures[0].competence == K(20_000)
    assert result.total == K(1_545_000)


def test_nav_explanation_heads_name_the_grant_the_measures_and_the_positions() -> None:
    lines = _application().explanation.to_text("en").splitlines()
    assert lines[0] == "Maximum grant, Tilskudd til utvikling av de sosiale tjenestene i NAV-kontoret 2022: 1 545 000 kr"
    assert lines[1] == "  Measure 'Tiltak A': 1 540 000 kr"
    assert "    Position 'Veileder' (50 %): 300 000 kr; requested 300 000 kr is less, so 300 000 kr" in lines
    assert "    Position 'Koordinator' (100 %): 610 000 kr; requested 610 000 kr, the same as the cap" in lines
    assert "    Position 'Leder' (100 %): 610 000 kr" in lines
    assert "    Competence part of the measure: at most 20 000 kr" in lines
    assert "  Measure 'Kurs': 5 000 kr" in lines
    assert "    Competence part of the measure: at most 20 000 kr; requested 5 000 kr is less, so 5 000 kr" in lines


def test_nav_position_explanation_is_the_cap_at_its_percentage() -> None:
    veileder = _application().measures[0].explanation.steps[0]
    lines = veileder.to_text("en").splitlines()
    assert lines[1] == "  Grant 2022: 305 000 kr"  # 610 000 kr × 50 %, the cap before the request
    assert "    At most per 100 % position (year 2 of the measure): 610 000 kr" in lines
    assert ("    The plan uses the most the scheme pays; an amount in the grant letter (granted_YYYY) replaces it"
            in lines)
    assert "    Eligibility of Veileder: eligible" in lines


def test_nav_eligibility_is_explained_on_the_measure_only_when_it_has_no_positions() -> None:
    first, second = _application().measures
    assert not any(s.to_text("en").startswith("Eligibility of") for s in first.explanation.steps)
    assert [s.to_text("en").splitlines()[0] for s in second.explanation.steps][-1] == "Eligibility of Kurs: eligible"


def test_nav_competence_step_cites_the_competence_cap() -> None:
    competence = _application().measures[0].explanation.steps[-1]
    assert [f.name for f in competence.facts] == ["max_per_competence_measure"]
    assert competence.facts[0].to_text("en").startswith("at most per competence measure = 20 000 kr")


# --------------------------------------------------------------------------- the numpy backend, to the øre


def test_an_option_answer_of_the_wrong_type_says_what_was_wrong() -> None:
    with pytest.raises(InvalidTypeError) as info:
        engine.batch(percent=[100, 100], first_grant_year=[2021, 2021], cost=[100, 100],
                     options={"received_grant_in_2021": [None, "nei"]}, backend="python")
    assert str(info.value).startswith("felt «received_grant_in_2021[1]»: ")
    assert "fikk str 'nei'" in str(info.value) and "got str 'nei'" in info.value.text("en")


@NUMPY
def test_numpy_first_years_increase_is_unknown_and_masked_as_int64() -> None:
    np = _np()
    result = _rusarbeid_batch("numpy", {}).plan(years=[2022, 2023])
    first = result.own_financing_increase[2022]
    assert first.to_list() == [None, None]
    masked = first.to_numpy(unknown="mask")
    assert masked.mask.tolist() == [True, True]
    assert masked.dtype == np.int64
    with pytest.raises(InvalidValueError):
        first.to_numpy()


@NUMPY
def test_numpy_columns_of_a_year_without_rules_raise_the_unknown_rule_set() -> None:
    from nedtrapping.provenance import UnknownValueError

    result = engine.batch(percent=[100, 50], first_grant_year=[2022, 2022], cost=[100_000_000, 50_000_000],
                          scheme="nav-sosiale-tjenester", backend="numpy").plan(years=[2022, 2023])
    for column in (result.grant[2023], result.rule_grant[2023], result.own_financing[2023],
                   result.own_financing_increase[2023]):
        with pytest.raises(UnknownValueError) as info:
            column.to_numpy()
        assert info.value.rule_set == "nav-sosiale-tjenester 2023"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_position_first_funded_in_2021_keeps_its_grant_next_to_a_new_one(backend: str) -> None:
    # no municipality given: each position is its own; 2021 → year 2 of the ladder (550 000 kr), 2022 → new: 0
    result = engine.plan_columns(percent=[100, 100], first_grant_year=[2021, 2022], cost=[78_000_000, 78_000_000],
                                 years=[2022], backend=backend)
    assert result.grant[2022].to_list() == [55_000_000, 0]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_cost_stated_for_a_later_year_is_discounted_by_its_growth(backend: str) -> None:
    # stated for 2024: 1 071 225 kr at 3,5 % (= 1 000 000 × 1,035²), 1 562 500 kr at 25 % (= 1 000 000 × 1,25²)
    result = engine.plan_columns(percent=[100, 100], first_grant_year=[2021, 2021],
                                 cost=[107_122_500, 156_250_000], growth=["3,5", "25"], cost_year=2024,
                                 years=[2022, 2023, 2024], backend=backend)
    assert result.cost[2022].to_list() == [100_000_000, 100_000_000]
    assert result.cost[2023].to_list() == [103_500_000, 125_000_000]
    assert result.cost[2024].to_list() == [107_122_500, 156_250_000]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_growth_of_exactly_one_percent_is_applied(backend: str) -> None:
    result = engine.plan_columns(percent=[100, 50], first_grant_year=[2021, 2021], cost=[100_000_000, 50_000_000],
                                 growth=[1, 1], cost_year=2022, years=[2022, 2023], backend=backend)
    assert result.cost[2023].to_list() == [101_000_000, 50_500_000]


def _extreme_columns() -> list[dict[str, object]]:
    return [
        # costs near the int64 limit, with growth and a cost year per position
        dict(percent=[100, "33,3", 50], first_grant_year=[2021, 2020, 2021],
             cost=[3 * 10**18, 10**18, 4_600_000_000_000_000_000], growth=["3,5", None, "0,1"],
             cost_year=[2022, 2023, 2021]),
        # percentages with many decimals (huge denominators)
        dict(percent=["33,3333333333333333", "0,00009090909090909090", 100], first_grant_year=[2021, 2021, 2019],
             cost=[78_000_000, 78_000_000, 2 * 10**18], growth=["2,7", "2,7", "12,5"]),
        # municipalities with first grant years far apart, some positions new after 2021
        dict(percent=[100, 80, 60, 40], first_grant_year=[2021, 2023, 2019, 2024], cost=[80_000_000] * 4,
             municipality=["Ås", "Ås", "Bø", "Bø"]),
        dict(percent=[100] * 3, first_grant_year=[1990, 2021, 2035], cost=[80_000_000] * 3,
             municipality=["Ås", "Bø", "Ås"]),
        # a municipality funded only before 2018 next to one funded in 2021
        dict(percent=[100] * 3, first_grant_year=[2017, 2021, 2023], cost=[80_000_000] * 3,
             municipality=["Ås", "Bø", "Bø"]),
    ]


@NUMPY
@pytest.mark.parametrize("index", range(5))
def test_numpy_and_python_backends_agree_to_the_ore_on_extreme_batches(index: int) -> None:
    columns = _extreme_columns()[index]
    years = [2021, 2022, 2023, 2024]
    python = engine.plan_columns(years=years, backend="python", **columns)
    fast = engine.plan_columns(years=years, backend="numpy", **columns)
    for figure in ("grant", "rule_grant", "cost", "own_financing", "own_financing_increase"):
        for y in years:
            left, right = getattr(python, figure)[y], getattr(fast, figure)[y]
            assert right.to_list() == left.to_list(), (figure, y)
            assert all(v is None or type(v) is int for v in right.to_list())
            assert right.total() == left.total(), (figure, y)
    for y in years:  # the same cell (and so the same inferred 2021 grant) for every position
        assert [fast.cell(y, i).query for i in range(len(python.batch))] == [
            python.cell(y, i).query for i in range(len(python.batch))]


@pytest.mark.parametrize("backend", ["python", pytest.param("numpy", marks=NUMPY)])
def test_an_empty_batch_plans_to_empty_columns_and_zero_totals(backend: str) -> None:
    result = engine.plan_columns(percent=[], first_grant_year=[], cost=[], years=[2022, 2023], backend=backend)
    assert result.grant[2023].to_list() == []
    assert result.totals()[2023] == {"grant": 0, "cost": 0, "own_financing": 0, "own_financing_increase": 0}


@NUMPY
def test_numpy_infers_the_2021_grant_per_municipality_in_a_very_large_batch() -> None:
    # 45 000 municipalities of one position each, first grant years over 40 years: every position's
    # own year decides whether its municipality was funded in 2021
    n = 45_000
    first = [2000 + i % 40 for i in range(n)]
    columns = dict(percent=[100] * n, first_grant_year=first, cost=[80_000_000] * n,
                   municipality=[f"k{i}" for i in range(n)], years=[2022])
    python = engine.plan_columns(backend="python", **columns)  # type: ignore[arg-type]
    fast = engine.plan_columns(backend="numpy", **columns)  # type: ignore[arg-type]
    assert fast.grant[2022].to_list() == python.grant[2022].to_list()
    assert python.grant[2022][21] == 55_000_000  # first funded 2021: year 2 of the ladder
