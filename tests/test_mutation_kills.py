"""Tests written for mutants that survived a mutation run (scripts/mutation): each says what it pins."""

from __future__ import annotations

from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nedtrapping import strategies
from nedtrapping.cofinancing import FixedCost, takeover_year
from nedtrapping.errors import InvalidTypeError, InvalidValueError
from nedtrapping.money import ExactAmount, FloatRefusedError, Money
from nedtrapping.plan import Position, plan_municipality
from nedtrapping.provenance import Citation, Fact, Status, UnknownValueError
from nedtrapping.readable import read
from nedtrapping.registry import get_rule_set
from nedtrapping.rounding import round_cap_down_to_kroner
from nedtrapping.scheme import GrantQuery
from nedtrapping.schemes import kommunalt_rusarbeid as kr
from nedtrapping.wording import FactName

K = Money.kroner


def test_negation_flips_the_sign() -> None:
    assert (-K(5)).ore == -500 and (-K(-5)).ore == 500 and -K(0) == K(0)


def test_from_float_refuses_non_floats_and_non_finite_values_by_name() -> None:
    with pytest.raises(TypeError, match="felt «Money.from_float»: forventet et flyttall \\(float\\), fikk int"):
        Money.from_float(5)  # type: ignore[arg-type]
    for bad in (float("nan"), float("inf"), float("-inf")):
        with pytest.raises(ValueError, match=r"felt «Money.from_float»: .* er ikke et endelig beløp") as info:
            Money.from_float(bad)
        assert info.value.text("en").endswith(" is not a finite amount")
    assert Money.from_float(0.125) == Money(ore=13)  # half up to whole øre, from the float's shortest text
    assert Money.from_float(1.005).ore == 101


def test_sum_starts_from_zero_but_money_plus_other_numbers_is_refused() -> None:
    m = K(7)
    assert 0 + m == m and sum([m, m]) == K(14)
    with pytest.raises(TypeError):
        _ = 1 + m  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = True + m  # type: ignore[operator]
    with pytest.raises(FloatRefusedError, match=r"\.\.\. \+ Money"):
        _ = 0.5 + m  # type: ignore[operator]


def test_takeover_year_takes_pairs_as_well_as_a_mapping() -> None:
    pairs = [(2023, K(1)), (2024, K(0)), (2025, K(0))]
    assert takeover_year(pairs) == 2024 == takeover_year(dict(pairs))


def test_a_zero_or_sub_ore_cap_rounds_down_to_zero_and_a_negative_one_is_refused() -> None:
    assert round_cap_down_to_kroner(K(0)) == K(0)
    assert round_cap_down_to_kroner(ExactAmount(Fraction(1, 2))) == K(0)
    with pytest.raises(ValueError, match="kan ikke være negativt") as info:
        round_cap_down_to_kroner(ExactAmount(Fraction(-1, 2)))
    assert "a cap cannot be negative" in info.value.text("en")


def test_plan_lookups_name_the_years_and_totals_carry_their_year() -> None:
    plan = plan_municipality([Position(municipality="K", position="P", percent=100, first_grant_year=2021,
                                       cost=FixedCost(K(700_000)))])
    with pytest.raises(KeyError, match=r"planens år er: 2022, 2023, 2024, 2025$") as info:
        plan.row("P", 2030)
    assert info.value.text("en") == "field 'year': no row for position 'P' in 2030; the plan's years: 2022, 2023, 2024, 2025"
    assert [t.year for t in plan.municipality_totals("K").values()] == [2022, 2023, 2024, 2025]


def test_plan_repr_states_scheme_counts_span_and_completeness() -> None:
    complete = plan_municipality([
        Position(municipality=m, position=p, percent=100, first_grant_year=2021, cost=FixedCost(K(700_000)))
        for m, p in (("A", "P1"), ("A", "P2"), ("B", "P1"))
    ])
    assert repr(complete) == ("<Plan kommunalt-rusarbeid: 3 position(s) in 2 municipality(ies), 2022–2025, "
                              "complete>")
    # a position in its year 4 in 2022 (first funded 2019) needs the unknown ladder step 4
    incomplete = plan_municipality([Position(municipality="A", position="P", percent=100, first_grant_year=2019,
                                             cost=FixedCost(K(700_000)))], years=[2022])
    assert repr(incomplete) == (f"<Plan kommunalt-rusarbeid: 1 position(s) in 1 municipality(ies), 2022–2022, "
                                f"{len(incomplete.problems)} unknown figure(s)>")
    assert len(incomplete.problems) >= 1
    assert repr(complete.rows) == f"<{len(complete.rows)} plan rows>" and len(complete.rows) == 12
    # a plan made by hand without years still has a repr (the planner refuses to make one)
    assert "2 municipality(ies), no years, complete>" in repr(attrs.evolve(complete, years=()))


def test_plan_rows_equal_any_sequence_of_the_same_rows_and_nothing_else() -> None:
    plan = plan_municipality([Position(municipality="A", position="P", percent=100, first_grant_year=2021,
                                       cost=FixedCost(K(700_000)))])
    rows = plan.rows
    assert rows == list(rows) and rows == tuple(rows)
    assert rows != list(rows)[:-1] and rows != [*list(rows)[:-1], list(rows)[0]]
    assert rows != "not rows" and rows != 5
    with pytest.raises(TypeError):
        hash(rows)


def test_a_discrepancy_reads_as_its_warning_without_the_prefix_in_either_language() -> None:
    plan = plan_municipality([Position(municipality="A", position="P", percent=100, first_grant_year=2021,
                                       cost=FixedCost(K(700_000)), granted={2023: K(300_000)})])
    (d,) = plan.discrepancies
    assert (d.granted, d.by_rule, d.difference) == (K(300_000), K(330_000), K(-30_000))
    text = d.text("en")
    assert f"discrepancy: {text}" in plan.warnings
    assert text.startswith("A / P 2023: granted 300 000 kr")
    assert str(d) == "A / P 2023: tildelt 300 000 kr (tilsagnsbrev), men regelen gir 330 000 kr (forskjell -30 000 kr)"
    assert f"avvik: {d}" in [n.text("nb") for n in plan.notices]


def test_zero_money_is_falsy_and_any_other_amount_truthy() -> None:
    assert not K(0) and not Money(ore=0)
    assert Money(ore=1) and Money(ore=-1) and K(330_000)


