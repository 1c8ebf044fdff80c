"""Sphinx configuration for the nedtrapping documentation.

Sphinx built-ins, the local extensions in ``_ext/`` (the rule catalogue, the sources table, attrs
defaults, the pictures, the terminal sessions) and what the ``docs`` extra installs: the Furo theme,
``myst-parser`` (the changelog, kept in Markdown), ``sphinx-copybutton`` (a copy button on every command) and ``sphinx-inline-tabs`` (Windows / macOS
and Linux tabs where commands differ). ``pip install '.[docs]'`` is all a build needs. The build uses
no network: intersphinx reads the inventories kept in ``_intersphinx/`` (see its README for where
each came from).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The docs describe this checkout: prefer its sources over any installed copy.
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE / "_ext"))

import nedtrapping  # noqa: E402

project = "nedtrapping"
author = "nedtrapping developers"
copyright = "nedtrapping developers"
release = nedtrapping.__version__
version = ".".join(release.split(".")[:2])
language = "en"

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
    "attrs_signatures",
    "rule_catalogue",
    "sources_table",
    "supply_table",
    "generated_files",
    "cli_session",
    "rule_roles",
    "openapi_reference",
    "page_language",
    "extras_table",
    "workbook_pictures",
    "glossary_reverse",
    "myst_parser",
    "sphinx_copybutton",
    "sphinx_inline_tabs",
]

exclude_patterns = ["_build", "_generated", "_intersphinx"]
# The pages are reStructuredText; Markdown (myst_parser) is read only where a page includes a Markdown
# file of the project (the changelog).
source_suffix = {".rst": "restructuredtext"}
templates_path: list[str] = []
root_doc = "index"
default_role = "literal"
# What a reader copies must paste as it is: no curly quotes or dashes made from ' " and --
# (docutils would turn `--ladder-step` in running text into `–ladder-step`).
smartquotes = False

# -- links to other projects' docs, from inventories kept in the repository ----
intersphinx_mapping = {
    "python": ("https://docs.python.org/3.11/", str(HERE / "_intersphinx" / "python-3.11.inv")),
    "attrs": ("https://www.attrs.org/en/stable/", str(HERE / "_intersphinx" / "attrs.inv")),
}

# -- nitpicky: every reference resolves (the test command builds with -n) ------
# The one place for the types no inventory here can link, each with the reason.
nitpick_ignore = [
    # pendulum's documentation is not made with Sphinx: it publishes no objects.inv to link with
    ("py:class", "pendulum.datetime.DateTime"),
    ("py:class", "pendulum.duration.Duration"),
    ("py:class", "pendulum.DateTime"),
    ("py:class", "pendulum.Duration"),
    # matplotlib (the [plot] extra): neither its wheel nor a Debian package here ships its inventory
    ("py:class", "matplotlib.figure.Figure"),
    # hypothesis (the test extra, for nedtrapping.strategies): the only inventory at hand
    # (Debian's python-hypothesis-doc 6.67.1) is far older than hypothesis today, whose pages
    # were reorganised since; a link from it could lead nowhere
    ("py:class", "hypothesis.strategies.SearchStrategy"),
    # Starlette (the [web] extra) publishes no objects.inv: its docs are made with MkDocs
    ("py:class", "starlette.applications.Starlette"),
    ("py:class", "Starlette"),
    # the ASGI callable's type, spelled out in nedtrapping.web.asgi (ASGI is a specification, not a package)
    ("py:class", "ASGIApp"),
    # Not external, but private on purpose: the types of fields the library fills itself and a
    # program never builds (what a plan row keeps to explain itself later, what a salary cost
    # keeps of its inputs and rule values). They show in the public classes' signatures only.
    ("py:class", "nedtrapping.plan._Why"),
    ("py:class", "nedtrapping.costs.lonnskostnader._Inputs"),
    ("py:class", "nedtrapping.costs.lonnskostnader._Terms"),
]

# -- autodoc ---------------------------------------------------------------
autodoc_typehints = "description"
autodoc_member_order = "bysource"
autodoc_class_signature = "mixed"
autodoc_default_options = {
    "members": True,
    "show-inheritance": True,
    "undoc-members": True,
}
autodoc_preserve_defaults = True

# -- doctest ---------------------------------------------------------------
# The examples in these pages (``.. doctest::`` and ``.. testcode::``) import what
# they use and run here. The ``>>>`` examples inside docstrings are *not* run by
# this builder: they need their module's namespace, which only a module-level
# doctest runner (``pytest --doctest-modules``) gives them.
doctest_test_doctest_blocks = ""

# -- HTML ------------------------------------------------------------------
# Furo: the navigation stays beside the text down to about 1000 px (alabaster folded it into a banner
# below its page width, 1280 px, i.e. on an ordinary laptop); a light and a dark scheme.
html_theme = "furo"
html_title = f"nedtrapping {release}"
html_static_path = ["_static"]
html_css_files = ["catalogue.css", "layout.css"]
# Terminal output (Generic.Output) at 4.5:1 or more against the code background in both schemes
# (tests/test_docs_html.py measures it): the Pygments styles below are the ones measured.
pygments_style = "tango"
pygments_dark_style = "github-dark"
html_theme_options = {
    "source_repository": "https://github.com/nedtrapping/nedtrapping/",
    "source_branch": "main",
    "source_directory": "docs/",
}
html_show_sourcelink = False

# -- the copy button (sphinx-copybutton) -------------------------------------
# What is copied is the command alone: the prompt ("$ ", "> ", "PS> ") is left out, and so is what the
# command printed (the lines without a prompt).
copybutton_prompt_text = r"\$ |PS> |> "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True
copybutton_line_continuation_character = "\\"
