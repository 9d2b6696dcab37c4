"""A small hand-written fake of the Telegram Bot API, served on 127.0.0.1 for channel tests.

It speaks just enough of the Bot API for python-telegram-bot to talk to it: getMe,
sendMessage, answerCallbackQuery, getUpdates, deleteWebhook and setWebhook. Every call is
recorded, and a test can script the next calls of a method to fail (429, 5xx, 403, 400)
or to hang, the way the real server sometimes does.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.fakes.loopback import LoopbackServer

BOT_ID = 7000000001
BOT_USER = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "Faro",
    "username": "faro_test_bot",
    "can_join_groups": False,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
# Parameters PTB sends JSON-encoded inside a form field; decoded so tests compare structures.
JSON_PARAMS = frozenset(
    {"reply_markup", "link_preview_options", "allowed_updates", "reply_parameters", "entities"}
)
# The real server holds a long poll for up to `timeout` seconds; the fake keeps it short so
# a test never waits on it.
LONG_POLL_CAP = 0.3


@dataclass(frozen=True, slots=True)
class Call:
    """One request the fake received."""

    method: str
    params: dict[str, Any]
    at: float  # time.monotonic() when it arrived
    status: int = 200


@dataclass(slots=True)
class _Fault:
    status: int
    body: Any
    hang: float = 0.0


@dataclass(slots=True)
class _State:
    calls: list[Call] = field(default_factory=list)
    faults: dict[str, deque[_Fault]] = field(default_factory=dict)
    updates: list[dict[str, Any]] = field(default_factory=list)


class FakeTelegramApi:
    """The fake server: start it, point TELEGRAM_API_BASE_URL at `base_url`, inspect `calls`."""

    def __init__(self, token: str) -> None:
        self.token = token
        self._lock = threading.Lock()
        self._state = _State()
        self._message_ids = itertools.count(1000)
        self._server: LoopbackServer | None = None
        self.port = 0

    # -- lifecycle -----------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """The value for TELEGRAM_API_BASE_URL (PTB appends the token)."""
        return f"http://127.0.0.1:{self.port}/bot"

    def start(self) -> None:
        """Serve on a free loopback port in a background thread."""
        app = Starlette(
            routes=[Route("/bot{token}/{method}", self._endpoint, methods=["GET", "POST"])]
        )
        self._server = LoopbackServer(app, name="fake Telegram API")
        self.port = self._server.port
        self._server.start()

    def stop(self) -> None:
        """Stop serving and wait for the thread."""
        if self._server is not None:
            self._server.stop()

    def reset(self) -> None:
        """Forget calls, scripted faults and queued updates (between tests)."""
        with self._lock:
            self._state = _State()

    # -- scripting -----------------------------------------------------------------------

    def fail(
        self,
        method: str,
        status: int,
        *,
        times: int = 1,
        retry_after: int = 1,
        description: str | None = None,
    ) -> None:
        """Make the next `times` calls of `method` fail with `status` as Telegram would."""
        for _ in range(times):
            self._add_fault(method, _Fault(status, _error_body(status, retry_after, description)))

    def hang(self, method: str, seconds: float, *, times: int = 1) -> None:
        """Make the next `times` calls of `method` wait `seconds` and then fail with 500."""
        for _ in range(times):
            self._add_fault(method, _Fault(500, _error_body(500, 0, None), hang=seconds))

    def clear_faults(self) -> None:
        """Let every method succeed again."""
        with self._lock:
            self._state.faults.clear()

    def queue_update(self, update: dict[str, Any]) -> None:
        """Hand `update` to the next getUpdates call."""
        with self._lock:
            self._state.updates.append(update)

    def _add_fault(self, method: str, fault: _Fault) -> None:
        with self._lock:
            self._state.faults.setdefault(method, deque()).append(fault)

    # -- inspection ----------------------------------------------------------------------

    @property
    def calls(self) -> list[Call]:
        """Every call so far, in order."""
        with self._lock:
            return list(self._state.calls)

    def calls_to(self, method: str) -> list[Call]:
        """The calls of one method, in order."""
        return [call for call in self.calls if call.method == method]

    def sent(self) -> list[dict[str, Any]]:
        """The parameters of every sendMessage the fake accepted."""
        return [c.params for c in self.calls_to("sendMessage") if c.status == 200]

    @property
    def pending_updates(self) -> int:
        """How many queued updates no getUpdates offset has confirmed yet."""
        with self._lock:
            return len(self._state.updates)

    # -- the server ----------------------------------------------------------------------

    async def _endpoint(self, request: Request) -> Response:
        method = request.path_params["method"]
        params = await _params(request)
        if request.path_params["token"] != self.token:
            self._record(method, params, 401)
            return _error(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        with self._lock:
            queue = self._state.faults.get(method)
            fault = queue.popleft() if queue else None
        if fault is not None:
            self._record(method, params, fault.status)
            if fault.hang:
                await asyncio.sleep(fault.hang)
            return _error(fault.status, fault.body)
        handler = {
            "getMe": self._get_me,
            "sendMessage": self._send_message,
            "answerCallbackQuery": self._true,
            "deleteWebhook": self._true,
            "setWebhook": self._true,
            "setMyCommands": self._true,
        }.get(method)
        if method == "getUpdates":
            self._record(method, params, 200)
            return _ok(await self._get_updates(params))
        if handler is None:
            self._record(method, params, 404)
            return _error(
                404, {"ok": False, "error_code": 404, "description": "Not Found: method not found"}
            )
        self._record(method, params, 200)
        return _ok(handler(params))

    def _record(self, method: str, params: dict[str, Any], status: int) -> None:
        with self._lock:
            self._state.calls.append(Call(method, params, time.monotonic(), status))

    def _get_me(self, _params: dict[str, Any]) -> Any:
        return BOT_USER

    def _true(self, _params: dict[str, Any]) -> Any:
        return True

    def _send_message(self, params: dict[str, Any]) -> Any:
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": int(params["chat_id"]), "type": "private"},
            "from": BOT_USER,
            "text": params.get("text", ""),
        }
        if isinstance(params.get("reply_markup"), dict):
            message["reply_markup"] = params["reply_markup"]
        return message

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        wait = min(float(params.get("timeout") or 0), LONG_POLL_CAP)
        deadline = time.monotonic() + wait
        while True:
            with self._lock:
                if offset:
                    # As on the real server, an offset confirms every earlier update.
                    self._state.updates = [
                        u for u in self._state.updates if u["update_id"] >= offset
                    ]
                ready = self._state.updates[:limit]
            if ready or time.monotonic() >= deadline:
                return ready
            await asyncio.sleep(0.02)


async def _params(request: Request) -> dict[str, Any]:
    raw: dict[str, Any] = dict(request.query_params)
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("application/json"):
        body = await request.json()
        if isinstance(body, dict):
            raw.update(body)
    elif request.method == "POST":
        form = await request.form()
        raw.update({key: value for key, value in form.items() if isinstance(value, str)})
    parsed: dict[str, Any] = {}
    for key, value in raw.items():
        if key in JSON_PARAMS and isinstance(value, str):
            parsed[key] = json.loads(value)
        else:
            parsed[key] = value
    return parsed


def _error_body(status: int, retry_after: int, description: str | None) -> Any:
    if status == 429:
        return {
            "ok": False,
            "error_code": 429,
            "description": description or f"Too Many Requests: retry after {retry_after}",
            "parameters": {"retry_after": retry_after},
        }
    if status == 502:
        # The real 502 comes from the proxy in front of the API, as HTML.
        return "<html><head><title>502 Bad Gateway</title></head></html>"
    default = {
        400: "Bad Request: query is too old and response timeout expired or query ID is invalid",
        403: "Forbidden: bot was blocked by the user",
        500: "Internal Server Error",
    }.get(status, "Error")
    return {"ok": False, "error_code": status, "description": description or default}


def _ok(result: Any) -> Response:
    return JSONResponse({"ok": True, "result": result})


def _error(status: int, body: Any) -> Response:
    if isinstance(body, str):
        return Response(body, status_code=status, media_type="text/html")
    return JSONResponse(body, status_code=status)
