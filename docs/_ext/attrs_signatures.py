"""Sphinx extension: the defaults of attrs classes shown as values, not as attrs' generated code.

Why: attrs writes each class's ``__init__`` itself, and its source says
``time=attr_dict['time'].default``. With ``autodoc_preserve_defaults`` (which keeps the
defaults of ordinary functions as written, e.g. ``lang=DEFAULT_LANG``) that text is what
the reference showed. This extension replaces the default of every parameter of an
attrs-generated ``__init__`` by the field's default as a reader writes it: ``None``,
``'Europe/Oslo'``, ``Status.FINAL``, ``datetime.time(23, 59)``, ``()``; a factory as
its empty value (``{}``) or as a call (``list()``).

It also evaluates the annotations that ``autodoc_preserve_defaults`` leaves as text: for a
function with keyword-only parameters it keeps ``inspect.signature``'s string annotations
(``list[Fraction]`` under ``from __future__ import annotations``), which then cannot be
linked. They are evaluated in the function's module, as ``typing.get_type_hints`` does.
"""

from __future__ import annotations

import enum
import inspect
import typing
from typing import Any

import attrs

__all__ = ["default_text", "setup"]

_EMPTY = {dict: "{}", list: "[]", tuple: "()", set: "set()", frozenset: "frozenset()"}


class _Shown:
    """A default as text: ``repr`` gives the text, so the signature prints it as it is."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def default_text(default: Any) -> str:
    """The default of an attrs field as a reader writes it."""
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        factory = default.factory
        if factory in _EMPTY:
            return _EMPTY[factory]
        return f"{getattr(factory, '__qualname__', repr(factory))}()"
    if isinstance(default, enum.Enum):
        return f"{type(default).__name__}.{default.name}"
    return repr(default)


def _attrs_class_of(init: Any) -> type | None:
    """The attrs class whose generated ``__init__`` this is, else ``None``."""
    code = getattr(init, "__code__", None)
    if code is None or not code.co_filename.startswith("<attrs generated"):
        return None
    qualname = getattr(init, "__qualname__", "")
    module = inspect.getmodule(init) or __import__(init.__module__, fromlist=["_"])
    owner: Any = module
    for part in qualname.split(".")[:-1]:
        owner = getattr(owner, part, None)
        if owner is None:
            return None
    return owner if isinstance(owner, type) and attrs.has(owner) else None


def _show_defaults(app: Any, obj: Any, bound_method: bool) -> None:
    cls = _attrs_class_of(getattr(obj, "__func__", obj))
    if cls is None:
        return
    func = getattr(obj, "__func__", obj)
    by_name = {(a.alias or a.name.lstrip("_")): a for a in attrs.fields(cls)}
    signature = inspect.signature(func)
    parameters = []
    for parameter in signature.parameters.values():
        field = by_name.get(parameter.name)
        if field is not None and parameter.default is not inspect.Parameter.empty:
            parameter = parameter.replace(default=_Shown(default_text(field.default)))
        parameters.append(parameter)
    func.__signature__ = signature.replace(parameters=parameters)


def _evaluate_annotations(app: Any, obj: Any, bound_method: bool) -> None:
    func = getattr(obj, "__func__", obj)
    signature = getattr(func, "__signature__", None)
    if not isinstance(signature, inspect.Signature):
        return
    texts = [p for p in signature.parameters.values() if isinstance(p.annotation, str)]
    if not texts and not isinstance(signature.return_annotation, str):
        return
    try:
        hints = typing.get_type_hints(func)
    except Exception:  # a name only a type checker sees: leave the text as it is
        return
    parameters = [p.replace(annotation=hints[p.name]) if isinstance(p.annotation, str) and p.name in hints else p
                  for p in signature.parameters.values()]
    returns = signature.return_annotation
    if isinstance(returns, str) and "return" in hints:
        returns = hints["return"]
    try:
        func.__signature__ = signature.replace(parameters=parameters, return_annotation=returns)
    except AttributeError:  # a built-in: nothing to improve
        pass


def setup(app: Any) -> dict[str, Any]:
    app.setup_extension("sphinx.ext.autodoc")
    app.connect("autodoc-before-process-signature", _show_defaults)
    app.connect("autodoc-before-process-signature", _evaluate_annotations)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
