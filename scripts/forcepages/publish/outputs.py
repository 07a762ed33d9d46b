"""Downloads: chart JSON and CSV, the JSON API, and copies of every data package: the publish stage."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from forcepages.publish import api, csvout, datapages, downloads, feed, slices as csv_slices
from forcepages import parallel
from forcepages.compose import releases
from forcepages import wording
from forcepages.compute.result_types import IndicatorResult
from forcepages.config import Settings
from forcepages.validate.load import Data
from forcepages.compose.page_models import Chart, Page

# Pages the data stage adds to the navigation (title, path).
DATA_NAV = [("Release calendar", "release-calendar.md"), ("Revisions and corrections", "revisions.md")]


def write_chart(chart: Chart, static: Path) -> None:
    """One chart's figure JSON and CSV under ``static``/charts (the compose stage calls this as each chart is made)."""
    folder = static / "charts"
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(chart.figure, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    (folder / f"{chart.chart_id}.json").write_text(text, encoding="utf-8")
    table = csvout.to_csv_text(chart.table)
    (folder / f"{chart.chart_id}.csv").write_text(table, encoding="utf-8")
    if chart.meta is not None:
        header = next(csv.reader(io.StringIO(table)), [])  # the columns as written, in order
        known = {c["name"]: c["description"] for c in chart.meta["columns"]}
        chart.meta["columns"] = [{"name": c, "description": known.get(c, "")} for c in header]
        # compact, as the chart JSON: an indented dump has no C encoder, and took about a tenth of an area page's time
        (folder / f"{chart.chart_id}.meta.json").write_text(
            json.dumps(chart.meta, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")


def write_api(results: dict[str, IndicatorResult], data: Data, docs: Path, area_type: str) -> None:
    """The static JSON API."""
    api.write_api(results, data, docs, area_type)


@dataclass(frozen=True)
class Published:
    """What the data stage wrote that its pages describe: each package's downloads, the CSV slices, and each
    package's newest period end."""

    packages: dict[str, Any]
    slices: dict[str, dict[str, str]]
    ends: dict[str, Any]


def publish_data(data: Data, results: dict[str, IndicatorResult], settings: Settings, docs: Path) -> Published:
    """Every data download (package copies with checksums, zips, spreadsheets, CSV slices, the Atom feed, the JSON
    API); ``data_pages`` then makes the pages about them (in each language of the site).

    Up to parallel.PUBLISH_MAX_ROWS values rows, the packages are published by a worker (where there is a second core)
    while the slices, feed and API are written here: on the national site this process was the last to finish.
    On larger sites the area-page workers finish last anyway, and a further worker's memory would count, so the
    packages are published here.
    """
    def slices_feed_and_api() -> dict[str, dict[str, str]]:
        written = csv_slices.write_slices(data, results, settings, docs)
        feed.write_feed(data.packages, settings, docs)
        write_api(results, data, docs, settings.area_type)
        return written

    if len(data.values) > parallel.PUBLISH_MAX_ROWS:
        published = downloads.publish_packages(data, results, settings, docs)
        slices = slices_feed_and_api()
    else:
        with parallel.background(downloads.publish_packages, data, results, settings, docs) as packages:
            slices = slices_feed_and_api()
            published = packages.results()[0]
    ends = (data.values.dropna(subset=["value"]).groupby("package")["period_end"].max()
            if len(data.values) and "package" in data.values else {})
    return Published(published, slices, dict(ends))


def data_pages(data: Data, results: dict[str, IndicatorResult], settings: Settings, made: Published) -> list[Page]:
    """The data pages: one per package, the data index, revisions and the release calendar (in the language being
    written)."""
    pages = [datapages.package_page(p, made.packages[p.name], settings, data.indicators, set(results),
                                    wording.long_date(made.ends[p.name]) if p.name in made.ends else "") for p in data.packages]
    pages += [datapages.data_index(data.packages, made.packages, made.slices, settings),
              releases.revisions_page(data.packages, settings), releases.calendar_page(settings)]
    return pages
