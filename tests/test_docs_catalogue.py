"""The generated rule catalogue (docs/_ext/rule_catalogue.py) follows the rule sets in code.

The docs must not drift from the data: the catalogue, the list of unknown values on the
"What you must supply" page and the page of what the library is not sure of are
generated from the registry at build time. These tests render them from the
registered rule sets and from evolved ones, and build a small Sphinx project to check
that a changed value changes the rendered HTML with no other edit.
"""

from __future__ import annotations

import datetime as _dt
import re
import shlex
import sys
from pathlib import Path

import attrs
import pytest

pytest.importorskip("sphinx")

from docutils import nodes

from nedtrapping import registry
from nedtrapping.deadlines import Deadline, DeadlineKind, Purpose
from nedtrapping.money import Money
from nedtrapping.provenance import Citation, Fact, Status
from nedtrapping.ruleset import RuleSet
from nedtrapping.schemes import kommunalt_rusarbeid as kr

DOCS = Path(__file__).resolve().parents[1] / "docs"
sys.path.insert(0, str(DOCS / "_ext"))

import rule_catalogue as rc  # noqa: E402
import supply_table  # noqa: E402


def _text(node_list: list[nodes.Node]) -> str:
    return "\n".join(n.astext() for n in node_list)


def _section(node_list: list[nodes.Node], label: str) -> nodes.section:
    for top in node_list:
        if isinstance(top, nodes.Element):
            for section in top.findall(nodes.section):
                if label in section["names"]:
                    return section
    raise AssertionError(f"no section {label!r}")


def _fact_rows(section: nodes.section) -> dict[str, list[str]]:
    """Fact path → the texts of its row's cells (the path, value, status, source), from a rule set's facts table.

    The first cell shows the Norwegian label and then the path; the row is keyed by the path.
    """
    facts = next(s for s in section.findall(nodes.section) if s["names"] and s["names"][0].endswith("-facts"))
    rows = {}
    for row in next(facts.findall(nodes.tbody)).findall(nodes.row):
        entries = list(row.findall(nodes.entry))
        literals = list(entries[0].findall(nodes.literal))
        path = literals[-1].astext() if literals else entries[0].astext()
        rows[path] = [path, *(entry.astext() for entry in entries[1:])]
    return rows


def _status(status: str) -> str:
    """A status as the catalogue shows it: ``inferred (utledet)``."""
    return rc.status_text(Status(status))


def _with_flat_amount(rules: kr.KommunaltRusarbeidRules, kroner: int) -> kr.KommunaltRusarbeidRules:
    assert rules.flat_amount is not None
    return attrs.evolve(rules, flat_amount=attrs.evolve(rules.flat_amount, value=Money.kroner(kroner)))


# ---------------------------------------------------------------------------- the ladder


@pytest.mark.parametrize("year", [2021, 2022])
def test_ladder_shows_steps_1_2_inferred_and_steps_3_4_unknown_each_with_its_source(year: int) -> None:
    rendered = rc.catalogue_nodes(registry.all_rule_sets())
    rows = _fact_rows(_section(rendered, rc.label_for("kommunalt-rusarbeid", year)))

    path, value, status, source = rows["ladder.step_1"]
    assert (value, status) == ("660 000 kr", "inferred (utledet)")
    assert "Folkebladet" in source and "SAL-17" in source

    path, value, status, source = rows["ladder.step_2"]
    assert (value, status) == ("550 000 kr", "inferred (utledet)")
    assert "Vesterålen Online" in source and "VOL-19" in source

    path, value, status, source = rows["ladder.step_2_percent"]
    assert (value, status) == ("100", "inferred (utledet)")

    for step in (3, 4):
        path, value, status, source = rows[f"ladder.step_{step}"]
        assert (value, status) == ("unknown", "unknown (ukjent)")
        assert "Helsedirektoratet" in source and "HDIR-21" in source
        # docs are English; where the value is, in words (no Python or command line in the rule data)
        assert "How to supply:" in source and f"in its year {step} in the scheme from your municipality's grant " \
            f"letter (tilsagnsbrev) for {year}." in source
        assert "with_ladder_step" not in source and "--ladder-step" not in source


