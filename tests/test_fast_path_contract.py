"""`POST /api/v1/feedback` is one contract with two doors: the fast path and FastAPI's stack.

The start-up check (otklik_kit.layers) refuses an app whose stack holds a middleware, or whose
feedback route holds a dependency, that the fast path does not apply; and a property-based
differential test sends random headers and bodies through both doors (the service as built,
and the same service with the fast path taken out) and expects the same status, the same
problem (or receipt) and the same stored rows.
"""

import json
import uuid
from collections.abc import AsyncIterator
from typing import Annotated, Any

import httpx
import pytest
from fastapi import Depends, FastAPI, Header
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import Message

from feedback_api.app import create_app as create_feedback_app
from feedback_api.config import FeedbackSettings
from feedback_api.ingest.fast_path import FeedbackFastPath
from otklik_kit.app import ServiceSpec, create_service_app
from otklik_kit.auth.dependencies import FeedbackWriter
from otklik_kit.auth.scopes import Scope
from otklik_kit.layers import LayerNotApplied
from otklik_kit.routing import api_router
from plans_api.app import create_app as create_plans_app
from plans_api.config import PlansSettings
from tests.conftest import KeyMaker, running
from tests.feedback_helpers import Catalog, feedback_body
from tests.test_feedback_fast_path import PATH, comparable, without_fast_path


def test_a_middleware_the_fast_path_does_not_apply_fails_app_creation(
    feedback_settings: FeedbackSettings,
) -> None:
    app = create_feedback_app(feedback_settings)

    with pytest.raises(LayerNotApplied, match="GZipMiddleware"):
        app.add_middleware(GZipMiddleware)


async def test_a_middleware_slipped_into_the_stack_fails_app_start(
    feedback_settings: FeedbackSettings,
) -> None:
    app = create_feedback_app(feedback_settings)
    app.user_middleware.insert(0, Middleware(GZipMiddleware))
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "lifespan.startup"}

    async def send(message: Message) -> None:
        sent.append(message)

    with pytest.raises(LayerNotApplied, match="GZipMiddleware"):
        await app({"type": "lifespan", "asgi": {"version": "3.0"}, "state": {}}, receive, send)
    assert sent == []


def test_a_route_dependency_the_fast_path_does_not_apply_fails_app_creation(
    feedback_settings: FeedbackSettings,
) -> None:
    def captcha() -> None:
        """A new rule of the route that the fast path would skip."""

    router = api_router("feedback", tag="feedback")

    @router.post("", dependencies=[Depends(captcha)])
    async def create_feedback(principal: FeedbackWriter) -> dict[str, str]:
        return {"key": str(principal.key_id)}

    spec = ServiceSpec(
        name="feedback-api",
        title="t",
        description="d",
        version="1",
        routers=[router],
        front=[FeedbackFastPath],
    )

    with pytest.raises(LayerNotApplied, match="captcha"):
        create_service_app(spec, feedback_settings)


def test_a_route_parameter_the_fast_path_does_not_read_fails_app_creation(
    feedback_settings: FeedbackSettings,
) -> None:
    router = api_router("feedback", tag="feedback")

    @router.post("")
    async def create_feedback(
        principal: FeedbackWriter, region: Annotated[str, Header(alias="X-Region")]
    ) -> dict[str, str]:
        return {"key": str(principal.key_id), "region": region}

    spec = ServiceSpec(
        name="feedback-api",
        title="t",
        description="d",
        version="1",
        routers=[router],
        front=[FeedbackFastPath],
    )

    with pytest.raises(LayerNotApplied, match="header:X-Region"):
        create_service_app(spec, feedback_settings)


def test_an_app_without_a_front_path_takes_any_middleware(plans_settings: PlansSettings) -> None:
    app = create_plans_app(plans_settings)

    app.add_middleware(GZipMiddleware)

    assert "GZipMiddleware" in {getattr(m.cls, "__name__", "") for m in app.user_middleware}


