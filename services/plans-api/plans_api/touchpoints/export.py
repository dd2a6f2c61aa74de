"""The touchpoint registry as the XLSX document an agency sends (seed 003, form of appendix 3)."""

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from otklik_kit.text import printable
from otklik_shared.vocab import DIRECTION_LABELS
from otklik_shared.vocab_touchpoints import CLIENT_NEED_LABELS, TOUCHPOINT_KIND_LABELS
from plans_api.touchpoints.models import Touchpoint

TITLE = "Перечень точек взаимодействия"
COLUMNS: tuple[tuple[str, int], ...] = (
    ("№", 6),
    ("Вид точки взаимодействия", 32),
    ("Наименование", 40),
    ("Цифровая / офлайн", 14),
    ("Адрес (URL)", 40),
    ("Направления деятельности", 32),
    ("Потребности клиента", 48),
    ("Услуги (функции)", 50),
    ("Сбор обратной связи", 32),
)
HEADER_ROW = 3
CellValue = str | int

_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lines(values: Sequence[str]) -> str:
    return ";\n".join(values)


def registry_rows(touchpoints: Sequence[Touchpoint]) -> list[list[CellValue]]:
    """One row per touchpoint, in Russian, as it appears under the header."""
    rows: list[list[CellValue]] = []
    for number, point in enumerate(touchpoints, start=1):
        feedback = "Нет"
        if point.collects_feedback:
            feedback = f"Да: {point.feedback_channel}" if point.feedback_channel else "Да"
        rows.append(
            [
                number,
                _sentence(TOUCHPOINT_KIND_LABELS[point.kind]),
                point.name,
                "Цифровая" if point.is_digital else "Офлайн",
                (point.url if point.is_digital else point.address) or "",
                _lines([DIRECTION_LABELS[d] for d in point.directions]),
                _lines([CLIENT_NEED_LABELS[n] for n in point.client_needs]),
                _lines([s.title for s in point.services]),
                feedback,
            ]
        )
    return rows


def registry_workbook(agency_name: str, rows: Sequence[Sequence[CellValue]]) -> bytes:
    """CPU-bound: call it off the event loop."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Перечень"
    last_column = get_column_letter(len(COLUMNS))
    for row, (text, font) in enumerate(
        ((TITLE, Font(bold=True, size=14)), (printable(agency_name), Font(italic=True))), start=1
    ):
        sheet.cell(row=row, column=1, value=text).font = font
        sheet.cell(row=row, column=1).alignment = Alignment(horizontal="center", wrap_text=True)
        sheet.merge_cells(f"A{row}:{last_column}{row}")
    header_fill = PatternFill("solid", fgColor="D9E1F2")
    for column, (header, width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=column, value=header)
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.border = _BORDER
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        sheet.column_dimensions[get_column_letter(column)].width = width
    for values in rows:
        sheet.append([printable(v) if isinstance(v, str) else v for v in values])
        for written in sheet[sheet.max_row]:
            written.alignment = _WRAP
            written.border = _BORDER
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last_column}{max(sheet.max_row, HEADER_ROW)}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
