"""The in-process scorer against Rasa's own `/model/parse`, its refusals, and hot reload."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import tarfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bot.core.understanding import NluUnavailableError, Parse
from bot.nlp.langid import LANGID_GLOB, LanguageClassifier
from bot.nlp.models import (
    NLU_PYTHON,
    ModelReloader,
    ReloadingLanguageIdentifier,
    ReloadingParser,
    export_scorer,
)
from bot.nlp.rasa import MODELS_DIR, RasaHttpParser, train
from bot.nlp.scorer import (
    SCORER_GLOB,
    ModelExportError,
    ModelNotFoundError,
    RasaModelScorer,
    UnsupportedPipelineError,
    read_export_meta,
    scorer_path_for,
)
from nlu.tools.heldout import heldout

TOLERANCE = 1e-6
PROJECT = Path(__file__).resolve().parents[2]

# Inputs people send that are not sentences, and the corners of Rasa's tokenizer and of
# scikit-learn's preprocessing: each is scored by both and must agree.
ODD_INPUTS = [
    "",
    "   ",
    "\n\t ",
    "hola",
    "HOLA!!!",
    "  donde puedo dormir  ",
    "¿Dónde puedo DORMIR esta noche?",
    "😀",
    "😀😀😀",
    "🙏 ayuda por favor 🙏",
    "hola 🫠",  # an emoji Rasa's Python (Unicode 13) does not know
    "👍🏽",
    "🇲🇽 🇭🇹",
    "❤️",
    ":)",
    ":-( ayuda",
    "...",
    "???",
    "¡¡¡",
    "@",
    "#",
    "&",
    "911",
    "llamé al 911 ayer",
    "tengo 3 hijos y 2 niñas de 10 años",
    "12:30",
    "10'000.00",
    "1,5 km",
    "2x3 abc123 123abc",
    "١٢٣ ٣ hijos",
    "１２３ ＡＢＣ",
    "mi correo es juan@gmail.com",
    "https://faro.example/ayuda?x=1&y=2#z",
    "#ayuda @faro & co",
    "a-b a_b a.b a/b (ayuda) [x] {y}",
    "Ça va? Où est l'abri",
    "kote m ka jwenn manje?",
    "São Paulo não tem abrigo",
    "e\u0301 n\u0303 cafe\u0301",
    "ﬁle ﬂow ﬃ",
    "x² ½ ①② Ⅻ",
    "ǅ İstanbul ΣΟΦΟΣ ΑΣ straße ẞ",
    "Привет мир",
    "مرحبا أين الملجأ",
    "你好 我需要帮助",
    "नमस्ते मदद",
    "hola мир 世界 مرحبا kote",
    "\u200b",
    "a\u200db \u200c",
    "\x00 hola \x00",
    "\x1c\x1d ayuda \x1e\x1f",
    "tab\tseparated\ttext",
    "new\nline\ntext",
    "\U00010570\U00010597 ayuda",  # Vithkuqi, new in Unicode 14
    "\u0870\u1ac1\ua7c0 abrigo",  # more letters and marks new in Unicode 14
    # A mark new in Unicode 14 inside known words: the service's Python strips it as an
    # accent, Rasa's keeps it (and splits the word there).
    "necesito un abri\u1ac1go para dormir e\u1ac1 ayuda",
    "necesito un abri\U0001e2aego 🙏",  # the same with an astral mark (Toto, Unicode 14)
    "𝐀𝐘𝐔𝐃𝐀 𝒶𝓎𝓊𝒹𝒶",
    # Astral characters next to punctuation, digits and letters (the stand-in path).
    "ayuda😀! 😀ayuda hola,😀,amigo a😀b 3😀4 (😀) 😀.",
    "𝐀𝐘𝐔𝐃𝐀!!! 🙏🙏? ¿𝒶𝓎𝓊𝒹𝒶? -𝐀- 1𝐀2 #😀 @𝐀",
    # Astral letters that become known words once NFKD folds them (𝐚 is "a"); a word
    # made only of characters in Rasa's emoji range (it spans U+24C2 to U+1F251, CJK
    # included) is dropped as an emoji.
    "necesito ayud𝐚 por fav𝐨r, ayuda𝐚!",
    "你好 我需要帮助 𠀀𠀁 ayuda",
    "ÑANDÚ ñandú",
    "necesito ayuda con mis papeles " * 300,
    "a" * 5000,
    "0123456789" * 100,
    "ayuda" + "!" * 500,
    "/greet",
    "/asylum",
    "/shelter@0.42",
    "/shelter@5",
    "/shelter@1.2.3",
    '/menu{"city": "tijuana"}',
    "/anything at all",
    "/",
    "//",
    " /greet ",
    "hola /greet",
    "/@0.5",
    "/ @0.5",
    "/ greet @0.5 {}",
]


def _outcome(parser: Callable[[str], Parse], text: str) -> Parse | str:
    try:
        return parser(text)
    except NluUnavailableError:
        return "unavailable"


def _difference(ours: Parse | str, theirs: Parse | str) -> float:
    """The largest confidence difference; AssertionError when intent or order differ."""
    if isinstance(ours, str) or isinstance(theirs, str):
        assert ours == theirs
        return 0.0
    assert ours.intent == theirs.intent
    assert [name for name, _ in ours.ranking] == [name for name, _ in theirs.ranking]
    differences = [abs(ours.confidence - theirs.confidence)]
    differences += [abs(a - b) for (_, a), (_, b) in zip(ours.ranking, theirs.ranking, strict=True)]
    return max(differences)


@pytest.fixture(scope="module")
def scorer() -> RasaModelScorer:
    """The project's model, exported and loaded in-process."""
    return RasaModelScorer.load(scorer_path_for(train()))


