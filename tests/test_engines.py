"""The site step: build/docs is complete content that any engine renders (MkDocs Material through forcepages, plain
``mkdocs build``, Zensical); the static files are written outside docs and put into the site afterwards."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import markdown
import pytest

from forcepages.compose import datatables
from forcepages.site import engine as mkdocs_run
from forcepages.config import ConfigError, load_settings
from forcepages.errors import BuildError
from forcepages.site.engine import EXTENSIONS, Tree, build_site, link_tree
from forcepages.publish.outputs import DATA_NAV

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
HREF = re.compile(r'href="([^"]+)"')


def _content(site: Path) -> dict[str, tuple[int, int, list[str]]]:
    """Each built page's content, leaving out the engine's chrome: its tables, chart containers and internal links."""
    pages = {}
    for file in site.rglob("*.html"):
        name = file.relative_to(site).as_posix()
        if name.startswith(("assets/", "search/", "cy/assets/", "cy/search/")) or name in ("404.html", "cy/404.html"):
            continue
        article = "".join(ARTICLE.findall(file.read_text(encoding="utf-8")))
        links = sorted(h for h in HREF.findall(article) if not h.startswith(("http:", "https:", "mailto:", "#")))
        pages[name] = (article.count("<table"), article.count('class="fp-chart"'), links)
    return pages


def _extra_pages(docs: Path) -> list[tuple[str, str]]:
    return [("API", "api.md")] + DATA_NAV + [(p.stem, p.name) for p in sorted(docs.glob("*.md"))
                                              if p.name in ("about.md", "accessibility.md")]


@pytest.fixture(scope="module")
def national_pages(national_site):
    return _content(national_site / "site")


def test_docs_hold_real_tables_and_only_what_the_engine_renders(national_site):
    docs = national_site / "docs"
    page = (docs / "forces" / "avon-and-somerset" / "local-crime-and-policing.md").read_text(encoding="utf-8")
    assert page.count("<table ") >= 10 and "<!--" not in page
    assert not [p for p in docs.rglob("*.md") if "<!-- fp-" in p.read_text(encoding="utf-8")], "no commented-out tables"
    assert not [p for p in docs.rglob("*") if p.suffix in (".json", ".csv", ".zip", ".ods", ".xml")], \
        "charts, downloads, the API and the feed are written outside docs"
    site = national_site / "site"
    assert (site / "api" / "v1" / "indicators.json").is_file() and (site / "releases.xml").is_file()
    assert list((site / "charts").glob("*.meta.json")) and list((site / "data" / "packages").glob("*.zip"))


def test_data_tables_are_real_tables_in_the_site_and_not_in_search(fixture_site):
    page = next((fixture_site / "site" / "forces").rglob("local-crime-and-policing.html")).read_text()
    assert "<!-- fp-" not in page
    tables = re.findall(r'<details class="fp-table" id="data-[^"]+">\s*<summary data-search-exclude>Data table: [^<]+</summary>\s*'
                        r'<table data-search-exclude>.*?</table>\s*</details>', page, re.S)
    assert tables, "each chart has its data table"
    assert '<th scope="col">Period</th>' in tables[0] and '<th scope="row">' in tables[0]
    index = (fixture_site / "site" / "search" / "search_index.json").read_text()
    assert "95% confidence interval" in index  # the summaries are searchable
    assert "Similar forces average" not in index and "Data table:" not in index  # the tables are not


def test_zensical_builds_the_same_content_as_mkdocs(national_site, national_pages, tmp_path):
    """Both trees, English and Welsh (built into site/cy with the Welsh interface)."""
    work = tmp_path / "work"
    shutil.copytree(national_site / "docs", work / "docs")
    shutil.copytree(national_site / "docs-cy", work / "docs-cy")
    (work / "static-cy").mkdir()
    welsh = Tree(work / "docs-cy", work / "static-cy", "cy", "cy", "Perfformiad yr heddlu", [])
    build_site(ROOT / "mkdocs.yml", work / "docs", work / "site", _extra_pages(work / "docs"), engine="zensical",
               trees=(welsh,))
    assert '<html lang="cy"' in (work / "site" / "cy" / "index.html").read_text(encoding="utf-8")
    zensical = _content(work / "site")
    assert sorted(zensical) == sorted(national_pages)
    assert [p for p in national_pages if zensical[p] != national_pages[p]] == []
    assert sum(t for t, _, _ in zensical.values()) > 1000 and sum(c for _, c, _ in zensical.values()) > 1000
    assert '<meta http-equiv="Content-Security-Policy"' in (work / "site" / "index.html").read_text(encoding="utf-8")


def test_plain_mkdocs_build_of_docs_gives_the_pages_and_tables(national_site, national_pages, tmp_path):
    """No forcepages, no hooks, no overrides: the publisher's mkdocs.yml as it is, on build/docs."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(national_site / "docs"), site_dir=str(tmp_path / "plain"),
                         strict=False)
    build(config)
    plain = _content(tmp_path / "plain")
    english = {p: v for p, v in national_pages.items() if not p.startswith("cy/")}  # the Welsh tree is docs-cy
    assert len(set(plain) & set(english)) >= 0.99 * len(english)
    tables = sum(english[p][0] for p in english)
    assert sum(plain[p][0] for p in plain if p in english) >= 0.99 * tables > 1000


