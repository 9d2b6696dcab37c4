"""Fixtures for channel tests: the fake Telegram Bot API and the real app around a service."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from bot.core.understanding import IntentParser
from bot.pipeline.outbox import RetryPolicy
from bot.service import Service
from bot.storage.models import InboundEvent, OutboxMessage
from bot.storage.repository import UNSENT_STATUSES, outbox_counts, pending_event_count
from bot.web.app import create_app
from tests.conftest import ServiceFactory
from tests.fakes.telegram_api import FakeTelegramApi

TELEGRAM_TOKEN = "123456789:AAFaroTestTokenNeverValid_abcdefghijk"
TELEGRAM_SECRET = "webhook-secret-for-tests-0123456789"
LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})


@pytest.fixture(scope="session")
def telegram_server() -> Iterator[FakeTelegramApi]:
    """The fake Bot API, started once per session on a free loopback port."""
    server = FakeTelegramApi(TELEGRAM_TOKEN)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def telegram_api(telegram_server: FakeTelegramApi) -> Iterator[FakeTelegramApi]:
    """The fake Bot API with no calls, faults or updates left from another test."""
    telegram_server.reset()
    yield telegram_server
    telegram_server.reset()


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any lookup of a host that is not loopback, as PTB's OfflineRequest fails tests."""
    real = socket.getaddrinfo

    def guarded(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name is not None and name not in LOOPBACK:
            raise OSError(f"a test tried to reach {name!r}; tests must stay offline")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", guarded)


@dataclass
class TelegramHarness:
    """The real ASGI app with its Telegram channel started, and the fake API behind it."""

    app: FastAPI
    client: httpx.AsyncClient
    service: Service
    api: FakeTelegramApi

    async def post(
        self,
        body: dict[str, Any] | bytes,
        *,
        secret: str | None = TELEGRAM_SECRET,
        wait: bool = True,
    ) -> httpx.Response:
        """Deliver a webhook call as Telegram does; by default wait until it is answered."""
        headers = {b"Content-Type": b"application/json"}
        if secret is not None:
            # Raw UTF-8 bytes, so a non-ASCII secret arrives as a misconfigured sender sends it.
            headers[b"X-Telegram-Bot-Api-Secret-Token"] = secret.encode("utf-8")
        if isinstance(body, bytes):
            response = await self.client.post("/webhooks/telegram", content=body, headers=headers)
        else:
            response = await self.client.post("/webhooks/telegram", json=body, headers=headers)
        if wait:
            await self.settle()
        return response

    def processed(self) -> list[str]:
        """The Telegram message ids stored in the inbox."""
        return stored_message_ids(self.service, "telegram")

    async def settle(self, seconds: float = 10.0) -> None:
        """Wait until every message is handled, every reply sent, every button acknowledged."""
        await settle(self.service, seconds)
        channel = self.app.state.channels["telegram"]
        await wait_for(lambda: channel.pending_acknowledgements == 0, seconds)


def stored_message_ids(service: Service, channel: str) -> list[str]:
    """The platform message ids of a channel stored in the inbox."""
    with service.sessions() as session:
        rows = session.scalars(
            select(InboundEvent.message_id).where(InboundEvent.channel == channel)
        )
        return sorted(rows)


def _unfinished(service: Service) -> int:
    with service.sessions() as session:
        events = pending_event_count(session=session)
        counts = outbox_counts(session=session)
    # Web chat messages wait for the page to fetch them, not for a sender.
    with service.sessions() as session:
        web_waiting = int(
            session.execute(
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.channel == "web", OutboxMessage.status.in_(UNSENT_STATUSES))
            ).scalar_one()
        )
    return events + sum(counts.get(status, 0) for status in UNSENT_STATUSES) - web_waiting


async def settle(service: Service, seconds: float = 10.0) -> None:
    """Wait until the pipeline has handled every stored message and sent every reply."""
    deadline = asyncio.get_running_loop().time() + seconds
    while _unfinished(service):
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"the pipeline did not settle within {seconds} s")
        await asyncio.sleep(0.02)


def outbox_rows(service: Service) -> list[tuple[str, str | None]]:
    """(status, error) of every outbox row, oldest first."""
    with service.sessions() as session:
        rows = session.execute(
            select(OutboxMessage.status, OutboxMessage.error).order_by(OutboxMessage.id)
        ).all()
        return [(str(status), error) for status, error in rows]


async def wait_for(condition: Callable[[], bool], seconds: float = 5.0) -> None:
    """Wait until `condition()` holds, failing the test after `seconds`."""
    deadline = asyncio.get_running_loop().time() + seconds
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"still not true after {seconds} s")
        await asyncio.sleep(0.02)


# The pipeline's one retry policy with tiny waits, so retry tests stay fast.
FAST_RETRIES = RetryPolicy(initial=0.01, max_wait=0.05, attempt_window=1.0, give_up_after=3.0)

OpenTelegram = Callable[..., AbstractAsyncContextManager[TelegramHarness]]


@pytest.fixture
def open_telegram(
    make_service: ServiceFactory, telegram_api: FakeTelegramApi, offline: None
) -> OpenTelegram:
    """Open the app with Telegram on; keyword overrides are settings (FARO_OUTBOUND_...)."""

    @asynccontextmanager
    async def opened(
        parser: IntentParser | None = None, *, polling: bool = False, **overrides: Any
    ) -> AsyncIterator[TelegramHarness]:
        settings: dict[str, Any] = {
            "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN,
            "TELEGRAM_WEBHOOK_SECRET": TELEGRAM_SECRET,
            "TELEGRAM_API_BASE_URL": telegram_api.base_url,
            "FARO_OUTBOUND_TIMEOUT": 5.0,
            "FARO_OUTBOUND_RETRIES": 3,
        }
        settings.update(overrides)
        service = make_service(parser=parser, **settings)
        service.pipeline.policy = FAST_RETRIES
        app = create_app(service)
        if polling:
            app.state.channels["telegram"].enable_polling()
        # ASGITransport runs no lifespan, so the app's own lifespan starts the channels.
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(
                transport=transport, base_url="http://testserver"
            ) as client:
                yield TelegramHarness(app=app, client=client, service=service, api=telegram_api)

    return opened


@pytest.fixture
async def telegram(open_telegram: OpenTelegram) -> AsyncIterator[TelegramHarness]:
    """The app with Telegram on, the keyword fake parser, and default retry settings."""
    async with open_telegram() as harness:
        yield harness