@pytest.fixture
async def route_door(feedback_settings: FeedbackSettings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_feedback_app(feedback_settings)
    without_fast_path(app)
    async with running(app) as client:
        yield client


@pytest.fixture
async def keys(make_key: KeyMaker) -> dict[str, str]:
    return {
        "writer": await make_key(Scope.FEEDBACK_WRITE),
        "reader": await make_key(Scope.FEEDBACK_READ),
    }


CREDENTIALS = st.sampled_from(
    [
        "bearer",
        "bearer",
        "x-api-key",
        "none",
        "bearer-lower",
        "x-api-key",
        "both",
        "basic",
        "bearer-empty",
        "bearer-spaced",
        "forged",
        "reader",
        "jwt-like",
    ]
)
CONTENT_TYPES = st.sampled_from(
    [
        "application/json",
        "application/json",
        "application/json; charset=utf-8",
        "APPLICATION/JSON",
        "text/plain",
        "application/merge-patch+json",
        None,
    ]
)
IDEMPOTENCY = st.sampled_from(["none", "fresh", "with a space", "too long", "empty", "odd"])
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"), st.sampled_from(["\x00", "\ud800", "\udfff", "а", "\n"])
    ),
    max_size=30,
)
FIELDS = st.fixed_dictionaries(
    {},
    optional={
        "rating": st.one_of(st.integers(-1, 7), st.none(), st.just("5"), st.floats(1, 5)),
        "comment": st.one_of(TEXT, st.none(), st.just("о" * 40_000)),
        "stage": st.sampled_from(["application", "decision", "nowhere", None]),
        "channel": st.sampled_from(["mfc", "epgu", "pigeon"]),
        "criteria": st.dictionaries(
            st.sampled_from(["queue_wait", "staff_courtesy", "smell"]), st.integers(0, 6)
        ),
        "answer_requested": st.booleans(),
        "service_id": st.sampled_from(["other", "unknown", "bad", None]),
        "occurred_at": st.sampled_from(["2026-01-01T10:00:00", "2020-01-01T10:00:00+03:00"]),
        "source": st.just("portal"),
        "contact": st.sampled_from(
            [{"email": "a@example.org", "consent": True}, {"phone": "1", "consent": False}]
        ),
    },
)
SAFE_TEXT = st.text(alphabet="абвгд ежз.,!?0123456789", max_size=40)
REGULAR_FIELDS = st.fixed_dictionaries(
    {},
    optional={
        "rating": st.integers(1, 5),
        "comment": st.one_of(SAFE_TEXT, st.none()),
        "criteria": st.dictionaries(
            st.sampled_from(["queue_wait", "staff_courtesy"]), st.integers(1, 5)
        ),
        "answer_requested": st.booleans(),
        "client_type": st.sampled_from(["individual", "entrepreneur"]),
    },
)
BODIES = st.one_of(
    REGULAR_FIELDS.map(lambda fields: ("fields", fields)),
    FIELDS.map(lambda fields: ("fields", fields)),
    st.binary(max_size=40).map(lambda raw: ("raw", raw)),
)


REGULAR: tuple[str, dict[str, Any]] = ("fields", {})


def _headers(credentials: str, keys: dict[str, str]) -> dict[str, str]:
    writer = keys["writer"]
    return {
        "none": {},
        "bearer": {"Authorization": f"Bearer {writer}"},
        "bearer-lower": {"Authorization": f"bearer {writer}"},
        "x-api-key": {"X-API-Key": writer},
        "both": {"Authorization": f"Bearer {writer}", "X-API-Key": "otk_forged_key"},
        "basic": {"Authorization": "Basic dXNlcjpwYXNz", "X-API-Key": writer},
        "bearer-empty": {"Authorization": "Bearer "},
        "bearer-spaced": {"Authorization": f"Bearer   {writer} "},
        "forged": {"Authorization": "Bearer otk_abcdef123456_forged"},
        "reader": {"Authorization": f"Bearer {keys['reader']}"},
        "jwt-like": {"Authorization": "Bearer a.b.c"},
    }[credentials]


