"""Encryption at rest of what must be read back: contacts and webhook signing secrets."""

import base64
import hashlib
import logging
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken

from feedback_api.config import FeedbackSettings

logger = logging.getLogger("otklik.crypto")

# Used only outside production when no key is configured; never protects real data.
_DEVELOPMENT_KEY = base64.urlsafe_b64encode(hashlib.sha256(b"otklik-development-only").digest())


class SecretBox:
    def __init__(self, key: bytes) -> None:
        self._fernet = Fernet(key)

    def seal(self, plain: bytes) -> bytes:
        return self._fernet.encrypt(plain)

    def open(self, sealed: bytes) -> bytes:
        try:
            return self._fernet.decrypt(sealed)
        except InvalidToken:
            raise ValueError("cannot decrypt: wrong CONTACTS_ENCRYPTION_KEY") from None


@lru_cache(maxsize=4)
def _box(key: bytes) -> SecretBox:
    if key == _DEVELOPMENT_KEY:
        logger.warning("CONTACTS_ENCRYPTION_KEY is not set: using the development key")
    return SecretBox(key)


def secret_box(settings: FeedbackSettings) -> SecretBox:
    configured = settings.contacts_encryption_key
    if configured is None:
        return _box(_DEVELOPMENT_KEY)
    return _box(configured.get_secret_value().encode())
