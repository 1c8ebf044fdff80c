"""Every word a person reads, in Norwegian bokmål and English: one catalogue.

Why: the people who use the library read Norwegian; a developer reading the code
may not. Labels, headings, status words and messages live here, keyed by a stable
id, so a renderer never writes its own wording and a change of wording is one edit.
Bokmål (``"nb"``) is the default for people; English (``"en"``) is there on request
(``--lang en``). What programs read (CSV columns, JSON keys) is not wording and
stays in stable English in the renderers.

>>> text("plan.heading", "nb", municipality="Eksempel kommune", scheme="kommunalt rusarbeid")
'Nedtrappingsplan — Eksempel kommune (kommunalt rusarbeid)'
>>> status_word(Status.UNCERTAIN, "nb", neuter=True)
'usikkert'
"""

from __future__ import annotations

from typing import Literal

from nedtrapping.provenance import Status

__all__ = [
    "Lang",
    "LANGS",
    "DEFAULT_LANG",
    "UnknownLanguageError",
    "check_lang",
    "text",
    "has_text",
    "status_word",
    "STATUS_NB",
    "STATUS_EN",
    "status_nb",
    "CATALOGUE",
]

Lang = Literal["nb", "en"]
LANGS: tuple[Lang, ...] = ("nb", "en")
DEFAULT_LANG: Lang = "nb"


class UnknownLanguageError(ValueError):
    """A language the catalogue does not have."""


def check_lang(lang: object) -> Lang:
    """``lang`` if the catalogue has it (``"nb"`` or ``"en"``), else :class:`UnknownLanguageError`."""
    if lang == "nb":
        return "nb"
    if lang == "en":
        return "en"
    raise UnknownLanguageError(f"language {lang!r}: expected one of {', '.join(LANGS)} (nb = norsk bokmål)")


#: The statuses in Norwegian, for Norwegian output.
STATUS_NB: dict[Status, str] = {
    Status.FINAL: "endelig",
    Status.PROVISIONAL: "foreløpig",
    Status.UNCERTAIN: "usikker",
    Status.INFERRED: "utledet",
    Status.ASSUMED: "antatt",
    Status.USER_SUPPLIED: "oppgitt av bruker",
    Status.UNKNOWN: "ukjent",
}
#: The statuses in English: their stable values.
STATUS_EN: dict[Status, str] = {s: s.value for s in Status}


def status_word(status: Status, lang: Lang = DEFAULT_LANG, *, neuter: bool = False) -> str:
    """A :class:`~nedtrapping.provenance.Status` as a word in ``lang``.

    ``neuter=True`` agrees with a neuter noun in Norwegian ("regelverket er usikkert").
    """
    if check_lang(lang) == "en":
        return STATUS_EN[status]
    word = STATUS_NB[status]
    return "usikkert" if neuter and status is Status.UNCERTAIN else word


def status_nb(status: Status, *, neuter: bool = False) -> str:
    """A status in Norwegian (``status_word(status, "nb")``).

    >>> status_nb(Status.PROVISIONAL)
    'foreløpig'
    """
    return status_word(status, "nb", neuter=neuter)


