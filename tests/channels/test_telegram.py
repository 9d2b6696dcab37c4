"""The Telegram channel: the real PTB Application in the real app, against a fake Bot API."""

from __future__ import annotations

import asyncio
import copy
import datetime as dt
import json
import logging
import os
import re
import signal
import socket
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from telegram import InlineKeyboardButton, Update
from telegram.error import RetryAfter

from bot import PROJECT_ROOT
from bot.channels.telegram import (
    command_name,
    fit_text,
    render,
    retry_after_seconds,
    to_incoming,
)
from bot.core.i18n import Translator, language_name
from bot.core.messages import LANGUAGES, Button, Kind, Option, Reply
from bot.nlp.models import ReloadingParser
from bot.nlp.rasa import RasaHttpParser
from bot.pipeline.outbox import send_to_person
from bot.storage.models import HandoffRequest
from bot.web.app import create_app
from tests.channels.conftest import (
    TELEGRAM_SECRET,
    TELEGRAM_TOKEN,
    OpenTelegram,
    TelegramHarness,
    outbox_rows,
    wait_for,
)
from tests.conftest import ServiceFactory
from tests.fakes.nlu import DownParser
from tests.fakes.telegram_api import FakeTelegramApi

# Constructing a RetryAfter reads its own deprecated int attribute inside PTB (v22.2+);
# the channel handles both the int and the timedelta form.
pytestmark = pytest.mark.filterwarnings(
    "ignore:.*retry_after.*:telegram.warnings.PTBDeprecationWarning"
)

# The shared samples (/work/shared/samples), copied so the tests stand on their own;
# test_embedded_samples_match_the_shared_ones keeps the copies honest.
SHARED_SAMPLES = PROJECT_ROOT.parent / "shared" / "samples"
SAMPLES: dict[str, dict[str, Any]] = {
    "tg_text.json": {
        "update_id": 10000,
        "message": {
            "date": 1441645532,
            "chat": {
                "last_name": "Test Lastname",
                "id": 1111111,
                "type": "private",
                "first_name": "Test Firstname",
                "username": "Testusername",
            },
            "message_id": 1365,
            "from": {
                "last_name": "Test Lastname",
                "id": 1111111,
                "first_name": "Test Firstname",
                "username": "Testusername",
                "is_bot": False,
            },
            "text": "/start",
        },
    },
    "tg_edited_message.json": {
        "update_id": 10000,
        "edited_message": {
            "date": 1441645532,
            "chat": {
                "last_name": "Test Lastname",
                "type": "private",
                "id": 1111111,
                "first_name": "Test Firstname",
                "username": "Testusername",
            },
            "message_id": 1365,
            "from": {
                "last_name": "Test Lastname",
                "id": 1111111,
                "first_name": "Test Firstname",
                "username": "Testusername",
                "is_bot": False,
            },
            "text": "Edited text",
            "edit_date": 1441646600,
        },
    },
    "tg_voice.json": {
        "update_id": 10000,
        "message": {
            "date": 1441645532,
            "chat": {
                "last_name": "Test Lastname",
                "type": "private",
                "id": 1111111,
                "first_name": "Test Firstname",
                "username": "Testusername",
            },
            "message_id": 1365,
            "from": {
                "last_name": "Test Lastname",
                "id": 1111111,
                "first_name": "Test Firstname",
                "username": "Testusername",
                "is_bot": False,
            },
            "voice": {
                "file_id": "AwADBAADbXXXXXXXXXXXGBdhD2l6_XX",
                "duration": 5,
                "mime_type": "audio/ogg",
                "file_size": 23000,
                "file_unique_id": "AgADbXXXXXXXXXXX",
            },
        },
    },
    "tg_callback_with_message.json": {
        "update_id": 123456789,
        "callback_query": {
            "id": "callback_query_id",
            "from": {"id": 987654321, "first_name": "John", "username": "johndoe", "is_bot": False},
            "message": {
                "message_id": 456,
                "from": {
                    "id": 111111111,
                    "first_name": "Bot",
                    "username": "mybot",
                    "is_bot": False,
                },
                "chat": {"id": 987654321, "type": "private"},
                "date": 1234567890,
                "text": "Select a bot:",
            },
            "chat_instance": "chat_instance_id",
            "data": "select_bot:123456789",
        },
    },
}

# The core's fixed strings (msgids); compared through the catalogues, so the tests hold
# whether or not a language has its translations yet.
VOICE = (
    "I cannot listen to voice messages. Please write your question in a few words, "
    "or choose a topic."
)
MEDIA = (
    "I can only read text and shared locations. I cannot open photos, stickers or files. "
    "Please write your question, or choose a topic."
)
NO_WORDS = "I did not receive any words. Please write your question, or choose a topic."
TOO_LONG = (
    "Your message is very long. Please send a short question, for example: where can I sleep?"
)
SYMBOLS = "I only see symbols. Please write your question in words, or choose a topic."
NLU_DOWN = "Sorry, I cannot read messages right now. Please choose a topic from the list."
CHOOSE_TOPIC = "What do you need? Choose a topic."