@pytest.fixture(scope="module")
def export_file(scorer: RasaModelScorer) -> Path:
    """The project model's export (made by the `scorer` fixture)."""
    return MODELS_DIR / scorer.name


@pytest.mark.rasa
def test_same_as_rasa_on_every_heldout_message(
    nlu_parser: RasaHttpParser, scorer: RasaModelScorer
) -> None:
    examples = heldout()
    assert len(examples) >= 300
    worst = 0.0
    for example in examples:
        theirs = _outcome(nlu_parser.parse, example.text)
        ours = _outcome(scorer.parse, example.text)
        try:
            worst = max(worst, _difference(ours, theirs))
        except AssertionError:
            pytest.fail(f"{example.text!r}: ours {ours}, Rasa's {theirs}")
    assert worst < TOLERANCE


@pytest.mark.rasa
@pytest.mark.parametrize("text", ODD_INPUTS)
def test_same_as_rasa_on_odd_inputs(
    nlu_parser: RasaHttpParser, scorer: RasaModelScorer, text: str
) -> None:
    theirs = _outcome(nlu_parser.parse, text)
    ours = _outcome(scorer.parse, text)
    assert _difference(ours, theirs) < TOLERANCE, (ours, theirs)


def test_slash_messages_name_their_intent_as_in_rasa(scorer: RasaModelScorer) -> None:
    assert scorer.parse("/shelter@0.42") == Parse("shelter", 0.42, (("shelter", 0.42),))
    assert scorer.parse("/greet").confidence == 1.0
    assert scorer.parse("/greet@7").confidence == 1.0  # above 1: Rasa caps it
    assert scorer.parse("/greet@1.2.3").confidence == 0.0  # unreadable: Rasa says 0
    assert scorer.parse("/@0.5").intent != "@0.5"  # no name at all: the model decides
    with pytest.raises(NluUnavailableError):
        scorer.parse("/ @0.5")  # a blank name, which Rasa returns and RasaHttpParser refuses


def test_ranking_and_fallback_shape(scorer: RasaModelScorer) -> None:
    sure = scorer.parse("donde puedo dormir esta noche")
    assert sure.intent == "shelter" and sure.confidence > 0.5
    assert sure.ranking[0] == ("shelter", sure.confidence)
    assert len(sure.ranking) == 10  # Rasa's ranking_length
    confidences = [c for _, c in sure.ranking]
    assert confidences == sorted(confidences, reverse=True)
    unsure = scorer.parse("asdf")
    assert unsure.intent == "nlu_fallback" and unsure.confidence == 0.3
    assert unsure.ranking[0] == ("nlu_fallback", 0.3) and len(unsure.ranking) == 11
    probabilities = scorer.probabilities("asdf")
    assert abs(sum(probabilities.values()) - 1.0) < 1e-12
    assert unsure.ranking[1] == max(probabilities.items(), key=lambda item: item[1])


def test_export_holds_plain_arrays_only(export_file: Path) -> None:
    with np.load(export_file, allow_pickle=False) as data:
        assert sorted(data.files) == ["coef", "intercept", "meta"]
        assert all(data[name].dtype != object for name in data.files)
    meta = read_export_meta(export_file)
    assert meta["pipeline"] == [
        "NLUMessageConverter",
        "WhitespaceTokenizer",
        "CountVectorsFeaturizer",
        "CountVectorsFeaturizer",
        "LogisticRegressionClassifier",
        "FallbackClassifier",
        "RegexMessageHandler",
    ]
    assert meta["fallback"]["threshold"] == 0.3
    assert [f["vectorizer"]["analyzer"] for f in meta["featurizers"]] == ["word", "char_wb"]


