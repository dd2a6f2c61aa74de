"""Reports over 10 million feedback rows: the report builder and the aggregates it reads against
a plain GROUP BY over the raw rows, on the same data in the same run.

The rows are made by SQL (generate_series) straight into feedback-api's monthly partitions,
with comments drawn from a pool that the real classifier has labelled, as `feedback.classified`
would have left them. The daily, category and hourly aggregates are filled by SQL that follows
the worker's counting rules (`aggregates.counting.count`, `recording.count_categories`,
`aggregates.hourly.count_hourly`); each generation runs that real counting code over a sample
of the rows and stops unless the SQL gives the same numbers. The dataset is kept in its own
database and reused while its shape is the same.
"""

import asyncio
import json
import random
import statistics
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg

from benchmarks.ingest import comment_pool
from benchmarks.processes import PeakMemory
from benchmarks.results import Row, mib
from benchmarks.stack import (
    Stack,
    asyncpg_dsn,
    database_exists,
    issue_tokens,
    recreate_database,
    with_database,
)
from otklik_kit.migrations import upgrade_all
from otklik_shared.events import FeedbackPayload, Sentiment
from reporting_worker.aggregates.counting import count
from reporting_worker.aggregates.hourly import count_hourly
from reporting_worker.aggregates.models import COUNTERS, CRITERIA
from reporting_worker.classification.classifier import Classifier
from reporting_worker.classification.recording import count_categories

DATABASE = "otklik_bench_reports"
# bump when the generated data changes shape: an older dataset is then made anew
DATASET_VERSION = 2
MONTHS = 6
AGENCIES = 4
SERVICES_PER_AGENCY = 5
COMMENT_SHARE = 0.25
STAGES = ["information", "application", "processing", "decision", "result"]
CHANNELS = ["epgu", "regional_portal", "mfc", "agency_office", "mobile_app", "contact_center"]
TOUCHPOINTS_PER_SERVICE = 3
MOSCOW_DAY = "((f.occurred_at AT TIME ZONE 'UTC') + interval '3 hours')::date"
NONE_ID = "'00000000-0000-0000-0000-000000000000'::uuid"


def months_back(today: date, months: int) -> date:
    year, month = today.year, today.month - months
    while month <= 0:
        year, month = year - 1, month + 12
    return date(year, month, 1)


@dataclass(frozen=True)
class Shape:
    rows: int
    first_day: date  # the first day of the oldest month

    @property
    def marker(self) -> dict[str, Any]:
        return {"version": DATASET_VERSION, "rows": self.rows, "first_day": str(self.first_day)}


async def _marker(connection: asyncpg.Connection) -> dict[str, Any] | None:
    exists = await connection.fetchval("SELECT to_regclass('public.bench_dataset') IS NOT NULL")
    if not exists:
        return None
    value = await connection.fetchval("SELECT shape FROM public.bench_dataset")
    return json.loads(value) if value else None


async def _classified_pool(connection: asyncpg.Connection) -> int:
    """The comments the rows draw from, with the real classifier's categories and sentiment
    (the rating passed is the one the generated rows give a comment: see `_rating`)."""
    classifier = Classifier.build()
    rows = []
    for index, text in enumerate(comment_pool()):
        # the sentiment may depend on the rating: a row with pool comment i has rating 1 + i % 5
        result = classifier.classify(text, 1 + index % 5)
        rows.append((index, text, [c.value for c in result.category_codes], result.sentiment))
    await connection.execute(
        "CREATE TABLE public.bench_comments (idx int PRIMARY KEY, text text, "
        "categories text[], sentiment text)"
    )
    await connection.copy_records_to_table("bench_comments", schema_name="public", records=rows)
    return len(rows)


async def _directory(connection: asyncpg.Connection, rng: random.Random) -> list[uuid.UUID]:
    services = []
    for a in range(AGENCIES):
        agency = uuid.UUID(int=rng.getrandbits(128), version=4)
        await connection.execute(
            "INSERT INTO reporting.agencies (id, name, level, revision, source_event_at) "
            "VALUES ($1, $2, 'regional', 1, now())",
            agency,
            f"Министерство №{a + 1} (нагрузочный стенд)",
        )
        for s in range(SERVICES_PER_AGENCY):
            service = uuid.UUID(int=rng.getrandbits(128), version=4)
            await connection.execute(
                "INSERT INTO reporting.services (id, agency_id, title, direction, stages, "
                "life_situation_ids, retired, revision, source_event_at) "
                "VALUES ($1, $2, $3, 'state_services', $4, '{}', false, 1, now())",
                service,
                agency,
                f"Государственная услуга №{a + 1}.{s + 1}",
                STAGES,
            )
            services.append(service)
    return services


