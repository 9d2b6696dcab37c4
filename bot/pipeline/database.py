"""The database handles the pipeline shares: sessions and the SQLite writer queue."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field

from sqlalchemy.orm import Session, sessionmaker

from bot.storage.database import read_only


@dataclass
class Database:
    """Sessions, plus one lock that queues this process's SQLite writers.

    SQLite has one writer at a time, and its busy handler waits in sleeps of up to
    100 ms; queueing a process's writers on a lock keeps each write quick. PostgreSQL
    locks rows, so its writers run side by side.
    """

    sessions: sessionmaker[Session]
    _lock: AbstractContextManager[object] = field(init=False, repr=False)
    _readers: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        bind = self.sessions.kw.get("bind")
        sqlite = bind is not None and bind.dialect.name == "sqlite"
        self._lock = threading.Lock() if sqlite else contextlib.nullcontext()
        self._readers = read_only(self.sessions)

    @property
    def is_sqlite(self) -> bool:
        """Whether this is SQLite (one writer at a time)."""
        bind = self.sessions.kw.get("bind")
        return bind is not None and bind.dialect.name == "sqlite"

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction, committed on leaving the block, rolled back on an error."""
        with self._lock, self.sessions.begin() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session (on SQLite it takes no write lock)."""
        with self._readers() as session:
            yield session
