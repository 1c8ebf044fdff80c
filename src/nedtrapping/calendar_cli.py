"""``nedtrapping calendar`` (placeholder until the calendar module lands)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser("calendar", help="the grant calendar with deadlines")
    p.set_defaults(run=lambda args: 2)
