"""A plan for people (table, Markdown) and for programs (CSV, JSON).

Why here: the plan (:class:`nedtrapping.plan.Plan`) holds figures and structured facts;
this module decides how they look. People read Norwegian bokmål by default
(``lang="en"`` for English), with every word from :mod:`nedtrapping.wording`; programs
read the CSV (:data:`CSV_COLUMNS`) and the JSON (:func:`to_dict`), whose keys are
stable English and do not follow ``lang``.

Two CSVs, for two readers:

* :func:`to_csv` — for programs: ``,``, UTF-8 without BOM, ``.`` as the decimal mark,
  the English columns of :data:`CSV_COLUMNS`. This is the interface; it does not change.
* :func:`to_excel_csv` — for people who double-click it in Norwegian Excel: ``;``, a
  UTF-8 byte-order mark (so ``Bodø`` stays ``Bodø``), decimal comma, Norwegian headers
  (``lang="en"`` for English ones), and the rule-set digests below the table.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from fractions import Fraction
from typing import Any, Literal, TextIO

from nedtrapping.cofinancing import FixedCost, GrowingCost, SalaryCost
from nedtrapping.errors import InvalidTypeError, InvalidValueError
from nedtrapping.money import Money, format_percent
from nedtrapping.plan import Plan, PlanRow, Position, UnknownValue
from nedtrapping.provenance import Fact, Status
from nedtrapping.readable import read
from nedtrapping.registry import get_rule_set
from nedtrapping.render._groups import PlanGroups
from nedtrapping.ruleset import RuleSet
from nedtrapping.wording import DEFAULT_LANG, Lang, Notice, fact_label, supply_hint, text

__all__ = [
    "CSV_COLUMNS",
    "FORMULA_STARTS",
    "safe_text",
    "EXCEL_CSV_LABELS",
    "csv_values",
    "excel_csv_headers",
    "to_excel_csv",
    "to_csv",
    "write_csv",
    "to_dict",
    "to_json",
    "write_json",
    "Explanations",
    "to_text",
    "to_markdown",
    "to_html",
    "unknown_lines",
    "rule_values_used",
    "position_to_dict",
    "exact_number_text",
    "PLAN_DOCUMENT",
    "POSITIONS_DOCUMENT",
    "DOCUMENT_VERSION",
]

#: The ``document`` key of a plan's JSON, and of a positions document (:mod:`nedtrapping.documents`).
PLAN_DOCUMENT = "nedtrapping.plan"
#: The ``document`` key of a positions document.
POSITIONS_DOCUMENT = "nedtrapping.positions"
#: The version of both documents' shape (their JSON Schemas are in ``nedtrapping/schemas/``).
DOCUMENT_VERSION = 1

#: The machine CSV's columns: stable English names, amounts in plain kroner, unknown = empty.
CSV_COLUMNS = (
    "municipality", "position", "year", "year_in_scheme", "percent",
    "grant", "cost", "own_financing", "own_financing_increase",
)


#: What a spreadsheet reads as the start of a formula when it opens a CSV.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str) -> str:
    """A text cell a spreadsheet shows as text, never runs as a formula (CSV injection).

    A cell starting with ``= + - @``, a tab or a CR gets a leading ``'`` — the mark
    spreadsheets use for "this is text" — so a position named ``=HYPERLINK(...)`` stays a
    name. Only text cells pass here: amounts are numbers and keep their minus sign.

    >>> print(safe_text("=SUM(A1:A9)"), safe_text("Bodø"))
    '=SUM(A1:A9) Bodø
    """
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def _plain(x: Money | None) -> str:
    return "" if x is None else x.plain()


def csv_values(r: PlanRow) -> list[str]:
    """One row of the machine CSV, in :data:`CSV_COLUMNS` order."""
    return [
        safe_text(r.municipality), safe_text(r.position), str(r.year), r.year_in_scheme_text,
        format_percent(r.percent, decimal_comma=False),
        _plain(r.grant), _plain(r.cost), _plain(r.own_financing), _plain(r.own_financing_increase),
    ]


def _plain_ore(ore: int | None) -> str:
    """:meth:`Money.plain` of ``ore`` (``""`` for unknown), without making the Money."""
    if ore is None:
        return ""
    if ore >= 0 and ore % 100 == 0:
        return str(ore // 100)
    sign = "-" if ore < 0 else ""
    kr, rest = divmod(abs(ore), 100)
    return f"{sign}{kr}" if rest == 0 else f"{sign}{kr}.{rest:02d}"


def write_csv(plan: Plan, out: TextIO) -> None:
    """Write :func:`to_csv` to ``out`` row by row, from the plan's figures (no row objects are built or kept)."""
    writer = csv.writer(out, lineterminator="\n")
    # with "\n" as the line end, csv leaves a CR in a field unquoted (a reader would see a line break there):
    # a row whose name holds one is written with every field quoted
    quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_COLUMNS)
    percents: dict[tuple[int, int], str] = {}
    names: dict[str, str] = {}
    plain = _plain_ore
    for municipality, position, year, n, percent, grant, cost, own, increase, _ in plan.row_values():
        key = (percent.numerator, percent.denominator)  # hashed faster than the Fraction
        shown = percents.get(key)
        if shown is None:
            shown = percents[key] = format_percent(percent, decimal_comma=False)
        muni = names.get(municipality)
        if muni is None:
            muni = names[municipality] = safe_text(municipality)
        name = safe_text(position)
        (quoted if "\r" in muni or "\r" in name else writer).writerow(
            (muni, name, year, n if n >= 1 else "", shown, plain(grant), plain(cost), plain(own), plain(increase)))


