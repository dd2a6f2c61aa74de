from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.proposal_read import ProposalRead
from ...models.proposal_reject import ProposalReject
from ...types import Response


def _get_kwargs(
    proposal_id: UUID,
    *,
    body: ProposalReject,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/proposals/{proposal_id}/reject".format(
            proposal_id=quote(str(proposal_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ProposalRead | None:
    if response.status_code == 200:
        response_200 = ProposalRead.from_dict(response.json())

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
) -> Response[Problem | ProposalRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    proposal_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProposalReject,
) -> Response[Problem | ProposalRead]:
    """Reject a proposal

     Keeps it with the reason; a decided proposal cannot be decided again (409).

    Args:
        proposal_id (UUID):
        body (ProposalReject):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProposalRead]
    """

    kwargs = _get_kwargs(
        proposal_id=proposal_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    proposal_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProposalReject,
) -> Problem | ProposalRead | None:
    """Reject a proposal

     Keeps it with the reason; a decided proposal cannot be decided again (409).

    Args:
        proposal_id (UUID):
        body (ProposalReject):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProposalRead
    """

    return sync_detailed(
        proposal_id=proposal_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    proposal_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProposalReject,
) -> Response[Problem | ProposalRead]:
    """Reject a proposal

     Keeps it with the reason; a decided proposal cannot be decided again (409).

    Args:
        proposal_id (UUID):
        body (ProposalReject):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProposalRead]
    """

    kwargs = _get_kwargs(
        proposal_id=proposal_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    proposal_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProposalReject,
) -> Problem | ProposalRead | None:
    """Reject a proposal

     Keeps it with the reason; a decided proposal cannot be decided again (409).

    Args:
        proposal_id (UUID):
        body (ProposalReject):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProposalRead
    """

    return (
        await asyncio_detailed(
            proposal_id=proposal_id,
            client=client,
            body=body,
        )
    ).parsed
