"""A municipality's phase-down plan: every position × year, with totals and reasons.

Why: the finance officer's question is "what does each position cost us, year by
year, and how much more must we budget than last year?" — for the økonomiplan.
:func:`plan_municipality` answers it for any scheme that pays per position
(:class:`~nedtrapping.scheme.PositionScheme`: kommunalt rusarbeid by default, NAV
sosiale tjenester with ``scheme="nav-sosiale-tjenester"``).

Figures first, explanations on demand: planning computes the figures only; the
explanation of a figure (:meth:`Plan.explain`, :attr:`PlanRow.explanation`) is built
when it is asked for, from the same inputs. Nothing unknown becomes 0: a figure that
depends on an unknown rule value is ``None`` in the plan, the reason is in
:attr:`Plan.problems` (and, once per value, in :attr:`Plan.unknowns`), and every total
that would include it is ``None`` too.

This module holds the planner (and the adapter to the engine's columns); the input is a
:class:`~nedtrapping.position.Position`, the result a :class:`~nedtrapping.results.Plan`
(:mod:`nedtrapping.results`), its rows and explanations are built in
:mod:`nedtrapping.plan_rows`; how a plan looks as a table, CSV, JSON or a workbook is
decided in :mod:`nedtrapping.render`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import cast

from nedtrapping import engine
from nedtrapping._refusal import expect, expected_got
from nedtrapping.cofinancing import FixedCost, GrowingCost, cost_figure
from nedtrapping.errors import InvalidTypeError, InvalidValueError, NedtrappingError
from nedtrapping.explain import words
from nedtrapping.money import Money
from nedtrapping.plan_rows import _PlanData, _PlanRows
from nedtrapping.position import Position
from nedtrapping.provenance import WARNING_STATUSES, Status, UnknownValueError
from nedtrapping.readable import Readable
from nedtrapping.registry import DEFAULT_SCHEME, position_scheme, years_of
from nedtrapping.results import (
    Discrepancy,
    Plan,
    PlanRow,
    Problem,
    UnknownValue,
    YearTotal,
    year_total,
)
from nedtrapping.rounding import round_half_up_to_kroner
from nedtrapping.ruleset import RuleSet
from nedtrapping.scheme import FactRef, PositionScheme
from nedtrapping.validators import require_year
from nedtrapping.wording import FactName, Notice

__all__ = [
    "DEFAULT_SCHEME",
    "Position",
    "PlanRow",
    "YearTotal",
    "Problem",
    "UnknownValue",
    "Discrepancy",
    "Plan",
    "plan_municipality",
    "year_total",
]

# --------------------------------------------------------------------------- the planner


def _plan_years(scheme: PositionScheme, positions: tuple[Position, ...], years: Iterable[int] | None) -> list[int]:
    first_rule_year = scheme.first_rule_year()
    if years is None:
        year_list = list(scheme.default_years)
        earlier = [y for p in positions for y in p.granted if first_rule_year <= y < year_list[0]]
        if earlier:
            year_list = list(range(min(earlier), year_list[-1] + 1))
    else:
        year_list = sorted({require_year(y, "years") for y in years})
        if not year_list:
            raise InvalidValueError(words("model.plan.no_years"), field="years", value=[], expected=expect("a_year"))
    if year_list[0] < first_rule_year:
        known = years_of(scheme.scheme_id)
        raise InvalidValueError(
            words("model.plan.year_too_early", year=year_list[0], scheme=scheme.scheme_id, first=first_rule_year,
                  years=", ".join(map(str, known))),
            field="years", value=year_list[0], expected=expect("year_or_later", year=first_rule_year),
        )
    outside = [f"{p.subject}: {y}" for p in positions for y in p.granted if y not in year_list]
    if outside:
        raise InvalidValueError(
            words("model.plan.granted_outside", first=year_list[0], last=year_list[-1], items="; ".join(outside)),
            field="granted", value=outside, expected=expect("granted_within", first=year_list[0], last=year_list[-1]),
        )
    return year_list


def _base_year(scheme: PositionScheme, positions: tuple[Position, ...], years: list[int]) -> int | None:
    """The scheme's base year when the plan starts the year after it (else ``None``: no base).

    A cost model of the user's own that cannot give the base year's cost leaves the first
    increase not computed, as without a base.
    """
    base = scheme.base_year
    if base is None or years[0] != base + 1 or base < scheme.first_rule_year():
        return None
    for p in positions:
        if type(p.cost) not in (FixedCost, GrowingCost):
            try:
                cost_figure(p.cost, base, p.percent_in(base) / p.percent)
            except (NedtrappingError, LookupError):
                return None
    return base


def _scheme(scheme: object) -> PositionScheme:
    if isinstance(scheme, str):
        return position_scheme(scheme)
    if all(callable(getattr(scheme, name, None)) for name in ("rules_for", "cell", "rate", "position_notes")):
        return cast(PositionScheme, scheme)
    raise InvalidTypeError(expected_got(expect("scheme_example", scheme=DEFAULT_SCHEME), scheme), field="scheme",
                           value=scheme,
                           expected=expect("scheme"))


def _supplied_rules(rules: object, scheme: PositionScheme) -> dict[int, RuleSet]:
    """``rules`` checked: a mapping of year to a rule set of that year and of ``scheme``."""
    if rules is None:
        return {}
    if not isinstance(rules, Mapping):
        raise InvalidTypeError(words("model.expected_got", expected=expect("rules_mapping_example"),
                                     got=f"{type(rules).__name__} {getattr(rules, 'key_text', rules)!r}"),
                               field="rules", value=rules, expected=expect("rules_mapping"))
    supplied: dict[int, RuleSet] = {}
    for y, r in rules.items():
        require_year(y, "rules")
        field = f"rules[{y}]"
        if not isinstance(r, RuleSet):
            raise InvalidTypeError(expected_got(expect("rule_set"), r), field=field, value=r,
                                   expected=expect("rule_set"))
        if r.scheme_id != scheme.scheme_id:
            raise InvalidValueError(words("model.plan.rules_other_scheme", scheme=r.scheme_id, planned=scheme.scheme_id),
                                    field=field, value=r.key_text, expected=expect("rule_set_of", scheme=scheme.scheme_id))
        if r.year != y:
            raise InvalidValueError(words("model.plan.rules_other_year", year=r.year, planned=y), field=field,
                                    value=r.key_text, expected=expect("rule_set_of_year", year=y))
        supplied[y] = r
    return supplied


def _check_positions(scheme: PositionScheme, positions: tuple[Position, ...]) -> None:
    seen: set[tuple[str, str]] = set()
    declared = {o.name for o in scheme.options}
    for p in positions:
        if not isinstance(p, Position):
            raise InvalidTypeError(expected_got(expect("position_class"), p), field="positions", value=p,
                                   expected=expect("position"))
        if p.key in seen:
            raise InvalidValueError(words("model.plan.twice", position=p.position, municipality=p.municipality),
                                    field="positions", value=p.subject, expected=expect("position_once"))
        seen.add(p.key)
        for name in p.options:
            if name not in declared:
                raise InvalidValueError(words("model.plan.not_an_option", subject=p.subject, option=name,
                                              scheme=scheme.scheme_id),
                                        field=name, value=p.options[name], expected=expect("not_an_option",
                                                                                          scheme=scheme.scheme_id))


def plan_municipality(
    positions: Iterable[Position],
    *,
    years: Iterable[int] | None = None,
    rules: Mapping[int, RuleSet] | None = None,
    scheme: str | PositionScheme = DEFAULT_SCHEME,
) -> Plan:
    """Plan every position × year under ``scheme`` (a scheme id or a :class:`~nedtrapping.scheme.PositionScheme`).

    ``years`` defaults to the scheme's default years (kommunalt rusarbeid: 2022–2025), with
    earlier years added when a position has a granted amount for them. ``rules`` replaces
    the registered rule set of a year (e.g. one with a ladder step supplied from a grant
    letter).
    """
    chosen = _scheme(scheme)
    if isinstance(positions, (str, bytes, Position)) or not isinstance(positions, Iterable):
        raise InvalidTypeError(expected_got(expect("positions"), positions), field="positions", value=positions,
                               expected=expect("positions"))
    positions = tuple(positions)
    _check_positions(chosen, positions)
    year_list = _plan_years(chosen, positions, years)
    supplied = _supplied_rules(rules, chosen)

    # -- the figures: columns through the engine, once per cell of the rules (the engine refuses
    #    positions of one municipality that disagree on an answer that is the municipality's)
    base = _base_year(chosen, positions, year_list)
    computed = year_list if base is None else [base, *year_list]  # the base year is computed, not planned
    batch, cost_uses = _batch_of(chosen, positions, computed)
    result = batch.plan(years=year_list, rules=supplied, base_year=base)
    years_of_municipality: dict[str, set[int]] = {}
    per_municipality = [o.name for o in chosen.options if o.per_municipality]
    municipality_options: dict[str, dict[str, bool]] = {}
    for p in positions:
        years_of_municipality.setdefault(p.municipality, set()).add(p.first_grant_year)
        for name in per_municipality:
            if name in p.options:
                municipality_options.setdefault(p.municipality, {})[name] = p.options[name]
    data = _PlanData(scheme=chosen, positions=positions, years=tuple(year_list), supplied=supplied, result=result,
                     municipality_years={m: tuple(sorted(y)) for m, y in years_of_municipality.items()},
                     municipality_options=municipality_options)

    # -- provenance, once per cell (in the order the rows first meet them)
    digests: dict[str, str] = {}
    used_facts: set[tuple[str, str]] = set()
    fact_warnings: dict[tuple[Status, str, str | Readable, str], dict[str, None]] = {}
    seen_uses: set[tuple[int, str, str]] = set()

    def note_use(ref: FactRef) -> None:
        # a rule value a figure used: recorded, and warned about once if it is not final
        key_text = ref.rule_set.key_text
        used_facts.add((key_text, ref.path))
        use_key = (id(ref.rule_set), ref.path, ref.name)
        if use_key in seen_uses or ref.fact.status not in WARNING_STATUSES:
            return
        seen_uses.add(use_key)
        use = ref.rule_set.use(ref.name, ref.fact)
        note = use.status is Status.USER_SUPPLIED and bool(use.note)
        value = use.value if not note else words("explain.value_note", value=use.value, note=use.note)
        fact_warnings.setdefault((use.status, use.name, value, str(use.citation)), {})[key_text] = None

    # (position, year, 0 for the grant | 1 for the cost, the rule set, the rule values used), met in the
    # order a row-by-row planner meets them: the grant's cell where a row first meets it, then any cost rules
    events: list[tuple[int, int, int, RuleSet | None, tuple[FactRef, ...]]] = list(cost_uses)
    for year_index, year in enumerate(computed):
        ids = result.cell_ids[year]
        cells = result.cells[year]
        ids_list = ids.tolist() if hasattr(ids, "tolist") else ids
        first_row: dict[int, int] = {}
        for i, c in enumerate(ids_list):
            if c not in first_row:
                first_row[c] = i
                if len(first_row) == len(cells):
                    break
        events.extend((i, year_index, 0, cells[c].rule_set, cells[c].uses) for c, i in first_row.items()
                      if cells[c].rule_set is not None)
    for _, _, kind, rule_set, uses in sorted(events, key=lambda e: (e[0], e[1], e[2])):
        if rule_set is not None:
            digests[rule_set.key_text] = rule_set.digest
        for ref in uses:
            if kind == 1:  # a cost built by rules (SalaryCost) stamps and warns like a grant
                digests[ref.rule_set.key_text] = ref.rule_set.digest
            note_use(ref)

    # -- per position: its notes, grant letters, unknown figures, a grant above the cost
    problems: list[Problem] = []
    unknown_errors: list[tuple[UnknownValueError, str, int]] = []
    discrepancies: list[Discrepancy] = []
    notices: dict[Notice, None] = {}
    grants, rules_amounts, costs, owns = data.grant, data.rule, data.cost, data.own
    for index, p in enumerate(positions):
        subject = p.subject
        notices.update(dict.fromkeys(chosen.position_notes(data.base_query(index), year_list)))
        for year_index, year in enumerate(year_list):
            grant_ore = grants[year_index][index]
            if year in p.granted:
                grant = p.granted[year]
                notices[Notice("warning.grant_letter", {"status": Status.USER_SUPPLIED, "subject": subject,
                                                        "year": year, "amount": grant})] = None
                by_rule = rules_amounts[year_index][index]
                if by_rule is not None and by_rule != grant.ore:
                    discrepancies.append(Discrepancy(p.municipality, p.position, year, grant, Money(by_rule)))
            elif grant_ore is None:
                rule_error = result.cell(year, index).error
                assert rule_error is not None
                problems.append(Problem(p.municipality, p.position, year, rule_error,
                                        rule_error.rule_set, rule_error.path))
                unknown_errors.append((rule_error, subject, year))
            own_ore = owns[year_index][index]
            if own_ore is not None and own_ore < 0:
                cost_ore = costs[year_index][index]
                assert grant_ore is not None and cost_ore is not None  # an own financing is known only with both
                notices[Notice("warning.grant_exceeds_cost",
                               {"subject": subject, "year": year, "grant": Money(grant_ore), "cost": Money(cost_ore)})] = None
    fact_notices = [
        Notice("warning.fact", {"status": status, "name": FactName(name), "value": value, "where": ", ".join(sorted(where)),
                                "citation": citation})
        for (status, name, value, citation), where in fact_warnings.items()
    ]
    all_notices = dict.fromkeys([*fact_notices, *notices, *(d.notice() for d in discrepancies)])
    return Plan(
        years=tuple(year_list), positions=positions, rows=_PlanRows(data), problems=tuple(problems),
        discrepancies=tuple(discrepancies), notices=tuple(all_notices), digests=digests,
        scheme_id=chosen.scheme_id, used_facts=frozenset(used_facts), unknown_errors=tuple(unknown_errors),
        base_year=base,
    )


def _batch_of(scheme: PositionScheme, positions: tuple[Position, ...], years: list[int]
              ) -> tuple[engine.Batch, list[tuple[int, int, int, RuleSet | None, tuple[FactRef, ...]]]]:
    """The positions as the engine's columns, and the rule values of costs built by rules.

    A fixed or growing cost is a column (the engine computes it); any other cost model
    (:class:`~nedtrapping.cofinancing.SalaryCost`, a model of the user's own) is computed here,
    position by position, with the rule values it used.
    """
    base: list[int] = []
    cost_year: list[int] = []
    growth: list[Fraction | None] = []
    others: list[int] = []
    for index, p in enumerate(positions):
        c = p.cost
        if type(c) is GrowingCost:
            base.append(c.base.ore)
            cost_year.append(c.base_year)
            growth.append(c.growth_percent)
        elif type(c) is FixedCost:
            base.append(c.annual.ore)
            cost_year.append(years[0])
            growth.append(None)
        else:
            others.append(index)
            base.append(0)
            cost_year.append(years[0])
            growth.append(None)
    cost_in_year: dict[int, list[int | None]] | None = None
    uses: list[tuple[int, int, int, RuleSet | None, tuple[FactRef, ...]]] = []
    if others:
        cost_in_year = {}
        for year_index, year in enumerate(years):
            exact_of: dict[int, int] = {}
            for index in others:
                p = positions[index]
                exact, refs = cost_figure(p.cost, year, p.percent_in(year) / p.percent)
                exact_of[index] = round_half_up_to_kroner(exact).ore
                if refs:
                    uses.append((index, year_index, 1, None, tuple(refs)))
            cost_in_year[year] = [exact_of.get(index) for index in range(len(positions))]
    change_years = sorted({y for p in positions for y in p.percent_changes})
    granted_years = sorted({y for p in positions for y in p.granted})
    batch = engine.batch(
        percent=[p.percent for p in positions],
        first_grant_year=[p.first_grant_year for p in positions],
        cost=base, cost_year=cost_year, growth=growth if any(g is not None for g in growth) else None,
        municipality=[p.municipality for p in positions],
        options={o.name: [p.options.get(o.name) for p in positions] for o in scheme.options
                 if any(o.name in p.options for p in positions)},
        granted={y: [p.granted[y].ore if y in p.granted else None for p in positions] for y in granted_years},
        percent_changes={y: [p.percent_changes.get(y) for p in positions] for y in change_years},
        cost_in_year=cost_in_year, scheme=scheme,
        # the rows are built from Python lists; numpy pays for itself only on large plans
        backend="auto" if len(positions) >= _NUMPY_FROM else "python",
    )
    return batch, uses


#: Plans of this many positions or more use the engine's numpy backend, when numpy is installed.
_NUMPY_FROM = 50_000


