"""The OpenAPI 3.1 description of the JSON API, built by hand from the shipped JSON Schemas.

Why by hand: the API has four operations; a description written beside them says what each
parameter means in words, embeds the positions and plan documents' own JSON Schemas (the
ones :mod:`nedtrapping.documents` ships) and needs no framework to build — the docs build it
too, without Starlette (``docs/_ext/openapi_reference.py``).
"""

from __future__ import annotations

from typing import Any

from nedtrapping._version import __version__

__all__ = ["openapi_document", "PROBLEM_SCHEMA"]

#: A problem document (RFC 9457) as this API writes it: ``errors`` lists every problem with its place.
PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "A problem document (RFC 9457). Worded in bokmål unless lang=en.",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "format": "uri-reference", "description": "/problems/<kind>: what kind of problem"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string", "format": "uri-reference"},
        "errors": {
            "type": "array",
            "description": "Every problem found, each with its place and what was expected.",
            "items": {
                "type": "object",
                "required": ["expected", "detail"],
                "properties": {
                    "row": {"type": "integer", "description": "The row of the file, as the spreadsheet numbers it"},
                    "column": {"type": "string", "description": "The column's header as the file writes it"},
                    "field": {"type": "string", "description": "The place in a positions document: positions[3].percent"},
                    "parameter": {"type": "string", "description": "The query parameter: supply, source, scheme, lang"},
                    "value": {"type": "string", "description": "What was there"},
                    "expected": {"type": "string", "description": "What was expected instead"},
                    "detail": {"type": "string", "description": "The whole problem in one sentence, place first"},
                },
            },
        },
    },
}

_LANG = {"name": "lang", "in": "query", "required": False,
         "description": "The language of every text for people: nb (norsk bokmål, the default) or en. Keys stay "
                        "English.", "schema": {"type": "string", "enum": ["nb", "en"], "default": "nb"}}


def _problems(*statuses: str) -> dict[str, Any]:
    words = {"400": "A bad parameter (every problem listed)", "404": "No such scheme or year",
             "413": "The body is larger than the limit (read no further)",
             "415": "A media type the API does not read",
             "422": "Bad positions: every bad cell or field, with its place and what was expected"}
    return {s: {"description": words[s], "content": {"application/problem+json": {
        "schema": {"$ref": "#/components/schemas/Problem"}}}} for s in statuses}


def _schema(name: str) -> dict[str, Any]:
    from nedtrapping.documents import schema

    found = dict(schema(name))
    found.pop("$schema", None)
    return found


