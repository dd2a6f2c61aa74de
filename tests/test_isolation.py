"""Agency isolation, proven from the committed specs: a key bound to agency A gets a 404 for
every operation on an object of agency B, read or write, and B's objects stay as they were.

The table is the specs themselves: every secured operation whose path names objects of B is
called with A's key (a write with the body of its schema's example, references pointing at B).
Operations that reach B through the body or the query, not the path, are listed below."""

from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from feedback_api.config import FeedbackSettings
from plans_api.config import PlansSettings
from reporting_worker.config import ReportingSettings
from tests.conftest import KeyMaker
from tests.spec_helpers import Operation, committed_spec, spec_operations
from tests.world_helpers import AgencyWorld, Apps, build_agency, carry_proposals

PROBLEM = "application/problem+json"
SERVICES = ("plans-api", "feedback-api", "reporting-worker")
# path parameters that name objects every agency shares (the plan template, life situations)
# or that are public (a survey's link token)
SHARED_PARAMETERS = {"code", "situation_id", "token"}
# reads that change something (reading a contact is recorded), left out of the snapshots
RECORDED_READS = {"read_contact"}
EVIDENCE_FILE = {"file": ("act.pdf", b"%PDF-1.4 act", "application/pdf")}
EVIDENCE_FORM = {"kind": "order", "title": "Приказ о назначении ответственного"}


@pytest.fixture
async def worlds(
    plans: httpx.AsyncClient,
    feedback: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback_app: FastAPI,
    plans_settings: PlansSettings,
    feedback_settings: FeedbackSettings,
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    make_key: KeyMaker,
    admin_headers: dict[str, str],
) -> tuple[AgencyWorld, AgencyWorld]:
    apps = Apps(
        plans,
        feedback,
        plans_app,
        feedback_app,
        plans_settings,
        feedback_settings,
        reporting,
        reporting_settings,
    )
    a = await build_agency(apps, make_key, admin_headers, "a")
    b = await build_agency(apps, make_key, admin_headers, "b")
    await carry_proposals(apps, [a, b])
    return a, b


@pytest.fixture
def clients(
    plans: httpx.AsyncClient, feedback: httpx.AsyncClient, reporting: httpx.AsyncClient
) -> dict[str, httpx.AsyncClient]:
    return {"plans-api": plans, "feedback-api": feedback, "reporting-worker": reporting}


def path_parameters(operation: Operation) -> set[str]:
    return {p["name"] for p in operation.spec.get("parameters", []) if p["in"] == "path"}


def objects_of_b(operation: Operation, b: AgencyWorld) -> bool:
    """Whether the operation's path names only objects, all of them B's."""
    names = path_parameters(operation)
    return bool(names) and not names & SHARED_PARAMETERS and names <= set(b.ids)


def example_body(operation: Operation, b: AgencyWorld) -> dict[str, Any] | None:
    """The request schema's example with each reference to an object pointing at B's."""
    content = operation.spec.get("requestBody", {}).get("content", {})
    if "application/json" not in content:
        return None
    name = content["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    example: dict[str, Any] = committed_spec(operation.service)["components"]["schemas"][name][
        "examples"
    ][0]
    return {key: b.ids.get(key, value) for key, value in example.items()}


async def call(
    client: httpx.AsyncClient, operation: Operation, b: AgencyWorld, headers: dict[str, str]
) -> httpx.Response:
    url = operation.url(**b.ids)
    if "multipart/form-data" in operation.spec.get("requestBody", {}).get("content", {}):
        return await client.request(
            operation.method, url, data=EVIDENCE_FORM, files=EVIDENCE_FILE, headers=headers
        )
    body = example_body(operation, b)
    return await client.request(operation.method, url, json=body, headers=headers)


async def snapshot(
    clients: dict[str, httpx.AsyncClient], b: AgencyWorld, admin: dict[str, str]
) -> dict[str, Any]:
    """Every read of B's objects, as the admin sees them."""
    seen: dict[str, Any] = {}
    for service in SERVICES:
        for operation in spec_operations(service):
            if operation.method != "get" or operation.id in RECORDED_READS:
                continue
            if not objects_of_b(operation, b):
                continue
            response = await clients[service].get(operation.url(**b.ids), headers=admin)
            if response.headers.get("content-type", "").startswith("application/json"):
                seen[operation.id] = (response.status_code, without_clock(response.json()))
    return seen


def without_clock(value: Any) -> Any:
    """A read without the moment it was made (`as_of`)."""
    if isinstance(value, dict):
        return {k: without_clock(v) for k, v in value.items() if k != "as_of"}
    if isinstance(value, list):
        return [without_clock(v) for v in value]
    return value


