"""The caseworkers' desk over HTTP, on SQLite and PostgreSQL: roles, sign-in, CSRF,
the queue, a request's life, exports, statistics, accounts, audit and log hygiene."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import logging
import re
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest
from babel.messages.pofile import read_po

from bot import PROJECT_ROOT
from bot.core.i18n import Translator
from bot.handoff import notices
from bot.handoff.lifecycle import Priority, RequestKind, Status, format_ref
from bot.storage import accounts
from bot.storage.accounts import Role
from bot.storage.content import KIND_EXAMPLES, KIND_ITEM, discard_draft, document_states
from bot.web.desk.i18n import DeskCatalogues
from bot.web.staff import EXPIRED_FORM, SecretKeyError
from tests.conftest import ServiceFactory
from tests.web.staff_world import (
    CANARY_NAME,
    CANARY_NOTE,
    CANARY_PHONE,
    CANARY_TEXT,
    PASSWORD,
    ROLES,
    StaffWorld,
    csrf,
    csrf_of,
    mounted_routes,
    sign_in,
)

NONE = "none"
CANARIES = (CANARY_NAME, CANARY_PHONE, CANARY_TEXT, CANARY_NOTE)


@pytest.fixture
def world(make_service: ServiceFactory, database_url: str) -> Iterator[StaffWorld]:
    """Staff accounts and an app on SQLite, then on PostgreSQL."""
    yield StaffWorld.build(make_service(database_url=database_url))


@pytest.fixture
def sqlite_world(make_service: ServiceFactory) -> Iterator[StaffWorld]:
    """The same on SQLite only, for tests about pages rather than storage."""
    yield StaffWorld.build(make_service())


@asynccontextmanager
async def signed_in(world: StaffWorld, role: str) -> AsyncIterator[tuple[httpx.AsyncClient, str]]:
    """A client signed in as `role` (or only holding a CSRF cookie for "none")."""
    async with world.client() as client:
        token = await csrf(client) if role == NONE else await sign_in(client, role)
        yield client, token


# -- every route with every role ---------------------------------------------------------


EVERYONE = (NONE, *ROLES)


def editors(code: int) -> dict[str, int]:
    """`code` for editors and admins (the studio), 403 for caseworkers, sign-in for nobody."""
    return {NONE: 303, "caseworker": 403, "editor": code, "admin": code}


def only(role: str, code: int) -> dict[str, int]:
    """`code` for `role`, 403 for the other roles, the sign-in page for nobody."""
    return {NONE: 303, **{other: 403 for other in ROLES}, role: code}


DESK_ROUTES: list[tuple[str, str, dict[str, str] | None, dict[str, int]]] = [
    ("GET", "/desk/", None, dict.fromkeys(EVERYONE, 303)),
    ("GET", "/desk/queue", None, only("caseworker", 200)),
    ("POST", "/desk/queue/claim", {}, only("caseworker", 303)),
    ("GET", "/desk/queue/export.csv", None, only("caseworker", 200)),
    ("GET", "/desk/queue/export.csv?personal=1", None, only("caseworker", 200)),
    ("GET", "/desk/requests/{ref}", None, only("caseworker", 200)),
    ("GET", "/desk/requests/{ref}/activity", None, only("caseworker", 200)),
    ("GET", "/desk/requests/{ref}/status?to=closed", None, only("caseworker", 200)),
    ("POST", "/desk/requests/{ref}/status", {"to": "closed"}, only("caseworker", 303)),
    ("POST", "/desk/requests/{ref}/notes", {"note": CANARY_NOTE}, only("caseworker", 303)),
    ("POST", "/desk/requests/{ref}/messages", {"text": CANARY_TEXT}, only("caseworker", 303)),
    ("POST", "/desk/requests/{ref}/handback", {}, only("caseworker", 303)),
    ("GET", "/desk/stats", None, only("caseworker", 200)),
    ("GET", "/desk/editor", None, only("editor", 303)),
    ("GET", "/desk/studio", None, editors(200)),
    ("GET", "/desk/studio/items/{key}", None, editors(200)),
    (
        "POST",
        "/desk/studio/items/{key}/draft",
        {"lang": "en", "title": "Shelters", "summary": "Where to sleep", "answer": "Ask staff."},
        editors(303),
    ),
    (
        "POST",
        "/desk/studio/items/{key}/examples",
        {"lang": "en", "examples": "what papers do I need\nwhich documents do I need"},
        editors(303),
    ),
    ("GET", "/desk/studio/new-item", None, editors(200)),
    (
        "POST",
        "/desk/studio/new-item",
        {
            "key": "{topic}",
            "title": "Prueba",
            "summary": "Una prueba",
            "answer": "Pregunte al personal.",
            "examples": "prueba uno {topic}\nprueba dos {topic}\nprueba tres {topic}\n"
            "prueba cuatro {topic}\nprueba cinco {topic}",
            "sources": "un-caravans-2018-12",
            "countries": "MX",
            "review_by": "2099-01-01",
        },
        editors(303),
    ),
    ("GET", "/desk/studio/sources", None, editors(200)),
    (
        "POST",
        "/desk/studio/sources",
        {
            "key": "test-source",
            "name": "A test source",
            "date": "2026-11",
            "ref": "test",
            "short_lang": "es",
            "short": "test",
        },
        editors(303),
    ),
    ("POST", "/desk/studio/items/{key}/verify", {"lang": "en"}, editors(303)),
    ("POST", "/desk/studio/items/{key}/restore", {"number": "1"}, editors(303)),
    ("POST", "/desk/studio/items/{key}/discard", {"lang": "en"}, editors(303)),
    ("POST", "/desk/studio/publish", {}, editors(303)),
    ("GET", "/desk/studio/publish", None, editors(200)),
    ("GET", "/desk/studio/unanswered", None, editors(200)),
    ("GET", "/desk/studio/services", None, editors(200)),
    (
        "POST",
        "/desk/studio/services",
        {
            "key": "test-desk",
            "lang": "es",
            "name": "Albergue de prueba",
            "kind": "shelter",
            "city": "tijuana",
            "serves": "everyone",
            "topics": "shelter",
            "sources": "un-caravans-2018-12",
            "offers": "Un lugar para dormir.",
        },
        editors(303),
    ),
    (
        "POST",
        "/desk/studio/unanswered/teach",
        {"ids": "1", "intent": "shelter", "lang": "es"},
        editors(303),
    ),
    ("POST", "/desk/studio/unanswered/dismiss", {"ids": "1"}, editors(303)),
    ("GET", "/desk/admin/accounts", None, only("admin", 200)),
    ("POST", "/desk/admin/accounts", {"email": "{new}", "role": "editor"}, only("admin", 201)),
    ("POST", "/desk/admin/accounts/{victim}/deactivate", {}, only("admin", 303)),
    ("GET", "/desk/admin/audit", None, only("admin", 200)),
    # Open to everyone: the sign-in page, the stylesheet, the language; then signing out.
    ("GET", "/desk/login", None, {NONE: 200, **{role: 303 for role in ROLES}}),
    (
        "POST",
        "/desk/login",
        {"email": "x@y.example", "password": "no"},
        dict.fromkeys(EVERYONE, 400),
    ),
    ("GET", "/desk/static/desk.css", None, dict.fromkeys(EVERYONE, 200)),
    (
        "POST",
        "/desk/lang",
        {"lang": "pt", "back": "/desk/"},
        dict.fromkeys(EVERYONE, 303),
    ),
    ("POST", "/desk/logout", {}, dict.fromkeys(EVERYONE, 303)),
]


OPEN = {"/desk/", "/desk/login", "/desk/static/desk.css", "/desk/lang", "/desk/logout"}


def drop_training_drafts(world: StaffWorld) -> None:
    """Drop the drafts that would retrain the model, so the table's publish trains nothing.

    Training takes a minute of both cores; publishes that train are tested on their own.
    """
    with world.service.database.write() as session:
        for state in document_states(session=session, kind=KIND_EXAMPLES):
            discard_draft(session=session, kind=KIND_EXAMPLES, key=state.key)
        for state in document_states(session=session, kind=KIND_ITEM):
            if state.live is None:
                discard_draft(session=session, kind=KIND_ITEM, key=state.key)


async def test_every_desk_route_with_every_role_and_with_none(world: StaffWorld) -> None:
    tried = 0
    for role in (NONE, *ROLES):
        async with signed_in(world, role) as (client, token):
            for method, template, form, expected in DESK_ROUTES:
                tried += 1
                ref = world.add_request()
                with world.service.database.write() as session:
                    victim = accounts.create_user(
                        session=session,
                        email=f"victim-{tried}@staff.faro.example",
                        role=Role.EDITOR,
                        password=PASSWORD,
                    ).id
                path = template.format(ref=format_ref(ref), victim=victim, key="documents")
                before = world.request(ref)
                if (method, template) == ("POST", "/desk/studio/publish"):
                    drop_training_drafts(world)
                if method == "GET":
                    response = await client.get(path)
                else:
                    data = {
                        k: v.format(new=f"new-{tried}@staff.faro.example", topic=f"topic_{tried}")
                        for k, v in (form or {}).items()
                    }
                    response = await client.post(path, data={"csrftoken": token, **data})
                want = expected[role]
                assert response.status_code == want, (role, method, template, response.text[:300])
                if role == NONE and want == 303 and template not in OPEN:
                    assert response.headers["location"].startswith("/desk/login?next=")
                if want == 403:
                    # Refused means nothing happened and nothing was shown.
                    after = world.request(ref)
                    assert (after.status, after.claimed_by, after.handoff_open) == (
                        before.status,
                        before.claimed_by,
                        before.handoff_open,
                    )
                    assert CANARY_NAME not in response.text
    assert tried == len(DESK_ROUTES) * 4
    # The table is the whole desk: every route the app serves was tried.
    assert mounted_routes(world.app, "/desk") == {
        (method, template.split("?")[0].replace("{victim}", "{user_id}"))
        for method, template, _, _ in DESK_ROUTES
        if "/static/" not in template
    }
    # Nobody but caseworkers touched a request; nobody but the admin an account.
    by_role = {user.id: role for role, user in world.users.items()}
    for line in world.audit():
        role = by_role.get(line.staff_id or -1, "")
        if line.action in {"claim", "status", "note", "message", "handback", "request_view"}:
            assert role == "caseworker", line.action
        if line.action.startswith("account_"):
            assert role == "admin", line.action
        if line.action.startswith(("content_", "unanswered_")):
            assert role in ("editor", "admin"), line.action


async def test_a_caseworker_cannot_reach_admin_pages_and_an_editor_sees_no_request(
    sqlite_world: StaffWorld,
) -> None:
    world = sqlite_world
    ref = world.add_request()
    async with signed_in(world, "caseworker") as (client, _):
        for path in ("/desk/admin/accounts", "/desk/admin/audit", "/desk/editor", "/desk/studio"):
            assert (await client.get(path)).status_code == 403
    async with signed_in(world, "editor") as (client, _):
        landing = await client.get("/desk/")
        assert landing.headers["location"] == "/desk/studio"
        page = await client.get("/desk/studio")
        assert "/desk/queue" not in page.text  # no way to the queue from an editor's page
        for path in ("/desk/queue", f"/desk/requests/{format_ref(ref)}", "/desk/stats"):
            refused = await client.get(path)
            assert refused.status_code == 403 and CANARY_NAME not in refused.text
    async with signed_in(world, "admin") as (client, _):
        refused = await client.get(f"/desk/requests/{format_ref(ref)}")
        assert refused.status_code == 403 and CANARY_NAME not in refused.text


# -- sign-in, sessions, cookies ---------------------------------------------------------------


async def test_session_cookie_is_httponly_strict_and_scoped_and_sign_out_ends_it(
    sqlite_world: StaffWorld,
) -> None:
    world = sqlite_world
    async with world.client() as client:
        token = await csrf(client)
        signed = await client.post(
            "/desk/login",
            data={
                "csrftoken": token,
                "email": "caseworker@staff.faro.example",
                "password": PASSWORD,
            },
        )
        assert signed.status_code == 303 and signed.headers["location"] == "/desk/queue"
        cookie = signed.headers["set-cookie"]
        assert "faro_desk=" in cookie and "HttpOnly" in cookie
        assert "samesite=strict" in cookie.lower() and "Path=/desk" in cookie
        assert "Secure" not in cookie  # local development: plain http
        session_value = client.cookies.get("faro_desk")
        assert (await client.get("/desk/queue")).status_code == 200
        out = await client.post("/desk/logout", data={"csrftoken": token})
        assert out.status_code == 303
        assert (await client.get("/desk/queue")).status_code == 303
        # The old cookie is dead on the server, not only forgotten by this browser.
        client.cookies.set("faro_desk", session_value or "", path="/desk")
        assert (await client.get("/desk/queue")).status_code == 303


def test_production_needs_a_secret_key_and_makes_cookies_secure(
    make_service: ServiceFactory,
) -> None:
    from bot.web.app import create_app

    service = make_service(FARO_ENV="production")
    with pytest.raises(SecretKeyError):
        create_app(service)


async def test_production_cookies_are_secure(make_service: ServiceFactory) -> None:
    service = make_service(FARO_ENV="production", FARO_SECRET_KEY="k" * 12 + "production-key")
    world = StaffWorld.build(service)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=world.app), base_url="https://desk.test"
    ) as client:
        page = await client.get("/desk/login")
        assert "Secure" in page.headers["set-cookie"]  # the CSRF cookie
        signed = await client.post(
            "/desk/login",
            data={
                "csrftoken": csrf_of(page.text),
                "email": "admin@staff.faro.example",
                "password": PASSWORD,
            },
        )
        assert signed.status_code == 303
        assert "Secure" in signed.headers["set-cookie"]


async def test_wrong_password_and_deactivated_accounts(sqlite_world: StaffWorld) -> None:
    world = sqlite_world
    async with world.client() as client:
        token = await csrf(client)
        wrong = await client.post(
            "/desk/login",
            data={"csrftoken": token, "email": "caseworker@staff.faro.example", "password": "nope"},
        )
        assert wrong.status_code == 400 and "faro_desk" not in wrong.headers.get("set-cookie", "")
        unknown = await client.post(
            "/desk/login",
            data={"csrftoken": token, "email": "nobody@staff.faro.example", "password": PASSWORD},
        )
        assert unknown.status_code == 400
    failed = [line for line in world.audit() if line.action == "signin_failed"]
    assert len(failed) == 2 and all(line.target is None and line.detail is None for line in failed)

    async with signed_in(world, "caseworker2") as (victim, _):
        async with signed_in(world, "admin") as (admin, token):
            user_id = world.users["caseworker2"].id
            done = await admin.post(
                f"/desk/admin/accounts/{user_id}/deactivate", data={"csrftoken": token}
            )
            assert done.status_code == 303
            # An admin cannot lock themselves out.
            own = await admin.post(
                f"/desk/admin/accounts/{world.users['admin'].id}/deactivate",
                data={"csrftoken": token},
            )
            assert own.status_code == 409
        assert (await victim.get("/desk/queue")).status_code == 303
        api = await victim.get(
            "/api/v1/requests",
            headers={"authorization": f"Bearer {world.tokens['caseworker2']}"},
        )
        assert api.status_code == 401
    async with world.client() as client:
        token = await csrf(client)
        again = await client.post(
            "/desk/login",
            data={
                "csrftoken": token,
                "email": "caseworker2@staff.faro.example",
                "password": PASSWORD,
            },
        )
        assert again.status_code == 400


async def test_sign_in_attempts_are_rate_limited(sqlite_world: StaffWorld) -> None:
    world = sqlite_world
    async with world.client() as client:
        token = await csrf(client)

        async def attempt(email: str, password: str) -> httpx.Response:
            return await client.post(
                "/desk/login", data={"csrftoken": token, "email": email, "password": password}
            )

        codes = [
            (await attempt("editor@staff.faro.example", "guess")).status_code for _ in range(5)
        ]
        assert codes == [400] * 5
        # The sixth try on that account is refused even with the right password...
        refused = await attempt("editor@staff.faro.example", PASSWORD)
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
        assert "faro_desk" not in refused.headers.get("set-cookie", "")
        # ...while another account from the same address still signs in, until the
        # address has used its own allowance: 10 attempts a minute, 7 made so far.
        assert (await attempt("admin@staff.faro.example", PASSWORD)).status_code == 303
        client.cookies.delete("faro_desk", path="/desk")
        codes = [(await attempt(f"x{n}@staff.faro.example", "guess")).status_code for n in range(6)]
        assert codes == [400, 400, 400, 429, 429, 429]


# -- CSRF ------------------------------------------------------------------------------------


async def test_csrf_missing_or_wrong_is_403_and_nothing_changes(sqlite_world: StaffWorld) -> None:
    world = sqlite_world
    ref = world.add_request()
    async with signed_in(world, "caseworker") as (client, token):
        before = world.counts()
        path = f"/desk/requests/{format_ref(ref)}/messages"
        missing = await client.post(path, data={"text": CANARY_TEXT})
        wrong = await client.post(path, data={"text": CANARY_TEXT, "csrftoken": token + "x"})
        forged = await client.post(
            path, data={"text": CANARY_TEXT, "csrftoken": "InRva2VuIg.c2lnbmF0dXJl"}
        )
        as_json = await client.post(path, json={"text": CANARY_TEXT, "csrftoken": token})
        claim = await client.post("/desk/queue/claim")
        assert [r.status_code for r in (missing, wrong, forged, as_json, claim)] == [403] * 5
        # A page that says what to do, in the caseworker's language (Spanish by default).
        expired = DeskCatalogues().get("es").gettext(EXPIRED_FORM)
        assert expired != EXPIRED_FORM and expired in html.unescape(missing.text)
        assert world.counts() == before and world.request(ref).status == "new"
        # The header carries the token as well as the field does.
        by_header = await client.post("/desk/queue/claim", headers={"x-csrftoken": token}, data={})
        assert by_header.status_code == 303
    async with world.client() as fresh:
        # No cookie at all is no way around it, for the sign-in form too (login CSRF).
        login = await fresh.post(
            "/desk/login",
            data={"email": "caseworker@staff.faro.example", "password": PASSWORD},
        )
        assert login.status_code == 403
        # Webhooks, the web chat, /healthz and the API do not need the token.
        world.add_request()
        chat = await fresh.post("/chat/messages", json={"text": "hola"})
        assert chat.status_code == 202
        api = await fresh.post(
            "/api/v1/requests/claim",
            headers={
                "authorization": f"Bearer {world.tokens['caseworker']}",
                "cookie": "csrftoken=whatever; faro_desk=x",
            },
        )
        assert api.status_code == 200


async def test_odd_forms_are_refused_cleanly(sqlite_world: StaffWorld) -> None:
    world = sqlite_world
    ref = world.add_request()
    async with signed_in(world, "caseworker") as (client, token):
        before = world.counts()
        path = f"/desk/requests/{format_ref(ref)}/notes"
        huge = await client.post(path, data={"csrftoken": token, "note": "x" * 100_000})
        assert huge.status_code == 413
        not_utf8 = await client.post(
            path,
            content=b"csrftoken=" + token.encode() + b"&note=\xff\xfe",
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
        assert not_utf8.status_code == 400
        multipart = await client.post(
            path, files={"note": ("n.txt", b"x")}, data={"csrftoken": token}
        )
        assert multipart.status_code == 403
        assert world.counts() == before


# -- a request's life --------------------------------------------------------------------------


async def test_claim_preview_status_write_note_and_hand_back(
    world: StaffWorld, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    waiting = world.add_request(priority=Priority.NORMAL, country="SV")
    urgent = world.add_request(
        priority=Priority.URGENT, kind=RequestKind.URGENT, name=None, phone=None, lang="ht"
    )
    translator = Translator()
    async with signed_in(world, "caseworker") as (client, token):
        queue = await client.get("/desk/queue")
        assert format_ref(waiting) in queue.text and format_ref(urgent) in queue.text
        assert CANARY_NAME not in queue.text  # names only on a request's own page
        # Claim next: the urgent one first.
        claimed = await client.post("/desk/queue/claim", data={"csrftoken": token})
        assert claimed.headers["location"] == f"/desk/requests/{format_ref(urgent)}?done=claimed"
        claimed = await client.post("/desk/queue/claim", data={"csrftoken": token})
        assert claimed.headers["location"].startswith(f"/desk/requests/{format_ref(waiting)}")
        page = await client.get(claimed.headers["location"])
        assert CANARY_NAME in page.text and CANARY_PHONE in page.text
        assert 'data-move="contacted"' in page.text and 'data-move="registered"' not in page.text

        # The preview shows exactly what the person will get, in their language.
        preview = await client.get(f"/desk/requests/{format_ref(waiting)}/status?to=contacted")
        expected = notices.status_notice(translator, "fr", Status.CONTACTED, waiting)
        assert expected and expected in html.unescape(preview.text)
        assert world.outbox() == []  # a preview sends nothing
        not_yet = await client.get(f"/desk/requests/{format_ref(waiting)}/status?to=registered")
        assert not_yet.status_code == 409
        confirmed = await client.post(
            f"/desk/requests/{format_ref(waiting)}/status",
            data={"csrftoken": token, "to": "contacted", "note": CANARY_NOTE},
        )
        assert confirmed.status_code == 303
        [notice] = world.outbox()
        assert notice.purpose == "notice" and notice.body["text"] == expected

        written = await client.post(
            f"/desk/requests/{format_ref(waiting)}/messages",
            data={"csrftoken": token, "text": CANARY_TEXT},
        )
        assert written.headers["location"].endswith("done=message")
        message = world.outbox()[-1]
        assert message.purpose == "caseworker" and CANARY_TEXT in message.body["text"]
        assert world.request(waiting).handoff_open
        noted = await client.post(
            f"/desk/requests/{format_ref(waiting)}/notes",
            data={"csrftoken": token, "note": CANARY_NOTE},
        )
        assert noted.status_code == 303
        page = await client.get(f"/desk/requests/{format_ref(waiting)}")
        assert CANARY_TEXT in page.text and CANARY_NOTE in page.text
        activity = await client.get(f"/desk/requests/{format_ref(waiting)}/activity")
        assert activity.json() == {"status": "contacted", "messages": 1, "open": True}

        back = await client.post(
            f"/desk/requests/{format_ref(waiting)}/handback", data={"csrftoken": token}
        )
        assert back.headers["location"].endswith("done=handback")
        assert not world.request(waiting).handoff_open
        assert world.outbox()[-1].body["text"] == notices.handed_back(translator, "fr")
        again = await client.post(
            f"/desk/requests/{format_ref(waiting)}/handback", data={"csrftoken": token}
        )
        assert again.headers["location"].endswith("problem=no_handoff")

        exported = await client.get("/desk/queue/export.csv?status=contacted")
        assert exported.status_code == 200

    actions = [(line.action, line.target) for line in world.audit()]
    for action in ("claim", "request_view", "status", "message", "note", "handback"):
        assert (action, waiting) in actions, action
    assert ("export", None) in actions
    assert ("queue_view", None) in actions
    # No personal data in any audit line or log record.
    for line in world.audit():
        flat = f"{line.action}|{line.target}|{line.detail}"
        assert not any(canary in flat for canary in CANARIES), flat
        assert "@" not in flat
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for canary in (*CANARIES, "caseworker@staff.faro.example"):
        assert canary not in logged


async def test_bad_input_is_refused_with_nothing_stored_half_way(world: StaffWorld) -> None:
    ref = world.add_request()
    async with signed_in(world, "caseworker") as (client, token):
        await client.post("/desk/queue/claim", data={"csrftoken": token})
        before = world.counts()
        base = f"/desk/requests/{format_ref(ref)}"
        empty = await client.post(f"{base}/messages", data={"csrftoken": token, "text": "   "})
        assert empty.headers["location"].endswith("problem=empty")
        long = await client.post(f"{base}/messages", data={"csrftoken": token, "text": "x" * 1001})
        assert long.headers["location"].endswith("problem=too_long")
        blank_note = await client.post(f"{base}/notes", data={"csrftoken": token, "note": ""})
        assert blank_note.headers["location"].endswith("problem=empty")
        unknown = await client.post(f"{base}/status", data={"csrftoken": token, "to": "done"})
        assert unknown.status_code == 422
        not_allowed = await client.post(
            f"{base}/status", data={"csrftoken": token, "to": "registered", "note": CANARY_NOTE}
        )
        assert not_allowed.status_code == 409
        assert world.counts() == before and world.request(ref).status == "claimed"
        for path in ("/desk/requests/ABCD-2345", "/desk/requests/not-a-code", "/desk/requests/%00"):
            missing = await client.get(path)
            assert missing.status_code == 404, path
        gone = await client.post(
            "/desk/requests/ABCD-2345/messages", data={"csrftoken": token, "text": "hola"}
        )
        assert gone.status_code == 404
        assert world.counts() == before


async def test_whatsapp_window_closed_offers_the_template(make_service: ServiceFactory) -> None:
    templates = {"status_update": {"name": "faro_status_update", "language": "es"}}
    world = StaffWorld.build(make_service(FARO_WHATSAPP_TEMPLATES=templates))
    old = dt.datetime.now(dt.UTC) - dt.timedelta(hours=30)
    person = world.person(channel="whatsapp", user_id="5215550001", seen=old)
    ref = world.add_request(person_id=person, channel="whatsapp", lang="es")
    async with signed_in(world, "caseworker") as (client, token):
        await client.post("/desk/queue/claim", data={"csrftoken": token})
        page = await client.get(f"/desk/requests/{format_ref(ref)}")
        assert 'id="window-closed"' in page.text and 'id="send-template"' in page.text
        assert 'id="write"' not in page.text
        preview = await client.get(f"/desk/requests/{format_ref(ref)}/status?to=contacted")
        template_text = notices.template_fallback(Translator(), "es", ref)
        assert template_text in preview.text
        free = await client.post(
            f"/desk/requests/{format_ref(ref)}/messages",
            data={"csrftoken": token, "text": CANARY_TEXT},
        )
        assert free.headers["location"].endswith("problem=window_closed")
        assert world.outbox() == []
        sent = await client.post(
            f"/desk/requests/{format_ref(ref)}/messages",
            data={"csrftoken": token, "use_template": "1"},
        )
        assert sent.headers["location"].endswith("done=template")
        [row] = world.outbox()
        assert row.body["template"][0] == "faro_status_update"


# -- export, statistics --------------------------------------------------------------------


async def test_csv_export_is_injection_safe_and_names_only_on_request(
    sqlite_world: StaffWorld,
) -> None:
    world = sqlite_world
    nasty = ['=HYPERLINK("http://x","y")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1"]
    for value in nasty:
        world.add_request(name=value, phone="=1+1", country="HN")
    async with signed_in(world, "caseworker") as (client, _):
        plain = await client.get("/desk/queue/export.csv")
        assert plain.headers["content-type"].startswith("text/csv")
        assert "attachment" in plain.headers["content-disposition"]
        assert plain.headers["cache-control"] == "no-store"
        rows = list(csv.DictReader(io.StringIO(plain.text.lstrip("\ufeff"))))
        assert len(rows) == len(nasty) and "name" not in rows[0]
        full = await client.get("/desk/queue/export.csv?personal=1&country=HN")
        rows = list(csv.DictReader(io.StringIO(full.text.lstrip("\ufeff"))))
        assert sorted(row["name"] for row in rows) == sorted("'" + value for value in nasty)
        assert {row["phone"] for row in rows} == {"'=1+1"}
        for row in rows:
            assert not any(cell.startswith(("=", "+", "-", "@", "\t")) for cell in row.values())
    exports = [line for line in world.audit() if line.action == "export"]
    assert [line.detail for line in exports] == [
        "5 rows",
        "5 rows; country=HN; with names and phones",
    ]


async def test_statistics_page_has_a_chart_and_no_names(world: StaffWorld) -> None:
    for country, gender in (("HN", "man"), ("HN", "man"), ("HN", "woman"), ("SV", "man")):
        world.add_request(country=country, city="tijuana", gender=gender, group_size=2)
    world.add_request(country="GT", unaccompanied_minor=True, children=0)
    world.add_request(kind=RequestKind.QUESTION, name=None, phone=None)
    async with signed_in(world, "caseworker") as (client, _):
        page = await client.get("/desk/stats", headers={"accept-language": "en"})
    assert page.status_code == 200
    text = page.text
    # Ties in the order of their codes: GT before SV.
    assert "5 return requests (75% men): Honduras 60%, Guatemala 20%, El Salvador 20%." in text
    assert "<svg" in text and "<rect" in text
    assert CANARY_NAME not in text and CANARY_PHONE not in text
    assert re.search(r'id="unaccompanied">1<', text)


# -- accounts, audit ---------------------------------------------------------------------


async def test_admin_creates_an_account_whose_password_is_shown_once(
    sqlite_world: StaffWorld,
) -> None:
    world = sqlite_world
    async with signed_in(world, "admin") as (client, token):
        created = await client.post(
            "/desk/admin/accounts",
            data={
                "csrftoken": token,
                "email": "New.Worker@Staff.Faro.Example",
                "role": "caseworker",
            },
        )
        assert created.status_code == 201
        assert created.headers["cache-control"] == "no-store"
        password = re.search(r'<code id="new-password">([^<]+)</code>', created.text)
        assert password
        listing = await client.get("/desk/admin/accounts")
        assert "new.worker@staff.faro.example" in listing.text
        assert password.group(1) not in listing.text
        duplicate = await client.post(
            "/desk/admin/accounts",
            data={"csrftoken": token, "email": "new.worker@staff.faro.example", "role": "editor"},
        )
        assert duplicate.status_code == 422
        bad_role = await client.post(
            "/desk/admin/accounts",
            data={"csrftoken": token, "email": "other@staff.faro.example", "role": "root"},
        )
        assert bad_role.status_code == 422
        audit_page = await client.get("/desk/admin/audit")
        assert audit_page.status_code == 200 and "user:" in audit_page.text
    async with world.client() as fresh:
        token = await csrf(fresh)
        login = await fresh.post(
            "/desk/login",
            data={
                "csrftoken": token,
                "email": "new.worker@staff.faro.example",
                "password": password.group(1),
            },
        )
        assert login.status_code == 303 and login.headers["location"] == "/desk/queue"


# -- language, pages ---------------------------------------------------------------------


async def test_pages_speak_the_staff_language(sqlite_world: StaffWorld) -> None:
    world = sqlite_world
    catalogues = DeskCatalogues()
    async with world.client() as client:
        page = await client.get("/desk/login", headers={"accept-language": "fr-CA,fr;q=0.9"})
        assert 'lang="fr"' in page.text
        assert catalogues.get("fr").gettext("Sign in to the desk") in html.unescape(page.text)
        default = await client.get("/desk/login", headers={"accept-language": "de"})
        assert 'lang="es"' in default.text
        token = csrf_of(page.text)
        chosen = await client.post(
            "/desk/lang", data={"csrftoken": token, "lang": "ht", "back": "/desk/login"}
        )
        assert chosen.status_code == 303 and chosen.headers["location"] == "/desk/login"
        page = await client.get("/desk/login", headers={"accept-language": "fr"})
        assert 'lang="ht"' in page.text
        assert catalogues.get("ht").gettext("Sign in to the desk") in html.unescape(page.text)
        # A "back" outside the desk is not followed.
        away = await client.post(
            "/desk/lang", data={"csrftoken": token, "lang": "pt", "back": "//evil.example/x"}
        )
        assert away.headers["location"] == "/desk/"


def test_every_desk_string_is_translated_in_the_five_languages(tmp_path: Path) -> None:
    # The catalogue template is current: extracting again finds the same strings...
    fresh = tmp_path / "desk.pot"
    subprocess.run(
        [
            str(Path(sys.executable).with_name("pybabel")),
            "--quiet",
            "extract",
            "-F",
            "bot/web/desk/babel.cfg",
            "--no-default-keywords",
            *("-k", "M_", "-k", "MN_:1,2", "-k", "_", "-k", "gettext", "-k", "ngettext:1,2"),
            "-o",
            str(fresh),
            ".",
        ],
        cwd=PROJECT_ROOT,
        check=True,
    )

    def ids(path: Path) -> set[str]:
        with path.open("rb") as handle:
            return {str(m.id) for m in read_po(handle) if m.id}

    assert ids(fresh) == ids(PROJECT_ROOT / "locales" / "desk.pot")
    # ...and every language has all of them, translated.
    catalogues = DeskCatalogues()
    for lang in ("es", "en", "fr", "ht", "pt"):
        po = PROJECT_ROOT / "locales" / lang / "LC_MESSAGES" / "desk.po"
        assert ids(po) == ids(fresh), lang
        assert catalogues.untranslated(lang) == [], lang
    assert catalogues.get("es").gettext("Claim next") == "Tomar la siguiente"


async def test_desk_pages_keep_a_strict_policy(sqlite_world: StaffWorld) -> None:
    world = sqlite_world
    ref = world.add_request()
    async with signed_in(world, "caseworker") as (client, _):
        for path in ("/desk/queue", f"/desk/requests/{format_ref(ref)}", "/desk/stats"):
            page = await client.get(path)
            policy = page.headers["content-security-policy"]
            assert "'unsafe-inline'" not in policy and "script-src 'self'" in policy
            assert page.headers["cache-control"] == "no-store"
            # Only scripts from files, no inline handlers or styles a strict policy blocks.
            assert re.findall(r"<script(?![^>]*\bsrc=)", page.text) == []
            assert " style=" not in page.text and " onclick=" not in page.text
        css = await client.get("/desk/static/desk.css")
        assert css.status_code == 200 and "text/css" in css.headers["content-type"]


async def test_sign_in_redirects_back_but_never_off_site(sqlite_world: StaffWorld) -> None:
    world = sqlite_world
    ref = world.add_request()
    async with world.client() as client:
        wanted = await client.get(f"/desk/requests/{format_ref(ref)}")
        assert wanted.headers["location"] == f"/desk/login?next=/desk/requests/{format_ref(ref)}"
        token = await csrf(client)
        for target, landing in (
            (f"/desk/requests/{format_ref(ref)}", f"/desk/requests/{format_ref(ref)}"),
            ("https://evil.example/", "/desk/queue"),
            ("/desk//evil.example", "/desk/queue"),
        ):
            client.cookies.delete("faro_desk", path="/desk")
            signed = await client.post(
                "/desk/login",
                data={
                    "csrftoken": token,
                    "email": "caseworker@staff.faro.example",
                    "password": PASSWORD,
                    "next": target,
                },
            )
            assert signed.headers["location"] == landing
