"""WhatsApp over Meta's Cloud API: a signed webhook in, plain HTTPS calls to the Graph API out.

The webhook checks the signature, stores the notification's messages in the inbox (and
applies its delivery statuses to the outbox) in one transaction, and answers 200.
Replies leave through the outbox, where `WhatsAppTransport` posts them.
"""

from __future__ import annotations

import email.utils
import hashlib
import hmac
import json
import logging
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeGuard

import httpx
from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response

from bot.core.assistant import (
    LANG_PREFIX,
    PAYLOAD_HUMAN,
    PAYLOAD_LANGUAGE,
    PAYLOAD_MENU,
    TOPIC_PREFIX,
)
from bot.core.messages import Channel, Incoming, Kind, Reply, location_text
from bot.pipeline.inbox import DeliveryReport
from bot.pipeline.outbox import PermanentSendError, TransientSendError
from bot.service import Service
from bot.web.guards import read_capped_body

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/webhooks/whatsapp"
SIGNATURE_HEADER = "X-Hub-Signature-256"
SIGNATURE_PREFIX = "sha256="

# Meta's documented limits for session messages, counted conservatively in UTF-16 units.
TEXT_LIMIT = 4096
INTERACTIVE_BODY_LIMIT = 1024
BUTTON_TITLE_LIMIT = 20
BUTTON_ID_LIMIT = 256
MAX_BUTTONS = 3
LIST_BUTTON_LIMIT = 20
MAX_ROWS = 10
ROW_ID_LIMIT = 200
ROW_TITLE_LIMIT = 24
ROW_DESCRIPTION_LIMIT = 72
FOOTER_LIMIT = 60
OUTSIDE_WINDOW_CODE = 131047
ELLIPSIS = "…"
# Meta requires a non-empty label; the core always gives one, so this only guards a bug.
FALLBACK_LIST_LABEL = "☰"

# Webhook notifications are small; anything far bigger is not from Meta and is refused
# before it is held in memory.
MAX_BODY_BYTES = 1024 * 1024
# Delivery statuses Meta reports, as the outbox names them.
DELIVERY_STATUSES = frozenset({"sent", "delivered", "read", "failed"})

# Graph API error codes that mean "later", whatever HTTP status carries them: API and
# throughput limits, pair rate limit, and Meta-side hiccups.
RETRYABLE_ERROR_CODES = frozenset({1, 2, 4, 80007, 130429, 131000, 131016, 131056, 133004})

# The access token is missing, expired or revoked (Graph API AuthException and code 190).
AUTH_ERROR_CODES = frozenset({0, 190})

MEDIA_TYPES = frozenset({"image", "sticker", "document", "video", "contacts"})
# Not messages a person wrote to us: a reaction to one of our messages, or WhatsApp's own
# notice that a user changed number. Acknowledged, never answered.
IGNORED_TYPES = frozenset({"reaction", "system"})


class WhatsAppTransport:
    """Posts outbox messages to the Graph API, mapping its answers to the outbox's errors."""

    channel = Channel.WHATSAPP.value

    def __init__(self, messages_url: str, token: str, timeout: float) -> None:
        self._messages_url = messages_url
        self._token = token
        self._timeout = timeout
        self._client: httpx.AsyncClient | None = None

    async def start(self) -> None:
        """Open the Graph API client with explicit timeouts and connection limits."""
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(self._timeout),
            limits=httpx.Limits(max_connections=50, max_keepalive_connections=20),
            headers={"Authorization": f"Bearer {self._token}"},
        )

    async def stop(self) -> None:
        """Close the Graph API client."""
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    def parts(self, recipient: str, reply: Reply) -> Sequence[Any]:
        """The Cloud API message bodies of one reply (long text is split), with fallbacks."""
        return outgoing_parts(recipient, reply)

    async def send_part(self, part: Any) -> str | None:
        """Post one message body; return its wamid, or raise the outbox's errors."""
        client = self._client
        if client is None:
            raise TransientSendError("not_started")
        if isinstance(part, OutgoingPart):
            body, fallback = part.body, part.fallback
        else:
            body, fallback = part, None
        try:
            response = await client.post(self._messages_url, json=body)
        except httpx.TransportError as error:  # timeouts, refused and reset connections
            raise TransientSendError(type(error).__name__) from None
        if response.is_success:
            return _sent_id(response)
        code = _error_code(response)
        if _auth_failure(response.status_code, code):
            # Nothing reaches anyone until the token is renewed: keep the messages.
            log.error("whatsapp send unauthorised: error code %s; check WHATSAPP_TOKEN", code)
            raise TransientSendError(f"auth:{code}")
        if _retryable(response.status_code, code):
            raise TransientSendError(f"http{response.status_code}:{code}", _retry_after(response))
        plain = fallback if response.status_code < 500 else None
        if plain is not None and not _outside_window(code):
            # An interactive message refused (an old app, a limit we misjudged): the same
            # words and choices as plain text, numbered, so a typed number still answers.
            log.warning("whatsapp interactive refused (code %s): sending it as text", code)
            return await self.send_part(plain)
        # Our request is wrong or the person cannot be reached (e.g. outside the 24-hour
        # window): trying again cannot help.
        raise PermanentSendError(f"http{response.status_code}:{code}")


