"""Sphinx configuration for the nedtrapping documentation.

Only Sphinx built-ins plus the local extensions in ``_ext/`` (the rule catalogue, the sources table);
the default theme (alabaster); no network access (no intersphinx).
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
    "sphinx.ext.viewcode",
    "rule_catalogue",
    "sources_table",
]

exclude_patterns = ["_build"]
templates_path: list[str] = []
root_doc = "index"
default_role = "literal"

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
html_theme = "alabaster"
html_title = f"nedtrapping {release}"
html_static_path = ["_static"]
html_css_files = ["catalogue.css"]
html_theme_options = {
    "description": "Exact, traceable phase-down of Norwegian state grants to municipalities",
    "fixed_sidebar": True,
    "page_width": "1100px",
    "sidebar_width": "240px",
}
html_show_sourcelink = False
