"""The sources line under every answer, in each language."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.content import Answer, SourceNote
from bot.core.footer import answer_footer, month_and_year
from bot.core.i18n import Translator
from bot.core.messages import LANGUAGES

DECEMBER_2018 = {
    "es": "diciembre de 2018",
    "en": "December 2018",
    "fr": "décembre 2018",
    "ht": "desanm 2018",
    "pt": "dezembro de 2018",
}


def _answer(lang: str, *notes: SourceNote, verified_on: dt.date | None = None) -> Answer:
    return Answer(
        topic="shelter",
        lang=lang,
        title="t",
        summary="s",
        text="body",
        city_texts={},
        sources=notes,
        review_by=dt.date(2027, 1, 1),
        verified_on=verified_on,
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_month_names_are_the_languages_own(lang: str) -> None:
    _ = Translator().gettext_for(lang)
    assert month_and_year(dt.date(2018, 12, 1), lang, _) == DECEMBER_2018[lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_kreyol_and_other_month_is_translated(lang: str) -> None:
    _ = Translator().gettext_for(lang)
    names = {month_and_year(dt.date(2018, month, 1), lang, _) for month in range(1, 13)}
    assert len(names) == 12
    assert not any("M" + str(month) in name for month in range(1, 13) for name in names)


def test_one_source_two_sources_and_a_verification() -> None:
    _ = Translator().gettext_for("en")
    one = answer_footer(_answer("en", SourceNote("UN report", "2018-12")), _)
    assert one == "Source: UN report, December 2018."
    two = answer_footer(
        _answer("en", SourceNote("UN report", "2018-12"), SourceNote("IOM", "2018-11-28")), _
    )
    assert two == "Sources: UN report, December 2018; IOM, November 2018."
    checked = answer_footer(
        _answer("en", SourceNote("UN report", "2018-12"), verified_on=dt.date(2026, 12, 1)), _
    )
    assert checked.splitlines()[1] == "Checked by a person on December 1, 2026."


def test_a_kreyol_verification_date_has_kreyol_month() -> None:
    _ = Translator().gettext_for("ht")
    footer = answer_footer(
        _answer("ht", SourceNote("Rapò", "2018-08"), verified_on=dt.date(2026, 12, 1)), _
    )
    assert footer == "Sous: Rapò, out 2018.\nYon moun verifye sa nan dat 1 desanm 2026."
