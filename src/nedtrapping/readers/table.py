"""Read positions from a CSV file (English or Norwegian headers), reporting every bad cell.

Why: the finance officer's positions live in a spreadsheet. A spreadsheet export
has Norwegian headers, decimal commas, ``;`` separators, thousands spaces and a
BOM; all are accepted. What is wrong is never dropped: every bad row and cell is
reported at once (row number as the spreadsheet shows it, column, value, what was
expected) in one :class:`PositionsCSVError`.

Columns (header names are case-insensitive; English or Norwegian):

=====================  ==========================  ==================================================================
English                Norwegian                   Meaning
=====================  ==========================  ==================================================================
municipality           kommune                     the municipality
position               stilling                    the position's name (unique per municipality)
percent                stillingsprosent            position percentage, in (0, 100]
first_year             første_tilskuddsår          first year the position got the grant
annual_cost            årskostnad                  full annual cost of the position, kroner
salary                 årslønn                     or: the annual salary at 100 %, kroner (cost built from it)
zone                   sone                        with a salary: the zone, 1, 1a redusert/full, 2, 3, 4, 4a or 5
pension_rate           pensjon                     with a salary: the pension premium in percent (no default)
holiday_pay (opt.)     feriepenger                 ``12`` (fifth week, default) or ``10,2`` (ferieloven)
birth_year (optional)  fødselsår                   the employee's birth year (holiday rules from 60)
growth (optional)      lønnsvekst                  annual cost (or salary) growth in percent (``3,5``)
cost_year (optional)   kostnadsår                  the year ``annual_cost`` (or ``salary``) is for (default 2022)
received_2021 (opt.)   fikk_tilskudd_2021          ja/nei: the municipality got the grant in 2021
granted_YYYY (opt.)    tildelt_YYYY                amount granted for year YYYY (grant letter)
percent_YYYY (opt.)    stillingsprosent_YYYY       the percentage from year YYYY on
=====================  ==========================  ==================================================================

A row gives either ``annual_cost`` or ``salary``, never both; a row with ``salary`` needs
``zone`` and ``pension_rate`` (see :class:`nedtrapping.cofinancing.SalaryCost`).

``årskostnad`` is the full annual cost of the position *at its own percentage* (what a
50 % position costs, not what a full-time one would); a cost that grows is given for
``kostnadsår`` and grows by ``lønnsvekst`` a year.

Sheets as they are: a title or blank rows above the header are skipped (the header is
the first row that names at least two of the required columns); ``,``, ``;`` and tab
separate cells; other columns (``Merknad``) are kept aside, reported, and carried to
the workbook (:class:`PositionsRead`).
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import attrs

from nedtrapping.cofinancing import CostModel, FixedCost, GrowingCost, SalaryCost
from nedtrapping.costs.lonnskostnader import (
    ZONE_1A_EXPECTED,
    ZONE_CELL_EXPECTED,
    HolidayPay,
    Zone,
    Zone1aRate,
    ZoneError,
    parse_holiday_pay,
    parse_zone,
    zone_alone_expected,
)
from nedtrapping.errors import InvalidTypeError, NedtrappingError
from nedtrapping.money import ExactAmount, Money, parse_kroner, parse_share
from nedtrapping.plan import DEFAULT_SCHEME, Position
from nedtrapping.readable import DEFAULT_LANG, Lang, Readable, read
from nedtrapping.registry import position_scheme, position_scheme_ids
from nedtrapping.rounding import round_half_up_to_kroner
from nedtrapping.validators import PLAUSIBLE_YEARS, parse_yes_no, position_percent
from nedtrapping.wording import Notice, Place, Quoted, text

text_of = text  # where a parameter is named text

__all__ = [
    "CellProblem",
    "InputSource",
    "RowPlace",
    "SOURCE_FILE",
    "SOURCE_CSV",
    "SOURCE_TABLE",
    "PositionsCSVError",
    "PositionsRead",
    "parse_positions_table",
    "read_positions_text_file",
    "file_size",
    "decode_positions_text",
    "MAX_ROWS",
    "MAX_COLUMNS",
    "MAX_FILE_BYTES",
    "MAX_AMOUNT",
    "ExactGrowingCost",
    "cell_name",
    "read_positions_csv",
    "parse_positions_csv",
    "parse_positions_rows",
    "COLUMN_ALIASES",
    "parse_zone_cell",
    "normalise_header",
    "normalise_name",
]

#: canonical column → accepted header names (after normalisation)
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "municipality": ("municipality", "kommune"),
    "position": ("position", "stilling"),
    "percent": ("percent", "stillingsprosent"),
    "first_year": ("first_year", "første_tilskuddsår", "forste_tilskuddsar", "first_grant_year"),
    "annual_cost": ("annual_cost", "årskostnad", "arskostnad"),
    "growth": ("growth", "lønnsvekst", "lonnsvekst"),
    "cost_year": ("cost_year", "kostnadsår", "kostnadsar"),
    "salary": ("salary", "årslønn", "arslonn", "annual_salary"),
    "zone": ("zone", "sone", "arbeidsgiveravgiftssone"),
    "pension_rate": ("pension_rate", "pensjon", "pensjonssats"),
    "holiday_pay": ("holiday_pay", "feriepenger"),
    "birth_year": ("birth_year", "fødselsår", "fodselsar"),
}
#: The name of a positions file that was not named («stillingsfil»).
SOURCE_FILE = Notice("input.source.file")
#: The name of positions given as CSV text, without a file.
SOURCE_CSV = Notice("input.source.csv")
#: The name of positions given as rows (a table, a DataFrame), without a file.
SOURCE_TABLE = Notice("input.source.table")
_HEADER_AND_POSITION = Notice("input.expected.header_and_position")
_ORE = Decimal("0.01")
#: A number beyond this is no amount (quantizing it to øre would need more digits than a Decimal holds).
_MAX_EXACT = Decimal(10) ** 20
#: The columns that build a cost from the salary (meaningless on a row that gives ``annual_cost``).
SALARY_COLUMNS = ("zone", "pension_rate", "holiday_pay", "birth_year")
#: The largest amount a cell may hold (a cost, a salary, a granted amount): one billion kroner. A larger one is
#: a slip (or a number a spreadsheet cannot hold exactly), refused with its cell.
MAX_AMOUNT = Money.kroner(1_000_000_000)
#: A yearly cost or salary above this is allowed but named in a note (a slip of a digit, or a sum of positions).
LARGE_AMOUNT = Money.kroner(5_000_000)
_AMOUNT_RANGE = Notice("input.expected.amount_range", {"limit": MAX_AMOUNT})
#: The years a year cell or a year column may hold (first grant year, cost year, tildelt_YYYY, …).
YEARS = PLAUSIBLE_YEARS
#: The yearly growth in percent a cost may have (a wider one is almost surely a slip).
GROWTH_LIMITS = (Fraction(-50), Fraction(100))
REQUIRED = ("municipality", "position", "percent", "first_year")
#: The most position rows a file or sheet may have: a larger one is refused by name (the limit in the
#: message), before it can fill memory.
MAX_ROWS = 250_000
#: The most cells a row may have, refused the same way.
MAX_COLUMNS = 250
#: The largest positions text file read (200 MB; 250 000 rows of positions take about 15 MB).
MAX_FILE_BYTES = 200 * 1024 * 1024
# --------------------------------------------------------------------------- the cells of a salary cost

_REDUCED_WORDS = {"redusert", "reduced", "10,6", "10.6", "10,6%", "10.6%"}
_FULL_WORDS = {"full", "14,1", "14.1", "14,1%", "14.1%"}


def parse_zone_cell(value: str) -> tuple[Zone, Zone1aRate | None]:
    """A zone cell of a positions file: ``"1"``, ``"IVa"``, or ``"1a redusert"`` / ``"1a full"`` for zone 1a.

    Zone 1a alone is refused: its rate depends on the municipality's allowance, which the
    library cannot know (:class:`~nedtrapping.costs.lonnskostnader.ZoneError` saying what to write).

    >>> parse_zone_cell("1a redusert")
    (<Zone.ONE_A: '1a'>, <Zone1aRate.REDUCED: 'reduced'>)
    """
    words = re.split(r"[\s\-/:()]+", value.strip().lower())
    words = [w for w in words if w]
    rate: Zone1aRate | None = None
    if len(words) >= 2 and words[-1] in _REDUCED_WORDS | _FULL_WORDS:
        rate = Zone1aRate.REDUCED if words[-1] in _REDUCED_WORDS else Zone1aRate.FULL
        words = words[:-1]
    try:
        zone = parse_zone(" ".join(words))
    except ZoneError:
        raise ZoneError(value, ZONE_CELL_EXPECTED) from None
    if zone is Zone.ONE_A and rate is None:
        raise ZoneError(value, ZONE_1A_EXPECTED)
    if zone is not Zone.ONE_A and rate is not None:
        raise ZoneError(value, zone_alone_expected(zone))
    return zone, rate


def _aliases(canon: str) -> tuple[str, ...]:
    """The header names of a column: its aliases, or an option's columns (``option.<name>``)."""
    if canon.startswith("option."):
        name = canon.removeprefix("option.")
        return next(o.columns for sid in position_scheme_ids() for o in position_scheme(sid).options if o.name == name)
    return COLUMN_ALIASES[canon]


