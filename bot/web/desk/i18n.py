"""The desk's own words: a gettext domain `desk`, separate from the `faro` domain people read.

Caseworkers choose their language with the selector (a `lang` cookie), else the browser's
Accept-Language decides, else Spanish. Each request renders with its own catalogue: no
process-wide language. The `.po` files are compiled in memory with Babel, as
`bot.core.i18n` does for the `faro` domain.

Python code marks its strings with `M_` and `MN_` (not `_`/`gettext`/`N_`), so that the `faro`
extraction (`make locales-extract`, default keywords over `bot/`) never picks them up;
`bot/web/desk/babel.cfg` extracts them, with the templates, into `locales/desk.pot`.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from starlette.requests import HTTPConnection

from bot.core.i18n import LOCALES_DIR
from bot.core.messages import DEFAULT_LANGUAGE, LANGUAGES

DOMAIN = "desk"
LANG_COOKIE = "lang"


def M_(message: str) -> str:  # noqa: N802 - gettext's "mark now, translate later"
    """Mark a string for the desk catalogue without translating it now."""
    return message


def MN_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 - as M_, with a plural
    """Mark a singular/plural pair for the desk catalogue (translate with `ngettext`)."""
    return singular, plural


class DeskCatalogues:
    """One compiled `desk` catalogue per staff language."""

    def __init__(self, locales_dir: Path = LOCALES_DIR) -> None:
        self.locales_dir = locales_dir
        self._by_lang = {lang: _load(locales_dir, lang) for lang in LANGUAGES}

    def get(self, lang: str) -> NullTranslations:
        """The catalogue of `lang` (Spanish when the language is not one of the five)."""
        return self._by_lang.get(lang) or self._by_lang[DEFAULT_LANGUAGE]

    def untranslated(self, lang: str) -> list[str]:
        """Message ids without a translation in `lang` (for tests)."""
        with (self.locales_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        return [
            str(m.id)
            for m in catalog
            if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))
        ]


@lru_cache(maxsize=1)
def catalogues() -> DeskCatalogues:
    """The catalogues, read on first use (never at import time)."""
    return DeskCatalogues()


def staff_language(conn: HTTPConnection) -> str:
    """The language of a staff member's pages: their choice, else their browser's, else es."""
    chosen = conn.cookies.get(LANG_COOKIE, "")
    if chosen in LANGUAGES:
        return chosen
    for part in conn.headers.get("accept-language", "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE


def _load(locales_dir: Path, lang: str) -> NullTranslations:
    po_path = locales_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po_path.exists():
        return NullTranslations()
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(fp=buffer, domain=DOMAIN)
