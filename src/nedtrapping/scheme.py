"""What a scheme that pays per position tells the planner: one small protocol.

Why: the planner (:func:`nedtrapping.plan.plan_municipality`) knows no scheme. A
scheme module that pays per position (kommunalt rusarbeid, NAV sosiale tjenester)
defines one object that satisfies :class:`PositionScheme` and registers it with
:func:`nedtrapping.registry.register_position_scheme`; the planner, the readers and
the command line (``nedtrapping plan --scheme ID``) then plan it. Adding such a
scheme is one module and its tests.

The protocol separates the figure from its explanation: :meth:`PositionScheme.grant`
returns only the amount and the rule values it used (cheap, for planning many
positions); :meth:`PositionScheme.explain_grant` builds the full explanation of the
same figure when someone asks for it.

A scheme may also say *how* it computes the figure, so that many positions can be
planned at once (:mod:`nedtrapping.engine`): :meth:`RatedScheme.grant_rate` gives the
grant of a whole cell of positions — same year, same year in the scheme, same
eligibility — as an amount per 100 % position, whether it is cut pro rata and how it
is rounded. The figure of one position is then :meth:`GrantRate.amount` of its
percentage. A scheme without it still plans (the engine asks :meth:`PositionScheme.grant`
once per distinct cell and percentage).
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any, Literal, Protocol, runtime_checkable

import attrs

from nedtrapping.explain import Explanation
from nedtrapping.money import Money
from nedtrapping.provenance import Fact
from nedtrapping.rounding import round_cap_down_to_kroner, round_half_up_to_kroner
from nedtrapping.ruleset import RuleSet, RuleSetId
from nedtrapping.wording import Notice

__all__ = ["GrantQuery", "GrantFigure", "GrantRate", "FactRef", "PositionScheme", "RatedScheme", "Rounding",
           "HALF_UP", "DOWN", "year_in_scheme"]

#: How a grant rate is rounded: :func:`~nedtrapping.rounding.round_half_up_to_kroner` (an amount) or
#: :func:`~nedtrapping.rounding.round_cap_down_to_kroner` (a cap, "at most").
Rounding = Literal["half-up", "down"]
#: A grant rate that is an amount: rounded half up to whole kroner.
HALF_UP: Rounding = "half-up"
#: A grant rate that is a cap ("at most"): rounded down to whole kroner.
DOWN: Rounding = "down"
_HUNDRED = Fraction(100)


def year_in_scheme(year: int, first_grant_year: int) -> int:
    """A position's year in a scheme: ``year − first_grant_year + 1`` (1 in its first grant year)."""
    return year - first_grant_year + 1


@attrs.frozen(kw_only=True)
class GrantQuery:
    """One position in one year, as a scheme needs it to compute the grant."""

    year: int
    first_grant_year: int
    #: The position percentage that year, in (0, 100].
    percent: Fraction
    #: Kommunalt rusarbeid: did the municipality get the grant in 2021 (``None``: not stated)?
    received_grant_in_2021: bool | None = None
    #: Who is asking, for explanations (``"Eksempel kommune / Ruskonsulent"``).
    subject: str = "the position"
    #: The first grant years of all the municipality's positions in the plan (a grant can be the
    #: municipality's, not the position's: kommunalt rusarbeid asks whether the municipality had it in 2021).
    municipality_first_grant_years: tuple[int, ...] = ()


@attrs.frozen
class FactRef:
    """A rule value used for a figure: its rule set, its path there and the name explanations give it."""

    rule_set: RuleSet = attrs.field(eq=False, repr=False)
    path: str
    name: str
    fact: Fact[Any] = attrs.field(eq=False, repr=False)

    @property
    def rule_set_id(self) -> RuleSetId:
        return self.rule_set.id


