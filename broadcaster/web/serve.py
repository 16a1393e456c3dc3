"""Serving the app with waitress (pure Python, threaded): used by `broadcaster web`, tests and the benchmark."""

from __future__ import annotations

from flask import Flask

from broadcaster.config import Settings
from broadcaster.web.app import MAX_UPLOAD, create_app

# The server refuses a body over this from its Content-Length header, before reading it.
MAX_BODY = MAX_UPLOAD + 64 * 1024
THREADS = 8


def make_server(
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = 8080,
    *,
    behind_proxy: bool = False,
    idle_minutes: int = 30,
    threads: int = THREADS,
    app: Flask | None = None,
):
    """A waitress server (not yet running): call .run(), stop with .close(). Port 0 picks a free port."""
    from waitress.server import create_server

    app = app or create_app(settings, behind_proxy=behind_proxy, idle_minutes=idle_minutes)
    return create_server(
        app,
        host=host,
        port=port,
        threads=threads,
        max_request_body_size=MAX_BODY,
        ident="broadcaster",
        channel_timeout=60,
    )
