"""The figures the source documents define, computed in one place for every service.

CSAT (удовлетворенность) is the share of ratings 4–5 among all ratings (docs/ARCHITECTURE.md,
"Rules from the documents"). Dates and days of the documents are Moscow's: Moscow keeps
UTC+3 all year (no daylight saving since 2014), so a fixed offset is exact and cheap."""

from collections.abc import Mapping
from datetime import timedelta, timezone

MOSCOW = timezone(timedelta(hours=3))
SATISFIED_RATINGS = (4, 5)


def satisfied_fraction(by_rating: Mapping[int, int], responses: int) -> float | None:
    """The share (0–1) of ratings 4–5; `by_rating` maps a rating to its count."""
    if not responses:
        return None
    return sum(by_rating.get(rating, 0) for rating in SATISFIED_RATINGS) / responses


def csat_percent(by_rating: Mapping[int, int], responses: int) -> float | None:
    """CSAT, %, to one decimal; None without responses."""
    fraction = satisfied_fraction(by_rating, responses)
    return None if fraction is None else round(100 * fraction, 1)
