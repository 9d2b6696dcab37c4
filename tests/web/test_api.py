"""The caseworkers' JSON API on SQLite and PostgreSQL: tokens and roles, the contract,
bad input with nothing stored half-way, the same audit as the desk, its documentation."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator

import httpx
import pytest

from bot.core.i18n import Translator
from bot.handoff import notices
from bot.handoff.lifecycle import Priority, RequestKind, Status, format_ref
from tests.conftest import ServiceFactory
from tests.web.staff_world import (
    CANARY_NAME,
    CANARY_NOTE,
    CANARY_PHONE,
    CANARY_TEXT,
    ROLES,
    StaffWorld,
    mounted_routes,
)

SUMMARY_KEYS = {"ref", "kind", "status", "priority", "lang", "channel", "created_at"}


@pytest.fixture
def world(make_service: ServiceFactory, database_url: str) -> Iterator[StaffWorld]:
    """Staff accounts with API tokens, on SQLite and then on PostgreSQL."""
    yield StaffWorld.build(make_service(database_url=database_url))


def bearer(world: StaffWorld, role: str = "caseworker") -> dict[str, str]:
    """The Authorization header of a role's token."""
    return {"authorization": f"Bearer {world.tokens[role]}"}


# -- every route with every role ---------------------------------------------------------

API_ROUTES: list[tuple[str, str, dict[str, object] | None, int]] = [
    ("GET", "/api/v1/requests", None, 200),
    ("GET", "/api/v1/requests?status=new&kind=return", None, 200),
    ("POST", "/api/v1/requests/claim", None, 200),
    ("GET", "/api/v1/requests/{ref}", None, 200),
    ("POST", "/api/v1/requests/{ref}/status", {"status": "closed", "note": "done"}, 200),
    ("POST", "/api/v1/requests/{ref}/messages", {"text": CANARY_TEXT}, 202),
    ("POST", "/api/v1/requests/{ref}/handback", None, 200),
    ("GET", "/api/v1/stats", None, 200),
]


async def test_every_api_route_with_every_role_bad_tokens_and_none(world: StaffWorld) -> None:
    callers: dict[str, dict[str, str]] = {
        "none": {},
        "bad token": {"authorization": "Bearer faro_not-a-real-token"},
        "not bearer": {"authorization": f"Basic {world.tokens['caseworker']}"},
        **{role: bearer(world, role) for role in ROLES},
    }
    async with world.client() as client:
        for caller, headers in callers.items():
            for method, template, body, ok in API_ROUTES:
                ref = world.add_request()
                path = template.format(ref=format_ref(ref))
                before = world.request(ref)
                response = await client.request(method, path, headers=headers, json=body)
                want = {"caseworker": ok, "editor": 403, "admin": 403}.get(caller, 401)
                assert response.status_code == want, (caller, method, template, response.text)
                if want == 401:
                    assert response.headers["www-authenticate"] == "Bearer"
                if want != ok:
                    assert response.json()["code"] in {"unauthorized", "forbidden"}
                    assert CANARY_NAME not in response.text
                    after = world.request(ref)
                    assert (after.status, after.handoff_open) == (
                        before.status,
                        before.handoff_open,
                    )
        # Open to all: the documentation and the schema.
        for path in ("/api/docs", "/api/openapi.json"):
            assert (await client.get(path)).status_code == 200
        # The table is the whole API: every route it serves was tried.
        assert mounted_routes(world.app, "/api") == {
            (method, template.split("?")[0]) for method, template, _, _ in API_ROUTES
        } | {("GET", "/api/docs"), ("GET", "/api/openapi.json")}
        # A desk session cookie is no API credential (it would need CSRF protection).
        desk_cookie = await client.get(
            "/api/v1/requests", headers={"cookie": "faro_desk=anything; csrftoken=x"}
        )
        assert desk_cookie.status_code == 401


# -- the contract ------------------------------------------------------------------------


