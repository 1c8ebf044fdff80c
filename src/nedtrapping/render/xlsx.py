"""A plan as an Excel workbook: figures, totals, warnings, explanations and the rule sets used.

Why: the økonomiplan is built in a spreadsheet. Amounts are numbers in kroner
(exact: whole kroner as integers); an unknown figure is an empty cell, never 0.
Needs ``openpyxl`` (``pip install 'nedtrapping[xlsx]'``).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from nedtrapping import optional
from nedtrapping.money import Money
from nedtrapping.plan import Plan
from nedtrapping.render.plan import CSV_COLUMNS

__all__ = ["write_plan_xlsx"]


def _amount(m: Money | None) -> int | Decimal | None:
    if m is None:
        return None
    return m.ore // 100 if m.is_whole_kroner else m.to_decimal()


def write_plan_xlsx(plan: Plan, path: str | Path) -> None:
    """Write ``plan`` as a workbook: Plan, Totals, Warnings, Explanations and Rule sets sheets.

    Amounts are numbers in kroner (exact: whole kroner as integers); an unknown figure
    is an empty cell, never 0, with the reason on the Warnings sheet.
    """
    openpyxl = optional.openpyxl()
    book = openpyxl.Workbook()
    kr_format = '#,##0 "kr"'

    ws = book.active
    ws.title = "Plan"
    ws.append([*CSV_COLUMNS, "grant_source"])
    for r in plan.rows:
        ws.append([
            r.municipality, r.position, r.year, r.year_in_scheme if r.year_in_scheme >= 1 else None,
            Decimal(r.percent.numerator) / Decimal(r.percent.denominator),
            _amount(r.grant), _amount(r.cost), _amount(r.own_financing), _amount(r.own_financing_increase),
            r.grant_source,
        ])
    for col in "FGHI":
        for cell in ws[col][1:]:
            cell.number_format = kr_format
    ws.freeze_panes = "A2"

    totals = book.create_sheet("Totals")
    totals.append(["municipality", "year", "grant", "cost", "own_financing", "own_financing_increase",
                   "incomplete_positions"])
    for muni in plan.municipalities:
        for year, t in plan.municipality_totals(muni).items():
            totals.append([muni, year, _amount(t.grant), _amount(t.cost), _amount(t.own_financing),
                           _amount(t.own_financing_increase), ", ".join(t.incomplete_positions)])
    for col in "CDEF":
        for cell in totals[col][1:]:
            cell.number_format = kr_format

    notes = book.create_sheet("Warnings")
    notes.append(["kind", "text"])
    for p in plan.problems:
        notes.append(["unknown", f"{p.municipality} / {p.position} {p.year}: {p.message}"])
    for d in plan.discrepancies:
        notes.append(["discrepancy", str(d)])
    for w in plan.warnings:
        notes.append(["not final", w])

    expl = book.create_sheet("Explanations")
    expl.append(["municipality", "position", "year", "explanation"])
    for r in plan.rows:
        expl.append([r.municipality, r.position, r.year, r.explanation.to_text()])

    digests = book.create_sheet("Rule sets")
    digests.append(["rule set", "sha256"])
    for key, digest in sorted(plan.digests.items()):
        digests.append([key, digest])

    book.save(Path(path))
