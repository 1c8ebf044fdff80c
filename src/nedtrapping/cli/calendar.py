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
from nedtrapping.cli.language import add_lang_option, os_error_text
from nedtrapping.errors import ExitCode, InvalidValueError, NedtrappingError
from nedtrapping.wording import Lang, Notice, text

__all__ = ["register", "run"]


def register(sub: Any, lang: Lang) -> None:
    """``nedtrapping calendar``, its help in ``lang``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "calendar", help=text("cli.calendar.help", lang), description=text("cli.calendar.description", lang))
    p.add_argument("--county", metavar=text("cli.metavar.county", lang), help=text("cli.calendar.help.county", lang))
    p.add_argument("--now", metavar=text("cli.metavar.moment", lang), help=text("cli.calendar.help.now", lang))
    p.add_argument("--days", type=int, metavar=text("cli.metavar.days", lang), help=text("cli.calendar.help.days", lang))
    for flag in ("ics", "csv", "markdown"):
        p.add_argument(f"--{flag}", metavar=text("cli.metavar.file", lang), help=text(f"cli.calendar.help.{flag}", lang))
    add_lang_option(p, lang, "cli.calendar.help.lang")
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
                raise InvalidValueError(Notice("cli.days_needs_now"), field="--days")
            entries = upcoming(now, args.days, county=args.county)
        else:
            entries = calendar_entries(county=args.county)
    except (UnknownCountyError, NaiveDatetimeError, ValueError, TypeError, OverflowError) as exc:
        print(f"nedtrapping calendar: {exc.text(args.lang) if isinstance(exc, NedtrappingError) else exc}",
              file=sys.stderr)
        return ExitCode.BAD_INPUT
    files = [(flag, Path(value)) for flag, value in (("--ics", args.ics), ("--csv", args.csv),
                                                     ("--markdown", args.markdown)) if value and value != "-"]
    for i, (flag, path) in enumerate(files):
        for other_flag, other in files[i + 1:]:
            if same_file(path, other):
                message = text("cli.same_file", args.lang, flag=flag, other=other_flag, path=path)
                print(f"nedtrapping calendar: {message}", file=sys.stderr)
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
        print(f"nedtrapping calendar: {text('cli.calendar.cannot_write', args.lang, reason=os_error_text(exc, args.lang))}",
              file=sys.stderr)
        return ExitCode.BAD_INPUT
    if not wrote:
        sys.stdout.write(to_text(entries, now=now, lang=args.lang))
    return 0
