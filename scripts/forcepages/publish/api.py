"""The static JSON API: api/v1/indicators.json and api/v1/indicators/<id>.json."""

from __future__ import annotations

import json
import math
import uuid
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from forcepages.validate import illustrative
from forcepages.compute import stats
from forcepages.compute.result_types import IndicatorResult
from forcepages.validate.load import Data

RECORD_FIELDS = ("numerator", "denominator", "value", "lower_95", "upper_95", "lower_998", "upper_998")


def _num(value: Any) -> float | None:
    """A JSON number, or null."""
    if value is None:
        return None
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(v) or math.isinf(v) else round(v, 6)


def dump(obj: Any, path: Path) -> None:
    """Compact, sorted, byte-stable JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")


def _numbers(column: pd.Series) -> np.ndarray:
    """_num of every value in a column, as an object array; a float column is rounded by numpy where that is exact.

    numpy rounds the product v * 1e6 to an integer where round(v, 6) rounds the exact value: the two can differ only
    when the product is exactly half way between two integers, or too large to have a fraction, so round() does those.
    """
    out = np.empty(len(column), dtype=object)
    if not (isinstance(column.dtype, np.dtype) and column.dtype.kind == "f"):
        out[:] = [_num(v) for v in column.tolist()]
        return out
    values = column.to_numpy(dtype=float)
    finite = np.isfinite(values)
    with np.errstate(over="ignore", invalid="ignore"):
        scaled = np.where(finite, values, 0.0) * 1e6
        out[:] = np.rint(scaled) / 1e6
        doubtful = finite & ((np.abs(scaled) >= 2.0**52) | (scaled - np.floor(scaled) == 0.5))
    out[doubtful] = [round(v, 6) for v in values[doubtful].tolist()]
    out[~finite] = None
    return out


def _dates(column: pd.Series) -> list[str]:
    """Every date as YYYY-MM-DD, each distinct date formatted once."""
    codes, uniques = pd.factorize(column)
    if (codes < 0).any():  # a missing date cannot be formatted: fail as formatting it would
        return [f"{v:%Y-%m-%d}" for v in column]
    text = [f"{v:%Y-%m-%d}" for v in uniques]
    return [text[c] for c in codes.tolist()]


def _records(table: pd.DataFrame, label: str | None = None) -> list[dict[str, Any]]:
    """One record per row (an area and period), built column by column; suppressed cells are "[c]". ``label``: the
    ILLUSTRATIVE label, on every record of an illustrative indicator."""
    n = len(table)

    def column(name: str, default: Any = None) -> pd.Series:
        return table[name] if name in table.columns else pd.Series([default] * n, dtype=object)

    suppressed = np.array([bool(v) for v in column("suppressed", False).tolist()], dtype=bool)
    fields: dict[str, list[Any]] = {
        "area_code": table["area_code"].tolist(), "period_start": _dates(table["period_start"]),
        "period_end": _dates(table["period_end"]), "status": [v or "" for v in column("status", "").tolist()],
        "value_symbol": [v or "" for v in column("value_symbol", "").tolist()]}
    for name in RECORD_FIELDS:
        values = _numbers(column(name))
        if name != "denominator":
            values[suppressed] = "[c]"
        fields[name] = values.tolist()
    fields["method"] = [str(v) for v in column("method", "").tolist()]
    fields["note"] = [v.strip() if isinstance(v, str) and v.strip() else None for v in column("note", "").tolist()]
    if label:
        fields["illustrative"] = [label] * n
    names = list(fields)
    return [dict(zip(names, row)) for row in zip(*fields.values())]


def indicator_document(iid: str, result: IndicatorResult, data: Data, area_type: str, records: bool = True) -> dict[str, Any]:
    """Everything published about one indicator (with ``records`` false, all but the records: see write_document)."""
    meta = result.meta
    names = dict(zip(data.areas.index, data.areas["name"]))
    forces: dict[str, Any] = {}
    for code, area in sorted(result.areas.items()):
        latest = area.latest or {}
        suppressed = bool(latest.get("suppressed", False))
        spc = None
        if area.series is not None and "centre" in area.series and len(area.series):
            last = {name: area.series[name][-1] for name in ("centre", "lower_limit", "upper_limit", "signal")}
            spc = {"centre": _num(last["centre"]), "lower_limit": _num(last["lower_limit"]), "upper_limit": _num(last["upper_limit"]),
                   "latest_signal": last["signal"] if isinstance(last["signal"], str) else None, "outcome": area.spc_latest,
                   "judgement": area.spc_judgement}
        forces[code] = {
            "name": names[code],
            "latest_period_start": f"{latest['period_start']:%Y-%m-%d}" if latest else None,
            "latest_period_end": f"{latest['period_end']:%Y-%m-%d}" if latest else None,
            "latest_value": "[c]" if suppressed else _num(latest.get("value")),
            "latest_note": (latest.get("note") or "").strip() or None if isinstance(latest.get("note"), str) else None,
            "judged": area.status == "judged", "status": area.status, "reason": area.reason,
            "england_and_wales": _comparison(area.vs_national), "similar_forces": _comparison(area.vs_similar),
            "spc": spc, "phases": [{"phase": p["number"], "from": _day(p["from"])} for p in area.phases],
            "recent_trend": {"direction": area.trend["direction"], "judgement": area.trend.get("judgement"),
                             "points": area.trend["points"],
                             "first_period_end": _day(area.trend["first_period_end"]),
                             "last_period_end": _day(area.trend["last_period_end"])},
            "funnel": area.funnel,
            "change": None if not area.change else {"category": area.change.get("category"), "percent": _num(area.change.get("percent"))},
        }
    national = [{"period_start": f"{r['period_start']:%Y-%m-%d}", "period_end": f"{r['period_end']:%Y-%m-%d}",
                 "value": _num(r["value"]), "lower_95": _num(r["lower_95"]), "upper_95": _num(r["upper_95"]),
                 "published": bool(r["published"]), "suppressed": bool(r["suppressed"]),
                 **({"reason": r["reason"]} if isinstance(r.get("reason"), str) else {})} for r in result.national.to_dict("records")]
    for item in national:
        if item["suppressed"]:
            item["value"] = item["lower_95"] = item["upper_95"] = "[c]"
    dispersion = [{"period_start": key[:10], "period_end": key[11:], "phi": _num(d.phi), "tau2": _num(d.tau2),
                   "forces": d.areas, "method": d.method, "significant": bool(d.significant), "adjusted": bool(d.applies)}
                  for key, d in sorted(result.dispersion.items())]
    label = {"illustrative": illustrative.LABEL} if meta.illustrative else {}
    rows = _records(_record_order(result), label.get("illustrative")) if records else []
    return {"id": iid, "title": meta.title, **label, "domain": meta.domain_id, "measure": meta.measure, "unit": meta.unit,
            "rate_base": _num(meta.rate_base), "polarity": meta.polarity,
            "census": bool(meta.census), "comparable": bool(meta.comparable),
            "comparability_note": meta.comparability_note or None, "overdispersion": dispersion,
            "methods": stats.methods_for_measure(meta.measure),
            "records": rows, "england_and_wales": national, "forces": forces}


def _day(value: Any) -> str | None:
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else f"{pd.Timestamp(value):%Y-%m-%d}"


def _comparison(bench: dict[str, Any]) -> dict[str, Any]:
    """A comparison as published: the benchmark, how clear the difference is, and the judgement (null when not judged)."""
    return {"benchmark_value": _num(bench.get("benchmark")), "category": bench.get("category"),
            "judgement": bench.get("judgement"), "z_adjusted": _num(bench.get("z")), "method": bench.get("method"),
            **({"reason": bench["reason"]} if bench.get("reason") else {})}


def _record_order(result: IndicatorResult) -> pd.DataFrame:
    return result.table.sort_values(["area_code", "period_end", "period_start"])


RECORD_CHUNK = 20_000


def write_document(iid: str, result: IndicatorResult, data: Data, area_type: str, path: Path) -> None:
    """indicator_document as dump writes it, with the records made and written a chunk at a time (a large
    indicator has hundreds of thousands: as dicts all at once they took more memory than the rest of the build)."""
    marker = json.dumps(f"forcepages-records-{uuid.uuid4().hex}")
    document = indicator_document(iid, result, data, area_type, records=False)
    document["records"] = json.loads(marker)
    head, tail = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).split(marker)
    table = _record_order(result)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        out.write(head + "[")
        for start in range(0, len(table), RECORD_CHUNK):
            label = illustrative.LABEL if result.meta.illustrative else None
            chunk = json.dumps(_records(table.iloc[start:start + RECORD_CHUNK], label), sort_keys=True, separators=(",", ":"),
                               ensure_ascii=False)
            out.write(("," if start else "") + chunk[1:-1])
        out.write("]" + tail + "\n")


def write_api(results: dict[str, IndicatorResult], data: Data, docs: Path, area_type: str) -> None:
    """Write the index and one document per indicator."""
    index = []
    for iid, result in results.items():
        meta = result.meta
        index.append({"id": iid, "title": meta.title, **({"illustrative": illustrative.LABEL} if meta.illustrative else {}),
                      "domain": meta.domain_id, "measure": meta.measure,
                      "rate_base": _num(meta.rate_base), "polarity": meta.polarity, "unit": meta.unit,
                      "methods": stats.methods_for_measure(meta.measure), "url": f"indicators/{iid}.json"})
        write_document(iid, result, data, area_type, docs / "api" / "v1" / "indicators" / f"{iid}.json")
    dump({"version": "v1", "indicators": index}, docs / "api" / "v1" / "indicators.json")
