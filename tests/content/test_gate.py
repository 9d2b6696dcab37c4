"""The gate before a model goes live: per-language marks on blind sets."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content.gate import GateSets, check_model
from bot.core.messages import LANGUAGES
from bot.core.understanding import Parse

HELDOUT = {"shelter": "where can i sleep {n}", "health": "i need a doctor {n}"}
DANGER = {"kidnapping": "quiet message {n}"}  # no pattern matches it: only the model decides


class AnswerKey:
    """A parser that knows the answers, except in the languages it is told to get wrong."""

    def __init__(self, wrong_in: frozenset[str] = frozenset()) -> None:
        self.wrong_in = wrong_in

    def parse(self, text: str) -> Parse:
        """The right intent, or greet for a language it gets wrong."""
        lang = text.rsplit(" ", 1)[-1]
        if lang in self.wrong_in:
            return Parse("greet", 0.99, (("greet", 0.99),))
        for intent, template in (*HELDOUT.items(), *DANGER.items()):
            if text.startswith(template.split("{")[0]):
                return Parse(intent, 0.99, ((intent, 0.99),))
        return Parse("greet", 0.99, (("greet", 0.99),))


def _write(path: Path, blocks: dict[str, str], lang: str) -> None:
    lines = ['version: "3.1"', "nlu:"]
    for intent, template in blocks.items():
        lines += [f"- intent: {intent}", "  examples: |"]
        lines += [f"    - {template.format(n=n)} {lang}" for n in range(10)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def sets(tmp_path: Path) -> GateSets:
    """Small held-out and danger sets in all five languages."""
    for lang in LANGUAGES:
        _write(tmp_path / f"heldout_{lang}.yml", HELDOUT, lang)
        _write(tmp_path / f"final_{lang}.yml", DANGER, lang)
    return GateSets(heldout_dir=tmp_path, protective_dir=tmp_path, protective_set="final")


def test_a_model_that_knows_every_language_passes(sets: GateSets) -> None:
    result = check_model(AnswerKey(), sets)
    assert result.passed
    assert result.heldout == dict.fromkeys(LANGUAGES, 1.0)
    assert result.protective == dict.fromkeys(LANGUAGES, 1.0)


def test_one_language_below_the_mark_fails_and_is_named(sets: GateSets) -> None:
    result = check_model(AnswerKey(wrong_in=frozenset({"ht"})), sets)
    assert not result.passed
    assert result.failures == (
        "ht: held-out accuracy 0.000 < 0.85",
        "ht: danger recall 0.000 < 0.93",
    )
    assert result.as_dict()["heldout"] == {**dict.fromkeys(LANGUAGES, 1.0), "ht": 0.0}


def test_missing_sets_are_an_error_not_a_pass(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot be read"):
        check_model(AnswerKey(), GateSets(tmp_path, tmp_path, "final"))


def test_a_language_without_its_sets_is_not_measured_and_does_not_pass(sets: GateSets) -> None:
    """A language added later goes live only once someone wrote its blind sets."""
    (sets.heldout_dir / "heldout_pt.yml").unlink()
    (sets.protective_dir / "final_pt.yml").unlink()
    result = check_model(AnswerKey(), sets)
    assert not result.passed
    assert result.failures == (
        "pt: no held-out set (heldout_pt.yml)",
        "pt: no danger set (final_pt.yml)",
    )
    assert "pt" not in result.heldout and result.heldout["ht"] == 1.0


def test_the_real_sets_are_readable_and_cover_every_language() -> None:
    from bot.content.examples import read_examples
    from bot.content.gate import FINAL_PROTECTIVE_SET, HELDOUT_DIR, PROTECTIVE_DIR

    problems: list[str] = []
    heldout = read_examples(HELDOUT_DIR, problems, "heldout", "heldout_{lang}.yml")
    danger = read_examples(PROTECTIVE_DIR, problems, "p", f"{FINAL_PROTECTIVE_SET}_{{lang}}.yml")
    assert problems == []
    for lang in LANGUAGES:
        assert sum(len(by.get(lang, ())) for by in heldout.values()) >= 50
        assert sum(len(by.get(lang, ())) for by in danger.values()) >= 90
