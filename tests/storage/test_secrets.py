"""Personal data at rest: AES-GCM sealing, key handling, and refusal without a real key."""

from __future__ import annotations

import base64
import stat
from pathlib import Path

import pytest

from bot.settings import Settings
from bot.storage.secrets import (
    DataCipher,
    DataKeyError,
    DecryptionError,
    cipher_from_settings,
    new_data_key,
    parse_data_key,
)


def _cipher() -> DataCipher:
    return DataCipher(parse_data_key(new_data_key()))


@pytest.mark.parametrize("value", ["Ana", "", "名前 🙂 Łódź", "x" * 10_000, "\u202e\u200b"])
def test_values_round_trip(value: str) -> None:
    cipher = _cipher()
    sealed = cipher.seal(value, where="t.c")
    assert value.encode() not in sealed or not value
    assert cipher.open(sealed, where="t.c") == value


def test_the_same_value_seals_differently_each_time() -> None:
    cipher = _cipher()
    assert cipher.seal("Ana", where="t.c") != cipher.seal("Ana", where="t.c")


def test_a_value_does_not_open_in_another_column_with_another_key_or_tampered() -> None:
    cipher = _cipher()
    sealed = cipher.seal("Ana", where="handoff_requests.name")
    with pytest.raises(DecryptionError):
        cipher.open(sealed, where="handoff_requests.phone")
    with pytest.raises(DecryptionError):
        _cipher().open(sealed, where="handoff_requests.name")
    tampered = sealed[:-1] + bytes([sealed[-1] ^ 1])
    with pytest.raises(DecryptionError):
        cipher.open(tampered, where="handoff_requests.name")
    with pytest.raises(DecryptionError):
        cipher.open(b"short", where="handoff_requests.name")


@pytest.mark.parametrize(
    "key",
    [
        "not base64 !!",
        base64.urlsafe_b64encode(b"x" * 16).decode(),  # too short
        base64.urlsafe_b64encode(bytes(32)).decode(),  # all zeros: a copied example
        "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=",  # "AAAA..."
    ],
)
def test_bad_keys_are_refused(key: str) -> None:
    with pytest.raises(DataKeyError):
        parse_data_key(key)


def test_production_refuses_to_start_without_a_key(tmp_path: Path) -> None:
    with pytest.raises(DataKeyError):
        cipher_from_settings(
            data_key=None, is_development=False, development_key_path=tmp_path / "k"
        )
    assert not (tmp_path / "k").exists()


def test_placeholder_keys_are_refused_by_the_settings() -> None:
    with pytest.raises(ValueError):
        Settings(_env_file=None, FARO_DATA_KEY="changeme")


def test_development_creates_a_private_key_once(tmp_path: Path) -> None:
    path = tmp_path / "var" / "faro.key"
    first = cipher_from_settings(data_key=None, is_development=True, development_key_path=path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    sealed = first.seal("Ana", where="t.c")
    again = cipher_from_settings(data_key=None, is_development=True, development_key_path=path)
    assert again.open(sealed, where="t.c") == "Ana"


def test_the_service_refuses_production_without_a_key(tmp_path: Path) -> None:
    from bot.service import data_cipher

    settings = Settings(
        _env_file=None,
        DATABASE_URL=f"sqlite:///{tmp_path / 'faro.db'}",
        FARO_ENV="production",
    )
    with pytest.raises(DataKeyError):
        data_cipher(settings)
