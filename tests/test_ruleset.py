"""Rule sets: frozen, digested, evolvable only into new rule sets."""

from __future__ import annotations

import os
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
from nedtrapping.registry import all_rule_sets
from nedtrapping.ruleset import RuleSet, canonical, canonical_json, digest_of
from nedtrapping.schemes.kommunalt_rusarbeid import rules_for

LETTER = "Tilsagnsbrev 2022, Øksnes kommune"


def _snapshot(rules: RuleSet) -> tuple[str, str]:
    return canonical_json(rules), rules.digest


# ----------------------------------------------------------------- frozen


@pytest.mark.parametrize("rules", all_rule_sets(), ids=lambda r: r.key_text)
def test_rule_sets_cannot_be_mutated(rules):
    before = _snapshot(rules)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        rules.year = 1999
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        rules.citation = Citation("elsewhere")
    for _name, fact in rules.facts():
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            fact.value = None
    for deadline in rules.deadlines:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            deadline.day = None
    assert _snapshot(rules) == before


def test_ladder_of_a_rule_set_cannot_be_mutated():
    rules = rules_for(2022)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        rules.ladder.step_3 = rules.ladder.step_2
    assert rules.ladder.step_3.status is Status.UNKNOWN


@pytest.mark.parametrize("rules", all_rule_sets(), ids=lambda r: r.key_text)
def test_rule_set_collections_are_immutable_tuples(rules):
    assert isinstance(rules.deadlines, tuple)
    for field in attrs.fields(type(rules)):
        value = getattr(rules, field.name)
        assert not isinstance(value, (list, dict, set)), field.name


@pytest.mark.parametrize("rules", all_rule_sets(), ids=lambda r: r.key_text)
def test_every_number_in_a_rule_set_carries_status_and_citation(rules):
    for name, fact in rules.facts():
        assert isinstance(fact.status, Status), name
        assert isinstance(fact.citation, Citation), name
        assert fact.citation.document, name
        assert not isinstance(fact.value, float), name


# ----------------------------------------------------------------- digest


@pytest.mark.parametrize("rules", all_rule_sets(), ids=lambda r: r.key_text)
def test_digest_is_sha256_hex_of_the_canonical_json(rules):
    import hashlib

    assert len(rules.digest) == 64 and int(rules.digest, 16) >= 0
    assert rules.digest == hashlib.sha256(canonical_json(rules).encode("utf-8")).hexdigest()
    assert rules.short_digest == rules.digest[:12]
    assert rules.to_dict() == canonical(rules)


def test_rule_sets_of_different_years_have_different_digests():
    digests = [r.digest for r in all_rule_sets()]
    assert len(set(digests)) == len(digests)


