"""Every word a person reads, in Norwegian bokmål and English: one catalogue.

Why: the people who use the library read Norwegian; a developer reading the code
may not. Labels, headings, status words and messages live here, keyed by a stable
id, so a renderer never writes its own wording and a change of wording is one edit.
Bokmål (``"nb"``) is the default for people; English (``"en"``) is there on request
(``--lang en``). What programs read (CSV columns, JSON keys) is not wording and
stays in stable English in the renderers.

>>> text("plan.heading", "nb", municipality="Eksempel kommune", scheme="kommunalt rusarbeid")
'Nedtrappingsplan — Eksempel kommune (kommunalt rusarbeid)'
>>> from nedtrapping.provenance import Status
>>> status_word(Status.UNCERTAIN, "nb", neuter=True)
'usikkert'
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from contextvars import ContextVar
from decimal import Decimal
from fractions import Fraction
from typing import Literal

import attrs

from nedtrapping.errors import NedtrappingError
from nedtrapping.readable import DEFAULT_LANG, LANGS, Lang, Readable

__all__ = [
    "Lang",
    "LANGS",
    "DEFAULT_LANG",
    "UnknownLanguageError",
    "check_lang",
    "text",
    "has_text",
    "status_word",
    "status_nb",
    "catalogue",
    "Notice",
    "FactName",
    "fact_label",
    "has_fact_label",
    "add_words",
    "Place",
    "Joined",
    "Lines",
    "Quoted",
    "Audience",
    "AUDIENCE",
    "Hint",
    "supply_hint",
    "percent_text",
]

class UnknownLanguageError(NedtrappingError, ValueError):
    """A language the catalogue does not have."""


def check_lang(lang: object) -> Lang:
    """``lang`` if the catalogue has it (``"nb"`` or ``"en"``), else :class:`UnknownLanguageError`."""
    if lang == "nb":
        return "nb"
    if lang == "en":
        return "en"
    raise UnknownLanguageError(Notice("model.language.unknown", {"lang": str(lang), "langs": ", ".join(LANGS)}),
                               field="lang", value=lang)


def status_word(status: enum.Enum, lang: Lang = DEFAULT_LANG, *, neuter: bool = False) -> str:
    """A :class:`~nedtrapping.provenance.Status` as a word in ``lang`` (``status.<value>`` in the catalogue).

    Typed as any enum: the statuses live in the rules' layer, which words itself through this one.

    ``neuter=True`` agrees with a neuter noun in Norwegian ("regelverket er usikkert").
    """
    lang = check_lang(lang)
    if neuter:
        word = _lookup(f"status.{status.value}.neuter", lang)
        if word is not None:
            return word
    return text(f"status.{status.value}", lang)


def status_nb(status: enum.Enum, *, neuter: bool = False) -> str:
    """A status in Norwegian (``status_word(status, "nb")``).

    >>> from nedtrapping.provenance import Status
    >>> status_nb(Status.PROVISIONAL)
    'foreløpig'
    """
    return status_word(status, "nb", neuter=neuter)


_LOCALE = "locale"
#: Words added at run time by a scheme outside the package (:func:`add_words`): id → {language → text}.
_ADDED: dict[str, dict[Lang, str]] = {}
_LOADED: dict[Lang, dict[str, str]] = {}


def _load(lang: Lang) -> dict[str, str]:
    """The catalogue of ``lang``: every ``.po`` file in ``nedtrapping/locale/<lang>/LC_MESSAGES``, read once.

    Why lazily: importing the library reads no file; the first word shown reads them (a few ms).
    An id in two files is an error naming both: each word is written once.
    """
    loaded = _LOADED.get(lang)
    if loaded is not None:
        return loaded
    from importlib.resources import files

    from nedtrapping.po import parse

    entries: dict[str, str] = {}
    where: dict[str, str] = {}
    folder = files("nedtrapping").joinpath(_LOCALE, lang, "LC_MESSAGES")
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if not item.name.endswith(".po"):
            continue
        for key, value in parse(item.read_text(encoding="utf-8"), f"{lang}/{item.name}").items():
            if key in entries:
                raise ValueError(f"wording {key!r} is in both {where[key]} and {item.name} ({lang})")  # developer: a wording id
            entries[key] = value
            where[key] = item.name
    _LOADED[lang] = entries
    return entries


def catalogue(lang: Lang) -> Mapping[str, str]:
    """Every wording id → its text in ``lang``: the ``.po`` files and the words schemes added."""
    merged = dict(_load(check_lang(lang)))
    merged.update({k: v[lang] for k, v in _ADDED.items()})
    return merged


def _lookup(key: str, lang: Lang) -> str | None:
    added = _ADDED.get(key)
    if added is not None:
        return added[lang]
    return _load(lang).get(key)


def _field_items(value: Mapping[str, object] | tuple[tuple[str, object], ...]) -> tuple[tuple[str, object], ...]:
    return tuple(sorted(dict(value).items()))


@attrs.frozen
class FactName:
    """A rule value's path in a notice's fields, shown as its label in the language (:func:`fact_label`)."""

    path: str

    def __str__(self) -> str:
        return self.path


def fact_label(path: str, lang: Lang = DEFAULT_LANG) -> str:
    """A rule value's name as people read it (``"trinn 2 i årsstigen"``); its path where the catalogue has none.

    A value in a list (``priorities[2]``) is labelled by its list's label and its number from 1
    (``fact.priorities[i]`` → «prioritering nr. 3»). The docs use this label too: one label catalogue.
    """
    lang = check_lang(lang)
    label = _lookup(f"fact.{path}", lang)
    if label is not None:
        return label
    generic = re.sub(r"\[\d+\]", "[i]", path)
    label = _lookup(f"fact.{generic}", lang)
    if label is None:
        return path
    numbers = ".".join(str(int(n) + 1) for n in re.findall(r"\[(\d+)\]", path))
    return text("fact.position_in_list", lang, label=label, numbers=numbers)


def has_fact_label(path: str) -> bool:
    """Whether the catalogue labels ``path`` (a test holds every rule value of every rule set to it)."""
    return fact_label(path, DEFAULT_LANG) != path


def add_words(entries: Mapping[str, Mapping[str, str]]) -> None:
    """Add a scheme's own words to the catalogue: each id in bokmål and English, none already taken.

    Why: a scheme's checks and notes are its words; they live in its module beside the rule
    they word, and reach every renderer through the one catalogue.
    """
    for key, entry in entries.items():
        if set(entry) != set(LANGS):
            raise ValueError(f"wording {key!r}: give exactly {', '.join(LANGS)}, got {', '.join(sorted(entry))}")  # developer: a wording id
        known = {lang: _lookup(key, lang) for lang in LANGS}
        if any(v is not None for v in known.values()) and known != dict(entry):
            raise ValueError(f"wording {key!r} is already in the catalogue with other words")  # developer: a wording id
        _ADDED[key] = {"nb": entry["nb"], "en": entry["en"]}


def percent_text(value: Fraction, *, decimal_comma: bool = True) -> str:
    """An exact percentage as people write it: ``50``, ``33,3`` (``33.3`` with ``decimal_comma=False``), no
    trailing zeros. Here, below the money module, so that money's errors can be worded by this catalogue;
    :func:`nedtrapping.money.format_percent` checks its argument and gives this.

    >>> percent_text(Fraction(333, 10))
    '33,3'
    """
    if value.denominator == 1:
        return str(value.numerator)
    text = format((Decimal(value.numerator) / Decimal(value.denominator)).normalize(), "f")
    return text.replace(".", ",") if decimal_comma else text


def _field_text(value: object, lang: Lang) -> object:
    """A field as the language writes it: a status as its word, a number with the language's decimal mark."""
    if isinstance(value, FactName):
        return fact_label(value.path, lang)
    if isinstance(value, Readable):
        return value.text(lang)
    if isinstance(value, bool):
        return text("word.yes" if value else "word.no", lang)
    if isinstance(value, Fraction):
        return percent_text(value, decimal_comma=lang == "nb")
    return value


