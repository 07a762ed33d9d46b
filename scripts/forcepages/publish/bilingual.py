"""Downloads in English and Welsh: the words of a package's README and of its spreadsheet's cover sheet are written
once in each language the site has (``languages`` in the settings), then put side by side: each English paragraph
followed by its Welsh, or the two in adjacent columns. The Welsh comes from the message catalogue, so the files
change only when the data or the catalogue does (two builds give identical bytes)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Callable, TypeVar

from forcepages import language
from forcepages.config import Settings

T = TypeVar("T")


@functools.lru_cache(maxsize=4)
def _welsh(folder: Path, stamp: int) -> language.Language:
    """The Welsh catalogue of ``folder``, compiled once per version of its .po file (``stamp``: modification time)."""
    return language.load("cy", folder)


def languages(settings: Settings, folder: Path = language.TRANSLATIONS_DIR) -> list[language.Language]:
    """English, then Welsh (the catalogue in ``folder``) where the site has Welsh pages."""
    out = [language.ENGLISH]
    if "cy" in settings.languages:
        po = folder / "cy" / "LC_MESSAGES" / f"{language.DOMAIN}.po"
        out.append(_welsh(folder, po.stat().st_mtime_ns))
    return out


def each(settings: Settings, write: Callable[[], T], folder: Path = language.TRANSLATIONS_DIR) -> list[T]:
    """What ``write`` gives in each of the site's languages (English first)."""
    out = []
    for lang in languages(settings, folder):
        with language.use(lang):
            out.append(write())
    return out


def blocks(versions: list[list[str]]) -> list[str]:
    """Markdown blocks (paragraphs, lists, headings) of one text in several languages, interleaved: each English
    block, then the same block in the other languages where it differs; a heading once, its translations after a
    slash. Versions whose blocks do not line up follow the English whole."""
    english, others = versions[0], versions[1:]
    if any(len(o) != len(english) for o in others):
        return [b for version in versions for b in version]
    out = []
    for i, block in enumerate(english):
        translated = [o[i] for o in others if o[i] != block]
        if block.startswith("#") and "\n" not in block:
            out.append(" / ".join([block] + [t.lstrip("#").strip() for t in translated]))
        elif block.startswith("|") and all(_same_body(block, t) for t in translated):
            out.append(_table_header(block, translated))
        else:
            out += [block] + translated
    return out


def _same_body(table: str, other: str) -> bool:
    """True when two Markdown tables differ only in their header row (the words) and have the same columns."""
    a, b = table.split("\n"), other.split("\n")
    return a[1:] == b[1:] and a[0].count("|") == b[0].count("|")


def _table_header(table: str, translated: list[str]) -> str:
    """A Markdown table once, each header cell with its translations after a slash."""
    lines = table.split("\n")
    heads = [line.split("\n")[0].strip("|").split("|") for line in [table] + translated]
    cells = [" / ".join(dict.fromkeys(h[c].strip() for h in heads)) for c in range(len(heads[0]))]
    return "\n".join(["| " + " | ".join(cells) + " |"] + lines[1:])


def rows(versions: list[list[list]]) -> list[list]:
    """Rows of one sheet in several languages, side by side: each row's cells in English, then its cells in the
    other languages where they differ (a row the same in every language, such as a title, is written once)."""
    english, others = versions[0], versions[1:]
    if any(len(o) != len(english) for o in others):
        return [r for version in versions for r in version]
    return [row + [c for o in others if o[i] != row for c in o[i]] for i, row in enumerate(english)]
