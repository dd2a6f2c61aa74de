from http import HTTPStatus
from io import BytesIO
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.direction import Direction
from ...models.problem import Problem
from ...models.touchpoint_kind import TouchpointKind
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    agency_id: None | Unset | UUID = UNSET,
    direction: Direction | None | Unset = UNSET,
    kind: None | TouchpointKind | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    digital: bool | None | Unset = UNSET,
    collects_feedback: bool | None | Unset = UNSET,
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

    json_direction: None | str | Unset
    if isinstance(direction, Unset):
        json_direction = UNSET
    elif isinstance(direction, Direction):
        json_direction = direction.value
    else:
        json_direction = direction
    params["direction"] = json_direction

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, TouchpointKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_service_id: None | str | Unset
    if isinstance(service_id, Unset):
        json_service_id = UNSET
    elif isinstance(service_id, UUID):
        json_service_id = str(service_id)
    else:
        json_service_id = service_id
    params["service_id"] = json_service_id

    json_digital: bool | None | Unset
    if isinstance(digital, Unset):
        json_digital = UNSET
    else:
        json_digital = digital
    params["digital"] = json_digital

    json_collects_feedback: bool | None | Unset
    if isinstance(collects_feedback, Unset):
        json_collects_feedback = UNSET
    else:
        json_collects_feedback = collects_feedback
    params["collects_feedback"] = json_collects_feedback

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/touchpoints/export.xlsx",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> File | Problem | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[File | Problem]:
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
    direction: Direction | None | Unset = UNSET,
    kind: None | TouchpointKind | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    digital: bool | None | Unset = UNSET,
    collects_feedback: bool | None | Unset = UNSET,
) -> Response[File | Problem]:
    """Export the touchpoint registry to XLSX

     One agency's registry (the key's own, else give `agency_id`); the list's filters apply.

    Args:
        agency_id (None | Unset | UUID):
        direction (Direction | None | Unset): Serves this direction
        kind (None | TouchpointKind | Unset):
        service_id (None | Unset | UUID): Linked to this service
        digital (bool | None | Unset): Digital (true) or offline (false)
        collects_feedback (bool | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        agency_id=agency_id,
        direction=direction,
        kind=kind,
        service_id=service_id,
        digital=digital,
        collects_feedback=collects_feedback,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    agency_id: None | Unset | UUID = UNSET,
    direction: Direction | None | Unset = UNSET,
    kind: None | TouchpointKind | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    digital: bool | None | Unset = UNSET,
    collects_feedback: bool | None | Unset = UNSET,
) -> File | Problem | None:
    """Export the touchpoint registry to XLSX

     One agency's registry (the key's own, else give `agency_id`); the list's filters apply.

    Args:
        agency_id (None | Unset | UUID):
        direction (Direction | None | Unset): Serves this direction
        kind (None | TouchpointKind | Unset):
        service_id (None | Unset | UUID): Linked to this service
        digital (bool | None | Unset): Digital (true) or offline (false)
        collects_feedback (bool | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return sync_detailed(
        client=client,
        agency_id=agency_id,
        direction=direction,
        kind=kind,
        service_id=service_id,
        digital=digital,
        collects_feedback=collects_feedback,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    agency_id: None | Unset | UUID = UNSET,
    direction: Direction | None | Unset = UNSET,
    kind: None | TouchpointKind | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    digital: bool | None | Unset = UNSET,
    collects_feedback: bool | None | Unset = UNSET,
) -> Response[File | Problem]:
    """Export the touchpoint registry to XLSX

     One agency's registry (the key's own, else give `agency_id`); the list's filters apply.

    Args:
        agency_id (None | Unset | UUID):
        direction (Direction | None | Unset): Serves this direction
        kind (None | TouchpointKind | Unset):
        service_id (None | Unset | UUID): Linked to this service
        digital (bool | None | Unset): Digital (true) or offline (false)
        collects_feedback (bool | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        agency_id=agency_id,
        direction=direction,
        kind=kind,
        service_id=service_id,
        digital=digital,
        collects_feedback=collects_feedback,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    agency_id: None | Unset | UUID = UNSET,
    direction: Direction | None | Unset = UNSET,
    kind: None | TouchpointKind | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    digital: bool | None | Unset = UNSET,
    collects_feedback: bool | None | Unset = UNSET,
) -> File | Problem | None:
    """Export the touchpoint registry to XLSX

     One agency's registry (the key's own, else give `agency_id`); the list's filters apply.

    Args:
        agency_id (None | Unset | UUID):
        direction (Direction | None | Unset): Serves this direction
        kind (None | TouchpointKind | Unset):
        service_id (None | Unset | UUID): Linked to this service
        digital (bool | None | Unset): Digital (true) or offline (false)
        collects_feedback (bool | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            agency_id=agency_id,
            direction=direction,
            kind=kind,
            service_id=service_id,
            digital=digital,
            collects_feedback=collects_feedback,
        )
    ).parsed
