"""The report's charts, drawn once with matplotlib: SVG for the page, PNG for the PDF.

Figures are built with the object API (no pyplot, no global figure registry); matplotlib's
font cache is not thread-safe, so drawing is serialised — reports render in worker threads.
"""

import io
import math
import textwrap
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property

import matplotlib

matplotlib.use("Agg")  # before anything imports a backend: no display, no GUI toolkit

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from reporting_worker.reports.render.style import (
    INK,
    MUTED,
    NO_DATA,
    PRIMARY,
    RATING_COLORS,
    SECONDARY,
    csat_color,
    score_color,
)

_DRAWING = threading.RLock()
WIDTH_INCHES = 7.2
LABEL_WIDTH = 34  # characters per line of a category label

matplotlib.rcParams.update(
    {
        "font.family": "DejaVu Sans",  # ships with matplotlib and covers Cyrillic
        "font.size": 9,
        "axes.edgecolor": MUTED,
        "axes.labelcolor": INK,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "xtick.color": INK,
        "ytick.color": INK,
        "svg.fonttype": "path",  # glyphs as outlines: the page looks the same without the font
        "svg.hashsalt": "otklik-report",  # stable element ids: the same report, the same bytes
        "pdf.fonttype": 42,
    }
)


@dataclass(frozen=True)
class Chart:
    """A chart, drawn when first needed (the workbook needs none), and the text a screen reader
    reads instead."""

    draw: Callable[[], Figure]
    description: str

    @cached_property
    def figure(self) -> Figure:
        with _DRAWING:
            return self.draw()

    def svg(self) -> str:
        buffer = io.StringIO()
        with _DRAWING:
            self.figure.savefig(buffer, format="svg", metadata={"Date": None})
        return buffer.getvalue()

    def png(self, dpi: int = 200) -> bytes:
        buffer = io.BytesIO()
        with _DRAWING:
            self.figure.savefig(buffer, format="png", dpi=dpi)
        return buffer.getvalue()


def _figure(height: float) -> Figure:
    return Figure(figsize=(WIDTH_INCHES, height), layout="constrained", facecolor="white")


def _wrap(label: str) -> str:
    return "\n".join(textwrap.wrap(label, LABEL_WIDTH, max_lines=2, placeholder="…")) or label


def _percent(value: float, _position: object = None) -> str:
    return f"{value:.0f} %"


def rating_distribution(counts: Sequence[int]) -> Chart:
    """Bars for the ratings 1–5, each labelled with its count and share."""

    def draw() -> Figure:
        total = sum(counts) or 1
        figure = _figure(2.6)
        axes = figure.add_subplot()
        grades = [str(grade) for grade in range(1, len(counts) + 1)]
        bars = axes.bar(grades, counts, color=RATING_COLORS[: len(counts)], width=0.62)
        axes.bar_label(
            bars,
            labels=[f"{count}\n{count / total:.0%}".replace("%", " %") for count in counts],
            padding=2,
            fontsize=8,
            color=INK,
        )
        axes.set_xlabel("Оценка")
        axes.set_ylabel("Ответов")
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_ylim(0, max(max(counts, default=0), 1) * 1.3)
        return figure

    shares = ", ".join(f"{grade}: {count}" for grade, count in enumerate(counts, start=1))
    return Chart(draw, f"Распределение оценок — {shares}")


