"""The web chat: a small page at `/` and a JSON endpoint, on the same core."""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field, StringConstraints

from bot.channels.base import respond
from bot.core import phrases
from bot.core.i18n import language_name
from bot.core.messages import DEFAULT_LANGUAGE, LANGUAGES, Channel, Incoming, Kind, Reply
from bot.service import Service

TEMPLATES = Jinja2Templates(
    directory=str(Path(__file__).resolve().parent.parent / "web" / "templates")
)
# The browser makes up its own random id; anything else is refused.
VISITOR_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
MAX_WEB_TEXT = 20_000  # longer bodies are refused outright; 4,096+ gets a friendly reply


class ChatMessage(BaseModel):
    """What the page posts for one message or button press."""

    visitor: Annotated[str, StringConstraints(pattern=VISITOR_ID.pattern)]
    message_id: Annotated[str, StringConstraints(min_length=1, max_length=64)] = Field(
        default_factory=lambda: uuid.uuid4().hex
    )
    text: Annotated[str, StringConstraints(max_length=MAX_WEB_TEXT)] = ""
    payload: Annotated[str, StringConstraints(max_length=64)] = ""
    lang: Literal["es", "en", "fr", "ht", "pt"] | None = None


class ReplyOut(BaseModel):
    """One reply as the page renders it."""

    text: str
    buttons: list[dict[str, str]]
    options: list[dict[str, str]]
    list_label: str
    lang: str


class ChatAnswer(BaseModel):
    """The replies to one message."""

    lang: str
    replies: list[ReplyOut]


def _render(reply: Reply) -> ReplyOut:
    return ReplyOut(
        text=reply.text,
        buttons=[{"id": b.id, "title": b.title} for b in reply.buttons],
        options=[
            {"id": o.id, "title": o.title, "description": o.description} for o in reply.options
        ],
        list_label=reply.list_label,
        lang=reply.lang,
    )


class WebChatChannel:
    """The web chat channel."""

    name = "web"

    def __init__(self, service: Service) -> None:
        self._service = service
        self._translator = service.translator
        self.router = APIRouter()
        self.router.add_api_route("/", self.page, methods=["GET"], response_class=HTMLResponse)
        self.router.add_api_route("/chat/messages", self.message, methods=["POST"])

    async def start(self) -> None:
        """Nothing to prepare: the web chat answers in the HTTP response."""

    async def stop(self) -> None:
        """Nothing to release."""

    async def page(self, request: Request, lang: str | None = None) -> HTMLResponse:
        """The chat page, its fixed strings in the chosen or the browser's language."""
        page_lang = lang if lang in LANGUAGES else _accepted_language(request)
        # Every language's page strings ride along (a few hundred bytes), so the page
        # follows the conversation when the person picks or is detected in another.
        strings = {code: self._page_strings(code) for code in LANGUAGES}
        return TEMPLATES.TemplateResponse(
            request,
            "chat.html",
            {
                "lang": page_lang,
                "languages": [(code, language_name(code)) for code in LANGUAGES],
                "strings": strings[page_lang],
                "all_strings": strings,
            },
        )

    def _page_strings(self, lang: str) -> dict[str, str]:
        _ = self._translator.gettext_for(lang)
        return {
            "title": _(phrases.PAGE_TITLE),
            "placeholder": _(phrases.PAGE_PLACEHOLDER),
            "send": _(phrases.PAGE_SEND),
            "language": _(phrases.BUTTON_LANGUAGE),
            "privacy": _(phrases.PAGE_PRIVACY),
            "offline": _(phrases.PAGE_OFFLINE),
        }

    async def message(self, body: ChatMessage) -> ChatAnswer:
        """Take one message from the page and return Faro's replies."""
        kind = Kind.BUTTON if body.payload else Kind.TEXT
        incoming = Incoming(
            channel=Channel.WEB,
            user_id=body.visitor,
            message_id=f"{body.visitor}:{body.message_id}",
            kind=kind,
            text=body.text,
            payload=body.payload,
            lang=body.lang,
        )
        sent: list[Reply] = []

        async def collect(reply: Reply) -> None:
            sent.append(reply)

        turn = await respond(self._service.assistant, self._service.store, incoming, collect)
        return ChatAnswer(lang=turn.lang, replies=[_render(r) for r in sent])


def _accepted_language(request: Request) -> str:
    header = request.headers.get("accept-language", "")
    for part in header.split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE
