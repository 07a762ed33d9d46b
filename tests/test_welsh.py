"""Welsh pages (issue 16): each Welsh force's page and domain pages in Welsh, linked both ways, searchable, with
Welsh dates, numbers and plurals from Babel; and every generated sentence from the message catalogue."""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from forcepages import language, wording
from forcepages.build import build
from forcepages.config import load_settings
from forcepages.errors import BuildError
from forcepages.paths import TEMPLATES_DIR
from forcepages.site import article_text

ROOT = Path(__file__).resolve().parent.parent
ENGLISH_WORDS = {"the", "and", "of", "is", "in", "to", "for", "with", "this", "are"}
WELSH_MONTHS = ("Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref",
                "Tachwedd", "Rhagfyr")


def welsh_forces() -> list[str]:
    with open(ROOT / "datapackages" / "reference" / "areas.csv", encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["area_type"] == "force" and r["country"] == "Wales"]
    return [re.sub(r"[^a-z0-9]+", "-", r["name"].lower()).strip("-") for r in rows]


class _Head(HTMLParser):
    """The page's lang, any rel=alternate hreflang links and the language switch (links with hreflang)."""

    def __init__(self) -> None:
        super().__init__()
        self.lang, self.alternates, self.switch = None, {}, []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.alternates[a["hreflang"]] = a.get("href")
        if tag == "a" and a.get("hreflang"):
            self.switch.append((a["hreflang"], a.get("href"), a.get("lang")))


def head(page: Path) -> _Head:
    parser = _Head()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def welsh_pages(site: Path) -> list[Path]:
    pages = []
    for slug in welsh_forces():
        folder = site / "cy" / "forces" / slug
        pages += [folder / "index.html"] + sorted(p for p in folder.glob("*.html") if p.name != "index.html")
    return pages


def test_every_welsh_force_has_a_welsh_page_and_four_domain_pages_linked_both_ways(national_site):
    site = national_site / "site"
    assert len(welsh_forces()) == 4
    for slug in welsh_forces():
        folder = site / "cy" / "forces" / slug
        pages = [folder / "index.html"] + sorted(p for p in folder.glob("*.html") if p.name != "index.html")
        assert len(pages) == 5, slug
        for welsh in pages:
            english = site / welsh.relative_to(site / "cy")
            w, e = head(welsh), head(english)
            assert w.lang == "cy" and e.lang == "en", welsh
            # a visible switch in the article with hreflang, in the other language, both ways
            assert w.switch == [("en", w.switch[0][1], "en")] and e.switch == [("cy", e.switch[0][1], "cy")]
            assert (welsh.parent / w.switch[0][1]).resolve() == english.resolve()
            assert (english.parent / e.switch[0][1]).resolve() == welsh.resolve()


def test_welsh_pages_have_at_most_3_percent_english_words_and_welsh_months(national_site):
    for page in welsh_pages(national_site / "site"):
        text = article_text.text(page.read_text(encoding="utf-8"))
        words = re.findall(r"[A-Za-zÀ-ÿŵŷŴŶ']+", text)
        english = [w for w in words if w.lower() in ENGLISH_WORDS]
        share = len(english) / len(words)
        assert share <= 0.03, (page, f"{share:.1%}", sorted(set(english)))
        assert any(month in text for month in WELSH_MONTHS), page
        assert "Cymru a Lloegr" in text or page.name == "index.html"


