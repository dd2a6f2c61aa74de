"""A touchpoint is listed once per agency: the same name at the same URL or address is a duplicate.

Names and addresses compare ignoring case, spacing and «ё»; URLs ignoring case of the scheme and
host and a trailing slash. Checked in code under an advisory lock, not by a unique index, so
databases already holding duplicates still migrate.
"""

from urllib.parse import urlsplit, urlunsplit

from sqlalchemy.ext.asyncio import AsyncSession

from otklik_kit.db import lock_for_transaction
from otklik_kit.errors import Duplicate
from plans_api.agencies.integrity import name_key
from plans_api.touchpoints import repository
from plans_api.touchpoints.models import Touchpoint


def url_key(url: str) -> str:
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def _places(url: str | None, address: str | None) -> set[str]:
    places = set()
    if url:
        places.add(f"url:{url_key(url)}")
    if address:
        places.add(f"address:{name_key(address)}")
    return places


async def check_unique(session: AsyncSession, touchpoint: Touchpoint) -> None:
    await lock_for_transaction(session, f"plans.touchpoint:{touchpoint.agency_id}")
    name = name_key(touchpoint.name)
    places = _places(touchpoint.url, touchpoint.address)
    for existing_id, other, url, address in await repository.places_of_agency(
        session, touchpoint.agency_id
    ):
        if existing_id == touchpoint.id or name_key(other) != name:
            continue
        if places & _places(url, address):
            where = touchpoint.url if touchpoint.url else touchpoint.address
            raise Duplicate.of("name", f"Touchpoint {touchpoint.name!r} at {where}", existing_id)
