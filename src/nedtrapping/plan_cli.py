"""``nedtrapping plan`` (being written)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser("plan", help="the phase-down plan of a municipality")
    p.set_defaults(run=lambda args: 2)
