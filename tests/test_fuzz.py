"""Schemathesis over every operation of the three specs (see tests/fuzzing.py). A bounded run
here (a few examples per operation, the same ones each time); `make fuzz` runs many more."""

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from schemathesis.python.asgi import shutdown_lifespans

from feedback_api.app import create_app as create_feedback_app
from feedback_api.config import FeedbackSettings
from plans_api.app import create_app as create_plans_app
from plans_api.config import PlansSettings
from reporting_worker.app import create_app as create_reporting_app
from reporting_worker.config import ReportingSettings
from tests.conftest import KeyMaker
from tests.fuzzing import fuzz_app
from tests.world_helpers import AgencyWorld, Apps, build_agency, carry_proposals

FACTORIES: dict[str, Callable[[dict[str, Any]], FastAPI]] = {
    "plans-api": lambda o: create_plans_app(PlansSettings(**o)),
    "feedback-api": lambda o: create_feedback_app(FeedbackSettings(**o)),
    "reporting-worker": lambda o: create_reporting_app(ReportingSettings(**o)),
}


@pytest.fixture
async def world(
    plans: httpx.AsyncClient,
    feedback: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback_app: FastAPI,
    plans_settings: PlansSettings,
    feedback_settings: FeedbackSettings,
    make_key: KeyMaker,
    admin_headers: dict[str, str],
) -> AgencyWorld:
    apps = Apps(plans, feedback, plans_app, feedback_app, plans_settings, feedback_settings)
    built = await build_agency(apps, make_key, admin_headers, "fuzz")
    await carry_proposals(apps, [built])
    return built


@pytest.fixture
def fuzzed_app(
    request: pytest.FixtureRequest, settings_overrides: dict[str, Any]
) -> Iterator[FastAPI]:
    """A fresh app of the service: Schemathesis runs its lifespan on its own event loop."""
    # no per-key throttle: the fuzz sends far more than a client would
    overrides = {**settings_overrides, "RATE_LIMIT_PER_SECOND": 0}
    yield FACTORIES[request.param](overrides)
    shutdown_lifespans()


@pytest.mark.parametrize("fuzzed_app", sorted(FACTORIES), indirect=True)
def test_every_operation_survives_the_fuzz(
    fuzzed_app: FastAPI, world: AgencyWorld, admin_headers: dict[str, str]
) -> None:
    credentials = {"admin": admin_headers, "agency": world.operator}

    findings = fuzz_app(fuzzed_app, credentials, known_ids=world.ids)

    assert findings == [], "\n\n".join(str(f) for f in findings)
