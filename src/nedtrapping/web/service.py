"""What the page and the API do with a request, apart from HTTP: read positions, put in supplied values, plan.

Why apart: the page, the API and the tests share one way from bytes to a plan, and every step
is the library's own (the readers of :mod:`nedtrapping.readers.workbook`, :meth:`RuleSet.supply
<nedtrapping.ruleset.RuleSet.supply>`, :func:`~nedtrapping.plan.plan_municipality`); nothing
here computes a figure. What is wrong becomes one :class:`WebProblem` listing every problem
with its place, worded in the language asked for.

Nothing is kept: an uploaded file is written to a temporary folder only because the readers
read files, and the folder is removed before the answer is sent.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from nedtrapping.errors import NedtrappingError
from nedtrapping.plan import DEFAULT_SCHEME, Plan, Position, plan_municipality
from nedtrapping.provenance import Citation
from nedtrapping.readable import Readable, read
from nedtrapping.readers.table import CellProblem, PositionsCSVError, PositionsRead
from nedtrapping.registry import UnknownSchemeError, position_scheme, position_scheme_ids
from nedtrapping.ruleset import RuleSet
from nedtrapping.wording import Lang, text

__all__ = [
    "Limits",
    "WebProblem",
    "ProblemItem",
    "Upload",
    "read_upload",
    "read_positions_document",
    "parse_supplies",
    "supplied_rules",
    "make_plan",
    "check_scheme",
    "display_name",
    "download_name",
    "place_text",
]


@attrs.frozen(kw_only=True)
class Limits:
    """How much one request may ask: checked while the request is read, before any work is spent on it."""

    #: The largest request body (an upload, a form, a document), in bytes; read no further than this.
    max_body_bytes: int = 10 * 1024 * 1024
    #: The most rows of positions a file or document may have.
    max_positions: int = 5_000
    #: The most an uploaded workbook may unpack to (its zip directory is checked before it is opened).
    max_unpacked_bytes: int = 50 * 1024 * 1024


@attrs.frozen(kw_only=True)
class ProblemItem:
    """One problem of a request: its place (row and column of a file, a field of a document, a parameter),
    what was there and what was expected."""

    expected: Readable | str
    row: int | None = None
    column: str | None = None
    field: str | None = None
    parameter: str | None = None
    value: Readable | str | None = None

    def detail(self, lang: Lang) -> str:
        value = read(self.value, lang) if self.value is not None else None
        got = f"; {text('web.place.got', lang, value=_short(value))}" if value not in (None, "") else ""
        return (f"{place_text(lang, row=self.row, column=self.column, field=self.field, parameter=self.parameter)}"
                f"{got}; {text('web.place.expected', lang, expected=read(self.expected, lang))}")

    def to_dict(self, lang: Lang) -> dict[str, Any]:
        out: dict[str, Any] = {k: v for k, v in (("row", self.row), ("column", self.column), ("field", self.field),
                                                 ("parameter", self.parameter), ("value", self.value))
                               if v is not None}
        if "value" in out:
            out["value"] = read(self.value, lang)
        return {**out, "expected": read(self.expected, lang), "detail": self.detail(lang)}


@attrs.frozen
class _Worded:
    """A problem's detail, worded by the service in the request's language (``?lang=``) when it was made."""

    worded: str

    def text(self, lang: Lang = "nb", /) -> str:
        return self.worded


class WebProblem(NedtrappingError):
    """A request the service cannot answer with a plan: an HTTP status, a kind (``/problems/<kind>``), a title,
    a detail and every problem with its place (an RFC 9457 problem document, :meth:`to_dict`)."""

    def __init__(self, status: int, kind: str, title: str, detail: str, items: Sequence[ProblemItem] = ()) -> None:
        super().__init__(_Worded(detail))
        self.status = status
        self.kind = kind
        self.title = title
        self.detail = detail
        self.items = tuple(items)

    def to_dict(self, lang: Lang, instance: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {"type": f"/problems/{self.kind}", "title": self.title, "status": self.status,
                               "detail": self.detail}
        if instance:
            out["instance"] = instance
        if self.items:
            out["errors"] = [item.to_dict(lang) for item in self.items]
        return out


def _short(value: str | None) -> str:
    value = value or ""
    return value if len(value) <= 80 else f"{value[:40]}… ({len(value)})"


def place_text(lang: Lang, *, row: int | None = None, column: str | None = None, field: str | None = None,
               parameter: str | None = None) -> str:
    """Where a problem is, as people read it in ``lang``: ``rad 3, kolonne «stillingsprosent»``."""
    parts = []
    if row is not None:
        parts.append(text("web.place.row", lang, row=row))
    if column:
        parts.append(text("web.place.column", lang, column=column))
    if field:
        parts.append(text("web.place.field", lang, field=field))
    if parameter:
        parts.append(text("web.place.parameter", lang, name=parameter))
    return ", ".join(parts) or text("web.place.file", lang)


def display_name(filename: str | None, fallback: str = "stillinger") -> str:
    """An uploaded file's name as it may be shown: the last part only, no control characters, at most 100 characters."""
    name = re.split(r"[\\/]", filename or "")[-1]
    name = "".join(ch for ch in unicodedata.normalize("NFC", name) if unicodedata.category(ch)[0] != "C").strip()
    return name[:100] or fallback


