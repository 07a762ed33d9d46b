"""Opening built pages in Chromium over HTTP with no CSP header (as GitHub Pages serves them), collecting dialogs."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Callable
from pathlib import Path


def visit_pages(chromium, site: Path, pages: list[Path], check: Callable, wait_ms: int = 150) -> list[str]:
    """Open each page, call ``check(page, file)`` on it; returns the messages of any dialogs that opened."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    dialogs: list[str] = []
    page = chromium.new_page()
    try:
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for file in pages:
            page.goto(base + file.relative_to(site).as_posix(), wait_until="load")
            page.wait_for_timeout(wait_ms)
            check(page, file)
    finally:
        page.close()
        server.shutdown()
    return dialogs
