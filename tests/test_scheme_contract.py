"""The contract every plannable scheme runs, as python-holidays runs ``CommonCountryTests`` for every country.

A scheme states its rule once, as a :class:`~nedtrapping.scheme.Rate` per cell; everything
else is derived. This module checks the derivations agree for every scheme in the registry
— kommunalt rusarbeid, NAV sosiale tjenester and the scheme of the "add a scheme" how-to —
so a new scheme is checked by being registered:

* the figure of one position (:func:`nedtrapping.grant.figure`), the figure its explanation
  states, and both engine backends agree to the øre, for generated cells: rounding ties,
  rate kinds mixed in one year, with and without percentage changes, products past 63 bits,
  percentages at the limits of (0, 100];
* the rate of a cell is the rate of every query in it;
* an unknown rule value stays unknown (``None``, and every total with it), never 0;
* every word a rate uses exists in bokmål and English, and the docs list every rule value.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from nedtrapping import engine, registry
from nedtrapping.grant import explain, figure, grant_ore
from nedtrapping.money import Money
from nedtrapping.provenance import UnknownValueError
from nedtrapping.ruleset import RuleSet
from nedtrapping.scheme import GrantQuery, PositionScheme, Rate
from nedtrapping.wording import LANGS, catalogue

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "docs" / "_ext"))
sys.path.insert(0, str(ROOT / "tests"))

import rule_catalogue as rc  # noqa: E402

from test_howto_add_a_scheme import _first_block  # noqa: E402


def _howto_scheme() -> ModuleType:
    module = ModuleType("example_stillingstilskudd")
    exec(compile(_first_block("plannable"), "docs/how-to/add-a-scheme.rst", "exec"), module.__dict__)
    return module


def _unregister(module: ModuleType) -> None:
    registry._RULE_SETS.pop((module.SCHEME_ID, 2022), None)
    registry._POSITION_SCHEMES.pop(module.SCHEME_ID, None)


# the how-to's scheme is registered while this module's tests run, and only then
_HOWTO = _howto_scheme()
SCHEME_IDS = registry.position_scheme_ids()
_unregister(_HOWTO)
BACKENDS = ["python", "numpy"] if engine.numpy_available() else ["python"]


@pytest.fixture(autouse=True, scope="module")
def _howto_registered() -> Iterator[None]:
    registry.register(_HOWTO.RULES_2022)
    registry.register_position_scheme(_HOWTO.SCHEME)
    yield
    _unregister(_HOWTO)


def test_the_contract_runs_for_every_plannable_scheme_the_how_to_s_included() -> None:
    assert {"kommunalt-rusarbeid", "nav-sosiale-tjenester", "example-stillingstilskudd"} <= set(SCHEME_IDS)


# ----------------------------------------------------------------------------- generated cells


def _supplied(scheme: PositionScheme, year: int, amount: int) -> RuleSet | None:
    """The year's rule set with every unknown amount supplied as ``amount`` øre (``None``: nothing to supply)."""
    try:
        rules = scheme.rules_for(year)
    except registry.UnknownSchemeError:
        return None
    changed = rules
    for path, _fact in rules.facts():
        if _is_money(rules, path):  # every amount, known or not: the engine must hold any the user supplies
            changed = changed.supply(path, Money(amount), "Tilsagnsbrev (contract test)")
    return changed if changed is not rules else None


def _is_money(rules: RuleSet, path: str) -> bool:
    from nedtrapping.ruleset import _fact_type

    if "[" in path:  # a fact in a list (priorities, conflicting sources): never an amount per position
        return False
    owner: Any = rules
    for part in path.split(".")[:-1]:
        owner = getattr(owner, part)
    return bool(_fact_type(type(owner), path.split(".")[-1]) is Money)


def _options(scheme: PositionScheme, draw: st.DrawFn) -> dict[str, object]:
    return {o.name: draw(st.sampled_from([None, True, False])) for o in scheme.options}


