"""docs/CITIZEN-PAGES.md's "Trying it" commands run as written (curl against feedback-api served
on a free local port), so the examples a reader copies really work."""

import asyncio
import os
import re
import subprocess
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from feedback_api.config import FeedbackSettings
from tests.headless import require_tool
from tests.page_helpers import Touchpoint, create_touchpoint
from tests.processes import Processes
from tests.review_helpers import Desk
from tests.survey_helpers import mfc_run

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs/CITIZEN-PAGES.md"


def trying_it_blocks() -> list[str]:
    section = DOC.read_text(encoding="utf-8").split("## Trying it", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.*?)```", section, re.DOTALL)


@pytest.fixture
async def served(tmp_path: Path, settings_overrides: dict[str, Any]) -> AsyncIterator[str]:
    env = {**os.environ, **{name: str(value) for name, value in settings_overrides.items()}}
    processes = Processes(tmp_path, env)
    try:
        server = processes.otklik("feedback-api")
        await server.wait_ready()
        yield server.url
    finally:
        processes.close()


@pytest.fixture
async def touchpoint(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback_settings: FeedbackSettings,
    admin_headers: dict[str, str],
    desk: Desk,
) -> Touchpoint:
    return await create_touchpoint(plans, plans_app, feedback_settings, admin_headers, desk.catalog)


async def test_the_docs_curl_examples_work_as_written(
    served: str,
    touchpoint: Touchpoint,
    feedback: httpx.AsyncClient,
    desk: Desk,
    admin_headers: dict[str, str],
    settings_overrides: dict[str, Any],
    tmp_path: Path,
) -> None:
    require_tool("curl")
    run = await mfc_run(feedback, admin_headers, desk.catalog)
    script = "\n".join(trying_it_blocks())
    script = script.replace("BASE=http://127.0.0.1:8002", f"BASE={served}")
    script = script.replace("RUN_TOKEN=...", f"RUN_TOKEN={run['token']}")
    env = {
        **os.environ,
        **{name: str(value) for name, value in settings_overrides.items()},
        "SERVICE": desk.catalog.service_id,
        "TOUCHPOINT": str(uuid.UUID(touchpoint.id)),
    }
    env["PATH"] = f"{ROOT / '.venv/bin'}:{env['PATH']}"
    work = tmp_path / "work"
    work.mkdir()
    (work / ".venv").symlink_to(ROOT / ".venv")

    done = await asyncio.to_thread(
        subprocess.run,
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert done.returncode == 0, done.stdout + done.stderr
    output = done.stdout
    assert re.search(r"location: /a/[A-Za-z0-9_-]{43}\?sent=1", output, re.IGNORECASE)
    assert "Получен, готовится ответ" in output
    assert "Вас устроил ответ?" in output
    assert re.search(r"location: /a/[A-Za-z0-9_-]{43}\?rated=1", output, re.IGNORECASE)
    assert "<h1>Мониторинг удовлетворенности</h1>" in output
    # the signed token is taken; the example's one answer leaves this run's other questions out
    assert "invalid_respondent_token" not in output
    assert '"type":"missing_answer"' in output
