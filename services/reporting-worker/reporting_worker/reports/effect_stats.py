"""Intervals and tests for the effect of measures: Wilson score intervals of a share and the
two-proportion z-test (pooled), both at a normal quantile."""

import math
from statistics import NormalDist


def z_for(confidence: float) -> float:
    """Two-sided normal quantile of a confidence level in %, e.g. 95 → 1.96."""
    return NormalDist().inv_cdf(0.5 + confidence / 200)


def wilson(successes: int, n: int, z: float) -> tuple[float, float] | None:
    """The Wilson score interval of successes/n as fractions; None with no observations."""
    if n == 0:
        return None
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def two_proportion_z(x1: int, n1: int, x2: int, n2: int) -> float | None:
    """z of p2 − p1 under the pooled null; None when a side is empty or the pool is 0 or 1."""
    if n1 == 0 or n2 == 0:
        return None
    pooled = (x1 + x2) / (n1 + n2)
    spread = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    if spread == 0:
        return None
    return (x2 / n2 - x1 / n1) / spread
