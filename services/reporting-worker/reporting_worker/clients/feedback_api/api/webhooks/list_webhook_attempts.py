from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_webhook_attempt_read import PageWebhookAttemptRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    feedback_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_feedback_id: None | str | Unset
    if isinstance(feedback_id, Unset):
        json_feedback_id = UNSET
    elif isinstance(feedback_id, UUID):
        json_feedback_id = str(feedback_id)
    else:
        json_feedback_id = feedback_id
    params["feedback_id"] = json_feedback_id

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/webhooks/attempts",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageWebhookAttemptRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageWebhookAttemptRead.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[PageWebhookAttemptRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    feedback_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageWebhookAttemptRead | Problem]:
    """The delivery log of this key's webhooks

     Every try, newest first: status code, error and duration.

    Args:
        feedback_id (None | Unset | UUID): Of this feedback only
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): From `next_cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageWebhookAttemptRead | Problem]
    """

    kwargs = _get_kwargs(
        feedback_id=feedback_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    feedback_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageWebhookAttemptRead | Problem | None:
    """The delivery log of this key's webhooks

     Every try, newest first: status code, error and duration.

    Args:
        feedback_id (None | Unset | UUID): Of this feedback only
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): From `next_cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageWebhookAttemptRead | Problem
    """

    return sync_detailed(
        client=client,
        feedback_id=feedback_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    feedback_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageWebhookAttemptRead | Problem]:
    """The delivery log of this key's webhooks

     Every try, newest first: status code, error and duration.

    Args:
        feedback_id (None | Unset | UUID): Of this feedback only
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): From `next_cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageWebhookAttemptRead | Problem]
    """

    kwargs = _get_kwargs(
        feedback_id=feedback_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    feedback_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageWebhookAttemptRead | Problem | None:
    """The delivery log of this key's webhooks

     Every try, newest first: status code, error and duration.

    Args:
        feedback_id (None | Unset | UUID): Of this feedback only
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): From `next_cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageWebhookAttemptRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            feedback_id=feedback_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
