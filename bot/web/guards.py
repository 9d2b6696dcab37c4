"""Guards for the ASGI app: body caps, security headers, quiet errors, rate limits, log hygiene.

Everything here is plain ASGI or a FastAPI hook, so it can be mounted in `create_app`
without knowing any channel:

    install_guards(app, path_limits={"/chat/": 16 * KIB}, proxies=TrustedProxies([...]))

or piece by piece, innermost first (`add_middleware` wraps what was added before):
`BodyLimitMiddleware`, then `install_error_handlers`, then `SecurityHeadersMiddleware`,
and `install_access_log_filter()` once per process.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import logging
import math
import re
import secrets
import time
import traceback
from collections.abc import Iterable, Mapping
from typing import Any, Final, Literal

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from limits import RateLimitItem, parse_many
from limits.errors import ConfigurationError, StorageError
from limits.storage import MemoryStorage, Storage, storage_from_string
from limits.strategies import STRATEGIES
from limits.strategies import RateLimiter as LimitsStrategy
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)

KIB: Final = 1024
MIB: Final = 1024 * KIB
DEFAULT_BODY_LIMIT: Final = MIB
# The web chat posts one message at a time: 4,096 characters (past which it answers
# "too long") fit even in a script of three bytes a character.
DEFAULT_PATH_LIMITS: Final[Mapping[str, int]] = {"/chat/": 16 * KIB}
# Past this much unread body, answering and closing is cheaper than reading the rest
# just to keep the connection (Go's net/http makes the same trade at 256 KiB).
DEFAULT_DRAIN_LIMIT: Final = 8 * MIB

TOO_LARGE_DETAIL: Final = "Request body too large"
SERVER_ERROR_DETAIL: Final = "Internal Server Error"

CSP_NONCE_KEY: Final = "csp_nonce"
DEFAULT_CSP: Final[Mapping[str, str]] = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "connect-src": "'self'",
    "frame-ancestors": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
}
# Directives that accept a nonce; the nonce covers <script>/<style> elements, not
# style="" attributes or inline event handlers, which stay forbidden.
NONCE_DIRECTIVES: Final = ("script-src", "style-src")
DEFAULT_PERMISSIONS_POLICY: Final = "camera=(), microphone=(), geolocation=()"
DEFAULT_HSTS: Final = "max-age=63072000; includeSubDomains"

ACCESS_LOGGER: Final = "uvicorn.access"
# A location part is echoed only if it looks like a field name; anything else may be
# a dict key the client chose, so it is masked.
_SAFE_LOC = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]{0,63}$")
_MASKED_LOC: Final = "*"

StrategyName = Literal["fixed-window", "sliding-window-counter", "moving-window"]


# -- request body cap ---------------------------------------------------------------------


class BodyTooLargeError(HTTPException):
    """Raised from `receive` once a request body passes its limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(status_code=413, detail=TOO_LARGE_DETAIL)
        self.limit = limit


