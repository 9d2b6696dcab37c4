"""The studio: the grid, drafts, translation status, limits, verification, versions, publish."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import itertools
from collections.abc import Iterator

import httpx
import pytest

from bot.core.messages import LANGUAGES, Channel, Incoming, Kind
from bot.storage.content import (
    KIND_EXAMPLES,
    KIND_ITEM,
    document_state,
    live_bundle,
    publish_bundle,
    publish_drafts,
)
from bot.storage.memory import MemoryConversationStore
from bot.storage.models import ContentPublish
from bot.storage.unanswered import keep_unanswered, recent_unanswered
from tests.conftest import ServiceFactory
from tests.web.staff_world import StaffWorld, sign_in

STORE = MemoryConversationStore()
MESSAGE_IDS = itertools.count()


@pytest.fixture
def world(make_service: ServiceFactory) -> Iterator[StaffWorld]:
    """Staff accounts on SQLite, the content re-read on every message."""
    yield StaffWorld.build(make_service(FARO_CONTENT_TTL=0))


def live_answer(world: StaffWorld, topic: str, lang: str) -> str:
    """What the bot answers now for a topic, through the core."""
    incoming = Incoming(
        Channel.CLI,
        f"u-{topic}-{lang}",
        f"m-{next(MESSAGE_IDS)}",
        Kind.BUTTON,
        payload=f"topic:{topic}",
        lang=lang,
    )
    prepared = world.service.assistant.prepare(incoming)
    with STORE.conversation(incoming.channel, incoming.user_id, incoming.message_id) as person:
        assert person is not None
        replies = world.service.assistant.decide(prepared, person).replies
        return "\n\n".join(reply.text for reply in replies)


def draft_of(world: StaffWorld, key: str) -> dict | None:  # type: ignore[type-arg]
    """The stored draft of a topic, if any."""
    with world.service.database.read() as session:
        state = document_state(session=session, kind=KIND_ITEM, key=key)
    assert state is not None
    return state.draft


async def save(
    client: httpx.AsyncClient, token: str, key: str, lang: str, **fields: str
) -> httpx.Response:
    """Post the edit form of one language."""
    return await client.post(
        f"/desk/studio/items/{key}/draft", data={"csrftoken": token, "lang": lang, **fields}
    )


async def publish_and_wait(client: httpx.AsyncClient, token: str, world: StaffWorld) -> str:
    """Press Publish; wait for the publish to end; its status."""
    pressed = await client.post("/desk/studio/publish", data={"csrftoken": token})
    assert pressed.status_code == 303
    for _ in range(100):
        with world.service.database.read() as session:
            row = session.query(ContentPublish).order_by(ContentPublish.id.desc()).first()
        if row is not None and row.status != "running":
            return row.status
        await asyncio.sleep(0.1)
    raise AssertionError("the publish did not end")


async def test_the_grid_shows_every_topic_its_languages_and_what_is_due(
    world: StaffWorld,
) -> None:
    soon = dt.date.today() + dt.timedelta(days=3)
    with world.service.database.write() as session:
        bundle = live_bundle(session=session)
        topics = tuple(
            t.model_copy(update={"review_by": soon}) if t.topic == "work" else t
            for t in bundle.topics
        )
        publish_bundle(session=session, bundle=dataclasses.replace(bundle, topics=topics), note="t")
    async with world.client() as client:
        await sign_in(client, "editor")
        page = await client.get("/desk/studio")
    assert page.status_code == 200
    assert page.text.count('<tr id="topic-') == 17
    # Nobody checked the translations in the studio yet: all but Spanish need review.
    assert page.text.count("status-needs_review") == 17 * 4
    assert page.text.count("status-source") == 17
    work = page.text.split('id="topic-work"')[1].split("</tr>")[0]
    # Due within 14 days, and never verified by a person: both flagged.
    assert work.count('class="due"') == 2 and soon.isoformat() in work


async def test_a_draft_is_not_live_until_published_and_status_follows_the_source(
    world: StaffWorld,
) -> None:
    before = live_answer(world, "documents", "en")
    async with world.client() as client:
        token = await sign_in(client, "editor")
        page = await client.get("/desk/studio/items/documents?lang=en")
        assert page.status_code == 200 and 'lang="es"' in page.text
        saved = await save(
            client,
            token,
            "documents",
            "en",
            title="Documents",
            summary="Papers you may need",
            answer="Keep copies of your papers. Ask IOM staff which ones you need.",
        )
        assert saved.status_code == 303
        draft = draft_of(world, "documents")
        assert draft is not None and draft["answer"]["en"].startswith("Keep copies")
        assert live_answer(world, "documents", "en") == before  # a draft is not live
        grid = await client.get("/desk/studio?lang=en&status=reviewed")
        assert 'id="topic-documents"' in grid.text and grid.text.count('<tr id="topic-') == 1
        # The Spanish source changes: the English translation needs review again.
        es = draft["answer"]["es"] + " Pregunte también en el albergue."
        await save(
            client,
            token,
            "documents",
            "es",
            title=draft["title"]["es"],
            summary=draft["summary"]["es"],
            answer=es,
        )
        grid = await client.get("/desk/studio?lang=en&status=reviewed")
        assert 'id="topic-documents"' not in grid.text
        assert await publish_and_wait(client, token, world) == "unchanged"
    now = live_answer(world, "documents", "en")
    assert now.startswith("Keep copies of your papers.")
    assert "Source: UN report (IOM, UNHCR, UNICEF), December 2018." in now
    assert draft_of(world, "documents") is None
    actions = [line.action for line in world.audit()]
    assert {"content_viewed", "content_draft", "content_publish", "content_published"} <= set(
        actions
    )


async def test_an_answer_over_the_phone_limit_is_refused_with_nothing_saved(
    world: StaffWorld,
) -> None:
    async with world.client() as client:
        token = await sign_in(client, "editor")
        await client.post("/desk/lang", data={"csrftoken": token, "lang": "en", "back": "/desk/"})
        refused = await save(
            client,
            token,
            "shelter",
            "fr",
            title="Refuges",
            summary="Où dormir",
            answer="mot " * 260,
        )
        assert refused.status_code == 422
        assert "with the sources line, at most 1000" in refused.text
        assert "mot mot mot" in refused.text  # what was typed is kept on the page
        long_title = await save(
            client,
            token,
            "shelter",
            "fr",
            title="Un titre beaucoup trop long",
            summary="x",
            answer="Demandez au personnel.",
        )
        assert long_title.status_code == 422 and "title.fr" in long_title.text
        empty = await save(client, token, "shelter", "fr", title="", summary="", answer="")
        assert empty.status_code == 422 and "cannot be emptied" in empty.text
    assert draft_of(world, "shelter") is None


async def test_verify_then_publish_shows_the_date_and_restore_brings_back_a_version(
    world: StaffWorld,
) -> None:
    first = live_answer(world, "documents", "es")
    async with world.client() as client:
        token = await sign_in(client, "editor")
        # An answer with no room left for the date line cannot be marked checked.
        full = await client.post(
            "/desk/studio/items/health/verify", data={"csrftoken": token, "lang": "es"}
        )
        assert full.status_code == 422 and "with the sources line" in full.text
        await client.post(
            "/desk/studio/items/documents/verify", data={"csrftoken": token, "lang": "es"}
        )
        assert await publish_and_wait(client, token, world) == "unchanged"
        checked = live_answer(world, "documents", "es")
        assert "Revisado por una persona el" in checked
        # Version 1 (before the check) back as a draft, then live again.
        restored = await client.post(
            "/desk/studio/items/documents/restore", data={"csrftoken": token, "number": "1"}
        )
        assert restored.status_code == 303
        assert await publish_and_wait(client, token, world) == "unchanged"
    assert live_answer(world, "documents", "es") == first
    page_lines = [line.action for line in world.audit()]
    assert "content_verified" in page_lines and "content_restored" in page_lines


async def test_a_caseworker_cannot_edit_or_publish(world: StaffWorld) -> None:
    async with world.client() as client:
        token = await sign_in(client, "caseworker")
        refused = await save(client, token, "shelter", "en", title="x", summary="y", answer="z")
        assert refused.status_code == 403
        assert (
            await client.post("/desk/studio/publish", data={"csrftoken": token})
        ).status_code == 403
    assert draft_of(world, "shelter") is None


async def test_unanswered_questions_are_grouped_taught_or_dismissed(world: StaffWorld) -> None:
    with world.service.database.write() as session:
        for text in ("donde cambio dolares", "donde cambio dólares?", "hay wifi gratis"):
            keep_unanswered(session=session, cipher=world.service.cipher, lang="es", text=text)
    async with world.client() as client:
        token = await sign_in(client, "editor")
        page = await client.get("/desk/studio/unanswered")
        assert page.status_code == 200 and page.text.count('<article class="group"') == 2
        with world.service.database.read() as session:
            kept = recent_unanswered(session=session, cipher=world.service.cipher)
        dollars = ",".join(str(q.id) for q in kept if "cambio" in q.text)
        wifi = ",".join(str(q.id) for q in kept if "wifi" in q.text)
        taught = await client.post(
            "/desk/studio/unanswered/teach",
            data={"csrftoken": token, "ids": dollars, "intent": "work", "lang": "es"},
        )
        assert taught.status_code == 303
        dismissed = await client.post(
            "/desk/studio/unanswered/dismiss", data={"csrftoken": token, "ids": wifi}
        )
        assert dismissed.status_code == 303
    with world.service.database.read() as session:
        assert recent_unanswered(session=session, cipher=world.service.cipher) == []
        state = document_state(session=session, kind=KIND_EXAMPLES, key="work")
    assert state is not None and state.draft is not None
    assert sorted(state.draft["es"][-2:]) == ["donde cambio dolares", "donde cambio dólares?"]
    assert state.live is not None and "donde cambio dolares" not in state.live["es"]
    # The audit says what was done, never what was asked.
    lines = [(line.action, line.detail or "") for line in world.audit()]
    assert ("unanswered_taught", "es: 2") in lines and ("unanswered_dismissed", "1") in lines
    assert not any("cambio" in detail or "wifi" in detail for _, detail in lines)


async def test_a_city_paragraph_is_edited_beside_its_source_and_held_to_the_limit(
    world: StaffWorld,
) -> None:
    async with world.client() as client:
        token = await sign_in(client, "editor")
        page = await client.get("/desk/studio/items/shelter?lang=pt")
        assert 'name="city_tijuana"' in page.text and 'name="city_mexicali"' not in page.text
        draft = {
            "csrftoken": token,
            "lang": "pt",
            "title": "Abrigos",
            "summary": "Onde dormir",
            "answer": "Pergunte à equipe do abrigo.",
            "city_tijuana": "Em Tijuana, pergunte no abrigo principal.",
            "city_tapachula": "Em Tapachula, pergunte no abrigo.",
            "city_tecun_uman": "Em Tecún Umán, pergunte na Casa del Migrante.",
            "city_mexicali": "ignored: the topic has no Mexicali paragraph",
        }
        saved = await client.post("/desk/studio/items/shelter/draft", data=draft)
        assert saved.status_code == 303
        stored = draft_of(world, "shelter")
        assert stored is not None
        assert stored["cities"]["tijuana"]["pt"] == "Em Tijuana, pergunte no abrigo principal."
        assert "mexicali" not in stored["cities"]
        too_long = {**draft, "city_tijuana": "palavra " * 150}
        refused = await client.post("/desk/studio/items/shelter/draft", data=too_long)
        assert refused.status_code == 422 and "cities.tijuana.pt" in refused.text
    again = draft_of(world, "shelter")
    assert again is not None and again["cities"]["tijuana"]["pt"].startswith("Em Tijuana")


async def test_services_are_edited_added_and_checked(world: StaffWorld) -> None:
    new = {
        "key": "albergue-de-prueba",
        "lang": "es",
        "name": "Albergue de prueba",
        "kind": "shelter",
        "city": "tapachula",
        "serves": ["families", "women"],
        "topics": ["shelter"],
        "sources": ["un-caravans-2018-12"],
        "offers": "Un lugar para dormir, según el informe.",
    }
    async with world.client() as client:
        token = await sign_in(client, "editor")
        await client.post("/desk/lang", data={"csrftoken": token, "lang": "en", "back": "/desk/"})
        page = await client.get("/desk/studio/services")
        assert page.status_code == 200 and 'id="service-buen-pastor-tapachula"' in page.text
        edited = await client.post(
            "/desk/studio/services",
            data={
                "csrftoken": token,
                **{**new, "key": "buen-pastor-tapachula", "lang": "en"},
                "name": "Albergue El Buen Pastor",
                "offers": "Shelter; in 2018 it served up to 300 people a day.",
            },
        )
        assert edited.status_code == 303
        added = await client.post("/desk/studio/services", data={"csrftoken": token, **new})
        assert added.status_code == 303
        for bad, expected in (
            ({"key": "Bad Key!"}, "lower-case"),
            ({"phone": "call me maybe"}, "phone"),
            ({"sources": ["no-such-source"]}, "no-such-source"),
            ({"city": "atlantis"}, "city"),
            ({"key": "new-in-french", "lang": "fr"}, "source language first"),
        ):
            refused = await client.post(
                "/desk/studio/services", data={"csrftoken": token, **new, **bad}
            )
            assert refused.status_code == 422 and expected in refused.text, bad
        assert await publish_and_wait(client, token, world) == "unchanged"
    library = world.service.content.library()
    [pastor] = [
        s
        for s in library.services("en", topic="shelter", city="tapachula")
        if s.key == "buen-pastor-tapachula"
    ]
    assert pastor.offers == "Shelter; in 2018 it served up to 300 people a day."
    [mine] = [
        s
        for s in library.services("fr", topic="shelter", city="tapachula")
        if s.key == "albergue-de-prueba"
    ]
    # Until translated, a new service says what it offers in the source language, marked.
    assert mine.offers == "Un lugar para dormir, según el informe." and mine.untranslated
    async with world.client() as client:
        await sign_in(client, "editor")
        page = await client.get("/desk/studio/services")
    mine_row = page.text.split('id="service-albergue-de-prueba"')[1].split("</tr>")[0]
    assert mine_row.count("status-missing") == 4 and mine_row.count("status-source") == 1
    pastor_row = page.text.split('id="service-buen-pastor-tapachula"')[1].split("</tr>")[0]
    # English was saved in the studio beside the source: reviewed; the rest never checked.
    english = 'href="/desk/studio/services?key=buen-pastor-tapachula&amp;lang=en"'
    assert f'class="status-reviewed"><a {english}' in pastor_row
    assert pastor_row.count("status-needs_review") == 3


NEW_TOPIC = {
    "key": "phone_charging",
    "title": "Cargar el teléfono",
    "summary": "Dónde cargar el celular",
    "answer": "Pregunte al personal del albergue si hay enchufes.",
    "examples": "\n".join(
        [
            "donde puedo cargar mi celular",
            "se me acabo la bateria del telefono",
            "hay enchufes en el albergue?",
            "necesito cargar el cel",
            "donde cargo el telefono",
            "donde cargo el telefono",  # a repeat is dropped
        ]
    ),
    "sources": "un-caravans-2018-12",
    "countries": "MX",
}


def examples_draft(world: StaffWorld, key: str) -> dict | None:  # type: ignore[type-arg]
    """The stored draft of an intent's example questions, if any."""
    with world.service.database.read() as session:
        state = document_state(session=session, kind=KIND_EXAMPLES, key=key)
    return None if state is None else state.draft