# One statement per month: row g of the month gets its service, stage, channel, touchpoint,
# rating and comment from hashes of g (deterministic), its times inside the month.
GENERATE_MONTH = f"""
INSERT INTO feedback.feedback (
    id, received_at, agency_id, service_id, stage, channel, touchpoint_id, client_type, rating,
    criterion_queue_wait, criterion_staff_courtesy, comment, occurred_at, submitted_by,
    answer_requested, has_contact, needs_review, status, categories, sentiment, classified_at
)
SELECT gen_random_uuid(), r.occurred + interval '2 minutes', s.agency_id, s.id,
       ($5::text[])[1 + r.h2 % {len(STAGES)}]::feedback.stage,
       ($6::text[])[1 + r.h3 % {len(CHANNELS)}]::feedback.channel,
       CASE WHEN r.h4 % 4 = 0 THEN NULL ELSE ('00000000-0000-4000-8000-'
         || lpad(to_hex(s.n * 16 + r.h4 % {TOUCHPOINTS_PER_SERVICE}), 12, '0'))::uuid END,
       'individual', rt.rating,
       CASE WHEN (r.h4 / 4) % 5 < 2 THEN 1 + (r.h4 / 20) % 5 END,
       CASE WHEN (r.h4 / 4) % 5 = 0 THEN rt.rating END,
       c.text, r.occurred, '00000000-0000-0000-0000-000000000001'::uuid,
       false, false, false, 'received',
       coalesce(c.categories::feedback.pain_category[], '{{}}'), c.sentiment,
       CASE WHEN c.idx IS NOT NULL THEN r.occurred + interval '3 minutes' END
  FROM (
    SELECT abs(hashint8(g)) AS h1, abs(hashint8(g + 1000000007)) AS h2,
           abs(hashint8(g + 2000000011)) AS h3, abs(hashint8(g + 3000000019)) AS h4,
           abs(hashint8(g + 4000000007)) AS h5,
           $1::timestamptz + ($2::timestamptz - $1::timestamptz) * ((g - $3) / $4::float8)
             AS occurred
      FROM generate_series($3::bigint, $3::bigint + $4::bigint - 1) AS g
  ) AS r
  JOIN public.bench_services s ON s.n = r.h1 % $7
  LEFT JOIN public.bench_comments c
    ON r.h5 % 100 < {int(COMMENT_SHARE * 100)} AND c.idx = (r.h5 / 100) % $8
  CROSS JOIN LATERAL (SELECT CASE
      WHEN c.idx IS NOT NULL THEN 1 + c.idx % 5
      ELSE (ARRAY[1, 2, 3, 4, 4, 5, 5, 5, 5, 5])[1 + (r.h2 / 16) % 10]
    END AS rating) AS rt
"""

