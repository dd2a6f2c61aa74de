import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_feedback_payload import PageFeedbackPayload
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    occurred_from: datetime.datetime,
    occurred_to: datetime.datetime,
    agency_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 1000,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_occurred_from = occurred_from.isoformat()
    params["occurred_from"] = json_occurred_from

    json_occurred_to = occurred_to.isoformat()
    params["occurred_to"] = json_occurred_to

    json_agency_id: None | str | Unset
    if isinstance(agency_id, Unset):
        json_agency_id = UNSET
    elif isinstance(agency_id, UUID):
        json_agency_id = str(agency_id)
    else:
        json_agency_id = agency_id
    params["agency_id"] = json_agency_id

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
        "url": "/api/v1/feedback-records",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageFeedbackPayload | Problem | None:
    if response.status_code == 200:
        response_200 = PageFeedbackPayload.from_dict(response.json())

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
) -> Response[PageFeedbackPayload | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    occurred_from: datetime.datetime,
    occurred_to: datetime.datetime,
    agency_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 1000,
    cursor: None | str | Unset = UNSET,
) -> Response[PageFeedbackPayload | Problem]:
    """Feedback of a period as event records (export contract)

     Every feedback that occurred in `[occurred_from, occurred_to)`, oldest arrival first, as
    the record the `feedback.received` event carried: the comment with personal data masked,
    never contacts. Consumers of the events rebuild their counts of a period from these pages
    (`feedback_id` equals the id of the event that announced it). An agency-bound key sees its
    own agency's feedback only.

    Args:
        occurred_from (datetime.datetime): Occurred at or after (ISO 8601 with offset)
        occurred_to (datetime.datetime): Occurred before (ISO 8601 with offset)
        agency_id (None | Unset | UUID): Only this agency's
        limit (int | Unset): Page size Default: 1000.
        cursor (None | str | Unset): From `next_cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageFeedbackPayload | Problem]
    """

    kwargs = _get_kwargs(
        occurred_from=occurred_from,
        occurred_to=occurred_to,
        agency_id=agency_id,
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
    occurred_from: datetime.datetime,
    occurred_to: datetime.datetime,
    agency_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 1000,
    cursor: None | str | Unset = UNSET,
) -> PageFeedbackPayload | Problem | None:
    """Feedback of a period as event records (export contract)

     Every feedback that occurred in `[occurred_from, occurred_to)`, oldest arrival first, as
    the record the `feedback.received` event carried: the comment with personal data masked,
    never contacts. Consumers of the events rebuild their counts of a period from these pages
    (`feedback_id` equals the id of the event that announced it). An agency-bound key sees its
    own agency's feedback only.

    Args:
        occurred_from (datetime.datetime): Occurred at or after (ISO 8601 with offset)
        occurred_to (datetime.datetime): Occurred before (ISO 8601 with offset)
        agency_id (None | Unset | UUID): Only this agency's
        limit (int | Unset): Page size Default: 1000.
        cursor (None | str | Unset): From `next_cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageFeedbackPayload | Problem
    """

    return sync_detailed(
        client=client,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
        agency_id=agency_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    occurred_from: datetime.datetime,
    occurred_to: datetime.datetime,
    agency_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 1000,
    cursor: None | str | Unset = UNSET,
) -> Response[PageFeedbackPayload | Problem]:
    """Feedback of a period as event records (export contract)

     Every feedback that occurred in `[occurred_from, occurred_to)`, oldest arrival first, as
    the record the `feedback.received` event carried: the comment with personal data masked,
    never contacts. Consumers of the events rebuild their counts of a period from these pages
    (`feedback_id` equals the id of the event that announced it). An agency-bound key sees its
    own agency's feedback only.

    Args:
        occurred_from (datetime.datetime): Occurred at or after (ISO 8601 with offset)
        occurred_to (datetime.datetime): Occurred before (ISO 8601 with offset)
        agency_id (None | Unset | UUID): Only this agency's
        limit (int | Unset): Page size Default: 1000.
        cursor (None | str | Unset): From `next_cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageFeedbackPayload | Problem]
    """

    kwargs = _get_kwargs(
        occurred_from=occurred_from,
        occurred_to=occurred_to,
        agency_id=agency_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    occurred_from: datetime.datetime,
    occurred_to: datetime.datetime,
    agency_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 1000,
    cursor: None | str | Unset = UNSET,
) -> PageFeedbackPayload | Problem | None:
    """Feedback of a period as event records (export contract)

     Every feedback that occurred in `[occurred_from, occurred_to)`, oldest arrival first, as
    the record the `feedback.received` event carried: the comment with personal data masked,
    never contacts. Consumers of the events rebuild their counts of a period from these pages
    (`feedback_id` equals the id of the event that announced it). An agency-bound key sees its
    own agency's feedback only.

    Args:
        occurred_from (datetime.datetime): Occurred at or after (ISO 8601 with offset)
        occurred_to (datetime.datetime): Occurred before (ISO 8601 with offset)
        agency_id (None | Unset | UUID): Only this agency's
        limit (int | Unset): Page size Default: 1000.
        cursor (None | str | Unset): From `next_cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageFeedbackPayload | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            occurred_from=occurred_from,
            occurred_to=occurred_to,
            agency_id=agency_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
