"""FAQ content: its schema and the in-memory library the core reads.

Content is data (`content/`), read and checked by `bot.content.files`, kept (with its
versions) in the database; the core only ever sees a `ContentLibrary` built from it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from bot.core.messages import LANGUAGES

TOPICS: tuple[str, ...] = (
    "asylum",
    "voluntary_return_info",
    "shelter",
    "health",
    "children",
    "work",
    "documents",
    "family",
    "emergency",
    "us_border",
)
# Answers for messages that signal danger or vulnerability. They are not menu topics: a
# person reaches them by saying what is happening, and each offers an urgent handoff.
PROTECTIVE_TOPICS: tuple[str, ...] = (
    "unaccompanied_child",
    "violence",
    "threat",
    "kidnapping",
    "medical_emergency",
    "self_harm",
    "food",
)
ANSWER_TOPICS: tuple[str, ...] = TOPICS + PROTECTIVE_TOPICS
# Intents the conversation handles itself: never the name of an answer topic. Editors may
# add topics (items) of their own under any other name; those are reached by writing, not
# from the menu, which holds the ten above (a WhatsApp list shows at most ten rows).
CONVERSATION_INTENTS: frozenset[str] = frozenset(
    {
        "voluntary_return_request",
        "talk_to_human",
        "greet",
        "goodbye",
        "thanks",
        "affirm",
        "deny",
        "menu",
        "change_language",
        "out_of_scope",
        "nlu_fallback",
    }
)
TOPIC_NAME = re.compile(r"^[a-z][a-z0-9_]{1,47}$")
CITIES: tuple[str, ...] = ("tijuana", "mexicali", "tapachula", "mexico_city", "tecun_uman")
COUNTRIES: tuple[str, ...] = ("MX", "GT", "HN", "SV")
# Cities of the directory, with their own names (as people and signs write them) and
# their country. The first five are where people ask from; the others are where the
# sources place a service.
CITY_NAMES: Mapping[str, str] = {
    "tijuana": "Tijuana",
    "mexicali": "Mexicali",
    "tapachula": "Tapachula",
    "mexico_city": "Ciudad de México",
    "tecun_uman": "Tecún Umán",
    "guatemala_city": "Ciudad de Guatemala",
    "la_lima": "La Lima",
}
CITY_COUNTRIES: Mapping[str, str] = {
    "tijuana": "MX",
    "mexicali": "MX",
    "tapachula": "MX",
    "mexico_city": "MX",
    "tecun_uman": "GT",
    "guatemala_city": "GT",
    "la_lima": "HN",
}
SERVICE_KINDS: tuple[str, ...] = (
    "return_registration",
    "asylum",
    "child_protection",
    "shelter",
    "reception_centre",
    "jobs",
    "health",
    "food",
)
AUDIENCES: tuple[str, ...] = (
    "everyone",
    "families",
    "women",
    "unaccompanied_children",
    "lgbti",
    "asylum_seekers",
    "returnees",
)
MAX_SERVICE_OFFERS_CHARS = 160

# Phone-screen limits. A WhatsApp interactive body holds 1,024 characters and a button
# title 20, a list row title 24 and its description 72; Telegram allows more, so these
# bind every channel.
MAX_ANSWER_CHARS = 1000
MAX_TITLE_CHARS = 20
MAX_SUMMARY_CHARS = 72
CHANNEL_TEXT_LIMITS: Mapping[str, int] = {"telegram": 4096, "whatsapp": 1024, "web": 4096}

# Answers are written in this language first; the others are its translations.
SOURCE_LANGUAGE = "es"
TRANSLATION_STATUSES: tuple[str, ...] = ("source", "reviewed", "needs_review")

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Translatable(BaseModel):
    """A text written in the source language first; a translation may still be missing.

    One field per language code (`es: ...`, `ht: ...`): Spanish is required, the others
    are any of the configured languages (FARO_LANGUAGES), each a non-empty text.
    """

    model_config = ConfigDict(extra="allow")
    es: NonEmpty
    __pydantic_extra__: dict[str, NonEmpty]

    @model_validator(mode="after")
    def _known_languages(self) -> Translatable:
        unknown = sorted(set(self.__pydantic_extra__ or {}) - set(LANGUAGES))
        if unknown:
            raise ValueError(
                f"{', '.join(unknown)}: not one of the languages ({', '.join(LANGUAGES)})"
            )
        return self

    def own(self, lang: str) -> str | None:
        """The text written in `lang`, or None while it is not translated."""
        if lang == SOURCE_LANGUAGE:
            return str(self.es)
        text = (self.__pydantic_extra__ or {}).get(lang)
        return None if text is None else str(text)

    def get(self, lang: str) -> str:
        """The text in `lang`, or the source-language text while it is not translated."""
        return self.own(lang) or str(self.es)


SOURCE_DATE = r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$"


class SourceEntry(BaseModel):
    """One entry of `sources.yml`: a document facts come from, with its own date."""

    model_config = ConfigDict(extra="forbid")
    name: NonEmpty
    # The source's own date (`YYYY-MM`, or `YYYY-MM-DD`), not the day it was read.
    date: Annotated[str, StringConstraints(pattern=SOURCE_DATE)]
    ref: NonEmpty
    # What the person sees, in their language: short, before the date.
    short: Translatable


class SourcesFile(BaseModel):
    """The schema of `sources.yml`."""

    model_config = ConfigDict(extra="forbid")
    sources: dict[str, SourceEntry] = Field(min_length=1)


class TopicFile(BaseModel):
    """The schema of one topic file (`items/<topic>.yml`)."""

    model_config = ConfigDict(extra="forbid")
    topic: NonEmpty
    countries: list[str] = Field(min_length=1)
    review_by: dt.date
    # Set only when a person checked the facts in the studio (who is in the audit log).
    verified_on: dt.date | None = None
    sources: list[str] = Field(min_length=1)
    title: Translatable
    summary: Translatable
    answer: Translatable
    cities: dict[str, Translatable] = Field(default_factory=dict)
    # Per translated language, the fingerprint of the source-language text it was last
    # checked against (in the studio): when the source changes, the translation needs review.
    translations: dict[str, str] = Field(default_factory=dict)

    def source_fingerprint(self) -> str:
        """A short hash of the source-language title, summary and answer."""
        text = "\n".join(
            part.get(SOURCE_LANGUAGE) for part in (self.title, self.summary, self.answer)
        )
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]

    def is_translated(self, lang: str) -> bool:
        """True when the title, summary and answer are written in `lang`."""
        return all(part.own(lang) is not None for part in (self.title, self.summary, self.answer))

    def translation_status(self, lang: str) -> str:
        """`source`; `missing` (some text not written in `lang`); `reviewed`; `needs_review`.

        A translation needs review when no editor checked it beside the source, or when the
        source changed after they did.
        """
        if lang == SOURCE_LANGUAGE:
            return "source"
        if not self.is_translated(lang) or any(
            texts.own(lang) is None for texts in self.cities.values()
        ):
            return "missing"
        return (
            "reviewed"
            if self.translations.get(lang) == self.source_fingerprint()
            else "needs_review"
        )

    @model_validator(mode="after")
    def _check_values(self) -> TopicFile:
        if not TOPIC_NAME.match(self.topic):
            raise ValueError(
                f"topic {self.topic!r}: lower-case letters, digits and _, starting with a letter"
            )
        if self.topic in CONVERSATION_INTENTS:
            raise ValueError(f"topic {self.topic!r} is a conversation intent, not a topic")
        unknown = sorted(set(self.countries) - set(COUNTRIES))
        if unknown:
            raise ValueError(f"countries: unknown {unknown}; allowed {list(COUNTRIES)}")
        bad_cities = sorted(set(self.cities) - set(CITIES))
        if bad_cities:
            raise ValueError(f"cities: unknown {bad_cities}; allowed {list(CITIES)}")
        if len(set(self.sources)) != len(self.sources):
            raise ValueError("sources: a source is named twice")
        return self


class Coordinates(BaseModel):
    """A point, only where a source gives it."""

    model_config = ConfigDict(extra="forbid")
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


class ServiceEntry(BaseModel):
    """One entry of `services.yml`: a place a person can go to, as far as its sources say."""

    model_config = ConfigDict(extra="forbid")
    name: NonEmpty
    kind: str
    city: str
    country: str
    serves: list[str] = Field(min_length=1)
    topics: list[str] = Field(min_length=1)  # the answers that list it
    offers: Translatable
    sources: list[str] = Field(min_length=1)
    # Only where a source gives them; absent, the bot says only the city is known.
    coordinates: Coordinates | None = None
    phone: Annotated[str, StringConstraints(pattern=r"^\+?[0-9 ]{3,20}$")] | None = None
    hours: Translatable | None = None
    # As for topics: per translated language, the fingerprint of the source text it was
    # checked against in the studio.
    translations: dict[str, str] = Field(default_factory=dict)

    def source_fingerprint(self) -> str:
        """A short hash of what the service offers, in the source language."""
        text = self.offers.get(SOURCE_LANGUAGE)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]

    def translation_status(self, lang: str) -> str:
        """`source`, `missing`, `reviewed` or `needs_review`, as for a topic."""
        if lang == SOURCE_LANGUAGE:
            return "source"
        if self.offers.own(lang) is None:
            return "missing"
        if self.translations.get(lang) == self.source_fingerprint():
            return "reviewed"
        return "needs_review"

    @model_validator(mode="after")
    def _check_values(self) -> ServiceEntry:
        if self.kind not in SERVICE_KINDS:
            raise ValueError(f"kind: {self.kind!r} is not one of {', '.join(SERVICE_KINDS)}")
        if self.city not in CITY_NAMES:
            raise ValueError(f"city: {self.city!r} is not one of {', '.join(CITY_NAMES)}")
        if CITY_COUNTRIES[self.city] != self.country:
            raise ValueError(f"country: {self.city} is in {CITY_COUNTRIES[self.city]}")
        unknown = sorted(set(self.serves) - set(AUDIENCES))
        if unknown:
            raise ValueError(f"serves: unknown {unknown}; allowed {list(AUDIENCES)}")
        topics = sorted(t for t in self.topics if not TOPIC_NAME.match(t))
        if topics:
            raise ValueError(f"topics: not topic names {topics}")
        for lang in LANGUAGES:
            if len(self.offers.get(lang)) > MAX_SERVICE_OFFERS_CHARS:
                raise ValueError(f"offers.{lang}: longer than {MAX_SERVICE_OFFERS_CHARS}")
        return self


class ServicesFile(BaseModel):
    """The schema of `services.yml`."""

    model_config = ConfigDict(extra="forbid")
    services: dict[str, ServiceEntry] = Field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Service:
    """A service in one language, ready to list."""

    key: str
    lang: str
    name: str
    kind: str
    city: str
    topics: tuple[str, ...]
    offers: str
    sources: tuple[SourceNote, ...]
    coordinates: tuple[float, float] | None = None
    phone: str | None = None
    hours: str | None = None
    # What it offers is not yet translated into `lang`: the source-language text stands.
    untranslated: bool = False


@dataclass(frozen=True, slots=True)
class SourceNote:
    """A source as the person sees it: a short name in their language and its own date."""

    short: str
    date: str  # YYYY-MM or YYYY-MM-DD

    @property
    def month(self) -> dt.date:
        """The first day of the source's month (what the footer shows)."""
        year, month = self.date.split("-")[:2]
        return dt.date(int(year), int(month), 1)


