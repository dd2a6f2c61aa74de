"""The demo's planted stories (region.json, "stories") each show as findings of the report of
their month: the demo generator's feedback for that one service only, posted through
feedback-api, and the report of the month built through the reporting API.

A story that holds from_month..to_month is a drop in the month it begins (against the month
before) and, when it ends before last month, a recovery in the month after it ends. Both are
checked: the shifted channels or stages, criteria and pain categories are significant findings
of the right sign, told in the conclusions, while the channels or stages outside the story stay
put."""

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from feedback_api.config import FeedbackSettings
from otklik_kit.demo.generate.catalog import touchpoints
from otklik_kit.demo.generate.feedback import FeedbackGenerator, Target
from otklik_kit.demo.generate.rhythm import month_offset
from otklik_kit.demo.region import Story, load_region
from otklik_shared.measures import MOSCOW
from otklik_shared.vocab import Channel
from reporting_worker.config import ReportingSettings
from reporting_worker.reports.periods import month_period
from tests.catalog_helpers import create_service
from tests.conftest import KeyMaker
from tests.feedback_helpers import Catalog, sync_catalog
from tests.report_helpers import service_key, upstream_on
from tests.stats_helpers import build, post_all

STORIES = load_region().stories
# the feedback is generated up to a fixed moment and moved, month for month, to the present:
# the same data on every run, so the report's verdicts do not depend on the day the test runs
GENERATED_UNTIL = datetime(2026, 11, 23, 15, 30, tzinfo=UTC)
# generated feedback a month, about: a few seconds a story
PER_MONTH = 1500
# a row with at least this many responses in both months is expected to show (or to stay put);
# housing_subsidy's additional_documents stage (4 % of its feedback) stays below it
ENOUGH = 60
# the least change of a CSAT that a story's finding is (п.п.)
CSAT_MOVE = 5.0


@dataclass(frozen=True)
class Moment:
    """A month in which a story shows: its offset from the current month and the change's sign,
    -1 as the story begins, +1 once it has ended."""

    month: int
    sign: int

    @property
    def name(self) -> str:
        return "drop" if self.sign < 0 else "recovery"


def moments(story: Story) -> list[Moment]:
    shown = [Moment(story.from_month, -1)]
    if story.to_month < -1:
        shown.append(Moment(story.to_month + 1, +1))
    return shown


def _month_index(moment: datetime) -> int:
    local = moment.astimezone(MOSCOW)
    return local.year * 12 + local.month - 1


def _day(item: dict[str, Any]) -> date:
    return datetime.fromisoformat(item["occurred_at"]).astimezone(MOSCOW).date()


def moved(item: dict[str, Any], months: int) -> dict[str, Any]:
    """The feedback `months` months later, on the same day of the month (or the month's last)."""
    at = datetime.fromisoformat(item["occurred_at"]).astimezone(MOSCOW)
    year, month = divmod(at.year * 12 + at.month - 1 + months, 12)
    day = min(at.day, calendar.monthrange(year, month + 1)[1])
    return item | {"occurred_at": at.replace(year=year, month=month + 1, day=day).isoformat()}


def generated(
    target: Target, story: Story, wanted: set[int], now: datetime
) -> list[dict[str, Any]]:
    """The story's feedback of the `wanted` months (offsets from the current one)."""
    window = 2 - min(wanted)  # the earliest wanted month whole
    generator = FeedbackGenerator(
        [target], [story], total=PER_MONTH * window, months=window, end=GENERATED_UNTIL, seed=14
    )
    until = GENERATED_UNTIL.astimezone(MOSCOW).date()
    shift = _month_index(now) - _month_index(GENERATED_UNTIL)
    return [
        moved(item, shift)
        for batch in generator.batches(1000)
        for item in batch
        if month_offset(_day(item), until) in wanted
    ]


def month_of(offset: int, now: datetime) -> str:
    year, month = divmod(_month_index(now) + offset, 12)
    return f"{month_period(year, month + 1).first:%Y-%m}"


