"""The fast path of `POST /api/v1/feedback` answers exactly as the FastAPI route does.

Each test sends the same requests to two apps on the same database: the service as built, and
the same service with the fast path taken out (every post then goes through the route). The
`otklik_ingest_path_total` counter tells which path served each post.
"""

import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from prometheus_client import REGISTRY
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.app import create_app as create_feedback_app
from feedback_api.config import FeedbackSettings
from feedback_api.ingest.fast_path import FeedbackFastPath
from otklik_kit.app import ServiceApp
from otklik_kit.auth.scopes import Scope
from tests.conftest import KeyMaker, bearer, running
from tests.feedback_helpers import Catalog, feedback_body

PATH = "/api/v1/feedback"
# differ by nature between two posts of the same body
VOLATILE_RECEIPT = ("id", "received_at", "answer_due_at", "message", "answer_url")


def without_fast_path(app: FastAPI) -> None:
    assert isinstance(app, ServiceApp)
    app.front = [front for front in app.front if front is not FeedbackFastPath]


@pytest.fixture
async def route_only(feedback_settings: FeedbackSettings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_feedback_app(feedback_settings)
    without_fast_path(app)
    async with running(app) as client:
        yield client


def served(path: str) -> float:
    return REGISTRY.get_sample_value("otklik_ingest_path_total", {"path": path}) or 0.0


def requests_counted(status: int) -> float:
    labels = {"service": "feedback-api", "method": "POST", "route": PATH, "status": str(status)}
    return REGISTRY.get_sample_value("otklik_http_requests_total", labels) or 0.0


def comparable(response: httpx.Response) -> tuple[int, dict[str, str], Any]:
    """Status, headers and body, less what differs between any two requests (ids, times)."""
    headers = {k: v for k, v in response.headers.items() if k != "x-request-id"}
    if response.headers.get("content-type", "").endswith("json"):
        body = response.json()
        if isinstance(body, dict):
            body.pop("request_id", None)
            if response.status_code == 201:
                headers.pop("content-length")
                body = {k: (k, type(v)) if k in VOLATILE_RECEIPT else v for k, v in body.items()}
    else:
        body = response.content
    return response.status_code, headers, body


async def both(
    fast: httpx.AsyncClient, route: httpx.AsyncClient, **request: Any
) -> tuple[httpx.Response, httpx.Response]:
    return (
        await fast.post(PATH, **request),
        await route.post(PATH, **request),
    )


class PathCounts:
    def __init__(self) -> None:
        self.fast, self.route = served("fast"), served("route")

    def delta(self) -> tuple[float, float]:
        return served("fast") - self.fast, served("route") - self.route


@pytest.fixture
def path_counts() -> PathCounts:
    return PathCounts()


REGULAR_BODIES = [
    {},
    {"rating": 5, "comment": None},
    {"rating": 2, "comment": "Очередь два часа, окно закрыли"},
    {"rating": 5, "answer_requested": True, "comment": "Когда будет готово?"},
    {"criteria": {"queue_wait": 1, "staff_courtesy": 4}, "case_number": "2026-000123456"},
    {"contact": {"name": "Иван", "email": "ivan@example.org", "consent": True}, "rating": 1},
    {"client_type": "entrepreneur", "channel": "mfc", "comment": "  Всё хорошо  "},
    {"service_id": None, "stage": None, "channel": "mobile_app", "agency": True},
]


@pytest.mark.parametrize("fields", REGULAR_BODIES)
async def test_a_regular_post_is_served_by_the_fast_path_as_by_the_route(
    feedback: httpx.AsyncClient,
    route_only: httpx.AsyncClient,
    catalog: Catalog,
    portal: dict[str, str],
    path_counts: PathCounts,
    fields: dict[str, Any],
) -> None:
    if fields.pop("agency", False):
        fields["agency_id"] = catalog.agency_id
    body = feedback_body(catalog, **fields)
    counted = requests_counted(201)

    fast, route = await both(feedback, route_only, json=body, headers=portal)

    assert fast.status_code == 201, fast.text
    assert comparable(fast) == comparable(route)
    assert path_counts.delta() == (1, 0)
    assert requests_counted(201) - counted == 2
    assert len(fast.headers["x-request-id"]) == 32


async def test_both_paths_store_the_same_rows_contacts_and_events(
    feedback: httpx.AsyncClient,
    route_only: httpx.AsyncClient,
    catalog: Catalog,
    portal: dict[str, str],
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    body = feedback_body(
        catalog,
        rating=2,
        comment="Перезвоните на +7 (912) 345-67-89, очередь огромная",
        criteria={"queue_wait": 1},
        contact={"phone": "+7 912 345-67-89", "consent": True},
    )
    fast, route = await both(feedback, route_only, json=body, headers=portal)
    ids = [fast.json()["id"], route.json()["id"]]

    # each feedback has its own private answer link: only its hash is stored
    volatile = {
        "id",
        "received_at",
        "acknowledged_at",
        "answer_due_at",
        "search",
        "answer_token_hash",
    }
    async with sessionmaker() as session:
        rows = [
            (await session.execute(text(f"SELECT * FROM feedback.feedback WHERE id = '{i}'")))
            .mappings()
            .one()
            for i in ids
        ]
        events = [
            (
                await session.execute(
                    text(f"SELECT queue, type, payload FROM feedback.outbox WHERE event_id = '{i}'")
                )
            )
            .mappings()
            .one()
            for i in ids
        ]
        contacts = await session.scalar(
            text(
                "SELECT count(*) FROM feedback.contacts "
                f"WHERE feedback_id IN ('{ids[0]}', '{ids[1]}')"
            )
        )
    stored = [{k: v for k, v in row.items() if k not in volatile} for row in rows]
    payloads = [
        {k: v for k, v in dict(e["payload"]).items() if k not in ("feedback_id", "received_at")}
        for e in events
    ]
    assert stored[0] == stored[1]
    assert all(len(row["answer_token_hash"]) == 64 for row in rows)
    assert payloads[0] == payloads[1]
    assert payloads[0]["comment"] == "Перезвоните на [телефон], очередь огромная"
    assert [(e["queue"], e["type"]) for e in events] == [
        ("otklik:reporting", "feedback.received")
    ] * 2
    assert contacts == 2


async def chunks(body: bytes) -> AsyncIterator[bytes]:
    for start in range(0, len(body), 7):
        yield body[start : start + 7]


IRREGULAR = [
    pytest.param({}, {}, False, id="no key"),
    pytest.param({"Authorization": "Bearer otk_abcdef123456_forged"}, {}, False, id="unknown key"),
    pytest.param({"Authorization": "Basic dXNlcjpwYXNz"}, {}, False, id="basic auth"),
    pytest.param({"Idempotency-Key": "x" * 201}, {}, True, id="idempotency key too long"),
    pytest.param({"Idempotency-Key": "two words"}, {}, True, id="idempotency key with a space"),
    pytest.param({"Content-Type": "text/plain"}, {}, True, id="text body"),
    pytest.param({"Content-Type": "application/merge-patch+json"}, {}, True, id="other json"),
    pytest.param({}, {"rating": 9}, True, id="rating out of range"),
    pytest.param({}, {"source": "portal"}, True, id="unknown field"),
    pytest.param({}, {"occurred_at": "2020-01-01T10:00:00+03:00"}, True, id="years ago"),
    pytest.param(
        {}, {"contact": {"email": "a@example.org", "consent": False}}, True, id="no consent"
    ),
]


@pytest.mark.parametrize(("headers", "fields", "keyed"), IRREGULAR)
async def test_an_irregular_post_is_handed_to_the_route_with_the_same_answer(
    feedback: httpx.AsyncClient,
    route_only: httpx.AsyncClient,
    catalog: Catalog,
    portal: dict[str, str],
    path_counts: PathCounts,
    headers: dict[str, str],
    fields: dict[str, Any],
    keyed: bool,
) -> None:
    request_headers = {"Content-Type": "application/json", **(portal if keyed else {}), **headers}
    body = httpx.Request("POST", "/", json=feedback_body(catalog, **fields)).content

    fast, route = await both(feedback, route_only, content=body, headers=request_headers)

    assert comparable(fast) == comparable(route)
    assert path_counts.delta() == (0, 1)


async def test_a_post_with_an_idempotency_key_and_its_replay_answer_as_the_routes(
    feedback: httpx.AsyncClient,
    route_only: httpx.AsyncClient,
    catalog: Catalog,
    portal: dict[str, str],
    path_counts: PathCounts,
) -> None:
    body = feedback_body(catalog)
    answers = []
    for client, key in ((feedback, "once-fast"), (route_only, "once-route")):
        headers = {**portal, "Idempotency-Key": key}
        first = await client.post(PATH, json=body, headers=headers)
        replay = await client.post(PATH, json=body, headers=headers)
        assert replay.json()["id"] == first.json()["id"]
        answers.append((comparable(first), comparable(replay)))

    assert answers[0] == answers[1]
    assert answers[0][1][1]["idempotent-replayed"] == "true"
    assert path_counts.delta() == (2, 0)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{",
        b"[]",
        b'{"rating": 4',
        "\ufeff{}".encode(),
        b"\xff\xfe{}",
        b'{"rating": 4, "comment": "a\nb"}',
        b'{"rating": NaN}',
    ],
    ids=["empty", "cut", "list", "unclosed", "bom", "not utf-8", "raw newline", "nan"],
)
async def test_a_body_that_is_not_a_feedback_gets_the_routes_answer(
    feedback: httpx.AsyncClient,
    route_only: httpx.AsyncClient,
    portal: dict[str, str],
    path_counts: PathCounts,
    content: bytes,
) -> None:
    headers = {**portal, "Content-Type": "application/json"}

    fast, route = await both(feedback, route_only, content=content, headers=headers)

    assert fast.status_code in (400, 422)
    assert comparable(fast) == comparable(route)
    assert path_counts.delta() == (0, 1)


async def test_a_body_sent_in_pieces_is_read_whole_on_both_paths(
    feedback: httpx.AsyncClient,
    route_only: httpx.AsyncClient,
    catalog: Catalog,
    portal: dict[str, str],
    path_counts: PathCounts,
) -> None:
    good = httpx.Request("POST", "/", json=feedback_body(catalog)).content
    bad = httpx.Request("POST", "/", json=feedback_body(catalog, rating=0)).content
    headers = {**portal, "Content-Type": "application/json"}

    def sized(body: bytes) -> dict[str, str]:
        return {**headers, "Content-Length": str(len(body))}

    fast_good = await feedback.post(PATH, content=chunks(good), headers=sized(good))
    fast_bad = await feedback.post(PATH, content=chunks(bad), headers=sized(bad))
    route_bad = await route_only.post(PATH, content=chunks(bad), headers=sized(bad))

    assert fast_good.status_code == 201, fast_good.text
    assert comparable(fast_bad) == comparable(route_bad)
    assert comparable(fast_bad)[0] == 422
    assert path_counts.delta() == (1, 1)


async def test_a_body_without_a_declared_length_is_left_to_the_routes_body_limit(
    feedback: httpx.AsyncClient,
    catalog: Catalog,
    portal: dict[str, str],
    path_counts: PathCounts,
) -> None:
    good = httpx.Request("POST", "/", json=feedback_body(catalog)).content
    headers = {**portal, "Content-Type": "application/json"}

    chunked = await feedback.post(PATH, content=chunks(good), headers=headers)

    assert chunked.request.headers["transfer-encoding"] == "chunked"
    assert chunked.status_code == 201, chunked.text
    assert path_counts.delta() == (0, 1)


async def test_a_declared_length_over_the_limit_is_the_stacks_413(
    feedback: httpx.AsyncClient,
    catalog: Catalog,
    portal: dict[str, str],
    feedback_settings: FeedbackSettings,
    path_counts: PathCounts,
) -> None:
    padded = {**feedback_body(catalog), "comment": "ж" * 1000}
    body = httpx.Request("POST", "/", json=padded).content
    body += b" " * (feedback_settings.max_body_bytes + 1 - len(body))

    refused = await feedback.post(
        PATH, content=body, headers={**portal, "Content-Type": "application/json"}
    )

    assert refused.status_code == 413
    assert refused.headers["content-type"] == "application/problem+json"
    assert path_counts.delta() == (0, 1)


async def test_a_server_error_on_the_fast_path_is_the_apps_500_problem(
    feedback: httpx.AsyncClient,
    catalog: Catalog,
    portal: dict[str, str],
    path_counts: PathCounts,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def broken(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("a defect")

    monkeypatch.setattr("feedback_api.ingest.service.submit_feedback", broken)

    failed = await feedback.post(PATH, json=feedback_body(catalog), headers=portal)

    assert failed.status_code == 500
    assert failed.headers["content-type"] == "application/problem+json"
    assert failed.json()["status"] == 500
    assert "a defect" not in failed.text
    assert len(failed.headers["x-request-id"]) == 32
    assert requests_counted(500) >= 1
    assert path_counts.delta() == (1, 0)


@pytest.mark.parametrize(
    ("fields", "bound_elsewhere"),
    [
        pytest.param({"stage": "payment"}, False, id="unknown stage"),
        pytest.param({"service_id": str(uuid.uuid4())}, False, id="unknown service"),
        pytest.param({"agency_id": "other"}, False, id="agency mismatch"),
        pytest.param({}, True, id="key bound to another agency"),
    ],
)
async def test_a_catalog_rule_broken_on_the_fast_path_is_the_routes_problem(
    feedback: httpx.AsyncClient,
    route_only: httpx.AsyncClient,
    catalog: Catalog,
    make_key: KeyMaker,
    path_counts: PathCounts,
    fields: dict[str, Any],
    bound_elsewhere: bool,
) -> None:
    if fields.get("agency_id") == "other":
        fields["agency_id"] = catalog.other_agency_id
    agency = uuid.UUID(catalog.other_agency_id) if bound_elsewhere else None
    headers = bearer(await make_key(Scope.FEEDBACK_WRITE, agency_id=agency))

    fast, route = await both(
        feedback, route_only, json=feedback_body(catalog, **fields), headers=headers
    )

    assert fast.status_code == 422
    assert fast.headers["content-type"] == "application/problem+json"
    assert comparable(fast) == comparable(route)
    assert path_counts.delta() == (1, 0)


async def test_a_key_without_the_write_scope_is_refused_alike(
    feedback: httpx.AsyncClient,
    route_only: httpx.AsyncClient,
    catalog: Catalog,
    make_key: KeyMaker,
    path_counts: PathCounts,
) -> None:
    reader = {"X-API-Key": await make_key(Scope.FEEDBACK_READ)}

    fast, route = await both(feedback, route_only, json=feedback_body(catalog), headers=reader)

    assert fast.status_code == 403
    assert comparable(fast) == comparable(route)
    assert path_counts.delta() == (0, 1)


async def test_a_key_given_as_x_api_key_is_served_by_the_fast_path(
    feedback: httpx.AsyncClient, catalog: Catalog, make_key: KeyMaker, path_counts: PathCounts
) -> None:
    headers = {"X-API-Key": await make_key(Scope.FEEDBACK_WRITE), "X-Request-ID": "portal-42"}

    response = await feedback.post(PATH, json=feedback_body(catalog), headers=headers)

    assert response.status_code == 201
    assert response.headers["x-request-id"] == "portal-42"
    assert path_counts.delta() == (1, 0)


@pytest.fixture
def throttled_settings(feedback_settings: FeedbackSettings) -> FeedbackSettings:
    return feedback_settings.model_copy(
        update={"rate_limit_per_second": 0.001, "rate_limit_burst": 2}
    )


@pytest.fixture
async def throttled(throttled_settings: FeedbackSettings) -> AsyncIterator[httpx.AsyncClient]:
    async with running(create_feedback_app(throttled_settings)) as client:
        yield client


@pytest.fixture
async def throttled_route_only(
    throttled_settings: FeedbackSettings,
) -> AsyncIterator[httpx.AsyncClient]:
    app: FastAPI = create_feedback_app(throttled_settings)
    without_fast_path(app)
    async with running(app) as client:
        yield client


async def test_the_rate_limit_counts_each_post_once_on_either_path(
    throttled: httpx.AsyncClient,
    throttled_route_only: httpx.AsyncClient,
    catalog: Catalog,
    portal: dict[str, str],
) -> None:
    # burst 2: a malformed post (handed on) takes a token, a good one the other, then 429
    posts = [feedback_body(catalog, rating=0), feedback_body(catalog), feedback_body(catalog)]
    answers = []
    for client in (throttled, throttled_route_only):
        answers.append([comparable(await client.post(PATH, json=b, headers=portal)) for b in posts])

    assert [status for status, _, _ in answers[0]] == [422, 201, 429]
    assert answers[0] == answers[1]
