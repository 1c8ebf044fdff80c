"""Plans and positions as pandas DataFrames, for notebooks (extra ``[pandas]``).

Why: an analyst in a notebook wants a table to filter, pivot and plot, and wants to
bring positions in from whatever pandas read (``pd.read_excel``, ``pd.read_csv``).

* :func:`to_frame` — a plan in long format: one row per position and year, amounts in
  whole kroner as nullable integers (``Int64``), an unknown figure ``<NA>`` (never 0).
* :func:`positions_from_frame` — positions from a DataFrame with the same columns as
  the positions CSV (English or Norwegian), taking what pandas holds: numpy integers,
  floats (percentages and growth by their shortest decimal text; an amount with more
  than two decimals rounded half up to øre, with a note), strings, ``NaN``/``<NA>``
  for an empty cell. Every cell goes through the same checks as a CSV.
* :func:`compare` — a what-if: two plans side by side, with the difference per
  position and year.

pandas is imported when one of these is called, never by ``import nedtrapping``.
"""

from __future__ import annotations

import re
import warnings
from decimal import Decimal
from fractions import Fraction
from typing import Any

from nedtrapping import optional
from nedtrapping._refusal import expected_shown
from nedtrapping.errors import InvalidTypeError, InvalidValueError
from nedtrapping.money import Money, parse_share
from nedtrapping.plan import DEFAULT_SCHEME, Plan
from nedtrapping.readers.table import (
    COLUMN_ALIASES,
    CellProblem,
    PositionsCSVError,
    PositionsRead,
    normalise_header,
    parse_positions_table,
)
from nedtrapping.readers.workbook import cell_text
from nedtrapping.render.plan import exact_number_text
from nedtrapping.wording import Notice

__all__ = ["FRAME_COLUMNS", "AMOUNT_COLUMNS", "to_frame", "positions_from_frame", "read_positions_frame", "compare",
           "PositionsNoticeWarning"]

#: The columns of :func:`to_frame`, in order (the machine CSV's, plus ``grant_source``).
FRAME_COLUMNS = ("municipality", "position", "year", "year_in_scheme", "percent", "grant", "cost", "own_financing",
                 "own_financing_increase", "grant_source")
#: The amount columns (nullable integers: kroner, or øre with ``unit="ore"``).
AMOUNT_COLUMNS = ("grant", "cost", "own_financing", "own_financing_increase")
_KEYS = ["municipality", "position", "year"]


def _whole(m: Money | None, unit: str, where: str) -> int | None:
    if m is None:
        return None
    if unit == "ore":
        return m.ore
    if not m.is_whole_kroner:
        raise InvalidValueError(Notice("input.frame.not_whole_kroner", {"amount": m}), field=where, value=m,
                                expected=Notice("input.expected.whole_kroner"))
    return m.ore // 100


def to_frame(plan: Plan, *, unit: str = "kroner") -> Any:
    """``plan`` as a DataFrame: one row per position and year, in :data:`FRAME_COLUMNS`.

    ``year`` and ``year_in_scheme`` are ``Int64``; ``percent`` is ``Float64`` (for
    reading and plotting; the exact value is in the plan); the amounts are ``Int64``
    whole kroner (``unit="ore"`` for øre), ``<NA>`` where a figure is unknown. The
    text columns are pandas strings.
    """
    if unit not in ("kroner", "ore"):
        expected = Notice("input.expected.unit")
        raise InvalidValueError(expected_shown(expected, repr(unit)),
                                field="unit", value=unit, expected=expected)
    pd = optional.pandas()
    data: dict[str, list[Any]] = {c: [] for c in FRAME_COLUMNS}
    for r in plan.rows:
        where = f"{r.municipality} / {r.position} {r.year}"
        data["municipality"].append(r.municipality)
        data["position"].append(r.position)
        data["year"].append(r.year)
        data["year_in_scheme"].append(r.year_in_scheme if r.year_in_scheme >= 1 else None)
        # a percentage for reading and plotting: its shortest decimal (exact in the plan itself)
        data["percent"].append(Decimal(r.percent.numerator) / Decimal(r.percent.denominator))
        for column in AMOUNT_COLUMNS:
            data[column].append(_whole(getattr(r, column), unit, f"{where} {column}"))
        data["grant_source"].append(r.grant_source)
    frame = pd.DataFrame({
        "municipality": pd.array(data["municipality"], dtype="string"),
        "position": pd.array(data["position"], dtype="string"),
        "year": pd.array(data["year"], dtype="Int64"),
        "year_in_scheme": pd.array(data["year_in_scheme"], dtype="Int64"),
        "percent": pd.array([str(p) for p in data["percent"]], dtype="string").astype("Float64"),
        **{c: pd.array(data[c], dtype="Int64") for c in AMOUNT_COLUMNS},
        "grant_source": pd.array(data["grant_source"], dtype="string"),
    })
    frame.attrs["unit"] = unit
    frame.attrs["rule_set_digests"] = dict(plan.digests)
    frame.attrs["scheme"] = plan.scheme_id
    return frame


