"""Faults from outside, on SQLite and PostgreSQL (issue 5, "Faults and bad input").

Each test drives the real app (in-process, on a loopback server, or `python -m bot serve`
as a real process) against hand-written fakes of the platforms and of Rasa's HTTP API, all
on 127.0.0.1. The oracle is what the fake platforms received, checked against the outbox
rows and inbound events in the database: every acknowledged message is answered by exactly
one turn, each of its replies reaches the platform once, and each person's replies arrive
in the order they wrote.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import gc
import itertools
import json
import logging
import os
import random
import signal
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from bot import PROJECT_ROOT
from bot.channels.telegram import render
from bot.channels.whatsapp import render_reply
from bot.content.files import read_bundle
from bot.core import phrases
from bot.core.i18n import Translator
from bot.nlp.rasa import RasaHttpParser, free_port
from bot.pipeline import inbox as inbox_module
from bot.pipeline.outbox import RetryPolicy
from bot.service import Service
from bot.storage import repository
from bot.storage.content import publish_bundle
from bot.storage.database import make_engine, make_sessionmaker, read_only, upgrade
from bot.storage.models import InboundEvent, OutboxMessage, Person
from bot.storage.repository import UNSENT_STATUSES, open_reply, reply_body, reply_from_body
from bot.web.app import create_app
from tests.channels.test_whatsapp import (
    APP_SECRET,
    PHONE_NUMBER_ID,
    VERIFY_TOKEN,
    WA_ID,
    button_reply,
    notification,
    sign,
)
from tests.channels.test_whatsapp import TOKEN as WA_TOKEN
from tests.channels.test_whatsapp import text as wa_text
from tests.conftest import TEST_DATA_KEY, ServiceFactory, cipher_of_test_key
from tests.fakes.rasa_http import FakeRasaServer
from tests.fakes.telegram_gate import Fault, GatedBotApi
from tests.fakes.whatsapp_api import FakeGraphApi

TOKEN = "123456789:AAFaroFaultTestToken_abcdefghijklmnop"
SECRET = "fault-tests-webhook-secret-0123456789"
TELEGRAM = "/webhooks/telegram"
WHATSAPP = "/webhooks/whatsapp"

# Short waits, so retries stay fast; the windows are still far longer than a test needs.
QUICK = RetryPolicy(initial=0.05, max_wait=0.2, attempt_window=10.0, give_up_after=60.0)

_ = Translator()

# PTB's RetryAfter reads its own deprecated int attribute (v22.2+); the channel handles both.
pytestmark = pytest.mark.filterwarnings(
    "ignore:.*retry_after.*:telegram.warnings.PTBDeprecationWarning"
)


def t(lang: str, msgid: str) -> str:
    """A fixed string of the core as a person reads it in `lang`."""
    return _.gettext_for(lang)(msgid)


# -- fakes -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bot_api() -> Iterator[GatedBotApi]:
    """The gated fake Bot API, one server for the module, reset for every test."""
    api = GatedBotApi(TOKEN)
    api.start()
    yield api
    api.stop()


@pytest.fixture
def api(bot_api: GatedBotApi) -> Iterator[GatedBotApi]:
    """The fake Bot API with nothing recorded, scripted, throttled or held."""
    bot_api.reset()
    yield bot_api
    bot_api.reset()


@pytest.fixture(scope="module")
def rasa_server() -> Iterator[FakeRasaServer]:
    """A fake of Rasa's `/model/parse`, one server for the module."""
    server = FakeRasaServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def rasa(rasa_server: FakeRasaServer) -> Iterator[FakeRasaServer]:
    """The fake Rasa server, up and answering at once."""
    rasa_server.down = False
    rasa_server.hang_seconds = 0.0
    yield rasa_server
    rasa_server.down = False
    rasa_server.hang_seconds = 0.0


@pytest.fixture(scope="module")
def graph_server() -> Iterator[FakeGraphApi]:
    """The fake Graph API, one server for the module."""
    server = FakeGraphApi(token=WA_TOKEN, phone_number_id=PHONE_NUMBER_ID)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def graph(graph_server: FakeGraphApi) -> Iterator[FakeGraphApi]:
    """The fake Graph API with nothing recorded or scripted."""
    graph_server.reset()
    yield graph_server
    graph_server.reset()


# -- payloads ----------------------------------------------------------------------------------


def tg_text(update_id: int, chat: int, text: str, lang: str = "es") -> dict[str, Any]:
    """A Telegram update with a text from a private chat."""
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 1_700_000_000,
            "chat": {"id": chat, "type": "private", "first_name": "Ana"},
            "from": {"id": chat, "is_bot": False, "first_name": "Ana", "language_code": lang},
            "text": text,
        },
    }


def tg_button(update_id: int, chat: int, data: str) -> dict[str, Any]:
    """A Telegram update for a press on one of the bot's inline buttons."""
    return {
        "update_id": update_id,
        "callback_query": {
            "id": f"cq-{update_id}",
            "from": {"id": chat, "is_bot": False, "first_name": "Ana"},
            "chat_instance": "-1234567",
            "data": data,
            "message": {
                "message_id": 99,
                "date": 1_700_000_000,
                "chat": {"id": chat, "type": "private"},
                "from": {"id": 7000000001, "is_bot": True, "first_name": "Faro"},
                "text": "earlier",
            },
        },
    }


