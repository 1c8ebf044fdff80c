"""Immutable rule sets: one per scheme and budget year, with a content digest.

Why: a plan must say exactly which rules made it, and a what-if must never leak
into the original. A rule set is a frozen attrs class; a what-if is
``attrs.evolve(rules, ...)`` (or a helper built on it), which gives a new rule set
with a new :attr:`RuleSet.digest`. The digest is SHA-256 over a canonical JSON
serialisation (sorted keys, exact numbers), not Python's ``hash``.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import hashlib
import json
import types
from collections.abc import Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, NamedTuple, Union, get_args, get_origin, get_type_hints

import attrs

from nedtrapping._refusal import expect, expected_got
from nedtrapping.counties import check_county
from nedtrapping.deadlines import Deadline, Purpose
from nedtrapping.errors import InvalidTypeError, InvalidValueError, NedtrappingError
from nedtrapping.explain import FactUse
from nedtrapping.money import Money
from nedtrapping.provenance import Citation, Fact, Status, display_value
from nedtrapping.validators import parse_yes_no
from nedtrapping.wording import FactName, Notice

__all__ = ["RuleSet", "RuleSetId", "NoRuleValueError", "NoDeadlineError", "canonical", "canonical_json", "digest_of"]


class NoRuleValueError(NedtrappingError, KeyError):
    """A rule set has no rule value at this path; the message lists the paths it has."""


class NoDeadlineError(NedtrappingError, LookupError):
    """A rule set has no deadline for this purpose (in this round, for this county)."""


def canonical(value: Any) -> Any:
    """A JSON-able, order-independent form of a rule value (floats refused)."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        raise InvalidTypeError(Notice("model.ruleset.float", {"value": repr(value)}), value=value,
                               expected=expect("exact_number"))
    if isinstance(value, Money):
        return {"ore": value.ore}
    if isinstance(value, (Fraction, Decimal)):
        # one exact form for equal numbers: Decimal("1.50"), Decimal("1.5") and Fraction(3, 2) agree
        exact = Fraction(value)
        return f"{exact.numerator}/{exact.denominator}"
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): canonical(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (tuple, list, frozenset, set)):
        items = [canonical(v) for v in value]
        if isinstance(value, (frozenset, set)):
            items.sort(key=lambda x: json.dumps(x, sort_keys=True))
        return items
    if attrs.has(type(value)):
        out: dict[str, Any] = {"__type__": type(value).__name__}
        for field in attrs.fields(type(value)):
            out[field.name] = canonical(getattr(value, field.name))
        return out
    raise InvalidTypeError(Notice("model.ruleset.not_serialisable", {"got": f"{type(value).__name__} {value!r}"}),
                           value=value)


