"""Database tables. One model per entity.

Message text is kept only while it is in flight: an inbound event's text is cleared when
its turn is done, and delivered outbox rows are purged after a retention period.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Declarative base of every Faro table."""


class Person(Base):
    """Someone who wrote to Faro: channel id, language and conversation state, nothing more."""

    __tablename__ = "people"
    __table_args__ = (
        UniqueConstraint("channel", "channel_user_id", name="uq_people_channel_user"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    channel_user_id: Mapped[str] = mapped_column(String(128))
    lang: Mapped[str | None] = mapped_column(String(8))
    state: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    last_seen_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), index=True
    )


class InboundEvent(Base):
    """One message from a person, stored before the webhook answers.

    (channel, message_id) is the platform's own id: the durable dedupe key. The text is
    cleared once the turn is done; the row stays as the dedupe key until it is purged.
    """

    __tablename__ = "inbound_events"
    __table_args__ = (
        UniqueConstraint("channel", "message_id", name="uq_inbound_channel_message"),
        Index("ix_inbound_pending", "status", "id"),
        Index("ix_inbound_person", "person_id", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    message_id: Mapped[str] = mapped_column(String(256))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str | None] = mapped_column(Text)
    payload: Mapped[str] = mapped_column(String(256), default="")
    lang: Mapped[str | None] = mapped_column(String(8))
    language_hint: Mapped[str | None] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(16), default="pending")
    received_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), index=True
    )
    done_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class OutboxMessage(Base):
    """One message Faro sends to a person: a reply, a status notice or a caseworker's words.

    Senders take the oldest unsent row of each person under a lease, so a person's
    messages leave in order and a sender killed mid-send leaves the row to another.
    """

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_unsent", "channel", "status", "id"),
        Index("ix_outbox_person", "person_id", "id"),
        Index("ix_outbox_platform_id", "channel", "platform_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(16))
    recipient: Mapped[str] = mapped_column(String(128))
    event_id: Mapped[int | None] = mapped_column(Integer)  # the message it answers, if any
    purpose: Mapped[str] = mapped_column(String(16), default="reply")
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    parts_sent: Mapped[int] = mapped_column(Integer, default=0)  # of a multi-part message
    lease_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    platform_id: Mapped[str | None] = mapped_column(String(256))
    error: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), index=True
    )
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class FaqAnswer(Base):
    """One topic's answer in one language, loaded from `content/` (later edited in the studio)."""

    __tablename__ = "faq_answers"
    __table_args__ = (UniqueConstraint("topic", "lang", name="uq_faq_topic_lang"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    topic: Mapped[str] = mapped_column(String(64))
    lang: Mapped[str] = mapped_column(String(8))
    title: Mapped[str] = mapped_column(String(64))
    summary: Mapped[str] = mapped_column(String(128))
    text: Mapped[str] = mapped_column(Text)
    city_texts: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    countries: Mapped[list[str]] = mapped_column(JSON, default=list)
    sources: Mapped[list[str]] = mapped_column(JSON, default=list)
    last_verified: Mapped[dt.date] = mapped_column(Date)
    review_by: Mapped[dt.date] = mapped_column(Date)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