CHAT = 424242
STICKER = {
    "file_id": "CAACAgIAAxkBAAE",
    "file_unique_id": "AgADsticker",
    "type": "regular",
    "width": 512,
    "height": 512,
    "is_animated": False,
    "is_video": False,
}
PHOTO = [{"file_id": "AgACAgIAAxkBAAE", "file_unique_id": "AQADphoto", "width": 90, "height": 90}]
DOCUMENT = {"file_id": "BQACAgIAAxkBAAE", "file_unique_id": "AgADdoc", "file_name": "a.pdf"}
LOCATION = {"latitude": 32.5149, "longitude": -117.0382}

_ = Translator()


def t(lang: str, msgid: str) -> str:
    """A core string as the person reads it in `lang`."""
    return _.gettext_for(lang)(msgid)


def sample(name: str) -> dict[str, Any]:
    """A sample update, completed to today's Bot API where a copy lacks a required field."""
    data = copy.deepcopy(SAMPLES[name])

    def complete(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("from"), dict):
                node["from"].setdefault("is_bot", False)
            if "file_id" in node:
                node.setdefault("file_unique_id", f"unique-{node['file_id'][:8]}")
            for value in node.values():
                complete(value)
        elif isinstance(node, list):
            for value in node:
                complete(value)

    complete(data)
    return data


def person(chat_id: int = CHAT, language_code: str | None = None) -> dict[str, Any]:
    """A Telegram user who writes from a private chat."""
    user: dict[str, Any] = {"id": chat_id, "is_bot": False, "first_name": "Ana"}
    if language_code:
        user["language_code"] = language_code
    return user


def message_update(
    update_id: int,
    *,
    chat_id: int = CHAT,
    chat_type: str = "private",
    language_code: str | None = None,
    **content: Any,
) -> dict[str, Any]:
    """An Update carrying one new message with `content` (text=..., sticker=..., ...)."""
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id + 7,
            "date": 1_700_000_000,
            "chat": {"id": chat_id, "type": chat_type},
            "from": person(chat_id, language_code),
            **content,
        },
    }


def callback_update(update_id: int, data: str, *, chat_id: int = CHAT) -> dict[str, Any]:
    """An Update for a press on an inline button under one of the bot's messages."""
    return {
        "update_id": update_id,
        "callback_query": {
            "id": f"cq-{update_id}",
            "from": person(chat_id),
            "chat_instance": "-1234567",
            "data": data,
            "message": {
                "message_id": 99,
                "date": 1_700_000_000,
                "chat": {"id": chat_id, "type": "private"},
                "from": {"id": 7000000001, "is_bot": True, "first_name": "Faro"},
                "text": "earlier",
            },
        },
    }


def buttons_of(params: dict[str, Any]) -> list[tuple[str, str]]:
    """(title, callback data) of every inline button of a sendMessage, in order."""
    markup = params.get("reply_markup") or {"inline_keyboard": []}
    return [(b["text"], b["callback_data"]) for row in markup["inline_keyboard"] for b in row]


def menu_buttons(lang: str) -> list[tuple[str, str]]:
    """The Menu and Language buttons under a friendly reply, numbered as the question's."""
    return [(f"1. {t(lang, 'Menu')}", "menu"), (f"2. {t(lang, 'Language')}", "language")]


# -- the samples -----------------------------------------------------------------------------


async def test_start_sample_asks_for_the_language(telegram: TelegramHarness) -> None:
    response = await telegram.post(sample("tg_text.json"))

    assert response.status_code == 200
    [sent] = telegram.api.sent()
    assert sent["chat_id"] == "1111111"
    assert sent["text"] == "\n".join(t(lang, "Choose your language.") for lang in LANGUAGES)
    assert sent["reply_markup"] == {
        "inline_keyboard": [
            # Numbered: typing "4" chooses Kreyòl as pressing it does.
            [{"text": f"{n}. {language_name(lang)}", "callback_data": f"lang:{lang}"}]
            for n, lang in enumerate(LANGUAGES, 1)
        ]
    }
    assert "parse_mode" not in sent
    assert sent["link_preview_options"] == {"is_disabled": True}
    assert telegram.processed() == ["10000"]


async def test_voice_sample_gets_the_voice_reply(telegram: TelegramHarness) -> None:
    response = await telegram.post(sample("tg_voice.json"))

    assert response.status_code == 200
    [sent] = telegram.api.sent()
    assert sent["text"] == t("es", VOICE)
    assert buttons_of(sent) == menu_buttons("es")


async def test_callback_sample_is_answered_and_replied_to(telegram: TelegramHarness) -> None:
    response = await telegram.post(sample("tg_callback_with_message.json"))

    assert response.status_code == 200
    [answer] = telegram.api.calls_to("answerCallbackQuery")
    assert answer.params["callback_query_id"] == "callback_query_id"
    [sent] = telegram.api.sent()
    assert sent["chat_id"] == "987654321"
    assert sent["text"] == t("es", CHOOSE_TOPIC)  # an unknown button shows the menu
    assert all(data.startswith("topic:") for _, data in buttons_of(sent))
    assert telegram.api.calls.index(answer) < telegram.api.calls.index(
        telegram.api.calls_to("sendMessage")[0]
    )


