"""The ``nedtrapping`` command line: ``plan`` (the main job), ``calendar`` and ``rules``."""

from __future__ import annotations

import argparse
import io
import os
import signal
import sys
import threading
from collections.abc import Sequence
from typing import Any

from nedtrapping._version import __version__
from nedtrapping.cli import calendar as calendar_cli
from nedtrapping.cli import mal as mal_cli
from nedtrapping.cli import plan as plan_cli
from nedtrapping.cli import rules as rules_cli
from nedtrapping.cli import serve as serve_cli
from nedtrapping.cli.language import add_lang_option, argparse_words, choose_lang, os_error_text
from nedtrapping.errors import ExitCode, NedtrappingError
from nedtrapping.wording import AUDIENCE, DEFAULT_LANG, Lang, text

__all__ = ["main", "build_parser", "Interrupted"]


def build_parser(lang: Lang = DEFAULT_LANG) -> argparse.ArgumentParser:
    """The command line's parser, its help in ``lang``."""
    parser = argparse.ArgumentParser(prog="nedtrapping", description=text("cli.description", lang),
                                     epilog=text("cli.epilog", lang))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help=text("cli.help.version", lang))
    parser.add_argument("--debug", action="store_true", help=text("cli.help.debug", lang))
    add_lang_option(parser, lang)
    sub = parser.add_subparsers(dest="command", metavar=text("cli.metavar.command", lang))
    sub.required = True
    plan_cli.register(sub, lang)
    calendar_cli.register(sub, lang)
    rules_cli.register(sub, lang)
    serve_cli.register(sub, lang)
    mal_cli.register(sub, lang)
    return parser


def _readable_streams() -> None:
    """A terminal that is not UTF-8 gets ``?`` for a character it cannot show, never a traceback."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if encoding != "utf8" and reconfigure is not None:
            reconfigure(errors="replace")


class Interrupted(BaseException):
    """A signal that ends the command (SIGTERM, SIGHUP), raised where the program is, so that every
    ``finally`` and clean-up runs (a half-written temporary file is removed) before the command ends."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise_interrupted(signum: int, _frame: object) -> None:
    raise Interrupted(signum)


def _catch_signals() -> dict[int, Any]:
    """SIGTERM and SIGHUP raise :class:`Interrupted` (the main thread only; elsewhere nothing changes)."""
    previous: dict[int, Any] = {}
    if threading.current_thread() is not threading.main_thread():
        return previous
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            previous[number] = signal.signal(number, _raise_interrupted)
    return previous


def _quiet_stdout() -> None:
    """After a broken pipe: stdout goes nowhere, so the interpreter's last flush says nothing either."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass  # a stdout without a file (a test's capture): nothing to quiet


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; the exit status is an :class:`~nedtrapping.errors.ExitCode`.

    A problem the library found (:class:`~nedtrapping.errors.NedtrappingError`) or one
    with a file (:class:`OSError`) is one readable line on stderr; anything else is a
    bug, reported as such. ``--debug`` shows the traceback instead. Ctrl-C, SIGTERM and
    SIGHUP end the command with one line and the conventional status (128 + the signal),
    after removing any temporary file; a closed output pipe (``| head``) ends quietly.
    """
    _readable_streams()
    arguments = list(sys.argv[1:] if argv is None else argv)
    lang = choose_lang(arguments)
    with argparse_words(lang):
        args = build_parser(lang).parse_args(arguments)
    previous = _catch_signals()
    audience = AUDIENCE.set("file")  # hints name a column or an option, not a Python call
    try:
        return _run(args)
    finally:
        AUDIENCE.reset(audience)
        for number, handler in previous.items():
            signal.signal(number, handler)


def _run(args: argparse.Namespace) -> int:
    lang: Lang = "en" if getattr(args, "lang", DEFAULT_LANG) == "en" else "nb"
    try:
        return int(args.run(args))
    except BrokenPipeError:  # e.g. `nedtrapping plan | head`
        _quiet_stdout()
        return ExitCode.BROKEN_PIPE
    except (KeyboardInterrupt, Interrupted) as exc:
        if args.debug:
            raise
        number = exc.signum if isinstance(exc, Interrupted) else signal.SIGINT
        code = {signal.SIGINT: ExitCode.INTERRUPTED, getattr(signal, "SIGHUP", -1): ExitCode.HANGUP}.get(
            number, ExitCode.TERMINATED)
        print(f"nedtrapping {args.command}: {text('cli.interrupted', lang, signal=signal.Signals(number).name)}",
              file=sys.stderr)
        return code
    except MemoryError:
        if args.debug:
            raise
        print(f"nedtrapping {args.command}: {text('cli.out_of_memory', lang)}", file=sys.stderr)
        return ExitCode.BAD_INPUT
    except NedtrappingError as exc:
        if args.debug:
            raise
        print(f"nedtrapping {args.command}: {exc.text(lang)}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:
        if args.debug:
            raise
        print(f"nedtrapping {args.command}: {os_error_text(exc, lang)}", file=sys.stderr)
        return ExitCode.BAD_INPUT
    except Exception as exc:  # a bug: say so plainly, keep the traceback for --debug
        if args.debug:
            raise
        print(f"nedtrapping {args.command}: {text('cli.internal_error', lang, kind=type(exc).__name__, detail=exc)}",
              file=sys.stderr)
        return ExitCode.INTERNAL
