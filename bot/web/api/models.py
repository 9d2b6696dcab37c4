"""The JSON API's bodies and answers (pydantic): unknown fields are refused."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from bot.handoff.lifecycle import Status, format_ref
from bot.handoff.service import MAX_MESSAGE_CHARS, MAX_NOTE_CHARS, Contact
from bot.handoff.stats import Share, Statistics, WeekCount
from bot.storage.requests import RequestView


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class _In(BaseModel):
    # A field the API does not know is a client's mistake: say so rather than ignore it.
    model_config = ConfigDict(extra="forbid")


class RequestSummary(_Out):
    """A request as the queue lists it: no personal data."""

    ref: str = Field(description="Reference code, XXXX-XXXX", examples=["ABCD-2345"])
    kind: Literal["return", "question", "urgent"]
    status: Literal[
        "new", "claimed", "contacted", "registered", "closed", "cancelled", "not_eligible"
    ]
    priority: Literal["urgent", "high", "normal"]
    reason: str | None = Field(description="Why the priority, e.g. a protective topic")
    lang: str = Field(description="The person's language: es, en, fr, ht or pt")
    channel: str = Field(description="telegram, whatsapp or web")
    created_at: dt.datetime
    updated_at: dt.datetime | None
    claimed_by: int | None = Field(description="The caseworker's account id")
    lease_until: dt.datetime | None = Field(description="When an idle claim returns")
    handoff_open: bool = Field(description="A caseworker is talking with the person")
    country: str | None = Field(description="Country of return (ISO code)")
    city: str | None
    unaccompanied_minor: bool
    medical_need: bool


class Intake(_Out):
    """What the person gave in the return intake, with their consent."""

    name: str | None
    phone: str | None
    country: str | None
    city: str | None
    gender: str | None
    group_size: int | None
    children: int | None
    children_ages: list[int]
    unaccompanied_minor: bool
    medical_need: bool


class ConsentOut(_Out):
    """The consent the person gave, as the request keeps it."""

    version: str
    lang: str
    channel: str
    at: dt.datetime


class HistoryOut(_Out):
    """One line of the request's append-only history."""

    at: dt.datetime
    actor: Literal["person", "staff", "system"] | str
    staff_id: int | None
    action: str
    from_status: str | None
    to_status: str | None
    note: str | None


class MessageOut(_Out):
    """One message of the conversation with a caseworker."""

    at: dt.datetime
    direction: Literal["in", "out"] | str = Field(description="in: from the person")
    staff_id: int | None
    text: str


class ContactOut(_Out):
    """Whether the person can be written to now, and how."""

    reachable: bool
    free_text: bool = Field(description="False outside WhatsApp's 24-hour window")
    template: str | None = Field(description="The approved template offered instead")


class RequestDetail(RequestSummary):
    """A request with its intake, consent, history and conversation (personal data)."""

    intake: Intake
    consent: ConsentOut | None
    history: list[HistoryOut]
    messages: list[MessageOut]
    allowed_moves: list[str] = Field(description="Statuses it can be moved to now")
    contact: ContactOut


class RequestList(_Out):
    """The queue, most pressing first."""

    items: list[RequestSummary]


class StatusChange(_In):
    """Move a request to another status."""

    status: Status
    note: Annotated[str, StringConstraints(max_length=MAX_NOTE_CHARS)] | None = None


class StatusChanged(_Out):
    """The request after the move, and what the person was sent (null: nothing)."""

    request: RequestDetail
    notice: str | None


class NewMessage(_In):
    """A caseworker's words to the person, sent through the bot."""

    text: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_MESSAGE_CHARS)
    ]


class TemplateMessage(_In):
    """Outside WhatsApp's 24-hour window: send the approved template instead."""

    use_template: Literal[True]


class MessageQueued(_Out):
    """The message is in the outbox; the conversation with a caseworker is open."""

    outbox_id: int
    handoff_open: bool


class HandedBack(_Out):
    """Whether a conversation was open and the person is back with the bot."""

    handed_back: bool


