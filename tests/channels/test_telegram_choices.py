"""Numbered choices on Telegram, end to end: typed numbers, "0", "back", "menu", language names,
two needs in one message, languages Faro does not speak, the command list and deep links.

Every message goes through the real webhook (with the secret) and every reply through the
outbox to the fake Bot API; the expected texts are the core's phrases through the catalogues.
"""

from __future__ import annotations

import itertools
import json
import logging
from typing import Any

import pytest

from bot.channels.telegram import OPTION_CHARS
from bot.core import phrases
from bot.core.content import CITY_NAMES
from bot.core.directory import OTHER_CITY
from bot.core.i18n import language_name
from bot.core.messages import LANGUAGES
from bot.nlp.models import ReloadingParser
from tests.channels.conftest import OpenTelegram, TelegramHarness
from tests.channels.test_telegram import buttons_of, callback_update, message_update, t
from tests.channels.test_whatsapp import answer_text
from tests.core.test_choices import BACK_WORDS
from tests.fakes.telegram_api import FakeTelegramApi

# Messages that are only a language's name, as people type them.
LANGUAGE_NAMES = {
    "espanol": "es",
    "kreyol": "ht",
    "creole": "ht",
    "portugues": "pt",
    "english": "en",
    "francais": "fr",
}
# Two needs in one message, each checked against the live model (parts score 0.83 to 0.99).
TWO_NEEDS: dict[str, tuple[str, frozenset[str]]] = {
    "es": (
        "Hola, quiero saber sobre asilo y también sobre trabajo en Tijuana",
        frozenset({"asylum", "work"}),
    ),
    "en": (
        "I need a place to sleep tonight and I also want to find a job",
        frozenset({"shelter", "work"}),
    ),
    "fr": ("Je cherche un refuge pour dormir et aussi un travail", frozenset({"shelter", "work"})),
    "ht": ("mwen vle mande azil epi mwen bezwen yon doktè", frozenset({"asylum", "health"})),
    "pt": ("quero pedir asilo e meu filho precisa de um médico", frozenset({"asylum", "health"})),
}
# Arabic, Vietnamese, Russian and Chinese: none of Faro's languages.
FOREIGN = (
    "مرحبا، أحتاج مساعدة من فضلكم",
    "xin chào, tôi cần giúp đỡ, tôi có thể ngủ ở đâu",
    "мне нужна помощь, где можно переночевать",
    "我需要帮助，我今晚可以在哪里睡觉",
)
COMMANDS = (
    ("start", phrases.COMMAND_START),
    ("menu", phrases.COMMAND_MENU),
    ("language", phrases.COMMAND_LANGUAGE),
    ("help", phrases.COMMAND_HELP),
    ("delete", phrases.COMMAND_DELETE),
)

_update_ids = itertools.count(70_000)
Keyboard = list[list[dict[str, str]]]


async def say(
    telegram: TelegramHarness, text: str, *, chat_id: int = 5151, language_code: str | None = None
) -> list[dict[str, Any]]:
    """Send `text` from the person in `chat_id`; return the messages Faro sent back."""
    before = len(telegram.api.sent())
    update = message_update(
        next(_update_ids), chat_id=chat_id, language_code=language_code, text=text
    )
    assert (await telegram.post(update)).status_code == 200
    return telegram.api.sent()[before:]


async def press(
    telegram: TelegramHarness, data: str, *, chat_id: int = 5151
) -> list[dict[str, Any]]:
    """Press the inline button carrying `data`; return the messages Faro sent back."""
    before = len(telegram.api.sent())
    assert (
        await telegram.post(callback_update(next(_update_ids), data, chat_id=chat_id))
    ).status_code == 200
    return telegram.api.sent()[before:]


def keyboard(sent: dict[str, Any]) -> Keyboard:
    """The inline keyboard of a sent message, row by row ([] when it has none)."""
    markup = sent.get("reply_markup") or {"inline_keyboard": []}
    return [list(row) for row in markup["inline_keyboard"]]


