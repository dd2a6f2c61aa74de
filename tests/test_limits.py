"""Limits, proven from the committed specs: bodies over MAX_BODY_BYTES get a 413 on every
operation that takes one; a field over its maxLength or a list over its maxItems gets a 422 naming
it; a page size over the cap gets a 422 naming `limit` (pages are never silently clamped)."""

from typing import Any

import httpx
import pytest

from feedback_api.app import BATCH_PATH
from otklik_kit.pagination import MAX_PAGE_SIZE
from reporting_worker.classification.router import CLASSIFY_PATH
from tests.spec_helpers import SERVICE_NAMES, Operation, committed_spec, spec_operations

PROBLEM = "application/problem+json"
# these take up to MAX_UPLOAD_BYTES (10 MiB), like multipart uploads
BULK_PATHS = {BATCH_PATH, CLASSIFY_PATH}


@pytest.fixture
def clients(
    plans: httpx.AsyncClient, feedback: httpx.AsyncClient, reporting: httpx.AsyncClient
) -> dict[str, httpx.AsyncClient]:
    return {"plans-api": plans, "feedback-api": feedback, "reporting-worker": reporting}


def json_schema_name(operation: Operation) -> str | None:
    content = operation.spec.get("requestBody", {}).get("content", {})
    if "application/json" not in content:
        return None
    return str(content["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1])


def bounded(schema: dict[str, Any]) -> dict[str, Any]:
    """The constrained branch of a property (`anyOf: [{...}, {"type": "null"}]` → `{...}`)."""
    for branch in schema.get("anyOf", [schema]):
        if "maxLength" in branch or "maxItems" in branch:
            return dict(branch)
    return schema


def too_long(schema: dict[str, Any], example: Any) -> Any | None:
    if "maxLength" in schema:
        return "я" * (schema["maxLength"] + 1)
    if "maxItems" in schema and isinstance(example, list) and example:
        return [example[0]] * (schema["maxItems"] + 1)
    return None


def oversized_fields(service: str, name: str) -> list[tuple[str, dict[str, Any]]]:
    """(field, body): the schema's example with one top-level field past its limit."""
    schema = committed_spec(service)["components"]["schemas"][name]
    example: dict[str, Any] = schema["examples"][0]
    bodies = []
    for field, field_schema in schema.get("properties", {}).items():
        value = too_long(bounded(field_schema), example.get(field))
        if value is not None:
            bodies.append((field, {**example, field: value}))
    return bodies


@pytest.mark.parametrize("service", SERVICE_NAMES)
async def test_every_body_over_the_size_limit_is_413(
    clients: dict[str, httpx.AsyncClient], admin_headers: dict[str, str], service: str
) -> None:
    # the tests run with MAX_BODY_BYTES = 64 KiB; the batch takes up to MAX_UPLOAD_BYTES
    huge = {"padding": "x" * 70_000}
    outcomes = {}
    for operation in spec_operations(service):
        if "requestBody" not in operation.spec:
            continue
        response = await clients[service].request(
            operation.method, operation.url(), json=huge, headers=admin_headers
        )
        outcomes[operation.id] = response.status_code
        if operation.path in BULK_PATHS:
            assert response.status_code != 413, operation.id
            continue
        assert response.status_code == 413, operation.id
        assert response.headers["content-type"] == PROBLEM
        assert response.json()["code"] == "payload_too_large"

    assert outcomes


@pytest.mark.parametrize("service", SERVICE_NAMES)
async def test_a_field_or_list_over_its_limit_is_422_naming_it(
    clients: dict[str, httpx.AsyncClient], admin_headers: dict[str, str], service: str
) -> None:
    checked = []
    for operation in spec_operations(service):
        name = json_schema_name(operation)
        if name is None:
            continue
        for field, body in oversized_fields(service, name):
            response = await clients[service].request(
                operation.method, operation.url(), json=body, headers=admin_headers
            )
            if response.status_code == 413:
                continue  # a list that long is over the body limit before it is over its own
            fields = [e["field"] for e in response.json().get("errors", [])]
            assert response.status_code == 422, (operation.id, field, response.text)
            assert any(f == field or f.startswith(f"{field}.") for f in fields), (field, fields)
            checked.append(f"{operation.id}.{field}")

    assert checked


@pytest.mark.parametrize("service", SERVICE_NAMES)
async def test_page_sizes_are_capped_with_a_422(
    clients: dict[str, httpx.AsyncClient], admin_headers: dict[str, str], service: str
) -> None:
    paged = [
        operation
        for operation in spec_operations(service)
        if any(p["name"] == "limit" for p in operation.spec.get("parameters", []))
    ]
    for operation in paged:
        [limit] = [p for p in operation.spec["parameters"] if p["name"] == "limit"]
        cap = limit["schema"]["maximum"]
        over = await clients[service].get(
            operation.url(), params={"limit": cap + 1}, headers=admin_headers
        )
        at_cap = await clients[service].get(
            operation.url(), params={"limit": cap}, headers=admin_headers
        )

        # lists for people stop at MAX_PAGE_SIZE; the records export contract takes more
        assert cap <= MAX_PAGE_SIZE or operation.id == "list_feedback_records", operation.id
        assert over.status_code == 422, operation.id
        assert "limit" in [e["field"] for e in over.json()["errors"]], operation.id
        assert "query.limit" not in at_cap.text, operation.id
    assert paged or service == "reporting-worker"
