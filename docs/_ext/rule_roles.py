"""Sphinx extension: roles that put a rule value or its status into running text, read from the rule sets.

Why: prose that names a rule's value or status by hand drifts from the catalogue (issue 23: a page gave
ladder step 2 as its example of *final* while the catalogue said *inferred*). With these roles the words
in the sentence are the catalogue's, and a sentence that claims one status for several years whose
statuses differ does not build.

Roles
-----
``:rule-status:`SCHEME YEARS PATH```
    The status of the fact at ``PATH`` (``ladder.step_2``, ``pro_rata``; several paths joined by
    commas, ``ladder.step_3,ladder.step_4``) in the rule sets of ``SCHEME`` for ``YEARS`` (``2022``,
    ``2021-2024`` or ``2021,2023``), as a literal: ``inferred``. If the years (or paths) disagree, the
    build fails (the docs are built with ``-W``): split the sentence.
``:rule-value:`SCHEME YEARS PATH```
    The value the same way (``550 000 kr``), followed by its status in brackets:
    ``550 000 kr (inferred)``. The years must agree on value and status.
``:regel-status:`SCHEME YEARS PATH``` and ``:regel-verdi:`SCHEME YEARS PATH```
    The same for the pages in bokmål, with the status word the library prints (``utledet``,
    ``550 000 kr (utledet)``).
``:frist:`SCHEME YEAR PURPOSE```
    A deadline of a rule set, ``PURPOSE`` ``application`` or ``reporting`` (the national one), as the
    library describes it: ``1. februar 2024 kl. 23:59``.

:func:`resolve` is a plain function (tests call it without Sphinx).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes

__all__ = ["RoleError", "parse_target", "resolve", "deadline", "status_role", "value_role", "status_role_nb",
           "value_role_nb", "deadline_role", "setup"]


class RoleError(ValueError):
    """A role's target that names no fact, or years that disagree."""


def parse_target(text: str) -> tuple[str, tuple[int, ...], tuple[str, ...]]:
    """``"kommunalt-rusarbeid 2021-2024 pro_rata"`` → ``("kommunalt-rusarbeid", (2021, ..., 2024), ("pro_rata",))``."""
    parts = text.split()
    if len(parts) != 3:
        raise RoleError(f"expected 'SCHEME YEARS PATH', got {text!r}")
    scheme, years_text, path = parts
    years: list[int] = []
    for item in years_text.split(","):
        first, _, last = item.partition("-")
        if not first.isdigit() or (last and not last.isdigit()):
            raise RoleError(f"years must be like 2022, 2021-2024 or 2021,2023; got {years_text!r}")
        years.extend(range(int(first), int(last or first) + 1))
    return scheme, tuple(years), tuple(path.split(","))


def resolve(text: str, *, with_value: bool, lang: str = "en") -> str:
    """The words a role renders for ``text``: the status, or the value and the status.

    Raises :class:`RoleError` when the target names no fact or its years disagree. ``lang="nb"``
    gives the status word in bokmål.
    """
    from rule_catalogue import format_value

    from nedtrapping.registry import get_rule_set

    scheme, years, paths = parse_target(text)
    seen: dict[tuple[str, str], list[str]] = {}
    for year in years:
        for path in paths:
            try:
                fact = get_rule_set(scheme, year).fact(path)
            except Exception as exc:  # an unknown scheme, year or path: the message says which
                raise RoleError(f"{text!r}: {exc}") from exc
            shown = (format_value(fact.value) if with_value else "", fact.status.value)
            seen.setdefault(shown, []).append(f"{year} {path}")
    if len(seen) != 1:
        detail = "; ".join(f"{', '.join(where)}: {v + ' ' if v else ''}{s}" for (v, s), where in seen.items())
        raise RoleError(f"{text!r}: the years disagree ({detail}); name them apart")
    ((value, status),) = seen
    if lang == "nb":
        from nedtrapping.provenance import Status
        from nedtrapping.wording import status_word

        status = status_word(Status(status), "nb")
    return f"{value} ({status})" if with_value else status


def deadline(text: str) -> str:
    """The words ``:frist:`` renders for ``"SCHEME YEAR PURPOSE"``: the national deadline, described."""
    from nedtrapping.deadlines import Purpose
    from nedtrapping.registry import get_rule_set

    parts = text.split()
    if len(parts) != 3 or not parts[1].isdigit():
        raise RoleError(f"expected 'SCHEME YEAR application|reporting', got {text!r}")
    scheme, year, purpose = parts
    try:
        return str(get_rule_set(scheme, int(year)).deadline(Purpose(purpose)).describe())
    except Exception as exc:  # an unknown scheme, year or purpose: the message says which
        raise RoleError(f"{text!r}: {exc}") from exc


def _role(with_value: bool, lang: str = "en", *, what: str = "fact") -> Any:
    def role(name: str, rawtext: str, text: str, lineno: int, inliner: Any,
             options: dict[str, Any] | None = None, content: list[str] | None = None) -> Any:
        try:
            words = deadline(text) if what == "deadline" else resolve(text, with_value=with_value, lang=lang)
        except RoleError as exc:
            message = inliner.reporter.error(f":{name}: {exc}", line=lineno)
            problem = inliner.problematic(rawtext, rawtext, message)
            return [problem], [message]
        return [nodes.literal(rawtext, words, classes=["rule-fact"])], []

    return role


status_role = _role(with_value=False)
value_role = _role(with_value=True)
status_role_nb = _role(with_value=False, lang="nb")
value_role_nb = _role(with_value=True, lang="nb")
deadline_role = _role(with_value=False, what="deadline")


def setup(app: Any) -> dict[str, Any]:
    app.add_role("rule-status", status_role)
    app.add_role("rule-value", value_role)
    app.add_role("regel-status", status_role_nb)
    app.add_role("regel-verdi", value_role_nb)
    app.add_role("frist", deadline_role)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
