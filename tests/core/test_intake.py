"""The return intake, whole, in all five languages, through the real pipeline and model."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from bot.core import phrases
from bot.core.flows import intake
from bot.core.i18n import Translator
from bot.core.messages import Reply
from bot.handoff.lifecycle import REF_ALPHABET
from bot.nlp.models import ReloadingParser
from bot.pipeline.housekeeping import sweep
from bot.service import Service
from bot.storage.models import Person
from tests.conftest import ServiceFactory
from tests.pipeline.conversation import Chat, payloads

REF_SHOWN = re.compile(rf"[{REF_ALPHABET}]{{4}}-[{REF_ALPHABET}]{{4}}")

# How a person asks to go home, and answers yes, in each language (as typed on a phone).
SCRIPTS: dict[str, dict[str, str]] = {
    "es": {"start": "quiero regresar a mi pais, como me registro", "yes": "si", "no": "no"},
    "en": {"start": "i want to go back home, sign me up", "yes": "yes", "no": "no"},
    "fr": {"start": "je veux rentrer chez moi, inscrivez moi", "yes": "oui", "no": "non"},
    "ht": {"start": "mwen vle retounen lakay mwen, enskri m", "yes": "wi", "no": "non"},
    "pt": {"start": "quero voltar pro meu pais, me inscreve", "yes": "sim", "no": "nao"},
}


@pytest.fixture
def service(make_service: ServiceFactory, model_parser: ReloadingParser) -> Iterator[Service]:
    """A service on SQLite with the real model scored in-process."""
    yield make_service(parser=model_parser)


def _texts(replies: list[Reply]) -> str:
    return "\n".join(reply.text for reply in replies)


def _t(lang: str, msgid: str) -> str:
    return Translator().gettext_for(lang)(msgid)


def _first_line(lang: str, msgid: str) -> str:
    return _t(lang, msgid).split("{")[0].split("\n")[0][:30]


@pytest.mark.parametrize("lang", list(SCRIPTS))
def test_a_person_registers_to_go_home_in_their_language(service: Service, lang: str) -> None:
    script = SCRIPTS[lang]
    chat = Chat(service, f"person-{lang}", lang=lang)

    consent = chat.send(script["start"])
    assert _first_line(lang, phrases.INTAKE_CONSENT) in _texts(consent)
    assert payloads(consent[-1]) == [f"{intake.PREFIX}yes", f"{intake.PREFIX}no"]
    assert "90" in consent[-1].text  # how long the answers are kept

    assert _t(lang, phrases.ASK_NAME) in _texts(chat.send(script["yes"]))
    country = chat.send("Ana Lucía")
    assert _t(lang, phrases.ASK_COUNTRY) in country[-1].text
    assert "1. Honduras" in country[-1].text  # numbered, for channels that show text only
    assert _t(lang, phrases.ASK_CITY) in _texts(chat.press(f"{intake.PREFIX}HN"))
    assert _t(lang, phrases.ASK_GROUP) in _texts(chat.send("1"))  # typed number: Tijuana
    assert _t(lang, phrases.ASK_CHILDREN) in _texts(chat.send("2"))
    assert _t(lang, phrases.ASK_AGES) in _texts(chat.send("1"))
    # One adult travels with her: she is not a child alone, so that is not asked.
    assert _t(lang, phrases.ASK_MEDICAL) in _texts(chat.send("4"))
    assert _t(lang, phrases.ASK_GENDER) in _texts(chat.send(script["no"]))
    assert _t(lang, phrases.ASK_PHONE) in _texts(chat.press(f"{intake.PREFIX}woman"))
    summary = chat.send("+52 664 000 0000")
    assert _t(lang, phrases.SUMMARY) in summary[-1].text
    assert "Ana Lucía" in summary[-1].text and "Honduras" in summary[-1].text

    done = chat.press(f"{intake.PREFIX}confirm")
    shown = REF_SHOWN.search(_texts(done))
    assert shown is not None
    (request,) = chat.requests()
    assert request.ref == shown.group(0).replace("-", "")
    assert (request.kind, request.status, request.priority) == ("return", "new", "normal")
    assert (request.country, request.city, request.group_size) == ("HN", "tijuana", 2)
    assert (request.children, request.children_ages, request.gender) == (1, [4], "woman")
    assert request.unaccompanied_minor is False and request.medical_need is False
    assert (request.consent_lang, request.consent_channel) == (lang, "web")
    assert request.consent_version == intake.CONSENT_VERSION
    assert (
        service.cipher.open(request.name_enc or b"", where="handoff_requests.name") == "Ana Lucía"
    )
    assert request.phone_enc is not None
    # The flow is over: nothing of it stays in the person's state.
    with service.database.read() as session:
        person = session.execute(
            select(Person).where(Person.channel_user_id == chat.user)
        ).scalar_one()
        assert "flow" not in person.state and "sealed" not in person.state


def test_declining_consent_keeps_nothing(service: Service) -> None:
    chat = Chat(service, "decliner", lang="es")
    chat.send(SCRIPTS["es"]["start"])
    declined = chat.press(f"{intake.PREFIX}no")
    assert _t("es", phrases.INTAKE_DECLINED) in _texts(declined)
    assert chat.requests() == []
    with service.database.read() as session:
        person = session.execute(
            select(Person).where(Person.channel_user_id == "decliner")
        ).scalar_one()
        assert "flow" not in person.state and "sealed" not in person.state


def _to_group_step(chat: Chat) -> None:
    chat.send(SCRIPTS["es"]["start"])
    chat.press(f"{intake.PREFIX}yes")
    chat.send("Rosa")
    chat.press(f"{intake.PREFIX}SV")
    chat.press(f"{intake.PREFIX}tapachula")


def test_invalid_answers_get_a_clear_reask(service: Service) -> None:
    chat = Chat(service, "typo", lang="es")
    _to_group_step(chat)
    letters = _texts(chat.send("muchos"))
    assert _t("es", phrases.INVALID_NUMBER) in letters and _t("es", phrases.ASK_GROUP) in letters
    assert _t("es", phrases.TOO_MANY_PEOPLE).split("{")[0] in _texts(chat.send("40"))
    chat.send("2")
    too_many = _texts(chat.send("5"))
    assert _t("es", phrases.TOO_MANY_CHILDREN).split("(")[0] in too_many
    chat.send("1")
    assert _t("es", phrases.INVALID_AGES).split("{")[0] in _texts(chat.send("150"))
    assert _t("es", phrases.INVALID_AGES).split("{")[0] in _texts(chat.send("3, 4"))
    assert _t("es", phrases.ASK_MEDICAL) in _texts(chat.send("3"))
    assert chat.requests() == []


def test_back_cancel_and_a_question_in_the_middle(service: Service) -> None:
    chat = Chat(service, "wanderer", lang="es")
    _to_group_step(chat)
    assert _t("es", phrases.ASK_CITY) in _texts(chat.send("atras"))
    assert _t("es", phrases.ASK_GROUP) in _texts(chat.send("2"))  # Tapachula again, by number
    asked = chat.send("donde puedo dormir esta noche en tapachula")
    assert len(asked) == 2  # the answer, then the question again
    assert _t("es", phrases.LETS_CONTINUE) in asked[-1].text
    assert _t("es", phrases.ASK_GROUP) in asked[-1].text
    assert _t("es", phrases.INTAKE_CANCELLED) in _texts(chat.send("cancelar"))
    assert chat.requests() == []
    # After cancelling, a number is an ordinary message again, not an answer.
    assert _t("es", phrases.ASK_CHILDREN) not in _texts(chat.send("2"))


def test_a_child_alone_is_urgent_and_told_where_children_get_help(service: Service) -> None:
    chat = Chat(service, "cipote", lang="es")
    _to_group_step(chat)
    assert _t("es", phrases.ASK_MINOR) in _texts(chat.send("0"))
    chat.send("si")  # under 18 and alone
    chat.send("no")  # no medical care
    chat.press(f"{intake.PREFIX}skip")
    chat.press(f"{intake.PREFIX}skip")
    done = chat.press(f"{intake.PREFIX}confirm")
    (request,) = chat.requests()
    assert (request.priority, request.reason, request.unaccompanied_minor) == (
        "urgent",
        "unaccompanied_child",
        True,
    )
    text = _texts(done)
    assert _t("es", phrases.CHILD_URGENT).split(".")[0] in text
    assert "DIF" in text  # the child-protection answer from content


def test_medical_need_raises_priority_to_high(service: Service) -> None:
    chat = Chat(service, "sick", lang="pt")
    chat.send(SCRIPTS["pt"]["start"])
    chat.press(f"{intake.PREFIX}yes")
    chat.send("Joao")
    chat.press(f"{intake.PREFIX}GT")
    chat.press(f"{intake.PREFIX}mexico_city")
    chat.send("3")
    chat.send("0")  # three adults with him
    chat.send("sim")  # medical care needed
    chat.press(f"{intake.PREFIX}man")
    chat.press(f"{intake.PREFIX}skip")
    chat.press(f"{intake.PREFIX}confirm")
    (request,) = chat.requests()
    assert (request.priority, request.medical_need, request.unaccompanied_minor) == (
        "high",
        True,
        False,
    )


def test_places_named_in_the_message_are_confirmed_not_asked(service: Service) -> None:
    chat = Chat(service, "named", lang="es")
    chat.send("quiero regresar a honduras, estoy en tijuana")
    chat.press(f"{intake.PREFIX}yes")
    confirm_country = chat.send("Marta")
    assert "Honduras" in confirm_country[-1].text
    assert payloads(confirm_country[-1]) == [f"{intake.PREFIX}yes", f"{intake.PREFIX}no"]
    confirm_city = chat.press(f"{intake.PREFIX}yes")
    assert "Tijuana" in confirm_city[-1].text
    assert _t("es", phrases.ASK_GROUP) in _texts(chat.press(f"{intake.PREFIX}yes"))


def test_correcting_a_field_from_the_summary(service: Service) -> None:
    chat = Chat(service, "fixer", lang="en")
    chat.send(SCRIPTS["en"]["start"])
    chat.press(f"{intake.PREFIX}yes")
    chat.send("Sam")
    chat.press(f"{intake.PREFIX}NI")
    chat.press(f"{intake.PREFIX}mexicali")
    chat.send("1")
    chat.send("0")
    chat.send("no")
    chat.press(f"{intake.PREFIX}skip")
    chat.press(f"{intake.PREFIX}skip")
    edit = chat.press(f"{intake.PREFIX}edit")
    assert f"{intake.PREFIX}edit:country" in payloads(edit[-1])
    chat.press(f"{intake.PREFIX}edit:country")
    summary = chat.press(f"{intake.PREFIX}GT")
    assert _t("en", phrases.SUMMARY) in summary[-1].text and "Guatemala" in summary[-1].text
    chat.press(f"{intake.PREFIX}confirm")
    (request,) = chat.requests()
    assert request.country == "GT"


def test_one_open_request_at_a_time(service: Service) -> None:
    chat = Chat(service, "again", lang="es")
    chat.send("/start return")
    chat.press(f"{intake.PREFIX}yes")
    chat.send("Luis")
    chat.press(f"{intake.PREFIX}HN")
    chat.press(f"{intake.PREFIX}tijuana")
    chat.send("0")
    chat.send("no")
    chat.send("no")
    chat.press(f"{intake.PREFIX}skip")
    chat.press(f"{intake.PREFIX}skip")
    done = _texts(chat.press(f"{intake.PREFIX}confirm"))
    code = REF_SHOWN.search(done)
    assert code is not None
    again = _texts(chat.send(SCRIPTS["es"]["start"]))
    assert code.group(0) in again and _t("es", phrases.STATUS_NEW) in again
    assert len(chat.requests()) == 1


def test_a_flow_left_for_a_day_expires_and_keeps_nothing(service: Service) -> None:
    chat = Chat(service, "sleepy", lang="es")
    _to_group_step(chat)
    with service.database.read() as session:
        person = session.execute(
            select(Person).where(Person.channel_user_id == "sleepy")
        ).scalar_one()
        assert person.flow_expires_at is not None
        assert "Rosa" not in str(person.state)  # the name is sealed, never in clear
        assert "sealed" in person.state
    later = dt.datetime.now(dt.UTC) + dt.timedelta(hours=25)
    report = sweep(service.database, retention=dt.timedelta(days=90), now=later)
    assert report.flows_expired == 1
    with service.database.read() as session:
        person = session.execute(
            select(Person).where(Person.channel_user_id == "sleepy")
        ).scalar_one()
        assert "flow" not in person.state and "sealed" not in person.state
    assert _t("es", phrases.ASK_CHILDREN) not in _texts(chat.send("2"))


def test_an_expired_flow_is_told_on_the_next_message(
    service: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    chat = Chat(service, "late", lang="es")
    _to_group_step(chat)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(hours=25)
    monkeypatch.setattr(service.assistant, "_now", lambda: later)
    replies = _texts(chat.send("2"))
    assert _t("es", phrases.INTAKE_EXPIRED).split(".")[0] in replies
    assert chat.requests() == []
