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


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("je suis à Mexico depuis une semaine", "fr", [("city", "mexico_city")]),
        ("je suis au Mexique", "fr", [("country", "MX")]),
        ("je suis à ciudad de mexico", "fr", [("city", "mexico_city")]),
        ("estoy en mexico", "es", [("country", "MX")]),
        ("I am in Mexico", "en", [("country", "MX")]),
        ("me llamo Salvador", "es", []),
        ("Salvador", "es", []),
        ("mi hijo Salvador esta enfermo", "es", []),
        ("vengo de salvador", "es", [("country", "SV")]),
        ("m soti salvador", "ht", [("country", "SV")]),
        ("San Salvador", "es", [("country", "SV")]),
    ],
)
def test_a_place_name_is_read_in_the_messages_language(
    places: PlaceExtractor, text: str, lang: str, expected: list[tuple[str, str]]
) -> None:
    found = places.extract(text)
    assert [(e.entity, e.value) for e in found if e.holds_in(lang)] == expected


def test_exported_weights_score_exactly_as_scikit_learn() -> None:
    from bot.nlp.langid import _normalise, fit_pipeline, training_examples

    pairs = training_examples()[::7]  # a sample keeps the fit quick
    pipeline = fit_pipeline(pairs)
    exported = LanguageClassifier.from_pipeline(pipeline)
    texts = [
        "donde puedo dormir",
        "kote m ka dòmi",
        "Où est le   refuge?",
        "a",
        "zzzz qqqq",
        "preciso de ajuda agora mesmo por favor",
    ]
    expected = pipeline.predict_proba([_normalise(t) for t in texts])
    for text, row in zip(texts, expected, strict=True):
        ours = exported.probabilities(text)
        for lang, probability in zip(pipeline.classes_, row, strict=True):
            assert abs(ours[str(lang)] - probability) < 1e-9, (text, lang)


def test_service_scoring_does_not_import_scikit_learn(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    LanguageClassifier.load_or_train()  # the cache exists, as after `python -m bot train`
    code = (
        "import sys; from bot.nlp.langid import LanguageClassifier; "
        "c = LanguageClassifier.load_or_train(); c.identify('hola amigo'); "
        "print('sklearn' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