def _content(body: tuple[str, Any], catalog: Catalog) -> bytes:
    kind, value = body
    if kind == "raw":
        raw: bytes = value
        return raw
    fields = dict(value)
    service = fields.get("service_id", catalog.service_id)
    fields["service_id"] = {
        "other": catalog.other_service_id,
        "unknown": str(uuid.uuid4()),
        "bad": "not-a-uuid",
    }.get(service, service)
    return json.dumps(feedback_body(catalog, **fields)).encode()


# the answer link token is random per feedback, whichever door
VOLATILE_ROW = {
    "id",
    "received_at",
    "acknowledged_at",
    "answer_due_at",
    "search",
    "answer_token_hash",
}


async def _stored(
    sessionmaker: async_sessionmaker[AsyncSession], receipt: dict[str, Any]
) -> dict[str, Any]:
    async with sessionmaker() as session:
        row = (
            (
                await session.execute(
                    text("SELECT * FROM feedback.feedback WHERE id = :id"), {"id": receipt["id"]}
                )
            )
            .mappings()
            .one()
        )
    return {k: v for k, v in row.items() if k not in VOLATILE_ROW}


async def _count(sessionmaker: async_sessionmaker[AsyncSession]) -> int:
    async with sessionmaker() as session:
        return int(await session.scalar(text("SELECT count(*) FROM feedback.feedback")) or 0)


def mostly(regular: Any, irregular: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """The regular value two times in three, so most examples differ from a regular post in
    one or two ways: the cases where one door could serve what the other refuses."""
    return st.one_of(st.just(regular), st.just(regular), irregular)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    credentials=mostly("bearer", CREDENTIALS),
    content_type=mostly("application/json", CONTENT_TYPES),
    idempotency=mostly("none", IDEMPOTENCY),
    body=mostly(("fields", {}), BODIES),
)
@example(credentials="reader", content_type="application/json", idempotency="none", body=REGULAR)
@example(
    credentials="bearer-spaced", content_type="application/json", idempotency="none", body=REGULAR
)
@example(credentials="bearer", content_type="application/json", idempotency="odd", body=REGULAR)
@example(
    credentials="x-api-key",
    content_type="application/json",
    idempotency="fresh",
    body=("fields", {"comment": "нуль \x00 внутри"}),
)
async def test_both_doors_answer_and_store_alike_for_any_headers_and_body(
    feedback: httpx.AsyncClient,
    route_door: httpx.AsyncClient,
    feedback_app: FastAPI,
    catalog: Catalog,
    keys: dict[str, str],
    sessionmaker: async_sessionmaker[AsyncSession],
    credentials: str,
    content_type: str | None,
    idempotency: str,
    body: tuple[str, Any],
) -> None:
    assert feedback_app.state.body_limit.max_json_bytes == 65536
    content = _content(body, catalog)
    answers = []
    before = await _count(sessionmaker)
    for door, client in (("fast", feedback), ("route", route_door)):
        headers = [(k.encode(), v.encode()) for k, v in _headers(credentials, keys).items()]
        if content_type is not None:
            headers.append((b"content-type", content_type.encode()))
        # a fresh key per door and example: a key used before would be a replay
        fresh = f"{door}-{uuid.uuid4()}"
        idempotency_key = {
            "fresh": fresh,
            "with a space": f"{fresh} x",
            "too long": fresh + "x" * 200,
            "empty": "",
            "odd": f"{fresh}#ключ",
        }.get(idempotency)
        if idempotency_key is not None:
            headers.append((b"idempotency-key", idempotency_key.encode()))
        answers.append(await client.post(PATH, content=content, headers=headers))
    fast, route = answers
    created = await _count(sessionmaker) - before

    event(f"status {fast.status_code}")
    assert comparable(fast) == comparable(route), (fast.text, route.text)
    if fast.status_code == 201:
        assert created == 2
        assert await _stored(sessionmaker, fast.json()) == await _stored(sessionmaker, route.json())
    else:
        assert fast.headers["content-type"] == "application/problem+json", fast.text
        assert created == 0
