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
from nedtrapping.errors import ExitCode
from nedtrapping.example import EXAMPLE_CSV_NAME, example_positions
from nedtrapping.money import Money, parse_kroner
from nedtrapping.plan import DEFAULT_SCHEME, Plan, plan_municipality
from nedtrapping.provenance import Citation, Status
from nedtrapping.readers.table import YEARS, PositionsCSVError, PositionsRead
from nedtrapping.registry import UnknownSchemeError, position_scheme
from nedtrapping.render import plan as render_plan
from nedtrapping.ruleset import RuleSet
from nedtrapping.schemes.kommunalt_rusarbeid import KommunaltRusarbeidRules
from nedtrapping.wording import LANGS, Lang, check_lang, text

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


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "plan",
        help="the phase-down plan of a municipality (kommunalt rusarbeid, or --scheme)",
        description=(
            "Plan grants, full cost and own financing per position and year. With no FILE, plans the "
            "embedded example municipality and prints a table. With FILE (CSV, tab-separated or .xlsx; English "
            "or Norwegian headers: kommune, stilling, stillingsprosent, første_tilskuddsår, and årskostnad or "
            "årslønn with sone and pensjon; optionally lønnsvekst, kostnadsår, fikk_tilskudd_2021, tildelt_YYYY, "
            "stillingsprosent_YYYY; or a positions document, .json), writes the plan as CSV (as a table on a "
            "terminal), or in the format --out's extension names. "
            "årskostnad is the full annual cost of the position at its own percentage (what the 50 % position "
            "costs, not a full-time one)."
        ),
        epilog="Exit status: 0 complete, 1 bad input, 2 bad command line, 3 plan written but some figures unknown, "
               "70 a bug (run again with --debug).",
    )
    p.add_argument("--scheme", default=DEFAULT_SCHEME, metavar="ID",
                   help=f"the scheme to plan (default {DEFAULT_SCHEME}; also nav-sosiale-tjenester)")
    p.add_argument("--lang", default="nb", choices=LANGS,
                   help="language for people — the table, Markdown, the workbook, the Excel CSV, the chart and "
                        "messages: nb (norsk bokmål, default) or en; the machine CSV and JSON keys stay English")
    p.add_argument("file", nargs="?", help="positions file: .csv, tab-separated text or .xlsx (omit for the embedded "
                                           "example)")
    p.add_argument("--sheet", metavar="NAME", help="with an .xlsx file: the sheet to read (default: the first "
                                                   "visible one; a hidden sheet is read only when named)")
    p.add_argument("--include-hidden", action="store_true",
                   help="with an .xlsx file: read hidden rows and sheets too (by default they are skipped and named)")
    p.add_argument("--out", "-o", metavar="FILE",
                   help="write the plan to FILE; its extension picks the format: .csv (machine CSV, or with "
                        "--format excel the CSV for Norwegian Excel), .xlsx (live workbook with formulas, rules, "
                        "warnings and explanations), .json, .md, .txt (table). An existing FILE is replaced whole, "
                        "and the command says so; a failed run leaves it as it was")
    p.add_argument("--format", "-f", choices=FORMATS,
                   help="output format (default: from --out's extension; else the table for the example or on a "
                        "terminal, csv for a file piped on). excel: ';', UTF-8 BOM, decimal comma, Norwegian headers")
    p.add_argument("--chart", metavar="FILE.png|FILE.svg",
                   help="also draw grant and own financing per year and municipality to a PNG or SVG "
                        "(needs the [plot] extra: pip install 'nedtrapping[plot]')")
    p.add_argument("--supply", action="append", default=[], metavar="YEAR:PATH=VALUE",
                   help="supply a rule value from your grant letter, e.g. 2022:ladder.step_3=480000 (PATH as "
                        "'nedtrapping rules' prints it); requires --ladder-source; may be repeated")
    p.add_argument("--ladder-step", action="append", default=[], metavar="[YEAR:]STEP=KRONER",
                   help="shorthand for --supply YEAR:ladder.step_STEP=KRONER, e.g. 2022:3=AMOUNT "
                        "(YEAR defaults to 2022); requires --ladder-source; may be repeated")
    p.add_argument("--ladder-source", metavar="TEXT", default=None,
                   help="the grant letter the --supply and --ladder-step values come from (recorded as their "
                        "source; required with them)")
    p.add_argument("--years", metavar="FROM-TO", help="the years to plan, e.g. 2021-2026 or 2022–2025 "
                                                      "(default 2022-2025)")
    p.add_argument("--explain", action="store_true", help="with the table or Markdown: explain every figure")
    p.add_argument("--verbose", action="store_true",
                   help="with CSV: every warning on standard error (by default each kind's first three and a "
                        "count; the JSON and the workbook always hold them all)")
    p.set_defaults(run=run_plan)


