"""Plan progress as of a date: a past day's counts, overdue items and done items come from the
item state history, not from today's plan."""

from datetime import timedelta
from typing import Any

import httpx
import pytest

from tests.conftest import KeyMaker
from tests.feedback_helpers import Catalog
from tests.plan_helpers import APPROVAL, staff_every_item
from tests.plan_history_helpers import plan_with_a_past
from tests.report_helpers import today
from tests.test_proposals import Path, incoming, path, plan, proposed

__all__ = ["path", "plan"]  # the proposal tests' fixtures, used here too


async def progress_on(
    plans: httpx.AsyncClient, headers: dict[str, str], service_id: str, day: str | None
) -> dict[str, object]:
    params = {"service_id": service_id} | ({"as_of": day} if day else {})
    response = await plans.get("/api/v1/plan-progress", params=params, headers=headers)
    assert response.status_code == 200, response.text
    [plan] = response.json()["plans"]
    return {"as_of": response.json()["as_of"], **plan}


async def test_plan_progress_as_of_past_months_differs_from_today(
    plans: httpx.AsyncClient,
    catalog: Catalog,
    admin_headers: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    past = await plan_with_a_past(plans, admin_headers, catalog.service_id, monkeypatch)

    early = await progress_on(plans, admin_headers, catalog.service_id, str(past.early_end))
    late = await progress_on(plans, admin_headers, catalog.service_id, str(past.late_end))
    now = await progress_on(plans, admin_headers, catalog.service_id, None)
    before_approval = await plans.get(
        "/api/v1/plan-progress",
        params={"service_id": catalog.service_id, "as_of": str(past.early)},
        headers=admin_headers,
    )

    # three months ago: 1.1 and 5.2 past their deadline, nothing started
    assert early["counts"] == {
        "items": 7, "not_started": 5, "in_progress": 0, "done": 0, "overdue": 2
    }  # fmt: skip
    overdue = {item["number"]: item for item in early["overdue"]}  # type: ignore[attr-defined]
    assert sorted(overdue) == ["1.1", "5.2"]
    assert overdue["5.2"]["missed_deadline"] == str(past.deadline)
    assert overdue["5.2"]["late_executor"]["unit"] == "Отдел по пункту 5.2"
    assert early["done_items"] == []
    # last month: 1.1 done on the 10th, 5.2 still overdue; the custom item 5.6 not there yet
    assert late["counts"] == {
        "items": 7, "not_started": 5, "in_progress": 0, "done": 1, "overdue": 1
    }  # fmt: skip
    done_items: list[dict[str, str]] = late["done_items"]  # type: ignore[assignment]
    assert [(d["number"], d["done_on"]) for d in done_items] == [
        ("1.1", str(past.late + timedelta(days=9)))
    ]
    # today: 1.3 started, the custom item added
    assert now["as_of"] == str(today())
    assert now["counts"] == {
        "items": 8, "not_started": 5, "in_progress": 1, "done": 1, "overdue": 1
    }  # fmt: skip
    assert [i["number"] for i in now["overdue"]] == ["5.2"]  # type: ignore[attr-defined]
    # the day of approval is the 5th: on the 1st the plan was not tracked yet
    assert before_approval.json()["plans"] == []


async def test_plan_progress_as_of_a_future_day_is_today(
    plans: httpx.AsyncClient,
    catalog: Catalog,
    admin_headers: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    await plan_with_a_past(plans, admin_headers, catalog.service_id, monkeypatch)
    later = str(today() + timedelta(days=40))

    future = await progress_on(plans, admin_headers, catalog.service_id, later)
    bad = await plans.get(
        "/api/v1/plan-progress",
        params={"service_id": catalog.service_id, "as_of": "31.08.2026"},
        headers=admin_headers,
    )

    assert future["as_of"] == str(today())
    assert future["counts"]["in_progress"] == 1  # type: ignore[index]
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "as_of"


async def test_an_item_accepted_from_a_proposal_is_done_with_the_proposals_stage(
    feedback: httpx.AsyncClient,
    plans: httpx.AsyncClient,
    admin_headers: dict[str, str],
    make_key: KeyMaker,
    plan: dict[str, Any],
    path: Path,
) -> None:
    await staff_every_item(plans, admin_headers, plan, "2030-12-01")
    url = f"/api/v1/plans/{plan['id']}"
    approved = await plans.post(f"{url}/approve", json=APPROVAL, headers=admin_headers)
    assert approved.status_code == 200, approved.text
    await proposed(feedback, make_key, plan)  # given at the application stage
    await path.carry()
    [proposal] = await incoming(plans, admin_headers)
    accepted = await plans.post(
        f"/api/v1/proposals/{proposal['id']}/accept",
        json={"plan_id": plan["id"], "section": "2", "text": "Схема прохода на сайте"},
        headers=admin_headers,
    )
    item = f"{url}/items/{accepted.json()['plan_item_id']}"
    executors = [
        {
            "unit": "Отдел информатизации",
            "start_date": str(today()),
            "end_date": str(today()),
            "status": "done",
        }
    ]
    staffed = await plans.put(
        f"{item}/executors",
        json={"executors": executors, "revision_reason": "Исполнитель назначен"},
        headers=admin_headers,
    )
    assert staffed.status_code == 200, staffed.text
    evidence = await plans.post(
        f"{item}/evidence",
        json={"kind": "implementation_report", "title": "Схема размещена на сайте"},
        headers=admin_headers,
    )
    assert evidence.status_code == 201, evidence.text

    progress = await progress_on(plans, admin_headers, plan["service_id"], None)

    done_items: list[dict[str, Any]] = progress["done_items"]  # type: ignore[assignment]
    [done] = done_items
    assert (done["origin"], done["stages"], done["criteria"]) == ("proposal", ["application"], [])
    assert done["number"] == accepted.json()["item_number"]
    assert done["done_on"] == str(today())
