"""The WhatsApp channel end to end: the real ASGI app, signed Cloud API payloads, a fake Graph API.

Payloads are built here in the exact shapes of Meta's samples (wa_text.json, wa_status.json,
...), so the tests do not depend on the shared samples directory.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import logging
import re
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import AsyncExitStack
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from bot.channels.whatsapp import WhatsAppChannel, render_reply
from bot.core.i18n import Translator
from bot.core.messages import Button, Option, Reply
from bot.core.understanding import IntentParser
from bot.nlp.models import ReloadingParser
from bot.pipeline.outbox import RetryPolicy
from bot.service import Service
from bot.storage.models import HandoffRequest, InboundEvent, OutboxMessage
from bot.web.app import create_app
from tests.channels.conftest import outbox_rows, settle, wait_for
from tests.conftest import ServiceFactory
from tests.fakes.nlu import DownParser
from tests.fakes.whatsapp_api import FakeGraphApi

TOKEN = "EAAGfakeAccessToken0123456789"
APP_SECRET = "5f2b7c1e9a0d4b3c8e6f1a2b3c4d5e6f"
VERIFY_TOKEN = "faro-verify-7d41c2"
PHONE_NUMBER_ID = "106540352242922"  # the samples' business number
WA_ID = "16505551234"  # the samples' WhatsApp user
WEBHOOK = "/webhooks/whatsapp"

# The core's fixed strings, as msgids: the expected text is their translation.
VOICE_MSGID = (
    "I cannot listen to voice messages. Please write your question in a few words, "
    "or choose a topic."
)
MEDIA_MSGID = (
    "I can only read text and shared locations. I cannot open photos, stickers or files. "
    "Please write your question, or choose a topic."
)
NLU_DOWN_MSGID = "Sorry, I cannot read messages right now. Please choose a topic from the list."

# -- Meta's samples, verbatim ------------------------------------------------------------------

WA_TEXT: dict[str, Any] = {
    "object": "whatsapp_business_account",
    "entry": [
        {
            "id": "102290129340398",
            "changes": [
                {
                    "value": {
                        "messaging_product": "whatsapp",
                        "metadata": {
                            "display_phone_number": "15550783881",
                            "phone_number_id": "106540352242922",
                        },
                        "contacts": [
                            {"profile": {"name": "Sheena Nelson"}, "wa_id": "16505551234"}
                        ],
                        "messages": [
                            {
                                "from": "16505551234",
                                "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",  # noqa: E501 - verbatim sample
                                "timestamp": "1749416383",
                                "type": "text",
                                "text": {"body": "Does it come in another color?"},
                            }
                        ],
                    },
                    "field": "messages",
                }
            ],
        }
    ],
}

WA_BUTTON_REPLY_MESSAGE: dict[str, Any] = {
    "context": {
        "from": "15550783881",
        "id": "wamid.HBgLMTY0NjcwNDM1OTUVAgARGBJBM0Y4RUU0RUNFQkFDMjYzQUMA",
    },
    "from": "16505551234",
    "id": "wamid.HBgLMTY0NjcwNDM1OTUVAgASGBQzQThBREYwNzc2RDc2QjA1QTIwMgA=",
    "timestamp": "1714510003",
    "type": "interactive",
    "interactive": {
        "type": "button_reply",
        "button_reply": {"id": "change-button", "title": "Change"},
    },
}

WA_STATUS: dict[str, Any] = {
    "object": "whatsapp_business_account",
    "entry": [
        {
            "id": "102290129340398",
            "changes": [
                {
                    "value": {
                        "messaging_product": "whatsapp",
                        "metadata": {
                            "display_phone_number": "15550783881",
                            "phone_number_id": "106540352242922",
                        },
                        "statuses": [
                            {
                                "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=",  # noqa: E501 - verbatim sample
                                "status": "sent",
                                "timestamp": "1750030073",
                                "recipient_id": "16505551234",
                                "conversation": {
                                    "id": "72b14d6bd5407799e66f64d1b338e567",
                                    "expiration_timestamp": "1750116480",
                                    "origin": {"type": "marketing"},
                                },
                                "pricing": {
                                    "billable": True,
                                    "pricing_model": "PMP",
                                    "type": "regular",
                                    "category": "marketing",
                                },
                            }
                        ],
                    },
                    "field": "messages",
                }
            ],
        }
    ],
}

WA_STATUS_FAILED: dict[str, Any] = {
    "object": "whatsapp_business_account",
    "entry": [
        {
            "id": "102290129340398",
            "changes": [
                {
                    "value": {
                        "messaging_product": "whatsapp",
                        "metadata": {
                            "display_phone_number": "15550783881",
                            "phone_number_id": "106540352242922",
                        },
                        "statuses": [
                            {
                                "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0QUQ2MjA4NEYyRkExNjMyREUA",
                                "status": "failed",
                                "timestamp": "1751142888",
                                "recipient_id": "16505551234",
                                "errors": [
                                    {
                                        "code": 131049,
                                        "title": "This message was not delivered to maintain "
                                        "healthy ecosystem engagement.",
                                        "message": "This message was not delivered to maintain "
                                        "healthy ecosystem engagement.",
                                        "error_data": {
                                            "details": "In order to maintain a healthy ecosystem "
                                            "engagement, the message failed to be delivered."
                                        },
                                        "href": "/documentation/business-messaging/whatsapp/support/error-codes",  # noqa: E501 - verbatim sample
                                    }
                                ],
                            }
                        ],
                    },
                    "field": "messages",
                }
            ],
        }
    ],
}

# -- payload builders in the samples' shapes ---------------------------------------------------


def new_wamid() -> str:
    """A fresh message id shaped like Meta's."""
    return "wamid.HBgL" + uuid.uuid4().hex.upper() + "AA="


