"""A plan as a live Excel workbook: the workbook is the model, and the rules live in the sheet.

Why: the økonomiplan is built in a spreadsheet, and a finance officer sorts, filters and edits
it, and types in what the grant letter says. Every figure a person could change the inputs of
is a formula, and every formula is derived from the library's one statement of a rule:

* **Satser** — per budget year, year in the scheme and the scheme's options, the amount per
  100 % position the scheme's :class:`~nedtrapping.scheme.Rate` gives (0 when not eligible),
  pro rata or not, its named rounding rule, the rule value's status and its source (a link).
  A rate that needs a value no source gives is an empty, highlighted input cell, labelled with
  what to type in from the grant letter (*tilsagnsbrev*) and where.
* **Plan** — a title, the scheme, the rule-set digests, the library version and a completeness
  line that counts the unknown figures live; then one row per position and year (and the base
  year the first increase is measured from). Inputs (yellow): percentage, first grant year,
  the scheme's options, the grant from the position's own letter (``tildelt_YYYY``, which wins
  over the rate), the cost's amount, year, growth and the percentage it is for. Formulas: the
  year in the scheme, the grant (the rate looked up × the percentage, rounded by the rate's
  named rule, :func:`nedtrapping.rounding.spreadsheet_rounding`; «ukjent», never 0, while the
  rate is empty), the cost, own financing, the increase over the same position's previous year
  (found by ``SUMIFS``, so sorting never breaks it) and where the grant comes from.
* **Totaler** — per municipality and year, and for all municipalities, by ``SUMIFS`` and
  ``COUNTIFS`` over whole columns: sorting, filtering, inserting or deleting rows never changes
  a total; an unknown in a sum shows «ukjent», and each total names the positions with unknown
  figures (live).
* **Økonomiplan** — the budget's layout: a row per position (grouped by municipality, with its sum),
  per year the grant, own financing and increase, found on the Plan sheet by position and year; the
  input's own columns (``ansvar``, ``funksjon``, ``art``) are carried here and to the Plan sheet.
* **Regler**, **Advarsler**, **Forklaringer** (one row per line, so nothing is cut off) and
  **Regelsett** — the rule values used with their sources (links), warnings, explanations and
  the rule-set digests.

The formulas carry the library's figures as cached values (written natively by XlsxWriter),
so a viewer that does not calculate shows them too; Excel and LibreOffice calculate again on
load. The file is deterministic: the same plan gives the same bytes. :func:`template_xlsx_bytes`
writes the same workbook with empty position rows (``nedtrapping mal``).
"""

from __future__ import annotations

import datetime as _dt
import importlib
import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs

from nedtrapping._version import __version__
from nedtrapping.cofinancing import FixedCost, GrowingCost, cost_figure
from nedtrapping.errors import InvalidValueError, NedtrappingError
from nedtrapping.grant import grant_ore
from nedtrapping.money import Money
from nedtrapping.optional import XlsxUnavailableError
from nedtrapping.plan import Plan
from nedtrapping.position import Position
from nedtrapping.provenance import Fact, Status, value_text
from nedtrapping.readable import read
from nedtrapping.registry import position_scheme
from nedtrapping.render._groups import PlanGroups
from nedtrapping.render.plan import rule_values_used, unknown_lines
from nedtrapping.render.xlsx_rates import RateRow, cell_key, rate_rows
from nedtrapping.rounding import DOWN, HALF_UP, SPREADSHEET_FUNCTIONS, round_half_up_to_kroner, spreadsheet_rounding
from nedtrapping.ruleset import RuleSet
from nedtrapping.scheme import GrantQuery, PositionScheme
from nedtrapping.wording import DEFAULT_LANG, Lang, Notice, check_lang, fact_label, status_word, text

__all__ = ["write_plan_xlsx", "plan_xlsx_bytes", "template_xlsx_bytes", "write_template_xlsx", "rule_values_used",
           "cell_safe_text", "SHEETS", "MAX_EXACT_CELL", "MAX_CELL_CHARS", "EXPLAINED_ROWS",
           "TEMPLATE_POSITIONS"]

#: The sheets in order, as wording ids (``text(id, lang)`` gives the sheet's name).
SHEETS = ("plan.sheet.plan", "xlsx.sheet.rates", "plan.sheet.totals", "xlsx.sheet.budget", "plan.sheet.rules",
          "plan.sheet.warnings", "plan.sheet.explanations", "plan.sheet.digests")

#: Plans with more rows than this explain the first ones on the Forklaringer sheet and say where the rest are.
EXPLAINED_ROWS = 1_000
#: Position slots (one row per year each) in the blank workbook.
TEMPLATE_POSITIONS = 40

#: The largest amount a spreadsheet holds exactly (a cell is a binary double: whole numbers up to 2**53).
MAX_EXACT_CELL = 2**53
#: The most characters a cell holds (Excel's limit); a longer text is cut, and says so at its end.
MAX_CELL_CHARS = 32_767
_CUT_MARK = " […]"
#: Characters a worksheet cannot hold (XML 1.0 forbids them); shown as ``\x0b`` instead of breaking the file.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_HEADER_ROW = 8  # the Plan sheet's header row (1-based): the identification block is above it
_FIRST = _HEADER_ROW + 1
_KR = '#,##0 "kr";-#,##0 "kr"'
_KR_ORE = '#,##0.00 "kr";-#,##0.00 "kr"'
_INPUT_FILL, _UNKNOWN_FILL, _BASE_FILL = "#FFF2CC", "#F8CBAD", "#EDEDED"


