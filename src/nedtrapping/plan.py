"""A municipality's phase-down plan: every position × year, with totals and reasons.

Why: the finance officer's question is "what does each position cost us, year by
year, and how much more must we budget than last year?" — for the økonomiplan.
:func:`plan_municipality` answers it for kommunalt rusarbeid, and every figure
can explain itself (:meth:`Plan.explain`). Nothing unknown becomes 0: a figure
that depends on an unknown rule value is ``None`` in the plan, the reason is in
:attr:`Plan.problems`, and every total that would include it is ``None`` too.
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any

import attrs

from nedtrapping.cofinancing import CostModel, FixedCost, GrowingCost, cost_explanation, own_financing, takeover_year
from nedtrapping.explain import Explanation, FactUse
from nedtrapping.money import Money, format_percent, parse_share, round_half_up_to_kroner
from nedtrapping.provenance import WARNING_STATUSES, Citation, Status, UnknownValueError
from nedtrapping.schemes import kommunalt_rusarbeid as kr

__all__ = [
    "DEFAULT_YEARS",
    "Position",
    "PlanRow",
    "YearTotal",
    "Problem",
    "Discrepancy",
    "Plan",
    "plan_municipality",
    "PLAN_CSV_COLUMNS",
]

DEFAULT_YEARS: tuple[int, ...] = (2022, 2023, 2024, 2025)
PLAN_CSV_COLUMNS = (
    "municipality", "position", "year", "year_in_scheme", "percent",
    "grant", "cost", "own_financing", "own_financing_increase",
)


def _percent(value: object) -> Fraction:
    share = parse_share(value, where="percent")  # type: ignore[arg-type]
    if not (0 < share <= 100):
        raise ValueError(f"percent must be in (0, 100], got {value}")
    return share


def _percent_changes(value: Mapping[int, object]) -> Mapping[int, Fraction]:
    return {int(year): _percent(p) for year, p in sorted(dict(value).items())}


def _granted(value: Mapping[int, Money]) -> Mapping[int, Money]:
    out: dict[int, Money] = {}
    for year, amount in sorted(dict(value).items()):
        if not isinstance(amount, Money):
            raise TypeError(f"granted[{year}]: expected Money, got {type(amount).__name__} {amount!r}")
        if amount.ore < 0:
            raise ValueError(f"granted[{year}]: a granted amount cannot be negative, got {amount}")
        out[int(year)] = amount
    return out


def _cost(value: object) -> CostModel:
    if isinstance(value, Money):
        return FixedCost(value)
    if isinstance(value, (FixedCost, GrowingCost)) or (hasattr(value, "exact_in") and hasattr(value, "describe")):
        return value
    raise TypeError(f"cost: expected FixedCost, GrowingCost or Money, got {type(value).__name__} {value!r}")


@attrs.frozen(kw_only=True)
class Position:
    """A position funded by kommunalt rusarbeid, as the municipality plans it.

    ``percent_changes`` gives a new percentage from a year on (``{2023: 50}``: 50 %
    from 2023). The cost follows the percentage: a cost given for the starting
    percentage is scaled in proportion when it changes (an assumption). ``granted``
    holds amounts actually granted, from grant letters (user-supplied): they are
    used as the grant and compared with the rule.
    """

    municipality: str = attrs.field(validator=attrs.validators.min_len(1))
    position: str = attrs.field(validator=attrs.validators.min_len(1))
    percent: Fraction = attrs.field(converter=_percent)
    first_grant_year: int = attrs.field()
    cost: CostModel = attrs.field(converter=_cost)
    percent_changes: Mapping[int, Fraction] = attrs.field(factory=dict, converter=_percent_changes)
    granted: Mapping[int, Money] = attrs.field(factory=dict, converter=_granted)
    #: ``None``: not stated, inferred from the first grant year.
    received_grant_in_2021: bool | None = None
    #: Where the position came from (e.g. ``"positions.csv row 3"``), for explanations.
    origin: str | None = None

    @first_grant_year.validator
    def _check_year(self, _attribute: object, value: object) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"first_grant_year: expected a year as an int, got {type(value).__name__} {value!r}")

    @property
    def key(self) -> tuple[str, str]:
        return (self.municipality, self.position)

    def percent_in(self, year: int) -> Fraction:
        current = self.percent
        for from_year, p in sorted(self.percent_changes.items()):
            if from_year <= year:
                current = p
        return current

    def with_percent_from(self, year: int, percent: object) -> Position:
        """What-if: the position at ``percent`` from ``year`` on (a new Position)."""
        return attrs.evolve(self, percent_changes={**self.percent_changes, year: percent})


@attrs.frozen(kw_only=True)
class PlanRow:
    """One position in one year."""

    municipality: str
    position: str
    year: int
    year_in_scheme: int
    percent: Fraction
    #: ``None`` when it depends on an unknown value.
    grant: Money | None
    cost: Money
    own_financing: Money | None
    #: ``None`` for the first year of the plan or when either year is unknown.
    own_financing_increase: Money | None
    #: ``"rule"`` or ``"grant letter"``.
    grant_source: str
    explanation: Explanation

    @property
    def year_in_scheme_text(self) -> str:
        """The year in the scheme, or empty before the position's first grant year."""
        return str(self.year_in_scheme) if self.year_in_scheme >= 1 else ""

    def csv_values(self) -> list[str]:
        def m(x: Money | None) -> str:
            return "" if x is None else x.plain()

        return [
            self.municipality, self.position, str(self.year), self.year_in_scheme_text, format_percent(self.percent, decimal_comma=False),
            m(self.grant), m(self.cost), m(self.own_financing), m(self.own_financing_increase),
        ]


