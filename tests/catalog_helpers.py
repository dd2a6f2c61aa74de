"""Shared steps of the catalog tests: an agency and a service created through the API."""

from typing import Any

import httpx

SERVICE_TITLE = "Назначение ежемесячной денежной выплаты на ребенка от трех до семи лет"


async def create_agency(
    client: httpx.AsyncClient, headers: dict[str, str], name: str = "Министерство соцзащиты"
) -> str:
    response = await client.post(
        "/api/v1/agencies", json={"name": name, "level": "regional"}, headers=headers
    )
    assert response.status_code == 201, response.text
    agency_id: str = response.json()["id"]
    return agency_id


async def create_service(
    client: httpx.AsyncClient, headers: dict[str, str], agency_id: str, **fields: Any
) -> dict[str, Any]:
    body = {
        "agency_id": agency_id,
        "title": SERVICE_TITLE,
        "direction": "state_services",
        "stages": ["result", "information", "application", "decision"],
        **fields,
    }
    response = await client.post("/api/v1/services", json=body, headers=headers)
    assert response.status_code == 201, response.text
    service: dict[str, Any] = response.json()
    return service