async def test_list_claim_get_status_write_and_hand_back(
    world: StaffWorld, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    normal = world.add_request(country="HN", city="tijuana", children=2, children_ages=(3, 7))
    urgent = world.add_request(
        kind=RequestKind.URGENT, priority=Priority.URGENT, name=None, phone=None, lang="ht"
    )
    question = world.add_request(kind=RequestKind.QUESTION, name=None, phone=None, lang="pt")
    async with world.client() as client:
        listed = await client.get("/api/v1/requests", headers=bearer(world))
        assert listed.status_code == 200
        items = listed.json()["items"]
        assert [item["ref"] for item in items] == [
            format_ref(urgent),
            format_ref(normal),
            format_ref(question),
        ]
        assert set(items[0]) >= SUMMARY_KEYS
        assert items[1]["created_at"].startswith(str(dt.datetime.now(dt.UTC).year))
        assert CANARY_NAME not in listed.text  # no names in the list
        only = await client.get("/api/v1/requests?status=&kind=question", headers=bearer(world))
        assert [item["ref"] for item in only.json()["items"]] == [format_ref(question)]

        claimed = await client.post("/api/v1/requests/claim", headers=bearer(world))
        assert claimed.status_code == 200
        assert claimed.json()["ref"] == format_ref(urgent)
        assert claimed.json()["status"] == "claimed"
        assert claimed.json()["claimed_by"] == world.users["caseworker"].id
        second = await client.post("/api/v1/requests/claim", headers=bearer(world))
        assert second.json()["ref"] == format_ref(normal)

        detail = await client.get(f"/api/v1/requests/{normal}", headers=bearer(world))
        body = detail.json()
        assert body["intake"]["name"] == CANARY_NAME and body["intake"]["phone"] == CANARY_PHONE
        assert body["intake"]["children_ages"] == [3, 7]
        assert body["consent"]["version"] == "v1"
        assert [line["action"] for line in body["history"]] == ["created", "claimed"]
        assert body["allowed_moves"] == ["new", "contacted", "closed", "not_eligible"]
        assert body["contact"] == {"reachable": True, "free_text": True, "template": None}

        moved = await client.post(
            f"/api/v1/requests/{format_ref(normal)}/status",
            headers=bearer(world),
            json={"status": "contacted", "note": CANARY_NOTE},
        )
        assert moved.status_code == 200
        expected = notices.status_notice(Translator(), "fr", Status.CONTACTED, normal)
        assert moved.json()["notice"] == expected
        assert moved.json()["request"]["status"] == "contacted"
        assert world.outbox()[-1].body["text"] == expected

        written = await client.post(
            f"/api/v1/requests/{normal.lower()}/messages",
            headers=bearer(world),
            json={"text": f"  {CANARY_TEXT}  "},
        )
        assert written.status_code == 202
        assert written.json() == {"outbox_id": world.outbox()[-1].id, "handoff_open": True}
        assert world.outbox()[-1].purpose == "caseworker"
        detail = await client.get(f"/api/v1/requests/{normal}", headers=bearer(world))
        [message] = detail.json()["messages"]
        assert message["text"] == CANARY_TEXT and message["direction"] == "out"
        assert detail.json()["handoff_open"] is True

        back = await client.post(f"/api/v1/requests/{normal}/handback", headers=bearer(world))
        assert back.status_code == 200 and back.json() == {"handed_back": True}
        again = await client.post(f"/api/v1/requests/{normal}/handback", headers=bearer(world))
        assert again.json() == {"handed_back": False}

        await client.post("/api/v1/requests/claim", headers=bearer(world))
        empty = await client.post("/api/v1/requests/claim", headers=bearer(world))
        assert empty.status_code == 204 and empty.content == b""

    actions = [(line.action, line.target) for line in world.audit()]
    for action in ("claim", "request_view", "status", "message", "handback"):
        assert (action, normal) in actions, action
    for line in world.audit():
        flat = f"{line.action}|{line.target}|{line.detail}"
        assert not any(c in flat for c in (CANARY_NAME, CANARY_PHONE, CANARY_TEXT, CANARY_NOTE))
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for canary in (CANARY_NAME, CANARY_PHONE, CANARY_TEXT, CANARY_NOTE, world.tokens["caseworker"]):
        assert canary not in logged


async def test_bad_input_gets_a_clear_error_and_nothing_is_stored(world: StaffWorld) -> None:
    ref = world.add_request()
    async with world.client() as client:
        await client.post("/api/v1/requests/claim", headers=bearer(world))
        before = world.counts()
        base = f"/api/v1/requests/{format_ref(ref)}"

        async def post(path: str, **kwargs: object) -> httpx.Response:
            headers = {**bearer(world), **kwargs.pop("headers", {})}  # type: ignore[dict-item]
            return await client.post(base + path, headers=headers, **kwargs)  # type: ignore[arg-type]

        unknown = await post("/status", json={"status": "done"})
        assert unknown.status_code == 422
        assert unknown.json()["detail"][0]["loc"] == ["body", "status"]
        not_allowed = await post("/status", json={"status": "registered", "note": CANARY_NOTE})
        assert not_allowed.status_code == 409 and not_allowed.json()["code"] == "not_allowed"
        extra = await post("/status", json={"status": "contacted", "by": "me"})
        assert extra.status_code == 422
        long_note = await post("/status", json={"status": "contacted", "note": "n" * 2001})
        assert long_note.status_code == 422
        malformed = await post(
            "/status",
            content=b'{"status": "contacted",',
            headers={"content-type": "application/json"},
        )
        assert malformed.status_code in (400, 422)
        not_object = await post("/status", json=["contacted"])
        assert not_object.status_code == 422
        empty = await post("/messages", json={"text": "   "})
        long = await post("/messages", json={"text": "x" * 1001})
        missing = await post("/messages", json={})
        both = await post("/messages", json={"text": "hola", "use_template": True})
        assert [r.status_code for r in (empty, long, missing, both)] == [422] * 4
        assert CANARY_NOTE not in not_allowed.text and "xxxx" not in long.text
        huge = await post("/messages", json={"text": "x" * 200_000})
        assert huge.status_code == 413
        no_template = await post("/messages", json={"use_template": True})
        assert no_template.status_code == 422  # none configured: said, not stored
        assert world.counts() == before and world.request(ref).status == "claimed"

        for path in ("/api/v1/requests/ABCD-2345", "/api/v1/requests/nonsense"):
            assert (await client.get(path, headers=bearer(world))).status_code == 404
        gone = await client.post(
            "/api/v1/requests/ABCD-2345/messages", headers=bearer(world), json={"text": "hola"}
        )
        assert gone.status_code == 404 and gone.json()["code"] == "not_found"
        bad_filter = await client.get("/api/v1/requests?status=nope", headers=bearer(world))
        assert bad_filter.status_code == 422
        assert bad_filter.json()["detail"] == [{"loc": ["query", "status"], "type": "enum"}]
        assert world.counts() == before


async def test_whatsapp_window_via_the_api(make_service: ServiceFactory) -> None:
    templates = {"status_update": {"name": "faro_status_update", "language": "pt_BR"}}
    world = StaffWorld.build(make_service(FARO_WHATSAPP_TEMPLATES=templates))
    old = dt.datetime.now(dt.UTC) - dt.timedelta(days=2)
    person = world.person(channel="whatsapp", user_id="5511999990000", seen=old)
    ref = world.add_request(person_id=person, channel="whatsapp", lang="pt")
    async with world.client() as client:
        await client.post("/api/v1/requests/claim", headers=bearer(world))
        detail = await client.get(f"/api/v1/requests/{ref}", headers=bearer(world))
        assert detail.json()["contact"] == {
            "reachable": True,
            "free_text": False,
            "template": "faro_status_update",
        }
        refused = await client.post(
            f"/api/v1/requests/{ref}/messages", headers=bearer(world), json={"text": "oi"}
        )
        assert refused.status_code == 409 and refused.json()["code"] == "window_closed"
        assert world.outbox() == []
        sent = await client.post(
            f"/api/v1/requests/{ref}/messages", headers=bearer(world), json={"use_template": True}
        )
        assert sent.status_code == 202
        assert world.outbox()[0].body["template"][0] == "faro_status_update"


async def test_statistics_are_anonymous_figures(world: StaffWorld) -> None:
    for country, gender in (("HN", "man"), ("HN", "woman"), ("SV", "man"), ("HN", None)):
        world.add_request(country=country, city="tapachula", gender=gender, group_size=3)
    world.add_request(country="GT", unaccompanied_minor=True, children=1, children_ages=(16,))
    world.add_request(kind=RequestKind.URGENT, name=None, phone=None)
    async with world.client() as client:
        response = await client.get("/api/v1/stats", headers=bearer(world))
    figures = response.json()
    assert figures["requests"] == 6 and figures["returns"] == 5
    assert figures["people"] == 4 * 3 + 1 + 1
    assert [(s["key"], s["count"], s["percent"]) for s in figures["by_country"]] == [
        ("HN", 3, 60),
        ("GT", 1, 20),
        ("SV", 1, 20),
    ]
    assert {s["key"]: s["percent"] for s in figures["by_gender"]} == {"men": 67, "women": 33}
    assert figures["gender_known"] == 3
    assert figures["unaccompanied_children"] == 1 and figures["children"] == 1
    assert sum(week["count"] for week in figures["by_week"]) == 6
    assert CANARY_NAME not in response.text and CANARY_PHONE not in response.text


async def test_openapi_and_its_documentation_page(world: StaffWorld) -> None:
    async with world.client() as client:
        schema = await client.get("/api/openapi.json")
        assert schema.status_code == 200
        paths = schema.json()["paths"]
        assert {
            "/v1/requests",
            "/v1/requests/claim",
            "/v1/requests/{ref}",
            "/v1/requests/{ref}/status",
            "/v1/requests/{ref}/messages",
            "/v1/requests/{ref}/handback",
            "/v1/stats",
        } <= set(paths)
        assert schema.json()["servers"] == [{"url": "/api"}]
        assert "HTTPBearer" in schema.json()["components"]["securitySchemes"]
        docs = await client.get("/api/docs")
        assert docs.status_code == 200 and "text/html" in docs.headers["content-type"]
        assert "/api/v1/requests/{ref}/status" in docs.text and "StatusChange" in docs.text
        policy = docs.headers["content-security-policy"]
        nonce = policy.split("'nonce-")[1].split("'")[0]
        assert f'<style nonce="{nonce}">' in docs.text and "<script" not in docs.text
        # The main app still has no docs of its own.
        assert (await client.get("/docs")).status_code == 404
