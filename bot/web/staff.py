"""Who is signed in: desk sessions, API tokens, roles, sign-in limits and CSRF.

- The desk signs in with a session cookie: random, only its digest in the database,
  HttpOnly, SameSite=Strict, Secure outside local development, scoped to `/desk`.
- The JSON API takes `Authorization: Bearer TOKEN` and no cookies, so it needs no CSRF.
- Every desk form is protected by asgi-csrf (double-submit cookie, signed with
  FARO_SECRET_KEY): form field `csrftoken` or header `x-csrftoken`. Only `/desk` is
  protected: webhooks, the web chat, /healthz and the API are left alone.
- Sign-in attempts are limited per client address and per account with the service's
  RateLimiter (the `limits` library), so guessing passwords is slow from anywhere.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import logging
import secrets
from collections.abc import Callable, Iterable
from typing import Any, Final

from asgi_csrf import asgi_csrf  # type: ignore[import-untyped]
from fastapi import Request
from starlette.datastructures import Headers
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.settings import Settings
from bot.storage import accounts
from bot.storage.accounts import Role
from bot.storage.models import StaffUser
from bot.web.desk.i18n import M_, catalogues, staff_language
from bot.web.guards import RateLimiter, TrustedProxies, address_bucket, send_json

log = logging.getLogger(__name__)

DESK_PREFIX: Final = "/desk"
SESSION_COOKIE: Final = "faro_desk"
SESSION_LIFETIME: Final = dt.timedelta(hours=12)  # one working day, then sign in again
CSRF_COOKIE: Final = "csrftoken"
CSRF_FIELD: Final = "csrftoken"
CSRF_HEADER: Final = "x-csrftoken"
# Per client address and per account (email digest): slow enough to make guessing
# hopeless, loose enough that a mistyped password twice never locks anyone out for long.
SIGNIN_LIMITS: Final = {
    "signin_address": "10/minute;100/hour",
    "signin_account": "5/minute;30/hour",
}


EXPIRED_FORM: Final = M_(
    "This form has expired or did not come from the desk. Reload the page and try again."
)


class SecretKeyError(RuntimeError):
    """FARO_SECRET_KEY is missing where it is required."""


def signing_secret(settings: Settings) -> str:
    """The secret that signs desk CSRF tokens; outside development it must be configured.

    In development a missing key is generated for this process: tokens then stop
    verifying at a restart (the desk asks to reload the form), which is harmless.
    """
    if settings.secret_key is not None:
        return settings.secret_key.get_secret_value()
    if settings.is_development:
        return secrets.token_urlsafe(32)
    raise SecretKeyError(
        "FARO_SECRET_KEY is not set: it signs the desk's forms. Generate one with "
        "`python -c 'import secrets; print(secrets.token_urlsafe(32))'`."
    )


def cookies_secure(settings: Settings) -> bool:
    """Desk cookies are Secure everywhere but local development (plain http on a laptop)."""
    return not settings.is_development


# -- CSRF ---------------------------------------------------------------------------------


def is_protected(path: str) -> bool:
    """Whether a path belongs to the desk, whose forms need a CSRF token."""
    return path == DESK_PREFIX or path.startswith(DESK_PREFIX + "/")


class _DeskPaths:
    """asgi-csrf's `always_protect` as a prefix test.

    asgi-csrf skips its check for a request without any cookie unless the path is in
    `always_protect`; it only ever asks `path in always_protect`, so this makes every
    desk path count, the sign-in form included (no login CSRF from a cookieless browser).
    """

    def __contains__(self, path: object) -> bool:
        return isinstance(path, str) and is_protected(path)


def _skip_csrf(scope: Scope) -> bool:
    # Webhooks (signed by the platforms), the web chat (its own SameSite=Strict session,
    # JSON only), /healthz and the API (bearer tokens, no cookies) are not desk forms.
    return not is_protected(str(scope.get("path", "")))


async def _csrf_failed(scope: Scope, send: Send, _error: object) -> None:
    # The library's reason would name its internals; the desk only says "reload the form",
    # in the caseworker's language.
    conn = HTTPConnection(scope)
    lang = staff_language(conn)
    message = catalogues().get(lang).gettext(EXPIRED_FORM)
    body = (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="stylesheet" href="/desk/static/desk.css"><title>403</title></head>'
        f'<body><main><section class="card narrow"><p class="problem">{html.escape(message)}'
        '</p><p><a href="/desk/">Faro</a></p></section></main></body></html>'
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 403,
            "headers": [
                (b"content-type", b"text/html; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body, "more_body": False})


class CsrfMiddleware:
    """asgi-csrf around the app, limited to the desk, with malformed forms refused cleanly."""

    def __init__(self, app: ASGIApp, *, secret: str, secure: bool) -> None:
        self.app = app
        self._protected = asgi_csrf(
            app,
            cookie_name=CSRF_COOKIE,
            http_header=CSRF_HEADER,
            signing_secret=secret,
            always_protect=_DeskPaths(),
            skip_if_scope=_skip_csrf,
            cookie_path=DESK_PREFIX,
            cookie_secure=secure,
            cookie_samesite="Strict",
            send_csrf_failed=_csrf_failed,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check desk requests; pass everything else straight through."""
        if scope["type"] != "http" or not is_protected(scope["path"]):
            await self.app(scope, receive, send)
            return
        method = scope.get("method", "GET")
        if method not in {"GET", "HEAD", "OPTIONS", "TRACE"}:
            headers = Headers(scope=scope)
            media = headers.get("content-type", "").split(";", 1)[0].strip().lower()
            # Desk forms are urlencoded; the library's multipart path asserts on a bad
            # boundary, so anything else must carry the token in the header.
            if media != "application/x-www-form-urlencoded" and CSRF_HEADER not in headers:
                await _csrf_failed(scope, send, None)
                return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self._protected(scope, receive, tracking_send)
        except UnicodeDecodeError:
            # The library decodes the form as UTF-8 before the app sees it.
            if started:
                raise
            await send_json(send, 400, {"detail": "The form is not UTF-8"})


