"""The shipped JSON Schemas validate offline, with jsonschema and the package alone (issue 18)."""

from __future__ import annotations

import socket

import pytest

from nedtrapping.documents import plan_schema, positions_schema, positions_to_dict, schema_registry
from nedtrapping.example import example_positions
from nedtrapping.plan import plan_municipality
from nedtrapping.render.plan import to_dict

jsonschema = pytest.importorskip("jsonschema")


def test_the_schemas_resolve_from_the_package_without_a_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a schema was fetched from the network")

    monkeypatch.setattr(socket, "create_connection", no_network)
    plan = to_dict(plan_municipality(example_positions()))
    jsonschema.Draft202012Validator(plan_schema(), registry=schema_registry()).validate(plan)
    positions = positions_to_dict(example_positions())
    jsonschema.Draft202012Validator(positions_schema(), registry=schema_registry()).validate(positions)
    broken = {**positions, "positions": [{**positions["positions"][0], "percent": 50}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(positions_schema(), registry=schema_registry()).validate(broken)
