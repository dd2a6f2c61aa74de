"""«Доля удовлетворённых ответами» in the monthly report: answer ratings published as events,
consumed by the reporting worker in burst mode (repeats and second ratings counted once), the
report's share equal to SQL over the rated events, shown in every export."""

import io
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI
from openpyxl import load_workbook
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.database import PRODUCER, outbox
from otklik_kit.auth.scopes import Scope
from otklik_kit.events.publisher import publish
from otklik_shared.events import AnswerRatingPayload, FeedbackAnswerRated
from otklik_shared.vocab import Channel, Stage
from reporting_worker.config import ReportingSettings
from tests.conftest import KeyMaker, bearer
from tests.feedback_helpers import Catalog
from tests.headless import pdf_text
from tests.report_helpers import drain_reports, relay_feedback, service_key, today, upstream_on

LABEL = "Доля удовлетворённых ответами"


def rated(
    catalog: Catalog,
    days_ago: int,
    satisfied: bool,
    *,
    feedback_id: uuid.UUID | None = None,
    service_id: str | None = None,
    agency_id: str | None = None,
) -> FeedbackAnswerRated:
    return FeedbackAnswerRated(
        id=uuid.uuid4(),
        occurred_at=datetime.now(UTC) - timedelta(days=days_ago),
        producer=PRODUCER,
        payload=AnswerRatingPayload(
            feedback_id=feedback_id or uuid.uuid4(),
            agency_id=uuid.UUID(agency_id or catalog.agency_id),
            service_id=uuid.UUID(service_id or catalog.service_id),
            stage=Stage.RESULT,
            channel=Channel.MFC,
            answer_number=1,
            satisfied=satisfied,
        ),
    )


# the first rating of each answer of the service, in the report's days (Moscow)
SHARE_SQL = """
WITH firsts AS (
  SELECT DISTINCT ON (payload->>'feedback_id', payload->>'answer_number')
         (payload->>'satisfied')::boolean AS satisfied,
         (occurred_at AT TIME ZONE 'Europe/Moscow')::date AS day
  FROM feedback.outbox
  WHERE type = 'feedback.answer_rated' AND payload->>'service_id' = :service
  ORDER BY payload->>'feedback_id', payload->>'answer_number', occurred_at
)
SELECT count(*), count(*) FILTER (WHERE satisfied) FROM firsts
WHERE day BETWEEN :first AND :last
"""


async def test_report_shows_the_share_of_satisfied_answers_as_sql_over_the_events(
    reporting: httpx.AsyncClient,
    feedback: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback_app: FastAPI,
    reporting_settings: ReportingSettings,
    sessionmaker: async_sessionmaker[AsyncSession],
    catalog: Catalog,
    make_key: KeyMaker,
    tmp_path: Path,
) -> None:
    del feedback  # running: its lifespan holds the outbox relay
    twice_rated = uuid.uuid4()
    repeated = rated(catalog, 1, True)
    events = [
        # this period: satisfied 3 of 5 (the second rating of one answer does not count)
        rated(catalog, 1, True, feedback_id=twice_rated),
        rated(catalog, 1, True),
        rated(catalog, 2, False),
        rated(catalog, 3, False),
        repeated,
        # another agency's answer, outside the report
        rated(
            catalog,
            1,
            False,
            service_id=catalog.other_service_id,
            agency_id=catalog.other_agency_id,
        ),
        # the previous period: 1 of 2
        rated(catalog, 14, True),
        rated(catalog, 15, False),
    ]
    upstream = upstream_on(plans_app, feedback_app, await service_key(make_key))
    async with sessionmaker() as session, session.begin():
        await publish(session, outbox, *events)
    # the feedback-api's outbox → Redis → the reporting worker in burst mode
    await relay_feedback(feedback_app)
    await drain_reports(reporting_settings, upstream)
    # then the citizen rates one answer again, and one event is delivered a second time
    async with sessionmaker() as session, session.begin():
        await publish(session, outbox, rated(catalog, 0, False, feedback_id=twice_rated))
        await session.execute(
            text("UPDATE feedback.outbox SET sent_at = NULL WHERE event_id = :id"),
            {"id": repeated.id},
        )
    await relay_feedback(feedback_app)
    await drain_reports(reporting_settings, upstream)

    headers = bearer(await make_key(Scope.REPORTS_READ))
    first, last = today() - timedelta(days=9), today()
    queued = await reporting.post(
        "/api/v1/reports",
        json={
            "subject_kind": "service",
            "subject_id": catalog.service_id,
            "date_from": first.isoformat(),
            "date_to": last.isoformat(),
        },
        headers=headers,
    )
    assert queued.status_code == 202, queued.text
    await drain_reports(reporting_settings, upstream)
    report_id = queued.json()["id"]
    job = (await reporting.get(f"/api/v1/reports/{report_id}", headers=headers)).json()
    assert job["status"] == "done", job
    kpi: dict[str, Any] = job["report"]["answer_satisfaction"]

    async with sessionmaker() as session:
        params = {"service": catalog.service_id}
        now_rated, now_satisfied = (
            await session.execute(text(SHARE_SQL), {**params, "first": first, "last": last})
        ).one()
        before = {"first": first - timedelta(days=10), "last": first - timedelta(days=1)}
        before_rated, before_satisfied = (
            await session.execute(text(SHARE_SQL), {**params, **before})
        ).one()
    assert (kpi["rated"], kpi["satisfied"]) == (now_rated, now_satisfied) == (5, 3)
    assert kpi["share"] == round(100 * now_satisfied / now_rated, 1) == 60.0
    assert (kpi["previous_rated"], kpi["previous_satisfied"]) == (before_rated, before_satisfied)
    assert kpi["previous_share"] == 50.0
    assert kpi["change"] == 10.0
    assert kpi["label"] == LABEL

    base = f"/api/v1/reports/{report_id}"
    html = (await reporting.get(f"{base}/export.html", headers=headers)).text
    assert LABEL in html
    assert "60,0" in html
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes((await reporting.get(f"{base}/export.pdf", headers=headers)).content)
    assert LABEL in " ".join(pdf_text(pdf).split())
    xlsx = (await reporting.get(f"{base}/export.xlsx", headers=headers)).content
    workbook = load_workbook(io.BytesIO(xlsx))
    values = [
        cell.value for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row
    ]
    assert LABEL in values
    assert 60.0 in values or 0.6 in values
