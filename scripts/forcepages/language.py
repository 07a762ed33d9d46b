"""The languages pages are written in: English, and Welsh from a gettext message catalogue.

Every sentence the site generates goes through ``_`` (or ``ngettext``/``pgettext``) here, in Python and in the
templates. The Welsh catalogue is a .po file in the repository (translations/cy/LC_MESSAGES/messages.po), compiled
with Babel when a build starts. Dates, plurals and number symbols come from Babel's locale data (CLDR).

The language being written is a context variable, set with ``use(language)`` around the pages of one language (as
Django and Flask-Babel do), so the functions that write words need no extra argument. A translation that is missing
is recorded (``Language.missing``): the build reports it, and fails on it in strict mode.
"""

from __future__ import annotations

import contextlib
import functools
import gettext
import io
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterator

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import get_decimal_symbol, get_group_symbol
from babel.support import Translations

from forcepages.paths import PACKAGE_DIR

LANGUAGES = ("en", "cy")
TRANSLATIONS_DIR = PACKAGE_DIR / "translations"
DOMAIN = "messages"


class _Recorder(gettext.NullTranslations):
    """The fallback of a catalogue: called only for a message the catalogue has no translation for. It keeps the
    message (to report) and gives back the English."""

    def __init__(self) -> None:
        super().__init__()
        self.missing: set[str] = set()

    def gettext(self, message: str) -> str:
        self.missing.add(message)
        return message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        self.missing.add(msgid1)
        return msgid1 if n == 1 else msgid2

    def pgettext(self, context: str, message: str) -> str:
        self.missing.add(f"{context}: {message}")
        return message


@dataclass
class Language:
    """One language: its catalogue, its locale data and what was asked for in it but not found."""

    code: str
    translations: gettext.NullTranslations = field(default_factory=gettext.NullTranslations)
    recorder: _Recorder | None = None
    data_missing: set[str] = field(default_factory=set)  # catalogue cells shown in English (e.g. an empty title_cy)
    glossary: dict[str, str] = field(default_factory=dict)  # catalogue text -> its translation (the *_cy columns)

    @property
    def missing(self) -> list[str]:
        """Every generated message shown untranslated so far (no translation in the catalogue), sorted."""
        return sorted(self.recorder.missing if self.recorder else set())

    def data(self, english: str) -> str:
        """Catalogue text (a title, a series break's description...) in this language, from the glossary made of the
        catalogue's *_cy columns; the English (recorded as missing) when it has no translation."""
        if self.code == "en" or not english:
            return english
        found = self.glossary.get(english)
        if found:
            return found
        self.data_missing.add(english)
        return english

    def setting(self, text: str, name: str) -> str:
        """A publisher's setting (such as area_label) in this language: the catalogue's translation where it has one
        (the shipped defaults have), else the English, reported like an untranslated data cell (not a message)."""
        if self.code == "en" or not text or self.recorder is None:
            return text
        seen = text in self.recorder.missing
        out = self.translations.gettext(text)
        if out == text and not seen:
            self.recorder.missing.discard(text)
            self.data_missing.add(f"mkdocs.yml: {name} ({text})")
        return out

    def text(self, english: str, translated: str, where: str) -> str:
        """A data cell in this language: ``translated`` if there is one, else ``english`` (recorded as missing)."""
        if self.code == "en" or not english:
            return english
        if translated:
            return translated
        self.data_missing.add(where)
        return english


ENGLISH = Language("en")
_current: ContextVar[Language] = ContextVar("forcepages_language", default=ENGLISH)


def load(code: str, folder: Path = TRANSLATIONS_DIR) -> Language:
    """The language ``code`` with its catalogue compiled from ``folder/<code>/LC_MESSAGES/messages.po`` (fuzzy
    entries are not used). English needs no catalogue."""
    if code == "en":
        return Language("en")
    if code not in LANGUAGES:
        raise ValueError(f'unknown language "{code}": use one of {", ".join(LANGUAGES)}')
    po = folder / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=code, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    translations = Translations(compiled, domain=DOMAIN)
    recorder = _Recorder()
    translations.add_fallback(recorder)
    return Language(code, translations, recorder)


@contextlib.contextmanager
def use(language: Language) -> Iterator[Language]:
    """Write in ``language`` inside the block."""
    token = _current.set(language)
    try:
        yield language
    finally:
        _current.reset(token)


def current() -> Language:
    """The language being written."""
    return _current.get()


def code() -> str:
    """The code of the language being written: "en" or "cy"."""
    return _current.get().code


def _(message: str) -> str:
    """``message`` in the language being written."""
    return _current.get().translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for ``n`` things (Welsh has six: zero, one, two, few, many, other)."""
    return _current.get().translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """A message whose translation depends on where it stands (``context``), e.g. a name after a preposition."""
    return _current.get().translations.pgettext(context, message)


def N_(message: str) -> str:  # noqa: N802 (the usual name, known to the extractor)
    """Mark a message to be translated later, where it is used (for constants defined at import)."""
    return message


@functools.lru_cache(maxsize=8)
def _locale(code: str) -> Locale:
    return Locale.parse(code)


@functools.lru_cache(maxsize=4096)
def _date(d: date, pattern: str, code: str) -> str:
    return format_date(d, pattern, locale=_locale(code))


def date_text(d: date, pattern: str) -> str:
    """A date in the language being written, with a CLDR pattern: "d MMMM y" is 4 June 2025 or 4 Mehefin 2025."""
    return _date(d, pattern, code())


@functools.lru_cache(maxsize=8)
def separators(code: str) -> tuple[str, str]:
    """The decimal and grouping symbols of a language (Babel's locale data)."""
    return get_decimal_symbol(_locale(code)), get_group_symbol(_locale(code))