class Problem(_Out):
    """Why a request was refused."""

    detail: str
    code: str


class ShareOut(_Out):
    """One part of a breakdown."""

    key: str
    count: int
    percent: int


class WeekOut(_Out):
    """Requests created in one ISO week."""

    week: str
    monday: dt.date
    count: int


class StatsOut(_Out):
    """Anonymous statistics (no names, no phone numbers), as the field reports give them."""

    requests: int
    people: int = Field(description="People the requests speak for (whole groups)")
    returns: int
    by_kind: list[ShareOut]
    by_status: list[ShareOut]
    by_country: list[ShareOut]
    by_city: list[ShareOut]
    by_gender: list[ShareOut] = Field(description="Among return requests that gave it")
    gender_known: int
    children: int
    requests_with_children: int
    unaccompanied_children: int
    by_week: list[WeekOut]


def summary(view: RequestView) -> RequestSummary:
    """A request view as the list shows it."""
    return RequestSummary(**_summary_fields(view))


def _summary_fields(view: RequestView) -> dict[str, object]:
    return {
        "ref": format_ref(view.ref),
        "kind": view.kind,
        "status": view.status,
        "priority": view.priority,
        "reason": view.reason,
        "lang": view.lang,
        "channel": view.channel,
        "created_at": view.created_at,
        "updated_at": view.updated_at,
        "claimed_by": view.claimed_by,
        "lease_until": view.lease_until,
        "handoff_open": view.handoff_open,
        "country": view.intake.country,
        "city": view.intake.city,
        "unaccompanied_minor": view.intake.unaccompanied_minor,
        "medical_need": view.intake.medical_need,
    }


def detail(view: RequestView, moves: list[Status], contact: Contact) -> RequestDetail:
    """A request view with everything the API shows of one request."""
    intake = view.intake
    return RequestDetail(
        **_summary_fields(view),
        intake=Intake(
            name=intake.name,
            phone=intake.phone,
            country=intake.country,
            city=intake.city,
            gender=intake.gender,
            group_size=intake.group_size,
            children=intake.children,
            children_ages=list(intake.children_ages),
            unaccompanied_minor=intake.unaccompanied_minor,
            medical_need=intake.medical_need,
        ),
        consent=ConsentOut(
            version=view.consent.version,
            lang=view.consent.lang,
            channel=view.consent.channel,
            at=view.consent.at,
        )
        if view.consent
        else None,
        history=[
            HistoryOut(
                at=line.at,
                actor=line.actor,
                staff_id=line.staff_id,
                action=line.action,
                from_status=line.from_status,
                to_status=line.to_status,
                note=line.note,
            )
            for line in view.history
        ],
        messages=[
            MessageOut(at=line.at, direction=line.direction, staff_id=line.staff_id, text=line.text)
            for line in view.messages
        ],
        allowed_moves=[move.value for move in moves],
        contact=contact_out(contact),
    )


def contact_out(contact: Contact) -> ContactOut:
    """Whether and how the person can be written to."""
    return ContactOut(
        reachable=contact.reachable,
        free_text=contact.free_text,
        template=contact.template.name if contact.template else None,
    )


def stats_out(figures: Statistics) -> StatsOut:
    """The statistics as JSON."""

    def shares(items: list[Share]) -> list[ShareOut]:
        return [ShareOut(key=s.key, count=s.count, percent=s.percent) for s in items]

    def weeks(items: list[WeekCount]) -> list[WeekOut]:
        return [WeekOut(week=w.week, monday=w.monday, count=w.count) for w in items]

    return StatsOut(
        requests=figures.requests,
        people=figures.people,
        returns=figures.returns,
        by_kind=shares(figures.by_kind),
        by_status=shares(figures.by_status),
        by_country=shares(figures.by_country),
        by_city=shares(figures.by_city),
        by_gender=shares(figures.by_gender),
        gender_known=figures.gender_known,
        children=figures.children,
        requests_with_children=figures.requests_with_children,
        unaccompanied_children=figures.unaccompanied_children,
        by_week=weeks(figures.by_week),
    )
