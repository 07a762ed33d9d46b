"""Print how many force x indicator comparisons are statistically clear on a built site, with sample sentences.

Usage: python benchmarks/significance.py [build folder, default build]
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path


def main(build: Path) -> None:
    api = build / "site" / "api" / "v1"
    index = json.loads((api / "indicators.json").read_text(encoding="utf-8"))["indicators"]
    counts: dict[str, collections.Counter] = {"england_and_wales": collections.Counter(), "similar_forces": collections.Counter()}
    spc, trend = collections.Counter(), collections.Counter()
    for item in index:
        doc = json.loads((api / item["url"]).read_text(encoding="utf-8"))
        for force in doc["forces"].values():
            for bench in counts:
                counts[bench][force[bench]["category"]] += 1
            if force["spc"]:
                spc[force["spc"]["outcome"]] += 1
            trend[force["recent_trend"]] += 1
    for bench, counter in counts.items():
        total = sum(counter.values())
        clear = sum(v for k, v in counter.items() if k not in ("similar", "not-compared"))
        print(f"vs {bench}: {clear} of {total} force x indicator comparisons are statistically clear; {dict(sorted(counter.items()))}")
    print(f"SPC outcomes (latest point): {dict(sorted(spc.items()))}")
    print(f"recent trend: {dict(sorted(trend.items()))}")
    page = build / "docs" / "forces" / "cambridgeshire" / "local-crime-and-policing.md"
    if page.is_file():
        lines = [ln.removeprefix("- ") for ln in page.read_text(encoding="utf-8").splitlines()
                 if ln.removeprefix("- ").startswith(("This is", "In the", "The latest", "Over the"))]
        print("sample sentences (Cambridgeshire, local crime and policing):")
        for line in lines[:8]:
            print("  " + line)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("build"))
