"""Operators signed in at their agency's identity provider: a bearer JWT checked against the
provider's JWKS, its scopes and agency taken from claims, mapped to the same Principal as a key."""

import asyncio
import logging
import time
import uuid
from typing import Any

import httpx
import jwt

from otklik_kit.auth.keys import Principal
from otklik_kit.auth.scopes import Scope
from otklik_kit.settings import KitSettings

logger = logging.getLogger("otklik.auth")

ALGORITHMS = ["RS256", "RS384", "RS512", "ES256", "ES384", "PS256"]
JWKS_TTL_SECONDS = 600
# a token signed with a key we do not know yet makes us refetch the JWKS, at most this often
REFETCH_MIN_SECONDS = 30
LEEWAY_SECONDS = 30


class OidcVerifier:
    def __init__(self, *, issuer: str, jwks_url: str, settings: KitSettings) -> None:
        self._issuer = issuer
        self._jwks_url = jwks_url
        self._audience = settings.oidc_audience
        self._scopes_claim = settings.oidc_scopes_claim
        self._agency_claim = settings.oidc_agency_claim
        self._keys: dict[str, jwt.PyJWK] = {}
        self._fetched_at = 0.0
        self._lock = asyncio.Lock()

    async def verify(self, token: str) -> Principal | None:
        try:
            header = jwt.get_unverified_header(token)
            key = await self._key(str(header.get("kid", "")))
            if key is None:
                return None
            claims: dict[str, Any] = jwt.decode(
                token,
                key=key,
                algorithms=ALGORITHMS,
                issuer=self._issuer,
                audience=self._audience,
                leeway=LEEWAY_SECONDS,
                options={"require": ["exp", "iss", "sub"]},
            )
        except (jwt.PyJWTError, httpx.HTTPError, ValueError) as exc:
            logger.info("bearer token refused: %s", type(exc).__name__)
            return None
        return self._principal(claims)

    def _principal(self, claims: dict[str, Any]) -> Principal | None:
        raw = claims.get(self._scopes_claim, [])
        names = raw.split() if isinstance(raw, str) else list(raw)
        scopes = frozenset(Scope(n) for n in names if n in Scope._value2member_map_)
        agency: uuid.UUID | None = None
        if (value := claims.get(self._agency_claim)) is not None:
            try:
                agency = uuid.UUID(str(value))
            except ValueError:
                return None
        subject = str(claims["sub"])
        return Principal(
            # stable per person: answers, access logs and idempotency keys hang on it
            key_id=uuid.uuid5(uuid.NAMESPACE_URL, f"{self._issuer}#{subject}"),
            name=f"oidc:{subject}",
            scopes=scopes,
            agency_id=agency,
        )

    async def _key(self, kid: str) -> jwt.PyJWK | None:
        fresh = time.monotonic() - self._fetched_at < JWKS_TTL_SECONDS
        if kid in self._keys and fresh:
            return self._keys[kid]
        async with self._lock:
            since = time.monotonic() - self._fetched_at
            stale = kid not in self._keys or since >= JWKS_TTL_SECONDS
            if stale and (since >= REFETCH_MIN_SECONDS or not self._keys):
                await self._fetch()
        return self._keys.get(kid)

    async def _fetch(self) -> None:
        async with httpx.AsyncClient(timeout=5) as client:
            response = await client.get(self._jwks_url)
            response.raise_for_status()
        keys = jwt.PyJWKSet.from_dict(response.json()).keys
        self._keys = {str(key.key_id): key for key in keys}
        self._fetched_at = time.monotonic()
