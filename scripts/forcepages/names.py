"""Names the site uses in addresses and file names: what is reserved, how long a name may be, what a safe file name is.

Indicator, domain and package names become folders and files (``indicators/<id>.md``, ``data/<package>.md``,
``charts/<area>--<id>.json``); a name equal to one of the site's own pages or folders would overwrite it, and a
very long one fails with "File name too long". Validation refuses both, with a message.
"""

from __future__ import annotations

import re

# Pages and folders the site makes itself (at the top, under data/, forces/, indicators/, domains/ and charts/).
RESERVED = frozenset({
    "index", "api", "assets", "charts", "data", "search", "forces", "indicators", "domains", "packages", "csv",
    "reports", "methodology", "glossary", "revisions", "release-calendar", "releases", "sitemap", "404", "funnel",
    "javascripts", "stylesheets", "images", "readme", "datapackage",
})
MAX_ID = 64  # indicator, domain and package names
MAX_FILE_NAME = 100  # a resource's path inside its package
MAX_NAME = 200  # area names, titles
SAFE_FILE = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$")
PACKAGE_FILES = frozenset({"datapackage.json", "readme.md"})  # written into every zip by the site itself


def id_problem(name: str, what: str) -> str | None:
    """Why ``name`` cannot be used as an indicator, domain or package name, or None."""
    if name.lower() in RESERVED:
        return f'"{name}" is a name the site uses for its own pages, so the {what} would overwrite one.'
    if len(name) > MAX_ID:
        return f"the {what} is {len(name)} characters long; the most is {MAX_ID}."
    return None


ID_HINT = "Choose another name: lower-case words joined by hyphens, at most 64 characters, not one of " + \
    ", ".join(sorted(RESERVED)) + "."


def file_name_problem(path: str) -> str | None:
    """Why a resource path is not a safe file name for the site's links and zip, or None."""
    if len(path) > MAX_FILE_NAME:
        return f'"{path[:40]}..." is {len(path)} characters long; the most is {MAX_FILE_NAME}.'
    if not SAFE_FILE.match(path):
        return f'"{path}" has characters that cannot be used in a file name on the site.'
    if path.lower() in PACKAGE_FILES:
        return f'"{path}" is the name of a file the site writes into every package download.'
    return None


FILE_HINT = "Name the file with letters, digits, dots, hyphens and underscores only, such as values.csv."
