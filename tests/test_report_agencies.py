"""The comparison of agencies: an agency and its subordinate agencies ranked worst first with
intervals, through the report job API, each figure equal to SQL over the raw rows, and exported
as a page, a PDF and a workbook."""

import io
from datetime import timedelta

import httpx
from fastapi import FastAPI
from openpyxl import load_workbook
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.config import FeedbackSettings
from reporting_worker.config import ReportingSettings
from tests.catalog_helpers import create_service
from tests.conftest import KeyMaker
from tests.feedback_helpers import sync_catalog
from tests.report_helpers import drain_reports, service_key, today, upstream_on
from tests.stats_helpers import build, many, moscow_moment, post_all, rated

AGENCY_SQL = """
SELECT agency_id, count(*), count(*) FILTER (WHERE rating >= 4), sum(rating)
FROM feedback.feedback
WHERE (occurred_at AT TIME ZONE 'Europe/Moscow')::date BETWEEN :first AND :last
GROUP BY 1
"""


async def _agency(
    plans: httpx.AsyncClient, headers: dict[str, str], name: str, **extra: str
) -> str:
    body = {"name": name, "level": "regional", **extra}
    response = await plans.post("/api/v1/agencies", json=body, headers=headers)
    assert response.status_code == 201, response.text
    agency_id: str = response.json()["id"]
    return agency_id


async def test_agencies_comparison_ranks_subordinate_agencies_with_intervals(
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    feedback_settings: FeedbackSettings,
    portal: dict[str, str],
    admin_headers: dict[str, str],
    make_key: KeyMaker,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    head = await _agency(plans, admin_headers, "Правительство Республики Примерной")
    health = await _agency(plans, admin_headers, "Министерство здравоохранения", parent_id=head)
    transport = await _agency(plans, admin_headers, "Министерство транспорта", parent_id=head)
    outsider = await _agency(plans, admin_headers, "Министерство финансов")
    services = {
        agency: (await create_service(plans, admin_headers, agency, title=f"Услуга {n}"))["id"]
        for n, agency in enumerate((health, transport, outsider))
    }
    await sync_catalog(plans_app, feedback_settings)
    day, before = today() - timedelta(days=2), today() - timedelta(days=12)

    def at(agency: str, when: object) -> object:
        return lambda rating: rated(services[agency], when, rating, channel="mfc")  # type: ignore[arg-type]

    items = [
        *many(120, 96, at(health, day)),  # 80 %
        *many(100, 85, at(health, before)),
        *many(60, 33, at(transport, day)),  # 55 %
        *many(50, 35, at(transport, before)),
        *many(40, 4, at(outsider, day)),  # 10 %, not compared: not subordinate
        # one rating of the health ministry as a whole (its site), no service
        {
            "agency_id": health,
            "channel": "official_site",
            "rating": 5,
            "occurred_at": moscow_moment(day),
        },
    ]
    await post_all(feedback, feedback_app, portal, items)
    upstream = upstream_on(plans_app, feedback_app, await service_key(make_key))
    period = {"date_from": str(today() - timedelta(days=9)), "date_to": str(today())}
    body = {"subject_kind": "agencies", "subject_id": head, **period}
    report = await build(reporting, reporting_settings, upstream, admin_headers, body)

    async with sessionmaker() as session:
        raw = {
            str(row[0]): row
            for row in await session.execute(
                text(AGENCY_SQL), {"first": today() - timedelta(days=9), "last": today()}
            )
        }
        raw_before = {
            str(row[0]): row
            for row in await session.execute(
                text(AGENCY_SQL),
                {"first": today() - timedelta(days=19), "last": today() - timedelta(days=10)},
            )
        }

    assert report["subject"]["kind"] == "agencies"
    assert report["subject"]["kind_label"] == "Сравнение органов власти"
    ranked = report["by_agency"]
    # the transport ministry is worst; the head has no feedback; the outsider is not compared
    assert [row["label"] for row in ranked] == [
        "Министерство транспорта",
        "Министерство здравоохранения",
    ]
    assert [row["rank"] for row in ranked] == [1, 2]
    for row in ranked:
        _, count, satisfied, ratings = raw[row["id"]]
        _, count_before, satisfied_before, _ = raw_before[row["id"]]
        assert row["responses"] == count
        assert row["csat"] == round(100 * satisfied / count, 1)
        assert row["average_rating"] == round(ratings / count, 2)
        assert (row["previous_responses"], row["previous_csat"]) == (
            count_before,
            round(100 * satisfied_before / count_before, 1),
        )
        assert row["csat_interval"]["low"] < row["csat"] < row["csat_interval"]["high"]
    # health 85 of 100 → 97 of 121 (−4.8 п.п.) is within chance; transport 35 of 50 → 33 of 60
    # (−15 п.п.) too on these volumes: no agency finding, each row says which
    assert [r["change"]["verdict"] for r in ranked] == ["not_significant", "not_significant"]
    assert not [f for f in report["findings"] if f["section"] == "agency"]
    assert report["headline"]["respondents"]["value"] == 181  # the outsider's 40 left out
    # by service: the agency-wide rating has a row of its own, named so
    assert "Орган власти в целом (без услуги)" in [r["label"] for r in report["by_service"]]
    assert any(
        c.startswith("Ниже всего удовлетворенность в органе «Министерство транспорта»")
        for c in report["conclusions"]
    )

    job_id = next(
        job["id"]
        for job in (await reporting.get("/api/v1/reports", headers=admin_headers)).json()["items"]
        if job["subject_kind"] == "agencies"
    )
    await drain_reports(reporting_settings, upstream)
    page = await reporting.get(f"/api/v1/reports/{job_id}/export.html", headers=admin_headers)
    assert page.status_code == 200
    assert "Сравнение органов власти" in page.text
    assert "Министерство транспорта" in page.text
    # the pain map says whose services a cell holds, the worst first (27 of 60 dissatisfied)
    [cell] = report["pain_map"]["cells"]
    assert [(s["title"], s["dissatisfied"]) for s in cell["services"]] == [
        ("Услуга 1", 27),
        ("Услуга 0", 24),
    ]
    assert "Услуги: Услуга 1 (27 из 60); Услуга 0 (24 из 120)" in page.text
    pdf = await reporting.get(f"/api/v1/reports/{job_id}/export.pdf", headers=admin_headers)
    assert (pdf.status_code, pdf.content[:5]) == (200, b"%PDF-")
    xlsx = await reporting.get(f"/api/v1/reports/{job_id}/export.xlsx", headers=admin_headers)
    sheet = load_workbook(io.BytesIO(xlsx.content))["По органам"]
    assert [sheet.cell(3 + n, 2).value for n in range(2)] == [row["label"] for row in ranked]
