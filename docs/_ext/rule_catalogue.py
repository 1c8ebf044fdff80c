"""Sphinx extension: the rule catalogue and the "What is not known" page, built from the registry.

Why: docs written by hand drift from the data. Every rule value shown in these pages
is read from :func:`nedtrapping.registry.all_rule_sets` while Sphinx reads the page,
so changing a value in code changes the rendered docs with no other edit.

Directives
----------
``.. rule-catalogue::``
    For each scheme and budget year: the rule set's identity and digest, every fact
    (``rule_set.facts()``) with its value, status, citation (document, section, link,
    date) and note, and every deadline. Option ``:scheme: ID`` limits it to one scheme.
``.. rule-unknowns::``
    Every unknown, uncertain, provisional, inferred and assumed value across all rule
    sets (grouped by status), every deadline that is not a firm instant, and every
    deadline or deck-calendar row whose source words carry doubt («31.3.22 ??????»,
    «April(?)»), with how to supply what can be supplied.
``.. rule-catalogue-summary::``
    A one-table overview: scheme, years, number of facts per status, digests.
``.. cli-help:: [SUBCOMMAND]``
    The ``--help`` text of the ``nedtrapping`` command line (or one of its subcommands),
    generated from :func:`nedtrapping.cli.build_parser`.

The renderers are plain functions (:func:`catalogue_nodes`, :func:`unknowns_nodes`)
taking a list of rule sets, so tests can render evolved rule sets without Sphinx.

The generator is generic: it knows only the :class:`~nedtrapping.ruleset.RuleSet` base
class, :class:`~nedtrapping.provenance.Fact`, :class:`~nedtrapping.provenance.Citation`
and :class:`~nedtrapping.deadlines.Deadline`; any subclass with any attrs fields works.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

__all__ = [
    "format_value",
    "label_for",
    "catalogue_nodes",
    "unknowns_nodes",
    "summary_nodes",
    "current_rule_sets",
    "current_deck_rows",
    "NOT_FINAL_SECTIONS",
    "setup",
]

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
    (:func:`nedtrapping.provenance.display_value`), with ``unknown`` for a missing value."""
    from nedtrapping.provenance import display_value

    return display_value(value, unknown="unknown")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def label_for(scheme_id: str, year: int | None = None) -> str:
    """The cross-reference label of a scheme (or one year of it) in the catalogue."""
    base = f"catalogue-{_slug(scheme_id)}"
    return base if year is None else f"{base}-{year}"


def _status_node(status: Any) -> nodes.inline:
    value = _status_value(status)
    return nodes.inline(value, value, classes=["rule-status", f"rule-status-{_slug(value)}"])


def _link(text: str, url: str | None) -> nodes.Node:
    if url:
        return nodes.reference(text, text, refuri=url)
    return nodes.Text(text)


def _citation_paragraph(citation: Any, prefix: str = "") -> nodes.paragraph:
    """Document (linked to its URL), section, publication date, tag."""
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


def _table(headers: list[str], rows: list[list[Any]], widths: list[int], classes: Iterable[str] = ()) -> nodes.table:
    table = nodes.table(classes=["rule-table", *classes])
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


def _by_scheme(rule_sets: Iterable[Any]) -> dict[str, list[Any]]:
    grouped: dict[str, list[Any]] = defaultdict(list)
    for rs in rule_sets:
        grouped[rs.scheme_id].append(rs)
    return {sid: sorted(grouped[sid], key=lambda r: r.year) for sid in sorted(grouped)}


def _fact_cells(path: str, fact: Any) -> list[Any]:
    value_cell: nodes.Node
    if fact.value is None:
        value_cell = nodes.emphasis("unknown", "unknown")
    else:
        text = format_value(fact.value)
        value_cell = nodes.Text(text)
    source: list[nodes.Node] = [_citation_paragraph(fact.citation)]
    if fact.note:
        source.append(_text_paragraph(fact.note, "Note:"))
    how = getattr(fact, "how_to_supply", None)
    if how:
        source.append(_text_paragraph(how, "How to supply:"))
    return [nodes.literal(path, path), value_cell, _status_node(fact.status), source]


