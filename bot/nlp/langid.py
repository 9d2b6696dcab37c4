"""Which of Faro's five languages a message is in.

No off-the-shelf offline detector knows Haitian Creole, so Faro trains its own small
classifier (character and word n-grams, logistic regression) on the project's own
multilingual NLU training data and content. `python -m bot train` trains it (about a
second) into `nlu/models/faro-langid-<digest>.npz`, keyed by a hash of its training data;
the service only loads it (`bot.nlp.models.ReloadingLanguageIdentifier`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import yaml

from bot import PROJECT_ROOT
from bot.core.messages import LANGUAGES
from bot.core.understanding import LanguageGuess
from bot.nlp.rasa import MODELS_DIR

log = logging.getLogger(__name__)

EXAMPLES_DIR = PROJECT_ROOT / "content" / "examples"
CONTENT_DIR = PROJECT_ROOT / "content"
LANGID_PREFIX = "faro-langid-"
LANGID_GLOB = LANGID_PREFIX + "*.npz"
CONFIDENT_PROBABILITY = 0.6
# Short texts ("k onda", "ola ke ase") share letters across languages: a guess from fewer
# than SHORT_WORDS words must be surer to be taken without asking.
SHORT_WORDS = 3
SHORT_CONFIDENT_PROBABILITY = 0.9
# "Not one of ours": at least this share of letters none of the five writes (another
# script, Vietnamese marks), or fewer than this share of words ever seen in the five.
# Chosen on the development half of nlu/tests/foreign/ and the held-out questions
# (`python -m nlu.tools.foreign`; figures in nlu/reports/foreign.md).
FOREIGN_LETTERS = 0.2
KNOWN_WORDS = 0.6
# A person who already writes in one of the five is told their message is in another
# language only on plain evidence: another script, or three words and most unseen.
SURE_WORDS = 3
SURELY_KNOWN_WORDS = 0.34
_ELONGATED = re.compile(r"(\w)\1{2,}")
# Bump when the features or the model change, so a cached model is not reused.
MODEL_VERSION = "2"
CHAR_NGRAMS = (1, 4)
# Single letters count as words: Creole is full of them (m, w, l, n, y).
WORD_TOKENS = r"(?u)\b\w+\b"
_TOKENS = re.compile(WORD_TOKENS)
_WORD = re.compile(r"\w\w+", re.UNICODE)


def training_examples(
    examples_dir: Path = EXAMPLES_DIR, content_dir: Path = CONTENT_DIR
) -> list[tuple[str, str]]:
    """(text, language) pairs from `content/examples/nlu_<lang>.yml` and the answers."""
    pairs: list[tuple[str, str]] = []
    for lang in LANGUAGES:
        path = examples_dir / f"nlu_{lang}.yml"
        if path.exists():
            pairs.extend((text, lang) for text in nlu_examples(path))
    for path in sorted((content_dir / "items").glob("*.yml")):
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


def fit_pipeline(pairs: list[tuple[str, str]]) -> Any:
    """Train the scikit-learn pipeline (imported here: only training needs it)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    chars = TfidfVectorizer(
        analyzer="char_wb", ngram_range=CHAR_NGRAMS, sublinear_tf=True, lowercase=False
    )
    words = TfidfVectorizer(
        analyzer="word", token_pattern=WORD_TOKENS, sublinear_tf=True, lowercase=False
    )
    pipeline = Pipeline(
        [
            ("features", FeatureUnion([("chars", chars), ("words", words)])),
            ("model", LogisticRegression(C=10.0, max_iter=2000)),
        ]
    )
    pipeline.fit([_normalise(text) for text, _ in pairs], [lang for _, lang in pairs])
    return pipeline


@dataclass(frozen=True)
class _Vocabulary:
    """One fitted TfidfVectorizer, reduced to what scoring needs."""

    index: dict[str, int]  # feature -> its column within this vocabulary
    idf: npt.NDArray[np.float64]  # idf by that column
    start: int  # where this vocabulary's columns begin in the model's weights

    def weights(self, features: Iterable[str]) -> tuple[list[int], npt.NDArray[np.float64]]:
        """Model columns and L2-normalised sublinear tf-idf weights, as TfidfVectorizer."""
        counts: dict[int, int] = {}
        for feature in features:
            column = self.index.get(feature)
            if column is not None:
                counts[column] = counts.get(column, 0) + 1
        if not counts:
            return [], np.zeros(0)
        local = list(counts)
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        weights = (1.0 + np.log(tf)) * self.idf[local]
        weights /= np.linalg.norm(weights)
        return [column + self.start for column in local], weights