@dataclass(frozen=True, slots=True)
class Answer:
    """A topic's answer in one language, ready to send."""

    topic: str
    lang: str
    title: str
    summary: str
    text: str
    city_texts: Mapping[str, str]
    sources: tuple[SourceNote, ...]
    review_by: dt.date
    verified_on: dt.date | None = None
    # Not yet translated into `lang`: the texts are the source language's, and the person
    # is told so above them.
    untranslated: bool = False

    def is_current(self, today: dt.date) -> bool:
        """False once the answer is past its review date (it must not be sent)."""
        return today <= self.review_by

    def text_for(self, city: str | None) -> str:
        """The answer, with the city paragraph appended when there is one for `city`."""
        extra = self.city_texts.get(city) if city else None
        return f"{self.text}\n\n{extra}" if extra else self.text


class ContentLibrary:
    """Every answer, keyed by topic and language, and the directory of services."""

    def __init__(self, answers: Iterable[Answer], services: Iterable[Service] = ()) -> None:
        self._answers = {(a.topic, a.lang): a for a in answers}
        self._services: dict[str, list[Service]] = {}
        for service in services:
            self._services.setdefault(service.lang, []).append(service)

    def services(self, lang: str, *, topic: str, city: str | None = None) -> list[Service]:
        """The services listed under `topic` (in `city` when given), in `lang`."""
        return [
            s
            for s in self._services.get(lang, ())
            if topic in s.topics and (city is None or s.city == city)
        ]

    def services_in(self, lang: str, city: str) -> list[Service]:
        """Every service in `city`, whatever its topic, in `lang`."""
        return [s for s in self._services.get(lang, ()) if s.city == city]

    def service_cities(self, lang: str, topic: str) -> list[str]:
        """The cities with at least one service for `topic`, in directory order."""
        found = {s.city for s in self._services.get(lang, ()) if topic in s.topics}
        return [city for city in CITY_NAMES if city in found]

    def get(self, topic: str, lang: str) -> Answer | None:
        """The answer to `topic` in `lang`, if the library has one."""
        return self._answers.get((topic, lang))

    def has_topic(self, topic: str) -> bool:
        """True when `topic` has an answer: a built-in topic or an item staff added."""
        return any(key == topic for key, _ in self._answers)

    def topics(self) -> list[str]:
        """Menu topics present, in the canonical order."""
        present = {topic for topic, _ in self._answers}
        return [t for t in TOPICS if t in present]

    def __len__(self) -> int:
        return len(self._answers)


