"""The caseworkers' operations on the queue, shared by the desk and the JSON API.

Every operation runs in one transaction that also writes its audit line and, when the
person must hear about it, their message in the outbox; so the desk and the API follow
the same rules and leave the same trace.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.orm import Session

from bot.core.i18n import Translator
from bot.core.messages import Reply
from bot.handoff import notices, stats
from bot.handoff.lifecycle import FINAL_STATUSES, RequestKind, Status, allowed_moves, can_move
from bot.pipeline.database import Database
from bot.storage import accounts, audit
from bot.storage import requests as queries
from bot.storage.models import HandoffRequest, Person, StaffUser
from bot.storage.repository import queue_messages
from bot.storage.secrets import DataCipher

WHATSAPP_WINDOW = dt.timedelta(hours=24)
MAX_MESSAGE_CHARS = 1000
MAX_NOTE_CHARS = 2000


class DeskError(Exception):
    """A desk or API operation that cannot be done; `code` says why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class DeskErrorCode(StrEnum):
    """Why an operation was refused."""

    NOT_FOUND = "not_found"
    NOT_ALLOWED = "not_allowed"  # a transition the lifecycle does not allow
    INVALID = "invalid"  # bad input
    PERSON_GONE = "person_gone"  # erased: nobody to write to
    WINDOW_CLOSED = "window_closed"  # WhatsApp 24-hour window: only a template


@dataclass(frozen=True, slots=True)
class Template:
    """An approved WhatsApp template, from FARO_WHATSAPP_TEMPLATES."""

    key: str
    name: str
    language: str


@dataclass(frozen=True, slots=True)
class Contact:
    """Whether and how a person can be written to now."""

    reachable: bool
    free_text: bool  # False outside WhatsApp's 24-hour window: only a template
    template: Template | None


class Delivery(StrEnum):
    """How a status notice would reach the person."""

    TEXT = "text"  # the notice itself
    TEMPLATE = "template"  # outside WhatsApp's window: the approved template instead
    NONE = "none"  # nobody to reach, or outside the window with no template: not sent
    SILENT = "silent"  # this change is not one the person is told about


@dataclass(frozen=True, slots=True)
class StatusPreview:
    """What the person would receive if the request moved to `target`, before it moves."""

    ref: str
    target: Status
    allowed: bool
    delivery: Delivery
    text: str | None  # exactly what would be sent (the template's text when a template)
    lang: str
    channel: str


@dataclass(frozen=True, slots=True)
class Activity:
    """A request's state in a few numbers, for the desk to notice a new message."""

    status: str
    messages: int
    handoff_open: bool