class LanguageClassifier:
    """A LanguageIdentifier: logistic regression over character and word n-grams.

    scikit-learn trains it; the service scores with the exported weights and numpy
    alone, because importing scikit-learn costs the service about 70 MB and its
    per-call checks cost more than the prediction of one short message.
    """

    def __init__(
        self,
        chars: _Vocabulary,
        words: _Vocabulary,
        coef: npt.NDArray[np.float64],
        intercept: npt.NDArray[np.float64],
        classes: list[str],
    ) -> None:
        self._chars = chars
        self._words = words
        self._coef = coef
        self._intercept = intercept
        self._classes = classes

    @classmethod
    def train(cls, pairs: list[tuple[str, str]]) -> LanguageClassifier:
        """Fit on (text, language) pairs with scikit-learn and keep the weights."""
        return cls.from_pipeline(fit_pipeline(pairs))

    @classmethod
    def from_pipeline(cls, pipeline: Any) -> LanguageClassifier:
        """Export a pipeline made by `fit_pipeline` to plain weights."""
        chars, words = (step for _, step in pipeline.named_steps["features"].transformer_list)
        model = pipeline.named_steps["model"]
        return cls(
            chars=_Vocabulary(
                {k: int(v) for k, v in chars.vocabulary_.items()},
                chars.idf_.astype(np.float64),
                start=0,
            ),
            words=_Vocabulary(
                {k: int(v) for k, v in words.vocabulary_.items()},
                words.idf_.astype(np.float64),
                start=len(chars.vocabulary_),
            ),
            coef=np.asarray(model.coef_, dtype=np.float64),
            intercept=np.asarray(model.intercept_, dtype=np.float64),
            classes=[str(c) for c in model.classes_],
        )

    @classmethod
    def ensure_trained(
        cls, models_dir: Path = MODELS_DIR, *, examples_dir: Path = EXAMPLES_DIR
    ) -> Path:
        """Train and save the identifier for the current training data unless it exists."""
        pairs = training_examples(examples_dir)
        digest = hashlib.sha256(repr((MODEL_VERSION, sorted(pairs))).encode("utf-8")).hexdigest()
        path = models_dir / f"{LANGID_PREFIX}{digest[:16]}.npz"
        if path.exists():
            return path
        log.info("Training the language identifier %s", path.name)
        classifier = cls.train(pairs)
        models_dir.mkdir(parents=True, exist_ok=True)
        classifier.save(path)
        for stale in models_dir.glob(LANGID_GLOB):
            if stale != path:
                stale.unlink(missing_ok=True)
        return path

    @classmethod
    def load_or_train(cls, cache_dir: Path = MODELS_DIR) -> LanguageClassifier:
        """Load the weights for the current training data, training them when missing."""
        return cls.load(cls.ensure_trained(cache_dir))

    def save(self, path: Path) -> None:
        """Write the weights to `path` atomically (a temporary file, then a rename)."""
        # Plain arrays and JSON: nothing that unpickles code.
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                np.savez_compressed(
                    handle,
                    coef=self._coef,
                    intercept=self._intercept,
                    char_idf=self._chars.idf,
                    word_idf=self._words.idf,
                    meta=np.array(
                        json.dumps(
                            {
                                "classes": self._classes,
                                "chars": self._chars.index,
                                "words": self._words.index,
                            }
                        )
                    ),
                )
            os.chmod(temporary, 0o644)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: Path) -> LanguageClassifier:
        """Load weights written by `save`; ValueError when the file is not such weights."""
        try:
            with np.load(path, allow_pickle=False) as data:
                meta = json.loads(str(data["meta"]))
                return cls(
                    chars=_Vocabulary(meta["chars"], data["char_idf"], start=0),
                    words=_Vocabulary(meta["words"], data["word_idf"], start=len(data["char_idf"])),
                    coef=data["coef"],
                    intercept=data["intercept"],
                    classes=list(meta["classes"]),
                )
        except FileNotFoundError:
            raise
        except Exception as exc:  # a truncated zip alone raises four different kinds
            raise ValueError(f"{path.name} is not a language identifier: {exc!r}") from exc

    def probabilities(self, text: str) -> dict[str, float]:
        """The probability of each language for `text`."""
        normalised = _normalise(text)
        char_columns, char_weights = self._chars.weights(_char_wb_ngrams(normalised))
        word_columns, word_weights = self._words.weights(_TOKENS.findall(normalised))
        scores = self._intercept.copy()
        columns = char_columns + word_columns
        if columns:
            scores += self._coef[:, columns] @ np.concatenate([char_weights, word_weights])
        exp = np.exp(scores - scores.max())
        exp /= exp.sum()
        return {lang: float(p) for lang, p in zip(self._classes, exp, strict=True)}

    def identify(self, text: str) -> LanguageGuess | None:
        """Guess the language of `text`; None when there is no word in it."""
        if not _WORD.findall(text):
            return None
        probabilities = self.probabilities(text)
        lang = max(probabilities, key=probabilities.__getitem__)
        probability = probabilities[lang]
        ours = self.looks_like_ours(text)
        short = len(_TOKENS.findall(_normalise(text))) < SHORT_WORDS
        needed = SHORT_CONFIDENT_PROBABILITY if short else CONFIDENT_PROBABILITY
        return LanguageGuess(
            lang=lang,
            probability=probability,
            confident=ours and probability >= needed,
            ours=ours,
            foreign=self.surely_foreign(text),
        )

    def known_word_share(self, text: str) -> float | None:
        """The share of the words of `text` (two letters or more) seen in Faro's languages."""
        words = [w for w in _TOKENS.findall(_normalise(text)) if len(w) > 1 and not w.isdigit()]
        if not words:
            return None
        index = self._words.index
        # "ayudaaaa", "pleeease": a cry drawn out is still a known word.
        known = sum(w in index or _ELONGATED.sub(r"\1", w) in index for w in words)
        return known / len(words)

    def looks_like_ours(self, text: str, *, known_words: float = KNOWN_WORDS) -> bool:
        """Whether `text` may be in one of Faro's languages: its letters and its words."""
        if foreign_letter_share(text) >= FOREIGN_LETTERS:
            return False
        share = self.known_word_share(text)
        return share is None or share >= known_words

    def surely_foreign(self, text: str) -> bool:
        """Whether `text` is plainly in another language: another script, or words unseen."""
        if foreign_letter_share(text) >= FOREIGN_LETTERS:
            return True
        words = _TOKENS.findall(_normalise(text))
        return len(words) >= SURE_WORDS and not self.looks_like_ours(
            text, known_words=SURELY_KNOWN_WORDS
        )


