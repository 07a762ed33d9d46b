"""CSV slices for journalists: every figure by indicator and by area, published values only ([c] where withheld),
written in chunks so that a large site never holds them all at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from forcepages.publish import csvout
from forcepages.compute.result_types import IndicatorResult
from forcepages.config import Settings
from forcepages.validate.load import Data
from forcepages.publish.downloads import SUPPRESSED_FIELDS


SLICE_COLUMNS = ["indicator_id", "indicator_title", "area_code", "area_name", "period_start", "period_end",
                 "numerator", "denominator", "value", "unit", "lower_95", "upper_95", "status", "note", "package"]


def _suppressed(data: Data, results: dict[str, IndicatorResult]) -> pd.Series:
    """True for each values row the disclosure rules suppress."""
    suppressed = pd.Series(False, index=data.values.index)
    for result in results.values():
        if len(result.table) and "suppressed" in result.table.columns:
            hit = result.table.index[result.table["suppressed"].astype(bool)]
            suppressed.loc[suppressed.index.intersection(hit)] = True
    return suppressed


def _slice_frame(data: Data, values: pd.DataFrame, suppressed: pd.Series) -> pd.DataFrame:
    """Published values rows (all of data.values, or some of them), with titles and names, and [c] where the
    disclosure rules suppress them (``suppressed``: aligned with ``values``)."""
    if not len(values):
        return pd.DataFrame(columns=SLICE_COLUMNS)
    out = pd.DataFrame({
        "indicator_id": values["indicator_id"],
        "indicator_title": values["indicator_id"].map(data.indicators["title"]),
        "area_code": values["area_code"],
        "area_name": values["area_code"].map(data.areas["name"]),
        "period_start": values["period_start"].dt.strftime("%Y-%m-%d"),
        "period_end": values["period_end"].dt.strftime("%Y-%m-%d"),
    })
    for name in ("numerator", "denominator", "value"):
        out[name] = values[name]
        out[name + "_symbol"] = values.get(name + "_symbol", "")
    out["unit"] = values["indicator_id"].map(data.indicators["unit"])
    for name in ("lower_95", "upper_95"):
        out[name] = values[name]
        out[name + "_symbol"] = values.get(name + "_symbol", "")
    out["status"] = values.get("status", "")
    out["note"] = values.get("note", "")
    out["package"] = values.get("package", "")
    for name in SUPPRESSED_FIELDS:
        out.loc[suppressed, name] = float("nan")
        out.loc[suppressed, name + "_symbol"] = "[c]"
    for col in [c for c in out.columns if c.endswith("_symbol")]:
        out[col] = out[col].fillna("").astype(str)
    return out


def _slice_order(values: pd.DataFrame) -> np.ndarray:
    """Row positions of ``values`` ordered by area, indicator, period end and period start (the key is unique)."""
    if not len(values):
        return np.zeros(0, dtype=int)
    area, _ = pd.factorize(values["area_code"], sort=True)
    indicator, _ = pd.factorize(values["indicator_id"], sort=True)
    return np.lexsort((values["period_start"].to_numpy(), values["period_end"].to_numpy(), indicator, area))


CHUNK_ROWS = 50_000


def _blocks(keys: list[Any]) -> list[tuple[Any, int, int]]:
    """(key, start, stop) of each run of equal keys."""
    out, start = [], 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start]:
            out.append((keys[start], start, i))
            start = i
    return out


def _chunks(blocks: list[tuple[Any, int, int]], rows: int) -> list[list[tuple[Any, int, int]]]:
    """Consecutive blocks grouped into chunks of about ``rows`` rows (a block is never split)."""
    out: list[list[tuple[Any, int, int]]] = []
    for block in blocks:
        if out and block[2] - out[-1][0][1] <= rows:
            out[-1].append(block)
        else:
            out.append([block])
    return out


def _unique(links: dict[str, str], label: str, key: str) -> str:
    """A link label not yet used: two indicators with one title (or areas with one name) both keep their link."""
    return label if label not in links else f"{label} ({key})"


def write_slices(data: Data, results: dict[str, IndicatorResult], settings: Settings, docs: Path) -> dict[str, dict[str, str]]:
    """data/csv/forces/<slug>.csv for each force in scope and data/csv/indicators/<id>.csv; returns the links.

    Every row goes through csvout ([c] and other symbols filled in, formula-like text neutralised) once, a chunk of
    whole areas at a time, in area order: each area's rows (by indicator, then period) are its slice, and each
    indicator's rows are appended to that indicator's slice, which so comes out ordered by area, then period. Time
    grows with the rows, and memory holds one chunk's text, however many areas there are.
    """
    values, suppressed = data.values, _suppressed(data, results)
    order = _slice_order(values)
    header = csvout.to_csv_text(pd.DataFrame(columns=SLICE_COLUMNS)).split("\n", 1)[0] + "\n"
    areas = data.areas[data.areas["area_type"].eq(settings.area_type)]
    if settings.scope:
        areas = areas[areas["area_code"].isin(settings.scope)]
    slugs = dict(zip(areas["area_code"], areas["slug"]))
    forces, indicators = docs / "data" / "csv" / "forces", docs / "data" / "csv" / "indicators"
    forces.mkdir(parents=True, exist_ok=True)
    indicators.mkdir(parents=True, exist_ok=True)
    links: dict[str, dict[str, str]] = {"forces": {}, "indicators": {}}
    files = {}
    try:
        for iid in sorted(data.indicators.index):
            files[iid] = (indicators / f"{iid}.csv").open("w", encoding="utf-8", newline="")
            files[iid].write(header)
            links["indicators"][_unique(links["indicators"], str(data.indicators.loc[iid, "title"]), iid)] = f"csv/indicators/{iid}.csv"
        written = set()
        codes = values["area_code"].to_numpy(dtype=object)[order].tolist()
        for chunk in _chunks(_blocks(codes), CHUNK_ROWS):  # whole areas at a time
            first, stop = chunk[0][1], chunk[-1][2]
            rows = order[first:stop]  # the chunk's rows, made into the published table only now
            part = _slice_frame(data, values.iloc[rows], suppressed.iloc[rows]).reset_index(drop=True)
            lines = csvout.row_lines(part)
            for iid, a, b in _blocks(part["indicator_id"].tolist()):
                files[iid].write("".join(lines[a:b]))
            for code, a, b in chunk:
                if code in slugs:
                    (forces / f"{slugs[code]}.csv").write_text(header + "".join(lines[a - first:b - first]), encoding="utf-8")
                    written.add(code)
    finally:
        for handle in files.values():
            handle.close()
    for code, slug in slugs.items():
        if code not in written:  # an area with no published rows: the header only
            (forces / f"{slug}.csv").write_text(header, encoding="utf-8")
    for code, slug in sorted(slugs.items(), key=lambda x: x[1]):
        links["forces"][_unique(links["forces"], str(data.areas.loc[code, "name"]), code)] = f"csv/forces/{slug}.csv"
    return links
