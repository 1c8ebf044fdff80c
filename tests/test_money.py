"""Exact money: arithmetic, the one rounding rule, float refusal, Norwegian text."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nedtrapping import strategies as nst
from nedtrapping.money import (
    ExactAmount,
    FloatRefusedError,
    Money,
    format_nok,
    format_percent,
    parse_kroner,
    parse_share,
)
from nedtrapping.rounding import round_half_up_to_kroner


def decimal_half_up_ore(exact_ore: Fraction) -> int:
    """Independent reference: øre → whole kroner, ROUND_HALF_UP (away from zero on a tie), in øre."""
    with localcontext() as ctx:
        ctx.prec = 80
        kroner = Decimal(exact_ore.numerator) / Decimal(exact_ore.denominator) / Decimal(100)
        return int(kroner.quantize(Decimal(1), rounding=ROUND_HALF_UP)) * 100


# ----------------------------------------------------------------- exact arithmetic


@given(nst.money(), nst.money(), nst.money())
def test_addition_is_associative_and_commutative(a, b, c):
    assert (a + b) + c == a + (b + c)
    assert a + b == b + a


@given(nst.money(), nst.money())
def test_adding_then_subtracting_gives_back_the_amount_exactly(a, b):
    assert a + b - b == a
    assert (a - b) + b == a
    assert (a + b).ore == a.ore + b.ore


@given(nst.money())
def test_zero_is_neutral_and_negation_is_inverse(a):
    assert a + Money.zero() == a
    assert a - a == Money.zero()
    assert -(-a) == a  # noqa: B002  (negation twice, not a decrement)
    assert sum([a]) == a  # sum() starts from the int 0


@given(nst.money(), nst.money())
def test_ordering_is_consistent_with_ore(a, b):
    assert (a < b) == (a.ore < b.ore)
    assert (a <= b) == (a.ore <= b.ore)
    assert (a > b) == (a.ore > b.ore)
    assert (a >= b) == (a.ore >= b.ore)
    assert (a == b) == (a.ore == b.ore)
    assert (hash(a) == hash(b)) or a != b


@given(st.lists(nst.money(), max_size=20))
def test_sum_of_amounts_is_the_sum_of_their_ore(amounts):
    assert sum(amounts, Money.zero()).ore == sum(m.ore for m in amounts)
    assert sorted(amounts) == sorted(amounts, key=lambda m: m.ore)


@given(nst.money(), nst.shares())
def test_money_times_share_is_exact_and_not_yet_money(a, share):
    product = a * share
    assert isinstance(product, ExactAmount)
    assert not isinstance(product, Money)
    assert product.ore == Fraction(a.ore) * share
    assert (share * a).ore == product.ore


@given(nst.money(), nst.money(), nst.shares())
def test_multiplication_distributes_over_addition_before_rounding(a, b, share):
    assert ((a + b) * share).ore == (a * share).ore + (b * share).ore


def test_exact_amount_cannot_be_added_to_money_as_money():
    with pytest.raises(TypeError):
        Money.kroner(1) + Money.kroner(550_000) * Fraction(1, 3)


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_kroner_and_ore_agree(k):
    assert Money.kroner(k) == Money(ore=k * 100)
    assert Money.kroner(str(k)) == Money(ore=k * 100)
    assert Money.kroner(Decimal(k)) == Money(ore=k * 100)


@given(nst.money())
def test_decimal_and_plain_forms_round_trip(a):
    assert Money.kroner(a.to_decimal()) == a
    assert Money.kroner(a.plain()) == a
    assert a.is_whole_kroner == (a.ore % 100 == 0)


def test_finer_than_ore_is_refused():
    with pytest.raises(ValueError):
        Money.kroner("0.001")
    with pytest.raises(ValueError):
        Money.kroner(Decimal("1.005"))
    with pytest.raises(ValueError):
        Money.kroner(Fraction(1, 3))


# ----------------------------------------------------------------- the one rounding rule


@given(st.integers(min_value=-10**14, max_value=10**14), st.integers(min_value=1, max_value=10**6))
def test_round_half_up_matches_an_independent_decimal_round_half_up(numerator, denominator):
    exact = Fraction(numerator, denominator)
    assert round_half_up_to_kroner(ExactAmount(exact)).ore == decimal_half_up_ore(exact)


@given(nst.money(whole_kroner=True), st.sampled_from([0, 1, 49, 50, 51, 99]))
def test_round_half_up_boundaries_in_ore(whole, extra_ore):
    amount = whole + Money(ore=extra_ore) if whole.ore >= 0 else whole - Money(ore=extra_ore)
    rounded = round_half_up_to_kroner(amount)
    away = extra_ore >= 50
    expected_magnitude = abs(whole.ore) + (100 if away else 0)
    assert abs(rounded.ore) == expected_magnitude
    assert rounded.is_whole_kroner


def test_round_half_up_confirmed_examples():
    assert round_half_up_to_kroner(Money(ore=150)) == Money.kroner(2)
    assert round_half_up_to_kroner(Money(ore=149)) == Money.kroner(1)
    assert round_half_up_to_kroner(Money(ore=-150)) == Money.kroner(-2)
    assert round_half_up_to_kroner(Money.kroner(550_000) * Fraction(1, 3)) == Money.kroner(183_333)
    # 330 000 × 0.5 % = 1 650 exactly; × 33.335 % = 110 005.5 → 110 006
    assert round_half_up_to_kroner(Money.kroner(330_000) * Fraction(33335, 100000)) == Money.kroner(110_006)


@given(nst.money())
def test_rounding_is_idempotent_so_it_happens_once(a):
    once = round_half_up_to_kroner(a)
    assert round_half_up_to_kroner(once) == once
    assert abs(once.ore - a.ore) <= 50


# ----------------------------------------------------------------- a float never enters a money path


@pytest.mark.parametrize(
    "attempt",
    [
        lambda: Money(ore=1.0),
        lambda: Money(1.0),
        lambda: Money.kroner(1.5),
        lambda: Money.kroner(330000.0),
        lambda: Money.kroner(100) * 0.5,
        lambda: 0.5 * Money.kroner(100),
        lambda: Money.kroner(100) + 1.5,
        lambda: 1.5 + Money.kroner(100),
        lambda: Money.kroner(100) - 1.5,
        lambda: (Money.kroner(100) * Fraction(1, 2)) * 0.5,
        lambda: parse_kroner(330000.0),
        lambda: parse_share(50.0),
    ],
    ids=[
        "Money(ore=1.0)", "Money(1.0)", "kroner(1.5)", "kroner(330000.0)", "money*0.5", "0.5*money",
        "money+1.5", "1.5+money", "money-1.5", "exact*0.5", "parse_kroner(float)", "parse_share(float)",
    ],
)
def test_a_float_never_enters_a_money_path(attempt):
    with pytest.raises(TypeError):
        attempt()


@pytest.mark.parametrize("attempt", [
    lambda: Money(ore=1.0), lambda: Money.kroner(1.5), lambda: Money.kroner(100) * 0.5,
    lambda: Money.kroner(100) + 1.5, lambda: parse_kroner(1.5),
])
def test_float_refusal_is_the_named_error_that_points_to_from_float(attempt):
    with pytest.raises(FloatRefusedError, match="from_float"):
        attempt()


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_any_float_is_refused_by_the_constructors(x):
    with pytest.raises(TypeError):
        Money(ore=x)
    with pytest.raises(TypeError):
        Money.kroner(x)
    with pytest.raises(TypeError):
        Money.kroner(1) * x


def test_bools_are_not_amounts():
    with pytest.raises(TypeError):
        Money(ore=True)
    with pytest.raises(TypeError):
        Money.kroner(True)


def test_from_float_is_the_explicit_door():
    assert Money.from_float(0.1 + 0.2) == Money(ore=30)
    assert Money.from_float(330000.0) == Money.kroner(330_000)
    assert Money.from_float(1.005) == Money(ore=101)  # its shortest form is 1.005, half up
    with pytest.raises(TypeError):
        Money.from_float(Decimal("1.5"))  # type: ignore[arg-type]


# ----------------------------------------------------------------- Norwegian text


@pytest.mark.parametrize(
    ("text", "ore"),
    [
        ("330 000", 33_000_000),
        ("330000", 33_000_000),
        ("330 000,50", 33_000_050),
        ("330 000 kr", 33_000_000),
        ("330\u00a0000\u00a0kr", 33_000_000),
        ("330 000,00 kr", 33_000_000),
        ("kr 5000", 500_000),
        ("NOK 5 000", 500_000),
        ("5 000,-", 500_000),
        ("-5 000 kr", -500_000),
        ("\u22125 000 kr", -500_000),
        ("1 234,5", 123_450),
        ("0,01", 1),
        # dots or commas grouping thousands, told apart from decimals by a second group, the other
        # mark or a whole-kroner ",-" (any case of "kr")
        ("1.234.567", 123_456_700),
        ("12.345.678,9", 1_234_567_890),
        ("550.000,-", 55_000_000),
        ("5.000,-Kr", 500_000),
        ("5 000,- KR", 500_000),
        ("1.234,50", 123_450),
        ("1,234,567", 123_456_700),
        ("1,234.50", 123_450),
    ],
)
def test_parse_kroner_reads_norwegian_forms(text, ore):
    assert parse_kroner(text) == Money(ore=ore)


@pytest.mark.parametrize("text", ["", "kr", "tre hundre", "330 000,001", "1,234,5", "NaN", "Infinity",
                                  "1.234", "1,234", "5.000 kr", "1.234.56", "1,234,56"])
def test_parse_kroner_refuses_what_is_not_an_amount(text):
    with pytest.raises(ValueError):
        parse_kroner(text)


@pytest.mark.parametrize(
    ("ore", "text"),
    [
        (33_000_000, "330 000 kr"),
        (55_000_000, "550 000 kr"),
        (0, "0 kr"),
        (-500_000, "-5 000 kr"),
        (123_450, "1 234,50 kr"),
        (5, "0,05 kr"),
        (-50, "-0,50 kr"),
        (35_000_000_000, "350 000 000 kr"),
    ],
)
def test_format_nok_writes_norwegian(ore, text):
    assert format_nok(Money(ore=ore)) == text
    assert str(Money(ore=ore)) == text


def test_format_nok_options():
    assert format_nok(Money.kroner(330_000), nbsp=True) == "330\u00a0000\u00a0kr"
    assert format_nok(Money.kroner(330_000), unit="") == "330 000"
    assert format_nok(Money.kroner(330_000), unit="NOK") == "330 000 NOK"


@given(nst.money(), st.booleans())
def test_format_then_parse_round_trips(a, nbsp):
    assert parse_kroner(format_nok(a, nbsp=nbsp)) == a
    assert parse_kroner(format_nok(a, unit="")) == a


@given(nst.money())
def test_formatted_text_has_no_float_artefacts(a):
    text = format_nok(a)
    assert "e" not in text and "." not in text
    assert text.endswith(" kr")
    assert text.startswith("-") == (a.ore < 0)


@pytest.mark.parametrize(("text", "value"), [("50", Fraction(50)), ("33,3", Fraction(333, 10)), ("12.5 %", Fraction(25, 2))])
def test_parse_share_is_exact(text, value):
    assert parse_share(text) == value


@pytest.mark.parametrize(("p", "comma", "dot"), [
    (Fraction(1, 10_000_000), "0,0000001", "0.0000001"),  # never in exponent form (1E-7)
    (Fraction(1, 8), "0,125", "0.125"),
    (Fraction(-5, 2), "-2,5", "-2.5"),
    (Decimal("12.50"), "12,5", "12.5"),
    (7, "7", "7"),
])
def test_format_percent_writes_plain_decimals_with_the_mark_asked_for(p, comma, dot):
    assert format_percent(p) == comma
    assert format_percent(p, decimal_comma=False) == dot