def _escape(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


def cell_safe_text(value: str) -> str:
    """A text as a worksheet cell can hold it, whatever it came from (a name, a header, a note).

    Characters XML 1.0 forbids (control characters) are shown as ``\\x0b`` instead of breaking the
    file; a carriage return is a line break (as a worksheet reads it back); a text longer than a cell
    holds is cut with ``[…]`` at its end. It is always written as text, so ``=1+1`` stays ``=1+1``.

    >>> cell_safe_text("Merk.\\x01")
    'Merk.\\\\x01'
    """
    guarded = _ILLEGAL.sub(_escape, value.replace("\r\n", "\n").replace("\r", "\n"))
    if len(guarded) > MAX_CELL_CHARS:
        guarded = guarded[:MAX_CELL_CHARS - len(_CUT_MARK)] + _CUT_MARK
    return guarded


def _xlsxwriter() -> Any:
    try:
        return importlib.import_module("xlsxwriter")
    except ImportError:  # pragma: no cover - exercised only without the package
        raise XlsxUnavailableError(Notice("xlsx.error.xlsxwriter", {"command": "pip install XlsxWriter"})) from None


def _col(index: int) -> str:
    """The letter of a 0-based column."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _kroner(m: Money | None) -> int | Decimal | None:
    """An amount for a cell: whole kroner, or kroner and øre; refused when a cell could not hold it exactly."""
    if m is None:
        return None
    if abs(m.ore) >= MAX_EXACT_CELL:
        raise InvalidValueError(Notice("xlsx.error.amount_too_large", {"amount": m}), field="amount", value=m,
                                expected=Notice("xlsx.expected.amount_below", {"limit": MAX_EXACT_CELL}))
    return m.ore // 100 if m.is_whole_kroner else m.to_decimal()


def _share(p: Fraction) -> int | Decimal:
    """A percentage as the share a percent-formatted cell holds (50 % → 0.5)."""
    share = Fraction(p) / 100
    if share.denominator == 1:
        return share.numerator
    exact = Decimal(share.numerator) / Decimal(share.denominator)
    return exact if Fraction(exact) == share else Decimal(format(exact, ".12g"))


def _percent_format(p: Fraction | None) -> str:
    return "0%" if p is None or p.denominator == 1 else "0.0##%"


def _sheet_ref(title: str) -> str:
    return title if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", title) else "'" + title.replace("'", "''") + "'"


def _quote(value: str) -> str:
    """A text as a formula's string literal."""
    return '"' + value.replace('"', '""') + '"'


def _equal_to(ref: str) -> str:
    """A ``COUNTIFS``/``SUMIFS`` criterion that matches the text of ``ref`` exactly (no wildcards, no operators)."""
    return f'"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE({ref},"~","~~"),"*","~*"),"?","~?")'


def _source(fact: Fact[Any]) -> str:
    c = fact.citation
    return ", ".join(x for x in (c.document, c.section, c.published.isoformat() if c.published else None) if x)


# --------------------------------------------------------------------------- the model of the sheets


@attrs.frozen
class _Column:
    key: str
    width: int
    #: "input", "formula" or "text"
    kind: str


@attrs.frozen
class _Row:
    """One Plan row: the inputs, and the library's figures as the cached results of its formulas."""

    municipality: str
    position: str
    year: int
    percent: Fraction | None
    first_grant_year: int | None
    options: tuple[bool | None, ...]
    granted: Money | None
    cost_amount: Money | None
    cost_year: int | None
    growth: Fraction | None
    cost_percent: Fraction | None
    base: bool
    # cached results (None: unknown; "" : no figure)
    grant: Money | None = None
    cost: Money | None = None
    own: Money | None = None
    increase: Money | None | str = ""
    source: str = ""
    rate_row: int | None = None
    extra: tuple[str | None, ...] = ()


class _Layout:
    """The Plan sheet's columns: their letters follow from the scheme's options and the input's extra columns."""

    def __init__(self, scheme: PositionScheme, extra_names: Sequence[str]) -> None:
        self.options = [o.name for o in scheme.options]
        columns = [
            ("municipality", _Column("plan.col.municipality", 22, "text")),
            ("position", _Column("plan.col.position", 28, "text")),
            ("year", _Column("plan.col.year", 7, "input")),
            ("percent", _Column("plan.col.percent_long", 15, "input")),
            ("grant", _Column("plan.col.grant", 14, "formula")),
            ("cost", _Column("plan.col.cost", 14, "formula")),
            ("own", _Column("plan.col.own_financing", 17, "formula")),
            ("increase", _Column("plan.col.increase_long", 22, "formula")),
            ("source", _Column("plan.col.grant_source", 18, "formula")),
            ("first", _Column("xlsx.col.first_grant_year", 15, "input")),
            ("yis", _Column("plan.col.year_in_scheme", 14, "formula")),
            *((f"option:{name}", _Column(f"option.{name}", 18, "input")) for name in self.options),
            ("granted", _Column("xlsx.col.granted", 18, "input")),
            ("cost_amount", _Column("xlsx.col.cost_amount", 15, "input")),
            ("cost_year", _Column("xlsx.col.cost_year", 13, "input")),
            ("growth", _Column("xlsx.col.cost_growth", 13, "input")),
            ("cost_percent", _Column("xlsx.col.cost_percent", 16, "input")),
            ("rate_row", _Column("xlsx.col.rate_row", 9, "formula")),
            ("subject", _Column("xlsx.col.subject", 30, "formula")),
            ("criterion", _Column("xlsx.col.criterion", 10, "formula")),
        ]
        self.columns = [c for _, c in columns]
        self.index = {name: i for i, (name, _) in enumerate(columns)}
        self.extra = list(extra_names)

    def letter(self, name: str) -> str:
        return _col(self.index[name])

    @property
    def width(self) -> int:
        return len(self.columns) + len(self.extra)


class _Formulas:
    """The formulas of the workbook, from the layout, the rates' columns and the catalogue's words."""

    def __init__(self, layout: _Layout, lang: Lang, plan_title: str, rates_title: str, rate_rows: Sequence[RateRow],
                 data_rows: tuple[int, int]) -> None:
        self.layout = layout
        self.lang = lang
        self.unknown = text("plan.unknown", lang)
        self.yes, self.no = text("word.yes", lang), text("word.no", lang)
        self.plan = _sheet_ref(plan_title)
        self.rates = _sheet_ref(rates_title)
        n_options = len(layout.options)
        # the Satser sheet's columns: year, year in scheme, options…, rate, pro rata, rounding, status, rule value,
        # source, type in, key
        self.rate_col = _col(2 + n_options)
        self.pro_rata_col = _col(3 + n_options)
        self.rounding_col = _col(4 + n_options)
        self.key_col = _col(9 + n_options)
        self.roundings = [r for r in SPREADSHEET_FUNCTIONS if any(x.rounding == r for x in rate_rows)] or [HALF_UP]
        self.data_rows = data_rows

    def rounding_word(self, rounding: str) -> str:
        return text(f"value.rounding.{rounding.replace('-', '_')}", self.lang)

    def _c(self, name: str, r: int | str) -> str:
        return f"{self.layout.letter(name)}{r}"

    def _guard(self, r: int | str, body: str) -> str:
        return f'=IF(OR({self._c("municipality", r)}="",{self._c("year", r)}=""),"",{body})'

    def yis(self, r: int | str) -> str:
        year, first = self._c("year", r), self._c("first", r)
        return f'=IF(OR({year}="",{first}=""),"",{year}-{first}+1)'

    def rate_row(self, r: int | str) -> str:
        key = f'{self._c("year", r)}&"|"&{self._c("yis", r)}'
        for name in self.layout.options:
            key += f'&"|"&{self._c("option:" + name, r)}'
        return (f'=IF({self._c("yis", r)}="","",IFERROR(MATCH({key},{self.rates}!${self.key_col}:${self.key_col},0),""))')

    def grant(self, r: int | str) -> str:
        u = _quote(self.unknown)
        q = self._c("rate_row", r)
        rate = f"INDEX({self.rates}!${self.rate_col}:${self.rate_col},{q})"
        pro_rata = f"INDEX({self.rates}!${self.pro_rata_col}:${self.pro_rata_col},{q})"
        rounding = f"INDEX({self.rates}!${self.rounding_col}:${self.rounding_col},{q})"
        exact = f'{rate}*IF({pro_rata}={_quote(self.yes)},{self._c("percent", r)},1)'
        rounded = u  # a rule the sheet does not know: the grant stays unknown
        for name in reversed(self.roundings):
            rounded = f"IF({rounding}={_quote(self.rounding_word(name))},{spreadsheet_rounding(name, exact)},{rounded})"
        granted = self._c("granted", r)
        return self._guard(r, (
            f"IF(ISNUMBER({granted}),{granted},IF(NOT(ISNUMBER({q})),{u},IF(NOT(ISNUMBER({rate})),{u},"
            f'IF(OR(NOT(ISNUMBER({self._c("percent", r)})),{pro_rata}=""),{u},{rounded}))))'))

    def cost(self, r: int | str) -> str:
        amount, year, growth = self._c("cost_amount", r), self._c("year", r), self._c("growth", r)
        cost_year, percent, cost_percent = self._c("cost_year", r), self._c("percent", r), self._c("cost_percent", r)
        exact = (f"{amount}*(1+N({growth}))^({year}-IF(ISNUMBER({cost_year}),{cost_year},{year}))"
                 f"*IF(AND(ISNUMBER({cost_percent}),ISNUMBER({percent})),{percent}/{cost_percent},1)")
        return self._guard(r, f"IF(NOT(ISNUMBER({amount})),{_quote(self.unknown)},"
                              f"{spreadsheet_rounding(HALF_UP, exact)})")

    def own(self, r: int | str) -> str:
        grant, cost = self._c("grant", r), self._c("cost", r)
        return self._guard(r, f"IF(AND(ISNUMBER({grant}),ISNUMBER({cost})),{cost}-{grant},{_quote(self.unknown)})")

    def subject(self, r: int | str) -> str:
        return self._guard(r, f'{self._c("municipality", r)}&" / "&{self._c("position", r)}')

    def criterion(self, r: int | str) -> str:
        return self._guard(r, _equal_to(self._c("subject", r)))

    def increase(self, r: int | str) -> str:
        own = self._c("own", r)
        g = f'${self.layout.letter("own")}:${self.layout.letter("own")}'
        subject, year = self.layout.letter("subject"), self.layout.letter("year")
        where = f'${subject}:${subject},{self._c("criterion", r)},${year}:${year},{self._c("year", r)}-1'
        u = _quote(self.unknown)
        return self._guard(r, (
            f'IF(COUNTIFS({where})=0,"",IF(OR(NOT(ISNUMBER({own})),COUNTIFS({where},{g},{u})>0),{u},'
            f"{own}-SUMIFS({g},{where})))"))

    def source(self, r: int | str) -> str:
        granted, grant = self._c("granted", r), self._c("grant", r)
        return self._guard(r, (
            f'IF(ISNUMBER({granted}),{_quote(text("plan.grant_source.grant letter", self.lang))},'
            f'IF(ISNUMBER({grant}),{_quote(text("plan.grant_source.rule", self.lang))},'
            f'{_quote(text("xlsx.grant_source.unknown", self.lang))}))'))

    # -- totals (on the Totaler sheet): by municipality (a cell holding its name) or all, and year
    def _plan_col(self, name: str) -> str:
        letter = self.layout.letter(name)
        return f"{self.plan}!${letter}:${letter}"

    def _where(self, municipality: str | None, year: str) -> str:
        where = f"{self._plan_col('year')},{year}"
        if municipality is not None:
            where = f"{self._plan_col('municipality')},{_equal_to(municipality)},{where}"
        return where

    def total(self, name: str, municipality: str | None, year: str) -> str:
        where = self._where(municipality, year)
        column = self._plan_col(name)
        return (f"=IF(COUNTIFS({where},{column},{_quote(self.unknown)})>0,{_quote(self.unknown)},"
                f"SUMIFS({column},{where}))")

    def unknown_count(self, municipality: str | None, year: str, increase: bool) -> str:
        where = self._where(municipality, year)
        names = ("grant", "own", "increase") if increase else ("grant", "own")
        return "=" + "+".join(f"COUNTIFS({where},{self._plan_col(n)},{_quote(self.unknown)})" for n in names)

    def incomplete(self, municipality: str | None, year: str, increase: bool) -> str:
        first, last = self.data_rows
        span = {n: f"{self.plan}!${self.layout.letter(n)}${first}:${self.layout.letter(n)}${last}"
                for n in ("municipality", "position", "year", "grant", "own", "increase")}
        u = _quote(self.unknown)
        figures = ("grant", "own", "increase") if increase else ("grant", "own")
        unknown = "+".join(f"({span[n]}={u})" for n in figures)
        where = f"({span['year']}={year})"
        if municipality is not None:
            where += f"*({span['municipality']}={municipality})"
        subject = f"{self.plan}!${self.layout.letter('subject')}${first}:${self.layout.letter('subject')}${last}"
        return f'{{=_xlfn.TEXTJOIN(", ",TRUE,IF({where}*(({unknown})>0),{subject},""))}}'

    def check(self) -> None:
        """Every formula shape calls only functions the workbook knows (checked once, not per row)."""
        r, m, y = _FIRST, "$A2", "$B2"
        for formula in (self.yis(r), self.rate_row(r), self.grant(r), self.cost(r), self.own(r), self.subject(r),
                        self.criterion(r), self.increase(r), self.source(r), self.completeness(),
                        self.total("grant", m, y), self.total("grant", None, y), self.unknown_count(m, y, True),
                        self.incomplete(m, y, True)):
            _checked(formula)

    def completeness(self) -> str:
        count = "+".join(f'COUNTIF(${self.layout.letter(n)}:${self.layout.letter(n)},{_quote(self.unknown)})'
                         for n in ("grant", "own", "increase"))
        before, _, after = text("xlsx.incomplete", self.lang, count="\x00").partition("\x00")
        return f'=IF({count}=0,{_quote(text("xlsx.complete", self.lang))},{_quote(before)}&({count})&{_quote(after)})'


# --------------------------------------------------------------------------- from a plan to rows


def _supplied_rules(plan: Plan, rules: Mapping[int, RuleSet] | None) -> dict[int, RuleSet]:
    """The rule sets the plan was made with beyond the registered ones (a value from a grant letter)."""
    found: dict[int, RuleSet] = {}
    data = getattr(plan.rows, "_data", None)  # a plan the planner made keeps the rule sets it was given
    kept = getattr(data, "supplied", None)
    if isinstance(kept, Mapping):
        found.update(kept)
    if rules is not None:
        found.update(rules)
    for year, chosen in found.items():
        digest = plan.digests.get(chosen.key_text)
        if digest is not None and digest != chosen.digest:
            raise InvalidValueError(Notice("xlsx.error.other_rules", {"year": year, "rule_set": chosen.key_text}),
                                    field=f"rules[{year}]", value=chosen.key_text,
                                    expected=Notice("xlsx.expected.plan_rules"))
    return found


class _Cells:
    """The cell of every position and year (as :meth:`PositionScheme.cell` reduces it), computed once per kind."""

    def __init__(self, scheme: PositionScheme, positions: Sequence[Position]) -> None:
        self.scheme = scheme
        years: dict[str, set[int]] = {}
        options: dict[str, dict[str, bool]] = {}
        per_municipality = [o.name for o in scheme.options if o.per_municipality]
        for p in positions:
            years.setdefault(p.municipality, set()).add(p.first_grant_year)
            for name in per_municipality:
                if name in p.options:
                    options.setdefault(p.municipality, {})[name] = p.options[name]
        self.municipality_years = {m: tuple(sorted(y)) for m, y in years.items()}
        self.municipality_options = options
        self._cache: dict[tuple[object, ...], GrantQuery] = {}

    def of(self, p: Position, year: int) -> GrantQuery:
        options = tuple(sorted({**p.options, **self.municipality_options.get(p.municipality, {})}.items()))
        muni_years = self.municipality_years[p.municipality]
        key = (year, p.first_grant_year, options, muni_years)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self.scheme.cell(GrantQuery(
                year=year, first_grant_year=p.first_grant_year, options=dict(options),
                municipality_first_grant_years=muni_years))
        return found


def _option_answers(cell: GrantQuery, names: Sequence[str]) -> tuple[bool | None, ...]:
    return tuple(v if isinstance(v := cell.option(n), bool) else None for n in names)


def _cost_inputs(p: Position, year: int, cost: Money) -> tuple[Money, int | None, Fraction | None, Fraction]:
    """The cost's inputs on a row: amount, the year it is for, growth, the percentage it is for."""
    c = p.cost
    if type(c) is GrowingCost:
        return c.base, c.base_year, c.growth_percent, p.percent
    if type(c) is FixedCost:
        return c.annual, None, None, p.percent
    return cost, year, None, p.percent_in(year)  # built by rules (the salary): the year's cost, as the library has it


def _plan_rows(plan: Plan, scheme: PositionScheme, cells: _Cells, rates: dict[str, int], rate_of: dict[str, RateRow],
               names: Sequence[str], lang: Lang, extra: Mapping[tuple[str, str], Mapping[str, str]],
               extra_names: Sequence[str]) -> Iterator[_Row]:
    """The Plan rows, position by position: the base year (when the plan has one), then each year."""
    index = {p.key: p for p in plan.positions}
    words = {"rule": text("plan.grant_source.rule", lang),
             "grant letter": text("plan.grant_source.grant letter", lang)}  # machine: the source's id
    unknown_word = text("xlsx.grant_source.unknown", lang)
    base = plan.base_year
    current: tuple[str, str] | None = None
    for values in plan.row_values():
        muni, pos, year, _, percent, grant, cost, own, increase, source = values
        p = index[(muni, pos)]
        extras = tuple(extra.get(p.key, {}).get(n) for n in extra_names)
        if base is not None and current != p.key:
            yield _base_row(p, base, cells, rates, rate_of, names, extras, lang)
        current = p.key
        cell = cells.of(p, year)
        answers = _option_answers(cell, names)
        key = cell_key(year, year - p.first_grant_year + 1, [_answer(a, lang) for a in answers])
        cost_money = Money(cost)
        amount, cost_year, growth, cost_percent = _cost_inputs(p, year, cost_money)
        first_year = year == plan.years[0] and base is None
        yield _Row(municipality=muni, position=pos, year=year, percent=percent, first_grant_year=p.first_grant_year,
                   options=answers, granted=p.granted.get(year), cost_amount=amount, cost_year=cost_year,
                   growth=growth, cost_percent=cost_percent, base=False,
                   grant=None if grant is None else Money(grant), cost=cost_money,
                   own=None if own is None else Money(own),
                   increase="" if first_year else (None if increase is None else Money(increase)),
                   source=words.get(source, source) if grant is not None else unknown_word,
                   rate_row=rates.get(key), extra=extras)


def _base_row(p: Position, base: int, cells: _Cells, rates: dict[str, int], rate_of: dict[str, RateRow],
              names: Sequence[str], extras: tuple[str | None, ...], lang: Lang) -> _Row:
    """The base year's row of a position: its grant by the rate (:func:`nedtrapping.grant.grant_ore`), its cost."""
    cell = cells.of(p, base)
    answers = _option_answers(cell, names)
    percent = p.percent_in(base)
    key = cell_key(base, base - p.first_grant_year + 1, [_answer(a, lang) for a in answers])
    rr = rate_of.get(key)
    grant: Money | None = None
    if rr is not None and rr.paid_per_full_position is not None and rr.pro_rata is not None \
            and rr.rounding is not None:
        grant = Money(grant_ore(rr.paid_per_full_position.ore, percent.numerator, percent.denominator,
                                pro_rata=int(rr.pro_rata), down=int(rr.rounding == DOWN)))
    exact, _ = cost_figure(p.cost, base, percent / p.percent)
    cost = round_half_up_to_kroner(exact)
    amount, cost_year, growth, cost_percent = _cost_inputs(p, base, cost)
    return _Row(municipality=p.municipality, position=p.position, year=base, percent=percent,
                first_grant_year=p.first_grant_year, options=answers, granted=None, cost_amount=amount,
                cost_year=cost_year, growth=growth, cost_percent=cost_percent, base=True, grant=grant, cost=cost,
                own=None if grant is None else cost - grant, increase="", source="",
                rate_row=rates.get(key), extra=extras)


def _answer(value: bool | None, lang: Lang) -> str:
    if value is None:
        return ""
    return text("word.yes" if value else "word.no", lang)


# --------------------------------------------------------------------------- writing


class _Book:
    """An XlsxWriter workbook with the formats every sheet shares."""

    def __init__(self, out: io.BytesIO, *, created: _dt.datetime, title: str, subject: str, keywords: str,
                 comments: str) -> None:
        xlsxwriter = _xlsxwriter()
        self.wb = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_formulas": False,
                                            "strings_to_urls": False, "strings_to_numbers": False})
        self.wb.set_properties({"title": title, "subject": subject, "author": "nedtrapping", "company": "",
                                "keywords": keywords, "comments": comments, "created": created})
        add = self.wb.add_format
        base = {"font_name": "Calibri", "font_size": 11, "valign": "top"}
        self.header = add({**base, "bold": True, "text_wrap": True, "bottom": 1})
        self.title = add({**base, "bold": True, "font_size": 14})
        self.text = add(base)
        self.bold = add({**base, "bold": True})
        self.wrap = add({**base, "text_wrap": True})
        self.link = add({**base, "font_color": "#0563C1", "underline": 1, "text_wrap": True})
        inputs = {**base, "bg_color": _INPUT_FILL, "border": 1, "border_color": "#BF9000", "locked": False}
        self.input_text = add(inputs)
        self.unknown_input = add({**inputs, "bg_color": _UNKNOWN_FILL, "bold": True, "num_format": _KR})
        self.unknown_format = add({"font_color": "#C00000", "italic": True})
        self._formats: dict[tuple[str, str], Any] = {}
        self._add, self._base, self._inputs = add, base, inputs

    def fmt(self, kind: str, number_format: str, *, bold: bool = False, base_row: bool = False) -> Any:
        key = (f"{kind}{'b' if bold else ''}{'g' if base_row else ''}", number_format)
        found = self._formats.get(key)
        if found is None:
            props = dict(self._inputs if kind == "input" else self._base)
            props["num_format"] = number_format
            if bold:
                props["bold"] = True
            if base_row and kind != "input":
                props["bg_color"] = _BASE_FILL
            found = self._formats[key] = self._add(props)
        return found

    def sheet(self, name: str) -> Any:
        ws = self.wb.add_worksheet(name[:31], worksheet_class=_worksheet_class())
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)
        return ws


