"""Golden output: the fixture site's generated Markdown matches the committed snapshots.

Refresh after a deliberate change with `make snapshots`, then review the diff.
"""

import os
import shutil
from pathlib import Path

SNAPSHOTS = Path(__file__).parent / "snapshots" / "fixture_docs"


def markdown_files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.md"))}


def test_generated_markdown_matches_snapshots(fixture_site):
    generated = markdown_files(fixture_site / "docs")
    if os.environ.get("FORCEPAGES_UPDATE_SNAPSHOTS"):
        shutil.rmtree(SNAPSHOTS, ignore_errors=True)
        for name, text in generated.items():
            (SNAPSHOTS / name).parent.mkdir(parents=True, exist_ok=True)
            (SNAPSHOTS / name).write_text(text, encoding="utf-8")
    expected = markdown_files(SNAPSHOTS)
    assert sorted(generated) == sorted(expected), "pages added or removed: run `make snapshots` if deliberate"
    changed = [name for name in expected if generated[name] != expected[name]]
    assert not changed, f"generated Markdown differs from the snapshots in {changed[:5]}: run `make snapshots` if deliberate"
