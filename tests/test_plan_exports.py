"""DOCX and XLSX exports of a departmental plan, opened back and read cell by cell.

The plan is a regional ministry's plan for one service, shaped like the real ones: only some
items of the typical plan, wording adapted («орган власти» → «ОМСУ»), one item carried out
first by the ministry's department and then by the municipalities.
"""

import io
from dataclasses import dataclass
from datetime import date, datetime

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.table import Table, _Cell, _Row
from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.worksheet.worksheet import Worksheet

from plans_api.exports.document import (
    ExportExecutor,
    ExportFootnote,
    ExportRow,
    PlanDocument,
)
from plans_api.exports.docx_export import render_docx
from plans_api.exports.xlsx_export import render_xlsx

HEADER = ["№ п/п", "Мероприятие", "Дата начала", "Дата окончания", "Ответственный", "Результат"]
SERVICE = "Назначение ежемесячной денежной выплаты на ребенка в возрасте от трех до семи лет"
TITLE = f"План мероприятий по оптимизации государственной услуги «{SERVICE}»"
AGENCY = "Министерство социальной защиты Республики Примерной"
OFFICIAL = "Министр социальной защиты Республики Примерной А.А. Петров"
PAYMENTS_DEPARTMENT = "Отдел социальных выплат Минсоцзащиты (начальник отдела Иванов И.И.)"
IT_DEPARTMENT = "Отдел информационных технологий Минсоцзащиты (начальник отдела Орлов П.С.)"
PERSONNEL_DEPARTMENT = "Отдел кадров Минсоцзащиты (начальник отдела Сидорова Е.В.)"
MUNICIPALITIES = "ОМСУ муниципальных районов и городских округов (по согласованию)"
TEXT_2_3_2 = (
    "Обеспечение возможности обращения для предоставления государственной услуги (сервиса) "
    "на официальных сайтах ОМСУ без необходимости очного взаимодействия"
)
TEXT_3_4 = (
    "Формирование системы управления изменениями на основании полученной обратной связи, "
    "механизма рассмотрения предложений клиентов (заявителей) о доработке государственной "
    "услуги (сервиса)"
)
FOOTNOTE_5 = (
    "Использование полученной обратной связи для выявления и изучения потребностей клиентов "
    "(заявителей), проектирования и реинжиниринга государственной услуги (сервиса)"
)
RESULT_2_3 = "Отчет о реализации / внесение изменений в НПА"

NUMBERS = ["1.", "1.1.", "1.6.", "2.", "2.3.", "2.3.2.", "2.3.5.", "3.", "3.4."]
KINDS = ["section", "item", "item", "section", "group", "item", "item", "section", "item"]


def _executor(start: date, end: date, responsible: str) -> ExportExecutor:
    return ExportExecutor(start_date=start, end_date=end, responsible=responsible)


def ministry_plan(**changes: object) -> PlanDocument:
    rows = [
        ExportRow(number="1", kind="section", text="Организационные мероприятия", result=""),
        ExportRow(
            number="1.1",
            kind="item",
            text="Назначение заместителя руководителя, ответственного за реализацию плана "
            "мероприятий",
            result="Приказ о назначении заместителя руководителя, ответственного за "
            "реализацию плана мероприятий",
            executors=[_executor(date(2023, 11, 1), date(2023, 11, 15), PERSONNEL_DEPARTMENT)],
        ),
        ExportRow(
            number="1.6",
            kind="item",
            text="Принятие акта, регулирующего порядок, содержащего перечень административных "
            "процедур по предоставлению государственной услуги (сервиса)",
            result="Ведомственный акт",
            executors=[_executor(date(2023, 11, 1), date(2023, 12, 1), PAYMENTS_DEPARTMENT)],
        ),
        ExportRow(
            number="2",
            kind="section",
            text="Оптимизация взаимодействия с клиентом (заявителем)",
            result="",
        ),
        ExportRow(
            number="2.3",
            kind="group",
            text="Реинжиниринг процессов предоставления государственных услуг (сервисов) "
            "в электронном виде",
            result=RESULT_2_3,
        ),
        ExportRow(
            number="2.3.2",
            kind="item",
            text=TEXT_2_3_2,
            result="",
            executors=[
                _executor(date(2023, 11, 1), date(2023, 12, 1), PAYMENTS_DEPARTMENT),
                _executor(date(2023, 12, 1), date(2023, 12, 25), MUNICIPALITIES),
            ],
        ),
        ExportRow(
            number="2.3.5",
            kind="item",
            text="Обеспечение возможности оплаты государственной пошлины, платы (при наличии) "
            "на ЕПГУ, официальных сайтах ОМСУ, в мобильном приложении",
            result="",
            executors=[_executor(date(2023, 11, 15), date(2024, 2, 29), IT_DEPARTMENT)],
        ),
        ExportRow(number="3", kind="section", text="Создание системы обратной связи", result=""),
        ExportRow(
            number="3.4",
            kind="item",
            text=TEXT_3_4,
            result="Ведомственный акт",
            footnote_marks=["5"],
            executors=[_executor(date(2024, 1, 9), date(2024, 3, 29), PAYMENTS_DEPARTMENT)],
        ),
    ]
    fields: dict[str, object] = {
        "title": TITLE,
        "agency_name": AGENCY,
        "service_title": SERVICE,
        "approving_official": OFFICIAL,
        "document_number": "214-од",
        "document_date": date(2023, 10, 27),
        "status_label": "Утвержден",
        "rows": rows,
        "footnotes": [ExportFootnote(mark="5", text=FOOTNOTE_5)],
    }
    return PlanDocument.model_validate(fields | changes)


