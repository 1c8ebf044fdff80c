"""The notes of the rule values and deadlines of NAV, langvarige og sammensatte behov, lønnskostnader and the 2022
calendar are catalogue words: a Notice, never a plain string, each id in bokmål and English with the same fields.

Why: a note is what a finance officer reads beside a rule value; it must be there in both languages, and a
plain string would be English (or Norwegian) whatever the reader asked for.
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from decimal import Decimal
from importlib.resources import files
from typing import Any

import attrs
import pytest

from nedtrapping.calendars import tilskuddskalender_2022 as kalender
from nedtrapping.costs import lonnskostnader as lk
from nedtrapping.deadlines import Deadline
from nedtrapping.po import parse
from nedtrapping.provenance import Citation, Fact
from nedtrapping.readable import LANGS
from nedtrapping.registry import all_rule_sets
from nedtrapping.schemes import langvarige_sammensatte as lsb
from nedtrapping.schemes import nav_sosiale_tjenester as nav
from nedtrapping.wording import Notice, catalogue

#: The modules whose words are checked here, by their catalogue file.
CATALOGUES = ("nav_sosiale_tjenester", "langvarige_sammensatte", "lonnskostnader", "tilskuddskalender_2022")
SCHEMES = {nav.SCHEME_ID, lsb.SCHEME_ID, lk.SCHEME_ID, kalender.FRISKLIV.scheme_id,
           kalender.HUSBANKEN_BOLIGSOSIALE.scheme_id, kalender.FASTLEGER_KORONA.scheme_id,
           kalender.PROSJEKTSKJONN.scheme_id, kalender.KOMPETANSE_INNOVASJON.scheme_id,
           kalender.NYTT_PSYKISK_HELSE_RUS.scheme_id}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _walk(value: object, path: str) -> Iterator[tuple[str, Fact[Any] | Deadline]]:
    """Every fact and deadline inside ``value`` (a rule set, a variant, a deadline …), with where it is."""
    if isinstance(value, Citation):
        return
    if isinstance(value, (Fact, Deadline)):
        yield path, value
    if isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            yield from _walk(item, f"{path}[{i}]")
    elif attrs.has(type(value)) and not isinstance(value, Notice):
        for field in attrs.fields(type(value)):
            yield from _walk(getattr(value, field.name), f"{path}.{field.name}")


def _notices(notice: Notice) -> Iterator[Notice]:
    """A notice and every notice among its fields."""
    yield notice
    for _, value in notice.fields:
        if isinstance(value, Notice):
            yield from _notices(value)


def _words() -> list[tuple[str, str, Notice]]:
    """Every note and how-to-supply of every fact and deadline of the modules' rule sets (and the calendar's)."""
    rule_sets = [r for r in all_rule_sets() if r.scheme_id in SCHEMES]
    assert {r.scheme_id for r in rule_sets} == SCHEMES
    owners: list[tuple[str, object]] = [(r.key_text, r) for r in rule_sets]
    owners += [("DECK_CALENDAR", kalender.DECK_CALENDAR), ("CALENDAR_YEAR", kalender.CALENDAR_YEAR),
               ("SPRING_PERIOD", kalender.SPRING_PERIOD)]
    found: list[tuple[str, str, Notice]] = []
    for owner, value in owners:
        for path, item in _walk(value, owner):
            for kind in ("note", "how_to_supply"):
                words = getattr(item, kind, None)
                if words is None:
                    continue
                assert isinstance(words, Notice), f"{path}.{kind} is {type(words).__name__} {words!r}, not a Notice"
                found.append((path, kind, words))
    return found


WORDS = _words()


def test_the_rule_sets_have_notes_to_check() -> None:
    # a walk that found nothing would pass every test below: the rule sets have dozens of notes
    paths = {path for path, _, _ in WORDS}
    assert len(WORDS) > 100
    assert "lonnskostnader 2025.pension_premium" in paths
    assert "langvarige-sammensatte 2022.deadlines[0]" in paths
    assert {kind for _, kind, _ in WORDS} == {"note", "how_to_supply"}


@pytest.mark.parametrize(("path", "kind", "notice"), WORDS, ids=[f"{p}.{k}" for p, k, _ in WORDS])
def test_every_note_is_a_notice_in_both_languages_with_the_same_fields(path: str, kind: str, notice: Notice) -> None:
    for part in _notices(notice):
        templates = {lang: catalogue(lang).get(part.key) for lang in LANGS}
        assert all(templates.values()), f"{path}.{kind}: {part.key} is missing in {templates}"
        nb, en = templates["nb"], templates["en"]
        assert nb is not None and en is not None
        assert _fields(nb) == _fields(en) == {name for name, _ in part.fields}, part.key
    texts = {lang: notice.text(lang) for lang in LANGS}
    assert texts["nb"] and texts["en"] and "{" not in texts["nb"] + texts["en"]


def test_how_to_supply_says_where_the_value_is_in_words_only() -> None:
    hows = [(path, notice) for path, kind, notice in WORDS if kind == "how_to_supply"]
    assert hows
    for path, notice in hows:
        for lang in LANGS:
            words = notice.text(lang)
            # no Python call, no command-line option, no file column: the command line and Python add those
            assert "(..." not in words and "--" not in words and "SalaryCost" not in words, (path, words)
            assert "pension_percent" not in words and "'pensjon'" not in words and "'sone'" not in words, path


@pytest.mark.parametrize("name", CATALOGUES)
def test_each_catalogue_has_every_id_in_both_languages_with_the_same_fields(name: str) -> None:
    entries = {lang: parse(files("nedtrapping").joinpath("locale", lang, "LC_MESSAGES", f"{name}.po")
                           .read_text(encoding="utf-8"), f"{lang}/{name}.po") for lang in LANGS}
    assert entries["nb"].keys() == entries["en"].keys()
    for key, nb in entries["nb"].items():
        assert _fields(nb) == _fields(entries["en"][key]), key
        assert nb != "" and entries["en"][key] != "", key


def test_a_rate_in_the_words_is_the_rule_value_with_the_languages_decimal_mark() -> None:
    rates = lk.rules_for(2023).employer_contribution
    assert (rates.zone_1a_full.value, rates.zone_1a_reduced.value) == (Decimal("14.1"), Decimal("10.6"))
    note = rates.zone_1a_reduced.note
    assert note is not None
    assert note.text("nb").startswith("STICOS-23 oppgir 14,1 % for sone 1a med «særskilte regler om fribeløp»; "
                                      "den reduserte satsen på 10,6 % så lenge fribeløpet varer,")
    assert note.text("en").startswith("STICOS-23 gives 14.1 % for zone 1a with «særskilte regler om fribeløp»; "
                                      "the reduced 10.6 % while the allowance lasts")
    how = lk.rules_for(2025).zone_1a_allowance.how_to_supply
    assert how is not None
    assert how.text("nb") == ("trengs ikke for en kostnad: oppgi en stilling i sone 1a som «1a redusert» (10,6 %) "
                              "eller «1a full» (14,1 %).")
    assert how.text("en") == ("not needed for a cost: give a zone-1a position as '1a redusert' (10.6 %) or "
                              "'1a full' (14.1 %).")


def test_a_deadline_note_reads_in_the_language_asked_for() -> None:
    (nordland,) = [d for d in nav.RULES_2022.deadlines if d.county == "Nordland"]
    assert nordland.note is not None
    assert nordland.note.text("nb") == "Statsforvalteren i Nordland forlenget fristen"
    assert nordland.note.text("en") == "Statsforvalteren i Nordland extended the deadline"
    deck = kalender.PROSJEKTSKJONN.deadline()
    assert deck.note is not None
    assert deck.note.text("nb").endswith("Tabellen oppgir ikke år: 2022 er utledet av datoen på lysarket "
                                         "(27.01.2022). Kl. 23:59 Europe/Oslo er bibliotekets regel for en dag "
                                         "uten klokkeslett.")
    assert deck.note.text("en").endswith("The table gives no year: 2022 is INFERRED from the deck's date "
                                         "(27.01.2022). 23:59 Europe/Oslo is the library's rule for a day without "
                                         "a time.")


def test_a_rate_an_explanation_used_is_a_percentage_in_the_readers_language() -> None:
    from nedtrapping.cofinancing import SalaryCost
    from nedtrapping.money import Money

    breakdown = SalaryCost(Money.kroner(600_000), zone="1", pension_percent=12, birth_year=1960).breakdown(2024)
    nb, en = breakdown.explanation().to_text("nb"), breakdown.explanation().to_text("en")
    assert "· arbeidsgiveravgift, sone 1 = 14,1 % (endelig; " in nb
    assert "· employer's contribution, zone 1 = 14.1 % (final; " in en
    assert "· feriepengetillegg fra 60 år, sats = 2,3 prosentpoeng (endelig; " in nb
    assert "· holiday-pay supplement from age 60, rate = 2.3 percentage points (final; " in en
    # and the figures: the rate with the language's decimal mark, the amounts as kroner are written
    assert "Arbeidsgiveravgift, sone 1: 14,1 % × (" in nb and "Employer's contribution, zone 1: 14.1 % × (" in en


WORDED_RULES = ("contribution_base", "holiday_deduction", "holiday_pay_accrual", "senior_extra_deduction",
                "pension_base", "extra_contribution_basis")


@pytest.mark.parametrize("year", lk.YEARS)
def test_a_cost_rule_stated_in_words_reads_in_the_readers_language(year: int) -> None:
    rules = lk.rules_for(year)
    for name in WORDED_RULES:
        fact = getattr(rules, name)
        if fact is None:  # the extra contribution's basis: only in 2023 and 2024
            assert name == "extra_contribution_basis" and year not in (2023, 2024)
            continue
        used = rules.use(name, fact)
        assert isinstance(used.value, Notice)
        assert used.value.text("en") == fact.value  # the rule set's words, unchanged, in English
        assert used.value.text("nb") != fact.value
    assert rules.use("holiday_deduction", rules.holiday_deduction).value.text("nb") == (  # type: ignore[union-attr]
        "lønnen for feriedagene utbetales ikke: feriedager / virkedager per år av lønnen")


def test_a_supplied_value_of_a_cost_rule_in_words_is_shown_as_given() -> None:
    rules = lk.rules_for(2024)
    supplied = rules.pension_base.supplied("12 % of the salary and fixed supplements", Citation("Pensjonsavtale"))
    used = rules.use("pension_base", supplied)
    assert used.value == "12 % of the salary and fixed supplements"
