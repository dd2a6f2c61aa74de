"""The report's HTML, PDF and XLSX, rendered from a known report and opened the way a person
would: the page in headless Chromium, the PDF drawn by poppler, the workbook read back."""

import io
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.chart import BarChart, LineChart
from openpyxl.worksheet.worksheet import Worksheet

from otklik_kit.pdf import FONT
from reporting_worker.reports.render.formats import ReportFormat, file_name, render_report
from reporting_worker.reports.render.layout import report_view
from reporting_worker.reports.render.tables import format_value
from reporting_worker.reports.schemas import REPORT_EXAMPLE, AnalyticalReport
from tests import headless
from tests.report_samples import HOSTILE_QUOTE, sample_report

# text a reader must find, in Russian, in every format
EXPECTED_TEXT = (
    "Основные выводы",
    "Наиболее острая проблема — очереди в МФЦ на этапе подачи заявления.",
    "Назначение ежемесячной выплаты",
    "Распределение оценок",
    "Удовлетворенность по этапам",
    "Подача заявления",
    "Карта болей",
    "Сотрудник не смог объяснить, каких документов не хватает",
    "Категории комментариев",
    "Время ожидания, очереди",
    "Исполнение плана мероприятий",
    "Сокращение срока предоставления услуги",
    "Сведения об опросах",
    "https://feedback.example.ru/api/v1/public/surveys/",
    "Динамика по дням",
    "Динамика за 12 месяцев",
    "▲ значимый рост",
    "Больше окон приема по субботам",
    "Значимые изменения и метод",
    "68,8",  # CSAT of the period, with a decimal comma
)


@pytest.fixture(scope="module")
def report() -> AnalyticalReport:
    return sample_report()


