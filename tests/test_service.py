"""Service wiring: what it owns it closes, what it borrows it leaves alone."""

from __future__ import annotations

from bot.core.content import ANSWER_TOPICS
from bot.core.messages import LANGUAGES
from bot.nlp.rasa import RasaHttpParser
from tests.conftest import ServiceFactory


def test_borrowed_parser_survives_service_close(make_service: ServiceFactory) -> None:
    parser = RasaHttpParser("http://127.0.0.1:9", "token", timeout=0.2)
    service = make_service(parser=parser)
    service.close()
    service.close()  # twice is harmless
    assert not parser._client.is_closed
    parser.close()
    assert parser._client.is_closed


def test_content_is_loaded_on_first_start(make_service: ServiceFactory) -> None:
    service = make_service()
    library = service.content.library()
    assert len(library) == len(ANSWER_TOPICS) * len(LANGUAGES)
    assert library.topics()[0] == "asylum"
