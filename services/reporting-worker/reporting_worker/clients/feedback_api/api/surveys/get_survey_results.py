import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.survey_results import SurveyResults
from ...types import UNSET, Response, Unset


def _get_kwargs(
    run_id: UUID,
    *,
    date_from: datetime.date | None | Unset = UNSET,
    date_to: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_date_from: None | str | Unset
    if isinstance(date_from, Unset):
        json_date_from = UNSET
    elif isinstance(date_from, datetime.date):
        json_date_from = date_from.isoformat()
    else:
        json_date_from = date_from
    params["date_from"] = json_date_from

    json_date_to: None | str | Unset
    if isinstance(date_to, Unset):
        json_date_to = UNSET
    elif isinstance(date_to, datetime.date):
        json_date_to = date_to.isoformat()
    else:
        json_date_to = date_to
    params["date_to"] = json_date_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/surveys/runs/{run_id}/results".format(
            run_id=quote(str(run_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SurveyResults | None:
    if response.status_code == 200:
        response_200 = SurveyResults.from_dict(response.json())

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
) -> Response[Problem | SurveyResults]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    run_id: UUID,
    *,
    client: AuthenticatedClient,
    date_from: datetime.date | None | Unset = UNSET,
    date_to: datetime.date | None | Unset = UNSET,
) -> Response[Problem | SurveyResults]:
    """Get a survey run's results

     Respondents, dates and per-question aggregates, with the `facts` a monthly report and a
    plan's survey control point need: link, dates, respondents, instrument. With `date_from`
    and `date_to` (Moscow days) the respondents and per-question figures are the period's.

    Args:
        run_id (UUID):
        date_from (datetime.date | None | Unset): With date_to: count only responses of these days
        date_to (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SurveyResults]
    """

    kwargs = _get_kwargs(
        run_id=run_id,
        date_from=date_from,
        date_to=date_to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    run_id: UUID,
    *,
    client: AuthenticatedClient,
    date_from: datetime.date | None | Unset = UNSET,
    date_to: datetime.date | None | Unset = UNSET,
) -> Problem | SurveyResults | None:
    """Get a survey run's results

     Respondents, dates and per-question aggregates, with the `facts` a monthly report and a
    plan's survey control point need: link, dates, respondents, instrument. With `date_from`
    and `date_to` (Moscow days) the respondents and per-question figures are the period's.

    Args:
        run_id (UUID):
        date_from (datetime.date | None | Unset): With date_to: count only responses of these days
        date_to (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SurveyResults
    """

    return sync_detailed(
        run_id=run_id,
        client=client,
        date_from=date_from,
        date_to=date_to,
    ).parsed


async def asyncio_detailed(
    run_id: UUID,
    *,
    client: AuthenticatedClient,
    date_from: datetime.date | None | Unset = UNSET,
    date_to: datetime.date | None | Unset = UNSET,
) -> Response[Problem | SurveyResults]:
    """Get a survey run's results

     Respondents, dates and per-question aggregates, with the `facts` a monthly report and a
    plan's survey control point need: link, dates, respondents, instrument. With `date_from`
    and `date_to` (Moscow days) the respondents and per-question figures are the period's.

    Args:
        run_id (UUID):
        date_from (datetime.date | None | Unset): With date_to: count only responses of these days
        date_to (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SurveyResults]
    """

    kwargs = _get_kwargs(
        run_id=run_id,
        date_from=date_from,
        date_to=date_to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    run_id: UUID,
    *,
    client: AuthenticatedClient,
    date_from: datetime.date | None | Unset = UNSET,
    date_to: datetime.date | None | Unset = UNSET,
) -> Problem | SurveyResults | None:
    """Get a survey run's results

     Respondents, dates and per-question aggregates, with the `facts` a monthly report and a
    plan's survey control point need: link, dates, respondents, instrument. With `date_from`
    and `date_to` (Moscow days) the respondents and per-question figures are the period's.

    Args:
        run_id (UUID):
        date_from (datetime.date | None | Unset): With date_to: count only responses of these days
        date_to (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SurveyResults
    """

    return (
        await asyncio_detailed(
            run_id=run_id,
            client=client,
            date_from=date_from,
            date_to=date_to,
        )
    ).parsed
