"""Issuing, listing, revoking and verifying API keys. Only a hash of each secret is stored."""

import hashlib
import hmac
import re
import secrets
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from otklik_kit.auth.models import ApiKey
from otklik_kit.auth.scopes import Scope

KEY_PREFIX = "otk"
# scheme, host and port as a browser sends them in `Origin` (lower case, no path)
ORIGIN = re.compile(r"https?://[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?")


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: the key's scopes and, for an agency-bound key, its agency."""

    key_id: uuid.UUID
    name: str
    scopes: frozenset[Scope]
    agency_id: uuid.UUID | None
    # a publishable key's allowed web origins: it is used from browsers on those pages only
    origins: frozenset[str] | None = None

    def has(self, scope: Scope) -> bool:
        return Scope.ADMIN in self.scopes or scope in self.scopes

    def sees_agency(self, agency_id: uuid.UUID | None) -> bool:
        return self.agency_id is None or self.agency_id == agency_id

    def listing_agency(self, requested: uuid.UUID | None) -> tuple[bool, uuid.UUID | None]:
        """For a listing filtered by agency: whether it can show anything, and the filter to
        apply (an agency-bound key always lists its own agency only)."""
        if self.agency_id is None:
            return True, requested
        return requested in (None, self.agency_id), self.agency_id


@dataclass(frozen=True, slots=True)
class IssuedKey:
    id: uuid.UUID
    token: str


def _hash(secret: str) -> str:
    # Secrets are 256-bit random, so a fast hash is enough; no password stretching needed.
    return hashlib.sha256(secret.encode()).hexdigest()


def _split(token: str) -> tuple[str, str] | None:
    parts = token.strip().split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_PREFIX or not parts[1] or not parts[2]:
        return None
    return parts[1], parts[2]


def check_publishable(
    scopes: frozenset[Scope], agency_id: uuid.UUID | None, origins: Sequence[str] | None
) -> None:
    """A publishable key holds `feedback:publish` alone, for one agency and its origins; no
    other key has origins. Raises ValueError saying what is wrong."""
    publishable = Scope.FEEDBACK_PUBLISH in scopes
    if publishable and (scopes != {Scope.FEEDBACK_PUBLISH} or agency_id is None or not origins):
        raise ValueError(
            "a publishable key holds feedback:publish alone, with an agency and allowed origins"
        )
    if not publishable and origins:
        raise ValueError("allowed origins are for publishable keys (feedback:publish) only")
    for origin in origins or ():
        if not ORIGIN.fullmatch(origin):
            raise ValueError(
                f"{origin!r} is not a web origin like https://portal.example.ru[:port]"
            )


async def issue_key(
    session: AsyncSession,
    *,
    name: str,
    scopes: frozenset[Scope],
    agency_id: uuid.UUID | None,
    origins: Sequence[str] | None = None,
) -> IssuedKey:
    """Stores the key as given; what may be minted is checked by the CLI and the API."""
    prefix = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    key = ApiKey(
        name=name,
        prefix=prefix,
        secret_hash=_hash(secret),
        scopes=sorted(s.value for s in scopes),
        agency_id=agency_id,
        allowed_origins=sorted(set(origins)) if origins else None,
    )
    session.add(key)
    await session.flush()
    return IssuedKey(id=key.id, token=f"{KEY_PREFIX}_{prefix}_{secret}")


async def list_keys(session: AsyncSession) -> list[ApiKey]:
    return list((await session.scalars(select(ApiKey).order_by(ApiKey.created_at))).all())


async def publishable_keys(session: AsyncSession, agency_id: uuid.UUID | None) -> list[ApiKey]:
    """Active publishable keys, of one agency or of all."""
    stmt = select(ApiKey).where(ApiKey.allowed_origins.is_not(None), ApiKey.revoked_at.is_(None))
    if agency_id is not None:
        stmt = stmt.where(ApiKey.agency_id == agency_id)
    return list((await session.scalars(stmt.order_by(ApiKey.created_at))).all())


async def allowed_origins(session: AsyncSession) -> frozenset[str]:
    """Every origin some active publishable key allows (what a CORS preflight may be told)."""
    stmt = select(func.unnest(ApiKey.allowed_origins)).where(ApiKey.revoked_at.is_(None))
    return frozenset((await session.scalars(stmt.distinct())).all())


async def revoke_key(session: AsyncSession, key_id: uuid.UUID) -> bool:
    result = await session.execute(
        update(ApiKey)
        .where(ApiKey.id == key_id, ApiKey.revoked_at.is_(None))
        .values(revoked_at=datetime.now(UTC))
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def revoke_keys_named(session: AsyncSession, name: str) -> int:
    """Revokes every active key of that name (a service's own key, rotated at each start)."""
    result = await session.execute(
        update(ApiKey)
        .where(ApiKey.name == name, ApiKey.revoked_at.is_(None))
        .values(revoked_at=datetime.now(UTC))
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


class KeyVerifier:
    """Verifies presented tokens; remembers good keys briefly so the hot path skips the DB.

    A revoked key stops working within `cache_seconds`.
    """

    def __init__(
        self, sessionmaker: async_sessionmaker[AsyncSession], *, cache_seconds: float
    ) -> None:
        self._sessionmaker = sessionmaker
        self._cache_seconds = cache_seconds
        self._cache: dict[str, tuple[float, str, Principal]] = {}

    async def verify(self, token: str) -> Principal | None:
        parts = _split(token)
        if parts is None:
            return None
        prefix, secret = parts
        cached = self._cache.get(prefix)
        now = time.monotonic()
        if cached and cached[0] > now:
            _, secret_hash, principal = cached
        else:
            found = await self._load(prefix)
            if found is None:
                self._cache.pop(prefix, None)
                return None
            secret_hash, principal = found
            if self._cache_seconds > 0:
                self._cache[prefix] = (now + self._cache_seconds, secret_hash, principal)
        return principal if hmac.compare_digest(secret_hash, _hash(secret)) else None

    async def _load(self, prefix: str) -> tuple[str, Principal] | None:
        async with self._sessionmaker() as session:
            key = await session.scalar(
                select(ApiKey).where(ApiKey.prefix == prefix, ApiKey.revoked_at.is_(None))
            )
        if key is None:
            return None
        principal = Principal(
            key_id=key.id,
            name=key.name,
            scopes=frozenset(Scope(s) for s in key.scopes),
            agency_id=key.agency_id,
            origins=frozenset(key.allowed_origins) if key.allowed_origins is not None else None,
        )
        return key.secret_hash, principal
