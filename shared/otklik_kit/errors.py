"""Domain errors: each carries its HTTP status and a stable code; handlers render problem+json."""

from typing import Any

from otklik_shared.problem import FieldError


class DomainError(Exception):
    status: int = 400
    code: str = "bad_request"
    title: str = "Bad request"

    def __init__(
        self,
        detail: str | None = None,
        *,
        errors: list[FieldError] | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail
        self.errors = errors
        self.headers = headers or {}
        self.extra = extra or {}


class Unauthorized(DomainError):
    status = 401
    code = "unauthorized"
    title = "Authentication required"

    def __init__(self, detail: str | None = None) -> None:
        super().__init__(detail, headers={"WWW-Authenticate": 'Bearer realm="otklik"'})


class Forbidden(DomainError):
    status = 403
    code = "forbidden"
    title = "Not allowed"


class NotFound(DomainError):
    status = 404
    code = "not_found"
    title = "Not found"


class Conflict(DomainError):
    status = 409
    code = "conflict"
    title = "Conflict with the current state"


class PayloadTooLarge(DomainError):
    status = 413
    code = "payload_too_large"
    title = "Request body too large"


class UnprocessableEntity(DomainError):
    status = 422
    code = "validation_error"
    title = "Request validation failed"

    @classmethod
    def for_field(
        cls, field: str, message: str, *, type_: str = "invalid", location: str = "body"
    ) -> "UnprocessableEntity":
        error = FieldError(location=location, field=field, message=message, type=type_)
        return cls(f"{location}.{field}: {message}", errors=[error])


class TooManyRequests(DomainError):
    status = 429
    code = "rate_limited"
    title = "Too many requests"

    def __init__(self, retry_after_seconds: int, detail: str | None = None) -> None:
        super().__init__(detail, headers={"Retry-After": str(retry_after_seconds)})


class ServiceUnavailable(DomainError):
    status = 503
    code = "service_unavailable"
    title = "Service temporarily unavailable"

    def __init__(self, detail: str | None = None, *, retry_after_seconds: int = 5) -> None:
        super().__init__(detail, headers={"Retry-After": str(retry_after_seconds)})


class Duplicate(Conflict):
    """The thing exists already; the problem names the existing one's id."""

    code = "duplicate"
    title = "Already exists"

    @classmethod
    def of(cls, field: str, what: str, existing_id: object) -> "Duplicate":
        message = f"{what} already exists: {existing_id}"
        error = FieldError(location="body", field=field, message=message, type="duplicate")
        return cls(message, errors=[error], extra={"existing_id": str(existing_id)})
