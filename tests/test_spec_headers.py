"""What the specs declare beyond bodies: the response headers (X-Request-ID everywhere,
Retry-After on 429/503, Idempotent-Replayed on idempotent POSTs, Content-Disposition on every
file download) and the servers a generated client starts from."""

import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from feedback_api.config import FeedbackSettings
from otklik_kit.auth.scopes import Scope
from otklik_kit.devstack.runner import PROGRAMS
from tests.conftest import KeyMaker, bearer
from tests.feedback_helpers import Catalog
from tests.outreach_helpers import add_touchpoint
from tests.spec_helpers import SERVICE_NAMES, committed_spec, spec_operations

FILE_TYPES = ("application/pdf", "application/vnd.", "text/csv", "image/")


def _headers(response: dict[str, Any]) -> set[str]:
    return set(response.get("headers", {}))


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_every_response_declares_its_headers(service: str) -> None:
    spec = committed_spec(service)
    missing = []
    for operation in spec_operations(service):
        takes_key = any(
            p["name"] == "Idempotency-Key" for p in operation.spec.get("parameters", [])
        )
        for status, response in operation.spec["responses"].items():
            wanted = {"X-Request-ID"}
            if status in ("429", "503"):
                wanted.add("Retry-After")
            if takes_key and status.startswith("2"):
                wanted.add("Idempotent-Replayed")
            if any(media.startswith(FILE_TYPES) for media in response.get("content", {})):
                wanted.add("Content-Disposition")
            if lacking := wanted - _headers(response):
                missing.append(f"{operation.method} {operation.path} {status}: {sorted(lacking)}")
    assert missing == []
    assert set(spec["components"]["headers"]) >= {"X-Request-ID", "Retry-After"}


def test_the_idempotent_feedback_post_declares_a_replay() -> None:
    created = committed_spec("feedback-api")["paths"]["/api/v1/feedback"]["post"]["responses"]

    assert "Idempotent-Replayed" in _headers(created["201"])


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_servers_are_the_local_stack_then_production(service: str) -> None:
    (port,) = [p.port for p in PROGRAMS if p.args == ("serve", service)]

    local, production = committed_spec(service)["servers"]

    assert local["url"] == f"http://127.0.0.1:{port}"
    assert production["url"] == "https://{host}"
    assert production["variables"]["host"]["default"] == f"{service}.otklik.example.ru"


async def test_qr_codes_are_sent_with_their_file_names(
    feedback: httpx.AsyncClient,
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback_settings: FeedbackSettings,
    admin_headers: dict[str, str],
    catalog: Catalog,
    make_key: KeyMaker,
) -> None:
    point = await add_touchpoint(
        plans, plans_app, feedback_settings, admin_headers, catalog.agency_id
    )
    operator = bearer(await make_key(Scope.PLANS_READ, agency_id=uuid.UUID(catalog.agency_id)))
    base = f"/api/v1/outreach/touchpoints/{point}"

    for extension in ("svg", "png"):
        response = await feedback.get(f"{base}/qr.{extension}", headers=operator)
        assert response.status_code == 200, response.text
        disposition = response.headers["content-disposition"]
        assert disposition.startswith(f'inline; filename="qr-{point}.{extension}"')
        assert response.headers["x-request-id"]
