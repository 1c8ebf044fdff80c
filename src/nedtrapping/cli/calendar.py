"""``nedtrapping calendar``: print the grant calendar, or write it as .ics, CSV or Markdown.

Why a thin module: the calendar and its queries live in :mod:`nedtrapping.calendar`,
its outputs in :mod:`nedtrapping.render.calendar` and :mod:`nedtrapping.render.ics`;
this only parses arguments, so ``cli.py`` stays a list of subcommands.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from nedtrapping.cli.files import same_file, write_atomically
from nedtrapping.errors import ExitCode
from nedtrapping.wording import LANGS, Lang

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "calendar",
        help="the grant calendar with deadlines (uncertainty shown)",
        description="Every deadline of every known scheme, with who may apply and how sure the sources are.",
    )
    p.add_argument("--county", help="a Statsforvalter region, e.g. 'Nordland': its own dates plus the national ones")
    p.add_argument("--now", help="the moment to count from: ISO 8601 with an offset (e.g. 2022-01-28T09:00+01:00, "
                                 "or Z for UTC), or a plain date (2022-02-01 = 00:00 Europe/Oslo)")
    p.add_argument("--days", type=int, help="only deadlines within this many days after --now (approximate ones, "
                                            "marked ≈, when their period overlaps)")
    p.add_argument("--ics", metavar="FILE", help="write the calendar as iCalendar (.ics) to FILE")
    p.add_argument("--csv", metavar="FILE", help="write the calendar as CSV to FILE ('-' for standard output)")
    p.add_argument("--markdown", metavar="FILE", help="write the calendar as Markdown to FILE ('-' for standard output)")
    p.add_argument("--lang", default="nb", choices=LANGS,
                   help="language of the text, Markdown and .ics: nb (norsk bokmål, default) or en; "
                        "the CSV's columns and values stay English")
    p.set_defaults(run=run)


def _write(target: str, text: str, lang: Lang) -> None:
    """``-`` is standard output; a file is written whole or not at all, and a replaced one is named."""
    if target == "-":
        sys.stdout.write(text)
    else:
        # the text's own line ends are kept (the .ics has CRLF already)
        write_atomically(Path(target), text.encode("utf-8"), command="calendar", lang=lang)


def run(args: argparse.Namespace) -> int:
    """Print or write the calendar; :attr:`~nedtrapping.errors.ExitCode.BAD_INPUT` for bad input (the reason on stderr), else 0."""
    # imported here, not at the top: the calendar needs pendulum, which no other command should pay for
    from nedtrapping.calendar import UnknownCountyError, calendar_entries, to_moment, upcoming
    from nedtrapping.deadlines import NaiveDatetimeError
    from nedtrapping.render.calendar import to_csv, to_markdown, to_text

    try:
        now = to_moment(args.now, where="--now") if args.now else None
        if args.days is not None:
            if now is None:
                raise ValueError("--days needs --now (the library never reads the clock)")
            entries = upcoming(now, args.days, county=args.county)
        else:
            entries = calendar_entries(county=args.county)
    except (UnknownCountyError, NaiveDatetimeError, ValueError, TypeError, OverflowError) as exc:
        print(f"nedtrapping calendar: {exc}", file=sys.stderr)
        return ExitCode.BAD_INPUT
    files = [(flag, Path(value)) for flag, value in (("--ics", args.ics), ("--csv", args.csv),
                                                     ("--markdown", args.markdown)) if value and value != "-"]
    for i, (flag, path) in enumerate(files):
        for other_flag, other in files[i + 1:]:
            if same_file(path, other):
                print(f"nedtrapping calendar: {flag} and {other_flag} name the same file ({path}); name two files",
                      file=sys.stderr)
                return ExitCode.BAD_INPUT
    wrote = False
    try:
        if args.ics:
            # imported here: icalendar takes ~50 ms to import, which no other command should pay
            from nedtrapping.render.ics import to_ics

            _write(args.ics, to_ics(entries, stamp=now, lang=args.lang), args.lang)
            wrote = True
        if args.csv:
            _write(args.csv, to_csv(entries, lang=args.lang), args.lang)
            wrote = True
        if args.markdown:
            _write(args.markdown, to_markdown(entries, lang=args.lang), args.lang)
            wrote = True
    except OSError as exc:
        print(f"nedtrapping calendar: cannot write: {exc}", file=sys.stderr)
        return ExitCode.BAD_INPUT
    if not wrote:
        sys.stdout.write(to_text(entries, now=now, lang=args.lang))
    return 0
