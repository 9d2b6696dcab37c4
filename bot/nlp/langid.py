"""Which of Faro's five languages a message is in.

No off-the-shelf offline detector knows Haitian Creole, so Faro trains its own small
classifier (character and word n-grams, logistic regression) on the project's own
multilingual NLU training data and content. It trains in about a second and is cached
on disk, keyed by a hash of its training data.
"""

from __future__ import annotations

import hashlib
import pickle
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import sklearn
import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from bot import PROJECT_ROOT
from bot.core.messages import LANGUAGES
from bot.core.understanding import LanguageGuess

NLU_DATA_DIR = PROJECT_ROOT / "nlu" / "data"
CONTENT_DIR = PROJECT_ROOT / "content"
CACHE_DIR = PROJECT_ROOT / "var" / "models"
CONFIDENT_PROBABILITY = 0.6
# Bump when the features or the model change, so a cached model is not reused.
MODEL_VERSION = "1"
# Single letters count as words: Creole is full of them (m, w, l, n, y).
WORD_TOKENS = r"(?u)\b\w+\b"
_WORD = re.compile(r"\w\w+", re.UNICODE)


def training_examples(
    nlu_dir: Path = NLU_DATA_DIR, content_dir: Path = CONTENT_DIR
) -> list[tuple[str, str]]:
    """(text, language) pairs from `nlu/data/nlu_<lang>.yml` and the content answers."""
    pairs: list[tuple[str, str]] = []
    for lang in LANGUAGES:
        path = nlu_dir / f"nlu_{lang}.yml"
        if path.exists():
            pairs.extend((text, lang) for text in nlu_examples(path))
    for path in sorted(content_dir.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key in ("answer", "title", "summary"):
            for lang, text in (data.get(key) or {}).items():
                if lang in LANGUAGES and isinstance(text, str):
                    pairs.extend((chunk, lang) for chunk in _chunks(text))
    return pairs


def nlu_examples(path: Path) -> list[str]:
    """The example lines of a Rasa NLU YAML file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    examples: list[str] = []
    for block in data.get("nlu", []):
        for line in str(block.get("examples", "")).splitlines():
            line = line.strip()
            if line.startswith("- "):
                examples.append(line[2:].strip())
    return examples


def _chunks(text: str) -> Iterable[str]:
    for sentence in re.split(r"(?<=[.!?:])\s+|\n+", text):
        if len(sentence.split()) >= 2:
            yield sentence.strip()


def _normalise(text: str) -> str:
    # People often drop accents; training and prediction both see text without them.
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class LanguageClassifier:
    """A LanguageIdentifier backed by a scikit-learn pipeline."""

    def __init__(self, pipeline: Pipeline) -> None:
        self._pipeline = pipeline
        self._classes: list[str] = [str(c) for c in pipeline.classes_]

    @classmethod
    def train(cls, pairs: list[tuple[str, str]]) -> LanguageClassifier:
        """Fit a classifier on (text, language) pairs."""
        features = FeatureUnion(
            [
                (
                    "chars",
                    TfidfVectorizer(
                        analyzer="char_wb", ngram_range=(1, 4), sublinear_tf=True, min_df=1
                    ),
                ),
                (
                    "words",
                    TfidfVectorizer(analyzer="word", token_pattern=WORD_TOKENS, sublinear_tf=True),
                ),
            ]
        )
        pipeline = Pipeline(
            [
                ("features", features),
                ("model", LogisticRegression(C=10.0, max_iter=2000)),
            ]
        )
        texts = [_normalise(text) for text, _ in pairs]
        labels = [lang for _, lang in pairs]
        pipeline.fit(texts, labels)
        return cls(pipeline)

    @classmethod
    def load_or_train(cls, cache_dir: Path = CACHE_DIR) -> LanguageClassifier:
        """Load the cached model for the current training data, training it when missing."""
        pairs = training_examples()
        digest = hashlib.sha256(repr((MODEL_VERSION, sorted(pairs))).encode("utf-8")).hexdigest()[
            :16
        ]
        path = cache_dir / f"langid-{digest}.pickle"
        if path.exists():
            with path.open("rb") as handle:
                pipeline = pickle.load(handle)  # noqa: S301 - our own file, written below
            return cls(pipeline)
        classifier = cls.train(pairs)
        cache_dir.mkdir(parents=True, exist_ok=True)
        for stale in cache_dir.glob("langid-*.pickle"):
            stale.unlink(missing_ok=True)
        temporary = path.with_suffix(".tmp")
        with temporary.open("wb") as handle:
            pickle.dump(classifier._pipeline, handle)
        temporary.replace(path)
        return classifier

    def identify(self, text: str) -> LanguageGuess | None:
        """Guess the language of `text`; None when there is no word in it."""
        words = _WORD.findall(text)
        if not words:
            return None
        # The inputs are our own strings: skip scikit-learn's per-call validation, which
        # costs more than the prediction itself for one short message.
        with sklearn.config_context(assume_finite=True, skip_parameter_validation=True):
            probabilities = self._pipeline.predict_proba([_normalise(text)])[0]
        best = int(probabilities.argmax())
        probability = float(probabilities[best])
        return LanguageGuess(
            lang=self._classes[best],
            probability=probability,
            confident=probability >= CONFIDENT_PROBABILITY,
        )
