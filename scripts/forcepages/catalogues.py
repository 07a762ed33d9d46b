"""The message catalogues: every sentence the code and templates can write, extracted with Babel into
translations/messages.pot, merged into each language's .po file, and checked (`forcepages translations`).

A publisher's Welsh speaker edits translations/cy/LC_MESSAGES/messages.po (any PO editor, such as Poedit, or a text
editor); `forcepages translations update` adds new English messages to it, and `forcepages translations check` fails
on any message not translated, marked fuzzy (to be checked), or whose placeholders differ from the English.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

from forcepages.language import DOMAIN, LANGUAGES, TRANSLATIONS_DIR
from forcepages.paths import PACKAGE_DIR

METHODS = [("**/templates/**.j2", "jinja2.ext:babel_extract"), ("**.py", "python")]
OPTIONS = {"**/templates/**.j2": {"extensions": "jinja2.ext.i18n", "trimmed": "true", "newstyle_gettext": "true"}}
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None}
SKIP = ("importers", "catalogues.py")  # importers write data packages, in English with *_cy columns beside


@dataclass
class Counts:
    """How many messages a language's catalogue holds and how many are ready to use."""

    language: str
    messages: int
    translated: int
    fuzzy: int
    untranslated: list[str]
    wrong: list[str]  # translations whose placeholders differ from the English


STAMP = datetime(2026, 12, 3, tzinfo=timezone.utc)  # fixed header dates: the files change only when messages do
HEADER = ("# Welsh messages of forcepages: every sentence the site writes, in Welsh.\n"
          "# Drafted by the forcepages developers. Have a Welsh speaker check it before you publish (README.md, \"Welsh\").")


def extract(source: Path = PACKAGE_DIR) -> Catalog:
    """Every message in the Python code and templates under ``source``."""
    catalog = Catalog(project="forcepages", domain=DOMAIN, fuzzy=False, creation_date=STAMP, revision_date=STAMP,
                      version="1", copyright_holder="the forcepages project")
    for filename, lineno, message, comments, context in extract_from_dir(
            str(source), METHODS, OPTIONS, KEYWORDS, comment_tags=("Translators:",), strip_comment_tags=True):
        if filename.startswith(SKIP) or not message or (isinstance(message, tuple) and not message[0]):
            continue
        catalog.add(message, locations=[(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def po_file(code: str, folder: Path = TRANSLATIONS_DIR) -> Path:
    return folder / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(path: Path, code: str) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=code, domain=DOMAIN)


def write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=120, sort_output=False, include_previous=False, omit_header=False)


def update(folder: Path = TRANSLATIONS_DIR, source: Path = PACKAGE_DIR) -> list[Counts]:
    """Write messages.pot from the code and templates, and merge it into each language's .po file (new messages
    added untranslated, removed ones kept as obsolete entries). Returns the counts after."""
    template = extract(source)
    write(template, folder / f"{DOMAIN}.pot")
    out = []
    for code in LANGUAGES[1:]:
        path = po_file(code, folder)
        catalog = read(path, code) if path.exists() else Catalog(
            locale=code, domain=DOMAIN, project="forcepages", header_comment=HEADER, fuzzy=False, creation_date=STAMP,
            revision_date=STAMP, version="1", copyright_holder="the forcepages project", msgid_bugs_address="",
            last_translator="forcepages developers (draft, to be checked by a Welsh speaker)", language_team="Welsh")
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False, update_creation_date=False)
        catalog.fuzzy = False
        write(catalog, path)
        out.append(counts(code, folder, template))
    return out


def counts(code: str, folder: Path = TRANSLATIONS_DIR, template: Catalog | None = None) -> Counts:
    """How complete a language's catalogue is against the messages in the code (``template``, extracted if None)."""
    template = template or extract()
    catalog = read(po_file(code, folder), code)
    untranslated, fuzzy, done = [], 0, 0
    for message in template:
        if not message.id:
            continue
        found = catalog.get(message.id, context=message.context)
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        strings = found.string if found is not None else ""
        filled = all(strings) if isinstance(strings, tuple) else bool(strings)
        if found is None or not filled:
            untranslated.append(key)
        elif found.fuzzy:
            fuzzy += 1
            untranslated.append(key)
        else:
            done += 1
    wrong = [f"{m.id if isinstance(m.id, str) else m.id[0]}: {'; '.join(str(e) for e in errors)}"
             for m, errors in catalog.check() if errors]
    return Counts(code, len([m for m in template if m.id]), done, fuzzy, untranslated, wrong)