def to_csv(plan: Plan) -> str:
    """The plan as CSV with :data:`CSV_COLUMNS`; amounts in plain kroner; unknown = empty."""
    buf = io.StringIO()
    write_csv(plan, buf)
    return buf.getvalue()


#: The wording ids of the Excel CSV's headers, one per :data:`CSV_COLUMNS` entry.
EXCEL_CSV_LABELS = (
    "plan.col.municipality", "plan.col.position", "plan.col.year", "plan.col.year_in_scheme",
    "plan.col.percent_long", "plan.col.grant", "plan.col.cost", "plan.col.own_financing", "plan.col.increase_long",
)


def excel_csv_headers(lang: Lang = DEFAULT_LANG) -> list[str]:
    """The Excel CSV's header row in ``lang`` (bokmål by default)."""
    return [text(k, lang) for k in EXCEL_CSV_LABELS]


def _comma(x: Money | None, unknown: str = "") -> str:
    return unknown if x is None else x.plain().replace(".", ",")


def to_excel_csv(plan: Plan, *, lang: Lang = DEFAULT_LANG,
                 extra_columns: Mapping[tuple[str, str], Mapping[str, str]] | None = None) -> str:
    """The plan as CSV for Norwegian Excel: ``;``, BOM, decimal comma, headers in ``lang``.

    The text starts with the byte-order mark ``\ufeff``; write it as UTF-8 (the command
    line does). Amounts are whole kroner without thousands separators (Excel reads them
    as numbers); an unknown figure is the word «ukjent» (``unknown``), never 0 and never a
    blank that reads as nothing owed, and the increase of the plan's first year is empty when
    the plan has no base year to measure it from. The last standard column says where each grant comes from: the
    rule («regel»), the position's own grant letter («tilsagnsbrev»), or «ukjent».
    ``extra_columns`` (the input's other columns, by ``(municipality, position)``) are carried
    at the right.
    Below the table, after an empty line, come the rule sets used and their SHA-256 digests.

    >>> from nedtrapping.example import example_positions
    >>> from nedtrapping.plan import plan_municipality
    >>> lines = to_excel_csv(plan_municipality(example_positions())).splitlines()
    >>> lines[0]
    '\ufeffKommune;Stilling;År;År i ordningen;Stillingsprosent;Tilskudd;Full kostnad;Egenfinansiering;Økning i egenfinansiering;Kilde for tilskuddet'
    >>> lines[1]
    'Eksempel kommune;Ruskonsulent;2022;2;100;550000;780000;230000;136377;regel'
    """
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    extra = extra_columns or {}
    extra_names = list(dict.fromkeys(name for values in extra.values() for name in values))
    writer.writerow([*excel_csv_headers(lang), text("plan.col.grant_source", lang),
                     *(safe_text(name) for name in extra_names)])
    unknown = text("plan.unknown", lang)
    sources = {source: text(f"plan.grant_source.{source}", lang) for source in ("rule", "grant letter")}  # machine: the sources' ids
    first_year = plan.years[0]
    for r in plan.rows:
        carried = extra.get((r.municipality, r.position), {})
        increase = _comma(r.own_financing_increase, "" if r.year == first_year and plan.base_year is None else unknown)
        writer.writerow([
            safe_text(r.municipality), safe_text(r.position), str(r.year), r.year_in_scheme_text,
            format_percent(r.percent),
            _comma(r.grant, unknown), _comma(r.cost, unknown), _comma(r.own_financing, unknown), increase,
            unknown if r.grant is None else sources.get(r.grant_source, r.grant_source),
            *(safe_text(carried.get(name, "")) for name in extra_names),
        ])
    writer.writerow([])
    writer.writerow([text("plan.col.rule_set", lang), text("plan.col.sha256", lang)])
    for key, digest in sorted(plan.digests.items()):
        writer.writerow([key, digest])
    return "\ufeff" + buf.getvalue()


