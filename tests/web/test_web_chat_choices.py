"""What people type instead of pressing, in real headless Chromium on a 390x844 phone.

Numbers for choices, "0" to go back, a language's name, two needs in one message and a
language Faro does not speak: the core decides, and these check the page shows it.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.async_api import Browser, Page, expect

from bot.core import phrases
from bot.core.i18n import Translator
from bot.core.messages import LANGUAGES
from bot.nlp.models import ReloadingParser
from tests.conftest import ServiceFactory
from tests.web.conftest import LiveServer
from tests.web.test_web_chat import (
    ask,
    assert_all_above_the_bar,
    choose_language,
    last_choices_layout,
    phone_page,
)

T = Translator()


async def last_bot_text(page: Page) -> str:
    """The text of Faro's newest message bubble."""
    return str(await page.locator("#log .msg.bot").last.inner_text())


async def wait_for_reply(page: Page, count_before: int) -> None:
    """Wait until Faro has answered the last message (more bubbles, sending enabled)."""
    await expect(page.locator("#log .msg.bot")).not_to_have_count(count_before, timeout=15_000)
    await expect(page.locator("#send")).to_be_enabled(timeout=15_000)


async def type_and_wait(page: Page, text: str) -> None:
    """Type a message, send it, and wait for Faro's answer."""
    before = await page.locator("#log .msg.bot").count()
    await ask(page, text)
    await wait_for_reply(page, before)


@pytest.mark.browser
async def test_typing_one_opens_the_first_topic_and_zero_goes_back(
    browser: Browser, make_service: ServiceFactory, live_server: Callable[..., LiveServer]
) -> None:
    server = live_server(make_service())
    # A link in Mexican Spanish: the welcome and its menu, no language question.
    page = await phone_page(browser, server, "en-US", "/?lang=es-MX")
    menu = page.locator("#log > :last-child.choices.list button")
    await expect(menu).to_have_count(10)
    first_title = str(await menu.first.get_attribute("data-payload"))
    assert first_title == "topic:asylum"

    await type_and_wait(page, "1")
    es = T.gettext_for("es")
    # The asylum answer (its sources line), then the question of the city.
    sources = page.locator("#log .msg.bot", has_text=es(phrases.SOURCE_LINE).split(":")[0])
    await expect(sources).to_have_count(1)
    await expect(page.locator("#log > :last-child")).to_contain_text("Tijuana")
    assert_all_above_the_bar(await last_choices_layout(page))

    await type_and_wait(page, "0")
    await expect(page.locator("#log > :last-child.choices.list button")).to_have_count(10)
    assert_all_above_the_bar(await last_choices_layout(page))
    await page.context.close()


@pytest.mark.browser
async def test_kreyol_at_the_language_prompt_sets_haitian_creole(
    browser: Browser, make_service: ServiceFactory, live_server: Callable[..., LiveServer]
) -> None:
    server = live_server(make_service())
    page = await phone_page(browser, server, "en-US", "/?lang=ar")
    await expect(page.locator("#log .choices button")).to_have_count(len(LANGUAGES))
    await type_and_wait(page, "kreyol")
    ht = T.gettext_for("ht")
    await expect(page.locator("#log .msg.bot", has_text=ht(phrases.LANGUAGE_SET))).to_have_count(1)
    await expect(page.locator("#send")).to_have_text(ht(phrases.PAGE_SEND))
    assert await page.evaluate("document.documentElement.lang") == "ht"
    await page.context.close()


@pytest.mark.browser
async def test_two_needs_get_one_answer_and_the_other_as_a_button(
    browser: Browser,
    make_service: ServiceFactory,
    model_parser: ReloadingParser,
    live_server: Callable[..., LiveServer],
) -> None:
    server = live_server(make_service(parser=model_parser))
    page = await phone_page(browser, server, "es-MX")
    await choose_language(page, "Español")
    await type_and_wait(page, "Hola, quiero saber sobre asilo y también sobre trabajo en Tijuana")
    es = T.gettext_for("es")
    also = page.locator("#log .msg.bot", has_text=es(phrases.ALSO_ASKED))
    await expect(also).to_have_count(1)
    # One of the two is answered; the other waits as a button under "you also asked".
    offered = page.locator("#log > :last-child button")
    payloads = {str(await b.get_attribute("data-payload")) for b in await offered.all()}
    assert payloads & {"topic:asylum", "topic:work"}, payloads
    assert_all_above_the_bar(await last_choices_layout(page))
    answers = page.locator("#log .msg.bot", has_text=es(phrases.SOURCE_LINE).split(":")[0])
    before = await answers.count()
    await offered.first.click()
    await expect(answers).not_to_have_count(before)
    await page.context.close()


@pytest.mark.browser
async def test_an_arabic_message_gets_the_language_choice_not_a_guess(
    browser: Browser,
    make_service: ServiceFactory,
    model_parser: ReloadingParser,
    live_server: Callable[..., LiveServer],
) -> None:
    server = live_server(make_service(parser=model_parser))
    page = await phone_page(browser, server, "ar")
    await type_and_wait(page, "مرحبا، أحتاج مساعدة، أين يمكنني أن أنام الليلة؟")
    last = page.locator("#log > :last-child.choices button")
    await expect(last).to_have_count(len(LANGUAGES))
    text = await last_bot_text(page)
    for lang in LANGUAGES:
        assert T.gettext_for(lang)(phrases.CHOOSE_LANGUAGE) in text
    # Nothing was answered in a guessed language: no sources line of any answer.
    assert "Fuente" not in await page.locator("#log").inner_text()
    await page.context.close()
