"""The Rasa-trained NLU model, scored in the service's own process with numpy alone.

`rasa train nlu` writes the model; `nlu/tools/export_scorer.py` (run in the NLU
environment by `train()`) reads it with Rasa's own loading code and writes the weights,
vocabularies and settings beside it as `faro-nlu-<fp>.scorer.npz`. `RasaModelScorer`
reproduces what Rasa's `/model/parse` answers for exactly one pipeline:

    WhitespaceTokenizer, CountVectorsFeaturizer (word), CountVectorsFeaturizer (char_wb),
    LogisticRegressionClassifier, FallbackClassifier

(plus the message converter and `RegexMessageHandler` Rasa adds to every NLU graph).
Any other pipeline is refused with `UnsupportedPipelineError`, and the service then
asks Rasa's own server instead. `tests/nlp/test_scorer.py` holds the scorer to the real
server within 1e-6 on every held-out message and on odd inputs.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

import numpy as np
import numpy.typing as npt

from bot.core.understanding import NluUnavailableError, Parse

FORMAT = "faro-rasa-scorer"
FORMAT_VERSION = 2
SCORER_SUFFIX = ".scorer.npz"
SCORER_GLOB = "faro-nlu-*" + SCORER_SUFFIX

_CONVERTER = "rasa.graph_components.converters.nlu_message_converter.NLUMessageConverter"
_TOKENIZER = "rasa.nlu.tokenizers.whitespace_tokenizer.WhitespaceTokenizer"
_COUNT_VECTORS = (
    "rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer.CountVectorsFeaturizer"
)
_LOGISTIC_REGRESSION = (
    "rasa.nlu.classifiers.logistic_regression_classifier.LogisticRegressionClassifier"
)
_FALLBACK = "rasa.nlu.classifiers.fallback_classifier.FallbackClassifier"
_REGEX_HANDLER = "rasa.nlu.classifiers.regex_message_handler.RegexMessageHandler"
# The prediction graph this module implements, node by node, in the order Rasa runs it.
SUPPORTED_GRAPH = (
    _CONVERTER,
    _TOKENIZER,
    _COUNT_VECTORS,
    _COUNT_VECTORS,
    _LOGISTIC_REGRESSION,
    _FALLBACK,
    _REGEX_HANDLER,
)
_NUMBER_FEATURE = "__NUMBER__"
_WORD_CACHE_SIZE = 4096
_DIGIT = re.compile("[0-9]")
_ASTRAL = re.compile("[\\U00010000-\\U0010ffff]")
_RASA_NUMBER_PATTERN = r"\b[0-9]+\b"


class ModelExportError(Exception):
    """The exported model cannot be scored in-process (use the Rasa server instead)."""


class UnsupportedPipelineError(ModelExportError):
    """The model's pipeline is not exactly the one this scorer implements."""


class ModelNotFoundError(ModelExportError, FileNotFoundError):
    """There is no exported model to load."""


def scorer_path_for(archive: Path) -> Path:
    """Where the export of the model archive `archive` lives."""
    return archive.with_name(archive.name.removesuffix(".tar.gz") + SCORER_SUFFIX)


def read_export_meta(path: Path) -> dict[str, Any]:
    """The JSON part of an export (settings, vocabularies), without the weights."""
    try:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(bytes(data["meta"]).decode("ascii"))
    except FileNotFoundError as exc:
        raise ModelNotFoundError(str(path)) from exc
    except Exception as exc:  # a truncated zip alone raises four different kinds
        raise ModelExportError(f"{path.name} is not a readable export: {exc!r}") from exc
    if not isinstance(meta, dict):
        raise ModelExportError(f"{path.name} is not a readable export")
    return meta


def _has_astral(text: str) -> bool:
    return not text.isascii() and _ASTRAL.search(text) is not None