def notification(
    *messages: dict[str, Any], phone_number_id: str = PHONE_NUMBER_ID, wa_id: str = WA_ID
) -> dict[str, Any]:
    """A messages webhook (as wa_text.json) carrying `messages`."""
    payload = copy.deepcopy(WA_TEXT)
    value = payload["entry"][0]["changes"][0]["value"]
    value["metadata"]["phone_number_id"] = phone_number_id
    value["contacts"][0]["wa_id"] = wa_id
    value["messages"] = list(messages)
    return payload


def message(
    kind: str, content: dict[str, Any] | list[Any] | None = None, *, wa_id: str = WA_ID
) -> dict[str, Any]:
    """One `messages[]` item of type `kind`."""
    item: dict[str, Any] = {
        "from": wa_id,
        "id": new_wamid(),
        "timestamp": "1749416383",
        "type": kind,
    }
    if content is not None:
        item[kind] = content
    return item


def text(body: str, **kwargs: Any) -> dict[str, Any]:
    """An inbound text message."""
    return message("text", {"body": body}, **kwargs)


def button_reply(reply_id: str, title: str = "Ok") -> dict[str, Any]:
    """A tap on one of our reply buttons (as wa_button_reply.json)."""
    item = copy.deepcopy(WA_BUTTON_REPLY_MESSAGE)
    item["id"] = new_wamid()
    item["interactive"]["button_reply"] = {"id": reply_id, "title": title}
    return item


def list_reply(row_id: str, title: str = "Row", description: str = "") -> dict[str, Any]:
    """A choice in one of our lists (as wa_list_reply.json)."""
    item = copy.deepcopy(WA_BUTTON_REPLY_MESSAGE)
    item["id"] = new_wamid()
    item["interactive"] = {
        "type": "list_reply",
        "list_reply": {"id": row_id, "title": title, "description": description},
    }
    return item


def voice_note(*, voice: bool = True) -> dict[str, Any]:
    """An audio message; WhatsApp voice notes carry `voice: true`."""
    return message(
        "audio",
        {
            "mime_type": "audio/ogg; codecs=opus",
            "sha256": "0d3bd8a8db4868c9520ed47186e8b7c5789e61ff79f7f834be6950b808a90d3",
            "id": "1003383421387256",
            "voice": voice,
        },
    )


MEDIA: dict[str, Any] = {
    "image": {
        "caption": "where is this?",
        "mime_type": "image/jpeg",
        "sha256": "81d3bd8a8db4868c9520ed47186e8b7c5789e61ff79f7f834be6950b808a90d3",
        "id": "2754859441498128",
    },
    "sticker": {
        "mime_type": "image/webp",
        "sha256": "ba8a1f0fa4f0a4cc5bda3bcbd0b9b9d1e0a8a1f0fa4f0a4cc5bda3bcbd0b9b9d",
        "id": "1228794548355016",
        "animated": False,
    },
    "document": {
        "caption": "my papers",
        "filename": "papers.pdf",
        "mime_type": "application/pdf",
        "sha256": "3b2b1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f",
        "id": "1030466288797777",
    },
    "video": {
        "mime_type": "video/mp4",
        "sha256": "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90",
        "id": "1166846181421424",
    },
    "contacts": [
        {
            "name": {"formatted_name": "Ana Perez", "first_name": "Ana"},
            "phones": [{"phone": "+52 664 000 0000", "type": "CELL"}],
        }
    ],
}


def sign(raw: bytes, secret: str = APP_SECRET) -> str:
    """The X-Hub-Signature-256 header Meta sends for `raw`."""
    return "sha256=" + hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()


# -- the harness -------------------------------------------------------------------------------


@dataclass
class WhatsApp:
    """The app under test, its service and the fake Graph API it talks to."""

    client: httpx.AsyncClient
    service: Service
    api: FakeGraphApi

    async def post(
        self,
        payload: dict[str, Any] | bytes,
        *,
        signature: str | None = "valid",
        wait: bool = True,
    ) -> httpx.Response:
        """POST a notification, signed as Meta would unless told otherwise; await the answer."""
        raw = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        headers = {"Content-Type": "application/json"}
        if signature == "valid":
            headers["X-Hub-Signature-256"] = sign(raw)
        elif signature is not None:
            headers["X-Hub-Signature-256"] = signature
        response = await self.client.post(WEBHOOK, content=raw, headers=headers)
        if wait:
            await settle(self.service)
        return response

    def processed(self) -> int:
        """How many message ids are stored in the inbox."""
        with self.service.sessions() as session:
            return int(session.execute(select(func.count()).select_from(InboundEvent)).scalar_one())

    def sent(self) -> list[dict[str, Any]]:
        """What reached the Graph API, in order."""
        return self.api.delivered


Start = Callable[..., Awaitable[WhatsApp]]

FAST_RETRIES = RetryPolicy(initial=0.01, max_wait=0.05, attempt_window=1.0, give_up_after=3.0)


@pytest.fixture(scope="module")
def graph_api() -> Iterator[FakeGraphApi]:
    """The fake Graph API, one server for the module."""
    api = FakeGraphApi(token=TOKEN, phone_number_id=PHONE_NUMBER_ID)
    api.start()
    yield api
    api.stop()


def whatsapp_settings(api: FakeGraphApi, **overrides: Any) -> dict[str, Any]:
    """Settings that turn the WhatsApp channel on against the fake API."""
    values: dict[str, Any] = {
        "WHATSAPP_TOKEN": TOKEN,
        "WHATSAPP_APP_SECRET": APP_SECRET,
        "WHATSAPP_VERIFY_TOKEN": VERIFY_TOKEN,
        "WHATSAPP_PHONE_NUMBER_ID": PHONE_NUMBER_ID,
        "WHATSAPP_API_BASE_URL": api.base_url,
        "FARO_OUTBOUND_TIMEOUT": 2.0,
        "FARO_OUTBOUND_RETRIES": 2,
    }
    values.update(overrides)
    return values


