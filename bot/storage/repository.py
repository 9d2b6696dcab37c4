"""The one home for queries, used by the bot, the desk and the studio alike.

Data functions are keyword-only and take the session they work in.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, delete, exists, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from bot.core.messages import Incoming, Kind, Reply
from bot.handoff.lifecycle import OPEN_STATUSES
from bot.storage.models import HandoffRequest, InboundEvent, OutboxMessage, Person
from bot.storage.secrets import DataCipher

OPEN_REQUEST_STATUSES = [status.value for status in OPEN_STATUSES]
# Where sealed message words live (the AES-GCM associated data; see migration 0004).
INBOUND_TEXT = "inbound_events.text"
OUTBOX_BODY = "outbox.body"


def _insert(session: Session, table: Any) -> Any:
    dialect = session.get_bind().dialect.name
    return pg_insert(table) if dialect == "postgresql" else sqlite_insert(table)


def lock_person(*, session: Session, channel: str, channel_user_id: str) -> tuple[Person, bool]:
    """Fetch the person row for update, creating it first if needed; True when created."""
    created = (
        session.execute(
            _insert(session, Person)
            .values(channel=channel, channel_user_id=channel_user_id, state={})
            .on_conflict_do_nothing(index_elements=["channel", "channel_user_id"])
            .returning(Person.id)
        ).first()
        is not None
    )
    person = session.execute(
        select(Person)
        .where(Person.channel == channel, Person.channel_user_id == channel_user_id)
        .with_for_update()
    ).scalar_one()
    return person, bool(created)


def count_people(*, session: Session) -> int:
    """How many people Faro keeps state for."""
    return int(session.execute(select(func.count()).select_from(Person)).scalar_one())


def forget_person(*, session: Session, channel: str, channel_user_id: str) -> bool:
    """Delete everything kept about one person; True when there was something."""
    result = session.execute(
        delete(Person).where(Person.channel == channel, Person.channel_user_id == channel_user_id)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def purge_expired(
    *, session: Session, people_idle_since: dt.datetime, messages_before: dt.datetime
) -> tuple[int, int]:
    """Delete idle people, and handled events and finished outbox rows past the cut-off.

    Returns (people, events). Pending events and unsent messages are never purged here.
    """
    # A person with an open request stays: the caseworker must still be able to reach them.
    has_open_request = (
        select(HandoffRequest.id)
        .where(
            HandoffRequest.person_id == Person.id, HandoffRequest.status.in_(OPEN_REQUEST_STATUSES)
        )
        .exists()
    )
    people = session.execute(
        delete(Person).where(Person.last_seen_at < people_idle_since, ~has_open_request)
    )
    events = session.execute(
        delete(InboundEvent).where(
            InboundEvent.received_at < messages_before, InboundEvent.status == EVENT_DONE
        )
    )
    session.execute(
        delete(OutboxMessage).where(
            OutboxMessage.created_at < messages_before,
            OutboxMessage.status.in_(FINISHED_STATUSES),
        )
    )
    return int(people.rowcount), int(events.rowcount)  # type: ignore[attr-defined]


# -- the message path: inbox and outbox --------------------------------------------------------

EVENT_PENDING = "pending"
EVENT_DONE = "done"

OUT_PENDING = "pending"  # waiting for a sender (or, on the web chat, for the page)
OUT_SENDING = "sending"  # leased by a sender
OUT_SENT = "sent"  # the platform accepted it
OUT_DELIVERED = "delivered"
OUT_READ = "read"
OUT_FAILED = "failed"  # given up; `error` says why
UNSENT_STATUSES = (OUT_PENDING, OUT_SENDING)
FINISHED_STATUSES = (OUT_SENT, OUT_DELIVERED, OUT_READ, OUT_FAILED)
# WhatsApp reports these in order; a late "sent" must not undo "read".
STATUS_RANK = {OUT_SENT: 1, OUT_DELIVERED: 2, OUT_READ: 3}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def ensure_person(*, session: Session, channel: str, channel_user_id: str) -> int:
    """The id of the person row for this channel id, creating the row when it is new."""
    created = session.execute(
        _insert(session, Person)
        .values(channel=channel, channel_user_id=channel_user_id, state={})
        .on_conflict_do_nothing(index_elements=["channel", "channel_user_id"])
        .returning(Person.id)
    ).first()
    if created is not None:
        return int(created[0])
    return int(
        session.execute(
            select(Person.id).where(
                Person.channel == channel, Person.channel_user_id == channel_user_id
            )
        ).scalar_one()
    )


def store_inbound(*, session: Session, cipher: DataCipher, incoming: Incoming) -> bool:
    """Store one incoming message (its text sealed) under its platform id; False if stored."""
    person_id = ensure_person(
        session=session, channel=incoming.channel.value, channel_user_id=incoming.user_id
    )
    stored = session.execute(
        _insert(session, InboundEvent)
        .values(
            channel=incoming.channel.value,
            message_id=incoming.message_id,
            person_id=person_id,
            kind=incoming.kind.value,
            text_enc=cipher.seal_optional(incoming.text, where=INBOUND_TEXT),
            payload=incoming.payload,
            lang=incoming.lang,
            language_hint=incoming.language_hint,
            status=EVENT_PENDING,
        )
        .on_conflict_do_nothing(index_elements=["channel", "message_id"])
        .returning(InboundEvent.id)
    ).first()
    # RETURNING, not rowcount: drivers disagree on rowcount after ON CONFLICT DO NOTHING.
    return stored is not None


def event_is_stored(*, session: Session, channel: str, message_id: str) -> bool:
    """Whether a platform message id is in the inbox (pending or done)."""
    found = session.execute(
        select(InboundEvent.id).where(
            InboundEvent.channel == channel, InboundEvent.message_id == message_id
        )
    ).first()
    return found is not None


@dataclass(frozen=True, slots=True)
class PendingEvent:
    """A stored message waiting for its turn, with the person it belongs to."""

    id: int
    person_id: int
    incoming: Incoming


def _pending(row: InboundEvent, channel_user_id: str, cipher: DataCipher) -> PendingEvent:
    from bot.core.messages import Channel

    return PendingEvent(
        id=row.id,
        person_id=row.person_id,
        incoming=Incoming(
            channel=Channel(row.channel),
            user_id=channel_user_id,
            message_id=row.message_id,
            kind=Kind(row.kind),
            text=cipher.open_optional(row.text_enc, where=INBOUND_TEXT) or "",
            payload=row.payload or "",
            lang=row.lang,
            language_hint=row.language_hint,
        ),
    )


def peek_pending_events(*, session: Session, cipher: DataCipher, limit: int) -> list[PendingEvent]:
    """The oldest pending events, read without locking (to prepare them ahead of a turn)."""
    rows = session.execute(
        select(InboundEvent, Person.channel_user_id)
        .join(Person, Person.id == InboundEvent.person_id)
        .where(InboundEvent.status == EVENT_PENDING)
        .order_by(InboundEvent.id)
        .limit(limit)
    ).all()
    return [_pending(row, user_id, cipher) for row, user_id in rows]


def claim_people(*, session: Session, person_ids: Sequence[int]) -> list[Person]:
    """Lock the people among `person_ids` that no other worker holds, in the given order.

    On PostgreSQL the rows are locked FOR UPDATE SKIP LOCKED, so workers in any process
    take different people and two turns of one person never run at once; the lock is
    the claim and ends with the transaction, also when its process is killed. SQLite
    serialises writers anyway (BEGIN IMMEDIATE).
    """
    if not person_ids:
        return []
    people = (
        session.execute(
            select(Person).where(Person.id.in_(person_ids)).with_for_update(skip_locked=True)
        )
        .scalars()
        .all()
    )
    order = {person_id: index for index, person_id in enumerate(person_ids)}
    return sorted(people, key=lambda person: order[person.id])


def pending_events_of(
    *, session: Session, cipher: DataCipher, person: Person
) -> list[PendingEvent]:
    """A locked person's pending events, in the order they arrived."""
    rows = (
        session.execute(
            select(InboundEvent)
            .where(InboundEvent.person_id == person.id, InboundEvent.status == EVENT_PENDING)
            .order_by(InboundEvent.id)
        )
        .scalars()
        .all()
    )
    return [_pending(row, person.channel_user_id, cipher) for row in rows]