# the worker's counting rules (aggregates.counting.count), as SQL over raw rows
DAILY_COLUMNS = ", ".join(COUNTERS)
DAILY_SELECT = f"""
SELECT {MOSCOW_DAY} AS day, f.agency_id, coalesce(f.service_id, {NONE_ID}) AS service_id,
       coalesce(f.stage::text, '') AS stage, f.channel::text AS channel,
       coalesce(f.touchpoint_id, {NONE_ID}) AS touchpoint_id,
       count(*) AS responses,
       {", ".join(f"count(*) FILTER (WHERE f.rating = {v}) AS rating_{v}" for v in range(1, 6))},
       {", ".join(f"coalesce(sum(f.criterion_{c}), 0) AS {c}_sum" for c in CRITERIA)},
       {", ".join(f"count(f.criterion_{c}) AS {c}_count" for c in CRITERIA)},
       count(*) FILTER (WHERE f.comment IS NOT NULL AND f.comment <> '') AS comments,
       count(*) FILTER (WHERE f.sentiment = 'negative') AS sentiment_negative,
       count(*) FILTER (WHERE f.sentiment = 'neutral') AS sentiment_neutral,
       count(*) FILTER (WHERE f.sentiment = 'positive') AS sentiment_positive
  FROM feedback.feedback f {{where}}
 GROUP BY 1, 2, 3, 4, 5, 6
"""
CATEGORY_SELECT = f"""
SELECT {MOSCOW_DAY} AS day, f.agency_id, coalesce(f.service_id, {NONE_ID}) AS service_id,
       coalesce(f.stage::text, '') AS stage, f.channel::text AS channel,
       coalesce(f.touchpoint_id, {NONE_ID}) AS touchpoint_id, category::text AS category,
       count(*) AS comments, count(*) FILTER (WHERE f.sentiment = 'negative') AS negative,
       sum(f.rating) AS rating_sum
  FROM feedback.feedback f CROSS JOIN LATERAL unnest(f.categories) AS category {{where}}
 GROUP BY 1, 2, 3, 4, 5, 6, 7
"""
# the hourly rules (aggregates.hourly.count_hourly): UTC hours of occurred_at
HOURLY_SELECT = f"""
SELECT date_trunc('hour', f.occurred_at) AS hour, f.agency_id,
       coalesce(f.service_id, {NONE_ID}) AS service_id, coalesce(f.stage::text, '') AS stage,
       f.channel::text AS channel, count(*) AS responses,
       {", ".join(f"count(*) FILTER (WHERE f.rating = {v}) AS rating_{v}" for v in range(1, 6))}
  FROM feedback.feedback f {{where}}
 GROUP BY 1, 2, 3, 4, 5
"""
QUOTES = f"""
INSERT INTO reporting.comment_quotes (feedback_id, day, agency_id, service_id, stage, channel,
    touchpoint_id, rating, text, categories, sentiment, received_at)
SELECT id, day, agency_id, service_id, stage, channel, touchpoint_id, rating, comment,
       categories, sentiment, received_at
  FROM (
    SELECT f.id, {MOSCOW_DAY} AS day, f.agency_id, f.service_id, f.stage::text AS stage,
           f.channel::text AS channel, coalesce(f.touchpoint_id, {NONE_ID}) AS touchpoint_id,
           f.rating, f.comment, f.categories::text[] AS categories, f.sentiment, f.received_at,
           row_number() OVER (
             PARTITION BY {MOSCOW_DAY}, f.service_id, f.stage, f.channel, f.touchpoint_id
             ORDER BY CASE f.sentiment WHEN 'negative' THEN 0 WHEN 'neutral' THEN 1 ELSE 2 END,
                      (f.categories <@ '{{other,praise}}')::int,
                      (length(f.comment) NOT BETWEEN 30 AND 500)::int, f.rating, f.id::text
           ) AS place
      FROM feedback.feedback f WHERE f.comment IS NOT NULL
  ) AS ranked
 WHERE place <= 3
"""