_YEAR_COLUMNS = {
    "granted": re.compile(r"^(?:granted|tildelt)_(\d{4})$"),
    "percent": re.compile(r"^(?:percent|stillingsprosent)_(\d{4})$"),
}


@attrs.frozen
class InputSource:
    """Where positions are read from, as people read it: a file (or a name for text given directly), and
    the sheet of a workbook — ``stillinger.xlsx (ark «Stillinger 2022»)`` / ``(sheet 'Stillinger 2022')``."""

    name: str | Readable
    sheet: str | None = None

    @property
    def file(self) -> str | None:
        """The file's name, when the positions come from a file (``None`` for text given directly)."""
        return self.name if isinstance(self.name, str) else None

    def text(self, lang: Lang = DEFAULT_LANG, /) -> str:
        name = read(self.name, lang)
        return text_of("input.source.sheet", lang, source=name, sheet=self.sheet) if self.sheet else name

    def __str__(self) -> str:
        return self.text(DEFAULT_LANG)


def _input_source(source: str | Readable) -> InputSource:
    return source if isinstance(source, InputSource) else InputSource(source)


@attrs.frozen
class RowPlace:
    """A row of the input, as people read it: ``stillinger.csv, rad 3`` / ``stillinger.csv, row 3``."""

    source: str | Readable
    row: int

    def text(self, lang: Lang = DEFAULT_LANG, /) -> str:
        return f"{read(self.source, lang)}, {text_of('place.row', lang, row=self.row)}"

    def __str__(self) -> str:
        return self.text(DEFAULT_LANG)


#: A value longer than this is shown by its start and its length.
_LONG_VALUE = 80


@attrs.frozen
class CellProblem:
    """One thing wrong in the input: where (row, column), what was there, what was expected.

    ``expected`` is words (a :class:`~nedtrapping.wording.Notice`); :meth:`text` gives the whole
    problem in a language, ``str()`` in bokmål.
    """

    row: int | None
    column: str | None
    #: What the cell held (as text), or words saying what was there (``251 celler``), or ``None``.
    value: str | Readable | None
    expected: Readable

    def text(self, lang: Lang = DEFAULT_LANG, /) -> str:
        place = Place(row=self.row, column=self.column).text(lang)
        parts = []
        if self.value == "":
            parts.append(text_of("input.problem.empty", lang))
        elif isinstance(self.value, str):
            value = self.value
            if len(value) > _LONG_VALUE:
                value = text_of("input.problem.long_value", lang, start=value[:40], n=len(value))
            parts.append(text_of("input.problem.got", lang, value=value))
        elif self.value is not None:
            parts.append(text_of("input.problem.got_words", lang, value=self.value.text(lang)))
        parts.append(text_of("input.problem.expected", lang, expected=self.expected.text(lang)))
        said = "; ".join(parts)
        return f"{place}: {said}" if place else said

    def __str__(self) -> str:
        return self.text(DEFAULT_LANG)


@attrs.frozen
class _Problems:
    """A positions file's problems as words: a line saying how many, then one line per problem."""

    source: str | Readable
    problems: tuple[CellProblem, ...]

    def text(self, lang: Lang = DEFAULT_LANG, /) -> str:
        n = len(self.problems)
        key = "input.problems.one" if n == 1 else "input.problems"
        lines = [text_of(key, lang, source=read(self.source, lang), n=n)]
        lines.extend(f"  - {p.text(lang)}" for p in self.problems)
        return "\n".join(lines)


