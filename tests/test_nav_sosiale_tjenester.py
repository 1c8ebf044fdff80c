"""NAV social-services grant 2022: expected values from rules.md §2 and the deck (NAV-22, DECK)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nedtrapping import strategies as nst
from nedtrapping.deadlines import Purpose
from nedtrapping.money import FloatRefusedError, Money
from nedtrapping.provenance import Status
from nedtrapping.registry import UnknownSchemeError, get_rule_set
from nedtrapping.schemes.nav_sosiale_tjenester import (
    MaxYearsExceededError,
    Measure,
    MeasurePosition,
    maximum_grant,
    round_cap_down_to_kroner,
    rules_for,
)

CAP = Money.kroner(610_000)  # rules.md §2: up to 610 000 NOK per 100 % position (2022)
COMPETENCE = Money.kroner(20_000)  # rules.md §2: up to 20 000 per measure for competence


def test_rule_set_holds_the_sourced_values() -> None:
    rules = rules_for(2022)
    assert rules.max_per_full_position.value == CAP
    assert rules.max_per_competence_measure.value == COMPETENCE
    assert rules.max_years_same_measure.value == 3
    assert rules.budget_chapter == "kap. 0621 post 63"
    assert rules.applicants.value == "Kommuner v/NAV kontoret"
    assert rules.deadline(Purpose.APPLICATION).day == _dt.date(2022, 2, 1)
    assert rules.deadline(Purpose.APPLICATION, "Nordland").day == _dt.date(2022, 2, 7)
    assert rules.deadline(Purpose.REPORTING).day == _dt.date(2023, 2, 1)
    # every fact has a status and a citation
    for name, fact in rules.facts():
        assert fact.citation.document, name
    assert [p.value for p in rules.priorities][-1] == "NB! Klyngesamarbeid"
    assert any("Sikring av sårbare overganger" in (p.value or "") for p in rules.priorities)


def test_full_position_is_capped_at_610_000() -> None:
    result = maximum_grant([Measure(label="A", positions=[MeasurePosition(label="p", percent=100)])])
    assert result.total == CAP


@pytest.mark.parametrize("percent", [50, "50", Decimal("50"), Fraction(50)])
def test_half_position_gets_half_the_cap(percent: object) -> None:
    result = maximum_grant([Measure(label="A", positions=[MeasurePosition(label="p", percent=percent)])])
    assert result.total == Money.kroner(305_000)


def test_pro_rata_cap_is_rounded_once_down_to_whole_kroner() -> None:
    # 610 000 × 1/3 = 203 333,33… → 203 333
    result = maximum_grant([Measure(label="A", positions=[MeasurePosition(label="p", percent=Fraction(100, 3))])])
    assert result.total == Money.kroner(203_333)
    # 610 000 × 100/7 % = 87 142,857… → 87 142: half up (87 143) would exceed "at most"
    result = maximum_grant([Measure(label="A", positions=[MeasurePosition(label="p", percent=Fraction(100, 7))])])
    assert result.total == Money.kroner(87_142)
    # 610 000 × 2/3 = 406 666,67 → 406 666
    result = maximum_grant([Measure(label="A", positions=[MeasurePosition(label="p", percent=Fraction(200, 3))])])
    assert result.total == Money.kroner(406_666)


def test_competence_adds_at_most_20_000_per_measure() -> None:
    m1 = Measure(label="A", positions=[MeasurePosition(label="p", percent=100)], competence=True)
    m2 = Measure(label="B", competence=True)
    result = maximum_grant([m1, m2])
    assert result.total == CAP + COMPETENCE + COMPETENCE
    assert [g.total for g in result.measures] == [CAP + COMPETENCE, COMPETENCE]


def test_requested_amount_below_the_cap_caps_further() -> None:
    m = Measure(label="A", positions=[MeasurePosition(label="p", percent=100, requested=Money.kroner(500_000))],
                competence=True, competence_requested=Money.kroner(5_000))
    assert maximum_grant([m]).total == Money.kroner(505_000)
    above = Measure(label="B", positions=[MeasurePosition(label="p", percent=100, requested=Money.kroner(700_000))])
    assert maximum_grant([above]).total == CAP


@pytest.mark.parametrize("prior", [0, 1, 2])
def test_years_one_to_three_are_allowed(prior: int) -> None:
    m = Measure(label="A", positions=[MeasurePosition(label="p", percent=100)], prior_years=prior)
    assert maximum_grant([m]).measures[0].year_of_measure == prior + 1


@pytest.mark.parametrize("prior", [3, 4, 10])
def test_a_fourth_year_for_the_same_measure_is_refused(prior: int) -> None:
    m = Measure(label="Oppfølgingsteam", positions=[MeasurePosition(label="p", percent=100)], prior_years=prior)
    with pytest.raises(MaxYearsExceededError, match=r"tiltak «Oppfølgingsteam»: .*gir høyst 3 år til samme tiltak") as info:
        maximum_grant([m])
    assert info.value.field == "prior_years"
    assert info.value.text("en").startswith(
        f"field 'prior_years': measure 'Oppfølgingsteam': 2022 would be its year {prior + 1} with this grant "
        f"({prior} earlier years), but nav-sosiale-tjenester 2022 allows at most 3 years for the same measure")


def test_explanation_cites_the_cap_and_the_rounding_assumption() -> None:
    result = maximum_grant([Measure(label="A", positions=[MeasurePosition(label="p", percent=50)])])
    used = {f.name: f for f in result.explanation.all_facts()}
    assert used["max_per_full_position"].value == str(CAP)
    assert used["rounding.down"].status is Status.ASSUMED
    assert used["rounding.down"].value.text("en").startswith("down to whole kroner")
    assert used["rounding.down"].citation.tag == "LIB"
    assert used["pro_rata"].status is Status.INFERRED
    assert result.rule_set[:2] == ("nav-sosiale-tjenester", 2022)


@pytest.mark.parametrize("bad", [0, -5, 101, "abc"])
def test_bad_percentages_are_refused(bad: object) -> None:
    with pytest.raises(ValueError, match="Position.percent"):
        MeasurePosition(label="p", percent=bad)  # type: ignore[arg-type]


def test_float_percentage_is_refused() -> None:
    with pytest.raises(FloatRefusedError):
        MeasurePosition(label="p", percent=50.0)  # type: ignore[arg-type]


def test_bad_applications_are_refused() -> None:
    with pytest.raises(ValueError, match="søknaden har ingen tiltak") as info:
        maximum_grant([])
    assert info.value.text("en") == "field 'measures': the application has no measures"  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="gjentatt: A"):
        maximum_grant([Measure(label="A", competence=True), Measure(label="A", competence=True)])
    with pytest.raises(ValueError, match="har verken stillinger eller en kompetansedel"):
        Measure(label="empty")
    with pytest.raises(ValueError, match="prior_years"):
        Measure(label="A", competence=True, prior_years=-1)


def test_unknown_year_names_the_known_ones() -> None:
    with pytest.raises(UnknownSchemeError, match="2022"):
        get_rule_set("nav-sosiale-tjenester", 2019)


def test_the_explanation_says_when_a_request_exceeds_the_cap() -> None:
    m = Measure(label="A", positions=[MeasurePosition(label="p", percent=50, requested=Money.kroner(400_000))],
                competence=True, competence_requested=Money.kroner(25_000))
    result = maximum_grant([m])
    assert result.total == Money.kroner(305_000) + COMPETENCE
    text = result.explanation.to_text("en")
    assert "requested 400 000 kr exceeds the cap by 95 000 kr, so the cap 305 000 kr" in text
    assert "requested 25 000 kr exceeds the cap by 5 000 kr, so the cap 20 000 kr" in text
    assert "Rounded once, down to whole kroner" in text


def test_negative_competence_request_is_refused() -> None:
    with pytest.raises(ValueError, match=r"tiltak «A»: søkt beløp til kompetanse \(competence_requested\) er negativt "
                                         r"\(-5 000 kr\)"):
        Measure(label="A", competence=True, competence_requested=Money.kroner(-5_000))


@pytest.mark.parametrize("bad", ["no", "yes", 1, 0, None])
def test_competence_must_be_a_bool(bad: object) -> None:
    with pytest.raises(TypeError, match=r"felt «competence»: tiltak «A»: forventet True eller False, fikk ") as info:
        Measure(label="A", positions=[MeasurePosition(label="p", percent=100)], competence=bad)  # type: ignore[arg-type]
    assert info.value.text("en") == (  # type: ignore[attr-defined]
        f"field 'competence': measure 'A': expected True or False, got {type(bad).__name__} {bad!r}")


@pytest.mark.parametrize("bad", ["abc", 5, {"percent": 100}, None])
def test_positions_must_be_a_list(bad: object) -> None:
    with pytest.raises(TypeError, match="felt «Measure.positions»: forventet en liste av MeasurePosition"):
        Measure(label="A", positions=bad, competence=True)  # type: ignore[arg-type]


def test_each_position_must_be_a_position() -> None:
    with pytest.raises(TypeError, match=r"tiltak «A»: positions\[0\] er dict .*ikke en MeasurePosition"):
        Measure(label="A", positions=[{"percent": 100}])  # type: ignore[list-item]


@pytest.mark.parametrize("bad", [["a"], "abc", [None], Measure(label="A", competence=True), 5])
def test_maximum_grant_wants_a_list_of_measures(bad: object) -> None:
    with pytest.raises(TypeError, match="felt «measures»: "):
        maximum_grant(bad)  # type: ignore[arg-type]


def test_labels_and_prior_years_are_type_checked() -> None:
    with pytest.raises(TypeError, match="Measure.label"):
        Measure(label=None, competence=True)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Position.label"):
        MeasurePosition(label=3, percent=100)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="prior_years"):
        Measure(label="A", competence=True, prior_years="1")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"felt «requested»: forventet Money \(f.eks. Money.kroner\(500_000\)\) "
                                        r"eller None, fikk int 500000"):
        MeasurePosition(label="p", percent=100, requested=500_000)  # type: ignore[arg-type]


def test_round_cap_down_refuses_a_negative_cap() -> None:
    with pytest.raises(ValueError, match="et tak kan ikke være negativt") as info:
        round_cap_down_to_kroner(Money.kroner(-1))
    assert "a cap cannot be negative" in info.value.text("en")


# --------------------------------------------------------------------------- properties of the calculator


@given(percent=nst.position_percentages(max_decimals=None))
def test_position_cap_never_exceeds_the_exact_pro_rata_cap_and_is_less_than_one_krone_below(
        percent: Fraction) -> None:
    grant = maximum_grant([Measure(label="A", positions=[MeasurePosition(label="p", percent=percent)])]).total
    exact = Fraction(CAP.ore) * percent / 100
    assert grant.is_whole_kroner
    assert exact - 100 < grant.ore <= exact


@given(percent=nst.position_percentages(max_decimals=None),
       requested=st.one_of(st.none(), nst.kroner_amounts(0, 1_000_000)))
def test_position_grant_is_the_smaller_of_request_and_cap(percent: Fraction, requested: Money | None) -> None:
    cap = round_cap_down_to_kroner(CAP * (percent / 100))
    grant = maximum_grant([Measure(label="A", positions=[MeasurePosition(label="p", percent=percent,
                                                                    requested=requested)])]).total
    assert grant == (cap if requested is None or cap < requested else requested)


@given(percents=st.lists(nst.position_percentages(), min_size=1, max_size=5), competence=st.booleans(),
       prior=st.integers(min_value=0, max_value=2))
def test_total_is_the_sum_of_the_measures_and_never_negative_or_above_the_caps(
        percents: list[Fraction], competence: bool, prior: int) -> None:
    measures = [Measure(label=f"M{i}", positions=[MeasurePosition(label="p", percent=p)], competence=competence,
                        prior_years=prior) for i, p in enumerate(percents)]
    result = maximum_grant(measures)
    assert result.total == sum((g.total for g in result.measures), Money.zero())
    ceiling = sum(Fraction(CAP.ore) * p / 100 for p in percents) + (COMPETENCE.ore * len(percents) if competence else 0)
    assert 0 <= result.total.ore <= ceiling
