"""A plan for people (table, Markdown) and for programs (CSV, JSON).

Why here: the plan (:class:`nedtrapping.plan.Plan`) holds figures and structured facts;
this module decides how they look. People read Norwegian bokmål by default
(``lang="en"`` for English), with every word from :mod:`nedtrapping.wording`; programs
read the CSV (:data:`CSV_COLUMNS`) and the JSON (:func:`to_dict`), whose keys are
stable English and do not follow ``lang``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any, Literal, TextIO

from nedtrapping.money import Money, format_percent
from nedtrapping.plan import Plan, PlanRow, UnknownValue
from nedtrapping.wording import DEFAULT_LANG, Lang, text

__all__ = [
    "CSV_COLUMNS",
    "csv_values",
    "to_csv",
    "write_csv",
    "to_dict",
    "to_json",
    "write_json",
    "Explanations",
    "to_text",
    "to_markdown",
    "unknown_lines",
]

#: The machine CSV's columns: stable English names, amounts in plain kroner, unknown = empty.
CSV_COLUMNS = (
    "municipality", "position", "year", "year_in_scheme", "percent",
    "grant", "cost", "own_financing", "own_financing_increase",
)


def _plain(x: Money | None) -> str:
    return "" if x is None else x.plain()


def csv_values(r: PlanRow) -> list[str]:
    """One row of the machine CSV, in :data:`CSV_COLUMNS` order."""
    return [
        r.municipality, r.position, str(r.year), r.year_in_scheme_text, format_percent(r.percent, decimal_comma=False),
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
    """Write the plan as CSV to ``out`` row by row, from its figures (no row objects are built or kept)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    percents: dict[Any, str] = {}
    plain = _plain_ore
    for municipality, position, year, n, percent, grant, cost, own, increase, _ in plan.row_values():
        key = (percent.numerator, percent.denominator)  # hashed faster than the Fraction
        shown = percents.get(key)
        if shown is None:
            shown = percents[key] = format_percent(percent, decimal_comma=False)
        writer.writerow((municipality, position, year, n if n >= 1 else "", shown, plain(grant), plain(cost),
                         plain(own), plain(increase)))


def to_csv(plan: Plan) -> str:
    """The plan as CSV with :data:`CSV_COLUMNS`; amounts in plain kroner; unknown = empty."""
    buf = io.StringIO()
    write_csv(plan, buf)
    return buf.getvalue()


def _unknown_dict(u: UnknownValue) -> dict[str, Any]:
    return {"rule_set": u.rule_set, "path": u.path, "name": u.name, "note": u.note,
            "how_to_supply": u.how_to_supply, "positions": list(u.positions), "years": list(u.years)}


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
    raise ValueError(f"explanations: expected True, False, 'full' or 'cells', got {explanations!r}")


def _m(x: Money | None) -> str | None:
    return None if x is None else x.plain()


def _row_dict(r: PlanRow, mode: str) -> dict[str, Any]:
    row: dict[str, Any] = {
        "municipality": r.municipality, "position": r.position, "year": r.year,
        "year_in_scheme": r.year_in_scheme if r.year_in_scheme >= 1 else None,
        "percent": format_percent(r.percent, decimal_comma=False),
        "grant": _m(r.grant), "grant_source": r.grant_source, "cost": _m(r.cost),
        "own_financing": _m(r.own_financing), "own_financing_increase": _m(r.own_financing_increase),
    }
    if mode == "full" or (mode == "cells" and r.rule_cell is None):
        row["explanation"] = r.explanation.to_dict() if r.why is not None else None
    elif mode == "cells":
        assert r.rule_cell is not None
        row["rule"] = r.rule_cell[0]
    return row


def _rule_dict(cell: Any) -> dict[str, Any]:
    """One rule cell as JSON: what the rule gives every position of the cell, and from which values."""
    rate, figure, error = cell.rate, cell.figure, cell.error
    out: dict[str, Any] = {"year": cell.query.year, "first_grant_year": cell.query.first_grant_year}
    if error is not None:
        out.update({"unknown": str(error), "rule_set": error.rule_set, "path": error.path})
        return out
    source = rate if rate is not None else figure
    rule_set = source.rule_set
    out.update({"year_in_scheme": source.year_in_scheme, "eligible": source.eligible,
                "rule_set": rule_set.key_text, "digest": rule_set.digest})
    if rate is not None:
        out.update({"per_full_position": rate.per_full_position.plain(), "pro_rata": rate.pro_rata,
                    "rounding": rate.rounding})
    else:
        out.update({"percent": format_percent(cell.query.percent, decimal_comma=False),
                    "amount": figure.amount.plain()})
    out["facts"] = [ref.rule_set.use(ref.name, ref.fact).to_dict() for ref in source.uses]
    return out


