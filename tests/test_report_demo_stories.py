"""The demo's planted story of the doctor-appointment service — the online channels recover last
month after months of a faulty booking service — shows as findings of that month's report: the
demo generator's feedback for that one service only, posted through feedback-api."""

from datetime import UTC, datetime

import httpx
from fastapi import FastAPI

from feedback_api.config import FeedbackSettings
from otklik_kit.demo.generate.feedback import FeedbackGenerator, Target
from otklik_kit.demo.region import load_region
from otklik_shared.vocab import Channel
from reporting_worker.config import ReportingSettings
from reporting_worker.reports.periods import previous_month
from tests.catalog_helpers import create_service
from tests.conftest import KeyMaker
from tests.feedback_helpers import Catalog, sync_catalog
from tests.report_helpers import service_key, upstream_on
from tests.stats_helpers import build, post_all

STORY_CHANNELS = ("epgu", "regional_portal", "mobile_app", "official_site")


async def test_the_doctor_appointment_story_is_a_finding_of_its_month(
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    feedback_settings: FeedbackSettings,
    portal: dict[str, str],
    admin_headers: dict[str, str],
    catalog: Catalog,
    make_key: KeyMaker,
) -> None:
    region = load_region()
    agency, spec = next((a, s) for a, s in region.services() if s.key == "doctor_appointment")
    service = await create_service(
        plans,
        admin_headers,
        catalog.agency_id,
        title=spec.title,
        stages=[stage.value for stage in spec.stages],
    )
    await sync_catalog(plans_app, feedback_settings)
    online: dict[Channel, list[str]] = {Channel.MOBILE_APP: [], Channel.OFFICIAL_SITE: []}
    target = Target(agency, catalog.agency_id, spec, service["id"], online)
    stories = [s for s in region.stories if s.service == spec.key]
    now = datetime.now(UTC)
    generator = FeedbackGenerator([target], stories, total=2400, months=2, end=now, seed=14)
    items = [item for batch in generator.batches(1000) for item in batch]
    await post_all(feedback, feedback_app, portal, items)

    upstream = upstream_on(plans_app, feedback_app, await service_key(make_key))
    month = previous_month(now)
    body = {
        "subject_kind": "service",
        "subject_id": service["id"],
        "month": f"{month.first:%Y-%m}",
    }
    report = await build(reporting, reporting_settings, upstream, admin_headers, body)

    rises = {
        f["key"]: f
        for f in report["findings"]
        if f["section"] == "channel" and f["change"] > 0 and f["key"] in STORY_CHANNELS
    }
    # every online channel of the story recovers significantly, by tens of п.п. (the demo's
    # mobile app +38 п.п. and regional portal +37 п.п.)
    assert set(rises) == set(STORY_CHANNELS), report["findings"]
    for finding in rises.values():
        assert finding["test"]["verdict"] == "significant"
        assert finding["change"] > 15
        assert min(finding["responses"], finding["previous_responses"]) >= 30
    # and they are said in the conclusions, in the order of their weight
    sentences = [f["sentence"] for f in report["findings"] if f["section"] != "headline"]
    told = [c for c in report["conclusions"] if c in sentences]
    assert any("«Региональный портал» вырос" in c for c in told)
    assert any("«Мобильное приложение» вырос" in c for c in told)
    # in-person channels were not part of the story: no significant change there
    assert not any(
        f["section"] == "channel" and f["key"] in ("agency_office", "mfc")
        for f in report["findings"]
    )
