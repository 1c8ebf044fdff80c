"""Explanations: every computed figure says which rule, value and source made it.

Why: a case handler checking a total needs the chain, not just the number. An
:class:`Explanation` is data — a statement (a wording id and its fields), the figure it
explains, the rule values it used (with status and citation) and the steps under it —
worded from the catalogue (:mod:`nedtrapping.wording`) only when it is shown, in bokmål
by default or in English. No calculator writes prose: the same explanation reads in
either language.
"""

from __future__ import annotations

import html
from typing import Any

import attrs

from nedtrapping.money import Money
from nedtrapping.provenance import Citation, Fact, Status, display_value, value_words
from nedtrapping.readable import Readable, read
from nedtrapping.wording import DEFAULT_LANG, Lang, Notice, fact_label, status_word

__all__ = ["FactUse", "Explanation", "Words", "Figure", "words"]

#: A text for people, kept as its wording id and fields (:class:`~nedtrapping.wording.Notice`).
Words = Notice
#: What an explanation explains: an amount, words (``"ukjent"``, a formula with its fields), or a
#: formula of numbers and symbols only (``"14,1 % × 600 000 kr = 84 600 kr"``).
Figure = Money | Notice | str


def words(key: str, /, **fields: object) -> Notice:
    """The wording ``key`` with ``fields``, kept as data until shown in a language."""
    return Notice(key, fields)


def _figure_text(figure: Figure | Readable | str, lang: Lang) -> str:
    return str(figure) if isinstance(figure, (str, Money)) else figure.text(lang)


@attrs.frozen
class FactUse:
    """A fact as used in a computation: where it lives, its value, status and source."""

    name: str
    #: The value as people read it: a value's text, or words (:func:`~nedtrapping.provenance.value_words`).
    value: str | Readable
    status: Status
    citation: Citation
    rule_set: str | None = None
    digest: str | None = None
    note: Readable | None = None

    @classmethod
    def of(cls, name: str, fact: Fact[Any], *, rule_set: str | None = None, digest: str | None = None) -> FactUse:
        # a value in words is shown in the reader's language; an amount or a number as it is written
        value: str | Readable = value_words(fact.value) or display_value(fact.value)
        return cls(name, value, fact.status, fact.citation, rule_set, digest, fact.note)

    def to_text(self, lang: Lang = DEFAULT_LANG) -> str:
        where = f" [{self.rule_set}]" if self.rule_set else ""
        return (f"{fact_label(self.name, lang)} = {_figure_text(self.value, lang)} ({status_word(self.status, lang)}; "
                f"{self.citation}){where}")

    def to_dict(self, lang: Lang = DEFAULT_LANG) -> dict[str, Any]:
        return {
            "name": self.name,
            "label": fact_label(self.name, lang),
            "value": _figure_text(self.value, lang),
            "status": self.status.value,
            "citation": self.citation.to_dict(),
            "rule_set": self.rule_set,
            "digest": self.digest,
            "note": read(self.note, lang) or None,
        }


@attrs.frozen(repr=False)
class Explanation:
    """Why a figure is what it is: data, worded in a language when shown.

    In a notebook it shows as nested lists (``_repr_html_``, ``_repr_markdown_``), in
    bokmål; ``repr`` is one short line.
    """

    statement: Notice
    figure: Figure | None = None
    facts: tuple[FactUse, ...] = ()
    steps: tuple[Explanation, ...] = ()

    def all_facts(self) -> list[FactUse]:
        out = list(self.facts)
        for step in self.steps:
            out.extend(step.all_facts())
        return out

    def head(self, lang: Lang = DEFAULT_LANG) -> str:
        """The statement and its figure in ``lang`` (``"Tilskudd 2023: 330 000 kr"``)."""
        figure = "" if self.figure is None else f": {_figure_text(self.figure, lang)}"
        return self.statement.text(lang) + figure

    def to_text(self, lang: Lang = DEFAULT_LANG, indent: int = 0) -> str:
        pad = "  " * indent
        lines = [pad + self.head(lang)]
        lines += [f"{pad}  · {fact.to_text(lang)}" for fact in self.facts]
        lines += [step.to_text(lang, indent + 1) for step in self.steps]
        return "\n".join(lines)

    def to_markdown(self, lang: Lang = DEFAULT_LANG, level: int = 0) -> str:
        pad = "  " * level
        figure = "" if self.figure is None else f": {_figure_text(self.figure, lang)}"
        lines = [f"{pad}- **{self.statement.text(lang)}**{figure}"]
        for fact in self.facts:
            link = f" <{fact.citation.url}>" if fact.citation.url else ""
            lines.append(f"{pad}  - `{fact_label(fact.name, lang)}` = {_figure_text(fact.value, lang)} — "
                         f"*{status_word(fact.status, lang)}*, {fact.citation.document}{link}")
        lines += [step.to_markdown(lang, level + 1) for step in self.steps]
        return "\n".join(lines)

    def to_dict(self, lang: Lang = DEFAULT_LANG) -> dict[str, Any]:
        """JSON-able: the wording id and fields (for programs) beside the text in ``lang`` (for people)."""
        return {
            "key": self.statement.key,
            "statement": self.statement.text(lang),
            "figure": None if self.figure is None else _figure_text(self.figure, lang),
            "facts": [f.to_dict(lang) for f in self.facts],
            "steps": [s.to_dict(lang) for s in self.steps],
        }

    def to_html(self, lang: Lang = DEFAULT_LANG) -> str:
        """Nested lists (every text escaped), for a notebook or a web page."""
        return f'<div class="nedtrapping-explanation">{self._html_item(lang)}</div>'

    def _html_item(self, lang: Lang) -> str:
        figure = "" if self.figure is None else f": {html.escape(_figure_text(self.figure, lang))}"
        head = f"<b>{html.escape(self.statement.text(lang))}</b>{figure}"
        items = [f"<li><code>{html.escape(fact_label(f.name, lang))}</code> = {html.escape(_figure_text(f.value, lang))} — "
                 f"<i>{html.escape(status_word(f.status, lang))}</i>, {html.escape(str(f.citation))}</li>"
                 for f in self.facts]
        items += [f"<li>{step._html_item(lang)}</li>" for step in self.steps]
        return head + (f"<ul>{''.join(items)}</ul>" if items else "")

    def _repr_html_(self) -> str:
        return self.to_html()

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def __repr__(self) -> str:
        count = len(self.all_facts())
        return f"<Explanation {self.head('en')!r} ({len(self.steps)} step(s), {count} fact(s))>"

    def __str__(self) -> str:
        return self.to_text()