async def _generate(url: str, shape: Shape) -> float:
    started = time.perf_counter()
    rng = random.Random(20261123)
    connection = await asyncpg.connect(asyncpg_dsn(url), command_timeout=3600)
    try:
        await connection.execute("SET synchronous_commit = off")
        await connection.execute("SET maintenance_work_mem = '256MB'")
        await connection.execute(
            "SELECT feedback.ensure_feedback_partitions($1::date, $2)", shape.first_day, MONTHS + 2
        )
        pool_size = await _classified_pool(connection)
        services = await _directory(connection, rng)
        await connection.execute(
            "CREATE TABLE public.bench_services (n bigint PRIMARY KEY, id uuid, agency_id uuid)"
        )
        agencies = {
            r["id"]: r["agency_id"]
            for r in await connection.fetch("SELECT id, agency_id FROM reporting.services")
        }
        await connection.executemany(
            "INSERT INTO public.bench_services (n, id, agency_id) VALUES ($1, $2, $3)",
            [(n, s, agencies[s]) for n, s in enumerate(services)],
        )
        # indexes are built after the load, in one pass each (far quicker than row by row)
        indexes = await connection.fetch(
            "SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition "
            "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE i.indrelid = 'feedback.feedback'::regclass AND NOT i.indisprimary"
        )
        for index in indexes:
            await connection.execute(f'DROP INDEX feedback."{index["name"]}"')
        await connection.execute(
            "INSERT INTO reporting.touchpoints (id, agency_id, name, kind, is_digital, deleted, "
            "revision, source_event_at) "
            "SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(s.n * 16 + k), 12, '0'))::uuid, "
            "s.agency_id, 'Окно приема №' || (k + 1) || ' (услуга ' || (s.n + 1) || ')', "
            "'agency_office', false, false, 1, now() "
            "FROM public.bench_services s, generate_series(0, $1 - 1) AS k",
            TOUCHPOINTS_PER_SERVICE,
        )
        per_month = shape.rows // MONTHS
        for month in range(MONTHS):
            start = months_back(shape.first_day, -month)
            end = months_back(shape.first_day, -month - 1)
            begins = datetime(start.year, start.month, start.day, tzinfo=UTC) - timedelta(hours=3)
            ends = datetime(end.year, end.month, end.day, tzinfo=UTC) - timedelta(hours=3)
            rows = per_month if month < MONTHS - 1 else shape.rows - per_month * (MONTHS - 1)
            print(f"reports: generating {start:%Y-%m} ({rows:,} rows)", flush=True)
            await connection.execute(
                GENERATE_MONTH,
                begins,
                ends,
                month * per_month,
                rows,
                STAGES,
                CHANNELS,
                len(services),
                pool_size,
            )
        print("reports: indexes of the feedback table", flush=True)
        for index in indexes:
            await connection.execute(index["definition"])
        print("reports: aggregates, categories and quotes by SQL", flush=True)
        await connection.execute(
            f"INSERT INTO reporting.feedback_daily (day, agency_id, service_id, stage, channel, "
            f"touchpoint_id, {DAILY_COLUMNS}) " + DAILY_SELECT.format(where="")
        )
        await connection.execute(
            "INSERT INTO reporting.feedback_category_daily (day, agency_id, service_id, stage, "
            "channel, touchpoint_id, category, comments, negative, rating_sum) "
            + CATEGORY_SELECT.format(where="")
        )
        await connection.execute(
            "INSERT INTO reporting.feedback_hourly (hour, agency_id, service_id, stage, channel, "
            "responses, rating_1, rating_2, rating_3, rating_4, rating_5) "
            + HOURLY_SELECT.format(where="")
        )
        await connection.execute(QUOTES)
        await _settle(connection)
        await _check_against_the_worker(connection, shape.rows)
        await connection.execute("CREATE TABLE public.bench_dataset (shape text)")
        await connection.execute(
            "INSERT INTO public.bench_dataset VALUES ($1)", json.dumps(shape.marker)
        )
    finally:
        await connection.close()
    return time.perf_counter() - started


async def _check_against_the_worker(
    connection: asyncpg.Connection, total: int, sample: int = 3000
) -> None:
    """The SQL counting equals the worker's own counting code on a sample of the rows."""
    percent = min(100.0, 300.0 * sample / max(total, 1))
    rows = await connection.fetch(
        f"SELECT * FROM feedback.feedback TABLESAMPLE SYSTEM ({percent:.4f}) REPEATABLE (7) "
        "LIMIT $1",
        sample,
    )
    if not rows:
        raise RuntimeError("no rows sampled to check the aggregation against")
    ids = [r["id"] for r in rows]
    payloads: list[FeedbackPayload] = []
    classified: dict[uuid.UUID, _Classified] = {}
    for r in rows:
        criteria = {
            name: r[f"criterion_{name}"] for name in CRITERIA if r[f"criterion_{name}"] is not None
        }
        payloads.append(
            FeedbackPayload.model_validate(
                {
                    "feedback_id": r["id"],
                    "agency_id": r["agency_id"],
                    "service_id": r["service_id"],
                    "stage": r["stage"],
                    "channel": r["channel"],
                    "touchpoint_id": r["touchpoint_id"],
                    "client_type": r["client_type"],
                    "rating": r["rating"],
                    "criteria": criteria,
                    "comment": r["comment"],
                    "occurred_at": r["occurred_at"],
                    "received_at": r["received_at"],
                }
            )
        )
        if r["comment"]:
            classified[r["id"]] = _Classified(tuple(r["categories"]), r["sentiment"])
    sentiments: dict[uuid.UUID, Sentiment] = {i: c.sentiment for i, c in classified.items()}
    expected = {k: list(v) for k, v in count(payloads, sentiments).items()}
    expected_categories = {
        k: list(v)
        for k, v in count_categories(payloads, classified).items()  # type: ignore[arg-type]
    }
    where = "WHERE f.id = ANY($1::uuid[])"
    got = {
        tuple(r)[:6]: list(tuple(r)[6:])
        for r in await connection.fetch(DAILY_SELECT.format(where=where), ids)
    }
    got_categories = {
        tuple(r)[:7]: list(tuple(r)[7:])
        for r in await connection.fetch(CATEGORY_SELECT.format(where=where), ids)
    }
    expected_hourly = {k: list(v) for k, v in count_hourly(payloads).items()}
    got_hourly = {
        tuple(r)[:5]: list(tuple(r)[5:])
        for r in await connection.fetch(HOURLY_SELECT.format(where=where), ids)
    }
    if got != expected or got_categories != expected_categories or got_hourly != expected_hourly:
        raise RuntimeError("the SQL aggregation differs from the worker's counting code")
    print(
        f"reports: SQL aggregation equals the worker's counting on {len(rows)} sampled rows",
        flush=True,
    )


