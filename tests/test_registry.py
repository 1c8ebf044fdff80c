"""The registry: find a rule set by scheme id and year; errors list what exists."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nedtrapping import strategies as nst
from nedtrapping.registry import UnknownSchemeError, all_rule_sets, get_rule_set, register, scheme_ids, years_of
from nedtrapping.ruleset import RuleSet
from nedtrapping.schemes.kommunalt_rusarbeid import SCHEME_ID, KommunaltRusarbeidRules, rules_for


def test_kommunalt_rusarbeid_has_rule_sets_for_2021_to_2024():
    assert SCHEME_ID == "kommunalt-rusarbeid"
    assert SCHEME_ID in scheme_ids()
    assert years_of(SCHEME_ID) == [2021, 2022, 2023, 2024]
    for year in (2021, 2022, 2023, 2024):
        rules = get_rule_set(SCHEME_ID, year)
        assert isinstance(rules, KommunaltRusarbeidRules)
        assert rules.key == (SCHEME_ID, year)
        assert rules_for(year) is rules


def test_all_rule_sets_is_sorted_and_complete():
    rule_sets = all_rule_sets()
    keys = [r.key for r in rule_sets]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)
    assert {sid for sid, _ in keys} == set(scheme_ids())
    assert all(isinstance(r, RuleSet) for r in rule_sets)


@given(st.text(min_size=1, max_size=30).filter(lambda s: s not in scheme_ids()), nst.budget_years())
def test_an_unknown_scheme_id_error_names_the_known_ones(scheme_id, year):
    with pytest.raises(UnknownSchemeError) as info:
        get_rule_set(scheme_id, year)
    message, english = str(info.value), info.value.text("en")
    assert f"ukjent ordning «{scheme_id}»" in message and f"unknown scheme id '{scheme_id}'" in english
    for known in scheme_ids():
        assert known in message and known in english
    with pytest.raises(UnknownSchemeError):
        years_of(scheme_id)


@given(st.integers(min_value=1900, max_value=2200).filter(lambda y: y not in (2021, 2022, 2023, 2024)))
def test_an_unknown_year_error_names_the_existing_years(year):
    with pytest.raises(UnknownSchemeError) as info:
        get_rule_set(SCHEME_ID, year)
    message = str(info.value)
    assert str(year) in message
    for existing in ("2021", "2022", "2023", "2024"):
        assert existing in message


def test_unknown_scheme_error_is_a_lookup_error():
    assert issubclass(UnknownSchemeError, LookupError)


def test_registering_a_different_rule_set_under_an_existing_key_is_refused():
    original = rules_for(2022)
    with pytest.raises(ValueError):
        register(original.evolve(title="something else"))
    assert rules_for(2022) is original
    assert register(original) is original  # the same one again is harmless
