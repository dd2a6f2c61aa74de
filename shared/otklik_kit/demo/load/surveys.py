"""Survey runs through feedback-api, answered through their public links like respondents do.

A run with the same title for the same agency is reused and not answered again. Survey answers
are limited per client address; respondents come from many addresses, so the demo names one per
respondent in `X-Forwarded-For` (TEST-NET addresses, which `otklik run` trusts from localhost);
where that header is not trusted it waits out the limit instead.
"""

import asyncio
import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from otklik_kit.demo.generate.comments import CommentWriter
from otklik_kit.demo.generate.surveys import MFC_VISIT_TEMPLATE, RUNS, RunSpec, answers
from otklik_kit.demo.load.api import Apis, DemoError, call, every, problem_types, send
from otklik_kit.demo.load.catalog import LoadedAgency, LoadedCatalog

Tick = Callable[[], None]
# feedback-api learns of a new service from plans-api's events a moment later
CATALOG_WAIT_SECONDS = 120


def respondents(spec: RunSpec, scale: float) -> int:
    return max(5, round(spec.respondents * min(1.0, scale)))


def planned_runs(catalog: LoadedCatalog) -> list[tuple[RunSpec, LoadedAgency, str | None]]:
    """The runs whose subject is in the loaded region: (run, its agency, service id or None)."""
    found: list[tuple[RunSpec, LoadedAgency, str | None]] = []
    for spec in RUNS:
        for agency in catalog.agencies.values():
            if spec.subject == agency.spec.key:
                found.append((spec, agency, None))
            elif spec.subject in agency.services:
                found.append((spec, agency, agency.services[spec.subject]))
    return found


async def load_surveys(
    apis: Apis, catalog: LoadedCatalog, *, today: date, seed: int, scale: float, tick: Tick
) -> dict[str, dict[str, Any]]:
    """Returns each run's facts (link, dates, respondents, instrument) by its subject key."""
    builtin = await call(apis.feedback, "GET", "/api/v1/surveys/templates")
    templates = {t["code"]: t["id"] for t in builtin["items"] if t["builtin"]}
    facts = {}
    for spec, agency, service_id in planned_runs(catalog):
        runs = every(apis.feedback, "/api/v1/surveys/runs", {"agency_id": agency.id})
        run = next((r for r in [r async for r in runs] if r["title"] == spec.title), None)
        if run is None:
            template_id = templates.get(spec.template) or await _own_template(apis, agency)
            run = await _create_run(apis, spec, agency, service_id, template_id, today)
            mean = next((s.quality for s in agency.spec.services if s.key == spec.subject), 4.2)
            await _answer(apis, run, spec, seed, respondents(spec, scale), mean, tick)
            if spec.closed:
                await call(apis.feedback, "POST", f"/api/v1/surveys/runs/{run['id']}/close")
        results = await call(apis.feedback, "GET", f"/api/v1/surveys/runs/{run['id']}/results")
        facts[spec.subject] = results["facts"]
    return facts


async def _own_template(apis: Apis, agency: LoadedAgency) -> str:
    params = {"agency_id": agency.id}
    listed = await call(apis.feedback, "GET", "/api/v1/surveys/templates", params=params)
    for template in listed["items"]:
        if template["code"] == MFC_VISIT_TEMPLATE["code"] and not template["builtin"]:
            return str(template["id"])
    body = {**MFC_VISIT_TEMPLATE, "agency_id": agency.id}
    created = await call(apis.feedback, "POST", "/api/v1/surveys/templates", json=body)
    return str(created["id"])


async def _create_run(
    apis: Apis,
    spec: RunSpec,
    agency: LoadedAgency,
    service_id: str | None,
    template_id: str,
    today: date,
) -> dict[str, Any]:
    subject = {"service_id": service_id} if service_id else {"agency_id": agency.id}
    body = {
        "template_id": template_id,
        "title": spec.title,
        "starts_on": (today - timedelta(days=spec.started_days_ago)).isoformat(),
        **subject,
    }
    unknown = {"unknown_service", "unknown_agency"}
    for _ in range(CATALOG_WAIT_SECONDS):
        response = await send(
            apis.feedback, "POST", "/api/v1/surveys/runs", json=body, expect=(201, 422)
        )
        if response.status_code == 201:
            run: dict[str, Any] = response.json()
            return run
        if not problem_types(response) & unknown:
            raise DemoError(f"survey run «{spec.title}»: {response.text[:500]}")
        await asyncio.sleep(1)
    raise DemoError(f"feedback-api did not learn of {spec.subject} within {CATALOG_WAIT_SECONDS} s")


async def _answer(
    apis: Apis,
    run: dict[str, Any],
    spec: RunSpec,
    seed: int,
    count: int,
    mean: float,
    tick: Tick,
) -> None:
    form = await call(apis.feedback, "GET", run["public_url"])
    rng = random.Random(f"{seed}:survey:{spec.subject}")
    writer = CommentWriter(rng)
    for number in range(count):
        network = "203.0.113" if number < 250 else "198.51.100"
        headers = {"X-Forwarded-For": f"{network}.{number % 250 + 1}"}
        # each respondent gets its token from feedback-api, as a browser does
        issued = await send(
            apis.feedback,
            "POST",
            f"{run['public_url']}/respondent-token",
            headers=headers,
            expect=(201,),
        )
        body = {
            "respondent_token": issued.json()["respondent_token"],
            "answers": answers(form, mean, rng, writer),
        }
        await send(
            apis.feedback,
            "POST",
            f"{run['public_url']}/responses",
            json=body,
            headers=headers,
            expect=(201, 409),  # 409: this respondent already answered (a resumed run)
        )
        tick()
