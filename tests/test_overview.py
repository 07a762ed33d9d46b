"""Issue 15: force page overview tables, the map, the overview grid, places for search, charts with data, reading level."""

from __future__ import annotations

import csv
import gzip
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from forcepages.site import article_text
from forcepages.compose import maps, overview
from forcepages.compute.result_types import AreaResult
from forcepages.wording import banned_words

ROOT = Path(__file__).resolve().parent.parent
YEAR = re.compile(r"\b(19|20)\d\d\b")


class _Tables(HTMLParser):
    """Rows of every table with the given class: each row as a list of (tag, text, href) cells."""

    def __init__(self, cls: str):
        super().__init__()
        self.cls, self.depth, self.rows, self.cell, self.href = cls, 0, [], None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table" and self.cls in (a.get("class") or "").split():
            self.depth += 1
        elif self.depth and tag == "tr":
            self.rows.append([])
        elif self.depth and tag in ("td", "th"):
            self.cell, self.href = [tag, ""], None
        elif self.depth and tag == "a" and self.cell is not None and self.href is None:
            self.href = a.get("href")

    def handle_endtag(self, tag):
        if tag == "table" and self.depth:
            self.depth -= 1
        elif self.depth and tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append((self.cell[0], " ".join(self.cell[1].split()), self.href))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[1] += data


def table_rows(page: Path, cls: str) -> list[list[tuple[str, str, str | None]]]:
    parser = _Tables(cls)
    parser.feed(page.read_text(encoding="utf-8"))
    return [r for r in parser.rows if r and r[0][0] == "th" and any(c[0] == "td" for c in r)]


def ids_in(page: Path) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', page.read_text(encoding="utf-8")))


# ----------------------------------------------------------------------------- the verdict is read, never decided


def test_verdict_reads_the_judgement_as_symbol_and_words():
    judged = AreaResult("E1", latest={}, status="judged", vs_national={"category": "higher", "judgement": "worse"})
    assert overview.verdict(judged, judged.vs_national) == {"category": "higher", "symbol": "▲",
                                                             "words": "clearly higher, worse", "judgement": "worse"}
    similar = AreaResult("E1", latest={}, status="judged", vs_national={"category": "similar", "judgement": "similar"})
    assert overview.verdict(similar, similar.vs_national)["words"] == "similar"
    neutral = AreaResult("E1", latest={}, status="judged", vs_national={"category": "lower", "judgement": "lower"})
    assert overview.verdict(neutral, neutral.vs_national)["words"] == "clearly lower"  # no better or worse unless judged so
    # a figure the judgement leaves unjudged is never called higher or lower, whatever its category says
    older = AreaResult("E1", latest={}, status="older", vs_national={"category": "higher", "judgement": None})
    assert overview.verdict(older, older.vs_national) == {"category": "not-judged", "symbol": "○",
                                                           "words": "not judged: an older figure", "judgement": ""}
    census = AreaResult("E1", latest={}, status="census", vs_national={"category": "not-compared"})
    assert overview.verdict(census, census.vs_national)["words"] == "not judged: a full count"


def test_force_rows_follow_the_three_questions():
    rows = [{"kind": k} for k in ("older", None, "bad", "other", "good", "neutral")]
    assert [r["kind"] for r in overview.force_rows(rows)] == ["good", "bad", "neutral", None, "other", "older"]


# ----------------------------------------------------------------------------- the map


def test_map_links_every_area_with_a_name_and_no_script():
    areas = [{"code": "A", "name": "Northshire & Co", "href": "forces/north/index.html", "svg_path": "M0 0L10 0L10 10Z"},
             {"code": "B", "name": "Southshire", "href": "forces/south/index.html", "svg_path": "M10 0L20 0L20 30Z"}]
    svg = maps.svg(areas, "Map")
    assert maps.size([a["svg_path"] for a in areas]) == (21, 31)
    assert 'viewBox="0 0 21 31"' in svg
    assert re.findall(r'<a href="([^"]+)" aria-label="([^"]+)">', svg) == [
        ("forces/north/index.html", "Northshire &amp; Co"), ("forces/south/index.html", "Southshire")]
    assert "<script" not in svg and "on" + "click" not in svg
    coloured = maps.svg([{**areas[0], "words": "clearly higher"}, areas[1]], "Map", {"A": "higher"})
    assert 'aria-label="Northshire &amp; Co: clearly higher"' in coloured and "url(#fp-p-higher)" in coloured
    assert 'style="fill:#ffffff"' in coloured  # no figure: white, never a verdict colour
    assert maps.svg([], "Map") == ""


# ----------------------------------------------------------------------------- the fixture site


