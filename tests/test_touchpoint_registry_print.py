"""The registry XLSX prints on A4 at a readable size, with the fields of seed 003, 3.2–3.6."""

import io
from typing import Any

import httpx
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from plans_api.exports import layout
from tests.catalog_helpers import create_agency, create_service

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BASIS = "Соглашение о взаимодействии с МФЦ от 10.01.2024 № 5"


def _body(agency_id: str, **fields: Any) -> dict[str, Any]:
    return {
        "agency_id": agency_id,
        "kind": "one_stop_center",
        "name": "МФЦ «Мои документы», отделение на ул. Ленина",
        "address": "г. Примерск, ул. Ленина, д. 1",
        "directions": ["state_services", "support_measures"],
        "client_needs": ["consultation", "submission", "result"],
        "collects_feedback": True,
        "feedback_channel": "Терминал оценки качества в зале ожидания",
        "basis_kind": "agreement",
        "basis_document": BASIS,
        "responsible_unit": "Отдел организации предоставления услуг",
        "responsible_persons": ["Заместитель министра", "Начальник отдела услуг"],
        **fields,
    }


async def _registry(
    plans: httpx.AsyncClient, headers: dict[str, str], *bodies: dict[str, Any]
) -> list[Worksheet]:
    for body in bodies:
        created = await plans.post("/api/v1/touchpoints", json=body, headers=headers)
        assert created.status_code == 201, created.text
    agency_id = bodies[0]["agency_id"]
    response = await plans.get(
        "/api/v1/touchpoints/export.xlsx", params={"agency_id": agency_id}, headers=headers
    )
    assert response.status_code == 200, response.text
    return list(load_workbook(io.BytesIO(response.content)).worksheets)


async def test_basis_and_responsible_are_kept_and_read_back(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    agency = await create_agency(plans, admin_headers)
    created = await plans.post("/api/v1/touchpoints", json=_body(agency), headers=admin_headers)
    url = f"/api/v1/touchpoints/{created.json()['id']}"
    changed = await plans.patch(
        url, json={"basis_kind": "instruction", "responsible_persons": []}, headers=admin_headers
    )
    nulled = await plans.patch(url, json={"responsible_persons": None}, headers=admin_headers)
    plain = await plans.post(
        "/api/v1/touchpoints",
        json={
            k: v
            for k, v in _body(agency, address="г. Примерск, ул. Мира, 2").items()
            if not k.startswith(("basis", "responsible"))
        },
        headers=admin_headers,
    )

    assert created.status_code == 201, created.text
    read = created.json()
    assert (read["basis_kind"], read["basis_document"]) == ("agreement", BASIS)
    assert read["basis_label"] == "акт, контракт, соглашение о работе точки взаимодействия"
    assert read["responsible_unit"] == "Отдел организации предоставления услуг"
    assert read["responsible_persons"] == ["Заместитель министра", "Начальник отдела услуг"]
    assert changed.json()["basis_kind"] == "instruction"
    assert changed.json()["responsible_persons"] == []
    assert nulled.status_code == 422
    assert plain.json()["basis_kind"] is None
    assert plain.json()["responsible_persons"] == []


async def test_registry_has_one_sheet_per_direction_with_basis_and_responsible(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    agency = await create_agency(plans, admin_headers)
    site = _body(
        agency,
        kind="official_site",
        name="Официальный сайт",
        url="https://minsoc.example.ru",
        address=None,
        directions=["information_access"],
        basis_kind="npa",
        basis_document="Федеральный закон от 09.02.2009 № 8-ФЗ",
    )

    sheets = await _registry(plans, admin_headers, _body(agency), site)

    assert [s.title for s in sheets] == [
        "Перечень",
        "Услуги",
        "Меры поддержки",
        "Доступ к информации",
    ]
    rows = [list(r) for r in sheets[0].iter_rows(min_row=4, values_only=True)]
    assert rows[0][9] == f"Акт, контракт, соглашение о работе точки взаимодействия: {BASIS}"
    assert rows[0][10] == (
        "Отдел организации предоставления услуг\nЗаместитель министра\nНачальник отдела услуг"
    )
    information = [list(r) for r in sheets[3].iter_rows(min_row=4, values_only=True)]
    assert [(r[0], r[2]) for r in information] == [(1, "Официальный сайт")]
    assert "доступ к информации о деятельности" in str(sheets[3]["A2"].value)


def _check_printable(sheet: Worksheet) -> None:
    setup = sheet.page_setup
    assert (setup.orientation, str(setup.paperSize)) == ("landscape", "9")  # 9: A4
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    assert sheet.sheet_properties.pageSetUpPr is not None
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$3:$3"
    widths = [sheet.column_dimensions[chr(ord("A") + i)].width for i in range(11)]
    assert all(w > 0 for w in widths)
    scale = layout.landscape_fit_scale(widths, side_margins_in=sheet.page_margins.left)
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            if cell.value is not None:
                # the size the printed page shows, after fitting the width to the page
                assert cell.font.size * scale >= 9, (cell.coordinate, cell.font.size, scale)
                assert cell.alignment.wrap_text


async def test_registry_sheets_print_on_a4_landscape_at_a_readable_size(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    agency = await create_agency(plans, admin_headers)

    sheets = await _registry(plans, admin_headers, _body(agency))

    for sheet in sheets:
        _check_printable(sheet)


async def test_registry_rows_are_as_tall_as_their_text_and_never_cut(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    agency = await create_agency(plans, admin_headers)
    titles = [f"Государственная услуга по выдаче разрешения номер {n}" for n in range(60)]
    services = [await create_service(plans, admin_headers, agency, title=title) for title in titles]
    short = _body(agency, address="г. Примерск, ул. Мира, 2", directions=["state_services"])
    many = _body(agency, directions=["state_services"], service_ids=[s["id"] for s in services])

    sheet = (await _registry(plans, admin_headers, short, many))[0]

    heights = {r: sheet.row_dimensions[r].height for r in range(4, sheet.max_row + 1)}
    assert all(h is not None and h <= layout.MAX_ROW_PT for h in heights.values())
    # the short row holds 3 lines of needs at least; the long one continues over more rows
    short_row = next(r for r in heights if sheet.cell(r, 5).value == "г. Примерск, ул. Мира, 2")
    assert heights[short_row] >= 3 * 13
    continued = [sheet.cell(r, 8).value for r in range(4, sheet.max_row + 1) if r != short_row]
    assert len(continued) >= 2
    printed = " ".join(str(v) for v in continued if v)
    for title in titles:
        assert title in printed