def test_exact_amounts_add_exactly_with_exact_amounts_and_money_only() -> None:
    third = ExactAmount(Fraction(1, 3))
    assert third + third + third == ExactAmount(Fraction(1))
    assert third + K(1) == ExactAmount(Fraction(301, 3))
    assert (third + ExactAmount(Fraction(-1, 3))).ore == 0
    with pytest.raises(TypeError):
        _ = third + 1  # type: ignore[operator]
    assert third.round() == K(0) and ExactAmount(Fraction(50)).round() == K(1)


def test_check_submission_passes_the_year_purpose_and_minute_on() -> None:
    # (replaces the test of the removed kommunalt_rusarbeid.check_submission alias: the removed names are
    # checked in test_planner_generic.test_the_removed_names_are_gone; this is the same promise on the one path)
    from nedtrapping.calendar import check_submission
    from nedtrapping.deadlines import Purpose

    whens = ("2023-02-01T23:59:00+01:00", "2023-02-02T00:01:00+01:00", "2024-02-01T12:00:00+01:00")
    # 2023: apply by 1 February 2023 (MR-23), report on the 2023 grant by 1 February 2024
    applied = [check_submission("kommunalt-rusarbeid", 2023, when) for when in whens]
    assert [v.on_time for v in applied] == [True, False, False]
    reported = [check_submission("kommunalt-rusarbeid", 2023, when, purpose=Purpose.REPORTING) for when in whens]
    assert [v.on_time for v in reported] == [True, True, True]


@given(st.lists(strategies.positions(granted=True), min_size=1, max_size=4,
                unique_by=lambda p: (p.municipality, p.position)))
def test_row_values_are_the_rows_figures_field_for_field(positions: list[Position]) -> None:
    plan = plan_municipality(positions)
    by_key = {(p.municipality, p.position): p for p in positions}
    values = list(plan.row_values())
    assert len(values) == len(plan.rows)
    def amount(m: Money | None) -> int | None:
        return None if m is None else m.ore

    for row, v in zip(plan.rows, values, strict=True):
        assert v == (row.municipality, row.position, row.year, row.year_in_scheme, row.percent, amount(row.grant),
                     amount(row.cost), amount(row.own_financing), amount(row.own_financing_increase),
                     row.grant_source)
        assert row.grant_source == ("grant letter" if row.year in by_key[row.municipality, row.position].granted
                                    else "rule")


def test_plan_rows_index_from_both_ends_and_name_an_index_out_of_range() -> None:
    plan = plan_municipality([Position(municipality="A", position=p, percent=100, first_grant_year=2021,
                                       cost=FixedCost(K(700_000))) for p in ("P1", "P2")])
    rows, n = plan.rows, len(plan.rows)
    assert n == 8 and [rows[i] for i in range(-n, 0)] == [rows[i] for i in range(n)]
    assert (rows[-1].position, rows[-1].year) == ("P2", 2025) and (rows[0].position, rows[0].year) == ("P1", 2022)
    for bad in (n, -n - 1, 100):
        with pytest.raises(IndexError, match=r"^plan row index out of range$"):
            rows[bad]
    assert [r.year for r in rows[1:3]] == [2023, 2024]


def test_money_repr_reads_back_as_the_same_money() -> None:
    for m in (K(5), K(-5), K(0), Money(ore=550), Money(ore=-1), K(330_000)):
        assert eval(repr(m), {"Money": Money}) == m
    assert repr(K(330_000)) == "Money.kroner(330000)" and repr(Money(ore=550)) == "Money(ore=550)"


# ----------------------------------------------------------------------------- kommunalt rusarbeid


@given(year=st.integers(2021, 2025), first=st.integers(2016, 2024), percent=strategies.position_percentages(),
       received=st.sampled_from([None, True, False]),
       others=st.lists(st.integers(2014, 2024), max_size=3), supplied=st.booleans())
def test_the_rate_s_figure_is_the_explained_grant_for_every_answer_rule_set_and_municipality(
        year: int, first: int, percent: Fraction, received: bool | None, others: list[int], supplied: bool) -> None:
    # one rule, one figure: the rate's figure (what a plan and the engine use), the grant and its explanation
    # agree for every answer, rule set and municipality, or all refuse naming the same value
    from nedtrapping.grant import explain, figure, grant

    rules = None
    if supplied and year in (2021, 2022):
        rules = kr.rules_for(year).with_ladder_step(3, K(480_000), "Tilsagnsbrev").with_ladder_step(
            4, K(410_000), "Tilsagnsbrev")
    years = (first, *others)
    query = GrantQuery(year=year, first_grant_year=first, percent=percent,
                       options={"received_grant_in_2021": received}, municipality_first_grant_years=years)
    kwargs = dict(first_grant_year=first, percent=percent, received_grant_in_2021=received, rules=rules,
                  municipality_first_grant_years=years)
    try:
        explained = kr.compute_grant(year, **kwargs)  # type: ignore[arg-type]
    except UnknownValueError as exc:
        with pytest.raises(UnknownValueError) as info:
            kr.SCHEME.rate(query, rules)
        assert (info.value.name, info.value.path) == (exc.name, exc.path)
        return
    rate = kr.SCHEME.rate(query, rules)
    amount = figure(rate, percent)
    assert amount == explained.amount == grant(kr.SCHEME, query, rules).amount
    assert explain(rate, query).figure == amount
    assert rate.eligible == explained.verdict.eligible
    assert rate.rule_set.id == explained.rule_set
    if rules is not None:
        assert rate.rule_set is rules
    # the cell is all the rate depends on: the query reduced to it gives the same rate per 100 % position
    assert kr.SCHEME.rate(kr.SCHEME.cell(query), rules).paid_per_full_position == rate.paid_per_full_position
    # and the figure is the exact share of that rate, rounded once, half up to whole kroner
    share = percent / 100 if rate.pro_rata else Fraction(1)
    exact = rate.paid_per_full_position.ore * share
    assert abs(amount.ore - exact) <= 50 and amount.ore % 100 == 0
    if rate.eligible:
        assert explained.exact == ExactAmount(exact)
    else:
        assert explained.exact is None and amount == K(0)


def test_a_stated_no_and_an_inferred_yes_give_different_grants_through_the_scheme() -> None:
    from nedtrapping.grant import grant

    ask = dict(year=2023, first_grant_year=2021, percent=Fraction(100), municipality_first_grant_years=(2021,))
    assert grant(kr.SCHEME, GrantQuery(**ask)).amount == K(330_000)  # type: ignore[arg-type]
    stated_no = GrantQuery(**ask, options={"received_grant_in_2021": False})  # type: ignore[arg-type]
    assert grant(kr.SCHEME, stated_no).amount == K(0)
    # a position first funded in 2022 in a municipality with none before: not funded in 2021, so no grant
    alone = GrantQuery(year=2023, first_grant_year=2022, percent=Fraction(100), municipality_first_grant_years=(2022,))
    beside = GrantQuery(year=2023, first_grant_year=2022, percent=Fraction(100),
                        municipality_first_grant_years=(2022, 2020))
    assert grant(kr.SCHEME, alone).amount == K(0) == grant(kr.SCHEME, beside).amount  # a new position: not eligible
    assert kr.compute_grant(2023, first_grant_year=2021, percent=100, received_grant_in_2021=False).amount == K(0)


