"""The touchpoint registry (seed 003) through the HTTP API, its export included."""

import io
import uuid
from typing import Any

import httpx
from fastapi import FastAPI
from openpyxl import load_workbook

from otklik_kit.auth.scopes import Scope
from tests.catalog_helpers import create_agency, create_service
from tests.conftest import KeyMaker, bearer
from tests.http_helpers import assert_no_content

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MFC_NAME = "МФЦ «Мои документы» на ул. Ленина"


def touchpoint_body(agency_id: str, **fields: Any) -> dict[str, Any]:
    return {
        "agency_id": agency_id,
        "kind": "one_stop_center",
        "name": MFC_NAME,
        "address": "г. Примерск, ул. Ленина, д. 1",
        "directions": ["state_services"],
        "client_needs": ["submission", "consultation"],
        "collects_feedback": False,
        **fields,
    }


async def create_touchpoint(
    client: httpx.AsyncClient, headers: dict[str, str], agency_id: str, **fields: Any
) -> dict[str, Any]:
    response = await client.post(
        "/api/v1/touchpoints", json=touchpoint_body(agency_id, **fields), headers=headers
    )
    assert response.status_code == 201, response.text
    touchpoint: dict[str, Any] = response.json()
    return touchpoint


async def rejected_field(
    client: httpx.AsyncClient, headers: dict[str, str], body: dict[str, Any]
) -> str:
    response = await client.post("/api/v1/touchpoints", json=body, headers=headers)
    assert response.status_code == 422, response.text
    field: str = response.json()["errors"][0]["field"]
    return field


