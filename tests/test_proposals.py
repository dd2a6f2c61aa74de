"""A proposal made from a citizen's feedback travels to plans-api as an event and becomes an
item of the agency's plan, or is rejected with a reason."""

import uuid
from typing import Any

import httpx
import pytest
from arq.connections import ArqRedis
from fastapi import FastAPI

from feedback_api.config import FeedbackSettings
from otklik_kit.auth.scopes import Scope
from otklik_kit.events.relay import OutboxRelay
from otklik_kit.events.transport import EVENTS_JOB
from otklik_shared.events import queue_name
from plans_api.config import PlansSettings
from plans_api.worker import WORKER as PLANS_WORKER
from tests.conftest import KeyMaker, bearer, drain
from tests.feedback_helpers import Catalog, sync_catalog
from tests.plan_helpers import APPROVAL, generated_plan, staff_every_item
from tests.review_helpers import post_feedback

IDEA = "Разместить схему прохода к окнам приёма на сайте министерства"


class Path:
    """feedback-api's outbox → Redis → plans-api's worker."""

    def __init__(self, feedback_app: FastAPI, plans_settings: PlansSettings) -> None:
        self._relay: OutboxRelay = feedback_app.state.outbox_relay
        self._settings = plans_settings

    async def carry(self) -> None:
        while await self._relay.relay_once():
            pass
        await drain(PLANS_WORKER, self._settings)


@pytest.fixture
def path(feedback_app: FastAPI, plans_settings: PlansSettings) -> Path:
    return Path(feedback_app, plans_settings)


@pytest.fixture
async def plan(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback_settings: FeedbackSettings,
    admin_headers: dict[str, str],
) -> dict[str, Any]:
    """A generated plan of a service whose agency feedback-api knows through its events."""
    generated = await generated_plan(plans, admin_headers)
    await sync_catalog(plans_app, feedback_settings)
    return generated


def catalog_of(plan: dict[str, Any]) -> Catalog:
    return Catalog(plan["agency_id"], plan["service_id"], [], "", "")


async def proposed(
    feedback: httpx.AsyncClient, make_key: KeyMaker, plan: dict[str, Any], **body: Any
) -> str:
    portal = bearer(await make_key(Scope.FEEDBACK_WRITE))
    feedback_id = await post_feedback(
        feedback, portal, catalog_of(plan), rating=2, comment="Не нашёл, где вход в окна приёма"
    )
    reviewer = bearer(await make_key(Scope.FEEDBACK_REVIEW, Scope.FEEDBACK_READ))
    response = await feedback.post(
        f"/api/v1/feedback/{feedback_id}/proposal",
        json={"title": IDEA, "rationale": "Заявители не находят вход"} | body,
        headers=reviewer,
    )
    assert response.status_code == 201, response.text
    assert response.json()["feedback_id"] == feedback_id
    return feedback_id


async def incoming(
    plans: httpx.AsyncClient, headers: dict[str, str], **query: Any
) -> list[dict[str, Any]]:
    response = await plans.get("/api/v1/proposals", params=query, headers=headers)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def test_proposal_arrives_in_plans_api_and_is_accepted_into_the_plan(
    feedback: httpx.AsyncClient,
    plans: httpx.AsyncClient,
    admin_headers: dict[str, str],
    make_key: KeyMaker,
    plan: dict[str, Any],
    path: Path,
) -> None:
    feedback_id = await proposed(feedback, make_key, plan, proposed_by="Петрова Е.В.")
    await path.carry()

    [proposal] = await incoming(plans, admin_headers, status="new")
    assert (proposal["title"], proposal["proposed_by"]) == (IDEA, "Петрова Е.В.")
    assert (proposal["feedback_id"], proposal["service_id"]) == (feedback_id, plan["service_id"])
    assert proposal["stage"] == "application"
    writer = bearer(
        await make_key(Scope.PLANS_READ, Scope.PLANS_WRITE, agency_id=uuid.UUID(plan["agency_id"]))
    )
    accepted = await plans.post(
        f"/api/v1/proposals/{proposal['id']}/accept",
        json={"plan_id": plan["id"], "result_kinds": ["implementation_report"]},
        headers=writer,
    )
    assert accepted.status_code == 200, accepted.text
    decision = accepted.json()
    assert (decision["status"], decision["plan_id"]) == ("accepted", plan["id"])
    assert decision["item_number"].startswith("5.")

    rows = (await plans.get(f"/api/v1/plans/{plan['id']}", headers=writer)).json()["rows"]
    [item] = [r for r in rows if r["id"] == decision["plan_item_id"]]
    assert (item["text"], item["origin"]) == (IDEA, "proposal")
    assert item["proposal_ref"] == f"feedback:{feedback_id}"
    assert item["number"] == decision["item_number"]
    again = await plans.post(
        f"/api/v1/proposals/{proposal['id']}/reject", json={"reason": "Передумали"}, headers=writer
    )
    assert again.status_code == 409
    assert await incoming(plans, admin_headers, status="new") == []


