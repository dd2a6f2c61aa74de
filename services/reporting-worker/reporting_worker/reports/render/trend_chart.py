"""The 12-month trend chart: responses per month as bars, CSAT as a line with its interval as a
band, and the months of a significant change marked."""

import math
from collections.abc import Sequence

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from reporting_worker.reports.render.charts import Chart, _figure, _percent
from reporting_worker.reports.render.style import INK, PRIMARY, RATING_COLORS, SECONDARY
from reporting_worker.reports.stat_schemas import TrendPoint
from reporting_worker.reports.statistics import Verdict

SHORT_MONTHS = ("янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")


def _nan(value: float | None) -> float:
    return math.nan if value is None else value


def month_tick(point: TrendPoint) -> str:
    tick = f"{SHORT_MONTHS[point.month.month - 1]}\n{point.month:%y}"
    return tick + "*" if point.incomplete else tick


def monthly_trend(points: Sequence[TrendPoint]) -> Chart:
    def draw() -> Figure:
        figure = _figure(2.9)
        axes = figure.add_subplot()
        offsets = list(range(len(points)))
        axes.bar(
            offsets, [p.responses for p in points], color=SECONDARY, width=0.7, label="Ответов"
        )
        axes.set_ylabel("Ответов за месяц")
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_ylim(0, max(max((p.responses for p in points), default=0), 1) * 1.25)
        share = axes.twinx()
        share.spines["right"].set_visible(True)
        low = [_nan(p.csat_interval.low if p.csat_interval else None) for p in points]
        high = [_nan(p.csat_interval.high if p.csat_interval else None) for p in points]
        share.fill_between(offsets, low, high, color=PRIMARY, alpha=0.15, linewidth=0)
        share.plot(
            offsets,
            [_nan(p.csat) for p in points],
            color=PRIMARY,
            marker="o",
            markersize=3,
            linewidth=1.6,
            label="CSAT",
        )
        for n, point in enumerate(points):
            if point.change.verdict == Verdict.SIGNIFICANT and point.csat is not None:
                color = RATING_COLORS[4] if point.change.weight > 0 else RATING_COLORS[0]
                share.plot([n], [point.csat], marker="D", markersize=7, color=color, zorder=5)
        share.set_ylim(0, 105)
        share.yaxis.set_major_formatter(FuncFormatter(_percent))
        share.set_ylabel("CSAT")
        axes.set_xticks(offsets, [month_tick(p) for p in points], color=INK, fontsize=8)
        axes.set_xlim(-0.7, len(points) - 0.3)
        handles = [*axes.get_legend_handles_labels()[0], *share.get_legend_handles_labels()[0]]
        axes.legend(handles=handles, loc="upper left", fontsize=8, frameon=False, ncols=2)
        return figure

    marked = [p.label for p in points if p.change.verdict == Verdict.SIGNIFICANT]
    description = "Ответы и CSAT по месяцам за 12 месяцев" + (
        f"; значимые изменения: {', '.join(marked)}" if marked else ""
    )
    return Chart(draw, description)
