"""Engines, sessions and migrations. Nothing is built at import time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from bot.storage.secrets import DataCipher

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
READ_ONLY_OPTION = "faro_read_only"


def make_engine(database_url: str) -> Engine:
    """Create an engine; SQLite files get WAL, a busy timeout and write-locking transactions."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 15})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, start transactions, so each can begin IMMEDIATE.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=15000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Taking the write lock up front avoids SQLite's read-then-write upgrade deadlock;
        # readers (see `read_only`) need no lock at all in WAL mode.
        if connection.get_execution_options().get(READ_ONLY_OPTION):
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded values usable after commit."""
    return sessionmaker(bind=engine, expire_on_commit=False)


def read_only(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    """Sessions for reading only: on SQLite they do not take the write lock."""
    engine = sessions.kw["bind"]
    return sessionmaker(
        bind=engine.execution_options(**{READ_ONLY_OPTION: True}), expire_on_commit=False
    )


def alembic_config(database_url: str) -> Config:
    """An Alembic configuration pointing at Faro's migrations and `database_url`."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(
    database_url: str,
    revision: str = "head",
    *,
    cipher: Callable[[], DataCipher] | None = None,
) -> None:
    """Bring the schema up to `revision`; `cipher` gives the key a migration that seals needs.

    It is called only when a migration finds stored rows to seal, so an empty database
    migrates without a key.
    """
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    config = alembic_config(database_url)
    config.attributes["cipher"] = cipher
    command.upgrade(config, revision)
