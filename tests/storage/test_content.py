"""The content store on SQLite and PostgreSQL: versions, the live bundle, the cache."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot import PROJECT_ROOT
from bot.content.files import ContentBundle, read_bundle
from bot.core.content import ANSWER_TOPICS, Translatable
from bot.core.messages import LANGUAGES
from bot.storage.content import (
    DatabaseContent,
    content_is_empty,
    live_bundle,
    load_content,
    publish_bundle,
)
from bot.storage.database import make_engine, make_sessionmaker, upgrade
from bot.storage.models import ContentVersion


@pytest.fixture(scope="module")
def seed() -> ContentBundle:
    """The project's own content."""
    return read_bundle(PROJECT_ROOT / "content")


def _sessions(database_url: str) -> sessionmaker[Session]:
    upgrade(database_url)
    return make_sessionmaker(make_engine(database_url))


def _with_shelter_answer(bundle: ContentBundle, english: str) -> ContentBundle:
    topics = tuple(
        topic.model_copy(update={"answer": topic.answer.model_copy(update={"en": english})})
        if topic.topic == "shelter"
        else topic
        for topic in bundle.topics
    )
    return dataclasses.replace(bundle, topics=topics)


def test_publishing_keeps_every_version_and_serves_the_newest(
    database_url: str, seed: ContentBundle
) -> None:
    sessions = _sessions(database_url)
    documents = len(seed.topics) + len(seed.sources) + len(seed.services) + len(seed.examples)
    with sessions.begin() as session:
        assert content_is_empty(session=session)
        assert publish_bundle(session=session, bundle=seed, note="seed") == documents
    with sessions.begin() as session:  # the same content again: nothing new
        assert publish_bundle(session=session, bundle=seed, note="seed") == 0
    edited = _with_shelter_answer(seed, "Shelters: ask the staff.")
    with sessions.begin() as session:
        assert publish_bundle(session=session, bundle=edited, note="edit", published_by=None) == 1
    with sessions() as session:
        library = load_content(session=session)
        numbers = session.scalars(select(ContentVersion.number).order_by(ContentVersion.id)).all()
    assert len(library) == len(ANSWER_TOPICS) * len(LANGUAGES)
    answer = library.get("shelter", "en")
    assert answer is not None and answer.text == "Shelters: ask the staff."
    assert answer.sources and answer.verified_on is None
    assert sorted(numbers)[-1] == 2 and len(numbers) == documents + 1
    # Restoring the first body makes it the newest version (3), not a rewrite of 1.
    with sessions.begin() as session:
        assert publish_bundle(session=session, bundle=seed, note="restore") == 1
    with sessions() as session:
        restored = live_bundle(session=session)
        assert max(session.scalars(select(ContentVersion.number)).all()) == 3
    assert restored.library().get("shelter", "en") == seed.library().get("shelter", "en")
    assert restored.services == seed.services


def test_live_bundle_leaves_out_a_topic_citing_a_missing_source(
    database_url: str, seed: ContentBundle
) -> None:
    sessions = _sessions(database_url)
    shelter = next(t for t in seed.topics if t.topic == "shelter")
    orphan = shelter.model_copy(update={"sources": ["no-such-source"]})
    with sessions.begin() as session:
        publish_bundle(session=session, bundle=ContentBundle({}, (orphan,)), note="bad")
    with sessions() as session:
        assert live_bundle(session=session).topics == ()


def test_the_cache_rereads_after_its_ttl(database_url: str, seed: ContentBundle) -> None:
    sessions = _sessions(database_url)
    with sessions.begin() as session:
        publish_bundle(session=session, bundle=seed, note="seed")
    content = DatabaseContent(sessions, ttl=3600)
    first = content.library()
    assert content.library() is first  # cached within the TTL
    with sessions.begin() as session:
        publish_bundle(session=session, bundle=_with_shelter_answer(seed, "New."), note="e")
    assert content.library() is first
    fresh = DatabaseContent(sessions, ttl=0).library().get("shelter", "en")
    assert fresh is not None and fresh.text == "New."


def test_a_text_needs_its_source_and_only_known_languages() -> None:
    with pytest.raises(ValueError, match="es"):
        Translatable.model_validate({"en": "b", "fr": "c", "pt": "d"})
    with pytest.raises(ValueError, match="xx: not one of the languages"):
        Translatable.model_validate({"es": "a", "xx": "b"})
    with pytest.raises(ValueError, match="ht"):
        Translatable.model_validate({"es": "a", "ht": "   "})
    missing_creole = Translatable.model_validate({"es": "a", "en": "b"})
    assert missing_creole.own("ht") is None and missing_creole.get("ht") == "a"
