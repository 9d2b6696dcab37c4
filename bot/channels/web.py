"""The web chat: a small page at `/`, a message endpoint and a long-poll for replies.

It takes the same path as every channel: a message is stored in the inbox and answered
with 202; a turn worker answers it into the outbox; the page fetches its replies with a
long poll.

Who the person is: two parts. The browser holds an unguessable, HttpOnly session cookie,
the secret that no script and no other site can read. Each tab holds a conversation key
(random, in the tab's `sessionStorage`) and sends it with every post and poll in the
`X-Faro-Conversation` header. The person Faro knows is a hash of the two: a reload
continues the tab's conversation, a new tab on the same phone is a new person (shared
phones are common on the move), and the page offers a new tab "Continue my conversation",
which takes the key the phone last used. The key alone opens nothing without the cookie.
A request without a key is a conversation of its own (pages from before the key); a
malformed key is refused.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import time
import uuid
from pathlib import Path
from typing import Annotated

import anyio.to_thread
from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field, StringConstraints, ValidationError, field_validator

from bot.core import phrases
from bot.core.assistant import COMMANDS
from bot.core.i18n import language_name
from bot.core.messages import DEFAULT_LANGUAGE, LANGUAGES, Channel, Incoming, Kind, Reply
from bot.pipeline.inbox import safe_text
from bot.service import Service
from bot.storage.repository import WebReply, find_person_id, web_replies_after
from bot.web.guards import (
    RateLimiter,
    TrustedProxies,
    address_bucket,
    csp_nonce,
    read_capped_body,
    too_many_requests,
)

TEMPLATES = Jinja2Templates(
    directory=str(Path(__file__).resolve().parent.parent / "web" / "templates")
)
SESSION_COOKIE = "faro_session"
SESSION_MAX_AGE = 30 * 24 * 3600
# 32 random bytes, URL-safe base64: what we hand out; anything else starts a new session.
SESSION_PATTERN = re.compile(r"^[A-Za-z0-9_-]{43}$")
CONVERSATION_HEADER = "X-Faro-Conversation"
# 16 random bytes in lowercase hex, as the page makes them; anything else is refused.
CONVERSATION_PATTERN = re.compile(r"^[0-9a-f]{32}$")
# Past 4,096 characters the person gets a friendly "too long"; past this, a 422.
MAX_WEB_TEXT = 8192
MAX_CHAT_BODY = 40 * 1024  # 8,192 characters of up to 4 bytes, and the JSON around them
LONG_POLL_SECONDS = 20.0
HISTORY_ON_LOAD = 20


class ChatMessage(BaseModel):
    """What the page posts for one message or button press."""

    message_id: Annotated[str, StringConstraints(min_length=1, max_length=64)] = Field(
        default_factory=lambda: uuid.uuid4().hex
    )
    text: Annotated[str, StringConstraints(max_length=MAX_WEB_TEXT)] = ""
    payload: Annotated[str, StringConstraints(max_length=64)] = ""
    lang: str | None = None

    @field_validator("lang")
    @classmethod
    def _a_language_faro_speaks(cls, lang: str | None) -> str | None:
        if lang is not None and lang not in LANGUAGES:
            raise ValueError(f"one of {', '.join(LANGUAGES)}")
        return lang


class ReplyOut(BaseModel):
    """One reply as the page renders it."""

    id: int
    text: str
    buttons: list[dict[str, str]]
    options: list[dict[str, str]]
    list_label: str
    lang: str
    # Its choices answer to their numbers: the page shows 1, 2... on them.
    numbered: bool = False


class Accepted(BaseModel):
    """The page's message was stored and will be answered."""

    message_id: str


class Replies(BaseModel):
    """Faro's messages to this person since the page last asked."""

    replies: list[ReplyOut]


def _render(item: WebReply) -> ReplyOut:
    reply: Reply = item.reply
    return ReplyOut(
        id=item.id,
        text=reply.text,
        buttons=[{"id": b.id, "title": b.title} for b in reply.buttons],
        options=[
            {"id": o.id, "title": o.title, "description": o.description} for o in reply.options
        ],
        list_label=reply.list_label,
        lang=reply.lang,
        numbered=reply.numbered,
    )