class WhatsAppChannel:
    """The WhatsApp Cloud API channel: verification GET, signed POST webhook, transport."""

    name = "whatsapp"

    def __init__(self, service: Service) -> None:
        settings = service.settings
        if not (
            settings.whatsapp_token
            and settings.whatsapp_app_secret
            and settings.whatsapp_verify_token
            and settings.whatsapp_phone_number_id
        ):
            raise ValueError("WhatsApp settings are incomplete")
        self._service = service
        self._inbox = service.pipeline.inbox
        self._app_secret = settings.whatsapp_app_secret.get_secret_value().encode()
        self._verify_token = settings.whatsapp_verify_token.get_secret_value().encode()
        self._phone_number_id = settings.whatsapp_phone_number_id
        self.transport = WhatsAppTransport(
            f"{settings.whatsapp_api_base_url.rstrip('/')}/{self._phone_number_id}/messages",
            settings.whatsapp_token.get_secret_value(),
            settings.outbound_timeout,
        )
        self.rate_per_second = settings.whatsapp_rate
        self.router = APIRouter()
        self.router.add_api_route(WEBHOOK_PATH, self.verify, methods=["GET"])
        self.router.add_api_route(WEBHOOK_PATH, self.webhook, methods=["POST"])

    async def start(self) -> None:
        """Open the Graph API client."""
        await self.transport.start()

    async def stop(self) -> None:
        """Close the Graph API client."""
        await self.transport.stop()

    # -- inbound -------------------------------------------------------------------------

    async def verify(self, request: Request) -> Response:
        """Answer Meta's subscription check with the challenge when the verify token matches."""
        params = request.query_params
        mode = params.get("hub.mode")
        token = params.get("hub.verify_token")
        challenge = params.get("hub.challenge")
        if (
            mode == "subscribe"
            and token is not None
            and challenge is not None
            and hmac.compare_digest(token.encode(), self._verify_token)
        ):
            return PlainTextResponse(challenge)
        log.warning("whatsapp verification refused")
        return Response(status_code=403)

    async def webhook(self, request: Request) -> Response:
        """Check the signature, store the notification's messages and statuses, answer 200."""
        raw = await read_capped_body(request, MAX_BODY_BYTES)
        if raw is None:
            return Response(status_code=413)
        if not self._signed(raw, request.headers.get(SIGNATURE_HEADER)):
            log.warning("whatsapp webhook refused: bad or missing signature")
            return Response(status_code=403)
        try:
            notification = json.loads(raw)
        except (ValueError, RecursionError):
            log.warning("whatsapp webhook refused: body is not JSON")
            return Response(status_code=400)
        if not isinstance(notification, dict):
            log.warning("whatsapp webhook refused: body is not a JSON object")
            return Response(status_code=400)
        messages: list[Incoming] = []
        reports: list[DeliveryReport] = []
        for value in self._values(notification):
            _log_errors("whatsapp notification error", value.get("errors"))
            reports.extend(_delivery_reports(value))
            for message in _dicts(value.get("messages")):
                parsed = parse_message(message)
                if parsed is not None:
                    messages.append(parsed[1])
        try:
            await self._inbox.store(messages, reports)
        except Exception as exc:
            # Not stored: a non-2xx makes Meta deliver the notification again.
            log.error("whatsapp notification not stored (%s)", type(exc).__name__)
            return Response(status_code=503)
        return Response(status_code=200)

    def _signed(self, raw: bytes, header: str | None) -> bool:
        if not header or not header.startswith(SIGNATURE_PREFIX):
            return False
        given = header.removeprefix(SIGNATURE_PREFIX).strip().lower().encode()
        expected = hmac.new(self._app_secret, raw, hashlib.sha256).hexdigest().encode()
        return hmac.compare_digest(given, expected)

    def _values(self, notification: dict[str, Any]) -> Iterator[dict[str, Any]]:
        if notification.get("object") not in (None, "whatsapp_business_account"):
            return
        for entry in _dicts(notification.get("entry")):
            for change in _dicts(entry.get("changes")):
                if change.get("field", "messages") != "messages":
                    continue
                value = _dict(change.get("value"))
                phone_number_id = _dict(value.get("metadata")).get("phone_number_id")
                if phone_number_id is not None and str(phone_number_id) != self._phone_number_id:
                    # Another number of the same business account: not ours to answer.
                    log.info("whatsapp notification for another phone number ignored")
                    continue
                yield value


