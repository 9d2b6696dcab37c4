"""Jinja2 pages of the desk, each rendered in its reader's language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from babel.support import NullTranslations
from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context, select_autoescape
from jinja2.runtime import Context
from starlette.responses import Response

from bot.core.messages import LANGUAGES
from bot.handoff.lifecycle import format_ref
from bot.storage.models import StaffUser
from bot.web.desk import labels
from bot.web.desk.i18n import catalogues, staff_language
from bot.web.guards import csp_nonce
from bot.web.staff import csrf_token

TEMPLATE_DIR: Final = Path(__file__).resolve().parent / "templates"
# The studio's pages share the desk's layout, sign-in and language.
STUDIO_TEMPLATE_DIR: Final = Path(__file__).resolve().parents[1] / "studio" / "templates"
# Pages show personal data: no cache keeps them, in the browser or on the way.
NO_STORE: Final = {"cache-control": "no-store", "pragma": "no-cache"}


@pass_context
def _gettext(context: Context, message: str) -> str:
    translations: NullTranslations = context["translations"]
    return translations.gettext(message)


@pass_context
def _ngettext(context: Context, singular: str, plural: str, count: int) -> str:
    translations: NullTranslations = context["translations"]
    return translations.ngettext(singular, plural, count)


def make_templates() -> Jinja2Templates:
    """The desk's template set: autoescaped, strict, gettext looked up per render."""
    env = Environment(
        loader=FileSystemLoader([str(TEMPLATE_DIR), str(STUDIO_TEMPLATE_DIR)]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # The catalogue comes from each render's context, never from the environment: two
    # caseworkers reading in two languages at once each get their own.
    env.install_gettext_callables(_gettext, _ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters["ref"] = format_ref
    env.filters["when"] = _when
    env.filters["day"] = _day
    return Jinja2Templates(env=env)


def _when(value: dt.datetime | None) -> str:
    if value is None:
        return "—"
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def _day(value: dt.date | dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%d") if value is not None else "—"


class Pages:
    """Renders desk pages with the reader's language, CSRF token, CSP nonce and labels."""

    def __init__(self) -> None:
        self.templates = make_templates()

    def translations_for(self, request: Request) -> NullTranslations:
        """The catalogue of the reader's language (for words made in Python)."""
        return catalogues().get(staff_language(request))

    def render(
        self,
        request: Request,
        name: str,
        *,
        user: StaffUser | None,
        status_code: int = 200,
        **context: Any,
    ) -> Response:
        """A page, in the reader's language, not cached."""
        lang = staff_language(request)
        translations = catalogues().get(lang)
        gettext = translations.gettext

        def name_of(table: Mapping[str, str], value: str | None) -> str:
            return labels.label(table, value, gettext)

        values: dict[str, Any] = {
            "translations": translations,
            "lang": lang,
            "languages": [(code, labels.LANGUAGE[code]) for code in LANGUAGES],
            "user": user,
            "csrf": csrf_token(request),
            "nonce": csp_nonce(request),
            "here": request.url.path + (("?" + request.url.query) if request.url.query else ""),
            "labels": labels,
            "name_of": name_of,
            **context,
        }
        response = self.templates.TemplateResponse(
            request, name, values, status_code=status_code, headers=dict(NO_STORE)
        )
        return response
