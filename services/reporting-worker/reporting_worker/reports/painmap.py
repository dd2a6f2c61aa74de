"""The pain map (карта болей): the stage × place cells where satisfaction is lowest, weighted by
volume, each with its leading pain categories and a few quotes.

A cell is a stage and a place: the touchpoint when the feedback named one, else its channel, so
every response falls in exactly one cell. Its score is (1 − CSAT*) × √N, where CSAT* is the
cell's CSAT pulled toward the subject's (additive smoothing: `prior_weight` pseudo-responses at
the subject's CSAT): the share of the dissatisfied grows the score linearly and the volume by its
square root, so a large cell at middling satisfaction and a smaller one where almost nobody is
satisfied both surface, while a cell of three unhappy ratings stays near the subject's mean and
cannot lead.
"""

import math
import uuid
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from otklik_shared.vocab import PAIN_CATEGORY_LABELS, PainCategory, Stage
from reporting_worker.aggregates.models import NONE_ID, NONE_STAGE
from reporting_worker.directory.models import KnownTouchpoint
from reporting_worker.reports import repository
from reporting_worker.reports.figures import (
    Tally,
    add_into,
    average_rating,
    csat,
    csat_interval,
    csat_test,
    dissatisfied,
    empty_tally,
    satisfied,
)
from reporting_worker.reports.periods import Period
from reporting_worker.reports.repository import AggregateScope, CategoryTally, CellKey
from reporting_worker.reports.schemas import (
    CellCategory,
    CellService,
    PainCell,
    PainMap,
    PlaceKind,
    Quote,
    SectionStatus,
)
from reporting_worker.reports.sections import channel_label, stage_label, touchpoint_label
from reporting_worker.reports.statistics import DEFAULT_RULES, Rules, shrunk_share
from reporting_worker.reports.wording import number

MIN_RESPONSES = 3
SERVICES_PER_CELL = 3
MAX_CELLS = 10
CATEGORIES_PER_CELL = 3
QUOTES_PER_CELL = 3
# not pains: left out of a cell's leading categories
NOT_PAINS = frozenset({PainCategory.PRAISE.value})


def method(rules: Rules) -> str:
    return (
        "Оценка ячейки = (1 − CSAT*) × √N, где N — число ответов в ячейке (этап × точка "
        "взаимодействия, если она указана, иначе канал), CSAT* — доля оценок 4–5 в ячейке, "
        f"сглаженная к CSAT предмета отчета: (оценок 4–5 + {number(rules.prior_weight)} × CSAT "
        f"предмета) / (N + {number(rules.prior_weight)}), чтобы ячейка из нескольких ответов не "
        f"выходила вперед случайно; интервал CSAT — Вильсона, {number(100 * rules.level)} %; "
        f"ячейки менее чем с {MIN_RESPONSES} ответами и без неудовлетворенных оценок не "
        "учитываются."
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


def subject_prior(cells: Mapping[CellKey, Tally]) -> float:
    """The subject's CSAT (0–1) that small cells are pulled toward; 0.5 with no data."""
    responses = sum(t["responses"] for t in cells.values())
    return sum(satisfied(t) for t in cells.values()) / responses if responses else 0.5


def shrunk(tally: Mapping[str, int], prior: float, rules: Rules) -> float:
    return shrunk_share(satisfied(tally), tally["responses"], prior, rules)


def score(tally: Mapping[str, int], prior: float, rules: Rules = DEFAULT_RULES) -> float:
    return round((1 - shrunk(tally, prior, rules)) * math.sqrt(tally["responses"]), 2)


def by_place(cells: Mapping[CellKey, Tally]) -> dict[Place, Tally]:
    places: dict[Place, Tally] = defaultdict(empty_tally)
    for cell, tally in cells.items():
        add_into(places[place_of(cell)], tally)
    return places


def ranked_places(
    cells: Mapping[CellKey, Tally], rules: Rules = DEFAULT_RULES
) -> list[tuple[Place, Tally]]:
    prior = subject_prior(cells)
    eligible = [
        (place, tally)
        for place, tally in by_place(cells).items()
        if tally["responses"] >= MIN_RESPONSES and dissatisfied(tally) > 0
    ]
    eligible.sort(
        key=lambda item: (
            -score(item[1], prior, rules),
            -item[1]["responses"],
            item[0].stage,
            item[0].key,
        )
    )
    return eligible[:MAX_CELLS]


@dataclass(frozen=True)
class PlaceServices:
    """For a report over several services: each place's tallies by service."""

    tallies: Mapping[Place, Mapping[uuid.UUID, Tally]]
    titles: Mapping[uuid.UUID, str]

    def of(self, place: Place) -> list[CellService]:
        found = sorted(
            self.tallies.get(place, {}).items(),
            key=lambda item: (-dissatisfied(item[1]), -item[1]["responses"], str(item[0])),
        )
        return [
            CellService(
                service_id=service_id,
                title=self.titles.get(service_id, "Услуга (нет в справочнике)"),
                responses=tally["responses"],
                dissatisfied=dissatisfied(tally),
            )
            for service_id, tally in found[:SERVICES_PER_CELL]
        ]


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
    *,
    cells_before: Mapping[CellKey, Tally],
    rules: Rules = DEFAULT_RULES,
    services: PlaceServices | None = None,
) -> PainMap:
    result = []
    prior = subject_prior(cells)
    before = by_place(cells_before)
    for rank, (place, tally) in enumerate(ranked_places(cells, rules), start=1):
        previous = before.get(place) or empty_tally()
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
                score=score(tally, prior, rules),
                csat_interval=csat_interval(tally, rules),
                csat_shrunk=round(100 * shrunk(tally, prior, rules), 1),
                previous_responses=previous["responses"],
                previous_csat=csat(previous),
                test=csat_test(tally, previous, rules),
                services=services.of(place) if services is not None else [],
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
        method=method(rules),
        min_responses=MIN_RESPONSES,
        cells=result,
    )
