"""State services and life situations through the HTTP API."""

import uuid

import httpx
from fastapi import FastAPI

from otklik_kit.auth.scopes import Scope
from reporting_worker.config import ReportingSettings
from tests.catalog_helpers import SERVICE_TITLE, create_agency, create_service
from tests.conftest import KeyMaker, bearer, drain_worker


async def test_service_keeps_its_stages_in_client_path_order(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    agency = await create_agency(plans, admin_headers)

    service = await create_service(plans, admin_headers, agency)
    fetched = await plans.get(f"/api/v1/services/{service['id']}", headers=admin_headers)

    assert fetched.json()["stages"] == ["information", "application", "decision", "result"]
    assert fetched.json()["title"] == SERVICE_TITLE


async def test_invalid_service_input_names_each_field(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    agency = await create_agency(plans, admin_headers)

    unknown_stage = await plans.post(
        "/api/v1/services",
        json={
            "agency_id": agency,
            "title": "Услуга",
            "direction": "state_services",
            "stages": ["information", "teleportation"],
        },
        headers=admin_headers,
    )
    repeated_stage = await plans.post(
        "/api/v1/services",
        json={
            "agency_id": agency,
            "title": "Услуга",
            "direction": "state_services",
            "stages": ["result", "result"],
        },
        headers=admin_headers,
    )
    unknown_agency = await plans.post(
        "/api/v1/services",
        json={
            "agency_id": "3f0e6d0c-8a57-4d4e-9a51-5b3c2a1d9e10",
            "title": "Услуга",
            "direction": "state_services",
            "stages": ["result"],
        },
        headers=admin_headers,
    )

    assert unknown_stage.status_code == 422
    assert unknown_stage.json()["errors"][0]["field"] == "stages.1"
    assert repeated_stage.status_code == 422
    assert repeated_stage.json()["errors"][0]["field"] == "stages"
    assert unknown_agency.status_code == 422
    assert unknown_agency.json()["errors"][0]["field"] == "agency_id"


async def test_register_number_is_unique(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    agency = await create_agency(plans, admin_headers)
    first = await create_service(
        plans, admin_headers, agency, register_number="1300000010000123456"
    )

    again = await plans.post(
        "/api/v1/services",
        json={
            "agency_id": agency,
            "title": "Другая",
            "direction": "state_services",
            "stages": ["result"],
            "register_number": "1300000010000123456",
        },
        headers=admin_headers,
    )

    assert again.status_code == 409
    assert first["id"] in again.json()["detail"]
    assert again.json()["errors"][0]["field"] == "register_number"


async def test_services_are_grouped_by_life_situation_and_searchable_by_text_and_stage(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    agency = await create_agency(plans, admin_headers)
    birth = await plans.post(
        "/api/v1/life-situations",
        json={"code": "birth_of_child", "title": "Рождение ребенка"},
        headers=admin_headers,
    )
    payment = await create_service(
        plans, admin_headers, agency, life_situation_ids=[birth.json()["id"]]
    )
    await create_service(plans, admin_headers, agency, title="Выдача охотничьего билета")

    by_situation = await plans.get(
        "/api/v1/services", params={"life_situation_id": birth.json()["id"]}, headers=admin_headers
    )
    by_text = await plans.get("/api/v1/services", params={"q": "охотничь"}, headers=admin_headers)
    hunting = await create_service(
        plans, admin_headers, agency, title="Выдача разрешения на добычу", stages=["payment"]
    )
    by_stage = await plans.get(
        "/api/v1/services", params={"stage": "payment"}, headers=admin_headers
    )

    assert [s["id"] for s in by_situation.json()["items"]] == [payment["id"]]
    assert payment["life_situations"][0]["code"] == "birth_of_child"
    assert [s["title"] for s in by_text.json()["items"]] == ["Выдача охотничьего билета"]
    assert [s["id"] for s in by_stage.json()["items"]] == [hunting["id"]]


async def test_changing_stages_and_retiring(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    agency = await create_agency(plans, admin_headers)
    service = await create_service(plans, admin_headers, agency)

    changed = await plans.patch(
        f"/api/v1/services/{service['id']}",
        json={"stages": ["payment", "information"]},
        headers=admin_headers,
    )
    retired = await plans.post(f"/api/v1/services/{service['id']}/retire", headers=admin_headers)
    active = await plans.get("/api/v1/services", headers=admin_headers)
    everything = await plans.get(
        "/api/v1/services", params={"include_retired": True}, headers=admin_headers
    )

    assert changed.json()["stages"] == ["information", "payment"]
    assert retired.json()["retired_at"] is not None
    assert active.json()["items"] == []
    assert len(everything.json()["items"]) == 1


async def test_agency_bound_key_cannot_see_or_touch_other_agencies_services(
    plans: httpx.AsyncClient, admin_headers: dict[str, str], make_key: KeyMaker
) -> None:
    own = await create_agency(plans, admin_headers, "Министерство А")
    other = await create_agency(plans, admin_headers, "Министерство Б")
    foreign = await create_service(plans, admin_headers, other)
    key = bearer(await make_key(Scope.PLANS_READ, Scope.PLANS_WRITE, agency_id=uuid.UUID(own)))

    read = await plans.get(f"/api/v1/services/{foreign['id']}", headers=key)
    write = await plans.patch(
        f"/api/v1/services/{foreign['id']}", json={"title": "Захват"}, headers=key
    )
    create = await plans.post(
        "/api/v1/services",
        json={"agency_id": other, "title": "Услуга", "direction": "other", "stages": ["result"]},
        headers=key,
    )
    listing = await plans.get("/api/v1/services", headers=key)

    assert read.status_code == 404
    assert write.status_code == 404
    assert create.status_code == 403
    assert listing.json()["items"] == []


async def test_service_changes_reach_the_reporting_worker(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    admin_headers: dict[str, str],
) -> None:
    agency = await create_agency(plans, admin_headers)
    service = await create_service(plans, admin_headers, agency)
    await plans.patch(
        f"/api/v1/services/{service['id']}", json={"stages": ["result"]}, headers=admin_headers
    )
    await plans.post(f"/api/v1/services/{service['id']}/retire", headers=admin_headers)

    await plans_app.state.outbox_relay.relay_once()
    await drain_worker(reporting_settings)

    known = await reporting.get("/api/v1/directory/services", headers=admin_headers)
    assert [(s["id"], s["stages"], s["retired"], s["revision"]) for s in known.json()] == [
        (service["id"], ["result"], True, 3)
    ]
