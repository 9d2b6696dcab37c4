"""The web guards: body caps, security headers, quiet errors, rate limits, access log hygiene."""

from __future__ import annotations

import gc
import json
import logging
import socket
import time
import tracemalloc
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, cast

import anyio
import httpx
import pytest
import redis
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response, StreamingResponse
from limits.storage import MemoryStorage
from pydantic import BaseModel, StringConstraints
from starlette.types import ASGIApp, Message
from uvicorn.logging import AccessFormatter

from bot.web.guards import (
    DEFAULT_CSP,
    KIB,
    MIB,
    AccessLogFilter,
    BodyLimitMiddleware,
    RateLimiter,
    TrustedProxies,
    address_bucket,
    content_security_policy,
    csp_nonce,
    install_access_log_filter,
    install_guards,
    too_many_requests,
)
from tests.fakes.loopback import LoopbackServer

SECRET = "s3cr3t-personal-data"
STRICT_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
ALWAYS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
    "cross-origin-opener-policy": "same-origin",
}
CHAT_LIMIT = 16 * KIB
REDIS_URL = "redis://127.0.0.1:6379/0"


class ChatIn(BaseModel):
    visitor: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{8,64}$")]
    text: Annotated[str, StringConstraints(max_length=4_096)] = ""
    lang: Literal["es", "en", "fr", "ht", "pt"] | None = None


@dataclass
class Seen:
    """What the app under test saw of request bodies."""

    calls: int = 0
    largest: int = 0
    sizes: list[int] = field(default_factory=list)


def make_app(*, guarded: bool = True, proxies: TrustedProxies | None = None) -> FastAPI:
    """A tiny app with one route per way of reading a body or failing."""
    app = FastAPI()
    seen = Seen()
    app.state.seen = seen

    @app.get("/page", response_class=HTMLResponse)
    async def page(request: Request, nonce: bool = False) -> HTMLResponse:
        attr = f' nonce="{csp_nonce(request)}"' if nonce else ""
        return HTMLResponse(f"<!doctype html><script{attr}>1</script><style{attr}></style>")

    @app.get("/json")
    async def as_json() -> dict[str, bool]:
        return {"ok": True}

    @app.get("/own-csp")
    async def own_csp() -> Response:
        return Response("x", headers={"Content-Security-Policy": "default-src 'none'"})

    @app.get("/peer")
    async def peer(request: Request) -> dict[str, int]:
        # The client's port names the TCP connection the request came on.
        return {"port": request.client.port if request.client else -1}

    @app.post("/body")
    async def whole_body(request: Request) -> dict[str, int]:
        seen.calls += 1
        body = await request.body()
        seen.sizes.append(len(body))
        return {"n": len(body)}

    @app.post("/big/body")
    async def big_body(request: Request) -> dict[str, int]:
        return {"n": len(await request.body())}

    @app.post("/stream")
    async def stream(request: Request) -> dict[str, int]:
        seen.calls += 1
        total = 0
        async for chunk in request.stream():
            total += len(chunk)
            seen.largest = max(seen.largest, total)
        return {"n": total}

    @app.post("/swallow")
    async def swallow(request: Request) -> dict[str, bool]:
        try:
            await request.body()
        except Exception:
            return {"swallowed": True}
        return {"swallowed": False}

    @app.post("/chat/raw")
    async def chat_raw(request: Request) -> dict[str, int]:
        return {"n": len(await request.body())}

    @app.post("/chat/messages")
    async def chat(body: ChatIn) -> dict[str, int]:
        return {"n": len(body.text)}

    @app.post("/counts")
    async def counts(body: dict[str, int]) -> dict[str, int]:
        return body

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError(f"failed for {SECRET}")

    @app.get("/items/{item_id}")
    async def item(item_id: str) -> None:
        raise ValueError(item_id)

    @app.get("/late-boom")
    async def late_boom() -> StreamingResponse:
        async def parts() -> AsyncIterator[bytes]:
            yield b"part"
            raise RuntimeError(SECRET)

        return StreamingResponse(parts())

    if guarded:
        install_guards(
            app,
            path_limits={"/chat/": CHAT_LIMIT, "/big/": 64 * MIB},
            proxies=proxies,
        )
    return app


@pytest.fixture
async def app() -> FastAPI:
    return make_app()


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


def seen_by(app: FastAPI) -> Seen:
    seen = app.state.seen
    assert isinstance(seen, Seen)
    return seen


def chat_body(size: int) -> bytes:
    """A valid chat message JSON of exactly `size` bytes."""
    empty = json.dumps({"visitor": "visitor-1", "text": ""}).encode()
    return json.dumps({"visitor": "visitor-1", "text": "a" * (size - len(empty))}).encode()


