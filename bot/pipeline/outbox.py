"""The outbox: everything Faro sends leaves through here, in order per person.

Senders lease the oldest unsent message of each person, deliver it through the
channel's transport within the platform's rate limit, and record the outcome. One
retry policy (tenacity) serves every channel: 429s, 5xx and network failures are
retried with backoff that honours the platform's retry-after, until the message's
time runs out and the failure is recorded.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import anyio.to_thread
from aiolimiter import AsyncLimiter
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception_type,
    stop_before_delay,
    wait_exponential_jitter,
)

from bot.core.messages import Reply
from bot.pipeline.database import Database
from bot.pipeline.wakeup import Wakeup
from bot.storage.repository import (
    OutgoingMessage,
    extend_lease,
    lease_outgoing,
    lock_person_by_channel_id,
    queue_messages,
    record_failed,
    record_part_sent,
    record_retry_later,
    record_sent,
)
from bot.storage.secrets import DataCipher

log = logging.getLogger(__name__)

# A sender renews its lease before every attempt, so a live sender never loses one; a
# dead sender's messages are free again this long after its last attempt began.
LEASE = dt.timedelta(seconds=25)
IDLE_POLL_SECONDS = 0.5


class SendError(Exception):
    """A message could not be delivered; `code` says why, without any personal data."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class TransientSendError(SendError):
    """Worth trying again later: rate limits, server errors, timeouts."""

    def __init__(self, code: str, retry_after: float | None = None) -> None:
        super().__init__(code)
        self.retry_after = retry_after


class PermanentSendError(SendError):
    """Trying again cannot help: a bad request, a person who blocked the bot."""


class Transport(Protocol):
    """How one channel hands a message to its platform."""

    channel: str

    def parts(self, recipient: str, reply: Reply) -> Sequence[Any]:
        """The platform calls one reply takes (most take one)."""
        ...

    async def send_part(self, part: Any) -> str | None:
        """Send one part; return the platform's message id; raise a SendError otherwise."""
        ...


@dataclass(frozen=True)
class RetryPolicy:
    """The one retry policy of every sender.

    Within one lease a message is retried for up to `attempt_window` seconds; after that
    it goes back to the outbox for a later lease, until `give_up_after` seconds from its
    creation, when the failure is recorded.
    """

    initial: float = 0.5
    max_wait: float = 30.0
    attempt_window: float = 15.0
    give_up_after: float = 600.0

    def retrying(self, deadline: dt.datetime) -> AsyncRetrying:
        """A tenacity retrier for one part of one message."""
        remaining = max(0.0, (deadline - dt.datetime.now(dt.UTC)).total_seconds())
        return AsyncRetrying(
            retry=retry_if_exception_type(TransientSendError),
            wait=_WaitRetryAfter(
                wait_exponential_jitter(
                    multiplier=self.initial, max=self.max_wait, jitter=self.initial
                )
            ),
            # Stops before a wait that would outlast the window (a long retry_after):
            # the message then goes back to the outbox instead of holding a sender.
            stop=stop_before_delay(min(self.attempt_window, remaining)),
            reraise=True,
        )

    def deadline(self, created_at: dt.datetime) -> dt.datetime:
        """When a message created at `created_at` is given up."""
        return created_at + dt.timedelta(seconds=self.give_up_after)


class _WaitRetryAfter:
    """Wait what the platform asked for (retry_after), else exponential backoff with jitter."""

    def __init__(self, fallback: Any) -> None:
        self._fallback = fallback

    def __call__(self, retry_state: RetryCallState) -> float:
        outcome = retry_state.outcome
        error = outcome.exception() if outcome is not None else None
        if isinstance(error, TransientSendError) and error.retry_after is not None:
            return float(error.retry_after)
        return float(self._fallback(retry_state))


