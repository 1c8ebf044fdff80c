"""The Statsforvalter regions (counties) a deadline can belong to.

Why: each Statsforvalter may set its own deadline. A misspelt county must not
silently fall back to the national date, so every county name is checked here,
case-insensitively, and an unknown one is an error that lists the known ones.
"""

from __future__ import annotations

from nedtrapping._refusal import expect, expected_got
from nedtrapping.errors import InvalidTypeError, NedtrappingError
from nedtrapping.wording import Notice

__all__ = ["COUNTIES", "UnknownCountyError", "check_county"]

#: The Statsforvalter regions of 2021–2023 (the years of the rule sets). A county deadline must name one.
COUNTIES: tuple[str, ...] = (
    "Agder",
    "Innlandet",
    "Møre og Romsdal",  # name: as published
    "Nordland",
    "Oslo og Viken",  # name: as published
    "Rogaland",
    "Troms og Finnmark",  # name: as published
    "Trøndelag",
    "Vestfold og Telemark",  # name: as published
    "Vestland",
)


class UnknownCountyError(NedtrappingError, ValueError):
    """A county (Statsforvalter region) that does not exist; the message lists the known ones."""


def check_county(county: object) -> str | None:
    """``county`` spelt as in :data:`~nedtrapping.counties.COUNTIES` (matched case-insensitively), ``None`` for national.

    >>> check_county("nordland")
    'Nordland'
    """
    if county is None:
        return None
    if not isinstance(county, str):
        raise InvalidTypeError(expected_got(expect("county_name"), county), field="county", value=county,
                               expected=expect("county_name"))
    for known in COUNTIES:
        if known.lower() == county.strip().lower():
            return known
    raise UnknownCountyError(Notice("model.county.unknown", {"county": county, "counties": ", ".join(COUNTIES)}),
                             field="county", value=county, expected=expect("county_name"))