def mark_event_done(*, session: Session, event_id: int) -> None:
    """Mark an event handled and drop its text (the row stays as the dedupe key)."""
    session.execute(
        update(InboundEvent)
        .where(InboundEvent.id == event_id)
        .values(status=EVENT_DONE, text_enc=None, done_at=_now())
    )


def reply_body(reply: Reply) -> dict[str, Any]:
    """A reply as the JSON an outbox row keeps (sealed, see `seal_reply`)."""
    return {
        "text": reply.text,
        "buttons": [[b.id, b.title] for b in reply.buttons],
        "options": [[o.id, o.title, o.description] for o in reply.options],
        "list_label": reply.list_label,
        "lang": reply.lang,
        **({"numbered": True, "choice_hint": reply.choice_hint} if reply.numbered else {}),
        **(
            {"template": [reply.template[0], reply.template[1], list(reply.template[2])]}
            if reply.template
            else {}
        ),
    }


def reply_from_body(body: dict[str, Any]) -> Reply:
    """The reply an outbox row holds."""
    from bot.core.messages import Button, Option

    return Reply(
        text=str(body.get("text", "")),
        buttons=tuple(Button(str(i), str(t)) for i, t in body.get("buttons", [])),
        options=tuple(Option(str(i), str(t), str(d)) for i, t, d in body.get("options", [])),
        list_label=str(body.get("list_label", "")),
        lang=str(body.get("lang", "es")),
        template=_template_of(body.get("template")),
        numbered=bool(body.get("numbered", False)),
        choice_hint=str(body.get("choice_hint", "")),
    )


