"""The page: server-rendered HTML in bokmål (English on request), no script, every text escaped.

Why without a template engine: the page is a few forms and tables; built from the library's own
objects (a :class:`~nedtrapping.plan.Plan`, rule sets, calendar entries) with every word from the
catalogue, it needs nothing but escaping. The figures are the plan's; nothing here adds or rounds.

Accessibility: one ``h1`` per page and headings in order, a skip link, every input with a
``label``, tables with captions and header cells, the language set on ``<html>`` (and on text
quoted in another language), focus always visible, colours with at least 4.5:1 contrast.
"""

from __future__ import annotations

import base64
import html
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import quote, urlencode

from nedtrapping.money import Money, format_percent
from nedtrapping.plan import Plan, PlanRow
from nedtrapping.provenance import Citation, Status, value_text
from nedtrapping.readable import read
from nedtrapping.ruleset import RuleSet
from nedtrapping.web.service import Limits, WebProblem
from nedtrapping.wording import Lang, fact_label, status_word, text

__all__ = ["layout", "home", "plan_page", "problem_page", "rules_index", "rule_set_page", "calendar_page",
           "problem_type_page", "DOWNLOADS"]

#: The downloads of a plan: format → (wording id of the button, file suffix, media type).
DOWNLOADS: dict[str, tuple[str, str, str]] = {
    "xlsx": ("web.download.xlsx", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "excel": ("web.download.excel", ".csv", "text/csv; charset=utf-8"),  # machine: a media type
    "json": ("web.download.json", ".json", "application/json"),
    "markdown": ("web.download.markdown", ".md", "text/markdown; charset=utf-8"),  # machine: a media type
}


def _h(value: object) -> str:
    return html.escape(str(value), quote=True)


def _url(path: str, lang: Lang, **params: str) -> str:
    query = {**({"lang": lang} if lang != "nb" else {}), **params}
    return path + (f"?{urlencode(query)}" if query else "")


def layout(title: str, body: str, *, lang: Lang, path: str = "/", current: str = "plan") -> str:
    """A whole page: head, skip link, navigation, the language switch, ``body`` and the footer."""
    other: Lang = "en" if lang == "nb" else "nb"
    here = ' aria-current="page"'
    nav = "".join(
        f'<li><a href="{_h(_url(href, lang))}"{here if key == current else ""}>'
        f"{_h(text(f'web.nav.{key}', lang))}</a></li>"
        for key, href in (("plan", "/"), ("rules", "/rules"), ("calendar", "/calendar"), ("api", "/openapi.json")))
    switch = (f'<a class="lang" href="{_h(_url(path, other))}" hreflang="{other}" lang="{other}">'
              f"{_h(text('web.other_lang', lang))}</a>")
    return (
        f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_h(title)} — {_h(text('web.site_title', lang))}</title>\n"
        '<link rel="stylesheet" href="/style.css">\n</head>\n<body>\n'
        f'<a class="skip" href="#main">{_h(text("web.skip", lang))}</a>\n'
        f'<header><p class="site">{_h(text("web.site_title", lang))}</p>'
        f'<nav aria-label="{_h(text("web.nav.label", lang))}"><ul>{nav}</ul></nav>{switch}</header>\n'
        f'<main id="main" tabindex="-1">\n{body}\n</main>\n'
        f'<footer><p>{_h(text("web.footer", lang))}</p></footer>\n</body>\n</html>\n'
    )


def _problem_block(problem: WebProblem, lang: Lang) -> str:
    items = "".join(f"<li>{_h(item.detail(lang))}</li>" for item in problem.items)
    return (f'<section class="problem" aria-labelledby="problem-heading" role="alert">'
            f'<h2 id="problem-heading">{_h(text("web.problem.heading", lang))}: {_h(problem.title)}</h2>'
            f"<p>{_h(problem.detail)}</p>" + (f'<ul id="problems">{items}</ul>' if items else "") + "</section>")