def rule_values_used(plan: Plan) -> list[tuple[str, str, Fact[Any]]]:
    """``(rule set, path, fact)`` of every rule value a figure of ``plan`` used, sorted.

    The rule sets are found by the digests the plan recorded: those the caller supplied
    (e.g. with a ladder step from a grant letter) and the registered ones.
    """
    candidates: dict[str, list[RuleSet]] = {}
    for r in plan.rows:
        if r.why is not None and r.why.rules is not None:
            candidates.setdefault(r.why.rules.key_text, []).append(r.why.rules)
    found: dict[str, RuleSet] = {}
    for key, digest in plan.digests.items():
        for rules in candidates.get(key, []):
            if rules.digest == digest:
                found[key] = rules
        if key not in found:
            scheme_id, _, year = key.rpartition(" ")
            registered = get_rule_set(scheme_id, int(year))
            if registered.digest == digest:
                found[key] = registered
    out = []
    for key, path in sorted(plan.used_facts):
        if key in found:
            out.append((key, path, found[key].fact(path)))
    return out


def exact_number_text(value: Fraction) -> str:
    """A percentage or growth as exact text: ``"33.3"``, or ``"1/3"`` when no decimal is exact."""
    value = Fraction(value)
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator != 1:
        return f"{value.numerator}/{value.denominator}"
    return format_percent(value, decimal_comma=False)


def position_to_dict(p: Position) -> dict[str, Any]:
    """One position as JSON-able data (the positions document's items): amounts and shares as exact text."""
    cost: dict[str, Any]
    if isinstance(p.cost, FixedCost):
        cost = {"kind": "fixed", "annual": p.cost.annual.plain()}
    elif isinstance(p.cost, GrowingCost):
        cost = {"kind": "growing", "base": p.cost.base.plain(), "base_year": p.cost.base_year,
                "growth_percent": exact_number_text(p.cost.growth_percent)}
    elif isinstance(p.cost, SalaryCost) and not p.cost.rule_sets:
        c = p.cost
        cost = {"kind": "salary", "salary": c.salary.plain(), "zone": c.zone.value,
                "pension_percent": None if c.pension_percent is None else exact_number_text(c.pension_percent),
                "percent": exact_number_text(c.percent),
                "holiday_pay": None if c.holiday_pay is None else c.holiday_pay.value,
                "growth_percent": exact_number_text(c.growth_percent), "salary_year": c.salary_year,
                "birth_year": c.birth_year, "zone_1a_rate": None if c.zone_1a_rate is None else c.zone_1a_rate.value}
    else:
        raise InvalidTypeError(Notice("model.render.cost_no_json", {"subject": p.subject, "type": type(p.cost).__name__}),
                               field="cost", value=p.cost)
    return {
        "municipality": p.municipality, "position": p.position, "percent": exact_number_text(p.percent),
        "first_grant_year": p.first_grant_year, "cost": cost,
        "percent_changes": {str(y): exact_number_text(v) for y, v in sorted(p.percent_changes.items())},
        "granted": {str(y): m.plain() for y, m in sorted(p.granted.items())},
        "options": dict(p.options), "origin": p.origin,
    }