class _UsageError(ValueError):
    pass


def _parse_years(text: str | None) -> list[int] | None:
    if text is None:
        return None
    m = re.fullmatch(r"\s*(\d{4})\s*(?:(?:[-\u2010-\u2015\u2212]|\.\.|til|to)\s*(\d{4})\s*)?", text)
    if not m:
        raise _UsageError(f"--years: {text!r} is not a year or a range like 2022-2025")
    first, last = int(m.group(1)), int(m.group(2) or m.group(1))
    if last < first:
        raise _UsageError(f"--years: {text!r} ends before it starts")
    return list(range(first, last + 1))


def _check_years(given: str, years: list[int], lang: Lang) -> None:
    """``--years`` within the plausible years (:data:`~nedtrapping.readers.table.YEARS`), refused before any work
    is spent on it (a year before the scheme's first rule set is refused by the planner, naming the rule sets)."""
    if years[-1] > YEARS[1]:
        raise _UsageError(text("cli.years_out_of_range", lang, given=given, last=YEARS[1], year=years[-1]))


def _supplied_rules(steps: list[str], supplies: list[str], source_text: str | None,
                    scheme_id: str) -> dict[int, RuleSet]:
    """The registered rule sets with the values the user supplied (``--supply``, ``--ladder-step``) put in."""
    rules: dict[int, RuleSet] = {}
    problems = []
    if (steps or supplies) and not (source_text and source_text.strip()):
        flag = "--supply" if supplies else "--ladder-step"
        raise _UsageError(
            f"{flag} needs --ladder-source naming the grant letter the value comes from, "
            "e.g. --ladder-source \"Tilsagnsbrev 2022, Eksempel kommune\""
        )
    if not (steps or supplies):
        return rules
    scheme = position_scheme(scheme_id)
    source = Citation(document=(source_text or "").strip(), tag="USER")
    # (flag, the argument, year, path, value): --ladder-step is the shorthand of --supply YEAR:ladder.step_N=VALUE
    wanted: list[tuple[str, str, int, str, str]] = []
    for raw in steps:
        m = _STEP.match(raw.strip())
        if not m:
            problems.append(f"--ladder-step {raw!r}: expected [YEAR:]STEP=KRONER with STEP 1–4, e.g. 2022:3=AMOUNT")
            continue
        wanted.append(("--ladder-step", raw, int(m.group("year") or 2022), f"ladder.step_{m.group('step')}",
                       m.group("amount")))
    for raw in supplies:
        m = _SUPPLY.match(raw.strip())
        if not m:
            problems.append(f"--supply {raw!r}: expected YEAR:PATH=VALUE, e.g. 2022:ladder.step_3=480000 "
                            "(PATH as 'nedtrapping rules' prints it)")
            continue
        wanted.append(("--supply", raw, int(m.group("year")), m.group("path"), m.group("value")))
    seen: dict[tuple[int, str], str] = {}
    for flag, raw, year, path, value in wanted:
        if (year, path) in seen:
            problems.append(f"{flag} {raw!r}: {path} of {year} is already given ({seen[year, path]!r}); give each "
                            "value once")
            continue
        seen[year, path] = raw
        try:
            base = rules.get(year) or scheme.rules_for(year)
            if flag == "--ladder-step":
                amount: Money = parse_kroner(value, where="amount")
                if not isinstance(base, KommunaltRusarbeidRules):
                    raise ValueError(f"{scheme_id} has no ladder steps")
                rules[year] = base.with_ladder_step(int(path.rsplit("_", 1)[1]), amount, source)
            else:
                rules[year] = base.supply(path, value, source)
        except (ValueError, LookupError, TypeError) as exc:
            problems.append(f"{flag} {raw!r}: {exc}")
    if problems:
        raise _UsageError("\n".join(problems))
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
            raise _UsageError("--format xlsx writes a workbook: give --out FILE.xlsx")
        return fmt or default
    suffix = Path(out).suffix.lower()
    if suffix not in OUT_SUFFIXES:
        raise _UsageError(f"--out {out}: unknown extension {suffix or '(none)'!r}; use one of "
                          f"{', '.join(OUT_SUFFIXES)} (the extension picks the format)")
    allowed = _FORMATS_FOR_SUFFIX.get(suffix, (OUT_SUFFIXES[suffix],))
    if fmt is not None and fmt not in allowed:
        raise _UsageError(f"--format {fmt} does not match --out {out} (a {suffix} file is "
                          f"{' or '.join(allowed)}); change one of them")
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
            raise _UsageError(f"{flag} {target} is the input file; name another file (the input is never written)")
    if len(targets) == 2 and same_file(targets[0][1], targets[1][1]):
        raise _UsageError(f"--out and --chart name the same file ({targets[0][1]})")