def _head_and_tail(plan: Plan) -> tuple[dict[str, Any], dict[str, Any]]:
    head = {"scheme": plan.scheme_id, "years": list(plan.years)}
    tail = {
        "totals": {
            str(y): {"grant": _m(t.grant), "cost": _m(t.cost), "own_financing": _m(t.own_financing),
                     "own_financing_increase": _m(t.own_financing_increase),
                     "incomplete_positions": list(t.incomplete_positions)}
            for y, t in plan.totals.items()
        },
        "takeover_years": {f"{p.municipality} / {p.position}": plan.takeover_year(p.position, p.municipality)
                           for p in plan.positions},
        "warnings": list(plan.warnings),
        "problems": [{"municipality": p.municipality, "position": p.position, "year": p.year, "message": p.message,
                      "rule_set": p.rule_set, "path": p.path} for p in plan.problems],
        "unknowns": [_unknown_dict(u) for u in plan.unknowns],
        "discrepancies": [str(d) for d in plan.discrepancies],
        "rule_set_digests": dict(plan.digests),
        "amount_unit": "NOK (kroner), exact decimal strings",
    }
    return head, tail


def to_dict(plan: Plan, *, explanations: Explanations = True) -> dict[str, Any]:
    """A JSON-able structure: rows (with explanations, see :data:`Explanations`), totals, warnings,
    problems, the unknown values once each, and the rule-set digests. Keys are stable English."""
    mode = _mode(explanations)
    head, tail = _head_and_tail(plan)
    rows = [_row_dict(r, mode) for r in plan.rows]
    out = {**head, "rows": rows}
    if mode == "cells":
        out["rules"] = {r.rule_cell[0]: _rule_dict(r.rule_cell[1]) for r in plan.rows if r.rule_cell is not None}
    return {**out, **tail}


def write_json(plan: Plan, out: TextIO, *, explanations: Explanations = True) -> None:
    """Write :func:`to_dict` as JSON to ``out``, one row at a time (rows are not kept in memory)."""
    mode = _mode(explanations)
    head, tail = _head_and_tail(plan)
    out.write("{\n")
    for key, value in head.items():
        out.write(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},\n")
    out.write('  "rows": [')
    rules: dict[str, Any] = {}
    for i, r in enumerate(plan.rows):
        out.write(",\n    " if i else "\n    ")
        out.write(json.dumps(_row_dict(r, mode), ensure_ascii=False, separators=(",", ":")))
        if mode == "cells" and r.rule_cell is not None and r.rule_cell[0] not in rules:
            rules[r.rule_cell[0]] = _rule_dict(r.rule_cell[1])
    out.write("\n  ]")
    sections = ({"rules": rules} if mode == "cells" else {}) | tail
    for key, value in sections.items():
        body = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        out.write(f",\n  {json.dumps(key)}: {body}")
    out.write("\n}\n")


def to_json(plan: Plan, *, explanations: Explanations = True) -> str:
    """:func:`to_dict` as JSON text (UTF-8; a row a line)."""
    buf = io.StringIO()
    write_json(plan, buf, explanations=explanations)
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


def _takeovers(plan: Plan, muni: str, lang: Lang) -> str:
    items = []
    for p in plan.positions:
        if p.municipality == muni:
            ty = plan.takeover_year(p.position, muni)
            items.append(f"{p.position}: {ty if ty is not None else text('plan.takeover_none', lang)}")
    return text("plan.takeover", lang, items="; ".join(items))


def unknown_lines(plan: Plan, lang: Lang = DEFAULT_LANG) -> Iterator[str]:
    """Each unknown value once: what it is, the positions it leaves unknown, how to supply it."""
    for u in plan.unknowns:
        positions = ", ".join(f"{s} ({', '.join(str(y) for y in u.years)})" for s in u.positions)
        where = ": ".join(x for x in (u.rule_set, u.path) if x)
        yield text("plan.unknown_value", lang, name=u.name, where=where, positions=positions)
        if u.how_to_supply:
            yield "  " + text("plan.how_to_supply", lang, how=u.how_to_supply)


def _sections(plan: Plan, lang: Lang) -> list[tuple[str, list[str]]]:
    return [
        (text("plan.problems_count", lang, count=len(plan.problems)),
         [f"{p.municipality} / {p.position} {p.year}" for p in plan.problems] + list(unknown_lines(plan, lang))),
        (text("plan.discrepancies", lang), [d.notice().text(lang).split(": ", 1)[1] for d in plan.discrepancies]),
        (text("plan.warnings", lang), [n.text(lang) for n in plan.notices]),
        (text("plan.digests", lang), [f"{k}: {v}" for k, v in sorted(plan.digests.items())]),
    ]


