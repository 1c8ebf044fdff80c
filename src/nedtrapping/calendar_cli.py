"""Deprecated: moved to :mod:`nedtrapping.cli.calendar`. Importing this module warns."""

from __future__ import annotations

import warnings

from nedtrapping.cli.calendar import *  # noqa: F403
from nedtrapping.cli.calendar import __all__  # noqa: F401

warnings.warn("nedtrapping.calendar_cli is deprecated; use nedtrapping.cli.calendar", DeprecationWarning, stacklevel=2)
