"""A site built on a publisher's own plan (setting ``framework``) keeps the national packages as shipped.

Rows of indicators that are in the national catalogue (``framework/indicators.csv``) but not in the plan's catalogue
are left out of the site, with one information line saying how many and from which packages; the packages are still
published as downloads. An id in neither catalogue is still an error (a typing mistake), named against the catalogue
in use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from forcepages.validate.discover import PackageInfo, rel
from forcepages.validate.tables import read_text_table

NATIONAL_FRAMEWORK = "framework"


@dataclass
class Scope:
    """What the values checks need to know about the catalogue in use."""

    catalogue_file: str  # the catalogue in use, as the publisher sees its path
    elsewhere: frozenset[str] = frozenset()  # national indicators the plan leaves out: their rows are dropped, not errors
    left_out: dict[str, int] = field(default_factory=dict)  # rows left out, by package

    def note(self) -> str | None:
        """The information line, or None when nothing was left out."""
        if not self.left_out:
            return None
        total = sum(self.left_out.values())
        where = ", ".join(f"{name} ({count:,})" for name, count in sorted(self.left_out.items()))
        return (f"Note: {total:,} rows of national indicators that are not in the plan's catalogue ({self.catalogue_file}) "
                f"are left out of the site: {where}. Their packages are still published as downloads.")


def scope_for(by_name: dict[str, PackageInfo], framework: str, root: Path) -> Scope:
    """The catalogue in use and, for a plan framework, the national indicators it leaves out."""
    plan = by_name.get(framework)
    catalogue_file = _indicators_file(plan, root) or f"datapackages/{framework}/indicators.csv"
    if framework == NATIONAL_FRAMEWORK or NATIONAL_FRAMEWORK not in by_name:
        return Scope(catalogue_file)
    national = by_name[NATIONAL_FRAMEWORK]
    resource = _indicators(national)
    if resource is None:
        return Scope(catalogue_file)
    file = national.folder / resource["path"]
    frame, problems = read_text_table(file, rel(file, root))
    if frame is None or problems or "indicator_id" not in frame.columns:
        return Scope(catalogue_file)
    return Scope(catalogue_file, frozenset(frame["indicator_id"].str.strip()))


def _indicators(package: PackageInfo | None) -> dict | None:
    """The package's indicator catalogue resource."""
    if package is None:
        return None
    for resource in package.resources:
        if resource.get("name") == "indicators" or Path(str(resource.get("path", ""))).stem == "indicators":
            return resource
    return None


def _indicators_file(package: PackageInfo | None, root: Path) -> str | None:
    resource = _indicators(package)
    return rel(package.folder / resource["path"], root) if resource is not None and package is not None else None
