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
from nedtrapping.errors import ExitCode, NedtrappingError
from nedtrapping.wording import Lang, text

__all__ = ["main", "build_parser", "Interrupted"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nedtrapping",
        description="Exact, traceable phase-down of Norwegian state grants to municipalities.",
        epilog="Exit status: 0 done; 1 bad input (every problem listed); 2 bad command line; "
               "3 plan written but some figures unknown; 70 a bug (run again with --debug); "
               "129 ended by SIGHUP, 130 by Ctrl-C, 143 by SIGTERM (nothing written); 141 output pipe closed.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an error instead of one line")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    plan_cli.register(sub)
    calendar_cli.register(sub)
    rules_cli.register(sub)
    mal_cli.register(sub)
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
    parser = build_parser()
    args = parser.parse_args(argv)
    previous = _catch_signals()
    try:
        return _run(args)
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _run(args: argparse.Namespace) -> int:
    lang: Lang = "en" if getattr(args, "lang", "nb") == "en" else "nb"
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
        where = f"{exc.where}: " if exc.where and exc.where not in str(exc) else ""
        print(f"nedtrapping {args.command}: {where}{exc}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:
        if args.debug:
            raise
        name = f"{exc.filename}: " if exc.filename else ""
        print(f"nedtrapping {args.command}: {name}{exc.strerror or exc}", file=sys.stderr)
        return ExitCode.BAD_INPUT
    except Exception as exc:  # a bug: say so plainly, keep the traceback for --debug
        if args.debug:
            raise
        print(f"nedtrapping {args.command}: internal error ({type(exc).__name__}: {exc}); this is a bug in "
              "nedtrapping — run again with --debug for the traceback and report it", file=sys.stderr)
        return ExitCode.INTERNAL
