"""The web chat in real headless Chromium, and the health check."""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from playwright.async_api import Browser, Page, ViewportSize, expect
from sqlalchemy import select

from bot import PROJECT_ROOT
from bot.channels.web import CONVERSATION_HEADER, SESSION_COOKIE, person_key
from bot.core import phrases
from bot.core.i18n import Gettext, Translator
from bot.core.messages import Button, Channel, Option, Reply
from bot.core.understanding import Parse
from bot.nlp.models import ReloadingParser
from bot.nlp.rasa import RasaHttpParser
from bot.pipeline.outbox import send_to_person
from bot.service import Service
from bot.storage.models import HandoffRequest, InboundEvent, Person
from tests.conftest import ServiceFactory
from tests.fakes.nlu import DEFAULT_RULES, DownParser, KeywordParser
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


# -- a cheap phone: 390x844, one thumb, a shared handset, a patchy connection --------------

PHONE: ViewportSize = {"width": 390, "height": 844}
ARABIC = "أين يمكنني أن أنام الليلة"


async def phone_page(browser: Browser, server: LiveServer, locale: str, path: str = "/") -> Page:
    """A new visitor's chat on a 390x844 phone screen, open and greeted."""
    context = await browser.new_context(locale=locale, viewport=PHONE)
    page = await context.new_page()
    await page.goto(server.url + path)
    await expect(page.locator("#log .msg.bot").first).to_be_visible()
    return page


async def choose_language(page: Page, name: str) -> None:
    """Press a language of the language question, and wait for the menu that follows."""
    await page.locator("#log .choices").last.get_by_role("button", name=name).click()
    await expect(page.locator("#log > :last-child.choices.list")).to_be_visible()
    await expect(page.locator("#send")).to_be_enabled()


async def last_choices_layout(page: Page) -> dict[str, Any]:
    """Where the last reply's choices sit, beside the input bar and the viewport."""
    return dict(
        await page.evaluate(
            """() => {
              const last = document.querySelector('#log').lastElementChild;
              const box = (el) => { const r = el.getBoundingClientRect();
                                    return {top: r.top, bottom: r.bottom, left: r.left,
                                            right: r.right}; };
              return {
                lastIsChoices: last.classList.contains('choices'),
                choices: [...last.querySelectorAll('button')].map(box),
                bar: box(document.getElementById('composer')),
                width: window.innerWidth, height: window.innerHeight,
              };
            }"""
        )
    )


def assert_all_above_the_bar(layout: dict[str, Any]) -> None:
    """Every choice lies wholly inside the screen and above the input bar."""
    assert layout["lastIsChoices"] and layout["choices"], layout
    for choice in layout["choices"]:
        assert choice["top"] >= 0 and choice["left"] >= 0, (choice, layout["bar"])
        assert choice["right"] <= layout["width"], (choice, layout["width"])
        assert choice["bottom"] <= layout["bar"]["top"], (choice, layout["bar"])
    assert layout["bar"]["bottom"] <= layout["height"], layout["bar"]


async def conversation_person(page: Page) -> str:
    """The channel id Faro keeps for this tab's conversation (cookie + the tab's key)."""
    cookies = {c["name"]: c["value"] for c in await page.context.cookies()}
    key = await page.evaluate("sessionStorage.getItem('faro.conversation')")
    assert isinstance(key, str), "the page keeps its conversation key"
    return person_key(cookies[SESSION_COOKIE], key)


async def say_as_caseworker(service: Service, page: Page, reply: Reply) -> None:
    """Send the person of this page a message that answers nothing (as the desk does)."""
    user = await conversation_person(page)
    sent = await asyncio.to_thread(
        send_to_person,
        service.database,
        cipher=service.cipher,
        channel=Channel.WEB.value,
        channel_user_id=user,
        replies=[reply],
        purpose="caseworker",
    )
    assert sent, "Faro knows this conversation"


