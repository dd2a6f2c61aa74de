from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.plan_template import PlanTemplate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    code: str,
    *,
    version: int | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_version: int | None | Unset
    if isinstance(version, Unset):
        json_version = UNSET
    else:
        json_version = version
    params["version"] = json_version

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/plan-templates/{code}".format(
            code=quote(str(code), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PlanTemplate | Problem | None:
    if response.status_code == 200:
        response_200 = PlanTemplate.from_dict(response.json())

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
) -> Response[PlanTemplate | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    version: int | None | Unset = UNSET,
) -> Response[PlanTemplate | Problem]:
    """Get a plan template as a tree

     The typical plan (`typical`): sections, groups and items with results and footnotes.

    Args:
        code (str):
        version (int | None | Unset): Default: the newest

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanTemplate | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        version=version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    *,
    client: AuthenticatedClient,
    version: int | None | Unset = UNSET,
) -> PlanTemplate | Problem | None:
    """Get a plan template as a tree

     The typical plan (`typical`): sections, groups and items with results and footnotes.

    Args:
        code (str):
        version (int | None | Unset): Default: the newest

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanTemplate | Problem
    """

    return sync_detailed(
        code=code,
        client=client,
        version=version,
    ).parsed


async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    version: int | None | Unset = UNSET,
) -> Response[PlanTemplate | Problem]:
    """Get a plan template as a tree

     The typical plan (`typical`): sections, groups and items with results and footnotes.

    Args:
        code (str):
        version (int | None | Unset): Default: the newest

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanTemplate | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        version=version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient,
    version: int | None | Unset = UNSET,
) -> PlanTemplate | Problem | None:
    """Get a plan template as a tree

     The typical plan (`typical`): sections, groups and items with results and footnotes.

    Args:
        code (str):
        version (int | None | Unset): Default: the newest

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanTemplate | Problem
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
            version=version,
        )
    ).parsed
