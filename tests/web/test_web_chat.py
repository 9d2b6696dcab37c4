"""The web chat in real headless Chromium, and the health check."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import httpx
import pytest
from playwright.async_api import Browser, Page, expect
from sqlalchemy import select

from bot import PROJECT_ROOT
from bot.core import phrases
from bot.core.i18n import Gettext, Translator
from bot.nlp.models import ReloadingParser
from bot.nlp.rasa import RasaHttpParser
from bot.service import Service
from bot.storage.models import HandoffRequest
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


def sources_word(_: Gettext) -> str:
    """The word that starts every answer's sources line ("Fuente", "Sous"...)."""
    return _(phrases.SOURCE_LINE).split(":")[0].strip()


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
        checked = sources_word(translator.gettext_for(lang))
        # The answer names its sources; when a city was named, the services there follow.
        answer = page.locator(".msg.bot", has_text=checked).first
        await expect(answer).to_be_visible(timeout=15_000)
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
    # The first topic (asylum) has services: its answer, then the question of which city.
    await expect(page.locator(".msg.bot").nth(-2)).to_contain_text(sources_word(pt))
    await expect(page.locator(".choices").nth(-2).locator("button")).to_have_count(3)
    await expect(page.locator(".choices.list").last).to_contain_text("Tijuana")
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
    await expect(page.locator(".msg.bot", has_text=sources_word(ht)).first).to_be_visible()
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


@asynccontextmanager
async def chat_client(service: Service) -> AsyncIterator[httpx.AsyncClient]:
    """The app with its pipeline running, and a browser-like client that keeps cookies."""
    from bot.web.app import create_app

    app = create_app(service)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client,
    ):
        yield client


async def replies(client: httpx.AsyncClient, after: int = 0, wait: float = 5) -> list[dict]:  # type: ignore[type-arg]
    """The replies the page would fetch."""
    response = await client.get("/chat/replies", params={"after": after, "wait": wait})
    assert response.status_code == 200
    return list(response.json()["replies"])


async def test_a_message_is_accepted_then_answered_by_long_poll(
    make_service: ServiceFactory,
) -> None:
    async with chat_client(make_service()) as client:
        sent = await client.post("/chat/messages", json={"text": "hola", "lang": "es"})
        assert sent.status_code == 202
        cookie = sent.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie
        [reply] = await replies(client)
        assert reply["lang"] == "es" and reply["text"]
        # Nothing newer yet: an empty answer once the wait is over.
        assert await replies(client, after=reply["id"], wait=0.2) == []


async def test_the_session_cookie_is_the_only_identity(make_service: ServiceFactory) -> None:
    service = make_service()
    async with chat_client(service) as client:
        await client.post("/chat/messages", json={"text": "hola", "lang": "pt"})
        assert len(await replies(client)) == 1
        # Another browser (no cookie, or a made-up one) sees nothing of it.
        client.cookies.clear()
        assert await replies(client, wait=0.2) == []
        client.cookies.set("faro_session", "A" * 43)
        assert await replies(client, wait=0.2) == []
        # The old visitor id field is no identity any more: it is ignored.
        await client.post("/chat/messages", json={"visitor": "abcdefgh12", "text": "hola"})
        assert len(await replies(client)) == 1


async def test_bad_input_is_refused_without_echo_and_odd_text_is_answered(
    make_service: ServiceFactory,
) -> None:
    en = Translator().gettext_for("en")
    async with chat_client(make_service()) as client:
        not_json = await client.post(
            "/chat/messages", content=b"not json", headers={"content-type": "application/json"}
        )
        assert not_json.status_code == 422
        too_long = await client.post("/chat/messages", json={"text": "secreto " * 2_000})
        assert too_long.status_code == 422 and "secreto" not in too_long.text
        huge = await client.post("/chat/messages", json={"text": "x" * 200_000})
        assert huge.status_code == 413
        bad_lang = await client.post("/chat/messages", json={"text": "hola", "lang": "xx"})
        assert bad_lang.status_code == 422 and "hola" not in bad_lang.text
        long = await client.post("/chat/messages", json={"text": "x " * 2_500, "lang": "en"})
        assert long.status_code == 202
        [reply] = await replies(client)
        assert reply["text"] == en(phrases.TOO_LONG)
        broken_emoji = await client.post(
            "/chat/messages",
            content=b'{"text": "hola \\ud83d amigo", "lang": "en"}',
            headers={"content-type": "application/json"},
        )
        assert broken_emoji.status_code == 202
        assert len(await replies(client, after=reply["id"])) == 1


