"""A seeded generator of a realistic synthetic site: N neighbourhoods in 40 forces, with a small framework and monthly values."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "data" / "fixture_site"
INDICATORS = [  # id, title, measure, unit, rate_base, polarity, decimals, domain
    ("burglary", "Burglary of homes", "rate", "offences per 1,000 people", 1000, "lower-is-better", 1, "local-crime-and-policing"),
    ("violence", "Violence against the person", "rate", "offences per 1,000 people", 1000, "lower-is-better", 1, "protection-from-serious-harm"),
    ("asb", "Anti-social behaviour", "rate", "incidents per 1,000 people", 1000, "no-judgement", 1, "local-crime-and-policing"),
    ("solved", "Crimes that led to a charge", "proportion", "%", "", "higher-is-better", 1, "local-crime-and-policing"),
    ("confidence", "Confidence in the local police", "survey", "%", "", "higher-is-better", 0, "confidence-and-satisfaction"),
    ("spend", "Spending per person", "value", "£ per person", "", "no-judgement", 0, "value-for-money-and-productivity"),
]


def _write(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n")


def make_site(target: Path, areas: int = 3000, months: int = 24, seed: int = 20240601) -> Path:
    """Write mkdocs.yml and datapackages/ for a neighbourhood site; returns the mkdocs.yml path."""
    rng = np.random.default_rng(seed)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(FIXTURE / "datapackages" / "framework", target / "datapackages" / "framework")
    shutil.copytree(FIXTURE / "datapackages" / "reference", target / "datapackages" / "reference")
    shutil.copytree(FIXTURE / "datapackages" / "crime", target / "datapackages" / "local")
    forces = [f"E23{i:06d}" for i in range(1, 41)]
    codes = [f"E05{i:06d}" for i in range(1, areas + 1)]
    syllables = ["ash", "brook", "cliff", "dale", "east", "fen", "glen", "holm", "ing", "kirk", "ley", "mere", "ness", "over", "pool"]
    names = [f"{syllables[i % 15].title()}{syllables[(i // 15) % 15]} {syllables[(i // 225) % 15].title()} {i}" for i in range(areas)]
    parent = [forces[i % len(forces)] for i in range(areas)]
    ref = target / "datapackages" / "reference"
    area_rows = [{"area_code": "K04000001", "name": "England and Wales", "area_type": "national", "region": "", "country": "", "parent_code": ""}]
    area_rows += [{"area_code": f, "name": f"Force {i + 1}", "area_type": "force", "region": "North", "country": "England", "parent_code": "K04000001"}
                  for i, f in enumerate(forces)]
    area_rows += [{"area_code": c, "name": n, "area_type": "neighbourhood", "region": "North", "country": "England", "parent_code": p}
                  for c, n, p in zip(codes, names, parent)]
    _write(pd.DataFrame(area_rows), ref / "areas.csv")
    known = {row["area_code"] for row in area_rows}
    for optional in ("local_authorities.csv", "area_shapes.csv"):  # the fixture's rows for areas this site keeps
        if (ref / optional).exists():
            table = pd.read_csv(ref / optional, dtype=str, keep_default_na=False)
            _write(table[table["area_code"].isin(known)], ref / optional)
    pop = rng.integers(4000, 16000, size=areas)
    years = range(2020, 2025)
    _write(pd.DataFrame([{"area_code": c, "year": y, "population": int(p * (1 + 0.01 * (y - 2020))), "households": int(p / 2.3)}
                         for c, p in zip(codes, pop) for y in years]), ref / "population.csv")
    order = np.argsort(pop)  # similar groups: the 7 neighbourhoods nearest in population
    rank = np.empty(areas, dtype=int)
    rank[order] = np.arange(areas)
    similar = []
    for i, c in enumerate(codes):
        r = rank[i]
        near = [order[j] for j in range(max(0, r - 4), min(areas, r + 4)) if order[j] != i][:7]
        similar += [{"area_code": c, "similar_area_code": codes[j], "source": "Synthetic groups"} for j in near]
    _write(pd.DataFrame(similar), ref / "similar_forces.csv")
    fw = target / "datapackages" / "framework"
    _write(pd.DataFrame([{"indicator_id": i, "title": t, "definition": f"{t}: synthetic values for the benchmark.", "domain_id": d,
                          "measure": m, "unit": u, "rate_base": b, "polarity": p, "decimals": dec, "disclosure_threshold": "",
                          "source_package": "local", "source": "Synthetic", "caveats": ""}
                         for i, t, m, u, b, p, dec, d in INDICATORS]), fw / "indicators.csv")
    _write(pd.DataFrame(columns=["indicator_id", "break_date", "description"]), fw / "series_breaks.csv")
    starts = pd.date_range("2022-01-01", periods=months, freq="MS")
    ends = starts + pd.offsets.MonthEnd(0)
    frames = []
    n = areas * months
    area_idx = np.repeat(np.arange(areas), months)
    month_idx = np.tile(np.arange(months), areas)
    people = pop[area_idx]
    for ind, _, measure, *_ in INDICATORS:
        base = {"indicator_id": ind, "area_code": np.array(codes)[area_idx],
                "period_start": starts.strftime("%Y-%m-%d")[month_idx], "period_end": ends.strftime("%Y-%m-%d")[month_idx]}
        num = den = lo = hi = np.full(n, "", dtype=object)
        if measure == "rate":
            lam = people * rng.uniform(0.2, 1.5, size=areas)[area_idx] / 1000
            k = rng.poisson(lam)
            num, den, value = k, people, np.round(k / people * 1000, 4)
        elif measure == "proportion":
            total = rng.integers(20, 200, size=n)
            k = rng.binomial(total, 0.12)
            num, den, value = k, total, np.round(k / total * 100, 3)
        elif measure == "survey":
            value = np.round(rng.normal(70, 6, size=n).clip(1, 99), 1)
            lo, hi = np.round(value - 5, 1), np.round(value + 5, 1)
        else:
            value = np.round(rng.normal(250, 30, size=n), 2)
        frames.append(pd.DataFrame({**base, "numerator": num, "denominator": den, "value": value, "lower_95": lo,
                                    "upper_95": hi, "status": "", "note": ""}))
    local = target / "datapackages" / "local"
    _write(pd.concat(frames, ignore_index=True), local / "values.csv")
    descriptor = json.loads((local / "datapackage.json").read_text())
    descriptor.update(name="local", title="Synthetic neighbourhood values")
    (local / "datapackage.json").write_text(json.dumps(descriptor, indent=2))
    (target / "mkdocs.yml").write_text(
        "site_name: Synthetic neighbourhood performance\nsite_url: https://example.org/bench/\nextra:\n  forcepages:\n"
        "    publisher: Benchmark Office\n    area_type: neighbourhood\n    area_label: neighbourhood\n"
        f"    pages: {ROOT / 'site_src' / 'pages'}\n    narratives: narratives\n    area_pages: single\n", encoding="utf-8")
    return target / "mkdocs.yml"


def make_values(path: Path, rows: int, seed: int = 7) -> None:
    """A values table of ``rows`` rows for the validation timings (fixture indicators and areas)."""
    rng = np.random.default_rng(seed)
    areas = ["E23000001", "E23000002", "E23000003", "E23000004", "E23000005"]
    days = pd.date_range("1901-01-01", periods=rows // len(areas) + 1, freq="D").strftime("%Y-%m-%d")
    i = np.arange(rows)
    numerator = rng.integers(0, 900, rows)
    frame = pd.DataFrame({"indicator_id": "burglary", "area_code": np.array(areas)[i % len(areas)],
                          "period_start": days[i // len(areas)], "period_end": days[i // len(areas)],
                          "numerator": numerator, "denominator": 600000,  # value agrees with them, as the contract checks
                          "value": np.round(numerator / 600000 * 1000, 4), "lower_95": "", "upper_95": "", "status": "", "note": ""})
    _write(frame, path)