@attrs.frozen
class Problem:
    """A figure the plan could not compute, and why (with how to fix it)."""

    municipality: str
    position: str
    year: int
    message: str


@attrs.frozen
class Discrepancy:
    """A granted amount (from a grant letter) that differs from what the rule gives."""

    municipality: str
    position: str
    year: int
    granted: Money
    by_rule: Money

    @property
    def difference(self) -> Money:
        return self.granted - self.by_rule

    def __str__(self) -> str:
        return (
            f"{self.municipality} / {self.position} {self.year}: granted {self.granted} (grant letter) but the "
            f"rule gives {self.by_rule} (difference {self.difference})"
        )


@attrs.frozen(kw_only=True)
class YearTotal:
    """Totals of one year (over all positions, or one municipality's)."""

    year: int
    grant: Money | None
    cost: Money
    own_financing: Money | None
    own_financing_increase: Money | None
    #: Positions whose unknown figures make a ``None`` total.
    incomplete_positions: tuple[str, ...] = ()


def _sum_or_none(values: Iterable[Money | None]) -> Money | None:
    total = Money.zero()
    for v in values:
        if v is None:
            return None
        total = total + v
    return total


@attrs.frozen(kw_only=True)
class Plan:
    """The result of :func:`plan_municipality`."""

    years: tuple[int, ...]
    positions: tuple[Position, ...]
    rows: tuple[PlanRow, ...]
    problems: tuple[Problem, ...]
    discrepancies: tuple[Discrepancy, ...]
    warnings: tuple[str, ...]
    #: ``{"kommunalt-rusarbeid 2022": sha256-hex, ...}`` of every rule set used.
    digests: Mapping[str, str]

    @property
    def is_complete(self) -> bool:
        return not self.problems

    @property
    def municipalities(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.municipality for p in self.positions))

    @functools.cached_property
    def _rows_by_position(self) -> dict[tuple[str, str], dict[int, PlanRow]]:
        index: dict[tuple[str, str], dict[int, PlanRow]] = {}
        for r in self.rows:
            index.setdefault((r.municipality, r.position), {})[r.year] = r
        return index

    def _position_rows(self, position: str, municipality: str | None) -> dict[int, PlanRow]:
        if municipality is not None:
            found = self._rows_by_position.get((municipality, position))
            if found is None:
                raise KeyError(f"no position {position!r} for {municipality!r} in the plan")
            return found
        matches = [rows for (_, pos), rows in self._rows_by_position.items() if pos == position]
        if not matches:
            names = sorted({pos for _, pos in self._rows_by_position})
            raise KeyError(f"no position {position!r} in the plan; positions: {', '.join(names)}")
        if len(matches) > 1:
            munis = sorted(m for m, pos in self._rows_by_position if pos == position)
            raise KeyError(f"position {position!r} is in several municipalities ({', '.join(munis)}); "
                           "name the municipality")
        return matches[0]

    def row(self, position: str, year: int, municipality: str | None = None) -> PlanRow:
        rows = self._position_rows(position, municipality)
        if year not in rows:
            raise KeyError(f"no row for position {position!r} in {year}; the plan's years: {self.years}")
        return rows[year]

    def explain(self, position: str, year: int, municipality: str | None = None) -> Explanation:
        return self.row(position, year, municipality).explanation

    def _total(self, year: int, rows: list[PlanRow]) -> YearTotal:
        incomplete = tuple(r.position for r in rows if r.grant is None)
        return YearTotal(
            year=year,
            grant=_sum_or_none(r.grant for r in rows),
            cost=sum((r.cost for r in rows), Money.zero()),
            own_financing=_sum_or_none(r.own_financing for r in rows),
            own_financing_increase=None if year == self.years[0] else _sum_or_none(r.own_financing_increase for r in rows),
            incomplete_positions=incomplete,
        )

    @functools.cached_property
    def totals(self) -> dict[int, YearTotal]:
        """Per-year totals over every position in the plan."""
        return {y: self._total(y, [r for r in self.rows if r.year == y]) for y in self.years}

    def municipality_totals(self, municipality: str) -> dict[int, YearTotal]:
        """Per-year totals of one municipality's positions."""
        rows = [r for (m, _), by_year in self._rows_by_position.items() if m == municipality for r in by_year.values()]
        return {y: self._total(y, [r for r in rows if r.year == y]) for y in self.years}

    def takeover_year(self, position: str, municipality: str | None = None) -> int | None:
        """The first year from which the municipality carries the whole position."""
        return takeover_year({y: r.grant for y, r in self._position_rows(position, municipality).items()})

    # -- rendering ------------------------------------------------------------
    def to_csv(self) -> str:
        """The plan as CSV with :data:`PLAN_CSV_COLUMNS`; amounts in plain kroner; unknown = empty."""
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(PLAN_CSV_COLUMNS)
        for r in self.rows:
            writer.writerow(r.csv_values())
        return buf.getvalue()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able structure: rows with explanations, totals, warnings, problems, digests."""

        def m(x: Money | None) -> str | None:
            return None if x is None else x.plain()

        return {
            "years": list(self.years),
            "rows": [
                {
                    "municipality": r.municipality, "position": r.position, "year": r.year,
                    "year_in_scheme": r.year_in_scheme if r.year_in_scheme >= 1 else None, "percent": format_percent(r.percent, decimal_comma=False),
                    "grant": m(r.grant), "grant_source": r.grant_source, "cost": m(r.cost),
                    "own_financing": m(r.own_financing), "own_financing_increase": m(r.own_financing_increase),
                    "explanation": r.explanation.to_dict(),
                }
                for r in self.rows
            ],
            "totals": {
                str(y): {"grant": m(t.grant), "cost": m(t.cost), "own_financing": m(t.own_financing),
                         "own_financing_increase": m(t.own_financing_increase),
                         "incomplete_positions": list(t.incomplete_positions)}
                for y, t in self.totals.items()
            },
            "takeover_years": {f"{p.municipality} / {p.position}": self.takeover_year(p.position, p.municipality)
                               for p in self.positions},
            "warnings": list(self.warnings),
            "problems": [attrs.asdict(p) for p in self.problems],
            "discrepancies": [str(d) for d in self.discrepancies],
            "rule_set_digests": dict(self.digests),
            "amount_unit": "NOK (kroner), exact decimal strings",
        }

    def to_text(self, *, explain: bool = False) -> str:
        """A readable table per municipality, totals, warnings, problems and the rule-set digests."""
        out: list[str] = []
        headers = ("Position", "Year", "Yr", "%", "Grant", "Full cost", "Own financing", "Increase")
        for muni in self.municipalities:
            out.append(f"Phase-down plan — {muni} (kommunalt rusarbeid)")
            rows = [r for r in self.rows if r.municipality == muni]
            table: list[tuple[str, ...]] = [headers]
            for r in rows:
                table.append((
                    r.position, str(r.year), r.year_in_scheme_text or "–", format_percent(r.percent),
                    _cell(r.grant) + ("*" if r.grant_source != "rule" else ""), _cell(r.cost),
                    _cell(r.own_financing), _cell(r.own_financing_increase, first=r.year == self.years[0]),
                ))
            for y, t in self.municipality_totals(muni).items():
                table.append((
                    "TOTAL", str(y), "", "", _cell(t.grant), _cell(t.cost), _cell(t.own_financing),
                    _cell(t.own_financing_increase, first=y == self.years[0]),
                ))
            out.append(_render_table(table, separator_before=len(rows) + 1))
            takeovers = []
            for p in self.positions:
                if p.municipality == muni:
                    ty = self.takeover_year(p.position, muni)
                    takeovers.append(f"{p.position}: {ty if ty is not None else 'not within the plan / unknown'}")
            out.append("Municipality carries the whole position from: " + "; ".join(takeovers))
            out.append("")
        if any(r.grant_source != "rule" for r in self.rows):
            out.append("* grant taken from the grant letter (user-supplied)")
        if self.problems:
            out.append(f"Unknown figures ({len(self.problems)}) — the plan is incomplete:")
            out.extend(f"  - {p.municipality} / {p.position} {p.year}: {p.message}" for p in self.problems)
        if self.discrepancies:
            out.append("Grant letters that disagree with the rules:")
            out.extend(f"  - {d}" for d in self.discrepancies)
        if self.warnings:
            out.append("Values used that are not final:")
            out.extend(f"  - {w}" for w in self.warnings)
        out.append("Rule sets used (SHA-256):")
        out.extend(f"  - {k}: {v}" for k, v in sorted(self.digests.items()))
        out.append("Amounts are exact; each grant and cost is rounded once, half up to whole kroner (an assumption).")
        if explain:
            out.append("")
            out.append("Explanations")
            for r in self.rows:
                out.append(r.explanation.to_text())
        return "\n".join(out) + "\n"

    def to_markdown(self, *, explain: bool = False) -> str:
        """The plan as Markdown (for a report or a notebook): a table per municipality, totals, warnings."""
        out: list[str] = []
        head = "| Position | Year | Year in scheme | % | Grant | Full cost | Own financing | Increase |"
        for muni in self.municipalities:
            out += [f"## {muni}", "", head, "|" + "---|" * 4 + "---:|" * 4]
            for r in self.rows:
                if r.municipality == muni:
                    out.append(f"| {r.position.replace('|', chr(92) + '|')} | {r.year} | {r.year_in_scheme_text or '–'} | "
                               f"{format_percent(r.percent)} | "
                               f"{_cell(r.grant)}{' ¹' if r.grant_source != 'rule' else ''} | {_cell(r.cost)} | "
                               f"{_cell(r.own_financing)} | {_cell(r.own_financing_increase, first=r.year == self.years[0])} |")
            for y, t in self.municipality_totals(muni).items():
                out.append(f"| **Total** | {y} | | | {_cell(t.grant)} | {_cell(t.cost)} | {_cell(t.own_financing)} | "
                           f"{_cell(t.own_financing_increase, first=y == self.years[0])} |")
            out.append("")
        if any(r.grant_source != "rule" for r in self.rows):
            out += ["¹ from the grant letter (user-supplied)", ""]
        for title, items in (("Unknown figures", [f"{p.municipality} / {p.position} {p.year}: {p.message}"
                                                  for p in self.problems]),
                             ("Grant letters that disagree with the rules", [str(d) for d in self.discrepancies]),
                             ("Values used that are not final", list(self.warnings)),
                             ("Rule sets used (SHA-256)", [f"{k}: `{v}`" for k, v in sorted(self.digests.items())])):
            if items:
                out += [f"### {title}", "", *(f"- {i}" for i in items), ""]
        out.append("Amounts are exact; each grant and cost is rounded once, half up to whole kroner (an assumption).")
        if explain:
            out += ["", "### Explanations", ""]
            out += [r.explanation.to_markdown() for r in self.rows]
        return "\n".join(out) + "\n"

    def __str__(self) -> str:
        return self.to_text()


def _cell(x: Money | None, *, first: bool = False) -> str:
    if x is None:
        return "–" if first else "unknown"
    return str(x)



def _render_table(rows: list[tuple[str, ...]], *, separator_before: int) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    numeric = [False, False, True, True, True, True, True, True]

    def line(r: tuple[str, ...]) -> str:
        cells = [c.rjust(w) if numeric[i] else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))]
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * w for w in widths)
    lines = [line(rows[0]), rule]
    for i, r in enumerate(rows[1:], start=1):
        if i == separator_before:
            lines.append(rule)
        lines.append(line(r))
    return "\n".join(lines)


# --------------------------------------------------------------------------- the planner


def _rules_for_year(year: int, rules: Mapping[int, kr.KommunaltRusarbeidRules]) -> kr.KommunaltRusarbeidRules | None:
    if year in rules:
        return rules[year]
    return None


_GRANT_LETTER = "grant letter"


def _grant_letter_citation(position: Position, year: int) -> Citation:
    where = f" ({position.origin})" if position.origin else ""
    return Citation(document=f"grant letter {year}, {position.municipality}{where}", tag="USER")


def plan_municipality(
    positions: Iterable[Position],
    *,
    years: Iterable[int] | None = None,
    rules: Mapping[int, kr.KommunaltRusarbeidRules] | None = None,
) -> Plan:
    """Plan every position × year.

    ``years`` defaults to 2022–2025, with 2021 added when any position has a
    granted amount for 2021. ``rules`` replaces the registered rule set of a year
    (e.g. one with a ladder step supplied from a grant letter).
    """
    positions = tuple(positions)
    seen: set[tuple[str, str]] = set()
    for p in positions:
        if p.key in seen:
            raise ValueError(f"position {p.position!r} appears twice for {p.municipality!r}")
        seen.add(p.key)
    if years is None:
        year_list = list(DEFAULT_YEARS)
        if any(2021 in p.granted for p in positions):
            year_list.insert(0, 2021)
    else:
        year_list = sorted(set(years))
        if not year_list:
            raise ValueError("years: give at least one year")
    first_rule_year = kr.years_of(kr.SCHEME_ID)[0]
    if year_list[0] < first_rule_year:
        raise ValueError(
            f"years: {year_list[0]} is before the first rule set of {kr.SCHEME_ID} ({first_rule_year}); "
            f"it has rule sets for {', '.join(map(str, kr.years_of(kr.SCHEME_ID)))} and pays nothing after "
            f"{kr.years_of(kr.SCHEME_ID)[-1]}"
        )
    outside = [f"{p.municipality} / {p.position}: granted {y}" for p in positions for y in p.granted if y not in year_list]
    if outside:
        raise ValueError(
            f"granted amounts for years outside the plan ({year_list[0]}–{year_list[-1]}) would be ignored: "
            + "; ".join(outside)
        )
    rules = dict(rules or {})
    for y, r in rules.items():
        if r.year != y:
            raise ValueError(f"rules[{y}] is the rule set of {r.year}")

    rows: list[PlanRow] = []
    problems: list[Problem] = []
    discrepancies: list[Discrepancy] = []
    warnings: dict[str, None] = {}
    fact_warnings: dict[tuple[str, str, str, str], dict[str, None]] = {}
    digests: dict[str, str] = {}

    for p in positions:
        subject = f"{p.municipality} / {p.position}"
        transition_years = [y for y in year_list if 2022 <= y <= 2024]
        if p.first_grant_year > 2021 and transition_years:
            warnings[f"{subject}: first grant year {p.first_grant_year} is after 2021; the transitional scheme "
                     "continues only positions that existed in 2021, so there is no grant"] = None
        elif p.received_grant_in_2021 is None and transition_years and 2018 <= p.first_grant_year <= 2021:
            warnings[f"inferred: {subject}: the municipality received the grant in 2021 (from first grant year "
                     f"{p.first_grant_year}); state it with a received_2021 column or Position(received_grant_in_2021=...)"] = None
        previous_own: Money | None = None
        for index, year in enumerate(year_list):
            percent = p.percent_in(year)
            n = kr.year_in_scheme(year, p.first_grant_year)
            # -- grant by the rule
            rule_result: kr.GrantResult | None = None
            rule_error: UnknownValueError | None = None
            try:
                rule_result = kr.compute_grant(
                    year, first_grant_year=p.first_grant_year, percent=percent,
                    received_grant_in_2021=p.received_grant_in_2021,
                    rules=_rules_for_year(year, rules), subject=subject,
                )
            except UnknownValueError as exc:
                rule_error = exc
            if rule_result is not None and rule_result.rule_set is not None:
                sid, ry, dig = rule_result.rule_set
                digests[f"{sid} {ry}"] = dig
            # -- the grant used: the grant letter wins when given
            grant: Money | None
            steps: list[Explanation] = []
            if year in p.granted:
                grant = p.granted[year]
                source = _GRANT_LETTER
                letter_use = FactUse(f"granted {year}", str(grant), Status.USER_SUPPLIED, _grant_letter_citation(p, year))
                warnings[f"user-supplied: {subject} {year}: granted {grant} taken from the grant letter"] = None
                if rule_result is not None:
                    if rule_result.amount != grant:
                        discrepancies.append(Discrepancy(p.municipality, p.position, year, grant, rule_result.amount))
                        check = f"differs from the rule ({rule_result.amount})"
                    else:
                        check = "agrees with the rule"
                    steps.append(Explanation(f"Grant {year} from the grant letter ({check})", str(grant), (letter_use,),
                                             (rule_result.explanation,)))
                else:
                    steps.append(Explanation(
                        f"Grant {year} from the grant letter (the rule could not check it)", str(grant), (letter_use,),
                        (Explanation("The rule's amount is unknown", str(rule_error)),),
                    ))
            elif rule_result is not None:
                grant = rule_result.amount
                source = "rule"
                steps.append(rule_result.explanation)
            else:
                grant = None
                source = "rule"
                message = str(rule_error)
                problems.append(Problem(p.municipality, p.position, year, message))
                assert rule_error is not None
                unknown_use = FactUse.of(rule_error.name, rule_error.fact)
                steps.append(Explanation(f"Grant {year}", "unknown", (),
                                         (Explanation("Cannot compute", message, (unknown_use,)),)))
            if rule_result is not None:
                for use in rule_result.facts_used:
                    if use.status in WARNING_STATUSES and use.name != "rounding rule":  # the footer states it
                        key = (use.status.value, use.name, use.value + (f" ({use.note})" if use.status is Status.USER_SUPPLIED and use.note else ""), str(use.citation))
                        fact_warnings.setdefault(key, {})[use.rule_set or ""] = None
            # -- cost, own financing, increase
            scale = percent / p.percent
            cost = round_half_up_to_kroner(p.cost.exact_in(year) * scale)
            steps.append(cost_explanation(p.cost, year, cost, scale=scale))
            own = None if grant is None else own_financing(cost, grant)
            if own is not None and own.ore < 0:
                warnings[f"{subject} {year}: the grant ({grant}) exceeds the full cost ({cost}); check the cost"] = None
            steps.append(Explanation(
                "Own financing = full cost − grant (the library's definition)",
                "unknown (the grant is unknown)" if own is None else f"{cost} − {grant} = {own}",
            ))
            if index == 0:
                increase = None
                steps.append(Explanation("Increase over the previous year", f"not computed: {year} is the first year of the plan"))
            elif own is None or previous_own is None:
                increase = None
                steps.append(Explanation("Increase over the previous year", "unknown (an own financing is unknown)"))
            else:
                increase = own - previous_own
                steps.append(Explanation("Increase over the previous year", f"{own} − {previous_own} = {increase}"))
            previous_own = own
            rows.append(PlanRow(
                municipality=p.municipality, position=p.position, year=year, year_in_scheme=n, percent=percent,
                grant=grant, cost=cost, own_financing=own, own_financing_increase=increase, grant_source=source,
                explanation=Explanation(f"{subject}, {year} (year {n} in the scheme, {format_percent(percent, decimal_comma=False)} %)",
                                        None, (), tuple(steps)),
            ))
    fact_lines = [
        f"{status}: {name} = {value} — used from {', '.join(sorted(where))} ({citation})"
        for (status, name, value, citation), where in fact_warnings.items()
    ]
    warnings = dict.fromkeys([*fact_lines, *warnings, *(f"discrepancy: {d}" for d in discrepancies)])
    return Plan(
        years=tuple(year_list), positions=positions, rows=tuple(rows), problems=tuple(problems),
        discrepancies=tuple(discrepancies), warnings=tuple(warnings), digests=digests,
    )
