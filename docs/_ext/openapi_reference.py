"""Sphinx extension: the JSON API's reference, generated from its OpenAPI description.

Why: the description the service serves (``GET /openapi.json``,
:func:`nedtrapping.web.openapi.openapi_document`) is the one truth about the API; a page written
by hand would drift from it. This one is read from it while Sphinx reads the page (the
description needs no Starlette to build).

Directive
---------
``.. openapi-reference::``
    For each operation: its method and path, what it does, its parameters (where, required,
    type, default, what it means), what it takes and what it answers with; then the problem
    document every error is. The whole description is linked as ``/openapi.json``.

:func:`openapi_rst` is a plain function (it can be rendered without Sphinx).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

__all__ = ["openapi_rst", "setup"]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("|", "\\|").replace("`", "\\`")


def _type(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    kind = schema.get("type", "")
    if kind == "array":
        return f"array of {_type(schema.get('items', {}))}"
    words = " or ".join(kind) if isinstance(kind, list) else str(kind)
    if "enum" in schema:
        words += " (" + ", ".join(str(v) for v in schema["enum"]) + ")"
    return words


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    lines = [".. list-table::", "   :header-rows: 1", ""]
    for row in (header, *rows):
        lines.append(f"   * - {row[0] or ' '}")
        lines += [f"     - {cell or ' '}" for cell in row[1:]]
    return lines + [""]


def openapi_rst(document: dict[str, Any]) -> list[str]:
    """The reference of every operation in ``document`` (an OpenAPI 3.1 description), as reStructuredText lines."""
    out: list[str] = []
    for path, methods in document["paths"].items():
        for method, op in methods.items():
            title = f"``{method.upper()} {path}``"
            out += [title, "-" * len(title), "", _escape(op.get("summary", "")) + ".", ""]
            parameters = op.get("parameters", [])
            if parameters:
                out += ["**Parameters**", ""]
                rows = []
                for p in parameters:
                    schema = p.get("schema", {})
                    default = f" Default: ``{schema['default']}``." if "default" in schema else ""
                    meaning = _escape(p.get("description", "")).rstrip(".")
                    rows.append((f"``{p['name']}``", p["in"], "yes" if p.get("required") else "no",
                                 _escape(_type(schema)), (meaning + "." if meaning else "") + default))
                out += _table(("Name", "In", "Required", "Type", "Meaning"), rows)
            body = op.get("requestBody")
            if body:
                out += ["**Body** (one of)", ""]
                out += [f"- ``{media}``: {_escape(_type(content.get('schema', {})))}"
                        for media, content in body["content"].items()]
                out.append("")
            out += ["**Answers**", ""]
            rows = []
            for status, answer in op.get("responses", {}).items():
                media = ", ".join(f"``{m}``" for m in answer.get("content", {}))
                rows.append((status, _escape(answer.get("description", "")), media))
            out += _table(("Status", "When", "Media type"), rows)
    problem = document["components"]["schemas"]["Problem"]
    out += ["The problem document", "--------------------", "", _escape(problem["description"]), ""]
    rows = [(f"``{name}``", _escape(_type(schema)), _escape(schema.get("description", "")))
            for name, schema in problem["properties"].items()]
    out += _table(("Member", "Type", "Meaning"), rows)
    items = problem["properties"]["errors"]["items"]["properties"]
    out += ["Each member of ``errors``:", ""]
    out += _table(("Member", "Type", "Meaning"), [(f"``{n}``", _escape(_type(s)), _escape(s.get("description", "")))
                                                   for n, s in items.items()])
    return out


class OpenAPIReference(SphinxDirective):
    has_content = False

    def run(self) -> list[Any]:
        from nedtrapping.web.openapi import openapi_document

        document = openapi_document()
        lines = [f"The description below is version ``{document['info']['version']}`` of the API; the service "
                 "serves the whole of it (with the positions and plan documents' JSON Schemas) at "
                 "``GET /openapi.json``.", "", *openapi_rst(document)]
        section = nodes.section()
        section.document = self.state.document
        nested_parse_with_titles(self.state, StringList(lines, source="openapi.json"), section)
        return list(section.children)


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("openapi-reference", OpenAPIReference)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
