"""The held-out NLU test set: one Rasa YAML file per language under nlu/tests/."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

NLU_DIR = Path(__file__).resolve().parent.parent
HELDOUT_DIR = NLU_DIR / "tests"
LANGUAGES = ("es", "en", "fr", "ht", "pt")


@dataclass(frozen=True)
class Example:
    """One labelled held-out message."""

    text: str
    intent: str
    lang: str


def read_examples(path: Path, lang: str) -> list[Example]:
    """The labelled examples of one Rasa NLU YAML file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    examples = []
    for block in data.get("nlu", []):
        intent = block.get("intent")
        for line in str(block.get("examples", "")).splitlines():
            line = line.strip()
            if intent and line.startswith("- "):
                examples.append(Example(line[2:].strip(), str(intent), lang))
    return examples


def _per_language(directory: Path, pattern: str) -> list[Example]:
    examples: list[Example] = []
    for lang in LANGUAGES:
        path = directory / pattern.format(lang=lang)
        if path.exists():
            examples.extend(read_examples(path, lang))
    return examples


def heldout(directory: Path = HELDOUT_DIR) -> list[Example]:
    """Every held-out example, in all languages."""
    return _per_language(directory, "heldout_{lang}.yml")


def training(directory: Path = NLU_DIR.parent / "content" / "examples") -> list[Example]:
    """Every training example, in all languages."""
    return _per_language(directory, "nlu_{lang}.yml")


def normalise(text: str) -> str:
    """Lower case, no accents, no punctuation: how two writers' identical messages compare."""
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w\s]", " ", folded).split())