def download_name(stem: str, suffix: str) -> str:
    """A file name safe in a ``Content-Disposition`` header and on every file system: ``[a-z0-9-]`` and the suffix."""
    ascii_stem = unicodedata.normalize("NFKD", stem.replace("ø", "o").replace("Ø", "O").replace("æ", "ae")
                                       .replace("Æ", "Ae")).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_stem.lower()).strip("-")[:60].strip("-")
    return f"{slug or 'nedtrappingsplan'}{suffix}"


def check_scheme(scheme: str | None, lang: Lang) -> str:
    """The plannable scheme ``scheme`` (the default when none), or a :class:`WebProblem` naming the plannable ones."""
    scheme = scheme or DEFAULT_SCHEME
    try:
        position_scheme(scheme)
    except (UnknownSchemeError, TypeError):
        raise WebProblem(400, "parameter", text("web.problem.parameter.title", lang),
                         text("web.problem.parameter.detail", lang, count=1),
                         [ProblemItem(parameter="scheme", value=scheme, expected=text(
                             "web.expected.scheme", lang, schemes=", ".join(position_scheme_ids())))]) from None
    return scheme


# --------------------------------------------------------------------------- positions from a file


@attrs.frozen(kw_only=True)
class Upload:
    """The bytes of a positions file, with the name and media type it came with (either may be missing)."""

    data: bytes
    filename: str | None = None
    content_type: str | None = None


_WORKBOOK_TYPES = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                   "application/vnd.ms-excel.sheet.macroenabled.12")
_TEXT_SUFFIXES = (".csv", ".txt", ".tsv", ".tab")


def _kind(upload: Upload) -> str:
    """``"workbook"``, ``"json"`` or ``"text"``: by the file name's ending, else the media type, else the bytes."""
    name = (upload.filename or "").lower()
    if name.endswith((".xlsx", ".xlsm")):
        return "workbook"
    if name.endswith(".json"):
        return "json"
    if name.endswith(_TEXT_SUFFIXES):
        return "text"
    media = (upload.content_type or "").split(";")[0].strip().lower()
    if media in _WORKBOOK_TYPES:
        return "workbook"
    if media == "application/json":
        return "json"
    if upload.data.startswith(b"PK\x03\x04"):
        return "workbook"
    return "text"


def _too_many_rows(limits: Limits, lang: Lang) -> WebProblem:
    return WebProblem(422, "too-many-rows", text("web.problem.too_many_rows.title", lang),
                      text("web.problem.too_many_rows.detail", lang, limit=limits.max_positions))


