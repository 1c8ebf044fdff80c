"""Langvarige og sammensatte tjenestebehov 2022: priorities as the deck orders them (DECK, LSB-22)."""

from __future__ import annotations

import datetime as _dt

import pytest

from nedtrapping.deadlines import Purpose
from nedtrapping.provenance import Status
from nedtrapping.readable import read
from nedtrapping.schemes.langvarige_sammensatte import (
    MeasureType,
    TargetGroup,
    UnknownMeasureTypeError,
    parse_measure_type,
    rank_measures,
    rules_for,
)


def test_the_whole_rule_set_is_provisional() -> None:
    rules = rules_for(2022)
    assert rules.status is Status.PROVISIONAL
    assert rules.reservation.value == "Med forbehold - endringer i regelverket kommer"
    doubts = {"deck_slide_deadline", "deck_calendar_deadline"}  # the deck's own words, doubted by the deck
    for name, fact in rules.facts():
        assert fact.status is (Status.UNCERTAIN if name in doubts else Status.PROVISIONAL), name


def test_the_decks_doubted_deadline_words_are_uncertain_facts_and_lsb22_confirms_the_date() -> None:
    rules = rules_for(2022)
    assert rules.deck_slide_deadline.value == "31.3.22 ??????"
    assert rules.deck_calendar_deadline.value == "31. mars(?)"
    for fact in (rules.deck_slide_deadline, rules.deck_calendar_deadline):
        assert fact.status is Status.UNCERTAIN and fact.citation.tag == "DECK"
        assert read(fact.note) == ("Lysarket tviler på datoen (spørsmålstegn); LSB-22 (Statsforvalteren i Nordland) "
                                   "bekrefter 31. mars 2022 kl. 23:59, så selve fristen er eksakt og endelig.")
        assert read(fact.note, "en").startswith("The deck doubts the date (question marks); LSB-22")


def test_deadline_keeps_the_decks_words_and_is_confirmed_by_lsb22() -> None:
    d = rules_for(2022).deadline(Purpose.APPLICATION)
    assert d.as_written == "31.3.22 ??????"
    assert d.day == _dt.date(2022, 3, 31) and d.time == _dt.time(23, 59)
    assert d.citation.tag == "LSB-22"
    assert d.status is Status.FINAL
    assert "«31.3.22 ??????»" in read(d.note) and "så datoen er endelig" in read(d.note)
    assert "'31.3.22 ??????'" in read(d.note, "en") and "so the date is FINAL" in read(d.note, "en")


def test_facts_from_the_deck() -> None:
    rules = rules_for(2022)
    assert rules.auditor_certificate_required.value is False  # "Revisorattestasjon tas bort"
    assert rules.purpose.value == "Lønn til stillinger"
    assert rules.applicants.value == "Kommuner"
    assert rules.budget_chapter == "kap. 765 post 60"


def test_adult_priorities_in_the_decks_order() -> None:
    v = rules_for(2022).variant("voksne")
    assert [p.rank for p in v.priorities] == [1, 2, 3]
    assert v.priorities[0].measure_types == (MeasureType.ACT_FACT,)
    assert set(v.priorities[1].measure_types) == {
        MeasureType.MO_SENTER, MeasureType.LAVTERSKEL_SUBSTITUSJON,
        MeasureType.BEHANDLINGSFORBEREDENDE, MeasureType.HOUSING_FIRST,
    }
    assert v.priorities[2].measure_types == (MeasureType.NYE_METODER,)


def test_children_priorities_in_the_decks_order() -> None:
    v = rules_for(2022).variant(TargetGroup.BARN_UNGE)
    assert [p.rank for p in v.priorities] == [1, 2]
    assert v.priorities[0].measure_types == (MeasureType.ACT_FACT,)
    assert "Ung Arena" in (v.priorities[1].text.value or "")


def test_ranking_orders_adults_measures_by_priority() -> None:
    ranking = rank_measures(
        [("nye arbeidsformer", "nye-metoder"), ("Housing First", "housing first"),
         ("FACT-team", "FACT"), ("MO-senter", MeasureType.MO_SENTER)],
        "voksne",
    )
    assert [m.label for m in ranking.ranked] == ["FACT-team", "Housing First", "MO-senter", "nye arbeidsformer"]
    assert [m.priority.rank for m in ranking.ranked if m.priority] == [1, 2, 2, 3]
    assert ranking.complete