class BodyLimitMiddleware:
    """Refuse request bodies over a per-path-prefix limit with 413, before they are held whole."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        default_limit: int = DEFAULT_BODY_LIMIT,
        path_limits: Mapping[str, int] | None = None,
        drain_limit: int = DEFAULT_DRAIN_LIMIT,
    ) -> None:
        limits = dict(DEFAULT_PATH_LIMITS if path_limits is None else path_limits)
        if default_limit < 0 or any(limit < 0 for limit in limits.values()):
            raise ValueError("body limits must not be negative")
        self.app = app
        self.default_limit = default_limit
        self.drain_limit = drain_limit
        # Longest prefix first, so "/chat/upload/" can differ from "/chat/".
        self._prefixes = sorted(limits.items(), key=lambda item: len(item[0]), reverse=True)

    def limit_for(self, path: str) -> int:
        """The body limit in bytes for a request path (longest matching prefix wins)."""
        for prefix, limit in self._prefixes:
            if path.startswith(prefix):
                return limit
        return self.default_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the app with a counting `receive`; answer 413 in its place when over the limit."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        headers = Headers(scope=scope)
        try:
            declared = _declared_length(headers)
        except ValueError:
            # The framing is unknowable, so the connection cannot be reused safely.
            await send_json(send, 400, {"detail": "Invalid Content-Length"}, close=True)
            return
        if declared is not None and declared > limit:
            expects_continue = headers.get("expect", "").lower() == "100-continue"
            # Keeping the connection means the server reads and drops the whole body;
            # worth it for a few MB, not for whatever a client claims it will send.
            close = declared > self.drain_limit or expects_continue
            await send_json(send, 413, {"detail": TOO_LARGE_DETAIL}, close=close)
            return

        received = 0
        exceeded = False
        started = False

        async def limited_receive() -> Message:
            nonlocal received, exceeded
            if exceeded:
                raise BodyTooLargeError(limit)
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    exceeded = True
                    raise BodyTooLargeError(limit)
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if exceeded and not started:
                # Whatever the app says now is about a body it never saw whole.
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except Exception:
            if not exceeded or started:
                raise
        if exceeded and not started:
            await send_json(send, 413, {"detail": TOO_LARGE_DETAIL})


def _declared_length(headers: Headers) -> int | None:
    values = {value.strip() for value in headers.getlist("content-length")}
    if not values:
        return None
    if len(values) > 1:
        raise ValueError("conflicting Content-Length headers")
    (value,) = values
    # int() would also take "+5", " 5", "5_000" and non-ASCII digits; HTTP takes none.
    if not value or not value.isascii() or not value.isdigit():
        raise ValueError("Content-Length is not a number")
    return int(value)


async def send_json(
    send: Send,
    status: int,
    payload: Mapping[str, Any],
    *,
    close: bool = False,
) -> None:
    """Send a whole JSON response over raw ASGI (for middleware that answers in the app's place)."""
    body = json.dumps(payload, separators=(",", ":")).encode()
    raw = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
    ]
    if close:
        raw.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body, "more_body": False})


# -- trusted proxies and client addresses -------------------------------------------------


IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class TrustedProxies:
    """Which peers may speak for the client through X-Forwarded-For and X-Forwarded-Proto."""

    def __init__(self, networks: Iterable[str] = ()) -> None:
        self.networks = tuple(ipaddress.ip_network(network, strict=False) for network in networks)

    def is_trusted(self, address: str) -> bool:
        """Whether an address belongs to one of the trusted proxy networks."""
        ip = _parse_ip(address)
        return ip is not None and any(ip in network for network in self.networks)

    def client_address(self, scope: Scope) -> str | None:
        """The peer's address, or behind trusted proxies the first untrusted X-Forwarded-For hop."""
        client = scope.get("client")
        if not client:
            return None
        peer = str(client[0])
        if not self.networks or not self.is_trusted(peer):
            return _normalise(peer)
        hops = [
            hop.strip()
            for value in Headers(scope=scope).getlist("x-forwarded-for")
            for hop in value.split(",")
        ]
        candidate = _normalise(peer)
        # Read from the right: each trusted proxy appended the address it saw, and
        # whatever lies left of the first untrusted hop was written by the client.
        for hop in reversed(hops):
            ip = _parse_ip(hop)
            if ip is None:
                # A trusted proxy never writes this, so the trust chain ends at the
                # last proxy that vouched for something.
                return candidate
            candidate = str(ip)
            if not any(ip in network for network in self.networks):
                return candidate
        return candidate

    def is_https(self, scope: Scope) -> bool:
        """Whether the request reached us over https, directly or through a trusted proxy."""
        if scope.get("scheme") in ("https", "wss"):
            return True
        client = scope.get("client")
        if not client or not self.is_trusted(str(client[0])):
            return False
        protos = Headers(scope=scope).getlist("x-forwarded-proto")
        # Any https hop counts: sending HSTS over plain http is ignored by browsers.
        return any(p.strip().lower() == "https" for v in protos for p in v.split(","))


def _parse_ip(text: str) -> IPAddress | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # "[v6]" or "[v6]:port"
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # "v4:port"
        text = text.split(":", 1)[0]
    try:
        ip = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def _normalise(address: str) -> str:
    ip = _parse_ip(address)
    return str(ip) if ip is not None else address


def address_bucket(address: str | None) -> str:
    """The rate-limit key for a client address: IPv4 as is, IPv6 by its /64 (one subscriber)."""
    if not address:
        return "unknown"
    ip = _parse_ip(address)
    if ip is None:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        # One home or phone gets a whole /64 and can rotate through it at will.
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


