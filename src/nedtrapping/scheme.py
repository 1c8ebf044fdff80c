"""What a scheme that pays per position states: for a cell and a rule set, its rate and its verdict.

Why: a rule is stated once, as data. A plannable scheme says, for a *cell* — budget
year, year in the scheme and the scheme's own options — and a rule set, one
:class:`Rate`: the amount per 100 % position, whether it is cut pro rata, the named
rounding rule, the rule values it used, and the :class:`Verdict` of eligibility (each
:class:`Check` with the rule values it used and its outcome). It writes no arithmetic
and no prose: the figure, the engine's columns, the explanation, the workbook's formula
and the docs are derived from the rate by code that knows no scheme
(:mod:`nedtrapping.grant`, :mod:`nedtrapping.engine`), and the words come from the
catalogue (:mod:`nedtrapping.wording`; a scheme adds its own with
:func:`~nedtrapping.wording.add_words`).

A scheme declares its own options (:class:`Option`: kommunalt rusarbeid's «fikk
tilskudd i 2021»), so positions, readers, JSON documents and the command line carry
them without knowing any scheme. The one object that satisfies :class:`PositionScheme`
is registered with :func:`nedtrapping.registry.register_position_scheme`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any, Protocol

import attrs

from nedtrapping._refusal import expect, expected_got
from nedtrapping.errors import InvalidTypeError, InvalidValueError
from nedtrapping.money import Money
from nedtrapping.provenance import Fact
from nedtrapping.rounding import DOWN, HALF_UP, RoundingName
from nedtrapping.ruleset import RuleSet, RuleSetId
from nedtrapping.wording import Notice

__all__ = ["Option", "GrantQuery", "FactRef", "Check", "Verdict", "Rate", "PositionScheme", "Rounding",
           "HALF_UP", "DOWN", "year_in_scheme", "options_tuple"]

#: How a rate is rounded (a name of :data:`nedtrapping.rounding.ROUNDINGS`).
Rounding = RoundingName



def year_in_scheme(year: int, first_grant_year: int) -> int:
    """A position's year in a scheme: ``year − first_grant_year + 1`` (1 in its first grant year)."""
    return year - first_grant_year + 1


@attrs.frozen
class Option:
    """An option of a scheme's own that a position may carry (kommunalt rusarbeid: «fikk tilskudd i 2021»).

    The readers accept it under any of :attr:`columns` (Norwegian first); its words are the
    catalogue's ``option.<name>`` (a label) and ``option.<name>.help``.
    """

    #: The name in Python and JSON (``received_grant_in_2021``).
    name: str
    #: Column names a positions file may use (``fikk_tilskudd_2021``, ``received_2021``).
    columns: tuple[str, ...]
    #: The answer is the municipality's, not the position's: all its positions must agree.
    per_municipality: bool = False

    def check(self, value: object) -> bool | None:
        """``value`` if it is an answer (``True``, ``False`` or ``None``: not stated), else a typed error."""
        if value is None or isinstance(value, bool):
            return value
        raise InvalidTypeError(expected_got(expect("answer_not_stated"), value), field=self.name, value=value,
                               expected=expect("answer"))


def options_tuple(value: Mapping[str, object] | Sequence[tuple[str, object]] | None) -> tuple[tuple[str, object], ...]:
    """Options as sorted ``(name, value)`` pairs without the unstated (``None``) ones: hashable and canonical."""
    if value is None:
        return ()
    if isinstance(value, Mapping):
        items = list(value.items())
    elif isinstance(value, (list, tuple)):
        items = list(value)
    else:
        raise InvalidTypeError(expected_got(expect("options"), value), field="options", value=value,
                               expected=expect("options"))
    for item in items:
        if not (isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str)):
            raise InvalidTypeError(Notice("model.expected_got", {"expected": expect("option_pair"), "got": repr(item)}),
                                   field="options", value=item, expected=expect("option_pair"))
    return tuple(sorted((k, v) for k, v in items if v is not None))


