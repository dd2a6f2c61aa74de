"""The `otklik` command a newcomer uses: a key from the CLI works against a running API."""

import os
import subprocess
import sys

import httpx

from tests.conftest import bearer


def otklik(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "-m", "otklik_kit.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


async def test_key_created_by_the_cli_authenticates_listed_and_revoked(
    plans: httpx.AsyncClient, database_url: str
) -> None:
    created = otklik(database_url, "apikey", "create", "--name", "portal", "--scopes", "plans:read")
    token = created.stdout.strip().splitlines()[-1]
    key_id = created.stdout.split()[3]

    allowed = await plans.get("/api/v1/agencies", headers=bearer(token))
    listed = otklik(database_url, "apikey", "list")
    revoked = otklik(database_url, "apikey", "revoke", key_id)
    refused = await plans.get("/api/v1/agencies", headers=bearer(token))

    assert created.returncode == 0, created.stderr
    assert allowed.status_code == 200
    assert "portal" in listed.stdout
    assert token not in listed.stdout
    assert revoked.returncode == 0
    assert refused.status_code == 401


def test_unknown_scope_is_refused_with_the_known_ones(database_url: str) -> None:
    result = otklik(database_url, "apikey", "create", "--name", "x", "--scopes", "plans:delete")

    assert result.returncode == 2
    assert "unknown scope 'plans:delete'" in result.stderr
    assert "feedback:write" in result.stderr
