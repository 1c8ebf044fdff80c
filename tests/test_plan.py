"""The municipality plan: examples from the sources, and the invariants of co-financing."""

from __future__ import annotations

import json
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nedtrapping.cofinancing import FixedCost, GrowingCost
from nedtrapping.money import FloatRefusedError, Money
from nedtrapping.plan import Position, plan_municipality
from nedtrapping.provenance import Status
from nedtrapping.registry import get_rule_set
from nedtrapping.render import plan as render_plan
from nedtrapping.schemes.kommunalt_rusarbeid import rules_for

K = Money.kroner


def _pos(name: str = "Ruskonsulent", *, first: int = 2021, percent: object = 100, cost: object = None, **kw: object) -> Position:
    return Position(
        municipality="Testkommune", position=name, percent=percent, first_grant_year=first,
        cost=cost if cost is not None else FixedCost(K(800_000)), **kw,
    )


# --------------------------------------------------------------------------- examples from the sources

def test_full_position_first_funded_2021_follows_the_published_phase_down() -> None:
    plan = plan_municipality([_pos()])
    grants = {r.year: r.grant for r in plan.rows}
    # 2022: ladder step 2 = 550 000 (VOL-19); 2023/2024: 330 000 (DECK); 2025: none (HDIR-24)
    assert grants == {2022: K(550_000), 2023: K(330_000), 2024: K(330_000), 2025: K(0)}
    own = {r.year: r.own_financing for r in plan.rows}
    assert own == {2022: K(250_000), 2023: K(470_000), 2024: K(470_000), 2025: K(800_000)}
    increases = {r.year: r.own_financing_increase for r in plan.rows}
    # 2022 rises from the base year 2021: ladder step 1 = 660 000 (SAL-17), own financing 140 000
    assert increases == {2022: K(110_000), 2023: K(220_000), 2024: K(0), 2025: K(330_000)}
    assert plan.takeover_year("Ruskonsulent") == 2025
    assert plan.is_complete


def test_position_first_funded_2020_is_unknown_in_2022_until_supplied() -> None:
    plan = plan_municipality([_pos(first=2020)])
    row22 = plan.row("Ruskonsulent", 2022)
    assert row22.grant is None and row22.own_financing is None
    assert not plan.is_complete
    (problem,) = plan.problems
    assert problem.year == 2022 and "Trinn 3 i årsstigen" in str(problem.message)
    # where the value is (bokmål by default): the grant letter of the year
    assert "fra kommunens tilsagnsbrev for 2022" in str(problem.message)
    assert problem.path == "ladder.step_3" and "is unknown" in problem.message.text("en")
    assert plan.row("Ruskonsulent", 2023).grant == K(330_000)  # year 4, flat amount
    assert plan.row("Ruskonsulent", 2024).grant == K(0)  # year 5: out of its four years
    # the unknown propagates to the totals instead of becoming 0
    assert plan.totals[2022].grant is None
    assert plan.totals[2022].own_financing is None
    assert plan.totals[2023].own_financing_increase is None
    assert plan.totals[2023].grant == K(330_000)

    supplied = rules_for(2022).with_ladder_step(3, K(400_000), "Tilsagnsbrev 2022, Testkommune")
    plan2 = plan_municipality([_pos(first=2020, percent=50)], rules={2022: supplied})
    assert plan2.is_complete
    assert plan2.row("Ruskonsulent", 2022).grant == K(200_000)
    assert any("user-supplied" in w and "ladder step 3" in w for w in plan2.warnings)
    assert plan2.digests["kommunalt-rusarbeid 2022"] == supplied.digest != rules_for(2022).digest


def test_grant_letter_amount_is_used_and_compared_with_the_rule() -> None:
    plan = plan_municipality([_pos(granted={2022: K(540_000), 2023: K(330_000)})])
    assert plan.row("Ruskonsulent", 2022).grant == K(540_000)
    assert plan.row("Ruskonsulent", 2022).grant_source == "grant letter"
    (d,) = plan.discrepancies
    assert (d.year, d.granted, d.by_rule, d.difference) == (2022, K(540_000), K(550_000), K(-10_000))
    assert any(w.startswith("discrepancy") for w in plan.warnings)