def _delivery_reports(value: dict[str, Any]) -> list[DeliveryReport]:
    reports = []
    for status in _dicts(value.get("statuses")):
        wamid, state = status.get("id"), status.get("status")
        if not isinstance(wamid, str) or not wamid or _str(state) not in DELIVERY_STATUSES:
            continue
        error = None
        if state == "failed":
            codes = [e.get("code") for e in _dicts(status.get("errors"))]
            _log_errors("whatsapp message failed", status.get("errors"))
            error = f"whatsapp:{codes[0]}" if codes else "whatsapp:failed"
        reports.append(
            DeliveryReport(Channel.WHATSAPP.value, _message_key(wamid), str(state), error)
        )
    return reports


def _sent_id(response: httpx.Response) -> str | None:
    try:
        messages = _dicts(_dict(response.json()).get("messages"))
    except ValueError:
        return None
    wamid = messages[0].get("id") if messages else None
    return _message_key(wamid) if isinstance(wamid, str) and wamid else None


# -- parsing -----------------------------------------------------------------------------------


def parse_message(message: dict[str, Any]) -> tuple[str, Incoming] | None:
    """Turn one `messages[]` item into (wa_id, Incoming); None when it needs no answer."""
    wa_id = message.get("from")
    wamid = message.get("id")
    if not isinstance(wa_id, str) or not wa_id or not isinstance(wamid, str) or not wamid:
        log.warning("whatsapp message without sender or id ignored")
        return None
    kind_name = _str(message.get("type"))  # a list or object here is no known type
    if kind_name in IGNORED_TYPES:
        return None
    kind, text, payload = _interpret(message, kind_name)
    incoming = Incoming(
        channel=Channel.WHATSAPP,
        user_id=wa_id,
        message_id=_message_key(wamid),
        kind=kind,
        text=text,
        payload=payload,
    )
    return wa_id, incoming


def _interpret(message: dict[str, Any], kind_name: str) -> tuple[Kind, str, str]:
    if kind_name == "text":
        return Kind.TEXT, _str(_dict(message.get("text")).get("body")), ""
    if kind_name == "interactive":
        interactive = _dict(message.get("interactive"))
        reply_type = interactive.get("type")
        if reply_type in ("button_reply", "list_reply"):
            reply_id = _str(_dict(interactive.get(reply_type)).get("id"))
            if reply_id:
                return Kind.BUTTON, "", reply_id
        return Kind.UNSUPPORTED, "", ""
    if kind_name == "button":
        # A template's quick-reply button: its payload is ours only if we set it.
        button = _dict(message.get("button"))
        payload = _str(button.get("payload"))
        if _is_faro_payload(payload):
            return Kind.BUTTON, "", payload
        return Kind.TEXT, _str(button.get("text")) or payload, ""
    if kind_name == "audio":
        return Kind.VOICE, "", ""
    if kind_name == "location":
        # Only the point: the place's name and address are the person's business.
        where = _dict(message.get("location"))
        lat, lon = where.get("latitude"), where.get("longitude")
        point = (
            location_text(float(lat), float(lon)) if _is_number(lat) and _is_number(lon) else None
        )
        return (Kind.LOCATION, point, "") if point else (Kind.UNSUPPORTED, "", "")
    if kind_name in MEDIA_TYPES:
        return Kind.MEDIA, "", ""
    if kind_name == "request_welcome":
        # The person opened the chat for the first time: greet as /start would.
        return Kind.COMMAND, "", "start"
    return Kind.UNSUPPORTED, "", ""


