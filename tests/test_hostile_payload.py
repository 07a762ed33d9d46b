"""Issue 19: a payload in every text field of the contract (package descriptors, schema, catalogue, reference data,
values, settings, narratives) is built inert: no page, chart, feed, spreadsheet, zip or JSON file carries live markup,
every file is well formed, and every page carries the Content-Security-Policy meta tag."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
import yaml

from browsing import visit_pages
from conftest import copy_fixture
from forcepages.build import build
from forcepages.config import load_settings

# Live markup (an element with the id fpx, a handler, an outside link, a script), Markdown breakouts
# (a backtick, a closing bracket and parenthesis), YAML breakouts (": ", a quote) and characters XML cannot hold.
PAYLOAD = ('Q9 <b id="fpx">b</b><img id=fpx src=x onerror=alert(1)><a id=fpx href="https://evil.example/">a</a>'
           '`x` ](javascript:alert(2)) | "q": </title><script>alert(3)</script>{{ 7*7 }}\x01\x0b\ufffe\uffff [excl. (18+)]')
MARK = "Q9"


def _edit(file: Path, change) -> None:
    frame = pd.read_csv(file, dtype=str, keep_default_na=False)
    change(frame)
    frame.to_csv(file, index=False, quoting=csv.QUOTE_ALL, lineterminator="\n")


def _set(frame: pd.DataFrame, column: str, text: str, row: int = 0) -> None:
    frame.loc[row, column] = text


def _add_field(descriptor: Path, resource: str, names: tuple[str, ...]) -> None:
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    fields = next(r for r in package["resources"] if r["name"] == resource)["schema"]["fields"]
    fields += [{"name": n, "type": "string"} for n in names if n not in {f["name"] for f in fields}]
    descriptor.write_text(json.dumps(package), encoding="utf-8")


def poison(config: Path) -> None:
    """The payload in every free-text place a publisher or partner controls."""
    site = config.parent
    packages = site / "datapackages"
    _edit(packages / "framework/indicators.csv", lambda f: [_set(f, c, f"{c} {PAYLOAD}") for c in
                                                          ("title", "definition", "unit", "source", "caveats")])
    _edit(packages / "framework/indicators.csv", lambda f: [_set(f, "comparable", "false", 1),
                                                          _set(f, "comparability_note", f"note {PAYLOAD}", 1)])
    _add_field(packages / "framework/datapackage.json", "indicators", ("comparable", "comparability_note"))
    _edit(packages / "framework/domains.csv", lambda f: [_set(f, c, f"{c} {PAYLOAD}") for c in ("title", "description")])
    _edit(packages / "framework/series_breaks.csv", lambda f: _set(f, "description", f"break {PAYLOAD}"))
    _edit(packages / "reference/areas.csv", lambda f: [_set(f, c, f"{c} {PAYLOAD}", 1) for c in ("name", "region", "country")])
    _edit(packages / "reference/similar_forces.csv", lambda f: f.__setitem__("source", f"Groups {PAYLOAD}"))
    _edit(packages / "crime/values.csv", lambda f: _set(f, "note", f"note {PAYLOAD}"))
    for name in ("crime", "framework", "reference"):
        file = packages / name / "datapackage.json"
        d = json.loads(file.read_text(encoding="utf-8"))
        d.update(title=f"{name} {PAYLOAD}", description=f"about {PAYLOAD}", version=f"1.0 {PAYLOAD}"[:60])
        d["licenses"] = [{"name": "x", "title": f"licence {PAYLOAD}", "path": 'https://x.example/a)<b id="fpx">'}]
        d["sources"] = [{"title": f"source {PAYLOAD}", "publisher": f"pub {PAYLOAD}", "path": "javascript:alert(4)"}]
        d["changes"] = [{"version": f"2 {PAYLOAD}", "date": "2024-01-15", "description": f"change {PAYLOAD}"}]
        for resource in d["resources"]:
            resource.update(title=f"res {PAYLOAD}", description=f"rdesc {PAYLOAD}")
            for field in resource["schema"]["fields"]:
                field["description"] = f"fdesc {PAYLOAD}"
                if field.get("type") == "string" and field["name"] == "note":
                    field.setdefault("constraints", {})["pattern"] = "[^`]*`\\)<b id=fpx>|.*"
        file.write_text(json.dumps(d, indent=2), encoding="utf-8")
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["site_name"] = f"Site {PAYLOAD}"
    fp = settings["extra"]["forcepages"]
    fp["publisher"] = f"Office {PAYLOAD}"
    fp["release_calendar"] = [{"date": "2025-01-30", "title": f"Update {PAYLOAD}", "status": "planned"}]
    config.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    narrative = site / "narratives" / "northshire" / "local-crime-and-policing.md"
    narrative.parent.mkdir(parents=True)
    narrative.write_text(f"# {PAYLOAD}\n\n{PAYLOAD}\n\n- {PAYLOAD}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory) -> Path:
    config = copy_fixture(tmp_path_factory.mktemp("payload"))
    poison(config)
    out = config.parent / "build"
    build(load_settings(config), config, out)
    return out


class _Live(HTMLParser):
    """Elements the payload made live: an fpx id, an on* handler, a javascript: or evil.example address,
    a script running alert."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.bad, self.script, self.csp = [], False, False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = (value or "").strip().lower()
            if (name == "id" and value == "fpx") or name.startswith("on") or \
                    (name in ("href", "src") and (value.startswith("javascript:") or "evil.example" in value)):
                self.bad.append((tag, name, value))
        if tag == "meta" and dict(attrs).get("http-equiv") == "Content-Security-Policy":
            self.csp = "script-src 'self'" in dict(attrs).get("content", "")
        self.script = tag == "script"

    def handle_data(self, data):
        if self.script and "alert(" in data:
            self.bad.append(("script", "", data[:60]))


