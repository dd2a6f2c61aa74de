"""Health, readiness and metrics on every service."""

import httpx

PROBLEM = "application/problem+json"


async def test_every_service_is_live_and_ready(
    plans: httpx.AsyncClient, feedback: httpx.AsyncClient, reporting: httpx.AsyncClient
) -> None:
    for client in (plans, feedback, reporting):
        live = await client.get("/healthz")
        ready = await client.get("/readyz")

        assert live.status_code == 200
        assert live.json() == {"status": "ok"}
        assert ready.status_code == 200, ready.text
        assert ready.json()["checks"] == {"database": "ok", "redis": "ok"}


async def test_metrics_count_requests_by_route_template(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    await plans.get("/api/v1/agencies/3f0e6d0c-8a57-4d4e-9a51-5b3c2a1d9e10", headers=admin_headers)

    body = (await plans.get("/metrics")).text

    assert 'route="/api/v1/agencies/{agency_id}"' in body
    assert 'status="404"' in body


async def test_every_response_carries_a_request_id(plans: httpx.AsyncClient) -> None:
    given = await plans.get("/healthz", headers={"X-Request-ID": "abc123"})
    generated = await plans.get("/api/v1/agencies")

    assert given.headers["x-request-id"] == "abc123"
    assert len(generated.headers["x-request-id"]) == 32
    assert generated.json()["request_id"] == generated.headers["x-request-id"]


async def test_openapi_and_docs_are_served(feedback: httpx.AsyncClient) -> None:
    spec = await feedback.get("/api/v1/openapi.json")
    docs = await feedback.get("/docs")

    assert spec.status_code == 200
    assert spec.json()["info"]["title"] == "Otklik feedback-api"
    assert docs.status_code == 200
    assert "swagger" in docs.text.lower()
