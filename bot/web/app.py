"""One ASGI app serves the webhooks, the web chat, the health check, the desk and the API."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Protocol

import anyio.to_thread
from fastapi import APIRouter, FastAPI
from fastapi.responses import JSONResponse
from sqlalchemy import text

from bot.channels.web import MAX_CHAT_BODY, WebChatChannel
from bot.core.understanding import NluUnavailableError
from bot.service import Service
from bot.web.api.routes import build_api
from bot.web.desk.routes import build_desk
from bot.web.guards import KIB, RateLimiter, TrustedProxies, install_guards
from bot.web.staff import CsrfMiddleware, cookies_secure, signing_secret

log = logging.getLogger(__name__)

# Desk forms and API bodies are a few kilobytes at most (a message is 1,000 characters).
DESK_BODY_LIMIT = 64 * KIB
API_BODY_LIMIT = 64 * KIB


class ChannelAdapter(Protocol):
    """A channel mounted in the app: its routes and its start/stop hooks.

    A channel that sends through a platform also has `transport` and `rate_per_second`,
    and the pipeline's sender for it delivers its outbox.
    """

    name: str
    router: APIRouter

    async def start(self) -> None:
        """Prepare outbound clients (called once at app start)."""
        ...

    async def stop(self) -> None:
        """Release outbound clients (called once at app stop)."""
        ...


def enabled_channels(service: Service) -> list[ChannelAdapter]:
    """The channels whose settings are present, with a line in the log for each one."""
    settings = service.settings
    channels: list[ChannelAdapter] = [WebChatChannel(service)]
    if settings.telegram_enabled:
        from bot.channels.telegram import TelegramChannel

        channels.append(TelegramChannel(service))
        log.info("Telegram channel: on (webhook at POST /webhooks/telegram)")
    else:
        log.info("Telegram channel: off (set TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET)")
    if settings.whatsapp_enabled:
        from bot.channels.whatsapp import WhatsAppChannel

        channels.append(WhatsAppChannel(service))
        log.info("WhatsApp channel: on (webhook at GET|POST /webhooks/whatsapp)")
    else:
        log.info(
            "WhatsApp channel: off (set WHATSAPP_TOKEN, WHATSAPP_APP_SECRET, "
            "WHATSAPP_VERIFY_TOKEN and WHATSAPP_PHONE_NUMBER_ID)"
        )
    return channels


def create_app(
    service: Service,
    channels: list[ChannelAdapter] | None = None,
    *,
    close_service_on_shutdown: bool = False,
) -> FastAPI:
    """Build the ASGI app around a ready service (closed with the app when it owns it)."""
    mounted = channels if channels is not None else enabled_channels(service)

    pipeline = service.pipeline
    for channel in mounted:
        transport = getattr(channel, "transport", None)
        if transport is not None:
            pipeline.add_transport(transport, rate_per_second=channel.rate_per_second)  # type: ignore[attr-defined]

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        for channel in mounted:
            await channel.start()
        await pipeline.start()
        try:
            yield
        finally:
            # Senders first: they use the channels' clients.
            await pipeline.stop()
            for channel in reversed(mounted):
                await channel.stop()
            if close_service_on_shutdown:
                # uvicorn re-raises SIGTERM after shutdown, so code after uvicorn.run()
                # never runs then; the NLU child process must be stopped here.
                await anyio.to_thread.run_sync(service.close)

    app = FastAPI(title="Faro", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    settings = service.settings
    proxies = TrustedProxies(
        [item.strip() for item in settings.trusted_proxies.split(",") if item.strip()]
    )
    # Added before the guards, so it runs inside the body cap (asgi-csrf reads whole forms)
    # and its 403s get the security headers. Refuses to start without FARO_SECRET_KEY
    # outside development.
    app.add_middleware(
        CsrfMiddleware, secret=signing_secret(settings), secure=cookies_secure(settings)
    )
    install_guards(
        app,
        path_limits={"/chat/": MAX_CHAT_BODY, "/desk/": DESK_BODY_LIMIT, "/api/": API_BODY_LIMIT},
        proxies=proxies,
    )
    app.state.proxies = proxies
    app.state.limiter = RateLimiter(
        {"session": settings.web_rate_session, "address": settings.web_rate_address},
        storage_uri=settings.rate_limit_storage,
    )
    app.state.service = service
    app.state.channels = {channel.name: channel for channel in mounted}
    for channel in mounted:
        app.include_router(channel.router)
    app.mount("/desk", build_desk(service, proxies=proxies))
    app.mount("/api", build_api(service, proxies=proxies))

    @app.get("/healthz")
    async def healthz() -> JSONResponse:
        """Liveness and readiness: database reachable, NLU answering."""
        checks = await anyio.to_thread.run_sync(_health_checks, service)
        status = 200 if all(checks.values()) else 503
        return JSONResponse({"ok": status == 200, "checks": checks}, status_code=status)

    return app


def _health_checks(service: Service) -> dict[str, bool]:
    checks = {"database": False, "nlu": False}
    try:
        with service.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        checks["database"] = True
    except Exception:
        log.warning("health check: database unreachable")
    try:
        service.parser.parse("hola")
        checks["nlu"] = True
    except NluUnavailableError:
        log.warning("health check: NLU server unreachable")
    return checks