# -- security headers ---------------------------------------------------------------------


def csp_nonce(conn: HTTPConnection | Scope) -> str:
    """This response's CSP nonce, made on first use; put it in nonce="" of inline script/style."""
    scope = conn.scope if isinstance(conn, HTTPConnection) else conn
    state = scope.setdefault("state", {})
    nonce = state.get(CSP_NONCE_KEY)
    if not isinstance(nonce, str):
        nonce = secrets.token_urlsafe(18)
        state[CSP_NONCE_KEY] = nonce
    return nonce


def content_security_policy(directives: Mapping[str, str], nonce: str | None = None) -> str:
    """A CSP header value from directives, with `'nonce-…'` added to script-src and style-src."""
    parts = []
    for name, value in directives.items():
        if nonce and name in NONCE_DIRECTIVES:
            value = f"{value} 'nonce-{nonce}'"
        parts.append(f"{name} {value}".strip())
    return "; ".join(parts)


class SecurityHeadersMiddleware:
    """Add CSP, nosniff, referrer, framing, permissions, COOP and (https) HSTS to every response."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        csp: Mapping[str, str] | None = None,
        permissions_policy: str = DEFAULT_PERMISSIONS_POLICY,
        hsts: str = DEFAULT_HSTS,
        proxies: TrustedProxies | None = None,
    ) -> None:
        self.app = app
        self.csp = dict(DEFAULT_CSP if csp is None else csp)
        self._plain_csp = content_security_policy(self.csp)
        self.permissions_policy = permissions_policy
        self.hsts = hsts
        self.proxies = proxies or TrustedProxies()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on and add the headers the response does not set itself."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # Made here so a nonce set deep in the app lands in a dict this layer also holds.
        state = scope.setdefault("state", {})
        https = self.proxies.is_https(scope)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                self._add_headers(MutableHeaders(scope=message), state, https)
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _add_headers(self, headers: MutableHeaders, state: Mapping[str, Any], https: bool) -> None:
        nonce = state.get(CSP_NONCE_KEY)
        csp = (
            content_security_policy(self.csp, nonce) if isinstance(nonce, str) else self._plain_csp
        )
        # setdefault: a route that sets its own policy knows better than the default.
        headers.setdefault("content-security-policy", csp)
        headers.setdefault("x-content-type-options", "nosniff")
        headers.setdefault("referrer-policy", "no-referrer")
        headers.setdefault("x-frame-options", "DENY")
        headers.setdefault("permissions-policy", self.permissions_policy)
        headers.setdefault("cross-origin-opener-policy", "same-origin")
        if https and self.hsts:
            headers.setdefault("strict-transport-security", self.hsts)
        if _is_json(headers.get("content-type", "")):
            # Answers carry what a person wrote about their situation; no cache keeps them.
            headers.setdefault("cache-control", "no-store")


def _is_json(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or media.endswith("+json")


# -- errors that say nothing about the input ----------------------------------------------


async def validation_error_handler(_request: Request, exc: Exception) -> JSONResponse:
    """422 with each error's location and type only: no input, no context, no message."""
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    detail = [
        {"loc": [_safe_loc(part) for part in error.get("loc", ())], "type": str(error.get("type"))}
        for error in errors
    ]
    return JSONResponse({"detail": detail}, status_code=422)


def _safe_loc(part: object) -> str | int:
    if isinstance(part, int) and not isinstance(part, bool):
        return part
    if isinstance(part, str) and _SAFE_LOC.match(part):
        return part
    return _MASKED_LOC


async def server_error_handler(request: Request, exc: Exception) -> JSONResponse:
    """A generic JSON 500, logging only the error's type, the route and the code location."""
    _log_unhandled(request.scope, exc)
    return JSONResponse({"detail": SERVER_ERROR_DETAIL}, status_code=500)