def seal_reply(reply: Reply, cipher: DataCipher) -> bytes:
    """A reply as an outbox row stores it: its JSON body, sealed."""
    return cipher.seal(json.dumps(reply_body(reply), ensure_ascii=False), where=OUTBOX_BODY)


def open_reply(sealed: bytes, cipher: DataCipher) -> Reply:
    """The reply a sealed outbox body holds."""
    return reply_from_body(json.loads(cipher.open(sealed, where=OUTBOX_BODY)))


def _template_of(raw: Any) -> tuple[str, str, tuple[str, ...]] | None:
    if not isinstance(raw, list) or len(raw) != 3:
        return None
    return (str(raw[0]), str(raw[1]), tuple(str(p) for p in raw[2]))


def queue_messages(
    *,
    session: Session,
    cipher: DataCipher,
    person: Person,
    replies: Sequence[Reply],
    event_id: int | None = None,
    purpose: str = "reply",
) -> list[int]:
    """Add messages for a person to the outbox, in order; return their ids."""
    rows = [
        OutboxMessage(
            person_id=person.id,
            channel=person.channel,
            recipient=person.channel_user_id,
            event_id=event_id,
            purpose=purpose,
            body_enc=seal_reply(reply, cipher),
            status=OUT_PENDING,
            attempts=0,
            parts_sent=0,
        )
        for reply in replies
    ]
    session.add_all(rows)
    session.flush()
    return [row.id for row in rows]


def lock_person_by_channel_id(
    *, session: Session, channel: str, channel_user_id: str
) -> Person | None:
    """The person row of a channel id, locked for update, or None when there is none."""
    return session.execute(
        select(Person)
        .where(Person.channel == channel, Person.channel_user_id == channel_user_id)
        .with_for_update()
    ).scalar_one_or_none()


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    """An outbox row leased to a sender."""

    id: int
    recipient: str
    reply: Reply
    attempts: int
    parts_sent: int
    created_at: dt.datetime


def lease_outgoing(
    *, session: Session, cipher: DataCipher, channel: str, limit: int, lease: dt.timedelta
) -> list[OutgoingMessage]:
    """Lease the next unsent message of up to `limit` people on `channel`.

    Only the oldest unsent message of a person is eligible, so each person's messages
    leave in order. A lease that runs out (its sender died) makes the row eligible again.
    """
    now = _now()
    earlier = OutboxMessage.__table__.alias("earlier")
    rows = (
        session.execute(
            select(OutboxMessage)
            .where(
                OutboxMessage.channel == channel,
                OutboxMessage.status.in_(UNSENT_STATUSES),
                or_(OutboxMessage.lease_until.is_(None), OutboxMessage.lease_until < now),
                ~exists().where(
                    and_(
                        earlier.c.person_id == OutboxMessage.person_id,
                        earlier.c.id < OutboxMessage.id,
                        earlier.c.status.in_(UNSENT_STATUSES),
                    )
                ),
            )
            .order_by(OutboxMessage.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        .scalars()
        .all()
    )
    leased = []
    for row in rows:
        row.status = OUT_SENDING
        row.lease_until = now + lease
        row.attempts += 1
        row.updated_at = now
        leased.append(
            OutgoingMessage(
                id=row.id,
                recipient=row.recipient,
                reply=open_reply(row.body_enc, cipher),
                attempts=row.attempts,
                parts_sent=row.parts_sent,
                created_at=_aware(row.created_at),
            )
        )
    return leased


def _aware(value: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes; they were written in UTC.
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def extend_lease(*, session: Session, message_id: int, lease: dt.timedelta) -> None:
    """Keep a message leased while its sender is still retrying it."""
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id, OutboxMessage.status == OUT_SENDING)
        .values(lease_until=_now() + lease)
    )


def record_part_sent(*, session: Session, message_id: int, parts_sent: int) -> None:
    """Remember how many parts of a multi-part message went out, so none is sent twice."""
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id)
        .values(parts_sent=parts_sent, updated_at=_now())
    )


