"""A small fake of Meta's Graph API `/<version>/<phone_number_id>/messages`, on loopback.

It checks the bearer token, checks each body against WhatsApp's documented limits, records
what it was sent, and answers like the real API (`wa_send_response.json`, Meta's error JSON).
Tests can script the next calls to fail (429, 5xx), hang past the client's timeout, or be
refused with a Meta error such as 131047 (outside the 24-hour window).
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from tests.fakes.loopback import LoopbackServer

API_VERSION = "v21.0"

ERRORS: dict[int, tuple[str, str]] = {
    190: ("Error validating access token", "The access token could not be decrypted"),
    130429: (
        "Rate limit hit",
        "Message failed to send because there were too many messages sent from this phone "
        "number in a short period of time",
    ),
    80007: ("Rate limit issues", "The WhatsApp Business Account has reached its rate limit"),
    131000: ("Something went wrong", "Message failed to send due to an unknown error"),
    131009: ("Parameter value is not valid", "One or more parameter values are invalid"),
    131047: (
        "Re-engagement message",
        "Message failed to send because more than 24 hours have passed since the customer "
        "last replied to this number.",
    ),
}


def meta_error(code: int, details: str | None = None) -> dict[str, Any]:
    """An error body in the shape the Cloud API answers with."""
    title, default_details = ERRORS.get(code, ("Unknown error", "Unknown error"))
    return {
        "error": {
            "message": f"(#{code}) {title}",
            "type": "OAuthException",
            "code": code,
            "error_data": {"messaging_product": "whatsapp", "details": details or default_details},
            "fbtrace_id": "AazFakeTraceId0123456789",
        }
    }


@dataclass
class Call:
    """One request the fake received and how it answered."""

    phone_number_id: str
    authorized: bool
    body: Any
    status: int
    problems: list[str] = field(default_factory=list)


@dataclass
class _Action:
    status: int = 200
    code: int | None = None
    retry_after: str | None = None
    hang: bool = False
    plain: str | None = None


class FakeGraphApi:
    """The fake Graph API server; `start()` it, point WHATSAPP_API_BASE_URL at `base_url`."""

    def __init__(self, *, token: str, phone_number_id: str, hang_seconds: float = 5.0) -> None:
        self.token = token
        self.phone_number_id = phone_number_id
        self.hang_seconds = hang_seconds
        self.calls: list[Call] = []
        self._script: list[_Action] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._generation = 0
        self._counter = 0
        self._server: LoopbackServer | None = None
        self.port = 0

    # -- lifecycle -----------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """What WHATSAPP_API_BASE_URL should be."""
        return f"http://127.0.0.1:{self.port}/{API_VERSION}"

    def start(self) -> None:
        """Serve on a free loopback port in a background thread."""
        app = Starlette(
            routes=[
                Route("/{version}/{phone_number_id}/messages", self._messages, methods=["POST"])
            ]
        )
        self._server = LoopbackServer(app, name="fake Graph API")
        self.port = self._server.port
        self._server.start()

    def stop(self) -> None:
        """Stop serving (hanging requests are let go first)."""
        self._stopping.set()
        if self._server is not None:
            self._server.stop()

    def reset(self) -> None:
        """Forget recorded calls and any scripted failures."""
        with self._lock:
            self.calls.clear()
            self._script.clear()
            self._generation += 1  # lets a request still hanging from the last test go

    # -- scripting -----------------------------------------------------------------------

    def fail_next(
        self,
        times: int = 1,
        *,
        status: int = 429,
        code: int | None = 130429,
        retry_after: str | None = None,
        plain: str | None = None,
    ) -> None:
        """Answer the next `times` calls with `status` and Meta's error `code` (or plain text)."""
        with self._lock:
            self._script.extend(
                _Action(status=status, code=code, retry_after=retry_after, plain=plain)
                for _ in range(times)
            )

    def allow_next(self, times: int = 1) -> None:
        """Let the next `times` calls through (to place a failure later in the script)."""
        with self._lock:
            self._script.extend(_Action() for _ in range(times))

    def refuse_next(self, times: int = 1, *, code: int = 131047) -> None:
        """Answer the next `times` calls with HTTP 400 and Meta's error `code`."""
        self.fail_next(times, status=400, code=code)

    def hang_next(self, times: int = 1) -> None:
        """Hold the next `times` calls open for `hang_seconds` (past any sane client timeout)."""
        with self._lock:
            self._script.extend(_Action(hang=True) for _ in range(times))

    # -- what was sent -------------------------------------------------------------------

    @property
    def delivered(self) -> list[dict[str, Any]]:
        """The bodies the fake accepted (HTTP 200), in order."""
        with self._lock:
            return [call.body for call in self.calls if call.status == 200]

    @property
    def rejected(self) -> list[Call]:
        """Calls refused because the body broke a WhatsApp limit or shape rule."""
        with self._lock:
            return [call for call in self.calls if call.problems]

    # -- the endpoint --------------------------------------------------------------------

    async def _messages(self, request: Request) -> Response:
        phone_number_id = request.path_params["phone_number_id"]
        authorized = request.headers.get("authorization") == f"Bearer {self.token}"
        try:
            body: Any = await request.json()
        except ValueError:
            body = None
        with self._lock:
            action = self._script.pop(0) if self._script else _Action()
            call = Call(phone_number_id, authorized, body, 200)
            self.calls.append(call)
            self._counter += 1
            counter = self._counter
            generation = self._generation
        if not authorized:
            call.status = 401
            return JSONResponse(meta_error(190), status_code=401)
        if phone_number_id != self.phone_number_id:
            call.status = 400
            return JSONResponse(meta_error(131009, "Unknown phone number id"), status_code=400)
        call.problems = problems(body)
        if call.problems:
            call.status = 400
            return JSONResponse(meta_error(131009, "; ".join(call.problems)), status_code=400)
        if action.hang:
            call.status = 0
            for _ in range(int(self.hang_seconds / 0.02)):
                if generation != self._generation or self._stopping.is_set():
                    break
                await asyncio.sleep(0.02)
            return Response(status_code=504)
        if action.status != 200:
            call.status = action.status
            headers = {"Retry-After": action.retry_after} if action.retry_after else None
            if action.plain is not None:
                return PlainTextResponse(action.plain, status_code=action.status, headers=headers)
            content = meta_error(action.code) if action.code is not None else {}
            return JSONResponse(content, status_code=action.status, headers=headers)
        to = body["to"]
        return JSONResponse(
            {
                "messaging_product": "whatsapp",
                "contacts": [{"input": to, "wa_id": to.lstrip("+")}],
                "messages": [{"id": f"wamid.FAKE{counter:012d}"}],
            }
        )


