"""Many positions at once: columns in, columns of grant, cost, own financing and increase out.

Why: Helsedirektoratet and the Statsforvalter offices sum every municipality and sweep
scenarios ("what if the flat amount were 300 000?"); a service answers a plan while the
user waits. Planning position by position builds objects per row that nobody reads. The
engine plans from columns (percentages, first grant years, costs, growth, …) and gives
columns back, **identical to the one-position API to the øre**:

* Exact: amounts are integer øre; percentages and growth are exact (integers over a
  scale, or fractions); the one rounding step is :func:`nedtrapping.rounding.half_up` (or
  :func:`~nedtrapping.rounding.down` for a cap), the same function the one-position API
  uses, applied to whole columns. No float is ever used; a float column is refused.
* Unknown stays unknown: a figure that needs an unknown rule value is ``None`` in
  :meth:`AmountColumn.to_list`, masked in :meth:`AmountColumn.to_numpy` (or an
  :class:`~nedtrapping.provenance.UnknownValueError` there), and every total that would
  include it is ``None`` — never 0.
* Few cells: a grant depends on the position only through its *cell* (year, year in the
  scheme, the scheme's options) and its percentage. The engine asks the scheme for its
  :class:`~nedtrapping.scheme.Rate` once per cell (about 30 cells in a plan) and applies
  :func:`nedtrapping.grant.grant_ore` — the formula that computes one position — to the whole
  column. Provenance is per cell too (:attr:`EngineResult.cells`).
* Two backends, one API: pure Python (always), and numpy (``pip install 'nedtrapping[fast]'``)
  when it is installed; ``backend="auto"`` picks numpy for large batches when it is there.
  Integer overflow is never risked: where a product could exceed 63 bits the numpy backend
  computes those rows with Python integers.
* Scenarios: :func:`batch` checks and normalises the columns once (and computes the costs
  once); :meth:`Batch.plan` then plans under any rule sets — derived with ``evolve`` or
  :meth:`~nedtrapping.schemes.kommunalt_rusarbeid.KommunaltRusarbeidRules.with_ladder_step` —
  with work per cell, not per position, besides the column arithmetic.

>>> from nedtrapping.engine import plan_columns
>>> result = plan_columns(percent=[100, 50, "33,3"], first_grant_year=[2021, 2021, 2021],
...                       cost=[78_000_000, 39_000_000, 26_000_000], backend="python")
>>> result.grant[2022].to_list()
[55000000, 27500000, 18315000]
>>> result.own_financing[2023].total()
82511000
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from fractions import Fraction
from typing import Any, Literal

import attrs

from nedtrapping._refusal import expect, expected_got
from nedtrapping.errors import InvalidTypeError, InvalidValueError
from nedtrapping.grant import grant_ore
from nedtrapping.money import FloatRefusedError, Money
from nedtrapping.optional import OptionalDependencyError
from nedtrapping.provenance import Fact, UnknownValueError
from nedtrapping.registry import DEFAULT_SCHEME, UnknownSchemeError, position_scheme
from nedtrapping.rounding import DOWN, HALF_UP, kroner_ore
from nedtrapping.ruleset import RuleSet
from nedtrapping.scheme import GrantQuery, PositionScheme, Rate
from nedtrapping.sources import LIBRARY
from nedtrapping.validators import position_percent, require_year
from nedtrapping.wording import Notice

__all__ = [
    "Backend",
    "Scaled",
    "AmountColumn",
    "Cell",
    "Batch",
    "EngineResult",
    "batch",
    "plan_columns",
    "numpy_available",
]

#: ``"auto"`` (numpy for batches of ``NUMPY_FROM`` (2 000) positions or more, when installed), ``"python"`` or ``"numpy"``.
Backend = Literal["auto", "python", "numpy"]
#: ``backend="auto"`` uses numpy from this many positions on (below it, pure Python is as fast).
NUMPY_FROM = 2_000

_LIMIT = 2**62  # products stay below this in int64 arithmetic (one bit of headroom for a sum)


def _numpy() -> Any:
    return importlib.import_module("numpy")


def numpy_available() -> bool:
    """Whether the numpy backend can be used (``pip install 'nedtrapping[fast]'``)."""
    try:
        _numpy()
    except ImportError:
        return False
    return True


def _is_array(value: object) -> bool:
    return type(value).__module__ == "numpy" and hasattr(value, "dtype")


@attrs.frozen
class Scaled:
    """Exact numbers held as integers over one common scale: ``values[i] / scale``.

    ``Scaled(numpy.array([10_000, 5_000]), 100)`` are the percentages 100 and 50;
    ``Scaled([35, 27], 10)`` the growth rates 3,5 % and 2,7 %. The fast way to give the
    engine a column of exact numbers (no object per value).
    """

    values: Any
    scale: int = attrs.field(default=1)

    @scale.validator
    def _check_scale(self, _attribute: object, value: object) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise InvalidTypeError(expected_got(expect("scale"), value), field="scale", value=value,
                                   expected=expect("scale"))


# --------------------------------------------------------------------------- result columns


class AmountColumn(Sequence[int | None]):
    """One column of amounts in øre (one figure, one year); an unknown amount is ``None``, never 0.

    Backed by a list (pure Python) or a numpy ``int64`` array with a mask of known values.
    """

    __slots__ = ("_values", "_known", "_errors")

    def __init__(self, values: Any, known: Any = None, errors: Sequence[UnknownValueError] = ()) -> None:
        self._values = values
        #: ``None`` when every value is known; else a list or array of bools (numpy backend only).
        self._known = known
        self._errors = tuple(errors)

    def __len__(self) -> int:
        return len(self._values)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return self.to_list()[index]
        if self._known is not None and not self._known[index]:
            return None
        value = self._values[index]
        return None if value is None else int(value)

    def __iter__(self) -> Iterator[int | None]:
        return iter(self.to_list())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, AmountColumn):
            return self.to_list() == other.to_list()
        if isinstance(other, Sequence):
            return self.to_list() == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = self.to_list()
        more = f", … ({len(shown)} values)" if len(shown) > 8 else ""
        return f"AmountColumn([{', '.join(map(repr, shown[:8]))}{more}])"

    @property
    def is_complete(self) -> bool:
        """Every value is known."""
        if _is_array(self._values):
            return self._known is None or bool(self._known.all())
        return self._known is None and all(v is not None for v in self._values)

    def to_list(self) -> list[int | None]:
        """The øre as Python ints, ``None`` where unknown."""
        if _is_array(self._values):
            values = self._values.tolist()
            if self._known is None:
                return values  # type: ignore[no-any-return]
            return [v if k else None for v, k in zip(values, self._known.tolist())]
        return list(self._values)

    def total(self) -> int | None:
        """The exact sum in øre, or ``None`` if any value is unknown (an unknown is never counted as 0)."""
        if not self.is_complete:
            return None
        if _is_array(self._values):
            np = _numpy()
            if self._values.dtype == object:
                return int(sum(self._values.tolist()))
            # the sum of int64 values below 2**62 each can overflow only past 2 values; sum in Python ints
            # when it could (values are bounded by the checks that made them)
            if len(self._values) and int(np.abs(self._values).max()) > _LIMIT // max(len(self._values), 1):
                return int(sum(self._values.tolist()))
            return int(self._values.sum(dtype=np.int64))
        return int(sum(v for v in self._values if v is not None))

    def to_numpy(self, *, unknown: Literal["raise", "mask"] = "raise") -> Any:
        """The øre as a numpy ``int64`` array.

        ``unknown="raise"`` (the default) raises the :class:`~nedtrapping.provenance.UnknownValueError`
        behind the first unknown value; ``unknown="mask"`` gives a ``numpy.ma.MaskedArray``
        with the unknown values masked. Mind that ``MaskedArray.sum()`` skips masked values:
        use :meth:`total` for a sum that stays unknown.
        """
        np = _numpy()
        if _is_array(self._values):
            values = self._values
            known = self._known
        else:
            values = np.array([0 if v is None else v for v in self._values],
                              dtype=np.int64 if all(v is None or abs(v) < _LIMIT for v in self._values) else object)
            known = None if all(v is not None for v in self._values) else np.array([v is not None for v in self._values])
        if known is None or bool(known.all()):
            return values
        if unknown == "raise":
            if self._errors:
                raise self._errors[0]
            raise InvalidValueError(Notice("model.engine.column_unknown"))
        return np.ma.MaskedArray(values, mask=~known)

    def money(self, index: int) -> Money | None:
        """One value as :class:`~nedtrapping.money.Money` (``None`` when unknown)."""
        value = self[index]
        return None if value is None else Money(value)


# --------------------------------------------------------------------------- cells


@attrs.frozen(eq=False)
class Cell:
    """The :class:`~nedtrapping.scheme.Rate` every position of one cell gets in one year, or why it cannot.

    A cell is what the rule depends on: the year, the year in the scheme and the scheme's
    options (:meth:`~nedtrapping.scheme.PositionScheme.cell`).
    """

    query: GrantQuery
    rate: Rate | None = None
    error: UnknownValueError | None = None

    @property
    def rule_set(self) -> RuleSet | None:
        return None if self.rate is None else self.rate.rule_set

    @property
    def uses(self) -> tuple[Any, ...]:
        return () if self.rate is None else self.rate.uses

    def terms(self) -> tuple[int, int, int]:
        """``(øre per 100 %, pro rata 1/0, rounded down 1/0)``: the rate as :func:`~nedtrapping.grant.grant_ore` takes it."""
        if self.rate is None:
            return 0, 0, 0
        r = self.rate
        return r.paid_per_full_position.ore, int(r.pro_rata), int(r.rounding == DOWN)


# --------------------------------------------------------------------------- input columns


def _length(name: str, column: Any, n: int | None) -> int:
    length = len(column)
    if n is not None and length != n:
        raise InvalidValueError(Notice("model.engine.length", {"length": length, "n": n}), field=name, value=length,
                                expected=expect("values", n=n))
    return length


def _int_array(np: Any, name: str, values: Any) -> Any:
    if values.dtype.kind == "f":
        raise FloatRefusedError(Notice("model.engine.float_array"), field=name, expected=expect("integer_array"))
    if values.dtype.kind not in "iu":
        raise InvalidTypeError(Notice("model.expected_got", {"expected": expect("integer_array"),
                                                             "got": f"dtype {values.dtype}"}),
                               field=name, expected=expect("integer_array"))
    return values.astype(np.int64, copy=False)


def _exact(value: object, name: str) -> Fraction:
    if isinstance(value, float):
        raise FloatRefusedError(Notice("model.float_refused", {"value": repr(value), "expected": expect("exact")}),
                                field=name, value=value, expected=expect("exact"))
    if isinstance(value, Fraction):
        return value
    from nedtrapping.money import parse_share

    return parse_share(value, where=name)  # type: ignore[arg-type]


def _fractions(name: str, column: Any, *, percent: bool) -> tuple[list[int], list[int]]:
    """A column of exact numbers as reduced ``(numerators, denominators)`` lists (pure Python)."""
    if isinstance(column, Scaled):
        values = column.values.tolist() if _is_array(column.values) else list(column.values)
        fractions = [_scaled_value(v, column.scale, name, i) for i, v in enumerate(values)]
        if percent:
            for i, f in enumerate(fractions):
                if not 0 < f <= 100:
                    raise InvalidValueError(Notice("model.engine.percent_range", {"value": str(f)}), field=f"{name}[{i}]",
                                            value=f, expected=expect("percent"))
        return [f.numerator for f in fractions], [f.denominator for f in fractions]
    if _is_array(column):
        np = _numpy()
        column = _int_array(np, name, column).tolist() if column.dtype != object else column.tolist()
    if percent and all(type(v) is Fraction or type(v) is int for v in column):
        nums, dens = [v.numerator for v in column], [v.denominator for v in column]
        if all(0 < a <= 100 * b for a, b in zip(nums, dens)):
            return nums, dens  # already exact and in range
    fractions = [position_percent(v, f"{name}[{i}]") if percent else _exact(v, f"{name}[{i}]")
                 for i, v in enumerate(column)]
    return [f.numerator for f in fractions], [f.denominator for f in fractions]


def _ints(name: str, column: Any, *, minimum: int | None = None, year: bool = False) -> list[int]:
    if _is_array(column):
        np = _numpy()
        column = _int_array(np, name, column).tolist()
    if all(type(v) is int for v in column) and (minimum is None or not column or min(column) >= minimum):
        return list(column)  # the common case, checked at C speed
    out = []
    for i, v in enumerate(column):
        if isinstance(v, Money) and not year:
            v = v.ore
        if year:
            require_year(v, f"{name}[{i}]")
        elif isinstance(v, float):
            raise FloatRefusedError(Notice("model.float_refused", {"value": repr(v), "expected": expect("ore")}),
                                    field=f"{name}[{i}]", value=v, expected=expect("ore"))
        elif isinstance(v, bool) or not isinstance(v, int):
            raise InvalidTypeError(expected_got(expect("ore"), v), field=f"{name}[{i}]", value=v, expected=expect("ore"))
        if minimum is not None and v < minimum:
            raise InvalidValueError(Notice("model.expected_got", {"expected": expect("at_least", minimum=minimum),
                                                                  "got": repr(v)}),
                                    field=f"{name}[{i}]", value=v, expected=expect("at_least", minimum=minimum))
        out.append(v)
    return out


def _optional_ints(name: str, column: Any, n: int) -> list[int | None]:
    _length(name, column, n)
    out: list[int | None] = []
    for i, v in enumerate(column.tolist() if _is_array(column) else column):
        if v is None:
            out.append(None)
        else:
            out.extend(_ints(f"{name}[{i}]", [v], minimum=0))
    return out


# --------------------------------------------------------------------------- the batch


class Batch:
    """Positions as checked, normalised columns: plan them under any rule sets with :meth:`plan`.

    Build it with :func:`batch`. The costs are computed once, on the first plan, and reused
    by every later plan of the same batch (they do not depend on the rules).
    """

    def __init__(self, *, scheme: PositionScheme, backend: str, n: int, pct_num: Any, pct_den: Any,
                 first: Any, cost: Any, cost_year: Any, growth_ids: Any, growth_table: list[Fraction],
                 percent_changes: list[tuple[int, Any, Any, Any]], granted: dict[int, Any],
                 cost_override: dict[int, list[int | None]] | None, raw_ids: Any,
                 raw_keys: list[tuple[int, tuple[tuple[str, object], ...], tuple[int, ...]]]) -> None:
        self.scheme = scheme
        self.backend = backend
        self.n = n
        self._pct = (pct_num, pct_den)
        self._first = first
        self._cost = cost
        self._cost_year = cost_year
        self._growth_ids = growth_ids
        self._growth_table = growth_table
        self._changes = percent_changes
        self._granted = granted
        self._cost_override = cost_override
        self._raw_ids = raw_ids
        self._raw_keys = raw_keys
        self._costs: dict[int, AmountColumn] = {}
        self._percents: dict[int, tuple[Any, Any]] = {}
        self._grid: tuple[Any, Any] | None | Literal[False] = False
        self._grid_keys: Any = None

    def _percent_grid(self) -> tuple[Any, Any] | None:
        """The distinct percentage numerators and each position's index among them (numpy; ``None`` when they
        span too widely for a lookup table)."""
        if self._grid is False:
            np = _numpy()
            values = self._pct[0]
            low, high = (int(values.min()), int(values.max())) if len(values) else (0, 0)
            if high - low > 4 * self.n + 100_000:
                self._grid = None
            else:
                present = np.zeros(high - low + 1, dtype=bool)
                shifted = values - low
                present[shifted] = True
                distinct = np.flatnonzero(present)
                lookup = np.zeros(high - low + 1, dtype=np.int64)
                lookup[distinct] = np.arange(len(distinct), dtype=np.int64)
                self._grid = (distinct + low, lookup[shifted])
        return self._grid

    def _grid_key(self, width: int, pct_index: Any) -> Any:
        """Per position its place in a grid of raw cells × distinct percentages (made once)."""
        if self._grid_keys is None:
            self._grid_keys = self._raw_ids * width + pct_index
        return self._grid_keys

    def __len__(self) -> int:
        return self.n

    def __repr__(self) -> str:
        return f"<Batch of {self.n} position(s), {self.scheme.scheme_id}, {self.backend} backend>"

    @property
    def granted_years(self) -> tuple[int, ...]:
        """The years with a grant-letter column."""
        return tuple(sorted(self._granted))

    def default_years(self) -> list[int]:
        """The scheme's default years, with earlier years added when a grant letter is given for them."""
        years = list(self.scheme.default_years)
        first_rule = self.scheme.first_rule_year()
        earlier = [y for y in self._granted if first_rule <= y < years[0] and self._has_letter(y)]
        if earlier:
            years = list(range(min(earlier), years[-1] + 1))
        return years

    def _has_letter(self, year: int) -> bool:
        column = self._granted[year]
        if self.backend == "numpy":
            return bool(column[1].any())
        return any(v is not None for v in column)

    # -- percent in a year (percent_changes applied)
    def percent_in(self, year: int) -> tuple[Any, Any]:
        """``(numerators, denominators)`` of every position's percentage in ``year``."""
        if year in self._percents:
            return self._percents[year]
        a, b = self._pct
        for from_year, has, na, nb in self._changes:
            if from_year > year:
                break
            if self.backend == "numpy":
                np = _numpy()
                a, b = np.where(has, na, a), np.where(has, nb, b)
            else:
                a = [x if h else y for h, x, y in zip(has, na, a)]
                b = [x if h else y for h, x, y in zip(has, nb, b)]
        self._percents[year] = (a, b)
        return a, b

    # -- cells
    def _cells(self, year: int, rules: RuleSet | None) -> tuple[Any, list[Cell]]:
        """Per position its cell id in ``year``, and the cells with their rates."""
        raw_to_cell, cells = self._raw_cells(year, rules)
        if self.backend == "numpy":
            np = _numpy()
            return np.asarray(raw_to_cell, dtype=np.int64)[self._raw_ids], cells
        return [raw_to_cell[r] for r in self._raw_ids], cells

    def _raw_cells(self, year: int, rules: RuleSet | None) -> tuple[list[int], list[Cell]]:
        """Per raw cell (:attr:`_raw_keys`) its cell in ``year``, and the cells with their rates."""
        scheme = self.scheme
        canonical: dict[GrantQuery, int] = {}
        cells: list[Cell] = []
        raw_to_cell: list[int] = []
        for first, options, muni_years in self._raw_keys:
            key = scheme.cell(GrantQuery(year=year, first_grant_year=first, options=options,
                                         municipality_first_grant_years=muni_years))
            index = canonical.get(key)
            if index is None:
                index = canonical[key] = len(cells)
                cells.append(_rate_cell(scheme, key, rules))
            raw_to_cell.append(index)
        return raw_to_cell, cells

    # -- costs (independent of the rules: computed once per year)
    def cost_in(self, year: int) -> AmountColumn:
        """Every position's full cost in ``year`` (rounded once, half up), in øre."""
        if year not in self._costs:
            if self._costs and self._growth_table == [0] and not self._changes and self._cost_override is None:
                # no growth, no percentage change: the same cost every year (rounded once, as in any year)
                self._costs[year] = next(iter(self._costs.values()))
                return self._costs[year]
            column = (_numpy_cost if self.backend == "numpy" else _python_cost)(self, year)
            given = None if self._cost_override is None else self._cost_override.get(year)
            if given is not None:
                column = _with_given(self.backend, column, given)
            self._costs[year] = column
        return self._costs[year]

    def plan(self, *, years: Sequence[int] | None = None, rules: Mapping[int, RuleSet] | None = None,
             base_year: int | None = None) -> EngineResult:
        """Plan every position × year; ``rules`` replaces the registered rule set of a year (a what-if).

        ``base_year`` (before the first year) is computed too, not as a planned year but as the base
        of the first year's increase in own financing (:attr:`EngineResult.base_own_financing`).
        """
        year_list = sorted({require_year(y, "years") for y in years}) if years is not None else self.default_years()
        if not year_list:
            raise InvalidValueError(Notice("model.plan.no_years"), field="years", expected=expect("a_year"))
        supplied = dict(rules or {})
        for y, r in supplied.items():
            if r.year != y:
                raise InvalidValueError(Notice("model.plan.rules_other_year", {"year": r.year, "planned": y}),
                                        field=f"rules[{y}]", value=r.key_text, expected=expect("rule_set_of_year", year=y))
            if r.scheme_id != self.scheme.scheme_id:
                raise InvalidValueError(Notice("model.plan.rules_other_scheme", {"scheme": r.scheme_id,
                                                                                 "planned": self.scheme.scheme_id}),
                                        field=f"rules[{y}]", value=r.key_text,
                                        expected=expect("rule_set_of", scheme=self.scheme.scheme_id))
        if base_year is not None:
            require_year(base_year, "base_year")
            if base_year >= year_list[0]:
                raise InvalidValueError(Notice("model.engine.base_year", {"year": base_year, "first": year_list[0]}),
                                        field="base_year", value=base_year, expected=expect("year_before",
                                                                                           year=year_list[0]))
        planned = year_list if base_year is None else [base_year, *year_list]
        result = (_plan_numpy if self.backend == "numpy" else _plan_python)(self, planned, supplied)
        return result if base_year is None else result.based_on(base_year)


