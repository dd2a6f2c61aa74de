"""Moving an executor's dates on an approved plan keeps the progress the others reported."""

from datetime import date, timedelta
from typing import Any

import httpx

from tests.plan_helpers import APPROVAL, generated_plan, item_id, staff_every_item

REASON = "Перенос срока по решению рабочей группы"


async def _approved_with_two_executors(
    plans: httpx.AsyncClient, headers: dict[str, str]
) -> tuple[str, str, dict[str, Any]]:
    """An approved plan whose item 1.1 has a ministry executor (done, past) and the ОМСУ."""
    plan = await generated_plan(plans, headers)
    url = f"/api/v1/plans/{plan['id']}"
    await staff_every_item(plans, headers, plan, "2030-12-01")
    item = f"{url}/items/{item_id(plan, '1.1')}"
    past_end = (date.today() - timedelta(days=10)).isoformat()
    staffed = await plans.put(
        f"{item}/executors",
        json={
            "executors": [
                {"unit": "Министерство", "start_date": "2023-11-01", "end_date": past_end},
                {"unit": "ОМСУ", "start_date": "2023-12-01", "end_date": "2030-12-25"},
            ]
        },
        headers=headers,
    )
    assert staffed.status_code == 200, staffed.text
    approved = await plans.post(f"{url}/approve", json=APPROVAL, headers=headers)
    assert approved.status_code == 200, approved.text
    row = next(r for r in approved.json()["rows"] if r["number"] == "1.1")
    ministry = row["executors"][0]["id"]
    done = await plans.patch(
        f"{item}/executors/{ministry}", json={"status": "done"}, headers=headers
    )
    assert done.status_code == 200, done.text
    return url, item, next(r for r in done.json()["rows"] if r["number"] == "1.1")


def _executors(body: dict[str, Any], number: str = "1.1") -> list[dict[str, Any]]:
    row = next(r for r in body["rows"] if r["number"] == number)
    executors: list[dict[str, Any]] = row["executors"]
    return executors


async def test_done_executor_stays_done_when_another_executors_date_moves(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    _, item, row = await _approved_with_two_executors(plans, admin_headers)
    ministry = row["executors"][0]

    moved = await plans.put(
        f"{item}/executors",
        json={
            "executors": [
                {
                    "unit": "Министерство",
                    "start_date": "2023-11-01",
                    "end_date": ministry["end_date"],
                },
                {"unit": "ОМСУ", "start_date": "2023-12-01", "end_date": "2031-03-01"},
            ],
            "revision_reason": REASON,
        },
        headers=admin_headers,
    )

    assert moved.status_code == 200, moved.text
    kept, omsu = _executors(moved.json())
    assert (kept["id"], kept["status"]) == (ministry["id"], "done")
    assert kept["completed_at"] == ministry["completed_at"]
    assert omsu["end_date"] == "2031-03-01"


async def test_moving_a_date_does_not_turn_a_done_executors_item_overdue(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    _, item, row = await _approved_with_two_executors(plans, admin_headers)
    assert row["status"] == "in_progress"

    moved = await plans.put(
        f"{item}/executors",
        json={
            "executors": [
                # given by id: the responsible may be renamed and stays the same executor
                {
                    "id": row["executors"][0]["id"],
                    "unit": "Министерство (отдел услуг)",
                    "start_date": "2023-11-01",
                    "end_date": row["executors"][0]["end_date"],
                },
                {"unit": "омсу", "start_date": "2023-12-01", "end_date": "2031-03-01"},
            ],
            "revision_reason": REASON,
        },
        headers=admin_headers,
    )

    assert moved.status_code == 200, moved.text
    moved_row = next(r for r in moved.json()["rows"] if r["number"] == "1.1")
    assert moved_row["status"] == "in_progress"
    assert [e["status"] for e in moved_row["executors"]] == ["done", "not_started"]


async def test_history_keeps_the_executors_before_and_after(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    url, item, row = await _approved_with_two_executors(plans, admin_headers)

    await plans.put(
        f"{item}/executors",
        json={
            "executors": [
                {"unit": "Министерство", "start_date": "2023-11-01", "end_date": "2030-01-01"},
                {
                    "unit": "Подведомственное учреждение",
                    "start_date": "2024-01-01",
                    "end_date": "2031-03-01",
                },
            ],
            "revision_reason": REASON,
        },
        headers=admin_headers,
    )

    history = (await plans.get(f"{url}/history", headers=admin_headers)).json()
    change = history[-1]["changes"][0]
    assert change["what"] == "executors"
    assert [(e["unit"], e["status"], e["end_date"]) for e in change["before"]] == [
        ("Министерство", "done", row["executors"][0]["end_date"]),
        ("ОМСУ", "not_started", "2030-12-25"),
    ]
    assert [(e["unit"], e["status"], e["end_date"]) for e in change["after"]] == [
        ("Министерство", "done", "2030-01-01"),
        ("Подведомственное учреждение", "not_started", "2031-03-01"),
    ]
    assert change["after"][0]["id"] == change["before"][0]["id"]


async def test_an_explicit_status_still_reports_progress_and_an_unknown_id_is_422(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    _, item, row = await _approved_with_two_executors(plans, admin_headers)
    ministry, omsu = row["executors"]
    given: list[dict[str, Any]] = [
        {**{k: ministry[k] for k in ("unit", "start_date", "end_date")}, "status": "in_progress"},
        {k: omsu[k] for k in ("unit", "start_date", "end_date")},
    ]
    body = {"executors": given, "revision_reason": REASON}

    reopened = await plans.put(f"{item}/executors", json=body, headers=admin_headers)
    given[1]["id"] = ministry["id"]
    given[0]["id"] = "00000000-0000-4000-8000-000000000000"
    unknown = await plans.put(f"{item}/executors", json=body, headers=admin_headers)

    assert [e["status"] for e in _executors(reopened.json())] == ["in_progress", "not_started"]
    assert _executors(reopened.json())[0]["completed_at"] is None
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["field"] == "executors.0.id"
