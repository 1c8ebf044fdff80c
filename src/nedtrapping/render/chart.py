"""A plan as a picture: grant and own financing per year, per municipality.

Why: a budget meeting reads a chart before a table. Each municipality gets one panel:
for every year a bar of the full cost, split into the grant (below) and the
municipality's own financing (above), and a dashed line at the year from which the
municipality carries everything itself. A year whose grant is unknown is drawn as a
hatched part marked «ukjent»: the full cost of the positions whose figures are unknown, on
top of the known positions' grant and own financing — never as a grant of 0. Labels are
Norwegian bokmål by default (``lang="en"`` for English).

Needs matplotlib (``pip install 'nedtrapping[plot]'``). The figure is drawn on
matplotlib's Agg canvas without pyplot, so it changes no global state (a notebook's
backend stays as it is).

Each panel costs the same time, however many there are: the totals of every municipality
come from one pass over the plan's rows, and a figure of more than
:data:`CONSTRAINED_PANELS` panels is not laid out by matplotlib's constrained layout (whose
solver's time grows with about the cube of the number of panels: 200 panels took 29 s to
lay out, 400 took 225 s) but gets the same fixed margins in every panel, wide enough for
amounts up to hundreds of millions of kroner.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from nedtrapping import optional
from nedtrapping.cofinancing import takeover_year
from nedtrapping.errors import InvalidValueError
from nedtrapping.money import Money, format_nok
from nedtrapping.plan import Plan, PlanRow
from nedtrapping.render._groups import PlanGroups
from nedtrapping.wording import DEFAULT_LANG, Lang, Notice, check_lang, text

__all__ = ["plan_figure", "chart_bytes", "write_chart", "CHART_SUFFIXES", "CONSTRAINED_PANELS"]

#: The file types :func:`write_chart` writes, by extension.
CHART_SUFFIXES = (".png", ".svg")

_GRANT_COLOUR = "#2f6f9f"
_OWN_COLOUR = "#e39b3b"
_UNKNOWN_COLOUR = "#bbbbbb"

#: Up to this many panels (municipalities) a figure is laid out by matplotlib's constrained layout;
#: a larger one gets the same fixed margins in every panel (constrained layout's time grows with about the
#: cube of the panels).
CONSTRAINED_PANELS = 12
_WIDTH, _PANEL_HEIGHT = 9.0, 4.2  # inches
#: Fixed margins of a panel, in inches (left, right, top, bottom): the y axis's amounts and label,
#: the title above, the years, the x label and the legend below — as constrained layout gives them.
_MARGINS = (1.45, 0.3, 0.26, 0.85)


def _kroner(m: Money | None) -> float | None:
    # drawing only: a bar's height on screen; every figure a person reads is formatted from Money
    return None if m is None else m.ore / 100


def _year_parts(rows: Iterable[PlanRow]) -> dict[tuple[str, int], tuple[float, float, float, int]]:
    """For drawing, per ``(municipality, year)`` and ``("", year)`` for all: the grant and own financing of the
    positions whose figures are known, and the full cost of those whose grant or own financing is unknown (hatched:
    only that part of the year, never all of it) — and how many positions are unknown. One pass over the rows."""
    parts: dict[tuple[str, int], list[float]] = {}
    for r in rows:
        known = r.grant is not None and r.own_financing is not None
        add = ((_kroner(r.grant) or 0.0, _kroner(r.own_financing) or 0.0, 0.0, 0.0) if known
               else (0.0, 0.0, _kroner(r.cost) or 0.0, 1.0))
        for key in ((r.municipality, r.year), ("", r.year)):
            total = parts.setdefault(key, [0.0, 0.0, 0.0, 0.0])
            for i, value in enumerate(add):
                total[i] += value
    return {key: (g, o, u, int(n)) for key, (g, o, u, n) in parts.items()}


def _axis_label(value: float, _pos: object) -> str:
    return f"{value:,.0f}".replace(",", "\u202f") + " kr"


def plan_figure(plan: Plan, *, lang: Lang = DEFAULT_LANG) -> Any:
    """A matplotlib :class:`~matplotlib.figure.Figure` of ``plan`` (one panel per municipality)."""
    lang = check_lang(lang)
    figure_module = optional.matplotlib_figure()
    ticker = __import__("matplotlib.ticker", fromlist=["FuncFormatter"])
    munis = plan.municipalities or ("",)
    constrained = len(munis) <= CONSTRAINED_PANELS
    height = _PANEL_HEIGHT * len(munis)
    fig = figure_module.Figure(figsize=(_WIDTH, height), dpi=110, layout="constrained" if constrained else None)
    axes = fig.subplots(len(munis), 1, squeeze=False)[:, 0]
    if not constrained:
        left, right, top, bottom = _MARGINS
        for i, ax in enumerate(axes):
            band_bottom = height - (i + 1) * _PANEL_HEIGHT
            ax.set_position([left / _WIDTH, (band_bottom + bottom) / height, (_WIDTH - left - right) / _WIDTH,
                             (_PANEL_HEIGHT - top - bottom) / height])
    years = list(plan.years)
    groups = PlanGroups(plan)  # the rows read once: every municipality's totals and parts from them
    by_year = _year_parts(groups.rows)
    for ax, muni in zip(axes, munis):
        totals = groups.municipality_totals(muni) if muni else plan.totals
        parts = [by_year.get((muni, y), (0.0, 0.0, 0.0, 0)) for y in years]
        grants = [g for g, _, _, _ in parts]
        own = [o for _, o, _, _ in parts]
        unknown_cost = [u for _, _, u, _ in parts]
        cost = [g + o + u for g, o, u, _ in parts]
        known = [n == 0 for _, _, _, n in parts]
        xs = list(range(len(years)))
        ax.bar(xs, grants, color=_GRANT_COLOUR, label=text("chart.grant", lang), zorder=2)
        ax.bar(xs, own, bottom=grants, color=_OWN_COLOUR, label=text("chart.own_financing", lang), zorder=2)
        unknown_x = [x for x, k in zip(xs, known) if not k]
        if unknown_x:
            # only the positions whose figures are unknown are hatched, on top of what is known
            ax.bar(unknown_x, [unknown_cost[x] for x in unknown_x],
                   bottom=[grants[x] + own[x] for x in unknown_x], color="white", edgecolor=_UNKNOWN_COLOUR,
                   hatch="//", label=text("chart.unknown_bar", lang), zorder=2)
            for x in unknown_x:
                ax.text(x, grants[x] + own[x] + unknown_cost[x] / 2, text("chart.unknown", lang), ha="center",
                        va="center", fontsize=10, color="#555555",
                        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
        for x, (year, k) in enumerate(zip(years, known)):
            if k:  # the full cost on top of the bar, as a person reads kroner
                ax.text(x, cost[x], format_nok(totals[year].cost, nbsp=True), ha="center", va="bottom", fontsize=8,
                        color="#333333")
        takeover = takeover_year({y: totals[y].grant for y in years})
        if takeover is not None and takeover in years:
            line_x = years.index(takeover) - 0.5
            ax.axvline(line_x, color="#444444", linestyle="--", linewidth=1.2, zorder=3)
            ax.text(line_x + 0.06, max(cost) * 1.12, text("chart.takeover", lang, year=takeover), ha="left", va="bottom",
                    fontsize=9, color="#222222")
        ax.set_xticks(xs, [str(y) for y in years])
        ax.set_xlabel(text("chart.year", lang))
        ax.set_ylabel(text("chart.kroner", lang))
        ax.yaxis.set_major_formatter(ticker.FuncFormatter(_axis_label))
        ax.set_ylim(0, max(cost + [1.0]) * 1.22)
        # y given: matplotlib does not search for a place above the (absent) top ticks (it would find 1.0)
        ax.set_title(text("chart.title", lang, municipality=muni or plan.scheme_name), loc="left", fontsize=12, y=1.0)
        ax.grid(axis="y", color="#dddddd", zorder=0)
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=3, frameon=False, fontsize=9)  # machine: a matplotlib setting
    # a notebook shows the figure by itself (without %matplotlib inline): IPython asks for its PNG
    fig._repr_png_ = lambda: _png(fig)
    return fig


def _png(fig: Any) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def chart_bytes(plan: Plan, image_format: str = "png", *, lang: Lang = DEFAULT_LANG) -> bytes:
    """The chart of ``plan`` as PNG or SVG bytes (the SVG without a date, so it is reproducible)."""
    if f".{image_format}" not in CHART_SUFFIXES:
        raise InvalidValueError(Notice("model.chart.format", {"format": image_format}), field="image_format",
                                value=image_format, expected=Notice("model.expect.chart_format"))
    buffer = io.BytesIO()
    metadata: dict[str, Any] = {"Date": None} if image_format == "svg" else {}
    figure = plan_figure(plan, lang=lang)
    # a fixed salt gives the SVG's element ids, so the same plan gives the same file
    with __import__("matplotlib").rc_context({"svg.hashsalt": "nedtrapping"}):
        figure.savefig(buffer, format=image_format, metadata=metadata)
    return buffer.getvalue()


def write_chart(plan: Plan, path: str | Path, *, lang: Lang = DEFAULT_LANG) -> None:
    """Draw ``plan`` to ``path``: PNG or SVG by the extension."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in CHART_SUFFIXES:
        raise InvalidValueError(Notice("model.chart.suffix" if suffix else "model.chart.no_suffix", {"suffix": suffix}),
                                file=str(p), value=suffix, expected=Notice("model.expect.chart_format"))
    p.write_bytes(chart_bytes(plan, suffix[1:], lang=lang))