@attrs.frozen
class Notice:
    """A message for people, kept as its wording id and fields until it is shown in a language.

    A :class:`~nedtrapping.provenance.Status` field is shown as the status word of the
    language, a :class:`~fractions.Fraction` with the language's decimal mark.

    >>> n = Notice("warning.grant_exceeds_cost", {"subject": "K / P", "year": 2023, "grant": "1 kr", "cost": "0 kr"})
    >>> n.text("en")
    'K / P 2023: the grant (1 kr) exceeds the full cost (0 kr); check the cost'
    """

    key: str
    #: The fields as sorted ``(name, value)`` pairs (hashable, so equal notices are kept once).
    fields: tuple[tuple[str, object], ...] = attrs.field(default=(), converter=_field_items)

    def text(self, lang: Lang = DEFAULT_LANG, /) -> str:
        fields = {k: _field_text(v, lang) for k, v in self.fields}
        return text(self.key, lang, **fields)

    def __str__(self) -> str:
        return self.text(DEFAULT_LANG)


def has_text(key: str) -> bool:
    """Whether the catalogue has ``key`` (in the default language; the catalogue test holds both to each other)."""
    return _lookup(key, DEFAULT_LANG) is not None


def text(key: str, lang: Lang = DEFAULT_LANG, /, **fields: object) -> str:
    """The text ``key`` in ``lang``, with ``fields`` filled in.

    A missing key is a :class:`KeyError` naming it (a renderer asked for wording that
    was never written), never an empty string.
    """
    template = _lookup(key, check_lang(lang))
    if template is None:
        raise KeyError(f"no wording {key!r} in the catalogue (nedtrapping/locale/{lang}/LC_MESSAGES/*.po)")  # developer: a wording id
    try:
        return template.format(**fields)
    except KeyError as exc:
        raise KeyError(f"wording {key!r} needs the field {exc.args[0]!r}") from None  # developer: a wording id


