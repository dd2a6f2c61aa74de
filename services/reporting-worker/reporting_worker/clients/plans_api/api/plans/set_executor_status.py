from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.executor_status_update import ExecutorStatusUpdate
from ...models.plan_read import PlanRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    plan_id: UUID,
    item_id: UUID,
    executor_id: UUID,
    *,
    body: ExecutorStatusUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/plans/{plan_id}/items/{item_id}/executors/{executor_id}".format(
            plan_id=quote(str(plan_id), safe=""),
            item_id=quote(str(item_id), safe=""),
            executor_id=quote(str(executor_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PlanRead | Problem | None:
    if response.status_code == 200:
        response_200 = PlanRead.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PlanRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    plan_id: UUID,
    item_id: UUID,
    executor_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ExecutorStatusUpdate,
) -> Response[PlanRead | Problem]:
    """Report an executor's progress

     not_started → in_progress → done, on an approved plan.

    Args:
        plan_id (UUID):
        item_id (UUID):
        executor_id (UUID):
        body (ExecutorStatusUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanRead | Problem]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        item_id=item_id,
        executor_id=executor_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    plan_id: UUID,
    item_id: UUID,
    executor_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ExecutorStatusUpdate,
) -> PlanRead | Problem | None:
    """Report an executor's progress

     not_started → in_progress → done, on an approved plan.

    Args:
        plan_id (UUID):
        item_id (UUID):
        executor_id (UUID):
        body (ExecutorStatusUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanRead | Problem
    """

    return sync_detailed(
        plan_id=plan_id,
        item_id=item_id,
        executor_id=executor_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    plan_id: UUID,
    item_id: UUID,
    executor_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ExecutorStatusUpdate,
) -> Response[PlanRead | Problem]:
    """Report an executor's progress

     not_started → in_progress → done, on an approved plan.

    Args:
        plan_id (UUID):
        item_id (UUID):
        executor_id (UUID):
        body (ExecutorStatusUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanRead | Problem]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        item_id=item_id,
        executor_id=executor_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    plan_id: UUID,
    item_id: UUID,
    executor_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ExecutorStatusUpdate,
) -> PlanRead | Problem | None:
    """Report an executor's progress

     not_started → in_progress → done, on an approved plan.

    Args:
        plan_id (UUID):
        item_id (UUID):
        executor_id (UUID):
        body (ExecutorStatusUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanRead | Problem
    """

    return (
        await asyncio_detailed(
            plan_id=plan_id,
            item_id=item_id,
            executor_id=executor_id,
            client=client,
            body=body,
        )
    ).parsed
