"""Writing the commands' output files: whole or not at all, never over the input, never silently.

Every command that writes a file goes through :func:`write_atomically`, so a disk that fills up, a
file-size limit or an interrupted run leaves the old file as it was and no partial one beside it.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from nedtrapping.wording import DEFAULT_LANG, Lang, text

__all__ = ["same_file", "write_atomically"]


def write_atomically(path: Path, data: bytes | Callable[[TextIO], None], *, command: str,
                     lang: Lang = DEFAULT_LANG) -> None:
    """Write ``data`` to ``path`` whole or not at all: a temporary file in the same folder, renamed into place.

    ``data`` is bytes, or a function that writes UTF-8 text to the file it is given (row by row, for
    large plans). An existing file is replaced, and stderr says so under ``command``'s name (nothing
    is overwritten silently). An :class:`OSError` names ``path``, never the temporary file.
    """
    existed = path.exists()
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from None
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
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise OSError(exc.errno, exc.strerror, str(path)) from None  # named by the file asked for, not the temporary
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    if existed:
        print(f"nedtrapping {command}: {text('cli.replaced', lang, path=path)}", file=sys.stderr)


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (also through a link, or one of them relative)."""
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False
