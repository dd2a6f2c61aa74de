import asyncio
import uuid
from datetime import date
from typing import Annotated

from fastapi import File, Form, Response, UploadFile, status

from otklik_kit.auth.dependencies import PlansReader, PlansWriter
from otklik_kit.db import DbSession
from otklik_kit.pagination import Limit
from otklik_kit.problems import problem_responses
from otklik_kit.routing import (
    DOCX_MEDIA_TYPE,
    XLSX_MEDIA_TYPE,
    api_router,
    content_disposition,
    file_response,
)
from otklik_shared.vocab import ResultDocument
from plans_api.agencies.service import get_visible
from plans_api.exports.docx_export import render_docx
from plans_api.exports.xlsx_export import render_xlsx
from plans_api.plans import items, repository, service
from plans_api.plans.models import PlanStatus
from plans_api.plans.printing import plan_document
from plans_api.plans.progress import agency_progress, plan_progress
from plans_api.plans.schemas import (
    AgencyPlanProgress,
    CustomItemCreate,
    EvidenceIn,
    ExecutorsReplace,
    ExecutorStatusUpdate,
    ItemUpdate,
    PlanApproval,
    PlanHeaderUpdate,
    PlanProgress,
    PlanRead,
    PlanSummary,
    RevisionRead,
)
from plans_api.plans.status import today
from plans_api.plans.views import plan_read, plan_summary

checklist_plans_router = api_router("checklists", tag="plans")
agency_progress_router = api_router("agencies", tag="plans")
router = api_router("plans", tag="plans")
ITEM = "/{plan_id}/items/{item_id}"


@checklist_plans_router.post(
    "/{checklist_id}/plan",
    operation_id="generate_plan",
    summary="Generate the departmental plan from a checklist",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(404, 409),
)
async def generate_plan(
    session: DbSession, principal: PlansWriter, checklist_id: uuid.UUID
) -> PlanRead:
    """Exactly the items answered «нет», in template order, with their section/group headers."""
    plan = await service.generate_plan(session, principal, checklist_id)
    return plan_read(plan, today())


@router.get("", operation_id="list_plans", summary="List plans with their progress")
async def list_plans(
    session: DbSession,
    principal: PlansReader,
    agency_id: uuid.UUID | None = None,
    service_id: uuid.UUID | None = None,
    status: PlanStatus | None = None,
    limit: Limit = 50,
) -> list[PlanSummary]:
    """Plans visible to the key, newest first, each with its counts of items by status."""
    plans = await service.list_plans(
        session, principal, agency_id=agency_id, service_id=service_id, status=status, limit=limit
    )
    return [plan_summary(p, today()) for p in plans]


@router.get(
    "/{plan_id}", operation_id="get_plan", summary="Get a plan", responses=problem_responses(404)
)
async def get_plan(session: DbSession, principal: PlansReader, plan_id: uuid.UUID) -> PlanRead:
    """The plan table with executors, evidence and each item's derived status."""
    return plan_read(await service.get_visible_plan(session, principal, plan_id), today())


@router.patch(
    "/{plan_id}",
    operation_id="update_plan_header",
    summary="Change the plan's header",
    responses=problem_responses(404, 409),
)
async def update_plan_header(
    session: DbSession, principal: PlansWriter, plan_id: uuid.UUID, body: PlanHeaderUpdate
) -> PlanRead:
    """Title, approving official, document number and date; a revision once approved."""
    return plan_read(await service.update_header(session, principal, plan_id, body), today())


@router.post(
    "/{plan_id}/approve",
    operation_id="approve_plan",
    summary="Approve the plan",
    responses=problem_responses(404, 409),
)
async def approve_plan(
    session: DbSession, principal: PlansWriter, plan_id: uuid.UUID, body: PlanApproval
) -> PlanRead:
    """Freezes the plan; from now on changes are revisions with a reason."""
    return plan_read(await service.approve_plan(session, principal, plan_id, body), today())


@router.post(
    "/{plan_id}/complete",
    operation_id="complete_plan",
    summary="Mark the plan completed",
    responses=problem_responses(404, 409),
)
async def complete_plan(session: DbSession, principal: PlansWriter, plan_id: uuid.UUID) -> PlanRead:
    """Allowed when every item is done (executors done and evidence attached)."""
    return plan_read(await service.complete_plan(session, principal, plan_id), today())


