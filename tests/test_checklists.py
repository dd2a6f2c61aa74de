"""Self-check checklists: drafts, validation of item numbers and answers, completeness."""

import httpx

from tests.catalog_helpers import create_agency, create_service
from tests.plan_helpers import answers_for, template_items


async def test_template_is_served_as_a_tree(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    response = await plans.get("/api/v1/plan-templates/typical", headers=admin_headers)
    missing_version = await plans.get(
        "/api/v1/plan-templates/typical", params={"version": 99}, headers=admin_headers
    )

    template = response.json()
    assert [n["number"] for n in template["nodes"]] == ["1", "2", "3", "4", "5"]
    group = next(c for c in template["nodes"][1]["children"] if c["number"] == "2.3")
    assert group["kind"] == "group"
    assert group["children"][0]["number"] == "2.3.1"
    assert len(await template_items(plans, admin_headers)) == 42
    assert missing_version.status_code == 404


async def test_draft_checklist_reports_what_is_unanswered_then_completes(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    service = await create_service(plans, admin_headers, await create_agency(plans, admin_headers))
    leaves = await template_items(plans, admin_headers)

    draft = await plans.post(
        f"/api/v1/services/{service['id']}/checklists",
        json={"answers": {"1.1": "no", "1.2": "yes"}, "comments": {"1.1": "Нет приказа"}},
        headers=admin_headers,
    )
    completed = await plans.patch(
        f"/api/v1/checklists/{draft.json()['id']}",
        json={"answers": {n: "yes" for n in leaves if n not in ("1.1", "1.2")}},
        headers=admin_headers,
    )

    assert draft.status_code == 201
    assert draft.json()["complete"] is False
    assert draft.json()["unanswered"][:3] == ["1.3", "1.4", "1.5"]
    assert len(draft.json()["unanswered"]) == 40
    assert completed.json()["complete"] is True
    assert completed.json()["answers"]["1.1"] == "no"
    assert completed.json()["comments"] == {"1.1": "Нет приказа"}
    assert completed.json()["counts"] == {"yes": 41, "no": 1, "not_applicable": 0}


async def test_unknown_items_and_answers_are_422_naming_them(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    service = await create_service(plans, admin_headers, await create_agency(plans, admin_headers))
    url = f"/api/v1/services/{service['id']}/checklists"

    unknown_item = await plans.post(
        url, json={"answers": {"1.1": "no", "9.9": "yes", "2.3": "no"}}, headers=admin_headers
    )
    unknown_answer = await plans.post(
        url, json={"answers": {"1.1": "maybe"}}, headers=admin_headers
    )

    assert unknown_item.status_code == 422
    assert [e["field"] for e in unknown_item.json()["errors"]] == ["answers.9.9", "answers.2.3"]
    assert unknown_answer.status_code == 422
    assert unknown_answer.json()["errors"][0]["field"] == "answers.1.1"


async def test_incomplete_checklist_cannot_become_a_plan(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    service = await create_service(plans, admin_headers, await create_agency(plans, admin_headers))
    leaves = await template_items(plans, admin_headers)
    answers = answers_for(leaves)
    del answers["2.6.6"], answers["4.2"]
    checklist = await plans.post(
        f"/api/v1/services/{service['id']}/checklists",
        json={"answers": answers},
        headers=admin_headers,
    )

    response = await plans.post(
        f"/api/v1/checklists/{checklist.json()['id']}/plan", headers=admin_headers
    )

    assert response.status_code == 422
    assert "2.6.6" in response.json()["detail"]
    assert "4.2" in response.json()["detail"]
