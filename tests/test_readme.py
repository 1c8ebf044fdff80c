"""The README's examples run, and its quick start is what it says it is.

Why: the README is the first thing a reader runs. Its Python example must print what
its comments promise; its quick start must be exactly the two set-up commands (run
the main job; run the whole test suite), the same as the tutorial's first step; and
``.ci/run`` must run the same test command the README gives.
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


def test_the_quick_start_is_the_tutorials_first_step() -> None:
    main_job = _commands(_blocks(_section(_text(), "Quick start"), "sh")[0])[0]
    tutorial = (ROOT / "docs" / "tutorial" / "plan-from-spreadsheet.rst").read_text(encoding="utf-8")
    first_step = tutorial[tutorial.index("1. Install") : tutorial.index("2. Read the plan")]
    assert f"$ {main_job}" in first_step


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


def test_the_test_command_builds_the_docs_as_the_readme_says() -> None:
    """The README's docs command is the html build of scripts/test (which adds only --keep-going and -q)."""
    docs_section = _section(_text(), "Documentation")
    (readme_command,) = _commands(_blocks(docs_section, "sh")[0])
    script = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
    builds = [shlex.split(line.strip()) for line in script.splitlines() if "-m sphinx" in line]
    html = next(args for args in builds if "html" in args)
    assert [a for a in html if a not in ("--keep-going", "-q")] == shlex.split(readme_command)
    assert any("doctest" in args for args in builds), "scripts/test must run the docs' examples"
