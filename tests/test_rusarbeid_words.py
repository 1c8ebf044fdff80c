"""Kommunalt rusarbeid's rule data speaks bokmål and English from the catalogue.

Every note and how-to-supply hint of every rule value (and every deadline's note) of the
rule sets 2021–2024 is a :class:`~nedtrapping.wording.Notice` whose id is in both
languages with the same fields; none is a plain string. The expected sentences below are
written by hand from the sources' meaning, not read back from the code.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterator

import pytest

from nedtrapping import sources
from nedtrapping.errors import InvalidTypeError, InvalidValueError, NedtrappingError
from nedtrapping.money import Money
from nedtrapping.provenance import Status, UnknownValueError
from nedtrapping.readable import LANGS, read
from nedtrapping.scheme import GrantQuery
from nedtrapping.schemes import kommunalt_rusarbeid as kr
from nedtrapping.schemes import nav_sosiale_tjenester as nav
from nedtrapping.wording import Notice, catalogue

YEARS = (2021, 2022, 2023, 2024)


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _notices(notice: Notice) -> Iterator[Notice]:
    """A notice and every notice among its fields (they are shown in the same language)."""
    yield notice
    for _, value in notice.fields:
        if isinstance(value, Notice):
            yield from _notices(value)


def _words_of_rules(year: int) -> Iterator[tuple[str, object]]:
    """(where, words) for every note and how-to-supply hint of the year's rule values and deadlines."""
    rules = kr.rules_for(year)
    for path, fact in rules.facts():
        yield f"{rules.key_text} {path}.note", fact.note
        yield f"{rules.key_text} {path}.how_to_supply", fact.how_to_supply
    for i, deadline in enumerate(rules.deadlines):
        yield f"{rules.key_text} deadlines[{i}].note", deadline.note


def _check_in_both_languages(where: str, notice: Notice) -> None:
    nb, en = catalogue("nb"), catalogue("en")
    for n in _notices(notice):
        assert n.key in nb and n.key in en, f"{where}: {n.key} is not in both catalogues"
        assert _fields(nb[n.key]) == _fields(en[n.key]), f"{where}: {n.key} has other fields in nb and en"
        assert _fields(nb[n.key]) == {name for name, _ in n.fields}, f"{where}: {n.key} is given other fields"
    texts = {lang: notice.text(lang) for lang in LANGS}
    assert all(texts.values()), f"{where}: empty words"
    assert texts["nb"] != texts["en"], f"{where}: {notice.key} is not translated"


@pytest.mark.parametrize("year", YEARS)
def test_every_note_and_how_to_supply_of_rusarbeid_is_a_notice_in_both_languages_never_a_str(year: int) -> None:
    found = 0
    for where, words in _words_of_rules(year):
        if words is None:
            continue
        assert not isinstance(words, str), f"{where}: a plain string, not catalogue words: {words!r}"
        assert isinstance(words, Notice), f"{where}: {type(words).__name__}"
        assert words.key.startswith("rusarbeid.note."), f"{where}: {words.key}"
        _check_in_both_languages(where, words)
        found += 1
    assert found >= 5  # the rule sets do have notes: the check is not vacuous


@pytest.mark.parametrize("year", YEARS)
def test_every_fact_value_in_words_is_a_notice_in_both_languages(year: int) -> None:
    rules = kr.rules_for(year)
    for path, fact in rules.facts():
        if isinstance(fact.value, Notice):
            _check_in_both_languages(f"{rules.key_text} {path}", fact.value)
    assert isinstance(rules.year_in_scheme_rule.value, Notice)
    assert rules.year_in_scheme_rule.value.text("nb") == "år i ordningen = budsjettår − første tilskuddsår + 1"
    assert rules.year_in_scheme_rule.value.text("en") == "year in scheme = budget year − first grant year + 1"


@pytest.mark.parametrize("year", [2021, 2022])
def test_how_to_supply_a_ladder_step_says_where_the_value_is_and_nothing_of_python_or_the_command_line(
        year: int) -> None:
    ladder = kr.rules_for(year).ladder
    assert ladder is not None
    for step in (3, 4):
        how = ladder.step(step).how_to_supply
        assert how is not None
        assert how.text("nb") == (f"hent beløpet per 100 % stilling for en stilling i sitt år {step} i ordningen fra "
                                  f"kommunens tilsagnsbrev for {year}.")
        assert how.text("en") == (f"take the amount per 100 % position for a position in its year {step} in the "
                                  f"scheme from your municipality's grant letter (tilsagnsbrev) for {year}.")
        for lang in LANGS:
            words = how.text(lang)
            for code in ("rules_for", "with_ladder_step", "Money.kroner", "--ladder-step", "nedtrapping plan",
                         "granted_", "tildelt_", "(Python)"):
                assert code not in words, f"{year} step {step} ({lang}): {code!r} in {words!r}"


