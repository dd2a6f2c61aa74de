"""Steps shared by the checklist and plan tests: a template's items and a generated plan."""

from typing import Any

import httpx

from tests.catalog_helpers import create_agency, create_service

# A regional ministry's self-check: these items are not done yet («нет»).
MISSING = ("1.1", "1.3", "2.3.2", "2.3.5", "3.1", "3.4", "5.2")
NOT_APPLICABLE = ("2.6.1",)


async def template_items(client: httpx.AsyncClient, headers: dict[str, str]) -> list[str]:
    template = (await client.get("/api/v1/plan-templates/typical", headers=headers)).json()
    leaves: list[str] = []

    def visit(nodes: list[dict[str, Any]]) -> None:
        for node in nodes:
            if node["kind"] == "item":
                leaves.append(node["number"])
            visit(node["children"])

    visit(template["nodes"])
    return leaves


def answers_for(leaves: list[str]) -> dict[str, str]:
    return {
        n: "no" if n in MISSING else "not_applicable" if n in NOT_APPLICABLE else "yes"
        for n in leaves
    }


async def generated_plan(
    client: httpx.AsyncClient, headers: dict[str, str], agency_name: str = "Министерство соцзащиты"
) -> dict[str, Any]:
    agency = await create_agency(client, headers, agency_name)
    service = await create_service(client, headers, agency)
    leaves = await template_items(client, headers)
    checklist = await client.post(
        f"/api/v1/services/{service['id']}/checklists",
        json={"answers": answers_for(leaves)},
        headers=headers,
    )
    plan = await client.post(f"/api/v1/checklists/{checklist.json()['id']}/plan", headers=headers)
    assert plan.status_code == 201, plan.text
    result: dict[str, Any] = plan.json()
    return result


def item_id(plan: dict[str, Any], number: str) -> str:
    return str(next(r["id"] for r in plan["rows"] if r["number"] == number))


async def staff_every_item(
    client: httpx.AsyncClient, headers: dict[str, str], plan: dict[str, Any], end: str
) -> None:
    for row in plan["rows"]:
        if row["kind"] == "item":
            response = await client.put(
                f"/api/v1/plans/{plan['id']}/items/{row['id']}/executors",
                json={
                    "executors": [
                        {
                            "unit": "Отдел организации предоставления услуг",
                            "start_date": "2023-11-01",
                            "end_date": end,
                        }
                    ]
                },
                headers=headers,
            )
            assert response.status_code == 200, response.text


APPROVAL = {
    "approving_official": "Министр социальной защиты Республики Примерной",
    "document_number": "12-П",
    "document_date": "2023-10-30",
}
