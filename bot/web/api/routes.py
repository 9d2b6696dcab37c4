"""The caseworkers' JSON API at /api/v1, documented at /api/docs (OpenAPI at /api/openapi.json).

`Authorization: Bearer TOKEN` (from `python -m bot users token EMAIL`), a caseworker's
account. The same `CaseDesk` operations as the desk, so the same rules and the same
audit lines. No cookies are read, so no CSRF token is needed.
"""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Final

from fastapi import Body, Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from bot.handoff.lifecycle import Priority, RequestKind, Status, parse_ref
from bot.handoff.service import CaseDesk, DeskError, DeskErrorCode
from bot.service import Service
from bot.storage.accounts import Role
from bot.storage.models import StaffUser
from bot.storage.requests import QueueFilter
from bot.web.api import models
from bot.web.api.docs import describe
from bot.web.guards import csp_nonce, install_error_handlers
from bot.web.staff import bearer_user

TEMPLATES: Final = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))
_KEY: Final = re.compile(r"^[A-Za-z_]{1,16}$")
_ERROR_STATUS: Final = {
    DeskErrorCode.NOT_FOUND.value: 404,
    DeskErrorCode.NOT_ALLOWED.value: 409,
    DeskErrorCode.INVALID.value: 422,
    DeskErrorCode.PERSON_GONE.value: 409,
    DeskErrorCode.WINDOW_CLOSED.value: 409,
}
_PROBLEMS: Final[dict[int | str, dict[str, Any]]] = {
    401: {"model": models.Problem, "description": "No token, or not a valid one"},
    403: {"model": models.Problem, "description": "The account is not a caseworker's"},
}
_ON_REQUEST: Final[dict[int | str, dict[str, Any]]] = {
    **_PROBLEMS,
    404: {"model": models.Problem, "description": "No request with this code"},
}

DESCRIPTION = """
The queue of Faro's handoff requests (return registrations, questions for a person,
urgent cases) for caseworkers' tools.

**Authentication.** `Authorization: Bearer TOKEN`, a token of a caseworker's account,
issued on the server with `python -m bot users token EMAIL` (printed once).

**Rules.** The same as the desk's: claim next gives the oldest waiting request of the
highest priority to one caseworker only; a claim is a lease that returns to the queue
when idle; status moves follow the lifecycle (409 otherwise); a status change the person
should know about is sent to them in their language; writing to a person opens a
conversation in which the bot stays silent until you hand back. Every read of a request,
claim, status change, message and hand-back is written to the audit log.

Reference codes look like `ABCD-2345` (the dash is optional).
"""

_bearer = HTTPBearer(
    auto_error=False,
    description="An API token of a caseworker's account (`python -m bot users token EMAIL`)",
)


def _problem(status: int, code: str, detail: str, **headers: str) -> HTTPException:
    return HTTPException(status, detail={"detail": detail, "code": code}, headers=headers or None)


