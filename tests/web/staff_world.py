"""A service with staff accounts, API tokens and requests, for the desk and API tests."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.routing import APIRoute
from sqlalchemy import func, select, update
from starlette.routing import Mount, Route

from bot.core.effects import Consent, IntakeRecord
from bot.handoff.lifecycle import Priority, RequestKind, new_ref
from bot.service import Service
from bot.storage import accounts
from bot.storage import requests as queries
from bot.storage.accounts import Role
from bot.storage.models import (
    AuditEntry,
    HandoffRequest,
    OutboxMessage,
    Person,
    RequestEvent,
    RequestMessage,
    StaffUser,
)
from bot.storage.repository import ensure_person, open_reply, reply_body
from bot.web.app import create_app

PASSWORD = "a long staff password"
# Personal data that must never reach a log line or an audit line.
CANARY_NAME = "Xochiquetzal Canarybird"
CANARY_PHONE = "+52 664 000 1234"
CANARY_TEXT = "canarytext mensaje secreto"
CANARY_NOTE = "canarynote nota privada"
ROLES = ("caseworker", "editor", "admin")
_CSRF = re.compile(r'name="csrftoken" value="([^"]+)"')


@dataclass
class StaffWorld:
    """One service and app, an account and an API token per role, and ways to add requests."""

    service: Service
    app: FastAPI
    users: dict[str, StaffUser] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, service: Service) -> StaffWorld:
        """Accounts for every role (and a second caseworker), each with an API token."""
        world = cls(service=service, app=create_app(service))
        with service.database.write() as session:
            for role in (*ROLES, "caseworker2"):
                user = accounts.create_user(
                    session=session,
                    email=f"{role}@staff.faro.example",
                    role=Role(role.rstrip("2")),
                    password=PASSWORD,
                )
                world.users[role] = user
                world.tokens[role] = accounts.issue_api_token(session=session, user=user)
        return world

    @asynccontextmanager
    async def client(self) -> AsyncIterator[httpx.AsyncClient]:
        """A browser-like client (keeps cookies) on the app, without the pipeline."""
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=self.app), base_url="http://desk.test"
        ) as client:
            yield client

    def person(
        self, *, channel: str = "web", user_id: str = "visitor-1", seen: dt.datetime | None = None
    ) -> int:
        """A person on a channel (last seen now, or at `seen`)."""
        with self.service.database.write() as session:
            person_id = ensure_person(session=session, channel=channel, channel_user_id=user_id)
            if seen is not None:
                session.execute(
                    update(Person).where(Person.id == person_id).values(last_seen_at=seen)
                )
        return person_id

    def add_request(
        self,
        *,
        person_id: int | None = None,
        kind: RequestKind = RequestKind.RETURN,
        priority: Priority = Priority.NORMAL,
        lang: str = "fr",
        channel: str = "web",
        name: str | None = CANARY_NAME,
        phone: str | None = CANARY_PHONE,
        **intake: Any,
    ) -> str:
        """A new request in the queue; returns its stored ref."""
        if person_id is None:
            person_id = self.person(channel=channel, user_id=f"p-{new_ref()}")
        ref = new_ref()
        with self.service.database.write() as session:
            queries.create_request(
                session=session,
                cipher=self.service.cipher,
                ref=ref,
                kind=kind,
                priority=priority,
                person_id=person_id,
                lang=lang,
                channel=channel,
                intake=IntakeRecord(name=name, phone=phone, **intake),
                consent=Consent("v1", lang, channel, dt.datetime.now(dt.UTC))
                if kind is RequestKind.RETURN
                else None,
            )
        return ref

    def request(self, ref: str) -> HandoffRequest:
        """The stored row of a request."""
        with self.service.database.read() as session:
            row = session.execute(
                select(HandoffRequest).where(HandoffRequest.ref == ref)
            ).scalar_one()
            session.expunge(row)
            return row

    def counts(self) -> dict[str, int]:
        """How many rows each table the desk writes has: to prove nothing was half-stored."""
        with self.service.database.read() as session:
            return {
                model.__tablename__: int(
                    session.execute(select(func.count()).select_from(model)).scalar_one()
                )
                for model in (RequestEvent, RequestMessage, OutboxMessage, AuditEntry)
            }

    def audit(self) -> list[AuditEntry]:
        """Every audit line, oldest first."""
        with self.service.database.read() as session:
            rows = list(session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars())
            for row in rows:
                session.expunge(row)
            return rows

    def outbox(self) -> list[QueuedMessage]:
        """Every outbox row, oldest first, its sealed body opened."""
        with self.service.database.read() as session:
            rows = session.execute(select(OutboxMessage).order_by(OutboxMessage.id)).scalars()
            return [
                QueuedMessage(
                    id=row.id,
                    purpose=row.purpose,
                    body=reply_body(open_reply(row.body_enc, self.service.cipher)),
                )
                for row in rows
            ]


@dataclass(frozen=True)
class QueuedMessage:
    """An outbox row as a test reads it."""

    id: int
    purpose: str
    body: dict[str, Any]


def mounted_routes(app: FastAPI, prefix: str) -> set[tuple[str, str]]:
    """(method, path) of every route of the sub-application mounted at `prefix`."""
    [mount] = [route for route in app.routes if isinstance(route, Mount) and route.path == prefix]
    found = set()
    for route in mount.routes:
        if isinstance(route, APIRoute | Route) and route.include_in_schema is not None:
            for method in route.methods or ():
                if method != "HEAD":
                    found.add((method, prefix + route.path))
    return found


def csrf_of(html: str) -> str:
    """The CSRF token a desk page put in its forms."""
    found = _CSRF.search(html)
    assert found, "the page has no CSRF field"
    return found.group(1)


async def csrf(client: httpx.AsyncClient) -> str:
    """Get the sign-in page (which sets the CSRF cookie) and return its token."""
    page = await client.get("/desk/login")
    if page.status_code == 303:  # signed in already: any desk page has the token
        page = await client.get(page.headers["location"])
    return csrf_of(page.text)


async def sign_in(client: httpx.AsyncClient, role: str, password: str = PASSWORD) -> str:
    """Sign a client in as the account of `role`; returns the CSRF token for its forms."""
    token = await csrf(client)
    response = await client.post(
        "/desk/login",
        data={"csrftoken": token, "email": f"{role}@staff.faro.example", "password": password},
    )
    assert response.status_code == 303, response.text
    return token
