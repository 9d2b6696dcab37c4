"""Storage on SQLite and PostgreSQL: migrations, dedupe, state, content, retention."""

from __future__ import annotations

import datetime as dt
import threading

from sqlalchemy import inspect, select, text

from bot.core.content import validate_directory
from bot.core.messages import Channel
from bot.settings import Settings
from bot.storage.database import make_engine, make_sessionmaker, upgrade
from bot.storage.models import Person, ProcessedMessage
from bot.storage.repository import (
    DatabaseContent,
    SqlConversationStore,
    count_people,
    forget_person,
    load_content,
    purge_expired,
    replace_content,
)


def _sessions(database_url: str):  # type: ignore[no-untyped-def]
    upgrade(database_url)
    return make_sessionmaker(make_engine(database_url))


def test_migration_creates_tables_and_is_idempotent(database_url: str) -> None:
    upgrade(database_url)
    upgrade(database_url)
    engine = make_engine(database_url)
    tables = set(inspect(engine).get_table_names())
    assert {"people", "processed_messages", "faq_answers", "alembic_version"} <= tables
    engine.dispose()


def test_claim_is_once_only_and_state_persists(database_url: str) -> None:
    store = SqlConversationStore(_sessions(database_url))
    with store.conversation(Channel.TELEGRAM, "42", "update-1") as person:
        assert person is not None and person.is_new
        person.lang = "ht"
        person.misses = 1
        person.suggestions = ["shelter"]
    with store.conversation(Channel.TELEGRAM, "42", "update-1") as duplicate:
        assert duplicate is None
    with store.conversation(Channel.TELEGRAM, "42", "update-2") as again:
        assert again is not None and not again.is_new
        assert (again.lang, again.misses, again.suggestions) == ("ht", 1, ["shelter"])


def test_same_message_id_on_two_channels_is_two_messages(database_url: str) -> None:
    store = SqlConversationStore(_sessions(database_url))
    with store.conversation(Channel.TELEGRAM, "1", "7") as first:
        assert first is not None
    with store.conversation(Channel.WHATSAPP, "1", "7") as second:
        assert second is not None


def test_failed_turn_stores_neither_claim_nor_state(database_url: str) -> None:
    sessions = _sessions(database_url)
    store = SqlConversationStore(sessions)
    try:
        with store.conversation(Channel.WEB, "v", "boom") as person:
            assert person is not None
            person.lang = "fr"
            raise RuntimeError("the core failed")
    except RuntimeError:
        pass
    with sessions() as session:
        assert session.execute(select(ProcessedMessage)).first() is None
        assert session.execute(select(Person)).first() is None


def test_release_lets_a_redelivery_through(database_url: str) -> None:
    store = SqlConversationStore(_sessions(database_url))
    with store.conversation(Channel.WHATSAPP, "u", "wamid.1") as person:
        assert person is not None
    store.release_message(Channel.WHATSAPP, "wamid.1")
    with store.conversation(Channel.WHATSAPP, "u", "wamid.1") as redelivered:
        assert redelivered is not None


def test_concurrent_duplicates_claim_exactly_once(database_url: str) -> None:
    store = SqlConversationStore(_sessions(database_url))
    winners: list[int] = []
    barrier = threading.Barrier(8)

    def deliver(worker: int) -> None:
        barrier.wait()
        with store.conversation(Channel.TELEGRAM, "9", "racing-update") as person:
            if person is not None:
                person.misses += 1
                winners.append(worker)

    threads = [threading.Thread(target=deliver, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(winners) == 1


def test_concurrent_messages_of_one_person_do_not_lose_updates(database_url: str) -> None:
    store = SqlConversationStore(_sessions(database_url))
    barrier = threading.Barrier(6)

    def deliver(worker: int) -> None:
        barrier.wait()
        with store.conversation(Channel.WEB, "same-person", f"m-{worker}") as person:
            assert person is not None
            person.misses += 1

    threads = [threading.Thread(target=deliver, args=(i,)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with store.conversation(Channel.WEB, "same-person", "final") as person:
        assert person is not None and person.misses == 6


def test_nothing_but_id_language_and_state_is_stored(database_url: str) -> None:
    sessions = _sessions(database_url)
    store = SqlConversationStore(sessions)
    with store.conversation(Channel.WHATSAPP, "16505551234", "wamid.X") as person:
        assert person is not None
        person.lang = "es"
    with sessions() as session:
        columns = {c.name for c in Person.__table__.columns}
        assert columns == {
            "id",
            "channel",
            "channel_user_id",
            "lang",
            "state",
            "created_at",
            "last_seen_at",
        }
        assert {c.name for c in ProcessedMessage.__table__.columns} == {
            "channel",
            "message_id",
            "received_at",
        }
        row = session.execute(select(Person)).scalar_one()
        assert set(row.state) == {"misses", "suggestions"}


def test_content_round_trip_and_cache(database_url: str) -> None:
    sessions = _sessions(database_url)
    topic_files, problems = validate_directory(Settings(_env_file=None).faro_content_dir)  # type: ignore[call-arg]
    assert problems == []
    with sessions.begin() as session:
        assert replace_content(session=session, topic_files=topic_files) == 50
    with sessions.begin() as session:  # loading twice updates, never duplicates
        assert replace_content(session=session, topic_files=topic_files) == 50
    with sessions() as session:
        library = load_content(session=session)
    assert len(library) == 50
    answer = library.get("shelter", "ht")
    assert answer is not None and answer.sources and answer.last_verified < answer.review_by
    content = DatabaseContent(sessions, ttl=3600)
    first = content.library()
    assert content.library() is first  # cached within the TTL
    assert DatabaseContent(sessions, ttl=0).library() is not first


def test_forget_and_purge(database_url: str) -> None:
    sessions = _sessions(database_url)
    store = SqlConversationStore(sessions)
    for user in ("a", "b"):
        with store.conversation(Channel.WEB, user, f"msg-{user}") as person:
            assert person is not None
    with sessions.begin() as session:
        assert forget_person(session=session, channel="web", channel_user_id="a")
        assert not forget_person(session=session, channel="web", channel_user_id="a")
        assert count_people(session=session) == 1
    with sessions.begin() as session:
        session.execute(
            text("UPDATE people SET last_seen_at = :old"),
            {"old": dt.datetime(2020, 1, 1, tzinfo=dt.UTC)},
        )
        session.execute(
            text("UPDATE processed_messages SET received_at = :old"),
            {"old": dt.datetime(2020, 1, 1, tzinfo=dt.UTC)},
        )
    now = dt.datetime.now(dt.UTC)
    with sessions.begin() as session:
        people, keys = purge_expired(
            session=session,
            people_idle_since=now - dt.timedelta(days=90),
            messages_before=now - dt.timedelta(days=8),
        )
    assert (people, keys) == (1, 2)
