"""Read and write gettext ``.po`` files: the format the library's words are kept in.

Why: a translator works in ``.po`` files with the tools of the trade (Poedit, Weblate's
"monolingual gettext", Babel); the library reads them itself, with the standard library
only, so that importing it stays cheap and nothing is compiled at install time. The
files are *monolingual*: ``msgid`` is the stable wording id (``plan.heading``),
``msgstr`` the text in the file's language; ``tests/test_catalogue.py`` holds this reader
to Babel's.

>>> entries = parse('msgid "a.b"\\nmsgstr ""\\n"To "\\n"linjer\\\\n"\\n', "x.po")
>>> entries["a.b"]
'To linjer\\n'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

__all__ = ["PoSyntaxError", "parse", "write"]


class PoSyntaxError(ValueError):
    """A ``.po`` file the reader cannot read: names the file and the line."""


_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


def _unquote(literal: str, where: str) -> str:
    if len(literal) < 2 or not (literal.startswith('"') and literal.endswith('"')):
        raise PoSyntaxError(f"{where}: expected a quoted string, got {literal!r}")
    body = literal[1:-1]
    out: list[str] = []
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            if i + 1 >= len(body) or body[i + 1] not in _ESCAPES:
                raise PoSyntaxError(f"{where}: unknown escape in {literal!r}")
            out.append(_ESCAPES[body[i + 1]])
            i += 2
            continue
        if c == '"':
            raise PoSyntaxError(f"{where}: unescaped quote in {literal!r}")
        out.append(c)
        i += 1
    return "".join(out)


def parse(source: str, name: str = "<po>") -> dict[str, str]:
    """The entries of a ``.po`` file, ``msgid`` → ``msgstr`` (the header entry, ``msgid ""``, left out).

    A repeated ``msgid`` or a line that is not ``.po`` is a :class:`PoSyntaxError` naming ``name``
    and the line: a typo in a catalogue never becomes a silently missing word.
    """
    entries: dict[str, str] = {}
    current: str | None = None  # "msgid" or "msgstr": the keyword the continuation lines belong to
    msgid: list[str] = []
    msgstr: list[str] = []
    have_entry = False

    def finish(line_no: int) -> None:
        nonlocal have_entry, msgid, msgstr
        if have_entry:
            key = "".join(msgid)
            if key:
                if key in entries:
                    raise PoSyntaxError(f"{name}, line {line_no}: msgid {key!r} appears twice")
                entries[key] = "".join(msgstr)
        have_entry = False
        msgid, msgstr = [], []

    lines = source.split("\n")  # only "\n" ends a line: other line separators are text in a string
    for line_no, raw in enumerate(lines, start=1):
        line = raw.strip(" \t\r\f\v")
        where = f"{name}, line {line_no}"
        if not line or line.startswith("#"):
            continue
        if line.startswith("msgid "):
            finish(line_no)
            have_entry = True
            current = "msgid"
            msgid.append(_unquote(line[len("msgid "):].strip(), where))
        elif line.startswith("msgstr "):
            if current != "msgid":
                raise PoSyntaxError(f"{where}: msgstr without a msgid before it")
            current = "msgstr"
            msgstr.append(_unquote(line[len("msgstr "):].strip(), where))
        elif line.startswith('"'):
            if current == "msgid":
                msgid.append(_unquote(line, where))
            elif current == "msgstr":
                msgstr.append(_unquote(line, where))
            else:
                raise PoSyntaxError(f"{where}: a string outside an entry")
        else:
            raise PoSyntaxError(f"{where}: not a .po line: {raw!r}")
    finish(len(lines) + 1)
    return entries


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
    parts = escaped.split("\n")
    if len(parts) == 1:
        return f'"{escaped}"'
    pieces = [p + "\\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
    return '""\n' + "\n".join(f'"{p}"' for p in pieces)


def write(entries: Mapping[str, str], *, language: str, title: str,
          comments: Mapping[str, Iterable[str]] | None = None) -> str:
    """A ``.po`` file of ``entries`` (wording id → text) in ``language``, sorted by id.

    ``comments`` gives translator comments (``#.`` lines) per id, e.g. the text in the other language.
    """
    lines = [
        f"# {title}",
        'msgid ""',
        'msgstr ""',
        '"Project-Id-Version: nedtrapping\\n"',
        f'"Language: {language}\\n"',
        '"MIME-Version: 1.0\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        '"Content-Transfer-Encoding: 8bit\\n"',
        "",
    ]
    for key in sorted(entries):
        for comment in (comments or {}).get(key, ()):
            for part in comment.splitlines() or [""]:
                lines.append(f"#. {part}".rstrip())
        if "{" in entries[key]:
            lines.append("#, python-brace-format")
        lines.append(f"msgid {_quote(key)}")
        lines.append(f"msgstr {_quote(entries[key])}")
        lines.append("")
    return "\n".join(lines)