class CaseDesk:
    """Queue operations for a signed-in caseworker, audited."""

    def __init__(
        self,
        database: Database,
        cipher: DataCipher,
        translator: Translator,
        *,
        lease: dt.timedelta,
        templates: dict[str, dict[str, str]] | None = None,
        on_queued: Callable[[set[str]], None] | None = None,
        now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self.database = database
        self.cipher = cipher
        self.translator = translator
        self.lease = lease
        self._templates = {
            key: Template(key, str(value.get("name", "")), str(value.get("language", "es")))
            for key, value in (templates or {}).items()
            if value.get("name")
        }
        self._on_queued = on_queued or (lambda channels: None)
        self._now = now

    # -- reading --------------------------------------------------------------------------

    def queue(self, user: StaffUser, filters: queries.QueueFilter) -> list[queries.RequestView]:
        """The filtered queue (audited as a view of the list, without names)."""
        with self.database.write() as session:
            # A claim whose lease ran out shows as waiting again, not as someone's.
            queries.return_expired_claims(session=session, now=self._now())
            rows = queries.list_requests(session=session, filters=filters)
            audit.record(session=session, staff_id=user.id, action="queue_view")
            return [queries.view_of(row, self.cipher) for row in rows]

    def export(
        self, user: StaffUser, filters: queries.QueueFilter, *, personal: bool = False
    ) -> list[queries.RequestView]:
        """The filtered queue for a CSV export (audited as an export, saying whether with names)."""
        with self.database.write() as session:
            rows = queries.list_requests(session=session, filters=filters, limit=100_000)
            audit.record(
                session=session,
                staff_id=user.id,
                action="export",
                detail=_export_detail(len(rows), filters, personal),
            )
            return [queries.view_of(row, self.cipher) for row in rows]

    def get(self, user: StaffUser, ref: str, *, audit_view: bool = True) -> queries.RequestView:
        """One request with its history and handoff messages (audited as a view).

        `audit_view=False` only where the operation that just ran wrote its own line
        (the API's answer to a status change shows the request it changed).
        """
        with self.database.write() as session:
            row = self._find(session, ref)
            if audit_view:
                audit.record(
                    session=session, staff_id=user.id, action="request_view", target=row.ref
                )
            view = queries.view_of(row, self.cipher)
            view.history = queries.history_of(
                session=session, cipher=self.cipher, request_id=row.id
            )
            view.messages = queries.messages_of(
                session=session, cipher=self.cipher, request_id=row.id
            )
            return view

    def contact(self, ref: str) -> Contact:
        """Whether the person of `ref` can be written to now, and with what."""
        with self.database.read() as session:
            row = self._find(session, ref)
            person = queries.person_of(session=session, request=row)
            return self._contact(row, person)

    def moves(self, view: queries.RequestView) -> list[Status]:
        """The statuses the request can be moved to."""
        return allowed_moves(RequestKind(view.kind), Status(view.status))

    def preview_notice(self, ref: str, target: Status) -> str | None:
        """The message the person will get if the request moves to `target`."""
        with self.database.read() as session:
            row = self._find(session, ref)
            return notices.status_notice(self.translator, row.lang, target, row.ref)

    def preview_status(self, ref: str, target: str) -> StatusPreview:
        """Whether the move is allowed and exactly what the person would receive, and how."""
        try:
            status = Status(target)
        except ValueError as exc:
            raise DeskError(DeskErrorCode.INVALID, "unknown status") from exc
        with self.database.read() as session:
            row = self._find(session, ref)
            allowed = can_move(RequestKind(row.kind), Status(row.status), status)
            text = notices.status_notice(self.translator, row.lang, status, row.ref)
            person = queries.person_of(session=session, request=row)
            contact = self._contact(row, person)
            # The same choice `change_status` makes, so the preview cannot lie.
            if text is None:
                delivery = Delivery.SILENT
            elif not contact.reachable:
                delivery, text = Delivery.NONE, None
            elif contact.free_text:
                delivery = Delivery.TEXT
            elif contact.template is not None:
                delivery = Delivery.TEMPLATE
                text = notices.template_fallback(self.translator, row.lang, row.ref)
            else:
                delivery, text = Delivery.NONE, None
            return StatusPreview(
                ref=row.ref,
                target=status,
                allowed=allowed,
                delivery=delivery,
                text=text,
                lang=row.lang,
                channel=person.channel if person is not None else row.channel,
            )

    def activity(self, ref: str) -> Activity:
        """The request's status and how many handoff messages it has (no personal data)."""
        with self.database.read() as session:
            row = self._find(session, ref)
            count = queries.count_messages(session=session, request_id=row.id)
            return Activity(status=row.status, messages=count, handoff_open=row.handoff_open)

    def statistics(self, *, weeks: int | None = 12) -> stats.Statistics:
        """The anonymous statistics of the whole queue (no names, no phones)."""
        with self.database.read() as session:
            rows = queries.requests_for_stats(session=session)
        return stats.compute(rows, weeks=weeks)

    def staff_emails(self, ids: set[int]) -> dict[int, str]:
        """The emails of staff accounts, to say which colleague did what."""
        if not ids:
            return {}
        with self.database.read() as session:
            return accounts.emails_by_id(session=session, ids=ids)

    # -- changing -------------------------------------------------------------------------

    def claim_next(self, user: StaffUser) -> queries.RequestView | None:
        """Give `user` the most pressing waiting request, or None when the queue is empty."""
        with self.database.write() as session:
            row = queries.claim_next(session=session, staff_id=user.id, lease=self.lease)
            if row is None:
                return None
            audit.record(session=session, staff_id=user.id, action="claim", target=row.ref)
            return queries.view_of(row, self.cipher)

    def change_status(
        self, user: StaffUser, ref: str, target: str, note: str | None
    ) -> tuple[queries.RequestView, str | None]:
        """Move a request; returns it and the notice sent to the person (if any)."""
        try:
            status = Status(target)
        except ValueError as exc:
            raise DeskError(DeskErrorCode.INVALID, "unknown status") from exc
        note = _clean(note, MAX_NOTE_CHARS) or None
        channels: set[str] = set()
        with self.database.write() as session:
            row = self._find(session, ref, for_update=True)
            if not can_move(RequestKind(row.kind), Status(row.status), status):
                raise DeskError(DeskErrorCode.NOT_ALLOWED, "this change is not allowed")
            queries.move_status(
                session=session,
                cipher=self.cipher,
                request=row,
                staff_id=user.id,
                target=status,
                note=note,
                lease=self.lease,
            )
            audit.record(
                session=session,
                staff_id=user.id,
                action="status",
                target=row.ref,
                detail=status.value,
            )
            text = notices.status_notice(self.translator, row.lang, status, row.ref)
            person = queries.person_of(session=session, request=row)
            if text and person is not None:
                contact = self._contact(row, person)
                reply = self._reply_for(row, text, contact)
                if reply is not None:
                    queue_messages(
                        session=session,
                        cipher=self.cipher,
                        person=person,
                        replies=[reply],
                        purpose="notice",
                    )
                    channels.add(person.channel)
            view = queries.view_of(row, self.cipher)
        self._on_queued(channels)
        return view, text

    def add_note(self, user: StaffUser, ref: str, note: str) -> None:
        """Add a caseworker's note to the request's history."""
        note = _clean(note, MAX_NOTE_CHARS)
        if not note:
            raise DeskError(DeskErrorCode.INVALID, "the note is empty")
        with self.database.write() as session:
            row = self._find(session, ref, for_update=True)
            queries.add_note(
                session=session, cipher=self.cipher, request=row, staff_id=user.id, note=note
            )
            audit.record(session=session, staff_id=user.id, action="note", target=row.ref)

    def write(self, user: StaffUser, ref: str, text: str, *, use_template: bool = False) -> int:
        """Queue a caseworker's message to the person and open the handoff; the outbox id.

        Outside WhatsApp's 24-hour window free text cannot be delivered: the desk must
        send the approved template instead (`use_template`).
        """
        text = _clean(text, MAX_MESSAGE_CHARS)
        if not text and not use_template:
            raise DeskError(DeskErrorCode.INVALID, "the message is empty")
        with self.database.write() as session:
            row = self._find(session, ref, for_update=True)
            if row.status in {status.value for status in FINAL_STATUSES}:
                raise DeskError(DeskErrorCode.NOT_ALLOWED, "the request is finished")
            person = queries.person_of(session=session, request=row)
            if person is None:
                raise DeskError(DeskErrorCode.PERSON_GONE, "the person's data was erased")
            contact = self._contact(row, person)
            if use_template:
                if contact.template is None:
                    raise DeskError(DeskErrorCode.INVALID, "no approved template is configured")
                reply = self._template_reply(row, contact.template)
                shown = notices.template_fallback(self.translator, row.lang, row.ref)
            else:
                if not contact.free_text:
                    raise DeskError(
                        DeskErrorCode.WINDOW_CLOSED,
                        "outside WhatsApp's 24-hour window only a template can be sent",
                    )
                reply = Reply(
                    notices.caseworker_message(self.translator, row.lang, text), lang=row.lang
                )
                shown = text
            (outbox_id,) = queue_messages(
                session=session,
                cipher=self.cipher,
                person=person,
                replies=[reply],
                purpose="caseworker",
            )
            queries.add_caseworker_message(
                session=session,
                cipher=self.cipher,
                request=row,
                staff_id=user.id,
                text=shown,
                outbox_id=outbox_id,
                lease=self.lease,
            )
            audit.record(session=session, staff_id=user.id, action="message", target=row.ref)
            channel = person.channel
        self._on_queued({channel})
        return outbox_id

    def hand_back(self, user: StaffUser, ref: str) -> bool:
        """Return the person to the bot (telling them); False when no handoff was open."""
        channels: set[str] = set()
        with self.database.write() as session:
            row = self._find(session, ref, for_update=True)
            changed = queries.hand_back(session=session, request=row, staff_id=user.id)
            audit.record(session=session, staff_id=user.id, action="handback", target=row.ref)
            person = queries.person_of(session=session, request=row)
            if changed and person is not None:
                contact = self._contact(row, person)
                if contact.free_text:
                    reply = Reply(notices.handed_back(self.translator, row.lang), lang=row.lang)
                    queue_messages(
                        session=session,
                        cipher=self.cipher,
                        person=person,
                        replies=[reply],
                        purpose="notice",
                    )
                    channels.add(person.channel)
        self._on_queued(channels)
        return changed

    # -- helpers --------------------------------------------------------------------------

    def _find(self, session: Session, ref: str, *, for_update: bool = False) -> HandoffRequest:
        ref = ref.replace("-", "").strip().upper()
        row = queries.get_request(session=session, ref=ref, for_update=for_update) if ref else None
        if row is None:
            raise DeskError(DeskErrorCode.NOT_FOUND, "no such request")
        return row

    def _contact(self, row: HandoffRequest, person: Person | None) -> Contact:
        if person is None:
            return Contact(reachable=False, free_text=False, template=None)
        if person.channel != "whatsapp":
            return Contact(reachable=True, free_text=True, template=None)
        seen = person.last_seen_at
        if seen.tzinfo is None:
            seen = seen.replace(tzinfo=dt.UTC)
        inside = self._now() - seen < WHATSAPP_WINDOW
        return Contact(
            reachable=True, free_text=inside, template=self._templates.get("status_update")
        )

    def _reply_for(self, row: HandoffRequest, text: str, contact: Contact) -> Reply | None:
        if contact.free_text:
            return Reply(text, lang=row.lang)
        if contact.template is not None:
            return self._template_reply(row, contact.template)
        return None  # outside the window with no template: the desk shows it was not sent

    def _template_reply(self, row: HandoffRequest, template: Template) -> Reply:
        text = notices.template_fallback(self.translator, row.lang, row.ref)
        return Reply(text, lang=row.lang, template=(template.name, template.language, (row.ref,)))


def _clean(text: str | None, limit: int) -> str:
    # Too long is refused, not cut: a caseworker's words must not go out half-said.
    cleaned = (text or "").replace("\x00", "").strip()
    if len(cleaned) > limit:
        raise DeskError(DeskErrorCode.INVALID, f"longer than {limit} characters")
    return cleaned


def _export_detail(rows: int, filters: queries.QueueFilter, personal: bool) -> str:
    # Filters are choices from short lists (and an account id): no personal data.
    parts = [f"{rows} rows"]
    for name in ("status", "kind", "priority", "country", "city", "claimed_by"):
        value = getattr(filters, name)
        if value is not None:
            parts.append(f"{name}={value}")
    if personal:
        parts.append("with names and phones")
    return "; ".join(parts)
