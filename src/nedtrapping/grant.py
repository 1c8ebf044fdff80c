"""A grant derived from its rate: the figure, the exact amount and the explanation, for any scheme.

Why: a scheme states its rule once, as a :class:`~nedtrapping.scheme.Rate`. Everything a
person or a program sees of a grant is derived here, by code that knows no scheme:

* :func:`grant_ore` — the one formula, over whole øre: ``rate × percent / 100`` (or the
  whole rate when not pro rata), rounded once by the rate's named rule. It uses operators
  only, so the same code computes one position (Python ints) or a population (numpy
  arrays, :mod:`nedtrapping.engine`).
* :func:`explain` — the explanation of the same figure, as data worded from the catalogue.
* :func:`grant` — the figure and its explanation for one position (:class:`GrantResult`).

>>> from nedtrapping.scheme import GrantQuery
>>> from nedtrapping.registry import position_scheme
>>> result = grant(position_scheme("kommunalt-rusarbeid"), GrantQuery(year=2023, first_grant_year=2021, percent=50))
>>> result.amount
Money.kroner(165000)
>>> print(result.explanation.to_text("en").splitlines()[0])
Grant 2023: 165 000 kr
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import attrs

from nedtrapping import sources as src
from nedtrapping.explain import Explanation, FactUse, words
from nedtrapping.money import ExactAmount, Money
from nedtrapping.provenance import Status
from nedtrapping.rounding import DOWN, HALF_UP, kroner_ore
from nedtrapping.ruleset import RuleSet, RuleSetId
from nedtrapping.scheme import Check, GrantQuery, PositionScheme, Rate, Verdict
from nedtrapping.validators import HUNDRED, position_percent
from nedtrapping.wording import Notice

__all__ = ["grant_ore", "figure", "exact_amount", "explain", "explain_verdict", "Explainer", "grant", "GrantResult"]


def grant_ore(per_full_ore: Any, percent_num: Any, percent_den: Any, *, pro_rata: Any, down: Any) -> Any:
    """The grant in øre of a position at ``percent_num / percent_den`` % under a rate of ``per_full_ore``.

    ``pro_rata`` and ``down`` are 1 or 0 (or arrays of them): cut in proportion, and rounded
    as a cap (down) rather than half up. Every argument may be a Python int or an integer
    numpy array; the result is of the same kind.

    >>> grant_ore(55_000_000, 333, 10, pro_rata=1, down=0)  # 550 000 kr × 33,3 %
    18315000
    >>> grant_ore(61_000_000, 100, 7, pro_rata=1, down=1)  # 610 000 kr × 100/7 %, at most
    8714200
    """
    if isinstance(pro_rata, int):  # one for all: no arithmetic per position to choose
        share_num = percent_num if pro_rata else 100 * percent_den
    else:
        share_num = pro_rata * percent_num + (1 - pro_rata) * 100 * percent_den
    exact_num, exact_den = per_full_ore * share_num, 100 * percent_den  # exact øre = exact_num / exact_den
    if isinstance(down, int):  # one rounding rule for all: round once, by its name
        return kroner_ore(DOWN if down else HALF_UP, exact_num, exact_den)
    return down * kroner_ore(DOWN, exact_num, exact_den) + (1 - down) * kroner_ore(HALF_UP, exact_num, exact_den)


def _percent(percent: object) -> Fraction:
    return position_percent(percent, "percent")


def figure(rate: Rate, percent: object) -> Money:
    """The grant of a position at ``percent`` under ``rate``: exact, rounded once (0 when not eligible)."""
    share = _percent(percent)
    ore = grant_ore(rate.paid_per_full_position.ore, share.numerator, share.denominator,
                    pro_rata=int(rate.pro_rata), down=int(rate.rounding == DOWN))
    return Money(ore)


def exact_amount(rate: Rate, percent: object) -> ExactAmount:
    """The grant before its one rounding step."""
    share = _percent(percent) / HUNDRED if rate.pro_rata else Fraction(1)
    return rate.paid_per_full_position * share


def _use(ref: Any) -> FactUse:
    rule_set: RuleSet = ref.rule_set
    return rule_set.use(ref.path, ref.fact)


_ROUNDING_FACT = {
    HALF_UP: FactUse("rounding.half_up", words("value.rounding.half_up"), Status.ASSUMED, src.LIBRARY.at("rounding")),
    DOWN: FactUse("rounding.down", words("value.rounding.down"), Status.ASSUMED,
                  src.LIBRARY.at("rounding of a pro-rata cap (down to whole kroner)"),
                  note=words("model.grant.rounding_down_note")),
}


def _exact_words(amount: ExactAmount) -> Any:
    kroner = amount.ore / 100
    if kroner.denominator == 1:
        return Money(int(amount.ore))
    whole = int(kroner)
    return words("grant.exact", whole=Money.kroner(whole), fraction=f"{kroner - whole}")


def _check_step(check: Check) -> Explanation:
    outcome = words("check.met" if check.passed else "check.not_met")
    return Explanation(words("grant.check", condition=check.condition, outcome=outcome), check.reason,
                       tuple(_use(u) for u in check.uses))


def explain_verdict(verdict: Verdict, subject: str) -> Explanation:
    """The verdict as an explanation: each check, its outcome, why, and the rule values it used."""
    return Explainer().explain_verdict(verdict, subject)


def explain(rate: Rate, query: GrantQuery) -> Explanation:
    """Why a position at ``query.percent`` gets :func:`figure` under ``rate``: the same figure, every step."""
    return Explainer().explain(rate, query)


class Explainer:
    """:func:`explain` for many positions: what depends on the rate alone is built once.

    The steps of a rate at one percentage (the amount, the share, the rounding, the notes) and
    its verdict's checks are the same for every position of its cell, so they are kept (by the
    rate's identity; the rate is kept with them) and shared by the explanations: explaining
    every row of a plan costs a few objects per row, not the rule's every step again.
    """

    __slots__ = ("_steps", "_checks", "_headings", "_subjects")

    def __init__(self) -> None:
        self._steps: dict[tuple[object, ...], tuple[Rate, Money, tuple[Explanation, ...]]] = {}
        self._checks: dict[int, tuple[Verdict, Notice, tuple[Explanation, ...]]] = {}
        self._headings: dict[int, Notice] = {}
        self._subjects: dict[str, Notice] = {}

    def explain(self, rate: Rate, query: GrantQuery) -> Explanation:
        """:func:`explain`, from the parts kept."""
        return self.explain_at(rate, query.year, query.percent, query.subject)

    def explain_at(self, rate: Rate, year: int, percent: object, subject: str) -> Explanation:
        """The explanation of the grant of ``subject`` at ``percent`` in ``year`` under ``rate``."""
        # a Fraction by its terms (hashed faster than the Fraction)
        key = (id(rate), percent.numerator, percent.denominator) if type(percent) is Fraction else (id(rate), percent)
        found = self._steps.get(key)
        if found is None or found[0] is not rate:
            found = self._steps[key] = (rate, *_rate_steps(rate, percent))
        _, amount, steps = found
        verdict = self.explain_verdict(rate.verdict, subject)
        heading = self._headings.get(year)
        if heading is None:
            heading = self._headings[year] = words("grant.heading", year=year)
        return Explanation(heading, amount, (), (*steps, verdict))

    def explain_verdict(self, verdict: Verdict, subject: str) -> Explanation:
        """:func:`explain_verdict`, its checks built once per verdict."""
        found = self._checks.get(id(verdict))
        if found is None or found[0] is not verdict:
            outcome = words("grant.eligible" if verdict.eligible else "grant.not_eligible")
            found = self._checks[id(verdict)] = (verdict, outcome, tuple(_check_step(c) for c in verdict.checks))
        _, outcome, checks = found
        heading = self._subjects.get(subject)
        if heading is None:  # a position's every year has the same
            heading = self._subjects[subject] = words("grant.eligibility",
                                                      subject=subject or words("grant.the_position"))
        return Explanation(heading, outcome, (), checks)


def _rate_steps(rate: Rate, percent: object) -> tuple[Money, tuple[Explanation, ...]]:
    """The figure under ``rate`` at ``percent`` and the steps that explain it, before the verdict."""
    amount = figure(rate, percent)
    notes = tuple(Explanation(note, None, tuple(_use(u) for u in uses)) for note, uses in rate.notes)
    if not rate.eligible:
        failed = rate.verdict.first_failure
        assert failed is not None
        no_grant = Explanation(words("grant.no_grant"), words("grant.no_grant.why", condition=failed.condition,
                                                               reason=failed.reason))
        return amount, (no_grant, *notes)
    per_full = rate.per_full_position
    exact = exact_amount(rate, percent)
    share = _percent(percent)
    amount_step = Explanation(words(rate.amount_words, n=rate.year_in_scheme), per_full,
                              tuple(_use(u) for u in rate.amount_uses if u.path != "pro_rata"))
    pro_rata_uses = tuple(_use(u) for u in rate.amount_uses if u.path == "pro_rata")
    if rate.pro_rata:
        share_step = Explanation(words("grant.pro_rata", percent=share),
                                 words("grant.pro_rata.figure", per_full=per_full, percent=share,
                                       exact=_exact_words(exact)), pro_rata_uses)
    else:
        share_step = Explanation(words("grant.not_pro_rata", percent=share), per_full, pro_rata_uses)
    rounded = Explanation(words(f"grant.rounded.{rate.rounding}"), amount, (_ROUNDING_FACT[rate.rounding],))
    return amount, (amount_step, share_step, rounded, *notes)


@attrs.frozen(kw_only=True)
class GrantResult:
    """A grant for one position and year: the figure, the rate it comes from and the explanation."""

    year: int
    amount: Money
    rate: Rate
    explanation: Explanation
    #: The exact amount before the single rounding step (``None`` when not eligible).
    exact: ExactAmount | None = None

    @property
    def verdict(self) -> Verdict:
        return self.rate.verdict

    @property
    def rule_set(self) -> RuleSetId:
        """``(scheme_id, year, digest)`` of the rule set used."""
        return self.rate.rule_set.id

    @property
    def facts_used(self) -> list[FactUse]:
        return self.explanation.all_facts()


def grant(scheme: PositionScheme, query: GrantQuery, rules: RuleSet | None = None) -> GrantResult:
    """The grant of one position in one year under ``scheme``: its figure and why.

    Raises :class:`~nedtrapping.provenance.UnknownValueError` when the rate needs a value no
    source gives (naming it and how to supply it).
    """
    rate = scheme.rate(query, rules)
    amount = figure(rate, query.percent)
    return GrantResult(year=query.year, amount=amount, rate=rate, explanation=explain(rate, query),
                       exact=exact_amount(rate, query.percent) if rate.eligible else None)