def _instant_text(deadline: Any) -> str:
    if getattr(deadline, "day", None) is None:
        return "— (no fixed instant)"
    try:
        instant = deadline.instant()
    except Exception as exc:  # a deadline model that cannot give one says why
        return f"— ({exc})"
    tz = getattr(deadline, "timezone", "Europe/Oslo")
    return f"{instant.format('YYYY-MM-DD HH:mm')} {tz} (UTC{instant.format('Z')})"


def _deadline_cells(deadline: Any) -> list[Any]:
    purpose = format_value(getattr(deadline, "purpose", None)) if getattr(deadline, "purpose", None) else "—"
    source: list[nodes.Node] = [_citation_paragraph(deadline.citation)]
    note = getattr(deadline, "note", None)
    if note:
        source.append(_text_paragraph(note, "Note:"))
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


def _rule_set_section(rs: Any) -> nodes.section:
    section = _section(f"{rs.year} — {rs.title}", label_for(rs.scheme_id, rs.year))
    status_para = nodes.paragraph()
    status_para += _status_node(rs.status)
    items: list[tuple[str, Any]] = [
        ("Scheme id", nodes.literal(rs.scheme_id, rs.scheme_id)),
        ("Budget year", str(rs.year)),
        ("In English", rs.title_en),
    ]
    if getattr(rs, "budget_chapter", None):
        items.append(("Budget chapter", rs.budget_chapter))
    items += [
        ("Status of the rule set", status_para),
        ("Main source", _citation_paragraph(rs.citation)),
        ("Rule-set class", nodes.literal(type(rs).__qualname__, f"{type(rs).__module__}.{type(rs).__qualname__}")),
        ("Digest (SHA-256)", nodes.literal(rs.digest, rs.digest)),
    ]
    section += _field_list(items)

    facts = list(rs.facts())
    facts_section = _section("Facts", label_for(rs.scheme_id, rs.year) + "-facts")
    if facts:
        facts_section += _table(
            ["Fact", "Value", "Status", "Source"],
            [_fact_cells(path, fact) for path, fact in facts],
            [20, 25, 10, 45],
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
            [_deadline_cells(d) for d in deadlines],
            [10, 13, 8, 9, 10, 9, 16, 25],
            classes=["rule-deadlines"],
        )
    else:
        dl_section += nodes.paragraph(text="No deadlines are recorded for this rule set.")
    section += dl_section
    return section


def catalogue_nodes(rule_sets: Iterable[Any], scheme: str | None = None) -> list[nodes.Node]:
    """The catalogue as docutils nodes: one section per scheme, one subsection per year."""
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
            section += _rule_set_section(rs)
        out.append(section)
    return out


# --------------------------------------------------------------------------- summary


def summary_nodes(rule_sets: Iterable[Any]) -> list[nodes.Node]:
    """One row per rule set: scheme, year, status, counts of facts per status, short digest."""
    rows = []
    for sets in _by_scheme(rule_sets).values():
        for rs in sets:
            counts: dict[str, int] = defaultdict(int)
            for _path, fact in rs.facts():
                counts[_status_value(fact.status)] += 1
            text = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "no facts"
            ref = _xref(f"{rs.scheme_id} {rs.year}", label_for(rs.scheme_id, rs.year))
            rows.append([ref, _status_node(rs.status), text, nodes.literal(rs.short_digest, rs.short_digest)])
    if not rows:
        return [nodes.paragraph(text="No rule sets are registered.")]
    return [_table(["Rule set", "Status", "Facts by status", "Digest"], rows, [25, 12, 45, 18], classes=["rule-summary"])]


# --------------------------------------------------------------------------- what is not known