def _supplied_values(plan: Plan, lang: Lang) -> list[dict[str, Any]]:
    out = []
    for key, path, fact in rule_values_used(plan):
        if fact.status is Status.USER_SUPPLIED:
            value = fact.value.plain() if isinstance(fact.value, Money) else str(fact.value)
            out.append({"rule_set": key, "path": path, "value": value, "source": fact.citation.to_dict(),
                        "note": read(fact.note, lang) or None})
    return out


def _unknown_dict(u: UnknownValue, lang: Lang) -> dict[str, Any]:
    return {"rule_set": u.rule_set, "path": u.path, "name": read(u.name, lang), "note": read(u.note, lang) or None,
            "how_to_supply": read(u.how_to_supply, lang) or None, "positions": list(u.positions), "years": list(u.years)}


#: How a JSON plan explains its figures: ``"full"`` (or ``True``) — every row its whole explanation;
#: ``"cells"`` — every row names its rule cell (``row["rule"]``), and ``"rules"`` holds each cell once
#: (the amount per 100 % position, how it is cut and rounded, every rule value with its status and
#: source); ``False`` — no explanations.
Explanations = bool | Literal["full", "cells"]


def _mode(explanations: Explanations) -> str:
    if explanations is True or explanations == "full":
        return "full"
    if explanations is False:
        return "none"
    if explanations == "cells":
        return "cells"
    raise InvalidValueError(Notice("model.expected_got", {"expected": Notice("model.expect.explanations"),
                                                          "got": repr(explanations)}),
                            field="explanations", value=explanations, expected=Notice("model.expect.explanations"))


def _m(x: Money | None) -> str | None:
    return None if x is None else x.plain()


def _row_dict(r: PlanRow, mode: str, lang: Lang = DEFAULT_LANG) -> dict[str, Any]:
    row: dict[str, Any] = {
        "municipality": r.municipality, "position": r.position, "year": r.year,
        "year_in_scheme": r.year_in_scheme if r.year_in_scheme >= 1 else None,
        "percent": format_percent(r.percent, decimal_comma=False),
        "grant": _m(r.grant), "grant_source": r.grant_source, "cost": _m(r.cost),
        "own_financing": _m(r.own_financing), "own_financing_increase": _m(r.own_financing_increase),
    }
    cell = r.rule_cell if mode == "cells" else None
    if mode == "full" or (mode == "cells" and cell is None):
        row["explanation"] = r.explanation.to_dict(lang)
    elif cell is not None:
        row["rule"] = cell[0]
    return row


def _rule_dict(cell: Any) -> dict[str, Any]:
    """One rule cell as JSON: what the rule gives every position of the cell, and from which values."""
    rate, error = cell.rate, cell.error
    out: dict[str, Any] = {"year": cell.query.year, "first_grant_year": cell.query.first_grant_year}
    if error is not None:
        out.update({"unknown": str(error), "rule_set": error.rule_set, "path": error.path})
        return out
    rule_set = rate.rule_set
    out.update({"year_in_scheme": rate.year_in_scheme, "eligible": rate.eligible,
                "rule_set": rule_set.key_text, "digest": rule_set.digest,
                "per_full_position": rate.paid_per_full_position.plain(), "pro_rata": rate.pro_rata,
                "rounding": rate.rounding,
                "checks": [{"check": c.id, "passed": c.passed, "uses": [u.path for u in c.uses]}
                           for c in rate.verdict.checks]})
    out["facts"] = [ref.rule_set.use(ref.path, ref.fact).to_dict() for ref in rate.uses]
    return out


