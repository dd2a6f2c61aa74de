"""The dashboard page for browsers: a signed link minted with an API key, traded on first open
for an HttpOnly session cookie, so the page refreshes itself with no key in any URL."""

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Cookie, Query, Request, Response, status
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy.ext.asyncio import AsyncSession

from otklik_kit.auth.dependencies import ReportsReader
from otklik_kit.db import DbSession
from otklik_kit.errors import Conflict, NotFound, Unauthorized
from otklik_kit.problems import problem_responses
from otklik_kit.routing import api_router
from reporting_worker.config import ReportingSettings
from reporting_worker.dashboard import links, service
from reporting_worker.dashboard.links import Grant, Purpose
from reporting_worker.dashboard.page import render_page
from reporting_worker.dashboard.page_schemas import DashboardLink, DashboardLinkIn
from reporting_worker.directory.models import KnownAgency, KnownService

router = api_router("dashboard", tag="dashboard")
# a page for browsers, beside the API (like /healthz), its own cookie its authentication
page_router = APIRouter(tags=["dashboard"])
PAGE_PATH = "/dashboard"
COOKIE = "otklik_dashboard"
# the page loads nothing and runs no script
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
DENIED_PAGE = """<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>Нет доступа</title></head>
<body><main><h1>Нет доступа к панели мониторинга</h1>
<p>Ссылка устарела или недействительна, либо ключ доступа отозван. Получите новую ссылку:
<code>POST /api/v1/dashboard/links</code> с ключом, у которого есть право
<code>reports:read</code>.</p></main></body></html>"""
LANDING_PAGE = """<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>Панель мониторинга</title></head>
<body><main><h1>Панель мониторинга удовлетворенности</h1>
<p>Панель открывается по ссылке, которую выдает <code>POST /api/v1/dashboard/links</code> с
ключом, у которого есть право <code>reports:read</code>. Ссылка действует 5 минут; после
открытия панель доступна в этом браузере 12 часов.</p></main></body></html>"""
MISSING_PAGE = """<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>Не найдено</title></head>
<body><main><h1>Орган власти или услуга не найдены</h1>
<p>В справочнике отчетного сервиса их нет (еще нет или уже нет).</p></main></body></html>"""


@router.post(
    "/links",
    operation_id="create_dashboard_link",
    summary="A short-lived link that opens the dashboard page in a browser",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(404, 409),
)
async def create_dashboard_link(
    request: Request, session: DbSession, principal: ReportsReader, body: DashboardLinkIn
) -> DashboardLink:
    """Signed with the calling key, valid a few minutes; opening it sets a session cookie
    (HttpOnly, SameSite=Strict) for the page and redirects to it. Revoking the key ends both.
    An agency-bound key links its own agency only."""
    agency_id = await service.check_visible(
        session, principal, agency_id=body.agency_id, service_id=body.service_id
    )
    grant = Grant(
        key_id=principal.key_id,
        agency_id=agency_id,
        service_id=body.service_id,
        expires=links.expiry(links.LINK_SECONDS),
    )
    token = await links.mint(session, grant, Purpose.LINK)
    if token is None:
        raise Conflict("Dashboard links are signed with an API key; this caller has none")
    path = f"{PAGE_PATH}?link={token}"
    return DashboardLink(
        url=str(request.base_url).rstrip("/") + path,
        path=path,
        expires_at=datetime.fromtimestamp(grant.expires, UTC),
        session_hours=links.SESSION_SECONDS // 3600,
    )


def _wants_page(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "")


def _denied(request: Request) -> Response:
    """A browser gets a page saying what to do; any other client the problem+json."""
    if not _wants_page(request):
        raise Unauthorized("The dashboard link or session is invalid, expired or revoked")
    return HTMLResponse(DENIED_PAGE, status_code=401, headers=PAGE_HEADERS)


async def _scope_title(session: AsyncSession, grant: Grant) -> str:
    if grant.service_id is not None:
        known = await session.get(KnownService, grant.service_id)
        return f"Услуга: {known.title}" if known else "Услуга"
    if grant.agency_id is not None:
        agency = await session.get(KnownAgency, grant.agency_id)
        return f"Орган власти: {agency.name}" if agency else "Орган власти"
    return "Все органы власти"


@page_router.get(
    PAGE_PATH,
    operation_id="get_dashboard_page",
    summary="The dashboard as a web page (Russian, refreshes itself)",
    response_class=HTMLResponse,
    responses={
        200: {
            "description": "The page; without a link or a session, a page saying how to get one",
            "content": {"text/html": {}},
        },
        303: {"description": "A link was traded for the session cookie; go to the page"},
        **problem_responses(401, 404),
    },
)
async def get_dashboard_page(
    request: Request,
    session: DbSession,
    link: Annotated[
        str | None, Query(max_length=2000, description="The token of a fresh link")
    ] = None,
    otklik_dashboard: Annotated[str | None, Cookie(max_length=2000)] = None,
) -> Response:
    """Opened with `?link=…` from POST /api/v1/dashboard/links: sets the session cookie and
    redirects to the clean address. Then, with the cookie, the same figures and alerts as
    GET /api/v1/dashboard, refreshed every minute by the browser. A bad, expired or revoked
    link or session is 401, an agency or service gone from the directory 404: a Russian page
    for a browser (`Accept: text/html`), problem+json for other clients."""
    if link is not None:
        found = await links.verify(session, link, Purpose.LINK)
        if found is None:
            return _denied(request)
        grant, _ = found
        session_grant = Grant(
            grant.key_id, grant.agency_id, grant.service_id, links.expiry(links.SESSION_SECONDS)
        )
        cookie = await links.mint(session, session_grant, Purpose.SESSION)
        if cookie is None:
            return _denied(request)
        redirect = RedirectResponse(PAGE_PATH, status_code=303, headers=PAGE_HEADERS)
        redirect.set_cookie(
            COOKIE,
            cookie,
            max_age=links.SESSION_SECONDS,
            path=PAGE_PATH,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
        return redirect
    if otklik_dashboard is None:
        return HTMLResponse(LANDING_PAGE, headers=PAGE_HEADERS)
    found = await links.verify(session, otklik_dashboard, Purpose.SESSION)
    if found is None:
        return _denied(request)
    grant, principal = found
    settings: ReportingSettings = request.app.state.settings
    try:
        dashboard = await service.dashboard(
            session,
            principal,
            agency_id=grant.agency_id,
            service_id=grant.service_id,
            threshold_pp=settings.dashboard_alert_drop_pp,
            min_responses=settings.dashboard_alert_min_responses,
        )
    except NotFound:
        if not _wants_page(request):
            raise
        return HTMLResponse(MISSING_PAGE, status_code=404, headers=PAGE_HEADERS)
    page = render_page(
        dashboard,
        scope=await _scope_title(session, grant),
        session_until=datetime.fromtimestamp(grant.expires, UTC),
    )
    return HTMLResponse(page, headers=PAGE_HEADERS)
