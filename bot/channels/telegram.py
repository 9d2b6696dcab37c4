"""The Telegram channel: a python-telegram-bot Application inside the service's ASGI app.

Updates arrive at POST /webhooks/telegram (or, locally, by long polling). The webhook
checks the secret, decodes the update with PTB, stores the message in the inbox under
its update_id and answers 200: nothing else happens inside the request, except that a
button press is acknowledged at once (it stops the spinner on the phone). Replies leave
through the outbox, where `TelegramTransport` sends them with PTB's Bot.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hmac
import json
import logging
import warnings
from collections.abc import Sequence
from typing import Any, Final

from fastapi import APIRouter, FastAPI, Request, Response
from telegram import (
    Audio,
    Bot,
    BotCommand,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Location,
    Message,
    Update,
    User,
    Venue,
    VideoNote,
    Voice,
)
from telegram.constants import ChatType
from telegram.error import (
    BadRequest,
    Forbidden,
    InvalidToken,
    RetryAfter,
    TelegramError,
)
from telegram.ext import ApplicationBuilder
from telegram.request import HTTPXRequest
from telegram.warnings import PTBDeprecationWarning

from bot.core import phrases
from bot.core.assistant import COMMANDS
from bot.core.i18n import Translator
from bot.core.messages import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    MAX_TEXT_CHARS,
    Channel,
    Incoming,
    Kind,
    Reply,
    location_text,
)
from bot.pipeline.outbox import PermanentSendError, TransientSendError
from bot.service import Service
from bot.settings import Settings
from bot.web.guards import read_capped_body

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

# Updates are far smaller; a bigger body is not from Telegram and is refused unread.
MAX_BODY_BYTES: Final = 1024 * 1024
POLL_TIMEOUT: Final = 30
MAX_POLL_PAUSE: Final = 30.0
BACKOFF_BASE: Final = 0.5
# Connecting and waiting for a pooled connection should take far less than a full reply.
CONNECT_TIMEOUT_CAP: Final = 5.0
# Concurrent sends to the Bot API; Telegram allows about 30 messages/s per bot overall.
SEND_POOL_SIZE: Final = 32
# Acknowledging a button press must never hold the webhook; a stuck API gets this long.
CALLBACK_ANSWER_TIMEOUT: Final = 5.0
MAX_PENDING_CALLBACK_ANSWERS: Final = 256

NO_LINK_PREVIEW: Final = LinkPreviewOptions(is_disabled=True)  # previews cost people data


class TelegramTransport:
    """Sends outbox messages with PTB's Bot, mapping its errors to the outbox's."""

    channel = Channel.TELEGRAM.value

    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    def parts(self, recipient: str, reply: Reply) -> Sequence[Any]:
        """One sendMessage per reply: Telegram takes 4,096 characters and a keyboard."""
        text, markup = render(reply)
        return [(int(recipient), text, markup)]

    async def send_part(self, part: Any) -> str | None:
        """Send one message; raise the outbox's errors, never PTB's."""
        chat_id, text, markup = part
        try:
            sent = await self._bot.send_message(
                chat_id=chat_id,
                text=text,
                reply_markup=markup,
                link_preview_options=NO_LINK_PREVIEW,
            )
        except RetryAfter as exc:
            raise TransientSendError("rate_limited", retry_after_seconds(exc)) from None
        except Forbidden:
            raise PermanentSendError("forbidden") from None  # blocked by the person
        except BadRequest:
            # The same request cannot succeed later (BadRequest is a NetworkError in PTB,
            # so it is caught first).
            raise PermanentSendError("bad_request") from None
        except InvalidToken:
            # Nothing goes out until the token is fixed; keep the messages meanwhile.
            log.error("Telegram refused the bot token; check TELEGRAM_BOT_TOKEN")
            raise TransientSendError("invalid_token") from None
        except TelegramError as exc:
            raise TransientSendError(type(exc).__name__) from None
        return str(sent.message_id)


class TelegramChannel:
    """Telegram through python-telegram-bot: webhook route, long polling, rendering."""

    name = "telegram"

    def __init__(self, service: Service) -> None:
        settings = service.settings
        if settings.telegram_bot_token is None:
            raise ValueError("the Telegram channel needs TELEGRAM_BOT_TOKEN")
        self._service = service
        self._translator = service.translator
        self._inbox = service.pipeline.inbox
        secret = settings.telegram_webhook_secret
        self._secret = secret.get_secret_value().encode("utf-8") if secret else None
        self._backoff = BACKOFF_BASE
        self._ready_lock = asyncio.Lock()
        self._poll_on_start = False
        self._polling: asyncio.Task[None] | None = None
        self._callback_answers: set[asyncio.Task[None]] = set()
        # Built without an updater: updates come from the webhook route (or our own
        # polling loop) and are stored, not dispatched through PTB's handlers, whose
        # per-chat bookkeeping would grow with every new person.
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
        self.transport = TelegramTransport(self.application.bot)
        self.rate_per_second = settings.telegram_rate
        self.router = APIRouter()
        self.router.add_api_route(
            WEBHOOK_PATH, self.webhook, methods=["POST"], include_in_schema=False
        )

    # -- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        """Initialize and start the Application; an unreachable API is retried later."""
        if not await self._ready():
            log.warning("Telegram API not reachable at start; sends will retry")
        if self._poll_on_start:
            self._polling = asyncio.create_task(self._keep_polling(), name="telegram-polling")

    async def stop(self) -> None:
        """Stop long polling and pending acknowledgements, then shut the Application down."""
        if self._polling is not None:
            self._polling.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._polling
            self._polling = None
        for task in list(self._callback_answers):
            task.cancel()
        for task in list(self._callback_answers):
            with contextlib.suppress(asyncio.CancelledError):
                await task
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
        await self.application.bot.set_webhook(
            url=url, secret_token=secret, allowed_updates=ALLOWED_UPDATES
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
            await self._publish_commands()
            return True

    async def _publish_commands(self) -> None:
        """The command list (the "/" menu), in each language by the app's `language_code`."""
        lists = command_lists(self._translator)
        try:
            # The default list (no language_code) serves every app language Faro lacks.
            await self.application.bot.set_my_commands(lists[DEFAULT_LANGUAGE])
            for lang, commands in lists.items():
                await self.application.bot.set_my_commands(commands, language_code=lang)
        except TelegramError as exc:
            # The list is a convenience: replies do not wait for it.
            log.warning("Telegram command list not set (%s)", type(exc).__name__)

    def _running(self) -> bool:
        return bool(self.application.running)

    # -- inbound ---------------------------------------------------------------------------

    async def webhook(self, request: Request) -> Response:
        """Check the secret, decode the update, store its message, answer 200."""
        if not self._secret_matches(request.headers.get(SECRET_HEADER)):
            log.info("Telegram webhook refused: secret token missing or wrong")
            return Response(status_code=403)
        raw = await read_capped_body(request, MAX_BODY_BYTES)
        if raw is None:
            return Response(status_code=413)
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            return Response(status_code=400)
        if not isinstance(data, dict) or not _is_update_id(data.get("update_id")):
            return Response(status_code=400)
        update = self._decode(data)
        if update is None:
            status = 200 if not any(kind in data for kind in ALLOWED_UPDATES) else 400
            return Response(status_code=status)
        try:
            incoming = to_incoming(update)
        except Exception as exc:
            # A shape PTB let through but no Telegram update has: resending cannot help.
            log.info("Telegram update refused (%s)", type(exc).__name__)
            return Response(status_code=400)
        try:
            await self.accept(update, incoming)
        except Exception as exc:
            # Not stored: a non-2xx makes Telegram deliver it again.
            log.error("Telegram update not stored (%s)", type(exc).__name__)
            return Response(status_code=503)
        return Response(status_code=200)

    def _decode(self, data: dict[str, Any]) -> Update | None:
        try:
            return Update.de_json(data, self.application.bot)
        except Exception as exc:  # any shape PTB cannot read
            log.info("Telegram update could not be decoded (%s)", type(exc).__name__)
            return None

    def _secret_matches(self, header: str | None) -> bool:
        if self._secret is None or header is None:
            return False
        # Starlette decodes header bytes as latin-1; encoding back gives the bytes as sent.
        return hmac.compare_digest(header.encode("latin-1"), self._secret)

    async def accept(self, update: Update, incoming: Incoming | None = None) -> bool:
        """Store the update's message (if it has one for us); True when it was new."""
        if update.callback_query is not None:
            self._acknowledge(update.callback_query)
        if incoming is None:
            try:
                incoming = to_incoming(update)
            except Exception as exc:
                # Long polling: skip an update no real chat can have, rather than stall.
                log.info("Telegram update skipped (%s)", type(exc).__name__)
                return False
        if incoming is None:
            return False
        return await self._inbox.store([incoming]) > 0

    @property
    def pending_acknowledgements(self) -> int:
        """Button presses whose acknowledgement is still on its way to Telegram."""
        return len(self._callback_answers)

    def _acknowledge(self, query: CallbackQuery) -> None:
        if len(self._callback_answers) >= MAX_PENDING_CALLBACK_ANSWERS:
            return  # the API is stuck; the spinner stops by itself after a while
        task = asyncio.create_task(self._answer_callback(query))
        self._callback_answers.add(task)
        task.add_done_callback(self._callback_answers.discard)

    async def _answer_callback(self, query: CallbackQuery) -> None:
        try:
            async with asyncio.timeout(CALLBACK_ANSWER_TIMEOUT):
                await query.answer()
        except (TelegramError, TimeoutError) as exc:
            # A redelivered or old query can no longer be answered; the reply still goes out.
            log.info("Telegram answerCallbackQuery failed (%s)", type(exc).__name__)

    # -- long polling ----------------------------------------------------------------------

    async def poll(self, *, long_poll_seconds: int = POLL_TIMEOUT) -> None:
        """Fetch updates by long polling until cancelled; each is stored as a webhook's is."""
        bot = self.application.bot
        failures = 0
        while True:
            try:
                # getUpdates is refused while a webhook is set.
                if await self._ready():
                    await bot.delete_webhook()
                    break
            except TelegramError:
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
            try:
                for update in updates:
                    await self.accept(update)
                    offset = update.update_id + 1
            except Exception as exc:
                # Keep the offset: the same updates come back, as a webhook redelivery would.
                failures += 1
                log.warning("Telegram update not stored (%s)", type(exc).__name__)
                await asyncio.sleep(self._pause(failures))
                continue
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
    uvicorn.run(app, host=host, port=port, log_level="info", loop="uvloop", http="httptools")


