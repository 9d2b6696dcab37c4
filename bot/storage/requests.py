"""Queries of the handoff queue: requests, their history and handoff messages.

Keyword-only data functions that take the session they work in, like the rest of
`bot.storage`. Personal data goes in and out only through a `DataCipher`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, delete, func, select, update
from sqlalchemy.orm import Session

from bot.core.effects import Consent, IntakeRecord
from bot.handoff.lifecycle import (
    OPEN_STATUSES,
    PRIORITY_RANK,
    Priority,
    RequestKind,
    Status,
)
from bot.storage.models import (
    HandoffRequest,
    InboundEvent,
    OutboxMessage,
    Person,
    RequestEvent,
    RequestMessage,
)
from bot.storage.secrets import DataCipher

NAME = "handoff_requests.name"
PHONE = "handoff_requests.phone"
NOTE = "request_events.note"
MESSAGE = "request_messages.text"

_OPEN = [s.value for s in OPEN_STATUSES]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    # SQLite hands back naive datetimes; everything Faro stores is UTC.
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


@dataclass(frozen=True, slots=True)
class HistoryLine:
    """One line of a request's history, opened for the desk."""

    at: dt.datetime
    actor: str
    staff_id: int | None
    action: str
    from_status: str | None
    to_status: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class HandoffLine:
    """One message of a handoff conversation, opened for the desk."""

    at: dt.datetime
    direction: str
    staff_id: int | None
    text: str


@dataclass(slots=True)
class RequestView:
    """A request as the desk and the API show it, personal data opened."""

    id: int
    ref: str
    kind: str
    status: str
    priority: str
    reason: str | None
    lang: str
    channel: str
    person_id: int | None
    created_at: dt.datetime
    updated_at: dt.datetime | None
    closed_at: dt.datetime | None
    claimed_by: int | None
    lease_until: dt.datetime | None
    handoff_open: bool
    intake: IntakeRecord
    consent: Consent | None
    history: list[HistoryLine] = field(default_factory=list)
    messages: list[HandoffLine] = field(default_factory=list)


def view_of(row: HandoffRequest, cipher: DataCipher) -> RequestView:
    """Open a request row for display (without its history and messages)."""
    consent = None
    if row.consent_version and row.consented_at:
        consent = Consent(
            version=row.consent_version,
            lang=row.consent_lang or row.lang,
            channel=row.consent_channel or row.channel,
            at=_aware(row.consented_at) or row.consented_at,
        )
    return RequestView(
        id=row.id,
        ref=row.ref,
        kind=row.kind,
        status=row.status,
        priority=row.priority,
        reason=row.reason,
        lang=row.lang,
        channel=row.channel,
        person_id=row.person_id,
        created_at=_aware(row.created_at) or row.created_at,
        updated_at=_aware(row.updated_at),
        closed_at=_aware(row.closed_at),
        claimed_by=row.claimed_by,
        lease_until=_aware(row.lease_until),
        handoff_open=row.handoff_open,
        intake=IntakeRecord(
            name=cipher.open_optional(row.name_enc, where=NAME),
            phone=cipher.open_optional(row.phone_enc, where=PHONE),
            country=row.country,
            city=row.city,
            gender=row.gender,
            group_size=row.group_size,
            children=row.children,
            children_ages=tuple(int(a) for a in (row.children_ages or [])),
            unaccompanied_minor=row.unaccompanied_minor,
            medical_need=row.medical_need,
        ),
        consent=consent,
    )


# -- the person's side ------------------------------------------------------------------------


def create_request(
    *,
    session: Session,
    cipher: DataCipher,
    ref: str,
    kind: RequestKind,
    priority: Priority,
    person_id: int,
    lang: str,
    channel: str,
    reason: str | None = None,
    intake: IntakeRecord | None = None,
    consent: Consent | None = None,
) -> HandoffRequest:
    """Put a new request in the queue, with the first line of its history."""
    intake = intake or IntakeRecord()
    now = _now()
    row = HandoffRequest(
        ref=ref,
        kind=kind.value,
        status=Status.NEW.value,
        priority=priority.value,
        priority_rank=PRIORITY_RANK[priority],
        reason=reason,
        lang=lang,
        channel=channel,
        person_id=person_id,
        created_at=now,
        updated_at=now,
        handoff_open=False,
        consent_version=consent.version if consent else None,
        consent_lang=consent.lang if consent else None,
        consent_channel=consent.channel if consent else None,
        consented_at=consent.at if consent else None,
        name_enc=cipher.seal_optional(intake.name, where=NAME),
        phone_enc=cipher.seal_optional(intake.phone, where=PHONE),
        country=intake.country,
        city=intake.city,
        gender=intake.gender,
        group_size=intake.group_size,
        children=intake.children,
        children_ages=list(intake.children_ages),
        unaccompanied_minor=intake.unaccompanied_minor,
        medical_need=intake.medical_need,
    )
    session.add(row)
    session.flush()
    add_history(session=session, request=row, actor="person", action="created", to_status="new")
    return row


