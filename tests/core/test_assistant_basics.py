"""The conversation core, through a real service on SQLite with a small keyword parser."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core import phrases
from bot.core.i18n import Translator
from bot.core.messages import LANGUAGES, Channel, Incoming, Kind, Turn
from bot.service import Service
from bot.storage.memory import MemoryConversationStore
from tests.conftest import ServiceFactory
from tests.fakes.nlu import DownParser, KeywordParser

_counter = iter(range(1_000_000))
# The state each test's people have, as the database would keep it between turns.
_STORES: dict[str, MemoryConversationStore] = {}


def send(
    service: Service,
    text: str = "",
    *,
    user: str = "u1",
    kind: Kind = Kind.TEXT,
    payload: str = "",
    lang: str | None = None,
    hint: str | None = None,
) -> Turn:
    """Send one message with a fresh message id, as a turn worker would run it."""
    store = _STORES.setdefault(service.settings.database_url, MemoryConversationStore())
    incoming = Incoming(
        Channel.WEB,
        user,
        f"m{next(_counter)}",
        kind,
        text=text,
        payload=payload,
        lang=lang,
        language_hint=hint,
    )
    prepared = service.assistant.prepare(incoming)
    with store.conversation(incoming.channel, incoming.user_id, incoming.message_id) as person:
        assert person is not None
        return service.assistant.decide(prepared, person)


def all_text(turn: Turn) -> str:
    return "\n".join(reply.text for reply in turn.replies)


def test_text_gets_topic_answer_in_detected_language_with_city(
    make_service: ServiceFactory,
) -> None:
    service = make_service()
    turn = send(service, "donde puedo dormir esta noche en tijuana")
    assert turn.lang == "es"
    assert turn.intent == "shelter"
    assert "Tijuana" in turn.replies[-1].text
    assert {"entity": "city", "value": "tijuana", "text": "tijuana"} in turn.entities
    assert [b.id for b in turn.replies[-1].buttons] == ["menu", "human", "language"]


def test_city_paragraph_only_for_named_city(make_service: ServiceFactory) -> None:
    service = make_service()
    plain = send(service, "donde puedo dormir esta noche", user="a")
    tijuana = send(service, "donde puedo dormir esta noche en tijuana", user="b")
    # The answer comes first; the services of the city, or the question of which city, after.
    assert len(tijuana.replies[0].text) > len(plain.replies[0].text)
    assert "Tijuana" not in plain.replies[0].text.split("\n\n")[-2]


def test_answer_names_its_sources_with_their_own_dates(make_service: ServiceFactory) -> None:
    service = make_service()
    english = send(service, "where can i sleep tonight please", user="en")
    spanish = send(service, "donde puedo dormir hoy por favor", user="es")
    creole = send(service, kind=Kind.BUTTON, payload="topic:shelter", user="ht", lang="ht")
    assert "UN report (IOM, UNHCR, UNICEF), December 2018" in english.replies[0].text
    assert "Informe de la ONU (OIM, ACNUR, UNICEF), diciembre de 2018" in spanish.replies[0].text
    # CLDR has no Kreyòl months: the catalogue's, never French "décembre".
    assert "desanm 2018" in creole.replies[0].text
    assert "décembre" not in creole.replies[0].text
    for turn in (english, spanish, creole):
        # Nobody verified these facts in the studio, so no verification date is claimed.
        assert "2026" not in turn.replies[0].text


def test_language_remembered_between_messages(make_service: ServiceFactory) -> None:
    service = make_service()
    send(service, "hello, where can i sleep tonight", user="p")
    turn = send(service, "doctor", user="p")  # one word: no reliable detection on its own
    assert turn.lang == "en"
    assert turn.intent == "health"


def test_unsure_language_on_first_contact_asks_with_all_five(make_service: ServiceFactory) -> None:
    service = make_service()
    turn = send(service, "ok")
    assert len(turn.replies) == 1
    reply = turn.replies[0]
    assert [o.id for o in reply.options] == ["lang:es", "lang:en", "lang:fr", "lang:ht", "lang:pt"]
    assert "Kreyòl Ayisyen" in [o.title for o in reply.options]
    # The question itself is in all five languages, one line each.
    lines = reply.text.splitlines()
    assert lines == [Translator().gettext_for(lang)(phrases.CHOOSE_LANGUAGE) for lang in LANGUAGES]
    assert len(set(lines)) == 5


def test_language_button_then_pending_topic_is_answered(make_service: ServiceFactory) -> None:
    # "albergue" is Spanish or Portuguese: one word is too few to tell.
    service = make_service(parser=KeywordParser({"albergue": "shelter"}))
    first = send(service, "albergue", user="q")
    assert first.replies[0].options  # asked for the language, remembered the topic
    chosen = send(service, kind=Kind.BUTTON, payload="lang:ht", user="q")
    assert chosen.lang == "ht"
    assert "kreyòl" in chosen.replies[0].text.lower()
    assert chosen.replies[1].buttons[0].id == "menu"  # the shelter answer follows


def test_change_language_any_time(make_service: ServiceFactory) -> None:
    service = make_service()
    send(service, "hola quiero saber donde dormir", user="c")
    asked = send(service, "/language", user="c")
    assert len(asked.replies[0].options) == 5
    switched = send(service, kind=Kind.BUTTON, payload="lang:fr", user="c")
    assert switched.lang == "fr"
    assert "français" in switched.replies[0].text
    after = send(service, "doctor", user="c")
    assert after.lang == "fr"


def test_low_confidence_offers_two_topics_then_menu_and_human(make_service: ServiceFactory) -> None:
    service = make_service()
    send(service, "hola buenas", user="m")
    first = send(service, "blablabla qwerty", user="m")
    ids = [b.id for b in first.replies[0].buttons]
    assert ids == ["topic:shelter", "topic:health", "menu"]
    second = send(service, "asdfgh zxcvb", user="m")
    assert len(second.replies[0].options) == 10  # the whole menu
    assert "human" in [b.id for b in second.replies[1].buttons]
    # The counter starts again after the menu.
    third = send(service, "qqq www eee", user="m")
    assert third.replies[0].buttons


def test_affirm_after_suggestion_answers_first_suggestion(make_service: ServiceFactory) -> None:
    service = make_service()
    send(service, "hola buenas", user="s")
    send(service, "no entiendo nada de esto", user="s")
    turn = send(service, "yes", user="s")
    assert turn.replies[0].buttons[0].id == "menu"
    assert "albergue" in turn.replies[0].text.lower()


def test_menu_lists_ten_topics_with_short_titles(make_service: ServiceFactory) -> None:
    service = make_service()
    for lang in ("es", "en", "fr", "ht", "pt"):
        turn = send(service, kind=Kind.COMMAND, payload="menu", lang=lang, user=f"menu-{lang}")
        options = turn.replies[0].options
        assert len(options) == 10
        assert all(len(o.title) <= 24 and len(o.description) <= 72 for o in options)
        assert turn.replies[0].list_label


def test_out_of_scope_polite_with_menu(make_service: ServiceFactory) -> None:
    service = make_service()
    turn = send(service, "quien gana el futbol hoy", lang="es")
    assert turn.intent == "out_of_scope"
    assert len(turn.replies[0].options) == 10
    assert turn.replies[0].text == SPANISH(phrases.OUT_OF_SCOPE)


def test_voluntary_return_request_starts_the_intake_with_consent(
    make_service: ServiceFactory,
) -> None:
    service = make_service()
    turn = send(service, "quiero regresar a mi casa en honduras")
    assert turn.intent == "voluntary_return_request"
    (consent,) = turn.replies
    assert "OIM" in consent.text
    assert [b.id for b in consent.buttons] == ["intake:yes", "intake:no"]
    assert turn.effects == ()  # nothing is kept before the person agrees
    assert {"entity": "country", "value": "HN", "text": "honduras"} in turn.entities


SPANISH = Translator().gettext_for("es")


@pytest.mark.parametrize(
    ("kind", "text", "phrase"),
    [
        (Kind.VOICE, "", phrases.VOICE),
        (Kind.MEDIA, "", phrases.MEDIA),
        (Kind.UNSUPPORTED, "", phrases.MEDIA),
        (Kind.TEXT, "", phrases.EMPTY),
        (Kind.TEXT, "   \n\t ", phrases.EMPTY),
        (Kind.TEXT, "😀🙏🔥", phrases.SYMBOLS_ONLY),
        (Kind.TEXT, "\u200b\u200d\u202e", phrases.EMPTY),
        (Kind.TEXT, "x" * 4097, phrases.TOO_LONG),
    ],
)
def test_odd_input_gets_friendly_reply_in_language(
    make_service: ServiceFactory, kind: Kind, text: str, phrase: str
) -> None:
    service = make_service()
    send(service, "hola buenas tardes amigo", user="odd")  # the person writes Spanish
    turn = send(service, text, kind=kind, user="odd")
    assert turn.lang == "es"
    assert turn.replies[0].text == SPANISH(phrase) != phrase
    assert turn.replies[0].buttons or turn.replies[0].options


def test_text_with_odd_unicode_still_understood(make_service: ServiceFactory) -> None:
    service = make_service()
    turn = send(service, "\u202edonde\u200b puedo dormir\u200d en tijuana\u2066", lang="es")
    assert turn.intent == "shelter"


def test_nlu_down_still_gets_menu_in_language(make_service: ServiceFactory) -> None:
    parser = DownParser()
    service = make_service(parser=parser)
    turn = send(service, "donde puedo dormir esta noche", lang="es")
    assert parser.calls == 1
    assert len(turn.replies[0].options) == 10
    assert turn.lang == "es"
    assert turn.replies[0].text == SPANISH(phrases.NLU_DOWN)


def test_handle_with_a_store_processes_a_duplicate_once(make_service: ServiceFactory) -> None:
    # The command line's path (ask, chat): the store's claim is the dedupe.
    service = make_service(store=MemoryConversationStore())
    incoming = Incoming(Channel.WEB, "d", "same-id", Kind.TEXT, text="donde puedo dormir hoy")
    first = service.assistant.handle(incoming)
    second = service.assistant.handle(incoming)
    assert first.replies and not first.duplicate
    assert second.duplicate and second.replies == ()


def test_expired_answer_is_not_sent(make_service: ServiceFactory) -> None:
    service = make_service()
    service.assistant._today = lambda: dt.date(2030, 1, 1)  # past every review_by date
    es = Translator().gettext_for("es")
    turn = send(service, "donde puedo dormir esta noche", lang="es")
    assert [reply.text for reply in turn.replies] == [es(phrases.BEING_UPDATED)]
    assert [b.id for b in turn.replies[-1].buttons] == ["human", "menu"]
    assert "911" in turn.replies[-1].text
    # A danger answer past its date still puts a person first, now.
    danger = send(service, kind=Kind.BUTTON, payload="topic:violence", lang="es", user="v")
    assert danger.replies[-1].text == es(phrases.BEING_UPDATED)
    assert danger.replies[-1].buttons[0].id == "urgent:violence"
    # The topics stay listed: choosing one says it is being updated, not that it is gone.
    menu = send(service, kind=Kind.COMMAND, payload="menu", lang="es")
    assert len(menu.replies[0].options) == 10


def test_unknown_button_payload_shows_menu(make_service: ServiceFactory) -> None:
    service = make_service()
    turn = send(service, kind=Kind.BUTTON, payload="select_bot:123456789", lang="en")
    assert len(turn.replies[0].options) == 10


def test_start_for_new_person_asks_language(make_service: ServiceFactory) -> None:
    service = make_service()
    turn = send(service, kind=Kind.COMMAND, payload="start")
    assert len(turn.replies[0].options) == 5
