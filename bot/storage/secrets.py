"""Personal data at rest: AES-GCM from the `cryptography` library, one key from settings.

Every value is sealed with a fresh 96-bit nonce and bound to where it is stored (table and
column) as associated data, so a ciphertext copied into another column does not open.
The first byte is a format version, so the key can be rotated later without guessing.
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger(__name__)

FORMAT_VERSION = b"\x01"
NONCE_BYTES = 12
KEY_BYTES = 32


class DataKeyError(ValueError):
    """The data key is missing, malformed or a placeholder where a real one is required."""


class DecryptionError(ValueError):
    """A stored value does not open with this key (wrong key, wrong column, or tampered)."""


def new_data_key() -> str:
    """A fresh key for FARO_DATA_KEY, urlsafe base64 of 32 random bytes."""
    return base64.urlsafe_b64encode(secrets.token_bytes(KEY_BYTES)).decode("ascii")


def parse_data_key(value: str) -> bytes:
    """Decode a FARO_DATA_KEY value into 32 key bytes, refusing anything else."""
    try:
        raw = base64.urlsafe_b64decode(value.strip().encode("ascii"))
    except (binascii.Error, ValueError, UnicodeEncodeError) as exc:
        raise DataKeyError("FARO_DATA_KEY must be urlsafe base64 of 32 bytes") from exc
    if len(raw) != KEY_BYTES:
        raise DataKeyError(f"FARO_DATA_KEY must decode to {KEY_BYTES} bytes, not {len(raw)}")
    if len(set(raw)) < 8:
        # All zeros, "AAAA...", and similar copied examples.
        raise DataKeyError("FARO_DATA_KEY looks like a placeholder; generate one")
    return raw


def development_key(path: Path) -> bytes:
    """The local development key, created once (mode 0600) beside the development database."""
    if path.exists():
        return parse_data_key(path.read_text(encoding="ascii"))
    path.parent.mkdir(parents=True, exist_ok=True)
    key = new_data_key()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key)
    log.warning(
        "development: created a local data key in %s (set FARO_DATA_KEY in production)", path
    )
    return parse_data_key(key)


class DataCipher:
    """Seals and opens personal data; the associated data names where a value lives."""

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise DataKeyError(f"the data key must be {KEY_BYTES} bytes")
        self._aead = AESGCM(key)

    def seal(self, plaintext: str, *, where: str) -> bytes:
        """Encrypt `plaintext` for the column named by `where` (e.g. "handoff_requests.name")."""
        nonce = secrets.token_bytes(NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, plaintext.encode("utf-8"), where.encode("ascii"))
        return FORMAT_VERSION + nonce + sealed

    def open(self, ciphertext: bytes, *, where: str) -> str:
        """Decrypt a value sealed for the same `where`."""
        if len(ciphertext) < 1 + NONCE_BYTES + 16 or ciphertext[:1] != FORMAT_VERSION:
            raise DecryptionError("not a sealed value")
        nonce = ciphertext[1 : 1 + NONCE_BYTES]
        try:
            plain = self._aead.decrypt(nonce, ciphertext[1 + NONCE_BYTES :], where.encode("ascii"))
        except InvalidTag as exc:
            raise DecryptionError("the value does not open with this key") from exc
        return plain.decode("utf-8")

    def seal_optional(self, plaintext: str | None, *, where: str) -> bytes | None:
        """Like seal, passing None (and empty text) through as None."""
        return self.seal(plaintext, where=where) if plaintext else None

    def open_optional(self, ciphertext: bytes | None, *, where: str) -> str | None:
        """Like open, passing None through."""
        return None if ciphertext is None else self.open(ciphertext, where=where)


def cipher_from_settings(
    *, data_key: str | None, is_development: bool, development_key_path: Path
) -> DataCipher:
    """The cipher the service uses; outside development a real FARO_DATA_KEY is required."""
    if data_key:
        return DataCipher(parse_data_key(data_key))
    if not is_development:
        raise DataKeyError(
            "FARO_DATA_KEY is not set; personal data must be encrypted with a real key "
            "(make one with: python -m bot keys new)"
        )
    return DataCipher(development_key(development_key_path))
