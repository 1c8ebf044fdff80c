"""Sphinx extension: the table of what a user supplies, with the columns and flags of the code.

Why: the figures a plan needs that no public source gives come from the user: the
positions and their costs always, a ladder step or a pension rate sometimes. One table
says, for each, when it is needed, where to find it (usually the grant letter,
*tilsagnsbrev*), the positions file's column and the command-line option or Python
call. The column names are read from :data:`nedtrapping.readers.table.COLUMN_ALIASES`
while the page is built (a renamed column changes the table), and the tests check that
every option shown parses with the command line's own parser.

Directive
---------
``.. supply-table::``
    The table. Each row is a link target ``supply-<id>`` (``:ref:`supply-ladder-step```);
    the generated list of unknown values links each one to the row that supplies it
    (:func:`fact_rows`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective


def _option_columns(scheme_id: str, name: str) -> tuple[str, str]:
    """``(Norwegian, English)`` column names of a scheme's own option, as the scheme declares them."""
    from nedtrapping.registry import position_scheme

    option = next(o for o in position_scheme(scheme_id).options if o.name == name)
    return option.columns[0], option.columns[1]


__all__ = ["SupplyRow", "ROWS", "row_label", "fact_rows", "columns_text", "setup"]


@dataclass(frozen=True)
class SupplyRow:
    """One thing a user supplies. The text fields are reST."""

    id: str
    value: str
    when: str
    where: str
    #: Canonical column names (keys of ``COLUMN_ALIASES``), shown Norwegian first; or a
    #: ``name_YYYY`` family given as ``("tildelt_YYYY", "granted_YYYY")``.
    columns: tuple[str | tuple[str, str], ...]
    #: Command-line options, each as it is typed after ``nedtrapping plan``.
    cli: tuple[str, ...]
    python: str
    #: The paths of the unknown rule values this row supplies.
    facts: tuple[str, ...] = ()


ROWS: tuple[SupplyRow, ...] = (
    SupplyRow(
        "positions",
        "**The positions**: municipality, position, position percentage "
        "(:term:`kommune`, :term:`stilling`, :term:`stillingsprosent`)",
        "Always.",
        "Your list of the positions the grant funds; the grant letter (:term:`tilsagnsbrev`) names them.",
        ("municipality", "position", "percent"),
        ("stillinger.xlsx",),
        "``Position(municipality=..., position=..., percent=...)``",
    ),
    SupplyRow(
        "first-year",
        "**First grant year** (:term:`første tilskuddsår`)",
        "Always. It gives the position's year in the scheme (2022 − first year + 1), so its ladder step "
        "in 2022 and the year its four years end.",
        "The grant letter of the first year the position was funded (or your accounts: the first year "
        "the grant was booked for it).",
        ("first_year",),
        (),
        "``Position(first_grant_year=2021, ...)``",
    ),
    SupplyRow(
        "cost",
        "**Full annual cost** (:term:`årskostnad`), or the salary (next row)",
        "Always, this or the salary: own financing = full cost − grant. Optional: the yearly growth "
        "(:term:`lønnsvekst`; without it the cost stays the same) and the year the cost is for (default 2022).",
        "Your budget: salary, holiday pay, pension and employer's contribution of the position *at its "
        "own percentage* (what the 50 % position costs).",
        ("annual_cost", "growth", "cost_year"),
        (),
        "``FixedCost(Money.kroner(780_000))`` or ``GrowingCost(Money.kroner(780_000), 2022, \"3.5\")``",
    ),
    SupplyRow(
        "salary",
        "**Annual salary at 100 %** (:term:`årslønn`), with the **zone** (:term:`sone`) and the "
        "**pension rate** (:term:`pensjonspremie`), instead of the full cost",
        "When you give the salary, the library builds the cost. The zone and the pension rate are then "
        "required: no public source gives them for your municipality, and the library never guesses them. "
        "Optional: the holiday-pay rule and the employee's birth year (more holiday from 60).",
        "The pay scale or payroll (salary); the zone where the employer's unit is registered "
        "(Skatteetaten's zones); your pension provider's premium for the year (KLP, Statens "
        "pensjonskasse), the employer's share.",
        ("salary", "zone", "pension_rate", "holiday_pay", "birth_year"),
        (),
        "``SalaryCost(Money.kroner(600_000), zone=\"1\", pension_percent=\"12,5\")``",
        ("pension_premium", "zone_of_municipality"),
    ),
    SupplyRow(
        "received-2021",
        "**Whether the municipality had the grant in 2021** (fikk tilskudd i 2021)",
        "2022–2024: only municipalities that had the grant in 2021 may continue. Without it, the library "
        "infers it from the positions' first grant years and says so in a warning (:term:`utledet`).",
        "The grant letter for 2021.",
        (_option_columns("kommunalt-rusarbeid", "received_grant_in_2021"),),
        (),
        "``Position(options={\"received_grant_in_2021\": True}, ...)``",
    ),
    SupplyRow(
        "ladder-step",
        "**Ladder step 3 or 4** (:term:`årsstigen`, trinn 3 eller 4): the amount per 100 % position for a "
        "position in its third or fourth year",
        "2022, for a position first funded in 2020 (its third year) or 2019 (its fourth); also 2021, if you "
        "plan 2021. No public source gives these amounts: without them those figures are empty and the "
        "command exits with status 3.",
        "The grant letter for 2022: the amount it grants the position. For a part-time position the step "
        "is that amount ÷ the percentage × 100 (or give the amount itself: next row).",
        (),
        ("stillinger.xlsx --ladder-step 2022:3=AMOUNT --ladder-source \"Tilsagnsbrev 2022, Eksempel kommune\"",),
        "``rules_for(2022).with_ladder_step(3, Money.kroner(AMOUNT), \"Tilsagnsbrev 2022, Eksempel kommune\")``",
        ("ladder.step_1", "ladder.step_2", "ladder.step_3", "ladder.step_4"),
    ),
    SupplyRow(
        "granted",
        "**The amount granted** (:term:`tildelt`) to a position for a year",
        "Optional. It replaces the rule's amount for that position and year (status :term:`oppgitt av "
        "bruker`), and the plan lists every year where it differs from the rule (:term:`avvik`).",
        "The grant letter for that year.",
        (("tildelt_YYYY", "granted_YYYY"),),
        (),
        "``Position(granted={2022: Money.kroner(540_000)}, ...)``",
    ),
    SupplyRow(
        "percent-change",
        "**A new position percentage from a year on**",
        "Optional: a position that is cut or raised.",
        "Your own decision.",
        (("stillingsprosent_YYYY", "percent_YYYY"),),
        (),
        "``Position(percent_changes={2024: 60}, ...)``",
    ),
)


