"""Wires the parts of Faro together: storage, content, language tools, NLU and the core."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from bot import PROJECT_ROOT
from bot.content.files import ContentBundle, read_bundle
from bot.core.assistant import Assistant
from bot.core.conversation import ConversationStore
from bot.core.i18n import Translator
from bot.core.messages import LANGUAGES, LanguageSettingError, configured_languages
from bot.core.understanding import IntentParser
from bot.handoff.service import CaseDesk
from bot.nlp.models import ReloadingLanguageIdentifier, ReloadingParser
from bot.nlp.places import PlaceExtractor
from bot.nlp.rasa import ModelWatcher, RasaHttpParser, RasaServer, latest_model, train
from bot.nlp.scorer import ModelExportError
from bot.pipeline.database import Database
from bot.pipeline.outbox import RetryPolicy
from bot.pipeline.runner import Pipeline
from bot.settings import Settings
from bot.storage.content import (
    DatabaseContent,
    content_is_empty,
    has_examples,
    publish_bundle,
)
from bot.storage.database import make_engine, make_sessionmaker, read_only, upgrade
from bot.storage.secrets import DataCipher, cipher_from_settings

log = logging.getLogger(__name__)


@dataclass
class Service:
    """Everything one Faro process runs with."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    database: Database
    pipeline: Pipeline
    content: DatabaseContent
    assistant: Assistant
    parser: IntentParser
    translator: Translator
    cipher: DataCipher
    desk: CaseDesk
    rasa_server: RasaServer | None = None
    watcher: ModelWatcher | None = None
    owns_parser: bool = True
    language_identifier: ReloadingLanguageIdentifier | None = None
    _closed: bool = field(default=False, repr=False)

    def close(self) -> None:
        """Stop the NLU child process (if ours) and release connections."""
        if self._closed:
            return
        self._closed = True
        if self.watcher is not None:
            self.watcher.stop()
        # A parser handed in by the caller is theirs to close.
        if self.owns_parser and isinstance(self.parser, RasaHttpParser | ReloadingParser):
            self.parser.close()
        if self.language_identifier is not None:
            self.language_identifier.close()
        if self.rasa_server is not None:
            self.rasa_server.stop()
        self.engine.dispose()


def check_languages(settings: Settings) -> None:
    """Refuse to start when the settings name other languages than the process speaks.

    Every module reads FARO_LANGUAGES once, from the environment; a value only in `.env`
    would leave them disagreeing, so it must be exported (or given to the service manager).
    """
    wanted = configured_languages({"FARO_LANGUAGES": settings.faro_languages})
    if wanted != LANGUAGES:
        raise LanguageSettingError(
            f"FARO_LANGUAGES is {','.join(wanted)} in the settings but {','.join(LANGUAGES)} "
            "in the environment: set it in the environment of every Faro process"
        )


def prepare_database(settings: Settings) -> None:
    """Migrate the schema and load the content files when the database has none yet."""
    migrate(settings)
    engine = make_engine(settings.database_url)
    try:
        sessions = make_sessionmaker(engine)
        with sessions.begin() as session:
            empty = content_is_empty(session=session)
            without_examples = not empty and not has_examples(session=session)
        if empty:
            import_content_files(sessions, settings.faro_content_dir)
        elif without_examples:
            # Examples joined the content store after the answers did: a database made
            # before that gets the seed's examples, and keeps its own answers.
            seed = read_bundle(settings.faro_content_dir)
            with sessions.begin() as session:
                publish_bundle(
                    session=session,
                    bundle=ContentBundle(sources={}, examples=seed.examples),
                    note="the seed's examples",
                )
    finally:
        engine.dispose()


def import_content_files(sessions: sessionmaker[Session], content_dir: Path) -> int:
    """Check a content directory and make it live; nothing is loaded if any file is invalid.

    Returns how many documents got a new version (those unchanged keep theirs).
    """
    bundle = read_bundle(content_dir)  # ContentError lists every problem
    with sessions.begin() as session:
        return publish_bundle(session=session, bundle=bundle, note=f"import of {content_dir.name}/")