def test_digest_is_stable_across_processes_and_hash_seeds():
    here = {r.key: r.digest for r in all_rule_sets()}
    code = (
        "import json, nedtrapping;"
        "print(json.dumps({f'{r.scheme_id}|{r.year}': r.digest for r in nedtrapping.all_rule_sets()}))"
    )
    import json

    for seed in ("0", "1", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
        there = {tuple((k.split("|")[0], int(k.split("|")[1]))): v for k, v in json.loads(out.stdout).items()}
        assert there == here


@given(st.dictionaries(st.text(max_size=8), st.integers() | st.text(max_size=8), max_size=8), st.randoms())
def test_canonical_form_is_independent_of_dict_order(mapping, rnd):
    items = list(mapping.items())
    rnd.shuffle(items)
    shuffled = dict(items)
    assert canonical_json(shuffled) == canonical_json(mapping)
    assert digest_of(shuffled) == digest_of(mapping)


@given(st.frozensets(st.integers() | st.text(max_size=5), max_size=8))
def test_canonical_form_of_a_set_is_independent_of_iteration_order(items):
    assert digest_of(items) == digest_of(frozenset(sorted(items, key=repr, reverse=True)))


@given(st.floats(allow_nan=False))
def test_floats_are_refused_in_canonical_form(x):
    with pytest.raises(TypeError):
        canonical(x)
    with pytest.raises(TypeError):
        digest_of({"a": [1, {"b": x}]})
    with pytest.raises(TypeError):
        digest_of(Fact(x, Status.FINAL, Citation("x")))


def test_canonical_form_is_exact_for_money_fractions_and_decimals():
    assert canonical(Money(ore=33_000_050)) == {"ore": 33_000_050}
    assert canonical(Fraction(1, 3)) == "1/3"
    assert canonical(Decimal("12.50")) == "25/2"
    # equal numbers have one canonical form, whatever their Python type or trailing zeros
    assert digest_of(Decimal("12.50")) == digest_of(Decimal("12.5")) == digest_of(Fraction(25, 2))
    assert digest_of(Money(ore=1)) != digest_of(Money(ore=2))


def test_a_rule_set_with_a_float_has_no_digest():
    rules = attrs.evolve(rules_for(2023), flat_amount=Fact(330000.0, Status.FINAL, Citation("x")))
    with pytest.raises(TypeError):
        rules.digest  # noqa: B018


# ----------------------------------------------------------------- evolve / what-if


@given(nst.kommunalt_rusarbeid_rules(), nst.kroner_amounts(1, 10**9))
def test_evolve_changes_the_digest_and_leaves_the_original(rules, frame):
    before = _snapshot(rules)
    assume_new = Fact(frame, Status.USER_SUPPLIED, Citation("what-if"))
    new = rules.evolve(national_frame=assume_new)
    assert new.digest != rules.digest
    assert new.national_frame is assume_new
    assert _snapshot(rules) == before
    assert new.evolve(national_frame=rules.national_frame).digest == rules.digest


@pytest.mark.parametrize("year", [2021, 2022])
@given(supply=nst.ladder_step_supplies(steps=(1, 2, 3, 4)))
def test_with_ladder_step_gives_a_new_user_supplied_rule_set_and_leaves_the_original(year, supply):
    original = rules_for(year)
    before = _snapshot(original)
    derived = original.with_ladder_step(supply.step, supply.amount, supply.source)
    assert derived is not original
    assert derived.digest != original.digest
    step = derived.ladder.step(supply.step)
    assert step.status is Status.USER_SUPPLIED
    assert step.value == supply.amount
    # a text source is tidied into a Citation; a Citation is kept exactly as given
    expected_doc = supply.source.strip() if isinstance(supply.source, str) else supply.source.document
    assert step.citation.document == expected_doc
    for other in {1, 2, 3, 4} - {supply.step}:
        assert derived.ladder.step(other) == original.ladder.step(other)
    assert _snapshot(original) == before
    assert rules_for(year) is original  # the registry still holds the original


def test_with_ladder_step_example_from_the_issue():
    original = rules_for(2022)
    derived = original.with_ladder_step(3, Money.kroner(440_000), LETTER)
    assert derived.digest != original.digest
    assert derived.ladder.step_3.status is Status.USER_SUPPLIED
    assert derived.ladder.step_3.value == Money.kroner(440_000)
    assert original.ladder.step_3.status is Status.UNKNOWN
    assert original.ladder.step_3.value is None
    assert original.ladder.step_2.value == Money.kroner(550_000)
    assert original.ladder.step_2.status is Status.INFERRED  # VOL-19 gives no percentage


@given(nst.kroner_amounts(1, 10**6), nst.kroner_amounts(1, 10**6))
def test_different_supplied_amounts_give_different_digests(a, b):
    ra = rules_for(2022).with_ladder_step(3, a, LETTER)
    rb = rules_for(2022).with_ladder_step(3, b, LETTER)
    assert (ra.digest == rb.digest) == (a == b)


def test_with_ladder_step_refuses_bad_supplies():
    rules = rules_for(2022)
    with pytest.raises(ValueError):
        rules.with_ladder_step(5, Money.kroner(1), LETTER)
    with pytest.raises(ValueError):
        rules.with_ladder_step(0, Money.kroner(1), LETTER)
    with pytest.raises(ValueError):
        rules.with_ladder_step(3, Money.zero(), LETTER)
    with pytest.raises(ValueError):
        rules.with_ladder_step(3, Money.kroner(-1), LETTER)
    with pytest.raises(TypeError):
        rules.with_ladder_step(3, 440000.0, LETTER)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        rules.with_ladder_step(3, 440000, LETTER)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        rules.with_ladder_step(3, Money.kroner(1), "  ")  # a supplied value needs a source
    with pytest.raises(ValueError):
        rules_for(2023).with_ladder_step(3, Money.kroner(1), LETTER)  # no ladder in 2023


# ----------------------------------------------------------------- facts() and deadlines


def test_facts_are_found_by_path():
    rules = rules_for(2022)
    names = [n for n, _ in rules.facts()]
    assert "ladder.step_2" in names and "ladder.step_3" in names
    assert rules.fact("ladder.step_2").value == Money.kroner(550_000)
    with pytest.raises(KeyError, match="ladder.step_2"):
        rules.fact("no.such.fact")


def test_unknowns_of_2022_are_ladder_steps_3_4():
    assert {n for n, _ in rules_for(2022).unknowns()} == {"ladder.step_3", "ladder.step_4"}
    supplied = rules_for(2022).with_ladder_step(3, Money.kroner(1), LETTER)
    assert {n for n, _ in supplied.unknowns()} == {"ladder.step_4"}
