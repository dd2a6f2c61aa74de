"""Issue 15, a case's whole path: the case_number filter, the case timeline (agency-isolated),
the answer history with who answered, and a proposal's outcome coming back to the feedback."""

import csv
import io
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from feedback_api.config import FeedbackSettings
from otklik_kit.auth.scopes import Scope
from plans_api.config import PlansSettings
from tests.conftest import KeyMaker, bearer
from tests.feedback_helpers import Catalog, sync_catalog
from tests.plan_helpers import generated_plan
from tests.review_helpers import Desk, complaint, listed_ids, post_feedback
from tests.test_proposals import Path, incoming, proposed

CASE = "2026-000777001"


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
    generated = await generated_plan(plans, admin_headers)
    await sync_catalog(plans_app, feedback_settings)
    return generated


async def answer(
    client: httpx.AsyncClient, desk: Desk, feedback_id: str, text: str, by: str
) -> None:
    response = await client.post(
        f"/api/v1/feedback/{feedback_id}/answer",
        json={"text": text, "answered_by": by},
        headers=desk.reviewer,
    )
    assert response.status_code == 200, response.text


async def test_the_case_number_filter_narrows_the_list_and_the_exports(
    feedback: httpx.AsyncClient, desk: Desk
) -> None:
    ours = await post_feedback(feedback, desk.portal, desk.catalog, case_number=CASE)
    await post_feedback(feedback, desk.portal, desk.catalog, case_number="2026-000777002")
    await post_feedback(feedback, desk.portal, desk.catalog)

    listed = await listed_ids(feedback, desk.reviewer, case_number=CASE)
    exported = await feedback.get(
        "/api/v1/feedback/export.csv", params={"case_number": CASE}, headers=desk.reviewer
    )

    assert listed == [ours]
    table = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig")), delimiter=";"))
    assert [row[0] for row in table[1:]] == [ours]


async def test_re_answering_keeps_the_first_answer_and_who_gave_each(
    feedback: httpx.AsyncClient, desk: Desk
) -> None:
    feedback_id = await complaint(feedback, desk)
    await answer(feedback, desk, feedback_id, "Первый ответ", "Петрова Е.В.")
    await answer(feedback, desk, feedback_id, "Уточнённый ответ", "Иванов И.И.")

    detail = (await feedback.get(f"/api/v1/feedback/{feedback_id}", headers=desk.reviewer)).json()
    status = (
        await feedback.get(f"/api/v1/feedback/{feedback_id}/status", headers=desk.portal)
    ).json()

    history = [(a["number"], a["text"], a["answered_by"]) for a in detail["answers"]]
    assert history == [(1, "Первый ответ", "Петрова Е.В."), (2, "Уточнённый ответ", "Иванов И.И.")]
    assert (detail["answer"], detail["answered_by"]) == ("Уточнённый ответ", "Иванов И.И.")
    assert (status["answer_number"], status["answered_by"]) == (2, "Иванов И.И.")
    assert [a["text"] for a in status["answers"]] == ["Первый ответ", "Уточнённый ответ"]
    exported = await feedback.get("/api/v1/feedback/export.csv", headers=desk.reviewer)
    table = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig")), delimiter=";"))
    row = dict(zip(table[0], table[1], strict=True))
    assert (row["Ответ"], row["Ответил"]) == ("Уточнённый ответ", "Иванов И.И.")


