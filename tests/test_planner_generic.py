"""One planner for every scheme that pays per position; figures first, explanations on demand."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nedtrapping import strategies as nst
from nedtrapping.cofinancing import FixedCost
from nedtrapping.grant import figure
from nedtrapping.money import Money
from nedtrapping.plan import Plan, Position, plan_municipality
from nedtrapping.provenance import UnknownValueError
from nedtrapping.readable import read
from nedtrapping.registry import UnknownSchemeError, position_scheme, position_scheme_ids
from nedtrapping.render import plan as render_plan
from nedtrapping.rounding import round_cap_down_to_kroner
from nedtrapping.scheme import GrantQuery
from nedtrapping.schemes import kommunalt_rusarbeid as rusarbeid
from nedtrapping.schemes import nav_sosiale_tjenester as nav

K = Money.kroner


def _pos(name: str = "Veileder", first: int = 2022, percent: object = 100, **kw: object) -> Position:
    return Position(municipality="Testkommune", position=name, percent=percent, first_grant_year=first,
                    cost=FixedCost(K(700_000)), **kw)  # type: ignore[arg-type]


def test_both_schemes_are_plannable_and_an_unknown_one_names_them() -> None:
    assert {"kommunalt-rusarbeid", "nav-sosiale-tjenester"} <= set(position_scheme_ids())
    with pytest.raises(UnknownSchemeError, match="nav-sosiale-tjenester"):
        position_scheme("langvarige-sammensatte")  # has rule sets, but pays per measure, not per position


def test_a_nav_position_and_a_rusarbeid_position_plan_through_the_same_planner() -> None:
    nav_plan = plan_municipality([_pos(percent=50)], scheme="nav-sosiale-tjenester")
    rus_plan = plan_municipality([_pos(first=2021, percent=50)])
    assert type(nav_plan) is type(rus_plan) is Plan
    assert nav_plan.scheme_id == "nav-sosiale-tjenester" and rus_plan.scheme_id == "kommunalt-rusarbeid"
    assert nav_plan.years == (2022,) and rus_plan.years == (2022, 2023, 2024, 2025)
    # 610 000 per 100 % position, pro rata, rounded down; rusarbeid: year 2 of the ladder, 550 000 × 50 %
    assert nav_plan.row("Veileder", 2022).grant == K(305_000)
    assert rus_plan.row("Veileder", 2022).grant == K(275_000)
    assert nav_plan.row("Veileder", 2022).own_financing == K(395_000)
    assert "nav-sosiale-tjenester 2022" in nav_plan.digests
    assert any("maximum" in w for w in nav_plan.warnings)


def test_nav_pays_at_most_three_years_and_an_unplanned_year_is_unknown_not_zero() -> None:
    plan = plan_municipality([_pos(first=2019), _pos("ny", first=2022)], scheme="nav-sosiale-tjenester",
                             years=[2022, 2023])
    assert plan.row("Veileder", 2022).grant == K(0)  # 2022 would be year 4 of the measure
    assert plan.row("ny", 2023).grant is None and plan.row("ny", 2023).own_financing is None
    assert plan.totals[2023].grant is None
    (unknown,) = plan.unknowns
    assert unknown.rule_set == "nav-sosiale-tjenester 2023" and "tilsagnsbrev for 2023" in read(unknown.how_to_supply)
    assert set(unknown.positions) == {"Testkommune / Veileder", "Testkommune / ny"}
    # a grant letter fills the unknown year
    letter = plan_municipality([_pos("ny", first=2022, granted={2023: K(300_000)})], scheme="nav-sosiale-tjenester",
                               years=[2022, 2023])
    assert letter.is_complete and letter.row("ny", 2023).grant == K(300_000)


def test_a_position_option_the_scheme_does_not_read_is_refused() -> None:
    with pytest.raises(ValueError, match="received_grant_in_2021 betyr ingenting i nav-sosiale-tjenester"):
        plan_municipality([_pos(options={"received_grant_in_2021": True})], scheme="nav-sosiale-tjenester")


def test_rules_of_another_scheme_are_refused() -> None:
    with pytest.raises(ValueError, match="ikke til nav-sosiale-tjenester"):
        plan_municipality([_pos()], scheme="nav-sosiale-tjenester", rules={2022: rusarbeid.rules_for(2022)})


@given(percent=nst.position_percentages(), first=st.integers(2018, 2024))
def test_nav_plan_grant_is_the_rounded_down_pro_rata_cap_in_years_one_to_three(percent: Fraction, first: int) -> None:
    plan = plan_municipality([_pos(first=first, percent=percent)], scheme="nav-sosiale-tjenester")
    year_of_measure = 2022 - first + 1
    grant = plan.row("Veileder", 2022).grant
    if 1 <= year_of_measure <= 3:
        assert grant == round_cap_down_to_kroner(K(610_000) * (percent / 100))
        # the same figure as the NAV calculator gives for one measure of one position
        measure = nav.Measure(label="m", positions=[nav.MeasurePosition(label="p", percent=percent)],
                              prior_years=year_of_measure - 1)
        assert grant == nav.maximum_grant([measure]).total
    else:
        assert grant == K(0)


@given(year=st.integers(2021, 2027), first=st.integers(2014, 2024), percent=nst.position_percentages(),
       received=st.sampled_from([None, True, False]))
def test_grant_figure_and_compute_grant_agree_to_the_ore_or_both_refuse(year: int, first: int, percent: Fraction,
                                                                       received: bool | None) -> None:
    kw = dict(first_grant_year=first, percent=percent, received_grant_in_2021=received)
    query = GrantQuery(year=year, first_grant_year=first, percent=percent,
                       options={"received_grant_in_2021": received})
    try:
        explained = rusarbeid.compute_grant(year, **kw)  # type: ignore[arg-type]
    except UnknownValueError as exc:
        with pytest.raises(UnknownValueError) as figure_error:
            rusarbeid.SCHEME.rate(query)
        assert figure_error.value.name == exc.name and figure_error.value.path == exc.path
        return
    rate = rusarbeid.SCHEME.rate(query)
    assert figure(rate, percent) == explained.amount
    assert rate.eligible == explained.verdict.eligible
    assert rate.rule_set.id == explained.rule_set
    # every rule value the explanation names is among the values the rate says it used
    named = {u.name for u in explained.facts_used if u.rule_set}
    assert named <= {ref.path for ref in rate.uses}


def test_planning_builds_no_explanation_until_one_is_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    import nedtrapping.plan_rows as planner

    calls: list[GrantQuery] = []
    original = planner.Explainer.explain_at

    def counting(self: object, rate: object, year: int, percent: object, subject: str) -> object:
        calls.append(GrantQuery(year=year, first_grant_year=0, percent=percent, subject=subject))  # type: ignore[arg-type]
        return original(self, rate, year, percent, subject)  # type: ignore[arg-type]

    monkeypatch.setattr(planner.Explainer, "explain_at", counting)
    plan = plan_municipality([_pos(first=2021), _pos("b", first=2020, granted={2022: K(1)})], years=[2022, 2023])
    assert calls == []
    render_plan.to_csv(plan)
    assert calls == []
    text = plan.explain("Veileder", 2023).to_text("en")
    assert len(calls) == 1 and calls[0].year == 2023 and "330 000 kr" in text


def test_an_unknown_value_is_listed_once_with_every_position_it_affects() -> None:
    plan = plan_municipality([_pos("a", first=2020), _pos("b", first=2020, percent=50), _pos("c", first=2021)])
    assert len(plan.problems) == 2
    (unknown,) = plan.unknowns
    assert (unknown.rule_set, unknown.path) == ("kommunalt-rusarbeid 2022", "ladder.step_3")
    assert unknown.positions == ("Testkommune / a", "Testkommune / b") and unknown.years == (2022,)
    text = render_plan.to_text(plan, lang="en")
    assert text.count("How to supply it") == 1
    assert ("kommunalt-rusarbeid 2022", "ladder.step_2") in plan.used_facts


def test_the_removed_names_are_gone() -> None:
    # 0.x: the deprecated aliases and shim modules were removed (CHANGELOG, "Removed")
    import importlib

    plan = plan_municipality([_pos(first=2021)])
    for name in ("to_csv", "to_dict", "to_text", "to_markdown"):
        assert not hasattr(plan, name)
    for module, name in (("nedtrapping.plan", "PLAN_CSV_COLUMNS"), ("nedtrapping.plan", "DEFAULT_YEARS"),
                         ("nedtrapping.readers.workbook", "write_plan_xlsx"),
                         ("nedtrapping.schemes.kommunalt_rusarbeid", "check_submission"),
                         ("nedtrapping.schemes.kommunalt_rusarbeid", "grant_rate"),
                         ("nedtrapping.schemes.kommunalt_rusarbeid", "grant_figure"),
                         ("nedtrapping.schemes.nav_sosiale_tjenester", "Position")):
        assert not hasattr(importlib.import_module(module), name), (module, name)
    for module in ("nedtrapping.plan_cli", "nedtrapping.calendar_cli", "nedtrapping.rules_cli",
                   "nedtrapping.eligibility"):
        with pytest.raises(ModuleNotFoundError):
            importlib.import_module(module)


def test_plan_repr_is_short() -> None:
    plan = plan_municipality([_pos(str(i), first=2021) for i in range(50)])
    assert len(repr(plan)) < 200 and "50 position(s)" in repr(plan)


def test_warnings_are_worded_in_both_languages_from_one_catalogue() -> None:
    plan = plan_municipality([_pos(first=2021, granted={2022: K(540_000)}), _pos("ny", first=2022)])
    english = plan.warnings
    norwegian = [n.text("nb") for n in plan.notices]
    assert len(english) == len(norwegian) == len(plan.notices) > 3
    assert any(w.startswith("discrepancy: Testkommune / Veileder 2022: granted 540 000 kr") for w in english)
    assert any(w.startswith("avvik: Testkommune / Veileder 2022: tildelt 540 000 kr") for w in norwegian)
    assert any(w.startswith("inferred: pro rata by position percentage") for w in english)
    assert any(w.startswith("utledet: forholdsmessig etter stillingsprosent") for w in norwegian)
    assert any("første tilskuddsår 2022 er etter 2021" in w for w in norwegian)
    assert all(e != n for e, n in zip(english, norwegian))
    table = render_plan.to_text(plan)  # Norwegian by default
    assert "avvik" not in table.split("Tilsagnsbrev som avviker")[0]
    assert "Tilsagnsbrev som avviker fra regelen" in table and "tildelt 540 000 kr (tilsagnsbrev)" in table


def test_every_wording_has_both_languages_and_the_same_fields() -> None:
    import string

    from nedtrapping.wording import LANGS, catalogue

    nb, en = catalogue("nb"), catalogue("en")
    assert set(nb) == set(en)
    for key in nb:
        entry = {"nb": nb[key], "en": en[key]}
        fields = [{f for _, f, _, _ in string.Formatter().parse(entry[lang]) if f} for lang in LANGS]
        assert fields[0] == fields[1], key
        assert all(entry[lang].strip() for lang in LANGS), key


def test_received_2021_is_inferred_once_per_municipality_from_all_its_positions() -> None:
    # the grant is the municipality's: a position first funded 2022 does not make its municipality
    # a newcomer when another of its positions was funded in 2021 — it fails only as a new position
    plan = plan_municipality([_pos("gammel", first=2020), _pos("ny", first=2022)], years=[2023])
    text = plan.explain("ny", 2023).to_text("en")
    assert "The municipality received the grant in 2021 — met" in text
    assert "inferred from the municipality's positions (first grant years 2020, 2022" in text
    assert "The position existed (was funded) in 2021 — NOT met" in text
    assert plan.row("ny", 2023).grant == K(0) and plan.row("gammel", 2023).grant == K(330_000)
    inferred = [w for w in plan.warnings if "received the grant in 2021" in w]
    assert len(inferred) == 1 and inferred[0].startswith("inferred: Testkommune:")
    # a municipality with only a new position was not funded in 2021
    alone = plan_municipality([_pos("ny", first=2022)], years=[2023])
    assert "The municipality received the grant in 2021 — NOT met" in alone.explain("ny", 2023).to_text("en")


def test_a_position_after_its_four_years_in_2024_is_told_about_the_carry_over_exception() -> None:
    plan = plan_municipality([_pos("fem", first=2020), _pos("fire", first=2021)])
    assert plan.row("fem", 2024).grant == K(0)
    assert "Exception: unused money may be carried over" in plan.explain("fem", 2024).to_text("en")
    assert "Exception" not in plan.explain("fire", 2024).to_text("en")
    notes = [w for w in plan.warnings if "transfer of unused money" in w]
    assert notes == ["Testkommune / fem 2024: no grant after four years in the scheme, unless a transfer of "
                     "unused money is applied for and approved"]