def significant(report: dict[str, Any], section: str) -> dict[str, dict[str, Any]]:
    return {
        f["key"]: f
        for f in report["findings"]
        if f["section"] == section and f["test"]["verdict"] == "significant"
    }


def rows_with_enough(rows: list[dict[str, Any]]) -> set[str]:
    return {
        row["key"]
        for row in rows
        if min(row["figures"]["respondents"]["value"], row["figures"]["respondents"]["previous"])
        >= ENOUGH
    }


def assert_moves(found: dict[str, dict[str, Any]], keys: set[str], sign: int, least: float) -> None:
    assert keys, "nothing to check"
    for key in keys:
        assert key in found, (key, sorted(found))
        finding = found[key]
        assert finding["change"] * sign >= least, finding
        assert min(finding["responses"], finding["previous_responses"]) >= ENOUGH, finding


def assert_told(report: dict[str, Any], found: dict[str, dict[str, Any]], keys: set[str]) -> None:
    """The heaviest of these findings is said in the conclusions."""
    heaviest = max((found[key] for key in keys), key=lambda f: abs(f["test"]["weight"]))
    assert heaviest["sentence"] in report["conclusions"], (heaviest, report["conclusions"])


def assert_story_shows(report: dict[str, Any], story: Story, moment: Moment) -> None:
    sign = moment.sign
    headline = significant(report, "headline")
    assert "" in headline, report["findings"]
    assert headline[""]["change"] * sign > 0, headline
    for section, keys, rows in (
        ("channel", story.channels, report["by_channel"]),
        ("stage", story.stages, report["by_stage"]),
    ):
        if keys is None:
            continue
        found = significant(report, section)
        planted = {key.value for key in keys}
        shown = planted & rows_with_enough(rows)
        assert_moves(found, shown, sign, CSAT_MOVE)
        assert_told(report, found, shown)
        # the rest of the section was not part of the story: no significant change there
        steady = rows_with_enough(rows) - planted
        assert not steady & set(found), [found[key] for key in steady & set(found)]
    criteria = set(story.shifts) - {"rating"}
    found = significant(report, "criterion")
    assert_moves(found, criteria, sign, 0.3)
    for criterion in criteria:
        assert found[criterion]["sentence"] in report["conclusions"], report["conclusions"]
    # the story's pains are complained about more while it holds, less once it is over
    pains = {pain.value for pain in story.pains}
    found = significant(report, "category")
    assert_moves(found, pains, -sign, 3.0)
    assert_told(report, found, pains)


@pytest.mark.parametrize(
    ("story", "moment"),
    [(story, moment) for story in STORIES for moment in moments(story)],
    ids=[f"{s.service}:{m.name}@{m.month}" for s in STORIES for m in moments(s)],
)
async def test_the_demo_story_is_a_finding_of_its_month(
    story: Story,
    moment: Moment,
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
    agency, spec = next((a, s) for a, s in region.services() if s.key == story.service)
    service = await create_service(
        plans,
        admin_headers,
        catalog.agency_id,
        title=spec.title,
        stages=[stage.value for stage in spec.stages],
    )
    await sync_catalog(plans_app, feedback_settings)
    offered: dict[Channel, list[str]] = {
        channel: [] for point in touchpoints(region, agency) for channel in point.channels
    }
    target = Target(agency, catalog.agency_id, spec, service["id"], offered)
    now = datetime.now(UTC)
    items = generated(target, story, {moment.month - 1, moment.month}, now)
    await post_all(feedback, feedback_app, portal, items)

    upstream = upstream_on(plans_app, feedback_app, await service_key(make_key))
    body = {
        "subject_kind": "service",
        "subject_id": service["id"],
        "month": month_of(moment.month, now),
    }
    report = await build(reporting, reporting_settings, upstream, admin_headers, body)
    assert_story_shows(report, story, moment)
