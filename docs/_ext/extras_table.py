"""Sphinx extension: the table of the package's extras, read from ``pyproject.toml``.

Why: a list of extras written by hand drifts the day an extra is added or brings another package.
This table is read from ``[project.optional-dependencies]`` when the docs are built: each extra,
the packages it brings, and what it is for — the comment just above the extra in ``pyproject.toml``
or, for the extras whose lines carry none, the words in :data:`PURPOSE`. An extra with neither
stops the build, so a new extra cannot go unexplained.

Directive
---------
``.. extras-table::``
    The table, one row per extra in the order of ``pyproject.toml``.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, NamedTuple

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

__all__ = ["PYPROJECT", "PURPOSE", "Extra", "extras", "setup"]

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"

#: What an extra is for, where its lines in ``pyproject.toml`` carry no comment.
PURPOSE = {
    "test": "the whole test suite (``./scripts/test``): pytest, hypothesis, the type checker and the "
            "linter, and every extra the tests exercise",
    "mutation": "mutation testing of the test suite (``scripts/mutation``)",
    "dev": "everything a developer of the library runs: ``test`` and ``mutation``",
}


class Extra(NamedTuple):
    """An extra: its name, the requirements it lists, what it is for."""

    name: str
    requires: tuple[str, ...]
    purpose: str


def _comments(text: str) -> dict[str, str]:
    """The comment lines just above each ``name = [`` of ``[project.optional-dependencies]``."""
    section = text[text.index("[project.optional-dependencies]"):]
    following = re.search(r"^\[(?!project\.optional-dependencies)", section[1:], re.MULTILINE)
    if following:
        section = section[: following.start() + 1]
    found: dict[str, str] = {}
    comment: list[str] = []
    for line in section.splitlines()[1:]:
        stripped = line.strip()
        if stripped.startswith("#") and not line.startswith((" ", "\t")):
            comment.append(stripped.lstrip("#").strip())
            continue
        match = re.match(r"^([A-Za-z0-9_-]+)\s*=\s*\[", line)
        if match and comment:
            found[match.group(1)] = " ".join(comment)
        if not line.startswith((" ", "\t")):
            comment = []
    return found


def extras(pyproject: Path = PYPROJECT) -> list[Extra]:
    """Every extra of ``pyproject`` with what it brings and what it is for (a ``ValueError`` when one says nothing)."""
    text = pyproject.read_text(encoding="utf-8")
    table = tomllib.loads(text)["project"]["optional-dependencies"]
    comments = _comments(text)
    found = []
    for name, requires in table.items():
        purpose = comments.get(name) or PURPOSE.get(name)
        if not purpose:
            raise ValueError(f"{pyproject.name}: the extra {name!r} has no comment above it and no words in "
                             "docs/_ext/extras_table.py PURPOSE: say what it is for")
        found.append(Extra(name, tuple(requires), purpose))
    return found


def _cell(*children: nodes.Node) -> nodes.entry:
    entry = nodes.entry()
    paragraph = nodes.paragraph()
    for child in children:
        paragraph += child
    entry += paragraph
    return entry


def _inline_literals(text: str) -> list[nodes.Node]:
    """Plain text with its backquoted parts (single or double backquotes, as pyproject.toml and PURPOSE write them) as code."""
    parts: list[nodes.Node] = []
    for i, piece in enumerate(re.split(r"`(.+?)`", text.replace("``", "`"))):
        if piece:
            parts.append(nodes.literal(piece, piece) if i % 2 else nodes.Text(piece))
    return parts


class ExtrasTableDirective(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(PYPROJECT))
        try:
            found = extras()
        except ValueError as exc:
            raise self.error(str(exc)) from None
        table = nodes.table(classes=["extras-table", "colwidths-given"])
        group = nodes.tgroup(cols=3)
        table += group
        for width in (17, 35, 48):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        row = nodes.row()
        for title in ("Extra", "Brings", "What for"):
            row += _cell(nodes.Text(title))
        head += row
        group += head
        body = nodes.tbody()
        for extra in found:
            row = nodes.row()
            install = f"'.[{extra.name}]'"
            row += _cell(nodes.literal(install, install))
            brings: list[nodes.Node] = []
            for i, requirement in enumerate(extra.requires):
                if i:
                    brings.append(nodes.Text(", "))
                brings.append(nodes.literal(requirement, requirement))
            row += _cell(*brings)
            row += _cell(*_inline_literals(extra.purpose))
            body += row
        group += body
        return [table]


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("extras-table", ExtrasTableDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