@pytest.mark.browser
async def test_the_newest_reply_and_its_choices_end_above_the_input_bar(
    browser: Browser, make_service: ServiceFactory, live_server: Callable[..., LiveServer]
) -> None:
    """Nothing hidden under the input bar, after every answer, keyboard open or not."""
    server = live_server(make_service())
    page = await phone_page(browser, server, "es-MX")
    await expect(page.locator("#log .choices button")).to_have_count(5)
    assert_all_above_the_bar(await last_choices_layout(page))
    # The menu: ten topics, all of them on the screen at once.
    await choose_language(page, "Español")
    await expect(page.locator("#log > :last-child button")).to_have_count(10)
    assert_all_above_the_bar(await last_choices_layout(page))
    # A long answer and the question of the city after it: the city list is in full view.
    await page.locator("#log > :last-child [data-payload='topic:asylum']").click()
    await expect(page.locator("#log > :last-child")).to_contain_text("Tijuana")
    assert_all_above_the_bar(await last_choices_layout(page))
    # An answer with its buttons (Menu, Language...), then the keyboard takes half the
    # screen: the buttons rise with the input bar.
    await ask(page, "🙏")
    es = Translator().gettext_for("es")
    await expect(page.locator(".msg.bot").last).to_have_text(es(phrases.SYMBOLS_ONLY))
    assert_all_above_the_bar(await last_choices_layout(page))
    await page.set_viewport_size({"width": 390, "height": 420})
    await page.wait_for_timeout(300)
    assert_all_above_the_bar(await last_choices_layout(page))
    await page.context.close()


@pytest.mark.browser
async def test_every_tap_target_is_at_least_44_px(
    browser: Browser, make_service: ServiceFactory, live_server: Callable[..., LiveServer]
) -> None:
    server = live_server(make_service())
    page = await phone_page(browser, server, "en-US")
    await choose_language(page, "English")
    # A second tab shows "Continue my conversation": a tap target too.
    other = await page.context.new_page()
    await other.goto(server.url + "/")
    await expect(other.locator("#continue")).to_be_visible()
    for tab in (page, other):
        targets = tab.locator(".choices button, #send, #lang, #text, #continue:visible")
        count = await targets.count()
        assert count >= 5
        for index in range(count):
            target = targets.nth(index)
            box = await target.bounding_box()
            assert box is not None
            what = await target.evaluate("e => e.id || e.textContent")
            assert box["height"] >= 44 and box["width"] >= 44, (what, box)
    await page.context.close()


@pytest.mark.browser
async def test_an_unreadable_lang_in_a_link_shows_the_language_choice(
    browser: Browser, make_service: ServiceFactory, live_server: Callable[..., LiveServer]
) -> None:
    """`?lang=ar` (a language Faro does not speak): the choice first, not a guess."""
    server = live_server(make_service())
    page = await phone_page(browser, server, "en-US", "/?lang=ar")
    choice = page.get_by_role("group", name="Language")
    for name in LANGUAGE_NAMES.values():
        await expect(choice.get_by_role("button", name=name)).to_be_visible()
    await expect(page.locator("#log .msg.bot")).to_have_count(1)
    # The page's own words stay in the browser's language meanwhile.
    await expect(page.locator("html")).to_have_attribute("lang", "en")
    await page.context.close()


@pytest.mark.browser
async def test_the_page_speaks_the_browser_language_until_the_person_chooses(
    browser: Browser, make_service: ServiceFactory, live_server: Callable[..., LiveServer]
) -> None:
    server = live_server(make_service())
    fr = Translator().gettext_for("fr")
    page = await phone_page(browser, server, "fr-FR")
    # The language question has come (it is in every language, marked Spanish): the
    # page stays French.
    await expect(page.get_by_role("group", name=fr(phrases.BUTTON_LANGUAGE))).to_be_visible()
    await expect(page.locator("html")).to_have_attribute("lang", "fr")
    await expect(page.locator("#send")).to_have_text(fr(phrases.PAGE_SEND))
    await expect(page.locator("#text")).to_have_attribute(
        "placeholder", fr(phrases.PAGE_PLACEHOLDER)
    )
    # Choosing Portuguese turns the page Portuguese.
    await choose_language(page, "Português")
    pt = Translator().gettext_for("pt")
    await expect(page.locator("#send")).to_have_text(pt(phrases.PAGE_SEND))
    await page.context.close()