@dataclass(frozen=True)
class _Classified:
    """What `count_categories` reads of a classification: its categories and sentiment."""

    codes: tuple[str, ...]
    sentiment: Sentiment

    @property
    def category_codes(self) -> list[Any]:
        from otklik_shared.vocab import PainCategory

        return [PainCategory(code) for code in self.codes]


async def _settle(connection: asyncpg.Connection) -> None:
    """The tables as autovacuum leaves past months in production: statistics fresh and every
    page marked all-visible, so index-only scans need not visit the heap (the raw rows' side
    gets the same). Quick when nothing changed since the last run."""
    await connection.execute("VACUUM (ANALYZE)")


async def ensure_dataset(server: str, rows: int) -> tuple[str, float | None]:
    """The dataset's database URL, and how long making it took (None when reused)."""
    url = with_database(server, DATABASE)
    today = datetime.now(UTC).date()
    shape = Shape(rows, months_back(today, MONTHS))
    if await database_exists(server, DATABASE):
        connection = await asyncpg.connect(asyncpg_dsn(url))
        try:
            reusable = await _marker(connection) == shape.marker
        finally:
            await connection.close()
        if reusable:
            # the data stays; tables added by later migrations (e.g. the reports') come in
            await asyncio.to_thread(upgrade_all, url)
            connection = await asyncpg.connect(asyncpg_dsn(url))
            try:
                await _settle(connection)
            finally:
                await connection.close()
            return url, None
    print(f"reports: making the dataset ({rows:,} rows; reused by later runs)", flush=True)
    url = await recreate_database(server, DATABASE)
    return url, await _generate(url, shape)


# --- what a monthly report of one service reads --------------------------------------------

# What the builder reads for a service's month (reports.repository): the cells of the month
# and of the previous month, the month's days, the categories of both months — each from the
# aggregates, and the same figures by plain GROUP BY over the raw rows. (Its quotes, a bounded
# table of their own, have no cheap raw equivalent and are left out of both sides.)
_CELLS = f"""SELECT stage, channel, touchpoint_id,
       {", ".join(f"sum({c})" for c in COUNTERS)}
  FROM reporting.feedback_daily
 WHERE service_id = $1 AND day >= $2 AND day < $3
 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"""
_DAYS = """SELECT day, sum(responses), sum(rating_1), sum(rating_2), sum(rating_3), sum(rating_4),
       sum(rating_5)
  FROM reporting.feedback_daily
 WHERE service_id = $1 AND day >= $2 AND day < $3
 GROUP BY 1 ORDER BY 1"""
_CATEGORIES = """SELECT stage, channel, touchpoint_id, category, sum(comments), sum(negative),
       sum(rating_sum)
  FROM reporting.feedback_category_daily
 WHERE service_id = $1 AND day >= $2 AND day < $3
 GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"""
_RAW_WHERE = "WHERE f.service_id = $1 AND f.occurred_at >= $2 AND f.occurred_at < $3"
_RAW_CELLS = f"""SELECT stage, channel, touchpoint_id,
       {", ".join(f"sum({c})" for c in COUNTERS)}
  FROM ({DAILY_SELECT.format(where=_RAW_WHERE)}) AS raw
 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"""
_RAW_DAYS = f"""SELECT {MOSCOW_DAY}, count(*),
       {", ".join(f"count(*) FILTER (WHERE f.rating = {v})" for v in range(1, 6))}
  FROM feedback.feedback f {_RAW_WHERE}
 GROUP BY 1 ORDER BY 1"""