def test_every_fact_and_deadline_of_every_rule_set_is_in_the_catalogue() -> None:
    rule_sets = registry.all_rule_sets()
    rendered = rc.catalogue_nodes(rule_sets)
    for rs in rule_sets:
        section = _section(rendered, rc.label_for(rs.scheme_id, rs.year))
        rows = _fact_rows(section)
        assert set(rows) == {path for path, _ in rs.facts()}
        for path, fact in rs.facts():
            assert rows[path][2] == _status(fact.status.value)
            if fact.value is not None:
                assert rows[path][1] == rc.format_value(fact.value)
            if fact.citation.url:
                refs = [r["refuri"] for r in section.findall(nodes.reference)]
                assert fact.citation.url in refs
        text = section.astext()
        assert rs.digest in text
        for deadline in rs.deadlines:
            assert deadline.as_written in text


def test_link_of_a_citation_is_a_real_hyperlink() -> None:
    rendered = rc.catalogue_nodes([kr.rules_for(2022)])
    refs = {r["refuri"] for r in _section(rendered, rc.label_for("kommunalt-rusarbeid", 2022)).findall(nodes.reference)}
    assert "https://www.vol.no/nyheter/notiser/2019/05/20/Flere-midler-til-%C3%98ksnes-kommune-19075006.ece" in refs


# ---------------------------------------------------------------------------- no drift


def test_changing_a_value_changes_the_catalogue() -> None:
    original = registry.all_rule_sets()
    rules_2023 = kr.rules_for(2023)
    changed_2023 = _with_flat_amount(rules_2023, 331_000)
    changed = [changed_2023 if rs.key == rules_2023.key else rs for rs in original]

    before = rc.catalogue_nodes(original)
    after = rc.catalogue_nodes(changed)

    label = rc.label_for("kommunalt-rusarbeid", 2023)
    assert _fact_rows(_section(before, label))["flat_amount"][1] == "330 000 kr"
    assert _fact_rows(_section(after, label))["flat_amount"][1] == "331 000 kr"
    assert rules_2023.digest in _text(before) and rules_2023.digest not in _text(after)
    assert changed_2023.digest in _text(after)
    # the other years are untouched
    for year in (2021, 2022, 2024):
        other = rc.label_for("kommunalt-rusarbeid", year)
        assert _section(before, other).astext() == _section(after, other).astext()


def test_a_supplied_step_leaves_the_unknowns_page() -> None:
    rules_2022 = kr.rules_for(2022)
    supplied = rules_2022.with_ladder_step(3, Money.kroner(123_456), "Tilsagnsbrev 2022, test")
    before = rc.unknowns_nodes([rules_2022])
    after = rc.unknowns_nodes([supplied])
    assert "ladder.step_3" in _section(before, "unknowns-unknown").astext()
    assert "ladder.step_3" not in _section(after, "unknowns-unknown").astext()
    assert "Values no public source gives (2)" in _text(before) and "Values no public source gives (1)" in _text(after)