# -- mapping updates -------------------------------------------------------------------------


def to_incoming(update: Update) -> Incoming | None:
    """Faro's message for a Telegram update, or None when there is no one to answer."""
    message_id = str(update.update_id)
    query = update.callback_query
    if query is not None:
        origin = query.message
        if origin is None or origin.chat.type != ChatType.PRIVATE:
            return None  # an inline-mode button: no chat to write to
        _check_chat_id(origin.chat.id)
        return Incoming(
            channel=Channel.TELEGRAM,
            user_id=str(origin.chat.id),
            message_id=message_id,
            kind=Kind.BUTTON,
            payload=query.data if isinstance(query.data, str) else "",
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
    _check_chat_id(message.chat.id)
    if message.text is not None and not isinstance(message.text, str):
        raise ValueError("message text is not a string")
    kind, payload = _classify(message)
    text = message.text or ""
    if kind is Kind.LOCATION:
        # Only the point, rounded: a venue's name and address are the person's business.
        where = message.location
        point = location_text(where.latitude, where.longitude) if where else None
        if point is None:
            kind = Kind.UNSUPPORTED
        text = point or ""
    return Incoming(
        channel=Channel.TELEGRAM,
        user_id=str(message.chat.id),
        message_id=message_id,
        kind=kind,
        text=text,
        payload=payload,
        language_hint=_language_hint(message.from_user),
    )


def _check_chat_id(chat_id: object) -> None:
    # A chat Faro could never write back to (sendMessage needs an integer id).
    if not isinstance(chat_id, int) or isinstance(chat_id, bool):
        raise ValueError("chat id is not an integer")


def _classify(message: Message) -> tuple[Kind, str]:
    if message.text is not None:
        command = command_name(message.text)
        return (Kind.COMMAND, command) if command else (Kind.TEXT, "")
    attachment = message.effective_attachment
    if isinstance(attachment, Voice | Audio | VideoNote):
        return Kind.VOICE, ""
    if isinstance(attachment, Location | Venue):
        return Kind.LOCATION, ""
    if attachment:
        return Kind.MEDIA, ""
    return Kind.UNSUPPORTED, ""


def command_name(text: str) -> str | None:
    """The name of a known command ("/menu@FaroBot hi" -> "menu"), else None."""
    if not text.startswith("/") or len(text) < 2 or text[1].isspace():
        return None
    name = text[1:].split(maxsplit=1)[0].split("@", 1)[0].lower()
    return name if name in COMMANDS else None


COMMAND_DESCRIPTIONS: tuple[tuple[str, str], ...] = (
    ("start", phrases.COMMAND_START),
    ("menu", phrases.COMMAND_MENU),
    ("language", phrases.COMMAND_LANGUAGE),
    ("help", phrases.COMMAND_HELP),
    ("delete", phrases.COMMAND_DELETE),
)


def command_lists(translator: Translator) -> dict[str, list[BotCommand]]:
    """Faro's commands with their descriptions in each language, for setMyCommands."""
    return {
        lang: [
            BotCommand(name, translator.gettext_for(lang)(description))
            for name, description in COMMAND_DESCRIPTIONS
        ]
        for lang in LANGUAGES
    }


def _language_hint(user: User | None) -> str | None:
    if user is None or not isinstance(user.language_code, str) or not user.language_code:
        return None
    return user.language_code[:2].lower()


def _is_update_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


# -- rendering -------------------------------------------------------------------------------


def render(reply: Reply) -> tuple[str, InlineKeyboardMarkup | None]:
    """Telegram's text and inline keyboard for one reply (plain text, no parse mode)."""
    rows: list[list[InlineKeyboardButton]] = []
    # The question's choices carry the number a person may type instead ("1. Asylum").
    number = (lambda n, title: f"{n}. {title}") if reply.numbered else (lambda _n, title: title)
    if reply.buttons:
        buttons = [
            InlineKeyboardButton(number(n, b.title), callback_data=b.id)
            for n, b in enumerate(reply.buttons, 1)
            if _fits_callback_data(b.id)
        ]
        widest = max((len(b.text) for b in buttons), default=0)
        if buttons and widest * len(buttons) <= ROW_CHARS:
            rows.append(buttons)
        else:
            rows.extend([b] for b in buttons)
    for n, option in enumerate(reply.options, 1):
        if _fits_callback_data(option.id):
            label = _option_label(number(n, option.title), option.description)
            rows.append([InlineKeyboardButton(label, callback_data=option.id)])
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