def test_an_unknown_step_in_a_plan_error_names_the_grant_letter_of_its_year_in_both_languages() -> None:
    with pytest.raises(UnknownValueError) as info:
        kr.compute_grant(2022, first_grant_year=2019, percent=100)
    assert info.value.path == "ladder.step_4"
    assert ("Slik oppgir du den: hent beløpet per 100 % stilling for en stilling i sitt år 4 i ordningen fra "
            "kommunens tilsagnsbrev for 2022.") in str(info.value)
    assert ("Beløpet i årsstigen for år 4 i ordningen er ikke funnet i noen offentlig kilde") in str(info.value)
    assert ("How to supply it: take the amount per 100 % position for a position in its year 4 in the scheme "
            "from your municipality's grant letter (tilsagnsbrev) for 2022.") in info.value.text("en")


def test_one_wording_serves_the_same_note_in_several_years() -> None:
    # the same rule, the same words: one id (and the same fields) for every year it holds
    keys = {year: kr.rules_for(year).max_years_in_scheme.note for year in (2021, 2022)}
    assert keys[2021] == keys[2022] == Notice("rusarbeid.note.max_years")
    reports = [d.note for year in (2022, 2023, 2024) for d in kr.rules_for(year).deadlines
               if d.note is not None and d.note.text("en").startswith("report on the ")]
    assert {n.key for n in reports if isinstance(n, Notice)} == {"rusarbeid.note.report_on_grant"}
    assert [read(n, "nb") for n in reports] == ["rapport om tilskuddet for 2022", "rapport om tilskuddet for 2023",
                                                "rapport om tilskuddet for 2024"]


def test_the_deadline_notes_keep_their_amounts_tags_and_quotes_in_both_languages() -> None:
    rules = kr.rules_for(2021)
    by_county = {(d.county, d.purpose.value): d for d in rules.deadlines if d.county is not None}
    more = by_county[("Møre og Romsdal", "application")]
    assert read(more.note, "nb") == ("regionale restmidler: Statsforvaltaren i Møre og Romsdals egne 4,8 mill. kroner, "
                                     "ved siden av den nasjonale runden for restmidler på om lag 76 mill. kroner "
                                     "(MR-21R: «har framleis 4,8 millionar i tilskotsmidlar»)")
    assert "4.8 MNOK" in read(more.note, "en") and "about 76 MNOK" in read(more.note, "en")
    vestland = by_county[("Vestland", "application")]
    quote = ("«har att om lag 4 000 000 kroner til fordeling til kommunalt rusarbeid i 2021 og lyser ut tilskotet "
             "på nytt»")
    assert all(quote in read(vestland.note, lang) for lang in LANGS)


def test_the_2024_carry_over_note_translates_the_exception_exactly() -> None:
    fact = kr.rules_for(2024).carry_over_exception
    assert fact is not None and fact.status is Status.FINAL
    assert read(fact.note, "nb") == ("Unntaket fra «høyst fire år»: en stilling i sitt fjerde år i 2023 kan få "
                                     "midler i 2024 bare som godkjent overføring av ubrukte midler. Biblioteket "
                                     "beregner 0 for den; søk Statsforvalteren om overføringen.")
    assert read(fact.note, "en").startswith("The exception to 'at most four years': a position in its fourth year")


def test_the_library_names_its_own_source_in_bokmal_and_keeps_published_titles() -> None:
    # the library's own text (the title of its assumptions, the deck's description) is bokmål ...
    assert "assumptions" not in sources.LIBRARY.document and "antakelser" in sources.LIBRARY.document
    basis = kr.rules_for(2022).ladder_amounts_basis
    assert basis is not None and basis.citation.document == sources.LIBRARY.document
    assert basis.citation.section == "antakelser: beløpene i årsstigen"
    # ... a published title stays as published
    assert sources.VOL_19.document == "Vesterålen Online: Flere midler til Øksnes kommune"


# ----------------------------------------------------------------------------- errors, in both languages


