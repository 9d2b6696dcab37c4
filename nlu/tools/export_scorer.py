"""Export a Rasa NLU model archive to plain arrays that the service scores in-process.

Run with the NLU environment's Python (Rasa 3.6 lives there, the service never imports it):

    nlu/.venv/bin/python nlu/tools/export_scorer.py nlu/models/faro-nlu-<fp>.tar.gz

It loads every component of the archive's prediction graph with Rasa's own loading code
and writes `faro-nlu-<fp>.scorer.npz` beside the archive: the weights as arrays, and
everything else (component names, settings, vocabularies, the tokenizer's patterns) as
JSON; no pickles. `bot/nlp/scorer.py` reads it and refuses any pipeline it does not
implement exactly; a pipeline this tool cannot describe is written with the reason, so the
service can tell "unsupported" from "missing".

The service runs another Python (3.11, without the `regex` module) whose Unicode tables
differ from this one's, so every character class the pipeline depends on is written out
here as explicit code point ranges, computed by the very modules Rasa and scikit-learn use
(`regex`, and `re` of this Python), and checked against Rasa's own tokenizer and
scikit-learn's analyzers on the project's texts and thousands of generated odd ones.
"""

from __future__ import annotations

import argparse
import inspect
import io
import json
import os
import random
import re
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from re import Pattern
from typing import Any

import numpy as np

FORMAT = "faro-rasa-scorer"
FORMAT_VERSION = 2
NLU_DIR = Path(__file__).resolve().parent.parent

# The WhitespaceTokenizer of Rasa 3.6.21, fragment by fragment: the export checks that the
# installed Rasa still holds these exact fragments before translating them.
RASA_TOKENIZER_FRAGMENTS = (
    r"[^\w#@&]+(?=\s|$)|",
    r"(\s|^)[^\w#@&]+(?=[^0-9\s])|",
    r"(?<=[^0-9\s])[^\w._~:/?#\[\]()@!$&*+,;=-]+(?=[^0-9\s])",
)
RASA_NUMBER_PATTERN = r"\b[0-9]+\b"
# scikit-learn token patterns whose meaning is "maximal runs of at least N word characters".
TOKEN_PATTERN_MIN_RUN = {r"(?u)\b\w+\b": 1, r"(?u)\b\w\w+\b": 2}

Ranges = list[tuple[int, int]]
_ALL_CHARACTERS = "".join(map(chr, range(sys.maxunicode + 1)))
_ASTRAL = re.compile("[\\U00010000-\\U0010ffff]")


def scorer_path_for(archive: Path) -> Path:
    """Where the scorer export of `archive` is written."""
    return archive.with_name(archive.name.removesuffix(".tar.gz") + ".scorer.npz")


def character_ranges(pattern: str, module: Any) -> Ranges:
    """The code point ranges that the one-character class `pattern` matches in `module`."""
    return [(m.start(), m.end() - 1) for m in module.finditer(f"(?:{pattern})+", _ALL_CHARACTERS)]


def class_pattern(ranges: Ranges, limit: int = sys.maxunicode) -> str:
    """A `re` character class holding exactly `ranges` up to `limit`, written with escapes."""
    clipped = [(lo, min(hi, limit)) for lo, hi in ranges if lo <= limit]
    parts = [f"\\U{lo:08x}" if lo == hi else f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in clipped]
    return "[" + "".join(parts) + "]" if parts else "(?!)"


class Classes:
    """Named character classes, each written for all of Unicode and for the BMP alone.

    `re` matches a class beyond the BMP by walking its astral ranges one by one for
    every character it tries, which makes these big classes several times slower; text
    without astral characters (most messages) can use the BMP version, which is exact
    for it.
    """

    def __init__(self, **ranges: Ranges) -> None:
        self._ranges = ranges

    def patterns(self, template: str) -> dict[str, str]:
        """`template` with `{name}` filled, as {"full": ..., "bmp": ...}."""
        return {
            "full": template.format(**{k: class_pattern(r) for k, r in self._ranges.items()}),
            "bmp": template.format(
                **{k: class_pattern(r, 0xFFFF) for k, r in self._ranges.items()}
            ),
        }


