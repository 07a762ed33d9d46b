"""Downloads: chart JSON and CSV, the JSON API, and copies of every data package: the publish stage."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from . import api, csvout
from .compute import IndicatorResult
from .discover import PackageInfo
from .load import Data
from .pages import Chart


def write_charts(charts: list[Chart], docs: Path) -> None:
    """Each chart's figure JSON (compact, sorted) and the CSV behind it."""
    folder = docs / "charts"
    folder.mkdir(parents=True, exist_ok=True)
    for chart in charts:
        text = json.dumps(chart.figure, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
        (folder / f"{chart.chart_id}.json").write_text(text, encoding="utf-8")
        csvout.write_csv(chart.table, folder / f"{chart.chart_id}.csv")


def copy_packages(packages: list[PackageInfo], docs: Path) -> dict[str, list[dict[str, str]]]:
    """Copy each package (descriptor and files) under data/packages/<name>/; return download links per package."""
    links: dict[str, list[dict[str, str]]] = {}
    for package in packages:
        target = docs / "data" / "packages" / package.name
        target.mkdir(parents=True, exist_ok=True)
        (target / "datapackage.json").write_text(json.dumps(package.descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        items = [{"label": "datapackage.json (the description of the package)", "href": f"packages/{package.name}/datapackage.json", "note": ""}]
        for resource in package.resources:
            name = str(resource["path"])
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(package.folder / name, target / name)
            items.append({"label": name, "href": f"packages/{package.name}/{name}", "note": "CSV"})
        links[package.name] = items
    return links


def write_api(results: dict[str, IndicatorResult], data: Data, docs: Path, area_type: str) -> None:
    """The static JSON API."""
    api.write_api(results, data, docs, area_type)