class OutboxSender:
    """Delivers one channel's outbox: leases, rate limit, retries, outcome."""

    def __init__(
        self,
        database: Database,
        transport: Transport,
        *,
        cipher: DataCipher,
        rate_per_second: float,
        policy: RetryPolicy | None = None,
        concurrency: int = 32,
        poll_seconds: float = IDLE_POLL_SECONDS,
    ) -> None:
        self._database = database
        self._cipher = cipher
        self._transport = transport
        self._policy = policy or RetryPolicy()
        self._limiter = AsyncLimiter(max(1.0, rate_per_second), 1.0)
        self._slots = asyncio.Semaphore(concurrency)
        self._concurrency = concurrency
        self._poll = poll_seconds
        self._in_flight: set[asyncio.Task[None]] = set()
        self.wakeup = Wakeup()

    @property
    def channel(self) -> str:
        """The channel this sender serves."""
        return self._transport.channel

    async def run(self) -> None:
        """Deliver until cancelled."""
        self.wakeup.bind()
        try:
            while True:
                free = self._concurrency - len(self._in_flight)
                leased: list[OutgoingMessage] = []
                if free > 0:
                    try:
                        leased = await anyio.to_thread.run_sync(self._lease, free)
                    except Exception as exc:
                        log.warning(
                            "%s sender: lease failed (%s)", self.channel, type(exc).__name__
                        )
                for message in leased:
                    task = asyncio.create_task(self._deliver(message))
                    self._in_flight.add(task)
                    task.add_done_callback(self._finished)
                if not leased:
                    await self.wakeup.wait(self._poll)
        finally:
            for task in list(self._in_flight):
                task.cancel()
            for task in list(self._in_flight):
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._in_flight.discard(task)
        self.wakeup.set()  # a slot is free, and the person's next message may be waiting

    def _lease(self, limit: int) -> list[OutgoingMessage]:
        with self._database.write() as session:
            return lease_outgoing(
                session=session, cipher=self._cipher, channel=self.channel, limit=limit, lease=LEASE
            )

    async def _deliver(self, message: OutgoingMessage) -> None:
        deadline = self._policy.deadline(message.created_at)
        try:
            parts = list(self._transport.parts(message.recipient, message.reply))
            platform_id: str | None = None
            for index in range(message.parts_sent, len(parts)):
                platform_id = await self._send_with_retries(message.id, parts[index], deadline)
                if index + 1 < len(parts):
                    await self._write(record_part_sent, message_id=message.id, parts_sent=index + 1)
            await self._write(record_sent, message_id=message.id, platform_id=platform_id)
        except PermanentSendError as exc:
            log.warning("%s message %d not delivered: %s", self.channel, message.id, exc.code)
            await self._write(record_failed, message_id=message.id, error=exc.code)
        except TransientSendError as exc:
            now = dt.datetime.now(dt.UTC)
            if now >= deadline:
                log.warning("%s message %d given up: %s", self.channel, message.id, exc.code)
                await self._write(record_failed, message_id=message.id, error=f"gave_up:{exc.code}")
            else:
                wait = exc.retry_after if exc.retry_after is not None else self._policy.max_wait
                not_before = min(deadline, now + dt.timedelta(seconds=wait))
                log.info("%s message %d deferred: %s", self.channel, message.id, exc.code)
                await self._write(
                    record_retry_later, message_id=message.id, not_before=not_before, error=exc.code
                )
        except asyncio.CancelledError:
            # Shutting down: hand the message back at once rather than when the lease
            # runs out. (A part the platform took but we never heard back about may go
            # out twice; no platform offers a way to make a send idempotent.)
            with contextlib.suppress(Exception):
                await asyncio.shield(
                    self._write(
                        record_retry_later,
                        message_id=message.id,
                        not_before=dt.datetime.now(dt.UTC),
                        error="shutdown",
                    )
                )
            raise
        except Exception as exc:
            # A bug in rendering must not stop the sender; the row is recorded as failed.
            log.error("%s message %d failed (%s)", self.channel, message.id, type(exc).__name__)
            with contextlib.suppress(Exception):
                await self._write(record_failed, message_id=message.id, error=type(exc).__name__)

    async def _send_with_retries(
        self, message_id: int, part: Any, deadline: dt.datetime
    ) -> str | None:
        async for attempt in self._policy.retrying(deadline):
            with attempt:
                if attempt.retry_state.attempt_number > 1:
                    await self._write(extend_lease, message_id=message_id, lease=LEASE)
                async with self._limiter:
                    return await self._transport.send_part(part)
        raise AssertionError("tenacity reraises the last error")  # pragma: no cover

    async def _write(self, function: Any, **kwargs: Any) -> None:
        def run() -> None:
            with self._database.write() as session:
                function(session=session, **kwargs)

        await anyio.to_thread.run_sync(run)


def send_to_person(
    database: Database,
    *,
    cipher: DataCipher,
    channel: str,
    channel_user_id: str,
    replies: Sequence[Reply],
    purpose: str,
) -> list[int]:
    """Queue messages for a person that answer nothing they sent (notices, caseworkers).

    Returns the outbox ids; an empty list when Faro does not know the person.
    """
    with database.write() as session:
        person = lock_person_by_channel_id(
            session=session, channel=channel, channel_user_id=channel_user_id
        )
        if person is None:
            return []
        return queue_messages(
            session=session, cipher=cipher, person=person, replies=replies, purpose=purpose
        )