@attrs.frozen
class Place:
    """Where something is in the input (file, sheet, row, column, field), as the language words it."""

    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    field: str | None = None

    def text(self, lang: Lang = DEFAULT_LANG, /) -> str:
        parts = [self.file] if self.file else []
        for name in ("sheet", "row", "column", "field"):
            value = getattr(self, name)
            if value is not None and value != "":
                parts.append(text(f"place.{name}", lang, **{name: value}))
        return ", ".join(parts)

    def __str__(self) -> str:
        return self.text(DEFAULT_LANG)


def _error_place(error: NedtrappingError) -> Place:
    return Place(error.file, error.sheet, error.row, error.column, error.field)


NedtrappingError._place_words = _error_place


def _objects(items: Iterable[object]) -> tuple[object, ...]:
    return tuple(items)


def _readables(items: Iterable[Readable]) -> tuple[Readable, ...]:
    return tuple(items)


@attrs.frozen
class Joined:
    """Items joined by a word of the language (``"csv eller excel"``, ``"csv or excel"``): the word is ``sep``'s text."""

    items: tuple[object, ...] = attrs.field(converter=_objects)
    sep: str = "word.and_list"

    def text(self, lang: Lang = DEFAULT_LANG, /) -> str:
        return text(self.sep, lang).join(str(_field_text(i, lang)) for i in self.items)


@attrs.frozen
class Quoted:
    """Names as the language quotes them, in a list: «a», «b» in bokmål, 'a', 'b' in English."""

    names: tuple[str, ...]

    def text(self, lang: Lang = DEFAULT_LANG, /) -> str:
        return ", ".join(text("input.quoted", lang, name=name) for name in self.names)

    def __str__(self) -> str:
        return self.text(DEFAULT_LANG)


@attrs.frozen
class Lines:
    """Several messages, one per line, each in the language."""

    items: tuple[Readable, ...] = attrs.field(converter=_readables)

    def text(self, lang: Lang = DEFAULT_LANG, /) -> str:
        return "\n".join(i.text(lang) for i in self.items)


#: Who reads a hint: ``"file"`` (the command line, the workbook, the web page: a column or an option) or
#: ``"python"`` (a program: the call). The command line sets ``"file"`` for its run.
Audience = Literal["file", "python"]
#: The audience of the hints shown now (``"python"`` unless a command line, a workbook or a page sets ``"file"``).
AUDIENCE: ContextVar[Audience] = ContextVar("nedtrapping_audience", default="python")


@attrs.frozen
class Hint:
    """How to give a value, as the reader gives it: at the command line or in a file the column or option
    (``column``/``option``), in Python the call (``python``). Shown for :data:`~nedtrapping.wording.AUDIENCE`.

    >>> hint = Hint(column="fikk_tilskudd_2021", python="Position(options={'received_grant_in_2021': True})")
    >>> hint.text("nb")
    "med Position(options={'received_grant_in_2021': True})"
    >>> token = AUDIENCE.set("file"); hint.text("nb"); AUDIENCE.reset(token)
    'i en kolonne fikk_tilskudd_2021'
    """

    column: str | None = None
    option: str | None = None
    python: str | None = None

    def text(self, lang: Lang = DEFAULT_LANG, /) -> str:
        if AUDIENCE.get() == "python" and self.python:
            return text("hint.python", lang, call=self.python)
        if self.column and self.option:
            return text("hint.column_or_option", lang, column=self.column, option=self.option)
        if self.column:
            return text("hint.column", lang, column=self.column)
        if self.option:
            return text("hint.option", lang, option=self.option)
        return text("hint.python", lang, call=self.python or "")


def supply_hint(path: str, year: int) -> Hint:
    """How to supply the rule value ``path`` of ``year``: ``--supply`` at the command line, ``RuleSet.supply`` in Python."""
    return Hint(option=f"--supply {year}:{path}=… --ladder-source \"…\"",
                python=f"rules.supply({path!r}, …, source=\"Tilsagnsbrev {year}, …\")")
