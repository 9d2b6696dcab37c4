"""Example questions (the NLU training data) as content: read, checked, written back."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import PROJECT_ROOT
from bot.content.examples import read_examples, write_examples
from bot.core.content import ANSWER_TOPICS
from bot.core.messages import LANGUAGES

SEED = PROJECT_ROOT / "content" / "examples"


def test_the_seed_is_written_back_byte_for_byte(tmp_path: Path) -> None:
    problems: list[str] = []
    examples = read_examples(SEED, problems, "examples")
    assert problems == []
    assert set(ANSWER_TOPICS) <= set(examples)
    write_examples(examples, tmp_path)
    for lang in LANGUAGES:
        name = f"nlu_{lang}.yml"
        assert (tmp_path / name).read_bytes() == (SEED / name).read_bytes(), name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nlu:\n- intent: Bad Name\n  examples: |\n    - hola\n", "is not an intent name"),
        ("nlu:\n- intent: greet\n  examples: |\n    hola\n", "does not start with '- '"),
        ("nlu:\n- intent: greet\n  examples: |\n    - " + "x" * 600 + "\n", "over 500"),
        ("nlu: 3\n", "must be a list"),
        ("nlu: [\n", "not valid YAML"),
    ],
)
def test_a_broken_file_is_named(tmp_path: Path, text: str, expected: str) -> None:
    for lang in LANGUAGES:
        (tmp_path / f"nlu_{lang}.yml").write_text('version: "3.1"\nnlu: []\n', encoding="utf-8")
    (tmp_path / "nlu_ht.yml").write_text(text, encoding="utf-8")
    problems: list[str] = []
    read_examples(tmp_path, problems, "examples")
    assert any(p.startswith("examples/nlu_ht.yml") and expected in p for p in problems), problems


def test_only_the_source_languages_file_must_exist(tmp_path: Path) -> None:
    """A language added later has no examples yet; Spanish, the source, always has."""
    problems: list[str] = []
    assert read_examples(tmp_path, problems, "examples") == {}
    assert problems == ["examples/nlu_es.yml: missing"]


def test_odd_text_is_kept_on_one_line(tmp_path: Path) -> None:
    odd = {"greet": {"es": ("hola   \u200b amigo", "🙏🙏", "¿qué\tonda?")}}
    write_examples(odd, tmp_path)
    problems: list[str] = []
    again = read_examples(tmp_path, problems, "x")
    assert again == {"greet": {"es": ("hola \u200b amigo", "🙏🙏", "¿qué onda?")}}
