"""Bulk import of services: all rows or none, each bad row reported by line and column."""

import io

import httpx
from openpyxl import Workbook

from tests.catalog_helpers import create_agency

HEADER = "agency_id;title;register_number;direction;stages;life_situations"


def csv_file(text: str) -> dict[str, tuple[str, bytes, str]]:
    return {"file": ("services.csv", text.encode("utf-8"), "text/csv")}


async def test_csv_import_creates_every_row(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    agency = await create_agency(plans, admin_headers)
    await plans.post(
        "/api/v1/life-situations",
        json={"code": "birth_of_child", "title": "Рождение ребенка"},
        headers=admin_headers,
    )
    text = "\n".join(
        [
            HEADER,
            f"{agency};Выдача справки о составе семьи;1300000010000000001;state_services;"
            "information,application,result;birth_of_child",
            f"{agency};Прием обращений граждан;;appeals;application,result;",
        ]
    )

    response = await plans.post(
        "/api/v1/services/import", files=csv_file(text), headers=admin_headers
    )
    listing = await plans.get("/api/v1/services", headers=admin_headers)

    assert response.status_code == 201, response.text
    assert response.json()["created"] == 2
    titles = {s["title"]: s for s in listing.json()["items"]}
    assert titles["Выдача справки о составе семьи"]["life_situations"][0]["code"] == (
        "birth_of_child"
    )
    assert titles["Прием обращений граждан"]["direction"] == "appeals"


async def test_bad_rows_are_all_reported_and_nothing_is_written(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    agency = await create_agency(plans, admin_headers)
    text = "\n".join(
        [
            HEADER,
            f"{agency};Хорошая услуга;1300000010000000001;state_services;result;",
            f"{agency};Плохая услуга;;galactic;result;",
            f"{agency};Еще одна;1300000010000000001;state_services;flying;unknown_code",
        ]
    )

    response = await plans.post(
        "/api/v1/services/import", files=csv_file(text), headers=admin_headers
    )
    listing = await plans.get("/api/v1/services", headers=admin_headers)

    assert response.status_code == 422
    fields = [e["field"] for e in response.json()["errors"]]
    assert fields == ["line 3: direction", "line 4: stages"]
    assert listing.json()["items"] == []


async def test_reference_errors_are_reported_by_line(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    agency = await create_agency(plans, admin_headers)
    text = "\n".join(
        [
            HEADER,
            f"{agency};Первая;1300000010000000001;state_services;result;",
            f"{agency};Вторая;1300000010000000001;state_services;result;unknown_code",
            "3f0e6d0c-8a57-4d4e-9a51-5b3c2a1d9e10;Третья;;state_services;result;",
        ]
    )

    response = await plans.post(
        "/api/v1/services/import", files=csv_file(text), headers=admin_headers
    )

    assert response.status_code == 422
    fields = [e["field"] for e in response.json()["errors"]]
    assert fields == ["line 3: life_situations", "line 3: register_number", "line 4: agency_id"]


async def test_xlsx_import(plans: httpx.AsyncClient, admin_headers: dict[str, str]) -> None:
    agency = await create_agency(plans, admin_headers)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["agency_id", "title", "direction", "stages"])
    sheet.append(
        [
            agency,
            "Лицензирование розничной продажи алкоголя",
            "control_supervision",
            "application; inspection; decision",
        ]
    )
    buffer = io.BytesIO()
    book.save(buffer)

    response = await plans.post(
        "/api/v1/services/import",
        files={"file": ("services.xlsx", buffer.getvalue(), "application/octet-stream")},
        headers=admin_headers,
    )
    listing = await plans.get("/api/v1/services", headers=admin_headers)

    assert response.status_code == 201, response.text
    assert listing.json()["items"][0]["stages"] == ["application", "inspection", "decision"]


async def test_missing_columns_are_named(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    response = await plans.post(
        "/api/v1/services/import", files=csv_file("title;foo\nУслуга;1\n"), headers=admin_headers
    )

    assert response.status_code == 422
    message = response.json()["errors"][0]["message"]
    assert "missing columns: agency_id, direction, stages" in message
    assert "unknown columns: foo" in message
