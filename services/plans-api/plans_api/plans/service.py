"""Plans: generated from a checklist, approved, then tracked item by item to completion.

Approval freezes the plan: every later change needs a reason and is kept as a revision.
"""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from otklik_kit.auth.keys import Principal
from otklik_kit.errors import Conflict, NotFound, UnprocessableEntity
from otklik_kit.events.publisher import new_event_fields, publish
from otklik_shared.events import (
    PlanApproved,
    PlanItemStatusChanged,
    PlanItemStatusPayload,
    PlanPayload,
)
from plans_api.catalog import repository as catalog
from plans_api.checklists.service import get_visible_checklist, unanswered
from plans_api.database import PRODUCER, outbox
from plans_api.plans import history, repository
from plans_api.plans.generation import generate_rows, plan_title
from plans_api.plans.models import Plan, PlanRevision, PlanRow, PlanStatus
from plans_api.plans.schemas import ItemStatus, PlanApproval, PlanHeaderUpdate
from plans_api.plans.status import item_status, today
from plans_api.templates.loader import get_template


async def generate_plan(
    session: AsyncSession, principal: Principal, checklist_id: uuid.UUID
) -> Plan:
    checklist = await get_visible_checklist(session, principal, checklist_id)
    missing = unanswered(checklist)
    if missing:
        raise UnprocessableEntity(
            f"The checklist is incomplete: {len(missing)} item(s) unanswered: "
            + ", ".join(missing),
            extra={"unanswered": missing},
        )
    if (existing := await repository.by_checklist(session, checklist.id)) is not None:
        raise Conflict(f"Plan {existing.id} was already generated from this checklist")
    service = await catalog.get_service(session, checklist.service_id)
    assert service is not None
    template = get_template(checklist.template_code, checklist.template_version)
    plan = Plan(
        agency_id=checklist.agency_id,
        service_id=checklist.service_id,
        checklist_id=checklist.id,
        template_code=template.code,
        template_version=template.version,
        title=plan_title(service.title),
        status=PlanStatus.DRAFT,
        revision=0,
        rows=[
            PlanRow(
                position=row.position,
                number=row.node.number,
                kind=row.node.kind,
                text=row.node.text,
                result=row.node.result,
                result_kinds=[k.value for k in row.node.result_kinds],
                footnotes=list(row.node.footnotes),
                control_point=row.node.control_point,
                origin="template",
            )
            for row in generate_rows(template, checklist.answers)
        ],
    )
    session.add(plan)
    await session.flush()
    return await reload(session, plan.id)


async def reload(session: AsyncSession, plan_id: uuid.UUID) -> Plan:
    plan = await repository.get_full(session, plan_id)
    assert plan is not None
    return plan


async def get_visible_plan(session: AsyncSession, principal: Principal, plan_id: uuid.UUID) -> Plan:
    plan = await repository.get_full(session, plan_id)
    if plan is None or not principal.sees_agency(plan.agency_id):
        raise NotFound(f"Plan {plan_id} not found")
    return plan


async def list_plans(
    session: AsyncSession,
    principal: Principal,
    *,
    agency_id: uuid.UUID | None,
    service_id: uuid.UUID | None,
    status: PlanStatus | None,
    limit: int,
) -> Sequence[Plan]:
    visible, agency_id = principal.listing_agency(agency_id)
    if not visible:
        return []
    return await repository.search(
        session, agency_id=agency_id, service_id=service_id, status=status, limit=limit
    )


async def record_change(
    session: AsyncSession,
    plan: Plan,
    principal: Principal,
    reason: str | None,
    change: dict[str, Any],
) -> None:
    """Refuses changes to a completed plan; after approval, keeps each change with its reason."""
    if plan.status == PlanStatus.COMPLETED:
        raise Conflict("The plan is completed and can no longer change")
    if plan.status == PlanStatus.DRAFT:
        return
    if not reason:
        raise UnprocessableEntity.for_field(
            "revision_reason",
            "The plan is approved: give the reason for this change",
            type_="missing",
        )
    number = await repository.next_revision_number(session, plan.id)
    session.add(
        PlanRevision(
            plan_id=plan.id, number=number, reason=reason, changes=[change], actor=principal.name
        )
    )
    plan.revision = number


async def update_header(
    session: AsyncSession, principal: Principal, plan_id: uuid.UUID, data: PlanHeaderUpdate
) -> Plan:
    plan = await get_visible_plan(session, principal, plan_id)
    changes = data.model_dump(exclude_unset=True, exclude={"revision_reason"})
    if changes.get("title", "") is None:
        raise UnprocessableEntity.for_field("title", "Cannot be null", type_="null")
    before = {field: _jsonable(getattr(plan, field)) for field in changes}
    after = {field: _jsonable(value) for field, value in changes.items()}
    await record_change(
        session,
        plan,
        principal,
        data.revision_reason,
        {"what": "header", "before": before, "after": after},
    )
    for field, value in changes.items():
        setattr(plan, field, value)
    await session.flush()
    return await reload(session, plan.id)


def _jsonable(value: object) -> object:
    return value.isoformat() if hasattr(value, "isoformat") else value


async def approve_plan(
    session: AsyncSession, principal: Principal, plan_id: uuid.UUID, data: PlanApproval
) -> Plan:
    plan = await get_visible_plan(session, principal, plan_id)
    if plan.status != PlanStatus.DRAFT:
        raise Conflict(f"Only a draft plan can be approved; this one is {plan.status.value}")
    items = [r for r in plan.rows if r.kind == "item"]
    if not items:
        raise Conflict("The plan has no items to approve")
    lacking = [r.number for r in items if not r.executors]
    if lacking:
        raise UnprocessableEntity(
            "Every item needs at least one executor before approval: " + ", ".join(lacking),
            extra={"items_without_executors": lacking},
        )
    plan.approving_official = data.approving_official
    plan.document_number = data.document_number
    plan.document_date = data.document_date
    plan.status = PlanStatus.APPROVED
    plan.approved_at = datetime.now(UTC)
    history.record_plan(session, plan)
    payload = PlanPayload(
        plan_id=plan.id, agency_id=plan.agency_id, service_id=plan.service_id, items=len(items)
    )
    await publish(session, outbox, PlanApproved(**new_event_fields(PRODUCER), payload=payload))
    await session.flush()
    return await reload(session, plan.id)


async def complete_plan(session: AsyncSession, principal: Principal, plan_id: uuid.UUID) -> Plan:
    plan = await get_visible_plan(session, principal, plan_id)
    if plan.status != PlanStatus.APPROVED:
        raise Conflict(f"Only an approved plan can be completed; this one is {plan.status.value}")
    open_items = [
        r.number for r in plan.rows if r.kind == "item" and item_status(r, today()) != "done"
    ]
    if open_items:
        raise Conflict("Items not done yet: " + ", ".join(open_items))
    plan.status = PlanStatus.COMPLETED
    plan.completed_at = datetime.now(UTC)
    await session.flush()
    return await reload(session, plan.id)


async def publish_status_change(
    session: AsyncSession, plan: Plan, row: PlanRow, previous: ItemStatus
) -> None:
    history.record_state(session, plan, row)
    current = item_status(row, today())
    if plan.status != PlanStatus.APPROVED or current == previous:
        return
    payload = PlanItemStatusPayload(
        plan_id=plan.id,
        agency_id=plan.agency_id,
        service_id=plan.service_id,
        item_id=row.id,
        number=row.number,
        status=current.value,
        previous_status=previous.value,
    )
    event = PlanItemStatusChanged(**new_event_fields(PRODUCER), payload=payload)
    await publish(session, outbox, event)
