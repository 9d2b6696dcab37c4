"""Fixtures for channel tests: the fake Telegram Bot API and the real app around a service."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select

from bot.core.understanding import IntentParser
from bot.service import Service
from bot.storage.models import ProcessedMessage
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
        self, body: dict[str, Any] | bytes, *, secret: str | None = TELEGRAM_SECRET
    ) -> httpx.Response:
        """Deliver a webhook call as Telegram does."""
        headers = {b"Content-Type": b"application/json"}
        if secret is not None:
            # Raw UTF-8 bytes, so a non-ASCII secret arrives as a misconfigured sender sends it.
            headers[b"X-Telegram-Bot-Api-Secret-Token"] = secret.encode("utf-8")
        if isinstance(body, bytes):
            return await self.client.post("/webhooks/telegram", content=body, headers=headers)
        return await self.client.post("/webhooks/telegram", json=body, headers=headers)

    def processed(self) -> list[str]:
        """The Telegram message ids the store has claimed."""
        with self.service.sessions() as session:
            rows = session.scalars(
                select(ProcessedMessage.message_id).where(ProcessedMessage.channel == "telegram")
            )
            return sorted(rows)


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
