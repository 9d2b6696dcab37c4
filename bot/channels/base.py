"""What every channel shares: run the core off the event loop, deliver, and undo on failure."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

import anyio.to_thread

from bot.core.assistant import Assistant
from bot.core.conversation import ConversationStore
from bot.core.messages import Incoming, Reply, Turn

log = logging.getLogger(__name__)

Send = Callable[[Reply], Awaitable[None]]


class DeliveryError(Exception):
    """A reply could not be delivered to the platform, even after retries."""


async def respond(
    assistant: Assistant, store: ConversationStore, incoming: Incoming, send: Send
) -> Turn:
    """Handle `incoming` once and deliver its replies in order.

    The core runs in a worker thread (it does blocking database and NLU calls). When
    delivery fails, the message's claim is released so the platform's redelivery is
    processed again, and DeliveryError propagates so the webhook answers non-2xx.
    """
    turn = await anyio.to_thread.run_sync(assistant.handle, incoming)
    if turn.duplicate:
        return turn
    try:
        for reply in turn.replies:
            await send(reply)
    except DeliveryError:
        log.warning(
            "delivery failed on %s; the message will be processed again on redelivery",
            incoming.channel.value,
        )
        await anyio.to_thread.run_sync(store.release_message, incoming.channel, incoming.message_id)
        raise
    return turn
