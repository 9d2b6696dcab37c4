"""The Telegram channel: a python-telegram-bot Application inside the service's ASGI app.

Updates arrive at POST /webhooks/telegram (or, locally, by long polling) and go through
`Application.process_update` inline, so the webhook answers 200 only once the message is
stored and its replies delivered. A failed delivery answers 500 so Telegram delivers the
update again; the store's dedupe makes a redelivery of a handled update do nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hmac
import json
import logging
import traceback
import warnings
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Final, TypeVar

from fastapi import APIRouter, FastAPI, Request, Response
from telegram import (
    Audio,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    Update,
    User,
    VideoNote,
    Voice,
)
from telegram.constants import ChatType
from telegram.error import (
    BadRequest,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import ApplicationBuilder, ContextTypes, TypeHandler
from telegram.request import HTTPXRequest
from telegram.warnings import PTBDeprecationWarning

from bot.channels.base import DeliveryError, respond
from bot.core.assistant import COMMANDS
from bot.core.messages import MAX_TEXT_CHARS, Channel, Incoming, Kind, Reply
from bot.service import Service
from bot.settings import Settings

log = logging.getLogger(__name__)

WEBHOOK_PATH: Final = "/webhooks/telegram"
SECRET_HEADER: Final = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 - a header name
# What setWebhook/getUpdates should ask for: the rest is acknowledged and dropped anyway.
ALLOWED_UPDATES: Final = (Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY)

MAX_CALLBACK_DATA_BYTES: Final = 64
# Inline buttons in one row share the screen width; past this many characters per row a
# phone cuts titles, so longer sets get a row each.
ROW_CHARS: Final = 30
# A one-button row fits about this much before Telegram cuts the label.
OPTION_CHARS: Final = 40
ELLIPSIS: Final = "…"

# Telegram redelivers a webhook that is not answered in time, so no send may wait long:
# past this much sleeping in total, give up and let the redelivery try again later.
MAX_RETRY_WAIT: Final = 30.0
BACKOFF_BASE: Final = 0.5
POLL_TIMEOUT: Final = 30
MAX_POLL_PAUSE: Final = 30.0
# Connecting and waiting for a pooled connection should take far less than a full reply.
CONNECT_TIMEOUT_CAP: Final = 5.0
# Concurrent sends to the Bot API; Telegram allows about 30 messages/s per bot overall.
SEND_POOL_SIZE: Final = 32

NO_LINK_PREVIEW: Final = LinkPreviewOptions(is_disabled=True)  # previews cost people data

T = TypeVar("T")


@dataclass(slots=True)
class _Outcome:
    """What became of one update inside PTB, which swallows handler exceptions."""

    error: BaseException | None = None


_OUTCOME: ContextVar[_Outcome | None] = ContextVar("telegram_update_outcome", default=None)


class TelegramChannel:
    """Telegram through python-telegram-bot: webhook route, long polling, rendering, retries."""

    name = "telegram"

    def __init__(self, service: Service) -> None:
        settings = service.settings
        if settings.telegram_bot_token is None:
            raise ValueError("the Telegram channel needs TELEGRAM_BOT_TOKEN")
        self._service = service
        secret = settings.telegram_webhook_secret
        self._secret = secret.get_secret_value().encode("utf-8") if secret else None
        self._retries = max(0, settings.outbound_retries)
        self._backoff = BACKOFF_BASE
        self._ready_lock = asyncio.Lock()
        self._poll_on_start = False
        self._polling: asyncio.Task[None] | None = None
        self.application = (
            ApplicationBuilder()
            .token(settings.telegram_bot_token.get_secret_value())
            .base_url(settings.telegram_api_base_url)
            .request(_http_request(settings))
            .get_updates_request(_http_request(settings, pool_size=1))
            .updater(None)
            .job_queue(None)
            .build()
        )
        self.application.add_handler(TypeHandler(Update, self._on_update))
        self.router = APIRouter()
        self.router.add_api_route(
            WEBHOOK_PATH, self.webhook, methods=["POST"], include_in_schema=False
        )

    # -- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        """Initialize and start the Application; an unreachable API is retried per update."""
        if not await self._ready():
            log.warning("Telegram API not reachable at start; will retry on the next update")
        if self._poll_on_start:
            self._polling = asyncio.create_task(self._keep_polling(), name="telegram-polling")

    async def stop(self) -> None:
        """Stop long polling, then stop and shut down the Application."""
        if self._polling is not None:
            self._polling.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._polling
            self._polling = None
        if self.application.running:
            await self.application.stop()
        await self.application.shutdown()
        # A failed getMe leaves the Application uninitialised but its HTTP clients open.
        await self.application.bot.shutdown()

    async def register_webhook(self, url: str) -> None:
        """Tell Telegram to deliver updates to `url` with the secret token (a deploy step)."""
        if self._secret is None:
            raise ValueError("registering a webhook needs TELEGRAM_WEBHOOK_SECRET")
        secret = self._secret.decode("utf-8")
        bot = self.application.bot
        await self._with_retries(
            "setWebhook",
            lambda: bot.set_webhook(url=url, secret_token=secret, allowed_updates=ALLOWED_UPDATES),
        )

    def enable_polling(self) -> None:
        """Fetch updates by long polling once started (for local use, without a public URL)."""
        self._poll_on_start = True

    async def _ready(self) -> bool:
        if self._running():
            return True
        async with self._ready_lock:
            # Another request may have finished starting it while this one waited.
            if self._running():
                return True
            try:
                await self.application.initialize()  # calls getMe once
                await self.application.start()
            except TelegramError as exc:
                # InvalidToken's message holds the token: log the kind of failure only.
                level = logging.ERROR if isinstance(exc, InvalidToken) else logging.WARNING
                log.log(level, "Telegram API not ready (%s)", type(exc).__name__)
                return False
            return True

    # -- inbound ---------------------------------------------------------------------------

    async def webhook(self, request: Request) -> Response:
        """Check the secret, parse the update, process it, and answer only once it is done."""
        if not self._secret_matches(request.headers.get(SECRET_HEADER)):
            log.info("Telegram webhook refused: secret token missing or wrong")
            return Response(status_code=403)
        try:
            data = json.loads(await request.body())
        except (ValueError, RecursionError):
            return Response(status_code=400)
        if not isinstance(data, dict) or not _is_update_id(data.get("update_id")):
            return Response(status_code=400)
        try:
            update = Update.de_json(data, self.application.bot)
        except Exception as exc:  # any shape PTB cannot read
            if not any(kind in data for kind in ALLOWED_UPDATES):
                # Faro would ignore it anyway; refusing it would only make Telegram resend it.
                log.info("Telegram update of an unused type not parsed (%s)", type(exc).__name__)
                return Response(status_code=200)
            log.warning("Telegram update could not be parsed (%s)", type(exc).__name__)
            return Response(status_code=400)
        if not await self._ready():
            return Response(status_code=503)
        if not await self.process(update):
            return Response(status_code=500)
        return Response(status_code=200)

    def _secret_matches(self, header: str | None) -> bool:
        if self._secret is None or header is None:
            return False
        # Starlette decodes header bytes as latin-1; encoding back gives the bytes as sent.
        return hmac.compare_digest(header.encode("latin-1"), self._secret)

    async def process(self, update: Update) -> bool:
        """Process one update through the Application; False when it must be delivered again."""
        if not await self._ready():
            return False
        outcome = _Outcome()
        token = _OUTCOME.set(outcome)
        try:
            await self.application.process_update(update)
        finally:
            _OUTCOME.reset(token)
        return outcome.error is None

    async def _on_update(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        outcome = _OUTCOME.get()
        try:
            await self._handle(update)
        except Exception as exc:
            if outcome is None:
                raise
            # Recorded rather than raised: PTB would hand it to error handlers and the
            # webhook would still answer 200 for a message that was never answered.
            outcome.error = exc
            if not isinstance(exc, DeliveryError):
                # Frames only: exception messages can carry ids or text from the update.
                frames = "".join(traceback.format_tb(exc.__traceback__))
                log.error("Telegram update failed (%s)\n%s", type(exc).__name__, frames)

    def _running(self) -> bool:
        return bool(self.application.running)

    async def _handle(self, update: Update) -> None:
        if update.callback_query is not None:
            # Always, even for old or foreign buttons: it stops the spinner on the phone.
            await self._answer_callback(update.callback_query)
        incoming = to_incoming(update)
        if incoming is None:
            return
        chat_id = int(incoming.user_id)

        async def send(reply: Reply) -> None:
            await self._deliver(chat_id, reply)

        await respond(self._service.assistant, self._service.store, incoming, send)

    # -- outbound --------------------------------------------------------------------------

    async def _answer_callback(self, query: CallbackQuery) -> None:
        try:
            await query.answer()
        except TelegramError as exc:
            # A redelivered or old query can no longer be answered; the reply still goes out.
            log.info("Telegram answerCallbackQuery failed (%s)", type(exc).__name__)

    async def _deliver(self, chat_id: int, reply: Reply) -> None:
        text, markup = render(reply)
        bot = self.application.bot
        try:
            await self._with_retries(
                "sendMessage",
                lambda: bot.send_message(
                    chat_id=chat_id,
                    text=text,
                    reply_markup=markup,
                    link_preview_options=NO_LINK_PREVIEW,
                ),
            )
        except Forbidden:
            log.info("Telegram reply dropped: the person has blocked the bot")
        except BadRequest:
            # Sending the same request again cannot succeed; a redelivery would loop.
            log.error("Telegram reply dropped: the API refused it as a bad request")

    async def _with_retries(self, method: str, call: Callable[[], Awaitable[T]]) -> T:
        """Call the API, retrying rate limits and network failures; DeliveryError at the end."""
        waited = 0.0
        attempt = 0
        while True:
            try:
                return await call()
            except (Forbidden, BadRequest):
                raise
            except RetryAfter as exc:
                wait = retry_after_seconds(exc)
                reason = "rate limited"
            except (TimedOut, NetworkError) as exc:
                wait = self._backoff * 2**attempt
                reason = type(exc).__name__
            except TelegramError as exc:
                log.warning("Telegram %s failed (%s); not retried", method, type(exc).__name__)
                raise DeliveryError(f"Telegram {method} failed") from None
            attempt += 1
            if attempt > self._retries or waited + wait > MAX_RETRY_WAIT:
                log.warning("Telegram %s failed (%s) after %d attempts", method, reason, attempt)
                raise DeliveryError(f"Telegram {method} failed")
            log.info(
                "Telegram %s failed (%s); retry %d of %d in %.1f s",
                method,
                reason,
                attempt,
                self._retries,
                wait,
            )
            await asyncio.sleep(wait)
            waited += wait

    # -- long polling ----------------------------------------------------------------------

    async def poll(self, *, long_poll_seconds: int = POLL_TIMEOUT) -> None:
        """Fetch updates by long polling until cancelled; each goes the webhook's way."""
        bot = self.application.bot
        failures = 0
        while True:
            try:
                # getUpdates is refused while a webhook is set.
                if await self._ready():
                    await self._with_retries("deleteWebhook", bot.delete_webhook)
                    break
            except (DeliveryError, TelegramError):
                pass
            failures += 1
            await asyncio.sleep(self._pause(failures))
        log.info("Telegram long polling started")
        offset: int | None = None
        failures = 0
        while True:
            try:
                updates = await bot.get_updates(
                    offset=offset, timeout=long_poll_seconds, allowed_updates=ALLOWED_UPDATES
                )
            except (InvalidToken, Forbidden):
                raise  # the token is wrong or revoked: asking again cannot help
            except TelegramError as exc:
                failures += 1
                log.warning("Telegram getUpdates failed (%s)", type(exc).__name__)
                await asyncio.sleep(self._pause(failures))
                continue
            for update in updates:
                if not await self.process(update):
                    # Keep the offset: the same update comes back, as a webhook redelivery would.
                    failures += 1
                    await asyncio.sleep(self._pause(failures))
                    break
                offset = update.update_id + 1
            else:
                failures = 0

    async def _keep_polling(self) -> None:
        try:
            await self.poll()
        except Exception as exc:
            # The rest of the service keeps running; the log says why Telegram went quiet.
            log.error("Telegram long polling stopped (%s)", type(exc).__name__)

    def _pause(self, failures: int) -> float:
        return float(min(self._backoff * 2 ** max(0, failures - 1), MAX_POLL_PAUSE))


