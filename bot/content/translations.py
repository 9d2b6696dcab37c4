"""Content for translators: one PO file (or one sheet of an XLSX workbook) per language.

Every translatable text of the content is one entry: its place as context (`msgctxt`,
e.g. `item:shelter:answer`), the Spanish source as `msgid`, the translation as `msgstr`.
Translators work in any PO editor or spreadsheet; what comes back is kept as drafts and
marked *needs review* until an editor accepts it in the studio.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from openpyxl import Workbook, load_workbook

from bot.content.files import ContentBundle
from bot.core.content import (
    SOURCE_LANGUAGE,
    ServiceEntry,
    SourceEntry,
    TopicFile,
    Translatable,
)
from bot.core.messages import LANGUAGES

TARGET_LANGUAGES = tuple(lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE)
XLSX_HEADER = ("context", "source", "translation")


@dataclass(frozen=True, slots=True)
class Unit:
    """One translatable text: where it is, the source, and the translation now."""

    context: str
    source: str
    translation: str


def _texts(bundle: ContentBundle) -> Iterator[tuple[str, Translatable]]:
    for topic in bundle.topics:
        yield f"item:{topic.topic}:title", topic.title
        yield f"item:{topic.topic}:summary", topic.summary
        yield f"item:{topic.topic}:answer", topic.answer
        for city, texts in topic.cities.items():
            yield f"item:{topic.topic}:city:{city}", texts
    for key, service in bundle.services.items():
        yield f"service:{key}:offers", service.offers
    for key, source in bundle.sources.items():
        yield f"source:{key}:short", source.short


def units(bundle: ContentBundle, lang: str) -> list[Unit]:
    """Every translatable text of `bundle` in `lang`, beside its source."""
    return [
        Unit(context, texts.get(SOURCE_LANGUAGE).strip(), _written(texts, lang))
        for context, texts in _texts(bundle)
    ]


def _written(texts: Translatable, lang: str) -> str:
    """The text written in `lang`; empty while its translation is missing."""
    return (texts.own(lang) or "").strip()


def export_po(bundle: ContentBundle, directory: Path) -> list[Path]:
    """One `content-<lang>.po` per target language; their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in TARGET_LANGUAGES:
        catalog = Catalog(locale=lang, project="Faro content", fuzzy=False)
        for unit in units(bundle, lang):
            catalog.add(unit.source, unit.translation, context=unit.context)
        path = directory / f"content-{lang}.po"
        with path.open("wb") as handle:
            write_po(handle, catalog, width=0, omit_header=False, no_location=True)
        written.append(path)
    return written


def export_xlsx(bundle: ContentBundle, path: Path) -> Path:
    """One workbook, a sheet per target language: context, source, translation."""
    book = Workbook()
    default = book.active
    if default is not None:
        book.remove(default)
    for lang in TARGET_LANGUAGES:
        sheet = book.create_sheet(lang)
        sheet.append(XLSX_HEADER)
        for unit in units(bundle, lang):
            sheet.append((unit.context, unit.source, unit.translation))
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def read_translations(path: Path) -> dict[str, dict[str, str]]:
    """lang -> context -> translation, from a PO file or a workbook (empty ones skipped)."""
    if path.suffix == ".po":
        with path.open("rb") as handle:
            catalog = read_po(handle)
        lang = str(catalog.locale) if catalog.locale else path.stem.removeprefix("content-")
        found = {
            str(m.context): str(m.string).strip()
            for m in catalog
            if m.id and m.context and isinstance(m.string, str) and m.string.strip()
        }
        return {lang: found}
    if path.suffix == ".xlsx":
        book = load_workbook(path, read_only=True)
        result: dict[str, dict[str, str]] = {}
        for sheet in book.worksheets:
            rows = sheet.iter_rows(values_only=True)
            next(rows, None)  # the header
            result[sheet.title] = {
                str(row[0]): str(row[2]).strip()
                for row in rows
                if row and len(row) >= 3 and row[0] and row[2] and str(row[2]).strip()
            }
        return result
    raise ValueError(f"{path.name}: not a .po or .xlsx file")


@dataclass(frozen=True, slots=True)
class Applied:
    """What an import changed, and what it could not use."""

    documents: list[tuple[str, str, dict[str, Any]]]  # (kind, key, new body)
    unknown: list[str]  # contexts that name nothing in the content


def apply_translations(bundle: ContentBundle, lang: str, texts: Mapping[str, str]) -> Applied:
    """The documents whose `lang` text the translations change (marked needs review)."""
    if lang not in TARGET_LANGUAGES:
        raise ValueError(f"{lang!r} is not a language to translate into")
    known = {context for context, _ in _texts(bundle)}
    changed: list[tuple[str, str, dict[str, Any]]] = []
    for topic in bundle.topics:
        body = topic.model_dump(mode="json", exclude_defaults=True)
        touched = False
        for field in ("title", "summary", "answer"):
            new = texts.get(f"item:{topic.topic}:{field}")
            if new is not None and new != body[field].get(lang, "").strip():
                body[field][lang], touched = new, True
        for city in topic.cities:
            new = texts.get(f"item:{topic.topic}:city:{city}")
            if new is not None and new != body["cities"][city].get(lang, "").strip():
                body["cities"][city][lang], touched = new, True
        if touched:
            # Not checked by an editor yet: the studio shows it as needing review.
            body.get("translations", {}).pop(lang, None)
            changed.append(
                (
                    "item",
                    topic.topic,
                    TopicFile.model_validate(body).model_dump(mode="json", exclude_defaults=True),
                )
            )
    for key, service in bundle.services.items():
        new = texts.get(f"service:{key}:offers")
        if new is not None and new != (service.offers.own(lang) or ""):
            body = service.model_dump(mode="json", exclude_defaults=True)
            body["offers"][lang] = new
            body.get("translations", {}).pop(lang, None)  # needs review in the studio
            changed.append(
                (
                    "service",
                    key,
                    ServiceEntry.model_validate(body).model_dump(
                        mode="json", exclude_defaults=True
                    ),
                )
            )
    for key, source in bundle.sources.items():
        new = texts.get(f"source:{key}:short")
        if new is not None and new != (source.short.own(lang) or ""):
            body = source.model_dump(mode="json", exclude_defaults=True)
            body["short"][lang] = new
            changed.append(
                (
                    "source",
                    key,
                    SourceEntry.model_validate(body).model_dump(mode="json", exclude_defaults=True),
                )
            )
    return Applied(changed, sorted(set(texts) - known))