async def test_edited_message_sample_is_a_new_text(telegram: TelegramHarness) -> None:
    response = await telegram.post(sample("tg_edited_message.json"))

    assert response.status_code == 200
    [sent] = telegram.api.sent()
    assert sent["chat_id"] == "1111111"
    assert sent["text"]
    assert telegram.processed() == ["10000"]


async def test_sample_missing_required_fields_is_a_bad_request(telegram: TelegramHarness) -> None:
    broken = copy.deepcopy(SAMPLES["tg_voice.json"])
    del broken["message"]["from"]["is_bot"]
    del broken["message"]["voice"]["file_unique_id"]
    response = await telegram.post(broken)

    assert response.status_code == 400
    assert telegram.processed() == []
    assert telegram.api.sent() == []


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_embedded_samples_match_the_shared_ones(name: str) -> None:
    shared = SHARED_SAMPLES / name
    if not shared.exists():
        pytest.skip("the shared samples are not on this machine")
    assert json.loads(shared.read_text(encoding="utf-8")) == SAMPLES[name]


# -- text, language, commands, buttons -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "title"),
    [
        ("donde puedo dormir esta noche", "es", "Albergues"),
        ("où puis-je dormir ce soir", "fr", "Refuges"),
    ],
)
async def test_text_gets_the_answer_in_the_persons_language(
    telegram: TelegramHarness, text: str, lang: str, title: str
) -> None:
    response = await telegram.post(message_update(1, text=text, language_code="en"))

    assert response.status_code == 200
    sent, question = telegram.api.sent()
    # No city named: the answer is followed by the question, with the directory's cities.
    assert question["text"] == t(lang, "Which city are you in? I can tell you where to go there.")
    assert ("1. Tijuana", "city:tijuana:shelter") in buttons_of(question)
    answer = telegram.service.content.library().get("shelter", lang)
    assert answer is not None and answer.title == title
    assert sent["chat_id"] == str(CHAT)
    assert sent["text"].startswith(answer.text.strip())
    assert buttons_of(sent) == [
        (t(lang, "Menu"), "menu"),
        (t(lang, "Talk to a person"), "human"),
        (t(lang, "Language"), "language"),
    ]


async def test_language_button_then_topic_button(telegram: TelegramHarness) -> None:
    await telegram.post(message_update(1, text="/start"))
    response = await telegram.post(callback_update(2, "lang:pt"))
    assert response.status_code == 200
    await telegram.post(callback_update(3, "topic:shelter"))

    texts = [sent["text"] for sent in telegram.api.sent()]
    answer = telegram.service.content.library().get("shelter", "pt")
    assert answer is not None
    assert texts[1] == t("pt", "Okay, I will write to you in English.")
    assert texts[-2].startswith(answer.text.strip())  # then: which city?
    assert [
        c.params["callback_query_id"] for c in telegram.api.calls_to("answerCallbackQuery")
    ] == [
        "cq-2",
        "cq-3",
    ]


@pytest.mark.parametrize("text", ["/menu@faro_test_bot", "/MENU", "/unknown"])
async def test_commands_show_the_menu(telegram: TelegramHarness, text: str) -> None:
    await telegram.post(message_update(5, text=text, language_code="es"))

    [sent] = telegram.api.sent()
    assert sent["text"] == t("es", CHOOSE_TOPIC)
    assert all(data.startswith("topic:") for _, data in buttons_of(sent))


async def test_language_command_asks_for_the_language(telegram: TelegramHarness) -> None:
    await telegram.post(message_update(6, text="/language"))

    [sent] = telegram.api.sent()
    assert [data for _, data in buttons_of(sent)] == [f"lang:{lang}" for lang in LANGUAGES]


async def test_old_callback_still_gets_a_reply(telegram: TelegramHarness) -> None:
    telegram.api.fail("answerCallbackQuery", 400)

    response = await telegram.post(callback_update(7, "topic:health"))

    assert response.status_code == 200
    assert len(telegram.api.calls_to("answerCallbackQuery")) == 1
    assert len(telegram.api.sent()) == 1


async def test_inline_mode_callback_is_answered_and_nothing_sent(
    telegram: TelegramHarness,
) -> None:
    update = callback_update(8, "menu")
    del update["callback_query"]["message"]
    update["callback_query"]["inline_message_id"] = "inline-1"

    response = await telegram.post(update)

    assert response.status_code == 200
    assert len(telegram.api.calls_to("answerCallbackQuery")) == 1
    assert telegram.api.sent() == []


# -- odd input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", NO_WORDS),
        ("🙂👍🏽🇲🇽", SYMBOLS),
        ("donde dormir " * 400, TOO_LONG),  # 5,200 characters
        ("\u200f\u200d\u200e", NO_WORDS),  # only RTL marks and a zero-width joiner
        ("👨\u200d👩\u200d👧\u200d👦 ‏؟", SYMBOLS),  # a ZWJ family, an RTL mark, Arabic "?"
        ("\u202eodnum\u202c hola \u0301\u0301", None),  # RTL override and stray accents
    ],
)
async def test_odd_text_gets_a_friendly_reply(
    telegram: TelegramHarness, text: str, expected: str | None
) -> None:
    response = await telegram.post(message_update(9, text=text))

    assert response.status_code == 200
    sent = telegram.api.sent()
    assert sent, "never silent"
    for params in sent:
        assert 0 < len(params["text"]) <= 4096
        assert params["reply_markup"]["inline_keyboard"]
    if expected is not None:
        assert sent[0]["text"] == t("es", expected)
        assert buttons_of(sent[0]) == menu_buttons("es")


