"""Hypothesis strategies for testing code built on nedtrapping.

Why: a municipality's own spreadsheet checks, or a new scheme module, should be
tested with the same kind of inputs the library is tested with — exact amounts,
awkward percentages, deadlines at DST switches — without re-inventing them.

Use them in your own tests::

    from hypothesis import given
    from nedtrapping import strategies as nst

    @given(nst.money(min_value=Money.kroner(0)), nst.position_percentages())
    def test_something(amount, percent): ...

`hypothesis <https://hypothesis.readthedocs.io>`_ is a *test* dependency only:
importing :mod:`nedtrapping` never imports this module, so it never imports
hypothesis. Importing this module without hypothesis installed fails with a
clear :class:`ImportError`.

Every strategy here draws exact values: no strategy ever yields a ``float``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - exercised only without the test extra
    from nedtrapping.optional import OptionalDependencyError
    from nedtrapping.wording import Notice

    raise OptionalDependencyError(Notice("model.optional.hypothesis", {"command": "pip install 'nedtrapping[test]'"})
                                  ) from exc

from nedtrapping.errors import InvalidValueError
from nedtrapping.money import Money
from nedtrapping.provenance import Citation, Fact, Status
from nedtrapping.wording import Notice

__all__ = [
    "OSLO",
    "ore",
    "money",
    "kroner_amounts",
    "positive_money",
    "shares",
    "position_percentages",
    "percent_inputs",
    "first_grant_years",
    "budget_years",
    "years_in_scheme",
    "oslo_dst_switches",
    "oslo_year_ends",
    "deadline_instants",
    "aware_datetimes",
    "aware_datetimes_around",
    "naive_datetimes",
    "citations",
    "statuses",
    "known_statuses",
    "facts",
    "unknown_facts",
    "LadderStepSupply",
    "ladder_step_supplies",
    "kommunalt_rusarbeid_years",
    "kommunalt_rusarbeid_rules",
    "growth_percentages",
    "fixed_costs",
    "growing_costs",
    "costs",
    "salaries",
    "zones",
    "zones_with_rate",
    "pension_percentages",
    "holiday_pay_rules",
    "birth_years",
    "cost_rule_years",
    "salary_costs",
    "municipality_names",
    "position_names",
    "positions",
    "position_lists",
]

#: The time zone the generated deadlines and instants use.
OSLO = "Europe/Oslo"

#: A default upper bound for amounts: 10 billion kroner covers any national frame.
_DEFAULT_MAX_ORE = 10_000_000_000 * 100

#: Zones to show an instant in: Oslo itself, UTC, fixed offsets and zones with other DST rules.
_ZONES = (
    "Europe/Oslo",
    "UTC",
    "Europe/London",
    "America/New_York",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Kiritimati",  # +14:00
    "Pacific/Pago_Pago",  # -11:00
)


# --------------------------------------------------------------------------- money


def ore(min_value: int = -_DEFAULT_MAX_ORE, max_value: int = _DEFAULT_MAX_ORE) -> st.SearchStrategy[int]:
    """Integer øre in ``[min_value, max_value]`` (an ``int``, never a float)."""
    return st.integers(min_value=min_value, max_value=max_value)


def money(
    min_value: Money | None = None,
    max_value: Money | None = None,
    *,
    whole_kroner: bool = False,
) -> st.SearchStrategy[Money]:
    """:class:`~nedtrapping.money.Money` amounts between ``min_value`` and ``max_value`` (inclusive).

    Defaults: ±10 000 000 000 kr. With ``whole_kroner=True`` only whole kroner are
    drawn (as a grant letter gives them); otherwise any number of øre, negatives
    included unless ``min_value`` says otherwise.
    """
    lo = -_DEFAULT_MAX_ORE if min_value is None else min_value.ore
    hi = _DEFAULT_MAX_ORE if max_value is None else max_value.ore
    if lo > hi:
        raise InvalidValueError(Notice("model.strategies.min_above_max", {"min": str(min_value), "max": str(max_value)}),
                                field="min_value", value=min_value)
    if whole_kroner:
        k_lo = -((-lo) // 100)  # ceil(lo / 100)
        k_hi = hi // 100
        if k_lo > k_hi:
            raise InvalidValueError(Notice("model.strategies.no_whole_kroner", {"min": str(min_value),
                                                                                "max": str(max_value)}),
                                    field="min_value", value=min_value)
        return st.integers(min_value=k_lo, max_value=k_hi).map(Money.kroner)
    return st.integers(min_value=lo, max_value=hi).map(Money)


def positive_money(max_value: Money = Money.kroner(10_000_000), *, whole_kroner: bool = False) -> st.SearchStrategy[Money]:
    """Strictly positive amounts up to ``max_value`` (default 10 MNOK): a cost, a ladder step."""
    return money(Money(ore=100 if whole_kroner else 1), max_value, whole_kroner=whole_kroner)


def kroner_amounts(min_kroner: int = 0, max_kroner: int = 10_000_000) -> st.SearchStrategy[Money]:
    """Whole-kroner :class:`~nedtrapping.money.Money` in ``[min_kroner, max_kroner]`` kroner."""
    return st.integers(min_value=min_kroner, max_value=max_kroner).map(Money.kroner)


# --------------------------------------------------------------------------- shares and percentages


def shares(max_denominator: int = 1000) -> st.SearchStrategy[Fraction]:
    """Exact shares in ``[0, 1]`` as :class:`~fractions.Fraction` (denominators up to ``max_denominator``)."""
    return st.fractions(min_value=0, max_value=1, max_denominator=max_denominator)


def position_percentages(
    *,
    max_decimals: int | None = 2,
    min_value: Fraction | int = 0,
    max_value: Fraction | int = 100,
) -> st.SearchStrategy[Fraction]:
    """Position percentages: exact :class:`~fractions.Fraction` in ``(min_value, max_value]`` ⊆ (0, 100].

    With ``max_decimals=2`` (the default) the percentage has at most two decimals
    (``12.5``, ``33.33``), as a payroll system writes it. With ``max_decimals=None``
    any fraction is possible (``100/3``). 100 and the smallest step above
    ``min_value`` are drawn often.
    """
    lo, hi = Fraction(min_value), Fraction(max_value)
    if not (0 <= lo < hi <= 100):
        raise InvalidValueError(Notice("model.strategies.percent_range", {"min": str(lo), "max": str(hi)}),
                                field="min_value", value=lo)
    if max_decimals is None:
        return st.fractions(min_value=lo, max_value=hi, max_denominator=10_000).filter(lambda p: p > lo)
    scale = 10**max_decimals
    lo_units = int(lo * scale) + 1  # strictly above lo (lo*scale may be fractional: int() floors for >= 0)
    hi_units = int(hi * scale)
    if lo_units > hi_units:
        raise InvalidValueError(Notice("model.strategies.no_percentage", {"decimals": max_decimals}),
                                field="max_decimals", value=max_decimals)
    units = st.one_of(
        st.sampled_from(sorted({lo_units, hi_units})),
        st.integers(min_value=lo_units, max_value=hi_units),
    )
    return units.map(lambda u: Fraction(u, scale))


def percent_inputs(percentages: st.SearchStrategy[Fraction] | None = None) -> st.SearchStrategy[Any]:
    """The same percentage in the forms a user may pass it: Fraction, int, Decimal, or a string with ``.`` or ``,``.

    Only exactly representable forms are drawn (a Decimal or string only for a finite decimal).
    """
    base = percentages if percentages is not None else position_percentages()

    def forms(p: Fraction) -> st.SearchStrategy[Any]:
        options: list[Any] = [p]
        if p.denominator == 1:
            options.append(int(p))
        d = p.denominator
        while d % 2 == 0:
            d //= 2
        while d % 5 == 0:
            d //= 5
        if d == 1:  # a finite decimal
            dec = Decimal(p.numerator) / Decimal(p.denominator)
            options.extend([dec, str(dec), str(dec).replace(".", ",")])
        return st.sampled_from(options)

    return base.flatmap(forms)


# --------------------------------------------------------------------------- years


def first_grant_years(min_year: int = 2014, max_year: int = 2024) -> st.SearchStrategy[int]:
    """The year a position was first funded. The default range covers positions that
    have used up their four years (≤ 2018), those in the ladder in 2022 (2019–2021) and
    new ones that are not eligible (≥ 2022)."""
    return st.integers(min_value=min_year, max_value=max_year)


def budget_years(min_year: int = 2021, max_year: int = 2027) -> st.SearchStrategy[int]:
    """Budget years: by default the last legacy year (2021), the transition (2022–2024) and after."""
    return st.integers(min_value=min_year, max_value=max_year)


def years_in_scheme(max_year: int = 4) -> st.SearchStrategy[int]:
    """A position's year in the scheme, 1 to ``max_year`` (the ladder has four steps)."""
    return st.integers(min_value=1, max_value=max_year)


