"""Judgements on pages come only from statistically clear results; "similar" is never worded as a difference."""

import json
import re

import pytest

from forcepages import wording

POLARITIES = ("higher-is-better", "lower-is-better", "no-judgement")
DIRECTION_WORDS = re.compile(r"\b(higher|lower|better|worse)\b", re.I)


@pytest.mark.parametrize("polarity", POLARITIES)
def test_similar_is_never_worded_as_a_difference(polarity):
    text = wording.comparison("similar", "similar", polarity, "England and Wales", "4.3")
    assert text == "This is similar to England and Wales (4.3)."
    assert not DIRECTION_WORDS.search(text)


@pytest.mark.parametrize("category,polarity,expected", [
    ("higher", "lower-is-better", "so this is worse"),
    ("much-lower", "lower-is-better", "so this is better"),
    ("higher", "no-judgement", "Higher is not better or worse"),
])
def test_clear_differences_say_which_way_is_better(category, polarity, expected):
    from forcepages.stats import judgement

    text = wording.comparison(category, judgement(category, polarity), polarity, "England and Wales", "4.3")
    assert expected in text


def _api(site, iid):
    return json.loads((site / "site" / "api" / "v1" / "indicators" / f"{iid}.json").read_text(encoding="utf-8"))


def test_page_sentences_follow_the_computed_category(fixture_site):
    index = json.loads((fixture_site / "site" / "api" / "v1" / "indicators.json").read_text(encoding="utf-8"))
    checked = 0
    for item in index["indicators"]:
        doc = _api(fixture_site, item["id"])
        for code, force in doc["forces"].items():
            slug = force["name"].lower().replace(" ", "-")
            page = (fixture_site / "docs" / "forces" / slug / f"{item['domain']}.md").read_text(encoding="utf-8")
            section = page.split(f"{{ #{item['id']} }}", 1)[1].split("\n## ", 1)[0]
            category = force["england_and_wales"]["category"]
            sentence = next((s for s in section.splitlines() if "England and Wales (" in s), "")
            if category == "similar":
                assert "similar to England and Wales" in sentence and not DIRECTION_WORDS.search(sentence.split("(")[0]), sentence
                checked += 1
            elif category in ("higher", "lower", "much-higher", "much-lower"):
                assert wording.COMPARE_WORDS[category] + " England and Wales" in sentence
                checked += 1
    assert checked >= 10


def test_force_page_findings_come_only_from_clear_results(fixture_site):
    for force_page in (fixture_site / "docs" / "forces").glob("*/index.md"):
        text = force_page.read_text(encoding="utf-8")
        for link_text, target in re.findall(r"- \[([^\]]+)\]\(([^)]+)\)", text):
            iid = target.split("#")[1]
            doc = _api(fixture_site, iid)
            force = next(f for f in doc["forces"].values() if f["name"].lower().replace(" ", "-") == force_page.parent.name)
            if "England and Wales" in link_text:
                assert force["england_and_wales"]["category"] not in ("similar", "not-compared"), link_text
            elif "similar forces" in link_text:
                assert force["similar_forces"]["category"] not in ("similar", "not-compared"), link_text
            elif "unusual" in link_text:
                assert force["spc"]["outcome"] in ("unusual-rise", "unusual-fall"), link_text
            elif "5 years" in link_text:
                assert force["recent_trend"] in ("increasing", "decreasing"), link_text
