"""Changes to a plan's items: rewording, custom items, executors, their progress, evidence."""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from otklik_kit.auth.keys import Principal
from otklik_kit.errors import Conflict, NotFound, UnprocessableEntity
from plans_api.plans import executors, history
from plans_api.plans.generation import POSITION_STEP
from plans_api.plans.models import Evidence, ExecutorStatus, Plan, PlanRow, PlanStatus
from plans_api.plans.schemas import (
    CustomItemCreate,
    EvidenceIn,
    ExecutorsReplace,
    ExecutorStatusUpdate,
    ItemUpdate,
)
from plans_api.plans.service import get_visible_plan, publish_status_change, record_change, reload
from plans_api.plans.status import item_status, today
from plans_api.templates.loader import get_template, walk

ALLOWED_FILE_TYPES = frozenset(
    {
        "application/pdf",
        "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.oasis.opendocument.text",
        "image/jpeg",
        "image/png",
    }
)


@dataclass(frozen=True)
class EvidenceFile:
    name: str
    content_type: str
    content: bytes

    def check(self) -> None:
        if self.content_type not in ALLOWED_FILE_TYPES:
            raise UnprocessableEntity.for_field(
                "file", f"Files of type {self.content_type} are not accepted", type_="file_type"
            )
        if not self.content:
            raise UnprocessableEntity.for_field("file", "The file is empty", type_="empty")


def _item(plan: Plan, item_id: uuid.UUID) -> PlanRow:
    for row in plan.rows:
        if row.id == item_id:
            if row.kind != "item":
                raise UnprocessableEntity.for_field(
                    "item_id", f"Row {row.number} is a header, not an item", location="path"
                )
            return row
    raise NotFound(f"Item {item_id} not found in plan {plan.id}")


def _require_approved(plan: Plan) -> None:
    if plan.status != PlanStatus.APPROVED:
        raise Conflict(f"Progress is tracked on approved plans; this one is {plan.status.value}")


async def update_item(
    session: AsyncSession,
    principal: Principal,
    *,
    plan_id: uuid.UUID,
    item_id: uuid.UUID,
    data: ItemUpdate,
) -> Plan:
    plan = await get_visible_plan(session, principal, plan_id)
    row = _item(plan, item_id)
    changes = data.model_dump(exclude_unset=True, exclude={"revision_reason"})
    if "text" in changes and changes["text"] is None:
        raise UnprocessableEntity.for_field("text", "Cannot be null", type_="null")
    before = {f: getattr(row, f) for f in changes}
    await record_change(
        session,
        plan,
        principal,
        data.revision_reason,
        {"what": "item", "number": row.number, "before": before, "after": changes},
    )
    for field, value in changes.items():
        setattr(row, field, value if value is not None else ("" if field == "result" else []))
    await session.flush()
    return await reload(session, plan.id)


def _custom_number(plan: Plan, section: str) -> str:
    template = get_template(plan.template_code, plan.template_version)
    taken = [n.number for n, _ in walk(template.nodes)] + [r.number for r in plan.rows]
    seconds = [
        int(n.split(".")[1]) for n in taken if n.count(".") >= 1 and n.split(".")[0] == section
    ]
    return f"{section}.{max(seconds, default=0) + 1}"


def _section_header(plan: Plan, section: str) -> PlanRow | None:
    if any(r.number == section for r in plan.rows):
        return None
    template = get_template(plan.template_code, plan.template_version)
    node = next((n for n in template.nodes if n.number == section), None)
    if node is None:
        raise UnprocessableEntity.for_field("section", f"The template has no section {section}")
    return PlanRow(
        number=node.number,
        kind="section",
        text=node.text,
        result=node.result,
        result_kinds=[],
        footnotes=list(node.footnotes),
        origin="template",
        position=0,
    )


