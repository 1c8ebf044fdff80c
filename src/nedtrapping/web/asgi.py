"""The ASGI application: the page, the JSON API, the OpenAPI description, and the guard around them.

Built on Starlette (routing, requests, responses, the test client) and served by uvicorn
(``nedtrapping serve``). :func:`create_app` gives a new application with its own
:class:`~nedtrapping.web.service.Limits`; ``nedtrapping.web.app`` is one with the defaults, to
mount inside another service (``Mount("/nedtrapping", app=nedtrapping.web.app)``) or to run with
any ASGI server.

The guard (:class:`Guard`, outermost) sets the security headers on every answer and stops a
request body at the limit while it streams: a declared ``Content-Length`` over the limit is
refused before a byte is read, a body that grows past it is refused when it does. No request
leaves anything behind: no files, no sessions, no cookies.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from nedtrapping.example import EXAMPLE_CSV_NAME, example_csv_text
from nedtrapping.plan import DEFAULT_SCHEME, Plan
from nedtrapping.registry import (
    UnknownSchemeError,
    all_rule_sets,
    get_rule_set,
    position_scheme,
    position_scheme_ids,
    scheme_ids,
    years_of,
)
from nedtrapping.web import page
from nedtrapping.web.service import (
    Limits,
    ProblemItem,
    Upload,
    WebProblem,
    check_scheme,
    download_name,
    make_plan,
    parse_supplies,
    read_positions_document,
    read_upload,
    supplied_rules,
)
from nedtrapping.wording import Lang, text

__all__ = ["create_app", "app_from_environment", "Guard", "SECURITY_HEADERS", "PROBLEM_JSON", "LIMITS_ENVIRONMENT"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: The media type of a problem document (RFC 9457).
PROBLEM_JSON = "application/problem+json"

#: Headers on every answer: no script at all, styles and images only from the service (and the chart's
#: ``data:`` image), forms only to the service, never in a frame, no sniffing, no referrer, nothing cached.
SECURITY_HEADERS: dict[str, str] = {
    "content-security-policy": "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' data:; "  # machine: an HTTP header
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "cache-control": "no-store",
}


def _lang_of_query(query: str) -> Lang:
    values = parse_qs(query).get("lang", [])
    return "en" if values and values[-1] == "en" else "nb"


def _is_api(path: str) -> bool:
    return path.startswith("/api/") or path == "/openapi.json"


class _BodyTooLarge(WebProblem):
    pass


class Guard:
    """ASGI middleware: security headers on every answer, and the request body stopped at ``limits.max_body_bytes``
    while it streams (a ``413`` problem document, or the page saying so)."""

    def __init__(self, app: ASGIApp, limits: Limits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        query = scope.get("query_string", b"").decode("latin-1")
        lang = _lang_of_query(query)
        limit = self.limits.max_body_bytes
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.strip().isdigit() and int(declared) > limit:
            problem = _too_large(limit, lang)
            response = _problem_response(problem, lang, scope.get("path", "/"))
            response.headers["connection"] = "close"
            await response(scope, receive, send_with_headers)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _too_large(limit, lang)
            return message

        await self.app(scope, limited_receive, send_with_headers)


def _too_large(limit: int, lang: Lang) -> _BodyTooLarge:
    return _BodyTooLarge(413, "too-large", text("web.problem.too_large.title", lang),
                         text("web.problem.too_large.detail", lang, megabytes=max(1, limit // (1024 * 1024))))


def _problem_response(problem: WebProblem, lang: Lang, path: str) -> Response:
    if _is_api(path):
        return JSONResponse(problem.to_dict(lang, instance=path), status_code=problem.status, media_type=PROBLEM_JSON)
    return HTMLResponse(page.problem_page(problem, lang=lang, path=path), status_code=problem.status)


def _lang(request: Request) -> Lang:
    """``?lang=``: ``nb`` (the default) or ``en``; anything else is a problem, worded in bokmål."""
    value = request.query_params.get("lang", "nb")
    if value == "nb":
        return "nb"
    if value == "en":
        return "en"
    raise WebProblem(400, "parameter", text("web.problem.parameter.title", "nb"),
                     text("web.problem.parameter.detail", "nb", count=1),
                     [ProblemItem(parameter="lang", value=value, expected=text("web.expected.lang", "nb"))])


def _schemes() -> list[tuple[str, str]]:
    return [(sid, position_scheme(sid).name) for sid in position_scheme_ids()]


def _supplied_map(wanted: list[tuple[int, str, str]]) -> dict[tuple[int, str], str]:
    return {(year, path): value for year, path, value in wanted}


def _form_supplies(form: Any) -> list[str]:
    """The form's ``supply:YEAR:PATH`` fields that hold a value, as ``YEAR:PATH=VALUE``."""
    out = []
    for name, value in form.multi_items():
        if isinstance(name, str) and name.startswith("supply:") and isinstance(value, str) and value.strip():
            out.append(f"{name.removeprefix('supply:')}={value.strip()}")
    return out


