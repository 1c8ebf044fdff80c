"""Provenance: citations, facts of every status, and the rule that unknown is never zero."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nedtrapping import strategies as nst
from nedtrapping.money import Money
from nedtrapping.provenance import WARNING_STATUSES, Citation, Fact, Status, UnknownValueError
from nedtrapping.readable import read

SOURCE = Citation("Tilsagnsbrev 2022, Øksnes kommune", "side 2", None, "2022-03-01")


def test_status_vocabulary_is_the_seven_statuses_of_the_issue():
    assert {s.value for s in Status} == {
        "final", "provisional", "uncertain", "inferred", "assumed", "user-supplied", "unknown",
    }


def test_warning_statuses_are_exactly_the_doubtful_known_ones():
    assert Status.FINAL not in WARNING_STATUSES
    assert Status.UNKNOWN not in WARNING_STATUSES
    assert {Status.PROVISIONAL, Status.INFERRED, Status.USER_SUPPLIED} <= WARNING_STATUSES


@given(nst.citations())
def test_citation_keeps_reference_and_link_together_and_is_json_able(c):
    d = c.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["document"] == c.document
    assert d["url"] == c.url
    assert d["published"] == (c.published.isoformat() if c.published else None)
    assert c.document in str(c)
    if c.url:
        assert c.url in str(c)


@given(nst.citations(), st.text(min_size=1, max_size=20))
def test_citation_at_changes_only_the_section(c, section):
    moved = c.at(section)
    assert moved.section == section
    assert (moved.document, moved.url, moved.published, moved.tag) == (c.document, c.url, c.published, c.tag)


def test_citation_needs_a_document_and_parses_iso_dates():
    with pytest.raises(ValueError):
        Citation("")
    assert Citation("x", published="2022-01-27").published == dt.date(2022, 1, 27)
    with pytest.raises(TypeError):
        Citation("x", published=20220127)  # type: ignore[arg-type]


@given(nst.facts())
def test_a_fact_has_a_value_exactly_when_it_is_known(fact):
    assert (fact.value is None) == (fact.status is Status.UNKNOWN)
    assert fact.is_known == (fact.status is not Status.UNKNOWN)


@given(nst.facts(status=nst.known_statuses()))
def test_require_returns_the_value_of_a_known_fact(fact):
    assert fact.require("x") is fact.value


@given(nst.unknown_facts(), st.text(min_size=1, max_size=30))
def test_an_unknown_fact_is_never_treated_as_zero(fact, name):
    assert fact.value is None
    assert fact.value != 0 and fact.value != Money.zero()
    with pytest.raises(UnknownValueError) as info:
        fact.require(name)
    err = info.value
    assert isinstance(err, LookupError)
    assert err.name == name and err.fact is fact
    assert name in str(err) and name in err.text("en")
    assert "regner den ikke som 0" in str(err)
    assert "not treat it as 0" in err.text("en")
    if fact.how_to_supply:
        assert read(fact.how_to_supply, "nb") in str(err)
        assert read(fact.how_to_supply, "en") in err.text("en")


@given(nst.citations(), st.one_of(st.integers(), nst.money(), st.just(0), st.text(max_size=5)))
def test_an_unknown_fact_cannot_be_constructed_with_a_value(citation, value):
    with pytest.raises(ValueError):
        Fact(value, Status.UNKNOWN, citation)
    with pytest.raises(ValueError):
        attrs.evolve(Fact.unknown(citation), value=value)


@given(nst.citations(), nst.known_statuses())
def test_a_known_fact_cannot_be_constructed_without_a_value(citation, status):
    with pytest.raises(ValueError):
        Fact(None, status, citation)


def test_fact_unknown_has_value_none():
    fact = Fact.unknown(SOURCE, how_to_supply="from the grant letter")
    assert fact.value is None
    assert fact.status is Status.UNKNOWN
    assert fact.citation == SOURCE


def test_fact_needs_a_status_and_a_citation():
    with pytest.raises(TypeError):
        Fact(1, "final", SOURCE)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Fact(1, Status.FINAL, "a source")  # type: ignore[arg-type]


@given(nst.facts(), nst.kroner_amounts(1, 10**6), nst.citations())
def test_supplied_fact_is_user_supplied_with_its_own_source_and_leaves_the_original(fact, amount, source):
    before = attrs.asdict(fact, recurse=False)
    new = fact.supplied(amount, source)
    assert new.status is Status.USER_SUPPLIED
    assert new.value == amount and new.citation == source
    assert new.note is not None
    assert f"«{fact.status.text('nb')}»" in str(new.note) and f"'{fact.status.text('en')}'" in new.note.text("en")
    assert attrs.asdict(fact, recurse=False) == before


@given(nst.facts())
def test_facts_are_frozen(fact):
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fact.value = Money.zero()  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fact.status = Status.FINAL  # type: ignore[misc]


def test_importing_nedtrapping_does_not_import_hypothesis():
    code = (
        "import sys, nedtrapping, nedtrapping.schemes.kommunalt_rusarbeid, nedtrapping.registry;"
        "nedtrapping.all_rule_sets();"
        "bad = sorted(m for m in sys.modules if m == 'hypothesis' or m.startswith('hypothesis.'));"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""

