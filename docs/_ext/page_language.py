"""Sphinx extension: a page's own language.

Why: the pages for the finance officer are in Norwegian bokmål while the rest of the site is in
English. A screen reader, a browser's translation offer and a search engine read the language from
``<html lang="...">``; a bokmål page marked ``en`` is read aloud with English sounds. A page says its
language in its first lines, as a field::

    :lang: nb

and its HTML gets ``lang="nb"``. Pages without the field keep the project's ``language`` (``en``).
"""

from __future__ import annotations

from typing import Any

__all__ = ["LANGUAGES", "page_language", "setup"]

#: The languages a page may declare: bokmål and English.
LANGUAGES = ("nb", "en")


def page_language(metadata: dict[str, Any], default: str | None) -> str | None:
    """The language of a page with ``metadata`` (its file-wide fields): its ``lang`` field, else ``default``."""
    lang = metadata.get("lang")
    if lang is None:
        return default
    lang = str(lang).strip()
    if lang not in LANGUAGES:
        raise ValueError(f":lang: {lang!r}: expected one of {', '.join(LANGUAGES)}")
    return lang


def _context(app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    metadata = app.env.metadata.get(pagename, {})
    context["language"] = page_language(metadata, context.get("language"))


def setup(app: Any) -> dict[str, Any]:
    app.connect("html-page-context", _context)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
