"""The pipeline of one service process: its inbox, turn workers and outbox senders."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import traceback

from bot.core.assistant import Assistant
from bot.core.messages import Channel
from bot.pipeline.database import Database
from bot.pipeline.housekeeping import Housekeeper
from bot.pipeline.inbox import Inbox
from bot.pipeline.outbox import OutboxSender, RetryPolicy, Transport
from bot.pipeline.turns import TurnWorker
from bot.pipeline.wakeup import Broadcast
from bot.storage.secrets import DataCipher

log = logging.getLogger(__name__)


class Pipeline:
    """Inbox, turn workers and senders; tasks run between start() and stop()."""

    def __init__(
        self,
        database: Database,
        assistant: Assistant,
        *,
        cipher: DataCipher,
        turn_workers: int = 1,
        policy: RetryPolicy | None = None,
        retention: dt.timedelta = dt.timedelta(days=90),
    ) -> None:
        self.database = database
        self.policy = policy or RetryPolicy()
        self.web_replies = Broadcast()
        self.cipher = cipher
        self.inbox = Inbox(database, cipher, on_stored=self._wake_workers)
        # SQLite runs one writer at a time, so more than one worker there only waits.
        count = 1 if database.is_sqlite else max(1, turn_workers)
        self.workers = [
            TurnWorker(database, assistant, cipher=cipher, on_queued=self.wake_senders)
            for _ in range(count)
        ]
        self.senders: dict[str, OutboxSender] = {}
        self.housekeeper = Housekeeper(database, retention=retention)
        self._tasks: list[asyncio.Task[None]] = []

    def add_transport(self, transport: Transport, *, rate_per_second: float) -> None:
        """Deliver a channel's outbox through `transport` (before start())."""
        self.senders[transport.channel] = OutboxSender(
            self.database,
            transport,
            cipher=self.cipher,
            rate_per_second=rate_per_second,
            policy=self.policy,
        )

    def _wake_workers(self) -> None:
        for worker in self.workers:
            worker.wakeup.set()

    def wake_senders(self, channels: set[str]) -> None:
        """Wake this process's senders of `channels` (others find the rows by polling)."""
        for channel in channels:
            sender = self.senders.get(channel)
            if sender is not None:
                sender.wakeup.set()
        if Channel.WEB.value in channels:
            self.web_replies.fire()

    async def start(self) -> None:
        """Start the workers and senders as tasks of the running loop."""
        self.web_replies.bind()
        for index, worker in enumerate(self.workers):
            self._tasks.append(asyncio.create_task(worker.run(), name=f"turn-worker-{index}"))
        for channel, sender in self.senders.items():
            self._tasks.append(asyncio.create_task(sender.run(), name=f"sender-{channel}"))
        self._tasks.append(asyncio.create_task(self.housekeeper.run(), name="housekeeping"))

    async def stop(self, grace: float = 15.0) -> None:
        """Stop every task; unsent work stays in the database for the next start."""
        for task in self._tasks:
            task.cancel()
        if self._tasks:
            _, stuck = await asyncio.wait(self._tasks, timeout=grace)
            for task in stuck:
                # Its work is in the database; the lease or the transaction ends with us.
                frames = (
                    "".join(traceback.format_stack(task.get_stack()[-1]))
                    if task.get_stack()
                    else ""
                )
                log.error(
                    "pipeline task %s did not stop in %.0f s\n%s", task.get_name(), grace, frames
                )
        self._tasks.clear()