def test_fixture_force_page_overview_rows_have_a_year_and_link_to_their_chart(fixture_site):
    site = fixture_site / "site"
    for page in sorted((site / "forces").glob("*/index.html")):
        rows = table_rows(page, "fp-overview")
        assert rows, page
        for row in rows:
            name, period, *_rest, verdict = row
            assert YEAR.search(period[1]), (page, row)
            assert re.search("[▲▼●○–]", verdict[1]) and re.search("similar|higher|lower|not judged|not compared", verdict[1], re.I)
            target, _, anchor = name[2].partition("#")
            assert anchor in ids_in(page.parent / target), (page, name)
        assert not banned_words(article_text.text(page.read_text(encoding="utf-8")))


def test_fixture_home_page_map_and_list(fixture_site):
    home = (fixture_site / "site" / "index.html").read_text(encoding="utf-8")
    start = home.index('<svg class="fp-map__svg"')
    svg = home[start:home.index("</svg>", start)]
    links = re.findall(r'<a href="(forces/[^"]+)" aria-label="([^"]+)">', svg)
    names = {r["name"] for r in csv.DictReader(open(ROOT / "tests/data/fixture_site/datapackages/reference/areas.csv"))
             if r["area_type"] == "force"}
    assert {n for _, n in links} == names
    assert all((fixture_site / "site" / href).is_file() for href, _ in links)
    assert home.count('class="fp-map__list"') == 1