# The accents and marks Spanish, English, French, Haitian Creole and Portuguese write
# (acute, grave, circumflex, tilde, diaeresis, cedilla). A Latin letter with another mark
# (Vietnamese ư, ạ, ả; Wolof ŋ; đ) or a letter of another script is foreign to Faro.
_OUR_MARKS = frozenset("\u0300\u0301\u0302\u0303\u0308\u0327")
_OUR_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzœæß")


def foreign_letter_share(text: str) -> float:
    """The share of the letters of `text` that none of Faro's languages writes."""
    letters = 0
    foreign = 0
    for ch in unicodedata.normalize("NFC", text.lower()):
        if not ch.isalpha():
            continue
        letters += 1
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0], decomposed[1:]
        if base not in _OUR_LETTERS or any(mark not in _OUR_MARKS for mark in marks):
            foreign += 1
    return foreign / letters if letters else 0.0


_WHITESPACE = re.compile(r"\s\s+")


def _char_wb_ngrams(text: str) -> list[str]:
    """Character n-grams inside word boundaries, as scikit-learn's `char_wb` makes them."""
    grams: list[str] = []
    low, high = CHAR_NGRAMS
    for word in _WHITESPACE.sub(" ", text).split():
        padded = f" {word} "
        length = len(padded)
        for n in range(low, high + 1):
            offset = 0
            grams.append(padded[offset : offset + n])
            while offset + n < length:
                offset += 1
                grams.append(padded[offset : offset + n])
            if offset == 0:  # the word is shorter than n: one gram is all there is
                break
    return grams