def open_request_of(*, session: Session, person_id: int) -> HandoffRequest | None:
    """The person's open request, if any (a person has at most one)."""
    return (
        session.execute(
            select(HandoffRequest)
            .where(HandoffRequest.person_id == person_id, HandoffRequest.status.in_(_OPEN))
            .order_by(HandoffRequest.id.desc())
            .limit(1)
        )
        .scalars()
        .first()
    )


def raise_priority(
    *, session: Session, request: HandoffRequest, priority: Priority, reason: str | None
) -> bool:
    """Raise a request's priority (never lower it); True when it changed."""
    if PRIORITY_RANK[priority] >= request.priority_rank:
        return False
    request.priority = priority.value
    request.priority_rank = PRIORITY_RANK[priority]
    if reason:
        request.reason = reason
    request.updated_at = _now()
    add_history(session=session, request=request, actor="person", action=f"priority_{priority}")
    return True


def cancel_by_person(*, session: Session, request: HandoffRequest) -> None:
    """The person withdraws their request."""
    previous = request.status
    request.status = Status.CANCELLED.value
    request.closed_at = request.updated_at = _now()
    request.handoff_open = False
    request.claimed_by = None
    request.lease_until = None
    add_history(
        session=session,
        request=request,
        actor="person",
        action="status",
        from_status=previous,
        to_status=Status.CANCELLED.value,
    )


def add_person_message(
    *, session: Session, cipher: DataCipher, request: HandoffRequest, text: str
) -> None:
    """Keep a person's message of an open handoff for the desk (encrypted)."""
    session.add(
        RequestMessage(
            request_id=request.id,
            at=_now(),
            direction="in",
            text_enc=cipher.seal(text, where=MESSAGE),
        )
    )
    request.updated_at = _now()


# -- history ---------------------------------------------------------------------------------


def add_history(
    *,
    session: Session,
    request: HandoffRequest,
    actor: str,
    action: str,
    staff_id: int | None = None,
    from_status: str | None = None,
    to_status: str | None = None,
    note_enc: bytes | None = None,
) -> None:
    """Append one line to a request's history (never updated, never deleted but by erasure)."""
    session.add(
        RequestEvent(
            request_id=request.id,
            at=_now(),
            actor=actor,
            staff_id=staff_id,
            action=action,
            from_status=from_status,
            to_status=to_status,
            note_enc=note_enc,
        )
    )


def history_of(*, session: Session, cipher: DataCipher, request_id: int) -> list[HistoryLine]:
    """A request's history, oldest first, notes opened."""
    rows = session.execute(
        select(RequestEvent).where(RequestEvent.request_id == request_id).order_by(RequestEvent.id)
    ).scalars()
    return [
        HistoryLine(
            at=_aware(row.at) or row.at,
            actor=row.actor,
            staff_id=row.staff_id,
            action=row.action,
            from_status=row.from_status,
            to_status=row.to_status,
            note=cipher.open_optional(row.note_enc, where=NOTE),
        )
        for row in rows
    ]


def messages_of(*, session: Session, cipher: DataCipher, request_id: int) -> list[HandoffLine]:
    """A request's handoff conversation, oldest first, opened."""
    rows = session.execute(
        select(RequestMessage)
        .where(RequestMessage.request_id == request_id)
        .order_by(RequestMessage.id)
    ).scalars()
    return [
        HandoffLine(
            at=_aware(row.at) or row.at,
            direction=row.direction,
            staff_id=row.staff_id,
            text=cipher.open(row.text_enc, where=MESSAGE),
        )
        for row in rows
    ]


# -- the caseworkers' side -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QueueFilter:
    """The desk's and the API's filters of the queue; None means any."""

    status: str | None = None
    kind: str | None = None
    priority: str | None = None
    country: str | None = None
    city: str | None = None
    claimed_by: int | None = None


def _filtered(query: Select[Any], filters: QueueFilter) -> Select[Any]:
    if filters.status:
        query = query.where(HandoffRequest.status == filters.status)
    if filters.kind:
        query = query.where(HandoffRequest.kind == filters.kind)
    if filters.priority:
        query = query.where(HandoffRequest.priority == filters.priority)
    if filters.country:
        query = query.where(HandoffRequest.country == filters.country)
    if filters.city:
        query = query.where(HandoffRequest.city == filters.city)
    if filters.claimed_by is not None:
        query = query.where(HandoffRequest.claimed_by == filters.claimed_by)
    return query


