"""The report's statistics module, pure: known values of the Wilson interval and the z-tests,
the verdicts on volume, and the smoothing that keeps a small cell near the subject's mean."""

import pytest

from reporting_worker.reports.statistics import (
    Rules,
    Verdict,
    proportion_change,
    score_change,
    shrunk_share,
    wilson,
)


def test_wilson_interval_matches_the_textbook_values() -> None:
    # 81 of 263 at 95 %: 0.2553–0.3662 (Wilson 1927, as tabulated by Newcombe 1998)
    interval = wilson(81, 263)
    assert interval is not None
    assert (round(interval.low, 4), round(interval.high, 4)) == (0.2553, 0.3662)
    # all successes still leave room below 1; no trials: no interval
    full = wilson(10, 10)
    assert full is not None
    assert full.high == 1.0
    assert full.low == pytest.approx(0.7225, abs=1e-4)
    assert wilson(0, 0) is None


def test_the_level_widens_the_interval() -> None:
    narrow, wide = wilson(50, 100, Rules(level=0.9)), wilson(50, 100, Rules(level=0.99))
    assert narrow is not None
    assert wide is not None
    assert wide.low < narrow.low < 0.5 < narrow.high < wide.high
    assert Rules(level=0.95).z == pytest.approx(1.959964, abs=1e-6)


def test_a_large_drop_on_eight_responses_is_too_few_to_compare() -> None:
    # −25 п.п.: 6 of 8 now against 100 % of 8 before
    test = proportion_change(6, 8, 8, 8)
    assert test.verdict == Verdict.TOO_FEW
    assert test.weight == pytest.approx(-2.0)


def test_a_moderate_change_on_two_thousand_responses_is_significant() -> None:
    # 75 % of 2000 against 80 % of 2000: z ≈ −3.8
    test = proportion_change(1500, 2000, 1600, 2000)
    assert test.verdict == Verdict.SIGNIFICANT
    assert test.p_value is not None
    assert test.p_value < 0.001
    assert test.weight == pytest.approx(-100.0)


def test_a_small_change_on_enough_responses_is_not_significant() -> None:
    test = proportion_change(78, 100, 80, 100)
    assert test.verdict == Verdict.NOT_SIGNIFICANT
    # pooled 0.79, z = 0.02 / √(0.79 × 0.21 × 0.02) ≈ 0.347
    assert test.p_value == pytest.approx(0.7284, abs=1e-3)


def test_the_minimum_volume_is_a_setting() -> None:
    assert proportion_change(6, 8, 8, 8, Rules(min_responses=5)).verdict == (
        Verdict.NOT_SIGNIFICANT
    )
    assert proportion_change(0, 0, 5, 10).verdict == Verdict.NO_DATA


def test_an_average_score_change_uses_the_largest_variance_the_scale_allows() -> None:
    # 3.0 against 4.4 on 5 ratings: too few; on 200 each: significant
    assert score_change(3.0, 5, 4.4, 5).verdict == Verdict.TOO_FEW
    large = score_change(3.0, 200, 4.4, 200)
    assert large.verdict == Verdict.SIGNIFICANT
    assert large.weight == pytest.approx(-70.0)  # −1.4 of a 4-point scale × 200
    # 4.0 against 4.1 on 100 each: variance bound (3 × 1, 3.1 × 0.9) keeps it within chance
    assert score_change(4.0, 100, 4.1, 100).verdict == Verdict.NOT_SIGNIFICANT


def test_smoothing_puts_three_responses_below_three_hundred_with_a_bit_better_csat() -> None:
    prior = 0.8
    small = shrunk_share(1, 3, prior)  # raw 33.3 %
    large = shrunk_share(110, 300, prior)  # raw 36.7 %
    assert small > large  # the small cell looks better once smoothed: it cannot lead the map
    assert small == pytest.approx((1 + 20 * 0.8) / 23)
    assert shrunk_share(0, 0, prior) == prior
    assert shrunk_share(1, 3, prior, Rules(prior_weight=0)) == pytest.approx(1 / 3)
