"""Optional dependencies, imported only when a feature needs them, with one clear error when missing.

Why: ``import nedtrapping`` must stay cheap and work without the extras; the reader
and the writer of workbooks (and later charts and DataFrames) ask here for what they
need, and a user without it gets one message naming the extra to install.
"""

from __future__ import annotations

from typing import Any

from nedtrapping.errors import NedtrappingError

__all__ = ["XlsxUnavailableError", "openpyxl"]


class XlsxUnavailableError(NedtrappingError, ImportError):
    """openpyxl is not installed."""


def openpyxl() -> Any:
    """The ``openpyxl`` module, or :class:`XlsxUnavailableError` saying how to get it."""
    try:
        import openpyxl as module  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - exercised only without the extra
        raise XlsxUnavailableError(
            "reading and writing .xlsx needs openpyxl: pip install 'nedtrapping[xlsx]' (or use CSV)"
        ) from None
    return module
