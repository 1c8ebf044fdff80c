"""Deprecated: moved to :mod:`nedtrapping.cli.rules`. Importing this module warns."""

from __future__ import annotations

import warnings

from nedtrapping.cli.rules import *  # noqa: F403
from nedtrapping.cli.rules import __all__  # noqa: F401

warnings.warn("nedtrapping.rules_cli is deprecated; use nedtrapping.cli.rules", DeprecationWarning, stacklevel=2)
