"""Per-message translation of Faro's fixed strings from the gettext catalogues in `locales/`.

Each call picks the catalogue of the person's language; there is no process-wide language.
Catalogues are read from the `.po` files with Babel and compiled in memory, so an edited
translation is live at the next start without a separate compile step.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from bot import PROJECT_ROOT
from bot.core.messages import DEFAULT_LANGUAGE, LANGUAGES

DOMAIN = "faro"
LOCALES_DIR = PROJECT_ROOT / "locales"

Gettext = Callable[[str], str]


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark, translate later"
    """Mark a string for extraction without translating it now."""
    return message


class Translator:
    """Holds one compiled catalogue per language and hands out per-language gettext."""

    def __init__(self, locales_dir: Path = LOCALES_DIR) -> None:
        self._catalogues: dict[str, NullTranslations] = {
            lang: _load_catalogue(locales_dir, lang) for lang in LANGUAGES
        }

    def gettext_for(self, lang: str) -> Gettext:
        """Return the gettext function of `lang` (the default language if unknown)."""
        catalogue = self._catalogues.get(lang) or self._catalogues[DEFAULT_LANGUAGE]
        return catalogue.gettext

    def missing(self, lang: str) -> list[str]:
        """List message ids that have no translation in `lang` (for tests and validation)."""
        po_path = LOCALES_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        return [str(m.id) for m in catalog if m.id and not m.string]


def language_name(lang: str) -> str:
    """The language's own name for itself (its autonym), e.g. 'Kreyòl Ayisyen'."""
    name = Locale.parse(lang).get_display_name(lang) or lang
    return name[:1].upper() + name[1:]


def _load_catalogue(locales_dir: Path, lang: str) -> NullTranslations:
    po_path = locales_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po_path.exists():
        return NullTranslations()
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(fp=buffer, domain=DOMAIN)
