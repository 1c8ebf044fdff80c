"""The cost rules (issue 9): each value as sure as its source, and the source's words hold the value.

Expected values come from the issue, ../shared/domain/rules.md §3 and the public sources, not from the code.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from nedtrapping import sources
from nedtrapping.costs import lonnskostnader as lk
from nedtrapping.money import Money
from nedtrapping.provenance import Fact, Status
from nedtrapping.readable import read


def _quote(fact: Fact[object]) -> str:
    assert fact.citation.quote, f"no quote in {fact.citation}"
    return fact.citation.quote


ZONE_RATES = {"zone_1": "14.1", "zone_1a_reduced": "10.6", "zone_1a_full": "14.1", "zone_2": "10.6",
              "zone_3": "6.4", "zone_4": "5.1", "zone_4a": "7.9", "zone_5": "0"}


@pytest.mark.parametrize("year", lk.YEARS)
@pytest.mark.parametrize(("path", "rate"), sorted(ZONE_RATES.items()))
def test_zone_rates_are_the_published_ones_every_year(year: int, path: str, rate: str) -> None:
    fact = getattr(lk.rules_for(year).employer_contribution, path)
    assert fact.value == Decimal(rate)
    assert fact.status in (Status.FINAL, Status.INFERRED)
    if fact.status is Status.INFERRED:
        assert fact.note, f"{year} {path}: an inferred rate says why"


def test_2023_and_2024_zone_rates_are_final_from_a_table_dated_for_those_years() -> None:
    for year in (2023, 2024):
        rates = lk.rules_for(year).employer_contribution
        for path in ("zone_1", "zone_2", "zone_3", "zone_4", "zone_4a", "zone_5"):
            fact = getattr(rates, path)
            assert fact.status is Status.FINAL and fact.citation.tag == "STICOS-23"
            assert "gjelder for 2023 og 2024" in _quote(fact)
            assert "14,1 % 14,1 %* 10,6 % 6,4 % 5,1 % 7,9 % 0 %" in _quote(fact)


def test_2021_zones_1_and_2_are_stated_for_2021_the_others_inferred() -> None:
    rates = lk.rules_for(2021).employer_contribution
    assert rates.zone_1.status is Status.FINAL and "sone 1" in _quote(rates.zone_1) and "14,1" in _quote(rates.zone_1)
    assert rates.zone_2.status is Status.FINAL and "sone 2, og har 10,6 prosent" in _quote(rates.zone_2)
    assert rates.zone_1a_reduced.status is Status.FINAL and "10,6 %" in _quote(rates.zone_1a_reduced)
    for path in ("zone_3", "zone_4", "zone_4a", "zone_5"):
        assert getattr(rates, path).status is Status.INFERRED


def test_2022_and_2025_rates_are_inferred_because_no_source_read_dates_them() -> None:
    for year in (2022, 2025):
        for path in ZONE_RATES:
            assert getattr(lk.rules_for(year).employer_contribution, path).status is Status.INFERRED


def test_the_extra_contribution_exists_only_in_2023_and_2024() -> None:
    r23, r24 = lk.rules_for(2023), lk.rules_for(2024)
    assert (r23.extra_contribution_rate.value, r23.extra_contribution_rate.status) == (Decimal(5), Status.FINAL)
    assert r23.extra_contribution_threshold is not None
    assert r23.extra_contribution_threshold.value == Money.kroner(750_000)
    assert "5 % for lønnsinntekter over 750 000 kroner" in _quote(r23.extra_contribution_rate)
    assert r24.extra_contribution_threshold is not None
    assert r24.extra_contribution_threshold.value == Money.kroner(850_000)
    assert "hevet fra 750 000 til 850 000 kroner" in _quote(r24.extra_contribution_threshold)
    r25 = lk.rules_for(2025)
    assert (r25.extra_contribution_rate.value, r25.extra_contribution_rate.status) == (Decimal(0), Status.FINAL)
    assert "ble avviklet fom. 01.01.2025" in _quote(r25.extra_contribution_rate)
    for year in (2021, 2022):
        fact = lk.rules_for(year).extra_contribution_rate
        assert (fact.value, fact.status) == (Decimal(0), Status.INFERRED)
        assert "fra 1. januar 2023 innført" in _quote(fact)
    assert r23.extra_contribution_basis is not None and r23.extra_contribution_basis.status is Status.ASSUMED


@pytest.mark.parametrize("year", lk.YEARS)
def test_holiday_pay_rules_are_the_laws_and_the_municipal_sectors(year: int) -> None:
    r = lk.rules_for(year)
    assert (r.holiday_pay_statutory.value, r.holiday_pay_statutory.status) == (Decimal("10.2"), Status.FINAL)
    assert "10,2 prosent av feriepengegrunnlaget" in _quote(r.holiday_pay_statutory)
    assert (r.holiday_pay_fifth_week.value, r.holiday_pay_fifth_week.status) == (Decimal(12), Status.FINAL)
    assert "I kommunal sektor" in _quote(r.holiday_pay_fifth_week)
    assert "Feriepenger utgjør 12 %" in _quote(r.holiday_pay_fifth_week)
    assert (r.senior_supplement.value, r.senior_supplement.status) == (Decimal("2.3"), Status.FINAL)
    assert "forhøyes prosentsatsen med 2,3 prosentpoeng" in _quote(r.senior_supplement)
    assert (r.senior_supplement_cap_g.value, r.senior_supplement_cap_g.status) == (6, Status.FINAL)
    assert "overstiger 6 ganger folketrygdens grunnbeløp" in _quote(r.senior_supplement_cap_g)
    assert r.senior_age.value == 60 and "fyller 60 år i løpet av ferieåret" in _quote(r.senior_age)
    assert r.holiday_days_statutory.value == 25 and "25 virkedager" in _quote(r.holiday_days_statutory)
    assert r.holiday_days_fifth_week.value == 30 and "30 virkedager (5 uker)" in _quote(r.holiday_days_fifth_week)
    # the deduction is the library's reading of «tilsvarende 5 uker»: inferred, not final
    assert r.holiday_deduction.status is Status.INFERRED
    assert "trekkes alle som har fastlønn for feriefritid tilsvarende 5 uker" in _quote(r.holiday_deduction)
    assert (r.virkedager_per_year.value, r.virkedager_per_year.status) == (312, Status.INFERRED)
    assert r.senior_extra_deduction.status is Status.INFERRED and r.senior_extra_deduction.citation.tag == "LOSTAT-FERIE"
    assert r.holiday_pay_accrual.status is Status.ASSUMED and r.holiday_pay_accrual.citation.tag == "LIB"


@pytest.mark.parametrize(("year", "g", "tag", "words"), [
    (2021, 106_399, "G-21", "pr. 1. mai 2021. Grunnbeløpet er kr 106 399"),
    (2022, 111_477, "G-22", "111 477 kroner"),
    (2023, 118_620, "G-23", "Fra 1.mai 2023 utgjør grunnbeløpet: 118 620"),
    (2024, 124_028, "G-24", "nytt grunnbeløp i folketrygden 124 028 kroner"),
    (2025, 130_160, "G-25", "130.160 kroner"),
])
def test_g_by_1_may_of_each_year(year: int, g: int, tag: str, words: str) -> None:
    fact = lk.rules_for(year).grunnbelop
    assert (fact.value, fact.status, fact.citation.tag) == (Money.kroner(g), Status.FINAL, tag)
    assert words in _quote(fact)


@pytest.mark.parametrize("year", lk.YEARS)
def test_the_pension_premium_stays_unknown_with_no_default(year: int) -> None:
    fact = lk.rules_for(year).pension_premium
    assert fact.status is Status.UNKNOWN and fact.value is None
    how = read(fact.how_to_supply)
    assert "premiesatsen kommunen betaler pensjonsleverandøren sin" in how and "KLPs kundesider" in how
    assert "KLP's customer pages" in read(fact.how_to_supply, "en")
    assert "pension_percent" not in how and "SalaryCost" not in how  # words only: where the value is
    assert fact.citation.tag == "KLP-OTP"


def test_the_contribution_is_charged_on_salary_holiday_pay_and_pension() -> None:
    fact = lk.rules_for(2024).contribution_base
    assert fact.status is Status.FINAL and fact.citation.tag == "FTRL-23-2"
    assert "tilskott til livrente- og pensjonsordninger" in _quote(fact)


def test_the_zone_1a_allowance() -> None:
    assert lk.rules_for(2021).zone_1a_allowance.value == Money.kroner(500_000)
    assert lk.rules_for(2024).zone_1a_allowance.value == Money.kroner(850_000)
    assert lk.rules_for(2025).zone_1a_allowance.status is Status.UNKNOWN


def test_every_cost_source_is_in_the_sources_table_with_a_quote() -> None:
    tags = {"SKATT-AGA-20", "SKATT-ABC-21", "NYSS-21", "SKD-22", "REVISOR-23", "STICOS-23", "SKD-24",
            "KONTOHJELP-24", "KONTOHJELP-25", "SKATT-SONER", "ORSTA-AGA", "FTRL-23-2", "FERIEL-10", "NHO-FERIE",
            "EIGERSUND-FERIE", "UIT-LONN-12", "LOSTAT-FERIE", "KLP-OTP", "KLP-MEDLEM",
            "G-21", "G-22", "G-23", "G-24", "G-25"}
    by_tag = {c.tag: c for c in sources.ALL_SOURCES}
    assert tags <= set(by_tag)
    for tag in tags:
        assert by_tag[tag].quote and by_tag[tag].url and by_tag[tag].url.startswith("http"), tag
