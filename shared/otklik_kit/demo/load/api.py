"""The three public APIs as the demo calls them: JSON in and out, retries where a client should
retry (429 with Retry-After, 503, a dropped connection), and a clear error otherwise."""

import asyncio
from collections.abc import AsyncIterator, Collection
from dataclasses import dataclass
from typing import Any

import httpx

RETRIES = 6
RETRYABLE = frozenset({429, 502, 503, 504})
# a longer Retry-After is a limit the demo will not outwait (a daily one): it says so instead
LONGEST_WAIT_SECONDS = 60.0


class DemoError(Exception):
    """The demo cannot go on; the message says what the API answered."""


@dataclass(frozen=True)
class Apis:
    plans: httpx.AsyncClient
    feedback: httpx.AsyncClient
    reporting: httpx.AsyncClient


def problem_types(response: httpx.Response) -> set[str]:
    """The `type` of each field error of a problem+json answer."""
    try:
        errors = response.json().get("errors") or []
    except ValueError:
        return set()
    return {str(error.get("type")) for error in errors}


def _delay(response: httpx.Response | None, attempt: int) -> float:
    retry_after = response.headers.get("Retry-After") if response is not None else None
    if retry_after and retry_after.isdigit():
        return float(retry_after)
    return min(0.25 * 2.0**attempt, 5.0)


async def send(
    client: httpx.AsyncClient,
    method: str,
    path: str,
    *,
    expect: Collection[int] = (200, 201),
    **kwargs: Any,
) -> httpx.Response:
    """The response once it has a status in `expect`; retried while the failure is passing."""
    response: httpx.Response | None = None
    for attempt in range(RETRIES):
        try:
            response = await client.request(method, path, **kwargs)
        except (httpx.ConnectError, httpx.ReadError, httpx.RemoteProtocolError):
            if attempt == RETRIES - 1:
                raise DemoError(f"{method} {client.base_url}{path}: cannot connect") from None
            await asyncio.sleep(_delay(None, attempt))
            continue
        if response.status_code in expect:
            return response
        if response.status_code not in RETRYABLE:
            break
        delay = _delay(response, attempt)
        if delay > LONGEST_WAIT_SECONDS:
            raise DemoError(
                f"{method} {path} answered {response.status_code}, retry after {delay:.0f} s: "
                "a per-address limit; the demo's respondents need X-Forwarded-For trusted from "
                "its address (FORWARDED_ALLOW_IPS, 127.0.0.1 under `otklik run`)"
            )
        await asyncio.sleep(delay)
    assert response is not None
    raise DemoError(f"{method} {path} answered {response.status_code}: {response.text[:500]}")


async def call(client: httpx.AsyncClient, method: str, path: str, **kwargs: Any) -> Any:
    """The JSON body of a successful call."""
    return (await send(client, method, path, **kwargs)).json()


async def every(
    client: httpx.AsyncClient, path: str, params: dict[str, Any] | None = None
) -> AsyncIterator[dict[str, Any]]:
    """Every item of a cursor-paginated listing."""
    cursor: str | None = None
    while True:
        query = {**(params or {}), "limit": 200, **({"cursor": cursor} if cursor else {})}
        page = await call(client, "GET", path, params=query)
        for item in page["items"]:
            yield item
        cursor = page.get("next_cursor")
        if not cursor:
            return
