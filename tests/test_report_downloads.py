"""Downloading a finished report as HTML, PDF and XLSX through the API: media types, file
names, 409 while it is being built, 404 for another agency."""

import io
import uuid
from datetime import UTC, date, datetime
from urllib.parse import unquote

import httpx
import pytest
from openpyxl import load_workbook
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from otklik_kit.auth.scopes import Scope
from reporting_worker.reports.models import ReportJob
from tests.conftest import KeyMaker, bearer
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
