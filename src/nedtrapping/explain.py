"""Explanations: every computed figure says which rule, value and source made it.

Why: a case handler checking a total needs the chain, not just the number. An
:class:`Explanation` is a small tree: a statement, the figure it explains, the
facts it used (with status and citation) and the steps under it. It renders as
text, Markdown or a JSON-able dict.
"""

from __future__ import annotations

import html
from typing import Any

import attrs

from nedtrapping.provenance import Citation, Fact, Status, display_value

__all__ = ["FactUse", "Explanation"]


@attrs.frozen
class FactUse:
    """A fact as used in a computation: where it lives, its value, status and source."""

    name: str
    value: str
    status: Status
    citation: Citation
    rule_set: str | None = None
    digest: str | None = None
    note: str | None = None

    @classmethod
    def of(cls, name: str, fact: Fact[Any], *, rule_set: str | None = None, digest: str | None = None) -> FactUse:
        return cls(name, display_value(fact.value), fact.status, fact.citation, rule_set, digest, fact.note)

    def to_text(self) -> str:
        where = f" [{self.rule_set}]" if self.rule_set else ""
        return f"{self.name} = {self.value} ({self.status.value}; {self.citation}){where}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": self.value,
            "status": self.status.value,
            "citation": self.citation.to_dict(),
            "rule_set": self.rule_set,
            "digest": self.digest,
            "note": self.note,
        }


@attrs.frozen(repr=False)
class Explanation:
    """Why a figure is what it is.

    In a notebook it shows as nested lists (``_repr_html_``, ``_repr_markdown_``);
    ``repr`` is one short line.
    """

    statement: str
    figure: str | None = None
    facts: tuple[FactUse, ...] = ()
    steps: tuple[Explanation, ...] = ()

    def all_facts(self) -> list[FactUse]:
        out = list(self.facts)
        for step in self.steps:
            out.extend(step.all_facts())
        return out

    def to_text(self, indent: int = 0) -> str:
        pad = "  " * indent
        head = f"{pad}{self.statement}" + (f": {self.figure}" if self.figure is not None else "")
        lines = [head]
        for fact in self.facts:
            lines.append(f"{pad}  · {fact.to_text()}")
        for step in self.steps:
            lines.append(step.to_text(indent + 1))
        return "\n".join(lines)

    def to_markdown(self, level: int = 0) -> str:
        pad = "  " * level
        head = f"{pad}- **{self.statement}**" + (f": {self.figure}" if self.figure is not None else "")
        lines = [head]
        for fact in self.facts:
            link = f" <{fact.citation.url}>" if fact.citation.url else ""
            lines.append(f"{pad}  - `{fact.name}` = {fact.value} — *{fact.status.value}*, {fact.citation.document}{link}")
        for step in self.steps:
            lines.append(step.to_markdown(level + 1))
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "statement": self.statement,
            "figure": self.figure,
            "facts": [f.to_dict() for f in self.facts],
            "steps": [s.to_dict() for s in self.steps],
        }

    def to_html(self) -> str:
        """Nested lists (every text escaped), for a notebook or a web page."""
        return f'<div class="nedtrapping-explanation">{self._html_item()}</div>'

    def _html_item(self) -> str:
        head = f"<b>{html.escape(self.statement)}</b>" + (f": {html.escape(self.figure)}" if self.figure is not None else "")
        items = [f"<li><code>{html.escape(f.name)}</code> = {html.escape(f.value)} — <i>{html.escape(f.status.value)}"
                 f"</i>, {html.escape(str(f.citation))}</li>" for f in self.facts]
        items += [f"<li>{step._html_item()}</li>" for step in self.steps]
        return head + (f"<ul>{''.join(items)}</ul>" if items else "")

    def _repr_html_(self) -> str:
        return self.to_html()

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def __repr__(self) -> str:
        figure = f": {self.figure}" if self.figure is not None else ""
        count = len(self.all_facts())
        return f"<Explanation {self.statement!r}{figure} ({len(self.steps)} step(s), {count} fact(s))>"

    def __str__(self) -> str:
        return self.to_text()