def test_welsh_pages_use_welsh_interface_and_are_in_their_search_index(national_site):
    site = national_site / "site"
    force = site / "cy" / "forces" / welsh_forces()[0] / "index.html"
    assert "Neidio i'r cynnwys" in force.read_text(encoding="utf-8") or "Neidio i&#39;r cynnwys" in force.read_text(encoding="utf-8")
    index = json.loads((site / "cy" / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    for slug in welsh_forces():
        assert f"forces/{slug}/index.html" in locations
    assert any("Beth mae'r heddlu'n ei wneud yn dda" in d.get("title", "") for d in index["docs"])


def test_welsh_charts_and_their_files_are_in_welsh(national_site):
    site = national_site / "site"
    slug = welsh_forces()[0]
    charts = sorted((site / "cy" / "charts").glob(f"{slug}--*.json"))
    charts = [c for c in charts if not c.name.endswith(".meta.json")]
    assert charts
    figure = json.loads(charts[0].read_text(encoding="utf-8"))
    names = {t.get("name") for t in figure["data"]}
    assert "Cymru a Lloegr" in names and "England and Wales" not in names
    ticks = figure["layout"]["xaxis"].get("ticktext", [])
    assert ticks and len(ticks) <= 6 and all(t.isdigit() or any(t.startswith(m[:3]) for m in WELSH_MONTHS) for t in ticks), ticks
    meta = json.loads(charts[0].with_suffix(".meta.json").read_text(encoding="utf-8"))
    assert any(c["description"] == "Cymru a Lloegr" for c in meta["columns"])
    assert (charts[0].with_suffix(".csv")).read_text(encoding="utf-8").startswith("area_code,")  # field names kept


def test_welsh_dates_numbers_and_plurals_come_from_babel():
    cy = language.load("cy")
    with language.use(cy):
        assert wording.month_year(date(2025, 6, 30)) == "Mehefin 2025"
        assert wording.period(date(2024, 4, 1), date(2025, 3, 31)) == "12 mis hyd at fis Mawrth 2025"
        assert wording.number(12345.678, 1) == "12,345.7"  # Babel: Welsh writes numbers as English does
        forms = {n: language.ngettext("We do not judge figures that are more than %(count)s year older.",
                                      "We do not judge figures that are more than %(count)s years older.", n) % {"count": n}
                 for n in (0, 1, 2, 3, 6, 7)}
    assert "1 flwyddyn" in forms[1] and "2 flynedd" in forms[2] and "3 blynedd" in forms[3] and "7 o flynyddoedd" in forms[7]
    assert len(set(f.replace(str(n), "N") for n, f in forms.items())) >= 4  # Welsh's plural forms, not English's two
    with language.use(language.ENGLISH):
        assert wording.month_year(date(2025, 6, 30)) == "June 2025"


def test_a_message_missing_from_the_catalogue_is_recorded_and_shown_in_english():
    cy = language.load("cy")
    with language.use(cy):
        assert language._("It is similar to England and Wales: %(both)s.") != "It is similar to England and Wales: %(both)s."
        assert language._("A sentence nobody has written in Welsh.") == "A sentence nobody has written in Welsh."
    assert cy.missing == ["A sentence nobody has written in Welsh."]


def test_a_new_untranslated_sentence_on_a_welsh_page_fails_the_strict_build(fixture_copy):
    """A publisher's template adds a sentence the catalogue has no Welsh for: the strict build stops and names it; a
    build without --strict goes on and lists it."""
    folder = fixture_copy.parent / "site_src" / "templates"
    folder.mkdir(parents=True)
    template = (TEMPLATES_DIR / "force.md.j2").read_text(encoding="utf-8")
    (folder / "force.md.j2").write_text(template + "\n{% trans %}A sentence nobody has translated yet.{% endtrans %}\n",
                                        encoding="utf-8")
    settings = load_settings(fixture_copy)
    with pytest.raises(BuildError, match="A sentence nobody has translated yet"):
        build(settings, fixture_copy, fixture_copy.parent / "build")
    assert not (fixture_copy.parent / "build" / "site").exists()
    report = build(settings, fixture_copy, fixture_copy.parent / "build", strict=False)
    assert "message: A sentence nobody has translated yet." in report.untranslated


def test_welsh_pages_all_makes_every_page_in_welsh(fixture_copy):
    """welsh_pages: all (a Welsh commissioner's site): every generated page in Welsh too, each linked to its English
    version and back, with the downloads at the same addresses; the strict build passes (every message has Welsh)."""
    text = fixture_copy.read_text(encoding="utf-8").replace("  forcepages:\n", "  forcepages:\n    welsh_pages: all\n", 1)
    fixture_copy.write_text(text, encoding="utf-8")
    out = fixture_copy.parent / "build"
    build(load_settings(fixture_copy), fixture_copy, out)
    site = out / "site"
    english = {p.relative_to(site).as_posix() for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith(("cy/", "assets/", "search/"))}
    welsh = {p.relative_to(site / "cy").as_posix() for p in (site / "cy").rglob("*.html")}
    hand_written = {"about.html", "accessibility.html"}  # the publisher's own pages (site_src/pages) are in English
    assert english - hand_written <= welsh
    for name in ("methodology.html", "glossary.html", "indicators/index.html", "data/index.html", "index.html"):
        page = site / "cy" / name
        assert head(page).lang == "cy" and head(page).switch[0][0] == "en", name
        assert head(site / name).switch[0][0] == "cy", name
    assert (site / "cy" / "api" / "v1" / "indicators.json").is_file()  # the English downloads, at the same addresses


def test_languages_en_makes_no_welsh_pages(fixture_copy):
    text = fixture_copy.read_text(encoding="utf-8").replace("  forcepages:\n", "  forcepages:\n    languages: [en]\n", 1)
    fixture_copy.write_text(text, encoding="utf-8")
    out = fixture_copy.parent / "build"
    build(load_settings(fixture_copy), fixture_copy, out)
    assert not (out / "site" / "cy").exists() and not list((out / "docs-cy").iterdir())
    assert "hreflang" not in (out / "site" / "forces" / "valley-police" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("line,message", [("languages: [cy]", '"languages" should be [en]'),
                                          ("languages: [en, fr]", '"languages" should be [en]'),
                                          ("welsh_pages: wales", '"welsh_pages" should be "welsh-areas"')])
def test_language_settings_are_checked(tmp_path, line, message):
    from forcepages.config import ConfigError

    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: x\nextra:\n  forcepages:\n    {line}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_settings(config)