async def test_touchpoint_is_created_with_its_services_and_russian_labels(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    agency = await create_agency(plans, admin_headers)
    service = await create_service(plans, admin_headers, agency)

    created = await create_touchpoint(
        plans,
        admin_headers,
        agency,
        directions=["support_measures", "state_services"],
        service_ids=[service["id"]],
        collects_feedback=True,
        feedback_channel="Терминал оценки в зале ожидания",
    )
    fetched = await plans.get(f"/api/v1/touchpoints/{created['id']}", headers=admin_headers)

    body = fetched.json()
    assert body["service_ids"] == [service["id"]]
    assert body["is_digital"] is False  # an MFC is an offline point by its kind
    assert body["directions"] == ["state_services", "support_measures"]
    assert body["client_needs"] == ["consultation", "submission"]
    assert body["kind_label"].startswith("обособленные учреждения, где в режиме одного окна")
    assert body["client_need_labels"] == [
        "получение консультации",
        "представление заявления, обращения, запроса, документов",
    ]
    assert body["feedback_channel"] == "Терминал оценки в зале ожидания"


async def test_each_invalid_touchpoint_is_422_naming_its_field(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    agency = await create_agency(plans, admin_headers)
    site = {"kind": "official_site", "address": None}

    assert await rejected_field(plans, admin_headers, touchpoint_body(agency, **site)) == "url"
    assert await rejected_field(plans, admin_headers, touchpoint_body(agency, address=None)) == (
        "address"
    )
    undecided_kind = touchpoint_body(agency, kind="contact_center")
    assert await rejected_field(plans, admin_headers, undecided_kind) == "is_digital"
    offline_site = touchpoint_body(agency, **site, url="https://minsoc.example", is_digital=False)
    assert await rejected_field(plans, admin_headers, offline_site) == "is_digital"
    bad_url = touchpoint_body(agency, **site, url="minsoc.example")
    assert await rejected_field(plans, admin_headers, bad_url) == "url"
    no_needs = touchpoint_body(agency, client_needs=[])
    assert await rejected_field(plans, admin_headers, no_needs) == "client_needs"
    unknown_need = touchpoint_body(agency, client_needs=["information", "teleportation"])
    assert await rejected_field(plans, admin_headers, unknown_need) == "client_needs.1"
    repeated = touchpoint_body(agency, directions=["appeals", "appeals"])
    assert await rejected_field(plans, admin_headers, repeated) == "directions"
    extra = touchpoint_body(agency, rating=5)
    assert await rejected_field(plans, admin_headers, extra) == "rating"


async def test_linked_services_must_be_the_agencys_and_of_its_directions(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    agency = await create_agency(plans, admin_headers, "Министерство А")
    other = await create_agency(plans, admin_headers, "Министерство Б")
    own = await create_service(plans, admin_headers, agency)
    support = await create_service(
        plans, admin_headers, agency, direction="support_measures", title="Мера поддержки"
    )
    foreign = await create_service(plans, admin_headers, other)

    other_agencys = touchpoint_body(agency, service_ids=[own["id"], foreign["id"]])
    unknown = touchpoint_body(agency, service_ids=[str(uuid.uuid4())])
    other_direction = touchpoint_body(agency, service_ids=[own["id"], support["id"]])

    assert await rejected_field(plans, admin_headers, other_agencys) == "service_ids.1"
    assert await rejected_field(plans, admin_headers, unknown) == "service_ids.0"
    assert await rejected_field(plans, admin_headers, other_direction) == "service_ids.1"


async def test_registry_is_filtered_by_direction_kind_service_and_channel(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    agency = await create_agency(plans, admin_headers)
    other = await create_agency(plans, admin_headers, "Министерство Б")
    payment = await create_service(plans, admin_headers, agency)
    benefit = await create_service(
        plans, admin_headers, agency, direction="support_measures", title="Мера поддержки"
    )
    site = await create_touchpoint(
        plans,
        admin_headers,
        agency,
        kind="official_site",
        name="Официальный сайт министерства",
        url="https://minsoc.example",
        address=None,
        service_ids=[payment["id"]],
        collects_feedback=True,
    )
    mfc = await create_touchpoint(
        plans,
        admin_headers,
        agency,
        directions=["state_services", "support_measures"],
        service_ids=[payment["id"], benefit["id"]],
    )
    hotline = await create_touchpoint(
        plans,
        admin_headers,
        agency,
        kind="contact_center",
        is_digital=False,
        name="Горячая линия",
        address="8-800-000-00-00",
        directions=["appeals"],
    )
    await create_touchpoint(plans, admin_headers, other, name="Чужой МФЦ")

    async def names(**params: Any) -> list[str]:
        response = await plans.get(
            "/api/v1/touchpoints", params={"agency_id": agency, **params}, headers=admin_headers
        )
        assert response.status_code == 200, response.text
        return [t["name"] for t in response.json()["items"]]

    assert await names() == [hotline["name"], mfc["name"], site["name"]]
    assert await names(direction="support_measures") == [mfc["name"]]
    assert await names(direction="appeals") == [hotline["name"]]
    assert await names(kind="official_site") == [site["name"]]
    assert await names(service_id=payment["id"]) == [mfc["name"], site["name"]]
    assert await names(service_id=benefit["id"]) == [mfc["name"]]
    assert await names(digital=True) == [site["name"]]
    assert await names(digital=False) == [hotline["name"], mfc["name"]]
    assert await names(collects_feedback=True) == [site["name"]]


async def test_listing_pages_with_a_cursor(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    agency = await create_agency(plans, admin_headers)
    for n in range(3):
        await create_touchpoint(plans, admin_headers, agency, name=f"Точка {n}")

    first = await plans.get("/api/v1/touchpoints", params={"limit": 2}, headers=admin_headers)
    second = await plans.get(
        "/api/v1/touchpoints",
        params={"limit": 2, "cursor": first.json()["next_cursor"]},
        headers=admin_headers,
    )

    names = [t["name"] for t in first.json()["items"] + second.json()["items"]]
    assert names == ["Точка 0", "Точка 1", "Точка 2"]
    assert second.json()["next_cursor"] is None


async def test_agency_bound_key_cannot_see_or_touch_other_agencies_touchpoints(
    plans: httpx.AsyncClient, admin_headers: dict[str, str], make_key: KeyMaker
) -> None:
    own = await create_agency(plans, admin_headers, "Министерство А")
    other = await create_agency(plans, admin_headers, "Министерство Б")
    mine = await create_touchpoint(plans, admin_headers, own, name="Свой МФЦ")
    foreign = await create_touchpoint(plans, admin_headers, other, name="Чужой МФЦ")
    key = bearer(await make_key(Scope.PLANS_READ, Scope.PLANS_WRITE, agency_id=uuid.UUID(own)))
    url = f"/api/v1/touchpoints/{foreign['id']}"

    read = await plans.get(url, headers=key)
    write = await plans.patch(url, json={"name": "Захват"}, headers=key)
    delete = await plans.delete(url, headers=key)
    create = await plans.post("/api/v1/touchpoints", json=touchpoint_body(other), headers=key)
    listing = await plans.get("/api/v1/touchpoints", headers=key)
    asked_for_other = await plans.get(
        "/api/v1/touchpoints", params={"agency_id": other}, headers=key
    )
    export = await plans.get(
        "/api/v1/touchpoints/export.xlsx", params={"agency_id": other}, headers=key
    )
    still_there = await plans.get(url, headers=admin_headers)

    assert (read.status_code, write.status_code, delete.status_code) == (404, 404, 404)
    assert create.status_code == 403
    assert [t["id"] for t in listing.json()["items"]] == [mine["id"]]
    assert asked_for_other.json()["items"] == []
    assert export.status_code == 404
    assert still_there.json()["name"] == "Чужой МФЦ"


async def test_update_rechecks_the_rules_and_delete_removes(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    agency = await create_agency(plans, admin_headers)
    payment = await create_service(plans, admin_headers, agency)
    touchpoint = await create_touchpoint(plans, admin_headers, agency, service_ids=[payment["id"]])
    url = f"/api/v1/touchpoints/{touchpoint['id']}"

    site_without_url = await plans.patch(url, json={"kind": "official_site"}, headers=admin_headers)
    nameless = await plans.patch(url, json={"name": None}, headers=admin_headers)
    orphaned = await plans.patch(url, json={"directions": ["appeals"]}, headers=admin_headers)
    to_site = await plans.patch(
        url,
        json={"kind": "official_site", "url": "https://minsoc.example", "service_ids": []},
        headers=admin_headers,
    )
    deleted = await plans.delete(url, headers=admin_headers)
    assert_no_content(deleted)
    gone = await plans.get(url, headers=admin_headers)

    assert site_without_url.status_code == 422
    assert site_without_url.json()["errors"][0]["field"] == "url"
    assert nameless.json()["errors"][0]["field"] == "name"
    assert orphaned.json()["errors"][0]["field"] == "directions"
    assert to_site.status_code == 200, to_site.text
    assert (to_site.json()["is_digital"], to_site.json()["service_ids"]) == (True, [])
    assert deleted.status_code == 204
    assert gone.status_code == 404


async def test_touchpoint_stays_editable_after_its_service_changes_direction(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    agency = await create_agency(plans, admin_headers)
    payment = await create_service(plans, admin_headers, agency)
    touchpoint = await create_touchpoint(plans, admin_headers, agency, service_ids=[payment["id"]])
    await plans.patch(
        f"/api/v1/services/{payment['id']}",
        json={"direction": "support_measures"},
        headers=admin_headers,
    )

    renamed = await plans.patch(
        f"/api/v1/touchpoints/{touchpoint['id']}", json={"name": "МФЦ"}, headers=admin_headers
    )
    relinked = await plans.patch(
        f"/api/v1/touchpoints/{touchpoint['id']}",
        json={"service_ids": [payment["id"]]},
        headers=admin_headers,
    )

    assert renamed.status_code == 200, renamed.text
    assert relinked.json()["errors"][0]["field"] == "service_ids.0"


async def test_registry_exports_to_xlsx_as_a_ministry_sends_it(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    agency = await create_agency(plans, admin_headers, "Министерство социальной защиты")
    payment = await create_service(plans, admin_headers, agency, title="Выплата на ребенка")
    benefit = await create_service(
        plans, admin_headers, agency, title="Адресная помощь", direction="support_measures"
    )
    await create_touchpoint(
        plans,
        admin_headers,
        agency,
        directions=["support_measures", "state_services"],
        service_ids=[payment["id"], benefit["id"]],
        collects_feedback=True,
        feedback_channel="Терминал оценки",
    )
    await create_touchpoint(
        plans,
        admin_headers,
        agency,
        kind="official_site",
        name="Сайт министерства",
        url="https://minsoc.example",
        address=None,
        client_needs=["information"],
    )

    response = await plans.get(
        "/api/v1/touchpoints/export.xlsx", params={"agency_id": agency}, headers=admin_headers
    )
    offline_only = await plans.get(
        "/api/v1/touchpoints/export.xlsx",
        params={"agency_id": agency, "digital": False},
        headers=admin_headers,
    )
    unscoped = await plans.get("/api/v1/touchpoints/export.xlsx", headers=admin_headers)

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == XLSX
    assert response.headers["content-disposition"].startswith('attachment; filename="touchpoints')
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == "Перечень точек взаимодействия"
    assert rows[1][0] == "Министерство социальной защиты"
    assert rows[2] == [
        "№",
        "Вид точки взаимодействия",
        "Наименование",
        "Цифровая / офлайн",
        "Адрес (URL)",
        "Направления деятельности",
        "Потребности клиента",
        "Услуги (функции)",
        "Сбор обратной связи",
        "Основание (документ)",
        "Ответственное подразделение, уполномоченные лица",
    ]
    assert rows[3][0] == 1
    assert str(rows[3][1]).startswith("Обособленные учреждения, где в режиме одного окна")
    assert rows[3][2:] == [
        MFC_NAME,
        "Офлайн",
        "г. Примерск, ул. Ленина, д. 1",
        "государственные услуги;\nмеры государственной поддержки",
        "получение консультации;\nпредставление заявления, обращения, запроса, документов",
        "Адресная помощь;\nВыплата на ребенка",
        "Да: Терминал оценки",
        None,
        None,
    ]
    assert rows[4][:5] == [
        2,
        "Официальные сайты (порталы)",
        "Сайт министерства",
        "Цифровая",
        "https://minsoc.example",
    ]
    assert rows[4][8] == "Нет"
    assert len(rows) == 5
    assert sheet.freeze_panes == "A4"
    assert sheet["G4"].alignment.wrap_text is True
    assert sheet.column_dimensions["C"].width >= 18
    offline_rows = list(load_workbook(io.BytesIO(offline_only.content)).worksheets[0].values)
    assert [r[2] for r in offline_rows[3:]] == [MFC_NAME]
    assert unscoped.status_code == 422
    assert unscoped.json()["errors"][0]["field"] == "agency_id"


def test_export_declares_the_xlsx_media_type_in_openapi(plans_app: FastAPI) -> None:
    operation = plans_app.openapi()["paths"]["/api/v1/touchpoints/export.xlsx"]["get"]

    assert list(operation["responses"]["200"]["content"]) == [XLSX]