def _form(lang: Lang, schemes: Sequence[tuple[str, str]], scheme: str, limits: Limits) -> str:
    options = "".join(f'<option value="{_h(sid)}"{" selected" if sid == scheme else ""}>{_h(name)} ({_h(sid)})'
                      "</option>" for sid, name in schemes)
    hint = text("web.form.file_hint", lang, megabytes=limits.max_body_bytes // (1024 * 1024),
                rows=limits.max_positions)
    return (
        f'<section aria-labelledby="form-heading"><h2 id="form-heading">{_h(text("web.form.heading", lang))}</h2>'
        f'<p>{_h(text("web.intro", lang))}</p>'
        f'<form id="upload" method="post" action="{_h(_url("/plan", lang))}" enctype="multipart/form-data">'
        f'<p><label for="file">{_h(text("web.form.file", lang))}</label>'
        f'<input type="file" id="file" name="file" accept=".xlsx,.xlsm,.csv,.txt,.tsv,.json" '
        f'aria-describedby="file-hint"><span id="file-hint" class="hint">{_h(hint)}</span></p>'
        f'<p class="check"><input type="checkbox" id="example" name="example" value="1">'
        f'<label for="example">{_h(text("web.form.example", lang))}</label></p>'
        f'<p><label for="scheme">{_h(text("web.form.scheme", lang))}</label>'
        f'<select id="scheme" name="scheme">{options}</select></p>'
        f'<p><button type="submit" id="make-plan">{_h(text("web.form.submit", lang))}</button></p>'
        "</form></section>"
    )


def home(*, lang: Lang, schemes: Sequence[tuple[str, str]], scheme: str, limits: Limits,
         problem: WebProblem | None = None) -> str:
    """The first page: the form (and what was wrong with the last try, if anything)."""
    body = (f"<h1>{_h(text('web.site_title', lang))}</h1>" + (_problem_block(problem, lang) if problem else "")
            + _form(lang, schemes, scheme, limits))
    return layout(text("web.form.heading", lang), body, lang=lang, path="/")


def problem_page(problem: WebProblem, *, lang: Lang, path: str) -> str:
    """A page for a problem that has no form to go back to (a link that does not exist, a bad parameter)."""
    body = f"<h1>{_h(problem.title)}</h1>{_problem_block(problem, lang)}"
    return layout(problem.title, body, lang=lang, path=path, current="")


# --------------------------------------------------------------------------- the plan


def _money(value: Money | None, lang: Lang, *, first: bool = False) -> str:
    if value is None:
        return "–" if first else text("plan.unknown", lang)
    return str(value)


def _figure_cell(value: Money | None, lang: Lang, *, year: int, figure: str, first: bool = False,
                 header: bool = False, mark: str = "") -> str:
    tag = "th" if header else "td"
    unknown = ' class="num unknown"' if value is None and not first else ' class="num"'  # machine: markup
    return (f'<{tag}{unknown} data-year="{year}" data-figure="{figure}">{_h(_money(value, lang, first=first))}'
            f"{mark}</{tag}>")


def _headers(lang: Lang) -> str:
    keys = ("plan.col.position", "plan.col.year", "plan.col.year_in_scheme", "plan.col.percent", "plan.col.grant",
            "plan.col.cost", "plan.col.own_financing", "plan.col.increase")
    return "".join(f'<th scope="col">{_h(text(k, lang))}</th>' for k in keys)


def _municipality_table(plan: Plan, muni: str, plan_rows: Sequence[PlanRow], index: int, lang: Lang) -> str:
    first_year = plan.years[0]
    increase_first = plan.base_year is None
    rows = []
    for r in plan_rows:
        mark = " *" if r.grant_source != "rule" else ""
        rows.append(
            f'<tr><th scope="row">{_h(r.position)}</th><td>{r.year}</td><td class="num">'
            f'{_h(r.year_in_scheme_text or "–")}</td><td class="num">{_h(format_percent(r.percent))}</td>'
            + _figure_cell(r.grant, lang, year=r.year, figure="grant", mark=mark)
            + _figure_cell(r.cost, lang, year=r.year, figure="cost")
            + _figure_cell(r.own_financing, lang, year=r.year, figure="own_financing")
            + _figure_cell(r.own_financing_increase, lang, year=r.year, figure="increase",
                           first=r.year == first_year and increase_first) + "</tr>")
    for year, t in plan.municipality_totals(muni).items():
        rows.append(
            f'<tr class="total"><th scope="row">{_h(text("plan.total_md", lang))}</th><th>{year}</th><td></td><td></td>'
            + _figure_cell(t.grant, lang, year=year, figure="grant", header=True)
            + _figure_cell(t.cost, lang, year=year, figure="cost", header=True)
            + _figure_cell(t.own_financing, lang, year=year, figure="own_financing", header=True)
            + _figure_cell(t.own_financing_increase, lang, year=year, figure="increase", header=True,
                           first=year == first_year and increase_first) + "</tr>")
    takeovers = "; ".join(
        f"{p.position}: {plan.takeover_year(p.position, muni) or text('plan.takeover_none', lang)}"
        for p in plan.positions if p.municipality == muni)
    return (f'<div class="scroll"><table class="plan" id="municipality-{index}">'
            f"<caption>{_h(text('web.plan.caption', lang, municipality=muni))}</caption>"
            f"<thead><tr>{_headers(lang)}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
            f"<p>{_h(text('plan.takeover', lang, items=takeovers))}</p>")


