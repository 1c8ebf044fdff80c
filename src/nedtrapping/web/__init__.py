"""The page in the browser and the JSON API (the ``[web]`` extra: Starlette and uvicorn).

``nedtrapping serve`` runs the application on 127.0.0.1; ``nedtrapping.web.app`` is an ASGI
application to mount inside another service, and :func:`nedtrapping.web.asgi.create_app` makes one
with other :class:`~nedtrapping.web.service.Limits`. Everything the page and the API show is computed by
the library's public API (readers, planner, renderers, rule sets, calendar); nothing is kept
after an answer.

Starlette is imported when ``app`` or ``create_app`` is first asked for, so
:mod:`nedtrapping.web.service` imports without the extra. The page's words are ``web.*`` in the
catalogue (``locale/*/LC_MESSAGES/web.po``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from nedtrapping.web.asgi import create_app
    from nedtrapping.web.service import Limits, WebProblem

__all__ = ["app", "create_app", "Limits", "WebProblem"]

#: The application with the default limits (10 MB a request, 5 000 positions), made when first asked for.
app: Starlette


def __getattr__(name: str) -> Any:
    if name == "app":
        from nedtrapping.web.asgi import create_app

        made = create_app()
        globals()["app"] = made
        return made
    if name == "create_app":
        from nedtrapping.web.asgi import create_app

        return create_app
    if name in ("Limits", "WebProblem"):
        from nedtrapping.web import service

        return getattr(service, name)
    raise AttributeError(f"module 'nedtrapping.web' has no attribute {name!r}")  # developer: Python's own wording for a missing name
