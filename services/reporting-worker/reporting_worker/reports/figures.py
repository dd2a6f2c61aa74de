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
from reporting_worker.reports.stat_schemas import ChangeTest, PercentInterval
from reporting_worker.reports.statistics import (
    DEFAULT_RULES,
    Rules,
    proportion_change,
    score_change,
    wilson,
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


def satisfied(tally: Mapping[str, int]) -> int:
    """Ratings 4–5: the numerator of CSAT."""
    return tally["rating_4"] + tally["rating_5"]


def csat(tally: Mapping[str, int]) -> float | None:
    """Share of ratings 4–5, %: the one definition (otklik_shared.measures) every section uses."""
    return csat_percent(_by_rating(tally), tally["responses"])


def _by_rating(tally: Mapping[str, int]) -> dict[int, int]:
    return {rating: tally[f"rating_{rating}"] for rating in SATISFIED_RATINGS}


def csat_interval(tally: Mapping[str, int], rules: Rules = DEFAULT_RULES) -> PercentInterval | None:
    return PercentInterval.of(wilson(satisfied(tally), tally["responses"], rules))


def csat_test(
    current: Mapping[str, int], previous: Mapping[str, int], rules: Rules = DEFAULT_RULES
) -> ChangeTest:
    return ChangeTest.of(
        proportion_change(
            satisfied(current),
            current["responses"],
            satisfied(previous),
            previous["responses"],
            rules,
        )
    )


def criterion_test(
    current: Mapping[str, int],
    previous: Mapping[str, int],
    criterion: Criterion,
    rules: Rules = DEFAULT_RULES,
) -> ChangeTest:
    now, before = criterion_average(current, criterion), criterion_average(previous, criterion)
    rated, rated_before = current[f"{criterion.value}_count"], previous[f"{criterion.value}_count"]
    if now is None or before is None:
        return ChangeTest.of(score_change(0, 0, 0, 0, rules))
    exact_now = current[f"{criterion.value}_sum"] / rated
    exact_before = previous[f"{criterion.value}_sum"] / rated_before
    return ChangeTest.of(score_change(exact_now, rated, exact_before, rated_before, rules))


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


def figures(
    current: Mapping[str, int], previous: Mapping[str, int], rules: Rules = DEFAULT_RULES
) -> Figures:
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
                previous_rated=previous[f"{criterion.value}_count"],
                test=criterion_test(current, previous, criterion, rules),
            )
            for criterion in Criterion
        ],
        comments=count_figure(current["comments"], previous["comments"]),
        csat_interval=csat_interval(current, rules),
        previous_csat_interval=csat_interval(previous, rules),
        csat_test=csat_test(current, previous, rules),
    )


def share(part: int, whole: int) -> float | None:
    return _share(part, whole)