def test_sphinx_build_renders_what_the_registry_holds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A real Sphinx build: a value changed in code (here: in the registry) changes the HTML."""
    import io

    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace

    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(DOCS / '_ext')!r})\nextensions = ['rule_catalogue']\n",
        encoding="utf-8",
    )
    (src / "index.rst").write_text(
        "Catalogue\n=========\n\n.. rule-catalogue::\n\nUnknowns\n========\n\n.. rule-unknowns::\n",
        encoding="utf-8",
    )

    def build(out: str) -> str:
        warnings = io.StringIO()
        with docutils_namespace():
            app = Sphinx(str(src), str(src), str(tmp_path / out), str(tmp_path / out / ".doctrees"), "html",
                         status=None, warning=warnings, freshenv=True, warningiserror=True)
            app.build()
        assert app.statuscode == 0, warnings.getvalue()
        assert not warnings.getvalue()
        return (tmp_path / out / "index.html").read_text(encoding="utf-8")

    rules_2023 = kr.rules_for(2023)
    original = registry.all_rule_sets()
    html_before = build("before")

    changed_2023 = _with_flat_amount(rules_2023, 331_000)
    monkeypatch.setattr(registry, "all_rule_sets",
                        lambda: [changed_2023 if rs.key == rules_2023.key else rs for rs in original])
    html_after = build("after")

    assert rules_2023.digest in html_before and rules_2023.digest not in html_after
    assert changed_2023.digest in html_after
    assert "331\u00a0000 kr" in html_after or "331 000 kr" in html_after
    assert "331 000 kr" not in html_before
    assert 'id="catalogue-kommunalt-rusarbeid-2022"' in html_after
    assert "ladder.step_3" in html_after


# ---------------------------------------------------------------------------- any RuleSet subclass


@attrs.frozen
class _Band:
    low: Money
    high: Money


@attrs.frozen(kw_only=True)
class _OtherRules(RuleSet):
    priorities: tuple[Fact[str], ...] = ()
    caps: dict[str, Fact[Money]] = attrs.field(factory=dict)
    band: Fact[_Band]
    share: Fact[object]


def _other_rules() -> _OtherRules:
    source = Citation("A deck", "slide 3", url="https://example.invalid/deck", published=_dt.date(2022, 1, 27), tag="D")
    return _OtherRules(
        scheme_id="other-scheme",
        year=2022,
        title="Annet tilskudd",
        title_en="Another grant",
        status=Status.PROVISIONAL,
        citation=source,
        applicants=Fact("Kommuner(?)", Status.UNCERTAIN, source),
        deadlines=(
            Deadline(purpose=Purpose.APPLICATION, kind=DeadlineKind.VAGUE, as_written="April(?)",
                     status=Status.UNCERTAIN, citation=source),
            Deadline(purpose=Purpose.APPLICATION, kind=DeadlineKind.ROLLING, as_written="Løpende",
                     status=Status.FINAL, citation=source, county="Nordland"),
        ),
        priorities=(Fact("ACT/FACT", Status.PROVISIONAL, source), Fact("Housing First", Status.PROVISIONAL, source)),
        caps={"per_position": Fact(Money.kroner(610_000), Status.FINAL, source),
              "per_measure": Fact.unknown(source, note="not given", how_to_supply="from the announcement")},
        band=Fact(_Band(Money.kroner(1), Money.kroner(2)), Status.INFERRED, source),
        share=Fact(__import__("fractions").Fraction(1, 3), Status.ASSUMED, source),
    )


def test_any_rule_set_subclass_renders_generically() -> None:
    other = _other_rules()
    rendered = rc.catalogue_nodes([other, *registry.all_rule_sets()])
    rows = _fact_rows(_section(rendered, rc.label_for("other-scheme", 2022)))
    assert rows["priorities[0]"][1:3] == ["ACT/FACT", "provisional (foreløpig)"]
    assert rows["caps[per_position]"][1] == "610 000 kr"
    assert rows["caps[per_measure]"][1:3] == ["unknown", "unknown (ukjent)"]
    assert rows["band"][1] == "low: 1 kr, high: 2 kr"
    assert rows["share"][1] == "1/3"
    text = _section(rendered, rc.label_for("other-scheme", 2022)).astext()
    assert "April(?)" in text and "Løpende" in text and "no fixed instant" in text

    unknowns = rc.unknowns_nodes([other])
    # an unknown the supply table has no row for stops no computation: named once, with its note
    assert "caps[per_measure]" in _section(unknowns, "unknowns-unknown").astext()
    assert "no computation stops for it" in _section(unknowns, "unknowns-unknown").astext()
    assert "not given" in _section(unknowns, "unknowns-unknown").astext()
    not_final = rc.not_final_nodes([other])
    assert "applicants" in _section(not_final, "unknowns-uncertain").astext()
    assert "priorities[1]" in _section(not_final, "unknowns-provisional").astext()
    assert "1 provisional rule set" in _text(not_final)
    deadlines = _section(not_final, "unknowns-deadlines").astext()
    assert "April(?)" in deadlines and "Løpende" in deadlines


def test_format_value() -> None:
    from fractions import Fraction

    assert rc.format_value(Money.kroner(330_000)) == "330 000 kr"
    assert rc.format_value(kr.Method.LEGACY_LADDER) == "legacy-ladder"
    assert rc.format_value(True) == "True"  # as explanations and `nedtrapping rules` show it
    assert rc.format_value(Fraction(7, 2)) == "7/2"
    assert rc.format_value(_dt.date(2022, 2, 15)) == "2022-02-15"
    assert rc.format_value((Money.kroner(1), "a")) == "1 kr; a"
    assert rc.format_value(None) == "unknown"


# ---------------------------------------------------------------------------- rounds, statuses, doubt


def _deadline_rows(section: nodes.section) -> list[list[str]]:
    table = next(s for s in section.findall(nodes.section) if s["names"] and s["names"][0].endswith("-deadlines"))
    return [[entry.astext() for entry in row.findall(nodes.entry)] for row in table.findall(nodes.row)]


def test_the_catalogue_shows_each_deadlines_round() -> None:
    rendered = rc.catalogue_nodes(registry.all_rule_sets())
    rows = _deadline_rows(_section(rendered, rc.label_for("kommunalt-rusarbeid", 2021)))
    header, *body = rows
    assert header[5] == "Round"
    by_written = {row[1]: row for row in body}
    assert by_written["18. oktober 2021"][4:6] == ["Troms og Finnmark", "restmidler"]
    assert by_written["1. oktober 2021"][4:6] == ["Agder", "restmidler"]
    assert by_written["10.02.2021"][4:6] == ["national", "ordinary"]


def _value_rows(section: nodes.section) -> list[tuple[str, str]]:
    """(path, first cell text) of each row of a status table on the page of what is not sure."""
    out = []
    for row in section.findall(nodes.row):
        first = next(iter(row.findall(nodes.entry)), None)
        literals = list(first.findall(nodes.literal)) if first is not None else []
        if literals:
            out.append((literals[-1].astext(), first.astext()))
    return out


def test_every_fact_that_is_not_final_is_listed_once_under_its_status_with_its_years() -> None:
    rule_sets = registry.all_rule_sets()
    rendered = rc.not_final_nodes(rule_sets)
    sections = {status: _section(rendered, f"unknowns-{status}") for status, *_ in rc.NOT_FINAL_SECTIONS}
    rows = {status: _value_rows(sec) for status, sec in sections.items()}
    expected: dict[str, set[tuple[str, str]]] = {status: set() for status in sections}
    for rs in rule_sets:
        for path, fact in rs.facts():
            status = fact.status.value
            assert status in ("final", "unknown", *sections), f"{rs.key_text} {path}: status {status} has no section"
            if status in sections:
                expected[status].add((rs.scheme_id, path))
                # the row of this path and scheme names this year
                assert any(p == path and rs.scheme_id in text and str(rs.year) in text for p, text in rows[status]), \
                    (rs.key_text, path)
    for status in sections:
        listed = {(text.split(path)[-1].split()[0], path) for path, text in rows[status]}
        assert listed == expected[status], status
        count = sum(1 for rs in rule_sets for _p, f in rs.facts() if f.status.value == status)
        assert f"({count})" in sections[status][0].astext()


def test_the_ladder_amount_assumption_and_the_2022_pro_rata_are_listed() -> None:
    rendered = rc.not_final_nodes(registry.all_rule_sets())
    assumed = _value_rows(_section(rendered, "unknowns-assumed"))
    assert any(p == "ladder_amounts_basis" and "kommunalt-rusarbeid 2021, 2022" in t for p, t in assumed)
    assert "the ladder amounts of the 2017 and 2019 awards still apply" in _section(rendered, "unknowns-assumed").astext()
    inferred = _value_rows(_section(rendered, "unknowns-inferred"))
    pro_rata = [t for p, t in inferred if p == "pro_rata" and "kommunalt-rusarbeid" in t]
    # 2021 too (issue 23): RUSF-20 says it of the 2020 round, so 2021 following it is inferred
    assert pro_rata and any("2021, 2022, 2023, 2024" in t for t in pro_rata)


def test_deadlines_whose_source_words_carry_doubt_are_shown_even_when_settled() -> None:
    rendered = rc.not_final_nodes(registry.all_rule_sets())
    words = _section(rendered, "unknowns-doubtful-words").astext()
    # the deck's «31.3.22 ??????», confirmed by LSB-22: final, but its doubt is shown
    assert "31.3.22 ??????" in words and "LSB-22" in words and "status final" in words
    assert "31. mars(?)" in words and "a later source (LSB-22) confirmed it" in words
    # the deck's «April(?)» / «Kommuner(?)»: still uncertain
    assert "April(?)" in words and "Kommuner(?)" in words and "status uncertain" in words
    # an exact, final deadline with no doubt in its words is not there
    assert "15. februar" not in words


def test_a_deck_row_with_doubt_is_shown_without_a_registered_rule_set() -> None:
    @attrs.frozen
    class Row:
        number: int
        scheme_as_written: str
        applicants_as_written: Fact[str]
        deadline_as_written: Fact[str]
        scheme_id: str
        year: int

    source = Citation("A deck", tag="D")
    row = Row(1, "Et tilskudd", Fact("Kommuner", Status.FINAL, source), Fact("Mai(?)", Status.UNCERTAIN, source),
              "not-registered", 2022)
    words = _section(rc.not_final_nodes([], deck_rows=[row]), "unknowns-doubtful-words").astext()
    assert "deck calendar row 1" in words and "Mai(?)" in words and "The library holds" not in words
    empty = _section(rc.not_final_nodes([], deck_rows=[]), "unknowns-doubtful-words").astext()
    assert "None, in any registered rule set." in empty


# ---------------------------------------------------------------------------- for people


def test_every_fact_of_every_rule_set_has_a_label_in_both_languages() -> None:
    from nedtrapping.wording import fact_label, has_fact_label

    paths = {path for rs in registry.all_rule_sets() for path, _ in rs.facts()}
    missing = sorted(p for p in paths if not has_fact_label(p))
    assert not missing, f"add fact.<path> labels (nb and en) to src/nedtrapping/locale/*/LC_MESSAGES/labels.po: {missing}"
    for path in paths:  # bokmål and English each have a label, not the bare path
        assert fact_label(path, "nb") != path and fact_label(path, "en"), path
        assert fact_label(path, "nb") != fact_label(path, "en") or path in {"purpose"}, path


def test_the_catalogue_shows_the_label_beside_the_path() -> None:
    rendered = rc.catalogue_nodes([kr.rules_for(2022)])
    text = _section(rendered, rc.label_for("kommunalt-rusarbeid", 2022)).astext()
    assert "trinn 3 i årsstigen ladder.step_3" in text


def test_the_main_scheme_comes_first() -> None:
    rendered = rc.catalogue_nodes(registry.all_rule_sets())
    assert rendered[0]["names"] == [rc.label_for("kommunalt-rusarbeid")]
    summary = rc.summary_nodes(registry.all_rule_sets())[0]
    first = next(next(summary.findall(nodes.tbody)).findall(nodes.row))
    assert first.astext().startswith("Tilskudd til kommunalt rusarbeid 2021")


def test_a_rule_set_with_unknown_values_is_not_complete_rather_than_final() -> None:
    summary = rc.summary_nodes(registry.all_rule_sets())[0]
    rows = {row.astext().split("\n")[0]: row for row in next(summary.findall(nodes.tbody)).findall(nodes.row)}
    row_2022 = rows["Tilskudd til kommunalt rusarbeid — overgangsordning 2022"]
    cells = [entry.astext() for entry in row_2022.findall(nodes.entry)]
    assert cells[1] == "no — 2 unknown"
    assert "final" not in " ".join(cells)
    assert [entry.astext() for entry in rows["Tilskudd til kommunalt rusarbeid — overgangsordning 2024"]
            .findall(nodes.entry)][1] == "yes"
    section = _section(rc.catalogue_nodes([kr.rules_for(2022)]), rc.label_for("kommunalt-rusarbeid", 2022))
    assert "Completeno — 2 unknown (ladder.step_3, ladder.step_4)" in section.astext().replace("\n", "")


def test_the_unknowns_are_listed_once_each_with_their_years() -> None:
    rendered = rc.unknowns_nodes(registry.all_rule_sets())
    section = _section(rendered, "unknowns-unknown")
    terms = [t.astext() for t in section.findall(nodes.term)]
    assert len(terms) == len(set(terms))
    step_3 = [t for t in terms if "ladder.step_3" in t]
    assert step_3 == ["trinn 3 i årsstigen ladder.step_3 — kommunalt-rusarbeid "
                      "2021, 2022"]
    assert any("pension_premium" in t and "2021, 2022, 2023, 2024, 2025" in t for t in terms)
    # the 2023 national frame stops no computation: not in the list, named once at the end
    assert not any("national_frame" in t for t in terms)
    assert "no computation stops for it: kommunalt-rusarbeid 2023 nasjonal ramme national_frame" in section.astext()
    # the how-to text is not repeated per year: the supply table says it once
    assert section.astext().count("How to supply") == 0


def _unknowns_computations_raise() -> set[str]:
    """The paths of the unknown values the computations stop for, probed over every case they take."""
    from fractions import Fraction

    from nedtrapping.cofinancing import SalaryCost
    from nedtrapping.costs import lonnskostnader as lk
    from nedtrapping.provenance import UnknownValueError
    from nedtrapping.scheme import GrantQuery

    raised: set[str] = set()
    for scheme_id in registry.position_scheme_ids():
        scheme = registry.position_scheme(scheme_id)
        for year in registry.years_of(scheme_id):
            for first in range(year - 6, year + 1):
                for received in (None, True, False):
                    query = GrantQuery(year=year, first_grant_year=first, percent=Fraction(100),
                                       options={"received_grant_in_2021": received})
                    try:
                        scheme.rate(query)
                    except UnknownValueError as error:
                        raised.add(str(error.path))
    try:
        SalaryCost(Money.kroner(600_000), zone="1")
    except UnknownValueError as error:
        raised.add(str(error.path))
    for year in lk.YEARS:
        for zone in lk.Zone:
            rate = {"zone_1a_rate": lk.Zone1aRate.REDUCED} if zone is lk.Zone.ONE_A else {}
            for birth_year in (None, year - 65):
                for holiday in lk.HolidayPay:
                    cost = SalaryCost(Money.kroner(900_000), zone=zone.value, pension_percent="12", salary_year=year,
                                      birth_year=birth_year, holiday_pay=holiday, **rate)
                    _amount, uses = cost.figure(year)
                    raised |= {use.path for use in uses if use.fact.value is None}
    return raised


def test_the_supply_table_covers_exactly_the_unknowns_a_computation_stops_for() -> None:
    """What you must supply lists an unknown value when a computation can stop for it, and only then."""
    raised = _unknowns_computations_raise()
    supplied = set(supply_table.fact_rows())
    assert raised <= supplied, f"add a row to docs/_ext/supply_table.py for {sorted(raised - supplied)}"
    unknown_paths = {path for rs in registry.all_rule_sets() for path, fact in rs.facts() if fact.value is None}
    # an unknown the table asks for is one a computation stops for, or the input a salary cost needs (the zone)
    assert (unknown_paths & supplied) - raised == {"zone_of_municipality"}
    # the ones named as stopping nothing are never raised
    rendered = rc.unknowns_nodes(registry.all_rule_sets())
    for path in unknown_paths - supplied:
        assert path not in raised
        assert path in _section(rendered, "unknowns-unknown").astext()


def test_every_column_the_supply_table_names_is_read_by_the_positions_reader() -> None:
    """The columns of 'What you must supply', Norwegian headers as shown, in one file the reader takes."""
    from nedtrapping.readers.table import parse_positions_csv

    shown = [re.findall(r"``([^`]+)`` \(", text) for row in supply_table.ROWS for text in supply_table.columns_text(row)]
    headers = [h[0].replace("YYYY", "2022" if h[0].startswith("tildelt") else "2024") for h in shown if h]
    values = {"kommune": "K", "stilling": "P", "stillingsprosent": "100", "første_tilskuddsår": "2021",
              "årskostnad": "", "lønnsvekst": "3,5", "kostnadsår": "2022", "årslønn": "600 000", "sone": "1",
              "pensjon": "12", "feriepenger": "12", "fødselsår": "1970", "fikk_tilskudd_2021": "ja",
              "tildelt_2022": "540 000", "stillingsprosent_2024": "60"}
    assert set(headers) == set(values), set(headers) ^ set(values)
    text = ";".join(headers) + "\n" + ";".join(values[h] for h in headers) + "\n"
    (position,) = parse_positions_csv(text, source="supply table")
    assert position.options == {"received_grant_in_2021": True}
    assert str(position.granted[2022]) == "540 000 kr" and position.percent_changes == {2024: 60}


def test_every_option_the_supply_table_shows_parses() -> None:
    from nedtrapping.cli import build_parser

    for row in supply_table.ROWS:
        for option in row.cli:
            build_parser().parse_args(["plan", *shlex.split(option)])


def test_the_rate_tables_are_the_schemes_rates_never_written_by_hand() -> None:
    from nedtrapping.grant import figure
    from nedtrapping.provenance import UnknownValueError
    from nedtrapping.scheme import GrantQuery

    for scheme_id in registry.position_scheme_ids():
        scheme = registry.position_scheme(scheme_id)
        for year, n, amount, *_ in rc.rate_rows(scheme_id):
            query = GrantQuery(year=int(year), first_grant_year=int(year) - int(n) + 1,
                               options={o.name: True for o in scheme.options})
            try:
                rate = scheme.rate(query)
            except (UnknownValueError, registry.UnknownSchemeError):
                assert amount.startswith("unknown"), (scheme_id, year, n, amount)
                continue
            assert amount.startswith(str(figure(rate, 100))), (scheme_id, year, n, amount)
    rows = {(r[0], r[1]): r[2] for r in rc.rate_rows("kommunalt-rusarbeid")}
    assert rows["2023", "3"] == "330 000 kr" and rows["2022", "2"] == "550 000 kr"  # DECK, VOL-19
    assert rows["2022", "3"] == "unknown: ladder step 3" and rows["2025", "1"].startswith("0 kr")
