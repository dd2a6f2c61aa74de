"""Downloading a finished report as HTML, PDF and XLSX through the API: media types, file
names, 409 while it is being built, 404 for another agency."""

import io
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import unquote

import httpx
import pytest
from fastapi import FastAPI
from openpyxl import load_workbook
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.config import FeedbackSettings
from otklik_kit.auth.scopes import Scope
from reporting_worker.config import ReportingSettings
from reporting_worker.reports.models import ReportJob
from tests import headless
from tests.conftest import KeyMaker, bearer
from tests.feedback_helpers import Catalog
from tests.report_helpers import (
    CURRENT,
    PREVIOUS,
    QUEUE_1,
    Dataset,
    add_touchpoint,
    drain_reports,
    post_rows,
    relay_feedback,
    service_key,
    today,
    upstream_on,
)
from tests.report_samples import AGENCY_ID, SERVICE_ID, sample_report

FORMATS = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


async def _store_job(
    sessionmaker: async_sessionmaker[AsyncSession], *, status: str, progress: int
) -> uuid.UUID:
    """A report job as the builder leaves it (the sample report when done)."""
    job_id = uuid.uuid4()
    async with sessionmaker() as session, session.begin():
        session.add(
            ReportJob(
                id=job_id,
                subject_kind="service",
                subject_id=SERVICE_ID,
                agency_id=AGENCY_ID,
                date_from=date(2026, 11, 1),
                date_to=date(2026, 11, 30),
                status=status,
                progress=progress,
                build=1,
                origin="api",
                requested_by="test",
                report=sample_report().model_dump(mode="json") if status == "done" else None,
                finished_at=datetime.now(UTC) if status == "done" else None,
            )
        )
    return job_id


@pytest.fixture
async def agency_reader(make_key: KeyMaker) -> dict[str, str]:
    return bearer(await make_key(Scope.REPORTS_READ, agency_id=AGENCY_ID))


async def test_finished_report_downloads_in_each_format(
    reporting: httpx.AsyncClient,
    sessionmaker: async_sessionmaker[AsyncSession],
    agency_reader: dict[str, str],
) -> None:
    job_id = await _store_job(sessionmaker, status="done", progress=100)

    files = {}
    for extension, media_type in FORMATS.items():
        response = await reporting.get(
            f"/api/v1/reports/{job_id}/export.{extension}", headers=agency_reader
        )
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == media_type
        disposition = response.headers["content-disposition"]
        name = unquote(disposition.split("filename*=UTF-8''")[1])
        assert name == f"Отчет Назначение ежемесячной выплаты ноябрь 2026 г.{extension}"
        assert 'filename="Otchet Naznachenie ezhemesiachnoi vyplaty' in disposition
        files[extension] = response.content

    # the page opens in the browser; it may load nothing
    html = await reporting.get(f"/api/v1/reports/{job_id}/export.html", headers=agency_reader)
    assert html.headers["content-disposition"].startswith("inline;")
    assert "default-src 'none'" in html.headers["content-security-policy"]
    assert "Карта болей" in files["html"].decode()
    assert files["pdf"].startswith(b"%PDF-")
    workbook = load_workbook(io.BytesIO(files["xlsx"]))
    assert "По этапам" in workbook.sheetnames
    # a second download of the same build is the same file (rendered once, kept)
    again = await reporting.get(f"/api/v1/reports/{job_id}/export.pdf", headers=agency_reader)
    assert again.content == files["pdf"]


@pytest.mark.parametrize("status", ["queued", "running", "failed"])
async def test_report_not_done_is_a_conflict(
    reporting: httpx.AsyncClient,
    sessionmaker: async_sessionmaker[AsyncSession],
    agency_reader: dict[str, str],
    status: str,
) -> None:
    job_id = await _store_job(sessionmaker, status=status, progress=40)

    response = await reporting.get(f"/api/v1/reports/{job_id}/export.pdf", headers=agency_reader)

    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["code"] == "report_not_ready"
    assert status in problem["detail"]


