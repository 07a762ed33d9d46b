"""The national site: a page for every force, every domain of every force and every indicator; nothing external."""

import csv
import json
import re
from pathlib import Path

from click.testing import CliRunner

from forcepages.cli import main

ROOT = Path(__file__).resolve().parent.parent


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_a_page_for_every_force_domain_and_indicator(national_site):
    site = national_site / "site"
    forces = [r for r in read_csv(ROOT / "datapackages" / "reference" / "areas.csv") if r["area_type"] == "force"]
    domains = [r["domain_id"] for r in read_csv(ROOT / "datapackages" / "framework" / "domains.csv")]
    indicators = [r["indicator_id"] for r in read_csv(ROOT / "datapackages" / "framework" / "indicators.csv")]
    assert len(forces) == 43 and len(domains) == 4
    force_pages = sorted(p.parent.name for p in (site / "forces").glob("*/index.html"))
    assert len(force_pages) == 43
    for slug in force_pages:
        for domain in domains:
            assert (site / "forces" / slug / f"{domain}.html").is_file(), (slug, domain)
    for indicator in indicators:
        assert (site / "indicators" / f"{indicator}.html").is_file(), indicator
        assert (site / "api" / "v1" / "indicators" / f"{indicator}.json").is_file(), indicator
    for page in ("index", "methodology", "glossary", "about", "accessibility", "api", "data/index"):
        assert (site / f"{page}.html").is_file(), page


def test_no_request_to_another_host(national_site):
    attribute = re.compile(r"""<(?:script|link|img|iframe|source)\b[^>]*?\b(?:src|href)=["']([^"']+)["']""", re.I)
    css_url = re.compile(r"""url\(\s*["']?(https?:)?//""", re.I)
    for page in (national_site / "site").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for ref in attribute.findall(text):
            assert not re.match(r"^(https?:)?//", ref), f"{page}: {ref}"
    for sheet in (national_site / "site").rglob("*.css"):
        assert not css_url.search(sheet.read_text(encoding="utf-8")), sheet


def test_a_new_package_appears_with_no_code_change(fixture_copy):
    root = fixture_copy.parent
    package = root / "datapackages" / "extra"
    package.mkdir()
    (package / "values.csv").write_text(
        "indicator_id,area_code,period_start,period_end,numerator,denominator,value\n"
        "stop-and-search,E23000001,2023-04-01,2024-03-31,1200,600000,2.0\n"
        "stop-and-search,E23000002,2023-04-01,2024-03-31,5400,1800000,3.0\n", encoding="utf-8")
    fields = [{"name": n, "type": t} for n, t in (("indicator_id", "string"), ("area_code", "string"), ("period_start", "date"),
                                                   ("period_end", "date"), ("numerator", "number"), ("denominator", "number"),
                                                   ("value", "number"))]
    (package / "datapackage.json").write_text(json.dumps({"name": "extra", "title": "Extra", "resources": [
        {"name": "values", "path": "values.csv", "schema": {"fields": fields}}]}), encoding="utf-8")
    with (root / "datapackages" / "framework" / "indicators.csv").open("a", encoding="utf-8") as f:
        f.write('stop-and-search,Stop and search,"People stopped and searched by the police, per 1,000 people.",'
                'protection-from-serious-harm,rate,"searches per 1,000 people",1000,no-judgement,1,,extra,Fixture,\n')
    result = CliRunner().invoke(main, ["build", "-f", str(fixture_copy)])
    assert result.exit_code == 0, result.output
    page = (root / "build" / "docs" / "forces" / "northshire" / "protection-from-serious-harm.md").read_text(encoding="utf-8")
    assert "## Stop and search" in page
    assert "2.0 searches per 1,000 people" in page
    assert (root / "build" / "site" / "indicators" / "stop-and-search.html").is_file()
