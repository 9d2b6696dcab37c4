"""Numbered choices, going back, language names, several needs and languages Faro lacks."""

from __future__ import annotations

import pytest

from bot.core import phrases
from bot.core.assistant import CHOICES_KEY, LANG_PREFIX, TOPIC_PREFIX, TRAIL_KEY
from bot.core.content import TOPICS
from bot.core.i18n import Translator
from bot.core.messages import LANGUAGES, Channel, Kind, Reply, Turn
from bot.nlp.models import ReloadingParser
from bot.service import Service
from tests.conftest import ServiceFactory
from tests.core.test_assistant_basics import _STORES, send

T = Translator()
BACK_WORDS = {"es": "volver", "en": "back", "fr": "retour", "ht": "tounen", "pt": "voltar"}
LANGUAGE_SPELLINGS = {
    "espanol": "es",
    "Español": "es",
    "ESPAÑOL!": "es",
    "spanish": "es",
    "english": "en",
    "ingles": "en",
    "francais": "fr",
    "Français": "fr",
    "kreyol": "ht",
    "Kreyòl": "ht",
    "creole": "ht",
    "criollo": "ht",
    "portugues": "pt",
    "Português": "pt",
}


def numbered(turn: Turn) -> Reply:
    """The one reply of the turn whose choices answer to numbers."""
    [reply] = [reply for reply in turn.replies if reply.numbered]
    return reply


def is_language_choice(turn: Turn) -> bool:
    options = turn.replies[-1].options
    return len(options) == len(LANGUAGES) and all(o.id.startswith(LANG_PREFIX) for o in options)


_peeks = iter(range(1_000_000))


def person_state(service: Service, user: str) -> dict[str, object]:
    """What the store keeps beside the person's language, read without a turn."""
    store = _STORES[service.settings.database_url]
    with store.conversation(Channel.WEB, user, f"peek-{next(_peeks)}") as person:
        assert person is not None
        return dict(person.extra)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_one_opens_the_first_topic_and_zero_goes_back_to_the_menu(
    make_service: ServiceFactory, lang: str
) -> None:
    service = make_service()
    user = f"n-{lang}"
    send(service, kind=Kind.BUTTON, payload=f"{LANG_PREFIX}{lang}", user=user)
    menu = send(service, "/menu", user=user)
    question = numbered(menu)
    assert question.options[0].id == f"{TOPIC_PREFIX}{TOPICS[0]}"
    assert question.choice_hint == T.gettext_for(lang)(phrases.NUMBER_HINT)
    assert question.numbered_lines()[0].startswith("1. ")

    first = send(service, "1", user=user)
    assert first.lang == lang
    answer_ids = [c.id for r in first.replies for c in r.choices]
    assert f"urgent:{TOPICS[0]}" not in answer_ids  # an ordinary topic, answered
    assert first.replies[0].text != menu.replies[0].text

    back = send(service, "0", user=user)
    assert numbered(back).options == question.options  # the menu again

    # The word for "back" does the same after a topic; "menu" always shows the menu.
    send(service, "2", user=user)
    assert numbered(send(service, BACK_WORDS[lang], user=user)).options == question.options
    send(service, "3", user=user)
    assert numbered(send(service, "MENU", user=user)).options == question.options


def test_back_walks_the_screens_in_reverse_and_ends_at_the_menu(
    make_service: ServiceFactory,
) -> None:
    service = make_service()
    send(service, kind=Kind.BUTTON, payload="lang:en", user="w")
    send(service, kind=Kind.BUTTON, payload=f"{TOPIC_PREFIX}asylum", user="w")
    send(service, kind=Kind.BUTTON, payload=f"{TOPIC_PREFIX}work", user="w")
    again = send(service, "0", user="w")
    asylum = send(service, kind=Kind.BUTTON, payload=f"{TOPIC_PREFIX}asylum", user="w2", lang="en")
    assert again.replies[0].text == asylum.replies[0].text
    # Past the first screen there is nothing left: the menu, never an error or silence.
    send(service, "0", user="w")
    end = send(service, "0", user="w")
    assert numbered(end).options[0].id.startswith(TOPIC_PREFIX)


def test_a_number_with_no_such_choice_shows_the_menu(make_service: ServiceFactory) -> None:
    service = make_service()
    send(service, kind=Kind.BUTTON, payload="lang:es", user="x")
    send(service, "/menu", user="x")
    turn = send(service, "47", user="x")
    assert numbered(turn).options[0].id.startswith(TOPIC_PREFIX)
    assert turn.intent is None