@attrs.frozen(kw_only=True)
class GrantQuery:
    """One position in one year, as a scheme needs it for its rate."""

    year: int
    first_grant_year: int
    #: The position percentage that year, in (0, 100].
    percent: Fraction = Fraction(100)
    #: The scheme's own options that are stated (``(("received_grant_in_2021", True),)``).
    options: tuple[tuple[str, object], ...] = attrs.field(default=(), converter=options_tuple)
    #: Who is asking, for explanations (``"Eksempel kommune / Ruskonsulent"``).
    subject: str = ""
    #: The first grant years of all the municipality's positions in the plan (an option of the
    #: municipality can be inferred from them: kommunalt rusarbeid's 2021 grant).
    municipality_first_grant_years: tuple[int, ...] = ()

    def option(self, name: str) -> object:
        """The stated answer of option ``name`` (``None``: not stated)."""
        return dict(self.options).get(name)


@attrs.frozen
class FactRef:
    """A rule value used for a figure: its rule set and its path there (which names it in the catalogue)."""

    rule_set: RuleSet = attrs.field(eq=False, repr=False)
    path: str
    fact: Fact[Any] = attrs.field(eq=False, repr=False)

    @classmethod
    def at(cls, rule_set: RuleSet, path: str) -> FactRef:
        """The fact at ``path`` of ``rule_set`` (``"ladder.step_2"``)."""
        value: Any = rule_set
        for part in path.split("."):
            value = getattr(value, part)
        return cls(rule_set, path, value)

    @property
    def name(self) -> str:
        return self.path

    @property
    def rule_set_id(self) -> RuleSetId:
        return self.rule_set.id


def _field_pairs(value: Mapping[str, object] | tuple[tuple[str, object], ...]) -> tuple[tuple[str, object], ...]:
    return tuple(sorted(dict(value).items()))


@attrs.frozen
class Check:
    """One condition of eligibility as data: its wording id, outcome, fields and the rule values it used.

    Its words are the catalogue's ``check.<id>`` (the condition) and ``check.<id>.<outcome>``
    (why it was met or not), filled with :attr:`fields`.
    """

    id: str
    passed: bool
    fields: tuple[tuple[str, object], ...] = attrs.field(default=(), converter=_field_pairs)
    uses: tuple[FactRef, ...] = ()

    @property
    def condition(self) -> Notice:
        return Notice(f"check.{self.id}", self.fields)

    @property
    def reason(self) -> Notice:
        return Notice(f"check.{self.id}.{'met' if self.passed else 'not_met'}", self.fields)


@attrs.frozen
class Verdict:
    """The outcome of every check for one cell: truthy when all passed, but never just a bool."""

    checks: tuple[Check, ...]

    @property
    def eligible(self) -> bool:
        return all(c.passed for c in self.checks)

    def __bool__(self) -> bool:
        return self.eligible

    def failed(self) -> list[Check]:
        return [c for c in self.checks if not c.passed]

    @property
    def first_failure(self) -> Check | None:
        failed = self.failed()
        return failed[0] if failed else None

    @property
    def uses(self) -> tuple[FactRef, ...]:
        """The rule values of every check, each once, in order."""
        return tuple(dict.fromkeys(u for c in self.checks for u in c.uses))