def to_text(plan: Plan, *, explain: bool = False, lang: Lang = DEFAULT_LANG) -> str:
    """A readable table per municipality, totals, problems, warnings and the rule-set digests."""
    out: list[str] = []
    by_municipality: dict[str, list[PlanRow]] = {}
    for r in plan.rows:
        by_municipality.setdefault(r.municipality, []).append(r)
    for muni in plan.municipalities:
        out.append(text("plan.heading", lang, municipality=muni, scheme=plan.scheme_name))
        rows = by_municipality.get(muni, [])
        table: list[tuple[str, ...]] = [_headers(lang, short=True)]
        for r in rows:
            table.append((
                r.position, str(r.year), r.year_in_scheme_text or "–", format_percent(r.percent),
                _cell(r.grant, lang) + ("*" if r.grant_source != "rule" else ""), _cell(r.cost, lang),
                _cell(r.own_financing, lang), _cell(r.own_financing_increase, lang, first=r.year == plan.years[0]),
            ))
        for y, t in plan.municipality_totals(muni).items():
            table.append((
                text("plan.total", lang), str(y), "", "", _cell(t.grant, lang), _cell(t.cost, lang),
                _cell(t.own_financing, lang), _cell(t.own_financing_increase, lang, first=y == plan.years[0]),
            ))
        out.append(_render_table(table, separator_before=len(rows) + 1))
        out.append(_takeovers(plan, muni, lang))
        out.append("")
    if any(r.grant_source != "rule" for r in plan.rows):
        out.append("* " + text("plan.grant_letter_mark", lang))
    for i, (title, items) in enumerate(_sections(plan, lang)):
        if items or i == 3:
            out.append(title if title.endswith(":") else f"{title}:")
            out.extend(f"  - {item}" if not item.startswith("  ") else f"    {item.strip()}" for item in items)
    out.append(text("plan.rounding_footer", lang))
    if explain:
        out += ["", text("plan.explanations", lang)]
        out += [r.explanation.to_text() for r in plan.rows]
    return "\n".join(out) + "\n"


def _md(value: str) -> str:
    return value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def to_markdown(plan: Plan, *, explain: bool = False, lang: Lang = DEFAULT_LANG) -> str:
    """The plan as Markdown (for a report or a notebook): a table per municipality, totals, warnings."""
    out: list[str] = []
    head = "| " + " | ".join(_headers(lang, short=False)) + " |"
    total = f"**{text('plan.total_md', lang)}**"
    by_municipality: dict[str, list[PlanRow]] = {}
    for r in plan.rows:
        by_municipality.setdefault(r.municipality, []).append(r)
    for muni in plan.municipalities:
        out += [f"## {_md(muni)}", "", head, "|" + "---|" * 4 + "---:|" * 4]
        for r in by_municipality.get(muni, []):
            if r.municipality == muni:
                out.append(f"| {_md(r.position)} | {r.year} | {r.year_in_scheme_text or '–'} | "
                           f"{format_percent(r.percent)} | "
                           f"{_cell(r.grant, lang)}{' ¹' if r.grant_source != 'rule' else ''} | {_cell(r.cost, lang)} | "
                           f"{_cell(r.own_financing, lang)} | "
                           f"{_cell(r.own_financing_increase, lang, first=r.year == plan.years[0])} |")
        for y, t in plan.municipality_totals(muni).items():
            out.append(f"| {total} | {y} | | | {_cell(t.grant, lang)} | {_cell(t.cost, lang)} | "
                       f"{_cell(t.own_financing, lang)} | "
                       f"{_cell(t.own_financing_increase, lang, first=y == plan.years[0])} |")
        out.append("")
    if any(r.grant_source != "rule" for r in plan.rows):
        out += ["¹ " + text("plan.grant_letter_mark_md", lang), ""]
    for title, items in _sections(plan, lang):
        if items:
            title = title.rstrip(":")
            lines = [f"- {_md(i)}" if not i.startswith("  ") else f"  - {_md(i.strip())}" for i in items]
            out += [f"### {title}", "", *lines, ""]
    out.append(text("plan.rounding_footer", lang))
    if explain:
        out += ["", f"### {text('plan.explanations', lang)}", ""]
        out += [r.explanation.to_markdown() for r in plan.rows]
    return "\n".join(out) + "\n"
