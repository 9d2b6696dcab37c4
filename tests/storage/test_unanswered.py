"""Unanswered questions: kept by the turn, masked, sealed, without who asked, for 30 days."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import inspect, select, update

from bot.content.unanswered import group_questions
from bot.core.messages import Channel, Incoming, Kind
from bot.pipeline.housekeeping import sweep
from bot.pipeline.turns import TurnWorker
from bot.storage.models import UnansweredQuestion
from bot.storage.unanswered import Unanswered, masked, recent_unanswered
from tests.conftest import ServiceFactory

NOW = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)


def test_numbers_and_addresses_are_masked() -> None:
    assert masked("llamen al +52 664 123 4567 o a ana@mail.com") == "llamen al … o a …"
    assert masked("tengo 3 hijos de 5 y 7 años") == "tengo 3 hijos de 5 y 7 años"
    assert masked("  mi   pasaporte  G12345678 ") == "mi pasaporte G…"
    assert masked("") == ""


def test_a_turn_that_got_no_answer_is_kept_sealed_and_without_the_person(
    make_service: ServiceFactory, database_url: str
) -> None:
    service = make_service(database_url=database_url)
    service.pipeline.inbox.store_now(
        [
            Incoming(
                Channel.TELEGRAM, "31", "a", Kind.TEXT, text="xyzzy plugh 5551234567", lang="es"
            ),
            Incoming(Channel.TELEGRAM, "32", "b", Kind.TEXT, text="me gusta el futbol", lang="es"),
            Incoming(Channel.TELEGRAM, "33", "c", Kind.TEXT, text="necesito un doctor", lang="es"),
        ]
    )
    worker = TurnWorker(
        service.database, service.assistant, cipher=service.cipher, on_queued=lambda _: None
    )
    while worker.run_once():
        pass
    columns = {
        c["name"]
        for c in inspect(service.sessions().get_bind()).get_columns("unanswered_questions")
    }
    assert columns == {"id", "lang", "text_enc", "received_at"}  # nothing that points to a person
    with service.sessions() as session:
        sealed = session.scalars(select(UnansweredQuestion.text_enc)).all()
        kept = recent_unanswered(session=session, cipher=service.cipher)
    assert all(b"xyzzy" not in raw and b"futbol" not in raw for raw in sealed)
    # The fallback and the out-of-scope question; not the one that got an answer.
    assert sorted(q.text for q in kept) == ["me gusta el futbol", "xyzzy plugh …"]
    # Thirty days on, housekeeping drops them.
    with service.database.write() as session:
        session.execute(update(UnansweredQuestion).values(received_at=NOW - dt.timedelta(days=31)))
    sweep(service.database, retention=dt.timedelta(days=90), now=NOW)
    with service.sessions() as session:
        assert session.execute(select(UnansweredQuestion)).first() is None


def test_questions_are_grouped_by_language_and_wording() -> None:
    def q(n: int, lang: str, text: str) -> Unanswered:
        return Unanswered(n, lang, text, NOW)

    groups = group_questions(
        [
            q(1, "es", "donde cambio dolares"),
            q(2, "es", "donde cambio dólares?"),
            q(3, "es", "Dónde cambio dólares"),
            q(4, "en", "where do i change dollars"),
            q(5, "es", "hay wifi en el albergue"),
        ]
    )
    assert [(g.lang, sorted(g.ids)) for g in groups] == [
        ("es", [1, 2, 3]),
        ("en", [4]),
        ("es", [5]),
    ]
    assert groups[0].label in {
        "donde cambio dolares",
        "donde cambio dólares?",
        "Dónde cambio dólares",
    }
