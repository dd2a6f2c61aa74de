"""Publishable keys of portal widgets through the HTTP API: minted by an operator, good only for
posting feedback for their agency from their origins, CORS for those origins alone."""

import asyncio
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from prometheus_client import REGISTRY

from feedback_api.app import create_app
from feedback_api.config import FeedbackSettings
from otklik_kit.auth.scopes import Scope
from tests.conftest import KeyMaker, bearer, running
from tests.feedback_helpers import Catalog, feedback_body
from tests.http_helpers import assert_no_content
from tests.test_cli import otklik
from tests.widget_helpers import PORTAL, mint_publishable, operator_of

EVIL = "https://evil.example.com"


def browser(token: str, origin: str = PORTAL) -> dict[str, str]:
    return {"X-API-Key": token, "Origin": origin}


def served_fast() -> float:
    return REGISTRY.get_sample_value("otklik_ingest_path_total", {"path": "fast"}) or 0.0


async def stored(feedback: httpx.AsyncClient, operator: dict[str, str]) -> int:
    response = await feedback.get("/api/v1/feedback", headers=operator)
    assert response.status_code == 200, response.text
    return len(response.json()["items"])


async def test_publishable_key_posts_for_its_agency_from_its_origin_and_nothing_else(
    feedback: httpx.AsyncClient, catalog: Catalog, make_key: KeyMaker
) -> None:
    operator = await operator_of(make_key, catalog)
    key = await mint_publishable(feedback, operator)
    assert key["agency_id"] == catalog.agency_id
    assert key["origins"] == [PORTAL]
    listed = await feedback.get("/api/v1/outreach/publishable-keys", headers=operator)
    assert [k["id"] for k in listed.json()] == [key["id"]]
    assert "token" not in listed.json()[0]

    before = served_fast()
    posted = await feedback.post(
        "/api/v1/feedback", json=feedback_body(catalog), headers=browser(key["token"])
    )
    assert posted.status_code == 201, posted.text
    # served by the fast path, CORS header and all
    assert served_fast() == before + 1
    assert posted.headers["access-control-allow-origin"] == PORTAL
    assert "Origin" in posted.headers["vary"]

    other_agency = await feedback.post(
        "/api/v1/feedback",
        json=feedback_body(catalog, service_id=catalog.other_service_id),
        headers=browser(key["token"]),
    )
    assert other_agency.status_code in (404, 422), other_agency.text
    for method, path in (
        ("GET", "/api/v1/feedback"),
        ("POST", "/api/v1/feedback/batch"),
        ("GET", "/api/v1/webhooks/endpoint"),
        ("GET", "/api/v1/outreach/publishable-keys"),
    ):
        response = await feedback.request(method, path, headers=browser(key["token"]), json={})
        assert response.status_code == 403, (path, response.text)
    assert await stored(feedback, operator) == 1


async def test_post_from_another_origin_is_refused_with_403_and_no_cors_headers(
    feedback: httpx.AsyncClient, catalog: Catalog, make_key: KeyMaker
) -> None:
    operator = await operator_of(make_key, catalog)
    key = await mint_publishable(feedback, operator)
    for headers in (browser(key["token"], EVIL), {"X-API-Key": key["token"]}):
        refused = await feedback.post(
            "/api/v1/feedback", json=feedback_body(catalog), headers=headers
        )
        assert refused.status_code == 403, refused.text
        assert refused.headers["content-type"] == "application/problem+json"
        assert "access-control-allow-origin" not in refused.headers
    assert await stored(feedback, operator) == 0


async def test_backend_keys_get_no_cors_headers(
    feedback: httpx.AsyncClient, catalog: Catalog, portal: dict[str, str]
) -> None:
    posted = await feedback.post(
        "/api/v1/feedback", json=feedback_body(catalog), headers={**portal, "Origin": PORTAL}
    )
    assert posted.status_code == 201, posted.text
    assert "access-control-allow-origin" not in posted.headers


async def test_preflight_is_answered_only_for_origins_of_active_publishable_keys(
    feedback: httpx.AsyncClient, catalog: Catalog, make_key: KeyMaker
) -> None:
    operator = await operator_of(make_key, catalog)
    key = await mint_publishable(feedback, operator, PORTAL, "http://127.0.0.1:8080")

    async def preflight(origin: str) -> httpx.Response:
        return await feedback.options(
            "/api/v1/feedback",
            headers={
                "Origin": origin,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type, x-api-key, idempotency-key",
            },
        )

    allowed = await preflight(PORTAL)
    assert allowed.status_code == 204
    assert allowed.headers["access-control-allow-origin"] == PORTAL
    assert "POST" in allowed.headers["access-control-allow-methods"]
    assert "x-api-key" in allowed.headers["access-control-allow-headers"]
    assert (await preflight("http://127.0.0.1:8080")).headers[
        "access-control-allow-origin"
    ] == "http://127.0.0.1:8080"
    assert "access-control-allow-origin" not in (await preflight(EVIL)).headers

    revoked = await feedback.delete(
        f"/api/v1/outreach/publishable-keys/{key['id']}", headers=operator
    )
    assert_no_content(revoked)
    assert "access-control-allow-origin" not in (await preflight(PORTAL)).headers
    after = await feedback.post(
        "/api/v1/feedback", json=feedback_body(catalog), headers=browser(key["token"])
    )
    assert after.status_code == 401


