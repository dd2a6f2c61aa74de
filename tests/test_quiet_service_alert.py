"""The alert for a new or quiet service compares it with the agency's other services only on
enough responses and a significant gap: a handful of bad ratings is not an alert."""

from reporting_worker.dashboard.quiet import quiet_service_alerts
from reporting_worker.reports.statistics import pooled_z, wilson_at, z_for

LABELS = {"old": "Старая услуга", "new": "Новая услуга"}


def counts(responses: int, satisfied: int) -> list[int]:
    """responses, rating_1..rating_5: the satisfied give 5, the others 1."""
    return [responses, responses - satisfied, 0, 0, 0, satisfied]


def alerts_for(new_window: list[int], new_baseline: list[int] | None = None) -> list[str]:
    window = {"old": counts(30, 27), "new": new_window}
    baseline = {"old": counts(30, 30)} | ({"new": new_baseline} if new_baseline else {})
    found = quiet_service_alerts(window, baseline, LABELS, threshold_pp=10, min_responses=20)
    return [alert.key for alert in found]


def test_a_new_service_far_below_the_agency_on_enough_responses_alerts() -> None:
    assert alerts_for(counts(25, 10)) == ["new"]  # 40 % against 95 % (57 of 60)


def test_a_new_service_with_a_few_bad_ratings_does_not_alert() -> None:
    assert alerts_for(counts(8, 0)) == []  # 0 % but 8 responses, under the minimum of 20


def test_a_gap_that_is_not_significant_does_not_alert() -> None:
    # 21 of 25 (84 %) against 95 %: 11 п.п. over the threshold, but z ≈ −1.7 > −1.96
    assert alerts_for(counts(25, 21)) == []


def test_a_service_with_its_own_baseline_is_left_to_the_ordinary_alert() -> None:
    assert alerts_for(counts(25, 10), counts(25, 25)) == []


def test_wilson_and_the_two_proportion_test_on_known_values() -> None:
    z = z_for(95)
    interval = wilson_at(20, 40, z)
    assert interval is not None
    low, high = interval.low, interval.high
    assert round(z, 2) == 1.96
    assert (round(100 * low, 1), round(100 * high, 1)) == (35.2, 64.8)
    assert wilson_at(0, 0, z) is None
    assert round(pooled_z(20, 40, 32, 40) or 0, 2) == 2.81
