"""Shared fixtures: databases (SQLite and PostgreSQL), the real Rasa server, services."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from bot.core.conversation import ConversationStore
from bot.core.understanding import IntentParser
from bot.nlp.langid import LANGID_GLOB
from bot.nlp.models import ReloadingParser, newest_file
from bot.nlp.rasa import MODELS_DIR, RasaHttpParser, RasaServer, train
from bot.nlp.scorer import SCORER_GLOB
from bot.service import Service, build_service
from bot.settings import Settings
from bot.storage.secrets import DataCipher, new_data_key, parse_data_key
from tests.fakes.nlu import DEFAULT_RULES, KeywordParser

POSTGRES_ADMIN_DSN = os.environ.get(
    "FARO_TEST_POSTGRES_DSN", "host=127.0.0.1 port=5432 user=postgres dbname=postgres"
)
REQUIRE_POSTGRES = os.environ.get("FARO_REQUIRE_POSTGRES") == "1"


def _postgres_available() -> bool:
    try:
        with psycopg.connect(POSTGRES_ADMIN_DSN, connect_timeout=3):
            return True
    except psycopg.Error:
        return False


@pytest.fixture(scope="session")
def postgres_admin_dsn() -> str:
    """DSN of a PostgreSQL server where tests may create databases (skips or fails if none)."""
    if not _postgres_available():
        if REQUIRE_POSTGRES:
            pytest.fail(
                "PostgreSQL is required (FARO_REQUIRE_POSTGRES=1) but unreachable: "
                + POSTGRES_ADMIN_DSN
            )
        pytest.skip("PostgreSQL is not reachable")
    return POSTGRES_ADMIN_DSN


@pytest.fixture
def postgres_url(postgres_admin_dsn: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database, dropped after the test."""
    name = f"faro_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_admin_dsn, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    params = psycopg.conninfo.conninfo_to_dict(postgres_admin_dsn)
    host, port, user = (
        params.get("host", "127.0.0.1"),
        params.get("port", "5432"),
        params.get("user", "postgres"),
    )
    yield f"postgresql+psycopg://{user}@{host}:{port}/{name}"
    with psycopg.connect(postgres_admin_dsn, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A fresh SQLite file database."""
    return f"sqlite:///{tmp_path / 'faro.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest) -> str:
    """Each storage test runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("sqlite_url"))
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture(scope="session")
def nlu_server() -> Iterator[RasaServer]:
    """The real Rasa NLU server with the project's model, started once per test session."""
    server = RasaServer(model_path=train())
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def nlu_parser(nlu_server: RasaServer) -> Iterator[RasaHttpParser]:
    """A client of the real Rasa server."""
    parser = RasaHttpParser(nlu_server.url, nlu_server.token, timeout=5.0)
    yield parser
    parser.close()


# One random data key per test run: tests never touch a development key file.
TEST_DATA_KEY = new_data_key()


def cipher_of_test_key() -> DataCipher:
    """The cipher of TEST_DATA_KEY, to read what a test's service sealed."""
    return DataCipher(parse_data_key(TEST_DATA_KEY))


@pytest.fixture(scope="session")
def model_parser() -> Iterator[ReloadingParser]:
    """The real Rasa-trained model, scored in-process as the service does."""
    parser = ReloadingParser.open()
    yield parser
    parser.close()


def copy_live_model(target: Path) -> None:
    """Put the live model's files (Rasa archive, scorer export, language id) in `target`.

    A service under test serves models from a folder of its own, so a publish it runs (the
    studio's button) trains and goes live there, never in `nlu/models`. The files are hard
    links where the disk allows: a publish replaces files and never writes into them (an
    unchanged publish only touches the live model's time, which is the newest already).
    """
    scorer = newest_file(MODELS_DIR, SCORER_GLOB)
    langid = newest_file(MODELS_DIR, LANGID_GLOB)
    assert scorer is not None and langid is not None, "run `python -m bot train` first"
    archive = scorer.path.with_name(scorer.path.name.removesuffix(".scorer.npz") + ".tar.gz")
    target.mkdir(parents=True, exist_ok=True)
    for path in (archive, scorer.path, langid.path):
        try:
            os.link(path, target / path.name)
        except OSError:
            shutil.copy2(path, target / path.name)


def make_settings(database_url: str, **overrides: Any) -> Settings:
    """Settings for a test, ignoring any `.env` file and the real environment's channels."""
    values: dict[str, Any] = {
        "DATABASE_URL": database_url,
        "TELEGRAM_BOT_TOKEN": None,
        "TELEGRAM_WEBHOOK_SECRET": None,
        "WHATSAPP_TOKEN": None,
        "WHATSAPP_APP_SECRET": None,
        "WHATSAPP_VERIFY_TOKEN": None,
        "WHATSAPP_PHONE_NUMBER_ID": None,
        "FARO_NLU_URL": "http://127.0.0.1:9",
        "FARO_DATA_KEY": TEST_DATA_KEY,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)


ServiceFactory = Callable[..., Service]


@pytest.fixture
def make_service(sqlite_url: str, tmp_path: Path) -> Iterator[ServiceFactory]:
    """Build services on a fresh SQLite database (or another URL); closes them afterwards.

    Each test's services serve the live model from a folder of the test's own.
    """
    built: list[Service] = []
    models = tmp_path / "service-models"

    def factory(
        parser: IntentParser | None = None,
        database_url: str | None = None,
        store: ConversationStore | None = None,
        **overrides: Any,
    ) -> Service:
        if "FARO_MODELS_DIR" not in overrides:
            if not models.exists():
                copy_live_model(models)
            overrides["FARO_MODELS_DIR"] = str(models)
        settings = make_settings(database_url or sqlite_url, **overrides)
        service = build_service(
            settings, parser=parser or KeywordParser(DEFAULT_RULES), store=store
        )
        built.append(service)
        return service

    yield factory
    for service in built:
        service.close()