async def test_a_proposal_accepted_into_an_approved_plan_is_a_revision_citing_it(
    feedback: httpx.AsyncClient,
    plans: httpx.AsyncClient,
    admin_headers: dict[str, str],
    make_key: KeyMaker,
    plan: dict[str, Any],
    path: Path,
) -> None:
    await staff_every_item(plans, admin_headers, plan, "2023-12-25")
    approved = await plans.post(
        f"/api/v1/plans/{plan['id']}/approve", json=APPROVAL, headers=admin_headers
    )
    assert approved.status_code == 200, approved.text
    await proposed(feedback, make_key, plan)
    await path.carry()
    [proposal] = await incoming(plans, admin_headers)

    accepted = await plans.post(
        f"/api/v1/proposals/{proposal['id']}/accept",
        json={"plan_id": plan["id"], "section": "2", "text": "Схема прохода на сайте"},
        headers=admin_headers,
    )
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["item_number"].startswith("2.")
    history = (await plans.get(f"/api/v1/plans/{plan['id']}/history", headers=admin_headers)).json()
    assert history[-1]["reason"] == f"Принято предложение по обратной связи граждан: {IDEA}"


async def test_a_rejected_proposal_keeps_its_reason(
    feedback: httpx.AsyncClient,
    plans: httpx.AsyncClient,
    admin_headers: dict[str, str],
    make_key: KeyMaker,
    plan: dict[str, Any],
    path: Path,
) -> None:
    await proposed(feedback, make_key, plan)
    await path.carry()
    [proposal] = await incoming(plans, admin_headers)

    rejected = await plans.post(
        f"/api/v1/proposals/{proposal['id']}/reject",
        json={"reason": "Мера уже есть в пункте 2.3.2"},
        headers=admin_headers,
    )
    assert rejected.status_code == 200, rejected.text
    assert (rejected.json()["status"], rejected.json()["reject_reason"]) == (
        "rejected",
        "Мера уже есть в пункте 2.3.2",
    )
    assert [p["id"] for p in await incoming(plans, admin_headers, status="rejected")] == [
        proposal["id"]
    ]
    accept = await plans.post(
        f"/api/v1/proposals/{proposal['id']}/accept",
        json={"plan_id": plan["id"]},
        headers=admin_headers,
    )
    assert accept.status_code == 409


async def test_proposals_stay_with_their_agency(
    feedback: httpx.AsyncClient,
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback_settings: FeedbackSettings,
    admin_headers: dict[str, str],
    make_key: KeyMaker,
    plan: dict[str, Any],
    path: Path,
) -> None:
    await proposed(feedback, make_key, plan)
    await path.carry()
    [proposal] = await incoming(plans, admin_headers)
    other_plan = await generated_plan(plans, admin_headers, "Министерство здравоохранения")
    await sync_catalog(plans_app, feedback_settings)
    stranger = bearer(
        await make_key(
            Scope.PLANS_READ, Scope.PLANS_WRITE, agency_id=uuid.UUID(other_plan["agency_id"])
        )
    )

    assert await incoming(plans, stranger) == []
    assert await incoming(plans, stranger, agency_id=plan["agency_id"]) == []
    url = f"/api/v1/proposals/{proposal['id']}"
    assert (await plans.get(url, headers=stranger)).status_code == 404
    for action, body in (
        ("accept", {"plan_id": other_plan["id"]}),
        ("reject", {"reason": "Не наше"}),
    ):
        assert (await plans.post(f"{url}/{action}", json=body, headers=stranger)).status_code == 404
    wrong_plan = await plans.post(
        f"{url}/accept", json={"plan_id": other_plan["id"]}, headers=admin_headers
    )
    assert wrong_plan.status_code == 422
    assert wrong_plan.json()["errors"][0]["type"] == "agency_mismatch"
    reader = bearer(await make_key(Scope.PLANS_READ))
    refused = await plans.post(f"{url}/accept", json={"plan_id": plan["id"]}, headers=reader)
    assert refused.status_code == 403


async def test_a_redelivered_proposal_event_is_kept_once(
    feedback: httpx.AsyncClient,
    plans: httpx.AsyncClient,
    plans_settings: PlansSettings,
    admin_headers: dict[str, str],
    make_key: KeyMaker,
    plan: dict[str, Any],
    path: Path,
    redis: ArqRedis,
) -> None:
    await proposed(feedback, make_key, plan)
    await path.carry()
    [batch] = [r for r in await redis.all_job_results() if r.queue_name == queue_name("plans")]

    # at-least-once delivery: the same event arrives again under another job id
    await redis.enqueue_job(
        EVENTS_JOB, batch.args[0], _job_id="redelivery", _queue_name=queue_name("plans")
    )
    await drain(PLANS_WORKER, plans_settings)

    assert len(await incoming(plans, admin_headers)) == 1