def menu_keyboard(telegram: TelegramHarness, lang: str) -> Keyboard:
    """The topics in `lang`, one numbered button a row ("1. Asilo · ..." when it fits)."""
    library = telegram.service.content.library()
    rows: Keyboard = []
    for number, topic in enumerate(library.topics()[:10], 1):
        answer = library.get(topic, lang)
        assert answer is not None
        title = f"{number}. {answer.title}"
        label = f"{title} · {answer.summary}"
        text = label if answer.summary and len(label) <= OPTION_CHARS else title
        rows.append([{"text": text, "callback_data": f"topic:{topic}"}])
    return rows


def language_keyboard() -> Keyboard:
    """The five languages by their own names, numbered, one a row."""
    return [
        [{"text": f"{number}. {language_name(lang)}", "callback_data": f"lang:{lang}"}]
        for number, lang in enumerate(LANGUAGES, 1)
    ]


def language_question_text() -> str:
    """'Choose your language.' in each of the five languages, one per line."""
    return "\n".join(t(lang, phrases.CHOOSE_LANGUAGE) for lang in LANGUAGES)


def city_keyboard(telegram: TelegramHarness, topic: str, lang: str) -> Keyboard:
    """Which city? for `topic`: the directory's cities then "another city", numbered."""
    library = telegram.service.content.library()
    cities = [(city, CITY_NAMES[city]) for city in library.service_cities(lang, topic)]
    cities.append((OTHER_CITY, t(lang, phrases.OTHER_CITY)))
    return [
        [{"text": f"{number}. {name}", "callback_data": f"city:{city}:{topic}"}]
        for number, (city, name) in enumerate(cities[:10], 1)
    ]


def answer_buttons(lang: str) -> list[tuple[str, str]]:
    """The ways onward under an ordinary answer: not the question, so not numbered."""
    return [
        (t(lang, phrases.BUTTON_MENU), "menu"),
        (t(lang, phrases.BUTTON_HUMAN), "human"),
        (t(lang, phrases.BUTTON_LANGUAGE), "language"),
    ]


def assert_menu(sent: list[dict[str, Any]], telegram: TelegramHarness, lang: str) -> None:
    """`sent` is exactly the menu: its question and the numbered topics, in `lang`."""
    assert [(m["text"], keyboard(m)) for m in sent] == [
        (t(lang, phrases.MENU), menu_keyboard(telegram, lang))
    ]


def assert_language_set(sent: list[dict[str, Any]], telegram: TelegramHarness, lang: str) -> None:
    """`sent` says the language is now `lang`, then welcomes with the numbered topics in it."""
    assert [(m["text"], keyboard(m)) for m in sent] == [
        (t(lang, phrases.LANGUAGE_SET), []),
        (t(lang, phrases.WELCOME), menu_keyboard(telegram, lang)),
    ]


# -- numbers, "0", "back" and "menu" ---------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
async def test_typed_numbers_open_topics_and_zero_back_or_menu_return_to_the_menu(
    telegram: TelegramHarness, lang: str
) -> None:
    topics = telegram.service.content.library().topics()
    assert topics[0] == "asylum"
    assert_language_set(await press(telegram, f"lang:{lang}"), telegram, lang)
    assert_menu(await say(telegram, "/menu"), telegram, lang)

    # "1": the first topic, as pressing its button would; then the question of the city,
    # which is now the numbered one (the answer's own buttons are not).
    answer, question = await say(telegram, "1")
    assert answer_text(telegram.service, "asylum", lang) in answer["text"]
    assert buttons_of(answer) == answer_buttons(lang)
    assert question["text"] == t(lang, phrases.ASK_CITY_FOR_SERVICES)
    assert keyboard(question) == city_keyboard(telegram, "asylum", lang)
    assert keyboard(question)[0] == [{"text": "1. Tijuana", "callback_data": "city:tijuana:asylum"}]

    assert_menu(await say(telegram, "0"), telegram, lang)  # one step back: the menu

    second = await say(telegram, "2")
    assert answer_text(telegram.service, topics[1], lang) in "\n".join(m["text"] for m in second)
    assert_menu(await say(telegram, BACK_WORDS[lang]), telegram, lang)

    third = await say(telegram, "3")
    assert answer_text(telegram.service, topics[2], lang) in "\n".join(m["text"] for m in third)
    assert_menu(await say(telegram, "menu"), telegram, lang)  # "menu" always shows the menu
    assert_menu(await say(telegram, "Menu!"), telegram, lang)
    assert_menu(await say(telegram, "47"), telegram, lang)  # no such choice: the menu