async def chunks(total: int, size: int = 4 * KIB) -> AsyncIterator[bytes]:
    """`total` bytes in pieces, so httpx sends them chunked with no Content-Length."""
    block = b"x" * size
    sent = 0
    while sent < total:
        piece = block[: min(size, total - sent)]
        sent += len(piece)
        yield piece


@dataclass
class RawResult:
    status: int
    headers: dict[str, str]
    body: bytes
    pulled: int  # request body bytes the app (through the guards) pulled from the server


async def raw_call(
    app: ASGIApp,
    path: str,
    *,
    headers: list[tuple[bytes, bytes]],
    body_parts: list[bytes],
    method: str = "POST",
) -> RawResult:
    """One HTTP request straight through ASGI, for headers no client library would send."""
    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": headers,
        "client": ("127.0.0.1", 5000),
        "server": ("testserver", 80),
    }
    queue = list(body_parts)
    pulled = 0
    sent: list[Message] = []

    async def receive() -> Message:
        nonlocal pulled
        if queue:
            part = queue.pop(0)
            pulled += len(part)
            return {"type": "http.request", "body": part, "more_body": bool(queue)}
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        sent.append(message)

    await app(scope, receive, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    decoded = {k.decode().lower(): v.decode() for k, v in start["headers"]}
    return RawResult(start["status"], decoded, body, pulled)


# -- body caps --------------------------------------------------------------------------


async def test_normal_bodies_read_whole_streamed_and_as_models(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    payload = b"y" * 300_000
    assert (await client.post("/body", content=payload)).json() == {"n": 300_000}
    assert (await client.post("/stream", content=payload)).json() == {"n": 300_000}
    streamed = await client.post("/stream", content=chunks(300_000))
    assert streamed.json() == {"n": 300_000}
    answer = await client.post("/chat/messages", json={"visitor": "visitor-1", "text": "hola"})
    assert answer.status_code == 200
    assert answer.json() == {"n": 4}
    assert seen_by(app).calls == 3


@pytest.mark.parametrize(
    ("path", "limit"), [("/body", MIB), ("/stream", MIB), ("/chat/raw", CHAT_LIMIT)]
)
async def test_the_limit_is_inclusive_and_one_byte_more_is_413(
    client: httpx.AsyncClient, path: str, limit: int
) -> None:
    exactly = await client.post(path, content=b"z" * limit)
    assert exactly.json() == {"n": limit}
    exactly_chunked = await client.post(path, content=chunks(limit))
    assert exactly_chunked.json() == {"n": limit}
    over = await client.post(path, content=b"z" * (limit + 1))
    assert over.status_code == 413
    assert over.json() == {"detail": "Request body too large"}
    over_chunked = await client.post(path, content=chunks(limit + 1))
    assert over_chunked.status_code == 413


async def test_a_chat_message_that_fills_the_limit_is_read(client: httpx.AsyncClient) -> None:
    # A message at the limit gets the app's own answer (here its length check), not a 413.
    response = await client.post(
        "/chat/messages",
        content=chat_body(CHAT_LIMIT),
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["type"] == "string_too_long"


async def test_a_declared_length_over_the_limit_is_refused_before_the_app_runs(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    response = await client.post("/body", content=b"q" * (2 * MIB))
    assert response.status_code == 413
    # A few MB are read and dropped by the server so the connection can be reused.
    assert "connection" not in response.headers
    assert seen_by(app).calls == 0


async def test_a_huge_declared_length_with_a_tiny_body_is_refused_and_closed(
    app: FastAPI,
) -> None:
    result = await raw_call(
        app,
        "/body",
        headers=[(b"content-length", b"1000000000000")],
        body_parts=[b"{}"],
    )
    assert result.status == 413
    assert result.headers["connection"] == "close"
    assert result.pulled == 0
    assert seen_by(app).calls == 0


@pytest.mark.parametrize(
    "value",
    [b"abc", b"-1", b"+5", b"1e3", b"5_0", b"0x10", b"", "١٢".encode()],
    ids=["letters", "negative", "plus", "exponent", "underscore", "hex", "empty", "arabic"],
)
async def test_a_non_numeric_content_length_is_a_bad_request(app: FastAPI, value: bytes) -> None:
    result = await raw_call(
        app, "/body", headers=[(b"content-length", value)], body_parts=[b"12345"]
    )
    assert result.status == 400
    assert result.headers["connection"] == "close"
    assert seen_by(app).calls == 0


async def test_conflicting_content_lengths_are_a_bad_request(app: FastAPI) -> None:
    result = await raw_call(
        app,
        "/body",
        headers=[(b"content-length", b"5"), (b"content-length", b"6")],
        body_parts=[b"12345"],
    )
    assert result.status == 400
    assert seen_by(app).calls == 0


async def test_a_chunked_body_stops_being_read_once_over_the_limit(app: FastAPI) -> None:
    part = b"w" * (4 * KIB)
    result = await raw_call(app, "/stream", headers=[], body_parts=[part] * 64)  # 256 KiB
    assert result.status == 200  # the default 1 MiB route takes it
    result = await raw_call(
        app,
        "/chat/messages",
        headers=[(b"content-type", b"application/json")],
        body_parts=[part] * 64,
    )
    assert result.status == 413
    # The guard stops at the first piece past 16 KiB: five 4 KiB pieces, not sixty-four.
    assert result.pulled == 5 * 4 * KIB
    assert json.loads(result.body) == {"detail": "Request body too large"}


async def test_the_app_never_holds_more_than_the_limit(app: FastAPI) -> None:
    await raw_call(app, "/stream", headers=[], body_parts=[b"v" * (64 * KIB)] * 40)
    seen = seen_by(app)
    assert seen.calls == 1
    assert seen.largest <= MIB


async def test_an_app_that_swallows_the_error_still_answers_413(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post("/swallow", content=chunks(2 * MIB))
    assert response.status_code == 413
    assert response.json() == {"detail": "Request body too large"}


async def test_expect_continue_over_the_limit_closes_instead_of_draining(app: FastAPI) -> None:
    result = await raw_call(
        app,
        "/body",
        headers=[(b"content-length", str(2 * MIB).encode()), (b"expect", b"100-continue")],
        body_parts=[],
    )
    assert result.status == 413
    assert result.headers["connection"] == "close"


async def test_empty_bodies(app: FastAPI, client: httpx.AsyncClient) -> None:
    assert (await client.post("/body", content=b"")).json() == {"n": 0}
    missing = await client.post(
        "/chat/messages", content=b"", headers={"content-type": "application/json"}
    )
    assert missing.status_code == 422
    assert missing.json() == {"detail": [{"loc": ["body"], "type": "missing"}]}


def test_the_longest_prefix_sets_the_limit() -> None:
    async def nothing(scope: Any, receive: Any, send: Any) -> None:
        return None

    guard = BodyLimitMiddleware(
        nothing, default_limit=100, path_limits={"/chat/": 10, "/chat/files/": 1000}
    )
    assert guard.limit_for("/") == 100
    assert guard.limit_for("/chat/messages") == 10
    assert guard.limit_for("/chat/files/x") == 1000
    assert guard.limit_for("/chatter") == 100
    with pytest.raises(ValueError, match="negative"):
        BodyLimitMiddleware(nothing, default_limit=-1)


# -- security headers -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/page", 200),
        ("GET", "/json", 200),
        ("GET", "/nowhere", 404),
        ("POST", "/chat/messages", 422),
        ("GET", "/boom", 500),
    ],
)
async def test_security_headers_are_on_every_response(
    client: httpx.AsyncClient, method: str, path: str, status: int
) -> None:
    response = await client.request(method, path)
    assert response.status_code == status
    assert response.headers["content-security-policy"] == STRICT_CSP
    for name, value in ALWAYS.items():
        assert response.headers[name] == value
    assert "strict-transport-security" not in response.headers


async def test_security_headers_are_on_a_413_too(client: httpx.AsyncClient) -> None:
    response = await client.post("/chat/messages", content=chunks(CHAT_LIMIT + 1))
    assert response.status_code == 413
    assert response.headers["content-security-policy"] == STRICT_CSP
    assert response.headers["cache-control"] == "no-store"


def test_the_default_policy_is_the_strict_one() -> None:
    assert content_security_policy(DEFAULT_CSP) == STRICT_CSP


async def test_json_is_not_stored_and_pages_may_be(client: httpx.AsyncClient) -> None:
    assert (await client.get("/json")).headers["cache-control"] == "no-store"
    assert (await client.get("/boom")).headers["cache-control"] == "no-store"
    assert "cache-control" not in (await client.get("/page")).headers


async def test_hsts_only_over_https() -> None:
    app = make_app()
    transport = httpx.ASGITransport(app)
    async with httpx.AsyncClient(transport=transport, base_url="https://faro.test") as c:
        hsts = (await c.get("/json")).headers["strict-transport-security"]
        assert hsts == "max-age=63072000; includeSubDomains"
    async with httpx.AsyncClient(transport=transport, base_url="http://faro.test") as c:
        # The peer (127.0.0.1) is not a trusted proxy, so its word is not taken.
        forged = await c.get("/json", headers={"x-forwarded-proto": "https"})
        assert "strict-transport-security" not in forged.headers


async def test_hsts_from_a_trusted_proxys_forwarded_proto() -> None:
    app = make_app(proxies=TrustedProxies(["127.0.0.0/8"]))
    transport = httpx.ASGITransport(app)  # the peer is 127.0.0.1
    async with httpx.AsyncClient(transport=transport, base_url="http://faro.test") as c:
        behind_tls = await c.get("/json", headers={"x-forwarded-proto": "https"})
        assert "strict-transport-security" in behind_tls.headers
        plain = await c.get("/json", headers={"x-forwarded-proto": "http"})
        assert "strict-transport-security" not in plain.headers


async def test_a_nonce_the_page_asks_for_is_in_its_policy(client: httpx.AsyncClient) -> None:
    first = await client.get("/page", params={"nonce": "true"})
    second = await client.get("/page", params={"nonce": "true"})
    nonce = first.text.split('nonce="')[1].split('"')[0]
    assert len(nonce) >= 22
    policy = first.headers["content-security-policy"]
    assert f"script-src 'self' 'nonce-{nonce}';" in policy
    assert f"style-src 'self' 'nonce-{nonce}';" in policy
    assert f"'nonce-{nonce}'" not in second.headers["content-security-policy"]
    assert "nonce-" not in (await client.get("/page")).headers["content-security-policy"]


def test_a_nonce_is_made_once_per_scope() -> None:
    scope: dict[str, Any] = {"type": "http"}
    nonce = csp_nonce(scope)
    assert csp_nonce(scope) == nonce
    assert scope["state"]["csp_nonce"] == nonce
    assert csp_nonce({"type": "http"}) != nonce


async def test_a_route_may_set_its_own_policy(client: httpx.AsyncClient) -> None:
    response = await client.get("/own-csp")
    assert response.headers["content-security-policy"] == "default-src 'none'"
    assert response.headers["x-frame-options"] == "DENY"


# -- quiet errors -----------------------------------------------------------------------


def assert_only_locations_and_types(response: httpx.Response) -> list[dict[str, Any]]:
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, list)
    assert detail
    for error in detail:
        assert set(error) == {"loc", "type"}
    return detail


async def test_validation_errors_name_fields_and_types_only(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/chat/messages",
        json={"visitor": f"<{SECRET}>", "lang": SECRET, "text": SECRET * 250},
    )
    detail = assert_only_locations_and_types(response)
    assert SECRET not in response.text
    types = {tuple(error["loc"]): error["type"] for error in detail}
    assert types[("body", "visitor")] == "string_pattern_mismatch"
    assert types[("body", "lang")] == "literal_error"
    assert types[("body", "text")] == "string_too_long"


async def test_invalid_json_says_where_not_what(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/chat/messages",
        content=f'{{"visitor": "{SECRET}", '.encode(),
        headers={"content-type": "application/json"},
    )
    detail = assert_only_locations_and_types(response)
    assert detail[0]["type"] == "json_invalid"
    assert detail[0]["loc"][0] == "body"
    assert isinstance(detail[0]["loc"][1], int)
    assert SECRET not in response.text


async def test_client_chosen_dict_keys_are_masked(client: httpx.AsyncClient) -> None:
    response = await client.post("/counts", json={"maria@example.org": SECRET})
    detail = assert_only_locations_and_types(response)
    assert "maria" not in response.text
    assert SECRET not in response.text
    assert detail[0]["loc"][0] == "body"
    assert "*" in detail[0]["loc"]


LONE_SURROGATES = [
    b'{"visitor": "visitor-1", "lang": "\\ud800"}',  # escaped in JSON
    b'{"visitor": "visitor-1", "lang": "\xed\xa0\x80"}',  # raw surrogate bytes
    b'{"visitor": "\\udfff\\ud800visitor"}',
]


@pytest.mark.parametrize("body", LONE_SURROGATES, ids=["escaped", "raw", "in-pattern"])
async def test_lone_surrogates_get_a_422_not_a_500(client: httpx.AsyncClient, body: bytes) -> None:
    response = await client.post(
        "/chat/messages", content=body, headers={"content-type": "application/json"}
    )
    assert_only_locations_and_types(response)


async def test_fastapis_own_handler_fails_on_a_lone_surrogate() -> None:
    # Why the handler above matters: the stock one echoes the input and cannot encode it.
    transport = httpx.ASGITransport(make_app(guarded=False), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        response = await c.post(
            "/chat/messages",
            content=LONE_SURROGATES[0],
            headers={"content-type": "application/json"},
        )
    assert response.status_code == 500


async def test_bytes_that_are_not_utf8_are_a_bad_request(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/chat/messages",
        content=b'{"visitor": "\xff\xfe' + SECRET.encode() + b'"}',
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 400
    assert SECRET not in response.text


@pytest.mark.parametrize("depth", [100, 8_000, 200_000])
async def test_deeply_nested_json_is_refused_quietly(client: httpx.AsyncClient, depth: int) -> None:
    body = b'{"visitor": ' + b"[" * depth + json.dumps(SECRET).encode() + b"]" * depth + b"}"
    response = await client.post(
        "/chat/messages", content=body, headers={"content-type": "application/json"}
    )
    if len(body) > CHAT_LIMIT:
        assert response.status_code == 413
    else:
        assert response.status_code in (400, 422)
    assert SECRET not in response.text
    # The same depth on a 1 MiB route reaches the JSON parser, whose recursion limit
    # must end in a 4xx too.
    counts = await client.post(
        "/counts", content=body, headers={"content-type": "application/json"}
    )
    assert counts.status_code in (400, 422)
    assert SECRET not in counts.text


async def test_an_unhandled_error_is_a_quiet_json_500(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    response = await client.get(
        "/boom", params={"token": "QUERYSECRET"}, headers={"x-personal": "HEADERSECRET"}
    )
    assert response.status_code == 500
    assert response.json() == {"detail": "Internal Server Error"}
    assert response.headers.get("connection") != "close"
    record = next(r for r in caplog.records if r.name == "bot.web.guards")
    message = record.getMessage()
    assert "RuntimeError" in message
    assert "GET /boom" in message
    assert record.exc_info is None
    # The test client's own log line names the URL; only the server side counts here.
    server_side = [r.getMessage() for r in caplog.records if not r.name.startswith("httpx")]
    everything = "\n".join(server_side)
    for leaked in (SECRET, "QUERYSECRET", "HEADERSECRET"):
        assert leaked not in everything


async def test_the_500_log_names_the_route_not_the_ids(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR)
    response = await client.get("/items/maria-lopez")
    assert response.status_code == 500
    assert "/items/{item_id}" in caplog.text
    assert "maria" not in caplog.text


async def test_an_error_after_the_response_started_does_not_escape(
    app: FastAPI, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR)
    sent: list[Message] = []

    async def receive() -> Message:
        await anyio.sleep_forever()
        raise AssertionError  # unreachable

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": "/late-boom",
        "raw_path": b"/late-boom",
        "root_path": "",
        "query_string": b"",
        "headers": [],
        "client": ("127.0.0.1", 5000),
        "server": ("testserver", 80),
    }
    with anyio.fail_after(5):
        await app(scope, receive, send)  # an escaping error would fail the test here
    assert [m["type"] for m in sent][:2] == ["http.response.start", "http.response.body"]
    assert sent[0]["status"] == 200
    assert not any(m["type"] == "http.response.body" and not m.get("more_body") for m in sent)
    assert "RuntimeError" in caplog.text
    assert SECRET not in caplog.text


# -- rate limits ------------------------------------------------------------------------


def test_each_kind_and_key_has_its_own_allowance() -> None:
    limiter = RateLimiter({"session": "3/minute", "address": "5/minute"})
    assert [limiter.hit("session", "visitor-a") for _ in range(4)] == [True] * 3 + [False]
    assert 0 < limiter.retry_after("session", "visitor-a") <= 60
    assert limiter.retry_after("session", "visitor-b") == 0.0
    assert limiter.hit("session", "visitor-b")
    assert [limiter.hit("address", "visitor-a") for _ in range(5)] == [True] * 5
    assert not limiter.hit("address", "visitor-a")


def test_every_limit_of_a_kind_applies() -> None:
    limiter = RateLimiter({"session": "2/second;3/minute"})
    assert [limiter.hit("session", "k") for _ in range(3)] == [True, True, False]
    assert 0 < limiter.retry_after("session", "k") <= 1
    time.sleep(1.05)
    assert limiter.hit("session", "k")
    assert not limiter.hit("session", "k")
    assert limiter.retry_after("session", "k") > 1


def test_the_sliding_window_counter_strategy_works_too() -> None:
    limiter = RateLimiter({"session": "2/minute"}, strategy="sliding-window-counter")
    assert [limiter.hit("session", "k") for _ in range(3)] == [True, True, False]
    assert limiter.retry_after("session", "k") > 0


@pytest.mark.parametrize(
    ("limits", "options", "message"),
    [
        ({"session": "lots/minute"}, {}, "bad rate limit"),
        ({"session": "1/minute"}, {"strategy": "leaky"}, "unknown rate limit strategy"),
        ({"session": "1/minute"}, {"strategy": "moving-window"}, "moving-window"),
        ({"session": "1/minute"}, {"storage_uri": "async+memory://"}, "async storage"),
        ({"session": "1/minute"}, {"storage_uri": "carrier-pigeon://x"}, "unusable"),
    ],
)
def test_bad_configuration_is_refused(
    limits: dict[str, str], options: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        RateLimiter(limits, **options)


def test_an_unknown_kind_is_a_programming_error() -> None:
    with pytest.raises(KeyError, match="visitor"):
        RateLimiter({"session": "1/minute"}).hit("visitor", "k")


@pytest.mark.parametrize("key", ["", "\ud800", "x" * 1_000_000, "ä/../*?"])
def test_odd_keys_are_counted_like_any_other(key: str) -> None:
    limiter = RateLimiter({"session": "1/minute"})
    assert limiter.hit("session", key)
    assert not limiter.hit("session", key)
    stored = list(limiter.storage.storage)  # type: ignore[attr-defined]
    assert all(len(k) < 100 for k in stored)


def test_memory_is_given_back_after_100000_distinct_keys() -> None:
    # A window about as long as the 100,000 hits take, so most are live at once.
    limiter = RateLimiter({"address": "1 per 5 seconds"})
    storage = limiter.storage
    assert isinstance(storage, MemoryStorage)

    def held() -> int:
        return len(storage.storage) + len(storage.expirations) + len(storage.events)

    started = time.perf_counter()
    for i in range(100_000):
        limiter.hit("address", f"10.{i >> 16}.{(i >> 8) & 255}.{i & 255}")
    took = time.perf_counter() - started
    assert held() >= 50_000, f"only {held()} keys held after {took:.1f} s"
    deadline = time.monotonic() + 20
    while held() > 2 and time.monotonic() < deadline:
        time.sleep(0.2)
        limiter.hit("address", "poke")  # expiry runs on a timer that hits reschedule
    assert held() <= 2, f"{held()} entries still held"
    print(f"100,000 keys: {took:.2f} s to hit, freed after expiry")


def test_a_429_says_when_to_come_back() -> None:
    response = too_many_requests(0.2)
    assert response.status_code == 429
    assert response.headers["retry-after"] == "1"
    assert json.loads(bytes(response.body)) == {"detail": "Too many requests"}
    assert too_many_requests(29.01).headers["retry-after"] == "30"
    assert too_many_requests(0).headers["retry-after"] == "1"


async def test_a_limited_route_answers_429_with_the_guards() -> None:
    app = make_app()
    limiter = RateLimiter({"address": "2/minute"})
    proxies = TrustedProxies()

    @app.get("/limited")
    async def limited(request: Request) -> Response:
        key = address_bucket(proxies.client_address(request.scope))
        if not await limiter.hit_async("address", key):
            return too_many_requests(await limiter.retry_after_async("address", key))
        return Response("ok")

    transport = httpx.ASGITransport(app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        statuses = [(await c.get("/limited")).status_code for _ in range(3)]
        refused = await c.get("/limited")
    assert statuses == [200, 200, 429]
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert refused.headers["cache-control"] == "no-store"


def redis_available() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.mark.skipif(not redis_available(), reason="no Redis at 127.0.0.1:6379")
async def test_processes_share_limits_through_redis() -> None:
    namespace = f"faro-test-{uuid.uuid4().hex[:8]}"
    # Two limiters, as two service processes would have, on one Redis.
    first = RateLimiter({"session": "3/minute"}, storage_uri=REDIS_URL, namespace=namespace)
    second = RateLimiter({"session": "3/minute"}, storage_uri=REDIS_URL, namespace=namespace)
    client = redis.Redis.from_url(REDIS_URL)
    try:
        assert first.hit("session", "visitor-a")
        assert await second.hit_async("session", "visitor-a")
        assert first.hit("session", "visitor-a")
        assert not second.hit("session", "visitor-a")
        assert 0 < await first.retry_after_async("session", "visitor-a") <= 61
        keys = list(client.scan_iter(match=f"LIMITS:LIMITER/{namespace}/*"))
        assert len(keys) == 1
        # Redis forgets every counter by itself: nothing grows with distinct keys.
        ttl = cast(int, client.ttl(keys[0]))  # redis-py types sync and async alike
        assert 0 < ttl <= 60
        assert b"visitor-a" not in keys[0]
    finally:
        for key in client.scan_iter(match=f"LIMITS:LIMITER/{namespace}/*"):
            client.delete(key)
        client.close()


def test_a_storage_that_is_down_lets_requests_through(caplog: pytest.LogCaptureFixture) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens here once closed
    limiter = RateLimiter(
        {"session": "1/minute"},
        storage_uri=f"redis://127.0.0.1:{port}",
        storage_options={"socket_connect_timeout": 0.5},
    )
    caplog.set_level(logging.WARNING)
    assert limiter.hit("session", "k")
    assert limiter.hit("session", "k")
    assert limiter.retry_after("session", "k") == 0.0
    warnings = [r for r in caplog.records if "rate limit storage unavailable" in r.getMessage()]
    assert len(warnings) == 1


# -- client addresses -------------------------------------------------------------------


def scope_from(peer: str | None, forwarded: list[str] | None = None) -> dict[str, Any]:
    headers = [(b"x-forwarded-for", value.encode()) for value in forwarded or []]
    return {"type": "http", "client": (peer, 1234) if peer else None, "headers": headers}


PROXIES = TrustedProxies(["10.0.0.0/8", "fd00::/8"])


@pytest.mark.parametrize(
    ("proxies", "peer", "forwarded", "expected"),
    [
        (TrustedProxies(), "203.0.113.9", ["198.51.100.1"], "203.0.113.9"),  # no trust
        (PROXIES, "203.0.113.9", ["198.51.100.1"], "203.0.113.9"),  # untrusted peer
        (PROXIES, "10.0.0.2", ["198.51.100.1"], "198.51.100.1"),
        (PROXIES, "10.0.0.2", ["6.6.6.6, 198.51.100.1"], "198.51.100.1"),  # forged left
        (PROXIES, "10.0.0.2", ["6.6.6.6", "198.51.100.1, 10.0.0.3"], "198.51.100.1"),
        (PROXIES, "10.0.0.2", ["10.0.0.5, 10.0.0.4"], "10.0.0.5"),  # all trusted
        (PROXIES, "10.0.0.2", ["not-an-ip, 10.0.0.4"], "10.0.0.4"),
        (PROXIES, "10.0.0.2", [], "10.0.0.2"),
        (PROXIES, "10.0.0.2", ["[2001:db8::1]:443"], "2001:db8::1"),
        (PROXIES, "10.0.0.2", ["198.51.100.1:5555"], "198.51.100.1"),
        (PROXIES, "::ffff:10.0.0.2", ["198.51.100.1"], "198.51.100.1"),
        (PROXIES, "fd00::1", ["2001:db8::7"], "2001:db8::7"),
        (PROXIES, None, ["198.51.100.1"], None),
    ],
)
def test_the_client_address_trusts_only_trusted_proxies(
    proxies: TrustedProxies, peer: str | None, forwarded: list[str], expected: str | None
) -> None:
    assert proxies.client_address(scope_from(peer, forwarded)) == expected


def test_ipv6_clients_are_limited_by_their_64() -> None:
    assert address_bucket("2001:db8:1:2:aaaa::1") == "2001:db8:1:2::/64"
    assert address_bucket("2001:db8:1:2:bbbb::9") == "2001:db8:1:2::/64"
    assert address_bucket("198.51.100.7") == "198.51.100.7"
    assert address_bucket(None) == "unknown"
    assert address_bucket("testclient") == "testclient"


# -- access log -------------------------------------------------------------------------


def uvicorn_access_record(path: str) -> logging.LogRecord:
    """A record exactly as uvicorn's h11 and httptools protocols log each response."""
    return logging.LogRecord(
        name="uvicorn.access",
        level=logging.INFO,
        pathname=__file__,
        lineno=1,
        msg='%s - "%s %s HTTP/%s" %d',
        args=("203.0.113.9:51234", "GET", path, "1.1", 200),
        exc_info=None,
    )


ACCESS_FORMAT = '%(client_addr)s - "%(request_line)s" %(status_code)s'
VERIFY = "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=TOKEN123&hub.challenge=42"


def test_the_access_filter_strips_the_query_and_the_address() -> None:
    formatter = AccessFormatter(ACCESS_FORMAT, use_colors=False)
    unfiltered = formatter.format(uvicorn_access_record(VERIFY))
    assert "TOKEN123" in unfiltered  # what uvicorn prints without the filter
    record = uvicorn_access_record(VERIFY)
    assert AccessLogFilter().filter(record)
    assert formatter.format(record) == '- - "GET /webhooks/whatsapp HTTP/1.1" 200 OK'
    kept = uvicorn_access_record("/healthz?x=1")
    AccessLogFilter(redact_client=False).filter(kept)
    assert formatter.format(kept) == '203.0.113.9:51234 - "GET /healthz HTTP/1.1" 200 OK'


def test_the_access_filter_also_cleans_preformatted_lines() -> None:
    record = logging.LogRecord(
        "uvicorn.access", logging.INFO, __file__, 1, f'- "GET {VERIFY} HTTP/1.1" 200', None, None
    )
    AccessLogFilter().filter(record)
    assert record.getMessage() == '- "GET /webhooks/whatsapp HTTP/1.1" 200'


def test_installing_the_filter_twice_keeps_one() -> None:
    logger = logging.getLogger("faro.test.access")
    first = install_access_log_filter("faro.test.access")
    second = install_access_log_filter("faro.test.access", redact_client=False)
    assert first is second
    assert [f for f in logger.filters if isinstance(f, AccessLogFilter)] == [first]
    logger.removeFilter(first)


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []
        self.setFormatter(AccessFormatter(ACCESS_FORMAT, use_colors=False))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def live() -> Iterator[LoopbackServer]:
    server = LoopbackServer(make_app(), name="guarded app")
    # LoopbackServer's uvicorn quiets the access log; this test needs it on.
    access = logging.getLogger("uvicorn.access")
    level = access.level
    access.setLevel(logging.INFO)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        access.setLevel(level)


def test_a_real_uvicorn_access_log_has_no_query_string(live: LoopbackServer) -> None:
    access = logging.getLogger("uvicorn.access")
    collect = Collect()
    access.addHandler(collect)
    try:
        with httpx.Client(base_url=live.url) as c:
            assert c.get(VERIFY).status_code == 404  # no WhatsApp route in this app
            assert c.get("/json", params={"token": "TOKEN123"}).status_code == 200
    finally:
        access.removeHandler(collect)
    assert len(collect.lines) == 2
    assert collect.lines[0] == '- - "GET /webhooks/whatsapp HTTP/1.1" 404 Not Found'
    assert all("TOKEN123" not in line and "127.0.0.1" not in line for line in collect.lines)


# -- on a real server -------------------------------------------------------------------


class PeakRss:
    """Peak memory Python allocated (in every thread) while the block ran.

    tracemalloc rather than RSS: RSS hides an allocation that reuses memory freed
    earlier in a long test run, so it could not tell a guarded read from an unguarded one.
    """

    def __init__(self) -> None:
        self.peak = 0

    def __enter__(self) -> PeakRss:
        gc.collect()
        tracemalloc.start()
        tracemalloc.reset_peak()
        self._base = tracemalloc.get_traced_memory()[0]
        return self

    def __exit__(self, *_: object) -> None:
        self.peak = tracemalloc.get_traced_memory()[1] - self._base
        tracemalloc.stop()

    @property
    def growth_mb(self) -> float:
        """Peak growth in MB."""
        return self.peak / 1e6


def five_mb() -> Iterator[bytes]:
    block = b"u" * (64 * KIB)
    for _ in range(5 * MIB // len(block)):
        yield block


def test_a_real_server_refuses_5mb_chunked_in_little_memory_and_keeps_the_connection(
    live: LoopbackServer,
) -> None:
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    with httpx.Client(base_url=live.url, limits=limits, timeout=30) as c:
        port = c.get("/peer").json()["port"]

        with PeakRss() as guarded:
            refused = c.post("/stream", content=five_mb())
        assert refused.status_code == 413
        assert refused.json() == {"detail": "Request body too large"}
        assert refused.request.headers.get("transfer-encoding") == "chunked"
        assert c.get("/peer").json()["port"] == port  # the same keep-alive connection

        declared = c.post("/body", content=b"d" * (2 * MIB))  # with a Content-Length
        assert declared.status_code == 413
        assert c.get("/peer").json()["port"] == port

        failed = c.get("/boom")
        assert failed.status_code == 500
        assert failed.json() == {"detail": "Internal Server Error"}
        assert c.get("/peer").json()["port"] == port

        # The same measurement on a route allowed 64 MiB, which reads the body whole,
        # shows what the guard saves (and that the measurement can see it).
        with PeakRss() as unguarded:
            taken = c.post("/big/body", content=five_mb())
        assert taken.json() == {"n": 5 * MIB}
        assert c.get("/peer").json()["port"] == port
    print(
        f"peak RSS growth: {guarded.growth_mb:.1f} MB refused at 1 MiB, "
        f"{unguarded.growth_mb:.1f} MB read whole"
    )
    assert guarded.growth_mb < 3
    assert unguarded.growth_mb > 5
