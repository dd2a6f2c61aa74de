"""The report as an Excel workbook: one data sheet per table, raw numbers with number formats,
and native Excel charts over those cells (they stay live when someone edits a figure)."""

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.axis import ChartLines
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reporting_worker.reports.render.style import tint
from reporting_worker.reports.render.tables import Kind, Table
from reporting_worker.reports.render.view import ReportView, SheetChart

XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NUMBER_FORMATS = {
    Kind.COUNT: "#,##0",
    Kind.PERCENT: '0.0" %"',
    Kind.SCORE: "0.00",
    Kind.PERCENT_CHANGE: '+0.0" п.п.";-0.0" п.п.";0.0" п.п."',
    Kind.SCORE_CHANGE: "+0.00;-0.00;0.00",
    Kind.COUNT_CHANGE: "+#,##0;-#,##0;0",
    Kind.DATE: "DD.MM.YYYY",
}
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
CHART_WIDTH_CM = 18


def _write_table(sheet: Worksheet, table: Table, top: int) -> int:
    """The table from row `top` (its title), headers below it; returns its last row."""
    sheet.cell(top, 1, table.title).font = Font(bold=True, size=12)
    for number, column in enumerate(table.columns, start=1):
        header = sheet.cell(top + 1, number, column.header)
        header.font = Font(bold=True)
        header.fill = HEADER_FILL
        header.alignment = Alignment(wrap_text=True, vertical="top")
        letter = get_column_letter(number)
        current = sheet.column_dimensions[letter].width or 0
        sheet.column_dimensions[letter].width = max(current, column.width)
    first_row = top + 2
    for offset, values in enumerate(table.rows):
        color = table.row_colors[offset] if offset < len(table.row_colors) else None
        for number, (column, value) in enumerate(zip(table.columns, values, strict=True), 1):
            cell = sheet.cell(first_row + offset, number, value)
            if column.kind in NUMBER_FORMATS:
                cell.number_format = NUMBER_FORMATS[column.kind]
            if column.kind == Kind.TEXT:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            if color:
                cell.fill = PatternFill("solid", fgColor=tint(color).lstrip("#").upper())
    last_row = first_row + len(table.rows) - 1 if table.rows else top + 1
    if table.note:
        last_row += 1
        sheet.cell(last_row, 1, table.note).font = Font(italic=True, color="5F6B7A")
    return last_row


def _chart(sheet: Worksheet, table: Table, spec: SheetChart, top: int) -> None:
    """A chart over the table whose title is at row `top`, to the right of it."""
    if not table.rows:
        return
    first_row, last_row = top + 2, top + 1 + len(table.rows)
    categories = Reference(sheet, min_col=spec.categories, min_row=first_row, max_row=last_row)
    chart: BarChart | LineChart
    if spec.kind == "line":
        chart = LineChart()
    else:
        chart = BarChart()
        chart.type = "bar" if spec.kind == "bar" else "col"
        chart.gapWidth = 60
    if spec.stacked and isinstance(chart, BarChart):
        chart.grouping = "stacked"
        chart.overlap = 100
    for column in spec.values:
        data = Reference(sheet, min_col=column, min_row=top + 1, max_row=last_row)
        chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    if table.columns[spec.categories - 1].kind == Kind.TEXT:
        # labels, not numbers: a string reference keeps them as text in every spreadsheet
        for series in chart.series:
            series.cat = AxDataSource(strRef=StrRef(f=series.cat.numRef.f))
    chart.title = spec.title
    chart.width = CHART_WIDTH_CM
    chart.height = max(8, min(round(0.75 * len(table.rows)) + 3, 20))
    if spec.kind == "bar":
        chart.x_axis.scaling.orientation = "maxMin"  # the first row at the top, as in the table
    chart.y_axis.majorGridlines = ChartLines()
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    if spec.secondary_line is not None:
        line = LineChart()
        data = Reference(sheet, min_col=spec.secondary_line, min_row=top + 1, max_row=last_row)
        line.add_data(data, titles_from_data=True)
        line.y_axis.axId = 200
        line.y_axis.title = table.columns[spec.secondary_line - 1].header
        line.y_axis.scaling.min = 0
        line.y_axis.scaling.max = 100
        line.y_axis.crosses = "max"
        line.y_axis.delete = False
        chart += line
    if len(spec.values) == 1 and spec.secondary_line is None:
        chart.legend = None
    anchor = f"{get_column_letter(len(table.columns) + 2)}{top + 1}"
    sheet.add_chart(chart, anchor)


def _summary_sheet(sheet: Worksheet, view: ReportView) -> None:
    sheet.title = "Сводка"
    rows: list[Sequence[str]] = [
        (view.title,),
        (view.subject,),
        (f"Период: {view.period}",),
        (f"Сравнение с: {view.previous_period}",),
        (f"Сформирован: {view.created}",),
    ]
    for number, values in enumerate(rows, start=1):
        sheet.cell(number, 1, values[0]).font = Font(
            bold=number <= 2, size=14 if number == 1 else 11
        )
    row = len(rows) + 2
    headers = ("Показатель", "За период", "Предыдущий период", "Изменение")
    for number, (header, width) in enumerate(zip(headers, (44, 14, 18, 14), strict=True), 1):
        cell = sheet.cell(row, number, header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        sheet.column_dimensions[get_column_letter(number)].width = width
    for offset, metric in enumerate(view.metrics, start=row + 1):
        sheet.cell(offset, 1, metric.label)
        figures = (metric.value, metric.previous, metric.change)
        kinds = (metric.kind, metric.kind, metric.change_kind)
        for number, (value, kind) in enumerate(zip(figures, kinds, strict=True), start=2):
            sheet.cell(offset, number, value).number_format = NUMBER_FORMATS[kind]
    row += len(view.metrics) + 2
    sheet.cell(row, 1, "Основные выводы").font = Font(bold=True, size=12)
    for offset, sentence in enumerate(view.conclusions, start=1):
        sheet.cell(row + offset, 1, f"• {sentence}")
    row += len(view.conclusions) + 2
    if view.warnings:
        sheet.cell(row, 1, "Ограничения данных").font = Font(bold=True, size=12)
        for offset, warning in enumerate(view.warnings, start=1):
            sheet.cell(row + offset, 1, f"• {warning}")


def render_xlsx(view: ReportView) -> bytes:
    workbook = Workbook()
    summary = workbook.active
    assert summary is not None
    _summary_sheet(summary, view)
    for section in view.sections:
        if not section.tables:
            continue
        # a section's tables share its sheet, one below the other; the chart draws the first
        sheet = workbook.create_sheet(section.tables[0].sheet)
        top = 1
        for index, table in enumerate(section.tables):
            last_row = _write_table(sheet, table, top)
            if index == 0 and section.sheet_chart is not None:
                _chart(sheet, table, section.sheet_chart, top)
            top = last_row + 3
        sheet.freeze_panes = "B3"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