def _head_and_tail(plan: Plan, lang: Lang) -> tuple[dict[str, Any], dict[str, Any]]:
    head = {
        "document": PLAN_DOCUMENT,
        "document_version": DOCUMENT_VERSION,
        "scheme": plan.scheme_id,
        "years": list(plan.years),
        "positions": [position_to_dict(p) for p in plan.positions],
        "supplied_rule_values": _supplied_values(plan, lang),
    }
    tail = {
        "totals": {
            str(y): {"grant": _m(t.grant), "cost": _m(t.cost), "own_financing": _m(t.own_financing),
                     "own_financing_increase": _m(t.own_financing_increase),
                     "incomplete_positions": list(t.incomplete_positions)}
            for y, t in plan.totals.items()
        },
        "takeover_years": {f"{p.municipality} / {p.position}": plan.takeover_year(p.position, p.municipality)
                           for p in plan.positions},
        "warnings": [n.text(lang) for n in plan.notices],
        "problems": [{"municipality": p.municipality, "position": p.position, "year": p.year,
                      "message": read(p.message, lang),
                      "rule_set": p.rule_set, "path": p.path} for p in plan.problems],
        "unknowns": [_unknown_dict(u, lang) for u in plan.unknowns],
        "discrepancies": [d.text(lang) for d in plan.discrepancies],
        "rule_set_digests": dict(plan.digests),
        "amount_unit": "NOK (kroner), exact decimal strings",  # machine: a JSON value programs read
    }
    return head, tail


def to_dict(plan: Plan, *, explanations: Explanations = True, lang: Lang = DEFAULT_LANG) -> dict[str, Any]:
    """A JSON-able structure: the positions planned and the rule values supplied for them, rows (with
    explanations, see :data:`Explanations`), totals, warnings, problems, the unknown values once each,
    and the rule-set digests. Keys are stable English; the shape is the JSON Schema
    ``nedtrapping/schemas/plan.schema.json``, and :func:`nedtrapping.documents.plan_from_dict` rebuilds
    the plan from it. Explanations carry their wording id and their text in ``lang``."""
    mode = _mode(explanations)
    head, tail = _head_and_tail(plan, lang)
    rows: list[dict[str, Any]] = []
    rules: dict[str, Any] = {}
    for r in plan.rows:  # each row built once
        rows.append(_row_dict(r, mode, lang))
        cell = r.rule_cell if mode == "cells" else None
        if cell is not None and cell[0] not in rules:
            rules[cell[0]] = _rule_dict(cell[1])
    out: dict[str, Any] = {**head, "rows": rows}
    if mode == "cells":
        out["rules"] = rules
    return {**out, **tail}


def write_json(plan: Plan, out: TextIO, *, explanations: Explanations = True, lang: Lang = DEFAULT_LANG) -> None:
    """Write :func:`to_dict` as JSON to ``out``, a row at a time (the rows are not kept in memory)."""
    mode = _mode(explanations)
    head, tail = _head_and_tail(plan, lang)

    def section(key: str, value: Any) -> str:
        return f"  {json.dumps(key)}: " + json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")

    out.write("{\n" + ",\n".join(section(k, v) for k, v in head.items()) + ',\n  "rows": [')
    rules: dict[str, Any] = {}
    for i, r in enumerate(plan.rows):
        out.write(",\n    " if i else "\n    ")
        out.write(json.dumps(_row_dict(r, mode, lang), ensure_ascii=False, separators=(",", ":")))
        cell = r.rule_cell if mode == "cells" else None
        if cell is not None and cell[0] not in rules:
            rules[cell[0]] = _rule_dict(cell[1])
    out.write("\n  ]")
    rest = ({"rules": rules} if mode == "cells" else {}) | tail
    for key, value in rest.items():
        out.write(",\n" + section(key, value))
    out.write("\n}\n")


