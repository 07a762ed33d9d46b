"""Judgements on pages come only from statistically clear results; "similar" is never worded as a difference."""

from dataclasses import replace
import json
import re

import pytest

from forcepages.compose import verdict_words
from forcepages import wording
from forcepages.indicator import Indicator

POLARITIES = ("higher-is-better", "lower-is-better", "no-judgement")
DIRECTION_WORDS = re.compile(r"\b(higher|lower|better|worse)\b", re.I)


META = Indicator("t", "T", unit="offences per 1,000 people", decimals=2, polarity="lower-is-better", measure="rate")


@pytest.mark.parametrize("polarity", POLARITIES)
def test_similar_is_never_worded_as_a_difference(polarity):
    bench = {"category": "similar", "judgement": "similar", "benchmark": 4.3, "method": "poisson"}
    text = verdict_words.comparison(bench, "judged", replace(META, polarity=polarity), "national", 4.28)
    assert text == "It is similar to England and Wales: 4.28 against 4.30 offences per 1,000 people."
    assert not DIRECTION_WORDS.search(text)
    assert verdict_words.verdict(bench, polarity) == ""


def test_a_similar_figure_with_a_big_gap_says_the_gap_is_within_the_usual_differences():
    bench = {"category": "similar", "judgement": "similar", "benchmark": 2.65, "method": "overdispersion-additive"}
    text = verdict_words.comparison(bench, "judged", META, "national", 1.90)
    assert text.startswith("It is similar to England and Wales: 1.90 against 2.65 offences per 1,000 people.")
    assert "The gap (about a quarter lower) is no bigger than forces often differ." in text


@pytest.mark.parametrize("category,polarity,expected", [
    ("higher", "lower-is-better", "so this is worse"),
    ("lower", "lower-is-better", "so this is better"),
    ("higher", "no-judgement", "Higher is not better or worse"),
])
def test_clear_differences_say_which_way_is_better(category, polarity, expected):
    from forcepages.compute.stats import judgement

    bench = {"category": category, "judgement": judgement(category, polarity), "benchmark": 2.65}
    text = verdict_words.comparison(bench, "judged", replace(META, polarity=polarity), "national", 1.90 if category == "lower" else 3.5)
    assert text.startswith(f"It is clearly {category} than England and Wales: ")
    assert expected in verdict_words.verdict(bench, polarity)


def test_certainty_and_size_are_separate_words():
    bench = {"category": "lower", "judgement": "better", "benchmark": 2.65}
    assert verdict_words.comparison(bench, "judged", META, "national", 1.75) == (
        "It is clearly lower than England and Wales: 1.75 against 2.65 offences per 1,000 people, about a third lower.")
    assert verdict_words.size(2.0, 1.0, META) == "about twice as high"
    assert verdict_words.size(1.02, 1.0, META) == "a little higher"
    assert verdict_words.size(24.3, 26.5, Indicator("t", "T", unit="%", decimals=1)) == "2.2 percentage points lower"


def test_a_figure_not_judged_has_no_better_or_worse():
    bench = {"category": "lower", "judgement": None, "benchmark": 2.65}
    assert verdict_words.verdict(bench, "lower-is-better") == ""


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
            sentence = next((s for s in section.splitlines() if " England and Wales: " in s), "")
            if category == "similar":
                assert "similar to England and Wales" in sentence and not DIRECTION_WORDS.search(sentence.split(":")[0]), sentence
                checked += 1
            elif category in ("higher", "lower"):
                assert f"clearly {category} than England and Wales" in sentence
                checked += 1
    assert checked >= 10


def test_force_page_findings_come_only_from_clear_results(fixture_site):
    for force_page in (fixture_site / "docs" / "forces").glob("*/index.md"):
        text = force_page.read_text(encoding="utf-8")
        for link_text, target in re.findall(r"- \[([^\]]+)\]\(([^)]+)\)", text):
            iid = target.split("#")[1]
            doc = _api(fixture_site, iid)
            force = next(f for f in doc["forces"].values() if f["name"].lower().replace(" ", "-") == force_page.parent.name)
            assert re.search(r"\b(19|20)\d\d\b", link_text), link_text  # every line is dated
            if "not judged" in link_text or "latest figure is for" in link_text:
                assert force["judged"] is False and force["england_and_wales"]["judgement"] is None, link_text
                continue
            if "than England and Wales" in link_text:
                assert force["england_and_wales"]["category"] in ("higher", "lower"), link_text
            if "than similar forces" in link_text:
                assert force["similar_forces"]["category"] in ("higher", "lower"), link_text
            if "unusual" in link_text:
                assert force["spc"]["outcome"] in ("unusual-rise", "unusual-fall"), link_text
            if "went up between" in link_text or "went down between" in link_text:
                assert force["recent_trend"]["direction"] in ("increasing", "decreasing"), link_text
