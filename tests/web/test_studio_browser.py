"""The studio in real headless Chromium: an editor edits, sees the limit, publishes, and the
person's web chat gives the new answer."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.async_api import Browser, BrowserContext, Page, expect

from bot import PROJECT_ROOT
from bot.nlp.models import ReloadingParser
from bot.service import Service
from bot.storage import accounts
from bot.storage.accounts import Role
from tests.conftest import ServiceFactory, copy_live_model
from tests.web.conftest import LiveServer

PASSWORD = "a long editor password"
SHOTS = PROJECT_ROOT / "var"
NEW_ANSWER = "Keep copies of your papers in a safe place. Ask IOM staff which ones you need."


async def editor_in_studio(
    browser: Browser, service: Service, server: LiveServer, name: str
) -> tuple[BrowserContext, Page, list[str]]:
    """A new editor account, signed in in a desktop browser; the console errors it logs."""
    with service.database.write() as session:
        accounts.create_user(
            session=session, email=f"{name}@staff.faro.example", role=Role.EDITOR, password=PASSWORD
        )
    context = await browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    studio = await context.new_page()
    errors: list[str] = []
    studio.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    await studio.goto(server.url + "/desk/")
    await studio.fill("#email", f"{name}@staff.faro.example")
    await studio.fill("#password", PASSWORD)
    await studio.click("#sign-in")
    return context, studio, errors


@pytest.mark.browser
async def test_an_editor_edits_publishes_and_the_bot_answers_with_it(
    browser: Browser, make_service: ServiceFactory, live_server: Callable[..., LiveServer]
) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    service = make_service(FARO_CONTENT_TTL=0)
    server = live_server(service)
    context, studio, errors = await editor_in_studio(browser, service, server, "eva")
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


TOPIC_ANSWER = "Pregunte al personal del albergue si hay enchufes para cargar el teléfono."
TOPIC_QUESTIONS = (
    "donde puedo cargar mi celular",
    "se me acabo la bateria del telefono",
    "hay enchufes para cargar el cel",
    "necesito cargar mi telefono urgente no tengo bateria",
    "donde cargo el celular aqui",
    "mi cel esta muerto donde lo cargo",
    "hay donde cargar telefonos en el albergue",
    "ocupo cargar el celular",
)


@pytest.mark.browser
async def test_an_editor_adds_a_topic_and_the_retrained_model_answers_it(
    browser: Browser,
    make_service: ServiceFactory,
    live_server: Callable[..., LiveServer],
    tmp_path: Path,
) -> None:
    """New topic, example questions, a publish that retrains, and the bot answers it."""
    models = tmp_path / "models"
    copy_live_model(models)
    parser = ReloadingParser.open(models, interval=0.5)
    parser.start()
    try:
        service = make_service(parser=parser, FARO_MODELS_DIR=str(models), FARO_CONTENT_TTL=0)
        server = live_server(service)
        before = parser.model_path
        context, studio, errors = await editor_in_studio(browser, service, server, "rui")
        await studio.click("#new-item")
        await studio.fill("#key", "phone_charging")
        await studio.fill("#title", "Cargar el teléfono")
        await studio.fill("#summary", "Dónde cargar el celular")
        await studio.fill("#answer", TOPIC_ANSWER)
        await studio.fill("#examples", "\n".join(TOPIC_QUESTIONS))
        await studio.check('input[name="sources"][value="un-caravans-2018-12"]')
        await studio.click("#add-item")
        await expect(studio.locator(".notice")).to_contain_text("The new topic is a draft")
        await expect(studio.locator("#examples")).to_have_value("\n".join(TOPIC_QUESTIONS))

        # Publish: the questions are new, so the model is retrained and checked on the gate.
        await studio.goto(server.url + "/desk/studio/publish")
        await studio.click("#publish")
        await expect(studio.locator(".publish-status").first).to_have_text("Live", timeout=600_000)
        await studio.screenshot(path=str(SHOTS / "studio-retrained.png"), full_page=True)
        for _ in range(40):  # the service swaps the new model in within its check interval
            if parser.model_path != before:
                break
            await asyncio.sleep(0.25)
        assert parser.model_path != before and parser.model_path is not None
        assert parser.model_path.parent == models  # nlu/models was never touched

        # A person asks in their own words, in Spanish and in English (not translated yet).
        person = await browser.new_context(locale="es-MX", viewport={"width": 390, "height": 844})
        chat = await person.new_page()
        await chat.goto(server.url + "/?lang=es")
        await chat.fill("#text", "donde puedo cargar mi celular")
        await chat.click("#send")
        await expect(chat.locator(".msg.bot", has_text=TOPIC_ANSWER)).to_have_count(
            1, timeout=15_000
        )
        assert errors == []
        await context.close()
        await person.close()
    finally:
        parser.close()