def to_json(plan: Plan, *, explanations: Explanations = True, lang: Lang = DEFAULT_LANG) -> str:
    """:func:`to_dict` as JSON text (UTF-8; a row a line)."""
    buf = io.StringIO()
    write_json(plan, buf, explanations=explanations, lang=lang)
    return buf.getvalue()


def _cell(x: Money | None, lang: Lang, *, first: bool = False) -> str:
    if x is None:
        return "–" if first else text("plan.unknown", lang)
    return str(x)


def _headers(lang: Lang, *, short: bool) -> tuple[str, ...]:
    yr = "plan.col.year_in_scheme_short" if short else "plan.col.year_in_scheme"
    return tuple(text(k, lang) for k in ("plan.col.position", "plan.col.year", yr, "plan.col.percent",
                                          "plan.col.grant", "plan.col.cost", "plan.col.own_financing",
                                          "plan.col.increase"))


def _render_table(rows: list[tuple[str, ...]], *, separator_before: int) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    numeric = [False, False, True, True, True, True, True, True]

    def line(r: tuple[str, ...]) -> str:
        cells = [c.rjust(w) if numeric[i] else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))]
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * w for w in widths)
    lines = [line(rows[0]), rule]
    for i, r in enumerate(rows[1:], start=1):
        if i == separator_before:
            lines.append(rule)
        lines.append(line(r))
    return "\n".join(lines)


def _takeovers(groups: PlanGroups, muni: str, lang: Lang) -> str:
    items = []
    for p in groups.positions(muni):
        ty = groups.takeover_year(p.position, muni)
        items.append(f"{p.position}: {ty if ty is not None else text('plan.takeover_none', lang)}")
    return text("plan.takeover", lang, items="; ".join(items))


#: A kind of warning with more than this many lines is shown as its first lines and a count (``grouped_notices``).
NOTICES_PER_KIND = 3
_WHOLE_KINDS = frozenset({"warning.fact"})


def grouped_notices(notices: Iterable[Notice], lang: Lang = DEFAULT_LANG, *,
                    per_kind: int | None = NOTICES_PER_KIND) -> list[str]:
    """The warnings as lines for a terminal: each kind's first ``per_kind`` lines, then how many more there are.

    Why: a plan of 10 000 positions has thousands of warnings of a few kinds; a person reads the
    kinds, and the documents (JSON, workbook) keep every line. ``per_kind=None`` gives them all.
    """
    by_kind: dict[str, list[Notice]] = {}
    for notice in notices:
        by_kind.setdefault(notice.key, []).append(notice)
    lines: list[str] = []
    for key, kind in by_kind.items():
        # the rule values that are not final are few and each matters: always listed whole
        shown = kind if per_kind is None or key in _WHOLE_KINDS else kind[:per_kind]
        lines += [n.text(lang) for n in shown]
        if len(kind) > len(shown):
            lines.append(text("plan.warnings_more", lang, count=len(kind) - len(shown)))
    return lines


def unknown_lines(plan: Plan, lang: Lang = DEFAULT_LANG) -> Iterator[str]:
    """Each unknown value once: what it is, the positions it leaves unknown, how to supply it."""
    for u in plan.unknowns:
        positions = ", ".join(f"{s} ({', '.join(str(y) for y in u.years)})" for s in u.positions)
        where = ": ".join(x for x in (u.rule_set, u.path) if x)
        # named by the catalogue's label of its path ("trinn 3 i årsstigen"), in the language asked for
        name = fact_label(u.path, lang) if u.path else read(u.name, lang)
        yield text("plan.unknown_value", lang, name=name[:1].upper() + name[1:], where=where, positions=positions)
        if u.how_to_supply:
            yield "  " + text("plan.how_to_supply", lang, how=read(u.how_to_supply, lang))
        year = u.rule_set.rsplit(" ", 1)[-1] if u.rule_set else ""
        if u.path and year.isdigit():  # how to type it in, as the reader does: an option, or the call in Python
            yield "  " + text("plan.supply_hint", lang, hint=supply_hint(u.path, int(year)).text(lang))


