"""Plain English: GOV.UK number and date style, banned words on every page, sentence length and reading age."""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forcepages.compose import verdict_words
from forcepages.site import readability
from forcepages import wording
from forcepages.indicator import Indicator


@pytest.mark.parametrize("x,expected", [(12345, "12,345"), (999, "999"), (1000, "1,000"), (float("nan"), "[x]")])
def test_counts_have_commas_from_1000(x, expected):
    assert wording.count(x) == expected


@pytest.mark.parametrize("x,expected", [(138_000_000, "£138 million"), (1_200_000_000, "£1.2 billion"), (2_000_000_000, "£2 billion"),
                                        (4500, "£4,500"), (140.5, "£140.50"), (12, "£12")])
def test_money(x, expected):
    assert wording.money(x) == expected


def test_percent_and_values_in_units():
    assert wording.percent(12) == "12%"
    assert wording.percent(12.54, 1) == "12.5%"
    assert wording.value(4.123, Indicator("t", "T", unit="offences per 1,000 people", decimals=1)) == "4.1 offences per 1,000 people"
    assert wording.value(23.44, Indicator("t", "T", unit="%", decimals=1)) == "23.4%"
    assert wording.value(140.5, Indicator("t", "T", unit="£ per person", decimals=2)) == "£140.50 per person"
    assert wording.with_interval(12.3, 11.1, 13.6, Indicator("t", "T", unit="x", decimals=1)) == "12.3 (95% confidence interval 11.1 to 13.6)"


@pytest.mark.parametrize("start,end,expected", [
    ("2017-04-01", "2018-03-31", "12 months to March 2018"),
    ("2018-01-01", "2018-03-31", "January to March 2018"),
    ("2018-03-31", "2018-03-31", "31 March 2018"),
    ("2018-03-01", "2018-03-31", "March 2018"),
    ("2016-04-01", "2018-03-31", "April 2016 to March 2018"),
])
def test_periods(start, end, expected):
    assert wording.period(start, end) == expected


def test_dates():
    assert wording.long_date(date(2017, 6, 4)) == "4 June 2017"
    assert wording.in_period("2017-04-01", "2018-03-31") == "in the 12 months to March 2018"


def test_banned_words_found_as_whole_words_only():
    assert wording.banned_words("The best and the worst of the league table, ranked top to bottom, failing a target.") == [
        "best", "worst", "league table", "ranked", "top", "bottom", "failing", "target"]
    assert wording.banned_words("Stop at the bottle shop; targeted? no: the topic is bestowed") == []


def test_comparisons_are_short_and_neutral():
    for category in ("similar", "higher", "lower", "not-compared"):
        for polarity, judgement in (("higher-is-better", "better"), ("lower-is-better", "worse"), ("no-judgement", None)):
            bench = {"category": category, "judgement": judgement, "benchmark": 4.3, "method": "overdispersion-additive"}
            meta = Indicator("t", "T", unit="offences per 1,000 people", decimals=1, polarity=polarity, measure="rate")
            text = verdict_words.comparison(bench, "judged", meta, "national", 2.1) + " " + verdict_words.verdict(bench, polarity)
            assert not wording.banned_words(text)
            assert all(readability.words(s) <= readability.MAX_WORDS for s in wording.sentences(text))


def test_plain_text_strips_markdown_html_and_tables():
    text = readability.plain_text('---\ntitle: x\n---\n# Head\n\n<div class="a">Some <b>bold</b> text.</div>\n\n'
                                  "| a | b |\n| --- | --- |\n| 1 | 2 |\n\n- [A link](x.md) item\n\nBurglary \\- homes\n")
    assert text == "Head. Some bold text. A link item. Burglary - homes."


def test_plain_text_leaves_out_data_tables_and_html_blocks_markup_and_reads_entities():
    from forcepages.compose import datatables

    table = datatables.table(["Period", "Value"], [["January 2022", "1.2"]], "Data table: Burglary")
    block = datatables.block("<ul>\n<li>The figure was 1.2 &amp; rising.</li>\n</ul>\n" + table)
    text = readability.plain_text(f"# Head\n\n{table}\n\n{block}\n\nAfter &lt;b&gt; the table.\n")
    assert text == "Head. The figure was 1.2 & rising. After <b> the table."


# --- every generated page of the national site ------------------------------------------------------------

@pytest.fixture(scope="module")
def national_docs(national_site):
    return sorted((national_site / "docs").rglob("*.md"))


@pytest.fixture(scope="module")
def readability_report(national_site):
    return json.loads((national_site / "site" / "reports" / "readability.json").read_text(encoding="utf-8"))


@pytest.mark.slow
def test_no_banned_words_on_any_generated_page(national_docs):
    assert len(national_docs) > 200
    found = {}
    for file in national_docs:
        words = wording.banned_words(readability.plain_text(file.read_text(encoding="utf-8")))
        if words:
            found[file.name] = sorted(set(words))
    assert found == {}


@pytest.mark.slow
def test_readability_report_covers_every_page(national_site, national_docs, readability_report):
    pages = set(readability_report["per_page"])
    generated = {p.relative_to(national_site / "docs").as_posix() for p in national_docs}
    assert pages <= generated
    # every generated page is measured; only the publisher's hand-written pages (site_src/pages) may be missing
    assert len(generated - pages) <= 10, sorted(generated - pages)
    entry = readability_report["per_page"]["index.md"]["page"]
    assert {"flesch_kincaid_grade", "reading_age", "longest_sentence_words"} <= set(entry)
    assert entry["reading_age"] == pytest.approx(entry["flesch_kincaid_grade"] + 5)