def _totals_table(plan: Plan, lang: Lang) -> str:
    first_year = plan.years[0]
    increase_first = plan.base_year is None
    head = "".join(f'<th scope="col">{_h(text(k, lang))}</th>' for k in (
        "plan.col.year", "plan.col.grant", "plan.col.cost", "plan.col.own_financing", "plan.col.increase"))
    rows = "".join(
        f'<tr><th scope="row">{year}</th>'
        + _figure_cell(t.grant, lang, year=year, figure="grant")
        + _figure_cell(t.cost, lang, year=year, figure="cost")
        + _figure_cell(t.own_financing, lang, year=year, figure="own_financing")
        + _figure_cell(t.own_financing_increase, lang, year=year, figure="increase",
                       first=year == first_year and increase_first) + "</tr>"
        for year, t in plan.totals.items())
    return (f'<div class="scroll"><table class="totals" id="totals"><caption>{_h(text("web.plan.totals", lang))}'
            f"</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>")


def _hidden(name: str, value: str) -> str:
    return f'<input type="hidden" name="{_h(name)}" value="{_h(value)}">'


def _unknowns(plan: Plan, lang: Lang, supplied: Mapping[tuple[int, str], str], source: str) -> str:
    """An input box for every value the plan needs and no source gives, and for every value already supplied."""
    boxes: list[str] = []
    seen: set[tuple[int, str]] = set()
    for i, u in enumerate(plan.unknowns):
        if not u.rule_set or not u.path:
            continue
        year = int(u.rule_set.rsplit(" ", 1)[1])
        seen.add((year, u.path))
        label = text("web.unknown.label", lang, name=fact_label(u.path, lang), rule_set=u.rule_set)
        where = text("web.unknown.where", lang, year=year, positions=", ".join(u.positions))
        how = (f'<span class="how">{_h(text("web.unknown.how", lang, how=read(u.how_to_supply, lang)))}</span>'
               if u.how_to_supply else "")
        boxes.append(
            f'<p class="supply"><label for="supply-{i}">{_h(label)}</label>'
            f'<input type="text" inputmode="decimal" id="supply-{i}" name="supply:{year}:{_h(u.path)}" '
            f'aria-describedby="supply-{i}-where" autocomplete="off">'
            f'<span class="hint" id="supply-{i}-where">{_h(where)} {how}</span></p>')
    for j, ((year, path), value) in enumerate(sorted(supplied.items())):
        if (year, path) in seen:
            continue
        label = text("web.unknown.label", lang, name=fact_label(path, lang), rule_set=f"{plan.scheme_id} {year}")
        boxes.append(
            f'<p class="supply"><label for="supplied-{j}">{_h(label)} — {_h(text("web.unknown.supplied", lang))}'
            f'</label><input type="text" inputmode="decimal" id="supplied-{j}" name="supply:{year}:{_h(path)}" '
            f'value="{_h(value)}" autocomplete="off"></p>')
    if not boxes:
        return ""
    return (
        f'<section aria-labelledby="unknown-heading"><h2 id="unknown-heading">{_h(text("web.unknown.heading", lang))}'
        f'</h2><p>{_h(text("web.unknown.intro", lang))}</p>'
        f'<form id="supply" method="post" action="{_h(_url("/plan", lang))}" enctype="multipart/form-data">'
        + "".join(boxes)
        + f'<p><label for="source">{_h(text("web.unknown.source", lang))}</label>'
        f'<input type="text" id="source" name="source" value="{_h(source)}" aria-describedby="source-hint" '
        f'autocomplete="off"><span class="hint" id="source-hint">{_h(text("web.unknown.source_hint", lang))}</span></p>'
        + _hidden("positions_document", _document(plan)) + _hidden("scheme", plan.scheme_id)
        + f'<p><button type="submit" id="recompute">{_h(text("web.unknown.recompute", lang))}</button></p>'
        "</form></section>")


