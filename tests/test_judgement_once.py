"""The judgement is decided in one place (judge.py, called by compute): change it there and every page and the API
follow. Here better and worse are swapped in judge.py alone; the force pages' "does well" and "needs to improve"
lists change places, and every judgement in the API flips."""

from __future__ import annotations

import json
import re
from pathlib import Path

from forcepages.compute import judge
from forcepages.build import build
from forcepages.config import load_settings

SWAP = {"better": "worse", "worse": "better"}


def _swapped(decide):
    return lambda *args: SWAP.get(decide(*args), decide(*args))


def _lists(page: str) -> tuple[list[str], list[str]]:
    """Per area of policing: the lines under "does well" and under "need to improve"."""
    good, bad = [], []
    for section in page.split("\n## ")[1:]:
        well = section.split("### What does the force do well?", 1)[1].split("### ", 1)[0] if "do well?" in section else ""
        improve = section.split("### Where does the force need to improve?", 1)[1].split("### ", 1)[0] if "improve?" in section else ""
        improve = improve.split("\nOther clear differences", 1)[0]  # then the neutral and mixed ones
        good += re.findall(r"^- (.+)$", well, re.M)
        bad += re.findall(r"^- (.+)$", improve, re.M)
    return sorted(good), sorted(bad)


def _api(build_dir: Path) -> dict[str, dict]:
    folder = build_dir / "site" / "api" / "v1" / "indicators"
    return {file.stem: json.loads(file.read_text(encoding="utf-8")) for file in sorted(folder.glob("*.json"))}


def test_changing_the_judgement_in_one_place_changes_every_page_and_the_api(fixture_site, fixture_copy, monkeypatch):
    monkeypatch.setattr(judge, "judgement", _swapped(judge.judgement))
    monkeypatch.setattr(judge, "change_judgement", _swapped(judge.change_judgement))
    out = fixture_copy.parent / "build"
    build(load_settings(fixture_copy), fixture_copy, out)

    moved = 0
    for page in sorted((fixture_site / "docs" / "forces").glob("*/index.md")):
        before_good, before_bad = _lists(page.read_text(encoding="utf-8"))
        after_good, after_bad = _lists((out / "docs" / "forces" / page.parent.name / "index.md").read_text(encoding="utf-8"))
        assert (after_good, after_bad) == (before_bad, before_good), page.parent.name
        moved += len(before_good) + len(before_bad)
    assert moved >= 3  # the fixture has clear better and worse findings to move

    before, after = _api(fixture_site), _api(out)
    assert before.keys() == after.keys()
    flipped = 0
    for iid, doc in before.items():
        for code, force in doc["forces"].items():
            other = after[iid]["forces"][code]
            for key in ("england_and_wales", "similar_forces"):
                said = force[key]["judgement"]
                assert other[key]["judgement"] == SWAP.get(said, said), (iid, code, key)
                flipped += said in SWAP
            said = force["recent_trend"]["judgement"]
            assert other["recent_trend"]["judgement"] == SWAP.get(said, said), (iid, code)
            flipped += said in SWAP
    assert flipped >= 3
