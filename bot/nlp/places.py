"""Cities and countries named in a message, found with spaCy's rule Matcher.

A blank multilingual spaCy pipeline gives tokenisation for all five languages offline,
and the Matcher's FUZZY operator forgives the typos people make on a phone keyboard
("tijuna", "tapachul"). Longer names win over the shorter ones inside them, so
"ciudad de mexico" is Mexico City, not the country.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import spacy
import yaml
from spacy.matcher import Matcher
from spacy.util import filter_spans

from bot import PROJECT_ROOT
from bot.core.understanding import Entity

PLACES_FILE = PROJECT_ROOT / "content" / "places.yml"
# Short aliases ("tj", "us", "df") must match exactly; fuzzy matching them would fire
# on ordinary words.
FUZZY_MIN_LENGTH = 6


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class PlaceExtractor:
    """An EntityExtractor for Faro's cities and countries."""

    def __init__(self, places_file: Path = PLACES_FILE) -> None:
        data: dict[str, dict[str, list[str]]] = yaml.safe_load(
            places_file.read_text(encoding="utf-8")
        )
        self._nlp = spacy.blank("xx")
        self._matcher = Matcher(self._nlp.vocab)
        self._labels: dict[int, tuple[str, str]] = {}
        for entity, places in (("city", data["cities"]), ("country", data["countries"])):
            for value, aliases in places.items():
                key = f"{entity}:{value}"
                patterns = [self._pattern(alias) for alias in aliases]
                self._matcher.add(key, patterns)
                self._labels[self._nlp.vocab.strings[key]] = (entity, value)

    def _pattern(self, alias: str) -> list[dict[str, Any]]:
        tokens = [t.text for t in self._nlp.make_doc(_fold(alias))]
        return [
            {"NORM": {"FUZZY": token}} if len(token) >= FUZZY_MIN_LENGTH else {"NORM": token}
            for token in tokens
        ]

    def extract(self, text: str) -> tuple[Entity, ...]:
        """The cities and countries named in `text`, each once, in order of appearance."""
        doc = self._nlp.make_doc(text)
        for token in doc:
            token.norm_ = _fold(token.text)
        spans = []
        for match_id, start, end in self._matcher(doc):
            span = doc[start:end]
            span.label_ = self._nlp.vocab.strings[match_id]
            spans.append(span)
        found: list[Entity] = []
        seen: set[tuple[str, str]] = set()
        for span in sorted(filter_spans(spans), key=lambda s: s.start):
            entity, value = self._labels[span.label]
            if (entity, value) not in seen:
                seen.add((entity, value))
                found.append(Entity(entity=entity, value=value, text=span.text))
        return tuple(found)