@dataclass
class PrintedRow:
    """One plan row as printed: an item's executors may span several table rows."""

    cells: list[str]
    starts: list[str]
    ends: list[str]
    responsible: list[str]


@pytest.fixture(autouse=True)
def clean_state() -> None:
    """Replaces the suite's database cleanup: the renderers are pure and need no database."""


# ---------------------------------------------------------------- DOCX


def _open_docx(doc: PlanDocument) -> DocxDocument:
    return Document(io.BytesIO(render_docx(doc)))


def _plan_table(document: DocxDocument) -> Table:
    assert len(document.tables) == 1
    return document.tables[0]


def _distinct(row: _Row) -> list[_Cell]:
    cells: list[_Cell] = []
    for cell in row.cells:
        if not cells or cell is not cells[-1]:
            cells.append(cell)
    return cells


def _continues_item(row: _Row) -> bool:
    return row._tr.tc_lst[0].vMerge == "continue"


def _docx_rows(table: Table) -> list[PrintedRow]:
    printed: list[PrintedRow] = []
    for row in table.rows[1:]:
        cells = _distinct(row)
        if not _continues_item(row):
            printed.append(PrintedRow([c.text for c in cells], [], [], []))
        if len(cells) == len(HEADER):
            for column, lines in ((2, "starts"), (3, "ends"), (4, "responsible")):
                assert len(cells[column].paragraphs) == 1
                getattr(printed[-1], lines).append(cells[column].text)
    return printed


def _runs_bold(cell: _Cell) -> bool:
    runs = [run for paragraph in cell.paragraphs for run in paragraph.runs]
    return bool(runs) and all(run.bold for run in runs)


def _shaded(cell: _Cell) -> bool:
    return cell._tc.tcPr is not None and cell._tc.tcPr.find(qn("w:shd")) is not None


def test_docx_page_is_a4_landscape() -> None:
    section = _open_docx(ministry_plan()).sections[0]

    assert section.orientation == WD_ORIENT.LANDSCAPE
    width, height = section.page_width, section.page_height
    assert width is not None
    assert height is not None
    assert (round(width.mm), round(height.mm)) == (297, 210)


def test_docx_approval_block_and_title() -> None:
    paragraphs = _open_docx(ministry_plan()).paragraphs

    assert [p.text for p in paragraphs[:5]] == [
        "УТВЕРЖДАЮ",
        OFFICIAL,
        "№ 214-од от 27.10.2023",
        TITLE,
        AGENCY,
    ]
    assert all((p.paragraph_format.left_indent or 0) > Mm(100) for p in paragraphs[:3])
    assert paragraphs[3].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert all(run.bold for run in paragraphs[3].runs)


def test_docx_draft_leaves_the_approval_to_fill_by_hand() -> None:
    draft = ministry_plan(
        approving_official=None, document_number=None, document_date=None, status_label="Проект"
    )
    document = _open_docx(draft)

    assert [p.text for p in document.paragraphs[:3]] == [
        "УТВЕРЖДАЮ",
        "_" * 32,
        "«___» ____________ 20___ г.",
    ]
    assert document.sections[0].header.paragraphs[0].text == "Проект"


def test_docx_header_row_is_bold_and_repeated_on_each_page() -> None:
    header = _plan_table(_open_docx(ministry_plan())).rows[0]

    assert [cell.text for cell in header.cells] == HEADER
    assert all(_runs_bold(cell) for cell in header.cells)
    assert header._tr.trPr is not None
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None


