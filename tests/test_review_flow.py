"""The review of one feedback through the HTTP API: acknowledged → in review → answered →
closed, the overdue queue, the agency's answer deadline, agency isolation, scopes, and the
client polling for its answer."""

import uuid
from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from otklik_kit.auth.scopes import Scope
from tests.conftest import KeyMaker, bearer
from tests.review_helpers import (
    PRAISE,
    Desk,
    complaint,
    listed_ids,
    post_feedback,
    update_feedback,
)


async def test_review_goes_from_acknowledged_to_closed_and_refuses_wrong_steps(
    feedback: httpx.AsyncClient, desk: Desk
) -> None:
    feedback_id = await complaint(feedback, desk)
    base = f"/api/v1/feedback/{feedback_id}"

    async def step(action: str, expected: int, **body: Any) -> dict[str, Any]:
        response = await feedback.post(f"{base}/{action}", json=body or None, headers=desk.reviewer)
        assert response.status_code == expected, response.text
        result: dict[str, Any] = response.json()
        return result

    assert (await feedback.get(base, headers=desk.reviewer)).json()["status"] == "acknowledged"
    refused = await step("close", 409)
    assert "acknowledged" in refused["detail"]
    assert refused["code"] == "conflict"

    assigned = await step("assign", 200, assignee="Петрова Е.В.")
    assert (assigned["status"], assigned["assignee"]) == ("in_review", "Петрова Е.В.")
    answered = await step("answer", 200, text="Здравствуйте! Окно приёма открыто с 25.11.")
    assert answered["status"] == "answered"
    assert answered["answered_at"] is not None
    assert "answered" in (await step("assign", 409, assignee="Иванов И.И."))["detail"]
    again = await step("answer", 200, text="Дополнение: запись открыта и на портале.")
    assert again["answer"] == "Дополнение: запись открыта и на портале."

    closed = await step("close", 200)
    assert (closed["status"], closed["closed_at"] is not None) == ("closed", True)
    for action, body in (("assign", {"assignee": "Иванов"}), ("answer", {"text": "ещё"})):
        assert "closed" in (await step(action, 409, **body))["detail"]
    await step("close", 409)
    await step("answer", 422, text="")


async def test_feedback_without_review_closes_as_received_or_is_answered_first(
    feedback: httpx.AsyncClient, desk: Desk
) -> None:
    quiet = await post_feedback(feedback, desk.portal, desk.catalog, rating=5, comment=PRAISE)
    thanked = await post_feedback(feedback, desk.portal, desk.catalog, rating=5, comment=PRAISE)
    base = "/api/v1/feedback"

    closed = await feedback.post(f"{base}/{quiet}/close", headers=desk.reviewer)
    assert closed.json()["status"] == "closed"
    answered = await feedback.post(
        f"{base}/{thanked}/answer", json={"text": "Спасибо за оценку!"}, headers=desk.reviewer
    )
    assert answered.json()["status"] == "answered"


