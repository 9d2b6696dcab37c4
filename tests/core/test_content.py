"""Topics written in Spanish first: missing translations, their status and what is sent."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from bot.core.content import (
    ContentLibrary,
    SourceEntry,
    TopicFile,
    Translatable,
    answers_from_topic,
)
from bot.core.footer import with_footer
from bot.core.i18n import Translator
from bot.core.messages import LANGUAGES

SOURCES = {
    "report": SourceEntry.model_validate(
        {
            "name": "A report",
            "date": "2018-12",
            "ref": "test",
            "short": {code: f"report-{code}" for code in LANGUAGES},
        }
    )
}


def topic(**changes: Any) -> TopicFile:
    """A staff-added topic in Spanish only, with `changes` on top."""
    body: dict[str, Any] = {
        "topic": "phone_charging",
        "countries": ["MX"],
        "review_by": "2027-06-01",
        "sources": ["report"],
        "title": {"es": "Cargar el teléfono"},
        "summary": {"es": "Dónde cargar"},
        "answer": {"es": "Pregunte en el albergue."},
    }
    body.update(changes)
    return TopicFile.model_validate(body)


def test_a_topic_in_the_source_language_only_is_missing_everywhere_else() -> None:
    only_spanish = topic()
    assert only_spanish.translation_status("es") == "source"
    assert {only_spanish.translation_status(code) for code in LANGUAGES[1:]} == {"missing"}


def test_a_full_translation_needs_review_until_checked_against_the_source() -> None:
    english = {"title": "Charging", "summary": "Where to charge", "answer": "Ask at the shelter."}
    translated = topic(
        title={"es": "Cargar el teléfono", "en": english["title"]},
        summary={"es": "Dónde cargar", "en": english["summary"]},
        answer={"es": "Pregunte en el albergue.", "en": english["answer"]},
    )
    assert translated.translation_status("en") == "needs_review"
    checked = translated.model_copy(
        update={"translations": {"en": translated.source_fingerprint()}}
    )
    assert checked.translation_status("en") == "reviewed"
    # A city paragraph added in Spanish only: that part of the translation is missing.
    with_city = checked.model_copy(update={"cities": {"tijuana": Translatable(es="x")}})
    assert with_city.translation_status("en") == "missing"


def test_an_untranslated_answer_is_sent_in_spanish_and_says_so() -> None:
    answers = {a.lang: a for a in answers_from_topic(topic(), SOURCES)}
    english = answers["en"]
    assert english.untranslated and english.text == "Pregunte en el albergue."
    assert not answers["es"].untranslated
    _ = Translator().gettext_for("en")
    sent = with_footer(english.text, english, _)
    # The body is the Spanish answer whole (the assistant says "not in your language yet"
    # in a message of its own before it); the footer stays in the person's language.
    assert sent == "Pregunte en el albergue.\n\nSource: report-en, December 2018."


def test_a_translated_answer_keeps_its_city_paragraph_only_in_its_own_language() -> None:
    translated = topic(
        answer={"es": "Pregunte en el albergue.", "pt": "Pergunte no abrigo."},
        cities={"tijuana": {"es": "En Tijuana, pregunte en la entrada."}},
    )
    answers = {a.lang: a for a in answers_from_topic(translated, SOURCES)}
    # Portuguese answer, no Portuguese paragraph: the Spanish one is not mixed in.
    assert answers["pt"].text_for("tijuana") == "Pergunte no abrigo."
    # Untranslated English: the Spanish answer with its Spanish paragraph.
    assert answers["en"].text_for("tijuana").endswith("En Tijuana, pregunte en la entrada.")


def test_the_library_knows_staff_topics_but_the_menu_keeps_its_ten() -> None:
    library = ContentLibrary(answers_from_topic(topic(), SOURCES))
    assert library.has_topic("phone_charging") and not library.has_topic("shelter")
    assert library.topics() == []
    assert library.get("phone_charging", "ht") is not None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"topic": "greet"}, "conversation intent"),
        ({"topic": "Phone Charging"}, "lower-case"),
        ({"topic": "x"}, "lower-case"),
        ({"answer": {"en": "Only English."}}, "answer.es"),
        ({"answer": {"es": "Pregunte.", "en": "   "}}, "answer.en"),
        ({"title": {"es": "ok", "xx": "no"}}, "title: Value error, xx: not one of"),
    ],
)
def test_a_topic_that_breaks_the_rules_names_why(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        topic(**changes)
    found = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in caught.value.errors()]
    assert any(field in line for line in found), found


def test_review_dates_are_dates() -> None:
    assert topic().review_by == dt.date(2027, 6, 1)
