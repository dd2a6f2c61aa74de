from fastapi import APIRouter

API_PREFIX = "/api/v1"


def api_router(resource: str, *, tag: str) -> APIRouter:
    """A router whose routes carry their full path (metrics label requests by that template)."""
    return APIRouter(prefix=f"{API_PREFIX}/{resource}", tags=[tag])
