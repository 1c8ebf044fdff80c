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
from nedtrapping.errors import ExitCode
from nedtrapping.registry import DEFAULT_SCHEME, position_scheme_ids
from nedtrapping.render import xlsx_words  # noqa: F401 - registers the words used here
from nedtrapping.wording import LANGS, Lang, text

__all__ = ["register", "run_mal"]


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "mal",
        help="the blank plan workbook (.xlsx): type the positions in, the formulas plan them",
        description="Write the plan workbook with empty position rows and every formula in place: type in the "
                    "positions (one row per year) and read the plan in Excel or LibreOffice, without Python.",
    )
    p.add_argument("--out", default="mal.xlsx", metavar="FILE.xlsx",
                   help="where to write the workbook (.xlsx; default mal.xlsx in the current folder)")
    p.add_argument("--scheme", default=DEFAULT_SCHEME, choices=position_scheme_ids(),
                   help=f"the scheme (default {DEFAULT_SCHEME})")
    p.add_argument("--positions", type=int, default=None, metavar="N",
                   help="how many empty positions (one row per year each; default 40)")
    p.add_argument("--lang", default="nb", choices=LANGS, help="language of the workbook (default nb: bokmål)")
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
