"""The one home for queries, used by the bot, the desk and the studio alike.

Data functions are keyword-only and take the session they work in.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, sessionmaker

from bot.core.content import Answer, ContentLibrary, TopicFile, answers_from_topic
from bot.core.conversation import PersonState
from bot.core.messages import Channel
from bot.storage.models import FaqAnswer, Person, ProcessedMessage


def _insert(session: Session, table: Any) -> Any:
    dialect = session.get_bind().dialect.name
    return pg_insert(table) if dialect == "postgresql" else sqlite_insert(table)


def claim_message(*, session: Session, channel: str, message_id: str) -> bool:
    """Record `message_id` as processed; False when it already was (a duplicate)."""
    statement = (
        _insert(session, ProcessedMessage)
        .values(channel=channel, message_id=message_id)
        .on_conflict_do_nothing(index_elements=["channel", "message_id"])
        .returning(ProcessedMessage.message_id)
    )
    # RETURNING, not rowcount: drivers disagree on rowcount after ON CONFLICT DO NOTHING.
    return session.execute(statement).first() is not None


def release_message(*, session: Session, channel: str, message_id: str) -> None:
    """Forget a processed message id so its redelivery is handled again."""
    session.execute(
        delete(ProcessedMessage).where(
            ProcessedMessage.channel == channel, ProcessedMessage.message_id == message_id
        )
    )


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
    """Delete people idle since the cut-off and old dedupe keys; return both counts."""
    people = session.execute(delete(Person).where(Person.last_seen_at < people_idle_since))
    keys = session.execute(
        delete(ProcessedMessage).where(ProcessedMessage.received_at < messages_before)
    )
    return int(people.rowcount), int(keys.rowcount)  # type: ignore[attr-defined]


def replace_content(*, session: Session, topic_files: Sequence[TopicFile]) -> int:
    """Upsert every answer of the given topic files; return how many rows were written."""
    written = 0
    for topic_file in topic_files:
        for answer in answers_from_topic(topic_file):
            row = session.execute(
                select(FaqAnswer).where(
                    FaqAnswer.topic == answer.topic, FaqAnswer.lang == answer.lang
                )
            ).scalar_one_or_none()
            if row is None:
                row = FaqAnswer(topic=answer.topic, lang=answer.lang)
                session.add(row)
            row.title = answer.title
            row.summary = answer.summary
            row.text = answer.text
            row.city_texts = dict(answer.city_texts)
            row.countries = list(topic_file.countries)
            row.sources = list(answer.sources)
            row.last_verified = answer.last_verified
            row.review_by = answer.review_by
            written += 1
    return written


def load_content(*, session: Session) -> ContentLibrary:
    """Every stored answer as a ContentLibrary."""
    rows = session.execute(select(FaqAnswer)).scalars().all()
    return ContentLibrary(
        Answer(
            topic=row.topic,
            lang=row.lang,
            title=row.title,
            summary=row.summary,
            text=row.text,
            city_texts=dict(row.city_texts or {}),
            sources=tuple(row.sources or ()),
            last_verified=row.last_verified,
            review_by=row.review_by,
        )
        for row in rows
    )


class SqlConversationStore:
    """ConversationStore on SQLAlchemy: claim, lock, read and write state in one transaction."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        bind = sessions.kw.get("bind")
        # SQLite has one writer at a time, and its busy handler waits in sleeps of up to
        # 100 ms; queueing this process's writers on a lock instead keeps turns quick.
        # PostgreSQL locks only the person's row, so its turns run side by side.
        self._write_lock: AbstractContextManager[object] = (
            threading.Lock()
            if bind is not None and bind.dialect.name == "sqlite"
            else contextlib.nullcontext()
        )

    @contextmanager
    def conversation(
        self, channel: Channel, user_id: str, message_id: str
    ) -> Iterator[PersonState | None]:
        """Claim the message and open the person's state (None for a duplicate)."""
        with self._write_lock, self._sessions.begin() as session:
            if not claim_message(session=session, channel=channel.value, message_id=message_id):
                yield None
                return
            person, created = lock_person(
                session=session, channel=channel.value, channel_user_id=user_id
            )
            state = PersonState.from_state(person.lang, person.state)
            state.is_new = created
            yield state
            person.lang = state.lang
            person.state = state.to_state()
            person.last_seen_at = dt.datetime.now(dt.UTC)

    def release_message(self, channel: Channel, message_id: str) -> None:
        """Forget a claim so a redelivery is processed again."""
        with self._write_lock, self._sessions.begin() as session:
            release_message(session=session, channel=channel.value, message_id=message_id)


class DatabaseContent:
    """ContentProvider reading the database, re-read at most every `ttl` seconds.

    Each process keeps only a cache: every process sees an edit within `ttl`.
    """

    def __init__(self, sessions: sessionmaker[Session], ttl: float = 30.0) -> None:
        self._sessions = sessions
        self._ttl = ttl
        self._lock = threading.Lock()
        self._library: ContentLibrary | None = None
        self._loaded_at = 0.0

    def library(self) -> ContentLibrary:
        """The current library, re-read when the cached copy is older than `ttl`."""
        now = time.monotonic()
        if self._library is not None and now - self._loaded_at < self._ttl:
            return self._library
        with self._lock:
            if self._library is None or time.monotonic() - self._loaded_at >= self._ttl:
                with self._sessions() as session:
                    self._library = load_content(session=session)
                self._loaded_at = time.monotonic()
            return self._library
