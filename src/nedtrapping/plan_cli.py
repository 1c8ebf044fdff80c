"""Deprecated: moved to :mod:`nedtrapping.cli.plan`. Importing this module warns."""

from __future__ import annotations

import warnings

from nedtrapping.cli.plan import *  # noqa: F403
from nedtrapping.cli.plan import __all__  # noqa: F401

warnings.warn("nedtrapping.plan_cli is deprecated; use nedtrapping.cli.plan", DeprecationWarning, stacklevel=2)
