"""The README's examples run, and its quick start is what it says it is.

Why: the README is the first thing a reader runs. Its Python example must print what
its comments promise; its quick start must be exactly the two set-up commands (run
the main job; run the whole test suite), which the tutorial's first step repeats (with
the chart's extra); ``.ci/run`` must run the same test command the README gives; and
its docs command builds the docs by itself, as the test command does.
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"

FENCE = re.compile(r"^```(?P<lang>[\w-]*)[ \t]*\n(?P<body>.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


def _text() -> str:
    return README.read_text(encoding="utf-8")


def _blocks(text: str, lang: str) -> list[str]:
    return [m.group("body") for m in FENCE.finditer(text) if m.group("lang") == lang]


def _section(text: str, heading: str) -> str:
    """The text under a ``## heading``, up to the next heading of level 2 (or the end)."""
    match = re.search(rf"^## {re.escape(heading)}[ \t]*$", text, re.MULTILINE)
    assert match, f"README.md has no section '## {heading}'"
    rest = text[match.end():]
    following = re.search(r"^## ", rest, re.MULTILINE)
    return rest[: following.start()] if following else rest


def _commands(block: str) -> list[str]:
    """The commands of a shell block: non-empty lines, continuation lines joined, no comments."""
    joined = block.replace("\\\n", " ")
    return [line.strip() for line in joined.splitlines() if line.strip() and not line.strip().startswith("#")]


# ---------------------------------------------------------------------------- the Python example


def test_the_readme_has_a_python_example() -> None:
    assert _blocks(_text(), "python"), "README.md has no ```python block"


@pytest.mark.parametrize("index", range(len(_blocks(README.read_text(encoding="utf-8"), "python"))))
def test_each_python_block_runs(index: int) -> None:
    code = _blocks(_text(), "python")[index]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, f"README.md python block {index + 1}", "exec"), {"__name__": "__readme__"})
    assert out.getvalue().strip(), "a README example should show its result"


def test_the_python_example_prints_330_000_kr_for_2023_and_explains_2022() -> None:
    code = next(block for block in _blocks(_text(), "python") if "plan_municipality" in block)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {"__name__": "__readme__"})
    lines = out.getvalue().splitlines()
    # the comment in the README promises it: print(plan.row("Ruskonsulent", 2023).grant)  # 330 000 kr
    assert lines[0].replace("\u00a0", " ") == "330 000 kr"
    assert "# 330 000 kr" in code
    explanation = "\n".join(lines[1:])
    # the second print explains the 2022 figure: the rule, the values and their sources
    assert "Ruskonsulent, 2022" in explanation
    assert "550 000 kr" in explanation
    # in bokmål, as everything people read by default
    assert "trinn 2 i årsstigen = 550 000 kr" in explanation and "Vesterålen Online" in explanation
    assert "(endelig;" in explanation


# ---------------------------------------------------------------------------- the quick start


def test_the_quick_start_is_exactly_two_set_up_commands() -> None:
    quick = _section(_text(), "Quick start")
    blocks = _blocks(quick, "sh")
    assert len(blocks) == 2, f"'## Quick start' should have two ```sh blocks, has {len(blocks)}"
    assert not [lang for lang in re.findall(r"^```([\w-]+)", quick, re.MULTILINE) if lang != "sh"]
    main_job, test_suite = (_commands(block) for block in blocks)
    assert main_job == ["python3 -m venv .venv && .venv/bin/pip install -q . && .venv/bin/nedtrapping plan"]
    assert test_suite == ["./scripts/test"]


TUTORIALS = ("plan-from-spreadsheet.rst", "planlegg-fra-regneark.rst")


def _first_step(page: str) -> str:
    """A tutorial's first numbered section (``1. ...`` up to ``2. ...``)."""
    text = (ROOT / "docs" / "tutorial" / page).read_text(encoding="utf-8")
    first = re.search(r"^1\. .*\n-+\n", text, re.MULTILINE)
    second = re.search(r"^2\. .*\n-+\n", text, re.MULTILINE)
    assert first and second, f"{page}: no sections '1. ...' and '2. ...'"
    return text[first.start() : second.start()]


@pytest.mark.parametrize("page", TUTORIALS)
def test_the_tutorials_first_step_is_the_quick_start_with_the_chart_extra(page: str) -> None:
    """The finance officer's tutorial draws a chart in its last step, so its install brings matplotlib
    (the plot extra); otherwise its first command is the README's main job, word for word."""
    main_job = _commands(_blocks(_section(_text(), "Quick start"), "sh")[0])[0]
    with_chart = main_job.replace("pip install -q . ", "pip install -q '.[plot]' ")
    assert with_chart != main_job
    assert f"$ {with_chart}" in _first_step(page)
    assert "--chart" in (ROOT / "docs" / "tutorial" / page).read_text(encoding="utf-8")


def test_the_quick_start_commands_name_files_that_exist() -> None:
    assert (ROOT / "scripts" / "test").is_file()
    assert (ROOT / "pyproject.toml").is_file()
    scripts = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^nedtrapping\s*=\s*"nedtrapping\.cli:', scripts, re.MULTILINE), "no 'nedtrapping' script"


# ---------------------------------------------------------------------------- CI and the docs command


def test_ci_runs_the_readmes_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.strip() for line in ci.splitlines() if line.strip() and not line.strip().startswith("#")]
    assert "./scripts/test" in commands, ".ci/run must call ./scripts/test"


def _sphinx_builds(script: str) -> list[list[str]]:
    text = (ROOT / "scripts" / script).read_text(encoding="utf-8")
    return [shlex.split(line.strip()) for line in text.splitlines() if "-m sphinx" in line]


def test_the_readmes_docs_command_is_the_docs_script() -> None:
    """The docs are built by one command that needs nothing else run first (it is not a set-up command of
    the quick start: that stays the two commands above)."""
    (readme_command,) = _commands(_blocks(_section(_text(), "Documentation"), "sh")[0])
    assert readme_command == "./scripts/docs"
    assert (ROOT / "scripts" / "docs").stat().st_mode & 0o111, "scripts/docs is not executable"


def test_the_docs_script_installs_the_docs_extra_alone() -> None:
    script = (ROOT / "scripts" / "docs").read_text(encoding="utf-8")
    installs = [line for line in script.splitlines() if "pip install" in line]
    assert len(installs) == 1 and "'.[docs]'" in installs[0], installs
    assert "[test]" not in script and "scripts/test" not in "\n".join(
        line for line in script.splitlines() if not line.lstrip().startswith("#"))


def test_the_docs_script_builds_as_the_test_command_does() -> None:
    """The same html and doctest builds, argument for argument, but for the Python that runs them."""
    ours, theirs = _sphinx_builds("docs"), _sphinx_builds("test")
    assert len(ours) == 2 and any("html" in args for args in ours) and any("doctest" in args for args in ours)
    assert [args[1:] for args in ours] == [args[1:] for args in theirs]