_FORMULA_WORDS = re.compile(r"[A-Z][A-Z0-9.]*(?=\()")
#: Every function the workbook's formulas call: none is one Excel stores with a prefix (``_xlfn.``) but
#: TEXTJOIN, which is written with it.
_FUNCTIONS = frozenset({"IF", "OR", "AND", "NOT", "ISNUMBER", "INDEX", "MATCH", "IFERROR", "ROUND", "ROUNDDOWN", "N",
                        "SUMIFS", "COUNTIFS", "COUNTIF", "SUBSTITUTE", "_xlfn.TEXTJOIN", "TEXTJOIN"})
_WORKSHEET_CLASS: list[Any] = []


def _worksheet_class() -> Any:
    """XlsxWriter's worksheet without its per-formula search for newer functions to prefix (29 regular expressions
    on every formula): the workbook's formulas call only :data:`_FUNCTIONS`, checked once per formula shape."""
    if not _WORKSHEET_CLASS:
        worksheet = importlib.import_module("xlsxwriter.worksheet").Worksheet

        class Sheet(worksheet):  # type: ignore[misc, valid-type]
            def _prepare_formula(self, formula: str, expand_future_functions: bool = False) -> str:
                if formula.startswith("{"):
                    formula = formula[1:]
                if formula.startswith("="):
                    formula = formula[1:]
                if formula.endswith("}"):
                    formula = formula[:-1]
                return formula

        _WORKSHEET_CLASS.append(Sheet)
    return _WORKSHEET_CLASS[0]


