"""The built documentation, read as its users read it: copy-safe commands, runnable tutorials, complete reference.

These tests read the HTML pages. They use the build the test command has just made when
``NEDTRAPPING_DOCS_HTML`` names it (``scripts/test`` runs them after its docs build), and
otherwise build the pages themselves (``sphinx -W -n``, about a minute). A missing or
empty build is a failure, never a skip.
"""

from __future__ import annotations

import html
import importlib
import os
import pkgutil
import re
import shlex
import shutil
import subprocess
import sys
import warnings
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

import nedtrapping

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
sys.path.insert(0, str(DOCS / "_ext"))


@pytest.fixture(scope="module")
def html_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("NEDTRAPPING_DOCS_HTML")
    if given:
        out = Path(given)
        assert (out / "index.html").is_file(), f"NEDTRAPPING_DOCS_HTML={given}: no built docs there"
        return out
    out = tmp_path_factory.mktemp("docs-html")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-n", "--keep-going", "-q", "-b", "html", "-d", str(out / ".doctrees"),
         str(DOCS), str(out)],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 0, f"the docs do not build:\n{result.stdout}\n{result.stderr}"
    return out


def _pages(html_dir: Path) -> Iterator[tuple[str, str]]:
    """Every page made from a page of ``docs/`` (a page left in the folder by an earlier build is not read)."""
    for page in sorted(html_dir.rglob("*.html")):
        rel = page.relative_to(html_dir).as_posix()
        if not (DOCS / rel).with_suffix(".rst").is_file():
            continue
        yield rel, page.read_text(encoding="utf-8")


class _Code(HTMLParser):
    """The text of every ``<pre>`` block and every inline ``<code>`` of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.inline: list[str] = []
        self._pre = 0
        self._code = 0
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "pre":
            self._pre += 1
            self._text = []
        elif tag == "code" and not self._pre:
            self._code += 1
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre" and self._pre:
            self._pre -= 1
            self.blocks.append("".join(self._text))
        elif tag == "code" and self._code:
            self._code -= 1
            self.inline.append("".join(self._text))

    def handle_data(self, data: str) -> None:
        if self._pre or self._code:
            self._text.append(data)


def _code(page: str) -> _Code:
    parser = _Code()
    parser.feed(page)
    return parser


def _body_text(page: str) -> str:
    """The words of a page's text (the theme's <article>), without its navigation."""
    start = page.find("<article")
    assert start >= 0, "no <article> in the page: has the theme changed?"
    body = page[start:page.find("</article>", start)]
    return html.unescape(re.sub(r"<[^>]+>", "", body))


# ---------------------------------------------------------------------------- copy-safe


def test_no_code_has_a_curly_quote_or_a_dash_made_from_two_hyphens(html_dir: Path) -> None:
    bad = []
    for rel, page in _pages(html_dir):
        code = _code(page)
        for text in code.blocks + code.inline:
            for mark in ("–-", "—-", "’", "‘", "“", "”"):
                if mark in text:
                    bad.append(f"{rel}: {mark!r} in {text[:80]!r}")
        # in running text too: an option whose '--' became a dash ('–ladder-step')
        for hit in re.findall(r"[–—][a-z][a-z-]+-[a-z]+", _body_text(page)):
            bad.append(f"{rel}: {hit!r}")
    assert not bad, "\n".join(bad)


_PROGRAM = re.compile(r"^(?:(?:\.venv[/\\](?:bin|Scripts)[/\\])?nedtrapping(?:\.exe)?|python3? -m nedtrapping)\b")


def _commands(block: str) -> Iterator[str]:
    """The ``nedtrapping`` command lines of a terminal block (after its ``$``/``>`` prompt), one per command."""
    lines = block.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        match = re.match(r"^\s*(?:\$|>|PS>)\s+(.*)$", line)
        if not match:
            continue
        command = match.group(1)
        # a line continued: bash's backslash, PowerShell's backquote
        while command.endswith(("\\", "`")) and i < len(lines) and not re.match(r"^\s*(?:\$|>|PS>)\s", lines[i]):
            command = command[:-1] + " " + lines[i].strip()
            i += 1
        for part in command.split("&&"):
            part = part.strip()
            if _PROGRAM.match(part):
                yield part


def _arguments(command: str) -> list[str]:
    words = shlex.split(command.replace("\\", "/"), comments=True)  # a Windows path's backslashes are not escapes
    if words[0] in ("python", "python3"):
        words = words[2:]
    return words[1:]


def _parses(arguments: list[str]) -> str | None:
    """``None`` if the command line's own parser takes ``arguments``, else why not."""
    import contextlib
    import io

    from nedtrapping.cli import build_parser

    errors = io.StringIO()
    try:
        with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
            build_parser().parse_args(arguments)
    except SystemExit as exit_:
        if exit_.code not in (0, None):
            return errors.getvalue().strip().splitlines()[-1]
    return None


