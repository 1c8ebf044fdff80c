"""``nedtrapping rules``: read the rule sets on the command line, with statuses and sources.

Why: a case handler checking an application wants to see the rule, its value, how
sure it is and where it comes from, without opening the docs or Python.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from nedtrapping.errors import ExitCode
from nedtrapping.provenance import Status, display_value
from nedtrapping.registry import UnknownSchemeError, all_rule_sets, get_rule_set, years_of
from nedtrapping.ruleset import RuleSet

__all__ = ["register", "run_rules", "describe_rule_set"]


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "rules",
        help="the rule sets: every value with its status and source",
        description="Print the rule sets (all, one scheme, or one scheme and year) with every value's status "
                    "and source, the deadlines and the digest.",
    )
    p.add_argument("scheme", nargs="?", help="scheme id, e.g. kommunalt-rusarbeid (omit for a list of all)")
    p.add_argument("year", nargs="?", type=int, help="budget year (omit for every year of the scheme)")
    p.add_argument("--not-final", action="store_true",
                   help="only values that are not final (unknown, uncertain, provisional, inferred, assumed, user-supplied)")
    p.add_argument("--json", action="store_true", help="the canonical JSON of the rule set(s) (what the digest covers)")
    p.set_defaults(run=run_rules)


def describe_rule_set(rules: RuleSet, *, not_final: bool = False) -> str:
    """A rule set as readable text: facts with status and source, deadlines, digest."""
    lines = [f"{rules.scheme_id} {rules.year} — {rules.title}",
             f"  {rules.title_en}" + (f" ({rules.budget_chapter})" if rules.budget_chapter else ""),
             f"  status of the rule set: {rules.status.value}; main source: {rules.citation}",
             f"  digest (SHA-256): {rules.digest}"]
    for name, fact in rules.facts():
        if not_final and fact.status is Status.FINAL:
            continue
        value = display_value(fact.value)
        lines.append(f"  {name} = {value}  [{fact.status.value}] — {fact.citation}")
        if fact.note:
            lines.append(f"      note: {fact.note}")
        if fact.how_to_supply and not fact.is_known:
            lines.append(f"      how to supply: {fact.how_to_supply}")
    for d in rules.deadlines:
        if not_final and d.status is Status.FINAL:
            continue
        where = ", ".join(x for x in (d.round, d.county) if x) or "national"
        lines.append(f"  deadline ({d.purpose.value}, {where}): {d.describe()} — {d.citation}")
    return "\n".join(lines)


def run_rules(args: argparse.Namespace) -> int:
    try:
        if args.scheme is None:
            chosen = all_rule_sets()
        elif args.year is None:
            chosen = [get_rule_set(args.scheme, y) for y in years_of(args.scheme)]
        else:
            chosen = [get_rule_set(args.scheme, args.year)]
    except UnknownSchemeError as exc:
        print(f"nedtrapping rules: {exc}", file=sys.stderr)
        return ExitCode.BAD_INPUT
    if args.json:
        payload = [{"digest": r.digest, "rule_set": r.to_dict()} for r in chosen]
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return 0
    if args.scheme is None and not args.not_final:
        for r in chosen:
            unknown = len(r.unknowns())
            sys.stdout.write(f"{r.scheme_id:<36} {r.year}  {r.status.value:<12} {r.short_digest}  "
                             f"{r.title}" + (f"  ({unknown} unknown)" if unknown else "") + "\n")
        sys.stdout.write("Details: nedtrapping rules SCHEME [YEAR]; what is not final: nedtrapping rules --not-final\n")
        return 0
    sys.stdout.write("\n\n".join(describe_rule_set(r, not_final=args.not_final) for r in chosen) + "\n")
    return 0
