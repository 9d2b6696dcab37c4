"""The web chat in real headless Chromium, and the health check."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from playwright.async_api import Browser, Page, expect

from bot import PROJECT_ROOT
from bot.core import phrases
from bot.core.i18n import Translator
from bot.nlp.rasa import RasaHttpParser
from tests.conftest import ServiceFactory
from tests.fakes.nlu import DownParser
from tests.web.conftest import LiveServer

QUESTIONS = {
    "es": "donde puedo dormir esta noche en tijuana",
    "en": "where can i sleep tonight",
    "fr": "ou est ce que je peux dormir ce soir",
    "ht": "kote m ka dòmi aswè a",
    "pt": "onde posso dormir hoje a noite",
}
LANGUAGE_NAMES = {
    "es": "Español",
    "en": "English",
    "fr": "Français",
    "ht": "Kreyòl Ayisyen",
    "pt": "Português",
}


async def ask(page: Page, text: str) -> None:
    await page.fill("#text", text)
    await page.click("#send")


@pytest.mark.rasa
@pytest.mark.browser
async def test_web_chat_answers_in_all_five_languages(
    browser: Browser,
    make_service: ServiceFactory,
    nlu_parser: RasaHttpParser,
    live_server: Callable[..., LiveServer],
) -> None:
    server = live_server(make_service(parser=nlu_parser))
    translator = Translator()
    for lang, question in QUESTIONS.items():
        context = await browser.new_context(locale="en-US")  # a new visitor each time
        page = await context.new_page()
        await page.goto(server.url + "/")
        # First contact: the language question, with the five languages as buttons.
        await expect(page.locator(".choices button")).to_have_count(5)
        await page.get_by_role("button", name=LANGUAGE_NAMES[lang]).first.click()
        await ask(page, question)
        checked = translator.gettext_for(lang)(phrases.CHECKED_ON).split("{")[0].strip()
        answer = page.locator(".msg.bot", has_text=checked)
        await expect(answer).to_have_count(1, timeout=15_000)
        assert await page.evaluate("document.documentElement.lang") == lang
        # The page's own words follow the conversation's language.
        page_send = translator.gettext_for(lang)(phrases.PAGE_SEND)
        await expect(page.locator("#send")).to_have_text(page_send)
        await expect(page.locator("#lang")).to_have_value(lang)
        if lang == "es":
            await expect(answer).to_contain_text("Tijuana")
            await page.screenshot(
                path=str(PROJECT_ROOT / "var" / "web-chat-es.png"), full_page=True
            )
        await context.close()


@pytest.mark.browser
async def test_buttons_and_list_work_and_page_speaks_browser_language(
    browser: Browser, make_service: ServiceFactory, live_server: Callable[..., LiveServer]
) -> None:
    server = live_server(make_service())
    context = await browser.new_context(locale="pt-BR")
    page = await context.new_page()
    await page.goto(server.url + "/")
    pt = Translator().gettext_for("pt")
    await expect(page.locator("#send")).to_have_text(pt(phrases.PAGE_SEND))
    await page.get_by_role("button", name="Português").first.click()
    await expect(page.locator(".choices.list").last.locator("button")).to_have_count(10)
    # Pick a topic from the list: its answer arrives with the three buttons.
    await page.locator(".choices.list").last.locator("button").first.click()
    await expect(page.locator(".msg.bot").last).to_contain_text(
        pt(phrases.CHECKED_ON).split("{")[0].strip()
    )
    await expect(page.locator(".choices").last.locator("button")).to_have_count(3)
    # Odd input: only emoji gets a friendly reply, not an error.
    await ask(page, "🙏🙏🙏")
    await expect(page.locator(".msg.bot").last).to_have_text(pt(phrases.SYMBOLS_ONLY))
    await ask(page, "")
    await expect(page.locator(".msg.bot").last).to_have_text(pt(phrases.EMPTY))
    await context.close()


@pytest.mark.browser
async def test_language_selector_switches_language(
    browser: Browser, make_service: ServiceFactory, live_server: Callable[..., LiveServer]
) -> None:
    server = live_server(make_service())
    context = await browser.new_context(locale="es-MX")
    page = await context.new_page()
    await page.goto(server.url + "/")
    await page.get_by_role("button", name="Español").first.click()
    await page.select_option("#lang", "ht")
    ht = Translator().gettext_for("ht")
    confirmation = ht(phrases.LANGUAGE_SET)
    await expect(page.locator(".msg.bot", has_text=confirmation)).to_have_count(1)
    await ask(page, "donde puedo dormir")
    await expect(page.locator(".msg.bot").last).to_contain_text(
        ht(phrases.CHECKED_ON).split("{")[0].strip()
    )
    await context.close()


@pytest.mark.browser
async def test_nlu_down_shows_menu_not_error(
    browser: Browser, make_service: ServiceFactory, live_server: Callable[..., LiveServer]
) -> None:
    server = live_server(make_service(parser=DownParser()))
    context = await browser.new_context(locale="fr-FR")
    page = await context.new_page()
    await page.goto(server.url + "/?lang=fr")
    await ask(page, "je cherche un endroit pour dormir ce soir")
    fr = Translator().gettext_for("fr")
    await expect(page.locator(".msg.bot", has_text=fr(phrases.NLU_DOWN))).to_have_count(1)
    await expect(page.locator(".choices.list").last.locator("button")).to_have_count(10)
    await context.close()


async def test_chat_endpoint_rejects_bad_input(make_service: ServiceFactory) -> None:
    from bot.web.app import create_app

    app = create_app(make_service())
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as client:
        assert (
            await client.post("/chat/messages", json={"visitor": "../../etc", "text": "hola"})
        ).status_code == 422
        assert (
            await client.post(
                "/chat/messages", content=b"not json", headers={"content-type": "application/json"}
            )
        ).status_code == 422
        huge = await client.post(
            "/chat/messages", json={"visitor": "abcdefgh12", "text": "x" * 30_000}
        )
        assert huge.status_code == 422
        long = await client.post(
            "/chat/messages", json={"visitor": "abcdefgh12", "text": "x" * 5_000, "lang": "en"}
        )
        assert long.status_code == 200
        assert long.json()["replies"][0]["text"] == Translator().gettext_for("en")(phrases.TOO_LONG)
        same = {"visitor": "abcdefgh12", "message_id": "dup-1", "text": "hola", "lang": "es"}
        first = await client.post("/chat/messages", json=same)
        second = await client.post("/chat/messages", json=same)
        assert first.json()["replies"] and second.json()["replies"] == []


async def test_healthz_reports_database_and_nlu(make_service: ServiceFactory) -> None:
    from bot.web.app import create_app

    healthy = create_app(make_service())
    down = create_app(make_service(parser=DownParser()))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=healthy), base_url="http://t"
    ) as client:
        response = await client.get("/healthz")
        assert response.status_code == 200 and response.json()["checks"] == {
            "database": True,
            "nlu": True,
        }
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=down), base_url="http://t"
    ) as client:
        response = await client.get("/healthz")
        assert response.status_code == 503 and response.json()["checks"]["nlu"] is False
