"""The monthly analytical reports of the demo region through `POST /api/v1/reports`: one per
agency, per life situation and per service with a story, for the last whole month, polled until
built. Asking again for the same report returns the finished one."""

import asyncio
import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from otklik_kit.demo.load.api import Apis, DemoError, call, send
from otklik_kit.demo.load.catalog import LoadedCatalog
from otklik_kit.demo.region import Region

REPORTS_PATH = "/api/v1/reports"
HTML_PATH = REPORTS_PATH + "/{report_id}/export.html"
POLL_SECONDS = 0.5


@dataclass(frozen=True)
class BuiltReport:
    title: str
    status: str
    link: str  # the report as JSON
    html: str | None  # the page with its charts, where the API renders one
    file_name: str  # for its saved page
    saved: Path | None = None  # that page downloaded, to open in a browser without a key


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


@dataclass(frozen=True)
class Subject:
    kind: str
    id: str
    title: str
    key: str  # the region's key of it: names its saved page


def subjects(region: Region, catalog: LoadedCatalog) -> list[Subject]:
    """The reports to build: every agency and life situation, and each service with a story."""
    wanted = [
        Subject("agency", a.id, a.spec.short_name, key) for key, a in catalog.agencies.items()
    ]
    wanted += [
        Subject("life_situation", catalog.situations[s.code], s.title, s.code)
        for s in region.life_situations
    ]
    ids = catalog.service_ids()
    titles = {s.key: s.short for _, s in region.services()}
    for key in dict.fromkeys(story.service for story in region.stories):
        if key in ids:
            wanted.append(Subject("service", ids[key], titles[key], key))
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
    wanted = subjects(region, catalog)
    jobs: list[dict[str, Any]] = []
    for subject in wanted:
        body = {"subject_kind": subject.kind, "subject_id": subject.id, "month": month}
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
            subject.title,
            job["status"],
            base + job["links"]["self"],
            base + job["links"]["html"] if html else None,
            file_name=f"{number:02d}-{subject.kind}-{subject.key}-{month}.html",
        )
        for number, (subject, job) in enumerate(zip(wanted, jobs, strict=True), 1)
    ]


async def save_pages(
    apis: Apis, built: list[BuiltReport], directory: Path, tick: Callable[[], None]
) -> list[BuiltReport]:
    """Downloads each finished report's page (the API renders it on the first request)."""
    await asyncio.to_thread(directory.mkdir, parents=True, exist_ok=True)
    saved = []
    for report in built:
        if report.html is None or report.status != "done":
            saved.append(report)
            continue
        page = await send(apis.reporting, "GET", report.html)
        path = (directory / report.file_name).resolve()
        await asyncio.to_thread(path.write_bytes, page.content)
        saved.append(dataclasses.replace(report, saved=path))
        tick()
    return saved