def _xref(text: str, label: str) -> nodes.Node:
    ref = addnodes.pending_xref(
        "", refdomain="std", reftype="ref", reftarget=label, refexplicit=True, refwarn=True
    )
    ref += nodes.inline(text, text)
    return ref


def _entry(rs: Any, path: str, body: list[nodes.Node]) -> nodes.definition_list_item:
    item = nodes.definition_list_item()
    term = nodes.term()
    term += _xref(f"{rs.scheme_id} {rs.year}", label_for(rs.scheme_id, rs.year))
    term += nodes.Text(" · ")
    term += nodes.literal(path, path)
    item += term
    definition = nodes.definition()
    for node in body:
        definition += node
    item += definition
    return item


def _facts_with(rule_sets: list[Any], status_value: str) -> list[tuple[Any, str, Any]]:
    found = []
    for sets in _by_scheme(rule_sets).values():
        for rs in sets:
            for path, fact in rs.facts():
                if _status_value(fact.status) == status_value:
                    found.append((rs, path, fact))
    return found


def _fact_body(fact: Any, *, show_value: bool) -> list[nodes.Node]:
    body: list[nodes.Node] = []
    if show_value:
        body.append(_text_paragraph(format_value(fact.value), "Value used:"))
    if fact.note:
        body.append(_text_paragraph(fact.note, "Note:"))
    body.append(_citation_paragraph(fact.citation, "Looked in:" if fact.value is None else "Source:"))
    how = getattr(fact, "how_to_supply", None)
    if how:
        body.append(_text_paragraph(how, "How to supply it:"))
    elif fact.value is None:
        body.append(_text_paragraph(
            "the library offers no way to supply this value yet; computations that need it stop with an error.",
            "How to supply it:",
        ))
    return body


def _fact_list_section(title: str, intro: str, found: list[tuple[Any, str, Any]], *, show_value: bool,
                       label: str) -> nodes.section:
    section = _section(f"{title} ({len(found)})", label)
    section += nodes.paragraph(text=intro)
    if not found:
        section += nodes.paragraph(text="None, in any registered rule set.")
        return section
    dl = nodes.definition_list(classes=["rule-unknowns"])
    for rs, path, fact in found:
        dl += _entry(rs, path, _fact_body(fact, show_value=show_value))
    section += dl
    return section


