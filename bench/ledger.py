"""What Faro stored and what reached the fake Bot API: every message, exactly its replies.

Faro's webhook answers before the reply exists, so a reply can only be matched with its
message afterwards. Faro's own database says which replies each message should get: the
inbox row of a Telegram update (keyed by its update_id) and the outbox rows written by
the same turn (`outbox.event_id`). The fake Bot API says what arrived, per chat, in order,
with the start of each text. This module reads the first (read-only, between phases and
at the end, never while a phase is measured) and matches it with the second:

- a message is *answered* when every outbox row of its turn reached the fake; its latency
  ends at the first of them;
- a delivery that matches no outbox row of that chat is *unexpected*; one that repeats a
  row already delivered is *duplicated*;
- a message acknowledged with 200 but absent from the inbox was *lost*, one stored but
  never handled is *pending*, one handled with no reply queued broke "never silent".

The SQL reads two tables of the pipeline (`inbound_events`, `outbox`); if their shape
changes, the bench says so and falls back to "the first sendMessage after the message".
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from bench.fake_telegram import TEXT_PREFIX, Delivery
from bench.traffic import Sample

CHANNEL = "telegram"
UNSENT = ("pending", "sending")


class LedgerError(RuntimeError):
    """Faro's database could not be read as the bench expects."""


@dataclass(frozen=True, slots=True)
class Backlog:
    """Work Faro still has: messages not yet handled, replies not yet sent or failed."""

    pending_events: int
    unsent_replies: int
    failed_replies: int

    @property
    def empty(self) -> bool:
        """Nothing left to handle or to send."""
        return self.pending_events == 0 and self.unsent_replies == 0


@dataclass(frozen=True, slots=True)
class OutRow:
    """One outbox row of a turn: its status and the start of its text."""

    id: int
    status: str
    error: str | None
    text: str


@dataclass(slots=True)
class Stored:
    """One inbox row and the outbox rows its turn wrote, in order."""

    status: str
    replies: list[OutRow] = field(default_factory=list)


class Ledger:
    """Reads Faro's database (SQLite file or PostgreSQL) with a connection of its own."""

    def __init__(self, database_url: str) -> None:
        self._engine: Engine = create_engine(database_url, poolclass=NullPool)
        self._sqlite = self._engine.dialect.name == "sqlite"

    def close(self) -> None:
        """Release the engine."""
        self._engine.dispose()

    def backlog(self) -> Backlog:
        """How much work Faro still has queued (one short read)."""
        try:
            with self._engine.connect() as connection:
                pending = connection.execute(
                    text("SELECT count(*) FROM inbound_events WHERE status = 'pending'")
                ).scalar_one()
                outbox = {
                    str(status): int(count)
                    for status, count in connection.execute(
                        text(
                            "SELECT status, count(*) FROM outbox "
                            "WHERE status IN ('pending', 'sending', 'failed') GROUP BY status"
                        )
                    ).all()
                }
        except SQLAlchemyError as exc:
            raise LedgerError(f"cannot read Faro's queue: {type(exc).__name__}") from exc
        unsent = sum(outbox.get(status, 0) for status in UNSENT)
        return Backlog(int(pending), unsent, outbox.get("failed", 0))

    def wait_idle(self, timeout: float, poll: float = 0.25) -> tuple[bool, float, Backlog]:
        """Poll until nothing is queued or `timeout` s passed: (idle, seconds, last backlog)."""
        started = time.monotonic()
        backlog = self.backlog()
        while not backlog.empty and time.monotonic() - started < timeout:
            time.sleep(poll)
            backlog = self.backlog()
        return backlog.empty, time.monotonic() - started, backlog

    def stored(self) -> dict[str, Stored]:
        """Every Telegram message in the inbox, by update_id, with its turn's outbox rows."""
        body_text = (
            "json_extract(o.body, '$.text')" if self._sqlite else "(o.body::json ->> 'text')"
        )
        try:
            with self._engine.connect() as connection:
                events = connection.execute(
                    text(
                        "SELECT id, message_id, status FROM inbound_events WHERE channel = :channel"
                    ),
                    {"channel": CHANNEL},
                ).all()
                rows = connection.execute(
                    text(
                        f"SELECT o.id, o.event_id, o.status, o.error, "
                        f"substr({body_text}, 1, {TEXT_PREFIX}) FROM outbox o "
                        "WHERE o.channel = :channel AND o.event_id IS NOT NULL ORDER BY o.id"
                    ),
                    {"channel": CHANNEL},
                ).all()
        except SQLAlchemyError as exc:
            raise LedgerError(f"cannot read Faro's inbox and outbox: {type(exc).__name__}") from exc
        by_event: dict[int, Stored] = {}
        by_update: dict[str, Stored] = {}
        for event_id, message_id, status in events:
            entry = Stored(str(status))
            by_event[int(event_id)] = entry
            by_update[str(message_id)] = entry
        for row_id, event_id, status, error, prefix in rows:
            owner = by_event.get(int(event_id))
            if owner is not None:
                owner.replies.append(OutRow(int(row_id), str(status), error, str(prefix or "")))
        return by_update


