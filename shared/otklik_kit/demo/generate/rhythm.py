"""When feedback happens: the days of the window, a weekly rhythm with holidays and slow growth,
and the hours of a day (offices keep office hours; portals are busiest in the evening)."""

import random
from datetime import date, datetime, time, timedelta

from otklik_shared.measures import MOSCOW

# Monday first: offices and portals are busiest early in the week, quiet on Sunday
WEEKDAY_FACTOR = (1.15, 1.2, 1.15, 1.1, 1.0, 0.55, 0.3)
# non-working public holidays (month, day)
HOLIDAYS = frozenset(
    {(1, d) for d in range(1, 9)} | {(2, 23), (3, 8), (5, 1), (5, 9), (6, 12), (11, 4)}
)
# people rate more as the collection of feedback becomes known: +25 % over the window
GROWTH = 0.25
OFFICE_HOURS = {9: 4, 10: 9, 11: 10, 12: 8, 13: 5, 14: 8, 15: 9, 16: 8, 17: 6, 18: 4, 19: 2}
ONLINE_HOURS = {
    **dict.fromkeys(range(0, 7), 1),
    **{7: 2, 8: 4, 9: 6, 10: 7, 11: 7, 12: 7, 13: 6, 14: 6, 15: 6, 16: 6, 17: 6},
    **{18: 7, 19: 8, 20: 9, 21: 9, 22: 6, 23: 3},
}


def months_before(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    return date(year, month + 1, min(day.day, 28))


def window_days(end: datetime, months: int) -> list[date]:
    """Moscow days from the same day `months` months before `end` up to `end`'s day."""
    last = end.astimezone(MOSCOW).date()
    first = months_before(last, months)
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def month_offset(day: date, current: date) -> int:
    """0 for the current month, -1 for the previous one, and so on."""
    return (day.year - current.year) * 12 + day.month - current.month


def day_weight(day: date, progress: float, rng: random.Random) -> float:
    """Relative volume of a day; `progress` runs from 0 (first day) to 1 (last)."""
    holiday = 0.35 if (day.month, day.day) in HOLIDAYS else 1.0
    return (
        WEEKDAY_FACTOR[day.weekday()]
        * holiday
        * (1 + GROWTH * progress)
        * rng.lognormvariate(0, 0.1)
    )


def moment(rng: random.Random, day: date, *, in_person: bool, until: datetime) -> datetime:
    """A moment of the day in Moscow time, before `until`."""
    hours = OFFICE_HOURS if in_person else ONLINE_HOURS
    latest = until.astimezone(MOSCOW)
    if day == latest.date():
        hours = {h: w for h, w in hours.items() if h <= latest.hour} or {0: 1}
    hour = rng.choices(list(hours), weights=list(hours.values()))[0]
    at = datetime.combine(day, time(hour, rng.randrange(60), rng.randrange(60)), MOSCOW)
    return min(at, latest - timedelta(seconds=rng.randrange(60, 3600)))