PERCENTS = st.one_of(
    st.sampled_from([Fraction(100), Fraction(50), Fraction(1, 10_000), Fraction(333, 10), Fraction(100, 7)]),
    st.fractions(min_value=Fraction(1, 1000), max_value=100, max_denominator=20_000).filter(lambda f: f > 0),
)


@st.composite
def batches(draw: st.DrawFn, scheme_id: str) -> dict[str, Any]:
    scheme = registry.position_scheme(scheme_id)
    years = registry.years_of(scheme_id)
    year = draw(st.sampled_from([*years, years[-1] + 1]))
    n = draw(st.integers(1, 8))
    municipality = draw(st.lists(st.sampled_from("AB"), min_size=n, max_size=n))
    answers = {m: _options(scheme, draw) for m in "AB"}
    options = [answers[m] if draw(st.booleans()) else {} for m in municipality]
    # supplied amounts: ordinary, a tie at 50 %, and past 63 bits once multiplied
    amount = draw(st.sampled_from([100, 12_345_600, 33_000_000, 10**18, 3 * 10**19]))
    return {
        "scheme": scheme, "year": year, "rules": _supplied(scheme, year, amount) if draw(st.booleans()) else None,
        "percent": draw(st.lists(PERCENTS, min_size=n, max_size=n)),
        "first": draw(st.lists(st.integers(year - 5, year + 1), min_size=n, max_size=n)),
        "municipality": municipality, "options": options,
        "change": draw(st.sampled_from([None, Fraction(50), Fraction(1, 3)])),
    }


def _query(b: dict[str, Any], i: int, percent: Fraction) -> GrantQuery:
    years = tuple(sorted({f for f, m in zip(b["first"], b["municipality"]) if m == b["municipality"][i]}))
    shared = {o.name for o in b["scheme"].options if o.per_municipality}
    stated = {k: v for o, m in zip(b["options"], b["municipality"]) if m == b["municipality"][i]
              for k, v in o.items() if v is not None and k in shared}
    stated |= {k: v for k, v in b["options"][i].items() if v is not None and k not in shared}
    return GrantQuery(year=b["year"], first_grant_year=b["first"][i], percent=percent, options=stated,
                      subject=f"{b['municipality'][i]} / p{i}", municipality_first_grant_years=years)


def _rate(scheme: PositionScheme, query: GrantQuery, rules: RuleSet | None) -> Rate | None:
    """The rate, or ``None`` where a value it needs is unknown (a rule value, or the year's whole rule set)."""
    try:
        return scheme.rate(query, rules)
    except (UnknownValueError, registry.UnknownSchemeError):
        return None


def _consistent(b: dict[str, Any]) -> bool:
    """Positions of one municipality agree on the answers that are the municipality's (else the engine refuses)."""
    for option in b["scheme"].options:
        if not option.per_municipality:
            continue
        for m in "AB":
            said = {o.get(option.name) for o, mm in zip(b["options"], b["municipality"]) if mm == m} - {None}
            if len(said) > 1:
                return False
    return True


