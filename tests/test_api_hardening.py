"""The library API used wrongly: a typed error naming the field, never a wrong figure or an AttributeError.

Finding 8 of the hardening issue: ``received_grant_in_2021="nei"`` was truthy, ``own_financing(1.5, 0.5)``
returned a float, a position's grant letters and a plan's totals could be changed after they were
checked, and ``round_half_up_to_kroner(5)``, ``format_percent(0.5)``, ``plan_municipality([1])`` and a
rule set of another scheme failed from inside.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nedtrapping.cofinancing import FixedCost, own_financing, required_increase
from nedtrapping.errors import InvalidTypeError, InvalidValueError, NedtrappingError
from nedtrapping.money import FloatRefusedError, Money, format_percent, parse_kroner, parse_share
from nedtrapping.plan import Position, plan_municipality
from nedtrapping.registry import position_scheme
from nedtrapping.rounding import round_cap_down_to_kroner, round_half_up_to_kroner
from nedtrapping.scheme import GrantQuery
from nedtrapping.validators import position_percent

K = Money.kroner


def _position(**changes: Any) -> Position:
    fields: dict[str, Any] = {"municipality": "K", "position": "P", "percent": 100, "first_grant_year": 2018,
                              "cost": FixedCost(K(700_000))}
    return Position(**{**fields, **changes})


@pytest.mark.parametrize("answer", ["nei", "ja", "no", 0, 1, "", [False]])
def test_received_2021_takes_only_true_false_or_none(answer: object) -> None:
    with pytest.raises(InvalidTypeError) as info:
        _position(options={"received_grant_in_2021": answer})
    assert isinstance(info.value, TypeError) and info.value.field == "received_grant_in_2021"
    assert "received_grant_in_2021" in str(info.value) and repr(answer) in str(info.value)


def test_received_2021_false_and_true_plan_differently() -> None:
    # why "nei" must never be read as yes: the answer decides the 2023 grant of a position first funded in 2020
    yes = plan_municipality([_position(first_grant_year=2020, options={"received_grant_in_2021": True})])
    no = plan_municipality([_position(first_grant_year=2020, options={"received_grant_in_2021": False})])
    assert yes.totals[2023].grant != no.totals[2023].grant


@pytest.mark.parametrize(("cost", "grant"), [(1.5, 0.5), (K(2), 0.5), (1.5, K(1))])
def test_own_financing_refuses_floats(cost: object, grant: object) -> None:
    with pytest.raises(FloatRefusedError):
        own_financing(cost, grant)  # type: ignore[arg-type]
    with pytest.raises(FloatRefusedError):
        required_increase(cost, grant)  # type: ignore[arg-type]


def test_own_financing_is_money_and_refuses_plain_numbers_by_name() -> None:
    assert own_financing(K(700_000), K(330_000)) == K(370_000)
    assert required_increase(K(370_000), K(150_000)) == K(220_000)
    with pytest.raises(InvalidTypeError, match="felt «grant»: forventet Money") as info:
        own_financing(K(1), 5)  # type: ignore[arg-type]
    assert info.value.field == "grant" and info.value.text("en").startswith("field 'grant': expected Money")


def test_a_positions_grant_letters_and_changes_cannot_be_changed_after_it_is_checked() -> None:
    letters = {2022: K(550_000)}
    p = _position(granted=letters, percent_changes={2023: 50})
    letters[2023] = K(-1)  # the caller's own dict: the position took a copy
    assert dict(p.granted) == {2022: K(550_000)}
    with pytest.raises(TypeError):
        p.granted[2023] = K(1)  # type: ignore[index]
    with pytest.raises(TypeError):
        p.percent_changes[2024] = Fraction(10)  # type: ignore[index]
    assert "granted={2022: Money.kroner(550000)}" in repr(p) and "percent_changes={2023: Fraction(50, 1)}" in repr(p)
    assert p.with_percent_from(2024, 25).percent_changes == {2023: 50, 2024: 25}


def test_a_plans_totals_and_digests_cannot_be_changed() -> None:
    plan = plan_municipality([_position(first_grant_year=2021)])
    before = plan.totals[2022]
    with pytest.raises(TypeError):
        plan.totals[2022] = plan.totals[2023]  # type: ignore[index]
    with pytest.raises(TypeError):
        plan.digests["kommunalt-rusarbeid 2022"] = "0" * 64  # type: ignore[index]
    with pytest.raises(TypeError):
        plan.municipality_totals("K")[2022] = before  # type: ignore[index]
    assert plan.totals[2022] == before


@pytest.mark.parametrize("call", [
    lambda: round_half_up_to_kroner(5),  # type: ignore[arg-type]
    lambda: round_half_up_to_kroner(0.5),  # type: ignore[arg-type]
    lambda: round_half_up_to_kroner("5 kr"),  # type: ignore[arg-type]
    lambda: round_cap_down_to_kroner(5),  # type: ignore[arg-type]
], ids=["int", "float", "text", "cap-int"])
def test_rounding_something_that_is_not_an_amount_names_the_amount(call: Any) -> None:
    with pytest.raises(InvalidTypeError, match="felt «amount»: forventet Money eller ExactAmount") as info:
        call()
    assert info.value.field == "amount"
    assert info.value.text("en").startswith("field 'amount': expected Money or ExactAmount")


def test_format_percent_takes_exact_numbers_only() -> None:
    assert format_percent(50) == "50"
    assert format_percent(Decimal("33.3")) == "33,3"
    assert format_percent(Fraction(1, 8), decimal_comma=False) == "0.125"
    with pytest.raises(FloatRefusedError):
        format_percent(0.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="forventet en Fraction, int eller Decimal, fikk str") as info:
        format_percent("50")  # type: ignore[arg-type]
    assert info.value.text("en") == "field 'p': expected a Fraction, int or Decimal, got str '50'"


@pytest.mark.parametrize("positions", [[1], ["K;P;100"], _position(), "K;P", None, 5],
                         ids=["int", "text-in-list", "one-position", "text", "none", "number"])
def test_planning_what_is_not_a_list_of_positions_is_named(positions: object) -> None:
    with pytest.raises(InvalidTypeError, match="felt «positions»: forventet") as info:
        plan_municipality(positions)  # type: ignore[arg-type]
    assert info.value.field == "positions"


def test_a_rule_set_of_another_scheme_or_not_a_rule_set_is_named() -> None:
    nav = position_scheme("nav-sosiale-tjenester").rules_for(2022)
    rusarbeid = position_scheme("kommunalt-rusarbeid")
    p = _position(first_grant_year=2021)
    with pytest.raises(InvalidValueError, match=r"felt «rules\[2022\]»: regelsettet hører til nav-sosiale-tjenester") as info:
        plan_municipality([p], rules={2022: nav})
    assert info.value.field == "rules[2022]"
    with pytest.raises(InvalidValueError, match=r"felt «rules\[2023\]»: regelsettet gjelder 2022, ikke 2023"):
        plan_municipality([p], rules={2023: rusarbeid.rules_for(2022)})
    with pytest.raises(InvalidTypeError, match="felt «rules»: forventet en tabell fra år til regelsett"):
        plan_municipality([p], rules=rusarbeid.rules_for(2022))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"felt «rules\[2022\]»: forventet et RuleSet"):
        plan_municipality([p], rules={2022: "tilsagnsbrev"})  # type: ignore[dict-item]
    with pytest.raises(InvalidTypeError, match="felt «scheme»: forventet id-en til en ordning"):
        plan_municipality([p], scheme=5)  # type: ignore[arg-type]
    query = GrantQuery(year=2022, first_grant_year=2021, percent=Fraction(100))
    with pytest.raises(NedtrappingError, match="forventet KommunaltRusarbeidRules"):
        rusarbeid.rate(query, nav)


ODD = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True), st.text(max_size=8),
                st.decimals(allow_nan=True), st.lists(st.integers(), max_size=2), st.dictionaries(st.integers(), st.integers(), max_size=2),
                st.fractions())
CALLS = {
    "round_half_up_to_kroner": round_half_up_to_kroner,
    "round_cap_down_to_kroner": round_cap_down_to_kroner,
    "format_percent": format_percent,
    "own_financing": lambda v: own_financing(v, K(1)),
    "Money.kroner": Money.kroner,
    "Money": lambda v: Money(ore=v),
    "parse_kroner": parse_kroner,
    "parse_share": parse_share,
    "position_percent": position_percent,
    "Position.percent": lambda v: _position(percent=v),
    "Position.first_grant_year": lambda v: _position(first_grant_year=v),
    "Position.municipality": lambda v: _position(municipality=v),
    "Position.granted": lambda v: _position(granted=v),
    "Position.percent_changes": lambda v: _position(percent_changes=v),
    "Position.received_grant_in_2021": lambda v: _position(options={"received_grant_in_2021": v}),
    "Position.cost": lambda v: _position(cost=v),
}


@pytest.mark.parametrize("name", list(CALLS))
@given(value=ODD)
def test_any_odd_value_is_accepted_or_refused_by_a_library_error(name: str, value: object) -> None:
    try:
        CALLS[name](value)
    except NedtrappingError as exc:
        assert str(exc)
    # anything else (AttributeError, a bare TypeError from inside) fails the test


@pytest.mark.parametrize("year", [1, 1999, 2101, 99999])
def test_the_api_refuses_a_first_grant_year_the_readers_refuse(year: int) -> None:
    with pytest.raises(InvalidValueError) as info:
        _position(first_grant_year=year)
    assert (info.value.field, info.value.value) == ("first_grant_year", year)
    assert info.value.expected is not None and info.value.expected.text("en") == "a year from 2000 to 2100"
    assert str(info.value) == f"felt «first_grant_year»: forventet et årstall fra 2000 til 2100, fikk {year}"
    assert _position(first_grant_year=2000).first_grant_year == 2000  # the bounds themselves are years
    assert _position(first_grant_year=2100).first_grant_year == 2100


@pytest.mark.parametrize("name", ["K\x00", "a\tb", "\x7fP", "line\nbreak"])
def test_a_name_with_a_control_character_is_refused_naming_it(name: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        _position(municipality=name)
    assert info.value.field == "municipality" and "kontrolltegnet U+" in str(info.value)
    assert "control character U+" in info.value.text("en")


def test_a_year_given_as_text_is_named_not_reported_as_a_missing_row() -> None:
    plan = plan_municipality([_position(first_grant_year=2021)])
    assert plan.row("P", 2022).grant is not None
    with pytest.raises(InvalidTypeError) as info:
        plan.row("P", "2022")  # type: ignore[arg-type]
    assert info.value.field == "year" and "'2022'" in str(info.value)