async def add_custom_item(
    session: AsyncSession, principal: Principal, plan_id: uuid.UUID, data: CustomItemCreate
) -> Plan:
    plan = await get_visible_plan(session, principal, plan_id)
    number = _custom_number(plan, data.section)
    await record_change(
        session,
        plan,
        principal,
        data.revision_reason,
        {"what": "item_added", "number": number, "text": data.text, "origin": data.origin},
    )
    rows = list(plan.rows)
    header = _section_header(plan, data.section)
    item = PlanRow(
        number=number,
        kind="item",
        text=data.text,
        result=data.result,
        result_kinds=[k.value for k in data.result_kinds],
        footnotes=[],
        origin=data.origin,
        proposal_ref=data.proposal_ref,
        position=0,
    )
    after = max(
        (i for i, r in enumerate(rows) if int(r.number.split(".")[0]) <= int(data.section)),
        default=-1,
    )
    rows[after + 1 : after + 1] = [r for r in (header, item) if r is not None]
    for index, row in enumerate(rows):
        row.position = (index + 1) * POSITION_STEP
    plan.rows = rows
    await session.flush()
    reloaded = await reload(session, plan.id)
    history.record_state(session, reloaded, next(r for r in reloaded.rows if r.number == number))
    await session.flush()
    return reloaded


async def replace_executors(
    session: AsyncSession,
    principal: Principal,
    *,
    plan_id: uuid.UUID,
    item_id: uuid.UUID,
    data: ExecutorsReplace,
) -> Plan:
    plan = await get_visible_plan(session, principal, plan_id)
    row = _item(plan, item_id)
    previous = item_status(row, today())
    before = executors.snapshot(row.executors)
    replaced = executors.apply(row.executors, data.executors)
    await record_change(
        session,
        plan,
        principal,
        data.revision_reason,
        {
            "what": "executors",
            "number": row.number,
            "before": before,
            "after": executors.snapshot(replaced),
        },
    )
    row.executors = replaced
    await session.flush()
    await publish_status_change(session, plan, row, previous)
    return await reload(session, plan.id)


async def set_executor_status(
    session: AsyncSession,
    principal: Principal,
    *,
    plan_id: uuid.UUID,
    item_id: uuid.UUID,
    executor_id: uuid.UUID,
    data: ExecutorStatusUpdate,
) -> Plan:
    plan = await get_visible_plan(session, principal, plan_id)
    _require_approved(plan)
    row = _item(plan, item_id)
    executor = next((e for e in row.executors if e.id == executor_id), None)
    if executor is None:
        raise NotFound(f"Executor {executor_id} not found on item {row.number}")
    previous = item_status(row, today())
    executor.status = data.status
    executor.completed_at = datetime.now(UTC) if data.status == ExecutorStatus.DONE else None
    await session.flush()
    await publish_status_change(session, plan, row, previous)
    return await reload(session, plan.id)


async def add_evidence(
    session: AsyncSession,
    principal: Principal,
    *,
    plan_id: uuid.UUID,
    item_id: uuid.UUID,
    data: EvidenceIn,
    upload: "EvidenceFile | None" = None,
) -> Plan:
    plan = await get_visible_plan(session, principal, plan_id)
    _require_approved(plan)
    row = _item(plan, item_id)
    if row.control_point == "survey_report" and data.survey is None:
        raise UnprocessableEntity.for_field(
            "survey",
            "This control point closes only with the survey's link, dates, respondents and "
            "instrument",
            type_="missing",
        )
    previous = item_status(row, today())
    evidence = Evidence(
        kind=data.kind,
        number=data.number,
        document_date=data.document_date,
        title=data.title,
        url=str(data.url) if data.url else None,
        survey=data.survey.model_dump(mode="json") if data.survey else None,
    )
    if upload is not None:
        evidence.file_name = upload.name
        evidence.file_type = upload.content_type
        evidence.file_size = len(upload.content)
        evidence.file_content = upload.content
    row.evidence.append(evidence)
    await session.flush()
    await publish_status_change(session, plan, row, previous)
    return await reload(session, plan.id)


async def evidence_file(
    session: AsyncSession,
    principal: Principal,
    *,
    plan_id: uuid.UUID,
    item_id: uuid.UUID,
    evidence_id: uuid.UUID,
) -> EvidenceFile:
    plan = await get_visible_plan(session, principal, plan_id)
    row = _item(plan, item_id)
    evidence = next((e for e in row.evidence if e.id == evidence_id), None)
    if evidence is None or evidence.file_name is None:
        raise NotFound(f"No file for evidence {evidence_id}")
    await session.refresh(evidence, ["file_content"])
    return EvidenceFile(
        name=evidence.file_name,
        content_type=evidence.file_type or "application/octet-stream",
        content=evidence.file_content or b"",
    )