def _no_rule_set(scheme: PositionScheme, year: int) -> UnknownValueError:
    """A year the scheme has no rule set for: its grant is unknown (never 0) until a grant letter gives it."""
    key = f"{scheme.scheme_id} {year}"
    fact: Fact[object] = Fact.unknown(
        LIBRARY.at("rule sets"), note=Notice("model.engine.no_rule_set.note", {"rule_set": key, "year": year}),
        how_to_supply=Notice("model.engine.no_rule_set.how", {"year": year}))
    return UnknownValueError(Notice("model.engine.no_rule_set.name", {"rule_set": key}), fact, path="rule_set",
                             rule_set=key)


def _rate_cell(scheme: PositionScheme, query: GrantQuery, rules: RuleSet | None) -> Cell:
    try:
        try:
            return Cell(query, rate=scheme.rate(query, rules))
        except UnknownSchemeError:
            raise _no_rule_set(scheme, query.year) from None
    except UnknownValueError as exc:
        exc.__traceback__ = None
        return Cell(query, error=exc)


@attrs.frozen(eq=False)
class EngineResult:
    """Columns of figures per year, in øre, one value per position (in the batch's order).

    ``grant[year]`` is the grant used (a grant letter's amount where one is given, else the
    rule's); ``rule_grant[year]`` the rule's; ``own_financing_increase`` of the first year is
    measured from :attr:`base_year` when one was computed, else unknown (no previous year).
    """

    batch: Batch
    years: tuple[int, ...]
    grant: dict[int, AmountColumn]
    rule_grant: dict[int, AmountColumn]
    cost: dict[int, AmountColumn]
    own_financing: dict[int, AmountColumn]
    own_financing_increase: dict[int, AmountColumn]
    #: Per year (the base year's too): the cell id of every position (list or array) and the cells.
    cell_ids: Mapping[int, Any]
    cells: dict[int, list[Cell]]
    #: The year the first year's increase is measured from, computed but not planned (``None``: none).
    base_year: int | None = None
    #: The own financing of every position in :attr:`base_year` (``None`` where unknown).
    base_own_financing: AmountColumn | None = None

    def based_on(self, base_year: int) -> EngineResult:
        """This result with ``base_year`` taken out of the planned years and kept as the increase's base."""
        def drop(columns: dict[int, Any]) -> dict[int, Any]:
            return {y: v for y, v in columns.items() if y != base_year}

        # the base year's cells stay: its figures' rule values are used (by the first year's increase)
        return attrs.evolve(self, years=tuple(y for y in self.years if y != base_year), grant=drop(self.grant),
                            rule_grant=drop(self.rule_grant), cost=drop(self.cost),
                            own_financing=drop(self.own_financing),
                            own_financing_increase=drop(self.own_financing_increase), base_year=base_year,
                            base_own_financing=self.own_financing[base_year])

    def from_letter(self, year: int, index: int) -> bool:
        """Whether position ``index``'s grant in ``year`` is a grant letter's amount."""
        column = self.batch._granted.get(year)
        if column is None:
            return False
        if self.batch.backend == "numpy":
            return bool(column[1][index])
        return column[index] is not None

    def cell(self, year: int, index: int) -> Cell:
        """The cell of position ``index`` in ``year``."""
        return self.cells[year][int(self.cell_ids[year][index])]

    def totals(self) -> dict[int, dict[str, int | None]]:
        """Per year the exact totals in øre (``None`` when any value is unknown)."""
        return {y: {"grant": self.grant[y].total(), "cost": self.cost[y].total(),
                    "own_financing": self.own_financing[y].total(),
                    "own_financing_increase": self.own_financing_increase[y].total()} for y in self.years}

    @property
    def unknown_errors(self) -> list[UnknownValueError]:
        """Each unknown rule value that left a figure unknown, once."""
        seen: dict[int, UnknownValueError] = {}
        for y in self.years:
            for c in self.cells[y]:
                if c.error is not None:
                    seen.setdefault(id(c), c.error)
        return list(seen.values())


