"""Content as versioned documents: the live version, a draft, and every version published.

`faq_answers` held one flattened row per topic and language, with a `last_verified` date
that nobody had verified. It gives way to `content_documents` (one per topic or source)
and `content_versions` (every published body, kept for restoring). The content itself
is not carried over: the service loads `content/` into an empty store at start-up.

Revision ID: 0005_content_versions
Revises: 0004_sealed_messages
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_content_versions"
down_revision = "0004_sealed_messages"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the document and version tables; drop the flattened answers."""
    op.create_table(
        "content_documents",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("live_version", sa.Integer(), nullable=True),
        sa.Column("draft", sa.JSON(), nullable=True),
        sa.Column(
            "draft_by",
            sa.Integer(),
            sa.ForeignKey("staff_users.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("draft_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.UniqueConstraint("kind", "key", name="uq_content_kind_key"),
    )
    op.create_table(
        "content_versions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer(),
            sa.ForeignKey("content_documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column(
            "published_by",
            sa.Integer(),
            sa.ForeignKey("staff_users.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column(
            "published_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.Column("note", sa.String(200), nullable=False, server_default=""),
        sa.UniqueConstraint("document_id", "number", name="uq_content_version_number"),
    )
    op.create_index("ix_content_versions_document_id", "content_versions", ["document_id"])
    op.drop_table("faq_answers")


def downgrade() -> None:
    """Back to flattened answers (empty: `content load` fills them again)."""
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
    op.drop_index("ix_content_versions_document_id", "content_versions")
    op.drop_table("content_versions")
    op.drop_table("content_documents")