def test_ranking_reports_unprioritised_and_unknown_measures() -> None:
    ranking = rank_measures(
        [("Housing First", "housing-first"), ("ACT", "act"), ("something", "drop-in kafé")], "barn-unge"
    )
    assert [m.label for m in ranking.ranked] == ["ACT"]
    assert [m.label for m in ranking.not_prioritised] == ["Housing First"]
    assert [m.label for m in ranking.unknown] == ["something"]
    assert read(ranking.unknown[0].reason).startswith("ukjent tiltakstype «drop-in kafé»; kjente typer: act-fact, ")
    assert read(ranking.unknown[0].reason, "en").startswith("unknown measure type 'drop-in kafé'; known types: ")
    assert read(ranking.not_prioritised[0].reason) == "housing-first er ikke blant prioriteringene for barn-unge"
    assert read(ranking.not_prioritised[0].reason, "en") == "housing-first is not among the priorities for barn-unge"
    assert ranking.to_text().splitlines()[1:] == [
        "Prioritert rekkefølge (barn-unge):",
        "  1. ACT — Pri 1 (act-fact)",
        "  –  Housing First — housing-first er ikke blant prioriteringene for barn-unge",
        "  –  something — " + read(ranking.unknown[0].reason),
    ]
    assert ranking.to_text("en").splitlines()[1] == "Priority order (barn-unge):"
    assert not ranking.complete
    total = len(ranking.ranked) + len(ranking.not_prioritised) + len(ranking.unknown)
    assert total == 3


@pytest.mark.parametrize(("words", "expected"), [
    # the deck's own phrases (VOKSNE slide, Pri 1 and Pri 2)
    ("ACT/FACT", MeasureType.ACT_FACT),
    ("MO-sentre", MeasureType.MO_SENTER),
    ("Lavterskel substitusjonsbehandlingstilbud", MeasureType.LAVTERSKEL_SUBSTITUSJON),
    ("Behandlingsforberedende tiltak", MeasureType.BEHANDLINGSFORBEREDENDE),
    ("Housing First tiltak", MeasureType.HOUSING_FIRST),
    ("Utprøving og evaluering av nye metoder/ arbeidsformer og modeller på psykisk helse-, rus-\nog voldsfeltet.",
     MeasureType.NYE_METODER),
    # common short forms
    ("FACT-team", MeasureType.ACT_FACT),
    ("  housing   first ", MeasureType.HOUSING_FIRST),
])
def test_the_decks_own_words_are_accepted_as_measure_types(words: str, expected: MeasureType) -> None:
    assert parse_measure_type(words) is expected


def test_the_decks_headings_are_accepted_as_target_groups() -> None:
    for words in ("voksne", "VOKSNE", "Voksne"):
        assert rank_measures([("x", "Housing First tiltak")], words).target_group is TargetGroup.VOKSNE
    for words in ("barn/unge", "BARN/UNGE", "barn-unge", "barn og unge"):
        assert rank_measures([("x", "ACT/FACT")], words).target_group is TargetGroup.BARN_UNGE
    with pytest.raises(TypeError, match="felt «target_group»: forventet en TargetGroup eller en tekst, fikk int 3"):
        rank_measures([("x", "ACT/FACT")], 3)  # type: ignore[arg-type]


def test_the_ranking_says_it_rests_on_provisional_rules() -> None:
    ranking = rank_measures([("team", "ACT/FACT"), ("bolig", "Housing First tiltak")], "voksne")
    assert ranking.provisional and ranking.rule_set_status is Status.PROVISIONAL
    assert ranking.reservation is not None
    assert ranking.reservation.value == "Med forbehold - endringer i regelverket kommer"
    first = ranking.to_text().splitlines()[0]
    assert first == ("NB: med forbehold — endringer i regelverket kommer (DECK). Rangeringen bygger på foreløpige "
                     "regler (langvarige-sammensatte 2022: regelverket er foreløpig).")
    first_en = ranking.to_text("en").splitlines()[0]
    assert "med forbehold — endringer i regelverket kommer (DECK)" in first_en
    assert "The ranking rests on provisional rules (langvarige-sammensatte 2022: the rules are provisional)." in first_en


def test_unknown_measure_type_and_target_group_name_the_known_ones() -> None:
    with pytest.raises(UnknownMeasureTypeError, match="felt «measure_type»: ukjent tiltakstype «yoga»; kjente typer: "
                                                      "act-fact, mo-senter") as info:
        parse_measure_type("yoga")
    assert info.value.text("en").startswith("field 'measure_type': unknown measure type 'yoga'; known types: act-fact")
    with pytest.raises(ValueError, match="voksne, barn-unge"):
        rules_for(2022).variant("eldre")