def test_supplying_a_ladder_step_checks_the_amount_and_names_what_it_replaces() -> None:
    from nedtrapping.errors import NedtrappingError

    rules = kr.rules_for(2022)
    one_ore = rules.with_ladder_step(3, Money(ore=1), "Tilsagnsbrev 2022, A kommune")
    assert one_ore.ladder is not None and one_ore.ladder.step_3.value == Money(ore=1)  # above 0: accepted
    for bad in (K(0), K(-1)):  # supplied as any rule value is (RuleSet.supply): named by its path
        with pytest.raises(InvalidValueError, match=rf"^felt «ladder\.step_3»: et oppgitt beløp må være større enn 0 kr, "
                                                    rf"fikk {bad}$") as info:
            rules.with_ladder_step(3, bad, "Tilsagnsbrev")
        assert info.value.text("en") == f"field 'ladder.step_3': a supplied amount must be above 0 kr, got {bad}"
        assert (info.value.field, info.value.value) == ("ladder.step_3", bad)
    with pytest.raises(TypeError, match=r"^felt «ladder\.step_3»: forventet Money \(f\.eks\. Money\.kroner\(480_000\)\), "
                                        r"fikk int 480000$") as type_info:
        rules.with_ladder_step(3, 480_000, "Tilsagnsbrev")  # type: ignore[arg-type]
    assert type_info.value.text("en") == ("field 'ladder.step_3': expected Money (e.g. Money.kroner(480_000)), "
                                          "got int 480000")
    step_1 = rules.with_ladder_step(1, K(650_000), "Tilsagnsbrev 2022").ladder
    assert step_1 is not None and step_1.step_1.status is Status.USER_SUPPLIED
    assert read(step_1.step_1.note, "en") == "replaces the inferred value 660 000 kr (SAL-17)"
    assert str(step_1.step_1.note) == "erstatter verdien 660 000 kr med status «utledet» (SAL-17)"
    untagged = rules.with_ladder_step(1, K(650_000), "first").with_ladder_step(1, K(640_000), "second").ladder
    assert untagged is not None and read(untagged.step_1.note, "en") == "replaces the user-supplied value 650 000 kr (USER)"
    plain = Citation(document="Tilsagnsbrev 2022, B kommune")
    cited = rules.with_ladder_step(1, K(650_000), plain).with_ladder_step(1, K(640_000), plain).ladder
    assert cited is not None and read(cited.step_1.note, "en") == ("replaces the user-supplied value 650 000 kr "
                                                                  "(Tilsagnsbrev 2022, B kommune)")
    as_text = rules.with_ladder_step(3, K(480_000), "  Tilsagnsbrev 2022, A kommune ").ladder
    assert as_text is not None and as_text.step_3.citation == Citation(document="Tilsagnsbrev 2022, A kommune",
                                                                       tag="USER")
    for no_source in ("", "   ", 5, None):
        with pytest.raises((ValueError, NedtrappingError),
                           match=r"^felt «source»: en oppgitt verdi må ha en kilde: oppgi tilsagnsbrevet \(f\.eks\. "
                                 r"«Tilsagnsbrev 2022, Eksempel kommune»\)$") as info:
            rules.with_ladder_step(3, K(480_000), no_source)  # type: ignore[arg-type]
        assert info.value.text("en") == ("field 'source': a supplied value needs a source: name the grant letter "  # type: ignore[union-attr]
                                         "(e.g. 'Tilsagnsbrev 2022, Eksempel kommune')")


def test_application_deadline_is_the_rule_sets_application_deadline() -> None:
    from nedtrapping.deadlines import Purpose
    from nedtrapping.schemes import kommunalt_rusarbeid as kr

    for year in (2021, 2022, 2023, 2024):
        assert kr.application_deadline(year) == kr.rules_for(year).deadline(Purpose.APPLICATION)
    county = "Troms og Finnmark"
    assert kr.application_deadline(2021, county) == kr.rules_for(2021).deadline(Purpose.APPLICATION, county)
    assert kr.application_deadline(2021, county, "restmidler") == kr.rules_for(2021).deadline(
        Purpose.APPLICATION, county, "restmidler")
    assert kr.application_deadline(2021, county, "restmidler") != kr.application_deadline(2021)


# ----------------------------------------------------------------------------- salary costs


def _salary(**kw: object) -> object:
    from nedtrapping.cofinancing import SalaryCost

    kw.setdefault("zone", "1")
    kw.setdefault("pension_percent", "12")
    return SalaryCost(kw.pop("salary", K(600_000)), **kw)  # type: ignore[arg-type]


def test_a_salary_cost_refuses_bad_inputs_by_name_at_their_boundaries() -> None:
    from nedtrapping.cofinancing import SalaryCost
    from nedtrapping.costs.lonnskostnader import Zone1aRate

    assert _salary(pension_percent="99,99") and _salary(pension_percent=0) and _salary(salary=Money(ore=1))
    for bad in (100, "100", "100,5", -1):
        with pytest.raises(ValueError, match=rf"^felt «pension_percent»: pensjonspremien er en sats i prosent av "
                                             rf"lønnen, fra og med 0 og under 100, fikk {bad}$") as info:
            _salary(pension_percent=bad)
        assert info.value.text("en") == (f"field 'pension_percent': a pension premium rate in percent of the salary, "  # type: ignore[attr-defined]
                                         f"in [0, 100), got {bad}")
    with pytest.raises(ValueError, match=r"^felt «pension_percent»: «tolv» er ikke et tall i vanlig desimalform"):
        _salary(pension_percent="tolv")
    with pytest.raises(ValueError, match=r"^felt «salary»: årslønnen må være større enn 0 kr, fikk 0 kr$"):
        _salary(salary=K(0))
    with pytest.raises(ValueError, match=r"^felt «salary»: en kostnad kan ikke være negativ, fikk -600 000 kr$"):
        _salary(salary=K(-600_000))
    one_a = (r"^felt «zone_1a_rate»: gi zone_1a_rate bare for en stilling i sone 1a \(Zone1aRate\.REDUCED så lenge "
             r"kommunens fribeløp varer, Zone1aRate\.FULL etterpå\)$")
    with pytest.raises(ValueError, match=one_a):
        _salary(zone="1a")
    with pytest.raises(ValueError, match=one_a):
        _salary(zone="2", zone_1a_rate=Zone1aRate.FULL)
    with pytest.raises(ValueError, match=r"^felt «salary_year»: oppgi året lønnen gjelder for når den vokser "
                                         r"\(growth_percent\)$"):
        _salary(growth_percent=3)
    for bad in ("2022", 2022.0, True):
        with pytest.raises(TypeError, match=rf"^forventet et årstall som int, fikk {type(bad).__name__} {bad!r}$"):
            SalaryCost(K(600_000), zone="1", pension_percent=12, salary_year=bad)  # type: ignore[arg-type]


