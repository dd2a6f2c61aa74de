"""Survey results per question for the report's period: feedback-api counts only the responses
of the period's days, and the report carries them over that contract."""

from datetime import timedelta

import httpx
from fastapi import FastAPI

from reporting_worker.config import ReportingSettings
from tests.conftest import KeyMaker
from tests.feedback_helpers import Catalog
from tests.report_helpers import service_key, today, upstream_on
from tests.stats_helpers import build
from tests.survey_helpers import VALID_ANSWERS, answer, mfc_run


async def test_survey_results_per_question_count_the_periods_responses_only(
    feedback: httpx.AsyncClient, admin_headers: dict[str, str], catalog: Catalog
) -> None:
    run = await mfc_run(
        feedback, admin_headers, catalog, starts_on=str(today() - timedelta(days=5))
    )
    for n, value in enumerate((4, 2)):
        answers = [{"question": 1, "value": value}, *VALID_ANSWERS[1:]]
        assert (await answer(feedback, run, answers, f"device-{n:024d}")).status_code == 201
    url = f"/api/v1/surveys/runs/{run['id']}/results"

    now = {"date_from": str(today() - timedelta(days=1)), "date_to": str(today())}
    found = (await feedback.get(url, params=now, headers=admin_headers)).json()
    before = {"date_from": str(today() - timedelta(days=5)), "date_to": str(today() - timedelta(1))}
    earlier = (await feedback.get(url, params=before, headers=admin_headers)).json()
    half = await feedback.get(url, params={"date_from": str(today())}, headers=admin_headers)

    assert found["respondents"] == 2
    assert (found["questions"][0]["answered"], found["questions"][0]["average"]) == (2, 3.0)
    assert earlier["respondents"] == 0
    assert earlier["questions"][0]["answered"] == 0
    assert earlier["facts"]["respondents"] == 2  # the run's facts stay the run's
    assert half.status_code == 422
    assert half.json()["errors"][0]["field"] == "date_to"


async def test_report_carries_survey_results_per_question(
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    plans_app: FastAPI,
    admin_headers: dict[str, str],
    catalog: Catalog,
    make_key: KeyMaker,
) -> None:
    run = await mfc_run(
        feedback, admin_headers, catalog, starts_on=str(today() - timedelta(days=5))
    )
    for n, value in enumerate((5, 3, 4)):
        answers = [
            {"question": 1, "value": value},
            {"question": 2, "value": 10 - n},
            {"question": 3, "value": 1 + n % 2},
        ]
        assert (await answer(feedback, run, answers, f"device-{n:024d}")).status_code == 201
    upstream = upstream_on(plans_app, feedback_app, await service_key(make_key))
    body = {
        "subject_kind": "service",
        "subject_id": catalog.service_id,
        "date_from": str(today() - timedelta(days=9)),
        "date_to": str(today()),
    }
    report = await build(reporting, reporting_settings, upstream, admin_headers, body)

    [survey] = report["surveys"]["surveys"]
    assert survey["respondents_in_results"] == 3
    questions = {q["number"]: q for q in survey["questions"]}
    assert (questions[1]["kind"], questions[1]["answered"], questions[1]["average"]) == (
        "rating",
        3,
        4.0,
    )
    assert [(a["label"], a["count"]) for a in questions[1]["answers"]] == [
        ("1", 0),
        ("2", 0),
        ("3", 1),
        ("4", 1),
        ("5", 1),
    ]
    # NPS: 10, 9 promoters, 8 passive → (2 − 0) / 3 = 66.7
    assert questions[2]["nps"] == 66.7
    assert [(a["label"], a["count"]) for a in questions[3]["answers"]] == [
        ("Меньше 15 минут", 2),
        ("15–30 минут", 1),
        ("Больше 30 минут", 0),
    ]
    assert report["surveys"]["note"] is None
