"""Sphinx extension: the glossary the other way, English → bokmål, made from the bokmål → English one.

Why: a reader who knows the English word ("own financing", "grant letter") and looks for the
Norwegian one the outputs print needs the glossary the other way round; a second list kept by hand
would drift from the first. This one is read from the page's own ``.. glossary::`` entries: each
entry's English word is the emphasised word its definition begins with (``*final*: ...``) or else
its definition's first words up to ``:``, ``;``, ``(`` or ``.`` (``Full cost: ...``), when they
are a name (at most eight words). Entries whose definition begins otherwise are not listed.

Directive
---------
``.. glossary-english::``
    The table English → bokmål of the glossaries on the same page, sorted by the English word,
    each bokmål word linked to its entry.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

__all__ = ["english_word", "setup"]

_MAX_WORDS = 8


class glossary_english(nodes.General, nodes.Element):
    """Where the table goes (replaced when the page has been read)."""


def english_word(definition: nodes.Element) -> str | None:
    """The English word a glossary definition begins with, or ``None``.

    ``*final*: ...`` (one emphasised lower-case word before a colon) gives ``final``; otherwise the
    words up to the first ``:``, ``;``, ``,``, ``(`` or ``.`` — after a Norwegian name in emphasis
    and its colon (``*Arbeidsgiveravgiftssone*: employer's-contribution zone, ...``), from there.
    """
    paragraph = next(iter(definition.findall(nodes.paragraph)), None)
    if paragraph is None or not paragraph.children:
        return None
    first = paragraph.children[0]
    text = paragraph.astext()
    if isinstance(first, nodes.emphasis):
        word = first.astext().strip()
        rest = text[len(first.astext()):]
        if not rest.startswith(":"):
            return None
        if re.fullmatch(r"[a-z-]+", word):
            return word
        text = rest[1:]
    head = re.split(r"[:;,(.]", text, maxsplit=1)[0].strip().strip('"“”«»').strip()
    if not head or len(head.split()) > _MAX_WORDS:
        return None
    return head[0].upper() + head[1:]


class GlossaryEnglishDirective(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        return [glossary_english()]


def _fill(app: Any, doctree: nodes.document) -> None:
    places = list(doctree.findall(glossary_english))
    if not places:
        return
    pairs: list[tuple[str, list[tuple[str, str]]]] = []
    for item in doctree.findall(nodes.definition_list_item):
        if not any(isinstance(a, addnodes.glossary) for a in _ancestors(item)):
            continue
        definition = next(iter(item.findall(nodes.definition)), None)
        terms = [(t.astext(), t["ids"][0]) for t in item.findall(nodes.term) if t.get("ids")]
        word = english_word(definition) if definition is not None else None
        if word and terms:
            pairs.append((word, terms))
    pairs.sort(key=lambda pair: pair[0].lower())
    table = nodes.table(classes=["glossary-english"])
    group = nodes.tgroup(cols=2)
    table += group
    group += nodes.colspec(colwidth=45)
    group += nodes.colspec(colwidth=55)
    head = nodes.thead()
    row = nodes.row()
    for title in ("English", "Bokmål"):
        entry = nodes.entry()
        entry += nodes.paragraph(text=title)
        row += entry
    head += row
    group += head
    body = nodes.tbody()
    for word, terms in pairs:
        row = nodes.row()
        entry = nodes.entry()
        entry += nodes.paragraph(text=word)
        row += entry
        entry = nodes.entry()
        paragraph = nodes.paragraph()
        for i, (term, anchor) in enumerate(terms):
            if i:
                paragraph += nodes.Text(", ")
            paragraph += nodes.reference(term, term, refid=anchor, internal=True)
        entry += paragraph
        row += entry
        body += row
    group += body
    for place in places:
        place.replace_self(table.deepcopy())


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = []
    while node.parent is not None:
        node = node.parent
        found.append(node)
    return found


def setup(app: Any) -> dict[str, Any]:
    app.add_node(glossary_english)
    app.add_directive("glossary-english", GlossaryEnglishDirective)
    app.connect("doctree-read", _fill)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
