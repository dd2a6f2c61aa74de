"""The monthly analytical reports of the demo region through `POST /api/v1/reports`: one per
agency, per life situation and per service with a story, for the last whole month, polled until
built. Asking again for the same report returns the finished one."""

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from otklik_kit.demo.load.api import Apis, DemoError, call, send
from otklik_kit.demo.load.catalog import LoadedCatalog
from otklik_kit.demo.region import Region

REPORTS_PATH = "/api/v1/reports"
POLL_SECONDS = 0.5


HTML_PATH = REPORTS_PATH + "/{report_id}/export.html"


@dataclass(frozen=True)
class BuiltReport:
    title: str
    status: str
    link: str  # the report as JSON
    html: str | None  # the page with its charts, where the API renders one


@dataclass(frozen=True)
class ReportsApi:
    """What this reporting API offers: building reports, and rendering them as pages."""

    builds: bool
    renders_html: bool


async def reports_offered(apis: Apis) -> ReportsApi:
    """Read from the API's OpenAPI contract."""
    response = await send(apis.reporting, "GET", "/api/v1/openapi.json", expect=(200, 404))
    paths = response.json().get("paths", {}) if response.status_code == 200 else {}
    return ReportsApi("post" in paths.get(REPORTS_PATH, {}), HTML_PATH in paths)


def subjects(region: Region, catalog: LoadedCatalog) -> list[tuple[str, str, str]]:
    """(kind, id, title) of the reports to build."""
    wanted = [("agency", a.id, a.spec.short_name) for a in catalog.agencies.values()]
    wanted += [
        ("life_situation", catalog.situations[s.code], s.title) for s in region.life_situations
    ]
    ids = catalog.service_ids()
    titles = {s.key: s.short for _, s in region.services()}
    for story in region.stories:
        if story.service in ids and ("service", ids[story.service]) not in {w[:2] for w in wanted}:
            wanted.append(("service", ids[story.service], titles[story.service]))
    return wanted


async def build_reports(
    apis: Apis,
    region: Region,
    catalog: LoadedCatalog,
    *,
    month: str,
    html: bool,
    within_seconds: float,
    tick: Callable[[], None],
) -> list[BuiltReport]:
    """Requests them all, then follows them all until each is done or failed."""
    titles: list[str] = []
    jobs: list[dict[str, Any]] = []
    for kind, subject_id, title in subjects(region, catalog):
        body = {"subject_kind": kind, "subject_id": subject_id, "month": month}
        titles.append(title)
        jobs.append(await call(apis.reporting, "POST", REPORTS_PATH, json=body, expect=(200, 202)))
    deadline = time.monotonic() + within_seconds
    ticked = 0
    while True:
        pending = [i for i, job in enumerate(jobs) if job["status"] in ("queued", "running")]
        for _ in range(len(jobs) - len(pending) - ticked):
            tick()
        ticked = len(jobs) - len(pending)
        if not pending:
            break
        if time.monotonic() > deadline:
            raise DemoError(f"the reports were not built within {within_seconds:.0f} s")
        await asyncio.sleep(POLL_SECONDS)
        for i in pending:
            jobs[i] = await call(apis.reporting, "GET", f"{REPORTS_PATH}/{jobs[i]['id']}")
    base = str(apis.reporting.base_url).rstrip("/")
    return [
        BuiltReport(
            title,
            job["status"],
            base + job["links"]["self"],
            base + job["links"]["html"] if html else None,
        )
        for title, job in zip(titles, jobs, strict=True)
    ]
