"""The Java (openapi-generator, library native) and TypeScript (openapi-typescript with
openapi-fetch) clients of `make clients-java` / `make clients-ts` compile from the committed
specs, and a portal's scenario runs through each against the apps served for real by uvicorn:
an agency and a service in plans-api, a feedback posted to feedback-api, listed with a date
filter and read back (docs/CLIENTS.md)."""

import asyncio
import json
import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from importlib.util import find_spec
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from feedback_api.app import create_app as create_feedback_app
from feedback_api.config import FeedbackSettings
from feedback_api.worker import WORKER as FEEDBACK_WORKER
from otklik_kit.auth.scopes import Scope
from plans_api.app import create_app as create_plans_app
from plans_api.config import PlansSettings
from tests.conftest import KeyMaker, drain
from tests.served import serve_asgi

REPO = Path(__file__).resolve().parents[1]
FOREIGN = REPO / "tests" / "foreign"
COMMENT = "Заявление приняли только с третьей попытки"
SYNC_SECONDS = 20.0
RUN_SECONDS = 120


def _date_filter_untyped() -> bool:
    spec = json.loads((REPO / "services/feedback-api/openapi.json").read_text())
    parameters = spec["paths"]["/api/v1/feedback"]["get"]["parameters"]
    received_from = next(p for p in parameters if p["name"] == "received_from")
    return "anyOf" in received_from["schema"]


# Two defects of this tree the Java scenario meets (the TypeScript one is not affected): once
# both are fixed the condition is false and the scenario must pass (strict).
JAVA_BLOCKED = [
    reason
    for reason, blocked in (
        (
            "the feedback list's date filters are anyOf[date-time, date, null]: the generated "
            "Java parameter is an anyOf model whose toUrlQueryString() is null and is called "
            "even when the filter is not given, so the scenario's String filter does not compile",
            _date_filter_untyped(),
        ),
        (
            "Java's HttpClient offers `Upgrade: h2c` and uvicorn then drops the POST body",
            find_spec("otklik_kit.http_protocol") is None,
        ),
    )
    if blocked
]