class PositionsCSVError(NedtrappingError, ValueError):
    """Every problem found in a positions file (not just the first).

    ``str(error)`` is bokmål, :meth:`~nedtrapping.errors.NedtrappingError.text` any language: a line naming the source and how many
    problems, then one line per problem with its row, column, value and what was expected.
    """

    def __init__(self, problems: Iterable[CellProblem], source: str | Readable = SOURCE_FILE) -> None:
        self.problems = tuple(problems)
        self.source = source
        where = _input_source(self.source)
        # the first problem's place, value and expectation as the error's own (every problem is in .problems)
        first = self.problems[0] if self.problems else CellProblem(None, None, None, Notice("input.expected.positions"))
        super().__init__(_Problems(self.source, self.problems), file=where.file, sheet=where.sheet, row=first.row,
                         column=first.column, value=first.value, expected=first.expected)

    @property
    def place(self) -> Readable | None:
        """``None``: the message names the source, and each problem its own row and column."""
        return None


@attrs.frozen
class ExactGrowingCost(GrowingCost):
    """A :class:`~nedtrapping.cofinancing.GrowingCost` whose base a cell gave with more than two decimals.

    ``base`` is the base to the øre (for display and the JSON document); each year's cost is
    computed from the exact base (``exact_base_ore``, in øre) and rounded once, so a base of
    ``510000.4999`` costs 510 000 kr in its own year, never 510 000,50 and then 510 001.
    """

    exact_base_ore: Fraction = attrs.field(kw_only=True, validator=attrs.validators.instance_of(Fraction))

    def exact_in(self, year: int) -> ExactAmount:
        return ExactAmount(self.exact_base_ore) * self.factor(year)

    def describe(self, year: int) -> Notice:
        kroner = self.exact_base_ore / 100
        exact = format(Decimal(kroner.numerator) / Decimal(kroner.denominator), "f")
        return Notice("cost.describe.growing_exact", {"base": exact, "year": self.base_year,
                                                      "growth": self.growth_percent, "n": year - self.base_year})


@attrs.frozen(kw_only=True)
class PositionsRead:
    """What a reader found: the positions, notes for people, and the columns it did not use.

    ``extra_columns`` maps ``(municipality, position)`` to that row's cells in columns the
    library does not know (``{"Merknad": "vakant fra mars"}``), so an output can carry them.
    """

    positions: tuple[Position, ...]
    #: Things the reader did that a person should know (skipped title rows, ignored columns, rounding).
    notices: tuple[Notice, ...] = ()
    #: The headers of the columns kept aside, in sheet order.
    ignored_columns: tuple[str, ...] = ()
    extra_columns: dict[tuple[str, str], dict[str, str]] = attrs.field(factory=dict)