def person_key(session_token: str, conversation: str | None = None) -> str:
    """The id the database keeps for a conversation: a hash, so a leaked row is no cookie."""
    # No key: the hash a session had before conversation keys, so those pages go on.
    secret = session_token if conversation is None else f"{session_token}:{conversation}"
    return hashlib.sha256(secret.encode("ascii")).hexdigest()[:40]


class WebChatChannel:
    """The web chat channel."""

    name = "web"

    def __init__(self, service: Service) -> None:
        self._service = service
        self._translator = service.translator
        self.router = APIRouter()
        self.router.add_api_route("/", self.page, methods=["GET"], response_class=HTMLResponse)
        self.router.add_api_route(
            "/chat/messages",
            self.message,
            methods=["POST"],
            status_code=202,
            response_model=Accepted,
        )
        self.router.add_api_route(
            "/chat/replies", self.replies, methods=["GET"], response_model=Replies
        )

    async def start(self) -> None:
        """Nothing to prepare: replies are fetched by the page."""

    async def stop(self) -> None:
        """Nothing to release."""

    async def page(self, request: Request, lang: str | None = None) -> HTMLResponse:
        """The chat page, its fixed strings in the chosen or the browser's language."""
        # A link may carry any tag: "es-MX", "ES", "pt_BR" mean the language; one Faro does
        # not speak is ignored (the browser's language, then the question, decide).
        chosen = primary_language(lang)
        chosen = chosen if chosen in LANGUAGES else None
        page_lang = chosen or _accepted_language(request)
        # Every language's page strings ride along (a few hundred bytes), so the page
        # follows the conversation when the person picks or is detected in another.
        strings = {code: self._page_strings(code) for code in LANGUAGES}
        response = TEMPLATES.TemplateResponse(
            request,
            "chat.html",
            {
                "lang": page_lang,
                "chosen": chosen,
                "languages": [(code, language_name(code)) for code in LANGUAGES],
                "strings": strings[page_lang],
                "all_strings": strings,
                "nonce": csp_nonce(request),
            },
        )
        _session(request, response)
        return response

    def _page_strings(self, lang: str) -> dict[str, str]:
        _ = self._translator.gettext_for(lang)
        return {
            "title": _(phrases.PAGE_TITLE),
            "placeholder": _(phrases.PAGE_PLACEHOLDER),
            "send": _(phrases.PAGE_SEND),
            "language": _(phrases.BUTTON_LANGUAGE),
            "privacy": _(phrases.PAGE_PRIVACY),
            "offline": _(phrases.PAGE_OFFLINE),
            "choices": _(phrases.PAGE_CHOICES),
            "typing": _(phrases.PAGE_TYPING),
            "continue": _(phrases.PAGE_CONTINUE),
            "conversation": _(phrases.PAGE_CONVERSATION),
        }

    async def message(self, request: Request, response: Response) -> Accepted | JSONResponse:
        """Store one message from the page; the reply comes through /chat/replies."""
        conversation = _conversation(request)
        if isinstance(conversation, JSONResponse):
            return conversation
        body = await _chat_message(request)
        if isinstance(body, JSONResponse):
            return body
        token = _session(request, response)
        user = person_key(token, conversation)
        # Limited per browser, not per tab: opening tabs buys no extra messages.
        refused = await _over_limit(request, person_key(token))
        if refused is not None:
            return refused
        command = None if body.payload else command_name(body.text)
        incoming = Incoming(
            channel=Channel.WEB,
            user_id=user,
            # Scoped to the conversation, so one page cannot collide with another's ids.
            message_id=f"{user}:{body.message_id}",
            kind=Kind.BUTTON if body.payload else Kind.COMMAND if command else Kind.TEXT,
            text=body.text,
            payload=body.payload or command or "",
            lang=body.lang,
        )
        await self._service.pipeline.inbox.store([incoming])
        return Accepted(message_id=body.message_id)

    async def replies(
        self,
        request: Request,
        response: Response,
        after: Annotated[int, Query(ge=0, le=2**62)] = 0,
        wait: Annotated[float, Query(ge=0, le=LONG_POLL_SECONDS)] = LONG_POLL_SECONDS,
    ) -> Replies | JSONResponse:
        """Faro's messages newer than `after`, waiting up to `wait` seconds for one."""
        conversation = _conversation(request)
        if isinstance(conversation, JSONResponse):
            return conversation
        token = _session(request, response)
        user = person_key(token, conversation)
        deadline = time.monotonic() + wait
        broadcast = self._service.pipeline.web_replies
        while True:
            found = await anyio.to_thread.run_sync(self._fetch, user, after)
            remaining = deadline - time.monotonic()
            if found or remaining <= 0 or await request.is_disconnected():
                return Replies(replies=[_render(item) for item in found])
            # Woken at once by this process's workers; other processes' by the re-check.
            await broadcast.wait(min(remaining, 1.0))

    def _fetch(self, user: str, after: int) -> list[WebReply]:
        database = self._service.database
        with database.read() as session:
            person_id = find_person_id(
                session=session, channel=Channel.WEB.value, channel_user_id=user
            )
        if person_id is None:
            return []
        limit = 50 if after else HISTORY_ON_LOAD
        with database.write() as session:
            return web_replies_after(
                session=session,
                cipher=self._service.cipher,
                person_id=person_id,
                after=after,
                limit=limit,
            )