@pytest.fixture
async def start(graph_api: FakeGraphApi, make_service: ServiceFactory) -> AsyncIterator[Start]:
    """Start the real app (lifespan entered) with the WhatsApp channel; returns a harness."""
    graph_api.reset()
    async with AsyncExitStack() as stack:

        async def factory(
            parser: Any = None, *, default_channels: bool = False, **overrides: Any
        ) -> WhatsApp:
            service = make_service(parser=parser, **whatsapp_settings(graph_api, **overrides))
            # The same policy with tiny waits, so retry tests stay fast.
            service.pipeline.policy = FAST_RETRIES
            if default_channels:
                app = create_app(service)
            else:
                app = create_app(service, channels=[WhatsAppChannel(service)])
            await stack.enter_async_context(app.router.lifespan_context(app))
            client = await stack.enter_async_context(
                httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://faro.test")
            )
            return WhatsApp(client, service, graph_api)

        yield factory
    graph_api.reset()


def translated(lang: str, msgid: str) -> str:
    """The core's fixed string `msgid` in `lang`."""
    return Translator().gettext_for(lang)(msgid)


def answer_text(service: Service, topic: str, lang: str) -> str:
    """The first paragraph of a topic's answer, as the content has it."""
    answer = service.content.library().get(topic, lang)
    assert answer is not None
    return answer.text.split("\n\n")[0].strip()


def interactive_text(body: dict[str, Any]) -> str:
    """The text a person reads in one outbound body."""
    if body["type"] == "text":
        return str(body["text"]["body"])
    return str(body["interactive"]["body"]["text"])


def button_ids(body: dict[str, Any]) -> list[str]:
    """The reply-button ids of an interactive button message."""
    assert body["type"] == "interactive" and body["interactive"]["type"] == "button"
    return [b["reply"]["id"] for b in body["interactive"]["action"]["buttons"]]


def row_ids(body: dict[str, Any]) -> list[str]:
    """The row ids of an interactive list message."""
    assert body["type"] == "interactive" and body["interactive"]["type"] == "list"
    return [r["id"] for s in body["interactive"]["action"]["sections"] for r in s["rows"]]


def assert_within_limits(body: dict[str, Any]) -> None:
    """Every WhatsApp limit the channel promises, on one outbound body."""
    assert body["messaging_product"] == "whatsapp"
    assert body["recipient_type"] == "individual"
    assert body["to"] == WA_ID
    if body["type"] == "text":
        assert body["text"]["preview_url"] is False
        assert 0 < len(body["text"]["body"]) <= 4096
        return
    assert body["type"] == "interactive"
    interactive = body["interactive"]
    assert 0 < len(interactive["body"]["text"]) <= 1024
    action = interactive["action"]
    if interactive["type"] == "button":
        assert 1 <= len(action["buttons"]) <= 3
        for button in action["buttons"]:
            assert button["type"] == "reply"
            assert 0 < len(button["reply"]["title"]) <= 20
            assert 0 < len(button["reply"]["id"]) <= 256
    else:
        assert interactive["type"] == "list"
        assert 0 < len(action["button"]) <= 20
        assert len(action["sections"]) == 1
        rows = action["sections"][0]["rows"]
        assert 1 <= len(rows) <= 10
        for row in rows:
            assert 0 < len(row["title"]) <= 24
            assert 0 < len(row["id"]) <= 200
            assert len(row.get("description", "")) <= 72


# -- verification -----------------------------------------------------------------------------


async def test_verification_echoes_the_challenge_for_the_right_token(start: Start) -> None:
    wa = await start()
    response = await wa.client.get(
        WEBHOOK,
        params={
            "hub.mode": "subscribe",
            "hub.challenge": "1158201444",
            "hub.verify_token": VERIFY_TOKEN,
        },
    )
    assert response.status_code == 200
    assert response.text == "1158201444"
    assert response.headers["content-type"].startswith("text/plain")