def test_every_nedtrapping_command_shown_runs_through_the_command_lines_parser(html_dir: Path) -> None:
    checked, bad = 0, []
    for rel, page in _pages(html_dir):
        if rel == "changelog.html":  # history: it names commands as they were, and options in prose
            continue
        code = _code(page)
        commands = [c for block in code.blocks for c in _commands(block)]
        commands += [c for c in code.inline if c.startswith("nedtrapping ") and "\n" not in c]
        for command in commands:
            checked += 1
            why = _parses(_arguments(command))
            if why:
                bad.append(f"{rel}: {command!r}: {why}")
    assert not bad, "\n".join(bad)
    assert checked >= 40, f"only {checked} commands found: is the HTML parsed right?"


def test_the_pages_read_are_the_pages_of_the_docs(html_dir: Path) -> None:
    pages = {rel for rel, _ in _pages(html_dir)}
    assert len(pages) == len(list(DOCS.rglob("*.rst"))) - len(list((DOCS / "_build").rglob("*.rst"))), pages


FINANCE_OFFICER_TUTORIALS = ("tutorial/planlegg-fra-regneark.html", "tutorial/plan-from-spreadsheet.html")


def _terminal_steps(page: str) -> list[tuple[str, list[str]]]:
    """The ``$`` commands of a page's terminal blocks in order, each with the lines the page shows it printing."""
    steps: list[tuple[str, list[str]]] = []
    for block in _code(page).blocks:
        current: list[str] | None = None  # what the block shows the last command printing
        for line in block.splitlines():
            match = re.match(r"^\$ (.*)$", line)
            if match:
                current = []
                steps.append((match.group(1), current))
            elif current is not None:
                current.append(line)
    return steps


def _project_copy(target: Path) -> Path:
    """The project's folder as a reader has it after unpacking the ZIP file: the sources, none of our builds."""
    ignore = shutil.ignore_patterns(".git", ".venv*", "_build", "_generated", "build", "dist", "*.egg-info",
                                    "__pycache__", ".hypothesis", ".pytest_cache", "mutants", ".mypy_cache",
                                    ".ruff_cache")
    shutil.copytree(ROOT, target, ignore=ignore)
    return target


def test_both_finance_officer_tutorials_give_the_same_commands(html_dir: Path) -> None:
    """The bokmål page and its English twin: the same commands in the same order, printing the same."""
    nb, en = (_terminal_steps((html_dir / rel).read_text(encoding="utf-8")) for rel in FINANCE_OFFICER_TUTORIALS)
    assert [c for c, _ in nb] == [c for c, _ in en]
    assert nb == en