class UnhandledErrorMiddleware:
    """Turn an error that escapes the app into a JSON 500 without closing the connection."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the app; on an unhandled error log it quietly and answer 500 if nothing was sent."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            # Not re-raised: Starlette's outer error layer and uvicorn would log the
            # message (which may quote the input) and uvicorn would drop the connection.
            _log_unhandled(scope, exc)
            if not started:
                await send_json(send, 500, {"detail": SERVER_ERROR_DETAIL})


def _log_unhandled(scope: Scope, exc: BaseException) -> None:
    frames = traceback.extract_tb(exc.__traceback__)
    where = f"{frames[-1].filename.rsplit('/', 1)[-1]}:{frames[-1].lineno}" if frames else "?"
    log.error(
        "unhandled %s on %s %s at %s",
        type(exc).__name__,
        scope.get("method", "?"),
        route_path(scope),
        where,
    )


def route_path(scope: Scope) -> str:
    """The matched route's template (no ids, no query string), else the escaped raw path."""
    template = getattr(scope.get("route"), "path", None)
    if isinstance(template, str):
        # A mounted app's routes are relative to its mount point.
        path = str(scope.get("root_path", "")) + template
    else:
        path = str(scope.get("path", ""))[:200]
    # Paths arrive percent-decoded: a newline in one must not start a fake log line.
    return path.encode("unicode_escape").decode("ascii")


def install_error_handlers(app: FastAPI) -> None:
    """Register the quiet 422 and 500 handlers and the middleware that keeps connections open."""
    app.add_exception_handler(RequestValidationError, validation_error_handler)
    # Reached only by errors outside UnhandledErrorMiddleware; Starlette re-raises after it.
    app.add_exception_handler(Exception, server_error_handler)
    app.add_middleware(UnhandledErrorMiddleware)


# -- rate limits --------------------------------------------------------------------------


class RateLimiter:
    """Per-key request limits by kind ("session", "address", ...) on a `limits` storage."""

    def __init__(
        self,
        limits: Mapping[str, str],
        *,
        storage_uri: str = "memory://",
        strategy: StrategyName = "fixed-window",
        namespace: str = "faro",
        storage_options: Mapping[str, float | str | bool] | None = None,
    ) -> None:
        try:
            self._items: dict[str, list[RateLimitItem]] = {
                kind: parse_many(spec) for kind, spec in limits.items()
            }
        except ValueError as error:
            raise ValueError(f"bad rate limit in {dict(limits)!r}: {error}") from error
        if strategy not in STRATEGIES:
            raise ValueError(f"unknown rate limit strategy {strategy!r}")
        try:
            storage = storage_from_string(
                storage_uri, wrap_exceptions=True, **dict(storage_options or {})
            )
        except ConfigurationError as error:
            raise ValueError(f"unusable rate limit storage {storage_uri!r}: {error}") from error
        if not isinstance(storage, Storage):
            raise ValueError(f"{storage_uri!r} is an async storage; use its plain scheme")
        if strategy == "moving-window" and isinstance(storage, MemoryStorage):
            # limits 5.8's MemoryStorage empties a moving window's list but never drops the
            # key, so memory grows with every distinct key ever seen.
            raise ValueError("moving-window needs a shared storage such as redis://")
        self.storage: Storage = storage
        self.namespace = namespace
        self._strategy: LimitsStrategy = STRATEGIES[strategy](storage)
        self._local = isinstance(storage, MemoryStorage)
        self._last_warning = 0.0

    def hit(self, kind: str, key: str) -> bool:
        """Count one request for `key` under `kind`; False when that is over any of its limits."""
        items, ids = self._resolve(kind, key)
        try:
            if len(items) == 1:
                return self._strategy.hit(items[0], *ids)
            # Check every limit before counting, so a refused request uses up none of them.
            if not all(self._strategy.test(item, *ids) for item in items):
                return False
            return all([self._strategy.hit(item, *ids) for item in items])
        except StorageError as error:
            self._warn(error)
            return True

    def retry_after(self, kind: str, key: str) -> float:
        """Seconds until `key` may make a request under `kind` again (0.0 when it may now)."""
        items, ids = self._resolve(kind, key)
        now = time.time()
        wait = 0.0
        try:
            for item in items:
                stats = self._strategy.get_window_stats(item, *ids)
                if stats.remaining <= 0:
                    wait = max(wait, stats.reset_time - now)
        except StorageError as error:
            self._warn(error)
            return 0.0
        return max(0.0, wait)

    async def hit_async(self, kind: str, key: str) -> bool:
        """`hit` for async code: inline for memory, in a worker thread for a networked storage."""
        if self._local:
            return self.hit(kind, key)
        return await anyio.to_thread.run_sync(self.hit, kind, key)

    async def retry_after_async(self, kind: str, key: str) -> float:
        """`retry_after` for async code, off the event loop for a networked storage."""
        if self._local:
            return self.retry_after(kind, key)
        return await anyio.to_thread.run_sync(self.retry_after, kind, key)

    def _resolve(self, kind: str, key: str) -> tuple[list[RateLimitItem], tuple[str, ...]]:
        try:
            items = self._items[kind]
        except KeyError:
            raise KeyError(f"no rate limit configured for {kind!r}") from None
        # A fixed-size digest: keys may be long or odd (lone surrogates), and a shared
        # storage holds no raw session ids or addresses.
        digest = hashlib.blake2b(
            key.encode("utf-8", "surrogatepass"), digest_size=16, person=b"faro-ratelimit"
        ).hexdigest()
        return items, (self.namespace, kind, digest)

    def _warn(self, error: StorageError) -> None:
        # Limits protect the service, they are not why it exists: with the storage
        # down, requests go through, and the log says so once a minute at most.
        now = time.monotonic()
        if now - self._last_warning >= 60.0:
            self._last_warning = now
            log.warning(
                "rate limit storage unavailable (%s); allowing requests",
                type(error.storage_error).__name__,
            )


