"""Content folders: every problem named by file and field, and a lossless export."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from bot import PROJECT_ROOT
from bot.content.files import ContentBundle, ContentError, read_bundle, write_bundle
from bot.core.content import ANSWER_TOPICS, MAX_ANSWER_CHARS
from bot.core.footer import with_footer
from bot.core.i18n import Translator


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the project's content to break."""
    target = tmp_path / "content"
    shutil.copytree(PROJECT_ROOT / "content", target)
    return target


def problems_of(directory: Path) -> list[str]:
    """What read_bundle reports for `directory` (it must report something)."""
    with pytest.raises(ContentError) as caught:
        read_bundle(directory)
    return caught.value.problems


def test_the_project_content_is_valid() -> None:
    bundle = read_bundle(PROJECT_ROOT / "content")
    assert sorted(t.topic for t in bundle.topics) == sorted(ANSWER_TOPICS)
    assert all(topic.sources for topic in bundle.topics)
    # Nobody has verified these facts in the studio yet: no file may claim it.
    assert all(topic.verified_on is None for topic in bundle.topics)
    # Review dates are staggered, so one day does not silence every answer at once.
    assert len({topic.review_by for topic in bundle.topics}) > 5


@pytest.mark.parametrize(
    ("file", "mutate", "expected"),
    [
        (
            "items/shelter.yml",
            lambda t: t.replace("  ht: |", "  xx: |", 1),
            "answer: Value error, xx: not one of the languages",
        ),
        # A translation may be missing (it is then sent in Spanish); the source may not.
        ("items/shelter.yml", lambda t: t.replace("  es: |", "  xx: |", 1), "answer.es"),
        (
            "items/shelter.yml",
            lambda t: t.replace("review_by:", "verified_on: yesterday\nreview_by:"),
            "verified_on",
        ),
        ("items/shelter.yml", lambda t: t.replace("sources: [", "sources: [no-such, "), "no-such"),
        ("items/shelter.yml", lambda t: t + "\ntitle_extra: 1\n", "title_extra"),
        ("items/shelter.yml", lambda t: "topic: [unclosed", "not valid YAML"),
        ("items/shelter.yml", lambda t: "", "must be a mapping"),
        ("sources.yml", lambda t: t.replace("date: 2018-12", "date: 2018-13", 1), "date"),
        (
            "sources.yml",
            lambda t: t.replace("      ht: ", "      xx: ", 1),
            "short: Value error, xx: not one of the languages",
        ),
    ],
)
def test_every_problem_names_its_file_and_field(
    content: Path, file: str, mutate: Callable[[str], str], expected: str
) -> None:
    path = content / file
    path.write_text(mutate(path.read_text(encoding="utf-8")), encoding="utf-8")
    problems = problems_of(content)
    assert any(file in p and expected in p for p in problems), problems


def test_a_missing_topic_and_a_missing_sources_file_are_reported(content: Path) -> None:
    (content / "items" / "family.yml").unlink()
    (content / "sources.yml").unlink()
    problems = problems_of(content)
    assert "items/family.yml: missing (every topic needs a file)" in problems
    assert "sources.yml: missing" in problems


def test_the_length_limit_counts_the_sources_line(content: Path) -> None:
    bundle = read_bundle(content)
    answer = bundle.library().get("health", "en")
    assert answer is not None
    footer = len(with_footer("", answer, Translator().gettext_for("en")))

    def with_english_body(length: int) -> ContentBundle:
        body = ("word " * 400)[: length - 1] + "."
        topics = tuple(
            # No city paragraphs: the body alone is what is measured against the limit.
            t.model_copy(update={"answer": t.answer.model_copy(update={"en": body}), "cities": {}})
            if t.topic == "health"
            else t
            for t in bundle.topics
        )
        return dataclasses.replace(bundle, topics=topics)

    # A body that fits alone but not with its sources line is refused...
    write_bundle(with_english_body(MAX_ANSWER_CHARS - footer + 5), content)
    problems = problems_of(content)
    assert any("health.yml: answer.en" in p and "with the sources line" in p for p in problems)
    # ...and one that fits with it is not.
    write_bundle(with_english_body(MAX_ANSWER_CHARS - footer), content)
    read_bundle(content)


def test_export_then_import_then_export_is_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    write_bundle(read_bundle(PROJECT_ROOT / "content"), first)
    shutil.copy(PROJECT_ROOT / "content" / "places.yml", first / "places.yml")
    write_bundle(read_bundle(first), second)
    names = sorted(p.relative_to(first).as_posix() for p in first.rglob("*.yml"))
    assert names == sorted(
        [p.relative_to(second).as_posix() for p in second.rglob("*.yml")] + ["places.yml"]
    )
    for name in names:
        if name != "places.yml":
            assert (first / name).read_bytes() == (second / name).read_bytes(), name
