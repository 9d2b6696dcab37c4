"""The rules of a request's life: kinds, priorities, statuses and the moves between them.

Pure rules, no storage: the queue's queries (`bot.storage.requests`) and the desk and API
ask these before they change anything, so the desk and the API cannot disagree.
"""

from __future__ import annotations

import re
import secrets
from enum import StrEnum


class RequestKind(StrEnum):
    """Why a request is in the queue."""

    RETURN = "return"  # a voluntary-return registration
    QUESTION = "question"  # "talk to a person"
    URGENT = "urgent"  # danger or vulnerability


class Priority(StrEnum):
    """How soon a request must be picked up; claim-next takes the highest first."""

    URGENT = "urgent"
    HIGH = "high"
    NORMAL = "normal"


PRIORITY_RANK: dict[Priority, int] = {Priority.URGENT: 0, Priority.HIGH: 1, Priority.NORMAL: 2}


class Status(StrEnum):
    """Where a request stands."""

    NEW = "new"
    CLAIMED = "claimed"
    CONTACTED = "contacted"
    REGISTERED = "registered"
    CLOSED = "closed"
    CANCELLED = "cancelled"  # by the person
    NOT_ELIGIBLE = "not_eligible"


OPEN_STATUSES: frozenset[Status] = frozenset(
    {Status.NEW, Status.CLAIMED, Status.CONTACTED, Status.REGISTERED}
)
FINAL_STATUSES: frozenset[Status] = frozenset(
    {Status.CLOSED, Status.CANCELLED, Status.NOT_ELIGIBLE}
)

# Moves a caseworker may make. Claiming (new -> claimed) and a lease running out
# (claimed -> new) have their own operations; cancelling is the person's own move.
_CASEWORKER_MOVES: dict[Status, frozenset[Status]] = {
    Status.NEW: frozenset({Status.NOT_ELIGIBLE, Status.CLOSED}),
    Status.CLAIMED: frozenset({Status.CONTACTED, Status.NOT_ELIGIBLE, Status.CLOSED, Status.NEW}),
    Status.CONTACTED: frozenset({Status.REGISTERED, Status.NOT_ELIGIBLE, Status.CLOSED}),
    Status.REGISTERED: frozenset({Status.CLOSED}),
}

# Status changes the person hears about, in their language, on their channel.
NOTIFIED_STATUSES: frozenset[Status] = frozenset(
    {Status.CONTACTED, Status.REGISTERED, Status.CLOSED, Status.NOT_ELIGIBLE}
)


def can_move(kind: RequestKind, current: Status, target: Status) -> bool:
    """Whether a caseworker may move a request of `kind` from `current` to `target`."""
    if target is Status.REGISTERED and kind is not RequestKind.RETURN:
        return False  # only a return request is registered for a return
    return target in _CASEWORKER_MOVES.get(current, frozenset())


def allowed_moves(kind: RequestKind, current: Status) -> list[Status]:
    """The statuses a caseworker can move a request to, in lifecycle order."""
    return [status for status in Status if can_move(kind, current, status)]


# -- reference codes --------------------------------------------------------------------------

REF_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud and typed safely
REF_LENGTH = 8
_REF_TYPED = re.compile(r"^[A-Za-z0-9]{4}[\s\-]?[A-Za-z0-9]{4}$")


def new_ref() -> str:
    """A new random reference code (8 characters, stored without the dash)."""
    return "".join(secrets.choice(REF_ALPHABET) for _ in range(REF_LENGTH))


def format_ref(ref: str) -> str:
    """The code as people see it: XXXX-XXXX."""
    return f"{ref[:4]}-{ref[4:]}"


def parse_ref(text: str) -> str | None:
    """A typed code ("abcd-2345", "ABCD 2345") as stored, or None when it cannot be one."""
    cleaned = text.strip()
    if not _REF_TYPED.match(cleaned):
        return None
    ref = re.sub(r"[\s\-]", "", cleaned).upper()
    return ref if all(ch in REF_ALPHABET for ch in ref) else None


def priority_for(*, urgent: bool, high: bool) -> Priority:
    """The priority of a request from its flags: danger or a lone child first."""
    if urgent:
        return Priority.URGENT
    return Priority.HIGH if high else Priority.NORMAL
