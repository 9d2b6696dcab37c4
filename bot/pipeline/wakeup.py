"""Wake asyncio tasks from any thread, without waiting for their next poll.

These only shorten waits inside one process: other processes find the same work by
polling the database, so nothing depends on them.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable


class _LoopBound:
    """Something that lives on one event loop and may be poked from any thread."""

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._event: asyncio.Event | None = None

    def bind(self) -> None:
        """Attach to the running event loop (called from the task that will wait)."""
        self._loop = asyncio.get_running_loop()
        self._event = asyncio.Event()

    def _call(self, callback: Callable[[], object]) -> None:
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            callback()
        else:
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                loop.call_soon_threadsafe(callback)

    async def _wait_on(self, event: asyncio.Event | None, seconds: float) -> None:
        if event is None:
            await asyncio.sleep(seconds)
            return
        # asyncio.timeout, not wait_for: on Python 3.11 wait_for can swallow a
        # cancellation that arrives as the event is set, and the task would never stop.
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(seconds):
                await event.wait()


class Wakeup(_LoopBound):
    """Wakes one waiting task (a worker or a sender); waiting also ends after a timeout."""

    def set(self) -> None:
        """Wake the waiter; safe from any thread, and a no-op before bind()."""
        if self._event is not None:
            self._call(self._event.set)

    async def wait(self, seconds: float) -> None:
        """Wait until set() or `seconds`, then re-arm."""
        await self._wait_on(self._event, seconds)
        if self._event is not None:
            self._event.clear()


class Broadcast(_LoopBound):
    """Wakes every waiter of this process at once (web chat long polls)."""

    def fire(self) -> None:
        """Wake all current waiters; safe from any thread."""
        self._call(self._fire)

    def _fire(self) -> None:
        if self._event is not None:
            self._event.set()
        self._event = asyncio.Event()

    async def wait(self, seconds: float) -> None:
        """Wait for the next fire() or `seconds`."""
        await self._wait_on(self._event, seconds)
