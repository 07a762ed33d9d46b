"""Golden output: what the fixture site and the single-force example generate matches the committed snapshots.

Covered: every generated Markdown page, every chart's figure JSON, CSV and metadata, the JSON API, and the
single-force mode (examples/cambridgeshire). A difference fails with a unified diff of the first files that changed.
Refresh after a deliberate change with `make snapshots`, then review the diff in git.
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from forcepages.build import build
from forcepages.config import load_settings

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = bool(os.environ.get("FORCEPAGES_UPDATE_SNAPSHOTS"))
DIFF_FILES, DIFF_LINES = 3, 40


@pytest.fixture(scope="module")
def single_force(tmp_path_factory) -> Path:
    """The single-force example built from a copy; returns its build folder."""
    target = tmp_path_factory.mktemp("golden-single") / "cambridgeshire"
    shutil.copytree(ROOT / "examples" / "cambridgeshire", target, ignore=shutil.ignore_patterns("build"))
    build(load_settings(target / "mkdocs.yml"), target / "mkdocs.yml", target / "build")
    return target / "build"


def _files(folder: Path, patterns: tuple[str, ...]) -> dict[str, str]:
    found = {}
    for pattern in patterns:
        for path in folder.glob(pattern):
            if path.is_file():
                found[path.relative_to(folder).as_posix()] = path.read_text(encoding="utf-8")
    return dict(sorted(found.items()))


def _compare(name: str, generated: dict[str, str]) -> None:
    folder = SNAPSHOTS / name
    if UPDATE:
        shutil.rmtree(folder, ignore_errors=True)
        for rel, text in generated.items():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_text(text, encoding="utf-8")
    expected = {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
                for p in sorted(folder.rglob("*")) if p.is_file()}
    added, removed = sorted(set(generated) - set(expected)), sorted(set(expected) - set(generated))
    assert not added and not removed, (f"{name}: files added {added[:5]}, removed {removed[:5]}; "
                                       "run `make snapshots` if deliberate")
    changed = [rel for rel in expected if generated[rel] != expected[rel]]
    if changed:
        diffs = []
        for rel in changed[:DIFF_FILES]:
            lines = list(difflib.unified_diff(_readable(rel, expected[rel]), _readable(rel, generated[rel]),
                                              f"snapshot/{rel}", f"generated/{rel}", lineterm="", n=1))
            diffs.append("\n".join(lines[:DIFF_LINES]))
        pytest.fail(f"{name}: {len(changed)} files differ from the snapshots (run `make snapshots` if deliberate):\n"
                    + "\n\n".join(diffs), pytrace=False)


def _readable(rel: str, text: str) -> list[str]:
    """Lines to diff: JSON one key per line, so that a diff shows the value that changed."""
    if rel.endswith(".json"):
        try:
            return json.dumps(json.loads(text), indent=1, sort_keys=True, ensure_ascii=False).splitlines()
        except ValueError:
            pass
    return text.splitlines()


def test_markdown_matches_snapshots(fixture_site):
    _compare("fixture_docs", _files(fixture_site / "docs", ("**/*.md",)))


def test_chart_json_and_csv_match_snapshots(fixture_site):
    charts = _files(fixture_site / "site", ("charts/*.json", "charts/*.csv"))
    assert any(rel.endswith(".csv") for rel in charts) and any(rel.endswith(".meta.json") for rel in charts)
    _compare("fixture_charts", charts)


def test_api_matches_snapshots(fixture_site):
    api = _files(fixture_site / "site", ("api/**/*.json",))
    assert "api/v1/indicators.json" in api
    _compare("fixture_api", api)


def test_single_force_mode_matches_snapshots(single_force):
    _compare("single_force_docs", _files(single_force / "docs", ("**/*.md",)))
