"""The ingest writer's own database connections, held open from one batch to the next.

A checkout from the SQLAlchemy pool costs a pre-ping round trip and about 300 µs of CPU, a good
share of a small batch; these connections skip both. A connection that died with its server
(a restart) is noticed by the batch's first statement, a read: the batch then retries once on
a new connection, so a restart costs no client a 503 once the database is back.
"""

import asyncpg
from sqlalchemy.ext.asyncio import AsyncEngine

# the database went away: nothing was committed, the client may retry
OUTAGES = (
    asyncpg.PostgresConnectionError,
    asyncpg.exceptions.OperatorInterventionError,
    asyncpg.InterfaceError,
    OSError,
)
# as the kit's engine (otklik_kit.db.create_engine)
CONNECT_TIMEOUT_SECONDS = 5
COMMAND_TIMEOUT_SECONDS = 30
# how they show in pg_stat_activity
APPLICATION_NAME = "feedback-api ingest"


class WriterConnections:
    """At most as many connections as the batcher writes batches at once (its semaphore)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._dsn = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        self._idle: list[asyncpg.Connection] = []

    async def acquire(self) -> asyncpg.Connection:
        while self._idle:
            connection = self._idle.pop()
            if not connection.is_closed():
                return connection
        return await asyncpg.connect(
            self._dsn,
            timeout=CONNECT_TIMEOUT_SECONDS,
            command_timeout=COMMAND_TIMEOUT_SECONDS,
            server_settings={"application_name": APPLICATION_NAME},
        )

    def release(self, connection: asyncpg.Connection) -> None:
        if not connection.is_closed():
            self._idle.append(connection)

    def discard(self, connection: asyncpg.Connection, *, with_idle: bool = False) -> None:
        """Drops a connection in an unknown state; `with_idle` drops the idle ones too (after
        an outage they are likely dead as well)."""
        connection.terminate()
        if with_idle:
            for idle in self._idle:
                idle.terminate()
            self._idle.clear()

    async def close(self) -> None:
        idle, self._idle = self._idle, []
        for connection in idle:
            try:
                await connection.close(timeout=CONNECT_TIMEOUT_SECONDS)
            except (*OUTAGES, TimeoutError):
                connection.terminate()
