"""The static JSON API: api/v1/indicators.json and api/v1/indicators/<id>.json."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any


from . import stats
from .compute import IndicatorResult
from .load import Data

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


def _record(row: dict[str, Any]) -> dict[str, Any]:
    """One area and period; suppressed cells are "[c]"."""
    rec: dict[str, Any] = {"area_code": row["area_code"], "period_start": f"{row['period_start']:%Y-%m-%d}",
                           "period_end": f"{row['period_end']:%Y-%m-%d}", "status": row.get("status", "") or "",
                           "value_symbol": row.get("value_symbol", "") or ""}
    suppressed = bool(row.get("suppressed", False))
    for name in RECORD_FIELDS:
        rec[name] = "[c]" if suppressed and name != "denominator" else _num(row.get(name))
    rec["method"] = str(row.get("method", ""))
    return rec


def indicator_document(iid: str, result: IndicatorResult, data: Data, area_type: str) -> dict[str, Any]:
    """Everything published about one indicator."""
    meta = result.meta
    table = result.table.sort_values(["area_code", "period_end", "period_start"])
    forces: dict[str, Any] = {}
    for code, area in sorted(result.areas.items()):
        latest = area.latest or {}
        suppressed = bool(latest.get("suppressed", False))
        spc = None
        if area.series is not None and "centre" in area.series and len(area.series):
            last = area.series.iloc[-1]
            spc = {"centre": _num(last["centre"]), "lower_limit": _num(last["lower_limit"]), "upper_limit": _num(last["upper_limit"]),
                   "latest_signal": last["signal"] if isinstance(last["signal"], str) else None, "outcome": area.spc_latest}
        forces[code] = {
            "name": data.areas.loc[code, "name"],
            "latest_period_start": f"{latest['period_start']:%Y-%m-%d}" if latest else None,
            "latest_period_end": f"{latest['period_end']:%Y-%m-%d}" if latest else None,
            "latest_value": "[c]" if suppressed else _num(latest.get("value")),
            "england_and_wales": {"benchmark_value": _num(area.vs_national.get("benchmark")), "category": area.vs_national.get("category"),
                                  "judgement": area.vs_national.get("judgement")},
            "similar_forces": {"benchmark_value": _num(area.vs_similar.get("benchmark")), "category": area.vs_similar.get("category"),
                               "judgement": area.vs_similar.get("judgement")},
            "spc": spc, "recent_trend": area.trend, "funnel": area.funnel,
            "change": None if not area.change else {"category": area.change.get("category"), "percent": _num(area.change.get("percent"))},
        }
    national = [{"period_start": f"{r['period_start']:%Y-%m-%d}", "period_end": f"{r['period_end']:%Y-%m-%d}",
                 "value": _num(r["value"]), "lower_95": _num(r["lower_95"]), "upper_95": _num(r["upper_95"]),
                 "published": bool(r["published"]), "suppressed": bool(r["suppressed"])} for r in result.national.to_dict("records")]
    for item in national:
        if item["suppressed"]:
            item["value"] = item["lower_95"] = item["upper_95"] = "[c]"
    return {"id": iid, "title": meta["title"], "domain": meta["domain_id"], "measure": meta["measure"], "unit": meta["unit"],
            "rate_base": _num(meta["rate_base"]), "polarity": meta["polarity"],
            "methods": stats.methods_for_measure(meta["measure"]),
            "records": [_record(r) for r in table.to_dict("records")], "england_and_wales": national, "forces": forces}


def write_api(results: dict[str, IndicatorResult], data: Data, docs: Path, area_type: str) -> None:
    """Write the index and one document per indicator."""
    index = []
    for iid, result in results.items():
        meta = result.meta
        index.append({"id": iid, "title": meta["title"], "domain": meta["domain_id"], "measure": meta["measure"],
                      "rate_base": _num(meta["rate_base"]), "polarity": meta["polarity"], "unit": meta["unit"],
                      "methods": stats.methods_for_measure(meta["measure"]), "url": f"indicators/{iid}.json"})
        dump(indicator_document(iid, result, data, area_type), docs / "api" / "v1" / "indicators" / f"{iid}.json")
    dump({"version": "v1", "indicators": index}, docs / "api" / "v1" / "indicators.json")