_RAW_CATEGORIES = f"""SELECT stage, channel, touchpoint_id, category, sum(comments),
       sum(negative), sum(rating_sum)
  FROM ({CATEGORY_SELECT.format(where=_RAW_WHERE)}) AS raw
 GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"""
# (query, which month: 0 the report's, 1 the previous one)
REPORT_FROM_AGGREGATES = [(_CELLS, 0), (_CELLS, 1), (_DAYS, 0), (_CATEGORIES, 0), (_CATEGORIES, 1)]
REPORT_FROM_RAW = [
    (_RAW_CELLS, 0),
    (_RAW_CELLS, 1),
    (_RAW_DAYS, 0),
    (_RAW_CATEGORIES, 0),
    (_RAW_CATEGORIES, 1),
]


def _moscow_midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC) - timedelta(hours=3)


async def _timed(
    connection: asyncpg.Connection,
    queries: list[tuple[str, int]],
    months: tuple[tuple[Any, Any], tuple[Any, Any]],
    service: uuid.UUID,
    repeat: int,
) -> tuple[float, list[list[tuple[Any, ...]]]]:
    """Median time of running the queries one after another; `months` are the bounds of the
    report's month and of the previous one."""
    times, results = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        results = [
            [tuple(r) for r in await connection.fetch(q, service, *months[which])]
            for q, which in queries
        ]
        times.append(time.perf_counter() - started)
    return statistics.median(times), results


async def _measure(url: str) -> tuple[float, float, int, int]:
    connection = await asyncpg.connect(asyncpg_dsn(url), command_timeout=600)
    try:
        first = await connection.fetchval("SELECT min(day) FROM reporting.feedback_daily")
        month = months_back(first, -(MONTHS - 1))  # the latest full month
        previous, following = months_back(month, 1), months_back(month, -1)
        service = await connection.fetchval(
            "SELECT service_id FROM reporting.feedback_daily WHERE day >= $1 AND day < $2 "
            "GROUP BY 1 ORDER BY sum(responses) DESC LIMIT 1",
            month,
            following,
        )
        total = await connection.fetchval("SELECT count(*) FROM feedback.feedback")
        in_report = await connection.fetchval(
            "SELECT sum(responses) FROM reporting.feedback_daily "
            "WHERE service_id = $1 AND day >= $2 AND day < $3",
            service,
            month,
            following,
        )
        days = ((month, following), (previous, month))
        aggregated, from_aggregates = await _timed(
            connection, REPORT_FROM_AGGREGATES, days, service, repeat=5
        )
        moments = tuple((_moscow_midnight(a), _moscow_midnight(b)) for a, b in days)
        raw, from_raw = await _timed(
            connection, REPORT_FROM_RAW, (moments[0], moments[1]), service, repeat=2
        )
    finally:
        await connection.close()
    if _normalised(from_aggregates) != _normalised(from_raw):
        raise RuntimeError("the report from the aggregates differs from the raw GROUP BY")
    return aggregated, raw, int(total), int(in_report)


def _normalised(results: list[list[tuple[Any, ...]]]) -> list[list[tuple[Any, ...]]]:
    return [[tuple(int(v) if isinstance(v, int) else v for v in row) for row in r] for r in results]


async def _time_builder(url: str, service_id: uuid.UUID, month: date) -> float:
    """The report builder itself (reporting_worker.reports.builder), in this process, for one
    service and month: median of 5 after a first build. No upstream services are configured,
    so the plan and survey sections come out as unavailable without a network call."""
    from sqlalchemy.ext.asyncio import create_async_engine

    from otklik_kit.db import create_sessionmaker
    from reporting_worker.reports.builder import build_report
    from reporting_worker.reports.periods import month_period
    from reporting_worker.reports.schemas import SubjectKind
    from reporting_worker.reports.subjects import resolve_subject
    from reporting_worker.reports.upstream import Upstream

    engine = create_async_engine(url)
    sessionmaker = create_sessionmaker(engine)
    period = month_period(month.year, month.month)
    times = []
    try:
        for _ in range(6):
            started = time.perf_counter()
            async with sessionmaker() as session:
                subject = await resolve_subject(
                    session, SubjectKind.SERVICE, service_id, bound_to=None
                )
                assert subject is not None
                report = await build_report(
                    session, subject, period, Upstream(None, None), now=datetime.now(UTC)
                )
            times.append(time.perf_counter() - started)
        assert report.subject.title
    finally:
        await engine.dispose()
    return statistics.median(times[1:])