class _Regex:
    """One exported pattern in two spellings: for all of Unicode, and for the BMP alone.

    `re` checks a character against a class's ranges beyond the BMP one by one, which
    makes the exported classes (hundreds of astral ranges) several times slower; the BMP
    spelling is exact for text without astral characters, that is most messages.
    """

    __slots__ = ("_bmp", "_full")

    def __init__(self, spellings: dict[str, str]) -> None:
        self._bmp = re.compile(spellings["bmp"])
        self._full = re.compile(spellings["full"])

    def pick(self, astral: bool) -> re.Pattern[str]:
        """The spelling to use on text with (or without) astral characters."""
        return self._full if astral else self._bmp


class _Unicode:
    """Lowercasing and accent stripping as the exporter's Python (Rasa's) does them.

    Rasa runs on Python 3.10 (Unicode 13) and the service on a newer Python. The only
    characters whose case, decomposition or combining class differ between the two
    (checked for 13.0 against 14.0) are those Unicode 13 had not assigned yet; to the
    older Python they are inert. So text is cut around them and only the pieces
    between them go through `str.lower` and NFKD: neither looks across an inert
    character (it is neither cased nor case-ignorable, and a starter for NFKD).
    """

    def __init__(self, version: str, unassigned: Sequence[Sequence[int]]) -> None:
        self._inert: _Regex | None = None
        if version != unicodedata.unidata_version:
            self._inert = _Regex(
                {
                    "full": f"({_class_pattern(unassigned)}+)",
                    "bmp": f"({_class_pattern(unassigned, 0xFFFF)}+)",
                }
            )

    def has_inert(self, text: str, astral: bool) -> bool:
        """Whether `text` holds characters the exporter's Unicode database did not know."""
        if self._inert is None or text.isascii():
            return False
        if self._inert.pick(False).search(text) is not None:
            return True
        # The few astral characters one by one, not the whole text against astral ranges.
        full = self._inert.pick(True)
        return astral and any(full.match(c) for c in _ASTRAL.findall(text))

    def lower(self, text: str, inert: bool) -> str:
        """`text.lower()` as the exporter's Python computes it."""
        if not inert:
            return text.lower()
        return self._apply(text, str.lower)

    def strip_accents(self, text: str, inert: bool) -> str:
        """scikit-learn's `strip_accents_unicode` as the exporter's Python computes it."""
        if text.isascii():
            return text
        if not inert:
            return _strip_accents(text)
        return self._apply(text, _strip_accents)

    def _apply(self, text: str, function: Callable[[str], str]) -> str:
        assert self._inert is not None
        parts = self._inert.pick(True).split(text)
        parts[0::2] = [function(part) for part in parts[0::2]]
        return "".join(parts)


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join([c for c in decomposed if not unicodedata.combining(c)])


def _class_pattern(ranges: Sequence[Sequence[int]], limit: int = 0x10FFFF) -> str:
    clipped = [(lo, min(hi, limit)) for lo, hi in ranges if lo <= limit]
    parts = [f"\\U{lo:08x}" if lo == hi else f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in clipped]
    return "[" + "".join(parts) + "]" if parts else "(?!)"