@pytest.mark.parametrize("scheme_id", SCHEME_IDS)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_figure_explained_figure_and_both_engine_backends_agree_to_the_ore(scheme_id: str, data: st.DataObject) -> None:
    b = data.draw(batches(scheme_id))
    scheme, year, rules = b["scheme"], b["year"], b["rules"]
    if not _consistent(b):
        return
    percents = [b["change"]] * len(b["percent"]) if b["change"] is not None else b["percent"]
    expected: list[int | None] = []
    for i, percent in enumerate(percents):
        query = _query(b, i, percent)
        rate = _rate(scheme, query, rules)
        cell_rate = _rate(scheme, scheme.cell(query), rules)
        if rate is None:
            assert cell_rate is None  # an unknown is unknown for the whole cell
            expected.append(None)
            continue
        assert cell_rate is not None
        amount = figure(rate, percent)
        # the cell's rate gives every query in it the same figure
        assert figure(cell_rate, percent) == amount
        # the explanation states the same figure, in both languages
        explained = explain(rate, query)
        assert explained.figure == amount
        assert explained.to_text("nb") != explained.to_text("en")
        # the one formula over integers is the exact product rounded once by the rate's named rule
        exact = Fraction(rate.paid_per_full_position.ore) * (percent / 100 if rate.pro_rata else 1)
        rounded = int(exact / 100) if rate.rounding == "down" else int(exact / 100 + Fraction(1, 2))
        assert amount.ore == rounded * 100
        expected.append(amount.ore)
    columns: dict[str, Any] = dict(
        percent=b["percent"], first_grant_year=b["first"], cost=[0] * len(percents), municipality=b["municipality"],
        options={o.name: [opt.get(o.name) for opt in b["options"]] for o in scheme.options} or None,
        percent_changes={year: [b["change"]] * len(percents)} if b["change"] is not None else None,
        scheme=scheme,
    )
    for backend in BACKENDS:
        result = engine.plan_columns(years=[year], rules={year: rules} if rules is not None else None,
                                     backend=backend, **columns)
        assert result.rule_grant[year].to_list() == expected, backend
        total = result.totals()[year]["grant"]
        assert total == (None if None in expected else sum(e for e in expected if e is not None))


@pytest.mark.parametrize("scheme_id", SCHEME_IDS)
@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("amount", [100, 10**16, 10**18, 3 * 10**19])
def test_rate_kinds_mixed_in_one_year_and_ties_round_by_each_cell_s_rule(scheme_id: str, backend: str,
                                                                        amount: int) -> None:
    # one column, every kind at once: eligible and not, pro rata, half up and down, a tie for each; the
    # amounts reach past 63 bits once multiplied by a percentage
    scheme = registry.position_scheme(scheme_id)
    year = registry.years_of(scheme_id)[-1]
    rules = _supplied(scheme, year, amount) or scheme.rules_for(year)
    firsts = list(range(year - 5, year + 2))
    percents = [Fraction(50), Fraction(1, 2), Fraction(100), Fraction(3, 2), Fraction(1, 10_000), Fraction(50),
                Fraction(25)]
    options = {o.name: [True] * len(firsts) for o in scheme.options} or None
    result = engine.plan_columns(percent=percents, first_grant_year=firsts, cost=[0] * len(firsts),
                                 years=[year], rules={year: rules}, backend=backend, scheme=scheme, options=options)
    for i, (first, percent) in enumerate(zip(firsts, percents)):
        query = GrantQuery(year=year, first_grant_year=first, percent=percent,
                           options={o.name: True for o in scheme.options})
        rate = _rate(scheme, query, rules)
        assert result.rule_grant[year][i] == (None if rate is None else figure(rate, percent).ore)


def test_a_tie_rounds_half_up_for_an_amount_and_down_for_a_cap() -> None:
    # 1 kr per 100 % at 50 % is 0,50 kr exactly: an amount rounds it up, a cap ("at most") down
    assert grant_ore(100, 50, 1, pro_rata=1, down=0) == 100
    assert grant_ore(100, 50, 1, pro_rata=1, down=1) == 0
    assert grant_ore(100, 50, 1, pro_rata=0, down=0) == 100
    # the same formula over arrays: one column of mixed kinds
    np = pytest.importorskip("numpy")
    out = grant_ore(np.array([100, 100, 100]), np.array([50, 50, 50]), 1, pro_rata=np.array([1, 1, 0]),
                    down=np.array([0, 1, 0]))
    assert out.tolist() == [100, 0, 100]


# ----------------------------------------------------------------------------- unknowns, words, docs