def _checked(formula: str) -> str:
    """``formula``, once its functions are known to need no prefix (a new function must be added knowingly)."""
    unknown = set(_FORMULA_WORDS.findall(re.sub(r'"[^"]*"', '""', formula))) - _FUNCTIONS
    if unknown:
        # developer: a formula the writer made, never the user's
        raise AssertionError(f"a formula calls {sorted(unknown)}, which the workbook does not know: {formula}")  # developer:
    return formula


def _write_text(ws: Any, r: int, c: int, value: str | None, fmt: Any) -> None:
    if value is None or value == "":
        return
    ws.write_string(r, c, cell_safe_text(value), fmt)


def _write_number(ws: Any, r: int, c: int, value: int | Decimal | None, fmt: Any) -> None:
    if value is None:
        ws.write_blank(r, c, None, fmt)
    else:
        ws.write_number(r, c, value, fmt)


def _cached(value: Money | None | str, unknown: str) -> int | Decimal | str:
    if isinstance(value, str):
        return value
    if value is None:
        return unknown
    kroner = _kroner(value)
    assert kroner is not None
    return kroner


def _headers(ws: Any, book: _Book, labels: Sequence[tuple[str, int]], row: int = 0) -> None:
    for c, (label, width) in enumerate(labels):
        ws.write_string(row, c, cell_safe_text(label), book.header)
        ws.set_column(c, c, width)