def openapi_document() -> dict[str, Any]:
    """The API's OpenAPI 3.1 description (what ``GET /openapi.json`` serves)."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "nedtrapping",
            "version": __version__,
            "summary": "Phase-down plans of Norwegian state grants to municipalities, exact and traceable.",
            "description": "Send positions, get the plan document: every figure with the rule that gives it, each "
                           "rule value with its status and source. An unknown rule value stays unknown (null) until "
                           "you supply it from the grant letter. Nothing you send is kept.",
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "paths": {
            "/api/plan": {"post": {
                "operationId": "plan",
                "summary": "Plan positions: a positions document, a CSV file or a workbook in, the plan document out",
                "parameters": [
                    _LANG,
                    {"name": "scheme", "in": "query", "required": False, "schema": {"type": "string"},
                     "description": "The scheme to plan (default: the document's, else kommunalt-rusarbeid); "
                                    "GET /api/schemes lists them"},
                    {"name": "supply", "in": "query", "required": False, "style": "form", "explode": True,
                     "schema": {"type": "array", "items": {"type": "string",
                                                           "pattern": "^[0-9]{4}:[A-Za-z_][\\w.\\[\\]]*=.+$"}},
                     "description": "A rule value from the grant letter, YEAR:PATH=VALUE (PATH as GET "
                                    "/api/rules/{scheme}/{year} lists it), e.g. 2022:ladder.step_3=480000; repeat "
                                    "for more. Needs source."},
                    {"name": "source", "in": "query", "required": False, "schema": {"type": "string"},
                     "description": "The grant letter the supplied values come from (recorded as their source)"},
                    {"name": "explain", "in": "query", "required": False,
                     "schema": {"type": "string", "enum": ["cells", "full", "none"], "default": "cells"},
                     "description": "cells: each row names its rule cell, each cell explained once; full: every row "
                                    "its whole explanation; none: figures only"},
                    {"name": "filename", "in": "query", "required": False, "schema": {"type": "string"},
                     "description": "With a file body: its name, for the messages (stillinger.xlsx)"},
                ],
                "requestBody": {"required": True, "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/PositionsDocument"}},
                    "text/csv": {"schema": {"type": "string"},
                                 "example": "kommune;stilling;stillingsprosent;første_tilskuddsår;årskostnad\n"
                                            "Eksempel kommune;Ruskonsulent;100;2021;780 000\n"},
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                        "schema": {"type": "string", "contentMediaType":
                                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}},
                    "multipart/form-data": {"schema": {"type": "object", "properties": {
                        "file": {"type": "string", "contentMediaType": "application/octet-stream"}}}},
                }},
                "responses": {
                    "200": {"description": "The plan document (complete or not: see problems and unknowns)",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanDocument"}}}},
                    **_problems("400", "413", "415", "422"),
                },
            }},
            "/api/schemes": {"get": {
                "operationId": "schemes", "summary": "The schemes, their years and whether they can be planned",
                "parameters": [_LANG],
                "responses": {"200": {"description": "The schemes", "content": {"application/json": {"schema": {
                    "type": "object", "properties": {"lang": {"type": "string"}, "schemes": {"type": "array", "items": {
                        "type": "object", "properties": {
                            "id": {"type": "string"}, "name": {"type": "string"}, "title": {"type": "string"},
                            "plannable": {"type": "boolean"}, "years": {"type": "array", "items": {"type": "integer"}},
                            "rules": {"type": "array", "items": {"type": "string"}}}}}}}}}},
                    **_problems("400")},
            }},
            "/api/rules/{scheme}/{year}": {"get": {
                "operationId": "rules", "summary": "A rule set: every value with its status and source",
                "parameters": [
                    {"name": "scheme", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "year", "in": "path", "required": True, "schema": {"type": "integer"}},
                    _LANG,
                ],
                "responses": {"200": {"description": "The rule set", "content": {"application/json": {"schema": {
                    "$ref": "#/components/schemas/RuleSet"}}}}, **_problems("400", "404")},
            }},
            "/api/calendar": {"get": {
                "operationId": "calendar", "summary": "The grant calendar: every deadline, with how sure it is",
                "parameters": [
                    _LANG,
                    {"name": "county", "in": "query", "required": False, "schema": {"type": "string"},
                     "description": "A Statsforvalter region: its own dates and the national ones"},
                    {"name": "format", "in": "query", "required": False,
                     "schema": {"type": "string", "enum": ["json", "ics"], "default": "json"},
                     "description": "json, or ics for a calendar program"},
                ],
                "responses": {"200": {"description": "The deadlines (the columns of nedtrapping calendar --csv)",
                                      "content": {
                                          "application/json": {"schema": {"type": "object", "properties": {
                                              "lang": {"type": "string"},
                                              "entries": {"type": "array", "items": {
                                                  "type": "object", "additionalProperties": {"type": "string"}}}}}},
                                          "text/calendar": {"schema": {"type": "string"}}}},
                              **_problems("400")},
            }},
        },
        "components": {"schemas": {
            "PositionsDocument": _schema("positions"),
            "PlanDocument": _schema("plan"),
            "Problem": PROBLEM_SCHEMA,
            "RuleSet": {"type": "object", "properties": {
                "scheme": {"type": "string"}, "year": {"type": "integer"}, "title": {"type": "string"},
                "status": {"type": "string"}, "status_text": {"type": "string"}, "digest": {"type": "string"},
                "source": {"type": "object"}, "lang": {"type": "string"},
                "values": {"type": "array", "items": {"type": "object", "properties": {
                    "path": {"type": "string"}, "label": {"type": "string"},
                    "value": {"type": ["string", "null"], "description": "null: unknown (never 0)"},
                    "known": {"type": "boolean"}, "status": {"type": "string"}, "status_text": {"type": "string"},
                    "source": {"type": "object"}, "note": {"type": ["string", "null"]},
                    "how_to_supply": {"type": ["string", "null"]}}}}}},
        }},
    }
