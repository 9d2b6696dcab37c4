"""Storage on SQLite and PostgreSQL: migrations, dedupe, state, content, retention."""

from __future__ import annotations

import datetime as dt
import json
import threading
from typing import Any

import pytest
from alembic import command
from sqlalchemy import inspect, select, text

from bot.core.messages import Channel, Incoming, Kind, Reply
from bot.pipeline.database import Database
from bot.storage.database import alembic_config, make_engine, make_sessionmaker, upgrade
from bot.storage.models import InboundEvent, OutboxMessage, Person
from bot.storage.repository import (
    OUTBOX_BODY,
    count_people,
    ensure_person,
    forget_person,
    lease_outgoing,
    mark_event_done,
    open_reply,
    outbox_counts,
    peek_pending_events,
    pending_event_count,
    purge_expired,
    queue_messages,
    record_delivery_status,
    record_sent,
    store_inbound,
)
from bot.storage.secrets import DecryptionError
from tests.conftest import cipher_of_test_key

CIPHER = cipher_of_test_key()


def _sessions(database_url: str):  # type: ignore[no-untyped-def]
    upgrade(database_url)
    return make_sessionmaker(make_engine(database_url))


def test_migration_creates_tables_and_is_idempotent(database_url: str) -> None:
    upgrade(database_url)
    upgrade(database_url)
    engine = make_engine(database_url)
    tables = set(inspect(engine).get_table_names())
    assert {"people", "inbound_events", "outbox", "alembic_version"} <= tables
    assert {"content_documents", "content_versions"} <= tables
    assert "faq_answers" not in tables  # replaced by the versioned documents (0005)
    assert "processed_messages" not in tables
    engine.dispose()


def _message(message_id: str, user: str = "42", channel: Channel = Channel.TELEGRAM) -> Incoming:
    return Incoming(channel, user, message_id, Kind.TEXT, text="donde dormir")


def test_a_message_is_stored_once_per_channel(database_url: str) -> None:
    sessions = _sessions(database_url)
    with sessions.begin() as session:
        assert store_inbound(session=session, cipher=CIPHER, incoming=_message("7"))
        assert not store_inbound(session=session, cipher=CIPHER, incoming=_message("7"))
        assert store_inbound(
            session=session, cipher=CIPHER, incoming=_message("7", channel=Channel.WHATSAPP)
        )
    with sessions() as session:
        assert pending_event_count(session=session) == 2
        assert count_people(session=session) == 2