def _sections(plan: Plan, lang: Lang) -> list[tuple[str, list[str]]]:
    return [
        (text("plan.problems_count", lang, count=len(plan.problems)),
         [f"{p.municipality} / {p.position} {p.year}" for p in plan.problems] + list(unknown_lines(plan, lang))),
        (text("plan.discrepancies", lang), [d.text(lang) for d in plan.discrepancies]),
        (text("plan.warnings", lang), [n.text(lang) for n in plan.notices if n.key != "warning.discrepancy"]),
        (text("plan.digests", lang), [f"{k}: {v}" for k, v in sorted(plan.digests.items())]),
    ]


def to_text(plan: Plan, *, explain: bool = False, lang: Lang = DEFAULT_LANG) -> str:
    """A readable table per municipality, totals, problems, warnings and the rule-set digests."""
    out: list[str] = []
    groups = PlanGroups(plan)  # every row read once, grouped by municipality
    scheme = plan.scheme_name
    for muni in plan.municipalities:
        out.append(text("plan.heading", lang, municipality=muni, scheme=scheme))
        rows = groups.municipality_rows(muni)
        table: list[tuple[str, ...]] = [_headers(lang, short=True)]
        for r in rows:
            table.append((
                r.position, str(r.year), r.year_in_scheme_text or "–", format_percent(r.percent),
                _cell(r.grant, lang) + ("*" if r.grant_source != "rule" else ""), _cell(r.cost, lang),
                _cell(r.own_financing, lang), _cell(r.own_financing_increase, lang, first=r.year == plan.years[0]),
            ))
        for y, t in groups.municipality_totals(muni).items():
            table.append((
                text("plan.total", lang), str(y), "", "", _cell(t.grant, lang), _cell(t.cost, lang),
                _cell(t.own_financing, lang), _cell(t.own_financing_increase, lang, first=y == plan.years[0]),
            ))
        out.append(_render_table(table, separator_before=len(rows) + 1))
        out.append(_takeovers(groups, muni, lang))
        out.append("")
    if groups.letters:
        out.append("* " + text("plan.grant_letter_mark", lang))
    for i, (title, items) in enumerate(_sections(plan, lang)):
        if items or i == 3:
            out.append(title if title.endswith(":") else f"{title}:")
            out.extend(f"  - {item}" if not item.startswith("  ") else f"    {item.strip()}" for item in items)
    out.append(text("plan.rounding_footer", lang))
    if explain:
        out += ["", text("plan.explanations", lang)]
        out += [r.explanation.to_text(lang) for r in groups.rows]
    return "\n".join(out) + "\n"


