"""Add or change words in a catalogue file, both languages at once: ``python scripts/words.py FILE ID NB EN``.

Why: every id lives in ``src/nedtrapping/locale/nb/LC_MESSAGES/FILE.po`` and in the English file of the
same name; adding it to both in one step keeps the two in step (the test suite checks they are).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from nedtrapping import po

LOCALE = Path(__file__).resolve().parent.parent / "src" / "nedtrapping" / "locale"
TITLES = {"nb": "norsk bokmål", "en": "English"}


def put(name: str, entries: dict[str, tuple[str, str]]) -> None:
    """Write ``entries`` (id → (bokmål, English)) into ``name``.po of both languages."""
    for index, lang in enumerate(("nb", "en")):
        path = LOCALE / lang / "LC_MESSAGES" / f"{name}.po"
        existing = po.parse(path.read_text(encoding="utf-8"), str(path)) if path.exists() else {}
        title = path.read_text(encoding="utf-8").splitlines()[0][2:] if path.exists() else f"nedtrapping: {name} ({TITLES[lang]})"
        existing.update({key: pair[index] for key, pair in entries.items()})
        path.write_text(po.write(existing, language=lang, title=title), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    put(sys.argv[1], {sys.argv[2]: (sys.argv[3], sys.argv[4])})
