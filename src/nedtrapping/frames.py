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

from decimal import Decimal
from typing import Any

from nedtrapping import optional
from nedtrapping.errors import InvalidTypeError, InvalidValueError
from nedtrapping.money import Money
from nedtrapping.plan import DEFAULT_SCHEME, Plan
from nedtrapping.positions_csv import PositionsRead, parse_positions_table
from nedtrapping.spreadsheet import cell_text

__all__ = ["FRAME_COLUMNS", "AMOUNT_COLUMNS", "to_frame", "positions_from_frame", "read_positions_frame", "compare"]

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
        raise InvalidValueError(f"{where}: {m} is not whole kroner; use to_frame(plan, unit='ore') for exact øre")
    return m.ore // 100


def to_frame(plan: Plan, *, unit: str = "kroner") -> Any:
    """``plan`` as a DataFrame: one row per position and year, in :data:`FRAME_COLUMNS`.

    ``year`` and ``year_in_scheme`` are ``Int64``; ``percent`` is ``Float64`` (for
    reading and plotting; the exact value is in the plan); the amounts are ``Int64``
    whole kroner (``unit="ore"`` for øre), ``<NA>`` where a figure is unknown. The
    text columns are pandas strings.
    """
    if unit not in ("kroner", "ore"):
        raise InvalidValueError(f"unit: expected 'kroner' or 'ore', got {unit!r}")
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


def read_positions_frame(frame: Any, *, scheme: str = DEFAULT_SCHEME, source: str = "DataFrame") -> PositionsRead:
    """Positions from a DataFrame, with the reader's notes and the columns kept aside."""
    pd = optional.pandas()
    if not isinstance(frame, pd.DataFrame):
        raise InvalidTypeError(f"expected a pandas DataFrame, got {type(frame).__name__}")
    header = [str(c) for c in frame.columns]
    rows: list[list[str]] = [header]
    numbers: dict[tuple[int, int], Decimal] = {}
    for r_i, values in enumerate(frame.itertuples(index=False, name=None), start=1):
        texts = []
        for c_i, value in enumerate(values):
            shown, exact = _cell(value)
            texts.append(shown)
            if exact is not None:
                numbers[(r_i, c_i)] = exact
        rows.append(texts)
    return parse_positions_table(rows, source=source, scheme=scheme, numbers=numbers)


def positions_from_frame(frame: Any, *, scheme: str = DEFAULT_SCHEME, source: str = "DataFrame") -> list[Any]:
    """Positions from a DataFrame with the positions CSV's columns (see the module docstring).

    Raises :class:`~nedtrapping.positions_csv.PositionsCSVError` listing every bad
    cell (row numbers count the header as row 1, as in a sheet).
    """
    return list(read_positions_frame(frame, scheme=scheme, source=source).positions)


def compare(plan_a: Plan, plan_b: Plan, *, names: tuple[str, str] = ("a", "b"), unit: str = "kroner") -> Any:
    """Two plans side by side, per position and year, with ``<column>_delta`` = b − a.

    For each amount column of :func:`to_frame` there are ``<column>_<a>``,
    ``<column>_<b>`` and ``<column>_delta``; a position in only one plan, or an unknown
    figure, gives ``<NA>`` in the delta (never 0).
    """
    a, b = names
    if a == b:
        raise InvalidValueError(f"names: give two different names, got {names!r}")
    left = to_frame(plan_a, unit=unit)[[*_KEYS, *AMOUNT_COLUMNS]]
    right = to_frame(plan_b, unit=unit)[[*_KEYS, *AMOUNT_COLUMNS]]
    merged = left.merge(right, on=_KEYS, how="outer", suffixes=(f"_{a}", f"_{b}"), sort=False)
    for column in AMOUNT_COLUMNS:
        merged[f"{column}_delta"] = merged[f"{column}_{b}"] - merged[f"{column}_{a}"]
    order = [*_KEYS, *(f"{c}_{s}" for c in AMOUNT_COLUMNS for s in (a, b, "delta"))]
    merged = merged[order].sort_values(_KEYS, kind="stable").reset_index(drop=True)
    merged.attrs["unit"] = unit
    return merged
