"""From summed aggregate counters to the report's figures: averages, CSAT, shares and the
change against the previous period."""

from collections.abc import Iterable, Mapping

from otklik_shared.measures import SATISFIED_RATINGS, csat_percent
from otklik_shared.vocab import CRITERION_LABELS, Criterion
from reporting_worker.aggregates.models import COUNTERS
from reporting_worker.reports.schemas import (
    CountFigure,
    CriterionFigure,
    Figure,
    Figures,
    RatingShare,
)

# summed counters of FeedbackDaily rows, by counter name
Tally = dict[str, int]
RATINGS = range(1, 6)


def empty_tally() -> Tally:
    return dict.fromkeys(COUNTERS, 0)


def add_into(into: Tally, more: Mapping[str, int]) -> None:
    for name in COUNTERS:
        into[name] += more.get(name, 0)


def summed(tallies: Iterable[Mapping[str, int]]) -> Tally:
    total = empty_tally()
    for tally in tallies:
        add_into(total, tally)
    return total


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def csat(tally: Mapping[str, int]) -> float | None:
    """Share of ratings 4–5, %."""
    return csat_percent(_by_rating(tally), tally["responses"])


def _by_rating(tally: Mapping[str, int]) -> dict[int, int]:
    return {rating: tally[f"rating_{rating}"] for rating in SATISFIED_RATINGS}


def average_rating(tally: Mapping[str, int]) -> float | None:
    responses = tally["responses"]
    if not responses:
        return None
    return round(sum(r * tally[f"rating_{r}"] for r in RATINGS) / responses, 2)


def dissatisfied(tally: Mapping[str, int]) -> int:
    return tally["rating_1"] + tally["rating_2"] + tally["rating_3"]


def criterion_average(tally: Mapping[str, int], criterion: Criterion) -> float | None:
    rated = tally[f"{criterion.value}_count"]
    return round(tally[f"{criterion.value}_sum"] / rated, 2) if rated else None


def figure(value: float | None, previous: float | None, digits: int = 1) -> Figure:
    change = None
    if value is not None and previous is not None:
        change = round(value - previous, digits)
    return Figure(value=value, previous=previous, change=change)


def count_figure(value: int, previous: int) -> CountFigure:
    return CountFigure(value=value, previous=previous, change=value - previous)


def figures(current: Mapping[str, int], previous: Mapping[str, int]) -> Figures:
    responses, before = current["responses"], previous["responses"]
    return Figures(
        respondents=count_figure(responses, before),
        average_rating=figure(average_rating(current), average_rating(previous), digits=2),
        csat=figure(csat(current), csat(previous)),
        distribution=[
            RatingShare(
                rating=r,
                count=current[f"rating_{r}"],
                percent=_share(current[f"rating_{r}"], responses),
                previous_count=previous[f"rating_{r}"],
                previous_percent=_share(previous[f"rating_{r}"], before),
            )
            for r in RATINGS
        ],
        criteria=[
            CriterionFigure(
                criterion=criterion,
                label=CRITERION_LABELS[criterion],
                average=figure(
                    criterion_average(current, criterion),
                    criterion_average(previous, criterion),
                    digits=2,
                ),
                rated=current[f"{criterion.value}_count"],
            )
            for criterion in Criterion
        ],
        comments=count_figure(current["comments"], previous["comments"]),
    )


def share(part: int, whole: int) -> float | None:
    return _share(part, whole)
