"""Every error is RFC 9457 problem+json that says what is wrong, never a bare 500 page."""

from collections.abc import AsyncIterator

import httpx

PROBLEM = "application/problem+json"


async def test_unknown_route_is_a_404_problem(plans: httpx.AsyncClient) -> None:
    response = await plans.get("/api/v1/no-such-thing")

    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["code"] == "not_found"
    assert response.json()["status"] == 404


async def test_wrong_method_is_a_405_problem(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    response = await plans.delete("/api/v1/agencies", headers=admin_headers)

    assert response.status_code == 405
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["code"] == "method_not_allowed"


async def test_validation_error_names_each_field(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    response = await plans.post(
        "/api/v1/agencies",
        json={"name": "Министерство", "level": "galactic", "region_code": "abc"},
        headers=admin_headers,
    )

    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    fields = {(e["location"], e["field"]) for e in response.json()["errors"]}
    assert fields == {("body", "level"), ("body", "region_code")}


async def test_unknown_fields_are_rejected(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    response = await plans.post(
        "/api/v1/agencies",
        json={"name": "Министерство", "level": "regional", "id": "forged"},
        headers=admin_headers,
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "id"
    assert response.json()["errors"][0]["type"] == "extra_forbidden"


async def test_malformed_json_is_a_422_problem(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    response = await plans.post(
        "/api/v1/agencies",
        content=b'{"name": ',
        headers={**admin_headers, "Content-Type": "application/json"},
    )

    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM


async def test_oversize_body_is_a_413_problem(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    huge = {"name": "М" * 70_000, "level": "regional"}

    response = await plans.post("/api/v1/agencies", json=huge, headers=admin_headers)

    assert response.status_code == 413
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["code"] == "payload_too_large"


async def test_oversize_streamed_body_without_length_is_a_413_problem(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(10):
            yield b"x" * 10_000

    response = await plans.post(
        "/api/v1/agencies",
        content=chunks(),
        headers={**admin_headers, "Content-Type": "application/json"},
    )

    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"


async def test_bad_path_parameter_names_it(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    response = await plans.get("/api/v1/agencies/not-a-uuid", headers=admin_headers)

    assert response.status_code == 422
    assert response.json()["errors"][0]["location"] == "path"
    assert response.json()["errors"][0]["field"] == "agency_id"
