"""Numbers are written as Babel's locale data says (nb and en), by the library's own small formatters.

Why not Babel at run time: measured on the 2-core machine, ``babel.numbers.format_decimal`` takes about
80 µs a call against 25 µs for :func:`nedtrapping.money.format_nok` — a 10 000-position plan writes
some 200 000 amounts — and Babel is a large import. So this test holds the two to each other: the
digits, the grouping and the decimal mark of every amount and percentage are Babel's for the language.
The one deliberate difference: amounts in kroner are grouped with a space in both languages (the SI
and Norwegian way; Babel's ``nb`` uses a no-break space, which ``nbsp=True`` gives).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from nedtrapping.money import Money, format_nok, format_percent


@given(st.integers(min_value=-10**13, max_value=10**13))
def test_kroner_are_grouped_and_marked_as_babels_nb(ore: int) -> None:
    amount = Money(ore=ore)
    babel = format_decimal(Decimal(ore) / 100, format="#,##0.00" if ore % 100 else "#,##0", locale="nb")
    assert format_nok(amount, nbsp=True, unit="") == babel.replace("\u2212", "-")
    assert format_nok(amount, unit="") == babel.replace("\u00a0", " ").replace("\u2212", "-")


@given(st.fractions(min_value=0, max_value=100).map(lambda f: Fraction(round(f * 10), 10)))
def test_percentages_use_the_decimal_mark_of_the_language(p: Fraction) -> None:
    value = Decimal(p.numerator) / Decimal(p.denominator)
    assert format_percent(p, decimal_comma=True) == format_decimal(value, format="0.#", locale="nb")
    assert format_percent(p, decimal_comma=False) == format_decimal(value, format="0.#", locale="en")
