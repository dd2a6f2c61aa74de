"""The figure sections of the report: breakdowns by stage, channel and touchpoint, sentiment,
pain categories and the daily series."""

import uuid
from collections import defaultdict
from collections.abc import Callable, Mapping
from datetime import date

from otklik_shared.vocab import (
    CHANNEL_LABELS,
    PAIN_CATEGORY_LABELS,
    STAGE_LABELS,
    Channel,
    PainCategory,
    Stage,
)
from otklik_shared.vocab_touchpoints import TouchpointKind
from reporting_worker.aggregates.models import NONE_ID, NONE_STAGE
from reporting_worker.directory.models import KnownTouchpoint
from reporting_worker.reports.figures import (
    Tally,
    add_into,
    average_rating,
    csat,
    empty_tally,
    figures,
    share,
)
from reporting_worker.reports.labels import TOUCHPOINT_KIND_SHORT
from reporting_worker.reports.periods import Period
from reporting_worker.reports.repository import CategoryTally, CellKey
from reporting_worker.reports.schemas import (
    BreakdownRow,
    CategoryCount,
    DailyPoint,
    SectionStatus,
    SentimentSection,
    SentimentShare,
)
from reporting_worker.reports.stat_schemas import ChangeTest
from reporting_worker.reports.statistics import DEFAULT_RULES, Rules, proportion_change

NO_STAGE_LABEL = "Этап не указан"
UNKNOWN_TOUCHPOINT_LABEL = "Точка взаимодействия (нет в перечне)"
SENTIMENT_LABELS = {"negative": "Негативные", "neutral": "Нейтральные", "positive": "Позитивные"}
_STAGE_ORDER = {stage.value: position for position, stage in enumerate(Stage)}


def stage_label(code: str) -> str:
    return STAGE_LABELS[Stage(code)] if code != NONE_STAGE else NO_STAGE_LABEL


def channel_label(code: str) -> str:
    return CHANNEL_LABELS[Channel(code)]


def touchpoint_label(touchpoint: KnownTouchpoint | None) -> str:
    return touchpoint.name if touchpoint else UNKNOWN_TOUCHPOINT_LABEL


def touchpoint_kind_label(touchpoint: KnownTouchpoint | None) -> str | None:
    return TOUCHPOINT_KIND_SHORT[TouchpointKind(touchpoint.kind)] if touchpoint else None


def group(cells: Mapping[CellKey, Tally], key: Callable[[CellKey], str]) -> dict[str, Tally]:
    grouped: dict[str, Tally] = defaultdict(empty_tally)
    for cell, tally in cells.items():
        add_into(grouped[key(cell)], tally)
    return grouped


def _rows(
    current: Mapping[str, Tally],
    previous: Mapping[str, Tally],
    label: Callable[[str], str],
    rules: Rules,
    detail: Callable[[str], str | None] = lambda _: None,
) -> list[BreakdownRow]:
    return [
        BreakdownRow(
            key=key,
            label=label(key),
            detail=detail(key),
            figures=figures(
                current.get(key) or empty_tally(), previous.get(key) or empty_tally(), rules
            ),
        )
        for key in set(current) | set(previous)
    ]


def by_stage(
    current: Mapping[CellKey, Tally],
    previous: Mapping[CellKey, Tally],
    rules: Rules = DEFAULT_RULES,
) -> list[BreakdownRow]:
    rows = _rows(group(current, _stage), group(previous, _stage), stage_label, rules)
    return sorted(rows, key=lambda row: _STAGE_ORDER.get(row.key, len(_STAGE_ORDER)))


def by_channel(
    current: Mapping[CellKey, Tally],
    previous: Mapping[CellKey, Tally],
    rules: Rules = DEFAULT_RULES,
) -> list[BreakdownRow]:
    rows = _rows(group(current, _channel), group(previous, _channel), channel_label, rules)
    return sorted(rows, key=lambda row: (-row.figures.respondents.value, row.key))