def test_zensical_failure_is_a_build_error(fixture_site, tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(fixture_site / "docs", docs)
    (docs / "index.md").unlink()
    (docs / "broken.md").write_text("{% raw %}", encoding="utf-8")
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text("{% extends 'base.html' %}{% block content %}{{ no_such_filter | nope }}{% endblock %}")
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: x\ntheme:\n  name: material\n  custom_dir: {overrides}\n", encoding="utf-8")
    with pytest.raises(BuildError, match="Zensical could not build the site"):
        build_site(config, docs, tmp_path / "site", [], engine="zensical")


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_a_broken_link_fails_a_strict_build_with_either_engine(fixture_site, tmp_path, engine):
    """forcepages checks every Markdown link itself before any engine runs (Zensical's own check is switched off,
    MkDocs' only informs), so a link to nothing is caught the same way whichever engine renders."""
    docs, static = tmp_path / "docs", tmp_path / "static"
    shutil.copytree(fixture_site / "docs", docs)
    static.mkdir()
    (docs / "about-links.md").write_text("# Links\n\n[Gone](forces/nowhere.md) and [a chart](charts/none.json)\n",
                                         encoding="utf-8")
    with pytest.raises(BuildError, match=r"do not exist: about-links.md: charts/none.json; about-links.md: forces/nowhere.md"):
        build_site(ROOT / "mkdocs.yml", docs, tmp_path / "site", [], static=static, strict=True, engine=engine)
    assert not (tmp_path / "site").exists()


def test_engine_setting_is_read_and_checked(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nextra:\n  forcepages:\n    engine: zensical\n", encoding="utf-8")
    assert load_settings(config).engine == "zensical"
    config.write_text("site_name: x\n", encoding="utf-8")
    assert load_settings(config).engine == "mkdocs"
    config.write_text("site_name: x\nextra:\n  forcepages:\n    engine: hugo\n", encoding="utf-8")
    with pytest.raises(ConfigError, match='"engine" should be "mkdocs" or "zensical", not \'hugo\''):
        load_settings(config)


def test_static_files_are_linked_into_the_site(tmp_path):
    static, site = tmp_path / "static", tmp_path / "site"
    (static / "charts").mkdir(parents=True)
    (static / "charts" / "a.json").write_text("{}", encoding="utf-8")
    (static / "releases.xml").write_text("<feed/>", encoding="utf-8")
    (site / "charts").mkdir(parents=True)
    (site / "charts" / "a.json").write_text("old", encoding="utf-8")
    assert link_tree(static, site) == 2
    assert (site / "charts" / "a.json").read_text() == "{}" and (site / "releases.xml").read_text() == "<feed/>"
    assert (site / "charts" / "a.json").stat().st_ino == (static / "charts" / "a.json").stat().st_ino


def test_tables_and_blocks_pass_through_markdown_unchanged():
    table = datatables.table(["A", "B"], [["<script>x</script> -- -->", datatables.Link("A & B", "../x/index.md#y")]],
                             "Data table: <b>", anchor="data-x")
    assert "<script>" not in table and "<b>" not in table and '<a href="../x/index.html#y">A &amp; B</a>' in table
    block = datatables.block('<p title="a">x -- y</p>\n\n<ul>\n<li>two</li>\n</ul>\n' + table)
    assert "\n\n" not in block
    names = [e if isinstance(e, str) else next(iter(e)) for e in EXTENSIONS]
    for raw in (table, block):
        made = markdown.Markdown(extensions=names).convert(f"Before.\n\n{raw}\n\nAfter.")
        assert made.replace("\n\n", "\n") == f"<p>Before.</p>\n{raw}\n<p>After.</p>"  # raw HTML, as written


def test_unknown_engine_is_a_build_error(fixture_site, tmp_path):
    with pytest.raises(BuildError, match="unknown engine 'hugo'"):
        mkdocs_run.build_site(fixture_site.parent / "mkdocs.yml", fixture_site / "docs", tmp_path / "site", [], engine="hugo")