def _field(form: Any, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def create_app(limits: Limits | None = None) -> Starlette:
    """A new application: the page (``/``, ``/plan``, ``/download``, ``/rules``, ``/calendar``), the API
    (``/api/plan``, ``/api/schemes``, ``/api/rules/{scheme}/{year}``, ``/api/calendar``) and ``/openapi.json``."""
    limits = limits or Limits()

    async def form_of(request: Request) -> Any:
        return await request.form(max_files=1, max_fields=500, max_part_size=limits.max_body_bytes)

    # ------------------------------------------------------------------ the page
    async def home(request: Request) -> Response:
        lang = _lang(request)
        return HTMLResponse(page.home(lang=lang, schemes=_schemes(), scheme=DEFAULT_SCHEME, limits=limits))

    def _plan_from_form(fields: dict[str, str], upload: Upload | None, supplies: list[str], lang: Lang
                        ) -> tuple[Plan, str, list[str], dict[tuple[int, str], str], str]:
        scheme = check_scheme(fields.get("scheme") or None, lang)
        document = fields.get("positions_document", "")
        notes: list[str] = []
        if document:
            read, named = read_positions_document(document.encode("utf-8"), lang=lang, limits=limits)
            scheme = check_scheme(named or scheme, lang)
            source = fields.get("source_name") or ", ".join(dict.fromkeys(p.municipality for p in read.positions))
        elif upload is not None:
            read, notes = read_upload(upload, scheme=scheme, lang=lang, limits=limits)
            source = page_source(upload, lang)
        else:
            raise WebProblem(422, "positions", text("web.problem.positions.title", lang),
                             text("web.form.no_file", lang),
                             [ProblemItem(field="file", expected=text("web.expected.file", lang))])
        wanted, problems = parse_supplies(supplies, lang)
        letter = fields.get("source", "")
        rules = supplied_rules(wanted, letter, scheme=scheme, lang=lang, problems=problems)
        plan = make_plan(read.positions, scheme=scheme, rules=rules, lang=lang)
        return plan, source, notes, _supplied_map(wanted), letter

    def page_source(upload: Upload, lang: Lang) -> str:
        if upload.filename == EXAMPLE_CSV_NAME and upload.content_type == "example":
            return text("web.plan.example_source", lang)
        from nedtrapping.web.service import display_name

        return display_name(upload.filename)

    async def read_form(request: Request, lang: Lang) -> tuple[dict[str, str], Upload | None, list[str]]:
        form = await form_of(request)
        try:
            fields = {k: v for k, v in form.multi_items() if isinstance(v, str)}
            upload: Upload | None = None
            file = form.get("file")
            if isinstance(file, UploadFile) and file.filename:
                upload = Upload(data=await file.read(), filename=file.filename, content_type=file.content_type)
            elif fields.get("example") and not fields.get("positions_document"):
                upload = Upload(data=example_csv_text().encode("utf-8"), filename=EXAMPLE_CSV_NAME,
                                content_type="example")
            return fields, upload, _form_supplies(form)
        finally:
            await form.close()

    async def plan_post(request: Request) -> Response:
        lang = _lang(request)
        fields: dict[str, str] = {}
        supplies: list[str] = []
        try:
            fields, upload, supplies = await read_form(request, lang)
            plan, source, notes, supplied, letter = await run_in_threadpool(
                _plan_from_form, fields, upload, supplies, lang)
            chart = await run_in_threadpool(_chart, plan, lang)
        except WebProblem as problem:
            if problem.kind == "parameter" and fields.get("positions_document"):
                # a value typed wrong: the plan as it was, with what to put right above it
                try:
                    plan, source, notes, _, _ = await run_in_threadpool(_plan_from_form, fields, None, [], lang)
                    chart = await run_in_threadpool(_chart, plan, lang)
                except WebProblem:
                    pass
                else:
                    shown = problem
                    html = await run_in_threadpool(lambda: page.plan_page(
                        plan, lang=lang, source=source, notes=notes, chart_svg=chart,
                        supplied=_supplied_map(parse_supplies(supplies, lang)[0]), letter=fields.get("source", ""),
                        schemes=_schemes(), limits=limits, problem=shown))
                    return HTMLResponse(html, status_code=shown.status)
            return HTMLResponse(page.home(lang=lang, schemes=_schemes(), scheme=DEFAULT_SCHEME, limits=limits,
                                          problem=problem), status_code=problem.status)
        html = await run_in_threadpool(lambda: page.plan_page(
            plan, lang=lang, source=source, notes=notes, chart_svg=chart, supplied=supplied, letter=letter,
            schemes=_schemes(), limits=limits))
        return HTMLResponse(html)

    async def download(request: Request) -> Response:
        lang = _lang(request)
        fields, _, supplies = await read_form(request, lang)
        fmt = fields.get("format", "")
        if fmt not in page.DOWNLOADS:
            raise WebProblem(400, "parameter", text("web.problem.parameter.title", lang),
                             text("web.problem.parameter.detail", lang, count=1),
                             [ProblemItem(parameter="format", value=fmt, expected=text(
                                 "web.expected.format", lang, formats=", ".join(page.DOWNLOADS)))])
        if not fields.get("positions_document"):
            raise WebProblem(422, "positions", text("web.problem.positions.title", lang), text("web.form.no_file", lang),
                             [ProblemItem(field="positions_document", expected=text("web.expected.file", lang))])
        plan, *_ = await run_in_threadpool(_plan_from_form, fields, None, supplies, lang)
        body = await run_in_threadpool(_render_download, plan, fmt, lang)
        _, suffix, media = page.DOWNLOADS[fmt]
        stem = plan.municipalities[0] if len(plan.municipalities) == 1 else "nedtrappingsplan"
        name = download_name(f"nedtrappingsplan-{stem}", suffix)
        return Response(body, media_type=media, headers={"content-disposition": f'attachment; filename="{name}"'})  # machine: an HTTP header

    async def rules_index(request: Request) -> Response:
        return HTMLResponse(page.rules_index(all_rule_sets(), lang=_lang(request)))

    async def rule_set(request: Request) -> Response:
        lang = _lang(request)
        rules = _rule_set(request.path_params["scheme"], request.path_params["year"], lang)
        return HTMLResponse(page.rule_set_page(rules, lang=lang))

    async def calendar(request: Request) -> Response:
        lang = _lang(request)
        entries = await run_in_threadpool(_calendar_entries, request.query_params.get("county"), lang)
        return HTMLResponse(page.calendar_page(entries, lang=lang))

    async def style(request: Request) -> Response:
        return Response(_STYLE, media_type="text/css; charset=utf-8",  # machine: an HTTP header
                        headers={"cache-control": "public, max-age=3600"})  # machine: an HTTP header

    async def problem_type(request: Request) -> Response:
        kind = request.path_params["kind"]
        if kind not in _PROBLEM_KINDS:
            raise HTTPException(404)
        return HTMLResponse(page.problem_type_page(kind, lang=_lang(request)))

    # ------------------------------------------------------------------ the API
    async def api_plan(request: Request) -> Response:
        lang = _lang(request)
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        params = request.query_params
        explain = params.get("explain", "cells")
        if explain not in ("cells", "full", "none"):
            raise WebProblem(400, "parameter", text("web.problem.parameter.title", lang),
                             text("web.problem.parameter.detail", lang, count=1),
                             [ProblemItem(parameter="explain", value=explain, expected="cells, full, none")])  # machine: the parameter's values
        upload: Upload | None = None
        document: bytes | None = None
        if media == "multipart/form-data":
            fields, upload, _ = await read_form(request, lang)
            if upload is None:
                raise WebProblem(422, "positions", text("web.problem.positions.title", lang),
                                 text("web.form.no_file", lang),
                                 [ProblemItem(field="file", expected=text("web.expected.file", lang))])
        elif media in ("application/json", "application/vnd.nedtrapping.positions+json"):
            document = await request.body()
        elif media in _FILE_TYPES:
            upload = Upload(data=await request.body(), content_type=media,
                            filename=params.get("filename"))
        else:
            raise WebProblem(415, "media-type", text("web.problem.media_type.title", lang),
                             text("web.problem.media_type.detail", lang, given=media or "(none)"))
        document_text = await run_in_threadpool(
            _api_plan, document, upload, params.get("scheme"), params.getlist("supply"), params.get("source"),
            explain, lang)
        return Response(document_text, media_type="application/json")

    def _api_plan(document: bytes | None, upload: Upload | None, scheme_param: str | None, supplies: list[str],
                  source: str | None, explain: str, lang: Lang) -> str:
        from nedtrapping.render.plan import to_json

        scheme = check_scheme(scheme_param, lang) if scheme_param else None
        if document is not None:
            read, named = read_positions_document(document, lang=lang, limits=limits)
            if scheme is not None and named is not None and named != scheme:
                raise WebProblem(400, "parameter", text("web.problem.parameter.title", lang),
                                 text("web.problem.parameter.detail", lang, count=1),
                                 [ProblemItem(parameter="scheme", value=scheme, expected=named)])
            scheme = check_scheme(scheme or named, lang)
        else:
            assert upload is not None
            scheme = scheme or DEFAULT_SCHEME
            read, _ = read_upload(upload, scheme=scheme, lang=lang, limits=limits)
        wanted, problems = parse_supplies(supplies, lang)
        rules = supplied_rules(wanted, source, scheme=scheme, lang=lang, problems=problems)
        plan = make_plan(read.positions, scheme=scheme, rules=rules, lang=lang)
        explanations: Any = {"cells": "cells", "full": "full", "none": False}[explain]
        return to_json(plan, explanations=explanations, lang=lang)

    async def api_schemes(request: Request) -> Response:
        lang = _lang(request)
        plannable = set(position_scheme_ids())
        out = []
        for sid in scheme_ids():
            years = years_of(sid)
            latest = get_rule_set(sid, years[-1])
            out.append({"id": sid, "name": position_scheme(sid).name if sid in plannable else latest.title,
                        "title": latest.title, "plannable": sid in plannable, "years": years,
                        "rules": [f"/api/rules/{sid}/{y}" for y in years]})
        return JSONResponse({"schemes": out, "lang": lang})

    async def api_rules(request: Request) -> Response:
        lang = _lang(request)
        rules = _rule_set(request.path_params["scheme"], request.path_params["year"], lang)
        return JSONResponse(_rules_dict(rules, lang))

    async def api_calendar(request: Request) -> Response:
        lang = _lang(request)
        fmt = request.query_params.get("format", "json")
        if fmt not in ("json", "ics"):
            raise WebProblem(400, "parameter", text("web.problem.parameter.title", lang),
                             text("web.problem.parameter.detail", lang, count=1),
                             [ProblemItem(parameter="format", value=fmt, expected="json, ics")])  # machine: the parameter's values
        entries = await run_in_threadpool(_calendar_entries, request.query_params.get("county"), lang)
        if fmt == "ics":
            from nedtrapping.render.ics import to_ics

            body = await run_in_threadpool(lambda: to_ics(entries, lang=lang))
            return Response(body, media_type="text/calendar; charset=utf-8",  # machine: an HTTP header
                            headers={"content-disposition": 'attachment; filename="tilskuddskalender.ics"'})  # machine: an HTTP header
        import csv
        import io

        from nedtrapping.render.calendar import to_csv

        rows = list(csv.DictReader(io.StringIO(to_csv(entries, lang=lang))))
        return JSONResponse({"entries": rows, "lang": lang})

    async def openapi(request: Request) -> Response:
        from nedtrapping.web.openapi import openapi_document

        return JSONResponse(openapi_document())

    # ------------------------------------------------------------------ errors
    async def on_problem(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, WebProblem)
        lang = _lang_of_query(request.url.query)
        return _problem_response(exc, lang, request.url.path)

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        lang = _lang_of_query(request.url.query)
        if exc.status_code == 405:
            problem = WebProblem(405, "method", text("web.problem.method.title", lang),
                                 text("web.problem.method.detail", lang, method=request.method, path=request.url.path))
        elif exc.status_code == 404:
            problem = WebProblem(404, "not-found", text("web.problem.not_found.title", lang),
                                 text("web.problem.not_found.detail", lang, path=request.url.path))
        else:  # a body the framework cannot parse (a broken multipart form, too many files or fields)
            problem = WebProblem(exc.status_code, "request", text("web.problem.request.title", lang),
                                 text("web.problem.request.detail", lang, status=exc.status_code,
                                      reason=exc.detail))
        response = _problem_response(problem, lang, request.url.path)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    async def on_error(request: Request, exc: Exception) -> Response:
        lang = _lang_of_query(request.url.query)
        problem = WebProblem(500, "internal", text("web.problem.internal.title", lang),
                             text("web.problem.internal.detail", lang, kind=type(exc).__name__))
        return _problem_response(problem, lang, request.url.path)

    routes = [
        Route("/", home, methods=["GET"]),
        Route("/plan", plan_post, methods=["POST"]),
        Route("/download", download, methods=["POST"]),
        Route("/rules", rules_index, methods=["GET"]),
        Route("/rules/{scheme}/{year}", rule_set, methods=["GET"]),
        Route("/calendar", calendar, methods=["GET"]),
        Route("/style.css", style, methods=["GET"]),
        Route("/problems/{kind}", problem_type, methods=["GET"]),
        Route("/api/plan", api_plan, methods=["POST"]),
        Route("/api/schemes", api_schemes, methods=["GET"]),
        Route("/api/rules/{scheme}/{year}", api_rules, methods=["GET"]),
        Route("/api/calendar", api_calendar, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
    ]
    app = Starlette(routes=routes, exception_handlers={WebProblem: on_problem, HTTPException: on_http,
                                                       Exception: on_error})
    app.add_middleware(Guard, limits=limits)
    app.state.limits = limits
    return app


#: The environment variables :func:`app_from_environment` reads its limits from (the ``--workers`` option of the
#: serve command sets them for its worker processes): the largest body in bytes, the most positions.
LIMITS_ENVIRONMENT = ("NEDTRAPPING_WEB_MAX_BODY_BYTES", "NEDTRAPPING_WEB_MAX_POSITIONS")


def app_from_environment() -> Starlette:
    """:func:`create_app` with the limits in :data:`LIMITS_ENVIRONMENT` (the defaults where one is not set): the
    factory each worker process of ``nedtrapping serve --workers 2`` calls."""
    import os

    body, positions = (os.environ.get(name, "") for name in LIMITS_ENVIRONMENT)
    defaults = Limits()
    return create_app(Limits(max_body_bytes=int(body) if body.isdigit() else defaults.max_body_bytes,
                             max_positions=int(positions) if positions.isdigit() else defaults.max_positions))


#: The problem types a problem document may name (``/problems/<kind>``).
_PROBLEM_KINDS = ("positions", "document", "json", "parameter", "too-large", "too-many-rows", "media-type",
                  "not-found", "method", "request", "internal")
_FILE_TYPES = ("text/csv", "text/plain", "text/tab-separated-values", "application/csv", "application/octet-stream",
               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               "application/vnd.ms-excel.sheet.macroenabled.12")


def _load_style() -> bytes:
    from importlib import resources

    return resources.files("nedtrapping.web").joinpath("static", "style.css").read_bytes()


_STYLE = _load_style()


def _chart(plan: Plan, lang: Lang) -> bytes | None:
    """The chart as SVG, or ``None`` without matplotlib (the page says so)."""
    try:
        from nedtrapping.render.chart import chart_bytes

        return chart_bytes(plan, "svg", lang=lang)
    except ImportError:
        return None


def _render_download(plan: Plan, fmt: str, lang: Lang) -> bytes:
    from nedtrapping.render import plan as render_plan

    if fmt == "xlsx":
        from nedtrapping.render.xlsx import plan_xlsx_bytes

        return plan_xlsx_bytes(plan, lang=lang)
    if fmt == "excel":
        return render_plan.to_excel_csv(plan, lang=lang).encode("utf-8")
    if fmt == "json":
        return render_plan.to_json(plan, explanations="full", lang=lang).encode("utf-8")
    return render_plan.to_markdown(plan, lang=lang).encode("utf-8")


def _rule_set(scheme: str, year_text: str, lang: Lang) -> Any:
    def problem(item: ProblemItem) -> WebProblem:
        return WebProblem(404, "not-found", text("web.problem.scheme.title", lang),
                          text("web.problem.not_found.detail", lang, path=f"/rules/{scheme}/{year_text}"), [item])

    if scheme not in scheme_ids():
        raise problem(ProblemItem(parameter="scheme", value=scheme, expected=text(
            "web.expected.scheme", lang, schemes=", ".join(scheme_ids()))))
    years = years_of(scheme)
    if not year_text.isdigit() or int(year_text) not in years:
        raise problem(ProblemItem(parameter="year", value=year_text, expected=text(
            "web.expected.year", lang, years=", ".join(map(str, years)))))
    try:
        return get_rule_set(scheme, int(year_text))
    except UnknownSchemeError as exc:
        raise problem(ProblemItem(parameter="year", value=year_text, expected=str(exc))) from None


def _rules_dict(rules: Any, lang: Lang) -> dict[str, Any]:
    from nedtrapping.provenance import value_text
    from nedtrapping.readable import read
    from nedtrapping.wording import fact_label, status_word

    return {
        "scheme": rules.scheme_id, "year": rules.year, "title": rules.title, "status": rules.status.value,
        "status_text": status_word(rules.status, lang, neuter=True), "source": rules.citation.to_dict(),
        "digest": rules.digest, "lang": lang,
        "values": [{"path": path, "label": fact_label(path, lang), "value": None if fact.value is None
                    else value_text(fact.value, lang), "known": fact.is_known, "status": fact.status.value,
                    "status_text": status_word(fact.status, lang), "source": fact.citation.to_dict(),
                    "note": read(fact.note, lang) or None, "how_to_supply": read(fact.how_to_supply, lang) or None}
                   for path, fact in rules.facts()],
    }


def _calendar_entries(county: str | None, lang: Lang) -> list[Any]:
    from nedtrapping.calendar import UnknownCountyError, calendar_entries

    try:
        return calendar_entries(county=county or None)
    except (UnknownCountyError, ValueError, TypeError) as exc:
        raise WebProblem(400, "parameter", text("web.problem.parameter.title", lang),
                         text("web.problem.parameter.detail", lang, count=1),
                         [ProblemItem(parameter="county", value=county, expected=str(exc))]) from None