def test_fixture_places_in_search(fixture_site):
    docs = json.loads((fixture_site / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    found = [d["location"] for d in docs if "Valley Town" in d["text"]]
    assert found and all(loc.startswith("forces/valley-police/index.html") for loc in found)


def test_fixture_grid_every_force_alphabetical_with_periods(fixture_site):
    site = fixture_site / "site"
    for page in sorted((site / "domains").glob("*.html")):
        rows = table_rows(page, "fp-grid__table")
        if not rows:
            continue
        names = [r[0][1] for r in rows]
        assert names == sorted(names) and len(names) == 5
        header = page.read_text(encoding="utf-8").split('class="fp-grid__table"')[1].split("</thead>")[0]
        assert len(re.findall(r'class="fp-grid__period">[^<]*\d{4}<', header)) == len(rows[0]) - 1


def test_no_chart_without_data(fixture_site):
    site = fixture_site / "site"
    for page in sorted((site / "forces").glob("*/*.html")):
        for src in re.findall(r'class="fp-chart" data-src="([^"]+)"', page.read_text(encoding="utf-8")):
            figure = json.loads((page.parent / src).read_text(encoding="utf-8"))
            force = next(t for t in figure["data"] if t.get("hovertemplate") == "%{text}<extra></extra>")
            assert any(v is not None for v in force["y"]), src
            assert figure["layout"]["xaxis"]["type"] == "date"
        text = page.read_text(encoding="utf-8")
        for chart_id in re.findall(r'<a class="fp-skip" href="#(data-[^"]+)"', text):
            assert f'id="{chart_id}"' in text


# ----------------------------------------------------------------------------- the national site


@pytest.mark.slow
def test_national_force_pages(national_site):
    site = national_site / "site"
    pages = sorted((site / "forces").glob("*/index.html"))
    assert len(pages) == 43
    built = {}
    for page in pages:
        rows = table_rows(page, "fp-overview")
        assert len(rows) >= 15, (page, len(rows))
        assert all(YEAR.search(r[1][1]) for r in rows), page
        grade = built[page.relative_to(site).as_posix()] = article_text.grade(page.read_text(encoding="utf-8"))
        assert grade <= article_text.FORCE_PAGE_LIMIT, page
    report = json.loads((site / "reports" / "readability.json").read_text(encoding="utf-8"))["force_pages_whole_article"]
    assert len(report["pages"]) == 43 and report["highest"] <= 5.0
    # the report measures each article as the engine renders it, beside the engine: the same grades as built
    assert report["pages"] == built


@pytest.mark.slow
def test_national_search_finds_places(national_site):
    docs = json.loads((national_site / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    for place, slug in (("Peterborough", "cambridgeshire"), ("Salford", "greater-manchester"), ("Ceredigion", "dyfed-powys")):
        found = {d["location"].split("#")[0] for d in docs if re.search(rf"\b{place}\b", d["text"])}
        forces = {page for page in found if page.startswith("forces/")}  # the reference data page may name it too
        assert forces == {f"forces/{slug}/index.html"}, (place, found)


@pytest.mark.slow
def test_national_home_page_map(national_site):
    site = national_site / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="(forces/[^"]+/index.html)" aria-label="([^"]+)"><title>', home)
    assert len(links) == 43 and len({n for _, n in links}) == 43
    assert all((site / href).is_file() for href, _ in links)
    assert len(gzip.compress(home.encode("utf-8"), 9)) <= 60_000


@pytest.mark.slow
def test_national_empty_sections_and_charts_are_sentences(national_site):
    site = national_site / "site"
    welsh = (site / "forces" / "dyfed-powys" / "protection-from-serious-harm.html").read_text(encoding="utf-8")
    assert "There is no chart, as no figures are published for Dyfed-Powys." in welsh
    for page in sorted((site / "forces").glob("*/*.html")):
        for src in re.findall(r'class="fp-chart" data-src="([^"]+)"', page.read_text(encoding="utf-8")):
            figure = json.loads((page.parent / src).read_text(encoding="utf-8"))
            force = next(t for t in figure["data"] if t.get("hovertemplate") == "%{text}<extra></extra>")
            assert any(v is not None for v in force["y"]), src


# ----------------------------------------------------------------------------- the importer


RAW = ROOT.parent / "shared" / "data" / "raw"


@pytest.mark.skipif(not (RAW / "mopd_popm").is_dir(), reason="needs ../shared/data/raw")
def test_places_importer_outlines_and_councils():
    from forcepages.importers import places

    shapes = dict(places.shapes(RAW))
    assert len(shapes) == 43
    assert sum(len(d) for d in shapes.values()) <= 70_000
    for code, d in shapes.items():
        for k, ring in enumerate(re.findall(r"M([^Z]+)Z", d)):
            pts = [tuple(map(int, p.split())) for p in ring.split("L")]
            area = sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(pts, pts[1:] + pts[:1]))
            assert len(pts) >= 3 and area != 0, code
        outer = [tuple(map(int, p.split())) for p in re.findall(r"M([^Z]+)Z", d)[0].split("L")]
        assert sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(outer, outer[1:] + outer[:1])) > 0, code  # clockwise, y down
    councils = {name: code for code, _, name in places.local_authorities(RAW)}
    assert councils["Peterborough"] == "E23000023" and councils["Salford"] == "E23000005" and councils["Ceredigion"] == "W15000004"
    committed = list(csv.DictReader(open(ROOT / "datapackages" / "reference" / "area_shapes.csv", encoding="utf-8")))
    assert {r["area_code"]: r["svg_path"] for r in committed} == shapes  # the committed file is what the importer makes


def test_every_chart_csv_has_its_metadata(fixture_site):
    """A journalist with only the files has the title, unit, source, period, caveats and each column's meaning."""
    charts = fixture_site / "site" / "charts"
    csvs = sorted(charts.glob("*.csv"))
    assert csvs
    for path in csvs:
        meta = json.loads(path.with_suffix(".meta.json").read_text(encoding="utf-8"))
        header = next(csv.reader(path.open(encoding="utf-8")))
        assert [c["name"] for c in meta["columns"]] == header and all(c["description"] for c in meta["columns"]), path
        assert meta["title"] and meta["unit"] and meta["period"]["first"] and meta["period"]["last"]
        assert YEAR.search(meta["period"]["last"]) and YEAR.search(meta["figures_up_to"])
        assert {"source", "caveats", "definition", "page", "series_breaks"} <= set(meta)
        assert not banned_words(json.dumps(meta))


def test_how_to_cite_has_the_address_and_date(fixture_site):
    for page in sorted((fixture_site / "site" / "data").glob("*.html")):
        if page.name == "index.html":
            continue
        text = page.read_text(encoding="utf-8")
        cite = text[text.index('id="how-to-cite"'):text.index('id="licence"')]
        assert f"https://example.org/fixture/data/{page.name}" in cite, page
        assert re.search(r"Figures up to \d+ \w+ \d{4}", cite) or "crime" not in page.name, page


def test_an_outline_that_is_not_a_plain_path_is_refused(fixture_copy):
    """area_shapes.csv is written into the page as it is, so anything but M, L, Z and numbers is a problem."""
    from forcepages.config import load_settings
    from forcepages.errors import ValidationFailed
    from forcepages.validate.load import validate_and_load

    file = fixture_copy.parent / "datapackages/reference/area_shapes.csv"
    lines = file.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].split(",")[0] + ',"M0 0L1 1Z""/><script>alert(1)</script>"'
    lines[3] = "E99999999," + lines[3].split(",", 1)[1]
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as caught:
        validate_and_load(load_settings(fixture_copy))
    tuples = {p.as_tuple() for p in caught.value.problems}
    assert ("area_shapes.csv", 3, "svg_path", "outline-invalid") in tuples and ("area_shapes.csv", 4, "area_code", "area-unknown") in tuples
