"""What every format shows, prepared once from the report: Russian labels, ordered sections,
their charts and tables. The HTML page, the PDF and the workbook only lay this out."""

from collections.abc import Sequence
from dataclasses import dataclass

from reporting_worker.reports.render.charts import Chart
from reporting_worker.reports.render.tables import Kind, Table, format_value


@dataclass(frozen=True)
class Metric:
    """A headline figure of the period, with the previous period's and the change."""

    label: str
    kind: Kind
    value: float | None
    previous: float | None = None
    change: float | None = None
    higher_is_better: bool | None = True  # None: a change is neither good nor bad (volume)

    @property
    def shown(self) -> str:
        return format_value(self.kind, self.value)

    @property
    def change_kind(self) -> Kind:
        changes = {Kind.PERCENT: Kind.PERCENT_CHANGE, Kind.SCORE: Kind.SCORE_CHANGE}
        return changes.get(self.kind, Kind.COUNT_CHANGE)

    @property
    def change_text(self) -> str | None:
        if self.change is None:
            return None
        return f"{format_value(self.change_kind, self.change)} к пред. периоду"

    @property
    def tone(self) -> str:
        if self.change is None or self.higher_is_better is None or abs(self.change) < 1e-9:
            return "flat"
        return "better" if (self.change > 0) == self.higher_is_better else "worse"


@dataclass(frozen=True)
class SheetChart:
    """A native Excel chart over one of the section's tables: the categories in one column,
    one series per value column (1-based column numbers of the table)."""

    kind: str  # "bar" (horizontal), "column" or "line"
    title: str
    categories: int
    values: Sequence[int]
    percent_axis: bool = False
    secondary_line: int | None = None  # a column drawn as a line on its own axis
    stacked: bool = False


@dataclass(frozen=True)
class PainCell:
    row: str  # the stage
    column: str  # the touchpoint or channel
    responses: int
    csat: str
    average: str
    color: str
    categories: Sequence[str] = ()
    quotes: Sequence[str] = ()
    # the interval, the smoothed CSAT, the services it comes from: one line each
    details: Sequence[str] = ()


@dataclass(frozen=True)
class PainMap:
    rows: Sequence[str]
    columns: Sequence[str]
    cells: Sequence[PainCell]  # the grid, only where there were responses
    worst: Sequence[PainCell]  # the most acute places, most acute first, with quotes
    note: str

    def cell(self, row: str, column: str) -> PainCell | None:
        return next((c for c in self.cells if c.row == row and c.column == column), None)


@dataclass(frozen=True)
class Section:
    key: str  # anchor on the page
    title: str
    tables: Sequence[Table] = ()
    chart: Chart | None = None
    sheet_chart: SheetChart | None = None
    paragraphs: Sequence[str] = ()
    pain_map: PainMap | None = None


@dataclass(frozen=True)
class ReportView:
    title: str
    subject: str
    period: str
    previous_period: str
    created: str
    metrics: Sequence[Metric]
    conclusions: Sequence[str]
    sections: Sequence[Section]
    warnings: Sequence[str] = ()
    file_stem: str = "Аналитический отчет"

    @property
    def charts(self) -> list[Chart]:
        return [section.chart for section in self.sections if section.chart is not None]
