"""The monthly analytical report on a small known dataset posted through feedback-api and
drained through the real worker path; every expected number is worked out by hand below."""

from datetime import timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from feedback_api.config import FeedbackSettings
from reporting_worker.config import ReportingSettings
from tests.conftest import KeyMaker
from tests.feedback_helpers import Catalog
from tests.report_helpers import (
    CURRENT,
    DIGITAL_1,
    DIGITAL_2,
    PREVIOUS,
    QUEUE_1,
    QUEUE_2,
    Dataset,
    add_touchpoint,
    drain_reports,
    post_rows,
    relay_feedback,
    service_key,
    today,
    upstream_on,
)


@pytest.fixture
async def dataset(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    feedback_settings: FeedbackSettings,
    reporting_settings: ReportingSettings,
    admin_headers: dict[str, str],
    portal: dict[str, str],
    catalog: Catalog,
    make_key: KeyMaker,
) -> Dataset:
    touchpoint_id = await add_touchpoint(
        plans, plans_app, feedback_settings, admin_headers, catalog
    )
    await post_rows(feedback, portal, catalog, touchpoint_id, CURRENT + PREVIOUS)
    await relay_feedback(feedback_app)
    upstream = upstream_on(plans_app, feedback_app, await service_key(make_key))
    await drain_reports(reporting_settings, upstream)
    return Dataset(catalog, touchpoint_id, today() - timedelta(days=9), today(), upstream)


async def built(
    reporting: httpx.AsyncClient,
    settings: ReportingSettings,
    dataset: Dataset,
    headers: dict[str, str],
    **fields: Any,
) -> dict[str, Any]:
    """POST the request, run the worker, GET the finished job."""
    queued = await reporting.post(
        "/api/v1/reports", json=dataset.request(**fields), headers=headers
    )
    assert queued.status_code == 202, queued.text
    await drain_reports(settings, dataset.upstream)
    done = await reporting.get(f"/api/v1/reports/{queued.json()['id']}", headers=headers)
    assert done.status_code == 200, done.text
    job: dict[str, Any] = done.json()
    assert (job["status"], job["progress"]) == ("done", 100), job["error"]
    return job


