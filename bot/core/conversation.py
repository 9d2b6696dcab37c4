"""Conversation state and the store that keeps it, as the core sees them."""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol

from bot.core.effects import OpenRequestSnapshot
from bot.core.messages import Channel


@dataclass(slots=True)
class PersonState:
    """The least Faro keeps about a person: language and where the conversation stands."""

    lang: str | None = None
    misses: int = 0
    suggestions: list[str] = field(default_factory=list)
    pending_topic: str | None = None
    is_new: bool = True
    # The city the person named, remembered for the conversation to list services there.
    city: str | None = None
    # A flow in progress (the return intake): its step and the choices made so far.
    flow: dict[str, Any] | None = None
    # What the person typed that is personal data (a name, a phone number), kept only
    # while a flow needs it; the pipeline stores it encrypted, never in clear.
    private: dict[str, str] = field(default_factory=dict)
    # The person's open request in the queue, read fresh for every turn (not stored here).
    request: OpenRequestSnapshot | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # room for later flows

    def to_state(self) -> dict[str, Any]:
        """The JSON-ready conversation state (language is stored on its own)."""
        state: dict[str, Any] = dict(self.extra)
        state["misses"] = self.misses
        state["suggestions"] = list(self.suggestions)
        if self.pending_topic:
            state["pending_topic"] = self.pending_topic
        else:
            state.pop("pending_topic", None)
        if self.city:
            state["city"] = self.city
        else:
            state.pop("city", None)
        if self.flow:
            state["flow"] = dict(self.flow)
        else:
            state.pop("flow", None)
        if self.private:
            state["private"] = dict(self.private)
        else:
            state.pop("private", None)
        return state

    @classmethod
    def from_state(cls, lang: str | None, state: dict[str, Any] | None) -> PersonState:
        """Rebuild from what the store kept."""
        data = dict(state or {})
        misses = int(data.pop("misses", 0) or 0)
        suggestions = [str(s) for s in data.pop("suggestions", []) or []]
        pending = data.pop("pending_topic", None)
        city = data.pop("city", None)
        flow = data.pop("flow", None)
        private = data.pop("private", None) or {}
        return cls(
            lang=lang,
            misses=misses,
            suggestions=suggestions,
            pending_topic=str(pending) if pending else None,
            is_new=False,
            city=str(city) if city else None,
            flow=dict(flow) if isinstance(flow, dict) else None,
            private={str(k): str(v) for k, v in private.items()}
            if isinstance(private, dict)
            else {},
            extra=data,
        )


class ConversationStore(Protocol):
    """Durable conversation state with once-only message processing."""

    def conversation(
        self, channel: Channel, user_id: str, message_id: str
    ) -> AbstractContextManager[PersonState | None]:
        """Claim `message_id` and open the person's state for one turn.

        Yields None when the message was already processed (a duplicate delivery).
        Leaving the block without an error stores the state and the claim together.
        """
        ...
