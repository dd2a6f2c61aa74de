"""The pain map (карта болей): the stage × place cells where satisfaction is lowest, weighted by
volume, each with its leading pain categories and a few quotes.

A cell is a stage and a place: the touchpoint when the feedback named one, else its channel, so
every response falls in exactly one cell. Its score is (1 − CSAT) × √N: the share of the
dissatisfied grows the score linearly and the volume by its square root, so a large cell at
middling satisfaction and a smaller one where almost nobody is satisfied both surface, while a
cell of two unhappy ratings does not outrank either.
"""

import math
import uuid
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from otklik_shared.measures import SATISFIED_RATINGS, satisfied_fraction
from otklik_shared.vocab import PAIN_CATEGORY_LABELS, PainCategory, Stage
from reporting_worker.aggregates.models import NONE_ID, NONE_STAGE
from reporting_worker.directory.models import KnownTouchpoint
from reporting_worker.reports import repository
from reporting_worker.reports.figures import (
    Tally,
    add_into,
    average_rating,
    csat,
    dissatisfied,
    empty_tally,
)
from reporting_worker.reports.periods import Period
from reporting_worker.reports.repository import AggregateScope, CategoryTally, CellKey
from reporting_worker.reports.schemas import (
    CellCategory,
    PainCell,
    PainMap,
    PlaceKind,
    Quote,
    SectionStatus,
)
from reporting_worker.reports.sections import channel_label, stage_label, touchpoint_label

MIN_RESPONSES = 3
MAX_CELLS = 10
CATEGORIES_PER_CELL = 3
QUOTES_PER_CELL = 3
# not pains: left out of a cell's leading categories
NOT_PAINS = frozenset({PainCategory.PRAISE.value})
METHOD = (
    "Оценка ячейки = (1 − CSAT) × √N, где CSAT — доля оценок 4–5, N — число ответов в ячейке "
    "(этап × точка взаимодействия, если она указана, иначе канал); ячейки менее чем с "
    f"{MIN_RESPONSES} ответами и без неудовлетворенных оценок не учитываются."
)


@dataclass(frozen=True, slots=True)
class Place:
    stage: str
    kind: PlaceKind
    key: str


def place_of(cell: CellKey) -> Place:
    stage, channel, touchpoint_id = cell
    if touchpoint_id != NONE_ID:
        return Place(stage, PlaceKind.TOUCHPOINT, str(touchpoint_id))
    return Place(stage, PlaceKind.CHANNEL, channel)


def score(tally: Mapping[str, int]) -> float:
    by_rating = {rating: tally[f"rating_{rating}"] for rating in SATISFIED_RATINGS}
    satisfied = satisfied_fraction(by_rating, tally["responses"])
    assert satisfied is not None, "a place is scored only with responses"
    return round((1 - satisfied) * math.sqrt(tally["responses"]), 2)


def ranked_places(cells: Mapping[CellKey, Tally]) -> list[tuple[Place, Tally]]:
    places: dict[Place, Tally] = defaultdict(empty_tally)
    for cell, tally in cells.items():
        add_into(places[place_of(cell)], tally)
    eligible = [
        (place, tally)
        for place, tally in places.items()
        if tally["responses"] >= MIN_RESPONSES and dissatisfied(tally) > 0
    ]
    eligible.sort(
        key=lambda item: (-score(item[1]), -item[1]["responses"], item[0].stage, item[0].key)
    )
    return eligible[:MAX_CELLS]


def _leading_categories(place: Place, rows: list[CategoryTally]) -> list[CellCategory]:
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        if place_of(row.cell) == place and row.category not in NOT_PAINS:
            counts[row.category] += row.comments
    leading = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:CATEGORIES_PER_CELL]
    return [
        CellCategory(
            category=PainCategory(code),
            label=PAIN_CATEGORY_LABELS[PainCategory(code)],
            comments=comments,
        )
        for code, comments in leading
    ]


async def pain_map(
    session: AsyncSession,
    scope: AggregateScope,
    period: Period,
    cells: Mapping[CellKey, Tally],
    categories: list[CategoryTally],
    touchpoints: Mapping[uuid.UUID, KnownTouchpoint],
) -> PainMap:
    result = []
    for rank, (place, tally) in enumerate(ranked_places(cells), start=1):
        is_touchpoint = place.kind == PlaceKind.TOUCHPOINT
        quotes = await repository.quotes_of_cell(
            session,
            scope,
            period,
            stage=place.stage,
            touchpoint_id=uuid.UUID(place.key) if is_touchpoint else None,
            channel=None if is_touchpoint else place.key,
            limit=QUOTES_PER_CELL,
        )
        result.append(
            PainCell(
                rank=rank,
                stage=Stage(place.stage) if place.stage != NONE_STAGE else None,
                stage_label=stage_label(place.stage),
                place_kind=place.kind,
                place=place.key,
                place_label=(
                    touchpoint_label(touchpoints.get(uuid.UUID(place.key)))
                    if is_touchpoint
                    else channel_label(place.key)
                ),
                responses=tally["responses"],
                dissatisfied=dissatisfied(tally),
                csat=csat(tally) or 0.0,
                average_rating=average_rating(tally) or 0.0,
                score=score(tally),
                categories=_leading_categories(place, categories),
                quotes=[
                    Quote(
                        feedback_id=q.feedback_id,
                        text=q.text,
                        rating=q.rating,
                        sentiment=q.sentiment,
                        categories=[PainCategory(c) for c in q.categories],
                        received_at=q.received_at,
                    )
                    for q in quotes
                ],
            )
        )
    responses = sum(tally["responses"] for tally in cells.values())
    return PainMap(
        status=SectionStatus.OK if responses else SectionStatus.NO_DATA,
        method=METHOD,
        min_responses=MIN_RESPONSES,
        cells=result,
    )
