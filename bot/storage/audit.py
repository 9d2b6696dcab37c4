"""The audit log: who did what to which request or account, and when. No personal data."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.storage.models import AuditEntry


def record(
    *,
    session: Session,
    staff_id: int | None,
    action: str,
    target: str | None = None,
    detail: str | None = None,
) -> None:
    """Append one audit line. `target` is a reference code or an account id, never a name."""
    session.add(
        AuditEntry(
            staff_id=staff_id,
            action=action[:32],
            target=target[:64] if target else None,
            detail=detail[:256] if detail else None,
        )
    )


def recent(*, session: Session, limit: int = 200) -> list[AuditEntry]:
    """The newest audit lines first."""
    return list(
        session.execute(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)).scalars()
    )