@pytest.mark.parametrize(
    "content",
    [
        {"sticker": STICKER},
        {"photo": PHOTO, "caption": "mira"},
        {"document": DOCUMENT},
    ],
    ids=["sticker", "photo", "document"],
)
async def test_media_gets_the_media_reply(
    telegram: TelegramHarness, content: dict[str, Any]
) -> None:
    response = await telegram.post(message_update(10, language_code="fr", **content))

    assert response.status_code == 200
    [sent] = telegram.api.sent()
    # With no words to judge, the phone's UI language decides.
    assert sent["text"] == t("fr", MEDIA)
    assert buttons_of(sent) == menu_buttons("fr")


async def test_a_shared_location_lists_the_nearest_services(telegram: TelegramHarness) -> None:
    near_tapachula = {"latitude": 14.9123, "longitude": -92.2661}
    response = await telegram.post(message_update(10, language_code="en", location=near_tapachula))

    assert response.status_code == 200
    listing, menu = telegram.api.sent()
    assert listing["text"].startswith(t("en", "Nearest to you:"))
    assert "Albergue El Buen Pastor" in listing["text"]
    assert "Tapachula, about 2 km away" in listing["text"]
    # Then Tecún Umán, across the river in Guatemala.
    assert "Casa del Migrante" in listing["text"] and "Tecún Umán, about 30 km" in listing["text"]
    assert menu["reply_markup"]["inline_keyboard"]


async def test_private_message_of_an_unknown_kind_gets_a_friendly_reply(
    telegram: TelegramHarness,
) -> None:
    response = await telegram.post(message_update(11, some_future_field={"x": 1}))

    assert response.status_code == 200
    [sent] = telegram.api.sent()
    assert sent["text"] == t("es", MEDIA)


@pytest.mark.parametrize(
    "update",
    [
        {
            "update_id": 12,
            "my_chat_member": {
                "chat": {"id": CHAT, "type": "private"},
                "from": person(),
                "date": 1_700_000_000,
                "old_chat_member": {"status": "member", "user": person(7000000001)},
                "new_chat_member": {
                    "status": "kicked",
                    "user": person(7000000001),
                    "until_date": 0,
                },
            },
        },
        {
            "update_id": 12,
            "channel_post": {
                "message_id": 3,
                "date": 1_700_000_000,
                "chat": {"id": -100123, "type": "channel", "title": "news"},
                "text": "hola",
            },
        },
        {
            "update_id": 12,
            "poll": {
                "id": "p1",
                "question": "?",
                "persistent_id": "p1",
                "options": [{"text": "a", "voter_count": 0}],
                "total_voter_count": 0,
                "is_closed": False,
                "is_anonymous": True,
                "type": "regular",
                "allows_multiple_answers": False,
            },
        },
        {"update_id": 12, "some_update_type_from_the_future": {"a": 1}},
        {"update_id": 12, "poll": {"id": "p2"}},  # a shape this PTB cannot read
        message_update(12, chat_id=-100555, chat_type="supergroup", text="donde dormir"),
        {
            "update_id": 12,
            "edited_message": message_update(12, location=LOCATION)["message"]
            | {"edit_date": 1_700_000_060},
        },
    ],
    ids=[
        "my_chat_member",
        "channel_post",
        "poll",
        "future",
        "unreadable-poll",
        "group",
        "live_location",
    ],
)
async def test_other_updates_are_acknowledged_and_ignored(
    telegram: TelegramHarness, update: dict[str, Any]
) -> None:
    response = await telegram.post(update)

    assert response.status_code == 200
    assert telegram.api.sent() == []
    assert telegram.processed() == []


# -- the webhook's gate ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "secret", [None, "", "wrong", TELEGRAM_SECRET[:-1], TELEGRAM_SECRET + "x", "sécret"]
)
async def test_wrong_or_missing_secret_is_forbidden(
    telegram: TelegramHarness, secret: str | None
) -> None:
    response = await telegram.post(sample("tg_text.json"), secret=secret)

    assert response.status_code == 403
    assert telegram.processed() == []
    assert telegram.api.sent() == []


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"",
        b"\xff\xfe\x00garbage",
        b"[1, 2]",
        b'"update"',
        b"null",
        b"{}",
        b'{"update_id": "5", "message": {}}',
        b'{"update_id": true}',
        b'{"update_id": 5, "message": 7}',
        b"[" * 100_000,
    ],
    ids=[
        "broken",
        "empty",
        "not-utf8",
        "list",
        "string",
        "null",
        "no-id",
        "string-id",
        "bool-id",
        "bad-message",
        "deep",
    ],
)
async def test_malformed_bodies_are_bad_requests(telegram: TelegramHarness, body: bytes) -> None:
    response = await telegram.post(body)

    assert response.status_code == 400
    assert telegram.processed() == []
    assert telegram.api.sent() == []


