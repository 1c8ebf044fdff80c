"""The calendar's words come from the catalogue (nedtrapping.wording, keys ``calendar.*``), in
Norwegian by default and in English on request; what programs read does not change with the language."""

from __future__ import annotations

import csv
import io
import string

import pytest

from nedtrapping.calendar import CalendarEntry, calendar_entries, days_left
from nedtrapping.deadlines import Purpose
from nedtrapping.registry import get_rule_set
from nedtrapping.render.calendar import CSV_COLUMNS, to_csv, to_markdown, to_text
from nedtrapping.render.ics import ics_summary, ics_uid, to_ics
from nedtrapping.wording import UnknownLanguageError, catalogue


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_calendar_text_is_in_both_languages_with_the_same_fields() -> None:
    nb_words, en_words = catalogue("nb"), catalogue("en")
    keys = [k for k in nb_words if k.startswith("calendar.")]
    assert len(keys) > 50
    for key in keys:
        nb, en = nb_words[key], en_words.get(key, "")
        assert nb and en, key
        assert _fields(nb) == _fields(en), key


def _entry(scheme_id: str, county: str | None = None) -> CalendarEntry:
    return next(e for e in calendar_entries(county=county) if e.scheme_id == scheme_id and e.county == county)


def test_entries_in_english() -> None:
    spring = _entry("frisklivs-og-laeringstilbud")
    assert spring.when_text("en") == "Vår (about March–May 2022, assumed; no date)"
    assert spring.uncertainty("en") == [
        "deadline inferred: «Vår» (the year 2022 is inferred: the source (DECK, dated 2022-01-27) gives no year)",
        "period assumed: mars–mai 2022 — no source gives a date or a period; the library assumes it (LIB)",
    ]
    rolling = _entry("fastleger-korona-kompensasjon")
    assert rolling.when_text("en") == "Løpende (no deadline, all of 2022)"
    lsb = _entry("langvarige-sammensatte")
    assert lsb.uncertainty("en")[-1].startswith("the deck writes «31. mars(?)» and «31.3.22 ??????» with question "
                                                "marks (uncertain); LSB-22 (")
    assert lsb.uncertainty("en")[-1].endswith(") confirms the deadline 2022-03-31 23:59")
    assert "the rules are provisional" in lsb.uncertainty("en")
    # the same reasons, only the words differ
    for e in calendar_entries():
        assert len(e.uncertainty("en")) == len(e.uncertainty())


def test_days_left_in_english() -> None:
    d = get_rule_set("kommunalt-rusarbeid", 2022).deadline(Purpose.APPLICATION)  # 15 Feb 2022 23:59
    assert days_left(d, "2022-02-14T10:00+01:00", lang="en") == "in 1 day (deadline at 23:59)"
    assert days_left(d, "2022-02-15T20:59+01:00", lang="en") == "today at 23:59, in 3 hours"
    assert days_left(d, "2022-02-15T23:58+01:00", lang="en") == "today at 23:59, in 1 minute"
    assert days_left(d, "2022-02-17T09:00+01:00", lang="en") == "the deadline passed 2 days ago"
    assert days_left(d, "2022-02-16T00:00:00.5+01:00") == "fristen gikk ut for 1 dag siden"
    rolling = get_rule_set("fastleger-korona-kompensasjon", 2022).deadline(Purpose.APPLICATION)
    assert days_left(rolling, "2022-02-17", lang="en") == "rolling («Løpende») — no deadline"


def test_outputs_in_english_and_what_programs_read_does_not_change() -> None:
    entries = calendar_entries(county="Nordland")
    text = to_text(entries, now="2022-01-28", lang="en")
    assert "Søknadsfrist" not in text and "søkere:" not in text and "fylket har egen frist" not in text
    nav = next(line for line in text.splitlines() if line.startswith("2022-02-07 23:59"))
    assert "Application deadline" in nav and "in 10 days (deadline at 23:59)" in nav
    md = to_markdown(entries, lang="en")
    assert md.splitlines()[0] == "| Deadline | Type | Round | Grant | Who may apply | County | Uncertainty | Source |"
    assert "| ordinary |" in md and "| nationwide |" in md and "the county has its own deadline" in md
    nb_rows = list(csv.DictReader(io.StringIO(to_csv(entries))))
    en_rows = list(csv.DictReader(io.StringIO(to_csv(entries, lang="en"))))
    assert tuple(en_rows[0]) == CSV_COLUMNS
    for nb, en in zip(nb_rows, en_rows, strict=True):  # only the reasons and the notes, for people, follow the language
        assert {k: v for k, v in nb.items() if k not in ("uncertainty", "note")} == \
            {k: v for k, v in en.items() if k not in ("uncertainty", "note")}
    rolling = {row["scheme_id"]: row["note"] for row in nb_rows}, {row["scheme_id"]: row["note"] for row in en_rows}
    assert rolling[0]["fastleger-korona-kompensasjon"] == ("Søknader behandles fortløpende; ingen frist. Året 2022 er "
                                                          "utledet (tabellen oppgir ikke år).")
    assert rolling[1]["fastleger-korona-kompensasjon"] == ("Applications handled as they come; no deadline. The year "
                                                          "2022 is INFERRED (the table gives none).")
    ics = to_ics(entries, lang="en").replace("\r\n ", "")
    assert "X-WR-CALNAME:Grant calendar" in ics and "Who may apply: " in ics and "Status: final" in ics
    assert "SUMMARY:(UNCERTAIN) (APPROXIMATE) Application deadline (2022): " in ics
    assert "Note: Applications handled as they come" in ics
    assert "Merknad: Søknader behandles fortløpende" in to_ics(entries).replace("\r\n ", "")
    assert [ln for ln in ics.splitlines() if ln.startswith("UID:")] == \
        [ln for ln in to_ics(entries).replace("\r\n ", "").splitlines() if ln.startswith("UID:")]
    e = entries[0]
    assert ics_uid(e) in to_ics([e], lang="en") and ics_summary(e, lang="en") != ics_summary(e)


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(UnknownLanguageError, match="«de»"):
        to_markdown(calendar_entries(), lang="de")  # type: ignore[arg-type]
    with pytest.raises(UnknownLanguageError):
        _entry("frisklivs-og-laeringstilbud").when_text("nn")  # type: ignore[arg-type]


def test_calendar_command_follows_lang(capsys: pytest.CaptureFixture[str]) -> None:
    from nedtrapping.cli import main

    assert main(["calendar"]) == 0
    norwegian = capsys.readouterr().out
    assert main(["calendar", "--lang", "en"]) == 0
    english = capsys.readouterr().out
    assert "Søknadsfrist" in norwegian and "Søknadsfrist" not in english
    assert len(norwegian.splitlines()) == len(english.splitlines())
