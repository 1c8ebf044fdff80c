"""pandas: a plan as a long DataFrame with integer kroner, positions from what pandas holds, what-if deltas."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from nedtrapping.cofinancing import FixedCost, GrowingCost
from nedtrapping.example import example_positions
from nedtrapping.frames import PositionsNoticeWarning, compare, positions_from_frame, read_positions_frame, to_frame
from nedtrapping.money import Money
from nedtrapping.plan import Position, plan_municipality
from nedtrapping.readers.table import PositionsCSVError

K = Money.kroner


def test_to_frame_is_long_with_nullable_integer_kroner_and_na_for_unknown() -> None:
    plan = plan_municipality([*example_positions(), Position(
        municipality="Bodø", position="x", percent="33.3", first_grant_year=2020, cost=FixedCost(K(500_000)))])
    frame = plan.to_frame()
    assert list(frame.columns[:9]) == ["municipality", "position", "year", "year_in_scheme", "percent", "grant",
                                       "cost", "own_financing", "own_financing_increase"]
    assert len(frame) == len(plan.rows)
    for column in ("year", "grant", "cost", "own_financing", "own_financing_increase"):
        assert str(frame[column].dtype) == "Int64"
    row = frame[(frame.position == "Ruskonsulent") & (frame.year == 2023)].iloc[0]
    assert row.grant == 330_000 and row.cost == 807_300 and row.percent == 100
    unknown = frame[(frame.municipality == "Bodø") & (frame.year == 2022)].iloc[0]
    assert unknown.grant is pd.NA and unknown.own_financing is pd.NA  # unknown, never 0
    assert frame.attrs["rule_set_digests"] == dict(plan.digests)
    assert frame.groupby("year")["cost"].sum()[2025] == plan.totals[2025].cost.ore // 100


def test_amounts_with_ore_need_unit_ore() -> None:
    plan = plan_municipality([Position(municipality="A", position="x", percent=100, first_grant_year=2021,
                                       cost=FixedCost(K(700_000)), granted={2022: Money(ore=55_000_050)})])
    with pytest.raises(ValueError, match="unit='ore'"):
        to_frame(plan)
    assert to_frame(plan, unit="ore").grant.iloc[0] == 55_000_050


def test_positions_from_frame_takes_numpy_ints_floats_and_strings() -> None:
    frame = pd.DataFrame({
        "kommune": ["Bodø", "Bodø", "Bodø"],
        "stilling": ["Ruskonsulent", "Erfaringskonsulent", "Boveileder"],
        "stillingsprosent": [100.0, np.int64(50), "33,3"],
        "første_tilskuddsår": [np.int64(2021), "2021", 2018.0],
        "årskostnad": [np.int64(780_000), 742377.309912, "700 000"],
        "lønnsvekst": [3.5, np.nan, None],
        "Merknad": ["fast", pd.NA, "vakant"],
    })
    read = read_positions_frame(frame)
    a, b, c = read.positions
    assert a.percent == 100 and a.cost == GrowingCost(K(780_000), 2022, "3.5")  # 3.5 by its shortest text
    assert b.percent == 50 and b.cost == FixedCost(K(742_377))  # rounded once, half up to kroner, with a note
    assert c.percent == pytest.approx(33.3) and c.first_grant_year == 2018
    assert any("742377.309912" in n.text("en") for n in read.notices)
    assert read.extra_columns[("Bodø", "Ruskonsulent")] == {"Merknad": "fast"}
    with pytest.warns(PositionsNoticeWarning) as noticed:  # the reader's notes reach the caller
        assert positions_from_frame(frame) == list(read.positions)
    assert [w.message.notice for w in noticed] == list(read.notices)  # type: ignore[union-attr]


def test_positions_from_a_frame_read_by_read_excel(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["kommune", "stilling", "stillingsprosent", "første_tilskuddsår", "årskostnad", "lønnsvekst"])
    ws.append(["Eksempel kommune", "Ruskonsulent", 100, 2021, 780000, 3.5])
    ws.append(["Eksempel kommune", "Erfaringskonsulent", 50, 2021, 360000, None])
    book.save(tmp_path / "stillinger.xlsx")
    frame = pd.read_excel(tmp_path / "stillinger.xlsx")
    a, b = positions_from_frame(frame)
    assert a.cost == GrowingCost(K(780_000), 2022, "3.5") and b.cost == FixedCost(K(360_000))
    assert plan_municipality([a, b]).row("Erfaringskonsulent", 2022).grant == K(275_000)


def test_bad_cells_in_a_frame_are_all_reported() -> None:
    frame = pd.DataFrame({"kommune": ["A", "A"], "stilling": ["x", "y"], "stillingsprosent": [120, 50],
                          "første_tilskuddsår": [2021, "tjueen"], "årskostnad": [1, 1]})
    with pytest.raises(PositionsCSVError) as info:
        positions_from_frame(frame)
    assert {(p.row, p.column) for p in info.value.problems} == {(2, "stillingsprosent"), (3, "første_tilskuddsår")}


def test_compare_gives_deltas_per_position_and_year() -> None:
    today = example_positions()
    cut = [p.with_percent_from(2023, 50) if p.position == "Ruskonsulent" else p for p in today]
    delta = compare(plan_municipality(today), plan_municipality(cut), names=("i_dag", "kutt"))
    row = delta[(delta.position == "Ruskonsulent") & (delta.year == 2023)].iloc[0]
    assert row.grant_i_dag == 330_000 and row.grant_kutt == 165_000 and row.grant_delta == -165_000
    assert row.cost_delta == row.cost_kutt - row.cost_i_dag
    others = delta[delta.position != "Ruskonsulent"]
    assert (others.own_financing_delta == 0).all()


def test_importing_nedtrapping_does_not_import_pandas_or_matplotlib() -> None:
    code = ("import sys, nedtrapping, nedtrapping.plan, nedtrapping.render.plan, nedtrapping.cli; "
            "print(sorted(m for m in ('pandas', 'matplotlib', 'openpyxl') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