@attrs.frozen
class _Content:
    """What a workbook shows: the plan's rows (or empty slots), its rates and its words."""

    scheme: PositionScheme
    rows: Iterable[_Row]
    n_rows: int
    rate_rows: Sequence[RateRow]
    totals: Sequence[tuple[str | None, int, bool, Any]]  # (municipality or None: all, year, has increase, YearTotal)
    digests: Mapping[str, str]
    base_year: int | None
    years: tuple[int, ...]
    extra_names: Sequence[str]
    kr_format: str
    template: bool
    created: _dt.datetime
    unknown_figures: int
    #: Unknown figures per (municipality or None: all, year), as the Totaler sheet counts them.
    unknown_counts: Mapping[tuple[str | None, int], int] = attrs.field(factory=dict)
    rule_values: Sequence[tuple[str, str, Fact[Any]]] = ()


def _write(content: _Content, lang: Lang, plan: Plan | None, notes: Sequence[str], explained: int | None) -> bytes:
    scheme = content.scheme
    out = io.BytesIO()
    digests = "; ".join(f"{k} {v}" for k, v in sorted(content.digests.items()))
    book = _Book(out, created=content.created, title=text("xlsx.title", lang, scheme=scheme.name),
                 subject=scheme.scheme_id, keywords=digests, comments=text("xlsx.version", lang, version=__version__))
    layout = _Layout(scheme, content.extra_names)
    plan_title, rates_title = text("plan.sheet.plan", lang), text("xlsx.sheet.rates", lang)
    first, last = _FIRST, max(_FIRST, _FIRST + content.n_rows - 1)
    f = _Formulas(layout, lang, plan_title, rates_title, content.rate_rows, (first, last))
    f.check()
    unknown = f.unknown
    kr = content.kr_format

    # -- Plan: identification, then one row per position and year
    ws = book.sheet(plan_title)
    title_key = "xlsx.title.template" if content.template else "xlsx.title"
    ws.write_string(0, 0, text(title_key, lang, scheme=scheme.name), book.title)
    ws.write_string(1, 0, text("xlsx.scheme", lang, scheme=scheme.name, scheme_id=scheme.scheme_id), book.text)
    ws.write_string(2, 0, cell_safe_text(text("xlsx.digests", lang, digests=digests or "–")), book.text)
    ws.write_string(3, 0, text("xlsx.version", lang, version=__version__), book.text)
    count = content.unknown_figures
    ws.write_formula(4, 0, f.completeness(), book.bold,
                     text("xlsx.complete", lang) if count == 0 else text("xlsx.incomplete", lang, count=count))
    legend = (text("xlsx.legend", lang, unknown=unknown, base=content.base_year) if content.base_year is not None
              else text("xlsx.legend.no_base", lang, unknown=unknown))
    ws.write_string(5, 0, legend, book.text)
    if content.template:
        options = "".join(", " + text(f"option.{n}", lang).lower() for n in layout.options)
        years = ", ".join(str(y) for y in ((content.base_year,) if content.base_year else ()) + content.years)
        ws.write_string(6, 0, text("xlsx.template_note", lang, years=years, options=options), book.text)
    headers = [(text(c.key, lang), c.width) for c in layout.columns] + [(name, 14) for name in layout.extra]
    _headers(ws, book, headers, _HEADER_ROW - 1)
    ix = layout.index
    answers = {True: text("word.yes", lang), False: text("word.no", lang)}
    r = _HEADER_ROW
    # each formula once, with a marker where its row goes (the same formula on every row, but its row number)
    mark = "\x00"
    shapes = {name: getattr(f, name)(mark) for name in ("yis", "rate_row", "grant", "cost", "own", "increase",
                                                       "source", "subject", "criterion")}
    formula_cols = [(ix[name], shapes[name]) for name in shapes]
    text_fmt, text_fmt_g = book.fmt("text", "@"), book.fmt("text", "@", base_row=True)
    fmts = {g: {"0": book.fmt("formula", "0", base_row=g), "kr": book.fmt("formula", kr, base_row=g),
                "@": book.fmt("formula", "@", base_row=g)} for g in (False, True)}
    in_year, in_kr, in_text = book.fmt("input", "0"), book.fmt("input", kr), book.fmt("input", "@")
    in_growth = book.fmt("input", "0.0##%")
    for name, fmt_ in (("granted", in_kr), ("cost_amount", in_kr), ("cost_year", in_year), ("growth", in_growth),
                       ("cost_percent", book.fmt("input", "0%")), ("first", in_year)):
        ws.set_column(ix[name], ix[name], layout.columns[ix[name]].width, fmt_)  # empty inputs look like inputs
    shares: dict[Fraction, tuple[int | Decimal, Any]] = {}

    def share(p: Fraction) -> tuple[int | Decimal, Any]:
        found = shares.get(p)
        if found is None:
            found = shares[p] = (_share(p), book.fmt("input", _percent_format(p)))
        return found

    write_number, write_string, write_formula, write_blank = (ws.write_number, ws.write_string, ws.write_formula,
                                                               ws.write_blank)
    c_muni, c_pos, c_year, c_pct, c_first = (ix[n] for n in ("municipality", "position", "year", "percent", "first"))
    c_granted, c_amount, c_cost_year, c_growth, c_cost_pct = (ix[n] for n in (
        "granted", "cost_amount", "cost_year", "growth", "cost_percent"))
    option_cols = [ix[f"option:{name}"] for name in layout.options]
    template = content.template
    r = _HEADER_ROW
    for row in content.rows:
        number = str(r + 1)
        g = row.base
        blank = template and not row.municipality
        if row.municipality:
            write_string(r, c_muni, cell_safe_text(row.municipality), text_fmt_g if g else text_fmt)
            write_string(r, c_pos, cell_safe_text(row.position), text_fmt_g if g else text_fmt)
        elif template:
            write_blank(r, c_muni, None, in_text)
            write_blank(r, c_pos, None, in_text)
        if row.year:
            write_number(r, c_year, row.year, in_year)
        if row.percent is not None:
            pct, fmt_ = share(row.percent)
            write_number(r, c_pct, pct, fmt_)
        elif template:
            write_blank(r, c_pct, None, book.fmt("input", "0%"))
        if row.first_grant_year is not None:
            write_number(r, c_first, row.first_grant_year, in_year)
        for c, answer in zip(option_cols, row.options):
            if answer is None:
                write_blank(r, c, None, in_text)
            else:
                write_string(r, c, answers[answer], in_text)
        if row.granted is not None:
            write_number(r, c_granted, _kroner(row.granted), in_kr)
        if row.cost_amount is not None:
            write_number(r, c_amount, _kroner(row.cost_amount), in_kr)
        if row.cost_year is not None:
            write_number(r, c_cost_year, row.cost_year, in_year)
        if row.growth is not None:
            write_number(r, c_growth, share(row.growth)[0], in_growth)
        if row.cost_percent is not None:
            pct, fmt_ = share(row.cost_percent)
            write_number(r, c_cost_pct, pct, fmt_)
        if blank:
            cached: dict[str, Any] = dict.fromkeys(shapes, "")
        else:
            subject = f"{row.municipality} / {row.position}"
            cached = {
                "yis": "" if row.first_grant_year is None else row.year - row.first_grant_year + 1,
                "rate_row": "" if row.rate_row is None else row.rate_row,
                "grant": _cached(row.grant, unknown), "cost": _cached(row.cost, unknown),
                "own": _cached(row.own, unknown), "increase": _cached(row.increase, unknown), "source": row.source,
                "subject": subject,
                "criterion": "=" + subject.replace("~", "~~").replace("*", "~*").replace("?", "~?"),
            }
        kinds = fmts[g]
        for (c, shape), name in zip(formula_cols, shapes):
            kind = "0" if name in ("yis", "rate_row") else "kr" if name in ("grant", "cost", "own", "increase") \
                else "@"
            write_formula(r, c, shape.replace(mark, number), kinds[kind], cached[name])
        for i, extra in enumerate(row.extra):
            _write_text(ws, r, len(layout.columns) + i, extra, book.text)
        r += 1
    last_col = layout.width - 1
    ws.set_column(ix["criterion"], ix["criterion"], 10, None, {"hidden": True})  # a helper of the increase
    ws.freeze_panes(_HEADER_ROW, 2)
    ws.autofilter(_HEADER_ROW - 1, 0, max(r - 1, _HEADER_ROW), last_col)
    ws.repeat_rows(_HEADER_ROW - 1)
    figures = f"{layout.letter('grant')}{first}:{layout.letter('increase')}{max(last, first)}"
    ws.conditional_format(figures, {"type": "cell", "criteria": "==", "value": _quote(unknown),
                                    "format": book.unknown_format})
    if layout.options:
        for name in layout.options:
            c = ix[f"option:{name}"]
            ws.data_validation(_HEADER_ROW, c, max(r - 1, _HEADER_ROW), c,
                               {"validate": "list", "source": [answers[True], answers[False]]})
    ws.data_validation(_HEADER_ROW, ix["percent"], max(r - 1, _HEADER_ROW), ix["percent"],
                       {"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 1,
                        "ignore_blank": True})

    # -- Satser: the rate of every cell, from the scheme's one statement of its rule
    rs = book.sheet(rates_title)
    rate_headers = [(text("plan.col.year", lang), 7), (text("plan.col.year_in_scheme", lang), 14),
                    *((text(f"option.{n}", lang), 18) for n in layout.options),
                    (text("xlsx.col.rate", lang), 18), (text("xlsx.col.pro_rata", lang), 13),
                    (text("xlsx.col.rounding", lang), 26), (text("plan.col.status", lang), 12),
                    (text("xlsx.col.rule_value", lang), 30), (text("plan.col.source", lang), 60),
                    (text("xlsx.col.type_in", lang), 70), (text("xlsx.col.key", lang), 14)]
    _headers(rs, book, rate_headers)
    n_opt = len(layout.options)
    for i, rr in enumerate(content.rate_rows, start=1):
        rs.write_number(i, 0, rr.year, book.fmt("text", "0"))
        rs.write_number(i, 1, rr.year_in_scheme, book.fmt("text", "0"))
        for j, option in enumerate(rr.options):
            _write_text(rs, i, 2 + j, "" if option is None else answers[option], book.text)
        if rr.no_rules:
            pass  # nothing to type here: the grant comes from the position's letter
        elif rr.paid_per_full_position is None:
            rs.write_blank(i, 2 + n_opt, None, book.unknown_input)
        else:
            rs.write_number(i, 2 + n_opt, _kroner(rr.paid_per_full_position), book.fmt("text", _KR))
        _write_text(rs, i, 3 + n_opt, None if rr.pro_rata is None else answers[rr.pro_rata], book.text)
        _write_text(rs, i, 4 + n_opt, None if rr.rounding is None else f.rounding_word(rr.rounding), book.text)
        status = Status.UNKNOWN if rr.unknown is not None or rr.no_rules else rr.status
        _write_text(rs, i, 5 + n_opt, None if status is None else status_word(status, lang), book.text)
        label = None
        if rr.path:
            label = fact_label(rr.path, lang)
            if not rr.eligible and rr.reason is not None:
                label = text("xlsx.rate.not_eligible", lang, reason=rr.reason.text(lang))  # type: ignore[attr-defined]
        _write_text(rs, i, 6 + n_opt, label, book.wrap)
        if rr.fact is not None:
            source = _source(rr.fact)
            url = rr.fact.citation.url
            if url and len(url) < 2000:
                rs.write_url(i, 7 + n_opt, url, book.link, cell_safe_text(source or url))
            else:
                _write_text(rs, i, 7 + n_opt, source, book.wrap)
        if rr.no_rules:
            _write_text(rs, i, 8 + n_opt, text("xlsx.rate.no_rules", lang, year=rr.year), book.wrap)
        if rr.unknown is not None:
            name = fact_label(rr.path, lang) if rr.path else read(rr.unknown.name, lang)
            what = text("xlsx.rate.type_in", lang, name=name, rule_set=rr.rule_set or "", n=rr.year_in_scheme,
                        year=rr.year)
            if rr.pro_rata is None:
                what += " " + text("xlsx.rate.no_form", lang)
            _write_text(rs, i, 8 + n_opt, what, book.wrap)
        rs.write_string(i, 9 + n_opt, cell_key(rr.year, rr.year_in_scheme,
                                                [_answer(a, lang) for a in rr.options]), book.text)
    rs.freeze_panes(1, 2)
    rs.autofilter(0, 0, max(len(content.rate_rows), 1), 9 + n_opt)
    rs.repeat_rows(0)

    # -- Totaler: SUMIFS/COUNTIFS by municipality and year, then all municipalities per year
    ts = book.sheet(text("plan.sheet.totals", lang))
    _headers(ts, book, [(text("plan.col.municipality", lang), 22), (text("plan.col.year", lang), 7),
                        (text("plan.col.grant", lang), 14), (text("plan.col.cost", lang), 14),
                        (text("plan.col.own_financing", lang), 17), (text("plan.col.increase_long", lang), 22),
                        (text("xlsx.col.unknown_count", lang), 14), (text("plan.col.incomplete", lang), 50)])
    all_label = text("plan.all_municipalities", lang)
    for i, (muni, year, has_increase, total) in enumerate(content.totals, start=1):
        excel = i + 1
        bold = muni is None
        ts.write_string(i, 0, cell_safe_text(all_label if muni is None else muni), book.bold if bold else book.text)
        ts.write_number(i, 1, year, book.fmt("text", "0", bold=bold))
        who = None if muni is None else f"$A{excel}"
        year_ref = f"$B{excel}"
        money = book.fmt("text", kr, bold=bold)
        sums: list[Money | None | str]
        if total is None:
            sums = ["", "", "", ""]
        else:
            sums = [total.grant, total.cost, total.own_financing, total.own_financing_increase if has_increase else ""]
        for j, name in enumerate(("grant", "cost", "own", "increase")):
            if name == "increase" and not has_increase:
                continue
            ts.write_formula(i, 2 + j, f.total(name, who, year_ref), money, _cached(sums[j], unknown))
        ts.write_formula(i, 6, f.unknown_count(who, year_ref, has_increase), book.fmt("text", "0", bold=bold),
                         content.unknown_counts.get((muni, year), 0))
        listed = "" if total is None else ", ".join(total.incomplete_positions)
        ts.write_array_formula(i, 7, i, 7, f.incomplete(who, year_ref, has_increase), book.wrap, listed)
    ts.freeze_panes(1, 2)
    ts.autofilter(0, 0, max(len(content.totals), 1), 7)
    ts.repeat_rows(0)
    ts.conditional_format(1, 2, max(len(content.totals), 1), 5, {"type": "cell", "criteria": "==",
                                                                 "value": _quote(unknown),
                                                                 "format": book.unknown_format})

    # -- Økonomiplan: positions × years, by SUMIFS over the Plan sheet (a plan's workbook only)
    if plan is not None:
        _budget_sheet(book, plan, f, lang, content)

    # -- Regler, Advarsler, Forklaringer, Regelsett
    if plan is not None:
        _rules_sheet(book, plan, lang, content.rule_values)
        _warnings_sheet(book, plan, lang, notes)
        _explanations_sheet(book, plan, lang, explained)
    dg = book.sheet(text("plan.sheet.digests", lang))
    _headers(dg, book, [(text("plan.col.rule_set", lang), 28), (text("plan.col.sha256", lang), 68)])
    for i, (key, digest) in enumerate(sorted(content.digests.items()), start=1):
        dg.write_string(i, 0, cell_safe_text(key), book.text)
        dg.write_string(i, 1, digest, book.text)
    book.wb.close()
    return out.getvalue()


