"""The live dashboard: the last 24 hourly buckets against the 7 days before them, and alerts
where CSAT fell further than the threshold on enough responses."""

import uuid
from collections import defaultdict
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from otklik_kit.auth.keys import Principal
from otklik_kit.errors import NotFound
from otklik_shared.measures import SATISFIED_RATINGS, csat_percent
from reporting_worker.aggregates.hourly import hour_of
from reporting_worker.dashboard import repository
from reporting_worker.dashboard.quiet import quiet_service_alerts
from reporting_worker.dashboard.repository import HourKey
from reporting_worker.dashboard.schemas import (
    Alert,
    Dashboard,
    Dimension,
    HourPoint,
    LiveFigures,
    LiveRow,
)
from reporting_worker.directory.models import KnownAgency, KnownService
from reporting_worker.reports.sections import channel_label, stage_label
from reporting_worker.reports.wording import counted, number, percent

WINDOW_HOURS = 24
BASELINE_DAYS = 7
Counts = list[int]  # responses, rating_1..rating_5


def _csat(counts: Counts) -> float | None:
    return csat_percent({rating: counts[rating] for rating in SATISFIED_RATINGS}, counts[0])


def _average(counts: Counts) -> float | None:
    return round(sum(r * counts[r] for r in range(1, 6)) / counts[0], 2) if counts[0] else None


def _figures(window: Counts, baseline: Counts) -> LiveFigures:
    csat, before = _csat(window), _csat(baseline)
    return LiveFigures(
        responses=window[0],
        csat=csat,
        average_rating=_average(window),
        baseline_responses=baseline[0],
        baseline_csat=before,
        change=round(csat - before, 1) if csat is not None and before is not None else None,
    )


def _grouped(rows: Mapping[HourKey, Counts], key: Callable[[HourKey], str]) -> dict[str, Counts]:
    grouped: dict[str, Counts] = defaultdict(lambda: [0] * 6)
    for row_key, counts in rows.items():
        total = grouped[key(row_key)]
        for position, value in enumerate(counts):
            total[position] += value
    return grouped


def _rows(
    window: Mapping[HourKey, Counts],
    baseline: Mapping[HourKey, Counts],
    key: Callable[[HourKey], str],
    label: Callable[[str], str],
) -> list[LiveRow]:
    now, before = _grouped(window, key), _grouped(baseline, key)
    rows = [
        LiveRow(
            key=k,
            label=label(k),
            **_figures(now.get(k, [0] * 6), before.get(k, [0] * 6)).model_dump(),
        )
        for k in set(now) | set(before)
    ]
    return sorted(rows, key=lambda row: (-row.responses, -row.baseline_responses, row.key))


_SUBJECTS = {
    Dimension.OVERALL: "в целом",
    Dimension.SERVICE: "по услуге",
    Dimension.STAGE: "по этапу",
    Dimension.CHANNEL: "в канале",
}


def _alert(dimension: Dimension, row: LiveRow, threshold: float, minimum: int) -> Alert | None:
    if row.csat is None or row.baseline_csat is None or row.change is None:
        return None
    if row.responses < minimum or row.baseline_responses < minimum or -row.change < threshold:
        return None
    where = _SUBJECTS[dimension] + ("" if dimension == Dimension.OVERALL else f" «{row.label}»")
    message = (
        f"CSAT {where} за 24 часа — {percent(row.csat)} против {percent(row.baseline_csat)} за "
        f"предыдущие 7 дней: на {number(-row.change)} п.п. ниже "
        f"({counted(row.responses, 'ответ', 'ответа', 'ответов')})."
    )
    return Alert(
        dimension=dimension,
        key=row.key,
        label=row.label,
        responses=row.responses,
        csat=row.csat,
        baseline_responses=row.baseline_responses,
        baseline_csat=row.baseline_csat,
        drop=-row.change,
        message=message,
    )


def _service_key(key: HourKey) -> str:
    return str(key[1])


