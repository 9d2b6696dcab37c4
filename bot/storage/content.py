"""Queries of the content store: documents, their published versions, the live library.

A document is a topic (`item`), a source (`source`) or a service of the directory
(`service`). Its live version is what the bot
says; every version published stays, so an earlier one can be restored.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.content.files import ContentBundle, document_of
from bot.core.content import ContentLibrary, ServiceEntry, SourceEntry, TopicFile
from bot.storage.models import ContentDocument, ContentPublish, ContentVersion

log = logging.getLogger(__name__)

KIND_ITEM = "item"
KIND_SOURCE = "source"
KIND_SERVICE = "service"
KIND_EXAMPLES = "examples"  # the example questions of one intent, per language


def _documents_of(bundle: ContentBundle) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for key, source in bundle.sources.items():
        yield KIND_SOURCE, key, document_of(source)
    for topic in bundle.topics:
        yield KIND_ITEM, topic.topic, document_of(topic)
    for key, service in bundle.services.items():
        yield KIND_SERVICE, key, document_of(service)
    for intent, by_lang in bundle.examples.items():
        yield KIND_EXAMPLES, intent, {lang: list(texts) for lang, texts in by_lang.items()}


def publish_bundle(
    *, session: Session, bundle: ContentBundle, note: str, published_by: int | None = None
) -> int:
    """Make every document of `bundle` live, as a new version where it changed; count those."""
    published = 0
    for kind, key, body in _documents_of(bundle):
        document = session.execute(
            select(ContentDocument).where(ContentDocument.kind == kind, ContentDocument.key == key)
        ).scalar_one_or_none()
        if document is None:
            document = ContentDocument(kind=kind, key=key)
            session.add(document)
            session.flush()
        elif document.live_version is not None and _live_body(session, document) == body:
            continue
        # Numbers only grow: a restored old body becomes the newest version.
        latest = session.execute(
            select(func.max(ContentVersion.number)).where(ContentVersion.document_id == document.id)
        ).scalar_one()
        number = (latest or 0) + 1
        session.add(
            ContentVersion(
                document_id=document.id,
                number=number,
                body=body,
                published_by=published_by,
                note=note[:200],
            )
        )
        document.live_version = number
        published += 1
    return published


def _live_body(session: Session, document: ContentDocument) -> dict[str, Any] | None:
    return session.execute(
        select(ContentVersion.body).where(
            ContentVersion.document_id == document.id,
            ContentVersion.number == document.live_version,
        )
    ).scalar_one_or_none()


def live_bundle(*, session: Session) -> ContentBundle:
    """The live version of every document, as a bundle (bodies that no longer check are skipped)."""
    rows = session.execute(
        select(ContentDocument.kind, ContentDocument.key, ContentVersion.body)
        .join(
            ContentVersion,
            (ContentVersion.document_id == ContentDocument.id)
            & (ContentVersion.number == ContentDocument.live_version),
        )
        # In the order they were first published: an export keeps the seed's order, so
        # unchanged examples give the very training files (and model) they came from.
        .order_by(ContentDocument.id)
    ).all()
    sources: dict[str, SourceEntry] = {}
    topics: list[TopicFile] = []
    services: dict[str, ServiceEntry] = {}
    examples: dict[str, dict[str, tuple[str, ...]]] = {}
    for kind, key, body in rows:
        try:
            if kind == KIND_SOURCE:
                sources[key] = SourceEntry.model_validate(body)
            elif kind == KIND_ITEM:
                topics.append(TopicFile.model_validate(body))
            elif kind == KIND_SERVICE:
                services[key] = ServiceEntry.model_validate(body)
            elif kind == KIND_EXAMPLES:
                examples[key] = {str(lang): tuple(map(str, texts)) for lang, texts in body.items()}
        except ValidationError:
            log.error("content: the live %s %r does not check; it is left out", kind, key)
    # A topic citing a source that is not live would fail to render: leave it out too.
    usable = [t for t in topics if all(key in sources for key in t.sources)]
    listed = {k: s for k, s in services.items() if all(key in sources for key in s.sources)}
    return ContentBundle(sources=sources, topics=tuple(usable), services=listed, examples=examples)


def load_content(*, session: Session) -> ContentLibrary:
    """Every live answer as a ContentLibrary."""
    return live_bundle(session=session).library()


def has_examples(*, session: Session) -> bool:
    """True when the store holds example questions (they joined it after the answers)."""
    found = session.execute(
        select(ContentDocument.id).where(ContentDocument.kind == KIND_EXAMPLES).limit(1)
    ).first()
    return found is not None


def content_is_empty(*, session: Session) -> bool:
    """True when nothing was ever loaded or published."""
    return session.execute(select(ContentDocument.id).limit(1)).first() is None


class DatabaseContent:
    """ContentProvider reading the live content, re-read at most every `ttl` seconds.

    Each process keeps only a cache: every process sees a publish within `ttl`.
    """

    def __init__(self, sessions: sessionmaker[Session], ttl: float = 30.0) -> None:
        self._sessions = sessions
        self._ttl = ttl
        self._lock = threading.Lock()
        self._library: ContentLibrary | None = None
        self._loaded_at = 0.0

    def library(self) -> ContentLibrary:
        """The current library, re-read when the cached copy is older than `ttl`."""
        now = time.monotonic()
        if self._library is not None and now - self._loaded_at < self._ttl:
            return self._library
        with self._lock:
            if self._library is None or time.monotonic() - self._loaded_at >= self._ttl:
                with self._sessions() as session:
                    self._library = load_content(session=session)
                self._loaded_at = time.monotonic()
            return self._library


# -- publishes ----------------------------------------------------------------------------

PUBLISH_RUNNING = "running"
PUBLISH_FINISHED = ("live", "unchanged", "rejected", "failed")
# A publish still "running" after this long died with its process (training takes minutes).
PUBLISH_GIVE_UP = dt.timedelta(hours=2)


def start_publish(*, session: Session, requested_by: int | None) -> int | None:
    """Record a new publish; None while another one is still running (one at a time)."""
    for stale in session.scalars(
        select(ContentPublish).where(
            ContentPublish.status == PUBLISH_RUNNING,
            ContentPublish.started_at < dt.datetime.now(dt.UTC) - PUBLISH_GIVE_UP,
        )
    ):
        stale.status, stale.step = "failed", "interrupted: its process stopped"
        stale.finished_at = dt.datetime.now(dt.UTC)
    session.flush()
    running = session.execute(
        select(ContentPublish.id).where(ContentPublish.status == PUBLISH_RUNNING).limit(1)
    ).first()
    if running is not None:
        return None
    row = ContentPublish(requested_by=requested_by, status=PUBLISH_RUNNING, step="")
    session.add(row)
    session.flush()
    return row.id


def record_publish_step(*, session: Session, publish_id: int, step: str) -> None:
    """Note how far a running publish got (shown in the studio)."""
    row = session.get(ContentPublish, publish_id)
    if row is not None:
        row.step = step[:200]


def finish_publish(
    *,
    session: Session,
    publish_id: int,
    status: str,
    step: str,
    figures: dict[str, Any] | None,
    model: str | None,
) -> None:
    """Record how a publish ended."""
    row = session.get(ContentPublish, publish_id)
    if row is None:
        return
    row.status, row.step, row.figures, row.model = status, step[:200], figures, model
    row.finished_at = dt.datetime.now(dt.UTC)


def latest_publishes(*, session: Session, limit: int = 10) -> list[ContentPublish]:
    """The newest publishes first."""
    return list(
        session.scalars(select(ContentPublish).order_by(ContentPublish.id.desc()).limit(limit))
    )


# -- drafts and versions (the studio) -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DocumentState:
    """A document as the studio shows it: its live body and, if any, its draft."""

    kind: str
    key: str
    live: dict[str, Any] | None
    live_version: int | None
    draft: dict[str, Any] | None
    draft_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class VersionInfo:
    """One published version of a document."""

    number: int
    published_by: int | None
    published_at: dt.datetime
    note: str
    live: bool


def document_states(*, session: Session, kind: str) -> list[DocumentState]:
    """Every document of `kind` with its live body and draft, in the order first published."""
    documents = session.scalars(
        select(ContentDocument).where(ContentDocument.kind == kind).order_by(ContentDocument.id)
    ).all()
    return [_state(session, document) for document in documents]


def document_state(*, session: Session, kind: str, key: str) -> DocumentState | None:
    """One document with its live body and draft."""
    document = _document(session, kind, key)
    return _state(session, document) if document is not None else None


def _document(session: Session, kind: str, key: str) -> ContentDocument | None:
    return session.execute(
        select(ContentDocument).where(ContentDocument.kind == kind, ContentDocument.key == key)
    ).scalar_one_or_none()


def _state(session: Session, document: ContentDocument) -> DocumentState:
    live = _live_body(session, document) if document.live_version is not None else None
    return DocumentState(
        document.kind,
        document.key,
        live,
        document.live_version,
        document.draft,
        document.draft_at,
    )


def save_draft(
    *, session: Session, kind: str, key: str, body: dict[str, Any], by: int | None
) -> None:
    """Keep `body` as the document's draft (the live version is untouched until publish)."""
    document = _document(session, kind, key)
    if document is None:
        document = ContentDocument(kind=kind, key=key)
        session.add(document)
    document.draft, document.draft_by = body, by
    document.draft_at = dt.datetime.now(dt.UTC)