@router.get(
    "/{plan_id}/history",
    operation_id="get_plan_history",
    summary="Revisions of an approved plan",
    responses=problem_responses(404),
)
async def get_plan_history(
    session: DbSession, principal: PlansReader, plan_id: uuid.UUID
) -> list[RevisionRead]:
    """Every change made after approval, with its reason, author key and time."""
    await service.get_visible_plan(session, principal, plan_id)
    return [RevisionRead.model_validate(r) for r in await repository.revisions(session, plan_id)]


@router.post(
    "/{plan_id}/items",
    operation_id="add_plan_item",
    summary="Add a custom item (e.g. from a citizen's proposal)",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(404, 409),
)
async def add_plan_item(
    session: DbSession, principal: PlansWriter, plan_id: uuid.UUID, body: CustomItemCreate
) -> PlanRead:
    """Numbered after the template items of its section (e.g. 3.5)."""
    return plan_read(await items.add_custom_item(session, principal, plan_id, body), today())


@router.patch(
    ITEM,
    operation_id="update_plan_item",
    summary="Reword an item",
    responses=problem_responses(404, 409),
)
async def update_plan_item(
    session: DbSession,
    principal: PlansWriter,
    plan_id: uuid.UUID,
    item_id: uuid.UUID,
    body: ItemUpdate,
) -> PlanRead:
    """E.g. «орган власти» → «ОМСУ»; a revision with a reason once approved."""
    plan = await items.update_item(session, principal, plan_id=plan_id, item_id=item_id, data=body)
    return plan_read(plan, today())


@router.put(
    ITEM + "/executors",
    operation_id="set_plan_item_executors",
    summary="Set an item's executors",
    responses=problem_responses(404, 409),
)
async def set_plan_item_executors(
    session: DbSession,
    principal: PlansWriter,
    plan_id: uuid.UUID,
    item_id: uuid.UUID,
    body: ExecutorsReplace,
) -> PlanRead:
    """One or more executors, each with its responsible, start and end date, in sequence."""
    plan = await items.replace_executors(
        session, principal, plan_id=plan_id, item_id=item_id, data=body
    )
    return plan_read(plan, today())


@router.patch(
    ITEM + "/executors/{executor_id}",
    operation_id="set_executor_status",
    summary="Report an executor's progress",
    responses=problem_responses(404, 409),
)
async def set_executor_status(
    session: DbSession,
    principal: PlansWriter,
    plan_id: uuid.UUID,
    item_id: uuid.UUID,
    executor_id: uuid.UUID,
    body: ExecutorStatusUpdate,
) -> PlanRead:
    """not_started → in_progress → done, on an approved plan."""
    plan = await items.set_executor_status(
        session, principal, plan_id=plan_id, item_id=item_id, executor_id=executor_id, data=body
    )
    return plan_read(plan, today())


@router.post(
    ITEM + "/evidence",
    operation_id="add_plan_item_evidence",
    summary="Attach evidence to an item",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(404, 409),
)
async def add_plan_item_evidence(
    session: DbSession,
    principal: PlansWriter,
    plan_id: uuid.UUID,
    item_id: uuid.UUID,
    body: EvidenceIn,
) -> PlanRead:
    """The document that proves the item done; a survey control point needs the survey facts."""
    plan = await items.add_evidence(session, principal, plan_id=plan_id, item_id=item_id, data=body)
    return plan_read(plan, today())


@router.get(
    "/{plan_id}/progress",
    operation_id="get_plan_progress",
    summary="A plan's progress",
    responses=problem_responses(404),
)
async def get_plan_progress(
    session: DbSession, principal: PlansReader, plan_id: uuid.UUID
) -> PlanProgress:
    """Counts of items by status and the overdue items with their executors."""
    return plan_progress(await service.get_visible_plan(session, principal, plan_id), today())


@agency_progress_router.get(
    "/{agency_id}/plan-progress",
    operation_id="get_agency_plan_progress",
    summary="Progress of an agency's plans",
    responses=problem_responses(404),
)
async def get_agency_plan_progress(
    session: DbSession, principal: PlansReader, agency_id: uuid.UUID
) -> AgencyPlanProgress:
    """Approved and completed plans of the agency: item counts and every overdue item."""
    await get_visible(session, principal, agency_id)
    plans = await repository.search(
        session, agency_id=agency_id, service_id=None, status=None, limit=10_000
    )
    return agency_progress(agency_id, plans, today())


