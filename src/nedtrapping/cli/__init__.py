"""The ``nedtrapping`` command line: ``plan`` (the main job), ``calendar`` and ``rules``."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from nedtrapping._version import __version__
from nedtrapping.cli import calendar as calendar_cli
from nedtrapping.cli import plan as plan_cli
from nedtrapping.cli import rules as rules_cli

__all__ = ["main", "build_parser"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nedtrapping",
        description="Exact, traceable phase-down of Norwegian state grants to municipalities.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    plan_cli.register(sub)
    calendar_cli.register(sub)
    rules_cli.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except BrokenPipeError:  # e.g. `nedtrapping plan | head`
        return 0