def unassigned_ranges() -> Ranges:
    """Code points this Python's Unicode database does not know (category Cn)."""
    ranges: Ranges = []
    start: int | None = None
    for code in range(sys.maxunicode + 2):
        unknown = code <= sys.maxunicode and unicodedata.category(chr(code)) == "Cn"
        if unknown and start is None:
            start = code
        elif not unknown and start is not None:
            ranges.append((start, code - 1))
            start = None
    return ranges


TOKENIZER_CLASSES = {
    "word_or_kept": r"[^\w#@&]",
    "space": r"\s",
    "not_digit_space": r"[^0-9\s]",
    "not_url": r"[^\w._~:/?#\[\]()@!$&*+,;=-]",
}
# BMP characters that stand in for astral ones (see `astral_stand_ins`).
STAND_INS = {"word": "a", "other": '"'}


def tokenizer_pattern() -> str:
    """Rasa's WhitespaceTokenizer pattern for `re` on BMP text, `regex`'s classes spelt out."""
    import regex

    classes = Classes(**{k: character_ranges(v, regex) for k, v in TOKENIZER_CLASSES.items()})
    return classes.patterns(
        "{word_or_kept}+(?={space}|$)|"
        "({space}|^){word_or_kept}+(?={not_digit_space})|"
        "(?<={not_digit_space}){not_url}+(?={not_digit_space})"
    )["bmp"]


def astral_stand_ins() -> dict[str, Any]:
    r"""Astral `\w` ranges and BMP stand-ins, proven right for every astral code point."""
    # Beyond the BMP there is no space and no ASCII, so each of the tokenizer's classes
    # holds an astral character exactly when `regex`'s `\w` does not (or, for "not a
    # digit or space", always). The scorer then runs the fast BMP pattern on a copy of
    # the text whose astral characters are replaced by a BMP one of the same classes;
    # this proves that claim on every astral code point rather than on samples.
    import regex

    first = 0x10000
    word = [r for r in character_ranges(r"\w", regex) if r[1] >= first]
    word = [(max(lo, first), hi) for lo, hi in word]
    not_word, start = [], first
    for lo, hi in word:
        if lo > start:
            not_word.append((start, lo - 1))
        start = hi + 1
    if start <= sys.maxunicode:
        not_word.append((start, sys.maxunicode))
    # Per class: its astral members, and which stand-ins it must (and only they) hold.
    expected = {
        "word_or_kept": (not_word, {"other"}),
        "space": ([], set()),
        "not_digit_space": ([(first, sys.maxunicode)], {"word", "other"}),
        "not_url": (not_word, {"other"}),
    }
    for name, (ranges, holds) in expected.items():
        pattern = TOKENIZER_CLASSES[name]
        astral = [(max(lo, first), hi) for lo, hi in character_ranges(pattern, regex)]
        if [r for r in astral if r[1] >= first] != ranges:
            raise UnsupportedError(f"astral characters do not follow \\w in {pattern}")
        for role, stand_in in STAND_INS.items():
            if bool(regex.fullmatch(pattern, stand_in)) != (role in holds):
                raise UnsupportedError(f"stand-in {stand_in!r} is not right for {pattern}")
    return {"astral_word": word, "stand_ins": STAND_INS}


def python_word_classes() -> Classes:
    r"""This Python's `re` `\w` (what Rasa's number rule and scikit-learn's tokens use)."""
    return Classes(word=character_ranges(r"\w", re))


def number_pattern(word: Classes) -> dict[str, str]:
    r"""`\b[0-9]+\b` with `\w` spelt out: digit runs that touch no word character."""
    return word.patterns("(?<!{word})[0-9]+(?!{word})")


def token_pattern(sklearn_pattern: str | None, word: Classes) -> dict[str, str] | None:
    r"""scikit-learn's token pattern with `\w` spelt out, or None when not one we know."""
    if sklearn_pattern not in TOKEN_PATTERN_MIN_RUN:
        return None
    return word.patterns("{word}{{" + str(TOKEN_PATTERN_MIN_RUN[sklearn_pattern]) + ",}}")


class UnsupportedError(Exception):
    """The archive holds a pipeline this export cannot describe for the scorer."""