TG_HEADERS = {"X-Telegram-Bot-Api-Secret-Token": SECRET}


def wa_headers(raw: bytes) -> dict[str, str]:
    """The headers Meta sends with a notification whose body is `raw`."""
    return {"Content-Type": "application/json", "X-Hub-Signature-256": sign(raw, APP_SECRET)}


# -- what the database says --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Event:
    """One stored inbound event."""

    id: int
    channel: str
    message_id: str
    user: str
    status: str


@dataclass(frozen=True, slots=True)
class Row:
    """One outbox row."""

    id: int
    channel: str
    recipient: str
    event_id: int | None
    status: str
    platform_id: str | None
    body: dict[str, Any]
    parts_sent: int
    error: str | None
    lease_until: dt.datetime | None


@dataclass(frozen=True)
class Snapshot:
    """The inbox and the outbox at one moment."""

    events: list[Event]
    rows: list[Row]

    def rows_of(self, channel: str, recipient: str) -> list[Row]:
        """One person's outbox rows, oldest first."""
        return [r for r in self.rows if r.channel == channel and r.recipient == recipient]

    def events_of(self, channel: str, user: str) -> list[Event]:
        """One person's inbound events, in the order they were stored."""
        return [e for e in self.events if e.channel == channel and e.user == user]

    def replies_per_event(self) -> dict[int, int]:
        """How many outbox rows answer each event."""
        return dict(Counter(r.event_id for r in self.rows if r.event_id is not None))

    def unfinished(self, channels: tuple[str, ...] = ("telegram", "whatsapp")) -> int:
        """Events not yet turned plus rows of `channels` not yet handed to the platform."""
        events = sum(1 for e in self.events if e.status != "done")
        rows = sum(1 for r in self.rows if r.channel in channels and r.status in UNSENT_STATUSES)
        return events + rows


def snapshot(sessions: sessionmaker[Session]) -> Snapshot:
    """Read every inbound event and outbox row (bodies opened with the test key)."""
    cipher = cipher_of_test_key()
    with sessions() as session:
        events = [
            Event(e.id, e.channel, e.message_id, user, e.status)
            for e, user in session.execute(
                select(InboundEvent, Person.channel_user_id)
                .join(Person, Person.id == InboundEvent.person_id)
                .order_by(InboundEvent.id)
            ).all()
        ]
        rows = [
            Row(
                r.id,
                r.channel,
                r.recipient,
                r.event_id,
                r.status,
                r.platform_id,
                reply_body(open_reply(r.body_enc, cipher)),
                r.parts_sent,
                r.error,
                r.lease_until,
            )
            for r in session.execute(select(OutboxMessage).order_by(OutboxMessage.id)).scalars()
        ]
    return Snapshot(events, rows)


def telegram_text(row: Row) -> str:
    """The text Telegram receives for an outbox row."""
    return render(reply_from_body(row.body))[0]


def expected_telegram(shot: Snapshot, chat: int) -> list[str]:
    """What one chat should have received: each of its outbox rows once, in order."""
    return [telegram_text(row) for row in shot.rows_of("telegram", str(chat))]


def expected_whatsapp(shot: Snapshot, wa_id: str) -> list[dict[str, Any]]:
    """The Cloud API bodies one person should have received, each once, in order."""
    bodies: list[dict[str, Any]] = []
    for row in shot.rows_of("whatsapp", wa_id):
        bodies.extend(render_reply(wa_id, reply_from_body(row.body)))
    return bodies


def seconds_left(moment: dt.datetime) -> int:
    """Whole seconds from now until `moment` (SQLite hands back naive UTC)."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
    return round((aware - dt.datetime.now(dt.UTC)).total_seconds())


async def wait_until(condition: Callable[[], bool], seconds: float, what: str) -> None:
    """Poll `condition` until it holds; fail naming `what` after `seconds`."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: still not true after {seconds:.0f} s")
        await asyncio.sleep(0.05)


async def settle(service: Service, seconds: float = 20.0) -> Snapshot:
    """Wait until every stored event is turned and every platform reply handed over."""
    await wait_until(
        lambda: snapshot(service.sessions).unfinished() == 0, seconds, "the pipeline settles"
    )
    return snapshot(service.sessions)


# -- services ----------------------------------------------------------------------------------


def telegram_settings(api: GatedBotApi, **overrides: Any) -> dict[str, Any]:
    """Settings that turn Telegram on against the gated fake (and nothing else on)."""
    values: dict[str, Any] = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_WEBHOOK_SECRET": SECRET,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "FARO_TELEGRAM_RATE": 1000.0,
        "FARO_OUTBOUND_TIMEOUT": 5.0,
    }
    values.update(overrides)
    return values


