"""`otklik demo`: the phases in order — catalog, touchpoints, surveys, plans, feedback, the wait
for the reporting worker, the reports — each with its progress bar."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from otklik_kit.demo.generate.catalog import touchpoints as registry
from otklik_kit.demo.generate.feedback import FeedbackGenerator, FeedbackStats
from otklik_kit.demo.generate.rhythm import months_before
from otklik_kit.demo.load import aggregates, reports
from otklik_kit.demo.load.api import Apis, DemoError
from otklik_kit.demo.load.catalog import LoadedCatalog, load_catalog, load_touchpoints
from otklik_kit.demo.load.feedback import FeedbackLoad, load_feedback, newest_feedback
from otklik_kit.demo.load.plans import load_plans
from otklik_kit.demo.load.reports import BuiltReport
from otklik_kit.demo.load.surveys import load_surveys, planned_runs, respondents
from otklik_kit.demo.progress import Progress
from otklik_kit.demo.region import Region, load_region
from otklik_shared.measures import MOSCOW

FULL_SIZE = 300_000
MAX_MONTHS = 11  # feedback-api takes interactions up to a year old


@dataclass(frozen=True)
class DemoOptions:
    feedback: int = FULL_SIZE
    months: int = 6
    seed: int = 2026
    agencies: int | None = None
    services_per_agency: int | None = None
    batch_size: int = 1000
    concurrency: int = 4
    reports: bool = True
    stall_seconds: float = 180.0
    report_timeout: float = 900.0
    reports_dir: Path | None = None  # where to save the reports' pages


@dataclass
class DemoResult:
    region: Region
    catalog: LoadedCatalog
    touchpoints: tuple[int, int] = (0, 0)
    survey_facts: dict[str, dict[str, Any]] = field(default_factory=dict)
    plans: Counter[str] = field(default_factory=Counter)
    generated: FeedbackStats | None = None
    loaded: FeedbackLoad | None = None
    skipped_feedback: datetime | None = None  # when the region's feedback was loaded before
    counted: int | None = None
    report_month: str | None = None
    reports: list[BuiltReport] | None = None  # None: this reporting API builds none yet


def last_whole_month(today: date) -> str:
    previous = today.replace(day=1) - timedelta(days=1)
    return f"{previous:%Y-%m}"


async def run_demo(apis: Apis, options: DemoOptions, progress: Progress) -> DemoResult:
    if not 1 <= options.months <= MAX_MONTHS:
        raise DemoError(f"--months must be 1..{MAX_MONTHS}")
    region = load_region().scaled(
        agencies=options.agencies, services_per_agency=options.services_per_agency
    )
    today = datetime.now(MOSCOW).date()
    entities = len(region.life_situations) + len(region.agencies) + len(region.services())
    with progress.phase("catalog", entities) as bar:
        catalog = await load_catalog(apis, region, bar.tick)
    result = DemoResult(region, catalog)
    points = sum(len(registry(region, agency)) for agency in region.agencies)
    with progress.phase("touchpoints", points) as bar:
        result.touchpoints = await load_touchpoints(apis, region, catalog, bar.tick)
    scale = options.feedback / FULL_SIZE
    answers = sum(respondents(spec, scale) for spec, _, _ in planned_runs(catalog))
    with progress.phase("surveys", answers, "answers") as bar:
        result.survey_facts = await load_surveys(
            apis, catalog, today=today, seed=options.seed, scale=scale, tick=bar.tick
        )
    with progress.phase("plans", len(region.services()), "services") as bar:
        result.plans = await load_plans(
            apis,
            region,
            catalog,
            survey_facts=result.survey_facts,
            today=today,
            seed=options.seed,
            tick=bar.tick,
        )
    await _feedback(apis, options, progress, result)
    result.report_month = last_whole_month(today)
    offered = await reports.reports_offered(apis)
    if options.reports and offered.builds:
        with progress.phase("reports", len(reports.subjects(region, catalog))) as bar:
            result.reports = await reports.build_reports(
                apis,
                region,
                catalog,
                month=result.report_month,
                html=offered.renders_html,
                within_seconds=options.report_timeout,
                tick=bar.tick,
            )
        if options.reports_dir is not None and offered.renders_html:
            with progress.phase("pages", len(result.reports)) as bar:
                result.reports = await reports.save_pages(
                    apis, result.reports, options.reports_dir, bar.tick
                )
    return result


async def _feedback(
    apis: Apis, options: DemoOptions, progress: Progress, result: DemoResult
) -> None:
    catalog = result.catalog
    agency_ids = [a.id for a in catalog.agencies.values()]
    end = catalog.anchor()
    last_day = end.astimezone(MOSCOW).date()
    days = (months_before(last_day, options.months), last_day)
    # feedback is loaded once: a region that has some (a finished or an interrupted run) gets
    # no more, and the count so far is shown
    result.skipped_feedback = await newest_feedback(apis, agency_ids)
    if result.skipped_feedback is not None:
        result.counted = await aggregates.counted(apis, agency_ids, *days)
        return
    generator = FeedbackGenerator(
        catalog.targets(),
        result.region.stories,
        total=options.feedback,
        months=options.months,
        end=end,
        seed=options.seed,
    )
    with progress.phase("feedback", options.feedback, "fb") as bar:
        result.loaded = await load_feedback(
            apis,
            generator,
            batch_size=options.batch_size,
            concurrency=options.concurrency,
            tick=bar.add,
        )
    result.generated = generator.stats
    with progress.phase("aggregated", options.feedback, "fb") as bar:
        result.counted = await aggregates.wait_for_aggregates(
            apis,
            agency_ids,
            days,
            expected=generator.stats.posted,
            stall_seconds=options.stall_seconds,
            show=bar.show,
        )
