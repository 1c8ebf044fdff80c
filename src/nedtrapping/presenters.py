"""Ways to show a model object, registered from above: the model never imports the output layer.

Why: a notebook shows a plan by asking the plan itself (``_repr_html_``, ``plan.plot()``),
but drawing tables and charts is the output layer's job, and the model must not reach up
to it. As pandas does with its plotting backend, the package registers the output
layer's functions here (:mod:`nedtrapping` on import, each importing its module only
when called); the model asks for them by name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nedtrapping.errors import NedtrappingError

__all__ = ["register", "present", "names", "NoPresenterError"]


class NoPresenterError(NedtrappingError, LookupError):
    """No presenter is registered under the name asked for; the message lists those that are."""

_PRESENTERS: dict[str, Callable[..., Any]] = {}


def register(name: str, presenter: Callable[..., Any]) -> None:
    """Show objects as ``name`` (``"plan.html"``) with ``presenter(obj, **options)``."""
    _PRESENTERS[name] = presenter


def names() -> list[str]:
    """The registered presenters."""
    return sorted(_PRESENTERS)


def present(name: str, obj: object, **options: Any) -> Any:
    """``obj`` shown as ``name`` by the presenter registered for it."""
    try:
        presenter = _PRESENTERS[name]
    except KeyError:
        from nedtrapping.wording import Notice  # the catalogue only when there is something to say

        raise NoPresenterError(Notice("model.presenters.none", {"name": name, "names": ", ".join(names()) or "–"}),
                               value=name) from None
    return presenter(obj, **options)