def test_the_finance_officers_tutorial_runs_as_a_reader_runs_it(html_dir: Path, tmp_path: Path) -> None:
    """Every ``$`` command of the bokmål tutorial, in order, in one bash, in a fresh copy of the project.

    The first command makes a fresh virtual environment and installs into it exactly as the page says
    (nothing of the test environment is on the PATH); the reader's downloads (the tutorial's
    ``stillinger.xlsx``, in the project's folder and in ``~/Documents``) are put where the page says.
    Each command must succeed (0, or 3 where the page says a figure is unknown), and where the page
    shows what a command prints, it must print exactly that — the chart of step 7 included.
    """
    from generated_files import TUTORIAL_CSV, positions_workbook_bytes

    page = (html_dir / FINANCE_OFFICER_TUTORIALS[0]).read_text(encoding="utf-8")
    assert 'lang="nb"' in page[:300], "the bokmål tutorial's <html> says another language"
    steps = _terminal_steps(page)
    assert steps[0][0].startswith("python3 -m venv .venv && ") and "pip install" in steps[0][0], steps[0]
    assert any(command.startswith("nedtrapping plan stillinger.xlsx") and "--chart" in command for command, _ in steps)
    project = _project_copy(tmp_path / "nedtrapping")
    home = tmp_path / "home"
    for folder in (project, home / "Documents"):
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(TUTORIAL_CSV, folder / "stillinger.csv")
        (folder / "stillinger.xlsx").write_bytes(positions_workbook_bytes())
    ours = {str(Path(sys.executable).parent), str(ROOT / ".venv" / "bin")}
    path = os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep) if p not in ours)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    # the pip cache stays where it was (a reader's machine has one too): only the download is saved
    env.setdefault("PIP_CACHE_DIR", str(Path(os.environ.get("HOME", "~")).expanduser() / ".cache" / "pip"))
    env.update(HOME=str(home), PATH=path, COLUMNS="80")
    out = tmp_path / "out"
    out.mkdir()
    script = ["set -u"]
    for i, (command, _) in enumerate(steps):
        script.append(f'{{ {command}\n}} >"{out}/{i}.out" 2>&1; echo $? >"{out}/{i}.status"')
    result = subprocess.run(["bash", "-c", "\n".join(script)], cwd=project, env=env, capture_output=True,
                            text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    compared = 0
    for i, (command, shown) in enumerate(steps):
        printed = (out / f"{i}.out").read_text(encoding="utf-8")
        status = int((out / f"{i}.status").read_text())
        assert status in (0, 3), f"{command!r} exited {status}:\n{printed}"
        assert "Traceback" not in printed, printed
        if shown:
            assert printed.rstrip("\n").splitlines() == shown, f"{command!r} printed what the page does not show"
            compared += 1
    assert compared >= 4, f"only {compared} commands with output on the page: is the HTML parsed right?"
    assert (project / ".venv").is_dir(), "the page's first command made no .venv"
    assert (home / "Documents" / "plan.xlsx").is_file()
    chart = (project / "plan.png").read_bytes()
    assert chart[:8] == b"\x89PNG\r\n\x1a\n", "step 7 drew no chart"


# ---------------------------------------------------------------------------- pictures


def test_the_example_chart_is_on_the_tutorials_and_the_page_that_explains_nedtrapping(html_dir: Path) -> None:
    for rel in ("tutorial/plan-from-spreadsheet.html", "tutorial/notebook.html", "explanation/nedtrapping.html"):
        page = (html_dir / rel).read_text(encoding="utf-8")
        sources = re.findall(r'<img[^>]+src="([^"]*eksempel-kommune\.png)"', page)
        assert sources, f"{rel}: no chart"
        image = (html_dir / rel).parent / sources[0]
        data = image.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        assert width >= 800 and height >= 300, (width, height)


# ---------------------------------------------------------------------------- reference


def test_every_public_name_is_documented(html_dir: Path) -> None:
    """Each name in a module's ``__all__`` has an entry in the API pages (a re-export: where it is defined)."""
    ids = set()
    for rel, page in _pages(html_dir):
        if rel.startswith("reference/"):
            ids |= set(re.findall(r'<dt class="sig[^"]*" id="([^"]+)"', page))
    modules = {"nedtrapping": nedtrapping}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # the old module names warn when imported
        for info in pkgutil.walk_packages(nedtrapping.__path__, "nedtrapping."):
            if not info.name.rsplit(".", 1)[-1].startswith("_"):
                modules[info.name] = importlib.import_module(info.name)
    missing = []
    for name, module in modules.items():
        for public in getattr(module, "__all__", ()):
            if public.startswith("__") or f"{name}.{public}" in ids:
                continue
            obj = getattr(module, public)
            homes = [other for other, m in modules.items()
                     if public in getattr(m, "__all__", ()) and getattr(m, public, None) is obj
                     and f"{other}.{public}" in ids]
            if not homes:
                missing.append(f"{name}.{public}")
    assert not missing, f"public names with no entry in the API reference: {missing}"


def test_no_default_shows_attrs_internals(html_dir: Path) -> None:
    bad = [rel for rel, page in _pages(html_dir) if "attr_dict[" in page]
    assert not bad, bad


# ---------------------------------------------------------------------------- words


def _printed_words() -> set[str]:
    """The Norwegian labels and status words the outputs print (table, workbook, CSV, chart, calendar)."""
    from nedtrapping.provenance import Status
    from nedtrapping.wording import catalogue

    prefixes = ("plan.col.", "plan.sheet.", "plan.kind.", "plan.grant_source.", "chart.", "cost.", "calendar.col.",
                "calendar.purpose.", "calendar.round.")
    explicit = ["plan.total", "plan.total_md", "plan.unknown", "plan.problems", "plan.warnings", "plan.all_municipalities",
                "calendar.nationwide", "calendar.county_has_own_date", "calendar.ics.name", "calendar.ics.uncertain_mark",
                "calendar.ics.approximate_mark"]
    nb_words, en_words = catalogue("nb"), catalogue("en")
    keys = [k for k in nb_words if k.startswith(prefixes)] + explicit
    words = {s.text("nb") for s in Status}
    for key in keys:
        nb, en = nb_words[key], en_words[key]
        if "{" in nb or nb == en or (key not in explicit and len(nb.split()) > 4):  # a label, not a sentence
            continue
        words.add(re.sub(r"[()]", "", nb).strip())
    return {w.lower() for w in words if w}


def test_the_glossary_explains_every_word_the_outputs_print(html_dir: Path) -> None:
    page = (html_dir / "explanation" / "glossary.html").read_text(encoding="utf-8")
    terms = {html.unescape(re.sub(r"<[^>]+>", "", t)).strip().rstrip("¶").strip().lower()
             for t in re.findall(r'<dt id="term-[^"]*">(.*?)</dt>', page, re.S)}
    missing = sorted(_printed_words() - terms)
    assert not missing, f"add to docs/explanation/glossary.rst: {missing}"
    for word in ("tiltak", "mnok", "omtrent", "egenfinansiering", "tilsagnsbrev", "oppgitt av bruker"):
        assert word in terms, word


def test_the_pages_for_people_link_the_glossary(html_dir: Path) -> None:
    for rel in ("tutorial/plan-from-spreadsheet.html", "tutorial/notebook.html", "reference/supply.html",
                "reference/catalogue.html", "reference/not-sure.html", "index.html"):
        page = (html_dir / rel).read_text(encoding="utf-8")
        assert "glossary.html#term-" in page, rel


def test_what_you_must_supply_has_the_table_and_the_unknowns(html_dir: Path) -> None:
    text = _body_text((html_dir / "reference" / "supply.html").read_text(encoding="utf-8"))
    for words in ("First grant year", "Full annual cost", "pension rate", "had the grant in 2021",
                  "Ladder step 3 or 4", "--ladder-source", "tildelt_YYYY", "Values no public source gives"):
        assert words in text, words


# ---------------------------------------------------------------------------- a way in


def _page(html_dir: Path, rel: str) -> str:
    path = html_dir / rel
    assert path.is_file(), f"{rel}: no such page in the build"
    return path.read_text(encoding="utf-8")


def test_the_install_page_gets_the_project_on_every_system_and_lists_every_extra(html_dir: Path) -> None:
    import tomllib

    text = _body_text(_page(html_dir, "install.html"))
    for words in ("Windows", "macOS", "Linux", "Download ZIP", "git clone", "py -m venv .venv",
                  "python3 -m venv .venv", "./scripts/docs", "https://nedtrapping.readthedocs.io/"):
        assert words in text, words
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    for name, requires in extras.items():
        assert f"'.[{name}]'" in text, f"the install page does not list the extra {name!r}"
        for requirement in requires:
            assert requirement in text, f"the install page does not say that {name!r} brings {requirement!r}"


def test_the_documentation_url_is_where_the_hosting_configuration_builds_the_docs() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    url = project["urls"]["Documentation"]
    assert url == "https://nedtrapping.readthedocs.io/", url
    config = (ROOT / ".readthedocs.yaml").read_text(encoding="utf-8")
    for line in ("configuration: docs/conf.py", "fail_on_warning: true", "- docs"):
        assert line in config, line


def test_the_docs_extra_brings_what_the_build_imports() -> None:
    """Every extension conf.py loads from outside docs/_ext, and matplotlib for the charts, come with '.[docs]'."""
    import tomllib

    sys.path.insert(0, str(DOCS))
    try:
        conf: dict[str, object] = {"__file__": str(DOCS / "conf.py")}
        exec(compile((DOCS / "conf.py").read_text(encoding="utf-8"), "conf.py", "exec"), conf)
    finally:
        sys.path.remove(str(DOCS))
    local = {p.stem for p in (DOCS / "_ext").glob("*.py")}
    outside = {e for e in conf["extensions"] if not e.startswith("sphinx.ext.") and e not in local}  # type: ignore[attr-defined]
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    docs = " ".join(extras["docs"]).replace("-", "_").lower()
    for extension in outside | {str(conf["html_theme"]), "pypdfium2"}:
        assert extension.lower() in docs, f"'.[docs]' does not bring {extension}"
    assert "plot" in docs and "matplotlib" in " ".join(extras["plot"])


# ---------------------------------------------------------------------------- bokmål, audience


def test_the_pages_in_bokmaal_say_so_in_their_html(html_dir: Path) -> None:
    for rel in ("tutorial/planlegg-fra-regneark.html", "how-to/budget.html"):
        assert re.search(r'<html[^>]* lang="nb"', _page(html_dir, rel)), rel
    assert re.search(r'<html[^>]* lang="en"', _page(html_dir, "tutorial/plan-from-spreadsheet.html"))


def test_the_budgeting_page_says_what_goes_where_in_fixed_and_current_prices(html_dir: Path) -> None:
    text = _body_text(_page(html_dir, "how-to/budget.html"))
    for words in ("Fra plan til budsjett", "økonomiplan", "Årsbudsjettet", "Faste priser", "Løpende priser",
                  "tilsagnsbrev", "anslag", "ANSLAG før tilsagnsbrev", "Overføring av ubrukte midler",
                  "overføring av ubrukte midler", "oppdiktet", "tildelt_2024", "nedtrapping calendar"):
        assert words in text, words
    # the deadlines of the transitional years, from the rule sets: 1 February 2023 and 2024
    assert "1. februar 2023 kl. 23:59" in text and "1. februar 2024 kl. 23:59" in text
    # fixed prices: the same cost every year; current prices: the cost grows 3,5 % a year
    fixed, current = (block for block in _code(_page(html_dir, "how-to/budget.html")).blocks
                      if block.startswith("$ nedtrapping plan budsjett-"))
    assert re.search(r"^Ruskonsulent +2026 +6 +100 +0 kr +800 000 kr", fixed, re.MULTILINE), fixed
    assert re.search(r"^Ruskonsulent +2024 +4 +100 +330 000 kr +828 000 kr", current, re.MULTILINE), current


def test_every_how_to_guide_says_who_it_is_for(html_dir: Path) -> None:
    index = _body_text(_page(html_dir, "how-to/index.html"))
    assert "Regneark og kommandolinje" in index and "Python" in index
    for page in sorted((DOCS / "how-to").glob("*.rst")):
        if page.stem == "index":
            continue
        text = _body_text(_page(html_dir, f"how-to/{page.stem}.html"))
        assert re.search(r"For:? (?:økonomimedarbeideren · )?(?:regneark og kommandolinje|Python)", text), page.name
        assert re.search(rf'href="{page.stem}\.html"', _page(html_dir, "how-to/index.html")), page.name


def test_the_finance_officers_guides_show_the_command_before_the_python(html_dir: Path) -> None:
    index = _page(html_dir, "how-to/index.html")
    section = index[index.index('id="regneark-og-kommandolinje"'):index.index('id="python"')]
    guides = sorted(set(re.findall(r'href="([\w-]+)\.html"', section)))
    assert len(guides) >= 8, guides
    for guide in guides:
        page = _page(html_dir, f"how-to/{guide}.html")
        command = re.search(r'<div class="[^"]*\bhighlight-(?:console|ps1con)\b[^"]*"><div class="highlight"><pre>'
                            r'(?:(?!</pre>).)*nedtrapping', page, re.S)
        python = re.search(r'<div class="[^"]*\bhighlight-(?:python|pycon|default)\b[^"]*">', page)
        assert command, f"how-to/{guide}: no command"
        assert python is None or command.start() < python.start(), f"how-to/{guide}: Python before the command"


def test_the_glossary_runs_both_ways(html_dir: Path) -> None:
    page = _page(html_dir, "explanation/glossary.html")
    start = page.index('id="glossary-english-to-bokmaal"')
    table = page[start:page.index("</table>", start)]
    rows = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S):
        cells = [c for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        if len(cells) == 2:
            rows[html.unescape(re.sub(r"<[^>]+>", "", cells[0])).strip()] = cells[1]
    for english, bokmaal in (("Own financing", "egenfinansiering"), ("Grant letter", "tilsagnsbrev"),
                             ("unknown", "ukjent"), ("Fixed prices", "faste priser")):
        assert english in rows and bokmaal in rows[english], english
    assert len(rows) >= 60, len(rows)
    ids = set(re.findall(r'id="([^"]+)"', page))
    for anchor in re.findall(r'href="#([^"]+)"', table):
        assert anchor in ids, anchor


# ---------------------------------------------------------------------------- layout


def _luminance(colour: str) -> float:
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_contrast_helper_measures_as_wcag_does() -> None:
    assert round(_contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(_contrast("#777777", "#ffffff"), 2) == 4.48  # WCAG's well-known grey just under 4.5


def test_terminal_output_has_a_contrast_of_at_least_4_5_in_both_colour_schemes(html_dir: Path) -> None:
    css = (html_dir / "_static" / "pygments.css").read_text(encoding="utf-8")
    schemes = {"light": "", "dark": 'body[data-theme="dark"] '}
    for scheme, prefix in schemes.items():
        background = re.search(rf'^{re.escape(prefix)}\.highlight {{ background: (#[0-9a-fA-F]{{3,6}})', css, re.M)
        output = re.search(rf'^{re.escape(prefix)}\.highlight \.go {{ color: (#[0-9a-fA-F]{{3,6}})', css, re.M)
        assert background and output, f"{scheme}: no output colour or background in pygments.css"
        ratio = _contrast(background.group(1), output.group(1))
        assert ratio >= 4.5, f"{scheme}: terminal output {output.group(1)} on {background.group(1)}: {ratio:.2f}:1"


def _media_blocks(css: str) -> Iterator[tuple[float, str]]:
    """Each ``@media (max-width: N em) { ... }`` of a style sheet: N in pixels, and its rules."""
    for match in re.finditer(r"@media\s*\(max-width:\s*([\d.]+)em\)\s*{", css):
        depth, end = 1, match.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(css[end], 0)
            end += 1
        yield float(match.group(1)) * 16, css[match.end():end - 1]


def test_the_navigation_stays_beside_the_text_on_a_laptop(html_dir: Path) -> None:
    """The theme folds the navigation away (a fixed drawer off the left edge) only well under 1280 px;
    alabaster folded it at its page width, 1280 px."""
    css = (html_dir / "_static" / "styles" / "furo.css").read_text(encoding="utf-8")
    folds = [width for width, rules in _media_blocks(css)
             if re.search(r"\.sidebar-drawer{[^}]*left:-[^}]*position:fixed|\.sidebar-drawer{[^}]*position:fixed[^}]*left:-",
                          rules)]
    assert folds, "furo.css: no rule that folds the navigation away"
    assert max(folds) <= 1100, f"the navigation folds away below {max(folds)} px"


def test_wide_tables_wrap_and_column_names_stay_whole(html_dir: Path) -> None:
    css = (html_dir / "_static" / "layout.css").read_text(encoding="utf-8")
    assert re.search(r"\.source-table table[^{]*{[^}]*table-layout: fixed", css)
    assert re.search(r"article table th[^{]*{[^}]*word-break: keep-all", css)
    page = _page(html_dir, "reference/sources.html")
    assert re.search(r'<table class="[^"]*source-table[^"]*">\s*<colgroup>', page), "the Sources table has no column widths"


def test_every_command_has_a_copy_button_that_copies_the_command_alone(html_dir: Path) -> None:
    script = (html_dir / "_static" / "copybutton.js").read_text(encoding="utf-8")
    call = re.search(r"return formatCopyText\(text, '([^']*)', (\w+), (\w+), (\w+)", script)
    assert call, "copybutton.js: no configuration"
    prompts, is_regexp, only_prompt_lines, remove_prompts = call.groups()
    assert (is_regexp, only_prompt_lines, remove_prompts) == ("true", "true", "true")
    prompt = re.compile(prompts.replace("\\\\", "\\"))
    assert all(prompt.match(p) for p in ("$ ", "PS> ", "> "))
    for rel, page in _pages(html_dir):
        if "<pre>" in page:
            assert "copybutton.js" in page, rel


def test_every_continued_command_has_a_powershell_twin(html_dir: Path) -> None:
    """A bash command over several lines (``\\``) does not paste into PowerShell: each has a one-line twin."""
    checked = 0
    for rel, page in _pages(html_dir):
        bash, powershell = [], []
        for block in _code(page).blocks:
            lines = block.splitlines()
            for i, line in enumerate(lines):
                if line.startswith("$ ") and line.endswith("\\"):
                    command, j = line[2:-1], i + 1
                    while j < len(lines) and lines[j - 1].endswith("\\"):
                        command += " " + lines[j].strip().rstrip("\\")
                        j += 1
                    bash.append(" ".join(command.split()))
                elif line.startswith("PS> "):
                    powershell.append(" ".join(line[4:].split()))
        for command in bash:
            checked += 1
            assert command in powershell, f"{rel}: no PowerShell line for {command!r}"
    assert checked >= 2


def test_no_page_shows_the_theme_s_error_box(html_dir: Path) -> None:
    """Furo writes an error into the page itself (not the build's log) for a ``.. contents::``."""
    bad = [rel for rel, page in _pages(html_dir) if "in Furo-based documentation is unnecessary" in page]
    assert not bad, bad


def test_the_version_is_on_every_page(html_dir: Path) -> None:
    for rel, page in _pages(html_dir):
        assert f"nedtrapping {nedtrapping.__version__}" in page, rel


def test_the_changelog_is_a_page(html_dir: Path) -> None:
    text = _body_text(_page(html_dir, "changelog.html"))
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    for heading in re.findall(r"^## \[([^\]]+)\]", changelog, re.MULTILINE):
        assert heading in text, heading
    assert 'href="changelog.html"' in _page(html_dir, "index.html")


# ---------------------------------------------------------------------------- more pictures


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_the_pictures_are_where_people_would_rather_look(html_dir: Path) -> None:
    """At least five pictures, all drawn from the library while the pages were built, each with words for
    those who cannot see it: the chart with an unknown year, the years in the scheme, the workbook's sheets."""
    expected = {"how-to/chart.html": "ukjent-trinn.png", "how-to/budget.html": "aar-i-ordningen.png",
                "tutorial/planlegg-fra-regneark.html": "arbeidsbok-plan.png"}
    pictures: dict[str, tuple[int, int]] = {}
    for rel, page in _pages(html_dir):
        for tag in re.findall(r"<img[^>]+>", page):
            source = re.search(r'src="([^"]+)"', tag)
            alt = re.search(r'alt="([^"]*)"', tag)
            if not source or source.group(1).startswith(("http", "data:")):
                continue
            assert alt and len(alt.group(1)) > 20, f"{rel}: a picture without words: {tag}"
            image = (html_dir / rel).parent / source.group(1)
            pictures[image.name] = _png_size(image.read_bytes())
        for name in [v for k, v in expected.items() if k == rel]:
            assert name in page, f"{rel}: no {name}"
    assert len(pictures) >= 5, sorted(pictures)
    for name, (width, height) in pictures.items():
        assert width >= 600 and height >= 150, (name, width, height)
