import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, SmallInteger, and_, func, or_, select, true
from sqlalchemy.dialects.postgresql import array, insert
from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.catalog.models import CatalogAgency, CatalogService
from feedback_api.surveys.models import SurveyAnswer, SurveyResponse, SurveyRun, SurveyTemplate
from feedback_api.surveys.schemas import RunStatus


async def catalog_agency(session: AsyncSession, agency_id: uuid.UUID) -> CatalogAgency | None:
    return await session.get(CatalogAgency, agency_id)


async def catalog_service(session: AsyncSession, service_id: uuid.UUID) -> CatalogService | None:
    return await session.get(CatalogService, service_id)


async def get_template(session: AsyncSession, template_id: uuid.UUID) -> SurveyTemplate | None:
    return await session.get(SurveyTemplate, template_id)


async def agency_templates(session: AsyncSession, agency_id: uuid.UUID) -> Sequence[SurveyTemplate]:
    stmt = (
        select(SurveyTemplate)
        .where(SurveyTemplate.agency_id == agency_id)
        .order_by(SurveyTemplate.title, SurveyTemplate.id)
    )
    return (await session.scalars(stmt)).all()


async def count_templates(session: AsyncSession, agency_id: uuid.UUID) -> int:
    stmt = select(func.count()).where(SurveyTemplate.agency_id == agency_id)
    return int(await session.scalar(stmt) or 0)


async def insert_template(session: AsyncSession, values: dict[str, Any]) -> SurveyTemplate | None:
    """The new template, or None when the agency already has one with that code."""
    stmt = (
        insert(SurveyTemplate)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["agency_id", "code"])
        .returning(SurveyTemplate)
    )
    return (await session.scalars(stmt)).one_or_none()


async def get_run(session: AsyncSession, run_id: uuid.UUID) -> SurveyRun | None:
    return await session.get(SurveyRun, run_id)


async def get_run_by_token(session: AsyncSession, token: str) -> SurveyRun | None:
    return await session.scalar(select(SurveyRun).where(SurveyRun.token == token))


def _status_condition(status: RunStatus, today: date) -> ColumnElement[bool]:
    ended = or_(SurveyRun.closed_at.is_not(None), SurveyRun.ends_on < today)
    if status is RunStatus.CLOSED:
        return ended
    not_ended = and_(
        SurveyRun.closed_at.is_(None), or_(SurveyRun.ends_on.is_(None), SurveyRun.ends_on >= today)
    )
    if status is RunStatus.SCHEDULED:
        return and_(not_ended, SurveyRun.starts_on > today)
    return and_(not_ended, SurveyRun.starts_on <= today)


async def search_runs(
    session: AsyncSession,
    *,
    agency_id: uuid.UUID | None,
    service_id: uuid.UUID | None,
    status: RunStatus | None,
    today: date,
    before: uuid.UUID | None,
    limit: int,
) -> Sequence[SurveyRun]:
    """Newest first (run ids are time-ordered)."""
    stmt = select(SurveyRun).order_by(SurveyRun.id.desc()).limit(limit)
    if agency_id is not None:
        stmt = stmt.where(SurveyRun.agency_id == agency_id)
    if service_id is not None:
        stmt = stmt.where(SurveyRun.service_id == service_id)
    if status is not None:
        stmt = stmt.where(_status_condition(status, today))
    if before is not None:
        stmt = stmt.where(SurveyRun.id < before)
    return (await session.scalars(stmt)).all()


async def insert_response(
    session: AsyncSession, *, response_id: uuid.UUID, run_id: uuid.UUID, respondent_hash: str
) -> datetime | None:
    """When it was stored, or None when this respondent has answered this run already."""
    stmt = (
        insert(SurveyResponse)
        .values(id=response_id, run_id=run_id, respondent_hash=respondent_hash)
        .on_conflict_do_nothing(index_elements=["run_id", "respondent_hash"])
        .returning(SurveyResponse.submitted_at)
    )
    return await session.scalar(stmt)


async def has_response(session: AsyncSession, run_id: uuid.UUID, respondent_hash: str) -> bool:
    stmt = select(SurveyResponse.id).where(
        SurveyResponse.run_id == run_id, SurveyResponse.respondent_hash == respondent_hash
    )
    return (await session.scalar(stmt)) is not None


async def insert_answers(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    if rows:
        await session.execute(insert(SurveyAnswer), rows)


# [start, end) of submission moments: the answers of responses submitted in a period
Within = tuple[datetime, datetime] | None


def _submitted_within(within: Within) -> ColumnElement[bool]:
    if within is None:
        return true()
    return and_(SurveyResponse.submitted_at >= within[0], SurveyResponse.submitted_at < within[1])


def _answers_within(stmt: Any, within: Within) -> Any:
    if within is None:
        return stmt
    return stmt.join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id).where(
        _submitted_within(within)
    )


