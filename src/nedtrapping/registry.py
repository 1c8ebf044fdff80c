"""Find a rule set by scheme id and year.

Why: like python-holidays, each scheme lives in one module under
:mod:`nedtrapping.schemes` and registers its rule sets there; adding a scheme
touches that one file. Modules are discovered and imported lazily, on the first
lookup, so importing :mod:`nedtrapping` stays cheap.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
from typing import TYPE_CHECKING, TypeVar

from nedtrapping._refusal import expect, expected_got
from nedtrapping.errors import InvalidTypeError, InvalidValueError, NedtrappingError
from nedtrapping.ruleset import RuleSet
from nedtrapping.wording import Notice

if TYPE_CHECKING:
    from nedtrapping.scheme import PositionScheme

__all__ = [
    "DEFAULT_SCHEME",
    "register",
    "get_rule_set",
    "all_rule_sets",
    "scheme_ids",
    "years_of",
    "UnknownSchemeError",
    "register_position_scheme",
    "position_scheme",
    "position_scheme_ids",
]

#: A rule-set class (a type variable): :func:`register` gives back the rule set it was given.
R = TypeVar("R", bound=RuleSet)

_RULE_SETS: dict[tuple[str, int], RuleSet] = {}
_POSITION_SCHEMES: dict[str, PositionScheme] = {}
#: The scheme planned when none is named: the one the library was made for.
DEFAULT_SCHEME = "kommunalt-rusarbeid"
_loaded = False
#: ``years_of`` answers, valid while the registry is unchanged (a registration bumps the version).
_version = 0
_years: dict[str, tuple[int, ...]] = {}
_years_key: tuple[int, int] = (-1, -1)


class UnknownSchemeError(NedtrappingError, LookupError):
    """No rule set for this scheme id (or this year of it). The message lists what exists."""


def register(rule_set: R) -> R:
    """Add a rule set to the registry (called by scheme modules at import time)."""
    key = rule_set.key
    existing = _RULE_SETS.get(key)
    if existing is not None and existing != rule_set:
        raise InvalidValueError(Notice("model.registry.rule_set_taken", {"rule_set": rule_set.key_text}),
                                field="rule_set", value=rule_set.key_text)
    global _version
    _RULE_SETS[key] = rule_set
    _version += 1
    return rule_set


def register_position_scheme(scheme: PositionScheme) -> PositionScheme:
    """Make a scheme that pays per position plannable (called by its module at import time)."""
    existing = _POSITION_SCHEMES.get(scheme.scheme_id)
    if existing is not None and existing is not scheme:
        raise InvalidValueError(Notice("model.registry.scheme_taken", {"scheme": scheme.scheme_id}),
                                field="scheme", value=scheme.scheme_id)
    _POSITION_SCHEMES[scheme.scheme_id] = scheme
    return scheme


def position_scheme_ids() -> list[str]:
    """The schemes the planner can plan (those that pay per position)."""
    _load()
    return sorted(_POSITION_SCHEMES)


def position_scheme(scheme_id: str) -> PositionScheme:
    """The plannable scheme ``scheme_id``; :class:`UnknownSchemeError` names the ones there are."""
    _load(scheme_id)
    found = _POSITION_SCHEMES.get(scheme_id)
    if found is None:
        _load()  # every module, in case another one registers it
        found = _POSITION_SCHEMES.get(scheme_id)
    if found is not None:
        return found
    raise UnknownSchemeError(
        Notice("model.registry.not_plannable", {"scheme": scheme_id, "schemes": ", ".join(sorted(_POSITION_SCHEMES))}),
        field="scheme", value=scheme_id, expected=expect("plannable_scheme"),
    )


_loaded_modules: set[str] = set()


#: The packages whose modules register rule sets: grant schemes, the rules a cost is built from, grant calendars.
_PACKAGES = ("nedtrapping.schemes", "nedtrapping.costs", "nedtrapping.calendars")


def _load(scheme_id: str | None = None) -> None:
    """Import the modules that register rule sets: only ``scheme_id``'s own (``kommunalt-rusarbeid`` lives in
    ``schemes/kommunalt_rusarbeid.py``, ``lonnskostnader`` in ``costs/lonnskostnader.py``) when that is all a
    lookup needs, else all of them."""
    global _loaded
    if scheme_id is not None and not isinstance(scheme_id, str):
        raise InvalidTypeError(expected_got(expect("scheme_id"), scheme_id), field="scheme", value=scheme_id,
                               expected=expect("scheme_id"))
    if _loaded:
        return
    if scheme_id is not None:
        name = scheme_id.replace("-", "_")
        if name in _loaded_modules:
            return
        for package_name in _PACKAGES:
            if name.isidentifier() and importlib.util.find_spec(f"{package_name}.{name}") is not None:
                importlib.import_module(f"{package_name}.{name}")
                _loaded_modules.add(name)
                return
    for package_name in _PACKAGES:
        package = importlib.import_module(package_name)
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
            if not info.name.startswith("_"):
                importlib.import_module(f"{package_name}.{info.name}")
    _loaded = True


def scheme_ids() -> list[str]:
    _load()
    return sorted({sid for sid, _ in _RULE_SETS})


def years_of(scheme_id: str) -> list[int]:
    global _years_key
    _load(scheme_id)
    key = (_version, len(_RULE_SETS))
    if key != _years_key:
        _years.clear()
        _years_key = key
    found = _years.get(scheme_id)
    if found is None:
        found = _years[scheme_id] = tuple(sorted(y for sid, y in _RULE_SETS if sid == scheme_id))
    years = list(found)
    if not years and not _loaded:
        _load()
        return years_of(scheme_id)
    if not years:
        raise UnknownSchemeError(Notice("model.registry.unknown_scheme", {"scheme": scheme_id,
                                                                         "schemes": ", ".join(scheme_ids())}),
                                 field="scheme", value=scheme_id, expected=expect("scheme_id"))
    return years


def get_rule_set(scheme_id: str, year: int) -> RuleSet:
    """The registered rule set for ``scheme_id`` in budget ``year``.

    Raises :class:`UnknownSchemeError` naming the known scheme ids, or the years
    that exist for this scheme.
    """
    _load(scheme_id)
    found = _RULE_SETS.get((scheme_id, year))
    if found is None:
        _load()  # every module, in case another one registers it
        found = _RULE_SETS.get((scheme_id, year))
    if found is not None:
        return found
    years = years_of(scheme_id)  # raises for an unknown scheme id
    raise UnknownSchemeError(Notice("model.registry.no_year", {"scheme": scheme_id, "year": year,
                                                               "years": ", ".join(map(str, years))}),
                             field="year", value=year, expected=expect("rule_set_year", scheme=scheme_id))


def all_rule_sets() -> list[RuleSet]:
    """Every registered rule set, by scheme id then year."""
    _load()
    return [_RULE_SETS[k] for k in sorted(_RULE_SETS)]