# --------------------------------------------------------------------------- pure Python backend


def _factor(growth: Fraction, n: int) -> tuple[int, int]:
    f = (1 + growth / 100) ** n
    return f.numerator, f.denominator


def _with_given(backend: str, column: AmountColumn, given: list[int | None]) -> AmountColumn:
    """``column`` with the costs given (not ``None``) in their place."""
    if backend == "numpy":
        np = _numpy()
        values = column._values
        where = [i for i, v in enumerate(given) if v is not None]
        if any(abs(given[i]) >= _LIMIT for i in where):  # type: ignore[arg-type]
            values = values.astype(object)
        else:
            values = values.copy()
        values[np.asarray(where, dtype=np.int64)] = [given[i] for i in where]
        return AmountColumn(values)
    return AmountColumn([c if g is None else g for c, g in zip(column._values, given)])


def _python_cost(b: Batch, year: int) -> AmountColumn:
    a_y, b_y = b.percent_in(year)
    a0, b0 = b._pct
    table: dict[tuple[int, int], tuple[int, int]] = {}
    out = []
    cost_year = b._cost_year
    growth = b._growth_table
    for i, (base, gid) in enumerate(zip(b._cost, b._growth_ids)):
        n = year - (cost_year if isinstance(cost_year, int) else cost_year[i])
        key = (gid, n)
        nd = table.get(key)
        if nd is None:
            nd = table[key] = _factor(growth[gid], n)
        num, den = nd
        ay, by = a_y[i], b_y[i]
        if ay != a0[i] or by != b0[i]:
            num, den = num * ay * b0[i], den * by * a0[i]
        out.append(kroner_ore(HALF_UP, base * num, den))
    return AmountColumn(out)


