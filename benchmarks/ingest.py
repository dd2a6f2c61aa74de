"""Ingest figures: single posts against bare FastAPI, the batch endpoint against COPY, and the lag
from a 201 to the reporting aggregates while ingest runs."""

import asyncio
import json
import random
import statistics
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from benchmarks import wrk
from benchmarks.processes import uvicorn
from benchmarks.results import Row, mib, rate, ratio
from benchmarks.stack import REPO_ROOT, Catalog, Stack, asyncpg_dsn, settle_outbox
from otklik_kit.ids import ms_to_datetime, now_ms, uuid7
from otklik_shared.vocab import Channel

FEEDBACK = "/api/v1/feedback"
COMMENTS = REPO_ROOT / "tests" / "data" / "comments_labelled.jsonl"
COMMENT_SHARE = 0.3
MOSCOW = timedelta(hours=3)


def comment_pool() -> list[str]:
    return [json.loads(line)["text"] for line in COMMENTS.read_text("utf-8").splitlines() if line]


def feedback_bodies(catalog: Catalog, count: int, seed: int = 7) -> list[dict[str, Any]]:
    """Varied, valid posts: ratings skewed to good, a third with a comment, some criteria."""
    rng = random.Random(seed)
    comments = comment_pool()
    now = datetime.now(UTC)
    bodies = []
    for _ in range(count):
        service = rng.choice(catalog.services)
        rating = rng.choices([1, 2, 3, 4, 5], weights=[8, 7, 10, 25, 50])[0]
        body: dict[str, Any] = {
            "service_id": service["id"],
            "stage": rng.choice(service["stages"]),
            "channel": rng.choice(list(Channel)).value,
            "rating": rating,
            "occurred_at": (now - timedelta(minutes=rng.randint(5, 2880))).isoformat(),
        }
        if rng.random() < 0.4:
            body["criteria"] = {"queue_wait": rng.randint(1, 5), "staff_courtesy": rating}
        if rng.random() < COMMENT_SHARE:
            body["comment"] = rng.choice(comments)
            body["answer_requested"] = rng.random() < 0.2
        bodies.append(body)
    return bodies


def single_script(catalog: Catalog) -> str:
    """Posts as a mobile backend makes them: each with an `Idempotency-Key` of its own, new for
    every load, so each post claims its key in the same commit as its row and event."""
    bodies = [json.dumps(b, ensure_ascii=False) for b in feedback_bodies(catalog, 200)]
    return wrk.post_script(
        FEEDBACK, bodies, catalog.portal_tokens, idempotency_prefix=uuid.uuid4().hex
    )


@dataclass
class SingleFigures:
    get: list[wrk.Load]
    post: list[wrk.Load]
    ours: list[wrk.Load]


