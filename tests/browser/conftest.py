"""Browser fixtures: the fixture site served over HTTP on 127.0.0.1 with a strict CSP, and Debian chromium.

Everything here is per test session and per xdist worker: each worker builds the fixture site into its
own tmp folder (the ``fixture_site`` fixture), serves it on its own free port and runs its own browser.
"""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

# The policy the site must work under: scripts only from the site itself (no inline scripts, no eval).
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'")
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "build" / "screenshots"


class _Handler(SimpleHTTPRequestHandler):
    """Static files with the strict Content-Security-Policy header, quietly."""

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass


def serve(folder: Path):
    """Start a threaded HTTP server for ``folder`` on 127.0.0.1 and a free port; returns the server."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def site_url(fixture_site):
    """The built fixture site at http://127.0.0.1:<port>/ with the strict CSP."""
    server = serve(fixture_site / "site")
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class Watched:
    """A page with every request, console error, page error and CSP violation recorded."""

    def __init__(self, context, page):
        self.context, self.page = context, page
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        # Recorded from the page itself; add_init_script runs before any of the page's own scripts.
        page.add_init_script("window.__cspViolations = [];"
                             "document.addEventListener('securitypolicyviolation', function (e) {"
                             " window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI); });")

    def violations(self) -> list[str]:
        return self.page.evaluate("window.__cspViolations || []")

    def foreign(self) -> list[str]:
        """Requests to any host other than 127.0.0.1 (data: URLs are not requests to a host)."""
        return [u for u in self.requests if not (u.startswith("http://127.0.0.1:") or u.startswith("data:") or u.startswith("blob:"))]


@pytest.fixture
def watched(chromium):
    """A fresh desktop-sized page in its own context, watched for errors and requests."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield Watched(context, page)
    context.close()


def draw_all_charts(page, timeout: int = 15000) -> int:
    """Scroll each chart into view and wait until it is drawn; returns how many were drawn."""
    charts = page.locator(".fp-chart[data-src]")
    n = charts.count()
    for i in range(n):
        charts.nth(i).scroll_into_view_if_needed()
        page.wait_for_function("el => el.getAttribute('data-state') === 'drawn' || el.getAttribute('data-state') === 'failed'",
                               arg=charts.nth(i).element_handle(), timeout=timeout)
    return n


def page_types(site: Path) -> dict[str, str]:
    """One built page of every type, by name: path relative to the site root."""
    # the force and domain page with the most charts (first by name when tied): the lazy-drawing test needs several
    domain_pages = sorted(p for p in (site / "forces").glob("*/*.html") if p.name != "index.html")
    with_chart = max(domain_pages, key=lambda p: p.read_text(encoding="utf-8").count('class="fp-chart"'))
    force = with_chart.parent.name
    indicator = next(p for p in sorted((site / "indicators").glob("*.html")) if p.name != "index.html" and "fp-chart" in p.read_text(encoding="utf-8"))
    package = next(p for p in sorted((site / "data").glob("*.html")) if p.name != "index.html")
    domain = sorted((site / "domains").glob("*.html"))[0]
    found = {
        "home": "index.html", "forces": "forces/index.html", "force": f"forces/{force}/index.html",
        "force-domain": with_chart.relative_to(site).as_posix(), "indicators": "indicators/index.html",
        "indicator": indicator.relative_to(site).as_posix(), "data": "data/index.html",
        "package": package.relative_to(site).as_posix(), "methodology": "methodology.html", "glossary": "glossary.html",
        "about": "about.html", "accessibility": "accessibility.html", "api": "api.html",
        "domain": domain.relative_to(site).as_posix(), "release-calendar": "release-calendar.html",
        "revisions": "revisions.html", "not-found": "404.html",
    }
    welsh = sorted(p for p in (site / "cy" / "forces").glob("*/*.html") if p.name != "index.html")
    if welsh:  # the Welsh pages of a force in Wales (issue 16): the same checks as the English ones
        with_chart = max(welsh, key=lambda p: p.read_text(encoding="utf-8").count('class="fp-chart"'))
        found.update({"welsh-home": "cy/index.html", "welsh-force": f"cy/forces/{with_chart.parent.name}/index.html",
                      "welsh-force-domain": with_chart.relative_to(site).as_posix()})
    return {k: v for k, v in found.items() if (site / v).is_file()}
