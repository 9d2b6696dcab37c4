"""Example questions, the NLU training data: per intent and language, in Rasa's YAML.

Examples are content like the answers: staff add them in the studio (an unanswered
question turned into an example) and a publish trains the model on them. On disk they keep
Rasa's own format, one file per language (`nlu_<lang>.yml`), so Rasa trains on an export
directly.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from bot.core.messages import DEFAULT_LANGUAGE as SOURCE_LANGUAGE
from bot.core.messages import LANGUAGES

RASA_FORMAT_VERSION = "3.1"
INTENT_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
MAX_EXAMPLE_CHARS = 500

# intent -> language -> the examples, in their order
Examples = Mapping[str, Mapping[str, tuple[str, ...]]]


TRAINING_FILES = "nlu_{lang}.yml"


def examples_file(directory: Path, lang: str) -> Path:
    """Where the examples of `lang` live in a content or training directory."""
    return directory / TRAINING_FILES.format(lang=lang)


def read_examples(
    directory: Path, problems: list[str], where: str, files: str = TRAINING_FILES
) -> dict[str, dict[str, tuple[str, ...]]]:
    """Every example of every language file in `directory`; problems are appended, named.

    `files` names a language's file (`heldout_{lang}.yml` for an evaluation set).
    """
    found: dict[str, dict[str, list[str]]] = {}
    for lang in LANGUAGES:
        path = directory / files.format(lang=lang)
        name = f"{where}/{path.name}"
        if not path.exists():
            # A language added later has no examples yet; the source language always does.
            if lang == SOURCE_LANGUAGE:
                problems.append(f"{name}: missing")
            continue
        try:
            data: Any = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            problems.append(f"{name}: not valid YAML: {exc}")
            continue
        blocks = data.get("nlu") if isinstance(data, dict) else None
        if not isinstance(blocks, list):
            problems.append(f"{name}: nlu: must be a list of intent blocks")
            continue
        for number, block in enumerate(blocks):
            intent = block.get("intent") if isinstance(block, dict) else None
            if not isinstance(intent, str) or not INTENT_NAME.match(intent):
                problems.append(f"{name}: nlu.{number}.intent: {intent!r} is not an intent name")
                continue
            texts = found.setdefault(intent, {}).setdefault(lang, [])
            for line in str(block.get("examples", "")).splitlines():
                text = line.strip()
                if not text:
                    continue
                if not text.startswith("- "):
                    problems.append(f"{name}: {intent}: a line does not start with '- '")
                    continue
                text = text[2:].strip()
                if len(text) > MAX_EXAMPLE_CHARS:
                    problems.append(f"{name}: {intent}: an example is over {MAX_EXAMPLE_CHARS}")
                elif text:
                    texts.append(text)
    return {
        intent: {lang: tuple(texts) for lang, texts in by_lang.items() if texts}
        for intent, by_lang in found.items()
    }


def write_examples(examples: Examples, directory: Path) -> None:
    """Write `examples` as one Rasa NLU file per language, intents in the given order."""
    directory.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        lines = [f'version: "{RASA_FORMAT_VERSION}"', "nlu:"]
        if not any(by_lang.get(lang) for by_lang in examples.values()):
            lines[-1] = "nlu: []"
        for intent, by_lang in examples.items():
            texts = by_lang.get(lang, ())
            if not texts:
                continue
            lines += [f"- intent: {intent}", "  examples: |"]
            lines += [f"    - {_one_line(text)}" for text in texts]
        examples_file(directory, lang).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _one_line(text: str) -> str:
    return " ".join(text.split())