def test_concurrent_duplicates_are_stored_exactly_once(database_url: str) -> None:
    sessions = _sessions(database_url)
    database = Database(sessions)
    stored: list[bool] = []
    barrier = threading.Barrier(8)

    def deliver() -> None:
        barrier.wait()
        with database.write() as session:
            stored.append(
                store_inbound(session=session, cipher=CIPHER, incoming=_message("racing-update"))
            )

    threads = [threading.Thread(target=deliver) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(stored) == [False] * 7 + [True]


def test_a_handled_event_keeps_no_text(database_url: str) -> None:
    sessions = _sessions(database_url)
    with sessions.begin() as session:
        store_inbound(session=session, cipher=CIPHER, incoming=_message("m1"))
    with sessions.begin() as session:
        [event] = peek_pending_events(session=session, cipher=CIPHER, limit=10)
        assert event.incoming.text == "donde dormir"
        mark_event_done(session=session, event_id=event.id)
    with sessions() as session:
        row = session.execute(select(InboundEvent)).scalar_one()
        assert (row.status, row.text_enc) == ("done", None)
        assert peek_pending_events(session=session, cipher=CIPHER, limit=10) == []


def _queue(sessions: Any, user: str, texts: list[str]) -> list[int]:
    with sessions.begin() as session:
        person_id = ensure_person(session=session, channel="telegram", channel_user_id=user)
        person = session.get(Person, person_id)
        return queue_messages(
            session=session, cipher=CIPHER, person=person, replies=[Reply(text) for text in texts]
        )


def test_only_the_oldest_unsent_message_of_a_person_is_leased(database_url: str) -> None:
    sessions = _sessions(database_url)
    first, second = _queue(sessions, "1", ["one", "two"])
    (other,) = _queue(sessions, "2", ["other"])
    lease = dt.timedelta(seconds=60)
    with sessions.begin() as session:
        leased = lease_outgoing(
            session=session, cipher=CIPHER, channel="telegram", limit=10, lease=lease
        )
    assert [m.id for m in leased] == [first, other]
    with sessions.begin() as session:
        # Still leased: nothing else of person 1 may leave before "one" is done.
        assert (
            lease_outgoing(
                session=session, cipher=CIPHER, channel="telegram", limit=10, lease=lease
            )
            == []
        )
        record_sent(session=session, message_id=first, platform_id="1001")
    with sessions.begin() as session:
        [next_one] = lease_outgoing(
            session=session, cipher=CIPHER, channel="telegram", limit=10, lease=lease
        )
    assert (next_one.id, next_one.reply.text) == (second, "two")


def test_an_expired_lease_is_taken_again(database_url: str) -> None:
    sessions = _sessions(database_url)
    (message,) = _queue(sessions, "1", ["one"])
    with sessions.begin() as session:
        lease_outgoing(
            session=session,
            cipher=CIPHER,
            channel="telegram",
            limit=10,
            lease=dt.timedelta(seconds=-1),
        )
    with sessions.begin() as session:
        [again] = lease_outgoing(
            session=session,
            cipher=CIPHER,
            channel="telegram",
            limit=10,
            lease=dt.timedelta(seconds=60),
        )
    assert (again.id, again.attempts) == (message, 2)


def test_delivery_reports_only_move_forward(database_url: str) -> None:
    sessions = _sessions(database_url)
    (message,) = _queue(sessions, "1", ["one"])
    with sessions.begin() as session:
        record_sent(session=session, message_id=message, platform_id="wamid.A")
    for status in ("read", "delivered", "sent"):
        with sessions.begin() as session:
            assert record_delivery_status(
                session=session, channel="telegram", platform_id="wamid.A", status=status
            )
    with sessions.begin() as session:
        assert not record_delivery_status(
            session=session, channel="telegram", platform_id="unknown", status="read"
        )
    with sessions() as session:
        assert outbox_counts(session=session) == {"read": 1}


def test_nothing_but_id_language_and_state_is_kept_about_a_person(database_url: str) -> None:
    assert {c.name for c in Person.__table__.columns} == {
        "id",
        "channel",
        "channel_user_id",
        "lang",
        "state",
        "created_at",
        "last_seen_at",
        "flow_expires_at",
        "erased_at",
    }


def test_forget_and_purge(database_url: str) -> None:
    sessions = _sessions(database_url)
    with sessions.begin() as session:
        for user in ("a", "b"):
            store_inbound(
                session=session, cipher=CIPHER, incoming=_message(f"msg-{user}", user=user)
            )
    with sessions.begin() as session:
        for event in peek_pending_events(session=session, cipher=CIPHER, limit=10):
            mark_event_done(session=session, event_id=event.id)
    with sessions.begin() as session:
        assert forget_person(session=session, channel="telegram", channel_user_id="a")
        assert not forget_person(session=session, channel="telegram", channel_user_id="a")
        assert count_people(session=session) == 1
    now = dt.datetime.now(dt.UTC)
    old = {"old": dt.datetime(2020, 1, 1, tzinfo=dt.UTC)}

    def purge() -> tuple[int, int]:
        with sessions.begin() as session:
            return purge_expired(
                session=session,
                people_idle_since=now - dt.timedelta(days=90),
                messages_before=now - dt.timedelta(days=8),
            )

    with sessions.begin() as session:
        session.execute(text("UPDATE inbound_events SET received_at = :old"), old)
    assert purge() == (0, 1)  # the old dedupe key goes; "b" was seen lately and stays
    with sessions.begin() as session:
        session.execute(text("UPDATE people SET last_seen_at = :old"), old)
    assert purge() == (1, 0)


CANARY = "Canary Yesenia Lopez 5512345678 ñandú 🌵"


def _raw_values(sessions: Any, query: str) -> list[bytes]:
    with sessions() as session:
        return [bytes(value) for (value,) in session.execute(text(query)) if value is not None]


def test_message_words_are_sealed_at_rest(database_url: str) -> None:
    sessions = _sessions(database_url)
    with sessions.begin() as session:
        incoming = Incoming(Channel.WEB, "w1", "m1", Kind.TEXT, text=CANARY)
        assert store_inbound(session=session, cipher=CIPHER, incoming=incoming)
    _queue(sessions, "w1", [f"Summary: {CANARY}"])
    stored = _raw_values(sessions, "SELECT text_enc FROM inbound_events") + _raw_values(
        sessions, "SELECT body_enc FROM outbox"
    )
    assert len(stored) == 2
    for needle in ("Yesenia", "5512345678", "Canary"):
        assert all(needle.encode() not in value for value in stored)
    # And they open again, whole, with the key.
    with sessions() as session:
        [event] = peek_pending_events(session=session, cipher=CIPHER, limit=10)
        assert event.incoming.text == CANARY
    with sessions.begin() as session:
        [queued] = lease_outgoing(
            session=session, cipher=CIPHER, channel="telegram", limit=1, lease=dt.timedelta(1)
        )
    assert queued.reply.text == f"Summary: {CANARY}"


def test_a_sealed_body_does_not_open_as_another_column(database_url: str) -> None:
    sessions = _sessions(database_url)
    with sessions.begin() as session:
        incoming = Incoming(Channel.WEB, "w1", "m1", Kind.TEXT, text=CANARY)
        store_inbound(session=session, cipher=CIPHER, incoming=incoming)
        session.execute(
            text("UPDATE inbound_events SET text_enc = :sealed"),
            {"sealed": CIPHER.seal(CANARY, where=OUTBOX_BODY)},
        )
    with sessions() as session, pytest.raises(DecryptionError):
        peek_pending_events(session=session, cipher=CIPHER, limit=10)


def test_migration_0004_seals_rows_already_stored_and_opens_them_on_downgrade(
    database_url: str,
) -> None:
    upgrade(database_url, "0003_handoff_queue")
    engine = make_engine(database_url)
    body = {"text": CANARY, "buttons": [["menu", "Menú"]], "lang": "es"}
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO people (channel, channel_user_id, state) VALUES ('web', 'w', '{}')")
        )
        person_id = connection.execute(text("SELECT id FROM people")).scalar_one()
        connection.execute(
            text(
                "INSERT INTO inbound_events (channel, message_id, person_id, kind, text, payload,"
                " status) VALUES ('web', 'm1', :person, 'text', :text, '', 'pending')"
            ),
            {"person": person_id, "text": CANARY},
        )
        connection.execute(
            text(
                "INSERT INTO outbox (person_id, channel, recipient, purpose, body, status,"
                " attempts, parts_sent) VALUES (:person, 'web', 'w', 'reply', :body, 'pending',"
                " 0, 0)"
            ),
            {"person": person_id, "body": json.dumps(body)},
        )
    # Rows to seal and no key: the migration refuses, and the readable rows stay as they were.
    with pytest.raises(RuntimeError, match="data key"):
        upgrade(database_url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT text FROM inbound_events")).scalar_one() == CANARY
    upgrade(database_url, cipher=cipher_of_test_key)
    columns = {column["name"] for column in inspect(engine).get_columns("outbox")}
    assert "body" not in columns and "body_enc" in columns
    sessions = make_sessionmaker(engine)
    with sessions() as session:
        [event] = peek_pending_events(session=session, cipher=CIPHER, limit=10)
        sealed = session.execute(select(OutboxMessage.body_enc)).scalar_one()
    assert event.incoming.text == CANARY
    assert b"Canary" not in sealed and open_reply(sealed, CIPHER).text == CANARY
    upgrade_to = "0003_handoff_queue"
    command.downgrade(_config_with_key(database_url), upgrade_to)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT text FROM inbound_events")).scalar_one() == CANARY
        restored = connection.execute(text("SELECT body FROM outbox")).scalar_one()
    assert (json.loads(restored) if isinstance(restored, str) else restored) == body
    engine.dispose()


def _config_with_key(database_url: str) -> Any:
    config = alembic_config(database_url)
    config.attributes["cipher"] = cipher_of_test_key
    return config