def test_at_the_language_prompt_a_number_or_a_name_sets_the_language(
    make_service: ServiceFactory,
) -> None:
    service = make_service()
    asked = send(service, "/language", user="l1")
    assert is_language_choice(asked)
    chosen = send(service, str(LANGUAGES.index("fr") + 1), user="l1")
    assert chosen.lang == "fr"
    assert chosen.replies[0].text == T.gettext_for("fr")(phrases.LANGUAGE_SET)

    send(service, "/language", user="l2")
    assert send(service, "kreyol", user="l2").lang == "ht"


@pytest.mark.parametrize(("typed", "lang"), sorted(LANGUAGE_SPELLINGS.items()))
def test_a_language_name_alone_sets_it_at_any_time(
    make_service: ServiceFactory, typed: str, lang: str
) -> None:
    service = make_service()
    user = f"any-{typed}"
    send(service, "hola quiero saber donde dormir", user=user, lang="es" if lang != "es" else "en")
    turn = send(service, typed, user=user)
    assert turn.lang == lang
    assert turn.replies[0].text == T.gettext_for(lang)(phrases.LANGUAGE_SET)


def test_a_language_name_inside_the_registration_asks_the_same_question_again(
    make_service: ServiceFactory,
) -> None:
    service = make_service()
    send(service, "quiero regresar a mi pais", user="r", lang="es")
    consent = send(service, "kreyol", user="r")
    assert consent.lang == "ht"
    assert [c.id for c in consent.replies[-1].choices] == ["intake:yes", "intake:no"]
    # "1" answers the consent question's first button, as pressing it would.
    name_question = send(service, "1", user="r")
    assert name_question.replies[-1].text == T.gettext_for("ht")(phrases.ASK_NAME)


def test_numbers_that_are_data_are_not_taken_for_choices(make_service: ServiceFactory) -> None:
    service = make_service()
    send(service, "quiero regresar a mi pais", user="d", lang="es")
    send(service, kind=Kind.BUTTON, payload="intake:yes", user="d")
    send(service, "Ana", user="d")
    send(service, "1", user="d")  # Honduras, the first country
    send(service, "1", user="d")  # Tijuana, the first city
    group = send(service, "3", user="d")  # three people: data, though no third choice exists
    assert T.gettext_for("es")(phrases.ASK_CHILDREN) in group.replies[-1].text
    zero = send(service, "0", user="d")  # no children: "0" is a count here, not "back"
    assert T.gettext_for("es")(phrases.ASK_CHILDREN) not in zero.replies[-1].text


def test_erasing_forgets_the_choices_and_the_trail(make_service: ServiceFactory) -> None:
    service = make_service()
    send(service, kind=Kind.BUTTON, payload="lang:es", user="e")
    send(service, "/menu", user="e")
    assert person_state(service, "e")[CHOICES_KEY] == [f"{TOPIC_PREFIX}{t}" for t in TOPICS]
    send(service, kind=Kind.BUTTON, payload="erase:yes", user="e")
    state = person_state(service, "e")
    assert TRAIL_KEY not in state
    assert CHOICES_KEY not in state
    after = send(service, "1", user="e")
    assert after.intent != "asylum"


# -- the real model ------------------------------------------------------------------------


def offered_needs(turn: Turn) -> set[str]:
    """What the turn answers, and what its "you also asked about" buttons offer."""
    also = T.gettext_for(turn.lang)(phrases.ALSO_ASKED)
    found = {turn.intent} if turn.intent else set()
    for reply in turn.replies:
        if reply.text == also:
            found |= {c.id.removeprefix(TOPIC_PREFIX) for c in reply.choices}
    return found


@pytest.mark.parametrize(
    ("lang", "text", "needs"),
    [
        (
            "es",
            "Hola, quiero saber sobre asilo y también sobre trabajo en Tijuana",
            {"asylum", "work"},
        ),
        ("en", "where can i sleep tonight, and my son needs a doctor", {"shelter", "health"}),
        ("fr", "je cherche du travail. aussi je veux demander l'asile", {"work", "asylum"}),
        ("ht", "kote m ka dòmi aswè a epi m bezwen travay", {"shelter", "work"}),
        ("pt", "preciso de abrigo e também quero saber sobre documentos", {"shelter", "documents"}),
    ],
)
def test_two_needs_get_one_answer_and_the_other_as_a_button(
    make_service: ServiceFactory,
    model_parser: ReloadingParser,
    lang: str,
    text: str,
    needs: set[str],
) -> None:
    service = make_service(parser=model_parser)
    turn = send(service, text, user=f"two-{lang}", lang=lang)
    assert needs <= offered_needs(turn), [r.text[:60] for r in turn.replies]
    assert turn.intent in needs  # one of them is answered, the other offered


