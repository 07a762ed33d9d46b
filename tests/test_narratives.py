"""One narratives path (issue 18): site_src/narratives/<force>/<theme>.md in the README, the example and the default;
a narrative for a force or theme the site does not have is an error naming the file and the valid names."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from forcepages.config import Settings, load_settings
from forcepages.errors import ValidationFailed
from forcepages.validate.load import validate_and_load

EXAMPLE = ROOT / "examples" / "cambridgeshire"


def test_readme_example_and_default_agree():
    assert Settings().narratives == "site_src/narratives"
    assert "site_src/narratives/<force>/<theme>.md" in (ROOT / "README.md").read_text(encoding="utf-8")
    example = load_settings(EXAMPLE / "mkdocs.yml")
    assert example.narratives == "site_src/narratives"
    assert (EXAMPLE / "site_src/narratives/cambridgeshire/victims.md").is_file()


def _problems(config: Path) -> list[str]:
    with pytest.raises(ValidationFailed) as caught:
        validate_and_load(load_settings(config))
    return [str(p) for p in caught.value.problems]


def test_narrative_for_an_unknown_theme_or_force_is_an_error(fixture_copy):
    site = fixture_copy.parent
    folder = site / "site_src" / "narratives"
    (folder / "northshire").mkdir(parents=True)
    (folder / "northshire" / "local-crime-and-policing.md").write_text("We are doing things.\n", encoding="utf-8")
    (folder / "northshire" / "local-crime.md").write_text("Misnamed.\n", encoding="utf-8")
    (folder / "durham").mkdir()
    (folder / "durham" / "local-crime-and-policing.md").write_text("Not on this site.\n", encoding="utf-8")
    text = fixture_copy.read_text(encoding="utf-8").replace("    narratives: narratives\n", "")
    fixture_copy.write_text(text, encoding="utf-8")
    printed = _problems(fixture_copy)
    assert len(printed) == 2, printed
    theme = next(p for p in printed if "local-crime.md" in p)
    assert theme.startswith("site_src/narratives/northshire/local-crime.md: is not a theme")
    assert "local-crime-and-policing.md" in theme and "confidence-and-satisfaction.md" in theme
    force = next(p for p in printed if p.startswith("site_src/narratives/durham:"))
    assert "northshire" in force and "southshire" in force


def test_a_missing_narratives_folder_beside_the_default_one_is_an_error(fixture_copy):
    """The example's old setting (narratives: narratives) with the files where the README says: not silently ignored."""
    folder = fixture_copy.parent / "site_src" / "narratives" / "northshire"
    folder.mkdir(parents=True)
    (folder / "local-crime-and-policing.md").write_text("We are doing things.\n", encoding="utf-8")
    printed = _problems(fixture_copy)
    assert len(printed) == 1 and printed[0].startswith("narratives: does not exist") and "site_src/narratives" in printed[0]


def test_valid_narratives_pass(fixture_copy):
    folder = fixture_copy.parent / "narratives" / "northshire"
    folder.mkdir(parents=True)
    (folder / "local-crime-and-policing.md").write_text("We are doing things.\n", encoding="utf-8")
    assert len(validate_and_load(load_settings(fixture_copy)).values) > 100
