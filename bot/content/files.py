"""A content directory: reading and checking its files, and writing them back (export).

The layout is the git-friendly form of what the database holds:

- `sources.yml`: every source, with its own date and a short name per language;
- `items/<topic>.yml`: one answer topic each, naming its sources by key;
- `services.yml`: the directory of services by city, each naming its sources;
- `examples/nlu_<lang>.yml`: the example questions of every intent, the NLU training data,
  in Rasa's own format;
- `places.yml`: the place names Faro recognises (read by `bot.nlp.places`).

Every problem is reported with its file and field, all at once, so a staff member fixes
them in one pass; nothing is loaded while any remains.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from bot.content.examples import Examples, read_examples, write_examples
from bot.core.content import (
    ANSWER_TOPICS,
    CHANNEL_TEXT_LIMITS,
    MAX_ANSWER_CHARS,
    MAX_SUMMARY_CHARS,
    MAX_TITLE_CHARS,
    ContentLibrary,
    ServiceEntry,
    ServicesFile,
    SourceEntry,
    SourcesFile,
    TopicFile,
    answers_from_topic,
    services_from_entries,
)
from bot.core.footer import with_footer
from bot.core.i18n import Translator
from bot.core.messages import LANGUAGES

ITEMS_DIR = "items"
EXAMPLES_DIR = "examples"
SOURCES_FILE = "sources.yml"
SERVICES_FILE = "services.yml"

M = TypeVar("M", bound=BaseModel)


class ContentError(Exception):
    """Content is invalid; the message lists every problem, each naming file and field."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


@dataclass(frozen=True, slots=True)
class ContentBundle:
    """A whole, checked set of content: the sources and the topics that cite them."""

    sources: Mapping[str, SourceEntry]
    topics: Sequence[TopicFile] = field(default_factory=tuple)
    services: Mapping[str, ServiceEntry] = field(default_factory=dict)
    examples: Examples = field(default_factory=dict)

    def library(self) -> ContentLibrary:
        """Every answer and service in every language, for the core."""
        return ContentLibrary(
            (answer for topic in self.topics for answer in answers_from_topic(topic, self.sources)),
            services_from_entries(self.services, self.sources),
        )


def read_bundle(directory: Path, translator: Translator | None = None) -> ContentBundle:
    """Read and check a content directory; ContentError lists every problem found."""
    problems: list[str] = []
    sources = _read_sources(directory / SOURCES_FILE, problems)
    topics: list[TopicFile] = []
    for path in sorted((directory / ITEMS_DIR).glob("*.yml")):
        topic = _read_model(path, TopicFile, problems)
        if topic is None:
            continue
        if topic.topic != path.stem:
            problems.append(f"{ITEMS_DIR}/{path.name}: topic: {topic.topic!r} must match the name")
            continue
        topics.append(topic)
    services_file = _read_model(directory / SERVICES_FILE, ServicesFile, problems)
    services = dict(services_file.services) if services_file else {}
    examples = read_examples(directory / EXAMPLES_DIR, problems, EXAMPLES_DIR)
    present = {topic.topic for topic in topics}
    for topic_name in ANSWER_TOPICS:
        named = f"{ITEMS_DIR}/{topic_name}.yml"
        if topic_name not in present and not any(p.startswith(named) for p in problems):
            problems.append(f"{named}: missing (every topic needs a file)")
    bundle = ContentBundle(
        sources=sources, topics=tuple(topics), services=services, examples=examples
    )
    # A topic whose file did not read is still a topic: its services are not orphans.
    item_files = {path.stem for path in (directory / ITEMS_DIR).glob("*.yml")}
    problems.extend(bundle_problems(bundle, translator or Translator(), topic_names=item_files))
    if problems:
        raise ContentError(problems)
    return bundle


def bundle_problems(
    bundle: ContentBundle, translator: Translator, topic_names: Iterable[str] = ()
) -> list[str]:
    """What breaks the rules across files: unknown sources, texts too long for a phone."""
    problems: list[str] = []
    for topic in bundle.topics:
        where = f"{ITEMS_DIR}/{topic.topic}.yml"
        unknown = [key for key in topic.sources if key not in bundle.sources]
        if unknown:
            problems.append(f"{where}: sources: {unknown} are not in {SOURCES_FILE}")
            continue
        problems.extend(f"{where}: {p}" for p in _length_problems(topic, bundle, translator))
    for topic in bundle.topics:
        # A topic the model cannot recognise is an answer nobody reaches by writing: every
        # language it is written in needs example questions (the source language always).
        for lang in LANGUAGES:
            if topic.answer.own(lang) is None:
                continue
            if not bundle.examples.get(topic.topic, {}).get(lang):
                where = f"{EXAMPLES_DIR}/nlu_{lang}.yml"
                problems.append(f"{where}: {topic.topic}: no example questions")
    problems.extend(_example_clashes(bundle.examples))
    known = {topic.topic for topic in bundle.topics} | set(topic_names)
    for key, service in bundle.services.items():
        unknown = [s for s in service.sources if s not in bundle.sources]
        if unknown:
            problems.append(
                f"{SERVICES_FILE}: services.{key}.sources: {unknown} are not in {SOURCES_FILE}"
            )
        missing = [t for t in service.topics if t not in known]
        if missing:
            problems.append(f"{SERVICES_FILE}: services.{key}.topics: {missing} are not topics")
    return problems


