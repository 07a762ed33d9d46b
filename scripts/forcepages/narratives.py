"""The publisher's own words on "What action is the force taking?", read as plain text and shown as such."""

from __future__ import annotations

import re
from pathlib import Path

from . import safefiles, wording


def read(folder: Path, force_slug: str, domain_id: str) -> list[dict[str, object]] | None:
    """Paragraphs and bullet lists from site_src/narratives/<force>/<domain>.md, escaped so nothing in them runs."""
    file = folder / force_slug / f"{domain_id}.md"
    if not (file.is_file() or file.is_symlink()):
        return None
    text = safefiles.read_text(file, folder, str(file), allow_empty=True)  # a link is refused, never followed
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