def list_requests(
    *, session: Session, filters: QueueFilter, limit: int = 200, offset: int = 0
) -> list[HandoffRequest]:
    """The queue, most pressing first: open before finished, then priority, then age."""
    finished = HandoffRequest.status.in_(
        [Status.CLOSED.value, Status.CANCELLED.value, Status.NOT_ELIGIBLE.value]
    )
    query = _filtered(select(HandoffRequest), filters).order_by(
        finished, HandoffRequest.priority_rank, HandoffRequest.created_at, HandoffRequest.id
    )
    return list(session.execute(query.limit(limit).offset(offset)).scalars())


def get_request(*, session: Session, ref: str, for_update: bool = False) -> HandoffRequest | None:
    """A request by its reference code (stored form, no dash)."""
    query = select(HandoffRequest).where(HandoffRequest.ref == ref)
    if for_update:
        query = query.with_for_update()
    return session.execute(query).scalars().first()


def claim_next(
    *, session: Session, staff_id: int, lease: dt.timedelta, now: dt.datetime | None = None
) -> HandoffRequest | None:
    """Give the oldest waiting request of the highest priority to one caseworker, or None.

    Claims whose lease ran out go back to the queue first, so the choice is then made
    among `new` requests only, in the order of the (status, priority, age) index. On
    PostgreSQL the row lock is taken with SKIP LOCKED, so concurrent claimers never get
    the same request and never wait on each other; on SQLite the write transaction
    (BEGIN IMMEDIATE) makes claimers take turns.
    """
    now = now or _now()
    return_expired_claims(session=session, now=now)
    row = (
        session.execute(
            select(HandoffRequest)
            .where(HandoffRequest.status == Status.NEW.value)
            .order_by(HandoffRequest.priority_rank, HandoffRequest.created_at, HandoffRequest.id)
            .limit(1)
            .with_for_update(skip_locked=True)
        )
        .scalars()
        .first()
    )
    if row is None:
        return None
    row.status = Status.CLAIMED.value
    row.claimed_by = staff_id
    row.lease_until = now + lease
    row.updated_at = now
    add_history(
        session=session,
        request=row,
        actor="staff",
        action="claimed",
        staff_id=staff_id,
        from_status=Status.NEW.value,
        to_status=Status.CLAIMED.value,
    )
    return row


def return_expired_claims(*, session: Session, now: dt.datetime | None = None) -> int:
    """Put claims whose lease ran out back in the queue; return how many."""
    now = now or _now()
    rows = list(
        session.execute(
            select(HandoffRequest)
            .where(
                HandoffRequest.status == Status.CLAIMED.value,
                HandoffRequest.lease_until < now,
            )
            .with_for_update(skip_locked=True)
        ).scalars()
    )
    for row in rows:
        add_history(
            session=session,
            request=row,
            actor="system",
            action="lease_expired",
            staff_id=row.claimed_by,
            from_status=row.status,
            to_status=Status.NEW.value,
        )
        row.status = Status.NEW.value
        row.claimed_by = None
        row.lease_until = None
        row.updated_at = now
    return len(rows)


def move_status(
    *,
    session: Session,
    cipher: DataCipher,
    request: HandoffRequest,
    staff_id: int,
    target: Status,
    note: str | None,
    lease: dt.timedelta,
) -> None:
    """Record a caseworker's status change (the caller has checked `can_move`)."""
    now = _now()
    previous = request.status
    request.status = target.value
    request.updated_at = now
    if target in (Status.CLOSED, Status.NOT_ELIGIBLE):
        request.closed_at = now
        request.handoff_open = False
        request.lease_until = None
    elif target is Status.NEW:
        request.claimed_by = None
        request.lease_until = None
    else:
        request.claimed_by = request.claimed_by or staff_id
        request.lease_until = now + lease
    add_history(
        session=session,
        request=request,
        actor="staff",
        action="status",
        staff_id=staff_id,
        from_status=previous,
        to_status=target.value,
        note_enc=cipher.seal_optional(note, where=NOTE),
    )


def add_note(
    *, session: Session, cipher: DataCipher, request: HandoffRequest, staff_id: int, note: str
) -> None:
    """A caseworker's note on a request (encrypted: it may name the person)."""
    request.updated_at = _now()
    add_history(
        session=session,
        request=request,
        actor="staff",
        action="note",
        staff_id=staff_id,
        note_enc=cipher.seal(note, where=NOTE),
    )


def add_caseworker_message(
    *,
    session: Session,
    cipher: DataCipher,
    request: HandoffRequest,
    staff_id: int,
    text: str,
    outbox_id: int | None,
    lease: dt.timedelta,
) -> None:
    """Keep a caseworker's message to the person and open the handoff."""
    now = _now()
    session.add(
        RequestMessage(
            request_id=request.id,
            at=now,
            direction="out",
            staff_id=staff_id,
            text_enc=cipher.seal(text, where=MESSAGE),
            outbox_id=outbox_id,
        )
    )
    if not request.handoff_open:
        request.handoff_open = True
        add_history(
            session=session, request=request, actor="staff", action="handoff", staff_id=staff_id
        )
    if request.status == Status.CLAIMED.value:
        request.lease_until = now + lease
    request.updated_at = now


