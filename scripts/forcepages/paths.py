"""Folders and constants; imports nothing else from the package."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
ASSETS_DIR = PACKAGE_DIR / "assets"

REFERENCE_PACKAGE = "reference"

ENGLAND_AND_WALES = "K04000001"
FORCE_CODE_PATTERN = r"^(E23|W15)\d{6}$"

POLARITIES = ("higher-is-better", "lower-is-better", "no-judgement")
MEASURES = ("rate", "proportion", "survey", "value")

# Government Statistical Service shorthand for missing or special values.
MISSING_SYMBOLS = ("[x]", "[z]", "[c]", "[low]", "[u]")
STATUS_SYMBOLS = ("", "[p]", "[r]")

# Fields every indicator-values resource has (see datapackages/README.md).
VALUE_KEY_FIELDS = ("indicator_id", "area_code", "period_start", "period_end")
VALUE_REQUIRED_FIELDS = VALUE_KEY_FIELDS + ("value",)


def project_root(start: Path | None = None) -> Path:
    """The nearest folder at or above ``start`` holding mkdocs.yml, else ``start``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    return here
