"""Rule fidelity (issue 12): each status is as sure as its source, each citation holds the value.

Every test that checks a status also names the words of the source that justify it
(the citation's ``quote``, checked against the public page when the data was written).
Expected values come from the issue and ../shared/domain/rules.md, not from the code.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from nedtrapping import sources
from nedtrapping.calendar import calendar_entries
from nedtrapping.calendars.tilskuddskalender_2022 import DECK_CALENDAR
from nedtrapping.cli import main
from nedtrapping.deadlines import Purpose
from nedtrapping.money import Money
from nedtrapping.provenance import Citation, Fact, Status
from nedtrapping.readable import read
from nedtrapping.registry import all_rule_sets, get_rule_set
from nedtrapping.schemes import kommunalt_rusarbeid as kr

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "nedtrapping"
DOCS = ROOT / "docs"


def _quote(fact_or_citation: Fact[Any] | Citation) -> str:
    citation = fact_or_citation.citation if isinstance(fact_or_citation, Fact) else fact_or_citation
    assert citation.quote, f"no quote in {citation}"
    return citation.quote


# ----------------------------------------------------------------------------- the ladder


@pytest.mark.parametrize("year", [2021, 2022])
def test_ladder_step_1_is_660000_inferred_from_the_2017_salangen_award(year: int) -> None:
    step = kr.rules_for(year).ladder.step_1  # type: ignore[union-attr]
    assert (step.value, step.status) == (Money.kroner(660_000), Status.INFERRED)
    assert step.citation.tag == "SAL-17" and step.citation.published == _dt.date(2017, 5, 1)
    words = _quote(step)
    assert "får 660.000 kroner i tilskudd innrettet mot kommunalt rusarbeid" in words
    assert "ett årsverk" in words
    # inferred, not final: the article says «ett årsverk», neither «år 1» nor «100 %»
    assert "år 1" not in words and "%" not in words and "prosent" not in words


@pytest.mark.parametrize("year", [2021, 2022])
def test_ladder_step_2_is_inferred_because_vol_19_names_no_percentage(year: int) -> None:
    ladder = kr.rules_for(year).ladder
    assert ladder is not None
    step = ladder.step_2
    assert (step.value, step.status) == (Money.kroner(550_000), Status.INFERRED)
    words = _quote(step)
    assert "ettervernkonsulent år 2 med kr 550 000" in words
    assert "%" not in words and "prosent" not in words
    percent = ladder.step_2_percent
    assert percent is not None and (percent.value, percent.status) == (100, Status.INFERRED)
    assert "ettervernkonsulent år 2 med kr 550 000" in _quote(percent)


@pytest.mark.parametrize("year", [2021, 2022])
def test_ladder_steps_3_and_4_stay_unknown(year: int) -> None:
    ladder = kr.rules_for(year).ladder
    assert ladder is not None
    for n in (3, 4):
        assert ladder.step(n).status is Status.UNKNOWN and ladder.step(n).value is None
        note = ladder.step(n).note
        assert note is not None and "An arithmetic pattern in the known steps is not a source." in note.text("en")
        assert "Et regnemønster i de kjente trinnene er ikke en kilde." in note.text("nb")


# ----------------------------------------------------------------------------- 2023 and 2024


def test_2024_frame_is_provisional_an_estimate() -> None:
    frame = kr.rules_for(2024).national_frame
    assert (frame.value, frame.status) == (Money.kroner(200_000_000), Status.PROVISIONAL)
    assert frame.citation.tag == "HDIR-24"
    assert "Beløp: 200 000 000 kr" in _quote(frame)
    assert "Oppgitt beløp er kun et anslag og kan bli korrigert senere" in _quote(frame)


def test_no_auditors_certificate_2023_is_only_inferred_vl_23_speaks_of_the_2022_report() -> None:
    # issue 23, item 1: VL-23's sentence stands under the reporting deadline for the grant received in 2022
    fact = kr.rules_for(2023).auditor_certificate_required
    assert fact is not None and (fact.value, fact.status) == (False, Status.INFERRED)
    assert fact.citation.tag == "VL-23" and fact.citation.section == "Søknad og rapportering"
    words = _quote(fact)
    assert "Rapporteringsfrist for tilskot motteke i 2022" in words
    assert "Ved rapportering er det ikkje naudsynt å levere revisorattest." in words
    assert words.index("motteke i 2022") < words.index("revisorattest")
    assert fact.note is not None
    assert "about the report on the 2022 grant" in fact.note.text("en") and "one county" in fact.note.text("en")
    assert "gjelder rapporten om tilskuddet for 2022" in fact.note.text("nb")
    assert "ett fylkes uttalelse" in fact.note.text("nb")


def test_no_auditors_certificate_2024_is_only_inferred() -> None:
    fact = kr.rules_for(2024).auditor_certificate_required
    assert fact is not None and (fact.value, fact.status) == (False, Status.INFERRED)
    # the only words for it are Vestland's, about the report on the 2022 grant
    assert fact.citation.tag == "VL-23" and "revisorattest" in _quote(fact)
    assert "Rapporteringsfrist for tilskot motteke i 2022" in _quote(fact)
    assert fact.note is not None
    assert "No 2024 source" in fact.note.text("en") and "2022 grant" in fact.note.text("en")
    assert "Ingen kilde for 2024" in fact.note.text("nb") and "tilskuddet for 2022" in fact.note.text("nb")
    # no year claims the certificate rule as final
    assert all((f := kr.rules_for(y).auditor_certificate_required) is None or f.status is not Status.FINAL
               for y in (2021, 2022, 2023, 2024))


VL_23_LADDER = "Årsstigen i den tidlegare tilskotsordninga skal følgjast og gjeld til og med 2024"


@pytest.mark.parametrize("year", [2023, 2024])
def test_vl_23_ladder_sentence_is_kept_as_an_uncertain_conflict_beside_the_flat_amount(year: int) -> None:
    # issue 23, item 2: recorded, UNCERTAIN, never used; the flat 330 000 stays and says so where it is used
    rules = kr.rules_for(year)
    (conflict,) = rules.conflicting_sources
    assert conflict.status is Status.UNCERTAIN
    assert conflict.citation.tag == "VL-23"
    assert VL_23_LADDER in _quote(conflict) and VL_23_LADDER in (conflict.value or "")
    assert "never used in a computation" in read(conflict.note, "en")
    assert "brukes aldri i en beregning" in read(conflict.note, "nb")
    flat = rules.flat_amount
    assert flat is not None and (flat.value, flat.status) == (Money.kroner(330_000), Status.FINAL)
    for lang in ("nb", "en"):
        assert "conflicting_sources" in read(flat.note, lang) and VL_23_LADDER in read(flat.note, lang)
    assert "kan leses annerledes" in read(flat.note, "nb") and "can be read otherwise" in read(flat.note, "en")
    # the computation uses the flat amount, and its explanation carries the conflict in the flat amount's note
    result = kr.compute_grant(year, first_grant_year=2021, percent=100)
    assert result.amount == Money.kroner(330_000)
    used = [u for u in result.facts_used if u.name == "flat_amount"]
    assert used and all(VL_23_LADDER in read(u.note, "nb") for u in used)
    assert not any(VL_23_LADDER in str(u.value) for u in result.facts_used)


def test_only_2023_and_2024_carry_the_vl_23_conflict() -> None:
    assert [c.citation.tag for c in kr.rules_for(2021).conflicting_sources] == ["KORUS-STO-21"]
    assert kr.rules_for(2022).conflicting_sources == ()


def test_2024_report_deadline_cites_rogaland() -> None:
    d = kr.rules_for(2024).deadline(Purpose.REPORTING)
    assert d.day == _dt.date(2025, 2, 1) and d.status is Status.FINAL
    assert d.citation.tag == "ROG-24"
    assert "Rapporteringsfrist: 1. februar 2025" in _quote(d.citation)


def test_max_four_years_in_2023_cites_a_2023_page() -> None:
    fact = kr.rules_for(2023).max_years_in_scheme
    assert (fact.value, fact.status) == (4, Status.FINAL)
    assert fact.citation.tag == "OV-23"
    assert "fullføre tilskuddsperioden på inntil fire år (2021-2024)" in _quote(fact)


@pytest.mark.parametrize(("year", "tag", "words"), [
    (2023, "MR-23", "for 100% stilling"),
    (2024, "INN-24", "for en 100 % stilling"),
])
def test_pro_rata_2023_2024_cites_the_amount_per_full_position_and_stays_inferred(year: int, tag: str,
                                                                                  words: str) -> None:
    fact = kr.rules_for(year).pro_rata
    assert (fact.value, fact.status) == (True, Status.INFERRED)
    assert fact.citation.tag == tag and words in _quote(fact)


@pytest.mark.parametrize(("year", "path", "tag", "words"), [
    (2023, "requires_grant_in_2021", "OV-23", "Kun kommuner som mottok tilskudd over ordningen i 2021"),
    (2023, "only_existing_positions", "VL-23", "ikkje mogeleg å søke om tilskot til nye stillingar"),
    (2024, "requires_grant_in_2021", "INN-24", "Kommuner som i 2021 mottok tilskudd"),
    (2024, "only_existing_positions", "INN-24", "ikke åpnes for nye søknader til nye tiltak"),
])
def test_2023_2024_eligibility_is_stated_so_final(year: int, path: str, tag: str, words: str) -> None:
    fact = kr.rules_for(year).fact(path)
    assert (fact.value, fact.status) == (True, Status.FINAL)
    assert fact.citation.tag == tag and words in _quote(fact)


def test_2024_carry_over_exception_is_a_fact_with_inn_24s_words() -> None:
    rules = kr.rules_for(2024)
    fact = rules.carry_over_exception
    assert fact is not None and fact.status is Status.FINAL and fact.citation.tag == "INN-24"
    words = "med mindre det søkes om å få godkjent overføring av ubrukte midler"
    assert words in (fact.value or "") and words in _quote(fact)
    # the explanation of a 2024 zero shows the rule it rests on, and that rule's note names the exception
    result = kr.compute_grant(2024, first_grant_year=2020, percent=100)
    assert result.amount == Money.zero()
    notes = [u.note for u in result.facts_used if u.name == "max_years_in_scheme"]
    assert notes and all(words in read(n, lang) for n in notes for lang in ("nb", "en"))
    assert all("se unntaket for overføring av ubrukte midler" in read(n, "nb") for n in notes)
    # no other year claims the exception
    assert all(kr.rules_for(y).carry_over_exception is None for y in (2021, 2022, 2023))


# ----------------------------------------------------------------------------- other sources


def test_nav_one_year_is_not_final_because_nav_22_says_primarily() -> None:
    fact = get_rule_set("nav-sosiale-tjenester", 2022).fact("years_per_grant")
    assert fact.value == 1 and fact.status is not Status.FINAL
    assert fact.status is Status.UNCERTAIN
    assert "Tilskudd gis primært for ett år" in _quote(fact)


def test_helsedirektoratet_citations_name_the_version_they_quote() -> None:
    assert sources.HDIR_21.url == sources.HDIR_24.url  # one address, rewritten in place
    assert "2021" in sources.HDIR_21.document and "10. februar 2021" in sources.HDIR_21.document
    assert "2024" in sources.HDIR_24.document and "01. februar 2024" in sources.HDIR_24.document
    assert "inntil fire (4) år med en årlig reduksjon av tilskuddsbeløp" in _quote(sources.HDIR_21)
    assert "Oppgitt beløp er kun et anslag" in _quote(sources.HDIR_24)


def test_tf_21_points_at_the_grant_page_not_the_home_page() -> None:
    assert sources.TF_21.url == \
        "https://www.statsforvalteren.no/troms-finnmark/tilskudd/2021/10/tilskudd-til-kommunalt-rusarbeid/"
    assert "18. oktober 2021" in _quote(sources.TF_21) and "76 mill. kroner" in _quote(sources.TF_21)


def test_the_deck_is_not_attributed_to_a_county_it_does_not_name() -> None:
    assert "fylket er ikke nevnt i lysarkene" in sources.DECK.document
    assert "Troms og Finnmark" not in sources.DECK.document
    seed = ROOT.parent / "shared" / "seeds" / "000_3cc30d92ddb7e090.txt"
    if seed.exists():
        text = seed.read_text(encoding="utf-8")
        assert "Troms og Finnmark" not in text
        assert _quote(sources.DECK) in text


RUSF_20_WORDS = ("Beregningen tar utgangspunkt i 100 % stillingsressurs. Ved reduksjon i stillingsprosent, skal "
                 "tilskuddet reduseres tilsvarende.")


def test_2021_pro_rata_quotes_rusf_20_and_is_inferred_because_rusf_20_is_about_2020() -> None:
    # issue 23, item 3
    fact = kr.rules_for(2021).pro_rata
    assert (fact.value, fact.status) == (True, Status.INFERRED)
    assert fact.citation.tag == "RUSF-20" and _quote(fact) == RUSF_20_WORDS
    assert "2020" in (fact.citation.section or "") and "2021" in read(fact.note, "en")
    assert "That 2021, under the same rules, did the same is inferred" in read(fact.note, "en")
    assert "At det samme gjaldt i 2021, med samme regelverk, er utledet" in read(fact.note, "nb")
    assert _quote(sources.RUSF_20) == RUSF_20_WORDS
    assert sources.RUSF_20.url == "https://www.rusfeltet.no/arkiv/en-halv-milliard-i-tilskudd-til-kommunalt-rusarbeid"
    # 2022 («beregnes som tidligere») quotes the same words and stays inferred
    fact_2022 = kr.rules_for(2022).pro_rata
    assert (fact_2022.status, _quote(fact_2022)) == (Status.INFERRED, RUSF_20_WORDS)


def test_2021_new_positions_cite_ov_21_not_tf_21() -> None:
    # issue 23, item 4
    fact = kr.rules_for(2021).only_existing_positions
    assert (fact.value, fact.status) == (False, Status.FINAL)
    assert fact.citation.tag == "OV-21"
    assert "Dette alternativet fører deg til søknad om nye stillinger og gjelder alle kommunene som søker nå" \
        in _quote(fact)
    assert "Målet med tilskuddet" != fact.citation.section


def test_2022_target_group_cites_nord_22_in_its_words() -> None:
    # issue 23, item 5
    fact = kr.rules_for(2022).target_group
    assert fact is not None and fact.status is Status.FINAL
    assert fact.citation.tag == "NORD-22" and fact.citation.published == _dt.date(2022, 1, 28)
    words = "Personer, eller grupper av personer, med rusmiddelrelaterte problemer og deres pårørende"
    assert fact.value == words and words in _quote(fact)
    # 2021 keeps TF-21's wording
    fact_2021 = kr.rules_for(2021).target_group
    assert fact_2021 is not None and fact_2021.citation.tag == "TF-21"


def test_the_korus_21_february_conflict_is_kept_uncertain_beside_the_10_february_deadline() -> None:
    rules = kr.rules_for(2021)
    assert rules.deadline(Purpose.APPLICATION).day == _dt.date(2021, 2, 10)
    (conflict,) = rules.conflicting_sources
    assert conflict.status is Status.UNCERTAIN
    assert conflict.citation.tag == "KORUS-STO-21"
    assert "innen 21. februar" in _quote(conflict)
    assert "10. februar 2021" in _quote(sources.KORUS_21) and "10.02.2021" in _quote(sources.INN_21)


def test_langvarige_health_trust_condition_is_recorded() -> None:
    rules = get_rule_set("langvarige-sammensatte", 2022)
    fact = rules.fact("co_applicant_condition")
    assert fact.status is Status.PROVISIONAL
    assert "transitional" in (fact.value or "") and "cooperation agreement" in (fact.value or "")


# ----------------------------------------------------------------------------- the calendar


def _entries(scheme: str, year: int, purpose: Purpose | None = None, **kw: Any) -> list[Any]:
    return [e for e in calendar_entries(**kw) if e.scheme_id == scheme and e.year == year
            and (purpose is None or e.purpose is purpose)]


def test_more_og_romsdal_residual_round_2021_is_in_the_calendar() -> None:
    hits = [e for e in _entries("kommunalt-rusarbeid", 2021) if e.county == "Møre og Romsdal"]
    got = {(e.purpose, e.deadline.day, e.round) for e in hits}
    assert got == {
        (Purpose.APPLICATION, _dt.date(2021, 9, 15), "regionale restmidler"),
        (Purpose.REPORTING, _dt.date(2022, 2, 1), "regionale restmidler"),
    }
    app = next(e for e in hits if e.purpose is Purpose.APPLICATION)
    assert app.deadline.citation.tag == "MR-21R"
    assert "4,8 millionar" in _quote(sources.MR_21R) and "4.8 MNOK" in read(app.deadline.note, "en")
    assert "Statsforvaltaren i Møre og Romsdals egne 4,8 mill. kroner" in read(app.deadline.note, "nb")
    # a round of its own: it replaces neither the ordinary round nor the national residual round
    assert kr.rules_for(2021).deadline(Purpose.APPLICATION, "Møre og Romsdal").day == _dt.date(2021, 2, 10)


@pytest.mark.parametrize(("county", "day", "round_", "tag", "as_written", "words"), [
    ("Vestland", _dt.date(2021, 5, 25), "regionale restmidler", "VL-21", "25. mai 2021 23:59",
     "har att om lag 4 000 000 kroner til fordeling til kommunalt rusarbeid i 2021 og lyser ut tilskotet på nytt"),
    ("Trøndelag", _dt.date(2021, 10, 15), "restmidler", "TRL-21", "15. oktober 2021 23.59",
     "restmidler fra tilskuddsordningen kommunalt rusarbeid kap. 765.62 skal lyses ut på nytt"),
])
def test_the_vestland_and_trondelag_2021_rounds_are_in_the_rule_set_and_calendar(
        county: str, day: _dt.date, round_: str, tag: str, as_written: str, words: str) -> None:
    # issue 23, item 6
    d = kr.rules_for(2021).deadline(Purpose.APPLICATION, county, round_)
    assert (d.county, d.day, d.time, d.status, d.as_written) == (county, day, _dt.time(23, 59), Status.FINAL,
                                                                 as_written)
    assert d.citation.tag == tag and f"Søknadsfrist: {as_written}" == _quote(d.citation)
    assert words in _quote(getattr(sources, tag.replace("-", "_")))
    hits = [e for e in _entries("kommunalt-rusarbeid", 2021, Purpose.APPLICATION) if e.county == county]
    assert [(e.deadline.day, e.round) for e in hits] == [(day, round_)]
    # a round of its own: the county's ordinary-round date is still the national 10 February
    assert kr.rules_for(2021).deadline(Purpose.APPLICATION, county).day == _dt.date(2021, 2, 10)


def test_vl_21_and_trl_21_name_their_pages() -> None:
    assert sources.VL_21.url == \
        "https://www.statsforvalteren.no/nn/vestland/tilskot/2021/05/tilskot-til-kommunalt-rusarbeid/"
    assert sources.VL_21.published == _dt.date(2021, 4, 28)
    assert sources.TRL_21.url == ("https://www.statsforvalteren.no/nb/Trondelag/Tilskudd/2021/10/"
                                  "tilskudd-til-kommunalt-rusarbeid--restmidler-for-2021---2.-utlysning/")
    assert sources.TRL_21.published == _dt.date(2021, 9, 6)


def test_the_cli_calendar_csv_lists_the_vestland_and_trondelag_2021_rounds(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "--csv", "-"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    for day, county in (("2021-05-25", "Vestland"), ("2021-10-15", "Trøndelag")):
        assert any(day in line and county in line and "rusarbeid" in line.lower() for line in lines), (day, county)


def test_the_cli_rules_2021_shows_pro_rata_quoted_and_2023_2024_show_the_vl_23_conflict(
        capsys: pytest.CaptureFixture[str]) -> None:
    rules = _rules_json(capsys, "kommunalt-rusarbeid", "2021")
    assert rules["pro_rata"]["citation"]["quote"] == RUSF_20_WORDS
    assert rules["pro_rata"]["status"] == "inferred"
    assert rules["only_existing_positions"]["citation"]["tag"] == "OV-21"
    for year in ("2023", "2024"):
        (conflict,) = _rules_json(capsys, "kommunalt-rusarbeid", year)["conflicting_sources"]
        assert conflict["status"] == "uncertain" and VL_23_LADDER in conflict["citation"]["quote"]
    assert main(["rules", "kommunalt-rusarbeid", "2021"]) == 0
    text = capsys.readouterr().out
    assert "Ved reduksjon i stillingsprosent" in text


def test_the_cli_calendar_shows_the_more_og_romsdal_residual_round(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "--county", "Møre og Romsdal"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"15\.09\.2021 23:59 .*regionale restmidler — Møre og Romsdal", out)


def test_prosjektskjonn_rounds_are_apart() -> None:
    entries = _entries("prosjektskjonnsmidler", 2022, Purpose.APPLICATION)
    by_county = {e.county: e for e in entries}
    deck = by_county[None]
    assert deck.deadline.day == _dt.date(2022, 11, 1) and deck.round is None
    assert deck.deck_row is not None and deck.deck_row.number == 4
    assert read(deck.deadline.note).startswith("Utlysningen av midler for året etter")
    assert "following year's money" in read(deck.deadline.note, "en")
    assert "01.11.2022" in _quote(sources.AGD_PS_23) and "2023" in _quote(sources.AGD_PS_23)
    for county, day, tag in (("Nordland", _dt.date(2022, 2, 25), "NORD-PS-22"),
                             ("Oslo og Viken", _dt.date(2022, 3, 31), "OV-PS-22")):
        e = by_county[county]
        assert (e.deadline.day, e.round, e.deadline.citation.tag) == (day, "midler for 2022", tag)
    # Nordland's February date is not an override of the November call
    nordland = _entries("prosjektskjonnsmidler", 2022, Purpose.APPLICATION, county="Nordland")
    national = next(e for e in nordland if e.county is None)
    assert national.deadline.day == _dt.date(2022, 11, 1) and not national.county_has_own_date
    rules = get_rule_set("prosjektskjonnsmidler", 2022)
    assert rules.deadline(Purpose.APPLICATION, "Nordland").day == _dt.date(2022, 11, 1)
    assert rules.deadline(Purpose.APPLICATION, "Nordland", "midler for 2022").day == _dt.date(2022, 2, 25)


def test_langvarige_reporting_deadlines_are_in_the_calendar() -> None:
    got = {(e.county, e.deadline.day, e.deadline.time, e.deadline.citation.tag)
           for e in _entries("langvarige-sammensatte", 2022, Purpose.REPORTING)}
    assert got == {
        (None, _dt.date(2023, 4, 1), _dt.time(23, 59), "HDIR-LSB-23"),
        ("Nordland", _dt.date(2023, 2, 15), _dt.time(23, 59), "LSB-22"),
    }
    assert "Rapporteringsfrist for 2022: 01. april 2023" in _quote(sources.HDIR_LSB_23)


def test_frisklivs_county_dates_2022_are_in_the_calendar() -> None:
    got = {(e.county, e.deadline.day, e.deadline.citation.tag)
           for e in _entries("frisklivs-og-laeringstilbud", 2022, Purpose.APPLICATION) if e.county}
    assert got == {("Agder", _dt.date(2022, 3, 23), "AGD-FL-22"), ("Trøndelag", _dt.date(2022, 4, 1), "TRL-FL-22")}
    assert "Søknadsfrist for 2022 er 23. mars." == _quote(sources.AGD_FL_22)
    assert "Søknadsfristen er 1. april 2022." == _quote(sources.TRL_FL_22)
    # the deck's «Vår» stays the national, assumed-period entry
    national = [e for e in _entries("frisklivs-og-laeringstilbud", 2022, Purpose.APPLICATION) if e.county is None]
    assert [e.deadline.as_written for e in national] == ["Vår"]


# ----------------------------------------------------------------------------- rules --json


def _rules_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    assert main(["rules", *argv, "--json"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)
    rule_set: dict[str, Any] = entry["rule_set"]
    return rule_set


def test_rules_json_2022_shows_step_1_inferred_and_step_2_percentage_inferred(
        capsys: pytest.CaptureFixture[str]) -> None:
    ladder = _rules_json(capsys, "kommunalt-rusarbeid", "2022")["ladder"]
    assert ladder["step_1"]["value"] == {"ore": 66_000_000} and ladder["step_1"]["status"] == "inferred"
    assert ladder["step_1"]["citation"]["tag"] == "SAL-17"
    assert "ett årsverk" in ladder["step_1"]["citation"]["quote"]
    assert ladder["step_2_percent"]["value"] == 100 and ladder["step_2_percent"]["status"] == "inferred"
    assert ladder["step_3"]["value"] is None and ladder["step_3"]["status"] == "unknown"


def test_rules_json_2024_shows_the_frame_provisional_and_the_report_date_cited_to_rog_24(
        capsys: pytest.CaptureFixture[str]) -> None:
    rules = _rules_json(capsys, "kommunalt-rusarbeid", "2024")
    assert rules["national_frame"]["status"] == "provisional"
    (report,) = [d for d in rules["deadlines"] if d["purpose"] == "reporting"]
    assert report["day"] == "2025-02-01" and report["citation"]["tag"] == "ROG-24"


# ----------------------------------------------------------------------------- the sources table


def _citations(value: Any, seen: set[int] | None = None) -> list[Citation]:
    """Every Citation reachable from a value (rule sets, facts, deadlines, rows), by walking attrs fields."""
    import attrs

    seen = set() if seen is None else seen
    if id(value) in seen:
        return []
    seen.add(id(value))
    if isinstance(value, Citation):
        return [value]
    out: list[Citation] = []
    if isinstance(value, (tuple, list)):
        for item in value:
            out += _citations(item, seen)
    elif isinstance(value, dict):
        for item in value.values():
            out += _citations(item, seen)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            out += _citations(getattr(value, field.name), seen)
    return out


#: Tags for what the user gives, not public sources: explained on the sources page, not rows of its table.
USER_TAGS = {"USER", "INPUT"}


def _tags_in_code() -> set[str]:
    tags: set[str] = set()
    for path in SRC.rglob("*.py"):
        tags |= set(re.findall(r'\btag="([^"]+)"', path.read_text(encoding="utf-8")))
    for rules in all_rule_sets():
        tags |= {c.tag for c in _citations(rules) if c.tag}
    tags |= {c.tag for c in _citations(DECK_CALENDAR) if c.tag}
    return tags


def test_every_citation_tag_used_in_the_code_is_in_the_docs_sources_table() -> None:
    sys.path.insert(0, str(DOCS / "_ext"))
    import sources_table

    table_tags = {row[0] for row in sources_table.source_rows()}
    used = _tags_in_code()
    assert {"SAL-17", "ROG-24", "MR-21R", "OV-PS-22", "KORUS-STO-21", "INN-21", "KORUS-21", "OV-21", "MR-22",
            "NORD-PS-22"} <= used
    assert used - USER_TAGS <= table_tags, sorted(used - USER_TAGS - table_tags)
    page = (DOCS / "reference" / "sources.rst").read_text(encoding="utf-8")
    assert ".. source-table::" in page
    for tag in USER_TAGS:
        assert f"``{tag}``" in page


def test_each_cited_tag_is_the_source_in_sources_py() -> None:
    by_tag = {c.tag: c for c in sources.ALL_SOURCES}
    for rules in all_rule_sets():
        for c in _citations(rules):
            if c.tag in USER_TAGS or c.tag is None:
                continue
            base = by_tag[c.tag]
            assert (c.document, c.url, c.published) == (base.document, base.url, base.published), c


def test_every_row_of_the_sources_table_has_address_version_and_quote_or_says_why_not() -> None:
    sys.path.insert(0, str(DOCS / "_ext"))
    import sources_table

    rows = sources_table.source_rows()
    assert len(rows) == len(sources.ALL_SOURCES) == len({r[0] for r in rows})
    for tag, document, address, version, quote in rows:
        assert tag and document
        assert address.startswith("http") or address == sources_table.NO_ADDRESS
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", version) or version == sources_table.NO_DATE
        assert quote.startswith("«") or quote == sources_table.NO_QUOTE
    quoted = {r[0] for r in rows if r[4].startswith("«")}
    assert {"DECK", "TF-21", "VOL-19", "SAL-17", "HDIR-21", "HDIR-24", "MR-21R", "MR-23", "VL-23", "OV-23",
            "INN-24", "ROG-24", "NAV-22", "KORUS-STO-21", "OV-PS-22", "NORD-PS-22"} <= quoted


# ----------------------------------------------------------------------------- prose against the catalogue
# Issue 23, item 8: prose named statuses the catalogue did not have. In the docs a value or status of a
# rule is written with the roles of docs/_ext/rule_roles.py (read from the rule sets while the docs are
# built); the README, which Sphinx does not build, has each statement about the rules checked here.


def _roles() -> Any:
    sys.path.insert(0, str(DOCS / "_ext"))
    import rule_roles

    return rule_roles


def test_the_rule_roles_render_the_catalogues_value_and_status() -> None:
    roles = _roles()
    assert roles.resolve("kommunalt-rusarbeid 2022 ladder.step_2", with_value=True) == "550 000 kr (inferred)"
    assert roles.resolve("kommunalt-rusarbeid 2021-2022 ladder.step_3", with_value=False) == "unknown"
    assert roles.resolve("kommunalt-rusarbeid 2023-2024 flat_amount", with_value=True) == "330 000 kr (final)"
    assert roles.resolve("kommunalt-rusarbeid 2021-2024 pro_rata", with_value=False) == "inferred"
    assert roles.parse_target("x 2021,2023-2024 p,q") == ("x", (2021, 2023, 2024), ("p", "q"))
    assert roles.resolve("kommunalt-rusarbeid 2021-2022 ladder.step_3,ladder.step_4", with_value=False) == "unknown"


@pytest.mark.parametrize("target", [
    "kommunalt-rusarbeid 2023-2024 national_frame",       # unknown in 2023, provisional in 2024
    "kommunalt-rusarbeid 2021-2022 requires_grant_in_2021",  # False, then True (with the value)
    "kommunalt-rusarbeid 2022 ladder.step_2,ladder.step_3",  # inferred and unknown
    "kommunalt-rusarbeid 2022 no_such_fact",
    "kommunalt-rusarbeid 2022",
])
def test_a_rule_role_refuses_years_that_disagree_and_names_that_do_not_exist(target: str) -> None:
    roles = _roles()
    with pytest.raises(roles.RoleError):
        roles.resolve(target, with_value=True)


def _ladder_statuses(step: int) -> set[Status]:
    return {kr.rules_for(year).ladder.step(step).status for year in (2021, 2022)}  # type: ignore[union-attr]


#: Each statement the README makes about the rules (whitespace normalised), with its check on the catalogue.
README_CLAIMS: dict[str, Any] = {
    "2022 computed as before (the legacy year ladder, pro rata)":
        lambda: kr.rules_for(2022).method.value is kr.Method.LEGACY_LADDER and kr.rules_for(2022).pro_rata.value,
    "2023–2024 a flat 330 000 kr per 100 % position":
        lambda: all(kr.rules_for(y).flat_amount.value == Money.kroner(330_000)  # type: ignore[union-attr]
                    for y in (2023, 2024)),
    "nothing from 2025": lambda: all(kr.rules_for(y).last_grant_year.value == 2024 for y in (2021, 2022, 2023, 2024)),
    "legacy ladder steps 3 and 4 are unknown (in no public source)":
        lambda: _ladder_statuses(3) == _ladder_statuses(4) == {Status.UNKNOWN},
    "steps 1 and 2 are inferred from single awards reported in the press":
        lambda: _ladder_statuses(1) == _ladder_statuses(2) == {Status.INFERRED},
}


def _readme_text() -> str:
    return " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())


@pytest.mark.parametrize("claim", sorted(README_CLAIMS))
def test_each_readme_statement_about_the_rules_holds_in_the_catalogue(claim: str) -> None:
    assert claim in _readme_text(), f"README.md no longer says {claim!r}: update README_CLAIMS with it"
    assert README_CLAIMS[claim](), f"README.md says {claim!r}, the rule sets do not"


#: A sentence that names a ladder step (or a rule value in kroner); in a paragraph with a status word it
#: must take the status from the catalogue.
_STEP = re.compile(r"\bsteps? [1-4]\b|\b(one|two|three) of the four\b|\b(330|550|660) 000 kr\b", re.IGNORECASE)
_STATUS_WORD = re.compile(r"\b(final|inferred|unknown|uncertain|provisional|assumed|confirm\w*|not public|"
                          r"public source)\b", re.IGNORECASE)
_ROLE = re.compile(r":rule-(status|value):`[^`]*`")


def _prose(text: str) -> list[str]:
    """The paragraphs of an .rst or .md text, without directive bodies, literal blocks and fenced code."""
    paragraphs: list[str] = []
    current: list[str] = []
    block_indent: int | None = None  # inside the body of a directive or literal block indented deeper than this
    fenced = False
    for line in text.splitlines():
        indent = len(line) - len(line.lstrip())
        if line.startswith("```"):
            fenced = not fenced
            continue
        if fenced:
            continue
        if block_indent is not None:
            if not line.strip() or indent > block_indent:
                continue
            block_indent = None
        if re.match(r"\s*\.\. ", line) or line.rstrip().endswith("::"):
            block_indent = indent
            if not line.rstrip().endswith("::") or re.match(r"\s*\.\. ", line):
                continue
        if not line.strip():
            if current:
                paragraphs.append(" ".join(current))
            current = []
        else:
            current.append(line.strip())
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def _split(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", paragraph) if s]


def _sentences(text: str) -> list[str]:
    return [s for p in _prose(text) for s in _split(p)]


def _hand_written_statuses(text: str) -> list[str]:
    """Sentences naming a ladder step or a rule amount, in a paragraph that names a status, without a role.

    Paragraph, not sentence: a definition list puts the status in its term («``final``») and the
    example in the next sentence.
    """
    return [s for p in _prose(text) if _STATUS_WORD.search(_ROLE.sub("", p))
            for s in _split(p) if _STEP.search(_ROLE.sub("", s)) and not _ROLE.search(s)]


def test_no_docs_sentence_names_a_ladder_step_with_a_status_by_hand() -> None:
    offenders = []
    for path in sorted(DOCS.rglob("*.rst")):
        if "_build" in path.parts:
            continue
        offenders += [f"{path.relative_to(ROOT)}: {s}" for s in _hand_written_statuses(path.read_text(encoding="utf-8"))]
    assert not offenders, "use :rule-status:/:rule-value: for these:\n" + "\n".join(offenders)


def test_no_readme_sentence_names_a_ladder_step_with_a_status_unchecked() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    unchecked = [s for s in _hand_written_statuses(readme) if not any(c in s for c in README_CLAIMS)]
    assert not unchecked, "add these README statements to README_CLAIMS:\n" + "\n".join(unchecked)
