"""``nedtrapping plan``: the phase-down plan of a municipality on the command line.

Exit status: 0 the plan is complete; 1 the input is wrong (every problem is
listed on stderr, nothing is planned); 3 the plan was written but some figures
are unknown (listed on stderr, with how to supply them).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from nedtrapping.errors import ExitCode
from nedtrapping.example import EXAMPLE_CSV_NAME, example_positions
from nedtrapping.money import Money, parse_kroner
from nedtrapping.plan import DEFAULT_SCHEME, Plan, plan_municipality
from nedtrapping.positions_csv import PositionsCSVError, read_positions_csv
from nedtrapping.provenance import Citation, Status
from nedtrapping.registry import UnknownSchemeError, position_scheme
from nedtrapping.render import plan as render_plan
from nedtrapping.ruleset import RuleSet
from nedtrapping.schemes.kommunalt_rusarbeid import KommunaltRusarbeidRules
from nedtrapping.wording import LANGS, Lang, check_lang, text

__all__ = ["register", "run_plan", "EXIT_OK", "EXIT_BAD_INPUT", "EXIT_INCOMPLETE"]

EXIT_OK = ExitCode.OK
EXIT_BAD_INPUT = ExitCode.BAD_INPUT
EXIT_INCOMPLETE = ExitCode.INCOMPLETE
_STEP = re.compile(r"^(?:(?P<year>\d{4}):)?(?P<step>[1-4])=(?P<amount>.+)$")


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "plan",
        help="the phase-down plan of a municipality (kommunalt rusarbeid, or --scheme)",
        description=(
            "Plan grants, full cost and own financing per position and year. With no FILE, plans the "
            "embedded example municipality and prints a table. With FILE (CSV, English or Norwegian "
            "headers), writes the plan as CSV."
        ),
        epilog="Exit status: 0 complete, 1 bad input, 3 plan written but some figures unknown.",
    )
    p.add_argument("--scheme", default=DEFAULT_SCHEME, metavar="ID",
                   help=f"the scheme to plan (default {DEFAULT_SCHEME}; also nav-sosiale-tjenester)")
    p.add_argument("--lang", default="nb", choices=LANGS,
                   help="language of the table, Markdown and messages: nb (norsk bokmål, default) or en; "
                        "CSV and JSON keys stay English")
    p.add_argument("file", nargs="?", help="positions CSV or .xlsx workbook (omit for the embedded example)")
    p.add_argument("--sheet", metavar="NAME", help="with an .xlsx file: the sheet to read (default: the first)")
    p.add_argument("--out", "-o", metavar="FILE",
                   help="write the plan to FILE instead of stdout (FILE.xlsx: a workbook with totals, "
                        "warnings and explanations)")
    p.add_argument("--format", "-f", choices=("table", "csv", "json", "markdown"),
                   help="output format (default: table for the example, csv for a file)")
    p.add_argument("--ladder-step", action="append", default=[], metavar="[YEAR:]STEP=KRONER",
                   help="supply an unknown ladder step from your grant letter, e.g. 2022:3=AMOUNT "
                        "(YEAR defaults to 2022; needs --ladder-source); may be repeated")
    p.add_argument("--ladder-source", metavar="TEXT", default=None,
                   help="the grant letter the --ladder-step amounts come from (recorded as their source)")
    p.add_argument("--years", metavar="FROM-TO", help="the years to plan, e.g. 2021-2026 (default 2022-2025)")
    p.add_argument("--explain", action="store_true", help="with the table: explain every figure")
    p.set_defaults(run=run_plan)


class _UsageError(ValueError):
    pass


def _parse_years(text: str | None) -> list[int] | None:
    if text is None:
        return None
    m = re.fullmatch(r"\s*(\d{4})\s*(?:-\s*(\d{4})\s*)?", text)
    if not m:
        raise _UsageError(f"--years: {text!r} is not a year or a range like 2022-2025")
    first, last = int(m.group(1)), int(m.group(2) or m.group(1))
    if last < first:
        raise _UsageError(f"--years: {text!r} ends before it starts")
    return list(range(first, last + 1))


def _supplied_rules(steps: list[str], source_text: str | None, scheme_id: str) -> dict[int, RuleSet]:
    rules: dict[int, RuleSet] = {}
    problems = []
    if steps and not (source_text and source_text.strip()):
        raise _UsageError(
            "--ladder-step needs --ladder-source naming the grant letter the amount comes from, "
            "e.g. --ladder-source \"Tilsagnsbrev 2022, Eksempel kommune\""
        )
    if not steps:
        return rules
    scheme = position_scheme(scheme_id)
    source = Citation(document=(source_text or "").strip(), tag="USER")
    for raw in steps:
        m = _STEP.match(raw.strip())
        if not m:
            problems.append(f"--ladder-step {raw!r}: expected [YEAR:]STEP=KRONER with STEP 1–4, e.g. 2022:3=AMOUNT")
            continue
        year = int(m.group("year") or 2022)
        try:
            amount: Money = parse_kroner(m.group("amount"), where=f"--ladder-step {raw!r}")
            base = rules.get(year) or scheme.rules_for(year)
            if not isinstance(base, KommunaltRusarbeidRules):
                raise ValueError(f"{scheme_id} has no ladder steps")
            rules[year] = base.with_ladder_step(int(m.group("step")), amount, source)
        except (ValueError, LookupError, TypeError) as exc:
            problems.append(f"--ladder-step {raw!r}: {exc}")
    if problems:
        raise _UsageError("\n".join(problems))
    return rules


def _render(plan: Plan, fmt: str, explain: bool, lang: Lang) -> str:
    if fmt == "csv":
        return render_plan.to_csv(plan)
    if fmt == "json":
        return render_plan.to_json(plan)
    if fmt == "markdown":
        return render_plan.to_markdown(plan, explain=explain, lang=lang)
    return render_plan.to_text(plan, explain=explain, lang=lang)


def _stream(plan: Plan, fmt: str, explain: bool, out: str | None) -> None:
    """CSV or JSON to ``out`` (or stdout), row by row; JSON names each row's rule cell unless ``--explain``."""
    def write(fh: Any) -> None:
        if fmt == "csv":
            render_plan.write_csv(plan, fh)
        else:
            render_plan.write_json(plan, fh, explanations="full" if explain else "cells")

    if out:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            write(fh)
    else:
        write(sys.stdout)
        sys.stdout.flush()