def test_docx_rows_keep_plan_order_and_numbering() -> None:
    printed = _docx_rows(_plan_table(_open_docx(ministry_plan())))

    assert [row.cells[0] for row in printed] == NUMBERS


def test_docx_sections_span_the_table_bold_and_shaded() -> None:
    table = _plan_table(_open_docx(ministry_plan()))
    sections = [row for row in table.rows[1:] if row.cells[0].text in {"1.", "2.", "3."}]

    assert [[c.text for c in _distinct(row)] for row in sections] == [
        ["1.", "Организационные мероприятия"],
        ["2.", "Оптимизация взаимодействия с клиентом (заявителем)"],
        ["3.", "Создание системы обратной связи"],
    ]
    for row in sections:
        assert all(_runs_bold(cell) and _shaded(cell) for cell in _distinct(row))


def test_docx_group_row_is_bold_with_its_result() -> None:
    table = _plan_table(_open_docx(ministry_plan()))
    group = next(row for row in table.rows if row.cells[0].text == "2.3.")
    number, text, result = _distinct(group)

    assert text.text == (
        "Реинжиниринг процессов предоставления государственных услуг (сервисов) в электронном виде"
    )
    assert result.text == RESULT_2_3
    assert _runs_bold(number)
    assert _runs_bold(text)


def test_docx_items_texts_and_results() -> None:
    printed = {row.cells[0]: row for row in _docx_rows(_plan_table(_open_docx(ministry_plan())))}

    assert printed["2.3.2."].cells[1] == TEXT_2_3_2
    assert printed["1.1."].cells[5] == (
        "Приказ о назначении заместителя руководителя, ответственного за реализацию плана "
        "мероприятий"
    )
    assert printed["1.6."].cells[5] == "Ведомственный акт"
    assert printed["2.3.2."].cells[5] == ""
    assert printed["2.3.5."].cells[5] == ""
    assert printed["3.4."].cells[5] == "Ведомственный акт"


def test_docx_several_executors_are_stacked_line_by_line() -> None:
    printed = {row.cells[0]: row for row in _docx_rows(_plan_table(_open_docx(ministry_plan())))}
    item = printed["2.3.2."]

    assert item.starts == ["01.11.2023", "01.12.2023"]
    assert item.ends == ["01.12.2023", "25.12.2023"]
    assert item.responsible == [PAYMENTS_DEPARTMENT, MUNICIPALITIES]
    assert printed["1.6."].starts == ["01.11.2023"]
    assert printed["1.6."].ends == ["01.12.2023"]
    assert printed["1.6."].responsible == [PAYMENTS_DEPARTMENT]


def test_docx_footnote_mark_is_superscript_and_listed_below_the_table() -> None:
    document = _open_docx(ministry_plan())
    table = _plan_table(document)
    item = next(row for row in table.rows if row.cells[0].text == "3.4.")
    text_runs = item.cells[1].paragraphs[0].runs
    footnote = document.paragraphs[-1]

    assert item.cells[1].text == f"{TEXT_3_4}5"
    assert (text_runs[-1].text, text_runs[-1].font.superscript) == ("5", True)
    assert not text_runs[0].font.superscript
    assert footnote.text == f"5 {FOOTNOTE_5}"
    assert (footnote.runs[0].text, footnote.runs[0].font.superscript) == ("5", True)
    assert document.element.body.index(table._tbl) < document.element.body.index(footnote._p)


# ---------------------------------------------------------------- XLSX


def _open_xlsx(doc: PlanDocument) -> Worksheet:
    workbook = load_workbook(io.BytesIO(render_xlsx(doc)), rich_text=True)
    assert workbook.sheetnames == ["План"]
    sheet = workbook["План"]
    assert isinstance(sheet, Worksheet)
    return sheet


def _header_row(sheet: Worksheet) -> int:
    return next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "№ п/п")


def _row_of(sheet: Worksheet, number: str) -> int:
    return next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == number)


def _text(value: object) -> str:
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y")
    return "" if value is None else str(value)


def _merged_with_row_above(sheet: Worksheet, row: int) -> bool:
    return any(
        rng.min_col == 1 and rng.min_row < row <= rng.max_row for rng in sheet.merged_cells.ranges
    )


def _xlsx_rows(sheet: Worksheet) -> list[PrintedRow]:
    printed: list[PrintedRow] = []
    row = _header_row(sheet) + 1
    while sheet.cell(row, 1).value is not None or _merged_with_row_above(sheet, row):
        values = [_text(sheet.cell(row, column).value) for column in range(1, 7)]
        if not _merged_with_row_above(sheet, row):
            printed.append(PrintedRow(values, [], [], []))
        if sheet.cell(row, 3).value is not None:
            printed[-1].starts.append(values[2])
            printed[-1].ends.append(values[3])
            printed[-1].responsible.append(values[4])
        row += 1
    return printed