def make(*targets: str, build: Path) -> str:
    result = subprocess.run(
        ["make", "--no-print-directory", "-s", *targets, f"CLIENTS_BUILD={build}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def require(*tools: str) -> None:
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (the foreign clients need them)")


@pytest.fixture(scope="session")
def java_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require("java", "javac", "jar")
    build = tmp_path_factory.mktemp("clients")
    make("clients-tools", "clients-java", build=build)
    return build / "java"


@pytest.fixture(scope="session")
def ts_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require("node", "npm")
    build = tmp_path_factory.mktemp("clients")
    make("clients-tools", "clients-ts", build=build)
    ts = build / "ts"
    for name in ("scenario.ts", "tsconfig.json"):
        shutil.copy(FOREIGN / "ts" / name, ts / name)
    (ts / "package.json").write_text('{"type": "module"}\n')
    return ts


def java_classpath(java_build: Path) -> str:
    """The jars the generated clients need, then the clients."""
    needed = (java_build / "classpath").read_text().strip()
    return os.pathsep.join([needed, *sorted(map(str, java_build.glob("*.jar")))])


def run(command: list[str], cwd: Path) -> str:
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, check=False, timeout=RUN_SECONDS
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture
def served(
    plans_settings: PlansSettings, feedback_settings: FeedbackSettings
) -> Iterator[tuple[str, str]]:
    """plans-api (its outbox relay on, so the catalog travels) and feedback-api on real ports."""
    relaying = plans_settings.model_copy(update={"outbox_relay_enabled": True})
    with (
        serve_asgi(create_plans_app(relaying)) as plans_url,
        serve_asgi(create_feedback_app(feedback_settings)) as feedback_url,
    ):
        yield plans_url, feedback_url


async def carried(engine: AsyncEngine, feedback_settings: FeedbackSettings, service: str) -> None:
    """Waits until feedback-api's worker has the service from plans-api's events."""
    deadline = time.monotonic() + SYNC_SECONDS
    query = text("SELECT 1 FROM feedback.catalog_services WHERE id = :id")
    while True:
        await drain(FEEDBACK_WORKER, feedback_settings)
        async with engine.connect() as connection:
            if (await connection.execute(query, {"id": uuid.UUID(service)})).first():
                return
        assert time.monotonic() < deadline, "the service did not reach feedback-api"
        await asyncio.sleep(0.2)


def lines(output: str) -> dict[str, str]:
    return dict(line.split(" ", 1) for line in output.splitlines() if " " in line)


async def portal_scenario(
    step: Callable[..., str],
    served: tuple[str, str],
    engine: AsyncEngine,
    feedback_settings: FeedbackSettings,
    make_key: KeyMaker,
) -> dict[str, str]:
    plans_url, feedback_url = served
    key = await make_key(Scope.ADMIN)
    made = lines(await asyncio.to_thread(step, "catalog", plans_url, key))
    await carried(engine, feedback_settings, made["service"])
    seen = lines(await asyncio.to_thread(step, "feedback", feedback_url, key, made["service"]))
    uuid.UUID(made["agency"])
    return seen


def assert_read_back(seen: dict[str, str]) -> None:
    assert seen["listed"] == f"1 {seen['posted']}", seen
    assert seen["read"] == f"2 {COMMENT}", seen


def test_the_java_clients_leave_out_only_what_does_not_compile() -> None:
    """clients/java/feedback-api.openapi-generator-ignore leaves out the survey answer while its
    `value` is an anyOf the Java generator cannot write; once it is not, nothing is left out."""
    spec = json.loads((REPO / "services/feedback-api/openapi.json").read_text())
    value = spec["components"]["schemas"]["SurveyAnswerIn"]["properties"]["value"]
    left_out = {
        name: [
            line
            for line in (REPO / "clients/java" / name).read_text().splitlines()
            if line.strip() and not line.startswith("#") and line != "src/test/**"
        ]
        for name in sorted(os.listdir(REPO / "clients/java"))
    }
    survey_answer = [
        "**/model/Value.java",
        "**/model/SurveyAnswerIn.java",
        "**/model/SurveyResponseIn.java",
        "**/api/PublicSurveysApi.java",
        "docs/Value.md",
        "docs/SurveyAnswerIn.md",
        "docs/SurveyResponseIn.md",
        "docs/PublicSurveysApi.md",
    ]
    assert left_out == {
        "feedback-api.openapi-generator-ignore": survey_answer if "anyOf" in value else [],
        "plans-api.openapi-generator-ignore": [],
        "reporting-worker.openapi-generator-ignore": [],
    }


def test_java_clients_of_the_three_specs_compile(java_build: Path) -> None:
    assert sorted(path.name for path in java_build.glob("*.jar")) == [
        "otklik-feedback-api-client.jar",
        "otklik-plans-api-client.jar",
        "otklik-reporting-worker-client.jar",
    ]


@pytest.mark.xfail(
    bool(JAVA_BLOCKED), reason="; ".join(JAVA_BLOCKED), raises=AssertionError, strict=True
)
async def test_a_portal_in_java_posts_lists_by_date_and_reads_back_feedback(
    java_build: Path,
    served: tuple[str, str],
    engine: AsyncEngine,
    feedback_settings: FeedbackSettings,
    make_key: KeyMaker,
) -> None:
    classpath = java_classpath(java_build)
    classes = java_build / "scenario"
    source = FOREIGN / "java" / "Scenario.java"
    javac = ["javac", "-encoding", "UTF-8", "-d", str(classes), "-cp", classpath, str(source)]
    await asyncio.to_thread(run, javac, REPO)

    def step(*args: str) -> str:
        return run(["java", "-cp", f"{classes}{os.pathsep}{classpath}", "Scenario", *args], REPO)

    assert_read_back(await portal_scenario(step, served, engine, feedback_settings, make_key))


async def test_a_portal_in_typescript_posts_lists_by_date_and_reads_back_feedback(
    ts_build: Path,
    served: tuple[str, str],
    engine: AsyncEngine,
    feedback_settings: FeedbackSettings,
    make_key: KeyMaker,
) -> None:
    tsc = [str(ts_build / "node_modules" / ".bin" / "tsc"), "-p", str(ts_build)]
    await asyncio.to_thread(run, tsc, ts_build)

    def step(*args: str) -> str:
        return run(["node", str(ts_build / "out" / "scenario.js"), *args], ts_build)

    assert_read_back(await portal_scenario(step, served, engine, feedback_settings, make_key))
