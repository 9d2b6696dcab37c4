"""Applying a turn's effects on the queue, inside the turn's own transaction.

Also where a person's conversation state is read and written: what the core keeps as
`PersonState.private` (a name, a phone number during the intake) is sealed with the data
cipher before it reaches the database, and opened again for the next turn.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from typing import Any

from sqlalchemy.orm import Session

from bot.core.conversation import PersonState
from bot.core.effects import (
    CancelRequest,
    CreateRequest,
    Effect,
    EraseMyData,
    KeepUnanswered,
    OpenRequestSnapshot,
    RaisePriority,
    RelayToCaseworker,
)
from bot.core.flows import intake
from bot.handoff.lifecycle import Priority, RequestKind
from bot.storage import requests as queries
from bot.storage.models import HandoffRequest, Person
from bot.storage.secrets import DataCipher
from bot.storage.unanswered import keep_unanswered

PRIVATE_WHERE = "people.state.private"
SEALED_KEY = "sealed"


def load_state(person: Person, cipher: DataCipher) -> PersonState:
    """The person's conversation state, with their private values opened."""
    raw: dict[str, Any] = dict(person.state or {})
    sealed = raw.pop(SEALED_KEY, None)
    raw.pop("private", None)  # never trusted in clear
    state = PersonState.from_state(person.lang, raw)
    if isinstance(sealed, str):
        opened = cipher.open(base64.b64decode(sealed), where=PRIVATE_WHERE)
        state.private = {str(k): str(v) for k, v in json.loads(opened).items()}
    return state


def store_state(person: Person, state: PersonState, cipher: DataCipher) -> None:
    """Write the state back, private values sealed, and when an open flow must expire."""
    raw = state.to_state()
    private = raw.pop("private", None)
    if private:
        sealed = cipher.seal(json.dumps(private, ensure_ascii=False), where=PRIVATE_WHERE)
        raw[SEALED_KEY] = base64.b64encode(sealed).decode("ascii")
    person.lang = state.lang
    person.state = raw
    person.flow_expires_at = intake.expires_at(state)


def snapshot(row: HandoffRequest | None) -> OpenRequestSnapshot | None:
    """What the core sees of an open request."""
    if row is None:
        return None
    return OpenRequestSnapshot(
        ref=row.ref,
        kind=RequestKind(row.kind),
        status=row.status,
        priority=Priority(row.priority),
        handoff_open=row.handoff_open,
    )


def apply_effects(
    *,
    session: Session,
    cipher: DataCipher,
    person: Person,
    state: PersonState,
    effects: tuple[Effect, ...],
    lang: str,
    event_id: int,
) -> bool:
    """Carry out a turn's effects; True when the person asked to be erased."""
    erased = False
    for effect in effects:
        open_row = queries.open_request_of(session=session, person_id=person.id)
        if isinstance(effect, CreateRequest):
            if open_row is not None:
                continue  # one open request per person; the core showed the open one
            open_row = queries.create_request(
                session=session,
                cipher=cipher,
                ref=effect.ref,
                kind=effect.kind,
                priority=effect.priority,
                person_id=person.id,
                lang=lang,
                channel=person.channel,
                reason=effect.reason,
                intake=effect.intake,
                consent=effect.consent,
            )
        elif isinstance(effect, RaisePriority) and open_row is not None:
            queries.raise_priority(
                session=session, request=open_row, priority=effect.priority, reason=effect.reason
            )
        elif isinstance(effect, CancelRequest) and open_row is not None:
            queries.cancel_by_person(session=session, request=open_row)
            open_row = None
        elif isinstance(effect, RelayToCaseworker) and open_row is not None:
            queries.add_person_message(
                session=session, cipher=cipher, request=open_row, text=effect.text
            )
        elif isinstance(effect, EraseMyData):
            queries.erase_person_data(session=session, person=person, keep_event_id=event_id)
            erased = True
            open_row = None
        elif isinstance(effect, KeepUnanswered):
            keep_unanswered(session=session, cipher=cipher, lang=lang, text=effect.text)
        state.request = snapshot(open_row)
    return erased


def refresh_request(session: Session, person: Person, state: PersonState) -> None:
    """Give the core a fresh view of the person's open request before their turn."""
    state.request = snapshot(queries.open_request_of(session=session, person_id=person.id))


def now() -> dt.datetime:
    """The current time in UTC."""
    return dt.datetime.now(dt.UTC)