async def test_minting_checks_the_agency_and_the_origins(
    feedback: httpx.AsyncClient, catalog: Catalog, make_key: KeyMaker
) -> None:
    operator = await operator_of(make_key, catalog)

    async def refused_field(body: dict[str, Any], headers: dict[str, str]) -> str:
        response = await feedback.post(
            "/api/v1/outreach/publishable-keys", json=body, headers=headers
        )
        assert response.status_code == 422, response.text
        field: str = response.json()["errors"][0]["field"]
        return field

    assert await refused_field({"name": "x", "origins": ["https://a.ru/page"]}, operator) == (
        "origins.0"
    )
    assert await refused_field({"name": "x", "origins": []}, operator) == "origins"
    foreign = {"name": "x", "origins": [PORTAL], "agency_id": catalog.other_agency_id}
    assert await refused_field(foreign, operator) == "agency_id"
    admin = bearer(await make_key(Scope.ADMIN))
    assert await refused_field({"name": "x", "origins": [PORTAL]}, admin) == "agency_id"
    reader = bearer(await make_key(Scope.FEEDBACK_READ))
    forbidden = await feedback.post(
        "/api/v1/outreach/publishable-keys", json={"name": "x", "origins": [PORTAL]}, headers=reader
    )
    assert forbidden.status_code == 403


@pytest.fixture
async def limited(settings_overrides: dict[str, Any]) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(FeedbackSettings(**settings_overrides, WIDGET_RATE_LIMIT_PER_MINUTE=2))
    async with running(app) as client:
        yield client


async def test_widget_posts_over_the_limit_of_an_address_get_429_readable_by_the_page(
    limited: httpx.AsyncClient, catalog: Catalog, make_key: KeyMaker
) -> None:
    if (second := time.time() % 60) > 55:
        await asyncio.sleep(60.5 - second)
    operator = await operator_of(make_key, catalog)
    key = await mint_publishable(limited, operator)
    statuses = []
    for _ in range(3):
        response = await limited.post(
            "/api/v1/feedback", json=feedback_body(catalog), headers=browser(key["token"])
        )
        statuses.append(response.status_code)
    assert statuses == [201, 201, 429]
    assert response.headers["access-control-allow-origin"] == PORTAL
    assert 1 <= int(response.headers["retry-after"]) <= 60


def test_cli_mints_a_publishable_key_and_refuses_one_without_agency_or_origins(
    database_url: str,
) -> None:
    agency = "0199a000-0000-7000-8000-000000000001"
    made = otklik(
        database_url,
        "apikey",
        "create",
        "--name",
        "widget",
        "--scopes",
        "feedback:publish",
        "--agency",
        agency,
        "--origin",
        PORTAL,
    )
    assert made.returncode == 0, made.stderr
    assert PORTAL in made.stdout
    assert made.stdout.strip().splitlines()[-1].startswith("otk_")
    for extra in (["--agency", agency], ["--origin", PORTAL]):
        refused = otklik(
            database_url, "apikey", "create", "--name", "w", "--scopes", "feedback:publish", *extra
        )
        assert refused.returncode == 2
        assert "publishable" in refused.stderr
    mixed = otklik(
        database_url,
        "apikey",
        "create",
        "--name",
        "w",
        "--scopes",
        "feedback:write",
        "--origin",
        PORTAL,
    )
    assert mixed.returncode == 2


async def test_publish_scope_without_origins_posts_from_nowhere(
    feedback: httpx.AsyncClient, catalog: Catalog, make_key: KeyMaker
) -> None:
    # no command mints such a key; one written into the table by hand must still not post
    token = await make_key(Scope.FEEDBACK_PUBLISH, agency_id=uuid.UUID(catalog.agency_id))
    for headers in (browser(token), {"X-API-Key": token}):
        refused = await feedback.post(
            "/api/v1/feedback", json=feedback_body(catalog), headers=headers
        )
        assert refused.status_code == 403, refused.text
        assert "access-control-allow-origin" not in refused.headers
