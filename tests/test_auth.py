"""API keys: deny by default, scopes enforced, agency binding isolates data, secrets hashed."""

import uuid

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from otklik_kit.auth.keys import revoke_key
from otklik_kit.auth.models import ApiKey
from otklik_kit.auth.scopes import Scope
from tests.conftest import KeyMaker, bearer

AGENCY = {"name": "Министерство цифрового развития Республики Примерной", "level": "regional"}


async def _create_agency(
    client: httpx.AsyncClient, headers: dict[str, str], name: str
) -> uuid.UUID:
    response = await client.post("/api/v1/agencies", json={**AGENCY, "name": name}, headers=headers)
    assert response.status_code == 201, response.text
    return uuid.UUID(response.json()["id"])


async def test_no_key_is_401_with_challenge(plans: httpx.AsyncClient) -> None:
    response = await plans.get("/api/v1/agencies")

    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.json()["code"] == "unauthorized"


async def test_unknown_and_malformed_keys_are_401(plans: httpx.AsyncClient) -> None:
    forged = await plans.get("/api/v1/agencies", headers=bearer("otk_abcdef123456_forged"))
    garbage = await plans.get("/api/v1/agencies", headers=bearer("hello"))

    assert forged.status_code == 401
    assert garbage.status_code == 401


async def test_key_works_as_bearer_and_as_x_api_key(
    plans: httpx.AsyncClient, make_key: KeyMaker
) -> None:
    token = await make_key(Scope.PLANS_READ)

    as_bearer = await plans.get("/api/v1/agencies", headers=bearer(token))
    as_header = await plans.get("/api/v1/agencies", headers={"X-API-Key": token})

    assert as_bearer.status_code == 200
    assert as_header.status_code == 200


async def test_missing_scope_is_403(plans: httpx.AsyncClient, make_key: KeyMaker) -> None:
    feedback_only = await make_key(Scope.FEEDBACK_WRITE)
    reader = await make_key(Scope.PLANS_READ)

    read = await plans.get("/api/v1/agencies", headers=bearer(feedback_only))
    create = await plans.post("/api/v1/agencies", json=AGENCY, headers=bearer(reader))

    assert read.status_code == 403
    assert "plans:read" in read.json()["detail"]
    assert create.status_code == 403
    assert "admin" in create.json()["detail"]


async def test_revoked_key_stops_working(
    plans: httpx.AsyncClient,
    make_key: KeyMaker,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    token = await make_key(Scope.PLANS_READ)
    assert (await plans.get("/api/v1/agencies", headers=bearer(token))).status_code == 200
    async with sessionmaker() as session, session.begin():
        key = await session.scalar(select(ApiKey).where(ApiKey.prefix == token.split("_")[1]))
        assert key is not None
        assert await revoke_key(session, key.id)

    response = await plans.get("/api/v1/agencies", headers=bearer(token))

    assert response.status_code == 401


async def test_only_a_hash_of_the_secret_is_stored(
    make_key: KeyMaker, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    token = await make_key(Scope.ADMIN)
    secret = token.split("_", 2)[2]

    async with sessionmaker() as session:
        stored = (await session.scalars(select(ApiKey))).one()

    assert secret not in stored.secret_hash
    assert len(stored.secret_hash) == 64


async def test_agency_bound_key_sees_only_its_agency(
    plans: httpx.AsyncClient, admin_headers: dict[str, str], make_key: KeyMaker
) -> None:
    own = await _create_agency(plans, admin_headers, "Министерство здравоохранения")
    other = await _create_agency(plans, admin_headers, "Министерство образования")
    key = bearer(await make_key(Scope.PLANS_READ, Scope.PLANS_WRITE, agency_id=own))

    listing = await plans.get("/api/v1/agencies", headers=key)
    read_other = await plans.get(f"/api/v1/agencies/{other}", headers=key)
    write_other = await plans.patch(
        f"/api/v1/agencies/{other}", json={"short_name": "захват"}, headers=key
    )
    write_own = await plans.patch(
        f"/api/v1/agencies/{own}", json={"short_name": "Минздрав"}, headers=key
    )

    assert [a["id"] for a in listing.json()["items"]] == [str(own)]
    assert read_other.status_code == 404
    assert write_other.status_code == 404
    assert write_own.status_code == 200
    assert write_own.json()["short_name"] == "Минздрав"
