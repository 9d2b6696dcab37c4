"""Queries of staff accounts: users, API tokens, desk sessions.

Passwords are hashed with Argon2id (argon2-cffi); tokens and session ids are random and
only their SHA-256 digests are stored, so a copy of the database signs nobody in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from enum import StrEnum
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from bot.storage.models import ApiToken, StaffSession, StaffUser

_HASHER = PasswordHasher()  # argon2-cffi's defaults are Argon2id with RFC 9106 parameters


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    # A hash to verify against when the email is unknown, so both cases take the same
    # time; made on first use, not at import.
    return _HASHER.hash(secrets.token_urlsafe(16))


class Role(StrEnum):
    """What an account may do."""

    CASEWORKER = "caseworker"
    EDITOR = "editor"
    ADMIN = "admin"


class AccountError(ValueError):
    """An account operation that cannot be done (duplicate email, unknown user...)."""


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def normalise_email(email: str) -> str:
    """Emails compare without case or surrounding spaces."""
    return email.strip().lower()


def new_password() -> str:
    """A generated password to print once."""
    return secrets.token_urlsafe(15)


def create_user(*, session: Session, email: str, role: Role, password: str) -> StaffUser:
    """Create an account; refuses an email that is taken or malformed and a short password."""
    email = normalise_email(email)
    if "@" not in email or len(email) > 254 or email.startswith("@") or email.endswith("@"):
        raise AccountError("not an email address")
    if len(password) < 12:
        raise AccountError("the password needs at least 12 characters")
    if session.execute(select(StaffUser.id).where(StaffUser.email == email)).first():
        raise AccountError("an account with this email exists")
    user = StaffUser(
        email=email, role=role.value, password_hash=_HASHER.hash(password), active=True
    )
    session.add(user)
    session.flush()
    return user


def find_user(*, session: Session, email: str) -> StaffUser | None:
    """An account by email."""
    return (
        session.execute(select(StaffUser).where(StaffUser.email == normalise_email(email)))
        .scalars()
        .first()
    )


def authenticate(*, session: Session, email: str, password: str) -> StaffUser | None:
    """The active account with this email and password, or None (same cost either way)."""
    user = find_user(session=session, email=email)
    try:
        _HASHER.verify(user.password_hash if user else _dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.active:
        return None
    if _HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = _HASHER.hash(password)
    return user


def set_password(*, session: Session, user: StaffUser, password: str) -> None:
    """Replace an account's password and end its sessions."""
    if len(password) < 12:
        raise AccountError("the password needs at least 12 characters")
    user.password_hash = _HASHER.hash(password)
    session.execute(delete(StaffSession).where(StaffSession.user_id == user.id))


def issue_api_token(*, session: Session, user: StaffUser) -> str:
    """A new API token for `user`, returned once in clear."""
    token = "faro_" + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, token_hash=_digest(token), revoked=False))
    session.flush()
    return token


def user_for_api_token(*, session: Session, token: str) -> StaffUser | None:
    """The active account a bearer token belongs to, or None."""
    if not token or len(token) > 200:
        return None
    row = session.execute(
        select(ApiToken, StaffUser)
        .join(StaffUser, StaffUser.id == ApiToken.user_id)
        .where(ApiToken.token_hash == _digest(token), ApiToken.revoked.is_(False))
    ).first()
    if row is None or not row[1].active:
        return None
    row[0].last_used_at = dt.datetime.now(dt.UTC)
    return row[1]


def start_session(*, session: Session, user: StaffUser, lifetime: dt.timedelta) -> str:
    """Open a desk session for `user`; returns the cookie value, once."""
    token = secrets.token_urlsafe(32)
    session.add(
        StaffSession(
            user_id=user.id,
            token_hash=_digest(token),
            expires_at=dt.datetime.now(dt.UTC) + lifetime,
        )
    )
    return token


def user_for_session(*, session: Session, token: str) -> StaffUser | None:
    """The active account of a desk session cookie, or None when unknown or expired."""
    if not token or len(token) > 200:
        return None
    row = session.execute(
        select(StaffSession, StaffUser)
        .join(StaffUser, StaffUser.id == StaffSession.user_id)
        .where(StaffSession.token_hash == _digest(token))
    ).first()
    if row is None or not row[1].active:
        return None
    expires = row[0].expires_at
    if expires.tzinfo is None:
        expires = expires.replace(tzinfo=dt.UTC)
    if expires < dt.datetime.now(dt.UTC):
        return None
    return row[1]


def end_session(*, session: Session, token: str) -> None:
    """Sign a desk session out."""
    session.execute(delete(StaffSession).where(StaffSession.token_hash == _digest(token)))


def purge_sessions(*, session: Session) -> int:
    """Delete expired desk sessions; return how many."""
    result = session.execute(
        delete(StaffSession).where(StaffSession.expires_at < dt.datetime.now(dt.UTC))
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def get_user(*, session: Session, user_id: int) -> StaffUser | None:
    """An account by id."""
    return session.get(StaffUser, user_id)


def list_users(*, session: Session) -> list[StaffUser]:
    """Every account, active ones first, then by email."""
    return list(
        session.execute(
            select(StaffUser).order_by(StaffUser.active.desc(), StaffUser.email)
        ).scalars()
    )


def emails_by_id(*, session: Session, ids: set[int]) -> dict[int, str]:
    """The emails of the given accounts, by id."""
    rows = session.execute(select(StaffUser.id, StaffUser.email).where(StaffUser.id.in_(ids)))
    return {int(user_id): str(email) for user_id, email in rows}


def deactivate(*, session: Session, user: StaffUser) -> None:
    """Stop an account: no sign-in, its sessions ended and its API tokens revoked."""
    user.active = False
    session.execute(delete(StaffSession).where(StaffSession.user_id == user.id))
    session.execute(update(ApiToken).where(ApiToken.user_id == user.id).values(revoked=True))
