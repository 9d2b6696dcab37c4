"""Create people, processed message keys and FAQ answers.

Revision ID: 0001_people_dedupe_and_faq
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_people_dedupe_and_faq"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the three tables of the core."""
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("channel_user_id", sa.String(128), nullable=False),
        sa.Column("lang", sa.String(8), nullable=True),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "last_seen_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.UniqueConstraint("channel", "channel_user_id", name="uq_people_channel_user"),
    )
    op.create_index("ix_people_last_seen_at", "people", ["last_seen_at"])
    op.create_table(
        "processed_messages",
        sa.Column("channel", sa.String(16), primary_key=True),
        sa.Column("message_id", sa.String(256), primary_key=True),
        sa.Column(
            "received_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
    )
    op.create_index("ix_processed_messages_received_at", "processed_messages", ["received_at"])
    op.create_table(
        "faq_answers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("topic", sa.String(64), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("title", sa.String(64), nullable=False),
        sa.Column("summary", sa.String(128), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("city_texts", sa.JSON(), nullable=False),
        sa.Column("countries", sa.JSON(), nullable=False),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.Column("last_verified", sa.Date(), nullable=False),
        sa.Column("review_by", sa.Date(), nullable=False),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.UniqueConstraint("topic", "lang", name="uq_faq_topic_lang"),
    )


def downgrade() -> None:
    """Drop the three tables."""
    op.drop_table("faq_answers")
    op.drop_index("ix_processed_messages_received_at", "processed_messages")
    op.drop_table("processed_messages")
    op.drop_index("ix_people_last_seen_at", "people")
    op.drop_table("people")