def _rewrite(source: Path, target: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    """Copy an export with its JSON part changed by `change`."""
    with np.load(source, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    meta = json.loads(bytes(arrays["meta"]).decode("ascii"))
    change(meta)
    encoded = json.dumps(meta, ensure_ascii=True).encode("ascii")
    arrays["meta"] = np.frombuffer(encoded, dtype=np.uint8)
    with target.open("wb") as handle:
        np.savez_compressed(handle, **arrays)
    return target


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(meta: dict[str, Any]) -> None:
        """Set the value at `path`."""
        *parents, key = path.split(".")
        node: Any = meta
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[int(key) if key.isdigit() else key] = value

    return change


def _diet(meta: dict[str, Any]) -> None:
    meta["graph"][4] = "rasa.nlu.classifiers.diet_classifier.DIETClassifier"


@pytest.mark.parametrize(
    "change",
    [
        _diet,
        _set("graph", []),
        _set("unsupported", "the pipeline has a DIETClassifier"),
        _set("format_version", 99),
        _set("featurizers.0.rasa.OOV_token", "oov"),
        _set("featurizers.1.vectorizer.analyzer", "char"),
        _set("featurizers.1.rasa.analyzer", "char"),
        _set("featurizers.0.vectorizer.strip_accents", "ascii"),
        _set("featurizers.0.vectorizer.binary", True),
        _set("featurizers.0.token_regex", None),
        _set("featurizers.0.rasa.use_shared_vocab", True),
        _set("tokenizer.token_pattern", r"\w+"),
        _set("classifier.multinomial", False),
        _set("fallback", None),
        _set("needs.6", ["messages", "domain"]),
    ],
)
def test_a_pipeline_it_does_not_implement_is_refused(
    export_file: Path, tmp_path: Path, change: Callable[[dict[str, Any]], None]
) -> None:
    changed = _rewrite(export_file, tmp_path / "faro-nlu-changed.scorer.npz", change)
    with pytest.raises(UnsupportedPipelineError):
        RasaModelScorer.load(changed)


def test_unreadable_or_missing_exports_are_told_apart(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError):
        RasaModelScorer.load(tmp_path / "faro-nlu-none.scorer.npz")
    broken = tmp_path / "faro-nlu-broken.scorer.npz"
    broken.write_bytes(b"not a zip file")
    with pytest.raises(ModelExportError) as caught:
        RasaModelScorer.load(broken)
    assert not isinstance(caught.value, UnsupportedPipelineError)


def _repack(archive: Path, target: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    """A copy of a Rasa model archive with its metadata.json changed by `change`."""
    unpacked = target.parent / "unpacked"
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(unpacked, filter="data")
    metadata_file = unpacked / "metadata.json"
    metadata = json.loads(metadata_file.read_text(encoding="utf-8"))
    change(metadata)
    metadata_file.write_text(json.dumps(metadata), encoding="utf-8")
    with tarfile.open(target, "w:gz") as tar:
        tar.add(unpacked, arcname="")
    return target


def _without_fallback(metadata: dict[str, Any]) -> None:
    nodes = metadata["predict_schema"]["nodes"]
    fallback = next(name for name in nodes if name.startswith("run_FallbackClassifier"))
    nodes["run_RegexMessageHandler"]["needs"]["messages"] = nodes[fallback]["needs"]["messages"]
    del nodes[fallback]


@pytest.mark.skipif(not NLU_PYTHON.exists(), reason="needs the NLU environment")
def test_export_of_a_real_archive_with_another_pipeline_is_refused(tmp_path: Path) -> None:
    archive = _repack(train(), tmp_path / "faro-nlu-nofallback.tar.gz", _without_fallback)
    export = export_scorer(archive)
    assert export == tmp_path / "faro-nlu-nofallback.scorer.npz"
    meta = read_export_meta(export)
    assert "FallbackClassifier" not in meta["pipeline"]
    with pytest.raises(UnsupportedPipelineError, match="pipeline"):
        RasaModelScorer.load(export)
    with pytest.raises(UnsupportedPipelineError):
        ReloadingParser.open(tmp_path)


@pytest.mark.skipif(not NLU_PYTHON.exists(), reason="needs the NLU environment")
def test_export_is_made_when_missing_and_reused_when_current(
    tmp_path: Path, export_file: Path
) -> None:
    archive = tmp_path / "faro-nlu-copy.tar.gz"
    shutil.copy2(train(), archive)
    export = export_scorer(archive)
    written = export.stat().st_mtime_ns
    assert export_scorer(archive) == export
    assert export.stat().st_mtime_ns == written  # current: not exported again
    with np.load(export) as ours, np.load(export_file) as reference:
        assert np.array_equal(ours["coef"], reference["coef"])
        assert np.array_equal(ours["intercept"], reference["intercept"])
    assert not list(tmp_path.glob("*.tmp"))  # written under a temporary name, then renamed


def _permuted(meta: dict[str, Any]) -> None:
    # The same weights with the class names rotated: every answer changes visibly.
    classes = meta["classifier"]["classes"]
    meta["classifier"]["classes"] = classes[1:] + classes[:1]


def _age(path: Path, seconds: float) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - int(seconds * 1e9)))


def test_reloading_parser_swaps_in_a_newer_export(tmp_path: Path, export_file: Path) -> None:
    first = tmp_path / "faro-nlu-aaaa.scorer.npz"
    shutil.copy2(export_file, first)
    _age(first, 60)
    parser = ReloadingParser.open(tmp_path, interval=0.0)
    assert parser.model_path == first
    before = parser.parse("donde puedo dormir esta noche")
    assert before.intent == "shelter"

    second = _rewrite(export_file, tmp_path / "faro-nlu-bbbb.scorer.npz", _permuted)
    after = parser.parse("donde puedo dormir esta noche")
    assert parser.model_path == second
    assert after.intent != "shelter"
    assert after.confidence == pytest.approx(before.confidence, abs=1e-12)

    # The same name written again (`train --force`) is a new model too.
    _rewrite(export_file, tmp_path / "faro-nlu-bbbb.tmp", lambda meta: None).replace(second)
    assert parser.parse("donde puedo dormir esta noche").intent == "shelter"
    parser.close()


def test_reloading_parser_checks_at_most_every_interval(tmp_path: Path, export_file: Path) -> None:
    shutil.copy2(export_file, tmp_path / "faro-nlu-aaaa.scorer.npz")
    _age(tmp_path / "faro-nlu-aaaa.scorer.npz", 60)
    parser = ReloadingParser.open(tmp_path, interval=3600)
    _rewrite(export_file, tmp_path / "faro-nlu-bbbb.scorer.npz", _permuted)
    assert parser.parse("donde puedo dormir esta noche").intent == "shelter"  # not yet
    assert parser.refresh()  # an explicit check sees it at once
    assert parser.parse("donde puedo dormir esta noche").intent != "shelter"


def test_a_broken_newer_export_is_skipped_and_the_old_model_kept(
    tmp_path: Path, export_file: Path, caplog: pytest.LogCaptureFixture
) -> None:
    shutil.copy2(export_file, tmp_path / "faro-nlu-aaaa.scorer.npz")
    _age(tmp_path / "faro-nlu-aaaa.scorer.npz", 60)
    parser = ReloadingParser.open(tmp_path, interval=0.0)
    (tmp_path / "faro-nlu-bbbb.scorer.npz").write_bytes(b"half a file")
    _rewrite(export_file, tmp_path / "faro-nlu-cccc.scorer.npz", _diet)
    _age(tmp_path / "faro-nlu-cccc.scorer.npz", 30)
    with caplog.at_level(logging.ERROR, logger="bot.nlp.models"):
        assert parser.parse("donde puedo dormir esta noche").intent == "shelter"
        assert parser.parse("donde puedo dormir esta noche").intent == "shelter"
    assert parser.model_path == tmp_path / "faro-nlu-aaaa.scorer.npz"
    assert sum("faro-nlu-bbbb" in r.getMessage() for r in caplog.records) == 1  # logged once


def test_reloading_parser_is_thread_safe_while_swapping(tmp_path: Path, export_file: Path) -> None:
    names = [tmp_path / f"faro-nlu-{i:04d}.scorer.npz" for i in range(6)]
    shutil.copy2(export_file, names[0])
    _age(names[0], 600)
    parser = ReloadingParser.open(tmp_path, interval=0.0)
    allowed = {"shelter", _permuted_intent(export_file, "shelter")}
    problems: list[BaseException] = []
    answers: set[str] = set()
    stop = threading.Event()

    def parse_in_a_loop() -> None:
        """Parse until told to stop, collecting answers and errors."""
        while not stop.is_set():
            try:
                answers.add(parser.parse("donde puedo dormir esta noche").intent)
            except BaseException as exc:  # collected: the test asserts there were none
                problems.append(exc)

    threads = [threading.Thread(target=parse_in_a_loop) for _ in range(4)]
    for thread in threads:
        thread.start()
    for i, name in enumerate(names[1:], start=1):
        change = _permuted if i % 2 else (lambda meta: None)
        _rewrite(export_file, name, change)
        _age(name, 600 - i * 10)
        threading.Event().wait(0.05)
    stop.set()
    for thread in threads:
        thread.join()
    assert problems == []
    assert answers == allowed


def _permuted_intent(export_file: Path, intent: str) -> str:
    classes = read_export_meta(export_file)["classifier"]["classes"]
    rotated = classes[1:] + classes[:1]
    return str(rotated[classes.index(intent)])


def test_background_reloading(tmp_path: Path, export_file: Path) -> None:
    shutil.copy2(export_file, tmp_path / "faro-nlu-aaaa.scorer.npz")
    _age(tmp_path / "faro-nlu-aaaa.scorer.npz", 60)
    parser = ReloadingParser.open(tmp_path, interval=0.05)
    parser.start()
    try:
        _rewrite(export_file, tmp_path / "faro-nlu-bbbb.scorer.npz", _permuted)
        for _ in range(100):
            if parser.model_path == tmp_path / "faro-nlu-bbbb.scorer.npz":
                break
            threading.Event().wait(0.05)
        assert parser.parse("donde puedo dormir esta noche").intent != "shelter"
    finally:
        parser.close()


def test_no_export_at_all_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError):
        ReloadingParser.open(tmp_path)


