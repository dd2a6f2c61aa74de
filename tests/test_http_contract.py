"""The HTTP contract every service keeps, kit-wide: what a strictly generated client (Java's,
TypeScript's) relies on beyond the spec's shapes."""

import re
import uuid

import httpx

from otklik_kit.auth.scopes import Scope
from tests.conftest import KeyMaker, bearer
from tests.feedback_helpers import Catalog, feedback_body
from tests.spec_helpers import METHODS, SERVICE_NAMES, spec_operations

PROBLEM = "application/problem+json"
# every operation answering 204, each checked through HTTP by assert_no_content in its own tests
NO_CONTENT_OPERATIONS = {
    "erase_contact": "tests/test_feedback_contacts.py",
    "delete_webhook_endpoint": "tests/test_webhooks.py",
    "revoke_publishable_key": "tests/test_widget_keys.py",
    "delete_touchpoint": "tests/test_touchpoints.py",
}


def _matches(template: str, url: str) -> bool:
    return re.fullmatch(re.sub(r"\{[^}]+\}", "[^/]+", template), url) is not None


async def test_405_allows_every_method_of_the_path(
    plans: httpx.AsyncClient, feedback: httpx.AsyncClient, reporting: httpx.AsyncClient
) -> None:
    clients = {"plans-api": plans, "feedback-api": feedback, "reporting-worker": reporting}
    checked = 0
    for service in SERVICE_NAMES:
        by_path: dict[str, list[str]] = {}
        urls: dict[str, str] = {}
        for operation in spec_operations(service):
            by_path.setdefault(operation.path, []).append(operation.method.upper())
            urls[operation.path] = operation.url()
        for path in by_path:
            # a method no path template matching this URL declares (`/feedback/batch` is also
            # `/feedback/{feedback_id}`)
            served = {m for other, ms in by_path.items() if _matches(other, urls[path]) for m in ms}
            missing = next(m.upper() for m in METHODS if m.upper() not in served)
            response = await clients[service].request(missing, urls[path])
            assert response.status_code == 405, (service, missing, path, response.text)
            assert response.headers["content-type"] == PROBLEM
            allowed = sorted(m.strip() for m in response.headers["allow"].split(","))
            assert allowed == sorted(served), (service, path)
            checked += 1
    assert checked > 50


def test_every_no_content_operation_is_checked_through_http() -> None:
    answering_204 = {
        operation.id
        for service in SERVICE_NAMES
        for operation in spec_operations(service)
        if "204" in operation.spec["responses"]
    }
    assert answering_204 == set(NO_CONTENT_OPERATIONS)
    deletes = {
        operation.id
        for service in SERVICE_NAMES
        for operation in spec_operations(service)
        if operation.method == "delete"
    }
    assert deletes <= answering_204


def _query_errors(response: httpx.Response) -> list[tuple[str, str]]:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == PROBLEM
    return [(error["location"], error["field"]) for error in response.json()["errors"]]


async def test_unknown_query_parameters_are_refused_naming_each(
    plans: httpx.AsyncClient,
    feedback: httpx.AsyncClient,
    reporting: httpx.AsyncClient,
    admin_headers: dict[str, str],
    make_key: KeyMaker,
) -> None:
    reader = bearer(await make_key(Scope.FEEDBACK_READ, Scope.REPORTS_READ))
    misspelt = await feedback.get(
        "/api/v1/feedback", params={"case_numbr": "123", "limit": "5", "zz": ""}, headers=reader
    )
    agencies = await plans.get("/api/v1/agencies", params={"nme": "x"}, headers=admin_headers)
    reports = await reporting.get("/api/v1/reports", params={"kind": "x"}, headers=reader)
    known = await feedback.get("/api/v1/feedback", params={"limit": "5"}, headers=reader)

    assert _query_errors(misspelt) == [("query", "case_numbr"), ("query", "zz")]
    assert "query.case_numbr" in misspelt.json()["detail"]
    assert _query_errors(agencies) == [("query", "nme")]
    assert _query_errors(reports) == [("query", "kind")]
    assert known.status_code == 200, known.text