async def test_overdue_queue_lists_open_feedback_past_its_date_longest_first(
    feedback: httpx.AsyncClient, desk: Desk, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    policy = await feedback.put(
        f"/api/v1/agencies/{desk.catalog.agency_id}/review-policy",
        json={"answer_due_days": 1},
        headers=desk.reviewer,
    )
    assert policy.status_code == 200, policy.text
    late, later, answered, fresh = [await complaint(feedback, desk) for _ in range(4)]
    await feedback.post(
        f"/api/v1/feedback/{answered}/answer", json={"text": "Ответ"}, headers=desk.reviewer
    )
    # a day cannot pass in a test: move the answer dates (set by the 1-day policy) into the past
    await update_feedback(sessionmaker, late, "answer_due_at = now() - interval '3 hours'")
    await update_feedback(sessionmaker, later, "answer_due_at = now() - interval '1 hour'")
    await update_feedback(sessionmaker, answered, "answer_due_at = now() - interval '5 hours'")

    overdue = await feedback.get("/api/v1/feedback/overdue", headers=desk.reviewer)
    assert overdue.status_code == 200, overdue.text
    assert [item["id"] for item in overdue.json()["items"]] == [late, later]
    assert all(item["overdue"] for item in overdue.json()["items"])
    assert set(await listed_ids(feedback, desk.reviewer, overdue="true")) == {late, later}
    assert set(await listed_ids(feedback, desk.reviewer, overdue="false")) == {answered, fresh}
    second = await feedback.get(
        "/api/v1/feedback/overdue", params={"limit": 1}, headers=desk.reviewer
    )
    cursor = second.json()["next_cursor"]
    rest = await listed_ids(feedback, desk.reviewer, "/api/v1/feedback/overdue", cursor=cursor)
    assert rest == [later]
    assert await listed_ids(feedback, desk.other_reviewer, "/api/v1/feedback/overdue") == []


async def test_review_policy_sets_the_answer_date_of_new_feedback(
    feedback: httpx.AsyncClient, desk: Desk, make_key: KeyMaker
) -> None:
    path = f"/api/v1/agencies/{desk.catalog.agency_id}/review-policy"
    default = (await feedback.get(path, headers=desk.reviewer)).json()
    assert (default["answer_due_days"], default["is_default"]) == (30, True)

    for days in (0, 366):
        bad = await feedback.put(path, json={"answer_due_days": days}, headers=desk.reviewer)
        assert bad.status_code == 422
    reader = bearer(await make_key(Scope.FEEDBACK_READ))
    assert (
        await feedback.put(path, json={"answer_due_days": 5}, headers=reader)
    ).status_code == 403
    updated = await feedback.put(path, json={"answer_due_days": 10}, headers=desk.own_reviewer)
    assert (updated.json()["answer_due_days"], updated.json()["is_default"]) == (10, False)
    assert (await feedback.get(path, headers=reader)).json()["answer_due_days"] == 10

    receipt = await feedback.get(
        f"/api/v1/feedback/{await complaint(feedback, desk)}", headers=desk.reviewer
    )
    body = receipt.json()
    due = datetime.fromisoformat(body["answer_due_at"]) - datetime.fromisoformat(
        body["received_at"]
    )
    assert due == timedelta(days=10)
    other = f"/api/v1/agencies/{desk.catalog.other_agency_id}/review-policy"
    assert (await feedback.get(other, headers=desk.reviewer)).json()["is_default"] is True
    unknown = "/api/v1/agencies/00000000-0000-4000-8000-000000000000/review-policy"
    assert (await feedback.get(unknown, headers=desk.reviewer)).status_code == 404


async def test_agency_bound_operator_sees_and_touches_only_its_agency(
    feedback: httpx.AsyncClient, desk: Desk
) -> None:
    c = desk.catalog
    ours = await complaint(feedback, desk)
    theirs = await complaint(feedback, desk, service_id=c.other_service_id)
    stranger = desk.other_reviewer

    assert (await feedback.get(f"/api/v1/feedback/{ours}", headers=stranger)).status_code == 404
    for action, body in (
        ("assign", {"assignee": "Чужой"}),
        ("answer", {"text": "Чужой ответ"}),
        ("close", None),
        ("proposal", {"title": "Чужое предложение"}),
    ):
        response = await feedback.post(
            f"/api/v1/feedback/{ours}/{action}", json=body, headers=stranger
        )
        assert response.status_code == 404, (action, response.text)
    assert await listed_ids(feedback, stranger) == [theirs]
    assert await listed_ids(feedback, stranger, agency_id=c.agency_id) == []
    exported = await feedback.get("/api/v1/feedback/export.csv", headers=stranger)
    assert ours not in exported.text
    assert theirs in exported.text
    policy = f"/api/v1/agencies/{c.agency_id}/review-policy"
    assert (await feedback.get(policy, headers=stranger)).status_code == 404
    put = await feedback.put(policy, json={"answer_due_days": 1}, headers=stranger)
    assert put.status_code == 404

    assert await listed_ids(feedback, desk.own_reviewer) == [ours]
    answered = await feedback.post(
        f"/api/v1/feedback/{ours}/answer", json={"text": "Ответ"}, headers=desk.own_reviewer
    )
    assert answered.status_code == 200
    assert (await feedback.get(f"/api/v1/feedback/{ours}", headers=stranger)).status_code == 404


async def test_reading_needs_the_read_scope_and_reviewing_the_review_scope(
    feedback: httpx.AsyncClient, desk: Desk, make_key: KeyMaker
) -> None:
    feedback_id = await complaint(feedback, desk)
    reader = bearer(await make_key(Scope.FEEDBACK_READ))

    assert (await feedback.get("/api/v1/feedback", headers=desk.portal)).status_code == 403
    assert (await feedback.get(f"/api/v1/feedback/{feedback_id}", headers=reader)).is_success
    answer = await feedback.post(
        f"/api/v1/feedback/{feedback_id}/answer", json={"text": "Ответ"}, headers=reader
    )
    assert answer.status_code == 403


async def test_the_posting_client_polls_status_and_answer(
    feedback: httpx.AsyncClient, desk: Desk, make_key: KeyMaker
) -> None:
    feedback_id = await complaint(feedback, desk)
    path = f"/api/v1/feedback/{feedback_id}/status"

    status = (await feedback.get(path, headers=desk.portal)).json()
    assert (status["status"], status["answer"], status["answer_number"]) == (
        "acknowledged",
        None,
        0,
    )
    assert status["answer_due_at"] is not None
    another_portal = bearer(await make_key(Scope.FEEDBACK_WRITE))
    assert (await feedback.get(path, headers=another_portal)).status_code == 404
    agency_desk = bearer(
        await make_key(
            Scope.FEEDBACK_WRITE, Scope.FEEDBACK_READ, agency_id=uuid.UUID(desk.catalog.agency_id)
        )
    )
    assert (await feedback.get(path, headers=agency_desk)).status_code == 200

    await feedback.post(
        f"/api/v1/feedback/{feedback_id}/answer",
        json={"text": "Ответ дан", "answered_by": "Петрова Е.В."},
        headers=desk.reviewer,
    )
    status = (await feedback.get(path, headers=desk.portal)).json()
    assert (status["status"], status["answer"], status["answer_number"]) == (
        "answered",
        "Ответ дан",
        1,
    )
    assert status["answered_at"] is not None
