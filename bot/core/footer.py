"""The line under every answer: where its facts come from, how old they are, who checked them.

Dates are the sources' own (a 2018 report says "December 2018"), never the day the text was
written. A verification date appears only when a person checked the facts in the studio.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date, format_skeleton

from bot.core import phrases
from bot.core.content import Answer
from bot.core.i18n import Gettext

# CLDR, and so Babel, has no Kreyòl month names (it prints "M12"): these come from the
# catalogue instead.
CATALOGUE_MONTHS = frozenset({"ht"})


def month_and_year(day: dt.date, lang: str, _: Gettext) -> str:
    """'December 2018' in `lang`."""
    if lang in CATALOGUE_MONTHS:
        return f"{_(phrases.MONTHS[day.month - 1])} {day.year}"
    return format_skeleton("yMMMM", day, locale=lang)


def full_date(day: dt.date, lang: str, _: Gettext) -> str:
    """'1 December 2026' in `lang`."""
    if lang in CATALOGUE_MONTHS:
        return f"{day.day} {_(phrases.MONTHS[day.month - 1])} {day.year}"
    return format_date(day, format="long", locale=lang)


def answer_footer(answer: Answer, _: Gettext) -> str:
    """The sources line, and the verification line when a person checked the facts."""
    notes = "; ".join(
        f"{note.short}, {month_and_year(note.month, answer.lang, _)}" for note in answer.sources
    )
    template = phrases.SOURCE_LINE if len(answer.sources) == 1 else phrases.SOURCES_LINE
    lines = [_(template).format(sources=notes)]
    if answer.verified_on is not None:
        lines.append(
            _(phrases.VERIFIED_ON).format(date=full_date(answer.verified_on, answer.lang, _))
        )
    return "\n".join(lines)


def with_footer(body: str, answer: Answer, _: Gettext) -> str:
    """The answer body followed by its footer, as it is sent."""
    return f"{body}\n\n{answer_footer(answer, _)}"
