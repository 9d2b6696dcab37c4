"""The inbox: a webhook stores each incoming message durably before it answers.

The platform's message id is the dedupe key, so a redelivery is stored once; what is
stored is never lost, and a turn worker takes it from there.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence

import anyio.to_thread

from bot.core.messages import Incoming
from bot.pipeline.database import Database
from bot.storage.repository import record_delivery_status, store_inbound
from bot.storage.secrets import DataCipher

log = logging.getLogger(__name__)

# Longer texts get the "too long" notice anyway; storing more than this is only a cost.
MAX_STORED_TEXT = 8192
MAX_FIELD = 128


def safe_text(value: object, limit: int = MAX_STORED_TEXT) -> str:
    """`value` cut to `limit`, with lone surrogates and NUL made U+FFFD.

    A lone surrogate (half an emoji) cannot be encoded for the database, and PostgreSQL
    refuses NUL; replaced, the message can still be stored and answered.
    """
    if not isinstance(value, str):
        return ""  # a platform sent a structure where text belongs: nothing to read
    text = value[:limit]
    if text.isascii() and "\x00" not in text:
        return text
    text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text.replace("\x00", "\ufffd")


def storable(incoming: Incoming) -> Incoming:
    """The message with every string made safe to store and bounded in length."""
    return dataclasses.replace(
        incoming,
        user_id=safe_text(incoming.user_id, MAX_FIELD),
        message_id=safe_text(incoming.message_id, 256),
        text=safe_text(incoming.text, MAX_STORED_TEXT),
        payload=safe_text(incoming.payload, 256),
        lang=safe_text(incoming.lang, 8) if incoming.lang else None,
        language_hint=safe_text(incoming.language_hint, 8) if incoming.language_hint else None,
    )


@dataclasses.dataclass(frozen=True, slots=True)
class DeliveryReport:
    """A platform's word on a message Faro sent: sent, delivered, read or failed."""

    channel: str
    platform_id: str
    status: str
    error: str | None = None


class Inbox:
    """Stores incoming messages and wakes the turn workers."""

    def __init__(
        self, database: Database, cipher: DataCipher, on_stored: Callable[[], None]
    ) -> None:
        self._database = database
        self._cipher = cipher
        self._on_stored = on_stored

    def store_now(
        self, messages: Sequence[Incoming], reports: Sequence[DeliveryReport] = ()
    ) -> int:
        """Store messages and delivery reports in one short transaction; return new messages."""
        if not messages and not reports:
            return 0
        with self._database.write() as session:
            new = sum(
                store_inbound(session=session, cipher=self._cipher, incoming=storable(message))
                for message in messages
            )
            for report in reports:
                record_delivery_status(
                    session=session,
                    channel=report.channel,
                    platform_id=safe_text(report.platform_id, 256),
                    status=report.status,
                    error=safe_text(report.error, 64) if report.error else None,
                )
        if new:
            self._on_stored()
        return new

    async def store(
        self, messages: Sequence[Incoming], reports: Sequence[DeliveryReport] = ()
    ) -> int:
        """Store off the event loop; return how many messages were new (not duplicates)."""
        return await anyio.to_thread.run_sync(self.store_now, messages, reports)