async def test_a_typed_number_chooses_the_city_and_zero_goes_back_to_the_topic(
    telegram: TelegramHarness,
) -> None:
    await press(telegram, "lang:es")
    await say(telegram, "1")  # asylum, then: which city?
    [listing] = await say(telegram, "1")  # Tijuana, the first city
    assert listing["text"].startswith(t("es", phrases.SERVICES_IN_CITY).format(city="Tijuana"))

    # One step back is the topic, now answered for the city the person chose: the answer,
    # then the listing with the answer's buttons, which are the numbered question now.
    answer, listed = await say(telegram, "0")
    assert answer_text(telegram.service, "asylum", "es") in answer["text"]
    assert listed["text"].startswith(t("es", phrases.SERVICES_IN_CITY).format(city="Tijuana"))
    assert buttons_of(listed) == [
        (f"{n}. {title}", data) for n, (title, data) in enumerate(answer_buttons("es"), 1)
    ]
    assert_menu(await say(telegram, "1"), telegram, "es")


async def test_a_number_after_a_listing_without_choices_is_not_an_emergency(
    open_telegram: OpenTelegram, model_parser: ReloadingParser
) -> None:
    async with open_telegram(model_parser) as telegram:
        await press(telegram, "lang:es")
        await say(telegram, "1")  # asylum, then: which city?
        await say(telegram, "1")  # Tijuana: its services, then the ways onward, numbered
        after = await say(telegram, "7")  # no such choice: the menu, never an emergency
        assert not any(data.startswith("urgent:") for m in after for _, data in buttons_of(m))
        assert_menu(after, telegram, "es")


# -- the language ------------------------------------------------------------------------------


async def test_at_the_language_prompt_its_number_or_its_name_sets_the_language(
    telegram: TelegramHarness, subtests: pytest.Subtests
) -> None:
    for chat_id, lang in enumerate(LANGUAGES, 601):
        number = str(LANGUAGES.index(lang) + 1)
        # The number, or the name the button shows ("Kreyòl Ayisyen", "Français").
        for typed, person in ((number, chat_id), (language_name(lang), chat_id + 50)):
            with subtests.test(lang=lang, typed=typed):
                [question] = await say(telegram, "/language", chat_id=person)
                assert question["text"] == language_question_text()
                assert keyboard(question) == language_keyboard()

                assert_language_set(await say(telegram, typed, chat_id=person), telegram, lang)
                # It stays: the next number is answered in the language chosen.
                answer, _ = await say(telegram, "1", chat_id=person)
                assert answer_text(telegram.service, "asylum", lang) in answer["text"]


async def test_a_message_that_is_only_a_language_name_sets_it_at_any_time(
    telegram: TelegramHarness, subtests: pytest.Subtests
) -> None:
    for chat_id, (typed, lang) in enumerate(sorted(LANGUAGE_NAMES.items()), 701):
        with subtests.test(typed=typed):
            before = "en" if lang == "es" else "es"
            await press(telegram, f"lang:{before}", chat_id=chat_id)
            # In the middle of things: an answer, then a numbered city question.
            answer, _ = await say(telegram, "1", chat_id=chat_id)
            assert answer_text(telegram.service, "asylum", before) in answer["text"]

            assert_language_set(await say(telegram, typed, chat_id=chat_id), telegram, lang)
            answer, _ = await say(telegram, "1", chat_id=chat_id)
            assert answer_text(telegram.service, "asylum", lang) in answer["text"]


