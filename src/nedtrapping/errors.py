"""One family of errors, and the exit codes every command uses.

Why: a program embedding the library catches :class:`NedtrappingError` and knows it
is a problem the library found on purpose (bad input, an unknown rule value, a
missing optional dependency) — not a bug. Each error can say *where* (file, sheet,
row, column, field), *what was there* and *what was expected*; the command line
prints one readable line per problem and no traceback (unless ``--debug``).

The concrete errors keep their familiar bases too (a :class:`~nedtrapping.money.FloatRefusedError` is
still a :class:`TypeError`, a :class:`~nedtrapping.readers.table.PositionsCSVError` still a :class:`ValueError`),
so existing ``except`` clauses keep working. A value of the wrong type given to the library
(``round_half_up_to_kroner(5)``, ``Position(received_grant_in_2021="nei")``) is an
:class:`InvalidTypeError` (a :class:`TypeError`), a value out of range or in conflict an
:class:`InvalidValueError` (a :class:`ValueError`); never an ``AttributeError`` from inside.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import ClassVar

from nedtrapping.readable import DEFAULT_LANG, Lang, Readable, read

__all__ = ["NedtrappingError", "InvalidTypeError", "InvalidValueError", "ExitCode"]


class ExitCode(enum.IntEnum):
    """The exit status of every ``nedtrapping`` command."""

    #: Done; every figure is known.
    OK = 0
    #: The input is wrong (a file, a cell, an option's value): every problem is listed on stderr, nothing is written.
    BAD_INPUT = 1
    #: The command line itself is wrong (an unknown option, a missing argument): argparse's usage error.
    USAGE = 2
    #: The plan was written, but some figures are unknown (listed, with how to supply them).
    INCOMPLETE = 3
    #: A bug: something the library did not foresee (run again with ``--debug`` for the traceback).
    INTERNAL = 70
    #: Ended by SIGHUP (the terminal closed): 128 + 1, as a shell reports it; temporary files removed.
    HANGUP = 129
    #: Ended by Ctrl-C (SIGINT): 128 + 2; one line on stderr, temporary files removed, nothing written.
    INTERRUPTED = 130
    #: The reader of the output went away (the output piped to ``head``, which stops reading): 128 + 13 (SIGPIPE),
    #: quietly.
    BROKEN_PIPE = 141
    #: Ended by SIGTERM: 128 + 15; one line on stderr, temporary files removed, nothing written.
    TERMINATED = 143


class NedtrappingError(Exception):
    """Base of every error the library raises on purpose.

    The message is words for people — a :class:`~nedtrapping.wording.Notice` (a wording id and
    its fields), shown in bokmål by ``str(error)`` and in any language by :meth:`text`. ``file``,
    ``sheet``, ``row``, ``column`` and ``field`` say where, ``value`` what was there and
    ``expected`` what should have been; all optional, all kept as attributes for programs.

    >>> from nedtrapping.wording import Notice
    >>> error = NedtrappingError(Notice("error.example", {"value": "0001"}), file="p.csv", row=3,
    ...                          column="kostnadsår", value="0001")
    >>> str(error)
    'p.csv, rad 3, kolonne «kostnadsår»: «0001» er ikke et årstall fra 2000 til 2100'
    >>> error.text("en")
    "p.csv, row 3, column 'kostnadsår': '0001' is not a year from 2000 to 2100"
    """

    #: The exit status a command gives for this error.
    exit_code: ExitCode = ExitCode.BAD_INPUT

    def __init__(self, message: Readable, *, file: str | None = None, sheet: str | None = None,
                 row: int | None = None, column: str | None = None, field: str | None = None,
                 value: object = None, expected: Readable | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.field = field
        self.value = value
        self.expected = expected

    def text(self, lang: Lang = DEFAULT_LANG, /) -> str:
        """The message in ``lang``, after its place (file, sheet, row, column) when it has one."""
        message = read(self.message, lang)
        place = self.place
        return f"{place.text(lang)}: {message}" if place is not None else message

    @property
    def place(self) -> Readable | None:
        """Where, as words (``None`` when the error has no place, or its message already says it)."""
        words = NedtrappingError._place_words  # through the class: a plain function, not a method
        if words is None or not any((self.file, self.sheet, self.row is not None, self.column, self.field)):
            return None
        return words(self)

    #: Set by :mod:`nedtrapping.wording`, which words a place; the error only holds the facts.
    _place_words: ClassVar[Callable[[NedtrappingError], Readable] | None] = None

    def __str__(self) -> str:
        return self.text(DEFAULT_LANG)


class InvalidTypeError(NedtrappingError, TypeError):
    """A value of the wrong type given to the library: ``field`` names it, ``expected`` says what it should be.

    >>> from nedtrapping.rounding import round_half_up_to_kroner
    >>> try:
    ...     round_half_up_to_kroner(5)
    ... except InvalidTypeError as error:
    ...     print(error.field, "|", error.text("en"))
    amount | field 'amount': expected Money or ExactAmount (e.g. Money.kroner(5)), got int 5
    """


class InvalidValueError(NedtrappingError, ValueError):
    """A value of the right type that is out of range or in conflict with another: ``field`` names it."""
