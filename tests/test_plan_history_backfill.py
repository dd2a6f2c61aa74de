"""The migration that brought the item state history backfills it from the plans as they were:
a plan made before it answers progress as of a date like one made after."""

import asyncio
from datetime import timedelta

import httpx
from alembic import command
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from otklik_kit.migrations import alembic_config, upgrade
from otklik_kit.services import SERVICES
from tests.feedback_helpers import Catalog
from tests.report_helpers import today, tracked_plan

BEFORE_HISTORY = "defplans0001"


def replay_history_migration(database_url: str) -> None:
    tree = SERVICES["plans-api"].migrations
    command.downgrade(alembic_config(tree, database_url), BEFORE_HISTORY)
    upgrade(tree, database_url)


async def test_history_migration_backfills_existing_plans(
    plans: httpx.AsyncClient,
    catalog: Catalog,
    admin_headers: dict[str, str],
    database_url: str,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    # 1.1 done with its order, 1.3 in progress, 5.2 overdue, four not started
    plan = await tracked_plan(plans, admin_headers, catalog.service_id)
    live = await plans.get(
        "/api/v1/plan-progress", params={"service_id": catalog.service_id}, headers=admin_headers
    )

    await asyncio.to_thread(replay_history_migration, database_url)
    async with sessionmaker() as session:
        counted = await session.execute(
            text(
                "SELECT r.number, count(*) FROM plans.plan_item_states s "
                "JOIN plans.plan_rows r ON r.id = s.row_id GROUP BY r.number"
            )
        )
        states: dict[str, int] = {row[0]: row[1] for row in counted}
    yesterday = await plans.get(
        "/api/v1/plan-progress",
        params={"service_id": catalog.service_id, "as_of": str(today() - timedelta(days=1))},
        headers=admin_headers,
    )
    # as if all of it had happened two days earlier: yesterday is then read from the history
    async with sessionmaker() as session, session.begin():
        await session.execute(
            text("UPDATE plans.plan_item_states SET valid_from = valid_from - interval '2 days'")
        )
    replayed = await plans.get(
        "/api/v1/plan-progress",
        params={"service_id": catalog.service_id, "as_of": str(today() - timedelta(days=1))},
        headers=admin_headers,
    )

    # at approval for every item; for 1.1 also at its completion and at its evidence
    assert states == {"1.1": 3, "1.3": 1, "2.3.2": 1, "2.3.5": 1, "3.1": 1, "3.4": 1, "5.2": 1}
    [before] = live.json()["plans"]
    [after] = replayed.json()["plans"]
    assert after["plan_id"] == plan["id"]
    # 5.2 was due three days ago: overdue yesterday as today
    assert after["counts"] == before["counts"]
    done_on = str(today() - timedelta(days=2))
    assert [(d["number"], d["done_on"]) for d in after["done_items"]] == [("1.1", done_on)]
    # approved today: as of yesterday the plan was not tracked yet
    assert yesterday.json()["plans"] == []