# -- the real model: two needs, and languages Faro does not speak -------------------------------


async def test_two_needs_get_one_answer_and_the_other_as_a_button(
    open_telegram: OpenTelegram, model_parser: ReloadingParser, subtests: pytest.Subtests
) -> None:
    async with open_telegram(model_parser) as telegram:
        library = telegram.service.content.library()
        for chat_id, lang in enumerate(LANGUAGES, 751):
            text, needs = TWO_NEEDS[lang]
            with subtests.test(lang=lang):
                await press(telegram, f"lang:{lang}", chat_id=chat_id)
                sent = await say(telegram, text, chat_id=chat_id)

                also = [m for m in sent if m["text"] == t(lang, phrases.ALSO_ASKED)]
                assert len(also) == 1, [m["text"][:50] for m in sent]
                assert sent.index(also[0]) > 0  # after the answer
                answered = {
                    need
                    for need in needs
                    if answer_text(telegram.service, need, lang) in sent[0]["text"]
                }
                offered = {data.removeprefix("topic:") for _, data in buttons_of(also[0])}
                assert len(answered) == 1, (answered, [m["text"][:50] for m in sent])
                assert needs <= answered | offered
                [other] = needs - answered
                # The other need's button: its topic and title, numbered when it is the
                # turn's question (no city question, a list, came in the same turn).
                answer = library.get(other, lang)
                assert answer is not None
                asked_city = any(
                    b["callback_data"].startswith("city:")
                    for m in sent
                    for row in keyboard(m)
                    for b in row
                )
                ids = [data for _, data in buttons_of(also[0])]
                number = ids.index(f"topic:{other}") + 1
                shown = answer.title if asked_city else f"{number}. {answer.title}"
                assert (shown, f"topic:{other}") in buttons_of(also[0])

                follow = await press(telegram, f"topic:{other}", chat_id=chat_id)
                assert answer_text(telegram.service, other, lang) in follow[0]["text"]


async def test_a_language_faro_does_not_speak_gets_the_language_choice(
    open_telegram: OpenTelegram, model_parser: ReloadingParser
) -> None:
    async with open_telegram(model_parser) as telegram:
        for chat_id, text in enumerate(FOREIGN, 801):
            sent = await say(telegram, text, chat_id=chat_id)
            assert [(m["text"], keyboard(m)) for m in sent] == [
                (language_question_text(), language_keyboard())
            ], text
        # The choice is numbered like any other: "2" is English.
        assert_language_set(await say(telegram, "2", chat_id=801), telegram, "en")


# -- commands and deep links -------------------------------------------------------------------


def commands_of(params: dict[str, Any]) -> list[dict[str, str]]:
    """The commands of a setMyCommands call (PTB sends them JSON-encoded in a form field)."""
    commands = params["commands"]
    return list(json.loads(commands) if isinstance(commands, str) else commands)


async def test_the_command_list_is_published_in_every_language(telegram: TelegramHarness) -> None:
    calls = telegram.api.calls_to("setMyCommands")

    # The default list (Spanish) for every app language Faro lacks, then one per language.
    assert [call.params.get("language_code") for call in calls] == [None, *LANGUAGES]
    assert all(call.status == 200 for call in calls)
    for call, lang in zip(calls, [LANGUAGES[0], *LANGUAGES], strict=True):
        assert commands_of(call.params) == [
            {"command": name, "description": t(lang, description)} for name, description in COMMANDS
        ], lang
    assert LANGUAGES[0] == "es"
    # Really translated, not the English msgids five times.
    assert len({t(lang, phrases.COMMAND_LANGUAGE) for lang in LANGUAGES}) == len(LANGUAGES)


