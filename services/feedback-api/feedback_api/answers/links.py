"""The private answer link of a feedback: `/a/{token}`, given once, in the receipt.

The token is the feedback's id followed by 128 random bits; only a hash of the random part is
stored, in the feedback's row, so the link is found with one partition read (the id is a UUIDv7)
and a copy of the database does not open anyone's answer. An idempotent replay must hand back
the same link, so the receipt kept with an idempotency key holds the random part masked with a
keyed pseudo-random pad unique to the feedback (HMAC-SHA256 of its id), never in the clear.
"""

import base64
import binascii
import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass

ANSWER_PREFIX = "/a/"
SECRET_BYTES = 16
TOKEN_LENGTH = 43  # url-safe base64 of 32 bytes, unpadded


def _encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def parse_token(token: str) -> tuple[uuid.UUID, bytes] | None:
    """The feedback id and the random part of a token; None for anything malformed."""
    if len(token) != TOKEN_LENGTH:
        return None
    try:
        raw = base64.urlsafe_b64decode(token + "=")
    except (binascii.Error, ValueError):
        return None
    if len(raw) != 16 + SECRET_BYTES or _encode(raw) != token:
        return None
    return uuid.UUID(bytes=raw[:16]), raw[16:]


def secret_hash(secret: bytes) -> str:
    return hashlib.sha256(secret).hexdigest()


def matches(secret: bytes, stored_hash: str | None) -> bool:
    return stored_hash is not None and hmac.compare_digest(secret_hash(secret), stored_hash)


def answer_path(token: str) -> str:
    return f"{ANSWER_PREFIX}{token}"


@dataclass(frozen=True, slots=True)
class IssuedLink:
    token: str
    secret_hash: str


class AnswerLinks:
    """Issues tokens and builds their URLs (absolute when PUBLIC_BASE_URL is set)."""

    def __init__(self, *, base_url: str | None, mask_key: bytes) -> None:
        self._base = (base_url or "").rstrip("/")
        self._mask_key = hashlib.sha256(b"otklik answer link mask\x00" + mask_key).digest()

    def issue(self, feedback_id: uuid.UUID) -> IssuedLink:
        secret = secrets.token_bytes(SECRET_BYTES)
        return IssuedLink(_encode(feedback_id.bytes + secret), secret_hash(secret))

    def url(self, token: str) -> str:
        return self._base + answer_path(token)

    def mask(self, token: str) -> str:
        """The token to keep for a replay: its random part masked (the mask is its own
        inverse, so masking the result restores the token)."""
        raw = base64.urlsafe_b64decode(token + "=")
        pad = hmac.digest(self._mask_key, raw[:16], "sha256")
        masked = int.from_bytes(raw[16:]) ^ int.from_bytes(pad[:SECRET_BYTES])
        return _encode(raw[:16] + masked.to_bytes(SECRET_BYTES))

    def unmask_url(self, url: str) -> str:
        head, _, token = url.rpartition(ANSWER_PREFIX)
        if parse_token(token) is None:
            return url
        return f"{head}{ANSWER_PREFIX}{self.mask(token)}"
