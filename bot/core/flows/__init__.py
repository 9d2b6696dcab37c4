"""Conversation flows that take several turns: the return intake."""