def _unused_supplied(plan: Plan, rules: dict[int, RuleSet]) -> list[tuple[str, str]]:
    """``(fact path, rule set)`` of supplied rule values (``--ladder-step``) that no figure of the plan used."""
    unused = []
    for _, r in sorted(rules.items()):
        for path, fact in r.facts():
            if fact.status is Status.USER_SUPPLIED and (r.key_text, path) not in plan.used_facts:
                unused.append((path, r.key_text))
    return unused


def run_plan(args: argparse.Namespace) -> int:
    lang = check_lang(args.lang)
    try:
        try:
            position_scheme(args.scheme)
        except UnknownSchemeError as exc:
            raise _UsageError(f"--scheme: {exc}") from None
        years = _parse_years(args.years)
        rules = _supplied_rules(args.ladder_step, args.ladder_source, args.scheme)
        if args.file is None:
            positions = example_positions()
            fmt = args.format or "table"
            heading = text("plan.example_heading", lang, name=EXAMPLE_CSV_NAME) + "\n"
        else:
            if not Path(args.file).is_file():
                raise _UsageError(f"{args.file}: no such file")
            if args.file.lower().endswith((".xlsx", ".xlsm")):
                from nedtrapping.spreadsheet import read_positions_xlsx

                positions = read_positions_xlsx(args.file, sheet=args.sheet, scheme=args.scheme)
            else:
                if args.sheet:
                    raise _UsageError("--sheet goes with an .xlsx file")
                positions = read_positions_csv(args.file, scheme=args.scheme)
            fmt = args.format or "csv"
            heading = ""
        if args.explain and fmt not in ("table", "markdown", "json"):
            raise _UsageError("--explain goes with the table, Markdown or JSON; add --format table")
        try:
            plan = plan_municipality(positions, years=years, rules=rules, scheme=args.scheme)
        except ValueError as exc:
            raise _UsageError(str(exc)) from None
    except PositionsCSVError as exc:
        print(f"nedtrapping plan: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except _UsageError as exc:
        print(f"nedtrapping plan: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT

    to_xlsx = bool(args.out and args.out.lower().endswith(".xlsx"))
    try:
        if fmt in ("csv", "json") and not to_xlsx:
            _stream(plan, fmt, args.explain, args.out)  # row by row: bounded memory for large files
        elif to_xlsx:
            from nedtrapping.render.xlsx import write_plan_xlsx

            write_plan_xlsx(plan, args.out)
        else:
            output = _render(plan, fmt, args.explain, lang)
            if fmt == "table":
                output = heading + output
            if args.out:
                Path(args.out).write_text(output, encoding="utf-8")
            else:
                sys.stdout.write(output)
                sys.stdout.flush()
    except OSError as exc:
        print(f"nedtrapping plan: cannot write --out {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    for path, key in _unused_supplied(plan, rules):
        print(f"nedtrapping plan: {text('cli.unused_supplied', lang, name=path, rule_set=key)}", file=sys.stderr)
    if not plan.is_complete:
        print(f"nedtrapping plan: {text('cli.incomplete', lang, count=len(plan.problems))}", file=sys.stderr,
              end=":\n" if fmt != "table" else text("cli.incomplete_in_table", lang) + "\n")
        if fmt != "table":
            for line in render_plan.unknown_lines(plan, lang):
                print(f"  - {line.strip()}" if not line.startswith("  ") else f"    {line.strip()}", file=sys.stderr)
        return EXIT_INCOMPLETE
    return EXIT_OK