#: id → {language → text}. Texts may hold ``{name}`` fields filled by :func:`text`.
CATALOGUE: dict[str, dict[Lang, str]] = {
    # ---- plans: headings and column labels (table, Markdown, workbook)
    "plan.heading": {
        "nb": "Nedtrappingsplan — {municipality} ({scheme})",
        "en": "Phase-down plan — {municipality} ({scheme})",
    },
    "plan.col.position": {"nb": "Stilling", "en": "Position"},
    "plan.col.year": {"nb": "År", "en": "Year"},
    "plan.col.year_in_scheme": {"nb": "År i ordningen", "en": "Year in scheme"},
    "plan.col.year_in_scheme_short": {"nb": "Nr", "en": "Yr"},
    "plan.col.percent": {"nb": "%", "en": "%"},
    "plan.col.grant": {"nb": "Tilskudd", "en": "Grant"},
    "plan.col.cost": {"nb": "Full kostnad", "en": "Full cost"},
    "plan.col.own_financing": {"nb": "Egenfinansiering", "en": "Own financing"},
    "plan.col.increase": {"nb": "Økning", "en": "Increase"},
    "plan.col.municipality": {"nb": "Kommune", "en": "Municipality"},
    "plan.col.grant_source": {"nb": "Kilde for tilskuddet", "en": "Grant source"},
    "plan.total": {"nb": "SUM", "en": "TOTAL"},
    "plan.total_md": {"nb": "Sum", "en": "Total"},
    "plan.unknown": {"nb": "ukjent", "en": "unknown"},
    "plan.takeover": {
        "nb": "Kommunen bærer hele stillingen fra: {items}",
        "en": "Municipality carries the whole position from: {items}",
    },
    "plan.takeover_none": {"nb": "ikke innen planen / ukjent", "en": "not within the plan / unknown"},
    "plan.grant_letter_mark": {
        "nb": "tilskudd fra tilsagnsbrevet (oppgitt av bruker)",
        "en": "grant taken from the grant letter (user-supplied)",
    },
    "plan.grant_letter_mark_md": {
        "nb": "fra tilsagnsbrevet (oppgitt av bruker)",
        "en": "from the grant letter (user-supplied)",
    },
    "plan.problems": {"nb": "Ukjente tall", "en": "Unknown figures"},
    "plan.problems_count": {
        "nb": "Ukjente tall ({count}) — planen er ufullstendig:",
        "en": "Unknown figures ({count}) — the plan is incomplete:",
    },
    "plan.discrepancies": {
        "nb": "Tilsagnsbrev som avviker fra regelen",
        "en": "Grant letters that disagree with the rules",
    },
    "plan.warnings": {"nb": "Verdier som ikke er endelige", "en": "Values used that are not final"},
    "plan.digests": {"nb": "Regelsett brukt (SHA-256)", "en": "Rule sets used (SHA-256)"},
    "plan.rounding_footer": {
        "nb": "Beløpene er eksakte; hvert tilskudd og hver kostnad avrundes én gang, halvt opp til hele kroner "
              "(en antakelse).",
        "en": "Amounts are exact; each grant and cost is rounded once, half up to whole kroner (an assumption).",
    },
    "plan.explanations": {"nb": "Forklaringer", "en": "Explanations"},
    "plan.example_heading": {"nb": "(innebygd eksempel: {name})", "en": "(embedded example: {name})"},
    "plan.problem_line": {"nb": "{subject} {year}: {message}", "en": "{subject} {year}: {message}"},
    "plan.unknown_value": {
        "nb": "{name} [{where}] er ukjent: ingen offentlig kilde oppgir verdien. Brukt av: {positions}.",
        "en": "{name} [{where}] is unknown: no public source gives it. Used by: {positions}.",
    },
    "plan.how_to_supply": {"nb": "Slik oppgir du den: {how}", "en": "How to supply it: {how}"},
    # ---- command line messages
    "cli.incomplete": {
        "nb": "{count} tall er ukjente; planen er ufullstendig",
        "en": "{count} figure(s) unknown; the plan is incomplete",
    },
    "cli.incomplete_in_table": {"nb": " (listet i tabellen).", "en": " (listed in the table output)."},
    "cli.unused_supplied": {
        "nb": "advarsel: {name} i {rule_set} ble oppgitt, men ingen stilling brukte den",
        "en": "warning: {name} of {rule_set} was supplied but no position used it",
    },
}


def has_text(key: str) -> bool:
    return key in CATALOGUE


def text(key: str, lang: Lang = DEFAULT_LANG, /, **fields: object) -> str:
    """The text ``key`` in ``lang``, with ``fields`` filled in.

    A missing key is a :class:`KeyError` naming it (a renderer asked for wording that
    was never written), never an empty string.
    """
    try:
        entry = CATALOGUE[key]
    except KeyError:
        raise KeyError(f"no wording {key!r} in nedtrapping.wording.CATALOGUE") from None
    template = entry[check_lang(lang)]
    try:
        return template.format(**fields)
    except KeyError as exc:
        raise KeyError(f"wording {key!r} needs the field {exc.args[0]!r}") from None