def isolated_operations(b: AgencyWorld) -> list[Operation]:
    return [
        operation
        for service in SERVICES
        for operation in spec_operations(service)
        if operation.secured and objects_of_b(operation, b)
    ]


def is_not_found(response: httpx.Response) -> bool:
    return (
        response.status_code == 404
        and response.headers.get("content-type") == PROBLEM
        and response.json()["code"] == "not_found"
    )


async def test_a_key_of_agency_a_finds_nothing_of_agency_b(
    worlds: tuple[AgencyWorld, AgencyWorld],
    clients: dict[str, httpx.AsyncClient],
    admin_headers: dict[str, str],
) -> None:
    a, b = worlds
    before = await snapshot(clients, b, admin_headers)
    operations = isolated_operations(b)

    refused = {}
    for operation in operations:
        response = await call(clients[operation.service], operation, b, a.operator)
        refused[operation.id] = is_not_found(response) or response.status_code
    after = await snapshot(clients, b, admin_headers)

    kinds = {name for operation in operations for name in path_parameters(operation)}
    assert kinds == set(b.ids) - SHARED_PARAMETERS
    assert len(operations) >= 40
    assert len(before) >= 15  # the snapshot did read B's objects
    assert {op: outcome for op, outcome in refused.items() if outcome is not True} == {}
    assert after == before


async def test_references_to_agency_b_in_bodies_and_queries_are_refused(
    worlds: tuple[AgencyWorld, AgencyWorld],
    clients: dict[str, httpx.AsyncClient],
    admin_headers: dict[str, str],
) -> None:
    a, b = worlds
    plans, feedback = clients["plans-api"], clients["feedback-api"]
    before = await snapshot(clients, b, admin_headers)

    def example(service: str, schema: str) -> dict[str, Any]:
        spec = committed_spec(service)
        body: dict[str, Any] = spec["components"]["schemas"][schema]["examples"][0]
        return {key: b.ids.get(key, value) for key, value in body.items()}

    creations = {
        "create_service": await plans.post(
            "/api/v1/services", json=example("plans-api", "ServiceCreate"), headers=a.operator
        ),
        "create_touchpoint": await plans.post(
            "/api/v1/touchpoints",
            json=example("plans-api", "TouchpointCreate"),
            headers=a.operator,
        ),
        "create_survey_run": await feedback.post(
            "/api/v1/surveys/runs",
            json=example("feedback-api", "SurveyRunCreate"),
            headers=a.operator,
        ),
    }
    erasure = await feedback.post(
        "/api/v1/contacts/erasure", json={"case_number": b.ids["case_number"]}, headers=a.operator
    )
    attempts = await feedback.get(
        "/api/v1/webhooks/attempts", params={"feedback_id": b.ids["feedback_id"]}, headers=a.portal
    )
    a_endpoint = await feedback.get("/api/v1/webhooks/endpoint", headers=a.portal)
    listings = {}
    for service in SERVICES:
        for operation in spec_operations(service):
            if operation.method == "get" and operation.secured and not path_parameters(operation):
                names = {p["name"] for p in operation.spec.get("parameters", [])}
                query = {key: b.ids[key] for key in ("agency_id", "service_id") if key in names}
                response = await clients[service].get(
                    operation.url(), params=query, headers=a.operator
                )
                listings[operation.id] = (response, set(query.values()))
    after = await snapshot(clients, b, admin_headers)
    b_contact = await feedback.get(
        f"/api/v1/feedback/{b.ids['feedback_id']}/contact", headers=admin_headers
    )

    # another agency named in a body is refused with the same answer whether it exists or not:
    # 403 for the agency itself, 404 or a 422 naming the field for its objects
    outcomes = {name: (r.status_code, r.json().get("detail")) for name, r in creations.items()}
    assert {name: status in (403, 404, 422) for name, (status, _) in outcomes.items()} == (
        dict.fromkeys(creations, True)
    ), outcomes
    assert erasure.json() == {"erased": 0, "comments_masked": 0}
    assert b_contact.status_code == 200
    assert attempts.status_code in (404, 200)
    assert b.ids["feedback_id"] not in attempts.text
    assert "portal-a" in a_endpoint.json()["url"]
    # B's ids never appear in a list, other than one the request itself named
    leaked = [
        name
        for name, (response, sent) in listings.items()
        if any(
            value in response.text
            for key, value in b.ids.items()
            if key.endswith("_id") and value not in sent
        )
    ]
    assert leaked == []
    assert after == before
