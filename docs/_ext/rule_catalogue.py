"""Sphinx extension: the rule catalogue, the unknown values and what is not sure, built from the registry.

Why: docs written by hand drift from the data. Every rule value shown in these pages
is read from :func:`nedtrapping.registry.all_rule_sets` while Sphinx reads the page,
so changing a value in code changes the rendered docs with no other edit.

Directives
----------
``.. rule-catalogue::``
    For each scheme and budget year (the main scheme, kommunalt rusarbeid, first): the
    rule set's identity, whether it is complete, its digest, every fact
    (``rule_set.facts()``) with its Norwegian label, value, status, citation (document,
    section, link, date, linked to its row on the Sources page) and note, and every
    deadline. Option ``:scheme: ID`` limits it to one scheme.
``.. rule-unknowns::``
    The values no public source gives, each once (its years together), for the "What you
    must supply" page: the ones a computation can need (they say how to supply them),
    linked to the row of the supply table that says how; then, in one line, the ones no
    computation uses.
``.. rule-not-final::``
    The values used with a warning (uncertain, provisional, inferred, assumed), each once
    with its years; the deadlines that are not a firm instant; and the deadlines and rows
    of the deck's calendar whose source words carry doubt («31.3.22 ??????», «April(?)»).
``.. rule-catalogue-summary::``
    A one-table overview: rule set, complete or not, values that are not final, digest.
``.. cli-help:: [SUBCOMMAND]``
    The ``--help`` text of the ``nedtrapping`` command line (or one of its subcommands),
    generated from :func:`nedtrapping.cli.build_parser`.

The renderers are plain functions (:func:`catalogue_nodes`, :func:`unknowns_nodes`,
:func:`not_final_nodes`, :func:`summary_nodes`) taking a list of rule sets, so tests can
render evolved rule sets without Sphinx. Links to other pages (a source's row, the
supply table) are made only when :class:`Links` says those pages are in the build.

The generator is generic: it knows only the :class:`~nedtrapping.ruleset.RuleSet` base
class, :class:`~nedtrapping.provenance.Fact`, :class:`~nedtrapping.provenance.Citation`
and :class:`~nedtrapping.deadlines.Deadline`; any subclass with any attrs fields works.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from nedtrapping.wording import fact_label, has_fact_label

__all__ = [
    "format_value",
    "label_for",
    "status_text",
    "Links",
    "SCHEME_ORDER",
    "SUPPLY_DOC",
    "SOURCES_DOC",
    "catalogue_nodes",
    "unknowns_nodes",
    "not_final_nodes",
    "summary_nodes",
    "current_rule_sets",
    "current_deck_rows",
    "NOT_FINAL_SECTIONS",
    "setup",
]

#: The schemes first in the catalogue, in this order: the main scheme, then the cost rules
#: its plans use, then the other schemes that pay per position. The rest follow by id.
SCHEME_ORDER = ("kommunalt-rusarbeid", "lonnskostnader", "nav-sosiale-tjenester", "langvarige-sammensatte")
#: The page with the table of what a user supplies (its rows are ``supply-<id>`` targets).
SUPPLY_DOC = "reference/supply"
#: The page with the table of sources (its rows are ``source-<tag>`` targets).
SOURCES_DOC = "reference/sources"


@dataclass(frozen=True)
class Links:
    """Which other pages the generated nodes may link to (they must be in the build)."""

    sources: bool = False
    supply: bool = False


# --------------------------------------------------------------------------- data access


def current_rule_sets() -> list[Any]:
    """All registered rule sets, looked up at call time (so a monkeypatched registry is seen)."""
    from nedtrapping import registry

    return list(registry.all_rule_sets())


def _status_value(status: Any) -> str:
    return str(getattr(status, "value", status))


# --------------------------------------------------------------------------- formatting


def format_value(value: Any) -> str:
    """A rule value as readers should see it: the library's one value formatter
    (:func:`nedtrapping.provenance.display_value`), with ``unknown`` for a missing value; a value
    in catalogue words (a :class:`~nedtrapping.readable.Readable`) in English, as the docs are."""
    import enum

    from nedtrapping.provenance import display_value
    from nedtrapping.readable import Readable

    if isinstance(value, Readable) and not isinstance(value, enum.Enum):
        return _words(value)
    return display_value(value, unknown="unknown")


#: The language of the docs: notes and other catalogue words are shown in it.
DOCS_LANG = "en"


def _words(value: Any) -> str:
    """Words from the catalogue (a note, a how-to-supply hint, a deadline's note) in the docs' language;
    a plain string as it is."""
    from nedtrapping.readable import read

    return read(value, DOCS_LANG)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def label_for(scheme_id: str, year: int | None = None) -> str:
    """The cross-reference label of a scheme (or one year of it) in the catalogue."""
    base = f"catalogue-{_slug(scheme_id)}"
    return base if year is None else f"{base}-{year}"


def status_text(status: Any) -> str:
    """A status as the docs show it: the English value and the word Norwegian output prints
    (``inferred (utledet)``), or the value alone where both are the same."""
    from nedtrapping.provenance import Status
    value = _status_value(status)
    try:
        norwegian = Status(value).text("nb")
    except ValueError:
        return value
    return value if norwegian == value else f"{value} ({norwegian})"


def _status_node(status: Any) -> nodes.inline:
    value = _status_value(status)
    text = status_text(status)
    return nodes.inline(text, text, classes=["rule-status", f"rule-status-{_slug(value)}"])


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _link(text: str, url: str | None) -> nodes.Node:
    if url:
        return nodes.reference(text, text, refuri=url)
    return nodes.Text(text)


def _xref(text: str, label: str, *, literal: bool = False) -> nodes.Node:
    ref = addnodes.pending_xref(
        "", refdomain="std", reftype="ref", reftarget=label, refexplicit=True, refwarn=True
    )
    ref += nodes.literal(text, text) if literal else nodes.inline(text, text)
    return ref


def _doc_xref(text: str, docname: str) -> nodes.Node:
    ref = addnodes.pending_xref(
        "", refdomain="std", reftype="doc", reftarget=f"/{docname}", refexplicit=True, refwarn=True
    )
    ref += nodes.inline(text, text)
    return ref


def _source_tags() -> set[str]:
    from nedtrapping import sources

    return {c.tag for c in sources.ALL_SOURCES if c.tag}


def _citation_paragraph(citation: Any, prefix: str = "", links: Links = Links()) -> nodes.paragraph:
    """Document (linked to its URL), section, publication date, tag (linked to its row on the Sources page)."""
    para = nodes.paragraph()
    if prefix:
        para += nodes.strong(prefix, prefix)
        para += nodes.Text(" ")
    document = getattr(citation, "document", None) or str(citation)
    url = getattr(citation, "url", None)
    para += _link(document, url)
    section = getattr(citation, "section", None)
    if section:
        para += nodes.Text(f", {section}")
    published = getattr(citation, "published", None)
    if published:
        para += nodes.Text(f", published {published.isoformat()}")
    tag = getattr(citation, "tag", None)
    if tag:
        para += nodes.Text(" [")
        if links.sources and tag in _source_tags():
            para += _xref(tag, f"source-{nodes.make_id(tag)}", literal=True)
        else:
            para += nodes.literal(tag, tag)
        para += nodes.Text("]")
    if not url:
        para += nodes.Text(" (no public link)")
    return para


def _text_paragraph(text: str, prefix: str | None = None) -> nodes.paragraph:
    para = nodes.paragraph()
    if prefix:
        para += nodes.strong(prefix, prefix)
        para += nodes.Text(" ")
    para += nodes.Text(text)
    return para


def _fact_name(path: str) -> list[nodes.Node]:
    """The Norwegian label of a fact, then its path: «årsstigen, trinn 3 …» ``ladder.step_3``."""
    label = fact_label(path, "nb") if has_fact_label(path) else None
    name: list[nodes.Node] = []
    if label:
        name += [nodes.Text(label), nodes.Text(" ")]
    name.append(nodes.literal(path, path))
    return name


def _table(headers: list[str], rows: list[list[Any]], widths: list[int], classes: Iterable[str] = ()) -> nodes.table:
    table = nodes.table(classes=["rule-table", "colwidths-given", *classes])
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    row = nodes.row()
    for header in headers:
        entry = nodes.entry()
        entry += nodes.paragraph(header, header)
        row += entry
    head += row
    body = nodes.tbody()
    group += body
    for cells in rows:
        row = nodes.row()
        for cell in cells:
            entry = nodes.entry()
            if isinstance(cell, str):
                entry += nodes.paragraph(cell, cell)
            elif isinstance(cell, list) and cell and all(isinstance(c, (nodes.Inline, nodes.Text)) for c in cell):
                para = nodes.paragraph()
                for item in cell:
                    para += item
                entry += para
            elif isinstance(cell, list):
                for item in cell:
                    entry += item
            elif isinstance(cell, (nodes.Inline, nodes.Text)):
                para = nodes.paragraph()
                para += cell
                entry += para
            else:
                entry += cell
            row += entry
        body += row
    return table


def _section(title: str, label: str | None = None) -> nodes.section:
    section = nodes.section()
    if label:
        section["names"].append(label)
        section["ids"].append(label)
    section += nodes.title(title, title)
    return section


def _field_list(items: list[tuple[str, Any]]) -> nodes.field_list:
    fields = nodes.field_list()
    for name, body in items:
        field = nodes.field()
        field += nodes.field_name(name, name)
        fbody = nodes.field_body()
        if isinstance(body, str):
            fbody += nodes.paragraph(body, body)
        elif isinstance(body, nodes.paragraph):
            fbody += body
        else:
            para = nodes.paragraph()
            para += body
            fbody += para
        field += fbody
        fields += field
    return fields


# --------------------------------------------------------------------------- grouping


def _scheme_key(scheme_id: str) -> tuple[int, str]:
    return (SCHEME_ORDER.index(scheme_id) if scheme_id in SCHEME_ORDER else len(SCHEME_ORDER), scheme_id)


def _by_scheme(rule_sets: Iterable[Any]) -> dict[str, list[Any]]:
    """Rule sets by scheme, the main scheme first (:data:`SCHEME_ORDER`), each scheme's years in order."""
    grouped: dict[str, list[Any]] = defaultdict(list)
    for rs in rule_sets:
        grouped[rs.scheme_id].append(rs)
    return {sid: sorted(grouped[sid], key=lambda r: r.year) for sid in sorted(grouped, key=_scheme_key)}


def _unknown_paths(rs: Any) -> list[str]:
    return [path for path, fact in rs.facts() if fact.value is None]


def _complete_node(rs: Any) -> nodes.inline:
    """``complete: yes``, or ``complete: no — 2 unknown`` for a rule set with unknown values."""
    unknown = len(_unknown_paths(rs))
    if unknown:
        text = f"no — {unknown} unknown"
        return nodes.inline(text, text, classes=["rule-complete", "rule-complete-no"])
    return nodes.inline("yes", "yes", classes=["rule-complete", "rule-complete-yes"])


def _years_text(years: Iterable[int]) -> str:
    """``2021–2025`` for a run of years, else ``2021, 2022, 2025``."""
    ys = sorted(set(years))
    if len(ys) > 2 and ys == list(range(ys[0], ys[-1] + 1)):
        return f"{ys[0]}–{ys[-1]}"
    return ", ".join(map(str, ys))


def _fact_cells(path: str, fact: Any, links: Links) -> list[Any]:
    value_cell: nodes.Node
    if fact.value is None:
        value_cell = nodes.emphasis("unknown", "unknown")
    else:
        text = format_value(fact.value)
        value_cell = nodes.Text(text)
    source: list[nodes.Node] = [_citation_paragraph(fact.citation, links=links)]
    if fact.note:
        source.append(_text_paragraph(_words(fact.note), "Note:"))
    how = getattr(fact, "how_to_supply", None)
    if how:
        if links.supply:
            para = nodes.paragraph()
            para += nodes.strong("How to supply:", "How to supply:")
            para += nodes.Text(" see ")
            para += _doc_xref("What you must supply", SUPPLY_DOC)
            para += nodes.Text(".")
            source.append(para)
        else:
            source.append(_text_paragraph(_words(how), "How to supply:"))
    return [_fact_name(path), value_cell, _status_node(fact.status), source]


def _instant_text(deadline: Any) -> str:
    if getattr(deadline, "day", None) is None:
        return "— (no fixed instant)"
    try:
        instant = deadline.instant()
    except Exception as exc:  # a deadline model that cannot give one says why
        return f"— ({exc})"
    tz = getattr(deadline, "timezone", "Europe/Oslo")
    return f"{instant.format('YYYY-MM-DD HH:mm')} {tz} (UTC{instant.format('Z')})"


def _deadline_cells(deadline: Any, links: Links) -> list[Any]:
    purpose = format_value(getattr(deadline, "purpose", None)) if getattr(deadline, "purpose", None) else "—"
    source: list[nodes.Node] = [_citation_paragraph(deadline.citation, links=links)]
    note = getattr(deadline, "note", None)
    if note:
        source.append(_text_paragraph(_words(note), "Note:"))
    county = getattr(deadline, "county", None)
    return [
        purpose,
        nodes.literal(deadline.as_written, deadline.as_written),
        format_value(deadline.kind),
        _status_node(deadline.status),
        county or "national",
        _round_text(deadline),
        _instant_text(deadline),
        source,
    ]


def _round_text(deadline: Any) -> str:
    """The round a deadline belongs to: ``ordinary`` (``round`` is ``None``) or its name (``restmidler``)."""
    return getattr(deadline, "round", None) or "ordinary"


def _doubt_in_words(text: str | None) -> bool:
    """The source's own words signal doubt (a question mark: «31.3.22 ??????», «April(?)»)."""
    return bool(text) and "?" in str(text)


def _rule_set_section(rs: Any, links: Links) -> nodes.section:
    section = _section(f"{rs.year} — {rs.title}", label_for(rs.scheme_id, rs.year))
    complete = nodes.paragraph()
    complete += _complete_node(rs)
    unknown = _unknown_paths(rs)
    if unknown:
        complete += nodes.Text(" (")
        for i, path in enumerate(unknown):
            if i:
                complete += nodes.Text(", ")
            complete += nodes.literal(path, path)
        complete += nodes.Text(")")
    reservation = nodes.paragraph()
    if _status_value(rs.status) == "final":
        reservation += nodes.Text("none: the source does not mark these rules as provisional or uncertain")
    else:
        reservation += _status_node(rs.status)
        reservation += nodes.Text(" — every value in the rule set is in doubt")
    items: list[tuple[str, Any]] = [
        ("Scheme id", nodes.literal(rs.scheme_id, rs.scheme_id)),
        ("Budget year", str(rs.year)),
        ("In English", rs.title_en),
    ]
    if getattr(rs, "budget_chapter", None):
        items.append(("Budget chapter", rs.budget_chapter))
    items += [
        ("Complete", complete),
        ("Reservation in the source", reservation),
        ("Main source", _citation_paragraph(rs.citation, links=links)),
        ("Rule-set class", nodes.literal(type(rs).__qualname__, f"{type(rs).__module__}.{type(rs).__qualname__}")),
        ("Digest (SHA-256)", nodes.literal(rs.digest, rs.digest)),
    ]
    section += _field_list(items)

    facts = list(rs.facts())
    facts_section = _section("Facts", label_for(rs.scheme_id, rs.year) + "-facts")
    if facts:
        facts_section += _table(
            ["Fact (in Norwegian, and its name in the code)", "Value", "Status", "Source"],
            [_fact_cells(path, fact, links) for path, fact in facts],
            [22, 23, 10, 45],
            classes=["rule-facts"],
        )
    else:
        facts_section += nodes.paragraph(text="This rule set has no facts.")
    section += facts_section

    deadlines = list(getattr(rs, "deadlines", ()) or ())
    dl_section = _section("Deadlines", label_for(rs.scheme_id, rs.year) + "-deadlines")
    if deadlines:
        dl_section += _table(
            ["Purpose", "As written", "Kind", "Status", "County", "Round", "Instant", "Source"],
            [_deadline_cells(d, links) for d in deadlines],
            [10, 13, 8, 9, 10, 9, 16, 25],
            classes=["rule-deadlines"],
        )
    else:
        dl_section += nodes.paragraph(text="No deadlines are recorded for this rule set.")
    section += dl_section
    return section


def catalogue_nodes(rule_sets: Iterable[Any], scheme: str | None = None, links: Links = Links()) -> list[nodes.Node]:
    """The catalogue as docutils nodes: one section per scheme (the main scheme first), one subsection per year."""
    grouped = _by_scheme(rule_sets)
    if scheme is not None:
        grouped = {k: v for k, v in grouped.items() if k == scheme}
    out: list[nodes.Node] = []
    if not grouped:
        out.append(nodes.paragraph(text="No rule sets are registered."))
        return out
    for scheme_id, sets in grouped.items():
        first = sets[0]
        section = _section(f"{first.title} ({scheme_id})", label_for(scheme_id))
        years = ", ".join(str(rs.year) for rs in sets)
        intro = nodes.paragraph()
        intro += nodes.emphasis(first.title_en, first.title_en)
        intro += nodes.Text(f". Rule sets for: {years}.")
        section += intro
        for rs in sets:
            section += _rule_set_section(rs, links)
        out.append(section)
    return out


# --------------------------------------------------------------------------- summary


def summary_nodes(rule_sets: Iterable[Any]) -> list[nodes.Node]:
    """One row per rule set: the rule set, whether it is complete, the values that are not final, short digest."""
    from nedtrapping.provenance import Status

    order = [s.value for s in Status]
    rows = []
    for sets in _by_scheme(rule_sets).values():
        for rs in sets:
            counts: dict[str, int] = defaultdict(int)
            for _path, fact in rs.facts():
                counts[_status_value(fact.status)] += 1
            not_final = [f"{n} {status_text(status)}" for status, n in
                         sorted(counts.items(), key=lambda item: order.index(item[0]) if item[0] in order else 99)
                         if status not in ("final", "unknown")]
            cell: list[nodes.Node] = [nodes.Text(", ".join(not_final) if not_final else "none")]
            if _status_value(rs.status) != "final":
                cell += [nodes.Text("; the whole rule set is "), _status_node(rs.status)]
            name = _xref(f"{rs.title} {rs.year}", label_for(rs.scheme_id, rs.year))
            rows.append([[name], _complete_node(rs), cell, nodes.literal(rs.short_digest, rs.short_digest)])
    if not rows:
        return [nodes.paragraph(text="No rule sets are registered.")]
    return [_table(["Rule set", "Complete", "Values used with a warning", "Digest"], rows, [38, 14, 34, 14],
                   classes=["rule-summary"])]


# --------------------------------------------------------------------------- what you must supply


def _term_for(scheme_id: str, path: str, years: list[int]) -> nodes.term:
    """«label» ``path`` — scheme year, year (each year linked to its rule set in the catalogue)."""
    term = nodes.term()
    for node in _fact_name(path):
        term += node
    term += nodes.Text(f" — {scheme_id} ")
    for i, year in enumerate(years):
        if i:
            term += nodes.Text(", ")
        term += _xref(str(year), label_for(scheme_id, year))
    return term


def _grouped(found: list[tuple[Any, str, Any]]) -> list[tuple[str, str, list[tuple[Any, Any]]]]:
    """``(rule set, path, fact)`` found, grouped by scheme and path, in the order first seen."""
    groups: dict[tuple[str, str], list[tuple[Any, Any]]] = {}
    for rs, path, fact in found:
        groups.setdefault((rs.scheme_id, path), []).append((rs, fact))
    return [(sid, path, items) for (sid, path), items in groups.items()]


def _facts_with(rule_sets: list[Any], status_value: str) -> list[tuple[Any, str, Any]]:
    found = []
    for sets in _by_scheme(rule_sets).values():
        for rs in sets:
            for path, fact in rs.facts():
                if _status_value(fact.status) == status_value:
                    found.append((rs, path, fact))
    return found


def _once(items: Iterable[Any]) -> list[Any]:
    seen: list[Any] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def unknowns_nodes(rule_sets: Iterable[Any], links: Links = Links(),
                   supply_rows: dict[str, str] | None = None) -> list[nodes.Node]:
    """The values no public source gives, each once, for the "What you must supply" page.

    ``supply_rows`` maps the path of each value a user supplies to the label of its row
    in the supply table (default: :func:`supply_table.fact_rows`). Those values are
    listed with the years they are unknown in, why, what was looked in, and a link to the
    row that says how to give them. The other unknown values stop no computation (a test
    probes the computations for it); they are named in one paragraph at the end.
    """
    if supply_rows is None:
        from supply_table import fact_rows

        supply_rows = fact_rows()
    sets = [rs for group in _by_scheme(rule_sets).values() for rs in group]
    found = _facts_with(sets, "unknown")
    needed = [(rs, p, f) for rs, p, f in found if p in supply_rows]
    unused = [(rs, p, f) for rs, p, f in found if p not in supply_rows]
    groups = _grouped(needed)
    section = _section(f"Values no public source gives ({len(groups)})", "unknowns-unknown")
    section += nodes.paragraph(text=(
        "A computation that needs one of these stops with UnknownValueError naming the value; "
        "a plan leaves the figures that depend on it empty and says why. They are never treated as 0."))
    if not groups:
        section += nodes.paragraph(text="None, in any registered rule set.")
    else:
        dl = nodes.definition_list(classes=["rule-unknowns"])
        for scheme_id, path, items in groups:
            item = nodes.definition_list_item()
            item += _term_for(scheme_id, path, [rs.year for rs, _ in items])
            definition = nodes.definition()
            for note in _once(_words(f.note) for _, f in items if f.note):
                definition += _text_paragraph(note, "Why:")
            for _rs, fact in _once_by_citation(items):
                definition += _citation_paragraph(fact.citation, "Looked in:", links)
            para = nodes.paragraph()
            para += nodes.strong("Supply it:", "Supply it:")
            para += nodes.Text(" ")
            if links.supply:
                para += _xref("see its row in the table above", supply_rows[path])
                para += nodes.Text(".")
            else:
                para += nodes.Text(_words(items[-1][1].how_to_supply) or "see What you must supply.")
            definition += para
            item += definition
            dl += item
        section += dl
    if unused:
        para = nodes.paragraph()
        para += nodes.strong("Unknown, but no computation stops for it:", "Unknown, but no computation stops for it:")
        for i, (rs, path, fact) in enumerate(unused):
            para += nodes.Text(" " if i == 0 else "; ")
            para += _xref(f"{rs.scheme_id} {rs.year}", label_for(rs.scheme_id, rs.year))
            para += nodes.Text(" ")
            for node in _fact_name(path):
                para += node
            if fact.note:
                para += nodes.Text(f" ({_words(fact.note).rstrip('.')})")
        para += nodes.Text(". The library records these and asks you for none of them.")
        section += para
    return [section]


def _once_by_citation(items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """The items whose citation (document and section) was not seen before."""
    out, seen = [], set()
    for rs, fact in items:
        key = (fact.citation.document, fact.citation.section)
        if key not in seen:
            seen.add(key)
            out.append((rs, fact))
    return out


# --------------------------------------------------------------------------- what the library is not sure of


#: The statuses gathered on the page of what the library is not sure of, in the order of its
#: sections, with the section's title, its introduction, and whether the value is shown.
NOT_FINAL_SECTIONS: tuple[tuple[str, str, str, bool], ...] = (
    ("uncertain", "Uncertain values",
     "A source gives these, but signals doubt (a question mark, 'about', a secondary reading) and no stronger "
     "source settles it. They are used, and every plan that uses one warns about it.", True),
    ("provisional", "Provisional values",
     "Stated, but the source says they may change ('med forbehold').", True),
    ("inferred", "Inferred values",
     "No source says these in so many words; they are deduced from stated facts. They are used, and every "
     "plan that uses one warns about it.", True),
    ("assumed", "Assumed values",
     "Every source is silent; the library makes its own documented choice (see the page on assumptions). "
     "They are used, and every plan that uses one warns about it.", True),
)


def _value_rows(found: list[tuple[Any, str, Any]], sets: list[Any], links: Links) -> list[list[Any]]:
    """One row per scheme, path and value: the years that hold the same value together."""
    rows: list[list[Any]] = []
    for scheme_id, path, items in _grouped(found):
        by_value: dict[str, list[tuple[Any, Any]]] = {}
        for rs, fact in items:
            by_value.setdefault(format_value(fact.value), []).append((rs, fact))
        for value, same in by_value.items():
            years: list[nodes.Node] = []
            for i, (rs, _fact) in enumerate(same):
                if i:
                    years.append(nodes.Text(", "))
                years.append(_xref(str(rs.year), label_for(rs.scheme_id, rs.year)))
            name = nodes.paragraph()
            for node in _fact_name(path):
                name += node
            where = nodes.paragraph()
            where += nodes.Text(f"{scheme_id} ")
            for node in years:
                where += node
            sources = [_citation_paragraph(f.citation, links=links) for _, f in _once_by_citation(same)]
            rows.append([[name, where], value, sources])
    return rows


def not_final_nodes(rule_sets: Iterable[Any], deck_rows: Iterable[Any] | None = None,
                    links: Links = Links()) -> list[nodes.Node]:
    """What the library uses with a warning, and the deadlines it is not sure of, generated from every rule set.

    The uncertain, provisional, inferred and assumed values, each once with the years
    that hold it (the notes are in the catalogue, a click away); the rule sets that are
    provisional or uncertain as a whole; the deadlines that are not a firm instant; and
    the deadlines (and rows of the deck's calendar) whose source words carry doubt.
    ``deck_rows`` defaults to the library's
    :data:`~nedtrapping.calendars.tilskuddskalender_2022.DECK_CALENDAR`.
    """
    sets = [rs for group in _by_scheme(rule_sets).values() for rs in group]
    rows = current_deck_rows() if deck_rows is None else list(deck_rows)
    out: list[nodes.Node] = []

    by_status = {status: _facts_with(sets, status) for status, *_ in NOT_FINAL_SECTIONS}
    whole = {status: [rs for rs in sets if _status_value(rs.status) == status] for status in ("provisional", "uncertain")}

    loose = []
    for rs in sets:
        for d in getattr(rs, "deadlines", ()) or ():
            if _status_value(d.status) != "final" or format_value(d.kind) != "exact":
                loose.append((rs, d))
    doubtful = _doubtful_words(sets, rows, links)

    overview = nodes.bullet_list()
    for text in (
        f"{_plural(len(by_status['uncertain']), 'uncertain value', 'uncertain values')} and "
        f"{_plural(len(whole['uncertain']), 'uncertain rule set', 'uncertain rule sets')} (used, with a warning)",
        f"{_plural(len(by_status['provisional']), 'provisional value', 'provisional values')} and "
        f"{_plural(len(whole['provisional']), 'provisional rule set', 'provisional rule sets')}",
        f"{_plural(len(by_status['inferred']), 'inferred value', 'inferred values')} (deduced, not stated by a source)",
        f"{_plural(len(by_status['assumed']), 'assumed value', 'assumed values')} (the library's own choice where "
        "the sources are silent)",
        f"{_plural(len(loose), 'deadline that is not firm', 'deadlines that are not firm')}, and "
        f"{_plural(len(doubtful), 'deadline or calendar row', 'deadlines or calendar rows')} whose source words "
        "carry doubt",
    ):
        item = nodes.list_item()
        item += nodes.paragraph(text=text)
        overview += item
    out.append(overview)

    for status, title, intro, _show in NOT_FINAL_SECTIONS:
        found = by_status[status]
        section = _section(f"{title} ({len(found)})", f"unknowns-{status}")
        section += nodes.paragraph(text=intro + " Each value is listed once, with the rule sets (years) that hold "
                                   "it; the notes are in the catalogue.")
        if found:
            section += _table(["Value (in Norwegian, and its name in the code) and rule sets", "Value used", "Source"],
                              _value_rows(found, sets, links), [40, 25, 35], classes=["rule-not-final"])
        else:
            section += nodes.paragraph(text="None, in any registered rule set.")
        if whole.get(status):
            section += nodes.paragraph(text=f"Whole rule sets marked {status} (every value in them is "
                                            f"{'subject to change' if status == 'provisional' else 'in doubt'}):")
            blist = nodes.bullet_list()
            for rs in whole[status]:
                item = nodes.list_item()
                para = nodes.paragraph()
                para += _xref(f"{rs.scheme_id} {rs.year}", label_for(rs.scheme_id, rs.year))
                para += nodes.Text(f" — {rs.title}; ")
                para += _citation_paragraph(rs.citation, links=links).children
                item += para
                blist += item
            section += blist
        out.append(section)

    dl_section = _section(f"Deadlines that are not firm ({len(loose)})", "unknowns-deadlines")
    dl_section += nodes.paragraph(
        text="Deadlines kept exactly as the source words them because they are uncertain, provisional, "
        "rolling or vague. The library does not turn them into a firm date; asking whether a submission "
        "was on time against a deadline without an instant is an error."
    )
    if loose:
        dl = nodes.definition_list(classes=["rule-unknowns"])
        for rs, d in loose:
            body: list[nodes.Node] = [_deadline_summary(d)]
            if getattr(d, "note", None):
                body.append(_text_paragraph(_words(d.note), "Note:"))
            body.append(_citation_paragraph(d.citation, "Source:", links))
            dl += _entry(rs, f"deadline ({format_value(getattr(d, 'purpose', None))})", body)
        dl_section += dl
    else:
        dl_section += nodes.paragraph(text="None, in any registered rule set.")
    out.append(dl_section)

    words = _section(f"Doubt in the sources' words ({len(doubtful)})", "unknowns-doubtful-words")
    words += nodes.paragraph(
        text="Deadlines and rows of the deck's calendar whose source writes them with doubt (a question mark), "
        "kept verbatim. Where a stronger source later gave the date, the date is final and the doubtful "
        "words stay beside it; where none did, the value stays uncertain."
    )
    if doubtful:
        dl = nodes.definition_list(classes=["rule-unknowns"])
        for what, rs, body in doubtful:
            if rs is not None:
                dl += _entry(rs, what, body)
            else:
                item = nodes.definition_list_item()
                term = nodes.term()
                term += nodes.Text(what)
                item += term
                definition = nodes.definition()
                for node in body:
                    definition += node
                item += definition
                dl += item
        words += dl
    else:
        words += nodes.paragraph(text="None, in any registered rule set.")
    out.append(words)
    return out


def _entry(rs: Any, what: str, body: list[nodes.Node]) -> nodes.definition_list_item:
    item = nodes.definition_list_item()
    term = nodes.term()
    term += _xref(f"{rs.scheme_id} {rs.year}", label_for(rs.scheme_id, rs.year))
    term += nodes.Text(" · ")
    term += nodes.literal(what, what)
    item += term
    definition = nodes.definition()
    for node in body:
        definition += node
    item += definition
    return item


def current_deck_rows() -> list[Any]:
    """The rows of the deck's calendar table, if the library holds them (else none)."""
    try:
        from nedtrapping.calendars.tilskuddskalender_2022 import DECK_CALENDAR
    except ImportError:  # pragma: no cover - a library without the deck's calendar
        return []
    return list(DECK_CALENDAR)


def _registered_deadline(rule_sets: list[Any], scheme_id: str, year: int) -> tuple[Any, Any] | None:
    """The national, ordinary-round application deadline of (scheme, year), with its rule set."""
    for rs in rule_sets:
        if (rs.scheme_id, rs.year) != (scheme_id, year):
            continue
        for d in getattr(rs, "deadlines", ()) or ():
            if (format_value(getattr(d, "purpose", None)) == "application" and getattr(d, "county", None) is None
                    and getattr(d, "round", None) is None):
                return rs, d
    return None


def _deadline_summary(d: Any) -> nodes.paragraph:
    para = nodes.paragraph()
    para += nodes.strong("As written:", "As written:")
    para += nodes.Text(" ")
    para += nodes.literal(d.as_written, d.as_written)
    para += nodes.Text(f" — kind {format_value(d.kind)}, status ")
    para += _status_node(d.status)
    county = getattr(d, "county", None)
    para += nodes.Text(
        f", {('county ' + county) if county else 'national'}, round {_round_text(d)}; instant: {_instant_text(d)}"
    )
    return para


def _doubtful_words(sets: list[Any], deck_rows: list[Any], links: Links) -> list[tuple[str, Any, list[nodes.Node]]]:
    """Deadlines (and deck-calendar rows) whose source words carry doubt, however they were settled."""
    found: list[tuple[str, Any, list[nodes.Node]]] = []
    for rs in sets:
        for d in getattr(rs, "deadlines", ()) or ():
            if not _doubt_in_words(d.as_written):
                continue
            body: list[nodes.Node] = [_deadline_summary(d)]
            if getattr(d, "note", None):
                body.append(_text_paragraph(_words(d.note), "Note:"))
            body.append(_citation_paragraph(d.citation, "Source of the date:" if d.day else "Source:", links))
            found.append((f"deadline ({format_value(getattr(d, 'purpose', None))})", rs, body))
    for row in deck_rows:
        deadline_fact = getattr(row, "deadline_as_written", None)
        applicants_fact = getattr(row, "applicants_as_written", None)
        facts = [("deadline", deadline_fact), ("who may apply", applicants_fact)]
        if not any(f is not None and (_status_value(f.status) != "final" or _doubt_in_words(f.value))
                   for _, f in facts):
            continue
        body = []
        para = nodes.paragraph()
        para += nodes.strong("The deck's row:", "The deck's row:")
        para += nodes.Text(f" «{row.scheme_as_written}»")
        for name, fact in facts:
            if fact is None:
                continue
            para += nodes.Text(f"; {name} ")
            para += nodes.literal(str(fact.value), str(fact.value))
            para += nodes.Text(" (")
            para += _status_node(fact.status)
            para += nodes.Text(")")
        body.append(para)
        registered = _registered_deadline(sets, row.scheme_id, row.year)
        if registered is not None:
            reg_rs, reg = registered
            line = nodes.paragraph()
            line += nodes.strong("The library holds:", "The library holds:")
            line += nodes.Text(" ")
            line += _xref(f"{reg_rs.scheme_id} {reg_rs.year}", label_for(reg_rs.scheme_id, reg_rs.year))
            line += nodes.Text(" — ")
            line += _deadline_summary(reg).children[2:]
            body.append(line)
            if (deadline_fact is not None and _status_value(deadline_fact.status) != "final"
                    and _status_value(reg.status) == "final"):
                tag = getattr(reg.citation, "tag", None) or getattr(reg.citation, "document", str(reg.citation))
                body.append(_text_paragraph(
                    f"the deck doubted this date; a later source ({tag}) confirmed it, so the date is final "
                    "and the deck's words are kept verbatim.", "Settled:"))
        if deadline_fact is not None:
            body.append(_citation_paragraph(deadline_fact.citation, "Source:", links))
        found.append((f"deck calendar row {row.number}", None, body))
    return found


# --------------------------------------------------------------------------- directives


def _register_labels(directive: SphinxDirective, new_nodes: list[nodes.Node]) -> None:
    """Make every labelled generated section a :rst:role:`ref` target."""
    document = directive.state.document
    for top in new_nodes:
        if not isinstance(top, nodes.Element):
            continue
        for section in top.findall(nodes.section):
            names = list(section["names"])
            if not names:
                continue
            section["ids"] = []
            document.note_explicit_target(section, section)


def _links(directive: SphinxDirective) -> Links:
    found = directive.env.found_docs
    return Links(sources=SOURCES_DOC in found, supply=SUPPLY_DOC in found)


class RuleCatalogueDirective(SphinxDirective):
    has_content = False
    option_spec = {"scheme": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        _note_generated(self)
        result = catalogue_nodes(current_rule_sets(), self.options.get("scheme"), _links(self))
        _register_labels(self, result)
        return result


class RuleUnknownsDirective(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        _note_generated(self)
        links = _links(self)
        rows: dict[str, str] = {}
        if links.supply:
            from supply_table import fact_rows

            rows = fact_rows()
        result = unknowns_nodes(current_rule_sets(), links, rows)
        _register_labels(self, result)
        return result


class RuleNotFinalDirective(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        _note_generated(self)
        result = not_final_nodes(current_rule_sets(), links=_links(self))
        _register_labels(self, result)
        return result


def rate_rows(scheme_id: str) -> list[list[str]]:
    """What the scheme's one statement of its rule (:meth:`~nedtrapping.scheme.PositionScheme.rate`) gives a
    100 % position, per budget year and year in the scheme: derived, never written by hand. The scheme's own
    options are taken as answered yes (kommunalt rusarbeid: the municipality had the grant in 2021)."""
    from nedtrapping import registry
    from nedtrapping.provenance import UnknownValueError
    from nedtrapping.scheme import GrantQuery
    from nedtrapping.wording import fact_label

    scheme = registry.position_scheme(scheme_id)
    years = registry.years_of(scheme_id)
    rows: list[list[str]] = []
    for year in [*years, years[-1] + 1]:
        for n in range(1, 6):
            query = GrantQuery(year=year, first_grant_year=year - n + 1, options={o.name: True for o in scheme.options})
            try:
                rate = scheme.rate(query)
            except UnknownValueError as error:
                rows.append([str(year), str(n), f"unknown: {fact_label(error.path or '', 'en')}", "", "", error.path or ""])
                continue
            except registry.UnknownSchemeError:
                rows.append([str(year), str(n), "unknown: no rule set", "", "", ""])
                continue
            if not rate.eligible:
                failed = rate.verdict.first_failure
                why = failed.condition.text("en") if failed is not None else ""
                rows.append([str(year), str(n), f"0 kr — not met: {why}", "", "",
                             ", ".join(u.path for u in rate.uses)])
                continue
            rows.append([str(year), str(n), str(rate.per_full_position), "yes" if rate.pro_rata else "no",
                         rate.rounding, ", ".join(u.path for u in rate.amount_uses)])
    return rows


class RateTableDirective(SphinxDirective):
    """``.. rate-table:: SCHEME``: the rates the scheme states, per year and year in the scheme (derived)."""

    has_content = False
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        _note_generated(self)
        headers = ["Budget year", "Year in the scheme", "Per 100 % position", "Pro rata", "Rounding", "Rule values used"]
        return [_table(headers, rate_rows(self.arguments[0]), [10, 10, 34, 8, 8, 30], classes=["rate-table"])]


class RuleSummaryDirective(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        _note_generated(self)
        return summary_nodes(current_rule_sets())


class CliHelpDirective(SphinxDirective):
    """The ``--help`` of ``nedtrapping`` or of one subcommand, from the real parser."""

    has_content = False
    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        import argparse
        import os

        from nedtrapping.cli import build_parser
        from nedtrapping.cli.language import argparse_words

        _note_generated(self)
        old = os.environ.get("COLUMNS")
        os.environ["COLUMNS"] = "88"
        try:
            with argparse_words("nb"):  # as people see it by default: bokmål, argparse's own words too
                parser = build_parser("nb")
                target: argparse.ArgumentParser = parser
                if self.arguments:
                    name = self.arguments[0]
                    for action in parser._actions:
                        if isinstance(action, argparse._SubParsersAction) and name in action.choices:
                            target = action.choices[name]
                            break
                    else:
                        raise self.error(f"cli-help: no subcommand {name!r}")
                text = target.format_help()
        finally:
            if old is None:
                os.environ.pop("COLUMNS", None)
            else:
                os.environ["COLUMNS"] = old
        block = nodes.literal_block(text, text)
        block["language"] = "text"
        return [block]


class PackageExportsDirective(SphinxDirective):
    """A list of what :mod:`nedtrapping` re-exports, each linked to where it is documented."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        import importlib
        import pkgutil

        import nedtrapping

        modules = [
            importlib.import_module(f"nedtrapping.{info.name}")
            for info in pkgutil.iter_modules(nedtrapping.__path__)
            if not info.name.startswith("_")
        ]
        blist = nodes.bullet_list()
        for name in sorted(n for n in nedtrapping.__all__ if not n.startswith("__")):
            obj = getattr(nedtrapping, name)
            home = getattr(obj, "__module__", None) if isinstance(obj, type) or callable(obj) else None
            if home is None or not home.startswith("nedtrapping"):
                home = next(
                    (m.__name__ for m in modules if name in getattr(m, "__all__", ()) and getattr(m, name, None) is obj),
                    None,
                )
            item = nodes.list_item()
            para = nodes.paragraph()
            if home:
                target = f"{home}.{name}"
                ref = addnodes.pending_xref(
                    "", refdomain="py", reftype="obj", reftarget=target, refexplicit=True, refwarn=True
                )
                ref += nodes.literal(name, name)
                para += ref
                para += nodes.Text(f" — from {home}")
            else:
                para += nodes.literal(name, name)
            item += para
            blist += item
        return [blist]


class SchemeModulesDirective(SphinxDirective):
    """One section with the API of every module in a package (:mod:`nedtrapping.schemes` unless named;
    found, not listed)."""

    has_content = False
    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        import importlib
        import pkgutil

        from docutils.statemachine import StringList
        from sphinx.util.nodes import nested_parse_with_titles

        package = importlib.import_module(self.arguments[0] if self.arguments else "nedtrapping.schemes")

        _note_generated(self)
        lines: list[str] = []
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
            if info.name.startswith("_"):
                continue
            full = f"{package.__name__}.{info.name}"
            title = f"``{full}``"
            lines += [title, "-" * len(title), "", f".. automodule:: {full}", ""]
        container = nodes.section()
        container.document = self.state.document
        nested_parse_with_titles(self.state, StringList(lines, source="scheme-modules"), container)
        return list(container.children)


# --------------------------------------------------------------------------- Sphinx wiring


def _note_generated(directive: SphinxDirective) -> None:
    env = directive.env
    if not hasattr(env, "rule_catalogue_docs"):
        env.rule_catalogue_docs = set()  # type: ignore[attr-defined]
    env.rule_catalogue_docs.add(env.docname)  # type: ignore[attr-defined]


def _purge(app: Any, env: Any, docname: str) -> None:
    if hasattr(env, "rule_catalogue_docs"):
        env.rule_catalogue_docs.discard(docname)


def _merge(app: Any, env: Any, docnames: Any, other: Any) -> None:
    if not hasattr(env, "rule_catalogue_docs"):
        env.rule_catalogue_docs = set()
    env.rule_catalogue_docs |= getattr(other, "rule_catalogue_docs", set())


def _always_reread(app: Any, env: Any, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """Pages generated from code are read again on every build: the code may have changed."""
    return sorted(d for d in getattr(env, "rule_catalogue_docs", set()) if d in env.found_docs and d not in removed)


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("rule-catalogue", RuleCatalogueDirective)
    app.add_directive("rule-unknowns", RuleUnknownsDirective)
    app.add_directive("rule-not-final", RuleNotFinalDirective)
    app.add_directive("rule-catalogue-summary", RuleSummaryDirective)
    app.add_directive("cli-help", CliHelpDirective)
    app.add_directive("package-exports", PackageExportsDirective)
    app.add_directive("scheme-modules", SchemeModulesDirective)
    app.add_directive("rate-table", RateTableDirective)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-get-outdated", _always_reread)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
