"""Claim next under contention: every request to exactly one caseworker, none lost.

Each claimer is a thread with its own engine (its own connections and, on SQLite, its own
writer lock), as separate service processes would be; they claim through `CaseDesk`, the
desk's and the API's own path. PostgreSQL: 1,000 requests and 16 claimers (FOR UPDATE
SKIP LOCKED). SQLite: 1,000 requests and 4 claimers (BEGIN IMMEDIATE).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import Engine, func, select, update

from bot.core.effects import IntakeRecord
from bot.core.i18n import Translator
from bot.handoff.lifecycle import PRIORITY_RANK, Priority, RequestKind, new_ref
from bot.handoff.service import CaseDesk
from bot.pipeline.database import Database
from bot.storage import accounts
from bot.storage import requests as queries
from bot.storage.accounts import Role
from bot.storage.database import make_engine, make_sessionmaker, upgrade
from bot.storage.models import AuditEntry, HandoffRequest, RequestEvent, StaffUser
from bot.storage.repository import ensure_person
from bot.storage.secrets import DataCipher
from tests.conftest import cipher_of_test_key

REQUESTS = 1_000
LEASE = dt.timedelta(minutes=30)
PRIORITIES = (Priority.NORMAL, Priority.NORMAL, Priority.HIGH, Priority.URGENT)


@dataclass
class Claimer:
    """One caseworker claiming through its own engine, like its own service process."""

    user: StaffUser
    engine: Engine
    desk: CaseDesk
    claimed: list[tuple[str, int]] = field(default_factory=list)  # (ref, priority rank)
    errors: list[BaseException] = field(default_factory=list)

    def run(self, start: threading.Barrier) -> None:
        """Claim until the queue is empty."""
        try:
            start.wait(timeout=30)
            while (view := self.desk.claim_next(self.user)) is not None:
                self.claimed.append((view.ref, PRIORITY_RANK[Priority(view.priority)]))
        except BaseException as exc:  # reported by the test, not lost in the thread
            self.errors.append(exc)


def _cipher() -> DataCipher:
    return cipher_of_test_key()


def _fill_queue(database_url: str, count: int) -> dict[str, int]:
    """`count` new requests of mixed priorities; returns each ref's priority rank."""
    upgrade(database_url)
    engine = make_engine(database_url)
    cipher = _cipher()
    ranks: dict[str, int] = {}
    try:
        with make_sessionmaker(engine).begin() as session:
            person_id = ensure_person(session=session, channel="web", channel_user_id="queue")
            for index in range(count):
                priority = PRIORITIES[index % len(PRIORITIES)]
                ref = new_ref()
                while ref in ranks:
                    ref = new_ref()
                queries.create_request(
                    session=session,
                    cipher=cipher,
                    ref=ref,
                    kind=RequestKind.RETURN,
                    priority=priority,
                    person_id=person_id,
                    lang="es",
                    channel="web",
                    intake=IntakeRecord(name=f"Persona {index}", country="HN"),
                )
                ranks[ref] = PRIORITY_RANK[priority]
    finally:
        engine.dispose()
    return ranks


def _claimers(database_url: str, count: int) -> list[Claimer]:
    engine = make_engine(database_url)
    with make_sessionmaker(engine).begin() as session:
        users = [
            accounts.create_user(
                session=session,
                email=f"claimer{n}@faro.example",
                role=Role.CASEWORKER,
                password="correct horse battery",
            )
            for n in range(count)
        ]
    engine.dispose()
    translator = Translator()
    claimers = []
    for user in users:
        own = make_engine(database_url)
        desk = CaseDesk(Database(make_sessionmaker(own)), _cipher(), translator, lease=LEASE)
        claimers.append(Claimer(user=user, engine=own, desk=desk))
    return claimers


def _run(claimers: list[Claimer]) -> list[str]:
    for claimer in claimers:
        claimer.claimed.clear()
    start = threading.Barrier(len(claimers))
    threads = [threading.Thread(target=c.run, args=(start,)) for c in claimers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=240)
    assert not any(thread.is_alive() for thread in threads), "a claimer hung"
    errors = [error for c in claimers for error in c.errors]
    assert not errors, errors
    return [ref for c in claimers for ref, _ in c.claimed]


def _check_claims(database_url: str, claimers_count: int) -> None:
    ranks = _fill_queue(database_url, REQUESTS)
    claimers = _claimers(database_url, claimers_count)
    try:
        claimed = _run(claimers)

        # Each request claimed exactly once: none twice, none lost.
        twice = [ref for ref, n in Counter(claimed).items() if n > 1]
        assert twice == []
        assert len(claimed) == REQUESTS
        assert set(claimed) == set(ranks)
        # Work was shared, not done by one claimer while the others waited.
        assert sum(1 for c in claimers if c.claimed) >= 2
        # Highest priority first: no claimer ever got a request of a higher priority
        # after one of a lower priority (a waiting urgent one would have come first).
        for claimer in claimers:
            seen = [rank for _, rank in claimer.claimed]
            assert seen == sorted(seen)

        owner = {ref: c.user.id for c in claimers for ref, _ in c.claimed}
        engine = make_engine(database_url)
        try:
            with make_sessionmaker(engine).begin() as session:
                rows = session.execute(
                    select(HandoffRequest.ref, HandoffRequest.status, HandoffRequest.claimed_by)
                ).all()
                assert {ref: (status, by) for ref, status, by in rows} == {
                    ref: ("claimed", owner[ref]) for ref in ranks
                }
                claims = session.execute(
                    select(RequestEvent.request_id, func.count())
                    .where(RequestEvent.action == "claimed")
                    .group_by(RequestEvent.request_id)
                ).all()
                assert len(claims) == REQUESTS and {n for _, n in claims} == {1}
                audited = session.execute(
                    select(func.count()).where(AuditEntry.action == "claim")
                ).scalar_one()
                assert audited == REQUESTS

                # A lease that ran out puts the request back: some go stale...
                stale = sorted(ranks)[:50]
                session.execute(
                    update(HandoffRequest)
                    .where(HandoffRequest.ref.in_(stale))
                    .values(lease_until=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1))
                )
        finally:
            engine.dispose()

        # ...and exactly those are claimed again, each once, by whoever comes first.
        again = _run(claimers)
        assert sorted(again) == stale
        engine = make_engine(database_url)
        try:
            with make_sessionmaker(engine).begin() as session:
                expired = session.execute(
                    select(func.count()).where(RequestEvent.action == "lease_expired")
                ).scalar_one()
                assert expired == len(stale)
                leases = session.execute(
                    select(HandoffRequest.lease_until).where(HandoffRequest.ref.in_(stale))
                ).scalars()
                now = dt.datetime.now(dt.UTC)
                assert all(lease and _aware(lease) > now + LEASE / 2 for lease in leases)
        finally:
            engine.dispose()
        # Nothing left: the next claim finds an empty queue.
        assert claimers[0].desk.claim_next(claimers[0].user) is None
    finally:
        for claimer in claimers:
            claimer.engine.dispose()


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def test_postgresql_16_claimers_claim_1000_requests_exactly_once(postgres_url: str) -> None:
    _check_claims(postgres_url, claimers_count=16)


def test_sqlite_4_claimers_claim_1000_requests_exactly_once(sqlite_url: str) -> None:
    _check_claims(sqlite_url, claimers_count=4)