def run_polling_alongside(app: FastAPI, service: Service, *, host: str, port: int) -> None:
    """Serve `app` with uvicorn and poll Telegram in the same event loop, until Ctrl-C."""
    import uvicorn

    channel = app.state.channels.get(TelegramChannel.name)
    if not service.settings.telegram_enabled or not isinstance(channel, TelegramChannel):
        raise RuntimeError(
            "Telegram is off: set TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET to poll"
        )
    # The channel starts polling from the app's lifespan and cancels it before the
    # Application shuts down, so Ctrl-C stops both in order.
    channel.enable_polling()
    uvicorn.run(app, host=host, port=port, log_level="info")


# -- mapping updates -------------------------------------------------------------------------


def to_incoming(update: Update) -> Incoming | None:
    """Faro's message for a Telegram update, or None when there is no one to answer."""
    message_id = str(update.update_id)
    query = update.callback_query
    if query is not None:
        origin = query.message
        if origin is None or origin.chat.type != ChatType.PRIVATE:
            return None  # an inline-mode button: no chat to write to
        return Incoming(
            channel=Channel.TELEGRAM,
            user_id=str(origin.chat.id),
            message_id=message_id,
            kind=Kind.BUTTON,
            payload=query.data or "",
            language_hint=_language_hint(query.from_user),
        )
    message = update.message
    if message is None and update.edited_message is not None:
        if update.edited_message.text is None:
            return None  # edited captions and live-location updates are not new questions
        message = update.edited_message
    # Groups and channels are never answered: a reply there is read by everyone.
    if message is None or message.chat.type != ChatType.PRIVATE:
        return None
    kind, payload = _classify(message)
    return Incoming(
        channel=Channel.TELEGRAM,
        user_id=str(message.chat.id),
        message_id=message_id,
        kind=kind,
        text=message.text or "",
        payload=payload,
        language_hint=_language_hint(message.from_user),
    )


