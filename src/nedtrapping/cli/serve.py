"""``nedtrapping serve``: the page and the JSON API on this machine (the ``[web]`` extra).

Bound to 127.0.0.1 unless ``--host`` says otherwise: a county's IT office that wants the page on
its network names the address and puts a proxy with HTTPS in front. Starlette and uvicorn are
imported only when the command runs, so the other commands never pay for them.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
from typing import Any

from nedtrapping.cli.language import add_lang_option
from nedtrapping.errors import ExitCode
from nedtrapping.wording import Lang, check_lang, text

__all__ = ["register", "run_serve", "DEFAULT_HOST", "DEFAULT_PORT"]

#: The address served on by default: this machine only.
DEFAULT_HOST = "127.0.0.1"
#: The port served on by default.
DEFAULT_PORT = 8000


def register(sub: Any, lang: Lang) -> None:
    """``nedtrapping serve``, its help in ``lang``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "serve", help=text("cli.serve.help", lang), description=text("cli.serve.description", lang))
    p.add_argument("--host", default=DEFAULT_HOST, help=text("cli.serve.help.host", lang, host=DEFAULT_HOST))
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=text("cli.serve.help.port", lang, port=DEFAULT_PORT))
    p.add_argument("--max-upload-mb", type=int, default=10, metavar=text("cli.metavar.mb", lang),
                   help=text("cli.serve.help.max_upload_mb", lang))
    p.add_argument("--max-positions", type=int, default=5_000, metavar=text("cli.metavar.n", lang),
                   help=text("cli.serve.help.max_positions", lang))
    p.add_argument("--workers", type=int, default=1, metavar=text("cli.metavar.n", lang),
                   help=text("cli.serve.help.workers", lang))
    add_lang_option(p, lang, "cli.serve.help.lang")
    p.set_defaults(run=run_serve)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run_serve(args: argparse.Namespace) -> int:
    lang: Lang = check_lang(args.lang)
    try:
        import uvicorn

        from nedtrapping.web.asgi import LIMITS_ENVIRONMENT, create_app
        from nedtrapping.web.service import Limits
    except ImportError as exc:
        print(f"nedtrapping serve: {text('web.serve.missing', lang, missing=exc.name or exc)}", file=sys.stderr)
        return ExitCode.BAD_INPUT
    if not 1 <= args.port <= 65535 or min(args.max_upload_mb, args.max_positions, args.workers) < 1:
        print(f"nedtrapping serve: {text('cli.serve.limits', lang)}", file=sys.stderr)
        return ExitCode.BAD_INPUT
    limits = Limits(max_body_bytes=args.max_upload_mb * 1024 * 1024, max_positions=args.max_positions)
    if not _is_loopback(args.host):
        print(f"nedtrapping serve: {text('web.serve.public', lang, host=args.host)}", file=sys.stderr)
    host = f"[{args.host}]" if ":" in args.host else args.host
    print(f"nedtrapping serve: {text('web.serve.listening', lang, url=f'http://{host}:{args.port}/')}",
          file=sys.stderr, flush=True)
    settings: dict[str, Any] = {"host": args.host, "port": args.port, "log_level": "warning", "access_log": False,
                                "server_header": False, "limit_concurrency": 200, "timeout_keep_alive": 5,
                                "h11_max_incomplete_event_size": 64 * 1024}
    if args.workers > 1:
        # each worker process makes its own application, with the limits passed in its environment
        os.environ[LIMITS_ENVIRONMENT[0]] = str(limits.max_body_bytes)
        os.environ[LIMITS_ENVIRONMENT[1]] = str(limits.max_positions)
        uvicorn.run("nedtrapping.web.asgi:app_from_environment", factory=True, workers=args.workers, **settings)
    else:
        uvicorn.Server(uvicorn.Config(create_app(limits), **settings)).run()
    return ExitCode.OK