def _budget_sheet(book: _Book, plan: Plan, f: _Formulas, lang: Lang, content: _Content) -> None:
    """The økonomiplan's layout: a row per position (grouped by municipality, with its sum), per year the grant,
    own financing and increase — formulas over the Plan sheet, found by position and year."""
    ws = book.sheet(text("xlsx.sheet.budget", lang))
    extra = list(content.extra_names)
    figures = (("grant", "plan.col.grant"), ("own", "plan.col.own_financing"), ("increase", "plan.col.increase"))
    headers = [(text("plan.col.municipality", lang), 22), (text("plan.col.position", lang), 28),
               *((name, 12) for name in extra),
               *((f"{text(key, lang)} {year}", 15) for year in plan.years for _, key in figures)]
    _headers(ws, book, headers)
    unknown = f.unknown
    kr = content.kr_format
    money, money_bold = book.fmt("text", kr), book.fmt("text", kr, bold=True)
    first_col = 2 + len(extra)
    first_without_base = plan.years[0] if plan.base_year is None else None
    groups = PlanGroups(plan)
    extras = {(r.municipality, r.position): r.extra for r in content.rows}
    plan_col = f._plan_col
    u = _quote(unknown)
    r = 1
    for muni in plan.municipalities:
        for p in groups.positions(muni):
            excel = r + 1
            ws.write_string(r, 0, cell_safe_text(p.municipality), book.text)
            ws.write_string(r, 1, cell_safe_text(p.position), book.text)
            for i, value in enumerate(extras.get(p.key, ())):
                _write_text(ws, r, 2 + i, value, book.text)
            where = f'{plan_col("subject")},{_equal_to(f"$A{excel}&" + chr(34) + " / " + chr(34) + f"&$B{excel}")}'
            by_year = {row.year: row for row in groups.municipality_rows(muni) if row.position == p.position}
            for j, year in enumerate(plan.years):
                row = by_year[year]
                cached = {"grant": row.grant, "own": row.own_financing,
                          "increase": "" if year == first_without_base else row.own_financing_increase}
                for k, (name, _) in enumerate(figures):
                    if name == "increase" and year == first_without_base:
                        continue  # the plan's first year has nothing to rise from
                    column = plan_col(name)
                    at = f"{where},{plan_col('year')},{year}"
                    formula = (f'=IF(COUNTIFS({at})=0,"",IF(COUNTIFS({at},{column},{u})>0,{u},'
                               f"SUMIFS({column},{at})))")
                    ws.write_formula(r, first_col + 3 * j + k, formula, money, _cached(cached[name], unknown))
            r += 1
        ws.write_string(r, 0, cell_safe_text(muni), book.bold)
        ws.write_string(r, 1, text("plan.total_md", lang), book.bold)
        totals = groups.municipality_totals(muni)
        for j, year in enumerate(plan.years):
            t = totals[year]
            sums: dict[str, Money | None | str] = {
                "grant": t.grant, "own": t.own_financing,
                "increase": "" if year == first_without_base else t.own_financing_increase}
            for k, (name, _) in enumerate(figures):
                if name == "increase" and year == first_without_base:
                    continue
                ws.write_formula(r, first_col + 3 * j + k, f.total(name, f"$A{r + 1}", str(year)), money_bold,
                                 _cached(sums[name], unknown))
        r += 1
    ws.freeze_panes(1, 2)
    ws.autofilter(0, 0, max(r - 1, 1), len(headers) - 1)
    ws.repeat_rows(0)
    ws.conditional_format(1, first_col, max(r - 1, 1), len(headers) - 1,
                          {"type": "cell", "criteria": "==", "value": u, "format": book.unknown_format})