# --------------------------------------------------------------------------- instants


def _last_sunday(year: int, month: int) -> _dt.date:
    day = _dt.date(year, month + 1, 1) - _dt.timedelta(days=1)
    return day - _dt.timedelta(days=(day.weekday() - 6) % 7)


def oslo_dst_switches(min_year: int = 2020, max_year: int = 2026) -> list[_dt.datetime]:
    """The EU DST switches (last Sunday of March and October, 01:00 UTC) as aware UTC datetimes."""
    out = []
    for year in range(min_year, max_year + 1):
        for month in (3, 10):
            day = _last_sunday(year, month)
            out.append(_dt.datetime(day.year, day.month, day.day, 1, 0, tzinfo=_dt.UTC))
    return out


def oslo_year_ends(min_year: int = 2020, max_year: int = 2026) -> list[_dt.datetime]:
    """Midnight at each new year in Oslo (``YYYY-01-01T00:00+01:00``) as aware datetimes."""
    oslo = ZoneInfo(OSLO)
    return [_dt.datetime(y, 1, 1, tzinfo=oslo) for y in range(min_year + 1, max_year + 2)]


def _plain_utc(moment: _dt.datetime) -> _dt.datetime:
    """The same instant as a plain :class:`datetime.datetime` in UTC (not a pendulum subclass)."""
    u = moment.astimezone(_dt.UTC)
    return _dt.datetime(u.year, u.month, u.day, u.hour, u.minute, u.second, u.microsecond, tzinfo=_dt.UTC)


