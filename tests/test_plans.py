"""Plans: the generation rule, approval and revisions, derived statuses, evidence, isolation."""

import io
import uuid
from datetime import date, timedelta

import httpx
from docx import Document
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from otklik_kit.auth.scopes import Scope
from plans_api.database import outbox
from tests.conftest import KeyMaker, bearer
from tests.plan_helpers import APPROVAL, generated_plan, item_id, staff_every_item


async def test_plan_holds_exactly_the_no_items_with_their_headers(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    plan = await generated_plan(plans, admin_headers)

    rows = [(r["number"], r["kind"]) for r in plan["rows"]]
    assert rows == [
        ("1", "section"),
        ("1.1", "item"),
        ("1.3", "item"),
        ("2", "section"),
        ("2.3", "group"),
        ("2.3.2", "item"),
        ("2.3.5", "item"),
        ("3", "section"),
        ("3.1", "item"),
        ("3.4", "item"),
        ("5", "section"),
        ("5.2", "item"),
    ]
    first = plan["rows"][1]
    assert first["text"].startswith("Назначение заместителя руководителя")
    assert first["result"].startswith("Приказ о назначении")
    assert first["result_kinds"] == ["order"]
    group = plan["rows"][4]
    assert group["result"] == "Отчет о реализации / внесение изменений в НПА"
    assert next(r for r in plan["rows"] if r["number"] == "3.4")["footnotes"] == ["5"]
    assert [f["mark"] for f in plan["footnotes"]] == ["5"]
    assert plan["title"].startswith("План мероприятий по оптимизации государственной услуги «")
    assert plan["status"] == "draft"
    assert plan["progress"]["items"] == 7


async def test_a_checklist_gives_one_plan(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    plan = await generated_plan(plans, admin_headers)

    again = await plans.post(
        f"/api/v1/checklists/{plan['checklist_id']}/plan", headers=admin_headers
    )

    assert again.status_code == 409


async def test_approval_needs_executors_then_freezes_changes_into_revisions(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    plan = await generated_plan(plans, admin_headers)
    url = f"/api/v1/plans/{plan['id']}"
    unstaffed = await plans.post(f"{url}/approve", json=APPROVAL, headers=admin_headers)
    reworded_in_draft = await plans.patch(
        f"{url}/items/{item_id(plan, '1.3')}",
        json={"text": "Определение ответственного за качество услуги в ОМСУ"},
        headers=admin_headers,
    )
    await staff_every_item(plans, admin_headers, plan, "2030-12-01")
    approved = await plans.post(f"{url}/approve", json=APPROVAL, headers=admin_headers)

    without_reason = await plans.patch(
        f"{url}/items/{item_id(plan, '1.1')}",
        json={"text": "Новая формулировка"},
        headers=admin_headers,
    )
    with_reason = await plans.patch(
        f"{url}/items/{item_id(plan, '1.1')}",
        json={"text": "Назначение заместителя главы ОМСУ", "revision_reason": "Передача в ОМСУ"},
        headers=admin_headers,
    )
    history = await plans.get(f"{url}/history", headers=admin_headers)

    assert unstaffed.status_code == 422
    assert reworded_in_draft.status_code == 200
    assert approved.json()["status"] == "approved"
    assert approved.json()["document_number"] == "12-П"
    assert without_reason.status_code == 422
    assert without_reason.json()["errors"][0]["field"] == "revision_reason"
    assert with_reason.json()["revision"] == 1
    entries = history.json()
    assert [(e["number"], e["reason"]) for e in entries] == [(1, "Передача в ОМСУ")]
    assert entries[0]["changes"][0]["after"] == {"text": "Назначение заместителя главы ОМСУ"}


async def test_item_status_is_derived_overdue_in_progress_done(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    plan = await generated_plan(plans, admin_headers)
    url = f"/api/v1/plans/{plan['id']}"
    yesterday = (date.today() - timedelta(days=2)).isoformat()
    await staff_every_item(plans, admin_headers, plan, "2030-12-01")
    two_executors = await plans.put(
        f"{url}/items/{item_id(plan, '1.1')}/executors",
        json={
            "executors": [
                {
                    "unit": "Департамент министерства",
                    "start_date": "2023-11-01",
                    "end_date": "2023-12-01",
                    "status": "done",
                },
                {"unit": "ОМСУ", "start_date": "2023-12-01", "end_date": "2030-12-25"},
            ]
        },
        headers=admin_headers,
    )
    await plans.put(
        f"{url}/items/{item_id(plan, '5.2')}/executors",
        json={"executors": [{"unit": "Отдел", "start_date": "2023-11-01", "end_date": yesterday}]},
        headers=admin_headers,
    )
    await plans.post(f"{url}/approve", json=APPROVAL, headers=admin_headers)
    omsu = two_executors.json()["rows"][1]["executors"][1]["id"]

    await plans.patch(
        f"{url}/items/{item_id(plan, '1.1')}/executors/{omsu}",
        json={"status": "done"},
        headers=admin_headers,
    )
    awaiting_evidence = (await plans.get(url, headers=admin_headers)).json()
    with_evidence = await plans.post(
        f"{url}/items/{item_id(plan, '1.1')}/evidence",
        json={
            "kind": "order",
            "number": "145-о",
            "document_date": "2023-11-20",
            "title": "О назначении ответственного",
        },
        headers=admin_headers,
    )

    statuses = {r["number"]: r["status"] for r in with_evidence.json()["rows"]}
    assert {r["number"]: r["status"] for r in awaiting_evidence["rows"]}["1.1"] == "in_progress"
    assert statuses["1.1"] == "done"
    assert statuses["5.2"] == "overdue"
    assert statuses["1.3"] == "not_started"
    assert with_evidence.json()["progress"] == {
        "items": 7,
        "not_started": 5,
        "in_progress": 0,
        "done": 1,
        "overdue": 1,
    }


async def test_survey_control_point_closes_only_with_survey_facts(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    plan = await generated_plan(plans, admin_headers)
    url = f"/api/v1/plans/{plan['id']}"
    survey_item = f"{url}/items/{item_id(plan, '3.1')}"
    await staff_every_item(plans, admin_headers, plan, "2030-12-01")
    approved = await plans.post(f"{url}/approve", json=APPROVAL, headers=admin_headers)
    executor = next(r for r in approved.json()["rows"] if r["number"] == "3.1")["executors"][0]
    await plans.patch(
        f"{survey_item}/executors/{executor['id']}", json={"status": "done"}, headers=admin_headers
    )

    report_only = await plans.post(
        f"{survey_item}/evidence",
        json={"kind": "analytical_report", "title": "Аналитический отчет по итогам опроса"},
        headers=admin_headers,
    )
    with_survey = await plans.post(
        f"{survey_item}/evidence",
        json={
            "kind": "analytical_report",
            "title": "Аналитический отчет по итогам опроса",
            "survey": {
                "link": "https://minsoc.example.ru/survey/abc",
                "start_date": "2023-11-01",
                "end_date": "2023-11-30",
                "respondents": 412,
                "instrument": "Анкета удовлетворенности качеством услуги",
            },
        },
        headers=admin_headers,
    )

    assert report_only.status_code == 422
    assert report_only.json()["errors"][0]["field"] == "survey"
    assert with_survey.status_code == 201
    row = next(r for r in with_survey.json()["rows"] if r["number"] == "3.1")
    assert row["control_point"] == "survey_report"
    assert row["status"] == "done"
    assert row["evidence"][0]["survey"]["respondents"] == 412


async def test_custom_item_added_after_approval_needs_a_reason(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    plan = await generated_plan(plans, admin_headers)
    url = f"/api/v1/plans/{plan['id']}"
    await staff_every_item(plans, admin_headers, plan, "2030-12-01")
    await plans.post(f"{url}/approve", json=APPROVAL, headers=admin_headers)
    body = {"section": "3", "text": "Организация анкетирования получателей услуги"}

    refused = await plans.post(f"{url}/items", json=body, headers=admin_headers)
    added = await plans.post(
        f"{url}/items",
        json={**body, "revision_reason": "Предложение граждан"},
        headers=admin_headers,
    )

    assert refused.status_code == 422
    assert [r["number"] for r in added.json()["rows"] if r["number"].startswith("3")] == [
        "3",
        "3.1",
        "3.4",
        "3.5",
    ]


async def test_custom_item_from_a_proposal_is_numbered_after_its_section(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    plan = await generated_plan(plans, admin_headers)

    added = await plans.post(
        f"/api/v1/plans/{plan['id']}/items",
        json={
            "section": "4",
            "text": "Размещение схемы проезда к МФЦ на портале",
            "origin": "proposal",
            "proposal_ref": "feedback:6c1f0a52",
        },
        headers=admin_headers,
    )

    numbers = [r["number"] for r in added.json()["rows"]]
    assert numbers.index("4") == numbers.index("3.4") + 1
    assert numbers[numbers.index("4") + 1] == "4.3"
    item = next(r for r in added.json()["rows"] if r["number"] == "4.3")
    assert (item["origin"], item["proposal_ref"]) == ("proposal", "feedback:6c1f0a52")


async def test_key_of_another_agency_gets_404_on_the_plan(
    plans: httpx.AsyncClient, admin_headers: dict[str, str], make_key: KeyMaker
) -> None:
    plan = await generated_plan(plans, admin_headers)
    stranger = bearer(await make_key(Scope.PLANS_READ, Scope.PLANS_WRITE, agency_id=uuid.uuid4()))

    read = await plans.get(f"/api/v1/plans/{plan['id']}", headers=stranger)
    write = await plans.post(f"/api/v1/plans/{plan['id']}/approve", json=APPROVAL, headers=stranger)
    listing = await plans.get("/api/v1/plans", headers=stranger)
    history = await plans.get(f"/api/v1/plans/{plan['id']}/history", headers=stranger)

    assert read.status_code == 404
    assert write.status_code == 404
    assert history.status_code == 404
    assert listing.json() == []


async def test_progress_per_plan_and_per_agency_lists_overdue_items_with_executors(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    plan = await generated_plan(plans, admin_headers)
    url = f"/api/v1/plans/{plan['id']}"
    await staff_every_item(plans, admin_headers, plan, "2030-12-01")
    await plans.put(
        f"{url}/items/{item_id(plan, '2.3.5')}/executors",
        json={
            "executors": [{"unit": "ОМСУ", "start_date": "2023-12-01", "end_date": "2023-12-25"}]
        },
        headers=admin_headers,
    )
    await plans.post(f"{url}/approve", json=APPROVAL, headers=admin_headers)

    per_plan = await plans.get(f"{url}/progress", headers=admin_headers)
    per_agency = await plans.get(
        f"/api/v1/agencies/{plan['agency_id']}/plan-progress", headers=admin_headers
    )

    assert per_plan.json()["counts"]["overdue"] == 1
    overdue = per_plan.json()["overdue"][0]
    assert (overdue["number"], overdue["executors"][0]["unit"]) == ("2.3.5", "ОМСУ")
    assert per_agency.json()["plans_by_status"] == {"draft": 0, "approved": 1, "completed": 0}
    assert per_agency.json()["counts"]["items"] == 7
    assert [o["number"] for o in per_agency.json()["overdue"]] == ["2.3.5"]


async def test_evidence_file_is_stored_and_served_back(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    plan = await generated_plan(plans, admin_headers)
    url = f"/api/v1/plans/{plan['id']}"
    item = f"{url}/items/{item_id(plan, '1.1')}"
    await staff_every_item(plans, admin_headers, plan, "2030-12-01")
    await plans.post(f"{url}/approve", json=APPROVAL, headers=admin_headers)
    pdf = b"%PDF-1.4\n% signed order\n"

    uploaded = await plans.post(
        f"{item}/evidence/file",
        data={"kind": "order", "title": "Приказ о назначении", "number": "145-о"},
        files={"file": ("Приказ 145-о.pdf", pdf, "application/pdf")},
        headers=admin_headers,
    )
    wrong_type = await plans.post(
        f"{item}/evidence/file",
        data={"kind": "order", "title": "Приказ"},
        files={"file": ("run.sh", b"rm -rf /", "application/x-sh")},
        headers=admin_headers,
    )
    too_big = await plans.post(
        f"{item}/evidence/file",
        data={"kind": "order", "title": "Приказ"},
        files={"file": ("big.pdf", b"0" * 11_000_000, "application/pdf")},
        headers=admin_headers,
    )
    evidence = next(r for r in uploaded.json()["rows"] if r["number"] == "1.1")["evidence"][0]
    downloaded = await plans.get(f"{item}/evidence/{evidence['id']}/file", headers=admin_headers)

    assert uploaded.status_code == 201, uploaded.text
    assert (evidence["file_name"], evidence["file_size"]) == ("Приказ 145-о.pdf", len(pdf))
    assert downloaded.content == pdf
    assert downloaded.headers["content-type"] == "application/pdf"
    assert "filename*=UTF-8''" in downloaded.headers["content-disposition"]
    assert wrong_type.status_code == 422
    assert wrong_type.json()["errors"][0]["field"] == "file"
    assert too_big.status_code == 413


async def test_plan_exports_open_back_in_the_official_form(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    plan = await generated_plan(plans, admin_headers)
    url = f"/api/v1/plans/{plan['id']}"
    await staff_every_item(plans, admin_headers, plan, "2030-12-01")
    await plans.put(
        f"{url}/items/{item_id(plan, '1.1')}/executors",
        json={
            "executors": [
                {
                    "unit": "Департамент министерства",
                    "person": "Иванова А.С.",
                    "person_position": "директор",
                    "start_date": "2023-11-01",
                    "end_date": "2023-12-01",
                },
                {"unit": "ОМСУ", "start_date": "2023-12-01", "end_date": "2023-12-25"},
            ]
        },
        headers=admin_headers,
    )
    await plans.post(f"{url}/approve", json=APPROVAL, headers=admin_headers)

    docx_response = await plans.get(f"{url}/export.docx", headers=admin_headers)
    xlsx_response = await plans.get(f"{url}/export.xlsx", headers=admin_headers)

    table = Document(io.BytesIO(docx_response.content)).tables[0]
    header = [c.text for c in table.rows[0].cells]
    assert header == [
        "№ п/п",
        "Мероприятие",
        "Дата начала",
        "Дата окончания",
        "Ответственный",
        "Результат",
    ]
    # an item with several executors may span several table rows with merged cells
    first_column = list(dict.fromkeys(row.cells[0].text for row in table.rows[1:]))
    assert first_column == [
        "1.",
        "1.1.",
        "1.3.",
        "2.",
        "2.3.",
        "2.3.2.",
        "2.3.5.",
        "3.",
        "3.1.",
        "3.4.",
        "5.",
        "5.2.",
    ]
    item_rows = [row.cells for row in table.rows[1:] if row.cells[0].text == "1.1."]

    def stacked(column: int) -> list[str]:
        return [line for cells in item_rows for line in cells[column].text.splitlines()]

    assert stacked(2) == ["01.11.2023", "01.12.2023"]
    assert stacked(3) == ["01.12.2023", "25.12.2023"]
    assert stacked(4) == ["Департамент министерства (директор, Иванова А.С.)", "ОМСУ"]
    assert item_rows[0][5].text.startswith("Приказ о назначении")

    sheet = load_workbook(io.BytesIO(xlsx_response.content)).worksheets[0]
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    header_index = next(i for i, r in enumerate(cells) if r[:2] == ["№ п/п", "Мероприятие"])
    start = next(i for i, r in enumerate(cells) if i > header_index and r[0] == "1.1.")
    end = next(i for i, r in enumerate(cells) if i > start and r[0] is not None)
    responsible = [str(r[4]) for r in cells[start:end]]
    assert responsible == ["Департамент министерства (директор, Иванова А.С.)", "ОМСУ"]
    assert docx_response.headers["content-type"].endswith("wordprocessingml.document")
    assert "attachment" in xlsx_response.headers["content-disposition"]


async def test_approval_and_item_status_changes_are_published_for_the_worker(
    plans: httpx.AsyncClient,
    admin_headers: dict[str, str],
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    plan = await generated_plan(plans, admin_headers)
    url = f"/api/v1/plans/{plan['id']}"
    await staff_every_item(plans, admin_headers, plan, "2030-12-01")
    approved = await plans.post(f"{url}/approve", json=APPROVAL, headers=admin_headers)
    row = next(r for r in approved.json()["rows"] if r["number"] == "1.3")
    executor = f"{url}/items/{row['id']}/executors/{row['executors'][0]['id']}"

    await plans.patch(executor, json={"status": "in_progress"}, headers=admin_headers)
    await plans.patch(executor, json={"status": "in_progress"}, headers=admin_headers)

    async with sessionmaker() as session:
        events = (
            await session.execute(
                select(outbox.c.type, outbox.c.payload)
                .where(outbox.c.type.like("plan.%"))
                .order_by(outbox.c.seq)
            )
        ).all()
    assert [(t, p.get("items"), p.get("number"), p.get("status")) for t, p in events] == [
        ("plan.approved", 7, None, None),
        ("plan.item_status_changed", None, "1.3", "in_progress"),
    ]
    assert events[1].payload["previous_status"] == "not_started"