def _read(args: argparse.Namespace) -> PositionsRead:
    from nedtrapping.readers.workbook import WORKBOOK_SUFFIXES, read_positions

    path = Path(args.file)
    if path.is_dir():
        raise _UsageError(text("cli.input_folder", args.lang, path=args.file))
    if not path.exists():
        raise _UsageError(f"{args.file}: no such file")
    if not path.is_file():
        raise _UsageError(text("cli.input_not_file", args.lang, path=args.file))
    is_workbook = args.file.lower().endswith(WORKBOOK_SUFFIXES)
    if args.sheet and not is_workbook:
        raise _UsageError("--sheet goes with an .xlsx file")
    if args.include_hidden and not is_workbook:
        raise _UsageError("--include-hidden goes with an .xlsx file")
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
            raise _UsageError(f"--scheme: {exc}") from None
        years = _parse_years(args.years)
        if years is not None:
            _check_years(args.years, years, lang)
        rules = _supplied_rules(args.ladder_step, args.supply, args.ladder_source, args.scheme)
        if args.chart is not None:
            if Path(args.chart).suffix.lower() not in (".png", ".svg"):
                raise _UsageError(f"--chart {args.chart}: a chart is written as .png or .svg")
            try:
                optional.matplotlib_figure()  # before anything is written: a missing extra writes nothing
            except ImportError as exc:
                raise _UsageError(f"--chart: {exc}") from None
        if args.file is None:
            if args.sheet or args.include_hidden:
                raise _UsageError("--sheet and --include-hidden go with an .xlsx file")
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
            raise _UsageError("--explain goes with the table, Markdown or JSON; add --format table "
                              "(the workbook always explains)")
        try:
            plan = plan_municipality(positions, years=years, rules=rules, scheme=args.scheme)
        except ValueError as exc:
            raise _UsageError(str(exc)) from None
    except PositionsCSVError as exc:
        print(f"nedtrapping plan: {exc.text(lang)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except _UsageError as exc:
        print(f"nedtrapping plan: {exc}", file=sys.stderr)
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
        print(f"nedtrapping plan: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        raise  # the reader went away (`| head`): the command line ends quietly
    except OSError as exc:
        target = getattr(exc, "filename", None) or args.out
        print(f"nedtrapping plan: cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
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
