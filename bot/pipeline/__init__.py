"""The message path, the same for every channel: inbox, turn workers, outbox senders."""
