"""Signed links to the dashboard page, so an operator opens it in a browser without putting an
API key in a URL. A link lives minutes and is traded at once for a session cookie that lives
hours; both are signed with the key's own stored hash, so revoking the key ends them."""

import base64
import hashlib
import hmac
import json
import time
import uuid
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from otklik_kit.auth.keys import Principal
from otklik_kit.auth.models import ApiKey
from otklik_kit.auth.scopes import Scope

LINK_SECONDS = 300
SESSION_SECONDS = 12 * 3600


class Purpose(StrEnum):
    LINK = "link"
    SESSION = "session"


@dataclass(frozen=True, slots=True)
class Grant:
    """What a link or a session lets its holder see."""

    key_id: uuid.UUID
    agency_id: uuid.UUID | None
    service_id: uuid.UUID | None
    expires: int  # Unix seconds


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(secret_hash: str, purpose: Purpose, body: str) -> str:
    digest = hmac.new(secret_hash.encode(), f"{purpose.value}.{body}".encode(), hashlib.sha256)
    return _b64(digest.digest())


async def _live_key(session: AsyncSession, key_id: uuid.UUID) -> ApiKey | None:
    return await session.scalar(
        select(ApiKey).where(ApiKey.id == key_id, ApiKey.revoked_at.is_(None))
    )


async def mint(session: AsyncSession, grant: Grant, purpose: Purpose) -> str | None:
    """A token for the grant; None when the principal is not an API key (an OIDC operator
    has no stored key to sign with)."""
    key = await _live_key(session, grant.key_id)
    if key is None:
        return None
    body = _b64(
        json.dumps(
            {
                "k": str(grant.key_id),
                "a": str(grant.agency_id) if grant.agency_id else None,
                "s": str(grant.service_id) if grant.service_id else None,
                "e": grant.expires,
            },
            separators=(",", ":"),
        ).encode()
    )
    return f"{body}.{_signature(key.secret_hash, purpose, body)}"


def expiry(seconds: int) -> int:
    return int(time.time()) + seconds


async def verify(
    session: AsyncSession, token: str, purpose: Purpose
) -> tuple[Grant, Principal] | None:
    """The grant and the key's principal, if the token is well signed, unexpired, of this
    purpose, and its key is still live and may read reports."""
    try:
        body, signature = token.split(".", 1)
        fields = json.loads(_unb64(body))
        grant = Grant(
            key_id=uuid.UUID(fields["k"]),
            agency_id=uuid.UUID(fields["a"]) if fields["a"] else None,
            service_id=uuid.UUID(fields["s"]) if fields["s"] else None,
            expires=int(fields["e"]),
        )
    except (ValueError, KeyError, TypeError):
        return None
    if grant.expires < time.time():
        return None
    key = await _live_key(session, grant.key_id)
    if key is None or not hmac.compare_digest(
        signature, _signature(key.secret_hash, purpose, body)
    ):
        return None
    principal = Principal(
        key_id=key.id,
        name=key.name,
        scopes=frozenset(Scope(s) for s in key.scopes),
        agency_id=key.agency_id,
    )
    return (grant, principal) if principal.has(Scope.REPORTS_READ) else None
