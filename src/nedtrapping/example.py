"""The embedded example municipality: what ``nedtrapping plan`` shows with no file.

Why: a plan on real-looking data is the fastest way to see what the library does.
The costs are illustrative inputs, not rule values. Every position is chosen so
that its grants follow from public facts alone (first funded in 2021, so 2022 is
year 2 of the ladder = 550 000; or 2018, out of its four years): the example needs
no unknown ladder step.
"""

from __future__ import annotations

from importlib import resources

from nedtrapping.plan import Position
from nedtrapping.readers.table import parse_positions_csv

__all__ = ["EXAMPLE_CSV_NAME", "example_csv_text", "example_positions"]

#: The file name of the embedded example municipality's positions (in ``nedtrapping/data/``).
EXAMPLE_CSV_NAME = "eksempel_kommune.csv"


def example_csv_text() -> str:
    """The example positions file, as shipped in the package."""
    return resources.files("nedtrapping").joinpath("data", EXAMPLE_CSV_NAME).read_text(encoding="utf-8")


def example_positions() -> list[Position]:
    """The example municipality's positions."""
    return parse_positions_csv(example_csv_text(), source=EXAMPLE_CSV_NAME)