@pytest.mark.browser
async def test_two_tabs_are_two_people_unless_the_person_continues(
    browser: Browser, make_service: ServiceFactory, live_server: Callable[..., LiveServer]
) -> None:
    """A new tab on the same phone is a new person unless they continue their conversation."""
    service = make_service()
    server = live_server(service)
    fr = Translator().gettext_for("fr")
    en = Translator().gettext_for("en")
    first = await phone_page(browser, server, "en-US")
    await choose_language(first, "Français")
    await expect(first.locator("#send")).to_have_text(fr(phrases.PAGE_SEND))
    # Another tab on the same phone (same cookie): someone new, asked their language.
    second = await first.context.new_page()
    await second.goto(server.url + "/")
    await expect(second.get_by_role("group", name="Language")).to_be_visible()
    await expect(second.locator("#send")).to_have_text(en(phrases.PAGE_SEND))
    await expect(second.locator("#continue")).to_have_text(en(phrases.PAGE_CONTINUE))
    # Each answers its own: English here, and nothing of the French there.
    await choose_language(second, "English")
    await expect(second.locator(".msg.bot", has_text=en(phrases.LANGUAGE_SET))).to_have_count(1)
    await expect(second.locator(".msg.bot", has_text=fr(phrases.LANGUAGE_SET))).to_have_count(0)
    await expect(first.locator("#send")).to_have_text(fr(phrases.PAGE_SEND))
    await expect(first.locator(".msg.bot", has_text=en(phrases.LANGUAGE_SET))).to_have_count(0)
    with service.sessions() as session:
        people = session.execute(select(Person.id).where(Person.channel == "web")).all()
    assert len(people) == 2
    # The first tab reloaded is still its conversation.
    await first.reload()
    await expect(first.locator(".msg.bot", has_text=fr(phrases.LANGUAGE_SET))).to_have_count(1)
    await expect(first.locator("#continue")).to_be_hidden()
    # A third tab continues the conversation used last (the English one) on request.
    third = await first.context.new_page()
    await third.goto(server.url + "/")
    await expect(third.get_by_role("group", name="Language")).to_be_visible()
    await third.locator("#continue").click()
    await expect(third.locator(".msg.bot", has_text=en(phrases.LANGUAGE_SET))).to_have_count(1)
    await expect(third.locator("#continue")).to_be_hidden()
    # Both tabs of that conversation now see what either is answered.
    await ask(third, "🙏")
    symbols = en(phrases.SYMBOLS_ONLY)
    await expect(second.locator(".msg.bot", has_text=symbols)).to_have_count(1)
    await expect(first.locator(".msg.bot", has_text=symbols)).to_have_count(0)
    await first.context.close()


@pytest.mark.browser
async def test_arabic_is_shown_right_to_left(
    browser: Browser, make_service: ServiceFactory, live_server: Callable[..., LiveServer]
) -> None:
    service = make_service()
    server = live_server(service)
    page = await phone_page(browser, server, "en-US")
    await page.fill("#text", ARABIC)
    direction = "e => getComputedStyle(e).direction"
    assert await page.locator("#text").evaluate(direction) == "rtl"
    await page.click("#send")
    mine = page.locator(".msg.me", has_text=ARABIC)
    await expect(mine).to_have_count(1)
    assert await mine.evaluate(direction) == "rtl"
    # A caseworker who writes Arabic: the bubble reads, and sits, right to left.
    await expect(page.locator("#send")).to_be_enabled()
    await say_as_caseworker(service, page, Reply("مرحبا، أنا هنا لمساعدتك", lang="en"))
    theirs = page.locator(".msg.bot", has_text="مرحبا")
    await expect(theirs).to_have_count(1)
    assert await theirs.evaluate(direction) == "rtl"
    edges = await theirs.evaluate(
        "e => [e.getBoundingClientRect().right, e.parentElement.getBoundingClientRect().right]"
    )
    assert abs(edges[0] - edges[1]) < 1, edges
    assert await page.locator(".msg.bot").first.evaluate(direction) == "ltr"
    await page.context.close()