def _example_clashes(examples: Examples) -> Iterable[str]:
    """The same question taught as two intents: the model cannot learn both."""
    for lang in LANGUAGES:
        seen: dict[str, str] = {}
        for intent, by_lang in examples.items():
            for text in by_lang.get(lang, ()):
                key = " ".join(text.casefold().split())
                first = seen.setdefault(key, intent)
                if first != intent:
                    yield (
                        f"{EXAMPLES_DIR}/nlu_{lang}.yml: {intent}: {text!r} is also an example"
                        f" of {first}"
                    )


def _length_problems(
    topic: TopicFile, bundle: ContentBundle, translator: Translator
) -> Iterable[str]:
    answers = {a.lang: a for a in answers_from_topic(topic, bundle.sources)}
    for lang in LANGUAGES:
        answer = answers[lang]
        if len(answer.title) > MAX_TITLE_CHARS:
            yield f"title.{lang}: {len(answer.title)} characters, at most {MAX_TITLE_CHARS}"
        if len(answer.summary) > MAX_SUMMARY_CHARS:
            yield f"summary.{lang}: {len(answer.summary)} characters, at most {MAX_SUMMARY_CHARS}"
        _ = translator.gettext_for(lang)
        # What is measured is what is sent: the body, a city paragraph, and the footer.
        bodies = {f"answer.{lang}": with_footer(answer.text, answer, _)}
        for city in answer.city_texts:
            bodies[f"cities.{city}.{lang}"] = with_footer(answer.text_for(city), answer, _)
        for field_name, body in bodies.items():
            if len(body) > MAX_ANSWER_CHARS:
                yield (
                    f"{field_name}: {len(body)} characters with the sources line, "
                    f"at most {MAX_ANSWER_CHARS}"
                )
            for channel, limit in CHANNEL_TEXT_LIMITS.items():
                if len(body) > limit:
                    yield f"{field_name}: too long for {channel} ({len(body)} > {limit})"


def _read_sources(path: Path, problems: list[str]) -> dict[str, SourceEntry]:
    sources_file = _read_model(path, SourcesFile, problems)
    return dict(sources_file.sources) if sources_file else {}


def _read_model(path: Path, model: type[M], problems: list[str]) -> M | None:
    name = path.name if path.parent.name != ITEMS_DIR else f"{ITEMS_DIR}/{path.name}"
    if not path.exists():
        problems.append(f"{name}: missing")
        return None
    try:
        raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        problems.append(f"{name}: not valid YAML: {exc}")
        return None
    if not isinstance(raw, dict):
        problems.append(f"{name}: must be a mapping of fields")
        return None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems.extend(
            f"{name}: {'.'.join(str(p) for p in err['loc']) or '(file)'}: {err['msg']}"
            for err in exc.errors()
        )
        return None


def write_bundle(bundle: ContentBundle, directory: Path) -> None:
    """Write `bundle` as a content directory, in a canonical form (export)."""
    (directory / ITEMS_DIR).mkdir(parents=True, exist_ok=True)
    sources = SourcesFile(sources=dict(bundle.sources))
    (directory / SOURCES_FILE).write_text(dump_yaml(document_of(sources)), encoding="utf-8")
    for topic in bundle.topics:
        path = directory / ITEMS_DIR / f"{topic.topic}.yml"
        path.write_text(dump_yaml(document_of(topic)), encoding="utf-8")
    services = ServicesFile(services=dict(bundle.services))
    (directory / SERVICES_FILE).write_text(dump_yaml(document_of(services)), encoding="utf-8")
    write_examples(bundle.examples, directory / EXAMPLES_DIR)


def document_of(model: BaseModel) -> dict[str, Any]:
    """A model as the plain data stored and exported: defaults (no cities, unverified) left out."""
    return model.model_dump(mode="json", exclude_defaults=True)


class _Dumper(yaml.SafeDumper):
    """Block style, multi-line text as literal blocks: readable and diff-friendly."""


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_text)


def dump_yaml(data: Mapping[str, Any]) -> str:
    """`data` as canonical YAML: keys in their given order, Unicode as is, no line wrapping."""
    return yaml.dump(
        dict(data),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=10_000,
    )