@pytest.mark.parametrize(
    "params",
    [
        {"hub.mode": "subscribe", "hub.challenge": "1158201444", "hub.verify_token": "vibecoding"},
        {
            "hub.mode": "subscribe",
            "hub.challenge": "1158201444",
            "hub.verify_token": VERIFY_TOKEN + "x",
        },
        {
            "hub.mode": "unsubscribe",
            "hub.challenge": "1158201444",
            "hub.verify_token": VERIFY_TOKEN,
        },
        {"hub.mode": "subscribe", "hub.challenge": "1158201444"},
        {"hub.challenge": "1158201444", "hub.verify_token": VERIFY_TOKEN},
        {"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN},
        {},
    ],
    ids=["bad-token", "longer-token", "wrong-mode", "no-token", "no-mode", "no-challenge", "none"],
)
async def test_verification_refused_otherwise(start: Start, params: dict[str, str]) -> None:
    wa = await start()
    response = await wa.client.get(WEBHOOK, params=params)
    assert response.status_code == 403
    assert "1158201444" not in response.text


# -- signatures -------------------------------------------------------------------------------


async def test_signed_text_gets_one_answer_in_the_persons_language(start: Start) -> None:
    wa = await start()
    response = await wa.post(notification(text("donde puedo dormir esta noche en tijuana")))
    assert response.status_code == 200
    # The answer, then the services of the city the person named, with the buttons.
    answer, listing = wa.sent()
    assert_within_limits(answer)
    assert_within_limits(listing)
    assert answer["type"] == "text" and "albergue" in answer["text"]["body"].lower()
    assert "Albergue principal de Tijuana" in interactive_text(listing)
    assert button_ids(listing) == ["menu", "human", "language"]
    assert all(call.authorized and call.phone_number_id == PHONE_NUMBER_ID for call in wa.api.calls)
    assert wa.processed() == 1


async def test_the_sample_text_notification_is_answered(start: Start) -> None:
    wa = await start()
    response = await wa.post(WA_TEXT)
    assert response.status_code == 200
    assert len(wa.sent()) == 1
    assert wa.sent()[0]["to"] == "16505551234"


BAD_SIGNATURES: dict[str, Callable[[bytes], str | None]] = {
    "missing": lambda raw: None,
    "empty": lambda raw: "",
    "prefix-only": lambda raw: "sha256=",
    "not-hex": lambda raw: "sha256=zz",
    "sha1": lambda raw: "sha1=" + hmac.new(APP_SECRET.encode(), raw, hashlib.sha1).hexdigest(),
    "bare-hex": lambda raw: sign(raw).removeprefix("sha256="),
    "wrong-secret": lambda raw: sign(raw, "not-the-app-secret"),
    "other-body": lambda raw: sign(json.dumps(notification(text("otra cosa"))).encode()),
    "truncated": lambda raw: sign(raw)[:-2],
}


@pytest.mark.parametrize("case", sorted(BAD_SIGNATURES))
async def test_bad_signatures_are_refused_and_nothing_is_stored(start: Start, case: str) -> None:
    wa = await start()
    raw = json.dumps(notification(text("necesito un doctor"))).encode()
    response = await wa.post(raw, signature=BAD_SIGNATURES[case](raw))
    assert response.status_code == 403
    assert wa.processed() == 0
    assert wa.api.calls == []


async def test_signature_is_checked_over_the_raw_bytes(start: Start) -> None:
    wa = await start()
    # Same JSON, different bytes (whitespace): the signature of the compact form must fail.
    compact = json.dumps(notification(text("hola")), separators=(",", ":")).encode()
    spaced = json.dumps(json.loads(compact), indent=2).encode()
    assert (await wa.post(spaced, signature=sign(compact))).status_code == 403
    assert (await wa.post(spaced, signature=sign(spaced))).status_code == 200
    assert len(wa.sent()) == 1


async def test_malformed_json_with_a_valid_signature_is_a_bad_request(start: Start) -> None:
    wa = await start()
    assert (await wa.post(b'{"object": "whatsapp_business_account", "entry": [')).status_code == 400
    assert (await wa.post(b"\xff\xfe not utf-8")).status_code == 400
    assert (await wa.post(b"[1, 2, 3]")).status_code == 400
    assert wa.processed() == 0
    assert wa.api.calls == []


# -- once and in order ------------------------------------------------------------------------


async def test_a_redelivered_message_is_answered_once(start: Start) -> None:
    wa = await start()
    payload = notification(text("necesito un doctor"))
    assert (await wa.post(payload)).status_code == 200
    assert (await wa.post(payload)).status_code == 200
    assert len(wa.sent()) == 1
    assert wa.processed() == 1


async def test_a_batch_is_answered_in_order(start: Start) -> None:
    wa = await start()
    response = await wa.post(
        notification(button_reply("topic:documents"), voice_note(), list_reply("topic:health"))
    )
    assert response.status_code == 200
    sent = wa.sent()
    assert len(sent) == 3
    assert answer_text(wa.service, "documents", "es") in interactive_text(sent[0])
    assert interactive_text(sent[1]) == translated("es", VOICE_MSGID)
    assert answer_text(wa.service, "health", "es") in interactive_text(sent[2])
    assert wa.processed() == 3


async def test_every_entry_and_change_is_read(start: Start) -> None:
    wa = await start()
    payload = notification(button_reply("topic:health"))
    second = copy.deepcopy(payload["entry"][0])
    second["changes"][0]["value"]["messages"] = [button_reply("topic:family")]
    third_change = copy.deepcopy(payload["entry"][0]["changes"][0])
    third_change["value"]["messages"] = [button_reply("topic:documents")]
    second["changes"].append(third_change)
    payload["entry"].append(second)
    assert (await wa.post(payload)).status_code == 200
    topics = ["health", "family", "documents"]
    sent = wa.sent()
    assert len(sent) == 3
    for topic, body in zip(topics, sent, strict=True):
        assert answer_text(wa.service, topic, "es") in interactive_text(body)


@pytest.mark.parametrize("sample", [WA_STATUS, WA_STATUS_FAILED], ids=["sent", "failed"])
async def test_status_updates_are_accepted_and_ignored(
    start: Start, sample: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    wa = await start()
    with caplog.at_level(logging.INFO):
        assert (await wa.post(sample)).status_code == 200
    assert wa.api.calls == []
    assert wa.processed() == 0
    assert WA_ID not in caplog.text


async def test_a_failed_status_is_logged_by_error_code_only(
    start: Start, caplog: pytest.LogCaptureFixture
) -> None:
    wa = await start()
    with caplog.at_level(logging.INFO, logger="bot.channels.whatsapp"):
        await wa.post(WA_STATUS_FAILED)
    assert "131049" in caplog.text
    assert WA_ID not in caplog.text
    assert "ecosystem" not in caplog.text


async def test_messages_for_another_business_number_are_not_answered(start: Start) -> None:
    wa = await start()
    response = await wa.post(notification(text("hola"), phone_number_id="999999999999999"))
    assert response.status_code == 200
    assert wa.api.calls == []
    assert wa.processed() == 0


async def test_unknown_fields_and_other_webhook_fields_are_ignored(start: Start) -> None:
    wa = await start()
    payload = notification(text("necesito un doctor"))
    payload["brand_new_field"] = {"x": 1}
    payload["entry"][0]["changes"][0]["value"]["messages"][0]["identity"] = {"acknowledged": True}
    payload["entry"][0]["changes"].append({"field": "account_update", "value": {"event": "X"}})
    assert (await wa.post(payload)).status_code == 200
    assert len(wa.sent()) == 1


# -- message kinds ----------------------------------------------------------------------------


async def test_button_and_list_replies_answer_their_topic(start: Start) -> None:
    wa = await start()
    await wa.post(notification(button_reply("topic:documents", "Documentos")))
    await wa.post(notification(list_reply("topic:family", "Familia")))
    first, second = wa.sent()
    assert answer_text(wa.service, "documents", "es") in interactive_text(first)
    assert answer_text(wa.service, "family", "es") in interactive_text(second)
    # A topic with services in the directory asks, after its answer, which city.
    await wa.post(notification(list_reply("topic:asylum", "Asilo")))
    answer, question = wa.sent()[-2:]
    assert answer_text(wa.service, "asylum", "es") in interactive_text(answer)
    assert "city:tijuana:asylum" in row_ids(question)


async def test_a_language_choice_from_the_list_switches_language(start: Start) -> None:
    wa = await start()
    await wa.post(notification(list_reply("lang:pt", "Português")))
    await wa.post(notification(button_reply("topic:shelter")))
    answer = wa.sent()[-2]  # then: which city?
    assert answer_text(wa.service, "shelter", "pt") in interactive_text(answer)


async def test_a_foreign_button_gets_the_menu(start: Start) -> None:
    wa = await start()
    sample = copy.deepcopy(WA_TEXT)
    sample["entry"][0]["changes"][0]["value"]["messages"] = [WA_BUTTON_REPLY_MESSAGE]
    assert (await wa.post(sample)).status_code == 200
    [menu] = wa.sent()
    assert "topic:shelter" in row_ids(menu)


async def test_template_quick_reply_buttons(start: Start) -> None:
    wa = await start()
    ours = message("button", {"payload": "topic:health", "text": "Salud"})
    theirs = message("button", {"payload": "Unsubscribe", "text": "necesito un doctor"})
    assert (await wa.post(notification(ours, theirs))).status_code == 200
    first, second = wa.sent()
    assert answer_text(wa.service, "health", "es") in interactive_text(first)
    assert answer_text(wa.service, "health", "es") in interactive_text(second)


@pytest.mark.parametrize("voice", [True, False], ids=["voice-note", "audio-file"])
async def test_audio_gets_the_voice_reply(start: Start, voice: bool) -> None:
    wa = await start()
    assert (await wa.post(notification(voice_note(voice=voice)))).status_code == 200
    [body] = wa.sent()
    assert interactive_text(body) == translated("es", VOICE_MSGID)
    assert button_ids(body) == ["menu", "language"]


@pytest.mark.parametrize("kind", sorted(MEDIA))
async def test_media_gets_the_media_reply(start: Start, kind: str) -> None:
    wa = await start()
    assert (await wa.post(notification(message(kind, MEDIA[kind])))).status_code == 200
    [body] = wa.sent()
    assert interactive_text(body) == translated("es", MEDIA_MSGID)
    assert button_ids(body) == ["menu", "language"]


async def test_a_shared_location_lists_the_nearest_services(start: Start) -> None:
    wa = await start()
    await wa.post(notification(list_reply("lang:es", "Español")))
    point = {
        "address": "Av. Revolución, Tijuana",
        "latitude": 32.52071,
        "longitude": -117.03044,
        "name": "Casa",
    }
    assert (await wa.post(notification(message("location", point)))).status_code == 200
    listing, menu = wa.sent()[-2:]
    text = listing["text"]["body"] if listing["type"] == "text" else interactive_text(listing)
    assert text.startswith(translated("es", "Nearest to you:"))
    assert "Albergue principal de Tijuana" in text and "Tijuana, a unos 1 km" in text
    # What a person needs soonest comes first: the shelter before the job fair.
    assert text.index("Albergue principal") < text.index("Feria Nacional de Empleo")
    assert "Revolución" not in text  # the place's name and address are not used
    assert menu["type"] == "interactive"


@pytest.mark.parametrize(
    "location",
    [{}, {"latitude": "32.5", "longitude": -117.0}, {"latitude": 95.0, "longitude": 0.0}],
    ids=["empty", "text-latitude", "off-the-earth"],
)
async def test_a_broken_location_gets_a_friendly_reply(
    start: Start, location: dict[str, Any]
) -> None:
    wa = await start()
    assert (await wa.post(notification(message("location", location)))).status_code == 200
    [body] = wa.sent()
    assert interactive_text(body) == translated("es", MEDIA_MSGID)


async def test_the_reply_follows_the_persons_language(start: Start) -> None:
    wa = await start()
    await wa.post(notification(list_reply("lang:fr", "Français")))
    await wa.post(notification(message("image", MEDIA["image"])))
    assert interactive_text(wa.sent()[-1]) == translated("fr", MEDIA_MSGID)


@pytest.mark.parametrize(
    "item",
    [
        {
            "type": "reaction",
            "reaction": {"message_id": "wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQz", "emoji": "\U0001f44d"},
        },
        {"type": "reaction", "reaction": {"message_id": "wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQz"}},
        {
            "type": "system",
            "system": {
                "body": "User Sheena Nelson changed from 16505551234 to 12195555358",
                "wa_id": "12195555358",
                "type": "user_changed_number",
            },
        },
    ],
    ids=["reaction", "reaction-removed", "system"],
)
async def test_reactions_and_system_notices_are_acknowledged_only(
    start: Start, item: dict[str, Any]
) -> None:
    wa = await start()
    full = {"from": WA_ID, "id": new_wamid(), "timestamp": "1739321024", **item}
    assert (await wa.post(notification(full))).status_code == 200
    assert wa.api.calls == []


@pytest.mark.parametrize(
    "item",
    [
        {
            "type": "unsupported",
            "errors": [
                {
                    "code": 131051,
                    "title": "Message type unknown",
                    "message": "Message type unknown",
                    "error_data": {"details": "Message type is currently not supported."},
                }
            ],
            "unsupported": {"type": "poll_creation"},
        },
        {"type": "hologram", "hologram": {"id": "1"}},
        {
            "type": "interactive",
            "interactive": {"type": "nfm_reply", "nfm_reply": {"response_json": "{}"}},
        },
        {
            "type": "interactive",
            "interactive": {"type": "button_reply", "button_reply": {"title": "x"}},
        },
        {"type": "text"},
    ],
    ids=["unsupported", "unknown-type", "flow-reply", "button-without-id", "text-without-body"],
)
async def test_anything_else_gets_a_friendly_reply(start: Start, item: dict[str, Any]) -> None:
    wa = await start()
    full = {"from": WA_ID, "id": new_wamid(), "timestamp": "1739321024", **item}
    assert (await wa.post(notification(full))).status_code == 200
    [body] = wa.sent()
    assert_within_limits(body)
    assert interactive_text(body).strip()


async def test_opening_the_chat_for_the_first_time_gets_the_language_question(start: Start) -> None:
    wa = await start()
    welcome = {
        "from": WA_ID,
        "id": new_wamid(),
        "timestamp": "1739321024",
        "type": "request_welcome",
    }
    assert (await wa.post(notification(welcome))).status_code == 200
    [body] = wa.sent()
    assert row_ids(body) == ["lang:es", "lang:en", "lang:fr", "lang:ht", "lang:pt"]


async def test_an_oversized_body_is_refused_before_anything_else(start: Start) -> None:
    wa = await start()
    payload = notification(text("necesito un doctor"))
    payload["padding"] = "x" * (4 * 1024 * 1024)
    assert (await wa.post(payload)).status_code == 413
    assert wa.processed() == 0
    assert wa.api.calls == []


async def test_messages_without_sender_or_id_are_skipped(start: Start) -> None:
    wa = await start()
    no_id = text("hola")
    del no_id["id"]
    no_from = text("hola")
    del no_from["from"]
    assert (
        await wa.post(notification(no_id, no_from, text("necesito un doctor")))
    ).status_code == 200
    assert len(wa.sent()) == 1


@pytest.mark.parametrize(
    "body",
    [
        "",
        "   ",
        "😀🙏🏽🇭🇹",
        "dormir " * 715,
        "\u200f\u200e\u200b\u2066\u2069",
        "\u202edonde\u200b puedo\u200d dormir\u202c",
        "مرحبا أين أنام؟",
        "a\x00b\x1b[31m",
    ],
    ids=[
        "empty",
        "spaces",
        "emoji",
        "5000-chars",
        "only-marks",
        "rtl-zero-width",
        "arabic",
        "control",
    ],
)
async def test_odd_text_gets_a_friendly_reply(start: Start, body: str) -> None:
    wa = await start()
    response = await wa.post(notification(text(body)))
    assert response.status_code == 200
    sent = wa.sent()
    assert sent, "never silent"
    for outbound in sent:
        assert_within_limits(outbound)
    assert wa.api.rejected == []


# -- delivery failures ------------------------------------------------------------------------


async def test_a_429_then_success_delivers_once(start: Start) -> None:
    wa = await start()
    wa.api.fail_next(1, status=429, code=130429, retry_after="0")
    response = await wa.post(notification(text("necesito un doctor")))
    assert response.status_code == 200
    assert [call.status for call in wa.api.calls] == [429, 200]
    assert len(wa.sent()) == 1


async def test_retry_after_is_honoured(start: Start) -> None:
    wa = await start()
    wa.api.fail_next(1, status=429, code=4, retry_after="1")
    began = time.monotonic()
    assert (await wa.post(notification(text("necesito un doctor")))).status_code == 200
    assert time.monotonic() - began >= 1
    assert len(wa.sent()) == 1


async def test_a_long_retry_after_keeps_the_message_without_holding_the_webhook(
    start: Start,
) -> None:
    wa = await start()
    wa.api.fail_next(1, status=429, code=130429, retry_after="3600")
    began = time.monotonic()
    response = await wa.post(notification(text("necesito un doctor")), wait=False)
    assert response.status_code == 200
    assert time.monotonic() - began < 1
    await wait_for(lambda: outbox_rows(wa.service) == [("pending", "http429:130429")])
    assert wa.sent() == [] and wa.processed() == 1


async def test_throughput_errors_are_retried_whatever_the_http_status(start: Start) -> None:
    wa = await start()
    wa.api.fail_next(1, status=400, code=80007)
    wa.api.fail_next(1, status=400, code=130429)
    assert (await wa.post(notification(text("necesito un doctor")))).status_code == 200
    assert [call.status for call in wa.api.calls] == [400, 400, 200]


async def test_a_timeout_is_retried(start: Start) -> None:
    wa = await start(FARO_OUTBOUND_TIMEOUT=0.3)
    wa.api.hang_next(1)
    began = time.monotonic()
    response = await wa.post(notification(text("necesito un doctor")))
    assert response.status_code == 200
    # Under the fake's 5 s hang: the send timed out and was retried, never waited out.
    assert time.monotonic() - began < 4.5
    assert len(wa.sent()) == 1


async def test_server_errors_are_retried_and_a_redelivery_sends_nothing_again(
    start: Start,
) -> None:
    wa = await start()
    wa.api.fail_next(2, status=500, code=131000)
    wa.api.fail_next(1, status=503, code=None, plain="Service Unavailable")
    payload = notification(text("necesito un doctor"))
    response = await wa.post(payload)
    assert response.status_code == 200
    assert [call.status for call in wa.api.calls] == [500, 500, 503, 200]
    assert len(wa.sent()) == 1 and wa.processed() == 1
    assert (await wa.post(payload)).status_code == 200
    assert len(wa.sent()) == 1


async def test_a_failure_in_a_batch_delays_only_that_reply(start: Start) -> None:
    wa = await start()
    payload = notification(button_reply("topic:documents"), button_reply("topic:health"))
    wa.api.allow_next(1)
    wa.api.fail_next(1, status=502, code=None, plain="Bad Gateway")
    assert (await wa.post(payload)).status_code == 200
    assert wa.processed() == 2
    assert (await wa.post(payload)).status_code == 200  # Meta's redelivery: nothing twice
    sent = wa.sent()
    assert len(sent) == 2
    assert answer_text(wa.service, "documents", "es") in interactive_text(sent[0])
    assert answer_text(wa.service, "health", "es") in interactive_text(sent[1])


async def test_outside_the_24_hour_window_is_not_retried(
    start: Start, caplog: pytest.LogCaptureFixture
) -> None:
    wa = await start()
    wa.api.refuse_next(1, code=131047)
    payload = notification(text("necesito un doctor"))
    with caplog.at_level(logging.INFO):
        assert (await wa.post(payload)).status_code == 200
    assert [call.status for call in wa.api.calls] == [400]
    assert wa.processed() == 1
    assert "131047" in caplog.text
    assert (await wa.post(payload)).status_code == 200
    assert len(wa.api.calls) == 1


async def test_a_refused_token_keeps_the_message_until_the_token_is_fixed(start: Start) -> None:
    wa = await start(WHATSAPP_TOKEN="EAAGexpiredToken")
    payload = notification(text("necesito un doctor"))
    assert (await wa.post(payload, wait=False)).status_code == 200
    await wait_for(lambda: [call.status for call in wa.api.calls][:1] == [401])
    assert wa.processed() == 1
    assert wa.sent() == []
    # Kept for a later attempt (and recorded as failed only when its time runs out).
    await wait_for(lambda: outbox_rows(wa.service)[0][0] in ("pending", "sending"))


async def test_logs_hold_no_personal_data(start: Start, caplog: pytest.LogCaptureFixture) -> None:
    wa = await start(FARO_OUTBOUND_RETRIES=1)
    words = "me llamo Sheena Nelson donde puedo dormir"
    wa.api.fail_next(1, status=429, code=130429, retry_after="0")
    wa.api.refuse_next(1, code=131047)
    wa.api.fail_next(2, status=503, code=None, plain="down")
    with caplog.at_level(logging.DEBUG):
        await wa.post(notification(text(words)))
        await wa.post(notification(text(words)))
        await wa.post(WA_STATUS_FAILED)
        await wa.post(notification(text(words)), signature="sha256=00")
    logged = caplog.text + " ".join(str(r.args) for r in caplog.records)
    for secret in (WA_ID, "Sheena", words, TOKEN, APP_SECRET, "wamid."):
        assert secret not in logged


# -- limits, for every kind of reply the core makes --------------------------------------------


async def test_every_reply_the_core_makes_fits_whatsapp(start: Start) -> None:
    wa = await start()
    conversation = [
        text("hola"),
        text("/start"),
        text("/language"),
        list_reply("lang:es"),
        text("xyzzy plugh"),
        text("qwerty asdf"),
        button_reply("human"),
        button_reply("language"),
        button_reply("menu"),
        text("necesito un doctor"),
        text("necesito asilo"),
        text("gracias"),
        text("futbol"),
        text("adios"),
        text("/help"),
        text("quiero regresar a mi pais"),
        voice_note(),
        message("sticker", MEDIA["sticker"]),
    ]
    for item in conversation:
        assert (await wa.post(notification(item))).status_code == 200
    sent = wa.sent()
    assert len(sent) >= len(conversation)
    assert wa.api.rejected == []
    kinds = set()
    for body in sent:
        assert_within_limits(body)
        kinds.add(body["type"] if body["type"] == "text" else body["interactive"]["type"])
    assert kinds == {"text", "button", "list"}


def test_rendering_cuts_everything_to_whatsapps_limits() -> None:
    long_words = "palabra " * 100
    buttons = Reply(
        f"{long_words}\n\n{long_words}\n\nInformación verificada el 23 de noviembre de 2026.",
        buttons=(
            Button("topic:" + "x" * 300, "Hablar con una persona ahora mismo"),
            Button("menu", "Menú 🌐🌐🌐🌐🌐🌐🌐🌐🌐🌐🌐🌐"),
            Button("language", "Idioma"),
        ),
    )
    bodies = render_reply(WA_ID, buttons)
    assert [b["type"] for b in bodies] == ["text", "interactive"]
    assert interactive_text(bodies[-1]) == "Información verificada el 23 de noviembre de 2026."
    assert long_words.strip()[:100] in interactive_text(bodies[0])
    titles = [b["reply"]["title"] for b in bodies[-1]["interactive"]["action"]["buttons"]]
    assert titles[0] == "Hablar con una…"
    assert all(len(t.encode("utf-16-le")) // 2 <= 20 for t in titles)

    options = Reply(
        "Elija " * 300,
        options=tuple(
            Option(f"topic:t{i}", f"Un título muy largo número {i}", "descripción " * 20)
            for i in range(10)
        ),
        list_label="Temas disponibles para usted",
    )
    for body in render_reply(WA_ID, options):
        assert_within_limits(body)
    [*_, listing] = render_reply(WA_ID, options)
    assert listing["interactive"]["action"]["button"] == "Temas disponibles…"
    assert row_ids(listing) == [f"topic:t{i}" for i in range(10)]

    huge = Reply("línea de texto\n" * 700)
    chunks = render_reply(WA_ID, huge)
    assert len(chunks) == 3
    for body in chunks:
        assert_within_limits(body)
    assert "".join(interactive_text(b) for b in chunks).count("línea") == 700


def test_rendering_matches_the_cloud_api_shapes() -> None:
    [plain] = render_reply(WA_ID, Reply("Cuídese."))
    assert plain == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": WA_ID,
        "type": "text",
        "text": {"preview_url": False, "body": "Cuídese."},
    }
    [with_buttons] = render_reply(WA_ID, Reply("¿Es esto?", buttons=(Button("menu", "Menú"),)))
    assert with_buttons["interactive"] == {
        "type": "button",
        "body": {"text": "¿Es esto?"},
        "action": {"buttons": [{"type": "reply", "reply": {"id": "menu", "title": "Menú"}}]},
    }
    [listing] = render_reply(
        WA_ID, Reply("Elija", options=(Option("lang:ht", "Kreyòl", ""),), list_label="🌐")
    )
    assert listing["interactive"] == {
        "type": "list",
        "body": {"text": "Elija"},
        "action": {"button": "🌐", "sections": [{"rows": [{"id": "lang:ht", "title": "Kreyòl"}]}]},
    }


# -- configuration ----------------------------------------------------------------------------


async def test_the_channel_is_mounted_from_settings(start: Start) -> None:
    wa = await start(default_channels=True)
    verify = await wa.client.get(
        WEBHOOK,
        params={"hub.mode": "subscribe", "hub.challenge": "42", "hub.verify_token": VERIFY_TOKEN},
    )
    assert verify.text == "42"
    assert (await wa.post(notification(text("necesito un doctor")))).status_code == 200
    assert len(wa.sent()) == 1


async def test_without_settings_the_webhook_does_not_exist(make_service: ServiceFactory) -> None:
    service = make_service()
    app = create_app(service)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app), base_url="http://faro.test"
        ) as client,
    ):
        get = await client.get(
            WEBHOOK, params={"hub.mode": "subscribe", "hub.challenge": "1", "hub.verify_token": "x"}
        )
        raw = json.dumps(WA_TEXT).encode()
        post = await client.post(WEBHOOK, content=raw, headers={"X-Hub-Signature-256": sign(raw)})
    assert get.status_code == 404
    assert post.status_code == 404


