"""Report periods: a calendar month (Moscow) by default, or explicit dates; the previous period
is the previous calendar month for a whole month, else as many days just before."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from otklik_shared.measures import MOSCOW
from reporting_worker.reports.schemas import ReportPeriod

MONTHS = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)


@dataclass(frozen=True, slots=True)
class Period:
    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def each_day(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range(self.days)]

    @property
    def is_calendar_month(self) -> bool:
        return self.first.day == 1 and self == month_period(self.first.year, self.first.month)

    def previous(self) -> "Period":
        if self.is_calendar_month:
            before = self.first - timedelta(days=1)
            return month_period(before.year, before.month)
        return Period(self.first - timedelta(days=self.days), self.first - timedelta(days=1))

    @property
    def label(self) -> str:
        if self.is_calendar_month:
            return f"{MONTHS[self.first.month - 1]} {self.first.year} г."
        return f"{self.first:%d.%m.%Y} – {self.last:%d.%m.%Y}"

    def in_progress(self, today: date | None) -> bool:
        return today is not None and self.first <= today <= self.last

    def schema(self, today: date | None = None) -> ReportPeriod:
        """`today` (Moscow) marks a period still in progress «неполный месяц»."""
        label = self.label
        if self.in_progress(today):
            label += " (неполный месяц)" if self.is_calendar_month else " (неполный период)"
        return ReportPeriod(
            date_from=self.first,
            date_to=self.last,
            days=self.days,
            label=label,
            incomplete=self.in_progress(today),
        )


def month_period(year: int, month: int) -> Period:
    first = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return Period(first, following - timedelta(days=1))


def previous_month(now: datetime) -> Period:
    """The last whole month before `now`, in Moscow."""
    today = now.astimezone(MOSCOW).date()
    before = today.replace(day=1) - timedelta(days=1)
    return month_period(before.year, before.month)