@dataclass
class Accounting:
    """Messages against replies for one phase."""

    messages: int = 0
    acknowledged: int = 0  # webhook answered 200
    answered: int = 0  # every reply of its turn reached the fake
    partly_answered: int = 0
    not_answered: int = 0  # replies queued, none arrived
    pending: int = 0  # stored, never handled
    no_reply_queued: int = 0  # handled, nothing queued ("never silent" broken)
    lost: int = 0  # acknowledged but not in the inbox
    not_acknowledged: int = 0  # no 200 (and not stored either)
    expected_replies: int = 0
    delivered_replies: int = 0
    missing_replies: int = 0
    duplicated_deliveries: int = 0
    unexpected_deliveries: int = 0
    out_of_order_deliveries: int = 0
    failed_rows: Counter[str] = field(default_factory=Counter)
    checked: bool = True  # False: the outbox could not be read; only first replies seen

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready figures."""
        figures = {k: v for k, v in vars(self).items() if k != "failed_rows"}
        figures["failed_rows"] = dict(self.failed_rows)
        figures["missed"] = self.messages - self.answered
        return figures


def _match_chat(
    expected: Sequence[OutRow], deliveries: Sequence[Delivery], accounting: Accounting
) -> list[Delivery | None]:
    """Pair each expected row with a delivery of the same text, in order where possible."""
    matched: list[Delivery | None] = [None] * len(expected)
    highest = -1
    for delivery in deliveries:
        free = [
            k for k, row in enumerate(expected) if matched[k] is None and row.text == delivery.text
        ]
        if free:
            index = free[0]
            matched[index] = delivery
            if index < highest:
                accounting.out_of_order_deliveries += 1
            highest = max(highest, index)
        elif any(row.text == delivery.text for row in expected):
            accounting.duplicated_deliveries += 1
        else:
            accounting.unexpected_deliveries += 1
    return matched


def account(
    samples: Sequence[Sample],
    stored: dict[str, Stored],
    deliveries_of: Callable[[int], Sequence[Delivery]],
) -> Accounting:
    """Match the phase's messages with their outbox rows and with what the fake received.

    Sets each sample's `replied_at` (first reply of its turn) and `first_reply`. Chats are
    not shared between phases, so each chat's deliveries belong to this phase alone.
    """
    accounting = Accounting(messages=len(samples))
    by_chat: dict[int, list[Sample]] = defaultdict(list)
    for sample in sorted(samples, key=lambda s: s.started):
        by_chat[sample.chat_id].append(sample)
    for chat_id, chat_samples in by_chat.items():
        expected: list[OutRow] = []
        owners: list[int] = []  # index into chat_samples of each expected row
        for index, sample in enumerate(chat_samples):
            if sample.status == 200:
                accounting.acknowledged += 1
            entry = stored.get(str(sample.update_id))
            if entry is None:
                if sample.status == 200:
                    accounting.lost += 1
                else:
                    accounting.not_acknowledged += 1
                continue
            if entry.status == "pending":
                accounting.pending += 1
            elif not entry.replies:
                accounting.no_reply_queued += 1
            for row in entry.replies:
                expected.append(row)
                owners.append(index)
                if row.status == "failed":
                    accounting.failed_rows[row.error or "?"] += 1
        matched = _match_chat(expected, deliveries_of(chat_id), accounting)
        accounting.expected_replies += len(expected)
        accounting.delivered_replies += sum(1 for m in matched if m is not None)
        per_sample: dict[int, list[Delivery | None]] = defaultdict(list)
        for owner, delivery in zip(owners, matched, strict=True):
            per_sample[owner].append(delivery)
        for index, sample in enumerate(chat_samples):
            sample.replied_at = sample.completed_at = None
            got = per_sample.get(index)
            if not got:
                continue
            arrived = [d for d in got if d is not None]
            if len(arrived) == len(got):
                accounting.answered += 1
                first = got[0]
                assert first is not None
                sample.replied_at = first.at
                sample.completed_at = max(d.at for d in arrived)
                sample.first_reply = first.text
            elif arrived:
                accounting.partly_answered += 1
            else:
                accounting.not_answered += 1
    accounting.missing_replies = accounting.expected_replies - accounting.delivered_replies
    return accounting


def unchecked(samples: Iterable[Sample]) -> Accounting:
    """Accounting from the first reply seen alone (when Faro's outbox cannot be read)."""
    listed = list(samples)
    accounting = Accounting(messages=len(listed), checked=False)
    for sample in listed:
        if sample.status == 200:
            accounting.acknowledged += 1
        else:
            accounting.not_acknowledged += 1
        if sample.replied_at is not None:
            accounting.answered += 1
    return accounting
