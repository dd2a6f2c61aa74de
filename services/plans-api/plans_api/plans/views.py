from datetime import date

from otklik_shared.vocab import ResultDocument
from plans_api.plans.models import Plan, PlanRow
from plans_api.plans.schemas import (
    EvidenceRead,
    ExecutorRead,
    PlanRead,
    PlanRowRead,
    PlanSummary,
)
from plans_api.plans.status import item_status, progress
from plans_api.templates.loader import get_template


def row_read(row: PlanRow, today: date) -> PlanRowRead:
    return PlanRowRead(
        id=row.id,
        number=row.number,
        kind=row.kind,
        text=row.text,
        result=row.result,
        result_kinds=[ResultDocument(k) for k in row.result_kinds],
        footnotes=row.footnotes,
        control_point=row.control_point,
        origin=row.origin,
        proposal_ref=row.proposal_ref,
        status=item_status(row, today) if row.kind == "item" else None,
        executors=[ExecutorRead.model_validate(e) for e in row.executors],
        evidence=[EvidenceRead.model_validate(e) for e in row.evidence],
    )


def plan_read(plan: Plan, today: date) -> PlanRead:
    template = get_template(plan.template_code, plan.template_version)
    marks = {mark for row in plan.rows for mark in row.footnotes}
    return PlanRead(
        id=plan.id,
        agency_id=plan.agency_id,
        service_id=plan.service_id,
        checklist_id=plan.checklist_id,
        template_code=plan.template_code,
        template_version=plan.template_version,
        title=plan.title,
        approving_official=plan.approving_official,
        document_number=plan.document_number,
        document_date=plan.document_date,
        status=plan.status,
        approved_at=plan.approved_at,
        completed_at=plan.completed_at,
        revision=plan.revision,
        progress=progress(plan.rows, today),
        rows=[row_read(r, today) for r in plan.rows],
        footnotes=[f for f in template.footnotes if f.mark in marks],
        created_at=plan.created_at,
        updated_at=plan.updated_at,
    )


def plan_summary(plan: Plan, today: date) -> PlanSummary:
    return PlanSummary(
        id=plan.id,
        agency_id=plan.agency_id,
        service_id=plan.service_id,
        title=plan.title,
        status=plan.status,
        document_number=plan.document_number,
        document_date=plan.document_date,
        progress=progress(plan.rows, today),
    )
