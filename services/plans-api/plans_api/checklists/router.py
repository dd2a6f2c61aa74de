import uuid

from fastapi import status

from otklik_kit.auth.dependencies import PlansReader, PlansWriter
from otklik_kit.db import DbSession
from otklik_kit.problems import problem_responses
from otklik_kit.routing import api_router
from plans_api.catalog.service import get_visible_service
from plans_api.checklists import repository, service
from plans_api.checklists.schemas import ChecklistCreate, ChecklistRead, ChecklistUpdate

service_checklists_router = api_router("services", tag="checklists")
router = api_router("checklists", tag="checklists")


@service_checklists_router.post(
    "/{service_id}/checklists",
    operation_id="submit_checklist",
    summary="Submit a self-check checklist",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(404),
)
async def submit_checklist(
    session: DbSession, principal: PlansWriter, service_id: uuid.UUID, body: ChecklistCreate
) -> ChecklistRead:
    """Answers «да» / «нет» / «не применимо» per template item; an incomplete one is a draft."""
    checklist = await service.create_checklist(session, principal, service_id, body)
    return service.to_read(checklist, None)


@service_checklists_router.get(
    "/{service_id}/checklists",
    operation_id="list_service_checklists",
    summary="List a service's checklists",
    responses=problem_responses(404),
)
async def list_service_checklists(
    session: DbSession, principal: PlansReader, service_id: uuid.UUID
) -> list[ChecklistRead]:
    """The service's checklists, newest first."""
    await get_visible_service(session, principal, service_id)
    checklists = await repository.list_for_service(session, service_id)
    plans = await repository.plan_ids(session, [c.id for c in checklists])
    return [service.to_read(c, plans.get(c.id)) for c in checklists]


@router.get(
    "/{checklist_id}",
    operation_id="get_checklist",
    summary="Get a checklist",
    responses=problem_responses(404),
)
async def get_checklist(
    session: DbSession, principal: PlansReader, checklist_id: uuid.UUID
) -> ChecklistRead:
    """A checklist with what is still unanswered and the plan generated from it."""
    checklist = await service.get_visible_checklist(session, principal, checklist_id)
    plans = await repository.plan_ids(session, [checklist.id])
    return service.to_read(checklist, plans.get(checklist.id))


@router.patch(
    "/{checklist_id}",
    operation_id="update_checklist",
    summary="Add or change answers of a draft checklist",
    responses=problem_responses(404, 409),
)
async def update_checklist(
    session: DbSession, principal: PlansWriter, checklist_id: uuid.UUID, body: ChecklistUpdate
) -> ChecklistRead:
    """Merges the given answers and comments; refused once a plan was generated from it."""
    checklist = await service.update_checklist(session, principal, checklist_id, body)
    return service.to_read(checklist, None)
