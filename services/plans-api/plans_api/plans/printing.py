"""A stored plan as the official printed form (the input of the DOCX and XLSX renderers)."""

from sqlalchemy.ext.asyncio import AsyncSession

from plans_api.agencies import repository as agencies
from plans_api.catalog import repository as catalog
from plans_api.exports.document import ExportExecutor, ExportFootnote, ExportRow, PlanDocument
from plans_api.plans.models import Executor, Plan, PlanStatus
from plans_api.templates.loader import get_template

STATUS_LABELS = {
    PlanStatus.DRAFT: "Проект",
    PlanStatus.APPROVED: "Утвержден",
    PlanStatus.COMPLETED: "Исполнен",
}


def responsible(executor: Executor) -> str:
    who = ", ".join(p for p in (executor.person_position, executor.person) if p)
    return f"{executor.unit} ({who})" if who else executor.unit


async def plan_document(session: AsyncSession, plan: Plan) -> PlanDocument:
    agency = await agencies.get(session, plan.agency_id)
    service = await catalog.get_service(session, plan.service_id)
    template = get_template(plan.template_code, plan.template_version)
    marks = {mark for row in plan.rows for mark in row.footnotes}
    return PlanDocument(
        title=plan.title,
        agency_name=agency.name if agency else "",
        service_title=service.title if service else "",
        approving_official=plan.approving_official,
        document_number=plan.document_number,
        document_date=plan.document_date,
        status_label=STATUS_LABELS[plan.status],
        rows=[
            ExportRow(
                number=row.number,
                kind=row.kind,
                text=row.text,
                result=row.result,
                footnote_marks=row.footnotes,
                executors=[
                    ExportExecutor(
                        start_date=e.start_date, end_date=e.end_date, responsible=responsible(e)
                    )
                    for e in row.executors
                ],
            )
            for row in plan.rows
        ],
        footnotes=[
            ExportFootnote(mark=f.mark, text=f.text) for f in template.footnotes if f.mark in marks
        ],
    )
