from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_proposal_read import PageProposalRead
from ...models.problem import Problem
from ...models.proposal_status import ProposalStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    agency_id: None | Unset | UUID = UNSET,
    service_id: None | Unset | UUID = UNSET,
    status: None | ProposalStatus | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_agency_id: None | str | Unset
    if isinstance(agency_id, Unset):
        json_agency_id = UNSET
    elif isinstance(agency_id, UUID):
        json_agency_id = str(agency_id)
    else:
        json_agency_id = agency_id
    params["agency_id"] = json_agency_id

    json_service_id: None | str | Unset
    if isinstance(service_id, Unset):
        json_service_id = UNSET
    elif isinstance(service_id, UUID):
        json_service_id = str(service_id)
    else:
        json_service_id = service_id
    params["service_id"] = json_service_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ProposalStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

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
        "url": "/api/v1/proposals",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageProposalRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageProposalRead.from_dict(response.json())

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
) -> Response[PageProposalRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    agency_id: None | Unset | UUID = UNSET,
    service_id: None | Unset | UUID = UNSET,
    status: None | ProposalStatus | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageProposalRead | Problem]:
    """List proposals

     Proposals from citizens' feedback visible to the key, newest first.

    Args:
        agency_id (None | Unset | UUID):
        service_id (None | Unset | UUID):
        status (None | ProposalStatus | Unset):
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): From `next_cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageProposalRead | Problem]
    """

    kwargs = _get_kwargs(
        agency_id=agency_id,
        service_id=service_id,
        status=status,
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
    agency_id: None | Unset | UUID = UNSET,
    service_id: None | Unset | UUID = UNSET,
    status: None | ProposalStatus | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageProposalRead | Problem | None:
    """List proposals

     Proposals from citizens' feedback visible to the key, newest first.

    Args:
        agency_id (None | Unset | UUID):
        service_id (None | Unset | UUID):
        status (None | ProposalStatus | Unset):
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): From `next_cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageProposalRead | Problem
    """

    return sync_detailed(
        client=client,
        agency_id=agency_id,
        service_id=service_id,
        status=status,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    agency_id: None | Unset | UUID = UNSET,
    service_id: None | Unset | UUID = UNSET,
    status: None | ProposalStatus | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageProposalRead | Problem]:
    """List proposals

     Proposals from citizens' feedback visible to the key, newest first.

    Args:
        agency_id (None | Unset | UUID):
        service_id (None | Unset | UUID):
        status (None | ProposalStatus | Unset):
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): From `next_cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageProposalRead | Problem]
    """

    kwargs = _get_kwargs(
        agency_id=agency_id,
        service_id=service_id,
        status=status,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    agency_id: None | Unset | UUID = UNSET,
    service_id: None | Unset | UUID = UNSET,
    status: None | ProposalStatus | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageProposalRead | Problem | None:
    """List proposals

     Proposals from citizens' feedback visible to the key, newest first.

    Args:
        agency_id (None | Unset | UUID):
        service_id (None | Unset | UUID):
        status (None | ProposalStatus | Unset):
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): From `next_cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageProposalRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            agency_id=agency_id,
            service_id=service_id,
            status=status,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
