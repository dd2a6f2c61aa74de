"""Only a backing store out of reach is a 503 with Retry-After; other errors are not outages."""

import errno
from collections.abc import AsyncIterator, Callable

import httpx
import pytest
from fastapi import FastAPI
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError

from tests.conftest import running

RAISED: dict[str, Callable[[], BaseException]] = {
    "file_oserror": lambda: OSError(errno.EINVAL, "Invalid argument"),
    "unsupported_operation": lambda: OSError("negative seek value"),
    "redis_wrong_type": lambda: ResponseError("WRONGTYPE Operation against a key"),
    "refused": lambda: ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"),
    "unreachable": lambda: OSError(errno.EHOSTUNREACH, "No route to host"),
    "timeout": lambda: TimeoutError(),
    "redis_down": lambda: RedisConnectionError("Error 111 connecting to 127.0.0.1:6379"),
}
NOT_OUTAGES = ("file_oserror", "unsupported_operation", "redis_wrong_type")


@pytest.fixture
async def raising(plans_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async def fail(kind: str) -> None:
        raise RAISED[kind]()

    plans_app.add_api_route("/test-only/raise/{kind}", fail)
    async with running(plans_app) as client:
        yield client


@pytest.mark.parametrize("kind", NOT_OUTAGES)
async def test_an_error_that_is_no_outage_is_a_500_without_retry_after(
    raising: httpx.AsyncClient, kind: str
) -> None:
    response = await raising.get(f"/test-only/raise/{kind}")

    assert response.status_code == 500
    assert "retry-after" not in response.headers
    assert response.json()["code"] == "internal_error"


@pytest.mark.parametrize("kind", sorted(set(RAISED) - set(NOT_OUTAGES)))
async def test_a_backing_store_out_of_reach_is_a_503_with_retry_after(
    raising: httpx.AsyncClient, kind: str
) -> None:
    response = await raising.get(f"/test-only/raise/{kind}")

    assert response.status_code == 503
    assert response.headers["retry-after"] == "5"
