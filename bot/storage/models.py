"""Database tables. One model per entity; nothing here stores message text."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Integer, String, Text, UniqueConstraint, func
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


class ProcessedMessage(Base):
    """A platform message id already handled: the durable dedupe key (no text kept)."""

    __tablename__ = "processed_messages"

    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    message_id: Mapped[str] = mapped_column(String(256), primary_key=True)
    received_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), index=True
    )


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
