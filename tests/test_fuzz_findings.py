"""What the fuzz found, pinned: each was a 500 or a broken contract before its fix."""

import json
from datetime import UTC, datetime, timedelta

import httpx

from otklik_kit.auth.scopes import Scope
from tests.conftest import KeyMaker, bearer
from tests.plan_helpers import generated_plan
from tests.review_helpers import Desk, complaint
from tests.survey_helpers import MFC_TEMPLATE


async def test_exports_drop_control_characters_people_typed(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    plan = await generated_plan(plans, admin_headers)
    url = f"/api/v1/plans/{plan['id']}"
    await plans.patch(url, json={"title": "План\x0b мероприятий\x1f"}, headers=admin_headers)

    docx = await plans.get(f"{url}/export.docx", headers=admin_headers)
    xlsx = await plans.get(f"{url}/export.xlsx", headers=admin_headers)

    assert docx.status_code == 200
    assert xlsx.status_code == 200


async def test_nul_characters_and_lone_surrogates_are_refused_naming_the_field(
    plans: httpx.AsyncClient,
    feedback: httpx.AsyncClient,
    admin_headers: dict[str, str],
) -> None:
    plan = await generated_plan(plans, admin_headers)
    nul_title = await plans.patch(
        f"/api/v1/plans/{plan['id']}", json={"title": "План мероприятий\x00"}, headers=admin_headers
    )
    questions = [dict(MFC_TEMPLATE["questions"][0]), {"kind": "text", "text": "Что \ud800 ещё?"}]
    surrogate = await feedback.post(
        "/api/v1/surveys/templates",
        content=json.dumps({**MFC_TEMPLATE, "questions": questions}).encode(),
        headers={**admin_headers, "Content-Type": "application/json"},
    )
    nul_query = await plans.get("/api/v1/services", params={"q": "a\x00"}, headers=admin_headers)
    emoji = await plans.patch(
        f"/api/v1/plans/{plan['id']}", json={"title": "План мероприятий 😊"}, headers=admin_headers
    )

    for refused, location, field in (
        (nul_title, "body", "title"),
        (surrogate, "body", "questions.1.text"),
        (nul_query, "query", "q"),
    ):
        assert refused.status_code == 422
        assert refused.json()["errors"] == [
            {
                "location": location,
                "field": field,
                "message": "Text cannot contain NUL characters or unpaired surrogates",
                "type": "unstorable_text",
            }
        ]
    assert emoji.status_code == 200
    assert emoji.json()["title"] == "План мероприятий 😊"


async def test_feedback_records_of_a_far_past_period_are_an_empty_page(
    feedback: httpx.AsyncClient, make_key: KeyMaker
) -> None:
    reader = bearer(await make_key(Scope.FEEDBACK_READ))
    start = datetime(1, 1, 1, tzinfo=UTC)

    response = await feedback.get(
        "/api/v1/feedback-records",
        params={
            "occurred_from": start.isoformat(),
            "occurred_to": (start + timedelta(days=1)).isoformat(),
        },
        headers=reader,
    )

    assert response.status_code == 200
    assert response.json()["items"] == []


async def test_a_reader_of_the_agency_polls_a_feedback_status(
    feedback: httpx.AsyncClient, desk: Desk, make_key: KeyMaker
) -> None:
    """The scope test showed the poll took only `feedback:write`, though its doc and service let
    a reader of the agency in too."""
    feedback_id = await complaint(feedback, desk)
    reader = bearer(await make_key(Scope.FEEDBACK_READ))

    response = await feedback.get(f"/api/v1/feedback/{feedback_id}/status", headers=reader)

    assert response.status_code == 200
    assert response.json()["id"] == feedback_id
