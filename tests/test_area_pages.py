"""area_pages: single puts everything about an area on one page; spreadsheet_max_rows drops the ODS of large packages."""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import copy_fixture
from forcepages.build import build
from forcepages.config import load_settings, replace


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])


def _parse(path: Path) -> _Ids:
    p = _Ids()
    p.feed(path.read_text(encoding="utf-8"))
    return p


@pytest.fixture(scope="module")
def single_site(tmp_path_factory) -> Path:
    """The fixture site built (MkDocs strict) with one page per area and a tiny spreadsheet limit."""
    config = copy_fixture(tmp_path_factory.mktemp("single"))
    settings = replace(load_settings(config), area_pages="single", spreadsheet_max_rows=10)
    out = config.parent / "build"
    build(settings, config, out, strict=True)
    return out


def test_one_page_per_area_and_no_domain_pages(single_site):
    forces = single_site / "docs" / "forces"
    areas = [p for p in forces.iterdir() if p.is_dir()]
    assert areas
    for area in areas:
        assert [p.name for p in area.iterdir()] == ["index.md"]
    text = (areas[0] / "index.md").read_text(encoding="utf-8")
    assert "## " in text and "### What does the force do well?" in text
    assert re.search(r'^#### .+ \{ #[\w-]+ data-search-exclude="true" \}$', text, re.M), "indicator sections on the area page"
    assert "Data table:" in text and "charts/" in text


def test_findings_and_indicator_pages_link_to_anchors_that_exist(single_site):
    site = single_site / "site"
    checked = 0
    pages = list((site / "forces").glob("*/index.html")) + list((site / "indicators").glob("*.html"))
    for page in pages:
        for href in _parse(page).links:
            if "#" not in href or href.startswith(("http", "#__")):
                continue
            target, anchor = href.split("#", 1)
            file = (page.parent / target).resolve() if target else page
            if "forces/" not in str(file) or not anchor:
                continue
            assert file.is_file(), href
            assert anchor in _parse(file).ids, f"{page}: {href}"
            checked += 1
    assert checked > 10
    assert all(p.name == "index.html" for p in (site / "forces").glob("*/*.html"))


def test_readability_counts_the_single_page_summaries(single_site):
    import json
    report = json.loads((single_site / "site" / "reports" / "readability.json").read_text())
    entry = next(v for k, v in report["per_page"].items() if k.startswith("forces/") and k != "forces/index.md")
    assert entry["summaries"]["sentences"] > 3


def test_large_package_gets_no_spreadsheet_and_says_so(single_site):
    docs, packages = single_site / "docs" / "data", single_site / "site" / "data" / "packages"
    missing = [z.stem for z in packages.glob("*.zip") if not (packages / f"{z.stem}.ods").exists()]
    assert missing, "a package with more than 10 rows in a table has no spreadsheet"
    text = (docs / f"{missing[0]}.md").read_text(encoding="utf-8")
    assert "too large for a spreadsheet" in text and f"{missing[0]}.ods" not in text
    assert "no spreadsheet (too large" in (docs / "index.md").read_text(encoding="utf-8")
    with zipfile.ZipFile(packages / f"{missing[0]}.zip") as z:
        assert "too large for a spreadsheet" in z.read(f"{missing[0]}/README.md").decode()


def test_search_finds_each_area_and_its_findings_but_not_every_figure(single_site):
    """With thousands of areas, indexing every figure made the search index tens of megabytes (30 MB for 3,000)."""
    import json
    index = json.loads((single_site / "site" / "search" / "search_index.json").read_text())
    area = next(p for p in (single_site / "site" / "forces").iterdir() if p.is_dir())
    found = [d["location"] for d in index["docs"] if d["location"].startswith(f"forces/{area.name}/")]
    assert f"forces/{area.name}/index.html" in found
    assert any("#what-does-the-force-do-well" in loc for loc in found)
    page = _parse(area / "index.html")
    figures = [i for i in page.ids if f"forces/{area.name}/index.html#{i}" not in found and i in {"burglary", "confidence"}]
    assert figures, "indicator sections are on the page but not in the index"
    assert "<table" in (area / "index.html").read_text(encoding="utf-8")  # the figures are on the page, not in the index
    assert not [d["location"] for d in index["docs"] if "Data table:" in d["text"] or "<table" in d["text"]]


