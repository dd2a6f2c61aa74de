"""QR codes and printable posters of touchpoints' rating pages, through feedback-api's API."""

import subprocess
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import numpy
import pytest
from fastapi import FastAPI

from feedback_api.app import create_app as create_feedback_app
from feedback_api.config import FeedbackSettings
from feedback_api.pages.links import rating_path
from otklik_kit.auth.scopes import Scope
from otklik_shared.vocab import Stage
from tests.conftest import KeyMaker, bearer, running
from tests.feedback_helpers import Catalog
from tests.headless import pdf_pages, pdf_text, require_tool
from tests.outreach_helpers import add_touchpoint, decode_qr, decode_svg_qr

PUBLIC = "https://otklik.example.ru"
CALL = "Оцените качество обслуживания"


@pytest.fixture
async def public_feedback(settings_overrides: dict[str, Any]) -> AsyncIterator[httpx.AsyncClient]:
    """feedback-api with PUBLIC_BASE_URL set, as in production."""
    app = create_feedback_app(FeedbackSettings(**settings_overrides, PUBLIC_BASE_URL=PUBLIC))
    async with running(app) as client:
        yield client


def _page_sizes_mm(pdf: Path) -> list[tuple[int, int]]:
    info = subprocess.run(
        [require_tool("pdfinfo"), "-f", "1", "-l", "999", str(pdf)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    sizes = []
    for line in info.splitlines():
        if line.startswith("Page") and "size:" in line:
            words = line.split("size:")[1].split()
            sizes.append((round(float(words[0]) / 72 * 25.4), round(float(words[2]) / 72 * 25.4)))
    return sizes


async def _key(make_key: KeyMaker, catalog: Catalog, *scopes: Scope) -> dict[str, str]:
    return bearer(await make_key(*scopes, agency_id=uuid.UUID(catalog.agency_id)))


async def test_qr_codes_decode_to_the_absolute_rating_url(
    public_feedback: httpx.AsyncClient,
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback_settings: FeedbackSettings,
    admin_headers: dict[str, str],
    catalog: Catalog,
    make_key: KeyMaker,
) -> None:
    point = await add_touchpoint(
        plans,
        plans_app,
        feedback_settings,
        admin_headers,
        catalog.agency_id,
        service_ids=[catalog.service_id],
    )
    operator = await _key(make_key, catalog, Scope.PLANS_READ)
    base = f"/api/v1/outreach/touchpoints/{point}"
    expected = PUBLIC + rating_path(uuid.UUID(point))

    png = await public_feedback.get(f"{base}/qr.png", headers=operator)
    assert png.status_code == 200, png.text
    assert png.headers["content-type"] == "image/png"
    assert decode_qr(png.content) == [expected]

    svg = await public_feedback.get(f"{base}/qr.svg", headers=operator)
    assert svg.status_code == 200, svg.text
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert decode_svg_qr(svg.content) == [expected]

    preset = {"service_id": catalog.service_id, "stage": "result"}
    with_service = await public_feedback.get(f"{base}/qr.png", params=preset, headers=operator)
    assert with_service.status_code == 200, with_service.text
    assert decode_qr(with_service.content) == [
        PUBLIC
        + rating_path(
            uuid.UUID(point), service_id=uuid.UUID(catalog.service_id), stage=Stage.RESULT
        )
    ]


async def test_poster_is_an_a4_page_with_the_call_names_and_a_code_that_scans(
    public_feedback: httpx.AsyncClient,
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback_settings: FeedbackSettings,
    admin_headers: dict[str, str],
    catalog: Catalog,
    make_key: KeyMaker,
    tmp_path: Path,
) -> None:
    point = await add_touchpoint(
        plans,
        plans_app,
        feedback_settings,
        admin_headers,
        catalog.agency_id,
        service_ids=[catalog.service_id],
    )
    operator = await _key(make_key, catalog, Scope.FEEDBACK_READ)
    response = await public_feedback.get(
        f"/api/v1/outreach/touchpoints/{point}/poster.pdf",
        params={"service_id": catalog.service_id},
        headers=operator,
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    pdf = tmp_path / "poster.pdf"
    pdf.write_bytes(response.content)

    assert _page_sizes_mm(pdf) == [(210, 297)]
    text = " ".join(pdf_text(pdf).split())
    url = PUBLIC + rating_path(uuid.UUID(point), service_id=uuid.UUID(catalog.service_id))
    for expected in (CALL, "Министерство соцзащиты", "МФЦ «Мои документы» на ул. Ленина"):
        assert expected in text
    assert "Услуга:" in text
    assert url.removeprefix("https://") in text.replace(" ", "")
    page = pdf_pages(pdf, dpi=100)[0]
    page.save(tmp_path / "poster.png")
    assert decode_qr(tmp_path / "poster.png") == [url]
    # large enough to scan from a metre: the code (black modules) spans at least 10 cm
    grey = numpy.asarray(page.convert("L"))[int(page.height * 0.35) : int(page.height * 0.75)]
    dark = numpy.flatnonzero(grey.min(axis=0) < 40)
    assert (dark[-1] - dark[0]) / 100 * 25.4 >= 95


async def test_agency_posters_one_page_per_touchpoint_filtered_like_the_registry(
    public_feedback: httpx.AsyncClient,
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback_settings: FeedbackSettings,
    admin_headers: dict[str, str],
    catalog: Catalog,
    make_key: KeyMaker,
    tmp_path: Path,
) -> None:
    ids = {
        "mfc": await add_touchpoint(
            plans,
            plans_app,
            feedback_settings,
            admin_headers,
            catalog.agency_id,
            service_ids=[catalog.service_id],
        ),
        "hotline": await add_touchpoint(
            plans,
            plans_app,
            feedback_settings,
            admin_headers,
            catalog.agency_id,
            kind="contact_center",
            is_digital=False,
            name="Горячая линия",
            address="8-800-000-00-00",
            directions=["appeals"],
        ),
        "office": await add_touchpoint(
            plans,
            plans_app,
            feedback_settings,
            admin_headers,
            catalog.agency_id,
            kind="agency_office",
            name="Приёмная министерства",
            directions=["appeals"],
        ),
    }
    await add_touchpoint(
        plans,
        plans_app,
        feedback_settings,
        admin_headers,
        catalog.other_agency_id,
        name="Чужой МФЦ",
    )
    operator = await _key(make_key, catalog, Scope.PLANS_READ)

    async def posters(**params: str) -> str:
        response = await public_feedback.get(
            "/api/v1/outreach/posters.pdf", params=params, headers=operator
        )
        assert response.status_code == 200, response.text
        pdf = tmp_path / "posters.pdf"
        pdf.write_bytes(response.content)
        sizes = _page_sizes_mm(pdf)
        assert set(sizes) == {(210, 297)}
        text = " ".join(pdf_text(pdf).split())
        assert text.count(CALL) == len(sizes)
        return text

    everything = await posters()
    assert everything.count(CALL) == 3
    assert "Чужой МФЦ" not in everything
    appeals = await posters(direction="appeals")
    assert appeals.count(CALL) == 2
    assert "Горячая линия" in appeals
    assert "Приёмная министерства" in appeals
    assert (await posters(kind="contact_center")).count(CALL) == 1
    by_service = await posters(service_id=catalog.service_id)
    assert by_service.count(CALL) == 1
    assert "ул. Ленина" in by_service
    assert set(ids)  # three made, three printed above


async def test_posters_need_a_reading_key_of_the_agency_and_valid_presets(
    feedback: httpx.AsyncClient,
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback_settings: FeedbackSettings,
    admin_headers: dict[str, str],
    catalog: Catalog,
    make_key: KeyMaker,
) -> None:
    point = await add_touchpoint(
        plans, plans_app, feedback_settings, admin_headers, catalog.agency_id
    )
    url = f"/api/v1/outreach/touchpoints/{point}/poster.pdf"
    portal = bearer(await make_key(Scope.FEEDBACK_WRITE))
    assert (await feedback.get(url, headers=portal)).status_code == 403
    stranger = bearer(
        await make_key(Scope.PLANS_READ, agency_id=uuid.UUID(catalog.other_agency_id))
    )
    hidden = await feedback.get(url, headers=stranger)
    assert hidden.status_code == 404
    assert hidden.headers["content-type"] == "application/problem+json"
    other_posters = await feedback.get(
        "/api/v1/outreach/posters.pdf", params={"agency_id": catalog.agency_id}, headers=stranger
    )
    assert other_posters.status_code == 404

    operator = await _key(make_key, catalog, Scope.PLANS_READ)
    wrong_service = await feedback.get(
        url, params={"service_id": catalog.other_service_id}, headers=operator
    )
    assert wrong_service.status_code == 422
    assert wrong_service.json()["errors"][0]["field"] == "service_id"
    # without PUBLIC_BASE_URL the link is built on the address the request came to
    png = await feedback.get(f"/api/v1/outreach/touchpoints/{point}/qr.png", headers=operator)
    assert decode_qr(png.content) == ["http://testserver" + rating_path(uuid.UUID(point))]
    admin_needs_agency = await feedback.get("/api/v1/outreach/posters.pdf", headers=admin_headers)
    assert admin_needs_agency.status_code == 422
    assert admin_needs_agency.json()["errors"][0]["field"] == "agency_id"