#: The statuses gathered on the "What is not known" page, in the order of its sections, with the
#: section's title, its introduction, and whether the value is shown (an unknown has none).
NOT_FINAL_SECTIONS: tuple[tuple[str, str, str, bool], ...] = (
    ("unknown", "Unknown values",
     "No public source gives these. They have no value at all: a computation that needs one raises "
     "UnknownValueError naming the value and how to supply it. They are never treated as 0.", False),
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


def current_deck_rows() -> list[Any]:
    """The rows of the deck's calendar table, if the library holds them (else none)."""
    try:
        from nedtrapping.schemes.tilskuddskalender_2022 import DECK_CALENDAR
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


def _doubtful_words(sets: list[Any], deck_rows: list[Any]) -> list[tuple[str, Any, list[nodes.Node]]]:
    """Deadlines (and deck-calendar rows) whose source words carry doubt, however they were settled."""
    found: list[tuple[str, Any, list[nodes.Node]]] = []
    for rs in sets:
        for d in getattr(rs, "deadlines", ()) or ():
            if not _doubt_in_words(d.as_written):
                continue
            body: list[nodes.Node] = [_deadline_summary(d)]
            if getattr(d, "note", None):
                body.append(_text_paragraph(d.note, "Note:"))
            body.append(_citation_paragraph(d.citation, "Source of the date:" if d.day else "Source:"))
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
            body.append(_citation_paragraph(deadline_fact.citation, "Source:"))
        found.append((f"deck calendar row {row.number}", None, body))
    return found


def unknowns_nodes(rule_sets: Iterable[Any], deck_rows: Iterable[Any] | None = None) -> list[nodes.Node]:
    """The "What is not known" content, generated from every rule set.

    Every value whose status is not final (nor user-supplied), grouped by status; the
    deadlines that are not a firm instant; and the deadlines (and rows of the deck's
    calendar) whose source words carry doubt. ``deck_rows`` defaults to the library's
    :data:`~nedtrapping.schemes.tilskuddskalender_2022.DECK_CALENDAR`.
    """
    sets = [rs for group in _by_scheme(rule_sets).values() for rs in group]
    rows = current_deck_rows() if deck_rows is None else list(deck_rows)
    out: list[nodes.Node] = []

    by_status = {status: _facts_with(sets, status) for status, *_ in NOT_FINAL_SECTIONS}
    prov_sets = [rs for rs in sets if _status_value(rs.status) == "provisional"]
    uncertain_sets = [rs for rs in sets if _status_value(rs.status) == "uncertain"]

    loose = []
    for rs in sets:
        for d in getattr(rs, "deadlines", ()) or ():
            if _status_value(d.status) != "final" or format_value(d.kind) != "exact":
                loose.append((rs, d))
    doubtful = _doubtful_words(sets, rows)

    overview = nodes.bullet_list()
    for text in (
        f"{len(by_status['unknown'])} unknown values (the library refuses to compute with them)",
        f"{len(by_status['uncertain'])} uncertain values and {len(uncertain_sets)} uncertain rule sets "
        "(used, with a warning)",
        f"{len(by_status['provisional'])} provisional values and {len(prov_sets)} provisional rule sets",
        f"{len(by_status['inferred'])} inferred values (deduced, not stated by a source)",
        f"{len(by_status['assumed'])} assumed values (the library's own choice where the sources are silent)",
        f"{len(loose)} deadlines that are not firm, and {len(doubtful)} deadlines or calendar rows whose "
        "source words carry doubt",
    ):
        item = nodes.list_item()
        item += nodes.paragraph(text=text)
        overview += item
    out.append(overview)

    for status, title, intro, show_value in NOT_FINAL_SECTIONS:
        section = _fact_list_section(title, intro, by_status[status], show_value=show_value,
                                     label=f"unknowns-{status}")
        whole = {"provisional": prov_sets, "uncertain": uncertain_sets}.get(status, [])
        if whole:
            section += nodes.paragraph(text=f"Whole rule sets marked {status} (every value in them is "
                                            f"{'subject to change' if status == 'provisional' else 'in doubt'}):")
            blist = nodes.bullet_list()
            for rs in whole:
                item = nodes.list_item()
                para = nodes.paragraph()
                para += _xref(f"{rs.scheme_id} {rs.year}", label_for(rs.scheme_id, rs.year))
                para += nodes.Text(f" — {rs.title}; ")
                para += _citation_paragraph(rs.citation).children
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
                body.append(_text_paragraph(d.note, "Note:"))
            body.append(_citation_paragraph(d.citation, "Source:"))
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


class RuleCatalogueDirective(SphinxDirective):
    has_content = False
    option_spec = {"scheme": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        _note_generated(self)
        result = catalogue_nodes(current_rule_sets(), self.options.get("scheme"))
        _register_labels(self, result)
        return result


class RuleUnknownsDirective(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        _note_generated(self)
        result = unknowns_nodes(current_rule_sets())
        _register_labels(self, result)
        return result


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

        _note_generated(self)
        old = os.environ.get("COLUMNS")
        os.environ["COLUMNS"] = "88"
        try:
            parser = build_parser()
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
    """One section with the API of every module in :mod:`nedtrapping.schemes` (found, not listed)."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        import pkgutil

        from docutils.statemachine import StringList
        from sphinx.util.nodes import nested_parse_with_titles

        import nedtrapping.schemes as package

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
    app.add_directive("rule-catalogue-summary", RuleSummaryDirective)
    app.add_directive("cli-help", CliHelpDirective)
    app.add_directive("package-exports", PackageExportsDirective)
    app.add_directive("scheme-modules", SchemeModulesDirective)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-get-outdated", _always_reread)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
