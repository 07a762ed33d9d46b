"""Screenshots of the built national site (build/site) at phone and desktop widths, served with the strict CSP:
the home page with its map, a force page with its overview tables, an area of policing's overview grid, and a
Welsh force page and domain page (with a chart drawn).

    .venv/bin/python benchmarks/screenshots.py   # after `make site`; writes build/screenshots/national-*.png
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

sys.path.insert(0, str(ROOT / "tests" / "browser"))
from conftest import serve  # noqa: E402

PAGES = {"home": "index.html", "force": "forces/cambridgeshire/index.html",
         "grid": "domains/local-crime-and-policing.html", "indicator": "indicators/burglary-of-homes.html",
         "welsh-force": "cy/forces/gwent/index.html", "welsh-force-domain": "cy/forces/gwent/local-crime-and-policing.html"}


def main() -> int:
    out = ROOT / "build" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    server = serve(ROOT / "build" / "site")
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for label, width, height in (("phone", 390, 844), ("desktop", 1280, 900)):
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            for kind, path in PAGES.items():
                page.goto(url + path, wait_until="networkidle")
                if kind == "grid":
                    page.locator("#all-forces-at-a-glance").scroll_into_view_if_needed()
                elif kind == "force":
                    page.locator("table.fp-overview").first.scroll_into_view_if_needed()
                elif kind == "indicator":
                    page.locator("#map").scroll_into_view_if_needed()
                elif kind == "welsh-force-domain":  # the first chart, drawn
                    chart = page.locator(".fp-chart[data-src]").nth(1)
                    chart.scroll_into_view_if_needed()
                    page.wait_for_function("el => el.getAttribute('data-state') === 'drawn'", arg=chart.element_handle())
                target = out / f"national-{kind}-{label}.png"
                page.screenshot(path=str(target))
                wide = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
                print(f"{target.relative_to(ROOT)}: sideways overflow {wide}px")
            context.close()
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