def problems(body: Any) -> list[str]:
    """Every way `body` breaks the Cloud API's shape or its documented limits."""
    if not isinstance(body, dict):
        return ["body is not a JSON object"]
    found: list[str] = []
    if body.get("messaging_product") != "whatsapp":
        found.append("messaging_product must be whatsapp")
    if body.get("recipient_type", "individual") != "individual":
        found.append("recipient_type must be individual")
    if not isinstance(body.get("to"), str) or not body["to"]:
        found.append("to is required")
    kind = body.get("type")
    if kind == "text":
        text = body.get("text") or {}
        _check_text(found, "text.body", text.get("body"), 4096)
        if not isinstance(text.get("preview_url", False), bool):
            found.append("text.preview_url must be a boolean")
    elif kind == "interactive":
        _check_interactive(found, body.get("interactive") or {})
    else:
        found.append(f"unexpected type {kind!r}")
    return found


def _check_text(found: list[str], where: str, value: Any, limit: int) -> None:
    if not isinstance(value, str) or not value.strip():
        found.append(f"{where} is empty")
    elif len(value) > limit:
        found.append(f"{where} is longer than {limit}")


def _check_interactive(found: list[str], interactive: dict[str, Any]) -> None:
    kind = interactive.get("type")
    body_limit = 1024 if kind == "button" else 4096
    _check_text(
        found, "interactive.body.text", (interactive.get("body") or {}).get("text"), body_limit
    )
    header = interactive.get("header")
    if header is not None and header.get("type") == "text":
        _check_text(found, "header.text", header.get("text"), 60)
    action = interactive.get("action") or {}
    if kind == "button":
        buttons = action.get("buttons") or []
        if not 1 <= len(buttons) <= 3:
            found.append("1 to 3 buttons")
        titles = []
        for button in buttons:
            reply = button.get("reply") or {}
            if button.get("type") != "reply":
                found.append("button type must be reply")
            _check_text(found, "button id", reply.get("id"), 256)
            _check_text(found, "button title", reply.get("title"), 20)
            titles.append(reply.get("title"))
        if len(set(titles)) != len(titles):
            found.append("button titles must be unique")
    elif kind == "list":
        _check_text(found, "action.button", action.get("button"), 20)
        sections = action.get("sections") or []
        rows = [row for section in sections for row in section.get("rows") or []]
        if not 1 <= len(sections) <= 10:
            found.append("1 to 10 sections")
        if len(sections) > 1 and not all(section.get("title") for section in sections):
            found.append("every section needs a title when there are several")
        if not 1 <= len(rows) <= 10:
            found.append("1 to 10 rows in all")
        for row in rows:
            _check_text(found, "row id", row.get("id"), 200)
            _check_text(found, "row title", row.get("title"), 24)
            if "description" in row:
                _check_text(found, "row description", row.get("description"), 72)
    else:
        found.append(f"unexpected interactive type {kind!r}")