def row_label(row: SupplyRow) -> str:
    """The cross-reference label of a row (``supply-ladder-step``)."""
    return f"supply-{row.id}"


def fact_rows() -> dict[str, str]:
    """Rule-value path → the label of the row that supplies it."""
    return {path: row_label(row) for row in ROWS for path in row.facts}


def columns_text(row: SupplyRow) -> list[str]:
    """The row's columns as ``Norwegian (English)``, the names read from ``COLUMN_ALIASES``."""
    from nedtrapping.readers.table import COLUMN_ALIASES

    shown = []
    for column in row.columns:
        if isinstance(column, tuple):
            norwegian, english = column
        else:
            aliases = COLUMN_ALIASES[column]  # a KeyError here: the column was renamed in the code
            english = aliases[0]
            norwegian = next((a for a in aliases[1:] if not a.isascii()), aliases[1] if len(aliases) > 1 else english)
        shown.append(f"``{norwegian}`` (``{english}``)")
    return shown


def _cell(directive: SphinxDirective, text: str) -> nodes.entry:
    entry = nodes.entry()
    directive.state.nested_parse(StringList(text.splitlines(), source="supply-table"), directive.content_offset,
                                 entry)
    return entry


class SupplyTableDirective(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        headers = ("What", "When it is needed", "Where to find it", "Column in the positions file",
                   "Command line / Python")
        table = nodes.table(classes=["supply-table", "colwidths-given"])
        group = nodes.tgroup(cols=len(headers))
        table += group
        for width in (17, 24, 22, 15, 22):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        row_node = nodes.row()
        for header in headers:
            entry = nodes.entry()
            entry += nodes.paragraph(header, header)
            row_node += entry
        head += row_node
        group += head
        body = nodes.tbody()
        std = self.env.get_domain("std")
        for row in ROWS:
            label = row_label(row)
            row_node = nodes.row(ids=[label])
            std.note_hyperlink_target(label, self.env.docname, label, f"What you must supply: {row.id}")
            row_node += _cell(self, row.value)
            row_node += _cell(self, row.when)
            row_node += _cell(self, row.where)
            row_node += _cell(self, ", ".join(columns_text(row)) if row.columns else "—")
            how = [f"``nedtrapping plan {option}``" for option in row.cli]
            row_node += _cell(self, "\n\n".join([*how, row.python]))
            body += row_node
        group += body
        return [table]


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("supply-table", SupplyTableDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
