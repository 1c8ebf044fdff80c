"""Where every rule value comes from, and how sure we are of it.

Why: a grant figure is only as good as its source. Every number in a rule set is a
:class:`Fact`: a value (or none, if unknown), a :class:`Status` and a :class:`Citation`.
An unknown fact has no value at all, so it can never quietly become 0: asking for
it raises :class:`UnknownValueError`, which says how to supply it.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Generic, TypeVar

import attrs

from nedtrapping.errors import InvalidTypeError, InvalidValueError, NedtrappingError
from nedtrapping.readable import DEFAULT_LANG, Lang, Readable
from nedtrapping.wording import Notice, has_text, status_word, text

__all__ = [
    "Status",
    "Citation",
    "Fact",
    "UnknownValueError",
    "WARNING_STATUSES",
    "display_value",
    "value_text",
    "value_words",
]

#: The type of a fact's value (a type variable: a ``Fact[Money]`` holds :class:`~nedtrapping.money.Money`).
T = TypeVar("T")


class Status(enum.Enum):
    """How sure a value is. The names are the vocabulary of the docs and the explanations."""

    #: Stated in the cited public source and not marked as subject to change.
    FINAL = "final"
    #: Stated, but the source says it may change ("med forbehold").
    PROVISIONAL = "provisional"
    #: The source itself signals doubt ("31.3.22 ??", "April(?)").
    UNCERTAIN = "uncertain"
    #: Deduced from stated facts; no source says it in so many words.
    INFERRED = "inferred"
    #: The library's own assumption where every source is silent (e.g. rounding).
    ASSUMED = "assumed"
    #: Given by the user, typically from the municipality's own grant letter.
    USER_SUPPLIED = "user-supplied"
    #: Searched for, not found. Has no value; computing with it is an error.
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return self.value

    def text(self, lang: Lang = DEFAULT_LANG, /) -> str:
        """The status as a word in ``lang`` (``endelig``, ``final``): a :class:`~nedtrapping.readable.Readable`."""
        return status_word(self, lang)


#: Statuses that put a warning in a plan when a value with them is used.
WARNING_STATUSES = frozenset(
    {Status.PROVISIONAL, Status.UNCERTAIN, Status.INFERRED, Status.ASSUMED, Status.USER_SUPPLIED}
)


def display_value(value: object, *, unknown: str | None = None, lang: Lang = DEFAULT_LANG) -> str:
    """A rule value as people read it, the same everywhere: explanations, ``nedtrapping rules``, the docs.

    Money via ``str()`` (``330 000 kr``), enums by their value, fractions exactly
    (``7/2``), decimals without exponent, dates in ISO form, tuples and mappings item by
    item, attrs objects field by field (unless they define their own ``__str__``); an
    unknown value (``None``) is ``unknown`` («(ukjent)» in bokmål, "(unknown)" in English, by ``lang``).

    >>> display_value(Fraction(7, 2)), display_value(None), display_value(None, lang="en"), display_value((1, "a"))
    ('7/2', '(ukjent)', '(unknown)', '1; a')
    """
    if unknown is None:
        unknown = text("model.value.unknown", lang)
    if value is None:
        return unknown
    if isinstance(value, Fact):
        return f"{display_value(value.value, unknown=unknown, lang=lang)} ({value.status.text(lang)})"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, Fraction):
        return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return "; ".join(f"{display_value(k, lang=lang)}: {display_value(v, unknown=unknown, lang=lang)}"
                         for k, v in value.items())
    if isinstance(value, (tuple, list, frozenset, set)):
        items = [display_value(v, unknown=unknown, lang=lang) for v in value]
        if isinstance(value, (frozenset, set)):
            items.sort()
        return "; ".join(items) if items else text("model.value.none", lang)
    if isinstance(value, (str, int)) or type(value).__str__ is not object.__str__:
        return str(value)
    if attrs.has(type(value)):
        names = [f.name for f in attrs.fields(type(value))]  # type: ignore[arg-type]
        return ", ".join(f"{name}: {display_value(getattr(value, name), unknown=unknown, lang=lang)}" for name in names)
    return str(value)


def value_words(value: object) -> Readable | None:
    """A rule value that is words, as words: unknown, yes/no, a method by its name (``value.<value>``), a value
    already in words; ``None`` for a value written as it is (an amount, a number, a date).
    Explanations, ``nedtrapping rules``, the workbook and the page all name a value through this."""
    if value is None:
        return Notice("explain.unknown")
    if isinstance(value, bool):
        return Notice("word.yes" if value else "word.no")
    if isinstance(value, Readable):
        return value
    if isinstance(value, enum.Enum) and has_text(f"value.{value.value}"):
        return Notice(f"value.{value.value}")
    return None


def value_text(value: object, lang: Lang = DEFAULT_LANG) -> str:
    """A rule value as people read it in ``lang``: words for what is words, numbers the language's way.

    ``None`` is «ukjent»/unknown, ``True`` «ja»/yes, a method (an enum) by its name in words where the
    catalogue has one (``value.<value>``), a decimal number with the language's decimal mark
    (``14,1`` in bokmål), words (:class:`~nedtrapping.readable.Readable`) in the language; the rest as
    :func:`display_value` writes it (money as ``330 000 kr``).

    >>> value_text(Decimal("14.1")), value_text(Decimal("14.1"), "en"), value_text(True), value_text(None, "en")
    ('14,1', '14.1', 'ja', 'unknown')
    """
    words = value_words(value)
    if words is not None:
        return words.text(lang)
    if isinstance(value, (Decimal, Fraction)) and not (isinstance(value, Fraction) and value.denominator != 1
                                                       and (value * 1000).denominator != 1):
        plain = format(Decimal(value.numerator) / Decimal(value.denominator) if isinstance(value, Fraction)
                       else value, "f")
        return plain.replace(".", ",") if lang == "nb" else plain
    if isinstance(value, (tuple, list)):
        return "; ".join(value_text(v, lang) for v in value) if value else text("model.value.none", lang)
    if isinstance(value, Mapping):
        return "; ".join(f"{value_text(k, lang)}: {value_text(v, lang)}" for k, v in value.items())
    return display_value(value)


def _optional_date(value: object) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        return _dt.date.fromisoformat(value)
    raise InvalidTypeError(Notice("model.expected_got", {"expected": Notice("model.expect.date"), "got": repr(value)}),
                           field="Citation.published", value=value, expected=Notice("model.expect.date"))


@attrs.frozen
class Citation:
    """A source: a document, the place in it, its link, its publication date and, where
    one was checked, the source's own words for the value.

    The reference and its link live in one object so they cannot disagree.
    """

    document: str = attrs.field(validator=attrs.validators.min_len(1))
    section: str | None = None
    url: str | None = None
    published: _dt.date | None = attrs.field(default=None, converter=_optional_date)
    #: A short tag used in the docs (e.g. ``"DECK"``).
    tag: str | None = None
    #: The source's own words at this place, verbatim (Norwegian as written), when they were checked;
    #: ``None`` when no words are quoted.
    quote: str | None = None

    def at(self, section: str, quote: str | None = None) -> Citation:
        """The same source, pointing at another section (and quoting its words there, if given).

        A quote belongs to one place in a source, so a citation moved to another section
        carries only the quote given for that section.
        """
        return attrs.evolve(self, section=section, quote=quote)

    def __str__(self) -> str:
        parts = [self.document]
        if self.section:
            parts.append(self.section)
        if self.published:
            parts.append(self.published.isoformat())
        text = ", ".join(parts)
        return f"{text} <{self.url}>" if self.url else text

    def to_dict(self) -> dict[str, str | None]:
        return {
            "document": self.document,
            "section": self.section,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "tag": self.tag,
            "quote": self.quote,
        }


class UnknownValueError(NedtrappingError, LookupError):
    """A computation needed a value that no source gives. The message says how to supply it."""

    def __init__(self, name: str | Readable, fact: Fact[object], *, path: str | None = None,
                 rule_set: str | None = None) -> None:
        self.name = name
        self.fact = fact
        #: Where the value lives: its path in the rule set (``"ladder.step_3"``) and the rule set's key.
        self.path = path
        self.rule_set = rule_set
        super().__init__(Notice("error.unknown_value", {
            "name": name, "citation": str(fact.citation),
            "note": Notice("error.unknown_value.note", {"note": fact.note}) if fact.note else "",
            "how": Notice("error.unknown_value.how", {"how": fact.how_to_supply}) if fact.how_to_supply else "",
        }))


def _check_fact(instance: Fact[object], _attribute: object, value: object) -> None:
    if instance.status is Status.UNKNOWN and instance.value is not None:
        raise InvalidValueError(Notice("model.fact.unknown_with_value", {"value": repr(instance.value)}),
                                field="value", value=instance.value)
    if instance.status is not Status.UNKNOWN and instance.value is None:
        raise InvalidValueError(Notice("model.fact.needs_value", {"status": instance.status}), field="value",
                                value=None)


@attrs.frozen
class Fact(Generic[T]):
    """One rule value with its status and source.

    >>> from nedtrapping.money import Money
    >>> f = Fact(Money.kroner(330_000), Status.FINAL, Citation("Slides", "p. 2"))
    >>> f.require("flat amount")
    Money.kroner(330000)
    """

    value: T | None
    status: Status = attrs.field(validator=[attrs.validators.instance_of(Status), _check_fact])
    citation: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))
    #: What a reader should know about the value (words from the catalogue).
    note: Readable | None = None
    #: For an unknown (or doubtful) value: where to find it (in the grant letter); the command line and
    #: Python add how to type it in.
    how_to_supply: Readable | None = None

    @classmethod
    def unknown(cls, citation: Citation, *, note: Readable | None = None,
                how_to_supply: Readable | None = None) -> Fact[T]:
        return cls(None, Status.UNKNOWN, citation, note=note, how_to_supply=how_to_supply)

    @property
    def is_known(self) -> bool:
        return self.status is not Status.UNKNOWN

    def require(self, name: str | Readable, *, path: str | None = None, rule_set: str | None = None) -> T:
        """The value, or :class:`UnknownValueError` naming ``name`` (and where it lives) and how to supply it."""
        if self.value is None:
            raise UnknownValueError(name, self, path=path, rule_set=rule_set)  # type: ignore[arg-type]
        return self.value

    def supplied(self, value: T, source: Citation) -> Fact[T]:
        """A user-supplied replacement for this fact (e.g. from a grant letter)."""
        return Fact(value, Status.USER_SUPPLIED, source, note=Notice("fact.supplied_note", {"status": self.status}))