def test_areas_that_are_not_forces_are_compared_with_similar_areas_of_their_kind(tmp_path):
    config = copy_fixture(tmp_path / "src")
    settings = replace(load_settings(config), area_pages="single", area_label="neighbourhood")
    build(settings, config, tmp_path / "out", strict=True)
    area = next(p for p in (tmp_path / "out" / "docs" / "forces").iterdir() if p.is_dir())
    text = (area / "index.md").read_text(encoding="utf-8")
    assert "Similar neighbourhoods for " in text and "Similar forces for" not in text
    assert "Similar neighbourhoods average" in text
    assert "similar forces" not in text.lower().replace("#similar-forces", "")
    chart = next(p for p in (tmp_path / "out" / "site" / "charts").glob(f"{area.name}--*.json")
                 if not p.name.endswith(".meta.json")).read_text(encoding="utf-8")
    assert "Similar neighbourhoods average" in chart


def _normal(html: str) -> str:
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()


@pytest.mark.parametrize("text", ["Burglary of homes", "<script>alert(1)</script> *a* _b_ [x](javascript:y) {{ 7 }} -- --> \\ | # 1. ~",
                                  "- leading dash & ampersand", "1. numbered, `code` and **bold**"])
def test_figure_section_block_is_the_html_markdown_would_make(text):
    """Single area pages write each figure section as finished HTML (one raw HTML block); it must be the HTML
    that Python-Markdown makes of the Markdown section, hostile text included."""
    import markdown

    from forcepages.compose import datatables
    from forcepages import wording
    from forcepages.render import markdown as render
    from forcepages.site.engine import EXTENSIONS

    t = wording.md(text)
    table = datatables.table(["Period", "Value"], [[f"2023 {text}", "1.0"]], f"Data table: {text}")
    item = {"id": "burglary", "title": t, "summary": [f"In 2023 the figure was 1.0 for {t}.", "This is similar to England and Wales (0.9)."],
            "chart": {"src": "charts/x--burglary.json", "id": "x--burglary", "label": wording.attr(text)}, "table": table,
            "definition": t, "unit": t, "source": t, "caveats": t, "breaks": [{"date": "1 April 2023", "text": t}],
            "csv": "charts/x--burglary.csv", "indicator_link": "indicators/burglary.md"}
    macros = render.environment().get_template("_macros.md.j2").module
    markdown_section = str(macros.indicator(item, "../../", t, "####", searched=True))
    names = [e if isinstance(e, str) else next(iter(e)) for e in EXTENSIONS]
    made = markdown.Markdown(extensions=names, extension_configs={"toc": {"permalink": False}}).convert(markdown_section)
    made = made.split("</h4>", 1)[1].replace('.md"', '.html"')
    block = str(macros.indicator(item, "../../", t, "####", searched=False)).split("\n", 2)[2].strip()
    start = '<div class="fp-html" data-search-exclude>\n'
    assert block.startswith(start) and block.endswith("</div>") and "\n\n" not in block
    assert _normal(block[len(start):-len("</div>")]) == _normal(made)
    assert "<script>" not in block


def test_a_site_of_many_areas_gives_area_charts_figures_as_csv_not_tables(tmp_path):
    """Above large_site_areas areas, an area page's charts keep their text summary and link their CSV, with no data
    table (thousands of pages of tables are most of what the engine parses), and area pages are left out of search
    (the list of areas is searched); indicator pages keep their tables."""
    config = copy_fixture(tmp_path)
    settings = replace(load_settings(config), area_pages="single", large_site_areas=1)
    out = tmp_path / "build"
    build(settings, config, out, strict=True)
    pages = list((out / "docs" / "forces").glob("*/index.md"))
    assert len(pages) > 1
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert 'class="fp-chart"' in text and "<details" not in text and "Go to the data table" not in text, page
        assert "The same figures are in the CSV download below." in text
        for csv in re.findall(r'href="\.\./\.\./(charts/[^"]+\.csv)"', text):
            assert (out / "site" / csv).is_file(), csv
        assert re.search(r'href="\.\./\.\./charts/[^"]+\.csv"', text)
        assert re.search(r"<li>In .+ the figure was", text), "each chart's summary stays beside it"
        assert text.startswith("---\ntitle: ") and "\nsearch:\n  exclude: true\n---\n" in text, "left out of search"
    assert "<details" in (out / "docs" / "indicators" / "burglary.md").read_text(encoding="utf-8")
    import json
    index = json.loads((out / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    found = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "forces/index.html" in found and not [f for f in found if re.fullmatch(r"forces/[^/]+/index\.html", f)]