def test_newest_model_wins_when_several_are_present(tmp_path: Path, export_file: Path) -> None:
    reloader: ModelReloader[RasaModelScorer] = ModelReloader(
        tmp_path, SCORER_GLOB, RasaModelScorer.load, interval=0.0
    )
    shutil.copy2(export_file, tmp_path / "faro-nlu-zzzz.scorer.npz")
    _age(tmp_path / "faro-nlu-zzzz.scorer.npz", 120)
    shutil.copy2(export_file, tmp_path / "faro-nlu-aaaa.scorer.npz")
    (tmp_path / "faro-nlu-aaaa.scorer.npz.12345.tmp").write_bytes(b"a write in progress")
    reloader.open()
    assert reloader.loaded == tmp_path / "faro-nlu-aaaa.scorer.npz"


def _langid_file() -> Path:
    return LanguageClassifier.ensure_trained(MODELS_DIR)


def test_language_identifier_reloads_too(tmp_path: Path) -> None:
    source = _langid_file()
    first = tmp_path / source.name
    shutil.copy2(source, first)
    _age(first, 60)
    identifier = ReloadingLanguageIdentifier.open(tmp_path, interval=0.0)
    guess = identifier.identify("donde puedo dormir esta noche")
    assert guess is not None and guess.lang == "es"

    with np.load(source, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    meta = json.loads(str(arrays["meta"]))
    meta["classes"] = meta["classes"][1:] + meta["classes"][:1]
    arrays["meta"] = np.array(json.dumps(meta))
    with (tmp_path / "faro-langid-newer.npz").open("wb") as handle:
        np.savez_compressed(handle, **arrays)
    guess = identifier.identify("donde puedo dormir esta noche")
    assert guess is not None and guess.lang != "es"
    assert identifier.model_path == tmp_path / "faro-langid-newer.npz"


def test_language_identifier_trains_only_as_a_last_resort(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="bot.nlp.models"):
        identifier = ReloadingLanguageIdentifier.open(tmp_path)
    assert "training one now" in caplog.text
    assert [p.name for p in tmp_path.glob(LANGID_GLOB)] == [_langid_file().name]
    guess = identifier.identify("kote m ka jwenn manje")
    assert guess is not None and guess.lang == "ht"
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="bot.nlp.models"):
        ReloadingLanguageIdentifier.open(tmp_path)
    assert "training" not in caplog.text


def test_service_side_imports_no_scikit_learn_and_no_rasa(export_file: Path) -> None:
    _langid_file()
    code = (
        "import sys\n"
        "from bot.nlp.models import ReloadingLanguageIdentifier, ReloadingParser\n"
        "parser = ReloadingParser.open()\n"
        "assert parser.parse('donde puedo dormir').intent == 'shelter'\n"
        "identifier = ReloadingLanguageIdentifier.open()\n"
        "assert identifier.identify('donde puedo dormir').lang == 'es'\n"
        "heavy = ('sklearn', 'scipy', 'rasa', 'tensorflow', 'regex', 'joblib')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & set(heavy)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=PROJECT
    )
    assert result.stdout.strip() == "[]"
    # And the module alone, before anything is loaded.
    code = "import sys, bot.nlp.scorer; print('sklearn' in sys.modules or 'rasa' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=PROJECT
    )
    assert result.stdout.strip() == "False"
