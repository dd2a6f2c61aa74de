"""Each API key's webhook endpoint: registered by the key itself, with a secret shown once."""

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.crypto import SecretBox
from feedback_api.webhooks import repository
from feedback_api.webhooks.addresses import RefusedAddress, check_resolved
from feedback_api.webhooks.models import WebhookAttempt, WebhookEndpoint
from feedback_api.webhooks.schemas import (
    URL_MAX_LENGTH,
    WebhookEndpointCreated,
    WebhookEndpointIn,
)
from feedback_api.webhooks.signing import new_secret
from otklik_kit.auth.keys import Principal
from otklik_kit.errors import NotFound, UnprocessableEntity


async def register_endpoint(
    session: AsyncSession,
    principal: Principal,
    data: WebhookEndpointIn,
    *,
    box: SecretBox,
    require_https: bool,
    public_only: bool,
) -> WebhookEndpointCreated:
    """Sets the key's URL with a new secret: registering again rotates the secret at once."""
    if require_https and data.url.scheme != "https":
        raise UnprocessableEntity.for_field("url", "Webhooks need an https:// URL", type_="scheme")
    url = str(data.url)
    if len(url) > URL_MAX_LENGTH:
        raise UnprocessableEntity.for_field(
            "url", f"At most {URL_MAX_LENGTH} characters", type_="string_too_long"
        )
    await _check_address(url, public_only=public_only)
    secret = new_secret()
    endpoint = await repository.endpoint(session, principal.key_id)
    if endpoint is None:
        endpoint = WebhookEndpoint(api_key_id=principal.key_id)
        session.add(endpoint)
    endpoint.url = url
    endpoint.secret_ciphertext = box.seal(secret.encode())
    endpoint.active = True
    await session.flush()
    await session.refresh(endpoint)
    return WebhookEndpointCreated(
        url=endpoint.url,
        active=endpoint.active,
        created_at=endpoint.created_at,
        updated_at=endpoint.updated_at,
        secret=secret,
    )


async def _check_address(url: str, *, public_only: bool) -> None:
    try:
        if public_only:
            # a name that does not resolve now is left to the check at each delivery
            await check_resolved(url, public_only=True)
    except RefusedAddress as refused:
        raise UnprocessableEntity.for_field("url", str(refused), type_="address") from None
    except OSError:
        return


async def get_endpoint(session: AsyncSession, principal: Principal) -> WebhookEndpoint:
    endpoint = await repository.endpoint(session, principal.key_id)
    if endpoint is None:
        raise NotFound("This key has no webhook endpoint")
    return endpoint


async def remove_endpoint(session: AsyncSession, principal: Principal) -> None:
    """Answers still queued for it are dropped at their next try."""
    await session.delete(await get_endpoint(session, principal))
    await session.flush()


async def list_attempts(
    session: AsyncSession,
    principal: Principal,
    *,
    feedback_id: uuid.UUID | None,
    after: tuple[datetime, uuid.UUID] | None,
    limit: int,
) -> Sequence[WebhookAttempt]:
    return await repository.attempts(
        session, principal.key_id, feedback_id=feedback_id, after=after, limit=limit
    )
