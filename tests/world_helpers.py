"""An agency with one object of every kind, made through the APIs: a service, a checklist, an
approved plan with executors and evidence, a touchpoint, a citizen's feedback with a contact,
a survey template and run, a proposal, a portal's webhook and a report request. The fuzz and
isolation tests address these objects by id."""

import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx
from fastapi import FastAPI

from feedback_api.config import FeedbackSettings
from otklik_kit.auth.scopes import Scope
from plans_api.config import PlansSettings
from plans_api.worker import WORKER as PLANS_WORKER
from reporting_worker.config import ReportingSettings
from tests.catalog_helpers import create_agency, create_service
from tests.conftest import KeyMaker, bearer, drain, drain_worker
from tests.feedback_helpers import Catalog, feedback_body, sync_catalog
from tests.plan_helpers import APPROVAL, answers_for, staff_every_item, template_items
from tests.survey_helpers import create_run, create_template

OPERATOR_SCOPES = frozenset(s for s in Scope if s is not Scope.ADMIN)


@dataclass
class AgencyWorld:
    name: str
    # every non-admin scope, bound to this agency
    operator: dict[str, str]
    # the portal that posted this agency's feedback and registered a webhook
    portal: dict[str, str]
    ids: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Apps:
    plans: httpx.AsyncClient
    feedback: httpx.AsyncClient
    plans_app: FastAPI
    feedback_app: FastAPI
    plans_settings: PlansSettings
    feedback_settings: FeedbackSettings
    # with these, the agency also gets a report request (queued, never built)
    reporting: httpx.AsyncClient | None = None
    reporting_settings: ReportingSettings | None = None


def _ok(response: httpx.Response, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    return body


async def _plan_with_evidence(apps: Apps, world: AgencyWorld, headers: dict[str, str]) -> None:
    plans, ids = apps.plans, world.ids
    answers = answers_for(await template_items(plans, headers))
    checklist = _ok(
        await plans.post(
            f"/api/v1/services/{ids['service_id']}/checklists",
            json={"answers": answers},
            headers=headers,
        ),
        201,
    )
    plan = _ok(await plans.post(f"/api/v1/checklists/{checklist['id']}/plan", headers=headers), 201)
    await staff_every_item(plans, headers, plan, "2030-12-01")
    url = f"/api/v1/plans/{plan['id']}"
    approved = _ok(await plans.post(f"{url}/approve", json=APPROVAL, headers=headers))
    item = next(row for row in approved["rows"] if row["kind"] == "item")
    evidence = {"kind": "order", "title": "О назначении ответственного", "number": "145-о"}
    with_evidence = _ok(
        await plans.post(f"{url}/items/{item['id']}/evidence", json=evidence, headers=headers),
        201,
    )
    row = next(r for r in with_evidence["rows"] if r["id"] == item["id"])
    ids.update(
        checklist_id=checklist["id"],
        plan_id=plan["id"],
        item_id=item["id"],
        executor_id=row["executors"][0]["id"],
        evidence_id=row["evidence"][0]["id"],
    )


async def _feedback_side(apps: Apps, world: AgencyWorld) -> None:
    feedback, ids, operator = apps.feedback, world.ids, world.operator
    catalog = Catalog(ids["agency_id"], ids["service_id"], [], "", "")
    contact = {"name": "Иванов И.И.", "phone": "+7 900 000-00-00", "consent": True}
    case_number = f"2026-{uuid.uuid4().int % 10**9:09d}"
    posted = _ok(
        await feedback.post(
            "/api/v1/feedback",
            json=feedback_body(
                catalog,
                rating=2,
                comment="Долго ждал в очереди",
                answer_requested=True,
                contact=contact,
                case_number=case_number,
            ),
            headers=world.portal,
        ),
        201,
    )
    webhook = {"url": f"https://portal-{world.name}.example.ru/answers"}
    _ok(await feedback.put("/api/v1/webhooks/endpoint", json=webhook, headers=world.portal))
    template = await create_template(feedback, operator, code=f"visit_{world.name}")
    run = await create_run(
        feedback, operator, template_id=template["id"], service_id=ids["service_id"]
    )
    proposal = {"title": "Схема прохода к окнам приёма на сайте"}
    _ok(
        await feedback.post(
            f"/api/v1/feedback/{posted['id']}/proposal", json=proposal, headers=operator
        ),
        201,
    )
    ids.update(
        feedback_id=posted["id"],
        case_number=case_number,
        template_id=template["id"],
        run_id=run["id"],
        token=run["public_url"].rstrip("/").rsplit("/", 1)[-1],
    )


async def build_agency(
    apps: Apps, make_key: KeyMaker, admin: dict[str, str], name: str
) -> AgencyWorld:
    """Everything but the proposal's arrival in plans-api (see `carry_proposals`)."""
    agency_id = await create_agency(apps.plans, admin, f"Министерство {name}")
    world = AgencyWorld(
        name=name,
        operator=bearer(await make_key(*OPERATOR_SCOPES, agency_id=uuid.UUID(agency_id))),
        portal=bearer(await make_key(Scope.FEEDBACK_WRITE)),
        ids={"agency_id": agency_id, "code": "typical"},
    )
    service = await create_service(apps.plans, admin, agency_id)
    world.ids["service_id"] = service["id"]
    touchpoint = {
        "agency_id": agency_id,
        "kind": "one_stop_center",
        "name": f"МФЦ {name}",
        "address": "г. Примерск, ул. Ленина, д. 1",
        "directions": ["state_services"],
        "client_needs": ["submission"],
        "collects_feedback": True,
    }
    created = _ok(await apps.plans.post("/api/v1/touchpoints", json=touchpoint, headers=admin), 201)
    world.ids["touchpoint_id"] = created["id"]
    await _plan_with_evidence(apps, world, world.operator)
    await sync_catalog(apps.plans_app, apps.feedback_settings)
    await _feedback_side(apps, world)
    if apps.reporting is not None and apps.reporting_settings is not None:
        await drain_worker(apps.reporting_settings)  # the catalog's events, before any report
        request = {"subject_kind": "service", "subject_id": world.ids["service_id"]}
        queued = await apps.reporting.post("/api/v1/reports", json=request, headers=world.operator)
        world.ids["report_id"] = _ok(queued, 202)["id"]
    return world


async def carry_proposals(apps: Apps, worlds: list[AgencyWorld]) -> None:
    """feedback-api's outbox → plans-api's worker; each world learns its proposal's id."""
    relay = apps.feedback_app.state.outbox_relay
    while await relay.relay_once():
        pass
    await drain(PLANS_WORKER, apps.plans_settings)
    for world in worlds:
        listed = _ok(await apps.plans.get("/api/v1/proposals", headers=world.operator))
        [proposal] = listed["items"]
        world.ids["proposal_id"] = proposal["id"]
