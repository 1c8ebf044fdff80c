"""The library's two named rounding rules, each applied once, at a named step.

Why: no source gives a rounding rule for these grants, so the library chooses, says
so (both rules are ASSUMED), and applies each rule at exactly one step:

* :func:`round_half_up_to_kroner` (:data:`ROUNDING_RULE`) — for an amount that *is*
  computed (a grant for one position and year; a cost for one position and year):
  half up to whole kroner, as Norwegian cash rounding does.
* :func:`round_cap_down_to_kroner` (:data:`CAP_ROUNDING_RULE`) — for a cap ("at
  most …", NAV's 610 000 kr per 100 % position): down to whole kroner, so the rounded
  cap never exceeds the exact one.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Literal, Protocol, TypeVar

from nedtrapping.errors import InvalidTypeError, InvalidValueError
from nedtrapping.readable import Readable
from nedtrapping.wording import Notice

__all__ = ["ROUNDING_RULE", "CAP_ROUNDING_RULE", "RoundingName", "HALF_UP", "DOWN", "ROUNDINGS", "Roundable",
           "half_up", "down", "kroner_ore", "round_half_up_to_kroner", "round_cap_down_to_kroner",
           "SPREADSHEET_DECIMALS", "SPREADSHEET_FUNCTIONS", "spreadsheet_rounding"]

_ORE_PER_KRONE = 100

#: The name of a rounding rule, as rates and explanations carry it.
RoundingName = Literal["half-up", "down"]
#: An amount: half up (away from zero) to whole kroner.
HALF_UP: RoundingName = "half-up"
#: A cap ("at most"): down to whole kroner.
DOWN: RoundingName = "down"


def half_up(numerator: Any, denominator: Any) -> Any:
    """``numerator / denominator`` rounded half away from zero, in integers only.

    The one implementation of half-up rounding: it uses operators only, so the same
    code serves Python ints and numpy integer (or object) arrays. ``denominator > 0``.

    >>> half_up(5, 2), half_up(-5, 2), half_up(7, 3)
    (3, -3, 2)
    """
    negative = numerator < 0
    return (1 - 2 * negative) * ((2 * abs(numerator) + denominator) // (2 * denominator))


def down(numerator: Any, denominator: Any) -> Any:
    """``numerator / denominator`` rounded down (a cap, never negative), ints or integer arrays.

    >>> down(7, 2)
    3
    """
    return numerator // denominator


#: Each named rounding rule, as a function of (numerator, denominator) in whole units.
ROUNDINGS: dict[str, Any] = {HALF_UP: half_up, DOWN: down}


#: The decimals of a krone a spreadsheet amount is taken to before its one rounding. A cell is a binary
#: double: 780 000 × 1,035² is exactly 835 555,5 kr, but a spreadsheet computes 835 555,49999999990…; taken
#: to 6 decimals (far below an øre, far above a double's error on amounts below 10^8 kr) it is the exact
#: amount again, and the named rule rounds it as the library does.
SPREADSHEET_DECIMALS = 6

#: Each named rounding rule as the spreadsheet function that implements it on kroner (``{x}`` is the exact
#: amount in kroner): ``ROUND`` rounds half away from zero, as :func:`half_up`; ``ROUNDDOWN`` rounds toward
#: zero, as :func:`down` does for a cap (never negative). Both Excel and LibreOffice take these names.
SPREADSHEET_FUNCTIONS: dict[str, str] = {
    HALF_UP: f"ROUND(ROUND({{x}},{SPREADSHEET_DECIMALS}),0)",
    DOWN: f"ROUNDDOWN(ROUND({{x}},{SPREADSHEET_DECIMALS}),0)",
}


def spreadsheet_rounding(rounding: str, x: str) -> str:
    """The spreadsheet formula (without ``=``) that rounds the kroner ``x`` to whole kroner by the named rule.

    >>> spreadsheet_rounding(HALF_UP, "B2*C2")
    'ROUND(ROUND(B2*C2,6),0)'
    """
    try:
        return SPREADSHEET_FUNCTIONS[rounding].format(x=x)
    except KeyError:
        raise InvalidValueError(_words("input.rounding.no_rule", {"rounding": rounding,
                                                                 "rules": ", ".join(SPREADSHEET_FUNCTIONS)}),
                                field="rounding", value=rounding, expected=_words("input.expected.rounding_rule")) from None


def kroner_ore(rounding: str, numerator: Any, denominator: Any) -> Any:
    """Øre ``numerator / denominator`` rounded to whole kroner by the named rule, in øre (ints or arrays)."""
    return ROUNDINGS[rounding](numerator, _ORE_PER_KRONE * denominator) * _ORE_PER_KRONE
#: The money type a :class:`Roundable` gives back (a type variable: :class:`~nedtrapping.money.Money`).
M = TypeVar("M", covariant=True)


class Roundable(Protocol[M]):
    """An amount in øre (exact or whole) that can give the money of a whole number of øre.

    :class:`~nedtrapping.money.Money` and :class:`~nedtrapping.money.ExactAmount` are both;
    this module needs nothing else from them (so :mod:`nedtrapping.money` can use it).
    """

    @property
    def ore(self) -> int | Fraction: ...

    def at_ore(self, ore: int) -> M: ...

#: The rule for computed amounts, in words (shown in plans and the docs; ``ROUNDING_RULE.text(lang)``).
ROUNDING_RULE = Notice("rounding.rule.half_up")

#: The rule for caps, in words (an assumption: no source gives a rounding rule).
CAP_ROUNDING_RULE = Notice("rounding.rule.cap")


def _words(key: str, fields: dict[str, object] | None = None) -> Readable:
    """Words for an error: a :class:`~nedtrapping.wording.Notice`, shown in the reader's language."""
    return Notice(key, fields or {})


