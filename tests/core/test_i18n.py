"""Every fixed sentence is translated in all five languages, per message."""

from __future__ import annotations

import re

import pytest

from bot.core import phrases
from bot.core.i18n import Translator, language_name
from bot.core.messages import LANGUAGES

PHRASES = {
    name: value
    for name, value in vars(phrases).items()
    if name.isupper() and isinstance(value, str)
}
# Button labels (20 characters on WhatsApp), whatever their name.
BUTTONS = {name for name in PHRASES if name.startswith("BUTTON_")} | {"MENU_LIST_LABEL"}
# Short words that are the same in English and some of the languages ("No", "Menu").
SAME_WORD = {"BUTTON_NO", "BUTTON_MENU"}


@pytest.fixture(scope="module")
def translator() -> Translator:
    return Translator()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_is_complete(translator: Translator, lang: str) -> None:
    assert translator.missing(lang) == []


@pytest.mark.parametrize("lang", ["es", "fr", "ht", "pt"])
def test_sentences_are_really_translated(translator: Translator, lang: str) -> None:
    _ = translator.gettext_for(lang)
    untranslated = [
        name
        for name, text in PHRASES.items()
        if name not in SAME_WORD and _(text) == text and len(text) > 3
    ]
    assert untranslated == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_buttons_fit_and_placeholders_survive(translator: Translator, lang: str) -> None:
    _ = translator.gettext_for(lang)
    for name in BUTTONS:
        assert 0 < len(_(PHRASES[name])) <= 20, (lang, name)
    for text in PHRASES.values():
        assert re.findall(r"\{\w+\}", _(text)) == re.findall(r"\{\w+\}", text)


def test_languages_are_independent_per_message(translator: Translator) -> None:
    spanish, creole = translator.gettext_for("es"), translator.gettext_for("ht")
    assert spanish(phrases.MENU) != creole(phrases.MENU)
    assert translator.gettext_for("es")(phrases.MENU) == spanish(phrases.MENU)  # unchanged
    assert translator.gettext_for("xx")(phrases.MENU) == spanish(phrases.MENU)  # default


def test_language_names_are_autonyms() -> None:
    assert [language_name(lang) for lang in LANGUAGES] == [
        "Español",
        "English",
        "Français",
        "Kreyòl Ayisyen",
        "Português",
    ]


@pytest.mark.parametrize("lang", ["es", "fr", "ht", "pt"])
def test_request_notices_are_translated(translator: Translator, lang: str) -> None:
    from bot.handoff import notices
    from bot.handoff.lifecycle import NOTIFIED_STATUSES

    for status in NOTIFIED_STATUSES:
        english = notices.status_notice(Translator(), "en", status, "ABCD2345")
        translated = notices.status_notice(translator, lang, status, "ABCD2345")
        assert translated and "ABCD-2345" in translated and translated != english
    assert notices.handed_back(translator, lang) != notices.HANDED_BACK
    assert notices.caseworker_message(translator, lang, "hola").endswith(": hola")
