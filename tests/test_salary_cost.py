"""Issue 9: the cost of a position built from its salary — holiday pay, employer's contribution by zone, pension.

Expected values are computed here from the rules as the sources state them (ferieloven § 10, the zone
rates, Eigersund kommune's «tilsvarende 5 uker»), not read back from the code.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nedtrapping import strategies as nst
from nedtrapping.cli import main
from nedtrapping.cofinancing import FixedCost, SalaryCost, cost_explanation, exact_cost
from nedtrapping.costs import lonnskostnader as lk
from nedtrapping.costs.lonnskostnader import HolidayPay, Zone, Zone1aRate, ZoneError, parse_zone
from nedtrapping.money import Money
from nedtrapping.plan import Position, plan_municipality
from nedtrapping.provenance import Status, UnknownValueError
from nedtrapping.readable import read
from nedtrapping.readers.table import PositionsCSVError, parse_positions_csv, parse_zone_cell
from nedtrapping.registry import UnknownSchemeError, get_rule_set, years_of
from nedtrapping.rounding import round_half_up_to_kroner

K = Money.kroner


def _half_up(ore: Fraction) -> Money:
    kroner = ore / 100
    whole = int(kroner)
    if kroner - whole >= Fraction(1, 2):
        whole += 1
    return Money.kroner(whole)


# ----------------------------------------------------------------------------- done when


def _by_hand(salary: int, *, year: int, aga: str, pension: str, days: int = 30, hp: str = "12") -> Fraction:
    """The cost in øre, written out from the rules (not from the library)."""
    s = Fraction(salary * 100)
    paid = s - s * days / 312
    holiday = paid * Fraction(hp) / 100
    premium = s * Fraction(pension) / 100
    contribution = (paid + holiday + premium) * Fraction(aga) / 100
    return paid + holiday + premium + contribution


def test_done_when_600000_in_zone_1_with_12_percent_holiday_pay_and_a_supplied_pension_rate() -> None:
    cost = SalaryCost(K(600_000), percent=100, zone="1", holiday_pay="12", pension_percent="12,5")
    position = Position(municipality="Eksempel kommune", position="Ruskonsulent", percent=100,
                        first_grant_year=2021, cost=cost)
    plan = plan_municipality([position])
    assert plan.years == (2022, 2023, 2024, 2025)
    for year in plan.years:
        row = plan.row("Ruskonsulent", year)
        expected = _half_up(_by_hand(600_000, year=year, aga="14.1", pension="12.5"))
        assert row.cost == expected
        # the plan's own financing follows from it
        assert row.grant is not None and row.own_financing == row.cost - row.grant
    row = plan.row("Ruskonsulent", 2024)
    assert row.cost == K(778_601)
    assert row.grant == K(330_000) and row.own_financing == K(448_601)
    # the explanation lists each component with its source
    text = plan.explain("Ruskonsulent", 2024).to_text("en")
    for words in ("Salary", "Holiday deduction", "Holiday pay", "Pension premium", "Employer's contribution, zone 1",
                  "Extra employer's contribution", "Rounded once, half up"):
        assert words in text, words
    text = plan.explain("Ruskonsulent", 2024).to_text("nb")
    for words in ("Lønn", "Ferietrekk", "Feriepenger", "Pensjonspremie", "Arbeidsgiveravgift, sone 1",
                  "Ekstra arbeidsgiveravgift", "Avrundet én gang, halvt opp"):
        assert words in text, words
    facts = {(f.name, f.citation.tag) for f in plan.explain("Ruskonsulent", 2024).all_facts()}
    assert ("holiday_pay_fifth_week", "EIGERSUND-FERIE") in facts
    assert ("holiday_days_fifth_week", "EIGERSUND-FERIE") in facts
    assert ("virkedager_per_year", "NHO-FERIE") in facts
    assert ("employer_contribution.zone_1", "STICOS-23") in facts
    assert ("contribution_base", "FTRL-23-2") in facts
    assert ("extra_contribution_threshold", "SKD-24") in facts
    assert ("input.pension", "INPUT") in facts and ("input.salary", "INPUT") in facts
    # every rule value the cost used names its rule set
    used = [f for f in plan.explain("Ruskonsulent", 2024).all_facts() if f.rule_set == "lonnskostnader 2024"]
    assert len(used) >= 8


def test_a_missing_pension_rate_is_an_explained_error_never_0() -> None:
    with pytest.raises(UnknownValueError) as info:
        SalaryCost(K(600_000), zone="1")
    message = str(info.value)
    assert "Biblioteket gjetter den ikke, og regner den ikke som 0." in message
    assert ("Slik oppgir du den: oppgi premiesatsen kommunen betaler pensjonsleverandøren sin (KLP, Statens "
            "pensjonskasse eller egen pensjonskasse) for stillingen") in message
    english = info.value.text("en")
    assert "The library will not guess it, and will not treat it as 0." in english
    assert "How to supply it: give the pension premium rate your municipality pays its pension provider" in english
    assert info.value.fact.status is Status.UNKNOWN and info.value.fact.value is None
    # in a positions file, the row is reported with its column; nothing is planned
    with pytest.raises(PositionsCSVError) as csv_info:
        parse_positions_csv("kommune;stilling;stillingsprosent;første_tilskuddsår;årslønn;sone;pensjon\n"
                            "K;P;100;2021;600 000;1;\n")
    (problem,) = csv_info.value.problems
    assert (problem.row, problem.column, problem.value) == (2, "pensjon", "")
    assert "never taken as 0" in problem.expected.text("en") and "regnes aldri som 0" in problem.expected.text("nb")
    # and a file without a pension column at all
    with pytest.raises(PositionsCSVError) as no_column:
        parse_positions_csv("municipality,position,percent,first_year,salary,zone\nK,P,100,2021,600000,1\n")
    assert [(p.row, p.column) for p in no_column.value.problems] == [(2, "pension_rate/pensjon")]


def test_an_explicit_pension_rate_of_0_is_the_users_statement() -> None:
    cost = SalaryCost(K(600_000), zone="5", pension_percent=0)
    assert cost.breakdown(2022).component("pension").ore == 0


# ----------------------------------------------------------------------------- properties


@given(nst.salary_costs(), nst.cost_rule_years())
def test_the_components_add_up_to_the_total_to_the_ore(cost: SalaryCost, year: int) -> None:
    b = cost.breakdown(year)
    assert tuple(c.key for c in b.components) == lk.COMPONENT_KEYS
    assert sum((Fraction(c.amount.ore) for c in b.components), Fraction(0)) == Fraction(b.exact_total.ore)
    assert b.total == round_half_up_to_kroner(b.exact_total) == cost.cost_in(year)
    # the explanation shows the rounded total and one rounding step
    expl = b.explanation()
    assert expl.figure == b.total
    assert sum(1 for s in expl.steps if s.statement.text("en").startswith("Rounded once")) == 1


@given(nst.salary_costs(growth=False), nst.salaries(), nst.cost_rule_years())
def test_cost_rises_monotonically_with_the_salary(cost: SalaryCost, other: Money, year: int) -> None:
    low, high = sorted([cost.salary, other], key=lambda m: m.ore)
    a = attrs.evolve(cost, salary=low).breakdown(year)
    b = attrs.evolve(cost, salary=high).breakdown(year)
    assert a.exact_total.ore <= b.exact_total.ore
    assert a.total <= b.total
    if low != high:
        assert a.exact_total.ore < b.exact_total.ore


@given(nst.salary_costs(growth=False), nst.pension_percentages(), nst.cost_rule_years())
def test_cost_rises_monotonically_with_the_pension_rate(cost: SalaryCost, other: Fraction, year: int) -> None:
    assert cost.pension_percent is not None
    low, high = sorted([cost.pension_percent, other])
    a = attrs.evolve(cost, pension_percent=low).exact_in(year)
    b = attrs.evolve(cost, pension_percent=high).exact_in(year)
    assert a.ore <= b.ore


def _with(rules: lk.LonnskostnadRules, **changes: object) -> lk.LonnskostnadRules:
    out = rules
    for path, value in changes.items():
        if path.startswith("zone_"):
            rates = attrs.evolve(out.employer_contribution,
                                 **{path: attrs.evolve(getattr(out.employer_contribution, path), value=value)})
            out = attrs.evolve(out, employer_contribution=rates)
        else:
            out = attrs.evolve(out, **{path: attrs.evolve(getattr(out, path), value=value)})
    return out


RATES = st.integers(min_value=0, max_value=3000).map(lambda u: Decimal(u) / 100)


@given(nst.salary_costs(growth=False), nst.cost_rule_years(), RATES, RATES,
       st.sampled_from(["holiday_pay_fifth_week", "holiday_pay_statutory", "senior_supplement",
                        "extra_contribution_rate", "zone_1", "zone_1a_reduced", "zone_1a_full", "zone_2", "zone_3",
                        "zone_4", "zone_4a", "zone_5"]))
def test_cost_rises_monotonically_with_each_rate(cost: SalaryCost, year: int, r1: Decimal, r2: Decimal,
                                                 path: str) -> None:
    low, high = sorted([r1, r2])
    rules = lk.rules_for(year)
    a = attrs.evolve(cost, rule_sets=(_with(rules, **{path: low}),)).exact_in(year)
    b = attrs.evolve(cost, rule_sets=(_with(rules, **{path: high}),)).exact_in(year)
    assert a.ore <= b.ore


@given(nst.salary_costs(growth=False), nst.cost_rule_years(),
       st.integers(min_value=50_000, max_value=200_000))
def test_cost_rises_monotonically_with_g(cost: SalaryCost, year: int, g: int) -> None:
    rules = lk.rules_for(year)
    base = attrs.evolve(cost, rule_sets=(_with(rules, grunnbelop=K(g)),)).exact_in(year)
    more = attrs.evolve(cost, rule_sets=(_with(rules, grunnbelop=K(g + 1)),)).exact_in(year)
    assert base.ore <= more.ore


@given(nst.salary_costs(growth=False), nst.cost_rule_years())
def test_a_zone_5_position_pays_no_employers_contribution(cost: SalaryCost, year: int) -> None:
    b = attrs.evolve(cost, zone=Zone.FIVE, zone_1a_rate=None).breakdown(year)
    assert b.component("employer_contribution").ore == 0
    # the extra contribution of 2023–2024 is due in every zone, above its threshold only
    rules = lk.rules_for(year)
    pay = sum(Fraction(b.component(k).ore) for k in ("salary", "holiday_deduction", "holiday_pay",
                                                    "holiday_pay_over_60"))
    threshold = rules.extra_contribution_threshold
    if threshold is None or pay <= threshold.value.ore:  # type: ignore[union-attr]
        assert b.component("extra_employer_contribution").ore == 0
    else:
        assert b.component("extra_employer_contribution").ore == (pay - threshold.value.ore) * 5 / 100  # type: ignore[union-attr]


@given(nst.salary_costs(growth=False), nst.cost_rule_years())
def test_zone_1_costs_at_least_as_much_as_every_other_zone(cost: SalaryCost, year: int) -> None:
    one = attrs.evolve(cost, zone=Zone.ONE, zone_1a_rate=None).exact_in(year).ore
    for zone, rate in ((Zone.ONE_A, Zone1aRate.REDUCED), (Zone.ONE_A, Zone1aRate.FULL), (Zone.TWO, None),
                       (Zone.THREE, None), (Zone.FOUR, None), (Zone.FOUR_A, None), (Zone.FIVE, None)):
        assert attrs.evolve(cost, zone=zone, zone_1a_rate=rate).exact_in(year).ore <= one


@given(nst.salary_costs(), nst.cost_rule_years(), nst.position_percentages())
def test_a_changed_percentage_is_computed_not_scaled(cost: SalaryCost, year: int, new: Fraction) -> None:
    scale = new / cost.percent
    assert exact_cost(cost, year, scale) == attrs.evolve(cost, percent=new).exact_in(year)
    assert exact_cost(FixedCost(K(700_000)), year, scale) == K(700_000) * scale


# ----------------------------------------------------------------------------- the rules applied


def test_holiday_pay_over_60_is_raised_from_the_year_the_employee_turns_59_and_capped_at_6_g() -> None:
    rules = lk.rules_for(2024)
    g = rules.grunnbelop.value
    assert g == K(124_028)
    big = SalaryCost(K(1_000_000), zone="5", pension_percent=0, birth_year=1965)  # turns 59 in 2024
    b = big.breakdown(2024)
    assert Fraction(b.component("holiday_pay_over_60").ore) == Fraction(6 * g.ore) * Fraction(23, 1000)
    # the extra week is deducted only from the year the employee turns 60
    assert Fraction(b.component("holiday_deduction").ore) == -Fraction(100_000_000) * Fraction(30, 312)
    turns_60 = attrs.evolve(big, birth_year=1964).breakdown(2024)
    assert Fraction(turns_60.component("holiday_deduction").ore) == -Fraction(100_000_000) * Fraction(36, 312)
    small = SalaryCost(K(300_000), zone="5", pension_percent=0, birth_year=1965).breakdown(2024)
    paid = Fraction(30_000_000) * Fraction(282, 312)
    assert Fraction(small.component("holiday_pay_over_60").ore) == paid * Fraction(23, 1000)
    younger = SalaryCost(K(300_000), zone="5", pension_percent=0, birth_year=1966).breakdown(2024)
    assert younger.component("holiday_pay_over_60").ore == 0
    assert "turns 59 in 2025" in younger.explanation().to_text("en")
    assert "fyller 59 i 2025" in younger.explanation().to_text("nb")


def test_ferielovens_10_2_percent_with_25_virkedager() -> None:
    cost = SalaryCost(K(600_000), zone="2", pension_percent=10, holiday_pay="10,2")
    assert cost.cost_in(2022) == _half_up(_by_hand(600_000, year=2022, aga="10.6", pension="10", days=25,
                                                   hp="10.2"))


def test_the_extra_contribution_of_2023_and_2024_and_none_before_or_after() -> None:
    cost = SalaryCost(K(1_000_000), zone="5", pension_percent=12)
    pay = Fraction(100_000_000) * Fraction(282, 312) * Fraction(112, 100)
    assert Fraction(cost.breakdown(2023).component("extra_employer_contribution").ore) == \
        (pay - 75_000_000) * Fraction(5, 100)
    assert Fraction(cost.breakdown(2024).component("extra_employer_contribution").ore) == \
        (pay - 85_000_000) * Fraction(5, 100)
    for year in (2021, 2022, 2025):
        assert cost.breakdown(year).component("extra_employer_contribution").ore == 0
    assert "none in 2025" in cost.breakdown(2025).explanation().to_text("en")


def test_growth_compounds_the_salary_exactly_from_its_year() -> None:
    cost = SalaryCost(K(600_000), zone="1", pension_percent=12, growth_percent="3,5", salary_year=2022)
    assert cost.salary_in(2024) == K(600_000) * Fraction(207, 200) ** 2
    with pytest.raises(ValueError, match="salary_year"):
        SalaryCost(K(600_000), zone="1", pension_percent=12, growth_percent=3)


def test_a_year_without_cost_rules_is_refused_with_the_years_there_are() -> None:
    cost = SalaryCost(K(600_000), zone="1", pension_percent=12)
    with pytest.raises(UnknownSchemeError, match=r"2021, 2022, 2023, 2024, 2025.*årskostnad"):
        cost.cost_in(2026)
    position = Position(municipality="K", position="P", percent=100, first_grant_year=2021, cost=cost)
    with pytest.raises(UnknownSchemeError, match="ingen kostnadsregler for 2026") as info:
        plan_municipality([position], years=[2025, 2026])
    assert info.value.text("en").startswith("no cost rules for 2026: the cost of a salary-based position needs")


def test_the_salary_cost_must_be_for_the_positions_percentage() -> None:
    cost = SalaryCost(K(600_000), zone="1", pension_percent=12, percent=50)
    with pytest.raises(ValueError, match="regnet for en stilling på 50 %, men stillingen er på 100 %"):
        Position(municipality="K", position="P", percent=100, first_grant_year=2021, cost=cost)


def test_a_plan_computes_a_changed_percentage_and_explains_it() -> None:
    cost = SalaryCost(K(900_000), zone="1", pension_percent=12, birth_year=1964)
    position = Position(municipality="K", position="P", percent=100, first_grant_year=2021, cost=cost,
                        percent_changes={2024: 50})
    plan = plan_municipality([position])
    assert plan.row("P", 2024).cost == attrs.evolve(cost, percent=50).cost_in(2024)
    assert plan.row("P", 2024).cost != round_half_up_to_kroner(cost.exact_in(2024) * Fraction(1, 2))
    assert "at 50 %: the position's percentage changed" in plan.explain("P", 2024).to_text("en")
    assert "ved 50 %: stillingsprosenten er endret" in plan.explain("P", 2024).to_text("nb")


def test_fixed_cost_explanations_read_in_both_languages() -> None:
    expl = cost_explanation(FixedCost(K(700_000)), 2023, K(700_000))
    assert expl.to_text("en") == ("Full cost 2023: 700 000 kr\n"
                                  "  · cost = fixed annual cost 700 000 kr (user-supplied; brukerens egne budsjettall "
                                  "(stillingene som ble gitt inn))\n"
                                  "  Rounded once, half up to whole kroner: 700 000 kr")
    assert expl.to_text("nb") == ("Full kostnad 2023: 700 000 kr\n"
                                  "  · kostnad = fast årskostnad 700 000 kr (oppgitt av bruker; brukerens egne "
                                  "budsjettall (stillingene som ble gitt inn))\n"
                                  "  Avrundet én gang, halvt opp til hele kroner: 700 000 kr")


# ----------------------------------------------------------------------------- zones


@pytest.mark.parametrize(("text", "zone"), [
    ("1", Zone.ONE), ("I", Zone.ONE), ("sone 1", Zone.ONE), ("2", Zone.TWO), ("II", Zone.TWO), ("III", Zone.THREE),
    ("4a", Zone.FOUR_A), ("IVa", Zone.FOUR_A), ("sone IVa", Zone.FOUR_A), ("V", Zone.FIVE), ("5", Zone.FIVE),
    ("Ia", Zone.ONE_A), ("1A", Zone.ONE_A),
])
def test_zones_as_people_write_them(text: str, zone: Zone) -> None:
    assert parse_zone(text) is zone


def test_zone_1a_asks_whether_the_allowance_covers_the_position() -> None:
    assert parse_zone_cell("1a redusert") == (Zone.ONE_A, Zone1aRate.REDUCED)
    assert parse_zone_cell("Ia full") == (Zone.ONE_A, Zone1aRate.FULL)
    with pytest.raises(ZoneError, match=r"felt «zone»: forventet for sone 1a: om kommunens fribeløp fortsatt dekker "
                                        r"stillingen, «1a redusert» \(10,6 %\) eller «1a full» \(14,1 %\), "
                                        r"fikk «1a»") as info:
        parse_zone_cell("1a")
    assert info.value.text("en") == ("field 'zone': expected for zone 1a, whether the municipality's allowance "
                                     "(fribeløp) still covers the position: '1a redusert' (10.6 %) or '1a full' "
                                     "(14.1 %), got '1a'")
    with pytest.raises(ZoneError, match="sone 2 alene: redusert/full sies bare om sone 1a") as info:
        parse_zone_cell("2 full")
    assert info.value.expected is not None
    assert info.value.expected.text("en") == "zone 2 alone: redusert/full is said only of zone 1a"
    with pytest.raises(ValueError, match="zone_1a_rate"):
        SalaryCost(K(600_000), zone="1a", pension_percent=12)
    reduced = SalaryCost(K(600_000), zone="1a", zone_1a_rate="reduced", pension_percent=12)
    full = attrs.evolve(reduced, zone_1a_rate=Zone1aRate.FULL)
    assert full.cost_in(2024) == SalaryCost(K(600_000), zone="1", pension_percent=12).cost_in(2024)
    assert reduced.cost_in(2024) == SalaryCost(K(600_000), zone="2", pension_percent=12).cost_in(2024)


@pytest.mark.parametrize("text", ["6", "0", "sone", "1b", "VI", ""])
def test_a_zone_that_is_not_one_is_refused_naming_the_zones(text: str) -> None:
    with pytest.raises(ZoneError, match="forventet en sone 1, 1a, 2, 3, 4, 4a eller 5") as info:
        parse_zone(text)
    assert f"a zone 1, 1a, 2, 3, 4, 4a or 5 (also I, Ia, II, III, IV, IVa, V), got '{text}'" in info.value.text("en")


def test_no_table_of_municipalities_is_shipped_the_zone_is_the_users() -> None:
    fact = lk.rules_for(2024).zone_of_municipality
    assert fact.status is Status.UNKNOWN and fact.value is None
    assert fact.citation.tag == "SKATT-SONER"
    assert "ikke lenger en én til én-forhold mellom arbeidsgiveravgiftssone og kommune" in (fact.citation.quote or "")
    how = read(fact.how_to_supply)
    assert "etter regionreformen kan en kommune ligge i mer enn én sone" in how
    assert "may lie in more than one zone" in read(fact.how_to_supply, "en")
    # where the value is, in words: how to type it in is the command line's and Python's to say
    assert "SalaryCost" not in how and "'sone'" not in how and "--" not in how


# ----------------------------------------------------------------------------- positions files


HEADER = "kommune;stilling;stillingsprosent;første_tilskuddsår;årslønn;sone;pensjon;årskostnad;feriepenger;fødselsår\n"


def test_a_positions_file_with_salaries_and_costs() -> None:
    text = (HEADER
            + "K;Ruskonsulent;100;2021;600 000;1;12,5;;12;\n"
            + "K;Miljøterapeut;80;2021;;;;620 000;;\n"
            + "K;Erfaringskonsulent;50;2021;500000;sone IVa;14;;10,2;1964\n")
    a, b, c = parse_positions_csv(text)
    assert a.cost == SalaryCost(K(600_000), zone="1", pension_percent="12.5", holiday_pay="12", salary_year=2022)
    assert b.cost == FixedCost(K(620_000))
    assert isinstance(c.cost, SalaryCost) and c.cost.percent == 50 and c.cost.zone is Zone.FOUR_A
    assert c.cost.holiday_pay is HolidayPay.STATUTORY and c.cost.birth_year == 1964
    plan = plan_municipality([a, b, c])
    assert plan.row("Ruskonsulent", 2024).cost == K(778_601)


def test_every_bad_salary_cell_is_reported_with_row_column_value_and_expected() -> None:
    text = (HEADER
            + "K;a;100;2021;600 000;1;12;700 000;;\n"      # both a salary and a cost
            + "K;b;100;2021;600 000;6;x;;13;19\n"          # bad zone, pension, holiday pay, birth year
            + "K;c;100;2021;;2;12;700 000;;\n"            # a cost row with salary cells
            + "K;d;100;2021;600 000;1a;12;;;\n"           # zone 1a without its rate
            + "K;e;100;2021;0;1;12;;;\n"                  # a zero salary
            + "K;f;100;2021;;;;;;\n")                     # neither
    with pytest.raises(PositionsCSVError) as info:
        parse_positions_csv(text)
    got = {(p.row, p.column, p.value) for p in info.value.problems}
    assert got == {
        (2, "årslønn", "600 000"),
        (3, "sone", "6"), (3, "pensjon", "x"), (3, "feriepenger", "13"), (3, "fødselsår", "19"),
        (4, "sone", "2"), (4, "pensjon", "12"),
        (5, "sone", "1a"),
        (6, "årslønn", "0"),
        (7, "årskostnad", ""),
    }
    by_where = {(p.row, p.column): p.expected for p in info.value.problems}
    assert "not both" in by_where[(2, "årslønn")].text("en")
    assert "1, 1a, 2, 3, 4, 4a eller 5" in read(by_where[(3, "sone")], "nb")
    assert "applies only to a row that gives an annual salary" in by_where[(4, "sone")].text("en")
    assert "«1a redusert» (10,6 %) eller «1a full» (14,1 %)" in read(by_where[(5, "sone")], "nb")
    assert "årslønn" in by_where[(7, "årskostnad")].text("en")
    bokmal = {(p.row, p.column): p.expected.text("nb") for p in info.value.problems}
    assert "ikke begge" in bokmal[(2, "årslønn")] and "1a redusert" in bokmal[(5, "sone")]


def test_the_spreadsheet_reader_reads_salaries_too(tmp_path: object) -> None:
    from pathlib import Path

    openpyxl = pytest.importorskip("openpyxl")
    from nedtrapping.readers.workbook import read_positions_xlsx

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["kommune", "stilling", "stillingsprosent", "første_tilskuddsår", "årslønn", "sone", "pensjon"])
    ws.append(["K", "P", 100, 2021, 600000, "1", 0.125])
    ws["G2"].number_format = "0.0%"
    path = Path(str(tmp_path)) / "p.xlsx"
    book.save(path)
    (p,) = read_positions_xlsx(path)
    assert p.cost == SalaryCost(K(600_000), zone="1", pension_percent="12.5", salary_year=2022)


def test_the_cli_plans_salaries(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    from pathlib import Path

    src = Path(str(tmp_path)) / "p.csv"
    src.write_text("kommune;stilling;stillingsprosent;første_tilskuddsår;årslønn;sone;pensjon\n"
                   "K;P;100;2021;600 000;1;12,5\n", encoding="utf-8")
    assert main(["plan", str(src), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "778601" in out


# ----------------------------------------------------------------------------- the rule set


def test_the_cost_rules_are_registered_for_2021_to_2025() -> None:
    assert years_of("lonnskostnader") == [2021, 2022, 2023, 2024, 2025]
    for year in lk.YEARS:
        assert get_rule_set("lonnskostnader", year) is lk.rules_for(year)
        assert not lk.rules_for(year).deadlines


def test_nedtrapping_rules_shows_the_cost_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert "lonnskostnader" in listing
    assert main(["rules", "lonnskostnader", "2024"]) == 0
    out = capsys.readouterr().out
    assert "arbeidsgiveravgift, sone 1 (employer_contribution.zone_1) = 14,1  [endelig]" in out
    assert "(pension_premium) = ukjent  [ukjent]" in out and "slik oppgir du den:" in out
    assert "--supply 2024:pension_premium=VERDI" in out


def test_breakdown_components_are_exact_amounts() -> None:
    b = SalaryCost(K(600_000), zone="1", pension_percent=12).breakdown(2024)
    assert Fraction(b.component("holiday_deduction").ore) == -Fraction(60_000_000) * Fraction(30, 312)
    with pytest.raises(KeyError, match="components"):
        b.component("bonus")


def test_a_plan_stamps_the_cost_rules_it_used_and_warns_about_their_values_that_are_not_final() -> None:
    cost = SalaryCost(K(600_000), zone="1", pension_percent=12)
    plan = plan_municipality([Position(municipality="K", position="P", percent=100, first_grant_year=2021,
                                       cost=cost)])
    for year in plan.years:
        assert plan.digests[f"lonnskostnader {year}"] == lk.rules_for(year).digest
    assert ("lonnskostnader 2024", "holiday_deduction") in plan.used_facts
    assert ("lonnskostnader 2024", "employer_contribution.zone_1") in plan.used_facts
    warnings = plan.warnings
    assert any(w.startswith("inferred: holiday deduction = ") and "lonnskostnader 2022" in w for w in warnings)
    assert any(w.startswith("assumed: the year holiday pay is counted in = ") for w in warnings)
    assert any(w.startswith("inferred: employer's contribution, zone 1 = 14.1 % ") and "lonnskostnader 2022" in w
               for w in warnings)  # 2022's rates are inferred
    # the rule values by their names in the reader's language
    bokmal = [n.text("nb") for n in plan.notices]
    assert any(w.startswith("utledet: ferietrekk = ") for w in bokmal)
    assert any(w.startswith("utledet: arbeidsgiveravgift, sone 1 = 14,1 % ") for w in bokmal)
    # zone 1 only: the plan warns about the rule values it used
    assert not any(w.startswith("utledet: arbeidsgiveravgift, sone 1a") for w in bokmal)
    # a plan of costs given as figures uses no cost rules
    fixed = plan_municipality([Position(municipality="K", position="P", percent=100, first_grant_year=2021,
                                        cost=K(700_000))])
    assert not any(key.startswith("lonnskostnader") for key in fixed.digests)
    assert not any("holiday" in w for w in fixed.warnings)
