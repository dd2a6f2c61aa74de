"""Shared steps of the report tests: the upstream clients on the test apps' ASGI transports, a
reporting worker that uses them, a tracked plan and a survey run for a service."""

import dataclasses
from datetime import date, datetime, time, timedelta
from typing import Any

import httpx
from fastapi import FastAPI

from feedback_api.config import FeedbackSettings
from otklik_kit.auth.scopes import Scope
from otklik_kit.events.relay import OutboxRelay
from otklik_shared.measures import MOSCOW
from reporting_worker.config import ReportingSettings
from reporting_worker.reports.upstream import Upstream
from reporting_worker.upstream.client import FeedbackApi, PlansApi
from reporting_worker.worker import WORKER as REPORTING_WORKER
from tests.conftest import KeyMaker, drain
from tests.feedback_helpers import Catalog, sync_catalog
from tests.plan_helpers import APPROVAL, MISSING, answers_for, item_id, template_items

DOWN = "http://127.0.0.1:9"  # nothing listens there: a dependency that is down


def moscow_noon(day: date) -> str:
    return datetime.combine(day, time(12, 0), MOSCOW).isoformat()


def today() -> date:
    return datetime.now(MOSCOW).date()


def _asgi(app: FastAPI, token: str, base_url: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url=base_url,
        headers={"Authorization": f"Bearer {token}"},
    )


async def service_key(make_key: KeyMaker) -> str:
    """The reporting worker's own key: read-only scopes, no agency."""
    return await make_key(Scope.PLANS_READ, Scope.FEEDBACK_READ)


def upstream_on(plans_app: FastAPI, feedback_app: FastAPI, token: str) -> Upstream:
    """The worker's upstream clients, talking to the test apps in process."""
    return Upstream(
        plans=PlansApi(_asgi(plans_app, token, "http://plans-api")),
        feedback=FeedbackApi(_asgi(feedback_app, token, "http://feedback-api")),
    )


def upstream_down(token: str) -> Upstream:
    return Upstream(
        plans=PlansApi.connect(DOWN, token),
        feedback=FeedbackApi.connect(DOWN, token),
    )


async def drain_reports(settings: ReportingSettings, upstream: Upstream) -> None:
    """The reporting worker's real path (events, report builds) with the given clients."""

    async def use_upstream(ctx: dict[str, Any]) -> None:
        ctx["upstream"] = upstream

    spec = dataclasses.replace(
        REPORTING_WORKER, on_startup=(use_upstream, *REPORTING_WORKER.on_startup), on_shutdown=()
    )
    await drain(spec, settings)


async def relay_feedback(feedback_app: FastAPI) -> None:
    relay: OutboxRelay = feedback_app.state.outbox_relay
    while await relay.relay_once():
        pass


async def add_touchpoint(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback_settings: FeedbackSettings,
    headers: dict[str, str],
    catalog: Catalog,
) -> str:
    response = await plans.post(
        "/api/v1/touchpoints",
        json={
            "agency_id": catalog.agency_id,
            "kind": "one_stop_center",
            "name": "МФЦ «Мои документы» на ул. Ленина",
            "address": "г. Примерск, ул. Ленина, д. 1",
            "directions": ["state_services"],
            "client_needs": ["submission", "result"],
            "collects_feedback": True,
            "feedback_channel": "Терминал оценки",
            "service_ids": [catalog.service_id],
        },
        headers=headers,
    )
    assert response.status_code == 201, response.text
    await sync_catalog(plans_app, feedback_settings)
    touchpoint_id: str = response.json()["id"]
    return touchpoint_id


async def tracked_plan(
    plans: httpx.AsyncClient, headers: dict[str, str], service_id: str
) -> dict[str, Any]:
    """An approved plan of the seven MISSING items: 1.1 done, 1.3 in progress, 5.2 overdue,
    the four others not started."""
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
        overdue = row["number"] == "5.2"
        end = (today() - timedelta(days=3)).isoformat() if overdue else "2030-12-01"
        executors = [{"unit": "Отдел услуг", "start_date": "2023-11-01", "end_date": end}]
        staffed = await plans.put(
            f"{url}/items/{row['id']}/executors", json={"executors": executors}, headers=headers
        )
        assert staffed.status_code == 200, staffed.text
    approved = await plans.post(f"{url}/approve", json=APPROVAL, headers=headers)
    assert approved.status_code == 200, approved.text
    rows = {r["number"]: r for r in approved.json()["rows"]}
    for number, status in (("1.1", "done"), ("1.3", "in_progress")):
        executor = rows[number]["executors"][0]["id"]
        changed = await plans.patch(
            f"{url}/items/{item_id(approved.json(), number)}/executors/{executor}",
            json={"status": status},
            headers=headers,
        )
        assert changed.status_code == 200, changed.text
    evidence = await plans.post(
        f"{url}/items/{item_id(approved.json(), '1.1')}/evidence",
        json={"kind": "order", "number": "145-о", "title": "О назначении ответственного"},
        headers=headers,
    )
    assert evidence.status_code == 201, evidence.text
    assert len(MISSING) == 7
    result: dict[str, Any] = evidence.json()
    return result


