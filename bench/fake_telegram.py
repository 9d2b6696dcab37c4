"""A small fake Telegram Bot API that runs inside the benchmark's own process.

It answers the handful of methods Faro's Telegram channel calls (getMe, sendMessage,
answerCallbackQuery, setWebhook, deleteWebhook) with valid Bot API JSON and records,
for every sendMessage, when it arrived and for which chat. It lives in the bench's
process on purpose: arrival times and the load generator's send times then come from
the same `time.monotonic()`, so a latency is one subtraction with no clock to align.
"""

from __future__ import annotations

import bisect
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


@dataclass(slots=True)
class _Deliveries:
    """Arrival times of sendMessage calls, per chat, in arrival order."""

    times: dict[int, list[float]] = field(default_factory=lambda: defaultdict(list))
    first_texts: dict[tuple[int, float], str] = field(default_factory=dict)
    total: int = 0
    refused: int = 0


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

    def first_delivery_after(self, chat_id: int, since: float) -> float | None:
        """The arrival time of the first sendMessage to `chat_id` at or after `since`."""
        with self._lock:
            times = self._deliveries.times.get(chat_id)
            if not times:
                return None
            index = bisect.bisect_left(times, since)
            return times[index] if index < len(times) else None

    def text_at(self, chat_id: int, at: float) -> str | None:
        """The text of the sendMessage to `chat_id` that arrived at `at`."""
        with self._lock:
            return self._deliveries.first_texts.get((chat_id, at))

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
            times = self._deliveries.times[chat_id]
            # Arrivals are kept in order per chat, so lookups can bisect.
            if times and arrived < times[-1]:
                arrived = times[-1]
            times.append(arrived)
            self._deliveries.first_texts.setdefault((chat_id, arrived), text[:200])
            self._deliveries.total += 1
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
