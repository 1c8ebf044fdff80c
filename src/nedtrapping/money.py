"""Exact Norwegian money: whole øre and exact shares, never a float.

Why: grant arithmetic that drifts by a krone is a wrong grant. Amounts are held
as integer øre; multiplying by a share gives an :class:`ExactAmount` (a fraction
of øre) that *cannot* be used as money until it is rounded by
:func:`nedtrapping.rounding.round_half_up_to_kroner` — the rule for computed amounts
(:mod:`nedtrapping.rounding` holds both named rounding rules).

A ``float`` is refused everywhere; :meth:`Money.from_float` is the one explicit,
named door for a float that comes from a spreadsheet.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from functools import total_ordering

import attrs

# the rounding rules live in nedtrapping.rounding; they are importable from here too, as they were
from nedtrapping.errors import InvalidTypeError, InvalidValueError, NedtrappingError
from nedtrapping.readable import Readable
from nedtrapping.rounding import ROUNDING_RULE, round_half_up_to_kroner  # noqa: F401
from nedtrapping.wording import Notice, percent_text

__all__ = [
    "Money",
    "ExactAmount",
    "FloatRefusedError",
    "format_nok",
    "parse_kroner",
    "parse_share",
    "format_percent",
]

ORE_PER_KRONE = 100
_WHOLE = Decimal(1)  # quantize to whole øre

Exactish = int | Fraction | Decimal


class FloatRefusedError(NedtrappingError, TypeError):
    """A float reached the money API. Use :meth:`Money.from_float` explicitly."""


def _words(key: str, fields: Mapping[str, object] | None = None) -> Readable:
    """Words for an error: a :class:`~nedtrapping.wording.Notice`, shown in the reader's language."""
    return Notice(key, fields or {})


def _exact_number() -> Readable:
    """What the exact money paths accept, as errors say it."""
    return _words("input.expected.exact_number")


def _wrong_type(expected: Readable, value: object, *, with_value: bool = True) -> Readable:
    """"expected …, got <type> <value>" in words (the value as Python writes it: this is a program's mistake)."""
    if not with_value:
        return _words("input.type.expected_got", {"expected": expected, "type": type(value).__name__})
    return _words("input.type.expected_got_value", {"expected": expected, "type": type(value).__name__,
                                                    "value": repr(value)})


def _refuse_float(value: object, where: str) -> None:
    if isinstance(value, float):
        raise FloatRefusedError(_words("input.money.float", {"value": repr(value)}),
                                field=where, value=value, expected=_exact_number())