def short_names(names: dict[str, str]) -> dict[str, list[str]]:
    """The sources form's short names: a language and its text, in pairs."""
    return {"short_lang": list(names), "short": list(names.values())}


def publish_without_training(world: StaffWorld) -> None:
    """Make every draft live (the model is not retrained: the core reads the content)."""
    with world.service.database.write() as session:
        publish_drafts(session=session, by=None, note="test")


async def test_a_new_topic_is_written_in_spanish_then_missing_elsewhere_until_translated(
    world: StaffWorld,
) -> None:
    review_by = (dt.date.today() + dt.timedelta(days=90)).isoformat()
    form = {**NEW_TOPIC, "review_by": review_by}
    with world.service.database.read() as session:
        shelter_question = live_bundle(session=session).examples["shelter"]["es"][0]
    async with world.client() as client:
        token = await sign_in(client, "editor")
        await client.post("/desk/lang", data={"csrftoken": token, "lang": "en", "back": "/desk/"})
        assert (await client.get("/desk/studio/new-item")).status_code == 200
        for bad, expected in (
            ({"key": "Phone Charging"}, "lower-case letters"),
            ({"key": "greet"}, "not one Faro uses"),
            ({"key": "shelter"}, "exists already"),
            ({"examples": "uno\ndos\ntres"}, "at least 5 example questions"),
            ({"examples": f"{NEW_TOPIC['examples']}\n{shelter_question}"}, "also an example"),
            ({"answer": "palabra " * 200}, "characters with the sources line"),
            ({"review_by": "2001-01-01"}, "in the future"),
            ({"review_by": "soon"}, "review date"),
            ({"sources": "no-such-source"}, "no-such-source"),
        ):
            refused = await client.post(
                "/desk/studio/new-item", data={"csrftoken": token, **form, **bad}
            )
            assert refused.status_code == 422, bad
            assert expected in refused.text, (bad, refused.text[-2000:])
        assert draft_of_or_none(world, "phone_charging") is None
        added = await client.post("/desk/studio/new-item", data={"csrftoken": token, **form})
        assert added.status_code == 303
        assert added.headers["location"].endswith("/items/phone_charging?lang=es&done=added")
        questions = examples_draft(world, "phone_charging")
        assert questions == {"es": NEW_TOPIC["examples"].splitlines()[:5]}
        grid = await client.get("/desk/studio?status=missing")
        row = grid.text.split('id="topic-phone_charging"')[1].split("</tr>")[0]
        assert row.count("status-missing") == 4 and row.count("status-source") == 1
        assert grid.text.count('<tr id="topic-') == 1  # only the new topic misses a language
        page = await client.get("/desk/studio/items/phone_charging?lang=en")
        assert page.status_code == 200 and 'id="answer" name="answer"' in page.text
        assert "Missing" in page.text
    publish_without_training(world)
    # Reached by its button (the model learns its questions at the next real publish).
    english = live_answer(world, "phone_charging", "en")
    notice, answer = english.split("\n\n", 1)
    assert notice == "This answer is not in your language yet. Here it is in Spanish:"
    assert answer.startswith("Pregunte al personal del albergue") and "Source: UN report" in answer
    spanish = live_answer(world, "phone_charging", "es")
    assert spanish.startswith("Pregunte al personal del albergue")


