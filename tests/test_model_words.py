"""The model's words (``locale/*/LC_MESSAGES/model.po``): every id in both languages, with the same fields.

Why: a refusal of the planner, the registry or the calendar is shown in bokmål by default and in
English on request; an id missing in one language, or a field only one language fills, would be a
``KeyError`` in front of the person who made the mistake the message is about.
"""

from __future__ import annotations

import re
import string
from importlib.resources import files

from nedtrapping.po import parse


def _entries(lang: str) -> dict[str, str]:
    return parse(files("nedtrapping").joinpath("locale", lang, "LC_MESSAGES", "model.po").read_text(encoding="utf-8"))


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_model_word_is_in_both_languages_with_the_same_fields() -> None:
    nb, en = _entries("nb"), _entries("en")
    assert nb.keys() == en.keys()
    assert all(key.startswith("model.") or key == "error.unknown_value" for key in nb)
    assert {key: _fields(nb[key]) for key in nb} == {key: _fields(en[key]) for key in en}


def test_a_model_word_with_fields_is_marked_for_translators() -> None:
    for lang in ("nb", "en"):
        text = files("nedtrapping").joinpath("locale", lang, "LC_MESSAGES", "model.po").read_text(encoding="utf-8")
        for block in text.split("\n\n")[1:]:
            if re.search(r'msgstr ".*\{[a-z_]+\}', block, re.S):
                assert "#, python-brace-format" in block, block


def test_bokmal_quotes_a_value_with_guillemets_not_with_english_quotes() -> None:
    # code stays code ("tz='Europe/Oslo'", "'auto'"), but a value the person gave is quoted «like this»
    for key, text in _entries("nb").items():
        assert not re.search(r"'\{[a-z_]+\}'(?!\))", text), (key, text)


def test_the_moved_wording_of_an_unknown_value_says_where_the_library_looked_in_bokmal() -> None:
    nb = _entries("nb")["error.unknown_value"]
    assert "(søkt i: {citation})" in nb and "lett i" not in nb
