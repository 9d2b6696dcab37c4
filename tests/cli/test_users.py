"""`python -m bot users create|token|demo`: staff accounts from the command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from bot import PROJECT_ROOT
from bot.storage import accounts
from bot.storage.database import make_engine, make_sessionmaker
from bot.storage.models import AuditEntry, StaffUser


def users(
    *args: str, database_url: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m bot users ...` as an operator would, without any NLU configured."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FARO_", "DATABASE_"))}
    env["DATABASE_URL"] = database_url
    # An NLU address that answers nothing: the command must not need one.
    env["FARO_NLU_URL"] = "http://127.0.0.1:9"
    return subprocess.run(
        [sys.executable, "-m", "bot", "users", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=PROJECT_ROOT,
        timeout=120,
        check=False,
    )


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A fresh SQLite database file for the command."""
    return f"sqlite:///{tmp_path / 'users.db'}"


def _check(database_url: str, email: str, *, password: str | None = None, token: str | None = None):  # type: ignore[no-untyped-def]
    engine = make_engine(database_url)
    try:
        with make_sessionmaker(engine).begin() as session:
            if password is not None:
                return accounts.authenticate(session=session, email=email, password=password)
            assert token is not None
            return accounts.user_for_api_token(session=session, token=token)
    finally:
        engine.dispose()


def test_create_prints_a_generated_password_once(db: str) -> None:
    created = users("create", "Ana@Example.org", "--role", "caseworker", database_url=db)
    assert created.returncode == 0, created.stderr
    [password] = created.stdout.split()  # stdout holds the password and nothing else
    assert len(password) >= 16
    user = _check(db, "ana@example.org", password=password)
    assert user is not None and user.role == "caseworker"
    assert password not in created.stderr
    again = users("create", "ana@example.org", "--role", "admin", database_url=db)
    assert again.returncode == 1 and again.stdout == "" and "Not created" in again.stderr
    bad_role = users("create", "b@example.org", "--role", "root", database_url=db)
    assert bad_role.returncode == 2


def test_create_reads_the_password_from_stdin(db: str) -> None:
    created = users(
        "create",
        "eve@example.org",
        "--role",
        "editor",
        "--password-stdin",
        database_url=db,
        stdin="chosen by the operator\n",
    )
    assert created.returncode == 0, created.stderr
    assert created.stdout == ""  # nothing to show: the operator knows it
    assert _check(db, "eve@example.org", password="chosen by the operator") is not None
    short = users(
        "create",
        "f@example.org",
        "--role",
        "editor",
        "--password-stdin",
        database_url=db,
        stdin="x\n",
    )
    assert short.returncode == 1 and "12 characters" in short.stderr


def test_token_prints_a_new_working_token_each_time(db: str) -> None:
    users("create", "ana@example.org", "--role", "caseworker", database_url=db)
    first = users("token", "ana@example.org", database_url=db)
    second = users("token", "ANA@example.org", database_url=db)
    assert first.returncode == 0 and second.returncode == 0, first.stderr
    [token_one], [token_two] = first.stdout.split(), second.stdout.split()
    assert token_one != token_two and token_one.startswith("faro_")
    for token in (token_one, token_two):
        user = _check(db, "", token=token)
        assert user is not None and user.email == "ana@example.org"
    missing = users("token", "nobody@example.org", database_url=db)
    assert missing.returncode == 1 and missing.stdout == ""
    # The audit log says who got an account and a token by id, never by email.
    engine = make_engine(db)
    with make_sessionmaker(engine).begin() as session:
        user_id = session.execute(select(StaffUser.id)).scalar_one()
        lines = session.execute(select(AuditEntry.action, AuditEntry.target)).all()
    engine.dispose()
    assert [tuple(line) for line in lines] == [
        ("account_create", f"user:{user_id}"),
        ("token_issued", f"user:{user_id}"),
        ("token_issued", f"user:{user_id}"),
    ]


def test_demo_makes_one_account_per_role_once(db: str) -> None:
    first = users("demo", database_url=db)
    assert first.returncode == 0, first.stderr
    lines = [line for line in first.stdout.splitlines() if "password:" in line]
    assert [line.split()[0] for line in lines] == ["caseworker", "editor", "admin"]
    for line in lines:
        role, email, _, password = line.split()
        user = _check(db, email, password=password)
        assert user is not None and user.role == role
    second = users("demo", database_url=db)
    assert second.returncode == 0 and "password:" not in second.stdout
    assert second.stdout.count("exists") == 3


def test_keys_new_prints_usable_production_keys() -> None:
    import subprocess
    import sys

    from bot.storage.secrets import parse_data_key

    result = subprocess.run(
        [sys.executable, "-m", "bot", "keys", "new"], capture_output=True, text=True, check=True
    )
    values = dict(line.split("=", 1) for line in result.stdout.split())
    assert len(parse_data_key(values["FARO_DATA_KEY"])) == 32
    assert len(values["FARO_SECRET_KEY"]) >= 48