def draft_of_or_none(world: StaffWorld, key: str) -> dict | None:  # type: ignore[type-arg]
    """The stored draft of a topic, or None when the topic does not exist at all."""
    with world.service.database.read() as session:
        state = document_state(session=session, kind=KIND_ITEM, key=key)
    return None if state is None else state.draft


async def test_example_questions_are_edited_one_language_at_a_time(world: StaffWorld) -> None:
    with world.service.database.read() as session:
        before = live_bundle(session=session).examples["work"]
    async with world.client() as client:
        token = await sign_in(client, "editor")
        await client.post("/desk/lang", data={"csrftoken": token, "lang": "en", "back": "/desk/"})
        page = await client.get("/desk/studio/items/work?lang=pt")
        assert before["pt"][0] in page.text
        lines = [*before["pt"], "  tem vaga de ajudante de pedreiro em Tijuana?  ", ""]
        saved = await client.post(
            "/desk/studio/items/work/examples",
            data={"csrftoken": token, "lang": "pt", "examples": "\n".join(lines)},
        )
        assert saved.status_code == 303
        draft = examples_draft(world, "work")
        assert draft is not None
        assert draft["pt"] == [*before["pt"], "tem vaga de ajudante de pedreiro em Tijuana?"]
        assert tuple(draft["es"]) == before["es"]  # the other languages are untouched
        for text, expected in (
            ("", "no example questions"),
            ("\n".join([*before["pt"], before["pt"][0].upper() + " "]), "pt"),
            ("\n".join([*before["pt"], "x" * 600]), "longer than 500"),
        ):
            refused = await client.post(
                "/desk/studio/items/work/examples",
                data={"csrftoken": token, "lang": "pt", "examples": text},
            )
            if expected == "pt":
                # Case and spacing aside, a repeat of its own example is merged, not refused.
                assert refused.status_code == 303
                continue
            assert refused.status_code == 422 and expected in refused.text, text[:40]
        with world.service.database.read() as session:
            shelter_question = live_bundle(session=session).examples["shelter"]["pt"][0]
        clash = await client.post(
            "/desk/studio/items/work/examples",
            data={
                "csrftoken": token,
                "lang": "pt",
                "examples": f"{before['pt'][0]}\n{shelter_question}",
            },
        )
        assert clash.status_code == 422 and "also an example of shelter" in clash.text


