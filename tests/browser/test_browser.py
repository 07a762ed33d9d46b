"""The built site in a real browser (Debian chromium): accessibility, strict CSP, privacy, lazy charts, screenshots."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import SCREENSHOTS, Watched, draw_all_charts, page_types

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
TYPES = ["home", "forces", "force", "force-domain", "indicators", "indicator", "data", "package", "methodology",
         "glossary", "about", "accessibility", "api", "domain", "release-calendar", "revisions", "welsh-home", "welsh-force",
         "welsh-force-domain"]


@pytest.fixture(scope="module")
def pages(fixture_site) -> dict[str, str]:
    return page_types(fixture_site / "site")


def _open(w: Watched, url: str) -> None:
    w.page.goto(url, wait_until="load")
    w.page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("kind", TYPES)
def test_axe_wcag22_aa_no_violations(kind, pages, site_url, watched):
    """axe-core finds no WCAG 2.2 A or AA violation on each page type, with its charts drawn."""
    from axe_playwright_python.sync_playwright import Axe

    if kind not in pages:
        pytest.skip(f"the fixture site has no {kind} page")
    _open(watched, site_url + pages[kind])
    draw_all_charts(watched.page)
    watched.page.evaluate("window.scrollTo(0, 0)")
    results = Axe().run(watched.page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("kind", ["home", "force", "force-domain", "indicator", "data", "methodology", "welsh-force",
                                  "welsh-force-domain"])
def test_strict_csp_no_errors_and_no_other_hosts(kind, pages, site_url, watched):
    """Under script-src 'self' nothing is blocked, nothing errors, charts draw, and only 127.0.0.1 is asked for anything."""
    _open(watched, site_url + pages[kind])
    drawn = draw_all_charts(watched.page)
    if kind in ("force-domain", "indicator", "welsh-force-domain"):
        assert drawn > 0
        states = watched.page.eval_on_selector_all(".fp-chart[data-src]", "els => els.map(e => e.getAttribute('data-state'))")
        assert set(states) == {"drawn"}, states
        assert watched.page.locator(".fp-chart svg.main-svg").count() >= drawn
    assert watched.violations() == []
    assert watched.errors == []
    assert watched.foreign() == [], watched.foreign()


def test_search_works_under_csp(pages, site_url, watched):
    """Material's search (a web worker) runs under the strict policy and finds a force."""
    _open(watched, site_url + pages["home"])
    force_name = watched.page.locator("article li a[href^='forces/']").first.inner_text()
    watched.page.keyboard.press("s")
    watched.page.keyboard.type(force_name.split()[0], delay=20)
    watched.page.wait_for_selector(".md-search-result__item", timeout=10000)
    assert watched.violations() == [] and watched.errors == []


def test_charts_drawn_only_when_scrolled_into_view(pages, site_url, watched):
    """A chart far down the page is not fetched or drawn until the reader scrolls to it."""
    watched.page.set_viewport_size({"width": 390, "height": 844})
    _open(watched, site_url + pages["force-domain"])
    charts = watched.page.locator(".fp-chart[data-src]")
    assert charts.count() >= 2, "need a page with at least 2 charts"
    last = charts.nth(charts.count() - 1)
    src = last.get_attribute("data-src").split("/")[-1]
    assert last.get_attribute("data-state") is None
    assert not any(u.endswith(src) for u in watched.requests)
    last.scroll_into_view_if_needed()
    watched.page.wait_for_function("el => el.getAttribute('data-state') === 'drawn'", arg=last.element_handle(), timeout=15000)
    assert any(u.endswith(src) for u in watched.requests)
    assert last.locator("svg.main-svg").count() >= 1
    # plotly.js is fetched once, from the site itself
    assert sum(u.endswith("plotly-basic.min.js") for u in watched.requests) == 1


def test_charts_reachable_by_keyboard_with_text_alternative(pages, site_url, watched):
    """Each chart can take focus and has a text alternative; each data table opens from the keyboard."""
    _open(watched, site_url + pages["force-domain"])
    chart = watched.page.locator(".fp-chart[data-src]").first
    # one image until drawn; then a group, as it holds the download buttons (its plot's SVG is hidden behind the label)
    assert chart.get_attribute("tabindex") == "0" and chart.get_attribute("role") in ("img", "group")
    assert len(chart.get_attribute("aria-label") or "") > 20
    seen = []
    for _ in range(80):
        watched.page.keyboard.press("Tab")
        cls = watched.page.evaluate("document.activeElement.className || document.activeElement.tagName")
        seen.append(cls)
        if "fp-chart" in str(cls):
            break
    assert any("fp-chart" in str(c) for c in seen), seen[-10:]
    summary = watched.page.locator("details.fp-table summary").first
    summary.focus()
    watched.page.keyboard.press("Enter")
    assert watched.page.locator("details.fp-table").first.get_attribute("open") is not None
    assert watched.page.locator("details.fp-table table").first.is_visible()


