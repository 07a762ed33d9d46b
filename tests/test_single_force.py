"""Single-force mode: the worked example under examples/cambridgeshire builds pages for one force only,
with the plan's own themes and ILLUSTRATIVE partner data labelled on the site and in the downloads."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT
from forcepages.build import build
from forcepages.config import load_settings

EXAMPLE = ROOT / "examples" / "cambridgeshire"
PARTNERS = ("partner-reoffending", "partner-courts")


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Path:
    """The example built from a copy (so the repository stays clean); returns its build folder."""
    target = tmp_path_factory.mktemp("cambs") / "cambridgeshire"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("build"))
    config = target / "mkdocs.yml"
    out = target / "build"
    build(load_settings(config), config, out)
    return out


def test_settings_describe_one_force_and_the_plan():
    settings = load_settings(EXAMPLE / "mkdocs.yml")
    assert settings.scope == ("E23000023",)
    assert settings.framework == "police-and-crime-plan"
    assert set(settings.illustrative_packages) == set(PARTNERS)
    for name in PARTNERS:
        descriptor = json.loads((EXAMPLE / "datapackages" / name / "datapackage.json").read_text(encoding="utf-8"))
        assert "ILLUSTRATIVE" in descriptor["title"] and "ILLUSTRATIVE" in descriptor["description"]


def test_pages_exist_only_for_that_force(example):
    docs = example / "docs"
    assert sorted(p.name for p in (docs / "forces").iterdir() if p.is_dir()) == ["cambridgeshire"]
    assert sorted(p.stem for p in (docs / "forces" / "cambridgeshire").glob("*.md")) == [
        "communities", "index", "offenders", "transformation", "victims"]
    assert sorted(p.stem for p in (example / "site" / "data" / "csv" / "forces").glob("*.csv")) == ["cambridgeshire"]
    assert sorted(p.name for p in (example / "site" / "forces").iterdir() if p.is_dir()) == ["cambridgeshire"]
    forces_index = (docs / "forces" / "index.md").read_text(encoding="utf-8")
    assert "Cambridgeshire" in forces_index and "Bedfordshire" not in forces_index


def test_plan_themes_replace_the_national_domains(example):
    docs = example / "docs"
    assert sorted(p.stem for p in (docs / "domains").glob("*.md")) == ["communities", "offenders", "transformation", "victims"]
    page = (docs / "forces" / "cambridgeshire" / "index.md").read_text(encoding="utf-8")
    assert "ILLUSTRATIVE" in page  # the publisher's own words, from narratives/


def test_partner_data_is_labelled_illustrative_everywhere(example):
    docs = example / "docs"
    for name in PARTNERS:
        page = (docs / "data" / f"{name}.md").read_text(encoding="utf-8")
        assert '!!! warning "Illustrative data"' in page
        with zipfile.ZipFile(example / "site" / "data" / "packages" / f"{name}.zip") as archive:
            assert "ILLUSTRATIVE DATA" in archive.read(f"{name}/README.md").decode()
        import pandas as pd

        cover = pd.read_excel(example / "site" / "data" / "packages" / f"{name}.ods", engine="odf", sheet_name="Cover_sheet", header=None)
        assert cover[0].astype(str).str.contains("ILLUSTRATIVE DATA").any()
    assert "(ILLUSTRATIVE)" in (docs / "data" / "index.md").read_text(encoding="utf-8")
    assert "ILLUSTRATIVE" in (docs / "indicators" / "proven-reoffending.md").read_text(encoding="utf-8")
    html = (example / "site" / "data" / "partner-courts.html").read_text(encoding="utf-8")
    assert "Illustrative data" in html


def test_the_example_is_small():
    size = sum(p.stat().st_size for p in (EXAMPLE / "datapackages").rglob("*") if p.is_file())
    assert size < 400_000