async def test_a_city_paragraph_is_added_and_removed_in_spanish(
    world: StaffWorld,
) -> None:
    async with world.client() as client:
        token = await sign_in(client, "editor")
        await client.post("/desk/lang", data={"csrftoken": token, "lang": "en", "back": "/desk/"})
        page = await client.get("/desk/studio/items/work?lang=es")
        assert 'name="new_city"' in page.text
        with world.service.database.read() as session:
            work = next(t for t in live_bundle(session=session).topics if t.topic == "work")
        form = {
            "csrftoken": token,
            "lang": "es",
            "title": work.title.get("es"),
            "summary": work.summary.get("es"),
            "answer": work.answer.get("es"),
            **{f"city_{city}": texts.get("es") for city, texts in work.cities.items()},
        }
        city = next(c for c in ("mexicali", "tapachula", "tijuana") if c not in work.cities)
        added = await client.post(
            "/desk/studio/items/work/draft",
            data={**form, "new_city": city, "new_city_text": "Pregunte en la oficina."},
        )
        assert added.status_code == 303
        stored = draft_of(world, "work")
        assert stored is not None and stored["cities"][city] == {"es": "Pregunte en la oficina."}
        grid = await client.get("/desk/studio")
        row = grid.text.split('id="topic-work"')[1].split("</tr>")[0]
        assert row.count("status-missing") == 4
        in_french = await client.post(
            "/desk/studio/items/work/draft",
            data={**form, "lang": "fr", "new_city": "mexicali", "new_city_text": "Demandez."},
        )
        assert in_french.status_code == 422 and "source language first" in in_french.text
        emptied = await client.post(
            "/desk/studio/items/work/draft", data={**form, f"city_{city}": ""}
        )
        # An empty box is read as not sent: the paragraph keeps its text (removing is a box).
        assert emptied.status_code == 303
        kept = draft_of(world, "work")
        assert kept is not None and kept["cities"][city] == {"es": "Pregunte en la oficina."}
        not_here = await client.post(
            "/desk/studio/items/work/draft", data={**form, "lang": "fr", "remove_city": city}
        )
        assert not_here.status_code == 422 and "removed in the source language" in not_here.text
        removed = await client.post(
            "/desk/studio/items/work/draft", data={**form, "remove_city": city}
        )
        assert removed.status_code == 303
        stored = draft_of(world, "work")
        assert stored is not None and city not in stored.get("cities", {})