def _qualified(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _json_ready(value: Any) -> Any:
    """Config values as JSON (numpy scalars and tuples included)."""
    if isinstance(value, dict):
        return {str(k): _json_ready(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_ready(v) for v in value]
    if isinstance(value, np.generic):
        return value.item()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return repr(value)


def _graph_chain(schema: Any, target: str) -> list[str]:
    """Node names from the message converter to `target`, following `messages`."""
    chain = [target]
    while True:
        node = schema.nodes[chain[-1]]
        parent = node.needs.get("messages")
        if parent is None or parent not in schema.nodes:
            break
        chain.append(parent)
    return list(reversed(chain))


def load_components(archive: Path, storage_dir: Path) -> tuple[Any, list[tuple[str, Any, Any]]]:
    """Load the archive's prediction graph components as Rasa's GraphNode does."""
    from rasa.engine.graph import ExecutionContext
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource
    from rasa.utils.common import override_defaults

    storage, metadata = LocalModelStorage.from_model_archive(storage_dir, archive)
    schema = metadata.predict_schema
    components = []
    for name in _graph_chain(schema, metadata.nlu_target):
        node = schema.nodes[name]
        context = ExecutionContext(schema, metadata.model_id)
        context.node_name = name
        constructor = getattr(node.uses, node.constructor_name)
        component = constructor(
            config=override_defaults(node.uses.get_default_config(), node.config),
            model_storage=storage,
            resource=node.resource or Resource(name),
            execution_context=context,
        )
        components.append((name, node, component))
    return metadata, components


def describe(archive: Path, storage_dir: Path) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The scorer's description of `archive`: JSON metadata and arrays."""
    import rasa
    import sklearn

    metadata, components = load_components(archive, storage_dir)
    meta: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "model": archive.name,
        "model_id": metadata.model_id,
        "rasa_version": rasa.__version__,
        "sklearn_version": sklearn.__version__,
        "graph": [_qualified(node.uses) for _, node, _ in components],
        "pipeline": [node.uses.__name__ for _, node, _ in components],
        "needs": [sorted(node.needs) for _, node, _ in components],
        "unsupported": None,
    }
    try:
        arrays = _describe_components(meta, components)
    except UnsupportedError as exc:
        meta["unsupported"] = str(exc)
        arrays = {}
    return meta, arrays


def _describe_components(
    meta: dict[str, Any], components: list[tuple[str, Any, Any]]
) -> dict[str, np.ndarray]:
    from rasa.core.channels.channel import UserMessage
    from rasa.nlu.classifiers.fallback_classifier import FallbackClassifier
    from rasa.nlu.classifiers.logistic_regression_classifier import (
        LogisticRegressionClassifier,
    )
    from rasa.nlu.classifiers.regex_message_handler import RegexMessageHandler
    from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
        CountVectorsFeaturizer,
    )
    from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
    from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME, INTENT_MESSAGE_PREFIX
    from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
    from rasa.shared.nlu.constants import TEXT
    from rasa.utils.io import get_emoji_regex

    by_class: dict[type, list[Any]] = {}
    for _, _, component in components:
        by_class.setdefault(type(component), []).append(component)
    tokenizers = by_class.get(WhitespaceTokenizer, [])
    featurizers = by_class.get(CountVectorsFeaturizer, [])
    classifiers = by_class.get(LogisticRegressionClassifier, [])
    fallbacks = by_class.get(FallbackClassifier, [])
    if len(tokenizers) != 1 or not featurizers or len(classifiers) != 1:
        raise UnsupportedError(
            "not a WhitespaceTokenizer, CountVectors, LogisticRegression pipeline"
        )

    if "text.strip()" not in inspect.getsource(UserMessage.__init__):
        raise UnsupportedError("Rasa's UserMessage no longer strips the text")
    meta["message"] = {
        "strip": True,
        "intent_prefix": INTENT_MESSAGE_PREFIX,
        "intent_pattern": YAMLStoryReader._regex_message_pattern().pattern,
        "handler": RegexMessageHandler in by_class,
    }

    tokenizer = tokenizers[0]
    source = inspect.getsource(type(tokenizer).tokenize)
    if not all(fragment in source for fragment in RASA_TOKENIZER_FRAGMENTS):
        raise UnsupportedError(
            "Rasa's WhitespaceTokenizer pattern is not the one this export knows"
        )
    emoji = get_emoji_regex()
    if tokenizer.emoji_pattern.pattern != emoji.pattern:
        raise UnsupportedError("the tokenizer's emoji pattern is not Rasa's")
    word = python_word_classes()
    meta["tokenizer"] = {
        "config": _json_ready(tokenizer._config),
        "token_pattern": tokenizer._config.get("token_pattern"),
        "emoji_pattern": emoji.pattern,
        "cleanup": tokenizer_pattern(),
        **astral_stand_ins(),
    }

    described = []
    start = 0
    for featurizer in featurizers:
        vectorizer = featurizer.vectorizers.get(TEXT)
        vocabulary = getattr(vectorizer, "vocabulary_", None)
        if not vocabulary:
            raise UnsupportedError("a CountVectorsFeaturizer has no trained text vocabulary")
        terms = sorted(vocabulary, key=vocabulary.__getitem__)
        if [vocabulary[t] for t in terms] != list(range(len(terms))):
            raise UnsupportedError("a vocabulary's columns are not 0..n-1")
        described.append(
            {
                "config": _json_ready(featurizer._config),
                "rasa": {
                    "analyzer": featurizer.analyzer,
                    "lowercase": featurizer.lowercase,
                    "use_lemma": featurizer.use_lemma,
                    "use_shared_vocab": featurizer.use_shared_vocab,
                    "OOV_token": featurizer.OOV_token,
                    "number_pattern": RASA_NUMBER_PATTERN
                    if RASA_NUMBER_PATTERN in inspect.getsource(featurizer._process_tokens)
                    else None,
                },
                "vectorizer": {
                    "analyzer": vectorizer.analyzer,
                    "ngram_range": list(vectorizer.ngram_range),
                    "lowercase": vectorizer.lowercase,
                    "strip_accents": vectorizer.strip_accents,
                    "token_pattern": vectorizer.token_pattern,
                    "stop_words": vectorizer.stop_words,
                    "preprocessor": vectorizer.preprocessor,
                    "tokenizer": vectorizer.tokenizer,
                    "binary": vectorizer.binary,
                    "input": vectorizer.input,
                },
                "number_regex": number_pattern(word),
                "token_regex": token_pattern(vectorizer.token_pattern, word)
                if vectorizer.analyzer == "word"
                else None,
                "start": start,
                "vocabulary": terms,
            }
        )
        start += len(terms)
    meta["featurizers"] = _json_ready(described)

    classifier = classifiers[0]
    clf = classifier.clf
    # The same test scikit-learn's predict_proba makes between softmax and one-vs-rest.
    ovr = clf.multi_class in ["ovr", "warn"] or (
        clf.multi_class == "auto" and (clf.classes_.size <= 2 or clf.solver == "liblinear")
    )
    coef = np.asarray(clf.coef_, dtype=np.float64)
    intercept = np.broadcast_to(np.asarray(clf.intercept_, dtype=np.float64), coef.shape[:1])
    meta["classifier"] = {
        "config": _json_ready(classifier.config),
        "classes": [str(c) for c in clf.classes_],
        "multinomial": not ovr,
        "ranking_length": int(classifier.config["ranking_length"]),
        "n_features": int(coef.shape[1]),
    }
    if coef.shape[1] != start:
        raise UnsupportedError(
            f"the classifier has {coef.shape[1]} features; the vocabularies {start}"
            " (dense features in the pipeline?)"
        )
    meta["fallback"] = (
        {
            "config": _json_ready(fallbacks[0].component_config),
            "threshold": float(fallbacks[0].component_config["threshold"]),
            "ambiguity_threshold": float(fallbacks[0].component_config["ambiguity_threshold"]),
            "intent": DEFAULT_NLU_FALLBACK_INTENT_NAME,
        }
        if fallbacks
        else None
    )
    meta["unicode"] = {
        "version": unicodedata.unidata_version,
        "unassigned": unassigned_ranges(),
    }
    _check_translation(meta, tokenizer, featurizers)
    return {"coef": coef, "intercept": np.ascontiguousarray(intercept)}


