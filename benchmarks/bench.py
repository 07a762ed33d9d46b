"""`make bench`: build times with each engine (MkDocs and Zensical) side by side, generation against a plain run of
the engine, peak memory and bytes per page, plus validation timings.

Every measured step runs in a child process. Peak memory is given twice: the largest single process's maximum
resident set (os.wait4), and the highest total of the whole process tree (build workers and engine processes
included), sampled from /proc every 200 ms as proportional set size, so that memory forked workers share is counted
once. Sampling slows the build it watches, so memory comes from a build of its own and the timed builds are not
sampled.
"""

from __future__ import annotations

import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

BUILD = """
import json, sys, time
from pathlib import Path
from forcepages.build import build
from forcepages.config import load_settings, replace
config, out, engine = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
start = time.perf_counter()
report = build(replace(load_settings(config), engine=engine), config, out, strict=False)
print(json.dumps({"seconds": time.perf_counter() - start, "pages": report.pages, "timings": report.timings, "memory": report.memory}))
"""

PLAIN_ENGINE = """
import json, sys, time
from pathlib import Path
from forcepages.site.engine import build_site
config, docs, site, engine = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
start = time.perf_counter()
build_site(config, docs, site, [("API", "api.md")], strict=False, engine=engine)  # the engine alone: no static files
print(json.dumps({"seconds": time.perf_counter() - start}))
"""

# This machine's speed at the moment of a build: the same pure-Python loop before each timed build (it took 1.6 s in
# quick spells on the 2-core machine the README's figures come from, and up to 2.4 s in slow ones).
SPEED = """
import json, time
start = time.perf_counter()
total = 0
for i in range(30_000_000):
    total += i
print(json.dumps({"seconds": time.perf_counter() - start}))
"""

VALIDATE = """
import io, json, sys, time
from pathlib import Path
import pandas as pd
from forcepages.validate import contract, fastcheck
from forcepages.validate.tables import read_text
mode, file, schema_file = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
schema = json.loads(schema_file.read_text())
start = time.perf_counter()
if mode == "frictionless":
    from frictionless import Resource
    from forcepages.validate.frictionless_check import _safe_descriptor
    res = _safe_descriptor({"resources": [{"name": "v", "path": file.name, "schema": schema}]})["resources"][0]
    report = Resource(res, basepath=str(file.parent)).validate(limit_errors=1000)
    found = len(report.tasks[0].errors)
else:
    text, _ = read_text(file, file.name)
    catalogue = pd.DataFrame({"indicator_id": ["burglary"], "measure": ["rate"], "rate_base": [1000.0],
                              "decimals": [4]}).set_index("indicator_id", drop=False)
    codes = {"E23000001", "E23000002", "E23000003", "E23000004", "E23000005"}
    if mode == "pandas":  # what load.py did before fastcheck: pandas reads the text, the contract checks it
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_filter=False)
    else:  # fastcheck: read the cells, the Table Schema rules, then the same contract checks
        cells = fastcheck.read_cells(text)
        found = len(fastcheck.check_cells(*cells, schema))
        from forcepages.validate.tables import frame_from_cells
        frame, _ = frame_from_cells(*cells, file.name)
    typed, problems = contract.check_values(frame, file.name, catalogue, codes)
    found = len(problems)
print(json.dumps({"seconds": time.perf_counter() - start, "problems": found}))
"""


