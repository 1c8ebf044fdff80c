"""The rates a workbook looks its grants up in: one row per cell, from the scheme's one statement of its rule.

Why: the workbook's grant formula is not written per scheme. For every cell a plan (or a
blank workbook) can meet — budget year, year in the scheme and the scheme's own options —
the scheme states one :class:`~nedtrapping.scheme.Rate` (``scheme.rate(query, rules)``);
a :class:`RateRow` is that rate as a row of the *Satser* sheet: the amount per 100 %
position it pays (0 when the position is not eligible), whether it is cut pro rata, its
named rounding rule, the rule value the amount comes from with its status and source.
The Plan sheet's formula looks the row up and applies it the way :func:`nedtrapping.grant.grant_ore`
does; the rounding's spreadsheet function comes from :mod:`nedtrapping.rounding`.

A rate that needs a value no source gives (:class:`~nedtrapping.provenance.UnknownValueError`)
is a row with no amount: an input cell the finance officer fills in from the grant letter.
The rule's *form* for that cell (pro rata, rounding) is read from the rate with the missing
value stood in for; the stand-in is never written, shown or used for a figure.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import attrs

from nedtrapping.errors import NedtrappingError
from nedtrapping.money import Money
from nedtrapping.provenance import Citation, Fact, Status, UnknownValueError
from nedtrapping.ruleset import RuleSet
from nedtrapping.scheme import GrantQuery, PositionScheme, Rate

__all__ = ["RateRow", "rate_row", "rate_rows", "cell_key"]


def cell_key(year: int, year_in_scheme: int, answers: Sequence[str]) -> str:
    """The text a Plan row and its Satser row share: ``"2022|3|ja"`` (year, year in the scheme, each option)."""
    return "|".join((str(year), str(year_in_scheme), *answers))


@attrs.frozen(kw_only=True)
class RateRow:
    """One row of the Satser sheet: the rate of one cell, or the place to type it in."""

    year: int
    year_in_scheme: int
    #: The scheme's options of the cell, in the scheme's order (``None``: not part of the cell).
    options: tuple[bool | None, ...]
    #: What a 100 % position is paid (0 when not eligible); ``None`` while the rate is unknown.
    paid_per_full_position: Money | None
    #: ``None`` when not even the rule's form could be read.
    pro_rata: bool | None
    rounding: str | None
    eligible: bool
    #: The rule value the amount is (or would be), with its rule set's key and its path.
    fact: Fact[object] | None
    path: str | None
    rule_set: str | None
    #: Why the position gets nothing (a check that failed), as the catalogue's notice.
    reason: object = None
    #: The unknown value the rate needs (its error carries the name, note and how to supply it).
    unknown: UnknownValueError | None = None
    #: The scheme has no rules for the year at all: the grant can only come from the position's letter.
    no_rules: bool = False

    @property
    def status(self) -> Status | None:
        return None if self.fact is None else self.fact.status

    @property
    def citation(self) -> Citation | None:
        return None if self.fact is None else self.fact.citation


def _amount_fact(rate: Rate) -> tuple[Fact[object] | None, str | None]:
    """The rule value the rate's amount is: the first amount used that equals it."""
    for ref in rate.amount_uses:
        if isinstance(ref.fact.value, Money) and ref.fact.value == rate.per_full_position:
            return ref.fact, ref.path
    return None, None


def _stand_in(rules: RuleSet, path: str) -> RuleSet | None:
    """``rules`` with the unknown at ``path`` stood in for, to read the rule's form only (never a figure)."""
    try:
        return rules.supply(path, Money.kroner(1), Citation(document="the form of the rule only (never a figure)"))
    except (NedtrappingError, LookupError, TypeError, ValueError):
        return None


def rate_row(scheme: PositionScheme, query: GrantQuery, rules: RuleSet | None,
             option_names: Sequence[str]) -> RateRow:
    """The Satser row of ``query``'s cell (``query`` as :meth:`~nedtrapping.scheme.PositionScheme.cell` gives it)."""
    n = query.year - query.first_grant_year + 1
    options = tuple(_option(query, name) for name in option_names)
    try:
        rate = scheme.rate(query, rules)
    except UnknownValueError as error:
        form: Rate | None = None
        base = rules if rules is not None else _registered(scheme, query.year)
        if base is not None and error.path:
            stood_in = _stand_in(base, error.path)
            if stood_in is not None:
                try:
                    form = scheme.rate(query, stood_in)
                except (NedtrappingError, LookupError):
                    form = None
        return RateRow(year=query.year, year_in_scheme=n, options=options, paid_per_full_position=None,
                       pro_rata=None if form is None else form.pro_rata,
                       rounding=None if form is None else form.rounding, eligible=True, fact=error.fact,
                       path=error.path, rule_set=error.rule_set, unknown=error)
    except LookupError:  # no rule set for the year (UnknownSchemeError): nothing to look up, never 0
        return RateRow(year=query.year, year_in_scheme=n, options=options, paid_per_full_position=None,
                       pro_rata=None, rounding=None, eligible=True, fact=None, path=None, rule_set=None,
                       no_rules=True)
    fact, path = _amount_fact(rate)
    reason = None
    if not rate.eligible:
        failed = rate.verdict.first_failure
        reason = None if failed is None else failed.reason
        uses = () if failed is None else failed.uses
        if uses:
            fact, path = uses[0].fact, uses[0].path
    return RateRow(year=query.year, year_in_scheme=n, options=options,
                   paid_per_full_position=rate.paid_per_full_position, pro_rata=rate.pro_rata,
                   rounding=rate.rounding, eligible=rate.eligible, fact=fact, path=path,
                   rule_set=rate.rule_set.key_text, reason=reason)


def _registered(scheme: PositionScheme, year: int) -> RuleSet | None:
    try:
        return scheme.rules_for(year)
    except (NedtrappingError, LookupError):
        return None


def _option(query: GrantQuery, name: str) -> bool | None:
    value = query.option(name)
    return value if isinstance(value, bool) else None


def rate_rows(scheme: PositionScheme, cells: Iterable[GrantQuery], rules: Mapping[int, RuleSet]) -> list[RateRow]:
    """The Satser rows of ``cells`` (each once), by year, year in the scheme and options."""
    names = [o.name for o in scheme.options]
    seen: dict[tuple[int, int, tuple[tuple[str, object], ...]], GrantQuery] = {}
    for cell in cells:
        seen.setdefault((cell.year, cell.first_grant_year, cell.options), cell)
    ordered = sorted(seen.values(), key=lambda q: (q.year, q.year - q.first_grant_year,
                                                  tuple(str(_option(q, n)) for n in names)))
    return [rate_row(scheme, q, rules.get(q.year), names) for q in ordered]