@router.post(
    ITEM + "/evidence/file",
    operation_id="upload_plan_item_evidence",
    summary="Attach a document file as evidence",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(404, 409),
)
async def upload_plan_item_evidence(
    session: DbSession,
    principal: PlansWriter,
    plan_id: uuid.UUID,
    item_id: uuid.UUID,
    kind: Annotated[ResultDocument, Form()],
    title: Annotated[str, Form(min_length=3, max_length=1000)],
    file: Annotated[UploadFile, File(description="PDF, DOC(X), ODT, XLSX, JPEG or PNG")],
    number: Annotated[str | None, Form(max_length=100)] = None,
    document_date: Annotated[date | None, Form()] = None,
) -> PlanRead:
    """The signed act or report itself, up to MAX_UPLOAD_BYTES (10 MiB by default)."""
    upload = items.EvidenceFile(
        name=(file.filename or "document")[:300],
        content_type=file.content_type or "application/octet-stream",
        content=await file.read(),
    )
    upload.check()
    data = EvidenceIn(kind=kind, title=title, number=number, document_date=document_date)
    plan = await items.add_evidence(
        session, principal, plan_id=plan_id, item_id=item_id, data=data, upload=upload
    )
    return plan_read(plan, today())


@router.get(
    ITEM + "/evidence/{evidence_id}/file",
    operation_id="download_plan_item_evidence",
    summary="Download an evidence file",
    response_class=Response,
    responses={
        **file_response(
            "The document, of the type it was uploaded as", *sorted(items.ALLOWED_FILE_TYPES)
        ),
        **problem_responses(404),
    },
)
async def download_plan_item_evidence(
    session: DbSession,
    principal: PlansReader,
    plan_id: uuid.UUID,
    item_id: uuid.UUID,
    evidence_id: uuid.UUID,
) -> Response:
    """The uploaded document as it was sent."""
    upload = await items.evidence_file(
        session, principal, plan_id=plan_id, item_id=item_id, evidence_id=evidence_id
    )
    return Response(
        upload.content,
        media_type=upload.content_type,
        headers={"Content-Disposition": content_disposition(upload.name)},
    )


async def _export(
    session: DbSession, principal: PlansReader, plan_id: uuid.UUID, fmt: str
) -> Response:
    plan = await service.get_visible_plan(session, principal, plan_id)
    document = await plan_document(session, plan)
    render = render_docx if fmt == "docx" else render_xlsx
    content = await asyncio.to_thread(render, document)
    name = f"План мероприятий {plan.document_number or plan.id}.{fmt}".replace("/", "-")
    return Response(
        content,
        media_type=DOCX_MEDIA_TYPE if fmt == "docx" else XLSX_MEDIA_TYPE,
        headers={"Content-Disposition": content_disposition(name)},
    )


@router.get(
    "/{plan_id}/export.docx",
    operation_id="export_plan_docx",
    summary="The plan in the official form, as DOCX",
    response_class=Response,
    responses={
        **file_response("The plan as a Word document", DOCX_MEDIA_TYPE),
        **problem_responses(404),
    },
)
async def export_plan_docx(
    session: DbSession, principal: PlansReader, plan_id: uuid.UUID
) -> Response:
    """«№ п/п | Мероприятие | Дата начала | Дата окончания | Ответственный | Результат»."""
    return await _export(session, principal, plan_id, "docx")


@router.get(
    "/{plan_id}/export.xlsx",
    operation_id="export_plan_xlsx",
    summary="The plan in the official form, as XLSX",
    response_class=Response,
    responses={
        **file_response("The plan as an Excel workbook", XLSX_MEDIA_TYPE),
        **problem_responses(404),
    },
)
async def export_plan_xlsx(
    session: DbSession, principal: PlansReader, plan_id: uuid.UUID
) -> Response:
    """The same table as the DOCX, one row per plan row, executors stacked in their cells."""
    return await _export(session, principal, plan_id, "xlsx")