def _cell(value: Any) -> tuple[str, Decimal | None]:
    """A DataFrame cell as the text a person sees, and its exact number when it is one."""
    pd = optional.pandas()
    if value is None:
        return "", None
    try:
        if pd.isna(value):
            return "", None
    except (TypeError, ValueError):  # a list or another container: not a missing value
        pass
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()  # numpy scalar → the Python int / float / bool it holds
    if isinstance(value, bool):
        return cell_text(value), None
    if isinstance(value, float):
        return cell_text(value), Decimal(repr(value))
    if isinstance(value, int):
        return str(value), Decimal(value)
    if isinstance(value, Decimal):
        return cell_text(value) if value == value.to_integral_value() else format(value, "f"), value
    return cell_text(value), None


class PositionsNoticeWarning(UserWarning):
    """A note of the positions reader (a share where a percentage was expected, a column kept aside, a
    rounded amount), raised as a warning by :func:`positions_from_frame` so a notebook shows it.

    Its ``notice`` is the :class:`~nedtrapping.wording.Notice` itself (``notice.text("en")`` in English).
    """

    def __init__(self, notice: Notice) -> None:
        super().__init__(notice.text())
        self.notice = notice


#: The columns that hold a percentage (canonical names and the ``percent_YYYY`` columns); ``percent_scale`` scales them.
_PERCENT_COLUMNS = ("percent", "growth", "pension_rate")
_PERCENT_SCALES = (1, 100)


def _percent_columns(header: list[str]) -> dict[int, str]:
    """``column index → canonical name`` of the frame's percentage columns."""
    aliases = {alias: canon for canon in _PERCENT_COLUMNS for alias in COLUMN_ALIASES[canon]}
    out: dict[int, str] = {}
    for i, name in enumerate(header):
        key = normalise_header(name)
        if key in aliases:
            out[i] = aliases[key]
        elif re.fullmatch(r"(?:percent|stillingsprosent)_\d{4}", key):
            out[i] = "percent"
    return out


def _shares_problem(frame_rows: list[list[str]], header: list[str], columns: dict[int, str],
                    source: str) -> CellProblem | None:
    """The problem of a frame whose position percentages are all shares (every one at most 1: 0,5 for 50 %, as
    ``pd.read_excel`` gives a percent-formatted cell), or ``None``."""
    percent = [i for i, canon in columns.items() if canon == "percent"]
    values: list[Fraction] = []
    for row in frame_rows:
        for i in percent:
            try:
                values.append(parse_share(row[i], where="percent")) if row[i] else None
            except ValueError:
                return None  # a bad cell: the reader reports it
    if not values or not all(0 < v <= 1 for v in values):
        return None
    shown = ", ".join(sorted({cell for row in frame_rows for i in percent if (cell := row[i])}))
    return CellProblem(None, header[percent[0]], shown[:200], Notice("frames.shares"))


