"""Dates and moments in query strings: strings of their own form only, one schema each.

pydantic's lax mode reads a number as a Unix time (`received_to=0.5` was 1970-01-01T00:00:00.5Z):
these types refuse anything but a date or an RFC 3339 date-time, with a 422 naming the
parameter. `QueryMoment` takes either, as one `type: string` with a pattern in the spec (a union
of formats is what Java's generated clients cannot send)."""

import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, WithJsonSchema

from otklik_shared.measures import MOSCOW

DATE = r"\d{4}-\d{2}-\d{2}"
CLOCK = r"\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?"
ZONE = r"([Zz]|[+-]\d{2}:\d{2})"
DATE_PATTERN = f"^{DATE}$"
DATE_TIME_PATTERN = f"^{DATE}[Tt ]{CLOCK}{ZONE}?$"
MOMENT_PATTERN = f"^{DATE}([Tt ]{CLOCK}{ZONE}?)?$"
MOMENT_DOC = (
    "A date YYYY-MM-DD (that Moscow day from its start) or an RFC 3339 date-time, e.g. "
    "2026-08-31 or 2026-08-31T12:00:00+03:00; without a time zone it is Moscow time (UTC+3)"
)
# what the database stores; a bound beyond it would overflow the period arithmetic (a 500 once):
# such a bound means "from the beginning" or "to the end"
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(9000, 1, 1, tzinfo=UTC)
_DATE = re.compile(DATE_PATTERN)
_DATE_TIME = re.compile(DATE_TIME_PATTERN)


def _date_string(value: Any) -> Any:
    if isinstance(value, str) and not _DATE.match(value):
        raise ValueError("Expected a date YYYY-MM-DD")
    return value


def _date_time_string(value: Any) -> Any:
    if isinstance(value, str) and not _DATE_TIME.match(value):
        raise ValueError("Expected an RFC 3339 date-time, e.g. 2026-08-31T12:00:00+03:00")
    return value


def moment(value: Any) -> Any:
    """A date as its Moscow midnight, a date-time without a zone as Moscow time."""
    if not isinstance(value, str):
        return value
    if _DATE.match(value):
        return datetime.combine(date.fromisoformat(value), time.min, MOSCOW)
    if not _DATE_TIME.match(value):
        raise ValueError("Expected a date YYYY-MM-DD or an RFC 3339 date-time")
    parsed = datetime.fromisoformat(value.replace("z", "Z"))
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=MOSCOW)


def within_calendar(moment: datetime) -> datetime:
    return min(max(moment, EARLIEST), LATEST)


def _calendar_bound(value: datetime | None) -> datetime | None:
    """A moment beyond the stored calendar as the calendar's end: an open-ended bound."""
    return None if value is None else within_calendar(value)


QueryDate = Annotated[date, BeforeValidator(_date_string)]
# a route that compares its bounds first clamps them after (`within_calendar`)
QueryDateTime = Annotated[datetime, BeforeValidator(_date_time_string)]
# optional by nature (an absent bound): its schema is the one string, no null alternative
QueryMoment = Annotated[
    datetime | None,
    BeforeValidator(moment),
    AfterValidator(_calendar_bound),
    WithJsonSchema({"type": "string", "pattern": MOMENT_PATTERN}),
]


def moscow_days(first: date, last: date) -> tuple[datetime, datetime]:
    """From the first day's Moscow midnight to the midnight after the last day, both within the
    calendar the database keeps."""
    start = datetime.combine(max(first, EARLIEST.date()), time(), MOSCOW)
    after = datetime.combine(min(last, LATEST.date()) + timedelta(days=1), time(), MOSCOW)
    return within_calendar(start), within_calendar(after)
