"""Sphinx extension: the table of sources, built from :data:`nedtrapping.sources.ALL_SOURCES`.

Why: every rule value cites a source, and a reader checking one needs its address,
the version (date) of the page that was read, and the words that were quoted. A
table written by hand would drift from :mod:`nedtrapping.sources`; this one is read
from it while Sphinx reads the page.

Directives
----------
``.. source-table::``
    One row per citation in ``ALL_SOURCES``: tag, document, address, version date,
    quote. Where the library has no checked quote or no page date, the row says so.
    Each row is a link target, ``:ref:`source-<tag>``` (e.g. ``source-vol-19``), which the
    rule catalogue and the API page use.
``.. source-constants::``
    The API entry of every name in ``nedtrapping.sources.__all__`` (a ``py:data`` each),
    with its tag and document, linked to its row of the table.

:func:`source_rows` is a plain function (tests render it without Sphinx).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

__all__ = ["NO_DATE", "NO_QUOTE", "NO_ADDRESS", "SOURCES_DOC", "source_label", "source_rows", "table_node", "setup"]

#: What the table says where a citation has no date of its own.
NO_DATE = "not shown on the page read (see the document title)"
#: What the table says where no words of the source were checked.
NO_QUOTE = "(no words quoted: not checked against the page)"
#: What the table says for a source without a public address.
NO_ADDRESS = "(no public link)"
#: The page that holds the table.
SOURCES_DOC = "reference/sources"


def source_label(tag: str) -> str:
    """The cross-reference label of a source's row in the table (``VOL-19`` → ``source-vol-19``)."""
    return f"source-{nodes.make_id(tag)}"


def _sources() -> tuple[Any, ...]:
    from nedtrapping import sources

    return tuple(sources.ALL_SOURCES)


def source_rows(citations: Any = None) -> list[tuple[str, str, str, str, str]]:
    """``(tag, document, address, version date, quote)`` for each citation, in ``ALL_SOURCES`` order."""
    rows = []
    for c in _sources() if citations is None else citations:
        rows.append((
            c.tag or "",
            c.document,
            c.url or NO_ADDRESS,
            c.published.isoformat() if c.published else NO_DATE,
            f"«{c.quote}»" if c.quote else NO_QUOTE,
        ))
    return rows


def _cell(content: nodes.Node | str) -> nodes.entry:
    entry = nodes.entry()
    para = nodes.paragraph()
    para += content if isinstance(content, nodes.Node) else nodes.Text(content)
    entry += para
    return entry


def table_node(citations: Any = None) -> nodes.table:
    """The sources as a docutils table."""
    headers = ("Tag", "Source", "Address", "Version (date)", "Quote (verbatim)")
    table = nodes.table(classes=["source-table", "colwidths-given"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in (10, 22, 25, 15, 28):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    row = nodes.row()
    for h in headers:
        row += _cell(h)
    head += row
    group += head
    body = nodes.tbody()
    for tag, document, address, version, quote in source_rows(citations):
        row = nodes.row(ids=[source_label(tag)] if tag else [])
        row += _cell(nodes.literal(tag, tag))
        row += _cell(document)
        row += _cell(nodes.reference(address, address, refuri=address) if address.startswith("http") else address)
        row += _cell(version)
        row += _cell(quote)
        body += row
    group += body
    return table


class SourceTableDirective(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        std = self.env.get_domain("std")
        for citation in _sources():
            if citation.tag:
                std.note_hyperlink_target(source_label(citation.tag), self.env.docname, source_label(citation.tag),
                                          f"{citation.tag}: {citation.document}")
        return [table_node()]


class SourceConstantsDirective(SphinxDirective):
    """``py:data`` entries for the public names of :mod:`nedtrapping.sources`, read from the module."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from docutils.statemachine import StringList
        from sphinx.util.nodes import nested_parse_with_titles

        from nedtrapping import sources
        from nedtrapping.provenance import Citation

        lines: list[str] = []
        for name in sources.__all__:
            value = getattr(sources, name)
            if isinstance(value, Citation):
                lines += [f".. py:data:: {name}", "   :module: nedtrapping.sources",
                          "   :type: ~nedtrapping.provenance.Citation", ""]
                where = f":ref:`{value.tag} <{source_label(value.tag)}>`" if value.tag else "(no tag)"
                lines += [f"   {where}: {_rst_text(value.document)}", ""]
            else:
                lines += [f".. py:data:: {name}", "   :module: nedtrapping.sources",
                          "   :type: tuple[~nedtrapping.provenance.Citation, ...]", ""]
                lines += [f"   Every source above, in the order of the :doc:`/{SOURCES_DOC}` table, which is "
                          "generated from it.", ""]
        container = nodes.section()
        container.document = self.state.document
        nested_parse_with_titles(self.state, StringList(lines, source="nedtrapping.sources"), container)
        return list(container.children)


def _rst_text(text: str) -> str:
    """Plain text safe inside reST running text."""
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("`", "\\`").replace("|", "\\|").replace("_", "\\_")


def _always_reread(app: Any, env: Any, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    return [doc for doc in env.found_docs if doc in (SOURCES_DOC, "reference/api/sources")]


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("source-table", SourceTableDirective)
    app.add_directive("source-constants", SourceConstantsDirective)
    app.connect("env-get-outdated", _always_reread)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