@pytest.mark.parametrize("width,height,label", [(390, 844, "phone"), (1280, 900, "desktop")])
def test_screenshots(width, height, label, pages, site_url, chromium):
    """Phone and desktop screenshots of the home (map), force (overview tables), force-domain (a chart drawn) and domain
    (overview grid) pages, for people to look at; none scrolls sideways."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = chromium.new_context(viewport={"width": width, "height": height}, device_scale_factor=1)
    page = context.new_page()
    try:
        for kind in ("home", "force", "force-domain", "domain", "welsh-force"):  # domain: the overview grid of every force
            page.goto(site_url + pages[kind], wait_until="load")
            if kind == "force-domain":
                chart = page.locator(".fp-chart[data-src]").first
                chart.scroll_into_view_if_needed()
                page.wait_for_function("el => el.getAttribute('data-state') === 'drawn'", arg=chart.element_handle(), timeout=15000)
                page.evaluate("document.querySelector('details.fp-table').open = true")
                page.locator("h2").first.scroll_into_view_if_needed()
            path = SCREENSHOTS / f"{kind}-{label}.png"
            page.screenshot(path=str(path), full_page=False)
            print(f"screenshot: {path}")
            # nothing wider than the screen: no sideways scrolling of the page itself
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 1, f"{kind} at {width}px scrolls sideways by {overflow}px"
    finally:
        context.close()


def test_chart_download_buttons_work_under_csp(pages, site_url, watched):
    """Each drawn chart has Plotly's toolbar with only the downloads: PNG and SVG both save a file, under the strict CSP."""
    _open(watched, site_url + pages["force-domain"])
    chart = watched.page.locator(".fp-chart[data-src]").first
    chart.scroll_into_view_if_needed()
    watched.page.wait_for_function("el => el.getAttribute('data-state') === 'drawn'", arg=chart.element_handle(), timeout=15000)
    buttons = chart.locator(".modebar-btn")
    assert buttons.count() == 2
    for i, ext in ((0, ".png"), (1, ".svg")):
        with watched.page.expect_download(timeout=15000) as info:
            buttons.nth(i).click()
        download = info.value
        assert download.suggested_filename.endswith(ext), download.suggested_filename
        path = download.path()
        assert path and Path(path).stat().st_size > 1000
    assert watched.violations() == [] and watched.errors == []


def test_keyboard_from_chart_to_its_data_table(pages, site_url, watched):
    """From a chart, Tab reaches the download buttons (Enter saves) and then a link that opens the chart's data table."""
    _open(watched, site_url + pages["force-domain"])
    chart = watched.page.locator(".fp-chart[data-src]").first
    chart.scroll_into_view_if_needed()
    watched.page.wait_for_function("el => el.getAttribute('data-state') === 'drawn'", arg=chart.element_handle(), timeout=15000)
    chart.focus()
    watched.page.keyboard.press("Tab")
    assert watched.page.evaluate("document.activeElement.getAttribute('role')") == "button"
    with watched.page.expect_download(timeout=15000):
        watched.page.keyboard.press("Enter")
    for _ in range(4):
        watched.page.keyboard.press("Tab")
        if watched.page.evaluate("document.activeElement.classList.contains('fp-skip')"):
            break
    assert watched.page.evaluate("document.activeElement.classList.contains('fp-skip')")
    target = watched.page.evaluate("document.activeElement.getAttribute('href')")[1:]
    watched.page.keyboard.press("Enter")
    assert watched.page.evaluate("id => document.getElementById(id).open", target) is True


def test_map_areas_are_links_a_keyboard_reaches(pages, site_url, watched):
    """Every area on the home page map is a link with a name, reached with Tab, that opens its force's page."""
    _open(watched, site_url + pages["home"])
    links = watched.page.locator("svg.fp-map__svg a")
    assert links.count() == 5
    names = [links.nth(i).get_attribute("aria-label") for i in range(links.count())]
    assert all(names)
    seen = []
    for _ in range(60):
        watched.page.keyboard.press("Tab")
        label = watched.page.evaluate("document.activeElement.closest('svg.fp-map__svg') ? document.activeElement.getAttribute('aria-label') : null")
        if label:
            seen.append(label)
            break
    assert seen and seen[0] in names
    with watched.page.expect_navigation(timeout=10000):
        watched.page.keyboard.press("Enter")
    assert "/forces/" in watched.page.url


def test_search_finds_a_force_by_place(pages, site_url, watched):
    """Typing a council area's name into the site search offers the force that covers it."""
    _open(watched, site_url + pages["home"])
    watched.page.keyboard.press("s")
    watched.page.keyboard.type("Valley Town", delay=20)
    watched.page.wait_for_selector(".md-search-result__item", timeout=10000)
    hrefs = watched.page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.getAttribute('href'))")
    assert hrefs and "forces/valley-police/index.html" in hrefs[0], hrefs


def test_search_on_welsh_pages_finds_a_welsh_page(pages, site_url, watched):
    """The Welsh tree has its own search index: searching from a Welsh page finds the Welsh force page."""
    _open(watched, site_url + pages["welsh-home"])
    assert watched.page.locator("html").get_attribute("lang") == "cy"
    force_name = watched.page.locator("article li a[href^='forces/']").first.inner_text()
    watched.page.keyboard.press("s")
    watched.page.keyboard.type(force_name.split()[0], delay=20)
    watched.page.wait_for_selector(".md-search-result__item", timeout=10000)
    first = watched.page.locator(".md-search-result__link").first.get_attribute("href")
    assert "forces/" in first and watched.violations() == [] and watched.errors == []