def by_touchpoint(
    current: Mapping[CellKey, Tally],
    previous: Mapping[CellKey, Tally],
    known: Mapping[uuid.UUID, KnownTouchpoint],
    rules: Rules = DEFAULT_RULES,
) -> list[BreakdownRow]:
    def named(cells: Mapping[CellKey, Tally]) -> dict[str, Tally]:
        return group({c: t for c, t in cells.items() if c[2] != NONE_ID}, _touchpoint)

    rows = _rows(
        named(current),
        named(previous),
        lambda key: touchpoint_label(known.get(uuid.UUID(key))),
        rules,
        lambda key: touchpoint_kind_label(known.get(uuid.UUID(key))),
    )
    return sorted(rows, key=lambda row: (-row.figures.respondents.value, row.label, row.key))


def _stage(cell: CellKey) -> str:
    return cell[0]


def _channel(cell: CellKey) -> str:
    return cell[1]


def _touchpoint(cell: CellKey) -> str:
    return str(cell[2])


def sentiment(current: Tally, previous: Tally) -> SentimentSection:
    classified = sum(current[f"sentiment_{s}"] for s in SENTIMENT_LABELS)
    before = sum(previous[f"sentiment_{s}"] for s in SENTIMENT_LABELS)
    shares = []
    for code, label in SENTIMENT_LABELS.items():
        now, then = (
            share(current[f"sentiment_{code}"], classified),
            share(previous[f"sentiment_{code}"], before),
        )
        shares.append(
            SentimentShare(
                sentiment=code,
                label=label,
                count=current[f"sentiment_{code}"],
                percent=now,
                previous_percent=then,
                change=round(now - then, 1) if now is not None and then is not None else None,
            )
        )
    status = SectionStatus.OK if classified else SectionStatus.NO_DATA
    return SentimentSection(
        status=status,
        classified_comments=classified,
        shares=shares,
        previous_classified_comments=before,
    )


def categories(
    current: list[CategoryTally],
    previous: list[CategoryTally],
    classified: int,
    classified_before: int = 0,
    rules: Rules = DEFAULT_RULES,
) -> list[CategoryCount]:
    def test(comments: int, comments_before: int) -> ChangeTest:
        return ChangeTest.of(
            proportion_change(comments, classified, comments_before, classified_before, rules)
        )

    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for row in current:
        total = totals[row.category]
        total[0] += row.comments
        total[1] += row.negative
        total[2] += row.rating_sum
    before: dict[str, int] = defaultdict(int)
    for row in previous:
        before[row.category] += row.comments
    counts = [
        CategoryCount(
            category=PainCategory(code),
            label=PAIN_CATEGORY_LABELS[PainCategory(code)],
            comments=comments,
            negative=negative,
            percent=share(comments, classified),
            average_rating=round(rating_sum / comments, 2) if comments else None,
            previous_comments=before[code],
            change=comments - before[code],
            previous_classified=classified_before,
            test=test(comments, before[code]),
        )
        for code, (comments, negative, rating_sum) in totals.items()
    ]
    counts += [
        CategoryCount(
            category=PainCategory(code),
            label=PAIN_CATEGORY_LABELS[PainCategory(code)],
            comments=0,
            negative=0,
            percent=share(0, classified),
            average_rating=None,
            previous_comments=comments,
            change=-comments,
            previous_classified=classified_before,
            test=test(0, comments),
        )
        for code, comments in before.items()
        if code not in totals
    ]
    return sorted(counts, key=lambda c: (-c.comments, -c.previous_comments, c.category.value))


def daily(period: Period, tallies: Mapping[date, Tally]) -> list[DailyPoint]:
    points = []
    for day in period.each_day():
        tally = {**empty_tally(), **tallies.get(day, {})}
        points.append(
            DailyPoint(
                day=day,
                responses=tally["responses"],
                csat=csat(tally),
                average_rating=average_rating(tally),
            )
        )
    return points