def _caseworker(
    request: Request,
    _credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> StaffUser:
    user = bearer_user(request)
    if user is None:
        raise _problem(
            401, "unauthorized", "a valid bearer token is needed", **{"WWW-Authenticate": "Bearer"}
        )
    if user.role != Role.CASEWORKER.value:
        # Least privilege: admins manage accounts and editors content, not requests.
        raise _problem(403, "forbidden", "this account is not a caseworker's")
    return user


Caseworker = Annotated[StaffUser, Depends(_caseworker)]


def _ref(ref: str) -> str:
    stored = parse_ref(ref)
    if stored is None:
        raise DeskError(DeskErrorCode.NOT_FOUND, "no such request")
    return stored


def _choice(name: str, value: str, allowed: type[StrEnum]) -> str | None:
    """A filter value from its enum; "" is any; anything else a 422 like FastAPI's own."""
    if not value:
        return None
    try:
        return allowed(value).value
    except ValueError:
        raise _InvalidFilterError(name) from None


class _InvalidFilterError(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def build_api(service: Service, *, proxies: Any) -> FastAPI:
    """The API as an ASGI app, mounted at /api."""
    desk: CaseDesk = service.desk
    app = FastAPI(
        title="Faro caseworkers' API",
        version="1",
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.service = service
    app.state.proxies = proxies
    install_error_handlers(app)

    async def http_problem(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        detail: Any = exc.detail  # _problem puts a dict here; Starlette types it as str
        body = detail if isinstance(detail, dict) else {"detail": str(detail)}
        return JSONResponse(body, status_code=exc.status_code, headers=exc.headers)

    async def desk_problem(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, DeskError)
        # The messages are CaseDesk's fixed sentences: they never quote the input.
        return JSONResponse(
            {"detail": str(exc), "code": exc.code}, status_code=_ERROR_STATUS.get(exc.code, 400)
        )

    async def invalid_filter(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, _InvalidFilterError)
        return JSONResponse(
            {"detail": [{"loc": ["query", exc.name], "type": "enum"}]}, status_code=422
        )

    app.add_exception_handler(HTTPException, http_problem)
    app.add_exception_handler(DeskError, desk_problem)
    app.add_exception_handler(_InvalidFilterError, invalid_filter)

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request) -> Response:
        """The API's documentation, drawn from its OpenAPI schema (no script, no CDN)."""
        return TEMPLATES.TemplateResponse(
            request,
            "docs.html",
            {
                # FastAPI adds the mount point to /openapi.json's servers per request.
                "api": describe(app.openapi(), base=str(request.scope.get("root_path", ""))),
                "nonce": csp_nonce(request),
            },
        )

    @app.get(
        "/v1/requests",
        response_model=models.RequestList,
        responses=_PROBLEMS,
        summary="The queue",
        tags=["requests"],
    )
    def list_requests(
        user: Caseworker,
        status: Annotated[str, Query(max_length=16, description="new, claimed, ...")] = "",
        kind: Annotated[str, Query(max_length=16, description="return, question, urgent")] = "",
        priority: Annotated[str, Query(max_length=16, description="urgent, high, normal")] = "",
        country: Annotated[str, Query(max_length=16, description="ISO code, e.g. HN")] = "",
        city: Annotated[str, Query(max_length=16, description="e.g. tijuana")] = "",
        mine: Annotated[bool, Query(description="only requests claimed by me")] = False,
    ) -> models.RequestList:
        """Requests, most pressing first (open before finished, then priority, then age)."""
        for name, value in (("country", country), ("city", city)):
            if value and not _KEY.match(value):
                raise _InvalidFilterError(name)
        filters = QueueFilter(
            status=_choice("status", status, Status),
            kind=_choice("kind", kind, RequestKind),
            priority=_choice("priority", priority, Priority),
            country=country or None,
            city=city or None,
            claimed_by=user.id if mine else None,
        )
        return models.RequestList(items=[models.summary(v) for v in desk.queue(user, filters)])

    @app.post(
        "/v1/requests/claim",
        response_model=models.RequestDetail,
        responses={**_PROBLEMS, 204: {"description": "Nobody is waiting"}},
        summary="Claim next",
        tags=["requests"],
    )
    def claim(user: Caseworker) -> Response | models.RequestDetail:
        """Claim the oldest waiting request of the highest priority (a lease), or 204."""
        claimed = desk.claim_next(user)
        if claimed is None:
            return Response(status_code=204)
        return _detail(desk, user, claimed.ref)

    @app.get(
        "/v1/requests/{ref}",
        response_model=models.RequestDetail,
        responses=_ON_REQUEST,
        summary="One request",
        tags=["requests"],
    )
    def get_request(ref: str, user: Caseworker) -> models.RequestDetail:
        """A request with its intake, consent, history and conversation (audited)."""
        return _detail(desk, user, _ref(ref))

    @app.post(
        "/v1/requests/{ref}/status",
        response_model=models.StatusChanged,
        responses={
            **_ON_REQUEST,
            409: {"model": models.Problem, "description": "The lifecycle does not allow it"},
            422: {"description": "Unknown status, or a field the API does not know"},
        },
        summary="Change the status",
        tags=["requests"],
    )
    def change_status(
        ref: str, change: models.StatusChange, user: Caseworker
    ) -> models.StatusChanged:
        """Move the request; `notice` is what the person was sent (null when nothing)."""
        view, notice = desk.change_status(user, _ref(ref), change.status.value, change.note)
        changed = _detail(desk, user, view.ref, audit=False)
        return models.StatusChanged(request=changed, notice=notice)

    @app.post(
        "/v1/requests/{ref}/messages",
        status_code=202,
        response_model=models.MessageQueued,
        responses={
            **_ON_REQUEST,
            409: {
                "model": models.Problem,
                "description": "Finished, erased, or outside WhatsApp's 24-hour window "
                '(code window_closed: send {"use_template": true})',
            },
            422: {"description": "Empty or too long, or a field the API does not know"},
        },
        summary="Write to the person",
        tags=["requests"],
    )
    def write(
        ref: str,
        message: Annotated[models.NewMessage | models.TemplateMessage, Body()],
        user: Caseworker,
    ) -> models.MessageQueued:
        """Queue a message to the person in the outbox; this opens the conversation."""
        if isinstance(message, models.TemplateMessage):
            outbox_id = desk.write(user, _ref(ref), "", use_template=True)
        else:
            outbox_id = desk.write(user, _ref(ref), message.text)
        return models.MessageQueued(outbox_id=outbox_id, handoff_open=True)

    @app.post(
        "/v1/requests/{ref}/handback",
        response_model=models.HandedBack,
        responses=_ON_REQUEST,
        summary="Hand back to the bot",
        tags=["requests"],
    )
    def hand_back(ref: str, user: Caseworker) -> models.HandedBack:
        """End the conversation: the bot answers the person again (they are told)."""
        return models.HandedBack(handed_back=desk.hand_back(user, _ref(ref)))

    @app.get(
        "/v1/stats",
        response_model=models.StatsOut,
        responses=_PROBLEMS,
        summary="Anonymous statistics",
        tags=["statistics"],
    )
    def stats(_user: Caseworker) -> models.StatsOut:
        """Requests by country, city, week; women and men; children (no names, no phones)."""
        return models.stats_out(desk.statistics(weeks=None))

    return app


def _detail(
    desk: CaseDesk, user: StaffUser, ref: str, *, audit: bool = True
) -> models.RequestDetail:
    view = desk.get(user, ref, audit_view=audit)
    return models.detail(view, desk.moves(view), desk.contact(view.ref))