def test_a_salary_cost_uses_its_own_rule_set_for_its_year_only() -> None:
    import attrs as _attrs

    from nedtrapping.costs.lonnskostnader import rules_for
    from nedtrapping.provenance import Fact, Status

    plain = _salary()
    rules_2024 = rules_for(2024)
    doubled_g = _attrs.evolve(rules_2024, grunnbelop=Fact(K(248_056), Status.USER_SUPPLIED,
                                                          rules_2024.grunnbelop.citation))
    what_if = _salary(rule_sets=(doubled_g,), birth_year=1960, salary=K(900_000))
    base = _salary(birth_year=1960, salary=K(900_000))
    assert what_if.rules_in(2024) is doubled_g and what_if.rules_in(2023) is rules_for(2023)  # type: ignore[attr-defined]
    assert what_if.cost_in(2023) == base.cost_in(2023)  # type: ignore[attr-defined]
    assert what_if.cost_in(2024) > base.cost_in(2024)  # type: ignore[attr-defined]  # the 6 G cap is higher
    assert plain.salary_in(2030) == plain.salary_in(2022) == ExactAmount(Fraction(60_000_000))  # type: ignore[attr-defined]


def test_a_scaled_salary_cost_is_computed_at_the_new_percentage_not_scaled() -> None:
    from nedtrapping.cofinancing import exact_cost

    # above the 2024 threshold for the extra employer's contribution at 100 %, below it at 50 %
    high = _salary(salary=K(1_200_000))
    half = Fraction(1, 2)
    assert exact_cost(high, 2024, half) == high.exact_at(2024, half)  # type: ignore[arg-type,attr-defined]
    assert exact_cost(high, 2024, half) != high.exact_in(2024) * half  # type: ignore[arg-type,attr-defined]
    assert exact_cost(high, 2024) == high.exact_in(2024)  # type: ignore[arg-type,attr-defined]


def test_a_salary_cost_explains_the_amount_it_is_asked_about_and_describes_its_inputs() -> None:
    from nedtrapping.costs.lonnskostnader import HolidayPay, Zone1aRate

    cost = _salary()
    assert cost.explain_cost(2024, K(1)).figure == K(1)  # type: ignore[attr-defined]
    assert cost.explain_cost(2024, cost.cost_in(2024)).figure == cost.cost_in(2024)  # type: ignore[attr-defined]
    plain = cost.describe(2024)  # type: ignore[attr-defined]
    assert plain.text("en") == ("salary 600 000 kr at 100 %, 100 % position, zone 1, holiday pay 12 %, fifth week, "
                                "pension 12 %")
    assert plain.text("nb") == ("lønn 600 000 kr ved 100 %, stilling 100 %, sone 1, feriepenger 12 %, femte ferieuke, "
                                "pensjon 12 %")
    every = _salary(salary=K(580_000), zone="1a", zone_1a_rate=Zone1aRate.REDUCED, pension_percent="11,5",
                    holiday_pay=HolidayPay.STATUTORY, growth_percent="3,5", salary_year=2022, percent=80)
    described = every.describe(2024)  # type: ignore[attr-defined]
    assert described.text("en") == ("salary 580 000 kr at 100 % in 2022, growing 3.5 % a year, 80 % position, "
                                    "zone 1a, holiday pay 10.2 %, ferieloven, pension 11.5 %")
    assert described.text("nb") == ("lønn 580 000 kr ved 100 % i 2022, med vekst 3,5 % i året, stilling 80 %, "
                                    "sone 1a, feriepenger 10,2 %, ferieloven, pensjon 11,5 %")
    fields = dict(described.fields)
    assert (fields["percent"], fields["pension"], fields["zone"]) == (Fraction(80), Fraction(23, 2), "1a")


# ----------------------------------------------------------------------------- plan and money


def test_a_grant_letter_cites_where_the_position_was_read() -> None:
    from nedtrapping.provenance import Status

    read = Position(municipality="A", position="P", percent=100, first_grant_year=2021, cost=FixedCost(K(700_000)),
                    granted={2023: K(300_000)}, origin="stillinger.csv, rad 3")
    typed = attrs.evolve(read, origin=None)
    for position, where in ((read, " (stillinger.csv, rad 3)"), (typed, "")):
        facts = plan_municipality([position]).explain("P", 2023).all_facts()
        # the letter is cited by its Norwegian name, the document the municipality holds (tilsagnsbrev)
        letters = [f for f in facts if f.status is Status.USER_SUPPLIED and "tilsagnsbrev" in f.citation.document]
        assert letters, facts
        assert all(f.citation.document == f"tilsagnsbrev 2023, A{where}" and f.citation.tag == "USER"
                   and f.value == "300 000 kr" for f in letters)


def test_explain_picks_the_municipality_asked_for() -> None:
    plan = plan_municipality([
        Position(municipality=m, position="Ruskonsulent", percent=pct, first_grant_year=2021,
                 cost=FixedCost(K(700_000)))
        for m, pct in (("A", 100), ("B", 50))
    ])
    a, b = plan.explain("Ruskonsulent", 2023, "A"), plan.explain("Ruskonsulent", 2023, "B")
    assert a.to_text() != b.to_text()
    assert "A / Ruskonsulent" in a.to_text() and "B / Ruskonsulent" in b.to_text()