def whatsapp_settings(graph: FakeGraphApi, **overrides: Any) -> dict[str, Any]:
    """Settings that turn WhatsApp on against the fake Graph API."""
    values: dict[str, Any] = {
        "WHATSAPP_TOKEN": WA_TOKEN,
        "WHATSAPP_APP_SECRET": APP_SECRET,
        "WHATSAPP_VERIFY_TOKEN": VERIFY_TOKEN,
        "WHATSAPP_PHONE_NUMBER_ID": PHONE_NUMBER_ID,
        "WHATSAPP_API_BASE_URL": graph.base_url,
        "FARO_WHATSAPP_RATE": 1000.0,
        "FARO_OUTBOUND_TIMEOUT": 5.0,
    }
    values.update(overrides)
    return values


@asynccontextmanager
async def running(
    service: Service, policy: RetryPolicy = QUICK
) -> AsyncIterator[httpx.AsyncClient]:
    """The real app around `service`, lifespan entered, and a client that calls it in-process."""
    service.pipeline.policy = policy
    app = create_app(service)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://faro.test") as client:
            yield client


# ==============================================================================================
# 1. Service killed
# ==============================================================================================

PEOPLE = 50
MESSAGES_EACH = 4
KILL_AFTER = 80  # acknowledged messages before the kill: well inside the traffic
THROTTLE_RETRY_AFTER = 2
# How long after the restart every acknowledged message may take to be answered. Generous
# for 200 messages; a service that makes its restarted self wait out its dead
# predecessor's claims (leases) for longer than this fails here.
RECOVERY_SECONDS = 30.0
TEXTS = (
    "donde puedo dormir esta noche",
    "necesito un doctor para mi hijo",
    "quiero pedir asilo",
    "gracias",
    "xyzzy plugh",
    "hola",
)


@dataclass
class Delivery:
    """One update as the platform delivers it: first attempt, then redeliveries."""

    update_id: int
    chat: int
    attempts: int = 0
    first_try_ok: bool = False
    acknowledged: bool = False


