"""FAQ content: its schema, validation of the YAML files, and the in-memory library the core reads.

Content is data (`content/*.yml`), loaded into the database by `python -m bot content load`;
the core only ever sees a `ContentLibrary` built from it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
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
CITIES: tuple[str, ...] = ("tijuana", "mexicali", "tapachula", "mexico_city", "tecun_uman")
COUNTRIES: tuple[str, ...] = ("MX", "GT", "HN", "SV")

# Phone-screen limits. A WhatsApp interactive body holds 1,024 characters and a button
# title 20, a list row title 24 and its description 72; Telegram allows more, so these
# bind every channel.
MAX_ANSWER_CHARS = 1000
MAX_TITLE_CHARS = 20
MAX_SUMMARY_CHARS = 72
CHANNEL_TEXT_LIMITS: Mapping[str, int] = {"telegram": 4096, "whatsapp": 1024, "web": 4096}

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Source(BaseModel):
    """Where a fact comes from."""

    model_config = ConfigDict(extra="forbid")
    name: NonEmpty
    ref: NonEmpty


class PerLanguage(BaseModel):
    """One text in every launch language."""

    model_config = ConfigDict(extra="forbid")
    es: NonEmpty
    en: NonEmpty
    fr: NonEmpty
    ht: NonEmpty
    pt: NonEmpty

    def get(self, lang: str) -> str:
        """The text in `lang`."""
        return str(getattr(self, lang))


class TopicFile(BaseModel):
    """The schema of one `content/<topic>.yml` file."""

    model_config = ConfigDict(extra="forbid")
    topic: NonEmpty
    countries: list[str] = Field(min_length=1)
    last_verified: dt.date
    review_by: dt.date
    sources: list[Source] = Field(min_length=1)
    title: PerLanguage
    summary: PerLanguage
    answer: PerLanguage
    cities: dict[str, PerLanguage] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _check_values(self) -> TopicFile:
        if self.topic not in ANSWER_TOPICS:
            raise ValueError(f"topic {self.topic!r} is not one of {', '.join(ANSWER_TOPICS)}")
        unknown = sorted(set(self.countries) - set(COUNTRIES))
        if unknown:
            raise ValueError(f"countries: unknown {unknown}; allowed {list(COUNTRIES)}")
        bad_cities = sorted(set(self.cities) - set(CITIES))
        if bad_cities:
            raise ValueError(f"cities: unknown {bad_cities}; allowed {list(CITIES)}")
        if self.review_by <= self.last_verified:
            raise ValueError("review_by must come after last_verified")
        return self


@dataclass(frozen=True, slots=True)
class Answer:
    """A topic's answer in one language, ready to send."""

    topic: str
    lang: str
    title: str
    summary: str
    text: str
    city_texts: Mapping[str, str]
    sources: tuple[str, ...]
    last_verified: dt.date
    review_by: dt.date

    def is_current(self, today: dt.date) -> bool:
        """False once the answer is past its review date (it must not be sent)."""
        return today <= self.review_by

    def text_for(self, city: str | None) -> str:
        """The answer, with the city paragraph appended when there is one for `city`."""
        extra = self.city_texts.get(city) if city else None
        return f"{self.text}\n\n{extra}" if extra else self.text


class ContentLibrary:
    """Every answer, keyed by topic and language."""

    def __init__(self, answers: Iterable[Answer]) -> None:
        self._answers = {(a.topic, a.lang): a for a in answers}

    def get(self, topic: str, lang: str) -> Answer | None:
        """The answer to `topic` in `lang`, if the library has one."""
        return self._answers.get((topic, lang))

    def topics(self) -> list[str]:
        """Topics present, in the canonical order."""
        present = {topic for topic, _ in self._answers}
        return [t for t in TOPICS if t in present]

    def __len__(self) -> int:
        return len(self._answers)


def answers_from_topic(topic_file: TopicFile) -> list[Answer]:
    """Split one validated topic file into one Answer per language."""
    sources = tuple(f"{s.name} ({s.ref})" for s in topic_file.sources)
    return [
        Answer(
            topic=topic_file.topic,
            lang=lang,
            title=topic_file.title.get(lang),
            summary=topic_file.summary.get(lang),
            text=topic_file.answer.get(lang).strip(),
            city_texts={city: texts.get(lang).strip() for city, texts in topic_file.cities.items()},
            sources=sources,
            last_verified=topic_file.last_verified,
            review_by=topic_file.review_by,
        )
        for lang in LANGUAGES
    ]


class ContentError(Exception):
    """A content file is invalid; the message names the file and field."""


def load_topic_file(path: Path) -> TopicFile:
    """Read and validate one topic file, raising ContentError naming file and field."""
    try:
        raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ContentError(f"{path.name}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise ContentError(f"{path.name}: must be a mapping of fields")
    try:
        topic_file = TopicFile.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '(file)'}: {err['msg']}"
            for err in exc.errors()
        )
        raise ContentError(f"{path.name}: {problems}") from exc
    if topic_file.topic != path.stem:
        raise ContentError(f"{path.name}: topic: {topic_file.topic!r} must match the file name")
    too_long = list(_length_problems(topic_file))
    if too_long:
        raise ContentError(f"{path.name}: " + "; ".join(too_long))
    return topic_file


def _length_problems(topic_file: TopicFile) -> Iterable[str]:
    for lang in LANGUAGES:
        title = topic_file.title.get(lang)
        if len(title) > MAX_TITLE_CHARS:
            yield f"title.{lang}: {len(title)} characters, at most {MAX_TITLE_CHARS}"
        summary = topic_file.summary.get(lang)
        if len(summary) > MAX_SUMMARY_CHARS:
            yield f"summary.{lang}: {len(summary)} characters, at most {MAX_SUMMARY_CHARS}"
        answer = topic_file.answer.get(lang).strip()
        bodies = {f"answer.{lang}": answer}
        for city, texts in topic_file.cities.items():
            bodies[f"cities.{city}.{lang}"] = f"{answer}\n\n{texts.get(lang).strip()}"
        for field_name, body in bodies.items():
            if len(body) > MAX_ANSWER_CHARS:
                yield f"{field_name}: {len(body)} characters, at most {MAX_ANSWER_CHARS}"
            for channel, limit in CHANNEL_TEXT_LIMITS.items():
                if len(body) > limit:
                    yield f"{field_name}: too long for {channel} ({len(body)} > {limit})"


def validate_directory(directory: Path) -> tuple[list[TopicFile], list[str]]:
    """Validate every topic file in `directory`; return the good ones and the problems."""
    good: list[TopicFile] = []
    problems: list[str] = []
    seen: set[str] = set()
    for path in sorted(directory.glob("*.yml")):
        if path.stem not in ANSWER_TOPICS:
            continue  # non-topic data files (places.yml) have their own loaders
        try:
            topic_file = load_topic_file(path)
        except ContentError as exc:
            problems.append(str(exc))
            continue
        good.append(topic_file)
        seen.add(topic_file.topic)
    for topic in ANSWER_TOPICS:
        if topic not in seen and not any(p.startswith(f"{topic}.yml") for p in problems):
            problems.append(f"{topic}.yml: missing (every topic needs a file)")
    return good, problems
