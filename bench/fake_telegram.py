"""A small fake Telegram Bot API that runs inside the benchmark's own process.

It answers the handful of methods Faro's Telegram channel calls (getMe, sendMessage,
answerCallbackQuery, setWebhook, deleteWebhook) with valid Bot API JSON and records,
for every sendMessage, when it arrived, for which chat and the start of its text. It
lives in the bench's process on purpose: arrival times and the load generator's send
times then come from the same `time.monotonic()`, so a latency is one subtraction with
no clock to align. The load generator can also wait (in its own event loop) for the
n-th sendMessage to a chat: Faro answers its webhook before it replies, so a simulated
person waits for the reply here, as a person waits on their phone.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import socket
import threading
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import uvicorn

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]

BOT_USER: dict[str, Any] = {
    "id": 7000000099,
    "is_bot": True,
    "first_name": "Faro",
    "username": "faro_bench_bot",
    "can_join_groups": False,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
START_TIMEOUT = 10.0
# Enough of a text to tell Faro's replies apart (and to match them with its outbox).
TEXT_PREFIX = 48


@dataclass(frozen=True, slots=True)
class Delivery:
    """One sendMessage that reached the fake: when, and the start of its text."""

    at: float
    text: str


@dataclass(slots=True)
class _Deliveries:
    """sendMessage calls, per chat, in arrival order."""

    chats: dict[int, list[Delivery]] = field(default_factory=lambda: defaultdict(list))
    total: int = 0
    refused: int = 0


@dataclass(slots=True)
class _Waiter:
    """The load generator waits for the `count`-th delivery to one chat."""

    count: int
    future: asyncio.Future[float]


class FakeBotApi:
    """Serve the fake on a free loopback port in a background thread with its own loop.

    A thread of its own (rather than the load generator's event loop) keeps the fake
    answering while the generator is busy scheduling sends; both still share the clock.
    """

    def __init__(self, token: str) -> None:
        self.token = token
        self.port = 0
        self._lock = threading.Lock()
        self._deliveries = _Deliveries()
        self._waiters: dict[int, _Waiter] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._message_ids = itertools.count(1)
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        """The value for TELEGRAM_API_BASE_URL (python-telegram-bot appends the token)."""
        return f"http://127.0.0.1:{self.port}/bot"

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> None:
        """Bind a free port and serve until `stop()`."""
        # IPPROTO_TCP spelled out: asyncio sets TCP_NODELAY only on sockets whose proto
        # says TCP, and accepted sockets inherit it. With proto 0, Nagle's algorithm holds
        # each response body until the client's delayed ACK, about 40 ms per call.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self.port = int(sock.getsockname()[1])
        # A bare ASGI app on uvicorn, not a framework, and no access log: the fake shares
        # the bench's process, and every bit of CPU it saves is left to the service under
        # test and to the load generator's timing.
        config = uvicorn.Config(
            self._app,
            interface="asgi3",
            log_level="warning",
            access_log=False,
            lifespan="off",
            timeout_graceful_shutdown=1,
            backlog=2048,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, name="fake-bot-api", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + START_TIMEOUT
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the fake Telegram Bot API did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        """Stop serving and wait (bounded) for the thread."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)

    # -- what the bench reads ----------------------------------------------------------------

    def deliveries(self, chat_id: int) -> list[Delivery]:
        """Every sendMessage to `chat_id` so far, in arrival order."""
        with self._lock:
            return list(self._deliveries.chats.get(chat_id, ()))

    def delivered_count(self, chat_id: int) -> int:
        """How many sendMessage calls to `chat_id` arrived so far."""
        with self._lock:
            return len(self._deliveries.chats.get(chat_id, ()))

    def attach(self, loop: asyncio.AbstractEventLoop) -> None:
        """Let coroutines of `loop` wait for deliveries (see `wait_for`)."""
        with self._lock:
            self._loop = loop
            self._waiters.clear()

    async def wait_for(self, chat_id: int, count: int, seconds: float) -> float | None:
        """The arrival time of the `count`-th sendMessage to `chat_id`; None after `seconds`.

        Called from the loop given to `attach`; one waiter per chat at a time (a person
        never has two messages in flight).
        """
        loop = asyncio.get_running_loop()
        with self._lock:
            if self._loop is not loop:
                raise RuntimeError("FakeBotApi.attach() was not called for this event loop")
            seen = self._deliveries.chats.get(chat_id, ())
            if len(seen) >= count:
                return seen[count - 1].at
            waiter = _Waiter(count, loop.create_future())
            self._waiters[chat_id] = waiter
        try:
            async with asyncio.timeout(seconds):
                return await waiter.future
        except TimeoutError:
            return None
        finally:
            with self._lock:
                if self._waiters.get(chat_id) is waiter:
                    del self._waiters[chat_id]

    @property
    def sent_total(self) -> int:
        """How many sendMessage calls were accepted so far."""
        with self._lock:
            return self._deliveries.total

    @property
    def refused_total(self) -> int:
        """How many calls were refused (wrong token, unknown method, bad parameters)."""
        with self._lock:
            return self._deliveries.refused

    # -- the server --------------------------------------------------------------------------

    async def _app(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        # Taken before reading the body: the latency ends when the request reaches us.
        arrived = time.monotonic()
        status, payload = await self._answer(scope, receive, arrived)
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def _answer(
        self, scope: Scope, receive: Receive, arrived: float
    ) -> tuple[int, dict[str, Any]]:
        chunks: list[bytes] = []
        while True:
            event = await receive()
            chunks.append(event.get("body", b""))
            if not event.get("more_body"):
                break
        # Paths look like /bot<token>/<method>, as on api.telegram.org.
        _, _, rest = scope["path"].partition("/bot")
        token, _, method = rest.rpartition("/")
        if token != self.token:
            return self._refuse(401, "Unauthorized")
        params = _params(scope, b"".join(chunks))
        if method == "sendMessage":
            return self._send_message(params, arrived)
        if method == "getMe":
            return 200, {"ok": True, "result": BOT_USER}
        if method in ("answerCallbackQuery", "setWebhook", "deleteWebhook"):
            return 200, {"ok": True, "result": True}
        return self._refuse(404, "Not Found: method not found")

    def _send_message(self, params: dict[str, Any], arrived: float) -> tuple[int, dict[str, Any]]:
        try:
            chat_id = int(params["chat_id"])
        except (KeyError, TypeError, ValueError):
            return self._refuse(400, "Bad Request: chat_id is empty")
        text = str(params.get("text", ""))
        if not text:
            return self._refuse(400, "Bad Request: message text is empty")
        with self._lock:
            seen = self._deliveries.chats[chat_id]
            # Arrivals are kept in order per chat (two sends can race to the lock).
            if seen and arrived < seen[-1].at:
                arrived = seen[-1].at
            seen.append(Delivery(arrived, text[:TEXT_PREFIX]))
            self._deliveries.total += 1
            waiter = self._waiters.get(chat_id)
            loop = self._loop
            if waiter is not None and loop is not None and len(seen) == waiter.count:
                with contextlib.suppress(RuntimeError):  # the load generator's loop closed
                    loop.call_soon_threadsafe(_resolve, waiter.future, seen[waiter.count - 1].at)
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": "Bench"},
            "from": BOT_USER,
            "text": text,
        }
        markup = params.get("reply_markup")
        if isinstance(markup, dict):
            message["reply_markup"] = markup
        return 200, {"ok": True, "result": message}

    def _refuse(self, status: int, description: str) -> tuple[int, dict[str, Any]]:
        with self._lock:
            self._deliveries.refused += 1
        return status, {"ok": False, "error_code": status, "description": description}


def _resolve(future: asyncio.Future[float], value: float) -> None:
    if not future.done():
        future.set_result(value)


def _params(scope: Scope, body: bytes) -> dict[str, Any]:
    """Bot API parameters, whether sent as JSON, a form, or the query string."""
    params: dict[str, Any] = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
    headers = dict(scope.get("headers") or [])
    content_type = headers.get(b"content-type", b"").decode("latin-1")
    if content_type.startswith("application/json"):
        with contextlib.suppress(ValueError):
            decoded = json.loads(body or b"{}")
            if isinstance(decoded, dict):
                params.update(decoded)
    elif content_type.startswith("application/x-www-form-urlencoded"):
        params.update(parse_qsl(body.decode("utf-8", errors="replace"), keep_blank_values=True))
    # python-telegram-bot sends nested objects JSON-encoded inside form fields.
    markup = params.get("reply_markup")
    if isinstance(markup, str):
        try:
            params["reply_markup"] = json.loads(markup)
        except ValueError:
            params.pop("reply_markup")
    return params
