"""The caseworkers' desk: sign-in, the queue, a request, statistics, accounts and the audit log.

Server-rendered pages (no JavaScript needed; one small script only polls for new
messages). Every change goes through `CaseDesk`, the same operations the JSON API uses,
so the desk and the API follow the same rules and write the same audit lines. Every
change is a POST with a CSRF token, answered with a redirect (a reload repeats nothing).

Roles: caseworkers work the queue and see the statistics; admins manage accounts and
read the audit log (and see no requests); editors (and admins) keep the content in the studio
(`bot.web.studio`).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Final
from urllib.parse import quote, urlencode

from babel.support import NullTranslations
from fastapi import Depends, FastAPI, Form, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.responses import Response

from bot.core.messages import LANGUAGES
from bot.handoff import notices
from bot.handoff import stats as statistics
from bot.handoff.lifecycle import FINAL_STATUSES, format_ref, parse_ref
from bot.handoff.service import MAX_MESSAGE_CHARS, MAX_NOTE_CHARS, CaseDesk, DeskError
from bot.handoff.service import DeskErrorCode as Code
from bot.service import Service
from bot.storage import accounts, audit
from bot.storage.accounts import AccountError, Role
from bot.storage.models import StaffUser
from bot.storage.requests import QueueFilter
from bot.web.desk import charts, labels
from bot.web.desk.export import queue_csv
from bot.web.desk.i18n import LANG_COOKIE, M_, MN_
from bot.web.desk.render import NO_STORE, Pages
from bot.web.guards import RateLimiter, install_error_handlers
from bot.web.staff import (
    DESK_PREFIX,
    SESSION_COOKIE,
    SESSION_LIFETIME,
    ForbiddenError,
    SignInRequiredError,
    clear_session_cookie,
    cookies_secure,
    require_roles,
    session_user,
    set_session_cookie,
    signin_allowed,
    signin_limiter,
)
from bot.web.studio.routes import add_studio

# Choices in filters and places are short keys (ISO codes, city keys): nothing else passes.
STATIC_DIR: Final = Path(__file__).resolve().parent / "static"
_KEY = re.compile(r"^[A-Za-z_]{1,16}$")
_EMAIL_MAX = 254
_PASSWORD_MAX = 1024  # Argon2 hashes any length; a cap keeps a sign-in cheap

# What a redirect after a change tells the caseworker, by code (never user input).
DONE: Final = {
    "claimed": M_("The request is yours now."),
    "status": M_("The status was changed."),
    "note": M_("The note was added."),
    "message": M_("Your message is on its way."),
    "template": M_("The approved template is on its way."),
    "handback": M_("The person is talking with the bot again."),
    "empty_queue": M_("Nobody is waiting: the queue is empty."),
    "deactivated": M_("The account was deactivated."),
}
PROBLEM: Final = {
    Code.NOT_FOUND.value: M_("There is no request with this code."),
    Code.NOT_ALLOWED.value: M_("This change is not allowed now."),
    Code.INVALID.value: M_("That did not work: check what you wrote."),
    Code.PERSON_GONE.value: M_("The person's data was erased: nobody can be written to."),
    Code.WINDOW_CLOSED.value: M_(
        "WhatsApp's 24-hour window is closed: only the approved template can be sent."
    ),
    "empty": M_("Write something first."),
    "too_long": M_("That is too long."),
    "no_handoff": M_("No conversation with a caseworker was open."),
}
_PROBLEM_STATUS: Final = {
    Code.NOT_FOUND.value: 404,
    Code.NOT_ALLOWED.value: 409,
    Code.INVALID.value: 422,
    Code.PERSON_GONE.value: 409,
    Code.WINDOW_CLOSED.value: 409,
}
HOME: Final = {
    Role.CASEWORKER.value: "/desk/queue",
    Role.EDITOR.value: "/desk/studio",
    Role.ADMIN.value: "/desk/admin/accounts",
}


def _signed_in(request: Request) -> StaffUser | None:
    return session_user(request)


def _role(*roles: Role) -> Callable[[Request], StaffUser]:
    def dependency(request: Request) -> StaffUser:
        return require_roles(session_user(request), roles)

    return dependency


Caseworker = Annotated[StaffUser, Depends(_role(Role.CASEWORKER))]
Admin = Annotated[StaffUser, Depends(_role(Role.ADMIN))]
Editor = Annotated[StaffUser, Depends(_role(Role.EDITOR))]
MaybeUser = Annotated[StaffUser | None, Depends(_signed_in)]


def _redirect(path: str) -> RedirectResponse:
    return RedirectResponse(path, status_code=303, headers=dict(NO_STORE))


def _safe_next(target: str | None, fallback: str) -> str:
    # Only a desk path of this site: no "//evil", no "/desk/../", no backslashes.
    if (
        target
        and target.startswith(DESK_PREFIX + "/")
        and "//" not in target
        and "\\" not in target
        and ".." not in target
        and len(target) < 500
    ):
        return target
    return fallback


def _request_path(ref: str, **query: str) -> str:
    path = f"{DESK_PREFIX}/requests/{format_ref(ref)}"
    if query:
        path += "?" + "&".join(f"{key}={value}" for key, value in query.items())
    return path


def build_desk(service: Service, *, proxies: Any) -> FastAPI:
    """The desk as an ASGI app, mounted at /desk."""
    desk: CaseDesk = service.desk
    pages = Pages()
    secure = cookies_secure(service.settings)
    limiter: RateLimiter = signin_limiter(service.settings)

    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.state.service = service
    app.state.proxies = proxies
    install_error_handlers(app)
    app.mount(
        "/static",
        StaticFiles(directory=str(STATIC_DIR)),
        name="static",
    )

    # -- errors as pages ----------------------------------------------------------------

    async def sign_in_first(request: Request, _exc: Exception) -> Response:
        wanted = request.url.path + (("?" + request.url.query) if request.url.query else "")
        if request.method != "GET":
            wanted = DESK_PREFIX + "/"
        return _redirect(f"{DESK_PREFIX}/login?next={_quote(wanted)}")

    def forbidden(request: Request, _exc: Exception) -> Response:
        user = session_user(request)
        return pages.render(request, "forbidden.html", user=user, status_code=403)

    def desk_error(request: Request, exc: Exception) -> Response:
        code = exc.code if isinstance(exc, DeskError) else Code.INVALID.value
        user = session_user(request)
        return pages.render(
            request,
            "problem.html",
            user=user,
            status_code=_PROBLEM_STATUS.get(code, 400),
            problem=PROBLEM.get(code, PROBLEM[Code.INVALID.value]),
        )

    add_studio(app, service, pages)
    app.add_exception_handler(SignInRequiredError, sign_in_first)
    app.add_exception_handler(ForbiddenError, forbidden)
    app.add_exception_handler(DeskError, desk_error)

    # -- signing in and out, language -----------------------------------------------------

    @app.get("/")
    def home(user: MaybeUser) -> Response:
        """Each role's own first page."""
        if user is None:
            return _redirect(f"{DESK_PREFIX}/login")
        return _redirect(HOME.get(user.role, f"{DESK_PREFIX}/login"))

    @app.get("/login")
    def login_page(
        request: Request, user: MaybeUser, next: Annotated[str | None, Query()] = None
    ) -> Response:
        """The sign-in form."""
        if user is not None:
            return _redirect(HOME.get(user.role, DESK_PREFIX + "/"))
        return pages.render(
            request, "login.html", user=None, next=_safe_next(next, ""), problem=None
        )

    @app.post("/login")
    def login(
        request: Request,
        email: Annotated[str, Form(max_length=_EMAIL_MAX)] = "",
        password: Annotated[str, Form(max_length=_PASSWORD_MAX)] = "",
        next: Annotated[str, Form(max_length=500)] = "",
    ) -> Response:
        """Check the password (rate-limited) and open a session."""
        wait = signin_allowed(request, limiter, email)
        if wait:
            refused = pages.render(
                request,
                "login.html",
                user=None,
                next=_safe_next(next, ""),
                problem=M_("Too many attempts. Wait a minute and try again."),
                status_code=429,
            )
            refused.headers["retry-after"] = str(math.ceil(wait))
            return refused
        with service.database.write() as session:
            user = accounts.authenticate(session=session, email=email, password=password)
            if user is None:
                audit.record(session=session, staff_id=None, action="signin_failed")
                token = None
            else:
                token = accounts.start_session(
                    session=session, user=user, lifetime=SESSION_LIFETIME
                )
                audit.record(session=session, staff_id=user.id, action="signin")
        if user is None or token is None:
            return pages.render(
                request,
                "login.html",
                user=None,
                next=_safe_next(next, ""),
                problem=M_("Wrong email or password."),
                status_code=400,
            )
        response = _redirect(_safe_next(next, HOME.get(user.role, DESK_PREFIX + "/")))
        set_session_cookie(response, token, secure=secure)
        return response

    @app.post("/logout")
    def logout(request: Request, user: MaybeUser) -> Response:
        """End this session."""
        token = request.cookies.get(SESSION_COOKIE, "")
        if token:
            with service.database.write() as session:
                accounts.end_session(session=session, token=token)
                if user is not None:
                    audit.record(session=session, staff_id=user.id, action="signout")
        response = _redirect(f"{DESK_PREFIX}/login")
        clear_session_cookie(response, secure=secure)
        return response

    @app.post("/lang")
    def choose_language(
        lang: Annotated[str, Form(max_length=8)] = "",
        back: Annotated[str, Form(max_length=500)] = "",
    ) -> Response:
        """Remember the staff member's language (a cookie) and go back to the page."""
        response = _redirect(_safe_next(back, DESK_PREFIX + "/"))
        if lang in LANGUAGES:
            response.set_cookie(
                LANG_COOKIE,
                lang,
                max_age=365 * 24 * 3600,
                httponly=True,
                secure=secure,
                samesite="strict",
                path=DESK_PREFIX,
            )
        return response

    # -- the queue ----------------------------------------------------------------------

    def queue_filter(request: Request, user: StaffUser) -> tuple[QueueFilter, dict[str, str]]:
        query = request.query_params
        chosen: dict[str, str] = {}

        def pick(name: str, allowed: Any) -> str | None:
            value = query.get(name, "")
            ok = value in allowed if allowed is not None else bool(_KEY.match(value))
            if value and ok:
                chosen[name] = value
                return value
            return None

        mine = query.get("mine") == "1"
        if mine:
            chosen["mine"] = "1"
        filters = QueueFilter(
            status=pick("status", labels.STATUS),
            kind=pick("kind", labels.KIND),
            priority=pick("priority", labels.PRIORITY),
            country=pick("country", None),
            city=pick("city", None),
            claimed_by=user.id if mine else None,
        )
        return filters, chosen

    @app.get("/queue")
    def queue(
        request: Request,
        user: Caseworker,
        done: Annotated[str | None, Query(max_length=32)] = None,
    ) -> Response:
        """The queue, most pressing first, with its filters."""
        filters, chosen = queue_filter(request, user)
        views = desk.queue(user, filters)
        staff = desk.staff_emails({v.claimed_by for v in views if v.claimed_by is not None})
        now = dt.datetime.now(dt.UTC)
        return pages.render(
            request,
            "queue.html",
            user=user,
            views=views,
            staff=staff,
            chosen=chosen,
            query=urlencode(chosen),
            done=DONE.get(done or ""),
            now=now,
            finished={status.value for status in FINAL_STATUSES},
        )

    @app.post("/queue/claim")
    def claim(user: Caseworker) -> Response:
        """Claim next: the oldest waiting request of the highest priority."""
        view = desk.claim_next(user)
        if view is None:
            return _redirect(f"{DESK_PREFIX}/queue?done=empty_queue")
        return _redirect(_request_path(view.ref, done="claimed"))

    @app.get("/queue/export.csv")
    def export(
        request: Request,
        user: Caseworker,
        personal: Annotated[str | None, Query(max_length=1)] = None,
    ) -> Response:
        """The filtered queue as CSV (audited; names and phones only when asked for)."""
        filters, _ = queue_filter(request, user)
        with_personal = personal == "1"
        views = desk.export(user, filters, personal=with_personal)
        staff = desk.staff_emails({v.claimed_by for v in views if v.claimed_by is not None})
        body = queue_csv(views, staff=staff, personal=with_personal)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M")
        return Response(
            body,
            media_type="text/csv; charset=utf-8",
            headers={
                "content-disposition": f'attachment; filename="faro-queue-{stamp}.csv"',
                **NO_STORE,
            },
        )

    # -- one request --------------------------------------------------------------------

    def stored_ref(ref: str) -> str:
        parsed = parse_ref(ref)
        if parsed is None:
            raise DeskError(Code.NOT_FOUND.value, "no such request")
        return parsed

    @app.get("/requests/{ref}")
    def request_page(
        request: Request,
        ref: str,
        user: Caseworker,
        done: Annotated[str | None, Query(max_length=32)] = None,
        problem: Annotated[str | None, Query(max_length=32)] = None,
    ) -> Response:
        """A request: intake, consent, history, the conversation, and what can be done."""
        view = desk.get(user, stored_ref(ref))
        contact = desk.contact(view.ref)
        ids = {line.staff_id for line in view.history if line.staff_id is not None}
        ids |= {line.staff_id for line in view.messages if line.staff_id is not None}
        if view.claimed_by is not None:
            ids.add(view.claimed_by)
        template_text = None
        if contact.reachable and not contact.free_text and contact.template is not None:
            template_text = notices.template_fallback(desk.translator, view.lang, view.ref)
        return pages.render(
            request,
            "request.html",
            user=user,
            view=view,
            contact=contact,
            template_text=template_text,
            moves=desk.moves(view),
            staff=desk.staff_emails(ids),
            finished=view.status in {status.value for status in FINAL_STATUSES},
            done=DONE.get(done or ""),
            problem=PROBLEM.get(problem or ""),
            max_message=MAX_MESSAGE_CHARS,
            max_note=MAX_NOTE_CHARS,
            gender=statistics.gender_group(view.intake.gender),
        )

    @app.get("/requests/{ref}/activity")
    def activity(ref: str, _user: Caseworker) -> JSONResponse:
        """How many messages the conversation has and the status, for the page to notice news."""
        found = desk.activity(stored_ref(ref))
        return JSONResponse(
            {"status": found.status, "messages": found.messages, "open": found.handoff_open},
            headers=dict(NO_STORE),
        )

    @app.get("/requests/{ref}/status")
    def status_preview(
        request: Request,
        ref: str,
        user: Caseworker,
        to: Annotated[str, Query(max_length=16)] = "",
    ) -> Response:
        """Before a status change: exactly what the person will receive, then confirm."""
        preview = desk.preview_status(stored_ref(ref), to)
        return pages.render(
            request,
            "status.html",
            user=user,
            preview=preview,
            status_code=200 if preview.allowed else 409,
            max_note=MAX_NOTE_CHARS,
        )

    @app.post("/requests/{ref}/status")
    def change_status(
        ref: str,
        user: Caseworker,
        to: Annotated[str, Form(max_length=16)],
        note: Annotated[str, Form(max_length=4 * MAX_NOTE_CHARS)] = "",
    ) -> Response:
        """Move the request (the person is told, when it is news to them)."""
        view, _ = desk.change_status(user, stored_ref(ref), to, note or None)
        return _redirect(_request_path(view.ref, done="status"))

    @app.post("/requests/{ref}/notes")
    def add_note(
        ref: str,
        user: Caseworker,
        note: Annotated[str, Form(max_length=4 * MAX_NOTE_CHARS)] = "",
    ) -> Response:
        """A note in the request's history (encrypted; the person never sees it)."""
        stored = stored_ref(ref)
        problem = _text_problem(note, MAX_NOTE_CHARS)
        if problem:
            return _redirect(_request_path(stored, problem=problem))
        desk.add_note(user, stored, note)
        return _redirect(_request_path(stored, done="note"))

    @app.post("/requests/{ref}/messages")
    def write(
        ref: str,
        user: Caseworker,
        text: Annotated[str, Form(max_length=4 * MAX_MESSAGE_CHARS)] = "",
        use_template: Annotated[str, Form(max_length=1)] = "",
    ) -> Response:
        """Write to the person through the bot (opens the conversation)."""
        stored = stored_ref(ref)
        template = use_template == "1"
        problem = None if template else _text_problem(text, MAX_MESSAGE_CHARS)
        if problem:
            return _redirect(_request_path(stored, problem=problem))
        try:
            desk.write(user, stored, text, use_template=template)
        except DeskError as exc:
            if exc.code == Code.NOT_FOUND:
                raise
            return _redirect(_request_path(stored, problem=exc.code))
        return _redirect(_request_path(stored, done="template" if template else "message"))

    @app.post("/requests/{ref}/handback")
    def hand_back(ref: str, user: Caseworker) -> Response:
        """Return the person to the bot."""
        stored = stored_ref(ref)
        changed = desk.hand_back(user, stored)
        if not changed:
            return _redirect(_request_path(stored, problem="no_handoff"))
        return _redirect(_request_path(stored, done="handback"))

    # -- statistics -----------------------------------------------------------------------

    @app.get("/stats")
    def stats_page(request: Request, user: Caseworker) -> Response:
        """Anonymous statistics, as the field reports give them, with charts."""
        translations = pages.translations_for(request)
        _ = translations.gettext
        figures = desk.statistics(weeks=12)
        country = [
            (labels.label(labels.COUNTRY, share.key, _), share.count, f"{share.percent}%")
            for share in figures.by_country
        ]
        weeks = [(week.week[-3:], week.count, str(week.count)) for week in figures.by_week]
        return pages.render(
            request,
            "stats.html",
            user=user,
            figures=figures,
            headline=headline(figures, translations),
            weeks_chart=charts.column_chart(weeks),
            country_chart=charts.bar_chart(country),
        )

    # -- editors ------------------------------------------------------------------------

    @app.get("/editor")
    def editor_page(user: Editor) -> Response:
        """The editors' old first page: the studio now."""
        return _redirect(f"{DESK_PREFIX}/studio")

    # -- admins -------------------------------------------------------------------------

    def accounts_page(
        request: Request,
        user: StaffUser,
        *,
        created: tuple[str, str] | None = None,
        problem: str | None = None,
        done: str | None = None,
        status_code: int = 200,
    ) -> Response:
        with service.database.read() as session:
            users = accounts.list_users(session=session)
        return pages.render(
            request,
            "accounts.html",
            user=user,
            users=users,
            roles=[role.value for role in Role],
            created=created,
            problem=problem,
            done=done,
            status_code=status_code,
        )

    @app.get("/admin/accounts")
    def accounts_list(
        request: Request,
        user: Admin,
        done: Annotated[str | None, Query(max_length=32)] = None,
    ) -> Response:
        """The staff accounts."""
        return accounts_page(request, user, done=DONE.get(done or ""))

    @app.post("/admin/accounts")
    def account_create(
        request: Request,
        user: Admin,
        email: Annotated[str, Form(max_length=_EMAIL_MAX)] = "",
        role: Annotated[str, Form(max_length=16)] = "",
    ) -> Response:
        """Create an account; its generated password is shown on this page only, once."""
        try:
            chosen = Role(role)
        except ValueError:
            return accounts_page(request, user, problem=M_("Choose a role."), status_code=422)
        password = accounts.new_password()
        try:
            with service.database.write() as session:
                created = accounts.create_user(
                    session=session, email=email, role=chosen, password=password
                )
                audit.record(
                    session=session,
                    staff_id=user.id,
                    action="account_create",
                    target=f"user:{created.id}",
                    detail=chosen.value,
                )
                shown = created.email
        except AccountError:
            return accounts_page(
                request,
                user,
                problem=M_(
                    "The account was not created: the email must be valid and not already in use."
                ),
                status_code=422,
            )
        return accounts_page(request, user, created=(shown, password), status_code=201)

    @app.post("/admin/accounts/{user_id}/deactivate")
    def account_deactivate(user_id: int, user: Admin) -> Response:
        """Stop an account: its sessions end and its API tokens stop working."""
        if user_id == user.id:
            raise DeskError(Code.NOT_ALLOWED.value, "an admin cannot deactivate themselves")
        with service.database.write() as session:
            target = accounts.get_user(session=session, user_id=user_id)
            if target is None:
                raise DeskError(Code.NOT_FOUND.value, "no such account")
            accounts.deactivate(session=session, user=target)
            audit.record(
                session=session,
                staff_id=user.id,
                action="account_deactivate",
                target=f"user:{target.id}",
            )
        return _redirect(f"{DESK_PREFIX}/admin/accounts?done=deactivated")

    @app.get("/admin/audit")
    def audit_page(request: Request, user: Admin) -> Response:
        """The newest audit lines: who did what, to which request or account, and when."""
        with service.database.read() as session:
            lines = audit.recent(session=session, limit=300)
        staff = desk.staff_emails({line.staff_id for line in lines if line.staff_id})
        return pages.render(request, "audit.html", user=user, lines=lines, staff=staff)

    return app


def headline(figures: statistics.Statistics, translations: NullTranslations) -> str:
    """The statistics in one sentence, as the field reports write them.

    "453 return requests (84% men): Honduras 57%, El Salvador 38%, Guatemala 5%."
    """
    _ = translations.gettext
    singular, plural = MN_("{count} return request", "{count} return requests")
    text = translations.ngettext(singular, plural, figures.returns).format(count=figures.returns)
    men = next((share.percent for share in figures.by_gender if share.key == "men"), None)
    if men is not None:
        text += " " + _(M_("({percent} men)")).format(percent=f"{men}%")
    parts = [
        f"{labels.label(labels.COUNTRY, share.key, _)} {share.percent}%"
        for share in figures.by_country
    ]
    if parts:
        text += ": " + ", ".join(parts)
    return text + "."


def _text_problem(text: str, limit: int) -> str | None:
    cleaned = text.replace("\x00", "").strip()
    if not cleaned:
        return "empty"
    if len(cleaned) > limit:
        return "too_long"
    return None


def _quote(path: str) -> str:
    return quote(path, safe="/")
