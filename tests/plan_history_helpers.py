"""A plan with a past: approved three months ago, one item done last month, one started today;
the history's clock is set back for each step, as if each happened on its day."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import httpx
import pytest

from plans_api.plans import history
from tests.plan_helpers import APPROVAL, answers_for, item_id, template_items
from tests.report_helpers import today


def month_start(day: date, back: int) -> date:
    month = day.month - 1 - back
    return date(day.year + month // 12, month % 12 + 1, 1)


def month_end(first: date) -> date:
    return month_start(first, -1) - timedelta(days=1)


@dataclass(frozen=True)
class PastPlan:
    plan: dict[str, Any]
    early: date  # first day of the month three months ago
    late: date  # first day of last month
    deadline: date  # 1.1's and 5.2's end date, in the early month

    @property
    def early_end(self) -> date:
        return month_end(self.early)

    @property
    def late_end(self) -> date:
        return month_end(self.late)


def set_clock(monkeypatch: pytest.MonkeyPatch, day: date | None) -> None:
    if day is None:
        monkeypatch.setattr(history, "now", lambda: datetime.now(UTC))
    else:
        moment = datetime.combine(day, time(9), UTC)
        monkeypatch.setattr(history, "now", lambda: moment)


async def plan_with_a_past(
    plans: httpx.AsyncClient,
    headers: dict[str, str],
    service_id: str,
    monkeypatch: pytest.MonkeyPatch,
) -> PastPlan:
    """Seven items (1.1 1.3 2.3.2 2.3.5 3.1 3.4 5.2). Approved on the early month's 5th with
    1.1 and 5.2 due on its 20th; 1.1 done with its order on the late month's 10th; 1.3 started
    today; a custom item 5.6 added today."""
    early, late = month_start(today(), 3), month_start(today(), 1)
    deadline = early + timedelta(days=19)
    leaves = await template_items(plans, headers)
    checklist = await plans.post(
        f"/api/v1/services/{service_id}/checklists",
        json={"answers": answers_for(leaves)},
        headers=headers,
    )
    plan = (
        await plans.post(f"/api/v1/checklists/{checklist.json()['id']}/plan", headers=headers)
    ).json()
    url = f"/api/v1/plans/{plan['id']}"
    for row in plan["rows"]:
        if row["kind"] != "item":
            continue
        end = deadline if row["number"] in ("1.1", "5.2") else date(2030, 12, 1)
        executors = [
            {
                "unit": f"Отдел по пункту {row['number']}",
                "start_date": early.isoformat(),
                "end_date": end.isoformat(),
            }
        ]
        staffed = await plans.put(
            f"{url}/items/{row['id']}/executors", json={"executors": executors}, headers=headers
        )
        assert staffed.status_code == 200, staffed.text
    set_clock(monkeypatch, early + timedelta(days=4))
    approved = await plans.post(f"{url}/approve", json=APPROVAL, headers=headers)
    assert approved.status_code == 200, approved.text
    rows = {r["number"]: r for r in approved.json()["rows"]}

    set_clock(monkeypatch, late + timedelta(days=9))
    done = await plans.patch(
        f"{url}/items/{rows['1.1']['id']}/executors/{rows['1.1']['executors'][0]['id']}",
        json={"status": "done"},
        headers=headers,
    )
    assert done.status_code == 200, done.text
    evidence = await plans.post(
        f"{url}/items/{rows['1.1']['id']}/evidence",
        json={"kind": "order", "number": "145-о", "title": "О назначении ответственного"},
        headers=headers,
    )
    assert evidence.status_code == 201, evidence.text

    set_clock(monkeypatch, None)
    started = await plans.patch(
        f"{url}/items/{rows['1.3']['id']}/executors/{rows['1.3']['executors'][0]['id']}",
        json={"status": "in_progress"},
        headers=headers,
    )
    assert started.status_code == 200, started.text
    added = await plans.post(
        f"{url}/items",
        json={
            "section": "5",
            "text": "Запуск записи на прием через чат-бот",
            "revision_reason": "Предложение по итогам обратной связи",
        },
        headers=headers,
    )
    assert added.status_code == 201, added.text
    final: dict[str, Any] = added.json()
    assert item_id(final, "1.1")
    return PastPlan(plan=final, early=early, late=late, deadline=deadline)
