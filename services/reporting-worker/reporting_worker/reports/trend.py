"""The 12-month trend: each month up to the period's last, from one grouped query over the daily
aggregates, with its CSAT interval and whether CSAT changed significantly from the month before."""

import itertools
from collections.abc import Mapping
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from otklik_shared.vocab import Criterion
from reporting_worker.reports import repository
from reporting_worker.reports.figures import (
    Tally,
    average_rating,
    criterion_average,
    csat,
    csat_interval,
    csat_test,
    empty_tally,
)
from reporting_worker.reports.periods import Period, month_period
from reporting_worker.reports.repository import AggregateScope
from reporting_worker.reports.stat_schemas import TrendCriterion, TrendPoint
from reporting_worker.reports.statistics import DEFAULT_RULES, Rules

MONTHS = 12


def month_starts(last: date, count: int) -> list[date]:
    """The first days of `count` months ending with the month of `last`, oldest first."""
    index = last.year * 12 + last.month - 1
    return [date((index - n) // 12, (index - n) % 12 + 1, 1) for n in reversed(range(count))]


def points(
    months: list[date], tallies: Mapping[date, Tally], today: date, rules: Rules = DEFAULT_RULES
) -> list[TrendPoint]:
    """`months` has one month more at the front: the base of the first point's change."""
    result = []
    for before, month in itertools.pairwise(months):
        tally = {**empty_tally(), **tallies.get(month, {})}
        previous = {**empty_tally(), **tallies.get(before, {})}
        period = month_period(month.year, month.month)
        result.append(
            TrendPoint(
                month=month,
                label=period.label,
                incomplete=period.first <= today <= period.last,
                responses=tally["responses"],
                csat=csat(tally),
                csat_interval=csat_interval(tally, rules),
                average_rating=average_rating(tally),
                criteria=[
                    TrendCriterion(
                        criterion=c.value,
                        average=criterion_average(tally, c),
                        rated=tally[f"{c.value}_count"],
                    )
                    for c in Criterion
                ],
                change=csat_test(tally, previous, rules),
            )
        )
    return result


async def trend(
    session: AsyncSession,
    scope: AggregateScope,
    period: Period,
    *,
    today: date,
    rules: Rules = DEFAULT_RULES,
) -> list[TrendPoint]:
    months = month_starts(period.last, MONTHS + 1)
    tallies = await repository.monthly_tallies(session, scope, months[0], period.last)
    return points(months, tallies, today, rules)
