"""Writing one data package: its CSV files, datapackage.json and README, the same bytes on every run."""

from __future__ import annotations

import json
from pathlib import Path

from forcepages.publish import csvout
from forcepages.importers.common import ATTRIBUTION, OGL_LICENCE, Package


def write_package(pkg: Package, out_root: Path) -> Path:
    """Write the package folder: CSVs, datapackage.json and README.md (nothing else is removed)."""
    folder = Path(out_root) / pkg.name
    folder.mkdir(parents=True, exist_ok=True)
    for res in pkg.resources:
        with open(folder / res.path, "w", encoding="utf-8", newline="") as fh:
            w = csvout.writer(fh)  # rows end "\n"; a cell with a line break is quoted
            w.writerow(res.header)
            w.writerows(res.rows)
    descriptor = {
        "name": pkg.name,
        "title": pkg.title,
        "description": pkg.description,
        "version": pkg.version,
        "licenses": [OGL_LICENCE],
        "sources": pkg.sources,
        "keywords": pkg.keywords,
        "changes": pkg.changes,
        "resources": [
            {"name": r.name, "path": r.path, "title": r.title, "description": r.description,
             "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
             "schema": r.schema}
            for r in pkg.resources
        ],
    }
    if not pkg.keywords:
        descriptor.pop("keywords")
    (folder / "datapackage.json").write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n",
                                             encoding="utf-8")
    readme = pkg.readme.strip() + "\n\n## Licence\n\nOpen Government Licence v3.0. " + ATTRIBUTION + "\n"
    (folder / "README.md").write_text(readme, encoding="utf-8")
    return folder