async def test_channel_off_has_no_webhook(make_service: ServiceFactory) -> None:
    import httpx

    app = create_app(make_service())
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client,
    ):
        response = await client.post(
            "/webhooks/telegram",
            json=sample("tg_text.json"),
            headers={"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET},
        )

    assert response.status_code == 404


# -- once, and only once ---------------------------------------------------------------------


async def test_duplicate_update_is_answered_once(telegram: TelegramHarness) -> None:
    update = message_update(13, text="necesito un doctor")

    first = await telegram.post(update)
    second = await telegram.post(copy.deepcopy(update))

    assert (first.status_code, second.status_code) == (200, 200)
    assert len(telegram.api.sent()) == 1
    assert telegram.processed() == ["13"]


async def test_rate_limit_waits_retry_after_then_delivers_once(
    telegram: TelegramHarness,
) -> None:
    telegram.api.fail("sendMessage", 429, retry_after=1)

    response = await telegram.post(message_update(14, text="/help"))

    assert response.status_code == 200
    limited, delivered = telegram.api.calls_to("sendMessage")
    assert (limited.status, delivered.status) == (429, 200)
    assert delivered.at - limited.at >= 0.95
    assert len(telegram.api.sent()) == 1


async def test_a_long_rate_limit_keeps_the_message_for_later(telegram: TelegramHarness) -> None:
    telegram.api.fail("sendMessage", 429, retry_after=3600)

    started = time.monotonic()
    response = await telegram.post(message_update(15, text="/help"), wait=False)

    # The webhook answers at once: the message is stored, and the reply waits its turn.
    assert response.status_code == 200
    assert time.monotonic() - started < 1
    assert telegram.processed() == ["15"]
    await wait_for(lambda: outbox_rows(telegram.service) == [("pending", "rate_limited")])
    assert telegram.api.sent() == []


async def test_server_errors_are_retried_with_backoff(telegram: TelegramHarness) -> None:
    telegram.api.fail("sendMessage", 500)
    telegram.api.fail("sendMessage", 502)

    response = await telegram.post(message_update(16, text="/help"))

    assert response.status_code == 200
    calls = telegram.api.calls_to("sendMessage")
    assert [c.status for c in calls] == [500, 502, 200]
    # Backoff grows between attempts (FAST_RETRIES: 10 ms, then 20 ms, plus jitter).
    assert calls[1].at - calls[0].at >= 0.01
    assert calls[2].at - calls[1].at >= 0.02
    assert len(telegram.api.sent()) == 1


async def test_timeout_is_retried(open_telegram: OpenTelegram) -> None:
    async with open_telegram(FARO_OUTBOUND_TIMEOUT=0.5) as telegram:
        telegram.api.hang("sendMessage", 3.0)

        started = time.monotonic()
        response = await telegram.post(message_update(17, text="/help"))

        assert response.status_code == 200
        assert time.monotonic() - started < 2.5
        assert len(telegram.api.calls_to("sendMessage")) == 2
        assert len(telegram.api.sent()) == 1


async def test_an_outage_longer_than_the_retries_is_delivered_when_the_api_is_back(
    telegram: TelegramHarness,
) -> None:
    # More failures than one lease's retries: the message goes back to the outbox and a
    # later lease delivers it, once.
    telegram.api.fail("sendMessage", 500, times=12)
    update = message_update(18, text="necesito un doctor")

    response = await telegram.post(update)
    redelivered = await telegram.post(update)

    assert (response.status_code, redelivered.status_code) == (200, 200)
    assert telegram.processed() == ["18"]
    assert len(telegram.api.sent()) == 1
    assert outbox_rows(telegram.service) == [("sent", None)]


async def test_a_message_that_keeps_failing_is_given_up_and_recorded(
    telegram: TelegramHarness,
) -> None:
    telegram.api.fail("sendMessage", 502, times=10_000)

    response = await telegram.post(message_update(28, text="/help"), wait=False)

    assert response.status_code == 200
    # FAST_RETRIES gives up after 3 s; the failure is recorded by its code, not dropped.
    await wait_for(
        lambda: [status for status, _ in outbox_rows(telegram.service)] == ["failed"], seconds=10
    )
    [(_, error)] = outbox_rows(telegram.service)
    assert error is not None and error.startswith("gave_up:")
    assert telegram.api.sent() == []


async def test_blocked_by_the_person_is_done_without_retry(telegram: TelegramHarness) -> None:
    telegram.api.fail("sendMessage", 403)
    update = message_update(19, text="/help")

    response = await telegram.post(update)
    again = await telegram.post(update)

    assert (response.status_code, again.status_code) == (200, 200)
    assert [c.status for c in telegram.api.calls_to("sendMessage")] == [403]
    assert telegram.processed() == ["19"]


async def test_bad_request_is_dropped_without_retry(telegram: TelegramHarness) -> None:
    telegram.api.fail("sendMessage", 400, description="Bad Request: chat not found")

    response = await telegram.post(message_update(25, text="/help"))

    assert response.status_code == 200
    assert len(telegram.api.calls_to("sendMessage")) == 1
    assert telegram.processed() == ["25"]


class BrokenParser:
    """A parser with a bug: it raises something the core does not expect."""

    def parse(self, text: str) -> Any:
        """Fail with the text in the message, as careless code would."""
        raise ValueError(f"cannot parse {text!r}")


async def test_a_failure_in_the_core_still_answers_and_logs_no_text(
    open_telegram: OpenTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    async with open_telegram(BrokenParser()) as telegram:
        response = await telegram.post(message_update(26, text="mi nombre es Ana Pérez"))

        assert response.status_code == 200
        assert telegram.processed() == ["26"]
        [sent] = telegram.api.sent()  # never silent: the menu, in the person's language
        assert sent["text"] == t("es", NLU_DOWN)
    errors = [r for r in caplog.records if r.name == "bot.pipeline.turns"]
    assert any("ValueError" in r.getMessage() for r in errors)
    assert all("Ana" not in r.getMessage() for r in caplog.records)


async def test_api_down_at_start_does_not_stop_the_app(
    open_telegram: OpenTelegram, telegram_api: FakeTelegramApi
) -> None:
    telegram_api.fail("getMe", 502, times=2)

    async with open_telegram() as telegram:
        response = await telegram.post(message_update(27, text="/help"))

        assert response.status_code == 200
        assert telegram.processed() == ["27"]
        assert len(telegram.api.sent()) == 1


async def test_logs_carry_no_personal_data(
    open_telegram: OpenTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="bot")
    caplog.set_level(logging.INFO)
    secret_text = "me llamo Ana Pérez, mi pasaporte es X123"
    chat_id = 987123654
    async with open_telegram(FARO_OUTBOUND_RETRIES=1) as telegram:
        telegram.api.fail("sendMessage", 500, times=2)
        await telegram.post(message_update(20, chat_id=chat_id, text=secret_text))
        telegram.api.fail("sendMessage", 429, retry_after=1)
        await telegram.post(message_update(21, chat_id=chat_id, text=secret_text))
        telegram.api.fail("sendMessage", 403)
        await telegram.post(message_update(22, chat_id=chat_id, text=secret_text))
        await telegram.post(sample("tg_voice.json"), secret="wrong")

    # cli.py keeps httpx's request lines (URLs hold the token) out of the log.
    records = [r for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]
    assert any(r.name == "bot.channels.telegram" for r in records)
    for record in records:
        line = record.getMessage() + (record.exc_text or "")
        for private in (str(chat_id), "Ana", "pasaporte", TELEGRAM_TOKEN, TELEGRAM_SECRET):
            assert private not in line, f"{record.name} logged personal data: {line!r}"


# -- NLU ----------------------------------------------------------------------------------------


async def test_nlu_down_still_gives_the_menu_in_the_persons_language(
    open_telegram: OpenTelegram,
) -> None:
    parser = DownParser()
    async with open_telegram(parser) as telegram:
        async with asyncio.timeout(10):
            response = await telegram.post(message_update(23, text="où puis-je dormir ce soir"))

        assert response.status_code == 200
        assert parser.calls == 1
        [sent] = telegram.api.sent()
        assert sent["text"] == t("fr", NLU_DOWN)
        # Numbered ("3. Refuges"): the number is what a person may type instead.
        titles = [title.split(". ", 1)[1] for title, _ in buttons_of(sent)]
        assert any(title.startswith("Refuges") for title in titles)


@pytest.mark.rasa
async def test_spanish_text_gets_the_shelter_answer_with_the_real_nlu(
    open_telegram: OpenTelegram, nlu_parser: RasaHttpParser
) -> None:
    async with open_telegram(nlu_parser) as telegram:
        response = await telegram.post(
            message_update(
                24, text="¿Dónde puedo dormir esta noche? Necesito un albergue", language_code="es"
            )
        )

        assert response.status_code == 200
        sent = telegram.api.sent()[0]
        answer = telegram.service.content.library().get("shelter", "es")
        assert answer is not None
        assert sent["text"].startswith(answer.text.strip())
        assert (t("es", "Menu"), "menu") in buttons_of(sent)


async def test_register_webhook_sends_the_secret_and_the_update_types(
    telegram: TelegramHarness,
) -> None:
    channel = telegram.app.state.channels["telegram"]

    await channel.register_webhook("https://faro.example/webhooks/telegram")

    [call] = telegram.api.calls_to("setWebhook")
    assert call.params["url"] == "https://faro.example/webhooks/telegram"
    assert call.params["secret_token"] == TELEGRAM_SECRET
    assert call.params["allowed_updates"] == ["message", "edited_message", "callback_query"]


# -- long polling -------------------------------------------------------------------------------


async def test_long_polling_answers_updates_and_advances_the_offset(
    open_telegram: OpenTelegram, telegram_api: FakeTelegramApi
) -> None:
    telegram_api.queue_update(message_update(500, chat_id=1, text="/start"))
    telegram_api.queue_update(message_update(501, chat_id=2, text="necesito un doctor"))

    async with open_telegram(polling=True) as telegram:
        await wait_for(lambda: len(telegram_api.sent()) == 2 and telegram_api.pending_updates == 0)
        assert telegram.processed() == ["500", "501"]

    methods = [c.method for c in telegram_api.calls]
    assert methods.index("deleteWebhook") < methods.index("getUpdates")
    polls = telegram_api.calls_to("getUpdates")
    assert "offset" not in polls[0].params
    assert polls[-1].params["offset"] == "502"
    assert json.loads(json.dumps(polls[0].params["allowed_updates"])) == [
        "message",
        "edited_message",
        "callback_query",
    ]
    assert sorted(s["chat_id"] for s in telegram_api.sent()) == ["1", "2"]
    stopped_at = len(telegram_api.calls_to("getUpdates"))
    await asyncio.sleep(0.5)
    assert len(telegram_api.calls_to("getUpdates")) == stopped_at  # polling stopped


async def test_long_polling_fetches_again_what_was_not_delivered(
    open_telegram: OpenTelegram, telegram_api: FakeTelegramApi
) -> None:
    telegram_api.fail("sendMessage", 500)
    telegram_api.queue_update(message_update(600, text="/help"))

    async with open_telegram(polling=True, FARO_OUTBOUND_RETRIES=0) as telegram:
        await wait_for(lambda: len(telegram_api.sent()) == 1 and telegram_api.pending_updates == 0)
        assert telegram.processed() == ["600"]

    assert [c.status for c in telegram_api.calls_to("sendMessage")] == [500, 200]


async def test_long_polling_stops_on_a_revoked_token(
    open_telegram: OpenTelegram, telegram_api: FakeTelegramApi, caplog: pytest.LogCaptureFixture
) -> None:
    telegram_api.fail("getUpdates", 401)

    async with open_telegram(polling=True) as telegram:
        await wait_for(
            lambda: any(
                "long polling stopped (InvalidToken)" in r.getMessage() for r in caplog.records
            )
        )
        response = await telegram.client.get("/healthz")
        assert response.status_code in (200, 503)  # the app itself keeps serving

    assert len(telegram_api.calls_to("getUpdates")) == 1


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_serve_with_polling_stops_cleanly_on_ctrl_c(
    telegram_api: FakeTelegramApi, tmp_path: Path
) -> None:
    telegram_api.queue_update(message_update(700, text="/start"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'faro.db'}",
        "FARO_NLU_URL": "http://127.0.0.1:9",
        "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN,
        "TELEGRAM_WEBHOOK_SECRET": TELEGRAM_SECRET,
        "TELEGRAM_API_BASE_URL": telegram_api.base_url,
        "WHATSAPP_TOKEN": "",
        # The editable install maps `bot` as a namespace package outside the project root.
        "PYTHONPATH": str(PROJECT_ROOT),
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "serve",
        "--telegram-polling",
        "--port",
        str(_free_port()),
        cwd=tmp_path,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        await wait_for(lambda: len(telegram_api.sent()) == 1, seconds=60)
        process.send_signal(signal.SIGINT)
        async with asyncio.timeout(20):
            output, _ = await process.communicate()
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()

    log = output.decode("utf-8", "replace")
    assert process.returncode == 0, log
    assert "Telegram long polling started" in log
    assert "Traceback" not in log
    assert TELEGRAM_TOKEN not in log


# -- pieces ----------------------------------------------------------------------------------


def test_short_buttons_share_a_row_and_long_ones_get_their_own() -> None:
    _, short = render(Reply("x", buttons=(Button("menu", "Menu"), Button("language", "Idioma"))))
    _, long = render(
        Reply("x", buttons=(Button("menu", "Menu"), Button("human", "Hablar con una persona")))
    )

    assert short is not None and long is not None
    assert [[b.callback_data for b in row] for row in short.inline_keyboard] == [
        ["menu", "language"]
    ]
    assert [[b.callback_data for b in row] for row in long.inline_keyboard] == [
        ["menu"],
        ["human"],
    ]


def test_options_are_one_per_row_with_a_description_when_it_fits() -> None:
    reply = Reply(
        "x",
        options=(
            Option("topic:health", "Salud", "Médicos"),
            Option("topic:shelter", "Albergues", "Dónde encontrar un albergue, agua y ayuda"),
            Option("lang:es", "Español"),
        ),
    )

    _, markup = render(reply)

    assert markup is not None
    assert [[(b.text, b.callback_data) for b in row] for row in markup.inline_keyboard] == [
        [("Salud · Médicos", "topic:health")],
        [("Albergues", "topic:shelter")],
        [("Español", "lang:es")],
    ]


def test_callback_data_over_64_bytes_is_dropped_not_sent() -> None:
    _, markup = render(Reply("x", buttons=(Button("ñ" * 33, "Too long"), Button("menu", "Menu"))))

    assert markup is not None
    assert [b.callback_data for row in markup.inline_keyboard for b in row] == ["menu"]
    assert isinstance(markup.inline_keyboard[0][0], InlineKeyboardButton)


def test_plain_reply_has_no_keyboard() -> None:
    assert render(Reply("hola")) == ("hola", None)


@pytest.mark.parametrize(
    "text",
    ["a" * 5000, "😀" * 3000, "palabra " * 700, "👨\u200d👩\u200d👧" * 1000, "\u200f" * 5000],
)
def test_long_text_is_cut_safely(text: str) -> None:
    cut = fit_text(text)

    assert len(cut.encode("utf-16-le")) // 2 <= 4096
    assert cut.endswith("…")
    assert not cut[:-1].endswith(("\u200d", " "))
    assert text.startswith(cut[:-1])


@pytest.mark.parametrize("value", [3, dt.timedelta(seconds=3)])
def test_retry_after_as_int_or_timedelta(
    value: int | dt.timedelta, monkeypatch: pytest.MonkeyPatch
) -> None:
    if isinstance(value, dt.timedelta):
        monkeypatch.setenv("PTB_TIMEDELTA", "1")

    assert retry_after_seconds(RetryAfter(value)) == 3.0


def test_short_text_is_left_alone() -> None:
    assert fit_text("hola 👋") == "hola 👋"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/start", "start"),
        ("/start deep-link", "start"),
        ("/Menu@faro_test_bot", "menu"),
        ("/language", "language"),
        ("/help", "help"),
        ("/unknown", None),
        ("/", None),
        ("/ start", None),
        ("hola /start", None),
    ],
)
def test_command_names(text: str, expected: str | None) -> None:
    assert command_name(text) == expected


def test_mapping_keeps_the_platform_ids_and_the_language_hint() -> None:
    update = Update.de_json(
        message_update(31, text="/menu@faro_test_bot", language_code="pt-BR"), None
    )

    incoming = to_incoming(update)

    assert incoming is not None
    assert (incoming.kind, incoming.payload) == (Kind.COMMAND, "menu")
    assert (incoming.user_id, incoming.message_id, incoming.language_hint) == (
        str(CHAT),
        "31",
        "pt",
    )


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        ({"text": "hola"}, Kind.TEXT),
        ({"voice": {"file_id": "v", "file_unique_id": "v", "duration": 2}}, Kind.VOICE),
        ({"audio": {"file_id": "a", "file_unique_id": "a", "duration": 2}}, Kind.VOICE),
        (
            {"video_note": {"file_id": "n", "file_unique_id": "n", "length": 1, "duration": 2}},
            Kind.VOICE,
        ),
        ({"sticker": STICKER}, Kind.MEDIA),
        ({"contact": {"phone_number": "+52", "first_name": "A"}}, Kind.MEDIA),
        ({}, Kind.UNSUPPORTED),
    ],
)
def test_message_kinds(content: dict[str, Any], kind: Kind) -> None:
    update = Update.de_json(message_update(32, **content), None)

    incoming = to_incoming(update)

    assert incoming is not None and incoming.kind is kind