def _rules_sheet(book: _Book, plan: Plan, lang: Lang, used: Sequence[tuple[str, str, Fact[Any]]]) -> None:
    ws = book.sheet(text("plan.sheet.rules", lang))
    _headers(ws, book, [(text("plan.col.rule_set", lang), 24), (text("plan.col.path", lang), 28),
                        (text("plan.col.value", lang), 18), (text("plan.col.status", lang), 12),
                        (text("plan.col.source", lang), 50), (text("plan.col.url", lang), 40),
                        (text("plan.col.note", lang), 60)])
    r = 1
    for key, path, fact in used:
        _write_text(ws, r, 0, key, book.wrap)
        _write_text(ws, r, 1, path, book.wrap)
        _write_text(ws, r, 2, value_text(fact.value, lang), book.wrap)
        _write_text(ws, r, 3, status_word(fact.status, lang), book.wrap)
        _write_text(ws, r, 4, _source(fact), book.wrap)
        url = fact.citation.url
        if url and len(url) < 2000:
            ws.write_url(r, 5, url, book.link, cell_safe_text(url))
        _write_text(ws, r, 6, read(fact.note, lang) or None, book.wrap)
        r += 1
    for u in plan.unknowns:
        _write_text(ws, r, 0, u.rule_set, book.wrap)
        _write_text(ws, r, 1, u.path, book.wrap)
        _write_text(ws, r, 2, text("plan.unknown", lang), book.wrap)
        _write_text(ws, r, 3, status_word(Status.UNKNOWN, lang), book.wrap)
        _write_text(ws, r, 4, read(u.name, lang), book.wrap)
        _write_text(ws, r, 6, " ".join(read(x, lang) for x in (u.note, u.how_to_supply) if x), book.wrap)
        r += 1
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(r - 1, 1), 6)
    ws.repeat_rows(0)


def _warnings_sheet(book: _Book, plan: Plan, lang: Lang, notes: Sequence[str]) -> None:
    ws = book.sheet(text("plan.sheet.warnings", lang))
    _headers(ws, book, [(text("plan.col.kind", lang), 14), (text("plan.col.text", lang), 120)])
    items: list[tuple[str, str]] = [("plan.kind.warning", text("plan.workbook_note", lang))]
    for line in unknown_lines(plan, lang):
        if line.startswith("  ") and items:
            kind, previous = items[-1]
            items[-1] = (kind, f"{previous} {line.strip()}")
        else:
            items.append(("plan.kind.unknown", line))
    items += [("plan.kind.discrepancy", d.notice().text(lang)) for d in plan.discrepancies]
    items += [("plan.kind.warning", n.text(lang)) for n in plan.notices if n.key != "warning.discrepancy"]
    items += [("plan.kind.input", note) for note in notes]
    for r, (kind, line) in enumerate(items, start=1):
        ws.write_string(r, 0, text(kind, lang), book.wrap)
        _write_text(ws, r, 1, line, book.wrap)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(items), 1), 1)


def _explanations_sheet(book: _Book, plan: Plan, lang: Lang, explained: int | None) -> None:
    """Every row's explanation, one line per sheet row (nothing is cut off by a row's height)."""
    ws = book.sheet(text("plan.sheet.explanations", lang))
    _headers(ws, book, [(text("plan.col.municipality", lang), 22), (text("plan.col.position", lang), 28),
                        (text("plan.col.year", lang), 7), (text("plan.col.explanation", lang), 140)])
    total = len(plan.rows)
    limit = total if explained is None else min(explained, total)
    r = 1
    if limit < total:
        ws.write_string(r, 3, text("xlsx.explanations_cut", lang, shown=limit, total=total), book.bold)
        r += 1
    for i, row in enumerate(plan.rows):
        if i >= limit:
            break
        for j, line in enumerate(row.explanation.to_text(lang).split("\n")):
            if j == 0:
                ws.write_string(r, 0, cell_safe_text(row.municipality), book.text)
                ws.write_string(r, 1, cell_safe_text(row.position), book.text)
                ws.write_number(r, 2, row.year, book.fmt("text", "0"))
            _write_text(ws, r, 3, line, book.wrap if j else book.bold)
            r += 1
    ws.freeze_panes(1, 3)
    ws.autofilter(0, 0, max(r - 1, 1), 3)