class _Featurizer:
    """One CountVectorsFeaturizer: Rasa's token processing, then scikit-learn's analyzer.

    It adds its share of the classifier's scores (count x weight column, summed) rather
    than building the count vector, which is the same sum without the zeros.
    """

    def __init__(self, described: dict[str, Any], weights: npt.NDArray[np.float64]) -> None:
        vectorizer = described["vectorizer"]
        start = int(described["start"])
        self.lowercase_tokens = bool(described["rasa"]["lowercase"])
        self.lowercase = bool(vectorizer["lowercase"])
        self.strip_accents = vectorizer["strip_accents"] == "unicode"
        self.words = vectorizer["analyzer"] == "word"
        low, high = (int(n) for n in vectorizer["ngram_range"])
        self.ngram_range = (low, high)
        self.number = _Regex(described["number_regex"])
        self.token = _Regex(described["token_regex"]) if described["token_regex"] else None
        # n-gram -> its row of the classifier's weights (features x classes)
        self.rows = {term: start + i for i, term in enumerate(described["vocabulary"])}
        self._weights = weights
        # char_wb n-grams never cross a space, so each word's share of the scores can be
        # kept; messages reuse few words. Bounded by clearing: a miss only costs time.
        self._word_scores: dict[str, npt.NDArray[np.float64] | None] = {}

    @property
    def settings(self) -> tuple[bool, bool, bool]:
        """What decides the document: two featurizers with equal settings share it."""
        return (self.lowercase_tokens, self.lowercase, self.strip_accents)

    def document(self, tokens: Sequence[str], unicode: _Unicode, inert: bool, astral: bool) -> str:
        """The text scikit-learn's analyzer tokenizes: Rasa's tokens, processed and joined."""
        processed = list(tokens)
        if any(_DIGIT.search(token) for token in tokens):
            number = self.number.pick(astral)
            processed = [number.sub(_NUMBER_FEATURE, token) for token in processed]
        if self.lowercase_tokens:
            processed = [unicode.lower(token, inert) for token in processed]
        document = " ".join(processed)
        if self.lowercase:
            document = unicode.lower(document, inert)
        if self.strip_accents:
            document = unicode.strip_accents(document, inert)
        return document

    def scores(self, document: str, into: list[npt.NDArray[np.float64]]) -> None:
        """Append this featurizer's contributions to the class scores of `document`."""
        if self.words:
            self._add(self._word_grams(document), into)
            return
        cache = self._word_scores
        for word in document.split():
            # One lookup, not `in` then `[]`: another thread may clear the cache between.
            try:
                found = cache[word]
            except KeyError:
                found = self._sum(self._char_grams(word))
                if len(cache) >= _WORD_CACHE_SIZE:
                    cache.clear()
                cache[word] = found
            if found is not None:
                into.append(found)

    def _word_grams(self, document: str) -> list[str]:
        assert self.token is not None
        tokens: list[str] = self.token.pick(_has_astral(document)).findall(document)
        low, high = self.ngram_range
        grams = list(tokens) if low == 1 else []
        for n in range(max(low, 2), min(high, len(tokens)) + 1):
            grams += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
        return grams

    def _char_grams(self, word: str) -> list[str]:
        padded = f" {word} "
        length = len(padded)
        grams: list[str] = []
        for n in range(self.ngram_range[0], self.ngram_range[1] + 1):
            if length <= n:  # a word shorter than n gives one gram, and longer n none
                grams.append(padded)
                break
            grams += [padded[i : i + n] for i in range(length - n + 1)]
        return grams

    def _sum(self, grams: list[str]) -> npt.NDArray[np.float64] | None:
        get = self.rows.get
        rows = [row for row in map(get, grams) if row is not None]
        if not rows:
            return None
        # A repeated row counts twice, as the count vector would weigh it.
        total: npt.NDArray[np.float64] = self._weights.take(rows, axis=0).sum(axis=0)
        total.flags.writeable = False
        return total

    def _add(self, grams: list[str], into: list[npt.NDArray[np.float64]]) -> None:
        found = self._sum(grams)
        if found is not None:
            into.append(found)


