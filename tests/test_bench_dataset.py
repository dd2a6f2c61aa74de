"""The benchmark's reports dataset: its SQL-made aggregates equal what the worker's own counting
code makes of the same rows, and a report read from them equals a plain GROUP BY of the rows
(`make bench` relies on both; here on a small dataset of its own)."""

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import asyncpg
import pytest

from benchmarks import reports
from benchmarks.stack import asyncpg_dsn, recreate_database
from tests import infra


@pytest.fixture
async def dataset_url() -> AsyncIterator[str]:
    server = infra.server_database_url()
    name = f"otklik_test_bench_{uuid.uuid4().hex[:8]}"
    url = await recreate_database(server, name)
    try:
        yield url
    finally:
        connection = await asyncpg.connect(asyncpg_dsn(server))
        try:
            await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await connection.close()


async def test_a_small_dataset_counts_as_the_worker_would_and_reports_as_the_raw_rows(
    dataset_url: str,
) -> None:
    shape = reports.Shape(6000, reports.months_back(datetime.now(UTC).date(), reports.MONTHS))

    # raises unless the SQL aggregation equals the worker's counting on a sample of the rows
    await reports._generate(dataset_url, shape)
    # raises unless the aggregate reads equal the raw GROUP BY
    aggregated, raw, total, in_report = await reports._measure(dataset_url)

    connection = await asyncpg.connect(asyncpg_dsn(dataset_url))
    try:
        responses = await connection.fetchval("SELECT sum(responses) FROM reporting.feedback_daily")
        hourly = await connection.fetchval("SELECT sum(responses) FROM reporting.feedback_hourly")
        quotes = await connection.fetchval("SELECT count(*) FROM reporting.comment_quotes")
    finally:
        await connection.close()
    assert total == responses == hourly == 6000
    assert 0 < in_report < total
    assert quotes > 0
    assert aggregated > 0
    assert raw > 0
