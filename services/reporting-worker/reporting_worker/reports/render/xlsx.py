"""The report as an Excel workbook: one data sheet per table, raw numbers with number formats,
and native Excel charts over those cells (they stay live when someone edits a figure)."""

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.axis import ChartLines
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reporting_worker.reports.render.style import tint
from reporting_worker.reports.render.tables import Kind, Table
from reporting_worker.reports.render.view import ReportView, SheetChart

XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NUMBER_FORMATS = {
    Kind.COUNT: "#,##0",
    Kind.SHARE: "0.0%",
    Kind.SCORE: "0.00",
    Kind.SHARE_CHANGE: "+0.0%;-0.0%;0.0%",
    Kind.SCORE_CHANGE: "+0.00;-0.00;0.00",
    Kind.COUNT_CHANGE: "+#,##0;-#,##0;0",
    Kind.DATE: "DD.MM.YYYY",
}
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
CHART_WIDTH_CM = 18.0
FIRST_DATA_ROW = 3  # row 1: the table's title, row 2: the headers


def _write_table(sheet: Worksheet, table: Table) -> None:
    sheet.cell(1, 1, table.title).font = Font(bold=True, size=12)
    for number, column in enumerate(table.columns, start=1):
        header = sheet.cell(2, number, column.header)
        header.font = Font(bold=True)
        header.fill = HEADER_FILL
        header.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(number)].width = column.width
    for offset, values in enumerate(table.rows):
        color = table.row_colors[offset] if offset < len(table.row_colors) else None
        for number, (column, value) in enumerate(zip(table.columns, values, strict=True), 1):
            cell = sheet.cell(FIRST_DATA_ROW + offset, number, value)
            if column.kind in NUMBER_FORMATS:
                cell.number_format = NUMBER_FORMATS[column.kind]
            if column.kind == Kind.TEXT:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            if color:
                cell.fill = PatternFill("solid", fgColor=tint(color).lstrip("#").upper())
    last_row = FIRST_DATA_ROW + len(table.rows) - 1
    if table.rows:
        sheet.auto_filter.ref = f"A2:{get_column_letter(len(table.columns))}{last_row}"
    if table.note:
        sheet.cell(last_row + 2, 1, table.note).font = Font(italic=True, color="5F6B7A")
    sheet.freeze_panes = sheet.cell(FIRST_DATA_ROW, 1)


def _chart(sheet: Worksheet, table: Table, spec: SheetChart) -> None:
    if not table.rows:
        return
    last_row = FIRST_DATA_ROW + len(table.rows) - 1
    categories = Reference(sheet, min_col=spec.categories, min_row=FIRST_DATA_ROW, max_row=last_row)
    chart: BarChart | LineChart
    if spec.kind == "line":
        chart = LineChart()
    else:
        chart = BarChart()
        chart.type = "bar" if spec.kind == "bar" else "col"
        chart.gapWidth = 60
    for column in spec.values:
        data = Reference(sheet, min_col=column, min_row=2, max_row=last_row)
        chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    chart.title = spec.title
    chart.width = CHART_WIDTH_CM
    chart.height = max(7.5, min(0.75 * len(table.rows) + 3, 20))
    if spec.kind == "bar":
        chart.x_axis.scaling.orientation = "maxMin"  # the first row at the top, as in the table
    if spec.percent_axis:
        chart.y_axis.number_format = "0%"
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 1
    chart.y_axis.majorGridlines = ChartLines()
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    if spec.secondary_line is not None:
        line = LineChart()
        data = Reference(sheet, min_col=spec.secondary_line, min_row=2, max_row=last_row)
        line.add_data(data, titles_from_data=True)
        line.y_axis.axId = 200
        line.y_axis.title = table.columns[spec.secondary_line - 1].header
        line.y_axis.number_format = "0%"
        line.y_axis.scaling.min = 0
        line.y_axis.scaling.max = 1
        line.y_axis.crosses = "max"
        line.y_axis.delete = False
        chart += line
    if len(spec.values) == 1 and spec.secondary_line is None:
        chart.legend = None
    anchor = get_column_letter(len(table.columns) + 2) + "2"
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
        sheet.cell(number, 1, values[0]).font = Font(bold=number <= 2, size=14 if number == 1 else 11)
    row = len(rows) + 2
    headers = ("Показатель", "За период", "Предыдущий период", "Изменение")
    for number, (header, width) in enumerate(zip(headers, (44, 14, 18, 14), strict=True), 1):
        cell = sheet.cell(row, number, header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        sheet.column_dimensions[get_column_letter(number)].width = width
    for offset, metric in enumerate(view.metrics, start=row + 1):
        sheet.cell(offset, 1, metric.label)
        values = (metric.value, metric.previous, metric.change)
        kinds = (metric.kind, metric.kind, metric.change_kind)
        for number, (value, kind) in enumerate(zip(values, kinds, strict=True), start=2):
            sheet.cell(offset, number, value).number_format = NUMBER_FORMATS[kind]
    row += len(view.metrics) + 2
    sheet.cell(row, 1, "Основные выводы").font = Font(bold=True, size=12)
    for offset, sentence in enumerate(view.conclusions, start=1):
        sheet.cell(row + offset, 1, f"• {sentence}")
    row += len(view.conclusions) + 2
    if view.survey_facts:
        sheet.cell(row, 1, "Сведения об опросе").font = Font(bold=True, size=12)
        for offset, (label, value) in enumerate(view.survey_facts, start=1):
            sheet.cell(row + offset, 1, label)
            sheet.cell(row + offset, 2, value)


def render_xlsx(view: ReportView) -> bytes:
    workbook = Workbook()
    summary = workbook.active
    assert summary is not None
    _summary_sheet(summary, view)
    for section in view.sections:
        for index, table in enumerate(section.tables):
            sheet = workbook.create_sheet(table.sheet)
            _write_table(sheet, table)
            if index == 0 and section.sheet_chart is not None:
                _chart(sheet, table, section.sheet_chart)
    for table in view.extra_sheets:
        _write_table(workbook.create_sheet(table.sheet), table)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