# -- NLU ---------------------------------------------------------------------------------------


async def test_nlu_down_gets_the_menu_in_the_persons_language_promptly(start: Start) -> None:
    wa = await start(parser=DownParser())
    await wa.post(notification(list_reply("lang:pt", "Português")))
    began = time.monotonic()
    response = await wa.post(notification(text("onde posso dormir esta noite")))
    assert response.status_code == 200
    assert time.monotonic() - began < 2
    menu = wa.sent()[-1]
    assert interactive_text(menu) == translated("pt", NLU_DOWN_MSGID)
    # Numbered ("3. Abrigos"): the number is what a person may type instead.
    titles = [
        r["title"].split(". ", 1)[1] for r in menu["interactive"]["action"]["sections"][0]["rows"]
    ]
    assert "Abrigos" in titles


@pytest.mark.rasa
@pytest.mark.parametrize(
    ("question", "topic", "lang"),
    [
        ("Onde posso dormir esta noite? Preciso de um abrigo", "shelter", "pt"),
        ("Mwen bezwen wè yon doktè, pitit mwen malad", "health", "ht"),
    ],
    ids=["pt", "ht"],
)
async def test_real_nlu_answers_in_the_persons_language(
    start: Start, nlu_parser: IntentParser, question: str, topic: str, lang: str
) -> None:
    wa = await start(parser=nlu_parser)
    response = await wa.post(notification(text(question)))
    assert response.status_code == 200
    body = wa.sent()[0]  # a shelter answer is followed by the question: which city?
    assert_within_limits(body)
    assert answer_text(wa.service, topic, lang) in interactive_text(body)
    assert button_ids(body) == ["menu", "human", "language"]