async def response_summary(
    session: AsyncSession, run_id: uuid.UUID, within: Within = None
) -> tuple[int, datetime | None, datetime | None]:
    """Respondents, first and last response (of those submitted `within`)."""
    stmt = select(
        func.count(), func.min(SurveyResponse.submitted_at), func.max(SurveyResponse.submitted_at)
    ).where(SurveyResponse.run_id == run_id, _submitted_within(within))
    count, first, last = (await session.execute(stmt)).one()
    return int(count), first, last


async def answer_counts(
    session: AsyncSession, run_id: uuid.UUID, within: Within = None
) -> Sequence[tuple[int, int | None, int | None, int]]:
    """(question, score, option, count): scores and options counted, texts as (q, None, None)."""
    stmt = _answers_within(
        select(SurveyAnswer.question, SurveyAnswer.number, SurveyAnswer.option, func.count()),
        within,
    )
    stmt = stmt.where(SurveyAnswer.run_id == run_id).group_by(
        SurveyAnswer.question, SurveyAnswer.number, SurveyAnswer.option
    )
    return [(q, n, o, int(c)) for q, n, o, c in (await session.execute(stmt)).all()]


async def respondents_per_question(
    session: AsyncSession, run_id: uuid.UUID, questions: list[int], within: Within = None
) -> dict[int, int]:
    """For questions answered with several rows per response (multiple choice)."""
    if not questions:
        return {}
    stmt = _answers_within(
        select(SurveyAnswer.question, func.count(SurveyAnswer.response_id.distinct())), within
    )
    stmt = stmt.where(SurveyAnswer.run_id == run_id, SurveyAnswer.question.in_(questions))
    stmt = stmt.group_by(SurveyAnswer.question)
    return {q: int(c) for q, c in (await session.execute(stmt)).all()}


async def latest_texts(
    session: AsyncSession, run_id: uuid.UUID, questions: list[int], per_question: int
) -> dict[int, list[str]]:
    """The newest text answers of each question, one index range read per question."""
    if not questions:
        return {}
    asked = (
        func.unnest(array(questions, type_=SmallInteger))
        .table_valued("question")
        .render_derived(name="asked")
    )
    latest = (
        select(SurveyAnswer.text)
        .where(
            SurveyAnswer.run_id == run_id,
            SurveyAnswer.question == asked.c.question,
            SurveyAnswer.text.is_not(None),
        )
        .order_by(SurveyAnswer.id.desc())
        .limit(per_question)
        .lateral("latest")
    )
    stmt = select(asked.c.question, latest.c.text).select_from(asked.join(latest, true()))
    texts: dict[int, list[str]] = {q: [] for q in questions}
    for question, answer in (await session.execute(stmt)).all():
        texts[question].append(answer)
    return texts


async def runs_open_during(
    session: AsyncSession,
    *,
    agency_id: uuid.UUID | None,
    service_ids: Sequence[uuid.UUID] | None,
    start: datetime,
    end: datetime,
    limit: int,
) -> Sequence[SurveyRun]:
    """Runs whose days overlap [start, end): started before its end, not ended or closed before
    its start."""
    stmt = (
        select(SurveyRun)
        .where(
            SurveyRun.starts_on < end.date(),
            or_(SurveyRun.ends_on.is_(None), SurveyRun.ends_on >= start.date()),
            or_(SurveyRun.closed_at.is_(None), SurveyRun.closed_at >= start),
        )
        .order_by(SurveyRun.starts_on, SurveyRun.id)
        .limit(limit)
    )
    if agency_id is not None:
        stmt = stmt.where(SurveyRun.agency_id == agency_id)
    if service_ids is not None:
        stmt = stmt.where(SurveyRun.service_id.in_(service_ids))
    return (await session.scalars(stmt)).all()


async def respondents_by_run(
    session: AsyncSession,
    run_ids: Sequence[uuid.UUID],
    *,
    start: datetime | None = None,
    end: datetime | None = None,
) -> dict[uuid.UUID, int]:
    stmt = (
        select(SurveyResponse.run_id, func.count())
        .where(SurveyResponse.run_id.in_(run_ids))
        .group_by(SurveyResponse.run_id)
    )
    if start is not None:
        stmt = stmt.where(SurveyResponse.submitted_at >= start)
    if end is not None:
        stmt = stmt.where(SurveyResponse.submitted_at < end)
    return {run_id: int(count) for run_id, count in (await session.execute(stmt)).all()}