@pytest.mark.parametrize("scheme_id", SCHEME_IDS)
@pytest.mark.parametrize("backend", BACKENDS)
def test_an_unknown_rule_value_stays_unknown_never_0(scheme_id: str, backend: str) -> None:
    scheme = registry.position_scheme(scheme_id)
    for year in registry.years_of(scheme_id):
        firsts = list(range(year - 5, year + 1))
        options = {o.name: [True] * len(firsts) for o in scheme.options} or None
        result = engine.plan_columns(percent=[100] * len(firsts), first_grant_year=firsts, cost=[1] * len(firsts),
                                     years=[year], backend=backend, scheme=scheme, options=options)
        for i, first in enumerate(firsts):
            query = GrantQuery(year=year, first_grant_year=first, options={o.name: True for o in scheme.options})
            if _rate(scheme, query, None) is None:
                assert result.grant[year][i] is None and result.own_financing[year][i] is None
                assert result.totals()[year]["grant"] is None
        if result.grant[year].is_complete:
            assert all(_rate(scheme, GrantQuery(year=year, first_grant_year=f,
                                                options={o.name: True for o in scheme.options}), None)
                       for f in firsts)


def _rates_of(scheme: PositionScheme) -> Iterator[Rate]:
    for year in registry.years_of(scheme.scheme_id):
        rules = _supplied(scheme, year, 33_000_000) or scheme.rules_for(year)
        for first in range(year - 5, year + 2):
            for answer in (None, True, False):
                query = GrantQuery(year=year, first_grant_year=first,
                                   options={o.name: answer for o in scheme.options})
                rate = _rate(scheme, query, rules)
                if rate is not None:
                    yield rate


@pytest.mark.parametrize("scheme_id", SCHEME_IDS)
def test_every_word_a_rate_uses_is_in_the_catalogue_in_both_languages(scheme_id: str) -> None:
    scheme = registry.position_scheme(scheme_id)
    keys: set[str] = set()
    for rate in _rates_of(scheme):
        keys.add(rate.amount_words)
        keys |= {note.key for note, _ in rate.notes}
        for check in rate.verdict.checks:
            keys |= {check.condition.key, check.reason.key}
        keys |= {f"fact.{ref.path}" for ref in rate.uses}
    for option in scheme.options:
        keys |= {f"option.{option.name}", f"option.{option.name}.help"}
    words = {lang: catalogue(lang) for lang in LANGS}
    missing = sorted(k for k in keys if not all(words[lang].get(k) for lang in LANGS))
    assert not missing, f"{scheme_id}: add these words (nb and en) to the catalogue: {missing}"


@pytest.mark.parametrize("scheme_id", SCHEME_IDS)
def test_the_docs_catalogue_lists_every_rule_value_of_the_scheme(scheme_id: str) -> None:
    sets = [registry.get_rule_set(scheme_id, y) for y in registry.years_of(scheme_id)]
    text = "\n".join(n.astext() for n in rc.catalogue_nodes(sets))
    for rules in sets:
        for path, _fact in rules.facts():
            assert path in text, f"{rules.key_text}: {path} is not in the rule catalogue"


@pytest.mark.parametrize("scheme_id", SCHEME_IDS)
def test_every_rule_value_a_rate_uses_is_a_fact_of_its_rule_set(scheme_id: str) -> None:
    scheme = registry.position_scheme(scheme_id)
    for rate in _rates_of(scheme):
        for ref in rate.uses:
            paths = dict(ref.rule_set.facts())
            assert ref.path in paths and paths[ref.path] is ref.fact, (scheme_id, ref.path)


@given(percent=PERCENTS)
@example(percent=Fraction(100))
def test_the_how_to_scheme_is_planned_like_any_other(percent: Fraction) -> None:
    # the example scheme, registered by this module, plans through the engine like the real ones
    rules = _HOWTO.RULES_2022.supply("example.per_full_position", Money(33_000_000), "Tilsagnsbrev")
    result = engine.plan_columns(percent=[percent], first_grant_year=[2022], cost=[0], years=[2022],
                                 rules={2022: rules}, scheme=_HOWTO.SCHEME_ID, backend="python",
                                 options={"anchored_in_plan": [True]})
    query = GrantQuery(year=2022, first_grant_year=2022, percent=percent, options={"anchored_in_plan": True})
    assert result.grant[2022][0] == figure(_HOWTO.SCHEME.rate(query, rules), percent).ore