async def test_a_repeated_message_id_is_answered_once(make_service: ServiceFactory) -> None:
    async with chat_client(make_service()) as client:
        same = {"message_id": "dup-1", "text": "hola", "lang": "es"}
        first = await client.post("/chat/messages", json=same)
        second = await client.post("/chat/messages", json=same)
        assert (first.status_code, second.status_code) == (202, 202)
        [reply] = await replies(client)
        assert await replies(client, after=reply["id"], wait=0.5) == []


async def test_sending_too_fast_is_refused_with_retry_after(make_service: ServiceFactory) -> None:
    service = make_service(FARO_WEB_RATE_SESSION="3/minute")
    async with chat_client(service) as client:
        codes = [
            (await client.post("/chat/messages", json={"text": f"hola {n}"})).status_code
            for n in range(4)
        ]
        assert codes == [202, 202, 202, 429]
        refused = await client.post("/chat/messages", json={"text": "hola"})
        assert int(refused.headers["retry-after"]) >= 1
        # Another person on another session is not held back by this one.
        client.cookies.clear()
        assert (await client.post("/chat/messages", json={"text": "hola"})).status_code == 202


async def test_pages_carry_security_headers(make_service: ServiceFactory) -> None:
    async with chat_client(make_service()) as client:
        page = await client.get("/")
        assert page.status_code == 200
        policy = page.headers["content-security-policy"]
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
        nonce = policy.split("'nonce-")[1].split("'")[0]
        assert f'<script nonce="{nonce}">' in page.text
        assert page.headers["x-content-type-options"] == "nosniff"
        assert page.headers["x-frame-options"] == "DENY"


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


async def test_the_return_intake_through_the_web_chat(
    make_service: ServiceFactory, model_parser: ReloadingParser
) -> None:
    service = make_service(parser=model_parser)
    steps: list[dict[str, str]] = [
        {"text": "je veux rentrer au guatemala, je suis a mexicali", "lang": "fr"},
        {"payload": "intake:yes"},
        {"text": "Marie"},
        {"payload": "intake:yes"},  # Guatemala, named in the first message
        {"payload": "intake:yes"},  # Mexicali, named too
        {"text": "zero"},
        {"text": "non"},
        {"text": "oui"},  # medical care needed
        {"payload": "intake:skip"},
        {"payload": "intake:skip"},
        {"payload": "intake:confirm"},
    ]
    async with chat_client(service) as client:
        seen = 0
        for index, body in enumerate(steps):
            sent = await client.post("/chat/messages", json={**body, "message_id": f"s{index}"})
            assert sent.status_code == 202, sent.text
            new = await replies(client, after=seen)
            assert new, body
            seen = new[-1]["id"]
        assert re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}", new[0]["text"]), new
    with service.sessions() as session:
        (request,) = session.execute(select(HandoffRequest)).scalars()
    assert (request.country, request.city, request.priority, request.lang) == (
        "GT",
        "mexicali",
        "high",
        "fr",
    )


@pytest.mark.parametrize(
    ("link", "page_lang", "chosen"),
    [
        ("/?lang=es-MX", "es", '"es"'),
        ("/?lang=ES", "es", '"es"'),
        ("/?lang=pt_BR", "pt", '"pt"'),
        ("/?lang=ht", "ht", '"ht"'),
        # Not a language Faro speaks, or no language at all: the browser's language shows,
        # and nothing is chosen for the person (the language question decides).
        ("/?lang=ar", "en", "null"),
        ("/?lang=", "en", "null"),
        ("/?lang=-", "en", "null"),
        ("/?lang=" + "x" * 300, "en", "null"),
    ],
)
async def test_any_lang_in_a_link_is_read_as_a_language_or_ignored(
    make_service: ServiceFactory, link: str, page_lang: str, chosen: str
) -> None:
    service = make_service()
    async with chat_client(service) as client:
        page = await client.get(link, headers={"accept-language": "en-US,en;q=0.9"})
    assert page.status_code == 200
    assert f'<html lang="{page_lang}">' in page.text
    assert f"var chosenLang = {chosen};" in page.text


@pytest.mark.browser
async def test_a_link_with_a_regional_tag_opens_a_working_chat(
    browser: Browser, make_service: ServiceFactory, live_server: Callable[..., LiveServer]
) -> None:
    """`?lang=es-MX` on an English phone: the chat is in Spanish, and every message works."""
    server = live_server(make_service())
    context = await browser.new_context(locale="en-US", viewport={"width": 390, "height": 844})
    page = await context.new_page()
    await page.goto(server.url + "/?lang=es-MX")
    es = Translator().gettext_for("es")
    await expect(page.locator("html")).to_have_attribute("lang", "es")
    await expect(page.locator("#send")).to_have_text(es(phrases.PAGE_SEND))
    await ask(page, "🙏")
    await expect(page.locator(".msg.bot").last).to_have_text(es(phrases.SYMBOLS_ONLY))
    await expect(page.locator(".msg.bot.error")).to_have_count(0)
    await context.close()