async def test_a_refused_command_list_does_not_stop_the_replies(
    open_telegram: OpenTelegram, telegram_api: FakeTelegramApi, caplog: pytest.LogCaptureFixture
) -> None:
    # A translated description Telegram refuses (too long, say) must not cost any reply.
    telegram_api.fail("setMyCommands", 400, description="Bad Request: BOT_COMMAND_INVALID")
    caplog.set_level(logging.WARNING, logger="bot.channels.telegram")

    async with open_telegram() as telegram:
        assert [call.status for call in telegram.api.calls_to("setMyCommands")] == [400]
        assert "Telegram command list not set (BadRequest)" in caplog.text
        [welcome] = await say(telegram, "/start", language_code="fr")
        assert (welcome["text"], keyboard(welcome)) == (
            t("fr", phrases.WELCOME),
            menu_keyboard(telegram, "fr"),
        )
        answer, _ = await say(telegram, "1")
        assert answer_text(telegram.service, "asylum", "fr") in answer["text"]


async def test_start_return_starts_the_return_registration(
    telegram: TelegramHarness, subtests: pytest.Subtests
) -> None:
    days = telegram.service.settings.retention_days
    for chat_id, lang in enumerate(LANGUAGES, 901):
        with subtests.test(lang=lang):
            [consent] = await say(telegram, "/start return", chat_id=chat_id, language_code=lang)
            assert consent["text"] == t(lang, phrases.INTAKE_CONSENT).format(days=days)
            assert buttons_of(consent) == [
                (f"1. {t(lang, phrases.BUTTON_AGREE)}", "intake:yes"),
                (f"2. {t(lang, phrases.BUTTON_DECLINE)}", "intake:no"),
            ]
            # "1" is the consent's first button: the registration goes on, in that language.
            after = await say(telegram, "1", chat_id=chat_id)
            assert after[-1]["text"] == t(lang, phrases.ASK_NAME)


async def test_start_lang_sets_the_language_and_welcomes_in_it(
    telegram: TelegramHarness, subtests: pytest.Subtests
) -> None:
    assert t("ht", phrases.WELCOME) != t("es", phrases.WELCOME)
    for chat_id, lang in enumerate(LANGUAGES, 951):
        with subtests.test(lang=lang):
            app_language = "en" if lang != "en" else "es"  # the link wins over the app's
            [welcome] = await say(
                telegram, f"/start lang_{lang}", chat_id=chat_id, language_code=app_language
            )
            assert (welcome["text"], keyboard(welcome)) == (
                t(lang, phrases.WELCOME),
                menu_keyboard(telegram, lang),
            )
            answer, _ = await say(telegram, "1", chat_id=chat_id)
            assert answer_text(telegram.service, "asylum", lang) in answer["text"]


async def test_a_new_person_is_welcomed_in_the_apps_language_or_asked_for_one(
    telegram: TelegramHarness, subtests: pytest.Subtests
) -> None:
    app_languages = {"fr": "fr", "pt-BR": "pt", "ht": "ht", "ar": None, "ru": None, "": None}
    for chat_id, (language_code, lang) in enumerate(app_languages.items(), 981):
        with subtests.test(language_code=language_code):
            [first] = await say(
                telegram, "/start", chat_id=chat_id, language_code=language_code or None
            )
            if lang is not None:  # no language question: the welcome, in the app's language
                assert (first["text"], keyboard(first)) == (
                    t(lang, phrases.WELCOME),
                    menu_keyboard(telegram, lang),
                )
            else:
                assert (first["text"], keyboard(first)) == (
                    language_question_text(),
                    language_keyboard(),
                )
                assert_language_set(await say(telegram, "kreyòl", chat_id=chat_id), telegram, "ht")
