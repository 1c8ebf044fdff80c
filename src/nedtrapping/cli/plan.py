"""``nedtrapping plan``: the phase-down plan of a municipality on the command line.

Output: ``--out FILE`` picks the format from the extension (``.csv`` machine CSV,
``.xlsx`` live workbook, ``.json``, ``.md``, ``.txt`` table); ``--format`` may say the
same or, for ``.csv``, ``excel`` (the dialect for Norwegian Excel). An unknown
extension, or a ``--format`` that disagrees with it, is an error: never silently
another format. Files are written whole or not at all (a temporary file renamed
into place).

Exit status (:class:`~nedtrapping.errors.ExitCode`, the same for every command): 0 the
plan is complete; 1 the input is wrong (every problem is listed on stderr, nothing is
planned); 2 the command line is wrong; 3 the plan was written but some figures are
unknown (listed on stderr, with how to supply them); 70 a bug.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any, TextIO

from nedtrapping import optional
from nedtrapping.cli.files import Data, same_file, write_files_atomically
from nedtrapping.cli.language import add_lang_option, os_error_text
from nedtrapping.errors import ExitCode, InvalidValueError, NedtrappingError
from nedtrapping.example import EXAMPLE_CSV_NAME, example_positions
from nedtrapping.money import Money, parse_kroner
from nedtrapping.plan import DEFAULT_SCHEME, Plan, plan_municipality
from nedtrapping.provenance import Citation, Status
from nedtrapping.readable import Readable
from nedtrapping.readers.table import YEARS, PositionsCSVError, PositionsRead
from nedtrapping.registry import UnknownSchemeError, position_scheme, position_scheme_ids
from nedtrapping.render import plan as render_plan
from nedtrapping.ruleset import RuleSet
from nedtrapping.schemes.kommunalt_rusarbeid import KommunaltRusarbeidRules
from nedtrapping.wording import Joined, Lang, Lines, Notice, check_lang, text

__all__ = ["register", "run_plan", "EXIT_OK", "EXIT_BAD_INPUT", "EXIT_INCOMPLETE", "FORMATS", "OUT_SUFFIXES"]

#: Exit status 0: the plan is complete.
EXIT_OK = ExitCode.OK
#: Exit status 1: bad input; every problem is listed and nothing is planned.
EXIT_BAD_INPUT = ExitCode.BAD_INPUT
#: Exit status 3: the plan is written, but some figures are unknown (listed on standard error).
EXIT_INCOMPLETE = ExitCode.INCOMPLETE
_STEP = re.compile(r"^(?:(?P<year>\d{4}):)?(?P<step>[1-4])=(?P<amount>.+)$")
_SUPPLY = re.compile(r"^(?P<year>\d{4}):(?P<path>[A-Za-z_][\w.\[\]]*)=(?P<value>.+)$")

#: ``--format`` choices: ``excel`` is the CSV dialect for Norwegian Excel, ``xlsx`` the live workbook.
FORMATS = ("table", "csv", "excel", "json", "markdown", "xlsx")
#: ``--out`` extension → the format it means (``.csv`` also takes ``--format excel``).
OUT_SUFFIXES = {".csv": "csv", ".xlsx": "xlsx", ".json": "json", ".md": "markdown", ".markdown": "markdown",
                ".txt": "table"}
_FORMATS_FOR_SUFFIX = {".csv": ("csv", "excel")}


def register(sub: Any, lang: Lang) -> None:
    """``nedtrapping plan``, its help in ``lang``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "plan", help=text("cli.plan.help", lang), description=text("cli.plan.description", lang),
        epilog=text("cli.plan.epilog", lang))
    others = ", ".join(s for s in position_scheme_ids() if s != DEFAULT_SCHEME)
    p.add_argument("--scheme", default=DEFAULT_SCHEME, metavar=text("cli.metavar.id", lang),
                   help=text("cli.plan.help.scheme", lang, default=DEFAULT_SCHEME, others=others))
    add_lang_option(p, lang, "cli.plan.help.lang")
    p.add_argument("file", nargs="?", metavar=text("cli.metavar.file", lang), help=text("cli.plan.help.file", lang))
    p.add_argument("--sheet", metavar=text("cli.metavar.name", lang), help=text("cli.plan.help.sheet", lang))
    p.add_argument("--include-hidden", action="store_true", help=text("cli.plan.help.include_hidden", lang))
    p.add_argument("--out", "-o", metavar=text("cli.metavar.file", lang), help=text("cli.plan.help.out", lang))
    p.add_argument("--format", "-f", choices=FORMATS, help=text("cli.plan.help.format", lang))
    p.add_argument("--chart", metavar=text("cli.metavar.chart", lang), help=text("cli.plan.help.chart", lang))
    p.add_argument("--supply", action="append", default=[], metavar=text("cli.metavar.supply", lang),
                   help=text("cli.plan.help.supply", lang))
    p.add_argument("--ladder-step", action="append", default=[], metavar=text("cli.metavar.ladder_step", lang),
                   help=text("cli.plan.help.ladder_step", lang))
    p.add_argument("--ladder-source", metavar=text("cli.metavar.text", lang), default=None,
                   help=text("cli.plan.help.ladder_source", lang))
    p.add_argument("--years", metavar=text("cli.metavar.years", lang), help=text("cli.plan.help.years", lang))
    p.add_argument("--explain", action="store_true", help=text("cli.plan.help.explain", lang))
    p.add_argument("--verbose", action="store_true", help=text("cli.plan.help.verbose", lang))
    p.set_defaults(run=run_plan)