def deadline_instants() -> list[_dt.datetime]:
    """The instants of every exact deadline in the registered rule sets (as aware datetimes)."""
    from nedtrapping.registry import all_rule_sets

    out = []
    for rules in all_rule_sets():
        for d in rules.deadlines:
            if d.day is not None:
                out.append(_plain_utc(d.instant()))
    return out


def _offsets(window: _dt.timedelta) -> st.SearchStrategy[_dt.timedelta]:
    micro = int(window / _dt.timedelta(microseconds=1))
    near = [_dt.timedelta(0), _dt.timedelta(microseconds=1), -_dt.timedelta(microseconds=1),
            _dt.timedelta(seconds=1), -_dt.timedelta(seconds=1), _dt.timedelta(minutes=1),
            -_dt.timedelta(minutes=1), _dt.timedelta(hours=1), -_dt.timedelta(hours=1)]
    return st.one_of(
        st.sampled_from([o for o in near if abs(o) <= window]),
        st.integers(min_value=-micro, max_value=micro).map(lambda us: _dt.timedelta(microseconds=us)),
        st.integers(min_value=-int(window.total_seconds()), max_value=int(window.total_seconds())).map(
            lambda s: _dt.timedelta(seconds=s)
        ),
    )


def _in_zone(instant: _dt.datetime, zones: Sequence[str], as_pendulum: bool | None) -> st.SearchStrategy[Any]:
    def shown(args: tuple[str, bool]) -> Any:
        zone, use_pendulum = args
        if use_pendulum:
            import pendulum

            return pendulum.instance(instant).in_timezone(zone)
        return instant.astimezone(ZoneInfo(zone))

    kinds = st.booleans() if as_pendulum is None else st.just(as_pendulum)
    return st.tuples(st.sampled_from(list(zones)), kinds).map(shown)


def aware_datetimes_around(
    anchors: Iterable[_dt.datetime] | st.SearchStrategy[_dt.datetime],
    *,
    window: _dt.timedelta = _dt.timedelta(days=2),
    zones: Sequence[str] = _ZONES,
    as_pendulum: bool | None = None,
) -> st.SearchStrategy[_dt.datetime]:
    """Aware datetimes within ``window`` of one of ``anchors`` (aware datetimes), shown in one of ``zones``.

    Offsets of 0, ±1 µs, ±1 s, ±1 min and ±1 h are drawn often, so "exactly at the
    deadline" and "one second late" are always tried. The result is a
    :class:`datetime.datetime` with a :class:`zoneinfo.ZoneInfo`, or a pendulum
    ``DateTime`` (``as_pendulum=None`` draws both).
    """
    anchor_st = anchors if isinstance(anchors, st.SearchStrategy) else st.sampled_from(list(anchors))
    return st.tuples(anchor_st, _offsets(window)).map(
        lambda ao: _plain_utc(ao[0]) + ao[1]  # absolute time, not wall-clock arithmetic
    ).flatmap(
        lambda instant: _in_zone(instant, zones, as_pendulum)
    )


