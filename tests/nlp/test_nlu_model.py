"""The real Rasa model: held-out accuracy per language, training data hygiene, the server."""

from __future__ import annotations

import collections
import re
import shutil
import unicodedata
from pathlib import Path

import httpx
import pytest

from bot.core.content import CONVERSATION_INTENTS, PROTECTIVE_TOPICS, TOPICS
from bot.core.messages import LANGUAGES
from bot.core.understanding import NluUnavailableError
from bot.nlp.rasa import ModelWatcher, RasaHttpParser, RasaServer, data_fingerprint, latest_model
from bot.settings import Settings
from nlu.tools.heldout import Example, heldout, training

INTENTS = {*TOPICS, *PROTECTIVE_TOPICS, *(CONVERSATION_INTENTS - {"nlu_fallback"})}
MIN_ACCURACY = 0.85


def _normalise(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w\s]", " ", folded).split())


def test_training_data_has_every_intent_in_every_language() -> None:
    counts = collections.Counter((e.lang, e.intent) for e in training())
    for lang in LANGUAGES:
        for intent in INTENTS:
            assert counts[(lang, intent)] >= 25, (lang, intent, counts[(lang, intent)])
    assert {intent for _, intent in counts} == INTENTS


def test_heldout_is_large_enough_and_never_trained_on() -> None:
    test_set = heldout()
    assert len(test_set) >= 150
    assert {e.lang for e in test_set} == set(LANGUAGES)
    assert {e.intent for e in test_set} <= INTENTS
    trained = {_normalise(e.text) for e in training()}
    leaked = [e.text for e in test_set if _normalise(e.text) in trained]
    assert leaked == []


@pytest.mark.rasa
def test_heldout_accuracy_per_language(nlu_parser: RasaHttpParser) -> None:
    correct: collections.Counter[str] = collections.Counter()
    total: collections.Counter[str] = collections.Counter()
    misses: list[Example] = []
    for example in heldout():
        predicted = nlu_parser.parse(example.text).intent
        total[example.lang] += 1
        if predicted == example.intent:
            correct[example.lang] += 1
        else:
            misses.append(example)
    accuracy = {lang: correct[lang] / total[lang] for lang in LANGUAGES}
    assert all(value >= MIN_ACCURACY for value in accuracy.values()), (accuracy, misses)


@pytest.mark.rasa
def test_parse_gives_ranking_and_fallback_for_gibberish(nlu_parser: RasaHttpParser) -> None:
    parse = nlu_parser.parse("kote m ka dòmi aswè a")
    assert parse.intent == "shelter"
    assert parse.ranking and parse.ranking[0][0] in {"shelter", "nlu_fallback"}
    assert 0.0 <= parse.confidence <= 1.0
    # Gibberish never reaches the service's answering threshold.
    for gibberish in ("zzkq vvbn xxpt", "asdf", "blablabla", "hmm"):
        parsed = nlu_parser.parse(gibberish)
        assert (
            parsed.intent == "nlu_fallback"
            or parsed.confidence < Settings(_env_file=None).faro_nlu_threshold
        )


@pytest.mark.rasa
def test_server_refuses_requests_without_the_token(nlu_server: RasaServer) -> None:
    response = httpx.post(f"{nlu_server.url}/model/parse", json={"text": "hola"}, timeout=5)
    assert response.status_code == 401
    wrong = RasaHttpParser(nlu_server.url, "not-the-token", timeout=2)
    with pytest.raises(NluUnavailableError):
        wrong.parse("hola")
    wrong.close()


def test_unreachable_server_raises_quickly() -> None:
    parser = RasaHttpParser("http://127.0.0.1:9", "x", timeout=0.5)
    with pytest.raises(NluUnavailableError):
        parser.parse("hola")
    parser.close()


def test_fingerprint_changes_with_data(tmp_path: Path) -> None:
    nlu_dir, data_dir = tmp_path / "nlu", tmp_path / "examples"
    nlu_dir.mkdir()
    data_dir.mkdir()
    root = Path(__file__).resolve().parents[2]
    shutil.copy(root / "nlu" / "config.yml", nlu_dir / "config.yml")
    shutil.copy(root / "content" / "examples" / "nlu_es.yml", data_dir / "nlu_es.yml")
    before = data_fingerprint(nlu_dir, data_dir)
    assert data_fingerprint(nlu_dir, data_dir) == before
    with (data_dir / "nlu_es.yml").open("a", encoding="utf-8") as handle:
        handle.write("    - una frase nueva\n")
    assert data_fingerprint(nlu_dir, data_dir) != before


@pytest.mark.rasa
def test_new_model_is_loaded_without_restart(
    nlu_server: RasaServer, nlu_parser: RasaHttpParser, tmp_path: Path
) -> None:
    current = latest_model()
    assert current is not None
    watcher = ModelWatcher(nlu_parser, loaded=Path("/nonexistent/older-model.tar.gz"))
    assert watcher.check_once()  # a newer model than the loaded one: swapped in
    assert not watcher.check_once()  # nothing new: nothing to do
    status = nlu_parser.status()
    assert Path(status["model_file"]).name == current.name
    assert nlu_parser.parse("donde puedo dormir").intent == "shelter"
