"""The directory in the conversation: services by city, the city question, the city kept."""

from __future__ import annotations

import dataclasses

from bot.core import phrases
from bot.core.content import Translatable
from bot.core.i18n import Translator
from bot.core.messages import Kind
from bot.storage.content import live_bundle, publish_bundle
from tests.conftest import ServiceFactory
from tests.core.test_assistant_basics import send
from tests.fakes.nlu import DEFAULT_RULES, KeywordParser

RULES = {**DEFAULT_RULES, "refuge": "shelter", "abri": "shelter", "kidnap": "kidnapping"}


def test_a_named_city_lists_its_services_and_is_remembered(make_service: ServiceFactory) -> None:
    service = make_service(KeywordParser(RULES))
    es = Translator().gettext_for("es")
    turn = send(service, "donde puedo dormir en tapachula", user="t", lang="es")
    listing = turn.replies[-1].text
    assert listing.startswith(es(phrases.SERVICES_IN_CITY).format(city="Tapachula"))
    assert "Albergue El Buen Pastor" in listing
    assert "Casa del Migrante" not in listing  # that one is in Tecún Umán
    assert es(phrases.CITY_ONLY) in listing  # the sources give no address
    assert "Fuente: Informe de la ONU (OIM, ACNUR, UNICEF), diciembre de 2018." in listing
    # The city is remembered: the next question without a city lists Tapachula again.
    again = send(service, "donde puedo dormir", user="t", lang="es")
    assert "Albergue El Buen Pastor" in again.replies[-1].text


def test_without_a_city_the_person_is_asked_and_the_choice_lists(
    make_service: ServiceFactory,
) -> None:
    service = make_service(KeywordParser(RULES))
    turn = send(service, "where can i sleep", user="w", lang="en")
    question = turn.replies[-1]
    en = Translator().gettext_for("en")
    assert question.text == en(phrases.ASK_CITY_FOR_SERVICES)
    assert [o.title for o in question.options] == [
        "Tijuana",
        "Tapachula",
        "Tecún Umán",
        en(phrases.OTHER_CITY),
    ]
    tijuana = question.options[0].id
    picked = send(service, kind=Kind.BUTTON, payload=tijuana, user="w", lang="en")
    assert "Albergue principal de Tijuana" in picked.replies[-1].text
    assert "children's area" in picked.replies[-1].text
    other = send(service, kind=Kind.BUTTON, payload=question.options[-1].id, user="x", lang="en")
    assert other.replies[-1].text == en(phrases.NO_SERVICES_ELSEWHERE)


def test_a_city_without_services_for_the_topic_says_so(make_service: ServiceFactory) -> None:
    service = make_service(KeywordParser(RULES))
    # French "Mexico" is the city: no shelter of the directory is there.
    turn = send(service, "un refuge à Mexico svp", user="f", lang="fr")
    fr = Translator().gettext_for("fr")
    assert turn.replies[-1].text == fr(phrases.NO_SERVICES_IN_CITY).format(city="Ciudad de México")


def test_kreyol_listing_is_in_kreyol(make_service: ServiceFactory) -> None:
    service = make_service(KeywordParser(RULES))
    turn = send(service, "kote m ka jwenn yon abri nan tecun uman", user="h", lang="ht")
    listing = turn.replies[-1].text
    assert "Casa del Migrante" in listing and "Abri sou wout la, ak twalèt ak douch." in listing
    assert "desanm 2018" in listing


def test_danger_is_not_followed_by_a_city_question(make_service: ServiceFactory) -> None:
    service = make_service(KeywordParser(RULES))
    turn = send(service, "they kidnap my brother", user="k", lang="en")
    assert turn.replies[-1].buttons[0].id == "urgent:kidnapping"


def test_an_unknown_city_button_is_not_trusted(make_service: ServiceFactory) -> None:
    service = make_service(KeywordParser(RULES))
    turn = send(service, kind=Kind.BUTTON, payload="city:atlantis:shelter", user="a", lang="en")
    assert "atlantis" not in "\n".join(r.text for r in turn.replies).lower()
    assert len(turn.replies[-1].options) == 10  # the menu


def test_an_untranslated_service_is_listed_in_spanish_and_marked(
    make_service: ServiceFactory,
) -> None:
    service = make_service(KeywordParser(RULES))
    with service.database.write() as session:
        bundle = live_bundle(session=session)
        pastor = bundle.services["buen-pastor-tapachula"]
        spanish_only = pastor.model_copy(
            update={"offers": Translatable(es=pastor.offers.get("es"))}
        )
        services = {**bundle.services, "buen-pastor-tapachula": spanish_only}
        publish_bundle(
            session=session, bundle=dataclasses.replace(bundle, services=services), note="t"
        )
    turn = send(service, "where can i sleep in tapachula", user="e", lang="en")
    listing = turn.replies[-1].text
    marked = Translator().gettext_for("en")(phrases.IN_SPANISH).format(text=pastor.offers.get("es"))
    assert marked in listing and marked.endswith("(in Spanish)")
    assert spanish_only.translation_status("en") == "missing"
