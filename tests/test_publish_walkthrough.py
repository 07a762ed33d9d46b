"""The README's "Publish your force's site", followed as written for a second force (issue 18): Durham (E23000008),
starting from the Cambridgeshire example, keeping every national package as shipped, with the plan's own themes, a
narrative and an ILLUSTRATIVE partner package whose indicator is not called illustrative. Nothing is filtered by hand."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from forcepages.build import build
from forcepages.cli import main
from forcepages.config import load_settings

EXAMPLE = ROOT / "examples" / "cambridgeshire"
DURHAM = "E23000008"
PARTNER = "partner-victim-services"
PARTNER_ID = "victims-contacted-within-two-days"  # not called illustrative: the setting labels it
THEMES = {"safer-communities": ["burglary-of-homes", "violence-with-injury", "anti-social-behaviour-incidents"],
          "supporting-victims": ["victim-satisfaction", "charge-rate-all-crime", PARTNER_ID],
          "confidence-in-policing": ["police-dealing-with-local-concerns", "police-officers"]}
NARRATIVE = "Every victim of violence is offered a call from the victim care team within two working days."


def _csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def fork(target: Path) -> Path:
    """Step 1: the fork: a copy of the repository's site files (every national package as shipped)."""
    for name in ("datapackages", "site_src", "examples"):
        shutil.copytree(ROOT / name, target / name)
    return target