def aware_datetimes(
    *,
    window: _dt.timedelta = _dt.timedelta(days=2),
    zones: Sequence[str] = _ZONES,
    as_pendulum: bool | None = None,
) -> st.SearchStrategy[_dt.datetime]:
    """Aware datetimes near the instants that matter: every registered deadline, the Oslo
    DST switches 2020–2026 and the Oslo year ends 2020–2026, or anywhere in 2020–2026."""
    anchors = deadline_instants() + oslo_dst_switches() + oslo_year_ends()
    anywhere = st.datetimes(
        min_value=_dt.datetime(2020, 1, 1), max_value=_dt.datetime(2026, 12, 31, 23, 59, 59),
        timezones=st.just(ZoneInfo(OSLO)), allow_imaginary=False,
    ).flatmap(lambda d: _in_zone(d, zones, as_pendulum))
    return st.one_of(aware_datetimes_around(anchors, window=window, zones=zones, as_pendulum=as_pendulum), anywhere)


def naive_datetimes() -> st.SearchStrategy[_dt.datetime]:
    """Naive datetimes (no time zone) in 2020–2026: what a deadline check must refuse."""
    return st.datetimes(min_value=_dt.datetime(2020, 1, 1), max_value=_dt.datetime(2026, 12, 31))


# --------------------------------------------------------------------------- provenance

_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs", "P")),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() != "")


def citations() -> st.SearchStrategy[Citation]:
    """:class:`~nedtrapping.provenance.Citation` values: a document name (Norwegian letters
    included), and optionally a section, an https URL, a publication date and a tag.
    Also draws the library's own sources."""
    from nedtrapping import sources

    made = st.builds(
        Citation,
        document=_TEXT,
        section=st.none() | _TEXT,
        url=st.none() | st.from_regex(r"\Ahttps://[a-z]{1,12}\.no/[a-z0-9\-/]{0,30}\Z"),
        published=st.none() | st.dates(min_value=_dt.date(2015, 1, 1), max_value=_dt.date(2026, 12, 31)),
        tag=st.none() | st.from_regex(r"\A[A-Z]{2,5}-[0-9]{2}\Z"),
    )
    return st.one_of(st.sampled_from(sources.ALL_SOURCES), made)


def statuses() -> st.SearchStrategy[Status]:
    """Any :class:`~nedtrapping.provenance.Status`, UNKNOWN included."""
    return st.sampled_from(list(Status))


def known_statuses() -> st.SearchStrategy[Status]:
    """Every status except UNKNOWN: a fact with one of these has a value."""
    return st.sampled_from([s for s in Status if s is not Status.UNKNOWN])


def facts(
    values: st.SearchStrategy[Any] | None = None,
    *,
    status: Status | st.SearchStrategy[Status] | None = None,
) -> st.SearchStrategy[Fact[Any]]:
    """:class:`~nedtrapping.provenance.Fact` values of every status.

    ``values`` draws the value of a known fact (default: whole-kroner :class:`~nedtrapping.money.Money`);
    an UNKNOWN fact is built with :meth:`Fact.unknown() <nedtrapping.provenance.Fact.unknown>` and has no value. ``status``
    fixes the status (or gives a strategy for it).
    """
    value_st = values if values is not None else kroner_amounts(1, 1_000_000)
    if status is None:
        status_st = statuses()
    elif isinstance(status, Status):
        status_st = st.just(status)
    else:
        status_st = status

    def build(s: Status) -> st.SearchStrategy[Fact[Any]]:
        note = st.none() | _TEXT
        if s is Status.UNKNOWN:
            return st.builds(Fact.unknown, citations(), note=note, how_to_supply=st.none() | _TEXT)
        return st.builds(Fact, value_st, st.just(s), citations(), note=note)

    return status_st.flatmap(build)


