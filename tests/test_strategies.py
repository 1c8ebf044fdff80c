"""nedtrapping.strategies draws what its docstrings say, and never a float."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nedtrapping import strategies as nst
from nedtrapping.money import Money
from nedtrapping.provenance import Citation, Fact, Status


def no_float_inside(value: object, depth: int = 0) -> bool:
    if isinstance(value, float):
        return False
    if depth > 8:
        return True
    if isinstance(value, dict):
        return all(no_float_inside(k, depth + 1) and no_float_inside(v, depth + 1) for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return all(no_float_inside(v, depth + 1) for v in value)
    if attrs.has(type(value)):
        return all(no_float_inside(getattr(value, f.name), depth + 1) for f in attrs.fields(type(value)))
    return True


def test_importing_nedtrapping_does_not_import_hypothesis():
    code = (
        "import sys, nedtrapping, nedtrapping.registry, nedtrapping.schemes.kommunalt_rusarbeid;"
        "nedtrapping.all_rule_sets();"
        "import nedtrapping.plan, nedtrapping.cofinancing;"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] == 'hypothesis')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@given(st.data())
def test_money_stays_within_its_bounds_and_whole_kroner_when_asked(data):
    lo = data.draw(nst.money(Money.kroner(-1000), Money.kroner(1000)))
    hi = data.draw(nst.money(lo, Money.kroner(2000)))
    whole = data.draw(st.booleans())
    if whole and lo.ore // 100 == hi.ore // 100 and lo.ore % 100 and hi.ore % 100:
        with pytest.raises(ValueError):
            nst.money(lo, hi, whole_kroner=True).validate()
        return
    m = data.draw(nst.money(lo, hi, whole_kroner=whole))
    assert isinstance(m, Money) and isinstance(m.ore, int)
    assert lo <= m <= hi
    if whole:
        assert m.is_whole_kroner


@given(nst.positive_money(), nst.kroner_amounts(3, 7))
def test_positive_money_is_positive_and_kroner_amounts_whole(p, k):
    assert p.ore > 0
    assert k.is_whole_kroner and Money.kroner(3) <= k <= Money.kroner(7)


@given(nst.position_percentages())
def test_position_percentages_are_exact_in_0_to_100_with_two_decimals(p):
    assert isinstance(p, Fraction)
    assert 0 < p <= 100
    assert (p * 100).denominator == 1


@given(nst.position_percentages(max_decimals=None, min_value=50, max_value=60))
def test_position_percentages_respect_open_lower_bound(p):
    assert 50 < p <= 60


@given(nst.percent_inputs())
def test_percent_inputs_are_exact_forms_of_a_percentage(p):
    assert not isinstance(p, float)
    value = Fraction(p.replace(",", ".")) if isinstance(p, str) else Fraction(p)
    assert 0 < value <= 100
    assert isinstance(p, (Fraction, int, Decimal, str))


@given(nst.first_grant_years(), nst.budget_years(), nst.years_in_scheme())
def test_years_are_in_their_documented_ranges(first, year, n):
    assert 2014 <= first <= 2024
    assert 2021 <= year <= 2027
    assert 1 <= n <= 4


@given(nst.aware_datetimes())
def test_aware_datetimes_are_aware(moment):
    assert isinstance(moment, dt.datetime)
    assert moment.tzinfo is not None and moment.utcoffset() is not None


@given(nst.aware_datetimes_around([dt.datetime(2022, 2, 15, 22, 59, tzinfo=dt.UTC)],
                                  window=dt.timedelta(minutes=10)))
def test_aware_datetimes_around_stay_within_the_window(moment):
    anchor = dt.datetime(2022, 2, 15, 22, 59, tzinfo=dt.UTC)
    assert abs(moment.astimezone(dt.UTC) - anchor) <= dt.timedelta(minutes=10)


def test_dst_switches_are_the_last_sundays_of_march_and_october():
    switches = nst.oslo_dst_switches(2021, 2022)
    assert [s.date() for s in switches] == [
        dt.date(2021, 3, 28), dt.date(2021, 10, 31), dt.date(2022, 3, 27), dt.date(2022, 10, 30),
    ]
    assert all(s.weekday() == 6 and s.hour == 1 for s in switches)


@given(nst.naive_datetimes())
def test_naive_datetimes_are_naive(moment):
    assert moment.tzinfo is None


@given(nst.citations())
def test_citations_are_citations(c):
    assert isinstance(c, Citation) and c.document.strip()


@given(nst.facts())
def test_facts_of_every_status_are_valid(f):
    assert isinstance(f, Fact)
    assert (f.value is None) == (f.status is Status.UNKNOWN)
    assert no_float_inside(f)


@pytest.mark.parametrize("status", list(Status))
@given(data=st.data())
def test_facts_with_a_fixed_status_have_it(status, data):
    assert data.draw(nst.facts(status=status)).status is status


@given(nst.ladder_step_supplies())
def test_ladder_step_supplies_are_for_unknown_steps_with_positive_amounts(s):
    assert s.step in (1, 3, 4)
    assert s.amount.ore > 0 and s.amount.is_whole_kroner
    assert isinstance(s.source, (str, Citation))


@given(nst.kommunalt_rusarbeid_rules())
def test_rule_sets_with_supplied_steps_are_user_supplied_exactly_there(rules):
    from nedtrapping.schemes.kommunalt_rusarbeid import rules_for

    original = rules_for(rules.year)
    if rules.ladder is None:
        assert rules is original
        return
    for n in (1, 2, 3, 4):
        step = rules.ladder.step(n)
        if step != original.ladder.step(n):
            assert step.status is Status.USER_SUPPLIED and step.value.ore > 0
    assert (rules.digest == original.digest) == (rules == original)


@given(nst.growth_percentages())
def test_growth_percentages_are_exact_and_bounded(g):
    assert isinstance(g, Fraction) and -5 <= g <= 10 and (g * 100).denominator == 1


@given(nst.costs())
def test_costs_are_fixed_or_growing_with_a_positive_whole_kroner_amount(cost):
    from nedtrapping.cofinancing import FixedCost, GrowingCost

    assert isinstance(cost, (FixedCost, GrowingCost))
    assert no_float_inside(cost)
    base = cost.annual if isinstance(cost, FixedCost) else cost.base
    assert base.ore > 0 and base.is_whole_kroner


@given(nst.position_lists(municipality="Øksnes", granted=True))
def test_position_lists_have_distinct_keys_and_valid_positions(ps):
    from nedtrapping.plan import Position

    assert ps and len({p.key for p in ps}) == len(ps)
    for p in ps:
        assert isinstance(p, Position)
        assert p.municipality == "Øksnes"
        assert 0 < p.percent <= 100
        assert all(0 < q <= 100 for q in p.percent_changes.values())
        assert all(m.ore >= 0 for m in p.granted.values())
        assert no_float_inside(p)
