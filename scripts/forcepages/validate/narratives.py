"""The publisher's own words on "What action is the force taking?", read as plain text and shown as such."""

from __future__ import annotations

import re
from pathlib import Path

from forcepages import safefiles
from forcepages import wording
from forcepages.errors import Problem


def read(folder: Path, force_slug: str, domain_id: str) -> list[dict[str, object]] | None:
    """Paragraphs and bullet lists from site_src/narratives/<force>/<domain>.md, escaped so nothing in them runs."""
    file = folder / force_slug / f"{domain_id}.md"
    if not (file.is_file() or file.is_symlink()):
        return None
    text = safefiles.read_text(file, folder, str(file), allow_empty=True)  # a link is refused, never followed
    return blocks(text)


def blocks(text: str) -> list[dict[str, object]] | None:
    """Paragraphs and bullet lists from plain Markdown-like text (headings become paragraphs), escaped as text."""
    blocks: list[dict[str, object]] = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        lines = [ln.strip() for ln in chunk.splitlines() if ln.strip()]
        if not lines:
            continue
        if all(re.match(r"^[-*]\s+", ln) for ln in lines):
            blocks.append({"kind": "list", "items": [wording.md(re.sub(r"^[-*]\s+", "", ln)) for ln in lines]})
        else:
            blocks.append({"kind": "paragraph", "text": wording.md(" ".join(re.sub(r"^#+\s*", "", ln) for ln in lines))})
    return blocks or None


def check(folder: Path, shown: str, slugs: list[str], themes: list[str], default: Path | None = None) -> list[Problem]:
    """A narrative file for a force or theme the site does not have is an error naming the file and the valid names;
    so is a narratives folder that does not exist while the default one holds narratives (they would be ignored)."""
    problems: list[Problem] = []
    if not folder.is_dir():
        if default is not None and default != folder and default.is_dir() and any(default.glob("*/*.md")):
            problems.append(Problem(shown, None, None, "does not exist, so no narrative would be shown, but the default "
                                    f"folder {default.name} holds narratives.",
                                    'Remove the "narratives" setting from mkdocs.yml (the default is site_src/narratives) '
                                    "or set it to the folder that holds them.", code="narratives-folder-missing"))
        return problems
    known, themes_known = set(slugs), set(themes)
    for force in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        where = f"{shown}/{force.name}"
        if force.name not in known:
            problems.append(Problem(where, None, None, f'is not a force this site has a page for, so "{force.name}" '
                                    "narratives would never be shown.", f"Name the folder after the force: {_names(slugs)}.", code="narrative-force-unknown"))
            continue
        for file in sorted(force.glob("*.md")):
            if file.stem not in themes_known:
                problems.append(Problem(f"{where}/{file.name}", None, None, f'is not a theme: "{file.stem}" is not in '
                                        "the framework's domains.csv, so this narrative would never be shown.",
                                        f"Name the file after a theme: {_names([t + '.md' for t in themes])}.", code="narrative-theme-unknown"))
    return problems


def _names(names: list[str], most: int = 12) -> str:
    shown = ", ".join(names[:most])
    return shown + (f" and {len(names) - most:,} more" if len(names) > most else "")