def test_plan_methods_pass_their_options_on() -> None:
    from nedtrapping.render import plan as render_plan

    plan = plan_municipality([Position(municipality="A", position="P", percent="33,3", first_grant_year=2021,
                                       cost=FixedCost(K(700_000)))])
    # (the deprecated Plan.to_text/to_markdown are removed: the renderers take the options themselves)
    # 330 000 kr × 33,3 % = 109 890 kr, explained only when asked
    for render, en, nb in ((render_plan.to_text, "Grant 2023: 109 890 kr", "Tilskudd 2023: 109 890 kr"),
                           (render_plan.to_markdown, "**Grant 2023**: 109 890 kr", "**Tilskudd 2023**: 109 890 kr")):
        plain, explained = render(plan, lang="en"), render(plan, explain=True, lang="en")
        assert en in explained and en not in plain
        assert nb in render(plan, explain=True) and nb not in render(plan)  # bokmål by default
    pytest.importorskip("pandas")
    ore, kroner = plan.to_frame(unit="ore"), plan.to_frame()
    assert int(ore["grant"].iloc[1]) == plan.rows[1].grant.ore and int(kroner["grant"].iloc[1]) * 100 == int(  # type: ignore[union-attr]
        ore["grant"].iloc[1])


def test_numbers_take_grouping_spaces_and_a_typographic_minus() -> None:
    from nedtrapping.money import parse_share

    assert parse_share("1 000,5") == Fraction(2001, 2) == parse_share("1\u00a0000.5") == parse_share("1'000,5")
    assert parse_share("\u22122,5") == Fraction(-5, 2) == parse_share("-2,5")
    assert parse_share("12,5 %") == Fraction(25, 2)


def test_plan_plot_passes_the_language_on() -> None:
    pytest.importorskip("matplotlib")
    plan = plan_municipality([Position(municipality="A", position="P", percent=100, first_grant_year=2021,
                                       cost=FixedCost(K(700_000)))])
    assert plan.plot().get_axes()[0].get_title(loc="left") == "Tilskudd og egenfinansiering — A"
    assert plan.plot(lang="en").get_axes()[0].get_title(loc="left").startswith("Grant and own financing")


def test_the_2021_check_says_how_the_answer_was_reached_and_cites_the_rule() -> None:
    from nedtrapping.grant import explain_verdict
    from nedtrapping.scheme import Check

    rules = kr.rules_for(2022)

    def first_check(how: str, **kw: object) -> Check:
        verdict = kr.check_eligibility(rules, **kw)  # type: ignore[arg-type]
        check = verdict.checks[0]
        assert check.id == f"rusarbeid.received_2021.{how}"
        assert check.condition.text("en") == "The municipality received the grant in 2021"
        assert check.condition.text("nb") == "Kommunen fikk tilskudd i 2021"
        assert [u.path for u in check.uses] == ["requires_grant_in_2021"]
        return check

    # no subject given: the explanation names the position
    verdict = kr.check_eligibility(rules, first_grant_year=2021)
    assert explain_verdict(verdict, "").statement.text("en") == "Eligibility of the position"
    assert explain_verdict(verdict, "").statement.text("nb") == "Vilkår for stillingen"
    assert explain_verdict(verdict, "A / P").statement.text("en") == "Eligibility of A / P"
    old = first_check("from_position", first_grant_year=2017)
    assert (old.passed, old.reason.text("en")) == (False, "not stated; inferred from the position (first grant year "
                                                          "2017 is not within 2018–2021, so it was not funded in 2021)")
    recent = first_check("from_position", first_grant_year=2019)
    assert (recent.passed, recent.reason.text("en")) == (True, "not stated; inferred from the position (first grant "
                                                               "year 2019 is within 2018–2021, so it was funded in "
                                                               "2021)")
    none = first_check("from_municipality", first_grant_year=2016, municipality_first_grant_years=(2016, 2022))
    assert (none.passed, none.reason.text("en")) == (False, "not stated; inferred from the municipality's positions "
                                                            "(first grant years 2016, 2022: none is within 2018–2021, "
                                                            "so the municipality was not funded in 2021)")
    some = first_check("from_municipality", first_grant_year=2016, municipality_first_grant_years=(2016, 2020))
    assert (some.passed, some.reason.text("en")) == (True, "not stated; inferred from the municipality's positions "
                                                           "(first grant years 2016, 2020: at least one is within "
                                                           "2018–2021, so the municipality was funded in 2021)")
    stated = first_check("stated", first_grant_year=2019, received_grant_in_2021=False)
    assert (stated.passed, stated.reason.text("en")) == (False, "stated by the user")
    unknown = attrs.evolve(rules, requires_grant_in_2021=Fact.unknown(rules.citation))
    with pytest.raises(UnknownValueError, match="krever tilskudd i 2021 i kommunalt-rusarbeid 2022 er ukjent"):
        kr.check_eligibility(unknown, first_grant_year=2021)


def test_a_flat_year_refuses_ladder_steps_and_says_why() -> None:
    from nedtrapping.schemes import kommunalt_rusarbeid as kr

    with pytest.raises(ValueError, match=r"^kommunalt-rusarbeid 2023 gir et fast beløp på 330 000 kr per 100 % "
                                         r"stilling uansett år i ordningen; trinnene i årsstigen gjelder bare 2021 "
                                         r"og 2022$") as info:
        kr.rules_for(2023).with_ladder_step(3, K(480_000), "Tilsagnsbrev 2023")
    assert info.value.text("en") == ("kommunalt-rusarbeid 2023 pays a flat 330 000 kr per 100 % position, whatever the "
                                     "year in the scheme; ladder steps apply only to 2021 and 2022")


def test_an_unknown_position_or_an_ambiguous_name_is_a_key_error_that_lists_the_choices() -> None:
    plan = plan_municipality([
        Position(municipality=m, position=p, percent=100, first_grant_year=2021, cost=FixedCost(K(700_000)))
        for m, p in (("A", "Ruskonsulent"), ("B", "Ruskonsulent"), ("A", "Miljøarbeider"))
    ])
    with pytest.raises(KeyError, match=r"planen har ingen stilling «Veileder»; stillingene er: Miljøarbeider, Ruskonsulent"):
        plan.explain("Veileder", 2023)
    with pytest.raises(KeyError, match=r"stillingen «Ruskonsulent» finnes i flere kommuner \(A, B\); oppgi "
                                       r"kommunen"):
        plan.explain("Ruskonsulent", 2023)
    with pytest.raises(KeyError, match=r"planen har ingen stilling «Miljøarbeider» i «B»"):
        plan.explain("Miljøarbeider", 2023, "B")
    assert "A / Miljøarbeider" in plan.explain("Miljøarbeider", 2023).to_text("en")  # one municipality: no need to name it


