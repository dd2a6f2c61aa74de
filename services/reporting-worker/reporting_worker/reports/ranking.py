"""Ranking the parts of a subject (its services; the agencies compared) worst first: by CSAT
pulled toward the subject's so that a service of a few responses cannot top the list by chance,
each with its Wilson interval and the verdict on its change."""

import uuid
from collections import defaultdict
from collections.abc import Mapping

from reporting_worker.reports.figures import (
    Tally,
    add_into,
    average_rating,
    csat,
    csat_interval,
    csat_test,
    empty_tally,
    satisfied,
    summed,
)
from reporting_worker.reports.stat_schemas import RankedRow
from reporting_worker.reports.statistics import DEFAULT_RULES, Rules, shrunk_share


def by_first_key(
    tallies: Mapping[tuple[uuid.UUID, str, str, uuid.UUID], Tally],
) -> dict[uuid.UUID, Tally]:
    grouped: dict[uuid.UUID, Tally] = defaultdict(empty_tally)
    for key, tally in tallies.items():
        add_into(grouped[key[0]], tally)
    return grouped


def ranked(
    current: Mapping[uuid.UUID, Tally],
    previous: Mapping[uuid.UUID, Tally],
    labels: Mapping[uuid.UUID, str],
    rules: Rules = DEFAULT_RULES,
) -> list[RankedRow]:
    """Parts with responses in the period, the lowest smoothed CSAT first."""
    total = summed(current.values())
    prior = satisfied(total) / total["responses"] if total["responses"] else 0.5
    rows = []
    for part, tally in current.items():
        if not tally["responses"]:
            continue
        before = previous.get(part) or empty_tally()
        shrunk = shrunk_share(satisfied(tally), tally["responses"], prior, rules)
        rows.append(
            RankedRow(
                rank=1,
                id=part,
                label=labels.get(part, "Нет в справочнике"),
                responses=tally["responses"],
                previous_responses=before["responses"],
                csat=csat(tally),
                csat_interval=csat_interval(tally, rules),
                csat_shrunk=round(100 * shrunk, 1),
                previous_csat=csat(before),
                average_rating=average_rating(tally),
                change=csat_test(tally, before, rules),
            )
        )
    rows.sort(key=lambda r: (r.csat_shrunk or 0.0, -r.responses, str(r.id)))
    return [row.model_copy(update={"rank": n}) for n, row in enumerate(rows, start=1)]