def _created(facts: Iterable[Fact[Any]]) -> _dt.datetime:
    """The document's date: the newest publication date among the rule values shown (the rules "as of")."""
    dates = [f.citation.published for f in facts if f.citation.published is not None]
    newest = max(dates) if dates else _dt.date(2021, 1, 1)
    return _dt.datetime(newest.year, newest.month, newest.day)


def _kr_format(plan: Plan) -> str:
    whole = all(r[6] % 100 == 0 and (r[5] is None or r[5] % 100 == 0) for r in plan.row_values())
    whole = whole and all(m.is_whole_kroner for p in plan.positions for m in p.granted.values())
    return _KR if whole else _KR_ORE


def plan_xlsx_bytes(plan: Plan, *, lang: Lang = DEFAULT_LANG,
                    extra_columns: Mapping[tuple[str, str], Mapping[str, str]] | None = None,
                    notes: Iterable[str] = (), rules: Mapping[int, RuleSet] | None = None,
                    explained_rows: int | None = EXPLAINED_ROWS) -> bytes:
    """The workbook of ``plan`` as bytes (see the module docstring for its sheets).

    ``extra_columns`` maps ``(municipality, position)`` to the input's other columns
    (``{"Merknad": "…"}``), carried to the Plan sheet at the right. ``notes`` are lines for the
    Advarsler sheet (e.g. what the reader of the input reported). ``rules`` are the rule sets the
    plan was made with beyond the registered ones (found in the plan when it was made by
    :func:`~nedtrapping.plan.plan_municipality`). ``explained_rows``: how many rows the
    Forklaringer sheet explains (``None``: all; a large plan's explanations take time).
    """
    lang = check_lang(lang)
    scheme = position_scheme(plan.scheme_id)
    supplied = _supplied_rules(plan, rules)
    names = [o.name for o in scheme.options]
    cells = _Cells(scheme, plan.positions)
    years = ([plan.base_year] if plan.base_year is not None else []) + list(plan.years)
    queries = [cells.of(p, y) for p in plan.positions for y in years]
    rows_of_rates = rate_rows(scheme, queries, supplied)
    rate_of = {cell_key(rr.year, rr.year_in_scheme, [_answer(a, lang) for a in rr.options]): rr
               for rr in rows_of_rates}
    rate_index = {key: i for i, key in enumerate(rate_of, start=2)}  # the Satser row a key is on
    extra = extra_columns or {}
    extra_names = list(dict.fromkeys(k for v in extra.values() for k in v))
    rows = list(_plan_rows(plan, scheme, cells, rate_index, rate_of, names, lang, extra, extra_names))
    totals: list[tuple[str | None, int, bool, Any]] = []
    first_has_increase = plan.base_year is not None
    groups = PlanGroups(plan)  # every municipality's totals from one pass over the rows
    for muni in plan.municipalities:
        for year, t in groups.municipality_totals(muni).items():
            totals.append((muni, year, year != plan.years[0] or first_has_increase, t))
    for year, t in plan.totals.items():
        totals.append((None, year, year != plan.years[0] or first_has_increase, t))
    unknown_figures = sum((r.grant is None) + (r.own is None) + (r.increase is None) for r in rows)
    counts: dict[tuple[str | None, int], int] = {}
    for r in rows:
        if not r.base:
            n = (r.grant is None) + (r.own is None) + (r.increase is None)
            counts[(r.municipality, r.year)] = counts.get((r.municipality, r.year), 0) + n
            counts[(None, r.year)] = counts.get((None, r.year), 0) + n
    used = rule_values_used(plan)
    facts = [f for _, _, f in used] + [rr.fact for rr in rows_of_rates if rr.fact is not None]
    content = _Content(scheme=scheme, rows=rows, n_rows=len(rows), rate_rows=rows_of_rates, totals=totals,
                       digests=plan.digests, base_year=plan.base_year, years=plan.years, extra_names=extra_names,
                       kr_format=_kr_format(plan), template=False, created=_created(facts),
                       unknown_figures=unknown_figures, unknown_counts=counts, rule_values=used)
    return _write(content, lang, plan, list(notes), explained_rows)


def write_plan_xlsx(plan: Plan, path: str | Path, *, lang: Lang = DEFAULT_LANG,
                    extra_columns: Mapping[tuple[str, str], Mapping[str, str]] | None = None,
                    notes: Iterable[str] = (), rules: Mapping[int, RuleSet] | None = None,
                    explained_rows: int | None = EXPLAINED_ROWS) -> None:
    """Write ``plan`` as a live workbook at ``path`` (see :func:`plan_xlsx_bytes`)."""
    Path(path).write_bytes(plan_xlsx_bytes(plan, lang=lang, extra_columns=extra_columns, notes=notes, rules=rules,
                                           explained_rows=explained_rows))


def template_xlsx_bytes(scheme: str = "kommunalt-rusarbeid", *, lang: Lang = DEFAULT_LANG,
                        positions: int = TEMPLATE_POSITIONS, rules: Mapping[int, RuleSet] | None = None) -> bytes:
    """The blank workbook: the same sheets and formulas as a plan's, with ``positions`` empty slots.

    Each slot is one row per year (the base year, then the scheme's default years) with the year
    filled in; a finance officer types municipality, position, percentage, first grant year, the
    scheme's options and the cost, and the formulas plan it. The Satser sheet holds the rate of
    every cell a position first funded up to eight years before the first year can meet.
    """
    lang = check_lang(lang)
    if isinstance(positions, bool) or not isinstance(positions, int) or not 1 <= positions <= 10_000:
        raise InvalidValueError(Notice("xlsx.error.template_positions", {"value": repr(positions)}),
                                field="positions", value=positions, expected=Notice("xlsx.expected.template_positions"))
    chosen = position_scheme(scheme)
    years = tuple(chosen.default_years)
    base = chosen.base_year if chosen.base_year is not None and chosen.base_year == years[0] - 1 else None
    all_years = ((base,) if base is not None else ()) + years
    names = [o.name for o in chosen.options]
    combos: list[dict[str, bool]] = [{}]
    for name in names:
        combos = [{**c, name: answer} for c in combos for answer in (True, False)]
    queries = [chosen.cell(GrantQuery(year=y, first_grant_year=first, options=c))
               for y in all_years for first in range(years[0] - 8, years[-1] + 1) for c in combos]
    rows_of_rates = rate_rows(chosen, queries, dict(rules or {}))
    digests: dict[str, str] = {}
    for y in all_years:
        try:
            found = (rules or {}).get(y) or chosen.rules_for(y)
        except (NedtrappingError, LookupError):
            continue
        digests[found.key_text] = found.digest
    empty = _Row(municipality="", position="", year=0, percent=None, first_grant_year=None,
                 options=tuple(None for _ in names), granted=None, cost_amount=None, cost_year=None, growth=None,
                 cost_percent=None, base=False, source="")
    rows = [attrs.evolve(empty, year=y, base=y == base) for _ in range(positions) for y in all_years]
    totals: list[tuple[str | None, int, bool, Any]] = [(None, y, y != years[0] or base is not None, None)
                                                      for y in years]
    facts = [rr.fact for rr in rows_of_rates if rr.fact is not None]
    content = _Content(scheme=chosen, rows=rows, n_rows=len(rows), rate_rows=rows_of_rates, totals=totals,
                       digests=digests, base_year=base, years=years, extra_names=(), kr_format=_KR, template=True,
                       created=_created(facts), unknown_figures=0)
    return _write(content, lang, None, [], None)


def write_template_xlsx(path: str | Path, scheme: str = "kommunalt-rusarbeid", *, lang: Lang = DEFAULT_LANG,
                        positions: int = TEMPLATE_POSITIONS) -> None:
    """Write the blank workbook at ``path`` (see :func:`template_xlsx_bytes`)."""
    Path(path).write_bytes(template_xlsx_bytes(scheme, lang=lang, positions=positions))
