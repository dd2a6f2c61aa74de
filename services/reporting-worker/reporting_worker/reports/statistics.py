"""The statistics of the report, pure: Wilson intervals of a share, the two-proportion z-test of
a change of CSAT or of a share, a conservative z-test of a change of an average score (1–5),
and additive smoothing of a CSAT toward the subject's.

A change is a finding only when both periods hold at least `min_responses` and the test rejects
«no change» at the configured level; the verdict says which of the three it is so the text can
say «мало ответов» plainly instead of a change sentence."""

import math
from dataclasses import dataclass
from enum import StrEnum
from statistics import NormalDist

SCORE_LOW, SCORE_HIGH = 1.0, 5.0


class Verdict(StrEnum):
    SIGNIFICANT = "significant"
    NOT_SIGNIFICANT = "not_significant"
    TOO_FEW = "too_few"
    # one of the periods has no responses at all
    NO_DATA = "no_data"


@dataclass(frozen=True, slots=True)
class Rules:
    """How strict the comparisons are (ReportingSettings); the defaults are the documented ones."""

    level: float = 0.95
    min_responses: int = 30
    prior_weight: float = 20.0

    @property
    def z(self) -> float:
        """The two-sided critical value of the level: 1.96 for 95 %."""
        return NormalDist().inv_cdf(0.5 + self.level / 2)


DEFAULT_RULES = Rules()


@dataclass(frozen=True, slots=True)
class Interval:
    low: float
    high: float


def z_for(confidence: float) -> float:
    """The two-sided normal quantile of a confidence level in %, e.g. 95 → 1.96."""
    return Rules(level=confidence / 100).z


def wilson_at(successes: int, trials: int, z: float) -> Interval | None:
    """The Wilson score interval of a share successes / trials at the quantile z, as fractions."""
    if trials <= 0:
        return None
    n = trials
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return Interval(max(0.0, centre - half), min(1.0, centre + half))


def wilson(successes: int, trials: int, rules: Rules = DEFAULT_RULES) -> Interval | None:
    """The Wilson score interval of a share successes / trials, as fractions 0–1."""
    return wilson_at(successes, trials, rules.z)


def pooled_z(part_before: int, n_before: int, part_now: int, n_now: int) -> float | None:
    """z of the change of part/n from before to now under the pooled null; None when a side is
    empty or the pool is all one answer."""
    if n_now <= 0 or n_before <= 0:
        return None
    pooled = (part_now + part_before) / (n_now + n_before)
    spread = math.sqrt(pooled * (1 - pooled) * (1 / n_now + 1 / n_before))
    if spread == 0:
        return None
    return (part_now / n_now - part_before / n_before) / spread


@dataclass(frozen=True, slots=True)
class Test:
    verdict: Verdict
    p_value: float | None
    # the current period's volume times the change of the share (or of the score on its scale,
    # see score_change): how many citizens more (+) or fewer (−) the change concerns
    weight: float


def _verdict(p_value: float, n_now: int, n_before: int, rules: Rules) -> Verdict:
    if min(n_now, n_before) < rules.min_responses:
        return Verdict.TOO_FEW
    return Verdict.SIGNIFICANT if p_value < 1 - rules.level else Verdict.NOT_SIGNIFICANT


def _two_sided(z: float) -> float:
    return 2 * (1 - NormalDist().cdf(abs(z)))


def proportion_change(
    part_now: int, n_now: int, part_before: int, n_before: int, rules: Rules = DEFAULT_RULES
) -> Test:
    """Two-proportion z-test (pooled) of part/n now against before; weight in `part`s."""
    if n_now <= 0 or n_before <= 0:
        return Test(Verdict.NO_DATA, None, 0.0)
    p_now, p_before = part_now / n_now, part_before / n_before
    weight = (p_now - p_before) * n_now
    z = pooled_z(part_before, n_before, part_now, n_now)
    # no spread: everyone answered alike in both periods
    p_value = (1.0 if p_now == p_before else 0.0) if z is None else _two_sided(z)
    return Test(_verdict(p_value, n_now, n_before, rules), p_value, weight)


def _score_variance(mean: float) -> float:
    # the largest variance a score bounded by 1 and 5 with this mean can have (Bhatia–Davis):
    # the aggregates keep sums and counts, not squares, so the test is conservative
    return max((mean - SCORE_LOW) * (SCORE_HIGH - mean), 0.0)


def score_change(
    mean_now: float, n_now: int, mean_before: float, n_before: int, rules: Rules = DEFAULT_RULES
) -> Test:
    """z-test of a change of an average score, with each side's variance bounded from above;
    weight = the change as a share of the 1–5 scale times the current volume."""
    if n_now <= 0 or n_before <= 0:
        return Test(Verdict.NO_DATA, None, 0.0)
    weight = (mean_now - mean_before) / (SCORE_HIGH - SCORE_LOW) * n_now
    spread = math.sqrt(_score_variance(mean_now) / n_now + _score_variance(mean_before) / n_before)
    if spread == 0:
        p_value = 1.0 if mean_now == mean_before else 0.0
    else:
        p_value = _two_sided((mean_now - mean_before) / spread)
    return Test(_verdict(p_value, n_now, n_before, rules), p_value, weight)


def shrunk_share(successes: int, trials: int, prior: float, rules: Rules = DEFAULT_RULES) -> float:
    """A share pulled toward `prior` (0–1) as if `prior_weight` more trials had given the prior:
    a cell of 3 responses stays near the subject's CSAT, one of 300 keeps its own."""
    weight = rules.prior_weight
    if trials + weight <= 0:
        return prior
    return (successes + weight * prior) / (trials + weight)
