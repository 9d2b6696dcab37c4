"""Housekeeping: what must happen even when nobody writes.

Claims whose lease ran out go back to the queue, unfinished intakes are dropped after
24 hours with what they collected, people who asked to be forgotten are deleted once
their confirmation is sent, and finished requests are deleted after the retention period.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import dataclass

import anyio.to_thread
from sqlalchemy import select

from bot.pipeline.database import Database
from bot.storage import accounts
from bot.storage import requests as queries
from bot.storage.models import Person
from bot.storage.unanswered import purge_unanswered

log = logging.getLogger(__name__)

INTERVAL_SECONDS = 30.0


@dataclass(frozen=True, slots=True)
class SweepReport:
    """What one sweep did (counts only)."""

    claims_returned: int
    flows_expired: int
    people_deleted: int
    requests_purged: int


def sweep(
    database: Database, *, retention: dt.timedelta, now: dt.datetime | None = None
) -> SweepReport:
    """Run every housekeeping task once, in one transaction."""
    now = now or dt.datetime.now(dt.UTC)
    with database.write() as session:
        returned = queries.return_expired_claims(session=session, now=now)
        people = list(
            session.execute(
                select(Person).where(Person.flow_expires_at < now).with_for_update(skip_locked=True)
            ).scalars()
        )
        for person in people:
            state = dict(person.state or {})
            state.pop("flow", None)
            state.pop("sealed", None)
            state.pop("private", None)
            person.state = state
            person.flow_expires_at = None
        deleted = queries.delete_erased_people(session=session)
        purged = queries.purge_closed_requests(session=session, closed_before=now - retention)
        accounts.purge_sessions(session=session)
        purge_unanswered(session=session, now=now)
    return SweepReport(returned, len(people), deleted, purged)


class Housekeeper:
    """Runs `sweep` every INTERVAL_SECONDS until cancelled."""

    def __init__(
        self, database: Database, *, retention: dt.timedelta, interval: float = INTERVAL_SECONDS
    ) -> None:
        self._database = database
        self._retention = retention
        self._interval = interval

    async def run(self) -> None:
        """Sweep until cancelled; a failed sweep is retried at the next interval."""
        while True:
            try:
                report = await anyio.to_thread.run_sync(
                    lambda: sweep(self._database, retention=self._retention)
                )
                if any((report.claims_returned, report.flows_expired, report.people_deleted)):
                    log.info(
                        "housekeeping: %d claims returned, %d flows expired, %d people deleted, "
                        "%d requests purged",
                        report.claims_returned,
                        report.flows_expired,
                        report.people_deleted,
                        report.requests_purged,
                    )
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("housekeeping: sweep failed (%s); retrying later", type(exc).__name__)
            await asyncio.sleep(self._interval)
