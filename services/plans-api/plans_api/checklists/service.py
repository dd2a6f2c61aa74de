"""Self-check checklists: answers per leaf item of the template, saved as drafts until complete."""

import uuid
from collections.abc import Mapping, Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from otklik_kit.auth.keys import Principal
from otklik_kit.errors import Conflict, NotFound, UnprocessableEntity
from otklik_shared.problem import FieldError
from plans_api.catalog.service import get_visible_service
from plans_api.checklists import repository
from plans_api.checklists.models import Checklist
from plans_api.checklists.schemas import (
    Answer,
    AnswerCounts,
    ChecklistCreate,
    ChecklistRead,
    ChecklistUpdate,
)
from plans_api.templates.loader import get_template, leaf_numbers

TEMPLATE_CODE = "typical"


def _check_numbers(leaves: Sequence[str], answers: Mapping[str, object], field: str) -> None:
    known = set(leaves)
    errors = [
        FieldError(
            location="body",
            field=f"{field}.{number}",
            message=f"{number} is not an item of the template",
            type="unknown_item",
        )
        for number in answers
        if number not in known
    ]
    if errors:
        names = ", ".join(e.field.split(".", 1)[1] for e in errors)
        raise UnprocessableEntity(f"Unknown template items: {names}", errors=errors)


def unanswered(checklist: Checklist) -> list[str]:
    template = get_template(checklist.template_code, checklist.template_version)
    return [n for n in leaf_numbers(template) if n not in checklist.answers]


def to_read(checklist: Checklist, plan_id: uuid.UUID | None) -> ChecklistRead:
    values = list(checklist.answers.values())
    missing = unanswered(checklist)
    return ChecklistRead(
        id=checklist.id,
        service_id=checklist.service_id,
        agency_id=checklist.agency_id,
        template_code=checklist.template_code,
        template_version=checklist.template_version,
        answers={k: Answer(v) for k, v in checklist.answers.items()},
        comments=checklist.comments,
        complete=not missing,
        unanswered=missing,
        counts=AnswerCounts(**{a.value: values.count(a.value) for a in Answer}),
        plan_id=plan_id,
        created_at=checklist.created_at,
        updated_at=checklist.updated_at,
    )


async def create_checklist(
    session: AsyncSession, principal: Principal, service_id: uuid.UUID, data: ChecklistCreate
) -> Checklist:
    service = await get_visible_service(session, principal, service_id)
    template = get_template(TEMPLATE_CODE, data.template_version)
    leaves = leaf_numbers(template)
    _check_numbers(leaves, data.answers, "answers")
    _check_numbers(leaves, data.comments, "comments")
    checklist = Checklist(
        service_id=service.id,
        agency_id=service.agency_id,
        template_code=template.code,
        template_version=template.version,
        answers={k: v.value for k, v in data.answers.items()},
        comments=dict(data.comments),
    )
    session.add(checklist)
    await session.flush()
    await session.refresh(checklist)
    return checklist


async def get_visible_checklist(
    session: AsyncSession, principal: Principal, checklist_id: uuid.UUID
) -> Checklist:
    checklist = await repository.get(session, checklist_id)
    if checklist is None or not principal.sees_agency(checklist.agency_id):
        raise NotFound(f"Checklist {checklist_id} not found")
    return checklist


async def update_checklist(
    session: AsyncSession, principal: Principal, checklist_id: uuid.UUID, data: ChecklistUpdate
) -> Checklist:
    checklist = await get_visible_checklist(session, principal, checklist_id)
    if await repository.plan_ids(session, [checklist.id]):
        raise Conflict("A plan was generated from this checklist; start a new checklist")
    template = get_template(checklist.template_code, checklist.template_version)
    leaves = leaf_numbers(template)
    _check_numbers(leaves, data.answers, "answers")
    _check_numbers(leaves, data.comments, "comments")
    checklist.answers = {**checklist.answers, **{k: v.value for k, v in data.answers.items()}}
    checklist.comments = {**checklist.comments, **data.comments}
    await session.flush()
    await session.refresh(checklist)
    return checklist