def test_grant_letter_fills_an_unknown_step_without_hiding_that_the_rule_could_not_check_it() -> None:
    plan = plan_municipality([_pos(first=2019, granted={2022: K(300_000)})])
    row = plan.row("Ruskonsulent", 2022)
    assert row.grant == K(300_000) and plan.is_complete
    assert "could not check" in row.explanation.to_text("en")
    assert "ladder step 4 of kommunalt-rusarbeid 2022 is unknown" in row.explanation.to_text("en")
    assert "trinn 4 i årsstigen i kommunalt-rusarbeid 2022 er ukjent" in row.explanation.to_text("nb")


def test_2021_is_planned_when_its_granted_amount_is_supplied() -> None:
    plan = plan_municipality([_pos(granted={2021: K(600_000)})])
    assert plan.years == (2021, 2022, 2023, 2024, 2025)
    assert plan.row("Ruskonsulent", 2022).own_financing_increase == K(250_000 - 200_000)


def test_positions_first_funded_2018_or_in_2022_get_nothing_with_the_reason() -> None:
    plan = plan_municipality([_pos("gammel", first=2018), _pos("ny", first=2022)])
    for name in ("gammel", "ny"):
        assert all(r.grant == K(0) for r in plan.rows if r.position == name)
    assert "within its 4 years" in plan.explain("gammel", 2022).to_text("en")
    assert "existed (was funded) in 2021 — NOT met" in plan.explain("ny", 2022).to_text("en")


def test_what_if_cut_to_half_in_2023_leaves_the_original_untouched() -> None:
    original = _pos()
    cut = original.with_percent_from(2023, 50)
    assert original.percent_changes == {}
    plan = plan_municipality([cut])
    assert plan.row("Ruskonsulent", 2022).grant == K(550_000)
    assert plan.row("Ruskonsulent", 2023).grant == K(165_000)
    assert plan.row("Ruskonsulent", 2023).cost == K(400_000)  # cost follows the percentage
    assert plan.row("Ruskonsulent", 2024).percent == 50


def test_plan_records_the_digest_of_every_rule_set_it_used() -> None:
    plan = plan_municipality([_pos()])
    for year in (2022, 2023, 2024):
        assert plan.digests[f"kommunalt-rusarbeid {year}"] == get_rule_set("kommunalt-rusarbeid", year).digest


def test_plan_dict_is_json_and_every_figure_is_explained_with_sources() -> None:
    plan = plan_municipality([_pos(first=2020), _pos("b")])
    data = json.loads(json.dumps(render_plan.to_dict(plan)))
    assert len(data["rows"]) == 8
    for row in data["rows"]:
        assert row["explanation"]["steps"], row
    grant_2023 = next(r for r in data["rows"] if r["position"] == "b" and r["year"] == 2023)
    statuses = json.dumps(grant_2023["explanation"])
    assert '"status": "final"' in statuses and "330 000 kr" in statuses
    assert data["problems"] and data["problems"][0]["year"] == 2022


def test_inferred_values_used_are_warned_about() -> None:
    plan = plan_municipality([_pos()])
    assert any(w.startswith("inferred: pro rata by position percentage") and "2023" in w for w in plan.warnings)
    assert any(n.text("nb").startswith("utledet: forholdsmessig etter stillingsprosent") for n in plan.notices)


def test_duplicate_positions_and_floats_are_refused() -> None:
    with pytest.raises(ValueError, match="står to ganger"):
        plan_municipality([_pos(), _pos()])
    with pytest.raises(FloatRefusedError):
        _pos(percent=50.0)
    with pytest.raises(ValueError, match=r"over 0 og høyst 100"):
        _pos(percent=0)
    with pytest.raises(TypeError):
        _pos(cost=800_000)


def test_positions_are_frozen() -> None:
    p = _pos()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        p.percent = Fraction(50)  # type: ignore[misc]


# --------------------------------------------------------------------------- properties

percents = st.fractions(min_value=Fraction(1, 10), max_value=100, max_denominator=100).filter(lambda p: 0 < p <= 100)
first_years = st.integers(min_value=2015, max_value=2024)
costs = st.one_of(
    st.builds(FixedCost, st.integers(0, 2_000_000).map(K)),
    st.builds(GrowingCost, st.integers(0, 2_000_000).map(K), st.integers(2020, 2024),
              st.decimals(min_value=-5, max_value=10, places=1).map(str)),
)
supplied_rules = st.fixed_dictionaries({
    2022: st.tuples(st.integers(100_000, 900_000), st.integers(100_000, 900_000), st.integers(100_000, 900_000)).map(
        lambda s: rules_for(2022).with_ladder_step(1, K(s[0]), "brev").with_ladder_step(3, K(s[1]), "brev")
        .with_ladder_step(4, K(s[2]), "brev")
    )
})


