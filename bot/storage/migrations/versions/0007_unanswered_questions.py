"""Questions Faro could not answer, kept 30 days without who asked, sealed.

Revision ID: 0007_unanswered_questions
Revises: 0006_content_publishes
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_unanswered_questions"
down_revision = "0006_content_publishes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the table of unanswered questions."""
    op.create_table(
        "unanswered_questions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("text_enc", sa.LargeBinary(), nullable=False),
        sa.Column(
            "received_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
    )
    op.create_index("ix_unanswered_questions_received_at", "unanswered_questions", ["received_at"])


def downgrade() -> None:
    """Drop the table of unanswered questions."""
    op.drop_index("ix_unanswered_questions_received_at", "unanswered_questions")
    op.drop_table("unanswered_questions")