def test_a_ladder_step_on_a_flat_year_is_refused_in_both_languages() -> None:
    with pytest.raises(InvalidValueError) as info:
        kr.rules_for(2023).with_ladder_step(3, Money.kroner(480_000), source="Tilsagnsbrev 2023")
    assert str(info.value) == ("kommunalt-rusarbeid 2023 gir et fast beløp på 330 000 kr per 100 % stilling uansett "
                               "år i ordningen; trinnene i årsstigen gjelder bare 2021 og 2022")
    assert info.value.text("en") == ("kommunalt-rusarbeid 2023 pays a flat 330 000 kr per 100 % position, whatever "
                                     "the year in the scheme; ladder steps apply only to 2021 and 2022")


def test_a_step_outside_the_ladder_is_refused_in_both_languages() -> None:
    ladder = kr.rules_for(2022).ladder
    assert ladder is not None
    with pytest.raises(InvalidValueError) as info:
        ladder.step(5)
    assert str(info.value) == "felt «step»: årsstigen har trinn 1–4; fikk trinn 5"
    assert info.value.text("en") == "field 'step': the ladder has steps 1–4; got step 5"
    assert info.value.expected is not None and info.value.expected.text("nb") == "et trinn fra 1 til 4"


def test_a_ladder_amount_that_is_not_money_is_refused_in_both_languages() -> None:
    with pytest.raises(InvalidTypeError) as info:
        kr.rules_for(2022).with_ladder_step(3, 480_000, source="Tilsagnsbrev 2022")  # type: ignore[arg-type]
    assert str(info.value) == "felt «ladder.step_3»: forventet Money (f.eks. Money.kroner(480_000)), fikk int 480000"
    assert info.value.text("en") == ("field 'ladder.step_3': expected Money (e.g. Money.kroner(480_000)), "
                                     "got int 480000")


RUS_2023 = kr.rules_for(2023)


@pytest.mark.parametrize(
    ("call", "error", "value", "expected", "texts"),
    [
        (lambda: kr.SCHEME.rate(GrantQuery(year=2022, first_grant_year=2021), nav.rules_for(2022)),
         InvalidTypeError, "nav-sosiale-tjenester 2022",
         ("KommunaltRusarbeidRules (et regelsett for kommunalt rusarbeid)",
          "KommunaltRusarbeidRules (a rule set of kommunalt rusarbeid)"),
         ("felt «rules»: forventet KommunaltRusarbeidRules (et regelsett for kommunalt rusarbeid), fikk "
          "NavSosialeTjenesterRules nav-sosiale-tjenester 2022",
          "field 'rules': expected KommunaltRusarbeidRules (a rule set of kommunalt rusarbeid), got "
          "NavSosialeTjenesterRules nav-sosiale-tjenester 2022")),
        (lambda: kr.compute_grant(2023, first_grant_year=2021, percent=100, rules="2023"),  # type: ignore[arg-type]
         InvalidTypeError, "2023",
         ("KommunaltRusarbeidRules (et regelsett for kommunalt rusarbeid)",
          "KommunaltRusarbeidRules (a rule set of kommunalt rusarbeid)"),
         ("felt «rules»: forventet KommunaltRusarbeidRules (et regelsett for kommunalt rusarbeid), fikk str 2023",
          "field 'rules': expected KommunaltRusarbeidRules (a rule set of kommunalt rusarbeid), got str 2023")),
        (lambda: kr.compute_grant(2024, first_grant_year=2021, percent=100, rules=RUS_2023),
         InvalidValueError, "kommunalt-rusarbeid 2023", ("regelsettet for 2024", "the rule set of 2024"),
         ("felt «rules»: regelsettet gjelder 2023, men tilskuddet det spørres om, gjelder 2024",
          "field 'rules': the rules are for 2023, but the grant asked for is for 2024")),
    ],
    ids=["scheme rules", "grant rules type", "grant rules year"],
)
def test_rules_of_another_kind_or_year_are_refused_naming_the_field_the_value_and_what_was_expected(
        call: Callable[[], object], error: type[NedtrappingError], value: object, expected: tuple[str, str],
        texts: tuple[str, str]) -> None:
    with pytest.raises(error) as info:
        call()
    exc = info.value
    assert type(exc) is error
    assert (str(exc), exc.text("en")) == texts
    assert exc.field == "rules" and exc.value == value
    assert exc.expected is not None and (exc.expected.text("nb"), exc.expected.text("en")) == expected
    assert exc.place is not None and exc.place.text("nb") == "felt «rules»"
