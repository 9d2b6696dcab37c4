"""The studio in real headless Chromium: an editor edits, sees the limit, publishes, and the
person's web chat gives the new answer."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.async_api import Browser, expect

from bot import PROJECT_ROOT
from bot.storage import accounts
from bot.storage.accounts import Role
from tests.conftest import ServiceFactory
from tests.web.conftest import LiveServer

PASSWORD = "a long editor password"
SHOTS = PROJECT_ROOT / "var"
NEW_ANSWER = "Keep copies of your papers in a safe place. Ask IOM staff which ones you need."


@pytest.mark.browser
async def test_an_editor_edits_publishes_and_the_bot_answers_with_it(
    browser: Browser, make_service: ServiceFactory, live_server: Callable[..., LiveServer]
) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    service = make_service(FARO_CONTENT_TTL=0)
    server = live_server(service)
    with service.database.write() as session:
        accounts.create_user(
            session=session, email="eva@staff.faro.example", role=Role.EDITOR, password=PASSWORD
        )
    context = await browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    studio = await context.new_page()
    errors: list[str] = []
    studio.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    await studio.goto(server.url + "/desk/")
    await studio.fill("#email", "eva@staff.faro.example")
    await studio.fill("#password", PASSWORD)
    await studio.click("#sign-in")
    await expect(studio).to_have_url(server.url + "/desk/studio")
    await expect(studio.locator("#topic-documents")).to_be_visible()

    # English beside the Spanish source; too long an answer is flagged while typing.
    await studio.click('#topic-documents a[href$="lang=en"]')
    await expect(studio.locator(".source")).to_contain_text("Documentos")
    await studio.fill("#answer", "word " * 230)
    warning = studio.locator('[data-count="answer"]')
    await expect(warning).to_have_class("count over")
    await expect(warning).to_contain_text("too long for a phone")
    await studio.screenshot(path=str(SHOTS / "studio-too-long.png"), full_page=True)
    await studio.fill("#answer", NEW_ANSWER)
    await expect(warning).to_have_class("count")
    await expect(studio.locator("#preview")).to_contain_text(NEW_ANSWER)
    await expect(studio.locator("#preview")).to_contain_text("Source: UN report")
    await studio.click("#save-draft")
    await expect(studio.locator(".notice")).to_contain_text("Saved as a draft")

    # Publish, and watch it end (the page refreshes itself while it runs).
    await studio.goto(server.url + "/desk/studio/publish")
    await studio.click("#publish")
    await expect(studio.locator(".publish-status").first).to_have_text(
        "Live (no new training)", timeout=30_000
    )
    await studio.screenshot(path=str(SHOTS / "studio-published.png"), full_page=True)

    # The person asks the bot, in the web chat, and gets the new answer.
    person = await browser.new_context(locale="en-US", viewport={"width": 390, "height": 844})
    chat = await person.new_page()
    await chat.goto(server.url + "/?lang=en")
    await chat.locator(".choices.list").last.get_by_role("button", name="Documents").click()
    await expect(chat.locator(".msg.bot", has_text=NEW_ANSWER)).to_have_count(1, timeout=15_000)
    assert errors == []
    await context.close()
    await person.close()