@attrs.frozen(kw_only=True)
class GrantFigure:
    """The grant of one position in one year by the rule: the figure, without its explanation."""

    amount: Money
    year_in_scheme: int
    #: Whether the position is eligible that year (an ineligible one gets 0).
    eligible: bool
    #: The rule set the figure comes from.
    rule_set: RuleSet = attrs.field(eq=False, repr=False)
    #: The rule values the figure used (for the plan's warnings about values that are not final).
    uses: tuple[FactRef, ...] = ()


@attrs.frozen(kw_only=True)
class GrantRate:
    """The grant of every position of one cell (year, year in the scheme, eligibility) before its percentage.

    The figure of a position at ``percent`` is :meth:`amount`: ``per_full_position × percent / 100``
    (or the whole amount when not :attr:`pro_rata`), rounded once by :attr:`rounding`. A cell that is
    not eligible has ``per_full_position`` 0.
    """

    #: The amount for a 100 % position (0 when not eligible).
    per_full_position: Money
    #: Cut in proportion to the position percentage.
    pro_rata: bool
    #: The one rounding step: ``"half-up"`` (an amount) or ``"down"`` (a cap).
    rounding: Rounding
    year_in_scheme: int
    eligible: bool
    rule_set: RuleSet = attrs.field(eq=False, repr=False)
    uses: tuple[FactRef, ...] = ()

    def amount(self, percent: Fraction) -> Money:
        """The grant of a position at ``percent`` (in (0, 100]), exact and rounded once."""
        exact = self.per_full_position * (percent / _HUNDRED if self.pro_rata else Fraction(1))
        return round_half_up_to_kroner(exact) if self.rounding == HALF_UP else round_cap_down_to_kroner(exact)

    def figure(self, percent: Fraction) -> GrantFigure:
        """The :class:`GrantFigure` of a position at ``percent``."""
        return GrantFigure(amount=self.amount(percent), year_in_scheme=self.year_in_scheme, eligible=self.eligible,
                           rule_set=self.rule_set, uses=self.uses)


class PositionScheme(Protocol):
    """A scheme that pays a grant per position and year."""

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
    def position_options(self) -> frozenset[str]:
        """Position options the scheme reads (``{"received_grant_in_2021"}``); others are refused."""
        ...

    def first_rule_year(self) -> int:
        """The first year the scheme has rules for (a plan cannot start earlier)."""
        ...

    def rules_for(self, year: int) -> RuleSet:
        """The registered rule set of ``year`` (:class:`~nedtrapping.registry.UnknownSchemeError` if none)."""
        ...

    def grant(self, query: GrantQuery, rules: RuleSet | None = None) -> GrantFigure:
        """The grant by the rule (``rules``: a supplied rule set for ``query.year``, else the registered one).

        Raises :class:`~nedtrapping.provenance.UnknownValueError` when the figure needs a
        value no source gives (naming it and how to supply it).
        """
        ...

    def explain_grant(self, query: GrantQuery, rules: RuleSet | None = None) -> Explanation:
        """The explanation of :meth:`grant` for the same query (the same figure, with every step)."""
        ...

    def position_notes(self, query: GrantQuery, years: Sequence[int]) -> list[Notice]:
        """Warnings about a position as a whole (e.g. "first grant year after 2021: no grant")."""
        ...


@runtime_checkable
class RatedScheme(Protocol):
    """A :class:`PositionScheme` that also says how it computes a grant, for planning many positions at once."""

    def canonical_query(self, query: GrantQuery) -> GrantQuery:
        """``query`` reduced to what the grant rate depends on (the same rate for equal results).

        Percent and subject are dropped; e.g. kommunalt rusarbeid resolves whether the
        municipality received the grant in 2021 from its positions' first grant years.
        """
        ...

    def grant_rate(self, query: GrantQuery, rules: RuleSet | None = None) -> GrantRate:
        """The rate of ``query``'s cell (``query.percent`` is not used); raises
        :class:`~nedtrapping.provenance.UnknownValueError` as :meth:`PositionScheme.grant` does."""
        ...
