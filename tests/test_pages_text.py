"""Generated page text: the three key questions, the publisher's own words, and what sits around every chart."""

from __future__ import annotations

import re

from forcepages.build import build
from forcepages.config import load_settings


def _force_pages(docs):
    return sorted(p for p in (docs / "forces").glob("*/index.md"))


def test_three_key_questions_for_every_domain(fixture_site):
    for page in _force_pages(fixture_site / "docs"):
        text = page.read_text(encoding="utf-8")
        domains = [h for h in re.findall(r"^## (.+)$", text, re.M) if not h.startswith("Places ")]  # then the places it covers
        assert domains, page
        for question in ("What does the force do well?", "Where does the force need to improve?", "What action is the force taking?"):
            assert text.count(f"### {question}") == len(domains), (page, question)


def test_without_a_narrative_the_page_says_none_published(fixture_site):
    text = _force_pages(fixture_site / "docs")[0].read_text(encoding="utf-8")
    assert "This site has no statement from the force about this yet." in text
    assert "has not published" not in text


def test_narrative_shown_as_the_publishers_own_words_and_escaped(fixture_copy):
    """A temporary narrative (not a real force's words) appears, labelled, with its HTML and Markdown made harmless."""
    settings = load_settings(fixture_copy)
    force = sorted(p.name for p in (fixture_copy.parent / "datapackages").glob("*"))  # noqa: F841 - layout check
    out = fixture_copy.parent / "build"
    first = build(settings, fixture_copy, out)
    slug = _force_pages(first.docs)[0].parent.name
    domain = sorted(p.stem for p in (first.docs / "forces" / slug).glob("*.md") if p.stem != "index")[0]
    folder = settings.path(settings.narratives) / slug
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{domain}.md").write_text(
        "# Our plan\n\nTEST NARRATIVE: we are <script>alert(1)</script> hiring more *detectives*.\n\n"
        "- Open 2 new [front counters](javascript:alert(1))\n- Answer 999 calls faster\n", encoding="utf-8")
    report = build(settings, fixture_copy, out)
    text = (report.docs / "forces" / slug / "index.md").read_text(encoding="utf-8")
    html = (report.site / "forces" / slug / "index.html").read_text(encoding="utf-8")
    assert "In the force's own words" in text
    assert "TEST NARRATIVE" in text and "Answer 999 calls faster" in text
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript:' not in html
    assert "<em>detectives</em>" not in html


def test_every_chart_has_summary_table_unit_source_and_csv(fixture_site):
    docs = fixture_site / "docs"
    checked = 0
    for page in sorted((docs / "forces").glob("*/*.md")):
        if page.name == "index.md":
            continue
        text = page.read_text(encoding="utf-8")
        for section in re.split(r"^## ", text, flags=re.M)[1:]:
            if 'class="fp-chart"' not in section:
                continue
            checked += 1
            before_chart = section.split('<figure')[0]
            assert re.search(r"^- .+\.$", before_chart, re.M), "a plain-English summary before the chart"
            assert 'aria-label="Chart of' in section and 'role="img"' in section
            assert '<details class="fp-table"' in section and "<summary data-search-exclude>Data table:" in section
            assert "**Unit:**" in section and "**Source:**" in section
            csv = re.search(r"\(([./]*charts/[^)]+\.csv)\)", section)
            assert csv and (fixture_site / "site" / page.parent.relative_to(docs) / csv.group(1)).resolve().is_file()
    assert checked > 5


def test_summaries_are_bulleted_short_sentences(fixture_site):
    from forcepages.site import readability
    from forcepages import wording

    checked = 0
    for page in sorted((fixture_site / "docs" / "forces").glob("*/*.md")):
        for line in page.read_text(encoding="utf-8").splitlines():
            if line.startswith("- ") and "](" not in line:
                checked += 1
                for sentence in wording.sentences(line[2:]):
                    assert readability.words(sentence) <= readability.MAX_WORDS, sentence
    assert checked > 50, "the summaries on the force pages were found"


def test_no_escaped_backslashes_show_on_pages(fixture_site):
    for page in sorted((fixture_site / "site").rglob("*.html")):
        body = page.read_text(encoding="utf-8")
        assert "\\-" not in body and "\\_" not in body and "\\." not in body.replace("\\.\\", ""), page


def test_accessibility_statement_is_complete(fixture_site):
    text = (fixture_site / "docs" / "accessibility.md").read_text(encoding="utf-8")
    for heading in ("Compliance status", "Feedback and other formats", "Enforcement procedure", "Non-accessible content"):
        assert f"## {heading}" in text
    assert "Equality and Human Rights Commission" in text and "Equality Advisory and Support Service" in text
