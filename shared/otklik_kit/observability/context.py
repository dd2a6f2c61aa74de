"""The request id travels in a context variable so every log line and error body can carry it."""

from contextvars import ContextVar

_request_id: ContextVar[str | None] = ContextVar("otklik_request_id", default=None)


def current_request_id() -> str | None:
    return _request_id.get()


def set_request_id(value: str | None) -> None:
    _request_id.set(value)
