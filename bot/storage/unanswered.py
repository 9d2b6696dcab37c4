"""Queries of the unanswered questions: keep one, list them, drop them, purge old ones."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.storage.models import UnansweredQuestion
from bot.storage.secrets import DataCipher

# The AES-GCM associated data of the sealed words.
UNANSWERED_TEXT = "unanswered_questions.text"
KEEP_FOR = dt.timedelta(days=30)
# A phone number, a document number, an email address: masked before anything is kept.
_LONG_NUMBER = re.compile(r"(?:\+?\d[\d\s().-]{4,}\d)")
_EMAIL = re.compile(r"\S+@\S+")
MASK = "…"


@dataclass(frozen=True, slots=True)
class Unanswered:
    """One kept question, opened."""

    id: int
    lang: str
    text: str
    received_at: dt.datetime


def masked(text: str) -> str:
    """The words without numbers of five digits or more and without email addresses."""
    return _EMAIL.sub(MASK, _LONG_NUMBER.sub(MASK, " ".join(text.split())))


def keep_unanswered(*, session: Session, cipher: DataCipher, lang: str, text: str) -> None:
    """Keep a question Faro could not answer (masked, sealed, with no one's identity)."""
    words = masked(text)
    if words:
        session.add(
            UnansweredQuestion(lang=lang, text_enc=cipher.seal(words, where=UNANSWERED_TEXT))
        )


def recent_unanswered(*, session: Session, cipher: DataCipher) -> list[Unanswered]:
    """Every kept question of the last 30 days, newest first."""
    since = dt.datetime.now(dt.UTC) - KEEP_FOR
    rows = session.scalars(
        select(UnansweredQuestion)
        .where(UnansweredQuestion.received_at >= since)
        .order_by(UnansweredQuestion.id.desc())
    ).all()
    return [
        Unanswered(
            row.id, row.lang, cipher.open(row.text_enc, where=UNANSWERED_TEXT), row.received_at
        )
        for row in rows
    ]


def drop_unanswered(*, session: Session, ids: Sequence[int]) -> int:
    """Drop the given questions (learnt from, or dismissed); how many went."""
    if not ids:
        return 0
    result = session.execute(delete(UnansweredQuestion).where(UnansweredQuestion.id.in_(ids)))
    return int(result.rowcount)  # type: ignore[attr-defined]


def purge_unanswered(*, session: Session, now: dt.datetime) -> int:
    """Drop what is older than 30 days; how many went."""
    result = session.execute(
        delete(UnansweredQuestion).where(UnansweredQuestion.received_at < now - KEEP_FOR)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]
