"""The columnar engine is the one-position API, to the øre: grants, costs, own financing, increases.

A property test over random batches (rounding ties included) compares, for every position
and year, the engine (pure Python and numpy), the scalar calculators
(:func:`~nedtrapping.schemes.kommunalt_rusarbeid.compute_grant` with its explanation, the
cost models) and :func:`~nedtrapping.plan.plan_municipality`.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nedtrapping import engine
from nedtrapping.cofinancing import FixedCost, GrowingCost
from nedtrapping.grant import grant
from nedtrapping.money import FloatRefusedError, Money
from nedtrapping.plan import Position, plan_municipality
from nedtrapping.provenance import UnknownValueError
from nedtrapping.rounding import round_half_up_to_kroner
from nedtrapping.schemes import kommunalt_rusarbeid as rusarbeid
from nedtrapping.schemes import nav_sosiale_tjenester as nav

K = Money.kroner
BACKENDS = ["python", pytest.param("numpy", marks=pytest.mark.skipif(not engine.numpy_available(),
                                                                     reason="numpy not installed"))]
YEARS = [2021, 2022, 2023, 2024, 2025]

# percentages whose pro-rata grant is exactly half a krone: 330 000 × p %, 550 000 × p %, 660 000 × p %
TIES = [Fraction(2 * n + 1, 6600) for n in (0, 7, 3299)] + [Fraction(2 * n + 1, 11000) for n in (0, 12, 5499)] \
    + [Fraction(2 * n + 1, 13200) for n in (0, 99)] + [Fraction(50), Fraction(100), Fraction(333, 10), Fraction(100, 3)]


def percents() -> st.SearchStrategy[Fraction]:
    return st.one_of(st.sampled_from(TIES), st.fractions(min_value=Fraction(1, 2_000), max_value=100,
                                                         max_denominator=2_000))


def costs() -> st.SearchStrategy[Any]:
    ore = st.one_of(st.integers(0, 200_000_000), st.integers(0, 2_000_000).map(lambda k: k * 100 + 50))
    growth = st.one_of(st.sampled_from([Fraction(0), Fraction(7, 2), Fraction(27, 10), Fraction(-5), Fraction(1, 3)]),
                       st.fractions(min_value=-20, max_value=20, max_denominator=100))
    return st.one_of(ore.map(lambda o: FixedCost(Money(o))),
                     st.builds(lambda o, y, g: GrowingCost(Money(o), y, g), ore, st.integers(2019, 2026), growth))


@st.composite
def batches(draw: st.DrawFn) -> list[Position]:
    n = draw(st.integers(1, 12))
    munis = draw(st.lists(st.sampled_from(["A", "B", "C"]), min_size=n, max_size=n))
    stated = {m: draw(st.sampled_from([None, True, False])) for m in set(munis)}
    positions = []
    for i, m in enumerate(munis):
        granted = draw(st.dictionaries(st.sampled_from(YEARS), st.integers(0, 80_000_000).map(Money), max_size=2))
        changes = draw(st.dictionaries(st.sampled_from([2019, 2023, 2024]), percents(), max_size=1))
        says = stated[m] if draw(st.booleans()) else None
        positions.append(Position(municipality=m, position=f"p{i}", percent=draw(percents()),
                                  first_grant_year=draw(st.integers(2014, 2025)), cost=draw(costs()),
                                  percent_changes=changes, granted=granted, options={"received_grant_in_2021": says}))
    return positions


def _columns(positions: list[Position]) -> dict[str, Any]:
    growing = [p.cost if isinstance(p.cost, GrowingCost) else None for p in positions]
    return dict(
        percent=[p.percent for p in positions],
        first_grant_year=[p.first_grant_year for p in positions],
        cost=[(g.base if g else p.cost.annual).ore for p, g in zip(positions, growing)],  # type: ignore[attr-defined]
        cost_year=[g.base_year if g else 2022 for g in growing],
        growth=[g.growth_percent if g else None for g in growing],
        municipality=[p.municipality for p in positions],
        options={"received_grant_in_2021": [p.options.get("received_grant_in_2021") for p in positions]},
        granted={y: [p.granted[y].ore if y in p.granted else None for p in positions] for y in YEARS},
        percent_changes={y: [p.percent_changes.get(y) for p in positions] for y in (2019, 2023, 2024)},
    )


def _scalar(p: Position, year: int, municipality_years: tuple[int, ...], stated: bool | None) -> tuple[Any, ...]:
    """grant used, grant by the rule, cost — each in øre (``None`` unknown) — from the one-position API."""
    percent = p.percent_in(year)
    try:
        rule = rusarbeid.compute_grant(year, first_grant_year=p.first_grant_year, percent=percent,
                                       received_grant_in_2021=stated,
                                       municipality_first_grant_years=municipality_years).amount.ore
    except UnknownValueError:
        rule = None
    used = p.granted[year].ore if year in p.granted else rule
    cost = round_half_up_to_kroner(p.cost.exact_in(year) * (percent / p.percent)).ore
    return used, rule, cost


@given(positions=batches())
def test_engine_scalar_api_and_plan_agree_to_the_ore(positions: list[Position]) -> None:
    backends = ["python", "numpy"] if engine.numpy_available() else ["python"]
    try:
        plan = plan_municipality(positions, years=YEARS)
    except ValueError as exc:
        assert "disagree" in str(exc)
        for backend in backends:
            with pytest.raises(ValueError, match="disagree"):
                engine.plan_columns(years=YEARS, backend=backend, **_columns(positions))
        return
    results = [engine.plan_columns(years=YEARS, backend=backend, **_columns(positions)) for backend in backends]
    muni_years = {m: tuple(p.first_grant_year for p in positions if p.municipality == m) for m in "ABC"}
    stated = {p.municipality: p.options["received_grant_in_2021"] for p in positions
              if "received_grant_in_2021" in p.options}
    for i, p in enumerate(positions):
        previous: int | None = None
        for year_index, year in enumerate(YEARS):
            used, rule, cost = _scalar(p, year, muni_years[p.municipality], stated.get(p.municipality))
            own = None if used is None else cost - used
            increase = None if year_index == 0 or own is None or previous is None else own - previous
            for result in results:
                got = (result.grant[year][i], result.rule_grant[year][i], result.cost[year][i],
                       result.own_financing[year][i], result.own_financing_increase[year][i])
                assert got == (used, rule, cost, own, increase), (p, year, result.batch.backend)
            row = plan.row(p.position, year, p.municipality)
            as_ore = [None if m is None else m.ore for m in (row.grant, row.cost, row.own_financing,
                                                              row.own_financing_increase)]
            assert as_ore == [used, cost, own, increase]
            previous = own
    for year in YEARS:
        total = plan.totals[year]
        for result in results:
            assert result.grant[year].total() == (None if total.grant is None else total.grant.ore)
            assert result.own_financing[year].total() == (None if total.own_financing is None
                                                          else total.own_financing.ore)
            assert result.cost[year].total() == total.cost.ore


@pytest.mark.parametrize("backend", BACKENDS)
@given(percent=percents(), first=st.integers(2016, 2024))
def test_nav_grants_are_the_rounded_down_cap_as_the_scheme_computes_them(backend: str, percent: Fraction,
                                                                         first: int) -> None:
    result = engine.plan_columns(percent=[percent], first_grant_year=[first], cost=[K(700_000).ore],
                                 scheme="nav-sosiale-tjenester", years=[2022, 2023], backend=backend)
    query = nav.GrantQuery(year=2022, first_grant_year=first, percent=percent)  # type: ignore[attr-defined]
    assert result.grant[2022][0] == grant(nav.SCHEME, query).amount.ore
    assert result.grant[2023][0] is None  # no rule set for 2023: unknown, never 0


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_unknown_figure_stays_unknown_in_every_column_and_total(backend: str) -> None:
    result = engine.plan_columns(percent=[100, 100], first_grant_year=[2020, 2021], cost=[70_000_000] * 2,
                                 backend=backend)
    assert result.grant[2022].to_list() == [None, 55_000_000]
    assert result.own_financing[2022].to_list() == [None, 15_000_000]
    assert result.own_financing_increase[2023].to_list() == [None, 22_000_000]
    assert result.grant[2022].total() is None and result.own_financing[2022].total() is None
    assert result.cost[2022].total() == 140_000_000
    assert not result.grant[2022].is_complete
    (error,) = result.unknown_errors
    assert error.path == "ladder.step_3"
    cell = result.cell(2022, 0)
    assert cell.error is error and cell.rate is None
    if engine.numpy_available():
        with pytest.raises(UnknownValueError, match="Trinn 3 i årsstigen"):
            result.grant[2022].to_numpy()
        masked = result.grant[2022].to_numpy(unknown="mask")
        assert masked.mask.tolist() == [True, False]


@pytest.mark.parametrize("backend", BACKENDS)
def test_floats_are_refused(backend: str) -> None:
    with pytest.raises(FloatRefusedError):
        engine.batch(percent=[50.0], first_grant_year=[2021], cost=[1], backend=backend)
    with pytest.raises(FloatRefusedError):
        engine.batch(percent=[50], first_grant_year=[2021], cost=[1.5], backend=backend)
    with pytest.raises(FloatRefusedError):
        engine.batch(percent=[50], first_grant_year=[2021], cost=[1], growth=[3.5], backend=backend)
    if engine.numpy_available():
        import numpy as np

        with pytest.raises(FloatRefusedError):
            engine.batch(percent=engine.Scaled(np.array([50.0]), 1), first_grant_year=[2021], cost=[1],
                         backend=backend)
        with pytest.raises(FloatRefusedError):
            engine.batch(percent=[50], first_grant_year=[2021], cost=np.array([1.0]), backend=backend)


@pytest.mark.parametrize("backend", BACKENDS)
def test_bad_columns_are_named(backend: str) -> None:
    with pytest.raises(ValueError, match=r"felt «percent\[1\]»: forventet en stillingsprosent over 0 og høyst 100") as info:
        engine.batch(percent=[50, 101], first_grant_year=[2021, 2021], cost=[1, 1], backend=backend)
    assert info.value.field == "percent[1]" and "above 0 and at most 100" in info.value.text("en")  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match=r"felt «cost»: kolonnen har 1 verdi\(er\), men de andre kolonnene har 2") as info:
        engine.batch(percent=[50, 50], first_grant_year=[2021, 2021], cost=[1], backend=backend)
    assert info.value.text("en") == "field 'cost': 1 values, but the other columns have 2"  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match=r"felt «cost\[0\]»: forventet minst 0"):
        engine.batch(percent=[50], first_grant_year=[2021], cost=[-1], backend=backend)
    with pytest.raises(ValueError, match="received_grant_in_2021 betyr ingenting"):
        engine.batch(percent=[50], first_grant_year=[2021], cost=[1], options={"received_grant_in_2021": [True]},
                     scheme="nav-sosiale-tjenester", backend=backend)


@pytest.mark.parametrize("backend", BACKENDS)
def test_huge_amounts_are_exact_past_63_bits(backend: str) -> None:
    big = 10**20  # øre: beyond int64 once multiplied by a growth factor
    result = engine.plan_columns(percent=[Fraction(100, 3)], first_grant_year=[2021], cost=[big], cost_year=[2020],
                                 growth=[Fraction(1, 7)], backend=backend, years=[2022])
    expected = round_half_up_to_kroner(GrowingCost(Money(big), 2020, Fraction(1, 7)).exact_in(2022) * 1).ore
    assert result.cost[2022][0] == expected
    assert result.own_financing[2022][0] == expected - 18_333_300


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_sweep_over_derived_rule_sets_matches_the_plan_under_each(backend: str) -> None:
    positions = [Position(municipality="K", position=f"p{i}", percent=20 + 7 * i, first_grant_year=2019 + i % 3,
                          cost=GrowingCost(K(650_000 + 1000 * i), 2022, "3,5")) for i in range(12)]
    prepared = engine.batch(backend=backend, **_columns(positions))
    base22, base23 = rusarbeid.rules_for(2022), rusarbeid.rules_for(2023)
    for step_3, flat in [(400_000, 330_000), (450_000, 300_000), (480_000, 250_000)]:
        flat_fact = attrs.evolve(base23.flat_amount, value=K(flat))  # type: ignore[arg-type]
        rules = {2022: base22.with_ladder_step(3, K(step_3), "Tilsagnsbrev 2022, K"),
                 2023: base23.evolve(flat_amount=flat_fact)}
        result = prepared.plan(years=[2022, 2023, 2024], rules=rules)
        plan = plan_municipality(positions, years=[2022, 2023, 2024], rules=rules)
        for year in (2022, 2023, 2024):
            assert result.grant[year].to_list() == [None if r.grant is None else r.grant.ore
                                                    for r in plan.rows if r.year == year]
        assert result.grant[2023][2] == round_half_up_to_kroner(K(flat) * Fraction(34, 100)).ore  # first funded 2021


def test_scaled_columns_are_exact_numbers_over_a_scale() -> None:
    python = engine.plan_columns(percent=engine.Scaled([10_000, 3_333], 100), first_grant_year=[2021, 2021],
                                 cost=[K(780_000).ore, K(260_000).ore], growth=engine.Scaled([35, 27], 10),
                                 backend="python")
    same = engine.plan_columns(percent=[100, "33,33"], first_grant_year=[2021, 2021],
                               cost=[K(780_000), K(260_000)], growth=["3,5", "2,7"], backend="python")
    assert python.grant[2023].to_list() == same.grant[2023].to_list() == [33_000_000, 10_998_900]
    assert python.cost[2025].to_list() == same.cost[2025].to_list()
    if engine.numpy_available():
        import numpy as np

        fast = engine.plan_columns(percent=engine.Scaled(np.array([10_000, 3_333]), 100),
                                   first_grant_year=np.array([2021, 2021]),
                                   cost=np.array([K(780_000).ore, K(260_000).ore]),
                                   growth=engine.Scaled(np.array([35, 27]), 10), municipality=np.array([0, 0]),
                                   backend="numpy")
        assert fast.cost[2025].to_list() == same.cost[2025].to_list()
        assert fast.grant[2023].to_numpy().tolist() == [33_000_000, 10_998_900]


def test_a_cell_is_asked_for_its_rate_once_whatever_the_percentages() -> None:
    asked: list[Any] = []

    class Counting:
        """kommunalt rusarbeid, counting the rates asked for."""

        def __getattr__(self, name: str) -> Any:
            return getattr(rusarbeid.SCHEME, name)

        def rate(self, query: Any, rules: Any = None) -> Any:
            asked.append(query)
            return rusarbeid.SCHEME.rate(query, rules)

    columns = dict(percent=[100, 50, 50, "33,3"], first_grant_year=[2021, 2021, 2021, 2020], cost=[1] * 4)
    for backend in ("python", "numpy") if engine.numpy_available() else ("python",):
        asked.clear()
        counted = engine.plan_columns(scheme=Counting(), backend=backend, years=[2022], **columns)  # type: ignore[arg-type]
        plain = engine.plan_columns(backend=backend, years=[2022], **columns)
        assert counted.grant[2022].to_list() == plain.grant[2022].to_list() == [55_000_000, 27_500_000,
                                                                                27_500_000, None]
        assert len(counted.cells[2022]) == len(asked) == 2  # first funded 2021, and 2020: not per percentage


def test_amount_columns_read_like_sequences() -> None:
    result = engine.plan_columns(percent=[100, 50], first_grant_year=[2021, 2020], cost=[1, 2], backend="python")
    column = result.grant[2022]
    assert len(column) == 2 and column[0] == 55_000_000 and column[1] is None and column[-1] is None
    assert list(column) == [55_000_000, None] and column == [55_000_000, None]
    assert column.money(0) == K(550_000) and column.money(1) is None
    assert "AmountColumn" in repr(column)
    assert result.totals()[2023]["grant"] == 33_000_000 + 16_500_000


@given(positions=batches())
def test_the_csv_written_from_the_figures_is_the_csv_of_the_rows(positions: list[Position]) -> None:
    import csv
    import io

    from nedtrapping.render import plan as render_plan

    try:
        plan = plan_municipality(positions, years=YEARS)
    except ValueError:
        return
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(render_plan.CSV_COLUMNS)
    writer.writerows(render_plan.csv_values(r) for r in plan.rows)
    assert render_plan.to_csv(plan) == buf.getvalue()
    # a plan whose rows are given as a tuple (not built by the planner) writes the same
    assert render_plan.to_csv(attrs.evolve(plan, rows=tuple(plan.rows))) == buf.getvalue()


def test_a_cost_built_by_rules_sits_beside_the_engines_columns_in_one_plan() -> None:
    from nedtrapping.cofinancing import SalaryCost, cost_figure

    salary = SalaryCost(K(600_000), percent=50, zone="1", holiday_pay="12", pension_percent="12,5",
                        growth_percent="3,5", salary_year=2022)
    positions = [
        Position(municipality="K", position="fast", percent=100, first_grant_year=2021, cost=FixedCost(K(700_000))),
        Position(municipality="K", position="lønn", percent=50, first_grant_year=2021, cost=salary),
        Position(municipality="K", position="vekst", percent=80, first_grant_year=2021,
                 cost=GrowingCost(K(650_000), 2022, "3,5"), percent_changes={2024: 40}),
    ]
    plan = plan_municipality(positions)
    for p in positions:
        for year in plan.years:
            exact, _ = cost_figure(p.cost, year, p.percent_in(year) / p.percent)
            assert plan.row(p.position, year).cost == round_half_up_to_kroner(exact)
    # rule sets are stamped in the order a row-by-row planner meets them: the first position's grant
    # rules for every year, the base year 2021 first (its figures give the 2022 increase), then the
    # second position's cost rules
    assert plan.base_year == 2021
    assert list(plan.digests) == ["kommunalt-rusarbeid 2021", "kommunalt-rusarbeid 2022", "kommunalt-rusarbeid 2023",
                                  "kommunalt-rusarbeid 2024", "lonnskostnader 2021", "lonnskostnader 2022",
                                  "lonnskostnader 2023", "lonnskostnader 2024", "lonnskostnader 2025"]


@pytest.mark.parametrize("explanations", [True, "cells", False])
def test_the_json_written_row_by_row_is_the_documents_json_and_fits_the_schema(explanations: Any) -> None:
    import json

    from nedtrapping.documents import validate
    from nedtrapping.example import example_positions
    from nedtrapping.render import plan as render_plan

    positions = [*example_positions(), Position(municipality="X", position="ukjent", percent=50, first_grant_year=2019,
                                                cost=FixedCost(K(1)))]
    plan = plan_municipality(positions)
    document = json.loads(render_plan.to_json(plan, explanations=explanations))
    validate(document)
    assert document == json.loads(json.dumps(render_plan.to_dict(plan, explanations=explanations)))
    if explanations == "cells":
        assert all(r["rule"] in document["rules"] for r in document["rows"])
        unknown = [c for c in document["rules"].values() if "unknown" in c]
        assert unknown and all(c["path"] == "ladder.step_4" for c in unknown)
