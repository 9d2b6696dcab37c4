"""A fake Telegram Bot API whose sendMessage can be throttled, held or scripted, on loopback.

Unlike `tests.fakes.telegram_api`, it records the message id it hands back for every
sendMessage it accepts, so a test can tell which outbox row each delivery belongs to
(the outbox keeps that id as `platform_id`) and spot a message that went out twice. It
also counts the sends it holds open, so a test can kill the service with none in flight.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.fakes.loopback import LoopbackServer

BOT_USER = {"id": 7000000001, "is_bot": True, "first_name": "Faro", "username": "faro_test_bot"}


@dataclass(frozen=True, slots=True)
class Sent:
    """One sendMessage the fake accepted, with the message id it answered."""

    chat_id: int
    text: str
    message_id: int
    at: float


@dataclass(frozen=True, slots=True)
class Answer:
    """How the fake answered one sendMessage: the chat, the HTTP status and when."""

    chat_id: int
    status: int
    at: float


@dataclass(frozen=True, slots=True)
class Fault:
    """How to answer one scripted sendMessage: wait `delay` s, then `status` (200 accepts)."""

    status: int = 200
    delay: float = 0.0
    retry_after: int = 1


class GatedBotApi:
    """The fake server: `start()` it and point TELEGRAM_API_BASE_URL at `base_url`."""

    def __init__(self, token: str) -> None:
        self.token = token
        self._lock = threading.Lock()
        self._ids = itertools.count(5000)
        self._script: deque[Fault] = deque()
        self._throttle: int | None = None
        self._hold_until = 0.0
        # Held calls wait on this event (on the server's loop); open() sets it.
        self._release: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._sent: list[Sent] = []
        self._answers: list[Answer] = []
        self._in_flight = 0
        self._server: LoopbackServer | None = None

    # -- lifecycle -------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """The value for TELEGRAM_API_BASE_URL (PTB appends the token)."""
        if self._server is None:
            raise RuntimeError("start() the fake Bot API first")
        return f"{self._server.url}/bot"

    def start(self) -> None:
        """Serve on a free loopback port in a background thread."""
        app = Starlette(routes=[Route("/bot{token}/{method}", self._endpoint, methods=["POST"])])
        self._server = LoopbackServer(app, name="gated fake Bot API")
        self._server.start()

    def stop(self) -> None:
        """Let held sends go and stop serving."""
        self.open()
        if self._server is not None:
            self._server.stop()

    def reset(self) -> None:
        """Forget every send and script, and let held sends go."""
        with self._lock:
            self._script.clear()
            self._sent.clear()
            self._answers.clear()
            self._throttle = None
            self._hold_until = 0.0
        self._let_go()

    # -- scripting -------------------------------------------------------------------------

    def throttle(self, retry_after: int) -> None:
        """Answer every sendMessage 429 with `retry_after` until `open()`."""
        with self._lock:
            self._throttle = retry_after

    def hold(self, seconds: float) -> None:
        """Hold every sendMessage for up to `seconds` (until `open()`), then answer 500.

        answerCallbackQuery is held the same way: the whole platform hangs.
        """
        with self._lock:
            self._hold_until = time.monotonic() + seconds

    def open(self) -> None:
        """Accept sendMessage again, and let held sends go (they get a 500)."""
        with self._lock:
            self._throttle = None
            self._hold_until = 0.0
        self._let_go()

    def _let_go(self) -> None:
        with self._lock:
            release, loop = self._release, self._loop
            self._release = None
        if release is not None and loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(release.set)

    def script(self, *faults: Fault) -> None:
        """Answer the next sendMessage calls as `faults` say, in order."""
        with self._lock:
            self._script.extend(faults)

    # -- inspection ------------------------------------------------------------------------

    @property
    def sent(self) -> list[Sent]:
        """Every accepted sendMessage, in the order the fake answered them."""
        with self._lock:
            return list(self._sent)

    def sent_to(self, chat_id: int) -> list[Sent]:
        """The accepted sendMessage calls of one chat, in order."""
        return [sent for sent in self.sent if sent.chat_id == chat_id]

    @property
    def answers(self) -> list[Answer]:
        """How every sendMessage was answered so far, in order."""
        with self._lock:
            return list(self._answers)

    @property
    def in_flight(self) -> int:
        """sendMessage calls received and not answered yet."""
        with self._lock:
            return self._in_flight

    # -- the server ------------------------------------------------------------------------

    async def _endpoint(self, request: Request) -> Response:
        if request.path_params["token"] != self.token:
            return _error(401, "Unauthorized")
        method = request.path_params["method"]
        if method == "getMe":
            return _ok(BOT_USER)
        if method == "answerCallbackQuery":
            await self._wait_while_held()
            return _ok(True)
        if method in ("setWebhook", "deleteWebhook"):
            return _ok(True)
        if method != "sendMessage":
            return _error(404, "Not Found: method not found")
        params = await _params(request)
        with self._lock:
            self._in_flight += 1
        try:
            return await self._send_message(params)
        finally:
            with self._lock:
                self._in_flight -= 1

    async def _send_message(self, params: dict[str, Any]) -> Response:
        with self._lock:
            throttle = self._throttle
            hold_until = self._hold_until
            fault = self._script.popleft() if self._script and throttle is None else None
        chat_id = int(params.get("chat_id", 0))
        if throttle is not None:
            return self._answer(chat_id, 429, throttle)
        if hold_until > time.monotonic():
            await self._wait_while_held()
            return self._answer(chat_id, 500, 0)
        if fault is not None:
            await asyncio.sleep(fault.delay)
            if fault.status != 200:
                return self._answer(chat_id, fault.status, fault.retry_after)
        with self._lock:
            message_id = next(self._ids)
            now = time.monotonic()
            self._sent.append(Sent(chat_id, str(params.get("text", "")), message_id, now))
            self._answers.append(Answer(chat_id, 200, now))
        return _ok(
            {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private"},
                "from": BOT_USER,
                "text": params.get("text", ""),
            }
        )

    async def _wait_while_held(self) -> None:
        # An event, not a polling loop: dozens of held calls must cost no CPU, or the
        # fake would slow down the service it is measuring.
        with self._lock:
            hold_until = self._hold_until
            if self._release is None:
                self._loop = asyncio.get_running_loop()
                self._release = asyncio.Event()
            release = self._release
        remaining = hold_until - time.monotonic()
        if remaining > 0:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(remaining):
                    await release.wait()

    def _answer(self, chat_id: int, status: int, retry_after: int) -> Response:
        with self._lock:
            self._answers.append(Answer(chat_id, status, time.monotonic()))
        if status == 429:
            return JSONResponse(
                {
                    "ok": False,
                    "error_code": 429,
                    "description": f"Too Many Requests: retry after {retry_after}",
                    "parameters": {"retry_after": retry_after},
                },
                status_code=429,
            )
        return _error(status, "Internal Server Error" if status >= 500 else "Bad Request")


async def _params(request: Request) -> dict[str, Any]:
    if request.headers.get("content-type", "").startswith("application/json"):
        body = await request.json()
        return body if isinstance(body, dict) else {}
    form = await request.form()
    params: dict[str, Any] = {}
    for key, value in form.items():
        if isinstance(value, str):
            params[key] = json.loads(value) if key == "reply_markup" else value
    return params


def _ok(result: Any) -> Response:
    return JSONResponse({"ok": True, "result": result})


def _error(status: int, description: str) -> Response:
    return JSONResponse(
        {"ok": False, "error_code": status, "description": description}, status_code=status
    )
