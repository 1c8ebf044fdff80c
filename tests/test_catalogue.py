"""The catalogue holds every word a person reads, in bokmål and English — and the code holds none.

Three checks: the ``.po`` files are sound (both languages, same ids, same fields; the library's own
reader agrees with Babel's); every wording id the code names exists; and no string that reads as
prose is left in the package's code outside the catalogue (the "extraction check"). What may stay:
docstrings, source titles and quotes (the arguments of ``Citation(...)``/``.at(...)``, kept as
published), a line marked ``# machine:`` (text for programs, stable English by contract) a line marked
``# developer:`` (a mistake only a programmer can make — a wording id that does not exist — named in
English for them), and a line marked ``# name:`` (a proper name as its owner publishes it: a county, a
scheme's official title, a measure type as the rules name it).
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

from nedtrapping import po
from nedtrapping.wording import LANGS, catalogue, text

SRC = Path(__file__).resolve().parent.parent / "src" / "nedtrapping"
LOCALE = SRC / "locale"
PO_FILES = sorted(LOCALE.glob("*/LC_MESSAGES/*.po"))

#: Prose: two words of letters side by side (a sentence, a label of several words).
PROSE = re.compile(r"[A-Za-zÆØÅæøå]{2,}[,;:'’]?\s+[A-Za-zÆØÅæøå]{2,}")
#: Markup: an HTML tag (with its attributes), or the unclosed end of one split by an f-string field.
MARKUP = re.compile(r"<[^<>]*>|^[^<>]*>|<[^<>]*$")
#: Not words: a command's name before its message (``nedtrapping plan: ``), an option (``--not-final``).
NAMES = re.compile(r"^(?:nedtrapping(?: [a-z]+)?: ?|--[a-z][a-z-]*|pip install [\w'\[\],.-]+)$")
#: Calls whose string arguments are published text (source titles, sections, quotes), kept as published.
PUBLISHED = {"Citation", "at", "Deadline", "Fact", "compile", "fullmatch", "match", "search", "sub", "findall"}
#: Modules whose strings are for the catalogue's own maintainers (a broken .po file cannot be worded by the
#: catalogue it breaks).
MAINTAINERS = {"po.py"}
#: The API's OpenAPI description: the reference a developer of another service reads, in English like the
#: rest of the developer's documentation (the problem documents it describes are worded in the catalogue).
DEVELOPERS = {"web/openapi.py"}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_there_are_catalogue_files_in_both_languages() -> None:
    names = {lang: sorted(p.name for p in (LOCALE / lang / "LC_MESSAGES").glob("*.po")) for lang in LANGS}
    assert names["nb"] and names["nb"] == names["en"]


@pytest.mark.parametrize("path", PO_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_the_library_reads_each_po_file_as_babel_does(path: Path) -> None:
    ours = po.parse(path.read_text(encoding="utf-8"), path.name)
    with path.open("rb") as handle:
        theirs = {m.id: m.string for m in read_po(handle) if m.id}
    assert ours == theirs
    assert ours, path


def test_every_id_is_in_both_languages_with_the_same_fields_and_words() -> None:
    nb, en = catalogue("nb"), catalogue("en")
    assert sorted(set(nb) ^ set(en)) == []
    for key in nb:
        assert _fields(nb[key]) == _fields(en[key]), key
        if key.startswith("argparse:"):
            continue
        assert nb[key].strip() or key in {"word.and_list"}, f"{key}: empty in bokmål"
        assert en[key].strip() or key in {"word.and_list"}, f"{key}: empty in English"


def test_an_id_in_two_files_is_refused(tmp_path: Path) -> None:
    with pytest.raises(po.PoSyntaxError, match="twice"):
        po.parse('msgid "a"\nmsgstr "x"\n\nmsgid "a"\nmsgstr "y"\n', "x.po")


@given(st.dictionaries(st.from_regex(r"[a-z][a-z_.]{0,20}", fullmatch=True),
                       st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60), max_size=8))
def test_writing_then_reading_a_po_file_gives_the_same_entries(entries: dict[str, str]) -> None:
    assert po.parse(po.write(entries, language="nb", title="t")) == entries


# ---------------------------------------------------------------------------- the code holds no words


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            ids.add(id(node.value))
    return ids


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


#: Every wording id (an id with a space, ``plan.grant_source.grant letter``, is an id, not words).
IDS = frozenset(catalogue("nb"))


def english_literals(source: str, filename: str = "<code>") -> list[str]:
    """Every string in ``source`` that reads as prose and is not in the catalogue: ``file:line: 'text'``."""
    tree = ast.parse(source)
    lines = source.splitlines()
    skip = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _call_name(node) in PUBLISHED:
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                skip |= {id(n) for n in ast.walk(arg)}
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or id(node) in skip:
            continue
        words = MARKUP.sub(" ", node.value)  # an HTML tag and its attributes are markup, not words
        if not PROSE.search(words) or NAMES.match(node.value) or node.value in IDS:
            continue
        line = lines[node.lineno - 1] if node.lineno <= len(lines) else ""
        if "# machine:" in line or "# developer:" in line or "# name:" in line:
            continue
        found.append(f"{filename}:{node.lineno}: {node.value[:70]!r}")
    return found


def test_the_check_finds_a_planted_english_literal() -> None:
    planted = 'def f(x):\n    raise ValueError(f"the percentage {x} is out of range")\n'
    assert english_literals(planted) == ["<code>:2: 'the percentage '", "<code>:2: ' is out of range'"]
    # a docstring, a source's title and a line for programs are not words for people
    allowed = ('def f():\n    """Why this is so."""\n    return Citation("Helsedirektoratet: Kommunalt rusarbeid")\n'
               'UNIT = "NOK (kroner), exact decimal strings"  # machine: a JSON value programs read\n')
    assert english_literals(allowed) == []


#: Modules whose words are still being moved into the catalogue (this list only shrinks).
NOT_YET: set[str] = set()


def test_no_words_for_people_are_written_in_the_code() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        rel = str(path.relative_to(SRC))
        if path.name in MAINTAINERS or rel in DEVELOPERS or rel in NOT_YET:
            continue
        found += english_literals(path.read_text(encoding="utf-8"), rel)
    assert not found, "move these words into src/nedtrapping/locale/*/LC_MESSAGES/*.po:\n" + "\n".join(found)


# ---------------------------------------------------------------------------- every id the code names exists

_WORDING_CALLS = {"text", "Notice", "words", "has_text", "_text"}


def test_every_wording_id_the_code_names_is_in_the_catalogue() -> None:
    known = set(catalogue("nb"))
    missing = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _call_name(node) in _WORDING_CALLS and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str) and "." in first.value \
                        and " " not in first.value and first.value not in known and _call_name(node) != "has_text":
                    missing.append(f"{path.relative_to(SRC)}:{node.lineno}: {first.value}")
    assert not missing, "\n".join(missing)


def test_a_missing_id_is_named_not_shown_empty() -> None:
    with pytest.raises(KeyError, match="no.such.id"):
        text("no.such.id", "nb")