async def test_the_case_timeline_holds_every_stage_in_time_order_within_the_agency(
    feedback: httpx.AsyncClient, desk: Desk
) -> None:
    first = await complaint(feedback, desk, case_number=CASE, stage="application")
    await feedback.post(
        f"/api/v1/feedback/{first}/assign", json={"assignee": "Петрова"}, headers=desk.reviewer
    )
    await answer(feedback, desk, first, "Ответ по заявлению", "Петрова Е.В.")
    second = await post_feedback(
        feedback, desk.portal, desk.catalog, case_number=CASE, stage="result", rating=5
    )
    other_agency = {
        "service_id": desk.catalog.other_service_id,
        "stage": "application",
        "case_number": CASE,
    }
    theirs = await post_feedback(feedback, desk.portal, desk.catalog, **other_agency)

    own = await feedback.get(f"/api/v1/cases/{CASE}/timeline", headers=desk.own_reviewer)
    everyone = await feedback.get(f"/api/v1/cases/{CASE}/timeline", headers=desk.reviewer)
    unknown = await feedback.get("/api/v1/cases/2026-404/timeline", headers=desk.reviewer)

    assert own.status_code == 200, own.text
    timeline = own.json()
    steps = [(e["kind"], e["feedback_id"]) for e in timeline["entries"]]
    assert steps == [
        ("received", first),
        ("assigned", first),
        ("answered", first),
        ("received", second),
    ]
    assert timeline["feedback_count"] == 2
    assert [e["at"] for e in timeline["entries"]] == sorted(e["at"] for e in timeline["entries"])
    assert theirs in {e["feedback_id"] for e in everyone.json()["entries"]}
    assert everyone.json()["feedback_count"] == 3
    assert unknown.status_code == 404


async def test_a_proposals_outcome_reaches_the_feedback_detail_and_status(
    feedback: httpx.AsyncClient,
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback_settings: FeedbackSettings,
    admin_headers: dict[str, str],
    make_key: KeyMaker,
    plan: dict[str, Any],
    path: Path,
) -> None:
    feedback_id = await proposed(feedback, make_key, plan)
    await path.carry()
    [proposal] = await incoming(plans, admin_headers)
    accepted = await plans.post(
        f"/api/v1/proposals/{proposal['id']}/accept",
        json={"plan_id": plan["id"]},
        headers=admin_headers,
    )
    assert accepted.status_code == 200, accepted.text

    await sync_catalog(plans_app, feedback_settings)  # plans-api's outbox → feedback's worker

    reader = bearer(await make_key(Scope.FEEDBACK_READ))
    detail = (await feedback.get(f"/api/v1/feedback/{feedback_id}", headers=reader)).json()
    [outcome] = detail["proposals"]
    assert outcome["status"] == "accepted"
    assert outcome["plan_id"] == plan["id"]
    assert outcome["item_number"] == accepted.json()["item_number"]
    status = (await feedback.get(f"/api/v1/feedback/{feedback_id}/status", headers=reader)).json()
    assert [p["status"] for p in status["proposals"]] == ["accepted"]


async def test_a_rejected_proposal_appears_in_the_case_timeline_with_its_reason(
    feedback: httpx.AsyncClient,
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback_settings: FeedbackSettings,
    admin_headers: dict[str, str],
    make_key: KeyMaker,
    plan: dict[str, Any],
    path: Path,
) -> None:
    portal = bearer(await make_key(Scope.FEEDBACK_WRITE))
    catalog = Catalog(plan["agency_id"], plan["service_id"], [], "", "")
    feedback_id = await post_feedback(feedback, portal, catalog, rating=2, case_number=CASE)
    reviewer = bearer(await make_key(Scope.FEEDBACK_REVIEW, Scope.FEEDBACK_READ))
    made = await feedback.post(
        f"/api/v1/feedback/{feedback_id}/proposal",
        json={"title": "Открыть второе окно приёма"},
        headers=reviewer,
    )
    assert made.status_code == 201, made.text
    await path.carry()
    [proposal] = await incoming(plans, admin_headers)
    rejected = await plans.post(
        f"/api/v1/proposals/{proposal['id']}/reject",
        json={"reason": "Мера уже в плане"},
        headers=admin_headers,
    )
    assert rejected.status_code == 200, rejected.text

    await sync_catalog(plans_app, feedback_settings)

    timeline = (await feedback.get(f"/api/v1/cases/{CASE}/timeline", headers=reviewer)).json()
    kinds = [e["kind"] for e in timeline["entries"]]
    assert kinds == ["received", "proposed", "proposal_decided"]
    decided = timeline["entries"][2]
    assert (decided["proposal_status"], decided["reason"]) == ("rejected", "Мера уже в плане")