def migrate(settings: Settings) -> None:
    """Bring the configured database's schema up to date (sealing rows with the data key)."""
    upgrade(settings.database_url, cipher=lambda: data_cipher(settings))


def data_cipher(settings: Settings) -> DataCipher:
    """The cipher of personal data; refuses to start without a real key outside development."""
    return cipher_from_settings(
        data_key=settings.data_key.get_secret_value() if settings.data_key else None,
        is_development=settings.is_development,
        development_key_path=_development_key_path(settings.database_url),
    )


def _development_key_path(database_url: str) -> Path:
    # Beside the development SQLite file, so a fresh database gets a fresh key with it.
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).with_suffix(".key")
    return PROJECT_ROOT / "var" / "data.key"


def start_nlu(settings: Settings) -> tuple[IntentParser, RasaServer | None]:
    """The parser the service uses, and the Rasa server it started for it, if any.

    FARO_NLU_URL: that Rasa server. Otherwise the Rasa-trained model is scored in this
    process (trained first if needed); only a pipeline the scorer cannot run starts a
    Rasa server of our own, and the log says why.
    """
    if settings.faro_nlu_url:
        token = settings.faro_nlu_token.get_secret_value() if settings.faro_nlu_token else None
        return RasaHttpParser(settings.faro_nlu_url, token, settings.faro_nlu_timeout), None
    models_dir = settings.faro_models_dir
    model = latest_model(models_dir) or train(models_dir=models_dir)
    try:
        parser = ReloadingParser.open(models_dir)
    except ModelExportError as exc:
        log.warning(
            "the NLU model cannot be scored in-process (%s); starting a Rasa server for it", exc
        )
    else:
        parser.start()
        log.info("NLU: %s scored in-process", model.name)
        return parser, None
    server = RasaServer(model_path=model)
    server.start()
    return RasaHttpParser(server.url, server.token, settings.faro_nlu_timeout), server


def build_service(
    settings: Settings,
    *,
    parser: IntentParser | None = None,
    store: ConversationStore | None = None,
    confirm_language: bool = True,
) -> Service:
    """Build a ready service; starts an NLU server unless a parser or FARO_NLU_URL is given."""
    check_languages(settings)
    cipher = data_cipher(settings)
    prepare_database(settings)
    engine = make_engine(settings.database_url)
    sessions = make_sessionmaker(engine)
    database = Database(sessions)
    content = DatabaseContent(read_only(sessions), ttl=settings.content_ttl)
    server: RasaServer | None = None
    owns_parser = parser is None
    if parser is None:
        parser, server = start_nlu(settings)
    translator = Translator()
    language_identifier = ReloadingLanguageIdentifier.open(settings.faro_models_dir)
    language_identifier.start()
    assistant = Assistant(
        store=store,
        parser=parser,
        language_identifier=language_identifier,
        entity_extractor=PlaceExtractor(),
        content=content,
        translator=translator,
        threshold=settings.faro_nlu_threshold,
        confirm_language=confirm_language,
        retention_days=settings.retention_days,
    )
    pipeline = Pipeline(
        database,
        assistant,
        cipher=cipher,
        turn_workers=settings.turn_workers,
        policy=RetryPolicy(give_up_after=settings.outbox_give_up),
        retention=dt.timedelta(days=settings.retention_days),
    )
    desk = CaseDesk(
        database,
        cipher,
        translator,
        lease=dt.timedelta(minutes=settings.claim_lease_minutes),
        templates=settings.whatsapp_templates,
        on_queued=pipeline.wake_senders,
    )
    watcher = None
    if server is not None and isinstance(parser, RasaHttpParser):
        watcher = ModelWatcher(parser, server.model_path, models_dir=settings.faro_models_dir)
        watcher.start()
    return Service(
        settings=settings,
        engine=engine,
        sessions=sessions,
        database=database,
        pipeline=pipeline,
        content=content,
        assistant=assistant,
        parser=parser,
        translator=translator,
        cipher=cipher,
        desk=desk,
        rasa_server=server,
        watcher=watcher,
        owns_parser=owns_parser,
        language_identifier=language_identifier,
    )