@pytest.mark.parametrize(("percent", "exact_ore", "en", "nb"), [
    ("33,333", 10_999_890, "330 000 kr × 33.333 % = 109 998 kr + 9/10 kr (exact)",
     "330 000 kr × 33,333 % = 109 998 kr + 9/10 kr (eksakt)"),
    ("33,3333", 10_999_989, "330 000 kr × 33.3333 % = 109 999 kr + 89/100 kr (exact)",
     "330 000 kr × 33,3333 % = 109 999 kr + 89/100 kr (eksakt)"),
    ("50", 16_500_000, "330 000 kr × 50 % = 165 000 kr", "330 000 kr × 50 % = 165 000 kr"),
])
def test_the_pro_rata_step_shows_the_exact_amount_before_rounding(percent: str, exact_ore: int, en: str,
                                                                  nb: str) -> None:
    result = kr.compute_grant(2023, first_grant_year=2021, percent=percent)
    assert result.exact == ExactAmount(Fraction(exact_ore))
    assert f": {en}\n" in result.explanation.to_text("en") + "\n"  # each language writes its own decimal mark
    assert f": {nb}\n" in result.explanation.to_text("nb") + "\n"
    assert f": {nb}\n" in result.explanation.to_text() + "\n"  # bokmål by default


# --------------------------------------------------------------------- kommunalt rusarbeid, rule by rule


_TEST_SOURCE = Citation("a rule set made in a test", "here")


def _rate_figure(year: int, *, first_grant_year: int, percent: int, rules: object = None) -> Money:
    """The figure by the rate (what a plan and the engine use), beside :func:`kr.compute_grant`."""
    from nedtrapping.grant import figure

    query = GrantQuery(year=year, first_grant_year=first_grant_year, percent=Fraction(percent))
    return figure(kr.SCHEME.rate(query, rules), percent)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["requires_grant_in_2021", "only_existing_positions", "max_years_in_scheme",
                                  "method", "pro_rata"])
@pytest.mark.parametrize("path", ["explained", "rate"])
def test_a_rule_value_made_unknown_is_named_by_both_the_explained_and_the_rate_path(name: str, path: str) -> None:
    rules = attrs.evolve(kr.rules_for(2023), **{name: Fact.unknown(_TEST_SOURCE)})
    compute = kr.compute_grant if path == "explained" else _rate_figure
    with pytest.raises(UnknownValueError) as info:
        compute(2023, first_grant_year=2021, percent=100, rules=rules)
    # named, and located: its path and rule set (a plan's problem and explanation say where to supply it)
    assert (info.value.path, info.value.rule_set) == (name, "kommunalt-rusarbeid 2023")
    assert read(info.value.name, "en").endswith(" of kommunalt-rusarbeid 2023")
    assert read(info.value.name, "nb").endswith(" i kommunalt-rusarbeid 2023")


@pytest.mark.parametrize("percent", [25, 50, 100])
def test_without_pro_rata_every_position_gets_the_full_amount(percent: int) -> None:
    rules = kr.rules_for(2023)
    full = kr.compute_grant(2023, first_grant_year=2021, percent=100, rules=rules).amount
    assert full == K(330_000)
    whole = attrs.evolve(rules, pro_rata=Fact(False, Status.ASSUMED, _TEST_SOURCE))
    assert kr.compute_grant(2023, first_grant_year=2021, percent=percent, rules=whole).amount == full
    assert _rate_figure(2023, first_grant_year=2021, percent=percent, rules=whole) == full
    # and with it, the share of the percentage
    assert _rate_figure(2023, first_grant_year=2021, percent=percent, rules=rules) * 100 == full * percent
    assert kr.compute_grant(2023, first_grant_year=2021, percent=percent, rules=rules).amount * 100 == full * percent


def test_the_municipality_s_positions_decide_the_2021_grant_on_every_path_of_a_derived_rule_set() -> None:
    from nedtrapping.grant import explain, grant

    # with ten years in the scheme, a position first funded 2017 is in its year 7 in 2023: its grant
    # turns on whether the municipality got the grant in 2021, which its 2019 position says it did
    rules = attrs.evolve(kr.rules_for(2023), max_years_in_scheme=Fact(10, Status.ASSUMED, _TEST_SOURCE))
    alone = GrantQuery(year=2023, first_grant_year=2017, percent=Fraction(100))
    with_others = attrs.evolve(alone, municipality_first_grant_years=(2017, 2019))
    scheme = kr.SCHEME
    assert grant(scheme, alone, rules).amount == K(0)
    assert grant(scheme, with_others, rules).amount == K(330_000)
    assert scheme.rate(alone, rules).eligible is False
    assert scheme.rate(with_others, rules).eligible is True
    assert scheme.rate(scheme.cell(alone), rules).eligible is False  # the cell resolves the answer the same way
    assert scheme.rate(scheme.cell(with_others), rules).eligible is True
    assert explain(scheme.rate(alone, rules), alone).figure == K(0)
    assert explain(scheme.rate(with_others, rules), with_others).figure == K(330_000)


def test_the_default_subject_and_the_year_fields_are_named() -> None:
    explanation = kr.compute_grant(2023, first_grant_year=2021, percent=100).explanation
    (eligibility,) = [s for s in explanation.steps if s.statement.key == "grant.eligibility"]
    assert eligibility.statement.text("en") == "Eligibility of the position"
    assert eligibility.statement.text("nb") == "Vilkår for stillingen"
    named = kr.compute_grant(2023, first_grant_year=2021, percent=100, subject="A / P").explanation
    assert any(s.statement.text("en") == "Eligibility of A / P" for s in named.steps)
    for kwargs, field in (({"year": "2023", "first_grant_year": 2021}, "year"),
                          ({"year": 2023, "first_grant_year": "2021"}, "first_grant_year")):
        with pytest.raises(InvalidTypeError) as info:
            kr.compute_grant(percent=100, **kwargs)  # type: ignore[arg-type]
        assert info.value.field == field
        with pytest.raises(InvalidTypeError) as info:
            kr.SCHEME.rate(GrantQuery(percent=Fraction(100), **kwargs))  # type: ignore[arg-type]
        assert info.value.field == field


def _notes(first: int, years: tuple[int, ...], subject: str = "Nord-Fron / P",
           municipality: tuple[int, ...] = ()) -> dict[str, list[dict[str, object]]]:
    query = GrantQuery(year=years[0], first_grant_year=first, percent=Fraction(100), subject=subject,
                       municipality_first_grant_years=municipality)
    found: dict[str, list[dict[str, object]]] = {}
    for n in kr.SCHEME.position_notes(query, years):
        found.setdefault(n.key.rsplit(".", 1)[-1], []).append(dict(n.fields))
    return found


