"""Replace processed message keys with a durable inbox, and add the outbox.

Revision ID: 0002_inbox_and_outbox
Revises: 0001_people_dedupe_and_faq
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_inbox_and_outbox"
down_revision = "0001_people_dedupe_and_faq"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create inbound_events and outbox; the inbox's unique key replaces processed_messages."""
    op.create_table(
        "inbound_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("message_id", sa.String(256), nullable=False),
        sa.Column(
            "person_id",
            sa.Integer(),
            sa.ForeignKey("people.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("payload", sa.String(256), nullable=False),
        sa.Column("lang", sa.String(8), nullable=True),
        sa.Column("language_hint", sa.String(8), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column(
            "received_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.UniqueConstraint("channel", "message_id", name="uq_inbound_channel_message"),
    )
    op.create_index("ix_inbound_pending", "inbound_events", ["status", "id"])
    op.create_index("ix_inbound_person", "inbound_events", ["person_id", "id"])
    op.create_index("ix_inbound_events_received_at", "inbound_events", ["received_at"])
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "person_id",
            sa.Integer(),
            sa.ForeignKey("people.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("recipient", sa.String(128), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("purpose", sa.String(16), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("parts_sent", sa.Integer(), nullable=False),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("platform_id", sa.String(256), nullable=True),
        sa.Column("error", sa.String(64), nullable=True),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_outbox_unsent", "outbox", ["channel", "status", "id"])
    op.create_index("ix_outbox_person", "outbox", ["person_id", "id"])
    op.create_index("ix_outbox_platform_id", "outbox", ["channel", "platform_id"])
    op.create_index("ix_outbox_created_at", "outbox", ["created_at"])
    op.drop_index("ix_processed_messages_received_at", "processed_messages")
    op.drop_table("processed_messages")


def downgrade() -> None:
    """Back to processed message keys (in-flight events and unsent messages are dropped)."""
    op.create_table(
        "processed_messages",
        sa.Column("channel", sa.String(16), primary_key=True),
        sa.Column("message_id", sa.String(256), primary_key=True),
        sa.Column(
            "received_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
    )
    op.create_index("ix_processed_messages_received_at", "processed_messages", ["received_at"])
    op.drop_table("outbox")
    op.drop_table("inbound_events")
