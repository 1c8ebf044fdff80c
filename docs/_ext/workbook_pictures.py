"""Sphinx extension: pictures of the plan's workbook, as LibreOffice shows it, made while the docs are built.

Why: a screenshot of a spreadsheet kept in the repository drifts the day a column or a sheet of the
workbook changes. These pictures are made on every build from the library's own workbook: the
tutorial's step 6 is run (``nedtrapping plan stillinger.xlsx --out plan.xlsx --ladder-step ...``, in
process, with the tutorial's files), LibreOffice (``soffice --headless``) prints each sheet asked for
to PDF — every other sheet hidden, so the PDF holds that sheet alone — and the PDF's first page is
rendered to PNG with PDFium (``pypdfium2``, in the ``docs`` extra) and cropped to what is printed.
LibreOffice takes about two seconds for all the sheets of one build.

Directive
---------
``.. workbook-picture:: SHEET``
    The picture of the sheet named ``SHEET`` (``Plan``, ``Totaler``, ``Regler``; case as in the
    workbook). Option ``:alt:`` (required): what the picture shows, for those who cannot see it.
    A sheet the workbook does not have stops the build.

Without LibreOffice the build still succeeds and the page says where the picture would be (a
reader building the docs with the ``docs`` extra alone); on CI (``CI=true``) a missing LibreOffice
is an error, as for the tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

__all__ = ["TUTORIAL_STEP_6", "LibreOfficeMissing", "sheet_pictures", "setup"]

logger = logging.getLogger(__name__)

#: The command of the tutorial's step 6 whose workbook is pictured.
TUTORIAL_STEP_6 = ('nedtrapping plan stillinger.xlsx --out plan.xlsx --ladder-step 2022:3=123456 '
                   '--ladder-source "Tilsagnsbrev 2022, Eksempel kommune"')

_MADE: dict[str, Path] = {}


class LibreOfficeMissing(RuntimeError):
    """``soffice`` is not on the PATH."""


def _workbook(folder: Path) -> Path:
    from cli_session import run_command
    from generated_files import TUTORIAL_CSV, positions_workbook_bytes

    shutil.copy(TUTORIAL_CSV, folder / "stillinger.csv")
    (folder / "stillinger.xlsx").write_bytes(positions_workbook_bytes())
    status, printed = run_command(TUTORIAL_STEP_6, folder)
    if status != 0:
        raise RuntimeError(f"{TUTORIAL_STEP_6!r} exited with {status}:\n{printed}")
    return folder / "plan.xlsx"


def _crop(image: Any, margin: int = 24) -> Any:
    """The image cut to what is printed on it, with a white margin."""
    from PIL import ImageChops

    background = image.convert("RGB")
    blank = background.copy()
    blank.paste((255, 255, 255), (0, 0, *blank.size))
    box = ImageChops.difference(background, blank).getbbox()
    if box is None:
        return background
    left, top, right, bottom = box
    return background.crop((max(left - margin, 0), max(top - margin, 0),
                            min(right + margin, background.width), min(bottom + margin, background.height)))


def sheet_pictures(sheets: list[str], out_dir: Path) -> dict[str, Path]:
    """PNG pictures of the workbook's ``sheets`` in ``out_dir`` (``arbeidsbok-<sheet>.png``), by LibreOffice."""
    import openpyxl
    import pypdfium2

    soffice = shutil.which("soffice")
    if soffice is None:
        raise LibreOfficeMissing("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory(prefix="nedtrapping-workbook-") as tmp:
        folder = Path(tmp)
        book_path = _workbook(folder)
        names = openpyxl.load_workbook(book_path).sheetnames
        unknown = [s for s in sheets if s not in names]
        if unknown:
            raise KeyError(f"the workbook has no sheet {', '.join(unknown)} (it has {', '.join(names)})")
        singles = []
        for sheet in sheets:
            book = openpyxl.load_workbook(book_path)
            for other in book.worksheets:
                if other.title != sheet:
                    other.sheet_state = "hidden"
            book.active = names.index(sheet)
            single = folder / f"arbeidsbok-{sheet.lower()}.xlsx"
            book.save(single)
            singles.append(single)
        profile = folder / "profile"
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", str(folder), *map(str, singles)],
                       check=True, capture_output=True, timeout=180)
        made = {}
        out_dir.mkdir(parents=True, exist_ok=True)
        for sheet, single in zip(sheets, singles):
            pdf = pypdfium2.PdfDocument(single.with_suffix(".pdf"))
            try:
                image = _crop(pdf[0].render(scale=2).to_pil())
            finally:
                pdf.close()
            target = out_dir / f"arbeidsbok-{sheet.lower()}.png"
            tmp_png = target.with_name(f".{target.name}.{os.getpid()}.tmp.png")
            image.save(tmp_png, optimize=True)
            os.replace(tmp_png, target)
            made[sheet] = target
    return made


class WorkbookPictureDirective(SphinxDirective):
    required_arguments = 1
    option_spec = {"alt": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        from generated_files import GENERATED

        sheet = self.arguments[0]
        alt = self.options.get("alt")
        if not alt:
            raise self.error("workbook-picture: give :alt:, what the picture shows")
        if sheet not in _MADE:
            try:
                _MADE.update(sheet_pictures([sheet], GENERATED))
            except LibreOfficeMissing as exc:
                if os.environ.get("CI") == "true":
                    raise self.error(f"workbook-picture {sheet}: {exc}") from None
                logger.info(f"workbook-picture {sheet}: {exc}; the page says where the picture would be")
                note = nodes.admonition(classes=["pending"])
                note += nodes.title(text="Bildet mangler")
                note += nodes.paragraph(text=f"Her står et bilde av arket «{sheet}» når sidene bygges der "
                                             "LibreOffice er installert.")
                return [note]
            except (KeyError, subprocess.SubprocessError, OSError, RuntimeError) as exc:
                raise self.error(f"workbook-picture {sheet}: {exc}") from None
        image = nodes.image(uri=f"/_generated/{_MADE[sheet].name}", alt=alt,
                            classes=["nedtrapping-picture", "workbook-picture"])
        self.set_source_info(image)
        return [image]


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("workbook-picture", WorkbookPictureDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
