"""NAV social-services grant 2022: expected values from rules.md §2 and the deck (NAV-22, DECK)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from fractions import Fraction

import pytest

from nedtrapping.deadlines import Purpose
from nedtrapping.money import FloatRefusedError, Money
from nedtrapping.provenance import Status
from nedtrapping.registry import UnknownSchemeError, get_rule_set
from nedtrapping.schemes.nav_sosiale_tjenester import (
    MaxYearsExceededError,
    Measure,
    Position,
    maximum_grant,
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
    result = maximum_grant([Measure(label="A", positions=[Position(label="p", percent=100)])])
    assert result.total == CAP


@pytest.mark.parametrize("percent", [50, "50", Decimal("50"), Fraction(50)])
def test_half_position_gets_half_the_cap(percent: object) -> None:
    result = maximum_grant([Measure(label="A", positions=[Position(label="p", percent=percent)])])
    assert result.total == Money.kroner(305_000)


def test_pro_rata_is_rounded_once_half_up_to_whole_kroner() -> None:
    # 610 000 × 1/3 = 203 333,33… → 203 333 (rules.md §4: half up, once)
    result = maximum_grant([Measure(label="A", positions=[Position(label="p", percent=Fraction(100, 3))])])
    assert result.total == Money.kroner(203_333)


def test_competence_adds_at_most_20_000_per_measure() -> None:
    m1 = Measure(label="A", positions=[Position(label="p", percent=100)], competence=True)
    m2 = Measure(label="B", competence=True)
    result = maximum_grant([m1, m2])
    assert result.total == CAP + COMPETENCE + COMPETENCE
    assert [g.total for g in result.measures] == [CAP + COMPETENCE, COMPETENCE]


def test_requested_amount_below_the_cap_caps_further() -> None:
    m = Measure(label="A", positions=[Position(label="p", percent=100, requested=Money.kroner(500_000))],
                competence=True, competence_requested=Money.kroner(5_000))
    assert maximum_grant([m]).total == Money.kroner(505_000)
    above = Measure(label="B", positions=[Position(label="p", percent=100, requested=Money.kroner(700_000))])
    assert maximum_grant([above]).total == CAP


@pytest.mark.parametrize("prior", [0, 1, 2])
def test_years_one_to_three_are_allowed(prior: int) -> None:
    m = Measure(label="A", positions=[Position(label="p", percent=100)], prior_years=prior)
    assert maximum_grant([m]).measures[0].year_of_measure == prior + 1


@pytest.mark.parametrize("prior", [3, 4, 10])
def test_a_fourth_year_for_the_same_measure_is_refused(prior: int) -> None:
    m = Measure(label="Oppfølgingsteam", positions=[Position(label="p", percent=100)], prior_years=prior)
    with pytest.raises(MaxYearsExceededError, match=r"Oppfølgingsteam.*at most 3 years"):
        maximum_grant([m])


def test_explanation_cites_the_cap_and_the_rounding_assumption() -> None:
    result = maximum_grant([Measure(label="A", positions=[Position(label="p", percent=50)])])
    used = {f.name: f for f in result.explanation.all_facts()}
    assert used["max_per_full_position"].value == str(CAP)
    assert used["rounding rule"].status is Status.ASSUMED
    assert used["pro_rata"].status is Status.INFERRED
    assert result.rule_set[:2] == ("nav-sosiale-tjenester", 2022)


@pytest.mark.parametrize("bad", [0, -5, 101, "abc"])
def test_bad_percentages_are_refused(bad: object) -> None:
    with pytest.raises(ValueError, match="Position.percent"):
        Position(label="p", percent=bad)  # type: ignore[arg-type]


def test_float_percentage_is_refused() -> None:
    with pytest.raises(FloatRefusedError):
        Position(label="p", percent=50.0)  # type: ignore[arg-type]


def test_bad_applications_are_refused() -> None:
    with pytest.raises(ValueError, match="no measures"):
        maximum_grant([])
    with pytest.raises(ValueError, match="repeated: A"):
        maximum_grant([Measure(label="A", competence=True), Measure(label="A", competence=True)])
    with pytest.raises(ValueError, match="neither positions nor"):
        Measure(label="empty")
    with pytest.raises(ValueError, match="prior_years"):
        Measure(label="A", competence=True, prior_years=-1)


def test_unknown_year_names_the_known_ones() -> None:
    with pytest.raises(UnknownSchemeError, match="2022"):
        get_rule_set("nav-sosiale-tjenester", 2019)
