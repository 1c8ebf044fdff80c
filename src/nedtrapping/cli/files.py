"""Writing the commands' output files: whole or not at all, never over the input, never silently.

Every command that writes a file goes through :func:`write_atomically`, so a disk that fills up, a
file-size limit or an interrupted run leaves the old file as it was and no partial one beside it.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from nedtrapping.cli.language import os_reason
from nedtrapping.wording import DEFAULT_LANG, Lang, text

__all__ = ["same_file", "write_atomically", "write_files_atomically", "os_error", "Data"]


#: What :func:`write_files_atomically` writes: bytes, or a function that writes UTF-8 text to the file it is given.
Data = bytes | Callable[[TextIO], None]


def write_atomically(path: Path, data: Data, *, command: str, lang: Lang = DEFAULT_LANG) -> None:
    """Write ``data`` to ``path`` whole or not at all: a temporary file in the same folder, renamed into place.

    ``data`` is bytes, or a function that writes UTF-8 text to the file it is given (row by row, for
    large plans). An existing file is replaced, and stderr says so under ``command``'s name (nothing
    is overwritten silently). An :class:`OSError` names ``path``, never the temporary file.
    """
    write_files_atomically([(path, data)], command=command, lang=lang)


#: The system's errors that people meet when a file is written, by their name in :mod:`errno`: words in the
#: catalogue (``input.os.<name>``); any other keeps the system's own words.
def os_error(exc: OSError, path: Path, lang: Lang = DEFAULT_LANG) -> OSError:
    """``exc`` named by the file asked for (never a temporary one), its reason in ``lang`` where the catalogue
    words it ("disken er full"); an ``OSError`` with the same ``errno``, so callers can still tell one from another.
    """
    return OSError(exc.errno, os_reason(exc, lang), str(path))


def _temporary_beside(path: Path, lang: Lang) -> tuple[int, str]:
    # a short name whatever the target's (a 250-character --out name stays within the 255 a folder allows)
    try:
        return tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise os_error(exc, path, lang) from None


def _write_temporary(path: Path, data: Data, lang: Lang) -> str:
    handle, temporary = _temporary_beside(path, lang)
    try:
        with os.fdopen(handle, "wb") as f:
            if callable(data):
                with io.TextIOWrapper(f, encoding="utf-8", newline="") as text_out:
                    data(text_out)
            else:
                f.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # as an ordinary new file (mkstemp makes it private)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise os_error(exc, path, lang) from None  # named by the file asked for, not the temporary
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return temporary


def write_files_atomically(files: Sequence[tuple[Path, Data]], *, command: str, lang: Lang = DEFAULT_LANG) -> None:
    """Write every file of one command whole, or none of them (``--out`` and ``--chart`` together).

    Each file is first written to a temporary file beside it; only when all are written are they
    renamed into place. Should a rename fail after another succeeded, the files already replaced are
    put back as they were (a file that did not exist is removed again). A signal or an error at any
    point leaves no temporary file behind.
    """
    existed = [path.exists() for path, _ in files]
    temporaries: list[str] = []
    backups: dict[Path, str | None] = {}
    try:
        for path, data in files:
            temporaries.append(_write_temporary(path, data, lang))
        if len(files) > 1:
            for path, was in zip((p for p, _ in files), existed, strict=True):
                backups[path] = _backup(path, lang) if was else None
        done: list[Path] = []
        try:
            for (path, _), temporary in zip(files, temporaries, strict=True):
                try:
                    os.replace(temporary, path)
                except OSError as exc:
                    raise os_error(exc, path, lang) from None
                done.append(path)
        except BaseException:
            for path in done:  # put back what was replaced: all or nothing
                backup = backups.get(path)
                if backup is not None:
                    os.replace(backup, path)
                else:
                    path.unlink(missing_ok=True)
            raise
    finally:
        for leftover in [*temporaries, *(b for b in backups.values() if b)]:
            Path(leftover).unlink(missing_ok=True)
    for (path, _), was in zip(files, existed, strict=True):
        if was:
            print(f"nedtrapping {command}: {text('cli.replaced', lang, path=path)}", file=sys.stderr)


def _backup(path: Path, lang: Lang) -> str:
    """A hard link (or, where links are not possible, a copy) of ``path`` beside it, to put back on failure."""
    handle, backup = _temporary_beside(path, lang)
    os.close(handle)
    os.unlink(backup)
    try:
        os.link(path, backup)
    except OSError:
        shutil.copy2(path, backup)
    return backup


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (also through a link, or one of them relative)."""
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False