def _classify(message: Message) -> tuple[Kind, str]:
    if message.text is not None:
        command = command_name(message.text)
        return (Kind.COMMAND, command) if command else (Kind.TEXT, "")
    attachment = message.effective_attachment
    if isinstance(attachment, Voice | Audio | VideoNote):
        return Kind.VOICE, ""
    if attachment:
        return Kind.MEDIA, ""
    return Kind.UNSUPPORTED, ""


def command_name(text: str) -> str | None:
    """The name of a known command ("/menu@FaroBot hi" -> "menu"), else None."""
    if not text.startswith("/") or len(text) < 2 or text[1].isspace():
        return None
    name = text[1:].split(maxsplit=1)[0].split("@", 1)[0].lower()
    return name if name in COMMANDS else None


def _language_hint(user: User | None) -> str | None:
    if user is None or not user.language_code:
        return None
    return user.language_code[:2].lower()


def _is_update_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


# -- rendering -------------------------------------------------------------------------------


def render(reply: Reply) -> tuple[str, InlineKeyboardMarkup | None]:
    """Telegram's text and inline keyboard for one reply (plain text, no parse mode)."""
    rows: list[list[InlineKeyboardButton]] = []
    if reply.buttons:
        buttons = [
            InlineKeyboardButton(b.title, callback_data=b.id)
            for b in reply.buttons
            if _fits_callback_data(b.id)
        ]
        widest = max((len(b.text) for b in buttons), default=0)
        if buttons and widest * len(buttons) <= ROW_CHARS:
            rows.append(buttons)
        else:
            rows.extend([b] for b in buttons)
    for option in reply.options:
        if _fits_callback_data(option.id):
            rows.append(
                [
                    InlineKeyboardButton(
                        _option_label(option.title, option.description), callback_data=option.id
                    )
                ]
            )
    markup = InlineKeyboardMarkup(rows) if rows else None
    return fit_text(reply.text), markup


