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
POLL_SECONDS = 1.0


@dataclass(frozen=True)
class BuiltReport:
    title: str
    status: str
    html: str
    pdf: str
    xlsx: str


async def reports_offered(apis: Apis) -> bool:
    """Whether this reporting API builds reports (its OpenAPI contract has the route)."""
    response = await send(apis.reporting, "GET", "/api/v1/openapi.json", expect=(200, 404))
    paths = response.json().get("paths", {}) if response.status_code == 200 else {}
    return "post" in paths.get(REPORTS_PATH, {})


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
    within_seconds: float,
    tick: Callable[[], None],
) -> list[BuiltReport]:
    jobs: list[tuple[str, dict[str, Any]]] = []
    for kind, subject_id, title in subjects(region, catalog):
        body = {"subject_kind": kind, "subject_id": subject_id, "month": month}
        jobs.append((title, await call(apis.reporting, "POST", REPORTS_PATH, json=body)))
    deadline = time.monotonic() + within_seconds
    built = []
    for title, job in jobs:
        while job["status"] in ("queued", "running"):
            if time.monotonic() > deadline:
                raise DemoError(f"the report «{title}» was not built within {within_seconds:.0f} s")
            await asyncio.sleep(POLL_SECONDS)
            job = await call(apis.reporting, "GET", f"{REPORTS_PATH}/{job['id']}")
        links = job["links"]
        base = str(apis.reporting.base_url).rstrip("/")
        built.append(
            BuiltReport(
                title,
                job["status"],
                base + links["html"],
                base + links["pdf"],
                base + links["xlsx"],
            )
        )
        tick()
    return built