def _is_faro_payload(payload: str) -> bool:
    return payload in (PAYLOAD_MENU, PAYLOAD_HUMAN, PAYLOAD_LANGUAGE) or payload.startswith(
        (TOPIC_PREFIX, LANG_PREFIX)
    )


def _message_key(wamid: str) -> str:
    # The dedupe column holds 256 characters; wamids are far shorter, but a longer id
    # must still dedupe rather than fail the insert.
    if len(wamid) <= 256:
        return wamid
    return "sha256:" + hashlib.sha256(wamid.encode("utf-8", "surrogatepass")).hexdigest()


def _log_errors(what: str, errors: object) -> None:
    # Only integer codes, and few: the rest of an error object is whatever was sent to us.
    codes = [
        code
        for code in (error.get("code") for error in _dicts(errors)[:5])
        if isinstance(code, int) and not isinstance(code, bool)
    ]
    if codes:
        log.warning("%s: error codes %s", what, codes)


# -- rendering ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OutgoingPart:
    """One Cloud API message body, and the plain text to send instead if it is refused."""

    body: dict[str, Any]
    fallback: dict[str, Any] | None = None


def outgoing_parts(wa_id: str, reply: Reply) -> list[OutgoingPart]:
    """The bodies of one reply, each interactive one with its plain-text form beside it."""
    parts = []
    for body in render_reply(wa_id, reply):
        fallback = None
        if body.get("type") == "interactive":
            text = str(body["interactive"]["body"]["text"])
            fallback = plain_fallback(wa_id, reply, text)
        parts.append(OutgoingPart(body, fallback))
    return parts


def render_reply(wa_id: str, reply: Reply) -> list[dict[str, Any]]:
    """The Cloud API message bodies for one reply, within every WhatsApp limit."""
    if reply.template is not None:
        return [_template_body(wa_id, *reply.template)]
    if reply.buttons:
        head, body = _split_for_interactive(reply.text)
        interactive: dict[str, Any] = {
            "type": "button",
            "body": {"text": body},
            "action": {
                "buttons": [
                    {
                        "type": "reply",
                        "reply": {
                            "id": _prefix(button.id, BUTTON_ID_LIMIT),
                            "title": _fit(_numbered(reply, n, button.title), BUTTON_TITLE_LIMIT),
                        },
                    }
                    for n, button in enumerate(reply.buttons[:MAX_BUTTONS], 1)
                ]
            },
        }
        _add_hint(interactive, reply)
        return [*_text_bodies(wa_id, head), _interactive_body(wa_id, interactive)]
    if reply.options:
        head, body = _split_for_interactive(reply.text)
        rows = []
        for n, option in enumerate(reply.options[:MAX_ROWS], 1):
            row = {
                "id": _prefix(option.id, ROW_ID_LIMIT),
                "title": _fit(_numbered(reply, n, option.title), ROW_TITLE_LIMIT),
            }
            if option.description.strip():
                row["description"] = _fit(option.description, ROW_DESCRIPTION_LIMIT)
            rows.append(row)
        interactive = {
            "type": "list",
            "body": {"text": body},
            "action": {
                "button": _fit(reply.list_label, LIST_BUTTON_LIMIT) or FALLBACK_LIST_LABEL,
                "sections": [{"rows": rows}],
            },
        }
        _add_hint(interactive, reply)
        return [*_text_bodies(wa_id, head), _interactive_body(wa_id, interactive)]
    return _text_bodies(wa_id, reply.text)


def _numbered(reply: Reply, number: int, title: str) -> str:
    # The number a person may type instead of tapping, where the core reads one.
    return f"{number}. {title}" if reply.numbered else title


def _add_hint(interactive: dict[str, Any], reply: Reply) -> None:
    if reply.numbered and reply.choice_hint.strip():
        interactive["footer"] = {"text": _fit(reply.choice_hint, FOOTER_LIMIT)}


def plain_fallback(wa_id: str, reply: Reply, body: str) -> dict[str, Any]:
    """An interactive reply as one plain text body: its words, then its choices in full."""
    lines = reply.numbered_lines() or [f"• {choice.title}" for choice in reply.choices]
    described = {o.title: o.description for o in reply.options if o.description.strip()}
    if described:
        # Plain text has room for what a list row could only hint at.
        lines = [
            f"{line} · {described[choice.title]}" if choice.title in described else line
            for line, choice in zip(lines, reply.choices, strict=True)
        ]
    hint = [reply.choice_hint] if reply.numbered and reply.choice_hint.strip() else []
    text = "\n".join([body, "", *lines, *hint])
    return {
        **_envelope(wa_id),
        "type": "text",
        "text": {"preview_url": False, "body": _prefix(text.strip(), TEXT_LIMIT)},
    }