def _plan_python(b: Batch, years: list[int], supplied: dict[int, RuleSet]) -> EngineResult:
    grant: dict[int, AmountColumn] = {}
    rule_grant: dict[int, AmountColumn] = {}
    cost: dict[int, AmountColumn] = {}
    own: dict[int, AmountColumn] = {}
    increase: dict[int, AmountColumn] = {}
    cell_ids: dict[int, Any] = {}
    cells_of: dict[int, list[Cell]] = {}
    previous: list[int | None] | None = None
    for year in years:
        a, d = b.percent_in(year)
        ids, cells = b._cells(year, supplied.get(year))
        terms = [c.terms() for c in cells]
        known = [c.rate is not None for c in cells]
        rule: list[int | None] = [
            grant_ore(per_full, x, y, pro_rata=pro_rata, down=down) if known[cid] else None
            for cid, x, y in zip(ids, a, d) for per_full, pro_rata, down in (terms[cid],)
        ]
        letters = b._granted.get(year)
        used = rule if letters is None else [r if g is None else g for r, g in zip(rule, letters)]
        cost_column = b.cost_in(year)
        costs = cost_column._values
        own_values = [None if g is None else c - g for c, g in zip(costs, used)]
        if previous is None:
            inc_values: list[int | None] = [None] * b.n
        else:
            inc_values = [None if o is None or p is None else o - p for o, p in zip(own_values, previous)]
        errors = [c.error for c in cells if c.error is not None]
        grant[year] = AmountColumn(used, errors=errors)
        rule_grant[year] = AmountColumn(rule, errors=errors)
        cost[year] = cost_column
        own[year] = AmountColumn(own_values, errors=errors)
        increase[year] = AmountColumn(inc_values, errors=errors)
        cell_ids[year], cells_of[year] = ids, cells
        previous = own_values
    return EngineResult(batch=b, years=tuple(years), grant=grant, rule_grant=rule_grant, cost=cost,
                        own_financing=own, own_financing_increase=increase, cell_ids=cell_ids, cells=cells_of)


# --------------------------------------------------------------------------- numpy backend


def _fits(*factors: int) -> bool:
    product = 1
    for f in factors:
        product *= max(abs(int(f)), 1)
    return product < _LIMIT


def _max(np: Any, x: Any) -> int:
    """The largest absolute value of an array or a scalar (1 for an empty array)."""
    if isinstance(x, int):
        return abs(x)
    if not len(x):
        return 1
    if x.dtype == object:
        return int(np.abs(x).max())
    return max(-int(x.min()), int(x.max()))  # no temporary array


def _mul(np: Any, x: Any, y: Any) -> Any:
    """``x * y`` elementwise, in int64 when it cannot overflow, else in Python integers."""
    if _fits(_max(np, x), _max(np, y)):
        return x * y
    as_object = [v.astype(object) if not isinstance(v, int) and v.dtype != object else v for v in (x, y)]
    return as_object[0] * as_object[1]


def _numpy_cost(b: Batch, year: int) -> AmountColumn:
    np = _numpy()
    a_y, b_y = b.percent_in(year)
    a0, b0 = b._pct
    scaled = a_y is not a0 or b_y is not b0
    base = b._cost
    cost_year = b._cost_year
    table = b._growth_table
    num: Any
    den: Any
    if table == [Fraction(0)]:
        num = den = 1
    elif isinstance(cost_year, int):
        # one factor per growth rate over one common scale S: (100S + G)^n / (100S)^n, so that
        # one side is the same for every position (a scalar divisor is the fast one)
        n = year - cost_year
        scale = math.lcm(*(g.denominator for g in table))
        tops = [100 * scale + int(g * scale) for g in table]
        if n >= 0:
            num, den = [t**n for t in tops], (100 * scale) ** n
        else:
            num, den = (100 * scale) ** -n, [t**-n for t in tops]
        num = _take(np, num, b._growth_ids)
        den = _take(np, den, b._growth_ids)
    else:
        years_from = year - cost_year
        n_min, n_max = int(years_from.min()), int(years_from.max())
        span = n_max - n_min + 1
        key = b._growth_ids * span + (years_from - n_min)
        factors = [_factor(g, n_min + k) for g in table for k in range(span)]
        num = _take(np, [f[0] for f in factors], key)
        den = _take(np, [f[1] for f in factors], key)
    if scaled:
        num = _mul(np, num, _mul(np, a_y, b0))
        den = _mul(np, den, _mul(np, b_y, a0))
    if _fits(2, _max(np, base), _max(np, num)) and _fits(200, _max(np, den)) and not _is_object(base, num, den):
        values = kroner_ore(HALF_UP, base if isinstance(num, int) and num == 1 else base * num, den)
    else:
        # a product could pass 63 bits: exact Python integers for this year
        base_o, num_o, den_o = (x if isinstance(x, int) or x.dtype == object else x.astype(object)
                                for x in (base, num, den))
        values = _compact(np, kroner_ore(HALF_UP, base_o * num_o, den_o))
    return AmountColumn(values)


def _is_object(*arrays: Any) -> bool:
    return any(not isinstance(x, int) and x.dtype == object for x in arrays)


def _take(np: Any, table: Any, ids: Any) -> Any:
    """``table[ids]`` for a list of Python ints (a scalar stays a scalar); int64 when every value fits."""
    if isinstance(table, int):
        return table
    if len(set(table)) == 1:
        return table[0]
    small = all(abs(v) < _LIMIT for v in table)
    return np.asarray(table, dtype=np.int64 if small else object)[ids]


def _compact(np: Any, values: Any) -> Any:
    """An object array as int64 when every value fits, else as it is (exact Python ints)."""
    if values.dtype == object and len(values) and all(abs(v) < _LIMIT for v in values.tolist()):
        return values.astype(np.int64)
    return values


def _plan_numpy(b: Batch, years: list[int], supplied: dict[int, RuleSet]) -> EngineResult:
    np = _numpy()
    grant: dict[int, AmountColumn] = {}
    rule_grant: dict[int, AmountColumn] = {}
    cost: dict[int, AmountColumn] = {}
    own: dict[int, AmountColumn] = {}
    increase: dict[int, AmountColumn] = {}
    cells_of: dict[int, list[Cell]] = {}
    previous: tuple[Any, Any] | None = None
    cell_ids = _CellIds(b._raw_ids)
    for year in years:
        a, d = b.percent_in(year)
        raw_to_cell, cells = b._raw_cells(year, supplied.get(year))
        cell_ids.add(year, raw_to_cell)
        errors = [c.error for c in cells if c.error is not None]
        known = None
        if errors:
            known = np.asarray([cells[c].rate is not None for c in raw_to_cell], dtype=bool)[b._raw_ids]
        # per raw cell (one take per column, from the raw cell ids the batch keeps)
        terms = [cells[c].terms() for c in raw_to_cell] or [(0, 0, 0)]  # an empty batch: nothing to pay
        rule = _grid_grant(np, b, terms, a, d)  # each raw cell × distinct percentage computed once, if it pays
        if rule is None:
            per_full, pro_rata, down = (_per_position(np, list(column), b._raw_ids) for column in zip(*terms))
            if (not _fits(4, _max(np, per_full), max(_max(np, a), 100 * _max(np, d)))
                    or not _fits(20_000, _max(np, d)) or _is_object(a, d, per_full)):
                # a product could pass 63 bits: the same formula over exact Python integers
                per_full, a, d = (x if isinstance(x, int) else x.astype(object) for x in (per_full, a, d))
                rule = _compact(np, np.asarray(grant_ore(per_full, a, d, pro_rata=pro_rata, down=down), dtype=object))
            else:
                rule = grant_ore(per_full, a, d, pro_rata=pro_rata, down=down)
        if isinstance(rule, int):
            rule = np.full(b.n, rule, dtype=np.int64)
        letters = b._granted.get(year)
        used, used_known = rule, known
        if letters is not None:
            letter_values, has_letter = letters
            used = np.where(has_letter, letter_values, rule)
            if known is not None:
                used_known = known | has_letter
        cost_column = b.cost_in(year)
        costs = cost_column._values
        own_values = costs - used
        if previous is None:
            inc_values = np.zeros(b.n, dtype=np.int64)
            inc_known = np.zeros(b.n, dtype=bool)
        else:
            prev_values, prev_known = previous
            inc_values = own_values - prev_values
            inc_known = _and(np, used_known, prev_known)
        grant[year] = AmountColumn(used, used_known, errors)
        rule_grant[year] = AmountColumn(rule, known, errors)
        cost[year] = cost_column
        own[year] = AmountColumn(own_values, used_known, errors)
        increase[year] = AmountColumn(inc_values, inc_known, errors)
        cells_of[year] = cells
        previous = (own_values, used_known)
    return EngineResult(batch=b, years=tuple(years), grant=grant, rule_grant=rule_grant, cost=cost,
                        own_financing=own, own_financing_increase=increase, cell_ids=cell_ids, cells=cells_of)


def _grid_grant(np: Any, b: Batch, terms: list[tuple[int, int, int]], a: Any, d: Any) -> Any:
    """The rule's grants as :func:`~nedtrapping.grant.grant_ore` of each raw cell × distinct percentage, taken
    per position; ``None`` when that grid would not be much smaller than the batch (or a product could pass 63
    bits, or the percentages change by year): the same formula, applied to each distinct case once."""
    if b.n < 10_000 or a is not b._pct[0] or not isinstance(d, int) or a.dtype == object:
        return None
    grid = b._percent_grid()
    if grid is None:
        return None
    distinct, pct_index = grid
    if len(terms) * len(distinct) > b.n // 8:
        return None
    per_full, pro_rata, down = (np.asarray(column, dtype=np.int64)[:, None] for column in zip(*terms))
    if not _fits(4, max(_max(np, per_full), 1), max(_max(np, distinct), 100 * d)) or not _fits(20_000, d):
        return None
    if int(pro_rata.min()) == int(pro_rata.max()):
        pro_rata = int(pro_rata[0, 0])
    if int(down.min()) == int(down.max()):
        down = int(down[0, 0])
    small = grant_ore(per_full, distinct[None, :], d, pro_rata=pro_rata, down=down)
    small = np.broadcast_to(small, (len(terms), len(distinct)))
    # per position: its raw cell's row and its percentage's column of the grid
    return small.ravel()[b._grid_key(len(distinct), pct_index)]


