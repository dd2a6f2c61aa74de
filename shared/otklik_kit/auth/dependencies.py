"""The one auth dependency: `Authorization: Bearer KEY` or `X-API-Key: KEY`, then scopes."""

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader, HTTPBearer

from otklik_kit.auth.keys import KEY_PREFIX, KeyVerifier, Principal
from otklik_kit.auth.oidc import OidcVerifier
from otklik_kit.auth.scopes import Scope
from otklik_kit.auth.throttle import KeyThrottle
from otklik_kit.door import presented_token
from otklik_kit.errors import Forbidden, Unauthorized


class _Credentials(HTTPBearer):
    """Declares both ways of sending a key in the OpenAPI document; reads them with the one
    parser the fast path uses too (`otklik_kit.door.presented_token`)."""

    async def __call__(self, request: Request) -> str | None:  # type: ignore[override]
        headers = request.headers
        return presented_token(headers.get("authorization"), headers.get("x-api-key"))


CREDENTIALS = _Credentials(
    scheme_name="HTTPBearer",
    auto_error=False,
    description="API key as `Authorization: Bearer KEY`, or an operator's JWT from the "
    "agency's OIDC provider (when configured)",
)
# declared for the document only: CREDENTIALS reads X-API-Key too
API_KEY_HEADER = APIKeyHeader(
    name="X-API-Key", auto_error=False, description="API key as `X-API-Key: KEY`"
)


async def authenticate(
    request: Request,
    token: Annotated[str | None, Security(CREDENTIALS)],
    _header: Annotated[str | None, Security(API_KEY_HEADER)],
) -> Principal:
    if not token:
        raise Unauthorized("Send an API key as `Authorization: Bearer KEY` or `X-API-Key: KEY`")
    oidc: OidcVerifier | None = request.app.state.oidc_verifier
    if oidc is not None and not token.startswith(KEY_PREFIX) and token.count(".") == 2:
        principal = await oidc.verify(token)
        if principal is None:
            raise Unauthorized("The bearer token is invalid, expired or not for this service")
    else:
        verifier: KeyVerifier = request.app.state.key_verifier
        principal = await verifier.verify(token)
        if principal is None:
            raise Unauthorized("The API key is unknown or revoked")
    throttle: KeyThrottle | None = request.app.state.throttle
    if throttle is not None:
        throttle.check(principal.key_id)
    request.state.principal = principal
    return principal


@dataclass(frozen=True)
class ScopeCheck:
    """The dependency that lets in a key holding one of `any_of`. The OpenAPI post-processing
    reads it to write each operation's scopes into its security requirements."""

    any_of: tuple[Scope, ...]

    async def __call__(self, principal: Annotated[Principal, Depends(authenticate)]) -> Principal:
        if not any(principal.has(scope) for scope in self.any_of):
            if len(self.any_of) == 1:
                raise Forbidden(f"This operation needs the `{self.any_of[0].value}` scope")
            names = ", ".join(f"`{scope.value}`" for scope in self.any_of)
            raise Forbidden(f"This operation needs one of the scopes {names}")
        return principal


def require(scope: Scope) -> ScopeCheck:
    return ScopeCheck((scope,))


def require_any(*scopes: Scope) -> ScopeCheck:
    """Passes a key holding at least one of the scopes."""
    return ScopeCheck(scopes)


Authenticated = Annotated[Principal, Depends(authenticate)]
PlansReader = Annotated[Principal, Depends(require(Scope.PLANS_READ))]
PlansWriter = Annotated[Principal, Depends(require(Scope.PLANS_WRITE))]
FeedbackReader = Annotated[Principal, Depends(require(Scope.FEEDBACK_READ))]
FeedbackWriter = Annotated[Principal, Depends(require(Scope.FEEDBACK_WRITE))]
FeedbackReviewer = Annotated[Principal, Depends(require(Scope.FEEDBACK_REVIEW))]
ContactsReader = Annotated[Principal, Depends(require(Scope.FEEDBACK_CONTACTS))]
ReportsReader = Annotated[Principal, Depends(require(Scope.REPORTS_READ))]
Admin = Annotated[Principal, Depends(require(Scope.ADMIN))]
