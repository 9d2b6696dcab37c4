"""Seal the words of a conversation at rest: inbound texts and outbox bodies.

A person's free text waits in `inbound_events.text` until its turn runs, and every
message to them (the intake summary with their name and phone, a caseworker's words)
sits in `outbox.body` until the retention purge. Both become AES-GCM ciphertext
(`text_enc`, `body_enc`) under FARO_DATA_KEY, like the rest of the personal data.

Rows already there are sealed in place, with the key the caller hands over as a factory
in `config.attributes["cipher"]` (`bot.storage.database.upgrade`); a database with such
rows and no key refuses to migrate rather than drop them or keep them readable.

Revision ID: 0004_sealed_messages
Revises: 0003_handoff_queue
Create Date: 2026-12-01
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import context, op

revision = "0004_sealed_messages"
down_revision = "0003_handoff_queue"
branch_labels = None
depends_on = None

# The associated data of each column; bot.storage.repository uses the same names.
INBOUND_TEXT = "inbound_events.text"
OUTBOX_BODY = "outbox.body"


def _cipher() -> Any:
    make_cipher = context.config.attributes.get("cipher")
    if make_cipher is None:
        raise RuntimeError(
            "this migration seals stored messages and needs the data key: "
            "run it through Faro (python -m bot db upgrade) with FARO_DATA_KEY set"
        )
    return make_cipher()


def _tables() -> tuple[sa.TableClause, sa.TableClause]:
    # Both forms of each column: the migration moves values from one to the other.
    inbound = sa.table(
        "inbound_events",
        sa.column("id", sa.Integer()),
        sa.column("text", sa.Text()),
        sa.column("text_enc", sa.LargeBinary()),
    )
    outbox = sa.table(
        "outbox",
        sa.column("id", sa.Integer()),
        sa.column("body", sa.JSON()),
        sa.column("body_enc", sa.LargeBinary()),
    )
    return inbound, outbox


def upgrade() -> None:
    """Add the sealed columns, seal what is stored, drop the readable ones."""
    connection = op.get_bind()
    inbound, outbox = _tables()
    texts = connection.execute(
        sa.select(inbound.c.id, inbound.c.text).where(inbound.c.text.is_not(None))
    ).all()
    bodies = connection.execute(sa.select(outbox.c.id, outbox.c.body)).all()
    # The key first: SQLite's ALTER TABLE does not roll back, so refuse before any change.
    cipher = _cipher() if texts or bodies else None

    with op.batch_alter_table("inbound_events") as batch_op:
        batch_op.add_column(sa.Column("text_enc", sa.LargeBinary(), nullable=True))
    with op.batch_alter_table("outbox", table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.add_column(sa.Column("body_enc", sa.LargeBinary(), nullable=True))
    if cipher is not None:
        for row_id, text in texts:
            connection.execute(
                sa.update(inbound)
                .where(inbound.c.id == row_id)
                .values(text_enc=cipher.seal_optional(text, where=INBOUND_TEXT))
            )
        for row_id, body in bodies:
            sealed = cipher.seal(json.dumps(body, ensure_ascii=False), where=OUTBOX_BODY)
            connection.execute(
                sa.update(outbox).where(outbox.c.id == row_id).values(body_enc=sealed)
            )

    with op.batch_alter_table("inbound_events") as batch_op:
        batch_op.drop_column("text")
    with op.batch_alter_table(
        "outbox", recreate="always", table_kwargs={"sqlite_autoincrement": True}
    ) as batch_op:
        batch_op.drop_column("body")
        batch_op.alter_column("body_enc", existing_type=sa.LargeBinary(), nullable=False)


def downgrade() -> None:
    """Open the sealed columns back into readable ones (needs the key when rows exist)."""
    connection = op.get_bind()
    inbound, outbox = _tables()
    texts = connection.execute(
        sa.select(inbound.c.id, inbound.c.text_enc).where(inbound.c.text_enc.is_not(None))
    ).all()
    bodies = connection.execute(sa.select(outbox.c.id, outbox.c.body_enc)).all()
    cipher = _cipher() if texts or bodies else None

    with op.batch_alter_table("inbound_events") as batch_op:
        batch_op.add_column(sa.Column("text", sa.Text(), nullable=True))
    with op.batch_alter_table("outbox", table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.add_column(sa.Column("body", sa.JSON(), nullable=True))
    if cipher is not None:
        for row_id, sealed in texts:
            connection.execute(
                sa.update(inbound)
                .where(inbound.c.id == row_id)
                .values(text=cipher.open(sealed, where=INBOUND_TEXT))
            )
        for row_id, sealed in bodies:
            body = json.loads(cipher.open(sealed, where=OUTBOX_BODY))
            connection.execute(sa.update(outbox).where(outbox.c.id == row_id).values(body=body))

    with op.batch_alter_table("inbound_events") as batch_op:
        batch_op.drop_column("text_enc")
    with op.batch_alter_table(
        "outbox", recreate="always", table_kwargs={"sqlite_autoincrement": True}
    ) as batch_op:
        batch_op.drop_column("body_enc")
        batch_op.alter_column("body", existing_type=sa.JSON(), nullable=False)
