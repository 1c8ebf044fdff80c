"""The command line's language: chosen once (``--lang``, ``NEDTRAPPING_LANG``), used by every word it shows.

Why its own module: the help of every command, argparse's own messages and the refusals of the
operating system are all shown in the language the person chose, before and after parsing.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sys
from collections.abc import Iterator, Mapping, Sequence

from nedtrapping.wording import DEFAULT_LANG, LANGS, Lang, has_text, text

__all__ = ["choose_lang", "add_lang_option", "argparse_words", "os_reason", "os_error_text"]


def choose_lang(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> Lang:
    """The language of a command line: ``--lang`` if given, else ``NEDTRAPPING_LANG``, else bokmål.

    Why before parsing: the help texts and argparse's own messages are in this language too.
    An unknown ``NEDTRAPPING_LANG`` is said once on stderr and bokmål is used; an unknown ``--lang``
    is argparse's usage error.
    """
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = arg.partition("=")[2] if arg.startswith("--lang=") else (
            argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None)
        if value in LANGS:
            return "en" if value == "en" else "nb"
    env = (os.environ if environ is None else environ).get("NEDTRAPPING_LANG", "").strip()
    if env in LANGS:
        return "en" if env == "en" else "nb"
    if env:
        print(f"nedtrapping: {text('cli.bad_env_lang', DEFAULT_LANG, value=env)}", file=sys.stderr)
    return DEFAULT_LANG


def add_lang_option(parser: argparse.ArgumentParser, lang: Lang, help_key: str = "cli.help.lang") -> None:
    """``--lang nb|en`` on a command: its default is the language chosen for the whole command line."""
    parser.add_argument("--lang", default=lang, choices=LANGS, help=text(help_key, lang))


@contextlib.contextmanager
def argparse_words(lang: Lang) -> Iterator[None]:
    """argparse's own words ("usage:", "the following arguments are required") from the catalogue.

    argparse looks its messages up through module-level ``_``/``ngettext`` (gettext) each time it
    shows one; for the length of a command they answer from ``argparse:<message>`` in the catalogue.
    """
    before = (argparse._, argparse.ngettext)  # type: ignore[attr-defined]

    def words(message: str) -> str:
        key = f"argparse:{message}"
        return text(key, lang) if has_text(key) else message

    def plural(singular: str, plural_: str, n: int) -> str:
        return words(singular if n == 1 else plural_)

    argparse._ = words  # type: ignore[attr-defined]
    argparse.ngettext = plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = before  # type: ignore[attr-defined]


def os_reason(exc: OSError, lang: Lang) -> str:
    """Why the operating system refused, in the reader's language: the words for its errno
    (``input.os.<ERRNO>``), else the system's own reason."""
    code = errno.errorcode.get(exc.errno or -1, "")
    key = f"input.os.{code}"
    return text(key, lang) if code and has_text(key) else text("oserror.other", lang, reason=exc.strerror or exc)


def os_error_text(exc: OSError, lang: Lang) -> str:
    """An operating system's refusal in the reader's language: the file, then :func:`os_reason`."""
    name = f"{exc.filename}: " if exc.filename else ""
    return text("cli.os_error", lang, name=name, reason=os_reason(exc, lang))
