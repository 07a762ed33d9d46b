"""MkDocs hooks that forcepages adds to every build (loaded by mkdocs_run through MkDocs' ``hooks`` setting).

Data tables: each one, carried through Markdown and search in a comment, is put in place in the built page.

Parts (see mkdocs_parts): when a large site is built by n processes, the build forks them once it has the
files and navigation, so links and menus come out the same, and part k only renders and writes its own block of pages.
Other pages are read for their titles only (pages in the navigation are rendered in full, as the menu needs
them), left out of search, and not written; parts after the first do not copy static files.
"""

from __future__ import annotations

import os
import shutil

from jinja2 import TemplateNotFound
from mkdocs.structure.files import InclusionLevel

from forcepages import datatables, mkdocs_parts, mkdocs_run

EMPTY = "forcepages-empty.html"  # an empty template in the package's theme overrides
_mine: dict[str, str] = {}  # this part's pages: source path -> built path
_nav: set[str] = set()


def _split() -> bool:
    return mkdocs_run.PART[1] > 1


def on_files(files, config):  # noqa: ANN001, ANN201
    """Static files from the docs folder (charts, CSV, downloads: most of a large site's bytes) are hard-linked
    into the site instead of copied, where the file system allows it."""
    docs = os.path.abspath(config.docs_dir) + os.sep
    made: set[str] = set()
    for file in files:
        if not file.is_documentation_page() and file.abs_src_path and file.abs_src_path.startswith(docs):
            file.copy_file = lambda dirty=False, file=file: _link(file, dirty, made)
    return files


def _link(file, dirty: bool, made: set[str]) -> None:  # noqa: ANN001
    """Put one static file in the site by a hard link (a copy if linking is not possible or it has generated content)."""
    if file._content is not None or (dirty and not file.is_modified()):
        type(file).copy_file(file, dirty)
        return
    target = file.abs_dest_path
    folder = os.path.dirname(target)
    if folder not in made:
        os.makedirs(folder, exist_ok=True)
        made.add(folder)
    try:
        os.link(file.abs_src_path, target)
    except FileExistsError:
        os.unlink(target)
        os.link(file.abs_src_path, target)
    except OSError:  # another file system, or links not supported
        shutil.copyfile(file.abs_src_path, target)


def on_nav(nav, config, files):  # noqa: ANN001, ANN201 (MkDocs' own types)
    """On a site built in parts, fork the other parts now; work out this part's pages; parts after the first leave
    static files to the first."""
    _mine.clear(), _nav.clear()
    if not _split():
        return nav
    mkdocs_run.PART = mkdocs_parts.fork(config)
    pages = files.documentation_pages()
    _mine.update((pages[i].src_uri, pages[i].dest_uri) for i in mkdocs_parts.block(len(pages), mkdocs_run.PART))
    _nav.update(p.file.src_uri for p in nav.pages)
    if mkdocs_run.PART[0] > 0:
        for file in files:
            if not file.is_documentation_page():
                file.inclusion = InclusionLevel.EXCLUDED
    return nav


def on_page_markdown(markdown: str, page, config, files) -> str:  # noqa: ANN001
    """Another part's page: not searched, and not rendered unless the navigation needs it."""
    if not _split() or page.file.src_uri in _mine:
        return markdown
    page.meta["search"] = {"exclude": True}
    return markdown if page.file.src_uri in _nav else ""


def on_env(env, config, files):  # noqa: ANN001, ANN201
    """Another part's pages get an empty theme template, as they are not written."""
    if _split() and _has_template(env, EMPTY):
        for file in files.documentation_pages():
            if file.src_uri not in _mine and file.page is not None:
                file.page.meta["template"] = EMPTY
    return env


def _has_template(env, name: str) -> bool:  # noqa: ANN001
    try:
        env.get_template(name)
    except TemplateNotFound:
        return False
    return True


def on_post_page(output: str, page, config) -> str:  # noqa: ANN001
    """This part's pages with their tables in place; nothing (so not written) for other parts' pages."""
    if _split() and page.file.src_uri not in _mine:
        return ""
    return datatables.uncomment(output)
