"""Alembic, driven from code: every schema has its own tree and its own version table."""

import asyncio
from collections.abc import Callable
from typing import Any

from alembic import command, context
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from otklik_kit.services import ALL_MIGRATIONS, MigrationTree
from otklik_kit.settings import normalize_database_url


def alembic_config(tree: MigrationTree, database_url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", tree.script_location)
    config.attributes["schema"] = tree.schema
    if database_url:
        config.attributes["database_url"] = normalize_database_url(database_url)
    return config


def head_revision(tree: MigrationTree) -> str | None:
    return ScriptDirectory.from_config(alembic_config(tree)).get_current_head()


def upgrade(tree: MigrationTree, database_url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(tree, database_url), revision)


def upgrade_all(database_url: str) -> None:
    for tree in ALL_MIGRATIONS:
        upgrade(tree, database_url)


def schema_filter(metadata: MetaData, schema: str) -> Callable[[str | None, str, Any], bool]:
    """Autogenerate looks at the service's own schema only, and not at the partitions of its
    partitioned tables (made at run time, not by migrations)."""
    known = {table.name for table in metadata.tables.values()}
    partitioned = [
        table.name
        for table in metadata.tables.values()
        if table.dialect_options["postgresql"].get("partition_by")
    ]

    def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
        del parent_names
        if type_ == "schema":
            return name == schema
        if type_ == "table" and name is not None and name not in known:
            return not any(name.startswith(f"{parent}_") for parent in partitioned)
        return True

    return include_name


def _configure_and_run(connection: Connection, metadata: MetaData, schema: str) -> None:
    include_name = schema_filter(metadata, schema)
    context.configure(
        connection=connection,
        target_metadata=metadata,
        version_table_schema=schema,
        include_schemas=True,
        include_name=include_name,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_online(database_url: str, metadata: MetaData, schema: str) -> None:
    engine = create_async_engine(database_url)
    try:
        async with engine.connect() as connection:
            await connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
            await connection.commit()
            await connection.run_sync(_configure_and_run, metadata, schema)
            await connection.commit()
    finally:
        await engine.dispose()


def run_env(metadata: MetaData) -> None:
    """The body of every tree's env.py."""
    config = context.config
    schema = config.attributes.get("schema") or metadata.schema
    url = config.attributes.get("database_url")
    if not url:
        from otklik_kit.settings import KitSettings

        url = KitSettings().database_url
    if context.is_offline_mode():
        raise RuntimeError("offline migrations are not supported; run `otklik migrate`")
    assert schema is not None
    asyncio.run(_run_online(url, metadata, schema))


async def current_revision(connection: Any, schema: str) -> str | None:
    """The revision applied in `schema` (None when the tree was never applied)."""

    def read(sync_connection: Connection) -> str | None:
        ctx = MigrationContext.configure(sync_connection, opts={"version_table_schema": schema})
        return ctx.get_current_revision()

    result: str | None = await connection.run_sync(read)
    return result
