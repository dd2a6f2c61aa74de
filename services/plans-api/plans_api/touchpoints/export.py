"""The touchpoint registry as the XLSX document an agency sends (seed 003, form of appendix 3).

The first sheet lists every touchpoint; then, as 3.5 asks, one sheet per direction of activity
with the touchpoints that serve it. Each sheet prints on A4 landscape, fitted to the width at a
readable size, the header row repeated on every page, each row as tall as its wrapped text.
"""

import io
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from otklik_kit.text import printable
from otklik_shared.vocab import DIRECTION_LABELS, Direction
from otklik_shared.vocab_touchpoints import CLIENT_NEED_LABELS, TOUCHPOINT_KIND_LABELS
from plans_api.exports import layout
from plans_api.touchpoints.basis import BASIS_LABELS
from plans_api.touchpoints.models import Touchpoint

TITLE = "Перечень точек взаимодействия"
ALL_SHEET = "Перечень"
COLUMNS: tuple[tuple[str, float], ...] = (
    ("№", 4),
    ("Вид точки взаимодействия", 15),
    ("Наименование", 19),
    ("Цифровая / офлайн", 9),
    ("Адрес (URL)", 19),
    ("Направления деятельности", 14),
    ("Потребности клиента", 17),
    ("Услуги (функции)", 17),
    ("Сбор обратной связи", 12),
    ("Основание (документ)", 15),
    ("Ответственное подразделение, уполномоченные лица", 15),
)
WIDTHS = [width for _, width in COLUMNS]
HEADER_ROW = 3
FONT_PT = 10
TITLE_PT = 14
# Calibri 10 holds about 1.2 Cyrillic characters per width unit (DejaVu Sans, its stand-in in
# LibreOffice, 1.15); a little fewer keeps lines whole
CHARS_PER_UNIT = 1.1
LINE_PT = 13.0
PADDING_PT = 4.0
SIDE_MARGIN_IN = 0.35
MAX_LINES = int((layout.MAX_ROW_PT - PADDING_PT) // LINE_PT)
# sheet names: at most 31 characters, so the directions go by a short name
DIRECTION_SHEETS = {
    Direction.STATE_SERVICES: "Услуги",
    Direction.SUPPORT_MEASURES: "Меры поддержки",
    Direction.CONTROL_SUPERVISION: "Контроль (надзор)",
    Direction.APPEALS: "Обращения и запросы",
    Direction.INFORMATION_ACCESS: "Доступ к информации",
    Direction.INTERNAL: "Внутренний клиент",
    Direction.OTHER: "Иные функции и услуги",
}
CellValue = str | int

_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")


@dataclass(frozen=True)
class RegistrySheet:
    name: str
    subtitle: str
    rows: list[list[CellValue]]


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lines(values: Sequence[str]) -> str:
    return ";\n".join(values)


def _basis(point: Touchpoint) -> str:
    kind = _sentence(BASIS_LABELS[point.basis_kind]) if point.basis_kind else ""
    return ": ".join(part for part in (kind, point.basis_document or "") if part)


def _responsible(point: Touchpoint) -> str:
    return "\n".join(p for p in (point.responsible_unit, *point.responsible_persons) if p)


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
                _basis(point),
                _responsible(point),
            ]
        )
    return rows


def registry_sheets(agency_name: str, touchpoints: Sequence[Touchpoint]) -> list[RegistrySheet]:
    """The whole registry, then one list per direction of activity that has touchpoints."""
    sheets = [RegistrySheet(ALL_SHEET, agency_name, registry_rows(touchpoints))]
    for number, direction in enumerate(Direction, start=1):
        serving = [t for t in touchpoints if direction in t.directions]
        if serving:
            subtitle = f"{agency_name}. Направление {number}: {DIRECTION_LABELS[direction]}"
            sheets.append(
                RegistrySheet(DIRECTION_SHEETS[direction], subtitle, registry_rows(serving))
            )
    return sheets


def physical_rows(values: Sequence[CellValue]) -> list[tuple[list[CellValue], float]]:
    """A registry row as sheet rows no taller than Excel shows: long cells continue below."""
    pieces: list[list[CellValue]] = []
    for value, width in zip(values, WIDTHS, strict=True):
        if isinstance(value, str):
            pieces.append(list(layout.split(value, _chars(width), MAX_LINES)))
        else:
            pieces.append([value])
    count = max(len(p) for p in pieces)
    result = []
    for index in range(count):
        row = [p[index] if index < len(p) else "" for p in pieces]
        result.append((row, _height(row)))
    return result


def _chars(width: float) -> int:
    return layout.capacity(width, CHARS_PER_UNIT)


def _height(row: Sequence[CellValue], widths: Sequence[float] = WIDTHS) -> float:
    lines = max(layout.line_count(str(v), _chars(w)) for v, w in zip(row, widths, strict=True))
    return min(layout.MAX_ROW_PT, lines * LINE_PT + PADDING_PT)


def _write_sheet(sheet: Worksheet, registry: RegistrySheet) -> None:
    last_column = get_column_letter(len(COLUMNS))
    headings = (
        (TITLE, Font(bold=True, size=TITLE_PT)),
        (registry.subtitle, Font(italic=True, size=FONT_PT + 1)),
    )
    for row, (text, font) in enumerate(headings, start=1):
        cell = sheet.cell(row=row, column=1, value=printable(text))
        cell.font = font
        cell.alignment = Alignment(horizontal="center", vertical="top", wrap_text=True)
        sheet.merge_cells(f"A{row}:{last_column}{row}")
        size = float(font.size or FONT_PT)
        lines = layout.line_count(text, _chars(sum(WIDTHS) * FONT_PT / size))
        sheet.row_dimensions[row].height = lines * LINE_PT * size / FONT_PT + PADDING_PT
    for column, (header, width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=column, value=header)
        cell.font = Font(bold=True, size=FONT_PT)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.row_dimensions[HEADER_ROW].height = _height([h for h, _ in COLUMNS])
    body = Font(size=FONT_PT)
    for values in registry.rows:
        for cells, height in physical_rows(values):
            sheet.append([printable(v) if isinstance(v, str) else v for v in cells])
            sheet.row_dimensions[sheet.max_row].height = height
            for written in sheet[sheet.max_row]:
                written.alignment = _WRAP
                written.border = _BORDER
                written.font = body
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last_column}{max(sheet.max_row, HEADER_ROW)}"
    _set_up_print(sheet, last_column)


def _set_up_print(sheet: Worksheet, last_column: str) -> None:
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_area = f"A1:{last_column}{sheet.max_row}"
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    margins = sheet.page_margins
    margins.left = margins.right = SIDE_MARGIN_IN
    margins.top = margins.bottom = 0.5
    margins.header = margins.footer = 0.25
    footer = sheet.oddFooter
    assert footer is not None
    footer.center.text = "&P"


def registry_workbook(sheets: Sequence[RegistrySheet]) -> bytes:
    """CPU-bound: call it off the event loop."""
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for registry in sheets:
        _write_sheet(book.create_sheet(registry.name), registry)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
