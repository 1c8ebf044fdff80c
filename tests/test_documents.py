"""JSON for services: the plan and positions documents fit their shipped schemas, and plans round-trip."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nedtrapping.cli import main
from nedtrapping.cofinancing import FixedCost, SalaryCost
from nedtrapping.documents import (
    DocumentError,
    plan_from_dict,
    plan_from_json,
    plan_schema,
    positions_from_dict,
    positions_to_dict,
    validate,
)
from nedtrapping.example import example_positions
from nedtrapping.money import Money
from nedtrapping.plan import Position, plan_municipality
from nedtrapping.provenance import Citation
from nedtrapping.render.plan import to_dict, to_json
from nedtrapping.schemes.kommunalt_rusarbeid import rules_for
from nedtrapping.strategies import position_lists

K = Money.kroner


def test_the_schemas_are_shipped_in_the_package_and_are_valid_schemas() -> None:
    for name in ("plan.schema.json", "positions.schema.json"):
        data = json.loads(resources.files("nedtrapping").joinpath("schemas", name).read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(data)
    assert plan_schema()["properties"]["document"] == {"const": "nedtrapping.plan"}


def test_the_cli_json_fits_the_plan_schema_and_carries_the_digests(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    validate(document)
    assert document["rule_set_digests"] and document["positions"][0]["municipality"] == "Eksempel kommune"


def test_an_incomplete_plan_with_a_grant_letter_and_a_supplied_step_fits_and_round_trips() -> None:
    supplied = rules_for(2022).with_ladder_step(3, K(480_000), Citation("Tilsagnsbrev 2022", tag="USER"))
    plan = plan_municipality([
        Position(municipality="A", position="x", percent="33.3", first_grant_year=2020, cost=FixedCost(K(700_000)),
                 granted={2023: Money(ore=10_989_050)}),
        Position(municipality="B", position="y", percent=100, first_grant_year=2019, cost=FixedCost(K(1))),
    ], rules={2022: supplied})
    document = to_dict(plan)
    validate(document)
    assert document["supplied_rule_values"][0]["value"] == "480000"
    again = plan_from_json(to_json(plan))
    assert to_dict(again) == document


def test_a_salary_based_cost_round_trips() -> None:
    plan = plan_municipality([Position(municipality="A", position="x", percent=50, first_grant_year=2021,
                                       cost=SalaryCost(K(600_000), zone="1a", zone_1a_rate="reduced",
                                                       pension_percent="12.5", percent=50, birth_year=1960))])
    document = json.loads(to_json(plan))
    validate(document)
    assert document["positions"][0]["cost"]["kind"] == "salary"
    assert to_dict(plan_from_dict(document)) == document


def test_a_document_the_rules_no_longer_make_is_refused() -> None:
    document = to_dict(plan_municipality(example_positions()))
    tampered = json.loads(json.dumps(document))
    tampered["rows"][0]["grant"] = "550001"
    with pytest.raises(DocumentError) as info:
        plan_from_dict(tampered)
    assert str(info.value) == "dokumentets «rows» er ikke det samme som stillingene og reglene i det gir"
    assert info.value.text("en") == "the document's rows differ from what its positions and rules give"
    tampered = json.loads(json.dumps(document))
    tampered["rule_set_digests"]["kommunalt-rusarbeid 2022"] = "0" * 64
    with pytest.raises(DocumentError, match="regelsettene er endret siden planen ble laget") as info:
        plan_from_dict(tampered)
    assert info.value.text("en").startswith("the rule sets have changed since the plan was made")
    with pytest.raises(DocumentError, match="ikke et plandokument") as info:
        plan_from_dict({"document": "something else"})
    assert info.value.text("en").startswith("not a plan document")
    with pytest.raises(jsonschema.ValidationError):
        validate({**document, "rows": [{**document["rows"][0], "grant": 550000}]})  # a number, not exact text


def test_positions_documents_round_trip_and_fit_their_schema() -> None:
    positions = example_positions()
    document = positions_to_dict(positions)
    validate(document, "positions")
    assert positions_from_dict(json.loads(json.dumps(document))) == positions


@settings(max_examples=40)
@given(position_lists(max_size=4, granted=True), st.sampled_from([None, (2021, 2025), (2022, 2024)]))
def test_plans_round_trip_through_json(positions: list[Position], span: tuple[int, int] | None) -> None:
    years = None if span is None else range(span[0], span[1] + 1)
    try:
        plan = plan_municipality(positions, years=years)
    except ValueError:
        return  # e.g. a granted amount outside the years: refused before any document exists
    document = json.loads(to_json(plan))
    validate(document)
    again = plan_from_dict(document)
    assert to_dict(again) == document
    assert again.rows == plan.rows and again.digests == plan.digests


def test_a_bad_positions_document_names_the_place_in_the_document_in_both_languages() -> None:
    document = positions_to_dict(example_positions())
    document["positions"][0]["cost"] = {"kind": "fixed", "annual": 700000}
    with pytest.raises(DocumentError) as info:
        positions_from_dict(document)
    assert info.value.field == "positions[0].cost.annual" and info.value.value == 700000
    assert str(info.value) == ('felt «positions[0].cost.annual»: forventet et beløp som tekst, f.eks. "330000", '
                               'fikk 700000')
    assert info.value.text("en") == ("field 'positions[0].cost.annual': expected an amount as text such as "
                                     '"330000", got 700000')
    document["positions"][0]["cost"] = {"kind": "fixed", "annual": "780.000"}
    with pytest.raises(DocumentError) as info:
        positions_from_dict(document)
    assert str(info.value).startswith("felt «positions[0].cost.annual»: «780.000» er tvetydig")
    del document["positions"][0]["cost"]
    with pytest.raises(DocumentError) as info:
        positions_from_dict(document)
    assert (str(info.value), info.value.text("en")) == ("felt «positions[0]»: «cost» mangler",
                                                        "field 'positions[0]': missing 'cost'")
