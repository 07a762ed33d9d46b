"""The bad-input corpus (tests/data/bad/<case>/case.json): each case is the fixture site with one broken part."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from conftest import ROOT, copy_fixture

BAD = ROOT / "tests" / "data" / "bad"
CASES = sorted(p.name for p in BAD.iterdir() if (p / "case.json").is_file())
UPDATE = bool(os.environ.get("FORCEPAGES_UPDATE_SNAPSHOTS"))


def load_case(name: str) -> dict:
    """The case's description."""
    return json.loads((BAD / name / "case.json").read_text(encoding="utf-8"))


def compose(name: str, target: Path) -> Path:
    """A copy of the fixture site with the case's changes applied; returns its mkdocs.yml."""
    config = copy_fixture(target)
    site = config.parent
    case = load_case(name)
    for rel in case.get("delete", []):
        path = site / rel
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    for rel, pairs in case.get("replace", {}).items():
        text = (site / rel).read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, f"{name}: {old!r} not in {rel}"
            text = text.replace(old, new, 1)
        (site / rel).write_text(text, encoding="utf-8")
    for rel, extra in case.get("append", {}).items():
        with open(site / rel, "a", encoding="utf-8") as handle:
            handle.write(extra)
    for rel, edits in case.get("json", {}).items():
        data = json.loads((site / rel).read_text(encoding="utf-8"))
        for keys, value in edits:
            node = data
            for key in keys[:-1]:
                node = node[key]
            if value is None:
                node.pop(keys[-1], None)
            else:
                node[keys[-1]] = value
        (site / rel).write_text(json.dumps(data, indent=2), encoding="utf-8")
    for rel, text in case.get("write", {}).items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    for rel, depth in case.get("nested", {}).items():
        (site / rel).write_text('{"name": "deep", "x": ' + "[" * depth + "]" * depth + "}", encoding="utf-8")
    if (BAD / name / "files").is_dir():
        shutil.copytree(BAD / name / "files", site, dirs_exist_ok=True)
    for rel, link in case.get("symlink", {}).items():
        if link == "{outside}":
            outside = target.parent / "outside.csv"
            outside.write_text((ROOT / "tests/data/fixture_site/datapackages/crime/values.csv").read_text(), encoding="utf-8")
            link = str(outside)
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).symlink_to(link)
    return config


def record(name: str, found: list[tuple]) -> None:
    """Store the problems found as the case's expectation (FORCEPAGES_UPDATE_SNAPSHOTS=1)."""
    case = load_case(name)
    case["expect"] = [list(t) for t in sorted(set(found), key=str)]
    text = json.dumps(case, indent=1, ensure_ascii=False)
    if any("\ud800" <= ch <= "\udfff" for ch in text):  # a lone surrogate cannot be written as UTF-8: escape it
        text = json.dumps(case, indent=1)
    (BAD / name / "case.json").write_text(text + "\n", encoding="utf-8")