@pytest.mark.browser
async def test_choice_groups_are_labelled_and_the_log_is_polite(
    browser: Browser, make_service: ServiceFactory, live_server: Callable[..., LiveServer]
) -> None:
    service = make_service()
    server = live_server(service)
    page = await phone_page(browser, server, "es-ES")
    es = Translator().gettext_for("es")
    await choose_language(page, "Español")
    await expect(page.get_by_role("log")).to_have_attribute("aria-live", "polite")
    await expect(page.get_by_role("log")).to_have_accessible_name(es(phrases.PAGE_CONVERSATION))
    # The menu's group is named by its list label; buttons without one are "Opciones".
    await expect(page.get_by_role("group", name=es(phrases.MENU_LIST_LABEL))).to_have_count(1)
    await say_as_caseworker(
        service,
        page,
        Reply(
            "¿Seguimos?", buttons=(Button("menu", "Menú"), Button("human", "Persona")), lang="es"
        ),
    )
    await expect(page.get_by_role("group", name=es(phrases.PAGE_CHOICES)).last).to_be_visible()
    groups = page.locator("#log .choices")
    for index in range(await groups.count()):
        await expect(groups.nth(index)).to_have_attribute("role", "group")
        await expect(groups.nth(index)).to_have_accessible_name(re.compile(r"\w\w"))
    await page.context.close()


@pytest.mark.browser
async def test_a_double_tap_on_send_sends_once(
    browser: Browser, make_service: ServiceFactory, live_server: Callable[..., LiveServer]
) -> None:
    server = live_server(make_service())
    page = await phone_page(browser, server, "es-ES")
    await choose_language(page, "Español")
    posted: list[str] = []
    page.on(
        "request",
        lambda request: (
            posted.append(request.post_data or "")
            if request.method == "POST" and request.url.endswith("/chat/messages")
            else None
        ),
    )
    await page.fill("#text", "donde puedo dormir")
    await page.dblclick("#send")
    await expect(page.locator(".msg.bot", has_text="Fuente").last).to_be_visible()
    await page.locator("#send").click(trial=True)  # the reply came: Send is back
    assert len([body for body in posted if "dormir" in body]) == 1, posted
    await expect(page.locator(".msg.me", has_text="donde puedo dormir")).to_have_count(1)
    # A choice pressed twice is sent once too.
    posted.clear()
    await page.locator("#log > :last-child button").first.dblclick()
    await expect(page.locator("#send")).to_be_enabled()
    assert len(posted) == 1, posted
    await page.context.close()


@pytest.mark.browser
async def test_the_typed_text_is_kept_when_offline(
    browser: Browser, make_service: ServiceFactory, live_server: Callable[..., LiveServer]
) -> None:
    server = live_server(make_service())
    page = await phone_page(browser, server, "es-ES")
    await choose_language(page, "Español")
    es = Translator().gettext_for("es")
    await page.context.set_offline(True)
    await ask(page, "donde puedo dormir esta noche")
    await expect(page.locator(".msg.bot.error", has_text=es(phrases.PAGE_OFFLINE))).to_be_visible()
    await expect(page.locator("#text")).to_have_value("donde puedo dormir esta noche")
    await expect(page.locator(".msg.me", has_text="donde puedo dormir")).to_have_count(0)
    await expect(page.locator("#send")).to_be_enabled()
    # Back online, one tap sends the kept text.
    await page.context.set_offline(False)
    await page.click("#send")
    await expect(page.locator(".msg.me", has_text="donde puedo dormir")).to_have_count(1)
    await expect(page.locator(".msg.bot", has_text="Fuente").last).to_be_visible()
    await expect(page.locator("#text")).to_have_value("")
    await page.context.close()


