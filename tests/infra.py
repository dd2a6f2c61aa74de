"""Where tests find PostgreSQL and Redis: env URLs, else local servers, else embedded."""

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from otklik_kit.devstack.infra import (
    ensure_embedded_postgres,
    ensure_embedded_redis,
    tcp_port_answers,
)
from otklik_kit.settings import normalize_database_url

REPO_ROOT = Path(__file__).resolve().parents[1]
EMBEDDED_DIR = REPO_ROOT / ".otklik" / "test"
TEST_REDIS_DB = 9


def server_database_url() -> str:
    """A URL of the server the tests may create databases on (its own db is left alone)."""
    if url := os.environ.get("TEST_DATABASE_URL"):
        return normalize_database_url(url)
    if tcp_port_answers("127.0.0.1", 5432):
        return "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
    return ensure_embedded_postgres(EMBEDDED_DIR / "pg", port=55433)


def redis_url() -> str:
    if url := os.environ.get("TEST_REDIS_URL"):
        return url
    if tcp_port_answers("127.0.0.1", 6379):
        return f"redis://127.0.0.1:6379/{TEST_REDIS_DB}"
    base = ensure_embedded_redis(EMBEDDED_DIR / "redis", port=56380)
    return base.rsplit("/", 1)[0] + f"/{TEST_REDIS_DB}"


def with_database(url: str, database: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{database}"))