class _CellIds(Mapping[int, Any]):
    """Per year the cell id of every position, made (one take) when a year is read, then kept."""

    __slots__ = ("_raw_ids", "_raw_to_cell", "_made")

    def __init__(self, raw_ids: Any) -> None:
        self._raw_ids = raw_ids
        self._raw_to_cell: dict[int, list[int]] = {}
        self._made: dict[int, Any] = {}

    def add(self, year: int, raw_to_cell: list[int]) -> None:
        self._raw_to_cell[year] = raw_to_cell

    def __getitem__(self, year: int) -> Any:
        made = self._made.get(year)
        if made is None:
            np = _numpy()
            made = self._made[year] = np.asarray(self._raw_to_cell[year], dtype=np.int64)[self._raw_ids]
        return made

    def __iter__(self) -> Iterator[int]:
        return iter(self._raw_to_cell)

    def __len__(self) -> int:
        return len(self._raw_to_cell)


def _per_position(np: Any, per_cell: list[int], ids: Any) -> Any:
    """A value per cell as a value per position: one int when every cell has the same, else an array."""
    if len(set(per_cell)) <= 1:
        return per_cell[0] if per_cell else 0
    return np.asarray(per_cell, dtype=np.int64 if all(abs(v) < _LIMIT for v in per_cell) else object)[ids]


def _and(np: Any, x: Any, y: Any) -> Any:
    if x is None:
        return y
    if y is None:
        return x
    return x & y


# --------------------------------------------------------------------------- building a batch


def _choose_backend(backend: str, n: int) -> str:
    if backend == "python":
        return "python"
    if backend == "numpy":
        if not numpy_available():
            raise OptionalDependencyError(Notice("model.optional.numpy", {"command": "pip install 'nedtrapping[fast]'"}))
        return "numpy"
    if backend != "auto":
        raise InvalidValueError(Notice("model.expected_got", {"expected": expect("backend"), "got": repr(backend)}),
                                field="backend", value=backend, expected=expect("backend"))
    return "numpy" if n >= NUMPY_FROM and numpy_available() else "python"


def _municipality_codes(municipality: Any, n: int) -> tuple[list[int], int]:
    if municipality is None:
        return list(range(n)), n
    if _is_array(municipality) and municipality.dtype.kind in "iu":
        values = municipality.tolist()
    else:
        values = list(municipality)
    codes: dict[Hashable, int] = {}
    out = [codes.setdefault(v, len(codes)) for v in values]
    return out, len(codes)


RawKey = tuple[int, tuple[tuple[str, object], ...], tuple[int, ...]]


def _option_codes(scheme: PositionScheme, options: Mapping[str, Any] | None,
                  municipality_codes: Callable[[], list[int]] | None, m: int, names: Any,
                  n: int) -> tuple[list[int] | None, list[tuple[tuple[str, object], ...]]]:
    """Per position a code of its stated options, and the options of each code (code 0: none stated).

    ``None`` for the codes when no option is stated (every position has code 0).
    ``municipality_codes`` gives each position's municipality code (``None``: each position is its
    own municipality); it is called only when an option is given. An option the scheme declares
    per municipality is the municipality's answer: its positions must agree, and every one of them
    carries it.
    """
    table: dict[tuple[tuple[str, object], ...], int] = {(): 0}
    if not options:
        return None, [()]
    muni = municipality_codes() if municipality_codes is not None else None
    declared = {o.name: o for o in scheme.options}
    columns: list[tuple[str, list[object], bool]] = []
    for name, column in options.items():
        _length(name, column, n)
        values = column.tolist() if _is_array(column) else list(column)
        option = declared.get(name)
        if option is None:
            if any(v is not None for v in values):
                raise InvalidValueError(Notice("model.engine.not_an_option", {"option": name,
                                                                              "scheme": scheme.scheme_id}), field=name,
                                        value=next(v for v in values if v is not None),
                                        expected=expect("not_an_option", scheme=scheme.scheme_id))
            continue
        checked = [_option_value(option.check, v, name, i) for i, v in enumerate(values)]
        if option.per_municipality and muni is not None:
            stated: list[object] = [None] * m
            for c, v in zip(muni, checked):
                if v is None:
                    continue
                if stated[c] is not None and stated[c] != v:
                    where = names[c] if names is not None else Notice("model.engine.municipality_no", {"number": c})
                    raise InvalidValueError(Notice("model.engine.disagree", {"municipality": where, "option": name}),
                                            field=name, value=where, expected=expect("one_answer"))
                stated[c] = v
            checked = [stated[c] for c in muni]
        columns.append((name, checked, option.per_municipality))
    codes = []
    for i in range(n):
        combo = tuple(sorted((name, values[i]) for name, values, _ in columns if values[i] is not None))
        codes.append(table.setdefault(combo, len(table)))
    return codes, list(table)


def _option_value(check: Any, value: object, name: str, i: int) -> object:
    try:
        return check(value)
    except InvalidTypeError as exc:
        raise InvalidTypeError(exc.message, field=f"{name}[{i}]", value=value, expected=exc.expected) from None


def _raw_cells(first: list[int], muni: list[int] | None, m: int, codes: list[int],
               combos: list[tuple[tuple[str, object], ...]]) -> tuple[list[int], list[RawKey]]:
    """Per position its raw cell: (first grant year, its stated options, its municipality's first grant years)."""
    if muni is None:  # each position is its own municipality
        keys: Any = ((f, combos[k], (f,)) for f, k in zip(first, codes))
    else:
        years_of_muni: list[set[int]] = [set() for _ in range(m)]
        for f, c in zip(first, muni):
            years_of_muni[c].add(f)
        muni_key = [tuple(sorted(s)) for s in years_of_muni]
        keys = ((f, combos[k], muni_key[c]) for f, c, k in zip(first, muni, codes))
    index: dict[RawKey, int] = {}
    ids = [index.setdefault(key, len(index)) for key in keys]
    return ids, list(index)


def _raw_cells_numpy(np: Any, first: Any, muni: Any, m: int, codes: Any,
                     combos: list[tuple[tuple[str, object], ...]]) -> tuple[Any, list[RawKey]] | None:
    """:func:`_raw_cells` with numpy, when the first grant years span at most 40 years (else ``None``)."""
    if not len(first):
        return np.zeros(0, dtype=np.int64), []
    f_min = int(first.min())
    offset = first - f_min
    span = int(offset.max()) + 1
    if span > 40:
        return None
    if muni is None and codes is None:  # no grouping: the raw cell is the first grant year
        unique = np.flatnonzero(np.bincount(offset, minlength=span))
        if len(unique) == span:
            ids = offset  # every year present: the offset is the id
        else:
            lookup = np.zeros(span, dtype=np.int64)
            lookup[unique] = np.arange(len(unique), dtype=np.int64)
            ids = lookup[offset]
        return ids, [(f_min + v, combos[0], (f_min + v,)) for v in unique.tolist()]
    # which first grant years each municipality has, as bits
    if muni is None:  # each position is its own municipality: its own year
        years_mask = np.int64(1) << offset
    elif m * span <= 8 * len(first) + 1_000_000:
        present = (np.bincount(muni * span + offset, minlength=m * span) > 0).reshape(m, span)
        years_mask = (present.astype(np.int64) @ (np.int64(1) << np.arange(span, dtype=np.int64)))[muni]
    else:
        mask = np.zeros(m, dtype=np.int64)
        for v in np.flatnonzero(np.bincount(offset, minlength=span)):
            has = np.bincount(muni[offset == v], minlength=m) > 0
            mask |= has.astype(np.int64) << int(v)
        years_mask = mask[muni]
    bits = span.bit_length()
    key = ((years_mask << bits) | offset) * len(combos)
    if codes is not None:
        key = key + codes
    top = int(key.max())
    if top < 8 * len(key) + 1_000_000:
        present_keys = np.zeros(top + 1, dtype=bool)
        present_keys[key] = True
        unique = np.flatnonzero(present_keys)
        lookup = np.full(top + 1, -1, dtype=np.int64)
        lookup[unique] = np.arange(len(unique), dtype=np.int64)
        ids = lookup[key]
    else:
        unique, ids = np.unique(key, return_inverse=True)
    keys = []
    for k in unique.tolist():
        k, code = divmod(k, len(combos))
        years = k >> bits
        keys.append((f_min + (k & ((1 << bits) - 1)), combos[code],
                     tuple(f_min + i for i in range(span) if years >> i & 1)))
    return ids.astype(np.int64, copy=False), keys


