"""Print how the site's verdicts measure up (issue 13's checks), from a built site's API and force pages alone.

    python benchmarks/verdicts.py [BUILD_DIR]     (default: build)

It recomputes phi independently from the published records (10% winsorised z-scores against England and Wales) and
the share of force x indicator comparisons an overdispersion-adjusted z-test at 95% calls different (multiplicative,
and additive), to set beside the share the site calls clearly different. Works on older builds too (fields the
older API lacks are read as missing).
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

import numpy as np
from scipy.stats import mstats

Z = 1.959964


def documents(build: Path) -> list[dict]:
    api = build / "site" / "api" / "v1"
    index = json.loads((api / "indicators.json").read_text(encoding="utf-8"))
    return [json.loads((api / "indicators" / f"{i['id']}.json").read_text(encoding="utf-8")) for i in index["indicators"]]


def adjusted_tests(doc: dict) -> tuple[float, int, int, int]:
    """phi for the latest national period, and (multiplicative, additive) counts called different, and forces tested."""
    if doc["measure"] not in ("rate", "proportion"):
        return float("nan"), 0, 0, 0
    national = [n for n in doc["england_and_wales"] if isinstance(n["value"], (int, float))]
    if not national:
        return float("nan"), 0, 0, 0
    last = max(national, key=lambda n: n["period_end"])
    bench = last["value"]
    rows = [r for r in doc["records"] if r["period_end"] == last["period_end"] and r["period_start"] == last["period_start"]
            and r["area_code"] in doc["forces"] and isinstance(r["value"], (int, float)) and isinstance(r["denominator"], (int, float))]
    if len(rows) < 10:
        return float("nan"), 0, 0, 0
    y = np.array([r["value"] for r in rows])
    n = np.array([r["denominator"] for r in rows])
    se = np.sqrt(bench * doc["rate_base"] / n) if doc["measure"] == "rate" else 100 * np.sqrt(bench / 100 * (1 - bench / 100) / n)
    z = (y - bench) / se
    zw = np.asarray(mstats.winsorize(z, limits=(0.1, 0.1)))
    phi = float(np.mean(zw**2))
    w = 1 / se**2
    tau2 = max(0.0, (len(z) * phi - (len(z) - 1)) / (w.sum() - (w**2).sum() / w.sum()))
    if phi <= 1:
        mult = add = int(np.sum(np.abs(z) > Z))
    else:
        mult = int(np.sum(np.abs(z / np.sqrt(phi)) > Z))
        add = int(np.sum(np.abs((y - bench) / np.sqrt(se**2 + tau2)) > Z))
    return phi, mult, add, len(z)


def main(build: Path) -> None:
    docs = documents(build)
    newest = max(date.fromisoformat(f["latest_period_end"]) for d in docs for f in d["forces"].values() if f["latest_period_end"])
    cutoff = date(newest.year - 3, newest.month, newest.day)
    clear = compared = old_judged = census_clear = trends = long_trends = 0
    mult_total = add_total = tested_total = 0
    print(f"newest figure {newest}; freshness cut-off {cutoff}")
    print(f"{'indicator':50s} {'phi (recomputed)':>16s} {'site phi':>10s}")
    for doc in docs:
        phi, mult, add, tested = adjusted_tests(doc)
        mult_total, add_total, tested_total = mult_total + mult, add_total + add, tested_total + tested
        site_phi = (doc.get("overdispersion") or [{}])[-1].get("phi") if doc.get("overdispersion") else None
        if np.isfinite(phi):
            print(f"{doc['id']:50s} {phi:16.1f} {site_phi if site_phi is None else round(site_phi, 1)!s:>10s}")
        census = doc.get("census") or doc["measure"] == "value"
        for force in doc["forces"].values():
            category = force["england_and_wales"]["category"]
            if category in ("similar", "higher", "lower", "much-higher", "much-lower"):
                compared += 1
                clear += category != "similar"
                census_clear += bool(census) and category != "similar"
            end = force["latest_period_end"]
            for bench in (force["england_and_wales"], force["similar_forces"]):
                if end and date.fromisoformat(end) < cutoff and bench["judgement"] in ("better", "worse"):
                    old_judged += 1
            trend = force["recent_trend"]
            if isinstance(trend, dict) and trend["direction"] in ("increasing", "decreasing"):
                trends += 1
                span = (date.fromisoformat(trend["last_period_end"]) - date.fromisoformat(trend["first_period_end"])).days
                long_trends += span > (trend["points"] - 1 + 0.5) * 365.25
            elif trend in ("increasing", "decreasing"):
                trends += 1
                long_trends += 1  # the old API gave no dates: the span cannot be shown to be honest
    lines = undated = 0
    for page in (build / "docs" / "forces").glob("*/index.md"):
        for line in re.findall(r"^- \[([^\]]+)\]", page.read_text(encoding="utf-8"), re.M):
            lines += 1
            undated += not re.search(r"\b(19|20)\d\d\b", line)
    print(f"comparisons with England and Wales: {compared}; called clearly different: {clear} ({100 * clear / max(compared, 1):.0f}%)")
    print(f"adjusted z-test at 95% on the latest rates and proportions ({tested_total} forces x indicators): "
          f"multiplicative {100 * mult_total / max(tested_total, 1):.0f}%, additive {100 * add_total / max(tested_total, 1):.0f}%")
    print(f"better/worse judgements on figures ending before {cutoff}: {old_judged}")
    print(f"clear comparisons on census indicators: {census_clear}")
    print(f"increasing/decreasing trends: {trends}; spanning more than (points - 1) + 0.5 years or undated: {long_trends}")
    print(f"force-page verdict lines: {lines}; without a year: {undated}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "build"))
