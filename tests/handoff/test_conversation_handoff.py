"""Talking to a person, urgent cases, handoff and erasure, through the real pipeline."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator

import pytest
from sqlalchemy import select, text, update

from bot.core import phrases
from bot.core.assistant import PAYLOAD_ERASE, PAYLOAD_HUMAN, URGENT_PREFIX
from bot.core.flows import intake
from bot.core.i18n import Translator
from bot.core.messages import Channel, Reply
from bot.handoff import notices
from bot.handoff.lifecycle import Status
from bot.handoff.service import DeskError
from bot.nlp.models import ReloadingParser
from bot.pipeline.housekeeping import sweep
from bot.service import Service
from bot.storage import accounts
from bot.storage.models import Base, OutboxMessage, Person, StaffUser
from bot.storage.repository import purge_expired, record_sent
from tests.conftest import ServiceFactory
from tests.pipeline.conversation import Chat, payloads


@pytest.fixture
def service(
    make_service: ServiceFactory, model_parser: ReloadingParser, database_url: str
) -> Iterator[Service]:
    """A service on SQLite and on PostgreSQL, with the real model in-process."""
    yield make_service(parser=model_parser, database_url=database_url)


def _caseworker(service: Service, email: str = "case@example.org") -> StaffUser:
    with service.database.write() as session:
        return accounts.create_user(
            session=session, email=email, role=accounts.Role.CASEWORKER, password="x" * 16
        )


def _t(lang: str, msgid: str) -> str:
    return Translator().gettext_for(lang)(msgid)


def _texts(replies: list[Reply]) -> str:
    return "\n".join(reply.text for reply in replies)


def test_talk_to_a_person_opens_a_question_and_the_handoff_runs_both_ways(
    service: Service,
) -> None:
    chat = Chat(service, "asker", lang="fr")
    opened = chat.press(PAYLOAD_HUMAN)
    assert _t("fr", phrases.QUESTION_OPENED).split("{")[0] in _texts(opened)
    (request,) = chat.requests()
    assert (request.kind, request.priority, request.status) == ("question", "normal", "new")

    worker = _caseworker(service)
    claimed = service.desk.claim_next(worker)
    assert claimed is not None and claimed.ref == request.ref
    service.desk.write(worker, request.ref, "Bonjour, je suis Marie, je peux vous aider.")
    (to_person,) = chat.new_replies()
    assert "Bonjour, je suis Marie" in to_person.text and to_person.lang == "fr"

    # While the caseworker talks, the bot stays quiet and the words reach the desk.
    assert chat.send("merci, je suis a tijuana avec mes deux enfants") == []
    view = service.desk.get(worker, request.ref)
    assert [m.direction for m in view.messages] == ["out", "in"]
    assert "mes deux enfants" in view.messages[1].text

    assert service.desk.hand_back(worker, request.ref)
    (back,) = chat.new_replies()
    assert back.text == notices.handed_back(Translator(), "fr") != notices.HANDED_BACK
    answered = chat.send("ou est-ce que je peux dormir a tijuana")
    assert answered and answered[0].text  # the bot answers again


def test_danger_reaches_a_protective_answer_and_an_urgent_request(service: Service) -> None:
    chat = Chat(service, "afraid", lang="es")
    replies = chat.send("mi pareja me golpea y tengo miedo de volver al cuarto")
    urgent = [p for r in replies for p in payloads(r) if p.startswith(URGENT_PREFIX)]
    assert urgent, _texts(replies)
    assert "911" in _texts(replies)
    confirmation = chat.press(urgent[0])
    (request,) = chat.requests()
    assert (request.kind, request.priority, request.reason) == ("urgent", "urgent", "violence")
    assert request.ref[:4] in _texts(confirmation)
    # Claim next gives the urgent case before an older ordinary question.
    Chat(service, "older", lang="es").press(PAYLOAD_HUMAN)
    worker = _caseworker(service)
    first = service.desk.claim_next(worker)
    assert first is not None and first.priority == "urgent"


def test_danger_during_a_handoff_raises_the_priority(service: Service) -> None:
    chat = Chat(service, "escalate", lang="pt")
    chat.press(PAYLOAD_HUMAN)
    (request,) = chat.requests()
    worker = _caseworker(service)
    service.desk.claim_next(worker)
    service.desk.write(worker, request.ref, "Oi, como posso ajudar?")
    chat.new_replies()
    replies = chat.send("tem um homem me batendo agora, socorro")
    assert "911" in _texts(replies)  # the safety answer, even during the handoff
    (request,) = chat.requests()
    assert request.priority == "urgent"


def test_status_change_tells_the_person_in_their_language(service: Service) -> None:
    chat = Chat(service, "status", lang="ht")
    chat.press(PAYLOAD_HUMAN)
    (request,) = chat.requests()
    worker = _caseworker(service)
    service.desk.claim_next(worker)
    preview = service.desk.preview_notice(request.ref, Status.CONTACTED)
    view, sent = service.desk.change_status(worker, request.ref, "contacted", "premye kontak")
    assert sent == preview and view.status == "contacted"
    (notice,) = chat.new_replies()
    assert notice.text == sent and notice.lang == "ht"
    with pytest.raises(DeskError):
        service.desk.change_status(worker, request.ref, "registered", None)  # not a return


def test_erasure_leaves_no_trace_of_the_person(service: Service) -> None:
    canaries = ["Canarina Zapotal", "5219988776655", "Zumbador del Norte", "Nota Quetzal Canario"]
    chat = Chat(service, "52000111222", channel=Channel.WEB, lang="es")
    chat.send("/start return")
    chat.press(f"{intake.PREFIX}yes")
    chat.send(canaries[0])
    chat.press(f"{intake.PREFIX}HN")
    chat.press(f"{intake.PREFIX}tijuana")
    chat.send("0")
    chat.send("no")
    chat.send("no")
    chat.press(f"{intake.PREFIX}skip")
    chat.send(canaries[1])
    chat.press(f"{intake.PREFIX}confirm")
    (request,) = chat.requests()
    worker = _caseworker(service)
    service.desk.claim_next(worker)
    service.desk.add_note(worker, request.ref, canaries[3])
    service.desk.write(worker, request.ref, "Hola, le escribo del programa")
    chat.send(f"gracias, soy {canaries[2]}")

    question = chat.send("borrar mis datos")
    assert PAYLOAD_ERASE in payloads(question[-1])
    done = chat.press(PAYLOAD_ERASE)
    assert _t("es", phrases.ERASED).split(".")[0] in _texts(done)
    (request,) = chat.requests()
    assert request.status == "cancelled" and request.person_id is None

    # The confirmation goes out; then housekeeping removes the person row itself.
    with service.database.write() as session:
        unsent = session.execute(
            select(OutboxMessage.id).where(OutboxMessage.status == "pending")
        ).scalars()
        for message_id in list(unsent):
            record_sent(session=session, message_id=message_id, platform_id=None)
    report = sweep(service.database, retention=dt.timedelta(days=90))
    assert report.people_deleted == 1

    dump = _dump_database(service)
    for canary in [*canaries, "52000111222"]:
        assert canary not in dump, canary
    view = service.desk.get(worker, request.ref)
    assert view.intake.name is None and view.intake.phone is None and view.messages == []
    assert all(line.note is None for line in view.history)


def _dump_database(service: Service) -> str:
    """Every value of every table, as text (bytes decoded loosely), for canary search."""
    parts: list[str] = []
    with service.database.read() as session:
        for table in Base.metadata.sorted_tables:
            for row in session.execute(text(f"SELECT * FROM {table.name}")):
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        parts.append(bytes(value).decode("latin-1"))
                    else:
                        parts.append(str(value))
    return "\n".join(parts)


def test_a_whatsapp_person_outside_the_window_gets_only_the_template(
    make_service: ServiceFactory, model_parser: ReloadingParser
) -> None:
    service = make_service(
        parser=model_parser,
        FARO_WHATSAPP_TEMPLATES={"status_update": {"name": "faro_status", "language": "es"}},
    )
    chat = Chat(service, "5215550000000", channel=Channel.WHATSAPP, lang="es")
    chat.press(PAYLOAD_HUMAN)
    (request,) = chat.requests()
    worker = _caseworker(service)
    service.desk.claim_next(worker)
    with service.database.write() as session:
        session.execute(
            update(Person).values(last_seen_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=30))
        )
    assert service.desk.contact(request.ref).free_text is False
    with pytest.raises(DeskError) as refused:
        service.desk.write(worker, request.ref, "Hola")
    assert refused.value.code == "window_closed"
    service.desk.write(worker, request.ref, "", use_template=True)
    (template,) = chat.new_replies()
    assert template.template == ("faro_status", "es", (request.ref,))


def test_idle_purge_keeps_people_with_an_open_request(service: Service) -> None:
    waiting = Chat(service, "waiting", lang="es")
    waiting.press(PAYLOAD_HUMAN)
    Chat(service, "idle", lang="es").send("hola")
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=200)
    with service.database.write() as session:
        session.execute(update(Person).values(last_seen_at=long_ago))
    with service.database.write() as session:
        people, _ = purge_expired(
            session=session, people_idle_since=dt.datetime.now(dt.UTC), messages_before=long_ago
        )
    assert people == 1  # "idle" went; "waiting" stays for the caseworker
    with service.database.read() as session:
        left = session.execute(select(Person.channel_user_id)).scalars().all()
    assert left == ["waiting"]


def test_closed_requests_are_purged_after_the_retention_period(service: Service) -> None:
    chat = Chat(service, "closer", lang="en")
    chat.press(PAYLOAD_HUMAN)
    (request,) = chat.requests()
    worker = _caseworker(service)
    service.desk.claim_next(worker)
    service.desk.change_status(worker, request.ref, "closed", "answered")
    retention = dt.timedelta(days=90)
    assert sweep(service.database, retention=retention).requests_purged == 0
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=91)
    assert sweep(service.database, retention=retention, now=later).requests_purged == 1
    assert chat.requests() == []


def test_no_personal_data_reaches_the_logs(
    service: Service, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    name, phone, words = "Canarito Pereza", "+50499887766", "mensaje secreto del canario"
    chat = Chat(service, "50499887766", channel=Channel.WHATSAPP, lang="es")
    chat.send("/start return")
    chat.press(f"{intake.PREFIX}yes")
    chat.send(name)
    chat.press(f"{intake.PREFIX}HN")
    chat.press(f"{intake.PREFIX}tijuana")
    for answer in ("0", "no", "no"):
        chat.send(answer)
    chat.press(f"{intake.PREFIX}skip")
    chat.send(phone)
    chat.press(f"{intake.PREFIX}confirm")
    (request,) = chat.requests()
    worker = _caseworker(service)
    service.desk.claim_next(worker)
    service.desk.write(worker, request.ref, "Hola")
    chat.send(words)
    service.desk.get(worker, request.ref)
    for canary in (name, phone, words, "50499887766", "99887766"):
        assert canary not in caplog.text
