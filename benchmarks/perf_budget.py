"""Performance budget of the built site: prints numbers, asserts nothing (not a timed test).

    .venv/bin/python benchmarks/perf_budget.py [--site build/site] [--no-browser] [--no-lighthouse]

Prints: plotly.js bundle size (raw and gzipped), bytes per chart figure, gzipped HTML of force pages
(budget 60 KB), whether charts draw with the bundled plotly.js in Debian chromium, and Lighthouse mobile
performance and accessibility scores for the home page (with its map) and one force page (budget: performance >= 95, accessibility 100).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import statistics
import subprocess
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
BUDGET_FORCE_HTML_GZ = 60 * 1024


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def kb(n: float) -> str:
    return f"{n / 1024:,.1f} KB"


class _Quiet(SimpleHTTPRequestHandler):
    """Static files as a real host serves them: gzip for text, a cache lifetime for assets, the strict CSP."""

    TEXT = (".html", ".css", ".js", ".json", ".csv", ".svg", ".xml", ".txt")

    def send_head(self):  # noqa: D102 - gzip text like any production static host does
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (path.suffix in self.TEXT and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=31536000" if "/assets/" in self.path else "max-age=600")
            self.end_headers()
            import io
            return io.BytesIO(body)
        return super().send_head()

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", "script-src 'self'")
        super().end_headers()

    def log_message(self, *args) -> None:
        pass


def serve(site: Path) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def sizes(site: Path) -> dict:
    plotly = (site / "assets" / "plotly-basic.min.js").read_bytes()
    print(f"plotly.js bundle (plotly.js-basic-dist-min): {kb(len(plotly))} raw, {kb(gz(plotly))} gzipped; served from the site once")
    figures = sorted((site / "charts").glob("*.json"))
    sizes_ = [p.stat().st_size for p in figures]
    if sizes_:
        with_template = sum('"template"' in p.read_text(encoding="utf-8") for p in figures)
        print(f"chart figures: {len(figures)}; bytes per figure: median {statistics.median(sizes_):,.0f}, "
              f"max {max(sizes_):,} ({figures[sizes_.index(max(sizes_))].name}); with a plotly template: {with_template}")
        for p in figures[:3]:
            print(f"  {p.name}: {p.stat().st_size:,} bytes")
    forces = sorted((site / "forces").glob("*/index.html"))
    force_gz = [gz(p.read_bytes()) for p in forces]
    domain_gz = [gz(p.read_bytes()) for p in (site / "forces").glob("*/*.html") if p.name != "index.html"]
    if force_gz:
        print(f"force page HTML gzipped: median {kb(statistics.median(force_gz))}, max {kb(max(force_gz))} "
              f"(budget {kb(BUDGET_FORCE_HTML_GZ)}: {'within' if max(force_gz) <= BUDGET_FORCE_HTML_GZ else 'OVER'})")
    if domain_gz:
        print(f"force and domain page HTML gzipped: median {kb(statistics.median(domain_gz))}, max {kb(max(domain_gz))}")
    home = site / "index.html"
    print(f"home page HTML gzipped: {kb(gz(home.read_bytes()))}")
    return {"force": forces[0] if forces else None}


def charts_draw(site: Path, url: str) -> None:
    from playwright.sync_api import sync_playwright

    page_path = max((p for p in (site / "forces").glob("*/*.html") if p.name != "index.html"),
                    key=lambda p: p.read_text(encoding="utf-8").count('class="fp-chart"'))
    rel = page_path.relative_to(site).as_posix()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 390, "height": 844})
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(url + rel, wait_until="load")
        page.wait_for_load_state("networkidle")
        charts = page.locator(".fp-chart[data-src]")
        total = charts.count()
        drawn_before = page.locator(".fp-chart[data-state='drawn']").count()
        for i in range(total):
            charts.nth(i).scroll_into_view_if_needed()
            page.wait_for_function("el => ['drawn', 'failed'].includes(el.getAttribute('data-state'))",
                                   arg=charts.nth(i).element_handle(), timeout=20000)
        drawn = page.locator(".fp-chart[data-state='drawn']:has(svg.main-svg)").count()
        plotly_loads = sum(u.endswith("plotly-basic.min.js") for u in requests)
        foreign = [u for u in requests if not u.startswith(url)]
        browser.close()
    print(f"charts on {rel}: {total}; drawn before scrolling: {drawn_before}; drawn after scrolling: "
          f"{drawn} with plotly-basic; plotly.js requests: {plotly_loads}; requests to other hosts: {len(foreign)}")


def lighthouse(url: str) -> None:
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        print("lighthouse: not installed (npm install)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "lh.json"
        env = dict(os.environ, CHROME_PATH=CHROMIUM)
        cmd = [str(binary), url, "--quiet", "--output=json", f"--output-path={out}",
               "--only-categories=performance,accessibility", "--chrome-flags=--headless --no-sandbox --disable-gpu",
               "--form-factor=mobile", "--throttling-method=simulate"]
        run = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
        if not out.is_file():
            print("lighthouse failed:", run.stderr[-1500:])
            return
        report = json.loads(out.read_text(encoding="utf-8"))
    cats = report["categories"]
    perf, a11y = round(cats["performance"]["score"] * 100), round(cats["accessibility"]["score"] * 100)
    print(f"lighthouse (mobile, simulated throttling) {url}: performance {perf} (budget 95), accessibility {a11y} (budget 100)")
    audits = report["audits"]
    for key in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
                "speed-index", "total-byte-weight"):
        if key in audits:
            print(f"  {audits[key]['title']}: {audits[key].get('displayValue', '')}")
    failing = [a for a in audits.values() if a.get("score") is not None and a["score"] < 0.9
               and a.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")]
    for a in failing[:12]:
        print(f"  to look at: {a['id']}: {a['title']} ({a.get('displayValue', '')})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "build" / "site")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--no-lighthouse", action="store_true")
    args = parser.parse_args()
    site = args.site.resolve()
    if not (site / "index.html").is_file():
        raise SystemExit(f"no built site at {site}: run `forcepages build` first")
    found = sizes(site)
    if args.no_browser or not Path(CHROMIUM).exists():
        return
    server = serve(site)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        charts_draw(site, url)
        if not args.no_lighthouse:
            lighthouse(url + "index.html")  # the home page with its map
            if found["force"] is not None:
                lighthouse(url + found["force"].relative_to(site).as_posix())
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
