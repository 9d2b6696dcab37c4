"""Turn workers: take stored messages in order per person and run the core on them.

Each batch is one transaction: for every claimed person it runs their pending messages
in order, writes the new state, the outgoing messages and the "done" marks, and commits
them together, so a turn either happened whole or not at all. The claim is the person's
row lock, which ends with the transaction, also when the process is killed.
"""

from __future__ import annotations

import asyncio
import copy
import datetime as dt
import logging
import traceback
from collections.abc import Callable

import anyio.to_thread

from bot.core.assistant import Assistant, Prepared
from bot.core.conversation import PersonState
from bot.core.messages import Incoming, Turn
from bot.pipeline.database import Database
from bot.pipeline.effects import apply_effects, load_state, refresh_request, store_state
from bot.pipeline.wakeup import Wakeup
from bot.storage.repository import (
    PendingEvent,
    claim_people,
    mark_event_done,
    peek_pending_events,
    pending_events_of,
    queue_messages,
)
from bot.storage.secrets import DataCipher

log = logging.getLogger(__name__)

BATCH = 32
IDLE_POLL_SECONDS = 0.5


class TurnWorker:
    """Runs turns until stopped; wakes on new messages in this process, polls for others."""

    def __init__(
        self,
        database: Database,
        assistant: Assistant,
        *,
        cipher: DataCipher,
        on_queued: Callable[[set[str]], None],
        batch: int = BATCH,
        poll_seconds: float = IDLE_POLL_SECONDS,
    ) -> None:
        self._database = database
        self._assistant = assistant
        self._cipher = cipher
        self._on_queued = on_queued
        self._batch = batch
        self._poll = poll_seconds
        self.wakeup = Wakeup()

    async def run(self) -> None:
        """Work until cancelled."""
        self.wakeup.bind()
        while True:
            try:
                done = await anyio.to_thread.run_sync(self.run_once)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                # The database may be away for a moment; nothing is lost, try again later.
                log.warning("turn worker: batch failed (%s); retrying", type(exc).__name__)
                done = 0
                await asyncio.sleep(self._poll)
            if done == 0:
                await self.wakeup.wait(self._poll)

    def run_once(self) -> int:
        """Run one batch of turns; return how many messages were handled."""
        pending, prepared = self._prepare_ahead()
        if not pending:
            return 0
        # The people of the prepared messages, oldest message first.
        person_ids = list(dict.fromkeys(event.person_id for event in pending))
        handled = 0
        channels: set[str] = set()
        with self._database.write() as session:
            for person in claim_people(session=session, person_ids=person_ids):
                events = pending_events_of(session=session, cipher=self._cipher, person=person)
                if not events:
                    continue  # another worker finished them between our two reads
                state = load_state(person, self._cipher)
                state.is_new = not person.state and person.lang is None
                for event in events:
                    if event.id not in prepared:
                        # Arrived after this batch was prepared: the next batch takes it
                        # (and this person's later messages, to keep them in order).
                        break
                    refresh_request(session, person, state)
                    turn = self._decide(prepared[event.id], state)
                    # Effects first: an erasure clears the person's earlier messages, and
                    # must not take this turn's confirmation with them.
                    erased = apply_effects(
                        session=session,
                        cipher=self._cipher,
                        person=person,
                        state=state,
                        effects=turn.effects,
                        lang=turn.lang,
                        event_id=event.id,
                    )
                    if erased:
                        state = PersonState()
                    elif person.erased_at is not None:
                        person.erased_at = None  # they came back after being forgotten
                    queue_messages(
                        session=session,
                        cipher=self._cipher,
                        person=person,
                        replies=turn.replies,
                        event_id=event.id,
                    )
                    mark_event_done(session=session, event_id=event.id)
                    handled += 1
                store_state(person, state, self._cipher)
                person.last_seen_at = dt.datetime.now(dt.UTC)
                channels.add(person.channel)
        if channels:
            self._on_queued(channels)
        return handled

    def _prepare_ahead(self) -> tuple[list[PendingEvent], dict[int, Prepared | None]]:
        # Understanding a message needs no lock; doing it before the write transaction
        # keeps the transaction (and on SQLite, the only writer slot) short, and the
        # transaction then opens no second connection (which on SQLite would wait on it).
        with self._database.read() as session:
            pending = peek_pending_events(session=session, cipher=self._cipher, limit=self._batch)
        return pending, {event.id: self._prepare(event.incoming) for event in pending}

    def _prepare(self, incoming: Incoming) -> Prepared | None:
        try:
            return self._assistant.prepare(incoming)
        except Exception as exc:
            _log_failure("preparing a message", exc)
            return None

    def _decide(self, prepared: Prepared | None, state: PersonState) -> Turn:
        before = copy.deepcopy(state)
        try:
            if prepared is None:
                raise RuntimeError("the message could not be prepared")
            return self._assistant.decide(prepared, state)
        except Exception as exc:
            _log_failure("deciding a turn", exc)
            # Never silent, and never half a turn: the state stays as it was and the
            # person gets the menu in their language.
            for name in PersonState.__slots__:
                setattr(state, name, getattr(before, name))
            return self._assistant.trouble_turn(state)


def _log_failure(what: str, exc: BaseException) -> None:
    # Frames only: an exception's message can carry the person's text.
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error("turn worker: %s failed (%s)\n%s", what, type(exc).__name__, frames)
