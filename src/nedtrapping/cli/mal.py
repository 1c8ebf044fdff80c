"""``nedtrapping mal``: the blank plan workbook, for a finance officer who plans in Excel alone.

Why: not everyone who plans a phase-down has Python. The blank workbook
(:func:`nedtrapping.render.xlsx.template_xlsx_bytes`) has the same sheets and formulas as a
plan's: empty position rows, one per year, and the rates of every cell with their sources, so
a position typed in is planned by the formulas.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from nedtrapping.cli.files import write_atomically
from nedtrapping.cli.language import add_lang_option
from nedtrapping.errors import ExitCode
from nedtrapping.registry import DEFAULT_SCHEME, position_scheme_ids
from nedtrapping.wording import Lang, text

__all__ = ["register", "run_mal"]


def register(sub: Any, lang: Lang) -> None:
    """``nedtrapping mal``, its help in ``lang``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "mal", help=text("cli.mal.help", lang), description=text("cli.mal.description", lang))
    p.add_argument("--out", default="mal.xlsx", metavar=text("cli.metavar.xlsx", lang), help=text("cli.mal.help.out", lang))
    p.add_argument("--scheme", default=DEFAULT_SCHEME, choices=position_scheme_ids(),
                   help=text("cli.mal.help.scheme", lang, default=DEFAULT_SCHEME))
    p.add_argument("--positions", type=int, default=None, metavar=text("cli.metavar.n", lang),
                   help=text("cli.mal.help.positions", lang))
    add_lang_option(p, lang, "cli.mal.help.lang")
    p.set_defaults(run=run_mal)


def run_mal(args: argparse.Namespace) -> int:
    from nedtrapping.render.xlsx import TEMPLATE_POSITIONS, template_xlsx_bytes

    out = Path(args.out)
    lang: Lang = "en" if args.lang == "en" else "nb"
    if out.suffix.lower() != ".xlsx":
        print(f"nedtrapping mal: {text('xlsx.cli.out_suffix', lang, path=out)}", file=sys.stderr)
        return int(ExitCode.USAGE)
    data = template_xlsx_bytes(args.scheme, lang=lang,
                               positions=TEMPLATE_POSITIONS if args.positions is None else args.positions)
    write_atomically(out, data, command="mal", lang=lang)
    return int(ExitCode.OK)