async def _largest_report_by_the_worker(
    stack: Stack, agency_id: uuid.UUID, month: date
) -> tuple[float, str]:
    """The agency's monthly report through the API and the real worker: seconds from the
    request to done, and the job's final status."""
    import httpx

    admin, _ = await issue_tokens(stack.database_url, 0)
    headers = {"Authorization": f"Bearer {admin}"}
    body = {
        "subject_kind": "agency",
        "subject_id": str(agency_id),
        "month": f"{month:%Y-%m}",
        "force": True,
    }
    async with httpx.AsyncClient(
        base_url=stack.url("reporting-worker API"), headers=headers, timeout=30
    ) as client:
        started = time.perf_counter()
        requested = await client.post("/api/v1/reports", json=body)
        requested.raise_for_status()
        job_id = requested.json()["id"]
        deadline = started + 300
        status = "queued"
        while time.perf_counter() < deadline:
            job = (await client.get(f"/api/v1/reports/{job_id}")).json()
            status = job["status"]
            if status in ("done", "failed"):
                break
            await asyncio.sleep(0.05)
        return time.perf_counter() - started, status


def run(server: str, *, rows: int, workdir: Path) -> list[Row]:
    url, made_in = asyncio.run(ensure_dataset(server, rows))
    print("reports: one service's monthly figures, aggregates vs raw GROUP BY", flush=True)
    aggregated, raw, total, in_report = asyncio.run(_measure(url))
    month, service_id, agency_id = asyncio.run(_subjects(url))
    print("reports: the report builder, one service", flush=True)
    built = asyncio.run(_time_builder(url, service_id, month))
    print("reports: the largest report (an agency) by the real worker", flush=True)
    memory = PeakMemory()
    stack = Stack(workdir, url, memory)
    try:
        with memory.running():
            stack.start_redis()
            stack.start_api("reporting-worker API", "reporting_worker.app:create_app")
            stack.start_worker()
            memory.reset("reporting worker")
            by_worker, status = asyncio.run(_largest_report_by_the_worker(stack, agency_id, month))
    finally:
        stack.stop_all()
    made = f"made in {made_in / 60:.1f} min" if made_in else "reused from an earlier run"
    speedup = raw / built
    return [
        Row(
            f"Monthly report of one service (the report builder) over {total:,} feedback rows "
            f"({in_report:,} in its month; dataset {made}) vs plain GROUP BYs of the same "
            "figures over the raw rows",
            f"{built * 1000:,.0f} ms",
            f"{raw * 1000:,.0f} ms",
            f"{speedup:,.0f}× faster",
            "< 1 s and ≥ 50×",
            built < 1 and speedup >= 50,
        ),
        Row(
            "… the builder's aggregate reads alone vs the raw GROUP BYs (results checked equal)",
            f"{aggregated * 1000:,.1f} ms",
            f"{raw * 1000:,.0f} ms",
            f"{raw / aggregated:,.0f}× faster",
        ),
        Row(
            "Largest report (an agency, 5 services, a month) through the API and the worker",
            f"{by_worker:,.2f} s ({status})",
        ),
        Row(
            "Peak RSS: reporting worker building the largest report",
            mib(memory.peaks.get("reporting worker", 0)),
        ),
    ]


async def _subjects(url: str) -> tuple[date, uuid.UUID, uuid.UUID]:
    """The latest full month, its busiest service and its busiest agency."""
    connection = await asyncpg.connect(asyncpg_dsn(url))
    try:
        first = await connection.fetchval("SELECT min(day) FROM reporting.feedback_daily")
        month = months_back(first, -(MONTHS - 1))
        following = months_back(month, -1)
        service = await connection.fetchval(
            "SELECT service_id FROM reporting.feedback_daily WHERE day >= $1 AND day < $2 "
            "GROUP BY 1 ORDER BY sum(responses) DESC LIMIT 1",
            month,
            following,
        )
        agency = await connection.fetchval(
            "SELECT agency_id FROM reporting.feedback_daily WHERE day >= $1 AND day < $2 "
            "GROUP BY 1 ORDER BY sum(responses) DESC LIMIT 1",
            month,
            following,
        )
    finally:
        await connection.close()
    return month, service, agency