@pytest.fixture(scope="module")
def rendered(report: AnalyticalReport, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The three files of the sample report, kept in REPORT_RENDER_DIR when it is set (to look
    at them, and the screenshots, by eye)."""
    folder = tmp_path_factory.mktemp("report")
    for fmt in ReportFormat:
        (folder / f"report.{fmt.value}").write_bytes(render_report(report, fmt))
    yield folder
    keep = os.environ.get("REPORT_RENDER_DIR")
    if keep:
        shutil.copytree(folder, keep, dirs_exist_ok=True)


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def test_html_report_in_headless_chromium_shows_charts_and_russian_text(rendered: Path) -> None:
    with headless.chromium_page() as page:
        page.open((rendered / "report.html").as_uri(), width=1100)
        text = _flat(page.evaluate("document.body.innerText"))
        charts = page.boxes("figure.chart")
        grid = page.boxes("[data-chart=pain-grid]")
        images_drawn = page.evaluate(
            "Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)"
        )
        scripts = page.evaluate("document.scripts.length")
        wider_than_window = page.evaluate("document.documentElement.scrollWidth > innerWidth")
        screenshot = page.screenshot()
    screenshot.save(rendered / "report-html.png")

    for expected in EXPECTED_TEXT:
        assert _flat(expected) in text
    assert HOSTILE_QUOTE in text  # the citizen's markup shown as text, not run
    assert scripts == 0
    assert images_drawn
    assert not wider_than_window
    # trend, distribution, criteria, stages, channels, touchpoints, categories, sentiment, plan,
    # days
    assert len(charts) == 10
    for box in charts:
        assert box.width > 600
        assert box.height > 80
        chart = headless.crop(screenshot, box)
        assert headless.colored_share(chart) > 0.1, box
    assert len(grid) == 1
    assert headless.colored_share(headless.crop(screenshot, grid[0])) > 0.08


def test_html_report_escapes_citizens_text(report: AnalyticalReport) -> None:
    page = render_report(report, ReportFormat.HTML).decode()

    assert "<script" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert "&lt;b&gt;два часа&lt;/b&gt;" in page
    # nothing to fetch: every image is inline data, no stylesheet or script is linked
    assert re.findall(r'(?:src|href)="(?!data:)', page) == []
    assert "url(" not in page


def test_pdf_report_drawn_by_poppler_has_charts_and_russian_text(rendered: Path) -> None:
    pdf = rendered / "report.pdf"
    dpi = 60
    pages = headless.pdf_pages(pdf, dpi=dpi)
    text = _flat(headless.pdf_text(pdf))
    images = headless.pdf_images(pdf, dpi=dpi)
    for number, picture in enumerate(pages, start=1):
        picture.save(rendered / f"report-pdf-{number}.png")

    # a table cell wraps a long link: compare without the breaks
    unbroken = text.replace(" ", "")
    for expected in EXPECTED_TEXT:
        assert _flat(expected).replace(" ", "") in unbroken
    assert "\ufffd" not in text
    assert "alert" in text  # the hostile quote is plain text in a PDF
    width, height = pages[0].size
    assert abs(height / width - 297 / 210) < 0.01  # A4 portrait
    assert all(headless.non_white_share(picture) > 0.01 for picture in pages)
    assert len(images) == 10  # the ten charts, as images
    for placed in images:
        assert placed.box.width > 0.8 * (width - 2 * 14 / 25.4 * dpi)  # the text's full width
        chart = headless.crop(pages[placed.page - 1], placed.box)
        assert headless.colored_share(chart) > 0.1, placed


def _sheet(workbook: Workbook, name: str) -> Worksheet:
    sheet = workbook[name]
    assert isinstance(sheet, Worksheet)
    return sheet


def _charts(sheet: Worksheet) -> list[Any]:
    charts: list[Any] = sheet._charts  # type: ignore[attr-defined]  # not in the stubs
    return charts


def _rows(sheet: Worksheet, first: int, last: int, columns: int) -> list[list[Any]]:
    return [
        [sheet.cell(row, column).value for column in range(1, columns + 1)]
        for row in range(first, last + 1)
    ]


def _series_refs(chart: BarChart | LineChart) -> list[str]:
    return [series.val.numRef.f for series in chart.series]


def test_xlsx_report_sheets_values_and_charts_match_the_report(
    report: AnalyticalReport, rendered: Path
) -> None:
    workbook = load_workbook(rendered / "report.xlsx")

    assert workbook.sheetnames == [
        "Сводка",
        "Выводы",
        "Тренд",
        "Оценки",
        "Критерии",
        "По этапам",
        "По каналам",
        "По точкам",
        "Карта болей",
        "Категории",
        "Тональность",
        "План",
        "Опросы",
        "По дням",
    ]
    summary = _sheet(workbook, "Сводка")
    assert summary["A1"].value == report.title
    metrics = {row[0]: row[1:] for row in _rows(summary, 8, 11, 4)}
    csat = report.headline.csat
    assert metrics["CSAT — доля оценок 4–5"] == [csat.value, csat.previous, csat.change]
    assert metrics["Респондентов"][0] == report.headline.respondents.value

    stages = _sheet(workbook, "По этапам")
    assert _rows(stages, 2, 2, 10)[0] == [
        "Этап",
        "Ответов",
        "Ответов ранее",
        "Средняя оценка",
        "Изм. средней",
        "CSAT",
        "Интервал CSAT",
        "Изм. CSAT",
        "Вывод",
        "Комментариев",
    ]
    assert _rows(stages, 3, 2 + len(report.by_stage), 10) == [
        [
            row.label,
            row.figures.respondents.value,
            row.figures.respondents.previous,
            row.figures.average_rating.value,
            row.figures.average_rating.change,
            row.figures.csat.value,
            None,  # the sample's rows carry no interval nor verdict
            row.figures.csat.change,
            None,
            row.figures.comments.value,
        ]
        for row in report.by_stage
    ]
    assert stages["F3"].number_format == '0.0" %"'
    assert stages["D3"].number_format == "0.00"
    assert stages.column_dimensions["A"].width >= 30
    (stage_chart,) = _charts(stages)
    assert isinstance(stage_chart, BarChart)
    last = 2 + len(report.by_stage)
    assert _series_refs(stage_chart) == [f"'По этапам'!$F$3:$F${last}"]
    assert stage_chart.series[0].cat.strRef.f == f"'По этапам'!$A$3:$A${last}"

    pain = _sheet(workbook, "Карта болей")
    first_cell = report.pain_map.cells[0]
    assert _rows(pain, 3, 3, 10)[0] == [
        first_cell.rank,
        first_cell.stage_label,
        first_cell.place_label,
        first_cell.responses,
        first_cell.dissatisfied,
        first_cell.average_rating,
        first_cell.csat,
        None,  # the sample's cells carry no interval nor smoothed CSAT
        None,
        first_cell.score,
    ]
    assert HOSTILE_QUOTE in str(pain["M3"].value)

    trend = _sheet(workbook, "Тренд")
    assert [row[:3] for row in _rows(trend, 3, 2 + len(report.trend), 3)] == [
        [p.label, p.responses, p.csat] for p in report.trend
    ]
    # May 2026: 200 of 305 → 260 of 330, a significant rise, marked; June within chance
    assert trend["F8"].value == "▲ значимый рост"
    assert trend["F9"].value == "случайно"

    days = _sheet(workbook, "По дням")
    daily = _rows(days, 3, 2 + len(report.daily), 4)
    assert [[day.date(), *rest] for day, *rest in daily] == [
        [p.day, p.responses, p.average_rating, p.csat] for p in report.daily
    ]
    assert days["A3"].number_format == "DD.MM.YYYY"
    (daily_chart,) = _charts(days)
    last = 2 + len(report.daily)
    # responses as columns, CSAT as a line on its own axis
    bars, line = daily_chart._charts
    assert isinstance(line, LineChart)
    assert _series_refs(bars) == [f"'По дням'!$B$3:$B${last}"]
    assert _series_refs(line) == [f"'По дням'!$D$3:$D${last}"]

    categories = _sheet(workbook, "Категории")
    assert [row[:2] for row in _rows(categories, 3, 2 + len(report.categories), 2)] == [
        [c.label, c.comments] for c in report.categories
    ]
    plan = _sheet(workbook, "План")
    assert _rows(plan, 3, 3, 8)[0][2:] == [12, 5, 3, 2, 2, 41.7]
    (plan_chart,) = _charts(plan)
    assert plan_chart.grouping == "stacked"
    assert _series_refs(plan_chart) == [f"'План'!${c}$3" for c in "DEFG"]


def test_report_file_name_is_the_subject_and_period(report: AnalyticalReport) -> None:
    assert file_name(report, ReportFormat.PDF) == (
        "Отчет Назначение ежемесячной выплаты ноябрь 2026 г.pdf"
    )


def test_report_view_lays_out_an_empty_period_without_charts(report: AnalyticalReport) -> None:
    warning = "Сервис планов (plans-api) недоступен: исполнение плана не показано."
    empty = report.model_copy(
        update={
            "by_stage": [],
            "by_channel": [],
            "by_touchpoint": [],
            "categories": [],
            "warnings": [warning],
        }
    )
    view = report_view(empty)
    stages = next(s for s in view.sections if s.key == "stages")
    assert stages.chart is None
    assert stages.paragraphs == ["За период нет ответов с этим разрезом."]
    # every format still renders, and says what is missing
    page = render_report(empty, ReportFormat.HTML).decode()
    assert "Ограничения данных" in page
    assert warning in page
    assert render_report(empty, ReportFormat.PDF).startswith(b"%PDF-")
    summary = load_workbook(io.BytesIO(render_report(empty, ReportFormat.XLSX)))["Сводка"]
    assert f"• {warning}" in [cell.value for cell in summary["A"]]


def test_long_breakdown_charts_its_largest_rows_and_says_so(report: AnalyticalReport) -> None:
    row = report.by_channel[0]
    many = [row.model_copy(update={"label": f"Канал {n}"}) for n in range(40)]
    view = report_view(report.model_copy(update={"by_channel": many}))

    channels = next(s for s in view.sections if s.key == "channels")
    assert channels.chart is not None
    assert "Канал 14:" in channels.chart.description
    assert "Канал 15:" not in channels.chart.description
    assert len(channels.tables[0].rows) == 40
    assert channels.paragraphs == ["На диаграмме — первые 15 строк из 40; все строки — в таблице."]


def test_the_schemas_own_example_renders_in_every_format() -> None:
    example = AnalyticalReport.model_validate(REPORT_EXAMPLE)
    page = render_report(example, ReportFormat.HTML).decode()
    assert "Очередь два часа, работало одно окно." in page
    assert render_report(example, ReportFormat.PDF).startswith(b"%PDF-")
    workbook = load_workbook(io.BytesIO(render_report(example, ReportFormat.XLSX)))
    assert _sheet(workbook, "Карта болей")["C3"].value == "МФЦ"


def test_pdf_table_headers_fit_their_columns_word_by_word(report: AnalyticalReport) -> None:
    from reporting_worker.reports.render import pdf

    document = pdf._Document("проверка")
    document.add_page()
    tables = [
        table
        for section in report_view(report).sections
        for table in section.tables
        if table.in_document
    ]
    widest = max(tables, key=lambda t: len(t.columns))
    assert len(widest.columns) >= 10  # the 12-month trend: month, volume, CSAT, criteria…
    for table in tables:
        texts = [
            [pdf._clean(format_value(c.kind, v)) for c, v in zip(table.columns, row, strict=True)]
            for row in table.rows
        ]
        size = document.table_font_size(table, texts)
        widths = document.column_widths(table, texts, size)
        document.set_font(FONT, "B", size)
        assert sum(widths) <= document.epw + 0.01, table.title
        for column, width in zip(table.columns, widths, strict=True):
            for word in column.header.split():
                # the table's cell padding is 1.2 mm a side: the word fits, it never breaks
                assert document.get_string_width(word) + 2.4 <= width, (table.title, word)
