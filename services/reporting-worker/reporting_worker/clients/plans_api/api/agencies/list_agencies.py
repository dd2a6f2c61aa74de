from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.agency_level import AgencyLevel
from ...models.page_agency_read import PageAgencyRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: None | str | Unset = UNSET,
    level: AgencyLevel | None | Unset = UNSET,
    parent_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_level: None | str | Unset
    if isinstance(level, Unset):
        json_level = UNSET
    elif isinstance(level, AgencyLevel):
        json_level = level.value
    else:
        json_level = level
    params["level"] = json_level

    json_parent_id: None | str | Unset
    if isinstance(parent_id, Unset):
        json_parent_id = UNSET
    elif isinstance(parent_id, UUID):
        json_parent_id = str(parent_id)
    else:
        json_parent_id = parent_id
    params["parent_id"] = json_parent_id

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
        "url": "/api/v1/agencies",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageAgencyRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageAgencyRead.from_dict(response.json())

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
) -> Response[PageAgencyRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    q: None | str | Unset = UNSET,
    level: AgencyLevel | None | Unset = UNSET,
    parent_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageAgencyRead | Problem]:
    """List agencies

     Agencies visible to the key (an agency-bound key sees only its own), by name.

    Args:
        q (None | str | Unset): Search in names
        level (AgencyLevel | None | Unset):
        parent_id (None | Unset | UUID):
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): From `next_cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAgencyRead | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        level=level,
        parent_id=parent_id,
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
    q: None | str | Unset = UNSET,
    level: AgencyLevel | None | Unset = UNSET,
    parent_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageAgencyRead | Problem | None:
    """List agencies

     Agencies visible to the key (an agency-bound key sees only its own), by name.

    Args:
        q (None | str | Unset): Search in names
        level (AgencyLevel | None | Unset):
        parent_id (None | Unset | UUID):
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): From `next_cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAgencyRead | Problem
    """

    return sync_detailed(
        client=client,
        q=q,
        level=level,
        parent_id=parent_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    q: None | str | Unset = UNSET,
    level: AgencyLevel | None | Unset = UNSET,
    parent_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageAgencyRead | Problem]:
    """List agencies

     Agencies visible to the key (an agency-bound key sees only its own), by name.

    Args:
        q (None | str | Unset): Search in names
        level (AgencyLevel | None | Unset):
        parent_id (None | Unset | UUID):
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): From `next_cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAgencyRead | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        level=level,
        parent_id=parent_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    q: None | str | Unset = UNSET,
    level: AgencyLevel | None | Unset = UNSET,
    parent_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageAgencyRead | Problem | None:
    """List agencies

     Agencies visible to the key (an agency-bound key sees only its own), by name.

    Args:
        q (None | str | Unset): Search in names
        level (AgencyLevel | None | Unset):
        parent_id (None | Unset | UUID):
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): From `next_cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAgencyRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            level=level,
            parent_id=parent_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