class GatedParser(KeywordParser):
    """The keyword parser, held at a gate the test opens: Faro still at work."""

    def __init__(self) -> None:
        super().__init__(DEFAULT_RULES)
        self.gate = threading.Event()

    def parse(self, text: str) -> Parse:
        """Wait for the gate (at most 30 s, so a failed test never hangs), then parse."""
        self.gate.wait(timeout=30)
        return super().parse(text)


@pytest.mark.browser
async def test_a_typing_sign_shows_while_faro_works(
    browser: Browser, make_service: ServiceFactory, live_server: Callable[..., LiveServer]
) -> None:
    parser = GatedParser()
    server = live_server(make_service(parser=parser))
    try:
        page = await phone_page(browser, server, "es-ES")
        await choose_language(page, "Español")  # a press: no parsing, no gate
        es = Translator().gettext_for("es")
        typing = page.get_by_role("status")
        await expect(typing).to_be_hidden()
        await ask(page, "donde puedo dormir")
        await expect(typing).to_have_text(es(phrases.PAGE_TYPING))
        await expect(typing).to_be_visible()
        await expect(page.locator("#send")).to_be_disabled()
        await expect(page.locator("#log .choices button").first).to_be_disabled()
        await page.wait_for_timeout(1500)
        await expect(typing).to_be_visible()  # still at work, still shown
        parser.gate.set()
        await expect(page.locator(".msg.bot", has_text="Fuente").last).to_be_visible()
        await expect(typing).to_be_hidden()
        await expect(page.locator("#send")).to_be_enabled()
        await page.context.close()
    finally:
        parser.gate.set()


@pytest.mark.browser
async def test_phone_numbers_in_answers_are_tap_to_call_links(
    browser: Browser, make_service: ServiceFactory, live_server: Callable[..., LiveServer]
) -> None:
    service = make_service()
    server = live_server(service)
    page = await phone_page(browser, server, "es-ES")
    await choose_language(page, "Español")
    # The emergency answer (content) says to call 911.
    await page.locator("#log > :last-child [data-payload='topic:emergency']").click()
    call = page.locator(".msg.bot a[href='tel:911']")
    await expect(call.first).to_have_text("911")
    # Numbers that are phones, and numbers that are not, in one message.
    text = (
        "Llame al 800 555 0100 o al +52 55 5555 0100. En 2018 llegaron 300 personas "
        "(8 500 en total), entre 2018-2019; su referencia es FA-1234, la cita el "
        "2027-02-19. Mapa: https://www.openstreetmap.org/?mlat=32.53&mlon=-117.04."
    )
    await say_as_caseworker(service, page, Reply(text, lang="es"))
    message = page.locator(".msg.bot", has_text="Mapa")
    await expect(message).to_have_text(text)  # nothing lost or changed around the links
    hrefs = await message.locator("a").evaluate_all("links => links.map(a => a.href)")
    assert hrefs == [
        "tel:8005550100",
        "tel:+525555550100",
        "https://www.openstreetmap.org/?mlat=32.53&mlon=-117.04",
    ]
    await page.context.close()


@pytest.mark.browser
async def test_numbered_replies_show_numbers_on_their_choices(
    browser: Browser, make_service: ServiceFactory, live_server: Callable[..., LiveServer]
) -> None:
    service = make_service()
    server = live_server(service)
    page = await phone_page(browser, server, "es-ES")
    await choose_language(page, "Español")
    numbered = Reply(
        "¿A qué país?",
        options=(Option("intake:GT", "Guatemala"), Option("intake:HN", "Honduras", "Centro")),
        list_label="1-2",
        lang="es",
        numbered=True,
    )
    await say_as_caseworker(service, page, numbered)
    choices = page.locator("#log > :last-child")
    await expect(choices.locator(".num")).to_have_text(["1", "2"])
    await expect(choices.get_by_role("button", name="1. Guatemala", exact=True)).to_be_visible()
    await expect(choices.get_by_role("button", name="2. Honduras. Centro")).to_be_visible()
    plain = Reply("¿Algo más?", buttons=(Button("menu", "Menú"),), lang="es")
    await say_as_caseworker(service, page, plain)
    await expect(page.locator(".msg.bot").last).to_have_text("¿Algo más?")
    await expect(page.locator("#log > :last-child button")).to_have_text("Menú")
    await expect(page.locator("#log > :last-child .num")).to_have_count(0)
    await page.context.close()


