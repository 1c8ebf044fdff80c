"""A grant derived from its rate (``nedtrapping.grant``): the figure, the exact amount and the explanation.

The one formula and the explanation are held to a rate built by hand, so that each can be false:
a rate not cut pro rata pays the whole amount at any percentage, says so in both languages, and
names the rule value that says it; a percentage outside (0, 100] is refused by its field.
"""

from __future__ import annotations

from fractions import Fraction

import attrs
import pytest

from nedtrapping import engine
from nedtrapping.errors import InvalidTypeError, InvalidValueError
from nedtrapping.grant import exact_amount, explain, figure
from nedtrapping.money import Money
from nedtrapping.provenance import Fact, Status
from nedtrapping.scheme import GrantQuery, Option
from nedtrapping.schemes import kommunalt_rusarbeid as kr

K = Money.kroner
_SOURCE = kr.rules_for(2023).citation


def _whole_rate(year: int = 2023) -> tuple[object, object]:
    rules = attrs.evolve(kr.rules_for(year), pro_rata=Fact(False, Status.ASSUMED, _SOURCE))
    return rules, kr.rate(GrantQuery(year=year, first_grant_year=2021), rules)


@pytest.mark.parametrize("percent", [Fraction(1, 3), Fraction(50), Fraction(100)])
def test_a_rate_not_cut_pro_rata_pays_its_whole_amount_exactly_at_any_percentage(percent: Fraction) -> None:
    _rules, rate = _whole_rate()
    assert exact_amount(rate, percent).ore == K(330_000).ore  # type: ignore[arg-type]
    assert figure(rate, percent) == K(330_000)  # type: ignore[arg-type]


def test_a_rate_not_cut_pro_rata_says_so_with_its_amount_and_the_rule_value_in_both_languages() -> None:
    _rules, rate = _whole_rate()
    query = GrantQuery(year=2023, first_grant_year=2021, percent=Fraction(50))
    explained = explain(rate, query)  # type: ignore[arg-type]
    (step,) = [s for s in explained.steps if s.statement.key == "grant.not_pro_rata"]
    assert step.figure == K(330_000)
    assert step.statement.text("nb") == "Ikke avkortet for en stilling på 50 %"
    assert step.statement.text("en") == "Not cut for a 50 % position"
    assert [(f.name, f.status) for f in step.facts] == [("pro_rata", Status.ASSUMED)]
    assert explained.figure == K(330_000)


@pytest.mark.parametrize("percent", [0, 150, "-5"])
def test_a_percentage_outside_0_to_100_is_refused_naming_the_percent(percent: object) -> None:
    rate = kr.rate(GrantQuery(year=2023, first_grant_year=2021))
    with pytest.raises(InvalidValueError) as info:
        figure(rate, percent)
    assert info.value.field == "percent" and "percent" in str(info.value)
    with pytest.raises(InvalidValueError) as info:
        exact_amount(rate, percent)
    assert info.value.field == "percent"


def test_an_option_answer_that_is_not_yes_no_or_unstated_is_refused_with_its_name_and_value() -> None:
    option = Option("anchored_in_plan", columns=("forankret_i_plan",))
    assert (option.check(True), option.check(False), option.check(None)) == (True, False, None)
    with pytest.raises(InvalidTypeError) as info:
        option.check("nei")
    assert (info.value.field, info.value.value, str(info.value.expected)) == ("anchored_in_plan", "nei",
                                                                            "True, False eller None")
    assert info.value.text("en") == "field 'anchored_in_plan': expected True, False or None (not stated), got str 'nei'"


@pytest.mark.parametrize("backend", ["python", "numpy"])
def test_the_engine_computes_the_base_year_without_planning_it(backend: str) -> None:
    if backend == "numpy" and not engine.numpy_available():
        pytest.skip("numpy")
    columns = dict(percent=[100, 50], first_grant_year=[2021, 2018], cost=[K(700_000).ore, K(700_000).ore],
                   backend=backend)
    based = engine.batch(**columns).plan(years=[2022, 2023], base_year=2021)  # type: ignore[arg-type]
    whole = engine.batch(**columns).plan(years=[2021, 2022, 2023])  # type: ignore[arg-type]
    assert based.years == (2022, 2023) and based.base_year == 2021
    assert set(based.grant) == set(based.cost) == set(based.own_financing) == {2022, 2023}
    assert 2021 in based.cells  # the base year's rule values are used: its cells are kept
    assert based.base_own_financing is not None
    # 2021: step 1 of 660 000 for the first; step 4 (unknown) for the second
    assert based.base_own_financing.to_list() == [K(40_000).ore, None] == whole.own_financing[2021].to_list()
    assert based.own_financing_increase[2022].to_list() == whole.own_financing_increase[2022].to_list()
    assert based.own_financing_increase[2022].to_list()[0] == K(150_000 - 40_000).ore
    with pytest.raises(InvalidValueError) as info:
        engine.batch(**columns).plan(years=[2022], base_year=2022)  # type: ignore[arg-type]
    assert info.value.field == "base_year"