def answers_from_topic(topic_file: TopicFile, sources: Mapping[str, SourceEntry]) -> list[Answer]:
    """Split one validated topic file into one Answer per language."""
    return [_answer_in(topic_file, sources, lang) for lang in LANGUAGES]


def _answer_in(topic_file: TopicFile, sources: Mapping[str, SourceEntry], lang: str) -> Answer:
    # Untranslated, the person gets the source-language answer (told so) rather than none;
    # its city paragraphs follow it in the same language, never mixed.
    written = lang if topic_file.answer.own(lang) is not None else SOURCE_LANGUAGE
    return Answer(
        topic=topic_file.topic,
        lang=lang,
        title=topic_file.title.get(lang),
        summary=topic_file.summary.get(lang),
        text=topic_file.answer.get(written).strip(),
        city_texts={
            city: text.strip()
            for city, texts in topic_file.cities.items()
            if (text := texts.own(written)) is not None
        },
        sources=tuple(
            SourceNote(sources[key].short.get(lang), sources[key].date)
            for key in topic_file.sources
        ),
        review_by=topic_file.review_by,
        verified_on=topic_file.verified_on,
        untranslated=written != lang,
    )


def services_from_entries(
    entries: Mapping[str, ServiceEntry], sources: Mapping[str, SourceEntry]
) -> list[Service]:
    """Every service in every language, in the order of the directory."""
    return [
        Service(
            key=key,
            lang=lang,
            name=entry.name,
            kind=entry.kind,
            city=entry.city,
            topics=tuple(entry.topics),
            offers=entry.offers.get(lang),
            untranslated=entry.offers.own(lang) is None,
            sources=tuple(
                SourceNote(sources[s].short.get(lang), sources[s].date) for s in entry.sources
            ),
            coordinates=(entry.coordinates.lat, entry.coordinates.lon)
            if entry.coordinates
            else None,
            phone=entry.phone,
            hours=entry.hours.get(lang) if entry.hours else None,
        )
        for key, entry in entries.items()
        for lang in LANGUAGES
    ]