def _status(wamid: str, state: str) -> dict[str, Any]:
    """WA_STATUS about one of our messages, with the given state."""
    payload = copy.deepcopy(WA_STATUS if state != "failed" else WA_STATUS_FAILED)
    status = payload["entry"][0]["changes"][0]["value"]["statuses"][0]
    status["id"], status["status"] = wamid, state
    return payload


async def test_delivery_statuses_update_the_sent_message(start: Start) -> None:
    wa = await start()
    await wa.post(notification(text("necesito un doctor")))
    with wa.service.sessions() as session:
        [wamid] = session.scalars(select(OutboxMessage.platform_id)).all()
    assert wamid is not None and wamid.startswith("wamid.FAKE")
    assert outbox_rows(wa.service) == [("sent", None)]
    for state in ("delivered", "read", "delivered"):  # a late "delivered" never undoes "read"
        assert (await wa.post(_status(wamid, state))).status_code == 200
    assert outbox_rows(wa.service) == [("read", None)]
    assert (await wa.post(_status(wamid, "failed"))).status_code == 200
    assert outbox_rows(wa.service) == [("failed", "whatsapp:131049")]
    assert wa.processed() == 1  # statuses are not messages to answer


# -- the return intake through the webhook -----------------------------------------------------


async def test_the_return_intake_through_the_whatsapp_webhook(
    start: Start, model_parser: ReloadingParser
) -> None:
    whatsapp = await start(model_parser)
    steps = [
        text("mwen vle retounen lakay mwen nan ayiti, enskri m"),
        button_reply("intake:yes"),
        text("Jean"),
        list_reply("intake:other"),
        list_reply("intake:tijuana"),
        text("2"),
        text("2"),
        text("6, 9"),
        text("non"),  # travelling with two children only: asked, and not a child alone
        text("non"),  # no medical need
        button_reply("intake:man"),
        text("+52 664 123 4567"),
        button_reply("intake:confirm"),
    ]
    for item in steps:
        assert (await whatsapp.post(notification(item))).status_code == 200
    bodies = whatsapp.sent()
    for body in bodies:
        assert_within_limits(body)
    last = bodies[-1]
    shown = last["text"]["body"] if last["type"] == "text" else interactive_text(last)
    assert re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}", shown), shown
    with whatsapp.service.sessions() as session:
        (request,) = session.execute(select(HandoffRequest)).scalars()
    assert (request.country, request.city, request.children_ages, request.lang) == (
        "other",
        "tijuana",
        [6, 9],
        "ht",
    )
    assert request.phone_enc is not None and b"664" not in request.phone_enc
