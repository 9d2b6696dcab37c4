"""Database tables. One model per entity.

Message text is kept only while it is in flight: an inbound event's text is cleared when
its turn is done, and delivered outbox rows are purged after a retention period.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
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
    # When an unfinished flow (the return intake) and what it collected must be dropped.
    flow_expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    # Set when the person asked to be forgotten; the row goes once nothing is left to send.
    erased_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


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
    text_enc: Mapped[bytes | None] = mapped_column(LargeBinary)  # free text: sealed
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
        # Ids only grow, also after deletions: the web chat reads "everything after id N".
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(16))
    recipient: Mapped[str] = mapped_column(String(128))
    event_id: Mapped[int | None] = mapped_column(Integer)  # the message it answers, if any
    purpose: Mapped[str] = mapped_column(String(16), default="reply")
    body_enc: Mapped[bytes] = mapped_column(LargeBinary)  # the reply as JSON, sealed
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


class ContentDocument(Base):
    """One piece of content (a topic, a source): its live version and, while edited, a draft.

    The bodies are the plain data of the content files (`bot.content.files`), so a
    document exports to exactly the file it was imported from.
    """

    __tablename__ = "content_documents"
    __table_args__ = (UniqueConstraint("kind", "key", name="uq_content_kind_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # "item" or "source"
    key: Mapped[str] = mapped_column(String(64))
    live_version: Mapped[int | None] = mapped_column(Integer)
    # none_as_null: no draft is SQL NULL, never the JSON value null.
    draft: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    draft_by: Mapped[int | None] = mapped_column(
        ForeignKey("staff_users.id", ondelete="SET NULL"), nullable=True
    )
    draft_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )


class ContentVersion(Base):
    """A published version of a content document; every one is kept, for restoring."""

    __tablename__ = "content_versions"
    __table_args__ = (UniqueConstraint("document_id", "number", name="uq_content_version_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("content_documents.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    # None: loaded from files (`content import`) rather than published by a person.
    published_by: Mapped[int | None] = mapped_column(
        ForeignKey("staff_users.id", ondelete="SET NULL"), nullable=True
    )
    published_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    note: Mapped[str] = mapped_column(String(200), default="")


class ContentPublish(Base):
    """One publish: retrain on the content's examples, check the gate, go live or not."""

    __tablename__ = "content_publishes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    requested_by: Mapped[int | None] = mapped_column(
        ForeignKey("staff_users.id", ondelete="SET NULL"), nullable=True
    )
    # running, live (the gate passed), unchanged (nothing to train), rejected, failed
    status: Mapped[str] = mapped_column(String(16))
    step: Mapped[str] = mapped_column(String(200), default="")
    figures: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    model: Mapped[str | None] = mapped_column(String(128))
    started_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class UnansweredQuestion(Base):
    """A question that got no answer: its words (sealed, numbers masked) and language only.

    No person, channel or message id: it cannot be traced back to who asked. Kept 30 days.
    """

    __tablename__ = "unanswered_questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lang: Mapped[str] = mapped_column(String(8))
    text_enc: Mapped[bytes] = mapped_column(LargeBinary)
    received_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), index=True
    )


# -- the handoff queue --------------------------------------------------------------------
# Personal data (a name, a phone number, free text) is stored only as `*_enc` columns,
# AES-GCM ciphertext made by `bot.storage.secrets.DataCipher`. The other request fields
# are choices from short lists, kept in clear for the queue's filters and the statistics.


class StaffUser(Base):
    """A caseworker, editor or admin who signs in to the desk or the studio."""

    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(256))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )


class ApiToken(Base):
    """A bearer token for the JSON API; only its SHA-256 digest is kept."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class StaffSession(Base):
    """A signed-in browser session of the desk or studio; only the token's digest is kept."""

    __tablename__ = "staff_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)


class HandoffRequest(Base):
    """One request in the queue: a return registration, a question or an urgent case."""

    __tablename__ = "handoff_requests"
    __table_args__ = (
        Index("ix_requests_queue", "status", "priority_rank", "created_at"),
        Index("ix_requests_person", "person_id", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ref: Mapped[str] = mapped_column(String(8), unique=True)  # shown as XXXX-XXXX
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="new")
    priority: Mapped[str] = mapped_column(String(16), default="normal")
    priority_rank: Mapped[int] = mapped_column(Integer, default=2)  # 0 urgent, 1 high, 2 normal
    reason: Mapped[str | None] = mapped_column(String(32))  # e.g. the protective topic
    lang: Mapped[str] = mapped_column(String(8))
    channel: Mapped[str] = mapped_column(String(16))
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), index=True
    )
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    claimed_by: Mapped[int | None] = mapped_column(
        ForeignKey("staff_users.id", ondelete="SET NULL"), nullable=True
    )
    lease_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    handoff_open: Mapped[bool] = mapped_column(Boolean, default=False)
    # Consent, as the person gave it (return requests).
    consent_version: Mapped[str | None] = mapped_column(String(16))
    consent_lang: Mapped[str | None] = mapped_column(String(8))
    consent_channel: Mapped[str | None] = mapped_column(String(16))
    consented_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # Intake: choices in clear, personal data encrypted.
    name_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    phone_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    country: Mapped[str | None] = mapped_column(String(16))
    city: Mapped[str | None] = mapped_column(String(16))
    gender: Mapped[str | None] = mapped_column(String(16))
    group_size: Mapped[int | None] = mapped_column(Integer)
    children: Mapped[int | None] = mapped_column(Integer)
    children_ages: Mapped[list[int]] = mapped_column(JSON, default=list)
    unaccompanied_minor: Mapped[bool] = mapped_column(Boolean, default=False)
    medical_need: Mapped[bool] = mapped_column(Boolean, default=False)


class RequestEvent(Base):
    """One line of a request's append-only history: who did what, when and why."""

    __tablename__ = "request_events"
    __table_args__ = (Index("ix_request_events_request", "request_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("handoff_requests.id", ondelete="CASCADE"))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    actor: Mapped[str] = mapped_column(String(16))  # person, staff, system
    staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_users.id", ondelete="SET NULL"), nullable=True
    )
    action: Mapped[str] = mapped_column(String(24))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str | None] = mapped_column(String(16))
    note_enc: Mapped[bytes | None] = mapped_column(LargeBinary)  # free text: encrypted


class RequestMessage(Base):
    """A message of a handoff conversation, from the person or from a caseworker."""

    __tablename__ = "request_messages"
    __table_args__ = (Index("ix_request_messages_request", "request_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("handoff_requests.id", ondelete="CASCADE"))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    direction: Mapped[str] = mapped_column(String(8))  # in (from the person), out (to them)
    staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_users.id", ondelete="SET NULL"), nullable=True
    )
    text_enc: Mapped[bytes] = mapped_column(LargeBinary)
    outbox_id: Mapped[int | None] = mapped_column(Integer)


class AuditEntry(Base):
    """Who did what to which request or account, and when. It never holds personal data."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), index=True
    )
    staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_users.id", ondelete="SET NULL"), nullable=True
    )
    action: Mapped[str] = mapped_column(String(32))
    target: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[str | None] = mapped_column(String(256))