def cell_name(row: int, column: int) -> str:
    """A spreadsheet cell's name from 1-based row and column: ``cell_name(5, 7) == "G5"``."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{row}"


def _is_cp1252(raw: bytes) -> bool:
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def normalise_header(header: str) -> str:
    """A header as the readers match it: NFC (macOS writes ``å`` as ``a`` + ring), invisible characters
    removed, lower case, spaces and dashes as ``_``.

    >>> normalise_header("Første tilskuddsår")
    'første_tilskuddsår'
    """
    return re.sub(r"[\s\-]+", "_", normalise_name(header).lower())


_normalise = normalise_header
#: Characters that print as nothing (zero-width space and joiners, word joiner, BOM, soft hyphen).
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")


def normalise_name(name: str) -> str:
    """A name as it is compared and grouped: NFC, invisible characters removed, no space at the ends.

    Two names that print alike are one name: ``"Bodø"`` typed on macOS (NFD) or with a stray
    zero-width space is the same municipality as ``"Bodø"``.

    >>> normalise_name("Bo\u200bdo\u0308 ") == "Bodö"
    True
    """
    return _INVISIBLE.sub("", unicodedata.normalize("NFC", name)).strip()


def _detect_dialect(text: str) -> str:
    """The separator of the first lines: tab, ``;`` or ``,`` (the most frequent; ``;`` and tab win a tie,
    since a decimal comma is common in Norwegian files)."""
    lines = [line for line in text[:65536].splitlines() if line.strip()][:20]
    counts = {sep: sum(line.count(sep) for line in lines) for sep in ("\t", ";", ",")}
    best = max(counts.values())
    if best == 0:
        return ","
    return next(sep for sep in ("\t", ";", ",") if counts[sep] == best)


def read_positions_csv(path: str | Path, *, scheme: str = DEFAULT_SCHEME) -> list[Position]:
    """Read a positions CSV file (UTF-8, with or without BOM; ``,``, ``;`` or tab)."""
    return list(read_positions_text_file(path, scheme=scheme).positions)


def read_positions_text_file(path: str | Path, *, scheme: str = DEFAULT_SCHEME) -> PositionsRead:
    """Read a positions CSV or tab-separated file, with notes and the columns kept aside.

    The file is decoded whole (UTF-8, Windows-1252 or UTF-16, see :func:`decode_positions_text`)
    and then read row by row: only the positions are kept, never the file's cells.
    """
    p = Path(path)
    size = file_size(p)
    if size > MAX_FILE_BYTES:
        raise PositionsCSVError([CellProblem(None, None, f"{size // (1024 * 1024)} MB", Notice(
            "input.expected.file_size", {"limit": MAX_FILE_BYTES // (1024 * 1024)}))], str(p))
    text = decode_positions_text(p.read_bytes(), source=str(p))
    return _parse_text(text, source=str(p), scheme=scheme)


def file_size(path: Path) -> int:
    """The size of the file to read, in bytes; a file that does not exist, or a folder, is a
    :class:`PositionsCSVError` saying so (in the reader's language), never a bare ``OSError``."""
    try:
        if path.is_dir():
            raise PositionsCSVError([CellProblem(None, None, None, Notice("input.expected.not_a_folder"))], str(path))
        return path.stat().st_size
    except FileNotFoundError:
        raise PositionsCSVError([CellProblem(None, None, None, Notice("input.expected.existing_file"))],
                                str(path)) from None


def _utf16_without_bom(raw: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when the bytes look like UTF-16 text without a byte-order mark.

    Text of Latin letters in UTF-16 has a NUL byte in every other place (``k\\x00o\\x00``); UTF-8 or
    Windows-1252 text has none (a stray NUL in a name is not this pattern).
    """
    sample = raw[:4096]
    half = len(sample) // 2
    if half < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    # at least 40 % NUL bytes on one side and at most 5 % on the other, in whole numbers
    if odd * 10 >= half * 4 and even * 20 <= half:
        return "utf-16-le"
    if even * 10 >= half * 4 and odd * 20 <= half:
        return "utf-16-be"
    return None


def _line_list(numbers: list[int]) -> str | Notice:
    shown = ", ".join(map(str, numbers[:10]))
    return Notice("input.lines_more", {"lines": shown, "n": len(numbers)}) if len(numbers) > 10 else shown


def decode_positions_text(raw: bytes, *, source: str | Readable = SOURCE_FILE) -> str:
    """The text of a positions file's bytes: UTF-8 (with or without BOM), Windows-1252, UTF-16 or UTF-32 (with BOM).

    Excel on Norwegian Windows saves "CSV (semikolondelt)" as Windows-1252 and "Unicode text"
    as UTF-16; both are read as what they are. A file whose lines are partly UTF-8 and partly
    Windows-1252 (lines pasted together from two exports) is refused, naming the lines: read
    as one or the other, the names of some lines would come out garbled.
    """
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: its BOM starts the same
        try:
            return raw.decode("utf-32")
        except UnicodeDecodeError:
            raise PositionsCSVError([CellProblem(None, None, None, Notice("read.utf32_broken"))], source) from None
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode text" is UTF-16 with a BOM (and tabs): read it as what it is
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise PositionsCSVError([CellProblem(None, None, None, Notice("input.expected.utf16_bom"))],
                                    source) from None
    utf16 = _utf16_without_bom(raw)
    if utf16 is not None:
        try:
            return raw.decode(utf16)
        except UnicodeDecodeError:
            raise PositionsCSVError([CellProblem(None, None, None, Notice("read.utf16_broken"))],
                                    source) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    utf8_lines: list[int] = []
    other_lines: list[int] = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8_lines.append(number)
        except UnicodeDecodeError:
            other_lines.append(number)
    if utf8_lines and other_lines:
        raise PositionsCSVError([CellProblem(None, None, None, Notice(
            "read.mixed_encodings", {"utf8": _line_list(utf8_lines), "other": _line_list(other_lines)}))], source)
    # Excel's "CSV (semikolondelt)" on Norwegian Windows writes Windows-1252
    if not _is_cp1252(raw):
        raise PositionsCSVError([CellProblem(None, None, None, Notice("input.expected.text_file"))],
                                source)
    return raw.decode("cp1252")


def _bounded_lines(text: str, separator: str, source: str | Readable) -> Iterator[str]:
    """The lines of ``text``; a line of more separators than a row may have cells is refused before the CSV reader
    splits it (a file of 200 MB of ``;`` would otherwise become hundreds of millions of empty cells)."""
    for number, line in enumerate(io.StringIO(text, newline=None), start=1):
        if len(line) > MAX_COLUMNS and line.count(separator) >= MAX_COLUMNS:
            raise PositionsCSVError([CellProblem(number, None, Notice("input.value.cells", {"n": line.count(separator) + 1}),
                                                 Notice("read.too_many_cells", {"limit": MAX_COLUMNS}))], source)
        yield line


def _csv_rows(text: str, source: str | Readable) -> Iterator[list[str]]:
    """The rows of CSV text, one at a time (universal newlines: CR-only line ends are read too)."""
    separator = _detect_dialect(text)
    reader = csv.reader(_bounded_lines(text, separator, source), delimiter=separator)
    try:
        yield from reader
    except csv.Error as exc:
        limit = csv.field_size_limit()
        expected = (Notice("input.expected.cell_length", {"limit": limit, "error": str(exc)})
                    if "field larger" in str(exc) else Notice("input.expected.csv", {"error": str(exc)}))  # machine: the csv module's message
        raise PositionsCSVError([CellProblem(reader.line_num, None, None, expected)], source) from None


def _parse_text(text: str, *, source: str | Readable, scheme: str) -> PositionsRead:
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise PositionsCSVError([CellProblem(None, None, None, _HEADER_AND_POSITION)], source)
    return parse_positions_table(_csv_rows(text, source), source=source, scheme=scheme)


def parse_positions_csv(text: str, *, source: str | Readable = SOURCE_CSV,
                        scheme: str = DEFAULT_SCHEME) -> list[Position]:
    """Parse positions from CSV text; raises :class:`PositionsCSVError` listing every problem."""
    if not isinstance(text, str):
        expected = Notice("input.expected.csv_text")
        key = "input.type.bytes" if isinstance(text, bytes | bytearray) else "input.type.expected_got"
        raise InvalidTypeError(Notice(key, {"expected": expected, "type": type(text).__name__}),
                               field="text", value=type(text).__name__, expected=expected)
    return list(_parse_text(text, source=source, scheme=scheme).positions)


def parse_positions_rows(rows: list[list[str]], *, source: str | Readable = SOURCE_TABLE,
                         scheme: str = DEFAULT_SCHEME) -> list[Position]:
    """Parse positions from rows of text cells (see :func:`parse_positions_table`)."""
    return list(parse_positions_table(rows, source=source, scheme=scheme).positions)


#: How far down a sheet the header is looked for (a title block, notes and blank rows may come first).
_HEADER_SEARCH = 100


def _checked_rows(rows: object) -> Iterator[list[str]]:
    """The rows, each a list of text cells, or :class:`~nedtrapping.errors.InvalidTypeError` naming the first that
    is not (``None``, bytes, a row of numbers: the API's promise is the library's error, never an AttributeError)."""
    if isinstance(rows, str | bytes | bytearray) or not isinstance(rows, Iterable):
        expected = Notice("input.expected.rows")
        raise InvalidTypeError(Notice("input.type.expected_got", {"expected": expected, "type": type(rows).__name__}),
                               field="rows", value=type(rows).__name__, expected=expected)
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, list | tuple) or not all(isinstance(cell, str) for cell in row):
            expected = Notice("input.expected.row")
            raise InvalidTypeError(Notice("input.type.expected_got_value", {
                "expected": expected, "type": type(row).__name__, "value": f"{row!r:.60}"}),
                field="rows", row=number, value=type(row).__name__, expected=expected)
        yield row if isinstance(row, list) else list(row)


_REQUIRED_ALIASES = frozenset(alias for canon in REQUIRED for alias in COLUMN_ALIASES[canon])


def _is_header(row: list[str]) -> bool:
    """Whether a row names at least two of the required columns."""
    return sum(_normalise(cell) in _REQUIRED_ALIASES for cell in row) >= 2


def _find_header(rows: list[list[str]]) -> int:
    """The index of the header row: the first of the first rows naming two required columns."""
    for i, row in enumerate(rows[:_HEADER_SEARCH]):
        if _is_header(row):
            return i
    return next((i for i, row in enumerate(rows) if any(cell.strip() for cell in row)), 0)


def _rows_to_header(rows: Iterator[list[str]]) -> list[list[str]]:
    """The first rows, up to the header (the first row naming two required columns), or the first
    :data:`_HEADER_SEARCH` rows when none does (then the first row that is not empty is taken)."""
    head: list[list[str]] = []
    for row in rows:
        head.append(row)
        if _is_header(row):
            break
        if len(head) >= _HEADER_SEARCH and any(any(cell.strip() for cell in r) for r in head):
            break
    return head


def parse_positions_table(rows: Iterable[list[str]], *, source: str | Readable = SOURCE_TABLE,
                          scheme: str = DEFAULT_SCHEME,
                          numbers: Mapping[tuple[int, int], Decimal] | None = None,
                          formulas: Mapping[tuple[int, int], str] | None = None,
                          merged: Mapping[tuple[int, int], str] | None = None) -> PositionsRead:
    """Parse positions from rows of text cells: the common core of the CSV and spreadsheet readers.

    Same columns, same checks, every problem reported. The header is the first row that
    names two required columns (title and blank rows above it are skipped, with a note);
    row numbers are the sheet's own (the first row of ``rows`` is row 1). Columns the
    library does not know are kept aside and reported. ``scheme`` gives the default
    ``cost_year`` (its first default year) and which optional columns mean something
    (``received_2021`` only for kommunalt rusarbeid).

    A spreadsheet reader also passes ``numbers`` — the exact value of each numeric cell,
    by ``(row index, column index)`` — so an amount cell with more than two decimals
    (``742377.309912``, what a cost formula gives) is taken at its exact value and its
    figure rounded once, half up to whole kroner (a growing cost: each year's, from the
    exact base; a salary: to the øre), with a note naming the cell, ``formulas`` — the formula of each cell that has no saved
    value — so such a cell is reported by its formula, and ``merged`` — the merged range
    (``"A2:A3"``) of each cell that a merged cell covers — so an empty one is reported as
    part of a merged cell.

    ``rows`` may be any iterable, and is read once, row by row: a reader that yields its
    rows (the CSV reader does) never holds the file's cells, only the positions. At most
    :data:`MAX_ROWS` rows of positions and :data:`MAX_COLUMNS` cells a row are read.
    """
    planned = position_scheme(scheme)
    formulas = formulas or {}
    merged = merged or {}
    # an amount's exact value by row: each row looks up its own cells (not every number of the sheet)
    numbers_by_row: dict[int, list[tuple[int, Decimal]]] = {}
    for (r_i, c_i), exact in (numbers or {}).items():
        numbers_by_row.setdefault(r_i, []).append((c_i, exact))
    row_iter = _checked_rows(rows)
    head = _rows_to_header(row_iter)
    header_index = _find_header(head) if head else 0
    if not head or not any(cell.strip() for cell in head[header_index]):
        raise PositionsCSVError([CellProblem(None, None, None, _HEADER_AND_POSITION)], source)
    notices: list[Notice] = []
    if header_index > 0:
        notices.append(Notice("read.header_row", {"source": source, "row": header_index + 1}))
    header = head[header_index]
    problems: list[CellProblem] = []
    ignored: dict[int, str] = {}

    def data_rows() -> Iterator[tuple[int, list[str]]]:
        """The rows below the header that hold anything, with their row numbers, one at a time."""
        number = header_index + 1
        for row in itertools.chain(head[header_index + 1:], row_iter):
            number += 1
            if any(cell.strip() for cell in row):
                yield number, row

    # -- map headers
    index: dict[str, int] = {}
    year_cols: dict[tuple[str, int], int] = {}
    shown: dict[str, str] = {}
    alias_to_canonical = {alias: canon for canon, aliases in COLUMN_ALIASES.items() for alias in aliases}
    # the options schemes declare (kommunalt rusarbeid's fikk_tilskudd_2021): read for the scheme planned,
    # refused by name for another
    options = {o.name: o for sid in position_scheme_ids() for o in position_scheme(sid).options}
    alias_to_canonical.update({_normalise(c): f"option.{o.name}" for o in options.values() for c in o.columns})
    planned_options = {o.name for o in planned.options}
    # a column without a name is kept aside (by its header cell's name) once a row has something in it
    unnamed: list[int] = []
    for i, raw in enumerate(header):
        name = _normalise(raw)
        if not name:
            unnamed.append(i)
            continue
        if name in alias_to_canonical:
            canon = alias_to_canonical[name]
            if canon in index:
                problems.append(CellProblem(header_index + 1, raw, raw, Notice("input.expected.column_once",
                                                                               {"first": shown[canon]})))
            index[canon] = i
            shown[canon] = raw.strip()
            continue
        for kind, pattern in _YEAR_COLUMNS.items():
            m = pattern.match(name)
            if m:
                year = int(m.group(1))
                if not YEARS[0] <= year <= YEARS[1]:
                    problems.append(CellProblem(header_index + 1, raw.strip(), raw.strip(), Notice(
                        "input.expected.column_year", {"low": YEARS[0], "high": YEARS[1]})))
                elif (kind, year) in year_cols:
                    first = shown[f"{kind}_{year}"]
                    problems.append(CellProblem(header_index + 1, raw.strip(), raw.strip(), Notice(
                        f"input.expected.year_column_once.{kind}", {"year": year, "first": first})))
                year_cols[(kind, year)] = i
                shown.setdefault(f"{kind}_{year}", raw.strip())
                break
        else:
            ignored[i] = raw.strip()
    header_row = header_index + 1

    def keep_unnamed(row: list[str]) -> None:
        for i in unnamed:
            if i not in ignored and i < len(row) and row[i].strip():
                ignored[i] = cell_name(header_row, i + 1)  # a column of figures without a name: kept aside

    missing = [canon for canon in REQUIRED if canon not in index]
    if missing or ("annual_cost" not in index and "salary" not in index):
        for _, row in data_rows():  # the rows cannot be read: only the columns they fill are named
            keep_unnamed(row)
        ignored = dict(sorted(ignored.items()))
    # the columns not recognised, named with each missing one (a typo in a header is the usual cause)
    others = {"others": Quoted(tuple(ignored.values()))} if ignored else {}
    with_others = ".others" if ignored else ""
    for canon in REQUIRED:
        if canon not in index:
            english, norwegian = COLUMN_ALIASES[canon][:2]
            problems.append(CellProblem(header_row, None, None, Notice(f"input.expected.column{with_others}", {
                "english": english, "norwegian": norwegian, **others})))
    if "annual_cost" not in index and "salary" not in index:
        problems.append(CellProblem(header_row, None, None, Notice(f"input.expected.cost_column{with_others}",
                                                                   others)))
    if any(p.column is None for p in problems):
        raise PositionsCSVError(problems, source)  # a required column is missing: the rows cannot be read
    # any other header problem is reported together with every row problem, below
    ignored_notice_at = len(notices)

    positions: list[Position] = []
    places: list[RowPlace] = []
    extra: dict[tuple[str, str], dict[str, str]] = {}
    seen: dict[tuple[str, str], int] = {}
    money_columns = ({index[c] for c in ("annual_cost", "salary") if c in index}
                     | {i for (kind, _), i in year_cols.items() if kind == "granted"})
    count = 0
    for row_no, row in data_rows():
        count += 1
        if count > MAX_ROWS:
            raise PositionsCSVError([*problems, CellProblem(row_no, None, None, Notice(
                "read.too_many_rows", {"limit": MAX_ROWS}))], source)
        keep_unnamed(row)
        row_problems: list[CellProblem] = []
        if len(row) > MAX_COLUMNS:
            problems.append(CellProblem(row_no, None, Notice("input.value.cells", {"n": len(row)}), Notice(
                "read.too_many_cells", {"limit": MAX_COLUMNS})))
            continue
        if len(row) > len(header):
            beyond = tuple(c for c in row[len(header):] if c.strip())
            if beyond:
                row_problems.append(CellProblem(row_no, None, Quoted(beyond), Notice("input.expected.row_length",
                                                                                     {"n": len(header)})))

        # an amount cell with more than two decimals: its exact value, rounded once where it is used
        exact_amounts: dict[int, Decimal] = {}
        for c_i, exact in numbers_by_row.get(row_no - 1, ()):
            if (c_i in money_columns and exact.is_finite() and abs(exact) < _MAX_EXACT
                    and exact != exact.quantize(_ORE)):
                exact_amounts[c_i] = exact
                # the text the checks read; the figure is rounded once, from the exact value, below
                row = [*row[:c_i], str(exact.quantize(_ORE, rounding=ROUND_HALF_UP)), *row[c_i + 1:]]

        def cell(canon: str) -> str:
            i = index[canon]
            return row[i].strip() if i < len(row) else ""

        if _is_total_row(cell("municipality"), cell("position"), cell("first_year")):
            notices.append(Notice("read.total_row", {"source": source, "row": row_no,
                                                     "label": cell("municipality") or cell("position") or "—"}))
            continue

        def bad(canon: str, value: str, expected: Readable) -> None:
            row_problems.append(CellProblem(row_no, shown.get(canon, canon), value, expected))

        for canon in ("municipality", "position"):
            if _INVISIBLE.search(cell(canon)):
                notices.append(Notice("read.invisible", {"source": source, "row": row_no, "column": shown[canon],
                                                         "name": normalise_name(cell(canon))}))
        municipality = normalise_name(cell("municipality"))
        if not municipality:
            bad("municipality", municipality, Notice("input.expected.municipality"))
        position = normalise_name(cell("position"))
        if not position:
            bad("position", position, Notice("input.expected.position"))
        for canon, name in (("municipality", municipality), ("position", position)):
            control = next((ch for ch in name if unicodedata.category(ch) == "Cc"), None)
            if control is not None:
                bad(canon, name, Notice("input.expected.no_control", {"code": f"U+{ord(control):04X}"}))
        percent = _parse_percent(cell("percent"), lambda v, e: bad("percent", v, e))
        first_year = _parse_year(cell("first_year"), lambda v, e: bad("first_year", v, e))
        if first_year is not None and not (YEARS[0] <= first_year <= YEARS[1]):
            bad("first_year", cell("first_year"), Notice("input.expected.year_range",
                                                         {"low": YEARS[0], "high": YEARS[1], "example": 2021}))
            first_year = None
        annual: Money | None = None
        salary: Money | None = None
        given = {canon: cell(canon) for canon in ("annual_cost", "salary") if canon in index and cell(canon)}
        if len(given) == 2:
            bad("salary", given["salary"], Notice("input.expected.cost_or_salary", {
                "column": shown["annual_cost"], "value": given["annual_cost"]}))
        elif "salary" in given:
            salary = _parse_money(given["salary"], lambda v, e: bad("salary", v, e))
            if salary is not None and salary.ore == 0:
                bad("salary", given["salary"], Notice("input.expected.salary_above_zero"))
                salary = None
        elif "annual_cost" in index and ("salary" not in index or cell("annual_cost")):
            annual = _parse_money(cell("annual_cost"), lambda v, e: bad("annual_cost", v, e))
        elif "annual_cost" in index:
            bad("annual_cost", "", Notice("input.expected.cost_or_salary_column", {"column": shown["salary"]}))
        else:
            bad("salary", "", Notice("input.expected.salary"))
        salary_cells = {canon: cell(canon) for canon in SALARY_COLUMNS if canon in index and cell(canon)}
        if "salary" not in given:
            for canon, value in salary_cells.items():
                bad(canon, value, Notice("input.expected.salary_only"))
        growth: Fraction | None = None
        if "growth" in index and cell("growth"):
            try:
                growth = _share(cell("growth"), where="growth")
                if not GROWTH_LIMITS[0] <= growth <= GROWTH_LIMITS[1]:
                    bad("growth", cell("growth"), Notice("input.expected.growth_range", {
                        "low": GROWTH_LIMITS[0], "high": GROWTH_LIMITS[1]}))
                    growth = None
            except ValueError:
                bad("growth", cell("growth"), Notice("input.expected.growth"))
        cost_year = planned.default_years[0]
        if "cost_year" in index and cell("cost_year"):
            parsed = _parse_year(cell("cost_year"), lambda v, e: bad("cost_year", v, e))
            if parsed is not None and not (YEARS[0] <= parsed <= YEARS[1]):
                bad("cost_year", cell("cost_year"), Notice("input.expected.year_range",
                                                           {"low": YEARS[0], "high": YEARS[1], "example": 2022}))
                parsed = None
            cost_year = parsed if parsed is not None else cost_year
        answers: dict[str, bool] = {}
        for name in options:
            column = f"option.{name}"
            if column not in index or not cell(column):
                continue
            if name not in planned_options:
                bad(column, cell(column), Notice("input.expected.option_other_scheme", {"scheme": planned.scheme_id}))
                continue
            try:
                answer = parse_yes_no(cell(column))
            except ValueError:
                bad(column, cell(column), Notice("input.expected.yes_no"))
                continue
            if answer is not None:
                answers[name] = answer
        granted: dict[int, Money] = {}
        changes: dict[int, Fraction] = {}
        for (kind, year), i in sorted(year_cols.items()):
            raw = row[i].strip() if i < len(row) else ""
            if not raw:
                continue
            col = f"{kind}_{year}"
            if kind == "granted":
                amount = _parse_money(raw, lambda v, e, c=col: bad(c, v, e))
                if amount is not None and i in exact_amounts:
                    amount = _rounded_once(exact_amounts.pop(i), row_no, i, shown[col], notices, source)
                if amount is not None:
                    granted[year] = amount
            else:
                pct = _parse_percent(raw, lambda v, e, c=col: bad(c, v, e))
                if pct is not None:
                    changes[year] = pct
        if municipality and position:
            key = (municipality, position)
            if key in seen:
                bad("position", position, Notice("input.expected.position_once", {"row": seen[key]}))
            else:
                seen[key] = row_no
        salary_cost: SalaryCost | None = None
        if "salary" in given:
            salary_cost = _salary_cost(salary, percent, growth, cost_year, salary_cells, shown, row_problems, row_no)
        if row_problems and (formulas or merged):
            by_name = {shown.get(canon, canon): i for canon, i in index.items()}
            by_name.update({shown.get(f"{kind}_{year}", f"{kind}_{year}"): i for (kind, year), i in year_cols.items()})
            row_problems = [_as_sheet_cell(p, (row_no - 1, by_name[p.column]), formulas, merged)
                            if p.column in by_name else p for p in row_problems]
        if row_problems:
            problems.extend(row_problems)
            continue
        if ignored and municipality and position:
            values = {name: row[i].strip() for i, name in sorted(ignored.items()) if i < len(row) and row[i].strip()}
            if values:
                extra[(municipality, position)] = values
        assert percent is not None and first_year is not None
        cost: CostModel
        if salary_cost is not None:
            cost = salary_cost
        else:
            assert annual is not None
            fixed = growth is None or growth == 0
            if fixed and index["annual_cost"] in exact_amounts:  # a fixed cost is its figure: rounded once, here
                annual = _rounded_once(exact_amounts.pop(index["annual_cost"]), row_no, index["annual_cost"],
                                       shown["annual_cost"], notices, source)
            if fixed:
                cost = FixedCost(annual)
            elif index["annual_cost"] in exact_amounts:  # each year's figure rounded once, from the exact base
                exact = exact_amounts.pop(index["annual_cost"])
                cost = ExactGrowingCost(annual, cost_year, growth, exact_base_ore=Fraction(exact) * 100)
                notices.append(Notice("read.exact_base", {"source": source, "cell": cell_name(row_no, index["annual_cost"] + 1),
                                                          "column": shown["annual_cost"], "value": format(exact, "f")}))
            else:
                cost = GrowingCost(annual, cost_year, growth)
        for c_i, exact in exact_amounts.items():  # a base of a growing cost or a salary: kept to the øre
            notices.append(Notice("read.rounded", {"source": source, "cell": cell_name(row_no, c_i + 1),
                                                   "column": header[c_i].strip(), "value": format(exact, "f"),
                                                   "rounded": Money.kroner(exact.quantize(_ORE, ROUND_HALF_UP))}))
        place = RowPlace(source, row_no)
        places.append(place)
        positions.append(Position(
            municipality=municipality, position=position, percent=percent, first_grant_year=first_year,
            cost=cost, percent_changes=changes, granted=granted, options=answers,
            origin=place.text(DEFAULT_LANG),  # kept as text with the position (bokmål, the library's language)
        ))
    if not count:
        raise PositionsCSVError([CellProblem(None, None, None, Notice("input.expected.position_rows"))], source)
    if problems:
        raise PositionsCSVError(problems, source)
    if ignored:
        ignored = dict(sorted(ignored.items()))
        notices.insert(ignored_notice_at, Notice("read.ignored_columns", {"source": source,
                                                                         "columns": ", ".join(ignored.values())}))
    notices += plausibility_notices(positions, growth_column="growth" in index, source=source, places=places)
    return PositionsRead(positions=tuple(positions), notices=tuple(notices), ignored_columns=tuple(ignored.values()),
                         extra_columns=extra)


_TOTAL_LABEL = re.compile(r"(?:sum|summa|sum\s.*|totalt?|total\s.*|i\s+alt|delsum.*|subtotal.*)\s*:?", re.I)


def _is_total_row(municipality: str, position: str, first_year: str) -> bool:
    """A total or subtotal row (``Sum``, ``Totalt``, ``I alt``, or only figures with no names and no year): never a
    position — a position always has a first grant year."""
    if first_year:
        return False
    if not municipality and not position:
        return True
    return any(_TOTAL_LABEL.fullmatch(normalise_name(label)) for label in (municipality, position) if label)


def _rounded_once(exact: Decimal, row_no: int, column: int, name: str, notices: list[Notice],
                  source: str | Readable) -> Money:
    """An amount with more than two decimals as its figure: rounded once, half up to whole kroner, from the exact
    value (``510000.4999`` is 510 000, never 510 000,50 and then 510 001), with a note naming the cell."""
    figure = round_half_up_to_kroner(ExactAmount(Fraction(exact) * 100))
    notices.append(Notice("read.rounded_once", {"source": source, "cell": cell_name(row_no, column + 1),
                                                "column": name, "value": format(exact, "f"), "rounded": figure}))
    return figure


def plausibility_notices(positions: Iterable[Position], *, growth_column: bool, source: str | Readable,
                         places: Sequence[Readable] | None = None) -> list[Notice]:
    """Values that are allowed but look like a slip: named, never changed.

    A yearly cost or salary above :data:`LARGE_AMOUNT`, a percentage below 1 (``0,5`` is half a percent, not 50 %),
    a growth between 0 and 0,5 %
    (``0,035`` is 0,035 %, not 3,5 %), and a file without a growth column (costs are then
    planned flat, with no wage growth). ``places`` names each position's row in the reader's
    language (else its ``origin``).
    """
    out: list[Notice] = []
    for i, p in enumerate(positions):
        where: str | Readable = places[i] if places is not None else p.origin or p.subject
        if p.percent < 1:
            out.append(Notice("read.small_percent", {"where": where, "value": p.percent}))
        amount = next((a for a in (getattr(p.cost, name, None) for name in ("annual", "base", "salary"))
                       if isinstance(a, Money)), None)
        if amount is not None and amount > LARGE_AMOUNT:
            out.append(Notice("read.large_amount", {"where": where, "value": amount, "limit": LARGE_AMOUNT}))
        growth = getattr(p.cost, "growth_percent", None)
        if isinstance(growth, Fraction) and 0 < growth < Fraction(1, 2):
            out.append(Notice("read.small_growth", {"where": where, "value": growth}))
    if not growth_column and any(isinstance(p.cost, FixedCost) for p in positions):
        out.append(Notice("read.no_growth", {"source": source}))
    return out


def _formula_expected(formula: str) -> Notice:
    return Notice("read.formula_without_value", {"formula": formula})


def _as_sheet_cell(problem: CellProblem, at: tuple[int, int], formulas: Mapping[tuple[int, int], str],
                   merged: Mapping[tuple[int, int], str]) -> CellProblem:
    """A problem with a cell that is empty for a reason the sheet shows: a formula without a saved value,
    or a cell a merged cell covers (its value is only in the merged cell's first cell)."""
    if at in formulas:
        return CellProblem(problem.row, problem.column, formulas[at], _formula_expected(formulas[at]))
    if at in merged:
        first = merged[at].split(":")[0]
        return CellProblem(problem.row, problem.column, problem.value,
                           Notice("read.merged_cell", {"cell": cell_name(at[0] + 1, at[1] + 1), "range": merged[at],
                                                       "first": first}))
    return problem


def _salary_cost(salary: Money | None, percent: Fraction | None, growth: Fraction | None, cost_year: int,
                 cells: dict[str, str], shown: dict[str, str], row_problems: list[CellProblem],
                 row_no: int) -> SalaryCost | None:
    """The salary-based cost of a row, every bad or missing cell of it reported."""
    def bad(canon: str, value: str, expected: Readable) -> None:
        row_problems.append(CellProblem(row_no, shown.get(canon, '/'.join(_aliases(canon)[:2])), value, expected))

    zone = zone_1a = None
    if not cells.get("zone"):
        bad("zone", "", Notice("input.expected.zone_missing"))
    else:
        try:
            zone, zone_1a = parse_zone_cell(cells["zone"])
        except ZoneError as exc:
            bad("zone", cells["zone"], exc.expected if exc.expected is not None else Notice("input.expected.zone"))
    pension: Fraction | None = None
    if not cells.get("pension_rate"):
        bad("pension_rate", "", Notice("input.expected.pension_missing"))
    else:
        try:
            pension = parse_share(cells["pension_rate"], where="pension_rate")
            if not 0 <= pension < 100:
                raise ValueError(cells["pension_rate"])
        except ValueError:
            bad("pension_rate", cells["pension_rate"], Notice("input.expected.pension"))
            pension = None
    holiday = HolidayPay.FIFTH_WEEK
    holiday_given = False
    if cells.get("holiday_pay"):
        try:
            holiday, holiday_given = parse_holiday_pay(cells["holiday_pay"]), True
        except ValueError:
            bad("holiday_pay", cells["holiday_pay"], Notice("input.expected.holiday_pay"))
    birth: int | None = None
    if cells.get("birth_year"):
        birth = _parse_year(cells["birth_year"], lambda v, e: bad("birth_year", v, e))
        if birth is not None and not 1900 <= birth <= 2100:
            bad("birth_year", cells["birth_year"], Notice("input.expected.birth_year"))
            birth = None
    if salary is None or percent is None or zone is None or pension is None or row_problems:
        return None
    return SalaryCost(salary, percent=percent, zone=zone, zone_1a_rate=zone_1a, pension_percent=pension,
                      holiday_pay=holiday if holiday_given else None, growth_percent=growth or 0,
                      salary_year=cost_year, birth_year=birth)


@functools.lru_cache(maxsize=4096)
def _percent_value(raw: str) -> Fraction | Notice:
    """The percentage in a cell, or what was expected instead (kept per text: a column repeats few values)."""
    if not raw:
        return _PERCENT
    try:
        parse_share(raw, where="percent")
    except ValueError:
        return _PERCENT
    try:
        return position_percent(raw)
    except ValueError:
        return _PERCENT_RANGE


_PERCENT = Notice("input.expected.percent")
_PERCENT_RANGE = Notice("input.expected.percent_range")


def _parse_percent(raw: str, report: object) -> Fraction | None:
    assert callable(report)
    value = _percent_value(raw)
    if isinstance(value, Notice):
        report(raw, value)
        return None
    return value


_share = functools.lru_cache(maxsize=4096)(parse_share)


def _parse_year(raw: str, report: object) -> int | None:
    assert callable(report)
    if not re.fullmatch(r"\d{4}", raw):
        report(raw, Notice("input.expected.year"))
        return None
    return int(raw)


def _parse_money(raw: str, report: object) -> Money | None:
    assert callable(report)
    if raw.isascii() and raw.isdigit() and len(raw) < 10:
        return Money(int(raw) * 100)  # whole kroner, plain digits: what parse_kroner gives, without its patterns
    if not raw:
        report(raw, Notice("input.expected.amount"))
        return None
    if len(raw) > 40 or not raw.isprintable():  # no amount is this long: refused before it is parsed
        report(raw if len(raw) <= 40 else Notice("input.problem.long_value", {"start": raw[:20], "n": len(raw)}),
               _AMOUNT_RANGE)
        return None
    try:
        amount = parse_kroner(raw, where="amount")
    except ValueError as exc:
        reason: str | Readable = exc.message if isinstance(exc, NedtrappingError) else str(exc)
        report(raw, Notice("input.expected.amount_because", {"reason": reason}))
        return None
    if amount.ore < 0:
        report(raw, Notice("input.expected.amount_not_negative"))
        return None
    if amount > MAX_AMOUNT:
        report(raw, _AMOUNT_RANGE)
        return None
    return amount
