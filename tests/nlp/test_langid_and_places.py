"""Language identification and place extraction, on their own."""

from __future__ import annotations

import pytest

from bot.nlp.langid import LanguageClassifier
from bot.nlp.places import PlaceExtractor


@pytest.fixture(scope="module")
def identifier() -> LanguageClassifier:
    return LanguageClassifier.load_or_train()


@pytest.fixture(scope="module")
def places() -> PlaceExtractor:
    return PlaceExtractor()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("donde puedo dormir esta noche", "es"),
        ("ocupo chamba urgente en tijuana", "es"),
        ("where can i find a doctor for my son", "en"),
        ("je cherche un endroit pour dormir ce soir", "fr"),
        ("kote m ka jwenn yon doktè pou pitit mwen", "ht"),
        ("mwen vle retounen lakay mwen", "ht"),
        ("onde posso dormir hoje a noite", "pt"),
        ("preciso de ajuda com meus documentos", "pt"),
    ],
)
def test_identifies_each_language(identifier: LanguageClassifier, text: str, lang: str) -> None:
    guess = identifier.identify(text)
    assert guess is not None
    assert guess.lang == lang
    assert guess.confident


def test_creole_is_not_mistaken_for_french(identifier: LanguageClassifier) -> None:
    for text in ("m pa gen papye", "eske ou ka ede m tanpri", "mwen bezwen manje"):
        guess = identifier.identify(text)
        assert guess is not None and guess.lang == "ht", text


@pytest.mark.parametrize("text", ["", "   ", "😀😀", "!!! ???", "\u200b\u202e"])
def test_no_words_no_guess(identifier: LanguageClassifier, text: str) -> None:
    assert identifier.identify(text) is None


def test_very_long_text_is_fine(identifier: LanguageClassifier) -> None:
    guess = identifier.identify("necesito ayuda con mis papeles " * 500)
    assert guess is not None and guess.lang == "es"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("estoy en tijuna", [("city", "tijuana")]),
        ("vivo en la ciudad de mexico", [("city", "mexico_city")]),
        ("CDMX", [("city", "mexico_city")]),
        ("m nan Tapachula", [("city", "tapachula")]),
        ("Tecún Umán guatemala", [("city", "tecun_uman"), ("country", "GT")]),
        ("quiero volver a honduras desde mexicali", [("country", "HN"), ("city", "mexicali")]),
        ("pa el salvador", [("country", "SV")]),
        ("i want to go to the united states", [("country", "US")]),
        ("please help us", []),
        ("", []),
        ("🙏🙏", []),
    ],
)
def test_places(places: PlaceExtractor, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(e.entity, e.value) for e in places.extract(text)] == expected