def _document(plan: Plan) -> str:
    from nedtrapping.documents import positions_to_dict

    return json.dumps(positions_to_dict(plan.positions, scheme=plan.scheme_id), ensure_ascii=False,
                      separators=(",", ":"))


def _downloads(plan: Plan, lang: Lang, supplied: Mapping[tuple[int, str], str], source: str) -> str:
    hidden = (_hidden("positions_document", _document(plan)) + _hidden("scheme", plan.scheme_id)
              + _hidden("source", source)
              + "".join(_hidden(f"supply:{year}:{path}", value) for (year, path), value in sorted(supplied.items())))
    buttons = "".join(f'<li><button type="submit" name="format" value="{fmt}" id="download-{fmt}">'
                      f"{_h(text(key, lang))}</button></li>" for fmt, (key, _, _) in DOWNLOADS.items())
    return (f'<section aria-labelledby="download-heading"><h2 id="download-heading">'
            f'{_h(text("web.download.heading", lang))}</h2>'
            f'<form id="downloads" method="post" action="{_h(_url("/download", lang))}" '
            f'enctype="multipart/form-data">{hidden}<ul class="buttons">{buttons}</ul></form></section>')


def _not_final(plan: Plan, lang: Lang) -> str:
    from nedtrapping.render.plan import rule_values_used

    items = [(key, path, fact) for key, path, fact in rule_values_used(plan) if fact.status is not Status.FINAL]
    if not items:
        return f"<p>{_h(text('web.plan.not_final_none', lang))}</p>"
    rows = "".join(
        f"<tr><td>{_h(key)}</td><td>{_h(fact_label(path, lang))} <code>{_h(path)}</code></td>"
        f"<td>{_h(value_text(fact.value, lang))}</td>"
        f"<td>{_h(status_word(fact.status, lang))}</td><td>{_citation(fact.citation)}</td></tr>"
        for key, path, fact in items)
    head = "".join(f'<th scope="col">{_h(text(k, lang))}</th>' for k in (
        "plan.col.rule_set", "plan.col.path", "plan.col.value", "plan.col.status", "plan.col.source"))
    return (f'<div class="scroll"><table id="not-final"><caption>{_h(text("web.plan.not_final", lang))}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>")


def _citation(c: Citation) -> str:
    words = _h(", ".join(x for x in (c.document, c.section, c.published.isoformat() if c.published else None) if x))
    if c.url and c.url.startswith(("https://", "http://")):
        return f'<a href="{_h(c.url)}" rel="noreferrer noopener">{words}</a>'
    return words


def _list_section(ident: str, title: str, items: Iterable[str]) -> str:
    lines = "".join(f"<li>{_h(item)}</li>" for item in items)
    if not lines:
        return ""
    return f'<section aria-labelledby="{ident}-heading"><h2 id="{ident}-heading">{_h(title)}</h2><ul id="{ident}">' \
           f"{lines}</ul></section>"


def plan_page(plan: Plan, *, lang: Lang, source: str, notes: Sequence[str], chart_svg: bytes | None,
              supplied: Mapping[tuple[int, str], str], letter: str, schemes: Sequence[tuple[str, str]],
              limits: Limits, problem: WebProblem | None = None) -> str:
    """The plan: a table per municipality with its totals, the totals of all, what must be supplied, the chart,
    the downloads, the warnings and what is not final; the form for another file below."""
    from nedtrapping.render.plan import unknown_lines

    state = (text("web.plan.complete", lang) if plan.is_complete
             else text("web.plan.incomplete", lang, count=len(plan.problems)))
    parts = [f"<h1>{_h(text('web.plan.heading', lang, source=source))}</h1>",
             f'<p id="plan-state" class="{"complete" if plan.is_complete else "incomplete"}">{_h(state)}</p>']
    if problem is not None:
        parts.append(_problem_block(problem, lang))
    parts.append(_unknowns(plan, lang, supplied, letter))
    parts.append(f'<section aria-labelledby="plan-tables"><h2 id="plan-tables">'
                 f'{_h(text("plan.heading", lang, municipality=", ".join(plan.municipalities), scheme=plan.scheme_name))}'
                 "</h2>")
    by_municipality: dict[str, list[PlanRow]] = {}
    for r in plan.rows:  # each row built once
        by_municipality.setdefault(r.municipality, []).append(r)
    for i, muni in enumerate(plan.municipalities):
        parts.append(f"<h3>{_h(muni)}</h3>" + _municipality_table(plan, muni, by_municipality.get(muni, []), i, lang))
    if any(r.grant_source != "rule" for rows in by_municipality.values() for r in rows):
        parts.append(f"<p>* {_h(text('plan.grant_letter_mark', lang))}</p>")
    parts.append(_totals_table(plan, lang) + f"<p class=\"small\">{_h(text('plan.rounding_footer', lang))}</p>"
                 "</section>")
    if chart_svg is not None:
        data = base64.b64encode(chart_svg).decode("ascii")
        parts.append(f'<section aria-labelledby="chart-heading"><h2 id="chart-heading">'
                     f'{_h(text("web.plan.chart", lang))}</h2><img id="chart" src="data:image/svg+xml;base64,{data}" '
                     f'alt="{_h(text("web.plan.chart_alt", lang))}"></section>')
    else:
        parts.append(f'<p class="small">{_h(text("web.plan.no_chart", lang))}</p>')
    parts.append(_downloads(plan, lang, supplied, letter))
    if not plan.is_complete:
        parts.append(_list_section("unknown-lines", text("plan.problems", lang),
                                   [line.strip() for line in unknown_lines(plan, lang)]))
    parts.append(_list_section("discrepancies", text("plan.discrepancies", lang),
                               [d.notice().text(lang) for d in plan.discrepancies]))
    parts.append(_list_section("warnings", text("plan.warnings", lang),
                               [n.text(lang) for n in plan.notices if n.key != "warning.discrepancy"]))
    parts.append(f'<section aria-labelledby="not-final-heading"><h2 id="not-final-heading">'
                 f'{_h(text("web.plan.not_final", lang))}</h2>{_not_final(plan, lang)}</section>')
    parts.append(_list_section("notes", text("web.plan.notes", lang), notes))
    parts.append(_list_section("digests", text("plan.digests", lang),
                               [f"{k}: {v}" for k, v in sorted(plan.digests.items())]))
    parts.append(_form(lang, schemes, plan.scheme_id, limits))
    return layout(text("web.plan.heading", lang, source=source), "\n".join(p for p in parts if p), lang=lang,
                  path="/")


# --------------------------------------------------------------------------- the rules and the calendar


def rules_index(rule_sets: Sequence[RuleSet], *, lang: Lang) -> str:
    """Every rule set: scheme, year, status, its digest and how many values are unknown, each a link."""
    rows = []
    for r in rule_sets:
        unknown = len(r.unknowns())
        rows.append(
            f'<tr><th scope="row"><a href="{_h(_url(f"/rules/{quote(r.scheme_id)}/{r.year}", lang))}">'
            f"{_h(r.title)} ({_h(r.scheme_id)})</a></th><td>{r.year}</td><td>{_h(status_word(r.status, lang))}</td>"
            f"<td>{_h(text('web.rules.unknown_count', lang, count=unknown)) if unknown else ''}</td>"
            f"<td><code>{_h(r.short_digest)}</code></td></tr>")
    head = "".join(f'<th scope="col">{_h(h)}</th>' for h in (
        text("web.rules.col.scheme", lang), text("plan.col.year", lang), text("plan.col.status", lang),
        text("plan.problems", lang), text("plan.col.sha256", lang)))
    body = (f"<h1>{_h(text('web.rules.heading', lang))}</h1><p>{_h(text('web.rules.intro', lang))}</p>"
            f'<div class="scroll"><table id="rule-sets"><caption>{_h(text("web.rules.list_caption", lang))}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")
    return layout(text("web.rules.heading", lang), body, lang=lang, path="/rules", current="rules")


def rule_set_page(rules: RuleSet, *, lang: Lang) -> str:
    """One rule set: every value with its name, path, value, status and source; how to supply the unknown ones."""
    rows = []
    for path, fact in rules.facts():
        extra = " ".join(read(x, lang) for x in (fact.note, fact.how_to_supply if not fact.is_known else None) if x)
        rows.append(
            f'<tr class="{"unknown" if not fact.is_known else ""}"><th scope="row">{_h(fact_label(path, lang))}</th>'
            f"<td><code>{_h(path)}</code></td>"
            f"<td>{_h(value_text(fact.value, lang))}</td>"
            f"<td>{_h(status_word(fact.status, lang))}</td><td>{_citation(fact.citation)}</td>"
            f'<td lang="en">{_h(extra)}</td></tr>')
    head = "".join(f'<th scope="col">{_h(text(k, lang))}</th>' for k in (
        "web.rules.col.name", "plan.col.path", "plan.col.value", "plan.col.status", "plan.col.source",
        "plan.col.note"))
    status = text("web.rules.set_status", lang, status=status_word(rules.status, lang, neuter=True),
                  source=str(rules.citation))
    body = (f"<h1>{_h(text('web.rules.set_heading', lang, title=rules.title, year=rules.year))}</h1>"
            f"<p>{_h(status)}</p><p>{_h(text('web.rules.digest', lang, digest=rules.digest))}</p>"
            f'<div class="scroll"><table id="rule-values"><caption>'
            f"{_h(text('web.rules.caption', lang, key=rules.key_text))}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
            f'<p><a href="{_h(_url(f"/api/rules/{quote(rules.scheme_id)}/{rules.year}", lang))}">JSON</a></p>')
    return layout(rules.key_text, body, lang=lang, path=f"/rules/{quote(rules.scheme_id)}/{rules.year}",
                  current="rules")


def calendar_page(entries: Sequence[Any], *, lang: Lang) -> str:
    """The grant calendar: one row per deadline, doubt and approximation marked, and the link to its ``.ics``."""
    columns = ("deadline", "type", "round", "grant", "applicants", "county", "uncertainty", "source")
    head = "".join(f'<th scope="col">{_h(text(f"calendar.col.{c}", lang))}</th>' for c in columns)
    own_date = text("calendar.county_has_own_date", lang)
    rows = []
    for e in entries:
        doubt = "⚠ " + "; ".join(e.uncertainty(lang)) if e.uncertain else ""
        if e.county_has_own_date:
            doubt = (doubt + "; " if doubt else "") + own_date
        when = ("≈ " if e.approximate else "") + e.when_text(lang)
        cells = (text(f"calendar.purpose.{e.purpose.value}", lang), e.round or text("calendar.round.ordinary", lang),
                 f"{e.title} ({e.year})", e.applicants.value or "", e.county or text("calendar.nationwide", lang),
                 doubt)
        rows.append(f'<tr><th scope="row">{_h(when)}</th>' + "".join(f"<td>{_h(c)}</td>" for c in cells)
                    + f"<td>{_citation(e.deadline.citation)}</td></tr>")
    body = (f"<h1>{_h(text('web.calendar.heading', lang))}</h1><p>{_h(text('web.calendar.intro', lang))}</p>"
            f'<p><a id="ics" href="{_h(_url("/api/calendar", lang, format="ics"))}" download="tilskuddskalender.ics">'
            f"{_h(text('web.calendar.ics', lang))}</a></p>"
            f'<div class="scroll"><table id="calendar"><caption>{_h(text("web.calendar.caption", lang))}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")
    return layout(text("web.calendar.heading", lang), body, lang=lang, path="/calendar", current="calendar")


def problem_type_page(kind: str, *, lang: Lang) -> str:
    """What a problem type (``/problems/<kind>``) means: the target of a problem document's ``type``."""
    body = f"<h1><code>/problems/{_h(kind)}</code></h1><p>{_h(text('web.problem.about', lang, type=kind))}</p>"
    return layout(f"/problems/{kind}", body, lang=lang, path=f"/problems/{kind}", current="")