def test_pages_carry_no_live_markup_and_a_csp(poisoned):
    pages = sorted((poisoned / "site").rglob("*.html"))
    assert len(pages) > 20
    seen = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        parser = _Live()
        parser.feed(text)
        assert parser.bad == [], page
        assert parser.csp, f"{page}: no Content-Security-Policy meta tag"
        seen += MARK in text
    assert seen > 10, "the payload reached the pages (as text)"


def test_titles_round_trip_as_text(poisoned):
    """The front matter is YAML written by a library: the page title is the whole title, shown as text."""
    page = (poisoned / "site" / "indicators" / "burglary.html").read_text(encoding="utf-8")
    title = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "title " + MARK in title and "&lt;/title&gt;" in title and "[excl. (18+)]" in title
    assert "title:" not in page.split("<article", 1)[1][:2000], "no stray front matter shown on the page"


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from _strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v)


def test_chart_text_is_escaped_for_plotly(poisoned):
    charts = sorted(c for c in (poisoned / "site" / "charts").glob("*.json") if not c.name.endswith(".meta.json"))
    assert charts
    found = False
    for chart in charts:
        for text in _strings(json.loads(chart.read_text(encoding="utf-8"))):
            assert "<" not in text.replace("<extra>", "").replace("</extra>", ""), (chart, text)
            found = found or MARK in text
    assert found, "the payload reached a chart (as text)"


def test_chart_metadata_is_plain_json_text(poisoned):
    """The <chart>.meta.json beside each CSV holds the payload as JSON text: parsed back, it is the text itself."""
    metas = sorted((poisoned / "site" / "charts").glob("*.meta.json"))
    assert metas
    texts = [t for m in metas for t in _strings(json.loads(m.read_text(encoding="utf-8")))]
    assert any(MARK in t for t in texts)


def test_feed_spreadsheets_and_json_are_well_formed(poisoned):
    site = poisoned / "site"
    feed = ET.fromstring((site / "releases.xml").read_bytes())
    assert any(MARK in (e.text or "") for e in feed.iter())
    odss = sorted((site / "data" / "packages").glob("*.ods"))
    assert odss
    for ods in odss:
        with zipfile.ZipFile(ods) as z:
            for name in ("content.xml", "meta.xml"):
                ET.fromstring(z.read(name))
    for file in sorted(site.rglob("*.json")):
        json.loads(file.read_text(encoding="utf-8"))


def test_zip_readme_and_descriptor_carry_the_text_only(poisoned):
    with zipfile.ZipFile(poisoned / "site" / "data" / "packages" / "crime.zip") as z:
        readme = z.read("crime/README.md").decode("utf-8")
    assert MARK in readme


@pytest.mark.browser
def test_nothing_runs_in_a_browser_under_the_csp_meta_tag(poisoned, chromium):
    """Served with no CSP header (as GitHub Pages serves it): the meta tag alone; no dialog, no injected element."""
    site = poisoned / "site"
    pages = [p for p in sorted(site.rglob("*.html")) if MARK in p.read_text(encoding="utf-8")][:15]
    assert pages

    def check(page, file):
        bad = page.evaluate("""() => [...document.querySelectorAll('#fpx, [onerror], script:not([src]):not([type])')]
            .filter(e => e.id === 'fpx' || e.hasAttribute('onerror') || /alert\\(/.test(e.textContent))
            .map(e => e.outerHTML.slice(0, 120))""")
        assert not bad, (file, bad)

    dialogs = visit_pages(chromium, site, pages, check, wait_ms=200)
    assert dialogs == []


@pytest.mark.browser
def test_the_meta_tag_alone_blocks_inline_script_while_charts_and_search_work(poisoned, chromium, tmp_path):
    """Served with no CSP header: a script that slipped into a page (put there by hand here) does not run, while the
    site's own scripts draw the charts and run search."""
    site = poisoned / "site"
    page_file = site / "indicators" / "burglary.html"
    text = page_file.read_text(encoding="utf-8")
    slipped = site / "indicators" / "slipped.html"
    slipped.write_text(text.replace("<body", '<script>document.documentElement.dataset.ran = "yes"</script><body', 1),
                       encoding="utf-8")
    seen = {}

    def check(page, file):
        seen[file.name] = page.evaluate("document.documentElement.dataset.ran || ''")
        if file.name == "burglary.html":
            chart = page.locator(".fp-chart[data-src]").first
            chart.scroll_into_view_if_needed()
            page.wait_for_function("el => el.getAttribute('data-state') === 'drawn'", arg=chart.element_handle(), timeout=15000)
            assert chart.locator("svg.main-svg").count() >= 1
            page.keyboard.press("s")
            page.keyboard.type("Burglary", delay=20)
            page.wait_for_selector(".md-search-result__item", timeout=10000)

    try:
        dialogs = visit_pages(chromium, site, [slipped, page_file], check)
    finally:
        slipped.unlink()
    assert seen == {"slipped.html": "", "burglary.html": ""}
    assert dialogs == []
