"""Every renderer reads a plan's rows a fixed number of times, however many municipalities it has.

Why: Markdown, HTML and the text table once walked every row of the whole plan for each
municipality (1 000 / 2 000 / 4 000 positions: 1.1 / 4.6 / 19 s). Time is not tested here (a
slow machine must not fail a test; ``benchmarks/bench_render.py`` measures it): the work is
counted instead — how many rows each render reads, through a counting wrapper around the rows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, overload

import attrs
import pytest

from nedtrapping.cofinancing import FixedCost, GrowingCost
from nedtrapping.example import example_positions
from nedtrapping.money import Money
from nedtrapping.plan import Plan, PlanRow, Position, plan_municipality
from nedtrapping.render import plan as render_plan
from nedtrapping.render import xlsx
from nedtrapping.render._groups import PlanGroups


class CountingRows(Sequence[PlanRow]):
    """A plan's rows that count how many are read."""

    def __init__(self, rows: Sequence[PlanRow]) -> None:
        self._rows = tuple(rows)
        self.read = 0

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> PlanRow: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[PlanRow]: ...

    def __getitem__(self, index: int | slice) -> PlanRow | Sequence[PlanRow]:
        found = self._rows[index]
        self.read += len(found) if isinstance(found, tuple) else 1
        return found

    def __iter__(self) -> Iterator[PlanRow]:
        for r in self._rows:
            self.read += 1
            yield r


def _positions(count: int, municipalities: int) -> list[Position]:
    return [Position(municipality=f"Kommune {i % municipalities}", position=f"Stilling {i}", percent=50 + i % 51,
                     first_grant_year=2018 + i % 4, cost=GrowingCost(Money.kroner(600_000 + i), 2022, "3.5"))
            for i in range(count)]


def _counted(municipalities: int) -> tuple[Plan, CountingRows]:
    plan = plan_municipality(_positions(48, municipalities))
    rows = CountingRows(plan.rows)
    return attrs.evolve(plan, rows=rows), rows


RENDERERS: dict[str, Any] = {
    "text": lambda plan: render_plan.to_text(plan),
    "text explained": lambda plan: render_plan.to_text(plan, explain=True),
    "markdown": lambda plan: render_plan.to_markdown(plan),
    "markdown explained": lambda plan: render_plan.to_markdown(plan, explain=True),
    "html": lambda plan: render_plan.to_html(plan),
    "notebook markdown": lambda plan: plan._repr_markdown_(),
    "notebook html": lambda plan: plan._repr_html_(),
    "csv": render_plan.to_csv,
    "json": render_plan.to_json,
    "json cells": lambda plan: render_plan.to_json(plan, explanations="cells"),
    "dict cells": lambda plan: render_plan.to_dict(plan, explanations="cells"),
    "excel csv": render_plan.to_excel_csv,
}


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_a_render_reads_the_rows_as_often_for_one_municipality_as_for_many(name: str) -> None:
    reads = []
    for municipalities in (1, 6, 48):
        plan, rows = _counted(municipalities)
        RENDERERS[name](plan)
        reads.append(rows.read / len(rows))
    assert reads[0] == reads[1] == reads[2], reads
    if name.startswith(("text", "markdown", "html", "notebook")):
        assert reads[0] == 1  # every row read (and built) once


def test_the_workbook_and_the_chart_read_the_rows_as_often_for_one_municipality_as_for_many() -> None:
    chart = pytest.importorskip("nedtrapping.render.chart")
    pytest.importorskip("matplotlib")
    for render in (xlsx.plan_xlsx_bytes, chart.plan_figure):
        reads = []
        for municipalities in (1, 6, 24):
            plan, rows = _counted(municipalities)
            render(plan)
            reads.append(rows.read / len(rows))
        assert reads[0] == reads[1] == reads[2], (render, reads)
    plan, rows = _counted(24)
    chart.plan_figure(plan)
    assert rows.read == len(rows)


def test_grouped_totals_and_takeover_years_are_the_plans() -> None:
    positions = [*example_positions(), *_positions(30, 7), Position(
        municipality="Bodø", position="x", percent=100, first_grant_year=2020, cost=FixedCost(Money.kroner(700_000)),
        granted={2022: Money.kroner(500_000)})]
    plan = plan_municipality(positions)
    groups = PlanGroups(plan)
    assert groups.rows == list(plan.rows)
    assert groups.letters
    assert not PlanGroups(plan_municipality(_positions(8, 2))).letters
    for muni in plan.municipalities:
        assert groups.municipality_totals(muni) == plan.municipality_totals(muni)
        assert groups.municipality_rows(muni) == [r for r in plan.rows if r.municipality == muni]
        assert groups.positions(muni) == [p for p in plan.positions if p.municipality == muni]
        for p in groups.positions(muni):
            assert groups.takeover_year(p.position, muni) == plan.takeover_year(p.position, muni)
    assert any(t.grant is None for muni in plan.municipalities for t in groups.municipality_totals(muni).values())
    assert groups.municipality_totals("Nowhere") == plan.municipality_totals("Nowhere")
    with pytest.raises(KeyError):
        groups.takeover_year("nobody", "Bodø")


def test_a_chart_of_many_municipalities_has_a_panel_each_top_to_bottom_without_overlap() -> None:
    chart = pytest.importorskip("nedtrapping.render.chart")
    pytest.importorskip("matplotlib")
    plan = plan_municipality(_positions(2 * (chart.CONSTRAINED_PANELS + 1), chart.CONSTRAINED_PANELS + 1))
    fig = chart.plan_figure(plan)
    assert fig.get_layout_engine() is None
    boxes = [ax.get_position() for ax in fig.get_axes()]
    assert len(boxes) == chart.CONSTRAINED_PANELS + 1
    assert all(0 < b.x0 < b.x1 < 1 and 0 < b.y0 < b.y1 < 1 for b in boxes)
    assert all(lower.y1 < upper.y0 for upper, lower in zip(boxes, boxes[1:]))
    assert [ax.get_title(loc="left").rsplit("— ", 1)[1] for ax in fig.get_axes()] == list(plan.municipalities)
    few = chart.plan_figure(plan_municipality(_positions(4, 2)))
    assert few.get_layout_engine() is not None  # a few panels: laid out as before