def _check_translation(meta: dict[str, Any], tokenizer: Any, featurizers: Sequence[Any]) -> None:
    """Refuse the export unless the scorer's way with the patterns matches Rasa's result.

    Mirrors `bot/nlp/scorer.py`: BMP spellings for text without astral characters, full
    spellings (or stand-ins, for the tokenizer) for text with them.
    """
    from rasa.shared.nlu.constants import TEXT
    from rasa.shared.nlu.training_data.message import Message

    def spelling(spellings: dict[str, str], text: str) -> Pattern[str]:
        """The spelling the scorer picks for `text`."""
        return re.compile(spellings["full" if _ASTRAL.search(text) else "bmp"])

    checks = []
    for featurizer, described in zip(featurizers, meta["featurizers"], strict=True):
        vectorizer = featurizer.vectorizers[TEXT]
        analyze = _analyzer(vectorizer, described["token_regex"])
        checks.append((featurizer, analyze, vectorizer.build_analyzer()))
        for sample in _corpus():
            processed = featurizer._process_tokens([sample], TEXT)[0]
            ours = spelling(described["number_regex"], sample).sub("__NUMBER__", sample)
            ours = ours.lower() if featurizer.lowercase else ours
            if processed != ours:
                raise UnsupportedError(f"number rule differs on {sample!r}")

    words = _scorer_tokenizer(meta["tokenizer"])
    for text in _corpus():
        expected = [t.text for t in tokenizer.tokenize(Message({TEXT: text}), TEXT)]
        if words(text) != expected:
            raise UnsupportedError(f"translated tokenizer differs on {text!r}")
        for featurizer, analyze, reference in checks:
            document = " ".join(featurizer._process_tokens(expected, TEXT))
            if analyze(document) != reference(document):
                raise UnsupportedError(f"translated analyzer differs on {text!r}")