def _tree_pss(root: int) -> int:
    """Proportional set size (bytes) of a process and all its descendants: memory shared by forked workers counts once."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    parents[int(entry)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                total += next(int(line.split()[1]) * 1024 for line in f if line.startswith("Pss:"))
        except (OSError, StopIteration, ValueError):
            pass
        todo += [child for child, parent in parents.items() if parent == pid]
    return total


def _sample(pid: int, peak: list[int], stop: threading.Event) -> None:
    """Keep the highest memory of the process tree seen, every 200 ms (more often slows the build being measured)."""
    while not stop.wait(0.2):
        peak[0] = max(peak[0], _tree_pss(pid))


def child(code: str, *args: str, sample: bool = True) -> dict:
    """Run ``code`` in a fresh Python; its JSON result plus wall seconds, peak memory of the largest process
    (MB, from wait4) and, if ``sample``, peak memory of all its processes together (MB of proportional set size,
    sampled every 200 ms: reading every process's page tables so often slows a 2-core machine by a fifth, so timed
    runs are not sampled)."""
    os.sync()  # the previous step's files reach the disk first, so that their writing is not timed here
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=out, stderr=err, cwd=ROOT)
        peak, stop = [0], threading.Event()
        sampler = threading.Thread(target=_sample, args=(proc.pid, peak, stop), daemon=True)
        if sample:
            sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        stop.set()
        if sample:
            sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        out.seek(0), err.seek(0)
        text = out.read().decode()
        if proc.returncode:
            raise SystemExit(f"child failed:\n{err.read().decode()[-3000:]}")
    result = json.loads(text.strip().splitlines()[-1])
    result.update(wall=wall, peak_mb=usage.ru_maxrss / 1024, tree_peak_mb=peak[0] / 2**20)
    return result


def site_bytes(site: Path) -> tuple[int, int]:
    """(HTML pages, bytes of every file in the site)."""
    files = [p for p in site.rglob("*") if p.is_file()]
    return sum(1 for p in files if p.suffix == ".html"), sum(p.stat().st_size for p in files)


ENGINES = ("mkdocs", "zensical")


def _generation(build: dict) -> float:
    """Seconds of a build before its site stage: everything forcepages itself does to make the Markdown."""
    return build["wall"] - build["timings"]["site"]


def _median(values: list[float]) -> float:
    return statistics.median(values)  # of two rounds, their mean


def bench_site(label: str, config: Path, work: Path, rounds: int = 1) -> None:
    """Build a site in a child process with each engine, then the engine alone on the same Markdown, ``rounds`` times
    in turn, and once more with its memory sampled; print the engines side by side (medians over the rounds: this
    machine's timings vary by 20% or more)."""
    rows: dict[str, dict] = {}
    for engine in ENGINES:
        out, plain_site = work / f"{label}-{engine}-build", work / f"{label}-{engine}-plain-site"
        builds, plains = [], []
        shutil.rmtree(out, ignore_errors=True)
        memory = child(BUILD, str(config), str(out), engine)
        for _ in range(rounds):
            shutil.rmtree(out, ignore_errors=True)
            speed = child(SPEED, sample=False)["seconds"]
            builds.append(dict(child(BUILD, str(config), str(out), engine, sample=False), speed=speed))
            shutil.rmtree(plain_site, ignore_errors=True)  # both start from nothing
            plains.append(child(PLAIN_ENGINE, str(config), str(out / "docs"), str(plain_site), engine, sample=False))
        html_pages, total = site_bytes(out / "site")
        rows[engine] = {"builds": builds, "plains": plains, "pages": html_pages, "bytes": total, "memory": memory,
                        "build": sorted(builds, key=lambda b: b["wall"])[len(builds) // 2]}
        shutil.rmtree(out, ignore_errors=True)  # the next engine's build has the memory (tmpfs) to itself
        shutil.rmtree(plain_site, ignore_errors=True)
    plain_mkdocs = _median([p["wall"] for p in rows["mkdocs"]["plains"]])
    print(f"{label}: {rows['mkdocs']['build']['pages']:,} pages ({rounds} round{'s' if rounds > 1 else ''}, medians)")
    lines = [("build wall, s (goal for the large site <= 60)", lambda r: f"{_median([b['wall'] for b in r['builds']]):.1f}"),
             ("  fastest and slowest round, s", lambda r: f"{min(b['wall'] for b in r['builds']):.1f}-{max(b['wall'] for b in r['builds']):.1f}"),
             ("  machine: 30M-step Python loop before it, s", lambda r: f"{_median([b['speed'] for b in r['builds']]):.2f}"),
             ("peak memory, all processes, MB (goal <= 1024)", lambda r: f"{r['memory']['tree_peak_mb']:.0f}"),
             ("peak memory, largest process, MB", lambda r: f"{max(b['peak_mb'] for b in r['builds'] + [r['memory']]):.0f}"),
             ("generation (build less its site stage), s", lambda r: f"{_median([_generation(b) for b in r['builds']]):.1f}"),
             ("site stage in the build, s", lambda r: f"{_median([b['timings']['site'] for b in r['builds']]):.1f}"),
             ("plain engine run on the same Markdown, s", lambda r: f"{_median([p['wall'] for p in r['plains']]):.1f}"),
             ("generation / plain mkdocs build (goal <= 1.5)",
              lambda r: f"{_median([_generation(b) for b in r['builds']]) / plain_mkdocs:.2f}"),
             ("HTML pages; KB of site per page", lambda r: f"{r['pages']:,}; {r['bytes'] / r['pages'] / 1024:.0f}")]
    print(f"  {'':48} {'mkdocs':>12} {'zensical':>12}")
    for name, value in lines:
        print(f"  {name:48} {value(rows['mkdocs']):>12} {value(rows['zensical']):>12}")
    for engine in ENGINES:
        build = rows[engine]["build"]
        print(f"  {engine} stages, s: " + ", ".join(f"{k} {v:.1f}" for k, v in build["timings"].items())
              + "; build process peak MB by stage: " + ", ".join(f"{k} {v:.0f}" for k, v in build["memory"].items()))


def bench_validation(work: Path, rows: int = 1_000_000, frictionless_rows: int = 100_000) -> None:
    """One million values rows: pandas read + contract, fastcheck + contract, and frictionless (on 100,000 rows, scaled)."""
    from synth import make_values

    schema = json.loads((ROOT / "tests/data/fixture_site/datapackages/crime/datapackage.json").read_text())["resources"][0]["schema"]
    schema_file = work / "schema.json"
    schema_file.write_text(json.dumps(schema))
    big, small = work / "values-1m.csv", work / "values-100k.csv"
    make_values(big, rows)
    make_values(small, frictionless_rows)
    pandas_run = child(VALIDATE, "pandas", str(big), str(schema_file))
    fast_run = child(VALIDATE, "fast", str(big), str(schema_file))
    fric = child(VALIDATE, "frictionless", str(small), str(schema_file))
    scaled = fric["seconds"] * rows / frictionless_rows
    print(f"validation of {rows:,} values rows ({big.stat().st_size / 1e6:.0f} MB):")
    print(f"  pandas read + contract checks:            {pandas_run['seconds']:6.1f} s, peak {pandas_run['peak_mb']:.0f} MB")
    print(f"  fastcheck Table Schema + contract checks: {fast_run['seconds']:6.1f} s, peak {fast_run['peak_mb']:.0f} MB "
          f"= {fast_run['seconds'] / pandas_run['seconds']:.2f} x pandas (goal <= 1.5)")
    print(f"  frictionless Table Schema only:           {scaled:6.1f} s (measured {fric['seconds']:.1f} s on {frictionless_rows:,} rows, "
          f"scaled) = {scaled / pandas_run['seconds']:.1f} x pandas")


def main() -> None:
    """Print every measurement."""
    from synth import make_site

    areas = int(os.environ.get("BENCH_AREAS", "3000"))
    # forcepages' bytecode up to date, as for an installed package (with PYTHONDONTWRITEBYTECODE set, every build
    # would otherwise compile its modules again)
    compileall.compile_dir(ROOT / "scripts" / "forcepages", quiet=1)
    with tempfile.TemporaryDirectory(prefix="forcepages-bench-", dir=os.environ.get("BENCH_DIR")) as tmp:  # BENCH_DIR=/dev/shm: tmpfs
        work = Path(tmp)
        print(f"forcepages benchmark on {os.cpu_count()} CPUs")
        bench_site("national", ROOT / "mkdocs.yml", work, rounds=int(os.environ.get("BENCH_ROUNDS", "3")))
        start = time.perf_counter()
        config = make_site(work / "synthetic", areas=areas)
        print(f"generated a {areas:,}-neighbourhood site in {time.perf_counter() - start:.1f} s")
        bench_site(f"synthetic-{areas}", config, work, rounds=int(os.environ.get("BENCH_LARGE_ROUNDS", "1")))
        if not os.environ.get("BENCH_SKIP_VALIDATION"):
            bench_validation(work)


if __name__ == "__main__":
    main()
