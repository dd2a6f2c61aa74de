"""The catalog stays consistent: no parent cycles, no body under a lower level, no duplicates."""

import io
from typing import Any

import httpx
from openpyxl import Workbook

from tests.catalog_helpers import SERVICE_TITLE, create_agency, create_service

HEADER = "agency_id;title;direction;stages"


async def _agency(
    client: httpx.AsyncClient, headers: dict[str, str], name: str, level: str, **fields: Any
) -> str:
    response = await client.post(
        "/api/v1/agencies", json={"name": name, "level": level, **fields}, headers=headers
    )
    assert response.status_code == 201, response.text
    agency_id: str = response.json()["id"]
    return agency_id


def _touchpoint(agency_id: str, **fields: Any) -> dict[str, Any]:
    return {
        "agency_id": agency_id,
        "kind": "official_site",
        "name": "Официальный сайт министерства",
        "url": "https://minsoc.example.ru/",
        "directions": ["state_services"],
        "client_needs": ["information"],
        "collects_feedback": False,
        **fields,
    }


async def test_agency_parent_cycle_is_refused(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    a = await _agency(plans, admin_headers, "Министерство А", "regional")
    b = await _agency(plans, admin_headers, "Департамент Б", "regional", parent_id=a)
    c = await _agency(plans, admin_headers, "Отдел В", "regional", parent_id=b)

    two = await plans.patch(f"/api/v1/agencies/{a}", json={"parent_id": b}, headers=admin_headers)
    three = await plans.patch(f"/api/v1/agencies/{a}", json={"parent_id": c}, headers=admin_headers)
    itself = await plans.patch(
        f"/api/v1/agencies/{a}", json={"parent_id": a}, headers=admin_headers
    )
    unchanged = await plans.get(f"/api/v1/agencies/{a}", headers=admin_headers)

    for refused in (two, three, itself):
        assert refused.status_code == 422, refused.text
        assert refused.json()["errors"][0]["field"] == "parent_id"
        assert refused.json()["errors"][0]["type"] == "cycle"
    assert unchanged.json()["parent_id"] is None


async def test_agency_under_a_lower_level_is_refused_on_create_and_update(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    municipality = await _agency(plans, admin_headers, "Администрация Примерска", "municipal")
    region = await _agency(plans, admin_headers, "Министерство Примерной области", "regional")
    federal = await _agency(plans, admin_headers, "Федеральная служба", "federal")

    under_municipal = await plans.post(
        "/api/v1/agencies",
        json={"name": "Федеральное агентство", "level": "federal", "parent_id": municipality},
        headers=admin_headers,
    )
    moved = await plans.patch(
        f"/api/v1/agencies/{federal}", json={"parent_id": region}, headers=admin_headers
    )
    await _agency(plans, admin_headers, "Территориальный орган", "regional", parent_id=federal)
    raised_above_child = await plans.patch(
        f"/api/v1/agencies/{federal}", json={"level": "municipal"}, headers=admin_headers
    )
    allowed = await plans.patch(
        f"/api/v1/agencies/{municipality}", json={"parent_id": region}, headers=admin_headers
    )

    assert under_municipal.status_code == 422
    assert under_municipal.json()["errors"][0]["type"] == "level_order"
    assert moved.status_code == 422
    assert moved.json()["errors"][0]["field"] == "parent_id"
    assert raised_above_child.status_code == 422
    assert raised_above_child.json()["errors"][0]["field"] == "level"
    assert allowed.status_code == 200


async def test_duplicate_agency_name_is_409_naming_the_existing_one(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    first = await _agency(
        plans, admin_headers, "Министерство здравоохранения", "regional", region_code="13"
    )
    other_region = await _agency(
        plans, admin_headers, "Министерство здравоохранения", "regional", region_code="14"
    )

    again = await plans.post(
        "/api/v1/agencies",
        json={
            "name": "  министерство   ЗДРАВООХРАНЕНИЯ ",
            "level": "regional",
            "region_code": "13",
        },
        headers=admin_headers,
    )
    renamed = await plans.patch(
        f"/api/v1/agencies/{other_region}", json={"region_code": "13"}, headers=admin_headers
    )

    for refused in (again, renamed):
        assert refused.status_code == 409, refused.text
        assert refused.json()["code"] == "duplicate"
        assert first in refused.json()["detail"]
        assert refused.json()["errors"][0]["field"] == "name"


async def test_duplicate_service_title_in_an_agency_is_409_on_create_and_update(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    agency = await create_agency(plans, admin_headers)
    other_agency = await create_agency(plans, admin_headers, "Министерство транспорта")
    first = await create_service(plans, admin_headers, agency)
    await create_service(plans, admin_headers, other_agency)  # another agency may share it
    second = await create_service(plans, admin_headers, agency, title="Выдача справок")

    again = await plans.post(
        "/api/v1/services",
        json={
            "agency_id": agency,
            "title": SERVICE_TITLE.upper(),
            "direction": "state_services",
            "stages": ["result"],
        },
        headers=admin_headers,
    )
    renamed = await plans.patch(
        f"/api/v1/services/{second['id']}", json={"title": SERVICE_TITLE}, headers=admin_headers
    )
    kept = await plans.patch(
        f"/api/v1/services/{first['id']}", json={"title": SERVICE_TITLE}, headers=admin_headers
    )

    for refused in (again, renamed):
        assert refused.status_code == 409, refused.text
        assert first["id"] in refused.json()["detail"]
    assert kept.status_code == 200


async def test_bulk_import_refuses_duplicate_titles_with_409_naming_them(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    agency = await create_agency(plans, admin_headers)
    existing = await create_service(plans, admin_headers, agency)
    text = "\n".join(
        [
            HEADER,
            f"{agency};{SERVICE_TITLE};state_services;result",
            f"{agency};Выдача справок;state_services;result",
            f"{agency};выдача  справок;state_services;result",
        ]
    )
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for line in text.splitlines():
        sheet.append(line.split(";"))
    xlsx = io.BytesIO()
    book.save(xlsx)

    as_csv = await plans.post(
        "/api/v1/services/import",
        files={"file": ("s.csv", text.encode(), "text/csv")},
        headers=admin_headers,
    )
    as_xlsx = await plans.post(
        "/api/v1/services/import",
        files={"file": ("s.xlsx", xlsx.getvalue(), "application/octet-stream")},
        headers=admin_headers,
    )
    listed = await plans.get(
        "/api/v1/services", params={"agency_id": agency}, headers=admin_headers
    )

    for refused in (as_csv, as_xlsx):
        assert refused.status_code == 409, refused.text
        errors = refused.json()["errors"]
        assert [e["field"] for e in errors] == ["line 2: title", "line 4: title"]
        assert existing["id"] in errors[0]["message"]
        assert "line 3" in errors[1]["message"]
    assert len(listed.json()["items"]) == 1


async def test_duplicate_touchpoint_at_the_same_place_is_409_on_create_and_update(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    agency = await create_agency(plans, admin_headers)
    first = await plans.post("/api/v1/touchpoints", json=_touchpoint(agency), headers=admin_headers)
    elsewhere = await plans.post(
        "/api/v1/touchpoints",
        json=_touchpoint(agency, url="https://minsoc.example.ru/services"),
        headers=admin_headers,
    )

    again = await plans.post(
        "/api/v1/touchpoints",
        json=_touchpoint(
            agency, name="официальный сайт  министерства", url="https://MINSOC.example.ru"
        ),
        headers=admin_headers,
    )
    moved = await plans.patch(
        f"/api/v1/touchpoints/{elsewhere.json()['id']}",
        json={"url": "https://minsoc.example.ru/"},
        headers=admin_headers,
    )
    offline = await plans.post(
        "/api/v1/touchpoints",
        json=_touchpoint(
            agency,
            kind="agency_office",
            name="Приёмная",
            url=None,
            address="г. Примерск, ул. Ленина, 1",
        ),
        headers=admin_headers,
    )
    offline_again = await plans.post(
        "/api/v1/touchpoints",
        json=_touchpoint(
            agency,
            kind="agency_office",
            name="Приемная",
            url=None,
            address="г. Примерск,  ул. Ленина, 1",
        ),
        headers=admin_headers,
    )

    assert (first.status_code, elsewhere.status_code, offline.status_code) == (201, 201, 201)
    for refused, existing in ((again, first), (moved, first), (offline_again, offline)):
        assert refused.status_code == 409, refused.text
        assert existing.json()["id"] in refused.json()["detail"]
