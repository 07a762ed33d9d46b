"""Atomic output: a failed validation or a failed MkDocs build leaves the previous build exactly as it was."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from forcepages.build import build
from forcepages.config import load_settings
from forcepages.errors import BuildError, ValidationFailed


def tree_hash(folder: Path) -> str:
    """One hash over every file's path, bytes and mode, and every folder, under ``folder``."""
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        h.update(path.relative_to(folder).as_posix().encode() + b"\0")
        if path.is_file():
            h.update(path.read_bytes())
            h.update(oct(path.stat().st_mode).encode())
    return h.hexdigest()


@pytest.fixture
def built(fixture_copy) -> tuple[Path, Path, str]:
    out = fixture_copy.parent / "build"
    build(load_settings(fixture_copy), fixture_copy, out)
    assert (out / "site" / "index.html").is_file()
    return fixture_copy, out, tree_hash(out)


def test_failed_validation_leaves_the_previous_build(built):
    config, out, before = built
    values = config.parent / "datapackages" / "crime" / "values.csv"
    values.write_text(values.read_text(encoding="utf-8").replace("600000", "lots", 1), encoding="utf-8")
    with pytest.raises(ValidationFailed):
        build(load_settings(config), config, out)
    assert tree_hash(out) == before
    assert sorted(p.name for p in out.iterdir()) == ["docs", "docs-cy", "site"]


def test_failed_mkdocs_build_leaves_the_previous_build(built):
    config, out, before = built
    pages = config.parent / "pages"
    pages.mkdir()
    (pages / "broken.md").write_text("# Broken\n\nSee [a page that does not exist](missing.md).\n", encoding="utf-8")
    text = config.read_text(encoding="utf-8")
    text = "\n".join(line for line in text.splitlines() if not line.strip().startswith("pages:"))
    config.write_text(text.replace("  forcepages:\n", "  forcepages:\n    pages: pages\n", 1) + "\n", encoding="utf-8")
    assert load_settings(config).pages == "pages"
    with pytest.raises(BuildError):
        build(load_settings(config), config, out)
    assert tree_hash(out) == before
    assert sorted(p.name for p in out.iterdir()) == ["docs", "docs-cy", "site"], "no temporary folders left behind"


def test_a_successful_build_replaces_the_previous_one(built):
    config, out, before = built
    values = config.parent / "datapackages" / "crime" / "values.csv"
    values.write_text(values.read_text(encoding="utf-8").replace("2417,600000", "2418,600000", 1), encoding="utf-8")
    build(load_settings(config), config, out)
    assert tree_hash(out) != before
    assert sorted(p.name for p in out.iterdir()) == ["docs", "docs-cy", "site"]