def record_sent(*, session: Session, message_id: int, platform_id: str | None) -> None:
    """Record that the platform accepted a message."""
    now = _now()
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id)
        .values(
            status=OUT_SENT,
            platform_id=platform_id,
            lease_until=None,
            sent_at=now,
            updated_at=now,
            error=None,
        )
    )


def record_failed(*, session: Session, message_id: int, error: str) -> None:
    """Record that a message was given up, and why (an error code, never text)."""
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id)
        .values(status=OUT_FAILED, lease_until=None, updated_at=_now(), error=error[:64])
    )


def record_retry_later(
    *, session: Session, message_id: int, not_before: dt.datetime, error: str
) -> None:
    """Put a message back for a later attempt (a new lease is taken after `not_before`)."""
    session.execute(
        update(OutboxMessage)
        # Only a message still leased: a late hand-back must not undo a recorded send.
        .where(OutboxMessage.id == message_id, OutboxMessage.status == OUT_SENDING)
        .values(status=OUT_PENDING, lease_until=not_before, updated_at=_now(), error=error[:64])
    )


def record_delivery_status(
    *, session: Session, channel: str, platform_id: str, status: str, error: str | None = None
) -> bool:
    """Apply a platform's delivery report (sent, delivered, read, failed) to its message."""
    row = session.execute(
        select(OutboxMessage).where(
            OutboxMessage.channel == channel, OutboxMessage.platform_id == platform_id
        )
    ).scalar_one_or_none()
    if row is None:
        return False
    if status == OUT_FAILED:
        row.status = OUT_FAILED
        row.error = (error or "failed")[:64]
    elif STATUS_RANK.get(status, 0) > STATUS_RANK.get(row.status, 0):
        row.status = status
    row.updated_at = _now()
    return True


def outbox_counts(*, session: Session) -> dict[str, int]:
    """How many outbox rows are in each status."""
    rows = session.execute(
        select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
    ).all()
    return {str(status): int(count) for status, count in rows}


def pending_event_count(*, session: Session) -> int:
    """How many stored events still wait for their turn."""
    return int(
        session.execute(
            select(func.count())
            .select_from(InboundEvent)
            .where(InboundEvent.status == EVENT_PENDING)
        ).scalar_one()
    )


@dataclass(frozen=True, slots=True)
class WebReply:
    """One outbox message of a web chat person, as the page fetches it."""

    id: int
    reply: Reply


def web_replies_after(
    *, session: Session, cipher: DataCipher, person_id: int, after: int, limit: int = 50
) -> list[WebReply]:
    """A web chat person's messages newer than `after` (after=0: the latest `limit`).

    They are marked delivered as they are read: the page is their only way out.
    """
    query = select(OutboxMessage).where(OutboxMessage.person_id == person_id)
    if after:
        query = query.where(OutboxMessage.id > after).order_by(OutboxMessage.id).limit(limit)
    else:
        query = query.order_by(OutboxMessage.id.desc()).limit(limit)
    rows = sorted(session.execute(query).scalars().all(), key=lambda row: row.id)
    now = _now()
    for row in rows:
        if row.status in UNSENT_STATUSES:
            row.status = OUT_DELIVERED
            row.sent_at = now
            row.updated_at = now
    return [WebReply(id=row.id, reply=open_reply(row.body_enc, cipher)) for row in rows]


def find_person_id(*, session: Session, channel: str, channel_user_id: str) -> int | None:
    """The person id of a channel id, if Faro knows them."""
    found = session.execute(
        select(Person.id).where(
            Person.channel == channel, Person.channel_user_id == channel_user_id
        )
    ).scalar_one_or_none()
    return int(found) if found is not None else None
