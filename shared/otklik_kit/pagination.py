"""Cursor pagination: opaque cursors over a stable sort key, with a capped page size."""

import base64
import json
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel, Field

from otklik_kit.errors import UnprocessableEntity

MAX_PAGE_SIZE = 200
T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(
        default=None, description="Pass as `cursor` to get the next page; null on the last page"
    )

    @classmethod
    def of(cls, items: list[T], limit: int, sort_key: Callable[[T], list[Any]]) -> "Page[T]":
        """A full page gets a cursor at its last item's sort key."""
        full = len(items) == limit and items
        return cls(items=items, next_cursor=encode_cursor(sort_key(items[-1])) if full else None)


def encode_cursor(values: list[Any]) -> str:
    raw = json.dumps(values, default=str, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> list[Any] | None:
    if cursor is None:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded))
    except (ValueError, json.JSONDecodeError):
        raise UnprocessableEntity.for_field(
            "cursor", "Invalid cursor", location="query", type_="invalid_cursor"
        ) from None
    if not isinstance(values, list):
        raise UnprocessableEntity.for_field(
            "cursor", "Invalid cursor", location="query", type_="invalid_cursor"
        )
    return values


def decode_time_cursor(cursor: str | None) -> tuple[datetime, uuid.UUID] | None:
    """The (moment, id) a page sorted by a timestamp and an id continues after."""
    values = decode_cursor(cursor)
    if values is None:
        return None
    try:
        moment, row_id = values
        parsed = datetime.fromisoformat(str(moment))
        # in UTC, as the database takes it: a moment beyond the calendar is refused here
        aware = parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)
        return aware, uuid.UUID(str(row_id))
    except (ValueError, OverflowError):
        raise UnprocessableEntity.for_field(
            "cursor", "Invalid cursor", location="query", type_="invalid_cursor"
        ) from None


Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Page size")]
Cursor = Annotated[str | None, Query(max_length=500, description="From `next_cursor`")]
