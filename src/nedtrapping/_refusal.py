"""Words for a refused value: what was expected, and what was given.

Why: most refusals of the library's model say the same thing — "expected X, got Y" — about
different values; the sentence is worded once in the catalogue (``model.expected_got``) and
each refusal names only what it expected (a ``model.expect.*`` wording).
"""

from __future__ import annotations

from nedtrapping.readable import Readable
from nedtrapping.wording import Notice

__all__ = ["got", "expect", "expected_got", "expected_shown"]


def got(value: object) -> str:
    """The value given, as a programmer reads it: its type and ``repr`` (``str '700000'``)."""
    return f"{type(value).__name__} {value!r}"


def expect(key: str, /, **fields: object) -> Notice:
    """What was expected: the wording ``model.expect.<key>``."""
    return Notice(f"model.expect.{key}", fields)


def expected_got(expected: Readable, value: object) -> Notice:
    """«forventet …, fikk …» / "expected …, got …" with ``value`` as :func:`got` shows it."""
    return Notice("model.expected_got", {"expected": expected, "got": got(value)})


def expected_shown(expected: Readable, shown: object) -> Notice:
    """«forventet …, fikk …» / "expected …, got …" with the value already written as the reader should see it
    (a cell's text, a ``repr``): the same one sentence as :func:`expected_got`."""
    return Notice("model.expected_got", {"expected": expected, "got": shown})
