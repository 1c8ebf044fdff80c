"""Kommunalt rusarbeid 2021–2025: the grant per position, checked against the rules as written.

Expected values come from ../shared/domain/rules.md and issue 2, through the small
oracle below, never from running the code:

* 2021 and 2022: the legacy ladder, step = year in scheme (year − first grant year + 1);
  steps 1 = 660 000 (inferred, SAL-17) and 2 = 550 000 (inferred percentage, VOL-19) are
  known; steps 3 and 4 are not. In 2022 only positions first funded 2018–2021
  (the municipality had the grant in 2021; the position existed in 2021).
* 2023 and 2024: 330 000 per 100 % position while within the four years.
* from 2025: nothing. Pro rata by percentage; rounded once, half up to whole kroner.
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from nedtrapping import strategies as nst
from nedtrapping.money import Money
from nedtrapping.provenance import Status, UnknownValueError
from nedtrapping.schemes.kommunalt_rusarbeid import (
    check_eligibility,
    compute_grant,
    rules_for,
    year_in_scheme,
)

LETTER = "Tilsagnsbrev 2022, Øksnes kommune"
STEP_1 = 660_000
STEP_2 = 550_000
FLAT = 330_000


class Unknown(Exception):
    def __init__(self, step: int) -> None:
        self.step = step


def per_full_position(year: int, first: int, supplied: dict[int, int]) -> int:
    """Kroner per 100 % position by the rules (0 when not eligible); raises Unknown for a missing step."""
    n = year - first + 1
    if year >= 2025 or n < 1 or n > 4:
        return 0
    if year >= 2022 and not (2018 <= first <= 2021):  # grant in 2021, position existed in 2021
        return 0
    if year >= 2023:
        return FLAT
    ladder = {1: STEP_1, 2: STEP_2, **supplied}
    if n not in ladder:
        raise Unknown(n)
    return ladder[n]


def half_up_kroner(kroner: int, percent: Fraction) -> int:
    with localcontext() as ctx:
        ctx.prec = 60
        exact = Decimal(kroner) * Decimal(percent.numerator) / Decimal(percent.denominator) / Decimal(100)
        return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def expected_grant(year: int, first: int, percent: Fraction, supplied: dict[int, int] | None = None) -> int:
    return half_up_kroner(per_full_position(year, first, supplied or {}), percent)


def supplied_of(rules) -> dict[int, int]:
    if rules.ladder is None:
        return {}
    out = {}
    for n in (1, 2, 3, 4):
        fact = rules.ladder.step(n)
        if fact.status is Status.USER_SUPPLIED:
            out[n] = fact.value.ore // 100
    return out


#: whole kroner per 100 % position for the unknown steps, as a user would supply them
_kroner = st.integers(min_value=1, max_value=1_000_000)
full_ladder = st.fixed_dictionaries({1: _kroner, 3: _kroner, 4: _kroner})


def with_ladder(year: int, steps: dict[int, Money]):
    rules = rules_for(year)
    if rules.ladder is None:  # 2023, 2024: a flat amount, nothing to supply
        return rules
    for n, amount in steps.items():
        rules = rules.with_ladder_step(n, amount, LETTER)
    return rules


# ----------------------------------------------------------------- the confirmed figures (issue 2)


def test_full_position_first_funded_2021_gets_550k_330k_330k_then_nothing():
    grants = {y: compute_grant(y, first_grant_year=2021, percent=100).amount for y in (2022, 2023, 2024, 2025)}
    assert grants == {
        2022: Money.kroner(550_000),
        2023: Money.kroner(330_000),
        2024: Money.kroner(330_000),
        2025: Money.zero(),
    }


def test_position_first_funded_2020_needs_step_3_in_2022_then_330k_in_2023_and_nothing_in_2024():
    with pytest.raises(UnknownValueError) as info:
        compute_grant(2022, first_grant_year=2020, percent=100)
    message = str(info.value)
    assert "step 3" in message.lower()
    assert "with_ladder_step(3" in message
    assert "tilsagnsbrev" in message.lower() or "grant letter" in message.lower()
    assert compute_grant(2023, first_grant_year=2020, percent=100).amount == Money.kroner(330_000)
    assert compute_grant(2024, first_grant_year=2020, percent=100).amount == Money.kroner(0)


def test_position_first_funded_2020_gets_the_supplied_step_3_in_2022():
    rules = rules_for(2022).with_ladder_step(3, Money.kroner(440_000), LETTER)
    result = compute_grant(2022, first_grant_year=2020, percent=100, rules=rules)
    assert result.amount == Money.kroner(440_000)
    assert result.rule_set == ("kommunalt-rusarbeid", 2022, rules.digest)
    assert result.rule_set[2] != rules_for(2022).digest


def test_position_first_funded_2018_gets_nothing_in_2022():
    result = compute_grant(2022, first_grant_year=2018, percent=100)
    assert result.amount == Money.zero()
    assert not result.verdict
    assert "4 years" in result.verdict.first_failure.condition.text("en")


def test_a_position_first_funded_2022_is_not_eligible_no_new_positions():
    verdict = check_eligibility(rules_for(2022), first_grant_year=2022)
    assert not verdict.eligible
    conditions = " ".join(c.condition.text("en") for c in verdict.failed())
    assert "existed" in conditions
    failed = next(c for c in verdict.failed() if "existed" in c.condition.text("en"))
    assert "no new positions" in failed.reason.text("en")
    assert failed.uses and failed.uses[0].fact.citation.tag in {"DECK", "NORD-22"}
    assert compute_grant(2022, first_grant_year=2022, percent=100).amount == Money.zero()


def test_half_position_first_funded_2021_gets_half_the_ladder_step_in_2022():
    assert compute_grant(2022, first_grant_year=2021, percent=50).amount == Money.kroner(275_000)
    assert compute_grant(2023, first_grant_year=2021, percent="20").amount == Money.kroner(66_000)
    # VOL-19: 110 000 for a year-2 position, inferred to be 20 % of 550 000
    assert compute_grant(2021, first_grant_year=2020, percent=20).amount == Money.kroner(110_000)


def test_municipality_without_grant_in_2021_gets_nothing_in_2022():
    result = compute_grant(2022, first_grant_year=2021, percent=100, received_grant_in_2021=False)
    assert result.amount == Money.zero()
    assert "received the grant in 2021" in result.verdict.first_failure.condition.text("en")


# ----------------------------------------------------------------- properties


@given(
    year=nst.budget_years(2021, 2027),
    first=nst.first_grant_years(2010, 2027),
    percent=nst.position_percentages(),
    steps=full_ladder,
)
def test_grant_matches_the_rules_for_every_year_first_year_and_percent(year, first, percent, steps):
    money_steps = {n: Money.kroner(k) for n, k in steps.items()}
    rules = with_ladder(year, money_steps) if year <= 2024 else None
    result = compute_grant(year, first_grant_year=first, percent=percent, rules=rules)
    assert result.amount == Money.kroner(expected_grant(year, first, percent, steps))


@given(year=nst.budget_years(2021, 2030), first=nst.first_grant_years(2000, 2030), percent=nst.position_percentages(),
       steps=full_ladder)
def test_grant_is_zero_outside_eligibility_or_after_year_four(year, first, percent, steps):
    n = year_in_scheme(year, first)
    outside = year > 2024 or n < 1 or n > 4 or (year >= 2022 and first > 2021)
    assume(outside)
    rules = with_ladder(year, {k: Money.kroner(v) for k, v in steps.items()}) if year <= 2024 else None
    result = compute_grant(year, first_grant_year=first, percent=percent, rules=rules)
    assert result.amount == Money.zero()
    assert not result.verdict.eligible
    assert result.verdict.failed()
    assert result.exact is None


@given(year=st.sampled_from([2022, 2023, 2024]), first=nst.first_grant_years(2000, 2030),
       percent=nst.position_percentages(), stated=st.booleans())
def test_grant_is_zero_when_the_municipality_had_no_grant_in_2021(year, first, percent, stated):
    rules = with_ladder(year, {n: Money.kroner(1000) for n in (1, 3, 4)})
    result = compute_grant(year, first_grant_year=first, percent=percent, rules=rules,
                           received_grant_in_2021=False)
    assert result.amount == Money.zero()


@given(rules=nst.kommunalt_rusarbeid_rules(), first=nst.first_grant_years(2017, 2024),
       p1=nst.position_percentages(), p2=nst.position_percentages())
def test_pro_rata_grant_is_monotone_in_the_percentage(rules, first, p1, p2):
    lo, hi = sorted((p1, p2))
    try:
        g_lo = compute_grant(rules.year, first_grant_year=first, percent=lo, rules=rules).amount
    except UnknownValueError:
        assume(False)
    g_hi = compute_grant(rules.year, first_grant_year=first, percent=hi, rules=rules).amount
    assert g_lo <= g_hi
    assert g_hi <= compute_grant(rules.year, first_grant_year=first, percent=100, rules=rules).amount


@given(rules=nst.kommunalt_rusarbeid_rules(), first=nst.first_grant_years(2017, 2024),
       percent=nst.position_percentages(max_decimals=None))
def test_pro_rata_grant_is_within_half_a_krone_of_step_times_percent(rules, first, percent):
    try:
        result = compute_grant(rules.year, first_grant_year=first, percent=percent, rules=rules)
    except UnknownValueError:
        assume(False)
    if not result.verdict.eligible:
        assert result.amount == Money.zero()
        return
    n = year_in_scheme(rules.year, first)
    per_full = rules.amount_fact(n)[0]
    exact_ore = Fraction(per_full.ore) * percent / 100
    assert abs(Fraction(result.amount.ore) - exact_ore) <= 50
    assert result.amount.is_whole_kroner
    assert result.exact.ore == exact_ore


@given(rules=nst.kommunalt_rusarbeid_rules(), first=nst.first_grant_years(2017, 2022),
       percent=nst.position_percentages(max_decimals=4))
def test_rounding_half_up_happens_once_like_an_independent_decimal_computation(rules, first, percent):
    try:
        expected = expected_grant(rules.year, first, percent, supplied_of(rules))
    except Unknown:
        with pytest.raises(UnknownValueError):
            compute_grant(rules.year, first_grant_year=first, percent=percent, rules=rules)
        return
    result = compute_grant(rules.year, first_grant_year=first, percent=percent, rules=rules)
    assert result.amount == Money.kroner(expected)


@given(first=nst.first_grant_years(2017, 2022), percents=st.lists(nst.position_percentages(), min_size=2, max_size=6))
def test_splitting_a_position_never_gains_more_than_half_a_krone_per_part(first, percents):
    # the rounding happens per position: parts may differ from the whole by at most 0.50 kr each
    assume(sum(percents) <= 100)
    total = sum(percents, Fraction(0))
    whole = compute_grant(2023, first_grant_year=first, percent=total).amount
    parts = sum((compute_grant(2023, first_grant_year=first, percent=p).amount for p in percents), Money.zero())
    assert abs(parts.ore - whole.ore) <= 50 * (len(percents) + 1)


@given(percent=nst.percent_inputs(), first=nst.first_grant_years(2018, 2021), year=st.sampled_from([2022, 2023, 2024]))
def test_percent_forms_give_the_same_grant(percent, first, year):
    rules = with_ladder(year, {n: Money.kroner(400_000) for n in (1, 3, 4)})
    as_fraction = Fraction(str(percent).replace(",", ".")) if isinstance(percent, str) else Fraction(percent)
    a = compute_grant(year, first_grant_year=first, percent=percent, rules=rules).amount
    b = compute_grant(year, first_grant_year=first, percent=as_fraction, rules=rules).amount
    assert a == b


# ----------------------------------------------------------------- unknown is never zero


@given(year=st.sampled_from([2021, 2022]), first=nst.first_grant_years(2010, 2030),
       percent=nst.position_percentages(max_decimals=None))
def test_an_unknown_ladder_step_is_never_treated_as_zero(year, first, percent):
    n = year_in_scheme(year, first)
    eligible = 1 <= n <= 4 and (year == 2021 or 2018 <= first <= 2021)
    if eligible and n in (3, 4):
        with pytest.raises(UnknownValueError) as info:
            compute_grant(year, first_grant_year=first, percent=percent)
        message = info.value.text("en")
        assert f"step {n}" in message.lower()
        assert f"with_ladder_step({n}" in message
        assert "not treat it as 0" in message
    else:
        result = compute_grant(year, first_grant_year=first, percent=percent)
        assert result.amount == Money.kroner(expected_grant(year, first, percent))


@given(rules=nst.kommunalt_rusarbeid_rules(years=[2021, 2022]), first=nst.first_grant_years(2017, 2022),
       percent=nst.position_percentages())
def test_a_computation_raises_exactly_when_its_step_is_still_unknown(rules, first, percent):
    try:
        expected = expected_grant(rules.year, first, percent, supplied_of(rules))
    except Unknown as missing:
        with pytest.raises(UnknownValueError, match=f"tep {missing.step}"):
            compute_grant(rules.year, first_grant_year=first, percent=percent, rules=rules)
    else:
        assert compute_grant(rules.year, first_grant_year=first, percent=percent, rules=rules).amount == Money.kroner(expected)


# ----------------------------------------------------------------- refused inputs


@pytest.mark.parametrize("percent", [50.0, 100.0, 0.5])
def test_a_float_percentage_is_refused(percent):
    with pytest.raises(TypeError):
        compute_grant(2023, first_grant_year=2021, percent=percent)


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=0.01, max_value=100))
def test_no_float_percentage_is_ever_accepted(percent):
    with pytest.raises(TypeError):
        compute_grant(2023, first_grant_year=2021, percent=percent)


@pytest.mark.parametrize("percent", [0, -10, Fraction(10001, 100), 101, "0", "-5"])
def test_percentage_outside_0_to_100_is_refused(percent):
    with pytest.raises(ValueError):
        compute_grant(2023, first_grant_year=2021, percent=percent)


def test_rules_of_another_year_are_refused():
    with pytest.raises(ValueError):
        compute_grant(2023, first_grant_year=2021, percent=100, rules=rules_for(2022))


@given(st.integers(min_value=2000, max_value=2030), st.integers(min_value=2000, max_value=2030))
def test_year_in_scheme_counts_from_one(year, first):
    assert year_in_scheme(year, first) == year - first + 1
    assert year_in_scheme(first, first) == 1


# ----------------------------------------------------------------- explanations


@given(rules=nst.kommunalt_rusarbeid_rules(), first=nst.first_grant_years(2017, 2022),
       percent=nst.position_percentages())
def test_explanation_of_a_grant_mentions_the_facts_used_with_their_statuses(rules, first, percent):
    try:
        result = compute_grant(rules.year, first_grant_year=first, percent=percent, rules=rules)
    except UnknownValueError:
        assume(False)
    text = result.explanation.to_text("en")
    as_dict = result.explanation.to_dict()
    assert json.loads(json.dumps(as_dict)) == as_dict
    assert str(result.amount) in text
    used = result.facts_used
    assert used
    for use in used:
        assert use.status.value in text
        assert use.citation.document in text
    if result.verdict.eligible:
        n = year_in_scheme(rules.year, first)
        amount_fact = rules.ladder.step(n) if rules.ladder is not None else rules.flat_amount
        amount_uses = [u for u in used if u.name in (f"ladder.step_{n}", "flat_amount")]
        assert amount_uses, [u.name for u in used]
        assert amount_uses[0].status is amount_fact.status
        assert amount_uses[0].citation == amount_fact.citation
        assert amount_uses[0].digest == rules.short_digest
        pro_rata = [u for u in used if u.name == "pro_rata"]
        assert pro_rata and pro_rata[0].status is rules.pro_rata.status
        assert any(u.status is Status.ASSUMED and "round" in u.name for u in used)
    else:
        failed = result.verdict.first_failure
        assert failed.condition.text("en").lower() in text.lower()


def test_explanation_of_a_supplied_step_says_user_supplied_and_names_the_letter():
    rules = rules_for(2022).with_ladder_step(3, Money.kroner(440_000), LETTER)
    result = compute_grant(2022, first_grant_year=2020, percent=50, rules=rules)
    assert result.amount == Money.kroner(220_000)
    text = result.explanation.to_text("en")
    assert "user-supplied" in text
    assert LETTER in text


def test_explanation_of_2023_marks_pro_rata_as_inferred():
    result = compute_grant(2023, first_grant_year=2021, percent=50)
    statuses = {u.name: u.status for u in result.facts_used}
    assert statuses["pro_rata"] is Status.INFERRED
    assert statuses["flat_amount"] is Status.FINAL


def test_explanation_after_2024_cites_the_last_grant_year():
    result = compute_grant(2025, first_grant_year=2022, percent=100)
    assert result.amount == Money.zero()
    assert any(u.name == "last_grant_year" for u in result.facts_used)
    assert "2024" in result.explanation.to_text("en")