@attrs.frozen(kw_only=True)
class Rate:
    """What the rule gives every position of one cell, before its percentage: the one statement of the rule.

    An eligible position at ``percent`` gets ``per_full_position × percent / 100`` (or the
    whole amount when not :attr:`pro_rata`), rounded once by :attr:`rounding`; an ineligible
    one gets 0 (:attr:`paid_per_full_position`). :mod:`nedtrapping.grant` derives the figure
    and the explanation, :mod:`nedtrapping.engine` the columns.
    """

    #: The amount for a 100 % position when eligible (0 when the verdict gives no amount to state).
    per_full_position: Money
    #: Cut in proportion to the position percentage.
    pro_rata: bool
    #: The one rounding step (:data:`~nedtrapping.rounding.HALF_UP` an amount, :data:`~nedtrapping.rounding.DOWN` a cap).
    rounding: Rounding
    year_in_scheme: int
    verdict: Verdict
    rule_set: RuleSet = attrs.field(eq=False, repr=False)
    #: Wording id of the amount's step (``rate.amount.ladder``), filled with the year in the scheme.
    amount_words: str = "rate.amount"
    #: The rule values the amount used (method, ladder step, basis, pro rata).
    amount_uses: tuple[FactRef, ...] = ()
    #: Words shown after the steps (an exception, what the plan does with a cap), each with its rule values.
    notes: tuple[tuple[Notice, tuple[FactRef, ...]], ...] = ()

    def __attrs_post_init__(self) -> None:
        if self.per_full_position.ore < 0:
            raise InvalidValueError(Notice("model.rate.negative", {"amount": self.per_full_position}),
                                    field="per_full_position", value=self.per_full_position,
                                    expected=expect("zero_or_more"))
        if self.rounding not in (HALF_UP, DOWN):
            raise InvalidValueError(Notice("model.expected_got", {"expected": expect("rounding", half_up=repr(HALF_UP),
                                                                                     down=repr(DOWN)),
                                                                  "got": repr(self.rounding)}),
                                    field="rounding", value=self.rounding,
                                    expected=expect("rounding", half_up=repr(HALF_UP), down=repr(DOWN)))

    @property
    def eligible(self) -> bool:
        return self.verdict.eligible

    @property
    def paid_per_full_position(self) -> Money:
        """What a 100 % position is paid: the amount when eligible, else 0."""
        return self.per_full_position if self.eligible else Money.zero()

    @property
    def uses(self) -> tuple[FactRef, ...]:
        """Every rule value the rate used (the amount's when eligible, the notes', the checks'), each once."""
        amount = self.amount_uses if self.eligible else ()
        notes = tuple(u for _, refs in self.notes for u in refs)
        return tuple(dict.fromkeys((*amount, *notes, *self.verdict.uses)))


class PositionScheme(Protocol):
    """A scheme that pays a grant per position and year: it states a :class:`Rate` per cell."""

    @property
    def scheme_id(self) -> str:
        """The registry id (``"kommunalt-rusarbeid"``)."""
        ...

    @property
    def name(self) -> str:
        """The scheme's name as people say it, for headings (``"kommunalt rusarbeid"``)."""
        ...

    @property
    def default_years(self) -> tuple[int, ...]:
        """The years planned when none are given."""
        ...

    @property
    def options(self) -> tuple[Option, ...]:
        """The scheme's own options a position may carry; any other is refused."""
        ...

    @property
    def base_year(self) -> int | None:
        """The year a phase-down is measured from (kommunalt rusarbeid: 2021), or ``None``.

        A plan that starts the year after it computes that year too, not as a planned year but
        as the base of the first year's increase in own financing.
        """
        ...

    def first_rule_year(self) -> int:
        """The first year the scheme has rules for (a plan cannot start earlier)."""
        ...

    def rules_for(self, year: int) -> RuleSet:
        """The registered rule set of ``year`` (:class:`~nedtrapping.registry.UnknownSchemeError` if none)."""
        ...

    def cell(self, query: GrantQuery) -> GrantQuery:
        """``query`` reduced to what the rate depends on (equal cells, equal rates).

        Percent, subject and the municipality's years are dropped, options resolved (kommunalt
        rusarbeid infers the 2021 grant from the municipality's first grant years).
        """
        ...

    def rate(self, query: GrantQuery, rules: RuleSet | None = None) -> Rate:
        """The rate of ``query``'s cell under ``rules`` (``None``: the registered rule set of the year).

        Raises :class:`~nedtrapping.provenance.UnknownValueError` when the rate needs a value
        no source gives (naming it and how to supply it).
        """
        ...

    def position_notes(self, query: GrantQuery, years: Sequence[int]) -> list[Notice]:
        """Warnings about a position as a whole (e.g. "first grant year after 2021: no grant")."""
        ...