async def _chat_message(request: Request) -> ChatMessage | JSONResponse:
    """The posted message, or a 422 naming only the fields at fault.

    Parsed with Python's json rather than FastAPI's, which refuses a lone surrogate (half
    an emoji, as a broken keyboard sends): that text is still a message to answer.
    """
    raw = await read_capped_body(request, MAX_CHAT_BODY)
    if raw is None:
        return JSONResponse({"detail": "too large"}, status_code=413)
    try:
        data = json.loads(raw)
        if isinstance(data, dict):
            data = {
                key: safe_text(value, 2 * MAX_WEB_TEXT) if isinstance(value, str) else value
                for key, value in data.items()
            }
        return ChatMessage.model_validate(data)
    except (ValueError, RecursionError) as exc:
        errors = exc.errors() if isinstance(exc, ValidationError) else [{"type": "json_invalid"}]
        detail = [
            {"loc": [str(part) for part in error.get("loc", ())], "type": error["type"]}
            for error in errors
        ]
        return JSONResponse({"detail": detail}, status_code=422)


def _conversation(request: Request) -> str | JSONResponse | None:
    """This tab's conversation key; None when the page sent none; a 400 when malformed."""
    key = request.headers.get(CONVERSATION_HEADER)
    if key is None:
        return None
    if not CONVERSATION_PATTERN.fullmatch(key):
        # Refused rather than ignored: ignoring would fold it into the keyless conversation.
        return JSONResponse({"detail": "bad conversation key"}, status_code=400)
    return key


async def _over_limit(request: Request, user: str) -> JSONResponse | None:
    """A 429 when this session or this address sends too fast, else None."""
    limiter: RateLimiter = request.app.state.limiter
    proxies: TrustedProxies = request.app.state.proxies
    address = address_bucket(proxies.client_address(request.scope))
    for kind, key in (("session", user), ("address", address)):
        if not await limiter.hit_async(kind, key):
            return too_many_requests(await limiter.retry_after_async(kind, key))
    return None


def _session(request: Request, response: Response) -> str:
    """The session token of this browser, set as a new cookie when it has none."""
    token = request.cookies.get(SESSION_COOKIE, "")
    if SESSION_PATTERN.fullmatch(token):
        return token
    token = secrets.token_urlsafe(32)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=SESSION_MAX_AGE,
        httponly=True,
        secure=request.url.scheme == "https",
        samesite="strict",
        path="/",
    )
    request.cookies[SESSION_COOKIE] = token  # a page and its first post share it
    return token


def command_name(text: str) -> str | None:
    """The known command a text is ("/start lang_ht" -> "start"), else None.

    A command reaches the core as one, as from Telegram: the page's own "/start" opens
    the conversation (the language choice for someone new), never read as a typed word.
    """
    if not text.startswith("/") or len(text) < 2 or text[1].isspace():
        return None
    name = text[1:].split(maxsplit=1)[0].lower()
    return name if name in COMMANDS else None


def primary_language(tag: str | None) -> str | None:
    """The language of a tag as browsers and links write it: 'es-MX' and 'ES' are 'es'."""
    if not tag:
        return None
    code = tag.strip().replace("_", "-").split("-")[0].lower()
    return code or None


def _accepted_language(request: Request) -> str:
    header = request.headers.get("accept-language", "")
    for part in header.split(","):
        code = primary_language(part.split(";")[0])
        if code in LANGUAGES:
            return str(code)
    return DEFAULT_LANGUAGE