class _UsageError(ValueError):
    """A wrong command line, in words: shown in the language of the command (``text(lang)``)."""

    def __init__(self, notice: Readable) -> None:
        super().__init__(notice)
        self.notice = notice

    def text(self, lang: Lang) -> str:
        return self.notice.text(lang)


def _parse_years(text: str | None) -> list[int] | None:
    if text is None:
        return None
    m = re.fullmatch(r"\s*(\d{4})\s*(?:(?:[-\u2010-\u2015\u2212]|\.\.|til|to)\s*(\d{4})\s*)?", text)
    if not m:
        raise _UsageError(Notice("cli.years_not_a_range", {"given": text}))
    first, last = int(m.group(1)), int(m.group(2) or m.group(1))
    if last < first:
        raise _UsageError(Notice("cli.years_reversed", {"given": text}))
    return list(range(first, last + 1))


def _check_years(given: str, years: list[int], lang: Lang) -> None:
    """``--years`` within the plausible years (:data:`~nedtrapping.readers.table.YEARS`), refused before any work
    is spent on it (a year before the scheme's first rule set is refused by the planner, naming the rule sets)."""
    if years[-1] > YEARS[1]:
        raise _UsageError(Notice("cli.years_out_of_range", {"given": given, "last": YEARS[1], "year": years[-1]}))


def _supplied_rules(steps: list[str], supplies: list[str], source_text: str | None,
                    scheme_id: str) -> dict[int, RuleSet]:
    """The registered rule sets with the values the user supplied (``--supply``, ``--ladder-step``) put in."""
    rules: dict[int, RuleSet] = {}
    problems: list[Notice] = []
    if (steps or supplies) and not (source_text and source_text.strip()):
        flag = "--supply" if supplies else "--ladder-step"
        raise _UsageError(Notice("cli.supply_needs_source", {"flag": flag}))
    if not (steps or supplies):
        return rules
    scheme = position_scheme(scheme_id)
    source = Citation(document=(source_text or "").strip(), tag="USER")
    # (flag, the argument, year, path, value): --ladder-step is the shorthand of --supply YEAR:ladder.step_N=VALUE
    wanted: list[tuple[str, str, int, str, str]] = []
    for raw in steps:
        m = _STEP.match(raw.strip())
        if not m:
            problems.append(Notice("cli.ladder_step_form", {"given": raw}))
            continue
        wanted.append(("--ladder-step", raw, int(m.group("year") or 2022), f"ladder.step_{m.group('step')}",
                       m.group("amount")))
    for raw in supplies:
        m = _SUPPLY.match(raw.strip())
        if not m:
            problems.append(Notice("cli.supply_form", {"given": raw}))
            continue
        wanted.append(("--supply", raw, int(m.group("year")), m.group("path"), m.group("value")))
    seen: dict[tuple[int, str], str] = {}
    for flag, raw, year, path, value in wanted:
        if (year, path) in seen:
            problems.append(Notice("cli.supply_twice", {"flag": flag, "given": raw, "path": path, "year": year,
                                                        "first": seen[year, path]}))
            continue
        seen[year, path] = raw
        try:
            base = rules.get(year) or scheme.rules_for(year)
            if flag == "--ladder-step":
                amount: Money = parse_kroner(value, where="amount")
                if not isinstance(base, KommunaltRusarbeidRules):
                    raise InvalidValueError(Notice("cli.no_ladder", {"scheme": scheme_id}))
                rules[year] = base.with_ladder_step(int(path.rsplit("_", 1)[1]), amount, source)
            else:
                rules[year] = base.supply(path, value, source)
        except (ValueError, LookupError, TypeError) as exc:
            reason: Readable | str = exc if isinstance(exc, NedtrappingError) else str(exc)
            problems.append(Notice("cli.supply_refused", {"flag": flag, "given": raw, "reason": reason}))
    if problems:
        raise _UsageError(Lines(tuple(problems)))
    return rules


