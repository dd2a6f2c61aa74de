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
