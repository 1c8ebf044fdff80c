"""``nedtrapping rules``: read the rule sets on the command line, with statuses and sources.

Why: a case handler checking an application wants to see the rule, its value, how
sure it is and where it comes from, without opening the docs or Python.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from nedtrapping.cli.language import add_lang_option
from nedtrapping.errors import ExitCode
from nedtrapping.provenance import Status, value_text
from nedtrapping.readable import DEFAULT_LANG, Lang, read
from nedtrapping.registry import UnknownSchemeError, all_rule_sets, get_rule_set, years_of
from nedtrapping.ruleset import RuleSet
from nedtrapping.wording import check_lang, fact_label, text

__all__ = ["register", "run_rules", "describe_rule_set"]


def register(sub: Any, lang: Lang) -> None:
    """``nedtrapping rules``, its help in ``lang``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "rules", help=text("cli.rules.help", lang), description=text("cli.rules.description", lang))
    p.add_argument("scheme", nargs="?", metavar=text("cli.metavar.scheme", lang), help=text("cli.rules.help.scheme", lang))
    p.add_argument("year", nargs="?", type=int, metavar=text("cli.metavar.year", lang),
                   help=text("cli.rules.help.year", lang))
    p.add_argument("--not-final", action="store_true", help=text("cli.rules.help.not_final", lang))
    p.add_argument("--json", action="store_true", help=text("cli.rules.help.json", lang))
    add_lang_option(p, lang)
    p.set_defaults(run=run_rules)


def describe_rule_set(rules: RuleSet, *, not_final: bool = False, lang: Lang = DEFAULT_LANG) -> str:
    """A rule set as people read it, in ``lang``: each value by its label, with status, source, note and
    (for an unknown) where to find it and how to type it in on the command line; deadlines; digest."""
    lines = [text("rules.heading", lang, scheme=rules.scheme_id, year=rules.year, title=rules.title),
             f"  {rules.title_en}" + (f" ({rules.budget_chapter})" if rules.budget_chapter else ""),
             "  " + text("rules.status", lang, status=rules.status.text(lang), citation=rules.citation),
             "  " + text("rules.digest", lang, digest=rules.digest)]
    for name, fact in rules.facts():
        if not_final and fact.status is Status.FINAL:
            continue
        lines.append("  " + text("rules.fact", lang, label=fact_label(name, lang), path=name,
                                 value=value_text(fact.value, lang), status=fact.status.text(lang),
                                 citation=fact.citation))
        if fact.note:
            lines.append("      " + text("rules.note", lang, note=read(fact.note, lang)))
        if not fact.is_known:
            if fact.how_to_supply:
                lines.append("      " + text("rules.how_to_supply", lang, how=read(fact.how_to_supply, lang)))
            lines.append("      " + text("rules.supply_hint", lang, year=rules.year, path=name))
    for d in rules.deadlines:
        if not_final and d.status is Status.FINAL:
            continue
        where = ", ".join(x for x in (d.round, d.county) if x) or text("rules.national", lang)
        lines.append("  " + text("rules.deadline", lang, purpose=text(f"calendar.purpose.{d.purpose.value}", lang),
                                 where=where, when=d.describe(), citation=d.citation))
    return "\n".join(lines)


def run_rules(args: argparse.Namespace) -> int:
    lang = check_lang(args.lang)
    try:
        if args.scheme is None:
            chosen = all_rule_sets()
        elif args.year is None:
            chosen = [get_rule_set(args.scheme, y) for y in years_of(args.scheme)]
        else:
            chosen = [get_rule_set(args.scheme, args.year)]
    except UnknownSchemeError as exc:
        print(f"nedtrapping rules: {exc.text(lang)}", file=sys.stderr)
        return ExitCode.BAD_INPUT
    if args.json:
        payload = [{"digest": r.digest, "rule_set": r.to_dict()} for r in chosen]
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return 0
    if args.scheme is None and not args.not_final:
        for r in chosen:
            unknown = len(r.unknowns())
            sys.stdout.write(f"{r.scheme_id:<36} {r.year}  {r.status.text(lang):<18} {r.short_digest}  {r.title}"
                             + (text("rules.list_row_unknown", lang, count=unknown) if unknown else "") + "\n")
        sys.stdout.write(text("rules.list_footer", lang) + "\n")
        return 0
    sys.stdout.write("\n\n".join(describe_rule_set(r, not_final=args.not_final, lang=lang) for r in chosen) + "\n")
    return 0