def best(loads: list[wrk.Load]) -> wrk.Load:
    """The median run by throughput (of two, the better one: noise only ever slows a run)."""
    ordered = sorted(loads, key=lambda load: load.per_second)
    return ordered[len(ordered) // 2] if len(ordered) % 2 else ordered[-1]


def measure_single(stack: Stack, catalog: Catalog, *, seconds: float, rounds: int) -> SingleFigures:
    reference = stack.start(
        "reference",
        uvicorn(
            "reference", "benchmarks.reference_app:app", stack.env(), stack.workdir, factory=False
        ),
    )
    try:
        body = json.dumps(feedback_bodies(catalog, 1)[0], ensure_ascii=False)
        echo = wrk.post_script("/echo", [body], [])
        figures = SingleFigures([], [], [])
        # warm both servers (first requests load caches, the key cache, the pool)
        wrk.run(reference.url, wrk.get_script("/ping"), stack.workdir, seconds=1, name="warm-ref")
        wrk.run(
            stack.url("feedback-api"),
            single_script(catalog),
            stack.workdir,
            seconds=2,
            name="warm-ours",
        )
        asyncio.run(settle_outbox(stack.database_url))
        for n in range(rounds):
            # interleaved, so a change of the machine's load touches both sides alike
            ping = wrk.get_script("/ping")
            figures.get.append(
                wrk.run(
                    reference.url,
                    ping,
                    stack.workdir,
                    seconds=seconds,
                    name=f"get-{n}",
                    server_pid=reference.pid,
                )
            )
            asyncio.run(settle_outbox(stack.database_url))
            figures.ours.append(
                wrk.run(
                    stack.url("feedback-api"),
                    single_script(catalog),
                    stack.workdir,
                    seconds=seconds,
                    name=f"ours-{n}",
                    server_pid=stack.processes["feedback-api"].pid,
                )
            )
            figures.post.append(
                wrk.run(
                    reference.url,
                    echo,
                    stack.workdir,
                    seconds=seconds,
                    name=f"post-{n}",
                    server_pid=reference.pid,
                )
            )
    finally:
        stack.stop("reference")
    return figures


def _run_label(load: wrk.Load) -> str:
    """A run's rate, with the CPU the hypervisor took from this machine meanwhile if notable."""
    if load.steal is not None and load.steal >= 0.02:
        return f"{load.per_second:,.0f} ({load.steal:.0%} stolen)"
    return f"{load.per_second:,.0f}"


def single_rows(figures: SingleFigures) -> list[Row]:
    get, post, ours = best(figures.get), best(figures.post), best(figures.ours)
    share = ours.per_second / get.per_second
    errors = (
        "" if ours.clean else f" ({ours.bad_status} non-2xx, {ours.socket_errors} socket errors)"
    )
    all_ours = ", ".join(_run_label(load) for load in figures.ours)
    all_get = ", ".join(_run_label(load) for load in figures.get)
    return [
        Row(
            "POST /api/v1/feedback, each with its own Idempotency-Key, 64 connections: "
            "requests/s (vs bare FastAPI GET)",
            f"{rate(ours.per_second)}{errors} [runs: {all_ours}]",
            f"{rate(get.per_second)} [runs: {all_get}]",
            f"{share:.0%}",
            "≥ 50 %",
            share >= 0.5 and ours.clean,
        ),
        Row(
            "… server CPU per request (feedback-api process vs the bare GET's)",
            f"{ours.cpu_us_per_request or 0:,.0f} µs",
            f"{get.cpu_us_per_request or 0:,.0f} µs",
            f"{(get.cpu_us_per_request or 0) / (ours.cpu_us_per_request or 1):.0%}",
        ),
        Row(
            "… the same vs bare FastAPI POST with the pydantic body",
            rate(ours.per_second),
            rate(post.per_second),
            f"{ours.per_second / post.per_second:.0%}",
        ),
        Row(
            "POST /api/v1/feedback p99 latency (p50), 64 connections",
            f"{ours.p99_ms:.0f} ms ({ours.p50_ms:.0f} ms)",
            f"GET {get.p99_ms:.0f} ms ({get.p50_ms:.0f} ms)",
            "—",
            "< 100 ms",
            ours.p99_ms < 100,
        ),
    ]


# --- the batch endpoint ---------------------------------------------------------------------

BATCH_ITEMS = 1000


def batch_script(catalog: Catalog) -> str:
    bodies = []
    for seed in range(4):
        items = feedback_bodies(catalog, BATCH_ITEMS, seed=100 + seed)
        bodies.append(json.dumps({"items": items}, ensure_ascii=False))
    return wrk.post_script(f"{FEEDBACK}/batch", bodies, catalog.portal_tokens)


async def copy_reference(stack: Stack, catalog: Catalog, seconds: float) -> float:
    """Feedback rows and their outbox rows COPYed (binary) in chunks of 1000, one transaction
    each: the database's own ceiling for the same rows, in rows per second."""
    bodies = feedback_bodies(catalog, BATCH_ITEMS, seed=200)
    connection = await asyncpg.connect(asyncpg_dsn(stack.database_url))
    done = 0
    started = time.perf_counter()
    try:
        while time.perf_counter() - started < seconds:
            ms = now_ms()
            received = ms_to_datetime(ms)
            rows, events = [], []
            for body in bodies:
                feedback_id = uuid7(ms)
                rows.append(
                    (
                        feedback_id,
                        received,
                        uuid.UUID(catalog.agency_id),
                        uuid.UUID(body["service_id"]),
                        body["stage"],
                        body["channel"],
                        "individual",
                        body["rating"],
                        body.get("comment"),
                        datetime.fromisoformat(body["occurred_at"]),
                        uuid.UUID(int=1),
                        False,
                        False,
                        False,
                        "received",
                    )
                )
                events.append(
                    (
                        feedback_id,
                        "otklik:reporting",
                        "feedback.received",
                        1,
                        received,
                        "feedback-api",
                        json.dumps(body, ensure_ascii=False),
                    )
                )
            async with connection.transaction():
                await connection.copy_records_to_table(
                    "feedback",
                    schema_name="feedback",
                    records=rows,
                    columns=[
                        "id",
                        "received_at",
                        "agency_id",
                        "service_id",
                        "stage",
                        "channel",
                        "client_type",
                        "rating",
                        "comment",
                        "occurred_at",
                        "submitted_by",
                        "answer_requested",
                        "has_contact",
                        "needs_review",
                        "status",
                    ],
                )
                await connection.copy_records_to_table(
                    "outbox",
                    schema_name="feedback",
                    records=events,
                    columns=[
                        "event_id",
                        "queue",
                        "type",
                        "version",
                        "occurred_at",
                        "producer",
                        "payload",
                    ],
                )
            done += len(rows)
        return done / (time.perf_counter() - started)
    finally:
        await connection.execute("TRUNCATE feedback.outbox")
        await connection.close()


def measure_batch(stack: Stack, catalog: Catalog, *, seconds: float) -> list[Row]:
    script = batch_script(catalog)
    url = stack.url("feedback-api")
    asyncio.run(settle_outbox(stack.database_url))
    wrk.run(url, script, stack.workdir, seconds=2, connections=4, name="warm-batch")
    asyncio.run(settle_outbox(stack.database_url))
    load = wrk.run(
        url,
        script,
        stack.workdir,
        seconds=seconds,
        connections=4,
        name="batch",
        server_pid=stack.processes["feedback-api"].pid,
    )
    feedback_per_second = load.per_second * BATCH_ITEMS
    reference = asyncio.run(copy_reference(stack, catalog, seconds=min(seconds, 8)))
    errors = "" if load.clean else f" ({load.bad_status} non-2xx)"
    return [
        Row(
            "POST /api/v1/feedback/batch (1000 items, 4 connections): feedback/s (vs COPY)",
            f"{rate(feedback_per_second)}{errors}, p99 {load.p99_ms:.0f} ms, server CPU "
            f"{(load.cpu_us_per_request or 0) / BATCH_ITEMS:.0f} µs a feedback",
            f"{rate(reference)} (binary COPY of the rows + outbox)",
            ratio(feedback_per_second, reference),
            "≥ 20 k/s",
            feedback_per_second >= 20_000 and load.clean,
        )
    ]


# --- lag: from a 201 to the aggregate -------------------------------------------------------


@dataclass
class Probe:
    day: date
    answered: float
    seen: float | None = None


async def probe_lag(
    stack: Stack, catalog: Catalog, stop: threading.Event, *, interval: float, settle: float
) -> list[Probe]:
    """Posts one feedback every `interval` for the probe service, each on its own day (its own
    aggregate row), and watches the reporting aggregates for each row to appear."""
    probes: dict[date, Probe] = {}
    headers = {"Authorization": f"Bearer {catalog.portal_tokens[0]}"}
    today = (datetime.now(UTC) + MOSCOW).date()
    connection = await asyncpg.connect(asyncpg_dsn(stack.database_url))

    async def post_probes(client: httpx.AsyncClient) -> None:
        for back in range(2, 360):
            if stop.is_set():
                return
            day = today - timedelta(days=back)
            occurred = datetime(day.year, day.month, day.day, 12, tzinfo=UTC) - MOSCOW
            body = {
                "service_id": catalog.probe_service_id,
                "stage": "result",
                "channel": "epgu",
                "rating": 4,
                "occurred_at": occurred.isoformat(),
            }
            response = await client.post(FEEDBACK, json=body, headers=headers)
            if response.status_code == 201:
                probes[day] = Probe(day, time.monotonic())
            await asyncio.sleep(interval)

    async def watch() -> None:
        deadline: float | None = None
        while True:
            rows = await connection.fetch(
                "SELECT day FROM reporting.feedback_daily WHERE service_id = $1",
                uuid.UUID(catalog.probe_service_id),
            )
            now = time.monotonic()
            for row in rows:
                probe = probes.get(row["day"])
                if probe is not None and probe.seen is None:
                    probe.seen = now
            if stop.is_set():
                deadline = deadline or now + settle
                if all(p.seen is not None for p in probes.values()) or now > deadline:
                    return
            await asyncio.sleep(0.02)

    try:
        async with httpx.AsyncClient(base_url=stack.url("feedback-api"), timeout=30) as client:
            await asyncio.gather(post_probes(client), watch())
    finally:
        await connection.close()
    return list(probes.values())


def measure_lag(stack: Stack, catalog: Catalog, *, seconds: float) -> tuple[list[Row], wrk.Load]:
    loads: list[wrk.Load] = []
    stop = threading.Event()

    def load() -> None:
        try:
            loads.append(
                wrk.run(
                    stack.url("feedback-api"),
                    single_script(catalog),
                    stack.workdir,
                    seconds=seconds,
                    name="lag-load",
                )
            )
        finally:
            stop.set()

    thread = threading.Thread(target=load)
    thread.start()
    try:
        probes = asyncio.run(probe_lag(stack, catalog, stop, interval=0.1, settle=30))
    finally:
        thread.join()
    ingest = loads[0]
    lags = sorted((p.seen - p.answered) if p.seen else float("inf") for p in probes)
    unseen = sum(1 for p in probes if p.seen is None)
    p95 = lags[int(0.95 * (len(lags) - 1))] if lags else float("inf")
    p50 = statistics.median(lags) if lags else float("inf")
    shown = "not seen in 30 s" if p95 == float("inf") else f"{p95:.2f} s"
    rows = [
        Row(
            "Lag from 201 to the aggregate (p95; p50, max) under full single-post load",
            f"{shown} ({p50:.2f} s, max {lags[-1]:.2f} s; {len(lags)} probes"
            + (f", {unseen} unseen" if unseen else "")
            + f"; ingest {rate(ingest.per_second)})",
            "—",
            "—",
            "p95 < 2 s",
            p95 < 2,
        )
    ]
    return rows, ingest


def memory_rows(peaks: dict[str, int], during: dict[str, str]) -> list[Row]:
    return [
        Row(f"Peak RSS: {name} ({during.get(name, 'during the run')})", mib(value))
        for name, value in peaks.items()
    ]


def write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str))
