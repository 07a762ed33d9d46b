"""Links between the language trees: a Welsh page's links to pages only the English tree has, and each page's
version in the other language (for the language switch, a link with hreflang)."""

from __future__ import annotations

from forcepages.compose.overview import href

SWITCH = {"cy": "Darllenwch y dudalen hon yn Gymraeg", "en": "Read this page in English"}  # each in its own language
HOME = {"cy": "Heddluoedd Cymru: y tudalennau yn Gymraeg", "en": "Go to the English site"}  # homes that are not translations


def up(path: str) -> str:
    """The relative prefix from a page to the docs root."""
    return "../" * path.count("/")


def shared(tree: str, page: str, target: str, complete: bool = False) -> str:
    """A link from ``page`` (in ``tree``: "" for English, "cy/" for Welsh) to a page every tree may not have (an
    indicator, the methodology): within the tree as Markdown where it has it (English, or a ``complete`` tree), else
    as the English page's address (the engine of the other tree does not know the page)."""
    if not tree or complete:
        return up(page) + target
    return up(page) + "../" * tree.count("/") + href(target)


def alternate(tree: str, page: str, words: dict[str, str] = SWITCH) -> dict[str, str]:
    """The same page in the other language: its language, address (relative to ``page``) and the switch's words
    (``HOME`` for home pages that are not each other's translation)."""
    if tree:
        return {"lang": "en", "label": words["en"], "href": up(page) + "../" * tree.count("/") + href(page)}
    return {"lang": "cy", "label": words["cy"], "href": up(page) + "cy/" + href(page)}
