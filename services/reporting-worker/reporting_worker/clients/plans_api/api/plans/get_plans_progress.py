import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.plans_progress import PlansProgress
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    agency_id: None | Unset | UUID = UNSET,
    service_id: list[UUID] | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
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

    json_service_id: list[str] | None | Unset
    if isinstance(service_id, Unset):
        json_service_id = UNSET
    elif isinstance(service_id, list):
        json_service_id = []
        for service_id_type_0_item_data in service_id:
            service_id_type_0_item = str(service_id_type_0_item_data)
            json_service_id.append(service_id_type_0_item)

    else:
        json_service_id = service_id
    params["service_id"] = json_service_id

    json_as_of: None | str | Unset
    if isinstance(as_of, Unset):
        json_as_of = UNSET
    elif isinstance(as_of, datetime.date):
        json_as_of = as_of.isoformat()
    else:
        json_as_of = as_of
    params["as_of"] = json_as_of

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/plan-progress",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PlansProgress | Problem | None:
    if response.status_code == 200:
        response_200 = PlansProgress.from_dict(response.json())

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
) -> Response[PlansProgress | Problem]:
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
    service_id: list[UUID] | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
) -> Response[PlansProgress | Problem]:
    """Progress of the tracked plans of services or an agency

     Approved and completed plans of the given services (and/or agency): item counts by
    status, the overdue items with the deadline each missed and its executor, and the items
    done, with the day each was done and the stages it acts on; as of today or of a past day.
    An agency-bound key sees its own agency's plans only.

    Args:
        agency_id (None | Unset | UUID):
        service_id (list[UUID] | None | Unset): Repeat for several services
        as_of (datetime.date | None | Unset): The day (Moscow) to tell the progress as of, e.g. a
            report period's last day: the items as they stood at its end, overdue against it. Default
            and any later day: today

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlansProgress | Problem]
    """

    kwargs = _get_kwargs(
        agency_id=agency_id,
        service_id=service_id,
        as_of=as_of,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    agency_id: None | Unset | UUID = UNSET,
    service_id: list[UUID] | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
) -> PlansProgress | Problem | None:
    """Progress of the tracked plans of services or an agency

     Approved and completed plans of the given services (and/or agency): item counts by
    status, the overdue items with the deadline each missed and its executor, and the items
    done, with the day each was done and the stages it acts on; as of today or of a past day.
    An agency-bound key sees its own agency's plans only.

    Args:
        agency_id (None | Unset | UUID):
        service_id (list[UUID] | None | Unset): Repeat for several services
        as_of (datetime.date | None | Unset): The day (Moscow) to tell the progress as of, e.g. a
            report period's last day: the items as they stood at its end, overdue against it. Default
            and any later day: today

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlansProgress | Problem
    """

    return sync_detailed(
        client=client,
        agency_id=agency_id,
        service_id=service_id,
        as_of=as_of,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    agency_id: None | Unset | UUID = UNSET,
    service_id: list[UUID] | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
) -> Response[PlansProgress | Problem]:
    """Progress of the tracked plans of services or an agency

     Approved and completed plans of the given services (and/or agency): item counts by
    status, the overdue items with the deadline each missed and its executor, and the items
    done, with the day each was done and the stages it acts on; as of today or of a past day.
    An agency-bound key sees its own agency's plans only.

    Args:
        agency_id (None | Unset | UUID):
        service_id (list[UUID] | None | Unset): Repeat for several services
        as_of (datetime.date | None | Unset): The day (Moscow) to tell the progress as of, e.g. a
            report period's last day: the items as they stood at its end, overdue against it. Default
            and any later day: today

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlansProgress | Problem]
    """

    kwargs = _get_kwargs(
        agency_id=agency_id,
        service_id=service_id,
        as_of=as_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    agency_id: None | Unset | UUID = UNSET,
    service_id: list[UUID] | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
) -> PlansProgress | Problem | None:
    """Progress of the tracked plans of services or an agency

     Approved and completed plans of the given services (and/or agency): item counts by
    status, the overdue items with the deadline each missed and its executor, and the items
    done, with the day each was done and the stages it acts on; as of today or of a past day.
    An agency-bound key sees its own agency's plans only.

    Args:
        agency_id (None | Unset | UUID):
        service_id (list[UUID] | None | Unset): Repeat for several services
        as_of (datetime.date | None | Unset): The day (Moscow) to tell the progress as of, e.g. a
            report period's last day: the items as they stood at its end, overdue against it. Default
            and any later day: today

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlansProgress | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            agency_id=agency_id,
            service_id=service_id,
            as_of=as_of,
        )
    ).parsed