@st.composite
def positions(draw: st.DrawFn, n: int | None = None) -> list[Position]:
    count = n if n is not None else draw(st.integers(1, 4))
    out = []
    for i in range(count):
        changes = draw(st.dictionaries(st.integers(2022, 2025), percents, max_size=2))
        out.append(Position(municipality="K", position=f"p{i}", percent=draw(percents),
                            first_grant_year=draw(first_years), cost=draw(costs), percent_changes=changes))
    return out


@given(positions(), supplied_rules)
def test_grant_plus_own_financing_equals_cost_every_year(ps: list[Position], rules: dict) -> None:
    plan = plan_municipality(ps, rules=rules)
    assert plan.is_complete
    for r in plan.rows:
        assert r.grant is not None and r.own_financing is not None
        assert r.grant + r.own_financing == r.cost


@given(positions(), supplied_rules)
def test_no_grant_outside_eligibility_years_one_to_four_or_after_2024(ps: list[Position], rules: dict) -> None:
    plan = plan_municipality(ps, rules=rules)
    first = {p.position: p.first_grant_year for p in ps}
    for r in plan.rows:
        # from 2022 only positions that existed in 2021 may continue (DECK)
        if r.year > 2024 or not (1 <= r.year_in_scheme <= 4) or first[r.position] > 2021:
            assert r.grant == K(0)
        else:
            assert r.grant is not None and r.grant > K(0)


@given(positions(), supplied_rules)
def test_own_financing_never_falls_while_cost_does_not_fall_and_grant_does_not_rise(ps: list[Position], rules: dict) -> None:
    plan = plan_municipality(ps, rules=rules)
    for p in ps:
        rows = [r for r in plan.rows if r.position == p.position]
        for prev, cur in zip(rows, rows[1:]):
            assert prev.grant is not None and cur.grant is not None
            if cur.cost >= prev.cost and cur.grant <= prev.grant:
                assert cur.own_financing is not None and prev.own_financing is not None
                assert cur.own_financing >= prev.own_financing
                assert cur.own_financing_increase == cur.own_financing - prev.own_financing


@given(positions(), supplied_rules)
def test_year_totals_are_the_exact_sums_of_the_rows(ps: list[Position], rules: dict) -> None:
    plan = plan_municipality(ps, rules=rules)
    for year, total in plan.totals.items():
        rows = [r for r in plan.rows if r.year == year]
        assert total.cost == sum((r.cost for r in rows), K(0))
        assert total.grant == sum((r.grant for r in rows if r.grant is not None), K(0))
        assert total.own_financing == sum((r.own_financing for r in rows if r.own_financing is not None), K(0))


@given(positions(), supplied_rules)
def test_takeover_year_is_the_first_year_from_which_every_grant_is_zero(ps: list[Position], rules: dict) -> None:
    plan = plan_municipality(ps, rules=rules)
    for p in ps:
        ty = plan.takeover_year(p.position)
        assert ty is not None  # the scheme ends in 2024 and the plan runs to 2025
        grants = {r.year: r.grant for r in plan.rows if r.position == p.position}
        assert all(g == K(0) for y, g in grants.items() if y >= ty)
        if ty - 1 in grants:
            assert grants[ty - 1] != K(0)


@given(st.lists(st.sampled_from([2019, 2020]), min_size=1, max_size=3), percents)
def test_an_unknown_ladder_step_is_never_treated_as_zero(firsts: list[int], percent: Fraction) -> None:
    ps = [_pos(f"p{i}", first=f, percent=percent) for i, f in enumerate(firsts)]
    plan = plan_municipality(ps)
    assert len(plan.problems) == len(ps)
    for p in ps:
        row = plan.row(p.position, 2022)
        assert row.grant is None and row.own_financing is None and row.own_financing_increase is None
    assert plan.totals[2022].grant is None
    assert plan.totals[2022].own_financing is None
    assert ",," in render_plan.to_csv(plan)  # empty cells, not 0


@given(positions())
def test_no_float_anywhere_in_the_plan_figures(ps: list[Position]) -> None:
    plan = plan_municipality(ps, rules={2022: rules_for(2022).with_ladder_step(1, K(1), "b").with_ladder_step(3, K(1), "b").with_ladder_step(4, K(1), "b")})

    def walk(x: object) -> None:
        assert not isinstance(x, float), x
        if isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(render_plan.to_dict(plan))
    for r in plan.rows:
        for value in (r.grant, r.cost, r.own_financing, r.own_financing_increase):
            assert value is None or isinstance(value.ore, int)