async def test_a_message_that_is_not_a_reply_goes_out_through_the_outbox(
    telegram: TelegramHarness,
) -> None:
    await telegram.post(message_update(40, chat_id=4242, text="/help"))
    ids = await asyncio.to_thread(
        send_to_person,
        telegram.service.database,
        cipher=telegram.service.cipher,
        channel="telegram",
        channel_user_id="4242",
        replies=[Reply("Your request is being looked at.")],
        purpose="notice",
    )
    assert len(ids) == 1
    telegram.app.state.service.pipeline.senders["telegram"].wakeup.set()
    await telegram.settle()
    assert [sent["text"] for sent in telegram.api.sent()][-1] == "Your request is being looked at."
    # Someone Faro never met cannot be written to.
    nobody = await asyncio.to_thread(
        send_to_person,
        telegram.service.database,
        cipher=telegram.service.cipher,
        channel="telegram",
        channel_user_id="999",
        replies=[Reply("hello")],
        purpose="notice",
    )
    assert nobody == []


# -- the return intake through the webhook -----------------------------------------------------


async def test_the_return_intake_through_the_telegram_webhook(
    open_telegram: OpenTelegram, model_parser: ReloadingParser
) -> None:
    async with open_telegram(model_parser) as telegram:
        steps: list[dict[str, Any]] = [
            message_update(9001, text="/start return", language_code="es"),
            callback_update(9002, "intake:yes"),
            message_update(9003, text="Rosa"),
            callback_update(9004, "intake:HN"),
            message_update(9005, text="3"),  # Tapachula, typed by its number
            message_update(9006, text="0"),
            message_update(9007, text="no"),  # not a child alone
            message_update(9008, text="no"),  # no medical need
            callback_update(9009, "intake:woman"),
            callback_update(9010, "intake:skip"),
            callback_update(9011, "intake:confirm"),
        ]
        for update in steps:
            assert (await telegram.post(update)).status_code == 200
        sent = telegram.api.sent()
        last = sent[-1]["text"]
        assert re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}", last), last
        with telegram.service.sessions() as session:
            (request,) = session.execute(select(HandoffRequest)).scalars()
        assert (request.kind, request.country, request.city, request.lang) == (
            "return",
            "HN",
            "tapachula",
            "es",
        )
        assert request.consent_channel == "telegram"
