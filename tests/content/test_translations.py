"""Content for translators: PO files and a workbook out, translations back as drafts."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from bot import PROJECT_ROOT
from bot.content.files import read_bundle
from bot.content.translations import (
    TARGET_LANGUAGES,
    apply_translations,
    export_po,
    export_xlsx,
    read_translations,
    units,
)
from bot.core.content import TopicFile
from tests.cli.test_cli import run_cli

SEED = read_bundle(PROJECT_ROOT / "content")


def test_every_text_goes_out_with_its_source_and_comes_back_unchanged(tmp_path: Path) -> None:
    written = export_po(SEED, tmp_path)
    assert [p.name for p in written] == [f"content-{lang}.po" for lang in TARGET_LANGUAGES]
    with (tmp_path / "content-ht.po").open("rb") as handle:
        catalog = read_po(handle)
    answer = catalog.get(
        SEED.topics[0].answer.get("es").strip(), context=f"item:{SEED.topics[0].topic}:answer"
    )
    assert answer is not None and answer.string == SEED.topics[0].answer.get("ht").strip()
    for path in written:
        [(lang, texts)] = read_translations(path).items()
        applied = apply_translations(SEED, lang, texts)
        assert applied.documents == [] and applied.unknown == []
    assert len(units(SEED, "fr")) == len(texts)


def test_a_changed_translation_needs_review_and_an_unknown_one_is_named(tmp_path: Path) -> None:
    shelter = next(t for t in SEED.topics if t.topic == "shelter")
    reviewed = shelter.model_copy(update={"translations": {"en": shelter.source_fingerprint()}})
    bundle = dataclasses.replace(
        SEED, topics=tuple(reviewed if t.topic == "shelter" else t for t in SEED.topics)
    )
    assert reviewed.translation_status("en") == "reviewed"
    applied = apply_translations(
        bundle,
        "en",
        {"item:shelter:title": "Places to sleep", "item:nowhere:title": "?"},
    )
    [(kind, key, body)] = applied.documents
    assert (kind, key) == ("item", "shelter")
    changed = TopicFile.model_validate(body)
    assert changed.title.get("en") == "Places to sleep"
    assert changed.translation_status("en") == "needs_review"
    assert applied.unknown == ["item:nowhere:title"]
    with pytest.raises(ValueError, match="not a language to translate into"):
        apply_translations(SEED, "es", {})


def test_the_workbook_has_a_sheet_per_language_and_reads_back(tmp_path: Path) -> None:
    path = export_xlsx(SEED, tmp_path / "content.xlsx")
    found = read_translations(path)
    assert sorted(found) == sorted(TARGET_LANGUAGES)
    for lang, texts in found.items():
        assert apply_translations(SEED, lang, texts).documents == []
    with pytest.raises(ValueError, match=r"not a \.po or \.xlsx"):
        read_translations(tmp_path / "notes.txt")


def test_the_command_line_round_trip_saves_drafts_and_refuses_what_is_too_long(
    tmp_path: Path,
) -> None:
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite'}"}
    out = tmp_path / "out"
    exported = run_cli("content", "translations", "export", str(out), env=env, timeout=120)
    assert exported.returncode == 0, exported.stderr
    po = out / "content-fr.po"
    with po.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if message.context == "item:work:title":
            message.string = "Emploi"
        if message.context == "item:health:answer":
            message.string = "mot " * 400  # far past the phone's limit
    with po.open("wb") as handle:
        write_po(handle, catalog, width=0)
    shutil.copy(po, tmp_path / "content-fr.po")
    imported = run_cli(
        "content", "translations", "import", str(tmp_path / "content-fr.po"), env=env, timeout=120
    )
    assert imported.returncode == 1  # one refused
    assert "1 document(s) saved as drafts needing review; 1 refused." in imported.stdout
    assert "item health" in imported.stderr and "at most 1000" in imported.stderr
