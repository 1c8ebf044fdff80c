"""Dependencies imported only when a feature needs them, with one clear error when missing.

Why: ``import nedtrapping`` must stay cheap. openpyxl is a dependency of the package but
is imported only when a workbook is read or written; pandas (extra ``[pandas]``) and
matplotlib (extra ``[plot]``) are optional. Every module that needs one asks here, and a
user without it gets one message naming what to install.
"""

from __future__ import annotations

import importlib
from typing import Any

from nedtrapping.errors import NedtrappingError
from nedtrapping.wording import Notice

__all__ = [
    "OptionalDependencyError",
    "XlsxUnavailableError",
    "PandasUnavailableError",
    "PlotUnavailableError",
    "openpyxl",
    "openpyxl_styles",
    "openpyxl_utils",
    "pandas",
    "matplotlib_figure",
    "jsonschema",
]


class OptionalDependencyError(NedtrappingError, ImportError):
    """A feature needs a package that is not installed; the message says how to get it."""


class XlsxUnavailableError(OptionalDependencyError):
    """openpyxl is not installed."""


class PandasUnavailableError(OptionalDependencyError):
    """pandas is not installed."""


class PlotUnavailableError(OptionalDependencyError):
    """matplotlib is not installed."""


def _load(name: str, error: type[OptionalDependencyError], need: str, command: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:  # pragma: no cover - exercised only without the package
        raise error(Notice(f"model.optional.{need}", {"command": command})) from None


def openpyxl() -> Any:
    """The ``openpyxl`` module, or :class:`XlsxUnavailableError` saying how to get it."""
    return _load("openpyxl", XlsxUnavailableError, "openpyxl", "pip install openpyxl")


def openpyxl_styles() -> Any:
    """``openpyxl.styles`` (fonts, alignment)."""
    openpyxl()
    return importlib.import_module("openpyxl.styles")


def openpyxl_utils() -> Any:
    """``openpyxl.utils`` (column letters)."""
    openpyxl()
    return importlib.import_module("openpyxl.utils")


def pandas() -> Any:
    """The ``pandas`` module, or :class:`PandasUnavailableError` naming the extra."""
    return _load("pandas", PandasUnavailableError, "pandas", "pip install 'nedtrapping[pandas]'")


def matplotlib_figure() -> Any:
    """``matplotlib.figure`` (a :class:`~matplotlib.figure.Figure` drawn on the Agg canvas, no pyplot and no global backend
    switch), or :class:`PlotUnavailableError` naming the extra."""
    _load("matplotlib", PlotUnavailableError, "matplotlib", "pip install 'nedtrapping[plot]'")
    return importlib.import_module("matplotlib.figure")


def jsonschema() -> Any:
    """The ``jsonschema`` module (to validate documents against the shipped schemas), or an error saying how to get it."""
    return _load("jsonschema", OptionalDependencyError, "jsonschema", "pip install 'jsonschema>=4.18'")
