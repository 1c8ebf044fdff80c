"""Every refusal of the money and co-financing API says where, what was there and what was expected.

A :class:`~nedtrapping.errors.NedtrappingError` carries ``field``, ``value`` and ``expected`` as
attributes, and its text starts with the field, so a caller can point at the argument and a person
can read what to change. Each row below is one wrong call and what its error must say about it.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from nedtrapping.cofinancing import FixedCost, GrowingCost, SalaryCost, own_financing, required_increase
from nedtrapping.errors import InvalidTypeError, InvalidValueError, NedtrappingError
from nedtrapping.money import ExactAmount, FloatRefusedError, Money, format_percent, parse_kroner, parse_share
from nedtrapping.plan import Position, plan_municipality
from nedtrapping.readable import read
from nedtrapping.registry import get_rule_set
from nedtrapping.rounding import round_cap_down_to_kroner, round_half_up_to_kroner

K = Money.kroner
EXACT = "an int, Decimal, Fraction or str"

#: (call, error class, field, value, expected, the start of the text)
CASES: list[tuple[str, Callable[[], object], type[NedtrappingError], str, object, str, str]] = [
    ("own_financing cost", lambda: own_financing("700000", K(1)), InvalidTypeError, "cost", "700000", "Money",
     "cost: expected Money (e.g. Money.kroner(700_000)), got str '700000'"),
    ("own_financing grant", lambda: own_financing(K(1), 5), InvalidTypeError, "grant", 5, "Money",
     "grant: expected Money (e.g. Money.kroner(700_000)), got int 5"),
    ("own_financing float", lambda: own_financing(1.5, K(1)), FloatRefusedError, "cost", 1.5, "Money",
     "cost: got the float 1.5; give Money"),
    ("required_increase this_year", lambda: required_increase(Decimal(3), K(1)), InvalidTypeError, "this_year",
     Decimal(3), "Money", "this_year: expected Money (e.g. Money.kroner(700_000)), got Decimal Decimal('3')"),
    ("required_increase last_year", lambda: required_increase(K(1), "2"), InvalidTypeError, "last_year", "2",
     "Money", "last_year: expected Money (e.g. Money.kroner(700_000)), got str '2'"),
    ("round half up", lambda: round_half_up_to_kroner(5), InvalidTypeError, "amount", 5,  # type: ignore[arg-type]
     "Money or ExactAmount", "field 'amount': expected Money or ExactAmount (e.g. Money.kroner(5)), got int 5"),
    ("round cap down", lambda: round_cap_down_to_kroner("5"), InvalidTypeError, "amount", "5",  # type: ignore[arg-type]
     "Money or ExactAmount", "field 'amount': expected Money or ExactAmount (e.g. Money.kroner(5)), got str '5'"),
    ("format_percent", lambda: format_percent("50"), InvalidTypeError, "p", "50",  # type: ignore[arg-type]
     "a Fraction, int or Decimal", "field 'p': expected a Fraction, int or Decimal, got str '50'"),
    ("format_percent float", lambda: format_percent(0.5), FloatRefusedError, "format_percent", 0.5,  # type: ignore[arg-type]
     EXACT, "field 'format_percent': got the float 0.5. Floats are not exact"),
    ("ExactAmount float", lambda: ExactAmount(ore=1.5), FloatRefusedError, "ExactAmount(ore=...)", 1.5,  # type: ignore[arg-type]
     EXACT, "field 'ExactAmount(ore=...)': got the float 1.5."),
    ("ExactAmount str", lambda: ExactAmount(ore="1"), InvalidTypeError, "ore", "1",  # type: ignore[arg-type]
     "an int or Fraction of øre", "field 'ore': expected an int or Fraction of øre, got str '1'"),
    ("Money ore", lambda: Money("1"), InvalidTypeError, "ore", "1",  # type: ignore[arg-type]
     "an int number of øre", "field 'ore': expected an int number of øre, got str '1'"),
    ("Money.kroner float", lambda: Money.kroner(0.5), FloatRefusedError, "Money.kroner", 0.5,  # type: ignore[arg-type]
     EXACT, "field 'Money.kroner': got the float 0.5."),
    ("Money.kroner bool", lambda: Money.kroner(True), InvalidTypeError, "Money.kroner", True, EXACT,
     "field 'Money.kroner': got the bool True, expected a number"),
    ("Money.kroner list", lambda: Money.kroner([1]), InvalidTypeError, "Money.kroner", [1], EXACT,  # type: ignore[arg-type]
     "field 'Money.kroner': expected an int, Decimal, Fraction or str, got list [1]"),
    ("Money.kroner infinite", lambda: Money.kroner(Decimal("Infinity")), InvalidValueError, "Money.kroner",
     Decimal("Infinity"), "a finite number", "field 'Money.kroner': Decimal('Infinity') is not a finite number"),
    ("format_percent NaN", lambda: format_percent(Decimal("NaN")), InvalidValueError, "format_percent", None,
     "a finite number", "field 'format_percent': Decimal('NaN') is not a finite number"),
    ("Money.kroner finer than ore", lambda: Money.kroner(Fraction(1, 1000)), InvalidValueError, "Money.kroner",
     Fraction(1, 1000), "at most two decimals (whole øre)", "field 'Money.kroner': Fraction(1, 1000) has finer precision"),
    ("Money.kroner text", lambda: Money.kroner("1e3"), InvalidValueError, "Money.kroner", "1e3",
     "a number in plain decimal notation", "field 'Money.kroner': '1e3' is not a number in plain decimal notation"),
    ("from_float int", lambda: Money.from_float(5), InvalidTypeError, "Money.from_float", 5, "a float",
     "field 'Money.from_float': expected a float, got int"),
    ("from_float inf", lambda: Money.from_float(float("inf")), InvalidValueError, "Money.from_float", float("inf"),
     "a finite float", "field 'Money.from_float': inf is not a finite amount"),
    ("parse_kroner int", lambda: parse_kroner(5), InvalidTypeError, "amount", 5,  # type: ignore[arg-type]
     "text such as '780 000'", "field 'amount': expected text such as '780 000', got int"),
    ("parse_kroner where", lambda: parse_kroner(5, where="årskostnad"), InvalidTypeError,  # type: ignore[arg-type]
     "årskostnad", 5, "text such as '780 000'", "field 'årskostnad': expected text such as '780 000', got int"),
    ("parse_kroner float", lambda: parse_kroner(1.5, where="lønn"), FloatRefusedError, "lønn", 1.5,  # type: ignore[arg-type]
     EXACT, "field 'lønn': got the float 1.5."),
    ("parse_kroner empty", lambda: parse_kroner(" kr "), InvalidValueError, "amount", " kr ", "an amount in kroner",
     "field 'amount': empty amount"),
    ("parse_kroner ambiguous", lambda: parse_kroner("780.000"), InvalidValueError, "amount", "780.000",
     "780 000 for whole kroner or 780000,50 with two decimals",
     "field 'amount': '780.000' is ambiguous (thousands separator or decimals?); write 780 000 for whole kroner"),
    ("parse_kroner words", lambda: parse_kroner("tre"), InvalidValueError, "amount", "tre",
     "an amount in kroner such as 780 000, 780000,50 or 780.000,- (at most two decimals)",
     "field 'amount': 'tre' is not an amount in kroner such as 780 000"),
    ("parse_share empty", lambda: parse_share(" % ", where="stillingsprosent"), InvalidValueError,
     "stillingsprosent", " % ", "a number", "field 'stillingsprosent': empty value"),
    ("growth text", lambda: GrowingCost(K(1), 2022, "fem"), InvalidValueError, "growth_percent", "fem",
     "a number in plain decimal notation", "field 'growth_percent': 'fem' is not a number"),
    ("growth float", lambda: GrowingCost(K(1), 2022, 3.5), FloatRefusedError, "growth_percent", 3.5,  # type: ignore[arg-type]
     EXACT, "field 'growth_percent': got the float 3.5."),
    ("growth -100", lambda: GrowingCost(K(1), 2022, "-100"), InvalidValueError, "growth_percent", "-100",
     "a growth above -100 %", "growth_percent must be above -100, got -100"),
    ("fixed cost", lambda: FixedCost("700 000"), InvalidTypeError, "annual", "700 000", "Money",  # type: ignore[arg-type]
     "annual: expected Money (e.g. Money.kroner(700_000)), got str '700 000'"),
    ("fixed cost negative", lambda: FixedCost(K(-1)), InvalidValueError, "annual", K(-1), "0 kr or more",
     "annual: a cost cannot be negative, got -1 kr"),
    ("growing cost", lambda: GrowingCost(1, 2022, "3"), InvalidTypeError, "base", 1, "Money",  # type: ignore[arg-type]
     "base: expected Money"),
    ("salary cost", lambda: SalaryCost(K(-5), zone="1", pension_percent="12"), InvalidValueError, "salary", K(-5),
     "0 kr or more", "salary: a cost cannot be negative"),
]


@pytest.mark.parametrize(("call", "error", "field", "value", "expected", "text"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_refusal_names_the_field_the_value_and_what_was_expected(
        call: Callable[[], object], error: type[NedtrappingError], field: str, value: object, expected: str,
        text: str) -> None:
    with pytest.raises(error) as info:
        call()
    exc = info.value
    assert type(exc) is error
    assert exc.text("en").startswith(text), exc.text("en")
    assert exc.field == field
    if value is not None:  # NaN is not equal to itself: the text above names it
        assert exc.value == value and type(exc.value) is type(value)
    assert read(exc.expected, "en") == expected
    assert exc.place is not None and exc.place.text("en") == f"field '{field}'"


# ----------------------------------------------------------------------------- the planner's inputs



def _pos(**changes: Any) -> Position:
    fields: dict[str, Any] = {"municipality": "K", "position": "P", "percent": 100, "first_grant_year": 2021,
                              "cost": K(700_000)}
    return Position(**{**fields, **changes})


class _NotAScheme:
    def rules_for(self, year: int) -> None: ...

    def grant(self) -> None: ...


class _OreOnly:
    ore = 5  # øre, but no at_ore: not a Roundable


NOT_A_SCHEME = _NotAScheme()
OTHER_RULES = get_rule_set("nav-sosiale-tjenester", 2022)
RUS_2023 = get_rule_set("kommunalt-rusarbeid", 2023)

PLANNER_CASES: list[tuple[str, Callable[[], object], type[NedtrappingError], str, object, str, str]] = [
    ("municipality", lambda: _pos(municipality=""), InvalidTypeError, "municipality", "", "a non-empty text",
     "municipality: expected a name (non-empty text), got str ''"),
    ("position", lambda: _pos(position=7), InvalidTypeError, "position", 7, "a non-empty text",
     "position: expected a name (non-empty text), got int 7"),
    ("received", lambda: _pos(options={"received_grant_in_2021": "nei"}), InvalidTypeError, "received_grant_in_2021", "nei",
     "True, False or None", "received_grant_in_2021: expected True, False or None (not stated), got str 'nei'"),
    ("origin", lambda: _pos(origin=3), InvalidTypeError, "origin", 3, "text or None",
     "origin: expected text or None, got int 3"),
    ("first year", lambda: _pos(first_grant_year="2021"), InvalidTypeError, "first_grant_year", "2021",
     "a year as an int", "field 'first_grant_year': expected a year as an int, got str '2021'"),
    ("cost", lambda: _pos(cost="700 000"), InvalidTypeError, "cost", "700 000",
     "FixedCost, GrowingCost, SalaryCost or Money", "cost: expected FixedCost, GrowingCost, SalaryCost or Money, got str"),
    ("cost of another percentage",
     lambda: _pos(percent=50, cost=SalaryCost(K(600_000), zone="1", pension_percent="12", percent=100)),
     InvalidValueError, "cost", Fraction(100), "a cost for a 50 % position",
     "cost: the cost is computed for a 100 % position, but the position is 50 %; give the same percentage"),
    ("granted not a mapping", lambda: _pos(granted=[2023]), InvalidTypeError, "granted", [2023],
     "a mapping of year to value", "granted: expected a mapping of year to value (e.g. {2023: ...}), got list [2023]"),
    ("granted year", lambda: _pos(granted={"2023": K(1)}), InvalidTypeError, "granted", "2023", "a year as an int",
     "field 'granted': expected a year as an int, got str '2023'"),
    ("granted amount", lambda: _pos(granted={2023: 330_000}), InvalidTypeError, "granted[2023]", 330_000, "Money",
     "granted[2023]: expected Money, got int 330000"),
    ("granted negative", lambda: _pos(granted={2023: K(-1)}), InvalidValueError, "granted[2023]", K(-1),
     "an amount of 0 kr or more", "granted[2023]: a granted amount cannot be negative, got -1 kr"),
    ("percent text", lambda: _pos(percent="abc"), InvalidValueError, "percent", "abc",
     "a number in plain decimal notation", "field 'percent': 'abc' is not a number in plain decimal notation"),
    ("percent zero", lambda: _pos(percent=0), InvalidValueError, "percent", 0,
     "a position percentage above 0 and at most 100",
     "field 'percent': expected a position percentage above 0 and at most 100, got 0"),
    ("percent change value", lambda: _pos(percent_changes={2023: "abc"}), InvalidValueError, "percent_changes[2023]",
     "abc", "a number in plain decimal notation", "field 'percent_changes[2023]': 'abc' is not a number"),
    ("percent changes type", lambda: _pos(percent_changes=[1]), InvalidTypeError, "percent_changes", [1],
     "a mapping of year to value", "percent_changes: expected a mapping of year to value (e.g. {2023: ...}), got list"),
    ("percent change year", lambda: _pos(percent_changes={2023.0: 50}), InvalidTypeError, "percent_changes", 2023.0,
     "a year as an int", "field 'percent_changes': expected a year as an int, got float 2023.0"),
    ("positions", lambda: plan_municipality(5), InvalidTypeError, "positions", 5, "a list of Position",  # type: ignore[arg-type]
     "positions: expected a list of Position, got int 5"),
    ("a position", lambda: plan_municipality([1]), InvalidTypeError, "positions", 1, "a Position",  # type: ignore[list-item]
     "positions: expected nedtrapping.plan.Position, got int 1"),
    ("twice", lambda: plan_municipality([_pos(), _pos()]), InvalidValueError, "positions", "K / P",
     "each position once per municipality", "position 'P' appears twice for 'K'"),
    ("disagree", lambda: plan_municipality([_pos(options={"received_grant_in_2021": True}),
                                            _pos(position="Q", options={"received_grant_in_2021": False})]),
     InvalidValueError, "received_grant_in_2021", "K", "one answer for all the municipality's positions",
     "K: its positions disagree on received_grant_in_2021 (both yes and no)"),
    ("not an option", lambda: plan_municipality([_pos(options={"received_grant_in_2021": True})], scheme="nav-sosiale-tjenester"),
     InvalidValueError, "received_grant_in_2021", True, "None (not an option of nav-sosiale-tjenester)",
     "K / P: received_grant_in_2021 means nothing in nav-sosiale-tjenester; leave it out"),
    ("scheme", lambda: plan_municipality([_pos()], scheme=NOT_A_SCHEME), InvalidTypeError, "scheme", NOT_A_SCHEME,
     "a scheme id or a PositionScheme", "scheme: expected a scheme id such as 'kommunalt-rusarbeid' or a PositionScheme, "
                                        "got _NotAScheme"),
    ("years empty", lambda: plan_municipality([_pos()], years=[]), InvalidValueError, "years", [], "at least one year",
     "years: give at least one year"),
    ("years type", lambda: plan_municipality([_pos()], years=["2023"]), InvalidTypeError, "years", "2023",
     "a year as an int", "field 'years': expected a year as an int, got str '2023'"),
    ("years early", lambda: plan_municipality([_pos()], years=[2019, 2022]), InvalidValueError, "years", 2019,
     "2021 or later", "years: 2019 is before the first rule set of kommunalt-rusarbeid (2021); it has rule sets for "
                      "2021, 2022, 2023, 2024"),
    ("granted outside", lambda: plan_municipality([_pos(granted={2022: K(1)}), _pos(position="Q", granted={2026: K(1)})],
                                                  years=[2023, 2024, 2025]),
     InvalidValueError, "granted", ["K / P: granted 2022", "K / Q: granted 2026"], "granted years within 2023–2025",
     "granted amounts for years outside the plan (2023–2025) would be ignored: K / P: granted 2022; K / Q: granted 2026"),
    ("rules list", lambda: plan_municipality([_pos()], rules=[2023]), InvalidTypeError, "rules", [2023],
     "a mapping of year to rule set", "rules: expected a mapping of year to rule set (e.g. {2022: rules}), got list [2023]"),
    ("round an object with ore but no rounding", lambda: round_half_up_to_kroner(_OreOnly()), InvalidTypeError,
     "amount", None, "Money or ExactAmount", "field 'amount': expected Money or ExactAmount (e.g. Money.kroner(5)), got _OreOnly"),
    ("rules type", lambda: plan_municipality([_pos()], rules=RUS_2023), InvalidTypeError, "rules", RUS_2023,
     "a mapping of year to rule set", "rules: expected a mapping of year to rule set (e.g. {2022: rules}), got "
                                      "KommunaltRusarbeidRules 'kommunalt-rusarbeid 2023"),
    ("rules year", lambda: plan_municipality([_pos()], rules={"2023": RUS_2023}), InvalidTypeError, "rules", "2023",
     "a year as an int", "field 'rules': expected a year as an int, got str '2023'"),
    ("rules value", lambda: plan_municipality([_pos()], rules={2023: "x"}), InvalidTypeError, "rules[2023]", "x",
     "a RuleSet", "rules[2023]: expected a RuleSet, got str 'x'"),
    ("rules scheme", lambda: plan_municipality([_pos()], rules={2022: OTHER_RULES}), InvalidValueError, "rules[2022]",
     OTHER_RULES.key_text, "a rule set of kommunalt-rusarbeid",
     "rules[2022] is a rule set of nav-sosiale-tjenester, not of kommunalt-rusarbeid"),
    ("rules year mismatch", lambda: plan_municipality([_pos()], rules={2024: RUS_2023}), InvalidValueError,
     "rules[2024]", RUS_2023.key_text, "the rule set of 2024", "rules[2024] is the rule set of 2023"),
]


@pytest.mark.parametrize(("call", "error", "field", "value", "expected", "text"),
                         [c[1:] for c in PLANNER_CASES], ids=[c[0] for c in PLANNER_CASES])
def test_the_planner_refuses_a_wrong_input_naming_the_field_the_value_and_what_was_expected(
        call: Callable[[], object], error: type[NedtrappingError], field: str, value: object, expected: str,
        text: str) -> None:
    test_a_refusal_names_the_field_the_value_and_what_was_expected(call, error, field, value, expected, text)


@pytest.mark.parametrize(("call", "bokmal"), [
    (lambda: Money.kroner(0.5), "felt «Money.kroner»: fikk flyttallet 0.5. Flyttall er ikke eksakte og avvises der det "
                                "regnes med penger"),
    (lambda: parse_kroner("780.000"), "felt «amount»: «780.000» er tvetydig (tusenskille eller desimaler?); skriv "
                                      "780 000 for hele kroner eller 780000,50 med to desimaler"),
    (lambda: parse_kroner("tre", where="årskostnad"), "felt «årskostnad»: «tre» er ikke et beløp i kroner som 780 000"),
    (lambda: parse_share(" % ", where="stillingsprosent"), "felt «stillingsprosent»: tom verdi"),
    (lambda: Money("1"), "felt «ore»: forventet et helt antall øre (int), fikk str '1'"),
    (lambda: round_half_up_to_kroner(5), "felt «amount»: forventet Money eller ExactAmount (f.eks. Money.kroner(5)), "
                                         "fikk int 5"),
    (lambda: round_cap_down_to_kroner(K(-1)), "felt «amount»: et tak kan ikke være negativt, fikk Money.kroner(-1)"),
    (lambda: _pos(percent=0), "felt «percent»: forventet en stillingsprosent over 0 og høyst 100, fikk 0"),
    (lambda: _pos(first_grant_year="2021"), "felt «first_grant_year»: forventet et årstall som int, fikk str '2021'"),
], ids=["float", "ambiguous", "not an amount", "empty share", "ore", "rounding", "negative cap", "percent", "year"])
def test_a_refusal_is_bokmal_by_default(call: Callable[[], object], bokmal: str) -> None:
    with pytest.raises(NedtrappingError) as info:
        call()
    assert str(info.value).startswith(bokmal), str(info.value)
    assert info.value.expected is not None and not isinstance(info.value.expected, str)
