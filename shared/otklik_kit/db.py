"""Async SQLAlchemy engine and the unit of work: one transaction per request or job."""

from collections.abc import AsyncIterator
from enum import StrEnum
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Enum, MetaData, func, select
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from otklik_kit.settings import KitSettings

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def schema_metadata(schema: str) -> MetaData:
    """Metadata of one service: all its tables live in its own PostgreSQL schema."""
    return MetaData(schema=schema, naming_convention=NAMING_CONVENTION)


def create_engine(settings: KitSettings) -> AsyncEngine:
    return create_async_engine(
        settings.database_url,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_pool_size,
        pool_pre_ping=True,
        pool_timeout=5,
        connect_args={"timeout": 5, "command_timeout": 30},
        # a failed statement's message would otherwise carry its parameters (people's text)
        # into the error log
        hide_parameters=True,
    )


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """The request's unit of work: committed before the response is sent, rolled back on error."""
    sessionmaker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    async with sessionmaker() as session, session.begin():
        yield session


# scope="function" makes the commit happen before the response leaves, so a failed commit is
# reported to the client instead of a success it never had.
DbSession = Annotated[AsyncSession, Depends(get_session, scope="function")]


def pg_enum(enum: type[StrEnum], name: str) -> Enum:
    """A PostgreSQL enum type that stores the members' values (the API codes), not their names."""
    return Enum(enum, name=name, values_callable=lambda members: [m.value for m in members])


async def lock_for_transaction(session: AsyncSession, key: str) -> None:
    """Serialises the transactions that check-then-write under the same key (e.g. a name's
    uniqueness where a unique index cannot be used) until this transaction ends."""
    await session.execute(select(func.pg_advisory_xact_lock(func.hashtextextended(key, 0))))