async def test_sources_are_listed_with_what_cites_them_edited_and_checked(
    world: StaffWorld,
) -> None:
    async with world.client() as client:
        token = await sign_in(client, "editor")
        await client.post("/desk/lang", data={"csrftoken": token, "lang": "en", "back": "/desk/"})
        page = await client.get("/desk/studio/sources")
        assert page.status_code == 200 and 'id="source-un-caravans-2018-12"' in page.text
        with world.service.database.read() as session:
            report = live_bundle(session=session).sources["un-caravans-2018-12"]
        form = {
            "csrftoken": token,
            "key": "un-caravans-2018-12",
            "name": report.name,
            "date": report.date,
            "ref": report.ref,
            **short_names({code: report.short.get(code) for code in LANGUAGES}),
        }
        names = {code: report.short.get(code) for code in LANGUAGES}
        for bad, expected in (
            ({"date": "2018-13"}, "date"),
            ({"date": ""}, "date"),
            (short_names({**names, "es": ""}), "short.es"),
            ({"key": "Not A Key"}, "lower-case"),
            # A short name so long that the answers citing it no longer fit on a phone.
            (short_names({**names, "fr": "rapport " * 24}), "characters with the sources line"),
        ):
            refused = await client.post("/desk/studio/sources", data={**form, **bad})
            assert refused.status_code == 422 and expected in refused.text, bad
        saved = await client.post("/desk/studio/sources", data={**form, "date": "2018-12-10"})
        assert saved.status_code == 303
        new = await client.post(
            "/desk/studio/sources",
            data={**form, "key": "test-source", "name": "A test source", "date": "2026-11"},
        )
        assert new.status_code == 303
    publish_without_training(world)
    library = world.service.content.library()
    answer = library.get("shelter", "en")
    assert answer is not None and any(note.date == "2018-12-10" for note in answer.sources)
    with world.service.database.read() as session:
        assert "test-source" in live_bundle(session=session).sources