def too_many_requests(retry_after: float, detail: str = "Too many requests") -> JSONResponse:
    """A 429 JSON response whose Retry-After is whole seconds, at least one."""
    seconds = max(1, math.ceil(retry_after))
    return JSONResponse({"detail": detail}, status_code=429, headers={"Retry-After": str(seconds)})


# -- access log hygiene -------------------------------------------------------------------


# For records that arrive already formatted: the request target in a request line.
_TARGET_QUERY = re.compile(r'("[A-Z]+ [^ ?"]*)\?[^ "]*')


class AccessLogFilter(logging.Filter):
    """Strip the query string (and by default the client address) from uvicorn access records."""

    def __init__(self, *, redact_client: bool = True) -> None:
        super().__init__()
        self.redact_client = redact_client

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record in place; never drops it."""
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            # uvicorn: (client "ip:port", method, path?query, http version, status);
            # it quotes the path, so the first "?" starts the query string.
            client = "-" if self.redact_client else args[0]
            record.args = (client, args[1], args[2].split("?", 1)[0], *args[3:])
        elif not args and isinstance(record.msg, str):
            record.msg = _TARGET_QUERY.sub(r"\1", record.msg)
        return True


def install_access_log_filter(
    logger_name: str = ACCESS_LOGGER, *, redact_client: bool = True
) -> AccessLogFilter:
    """Attach one AccessLogFilter to the uvicorn access logger (again returns the one there)."""
    logger = logging.getLogger(logger_name)
    for existing in logger.filters:
        if isinstance(existing, AccessLogFilter):
            existing.redact_client = redact_client
            return existing
    # On the logger, not a handler: uvicorn's dictConfig replaces handlers but keeps filters.
    access_filter = AccessLogFilter(redact_client=redact_client)
    logger.addFilter(access_filter)
    return access_filter


# -- all of it ----------------------------------------------------------------------------


def install_guards(
    app: FastAPI,
    *,
    default_body_limit: int = DEFAULT_BODY_LIMIT,
    path_limits: Mapping[str, int] | None = None,
    proxies: TrustedProxies | None = None,
    csp: Mapping[str, str] | None = None,
    redact_client_in_access_log: bool = True,
) -> None:
    """Mount body caps, quiet errors and security headers in the right order, and the log filter."""
    app.add_middleware(
        BodyLimitMiddleware, default_limit=default_body_limit, path_limits=path_limits
    )
    install_error_handlers(app)
    # Outermost, so 413, 422 and 500 answers get the headers too.
    app.add_middleware(SecurityHeadersMiddleware, csp=csp, proxies=proxies)
    install_access_log_filter(redact_client=redact_client_in_access_log)


async def read_capped_body(request: Request, limit: int) -> bytes | None:
    """The raw body, or None when it is larger than `limit` (refused before it is all read)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        return None
    buffer = bytearray()
    async for chunk in request.stream():
        buffer.extend(chunk)
        if len(buffer) > limit:
            return None
    return bytes(buffer)