def _md(value: str) -> str:
    """A text in a Markdown table cell or list item: ``|`` and ``\\`` escaped, one line, and HTML shown as text
    (a name such as ``<img src=x onerror=...>`` is never markup in a rendered report)."""
    escaped = value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    return escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_markdown(plan: Plan, *, explain: bool = False, lang: Lang = DEFAULT_LANG) -> str:
    """The plan as Markdown (for a report or a notebook): a table per municipality, totals, warnings."""
    out: list[str] = []
    head = "| " + " | ".join(_headers(lang, short=False)) + " |"
    total = f"**{text('plan.total_md', lang)}**"
    groups = PlanGroups(plan)  # every row read once, grouped by municipality
    for muni in plan.municipalities:
        out += [f"## {_md(muni)}", "", head, "|" + "---|" * 4 + "---:|" * 4]
        for r in groups.municipality_rows(muni):
            out.append(f"| {_md(r.position)} | {r.year} | {r.year_in_scheme_text or '–'} | "
                       f"{format_percent(r.percent)} | "
                       f"{_cell(r.grant, lang)}{' ¹' if r.grant_source != 'rule' else ''} | {_cell(r.cost, lang)} | "
                       f"{_cell(r.own_financing, lang)} | "
                       f"{_cell(r.own_financing_increase, lang, first=r.year == plan.years[0])} |")
        for y, t in groups.municipality_totals(muni).items():
            out.append(f"| {total} | {y} | | | {_cell(t.grant, lang)} | {_cell(t.cost, lang)} | "
                       f"{_cell(t.own_financing, lang)} | "
                       f"{_cell(t.own_financing_increase, lang, first=y == plan.years[0])} |")
        out.append("")
    if groups.letters:
        out += ["¹ " + text("plan.grant_letter_mark_md", lang), ""]
    for title, items in _sections(plan, lang):
        if items:
            title = title.rstrip(":")
            lines = [f"- {_md(i)}" if not i.startswith("  ") else f"  - {_md(i.strip())}" for i in items]
            out += [f"### {title}", "", *lines, ""]
    out.append(text("plan.rounding_footer", lang))
    if explain:
        out += ["", f"### {text('plan.explanations', lang)}", ""]
        out += [r.explanation.to_markdown(lang) for r in groups.rows]
    return "\n".join(out) + "\n"


def _h(value: object) -> str:
    return html.escape(str(value), quote=True)


def to_html(plan: Plan, *, lang: Lang = DEFAULT_LANG) -> str:
    """The plan as an HTML fragment for a notebook: a table per municipality with totals, then the unknown
    values, discrepancies and warnings (folded), and the rule-set digests. Every text is escaped."""
    head = "".join(f"<th>{_h(h)}</th>" for h in _headers(lang, short=False))
    right = ' style="text-align:right"'
    out = ['<div class="nedtrapping-plan">']
    groups = PlanGroups(plan)  # every row read once, grouped by municipality
    scheme = plan.scheme_name
    for muni in plan.municipalities:
        out.append(f"<h4>{_h(text('plan.heading', lang, municipality=muni, scheme=scheme))}</h4>")
        out.append(f"<table><thead><tr>{head}</tr></thead><tbody>")
        for r in groups.municipality_rows(muni):
            mark = "*" if r.grant_source != "rule" else ""
            cells = [_cell(r.grant, lang) + mark, _cell(r.cost, lang), _cell(r.own_financing, lang),
                     _cell(r.own_financing_increase, lang, first=r.year == plan.years[0])]
            out.append(f"<tr><td>{_h(r.position)}</td><td>{r.year}</td><td{right}>{_h(r.year_in_scheme_text or '–')}"
                       f"</td><td{right}>{_h(format_percent(r.percent))}</td>"
                       + "".join(f"<td{right}>{_h(c)}</td>" for c in cells) + "</tr>")
        for y, t in groups.municipality_totals(muni).items():
            cells = [_cell(t.grant, lang), _cell(t.cost, lang), _cell(t.own_financing, lang),
                     _cell(t.own_financing_increase, lang, first=y == plan.years[0])]
            out.append(f"<tr><th>{_h(text('plan.total_md', lang))}</th><th>{y}</th><th></th><th></th>"
                       + "".join(f"<th{right}>{_h(c)}</th>" for c in cells) + "</tr>")
        out.append("</tbody></table>")
        out.append(f"<p>{_h(_takeovers(groups, muni, lang))}</p>")
    for i, (title, items) in enumerate(_sections(plan, lang)):
        if not items:
            continue
        opened = " open" if i == 0 else ""
        lines = "".join(f"<li>{_h(item.strip())}</li>" for item in items)
        out.append(f"<details{opened}><summary>{_h(title.rstrip(':'))} ({len(items)})</summary><ul>{lines}</ul>"
                   "</details>")
    out.append(f"<p><small>{_h(text('plan.rounding_footer', lang))}</small></p></div>")
    return "\n".join(out)
