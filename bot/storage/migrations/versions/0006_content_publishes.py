"""Publishes of the content: who asked, how far it got, the gate's figures, the model.

Revision ID: 0006_content_publishes
Revises: 0005_content_versions
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_content_publishes"
down_revision = "0005_content_versions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the table of publishes."""
    op.create_table(
        "content_publishes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "requested_by",
            sa.Integer(),
            sa.ForeignKey("staff_users.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("step", sa.String(200), nullable=False, server_default=""),
        sa.Column("figures", sa.JSON(), nullable=True),
        sa.Column("model", sa.String(128), nullable=True),
        sa.Column(
            "started_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
    )


def downgrade() -> None:
    """Drop the table of publishes."""
    op.drop_table("content_publishes")