def test_xlsx_approval_block_and_title() -> None:
    sheet = _open_xlsx(ministry_plan())
    column_e = [sheet.cell(row, 5).value for row in range(1, 4)]

    assert column_e == ["УТВЕРЖДАЮ", OFFICIAL, "№ 214-од от 27.10.2023"]
    assert sheet.cell(1, 1).value == "Утвержден"
    assert (sheet["A5"].value, sheet["A6"].value) == (TITLE, AGENCY)
    assert sheet["A5"].font.b
    assert "A5:F5" in {str(rng) for rng in sheet.merged_cells.ranges}


def test_xlsx_header_is_bold_frozen_and_printed_on_each_page() -> None:
    sheet = _open_xlsx(ministry_plan())
    header = _header_row(sheet)

    assert [sheet.cell(header, column).value for column in range(1, 7)] == HEADER
    assert all(sheet.cell(header, column).font.b for column in range(1, 7))
    assert sheet.freeze_panes == f"A{header + 1}"
    assert sheet.print_title_rows == f"${header}:${header}"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.page_setup.fitToHeight == 0


def test_xlsx_rows_keep_plan_order_and_numbering() -> None:
    assert [row.cells[0] for row in _xlsx_rows(_open_xlsx(ministry_plan()))] == NUMBERS


def test_xlsx_sections_and_groups_are_bold_and_merged() -> None:
    sheet = _open_xlsx(ministry_plan())
    merged = {str(rng) for rng in sheet.merged_cells.ranges}

    for number, text in (
        ("1.", "Организационные мероприятия"),
        ("3.", "Создание системы обратной связи"),
    ):
        row = _row_of(sheet, number)
        assert sheet.cell(row, 2).value == text
        assert f"B{row}:F{row}" in merged
        assert sheet.cell(row, 1).font.b
        assert sheet.cell(row, 2).font.b
    group = _row_of(sheet, "2.3.")
    assert f"B{group}:E{group}" in merged
    assert sheet.cell(group, 2).font.b
    assert sheet.cell(group, 6).value == RESULT_2_3


def test_xlsx_several_executors_are_stacked_line_by_line_as_dates() -> None:
    sheet = _open_xlsx(ministry_plan())
    printed = {row.cells[0]: row for row in _xlsx_rows(sheet)}
    item = printed["2.3.2."]
    first = _row_of(sheet, "2.3.2.")

    assert item.cells[1] == TEXT_2_3_2
    assert item.starts == ["01.11.2023", "01.12.2023"]
    assert item.ends == ["01.12.2023", "25.12.2023"]
    assert item.responsible == [PAYMENTS_DEPARTMENT, MUNICIPALITIES]
    assert sheet.cell(first + 1, 3).value == datetime(2023, 12, 1)
    assert sheet.cell(first + 1, 3).number_format == "DD.MM.YYYY"
    merged = {str(rng) for rng in sheet.merged_cells.ranges}
    assert {f"A{first}:A{first + 1}", f"B{first}:B{first + 1}", f"F{first}:F{first + 1}"} <= merged


def test_xlsx_items_results() -> None:
    printed = {row.cells[0]: row for row in _xlsx_rows(_open_xlsx(ministry_plan()))}

    assert printed["1.6."].cells[5] == "Ведомственный акт"
    assert printed["2.3.5."].cells[5] == ""
    assert printed["3.4."].cells[5] == "Ведомственный акт"
    assert printed["1.6."].responsible == [PAYMENTS_DEPARTMENT]


def test_xlsx_footnote_mark_is_superscript_and_listed_below_the_table() -> None:
    sheet = _open_xlsx(ministry_plan())
    item_row = _row_of(sheet, "3.4.")
    text = sheet.cell(item_row, 2).value
    footnote = sheet.cell(sheet.max_row, 1).value

    assert isinstance(text, CellRichText)
    assert str(text) == f"{TEXT_3_4}5"
    assert isinstance(footnote, CellRichText)
    assert str(footnote) == f"5 {FOOTNOTE_5}"
    for value in (text, footnote):
        marks = [b for b in value if isinstance(b, TextBlock) and b.font.vertAlign == "superscript"]
        assert [block.text for block in marks] == ["5"]
    assert sheet.max_row > item_row + 1