def _to_fraction(value: object, where: str) -> Fraction:
    _refuse_float(value, where)
    if isinstance(value, bool):
        raise InvalidTypeError(_words("input.money.bool", {"value": repr(value)}), field=where, value=value,
                               expected=_exact_number())
    if isinstance(value, (int, Fraction)):
        return Fraction(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InvalidValueError(_words("input.money.not_finite", {"value": repr(value)}), field=where,
                                    value=value, expected=_words("input.expected.finite_number"))
        return Fraction(value)
    if isinstance(value, str):
        return Fraction(_parse_decimal_text(value, where))
    raise InvalidTypeError(_wrong_type(_exact_number(), value), field=where, value=value, expected=_exact_number())


_NUMBER_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")


_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


def _parse_decimal_text(text: str, where: str) -> Decimal:
    """Parse '330 000', '330000,50', '1.5', '-2' into a Decimal (no float).

    Only plain decimal notation: spaces group thousands, ``,`` or ``.`` is the
    decimal mark. Exponents (``1e3``), fractions (``1/2``) and mixed marks are refused.
    """
    cleaned = _NUMBER_SPACES.sub("", text.strip()).replace("\u2212", "-")
    if not _PLAIN_NUMBER.match(cleaned):
        raise InvalidValueError(_words("input.money.not_plain", {"value": text}), field=where, value=text,
                                expected=_words("input.expected.plain_number"))
    return Decimal(cleaned.replace(",", "."))


@total_ordering
@attrs.frozen(order=False)
class Money:
    """An exact amount of Norwegian kroner, held as integer øre.

    >>> Money.kroner(330_000) + Money.kroner(220_000)
    Money.kroner(550000)
    >>> str(Money.kroner(330_000))
    '330 000 kr'
    """

    ore: int = attrs.field()

    @ore.validator
    def _check_ore(self, _attribute: attrs.Attribute[int], value: object) -> None:
        _refuse_float(value, "Money(ore=...)")
        if not isinstance(value, int) or isinstance(value, bool):
            expected = _words("input.expected.ore")
            raise InvalidTypeError(_wrong_type(expected, value), field="ore", value=value, expected=expected)

    @classmethod
    def kroner(cls, amount: Exactish | str) -> Money:
        """Whole or fractional kroner, exactly; more than two decimals is an error."""
        exact = _to_fraction(amount, "Money.kroner") * ORE_PER_KRONE
        if exact.denominator != 1:
            raise InvalidValueError(_words("input.money.finer_than_ore", {"value": repr(amount)}),
                                    field="Money.kroner", value=amount, expected=_words("input.expected.whole_ore"))
        return cls(int(exact))

    @classmethod
    def _unchecked(cls, ore: int) -> Money:
        """Money of ``ore`` computed by the library in integer arithmetic (an int, checked there): no re-check.

        For building many figures at once (a plan's rows); everything else uses ``Money(ore)``.
        """
        money = object.__new__(cls)
        object.__setattr__(money, "ore", ore)
        return money

    @classmethod
    def zero(cls) -> Money:
        return cls(0)

    @classmethod
    def from_float(cls, amount: float) -> Money:
        """The explicit door for floats: rounds the float's shortest decimal form to øre, half up.

        ``0.1 + 0.2`` becomes 0.30 kr, not 0.30000000000000004.
        """
        if not isinstance(amount, float):
            expected = _words("input.expected.float")
            raise InvalidTypeError(_wrong_type(expected, amount, with_value=False), field="Money.from_float",
                                   value=amount, expected=expected)
        if not math.isfinite(amount):
            raise InvalidValueError(_words("input.money.not_finite_amount", {"value": repr(amount)}),
                                    field="Money.from_float", value=amount,
                                    expected=_words("input.expected.finite_float"))
        as_decimal = Decimal(repr(amount))
        ore = (as_decimal * ORE_PER_KRONE).quantize(_WHOLE, rounding="ROUND_HALF_UP")
        return cls(int(ore))

    # arithmetic -----------------------------------------------------------
    def __add__(self, other: object) -> Money:
        if not isinstance(other, Money):
            _refuse_float(other, "Money + ...")
            return NotImplemented
        return Money(self.ore + other.ore)

    def __radd__(self, other: object) -> Money:
        # lets sum() start from 0
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        _refuse_float(other, "... + Money")
        return NotImplemented

    def __sub__(self, other: object) -> Money:
        if not isinstance(other, Money):
            _refuse_float(other, "Money - ...")
            return NotImplemented
        return Money(self.ore - other.ore)

    def __neg__(self) -> Money:
        return Money(-self.ore)

    def __mul__(self, share: object) -> ExactAmount:
        """Money × exact share gives an :class:`ExactAmount`, to be rounded once."""
        _refuse_float(share, "Money * ...")
        if isinstance(share, Money):
            return NotImplemented
        if isinstance(share, (int, Fraction, Decimal)) and not isinstance(share, bool):
            return ExactAmount(Fraction(self.ore) * Fraction(share))
        return NotImplemented

    __rmul__ = __mul__

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self.ore < other.ore

    def __bool__(self) -> bool:
        return self.ore != 0

    def at_ore(self, ore: int) -> Money:
        """Money of a whole number of øre (what a rounding rule gives back)."""
        return Money(ore)

    @property
    def is_whole_kroner(self) -> bool:
        return self.ore % ORE_PER_KRONE == 0

    def to_decimal(self) -> Decimal:
        """The amount in kroner as an exact Decimal (e.g. for a spreadsheet)."""
        return Decimal(self.ore) / ORE_PER_KRONE

    def plain(self) -> str:
        """Kroner as a plain number for CSV: ``330000`` or ``1234.50``."""
        sign = "-" if self.ore < 0 else ""
        kr, ore = divmod(abs(self.ore), ORE_PER_KRONE)
        return f"{sign}{kr}" if ore == 0 else f"{sign}{kr}.{ore:02d}"

    def __str__(self) -> str:
        return format_nok(self)

    def __repr__(self) -> str:
        if self.is_whole_kroner:
            return f"Money.kroner({self.ore // ORE_PER_KRONE})"
        return f"Money(ore={self.ore})"


def _exact_ore(value: object) -> Fraction:
    _refuse_float(value, "ExactAmount(ore=...)")
    if isinstance(value, bool) or not isinstance(value, (int, Fraction)):
        expected = _words("input.expected.exact_ore")
        raise InvalidTypeError(_wrong_type(expected, value), field="ore", value=value, expected=expected)
    return Fraction(value)


@attrs.frozen
class ExactAmount:
    """An exact, possibly fractional, number of øre: the product of money and a share.

    It is deliberately not :class:`Money`: it must pass the rounding rule first.
    """

    ore: Fraction = attrs.field(converter=_exact_ore)

    def round(self) -> Money:
        """Apply the rule for computed amounts (:func:`nedtrapping.rounding.round_half_up_to_kroner`)."""
        return round_half_up_to_kroner(self)

    def at_ore(self, ore: int) -> Money:
        """Money of a whole number of øre (what a rounding rule gives back)."""
        return Money(ore)

    def __add__(self, other: object) -> ExactAmount:
        if isinstance(other, ExactAmount):
            return ExactAmount(self.ore + other.ore)
        if isinstance(other, Money):
            return ExactAmount(self.ore + other.ore)
        return NotImplemented

    def __mul__(self, share: object) -> ExactAmount:
        _refuse_float(share, "ExactAmount * ...")
        if isinstance(share, (int, Fraction, Decimal)) and not isinstance(share, bool):
            return ExactAmount(self.ore * Fraction(share))
        return NotImplemented


def format_nok(amount: Money, *, nbsp: bool = False, unit: str = "kr") -> str:
    """Norwegian formatting: ``330 000 kr``, ``1 234,50 kr``, ``-5 000 kr``.

    ``nbsp=True`` uses a no-break space as the thousands separator (typographically right).
    """
    sep = "\u00a0" if nbsp else " "
    sign = "-" if amount.ore < 0 else ""
    kr, ore = divmod(abs(amount.ore), ORE_PER_KRONE)
    groups = f"{kr:,}".replace(",", sep)
    body = groups if ore == 0 else f"{groups},{ore:02d}"
    return f"{sign}{body}{sep}{unit}" if unit else f"{sign}{body}"


def format_percent(p: Fraction | int | Decimal, *, decimal_comma: bool = True) -> str:
    """A percentage for people: ``50``, ``33,3`` (or ``33.3`` with ``decimal_comma=False``), no trailing zeros.

    A float is refused (:class:`FloatRefusedError`): ``0.5`` is not an exact percentage.

    >>> format_percent(Fraction(333, 10))
    '33,3'
    """
    _refuse_float(p, "format_percent")
    if isinstance(p, bool) or not isinstance(p, (int, Fraction, Decimal)):
        expected = _words("input.expected.percent_number")
        raise InvalidTypeError(_wrong_type(expected, p), field="p", value=p, expected=expected)
    return percent_text(_to_fraction(p, "format_percent"), decimal_comma=decimal_comma)


def parse_kroner(text: str, *, where: str = "amount") -> Money:
    """Parse a kroner amount as people write it: ``330 000``, ``330000,00``, ``330 000 kr``, ``kr 5000``."""
    if not isinstance(text, str):
        _refuse_float(text, where)
        expected = _words("input.expected.amount_text")
        raise InvalidTypeError(_wrong_type(expected, text, with_value=False), field=where, value=text,
                               expected=expected)
    cleaned = text.strip()
    whole_marker = bool(re.search(r",-\s*(?:kr\.?|nok)?$", cleaned, flags=re.I))
    cleaned = re.sub(r"(?i)^(nok|kr\.?)\s*|\s*(nok|kr\.?)$", "", cleaned).strip()
    cleaned = re.sub(r",-$", "", cleaned).strip()
    if not cleaned:
        raise InvalidValueError(_words("input.money.empty_amount"), field=where, value=text,
                                expected=_words("input.expected.amount_kroner"))
    compact = _NUMBER_SPACES.sub("", cleaned).replace("\u2212", "-")
    expected = _words("input.expected.amount_forms")
    if re.fullmatch(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?", compact) and (
        whole_marker or "," in compact or compact.count(".") > 1
    ):
        compact = compact.replace(".", "")  # 1.234.567 / 550.000,- / 1.234,50 (the comma: below)
    elif re.fullmatch(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?", compact) and ("." in compact or compact.count(",") > 1):
        compact = compact.replace(",", "")  # 1,234,567 / 1,234.50
    elif re.fullmatch(r"[+-]?\d+[.,]\d{3}", compact):
        raise InvalidValueError(_words("input.money.ambiguous", {"value": text}), field=where, value=text,
                                expected=_words("input.expected.unambiguous"))
    elif not re.fullmatch(r"[+-]?\d+(?:[.,]\d{1,2})?", compact):
        raise InvalidValueError(_words("input.money.not_amount", {"value": text, "expected": expected}), field=where,
                                value=text, expected=expected)
    value = Decimal(compact.replace(",", "."))
    return Money(int(value * ORE_PER_KRONE))


def parse_share(text: str | int | Decimal | Fraction, *, where: str = "share") -> Fraction:
    """Parse a percentage-like number exactly (``'50'``, ``'33,3'``, ``'12.5 %'``) into a Fraction.

    The number is returned as written (50 → Fraction(50)); callers decide the unit.
    """
    if isinstance(text, str):
        cleaned = text.strip().rstrip("%").strip()
        if not cleaned:
            raise InvalidValueError(_words("input.money.empty_value"), field=where, value=text,
                                    expected=_words("input.expected.number"))
        return Fraction(_parse_decimal_text(cleaned, where))
    return _to_fraction(text, where)