def csrf_token(conn: HTTPConnection) -> str:
    """This browser's CSRF token, to put in a form's `csrftoken` field."""
    maker: Callable[[], str] | None = conn.scope.get("csrftoken")
    return maker() if maker is not None else ""


# -- who is signed in ---------------------------------------------------------------------


class SignInRequiredError(Exception):
    """No valid desk session: the desk answers with the sign-in page."""


class ForbiddenError(Exception):
    """Signed in, but the role does not allow this page."""


def session_user(conn: HTTPConnection) -> StaffUser | None:
    """The account of the desk session cookie, or None (blocking: call from a thread)."""
    token = conn.cookies.get(SESSION_COOKIE, "")
    if not token:
        return None
    database = conn.app.state.service.database
    with database.read() as session:
        return accounts.user_for_session(session=session, token=token)


def require_roles(user: StaffUser | None, roles: Iterable[Role]) -> StaffUser:
    """`user` if it holds one of `roles`; else sign in (nobody) or forbidden (wrong role)."""
    if user is None:
        raise SignInRequiredError
    if user.role not in {role.value for role in roles}:
        raise ForbiddenError
    return user


def bearer_user(conn: HTTPConnection) -> StaffUser | None:
    """The account of an `Authorization: Bearer` token, or None (blocking: call from a thread)."""
    header = conn.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    database = conn.app.state.service.database
    with database.write() as session:  # writes last_used_at
        return accounts.user_for_api_token(session=session, token=token.strip())


def set_session_cookie(response: Any, token: str, *, secure: bool) -> None:
    """Put the desk session in an HttpOnly, SameSite=Strict cookie scoped to the desk."""
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(SESSION_LIFETIME.total_seconds()),
        httponly=True,
        secure=secure,
        samesite="strict",
        path=DESK_PREFIX,
    )


def clear_session_cookie(response: Any, *, secure: bool) -> None:
    """Remove the desk session cookie."""
    response.delete_cookie(
        SESSION_COOKIE, path=DESK_PREFIX, httponly=True, secure=secure, samesite="strict"
    )


# -- sign-in rate limit -------------------------------------------------------------------


def signin_limiter(settings: Settings) -> RateLimiter:
    """The sign-in limits, counted where the other rate limits are (FARO_RATE_LIMIT_STORAGE)."""
    return RateLimiter(
        SIGNIN_LIMITS, storage_uri=settings.rate_limit_storage, namespace="faro-signin"
    )


def signin_allowed(request: Request, limiter: RateLimiter, email: str) -> float:
    """Count one attempt; 0.0 when it may go ahead, else the seconds to wait."""
    proxies: TrustedProxies = request.app.state.proxies
    address = address_bucket(proxies.client_address(request.scope))
    # The account key is a digest: the limiter's storage never holds an email.
    account = hashlib.sha256(accounts.normalise_email(email).encode("utf-8")).hexdigest()
    for kind, key in (("signin_address", address), ("signin_account", account)):
        if not limiter.hit(kind, key):
            return max(1.0, limiter.retry_after(kind, key))
    return 0.0
