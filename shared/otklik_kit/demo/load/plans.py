"""Self-check checklists and plans through plans-api: submit, generate, give every item its
executors, approve, then attach the evidence of finished items. A service that already has a
checklist is left as it is."""

import asyncio
import random
from collections import Counter
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from typing import Any

from otklik_kit.demo.generate import plans as generate
from otklik_kit.demo.generate.plans import PlanFate
from otklik_kit.demo.load.api import Apis, call
from otklik_kit.demo.load.catalog import LoadedCatalog
from otklik_kit.demo.region import AgencySpec, Region, ServiceSpec

Tick = Callable[[], None]
CONCURRENCY = 4
# a draft checklist: the first items answered, the rest still open
DRAFT_ANSWERS = 12


def template_items(template: dict[str, Any]) -> list[str]:
    """Numbers of the leaf items a checklist answers, in template order."""
    found: list[str] = []

    def walk(nodes: list[dict[str, Any]]) -> None:
        for node in nodes:
            if node.get("kind") == "item":
                found.append(node["number"])
            walk(node.get("children") or [])

    walk(template["nodes"])
    return found


async def load_plans(
    apis: Apis,
    region: Region,
    catalog: LoadedCatalog,
    *,
    survey_facts: Mapping[str, dict[str, Any]],
    today: date,
    seed: int,
    tick: Tick,
) -> Counter[str]:
    """Returns how many services ended in each state (and `kept` for those left as found)."""
    template = await call(apis.plans, "GET", "/api/v1/plan-templates/typical")
    items = template_items(template)
    outcome: Counter[str] = Counter()
    limit = asyncio.Semaphore(CONCURRENCY)
    service_ids = catalog.service_ids()

    async def one(index: int, agency: AgencySpec, service: ServiceSpec) -> None:
        async with limit:
            rng = random.Random(f"{seed}:plan:{service.key}")
            fate = generate.fate(index)
            if fate != PlanFate.NONE:
                facts = survey_facts.get(service.key)
                service_id = service_ids[service.key]
                done = await _plan(
                    apis, agency, service_id, service, items, fate, facts, today, rng
                )
                outcome["kept" if not done else fate.value] += 1
            tick()

    await asyncio.gather(
        *(one(index, agency, service) for index, (agency, service) in enumerate(region.services()))
    )
    return outcome


async def _plan(
    apis: Apis,
    agency: AgencySpec,
    service_id: str,
    service: ServiceSpec,
    items: list[str],
    fate: PlanFate,
    survey_facts: dict[str, Any] | None,
    today: date,
    rng: random.Random,
) -> bool:
    plans = apis.plans
    path = f"/api/v1/services/{service_id}/checklists"
    if await call(plans, "GET", path):
        return False
    body = generate.checklist(items, service, agency, rng)
    if fate == PlanFate.DRAFT_CHECKLIST:
        body["answers"] = dict(list(body["answers"].items())[:DRAFT_ANSWERS])
    checklist = await call(plans, "POST", path, json=body)
    if fate == PlanFate.DRAFT_CHECKLIST:
        return True
    plan = await call(plans, "POST", f"/api/v1/checklists/{checklist['id']}/plan")
    approved_on = today - timedelta(days=rng.randrange(90, 150))
    rows = [row for row in plan["rows"] if row["kind"] == "item"]
    evidence: dict[str, dict[str, Any]] = {}
    for row in rows:
        work = generate.item_work(
            row, agency, approved_on=approved_on, today=today, rng=rng, survey_facts=survey_facts
        )
        await call(
            plans,
            "PUT",
            f"/api/v1/plans/{plan['id']}/items/{row['id']}/executors",
            json={"executors": work.executors},
        )
        if work.evidence is not None:
            evidence[row["id"]] = work.evidence
    if fate == PlanFate.DRAFT_PLAN:
        return True
    approval = generate.approval(agency, approved_on, rng)
    await call(plans, "POST", f"/api/v1/plans/{plan['id']}/approve", json=approval)
    for item_id, document in evidence.items():
        await call(
            plans, "POST", f"/api/v1/plans/{plan['id']}/items/{item_id}/evidence", json=document
        )
    return True