def _option_label(title: str, description: str) -> str:
    label = f"{title} · {description}"
    return label if description and len(label) <= OPTION_CHARS else title


def _fits_callback_data(payload: str) -> bool:
    size = len(payload.encode("utf-8"))
    if 1 <= size <= MAX_CALLBACK_DATA_BYTES:
        return True
    # Telegram refuses the whole message over one bad button; drop the button instead.
    log.error("Telegram button dropped: callback data of %d bytes", size)
    return False


def fit_text(text: str, limit: int = MAX_TEXT_CHARS) -> str:
    """`text` cut to Telegram's limit, counted in UTF-16 units, never inside a character."""
    if _utf16_len(text) <= limit:
        return text
    budget = limit - _utf16_len(ELLIPSIS)
    used = 0
    end = 0
    for index, char in enumerate(text):
        used += _utf16_len(char)
        if used > budget:
            break
        end = index + 1
    cut = text[:end]
    # Prefer a word boundary when one is close, and never end on a zero-width joiner or
    # direction mark, which would join or flip the ellipsis.
    space = max(cut.rfind(" "), cut.rfind("\n"))
    if space > end - 80:
        cut = cut[:space]
    cut = cut.rstrip().rstrip("\u200d\ufe0f\u200f\u200e")
    return cut + ELLIPSIS


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


# -- small helpers ---------------------------------------------------------------------------


def retry_after_seconds(exc: RetryAfter) -> float:
    """The wait a RetryAfter asks for, whether PTB gives it as int or as timedelta."""
    with warnings.catch_warnings():
        # Reading it as int is deprecated in v22; both forms are handled below.
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    return float(value)


def _http_request(settings: Settings, pool_size: int = SEND_POOL_SIZE) -> HTTPXRequest:
    timeout = settings.outbound_timeout
    quick = min(timeout, CONNECT_TIMEOUT_CAP)
    return HTTPXRequest(
        # PTB's default pool holds one connection, which would send every reply of
        # every person one after another.
        connection_pool_size=pool_size,
        connect_timeout=quick,
        read_timeout=timeout,
        write_timeout=timeout,
        pool_timeout=quick,
    )