def test_danger_is_answered_first_and_the_other_need_offered(
    make_service: ServiceFactory, model_parser: ReloadingParser
) -> None:
    service = make_service(parser=model_parser)
    turn = send(
        service,
        "quiero pedir asilo, los pandilleros me estan amenazando de muerte",
        user="danger",
        lang="es",
    )
    assert turn.replies[0].buttons[0].id == "urgent:threat"
    assert "asylum" in offered_needs(turn)


def test_a_part_that_reads_as_danger_is_offered_beside_the_answer(
    make_service: ServiceFactory, model_parser: ReloadingParser
) -> None:
    # The whole reads as a question about asylum (fleeing gangs is a reason for it); the
    # threat in its first part is not dropped: it waits as a button under the answer.
    service = make_service(parser=model_parser)
    turn = send(
        service,
        "los mareros me quieren matar, y quiero pedir asilo en mexico",
        user="part",
        lang="es",
    )
    assert {"asylum", "threat"} <= offered_needs(turn)


def test_one_need_gets_no_extra_buttons(
    make_service: ServiceFactory, model_parser: ReloadingParser
) -> None:
    service = make_service(parser=model_parser)
    turn = send(service, "donde puedo dormir esta noche", user="one", lang="es")
    assert offered_needs(turn) == {"shelter"}


FOREIGN = [
    "مرحبا، أحتاج مساعدة من فضلكم",
    "xin chào, tôi cần giúp đỡ",
    "xin chao toi can giup do",
    "мне нужна помощь, где можно переночевать",
    "我需要帮助",
    "dama soxla ndimbal",
    "mujhe madad chahiye bhai",
]


@pytest.mark.parametrize("text", FOREIGN)
def test_a_language_faro_does_not_speak_gets_the_choice_in_all_five(
    make_service: ServiceFactory, model_parser: ReloadingParser, text: str
) -> None:
    service = make_service(parser=model_parser)
    first = send(service, text, user=f"f-{text}")
    assert is_language_choice(first)
    assert first.replies[-1].text.splitlines() == [
        T.gettext_for(lang)(phrases.CHOOSE_LANGUAGE) for lang in LANGUAGES
    ]


def test_someone_who_chose_a_language_is_told_why_before_the_choice(
    make_service: ServiceFactory, model_parser: ReloadingParser
) -> None:
    service = make_service(parser=model_parser)
    send(service, kind=Kind.BUTTON, payload="lang:fr", user="k")
    turn = send(service, "مرحبا، أحتاج مساعدة من فضلكم", user="k")
    assert turn.replies[0].text == T.gettext_for("fr")(phrases.LANGUAGE_NOT_SPOKEN)
    assert is_language_choice(turn)
    # A typo-ridden message in the person's own language is still answered in it.
    typo = send(service, "ou je peu dormir se soir svp", user="k")
    assert not is_language_choice(typo)
    assert typo.lang == "fr"


@pytest.mark.parametrize("text", ["k onda", "ola ke ase", "xyz", "ok"])
def test_too_short_to_tell_gets_the_choice_not_a_guess(
    make_service: ServiceFactory, model_parser: ReloadingParser, text: str
) -> None:
    service = make_service(parser=model_parser)
    assert is_language_choice(send(service, text, user=f"s-{text}"))


def test_a_drawn_out_cry_is_never_taken_for_a_foreign_language(
    make_service: ServiceFactory, model_parser: ReloadingParser
) -> None:
    service = make_service(parser=model_parser)
    turn = send(service, "ayudaaaaaa porfavor", user="cry")
    assert not is_language_choice(turn)
    assert any(c.id.startswith("urgent:") for r in turn.replies for c in r.choices)


def test_the_apps_language_is_the_first_guess(make_service: ServiceFactory) -> None:
    service = make_service()
    welcome = send(service, "/start", user="h1", hint="fr")
    assert welcome.lang == "fr"
    assert welcome.replies[0].text == T.gettext_for("fr")(phrases.WELCOME)
    # An app language Faro does not speak: the choice.
    assert is_language_choice(send(service, "/start", user="h2", hint="ar"))
