"""Small checks that compose, each written once: whole numbers, years, position percentages.

Why: the same "an int but not a bool" and "a percentage in (0, 100]" checks were
written by hand in many places, with slightly different messages. Each lives here
once, raises a message naming the field and the value, and is usable both as a
plain function and (for attrs) as a converter or validator.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from nedtrapping._refusal import expected_shown
from nedtrapping.errors import InvalidTypeError, InvalidValueError
from nedtrapping.money import FloatRefusedError, parse_share
from nedtrapping.wording import Notice

__all__ = [
    "parse_yes_no",
    "HUNDRED",
    "is_whole_number",
    "require_whole_number",
    "require_year",
    "position_percent",
    "attrs_year",
]

#: 100 as an exact fraction: a percentage divided by it is a share.
HUNDRED = Fraction(100)


def _wrong_type(expected: Notice, value: object) -> Notice:
    """"expected …, got <type> <value>" in words (the value as Python writes it: a program's mistake)."""
    return Notice("input.type.expected_got_value", {"expected": expected, "type": type(value).__name__,
                                                    "value": repr(value)})


def is_whole_number(value: object) -> bool:
    """``True`` for an ``int`` that is not a ``bool`` (``True`` is an int in Python, never a count here)."""
    return isinstance(value, int) and not isinstance(value, bool)


def require_whole_number(value: object, where: str, *, minimum: int | None = None) -> int:
    """``value`` as an int, or :class:`~nedtrapping.errors.InvalidTypeError` / :class:`~nedtrapping.errors.InvalidValueError`
    naming ``where`` (its ``field``)."""
    if not is_whole_number(value):
        expected = Notice("input.expected.whole_number")
        raise InvalidTypeError(_wrong_type(expected, value), field=where, value=value, expected=expected)
    assert isinstance(value, int)
    if minimum is not None and value < minimum:
        expected = Notice("input.expected.whole_number_minimum", {"minimum": minimum})
        raise InvalidValueError(expected_shown(expected, repr(value)),
                                field=where, value=value, expected=expected)
    return value


def require_year(value: object, where: str) -> int:
    """A year as an int (``2022``), or :class:`~nedtrapping.errors.InvalidTypeError` naming ``where``."""
    if not is_whole_number(value):
        expected = Notice("input.expected.year_int")
        raise InvalidTypeError(_wrong_type(expected, value), field=where, value=value, expected=expected)
    assert isinstance(value, int)
    return value


#: The years a position's year may be (first grant year, cost year, a grant letter's year): a year outside is a
#: slip (``1`` or ``99999``), refused by the readers and the API alike.
PLAUSIBLE_YEARS = (2000, 2100)


def plausible_year(value: object, where: str) -> int:
    """:func:`require_year`, and within :data:`PLAUSIBLE_YEARS` (else a named :class:`InvalidValueError`)."""
    year = require_year(value, where)
    low, high = PLAUSIBLE_YEARS
    if not low <= year <= high:
        expected = Notice("input.expected.year_between", {"low": low, "high": high})
        raise InvalidValueError(expected_shown(expected, year),
                                field=where, value=year, expected=expected)
    return year


def attrs_year(instance: object, attribute: object, value: object) -> None:
    """attrs validator form of :func:`require_year`."""
    require_year(value, getattr(attribute, "name", "year"))


def position_percent(value: object, where: str = "percent") -> Fraction:
    """A position percentage in (0, 100], exactly: ``100``, ``"50,5"``, ``Decimal("33.3")``, ``Fraction(100, 3)``.

    Floats are refused (:class:`~nedtrapping.money.FloatRefusedError`), as are bools and
    anything that is not a number; the message names ``where`` and the value.

    >>> position_percent("33,3")
    Fraction(333, 10)
    """
    if isinstance(value, float):
        raise FloatRefusedError(Notice("input.float_percent", {"value": repr(value)}), field=where, value=value,
                                expected=Notice("input.expected.percent_exact"))
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, Fraction, str)):
        expected = Notice("input.expected.percentage")
        raise InvalidTypeError(_wrong_type(expected, value), field=where, value=value, expected=expected)
    share = parse_share(value, where=where)
    if not 0 < share <= HUNDRED:
        expected = Notice("input.expected.percent_range")
        raise InvalidValueError(expected_shown(expected, repr(value)),
                                field=where, value=value, expected=expected)
    return share


_YES = frozenset({"yes", "ja", "true", "sann", "1", "y", "j"})
_NO = frozenset({"no", "nei", "false", "usann", "0", "n"})


def parse_yes_no(value: object) -> bool | None:
    """``True``/``False`` from ``ja``/``nei`` (or yes/no, true/false, 1/0); ``None`` for a blank; else ``ValueError``."""
    if value is None or isinstance(value, bool):
        return value
    answer = str(value).strip().lower()
    if not answer:
        return None
    if answer in _YES:
        return True
    if answer in _NO:
        return False
    raise ValueError(answer)