def _too_large(limit: int, lang: Lang) -> WebProblem:
    return WebProblem(413, "too-large", text("web.problem.too_large.title", lang),
                      text("web.problem.too_large.detail", lang, megabytes=max(1, limit // (1024 * 1024))))


#: Rows a sheet may have above and around its positions (title rows, a header, blank rows, a sum row).
_ROW_ALLOWANCE = 100


def _check_text_rows(data: bytes, limits: Limits, lang: Lang) -> None:
    """More lines than the positions allowed (and a header and title rows) are refused before the file is parsed."""
    lines = max(data.count(b"\n"), data.count(b"\r"))
    if lines > limits.max_positions + _ROW_ALLOWANCE:
        raise _too_many_rows(limits, lang)


def _check_workbook_rows(data: bytes, limits: Limits, lang: Lang) -> None:
    """A workbook whose sheets unpack to more than allowed, or hold more rows than the positions allowed, is refused
    by counting while its sheets stream (never unpacked whole); a file that is no zip is left to the reader."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # the reader says what the file is not
    with archive:
        sheets = [i for i in archive.infolist() if i.filename.startswith("xl/worksheets/") and
                  i.filename.endswith(".xml")]
        if sum(i.file_size for i in archive.infolist()) > limits.max_unpacked_bytes:
            raise _too_large(limits.max_unpacked_bytes, lang)
        limit = limits.max_positions + _ROW_ALLOWANCE
        for info in sheets:
            rows, tail, read = 0, b"", 0
            try:
                with archive.open(info) as stream:
                    while chunk := stream.read(65536):
                        read += len(chunk)
                        if read > limits.max_unpacked_bytes:  # a directory that lies about the size
                            raise _too_large(limits.max_unpacked_bytes, lang)
                        block = tail + chunk
                        rows += block.count(b"<row ") + block.count(b"<row>") - (
                            tail.count(b"<row ") + tail.count(b"<row>"))
                        tail = block[-5:]
                        if rows > limit:
                            raise _too_many_rows(limits, lang)
            except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError, NotImplementedError):
                return  # a broken archive: the reader says so


def _cell_problems(problems: Iterable[CellProblem]) -> list[ProblemItem]:
    return [ProblemItem(row=p.row, column=p.column, value=p.value, expected=p.expected) for p in problems]


def read_upload(upload: Upload, *, scheme: str = DEFAULT_SCHEME, lang: Lang, limits: Limits = Limits()
                ) -> tuple[PositionsRead, list[str]]:
    """The positions of an uploaded file and the reader's notes in ``lang``, read by the library's readers
    (:func:`nedtrapping.readers.workbook.read_positions`) from a temporary folder removed before this returns.

    Raises :class:`WebProblem`: every bad cell with its row and column, a file too large or with too many rows.
    """
    from nedtrapping.readers.workbook import read_positions

    if len(upload.data) > limits.max_body_bytes:
        raise _too_large(limits.max_body_bytes, lang)
    name = display_name(upload.filename)
    kind = _kind(upload)
    if kind == "json":
        return read_positions_document(upload.data, lang=lang, limits=limits)[0], []
    if kind == "workbook":
        _check_workbook_rows(upload.data, limits, lang)
    else:
        _check_text_rows(upload.data, limits, lang)
    suffix = ".xlsx" if kind == "workbook" else ".csv"
    with tempfile.TemporaryDirectory(prefix="nedtrapping-web-") as folder:
        path = Path(folder) / f"stillinger{suffix}"
        path.write_bytes(upload.data)
        try:
            read = read_positions(path, scheme=scheme)
        except PositionsCSVError as exc:
            items = _cell_problems(exc.problems)
            raise WebProblem(422, "positions", text("web.problem.positions.title", lang),
                             text("web.problem.positions.detail", lang, count=len(items), source=name),
                             items) from None
        except (NedtrappingError, ValueError, TypeError, LookupError) as exc:
            item = ProblemItem(value=name, expected=_named(str(exc), str(path), name))
            raise WebProblem(422, "positions", text("web.problem.positions.title", lang),
                             text("web.problem.positions.detail", lang, count=1, source=name), [item]) from None
    if len(read.positions) > limits.max_positions:
        raise _too_many_rows(limits, lang)
    # the temporary file's name never leaves the service: the positions and notes name the upload
    positions = tuple(attrs.evolve(p, origin=_named(p.origin, str(path), name)) if p.origin else p
                      for p in read.positions)
    notes = [_named(n.text(lang), str(path), name) for n in read.notices]
    return attrs.evolve(read, positions=positions), notes


def _named(value: str, temporary: str, name: str) -> str:
    return value.replace(temporary, name)


# --------------------------------------------------------------------------- positions from a document


def _document_problem(items: list[ProblemItem], lang: Lang) -> WebProblem:
    return WebProblem(422, "document", text("web.problem.document.title", lang),
                      text("web.problem.document.detail", lang, count=len(items)), items)


def _document_item(error: Exception, index: int, lang: Lang) -> ProblemItem:
    """A refusal of position ``index`` of a document as a problem at its field (``positions[3].percent``): the
    field the library's reader names, the message in the request's language."""
    field = getattr(error, "field", None) or "positions[0]"
    field = field.replace("positions[0]", f"positions[{index}]", 1)
    message = getattr(error, "message", None)
    words = read(message, lang) if message is not None and not isinstance(message, str) else str(error)
    return ProblemItem(field=field, expected=words)


def read_positions_document(data: bytes | Any, *, lang: Lang, limits: Limits = Limits()
                            ) -> tuple[PositionsRead, str | None]:
    """The positions of a positions document (the shipped JSON Schema ``positions``) and the scheme it names.

    Each position is read on its own by :func:`nedtrapping.documents.positions_from_dict`, so every bad position
    is named (``positions[3].percent``), not only the first; a position twice is refused by the planner.
    """
    from nedtrapping.documents import DocumentError, positions_from_dict
    from nedtrapping.render.plan import DOCUMENT_VERSION, POSITIONS_DOCUMENT

    if isinstance(data, bytes | bytearray):
        try:
            document = json.loads(data)
        except (ValueError, RecursionError) as exc:
            reason = f"{exc.msg}, line {exc.lineno}, column {exc.colno}" if isinstance(exc, json.JSONDecodeError) \
                else type(exc).__name__
            raise WebProblem(422, "json", text("web.problem.json.title", lang),
                             text("web.problem.json.detail", lang, reason=reason)) from None
    else:
        document = data
    expected = text("web.expected.positions_document", lang)
    if not isinstance(document, dict):
        raise _document_problem([ProblemItem(field="(document)", value=type(document).__name__,
                                             expected=expected)], lang)
    positions = document.get("positions")
    if isinstance(positions, list) and len(positions) > limits.max_positions:
        raise _too_many_rows(limits, lang)
    items: list[ProblemItem] = []
    if document.get("document") != POSITIONS_DOCUMENT:
        items.append(ProblemItem(field="document", value=str(document.get("document")),
                                 expected=f"\"{POSITIONS_DOCUMENT}\""))
    if document.get("document_version", DOCUMENT_VERSION) != DOCUMENT_VERSION:
        items.append(ProblemItem(field="document_version", value=str(document.get("document_version")),
                                 expected=str(DOCUMENT_VERSION)))
    scheme = document.get("scheme")
    if scheme is not None and not isinstance(scheme, str):
        items.append(ProblemItem(field="scheme", value=repr(scheme), expected=text(
            "web.expected.scheme", lang, schemes=", ".join(position_scheme_ids()))))
        scheme = None
    read: list[Position] = []
    if not isinstance(positions, list):
        items.append(ProblemItem(field="positions", value=type(positions).__name__, expected="[…]"))
    else:
        for i, item in enumerate(positions):  # one at a time, by the library's own reader of the document
            try:
                read += positions_from_dict({"document": POSITIONS_DOCUMENT, "positions": [item]})
            except (DocumentError, ValueError, TypeError, RecursionError) as exc:
                items.append(_document_item(exc, i, lang))
    if items:
        raise _document_problem(items, lang)
    return PositionsRead(positions=tuple(read)), scheme


# --------------------------------------------------------------------------- values from the grant letter

_SUPPLY = re.compile(r"^(?P<year>\d{4}):(?P<path>[A-Za-z_][\w.\[\]]*)=(?P<value>.+)$", re.S)


def parse_supplies(raw: Iterable[str], lang: Lang) -> tuple[list[tuple[int, str, str]], list[ProblemItem]]:
    """``YEAR:PATH=VALUE`` texts (as the ``--supply`` option of the plan command takes them) as
    ``(year, path, value)``, and a problem for each that is not of that form or repeats a value."""
    wanted: list[tuple[int, str, str]] = []
    problems: list[ProblemItem] = []
    seen: set[tuple[int, str]] = set()
    for item in raw:
        found = _SUPPLY.match(item.strip())
        if found is None:
            problems.append(ProblemItem(parameter="supply", value=item, expected=text("web.expected.supply", lang)))
            continue
        key = (int(found.group("year")), found.group("path"))
        if key in seen:
            problems.append(ProblemItem(parameter="supply", value=item, expected=text("web.expected.once", lang)))
            continue
        seen.add(key)
        wanted.append((key[0], key[1], found.group("value").strip()))
    return wanted, problems


def supplied_rules(wanted: Sequence[tuple[int, str, str]], source: str | None, *, scheme: str, lang: Lang,
                   problems: Sequence[ProblemItem] = ()) -> dict[int, RuleSet]:
    """The scheme's rule sets with the values from the grant letter put in by :meth:`RuleSet.supply
    <nedtrapping.ruleset.RuleSet.supply>`, each with ``source`` as its citation; a :class:`WebProblem` lists every
    value that cannot be supplied (and ``problems`` found before)."""
    items = list(problems)
    rules: dict[int, RuleSet] = {}
    if wanted and not (source and source.strip()):
        items.append(ProblemItem(parameter="source", expected=text("web.expected.source", lang)))
    planned = position_scheme(scheme)
    citation = Citation(document=(source or "").strip() or "-", tag="USER")
    for year, path, value in wanted:
        try:
            base = rules.get(year) or planned.rules_for(year)
            rules[year] = base.supply(path, value, citation)
        except (NedtrappingError, ValueError, LookupError, TypeError) as exc:
            items.append(ProblemItem(parameter="supply", value=f"{year}:{path}={value}",
                                     expected=text("web.expected.value", lang, reason=str(exc))))
    if items:
        raise WebProblem(400, "parameter", text("web.problem.parameter.title", lang),
                         text("web.problem.parameter.detail", lang, count=len(items)), items)
    return rules


def make_plan(positions: Sequence[Position], *, scheme: str, rules: dict[int, RuleSet], lang: Lang) -> Plan:
    """:func:`~nedtrapping.plan.plan_municipality`; what it refuses (a position twice, an option the scheme does not
    have) is a :class:`WebProblem` naming it."""
    try:
        return plan_municipality(positions, rules=rules, scheme=scheme)
    except (NedtrappingError, ValueError, TypeError, LookupError) as exc:
        field, value = getattr(exc, "field", None), getattr(exc, "value", None)
        raise WebProblem(422, "positions", text("web.problem.positions.title", lang),
                         text("web.problem.positions.detail", lang, count=1,
                              source=text("web.problem.the_positions", lang)),
                         [ProblemItem(field=field if isinstance(field, str) else None,
                                      value=None if value is None else str(value),
                                      expected=text("web.expected.plan", lang, reason=str(exc)))]) from None