def say_what_the_site_is_about(site: Path) -> Path:
    """Step 3: copy the example's mkdocs.yml; set the name, address, publisher, scope and the illustrative package."""
    text = (EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8")
    for old, new in (('"Cambridgeshire police and crime plan: performance (example)"', '"Durham police and crime plan: performance"'),
                     ("https://example.org/cambridgeshire/", "https://example.org/durham/"),
                     ("scope: [E23000023]", f"scope: [{DURHAM}]"),
                     ("illustrative_packages: [partner-reoffending, partner-courts]", f"illustrative_packages: [{PARTNER}]")):
        assert old in text, old
        text = text.replace(old, new)
    (site / "mkdocs.yml").write_text(text, encoding="utf-8")
    plan = site / "datapackages" / "police-and-crime-plan"
    shutil.copytree(EXAMPLE / "datapackages" / "police-and-crime-plan", plan)
    header, _ = _csv(plan / "domains.csv")
    _write(plan / "domains.csv", header, [
        {"domain_id": d, "title": d.replace("-", " ").capitalize(), "description": f"The plan's theme: {d.replace('-', ' ')}.",
         "order": str(i)} for i, d in enumerate(THEMES, start=1)])
    national_header, national = _csv(site / "datapackages" / "framework" / "indicators.csv")
    theme_of = {iid: theme for theme, ids in THEMES.items() for iid in ids}
    rows = [{**r, "domain_id": theme_of[r["indicator_id"]]} for r in national if r["indicator_id"] in theme_of]
    rows.append({"indicator_id": PARTNER_ID, "title": "Victims contacted within two days",
                 "definition": "Out of every 100 victims referred to the victim care service, how many it contacted within two working days.",
                 "domain_id": "supporting-victims", "measure": "proportion", "unit": "%", "rate_base": "",
                 "polarity": "higher-is-better", "decimals": "1", "disclosure_threshold": "", "source_package": PARTNER,
                 "source": "Durham victim care service case records", "caveats": ""})
    _write(plan / "indicators.csv", national_header, rows)
    _, breaks = _csv(site / "datapackages" / "framework" / "series_breaks.csv")
    break_header, _ = _csv(plan / "series_breaks.csv")
    _write(plan / "series_breaks.csv", break_header, [b for b in breaks if b["indicator_id"] in theme_of])
    return site / "mkdocs.yml"


def add_partner_data(site: Path) -> None:
    """Step 4: keep every national package; add the partner's package (one force, a changes entry)."""
    folder = site / "datapackages" / PARTNER
    shutil.copytree(EXAMPLE / "datapackages" / "partner-courts", folder)
    (folder / "partner-courts.csv").unlink()
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    descriptor.update(name=PARTNER, title="Victim care service: contacts within two days",
                      description="Victims referred to Durham's victim care service and how many it contacted within two working days.",
                      changes=[{"version": "0.1.0", "date": "2026-02-26", "description": "First release."}], version="0.1.0")
    resource = descriptor["resources"][0]
    resource.update(name=PARTNER, path=f"{PARTNER}.csv", title="Victims contacted within two days")
    (folder / "datapackage.json").write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    (folder / "README.md").write_text("# Victim care service\n\nCounted from the service's case records each April.\n",
                                      encoding="utf-8")
    figures = [(2021, 1534, 1707), (2022, 1601, 1788), (2023, 1490, 1702), (2024, 1655, 1810)]
    rows = [{"indicator_id": PARTNER_ID, "area_code": DURHAM, "period_start": f"{y}-04-01", "period_end": f"{y + 1}-03-31",
             "numerator": str(n), "denominator": str(d), "value": f"{n / d * 100:.4f}", "lower_95": "", "upper_95": "",
             "status": "", "note": "Counted from the case system after a change of supplier." if y == 2024 else ""}
            for y, n, d in figures]
    _write(folder / f"{PARTNER}.csv", list(rows[0]), rows)


def write_narrative(site: Path) -> None:
    """Step 5: the force's own words, in site_src/narratives/<force>/<theme>.md."""
    folder = site / "site_src" / "narratives" / "durham"
    folder.mkdir(parents=True)
    (folder / "supporting-victims.md").write_text(NARRATIVE + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def durham(tmp_path_factory) -> Path:
    """Steps 1 to 6 as the README gives them; returns the build folder."""
    site = fork(tmp_path_factory.mktemp("fork") / "durham")
    config = say_what_the_site_is_about(site)
    add_partner_data(site)
    write_narrative(site)
    result = CliRunner().invoke(main, ["validate", "-f", str(config)])
    assert result.exit_code == 0, result.output
    assert "rows of national indicators that are not in the plan's catalogue" in result.output
    assert "datapackages/police-and-crime-plan/indicators.csv" in result.output
    out = site / "build"
    build(load_settings(config), config, out)
    return out


def test_pages_for_durham_only_with_the_plan_themes(durham):
    docs = durham / "docs"
    assert sorted(p.name for p in (docs / "forces").iterdir() if p.is_dir()) == ["durham"]
    assert sorted(p.stem for p in (docs / "forces" / "durham").glob("*.md")) == sorted(["index", *THEMES])
    assert sorted(p.stem for p in (docs / "indicators").glob("*.md") if p.stem != "index") == sorted(i for ids in THEMES.values() for i in ids)


def test_the_narrative_appears(durham):
    page = (durham / "docs" / "forces" / "durham" / "index.md").read_text(encoding="utf-8")
    sections = page.split("### What action is the force taking?")[1:]
    assert len(sections) == len(THEMES)
    said = ["Every victim of violence is offered a call" in s.split("\n## ")[0] for s in sections]
    assert said == [theme == "supporting-victims" for theme in THEMES]
    assert page.count("This site has no statement from the force about this yet.") == len(THEMES) - 1


def test_national_figures_stay_in_the_comparisons(durham):
    page = (durham / "docs" / "forces" / "durham" / "safer-communities.md").read_text(encoding="utf-8")
    assert "England and Wales" in page
    document = json.loads((durham / "site" / "api/v1/indicators/burglary-of-homes.json").read_text(encoding="utf-8"))
    assert document["forces"][DURHAM]["england_and_wales"]["benchmark_value"] is not None


def test_one_force_partner_data_is_not_compared_with_itself(durham):
    page = (durham / "docs" / "forces" / "durham" / "supporting-victims.md").read_text(encoding="utf-8")
    assert "There is no England and Wales figure to compare with: the data has figures for only 1 force" in page
    assert "similar to England and Wales" not in page.split(PARTNER_ID)[-1][:3000]
    document = json.loads((durham / "site" / f"api/v1/indicators/{PARTNER_ID}.json").read_text(encoding="utf-8"))
    national = document["forces"][DURHAM]["england_and_wales"]
    assert national["benchmark_value"] is None and "only 1 force" in national["reason"]
    assert all(row["value"] is None and "only 1 force" in row["reason"] for row in document["england_and_wales"])


def test_the_illustrative_indicator_says_so_everywhere(durham):
    docs = durham / "docs"
    for page in (docs / "forces/durham/supporting-victims.md", docs / f"indicators/{PARTNER_ID}.md"):
        text = page.read_text(encoding="utf-8")
        assert "Victims contacted within two days (ILLUSTRATIVE)" in text, page
    showing = [p for p in docs.rglob("*.md") if "Victims contacted within two days" in p.read_text(encoding="utf-8")]
    assert len(showing) >= 3
    for page in showing:  # every page that names the indicator says it is illustrative (by its title, outside the data pages)
        text = page.read_text(encoding="utf-8")
        assert "ILLUSTRATIVE" in text, page
        if page.parent.name != "data":
            assert text.count("Victims contacted within two days") == text.count("Victims contacted within two days (ILLUSTRATIVE)"), page
    site = durham / "site"
    document = json.loads((site / f"api/v1/indicators/{PARTNER_ID}.json").read_text(encoding="utf-8"))
    assert "ILLUSTRATIVE" in document["title"] and "ILLUSTRATIVE" in document["illustrative"]
    assert document["records"] and all("ILLUSTRATIVE" in r["illustrative"] for r in document["records"])
    index = json.loads((site / "api/v1/indicators.json").read_text(encoding="utf-8"))
    assert [i["illustrative"] for i in index["indicators"] if i["id"] == PARTNER_ID][0].startswith("ILLUSTRATIVE")
    assert not [i for i in index["indicators"] if i["id"] != PARTNER_ID and "illustrative" in i]
    chart_csv = (site / "charts" / f"durham--{PARTNER_ID}.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(chart_csv)))
    assert rows and all(r["label"].startswith("ILLUSTRATIVE") for r in rows)
    figure = json.loads((site / "charts" / f"durham--{PARTNER_ID}.json").read_text(encoding="utf-8"))
    assert figure["layout"]["title"]["text"].startswith("ILLUSTRATIVE")
    slices = [p for p in (site / "data" / "csv").rglob("*.csv") if PARTNER_ID in p.read_text(encoding="utf-8")]
    assert slices
    for file in slices:
        for row in csv.DictReader(io.StringIO(file.read_text(encoding="utf-8"))):
            if row.get("indicator_id") == PARTNER_ID:
                assert "ILLUSTRATIVE" in row["indicator_title"], file
    other = json.loads((site / "api/v1/indicators/burglary-of-homes.json").read_text(encoding="utf-8"))
    assert "ILLUSTRATIVE" not in other["title"] and "illustrative" not in other


def test_the_note_on_a_figure_is_shown_and_published(durham):
    page = (durham / "docs" / "forces" / "durham" / "supporting-victims.md").read_text(encoding="utf-8")
    assert "- In the 12 months to March 2025 the figure was 91.4%.\n- This figure has a note. Counted from the case system after a change of supplier." in page
    document = json.loads((durham / "site" / f"api/v1/indicators/{PARTNER_ID}.json").read_text(encoding="utf-8"))
    assert document["forces"][DURHAM]["latest_note"] == "Counted from the case system after a change of supplier."
    assert [r["note"] for r in document["records"]] == [None, None, None, "Counted from the case system after a change of supplier."]


def test_the_package_page_shows_its_readme_and_the_zip_says_illustrative(durham):
    import zipfile

    page = (durham / "docs" / "data" / f"{PARTNER}.md").read_text(encoding="utf-8")
    assert "## About this package" in page and "Counted from the service's case records each April." in page
    with zipfile.ZipFile(durham / "site" / "data" / "packages" / f"{PARTNER}.zip") as archive:
        assert "ILLUSTRATIVE" in archive.read(f"{PARTNER}/README.md").decode()