class ServeProcess:
    """`python -m bot serve` as a real child process, with its log in a file."""

    def __init__(self, port: int, env: dict[str, str], log_path: Path) -> None:
        self.port = port
        self.env = env
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None
        self._log: TextIO | None = None

    @property
    def url(self) -> str:
        """Where it listens."""
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        """Start a new process (appending to the same log)."""
        self._log = self.log_path.open("a")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--port", str(self.port)],
            cwd=PROJECT_ROOT,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    async def wait_healthy(self, seconds: float = 60.0) -> None:
        """Wait until /healthz answers 200."""
        deadline = time.monotonic() + seconds
        async with httpx.AsyncClient(timeout=2.0) as client:
            while time.monotonic() < deadline:
                assert self.process is not None and self.process.poll() is None, (
                    "the service exited:\n" + self.log_path.read_text()[-3000:]
                )
                try:
                    if (await client.get(f"{self.url}/healthz")).status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                await asyncio.sleep(0.1)
        raise AssertionError("the service never became healthy")

    def kill(self) -> None:
        """kill -9, and reap it."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        self._close_log()

    def stop(self) -> None:
        """SIGTERM (then SIGKILL if it hangs), and reap it."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self._close_log()

    def _close_log(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None


def serve_env(database_url: str, api: GatedBotApi, rasa: FakeRasaServer) -> dict[str, str]:
    """The child's environment: Telegram on against the fake, NLU behind FARO_NLU_URL."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TELEGRAM_", "WHATSAPP_", "FARO_"))
    }
    env.update(
        DATABASE_URL=database_url,
        FARO_NLU_URL=rasa.url,
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_WEBHOOK_SECRET=SECRET,
        TELEGRAM_API_BASE_URL=api.base_url,
        FARO_TELEGRAM_RATE="1000",
        FARO_OUTBOUND_TIMEOUT="5",
        FARO_DATA_KEY=TEST_DATA_KEY,
    )
    return env


async def test_service_killed_mid_traffic_answers_every_message_once(
    database_url: str, api: GatedBotApi, rasa: FakeRasaServer, tmp_path: Path
) -> None:
    started = time.monotonic()
    serve = ServeProcess(free_port(), serve_env(database_url, api, rasa), tmp_path / "serve.log")
    engine = make_engine(database_url)
    sessions = read_only(make_sessionmaker(engine))
    update_ids = itertools.count(1)
    deliveries: list[Delivery] = []
    chats = [880_000 + n for n in range(PEOPLE)]
    script = {
        chat: [TEXTS[(chat + n) % len(TEXTS)] for n in range(MESSAGES_EACH)] for chat in chats
    }
    pauses = random.Random(1)

    async def person(client: httpx.AsyncClient, chat: int) -> None:
        # Telegram sends a chat's updates one after another and redelivers one that got
        # no 2xx; the same update (same update_id) comes again until it is taken.
        for text in script[chat]:
            delivery = Delivery(next(update_ids), chat)
            deliveries.append(delivery)
            body = tg_text(delivery.update_id, chat, text)
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline:
                delivery.attempts += 1
                try:
                    response = await client.post(
                        f"{serve.url}{TELEGRAM}", json=body, headers=TG_HEADERS
                    )
                    ok = response.is_success
                except httpx.HTTPError:
                    ok = False
                if ok:
                    delivery.acknowledged = True
                    delivery.first_try_ok = delivery.attempts == 1
                    break
                await asyncio.sleep(0.3)
            await asyncio.sleep(pauses.uniform(0.01, 0.05))

    serve.start()
    traffic: asyncio.Future[list[None]] | None = None
    try:
        await serve.wait_healthy()
        limits = httpx.Limits(max_connections=PEOPLE + 10)
        async with httpx.AsyncClient(timeout=5.0, limits=limits) as client:
            traffic = asyncio.gather(*(person(client, chat) for chat in chats))
            await wait_until(
                lambda: sum(d.acknowledged for d in deliveries) >= KILL_AFTER, 30, "traffic"
            )
            # The platform throttles while the service dies: no send is in flight at the
            # kill, so no reply can legitimately go out twice.
            api.throttle(THROTTLE_RETRY_AFTER)
            await wait_until(lambda: api.in_flight == 0, 10, "no send in flight")
            await asyncio.sleep(0.3)
            serve.kill()
            acknowledged_at_kill = sum(d.acknowledged for d in deliveries)
            await asyncio.sleep(0.2)
            # The process is gone, so the database says exactly which accepted sends it
            # had recorded: any other was in flight at the kill.
            recorded = {r.platform_id for r in snapshot(sessions).rows if r.platform_id}
            in_flight_at_kill = [s for s in api.sent if str(s.message_id) not in recorded]
            serve.start()
            await serve.wait_healthy()
            restarted = time.monotonic()
            await asyncio.sleep(1.0)  # still throttling for a moment after the restart
            api.open()
            await asyncio.wait_for(traffic, timeout=60)

            with contextlib.suppress(AssertionError):  # reported below, with what was sent
                await wait_until(
                    lambda: snapshot(sessions).unfinished() == 0,
                    RECOVERY_SECONDS,
                    "every reply sent after the restart",
                )
            recovery = time.monotonic() - restarted
    finally:
        if traffic is not None and not traffic.done():
            traffic.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await traffic
        serve.stop()
        shot = snapshot(sessions)
        engine.dispose()

    sent = api.sent
    rows_by_platform_id = {r.platform_id: r for r in shot.rows if r.platform_id}
    duplicates = [s for s in sent if str(s.message_id) not in rows_by_platform_id]
    redelivered = [d for d in deliveries if not d.first_try_ok]
    print(
        f"\n[service killed] {database_url.split(':')[0]}: {len(deliveries)} messages, "
        f"{acknowledged_at_kill} acknowledged before the kill, {len(redelivered)} redelivered, "
        f"{len(in_flight_at_kill)} sends in flight at the kill, {len(duplicates)} sent twice, "
        f"{len(sent)} sends; recovered in {recovery:.1f} s; test took "
        f"{time.monotonic() - started:.1f} s"
    )

    # The platform got every update taken in the end (as Telegram, it kept redelivering).
    assert all(d.acknowledged for d in deliveries), "an update was never acknowledged"
    assert redelivered, "the kill happened after the traffic: nothing was redelivered"
    # No reply went out twice, beyond the sends in flight at the kill.
    assert len(duplicates) <= len(in_flight_at_kill), (
        f"{len(duplicates)} replies went out twice, {len(in_flight_at_kill)} sends were in "
        f"flight at the kill"
    )
    # Each accepted send is the reply its outbox row holds, and each row went out once.
    for item in sent:
        row = rows_by_platform_id.get(str(item.message_id))
        if row is not None:
            assert row.recipient == str(item.chat_id) and telegram_text(row) == item.text
    # Every message of every person was stored once and turned once...
    events = {e.message_id: e for e in shot.events}
    assert sorted(map(int, events)) == sorted(d.update_id for d in deliveries)
    per_event = shot.replies_per_event()
    for chat in chats:
        sent_ids = [d.update_id for d in deliveries if d.chat == chat]
        stored = [int(e.message_id) for e in shot.events_of("telegram", str(chat))]
        assert stored == sent_ids, f"chat {chat}: stored out of order"
        # ... its replies were queued in the order of its messages ...
        rows = shot.rows_of("telegram", str(chat))
        event_order = [r.event_id or 0 for r in rows]
        assert event_order == sorted(event_order), f"chat {chat}: turned out of order"
        # ... and reached the platform in that order.
        delivered = [
            rows_by_platform_id[str(s.message_id)].id
            for s in api.sent_to(chat)
            if str(s.message_id) in rows_by_platform_id
        ]
        assert delivered == sorted(delivered), f"chat {chat}: delivered out of order"
    assert not [r for r in shot.rows if r.status == "failed"]
    unfinished_events = [e for e in shot.events if e.status != "done"]
    stuck = [r for r in shot.rows if r.status in UNSENT_STATUSES]
    leases = sorted(seconds_left(r.lease_until) for r in stuck if r.lease_until is not None)
    assert not unfinished_events and not stuck, (
        f"{RECOVERY_SECONDS:.0f} s after the restart, {len(unfinished_events)} messages were "
        f"not turned and {len(stuck)} replies not sent "
        f"({Counter(r.status for r in stuck)}; their leases end in {leases} s)"
    )
    assert all(per_event.get(e.id, 0) >= 1 for e in shot.events), "a message got no reply"


# ==============================================================================================
# 2. Platform errors: 500, then 429 with retry_after
# ==============================================================================================


async def test_telegram_500_then_429_loses_and_duplicates_nothing(
    make_service: ServiceFactory, database_url: str, api: GatedBotApi
) -> None:
    service = make_service(database_url=database_url, **telegram_settings(api))
    chats = [770_000 + n for n in range(10)]
    api.script(*[Fault(500), Fault(429, retry_after=1)] * len(chats))
    update_ids = itertools.count(1)
    posted: list[int] = []

    async def person(client: httpx.AsyncClient, chat: int) -> None:
        for n in range(3):
            update_id = next(update_ids)
            body = tg_text(update_id, chat, TEXTS[(chat + n) % len(TEXTS)])
            response = await client.post(TELEGRAM, json=body, headers=TG_HEADERS)
            assert response.status_code == 200
            posted.append(update_id)

    async with running(service) as client:
        await asyncio.gather(*(person(client, chat) for chat in chats))
        shot = await settle(service, 30)

    answers = api.answers
    failures = Counter(answer.status for answer in answers if answer.status != 200)
    assert failures == {500: len(chats), 429: len(chats)}, "the faults were not all met"
    assert sorted(int(e.message_id) for e in shot.events) == sorted(posted)
    assert all(e.status == "done" for e in shot.events)
    assert all(count >= 1 for count in shot.replies_per_event().values())
    assert len(shot.replies_per_event()) == len(posted), "a message got no reply"
    assert [r for r in shot.rows if r.status != "sent"] == []
    for chat in chats:
        # Each reply once, none missing, in order.
        assert [s.text for s in api.sent_to(chat)] == expected_telegram(shot, chat)
    # A 429's retry_after is honoured: that chat's next attempt waits at least that long.
    for index, answer in enumerate(answers):
        if answer.status == 429:
            later = [a for a in answers[index + 1 :] if a.chat_id == answer.chat_id]
            assert later, "a throttled message was never tried again"
            assert later[0].at - answer.at >= 1.0 - 0.05, "retried before retry_after"


async def test_whatsapp_500_then_429_loses_and_duplicates_nothing(
    make_service: ServiceFactory, database_url: str, graph: FakeGraphApi
) -> None:
    service = make_service(database_url=database_url, **whatsapp_settings(graph))
    people = [f"52155500{n:05d}" for n in range(8)]
    for _ in people:
        graph.fail_next(1, status=500, code=None)
        graph.fail_next(1, status=429, code=130429, retry_after="1")
    stored: list[str] = []

    async def person(client: httpx.AsyncClient, wa_id: str) -> None:
        for n in range(3):
            item = wa_text(TEXTS[n], wa_id=wa_id)
            raw = json.dumps(notification(item, wa_id=wa_id)).encode()
            response = await client.post(WHATSAPP, content=raw, headers=wa_headers(raw))
            assert response.status_code == 200
            stored.append(item["id"])

    async with running(service) as client:
        await asyncio.gather(*(person(client, wa_id) for wa_id in people))
        shot = await settle(service, 30)

    failures = Counter(call.status for call in graph.calls if call.status != 200)
    assert failures == {500: len(people), 429: len(people)}, "the faults were not all met"
    assert sorted(e.message_id for e in shot.events) == sorted(stored)
    assert len(shot.replies_per_event()) == len(stored), "a message got no reply"
    assert [r for r in shot.rows if r.status != "sent"] == []
    for wa_id in people:
        delivered = [c.body for c in graph.calls if c.status == 200 and c.body["to"] == wa_id]
        assert delivered == expected_whatsapp(shot, wa_id)


# ==============================================================================================
# 3. Platform hangs: webhooks still answer within 100 ms
# ==============================================================================================

# A webhook that waited for the platform would take the 30 s hang (or the client's 10 s
# timeout). The bound sits far from both and far above the noise of a shared 2-core
# machine (p99 is 20-100 ms here), so the test fails on waiting, not on a busy neighbour;
# the figures themselves are printed, and measured properly in bench/.
WEBHOOK_P99_SECONDS = 1.0


async def test_webhooks_answer_at_once_while_the_platform_hangs(
    database_url: str, api: GatedBotApi, rasa: FakeRasaServer, tmp_path: Path
) -> None:
    # The service runs in its own process, as in production, so the fakes in this one do
    # not share its interpreter lock. Its client waits longer than the hang, so every
    # send really stays open for the 30 s.
    env = serve_env(database_url, api, rasa)
    env["FARO_OUTBOUND_TIMEOUT"] = "45"
    serve = ServeProcess(free_port(), env, tmp_path / "serve.log")
    latencies: list[float] = []
    serve.start()
    try:
        await serve.wait_healthy()
        async with httpx.AsyncClient(base_url=serve.url, timeout=10.0) as client:
            api.hold(30.0)
            for n in range(5):
                body = tg_text(n + 1, 660_000 + n, "donde puedo dormir esta noche")
                assert (await client.post(TELEGRAM, json=body, headers=TG_HEADERS)).is_success
            await wait_until(lambda: api.in_flight >= 5, 10, "the sends hang")
            # This process's garbage collector must not pause the clock between two reads.
            gc.collect()
            gc.disable()
            for n in range(50):
                chat = 661_000 + n
                update_id = 100 + n
                if n % 5 == 0:  # a button press: its acknowledgement hangs too
                    body = tg_button(update_id, chat, "topic:shelter")
                else:
                    body = tg_text(update_id, chat, TEXTS[n % len(TEXTS)])
                begun = time.perf_counter()
                response = await client.post(TELEGRAM, json=body, headers=TG_HEADERS)
                latencies.append(time.perf_counter() - begun)
                assert response.status_code == 200
            hanging = api.in_flight
    finally:
        gc.enable()
        api.open()
        serve.stop()
    p99 = statistics.quantiles(latencies, n=100, method="inclusive")[98]
    print(
        f"\n[platform hangs] {database_url.split(':')[0]}: webhook p50 "
        f"{statistics.median(latencies) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, max "
        f"{max(latencies) * 1000:.1f} ms, {hanging} sends hanging at the platform"
    )
    assert hanging >= 5, "the platform stopped hanging before the webhooks were measured"
    assert p99 < WEBHOOK_P99_SECONDS, f"webhook p99 {p99 * 1000:.0f} ms while the platform hangs"


# ==============================================================================================
# 4. Slow duplicate: a redelivery while the first attempt's send is slow
# ==============================================================================================


@pytest.mark.parametrize("first_send", ["slow_then_fails", "slow_then_succeeds"])
async def test_a_duplicate_during_a_slow_first_send_gets_exactly_one_reply(
    make_service: ServiceFactory, database_url: str, api: GatedBotApi, first_send: str
) -> None:
    service = make_service(database_url=database_url, **telegram_settings(api))
    chat = 550_001
    api.script(Fault(500 if first_send == "slow_then_fails" else 200, delay=2.0))
    update = tg_text(1, chat, "donde puedo dormir esta noche")
    async with running(service) as client:
        first = await client.post(TELEGRAM, json=update, headers=TG_HEADERS)
        await wait_until(lambda: api.in_flight == 1, 10, "the first send started")
        begun = time.monotonic()
        again = await client.post(TELEGRAM, json=update, headers=TG_HEADERS)
        duplicate_took = time.monotonic() - begun
        assert api.in_flight == 1, "the duplicate came after the slow send, not during it"
        shot = await settle(service, 20)
    assert first.status_code == 200 and again.status_code == 200
    assert duplicate_took < 1.0, "the duplicate waited for the slow send"
    assert [e.message_id for e in shot.events] == ["1"]
    expected = expected_telegram(shot, chat)
    assert expected, "the message got no reply"
    assert [s.text for s in api.sent_to(chat)] == expected, "not exactly one reply"


# ==============================================================================================
# 5. Partial failure: a reply of two Cloud API messages whose second fails, then succeeds
# ==============================================================================================

FILLER = (
    "En los albergues de Tijuana, Tapachula y Tecún Umán hay personal que puede explicarle "
    "qué ayuda existe, cómo registrarse y qué documentos llevar. Si viaja con niños, "
    "pregunte por los espacios amigables para la niñez y por la atención de salud. "
) * 4


@pytest.fixture
def long_content(database_url: str) -> str:
    """A database whose Spanish shelter answer, with a city's text, passes WhatsApp's 1,024.

    Content files cannot say that any more (the validator counts the sources line, and
    stops at 1,000); a database published by an older release could, and the outbox must
    still deliver it whole: a text, then the buttons, two Cloud API messages. Returns the
    city whose paragraph makes the answer longest.
    """
    bundle = read_bundle(PROJECT_ROOT / "content")
    shelter = next(topic for topic in bundle.topics if topic.topic == "shelter")
    city, texts = max(shelter.cities.items(), key=lambda item: len(item[1].get("es")))
    answer = shelter.answer.get("es").strip()
    room = 1_100 - len(answer) - len(texts.get("es"))
    filler = (FILLER * 4)[:room].rsplit(" ", 1)[0].rstrip(" ,.") + "."
    longer = shelter.model_copy(
        update={"answer": shelter.answer.model_copy(update={"es": f"{answer}\n\n{filler}"})}
    )
    topics = tuple(longer if topic is shelter else topic for topic in bundle.topics)
    upgrade(database_url)
    engine = make_engine(database_url)
    try:
        with make_sessionmaker(engine).begin() as session:
            publish_bundle(
                # No directory: the answer keeps its buttons, the outbox's second part.
                session=session,
                bundle=dataclasses.replace(bundle, topics=topics, services={}),
                note="test",
            )
    finally:
        engine.dispose()
    return city.replace("_", " ").title()


@pytest.mark.parametrize("failure", ["500_retried_in_the_lease", "429_deferred_to_a_later_lease"])
async def test_a_failed_second_part_does_not_send_the_first_part_again(
    make_service: ServiceFactory,
    database_url: str,
    graph: FakeGraphApi,
    long_content: str,
    failure: str,
) -> None:
    city = long_content
    service = make_service(database_url=database_url, **whatsapp_settings(graph))
    policy = QUICK
    if failure == "429_deferred_to_a_later_lease":
        # Retry-After longer than the attempt window: the message goes back to the outbox
        # and a later lease picks it up where it stopped.
        policy = RetryPolicy(initial=0.05, max_wait=0.2, attempt_window=0.5, give_up_after=60)
    async with running(service, policy) as client:
        messages = (button_reply("lang:es", "Español"), wa_text(f"donde puedo dormir en {city}"))
        for item, prepare in zip(messages, (None, failure), strict=True):
            if prepare == "500_retried_in_the_lease":
                graph.allow_next(1)
                graph.fail_next(1, status=500, code=131000)
            elif prepare == "429_deferred_to_a_later_lease":
                graph.allow_next(1)
                graph.fail_next(1, status=429, code=130429, retry_after="2")
            raw = json.dumps(notification(item)).encode()
            assert (await client.post(WHATSAPP, content=raw, headers=wa_headers(raw))).is_success
            shot = await settle(service, 30)
    answer = shot.rows_of("whatsapp", WA_ID)[-1]
    parts = render_reply(WA_ID, reply_from_body(answer.body))
    assert [part["type"] for part in parts] == ["text", "interactive"], "not a two-part reply"
    failed = [call for call in graph.calls if call.status != 200]
    assert [call.body for call in failed] == [parts[1]], "the second part did not fail once"
    delivered = [call.body for call in graph.calls if call.status == 200]
    assert delivered == expected_whatsapp(shot, WA_ID), "a part went out twice or not at all"
    assert delivered.count(parts[0]) == 1
    assert answer.status == "sent" and answer.parts_sent in (1, 2)


# ==============================================================================================
# 6. NLU down: the menu in the person's language, and no event lost
# ==============================================================================================

FR_CHAT, EN_CHAT = 440_001, 440_002
PT_WA_ID = "5511987650000"


@pytest.mark.parametrize("outage", ["errors", "hangs"])
async def test_nlu_down_gives_the_menu_in_the_persons_language_and_loses_nothing(
    make_service: ServiceFactory,
    database_url: str,
    api: GatedBotApi,
    graph: FakeGraphApi,
    rasa: FakeRasaServer,
    outage: str,
) -> None:
    parser = RasaHttpParser(rasa.url, None, timeout=0.5)
    settings = {**telegram_settings(api), **whatsapp_settings(graph)}
    service = make_service(parser=parser, database_url=database_url, **settings)
    web_replies: list[dict[str, Any]] = []
    try:
        async with running(service) as client:
            # Someone who chose English while all was well.
            await client.post(TELEGRAM, json=tg_button(1, EN_CHAT, "lang:en"), headers=TG_HEADERS)
            await settle(service)
            before_outage = len(api.sent_to(EN_CHAT))
            if outage == "errors":
                rasa.down = True
            else:
                rasa.hang_seconds = 3.0
            french = "Bonjour, où est-ce que je peux dormir ce soir avec mes enfants ?"
            for body in (
                tg_text(2, FR_CHAT, french, lang="fr"),
                tg_text(3, EN_CHAT, "where can I sleep tonight with my children", lang="en"),
            ):
                assert (await client.post(TELEGRAM, json=body, headers=TG_HEADERS)).is_success
            portuguese = "Olá, onde posso dormir esta noite com os meus filhos?"
            raw = json.dumps(
                notification(wa_text(portuguese, wa_id=PT_WA_ID), wa_id=PT_WA_ID)
            ).encode()
            assert (await client.post(WHATSAPP, content=raw, headers=wa_headers(raw))).is_success
            web = await client.post(
                "/chat/messages", json={"text": "Kote mwen ka dòmi aswè a?", "lang": "ht"}
            )
            assert web.status_code == 202
            await settle(service, 30)
            fetched = await client.get("/chat/replies", params={"after": 0, "wait": 5})
            web_replies = fetched.json()["replies"]
            # The NLU comes back: the next message is understood.
            rasa.down = False
            rasa.hang_seconds = 0.0
            body = tg_text(4, FR_CHAT, "je voudrais dormir", lang="fr")
            assert (await client.post(TELEGRAM, json=body, headers=TG_HEADERS)).is_success
            shot = await settle(service, 30)
    finally:
        parser.close()

    assert rasa.parses >= 3, "the NLU was never asked"
    down = {lang: t(lang, phrases.NLU_DOWN) for lang in ("fr", "en", "pt", "ht")}
    french_sent = api.sent_to(FR_CHAT)
    assert french_sent[0].text == down["fr"]
    assert api.sent_to(EN_CHAT)[before_outage].text == down["en"]
    [whatsapp] = [c.body for c in graph.calls if c.status == 200 and c.body["to"] == PT_WA_ID]
    assert whatsapp["type"] == "interactive" and whatsapp["interactive"]["type"] == "list"
    assert whatsapp["interactive"]["body"]["text"] == down["pt"]
    assert [reply["text"] for reply in web_replies] == [down["ht"]]
    assert web_replies[0]["options"], "the web chat got no menu"
    # Nothing lost: every message turned, answered and delivered; none failed.
    assert len(shot.events) == 6 and all(e.status == "done" for e in shot.events)
    assert set(shot.replies_per_event()) == {e.id for e in shot.events}
    assert all(r.status in ("sent", "delivered") for r in shot.rows)
    # After the outage the French speaker gets the shelter answer, in French.
    shelter = service.content.library().get("shelter", "fr")
    assert shelter is not None
    # (then the question of which city, to list the shelters there)
    assert french_sent[-2].text.startswith(shelter.text.split("\n\n")[0].strip())


# ==============================================================================================
# 7. Per-person order across turn workers and two service instances (PostgreSQL)
# ==============================================================================================


async def test_many_messages_of_one_person_across_workers_and_instances_stay_in_order(
    make_service: ServiceFactory, postgres_url: str, api: GatedBotApi
) -> None:
    services = [
        make_service(database_url=postgres_url, **telegram_settings(api, FARO_TURN_WORKERS=4))
        for _ in range(2)
    ]
    assert all(len(s.pipeline.workers) == 4 for s in services)
    chat = 330_001
    others = [330_100 + n for n in range(10)]
    rng = random.Random(5)
    update_ids = itertools.count(1)
    async with running(services[0]) as one, running(services[1]) as two:
        clients = [one, two]

        async def post(body: dict[str, Any]) -> None:
            # A load balancer: each delivery goes to either instance.
            response = await rng.choice(clients).post(TELEGRAM, json=body, headers=TG_HEADERS)
            assert response.status_code == 200

        await post(tg_button(next(update_ids), chat, "lang:es"))
        for n in range(40):
            # Spanish no rule of the parser knows: a miss in the person's own language.
            await post(tg_text(next(update_ids), chat, f"no se que poner aqui {n}"))
            await post(tg_text(next(update_ids), others[n % len(others)], TEXTS[n % len(TEXTS)]))
        shot = await settle(services[0], 60)

    events = shot.events_of("telegram", str(chat))
    assert [int(e.message_id) for e in events] == sorted(int(e.message_id) for e in events)
    assert len(events) == 41 and all(e.status == "done" for e in events)
    rows = shot.rows_of("telegram", str(chat))
    assert [r.event_id for r in rows] == sorted(r.event_id or 0 for r in rows), (
        "turned out of order"
    )
    # The state carried from turn to turn: misses alternate one reply, then two (the menu
    # and a human). Two turns of the person at once, or out of order, would break this.
    per_event = shot.replies_per_event()
    assert per_event[events[0].id] == 2  # the language is set, then the welcome
    assert [per_event[e.id] for e in events[1:]] == [1, 2] * 20
    for person in (chat, *others):
        assert [s.text for s in api.sent_to(person)] == expected_telegram(shot, person), (
            f"chat {person}: replies missing, doubled or out of order"
        )


# ==============================================================================================
# 8. A database error while storing: not acknowledged, nothing personal logged, then answered
# ==============================================================================================

DB_PHONE = "5215598761234"
DB_TEXT = "me llamo Yesenia Ortigoza y necesito un albergue"


async def test_a_database_error_while_storing_logs_nothing_personal_and_is_redelivered(
    make_service: ServiceFactory,
    database_url: str,
    api: GatedBotApi,
    graph: FakeGraphApi,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    service = make_service(
        database_url=database_url, **{**telegram_settings(api), **whatsapp_settings(graph)}
    )
    real_store = repository.store_inbound

    def broken(**kwargs: Any) -> bool:
        # What a driver error looks like: the statement, its parameters, the server's words.
        raise OperationalError(
            "INSERT INTO inbound_events (channel, message_id, text) VALUES (?, ?, ?)",
            {"channel_user_id": DB_PHONE, "text": DB_TEXT},
            Exception(f"could not write: key (text)=({DB_TEXT}) from {DB_PHONE}"),
        )

    wa_item = wa_text(DB_TEXT, wa_id=DB_PHONE)
    wa_raw = json.dumps(notification(wa_item, wa_id=DB_PHONE)).encode()
    tg_body = tg_text(1, int(DB_PHONE[-9:]), DB_TEXT)
    tg_body["message"]["from"]["first_name"] = "Yesenia"
    web_body = {"message_id": "m-1", "text": DB_TEXT, "lang": "es"}
    caplog.set_level(logging.DEBUG)
    async with running(service) as client:
        monkeypatch.setattr(inbox_module, "store_inbound", broken)
        refused = [
            (await client.post(WHATSAPP, content=wa_raw, headers=wa_headers(wa_raw))).status_code,
            (await client.post(TELEGRAM, json=tg_body, headers=TG_HEADERS)).status_code,
            (await client.post("/chat/messages", json=web_body)).status_code,
        ]
        monkeypatch.setattr(inbox_module, "store_inbound", real_store)
        # The platforms deliver again (and the page posts again, with the same id).
        again = [
            (await client.post(WHATSAPP, content=wa_raw, headers=wa_headers(wa_raw))).status_code,
            (await client.post(TELEGRAM, json=tg_body, headers=TG_HEADERS)).status_code,
            (await client.post("/chat/messages", json=web_body)).status_code,
        ]
        shot = await settle(service)
    assert all(status >= 500 for status in refused), f"acknowledged what was not stored: {refused}"
    assert again == [200, 200, 202]
    assert len(shot.events) == 3 and set(shot.replies_per_event()) == {e.id for e in shot.events}
    logged = "\n".join(
        caplog.handler.format(record) for record in caplog.records
    )  # with tracebacks, where there are any
    for planted in (DB_PHONE[-10:], "Yesenia", "Ortigoza"):
        assert planted not in logged, f"{planted!r} is in the log"
