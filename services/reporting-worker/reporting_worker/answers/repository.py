from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from reporting_worker.answers.models import AnswerRatingDaily
from reporting_worker.reports.periods import Period
from reporting_worker.reports.repository import AggregateScope


async def rated_and_satisfied(
    session: AsyncSession, scope: AggregateScope, period: Period
) -> tuple[int, int]:
    row = (
        await session.execute(
            select(
                func.coalesce(func.sum(AnswerRatingDaily.rated), 0),
                func.coalesce(func.sum(AnswerRatingDaily.satisfied), 0),
            ).where(
                scope.where(AnswerRatingDaily),
                AnswerRatingDaily.day >= period.first,
                AnswerRatingDaily.day <= period.last,
            )
        )
    ).one()
    return int(row[0]), int(row[1])