def _ore_of(amount: object) -> Fraction:
    """The øre of a :class:`Roundable`, or :class:`~nedtrapping.errors.InvalidTypeError` (never an AttributeError)."""
    ore = getattr(amount, "ore", None)
    if isinstance(ore, bool) or not isinstance(ore, (int, Fraction)) or not callable(getattr(amount, "at_ore", None)):
        expected = _words("input.expected.roundable")
        raise InvalidTypeError(_words("input.type.expected_got_value", {
            "expected": _words("input.expected.roundable_example"), "type": type(amount).__name__,
            "value": repr(amount)}), field="amount", value=amount, expected=expected)
    return Fraction(ore)


def round_half_up_to_kroner(amount: Roundable[M]) -> M:
    """Round to whole kroner, half up (away from zero for negatives, as cash rounding does).

    >>> from nedtrapping.money import Money
    >>> round_half_up_to_kroner(Money.kroner(550_000) * Fraction(1, 3))
    Money.kroner(183333)
    >>> round_half_up_to_kroner(Money(ore=150))
    Money.kroner(2)
    """
    ore = _ore_of(amount)
    return amount.at_ore(kroner_ore(HALF_UP, ore.numerator, ore.denominator))


def round_cap_down_to_kroner(amount: Roundable[M]) -> M:
    """Round a cap ("at most …") down to whole kroner, so it never exceeds the exact figure.

    >>> from nedtrapping.money import Money
    >>> round_cap_down_to_kroner(Money.kroner(610_000) * Fraction(1, 7))
    Money.kroner(87142)
    >>> round_cap_down_to_kroner(Money(ore=99))
    Money.kroner(0)
    """
    ore = _ore_of(amount)
    if ore < 0:
        raise InvalidValueError(_words("input.rounding.negative_cap", {"value": repr(amount)}), field="amount",
                                value=amount, expected=_words("input.expected.cap"))
    return amount.at_ore(kroner_ore(DOWN, ore.numerator, ore.denominator))
