"""The rules a request meets at the door, written once for both doors: FastAPI's stack (the auth
dependency, the body size limit, the unstorable-text guard) and a hot route's fast path that
stands in front of it (feedback-api's `POST /api/v1/feedback`).

What the fast path cannot decide as cheaply as the stack (a body that may hold unstorable text,
an OIDC token, a chunked body), it hands on to the stack; `otklik_kit.layers` refuses to start an
app whose stack holds a layer its fast path does not apply."""

from dataclasses import dataclass

from otklik_kit.text_guard import SUSPECT

MULTIPART = b"multipart/form-data"


def presented_token(authorization: str | None, api_key: str | None) -> str | None:
    """The credentials of a request: `Authorization: Bearer TOKEN` (any case of the scheme,
    spaces around the token dropped, as FastAPI's HTTPBearer reads it), else `X-API-Key: TOKEN`;
    None when neither holds a token."""
    if authorization:
        scheme, _, token = authorization.partition(" ")
        token = token.strip()
        if scheme.lower() == "bearer" and token:
            return token
    return api_key or None


@dataclass(frozen=True, slots=True)
class BodyLimit:
    """How big a body may be: JSON bodies `max_json_bytes`; file uploads (multipart) and bulk
    endpoints `max_upload_bytes`."""

    max_json_bytes: int
    max_upload_bytes: int
    bulk_paths: frozenset[str] = frozenset()

    def limit(self, path: str, content_type: bytes | None) -> int:
        large = (content_type is not None and content_type.startswith(MULTIPART)) or (
            path in self.bulk_paths
        )
        return self.max_upload_bytes if large else self.max_json_bytes

    @staticmethod
    def declared(length: bytes | None) -> int | None:
        """A Content-Length the server holds the body to, or None (absent or malformed)."""
        return int(length) if length is not None and length.isdigit() else None


def may_hold_unstorable_text(body: bytes) -> bool:
    """Whether the text guard must look into the body (a cheap look at the raw bytes)."""
    return SUSPECT.search(body) is not None