def canonical_json(value: Any) -> str:
    return json.dumps(canonical(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def digest_of(value: Any) -> str:
    """SHA-256 (hex) of the canonical JSON of ``value``."""
    return hashlib.sha256(canonical_json(value).encode("utf-8")).hexdigest()


def _walk_facts(prefix: str, value: Any) -> Iterator[tuple[str, Fact[Any]]]:
    if isinstance(value, Fact):
        yield prefix, value
    elif isinstance(value, Mapping):
        for key in sorted(value, key=str):
            yield from _walk_facts(f"{prefix}[{key}]", value[key])
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _walk_facts(f"{prefix}[{i}]", item)
    elif attrs.has(type(value)) and not isinstance(value, (Citation, Deadline)):
        for field in attrs.fields(type(value)):
            sep = "." if prefix else ""
            yield from _walk_facts(f"{prefix}{sep}{field.name}", getattr(value, field.name))


def _as_citation(source: Citation | str) -> Citation:
    if isinstance(source, Citation):
        return source
    if isinstance(source, str) and source.strip():
        return Citation(document=source.strip(), tag="USER")
    raise InvalidValueError(Notice("model.ruleset.supply.no_source"), field="source", value=source,
                            expected=expect("grant_letter_name"))


_KNOWN_TYPES: dict[str, type] = {"Money": Money, "int": int, "bool": bool, "str": str, "Decimal": Decimal,
                                 "Fraction": Fraction}


def _fact_type(owner: type, name: str) -> Any:
    """``X`` of the field ``name: Fact[X]`` (or ``Fact[X] | None``) of the attrs class ``owner``."""
    try:
        hint = get_type_hints(owner)[name]
    except (NameError, KeyError, TypeError):  # a class whose module cannot be read back: read the annotation text
        written = str(attrs.fields_dict(owner)[name].type)
        inner = written.split("Fact[", 1)[1].split("]", 1)[0] if "Fact[" in written else ""
        return _KNOWN_TYPES.get(inner, object)
    if get_origin(hint) in (Union, types.UnionType):
        hint = next(a for a in get_args(hint) if a is not type(None))
    args = get_args(hint)
    return args[0] if args else object


def _parse_supplied(kind: Any, value: object, path: str) -> object:
    """``value`` as the fact's type: an amount (``Money``, from text such as ``"480 000"``), a whole number,
    an exact number, a yes/no or a text."""
    from nedtrapping.money import parse_kroner, parse_share

    if isinstance(value, str) and kind is not str:
        text = value.strip()
        if kind is Money:
            value = parse_kroner(text, where=path)
        elif kind is bool:
            try:
                value = parse_yes_no(text)
            except ValueError:
                value = None
            if value is None:
                raise InvalidValueError(Notice("model.expected_got", {"expected": expect("yes_no"), "got": repr(text)}),
                                        field=path, value=text, expected=expect("yes_no")) from None
        elif kind is int:
            if not text.isdigit():
                raise InvalidValueError(Notice("model.expected_got", {"expected": expect("whole_number"),
                                                                      "got": repr(value)}),
                                        field=path, value=value, expected=expect("whole_number"))
            value = int(text)
        elif kind in (Decimal, Fraction):
            share = parse_share(text, where=path)
            value = Decimal(share.numerator) / Decimal(share.denominator) if kind is Decimal else share
    if kind is not object and not isinstance(value, kind):
        raise InvalidTypeError(expected_got(expect("type", type=kind.__name__), value), field=path,
                               value=value, expected=expect("type", type=kind.__name__))
    if isinstance(value, Money) and value.ore <= 0:
        raise InvalidValueError(Notice("model.ruleset.supply.not_positive", {"amount": value}), field=path,
                                value=value, expected=expect("amount_above_zero"))
    return value


class RuleSetId(NamedTuple):
    """Which rule set made a figure: scheme, year and content digest.

    A tuple, so ``scheme_id, year, digest = result.rule_set`` keeps working.
    """

    scheme_id: str
    year: int
    digest: str

    @property
    def key_text(self) -> str:
        return f"{self.scheme_id} {self.year}"

    @property
    def short_digest(self) -> str:
        return self.digest[:12]


@attrs.frozen(kw_only=True)
class RuleSet:
    """What every scheme's rule set has: identity, source, applicants and deadlines.

    Subclasses add their own facts as attrs fields; :meth:`facts` finds them all.
    """

    #: Stable id of the scheme, e.g. ``"kommunalt-rusarbeid"``.
    scheme_id: str
    #: The budget year the rules apply to.
    year: int
    #: The scheme's Norwegian name as the sources give it.
    title: str
    #: A short English rendering, for readers without Norwegian.
    title_en: str
    #: Budget chapter and post (``"kap. 765 post 62"``), if known.
    budget_chapter: str | None = None
    #: The status of the rule set as a whole (``PROVISIONAL`` for "med forbehold").
    status: Status = Status.FINAL
    #: The main source of this year's rules.
    citation: Citation
    #: Who may apply.
    applicants: Fact[str]
    deadlines: tuple[Deadline, ...] = ()

    # -- provenance ---------------------------------------------------------
    def facts(self) -> Iterator[tuple[str, Fact[Any]]]:
        """Every fact in the rule set as ``(path, fact)``, in field order."""
        for field in attrs.fields(type(self)):
            if field.name in {"citation", "deadlines"}:
                continue
            yield from _walk_facts(field.name, getattr(self, field.name))

    def fact(self, path: str) -> Fact[Any]:
        """One fact by its path (as :meth:`facts` names it)."""
        for name, fact in self.facts():
            if name == path:
                return fact
        known = ", ".join(name for name, _ in self.facts())
        raise NoRuleValueError(Notice("model.ruleset.no_value", {"rule_set": self.key_text, "path": path,
                                                                 "known": known}),
                               field="path", value=path, expected=expect("rule_value_of", rule_set=self.key_text))

    def use(self, name: str, fact: Fact[Any]) -> FactUse:
        """A fact of this rule set as used in a computation (for explanations)."""
        return FactUse.of(name, fact, rule_set=self.key_text, digest=self.short_digest)

    def unknowns(self) -> list[tuple[str, Fact[Any]]]:
        return [(n, f) for n, f in self.facts() if f.status is Status.UNKNOWN]

    def deadline(self, purpose: Purpose = Purpose.APPLICATION, county: str | None = None,
                 round: str | None = None) -> Deadline:
        """The deadline for ``purpose`` in ``round``: the county's own when it has one, else the national one.

        ``county`` is checked (case-insensitively) against the Statsforvalter regions: a
        misspelt county raises :class:`~nedtrapping.counties.UnknownCountyError` instead of
        silently getting the national date.
        """
        if not isinstance(purpose, Purpose):
            raise InvalidTypeError(Notice("model.expected_got", {"expected": expect("purpose"), "got": repr(purpose)}),
                                   field="purpose", value=purpose, expected=expect("purpose"))
        county = check_county(county)
        national = None
        for d in self.deadlines:
            if d.purpose is not purpose or d.round != round:
                continue
            if county is not None and d.county == county:
                return d
            if d.county is None and national is None:
                national = d
        if national is None:
            where = Notice("model.ruleset.deadline.county", {"county": county}) if county else ""
            which = Notice("model.ruleset.deadline.round", {"round": round}) if round else ""
            raise NoDeadlineError(Notice(f"model.ruleset.no_deadline.{purpose.value}",
                                         {"rule_set": self.key_text, "round": which, "county": where}))
        return national

    # -- identity -----------------------------------------------------------
    @property
    def key(self) -> tuple[str, int]:
        return (self.scheme_id, self.year)

    @property
    def key_text(self) -> str:
        return f"{self.scheme_id} {self.year}"

    @functools.cached_property
    def digest(self) -> str:
        """SHA-256 over the canonical serialisation: changes whenever any value or source changes.

        Computed once per rule set (it is immutable); a what-if is a new rule set with its own.
        """
        return digest_of(self)

    @property
    def short_digest(self) -> str:
        return self.id.short_digest

    @property
    def id(self) -> RuleSetId:
        """``(scheme_id, year, digest)``: the identity stamped into every result."""
        return RuleSetId(self.scheme_id, self.year, self.digest)

    def to_dict(self) -> dict[str, Any]:
        """The canonical, JSON-able form (what the digest is computed over)."""
        return canonical(self)  # type: ignore[no-any-return]

    def evolve(self, **changes: Any) -> RuleSet:
        """A what-if: a new rule set with ``changes``; this one is untouched."""
        return attrs.evolve(self, **changes)

    def need(self, path: str) -> Any:
        """The value of the fact at ``path``; an unknown one is an
        :class:`~nedtrapping.provenance.UnknownValueError` naming the path, this rule set and how to supply it."""
        value: Any = self
        for part in path.split("."):
            value = getattr(value, part)
        fact: Fact[Any] = value
        return fact.require(Notice("model.ruleset.value_in", {"name": FactName(path), "rule_set": self.key_text}),
                            path=path, rule_set=self.key_text)

    def supply(self, path: str, value: object, source: Citation | str) -> RuleSet:
        """A derived rule set where the fact at ``path`` is ``value``, supplied by the user from ``source``.

        ``path`` is as :meth:`facts` names it (``"ladder.step_3"``); ``value`` is of the fact's
        type, or text parsed as that type (``"480 000"`` for an amount). The original is
        untouched and the derived rule set has a new digest; a known value replaced is named in
        the note. Any fact can be supplied this way: what the grant letter says wins.
        """
        citation = _as_citation(source)
        parts = path.split(".")
        owners: list[Any] = [self]
        for part in parts[:-1]:
            child = getattr(owners[-1], part, None) if attrs.has(type(owners[-1])) else None
            if child is None or not attrs.has(type(child)):
                raise self._no_fact(path)
            owners.append(child)
        owner, name = owners[-1], parts[-1]
        if name not in attrs.fields_dict(type(owner)) or not isinstance(getattr(owner, name), Fact):
            raise self._no_fact(path)
        replaced: Fact[Any] = getattr(owner, name)
        parsed = _parse_supplied(_fact_type(type(owner), name), value, path)
        supplied = replaced.supplied(parsed, citation)
        if replaced.is_known:
            what = replaced.citation.tag or replaced.citation.document
            supplied = attrs.evolve(supplied, note=Notice("model.ruleset.supply.replaces", {
                "status": replaced.status, "value": display_value(replaced.value), "source": what}))
        new: Any = supplied
        for owner, part in zip(reversed(owners), reversed(parts)):
            new = attrs.evolve(owner, **{part: new})
        result: RuleSet = new
        return result

    def _no_fact(self, path: str) -> InvalidValueError:
        known = ", ".join(name for name, _ in self.facts())
        return InvalidValueError(Notice("model.ruleset.no_value", {"rule_set": self.key_text, "path": path,
                                                                   "known": known}),
                                 field="path", value=path, expected=expect("rule_value_of", rule_set=self.key_text))
