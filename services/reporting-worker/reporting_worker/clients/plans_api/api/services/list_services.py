from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.direction import Direction
from ...models.page_service_read import PageServiceRead
from ...models.problem import Problem
from ...models.stage import Stage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: None | str | Unset = UNSET,
    agency_id: None | Unset | UUID = UNSET,
    direction: Direction | None | Unset = UNSET,
    stage: None | Stage | Unset = UNSET,
    life_situation_id: None | Unset | UUID = UNSET,
    include_retired: bool | Unset = False,
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

    json_agency_id: None | str | Unset
    if isinstance(agency_id, Unset):
        json_agency_id = UNSET
    elif isinstance(agency_id, UUID):
        json_agency_id = str(agency_id)
    else:
        json_agency_id = agency_id
    params["agency_id"] = json_agency_id

    json_direction: None | str | Unset
    if isinstance(direction, Unset):
        json_direction = UNSET
    elif isinstance(direction, Direction):
        json_direction = direction.value
    else:
        json_direction = direction
    params["direction"] = json_direction

    json_stage: None | str | Unset
    if isinstance(stage, Unset):
        json_stage = UNSET
    elif isinstance(stage, Stage):
        json_stage = stage.value
    else:
        json_stage = stage
    params["stage"] = json_stage

    json_life_situation_id: None | str | Unset
    if isinstance(life_situation_id, Unset):
        json_life_situation_id = UNSET
    elif isinstance(life_situation_id, UUID):
        json_life_situation_id = str(life_situation_id)
    else:
        json_life_situation_id = life_situation_id
    params["life_situation_id"] = json_life_situation_id

    params["include_retired"] = include_retired

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
        "url": "/api/v1/services",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageServiceRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageServiceRead.from_dict(response.json())

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
) -> Response[PageServiceRead | Problem]:
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
    agency_id: None | Unset | UUID = UNSET,
    direction: Direction | None | Unset = UNSET,
    stage: None | Stage | Unset = UNSET,
    life_situation_id: None | Unset | UUID = UNSET,
    include_retired: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageServiceRead | Problem]:
    """List and search services

     Services visible to the key, by title; `q` matches the title or the register number.

    Args:
        q (None | str | Unset): Search in titles
        agency_id (None | Unset | UUID):
        direction (Direction | None | Unset):
        stage (None | Stage | Unset):
        life_situation_id (None | Unset | UUID):
        include_retired (bool | Unset):  Default: False.
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): From `next_cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageServiceRead | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        agency_id=agency_id,
        direction=direction,
        stage=stage,
        life_situation_id=life_situation_id,
        include_retired=include_retired,
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
    agency_id: None | Unset | UUID = UNSET,
    direction: Direction | None | Unset = UNSET,
    stage: None | Stage | Unset = UNSET,
    life_situation_id: None | Unset | UUID = UNSET,
    include_retired: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageServiceRead | Problem | None:
    """List and search services

     Services visible to the key, by title; `q` matches the title or the register number.

    Args:
        q (None | str | Unset): Search in titles
        agency_id (None | Unset | UUID):
        direction (Direction | None | Unset):
        stage (None | Stage | Unset):
        life_situation_id (None | Unset | UUID):
        include_retired (bool | Unset):  Default: False.
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): From `next_cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageServiceRead | Problem
    """

    return sync_detailed(
        client=client,
        q=q,
        agency_id=agency_id,
        direction=direction,
        stage=stage,
        life_situation_id=life_situation_id,
        include_retired=include_retired,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    q: None | str | Unset = UNSET,
    agency_id: None | Unset | UUID = UNSET,
    direction: Direction | None | Unset = UNSET,
    stage: None | Stage | Unset = UNSET,
    life_situation_id: None | Unset | UUID = UNSET,
    include_retired: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageServiceRead | Problem]:
    """List and search services

     Services visible to the key, by title; `q` matches the title or the register number.

    Args:
        q (None | str | Unset): Search in titles
        agency_id (None | Unset | UUID):
        direction (Direction | None | Unset):
        stage (None | Stage | Unset):
        life_situation_id (None | Unset | UUID):
        include_retired (bool | Unset):  Default: False.
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): From `next_cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageServiceRead | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        agency_id=agency_id,
        direction=direction,
        stage=stage,
        life_situation_id=life_situation_id,
        include_retired=include_retired,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    q: None | str | Unset = UNSET,
    agency_id: None | Unset | UUID = UNSET,
    direction: Direction | None | Unset = UNSET,
    stage: None | Stage | Unset = UNSET,
    life_situation_id: None | Unset | UUID = UNSET,
    include_retired: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageServiceRead | Problem | None:
    """List and search services

     Services visible to the key, by title; `q` matches the title or the register number.

    Args:
        q (None | str | Unset): Search in titles
        agency_id (None | Unset | UUID):
        direction (Direction | None | Unset):
        stage (None | Stage | Unset):
        life_situation_id (None | Unset | UUID):
        include_retired (bool | Unset):  Default: False.
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): From `next_cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageServiceRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            agency_id=agency_id,
            direction=direction,
            stage=stage,
            life_situation_id=life_situation_id,
            include_retired=include_retired,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
