"""The statistical parts of the report's JSON: intervals, the verdict on a change, findings,
the 12-month trend and the comparison of services or agencies (see reports/statistics.py)."""

import uuid
from datetime import date

from pydantic import BaseModel, Field

from reporting_worker.reports.statistics import Interval, Test, Verdict

VERDICT_LABELS = {
    Verdict.SIGNIFICANT: "значимое изменение",
    Verdict.NOT_SIGNIFICANT: "в пределах случайных колебаний",
    Verdict.TOO_FEW: "мало ответов для сравнения",
    Verdict.NO_DATA: "нет данных для сравнения",
}


class PercentInterval(BaseModel):
    low: float = Field(description="%, lower bound of the Wilson interval at the report's level")
    high: float = Field(description="%")

    @classmethod
    def of(cls, interval: Interval | None) -> "PercentInterval | None":
        if interval is None:
            return None
        return cls(low=round(100 * interval.low, 1), high=round(100 * interval.high, 1))


class ChangeTest(BaseModel):
    """Whether a change against the previous period is a finding."""

    verdict: Verdict = Field(
        description="significant: both periods have the minimum volume and the test rejects "
        "«no change» at the level; not_significant; too_few (below the minimum volume in one "
        "of the periods); no_data"
    )
    label: str = Field(examples=["мало ответов для сравнения"])
    p_value: float | None = Field(description="Two-sided p-value of the z-test")
    weight: float = Field(
        description="Citizens of the current period the change concerns: for CSAT, how many "
        "more (+) or fewer (−) satisfied than at the previous period's share"
    )

    @classmethod
    def of(cls, test: Test) -> "ChangeTest":
        return cls(
            verdict=test.verdict,
            label=VERDICT_LABELS[test.verdict],
            p_value=None if test.p_value is None else round(test.p_value, 4),
            weight=round(test.weight, 1),
        )


class Finding(BaseModel):
    """A significant change, for the conclusions, heaviest first."""

    section: str = Field(examples=["channel"], description="headline, stage, channel, …")
    key: str = Field(description="The row's key in its section; '' for the headline")
    label: str = Field(examples=["Мобильное приложение"])
    measure: str = Field(examples=["csat"], description="csat, share, or a criterion code")
    value: float
    previous: float
    change: float = Field(description="п.п. for shares, points for averages")
    responses: int
    previous_responses: int
    test: ChangeTest
    sentence: str = Field(description="The finding in Russian")


class StatisticsMethod(BaseModel):
    level: float = Field(description="Confidence level of intervals and tests", examples=[0.95])
    min_responses: int = Field(description="Minimum responses in each period to compare them")
    prior_weight: float = Field(
        description="Pseudo-responses at the subject's CSAT added to a cell when ranking"
    )
    text: str = Field(description="The method in Russian")


class TrendCriterion(BaseModel):
    criterion: str
    average: float | None
    rated: int


class TrendPoint(BaseModel):
    month: date = Field(description="First day of the month")
    label: str = Field(examples=["ноябрь 2026 г."])
    incomplete: bool = Field(description="The month is still in progress: data up to now")
    responses: int
    csat: float | None
    csat_interval: PercentInterval | None
    average_rating: float | None
    criteria: list[TrendCriterion]
    change: ChangeTest = Field(description="CSAT against the month before")


class RankedRow(BaseModel):
    """A service or an agency, ranked by CSAT shrunk toward the subject's (worst first)."""

    rank: int = Field(ge=1)
    id: uuid.UUID
    label: str
    responses: int
    previous_responses: int
    csat: float | None
    csat_interval: PercentInterval | None
    csat_shrunk: float | None = Field(description="The ranking key, %")
    previous_csat: float | None
    average_rating: float | None
    change: ChangeTest