def _growth_column(growth: Any, n: int) -> tuple[list[int], list[Fraction]]:
    """Growth per position as ids into a table of distinct exact rates (0 for none)."""
    if growth is None:
        return [0] * n, [Fraction(0)]
    if isinstance(growth, Scaled):
        values = growth.values.tolist() if _is_array(growth.values) else list(growth.values)
        rates = [_scaled_value(v, growth.scale, "growth", i) for i, v in enumerate(values)]
    else:
        raw = growth.tolist() if _is_array(growth) else list(growth)
        zero = Fraction(0)
        rates = [zero if v is None else v if type(v) is Fraction else _exact(v, f"growth[{i}]")
                 for i, v in enumerate(raw)]
    table: dict[tuple[int, int], int] = {}
    ids = []
    for g in rates:
        key = (g.numerator, g.denominator)  # hashed faster than the Fraction
        found = table.get(key)
        if found is None:
            found = table[key] = len(table)
        ids.append(found)
    for i, g in enumerate(rates):
        if g.numerator <= -100 * g.denominator:
            raise InvalidValueError(Notice("model.cost.growth_range", {"value": str(g)}), field=f"growth[{i}]",
                                    value=g, expected=expect("growth"))
    return ids, [Fraction(a, b) for a, b in table]


def _scaled_value(v: object, scale: int, name: str, i: int) -> Fraction:
    if isinstance(v, float):
        raise FloatRefusedError(Notice("model.engine.scaled_float", {"value": repr(v)}), field=f"{name}[{i}]", value=v,
                                expected=expect("integer"))
    if isinstance(v, bool) or not isinstance(v, int):
        raise InvalidTypeError(expected_got(expect("integer"), v), field=f"{name}[{i}]", value=v,
                               expected=expect("integer"))
    return Fraction(v, scale)


def _np_exact(np: Any, name: str, column: Any, *, percent: bool) -> tuple[Any, int] | None:
    """A numpy or :class:`Scaled`-numpy column as ``(numerators, one denominator)``; ``None`` if not one.

    The fraction is not reduced per value: the formulas are exact for any numerator and
    denominator of the same number, and one denominator for all is the fast divisor.
    """
    if isinstance(column, Scaled) and _is_array(column.values):
        values, scale = _int_array(np, name, column.values), column.scale
    elif _is_array(column) and column.dtype.kind in "iuf":
        values, scale = _int_array(np, name, column), 1
    else:
        return None
    if scale >= _LIMIT // 20_000 or (len(values) and _max(np, values) >= _LIMIT // 20_000):
        return None
    if percent and len(values):
        low, high = int(values.min()), int(values.max())
        if low <= 0 or high > 100 * scale:
            bad = np.flatnonzero((values <= 0) | (values > 100 * scale))
            i = int(bad[0])
            raise InvalidValueError(Notice("model.engine.percent_range", {"value": str(Fraction(int(values[i]), scale))}),
                                    field=f"{name}[{i}]", expected=expect("percent"))
    return values, scale


def _np_ints(np: Any, name: str, column: Any, *, minimum: int | None = None, year: bool = False) -> Any:
    if _is_array(column) and column.dtype.kind in "iuf":
        values = _int_array(np, name, column)
        if minimum is not None and len(values) and int(values.min()) < minimum:
            i = int(np.argmin(values))
            raise InvalidValueError(Notice("model.expected_got", {"expected": expect("at_least", minimum=minimum),
                                                                  "got": str(int(values[i]))}),
                                    field=f"{name}[{i}]", expected=expect("at_least", minimum=minimum))
        return values
    values = _ints(name, column, minimum=minimum, year=year)
    return np.asarray(values, dtype=object if any(abs(v) >= _LIMIT for v in values) else np.int64)


def _np_growth(np: Any, growth: Any, n: int) -> tuple[Any, list[Fraction]]:
    if growth is None:  # no growth: one rate for all, no column to check
        return np.zeros(n, dtype=np.int64), [Fraction(0)]
    exact = _np_exact(np, "growth", growth, percent=False) if growth is not None else None
    if exact is None:
        ids, table = _growth_column(growth, n)
        return np.asarray(ids, dtype=np.int64), table
    values, scale = exact
    if not len(values):
        return np.zeros(0, dtype=np.int64), [Fraction(0)]
    low_v, high_v = int(values.min()), int(values.max())
    if low_v <= -100 * scale:
        i = int(np.flatnonzero(values <= -100 * scale)[0])
        raise InvalidValueError(Notice("model.cost.growth_range", {"value": str(Fraction(int(values[i]), scale))}),
                                field=f"growth[{i}]", expected=expect("growth"))
    # distinct rates: a lookup table when the values span little, else a sort
    span = high_v - low_v + 1
    if span <= 4 * n + 100_000:
        present = np.zeros(span, dtype=bool)
        shifted = values - low_v
        present[shifted] = True
        unique = np.flatnonzero(present)
        lookup = np.zeros(span, dtype=np.int64)
        lookup[unique] = np.arange(len(unique), dtype=np.int64)
        ids = lookup[shifted]
        distinct = (unique + low_v).tolist()
    else:
        unique_values, ids = np.unique(values, return_inverse=True)
        distinct = unique_values.tolist()
    return ids.astype(np.int64, copy=False), [Fraction(v, scale) for v in distinct]


def _np_municipality(np: Any, municipality: Any, n: int) -> tuple[Any, int, Any]:
    """Municipality codes ``0..m-1`` per position, ``m`` and the names by code (``None``: the codes themselves)."""
    if municipality is None:
        return np.arange(n, dtype=np.int64), n, None
    if _is_array(municipality) and municipality.dtype.kind in "iu":
        codes = municipality.astype(np.int64, copy=False)
        if len(codes) and int(codes.min()) >= 0 and int(codes.max()) < 4 * n + 1000:
            return codes, (int(codes.max()) + 1) if len(codes) else 0, None
        unique, inverse = np.unique(codes, return_inverse=True)
        return inverse.astype(np.int64), len(unique), unique.tolist()
    codes_list, m = _municipality_codes(municipality, n)
    names: list[Any] = [None] * m
    for code, value in zip(codes_list, municipality.tolist() if _is_array(municipality) else municipality):
        if names[code] is None:
            names[code] = value
    return np.asarray(codes_list, dtype=np.int64), m, names


