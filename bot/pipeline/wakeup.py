"""Wake an asyncio task from any thread, without waiting for its next poll."""

from __future__ import annotations

import asyncio
import contextlib


class Wakeup:
    """An asyncio.Event that worker threads may set; waiting also ends after a timeout.

    It only shortens the wait inside one process: other processes find the same work
    by polling the database, so nothing depends on it.
    """

    def __init__(self) -> None:
        self._event: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def bind(self) -> None:
        """Attach to the running event loop (called from the task that will wait)."""
        self._loop = asyncio.get_running_loop()
        self._event = asyncio.Event()

    def set(self) -> None:
        """Wake the waiter; safe from any thread, and a no-op before bind()."""
        loop, event = self._loop, self._event
        if loop is None or event is None or loop.is_closed():
            return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            event.set()
        else:
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                loop.call_soon_threadsafe(event.set)

    async def wait(self, seconds: float) -> None:
        """Wait until set() or `seconds`, then re-arm."""
        event = self._event
        if event is None:
            await asyncio.sleep(seconds)
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(event.wait(), seconds)
        event.clear()