class RasaModelScorer:
    """An IntentParser that scores an exported Rasa model exactly as `/model/parse` does."""

    def __init__(
        self,
        *,
        name: str,
        meta: dict[str, Any],
        coef: npt.NDArray[np.float64],
        intercept: npt.NDArray[np.float64],
    ) -> None:
        _check_supported(meta, coef, intercept)
        self.name = name
        tokenizer = meta["tokenizer"]
        message = meta["message"]
        fallback = meta["fallback"]
        classifier = meta["classifier"]
        self._cleanup = re.compile(tokenizer["cleanup"])
        self._astral_word = re.compile(_class_pattern(tokenizer["astral_word"]))
        self._stand_in_word: str = tokenizer["stand_ins"]["word"]
        self._stand_in_other: str = tokenizer["stand_ins"]["other"]
        self._emoji = re.compile(tokenizer["emoji_pattern"])
        self._prefix: str = message["intent_prefix"]
        self._hardcoded = re.compile(message["intent_pattern"])
        self._unicode = _Unicode(meta["unicode"]["version"], meta["unicode"]["unassigned"])
        self._classes: tuple[str, ...] = tuple(classifier["classes"])
        self._ranking_length: int = classifier["ranking_length"]
        self._fallback_intent: str = fallback["intent"]
        self._threshold: float = fallback["threshold"]
        self._ambiguity: float = fallback["ambiguity_threshold"]
        # One row per feature: a parse gathers a few dozen contiguous rows.
        weights = np.ascontiguousarray(coef.T)
        self._featurizers = tuple(_Featurizer(f, weights) for f in meta["featurizers"])
        self._intercept = np.ascontiguousarray(intercept)

    @classmethod
    def load(cls, path: Path) -> RasaModelScorer:
        """Load an export; UnsupportedPipelineError unless its pipeline is the one scored here."""
        try:
            with np.load(path, allow_pickle=False) as data:
                meta = json.loads(bytes(data["meta"]).decode("ascii"))
                coef = np.asarray(data["coef"], dtype=np.float64) if "coef" in data else None
                intercept = (
                    np.asarray(data["intercept"], dtype=np.float64) if "intercept" in data else None
                )
        except FileNotFoundError as exc:
            raise ModelNotFoundError(str(path)) from exc
        except Exception as exc:  # a truncated zip alone raises four different kinds
            raise ModelExportError(f"{path.name} is not a readable export: {exc!r}") from exc
        if not isinstance(meta, dict):
            raise ModelExportError(f"{path.name} is not a readable export")
        if meta.get("unsupported"):
            raise UnsupportedPipelineError(f"{path.name}: {meta['unsupported']}")
        if coef is None or intercept is None:
            raise UnsupportedPipelineError(f"{path.name} holds no classifier weights")
        try:
            return cls(name=path.name, meta=meta, coef=coef, intercept=intercept)
        except UnsupportedPipelineError as exc:
            raise UnsupportedPipelineError(f"{path.name}: {exc}") from exc
        except (KeyError, TypeError, ValueError, re.error) as exc:
            raise ModelExportError(f"{path.name} is not a readable export: {exc!r}") from exc

    def parse(self, text: str) -> Parse:
        """Parse `text` as Rasa's `/model/parse` would, and shape it as RasaHttpParser does."""
        # Rasa's UserMessage strips the text before anything else sees it.
        text = text.strip()
        if text.startswith(self._prefix):
            hardcoded = self._parse_hardcoded(text)
            if hardcoded is not None:
                return hardcoded
        probabilities = self._probabilities(text)
        # Rasa's own sort: stable, so ties keep the classifier's class order.
        order = sorted(range(len(probabilities)), key=lambda i: -probabilities[i])
        top = order[0]
        if self._ranking_length > 0:
            order = order[: self._ranking_length]
        ranking = [(self._classes[i], probabilities[i]) for i in order]
        intent, confidence = self._classes[top], probabilities[top]
        if self._should_fallback(confidence, ranking):
            intent, confidence = self._fallback_intent, self._threshold
            ranking.insert(0, (intent, confidence))
        return Parse(intent=intent, confidence=confidence, ranking=tuple(ranking))

    def probabilities(self, text: str) -> dict[str, float]:
        """The classifier's probability of each intent for `text` (before the fallback)."""
        return dict(zip(self._classes, self._probabilities(text.strip()), strict=True))

    def _probabilities(self, text: str) -> list[float]:
        astral = _has_astral(text)
        tokens = self._tokens(text, astral)
        inert = self._unicode.has_inert(text, astral)
        parts: list[npt.NDArray[np.float64]] = [self._intercept]
        documents: dict[tuple[bool, bool, bool], str] = {}
        for featurizer in self._featurizers:
            document = documents.get(featurizer.settings)
            if document is None:
                document = featurizer.document(tokens, self._unicode, inert, astral)
                documents[featurizer.settings] = document
            featurizer.scores(document, parts)
        scores = parts[0].copy()
        for part in parts[1:]:
            scores += part
        # scikit-learn's softmax, on 20 numbers: plain Python is quicker than numpy here.
        values: list[float] = scores.tolist()
        top = max(values)
        exps = [math.exp(value - top) for value in values]
        total = sum(exps)
        return [value / total for value in exps]

    def tokens(self, text: str) -> list[str]:
        """Rasa's WhitespaceTokenizer: words without their outer punctuation, emoji dropped."""
        return self._tokens(text, _has_astral(text))

    def _tokens(self, text: str, astral: bool) -> list[str]:
        cleaned = self._cleanup_astral(text) if astral else self._cleanup.sub(" ", text)
        words = [word for word in cleaned.split() if not self._emoji.fullmatch(word)]
        # Rasa keeps the whole text as one token when nothing is left, e.g. for ":)".
        return words or [text]

    def _cleanup_astral(self, text: str) -> str:
        """The tokenizer's substitution on text with astral characters, at BMP speed.

        Beyond the BMP, whether a character is in each of the tokenizer's classes
        depends only on whether it is a word character (the export proves this for
        every astral code point), so matching a copy whose astral characters are
        replaced by a BMP stand-in of the same kind finds the same spans.
        """
        shape = _ASTRAL.sub(self._stand_in, text)
        pieces: list[str] = []
        last = 0
        for match in self._cleanup.finditer(shape):
            pieces += (text[last : match.start()], " ")
            last = match.end()
        pieces.append(text[last:])
        return "".join(pieces)

    def _stand_in(self, match: re.Match[str]) -> str:
        if self._astral_word.fullmatch(match.group()):
            return self._stand_in_word
        return self._stand_in_other

    @property
    def classes(self) -> tuple[str, ...]:
        """The intents the classifier knows, in its column order."""
        return self._classes

    def _should_fallback(self, confidence: float, ranking: list[tuple[str, float]]) -> bool:
        if confidence < self._threshold:
            return True
        if len(ranking) >= 2:
            return ranking[0][1] - ranking[1][1] < self._ambiguity
        return False

    def _parse_hardcoded(self, text: str) -> Parse | None:
        """Rasa's RegexMessageHandler: "/intent@0.7{...}" names its intent itself."""
        match = self._hardcoded.match(text)
        if match is None:
            return None
        # An NLU-only model has no domain, so Rasa takes any name as given.
        name = match.group("name").strip()
        confidence = _hardcoded_confidence(match.group("confidence"))
        if not name:
            # Rasa answers an empty intent name, which RasaHttpParser refuses.
            raise NluUnavailableError("no intent in the answer (is a model loaded?)")
        return Parse(intent=name, confidence=confidence, ranking=((name, confidence),))


