"""Cities and countries named in a message, found with spaCy's rule Matcher.

A blank multilingual spaCy pipeline gives tokenisation for all five languages offline,
and the Matcher's FUZZY operator forgives the typos people make on a phone keyboard
("tijuna", "tapachul"). Longer names win over the shorter ones inside them, so
"ciudad de mexico" is Mexico City, not the country.

Memory: spaCy keeps every new word it meets in its vocabulary (the StringStore and the
lexeme table), so in a long-running service it would grow with every distinct word people
type. Past a bounded number of new strings the pipeline is rebuilt from `places.yml`
(about 30 ms), which drops them. spaCy 3.8's `Language.memory_zone()` was measured and
not used: it made a message 2-3 times slower (every word's lexeme is made anew in each
zone, and the tokenizer cache is off) and still grew by about 20 bytes per new word
(preshed's hash tables keep a tombstone for each freed entry).
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
import yaml
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.util import filter_spans

from bot import PROJECT_ROOT
from bot.core.understanding import Entity

PLACES_FILE = PROJECT_ROOT / "content" / "places.yml"
# Short aliases ("tj", "us", "df") must match exactly; fuzzy matching them would fire
# on ordinary words.
FUZZY_MIN_LENGTH = 6
# A new string costs about 400 bytes with its lexeme (measured), so this bounds the
# growth to about 4 MB; with messages of entirely new words that means a rebuild per
# ~1,000 messages, with real ones far more rarely.
REBUILD_AFTER_NEW_STRINGS = 10_000


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class _Pipeline:
    """One spaCy vocabulary with its matcher; replaced whole when it has seen too much."""

    nlp: Language
    matcher: Matcher
    labels: dict[int, tuple[str, str]]
    strings_at_build: int

    @classmethod
    def build(cls, places: dict[str, dict[str, list[str]]]) -> _Pipeline:
        """A fresh pipeline whose vocabulary holds only the place patterns."""
        nlp = spacy.blank("xx")
        matcher = Matcher(nlp.vocab)
        labels: dict[int, tuple[str, str]] = {}
        for entity, section in (("city", places["cities"]), ("country", places["countries"])):
            for value, aliases in section.items():
                key = f"{entity}:{value}"
                matcher.add(key, [cls._pattern(nlp, alias) for alias in aliases])
                labels[nlp.vocab.strings[key]] = (entity, value)
        return cls(nlp, matcher, labels, len(nlp.vocab.strings))

    @staticmethod
    def _pattern(nlp: Language, alias: str) -> list[dict[str, Any]]:
        tokens = [t.text for t in nlp.make_doc(_fold(alias))]
        return [
            {"NORM": {"FUZZY": token}} if len(token) >= FUZZY_MIN_LENGTH else {"NORM": token}
            for token in tokens
        ]

    def new_strings(self) -> int:
        """Strings the vocabulary learnt from messages since the build."""
        return len(self.nlp.vocab.strings) - self.strings_at_build

    def extract(self, text: str) -> tuple[Entity, ...]:
        """The places in `text`; the caller must hold the extractor's lock."""
        doc = self.nlp.make_doc(text)
        for token in doc:
            token.norm_ = _fold(token.text)
        spans = []
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            span.label_ = self.nlp.vocab.strings[match_id]
            spans.append(span)
        found: list[Entity] = []
        seen: set[tuple[str, str]] = set()
        for span in sorted(filter_spans(spans), key=lambda s: s.start):
            entity, value = self.labels[span.label]
            if (entity, value) not in seen:
                seen.add((entity, value))
                found.append(Entity(entity=entity, value=value, text=span.text))
        return tuple(found)


class PlaceExtractor:
    """An EntityExtractor for Faro's cities and countries; safe to share between threads."""

    def __init__(
        self, places_file: Path = PLACES_FILE, rebuild_after: int = REBUILD_AFTER_NEW_STRINGS
    ) -> None:
        self._places: dict[str, dict[str, list[str]]] = yaml.safe_load(
            places_file.read_text(encoding="utf-8")
        )
        self._rebuild_after = rebuild_after
        # spaCy's vocabulary is not thread-safe: making a lexeme runs Python attribute
        # getters, so another thread could resize the tables halfway through.
        self._lock = threading.Lock()
        self._pipeline = _Pipeline.build(self._places)
        self._rebuilding = False
        self.rebuilds: int = 0

    @property
    def vocabulary_size(self) -> int:
        """Strings in the current vocabulary: the patterns' own plus those of recent messages."""
        with self._lock:
            return len(self._pipeline.nlp.vocab.strings)

    def extract(self, text: str) -> tuple[Entity, ...]:
        """The cities and countries named in `text`, each once, in order of appearance."""
        with self._lock:
            pipeline = self._pipeline
            found = pipeline.extract(text)
            rebuild = not self._rebuilding and pipeline.new_strings() > self._rebuild_after
            if rebuild:
                self._rebuilding = True
        if rebuild:
            self._rebuild()
        return found

    def _rebuild(self) -> None:
        # Built outside the lock on a vocabulary of its own, so other threads keep
        # extracting with the old pipeline meanwhile.
        try:
            fresh = _Pipeline.build(self._places)
            with self._lock:
                self._pipeline = fresh
                self.rebuilds += 1
        finally:
            with self._lock:
                self._rebuilding = False