def unknown_facts() -> st.SearchStrategy[Fact[Any]]:
    """Facts with status UNKNOWN (value ``None``)."""
    return facts(status=Status.UNKNOWN)


# --------------------------------------------------------------------------- kommunalt rusarbeid


class LadderStepSupply(NamedTuple):
    """What a user supplies for a legacy ladder step: the step, the amount per 100 % position, the source."""

    step: int
    amount: Money
    source: Citation | str


def ladder_step_supplies(
    steps: Sequence[int] = (1, 3, 4),
    *,
    amounts: st.SearchStrategy[Money] | None = None,
) -> st.SearchStrategy[LadderStepSupply]:
    """A :class:`LadderStepSupply` for one of ``steps`` (default 1, 3, 4: the unknown steps 3 and 4 and the inferred step 1):
    a positive whole-kroner amount up to 1 000 000 (or ``amounts``) and a source, given as a
    :class:`~nedtrapping.provenance.Citation` or as the name of a grant letter."""
    amount_st = amounts if amounts is not None else kroner_amounts(1, 1_000_000)
    letter = st.builds(
        lambda year, kommune: f"Tilsagnsbrev {year}, {kommune} kommune",
        st.integers(min_value=2017, max_value=2022),
        st.sampled_from(["Øksnes", "Tromsø", "Vadsø", "Bærum", "Ålesund", "Kautokeino"]),
    )
    return st.builds(LadderStepSupply, st.sampled_from(list(steps)), amount_st, st.one_of(letter, citations()))


def kommunalt_rusarbeid_years() -> st.SearchStrategy[int]:
    """The years with a registered kommunalt-rusarbeid rule set (2021–2024)."""
    from nedtrapping.registry import years_of
    from nedtrapping.schemes.kommunalt_rusarbeid import SCHEME_ID

    return st.sampled_from(years_of(SCHEME_ID))


def kommunalt_rusarbeid_rules(
    years: Sequence[int] | None = None,
    *,
    supplies: st.SearchStrategy[list[LadderStepSupply]] | None = None,
) -> st.SearchStrategy[Any]:
    """Kommunalt-rusarbeid rule sets for ``years`` (default: every registered year), with a
    random set of ladder steps supplied (:meth:`~nedtrapping.schemes.kommunalt_rusarbeid.KommunaltRusarbeidRules.with_ladder_step`) where the year uses the
    legacy ladder (2021, 2022). Flat years (2023, 2024) are drawn as registered.

    ``supplies`` gives the list of supplies to apply (default: 0–3 distinct steps of 1, 3, 4).
    """
    from nedtrapping.schemes.kommunalt_rusarbeid import rules_for

    year_st = st.sampled_from(list(years)) if years is not None else kommunalt_rusarbeid_years()
    supply_st = supplies if supplies is not None else st.lists(
        ladder_step_supplies(), max_size=3, unique_by=lambda s: s.step
    )

    def build(year: int, chosen: list[LadderStepSupply]) -> Any:
        rules = rules_for(year)
        if rules.ladder is None:
            return rules
        for supply in chosen:
            rules = rules.with_ladder_step(supply.step, supply.amount, supply.source)
        return rules

    return st.builds(build, year_st, supply_st)


# --------------------------------------------------------------------------- positions and costs (plan)


