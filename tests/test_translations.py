"""The message catalogues: complete, in step with the code, and failing when a new sentence has no Welsh."""

from __future__ import annotations

from babel import Locale
from babel.messages.plurals import get_plural

from forcepages import catalogues as translations
from forcepages.language import TRANSLATIONS_DIR


def test_the_welsh_catalogue_translates_every_message_with_the_same_placeholders():
    counts = translations.counts("cy")
    assert counts.messages > 200
    assert counts.untranslated == [] and counts.fuzzy == 0, counts.untranslated[:10]
    assert counts.wrong == []


def test_messages_pot_is_in_step_with_the_code():
    """`forcepages translations update` was run after the last change of words."""
    written = translations.read(TRANSLATIONS_DIR / "messages.pot", "en")
    extracted = translations.extract()
    assert {m.id for m in written if m.id} == {m.id for m in extracted if m.id}


def test_a_new_message_in_the_code_is_reported_until_it_is_translated(tmp_path):
    source = tmp_path / "forcepages"
    (source / "templates").mkdir(parents=True)
    (source / "new_words.py").write_text('from forcepages.language import _\n\nTEXT = _("A brand new sentence.")\n')
    (source / "templates" / "new.md.j2").write_text("{% trans %}Another new sentence.{% endtrans %}\n")
    counts = translations.counts("cy", template=translations.extract(source))
    assert counts.untranslated == ["A brand new sentence.", "Another new sentence."]


def test_welsh_plural_forms_are_babels():
    catalog = translations.read(translations.po_file("cy"), "cy")
    assert catalog.num_plurals == 6 == get_plural(Locale.parse("cy")).num_plurals
    assert catalog.plural_expr == get_plural(Locale.parse("cy")).plural_expr
