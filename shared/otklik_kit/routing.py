from typing import Any
from urllib.parse import quote

from fastapi import APIRouter

API_PREFIX = "/api/v1"


def api_router(resource: str, *, tag: str) -> APIRouter:
    """A router whose routes carry their full path (metrics label requests by that template)."""
    return APIRouter(prefix=f"{API_PREFIX}/{resource}", tags=[tag])


def content_disposition(filename: str) -> str:
    """An attachment header that keeps Cyrillic file names (RFC 6266 / 5987)."""
    ascii_name = filename.encode("ascii", "replace").decode().replace('"', "")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def file_response(description: str, *media_types: str) -> dict[int | str, dict[str, Any]]:
    """The 200 of a route that sends a file, declared as a binary string of each media type it
    may carry (generated clients then hand back the bytes)."""
    binary = {"schema": {"type": "string", "format": "binary"}}
    return {200: {"description": description, "content": dict.fromkeys(media_types, binary)}}