@pytest.mark.parametrize("first", [2017, 2018, 2019, 2020, 2021])
def test_the_carry_over_note_is_for_the_year_right_after_a_position_s_four_years_only(first: int) -> None:
    years = (2022, 2023, 2024, 2025)
    kr._CARRY_OVER_YEARS.clear()  # computed here, not read from what an earlier plan kept
    carried = [f["year"] for f in _notes(first, years).get("carry_over", [])]
    # the exception is a rule of 2024 only (INN-24): a position in its year 5 in 2024 was first funded in 2020
    assert carried == ([2024] if first == 2020 else [])


@pytest.mark.parametrize(("years", "noted"), [((2021,), False), ((2022,), True), ((2023,), True), ((2024,), True),
                                             ((2025,), False), ((2021, 2025), False), ((2025, 2024), True)])
def test_position_notes_are_given_for_plans_of_the_phase_down_years_2022_to_2024(years: tuple[int, ...],
                                                                                 noted: bool) -> None:
    # a position first funded 2023 is warned about (no new positions), in a plan of the phase-down years only
    assert bool(_notes(2023, years)) is noted


def test_the_inferred_2021_note_names_the_municipality_and_the_first_grant_years() -> None:
    alone = _notes(2019, (2022,), subject="Nord Fron / Ruskonsulent")["inferred_2021"]
    assert alone == [{"first": "2019", "municipality": "Nord Fron", "status": Status.INFERRED}]
    shared = _notes(2019, (2022,), subject="Nord Fron / Ruskonsulent", municipality=(2021, 2019, 2021))
    assert shared["inferred_2021"][0]["first"] == "2019, 2021"


def test_the_total_increase_is_none_in_the_first_year_and_the_sum_of_the_rows_after() -> None:
    plan = plan_municipality([
        Position(municipality="K", position="A", percent=100, first_grant_year=2021, cost=FixedCost(K(700_000))),
        Position(municipality="K", position="B", percent=50, first_grant_year=2018, cost=FixedCost(K(400_000))),
    ])
    first, *later = plan.years
    assert plan.totals[first].own_financing_increase is None
    for year in later:
        rows = [r for r in plan.rows if r.year == year]
        increase = plan.totals[year].own_financing_increase
        assert increase is not None and increase == sum((r.own_financing_increase for r in rows), K(0))
        previous = plan.totals[year - 1].own_financing
        assert previous is not None and increase == plan.totals[year].own_financing - previous  # type: ignore[operator]


def test_a_salary_cost_explains_the_amount_it_is_given() -> None:
    from nedtrapping.cofinancing import SalaryCost, cost_explanation

    cost = SalaryCost(K(600_000), zone="1", pension_percent="12")
    amount = cost.cost_in(2023)
    assert cost_explanation(cost, 2023, amount).figure == amount
    half = cost_explanation(cost, 2023, K(1), scale=Fraction(1, 2))
    assert half.figure == K(1) and "at 50 %: the position's percentage changed" in half.to_text("en")
    assert "ved 50 %: stillingsprosenten er endret" in half.to_text()  # bokmål by default


def test_an_empty_plan_has_no_increase_in_its_first_year_and_zero_after() -> None:
    # a plan from 2023 has no year before it to rise from: its first increase is not computed
    plan = plan_municipality([], years=[2023, 2024, 2025])
    first, *later = plan.years
    assert plan.base_year is None and plan.totals[first].own_financing_increase is None
    assert all(plan.totals[y].own_financing_increase == K(0) for y in later)
    # a plan from 2022 rises from the base year 2021: nothing rises from nothing
    plan = plan_municipality([])
    assert plan.base_year == 2021 and all(t.own_financing_increase == K(0) for t in plan.totals.values())


def _one(first: int = 2021, cost: Money = Money.kroner(700_000), **kw: object) -> Position:
    return Position(municipality="K", position="P", percent=100, first_grant_year=first, cost=cost, **kw)


@pytest.mark.parametrize(("cost", "warned"), [(K(330_000), False), (K(329_999), True), (K(330_001), False)])
def test_the_grant_exceeds_cost_warning_starts_one_krone_below_the_grant(cost: Money, warned: bool) -> None:
    # 2023: 330 000 kr for a 100 % position; a cost of exactly that leaves 0 kr to the municipality, no warning
    # (costs are whole kroner once rounded, so one krone below the grant is the first cost warned about)
    plan = plan_municipality([_one(cost=cost)], years=[2023])
    found = [n for n in plan.notices if n.key == "warning.grant_exceeds_cost"]
    assert bool(found) is warned
    if warned:
        assert dict(found[0].fields) == {"subject": "K / P", "year": 2023, "grant": K(330_000), "cost": K(329_999)}


def test_an_unknown_figure_s_problem_names_its_rule_set_and_path() -> None:
    (problem,) = plan_municipality([_one(first=2020)], years=[2022]).problems
    assert (problem.municipality, problem.position, problem.year) == ("K", "P", 2022)
    assert (problem.rule_set, problem.path) == ("kommunalt-rusarbeid 2022", "ladder.step_3")


def test_a_fact_warning_adds_the_note_of_a_supplied_value_only_and_lists_every_rule_set_using_it() -> None:
    supplied = kr.rules_for(2022).with_ladder_step(3, K(480_000), source="tilsagnsbrev")
    plan = plan_municipality([_one(first=2020)], rules={2022: supplied})
    # a warning names its rule value by its path (FactName), shown as the catalogue's label in each language
    facts = {dict(n.fields)["name"]: dict(n.fields) for n in plan.notices if n.key == "warning.fact"}
    step_3 = facts[FactName("ladder.step_3")]
    assert step_3["value"].text("en") == "480 000 kr (replaces a value with status 'unknown')"
    assert step_3["value"].text("nb") == "480 000 kr (erstatter en verdi med status «ukjent»)"
    assert step_3["status"] is Status.USER_SUPPLIED
    assumed = facts[FactName("ladder_amounts_basis")]
    assert assumed["status"] is Status.ASSUMED  # its note is not added to its value:
    assert assumed["value"].text("en") == "the ladder amounts of the 2017 and 2019 awards still apply"
    assert assumed["value"].text("nb") == "beløpene i årsstigen fra tildelingene i 2017 og 2019 gjelder fortsatt"
    # one warning per value and source: pro rata is inferred from one source for 2022 and another for 2023
    pro_rata = [n for n in plan.notices if n.key == "warning.fact" and dict(n.fields)["name"] == FactName("pro_rata")]
    assert len({dict(n.fields)["citation"] for n in pro_rata}) == len(pro_rata) == 2
    assert facts[FactName("year_in_scheme_rule")]["where"] == "kommunalt-rusarbeid 2021, " \
        "kommunalt-rusarbeid 2022, kommunalt-rusarbeid 2023, kommunalt-rusarbeid 2024"  # 2021: the base year
    (supplied_warning,) = [n for n in plan.notices if n.key == "warning.fact"
                           and dict(n.fields)["name"] == FactName("ladder.step_3")]
    assert supplied_warning.text("en").startswith("user-supplied: ladder step 3 = 480 000 kr")
    assert supplied_warning.text("nb").startswith("oppgitt av bruker: trinn 3 i årsstigen = 480 000 kr")