def read_positions_frame(frame: Any, *, scheme: str = DEFAULT_SCHEME, source: str = "DataFrame",
                         percent_scale: int | None = None) -> PositionsRead:
    """Positions from a DataFrame, with the reader's notes and the columns kept aside.

    ``pd.read_excel`` gives a percent-formatted cell as a share (``0.5`` for 50 %). A frame whose
    position percentages are *all* at most 1 is refused unless ``percent_scale`` says what they
    are: ``percent_scale=100`` reads every percentage column (stillingsprosent, lønnsvekst, pensjon
    and ``stillingsprosent_YYYY``) as shares and multiplies it by 100; ``percent_scale=1`` reads them
    as percentages as they are (0.5 is then half a percent, with a note).
    """
    pd = optional.pandas()
    if not isinstance(frame, pd.DataFrame):
        expected = Notice("input.expected.dataframe")
        raise InvalidTypeError(Notice("input.type.expected_got", {"expected": expected, "type": type(frame).__name__}),
                               field="frame", value=type(frame).__name__, expected=expected)
    if percent_scale is not None and (type(percent_scale) is not int or percent_scale not in _PERCENT_SCALES):
        expected = Notice("input.expected.percent_scale")
        raise InvalidValueError(expected_shown(expected, repr(percent_scale)),
                                field="percent_scale", value=percent_scale, expected=expected)
    header = [str(c) for c in frame.columns]
    percent_columns = _percent_columns(header)
    body: list[list[str]] = []
    numbers: dict[tuple[int, int], Decimal] = {}
    for r_i, values in enumerate(frame.itertuples(index=False, name=None), start=1):
        texts = []
        for c_i, value in enumerate(values):
            shown, exact = _cell(value)
            if percent_scale == 100 and c_i in percent_columns and shown:
                try:
                    shown = exact_number_text(parse_share(shown, where="percent") * 100)
                except ValueError:
                    pass  # a bad cell is reported as it is, by the reader
            texts.append(shown)
            if exact is not None:
                numbers[(r_i, c_i)] = exact
        body.append(texts)
    if percent_scale is None:
        problem = _shares_problem(body, header, percent_columns, source)
        if problem is not None:
            raise PositionsCSVError([problem], source)
    return parse_positions_table([header, *body], source=source, scheme=scheme, numbers=numbers)


def positions_from_frame(frame: Any, *, scheme: str = DEFAULT_SCHEME, source: str = "DataFrame",
                         percent_scale: int | None = None) -> list[Any]:
    """Positions from a DataFrame with the positions CSV's columns (see the module docstring).

    Raises :class:`~nedtrapping.readers.table.PositionsCSVError` listing every bad
    cell (row numbers count the header as row 1, as in a sheet). The reader's notes
    (a percentage below 1, a growth below 0,5 %, a column kept aside, a rounded amount)
    reach the caller as :class:`PositionsNoticeWarning` warnings; ``percent_scale`` as
    in :func:`read_positions_frame`.
    """
    read = read_positions_frame(frame, scheme=scheme, source=source, percent_scale=percent_scale)
    for notice in read.notices:
        warnings.warn(PositionsNoticeWarning(notice), stacklevel=2)
    return list(read.positions)


def compare(plan_a: Plan, plan_b: Plan, *, names: tuple[str, str] = ("a", "b"), unit: str = "kroner") -> Any:
    """Two plans side by side, per position and year, with ``<column>_delta`` = b − a.

    For each amount column of :func:`to_frame` there are ``<column>_<a>``,
    ``<column>_<b>`` and ``<column>_delta``. Every position of either plan is kept, and
    ``present_in`` says where it is: ``"both"``, or the name of the one plan it is in. A
    position in one plan only counts as nothing in the other, so removing a position
    shows its whole own financing as the change (``-230 000``), and adding one its
    whole cost; its amounts in the plan it is not in stay ``<NA>``. An unknown figure of
    a position in both plans gives ``<NA>`` in the delta (never 0).
    """
    a, b = names
    if a == b:
        expected = Notice("input.expected.two_names")
        raise InvalidValueError(expected_shown(expected, repr(names)),
                                field="names", value=names, expected=expected)
    pd = optional.pandas()
    left = to_frame(plan_a, unit=unit)[[*_KEYS, *AMOUNT_COLUMNS]]
    right = to_frame(plan_b, unit=unit)[[*_KEYS, *AMOUNT_COLUMNS]]
    merged = left.merge(right, on=_KEYS, how="outer", suffixes=(f"_{a}", f"_{b}"), sort=False, indicator="_present")
    only_a = (merged["_present"] == "left_only").to_numpy()
    only_b = (merged["_present"] == "right_only").to_numpy()
    for column in AMOUNT_COLUMNS:
        # a position absent from a plan is nothing there (0); an unknown figure of a present one stays <NA>
        in_a = merged[f"{column}_{a}"].mask(only_b, 0)
        in_b = merged[f"{column}_{b}"].mask(only_a, 0)
        merged[f"{column}_delta"] = in_b - in_a
    merged["present_in"] = pd.array(
        ["both" if p == "both" else a if p == "left_only" else b for p in merged["_present"]], dtype="string")
    order = [*_KEYS, "present_in", *(f"{c}_{s}" for c in AMOUNT_COLUMNS for s in (a, b, "delta"))]
    merged = merged[order].sort_values(_KEYS, kind="stable").reset_index(drop=True)
    merged.attrs["unit"] = unit
    return merged
