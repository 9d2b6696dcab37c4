"""Turn workers on SQLite and PostgreSQL: order per person, one transaction, no double turn."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import select

from bot.core.messages import Channel, Incoming, Kind
from bot.pipeline.turns import TurnWorker
from bot.service import Service
from bot.storage import repository
from bot.storage.models import InboundEvent, OutboxMessage, Person
from tests.conftest import ServiceFactory


def _text(user: str, message_id: str, text: str) -> Incoming:
    return Incoming(Channel.TELEGRAM, user, message_id, Kind.TEXT, text=text, lang="es")


def _worker(service: Service) -> TurnWorker:
    return TurnWorker(
        service.database,
        service.assistant,
        cipher=service.cipher,
        on_queued=lambda _channels: None,
    )


def _replies_by_event(service: Service) -> dict[str, int]:
    with service.sessions() as session:
        rows = session.execute(
            select(InboundEvent.message_id, OutboxMessage.id).join(
                OutboxMessage, OutboxMessage.event_id == InboundEvent.id
            )
        ).all()
    counts: dict[str, int] = {}
    for message_id, _ in rows:
        counts[message_id] = counts.get(message_id, 0) + 1
    return counts


def _drain(service: Service, worker: TurnWorker) -> None:
    for _ in range(50):
        if worker.run_once() == 0:
            return
    raise AssertionError("the worker never ran out of work")


def test_a_persons_messages_are_turned_in_order_with_state_carried(
    make_service: ServiceFactory, database_url: str
) -> None:
    service = make_service(database_url=database_url)
    # Three misses in a row: the second one shows the whole menu (the state carried over).
    service.pipeline.inbox.store_now(
        [_text("7", f"m{n}", "xyzzy plugh") for n in range(3)]
        + [_text("8", "other", "necesito un doctor")]
    )
    _drain(service, _worker(service))
    with service.sessions() as session:
        person = session.execute(select(Person).where(Person.channel_user_id == "7")).scalar_one()
        assert person.state["misses"] == 1
        events = session.execute(select(InboundEvent).order_by(InboundEvent.id)).scalars().all()
        assert {event.status for event in events} == {"done"}
        assert all(event.text_enc is None for event in events)
        outbox = session.execute(select(OutboxMessage).order_by(OutboxMessage.id)).scalars().all()
    # Replies were queued in the order the messages came: m0, m1 (two replies), m2.
    order = [row.event_id or 0 for row in outbox if row.recipient == "7"]
    assert order == sorted(order)
    assert _replies_by_event(service) == {"m0": 1, "m1": 2, "m2": 1, "other": 1}


def test_a_turn_that_fails_midway_leaves_nothing_behind_and_runs_once_later(
    make_service: ServiceFactory, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = make_service(database_url=database_url)
    service.pipeline.inbox.store_now([_text("7", "m1", "necesito un doctor")])
    worker = _worker(service)
    real = repository.mark_event_done
    calls = {"n": 0}

    def crash_once(**kwargs: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            # As if the process died after the outbox rows were written, before commit.
            raise ConnectionError("the database went away")
        real(**kwargs)

    monkeypatch.setattr("bot.pipeline.turns.mark_event_done", crash_once)
    with pytest.raises(ConnectionError):
        worker.run_once()
    with service.sessions() as session:
        assert repository.pending_event_count(session=session) == 1
        assert session.execute(select(OutboxMessage)).first() is None
    _drain(service, worker)
    assert _replies_by_event(service) == {"m1": 1}


def test_concurrent_workers_never_turn_a_message_twice_or_out_of_order(
    make_service: ServiceFactory, database_url: str
) -> None:
    service = make_service(database_url=database_url)
    people = [str(n) for n in range(12)]
    service.pipeline.inbox.store_now(
        [_text(user, f"{user}-{n}", f"necesito un doctor {n}") for n in range(5) for user in people]
    )
    workers = [_worker(service) for _ in range(4)]
    errors: list[BaseException] = []

    def work(worker: TurnWorker) -> None:
        try:
            _drain(service, worker)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(worker,)) for worker in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    replies = _replies_by_event(service)
    assert len(replies) == 60 and set(replies.values()) == {1}
    with service.sessions() as session:
        rows = session.execute(
            select(OutboxMessage.recipient, InboundEvent.message_id)
            .join(InboundEvent, OutboxMessage.event_id == InboundEvent.id)
            .order_by(OutboxMessage.id)
        ).all()
    for user in people:
        turned = [int(message.split("-")[1]) for recipient, message in rows if recipient == user]
        assert turned == sorted(turned), f"person {user} was answered out of order: {turned}"