async def check_visible(
    session: AsyncSession,
    principal: Principal,
    *,
    agency_id: uuid.UUID | None,
    service_id: uuid.UUID | None,
) -> uuid.UUID | None:
    """The agency filter to apply; 404 for an agency or service the key may not see."""
    if agency_id is not None and (
        not principal.sees_agency(agency_id) or await session.get(KnownAgency, agency_id) is None
    ):
        raise NotFound(f"No agency {agency_id}")
    if service_id is not None:
        service = await session.get(KnownService, service_id)
        if service is None or not principal.sees_agency(service.agency_id):
            raise NotFound(f"No service {service_id}")
        if agency_id is not None and service.agency_id != agency_id:
            raise NotFound(f"No service {service_id} in agency {agency_id}")
    return agency_id or principal.agency_id


async def dashboard(
    session: AsyncSession,
    principal: Principal,
    *,
    agency_id: uuid.UUID | None,
    service_id: uuid.UUID | None,
    threshold_pp: float,
    min_responses: int,
    now: datetime | None = None,
) -> Dashboard:
    now = now or datetime.now(UTC)
    agency_id = await check_visible(session, principal, agency_id=agency_id, service_id=service_id)
    window_from = hour_of(now) - timedelta(hours=WINDOW_HOURS - 1)
    baseline_from = window_from - timedelta(days=BASELINE_DAYS)
    rows = await repository.hourly_rows(
        session,
        agency_id=agency_id,
        service_id=service_id,
        start=baseline_from,
        end=hour_of(now) + timedelta(hours=1),
    )
    window = {k: v for k, v in rows.items() if k[0] >= window_from}
    baseline = {k: v for k, v in rows.items() if k[0] < window_from}
    titles = await repository.service_titles(session, {k[1] for k in rows})
    total = _figures(_grouped(window, lambda _: "")[""], _grouped(baseline, lambda _: "")[""])
    by_service = _rows(
        window,
        baseline,
        _service_key,
        lambda key: titles.get(uuid.UUID(key), "Без указания услуги"),
    )
    by_stage = _rows(window, baseline, lambda k: k[2], stage_label)
    by_channel = _rows(window, baseline, lambda k: k[3], channel_label)
    hours = _grouped(window, lambda k: k[0].isoformat())
    overall = LiveRow(key="", label="Все обращения", **total.model_dump())
    candidates = [(Dimension.OVERALL, overall)] + [
        (dimension, row)
        for dimension, rows_of in (
            (Dimension.SERVICE, by_service),
            (Dimension.STAGE, by_stage),
            (Dimension.CHANNEL, by_channel),
        )
        for row in rows_of
    ]
    alerts = [
        alert
        for dimension, row in candidates
        if (alert := _alert(dimension, row, threshold_pp, min_responses)) is not None
    ]
    if service_id is None:
        alerts += quiet_service_alerts(
            _grouped(window, _service_key),
            _grouped(baseline, _service_key),
            {row.key: row.label for row in by_service},
            threshold_pp=threshold_pp,
            min_responses=min_responses,
        )
    return Dashboard(
        generated_at=now,
        window_from=window_from,
        window_to=now,
        baseline_from=baseline_from,
        agency_id=agency_id,
        service_id=service_id,
        threshold_pp=threshold_pp,
        min_responses=min_responses,
        total=total,
        by_service=by_service,
        by_stage=by_stage,
        by_channel=by_channel,
        hourly=[
            HourPoint(
                hour=window_from + timedelta(hours=n),
                responses=hours.get((window_from + timedelta(hours=n)).isoformat(), [0] * 6)[0],
                csat=_csat(hours.get((window_from + timedelta(hours=n)).isoformat(), [0] * 6)),
            )
            for n in range(WINDOW_HOURS)
        ],
        alerts=sorted(alerts, key=lambda a: (-a.drop, a.dimension.value, a.key)),
    )
