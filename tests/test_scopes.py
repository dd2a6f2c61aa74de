"""Scopes proven operation by operation, from the committed specs (a new endpoint is covered
the day it is added): no key → 401, a key with every scope but the one needed → 403, a key with
just the declared scope gets past the gate; only the listed public operations go without a key."""

import httpx
import pytest

from otklik_kit.auth.scopes import Scope
from tests.conftest import KeyMaker, bearer
from tests.spec_helpers import (
    PUBLIC_OPERATIONS,
    REPO,
    SERVICE_NAMES,
    Operation,
    spec_operations,
)

PROBLEM = "application/problem+json"


@pytest.fixture
def clients(
    plans: httpx.AsyncClient, feedback: httpx.AsyncClient, reporting: httpx.AsyncClient
) -> dict[str, httpx.AsyncClient]:
    return {"plans-api": plans, "feedback-api": feedback, "reporting-worker": reporting}


WIDGET_ORIGIN = "https://portal.example.ru"


class Keys:
    """One key per scope set, made on first use."""

    def __init__(self, make_key: KeyMaker) -> None:
        self._make_key = make_key
        self._tokens: dict[frozenset[Scope], str] = {}

    async def holding(self, scopes: frozenset[Scope]) -> dict[str, str]:
        # a publishable key is used from its page's origin (from any other it is a 403)
        browser = scopes == {Scope.FEEDBACK_PUBLISH}
        if scopes not in self._tokens:
            origins = [WIDGET_ORIGIN] if browser else None
            self._tokens[scopes] = await self._make_key(*scopes, origins=origins)
        headers = bearer(self._tokens[scopes])
        return {**headers, "Origin": WIDGET_ORIGIN} if browser else headers


def all_but(needed: frozenset[str]) -> frozenset[Scope]:
    """Every scope except the needed ones and `admin` (which holds them all)."""
    return frozenset(s for s in Scope if s.value not in needed and s is not Scope.ADMIN)


async def call(
    client: httpx.AsyncClient, operation: Operation, headers: dict[str, str] | None = None
) -> httpx.Response:
    return await client.request(operation.method, operation.url(), headers=headers)


def is_problem(response: httpx.Response, status: int) -> bool:
    return (
        response.status_code == status
        and response.headers.get("content-type") == PROBLEM
        and response.json().get("status") == status
    )


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_the_public_operations_are_exactly_the_listed_ones(service: str) -> None:
    public = {op.id for op in spec_operations(service) if not op.secured}

    assert public == PUBLIC_OPERATIONS[service]


@pytest.mark.parametrize("service", SERVICE_NAMES)
async def test_every_secured_operation_refuses_a_missing_or_wrong_key(
    clients: dict[str, httpx.AsyncClient], service: str
) -> None:
    failures = []
    for operation in spec_operations(service):
        if not operation.secured:
            continue
        client = clients[service]
        missing = await call(client, operation)
        unknown = await call(client, operation, bearer("otk_000000000000_not-a-real-secret"))
        if not (is_problem(missing, 401) and missing.headers.get("www-authenticate")):
            failures.append((operation.id, "no key", missing.status_code))
        if not is_problem(unknown, 401):
            failures.append((operation.id, "unknown key", unknown.status_code))

    assert failures == []


@pytest.mark.parametrize("service", SERVICE_NAMES)
async def test_every_secured_operation_needs_exactly_its_declared_scope(
    clients: dict[str, httpx.AsyncClient], make_key: KeyMaker, service: str
) -> None:
    keys = Keys(make_key)
    failures = []
    for operation in spec_operations(service):
        if not operation.secured:
            continue
        assert operation.scopes, f"{operation.id} declares no scope"
        client = clients[service]
        lacking = await call(client, operation, await keys.holding(all_but(operation.scopes)))
        if not (is_problem(lacking, 403) and lacking.json()["code"] == "forbidden"):
            failures.append((operation.id, "all other scopes", lacking.status_code))
        for scope in operation.scopes:
            holding = await call(client, operation, await keys.holding(frozenset({Scope(scope)})))
            if holding.status_code in (401, 403):
                failures.append((operation.id, f"only {scope}", holding.status_code))

    assert failures == []


@pytest.mark.parametrize("service", SERVICE_NAMES)
async def test_public_operations_answer_without_a_key(
    clients: dict[str, httpx.AsyncClient], service: str
) -> None:
    for operation in spec_operations(service):
        if operation.secured:
            continue
        response = await call(clients[service], operation)

        assert response.status_code not in (401, 403), operation.id
        assert response.status_code < 500, operation.id


def test_the_security_doc_lists_every_operation_with_its_scopes() -> None:
    doc = (REPO / "docs" / "SECURITY.md").read_text()
    listed = {
        (cells[0], cells[1].strip("`")): cells[3]
        for line in doc.splitlines()
        if line.startswith("| ")
        and len(cells := [c.strip() for c in line.strip("|").split("|")]) == 4
        and cells[1].startswith("`")
    }
    expected = {
        (service, op.id): ", ".join(f"`{s}`" for s in sorted(op.scopes)) or "none (public)"
        for service in SERVICE_NAMES
        for op in spec_operations(service)
    }

    assert listed == expected, "update the scope table in docs/SECURITY.md"
