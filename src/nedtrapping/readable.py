"""What people read, before it is put in a language: the protocol every message meets.

Why its own module: errors, rule values and notices all hold words that are shown later,
in the reader's language; they need to *hold* a message without importing the catalogue
(which sits above them). A :class:`Readable` is anything with ``text(lang)`` — in practice a
:class:`~nedtrapping.wording.Notice` (a wording id and its fields).
"""

from __future__ import annotations

from typing import Literal, Protocol, runtime_checkable

__all__ = ["Lang", "LANGS", "DEFAULT_LANG", "Readable", "read"]

#: A language of the wording: ``"nb"`` (norsk bokmål) or ``"en"`` (English).
Lang = Literal["nb", "en"]
#: Every language the catalogue has, the default first.
LANGS: tuple[Lang, ...] = ("nb", "en")
#: The language people read unless they ask for another (``--lang en``, ``NEDTRAPPING_LANG=en``).
DEFAULT_LANG: Lang = "nb"


@runtime_checkable
class Readable(Protocol):
    """Words that can be shown in a language."""

    def text(self, lang: Lang = DEFAULT_LANG, /) -> str: ...


def read(value: Readable | str | None, lang: Lang = DEFAULT_LANG) -> str:
    """``value`` as people read it in ``lang`` (a plain string as it is; ``None`` as empty)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return value.text(lang)
