"""The dashboard as a server-rendered Russian page: no scripts, no external assets, refreshed by
the browser itself (`<meta http-equiv="refresh">`)."""

from datetime import datetime
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from otklik_shared.measures import MOSCOW
from reporting_worker.dashboard.schemas import Dashboard
from reporting_worker.reports.wording import number

REFRESH_SECONDS = 60
BASIS_LABELS = {"own_baseline": "к 7 дням до", "agency": "к остальным услугам органа"}
NO_VALUE = "—"


def _pct(value: float | None) -> str:
    return NO_VALUE if value is None else f"{number(value)} %"


def _pp(value: float | None) -> str:
    if value is None:
        return NO_VALUE
    sign = "+" if value > 0 else ("−" if value < 0 else "")
    return f"{sign}{number(abs(value))} п.п."


def _score(value: float | None) -> str:
    return NO_VALUE if value is None else number(value, 2)


def _tone(value: float | None) -> str:
    if value is None or value == 0:
        return ""
    return "better" if value > 0 else "worse"


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("reporting_worker.dashboard", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(pct=_pct, pp=_pp, score=_score, tone=_tone)
    return environment


def _moscow(moment: datetime, pattern: str = "%d.%m.%Y %H:%M") -> str:
    return moment.astimezone(MOSCOW).strftime(pattern) + " (МСК)"


def render_page(dashboard: Dashboard, *, scope: str, session_until: datetime) -> bytes:
    peak = max((p.responses for p in dashboard.hourly), default=0)
    hourly = [
        {
            "label": point.hour.astimezone(MOSCOW).strftime("%H:00"),
            "responses": point.responses,
            "height": round(100 * point.responses / peak) if peak else 0,
        }
        for point in dashboard.hourly
    ]
    tables = [
        {"key": "services", "title": "По услугам", "first": "Услуга", "rows": dashboard.by_service},
        {"key": "stages", "title": "По этапам", "first": "Этап", "rows": dashboard.by_stage},
        {"key": "channels", "title": "По каналам", "first": "Канал", "rows": dashboard.by_channel},
    ]
    return (
        _environment()
        .get_template("dashboard.html.j2")
        .render(
            scope=scope,
            window=f"{_moscow(dashboard.window_from)} – {_moscow(dashboard.window_to)}",
            generated=_moscow(dashboard.generated_at),
            refresh_seconds=REFRESH_SECONDS,
            total=dashboard.total,
            alerts=dashboard.alerts,
            basis_labels=BASIS_LABELS,
            threshold=number(dashboard.threshold_pp),
            min_responses=dashboard.min_responses,
            hourly=hourly,
            hourly_text="; ".join(f"{h['label']} — {h['responses']}" for h in hourly),
            tables=tables,
            session_until=_moscow(session_until),
        )
        .encode()
    )
