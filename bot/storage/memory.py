"""A ConversationStore in process memory, for one-shot command-line use and unit tests.

The service never uses it: state kept here is invisible to other processes.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from bot.core.conversation import PersonState
from bot.core.messages import Channel


class MemoryConversationStore:
    """Claims and state in dictionaries, guarded by one lock."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._claimed: set[tuple[str, str]] = set()
        self._people: dict[tuple[str, str], PersonState] = {}

    @contextmanager
    def conversation(
        self, channel: Channel, user_id: str, message_id: str
    ) -> Iterator[PersonState | None]:
        """Claim the message and open a copy of the person's state."""
        with self._lock:
            key = (channel.value, message_id)
            if key in self._claimed:
                yield None
                return
            person_key = (channel.value, user_id)
            stored = self._people.get(person_key)
            state = copy.deepcopy(stored) if stored else PersonState()
            if stored:
                state.is_new = False
            yield state
            self._claimed.add(key)
            self._people[person_key] = state

    def person(self, channel: Channel, user_id: str) -> PersonState | None:
        """The stored state of one person (for tests)."""
        with self._lock:
            return self._people.get((channel.value, user_id))
