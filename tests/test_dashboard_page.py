"""The dashboard as a page: opened in headless Chromium from a signed link, with the figures of
the JSON dashboard and the alert for a new service far below the agency's."""

import asyncio
import contextlib
import os
import shutil
import socket
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.config import FeedbackSettings
from otklik_kit.auth.scopes import Scope
from reporting_worker.config import ReportingSettings
from tests import headless
from tests.catalog_helpers import create_service
from tests.conftest import KeyMaker, bearer, drain_worker
from tests.feedback_helpers import Catalog, sync_catalog
from tests.report_helpers import relay_feedback
from tests.test_dashboard import post


@contextlib.asynccontextmanager
async def served(app: FastAPI) -> AsyncIterator[str]:
    """The app (its lifespan already running) on 127.0.0.1 at a free port, in this loop."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)  # the browser's first connection waits here while uvicorn starts
    server = uvicorn.Server(uvicorn.Config(app, lifespan="off", log_level="warning"))
    task = asyncio.create_task(server.serve(sockets=[listener]))
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        server.should_exit = True
        await task
        listener.close()


def browse(url: str, shot: Path) -> dict[str, Any]:
    with headless.chromium_page() as page:
        page.open(url, width=1200)
        seen = {
            "address": page.evaluate("location.pathname + location.search"),
            "cookie_visible": page.evaluate("document.cookie"),
            "lang": page.evaluate("document.documentElement.lang"),
            "refresh": page.evaluate("document.querySelector('meta[http-equiv=refresh]').content"),
            "responses": page.evaluate(
                "document.querySelector('[data-figure=responses]').textContent"
            ),
            "csat": page.evaluate("document.querySelector('[data-figure=csat]').textContent"),
            "alerts": page.evaluate(
                "Array.from(document.querySelectorAll('[data-alert]'))"
                ".map(a => [a.dataset.alert, a.textContent])"
            ),
            "services": page.evaluate(
                "Array.from(document.querySelectorAll('[data-table=services] tbody tr'))"
                ".map(r => Array.from(r.cells).map(c => c.textContent))"
            ),
            "scripts": page.evaluate("document.scripts.length"),
            "text": page.evaluate("document.body.innerText"),
        }
        page.screenshot().save(shot)
    return seen


async def seeded_agency(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    feedback_settings: FeedbackSettings,
    reporting_settings: ReportingSettings,
    admin_headers: dict[str, str],
    portal: dict[str, str],
    catalog: Catalog,
) -> str:
    """The established service: 30 fives 3 days ago, 27 fives and 3 ones in the last hours
    (90 %). A new service of the same agency: 25 in the last hours, 10 fives and 15 ones."""
    new = await create_service(
        plans, admin_headers, catalog.agency_id, title="Выдача справки о составе семьи"
    )
    await sync_catalog(plans_app, feedback_settings)
    days, hours = timedelta(days=3), timedelta(hours=2)
    await post(feedback, portal, catalog.service_id, days, "mfc", *[5] * 30)
    await post(feedback, portal, catalog.service_id, hours, "mfc", *[5] * 27, *[1] * 3)
    await post(feedback, portal, new["id"], hours, "epgu", *[5] * 10, *[1] * 15)
    await relay_feedback(feedback_app)
    await drain_worker(reporting_settings)
    service_id: str = new["id"]
    return service_id


async def test_dashboard_page_opens_from_a_link_in_chromium_with_the_figures_and_alerts(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    feedback_settings: FeedbackSettings,
    reporting: httpx.AsyncClient,
    reporting_app: FastAPI,
    reporting_settings: ReportingSettings,
    admin_headers: dict[str, str],
    portal: dict[str, str],
    catalog: Catalog,
    make_key: KeyMaker,
    tmp_path: Path,
) -> None:
    new_service = await seeded_agency(
        plans,
        plans_app,
        feedback,
        feedback_app,
        feedback_settings,
        reporting_settings,
        admin_headers,
        portal,
        catalog,
    )
    agency_key = bearer(await make_key(Scope.REPORTS_READ, agency_id=uuid.UUID(catalog.agency_id)))
    board = (await reporting.get("/api/v1/dashboard", headers=agency_key)).json()
    link = await reporting.post("/api/v1/dashboard/links", json={}, headers=agency_key)
    assert link.status_code == 201, link.text

    async with served(reporting_app) as base:
        seen = await asyncio.to_thread(browse, base + link.json()["path"], tmp_path / "page.png")
    keep = os.environ.get("REPORT_RENDER_DIR")
    if keep:
        shutil.copy(tmp_path / "page.png", Path(keep) / "dashboard-page.png")

    # the link was traded for a cookie the page's scripts cannot read; the address is clean
    assert seen["address"] == "/dashboard"
    assert seen["cookie_visible"] == ""
    assert (seen["lang"], seen["refresh"], seen["scripts"]) == ("ru", "60", 0)
    # 55 in the last 24 hours (30 + 25), 37 of them 4–5 → 67,3 %: as in the JSON
    assert board["total"]["responses"] == 55
    assert board["total"]["csat"] == 67.3
    assert seen["responses"] == "55"
    assert seen["csat"].replace("\u00a0", " ") == "67,3 %"
    assert "Министерство соцзащиты" in seen["text"]
    services = {row[0]: row for row in seen["services"]}
    assert services["Выдача справки о составе семьи"][1:3] == ["25", "40 %"]
    # the new service: 40 % on 25 against 95 % (57 of 60) for the agency's other service
    kinds = [kind for kind, _ in seen["alerts"]]
    assert "agency" in kinds
    quiet = next(a for a in board["alerts"] if a["basis"] == "agency")
    assert (quiet["key"], quiet["responses"], quiet["csat"]) == (new_service, 25, 40.0)
    assert (quiet["baseline_responses"], quiet["baseline_csat"], quiet["drop"]) == (60, 95.0, 55.0)
    assert any("Выдача справки о составе семьи" in message for _, message in seen["alerts"])


async def test_dashboard_page_refuses_no_session_a_forged_link_and_a_revoked_key(
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    catalog: Catalog,
    make_key: KeyMaker,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    await drain_worker(reporting_settings)  # the agency reaches the reporting directory
    token = await make_key(Scope.REPORTS_READ, agency_id=uuid.UUID(catalog.agency_id))
    writer = bearer(await make_key(Scope.FEEDBACK_WRITE))
    link = (await reporting.post("/api/v1/dashboard/links", json={}, headers=bearer(token))).json()
    body, signature = link["path"].split("link=")[1].split(".")
    forged = f"{body}.{signature[:-2]}AA"

    page_accept = {"Accept": "text/html"}
    bare = await reporting.get("/dashboard", headers=page_accept)
    faked = await reporting.get("/dashboard", params={"link": forged}, headers=page_accept)
    faked_api = await reporting.get("/dashboard", params={"link": forged})
    opened = await reporting.get(link["path"])
    cookie = opened.cookies["otklik_dashboard"]
    reporting.cookies.clear()  # sent by hand below, as a browser would
    session_cookie = {"Cookie": f"otklik_dashboard={cookie}"}
    page = await reporting.get("/dashboard", headers=session_cookie)
    not_a_link = await reporting.get(
        "/dashboard", params={"link": cookie}
    )  # a session token is not a link
    other_agency = await reporting.post(
        "/api/v1/dashboard/links",
        json={"agency_id": catalog.other_agency_id},
        headers=bearer(token),
    )
    no_scope = await reporting.post("/api/v1/dashboard/links", json={}, headers=writer)
    async with sessionmaker() as session, session.begin():
        await session.execute(
            text("UPDATE auth.api_keys SET revoked_at = now() WHERE prefix = :prefix"),
            {"prefix": token.split("_")[1]},
        )
    revoked = await reporting.get("/dashboard", headers=session_cookie)

    assert bare.status_code == 200
    assert "POST /api/v1/dashboard/links" in bare.text
    assert faked.status_code == 401
    assert "Нет доступа к панели мониторинга" in faked.text
    assert faked_api.status_code == 401
    assert faked_api.headers["content-type"] == "application/problem+json"
    assert opened.status_code == 303
    assert opened.headers["location"] == "/dashboard"
    set_cookie = opened.headers["set-cookie"].lower()
    assert "httponly" in set_cookie
    assert "samesite=strict" in set_cookie
    assert "path=/dashboard" in set_cookie
    assert page.status_code == 200
    assert page.headers["content-security-policy"].startswith("default-src 'none'")
    assert "Мониторинг удовлетворенности в реальном времени" in page.text
    assert not_a_link.status_code == 401
    assert other_agency.status_code == 404
    assert no_scope.status_code == 403
    assert revoked.status_code == 401