def discard_draft(*, session: Session, kind: str, key: str) -> bool:
    """Drop the document's draft; False if it had none."""
    document = _document(session, kind, key)
    if document is None or document.draft is None:
        return False
    document.draft, document.draft_by, document.draft_at = None, None, None
    return True


def versions_of(*, session: Session, kind: str, key: str) -> list[VersionInfo]:
    """Every published version of a document, newest first."""
    document = _document(session, kind, key)
    if document is None:
        return []
    rows = session.scalars(
        select(ContentVersion)
        .where(ContentVersion.document_id == document.id)
        .order_by(ContentVersion.number.desc())
    ).all()
    return [
        VersionInfo(
            r.number, r.published_by, r.published_at, r.note, r.number == document.live_version
        )
        for r in rows
    ]


def version_body(*, session: Session, kind: str, key: str, number: int) -> dict[str, Any] | None:
    """The body of one published version."""
    document = _document(session, kind, key)
    if document is None:
        return None
    return session.execute(
        select(ContentVersion.body).where(
            ContentVersion.document_id == document.id, ContentVersion.number == number
        )
    ).scalar_one_or_none()


def drafts_count(*, session: Session) -> int:
    """How many documents wait, as drafts, for the next publish."""
    return len(
        session.scalars(
            select(ContentDocument.id).where(ContentDocument.draft_at.is_not(None))
        ).all()
    )