def test_original_rule_set_is_untouched_by_a_supplied_step() -> None:
    before = rules_for(2022).digest
    rules_for(2022).with_ladder_step(3, K(1), "brev")
    assert rules_for(2022).digest == before
    assert rules_for(2022).ladder is not None
    assert rules_for(2022).ladder.step_3.status is Status.UNKNOWN


@given(positions(), supplied_rules)
def test_plan_violations_is_empty_for_every_computed_plan(ps: list[Position], rules: dict) -> None:
    from nedtrapping.invariants import plan_violations

    assert plan_violations(plan_municipality(ps, rules=rules)) == []


def test_plan_violations_finds_a_tampered_plan() -> None:
    from nedtrapping.invariants import plan_violations

    plan = plan_municipality([_pos()])
    bad_row = attrs.evolve(plan.rows[1], grant=K(1))
    tampered = attrs.evolve(plan, rows=(plan.rows[0], bad_row, *plan.rows[2:]))
    assert any("≠ kostnad" in str(v) for v in plan_violations(tampered))
    assert any("!= cost" in v.text("en") for v in plan_violations(tampered))


def test_user_input_outside_the_plan_is_refused_not_ignored() -> None:
    with pytest.raises(ValueError, match="utenfor planen .*: Testkommune / Ruskonsulent: 2019"):
        plan_municipality([_pos(granted={2019: K(1)})])
    with pytest.raises(ValueError, match="før det første regelsettet"):
        plan_municipality([_pos()], years=[2020, 2021])
    with pytest.raises(TypeError, match="first_grant_year"):
        _pos(first=2020.0)  # type: ignore[arg-type]


def test_inferred_2021_grant_and_positions_after_2021_are_warned_about() -> None:
    plan = plan_municipality([_pos("a"), _pos("b", first=2023),
                              attrs.evolve(_pos("c", options={"received_grant_in_2021": True}), municipality="Annen kommune")])
    text = "\n".join(plan.warnings)
    assert "inferred: Testkommune: the municipality received the grant in 2021" in text
    assert "Testkommune / b: first grant year 2023 is after 2021" in text
    assert "Annen kommune" not in text  # stated, not inferred
    assert plan.row("b", 2022).year_in_scheme_text == ""
    # the grant is the municipality's: one position's statement holds for all its positions; a conflict is refused
    stated = plan_municipality([_pos("a"), _pos("c", options={"received_grant_in_2021": True})])
    assert not any("received the grant in 2021" in w for w in stated.warnings)
    with pytest.raises(ValueError, match="svarer ulikt"):
        plan_municipality([_pos("a", options={"received_grant_in_2021": False}), _pos("c", options={"received_grant_in_2021": True})])


def test_unknown_figure_carries_the_unknown_fact_with_its_status() -> None:
    plan = plan_municipality([_pos(first=2020)])
    facts = plan.explain("Ruskonsulent", 2022).all_facts()
    assert any(f.status is Status.UNKNOWN and f.citation.tag == "HDIR-21" for f in facts)
    totals = render_plan.to_dict(plan)["totals"]
    assert totals["2022"]["grant"] is None and totals["2022"]["incomplete_positions"] == ["Testkommune / Ruskonsulent"]
    # 2023's grant is known, but its increase rises from 2022's unknown own financing: named too
    assert totals["2023"]["grant"] is not None and totals["2023"]["own_financing_increase"] is None
    assert totals["2023"]["incomplete_positions"] == ["Testkommune / Ruskonsulent"]
    assert totals["2024"]["incomplete_positions"] == []


def test_same_position_name_in_two_municipalities_is_kept_apart() -> None:
    a = _pos("Ruskonsulent")
    b = attrs.evolve(_pos("Ruskonsulent", first=2018), municipality="Nabokommune")
    plan = plan_municipality([a, b])
    assert plan.takeover_year("Ruskonsulent", "Testkommune") == 2025
    assert plan.takeover_year("Ruskonsulent", "Nabokommune") == 2022
    assert plan.row("Ruskonsulent", 2022, "Nabokommune").grant == K(0)
    with pytest.raises(KeyError, match="finnes i flere kommuner"):
        plan.row("Ruskonsulent", 2022)
    assert plan.municipality_totals("Testkommune")[2022].grant == K(550_000)
    assert plan.totals[2022].grant == K(550_000)
    assert "Phase-down plan — Nabokommune" in render_plan.to_text(plan, lang="en")