@pytest.mark.parametrize("year", [2021, 2022, 2023, 2024, 2025])
def test_the_rate_names_the_same_rule_values_as_the_explanation_for_every_first_year_and_answer(year: int) -> None:
    # the rate (what a plan warns and stamps from) and its explanation must cite the same rule values by
    # the same paths; the explanation adds only the library's rounding rule
    for first in range(2014, 2024):
        for received in (None, True, False):
            query = GrantQuery(year=year, first_grant_year=first, percent=Fraction(100),
                               options={"received_grant_in_2021": received})
            try:
                explained = kr.compute_grant(year, first_grant_year=first, percent=100,
                                             received_grant_in_2021=received)
            except UnknownValueError:
                with pytest.raises(UnknownValueError):
                    kr.SCHEME.rate(query)
                continue
            rate = kr.SCHEME.rate(query)
            named = {u.name for u in explained.facts_used}
            assert {ref.path for ref in rate.uses} == named - {"rounding.half_up"}, (year, first, received)
            assert ("rounding.half_up" in named) is rate.eligible  # rounded only when there is an amount
            assert rate.eligible is explained.verdict.eligible
            if rate.eligible:  # the amount is named by its path: the ladder step of the year in the scheme, or flat
                amount = f"ladder.step_{year - first + 1}" if year <= 2022 else "flat_amount"
                assert amount in named, (year, first, received)


def test_a_flat_amount_made_unknown_names_its_rule_set_and_path() -> None:
    rules = attrs.evolve(kr.rules_for(2023), flat_amount=Fact.unknown(_TEST_SOURCE))
    with pytest.raises(UnknownValueError) as info:
        rules.amount_fact(1)
    assert (info.value.path, info.value.rule_set) == ("flat_amount", "kommunalt-rusarbeid 2023")
    no_method = attrs.evolve(kr.rules_for(2023), method=Fact.unknown(_TEST_SOURCE))
    with pytest.raises(UnknownValueError) as info:
        no_method.amount_fact(1)
    assert (info.value.path, info.value.rule_set) == ("method", "kommunalt-rusarbeid 2023")


def test_the_rate_refuses_a_year_that_is_not_a_year_and_rules_of_another_kind_by_name() -> None:
    for kwargs, field in (({"year": "2023", "first_grant_year": 2021}, "year"),
                          ({"year": 2023, "first_grant_year": 2021.0}, "first_grant_year")):
        with pytest.raises(InvalidTypeError) as info:
            kr.rate(GrantQuery(**kwargs))  # type: ignore[arg-type]
        assert info.value.field == field
    for rules in ("2023", get_rule_set("nav-sosiale-tjenester", 2022)):
        with pytest.raises(InvalidTypeError, match=rf"forventet KommunaltRusarbeidRules \(et regelsett for kommunalt "
                                                   rf"rusarbeid\), fikk {type(rules).__name__}\b") as info:
            kr.compute_grant(2023, first_grant_year=2021, percent=100, rules=rules)  # type: ignore[arg-type]
        assert info.value.field == "rules"
    assert info.value.value == "nav-sosiale-tjenester 2022"  # a rule set of another kind: named by its key
    with pytest.raises(InvalidValueError, match=r"regelsettet gjelder 2022, men tilskuddet det spørres om, "
                                                r"gjelder 2023") as wrong:
        kr.compute_grant(2023, first_grant_year=2021, percent=100, rules=kr.rules_for(2022))
    assert wrong.value.text("en").endswith("the rules are for 2022, but the grant asked for is for 2023")
    assert (wrong.value.field, wrong.value.value) == ("rules", "kommunalt-rusarbeid 2022")


@pytest.mark.parametrize("percent", [Fraction(0), Fraction(101), Fraction(201, 2), Fraction(-1)])
def test_a_position_percentage_outside_0_to_100_is_refused_also_as_an_exact_fraction(percent: Fraction) -> None:
    with pytest.raises(InvalidValueError) as info:
        Position(municipality="K", position="P", percent=percent, first_grant_year=2021, cost=K(1))
    assert info.value.field == "percent"


def test_a_cost_of_zero_is_allowed_and_parse_share_refuses_trailing_letters() -> None:
    assert FixedCost(K(0)).cost_in(2023) == K(0)
    from nedtrapping.money import parse_share

    assert parse_share("12,5 %") == Fraction(25, 2)
    for text in ("5X", "5 x", "x"):
        with pytest.raises(InvalidValueError) as info:
            parse_share(text)
        assert info.value.field == "share"


def test_the_float_refusal_says_how_to_convert_deliberately() -> None:
    with pytest.raises(FloatRefusedError) as info:
        Money.kroner(0.1)  # type: ignore[arg-type]
    assert info.value.text("en") == ("field 'Money.kroner': got the float 0.1. Floats are not exact and are refused in "
                                     "money paths; pass an int, Decimal, Fraction or a string, or convert deliberately "
                                     "with Money.from_float(...).")
    assert str(info.value) == ("felt «Money.kroner»: fikk flyttallet 0.1. Flyttall er ikke eksakte og avvises der det "
                               "regnes med penger; gi en int, Decimal, Fraction eller tekst, eller gjør det bevisst "
                               "med Money.from_float(...).")


def test_a_scheme_object_plans_as_its_id_does() -> None:
    positions = [_one(first=2019), Position(municipality="K", position="Q", percent=50, first_grant_year=2021,
                                            cost=K(400_000))]
    by_object = plan_municipality(positions, scheme=kr.SCHEME)
    by_id = plan_municipality(positions, scheme="kommunalt-rusarbeid")
    assert by_object.scheme_id == "kommunalt-rusarbeid"
    assert [(r.position, r.year, r.grant, r.own_financing) for r in by_object.rows] == \
        [(r.position, r.year, r.grant, r.own_financing) for r in by_id.rows]