def horizontal_bars(
    labels: Sequence[str],
    values: Sequence[float | None],
    *,
    kind: str,
    description: str,
) -> Chart:
    """One bar per label, top to bottom in the given order; `kind` picks the scale and colours:
    "csat" (percent 0–100), "score" (average 1–5) or "count"."""

    def draw() -> Figure:
        shown = [0.0 if value is None else value for value in values]
        figure = _figure(0.5 + 0.36 * max(len(labels), 1))
        axes = figure.add_subplot()
        positions = range(len(labels))
        if kind == "csat":
            plotted = shown
            colors = [csat_color(value) for value in values]
            texts = ["нет данных" if v is None else f"{v:.0f} %" for v in values]
            axes.set_xlim(0, 112)
            axes.xaxis.set_major_formatter(FuncFormatter(_percent))
        elif kind == "score":
            plotted = shown
            colors = [score_color(value) for value in values]
            texts = ["нет данных" if v is None else f"{v:.2f}".replace(".", ",") for v in values]
            axes.set_xlim(0, 5.6)
            axes.set_xticks([0, 1, 2, 3, 4, 5])
        else:
            plotted = shown
            colors = [PRIMARY] * len(labels)
            texts = [f"{v:.0f}" for v in shown]
            axes.set_xlim(0, max(max(plotted, default=0), 1) * 1.18)
            axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        bars = axes.barh(list(positions), plotted, color=colors, height=0.62)
        axes.bar_label(bars, labels=texts, padding=3, fontsize=8, color=INK)
        axes.set_yticks(list(positions), [_wrap(label) for label in labels], fontsize=8)
        axes.invert_yaxis()
        return figure

    return Chart(draw, description)


def daily_series(
    days: Sequence[date], responses: Sequence[int], csat: Sequence[float | None]
) -> Chart:
    """Responses per day as bars, CSAT per day as a line on its own axis."""

    def draw() -> Figure:
        figure = _figure(2.8)
        axes = figure.add_subplot()
        # days as offsets from the first: no date units, labels «дд.мм» without locale month names
        offsets = list(range(len(days)))
        axes.bar(offsets, responses, color=SECONDARY, width=0.8, label="Ответов")
        axes.set_ylabel("Ответов за день")
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        share_axes = axes.twinx()
        share_axes.spines["right"].set_visible(True)
        share_axes.plot(
            offsets,
            [
                math.nan if value is None else value for value in csat
            ],  # a day without answers: a gap
            color=PRIMARY,
            marker="o",
            markersize=3,
            linewidth=1.6,
            label="CSAT",
        )
        share_axes.set_ylim(0, 105)
        share_axes.yaxis.set_major_formatter(FuncFormatter(_percent))
        share_axes.set_ylabel("CSAT")
        step = max(1, round(len(days) / 8))
        axes.set_xticks(offsets[::step], [day.strftime("%d.%m") for day in days[::step]])
        axes.set_xlim(-0.7, len(days) - 0.3)
        handles = [*axes.get_legend_handles_labels()[0], *share_axes.get_legend_handles_labels()[0]]
        axes.legend(handles=handles, loc="upper left", fontsize=8, frameon=False, ncols=2)
        axes.set_ylim(0, max(max(responses, default=0), 1) * 1.25)
        return figure

    return Chart(draw, f"Ответы и CSAT по дням, {len(days)} дн.")


def stacked_share(parts: Sequence[tuple[str, int, str]], *, description: str) -> Chart:
    """One horizontal bar split into labelled parts (label, count, colour), e.g. plan items."""

    def draw() -> Figure:
        figure = _figure(0.95)
        axes = figure.add_subplot()
        total = sum(count for _, count, _ in parts) or 1
        left = 0.0
        for label, count, color in parts:
            if count:
                axes.barh(
                    [0], [count], left=left, color=color, height=0.6, label=f"{label}: {count}"
                )
                if count / total > 0.07:
                    ink = INK if color == NO_DATA else "white"
                    axes.text(
                        left + count / 2,
                        0,
                        str(count),
                        ha="center",
                        va="center",
                        color=ink,
                        fontsize=9,
                        fontweight="bold",
                    )
            left += count
        axes.set_xlim(0, total)
        axes.set_yticks([])
        axes.set_xticks([])
        for side in ("left", "bottom"):
            axes.spines[side].set_visible(False)
        axes.legend(
            loc="upper center", bbox_to_anchor=(0.5, -0.05), ncols=4, frameon=False, fontsize=8
        )
        return figure

    return Chart(draw, description)