def _scorer_tokenizer(described: dict[str, Any]) -> Callable[[str], list[str]]:
    """The tokenizer as the scorer runs it: the BMP pattern, with stand-ins for astral."""
    cleanup = re.compile(described["cleanup"])
    emoji = re.compile(described["emoji_pattern"])
    word = re.compile(class_pattern(described["astral_word"]))
    stand_ins = described["stand_ins"]

    def words(text: str) -> list[str]:
        """Rasa's tokens of `text`, found the scorer's way."""
        shape = _ASTRAL.sub(
            lambda m: stand_ins["word"] if word.fullmatch(m.group()) else stand_ins["other"],
            text,
        )
        pieces, last = [], 0
        for match in cleanup.finditer(shape):
            pieces += [text[last : match.start()], " "]
            last = match.end()
        pieces.append(text[last:])
        found = [w for w in "".join(pieces).split() if not emoji.fullmatch(w)]
        return found or [text]

    return words


def _analyzer(
    vectorizer: Any, token_spellings: dict[str, str] | None
) -> Callable[[str], list[str]]:
    """The analyzer the scorer implements, for the checks (Python's own Unicode tables)."""
    low, high = vectorizer.ngram_range
    tokens_bmp = re.compile(token_spellings["bmp"]) if token_spellings else None
    tokens_full = re.compile(token_spellings["full"]) if token_spellings else None

    def preprocess(document: str) -> str:
        """scikit-learn's lowercasing and accent stripping."""
        if vectorizer.lowercase:
            document = document.lower()
        if vectorizer.strip_accents == "unicode" and not document.isascii():
            decomposed = unicodedata.normalize("NFKD", document)
            document = "".join(c for c in decomposed if not unicodedata.combining(c))
        return document

    def analyze(document: str) -> list[str]:
        """The n-grams scikit-learn counts for `document`."""
        document = preprocess(document)
        if vectorizer.analyzer == "word":
            token = tokens_full if _ASTRAL.search(document) else tokens_bmp
            tokens = token.findall(document) if token else []
            grams = list(tokens) if low == 1 else []
            for n in range(max(low, 2), min(high, len(tokens)) + 1):
                grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
            return grams
        grams = []
        for w in document.split():
            padded = f" {w} "
            for n in range(low, high + 1):
                grams.extend(padded[i : i + n] for i in range(max(1, len(padded) - n + 1)))
                if len(padded) <= n:
                    break
        return grams

    return analyze


