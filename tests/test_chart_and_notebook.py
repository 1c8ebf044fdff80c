"""Charts (extra [plot]) and notebook displays: short reprs, HTML and Markdown."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from nedtrapping.cli import main
from nedtrapping.cofinancing import FixedCost
from nedtrapping.example import example_positions
from nedtrapping.money import Money
from nedtrapping.plan import Position, plan_municipality
from nedtrapping.render.chart import chart_bytes, plan_figure, write_chart


def _plan():  # type: ignore[no-untyped-def]
    return plan_municipality([*example_positions(), Position(
        municipality="Bodø <&>", position="x", percent=100, first_grant_year=2020, cost=FixedCost(Money.kroner(700_000)))])


def test_the_chart_has_a_panel_per_municipality_with_norwegian_labels_and_the_takeover_year() -> None:
    fig = plan_figure(_plan())
    axes = fig.get_axes()
    assert len(axes) == 2
    assert axes[0].get_title(loc="left") == "Tilskudd og egenfinansiering — Eksempel kommune"
    texts = [t.get_text() for t in axes[0].texts]
    assert "Kommunen bærer alt fra 2025" in texts
    assert "ukjent" in [t.get_text() for t in axes[1].texts]  # Bodø's 2022 grant is unknown: not drawn as 0
    assert [t.get_text() for t in axes[0].get_legend().get_texts()] == ["Tilskudd", "Egenfinansiering"]
    english = plan_figure(_plan(), lang="en").get_axes()[0]
    assert english.get_title(loc="left").startswith("Grant and own financing")


def test_png_and_svg_are_written_and_svg_is_reproducible(tmp_path: Path) -> None:
    png = chart_bytes(_plan(), "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width > 800 and height > 700
    assert chart_bytes(_plan(), "svg") == chart_bytes(_plan(), "svg")
    with pytest.raises(ValueError, match=r"chart\.jpg: et diagram skrives som \.png eller \.svg, ikke «\.jpg»$") as info:
        write_chart(_plan(), tmp_path / "chart.jpg")
    assert info.value.text("en").endswith("chart.jpg: a chart is written as .png or .svg, not '.jpg'")  # type: ignore[attr-defined]


def test_cli_chart_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--chart", str(tmp_path / "plan.png")]) == 0
    assert (tmp_path / "plan.png").read_bytes()[:4] == b"\x89PNG"
    assert main(["plan", "--chart", str(tmp_path / "plan.gif")]) == 1
    assert "--chart" in capsys.readouterr().err


def test_plan_and_explanation_reprs_are_short_and_render_for_notebooks() -> None:
    plan = _plan()
    assert len(repr(plan)) < 120
    explanation = plan.explain("Ruskonsulent", 2022)
    assert len(repr(explanation)) < 160 and repr(explanation).startswith("<Explanation ")
    assert "550 000 kr" in explanation._repr_markdown_()
    html = plan._repr_html_()
    assert "<table>" in html and "Bodø &lt;&amp;&gt;" in html and "Bodø <&>" not in html
    assert "Egenfinansiering" in html and "ukjent" in html
    assert plan._repr_markdown_().startswith("## Eksempel kommune")
    assert explanation._repr_html_().count("<ul>") >= 3
    assert plan.plot().get_axes()


def test_without_matplotlib_the_chart_option_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from nedtrapping import optional

    def missing() -> None:
        raise optional.PlotUnavailableError("charts need matplotlib: pip install 'nedtrapping[plot]'")

    monkeypatch.setattr(optional, "matplotlib_figure", missing)
    assert main(["plan", "--out", str(tmp_path / "plan.csv"), "--chart", str(tmp_path / "plan.png")]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "nedtrapping[plot]" in err and list(tmp_path.iterdir()) == []


def test_the_chart_hatches_only_the_unknown_positions_of_a_year() -> None:
    unknown = Position(municipality="Eksempel kommune", position="Ukjent trinn", percent=100, first_grant_year=2020,
                       cost=FixedCost(Money.kroner(400_000)))
    plan = plan_municipality([*example_positions(), unknown])
    ax = plan_figure(plan).get_axes()[0]
    hatched = [b for b in ax.patches if b.get_hatch()]
    unknown_years = {r.year for r in plan.rows if r.grant is None}
    assert unknown_years and len(hatched) == len(unknown_years)
    assert {round(b.get_height()) for b in hatched} == {400_000}  # the unknown position's cost, not the year's
    year = min(unknown_years)
    known_own = sum(r.own_financing.ore for r in plan.rows if r.year == year and r.own_financing is not None) // 100
    known_grant = sum(r.grant.ore for r in plan.rows if r.year == year and r.grant is not None) // 100
    assert round(hatched[0].get_y()) == known_own + known_grant  # on top of the known positions


def test_the_figure_shows_itself_in_a_notebook_without_matplotlib_inline() -> None:
    png = plan_figure(_plan())._repr_png_()
    assert png.startswith(b"\x89PNG")
