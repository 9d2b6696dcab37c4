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

import math
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
import yaml
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from bot import PROJECT_ROOT
from bot.core.messages import LANGUAGES
from bot.core.understanding import Entity

PLACES_FILE = PROJECT_ROOT / "content" / "places.yml"
# Short aliases ("tj", "us", "df") must match exactly; fuzzy matching them would fire
# on ordinary words.
FUZZY_MIN_LENGTH = 6
# A new string costs about 400 bytes with its lexeme (measured), so this bounds the
# growth to about 4 MB; with messages of entirely new words that means a rebuild per
# ~1,000 messages, with real ones far more rarely.
REBUILD_AFTER_NEW_STRINGS = 10_000


EARTH_RADIUS_KM = 6371.0


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The distance between two points on the Earth, in km (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True, slots=True)
class _Reading:
    """What a matched alias means, and in which languages it means that."""

    entity: str
    value: str
    langs: frozenset[str] | None
    language_specific: bool


@dataclass(frozen=True)
class _Pipeline:
    """One spaCy vocabulary with its matcher; replaced whole when it has seen too much."""

    nlp: Language
    matcher: Matcher
    labels: dict[int, _Reading]
    strings_at_build: int
    name_aliases: frozenset[str]  # aliases that are also first names ("salvador")
    name_markers: frozenset[str]  # words after which such an alias is the place

    @classmethod
    def build(cls, places: dict[str, Any]) -> _Pipeline:
        """A fresh pipeline whose vocabulary holds only the place patterns."""
        nlp = spacy.blank("xx")
        matcher = Matcher(nlp.vocab)
        labels: dict[int, _Reading] = {}
        overridden: dict[str, set[str]] = {}  # folded alias -> languages that read it otherwise
        readings: list[tuple[str, str, str, str | None]] = []
        for lang, sections in (places.get("in_language") or {}).items():
            for entity, section in (("city", sections.get("cities")), ("country", None)):
                for value, aliases in (section or {}).items():
                    for alias in aliases:
                        readings.append((entity, value, alias, lang))
                        overridden.setdefault(_fold(alias), set()).add(lang)
        for entity, section in (("city", places["cities"]), ("country", places["countries"])):
            for value, aliases in section.items():
                readings.extend((entity, value, alias, None) for alias in aliases)
        patterns: dict[str, list[list[dict[str, Any]]]] = {}
        for entity, value, alias, lang in readings:
            folded = _fold(alias)
            if lang is not None:
                langs: frozenset[str] | None = frozenset({lang})
            elif folded in overridden:
                langs = frozenset(LANGUAGES) - overridden[folded]
            else:
                langs = None
            key = f"{entity}:{value}:{folded}:{lang or ''}"
            patterns.setdefault(key, []).append(cls._pattern(nlp, alias))
            labels[nlp.vocab.strings[key]] = _Reading(entity, value, langs, lang is not None)
        for key, alternatives in patterns.items():
            matcher.add(key, alternatives)
        names = places.get("also_names") or {}
        return cls(
            nlp,
            matcher,
            labels,
            len(nlp.vocab.strings),
            frozenset(_fold(str(a)) for a in names.get("aliases", ())),
            frozenset(_fold(str(a)) for a in names.get("after", ())),
        )

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
        general: list[Span] = []
        specific: list[Span] = []
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            span.label_ = self.nlp.vocab.strings[match_id]
            if self._name_not_place(doc, start, end):
                continue
            (specific if self.labels[match_id].language_specific else general).append(span)
        kept = filter_spans(general)
        # A language's own reading is kept beside the general one, unless the words are
        # inside a longer name ("ciudad de mexico").
        longer = [(s.start, s.end) for s in kept]
        kept += [
            span
            for span in filter_spans(specific)
            if not any(a <= span.start and span.end <= b and b - a > len(span) for a, b in longer)
        ]
        found: list[Entity] = []
        seen: set[tuple[str, str, frozenset[str] | None]] = set()
        for span in sorted(kept, key=lambda s: s.start):
            reading = self.labels[span.label]
            if (reading.entity, reading.value, reading.langs) not in seen:
                seen.add((reading.entity, reading.value, reading.langs))
                found.append(
                    Entity(reading.entity, reading.value, text=span.text, langs=reading.langs)
                )
        return tuple(found)

    def _name_not_place(self, doc: Doc, start: int, end: int) -> bool:
        """A lone alias that is also a first name, with no word before it that makes it a place."""
        if end - start != 1 or doc[start].norm_ not in self.name_aliases:
            return False
        return start == 0 or doc[start - 1].norm_ not in self.name_markers


class PlaceExtractor:
    """An EntityExtractor for Faro's cities and countries; safe to share between threads."""

    def __init__(
        self, places_file: Path = PLACES_FILE, rebuild_after: int = REBUILD_AFTER_NEW_STRINGS
    ) -> None:
        self._places: dict[str, Any] = yaml.safe_load(places_file.read_text(encoding="utf-8"))
        self._rebuild_after = rebuild_after
        # spaCy's vocabulary is not thread-safe: making a lexeme runs Python attribute
        # getters, so another thread could resize the tables halfway through.
        self._lock = threading.Lock()
        self._pipeline = _Pipeline.build(self._places)
        self._rebuilding = False
        self.rebuilds: int = 0

    def cities_by_distance(self, lat: float, lon: float) -> tuple[tuple[str, float], ...]:
        """Faro's cities with their distance in km from the point, nearest first."""
        centres = self._places.get("centres") or {}
        ranked = sorted(
            (great_circle_km(lat, lon, float(c[0]), float(c[1])), city)
            for city, c in centres.items()
        )
        return tuple((city, km) for km, city in ranked)

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