def rows_by_key(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {row["key"]: row["figures"] for row in rows}


async def test_report_headline_and_breakdowns_on_a_known_dataset(
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    dataset: Dataset,
    admin_headers: dict[str, str],
) -> None:
    job = await built(reporting, reporting_settings, dataset, admin_headers)
    report = job["report"]
    headline = report["headline"]

    assert report["subject"]["kind"] == "service"
    assert report["subject"]["title"].startswith("Назначение ежемесячной")
    assert report["subject"]["agency_name"] == "Министерство соцзащиты"
    assert report["period"]["days"] == 10
    assert report["previous_period"]["date_to"] == str(dataset.date_from - timedelta(days=1))
    # 20 responses now (5 + 5 + 2 + 8), 10 before
    assert headline["respondents"] == {"value": 20, "previous": 10, "change": 10}
    # ratings now: application 4 2 1 2 5, result 5 5 4 1 3, information 1 1, decision 5×8
    # → 1: 1+1+2 = 4; 2: 2; 3: 1; 4: 1+1 = 2; 5: 1+2+8 = 11
    assert [d["count"] for d in headline["distribution"]] == [4, 2, 1, 2, 11]
    assert [d["previous_count"] for d in headline["distribution"]] == [0, 1, 0, 4, 5]
    assert headline["distribution"][4]["percent"] == 55.0  # 11 / 20
    # CSAT: (2 + 11) / 20 = 65 % now, (4 + 5) / 10 = 90 % before: −25 п.п.
    assert headline["csat"] == {"value": 65.0, "previous": 90.0, "change": -25.0}
    # average: (4 + 4 + 3 + 8 + 55) / 20 = 74 / 20 = 3.7; before 43 / 10 = 4.3
    assert headline["average_rating"] == {"value": 3.7, "previous": 4.3, "change": -0.6}
    queue_wait = next(c for c in headline["criteria"] if c["criterion"] == "queue_wait")
    # (4 + 5 + 3 + 1 + 2) / 5 = 3.0 now; (5 + 4 + 4 + 4 + 5) / 5 = 4.4 before
    assert queue_wait["label"] == "Время ожидания в очереди"
    assert queue_wait["average"] == {"value": 3.0, "previous": 4.4, "change": -1.4}
    assert queue_wait["rated"] == 5
    # comments: 2 + 1 (application) + 2 (result) + 1 (decision) = 6 now; 2 before
    assert headline["comments"] == {"value": 6, "previous": 2, "change": 4}

    # by stage, in the order of the client path
    assert [r["key"] for r in report["by_stage"]] == [
        "information",
        "application",
        "decision",
        "result",
    ]
    stages = rows_by_key(report["by_stage"])
    assert report["by_stage"][1]["label"] == "Подача заявления"
    assert stages["application"]["csat"] == {"value": 40.0, "previous": 80.0, "change": -40.0}
    assert stages["result"]["csat"] == {"value": 60.0, "previous": 100.0, "change": -40.0}
    assert stages["information"]["csat"] == {"value": 0.0, "previous": None, "change": None}
    # by channel, most responses first: MFC 5 + 8 = 13, regional portal 5, EPGU 2
    assert [r["key"] for r in report["by_channel"]] == ["mfc", "regional_portal", "epgu"]
    mfc = rows_by_key(report["by_channel"])["mfc"]
    # MFC: (3 + 8) / 13 = 84.6 % now, 5 / 5 = 100 % before
    assert mfc["csat"] == {"value": 84.6, "previous": 100.0, "change": -15.4}
    # by touchpoint: only the named one, with its registry name and kind
    [touchpoint] = report["by_touchpoint"]
    assert touchpoint["key"] == dataset.touchpoint_id
    assert touchpoint["label"] == "МФЦ «Мои документы» на ул. Ленина"
    # a short label of its kind, not the registry's legal definition
    assert touchpoint["detail"] == "МФЦ, центр «одного окна»"
    assert touchpoint["figures"]["respondents"] == {"value": 5, "previous": 5, "change": 0}

    # every day of the period, in order; the application day (5 days ago) 2 / 5 = 40 %
    daily = {point["day"]: point for point in report["daily"]}
    assert len(report["daily"]) == 10
    five_days_ago = daily[str(today() - timedelta(days=5))]
    assert (five_days_ago["responses"], five_days_ago["csat"]) == (5, 40.0)
    assert daily[str(today())] == {
        "day": str(today()),
        "responses": 0,
        "csat": None,
        "average_rating": None,
    }


async def test_report_sentiment_and_pain_categories_of_the_comments(
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    dataset: Dataset,
    admin_headers: dict[str, str],
) -> None:
    report = (await built(reporting, reporting_settings, dataset, admin_headers))["report"]

    # six comments now: four negative (the two portal errors, the two queues), two thanks;
    # before: one negative (the personal account), one thanks
    sentiment = {s["sentiment"]: s for s in report["sentiment"]["shares"]}
    assert report["sentiment"]["classified_comments"] == 6
    assert (sentiment["negative"]["count"], sentiment["negative"]["percent"]) == (4, 66.7)
    assert sentiment["negative"]["previous_percent"] == 50.0
    assert sentiment["negative"]["change"] == 16.7
    assert sentiment["positive"]["percent"] == 33.3
    assert sentiment["neutral"]["count"] == 0
    categories = {c["category"]: c for c in report["categories"]}
    # digital service: both portal comments (ratings 2 and 1), one before
    assert categories["digital_service"] | {"label": None, "test": None} == {
        "category": "digital_service",
        "label": None,
        "comments": 2,
        "negative": 2,
        "percent": 33.3,
        "average_rating": 1.5,
        "previous_comments": 1,
        "change": 1,
        "previous_classified": 2,
        "test": None,
    }
    # 2 of 6 against 1 of 2 comments: far too few to call it a change
    assert categories["digital_service"]["test"]["verdict"] == "too_few"
    assert (
        categories["waiting_time"]["comments"],
        categories["waiting_time"]["average_rating"],
    ) == (
        2,
        2.0,
    )
    assert categories["documents"]["comments"] == 1
    assert categories["praise"]["negative"] == 0
    # gone since the previous period: still listed, with its fall
    assert (categories["premises"]["comments"], categories["premises"]["change"]) == (0, -1)
    assert [c["category"] for c in report["categories"]][:3] == [
        "digital_service",
        "praise",
        "waiting_time",
    ]


async def test_pain_map_ranks_cells_by_dissatisfaction_weighted_by_volume(
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    dataset: Dataset,
    admin_headers: dict[str, str],
) -> None:
    pain_map = (await built(reporting, reporting_settings, dataset, admin_headers))["report"][
        "pain_map"
    ]

    # CSAT of the subject 13 / 20 = 0.65, 20 pseudo-responses at it: application × regional
    # portal (2 + 13) / (5 + 20) = 0.6 → (1 − 0.6) × √5 = 0.89; result × the touchpoint
    # (3 + 13) / 25 = 0.64 → 0.36 × √5 = 0.8; information × EPGU has 2 responses (< 3) and
    # decision × MFC nobody dissatisfied: both left out
    assert [(c["stage"], c["place_kind"], c["place"], c["score"]) for c in pain_map["cells"]] == [
        ("application", "channel", "regional_portal", 0.89),
        ("result", "touchpoint", dataset.touchpoint_id, 0.8),
    ]
    assert (pain_map["cells"][0]["csat_shrunk"], pain_map["cells"][1]["csat_shrunk"]) == (60, 64)
    # Wilson 95 % of 2 of 5
    assert pain_map["cells"][0]["csat_interval"] == {"low": 11.8, "high": 76.9}
    first, second = pain_map["cells"]
    assert (first["rank"], first["responses"], first["dissatisfied"], first["csat"]) == (
        1,
        5,
        3,
        40.0,
    )
    assert first["place_label"] == "Региональный портал"
    assert [(c["category"], c["comments"]) for c in first["categories"]] == [
        ("digital_service", 2),
        ("documents", 1),
    ]
    # negative first, the lowest rating first
    assert [q["text"] for q in first["quotes"]][:2] == [DIGITAL_1, DIGITAL_2]
    assert second["place_label"] == "МФЦ «Мои документы» на ул. Ленина"
    assert [(c["category"], c["comments"]) for c in second["categories"]] == [("waiting_time", 2)]
    assert [q["text"] for q in second["quotes"]] == [QUEUE_1, QUEUE_2]
    assert "(1 − CSAT*) × √N" in pain_map["method"]


async def test_conclusions_say_too_few_responses_instead_of_a_change(
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    dataset: Dataset,
    admin_headers: dict[str, str],
) -> None:
    """CSAT fell 25 п.п. overall and 40 п.п. at two stages, but on 5–20 responses: none of it is
    a finding (the minimum is 30 in each period), and the report says so plainly."""
    report = (await built(reporting, reporting_settings, dataset, admin_headers))["report"]
    label = report["period"]["label"]

    assert label.endswith("(неполный период)")  # the period runs up to today
    assert report["findings"] == []
    assert report["conclusions"] == [
        f"За {label} получено 20 оценок — на 10 больше, чем в предыдущем периоде (10).",
        "Доля удовлетворенных (CSAT, оценки 4–5) составила 65 %; сравнивать с предыдущим "
        "периодом (90 %) нельзя — мало ответов (20 и 10, нужно не менее 30 в каждом); "
        "доверительный интервал 95 % — 43,3–81,9 %.",
        "Средняя оценка — 3,7 из 5.",
        "Мало ответов для сравнения с предыдущим периодом (нужно не менее 30 в каждом): по этапу "
        "«Подача заявления» (5 и 5 ответов), по этапу «Получение результата» (5 и 5 ответов), в "
        "канале «МФЦ» (13 и 5 ответов), в канале «Региональный портал» (5 и 5 ответов), в точке "
        "«МФЦ «Мои документы» на ул. Ленина» (5 и 5 ответов).",
        "Ниже всего удовлетворенность на этапе «Подача заявления»: CSAT 40 %, 5 ответов.",
        "Ниже всего оценен критерий «Время ожидания в очереди» — 3 из 5 (в предыдущем "
        "периоде — 4,4).",
        "Главная точка боли — этап «Подача заявления», канал «Региональный портал»: CSAT 40 %, "
        "неудовлетворенных оценок — 3 из 5; чаще всего жалуются на: «Работа электронного "
        "сервиса» (2), «Документы и требования» (1).",
        "Самая частая тема комментариев — «Работа электронного сервиса»: 2 из 6 (33,3 %).",
        "Доля негативных комментариев — 66,7 % (мало комментариев, чтобы сравнивать с "
        "предыдущим периодом).",
        "Утвержденных планов мероприятий по оптимизации нет.",
    ]
    stages = rows_by_key(report["by_stage"])
    assert stages["application"]["csat_test"]["verdict"] == "too_few"
    assert stages["application"]["csat_test"]["label"] == "мало ответов для сравнения"
    assert report["statistics"]["min_responses"] == 30