def bundle_with_drafts(*, session: Session) -> ContentBundle:
    """The live content with every draft in place of its live version: what a publish makes."""
    live = live_bundle(session=session)
    drafts = session.execute(
        select(ContentDocument.kind, ContentDocument.key, ContentDocument.draft).where(
            ContentDocument.draft_at.is_not(None)
        )
    ).all()
    sources = dict(live.sources)
    topics = {topic.topic: topic for topic in live.topics}
    services = dict(live.services)
    examples = {intent: dict(by) for intent, by in live.examples.items()}
    for kind, key, body in drafts:
        if kind == KIND_SOURCE:
            sources[key] = SourceEntry.model_validate(body)
        elif kind == KIND_ITEM:
            topics[key] = TopicFile.model_validate(body)
        elif kind == KIND_SERVICE:
            services[key] = ServiceEntry.model_validate(body)
        elif kind == KIND_EXAMPLES:
            examples[key] = {str(lang): tuple(map(str, t)) for lang, t in body.items()}
    return ContentBundle(
        sources=sources, topics=tuple(topics.values()), services=services, examples=examples
    )


def publish_drafts(*, session: Session, by: int | None, note: str) -> list[tuple[str, str]]:
    """Make every draft the live version (a new version each); the (kind, key) published."""
    documents = session.scalars(
        select(ContentDocument)
        .where(ContentDocument.draft_at.is_not(None))
        .order_by(ContentDocument.id)
    ).all()
    published = []
    for document in documents:
        body = document.draft
        assert body is not None
        latest = session.execute(
            select(func.max(ContentVersion.number)).where(ContentVersion.document_id == document.id)
        ).scalar_one()
        number = (latest or 0) + 1
        session.add(
            ContentVersion(
                document_id=document.id, number=number, body=body, published_by=by, note=note
            )
        )
        document.live_version = number
        document.draft, document.draft_by, document.draft_at = None, None, None
        published.append((document.kind, document.key))
    return published