def _render(plan: Plan, fmt: str, explain: bool, lang: Lang, read: PositionsRead | None = None) -> str:
    if fmt == "csv":
        return render_plan.to_csv(plan)
    if fmt == "excel":
        return render_plan.to_excel_csv(plan, lang=lang, extra_columns=read.extra_columns if read else None)
    if fmt == "json":
        return render_plan.to_json(plan, lang=lang)
    if fmt == "markdown":
        return render_plan.to_markdown(plan, explain=explain, lang=lang)
    return render_plan.to_text(plan, explain=explain, lang=lang)


def _output_format(fmt: str | None, out: str | None, default: str) -> str:
    """The format to write: from ``--out``'s extension, checked against ``--format``."""
    if out is None:
        if fmt == "xlsx":
            raise _UsageError(Notice("cli.xlsx_needs_out"))
        return fmt or default
    suffix = Path(out).suffix.lower()
    if suffix not in OUT_SUFFIXES:
        raise _UsageError(Notice("cli.unknown_extension", {"out": out, "suffix": suffix or Notice("cli.no_extension"),
                                                           "known": ", ".join(OUT_SUFFIXES)}))
    allowed = _FORMATS_FOR_SUFFIX.get(suffix, (OUT_SUFFIXES[suffix],))
    if fmt is not None and fmt not in allowed:
        raise _UsageError(Notice("cli.format_mismatch", {"fmt": fmt, "out": out, "suffix": suffix,
                                                          "allowed": Joined(allowed, "cli.or")}))
    return fmt or allowed[0]


def _is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if callable(isatty) else False
    except (OSError, ValueError):
        return False


def _check_targets(args: argparse.Namespace) -> None:
    """``--out`` and ``--chart`` never write over the input file, nor over each other."""
    targets = [(flag, Path(value)) for flag, value in (("--out", args.out), ("--chart", args.chart)) if value]
    for flag, target in targets:
        if args.file is not None and same_file(target, Path(args.file)):
            raise _UsageError(Notice("cli.target_is_input", {"flag": flag, "target": str(target)}))
    if len(targets) == 2 and same_file(targets[0][1], targets[1][1]):
        raise _UsageError(Notice("cli.same_targets", {"target": str(targets[0][1])}))