@pytest.mark.slow
def test_generated_summaries_reading_age_9_or_below(readability_report):
    summaries = readability_report["summaries"]
    assert summaries["pages"] > 100
    assert summaries["average_flesch_kincaid_grade"] <= readability.MAX_SUMMARY_GRADE, summaries
    assert summaries["average_reading_age"] <= 9


@pytest.mark.slow
def test_no_generated_summary_sentence_over_25_words(readability_report):
    too_long = {page: e["summaries"]["longest_sentence"] for page, e in readability_report["per_page"].items()
                if "summaries" in e and e["summaries"]["longest_sentence_words"] > readability.MAX_WORDS}
    assert too_long == {}


def test_plural_and_the_name_of_the_comparison_group():
    from forcepages.config import Settings
    from forcepages.wording import plural

    assert [plural(w) for w in ("force", "authority", "neighbourhood", "parish", "day")] == [
        "forces", "authorities", "neighbourhoods", "parishes", "days"]
    assert Settings().similar_label == "similar forces"
    assert Settings(area_label="neighbourhood").similar_label == "similar neighbourhoods"
    assert Settings(area_label="community safety partnership").similar_label == "similar partnerships"


def _value_as_specified(x, meta, with_unit):
    """value() written out the slow, obvious way: the oracle for the per-indicator formatter."""
    if x is None or (isinstance(x, float) and x != x) or (not isinstance(x, str) and pd.isna(x)):
        return "[x]"
    decimals, unit = int(meta.decimals), str(meta.unit).strip()
    text = f"{float(x):,.{decimals}f}"
    if unit == "%":
        return text + "%"
    if unit.startswith("£"):
        rest = unit[1:].strip()
        return f"£{text} {wording.md(rest)}".strip() if with_unit else f"£{text}"
    return f"{text} {wording.md(unit)}".strip() if with_unit and unit else text  # the unit is catalogue text: escaped


@settings(max_examples=300, deadline=None)
@given(x=st.one_of(st.floats(allow_infinity=False, width=64), st.integers(-10**12, 10**12), st.none(), st.just(pd.NA),
                   st.just(np.float64("nan")), st.floats(width=32).map(np.float32)),
       decimals=st.integers(0, 4), unit=st.sampled_from(["", "%", " % ", "£", "£ per person", "offences per 1,000 people",
                                                         "{{ x }}", "{0}", "per {}", '<a href="j">u</a>', "£ <b>x</b>"]),
       with_unit=st.booleans())
def test_value_formatter_matches_the_written_out_rule(x, decimals, unit, with_unit):
    meta = Indicator("t", "T", decimals=decimals, unit=unit)
    expected = _value_as_specified(x, meta, with_unit)
    assert wording.value(x, meta, with_unit=with_unit) == expected
    assert wording.formatter(meta, with_unit)(x) == expected


@settings(max_examples=300, deadline=None)
@given(value=st.one_of(st.text(alphabet=st.sampled_from("ab-&<>\"' 1.£"), max_size=20), st.text(max_size=12), st.integers(),
                       st.floats(allow_nan=True)))
def test_table_cells_are_escaped_as_html_escape(value):
    import html

    from forcepages.compose import datatables
    expected = html.escape(str(value), quote=False)
    assert datatables._text(value) == expected
    assert datatables._cell(value) == expected


@settings(max_examples=500, deadline=None)
@given(line=st.text(alphabet=st.one_of(st.sampled_from("#-*1.٣ \t\u00a0\u2003\x1c\x0bab"), st.characters()), min_size=1, max_size=30))
def test_plain_text_shortcuts_match_the_patterns_they_skip(line):
    """plain_text() tries its list-mark pattern only on lines starting "#", "-", "*" or a digit, and joins split()
    words for runs of whitespace: each gives what the regular expression would."""
    import re
    assert " ".join(line.split()) == re.sub(r"\s+", " ", line).strip()
    if not (line[0] in "#-*" or line[0].isdecimal()):
        assert readability._MARK.sub("", line) == line


def _md_as_written(text):
    """wording.md written out with a regular expression for each step: the oracle for its shortcuts."""
    import html
    import re
    escaped = html.escape(str(text), quote=False)
    escaped = re.sub(r"\s+", " ", escaped).strip()
    escaped = re.sub(r"([\\`*_{}\[\]#+!|])", r"\\\1", escaped)
    numbered = re.sub(r"^(\d+)\.", r"\1\\.", escaped)
    return numbered.replace("-", "\\-", 1) if escaped.startswith("-") else numbered


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=st.one_of(st.sampled_from("-12٣.#*_ \t\n\u00a0<>&[]"), st.characters()), max_size=20))
def test_markdown_escaping_matches_the_written_out_rule(text):
    assert wording.md(text) == _md_as_written(text)


@pytest.mark.parametrize("markdown", ["Intro.\n\n![](map.png)\n", "Intro.\n[](#top)\n", "Intro.\n{: .lead }\n", "Intro.\n{ #id }\n"])
def test_plain_text_of_a_line_that_empties_is_nothing(markdown):
    """An image without alt text, an empty link or a lone attribute list leaves an empty line: it is skipped."""
    assert readability.plain_text(markdown) == "Intro."
