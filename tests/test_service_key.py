"""`otklik run` gives the reporting worker its own read-only key for plans-api and feedback-api,
a fresh one each start with the previous one revoked."""

import os
from pathlib import Path

import httpx

from otklik_kit.devstack.runner import Stack
from tests.conftest import bearer


async def test_each_run_issues_the_reporting_worker_a_fresh_read_only_key(
    plans: httpx.AsyncClient, feedback: httpx.AsyncClient, database_url: str, tmp_path: Path
) -> None:
    stack = Stack(data_dir=tmp_path, host="0.0.0.0")
    env = {**os.environ, "DATABASE_URL": database_url}
    env.pop("REPORTING_SERVICE_API_KEY", None)

    first = stack._service_settings(env)
    second = stack._service_settings(env)
    given = stack._service_settings({**env, "REPORTING_SERVICE_API_KEY": "otk_given_key"})

    assert first["PLANS_API_URL"] == "http://127.0.0.1:8001"
    assert first["FEEDBACK_API_URL"] == "http://127.0.0.1:8002"
    key = bearer(second["REPORTING_SERVICE_API_KEY"])
    assert (await plans.get("/api/v1/agencies", headers=key)).status_code == 200
    assert (await feedback.get("/api/v1/surveys/runs", headers=key)).status_code == 200
    assert (await plans.post("/api/v1/agencies", json={}, headers=key)).status_code == 403
    stale = bearer(first["REPORTING_SERVICE_API_KEY"])
    assert (await plans.get("/api/v1/agencies", headers=stale)).status_code == 401
    assert "REPORTING_SERVICE_API_KEY" not in given
