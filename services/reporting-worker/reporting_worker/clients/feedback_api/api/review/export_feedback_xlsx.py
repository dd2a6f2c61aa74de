import datetime
from http import HTTPStatus
from io import BytesIO
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.channel import Channel
from ...models.feedback_status import FeedbackStatus
from ...models.pain_category import PainCategory
from ...models.problem import Problem
from ...models.stage import Stage
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    agency_id: None | Unset | UUID = UNSET,
    service_id: None | Unset | UUID = UNSET,
    stage: None | Stage | Unset = UNSET,
    channel: Channel | None | Unset = UNSET,
    touchpoint_id: None | Unset | UUID = UNSET,
    rating: int | None | Unset = UNSET,
    rating_min: int | None | Unset = UNSET,
    rating_max: int | None | Unset = UNSET,
    status: list[FeedbackStatus] | None | Unset = UNSET,
    category: None | PainCategory | Unset = UNSET,
    needs_review: bool | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    received_from: datetime.date | datetime.datetime | None | Unset = UNSET,
    received_to: datetime.date | datetime.datetime | None | Unset = UNSET,
    occurred_from: datetime.date | datetime.datetime | None | Unset = UNSET,
    occurred_to: datetime.date | datetime.datetime | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
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

    json_stage: None | str | Unset
    if isinstance(stage, Unset):
        json_stage = UNSET
    elif isinstance(stage, Stage):
        json_stage = stage.value
    else:
        json_stage = stage
    params["stage"] = json_stage

    json_channel: None | str | Unset
    if isinstance(channel, Unset):
        json_channel = UNSET
    elif isinstance(channel, Channel):
        json_channel = channel.value
    else:
        json_channel = channel
    params["channel"] = json_channel

    json_touchpoint_id: None | str | Unset
    if isinstance(touchpoint_id, Unset):
        json_touchpoint_id = UNSET
    elif isinstance(touchpoint_id, UUID):
        json_touchpoint_id = str(touchpoint_id)
    else:
        json_touchpoint_id = touchpoint_id
    params["touchpoint_id"] = json_touchpoint_id

    json_rating: int | None | Unset
    if isinstance(rating, Unset):
        json_rating = UNSET
    else:
        json_rating = rating
    params["rating"] = json_rating

    json_rating_min: int | None | Unset
    if isinstance(rating_min, Unset):
        json_rating_min = UNSET
    else:
        json_rating_min = rating_min
    params["rating_min"] = json_rating_min

    json_rating_max: int | None | Unset
    if isinstance(rating_max, Unset):
        json_rating_max = UNSET
    else:
        json_rating_max = rating_max
    params["rating_max"] = json_rating_max

    json_status: list[str] | None | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, list):
        json_status = []
        for status_type_0_item_data in status:
            status_type_0_item = status_type_0_item_data.value
            json_status.append(status_type_0_item)

    else:
        json_status = status
    params["status"] = json_status

    json_category: None | str | Unset
    if isinstance(category, Unset):
        json_category = UNSET
    elif isinstance(category, PainCategory):
        json_category = category.value
    else:
        json_category = category
    params["category"] = json_category

    json_needs_review: bool | None | Unset
    if isinstance(needs_review, Unset):
        json_needs_review = UNSET
    else:
        json_needs_review = needs_review
    params["needs_review"] = json_needs_review

    json_overdue: bool | None | Unset
    if isinstance(overdue, Unset):
        json_overdue = UNSET
    else:
        json_overdue = overdue
    params["overdue"] = json_overdue

    json_received_from: None | str | Unset
    if isinstance(received_from, Unset):
        json_received_from = UNSET
    elif isinstance(received_from, datetime.datetime) or isinstance(received_from, datetime.date):
        json_received_from = received_from.isoformat()
    else:
        json_received_from = received_from
    params["received_from"] = json_received_from

    json_received_to: None | str | Unset
    if isinstance(received_to, Unset):
        json_received_to = UNSET
    elif isinstance(received_to, datetime.datetime) or isinstance(received_to, datetime.date):
        json_received_to = received_to.isoformat()
    else:
        json_received_to = received_to
    params["received_to"] = json_received_to

    json_occurred_from: None | str | Unset
    if isinstance(occurred_from, Unset):
        json_occurred_from = UNSET
    elif isinstance(occurred_from, datetime.datetime) or isinstance(occurred_from, datetime.date):
        json_occurred_from = occurred_from.isoformat()
    else:
        json_occurred_from = occurred_from
    params["occurred_from"] = json_occurred_from

    json_occurred_to: None | str | Unset
    if isinstance(occurred_to, Unset):
        json_occurred_to = UNSET
    elif isinstance(occurred_to, datetime.datetime) or isinstance(occurred_to, datetime.date):
        json_occurred_to = occurred_to.isoformat()
    else:
        json_occurred_to = occurred_to
    params["occurred_to"] = json_occurred_to

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/feedback/export.xlsx",
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
    service_id: None | Unset | UUID = UNSET,
    stage: None | Stage | Unset = UNSET,
    channel: Channel | None | Unset = UNSET,
    touchpoint_id: None | Unset | UUID = UNSET,
    rating: int | None | Unset = UNSET,
    rating_min: int | None | Unset = UNSET,
    rating_max: int | None | Unset = UNSET,
    status: list[FeedbackStatus] | None | Unset = UNSET,
    category: None | PainCategory | Unset = UNSET,
    needs_review: bool | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    received_from: datetime.date | datetime.datetime | None | Unset = UNSET,
    received_to: datetime.date | datetime.datetime | None | Unset = UNSET,
    occurred_from: datetime.date | datetime.datetime | None | Unset = UNSET,
    occurred_to: datetime.date | datetime.datetime | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> Response[File | Problem]:
    """Export the feedback list to XLSX

     The list's filters, newest first; at most EXPORT_MAX_ROWS rows (100 000).

    Args:
        agency_id (None | Unset | UUID):
        service_id (None | Unset | UUID):
        stage (None | Stage | Unset):
        channel (Channel | None | Unset):
        touchpoint_id (None | Unset | UUID):
        rating (int | None | Unset): Exactly this rating
        rating_min (int | None | Unset):
        rating_max (int | None | Unset):
        status (list[FeedbackStatus] | None | Unset): One or more statuses (repeat the key)
        category (None | PainCategory | Unset): Has this pain category
        needs_review (bool | None | Unset):
        overdue (bool | None | Unset): Open (acknowledged, in review) past its answer date
        received_from (datetime.date | datetime.datetime | None | Unset): A date or a date-time;
            without a time zone it is Moscow time (UTC+3); inclusive
        received_to (datetime.date | datetime.datetime | None | Unset): A date or a date-time;
            without a time zone it is Moscow time (UTC+3); exclusive
        occurred_from (datetime.date | datetime.datetime | None | Unset): A date or a date-time;
            without a time zone it is Moscow time (UTC+3); inclusive
        occurred_to (datetime.date | datetime.datetime | None | Unset): A date or a date-time;
            without a time zone it is Moscow time (UTC+3); exclusive
        q (None | str | Unset): Full-text search in comments (Russian: «очередь» finds «очереди»);
            quotes, OR and -word work as in web search, e.g. `"долгое ожидание" -МФЦ`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        agency_id=agency_id,
        service_id=service_id,
        stage=stage,
        channel=channel,
        touchpoint_id=touchpoint_id,
        rating=rating,
        rating_min=rating_min,
        rating_max=rating_max,
        status=status,
        category=category,
        needs_review=needs_review,
        overdue=overdue,
        received_from=received_from,
        received_to=received_to,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
        q=q,
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
    stage: None | Stage | Unset = UNSET,
    channel: Channel | None | Unset = UNSET,
    touchpoint_id: None | Unset | UUID = UNSET,
    rating: int | None | Unset = UNSET,
    rating_min: int | None | Unset = UNSET,
    rating_max: int | None | Unset = UNSET,
    status: list[FeedbackStatus] | None | Unset = UNSET,
    category: None | PainCategory | Unset = UNSET,
    needs_review: bool | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    received_from: datetime.date | datetime.datetime | None | Unset = UNSET,
    received_to: datetime.date | datetime.datetime | None | Unset = UNSET,
    occurred_from: datetime.date | datetime.datetime | None | Unset = UNSET,
    occurred_to: datetime.date | datetime.datetime | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> File | Problem | None:
    """Export the feedback list to XLSX

     The list's filters, newest first; at most EXPORT_MAX_ROWS rows (100 000).

    Args:
        agency_id (None | Unset | UUID):
        service_id (None | Unset | UUID):
        stage (None | Stage | Unset):
        channel (Channel | None | Unset):
        touchpoint_id (None | Unset | UUID):
        rating (int | None | Unset): Exactly this rating
        rating_min (int | None | Unset):
        rating_max (int | None | Unset):
        status (list[FeedbackStatus] | None | Unset): One or more statuses (repeat the key)
        category (None | PainCategory | Unset): Has this pain category
        needs_review (bool | None | Unset):
        overdue (bool | None | Unset): Open (acknowledged, in review) past its answer date
        received_from (datetime.date | datetime.datetime | None | Unset): A date or a date-time;
            without a time zone it is Moscow time (UTC+3); inclusive
        received_to (datetime.date | datetime.datetime | None | Unset): A date or a date-time;
            without a time zone it is Moscow time (UTC+3); exclusive
        occurred_from (datetime.date | datetime.datetime | None | Unset): A date or a date-time;
            without a time zone it is Moscow time (UTC+3); inclusive
        occurred_to (datetime.date | datetime.datetime | None | Unset): A date or a date-time;
            without a time zone it is Moscow time (UTC+3); exclusive
        q (None | str | Unset): Full-text search in comments (Russian: «очередь» finds «очереди»);
            quotes, OR and -word work as in web search, e.g. `"долгое ожидание" -МФЦ`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return sync_detailed(
        client=client,
        agency_id=agency_id,
        service_id=service_id,
        stage=stage,
        channel=channel,
        touchpoint_id=touchpoint_id,
        rating=rating,
        rating_min=rating_min,
        rating_max=rating_max,
        status=status,
        category=category,
        needs_review=needs_review,
        overdue=overdue,
        received_from=received_from,
        received_to=received_to,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
        q=q,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    agency_id: None | Unset | UUID = UNSET,
    service_id: None | Unset | UUID = UNSET,
    stage: None | Stage | Unset = UNSET,
    channel: Channel | None | Unset = UNSET,
    touchpoint_id: None | Unset | UUID = UNSET,
    rating: int | None | Unset = UNSET,
    rating_min: int | None | Unset = UNSET,
    rating_max: int | None | Unset = UNSET,
    status: list[FeedbackStatus] | None | Unset = UNSET,
    category: None | PainCategory | Unset = UNSET,
    needs_review: bool | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    received_from: datetime.date | datetime.datetime | None | Unset = UNSET,
    received_to: datetime.date | datetime.datetime | None | Unset = UNSET,
    occurred_from: datetime.date | datetime.datetime | None | Unset = UNSET,
    occurred_to: datetime.date | datetime.datetime | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> Response[File | Problem]:
    """Export the feedback list to XLSX

     The list's filters, newest first; at most EXPORT_MAX_ROWS rows (100 000).

    Args:
        agency_id (None | Unset | UUID):
        service_id (None | Unset | UUID):
        stage (None | Stage | Unset):
        channel (Channel | None | Unset):
        touchpoint_id (None | Unset | UUID):
        rating (int | None | Unset): Exactly this rating
        rating_min (int | None | Unset):
        rating_max (int | None | Unset):
        status (list[FeedbackStatus] | None | Unset): One or more statuses (repeat the key)
        category (None | PainCategory | Unset): Has this pain category
        needs_review (bool | None | Unset):
        overdue (bool | None | Unset): Open (acknowledged, in review) past its answer date
        received_from (datetime.date | datetime.datetime | None | Unset): A date or a date-time;
            without a time zone it is Moscow time (UTC+3); inclusive
        received_to (datetime.date | datetime.datetime | None | Unset): A date or a date-time;
            without a time zone it is Moscow time (UTC+3); exclusive
        occurred_from (datetime.date | datetime.datetime | None | Unset): A date or a date-time;
            without a time zone it is Moscow time (UTC+3); inclusive
        occurred_to (datetime.date | datetime.datetime | None | Unset): A date or a date-time;
            without a time zone it is Moscow time (UTC+3); exclusive
        q (None | str | Unset): Full-text search in comments (Russian: «очередь» finds «очереди»);
            quotes, OR and -word work as in web search, e.g. `"долгое ожидание" -МФЦ`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        agency_id=agency_id,
        service_id=service_id,
        stage=stage,
        channel=channel,
        touchpoint_id=touchpoint_id,
        rating=rating,
        rating_min=rating_min,
        rating_max=rating_max,
        status=status,
        category=category,
        needs_review=needs_review,
        overdue=overdue,
        received_from=received_from,
        received_to=received_to,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
        q=q,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    agency_id: None | Unset | UUID = UNSET,
    service_id: None | Unset | UUID = UNSET,
    stage: None | Stage | Unset = UNSET,
    channel: Channel | None | Unset = UNSET,
    touchpoint_id: None | Unset | UUID = UNSET,
    rating: int | None | Unset = UNSET,
    rating_min: int | None | Unset = UNSET,
    rating_max: int | None | Unset = UNSET,
    status: list[FeedbackStatus] | None | Unset = UNSET,
    category: None | PainCategory | Unset = UNSET,
    needs_review: bool | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    received_from: datetime.date | datetime.datetime | None | Unset = UNSET,
    received_to: datetime.date | datetime.datetime | None | Unset = UNSET,
    occurred_from: datetime.date | datetime.datetime | None | Unset = UNSET,
    occurred_to: datetime.date | datetime.datetime | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> File | Problem | None:
    """Export the feedback list to XLSX

     The list's filters, newest first; at most EXPORT_MAX_ROWS rows (100 000).

    Args:
        agency_id (None | Unset | UUID):
        service_id (None | Unset | UUID):
        stage (None | Stage | Unset):
        channel (Channel | None | Unset):
        touchpoint_id (None | Unset | UUID):
        rating (int | None | Unset): Exactly this rating
        rating_min (int | None | Unset):
        rating_max (int | None | Unset):
        status (list[FeedbackStatus] | None | Unset): One or more statuses (repeat the key)
        category (None | PainCategory | Unset): Has this pain category
        needs_review (bool | None | Unset):
        overdue (bool | None | Unset): Open (acknowledged, in review) past its answer date
        received_from (datetime.date | datetime.datetime | None | Unset): A date or a date-time;
            without a time zone it is Moscow time (UTC+3); inclusive
        received_to (datetime.date | datetime.datetime | None | Unset): A date or a date-time;
            without a time zone it is Moscow time (UTC+3); exclusive
        occurred_from (datetime.date | datetime.datetime | None | Unset): A date or a date-time;
            without a time zone it is Moscow time (UTC+3); inclusive
        occurred_to (datetime.date | datetime.datetime | None | Unset): A date or a date-time;
            without a time zone it is Moscow time (UTC+3); exclusive
        q (None | str | Unset): Full-text search in comments (Russian: «очередь» finds «очереди»);
            quotes, OR and -word work as in web search, e.g. `"долгое ожидание" -МФЦ`

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
            service_id=service_id,
            stage=stage,
            channel=channel,
            touchpoint_id=touchpoint_id,
            rating=rating,
            rating_min=rating_min,
            rating_max=rating_max,
            status=status,
            category=category,
            needs_review=needs_review,
            overdue=overdue,
            received_from=received_from,
            received_to=received_to,
            occurred_from=occurred_from,
            occurred_to=occurred_to,
            q=q,
        )
    ).parsed
