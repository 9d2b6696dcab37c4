"""What the core needs from NLU, language identification and entity extraction."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

FALLBACK_INTENT = "nlu_fallback"


@dataclass(frozen=True, slots=True)
class Parse:
    """An NLU parse: the top intent, its confidence, and the ranking below it."""

    intent: str
    confidence: float
    ranking: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """A place named in the message, normalised to Faro's keys."""

    entity: str  # "city" or "country"
    value: str  # e.g. "tijuana", "HN"
    text: str  # what the person wrote
    # The languages in which the words mean this place; None: in every language. French
    # "Mexico" is the city, in the other four languages the country.
    langs: frozenset[str] | None = None

    def holds_in(self, lang: str) -> bool:
        """Whether this reading of the words applies to a message in `lang`."""
        return self.langs is None or lang in self.langs

    def as_dict(self) -> dict[str, str]:
        """The entity as a plain JSON-ready mapping."""
        return {"entity": self.entity, "value": self.value, "text": self.text}


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The language a message is written in, and how sure we are."""

    lang: str
    probability: float
    confident: bool
    # False when the text may be in none of Faro's languages, or is too short to tell.
    ours: bool = True
    # True when it plainly is in another language (another script, most words unseen).
    foreign: bool = False


@dataclass(frozen=True, slots=True)
class Understanding:
    """What is learnt from one text before any conversation state is touched."""

    parse: Parse | None  # None when the NLU server could not be reached in time
    entities: tuple[Entity, ...] = field(default_factory=tuple)
    # A message of several parts ("asilo, y también trabajo"): each part's own parse.
    parts: tuple[Parse, ...] = ()

    def in_language(self, lang: str) -> Understanding:
        """The same, keeping only the readings of place names that hold in `lang`."""
        kept = tuple(e for e in self.entities if e.holds_in(lang))
        return self if kept == self.entities else Understanding(self.parse, kept, self.parts)


class NluUnavailableError(Exception):
    """The NLU server did not answer in time or answered with an error."""


class IntentParser(Protocol):
    """Turns text into an intent ranking (the Rasa server, or a fake in tests)."""

    def parse(self, text: str) -> Parse:
        """Parse `text`; raise NluUnavailableError when the parser cannot answer."""
        ...


class LanguageIdentifier(Protocol):
    """Tells which of Faro's languages a text is in."""

    def identify(self, text: str) -> LanguageGuess | None:
        """Guess the language of `text`, or None when it holds no words to judge."""
        ...


class EntityExtractor(Protocol):
    """Finds cities and countries in a text, and the cities near a point."""

    def extract(self, text: str) -> tuple[Entity, ...]:
        """Return the places named in `text`."""
        ...

    def cities_by_distance(self, lat: float, lon: float) -> tuple[tuple[str, float], ...]:
        """Faro's cities with their distance in km from the point, nearest first."""
        ...