def hand_back(*, session: Session, request: HandoffRequest, staff_id: int) -> bool:
    """Return the person to the bot; False when no handoff was open."""
    if not request.handoff_open:
        return False
    request.handoff_open = False
    request.updated_at = _now()
    add_history(
        session=session, request=request, actor="staff", action="handback", staff_id=staff_id
    )
    return True


def person_of(*, session: Session, request: HandoffRequest) -> Person | None:
    """The person a request belongs to (None after erasure)."""
    if request.person_id is None:
        return None
    return session.get(Person, request.person_id)


# -- erasure and retention --------------------------------------------------------------------


def erase_person_data(*, session: Session, person: Person, keep_event_id: int | None) -> int:
    """Erase what Faro keeps about a person, but the row needed to confirm it to them.

    Cancels their open request; removes names, phones, notes and handoff messages from
    every request of theirs; deletes their other messages; marks the person erased so
    housekeeping deletes the row (channel id included) once the confirmation is sent.
    Returns how many requests were touched.
    """
    requests = list(
        session.execute(
            select(HandoffRequest).where(HandoffRequest.person_id == person.id).with_for_update()
        ).scalars()
    )
    for request in requests:
        if request.status in _OPEN:
            cancel_by_person(session=session, request=request)
        request.name_enc = None
        request.phone_enc = None
        request.person_id = None
        request.handoff_open = False
        add_history(session=session, request=request, actor="person", action="erased")
    ids = [r.id for r in requests]
    if ids:
        session.execute(delete(RequestMessage).where(RequestMessage.request_id.in_(ids)))
        session.execute(
            update(RequestEvent).where(RequestEvent.request_id.in_(ids)).values(note_enc=None)
        )
    events = delete(InboundEvent).where(InboundEvent.person_id == person.id)
    if keep_event_id is not None:
        events = events.where(InboundEvent.id != keep_event_id)
    session.execute(events)
    session.execute(delete(OutboxMessage).where(OutboxMessage.person_id == person.id))
    person.state = {}
    person.lang = None
    person.erased_at = _now()
    return len(requests)


def delete_erased_people(*, session: Session) -> int:
    """Delete erased people once nothing is left to send them; return how many."""
    unsent = (
        select(OutboxMessage.id)
        .where(
            OutboxMessage.person_id == Person.id,
            OutboxMessage.status.in_(["pending", "sending"]),
        )
        .exists()
    )
    result = session.execute(delete(Person).where(Person.erased_at.is_not(None), ~unsent))
    return int(result.rowcount)  # type: ignore[attr-defined]


def purge_closed_requests(*, session: Session, closed_before: dt.datetime) -> int:
    """Delete finished requests (history and messages with them) past the retention period."""
    result = session.execute(
        delete(HandoffRequest).where(
            HandoffRequest.closed_at.is_not(None), HandoffRequest.closed_at < closed_before
        )
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def ref_exists(*, session: Session, ref: str) -> bool:
    """Whether a reference code is taken."""
    return (
        session.execute(select(HandoffRequest.id).where(HandoffRequest.ref == ref)).first()
        is not None
    )


def count_by_status(*, session: Session) -> dict[str, int]:
    """How many requests are in each status."""
    rows = session.execute(
        select(HandoffRequest.status, func.count()).group_by(HandoffRequest.status)
    ).all()
    return {str(status): int(count) for status, count in rows}


def requests_for_stats(*, session: Session, since: dt.datetime | None = None) -> Sequence[Any]:
    """The anonymous columns of every request, for the statistics (no names, no phones)."""
    query = select(
        HandoffRequest.kind,
        HandoffRequest.status,
        HandoffRequest.created_at,
        HandoffRequest.country,
        HandoffRequest.city,
        HandoffRequest.gender,
        HandoffRequest.group_size,
        HandoffRequest.children,
        HandoffRequest.unaccompanied_minor,
    )
    if since is not None:
        query = query.where(HandoffRequest.created_at >= since)
    return session.execute(query).all()


# -- added for the desk and the API (issue 6, caseworkers' side) -------------------------------


def count_messages(*, session: Session, request_id: int) -> int:
    """How many handoff messages a request has (the desk polls this, not the texts)."""
    return int(
        session.execute(
            select(func.count())
            .select_from(RequestMessage)
            .where(RequestMessage.request_id == request_id)
        ).scalar_one()
    )
