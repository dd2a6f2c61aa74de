"""The contracts the report reads: plans-api's progress of many plans and feedback-api's survey
facts of a period — scoped, agency-isolated, validated."""

import uuid
from datetime import timedelta

import httpx

from otklik_kit.auth.scopes import Scope
from tests.conftest import KeyMaker, bearer
from tests.feedback_helpers import Catalog
from tests.report_helpers import today, tracked_plan
from tests.survey_helpers import VALID_ANSWERS, answer, create_run, mfc_run


async def test_plan_progress_of_services_is_isolated_by_agency(
    plans: httpx.AsyncClient,
    catalog: Catalog,
    admin_headers: dict[str, str],
    make_key: KeyMaker,
) -> None:
    plan = await tracked_plan(plans, admin_headers, catalog.service_id)
    own = bearer(await make_key(Scope.PLANS_READ, agency_id=uuid.UUID(catalog.agency_id)))
    other = bearer(await make_key(Scope.PLANS_READ, agency_id=uuid.UUID(catalog.other_agency_id)))
    writer_only = bearer(await make_key(Scope.FEEDBACK_WRITE))
    params = {"service_id": [catalog.service_id, catalog.other_service_id]}

    by_service = await plans.get("/api/v1/plan-progress", params=params, headers=own)
    by_agency = await plans.get(
        "/api/v1/plan-progress", params={"agency_id": catalog.agency_id}, headers=admin_headers
    )
    seen_by_other = await plans.get("/api/v1/plan-progress", params=params, headers=other)
    no_filter = await plans.get("/api/v1/plan-progress", headers=admin_headers)
    no_scope = await plans.get("/api/v1/plan-progress", params=params, headers=writer_only)

    [progress] = by_service.json()["plans"]
    assert progress["plan_id"] == plan["id"]
    # 1.1 done, 1.3 in progress, 5.2 overdue, four not started
    assert progress["counts"] == {
        "items": 7,
        "not_started": 4,
        "in_progress": 1,
        "done": 1,
        "overdue": 1,
    }
    assert [item["number"] for item in progress["overdue"]] == ["5.2"]
    assert [p["plan_id"] for p in by_agency.json()["plans"]] == [plan["id"]]
    assert by_service.json()["as_of"] == str(today())
    assert seen_by_other.json()["plans"] == []
    assert no_filter.status_code == 422
    assert [e["field"] for e in no_filter.json()["errors"]] == ["service_id", "agency_id"]
    assert no_scope.status_code == 403


async def test_survey_facts_of_a_period_count_its_respondents(
    feedback: httpx.AsyncClient,
    catalog: Catalog,
    admin_headers: dict[str, str],
    make_key: KeyMaker,
) -> None:
    run = await mfc_run(
        feedback, admin_headers, catalog, starts_on=str(today() - timedelta(days=40))
    )
    await answer(feedback, run, VALID_ANSWERS, "device-000000000000000000001")
    await answer(feedback, run, VALID_ANSWERS, "device-000000000000000000002")
    future = await create_run(
        feedback,
        admin_headers,
        template_id=run["template_id"],
        service_id=catalog.service_id,
        starts_on=str(today() + timedelta(days=5)),
    )
    other = bearer(
        await make_key(Scope.FEEDBACK_READ, agency_id=uuid.UUID(catalog.other_agency_id))
    )
    this_month = {
        "service_id": catalog.service_id,
        "date_from": str(today() - timedelta(days=9)),
        "date_to": str(today()),
    }
    before_answers = {
        **this_month,
        "date_from": str(today() - timedelta(days=30)),
        "date_to": str(today() - timedelta(days=20)),
    }

    current = await feedback.get("/api/v1/surveys/facts", params=this_month, headers=admin_headers)
    earlier = await feedback.get(
        "/api/v1/surveys/facts", params=before_answers, headers=admin_headers
    )
    isolated = await feedback.get("/api/v1/surveys/facts", params=this_month, headers=other)
    reversed_dates = await feedback.get(
        "/api/v1/surveys/facts",
        params={
            **this_month,
            "date_from": str(today()),
            "date_to": str(today() - timedelta(days=1)),
        },
        headers=admin_headers,
    )

    [facts] = current.json()["runs"]  # the run starting in 5 days is not in the period
    assert facts["run_id"] == run["id"] != future["id"]
    assert (facts["respondents_in_period"], facts["facts"]["respondents"]) == (2, 2)
    assert facts["facts"]["link"].endswith(run["public_url"])
    assert facts["facts"]["start_date"] == str(today() - timedelta(days=40))
    [quiet] = earlier.json()["runs"]  # open then, but nobody answered in those days
    assert (quiet["respondents_in_period"], quiet["facts"]["respondents"]) == (0, 2)
    assert isolated.json()["runs"] == []
    assert reversed_dates.status_code == 422
    assert reversed_dates.json()["errors"][0]["field"] == "date_to"
