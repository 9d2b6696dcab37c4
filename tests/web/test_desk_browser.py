"""The desk in real headless Chromium (Debian's), beside the person's own web chat.

A person opens the web chat and has a return request in the queue. A caseworker signs
in, claims it, changes its status after seeing the notice, and writes to the person;
the person's chat shows both; the person answers, and the answer appears in the desk;
the caseworker hands the person back to the bot, and the chat says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from playwright.async_api import Browser, Page, expect
from sqlalchemy import select

from bot import PROJECT_ROOT
from bot.core.effects import Consent, IntakeRecord
from bot.core.i18n import Translator
from bot.handoff import notices
from bot.handoff.lifecycle import Priority, RequestKind, Status, format_ref, new_ref
from bot.storage import accounts
from bot.storage import requests as queries
from bot.storage.accounts import Role
from bot.storage.models import Person
from bot.web.desk.i18n import DeskCatalogues
from tests.conftest import ServiceFactory
from tests.web.conftest import LiveServer

PASSWORD = "a long staff password"
SHOTS = PROJECT_ROOT / "var"


async def person_sees(page: Page, text: str, wait_ms: float = 15_000) -> None:
    """Wait until the person's chat shows a message from Faro with `text`."""
    await expect(page.locator(".msg.bot", has_text=text)).to_have_count(1, timeout=wait_ms)


@pytest.mark.browser
async def test_a_caseworker_works_a_request_while_the_person_chats(
    browser: Browser, make_service: ServiceFactory, live_server: Callable[..., LiveServer]
) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    service = make_service()
    server = live_server(service)
    with service.database.write() as session:
        accounts.create_user(
            session=session, email="ana@staff.faro.example", role=Role.CASEWORKER, password=PASSWORD
        )

    # The person: the web chat in Spanish; their first visit greets them.
    person_context = await browser.new_context(locale="es-MX")
    chat = await person_context.new_page()
    await chat.goto(server.url + "/?lang=es")
    await expect(chat.locator(".msg.bot").first).to_be_visible(timeout=15_000)
    with service.database.read() as session:
        person_id = session.execute(select(Person.id).where(Person.channel == "web")).scalar_one()
    # Their return request (the intake flow itself is tested with the conversation).
    ref = new_ref()
    with service.database.write() as session:
        queries.create_request(
            session=session,
            cipher=service.cipher,
            ref=ref,
            kind=RequestKind.RETURN,
            priority=Priority.HIGH,
            person_id=person_id,
            lang="es",
            channel="web",
            intake=IntakeRecord(name="Marta", country="HN", city="tijuana", group_size=3),
            consent=Consent("v1", "es", "web", dt.datetime.now(dt.UTC)),
        )

    # The caseworker, on a phone-sized screen, in English.
    desk_context = await browser.new_context(
        locale="en-US", viewport={"width": 390, "height": 844}, is_mobile=True
    )
    desk = await desk_context.new_page()
    problems: list[str] = []
    desk.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    await desk.goto(server.url + "/desk/")
    await expect(desk).to_have_url(server.url + "/desk/login")
    await desk.fill("#email", "ana@staff.faro.example")
    await desk.fill("#password", PASSWORD)
    await desk.click("#sign-in")
    await expect(desk).to_have_url(server.url + "/desk/queue")
    await expect(desk.locator("a.ref", has_text=format_ref(ref))).to_be_visible()
    await desk.screenshot(path=str(SHOTS / "desk-queue-phone.png"), full_page=True)

    # Claim next: the request opens, with its intake.
    await desk.click("#claim-next")
    await expect(desk).to_have_url(f"{server.url}/desk/requests/{format_ref(ref)}?done=claimed")
    await expect(desk.locator("dd", has_text="Marta")).to_be_visible()

    # Change the status: the exact notice shows first, in the person's language.
    translator = Translator()
    notice = notices.status_notice(translator, "es", Status.CONTACTED, ref)
    assert notice is not None
    await desk.click('a[data-move="contacted"]')
    await expect(desk.locator("#notice")).to_have_text(notice)
    await desk.screenshot(path=str(SHOTS / "desk-status-preview-phone.png"), full_page=True)
    await desk.click("#confirm")
    await expect(desk.locator("#status")).to_have_text(
        DeskCatalogues().get("en").gettext("Contacted")
    )
    await person_sees(chat, notice)

    # Write to the person: their chat shows it, marked as a caseworker's.
    await desk.fill("#text", "Hola Marta, soy Ana de la OIM. ¿Sigues en Tijuana?")
    await desk.click("#send")
    await expect(desk.locator(".msg.out .text")).to_have_text(
        "Hola Marta, soy Ana de la OIM. ¿Sigues en Tijuana?"
    )
    await person_sees(chat, "soy Ana de la OIM")
    shown = notices.caseworker_message(translator, "es", "soy Ana")
    await expect(chat.locator(".msg.bot").last).to_contain_text(shown.split(":")[0])
    await desk.set_viewport_size({"width": 1280, "height": 900})
    await desk.screenshot(path=str(SHOTS / "desk-request-laptop.png"), full_page=True)

    # The person answers; during the handoff the bot stays silent and the desk shows it
    # (the page notices new messages by itself).
    bot_messages = await chat.locator(".msg.bot").count()
    await chat.fill("#text", "Sí, sigo en el albergue")
    await chat.click("#send")
    await expect(desk.locator(".msg.in .text")).to_have_text(
        "Sí, sigo en el albergue", timeout=20_000
    )
    assert await chat.locator(".msg.bot").count() == bot_messages

    # Hand back: the person is told they are with the bot again.
    await desk.click("#hand-back")
    await expect(desk.locator("#hand-back")).to_have_count(0)
    await person_sees(chat, notices.handed_back(translator, "es"))
    await chat.screenshot(path=str(SHOTS / "desk-person-chat.png"), full_page=True)
    assert problems == []
    await desk_context.close()
    await person_context.close()