# -- the conversation key ---------------------------------------------------------------


async def test_one_cookie_with_two_conversation_keys_is_two_people(
    make_service: ServiceFactory,
) -> None:
    service = make_service()
    tab_a = {CONVERSATION_HEADER: "a" * 32}
    tab_b = {CONVERSATION_HEADER: "0123456789abcdef" * 2}
    async with chat_client(service) as client:
        same = "m-1"  # the same message id from each tab: each is answered
        sent_a = await client.post(
            "/chat/messages", json={"text": "hola", "lang": "es", "message_id": same}, headers=tab_a
        )
        sent_b = await client.post(
            "/chat/messages", json={"text": "ola", "lang": "pt", "message_id": same}, headers=tab_b
        )
        assert (sent_a.status_code, sent_b.status_code) == (202, 202)
        assert len(client.cookies) == 1
        got_a = await client.get("/chat/replies", params={"wait": 5}, headers=tab_a)
        got_b = await client.get("/chat/replies", params={"wait": 5}, headers=tab_b)
        assert [r["lang"] for r in got_a.json()["replies"]] == ["es"]
        assert [r["lang"] for r in got_b.json()["replies"]] == ["pt"]
        # A page from before the key is a conversation of its own: it sees neither.
        assert await replies(client, wait=0.2) == []
    token = client.cookies[SESSION_COOKIE]
    with service.sessions() as session:
        ids = set(session.execute(select(Person.channel_user_id)).scalars())
    assert ids == {person_key(token, "a" * 32), person_key(token, "0123456789abcdef" * 2)}
    assert token not in "".join(ids)


@pytest.mark.parametrize(
    "key", ["", "abc", "A" * 32, "a" * 31, "a" * 33, "g" * 32, "a" * 31 + "\u00e9", "../" * 11]
)
async def test_a_malformed_conversation_key_is_refused(
    make_service: ServiceFactory, key: str
) -> None:
    service = make_service()
    headers = {CONVERSATION_HEADER.encode(): key.encode("utf-8")}  # bytes: sent as they are
    async with chat_client(service) as client:
        sent = await client.post("/chat/messages", json={"text": "hola"}, headers=headers)
        assert sent.status_code == 400 and "hola" not in sent.text
        fetched = await client.get("/chat/replies", params={"wait": 0}, headers=headers)
        assert fetched.status_code == 400
    with service.sessions() as session:
        assert session.execute(select(Person.id)).first() is None
        assert session.execute(select(InboundEvent.id)).first() is None


async def test_a_command_from_the_page_is_a_command(make_service: ServiceFactory) -> None:
    """The page's "/start" opens a conversation with the language choice, never a typed word."""
    async with chat_client(make_service()) as client:
        sent = await client.post("/chat/messages", json={"text": "/start"})
        assert sent.status_code == 202
        [question] = await replies(client)
    assert [option["id"] for option in question["options"]] == [
        f"lang:{code}" for code in LANGUAGE_NAMES
    ]


@pytest.mark.parametrize("lang", ["en", "fr", "pt", "ht", "es"])
async def test_the_page_follows_accept_language(make_service: ServiceFactory, lang: str) -> None:
    _ = Translator().gettext_for(lang)
    async with chat_client(make_service()) as client:
        page = await client.get("/", headers={"accept-language": f"{lang}-XX,ar;q=0.9"})
    assert f'<html lang="{lang}">' in page.text
    assert f'<button type="submit" id="send">{_(phrases.PAGE_SEND)}</button>' in page.text
    assert f'aria-label="{_(phrases.PAGE_CONVERSATION)}"' in page.text
    assert f">{_(phrases.PAGE_CONTINUE)}</button>" in page.text
