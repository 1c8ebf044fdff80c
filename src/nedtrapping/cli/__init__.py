"""The ``nedtrapping`` command line: ``plan`` (the main job), ``calendar`` and ``rules``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from nedtrapping._version import __version__
from nedtrapping.cli import calendar as calendar_cli
from nedtrapping.cli import plan as plan_cli
from nedtrapping.cli import rules as rules_cli
from nedtrapping.errors import ExitCode, NedtrappingError

__all__ = ["main", "build_parser"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nedtrapping",
        description="Exact, traceable phase-down of Norwegian state grants to municipalities.",
        epilog="Exit status: 0 done; 1 bad input (every problem listed); 2 bad command line; "
               "3 plan written but some figures unknown; 70 a bug (run again with --debug).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an error instead of one line")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    plan_cli.register(sub)
    calendar_cli.register(sub)
    rules_cli.register(sub)
    return parser


def _readable_streams() -> None:
    """A terminal that is not UTF-8 gets ``?`` for a character it cannot show, never a traceback."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if encoding != "utf8" and reconfigure is not None:
            reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; the exit status is an :class:`~nedtrapping.errors.ExitCode`.

    A problem the library found (:class:`~nedtrapping.errors.NedtrappingError`) or one
    with a file (:class:`OSError`) is one readable line on stderr; anything else is a
    bug, reported as such. ``--debug`` shows the traceback instead.
    """
    _readable_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except BrokenPipeError:  # e.g. `nedtrapping plan | head`
        return ExitCode.OK
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