def _read(args: argparse.Namespace) -> PositionsRead:
    from nedtrapping.readers.workbook import WORKBOOK_SUFFIXES, read_positions

    path = Path(args.file)
    if path.is_dir():
        raise _UsageError(Notice("cli.input_folder", {"path": args.file}))
    if not path.exists():
        raise _UsageError(Notice("cli.no_such_file", {"path": args.file}))
    if not path.is_file():
        raise _UsageError(Notice("cli.input_not_file", {"path": args.file}))
    is_workbook = args.file.lower().endswith(WORKBOOK_SUFFIXES)
    if args.sheet and not is_workbook:
        raise _UsageError(Notice("cli.sheet_needs_xlsx"))
    if args.include_hidden and not is_workbook:
        raise _UsageError(Notice("cli.hidden_needs_xlsx"))
    return read_positions(args.file, sheet=args.sheet, scheme=args.scheme, include_hidden=args.include_hidden)


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
    read: PositionsRead | None = None
    try:
        try:
            position_scheme(args.scheme)
        except UnknownSchemeError as exc:
            raise _UsageError(Notice("cli.unknown_scheme", {"reason": exc.message})) from None
        years = _parse_years(args.years)
        if years is not None:
            _check_years(args.years, years, lang)
        rules = _supplied_rules(args.ladder_step, args.supply, args.ladder_source, args.scheme)
        if args.chart is not None:
            if Path(args.chart).suffix.lower() not in (".png", ".svg"):
                raise _UsageError(Notice("cli.chart_suffix", {"chart": args.chart}))
            try:
                optional.matplotlib_figure()  # before anything is written: a missing extra writes nothing
            except ImportError as exc:
                reason: Readable | str = exc if isinstance(exc, NedtrappingError) else str(exc)
                raise _UsageError(Notice("cli.chart_unavailable", {"reason": reason})) from None
        if args.file is None:
            if args.sheet or args.include_hidden:
                raise _UsageError(Notice("cli.sheet_hidden_need_xlsx"))
            positions = example_positions()
            fmt = _output_format(args.format, args.out, "table")
            heading = text("plan.example_heading", lang, name=EXAMPLE_CSV_NAME) + "\n"
        else:
            # people at a terminal read the table; a pipe or a file gets the machine CSV
            fmt = _output_format(args.format, args.out, "table" if _is_terminal(sys.stdout) else "csv")
            read = _read(args)
            positions = list(read.positions)
            heading = ""
        _check_targets(args)
        if args.explain and fmt not in ("table", "markdown", "json"):
            raise _UsageError(Notice("cli.explain_format"))
        try:
            plan = plan_municipality(positions, years=years, rules=rules, scheme=args.scheme)
        except ValueError as exc:
            if isinstance(exc, NedtrappingError):
                raise
            raise _UsageError(Notice("cli.supply_refused", {"flag": "plan", "given": "", "reason": str(exc)})) from None
    except PositionsCSVError as exc:
        print(f"nedtrapping plan: {exc.text(lang)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except _UsageError as exc:
        print(f"nedtrapping plan: {exc.text(lang)}", file=sys.stderr)
        return EXIT_BAD_INPUT

    notes = [n.text(lang) for n in read.notices] if read is not None else []
    for note in notes:
        print(f"nedtrapping plan: {note}", file=sys.stderr)
    try:
        files: list[tuple[Path, Data]] = []
        stdout_data: Data | None = None
        if fmt == "xlsx":
            from nedtrapping.render.xlsx import plan_xlsx_bytes

            assert args.out is not None
            files.append((Path(args.out), plan_xlsx_bytes(
                plan, lang=lang, extra_columns=read.extra_columns if read else None, notes=notes)))
        elif fmt in ("csv", "json"):
            # written row by row as the rows are built: bounded memory for large plans
            def write(out: TextIO) -> None:
                if fmt == "csv":
                    render_plan.write_csv(plan, out)
                else:
                    render_plan.write_json(plan, out, explanations="full" if args.explain else "cells", lang=lang)

            if args.out:
                files.append((Path(args.out), write))
            else:
                stdout_data = write
        else:
            output = _render(plan, fmt, args.explain, lang, read)
            if fmt == "table":
                output = heading + output
            if args.out:
                files.append((Path(args.out), output.encode("utf-8")))
            else:
                stdout_data = output.encode("utf-8")
        if args.chart:
            from nedtrapping.render.chart import chart_bytes

            # drawn before anything is written: a chart that fails leaves --out as it was
            files.append((Path(args.chart), chart_bytes(plan, Path(args.chart).suffix.lower()[1:], lang=lang)))
        if stdout_data is not None:
            if callable(stdout_data):
                stdout_data(sys.stdout)
            else:
                sys.stdout.write(stdout_data.decode("utf-8"))
            sys.stdout.flush()
        if files:
            write_files_atomically(files, command="plan", lang=lang)
    except ImportError as exc:
        print(f"nedtrapping plan: {exc.text(lang) if isinstance(exc, NedtrappingError) else exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        raise  # the reader went away (`| head`): the command line ends quietly
    except OSError as exc:
        target = getattr(exc, "filename", None) or args.out
        exc.filename = None
        print(f"nedtrapping plan: {text('cli.cannot_write', lang, target=target, reason=os_error_text(exc, lang))}",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    if fmt in ("csv", "excel") and plan.notices:
        # a CSV is a table only: the warnings the other outputs carry in the document are said here
        print(f"nedtrapping plan: {text('cli.warnings', lang, count=len(plan.notices))}:", file=sys.stderr)
        for line in render_plan.grouped_notices(plan.notices, lang, per_kind=None if args.verbose else 3):
            print(f"  - {line}", file=sys.stderr)
    if fmt == "csv":
        # the machine CSV has fixed columns; the rule sets that made it are named here
        digests = "; ".join(f"{k} {v}" for k, v in sorted(plan.digests.items()))
        print(f"nedtrapping plan: {text('cli.digests', lang, digests=digests)}", file=sys.stderr)
    for year in sorted(set(rules) - set(plan.years)):
        first, last = plan.years[0], plan.years[-1]
        message = text('cli.supplied_year_not_planned', lang, year=year, first=first, last=last,
                       years=f"{min(year, first)}-{max(year, last)}")
        print(f"nedtrapping plan: {message}", file=sys.stderr)
    for path, key in _unused_supplied(plan, {y: r for y, r in rules.items() if y in plan.years}):
        print(f"nedtrapping plan: {text('cli.unused_supplied', lang, name=path, rule_set=key)}", file=sys.stderr)
    if not plan.is_complete:
        print(f"nedtrapping plan: {text('cli.incomplete', lang, count=len(plan.problems))}", file=sys.stderr,
              end=":\n" if fmt != "table" else text("cli.incomplete_in_table", lang) + "\n")
        if fmt != "table":
            for line in render_plan.unknown_lines(plan, lang):
                print(f"  - {line.strip()}" if not line.startswith("  ") else f"    {line.strip()}", file=sys.stderr)
        return EXIT_INCOMPLETE
    return EXIT_OK
