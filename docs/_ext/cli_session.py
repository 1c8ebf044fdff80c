"""Sphinx extension: a terminal session with ``nedtrapping``, run while the docs are built.

Why: a tutorial that shows what a command prints must show what it really prints, in
Norwegian, long lines and all; output pasted into a page drifts the day a rule value or
a message changes. This directive runs each command with the library's own command
line (:func:`nedtrapping.cli.main`, in process) and shows the command and everything it
wrote to the terminal, in the order it wrote it.

Directive
---------
``.. nedtrapping-session::``
    Content: one command per line, as typed (``nedtrapping plan stillinger.xlsx``).
    Option ``:status: N`` — the exit status every command must end with (default 0);
    another status stops the build, so a page never shows a command that fails unnoticed.
    The commands of one page run one after another in one working folder of their own,
    which holds the tutorial's positions files (:mod:`generated_files`), so a later
    command sees the files an earlier one wrote, as in the reader's terminal.
    Option ``:files: NAME ...`` — files next to the page (which the page offers for download)
    copied into the working folder before the commands run.
"""

from __future__ import annotations

import contextlib
import io
import shlex
import shutil
import tempfile
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

__all__ = ["run_command", "setup"]

_WORKDIRS: dict[str, tempfile.TemporaryDirectory[str]] = {}


def _workdir(docname: str) -> Path:
    """The working folder of a page's session, made with the tutorial's files on first use."""
    if docname not in _WORKDIRS:
        from generated_files import TUTORIAL_CSV, positions_workbook_bytes

        folder = tempfile.TemporaryDirectory(prefix="nedtrapping-session-")
        shutil.copy(TUTORIAL_CSV, Path(folder.name) / "stillinger.csv")
        (Path(folder.name) / "stillinger.xlsx").write_bytes(positions_workbook_bytes())
        _WORKDIRS[docname] = folder
    return Path(_WORKDIRS[docname].name)


def run_command(command_line: str, folder: Path) -> tuple[int, str]:
    """Run ``nedtrapping ...`` as typed, in ``folder``: its exit status and what it printed (stdout and stderr)."""
    from nedtrapping.cli import main

    words = shlex.split(command_line)
    if not words or words[0] != "nedtrapping":
        raise ValueError(f"not a nedtrapping command: {command_line!r}")
    shown = io.StringIO()
    with contextlib.chdir(folder), contextlib.redirect_stdout(shown), contextlib.redirect_stderr(shown):
        status = main(words[1:])
    return status, shown.getvalue()


class NedtrappingSessionDirective(SphinxDirective):
    has_content = True
    option_spec = {"status": directives.nonnegative_int, "files": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        expected = self.options.get("status", 0)
        folder = _workdir(self.env.docname)
        here = Path(self.env.doc2path(self.env.docname)).parent
        for name in self.options.get("files", "").split():
            source = here / name
            if not source.is_file():
                raise self.error(f":files: {name}: no such file next to the page")
            self.env.note_dependency(str(source))
            shutil.copy(source, folder / Path(name).name)
        lines: list[str] = []
        for command in (line.strip() for line in self.content):
            if not command:
                continue
            try:
                status, printed = run_command(command, folder)
            except ValueError as exc:
                raise self.error(str(exc)) from None
            if status != expected:
                raise self.error(f"{command!r} exited with {status}, expected {expected}:\n{printed}")
            lines.append(f"$ {command}")
            lines += printed.rstrip("\n").splitlines()
        text = "\n".join(lines)
        block = nodes.literal_block(text, text, classes=["nedtrapping-session"])
        block["language"] = "console"
        self.set_source_info(block)
        return [block]


def _cleanup(app: Any, exception: Exception | None) -> None:
    while _WORKDIRS:
        _WORKDIRS.popitem()[1].cleanup()


def _always_reread(app: Any, env: Any, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """Pages with a session are read again on every build: the library may print something else now."""
    return sorted(getattr(env, "nedtrapping_session_docs", set()) & set(env.found_docs))


def _note(app: Any, doctree: Any) -> None:
    env = app.env
    if not hasattr(env, "nedtrapping_session_docs"):
        env.nedtrapping_session_docs = set()
    if any("nedtrapping-session" in node.get("classes", ()) for node in doctree.findall(nodes.literal_block)):
        env.nedtrapping_session_docs.add(env.docname)
    else:
        env.nedtrapping_session_docs.discard(env.docname)


def _merge(app: Any, env: Any, docnames: Any, other: Any) -> None:
    if not hasattr(env, "nedtrapping_session_docs"):
        env.nedtrapping_session_docs = set()
    env.nedtrapping_session_docs |= getattr(other, "nedtrapping_session_docs", set())


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("nedtrapping-session", NedtrappingSessionDirective)
    app.connect("doctree-read", _note)
    app.connect("env-merge-info", _merge)
    app.connect("env-get-outdated", _always_reread)
    app.connect("build-finished", _cleanup)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
