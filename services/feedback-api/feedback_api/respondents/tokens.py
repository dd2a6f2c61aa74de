"""Server-issued respondent tokens: who answers a survey or rates a touchpoint, as this service
told them, not as a client chose (a client choosing its own could answer as often as it liked).

A token is `v1.<scope>.<issued, unix seconds in base 36>.<nonce>.<HMAC-SHA256, 128 bits>`: the
scope binds it to one survey run (`s…`) or to the rating pages (`p`). Only hashes of tokens
are stored; how many fresh tokens one address gets is limited where they are issued.
"""

import base64
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

VERSION = "v1"
PAGES_SCOPE = "p"
SURVEY_TOKEN_DAYS = 30
PAGES_TOKEN_DAYS = 365
_SIGNATURE_BYTES = 16


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, digit = divmod(number, 36)
        text = digits[digit] + text
        if number == 0:
            return text


def survey_scope(run_code: str) -> str:
    return f"s{run_code}"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class IssuedToken:
    token: str
    expires_at: float


class RespondentTokens:
    def __init__(self, secret: bytes) -> None:
        self._key = hashlib.sha256(b"otklik respondent token\x00" + secret).digest()

    def _signature(self, body: str) -> str:
        return _b64(hmac.digest(self._key, body.encode(), "sha256")[:_SIGNATURE_BYTES])

    def issue(self, scope: str, *, days: int, now: float | None = None) -> IssuedToken:
        issued = int(time.time() if now is None else now)
        body = f"{VERSION}.{scope}.{_base36(issued)}.{_b64(secrets.token_bytes(16))}"
        return IssuedToken(f"{body}.{self._signature(body)}", issued + days * 86400.0)

    def valid(self, token: str, scope: str, *, days: int, now: float | None = None) -> bool:
        """Signed by this service for `scope`, and not older than `days`."""
        body, _, signature = token.rpartition(".")
        parts = body.split(".")
        if len(parts) != 4 or parts[0] != VERSION or parts[1] != scope:
            return False
        if not hmac.compare_digest(signature, self._signature(body)):
            return False
        try:
            issued = int(parts[2], 36)
        except ValueError:
            return False
        moment = time.time() if now is None else now
        return issued - 300 <= moment <= issued + days * 86400