_POOL = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2007\u2028\u2029\u202f\u3000"
    "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~¡¿«»–—…·"
    "áéíóúñçàèìòùâêîôûãõäëïöüÿÁÉÍÓÚÑÇßæœøıİſǅΣσςẞ"
    "\u0300\u0301\u0303\u0327\u1ab0\u20dd\u200b\u200c\u200d\ufeff\u180e\u00ad"
    "²³¹½①Ⅻªºµ‿⁀＿１２ＡＢﬁﬂﬃ٠١٣०१"
    "你好世界مرحباनमस्तेПриветשלוםสวัสดีΑλφα"
    "😀🙏🇲🇽👍🏽❤️✅✈️Ⓜ🆗🈯🫠🥹🫶\u2702\u27b0\u24c2\U0001f251\U0001f252\U0001f300"
    "\U00010570\U00010597\u0870\u1ac1\ua7c0\U0001fae0\U0001d400\U00020000"
)


def _corpus() -> list[str]:
    """Texts to check the translation on: the project's own and generated odd ones."""
    cached = getattr(_corpus, "cached", None)
    if cached is not None:
        return list(cached)
    texts = [
        "",
        " ",
        ":)",
        ":) :(",
        "hola :)",
        "10'000.00 y 3,5",
        "blabla@gmail.com",
        "https://faro.example/a?b=c&d=1#x",
        "#hashtag @user & co",
        "a-b a_b a.b a/b a:b",
        "¡¡hola!! ¿¿qué??",
        "e\u0301 n\u0303",
        "👍🏽👍🏽 ok",
        "🇲🇽",
        "‍",
    ]
    texts += _project_texts()
    rng = random.Random(20261130)  # noqa: S311 - a fixed test corpus, not a secret
    for _ in range(6000):
        length = rng.randint(1, 16)
        texts.append("".join(rng.choice(_POOL) for _ in range(length)))
    for _ in range(2000):
        texts.append(
            " ".join(
                "".join(rng.choice(_POOL) for _ in range(rng.randint(1, 5)))
                for _ in range(rng.randint(1, 4))
            )
        )
    _corpus.cached = texts  # type: ignore[attr-defined]
    return list(texts)


def _project_texts() -> list[str]:
    """Every example line of the training and held-out data next to this tool."""
    texts: list[str] = []
    for path in sorted([*NLU_DIR.glob("data/*.yml"), *NLU_DIR.glob("tests/*.yml")]):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line.startswith("- "):
                texts.append(line[2:].strip())
    return texts


def write(path: Path, meta: dict[str, Any], arrays: dict[str, np.ndarray]) -> None:
    """Write the export atomically: a temporary file in the same folder, then a rename."""
    encoded = json.dumps(meta, ensure_ascii=True, sort_keys=True).encode("ascii")
    buffer = io.BytesIO()
    # Plain arrays only: the service loads this with allow_pickle=False.
    np.savez_compressed(buffer, meta=np.frombuffer(encoded, dtype=np.uint8), **arrays)
    fd, temporary = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(buffer.getvalue())
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def export(archive: Path, out: Path | None = None) -> Path:
    """Export `archive` for the in-process scorer; return the written file."""
    target = out or scorer_path_for(archive)
    with tempfile.TemporaryDirectory(prefix="faro-export-") as storage:
        meta, arrays = describe(archive.resolve(), Path(storage))
    write(target, meta, arrays)
    return target


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", type=Path, help="a model archive written by `rasa train nlu`")
    parser.add_argument("--out", type=Path, help="default: <archive>.scorer.npz beside it")
    args = parser.parse_args(argv)
    target = export(args.archive, args.out)
    with np.load(target, allow_pickle=False) as data:
        reason = json.loads(bytes(data["meta"]).decode("ascii"))["unsupported"]
    if reason:
        print(f"{target}: pipeline not supported by the in-process scorer: {reason}")
    else:
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
