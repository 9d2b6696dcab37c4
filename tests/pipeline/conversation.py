"""A person talking to Faro through the real pipeline: inbox, turn worker, outbox rows."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from sqlalchemy import select

from bot.core.messages import Channel, Incoming, Kind, Reply
from bot.pipeline.turns import TurnWorker
from bot.service import Service
from bot.storage.models import HandoffRequest, OutboxMessage, Person
from bot.storage.repository import open_reply, store_inbound

_ids = itertools.count(1)


@dataclass
class Chat:
    """One person's conversation, turn by turn, as the platform would deliver it."""

    service: Service
    user: str
    channel: Channel = Channel.WEB
    lang: str | None = None
    hint: str | None = None
    seen: set[int] = field(default_factory=set)

    def _worker(self) -> TurnWorker:
        return TurnWorker(
            self.service.database,
            self.service.assistant,
            cipher=self.service.cipher,
            on_queued=lambda _channels: None,
        )

    def send(self, text: str = "", *, kind: Kind = Kind.TEXT, payload: str = "") -> list[Reply]:
        """Deliver one message, run its turn, and return the new replies, in order."""
        incoming = Incoming(
            self.channel,
            self.user,
            f"msg-{next(_ids)}",
            kind,
            text=text,
            payload=payload,
            lang=self.lang,
            language_hint=self.hint,
        )
        with self.service.database.write() as session:
            assert store_inbound(session=session, cipher=self.service.cipher, incoming=incoming)
        worker = self._worker()
        while worker.run_once():
            pass
        return self.new_replies()

    def press(self, payload: str) -> list[Reply]:
        """Press a button."""
        return self.send(kind=Kind.BUTTON, payload=payload)

    def new_replies(self) -> list[Reply]:
        """Messages queued for this person since the last look."""
        with self.service.database.read() as session:
            rows = session.execute(
                select(OutboxMessage)
                .join(Person, Person.id == OutboxMessage.person_id)
                .where(Person.channel == self.channel.value, Person.channel_user_id == self.user)
                .order_by(OutboxMessage.id)
            ).scalars()
            fresh = [row for row in rows if row.id not in self.seen]
        self.seen.update(row.id for row in fresh)
        return [open_reply(row.body_enc, self.service.cipher) for row in fresh]

    def requests(self) -> list[HandoffRequest]:
        """Every request of the service's database, oldest first."""
        with self.service.database.read() as session:
            return list(
                session.execute(select(HandoffRequest).order_by(HandoffRequest.id)).scalars()
            )


def payloads(reply: Reply) -> list[str]:
    """The ids of a reply's buttons or list options."""
    return [choice.id for choice in reply.choices]
