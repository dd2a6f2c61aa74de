import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.survey_period_facts import SurveyPeriodFacts
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    date_from: datetime.date,
    date_to: datetime.date,
    agency_id: None | Unset | UUID = UNSET,
    service_id: list[UUID] | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_date_from = date_from.isoformat()
    params["date_from"] = json_date_from

    json_date_to = date_to.isoformat()
    params["date_to"] = json_date_to

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

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/surveys/facts",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SurveyPeriodFacts | None:
    if response.status_code == 200:
        response_200 = SurveyPeriodFacts.from_dict(response.json())

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
) -> Response[Problem | SurveyPeriodFacts]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    date_from: datetime.date,
    date_to: datetime.date,
    agency_id: None | Unset | UUID = UNSET,
    service_id: list[UUID] | None | Unset = UNSET,
) -> Response[Problem | SurveyPeriodFacts]:
    """Survey facts of a period

     The runs open during `date_from`..`date_to` (Moscow days) of the agency or services,
    each with its link, dates, instrument, respondents in all and within the period.

    Args:
        date_from (datetime.date):
        date_to (datetime.date):
        agency_id (None | Unset | UUID):
        service_id (list[UUID] | None | Unset): Repeat for several services

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SurveyPeriodFacts]
    """

    kwargs = _get_kwargs(
        date_from=date_from,
        date_to=date_to,
        agency_id=agency_id,
        service_id=service_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    date_from: datetime.date,
    date_to: datetime.date,
    agency_id: None | Unset | UUID = UNSET,
    service_id: list[UUID] | None | Unset = UNSET,
) -> Problem | SurveyPeriodFacts | None:
    """Survey facts of a period

     The runs open during `date_from`..`date_to` (Moscow days) of the agency or services,
    each with its link, dates, instrument, respondents in all and within the period.

    Args:
        date_from (datetime.date):
        date_to (datetime.date):
        agency_id (None | Unset | UUID):
        service_id (list[UUID] | None | Unset): Repeat for several services

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SurveyPeriodFacts
    """

    return sync_detailed(
        client=client,
        date_from=date_from,
        date_to=date_to,
        agency_id=agency_id,
        service_id=service_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    date_from: datetime.date,
    date_to: datetime.date,
    agency_id: None | Unset | UUID = UNSET,
    service_id: list[UUID] | None | Unset = UNSET,
) -> Response[Problem | SurveyPeriodFacts]:
    """Survey facts of a period

     The runs open during `date_from`..`date_to` (Moscow days) of the agency or services,
    each with its link, dates, instrument, respondents in all and within the period.

    Args:
        date_from (datetime.date):
        date_to (datetime.date):
        agency_id (None | Unset | UUID):
        service_id (list[UUID] | None | Unset): Repeat for several services

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SurveyPeriodFacts]
    """

    kwargs = _get_kwargs(
        date_from=date_from,
        date_to=date_to,
        agency_id=agency_id,
        service_id=service_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    date_from: datetime.date,
    date_to: datetime.date,
    agency_id: None | Unset | UUID = UNSET,
    service_id: list[UUID] | None | Unset = UNSET,
) -> Problem | SurveyPeriodFacts | None:
    """Survey facts of a period

     The runs open during `date_from`..`date_to` (Moscow days) of the agency or services,
    each with its link, dates, instrument, respondents in all and within the period.

    Args:
        date_from (datetime.date):
        date_to (datetime.date):
        agency_id (None | Unset | UUID):
        service_id (list[UUID] | None | Unset): Repeat for several services

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SurveyPeriodFacts
    """

    return (
        await asyncio_detailed(
            client=client,
            date_from=date_from,
            date_to=date_to,
            agency_id=agency_id,
            service_id=service_id,
        )
    ).parsed