@dataclasses.dataclass(frozen=True)
class Dataset:
    catalog: Catalog
    touchpoint_id: str
    date_from: date
    date_to: date
    upstream: Upstream

    def request(self, **fields: Any) -> dict[str, Any]:
        return {
            "subject_kind": "service",
            "subject_id": self.catalog.service_id,
            "date_from": self.date_from.isoformat(),
            "date_to": self.date_to.isoformat(),
            **fields,
        }


# (days before today, stage, channel, at the touchpoint, rating, criteria, comment)
Row = tuple[int, str, str, bool, int, dict[str, int], str | None]
DIGITAL_1 = "Сайт постоянно зависает, заявление не отправляется, портал выдает ошибку"
DIGITAL_2 = "Портал выдает ошибку при загрузке документов"
QUEUE_1 = "Очередь огромная, ждала два часа, работало одно окно"
QUEUE_2 = "Простояла в очереди полтора часа"
THANKS = "Всё быстро, спасибо"
# The report period is the 10 days up to today; the previous one the 10 days before it.
CURRENT: list[Row] = [
    # application at the regional portal: 4 2 1 2 5 → CSAT 2/5 = 40 %
    (5, "application", "regional_portal", False, 4, {}, None),
    (5, "application", "regional_portal", False, 2, {}, DIGITAL_2),
    (5, "application", "regional_portal", False, 1, {}, DIGITAL_1),
    (5, "application", "regional_portal", False, 2, {}, None),
    (5, "application", "regional_portal", False, 5, {}, THANKS),
    # result at the MFC touchpoint: 5 5 4 1 3 → CSAT 3/5 = 60 %; queue_wait 4 5 3 1 2 → 3.0
    (4, "result", "mfc", True, 5, {"queue_wait": 4}, None),
    (4, "result", "mfc", True, 5, {"queue_wait": 5}, None),
    (4, "result", "mfc", True, 4, {"queue_wait": 3}, None),
    (4, "result", "mfc", True, 1, {"queue_wait": 1}, QUEUE_1),
    (4, "result", "mfc", True, 3, {"queue_wait": 2}, QUEUE_2),
    # information on the EPGU: 1 1 (two responses: too few for the pain map)
    (3, "information", "epgu", False, 1, {}, None),
    (3, "information", "epgu", False, 1, {}, None),
    # decision at the MFC without a touchpoint: eight 5s (nobody dissatisfied)
    *[(2, "decision", "mfc", False, 5, {}, None) for _ in range(7)],
    (2, "decision", "mfc", False, 5, {}, "Спасибо, всё понятно и удобно"),
]
PREVIOUS: list[Row] = [
    # application: 5 5 5 4 2 → CSAT 4/5 = 80 %
    (15, "application", "regional_portal", False, 5, {}, None),
    (15, "application", "regional_portal", False, 5, {}, None),
    (15, "application", "regional_portal", False, 5, {}, None),
    (15, "application", "regional_portal", False, 4, {}, None),
    (
        15,
        "application",
        "regional_portal",
        False,
        2,
        {},
        "Личный кабинет не работает, ошибка при входе",
    ),
    # result at the touchpoint: 5 4 4 4 5 → CSAT 100 %; queue_wait 5 4 4 4 5 → 4.4
    (14, "result", "mfc", True, 5, {"queue_wait": 5}, THANKS),
    (14, "result", "mfc", True, 4, {"queue_wait": 4}, None),
    (14, "result", "mfc", True, 4, {"queue_wait": 4}, None),
    (14, "result", "mfc", True, 4, {"queue_wait": 4}, None),
    (14, "result", "mfc", True, 5, {"queue_wait": 5}, None),
]


async def post_rows(
    feedback: httpx.AsyncClient,
    portal: dict[str, str],
    catalog: Catalog,
    touchpoint_id: str,
    rows: list[Row],
) -> None:
    for days_ago, stage, channel, at_touchpoint, rating, criteria, comment in rows:
        body: dict[str, Any] = {
            "service_id": catalog.service_id,
            "stage": stage,
            "channel": channel,
            "rating": rating,
            "criteria": criteria,
            "comment": comment,
            "occurred_at": moscow_noon(today() - timedelta(days=days_ago)),
        }
        if at_touchpoint:
            body["touchpoint_id"] = touchpoint_id
        response = await feedback.post("/api/v1/feedback", json=body, headers=portal)
        assert response.status_code == 201, response.text