def growth_percentages(
    min_value: Fraction | int = -5, max_value: Fraction | int = 10, *, max_decimals: int = 2
) -> st.SearchStrategy[Fraction]:
    """An annual cost growth (lønnsvekst) in percent: an exact Fraction with at most
    ``max_decimals`` decimals in ``[min_value, max_value]`` (default −5 % to 10 %; 0 is drawn often)."""
    scale = 10**max_decimals
    lo, hi = Fraction(min_value) * scale, Fraction(max_value) * scale
    lo_units = -((-lo.numerator) // lo.denominator)  # ceil
    hi_units = hi.numerator // hi.denominator  # floor
    units = st.integers(min_value=lo_units, max_value=hi_units)
    if lo_units <= 0 <= hi_units:
        units = st.one_of(st.just(0), units)
    return units.map(lambda u: Fraction(u, scale))


def fixed_costs(min_value: Money = Money.kroner(1), max_value: Money = Money.kroner(2_000_000)) -> st.SearchStrategy[Any]:
    """:class:`~nedtrapping.cofinancing.FixedCost`: the same full annual cost every year
    (whole kroner, 1 kr to 2 MNOK by default)."""
    from nedtrapping.cofinancing import FixedCost

    return money(min_value, max_value, whole_kroner=True).map(FixedCost)


def growing_costs(
    min_value: Money = Money.kroner(1),
    max_value: Money = Money.kroner(2_000_000),
    *,
    base_years: st.SearchStrategy[int] | None = None,
    growth: st.SearchStrategy[Fraction] | None = None,
) -> st.SearchStrategy[Any]:
    """:class:`~nedtrapping.cofinancing.GrowingCost`: a base cost (whole kroner) in a base
    year (2021–2023 by default) growing by an exact percentage a year (:func:`growth_percentages`)."""
    from nedtrapping.cofinancing import GrowingCost

    return st.builds(
        GrowingCost,
        money(min_value, max_value, whole_kroner=True),
        base_years if base_years is not None else st.integers(min_value=2021, max_value=2023),
        growth if growth is not None else growth_percentages(),
    )


def costs(min_value: Money = Money.kroner(1), max_value: Money = Money.kroner(2_000_000)) -> st.SearchStrategy[Any]:
    """A fixed or a growing cost (see :func:`fixed_costs`, :func:`growing_costs`)."""
    return st.one_of(fixed_costs(min_value, max_value), growing_costs(min_value, max_value))


# --------------------------------------------------------------------------- salary-based costs


def salaries(min_kroner: int = 1, max_kroner: int = 3_000_000) -> st.SearchStrategy[Money]:
    """Annual salaries at 100 % (årslønn), whole kroner; the thresholds that matter are drawn often:
    6 G of 2021–2025 and the extra contribution's 750 000 / 850 000 kr (and the kroner either side)."""
    edges = [k + d for k in (638_394, 668_862, 711_720, 744_168, 780_960, 750_000, 850_000) for d in (-1, 0, 1)]
    edges = [k for k in edges if min_kroner <= k <= max_kroner]
    whole = st.integers(min_value=min_kroner, max_value=max_kroner)
    return (st.one_of(st.sampled_from(edges), whole) if edges else whole).map(Money.kroner)


def zones() -> st.SearchStrategy[Any]:
    """An employer's-contribution zone (:class:`~nedtrapping.costs.lonnskostnader.Zone`)."""
    from nedtrapping.costs.lonnskostnader import Zone

    return st.sampled_from(list(Zone))


def zones_with_rate() -> st.SearchStrategy[tuple[Any, Any]]:
    """``(zone, zone_1a_rate)``: the rate choice (reduced or full) exactly when the zone is 1a."""
    from nedtrapping.costs.lonnskostnader import Zone, Zone1aRate

    return zones().flatmap(lambda z: st.tuples(st.just(z), st.sampled_from(list(Zone1aRate)))
                           if z is Zone.ONE_A else st.just((z, None)))


def pension_percentages(max_value: Fraction | int = 30, *, max_decimals: int = 2) -> st.SearchStrategy[Fraction]:
    """A pension premium in percent of the salary, exact, in ``[0, max_value]`` (0 is a stated rate, not a default)."""
    scale = 10**max_decimals
    return st.integers(min_value=0, max_value=int(Fraction(max_value) * scale)).map(lambda u: Fraction(u, scale))


def holiday_pay_rules() -> st.SearchStrategy[Any]:
    """A holiday-pay rule (:class:`~nedtrapping.costs.lonnskostnader.HolidayPay`)."""
    from nedtrapping.costs.lonnskostnader import HolidayPay

    return st.sampled_from(list(HolidayPay))


def birth_years(min_year: int = 1950, max_year: int = 2005) -> st.SearchStrategy[int | None]:
    """A birth year or ``None`` (not given); the years that turn 59 and 60 in 2021–2025 are drawn often."""
    edge = st.integers(min_value=1961, max_value=1966)
    return st.one_of(st.none(), edge, st.integers(min_value=min_year, max_value=max_year))


def cost_rule_years() -> st.SearchStrategy[int]:
    """The years with cost rules (2021–2025)."""
    from nedtrapping.costs.lonnskostnader import YEARS

    return st.sampled_from(list(YEARS))


def salary_costs(
    *,
    salary: st.SearchStrategy[Money] | None = None,
    percentages: st.SearchStrategy[Fraction] | None = None,
    growth: bool = True,
) -> st.SearchStrategy[Any]:
    """:class:`~nedtrapping.cofinancing.SalaryCost`: a salary, percentage, zone (with the zone-1a rate), pension
    rate, holiday-pay rule (or the default), birth year and, with ``growth=True``, sometimes a growth from 2022."""
    from nedtrapping.cofinancing import SalaryCost

    def build(s: Money, p: Fraction, zone: tuple[Any, Any], pension: Fraction, rule: Any, born: int | None,
              g: Fraction) -> Any:
        return SalaryCost(s, percent=p, zone=zone[0], zone_1a_rate=zone[1], pension_percent=pension,
                          holiday_pay=rule, birth_year=born, growth_percent=g,
                          salary_year=2022 if g else None)

    return st.builds(
        build,
        salary if salary is not None else salaries(),
        percentages if percentages is not None else position_percentages(),
        zones_with_rate(),
        pension_percentages(),
        st.none() | holiday_pay_rules(),
        birth_years(),
        growth_percentages() if growth else st.just(Fraction(0)),
    )


def municipality_names() -> st.SearchStrategy[str]:
    """Municipality names: real ones (with æ, ø, å) and made-up non-empty text."""
    real = st.sampled_from(["Øksnes", "Tromsø", "Vadsø", "Bærum", "Ålesund", "Kautokeino", "Hå", "Aurskog-Høland"])
    return st.one_of(real, _TEXT)


def position_names() -> st.SearchStrategy[str]:
    """Position names: typical ones ("Ruskonsulent 1") and made-up non-empty text."""
    typical = st.builds(
        lambda title, n: f"{title} {n}",
        st.sampled_from(["Ruskonsulent", "Erfaringskonsulent", "Miljøterapeut", "Boveileder"]),
        st.integers(min_value=1, max_value=20),
    )
    return st.one_of(typical, _TEXT)


def positions(
    *,
    municipality: str | st.SearchStrategy[str] | None = None,
    name: str | st.SearchStrategy[str] | None = None,
    percentages: st.SearchStrategy[Fraction] | None = None,
    first_years: st.SearchStrategy[int] | None = None,
    cost: st.SearchStrategy[Any] | None = None,
    percent_changes: bool = True,
    granted: bool = False,
) -> st.SearchStrategy[Any]:
    """:class:`~nedtrapping.plan.Position` values.

    Draws a municipality and position name, a percentage (:func:`position_percentages`),
    a first grant year (2016–2023 by default: used-up, laddered and new positions), a
    cost (:func:`costs`), with ``percent_changes=True`` sometimes a new percentage from
    a year in 2023–2025, and with ``granted=True`` sometimes amounts granted in
    2021–2024 (as from a grant letter, whole kroner up to 600 000).
    """
    from nedtrapping.plan import Position

    def pick(value: str | st.SearchStrategy[str] | None, default: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        if value is None:
            return default
        return value if isinstance(value, st.SearchStrategy) else st.just(value)

    pct = percentages if percentages is not None else position_percentages()
    changes = (
        st.dictionaries(st.integers(min_value=2023, max_value=2025), pct, max_size=2)
        if percent_changes else st.just({})
    )
    grants = (
        st.dictionaries(st.integers(min_value=2021, max_value=2024), kroner_amounts(0, 600_000), max_size=4)
        if granted else st.just({})
    )
    return st.builds(
        Position,
        municipality=pick(municipality, municipality_names()),
        position=pick(name, position_names()),
        percent=pct,
        first_grant_year=first_years if first_years is not None else first_grant_years(2016, 2023),
        cost=cost if cost is not None else costs(),
        percent_changes=changes,
        granted=grants,
    )


def position_lists(
    *, min_size: int = 1, max_size: int = 6, municipality: str | None = None, **kwargs: Any
) -> st.SearchStrategy[list[Any]]:
    """Lists of :class:`~nedtrapping.plan.Position` with distinct (municipality, position)
    keys, as :func:`~nedtrapping.plan.plan_municipality` requires. ``municipality`` puts
    them all in one municipality; other keyword arguments go to :func:`positions`."""
    return st.lists(
        positions(municipality=municipality, **kwargs),
        min_size=min_size,
        max_size=max_size,
        unique_by=lambda p: p.key,
    )