def _changes_python(percent_changes: Mapping[int, Any] | None, n: int) -> list[tuple[int, Any, Any, Any]]:
    changes: list[tuple[int, Any, Any, Any]] = []
    for year, column in sorted((percent_changes or {}).items()):
        require_year(year, "percent_changes")
        _length(f"percent_changes[{year}]", column, n)
        values = column.tolist() if _is_array(column) else list(column)
        has = [v is not None for v in values]
        filled = [v if v is not None else 100 for v in values]
        cn, cd = _fractions(f"percent_changes[{year}]", filled, percent=True)
        changes.append((year, has, cn, cd))
    return changes


def batch(
    *,
    percent: Any,
    first_grant_year: Any,
    cost: Any,
    cost_year: int | Any | None = None,
    growth: Any = None,
    municipality: Any = None,
    options: Mapping[str, Any] | None = None,
    granted: Mapping[int, Any] | None = None,
    percent_changes: Mapping[int, Any] | None = None,
    cost_in_year: Mapping[int, Any] | None = None,
    scheme: str | PositionScheme = DEFAULT_SCHEME,
    backend: Backend = "auto",
) -> Batch:
    """Check and normalise columns of positions once, for one or many plans (:meth:`Batch.plan`).

    Every column has one value per position (a list, a tuple or a numpy array):

    * ``percent`` — the position percentage in (0, 100]: ints, text (``"33,3"``), Decimals or
      Fractions, or :class:`Scaled` integers (``Scaled(array_of_hundredths, 100)``).
    * ``first_grant_year`` — ints.
    * ``cost`` — the full annual cost in ``cost_year``, in øre (ints, or :class:`~nedtrapping.money.Money`).
    * ``cost_year`` — one year for all, or a column (default: the scheme's first default year).
    * ``growth`` — the annual cost growth in percent (exact, as ``percent``; ``None`` for none),
      compounded exactly as :class:`~nedtrapping.cofinancing.GrowingCost` does.
    * ``municipality`` — names or codes; an option of the municipality (kommunalt rusarbeid's 2021
      grant) is inferred from all its positions (without it, each position is its own municipality).
    * ``options`` — ``{option name: column}``: the scheme's own options
      (:attr:`~nedtrapping.scheme.PositionScheme.options`; ``None`` where not stated).
    * ``scheme`` — the scheme id (``"kommunalt-rusarbeid"``) or scheme.
    * ``granted`` — ``{year: column of øre or None}``: amounts from grant letters (they win).
    * ``percent_changes`` — ``{year: column of percentages or None}``: the percentage from that
      year on; the cost follows it in proportion (as :class:`~nedtrapping.plan.Position` does).
    * ``cost_in_year`` — ``{year: column of øre or None}``: costs already computed (a cost model of your
      own); ``None`` where the columns above give the cost.

    Floats are refused (:class:`~nedtrapping.money.FloatRefusedError`), as everywhere in the library.
    """
    chosen: PositionScheme = position_scheme(scheme) if isinstance(scheme, str) else scheme
    n = _length("percent", percent.values if isinstance(percent, Scaled) else percent, None)
    _length("first_grant_year", first_grant_year, n)
    _length("cost", cost, n)
    if growth is not None:
        _length("growth", growth.values if isinstance(growth, Scaled) else growth, n)
    if municipality is not None:
        _length("municipality", municipality, n)
    which = _choose_backend(backend, n)
    if cost_year is None:
        cost_year = chosen.default_years[0]
    changes = _changes_python(percent_changes, n)
    letters: dict[int, list[int | None]] = {}
    for year, column in sorted((granted or {}).items()):
        require_year(year, "granted")
        letters[year] = _optional_ints(f"granted[{year}]", column, n)
    override = None
    if cost_in_year is not None:
        override = {}
        for y, c in cost_in_year.items():
            require_year(y, "cost_in_year")
            _length(f"cost_in_year[{y}]", c, n)
            override[y] = _optional_ints(f"cost_in_year[{y}]", c, n)

    if which == "numpy":
        np = _numpy()

        def arr(values: list[int]) -> Any:
            return np.asarray(values, dtype=object if any(abs(v) >= _LIMIT for v in values) else np.int64)

        exact = _np_exact(np, "percent", percent, percent=True)
        if exact is None:
            pn, pd = _fractions("percent", percent, percent=True)
            exact = (arr(pn), arr(pd))
        first_arr = _np_ints(np, "first_grant_year", first_grant_year, year=True)
        base = _np_ints(np, "cost", cost, minimum=0)
        if isinstance(cost_year, int) and not isinstance(cost_year, bool):
            years_col: Any = cost_year
        else:
            _length("cost_year", cost_year, n)
            years_col = _np_ints(np, "cost_year", cost_year, year=True)
        growth_ids, growth_table = _np_growth(np, growth, n)
        # no municipality: no grouping (each position is its own municipality, and no code per position is made)
        muni, m, names = _np_municipality(np, municipality, n) if municipality is not None else (None, 0, None)
        codes, combos = _option_codes(chosen, options, None if muni is None else muni.tolist, m, names, n)
        codes_arr = np.asarray(codes, dtype=np.int64) if len(combos) > 1 else None
        raw = (_raw_cells_numpy(np, first_arr, muni, m, codes_arr, combos)
               if first_arr.dtype != object else None)
        if raw is None:
            ids_list, raw_keys = _raw_cells(first_arr.tolist(), None if muni is None else muni.tolist(), m,
                                            codes if codes is not None else [0] * n, combos)
            raw = (np.asarray(ids_list, dtype=np.int64), raw_keys)
        np_changes = [(y, np.asarray(h, dtype=bool), arr(cn), arr(cd)) for y, h, cn, cd in changes]
        np_letters = {y: (arr([0 if v is None else v for v in c]), np.asarray([v is not None for v in c], dtype=bool))
                      for y, c in letters.items()}
        return Batch(scheme=chosen, backend=which, n=n, pct_num=exact[0], pct_den=exact[1], first=first_arr,
                     cost=base, cost_year=years_col, growth_ids=growth_ids, growth_table=growth_table,
                     percent_changes=np_changes, granted=np_letters, cost_override=override,
                     raw_ids=raw[0], raw_keys=raw[1])

    pct_num, pct_den = _fractions("percent", percent, percent=True)
    first = _ints("first_grant_year", first_grant_year, year=True)
    base_list = _ints("cost", cost, minimum=0)
    if isinstance(cost_year, int) and not isinstance(cost_year, bool):
        years_py: int | list[int] = cost_year
    else:
        _length("cost_year", cost_year, n)
        years_py = _ints("cost_year", cost_year, year=True)
    growth_py, table = _growth_column(growth, n)
    muni_list, m = _municipality_codes(municipality, n) if municipality is not None else ([], 0)
    names_py = None
    if municipality is not None:
        names_py = [None] * m
        for code, value in zip(muni_list, municipality.tolist() if _is_array(municipality) else municipality):
            if names_py[code] is None:
                names_py[code] = value
    codes, combos = _option_codes(chosen, options, None if municipality is None else lambda: muni_list, m, names_py, n)
    ids, raw_keys = _raw_cells(first, None if municipality is None else muni_list, m,
                               codes if codes is not None else [0] * n, combos)
    return Batch(scheme=chosen, backend=which, n=n, pct_num=pct_num, pct_den=pct_den, first=first, cost=base_list,
                 cost_year=years_py, growth_ids=growth_py, growth_table=table, percent_changes=changes,
                 granted=letters, cost_override=override, raw_ids=ids, raw_keys=raw_keys)


def plan_columns(*, years: Sequence[int] | None = None, rules: Mapping[int, RuleSet] | None = None,
                 **columns: Any) -> EngineResult:
    """:func:`batch` and :meth:`Batch.plan` in one call."""
    return batch(**columns).plan(years=years, rules=rules)