async def test_a_post_with_an_unknown_query_parameter_is_refused_by_the_route(
    feedback: httpx.AsyncClient, catalog: Catalog, make_key: KeyMaker
) -> None:
    writer = bearer(await make_key(Scope.FEEDBACK_WRITE, agency_id=uuid.UUID(catalog.agency_id)))
    posted = await feedback.post(
        "/api/v1/feedback?dry_run=1", json=feedback_body(catalog), headers=writer
    )

    assert _query_errors(posted) == [("query", "dry_run")]


async def test_the_dashboard_page_tolerates_tracking_tags(reporting: httpx.AsyncClient) -> None:
    page = await reporting.get("/dashboard", params={"utm_source": "mail"})

    assert page.status_code == 200, page.text
    assert page.headers["content-type"].startswith("text/html")


async def test_the_widget_script_tolerates_a_cache_busting_parameter(
    feedback: httpx.AsyncClient,
) -> None:
    script = await feedback.get("/widget/v1/otklik.js", params={"v": "2026-12"})

    assert script.status_code == 200, script.text
    assert script.headers["content-type"].startswith("text/javascript")


async def test_numbers_are_no_dates_in_query_parameters(
    plans: httpx.AsyncClient,
    feedback: httpx.AsyncClient,
    reporting: httpx.AsyncClient,
    make_key: KeyMaker,
) -> None:
    reader = bearer(await make_key(Scope.FEEDBACK_READ, Scope.REPORTS_READ, Scope.PLANS_READ))
    asked = [
        (feedback, "/api/v1/feedback", {"received_to": "0.5"}, "received_to"),
        (feedback, "/api/v1/feedback/overdue", {"occurred_from": "1700000000"}, "occurred_from"),
        (feedback, "/api/v1/feedback/export.csv", {"received_from": "2026-08-1"}, "received_from"),
        (
            feedback,
            "/api/v1/feedback-records",
            {"occurred_from": "0", "occurred_to": "2026-08-01T00:00:00Z"},
            "occurred_from",
        ),
        (
            feedback,
            "/api/v1/surveys/facts",
            {"date_from": "20260801", "date_to": "2026-08-31"},
            "date_from",
        ),
        (reporting, "/api/v1/reports", {"period_from": "0"}, "period_from"),
        (reporting, "/api/v1/aggregates/totals", {"last_day": "1.5"}, "last_day"),
        (plans, "/api/v1/plan-progress", {"as_of": "0", "agency_id": str(uuid.uuid4())}, "as_of"),
    ]
    for client, path, params, name in asked:
        response = await client.get(path, params=params, headers=reader)
        assert _query_errors(response) == [("query", name)], (path, params)
    moments = {"received_from": "2026-08-01", "received_to": "2026-08-02T12:30:00+03:00"}
    dated = await feedback.get("/api/v1/feedback", params=moments, headers=reader)
    naive = await feedback.get(
        "/api/v1/feedback", params={"occurred_to": "2026-08-02 12:30"}, headers=reader
    )
    assert dated.status_code == 200, dated.text
    assert naive.status_code == 200, naive.text


def test_query_parameters_have_one_type_each_in_the_specs() -> None:
    """A union of several types (date-time or date) breaks Java's generated clients."""
    for service in SERVICE_NAMES:
        for operation in spec_operations(service):
            for parameter in operation.spec.get("parameters", []):
                schema = parameter["schema"]
                kinds = [s for s in schema.get("anyOf", [schema]) if s.get("type") != "null"]
                assert len(kinds) == 1, (service, operation.id, parameter["name"])


async def test_plan_progress_without_agency_or_service_names_both(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    response = await plans.get("/api/v1/plan-progress", headers=admin_headers)

    assert _query_errors(response) == [("query", "service_id"), ("query", "agency_id")]
    assert response.json()["errors"][0]["type"] == "missing"
