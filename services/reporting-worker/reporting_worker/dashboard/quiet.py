"""The alert for a new or quiet service: too little history of its own to compare with, so its
CSAT over the whole 8 days is set against the agency's other services over the same days, and
it alerts only when the gap is wide, significant and rests on enough responses."""

from collections.abc import Mapping

from reporting_worker.dashboard.schemas import Alert, AlertBasis, Dimension
from reporting_worker.reports.statistics import pooled_z, z_for
from reporting_worker.reports.wording import counted, number, percent

CONFIDENCE = 95.0
Counts = list[int]  # responses, rating_1..rating_5


def _satisfied(counts: Counts) -> int:
    return counts[4] + counts[5]


def quiet_service_alerts(
    window: Mapping[str, Counts],
    baseline: Mapping[str, Counts],
    labels: Mapping[str, str],
    *,
    threshold_pp: float,
    min_responses: int,
) -> list[Alert]:
    """By service key: the 24-hour and the 7-day counts."""
    eight_days = {
        key: [
            a + b for a, b in zip(window.get(key, [0] * 6), baseline.get(key, [0] * 6), strict=True)
        ]
        for key in set(window) | set(baseline)
    }
    everyone = [sum(c[i] for c in eight_days.values()) for i in range(6)]
    z = z_for(CONFIDENCE)
    alerts = []
    for key, own in eight_days.items():
        if baseline.get(key, [0] * 6)[0] >= min_responses or own[0] < min_responses:
            continue  # has its own baseline (the ordinary alert), or too few to say anything
        others = [total - mine for total, mine in zip(everyone, own, strict=True)]
        if others[0] < min_responses:
            continue
        csat = 100 * _satisfied(own) / own[0]
        agency = 100 * _satisfied(others) / others[0]
        statistic = pooled_z(_satisfied(others), others[0], _satisfied(own), own[0])
        if agency - csat < threshold_pp or statistic is None or statistic > -z:
            continue
        gap = round(agency - csat, 1)
        alerts.append(
            Alert(
                dimension=Dimension.SERVICE,
                basis=AlertBasis.AGENCY,
                key=key,
                label=labels[key],
                responses=own[0],
                csat=round(csat, 1),
                baseline_responses=others[0],
                baseline_csat=round(agency, 1),
                drop=gap,
                message=(
                    f"Новая или редкая услуга «{labels[key]}»: CSAT за 8 дней — "
                    f"{percent(round(csat, 1))} ({counted(own[0], 'ответ', 'ответа', 'ответов')}) "
                    f"против {percent(round(agency, 1))} по остальным услугам органа: на "
                    f"{number(gap)} п.п. ниже, различие значимо."
                ),
            )
        )
    return alerts