async def test_another_agencys_report_is_not_found(
    reporting: httpx.AsyncClient,
    sessionmaker: async_sessionmaker[AsyncSession],
    make_key: KeyMaker,
) -> None:
    job_id = await _store_job(sessionmaker, status="done", progress=100)
    stranger = bearer(await make_key(Scope.REPORTS_READ, agency_id=uuid.uuid4()))

    for extension in FORMATS:
        response = await reporting.get(
            f"/api/v1/reports/{job_id}/export.{extension}", headers=stranger
        )
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"
    missing = await reporting.get(f"/api/v1/reports/{uuid.uuid4()}/export.xlsx", headers=stranger)
    assert missing.status_code == 404


async def test_download_needs_the_reports_scope(
    reporting: httpx.AsyncClient,
    sessionmaker: async_sessionmaker[AsyncSession],
    make_key: KeyMaker,
) -> None:
    job_id = await _store_job(sessionmaker, status="done", progress=100)
    writer = bearer(await make_key(Scope.FEEDBACK_WRITE, agency_id=AGENCY_ID))

    response = await reporting.get(f"/api/v1/reports/{job_id}/export.html", headers=writer)

    assert response.status_code == 403


async def test_built_report_downloads_once_done_and_shows_its_numbers(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    feedback_settings: FeedbackSettings,
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    admin_headers: dict[str, str],
    portal: dict[str, str],
    catalog: Catalog,
    make_key: KeyMaker,
    tmp_path: Path,
) -> None:
    """The whole path: feedback posted, the report requested and built by the worker, then its
    files: 409 before the build, and after it the page and the workbook say what the JSON says."""
    touchpoint_id = await add_touchpoint(
        plans, plans_app, feedback_settings, admin_headers, catalog
    )
    await post_rows(feedback, portal, catalog, touchpoint_id, CURRENT + PREVIOUS)
    await relay_feedback(feedback_app)
    upstream = upstream_on(plans_app, feedback_app, await service_key(make_key))
    await drain_reports(reporting_settings, upstream)
    dataset = Dataset(catalog, touchpoint_id, today() - timedelta(days=9), today(), upstream)
    headers = bearer(await make_key(Scope.REPORTS_READ))

    queued = await reporting.post("/api/v1/reports", json=dataset.request(), headers=headers)
    assert queued.status_code == 202, queued.text
    report_id = queued.json()["id"]
    early = await reporting.get(f"/api/v1/reports/{report_id}/export.pdf", headers=headers)
    assert early.status_code == 409
    assert early.json()["code"] == "report_not_ready"

    await drain_reports(reporting_settings, upstream)
    job = (await reporting.get(f"/api/v1/reports/{report_id}", headers=headers)).json()
    assert job["status"] == "done"
    report = job["report"]
    files = {}
    for extension in FORMATS:
        response = await reporting.get(
            f"/api/v1/reports/{report_id}/export.{extension}", headers=headers
        )
        assert response.status_code == 200, response.text
        files[extension] = response.content
        (tmp_path / f"built.{extension}").write_bytes(response.content)

    with headless.chromium_page() as page:
        page.open((tmp_path / "built.html").as_uri(), width=1100)
        text = " ".join(page.evaluate("document.body.innerText").replace("\u00a0", " ").split())
        charts = page.boxes("figure.chart")
        screenshot = page.screenshot()
    screenshot.save(tmp_path / "built-html.png")
    csat = f"{report['headline']['csat']['value']:.1f}".replace(".", ",")
    assert f"{csat} %" in text
    assert report["conclusions"][0] in text
    assert QUEUE_1 in text  # a representative quote of the pain map
    assert charts
    # a sparse month draws short bars, but every chart draws some
    assert all(headless.colored_share(headless.crop(screenshot, box)) > 0.02 for box in charts)

    pdf_text = " ".join(headless.pdf_text(tmp_path / "built.pdf").split())
    assert report["subject"]["title"] in pdf_text
    assert f"{csat} %" in pdf_text.replace("\u00a0", " ")

    workbook = load_workbook(io.BytesIO(files["xlsx"]))
    stages = workbook["По этапам"]
    assert [
        [stages.cell(row, 1).value, stages.cell(row, 6).value]
        for row in range(3, 3 + len(report["by_stage"]))
    ] == [[row["label"], row["figures"]["csat"]["value"]] for row in report["by_stage"]]