def _outside_window(code: object) -> bool:
    # Re-engagement (131047): no message but a template reaches the person now.
    return code == OUTSIDE_WINDOW_CODE


def _template_body(
    wa_id: str, name: str, language: str, parameters: tuple[str, ...]
) -> dict[str, Any]:
    # Outside the 24-hour customer-service window only an approved template may be sent.
    template: dict[str, Any] = {"name": name, "language": {"code": language}}
    if parameters:
        template["components"] = [
            {
                "type": "body",
                "parameters": [{"type": "text", "text": value} for value in parameters],
            }
        ]
    return {**_envelope(wa_id), "type": "template", "template": template}


def _envelope(wa_id: str) -> dict[str, Any]:
    return {"messaging_product": "whatsapp", "recipient_type": "individual", "to": wa_id}


def _text_bodies(wa_id: str, text: str) -> list[dict[str, Any]]:
    return [
        {**_envelope(wa_id), "type": "text", "text": {"preview_url": False, "body": chunk}}
        for chunk in _chunks(text, TEXT_LIMIT)
    ]


def _interactive_body(wa_id: str, interactive: dict[str, Any]) -> dict[str, Any]:
    return {**_envelope(wa_id), "type": "interactive", "interactive": interactive}


def _split_for_interactive(text: str) -> tuple[str, str]:
    """Split `text` into what goes first as plain text and a short interactive body."""
    text = text.strip()
    if _units(text) <= INTERACTIVE_BODY_LIMIT:
        return "", text or ELLIPSIS
    head, _, tail = text.rpartition("\n")
    tail = tail.strip()
    if head.strip() and tail and _units(tail) <= INTERACTIVE_BODY_LIMIT:
        return head.rstrip(), tail
    # One unbroken block: send it whole, and repeat its end beside the buttons.
    return text, _fit(tail or text, INTERACTIVE_BODY_LIMIT)


def _chunks(text: str, limit: int) -> list[str]:
    """Cut `text` into pieces of at most `limit`, at paragraph, line or word breaks."""
    text = text.strip()
    chunks: list[str] = []
    while _units(text) > limit:
        window = _prefix(text, limit)
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(" "))
        if cut < len(window) // 2:
            cut = len(window)
        chunks.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    if text:
        chunks.append(text)
    return chunks


def _fit(text: str, limit: int) -> str:
    """`text` on one line, cut to `limit` UTF-16 units at a word break, with an ellipsis."""
    text = " ".join(text.split())
    if _units(text) <= limit:
        return text
    window = _prefix(text, limit - 1)
    space = window.rfind(" ")
    if space >= len(window) // 2:
        window = window[:space]
    return window.rstrip() + ELLIPSIS


def _units(text: str) -> int:
    # Meta's limits are enforced in JavaScript-style string length, where an emoji counts
    # twice; counting UTF-16 units never exceeds them.
    return len(text.encode("utf-16-le")) // 2


def _prefix(text: str, limit: int) -> str:
    """The longest prefix of `text` within `limit` UTF-16 units."""
    total = 0
    for index, char in enumerate(text):
        total += 2 if ord(char) > 0xFFFF else 1
        if total > limit:
            return text[:index]
    return text


# -- HTTP helpers ------------------------------------------------------------------------------


def _error_code(response: httpx.Response) -> int | None:
    try:
        error = _dict(_dict(response.json()).get("error"))
    except ValueError:
        return None
    code = error.get("code")
    return code if isinstance(code, int) else None


def _auth_failure(status: int, code: int | None) -> bool:
    return status == 401 or code in AUTH_ERROR_CODES


def _retryable(status: int, code: int | None) -> bool:
    return status == 429 or status >= 500 or code in RETRYABLE_ERROR_CODES


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP date), if any."""
    header = response.headers.get("retry-after")
    if not header:
        return None
    header = header.strip()
    try:
        return max(0.0, float(header))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


# -- JSON helpers ------------------------------------------------------------------------------


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _dicts(value: object) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""


def _is_number(value: object) -> TypeGuard[float]:
    # JSON numbers only: not true/false, not NaN.
    return isinstance(value, int | float) and not isinstance(value, bool) and value == value
