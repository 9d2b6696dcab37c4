"""What a turn asks the rest of Faro to do besides replying: the handoff queue's side.

The core decides and returns these with its replies; the turn worker applies them in
the same transaction as the new state and the outgoing messages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.handoff.lifecycle import Priority, RequestKind


@dataclass(frozen=True, slots=True)
class IntakeRecord:
    """What a person gave in the return intake (name and phone in clear, to be sealed)."""

    name: str | None = None
    phone: str | None = None
    country: str | None = None
    city: str | None = None
    gender: str | None = None
    group_size: int | None = None
    children: int | None = None
    children_ages: tuple[int, ...] = ()
    unaccompanied_minor: bool = False
    medical_need: bool = False


@dataclass(frozen=True, slots=True)
class Consent:
    """The consent a person gave before any question, as the request keeps it."""

    version: str
    lang: str
    channel: str
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class OpenRequestSnapshot:
    """The person's open request, as the core needs to see it (given by the pipeline)."""

    ref: str
    kind: RequestKind
    status: str
    priority: Priority
    handoff_open: bool


@dataclass(frozen=True, slots=True)
class CreateRequest:
    """Put a new request in the queue."""

    ref: str
    kind: RequestKind
    priority: Priority
    reason: str | None = None
    intake: IntakeRecord | None = None
    consent: Consent | None = None


@dataclass(frozen=True, slots=True)
class RaisePriority:
    """Raise the open request's priority (danger told during a handoff, say)."""

    priority: Priority
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class CancelRequest:
    """The person withdraws their open request."""


@dataclass(frozen=True, slots=True)
class RelayToCaseworker:
    """A person's message during an open handoff, for the desk (the bot stays quiet)."""

    text: str


@dataclass(frozen=True, slots=True)
class EraseMyData:
    """The person asked to be forgotten."""


@dataclass(frozen=True, slots=True)
class KeepUnanswered:
    """A question Faro could not answer, kept (without who asked) for editors to learn from."""

    text: str


Effect = (
    CreateRequest | RaisePriority | CancelRequest | RelayToCaseworker | EraseMyData | KeepUnanswered
)