def _hardcoded_confidence(written: str | None) -> float:
    """The confidence of "/intent@0.7" as Rasa reads it: 1.0 if absent, 0.0 if unreadable."""
    if written is None:
        return 1.0
    try:
        confidence = float(written.strip()[1:])
    except ValueError:
        return 0.0
    return min(1.0, confidence)


def _check_supported(
    meta: dict[str, Any], coef: npt.NDArray[np.float64], intercept: npt.NDArray[np.float64]
) -> None:
    """Raise UnsupportedPipelineError unless `meta` describes exactly what this module scores."""

    def refuse(reason: str) -> NoReturn:
        """Stop here: the export describes something else."""
        raise UnsupportedPipelineError(reason)

    if meta.get("format") != FORMAT or meta.get("format_version") != FORMAT_VERSION:
        refuse(f"export format {meta.get('format')!r} v{meta.get('format_version')!r}")
    graph = tuple(meta.get("graph") or ())
    if graph != SUPPORTED_GRAPH:
        pipeline = ", ".join(name.rsplit(".", 1)[-1] for name in graph[1:-1])
        refuse(f"pipeline [{pipeline}] is not the one the in-process scorer implements")
    if meta["needs"] != [["messages"]] * len(SUPPORTED_GRAPH):
        refuse("a component needs more than the messages (a domain?)")
    message = meta["message"]
    if message.get("strip") is not True or message.get("handler") is not True:
        refuse("message handling differs")
    tokenizer = meta["tokenizer"]
    if tokenizer.get("token_pattern") or not tokenizer.get("cleanup"):
        refuse("WhitespaceTokenizer with a token_pattern")
    stand_ins = tokenizer.get("stand_ins") or {}
    if "astral_word" not in tokenizer or not all(
        isinstance(stand_ins.get(k), str) and len(stand_ins[k]) == 1 for k in ("word", "other")
    ):
        refuse("no astral stand-ins for the tokenizer")
    featurizers = meta["featurizers"]
    for featurizer in featurizers:
        rasa, vectorizer = featurizer["rasa"], featurizer["vectorizer"]
        analyzer = vectorizer["analyzer"]
        low, high = vectorizer["ngram_range"]
        if analyzer not in ("word", "char_wb") or rasa["analyzer"] != analyzer:
            refuse(f"CountVectorsFeaturizer analyzer {analyzer!r}")
        if not (isinstance(low, int) and isinstance(high, int) and 1 <= low <= high):
            refuse(f"CountVectorsFeaturizer n-gram range {low}-{high}")
        if rasa["use_shared_vocab"] or rasa["OOV_token"] is not None:
            refuse("CountVectorsFeaturizer with a shared vocabulary or an OOV token")
        if rasa["number_pattern"] != _RASA_NUMBER_PATTERN:
            refuse("CountVectorsFeaturizer's number rule differs")
        if vectorizer["strip_accents"] not in (None, "unicode"):
            refuse(f"CountVectorsFeaturizer strip_accents {vectorizer['strip_accents']!r}")
        if rasa["lowercase"] is not vectorizer["lowercase"] or not isinstance(
            vectorizer["lowercase"], bool
        ):
            refuse("CountVectorsFeaturizer lowercase setting")
        if (
            vectorizer["stop_words"] is not None
            or vectorizer["preprocessor"] is not None
            or vectorizer["tokenizer"] is not None
            or vectorizer["binary"] is not False
            or vectorizer["input"] != "content"
        ):
            refuse("CountVectorizer with stop words, a custom analyzer step or binary counts")
        if analyzer == "word" and not featurizer["token_regex"]:
            refuse(f"CountVectorizer token pattern {vectorizer['token_pattern']!r}")
    classifier = meta["classifier"]
    classes = classifier["classes"]
    if classifier["multinomial"] is not True or len(classes) < 3:
        refuse("logistic regression that is not multinomial")
    n_features = sum(len(f["vocabulary"]) for f in featurizers)
    if coef.shape != (len(classes), n_features) or intercept.shape != (len(classes),):
        refuse(f"weights of shape {coef.shape} for {len(classes)} classes, {n_features} features")
    if not (np.isfinite(coef).all() and np.isfinite(intercept).all()):
        refuse("weights that are not finite")
    ranking_length = classifier["ranking_length"]
    if not isinstance(ranking_length, int) or ranking_length < 0:
        refuse(f"ranking_length {ranking_length!r}")
    fallback = meta["fallback"]
    if fallback is None or not all(
        isinstance(fallback[k], float) for k in ("threshold", "ambiguity_threshold")
    ):
        refuse("no FallbackClassifier thresholds")
