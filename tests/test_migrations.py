"""Models and migrations never drift, and each schema keeps its own version table."""

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from feedback_api.models import Base as FeedbackBase
from otklik_kit.auth.models import AuthBase
from otklik_kit.migrations import head_revision, schema_filter
from otklik_kit.services import ALL_MIGRATIONS
from plans_api.models import Base as PlansBase
from reporting_worker.models import Base as ReportingBase

METADATA: dict[str, MetaData] = {
    "auth": AuthBase.metadata,
    "plans": PlansBase.metadata,
    "feedback": FeedbackBase.metadata,
    "reporting": ReportingBase.metadata,
}


def _diff(connection: Connection, schema: str) -> list[Any]:
    include_name = schema_filter(METADATA[schema], schema)
    context = MigrationContext.configure(
        connection,
        opts={
            "include_schemas": True,
            "include_name": include_name,
            "compare_type": True,
            "version_table_schema": schema,
        },
    )
    return list(compare_metadata(context, METADATA[schema]))


async def test_models_match_the_migrations_of_every_schema(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        for tree in ALL_MIGRATIONS:
            diff = await connection.run_sync(_diff, tree.schema)
            assert diff == [], f"{tree.schema}: run alembic revision --autogenerate"


async def test_every_schema_is_at_its_head_in_its_own_version_table(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        for tree in ALL_MIGRATIONS:
            applied = await connection.scalar(
                text(f'SELECT version_num FROM "{tree.schema}".alembic_version')
            )
            assert applied == head_revision(tree)
